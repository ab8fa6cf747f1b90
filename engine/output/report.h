/* report: a reviewer's report built from a results database alone — no scenario is loaded and
 * nothing is run again, so anyone with the .db file can rebuild it.
 *
 * Two parts:
 *  - stored runs: read one run back from the SQLite store (read-only, own SQL) into the shapes
 *    the engine uses (ss_rep_result per replication, an ss_study view for ss_compare);
 *  - the report: which runs to show (the latest comparison, or --runs), what each option
 *    changes (a diff of the resolved scenarios, read in the Lua sandbox), the key results with
 *    paired differences, charts drawn by gnuplot as inline SVG, the assumptions register and
 *    what is needed to reproduce the figures; as one self-contained HTML file and as Markdown. */
#ifndef SS_REPORT_H
#define SS_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "compare.h"
#include "diag.h"
#include "results.h"
#include "study.h"

/* ---- stored runs ---------------------------------------------------------------------------- */

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
    ss_study study;               /* a view for ss_compare: info and reps point into this run */
} ss_stored_run;

/* Read run run_id.  Errors: "x.db: no run 7 (runs here: 1-3)", "x.db: run 2 is not complete
 * (status failed: interrupted)".  0, or -1 with d filled. */
int ss_stored_run_load(ss_results_db *db, int64_t run_id, unsigned what, ss_stored_run *r, ss_diag *d);
void ss_stored_run_free(ss_stored_run *r);
double ss_stored_run_fte(const ss_stored_run *r);

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
int ss_report_choose_runs(ss_results_db *db, const char *runs, ss_run_choice *c, ss_diag *d);

/* ---- the report ----------------------------------------------------------------------------- */

typedef struct ss_report_opts {
    ss_lang lang;
    const char *command_line;   /* the `samsim report ...` that built it */
    const char *gnuplot;        /* program to run; NULL = "gnuplot" found on PATH */
} ss_report_opts;

typedef struct ss_report ss_report;

/* Load the chosen runs, compare each option with the base, diff the scenarios, read the
 * assumptions and draw the charts.  NULL with d filled (runs that cannot be paired, a broken
 * resolved scenario, out of memory).  A missing gnuplot is not an error: see ss_report_charts. */
ss_report *ss_report_build(ss_results_db *db, const ss_run_choice *c, const ss_report_opts *o, ss_diag *d);
void ss_report_free(ss_report *r);

/* Charts drawn, and why some or all are missing ("" when all went well). */
int ss_report_charts(const ss_report *r, const char **why_not);

/* Write the report.  0, or -1 on a write error. */
int ss_report_write_html(const ss_report *r, FILE *f);
int ss_report_write_markdown(const ss_report *r, FILE *f);

/* ---- pieces, exposed for tests ---------------------------------------------------------------- */

/* One changed parameter between two resolved scenarios ("" old: added; "" new: removed). */
typedef struct ss_scenario_change {
    char *path, *old_value, *new_value;
} ss_scenario_change;

/* One value of the assumptions register. kind: "source", "assumption" or "missing". */
typedef struct ss_register_entry {
    char *path, *value, *kind, *text;
} ss_register_entry;

/* Diff two resolved scenario texts (as stored in runs.resolved_scenario), read in the sandbox
 * with cite/assume kept.  *changes is an array of *n, sorted by path. */
int ss_scenario_diff(const char *base_text, const char *option_text, ss_scenario_change **changes, int *n,
                     ss_diag *d);
void ss_scenario_changes_free(ss_scenario_change *c, int n);
/* Every cited or assumed value, and every number with neither. */
int ss_scenario_register(const char *text, ss_register_entry **entries, int *n, ss_diag *d);
void ss_register_free(ss_register_entry *e, int n);

#endif
