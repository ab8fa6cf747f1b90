/* discovery: the best single split, against chance (see discovery.h). */
#include "discovery.h"

#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>

#include "xalloc.h"

/* The cases in the order of each factor's values, computed once: order[j n + i]. */
static size_t *orders(int n, int k, const double *x)
{
    size_t *order = xmalloc(sizeof *order * (size_t)n * (size_t)k);
    double *col = xmalloc(sizeof *col * (size_t)n);
    for (int j = 0; j < k; j++) {
        for (int i = 0; i < n; i++) col[i] = x[(size_t)i * k + j];
        gsl_sort_index(order + (size_t)j * n, col, 1, (size_t)n);
    }
    free(col);
    return order;
}

/* Factor j's best split of the outcomes yes[], its cases in the order ord. */
static ss_split best_split(int n, int k, int j, const double *x, const size_t *ord, const bool *yes)
{
    int ones = 0;
    for (int i = 0; i < n; i++) ones += yes[i];
    ss_split best = {.factor = j, .accuracy = -1};
    int below_ones = 0;
    for (int i = 1; i < n; i++) {
        below_ones += yes[ord[i - 1]];
        double lo = x[ord[i - 1] * (size_t)k + j], hi = x[ord[i] * (size_t)k + j];
        if (!(hi > lo)) continue;   /* no gap between equal values */
        int right_above = (i - below_ones) + (ones - below_ones);   /* yes where >= the threshold */
        int right_below = n - right_above;
        double acc = (double)(right_above > right_below ? right_above : right_below) / n;
        if (acc > best.accuracy) best = (ss_split){j, (lo + hi) / 2, right_above >= right_below, acc};
    }
    return best;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The accuracy the best split of any factor reaches in 95 % of random relabellings. */
static double chance_accuracy(int n, int k, const double *x, const size_t *order, const bool *yes, uint64_t seed)
{
    gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
    if (!g) ss_out_of_memory(0);
    gsl_rng_set(g, (unsigned long)(seed ^ (seed >> 32)));
    bool *shuffled = xmalloc(sizeof *shuffled * (size_t)n);
    memcpy(shuffled, yes, sizeof *shuffled * (size_t)n);
    double best[SS_SPLIT_PERMUTATIONS];
    for (int p = 0; p < SS_SPLIT_PERMUTATIONS; p++) {
        gsl_ran_shuffle(g, shuffled, (size_t)n, sizeof *shuffled);
        best[p] = 0;
        for (int j = 0; j < k; j++) {
            double a = best_split(n, k, j, x, order + (size_t)j * n, shuffled).accuracy;
            if (a > best[p]) best[p] = a;
        }
    }
    qsort(best, SS_SPLIT_PERMUTATIONS, sizeof *best, compare_doubles);
    free(shuffled);
    gsl_rng_free(g);
    return best[(int)(0.95 * SS_SPLIT_PERMUTATIONS) - 1];
}

int ss_discover_splits(int n, int k, const double *x, const bool *yes, uint64_t seed, int max, ss_split *out)
{
    int ones = 0, found = 0;
    for (int i = 0; i < n; i++) ones += yes[i];
    double majority_error = n ? (double)(ones < n - ones ? ones : n - ones) / n : 0;
    if (majority_error == 0 || k == 0 || max <= 0) return 0;   /* the outcome never changes */
    size_t *order = orders(n, k, x);
    double chance = -1;
    for (int j = 0; j < k; j++) {
        ss_split s = best_split(n, k, j, x, order + (size_t)j * n, yes);
        if (s.accuracy < SS_SPLIT_ACCURACY || 1 - s.accuracy > majority_error / 2) continue;
        if (chance < 0) chance = chance_accuracy(n, k, x, order, yes, seed);   /* only when needed */
        if (s.accuracy <= chance) continue;
        int at = found;   /* by accuracy, the first factor first among equals */
        while (at > 0 && out[at - 1].accuracy < s.accuracy) at--;
        if (at >= max) continue;
        int last = found < max ? found : max - 1;
        memmove(out + at + 1, out + at, sizeof *out * (size_t)(last - at));
        out[at] = s;
        if (found < max) found++;
    }
    free(order);
    return found;
}
