/* robust: a comparison run over the plausible assumptions (see robust.h). */
#include "robust.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "assumptions.h"
#include "compare.h"
#include "discovery.h"
#include "gsa.h"
#include "points.h"
#include "sbuf.h"
#include "scenario.h"
#include "sim.h"
#include "study.h"
#include "xalloc.h"

/* ---- the numbers varied and the rows compared ------------------------------------------------ */

static ss_robust_param *find_param(ss_robust_result *r, const char *path)
{
    for (int i = 0; i < r->nparams; i++)
        if (strcmp(r->params[i].path, path) == 0) return &r->params[i];
    return NULL;
}

/* The numbers the models set (the REPL's set PATH=VALUE): a planner's set number is a choice, so
 * it keeps its value in the model that sets it — loading a model with a set drops that number's
 * range, so it is never among the numbers sampled there — and the verdict says so. */
static void note_sets(ss_robust_result *r, const ss_robust_model *m, bool option)
{
    for (int i = 0; i < m->nsets; i++) {
        ss_robust_fixed *f = NULL;
        for (int k = 0; k < r->nfixed && !f; k++)
            if (strcmp(r->fixed[k].set, m->sets[i]) == 0) f = &r->fixed[k];
        if (!f) {
            r->fixed = xreallocarray(r->fixed, (size_t)r->nfixed + 1, sizeof *r->fixed);
            f = memset(&r->fixed[r->nfixed++], 0, sizeof *r->fixed);
            snprintf(f->set, sizeof f->set, "%s", m->sets[i]);
        }
        if (option) f->in_option = true;
        else f->in_base = true;
    }
}

/* The ranged numbers of both models joined by key path: the base's in its order, then the
 * option's own. */
static void join_ranged(ss_robust_result *r, const ss_scenario *base, const ss_scenario *option)
{
    ss_ranged *a = NULL, *b = NULL;
    int na = ss_scenario_ranged(base, &a), nb = ss_scenario_ranged(option, &b);
    r->params = xcalloc((size_t)(na + nb + 1), sizeof *r->params);
    for (int i = 0; i < na; i++) {
        ss_robust_param *p = &r->params[r->nparams++];
        snprintf(p->path, sizeof p->path, "%s", a[i].path);
        p->in_base = true;
        p->base = a[i];
    }
    for (int i = 0; i < nb; i++) {
        ss_robust_param *p = find_param(r, b[i].path);
        if (!p) {
            p = &r->params[r->nparams++];
            snprintf(p->path, sizeof p->path, "%s", b[i].path);
        }
        p->in_option = true;
        p->option = b[i];
    }
    free(a);
    free(b);
}

/* The ensemble's numbers, each set in both models; their ranges where the models declare them. */
static void ensemble_params(ss_robust_result *r, const ss_robust_ensemble *e, const ss_scenario *base,
                            const ss_scenario *option)
{
    ss_robust_result all = {0};
    join_ranged(&all, base, option);
    r->params = xcalloc((size_t)e->nparams + 1, sizeof *r->params);
    for (int i = 0; i < e->nparams; i++) {
        const ss_robust_param *q = find_param(&all, e->paths[i]);
        ss_robust_param *p = &r->params[r->nparams++];
        if (q) {
            *p = *q;
        } else {   /* a number without a range: the ensemble's values are all there is */
            snprintf(p->path, sizeof p->path, "%s", e->paths[i]);
            p->option = (ss_ranged){.value = NAN};
            snprintf(p->option.path, sizeof p->option.path, "%s", e->paths[i]);
            snprintf(p->option.kind, sizeof p->option.kind, "ensemble");
        }
        p->in_base = p->in_option = true;   /* set in both models */
    }
    ss_robust_result_free(&all);
}

/* The rows ss_compare makes for these models: each metric of each base service the option also
 * has (by id), then the system's. */
static void layout_rows(ss_robust_result *r, const ss_model *base, const ss_model *option)
{
    r->rows = xcalloc((size_t)base->nservices * SS_SERVICE_METRICS + SS_SYSTEM_METRICS, sizeof *r->rows);
    for (int s = 0; s < base->nservices; s++) {
        if (ss_model_service_index(option, base->services[s].id) < 0) continue;
        for (int m = 0; m < SS_SERVICE_METRICS; m++) {
            ss_robust_row *row = &r->rows[r->nrows++];
            row->scope = "service";
            snprintf(row->subject, sizeof row->subject, "%s", base->services[s].id);
            row->metric = ss_service_metric_info[m].name;
        }
    }
    for (int m = 0; m < SS_SYSTEM_METRICS; m++) {
        ss_robust_row *row = &r->rows[r->nrows++];
        row->scope = "system";
        row->metric = ss_system_metric_info[m].name;
    }
}

/* What identifies a study's samples: both models as resolved, their rules, and every option that
 * changes a sample (not -j, --db or the output format). */
static void study_key(const ss_robust_opts *o, const ss_scenario *base, const ss_scenario *option, char key[65])
{
    ss_buf b = {0};
    ss_buf_fmt(&b, "samsim compare --robust 1\nbase %s %s\noption %s %s\nsamples %d\nreps %d\nseed %llu\nensemble %s\n",
               ss_scenario_hash(base), ss_scenario_rules_hash(base), ss_scenario_hash(option),
               ss_scenario_rules_hash(option), o->ensemble ? 0 : o->samples, o->reps, (unsigned long long)o->seed,
               o->ensemble ? o->ensemble->hash : "-");
    ss_sha256_hex(b.s, b.n, key);
    free(b.s);
}

static ss_scenario *load_model(const ss_robust_opts *o, const ss_robust_model *m, ss_diag *d)
{
    (void)o;
    ss_scenario_opts so = {.overlays = m->overlays, .noverlays = m->noverlays, .sets = m->sets, .nsets = m->nsets};
    return ss_scenario_load(m->file, &so, d);
}

/* The numbers varied: every ranged number of either model, or the ensemble's; none is an error. */
static int numbers_varied(const ss_robust_opts *o, const ss_scenario *base, const ss_scenario *option,
                          ss_robust_result *r, ss_diag *d)
{
    if (o->ensemble) ensemble_params(r, o->ensemble, base, option);
    else join_ranged(r, base, option);
    note_sets(r, &o->base, false);
    note_sets(r, &o->option, true);
    if (r->nparams > 0) return 0;
    return ss_fail(d, "%s: no number has a range in either model, so there are no plausible assumptions to vary "
                   "(give assumptions a range: assume(0.45, \"why\", {0.40, 0.50}))", o->base.file);
}

int ss_robust_check(const ss_robust_opts *o, const ss_scenario *base, const ss_scenario *option, ss_diag *d)
{
    ss_robust_result r = {0};
    int rc = numbers_varied(o, base, option, &r, d);
    ss_robust_result_free(&r);
    return rc;
}

static int read_models(const ss_robust_opts *o, ss_robust_result *r, ss_diag *d)
{
    ss_scenario *base = load_model(o, &o->base, d);
    ss_scenario *option = base ? load_model(o, &o->option, d) : NULL;
    if (!option) {
        if (base) ss_wrap(d, "the option");
        ss_scenario_free(base);
        return -1;
    }
    int rc = numbers_varied(o, base, option, r, d);
    layout_rows(r, ss_scenario_model(base), ss_scenario_model(option));
    study_key(o, base, option, r->study_key);
    ss_scenario_free(option);
    ss_scenario_free(base);
    return rc;
}

/* ---- the samples ------------------------------------------------------------------------------ */

typedef struct samples {
    const ss_robust_opts *o;
    ss_robust_result *res;
    double *base_values, *option_values;   /* [npoints][nparams]; NaN where the model lacks the number */
    double *y;                             /* [npoints][nrows][SS_ROBUST_OUTPUTS], once evaluated */
} samples;

/* Each model's value of each number at each point: from the design's u through the model's own
 * range, or the ensemble's value in both. */
static void design_points(samples *s)
{
    ss_robust_result *r = s->res;
    const ss_robust_opts *o = s->o;
    int k = r->nparams;
    r->npoints = o->ensemble ? o->ensemble->npoints : o->samples;
    size_t n = (size_t)r->npoints * (size_t)k;
    r->values = xmalloc(sizeof *r->values * (n ? n : 1));
    s->base_values = xmalloc(sizeof *s->base_values * (n ? n : 1));
    s->option_values = xmalloc(sizeof *s->option_values * (n ? n : 1));
    double *u = NULL;
    if (o->ensemble) r->design = "ensemble";
    else r->design = ss_space_filling_design(k, (int)r->npoints, o->seed, u = xmalloc(sizeof *u * n));
    for (size_t i = 0; i < n; i++) {
        const ss_robust_param *p = &r->params[i % (size_t)k];
        if (o->ensemble) {
            r->values[i] = s->base_values[i] = s->option_values[i] = o->ensemble->values[i];
            continue;
        }
        s->base_values[i] = p->in_base ? ss_ranged_at(&p->base, u[i]) : NAN;
        s->option_values[i] = p->in_option ? ss_ranged_at(&p->option, u[i]) : NAN;
        r->values[i] = p->in_option ? s->option_values[i] : s->base_values[i];
    }
    free(u);
}

/* A model at point p: the numbers it has set to their values there. */
static ss_scenario *load_at(const samples *s, const ss_robust_model *m, const double *values, long p, ss_diag *d)
{
    const ss_robust_result *r = s->res;
    const char **paths = xmalloc(sizeof *paths * (size_t)r->nparams);
    double *v = xmalloc(sizeof *v * (size_t)r->nparams);
    int n = 0;
    for (int j = 0; j < r->nparams; j++) {
        double x = values[p * r->nparams + j];
        if (isnan(x)) continue;
        paths[n] = r->params[j].path;
        v[n++] = x;
    }
    ss_scenario_opts so = {.overlays = m->overlays, .noverlays = m->noverlays, .sets = m->sets, .nsets = m->nsets};
    ss_scenario *sc = ss_scenario_load_at(m->file, &so, paths, v, n, d);
    free(v);
    free(paths);
    return sc;
}

/* reps replications of sc into a study that ss_compare can pair. */
static int run_model(const samples *s, const ss_scenario *sc, ss_study *st, const ss_stop_flag *stop, ss_diag *d)
{
    ss_study_init(st, sc, s->o->seed, s->o->reps, "");
    ss_sim *sim = ss_sim_new(ss_scenario_model(sc), d);
    if (!sim) return -1;
    ss_sim_set_interrupt(sim, stop);
    st->reps = xcalloc((size_t)s->o->reps, sizeof *st->reps);
    int rc = 0, done = 0;
    while (done < s->o->reps && (rc = ss_sim_run(sim, s->o->seed, done, &st->reps[done], d)) >= 0) done++;
    st->nreps = done;   /* ss_study_fini frees the whole replications */
    ss_sim_free(sim);
    return rc < 0 ? -1 : 0;
}

static void keep_outputs(const samples *s, double *y, const ss_comparison *c)
{
    const ss_robust_result *r = s->res;
    for (int i = 0; i < r->nrows; i++) {
        const ss_estimate *e = &c->rows[i].diff;
        y[i * SS_ROBUST_OUTPUTS] = e->mean;
        y[i * SS_ROBUST_OUTPUTS + 1] = e->ci_low;
        y[i * SS_ROBUST_OUTPUTS + 2] = e->ci_high;
    }
}

/* On a worker: both models at the job's sample, paired. */
static int run_sample(void *ctx, long p, double *y, const ss_stop_flag *stop, ss_diag *d)
{
    const samples *s = ctx;
    ss_study a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    ss_scenario *base = load_at(s, &s->o->base, s->base_values, p, d);
    ss_scenario *option = base ? load_at(s, &s->o->option, s->option_values, p, d) : NULL;
    int rc = option ? 0 : -1;
    if (rc == 0) rc = run_model(s, base, &a, stop, d);
    if (rc == 0) rc = run_model(s, option, &b, stop, d);
    ss_comparison c = {0};
    if (rc == 0) rc = ss_compare(&a, &b, 0.95, &c, d);
    if (rc == 0 && c.nrows != s->res->nrows)
        rc = ss_fail(d, "the models compare on %d results here and on %d at their own values", c.nrows, s->res->nrows);
    if (rc == 0) keep_outputs(s, y, &c);
    ss_comparison_free(&c);
    ss_study_fini(&a);
    ss_study_fini(&b);
    ss_scenario_free(option);
    ss_scenario_free(base);
    return rc;
}

/* The samples not stored already (and, sharded, this shard's only), on the worker pool; a failing
 * one is named "sample 12 of 64 (services.fph.case_share=0.43, ...)". */
static int evaluate(samples *s, ss_diag *d)
{
    const ss_robust_opts *o = s->o;
    ss_robust_result *r = s->res;
    const char **paths = xmalloc(sizeof *paths * (size_t)(r->nparams ? r->nparams : 1));
    for (int j = 0; j < r->nparams; j++) paths[j] = r->params[j].path;
    char of[32];
    snprintf(of, sizeof of, "%ld", r->npoints);
    ss_points_job job = {.npoints = r->npoints, .noutputs = r->nrows * SS_ROBUST_OUTPUTS, .how = &o->run, .ctx = s,
                         .part = {0, "samples"}, .run = run_sample,
                         .what = "sample", .of = of, .paths = paths, .values = r->values, .nvalues = r->nparams};
    ss_points_done done;
    int rc = ss_points_run(&job, &done, d);
    free(paths);
    s->y = done.y;
    r->points_stored = done.nstored;
    r->waiting = done.nmissing > 0;
    return rc;
}

/* ---- what the samples say, per row --------------------------------------------------------------- */

/* The judgement at one sample, by the same rule as the nominal comparison's (verdict.h). */
static ss_judgement judge_at(const ss_robust_row *row, const double *y)
{
    ss_compare_row c = {.scope = row->scope, .metric = row->metric};
    c.diff = (ss_estimate){.mean = y[0], .ci_low = y[1], .ci_high = y[2]};
    c.distinguishable = isfinite(y[1]) && isfinite(y[2]) && (y[1] > 0 || y[2] < 0);
    return ss_judge(&c);
}

/* Whether the difference y points the better way (a metric better neither way: up). */
static bool points_better(const ss_robust_row *row, double y)
{
    return ss_metric_find(row->scope, row->metric)->better == SS_BETTER_LOWER ? y < 0 : y > 0;
}

/* Which numbers decide the sign of the difference (core/discovery.h), into row->decided: the
 * outcome at a sample is whether the difference points the better way. */
static void discover(const samples *s, ss_robust_row *row, const double *diff, const long *where, int n)
{
    const ss_robust_result *r = s->res;
    int k = r->nparams;
    bool *yes = xmalloc(sizeof *yes * (size_t)(n ? n : 1));
    double *x = xmalloc(sizeof *x * (size_t)(n ? n : 1) * (size_t)k);
    for (int i = 0; i < n; i++) {
        yes[i] = points_better(row, diff[i]);
        memcpy(x + (size_t)i * k, r->values + where[i] * k, sizeof *x * (size_t)k);
    }
    row->ndecided = ss_discover_splits(n, k, x, yes, s->o->seed, SS_ROBUST_MAX_DECIDERS, row->decided);
    free(x);
    free(yes);
}

static void summarise_row(const samples *s, int i)
{
    const ss_robust_result *r = s->res;
    ss_robust_row *row = &r->rows[i];
    double *diff = xmalloc(sizeof *diff * (size_t)r->npoints), *sorted = xmalloc(sizeof *sorted * (size_t)r->npoints);
    long *where = xmalloc(sizeof *where * (size_t)r->npoints);
    int n = 0, better = 0, worse = 0;
    for (long p = 0; p < r->npoints; p++) {
        const double *y = s->y + ((size_t)p * (size_t)r->nrows + (size_t)i) * SS_ROBUST_OUTPUTS;
        if (!isfinite(y[0])) continue;
        ss_judgement j = judge_at(row, y);
        better += j == SS_JUDGED_BETTER || j == SS_JUDGED_HIGHER;
        worse += j == SS_JUDGED_WORSE || j == SS_JUDGED_LOWER;
        where[n] = p;
        diff[n++] = y[0];
    }
    row->samples = n;
    row->share_better = n ? (double)better / n : NAN;
    row->share_worse = n ? (double)worse / n : NAN;
    row->share_unclear = n ? (double)(n - better - worse) / n : NAN;
    memcpy(sorted, diff, sizeof *diff * (size_t)n);
    gsl_sort(sorted, 1, (size_t)n);
    row->diff_p05 = n ? gsl_stats_quantile_from_sorted_data(sorted, 1, (size_t)n, 0.05) : NAN;
    row->diff_p50 = n ? gsl_stats_quantile_from_sorted_data(sorted, 1, (size_t)n, 0.50) : NAN;
    row->diff_p95 = n ? gsl_stats_quantile_from_sorted_data(sorted, 1, (size_t)n, 0.95) : NAN;
    discover(s, row, diff, where, n);
    free(where);
    free(sorted);
    free(diff);
}

/* ---- the study ------------------------------------------------------------------------------------ */

int ss_robust_run(const ss_robust_opts *o, ss_robust_result *out, ss_diag *d)
{
    memset(out, 0, sizeof *out);
    if (o->reps < 2)
        return ss_fail(d, "a robust comparison needs at least 2 replications per sample for a paired interval, got %d",
                       o->reps);
    if (!o->ensemble && o->samples < 1)
        return ss_fail(d, "a robust comparison needs at least 1 sample, got %d", o->samples);
    if (o->ensemble && o->ensemble->npoints < 1)
        return ss_fail(d, "the ensemble holds no parameter set");
    if (read_models(o, out, d) < 0) return -1;
    if (o->run.nshards && !o->run.hooks.stored)
        return ss_fail(d, "--shard: a shard keeps its samples in a file (--db) for samsim merge");
    samples s = {.o = o, .res = out};
    design_points(&s);
    int rc = ss_points_started(&o->run, out, d);
    if (rc == 0) rc = evaluate(&s, d);
    for (int i = 0; rc == 0 && !out->waiting && i < out->nrows; i++) summarise_row(&s, i);
    free(s.y);
    free(s.base_values);
    free(s.option_values);
    return rc;
}

bool ss_robust_directed(const ss_robust_row *row)
{
    ss_better b = ss_metric_find(row->scope, row->metric)->better;
    return b == SS_BETTER_LOWER || b == SS_BETTER_HIGHER;
}

double ss_robust_holds(const ss_robust_row *row, ss_judgement j)
{
    switch (j) {
    case SS_JUDGED_SAME: return row->share_unclear;
    case SS_JUDGED_BETTER:
    case SS_JUDGED_HIGHER: return row->share_better;
    case SS_JUDGED_WORSE:
    case SS_JUDGED_LOWER: return row->share_worse;
    case SS_JUDGED_UNKNOWN: break;
    }
    return NAN;
}
