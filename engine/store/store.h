/* store: results in SQLite, one file per study.
 *
 * Tables (documented in the README from ss_store_schema()):
 *   runs(run_id, scenario_name, scenario_path, scenario_hash, rules_hash, engine_version, seed,
 *        replications, horizon_days, warmup_days, start_date, command_line, started_at,
 *        finished_at, status, failure, resolved_scenario)   -- status running|complete|failed
 *   services(run_id, service, name, fte)   -- fte: fte x staff_share, the FTE serving the modelled population
 *   run_inputs(run_id, seq, kind, target, value)              -- overlays and --set, in order
 *   metric_info(scope, metric, label, unit, better, description, label_en, label_nb)
 *   wide_columns(kind, name), and the view run_wide: one row per run, its parameters and key figures
 *   replications(run_id, rep, events, completed_at)
 *   metrics(run_id, rep, scope, subject, metric, value)       -- per replication
 *   summary(run_id, scope, subject, metric, mean, ci_low, ci_high, sd, n)
 *   series_points(run_id, rep, service, points)               -- points: JSON [[day, queue, caseload], ...]
 *   and the view series(run_id, rep, service, day, queue, caseload): a row a point (series.c)
 *   flows(run_id, rep, from_service, to_service, persons)     -- '' = outside; no row for 0
 *   wait_histogram(run_id, rep, service, from_days, to_days, persons)   -- no row for an empty bin
 *   meta(key, value)                                          -- schema_version = 2
 * scope is 'service' or 'system'; subject is the service id, or '' for system metrics; an
 * undefined value (NaN) is NULL.
 * Each replication is written in one transaction (its row, metrics and series), so a killed run
 * leaves whole replications or nothing; the run's status becomes 'complete' with the summary in
 * the final transaction. */
#ifndef SS_STORE_H
#define SS_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "flag.h"
#include "results.h"

typedef struct ss_store ss_store;

/* Open or create the file and its schema (idempotent). NULL with d filled on error.  While it is
 * open, a reserve file "PATH-reserve" (128 KiB) stands beside it: when a write fails for lack of
 * space, the store gives the reserve back and can still mark the run failed. */
ss_store *ss_store_open(const char *path, ss_diag *d);
/* Closes; a file opened for writing is left in rollback-journal mode when no one else has it
 * open, so that it can be read where nothing can be written (a read-only share). */
void ss_store_close(ss_store *st);
/* How a writer that decides what to write from what is stored (a batch, a merge) claims the file:
 * two of them would each run what the other is running, and the second would fail on the
 * first's rows.  The claim is a lock on one byte of the file that SQLite never locks (an
 * open-file-description lock), taken before SQLite opens the file and given up by
 * ss_store_close or when the process ends in any way, SIGKILL included.  When another process
 * holds it: without wait, the open fails saying so; with wait, waiting(ud) is called once (may
 * be NULL) and the open waits, polling *interrupt (may be NULL; then "interrupted"). */
typedef struct ss_claim {
    bool wait;
    const ss_stop_flag *interrupt;
    void (*waiting)(void *ud);
    void *ud;
} ss_claim;
/* As ss_store_open, with the claim (NULL: none). */
ss_store *ss_store_open_claimed(const char *path, const ss_claim *c, ss_diag *d);
/* The CREATE statements, for the README and tests. */
const char *ss_store_schema(void);

/* Insert a run row (status 'running') and its services; *run_id receives the id. */
int ss_store_begin_run(ss_store *st, const ss_run_info *info, int64_t *run_id, ss_diag *d);
/* One replication, in its own transaction. */
int ss_store_replication(ss_store *st, int64_t run_id, const ss_rep_result *r,
                         const ss_run_info *info, ss_diag *d);

/* The store as the runner's recorder (ss_record_fn): each finished replication of run_id is
 * written as ss_store_replication writes it. */
typedef struct ss_store_recorder {
    ss_store *store;
    int64_t run_id;
    const ss_run_info *info;
} ss_store_recorder;
int ss_store_record(void *recorder, const ss_rep_result *r, ss_diag *d);

/* The summary, finished_at and status 'complete', in one transaction. */
int ss_store_finish_run(ss_store *st, int64_t run_id, const ss_summary *sum,
                        const ss_run_info *info, ss_diag *d);
/* Mark a run 'failed' (after a rule error or an interrupt); its whole replications stay.
 * why goes to runs.failure. */
int ss_store_fail_run(ss_store *st, int64_t run_id, const char *why, ss_diag *d);
/* Delete a run and every row that belongs to it, in one transaction (used when a rule error
 * stops a run: nothing partial is kept).  An unknown run_id is not an error. */
int ss_store_discard_run(ss_store *st, int64_t run_id, ss_diag *d);

/* ---- batches (batch.h, merge.h) -------------------------------------------------------------
 *
 * Four more tables, created by the first batch or merge that writes the file (so a file that
 * only `samsim run` wrote keeps its twelve tables and one view):
 *   batches(batch_id, batch_key, name, plan_path, seed, replications, planned_runs, parameters,
 *           created_at, command_line)          -- one row per plan (its key: every grid point)
 *   run_keys(run_id, run_key)                  -- a batch run's identity, unique
 *   batch_runs(batch_id, point, run_id, scenario, model)   -- point is 1-based, in grid order
 *   batch_values(batch_id, point, parameter, value)        -- the swept values of each point
 * so that a sweep tabulates with one join:
 *   SELECT v.value, s.mean FROM batch_values v JOIN batch_runs b USING(batch_id, point)
 *   JOIN summary s ON s.run_id = b.run_id WHERE s.subject = 'fph' AND s.metric = 'wait_mean'; */

/* Open an existing file to read only (a dry run, --show); nothing is created.  NULL with d. */
ss_store *ss_store_open_readonly(const char *path, ss_diag *d);
const char *ss_store_path(const ss_store *st);
/* The batch tables' CREATE statements, for the README and tests. */
const char *ss_store_batch_schema(void);
/* Create the batch tables and give the connection a larger page cache (a batch keeps touching
 * the same B-tree pages).  Commits skip the disk flush for every writer (db.c): in WAL mode each
 * stays atomic when the process is killed; only a power cut may lose the last few, which a
 * resumed batch simply runs again. */
int ss_store_prepare_batch(ss_store *st, ss_diag *d);

/* A swept value of a grid point. */
typedef struct ss_batch_value {
    const char *parameter;  /* "services.fph.fte" */
    const char *text;       /* as given to --set: 18, 0.5, "all", true */
    const char *label;      /* for people: 18, 0.5, all, true */
    bool numeric;
    double number;
} ss_batch_value;

typedef struct ss_batch_row {
    const char *batch_key, *name, *plan_path, *command_line;
    const char *parameters;  /* swept parameters, comma-separated */
    uint64_t seed;
    int replications, planned_runs;
} ss_batch_row;

/* Find the batch by its key, or record it; *batch_id receives its id. */
int ss_store_begin_batch(ss_store *st, const ss_batch_row *b, int64_t *batch_id, ss_diag *d);
/* The batch with this key: 1 found, 0 none (or no batch tables), -1 error. */
int ss_store_find_batch(ss_store *st, const char *batch_key, int64_t *batch_id, ss_diag *d);
/* The run with this key: 1 found (*complete: its summary is written), 0 none, -1 error. */
int ss_store_find_run(ss_store *st, const char *run_key, int64_t *run_id, bool *complete,
                      ss_diag *d);
/* As ss_store_begin_run, and the run's key in the same transaction, so a kill can never leave a
 * run that a resumed batch would not find. */
int ss_store_begin_keyed_run(ss_store *st, const ss_run_info *info, const char *run_key,
                             int64_t *run_id, ss_diag *d);
/* Point `point` (1-based) of the batch is this run, with these swept values (replaces an
 * earlier run of the point, e.g. after its scenario file changed). */
int ss_store_link_batch_run(ss_store *st, int64_t batch_id, int point, int64_t run_id,
                            const char *scenario, const char *model,
                            const ss_batch_value *values, int nvalues, ss_diag *d);
/* Which replications of the run are stored: done[rep] = 1 for rep < reps; *count of them. */
int ss_store_replications_done(ss_store *st, int64_t run_id, unsigned char *done, int reps,
                               int *count, ss_diag *d);
/* When every replication of the run is stored and the summary is not: read them back, build
 * the summary (level e.g. 0.95) and mark the run complete.  Reading back is what makes a
 * resumed, a sharded-and-merged and an uninterrupted batch give the same bits.  1 summarised,
 * 0 replications missing or already complete, -1 error. */
int ss_store_summarise_run(ss_store *st, int64_t run_id, double level, ss_diag *d);
/* Runs that are not complete, in id order (*ids malloc'ed; NULL when n is 0). */
int ss_store_incomplete_runs(ss_store *st, int64_t **ids, int *n, ss_diag *d);

/* One grid point of a stored batch, for a sweep table. */
typedef struct ss_sweep_row {
    int point;               /* 1-based */
    int64_t run_id;          /* 0: the point has no run in this file */
    int reps_stored, replications;
    bool complete;
    ss_estimate estimate;    /* of the metric asked for; n = 0 when not complete */
} ss_sweep_row;

/* Rows for points 1..npoints of the batch (missing points have run_id 0).  scope "service" or
 * "system"; subject the service id or "". */
int ss_store_sweep(ss_store *st, int64_t batch_id, int npoints, const char *scope,
                   const char *subject, const char *metric, ss_sweep_row *rows, ss_diag *d);
/* Whether the run has a service with this id (1), not (0), or -1 on error. */
int ss_store_run_has_service(ss_store *st, int64_t run_id, const char *service, ss_diag *d);

/* ---- merging shard files (merge.h) --------------------------------------------------------- */

typedef struct ss_merge_counts {
    int runs_new;            /* runs created in the output */
    int runs_matched;        /* runs already in the output (same key), completed from this file */
    long reps_copied;        /* replications copied */
    long reps_duplicate;     /* replications the output had already (checked to be the same) */
} ss_merge_counts;

/* Copy every run of the file at src (batch runs matched by key, other runs by their identity)
 * and the replications the output lacks, one transaction per run; batches are matched by
 * key.  Counts are added to *c. */
int ss_store_merge_from(ss_store *st, const char *src, ss_merge_counts *c, ss_diag *d);

#endif
