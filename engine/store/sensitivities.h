/* sensitivities: the tables of `samsim sensitivity` in a results database — the study, its
 * ranged numbers, every point run (values in, metrics out) and the indices found — so a study's
 * table and chart can be read back and its points checked or reused.
 *
 * Resuming.  A study is known by its key (SHA-256 over the scenario's and rules' hashes and every
 * option that changes a point or its result); each point is written in its own transaction as it
 * is delivered, so after a kill -9 the same command finds the study, reads the points stored and
 * runs only the rest. */
#ifndef SS_SENSITIVITIES_H
#define SS_SENSITIVITIES_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "store.h"

typedef struct ss_sens_study_row {
    const char *study_key;      /* 64 hex characters */
    const char *scenario_path, *scenario_hash, *command_line;
    const char *method;         /* "morris", "sobol", "morris+sobol" */
    const char *metrics;        /* the metrics' names joined by "," */
    uint64_t seed;
    int replications, trajectories, samples;
} ss_sens_study_row;

typedef struct ss_sens_parameter_row {
    int index;
    const char *name, *kind, *dist;
    double value, low, mode, high;   /* mode: NaN unless triangular */
} ss_sens_parameter_row;

/* One parameter's indices for one metric; NaN where the method did not compute it. */
typedef struct ss_sens_index_row {
    const char *metric, *name;
    double mu_star, sigma;
    double s1, s1_low, s1_high, st, st_low, st_high;
} ss_sens_index_row;

/* The study's row (the tables made if missing) and its parameters, in one transaction; or, when a
 * study with the same key is stored, that one (*resumed set). */
int ss_store_begin_sensitivity(ss_store *st, const ss_sens_study_row *row, const ss_sens_parameter_row *params,
                               int nparams, int64_t *study_id, bool *resumed, ss_diag *d);
/* The points of a stage already stored: have[p] = 1 and y[p noutputs ...] their outputs, for p
 * below npoints; *nhave counts them.  0, or -1 with d. */
int ss_store_sensitivity_stored(ss_store *st, int64_t study_id, const char *stage, long npoints, int noutputs,
                                double *y, unsigned char *have, long *nhave, ss_diag *d);
/* One point: stage "morris" or "sobol", the varied numbers' values and the metrics' means, as
 * JSON arrays. */
int ss_store_sensitivity_point(ss_store *st, int64_t study_id, const char *stage, long point, const double *values,
                               int nvalues, const double *outputs, int noutputs, ss_diag *d);
int ss_store_sensitivity_indices(ss_store *st, int64_t study_id, const ss_sens_index_row *rows, int nrows, ss_diag *d);

#endif
