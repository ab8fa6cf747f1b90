/* pool: many independent jobs on worker threads, their results handed back in job order.
 *
 * Jobs 0 .. njobs-1 are handed out to the workers in index order.  Each finished job is given
 * to `deliver` on the calling thread, in index order, so what the caller writes or prints never
 * depends on the workers' timing: a replication runner, a batch of runs and a sensitivity study
 * all get the same bytes for any number of workers.
 *
 * Stopping.  The pool owns one stop flag (an atomic, flag.h), which `run` passes to long work
 * (a simulation polls it).  It is raised by Ctrl-C (the caller's interrupt flag, polled here), by
 * a failing `deliver`, and by a failing job — but for a failing job only once every job before
 * it has finished, so the failure reported is always the lowest-numbered one, whatever the
 * number of workers.  Hand-out stops as soon as any failure is recorded, but jobs handed out
 * before that (by other workers, while the failing job's thread had not yet reported) still run:
 * how many jobs run past a failure depends on the timing.  A job that fails after the flag was
 * raised was stopped, not wrong: its error is ignored.  Jobs finished before the stop are still delivered, in order, up to the first
 * gap, so an interrupted run keeps every whole replication before it.
 *
 * The pool knows nothing of replications or runs: a job is an index, a worker's state is the
 * caller's (a simulator, say), made lazily by `run` and freed by `worker_end`. */
#ifndef SS_POOL_H
#define SS_POOL_H

#include "diag.h"
#include "flag.h"

typedef struct ss_pool_jobs {
    long njobs;
    int workers;                    /* threads; <= 0: all cores; never more than njobs */
    long backlog;                   /* at most this many jobs handed out and not delivered; 0: any */
    const ss_stop_flag *interrupt;  /* Ctrl-C, owned by the entry point; may be NULL */
    void *ctx;
    /* On a worker thread: do job `job`.  *worker is this worker's own state (NULL at first).
     * 0, or -1 with d filled. */
    int (*run)(void *ctx, void **worker, long job, const ss_stop_flag *stop, ss_diag *d);
    /* On the calling thread, in job order; may be NULL.  0, or -1 with d filled: the pool
     * stops and delivers nothing more. */
    int (*deliver)(void *ctx, long job, ss_diag *d);
    /* On the worker thread as it ends, with its state (even NULL); may be NULL. */
    void (*worker_end)(void *ctx, void *worker);
} ss_pool_jobs;

typedef enum ss_pool_outcome {
    SS_POOL_DONE,             /* every job ran and was delivered */
    SS_POOL_DELIVER_FAILED,   /* delivering failed_job failed */
    SS_POOL_JOB_FAILED,       /* failed_job (the lowest failing job) failed */
    SS_POOL_INTERRUPTED,      /* *interrupt was raised before every job was delivered */
    SS_POOL_NO_THREADS,       /* not one worker thread could be started */
} ss_pool_outcome;

typedef struct ss_pool_result {
    ss_pool_outcome outcome;
    long failed_job;          /* SS_POOL_DELIVER_FAILED, SS_POOL_JOB_FAILED; else -1 */
    long delivered;           /* jobs 0 .. delivered-1 were delivered */
    int workers;              /* threads that ran */
} ss_pool_result;

/* Run the jobs; returns when every worker has ended.  0 when every job was delivered, else -1
 * with res->outcome saying why and d filled with the failure's message ("interrupted" for
 * SS_POOL_INTERRUPTED). */
int ss_pool_run(const ss_pool_jobs *jobs, ss_pool_result *res, ss_diag *d);

/* Number of online cores. */
int ss_cores(void);

#endif
