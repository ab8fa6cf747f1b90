/* calibrate: history matching of a scenario's calibrated numbers to its calibration targets.
 *
 *   scenario --(ss_scenario_ranged: kind "calibrated", or --vary)--> the k numbers to fit, each
 *            with its prior range
 *   scenario --(ss_scenario_calibration_targets)--> the targets: metric, services, window, value, tolerance
 *   wave 1: `points` points of GSL's Sobol sequence over the whole prior box
 *     each point: the scenario at those values, `reps` replications per target window (every
 *     point the same seed and replication numbers: common random numbers), each target's mean
 *     and variance over the replications
 *     implausibility  I_t = |mean_t - value_t| / sqrt(var_t + (tolerance_t x value_t)^2)
 *     a point is kept (non-implausible) when max_t I_t < cutoff (3)
 *   wave w + 1: the next stretch of the Sobol sequence over the box around every kept point so
 *     far (their bounding box, widened by a tenth of its width and 0.02 of the prior on each side),
 *     until `waves` waves have run or the box stops shrinking.
 *
 * A target's window is measured as its own run: the scenario's warm-up is moved to the target's
 * `from` and its horizon to the day after `to`, so a wait "in May 2021" is the wait of those seen
 * in May 2021, and a count per year is the window's count scaled to 365.25 days.  var_t is the
 * spread of one replication, not of the mean: the source's figure is one municipality's one year,
 * a single realisation, which the model's own noise alone can put that far from the model's mean.
 *
 * The non-implausible ensemble is every kept point of every wave; a parameter's fitted range is
 * the range of its values there.  A parameter whose fitted range is at most half its prior is
 * pinned down by the targets; at most nine tenths, narrowed; else left free.  When no point of
 * the first wave is kept, no calibration is returned: the result names the closest point.
 *
 * Shards, as for a sensitivity study (sensitivity.h): with shard K of N a wave runs only its
 * points p with p mod N = K - 1; when the other shards' points of the wave are not stored, the
 * calibration stops there (`waiting`).  Merging the shards' files and running again reads the
 * whole wave, judges it and goes on to the next wave, which can be sharded the same way. */
#ifndef SS_STUDY_CALIBRATE_H
#define SS_STUDY_CALIBRATE_H

#include <stdbool.h>
#include <stdint.h>

#include "calibration.h"
#include "diag.h"
#include "flag.h"
#include "points.h"
#include "range.h"
#include "scenario.h"

#define SS_CALIB_MAX_WAVES 20

typedef struct ss_calib_result ss_calib_result;

typedef struct ss_calib_opts {
    const char *scenario;
    ss_scenario_opts load;             /* its overlays and --set, applied before the fitted numbers */
    const char *const *vary;           /* key paths or their prefixes ("services.fph_barn") of ranged
                                          numbers to fit; none: every calibrated number with a range */
    int nvary;
    int points;                        /* a wave (default 64) */
    int waves;                         /* at most (default 3) */
    double cutoff;                     /* implausibility below which a point is kept (3) */
    int reps;                          /* replications per point and target window */
    uint64_t seed;
    bool choose;                       /* choose the calibrated point (ss_calib_result.chosen) */
    ss_points_how run;                 /* workers, shard, interrupt, hooks (points.h); a wave is
                                          the part {W, "wave W"}, sharded on its own */
} ss_calib_opts;

typedef struct ss_calib_param {
    ss_ranged r;                       /* its value in the scenario and its prior range */
    double fit_low, fit_high;          /* over the non-implausible points */
} ss_calib_param;

typedef enum ss_calib_verdict { SS_CALIB_PINNED, SS_CALIB_NARROWED, SS_CALIB_FREE } ss_calib_verdict;

typedef struct ss_calib_wave {
    long points, kept;
    double box_share;                  /* the sampled box's volume as a share of the prior's */
} ss_calib_wave;

struct ss_calib_result {
    int nparams;
    ss_calib_param *params;
    int ntargets;
    ss_target *targets;
    int nwaves;
    ss_calib_wave waves[SS_CALIB_MAX_WAVES];
    const char *stopped;               /* why the waves stopped: "the waves asked for", ... */
    long nkept;
    double *kept;                      /* [nkept][nparams]: the non-implausible ensemble */
    double *kept_max_i;                /* [nkept] */
    /* The point with the smallest max I over every wave (the closest when none is kept). */
    double *best;                      /* [nparams] */
    double best_max_i;
    double *best_mean, *best_sd;       /* [ntargets]: simulated mean and one replication's spread */
    /* With o->choose, once the waves are done: the calibrated point, one value per number.  A
     * number the targets pin down or narrow takes its value at `best` (a kept point, the closest
     * to the targets); a number they leave free takes the middle of its prior range (its median:
     * the targets say nothing about it, so it stays where its assumption is centred).  Rounded to
     * six significant digits (whole numbers for whole-number ranges), then run as a point of its
     * own with the waves' seed and replications: its targets' means and spread and its max I. */
    double *chosen;                    /* [nparams] */
    unsigned char *chosen_free;        /* [nparams]: 1 at the prior's middle, 0 at best's value */
    double chosen_max_i;
    double *chosen_mean, *chosen_sd;   /* [ntargets] */
    char scenario_hash[65];
    char study_key[65];
    long points_stored;                /* points read from the store, not run again */
    int waiting;                       /* sharded: the wave whose other shards' points are not
                                          stored, so the calibration stopped there; 0 when done */
};

/* Run the waves.  0 with at least one point kept; -1 with d filled otherwise: the scenario has no
 * targets or nothing to fit, a point fails to load or run (named with its values), an interrupt
 * ("interrupted"), or no point reached max I < cutoff ("no point reached I < 3; closest: ...",
 * with out->best filled). */
int ss_calibrate_run(const ss_calib_opts *o, ss_calib_result *out, ss_diag *d);
void ss_calib_result_free(ss_calib_result *r);

/* Pinned down, narrowed or left free: the fitted range's share of the prior. */
double ss_calib_share(const ss_calib_param *p);
ss_calib_verdict ss_calib_verdict_of(const ss_calib_param *p);
const char *ss_calib_verdict_name(ss_calib_verdict v);

/* Implausibility of a simulated mean with one replication's variance var against target t. */
double ss_calib_implausibility(const ss_target *t, double mean, double var);
/* The largest implausibility of a point's outputs (mean, variance per target of r); a point is
 * kept when it is below the cutoff. */
double ss_calib_max_i(const ss_calib_result *r, const double *outputs);

#endif
