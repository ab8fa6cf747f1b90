/* points_store: a study in its results file (--db), written once for the three kinds of study —
 * its rows once it has started (found again by its key when the same command runs after a kill,
 * so that the points stored are read instead of run), each point as it is delivered, and what it
 * found at the end.  A command fills in the file and its command line, hands the study's options
 * to ss_points_store_hook before running it, and closes `store` at the end. */
#ifndef SS_STUDY_POINTS_STORE_H
#define SS_STUDY_POINTS_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "calibrate.h"
#include "diag.h"
#include "points.h"
#include "robust.h"
#include "sensitivity.h"
#include "store.h"

typedef enum ss_points_kind { SS_POINTS_SENSITIVITY, SS_POINTS_CALIBRATION, SS_POINTS_ROBUST } ss_points_kind;

typedef struct ss_points_store {
    const char *db;                  /* the file */
    const char *command_line;        /* stored with the study */
    const char *base_model, *option_model;   /* a robust comparison's models as the command names them */
    /* Set by the functions below. */
    ss_points_kind kind;
    const void *opts;                /* the study's options */
    ss_store *store;                 /* open once the study has started */
    int64_t study_id;
    bool resumed;                    /* the study was found stored: its points are read */
    const ss_calib_result *calib;    /* a calibration's targets: each point's max I and whether it is kept */
} ss_points_store;

/* The study of this kind whose options are opts (an ss_sens_opts, ss_calib_opts or
 * ss_robust_opts), stored in ps->db: the hooks of opts's run (progress left as it is) set to
 * ps's. */
void ss_points_store_hook(ss_points_store *ps, ss_points_kind kind, const void *opts, ss_points_how *run);
/* What the study found, once it is done: a sensitivity study's indices, a calibration's fitted
 * ranges and verdicts.  0, or -1 with d. */
int ss_points_store_indices(ss_points_store *ps, const ss_sens_result *r, ss_diag *d);
int ss_points_store_fit(ss_points_store *ps, const ss_calib_result *r, ss_diag *d);

#endif
