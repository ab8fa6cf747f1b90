/* report_summary: the report's first page — the question, the models by name, the verdict for
 * each option with its robustness, the auditors' criteria a run can check, and where the figures
 * come from — in HTML and Markdown.
 *
 * The verdict is study/verdict.h's, the same `samsim compare` prints; here it is worded in the
 * report's language (decimal commas in Norwegian) and marked with shapes as well as colours. */
#include "report_parts.h"

#include "robust_text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE 160  /* a model's description is cut to one line of about this width */

const char *report_model_name(const ss_report *r, int i)
{
    const model *m = &r->models[i];
    return m->about_read && *m->about.name ? ss_model_about_name(&m->about, r->opts.lang == SS_LANG_NB) : m->run.scenario_name;
}

static void measure_name(const ss_report *r, const ss_verdict_measure *m, char *out, size_t n)
{
    const char *label = ss_metric_label(m->row->scope, m->row->metric, r->opts.lang);
    if (*m->row->subject)
        snprintf(out, n, "%s %s %s", label, T(r, S_AT_SERVICE), report_row_subject(r, m->row));
    else
        snprintf(out, n, "%s", label);
}

/* The figures of a row: the base's and the option's means, and the paired difference (a planned
 * row's exact one, and what it is: "+2.0, more by construction"). */
static void measure_figures(const ss_report *r, const ss_verdict_measure *m, char a[48], char b[48], char d[120])
{
    if (m->row->planned) {
        ss_verdict_planned_figure(a, 48, m->row, m->row->base.mean, false, r->opts.lang);
        ss_verdict_planned_figure(b, 48, m->row, m->row->option.mean, false, r->opts.lang);
        ss_verdict_format_difference(d, 120, m->row, r->opts.lang);
        return;
    }
    const char *unit = ss_compare_row_info(m->row)->unit;
    ss_compare_format(a, 48, m->row->base.mean, unit, false);
    ss_compare_format(b, 48, m->row->option.mean, unit, false);
    ss_verdict_format_difference(d, 120, m->row, SS_LANG_EN);
    report_localise(r, a, 48);
    report_localise(r, b, 48);
    report_localise(r, d, 120);
}

/* Counts of the base's register by kind: what the summary's provenance line says. */
static void provenance_line(const ss_report *r, char *out, size_t n)
{
    int source = 0, assumed = 0, calibrated = 0, effect = 0;
    for (int i = 0; i < r->nreg; i++) {
        const char *k = r->reg[i].kind;
        source += strcmp(k, "source") == 0;
        assumed += strcmp(k, "assumption") == 0;
        calibrated += strcmp(k, "calibrated") == 0;
        effect += strcmp(k, "effect") == 0;
    }
    snprintf(out, n, T(r, S_PROVENANCE), r->models[0].letter, source, assumed, calibrated, effect);
}

static int count_same(const ss_verdict *v)
{
    int k = 0;
    for (int i = 0; i < v->nmeasures; i++)
        k += v->measures[i].judgement == SS_JUDGED_SAME;
    return k;
}

/* ---- HTML ------------------------------------------------------------------------------------ */

static void html_text(ss_buf *b, const char *tag, const char *cls, const char *text)
{
    ss_buf_fmt(b, "<%s%s%s%s>", tag, cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
    ss_buf_html(b, text);
    ss_buf_fmt(b, "</%s>\n", tag);
}

static void html_models(const ss_report *r, ss_buf *b)
{
    ss_buf_str(b, "<table class=\"models\">\n");
    for (int i = 0; i < r->nmodels; i++) {
        const model *m = &r->models[i];
        char line[LINE + 8], line_nb[LINE + 8];
        ss_model_about_line(m->about_read ? m->about.description : "", line, sizeof line);
        ss_model_about_line(m->about_read ? m->about.description_nb : "", line_nb, sizeof line_nb);
        ss_buf_fmt(b, "<tr><td>%s</td><td><b>", m->letter);
        ss_buf_html(b, report_model_name(r, i));
        ss_buf_str(b, "</b><br>");
        report_html_reason(r, b, line, line_nb);
        ss_buf_str(b, "</td></tr>\n");
    }
    ss_buf_str(b, "</table>\n");
}

/* A deciding number as the change list names it (report_plain_words), for ss_robust_cell. */
static bool param_words(const void *ctx, const char *path, char *out, size_t n)
{
    return report_plain_words(ctx, 0, path, out, n);
}

/* With a robust comparison: how often the measure's judgement holds over the plausible assumptions,
 * and what decides it ("holds in 87 %; decided by M/M/10 queue: episode length (days), mean (better
 * where < 1)"), a number without words by its key path between SS_CODE_OPEN and SS_CODE_CLOSE. */
static bool measure_robustness(const ss_report *r, const ss_verdict *v, const ss_verdict_measure *m, char *out, size_t n)
{
    if (!v->robust) return false;
    if (m->row->planned) {  /* a planned input is the same at every sample */
        snprintf(out, n, "%s", T(r, S_PLANNED_NOT_SAMPLED));
        return true;
    }
    const ss_robust_row *row = ss_robust_find(v->robust, m->row->scope, m->row->subject, m->row->metric);
    ss_robust_cell(out, n, v->robust, row, m->judgement, &(ss_param_namer){param_words, r}, r->opts.lang);
    return true;
}

/* Text whose key paths are marked SS_CODE_OPEN ... SS_CODE_CLOSE, the paths as code. */
static void html_marked(ss_buf *b, char *text)
{
    static const char marks[] = {SS_CODE_OPEN, SS_CODE_CLOSE, '\0'};
    for (char *s = text;;) {
        char *mark = s + strcspn(s, marks), was = *mark;
        *mark = '\0';
        ss_buf_html(b, s);
        *mark = was;
        if (!was) return;
        ss_buf_str(b, was == SS_CODE_OPEN ? "<code>" : "</code>");
        s = mark + 1;
    }
}

static void html_verdict_row(const ss_report *r, const ss_verdict *v, const ss_verdict_measure *m, ss_buf *b)
{
    char name[300], a[48], o[48], d[120];
    measure_name(r, m, name, sizeof name);
    measure_figures(r, m, a, o, d);
    bool rests = ss_verdict_rests_on_effects(v, m);
    ss_buf_fmt(b, "<tr class=\"%s\"><td class=\"mark\">%s ", ss_judgement_key(m->judgement), ss_judgement_mark(m->judgement));
    ss_buf_html(b, ss_judgement_word(m->judgement, r->opts.lang));
    ss_buf_str(b, "</td><td>");
    ss_buf_html(b, name);
    ss_buf_fmt(b, "</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s%s</td>", a, o, d, rests ? " *" : "");
    char holds[2048];
    if (measure_robustness(r, v, m, holds, sizeof holds)) {
        ss_buf_str(b, "<td>");
        html_marked(b, holds);
        ss_buf_str(b, "</td>");
    }
    ss_buf_str(b, "</tr>\n");
}

/* "Both models declare the same N effect assumptions (PATH, ...); ...", each key path as code (not
 * prose: a reader of either language sees it as the key it is), or that there are none. */
static void html_effects_shared(const ss_report *r, const ss_model_about *about, ss_buf *b)
{
    char line[1200];
    if (!about->neffects) {
        html_text(b, "p", NULL, T(r, S_EFFECTS_NONE));
        return;
    }
    snprintf(line, sizeof line, T(r, S_EFFECTS_SHARED), about->neffects, "\x01");  /* \x01 marks where the paths go */
    char *at = strchr(line, '\x01');
    ss_buf_str(b, "<p>");
    *at = '\0';
    ss_buf_html(b, line);
    for (int i = 0; i < about->neffects; i++) {
        ss_buf_str(b, i ? ", <code>" : "<code>");
        ss_buf_html(b, about->effects[i].path);
        ss_buf_str(b, "</code>");
    }
    ss_buf_html(b, at + 1);
    ss_buf_str(b, "</p>\n");
}

static void html_effects(const ss_report *r, const ss_verdict *v, const char *a, const char *o, ss_buf *b)
{
    char line[1200];
    if (!v->effects_known) {
        html_text(b, "p", NULL, T(r, S_EFFECTS_UNKNOWN));
        return;
    }
    if (v->neffects == 0) {
        html_effects_shared(r, v->option, b);
        return;
    }
    snprintf(line, sizeof line, T(r, S_EFFECTS_DIFFER), v->neffects);
    html_text(b, "p", NULL, line);
    ss_buf_str(b, "<ul>\n");
    for (int i = 0; i < v->neffects; i++) {
        const ss_effect_assumption *e = v->effects[i][1] >= 0 ? &v->option->effects[v->effects[i][1]] : &v->base->effects[v->effects[i][0]];
        char words[600];
        report_plain_words(r, 0, e->path, words, sizeof words);  /* what it is, then its key */
        ss_buf_str(b, "<li>");
        ss_buf_html(b, words);
        ss_buf_str(b, " <code>");
        ss_buf_html(b, e->path);
        ss_buf_str(b, "</code>: ");
        for (int side = 0; side < 2; side++) {
            int k = v->effects[i][side];
            const ss_model_about *about = side ? v->option : v->base;
            ss_buf_fmt(b, "%s%s ", side ? "; " : "", side ? o : a);
            if (k >= 0) {
                char value[256];
                report_lua_value(r, about->effects[k].value, value, sizeof value);
                ss_buf_html(b, value);
                ss_buf_str(b, " (");
                if (*about->effects[k].source) {  /* a rule file's: say which file and line */
                    ss_buf_html(b, T(r, S_EFFECT_IN_RULE));
                    ss_buf_str(b, " <code>");
                    ss_buf_html(b, about->effects[k].source);
                    ss_buf_str(b, "</code>: ");
                }
                /* its first sentence: the whole reason, with its range, is in the register (section 5) */
                char why[LINE + 8], why_nb[LINE + 8];
                ss_model_about_line(about->effects[k].why, why, sizeof why);
                ss_model_about_line(about->effects[k].why_nb, why_nb, sizeof why_nb);
                report_html_reason(r, b, why, why_nb);
                ss_buf_str(b, ")");
            } else {
                ss_buf_str(b, "–");
            }
        }
        ss_buf_str(b, "</li>\n");
    }
    ss_buf_str(b, "</ul>\n");
}

/* Option opt's verdict heading ("B against A") and its counts, for either writer. */
static void verdict_heading(const ss_report *r, int opt, char *heading, char *counts, size_t n)
{
    const ss_verdict *v = &r->options[opt].verdict;
    const char *a = r->models[0].letter, *o = r->models[opt + 1].letter;
    snprintf(heading, n, T(r, S_VERDICT_OF), o, a);
    snprintf(counts, n, T(r, S_VERDICT_COUNTS), o, v->nbetter, v->nworse, count_same(v), v->nmeasures);
}

/* With a robust comparison the table's last column says, measure by measure, how often each
 * judgement holds; this line says over what. */
static void robustness_line(const ss_report *r, const ss_verdict *v, char *out, size_t n)
{
    if (v->robust) snprintf(out, n, T(r, S_ROBUST), v->robust->npoints, v->robust->nparams);
    else snprintf(out, n, "%s", T(r, S_ROBUST_NONE));
}

static void html_verdict(const ss_report *r, int opt, ss_buf *b)
{
    const ss_verdict *v = &r->options[opt].verdict;
    const char *a = r->models[0].letter, *o = r->models[opt + 1].letter;
    char line[1200], counts[1200];
    verdict_heading(r, opt, line, counts, sizeof line);
    html_text(b, "h3", NULL, line);
    html_text(b, "p", "note", counts);
    ss_buf_fmt(b, "<table class=\"verdict\"><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s − %s [95 %%]</th>%s%s%s</tr>\n",
               T(r, S_JUDGEMENT), T(r, S_KEY_MEASURE), a, o, o, a, v->robust ? "<th>" : "", v->robust ? T(r, S_HOLDS) : "",
               v->robust ? "</th>" : "");
    for (int i = 0; i < v->nmeasures; i++)
        html_verdict_row(r, v, &v->measures[i], b);
    ss_buf_str(b, "</table>\n");
    html_effects(r, v, a, o, b);
    robustness_line(r, v, line, sizeof line);
    html_text(b, "p", NULL, line);
}

void report_html_summary(const ss_report *r, ss_buf *b)
{
    char line[1200];
    ss_buf_fmt(b, "<section class=\"summary\" id=\"summary\"><h2>%s</h2>\n", T(r, S_SUMMARY));
    report_question_text(r, line, sizeof line);
    html_text(b, "p", "question", line);
    html_models(r, b);
    for (int opt = 0; opt + 1 < r->nmodels; opt++)
        html_verdict(r, opt, b);
    report_audit_summary_html(r, b);
    provenance_line(r, line, sizeof line);
    html_text(b, "p", "provenance", line);
    ss_buf_str(b, "</section>\n");
}

/* ---- Markdown -------------------------------------------------------------------------------- */

static void md_verdict(const ss_report *r, int opt, ss_buf *b)
{
    const ss_verdict *v = &r->options[opt].verdict;
    const char *a = r->models[0].letter, *o = r->models[opt + 1].letter;
    char line[1200], counts[1200];
    verdict_heading(r, opt, line, counts, sizeof line);
    ss_buf_fmt(b, "### %s\n\n", line);
    ss_buf_fmt(b, "%s\n\n| %s | %s | %s | %s | %s − %s [95 %%] |%s%s%s\n| --- | --- | ---: | ---: | ---: |%s\n", counts,
               T(r, S_JUDGEMENT), T(r, S_KEY_MEASURE), a, o, o, a, v->robust ? " " : "", v->robust ? T(r, S_HOLDS) : "",
               v->robust ? " |" : "", v->robust ? " --- |" : "");
    for (int i = 0; i < v->nmeasures; i++) {
        const ss_verdict_measure *m = &v->measures[i];
        char name[300], x[48], y[48], d[120];
        measure_name(r, m, name, sizeof name);
        measure_figures(r, m, x, y, d);
        ss_buf_fmt(b, "| %s %s | %s | %s | %s | %s%s |", ss_judgement_mark(m->judgement), ss_judgement_word(m->judgement, r->opts.lang),
                   name, x, y, d, ss_verdict_rests_on_effects(v, m) ? " \\*" : "");
        char holds[2048];
        if (measure_robustness(r, v, m, holds, sizeof holds)) {
            for (char *s = holds; *s; s++)
                if (*s == SS_CODE_OPEN || *s == SS_CODE_CLOSE) *s = '`';
            ss_buf_fmt(b, " %s |", holds);
        }
        ss_buf_str(b, "\n");
    }
    ss_buf_str(b, "\n");
    if (v->effects_known && v->neffects > 0) {
        snprintf(line, sizeof line, T(r, S_EFFECTS_DIFFER), v->neffects);
        ss_buf_fmt(b, "%s\n\n", line);
        for (int i = 0; i < v->neffects; i++) {
            int k = v->effects[i][1] >= 0 ? v->effects[i][1] : v->effects[i][0];
            const ss_model_about *about = v->effects[i][1] >= 0 ? v->option : v->base;
            const ss_effect_assumption *e = &about->effects[k];
            char words[600], value[256];
            report_plain_words(r, 0, e->path, words, sizeof words);
            report_lua_value(r, e->value, value, sizeof value);
            if (*e->source)
                ss_buf_fmt(b, "- %s `%s` = %s (%s; %s `%s`): %s\n", words, e->path, value, v->effects[i][1] >= 0 ? o : a,
                           T(r, S_EFFECT_IN_RULE), e->source, report_reason(r, e->why, e->why_nb));
            else
                ss_buf_fmt(b, "- %s `%s` = %s (%s): %s\n", words, e->path, value, v->effects[i][1] >= 0 ? o : a,
                           report_reason(r, e->why, e->why_nb));
        }
        ss_buf_str(b, "\n");
    }
    robustness_line(r, v, line, sizeof line);
    ss_buf_fmt(b, "%s\n\n", line);
}

void report_md_summary(const ss_report *r, ss_buf *b)
{
    char line[1200];
    ss_buf_fmt(b, "## %s\n\n", T(r, S_SUMMARY));
    report_question_text(r, line, sizeof line);
    ss_buf_fmt(b, "%s\n\n", line);
    for (int i = 0; i < r->nmodels; i++) {
        char desc[LINE + 8];
        const ss_model_about *about = &r->models[i].about;
        ss_model_about_line(r->models[i].about_read ? report_reason(r, about->description, about->description_nb) : "", desc,
                            sizeof desc);
        ss_buf_fmt(b, "- **%s: %s** %s\n", r->models[i].letter, report_model_name(r, i), desc);
    }
    ss_buf_str(b, "\n");
    for (int opt = 0; opt + 1 < r->nmodels; opt++)
        md_verdict(r, opt, b);
    report_audit_summary_md(r, b);
    provenance_line(r, line, sizeof line);
    ss_buf_fmt(b, "%s\n\n", line);
}
