/* report_audit: the report's section on the auditors' criteria — each model's stored run read
 * against the criteria its stored scenario lists (audit = { ... }), as `samsim audit` reads a
 * fresh run: criterion, indicator and threshold, each model's value with its interval, met /
 * not met / unclear, and what the audit itself found.  From the database alone: the criteria
 * come from the stored resolved text (report_scenario.c), the values from the stored
 * replications. */
#include "report_parts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct report_audit {
    int ncriteria;
    ss_audit_text *texts;     /* as stored */
    ss_criterion *criteria;   /* pointing into texts */
    ss_audit_row *rows;
};

static double number_or_nan(const char *s) { return s && *s ? strtod(s, NULL) : NAN; }

static ss_finding finding_of(const char *s)
{
    return strcmp(s, "met") == 0 ? SS_FINDING_MET : strcmp(s, "partly met") == 0 ? SS_FINDING_PARTLY
           : strcmp(s, "not met") == 0 ? SS_FINDING_NOT_MET : SS_FINDING_NONE;
}

/* One model's criteria, judged on its own replications. */
static int build_one(report_audit *a, const model *m, ss_diag *d)
{
    if (ss_scenario_audit(m->run.resolved, &a->texts, &a->ncriteria, d) < 0) return -1;
    a->criteria = xcalloc(a->ncriteria ? a->ncriteria : 1, sizeof *a->criteria);
    a->rows = xcalloc(a->ncriteria ? a->ncriteria : 1, sizeof *a->rows);
    for (int i = 0; i < a->ncriteria; i++) {
        const ss_audit_text *t = &a->texts[i];
        ss_criterion *c = &a->criteria[i];
        *c = (ss_criterion){.id = t->id, .text = t->text, .source = t->source, .law = t->law,
                            .metric = *t->metric ? t->metric : NULL,
                            .service = *t->service ? report_service_in(&m->run, t->service) : -1,
                            .at_least = number_or_nan(t->at_least), .at_most = number_or_nan(t->at_most),
                            .not_simulated = *t->not_simulated ? t->not_simulated : NULL,
                            .finding = finding_of(t->finding),
                            .finding_source = *t->finding_source ? t->finding_source : NULL,
                            .text_nb = t->text_nb, .not_simulated_nb = t->not_simulated_nb,
                            .finding_source_nb = t->finding_source_nb, .law_nb = t->law_nb};
        if (c->metric && *t->service && c->service < 0) c->metric = NULL;  /* the run has no such service */
        if (c->metric && !ss_metric_find(c->service >= 0 ? "service" : "system", c->metric)) c->metric = NULL;
    }
    ss_summary s;
    if (ss_summary_build(&s, m->run.reps, m->run.nreps, m->run.nservices, 0.95) < 0) return ss_fail(d, "out of memory");
    ss_audit_evaluate(a->criteria, a->ncriteria, &s, a->rows);
    ss_summary_free(&s);
    return 0;
}

int report_audit_build(ss_report *r, ss_diag *d)
{
    r->audit = xcalloc(r->nmodels, sizeof *r->audit);
    for (int i = 0; i < r->nmodels; i++)
        if (build_one(&r->audit[i], &r->models[i], d) < 0)
            return ss_wrap(d, "run %lld: the audit criteria", (long long)r->models[i].run.run_id);
    return 0;
}

void report_audit_free(ss_report *r)
{
    for (int i = 0; r->audit && i < r->nmodels; i++) {
        ss_audit_texts_free(r->audit[i].texts, r->audit[i].ncriteria);
        free(r->audit[i].criteria);
        free(r->audit[i].rows);
    }
    free(r->audit);
}

bool report_has_audit(const ss_report *r) { return r->audit && r->audit[0].ncriteria > 0; }

static const ss_audit_row *row_for(const report_audit *a, const char *id)
{
    for (int i = 0; i < a->ncriteria; i++)
        if (strcmp(a->criteria[i].id, id) == 0) return &a->rows[i];
    return NULL;
}

/* "at least 80 %" */
static void threshold_text(const ss_report *r, const ss_criterion *c, const ss_audit_row *row, char *buf, size_t n)
{
    bool least = !isnan(c->at_least), share = row->info && strcmp(row->info->unit, "share") == 0;
    double t = least ? c->at_least : c->at_most;
    const char *unit = share || !row->info ? "" : strcmp(row->info->unit, "days") == 0 ? T(r, S_AUDIT_DAYS) : row->info->unit;
    snprintf(buf, n, "%s %.6g%s%s", T(r, least ? S_AUDIT_AT_LEAST : S_AUDIT_AT_MOST), share ? 100 * t : t,
             share ? " %" : " ", unit);
    report_localise(r, buf, n);
}

/* The indicator in words: "Decisions within the time limit at PP-tjenesten, at least 80 %" (the
 * metric's label, the service's name, the threshold); the key stays beside it for programs. */
static void indicator_text(const ss_report *r, const ss_criterion *c, const ss_audit_row *row, char *buf, size_t n)
{
    char th[96];
    threshold_text(r, c, row, th, sizeof th);
    const ss_stored_run *base = &report_base_model(r)->run;
    const char *label = ss_metric_label(c->service >= 0 ? "service" : "system", c->metric, r->opts.lang);
    if (c->service >= 0)
        snprintf(buf, n, "%s %s %s, %s", label, T(r, S_AT_SERVICE), report_service_name(base, c->service), th);
    else
        snprintf(buf, n, "%s, %s", label, th);
}

static const char *verdict_word(const ss_report *r, const ss_audit_row *row)
{
    static const string_id words[] = {S_AUDIT_MET, S_AUDIT_NOT_MET, S_AUDIT_UNCLEAR, S_AUDIT_NO_VALUE, S_AUDIT_NOT_SIMULATED};
    return row ? T(r, words[row->verdict]) : "-";
}

static const char *finding_word(const ss_report *r, ss_finding f)
{
    static const string_id words[] = {S_AUDIT_MET, S_AUDIT_PARTLY, S_AUDIT_NOT_MET};
    return f == SS_FINDING_NONE ? "-" : T(r, words[f]);
}

/* The value cell of model k for criterion c: "84.8% [82.9%, 86.7%] met". */
static void value_text(const ss_report *r, int k, const ss_criterion *c, char *buf, size_t n)
{
    const ss_audit_row *row = row_for(&r->audit[k], c->id);
    char v[128] = "-";
    if (row && row->info) ss_compare_format_estimate(v, sizeof v, &row->value, row->info->unit, false);
    snprintf(buf, n, "%s: %s", verdict_word(r, row), v);
    report_localise(r, buf, n);
}

/* Each model's value cell for criterion c, in the writer's cell markup and escaping. */
typedef struct {
    const char *open, *close;
    void (*escape)(ss_buf *, const char *);
} cell_markup;

static void value_cells(const ss_report *r, const ss_criterion *c, const cell_markup *m, ss_buf *b)
{
    for (int k = 0; k < r->nmodels; k++) {
        char v[200] = "";
        if (c->metric) value_text(r, k, c, v, sizeof v);
        ss_buf_str(b, m->open);
        m->escape(b, v);
        ss_buf_str(b, m->close);
    }
}

void report_audit_html(const ss_report *r, ss_buf *b)
{
    if (!report_has_audit(r)) return;
    const report_audit *a = &r->audit[0];
    ss_buf_fmt(b, "<h2 id=\"audit\">%s</h2>\n<p class=\"note\">%s</p>\n<table><tr><th>%s</th><th>%s</th>",
               T(r, S_AUDIT), T(r, S_AUDIT_NOTE), T(r, S_AUDIT_CRITERION), T(r, S_AUDIT_INDICATOR));
    for (int k = 0; k < r->nmodels; k++) ss_buf_fmt(b, "<th>%s</th>", r->models[k].letter);
    ss_buf_fmt(b, "<th>%s</th></tr>\n", T(r, S_AUDIT_FOUND));
    for (int i = 0; i < a->ncriteria; i++) {
        const ss_criterion *c = &a->criteria[i];
        ss_buf_str(b, "<tr><td>");
        ss_buf_html(b, report_reason(r, c->text, c->text_nb));
        ss_buf_str(b, " <span class=\"note\">(");
        ss_buf_html(b, c->source);
        if (*c->law) { ss_buf_str(b, "; "); ss_buf_html(b, report_reason(r, c->law, c->law_nb)); }
        ss_buf_str(b, ")</span></td><td>");
        if (c->metric) {
            char words[600];
            indicator_text(r, c, &a->rows[i], words, sizeof words);
            ss_buf_html(b, words);
            ss_buf_fmt(b, " <span class=\"note\">(<code>%s</code>)</span>", c->metric);
        } else {
            ss_buf_fmt(b, "%s: ", T(r, S_AUDIT_NOT_SIMULATED));
            report_html_reason(r, b, c->not_simulated, c->not_simulated_nb);
        }
        ss_buf_str(b, "</td>");
        value_cells(r, c, &(cell_markup){"<td class=\"n\">", "</td>", ss_buf_html}, b);
        ss_buf_str(b, "<td>");
        ss_buf_html(b, finding_word(r, c->finding));
        if (c->finding_source) {
            ss_buf_str(b, " <span class=\"note\">(");
            report_html_reason(r, b, c->finding_source, c->finding_source_nb);
            ss_buf_str(b, ")</span>");
        }
        ss_buf_str(b, "</td></tr>\n");
    }
    ss_buf_str(b, "</table>\n");
}

void report_audit_md(const ss_report *r, ss_buf *b)
{
    if (!report_has_audit(r)) return;
    const report_audit *a = &r->audit[0];
    ss_buf_fmt(b, "\n## %s\n\n%s\n\n| %s | %s |", T(r, S_AUDIT), T(r, S_AUDIT_NOTE), T(r, S_AUDIT_CRITERION),
               T(r, S_AUDIT_INDICATOR));
    for (int k = 0; k < r->nmodels; k++) ss_buf_fmt(b, " %s |", r->models[k].letter);
    ss_buf_fmt(b, " %s |\n| --- | --- |", T(r, S_AUDIT_FOUND));
    for (int k = 0; k < r->nmodels; k++) ss_buf_str(b, " ---: |");
    ss_buf_str(b, " --- |\n");
    for (int i = 0; i < a->ncriteria; i++) {
        const ss_criterion *c = &a->criteria[i];
        char cell[1200];
        snprintf(cell, sizeof cell, "%s (%s%s%s)", report_reason(r, c->text, c->text_nb), c->source, *c->law ? "; " : "",
                 report_reason(r, c->law, c->law_nb));
        ss_buf_str(b, "| ");
        ss_buf_md(b, cell);
        ss_buf_str(b, " | ");
        if (c->metric) {
            char words[600];
            indicator_text(r, c, &a->rows[i], words, sizeof words);
            snprintf(cell, sizeof cell, "%s (`%s`)", words, c->metric);
        } else {
            snprintf(cell, sizeof cell, "%s: %s", T(r, S_AUDIT_NOT_SIMULATED),
                     report_reason(r, c->not_simulated, c->not_simulated_nb));
        }
        ss_buf_md(b, cell);
        ss_buf_str(b, " |");
        value_cells(r, c, &(cell_markup){" ", " |", ss_buf_md}, b);
        snprintf(cell, sizeof cell, "%s%s%s%s", finding_word(r, c->finding), c->finding_source ? " (" : "",
                 c->finding_source ? report_reason(r, c->finding_source, c->finding_source_nb) : "",
                 c->finding_source ? ")" : "");
        ss_buf_str(b, " ");
        ss_buf_md(b, cell);
        ss_buf_str(b, " |\n");
    }
}

/* ---- the summary's audit view: each criterion a run can check, one line each, by its indicator;
 * the criteria's texts and sources, and those only documents show, are in the section ---------- */

static int count_not_simulated(const report_audit *a)
{
    int k = 0;
    for (int i = 0; i < a->ncriteria; i++)
        k += a->criteria[i].metric == NULL;
    return k;
}

/* How a writer marks up a summary row: the indicator's cell, the models' values, the finding. */
typedef struct {
    const char *row_open, *words_close;
    cell_markup value;
    const char *finding_open, *row_close;
} row_markup;

/* One row for each criterion a run can check, written once for HTML and Markdown alike. */
static void summary_rows(const ss_report *r, const report_audit *a, const row_markup *m, ss_buf *b)
{
    for (int i = 0; i < a->ncriteria; i++) {
        const ss_criterion *c = &a->criteria[i];
        if (!c->metric) continue;
        char words[600];
        indicator_text(r, c, &a->rows[i], words, sizeof words);
        ss_buf_str(b, m->row_open);
        m->value.escape(b, words);
        ss_buf_str(b, m->words_close);
        value_cells(r, c, &m->value, b);
        ss_buf_str(b, m->finding_open);
        m->value.escape(b, finding_word(r, c->finding));
        ss_buf_str(b, m->row_close);
    }
}

void report_audit_summary_html(const ss_report *r, ss_buf *b)
{
    if (!report_has_audit(r)) return;
    const report_audit *a = &r->audit[0];
    char note[600];
    snprintf(note, sizeof note, T(r, S_AUDIT_SUMMARY_NOTE), count_not_simulated(a));
    ss_buf_fmt(b, "<h3>%s</h3>\n<p class=\"note\">", T(r, S_AUDIT));
    ss_buf_html(b, note);
    ss_buf_fmt(b, "</p>\n<table class=\"audit\"><tr><th>%s</th>", T(r, S_AUDIT_INDICATOR));
    for (int k = 0; k < r->nmodels; k++) ss_buf_fmt(b, "<th>%s</th>", r->models[k].letter);
    ss_buf_fmt(b, "<th>%s</th></tr>\n", T(r, S_AUDIT_FOUND));
    summary_rows(r, a, &(row_markup){"<tr><td>", "</td>", {"<td class=\"n\">", "</td>", ss_buf_html}, "<td>", "</td></tr>\n"}, b);
    ss_buf_str(b, "</table>\n");
}

void report_audit_summary_md(const ss_report *r, ss_buf *b)
{
    if (!report_has_audit(r)) return;
    const report_audit *a = &r->audit[0];
    char note[600];
    snprintf(note, sizeof note, T(r, S_AUDIT_SUMMARY_NOTE), count_not_simulated(a));
    ss_buf_fmt(b, "### %s\n\n%s\n\n| %s |", T(r, S_AUDIT), note, T(r, S_AUDIT_INDICATOR));
    for (int k = 0; k < r->nmodels; k++) ss_buf_fmt(b, " %s |", r->models[k].letter);
    ss_buf_fmt(b, " %s |\n| --- |", T(r, S_AUDIT_FOUND));
    for (int k = 0; k < r->nmodels; k++) ss_buf_str(b, " ---: |");
    ss_buf_str(b, " --- |\n");
    summary_rows(r, a, &(row_markup){"| ", " |", {" ", " |", ss_buf_md}, " ", " |\n"}, b);
    ss_buf_str(b, "\n");
}

int report_audit_find(const ss_report *r, const char *metric, const char *service)
{
    if (!report_has_audit(r)) return -1;
    const report_audit *a = &r->audit[0];
    const ss_stored_run *base = &report_base_model(r)->run;
    for (int i = 0; i < a->ncriteria; i++) {
        const ss_criterion *c = &a->criteria[i];
        bool here = *service ? c->service >= 0 && strcmp(base->ids[c->service], service) == 0 : c->service < 0;
        if (c->metric && strcmp(c->metric, metric) == 0 && here && (!isnan(c->at_least) || !isnan(c->at_most)))
            return i;
    }
    return -1;
}

double report_audit_threshold(const ss_report *r, int i, char *buf, size_t n)
{
    const ss_criterion *c = &r->audit[0].criteria[i];
    threshold_text(r, c, &r->audit[0].rows[i], buf, n);
    return !isnan(c->at_least) ? c->at_least : c->at_most;
}

/* Model k's verdict on the base's criterion i, read by its id in k's own criteria. */
ss_audit_verdict report_audit_verdict(const ss_report *r, int k, int i)
{
    const ss_audit_row *row = row_for(&r->audit[k], r->audit[0].criteria[i].id);
    return row ? row->verdict : SS_AUDIT_NO_VALUE;
}
