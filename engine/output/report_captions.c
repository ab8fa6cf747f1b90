/* report_captions: what to see in each chart, written from the data of this run ("the most people
 * are lost on the way to BUP: 12 in A, 9 in B"), in the report's language, so that a caption says
 * more than the chart's name.  The figures are the comparison's (the same as the tables'). */
#include "report_parts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The comparison row of a metric at a service id ("" for the system) of option opt (-1: the base
 * alone), or NULL when it has none. */
static const ss_compare_row *row_of(const ss_report *r, int opt, const char *metric, const char *service)
{
    const ss_comparison *c = report_results_of(r, opt);
    for (int i = 0; i < c->nrows; i++)
        if (strcmp(c->rows[i].metric, metric) == 0 && strcmp(c->rows[i].subject, service) == 0)
            return &c->rows[i];
    return NULL;
}

/* Model k's mean of a metric, from the rows (the base's from the first option's). */
static double mean_of(const ss_report *r, int k, const char *metric, const char *service)
{
    const ss_compare_row *row = row_of(r, k > 0 ? k - 1 : r->nmodels > 1 ? 0 : -1, metric, service);
    return !row ? NAN : k > 0 ? row->option.mean : row->base.mean;
}

static const char *unit_of(const char *metric, const char *service)
{
    const ss_metric_info *mi = ss_metric_find(*service ? "service" : "system", metric);
    return mi ? mi->unit : "";
}

/* "54,7 (A), 54,4 (B)" (one model: "54,7"). */
static void values_text(const ss_report *r, const char *metric, const char *service, char *buf, size_t n)
{
    *buf = '\0';
    for (int k = 0; k < r->nmodels; k++) {
        char v[64];
        ss_compare_format(v, sizeof v, mean_of(r, k, metric, service), unit_of(metric, service), false);
        report_localise(r, v, sizeof v);
        size_t l = strlen(buf);
        if (r->nmodels == 1)
            snprintf(buf, n, "%s", v);
        else
            snprintf(buf + l, n - l, "%s%s (%s)", k ? ", " : "", v, r->models[k].letter);
    }
}

/* " (B: no clear difference)", each option's judgement against the base; "" for one model. */
static void judgement_text(const ss_report *r, const char *metric, const char *service, char *buf, size_t n)
{
    *buf = '\0';
    for (int o = 0; o + 1 < r->nmodels; o++) {
        const ss_compare_row *row = row_of(r, o, metric, service);
        if (!row) continue;
        size_t l = strlen(buf);
        snprintf(buf + l, n - l, "%s%s: %s", l ? "; " : " (", r->models[o + 1].letter,
                 ss_judgement_word(ss_judge(row), r->opts.lang));
    }
    if (*buf) {
        size_t l = strlen(buf);
        snprintf(buf + l, n - l, ")");
    }
}

void report_wait_caption(const ss_report *r, int s, char *buf, size_t n)
{
    char mean[300], p90[300], j[300];
    values_text(r, "wait_mean", r->svc_id[s], mean, sizeof mean);
    values_text(r, "wait_p90", r->svc_id[s], p90, sizeof p90);
    judgement_text(r, "wait_mean", r->svc_id[s], j, sizeof j);
    if (!row_of(r, r->nmodels > 1 ? 0 : -1, "wait_mean", r->svc_id[s]))
        snprintf(buf, n, "%s", r->svc_name[s]);  /* a service only an option has */
    else
        snprintf(buf, n, T(r, S_CAP_WAIT), r->svc_name[s], mean, j, p90);
}

/* "; still growing at the end in B (+4,1 a month)" for each model whose queue has not settled. */
static void trend_text(const ss_report *r, int s, char *buf, size_t n)
{
    *buf = '\0';
    for (int k = 0; k < r->nmodels; k++) {
        int t = report_service_in(&r->models[k].run, r->svc_id[s]);
        double per_month = t >= 0 && r->models[k].trend ? r->models[k].trend[t] : 0.0;
        if (per_month == 0.0) continue;
        char v[32];
        snprintf(v, sizeof v, "%+.1f", per_month);
        report_localise(r, v, sizeof v);
        size_t l = strlen(buf);
        snprintf(buf + l, n - l, T(r, per_month > 0 ? S_CAP_GROWING : S_CAP_SHRINKING), r->models[k].letter, v);
    }
}

void report_queue_caption(const ss_report *r, int s, char *buf, size_t n)
{
    char mean[300], j[300], trend[300];
    values_text(r, "queue_mean", r->svc_id[s], mean, sizeof mean);
    judgement_text(r, "queue_mean", r->svc_id[s], j, sizeof j);
    trend_text(r, s, trend, sizeof trend);
    if (!row_of(r, r->nmodels > 1 ? 0 : -1, "queue_mean", r->svc_id[s]))
        snprintf(buf, n, "%s", r->svc_name[s]);
    else
        snprintf(buf, n, T(r, S_CAP_QUEUE), r->svc_name[s], mean, j, trend);
}

/* The service whose base value is the weakest on a metric (the highest when lower is better or
 * neither, the lowest when higher is better); -1 when no service has the metric. */
static int weakest_service(const ss_report *r, int metric)
{
    const ss_metric_info *mi = &ss_service_metric_info[metric];
    int best = -1;
    double v = NAN;
    for (int s = 0; s < r->nsvc; s++) {
        double x = mean_of(r, 0, mi->name, r->svc_id[s]);
        if (!isfinite(x)) continue;
        bool weaker = mi->better == SS_BETTER_HIGHER ? x < v : x > v;
        if (best < 0 || weaker) best = s, v = x;
    }
    return best;
}

/* " Beyond noise: PP-tjenesten (B: better)." or " No service differs beyond noise." */
static void beyond_noise(const ss_report *r, const char *metric, char *buf, size_t n)
{
    *buf = '\0';
    if (r->nmodels < 2) return;
    char names[600] = "";
    for (int s = 0; s < r->nsvc; s++) {
        bool any = false;
        for (int o = 0; o + 1 < r->nmodels && !any; o++) {
            const ss_compare_row *row = row_of(r, o, metric, r->svc_id[s]);
            any = row && row->distinguishable;
        }
        if (!any) continue;
        char j[200];
        judgement_text(r, metric, r->svc_id[s], j, sizeof j);
        size_t l = strlen(names);
        snprintf(names + l, sizeof names - l, "%s%s%s", l ? ", " : "", r->svc_name[s], j);
    }
    if (*names) snprintf(buf, n, T(r, S_CAP_BEYOND), names);
    else snprintf(buf, n, "%s", T(r, S_CAP_NONE_BEYOND));
}

/* Caseload and the per-service duties: the weakest service (against the auditors' line when the
 * scenario draws one there) and the services whose figure the models change beyond noise. */
void report_bars_caption(const ss_report *r, int metric, char *buf, size_t n)
{
    const ss_metric_info *mi = &ss_service_metric_info[metric];
    const char *label = ss_metric_label("service", mi->name, r->opts.lang);
    int s = weakest_service(r, metric);
    char values[300], line[300] = "", noise[800];
    if (s < 0) {
        snprintf(buf, n, "%s", label);
        return;
    }
    values_text(r, mi->name, r->svc_id[s], values, sizeof values);
    int c = report_audit_find(r, mi->name, r->svc_id[s]);
    if (c >= 0) {
        char th[96];
        report_audit_threshold(r, c, th, sizeof th);
        bool below = report_audit_verdict(r, 0, c) == SS_AUDIT_NOT_MET;
        snprintf(line, sizeof line, T(r, below ? S_CAP_BELOW_LINE : S_CAP_LINE), th);
    }
    beyond_noise(r, mi->name, noise, sizeof noise);
    string_id what = mi->better == SS_BETTER_NEITHER ? S_CAP_MOST : S_CAP_WEAKEST;
    snprintf(buf, n, T(r, what), label, r->svc_name[s], values, line, noise);
}

/* The flow (of the base) most people take, the service the most are lost on the way to, and the
 * flow the options change most. */
void report_flows_caption(const ss_report *r, char *buf, size_t n)
{
    if (r->nflows == 0) {
        snprintf(buf, n, "%s", T(r, S_FIG_FLOWS));
        return;
    }
    const flow_row *top = &r->flows[0], *moved = NULL;
    double most = 0.0;
    for (int i = 0; i < r->nflows; i++)
        for (int k = 1; k < r->nmodels; k++)
            if (fabs(r->flows[i].mean[k] - r->flows[i].mean[0]) > most)
                most = fabs(r->flows[i].mean[k] - r->flows[i].mean[0]), moved = &r->flows[i];
    char v[64], lost[600], change[600] = "";
    snprintf(v, sizeof v, "%.1f", top->mean[0]);
    report_localise(r, v, sizeof v);
    int s = weakest_service(r, SS_SM_LOST);
    if (s >= 0 && mean_of(r, 0, "lost", r->svc_id[s]) > 0) {
        char values[300];
        values_text(r, "lost", r->svc_id[s], values, sizeof values);
        snprintf(lost, sizeof lost, T(r, S_CAP_LOST), r->svc_name[s], values);
    } else {
        snprintf(lost, sizeof lost, "%s", T(r, S_CAP_NONE_LOST));
    }
    if (moved) {
        char a[32], b[32];
        snprintf(a, sizeof a, "%.1f", moved->mean[0]);
        snprintf(b, sizeof b, "%.1f", moved->mean[1]);
        report_localise(r, a, sizeof a);
        report_localise(r, b, sizeof b);
        snprintf(change, sizeof change, T(r, S_CAP_FLOW_CHANGE), report_flow_end(r, moved->from, true, true),
                 report_flow_end(r, moved->to, false, true), a, r->models[0].letter, b, r->models[1].letter);
    }
    snprintf(buf, n, T(r, S_CAP_FLOWS), report_flow_end(r, top->from, true, true), report_flow_end(r, top->to, false, true),
             v, r->models[0].letter, lost, change);
}

/* "A and B", "A, B and C", "A": the models whose verdict on criterion i is v; false for none. */
static bool models_with(const ss_report *r, int i, ss_audit_verdict v, char *buf, size_t n)
{
    int which[SS_REPORT_MAX_RUNS], count = 0;
    for (int k = 0; k < r->nmodels; k++)
        if (report_audit_verdict(r, k, i) == v) which[count++] = k;
    *buf = '\0';
    for (int j = 0; j < count; j++) {
        size_t l = strlen(buf);
        snprintf(buf + l, n - l, "%s%s", j == 0 ? "" : j + 1 == count ? T(r, S_CAP_AND) : ", ", r->models[which[j]].letter);
    }
    return count > 0;
}

/* Each system-wide duty the auditors drew a line for: below it, straddling it, or above it. */
void report_duties_caption(const ss_report *r, char *buf, size_t n)
{
    char below[600] = "", unclear[600] = "", which[600] = "";
    int lines = 0;
    for (int m = 0; m < SS_SYSTEM_METRICS; m++) {
        const ss_metric_info *mi = &ss_system_metric_info[m];
        int i = strcmp(mi->unit, "share") == 0 ? report_audit_find(r, mi->name, "") : -1;
        if (i < 0) continue;
        lines++;
        char th[96], who[64], one[300];
        report_audit_threshold(r, i, th, sizeof th);
        const char *label = ss_metric_label("system", mi->name, r->opts.lang);
        size_t w = strlen(which);
        snprintf(which + w, sizeof which - w, "%s%s (%s)", w ? "; " : "", label, th);
        if (models_with(r, i, SS_AUDIT_NOT_MET, who, sizeof who)) {
            snprintf(one, sizeof one, T(r, S_CAP_DUTY), label, th, who);
            size_t l = strlen(below);
            snprintf(below + l, sizeof below - l, "%s%s", l ? "; " : "", one);
        }
        if (models_with(r, i, SS_AUDIT_UNCLEAR, who, sizeof who)) {
            snprintf(one, sizeof one, T(r, S_CAP_DUTY), label, th, who);
            size_t l = strlen(unclear);
            snprintf(unclear + l, sizeof unclear - l, "%s%s", l ? "; " : "", one);
        }
    }
    if (lines == 0) {
        snprintf(buf, n, "%s", T(r, S_CAP_NO_LINES));
        return;
    }
    snprintf(buf, n, T(r, S_CAP_LINES), which);
    size_t l = strlen(buf);
    if (*below) snprintf(buf + l, n - l, T(r, S_CAP_BELOW), below);
    else snprintf(buf + l, n - l, "%s", T(r, S_CAP_NONE_BELOW));
    l = strlen(buf);
    if (*unclear) snprintf(buf + l, n - l, T(r, S_CAP_STRADDLE), unclear);
}
