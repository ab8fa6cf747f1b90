/* points: the one way a study runs its points — a sensitivity study's stages, a calibration's
 * waves, a robust comparison's samples — on the worker pool (util/pool.h).
 *
 *   the points found stored (resuming after a kill -9; a merged shard file) are not run again;
 *   sharded (K of N), only the points p with p mod N = K - 1 run (round robin, so shards take
 *     about the same time), and the other shards' points not stored are counted as missing;
 *   the rest run on the workers, each delivered on the calling thread in point order (to the
 *     store, to the progress line), so what is written never depends on the workers' timing.
 *
 * A point's outputs are noutputs numbers; all of them come back in one array. */
#ifndef SS_STUDY_POINTS_H
#define SS_STUDY_POINTS_H

#include <stddef.h>

#include "diag.h"
#include "flag.h"

typedef struct ss_points_job {
    long npoints;
    int noutputs;
    int shard, nshards;              /* 1-based shard K of N; 0/0: every point */
    int workers;                     /* threads; <= 0: all cores */
    const ss_stop_flag *interrupt;
    void *ctx;                       /* the caller's, handed to each function below */
    /* The points stored already: have[p] = 1 and their outputs in y[p noutputs ...], *nhave
     * counting them.  NULL: none. */
    int (*stored)(void *ctx, double *y, unsigned char *have, long *nhave, ss_diag *d);
    /* On a worker thread: point p's outputs into y (noutputs of them).  0, or -1 with d. */
    int (*run)(void *ctx, long p, double *y, const ss_stop_flag *stop, ss_diag *d);
    /* Point p for a message ("point 12 of wave 2 (a=1, b=2)"): a failing point's error is
     * prefixed with it (not "interrupted").  May be NULL. */
    void (*name)(void *ctx, long p, char *out, size_t n);
    /* On the calling thread, in point order, once point p has run; done counts the points
     * finished so far, the stored ones included.  May be NULL. */
    int (*deliver)(void *ctx, long p, const double *y, long done, ss_diag *d);
} ss_points_job;

typedef struct ss_points_done {
    double *y;                       /* [npoints][noutputs] (NaN where not run); the caller frees it */
    long nstored;                    /* found stored, not run */
    long nmissing;                   /* other shards' points not stored: the study cannot go on */
} ss_points_done;

/* Run the points not stored (this shard's).  0, or -1 with d (as ss_pool_run: the lowest failing
 * point's error, "interrupted"); out->y is made either way. */
int ss_points_run(const ss_points_job *job, ss_points_done *out, ss_diag *d);

#endif
