/* report: from a results database to a reviewer's report (see report.h).
 *
 * Everything comes from the .db file, read through the store (read.h): the runs, their
 * per-replication metrics, series, flows and wait histograms, and the resolved scenario text
 * each run stored.  The resolved text is read back in the Lua sandbox (report_scenario.c), never
 * by loading scenario files, so a report can be rebuilt on a machine that has only the database.
 * Charts are drawn by gnuplot (plot.c); the writers are report_html.c and report_md.c. */
#include "report_parts.h"
#include "trend_text.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "robust_text.h"
#include "store.h"
#include "xalloc.h"

/* ==== building the report ================================================================================ */

static void model_label(ss_report *r, int i)
{
    model *m = &r->models[i];
    snprintf(m->letter, sizeof m->letter, "%c", 'A' + i);
    const char *given = r->choice.models[i];
    snprintf(m->label, sizeof m->label, "%s", *given ? given : *m->run.scenario_path ? m->run.scenario_path : m->run.scenario_name);
}

/* An option may open a service the base lacks (an intake team, a family centre): charts and flows
 * cover the union, in the base's order first. */
static int collect_services(ss_report *r, ss_diag *d)
{
    int cap = 1;
    for (int m = 0; m < r->nmodels; m++)
        cap += r->models[m].run.nservices;
    r->svc_id = xcalloc(cap, sizeof *r->svc_id);
    r->svc_name = xcalloc(cap, sizeof *r->svc_name);
    for (int m = 0; m < r->nmodels; m++) {
        const ss_stored_run *run = &r->models[m].run;
        for (int s = 0; s < run->nservices; s++) {
            int k = 0;
            while (k < r->nsvc && strcmp(r->svc_id[k], run->ids[s]) != 0)
                k++;
            if (k == r->nsvc) {
                r->svc_id[r->nsvc] = run->ids[s];
                r->svc_name[r->nsvc++] = report_service_name(run, s);
            }
        }
    }
    return 0;
}

/* Queues still trending in any model (trend.h), as sentences for the results section. */
static void collect_trend_warnings(ss_report *r)
{
    ss_buf b = {0};
    for (int i = 0; i < r->nmodels; i++) {
        const ss_stored_run *run = &r->models[i].run;
        ss_summary sum;
        if (ss_summary_build(&sum, run->reps, run->nreps, run->nservices, 0.95) < 0)
            continue;
        char w[512], line[1024];
        ss_trend_note t;
        r->models[i].trend = xcalloc(run->nservices ? run->nservices : 1, sizeof *r->models[i].trend);
        for (int s = 0; s < run->nservices; s++)
            if (ss_trend_warning(&sum, &r->models[i].study.info, s, &t)) {
                r->models[i].trend[s] = t.per_month;
                ss_trend_sentence(w, sizeof w, &t, r->opts.lang);
                snprintf(line, sizeof line, T(r, S_NO_STEADY_STATE), r->models[i].letter, w);
                ss_buf_fmt(&b, "%s\n", line);
            }
        ss_summary_free(&sum);
    }
    r->trend_warnings = xstrdup(ss_buf_text(&b));
    ss_buf_free(&b);
}

static int load_models(ss_report *r, ss_results_db *db, ss_diag *d)
{
    r->models = xcalloc(r->choice.n, sizeof *r->models);
    for (int i = 0; i < r->choice.n; i++) {
        if (ss_stored_run_load(db, r->choice.run_ids[i], SS_LOAD_ALL, &r->models[i].run, d) < 0)
            return -1;
        ss_compare_view_stored(&r->models[i].study, &r->models[i].run);
        r->nmodels++;
        model_label(r, i);
        ss_diag ignored;  /* an unreadable text only leaves the model unnamed in the verdict */
        model *m = &r->models[i];
        m->about_read = m->run.resolved && ss_model_about_read(m->run.resolved, m->label, &m->about, &ignored) == 0;
    }
    collect_trend_warnings(r);
    return collect_services(r, d);
}

static int compare_options(ss_report *r, ss_diag *d)
{
    const model *base = report_base_model(r);
    if (ss_compare(&base->study, &base->study, 0.95, &r->self, d) < 0)
        return -1;
    r->options = xcalloc(r->nmodels > 1 ? r->nmodels - 1 : 1, sizeof *r->options);
    for (int i = 1; i < r->nmodels; i++) {
        option_view *o = &r->options[i - 1];
        const model *m = &r->models[i];
        if (ss_compare(&base->study, &m->study, 0.95, &o->cmp, d) < 0) {
            ss_wrap(d, "runs %" PRId64 " (%s) and %" PRId64 " (%s)", base->run.run_id, base->letter, m->run.run_id, m->letter);
            size_t l = strlen(d->msg);
            snprintf(d->msg + l, sizeof d->msg - l, "; choose runs made with the same seed and replications with --runs");
            return -1;
        }
        ss_verdict_build(&o->cmp, base->about_read ? &base->about : NULL, m->about_read ? &m->about : NULL, &o->verdict);
        if (ss_scenario_diff(base->run.resolved, m->run.resolved, &o->changes, &o->nchanges, d) < 0 ||
            ss_scenario_register(m->run.resolved, &o->reg, &o->nreg, d) < 0)
            return ss_wrap(d, "run %" PRId64, m->run.run_id);
    }
    return 0;
}

/* A robust comparison stored with the comparison the runs were chosen by (samsim compare --robust
 * --db): the verdict then says how often each judgement holds. */
static int read_robustness(ss_report *r, ss_diag *d)
{
    if (!r->choice.comparison_id) return 0;
    ss_store *st = ss_store_open_readonly(r->db_path, d);
    if (!st) return -1;
    int rc = 0;
    for (int i = 1; rc >= 0 && i < r->nmodels; i++) {
        option_view *o = &r->options[i - 1];
        rc = ss_store_robust_load(st, r->choice.comparison_id, r->models[i].run.run_id, &o->robust, d);
        if (rc <= 0) continue;
        o->verdict.robust = &o->robust;  /* the summary's verdict table gives each measure's robustness */
    }
    ss_store_close(st);
    return rc < 0 ? -1 : 0;
}

/* The names of every model's doors and organisation's parts; a text that cannot be read only
 * leaves its ids as they are. */
static void read_part_names(ss_report *r)
{
    for (int i = 0; i < r->nmodels; i++) {
        ss_named_part *p;
        int n;
        ss_diag ignored;
        if (!r->models[i].run.resolved || ss_scenario_names(r->models[i].run.resolved, &p, &n, &ignored) < 0)
            continue;
        r->names = xreallocarray(r->names, (size_t)(r->nnames + n + 1), sizeof *r->names);
        memcpy(r->names + r->nnames, p, (size_t)n * sizeof *p);
        r->nnames += n;
        free(p);
    }
}

static void draw_charts(ss_report *r)
{
    plotter p;
    if (ss_plotter_init(&p, r->opts.gnuplot, r->opts.lang == SS_LANG_NB) == 0) {
        report_chart_waits(r, &p);
        report_chart_queues(r, &p);
        report_bars_chart(r, &p, FIG_CASELOAD, SS_SM_CASELOAD_PER_FTE, 1.0, T(r, S_AX_CASELOAD_Y));
        report_chart_flows(r, &p);
        report_chart_compliance(r, &p);
    }
    if (p.missing)
        snprintf(r->no_charts, sizeof r->no_charts, "%s", p.why);
    ss_plotter_fini(&p);
}

ss_report *ss_report_build(ss_results_db *db, const ss_run_choice *c, const ss_report_opts *o, ss_diag *d)
{
    ss_report *r = xcalloc(1, sizeof *r);
    r->opts = *o;
    r->choice = *c;
    snprintf(r->db_path, sizeof r->db_path, "%s", ss_results_db_path(db));
    snprintf(r->command_line, sizeof r->command_line, "%s", o->command_line ? o->command_line : "");
    r->opts.command_line = r->command_line;
    if (c->n < 1 || load_models(r, db, d) < 0 || compare_options(r, d) < 0 || read_robustness(r, d) < 0 ||
        ss_scenario_register(report_base_model(r)->run.resolved, &r->reg, &r->nreg, d) < 0) {
        if (c->n < 1)
            ss_fail(d, "no runs chosen");
        ss_report_free(r);
        return NULL;
    }
    if (report_audit_build(r, d) < 0 || report_calibration_build(r, d) < 0) {
        ss_report_free(r);
        return NULL;
    }
    read_part_names(r);
    report_collect_flows(r);
    draw_charts(r);
    return r;
}

void ss_report_free(ss_report *r)
{
    if (!r)
        return;
    for (int i = 0; r->options && i < r->nmodels - 1; i++) {
        ss_verdict_free(&r->options[i].verdict);
        ss_robust_result_free(&r->options[i].robust);
        ss_comparison_free(&r->options[i].cmp);
        ss_scenario_changes_free(r->options[i].changes, r->options[i].nchanges);
        ss_register_free(r->options[i].reg, r->options[i].nreg);
    }
    free(r->options);
    for (int i = 0; i < r->nmodels; i++) {
        ss_model_about_free(&r->models[i].about);
        free(r->models[i].trend);
        ss_stored_run_free(&r->models[i].run);
    }
    free(r->models);
    ss_comparison_free(&r->self);
    ss_free_all(r->svc_id, r->svc_name, r->trend_warnings);
    ss_register_free(r->reg, r->nreg);
    ss_named_parts_free(r->names, r->nnames);
    report_audit_free(r);
    report_calibration_free(r);
    for (int i = 0; i < r->nflows; i++)
        free(r->flows[i].mean);
    free(r->flows);
    for (int i = 0; i < r->ncharts; i++)
        free(r->charts[i].svg);
    free(r->charts);
    free(r);
}

int ss_report_charts(const ss_report *r, const char **why_not)
{
    int n = 0;
    *why_not = r->no_charts;
    for (int i = 0; i < r->ncharts; i++) {
        n += r->charts[i].svg != NULL;
        if (!r->charts[i].svg && !**why_not)
            *why_not = r->charts[i].why;  /* the first failure speaks for the rest */
    }
    return n;
}

