/* ensemble: a set of parameter values to run a scenario at — the non-implausible points that
 * `samsim calibrate` finds (--ensemble-out FILE), which `samsim compare --robust --ensemble FILE`
 * and `samsim sensitivity --ensemble FILE` (each number over the values it takes in the rows) read.
 * The file is JSON:
 *
 *   {
 *     "samsim": "ensemble", "version": 1,
 *     "scenario": "scenarios/lorenskog/barn-unge-2021.lua",      (what it was fitted to; informative)
 *     "scenario_hash": "3f2a...",                                 (of the resolved scenario; informative)
 *     "command": "samsim calibrate ...",                           (informative)
 *     "parameters": [                                              (key paths, as --set takes them)
 *       {"path": "services.fph_barn.capacity.slots_per_fte", "prior_low": 22, "prior_high": 29},
 *       {"path": "demand.1.per_1000_per_year"}                     (prior_low/prior_high optional)
 *     ],
 *     "rows": [                                                    (one row a parameter set, values in
 *       [25.4, 11.3],                                               the order of "parameters")
 *       [24.9, 11.8]
 *     ]
 *   }
 *
 * Only "samsim", "version", "parameters" and "rows" are required; a reader applies row r by
 * setting each path to its value (ss_ensemble_sets), as `--set PATH=VALUE` would, so any file that
 * names numbers of the scenario works, written by hand or by another tool. */
#ifndef SS_ENSEMBLE_H
#define SS_ENSEMBLE_H

#include <stdio.h>

#include "diag.h"

typedef struct ss_ensemble_param {
    char *path;
    double prior_low, prior_high;   /* NaN when the file does not say */
} ss_ensemble_param;

typedef struct ss_ensemble {
    int nparams;
    ss_ensemble_param *params;
    long nrows;
    double *values;                 /* [nrows][nparams] */
    char *scenario, *scenario_hash, *command;   /* NULL when absent */
} ss_ensemble;

/* Read and check a file.  0, or -1 with d naming the file and the line (a JSON error) or the key
 * path ("FILE: rows.3: expected 2 numbers, one per parameter, got 3"). */
int ss_ensemble_read(const char *file, ss_ensemble *e, ss_diag *d);
void ss_ensemble_free(ss_ensemble *e);

/* Write e as above (one row a line); 0, or -1 with d. */
int ss_ensemble_write(const char *file, const ss_ensemble *e, ss_diag *d);

/* Row r as --set overrides: texts[i] = "PATH=VALUE" (every digit of the value), for i below
 * nparams; each texts[i] has room for SS_ENSEMBLE_SET_TEXT bytes.  -1 when a path is too long. */
#define SS_ENSEMBLE_SET_TEXT 320
int ss_ensemble_sets(const ss_ensemble *e, long r, char (*texts)[SS_ENSEMBLE_SET_TEXT]);

/* The value of parameter i in row r. */
static inline double ss_ensemble_value(const ss_ensemble *e, long r, int i) { return e->values[r * e->nparams + i]; }

#endif
