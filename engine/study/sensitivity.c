/* sensitivity: Morris screening and Sobol indices of a scenario's ranged numbers (see
 * sensitivity.h). */
#include "sensitivity.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assumptions.h"
#include "near.h"
#include "points.h"
#include "results.h"
#include "sbuf.h"
#include "scenario.h"
#include "sim.h"
#include "xalloc.h"

/* ---- metrics -------------------------------------------------------------------------------- */

/* The index of a metric's row in its table, through the one lookup (ss_metric_find); -1 when
 * there is none. */
static int find_metric(const char *scope, const ss_metric_info *table, const char *name)
{
    const ss_metric_info *info = ss_metric_find(scope, name);
    return info ? (int)(info - table) : -1;
}

static int unknown_metric(const ss_metric_info *info, int n, const char *spec, const char *name, ss_diag *d)
{
    const char *names[SS_SERVICE_METRICS + SS_SYSTEM_METRICS];
    for (int i = 0; i < n; i++) names[i] = info[i].name;
    char near[512];
    if (ss_near_names(name, names, n, near, sizeof near))
        return ss_fail(d, "--metric %s: unknown metric '%s' (did you mean %s?)", spec, name, near);
    return ss_fail(d, "--metric %s: unknown metric '%s' (a system metric such as first_help_mean, or "
                   "SERVICE.METRIC such as fph.wait_mean; `samsim schema` lists them)", spec, name);
}

int ss_sens_metric_parse(const ss_model *m, const char *spec, ss_sens_metric *out, ss_diag *d)
{
    memset(out, 0, sizeof *out);
    snprintf(out->name, sizeof out->name, "%s", spec);
    const char *dot = strchr(spec, '.');
    if (!dot) {
        out->service = -1;
        out->index = find_metric("system", ss_system_metric_info, spec);
        return out->index >= 0 ? 0 : unknown_metric(ss_system_metric_info, SS_SYSTEM_METRICS, spec, spec, d);
    }
    char id[160];
    snprintf(id, sizeof id, "%.*s", (int)(dot - spec), spec);
    out->service = ss_model_service_index(m, id);
    if (out->service < 0)
        return ss_fail(d, "--metric %s: the scenario has no service '%.*s'", spec, (int)(dot - spec), spec);
    out->index = find_metric("service", ss_service_metric_info, dot + 1);
    return out->index >= 0 ? 0 : unknown_metric(ss_service_metric_info, SS_SERVICE_METRICS, spec, dot + 1, d);
}

static double metric_value(const ss_sens_metric *mt, ss_rep_result *r)
{
    return mt->service < 0 ? r->system[mt->index] : ss_rep_service(r, mt->service)[mt->index];
}

const char *ss_sens_method_name(int methods)
{
    return methods == (SS_SENS_MORRIS | SS_SENS_SOBOL) ? "morris+sobol" : methods == SS_SENS_SOBOL ? "sobol" : "morris";
}

/* ---- evaluating points ---------------------------------------------------------------------- */

/* One stage's points: x[p nvaried + j] in [0, 1] for the varied number varied[j]. */
typedef struct stage {
    const ss_sens_opts *o;
    const ss_sens_result *res;
    int method;                    /* SS_SENS_MORRIS, SS_SENS_SOBOL */
    const char *name;              /* "morris", "sobol" */
    const int *varied;
    int nvaried;
    const double *x;
    long npoints;
    const char **paths;            /* [nvaried] and */
    double *values;                /* [npoints][nvaried]: the varied numbers, while evaluate runs */
    double *y;                     /* [npoints][nmetrics], once evaluated */
} stage;

static ss_scenario *load_point(const stage *st, long p, ss_diag *d)
{
    return ss_scenario_load_at(st->o->scenario, &st->o->load, st->paths, st->values + p * st->nvaried, st->nvaried, d);
}

/* The replications of one point, its metrics averaged over them (a replication where a metric is
 * undefined, such as a wait where nobody was seen, is left out of that metric's mean). */
static int run_reps(const stage *st, ss_sim *sim, double *y, const ss_stop_flag *stop, ss_diag *d)
{
    int nm = st->res->nmetrics;
    double *sum = xcalloc((size_t)nm, sizeof *sum);
    int *count = xcalloc((size_t)nm, sizeof *count);
    int rc = 0;
    ss_sim_set_interrupt(sim, stop);
    for (int rep = 0; rep < st->o->reps && rc == 0; rep++) {
        ss_rep_result r;
        if ((rc = ss_sim_run(sim, st->o->seed, rep, &r, d)) < 0) break;
        for (int m = 0; m < nm; m++) {
            double v = metric_value(&st->res->metrics[m], &r);
            if (isfinite(v)) { sum[m] += v; count[m]++; }
        }
        ss_rep_result_free(&r);
    }
    for (int m = 0; rc == 0 && m < nm; m++) {
        if (!count[m])
            rc = ss_fail(d, "the metric %s is undefined in every replication (e.g. a wait where nobody was seen)",
                         st->res->metrics[m].name);
        y[m] = count[m] ? sum[m] / count[m] : NAN;
    }
    free(sum);
    free(count);
    return rc;
}

/* On a worker (ss_points_job.run): load point p and run its replications. */
static int run_point(void *ctx, long p, double *y, const ss_stop_flag *stop, ss_diag *d)
{
    const stage *st = ctx;
    ss_scenario *sc = load_point(st, p, d);
    ss_sim *sim = sc ? ss_sim_new(ss_scenario_model(sc), d) : NULL;
    int rc = sim ? run_reps(st, sim, y, stop, d) : -1;
    ss_sim_free(sim);
    ss_scenario_free(sc);
    return rc;
}

/* The stage's varied numbers at each point: x through each number's range. */
static void stage_values(stage *st)
{
    int k = st->nvaried;
    st->paths = xmalloc(sizeof *st->paths * (size_t)(k ? k : 1));
    st->values = xmalloc(sizeof *st->values * (size_t)(st->npoints * k + 1));
    for (int j = 0; j < k; j++) st->paths[j] = st->res->params[st->varied[j]].r.path;
    for (long i = 0; i < st->npoints * k; i++)
        st->values[i] = ss_ranged_at(&st->res->params[st->varied[i % k]].r, st->x[i]);
}

/* Run the stage's points not stored already (this shard's); waiting when other shards' are
 * missing.  A failing point is named "point 12 of the morris stage (services.fph_barn.case_share
 * =0.43, ...)". */
static int evaluate(stage *st, ss_sens_result *res, ss_diag *d)
{
    const ss_sens_opts *o = st->o;
    stage_values(st);
    char of[64];
    snprintf(of, sizeof of, "the %s stage", st->name);
    ss_points_job job = {.npoints = st->npoints, .noutputs = res->nmetrics, .how = &o->run, .ctx = st,
                         .part = {st->method, st->name}, .run = run_point,
                         .what = "point", .of = of, .paths = st->paths, .values = st->values, .nvalues = st->nvaried};
    ss_points_done done;
    int rc = ss_points_run(&job, &done, d);
    free(st->paths);
    free(st->values);
    st->y = done.y;
    res->points_stored += done.nstored;
    if (done.nmissing) res->waiting = st->name;
    return rc;
}

/* The outputs of metric m, one per point, from a stage's [npoints][nmetrics] array. */
static double *metric_column(const stage *st, int m)
{
    double *col = xmalloc(sizeof *col * (size_t)st->npoints);
    for (long p = 0; p < st->npoints; p++) col[p] = st->y[p * st->res->nmetrics + m];
    return col;
}

/* ---- the stages ----------------------------------------------------------------------------- */

static int morris_stage(const ss_sens_opts *o, ss_sens_result *res, ss_diag *d)
{
    int k = res->nparams, r = o->trajectories;
    long npoints = (long)r * (k + 1);
    double *x = xmalloc(sizeof *x * (size_t)npoints * (size_t)k);
    int *moved = xmalloc(sizeof *moved * (size_t)r * (size_t)k), *up = xmalloc(sizeof *up * (size_t)r * (size_t)k);
    int *all = xmalloc(sizeof *all * (size_t)k);
    for (int i = 0; i < k; i++) all[i] = i;
    ss_morris_design(k, r, o->levels, o->seed, x, moved, up);
    stage st = {.o = o, .res = res, .method = SS_SENS_MORRIS, .name = "morris", .varied = all, .nvaried = k, .x = x, .npoints = npoints};
    int rc = evaluate(&st, res, d);
    ss_morris_result *m = xmalloc(sizeof *m * (size_t)k);
    for (int mi = 0; rc == 0 && !res->waiting && mi < res->nmetrics; mi++) {
        double *y = metric_column(&st, mi);
        ss_morris_effects(k, r, o->levels, moved, up, y, m);
        for (int i = 0; i < k; i++) res->params[i].morris[mi] = m[i];
        free(y);
    }
    res->morris_points = rc == 0 && !res->waiting ? npoints : 0;
    free(m);
    free(st.y);
    free(all);
    free(up);
    free(moved);
    free(x);
    return rc;
}

/* Which numbers go on to the Sobol stage: all without screening; else those whose mu_star is at
 * least screen x the largest for some metric, the largest first, at most SS_SOBOL_MAX_FACTORS. */
static int choose_sobol(const ss_sens_opts *o, ss_sens_result *res, int *chosen)
{
    int n = 0;
    for (int i = 0; i < res->nparams; i++) {
        bool in = !(res->methods & SS_SENS_MORRIS);
        for (int m = 0; !in && m < res->nmetrics; m++) {
            double top = 0;
            for (int j = 0; j < res->nparams; j++)
                if (res->params[j].morris[m].mu_star > top) top = res->params[j].morris[m].mu_star;
            in = top > 0 && res->params[i].morris[m].mu_star >= o->screen * top;
        }
        if (in) chosen[n++] = i;
    }
    /* too many for GSL's Sobol sequence: keep the largest (by their best share of a metric's top) */
    while (n > SS_SOBOL_MAX_FACTORS) {
        int weakest = 0;
        double least = INFINITY;
        for (int c = 0; c < n; c++) {
            double best = 0;
            for (int m = 0; m < res->nmetrics; m++) best = fmax(best, res->params[chosen[c]].morris[m].mu_star);
            if (best < least) { least = best; weakest = c; }
        }
        memmove(chosen + weakest, chosen + weakest + 1, sizeof *chosen * (size_t)(n - weakest - 1));
        n--;
    }
    return n;
}

static int sobol_stage(const ss_sens_opts *o, ss_sens_result *res, ss_diag *d)
{
    int *chosen = xmalloc(sizeof *chosen * (size_t)res->nparams);
    int k = choose_sobol(o, res, chosen), n = o->samples;
    res->nsobol = k;
    if (k == 0) { free(chosen); return 0; }
    long npoints = (long)n * (k + 2);
    double *x = xmalloc(sizeof *x * (size_t)npoints * (size_t)k);
    ss_saltelli_design(k, n, x);
    stage st = {.o = o, .res = res, .method = SS_SENS_SOBOL, .name = "sobol", .varied = chosen, .nvaried = k, .x = x, .npoints = npoints};
    int rc = evaluate(&st, res, d);
    ss_sobol_result *s = xmalloc(sizeof *s * (size_t)k);
    for (int m = 0; rc == 0 && !res->waiting && m < res->nmetrics; m++) {
        double *y = metric_column(&st, m);
        res->sobol_flat[m] = ss_sobol_indices(k, n, y, o->resamples, 0.95, o->seed, s) < 0;
        for (int c = 0; c < k; c++) {
            res->params[chosen[c]].sobol = true;
            res->params[chosen[c]].indices[m] = res->sobol_flat[m] ? (ss_sobol_result){{0, 0, 0}, {0, 0, 0}} : s[c];
        }
        free(y);
    }
    res->sobol_points = rc == 0 && !res->waiting ? npoints : 0;
    free(s);
    free(st.y);
    free(x);
    free(chosen);
    return rc;
}

/* ---- the study ------------------------------------------------------------------------------ */

/* What identifies a study's points and results: the scenario as resolved, its rules, and every
 * option that changes a point or what is computed from it (not -j, --db or --json). */
static void study_key(const ss_sens_opts *o, const ss_scenario *sc, char key[65])
{
    ss_buf b = {0};
    ss_buf_fmt(&b, "samsim sensitivity 1\nscenario_hash %s\nrules_hash %s\nmethods %d\ntrajectories %d\nlevels %d\n"
               "screen %.17g\nsamples %d\nresamples %d\nreps %d\nseed %llu\n", ss_scenario_hash(sc),
               ss_scenario_rules_hash(sc), o->methods, o->trajectories, o->levels, o->screen, o->samples, o->resamples,
               o->reps, (unsigned long long)o->seed);
    for (int m = 0; m < o->nmetrics; m++) ss_buf_fmt(&b, "metric %s\n", o->metrics[m]);
    for (int i = 0; o->ensemble && i < o->ensemble->nparams; i++)
        ss_buf_fmt(&b, "ensemble %s\n", o->ensemble->params[i].path);
    for (long r = 0; o->ensemble && r < o->ensemble->nrows; r++)
        for (int i = 0; i < o->ensemble->nparams; i++) ss_buf_fmt(&b, "%.17g\n", ss_ensemble_value(o->ensemble, r, i));
    ss_sha256_hex(b.s, b.n, key);
    free(b.s);
}

/* --ensemble: each of its numbers ranges uniformly over the values it takes in the ensemble (a
 * calibration's fitted range) instead of its prior range. */
static int apply_ensemble(const ss_sens_opts *o, ss_sens_result *res, ss_diag *d)
{
    const ss_ensemble *e = o->ensemble;
    for (int i = 0; i < e->nparams; i++) {
        int at = -1;
        for (int j = 0; j < res->nparams && at < 0; j++)
            if (strcmp(res->params[j].r.path, e->params[i].path) == 0) at = j;
        if (at < 0)
            return ss_fail(d, "%s: the ensemble's number %s has no range in the scenario (samsim show --sources lists "
                           "the ranged numbers)", o->scenario, e->params[i].path);
        double lo = INFINITY, hi = -INFINITY;
        for (long r = 0; r < e->nrows; r++) lo = fmin(lo, ss_ensemble_value(e, r, i)), hi = fmax(hi, ss_ensemble_value(e, r, i));
        res->params[at].r.range = (ss_range){.dist = SS_RANGE_UNIFORM, .low = lo, .mode = NAN, .high = hi};
    }
    return 0;
}

/* The base scenario: its ranged numbers, its metrics and its hash. */
static int read_base(const ss_sens_opts *o, ss_sens_result *res, ss_diag *d)
{
    ss_scenario *sc = ss_scenario_load(o->scenario, &o->load, d);
    if (!sc) return -1;
    snprintf(res->scenario_hash, sizeof res->scenario_hash, "%s", ss_scenario_hash(sc));
    study_key(o, sc, res->study_key);
    ss_ranged *ranged = NULL;
    res->nparams = ss_scenario_ranged(sc, &ranged);
    int rc = 0;
    if (res->nparams == 0)
        rc = ss_fail(d, "%s: no number has a range, so there is nothing to vary (give assumptions a range: "
                     "assume(0.45, \"why\", {0.40, 0.50}))", o->scenario);
    res->params = xcalloc((size_t)(res->nparams ? res->nparams : 1), sizeof *res->params);
    res->nmetrics = o->nmetrics;
    res->metrics = xcalloc((size_t)(o->nmetrics ? o->nmetrics : 1), sizeof *res->metrics);
    res->sobol_flat = xcalloc((size_t)(o->nmetrics ? o->nmetrics : 1), sizeof *res->sobol_flat);
    for (int i = 0; i < res->nparams; i++) {
        res->params[i].r = ranged[i];
        res->params[i].morris = xcalloc((size_t)res->nmetrics, sizeof *res->params[i].morris);
        res->params[i].indices = xcalloc((size_t)res->nmetrics, sizeof *res->params[i].indices);
    }
    for (int m = 0; rc == 0 && m < o->nmetrics; m++)
        rc = ss_sens_metric_parse(ss_scenario_model(sc), o->metrics[m], &res->metrics[m], d);
    if (rc == 0 && o->ensemble) rc = apply_ensemble(o, res, d);
    free(ranged);
    ss_scenario_free(sc);
    return rc;
}

int ss_sensitivity_run(const ss_sens_opts *o, ss_sens_result *out, ss_diag *d)
{
    memset(out, 0, sizeof *out);
    out->methods = o->methods;
    if (read_base(o, out, d) < 0) return -1;
    if (ss_points_started(&o->run, out, d) < 0) return -1;
    if (o->run.nshards && !o->run.hooks.stored)
        return ss_fail(d, "--shard: a shard keeps its points in a file (--db) for samsim merge");
    if ((o->methods & SS_SENS_MORRIS) && morris_stage(o, out, d) < 0) return -1;
    if ((o->methods & SS_SENS_SOBOL) && !(o->methods & SS_SENS_MORRIS) && out->nparams > SS_SOBOL_MAX_FACTORS)
        return ss_fail(d, "%s: %d ranged numbers, more than the %d a Sobol study takes (GSL's Sobol sequence has "
                       "40 dimensions): screen them with Morris first (--method morris+sobol)", o->scenario,
                       out->nparams, SS_SOBOL_MAX_FACTORS);
    if ((o->methods & SS_SENS_SOBOL) && !out->waiting && sobol_stage(o, out, d) < 0) return -1;
    return 0;
}

void ss_sens_result_free(ss_sens_result *r)
{
    for (int i = 0; r->params && i < r->nparams; i++) {
        free(r->params[i].morris);
        free(r->params[i].indices);
    }
    free(r->params);
    free(r->metrics);
    free(r->sobol_flat);
    memset(r, 0, sizeof *r);
}
