/* sensitivity: which ranged assumptions move a result — Morris screening, then Sobol indices for
 * the ones that matter (the designs and estimators are core/gsa.h; this file runs the
 * model at their points).
 *
 *   scenario (+ overlays, --set) --(ss_scenario_ranged)--> the k ranged numbers
 *     --(Morris: r trajectories of k + 1 points)--> mu_star, sigma per number and metric
 *     --(screening: mu_star >= screen x the largest, for any metric)--> the m that matter
 *     --(Saltelli: N (m + 2) points)--> S1, ST with bootstrap intervals
 *
 * A point is the scenario loaded with each varied number set (as a batch point applies its
 * --set overrides: "services.fph_barn.case_share=0.43"); the numbers not varied keep their
 * values.  A point's result is the mean over `reps` replications, and every point runs the same
 * seed and replication numbers, so differences between points come from the parameters, not
 * from the random streams (common random numbers).  Points are the jobs of the one worker pool
 * (util/pool.h); each worker loads the scenario and builds its simulator per point.  The results
 * are the same for any number of workers, and for a study resumed from its stored points.
 *
 * Shards.  With shard K of N, a stage runs only its points p with p mod N = K - 1 (round robin,
 * so shards take about the same time); when the other shards' points of the stage are not stored
 * yet, the study stops after that stage (`waiting`).  Merging the shards' files (samsim merge) and
 * running again then reads all of them: the Morris stage is complete, the screening decides the
 * Sobol stage, and that stage can be sharded the same way. */
#ifndef SS_STUDY_SENSITIVITY_H
#define SS_STUDY_SENSITIVITY_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "ensemble.h"
#include "flag.h"
#include "points.h"
#include "model.h"
#include "range.h"
#include "scenario.h"
#include "gsa.h"

/* A metric of the results: "first_help_mean" (the whole system) or "fph_barn.wait_mean" (a
 * service's). */
typedef struct ss_sens_metric {
    char name[160];
    int service;    /* -1: a system metric */
    int index;      /* into ss_service_metric_info or ss_system_metric_info */
} ss_sens_metric;

/* Read a metric's name against the model.  0, or -1 with d saying what names there are. */
int ss_sens_metric_parse(const ss_model *m, const char *spec, ss_sens_metric *out, ss_diag *d);

enum { SS_SENS_MORRIS = 1, SS_SENS_SOBOL = 2 };

typedef struct ss_sens_result ss_sens_result;

typedef struct ss_sens_opts {
    const char *scenario;
    ss_scenario_opts load;           /* its overlays and --set, applied before the varied numbers */
    const char *const *metrics;      /* names (ss_sens_metric_parse) */
    int nmetrics;
    int methods;                     /* SS_SENS_MORRIS | SS_SENS_SOBOL */
    int trajectories;                /* Morris r (default 10) */
    int levels;                      /* Morris grid levels (default 4) */
    double screen;                   /* Sobol for mu_star >= screen x the largest (0.1); without Morris: all */
    int samples;                     /* Sobol N (default 64) */
    int resamples;                   /* bootstrap resamples (default 500) */
    int reps;                        /* replications per point */
    uint64_t seed;                   /* the study seed: the same at every point */
    const ss_ensemble *ensemble;     /* NULL, or a calibration's ensemble: each of its numbers ranges
                                        uniformly over its values there (its fitted range) */
    ss_points_how run;               /* workers, shard, interrupt, hooks (points.h); a stage is the
                                        part {SS_SENS_MORRIS, "morris"} or {SS_SENS_SOBOL, "sobol"} */
} ss_sens_opts;

/* One ranged number and what the study found for it, per metric. */
typedef struct ss_sens_param {
    ss_ranged r;
    bool sobol;                        /* in the Sobol stage */
    ss_morris_result *morris;          /* [nmetrics] when Morris ran */
    ss_sobol_result *indices;          /* [nmetrics] when it was in the Sobol stage */
} ss_sens_param;

struct ss_sens_result {
    int nparams;
    ss_sens_param *params;
    int nmetrics;
    ss_sens_metric *metrics;
    int methods;                       /* what ran */
    long morris_points, sobol_points;
    int nsobol;                        /* numbers in the Sobol stage */
    bool *sobol_flat;                  /* [nmetrics]: the metric did not vary in the Sobol stage */
    char scenario_hash[65];
    char study_key[65];                /* over the scenario, the rules and every option that counts */
    long points_stored;                /* points found stored (resumed), not run again */
    const char *waiting;               /* sharded: the stage ("morris", "sobol") whose other
                                          shards' points are missing, so the study stopped there;
                                          NULL when complete */
};

/* Run the study.  0, or -1 with d filled (no ranged numbers, a point that fails to load or
 * run — named with its values —, an interrupt: "interrupted"). */
int ss_sensitivity_run(const ss_sens_opts *o, ss_sens_result *out, ss_diag *d);
void ss_sens_result_free(ss_sens_result *r);

/* The method's name for output: "morris", "sobol" or "morris+sobol". */
const char *ss_sens_method_name(int methods);

#endif
