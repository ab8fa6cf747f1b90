/* calibrations: the tables of `samsim calibrate` in a results database — the calibration, its
 * targets, the numbers fitted (prior and fitted range, pinned down or free), every point run in
 * every wave (values in, each target's mean and variance out, its largest implausibility, whether
 * it was kept) — and the view calibration_ensemble, the kept points.
 *
 * Resuming, as for sensitivity studies: a calibration is known by its key (the scenario's and
 * rules' hashes and every option that changes a point or which are kept); each point is written
 * as it is delivered, so the same command after a kill -9 reads them and runs only the rest. */
#ifndef SS_CALIBRATIONS_H
#define SS_CALIBRATIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "store.h"

typedef struct ss_calib_study_row {
    const char *study_key, *scenario_path, *scenario_hash, *command_line;
    uint64_t seed;
    int replications, points_per_wave, waves;
    double cutoff;
} ss_calib_study_row;

typedef struct ss_calib_target_row {
    const char *target, *what, *metric, *services, *source, *from, *to;   /* services joined by "," */
    bool per_year;
    double value, tolerance;
} ss_calib_target_row;

typedef struct ss_calib_parameter_row {
    int index;
    const char *name, *kind;
    double value, prior_low, prior_high;
} ss_calib_parameter_row;

/* The calibration's row, its targets and parameters (tables made if missing), in one transaction;
 * or, when one with the same key is stored, that one (*resumed set). */
int ss_store_begin_calibration(ss_store *st, const ss_calib_study_row *row, const ss_calib_target_row *targets,
                               int ntargets, const ss_calib_parameter_row *params, int nparams, int64_t *study_id,
                               bool *resumed, ss_diag *d);
/* The points of wave `wave` already stored (as ss_store_sensitivity_stored). */
int ss_store_calibration_stored(ss_store *st, int64_t study_id, int wave, long npoints, int noutputs, double *y,
                                unsigned char *have, long *nhave, ss_diag *d);
int ss_store_calibration_point(ss_store *st, int64_t study_id, int wave, long point, const double *values,
                               int nvalues, const double *outputs, int noutputs, double max_i, bool kept, ss_diag *d);
/* At the end: each parameter's fitted range (over the kept points) and verdict, by name. */
typedef struct ss_calib_fit_row {
    const char *name, *verdict;
    double fit_low, fit_high;
} ss_calib_fit_row;
int ss_store_calibration_fit(ss_store *st, int64_t study_id, const ss_calib_fit_row *fit, int nparams, ss_diag *d);

#endif
