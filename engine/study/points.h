/* points: the one way a study runs its points — a sensitivity study's stages, a calibration's
 * waves, a robust comparison's samples — on the worker pool (util/pool.h).
 *
 *   the points found stored (resuming after a kill -9; a merged shard file) are not run again;
 *   sharded (K of N), only the points p with p mod N = K - 1 run (round robin, so shards take
 *     about the same time), and the other shards' points not stored are counted as missing;
 *   the rest run on the workers, each delivered on the calling thread in point order (to the
 *     hooks: the store, the progress line), so what is written never depends on the workers'
 *     timing.
 *
 * A point's outputs are noutputs numbers; all of them come back in one array. */
#ifndef SS_STUDY_POINTS_H
#define SS_STUDY_POINTS_H

#include <stddef.h>

#include "diag.h"
#include "flag.h"

/* Which points: a calibration's wave {2, "wave 2"}, a sensitivity study's stage
 * {SS_SENS_MORRIS, "morris"}, a robust comparison's samples {0, "samples"}. */
typedef struct ss_points_part {
    int number;
    const char *name;
} ss_points_part;

/* How the caller of a study follows it (the store, the progress line): the same hooks for every
 * kind of study, called by the study (started) and by the runner below; each may be NULL. */
typedef struct ss_points_hooks {
    /* Once the study knows its numbers, before any point: study is its result as far as it goes
     * (an ss_sens_result, ss_calib_result or ss_robust_result). */
    int (*started)(void *ud, const void *study, ss_diag *d);
    /* Before a part runs: mark its points stored already (have[p] = 1, their outputs in
     * y[p noutputs ...], *nhave counting them), which are not run again (resuming after a kill). */
    int (*stored)(void *ud, const ss_points_part *part, long npoints, int noutputs, double *y, unsigned char *have,
                  long *nhave, ss_diag *d);
    /* On the calling thread, each point run in point order: its numbers and its outputs. */
    int (*point_done)(void *ud, const ss_points_part *part, long point, const double *values, int nvalues,
                      const double *outputs, int noutputs, ss_diag *d);
    void *ud;
    /* After each point (stored ones counted in done); for a terminal. */
    void (*progress)(void *ud, const ss_points_part *part, long done, long total);
    void *progress_ud;
} ss_points_hooks;

/* How a study runs its points, the same for every kind of study (its options' `run`). */
typedef struct ss_points_how {
    int jobs;                        /* worker threads; <= 0: all cores */
    int shard, nshards;              /* 1-based shard K of N: only points p with p mod N = K - 1 run
                                        (the others are read from the store: needs hooks.stored);
                                        0/0: every point */
    const ss_stop_flag *interrupt;
    ss_points_hooks hooks;
} ss_points_how;

typedef struct ss_points_job {
    long npoints;
    int noutputs;
    const ss_points_how *how;
    ss_points_part part;
    /* On a worker thread: point p's outputs into y (noutputs of them).  0, or -1 with d. */
    int (*run)(void *ctx, long p, double *y, const ss_stop_flag *stop, ss_diag *d);
    void *ctx;                       /* run's */
    /* What the points are: point p sets the numbers paths[j] to values[p nvalues + j].  A failing
     * point's error (not "interrupted") is prefixed with its name from these, "WHAT P of OF
     * (PATH=VALUE, ...)": "point 12 of wave 2 (a=1, b=2)", "sample 3 of 64 (...)"; with OF "",
     * a single point named by WHAT alone: "the calibrated point (a=1, b=2)". */
    const char *what, *of;
    const char *const *paths;
    const double *values;
    int nvalues;
} ss_points_job;

typedef struct ss_points_done {
    double *y;                       /* [npoints][noutputs] (NaN where not run); the caller frees it */
    long nstored;                    /* found stored, not run */
    long nmissing;                   /* other shards' points not stored: the study cannot go on */
} ss_points_done;

/* The started hook of how, if any, with the study's result so far: 0, or -1 with d. */
int ss_points_started(const ss_points_how *how, const void *study, ss_diag *d);

/* Run the points not stored (this shard's).  0, or -1 with d (as ss_pool_run: the lowest failing
 * point's error, "interrupted"); out->y is made either way. */
int ss_points_run(const ss_points_job *job, ss_points_done *out, ss_diag *d);

#endif
