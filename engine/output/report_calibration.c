/* report_calibration: the report's list of the outputs a scenario was tuned to meet.
 *
 * A scenario that sets a parameter so that a reported figure comes out (Lørenskog 2015 puts in
 * 2,600 applicants a year so that MU makes its ~3,000 vedtak) lists that figure in
 * calibration.targets and writes the parameter calibrated(value, "target", "why").  Such an output
 * is an input, not a finding: the report says which outputs they are, the figure from the source,
 * what each model reached and the parameters tuned to it, and marks them where the key results
 * show them.  From the database alone: the targets come from the base's stored resolved text,
 * read by the reader `samsim calibrate` uses (model/calibration.h), the figures from each model's
 * stored replications (study/target.h). */
#include "report_parts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "calibration.h"
#include "target.h"
#include "xalloc.h"

struct report_targets {
    int n;
    ss_target *list;         /* the base's targets, read from its stored scenario */
    ss_estimate *reached;    /* [n * nmodels]: target i in model k at i * nmodels + k; n 0 when not reached */
};

/* The run's indices of a list of service ids ("a, b"); -1 when one is missing there. */
static int service_indices(const ss_stored_run *run, const char *list, int *out, int cap)
{
    int n = 0;
    char copy[1024], *save = NULL;
    snprintf(copy, sizeof copy, "%s", list);
    for (char *id = strtok_r(copy, ", ", &save); id && n < cap; id = strtok_r(NULL, ", ", &save)) {
        out[n] = report_service_in(run, id);
        if (out[n++] < 0) return -1;
    }
    return n;
}

/* Whether the run measured exactly the target's period (from its first to its last day): a
 * figure before a surge or at one date is not the run's year (README, calibration). */
static bool measures_period(const ss_stored_run *run, const ss_target *t)
{
    ss_date start, from, to;
    if (!run->start_date || ss_date_parse(run->start_date, &start) < 0 || ss_date_parse(t->from, &from) < 0 ||
        ss_date_parse(t->to, &to) < 0)
        return false;
    double first = (double)(ss_date_to_epoch(from) - ss_date_to_epoch(start));
    double last = (double)(ss_date_to_epoch(to) - ss_date_to_epoch(start)) + 1;
    return fabs(first - run->warmup_days) < 0.5 && fabs(last - run->horizon_days) < 0.5;
}

static ss_estimate reached_in(const ss_target *t, const model *m)
{
    ss_estimate e = {.mean = NAN, .ci_low = NAN, .ci_high = NAN};
    if (!measures_period(&m->run, t)) {
        e.n = -1;  /* another period: said so, not a figure over the wrong one */
        return e;
    }
    int idx[64];
    int n = service_indices(&m->run, t->service_ids, idx, 64);
    if (n < 0) return e;  /* the model has no such service: no figure rather than a part of one */
    ss_target_spec spec = {.metric = t->metric, .services = idx, .nservices = n, .per_year = t->per_year};
    if (ss_target_reached(&spec, m->run.reps, m->run.nreps, m->run.horizon_days - m->run.warmup_days, 0.95, &e) < 0)
        e.n = 0;
    return e;
}

int report_calibration_build(ss_report *r, ss_diag *d)
{
    report_targets *t = r->targets = xcalloc(1, sizeof *t);
    if (ss_calibration_targets_of_text(report_base_model(r)->run.resolved, "stored scenario", &t->list, &t->n, d) < 0)
        return ss_wrap(d, "run %lld: the calibration targets: cannot read the calibration targets of the stored scenario",
                       (long long)report_base_model(r)->run.run_id);
    t->reached = xcalloc(t->n * r->nmodels + 1, sizeof *t->reached);
    for (int i = 0; i < t->n; i++)
        for (int k = 0; k < r->nmodels; k++)
            t->reached[i * r->nmodels + k] = reached_in(&t->list[i], &r->models[k]);
    return 0;
}

void report_calibration_free(ss_report *r)
{
    if (!r->targets) return;
    free(r->targets->list);
    free(r->targets->reached);
    free(r->targets);
}

bool report_has_targets(const ss_report *r) { return r->targets && r->targets->n > 0; }

/* Whether id is one of the list's ("a, b"). */
static bool listed(const char *list, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = list; (p = strstr(p, id)); p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0')) return true;
    return false;
}

bool report_is_target_row(const ss_report *r, const ss_compare_row *row)
{
    for (int i = 0; r->targets && i < r->targets->n; i++) {
        const ss_target *t = &r->targets->list[i];
        bool system = t->nservices == 0;
        if (strcmp(t->metric, row->metric) == 0 &&
            (system ? strcmp(row->scope, "system") == 0 : strcmp(row->scope, "service") == 0 && listed(t->service_ids, row->subject)))
            return true;
    }
    return false;
}

void report_result_label(const ss_report *r, const ss_compare_row *row, char *buf, size_t n)
{
    const char *label = ss_metric_label(row->scope, row->metric, r->opts.lang);
    if (report_is_target_row(r, row)) snprintf(buf, n, "%s (%s)", label, T(r, S_CAL_MARK));
    else snprintf(buf, n, "%s", label);
}

/* "completed · mu + mu_godkjenning, a year" */
static void output_text(const ss_report *r, const ss_target *t, char *buf, size_t n)
{
    size_t used = (size_t)snprintf(buf, n, "%s%s", t->metric, t->nservices ? " · " : "");
    for (const char *p = t->service_ids; *p && used + 4 < n; p++) {
        if (*p == ',') used += (size_t)snprintf(buf + used, n - used, " +");
        else buf[used++] = *p, buf[used] = '\0';
    }
    if (t->per_year && used < n) snprintf(buf + used, n - used, ", %s", T(r, S_CAL_PER_YEAR));
}

/* "3000 ± 10 %, 2015-01-01 to 2015-12-31 (seed-001 L6152-6154: ...)" */
static void goal_text(const ss_report *r, const ss_target *t, char *buf, size_t n)
{
    char goal[128], value[48];
    if (r->opts.lang == SS_LANG_NB && t->value == floor(t->value) && fabs(t->value) >= 1000)
        ss_lang_amount(r->opts.lang, value, sizeof value, t->value, false);  /* "3 000", as the target's text writes it */
    else
        snprintf(value, sizeof value, "%.17g", t->value);
    snprintf(goal, sizeof goal, "%s ± %g %%", value, 100 * t->tolerance);
    report_localise(r, goal, sizeof goal);  /* the figures only: the citation stays as the source has it */
    snprintf(buf, n, T(r, S_CAL_GOAL), goal, t->from, t->to);
    size_t used = strlen(buf);
    if (*t->source && used < n) snprintf(buf + used, n - used, " (%s)", report_reason(r, t->source, t->source_nb));
}

/* "2890 [2850, 2930], within" */
static void reached_text(const ss_report *r, const ss_target *t, const ss_estimate *e, char *buf, size_t n)
{
    if (e->n < 0) {
        snprintf(buf, n, "%s", T(r, S_CAL_NOT_MEASURED));
        return;
    }
    if (e->n == 0 || !isfinite(e->mean)) {
        snprintf(buf, n, "-");
        return;
    }
    const ss_metric_info *mi = ss_metric_find(t->nservices ? "service" : "system", t->metric);
    char v[160];
    ss_compare_format_estimate(v, sizeof v, e, mi ? mi->unit : "", false);
    report_localise(r, v, sizeof v);
    bool within = fabs(e->mean - t->value) <= t->tolerance * fabs(t->value);
    snprintf(buf, n, "%s, %s", v, T(r, within ? S_CAL_WITHIN : S_CAL_OUTSIDE));
}

enum { CELL = 1200, MAX_CELLS = 5 + SS_REPORT_MAX_RUNS };
typedef char cell_text[CELL];

/* The cells of target i: what, the output, the goal, each model's figure, the tuned parameters.
 * Returns how many. */
static int row_cells(const ss_report *r, int i, cell_text *cells)
{
    const ss_target *t = &r->targets->list[i];
    int c = 0;
    snprintf(cells[c++], CELL, "%s", report_reason(r, t->what, t->what_nb));
    output_text(r, t, cells[c++], CELL);
    goal_text(r, t, cells[c++], CELL);
    for (int k = 0; k < r->nmodels; k++)
        reached_text(r, t, &r->targets->reached[i * r->nmodels + k], cells[c++], CELL);
    snprintf(cells[c++], CELL, "%s", *t->tuned ? t->tuned : "-");
    return c;
}

/* The header cells: what, output, source, a column per model, the tuned parameters. */
static int head_cells(const ss_report *r, const char **head)
{
    int c = 0;
    head[c++] = T(r, S_CAL_TARGET);
    head[c++] = T(r, S_CAL_OUTPUT);
    head[c++] = T(r, S_CAL_SOURCE);
    for (int k = 0; k < r->nmodels; k++)
        head[c++] = r->models[k].letter;
    head[c++] = T(r, S_CAL_TUNED);
    return c;
}

/* One table row in HTML: the figures right-aligned, the output and the tuned parameters as code;
 * what the target is stays in its author's words, marked as English (report_html_authored),
 * unless the row gives it in the report's language (html_row_own: a Norwegian text beside it). */
static void html_row_marked(ss_buf *b, const char *const *cells, int n, bool english)
{
    ss_buf_str(b, "<tr>");
    for (int c = 0; c < n; c++) {
        /* a model's column holds a figure, or a sentence saying the run did not measure it: only a
         * figure is kept on one line (a sentence on one line widens the table past the page) */
        bool figure = c >= 3 && c < n - 1 && strchr("0123456789-+", cells[c][0]), code = c == 1 || c == n - 1;
        ss_buf_str(b, figure ? "<td class=\"n\">" : code ? "<td><code>" : c == 0 && english ? "<td lang=\"en\">" : "<td>");
        ss_buf_html(b, cells[c]);
        ss_buf_str(b, code ? "</code></td>" : "</td>");
    }
    ss_buf_str(b, "</tr>\n");
}

static void html_row(ss_buf *b, const char *const *cells, int n) { html_row_marked(b, cells, n, true); }
static void html_row_own(ss_buf *b, const char *const *cells, int n) { html_row_marked(b, cells, n, false); }

/* Each target's row, written by the format's row writer (own: for a row whose target is said in
 * the report's language, its Norwegian text). */
typedef void (*row_writer)(ss_buf *, const char *const *, int);
static void target_rows(const ss_report *r, ss_buf *b, row_writer write_row, row_writer own)
{
    cell_text *cells = xcalloc(MAX_CELLS, sizeof *cells);
    const char *row[MAX_CELLS];
    for (int c = 0; c < MAX_CELLS; c++) row[c] = cells[c];
    for (int i = 0; i < r->targets->n; i++) {
        const ss_target *t = &r->targets->list[i];
        bool translated = r->opts.lang == SS_LANG_NB && *t->what_nb;
        (translated ? own : write_row)(b, row, row_cells(r, i, cells));
    }
    free(cells);
}

void report_calibration_html(const ss_report *r, ss_buf *b)
{
    if (!report_has_targets(r)) return;
    ss_buf_fmt(b, "<h2 id=\"calibration\">%s</h2>\n<p class=\"note\">", T(r, S_CAL_TITLE));
    ss_buf_html(b, T(r, S_CAL_NOTE));
    ss_buf_str(b, "</p>\n<table><tr>");
    const char *head[MAX_CELLS];
    for (int c = 0, n = head_cells(r, head); c < n; c++) ss_buf_fmt(b, "<th>%s</th>", head[c]);
    ss_buf_str(b, "</tr>\n");
    target_rows(r, b, html_row, html_row_own);
    ss_buf_str(b, "</table>\n");
}

void report_calibration_md(const ss_report *r, ss_buf *b)
{
    if (!report_has_targets(r)) return;
    ss_buf_fmt(b, "\n## %s\n\n%s\n\n", T(r, S_CAL_TITLE), T(r, S_CAL_NOTE));
    const char *head[MAX_CELLS];
    int n = head_cells(r, head);
    report_md_row(b, head, n);
    report_md_rule(b, n, 3, n - 1);
    target_rows(r, b, report_md_row, report_md_row);
}
