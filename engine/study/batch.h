/* batch: a plan of many runs — scenarios × organisational models × a parameter grid — run on all
 * cores into one SQLite file, resumable after any kill, and splittable into shards.
 *
 *   plan file --(sandbox, validation)--> ss_plan: grid points in a fixed order
 *     --(each point's scenario loaded once to check it and learn its hash)--> run keys
 *     --(store: which replications are done already)--> (run, replication) jobs
 *     --(a pool of workers on all cores; the calling thread writes)--> runs, complete when their
 *        summary is written
 *
 * A plan (Lua, read in the sandbox; paths are relative to the plan's folder):
 *
 *   return {
 *     name = "FPH staffing",                          -- optional; default: the file name
 *     scenarios = { "../default.lua" },               -- one or more scenario files
 *     models = { {}, { "../models/more-fph-staff.lua" } },  -- optional: alternatives, each a list
 *                                                     -- of overlays applied in order; {} = as is
 *     set = { ["calendar.horizon_days"] = 730 },      -- optional: --set for every run
 *     sweep = { ["services.fph.fte"] = { 3, 4, 5, 6 },               -- a list of values, or
 *               ["services.hs.fte"] = { from = 6, to = 10, step = 2 } },  -- a range; crossed
 *     replications = 10,
 *     seed = 1,                                       -- optional; default 1; the same for all runs
 *     output = "fph_staffing.db",                     -- the SQLite file
 *   }
 *
 * Points are ordered scenario, then model, then the swept parameters by name (the last one
 * varies fastest).  Every point is one run: its own `runs` row, resolved scenario and summary,
 * exactly what `samsim run SCENARIO --apply ... --set ... --seed S --reps R` stores.  All runs
 * share the seed, so any two are paired by common random numbers (`samsim compare`).
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

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "store.h"

/* A plan as validated.  Strings are owned by the plan. */
typedef struct ss_plan ss_plan;

/* One grid point: what a single `samsim run` of it would be given. */
typedef struct ss_plan_point {
    int index;                      /* 0-based position in the grid */
    const char *scenario;           /* path to open (the plan's folder joined on) */
    const char *scenario_in_plan;   /* as written in the plan */
    const char *model;              /* "baseline", or the overlays' file names joined by "+" */
    const char *const *overlays;    /* paths to open, in order */
    int noverlays;
    const char *const *sets;        /* "PATH=VALUE": the plan's `set`, then the swept values */
    int nsets;
    const ss_batch_value *values;   /* the swept values of this point (parameter order) */
    int nvalues;
    const char *description;        /* the text the keys are computed over */
} ss_plan_point;

/* Read and validate a plan.  NULL with d filled: "plan.lua:12: ..." for Lua errors,
 * "plan.lua: sweep[\"services.fph.fte\"][2]: expected ..." for a wrong value. */
ss_plan *ss_plan_load(const char *path, ss_diag *d);
void ss_plan_free(ss_plan *p);

const char *ss_plan_path(const ss_plan *p);
const char *ss_plan_name(const ss_plan *p);
/* The output file: the plan's `output` joined to the plan's folder. */
const char *ss_plan_output(const ss_plan *p);
uint64_t ss_plan_seed(const ss_plan *p);
int ss_plan_replications(const ss_plan *p);
int ss_plan_npoints(const ss_plan *p);
const ss_plan_point *ss_plan_point_at(const ss_plan *p, int i);
/* Swept parameters, sorted by name. */
int ss_plan_nparameters(const ss_plan *p);
const char *ss_plan_parameter(const ss_plan *p, int i);
/* Whether the points differ in scenario / in model (tables show those columns only then). */
bool ss_plan_varies_scenario(const ss_plan *p);
bool ss_plan_varies_model(const ss_plan *p);
/* The batch key (64 hex characters), over every point's description, seed and replications. */
const char *ss_plan_key(const ss_plan *p);
/* "samsim run SCENARIO --seed S --reps R --apply ... --set ..." for one point. */
void ss_plan_run_command(const ss_plan *p, const ss_plan_point *pt, char *out, size_t n);

/* ---- running a plan ----------------------------------------------------------------------- */

typedef enum ss_batch_event_kind {
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
    volatile sig_atomic_t *interrupt;  /* Ctrl-C, owned by the entry point; may be NULL */
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
