/* batch: a plan of many runs — scenarios × organisational models × a parameter grid — run on all
 * cores into one SQLite file, resumable after any kill, and splittable into shards.
 *
 *   plan file --(sandbox, validation)--> ss_plan: grid points in a fixed order
 *     --(each point's scenario loaded once to check it and learn its hash)--> run keys
 *     --(store: which replications are done already)--> (run, replication) jobs
 *     --(a pool of workers on all cores; the calling thread writes)--> runs, complete when their
 *        summary is written
 *
 * The plan's format and the grid's order are in plan.h.
 *
 * Identity.  A run is known by its key: SHA-256 over the resolved scenario's hash, the rules'
 * hash, the seed, the replications and the grid point; the batch by a key over every point's
 * description, the seed and the replications.  Running the same plan again finds the runs and
 * the replications already stored and does only the rest; changing a scenario file changes its
 * runs' keys, so they are run afresh.
 *
 * Shards.  The plan's jobs (run p, replication r) are numbered j = p × replications + r; shard
 * K of N does the jobs with j mod N = K - 1.  Round robin spreads every run over the shards, so
 * the shards take about the same time even when runs differ in cost; `samsim merge` joins them
 * and writes the summaries. */
#ifndef SS_BATCH_H
#define SS_BATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "flag.h"
#include "plan.h"
#include "store.h"

/* ---- running a plan ----------------------------------------------------------------------- */

typedef enum ss_batch_event_kind {
    SS_BATCH_WAITING,       /* another batch or merge is writing the file: this one waits for it */
    SS_BATCH_START,         /* the plan is checked; the jobs of this session are known */
    SS_BATCH_REPLICATION,   /* one replication written */
    SS_BATCH_RUN_DONE,      /* a run got its summary (complete), or all of this shard's part */
} ss_batch_event_kind;

/* What the progress display needs; counts are of (run, replication) jobs in this shard. */
typedef struct ss_batch_progress {
    ss_batch_event_kind kind;
    int runs;               /* runs in this shard */
    int runs_done;          /* of them, with nothing left to do here */
    int runs_done_before;   /* ... already before this session */
    long jobs;              /* jobs in this shard */
    long jobs_done;         /* of them, stored */
    long jobs_done_before;  /* ... already before this session */
    int workers;
    const ss_plan_point *point;  /* SS_BATCH_RUN_DONE: which run */
    int64_t run_id;
    bool complete;          /* SS_BATCH_RUN_DONE: the summary is written (else another shard's
                               replications are missing) */
} ss_batch_progress;

typedef void (*ss_batch_progress_fn)(void *ud, const ss_batch_progress *p);

typedef struct ss_batch_opts {
    int jobs;                          /* worker threads; <= 0: all cores */
    int shard, nshards;                /* 1-based shard K of N; 0/0 = the whole plan */
    const char *db;                    /* the output file (the plan's, or --db) */
    bool dry_run;                      /* check and count, write nothing */
    const char *command_line;          /* for the batches table */
    const ss_stop_flag *interrupt;  /* Ctrl-C, owned by the entry point; may be NULL */
    ss_batch_progress_fn progress;
    void *progress_ud;
} ss_batch_opts;

typedef enum ss_batch_failure {
    SS_BATCH_OK,
    SS_BATCH_MODEL,        /* a scenario, overlay, --set value or rule is wrong */
    SS_BATCH_INTERRUPTED,  /* Ctrl-C: whole replications are kept */
    SS_BATCH_IO,           /* the database could not be written or read */
} ss_batch_failure;

/* Per run of this shard, after ss_batch_run. */
typedef struct ss_batch_run_state {
    const ss_plan_point *point;
    int64_t run_id;          /* 0 when the run is not in the store (dry run, nothing done) */
    int reps_stored;         /* replications in the store */
    int reps_here;           /* replications this shard owns */
    int jobs_left;           /* of them, not stored (a dry run, an interrupt, a failure) */
    bool complete;
} ss_batch_run_state;

typedef struct ss_batch_result {
    int64_t batch_id;        /* 0 in a dry run on a new file */
    int nruns;
    ss_batch_run_state *runs;  /* [nruns], in grid order; only runs with jobs in this shard */
    long jobs, jobs_done_before, jobs_done;
    int workers;
} ss_batch_result;

/* Check every point (each scenario loaded and its rule files opened, on all cores), then run
 * what is missing.  0, or -1 with d filled and *why set. */
int ss_batch_run(const ss_plan *p, const ss_batch_opts *o, ss_batch_result *out, ss_diag *d,
                 ss_batch_failure *why);
void ss_batch_result_free(ss_batch_result *r);

/* Which shard owns job j (1-based). */
static inline int ss_batch_shard_of(long job, int nshards) { return (int)(job % nshards) + 1; }

/* The default output of shard K of N: "out.db" -> "out.shard-K-of-N.db". */
void ss_batch_shard_output(const char *output, int shard, int nshards, char *out, size_t n);

#endif
