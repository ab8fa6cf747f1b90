/* report_md: the report as Markdown (tables; the charts are in the HTML version). */
#include "report_parts.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "version.h"
#include "xalloc.h"

/* ==== Markdown =============================================================================================== */

void report_md_row(ss_buf *b, const char *const *cells, int n)
{
    ss_buf_str(b, "|");
    for (int i = 0; i < n; i++) {
        ss_buf_str(b, " ");
        ss_buf_md(b, cells[i]);
        ss_buf_str(b, " |");
    }
    ss_buf_str(b, "\n");
}

void report_md_rule(ss_buf *b, int n, int first_figure, int end_figure)
{
    ss_buf_str(b, "|");
    for (int i = 0; i < n; i++)
        ss_buf_str(b, i >= first_figure && i < end_figure ? " ---: |" : " --- |");
    ss_buf_str(b, "\n");
}

static void md_models(const ss_report *r, ss_buf *b)
{
    const char *head[] = {T(r, S_MODEL), T(r, S_SCENARIO), T(r, S_RUN), T(r, S_FTE_TOTAL), T(r, S_REPS), T(r, S_SEED)};
    report_md_row(b, head, 6);
    report_md_rule(b, 6, 2, 6);
    for (int i = 0; i < r->nmodels; i++) {
        const model *m = &r->models[i];
        char title[600], run[32], fte[32], reps[32], seed[32];
        char t[64];
        report_model_title(r, i, t, sizeof t);
        snprintf(title, sizeof title, "%s `%s`", t, m->label);
        snprintf(run, sizeof run, "%" PRId64, m->run.run_id);
        report_fte_text(r, fte, sizeof fte, ss_stored_run_fte(&m->run), false);
        snprintf(reps, sizeof reps, "%d", m->run.nreps);
        snprintf(seed, sizeof seed, "%" PRIu64, m->run.seed);
        const char *cells[] = {title, m->run.scenario_name, run, fte, reps, seed};
        report_md_row(b, cells, 6);
    }
}

/* What option i changes against the base, and whether rules and staffing are the same. */
static void md_option_changes(const ss_report *r, int i, ss_buf *b)
{
    char line[1200];
    report_versus(r, i, S_CHANGES_VS, line, sizeof line);
    ss_buf_fmt(b, "### %s\n\n", line);
    if (r->options[i].nchanges == 0) {
        report_versus(r, i, S_NO_CHANGES, line, sizeof line);
        ss_buf_fmt(b, "%s\n\n", line);
    }
    for (int k = 0; k < r->options[i].nchanges; k++) {
        const ss_scenario_change *c = &r->options[i].changes[k];
        char words[600], before[600], after[600];
        bool ids[2];
        report_plain_words(r, i, c->path, words, sizeof words);
        report_change_words(r, c->path, c->old_value, c->new_value, before, after, sizeof before, ids);
        ss_buf_fmt(b, "- %s: %s%s%s → %s%s%s (`%s`)\n", words, ids[0] ? "`" : "", before, ids[0] ? "`" : "", ids[1] ? "`" : "", after,
                   ids[1] ? "`" : "", c->path);
    }
    report_rules_sentence(r, i, line, sizeof line);
    ss_buf_fmt(b, "\n%s\n\n", line);
    report_staffing_sentence(r, i, line, sizeof line);
    bool differs = fabs(r->options[i].cmp.fte_option - r->options[i].cmp.fte_base) > 1e-9;
    char cost[300];
    report_cost_sentence(r, i, cost, sizeof cost);
    if (differs)
        ss_buf_fmt(b, "> **%s** %s\n\n", line, cost);
    else
        ss_buf_fmt(b, "%s\n\n", line);
}

static void md_changes(const ss_report *r, ss_buf *b)
{
    bool alone = r->nmodels == 1;
    ss_buf_fmt(b, "\n## 2. %s\n\n%s%s", T(r, S_CHANGES), alone ? T(r, S_ONLY_BASE) : "", alone ? "\n" : "");
    for (int i = 0; i + 1 < r->nmodels; i++)
        md_option_changes(r, i, b);
}

static void md_results_table(const ss_report *r, ss_buf *b, int opt, bool key_only)
{
    const ss_comparison *c = report_results_of(r, opt);
    char a[64], diff[200];
    report_model_title(r, 0, a, sizeof a);
    snprintf(diff, sizeof diff, "%s − %s (%s)", opt >= 0 ? r->models[opt + 1].letter : "", r->models[0].letter, T(r, S_DIFF));
    const char *head[] = {T(r, S_SERVICE), T(r, S_RESULT), a, opt >= 0 ? r->models[opt + 1].letter : "", diff,
                          T(r, S_CHANGE), T(r, S_BEYOND), T(r, S_NARROW)};
    int ncols = opt >= 0 ? 8 : 3;
    report_md_row(b, head, ncols);
    report_md_rule(b, ncols, 2, ncols);
    for (int i = 0; i < c->nrows; i++) {
        const ss_compare_row *row = &c->rows[i];
        if (key_only && !ss_compare_is_key(row))
            continue;
        const ss_metric_info *mi = ss_compare_row_info(row);
        char base[160], option[160], d[160], rel[32], q[32];
        ss_compare_format_estimate(base, sizeof base, &row->base, mi->unit, false);
        ss_compare_format_estimate(option, sizeof option, &row->option, mi->unit, false);
        ss_compare_format_estimate(d, sizeof d, &row->diff, mi->unit, true);
        ss_compare_format_relative(rel, sizeof rel, row->relative);
        double nq = ss_compare_narrowing(row);
        if (isfinite(nq)) snprintf(q, sizeof q, "%.2f", nq);
        else snprintf(q, sizeof q, "-");
        report_localise(r, base, sizeof base);
        report_localise(r, option, sizeof option);
        report_localise(r, d, sizeof d);
        report_localise(r, rel, sizeof rel);
        report_localise(r, q, sizeof q);
        char label[300];
        report_result_label(r, row, label, sizeof label);
        const char *cells[] = {report_row_subject(r, row), label, base, option, d, rel,
                               !isfinite(row->diff.ci_low) ? "-" : row->distinguishable ? T(r, S_YES) : T(r, S_NO), q};
        report_md_row(b, cells, ncols);
    }
}

static void md_results(const ss_report *r, ss_buf *b)
{
    char line[1200];
    ss_buf_fmt(b, "\n## 3. %s\n\n", T(r, S_RESULTS));
    snprintf(line, sizeof line, T(r, S_HOWTO), report_base_model(r)->run.nreps);
    ss_buf_fmt(b, "%s\n\n", line);
    for (const char *w = r->trend_warnings; w && *w;) {  /* queues with no steady state */
        const char *end = strchr(w, '\n');
        ss_buf_fmt(b, "> **%.*s**\n\n", (int)(end - w), w);
        w = end + 1;
    }
    for (int opt = r->nmodels > 1 ? 0 : -1; opt < r->nmodels - 1; opt++) {
        if (opt >= 0) {
            snprintf(line, sizeof line, T(r, S_CHANGES_VS), r->models[opt + 1].letter, r->models[0].letter);
            ss_buf_fmt(b, "### %s\n\n", line);
        }
        md_results_table(r, b, opt, true);
        if (opt >= 0) {
            report_pairing_sentence(r, opt, line, sizeof line);
            ss_buf_fmt(b, "\n%s\n\n", line);
        }
    }
}

static void md_flows(const ss_report *r, ss_buf *b)
{
    const char *head[2 + SS_REPORT_MAX_RUNS];
    head[0] = T(r, S_FROM);
    head[1] = T(r, S_TO);
    for (int m = 0; m < r->nmodels; m++)
        head[2 + m] = r->models[m].letter;
    report_md_row(b, head, 2 + r->nmodels);
    report_md_rule(b, 2 + r->nmodels, 2, 2 + r->nmodels);
    char nums[SS_REPORT_MAX_RUNS][32];
    for (int i = 0; i < r->nflows; i++) {
        const char *cells[2 + SS_REPORT_MAX_RUNS];
        cells[0] = report_flow_end(r, r->flows[i].from, true, true);
        cells[1] = report_flow_end(r, r->flows[i].to, false, true);
        for (int m = 0; m < r->nmodels; m++) {
            snprintf(nums[m], sizeof nums[m], "%.1f", r->flows[i].mean[m]);
            report_localise(r, nums[m], sizeof nums[m]);
            cells[2 + m] = nums[m];
        }
        report_md_row(b, cells, 2 + r->nmodels);
    }
}

/* The compliance figures as a table, since Markdown has no charts. */
static void md_compliance(const ss_report *r, ss_buf *b)
{
    if (!report_runs_have_coordination_figures(r))
        ss_buf_fmt(b, "%s\n\n", T(r, report_engine_has_coordination_metrics() ? S_NO_COORDINATION : S_NO_COORDINATION_ENGINE));
    const ss_comparison *c = report_results_of(r, r->nmodels > 1 ? 0 : -1);
    for (int i = 0; i < c->nrows; i++) {
        const ss_compare_row *row = &c->rows[i];
        if (!report_is_compliance_row(row))
            continue;
        const ss_metric_info *mi = ss_compare_row_info(row);
        char base[160], option[160];
        ss_compare_format_estimate(base, sizeof base, &row->base, mi->unit, false);
        ss_compare_format_estimate(option, sizeof option, &row->option, mi->unit, false);
        report_localise(r, base, sizeof base);
        report_localise(r, option, sizeof option);
        ss_buf_fmt(b, "- %s, %s: %s %s", report_row_subject(r, row), ss_metric_label(row->scope, row->metric, r->opts.lang),
               r->models[0].letter, base);
        if (r->nmodels > 1)
            ss_buf_fmt(b, ", %s %s", r->models[1].letter, option);
        ss_buf_str(b, "\n");
    }
}

static void md_charts(const ss_report *r, ss_buf *b)
{
    ss_buf_fmt(b, "\n## 4. %s\n\n%s", T(r, S_CHARTS), T(r, S_MD_CHARTS));
    if (*r->no_charts) {
        char line[800];
        snprintf(line, sizeof line, T(r, S_NO_GNUPLOT), r->no_charts);
        ss_buf_fmt(b, " %s", line);
    }
    char note[600];
    snprintf(note, sizeof note, T(r, S_FIG_FLOWS_NOTE), report_base_model(r)->run.horizon_days - report_base_model(r)->run.warmup_days);
    char caption[1024];
    report_flows_caption(r, caption, sizeof caption);
    ss_buf_fmt(b, "\n\n### %s\n\n%s %s\n\n", T(r, S_FIG_FLOWS), note, caption);
    md_flows(r, b);
    ss_buf_fmt(b, "\n### %s\n\n", T(r, S_FIG_COMPLIANCE));
    if (report_runs_have_coordination_figures(r)) {
        report_duties_caption(r, caption, sizeof caption);
        ss_buf_fmt(b, "%s\n\n", caption);
    }
    md_compliance(r, b);
}

static void md_register(const ss_report *r, ss_buf *b)
{
    char line[600];
    ss_buf_fmt(b, "\n## 5. %s\n\n", T(r, S_REGISTER));
    snprintf(line, sizeof line, T(r, S_REGISTER_NOTE), r->models[0].letter);
    ss_buf_fmt(b, "%s\n\n", line);
    const char *head[] = {T(r, S_PARAM), T(r, S_VALUE), T(r, S_KIND), T(r, S_SOURCE_OR_REASON)};
    report_md_row(b, head, 4);
    report_md_rule(b, 4, 4, 4);
    for (int i = 0; i < r->nreg; i++) {
        if (strcmp(r->reg[i].kind, "missing") == 0)
            continue;
        char path[600];
        snprintf(path, sizeof path, "`%s`", r->reg[i].path);
        char why[2048];
        report_register_reason(r, &r->reg[i], why, sizeof why);
        const char *cells[] = {path, r->reg[i].value, report_kind_word(r, r->reg[i].kind), why};
        report_md_row(b, cells, 4);
    }
    int k = report_count_missing(r->reg, r->nreg);
    if (k > 0) {
        snprintf(line, sizeof line, T(r, S_MISSING), k);
        ss_buf_fmt(b, "\n%s: ", line);
        for (int i = 0, first = 1; i < r->nreg; i++)
            if (strcmp(r->reg[i].kind, "missing") == 0) {
                ss_buf_fmt(b, "%s`%s`", first ? "" : ", ", r->reg[i].path);
                first = 0;
            }
        ss_buf_str(b, "\n");
    }
    for (int i = 0; i + 1 < r->nmodels; i++) {
        const option_view *o = &r->options[i];
        snprintf(line, sizeof line, T(r, S_REGISTER_CHANGED), r->models[i + 1].letter);
        bool any = false;
        for (int e = 0; e < o->nreg; e++) {
            if (strcmp(o->reg[e].kind, "missing") == 0 || !report_register_differs(r, &o->reg[e]))
                continue;
            if (!any)
                ss_buf_fmt(b, "\n### %s\n\n", line);
            any = true;
            char why[2048];
            report_register_reason(r, &o->reg[e], why, sizeof why);
            ss_buf_fmt(b, "- `%s` = %s (%s: %s)\n", o->reg[e].path, o->reg[e].value, report_kind_word(r, o->reg[e].kind), why);
        }
        if (!any) {
            snprintf(line, sizeof line, T(r, S_REGISTER_SAME), r->models[i + 1].letter, r->models[0].letter);
            ss_buf_fmt(b, "\n%s\n", line);
        }
    }
}

static void md_repro(const ss_report *r, ss_buf *b)
{
    ss_buf_fmt(b, "\n## 6. %s\n\n%s\n\n", T(r, S_REPRO), T(r, S_REPRO_NOTE));
    for (int i = 0; i < r->nmodels; i++) {
        const ss_stored_run *run = &r->models[i].run;
        char title[64], period[300];
        report_model_title(r, i, title, sizeof title);
        snprintf(period, sizeof period, T(r, S_PERIOD_FMT), run->start_date, run->horizon_days, run->warmup_days);
        ss_buf_fmt(b, "- **%s**, %s %" PRId64 ": `%s`; %s %s; %s `%s`; %s `%s`; %s %" PRIu64 "; %s %d; %s %s; %s `%s`\n", title,
               T(r, S_RUN), run->run_id, run->scenario_path, T(r, S_ENGINE), run->engine_version, T(r, S_SCEN_HASH),
               run->scenario_hash, T(r, S_RULES_HASH), run->rules_hash, T(r, S_SEED), run->seed, T(r, S_REPS), run->nreps,
               T(r, S_PERIOD), period, T(r, S_COMMAND), run->command_line);
    }
    if (*r->choice.command_line)
        ss_buf_fmt(b, "\n%s:\n\n    %s\n", T(r, S_COMPARE_CMD), r->choice.command_line);
    ss_buf_fmt(b, "\n%s:\n\n    %s\n", T(r, S_REPORT_CMD), r->command_line);
}

/* Section 1 after the summary, as in the HTML: the question, then the models (md_models). */
static void md_question(const ss_report *r, ss_buf *b)
{
    char q[1200];
    report_question_text(r, q, sizeof q);
    ss_buf_fmt(b, "\n## 1. %s\n\n%s\n\n", T(r, S_QUESTION), q);
}

int ss_report_write_markdown(const ss_report *r, FILE *f)
{
    ss_buf b = {0};
    ss_buf_fmt(&b, "# %s: %s\n\n", T(r, S_TITLE), report_base_model(r)->run.scenario_name);
    ss_buf_fmt(&b, "%s `%s` · samsim %s\n\n", T(r, S_DATABASE), r->db_path, SS_VERSION);
    static void (*const sections[])(const ss_report *, ss_buf *) = {report_md_summary, md_question, md_models, md_changes, md_results,
                                                                     report_calibration_md, report_audit_md, md_charts, md_register,
                                                                     md_repro};
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++)
        sections[i](r, &b);
    return ss_buf_write(&b, f);
}

