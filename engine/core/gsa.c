#include "gsa.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_qrng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "xalloc.h"

static gsl_rng *seeded_rng(uint64_t seed)
{
    gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
    if (!g) ss_out_of_memory(0);
    gsl_rng_set(g, (unsigned long)(seed ^ (seed >> 32)));
    return g;
}

/* ---- space-filling samples ---------------------------------------------------------------- */

/* A Latin hypercube: for each factor a random permutation of the n strata, and a uniform draw
 * inside each stratum. */
static void latin_hypercube(int k, int n, uint64_t seed, double *x)
{
    gsl_rng *g = seeded_rng(seed);
    int *strata = xmalloc(sizeof *strata * (size_t)n);
    for (int i = 0; i < k; i++) {
        for (int p = 0; p < n; p++) strata[p] = p;
        gsl_ran_shuffle(g, strata, (size_t)n, sizeof *strata);
        for (int p = 0; p < n; p++) x[(size_t)p * k + i] = (strata[p] + gsl_rng_uniform(g)) / n;
    }
    free(strata);
    gsl_rng_free(g);
}

const char *ss_space_filling_design(int k, int n, uint64_t seed, double *x)
{
    assert(k >= 1 && n >= 1);
    if (k > SS_SOBOL_MAX_DIMENSIONS) {
        latin_hypercube(k, n, seed, x);
        return "latin";
    }
    gsl_qrng *q = gsl_qrng_alloc(gsl_qrng_sobol, (unsigned)k);
    if (!q) ss_out_of_memory(0);
    double v[SS_SOBOL_MAX_DIMENSIONS];
    gsl_qrng_get(q, v);   /* the first point is the origin: a corner, not a sample */
    for (int p = 0; p < n; p++) {
        gsl_qrng_get(q, v);
        memcpy(x + (size_t)p * k, v, sizeof *x * (size_t)k);
    }
    gsl_qrng_free(q);
    return "sobol";
}

/* ---- Morris ------------------------------------------------------------------------------ */

static double morris_delta(int levels) { return levels / (2.0 * (levels - 1)); }

/* One trajectory: a random start on the grid, then each factor in a random order moved once by
 * delta, up when the start is in the lower half of the grid (so it stays inside [0, 1]). */
static void morris_trajectory(int k, int levels, gsl_rng *g, double *x, int *moved, int *up)
{
    double delta = morris_delta(levels);
    for (int i = 0; i < k; i++) {
        int level = (int)gsl_rng_uniform_int(g, (unsigned long)levels);
        x[i] = (double)level / (levels - 1);
    }
    int *order = xmalloc(sizeof *order * (size_t)k);
    for (int i = 0; i < k; i++) order[i] = i;
    gsl_ran_shuffle(g, order, (size_t)k, sizeof *order);
    for (int s = 0; s < k; s++) {
        double *prev = x + (size_t)s * k, *next = prev + k;
        memcpy(next, prev, sizeof *next * (size_t)k);
        int i = order[s];
        moved[s] = i;
        up[s] = prev[i] + delta <= 1 + 1e-12;
        next[i] = up[s] ? prev[i] + delta : prev[i] - delta;
        if (next[i] < 0) next[i] = 0;
        if (next[i] > 1) next[i] = 1;
    }
    free(order);
}

void ss_morris_design(int k, int r, int levels, uint64_t seed, double *x, int *moved, int *up)
{
    assert(k >= 1 && r >= 1 && levels >= 2 && levels % 2 == 0);
    gsl_rng *g = seeded_rng(seed);
    for (int t = 0; t < r; t++)
        morris_trajectory(k, levels, g, x + (size_t)t * (k + 1) * k, moved + (size_t)t * k, up + (size_t)t * k);
    gsl_rng_free(g);
}

void ss_morris_effects(int k, int r, int levels, const int *moved, const int *up, const double *y,
                       ss_morris_result *out)
{
    double delta = morris_delta(levels);
    double *ee = xmalloc(sizeof *ee * (size_t)r * (size_t)k);   /* ee[i r + t] */
    for (int t = 0; t < r; t++)
        for (int s = 0; s < k; s++) {
            const double *yt = y + (size_t)t * (k + 1);
            int i = moved[t * k + s];
            ee[(size_t)i * r + t] = (yt[s + 1] - yt[s]) / (up[t * k + s] ? delta : -delta);
        }
    for (int i = 0; i < k; i++) {
        const double *e = ee + (size_t)i * r;
        double abs_sum = 0;
        for (int t = 0; t < r; t++) abs_sum += fabs(e[t]);
        out[i].mu = gsl_stats_mean(e, 1, (size_t)r);
        out[i].mu_star = abs_sum / r;
        out[i].sigma = r > 1 ? gsl_stats_sd(e, 1, (size_t)r) : 0;
    }
    free(ee);
}

/* ---- Sobol ------------------------------------------------------------------------------- */

int ss_saltelli_design(int k, int n, double *x)
{
    if (k < 1 || k > SS_SOBOL_MAX_FACTORS || n < 1) return -1;
    gsl_qrng *q = gsl_qrng_alloc(gsl_qrng_sobol, (unsigned)(2 * k));
    if (!q) ss_out_of_memory(0);
    double v[2 * SS_SOBOL_MAX_FACTORS];
    gsl_qrng_get(q, v);   /* the first point is the origin: a corner, not a sample */
    for (int j = 0; j < n; j++) {
        gsl_qrng_get(q, v);
        double *a = x + (size_t)j * k, *b = x + ((size_t)n + j) * k;
        memcpy(a, v, sizeof *a * (size_t)k);
        memcpy(b, v + k, sizeof *b * (size_t)k);
        for (int i = 0; i < k; i++) {
            double *ab = x + ((size_t)(2 + i) * n + j) * k;
            memcpy(ab, a, sizeof *ab * (size_t)k);
            ab[i] = b[i];
        }
    }
    gsl_qrng_free(q);
    return 0;
}

/* Jansen's estimates of every factor over the rows rows[0 .. n-1] (a bootstrap sample, or all). */
static int jansen(int k, int n, const double *y, const int *rows, double *s1, double *st)
{
    const double *fa = y, *fb = y + n;
    double sum = 0, sum2 = 0;
    for (int j = 0; j < n; j++) {
        double a = fa[rows[j]], b = fb[rows[j]];
        sum += a + b;
        sum2 += a * a + b * b;
    }
    double mean = sum / (2.0 * n), v = sum2 / (2.0 * n) - mean * mean;
    if (!(v > 0)) return -1;
    for (int i = 0; i < k; i++) {
        const double *fab = y + (size_t)(2 + i) * n;
        double d1 = 0, dt = 0;
        for (int j = 0; j < n; j++) {
            double ab = fab[rows[j]], eb = fb[rows[j]] - ab, ea = fa[rows[j]] - ab;
            d1 += eb * eb;
            dt += ea * ea;
        }
        s1[i] = (v - d1 / (2.0 * n)) / v;
        st[i] = dt / (2.0 * n) / v;
    }
    return 0;
}

static double percentile(double *sorted, int n, double p)
{
    return gsl_stats_quantile_from_sorted_data(sorted, 1, (size_t)n, p);
}

int ss_sobol_indices(int k, int n, const double *y, int resamples, double level, uint64_t seed,
                     ss_sobol_result *out)
{
    int *rows = xmalloc(sizeof *rows * (size_t)n);
    double *s1 = xmalloc(sizeof *s1 * (size_t)k), *st = xmalloc(sizeof *st * (size_t)k);
    for (int j = 0; j < n; j++) rows[j] = j;
    int rc = jansen(k, n, y, rows, s1, st);
    for (int i = 0; rc == 0 && i < k; i++) {
        out[i].s1 = (ss_interval){s1[i], s1[i], s1[i]};
        out[i].st = (ss_interval){st[i], st[i], st[i]};
    }
    if (rc == 0 && resamples > 1) {
        double *b1 = xmalloc(sizeof *b1 * (size_t)resamples * (size_t)k);   /* b1[i resamples + b] */
        double *bt = xmalloc(sizeof *bt * (size_t)resamples * (size_t)k);
        gsl_rng *g = seeded_rng(seed);
        int got = 0;
        for (int b = 0; b < resamples; b++) {
            for (int j = 0; j < n; j++) rows[j] = (int)gsl_rng_uniform_int(g, (unsigned long)n);
            if (jansen(k, n, y, rows, s1, st) < 0) continue;   /* a resample of equal outputs */
            for (int i = 0; i < k; i++) {
                b1[(size_t)i * resamples + got] = s1[i];
                bt[(size_t)i * resamples + got] = st[i];
            }
            got++;
        }
        double tail = (1 - level) / 2;
        for (int i = 0; got > 1 && i < k; i++) {
            double *c1 = b1 + (size_t)i * resamples, *ct = bt + (size_t)i * resamples;
            gsl_sort(c1, 1, (size_t)got);
            gsl_sort(ct, 1, (size_t)got);
            out[i].s1.ci_low = percentile(c1, got, tail);
            out[i].s1.ci_high = percentile(c1, got, 1 - tail);
            out[i].st.ci_low = percentile(ct, got, tail);
            out[i].st.ci_high = percentile(ct, got, 1 - tail);
        }
        gsl_rng_free(g);
        free(b1);
        free(bt);
    }
    ss_free_all(rows, s1, st);
    return rc;
}
