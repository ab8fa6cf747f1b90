/* store: results in SQLite, one file per study.
 *
 * Tables (documented in the README from ss_store_schema()):
 *   runs(run_id, scenario_name, scenario_path, scenario_hash, rules_hash, engine_version, seed,
 *        replications, horizon_days, warmup_days, start_date, command_line, started_at,
 *        finished_at, status, failure, resolved_scenario)   -- status running|complete|failed
 *   services(run_id, service, name, fte)
 *   replications(run_id, rep, events, completed_at)
 *   metrics(run_id, rep, scope, subject, metric, value)       -- per replication
 *   summary(run_id, scope, subject, metric, mean, ci_low, ci_high, sd, n)
 *   series(run_id, rep, service, day, queue, caseload)
 *   meta(key, value)                                          -- schema_version = 1
 * scope is 'service' or 'system'; subject is the service id, or '' for system metrics; an
 * undefined value (NaN) is NULL.
 * Each replication is written in one transaction (its row, metrics and series), so a killed run
 * leaves whole replications or nothing; the run's status becomes 'complete' with the summary in
 * the final transaction. */
#ifndef SS_STORE_H
#define SS_STORE_H

#include <stdint.h>

#include "diag.h"
#include "results.h"

typedef struct ss_store ss_store;

/* Open or create the file and its schema (idempotent). NULL with d filled on error. */
ss_store *ss_store_open(const char *path, ss_diag *d);
void ss_store_close(ss_store *st);
/* The CREATE statements, for the README and tests. */
const char *ss_store_schema(void);

/* Insert a run row (status 'running') and its services; *run_id receives the id. */
int ss_store_begin_run(ss_store *st, const ss_run_info *info, int64_t *run_id, ss_diag *d);
/* One replication, in its own transaction. */
int ss_store_replication(ss_store *st, int64_t run_id, const ss_rep_result *r,
                         const ss_run_info *info, ss_diag *d);
/* The summary, finished_at and status 'complete', in one transaction. */
int ss_store_finish_run(ss_store *st, int64_t run_id, const ss_summary *sum,
                        const ss_run_info *info, ss_diag *d);
/* Mark a run 'failed' (after a rule error or an interrupt); its whole replications stay.
 * why goes to runs.failure. */
int ss_store_fail_run(ss_store *st, int64_t run_id, const char *why, ss_diag *d);
/* Delete a run and every row that belongs to it, in one transaction (used when a rule error
 * stops a run: nothing partial is kept).  An unknown run_id is not an error. */
int ss_store_discard_run(ss_store *st, int64_t run_id, ss_diag *d);

#endif
