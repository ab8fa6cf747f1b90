/* points_store: a study's points in its results file (--db), the same for the three kinds of
 * study — the hooks (points.h) that read the points a resumed study has stored and write each
 * point as it is delivered.  The command opens the file and begins its study (finding it again by
 * its key after a kill) in its `started` hook, through ss_points_store_open, and closes it at
 * the end. */
#ifndef SS_STUDY_POINTS_STORE_H
#define SS_STUDY_POINTS_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "calibrate.h"
#include "diag.h"
#include "points.h"
#include "store.h"

typedef enum ss_points_kind { SS_POINTS_SENSITIVITY, SS_POINTS_CALIBRATION, SS_POINTS_ROBUST } ss_points_kind;

typedef struct ss_points_store {
    ss_points_kind kind;
    const char *db;                  /* the file */
    ss_store *store;                 /* open once the study has started */
    int64_t study_id;
    bool resumed;                    /* the study was found stored: read its points */
    /* A calibration's: each point is stored with its largest implausibility against the targets,
     * and kept when that is below the cutoff. */
    const ss_calib_result *calib;
    double cutoff;
} ss_points_store;

/* The hooks that store ps's points (ud = ps); progress left to the caller. */
ss_points_hooks ss_points_store_hooks(ss_points_store *ps);
/* Open ps->db for the study's rows; NULL with d. */
ss_store *ss_points_store_open(ss_points_store *ps, ss_diag *d);

#endif
