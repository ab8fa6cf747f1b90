/* report: a reviewer's report built from a results database alone — no scenario is loaded and
 * nothing is run again, so anyone with the .db file can rebuild it.
 *
 * The runs are read through the store (read.h: which runs to show, the latest comparison or
 * --runs, and each run in the shapes the engine uses); the report says what each option
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
#include "read.h"
#include "results.h"
#include "study.h"

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

/* One value of the assumptions register. kind: "source", "assumption" or "missing"; text_nb the
 * reason's Norwegian text where it has one (model/reason.h), else ""; a calibrated value's text
 * is "to target T: why", its text_nb the Norwegian why alone, and target T ("" for the rest). */
typedef struct ss_register_entry {
    char *path, *value, *kind, *text, *text_nb, *target;
} ss_register_entry;

/* Diff two resolved scenario texts (as stored in runs.resolved_scenario), read in the sandbox
 * with cite/assume kept.  *changes is an array of *n, sorted by path. */
int ss_scenario_diff(const char *base_text, const char *option_text, ss_scenario_change **changes, int *n,
                     ss_diag *d);
void ss_scenario_changes_free(ss_scenario_change *c, int n);
/* Every cited or assumed value, and every number with neither.  (This reader and the two below
 * are written once, by ONE_SCENARIO_LIST in report_scenario.c.) */
int ss_scenario_register(const char *text, ss_register_entry **entries, int *n, ss_diag *d);
void ss_register_free(ss_register_entry *e, int n);

/* One criterion of a stored scenario's audit section, as text ("" when absent); in the order
 * the scenario gives them (order, then id). */
typedef struct ss_audit_text {
    char *id, *text, *source, *law, *metric, *service, *at_least, *at_most, *not_simulated, *finding, *finding_source;
    char *text_nb, *not_simulated_nb, *finding_source_nb, *law_nb;  /* their Norwegian texts (model/reason.h), or "" */
} ss_audit_text;
int ss_scenario_audit(const char *text, ss_audit_text **criteria, int *n, ss_diag *d);
void ss_audit_texts_free(ss_audit_text *c, int n);

/* A named part of a stored scenario: its doors and its organisation's units, buildings, leaders
 * and sectors (kind "doors", "units", ...), with the name people know it by, so the report can
 * say "Familiens hus" where the scenario says fh. */
typedef struct ss_named_part {
    char *kind, *id, *name;
} ss_named_part;
int ss_scenario_names(const char *text, ss_named_part **parts, int *n, ss_diag *d);
void ss_named_parts_free(ss_named_part *p, int n);

#endif
