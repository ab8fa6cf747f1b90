/* calibrate_parts: what calibrate.c (the waves) and calibrate_point.c (running a wave's points)
 * share; not for other files. */
#ifndef SS_STUDY_CALIBRATE_PARTS_H
#define SS_STUDY_CALIBRATE_PARTS_H

#include "calibrate.h"
#include "model.h"
#include "target.h"

/* How each target is measured: its figure in a replication (target.h: summed over services, or
 * weighted by first contacts), and the window (run) it is measured in. */
typedef struct calib_measure {
    ss_target_spec spec;   /* pointing into the target */
    int window;
} calib_measure;

typedef struct calib_plan {
    int ntargets;
    calib_measure *measures;   /* [ntargets] */
    int nwindows;
    double *from, *to;         /* [nwindows]: days from the start, to exclusive */
} calib_plan;

int calib_plan_make(const char *file, const ss_model *m, const ss_target *t, int n, calib_plan *pl, ss_diag *d);
void calib_plan_free(calib_plan *pl);

/* One wave's points; y[p 2 ntargets + 2 t] is target t's mean at point p, + 1 its variance. */
typedef struct calib_wave {
    const ss_calib_opts *o;
    const ss_calib_result *res;
    const calib_plan *plan;
    int wave;                  /* 1-based */
    const char *alone;         /* a single point's name ("the calibrated point"), not a wave's; else NULL */
    long npoints;
    double *values;            /* [npoints][nparams] */
    const char **paths;        /* [nparams]: the numbers' key paths, while calib_wave_run runs */
    double *y;                 /* made by calib_wave_run */
    long nstored;              /* points read from the store */
    long nmissing;             /* sharded: other shards' points not stored yet */
} calib_wave;

/* Run the wave's points not stored already (this shard's), on the worker pool (points.h). */
int calib_wave_run(calib_wave *cw, ss_diag *d);

#endif
