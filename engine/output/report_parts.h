/* report_parts: what the report's files share (not part of the engine's interface).
 *
 *   report.c          building: load the chosen runs, compare, diff, register, draw
 *   report_scenario.c the stored scenario texts read in the sandbox: diff and register
 *   report_charts.c   the data behind each chart and its gnuplot script (plot.c draws)
 *   report_captions.c what to see in each chart, written from the data
 *   report_calibration.c the outputs the scenario was tuned to meet, reached in each run
 *   report_words.c    the words in English and Norwegian, and sentences both writers use
 *   report_changes.c  what each model changes, in words; the rule files only one model uses
 *   report_html.c     the self-contained HTML file
 *   report_md.c       the Markdown file
 * The runs themselves are read through the store (engine/store/read.h). */
#ifndef SS_REPORT_PARTS_H
#define SS_REPORT_PARTS_H

#include <stdbool.h>
#include <stddef.h>

#include "audit.h"
#include "plot.h"
#include "report.h"
#include "sbuf.h"
#include "robustness.h"
#include "verdict.h"

typedef enum {
#define WORD(id, en, nb) id,
#include "report_words.h"
#undef WORD
    S_NSTRINGS
} string_id;

extern const char *const report_strings[S_NSTRINGS][2];
#define T(r, id) (report_strings[id][(r)->opts.lang == SS_LANG_NB])

typedef enum { FIG_WAITS, FIG_QUEUES, FIG_CASELOAD, FIG_FLOWS, FIG_COMPLIANCE, NFIGURES } figure_id;
extern const char *const report_figure_anchor[NFIGURES];
extern const string_id report_figure_title[NFIGURES];

typedef struct chart {
    figure_id figure;
    char title[1024];   /* the caption: what to see in this chart, from the data */
    char legend[1024];  /* the services an axis names by id, with their names ("" none) */
    char *svg;      /* NULL when it could not be drawn */
    char why[512];
} chart;

typedef struct model {
    ss_stored_run run;
    ss_study study;    /* the view of run that ss_compare reads */
    char letter[4];
    char label[512];   /* the model as given to compare, else the scenario file */
    ss_model_about about;  /* its name, description and effect assumptions (about.h) */
    double *trend;         /* [run.nservices] cases a month a queue still grows or shrinks, 0 when steady */
    bool about_read;       /* false: the stored text could not be read; the verdict claims nothing of it */
} model;

typedef struct option_view {
    ss_comparison cmp;              /* option - base */
    ss_verdict verdict;             /* its key measures judged (verdict.h) */
    ss_scenario_change *changes;
    int nchanges;
    ss_register_entry *reg;          /* this option's register (to show what differs from the base) */
    int nreg;
    ss_robust_result robust;         /* a robust comparison stored with the comparison (nparams 0: none) */
} option_view;

typedef struct flow_row {
    int from, to;      /* service index, or nservices for outside */
    double *mean;      /* [nmodels] persons per replication */
} flow_row;

typedef struct report_audit report_audit;  /* report_audit.c */
typedef struct report_targets report_targets;  /* report_calibration.c */

struct ss_report {
    ss_report_opts opts;
    char db_path[1024];
    ss_run_choice choice;
    int nmodels;
    model *models;
    option_view *options;            /* [nmodels - 1] */
    ss_comparison self;              /* the base against itself: its estimates when alone */
    int nsvc;                        /* services of any model: the base's, then new ones (charts, flows) */
    const char **svc_id, **svc_name; /* borrowed from the runs */
    ss_register_entry *reg;
    int nreg;
    ss_named_part *names;            /* the doors and organisation's parts of every model, by name */
    int nnames;
    int nflows;
    flow_row *flows;
    chart *charts;
    int ncharts, cap_charts;
    char no_charts[512];             /* why there are no charts at all ("" when there are) */
    char waits_quick[1024];          /* services where every first contact came within two weeks */
    bool no_queue;                   /* no service has a queue of half a case or more */
    char queues_none[2048];          /* the services without one, whose queues are not drawn */
    char *trend_warnings;            /* one line per queue still trending, per model ("" none) */
    char command_line[4096];
    report_audit *audit;             /* [nmodels]: each run against its scenario's audit criteria */
    report_targets *targets;         /* the base's calibration targets, reached in each model */
};

/* ---- report_audit.c ---- */
int report_audit_build(ss_report *r, ss_diag *d);
void report_audit_free(ss_report *r);
bool report_has_audit(const ss_report *r);
void report_audit_html(const ss_report *r, ss_buf *b);
void report_audit_md(const ss_report *r, ss_buf *b);
/* The summary's audit view: the checkable criteria by indicator, each model's value and verdict,
 * and what the audit found; nothing when the scenario lists no criteria. */
void report_audit_summary_html(const ss_report *r, ss_buf *b);
void report_audit_summary_md(const ss_report *r, ss_buf *b);

/* ---- report_calibration.c ---- */
int report_calibration_build(ss_report *r, ss_diag *d);
void report_calibration_free(ss_report *r);
bool report_has_targets(const ss_report *r);
/* Whether a result row is an output the base scenario was tuned to meet (an input, not a finding). */
bool report_is_target_row(const ss_report *r, const ss_compare_row *row);
/* A result's label, with "(calibration target)" when it is one. */
void report_result_label(const ss_report *r, const ss_compare_row *row, char *buf, size_t n);
void report_calibration_html(const ss_report *r, ss_buf *b);
void report_calibration_md(const ss_report *r, ss_buf *b);

/* ---- report_md.c ---- */
/* A Markdown table row, each cell escaped; the rule under a header row, columns from first_figure
 * up to (not including) end_figure right-aligned as figures. */
void report_md_row(ss_buf *b, const char *const *cells, int n);
void report_md_rule(ss_buf *b, int n, int first_figure, int end_figure);

/* ---- report_charts.c ---- */
const model *report_base_model(const ss_report *r);
const char *report_service_name(const ss_stored_run *run, int s);
void report_model_title(const ss_report *r, int i, char *out, size_t n);
int report_service_in(const ss_stored_run *run, const char *id);
void report_chart_waits(ss_report *r, plotter *p);
void report_chart_queues(ss_report *r, plotter *p);
int report_bars_chart(ss_report *r, plotter *p, figure_id fig, int metric, double scale, const char *ylabel);
const char *report_flow_end(const ss_report *r, int s, bool from, bool long_name);
void report_collect_flows(ss_report *r);
void report_chart_flows(ss_report *r, plotter *p);
bool report_engine_has_coordination_metrics(void);
bool report_runs_have_coordination_figures(const ss_report *r);
bool report_is_compliance_row(const ss_compare_row *row);
void report_chart_compliance(ss_report *r, plotter *p);

/* Model m's estimate of a service metric at service s of the union (NaN when m lacks it), and
 * of a system metric. */
ss_estimate report_service_estimate(const ss_report *r, int m, int s, int metric);
ss_estimate report_system_estimate(const ss_report *r, int m, int metric);

/* ---- report_captions.c: what to see in each chart, written from the data ---- */
void report_wait_caption(const ss_report *r, int s, char *buf, size_t n);
void report_queue_caption(const ss_report *r, int s, char *buf, size_t n);
void report_bars_caption(const ss_report *r, int metric, char *buf, size_t n);
void report_flows_caption(const ss_report *r, char *buf, size_t n);
void report_duties_caption(const ss_report *r, char *buf, size_t n);

/* ---- report_audit.c, for the captions and the lines drawn on the duties chart ---- */
/* The base's criterion read at a metric (at service id, or "" for the system), or -1. */
int report_audit_find(const ss_report *r, const char *metric, const char *service);
/* Its threshold (at_least, else at_most) and its words ("at least 80 %"); model k's verdict on it. */
double report_audit_threshold(const ss_report *r, int i, char *buf, size_t n);
ss_audit_verdict report_audit_verdict(const ss_report *r, int k, int i);

/* ---- report_words.c ---- */
void report_localise(const ss_report *r, char *s, size_t n);
/* A value as Lua writes it ("0.8", "{ 0.7, 1 }"), its figures written the report's way ("0,8",
 * "{ 0,7; 1 }" in Norwegian: ss_lang_figures); English as is. */
void report_lua_value(const ss_report *r, const char *lua, char *out, size_t n);
void report_fte_text(const ss_report *r, char *buf, size_t n, double fte, bool signed_);
/* The base's and the option's staff as report_fte_text writes them, and the difference (signed);
 * true when they are equal. */
bool report_fte_pair(const ss_report *r, double base, double option, char a[32], char b[32], char diff[32]);
void report_versus(const ss_report *r, int opt, int id, char *buf, size_t n);
/* ---- report_changes.c ---- */
/* Whether option opt runs the base's rule files; if not, which files and functions only one uses. */
void report_rules_sentence(const ss_report *r, int opt, char *buf, size_t n);
/* A register's value for people: numbers and texts as report_change_words gives them, a table
 * other than a list of numbers as its Lua. */
void report_register_value(const ss_report *r, const char *lua, char *out, size_t n);
/* A changed value before and after (Lua text, "" when absent) as people read them, each in n bytes;
 * a table that reads the same either way is said to have changed inside.  ids[k]: that side is the
 * id of a part the scenario gives no name (a leader), for a writer to show as code. */
void report_change_words(const ss_report *r, const char *path, const char *old_lua, const char *new_lua, char *before, char *after,
                         size_t n, bool ids[2]);
void report_staffing_sentence(const ss_report *r, int opt, char *buf, size_t n);
void report_cost_sentence(const ss_report *r, int opt, char *buf, size_t n);
/* A key path in words ("Forebyggende psykisk helsetjeneste: staff (FTE)"): true, or false when
 * its last keys have none (out then ends with them as they are). */
bool report_plain_words(const ss_report *r, int opt, const char *path, char *out, size_t n);
/* The name a scenario gives its door, unit, building, leader or sector id (kind "doors", "units",
 * ...), from any model; NULL when none does. */
const char *report_part_name(const ss_report *r, const char *kind, const char *id);
/* A value of the scenario's own vocabulary ("case_slots") in words, else NULL. */
const char *report_value_word(const ss_report *r, const char *value);
const char *report_kind_word(const ss_report *r, const char *kind);
bool report_register_differs(const ss_report *r, const ss_register_entry *e);
int report_count_missing(const ss_register_entry *e, int n);
const char *report_row_subject(const ss_report *r, const ss_compare_row *row);
const ss_comparison *report_results_of(const ss_report *r, int opt);

/* ---- report_summary.c ---- */
/* The first page: the question, the models by name, the verdict per option, where the figures
 * come from, and the robustness (or that it has not been assessed). */
void report_html_summary(const ss_report *r, ss_buf *b);
void report_md_summary(const ss_report *r, ss_buf *b);
/* The models' name for people: a described overlay's, else the scenario's. */
const char *report_model_name(const ss_report *r, int i);

/* ---- report_html.c ---- */
void report_question_text(const ss_report *r, char *buf, size_t n);
/* Text a scenario's author wrote (a description, a reason, a source's words), as written: in a
 * Norwegian report marked lang="en", so neither readers nor screen readers take it for the
 * report's own words. */
void report_html_authored(const ss_report *r, ss_buf *b, const char *text);
/* A reason (model/reason.h): in a Norwegian report its Norwegian text where it has one, as the
 * report's own words; else the English as report_html_authored writes it.  report_reason: the
 * text to show, for Markdown and plain text. */
void report_html_reason(const ss_report *r, ss_buf *b, const char *en, const char *nb);
const char *report_reason(const ss_report *r, const char *en, const char *nb);
/* A register entry's reason (a calibrated value's names its target), in HTML and as text. */
void report_html_register_reason(const ss_report *r, ss_buf *b, const ss_register_entry *e);
void report_register_reason(const ss_report *r, const ss_register_entry *e, char *buf, size_t n);
void report_pairing_sentence(const ss_report *r, int opt, char *buf, size_t n);

#endif
