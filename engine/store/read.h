/* read: runs read back from a results database, read-only — the SQL of the report and of
 * `samsim compare`'s stored models lives here, beside the store that wrote it.
 *
 * A stored run comes back in the shapes the engine uses (ss_rep_result per replication), so the
 * study layer can compare stored runs like fresh ones (ss_compare_view_stored). */
#ifndef SS_READ_H
#define SS_READ_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "results.h"

/* ---- stored runs --------------------------------------------------------------------------- */

typedef struct ss_results_db ss_results_db;

/* Open a results database read-only.  Errors name the file and what was expected:
 *   "x.db: no such file (expected a results database from 'samsim run --db' or 'samsim compare --db')"
 *   "x.db: not a samsim results database (it has no runs table)" */
ss_results_db *ss_results_db_open(const char *path, ss_diag *d);
void ss_results_db_close(ss_results_db *db);
const char *ss_results_db_path(const ss_results_db *db);

/* What to read besides the run, its services and the per-replication metrics. */
enum { SS_LOAD_SERIES = 1, SS_LOAD_FLOWS = 2, SS_LOAD_WAITS = 4, SS_LOAD_ALL = 7 };

typedef struct ss_stored_run {
    int64_t run_id;
    char *scenario_name, *scenario_path, *scenario_hash, *rules_hash, *engine_version;
    char *start_date, *command_line, *started_at, *finished_at, *status, *resolved;
    uint64_t seed;
    int replications;             /* as asked for; nreps is what the store holds */
    double horizon_days, warmup_days;
    int nservices;
    char **ids, **names;
    double *fte;
    int nreps;
    ss_rep_result *reps;          /* [nreps], in replication order */
    double nok_per_fte;           /* costs.nok_per_fte of the stored resolved scenario, or 0 */
    char surges[256];             /* its demand surges in force in part of the measured window, "a, b" */
} ss_stored_run;

/* Read run run_id.  Errors: "x.db: no run 7 (runs here: 1-3)", "x.db: run 2 is not complete
 * (status failed: interrupted)".  0, or -1 with d filled. */
int ss_stored_run_load(ss_results_db *db, int64_t run_id, unsigned what, ss_stored_run *r, ss_diag *d);
void ss_stored_run_free(ss_stored_run *r);
double ss_stored_run_fte(const ss_stored_run *r);

/* The complete runs of the same model (its scenario and rules hashes), by the same engine version,
 * with the same seed and replications (any number of replications when any_replications: a run
 * whose number a precision chose), newest first: a command that would run it again can read one
 * instead.  The number found (at most max) with their ids in run_ids, or -1 with d. */
int ss_results_find_runs(ss_results_db *db, const ss_run_info *model, bool any_replications, int64_t *run_ids,
                         int max, ss_diag *d);

/* ---- choosing the runs ---------------------------------------------------------------------- */

#define SS_REPORT_MAX_RUNS 26   /* models are lettered A, B, C ... */

typedef struct ss_run_choice {
    int n;
    int64_t run_ids[SS_REPORT_MAX_RUNS];   /* the first is the base */
    char models[SS_REPORT_MAX_RUNS][512];  /* the model as written on the compare command line, or "" */
    char command_line[4096];               /* of the comparison, or "" */
    int64_t comparison_id;                 /* 0 when the runs were not chosen by a comparison */
} ss_run_choice;

/* runs (may be NULL): "1,2,3" from --runs.  Without it: the latest comparison in the database,
 * else every complete run in order.  0, or -1 with d filled. */
int ss_results_choose_runs(ss_results_db *db, const char *runs, ss_run_choice *c, ss_diag *d);

#endif
