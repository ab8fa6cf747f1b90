/* stats: accumulators inside one replication and estimates across replications. */
#include "stats.h"
#include "xalloc.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>

/* ---- Welford ---------------------------------------------------------------------------- */

/* min and max are NaN until the first value, so an empty accumulator never reports a bound. */
void ss_welford_reset(ss_welford *w)
{
    w->n = 0;
    w->mean = 0.0;
    w->m2 = 0.0;
    w->min = NAN;
    w->max = NAN;
}

/* Welford's update keeps the variance accurate over millions of values, where the naive
 * sum-of-squares formula loses every significant digit. */

double ss_welford_var(const ss_welford *w)
{
    return w->n < 2 ? 0.0 : w->m2 / (double)(w->n - 1);
}

/* ---- time-weighted average ---------------------------------------------------------------- */

/* Restarting drops everything before t: the warm-up must not leak into the average. */
void ss_timeavg_start(ss_timeavg *a, double t, double v)
{
    a->t0 = t;
    a->last_t = t;
    a->value = v;
    a->area = 0.0;
}


/* The current value still holds from last_t to t_end, so it is added without mutating a. */
double ss_timeavg_mean(const ss_timeavg *a, double t_end)
{
    assert(t_end >= a->last_t);
    double span = t_end - a->t0;
    if (span <= 0.0)
        return a->value;
    return (a->area + a->value * (t_end - a->last_t)) / span;
}

/* ---- durations and their quantiles -------------------------------------------------------- */

/* The midpoint of a bin: within 2^-(SUB_BITS+1) of any value in it, relative to the value. */
static double bin_value(size_t i)
{
    if (i == 0)
        return 0.0;
    i--;
    int e = SS_SAMPLES_MIN_EXP + (int)(i >> SS_SAMPLES_SUB_BITS);
    double sub = (double)(i & ((1u << SS_SAMPLES_SUB_BITS) - 1));
    return ldexp(1.0 + (sub + 0.5) / (double)(1u << SS_SAMPLES_SUB_BITS), e);
}

/* From exact to binned: the values held so far go into the bins. */
static int start_bins(ss_samples *s)
{
    if (!s->bins) {
        s->bins = calloc(SS_SAMPLES_BINS, sizeof *s->bins);
        if (!s->bins)
            return -1;
    }
    for (size_t i = 0; i < s->n; i++)
        s->bins[ss_samples_bin(s->x[i])]++;
    s->count = s->n;
    s->n = 0;
    s->binned = true;
    return 0;
}

int ss_samples_push_slow(ss_samples *s, double v)
{
    if (!s->binned && s->n == SS_SAMPLES_EXACT && start_bins(s) < 0)
        return -1;
    if (s->binned) {
        s->bins[ss_samples_bin(v)]++;
        s->count++;
        return 0;
    }
    if (s->n == s->cap) {
        size_t cap = ss_grow(&s->x, sizeof *s->x, s->n, s->cap, 64);
        if (!cap) return -1;
        s->cap = cap;
    }
    s->x[s->n++] = v;
    return 0;
}

void ss_samples_clear(ss_samples *s)
{
    if (s->binned)
        memset(s->bins, 0, SS_SAMPLES_BINS * sizeof *s->bins);
    s->binned = false;
    s->count = 0;
    s->n = 0;
}

void ss_samples_free(ss_samples *s)
{
    free(s->x);
    free(s->bins);
    *s = (ss_samples){0};
}

uint64_t ss_samples_count(const ss_samples *s) { return s->binned ? s->count : s->n; }

size_t ss_samples_memory(const ss_samples *s)
{
    return s->cap * sizeof *s->x + (s->bins ? SS_SAMPLES_BINS * sizeof *s->bins : 0);
}

/* The k-th and (k+1)-th smallest binned values (0-based), by one walk over the bins. */
static void binned_pair(const ss_samples *s, uint64_t k, double *lo, double *hi)
{
    uint64_t seen = 0;
    *lo = *hi = NAN;
    for (size_t i = 0; i < SS_SAMPLES_BINS; i++) {
        seen += s->bins[i];
        if (isnan(*lo) && seen > k)
            *lo = bin_value(i);
        if (seen > k + 1) {
            *hi = bin_value(i);
            return;
        }
    }
    *hi = *lo;
}

/* (1 - f) * x(k) + f * x(k+1), k = floor(p * (n - 1)), as gsl_stats_quantile_from_sorted_data;
 * exact order statistics by gsl_stats_select (linear on average, no sort). */
double ss_samples_quantile(ss_samples *s, double p)
{
    assert(s && p >= 0.0 && p <= 1.0);
    uint64_t n = ss_samples_count(s);
    if (n == 0)
        return NAN;
    double index = p * (double)(n - 1);
    uint64_t k = (uint64_t)index;
    double f = index - (double)k, lo, hi;
    if (s->binned) {
        binned_pair(s, k, &lo, &hi);
    } else {
        lo = gsl_stats_select(s->x, 1, s->n, k);
        if (f == 0.0 || k + 1 >= n)
            return lo;
        hi = gsl_stats_select(s->x, 1, s->n, k + 1);
    }
    return f == 0.0 ? lo : (1.0 - f) * lo + f * hi;
}

/* ---- estimates across replications --------------------------------------------------------- */

/* The i-th observation: b[i] alone, or the paired difference b[i] - a[i].  A NaN on either side
 * propagates, so one finiteness test skips incomplete pairs too. */
static double observation(const double *a, const double *b, int i)
{
    return a ? b[i] - a[i] : b[i];
}

/* Two passes (mean, then squared deviations) without copying: replications are few, and this
 * avoids allocating on a path that cannot report out-of-memory. */
static ss_estimate estimate(const double *a, const double *b, int n, double level)
{
    assert(level > 0.0 && level < 1.0);
    ss_estimate e = {NAN, NAN, NAN, NAN, 0};
    double sum = 0.0, lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < n; i++) {
        double x = observation(a, b, i);
        if (!isfinite(x))
            continue;
        e.n++;
        sum += x;
        lo = fmin(lo, x);
        hi = fmax(hi, x);
    }
    if (e.n == 0)
        return e;
    /* Identical values must give exactly [x, x], not a rounding-noise interval around it. */
    e.mean = lo == hi ? lo : sum / e.n;
    if (e.n < 2)
        return e;
    double ss = 0.0;
    for (int i = 0; i < n; i++) {
        double x = observation(a, b, i);
        if (isfinite(x))
            ss += (x - e.mean) * (x - e.mean);
    }
    e.sd = lo == hi ? 0.0 : sqrt(ss / (e.n - 1));
    double half = gsl_cdf_tdist_Pinv(0.5 + level / 2.0, e.n - 1) * e.sd / sqrt((double)e.n);
    e.ci_low = e.mean - half;
    e.ci_high = e.mean + half;
    return e;
}

ss_estimate ss_estimate_from(const double *x, int n, double level)
{
    return estimate(NULL, x, n, level);
}

/* Whether every finite value keeps the bound (the mean then does too). */
static bool within_bound(const double *x, int n, ss_bound bound)
{
    for (int i = 0; i < n; i++)
        if (isfinite(x[i]) && (x[i] < 0.0 || (bound == SS_SHARE && x[i] > 1.0)))
            return false;
    return true;
}

/* Why a transformed interval: replication means of waits and queues are right-skewed (a few
 * replications with a long busy period), so the symmetric t interval both reaches below zero on
 * small means and misses high more often than its level says.  On the log scale the interval
 * stretches upwards, as the skew does; tests/unit/test_stats.c measures the coverage of both on
 * an M/M/1 queue with a known mean.  A bootstrap percentile interval was the alternative: from
 * 10 replications it is narrower than the t interval and covers less, the opposite of the need.
 *
 * The delta method needs a small standard error on the transformed scale (log m is then nearly
 * normal).  Past SS_TRANSFORM_MAX_SE (a few replications with a wide spread: two values, one of
 * them 0) the log interval would run to absurd upper ends (exp(12.7 ...) with one degree of
 * freedom), so the t interval is cut at the bound instead: the true value lies inside the bound,
 * so the cut interval holds it exactly as often as the t interval does. */
#define SS_TRANSFORM_MAX_SE (1.0 / 3.0)

ss_estimate ss_estimate_bounded(const double *x, int n, double level, ss_bound bound)
{
    ss_estimate e = estimate(NULL, x, n, level);
    if (bound == SS_ANY_SIGN || !(e.sd > 0.0) || !within_bound(x, n, bound))
        return e;
    double m = e.mean, se = e.sd / sqrt((double)e.n);
    double t = gsl_cdf_tdist_Pinv(0.5 + level / 2.0, e.n - 1);
    double se_log = se / m, se_logit = se / (m * (1.0 - m));
    if (bound == SS_NON_NEGATIVE && se_log <= SS_TRANSFORM_MAX_SE) {
        double q = exp(t * se_log);
        e.ci_low = m / q;
        e.ci_high = m * q;
    } else if (bound == SS_SHARE && m < 1.0 && se_logit <= SS_TRANSFORM_MAX_SE) {
        double logit = log(m / (1.0 - m)), half = t * se_logit;
        e.ci_low = 1.0 / (1.0 + exp(-(logit - half)));
        e.ci_high = 1.0 / (1.0 + exp(-(logit + half)));
    } else {
        e.ci_low = fmax(e.ci_low, 0.0);
        if (bound == SS_SHARE)
            e.ci_high = fmin(e.ci_high, 1.0);
    }
    return e;
}

ss_estimate ss_estimate_paired(const double *a, const double *b, int n, double level)
{
    return estimate(a, b, n, level);
}
