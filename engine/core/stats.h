/* stats: accumulators used inside one replication, and estimates across replications.
 *
 * Welford's running mean and variance, time-weighted averages for queue length and caseload,
 * quantiles of one replication's durations (exact up to a size, then binned with a stated error
 * bound), and t-based confidence intervals
 * (gsl_cdf_tdist_Pinv) across replications, with paired differences for comparisons. */
#ifndef SS_STATS_H
#define SS_STATS_H

#include <assert.h>
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "hot_assert.h"

typedef struct ss_welford {
    uint64_t n;
    double mean, m2, min, max;
} ss_welford;

void ss_welford_reset(ss_welford *w);
/* Inline: called for every wait and every exit, on the simulation's hot path. */
static inline void ss_welford_add(ss_welford *w, double x)
{
    w->n++;
    double delta = x - w->mean;
    w->mean += delta / (double)w->n;
    w->m2 += delta * (x - w->mean);
    if (w->n == 1 || x < w->min)
        w->min = x;
    if (w->n == 1 || x > w->max)
        w->max = x;
}
/* Sample variance (n-1); 0 when n < 2. */
double ss_welford_var(const ss_welford *w);

/* A mean by a plain sum: the simulation's per-person statistics need no variance, so they skip
 * Welford's division per value (a sum of a million durations keeps about 13 significant digits
 * of their mean, more than any result prints). */
typedef struct ss_mean {
    uint64_t n;
    double sum;
} ss_mean;

static inline void ss_mean_reset(ss_mean *m)
{
    m->n = 0;
    m->sum = 0.0;
}
static inline void ss_mean_add(ss_mean *m, double x)
{
    m->sum += x;
    m->n++;
}
/* NaN when empty. */
static inline double ss_mean_value(const ss_mean *m) { return m->n ? m->sum / (double)m->n : NAN; }

/* A mean and the largest value (of values never NaN): only the waits report their largest, so
 * only they pay for it.  The largest starts below every value, so keeping it is one comparison
 * without a branch; it is meaningless while n is 0 (ss_mean_max_value gives NaN then). */
typedef struct ss_mean_max {
    ss_mean mean;
    double max;
} ss_mean_max;

static inline void ss_mean_max_reset(ss_mean_max *m)
{
    ss_mean_reset(&m->mean);
    m->max = -INFINITY;
}
static inline void ss_mean_max_add(ss_mean_max *m, double x)
{
    ss_hot_assert(!isnan(x));
    ss_mean_add(&m->mean, x);
    m->max = x > m->max ? x : m->max;
}
/* NaN when empty. */
static inline double ss_mean_max_value(const ss_mean_max *m) { return m->mean.n ? m->max : NAN; }

/* Time-weighted average of a piecewise-constant quantity (queue length, caseload). */
typedef struct ss_timeavg {
    double t0;      /* start of the measured period */
    double last_t;  /* time of the last change */
    double value;   /* current value */
    double area;    /* integral of value over [t0, last_t] */
} ss_timeavg;

/* Start measuring at t with the current value v (used at the end of warm-up: area drops to 0). */
void ss_timeavg_start(ss_timeavg *a, double t, double v);
/* The value changes to v at time t (t >= last_t).  Inline: several calls per event. */
static inline void ss_timeavg_set(ss_timeavg *a, double t, double v)
{
    ss_hot_assert(t >= a->last_t);
    a->area += a->value * (t - a->last_t);
    a->last_t = t;
    a->value = v;
}
/* Average over [t0, t_end]; the current value when t_end == t0. */
double ss_timeavg_mean(const ss_timeavg *a, double t_end);

/* Durations (waits, times in the system; days, >= 0) for quantiles, in bounded memory.
 *
 * Exact while it holds at most SS_SAMPLES_EXACT values: the quantile is then exactly what
 * gsl_stats_quantile_from_sorted_data gives on the sorted values.  With more, the values go into
 * a log-linear histogram: 2^SS_SAMPLES_SUB_BITS bins per power of two from 2^-20 days (0.08 s)
 * to 2^17 days (358 years; a horizon is at most 200), each standing for its midpoint, plus one
 * bin for values below 2^-20 standing for 0.  Then every order statistic is off by at most
 * 2^-10 of itself (0.1 %) or 2^-20 days, and so is the interpolated quantile:
 *     |estimate - exact| <= SS_SAMPLES_REL_ERROR * exact + SS_SAMPLES_ABS_ERROR.
 * Memory: the exact values' array (128 KiB) and the bins (74 KiB), whatever the count. */
#define SS_SAMPLES_EXACT 16384
#define SS_SAMPLES_SUB_BITS 9
#define SS_SAMPLES_MIN_EXP (-20)
#define SS_SAMPLES_MAX_EXP 17
#define SS_SAMPLES_BINS (1 + ((SS_SAMPLES_MAX_EXP - SS_SAMPLES_MIN_EXP) << SS_SAMPLES_SUB_BITS))
#define SS_SAMPLES_REL_ERROR 0x1p-10
#define SS_SAMPLES_ABS_ERROR 0x1p-20

typedef struct ss_samples {
    double *x;        /* the values while exact */
    size_t n, cap;
    uint32_t *bins;   /* [SS_SAMPLES_BINS] once more than SS_SAMPLES_EXACT values came */
    bool binned;      /* the values are in bins (bins stay allocated across clears) */
    uint64_t count;   /* values in bins */
} ss_samples;

/* The rare paths of ss_samples_push: growing the array, moving to bins. */
int ss_samples_push_slow(ss_samples *s, double v);

/* The bin of a duration: its binary exponent and the top SS_SAMPLES_SUB_BITS bits of its
 * mantissa, read from the double's bits (no logarithm on the hot path). */
static inline size_t ss_samples_bin(double v)
{
    if (v < 0x1p-20)
        return 0;
    uint64_t b;
    memcpy(&b, &v, sizeof b);
    int e = (int)(b >> 52) - 1023;
    if (e >= SS_SAMPLES_MAX_EXP)
        return SS_SAMPLES_BINS - 1;  /* beyond any horizon: kept, in the top bin */
    size_t sub = (size_t)(b >> (52 - SS_SAMPLES_SUB_BITS)) & ((1u << SS_SAMPLES_SUB_BITS) - 1);
    return 1 + ((size_t)(e - SS_SAMPLES_MIN_EXP) << SS_SAMPLES_SUB_BITS) + sub;
}

/* Add a duration (>= 0).  0 ok, -1 out of memory (the value is not counted).  Inline: once per
 * first contact and per exit. */
static inline int ss_samples_push(ss_samples *s, double v)
{
    ss_hot_assert(v >= 0.0 && "a duration is never negative");
    if (s->binned) {
        s->bins[ss_samples_bin(v)]++;
        s->count++;
        return 0;
    }
    if (s->n < s->cap && s->n < SS_SAMPLES_EXACT) {
        s->x[s->n++] = v;
        return 0;
    }
    return ss_samples_push_slow(s, v);
}
void ss_samples_clear(ss_samples *s);  /* no values, memory kept */
void ss_samples_free(ss_samples *s);
/* Values added since the last clear. */
uint64_t ss_samples_count(const ss_samples *s);
/* Bytes held. */
size_t ss_samples_memory(const ss_samples *s);
/* The quantile p in [0,1] with linear interpolation between order statistics (as
 * gsl_stats_quantile_from_sorted_data): exact, or within the bound above once binned.  Reorders
 * the exact values in place.  NaN when empty. */
double ss_samples_quantile(ss_samples *s, double p);

/* An estimate across replications: mean and a two-sided t interval. */
typedef struct ss_estimate {
    double mean, ci_low, ci_high;
    double sd;  /* standard deviation across replications */
    int n;      /* replications with a finite value */
} ss_estimate;

/* From n values (NaN values are skipped: a metric undefined in a replication, such as the
 * wait at a service nobody reached).  level e.g. 0.95.  With fewer than 2 finite values the
 * interval is NaN (printed as null / "-").  With zero variance the interval is [mean, mean].
 * The plain t interval, for quantities of either sign (differences). */
ss_estimate ss_estimate_from(const double *x, int n, double level);

/* What values a quantity can take, which decides the shape of its interval. */
typedef enum ss_bound {
    SS_ANY_SIGN,      /* t interval, mean +- t se */
    SS_NON_NEGATIVE,  /* counts, days, cases: t interval on the log scale (never below 0) */
    SS_SHARE          /* shares in [0, 1]: t interval on the logit scale (never outside [0, 1]) */
} ss_bound;

/* Like ss_estimate_from, with the interval built on the scale the bound calls for: the delta
 * method gives se(log m) = se / m and se(logit m) = se / (m (1 - m)), the t interval is taken
 * there and mapped back, so it is asymmetric (longer on the side away from the bound) and keeps
 * the quantity's range.  Where that standard error is too large for the method (above 1/3: very
 * few or very spread values) the t interval is cut at the bound instead.  When a value breaks the
 * bound (a negative count is a bug elsewhere) the plain t interval is returned. */
ss_estimate ss_estimate_bounded(const double *x, int n, double level, ss_bound bound);
/* Paired difference b - a over replications (pairs with a NaN on either side are skipped). */
ss_estimate ss_estimate_paired(const double *a, const double *b, int n, double level);

#endif
