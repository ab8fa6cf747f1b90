/* stats: accumulators used inside one replication, and estimates across replications.
 *
 * Welford's running mean and variance, time-weighted averages for queue length and caseload,
 * exact quantiles from the stored sample of one replication, and t-based confidence intervals
 * (gsl_cdf_tdist_Pinv) across replications, with paired differences for comparisons. */
#ifndef SS_STATS_H
#define SS_STATS_H

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

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
    assert(t >= a->last_t);
    a->area += a->value * (t - a->last_t);
    a->last_t = t;
    a->value = v;
}
/* Average over [t0, t_end]; the current value when t_end == t0. */
double ss_timeavg_mean(const ss_timeavg *a, double t_end);

/* A growable sample for exact quantiles. Growth doubles, so appends are amortised O(1). */
typedef struct ss_samples {
    double *x;
    size_t n, cap;
} ss_samples;

/* 0 ok, -1 out of memory. */
int ss_samples_push(ss_samples *s, double v);
void ss_samples_clear(ss_samples *s);  /* n = 0, memory kept */
void ss_samples_free(ss_samples *s);
/* The quantile p in [0,1] as gsl_stats_quantile_from_sorted_data would give on the sorted
 * sample (linear interpolation), by selection in linear time; reorders the sample in place.
 * NaN when empty. */
double ss_samples_quantile(ss_samples *s, double p);

/* An estimate across replications: mean and a two-sided t interval. */
typedef struct ss_estimate {
    double mean, ci_low, ci_high;
    double sd;  /* standard deviation across replications */
    int n;      /* replications with a finite value */
} ss_estimate;

/* From n values (NaN values are skipped: a metric undefined in a replication, such as the
 * wait at a service nobody reached).  level e.g. 0.95.  With fewer than 2 finite values the
 * interval is NaN (printed as null / "-").  With zero variance the interval is [mean, mean]. */
ss_estimate ss_estimate_from(const double *x, int n, double level);
/* Paired difference b - a over replications (pairs with a NaN on either side are skipped). */
ss_estimate ss_estimate_paired(const double *a, const double *b, int n, double level);

#endif
