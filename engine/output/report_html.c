/* report_html: the report as one self-contained HTML file (charts inline as SVG). */
#include "report_parts.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reason.h"
#include "version.h"
#include "xalloc.h"

/* ==== HTML ================================================================================================ */

static const char html_style[] =
    "body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;color:#222;max-width:1150px;margin:0 auto;padding:24px 32px;line-height:1.45;font-size:15px}\n"
    "h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:34px 0 10px;border-bottom:2px solid #4c72b0;padding-bottom:4px}\n"
    "h3{font-size:16px;margin:22px 0 8px}.sub{color:#666;margin:0 0 18px}.question{font-size:17px;background:#f3f6fb;border-left:4px solid #4c72b0;padding:10px 14px}\n"
    "table{border-collapse:collapse;margin:8px 0 14px;font-size:13.5px}th,td{border-bottom:1px solid #ddd;padding:4px 9px;text-align:left;vertical-align:top}\n"
    "th{background:#f2f2f2}tr.first td{border-top:2px solid #bbb}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}tr.sig td{background:#fff7e6}\n"
    "code{font-size:12.5px;background:#f4f4f4;padding:1px 3px;border-radius:3px;overflow-wrap:anywhere}\n"
    ".warn{background:#fff1f0;border-left:4px solid #c44e52;padding:8px 12px}.note{color:#555;font-size:13.5px}\n"
    ".charts{display:flex;flex-wrap:wrap;gap:14px}.chart{flex:1 1 520px;max-width:560px;margin:0}.chart.wide{max-width:760px;flex-basis:700px}\n"
    ".chart svg{width:100%;height:auto;border:1px solid #e4e4e4}figcaption{font-size:13px;color:#555}\n"
    ".swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:middle}\n"
    "nav ol{columns:2;font-size:14px}details{margin:8px 0}summary{cursor:pointer;color:#4c72b0}\n"
    /* the verdict: marks are shapes (readable without colour), colours from the Okabe-Ito palette */
    ".summary{border:1px solid #ccd;padding:4px 18px 10px;margin:10px 0 24px}.models td:first-child{font-weight:bold}\n"
    "table.verdict td.mark{white-space:nowrap}tr.better td.mark{color:#0072b2}tr.worse td.mark{color:#d55e00}tr.same td.mark{color:#555}\n"
    "tr.better td{background:#eaf3fa}tr.worse td{background:#fbeee6}tr.better.sig td,tr.worse.sig td{font-weight:600}\n"
    ".provenance{font-size:13.5px;color:#333}\n"
    /* printed for a committee's papers: no navigation, the summary on its own page, rows and
     * figures not split (long tables go on over pages: kept whole, one would leave a page empty
     * under its heading), tables in a smaller type so that they fit A4 and the summary one page,
     * the folded key results opened (a printed page cannot be unfolded; ::details-content, in
     * Chromium since 131; the Lua and every result stay folded), links as text */
    "@media print{@page{size:A4;margin:16mm 14mm}body{max-width:none;padding:0;font-size:10.5pt;color:#000}\n"
    "nav{display:none}.summary{border:none;padding:0;page-break-after:always;break-after:page}\n"
    "h2,h3{page-break-after:avoid;break-after:avoid}tr,figure,.chart{page-break-inside:avoid;break-inside:avoid}\n"
    "table{font-size:8pt}th,td{padding:2px 4px}.summary{font-size:9pt;line-height:1.3}.summary .question{font-size:10pt;padding:6px 10px}\n"
    "td code{font-size:7.5pt}.summary table{font-size:8pt;width:100%}table.verdict td:nth-child(2){width:36%}.summary h3{margin:10px 0 4px}.summary p{margin:5px 0}\n"
    "details.print-open::details-content{content-visibility:visible;display:block}details>summary{list-style:none;color:#000}details>summary::-webkit-details-marker{display:none}\n"
    "a{color:#000;text-decoration:none}tr.better td,tr.worse td,tr.sig td{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    ".chart svg{border:none}code{background:none}}\n";

static void html_td(ss_buf *b, const char *text, bool number)
{
    ss_buf_str(b, number ? "<td class=\"n\">" : "<td>");
    ss_buf_html(b, text);
    ss_buf_str(b, "</td>");
}

/* A changed value's cell: an id the scenario gives no name for as code, the rest as words. */
static void html_td_value(ss_buf *b, const char *text, bool id)
{
    ss_buf_str(b, id ? "<td><code>" : "<td>");
    ss_buf_html(b, text);
    ss_buf_str(b, id ? "</code></td>" : "</td>");
}

void report_html_authored(const ss_report *r, ss_buf *b, const char *text)
{
    if (r->opts.lang != SS_LANG_EN && *text)
        ss_buf_str(b, "<span lang=\"en\">");
    ss_buf_html(b, text);
    if (r->opts.lang != SS_LANG_EN && *text)
        ss_buf_str(b, "</span>");
}

void report_html_reason(const ss_report *r, ss_buf *b, const char *en, const char *nb)
{
    if (r->opts.lang == SS_LANG_NB && nb && *nb)
        ss_buf_html(b, nb);
    else
        report_html_authored(r, b, en);
}

/* A register entry's reason; in Norwegian, a calibrated value's target as code, named as a label
 * ("kalibreringsmål <code>fph_wait</code>: ...", not the English "to target" word for word). */
void report_html_register_reason(const ss_report *r, ss_buf *b, const ss_register_entry *e)
{
    if (r->opts.lang == SS_LANG_NB && *e->text_nb && *e->target) {
        ss_buf_str(b, T(r, S_TO_TARGET));
        ss_buf_str(b, " <code>");
        ss_buf_html(b, e->target);
        ss_buf_str(b, "</code>: ");
    }
    report_html_reason(r, b, e->text, e->text_nb);
}

void report_register_reason(const ss_report *r, const ss_register_entry *e, char *buf, size_t n)
{
    if (r->opts.lang == SS_LANG_NB && *e->text_nb && *e->target)
        snprintf(buf, n, "%s `%s`: %s", T(r, S_TO_TARGET), e->target, e->text_nb);
    else
        snprintf(buf, n, "%s", report_reason(r, e->text, e->text_nb));
}

const char *report_reason(const ss_report *r, const char *en, const char *nb)
{
    return ss_reason_pick(en, nb, r->opts.lang == SS_LANG_NB);
}

static void html_th(ss_buf *b, const char *text)
{
    ss_buf_str(b, "<th>");
    ss_buf_html(b, text);
    ss_buf_str(b, "</th>");
}

static void html_models(const ss_report *r, ss_buf *b)
{
    ss_buf_fmt(b, "<table><tr>");
    const string_id head[] = {S_MODEL, S_SCENARIO, S_RUN, S_FTE_TOTAL, S_REPS, S_SEED};
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
        html_th(b, T(r, head[i]));
    ss_buf_str(b, "</tr>\n");
    for (int i = 0; i < r->nmodels; i++) {
        const model *m = &r->models[i];
        char title[64], fte[32], num[32];
        report_model_title(r, i, title, sizeof title);
        ss_buf_fmt(b, "<tr><td><span class=\"swatch\" style=\"background:%s\"></span><b>", COLOUR(i));
        ss_buf_html(b, title);
        ss_buf_str(b, "</b> <code>");
        ss_buf_html(b, m->label);
        ss_buf_str(b, "</code></td>");
        html_td(b, m->run.scenario_name, false);
        snprintf(num, sizeof num, "%" PRId64, m->run.run_id);
        html_td(b, num, true);
        report_fte_text(r, fte, sizeof fte, ss_stored_run_fte(&m->run), false);
        html_td(b, fte, true);
        snprintf(num, sizeof num, "%d", m->run.nreps);
        html_td(b, num, true);
        snprintf(num, sizeof num, "%" PRIu64, m->run.seed);
        html_td(b, num, true);
        ss_buf_str(b, "</tr>\n");
    }
    ss_buf_str(b, "</table>\n");
}

void report_question_text(const ss_report *r, char *buf, size_t n)
{
    const model *a = report_base_model(r);
    if (r->nmodels == 1) {
        snprintf(buf, n, T(r, S_QUESTION_SINGLE), a->run.scenario_name);
        return;
    }
    char options[600] = "";
    for (int i = 1; i < r->nmodels; i++) {
        size_t l = strlen(options);
        snprintf(options + l, sizeof options - l, "%s%s (%s)", i == 1 ? "" : i + 1 == r->nmodels ? (r->opts.lang == SS_LANG_NB ? " eller " : " or ") : ", ",
                 report_model_name(r, i), r->models[i].letter);
    }
    snprintf(buf, n, T(r, S_QUESTION_TEXT), a->run.scenario_name, options, a->letter);
}

static void html_question(const ss_report *r, ss_buf *b)
{
    char q[1200];
    report_question_text(r, q, sizeof q);
    ss_buf_fmt(b, "<h2 id=\"question\">1. %s</h2>\n<p class=\"question\">", T(r, S_QUESTION));
    ss_buf_html(b, q);
    ss_buf_str(b, "</p>\n");
    html_models(r, b);
}

static void html_change_list(const ss_report *r, int opt, ss_buf *b)
{
    const option_view *o = &r->options[opt];
    ss_buf_fmt(b, "<table class=\"changes\"><tr><th>%s</th>", T(r, S_IN_WORDS));
    ss_buf_fmt(b, "<th>%s (%s)</th><th>%s (%s)</th>", T(r, S_OLD), r->models[0].letter, T(r, S_NEW), r->models[opt + 1].letter);
    html_th(b, T(r, S_PARAM));
    ss_buf_str(b, "</tr>\n");
    for (int i = 0; i < o->nchanges; i++) {
        const ss_scenario_change *c = &o->changes[i];
        char words[600], before[600], after[600];
        bool ids[2];
        report_plain_words(r, opt, c->path, words, sizeof words);
        report_change_words(r, c->path, c->old_value, c->new_value, before, after, sizeof before, ids);
        ss_buf_str(b, "<tr>");
        html_td(b, words, false);
        html_td_value(b, before, ids[0]);
        html_td_value(b, after, ids[1]);
        ss_buf_str(b, "<td><details><summary><code>");  /* the Lua behind the words, folded */
        ss_buf_html(b, c->path);
        ss_buf_str(b, "</code></summary><code>");
        ss_buf_html(b, *c->old_value ? c->old_value : "nil");
        ss_buf_str(b, "</code> → <code>");
        ss_buf_html(b, *c->new_value ? c->new_value : "nil");
        ss_buf_str(b, "</code></details></td></tr>\n");
    }
    ss_buf_str(b, "</table>\n");
}

/* What option i changes against the base, and whether rules and staffing are the same. */
static void html_option_changes(const ss_report *r, int i, ss_buf *b)
{
    char line[1200];
    report_versus(r, i, S_CHANGES_VS, line, sizeof line);
    ss_buf_str(b, "<h3>");
    ss_buf_html(b, line);
    ss_buf_str(b, "</h3>\n");
    if (r->options[i].nchanges == 0) {
        report_versus(r, i, S_NO_CHANGES, line, sizeof line);
        ss_buf_fmt(b, "<p>%s</p>\n", line);
    } else {
        html_change_list(r, i, b);
    }
    report_rules_sentence(r, i, line, sizeof line);
    ss_buf_str(b, "<p>");
    ss_buf_html(b, line);
    ss_buf_str(b, "</p>\n");
    report_staffing_sentence(r, i, line, sizeof line);
    bool differs = fabs(r->options[i].cmp.fte_option - r->options[i].cmp.fte_base) > 1e-9;
    char cost[300];
    report_cost_sentence(r, i, cost, sizeof cost);
    ss_buf_fmt(b, "<p%s>", differs ? " class=\"warn\"" : "");
    ss_buf_html(b, line);
    ss_buf_str(b, differs ? " " : "");
    ss_buf_html(b, differs ? cost : "");
    ss_buf_str(b, "</p>\n");
}

static void html_changes(const ss_report *r, ss_buf *b)
{
    ss_buf_fmt(b, "<h2 id=\"changes\">2. %s</h2>\n", T(r, S_CHANGES));
    if (r->nmodels == 1)
        ss_buf_fmt(b, "<p>%s</p>\n", T(r, S_ONLY_BASE));
    for (int i = 0; i + 1 < r->nmodels; i++)
        html_option_changes(r, i, b);
}

/* The service is named on its first row only, so a block of rows reads as one service. */
static void html_result_row(const ss_report *r, ss_buf *b, const ss_compare_row *row, bool with_diff, bool first_of_subject)
{
    const ss_metric_info *mi = ss_compare_row_info(row);
    char cell[160];
    bool sig = with_diff && row->distinguishable;
    ss_judgement j = with_diff ? ss_judge(row) : SS_JUDGED_SAME;  /* coloured by the metric's direction, marked by shape */
    const char *cls = j == SS_JUDGED_BETTER ? "better sig " : j == SS_JUDGED_WORSE ? "worse sig " : sig ? "sig " : "";
    ss_buf_fmt(b, "<tr class=\"%s%s\">", cls, first_of_subject ? "first" : "");
    if (first_of_subject) {
        ss_buf_str(b, "<td><b>");
        ss_buf_html(b, report_row_subject(r, row));
        ss_buf_str(b, "</b></td>");
    } else {
        ss_buf_str(b, "<td></td>");
    }
    char label[300];
    report_result_label(r, row, label, sizeof label);
    html_td(b, label, false);
    ss_compare_format_estimate(cell, sizeof cell, &row->base, mi->unit, false);
    report_localise(r, cell, sizeof cell);
    html_td(b, cell, true);
    if (with_diff) {
        ss_compare_format_estimate(cell, sizeof cell, &row->option, mi->unit, false);
        report_localise(r, cell, sizeof cell);
        html_td(b, cell, true);
        ss_compare_format_estimate(cell, sizeof cell, &row->diff, mi->unit, true);
        report_localise(r, cell, sizeof cell);
        html_td(b, cell, true);
        ss_compare_format_relative(cell, sizeof cell, row->relative);
        report_localise(r, cell, sizeof cell);
        html_td(b, cell, true);
        if (j == SS_JUDGED_BETTER || j == SS_JUDGED_WORSE)
            snprintf(cell, sizeof cell, "%s %s", ss_judgement_mark(j), ss_judgement_word(j, r->opts.lang));
        else
            snprintf(cell, sizeof cell, "%s", !isfinite(row->diff.ci_low) ? "-" : row->distinguishable ? T(r, S_YES) : T(r, S_NO));
        html_td(b, cell, false);
        double q = ss_compare_narrowing(row);
        if (isfinite(q)) snprintf(cell, sizeof cell, "%.2f", q);
        else snprintf(cell, sizeof cell, "-");
        report_localise(r, cell, sizeof cell);
        html_td(b, cell, true);
    }
    ss_buf_str(b, "</tr>\n");
}

typedef bool (*row_filter)(const ss_compare_row *);

/* The rows that pass keep (NULL: every row), grouped by service. */
static void html_results_table(const ss_report *r, ss_buf *b, int opt, row_filter keep)
{
    const ss_comparison *c = report_results_of(r, opt);
    char head[200];
    ss_buf_str(b, "<table><tr>");
    html_th(b, T(r, S_SERVICE));
    html_th(b, T(r, S_RESULT));
    report_model_title(r, 0, head, sizeof head);
    html_th(b, head);
    if (opt >= 0) {
        html_th(b, r->models[opt + 1].letter);
        snprintf(head, sizeof head, "%s − %s (%s)", r->models[opt + 1].letter, r->models[0].letter, T(r, S_DIFF));
        html_th(b, head);
        html_th(b, T(r, S_CHANGE));
        html_th(b, T(r, S_BEYOND));
        html_th(b, T(r, S_NARROW));
    }
    ss_buf_str(b, "</tr>\n");
    const char *last = NULL;
    for (int i = 0; i < c->nrows; i++) {
        if (keep && !keep(&c->rows[i]))
            continue;
        bool first = !last || strcmp(last, c->rows[i].subject) != 0;
        html_result_row(r, b, &c->rows[i], opt >= 0, first);
        last = c->rows[i].subject;
    }
    ss_buf_str(b, "</table>\n");
}

void report_pairing_sentence(const ss_report *r, int opt, char *buf, size_t n)
{
    int k;
    double med = ss_comparison_median_narrowing(&r->options[opt].cmp, &k);
    if (k == 0)
        buf[0] = '\0';
    else
        snprintf(buf, n, T(r, S_PAIRING), 100.0 * med, k);
}

/* The folded key results' one line: "Key results per service: 101 results at 16 services, 12
 * beyond noise" (beyond noise only with an option to compare). */
static void results_summary(const ss_report *r, int opt, char *buf, size_t n)
{
    const ss_comparison *c = report_results_of(r, opt);
    int rows = 0, services = 0, beyond = 0;
    const char *last = NULL;
    for (int i = 0; i < c->nrows; i++) {
        if (!ss_compare_is_key(&c->rows[i])) continue;
        rows++;
        beyond += opt >= 0 && c->rows[i].distinguishable;
        services += !last || strcmp(last, c->rows[i].subject) != 0;
        last = c->rows[i].subject;
    }
    if (opt >= 0) snprintf(buf, n, T(r, S_KEY_FOLDED_DIFF), rows, services, beyond);
    else snprintf(buf, n, T(r, S_KEY_FOLDED), rows, services);
}

static void html_results(const ss_report *r, ss_buf *b)
{
    char line[1200];
    ss_buf_fmt(b, "<h2 id=\"results\">3. %s</h2>\n", T(r, S_RESULTS));
    snprintf(line, sizeof line, T(r, S_HOWTO), report_base_model(r)->run.nreps);
    ss_buf_str(b, "<p class=\"note\">");
    ss_buf_html(b, line);
    ss_buf_str(b, "</p>\n");
    for (const char *w = r->trend_warnings; w && *w;) {  /* queues with no steady state */
        const char *end = strchr(w, '\n');
        snprintf(line, sizeof line, "%.*s", (int)(end - w), w);
        ss_buf_str(b, "<p class=\"warn\">");
        ss_buf_html(b, line);
        ss_buf_str(b, "</p>\n");
        w = end + 1;
    }
    for (int opt = r->nmodels > 1 ? 0 : -1; opt < r->nmodels - 1; opt++) {
        if (opt >= 0) {
            snprintf(line, sizeof line, T(r, S_CHANGES_VS), r->models[opt + 1].letter, r->models[0].letter);
            ss_buf_str(b, "<h3>");
            ss_buf_html(b, line);
            ss_buf_str(b, "</h3>\n");
        }
        results_summary(r, opt, line, sizeof line);  /* folded: the summary's verdict comes first */
        ss_buf_str(b, "<details class=\"print-open\"><summary>");
        ss_buf_html(b, line);
        ss_buf_str(b, "</summary>\n");
        html_results_table(r, b, opt, ss_compare_is_key);
        ss_buf_str(b, "</details>\n");
        if (opt >= 0) {
            report_pairing_sentence(r, opt, line, sizeof line);
            ss_buf_str(b, "<p>");
            ss_buf_html(b, line);
            ss_buf_str(b, "</p>\n");
        }
        ss_buf_fmt(b, "<details><summary>%s</summary>\n", T(r, S_ALL_RESULTS));
        html_results_table(r, b, opt, NULL);
        ss_buf_str(b, "</details>\n");
    }
}

static void html_figure_charts(const ss_report *r, ss_buf *b, figure_id fig)
{
    ss_buf_str(b, "<div class=\"charts\">\n");
    for (int i = 0; i < r->ncharts; i++) {
        const chart *c = &r->charts[i];
        if (c->figure != fig)
            continue;
        bool wide = fig == FIG_CASELOAD || fig == FIG_FLOWS || fig == FIG_COMPLIANCE;
        ss_buf_fmt(b, "<figure class=\"chart%s\">", wide ? " wide" : "");
        if (c->svg) {
            ss_buf_str(b, c->svg);
        } else {
            char line[800];
            snprintf(line, sizeof line, T(r, S_CHART_FAILED), c->why);
            ss_buf_str(b, "<p class=\"warn\">");
            ss_buf_html(b, line);
            ss_buf_str(b, "</p>");
        }
        ss_buf_str(b, "<figcaption>");
        ss_buf_html(b, c->title);
        if (*c->legend) {  /* the ids on the chart's axis, with their names */
            ss_buf_str(b, "<br><span class=\"legend\">");
            ss_buf_html(b, c->legend);
            ss_buf_str(b, "</span>");
        }
        ss_buf_str(b, "</figcaption></figure>\n");
    }
    ss_buf_str(b, "</div>\n");
}

static void html_flow_table(const ss_report *r, ss_buf *b)
{
    ss_buf_str(b, "<table><tr>");
    html_th(b, T(r, S_FROM));
    html_th(b, T(r, S_TO));
    for (int m = 0; m < r->nmodels; m++)
        html_th(b, r->models[m].letter);
    ss_buf_str(b, "</tr>\n");
    for (int i = 0; i < r->nflows; i++) {
        const flow_row *f = &r->flows[i];
        char num[32];
        ss_buf_str(b, "<tr>");
        html_td(b, report_flow_end(r, f->from, true, true), false);
        html_td(b, report_flow_end(r, f->to, false, true), false);
        for (int m = 0; m < r->nmodels; m++) {
            snprintf(num, sizeof num, "%.1f", f->mean[m]);
            report_localise(r, num, sizeof num);
            html_td(b, num, true);
        }
        ss_buf_str(b, "</tr>\n");
    }
    ss_buf_str(b, "</table>\n");
}

static bool figure_has_charts(const ss_report *r, figure_id fig)
{
    for (int i = 0; i < r->ncharts; i++)
        if (r->charts[i].figure == fig)
            return true;
    return false;
}

static void html_figure(const ss_report *r, ss_buf *b, figure_id fig, int number)
{
    char note[3000];
    ss_buf_fmt(b, "<section id=\"%s\"><h3>4.%d %s</h3>\n", report_figure_anchor[fig], number, T(r, report_figure_title[fig]));
    switch (fig) {
    case FIG_WAITS: snprintf(note, sizeof note, "%s", T(r, S_FIG_WAITS_NOTE)); break;
    case FIG_QUEUES: snprintf(note, sizeof note, "%s", T(r, S_FIG_QUEUES_NOTE)); break;
    case FIG_CASELOAD: snprintf(note, sizeof note, "%s", T(r, S_FIG_CASELOAD_NOTE)); break;
    case FIG_FLOWS: snprintf(note, sizeof note, T(r, S_FIG_FLOWS_NOTE), report_base_model(r)->run.horizon_days - report_base_model(r)->run.warmup_days); break;
    default: snprintf(note, sizeof note, "%s", T(r, S_COMPLIANCE_NOTE));
    }
    ss_buf_str(b, "<p class=\"note\">");
    ss_buf_html(b, note);
    ss_buf_str(b, "</p>\n");
    if (fig == FIG_COMPLIANCE && !report_runs_have_coordination_figures(r)) {
        ss_buf_str(b, "<p>");
        ss_buf_html(b, T(r, report_engine_has_coordination_metrics() ? S_NO_COORDINATION : S_NO_COORDINATION_ENGINE));
        ss_buf_str(b, "</p>\n");
    }
    if (fig == FIG_COMPLIANCE)
        html_results_table(r, b, r->nmodels > 1 ? 0 : -1, report_is_compliance_row);
    if (fig == FIG_WAITS && *r->waits_quick) {
        snprintf(note, sizeof note, T(r, S_WAITS_QUICK), r->waits_quick);
        ss_buf_str(b, "<p>");
        ss_buf_html(b, note);
        ss_buf_str(b, "</p>\n");
    }
    if (fig == FIG_QUEUES && r->no_queue)
        ss_buf_fmt(b, "<p>%s</p>\n", T(r, S_NO_QUEUE));
    else if (fig == FIG_QUEUES && *r->queues_none) {
        snprintf(note, sizeof note, T(r, S_QUEUES_NONE), r->queues_none);
        ss_buf_str(b, "<p>");
        ss_buf_html(b, note);
        ss_buf_str(b, "</p>\n");
    }
    if (fig == FIG_FLOWS)
        html_flow_table(r, b);
    if (figure_has_charts(r, fig))
        html_figure_charts(r, b, fig);
    else if (fig == FIG_COMPLIANCE && !*r->no_charts)
        ss_buf_fmt(b, "<p>%s</p>\n", T(r, S_NO_COMPLIANCE));
    ss_buf_str(b, "</section>\n");
}

static void html_charts(const ss_report *r, ss_buf *b)
{
    ss_buf_fmt(b, "<h2 id=\"charts\">4. %s</h2>\n", T(r, S_CHARTS));
    if (*r->no_charts) {
        char line[800];
        snprintf(line, sizeof line, T(r, S_NO_GNUPLOT), r->no_charts);
        ss_buf_str(b, "<p class=\"warn\">");
        ss_buf_html(b, line);
        ss_buf_str(b, "</p>\n");
    }
    for (int f = 0; f < NFIGURES; f++)
        html_figure(r, b, (figure_id)f, f + 1);
}

static void html_register_rows(const ss_report *r, ss_buf *b, const ss_register_entry *e, int n, bool only_changed)
{
    ss_buf_str(b, "<table><tr>");
    html_th(b, T(r, S_PARAM));
    html_th(b, T(r, S_VALUE));
    html_th(b, T(r, S_KIND));
    html_th(b, T(r, S_SOURCE_OR_REASON));
    ss_buf_str(b, "</tr>\n");
    for (int i = 0; i < n; i++) {
        if (strcmp(e[i].kind, "missing") == 0 || (only_changed && !report_register_differs(r, &e[i])))
            continue;
        ss_buf_str(b, "<tr><td><code>");
        ss_buf_html(b, e[i].path);
        ss_buf_str(b, "</code></td>");
        char value[600];
        report_register_value(r, e[i].value, value, sizeof value);
        ss_buf_str(b, *e[i].value == '{' && strcmp(value, e[i].value) == 0 ? "<td><code>" : "<td>");
        ss_buf_html(b, value);
        ss_buf_str(b, *e[i].value == '{' && strcmp(value, e[i].value) == 0 ? "</code></td>" : "</td>");
        html_td(b, report_kind_word(r, e[i].kind), false);
        ss_buf_str(b, "<td>");
        report_html_register_reason(r, b, &e[i]);
        ss_buf_str(b, "</td>");
        ss_buf_str(b, "</tr>\n");
    }
    ss_buf_str(b, "</table>\n");
}

static void html_missing(const ss_report *r, ss_buf *b)
{
    int k = report_count_missing(r->reg, r->nreg);
    if (k == 0)
        return;
    char head[200];
    snprintf(head, sizeof head, T(r, S_MISSING), k);
    ss_buf_str(b, "<details><summary>");
    ss_buf_html(b, head);
    ss_buf_str(b, "</summary><p>");
    for (int i = 0, first = 1; i < r->nreg; i++) {
        if (strcmp(r->reg[i].kind, "missing") != 0)
            continue;
        ss_buf_str(b, first ? "<code>" : ", <code>");
        ss_buf_html(b, r->reg[i].path);
        ss_buf_str(b, "</code> = ");
        ss_buf_html(b, r->reg[i].value);
        first = 0;
    }
    ss_buf_str(b, "</p></details>\n");
}

static void html_register(const ss_report *r, ss_buf *b)
{
    char line[600];
    ss_buf_fmt(b, "<h2 id=\"assumptions\">5. %s</h2>\n", T(r, S_REGISTER));
    snprintf(line, sizeof line, T(r, S_REGISTER_NOTE), r->models[0].letter);
    ss_buf_str(b, "<p class=\"note\">");
    ss_buf_html(b, line);
    ss_buf_str(b, "</p>\n");
    html_register_rows(r, b, r->reg, r->nreg, false);
    html_missing(r, b);
    for (int i = 0; i + 1 < r->nmodels; i++) {
        const option_view *o = &r->options[i];
        int differing = 0;
        for (int k = 0; k < o->nreg; k++)
            differing += strcmp(o->reg[k].kind, "missing") != 0 && report_register_differs(r, &o->reg[k]);
        if (differing == 0) {
            snprintf(line, sizeof line, T(r, S_REGISTER_SAME), r->models[i + 1].letter, r->models[0].letter);
            ss_buf_str(b, "<p>");
            ss_buf_html(b, line);
            ss_buf_str(b, "</p>\n");
            continue;
        }
        snprintf(line, sizeof line, T(r, S_REGISTER_CHANGED), r->models[i + 1].letter);
        ss_buf_str(b, "<h3>");
        ss_buf_html(b, line);
        ss_buf_str(b, "</h3>\n");
        html_register_rows(r, b, o->reg, o->nreg, true);
    }
}

static void html_repro_row(ss_buf *b, const char *label, const char *value, bool code)
{
    ss_buf_str(b, "<tr><th>");
    ss_buf_html(b, label);
    ss_buf_str(b, code ? "</th><td><code>" : "</th><td>");
    ss_buf_html(b, value);
    ss_buf_str(b, code ? "</code></td></tr>\n" : "</td></tr>\n");
}

static void html_repro(const ss_report *r, ss_buf *b)
{
    ss_buf_fmt(b, "<h2 id=\"reproducibility\">6. %s</h2>\n<p class=\"note\">", T(r, S_REPRO));
    ss_buf_html(b, T(r, S_REPRO_NOTE));
    ss_buf_str(b, "</p>\n");
    for (int i = 0; i < r->nmodels; i++) {
        const ss_stored_run *run = &r->models[i].run;
        char title[64], v[600];
        report_model_title(r, i, title, sizeof title);
        ss_buf_str(b, "<h3>");
        ss_buf_html(b, title);
        ss_buf_fmt(b, " — %s %" PRId64 "</h3>\n<table>\n", T(r, S_RUN), run->run_id);
        html_repro_row(b, T(r, S_SCENARIO), run->scenario_path, true);
        html_repro_row(b, T(r, S_ENGINE), run->engine_version, false);
        html_repro_row(b, T(r, S_SCEN_HASH), run->scenario_hash, true);
        html_repro_row(b, T(r, S_RULES_HASH), run->rules_hash, true);
        snprintf(v, sizeof v, "%" PRIu64, run->seed);
        html_repro_row(b, T(r, S_SEED), v, false);
        snprintf(v, sizeof v, "%d", run->nreps);
        html_repro_row(b, T(r, S_REPS), v, false);
        snprintf(v, sizeof v, T(r, S_PERIOD_FMT), run->start_date, run->horizon_days, run->warmup_days);
        html_repro_row(b, T(r, S_PERIOD), v, false);
        snprintf(v, sizeof v, "%s – %s", run->started_at, run->finished_at);
        html_repro_row(b, T(r, S_STARTED), v, false);
        html_repro_row(b, T(r, S_COMMAND), run->command_line, true);
        ss_buf_str(b, "</table>\n");
    }
    if (*r->choice.command_line) {
        ss_buf_fmt(b, "<p>%s:<br><code>", T(r, S_COMPARE_CMD));
        ss_buf_html(b, r->choice.command_line);
        ss_buf_str(b, "</code></p>\n");
    }
    ss_buf_fmt(b, "<p>%s:<br><code>", T(r, S_REPORT_CMD));
    ss_buf_html(b, r->command_line);
    ss_buf_str(b, "</code></p>\n");
}

static void html_contents(const ss_report *r, ss_buf *b)
{
    ss_buf_fmt(b, "<nav><b>%s</b><ol>", T(r, S_CONTENTS));
    ss_buf_fmt(b, "<li><a href=\"#question\">%s</a></li><li><a href=\"#changes\">%s</a></li><li><a href=\"#results\">%s</a></li>",
           T(r, S_QUESTION), T(r, S_CHANGES), T(r, S_RESULTS));
    if (report_has_targets(r)) ss_buf_fmt(b, "<li><a href=\"#calibration\">%s</a></li>", T(r, S_CAL_TITLE));
    if (report_has_audit(r)) ss_buf_fmt(b, "<li><a href=\"#audit\">%s</a></li>", T(r, S_AUDIT));
    ss_buf_fmt(b, "<li><a href=\"#charts\">%s</a></li><li><a href=\"#assumptions\">%s</a></li><li><a href=\"#reproducibility\">%s</a></li>",
           T(r, S_CHARTS), T(r, S_REGISTER), T(r, S_REPRO));
    ss_buf_str(b, "</ol></nav>\n");
}

int ss_report_write_html(const ss_report *r, FILE *f)
{
    ss_buf b = {0};
    ss_buf_fmt(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>", r->opts.lang == SS_LANG_NB ? "nb" : "en");
    ss_buf_html(&b, T(r, S_TITLE));
    ss_buf_str(&b, " — ");
    ss_buf_html(&b, report_base_model(r)->run.scenario_name);
    ss_buf_fmt(&b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", html_style);
    ss_buf_html(&b, T(r, S_TITLE));
    ss_buf_str(&b, "</h1>\n<p class=\"sub\">");
    ss_buf_html(&b, report_base_model(r)->run.scenario_name);
    ss_buf_fmt(&b, " · %s <code>", T(r, S_DATABASE));
    ss_buf_html(&b, r->db_path);
    ss_buf_fmt(&b, "</code> · samsim %s</p>\n", SS_VERSION);
    static void (*const sections[])(const ss_report *, ss_buf *) = {report_html_summary, html_contents, html_question, html_changes,
                                                                     html_results, report_calibration_html, report_audit_html, html_charts, html_register, html_repro};
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++)
        sections[i](r, &b);
    ss_buf_str(&b, "</body>\n</html>\n");
    return ss_buf_write(&b, f);
}

