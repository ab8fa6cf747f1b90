/* runner: replications on all cores.
 *
 * Replications are the jobs of a worker pool (util/pool.h); each worker thread builds its own
 * ss_sim (and so its own Lua sandbox) for its first replication; a replication's result lands
 * in the slot of its index, so the numbers are the same for every number of workers.  The calling thread hands finished replications to a recorder in
 * index order (the store's, in a run that keeps its results), so the simulation knows nothing of
 * where results go. */
#ifndef SS_RUNNER_H
#define SS_RUNNER_H

#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "flag.h"
#include "model.h"
#include "pool.h"
#include "results.h"
#include "sim.h"

/* Called on the calling thread after each finished replication (done of total). */
typedef void (*ss_progress_fn)(void *ud, int done, int total);

/* Receives each finished replication, in index order, on the calling thread.  A non-zero return
 * (with d filled) stops the run: no later replication is recorded. */
typedef int (*ss_record_fn)(void *ctx, const ss_rep_result *r, ss_diag *d);

typedef struct ss_run_opts {
    uint64_t seed;
    int first_rep;                        /* replications first_rep .. first_rep+reps-1 */
    int reps;
    int jobs;                             /* worker threads; <= 0: all cores */
    const ss_stop_flag *interrupt;     /* Ctrl-C, owned by the entry point; may be NULL */
    ss_record_fn record;                  /* may be NULL: results are only returned */
    void *record_ctx;
    ss_progress_fn progress;
    void *progress_ud;
    int64_t trace_person;                 /* trace this person in the first replication */
    FILE *trace;
} ss_run_opts;

/* One replication on sim (built for m) and what is derived from its whole series afterwards (the
 * queue trend, trend.h): what every caller that runs a replication must do.  0, or -1 with d. */
int ss_run_one(ss_sim *sim, const ss_model *m, uint64_t seed, int rep, ss_rep_result *out, ss_diag *d);

/* Run the replications into results[0 .. reps-1] (each initialised here).  On failure every
 * result is freed and d holds the message: -1 when a replication failed (the lowest-numbered
 * one's message) or was interrupted ("interrupted"), -2 when the recorder failed (the store
 * could not write: the results are lost, not wrong). */
int ss_run_replications(const ss_model *m, const ss_run_opts *o, ss_rep_result *results, ss_diag *d);

#endif
