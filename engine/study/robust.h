/* robust: does a comparison's verdict survive the plausible assumptions?  Both models are run at
 * each sample of the assumption space — every number with a range (model/range.h) in either
 * model, spread by ss_space_filling_design (GSL's Sobol sequence, or a Latin hypercube beyond
 * its 40 dimensions) — or at each parameter set of a calibrated ensemble, and compared there with
 * common random numbers (the same seed and replications at every sample, for both models).
 *
 *   BASE, OPTION --(the ranged numbers of each, joined by key path)--> k dimensions
 *     --(n samples u in [0, 1]^k; each model's value: its own range's quantile at u)-->
 *     --(per sample: reps replications of each model, paired: study/compare.h)-->
 *     --(per compared row: the paired difference and its interval at each sample)-->
 *   share of samples better / worse / not distinguishable, the difference's 5/50/95 % points,
 *   and which numbers decide its sign (scenario discovery by the best single split).
 *
 * A number only one model has (an overlay's own effect assumption) varies in that model only.
 * Samples are the jobs of the one worker pool (util/pool.h); each worker loads both scenarios at
 * its sample.  Results do not depend on the number of workers, on resuming from stored samples,
 * or on sharding: shard K of N runs the samples p with p mod N = K - 1.
 *
 * Scenario discovery.  At each sample the option is "better" when its difference points the
 * metric's better way (for a metric better neither way: "higher"); the numbers whose best single
 * split predicts that, beyond chance, decide the sign (core/discovery.h), the most accurate first
 * (at most SS_ROBUST_MAX_DECIDERS); the threshold is in the number's own units. */
#ifndef SS_ROBUST_H
#define SS_ROBUST_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "flag.h"
#include "points.h"
#include "range.h"
#include "robustness.h"
#include "scenario.h"
#include "verdict.h"

typedef struct ss_robust_model {
    const char *file;
    const char *const *overlays;
    int noverlays;
    const char *const *sets;          /* "PATH=VALUE", applied before the sampled numbers */
    int nsets;
} ss_robust_model;

/* A calibrated ensemble (model/ensemble.h): parameter sets, values by key path, run instead of a
 * sample; each value is set in both models, whether or not the number has a range. */
typedef struct ss_robust_ensemble {
    int nparams;
    const char *const *paths;
    int npoints;
    const double *values;     /* [npoints][nparams] */
    const char *hash;         /* identifies it in the study key */
} ss_robust_ensemble;

typedef struct ss_robust_opts {
    ss_robust_model base, option;
    int samples;                      /* points of the space-filling design (ignored with an ensemble) */
    const ss_robust_ensemble *ensemble;   /* NULL: sample the ranges */
    int reps;                         /* replications per model and sample (>= 2: a paired interval) */
    uint64_t seed;                    /* the same at every sample */
    ss_points_how run;                /* workers, shard, interrupt, hooks (points.h); the samples
                                         are the part {0, "samples"} */
} ss_robust_opts;

/* Whether the study of o would have numbers to vary in base and option (loaded as o loads them):
 * 0, or -1 with d saying that no number has a range in either model.  A caller checks this before
 * its own nominal runs, so that the mistake costs no waiting. */
int ss_robust_check(const ss_robust_opts *o, const ss_scenario *base, const ss_scenario *option, ss_diag *d);

/* Run the samples.  0, or -1 with d filled (no ranged number in either model, a sample that does
 * not load or run — named with its values —, "interrupted"). */
int ss_robust_run(const ss_robust_opts *o, ss_robust_result *out, ss_diag *d);
/* The share of samples in which the judgement j of the nominal comparison holds (better in
 * share_better, no clear difference in share_unclear, ...); NaN for SS_JUDGED_UNKNOWN. */
double ss_robust_holds(const ss_robust_row *row, ss_judgement j);
/* Whether the row's metric has a better way (else its shares are of higher and lower). */
bool ss_robust_directed(const ss_robust_row *row);

#endif
