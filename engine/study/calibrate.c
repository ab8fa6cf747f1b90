/* calibrate: history matching in waves (see calibrate.h); the running of one point, target by
 * target window, is calibrate_point.c. */
#include "calibrate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assumptions.h"
#include "calibrate_parts.h"
#include "gsa.h"
#include "sbuf.h"
#include "scenario.h"
#include "xalloc.h"

#define MARGIN_SHARE 0.1   /* a new box reaches past the kept points by this share of their spread */
#define MARGIN_PRIOR 0.02  /* ... and by this share of the prior, so one kept point still has room */
#define STILL 0.95         /* a box keeping this share of the last one's volume has stopped shrinking */

/* ---- verdicts ------------------------------------------------------------------------------- */

double ss_calib_implausibility(const ss_target *t, double mean, double var)
{
    double tol = t->tolerance * fabs(t->value), denom = sqrt((isfinite(var) ? var : 0) + tol * tol);
    if (!isfinite(mean)) return INFINITY;
    return denom > 0 ? fabs(mean - t->value) / denom : (mean == t->value ? 0 : INFINITY);
}

double ss_calib_share(const ss_calib_param *p)
{
    double prior = p->r.range.high - p->r.range.low;
    return prior > 0 ? (p->fit_high - p->fit_low) / prior : 0;
}

ss_calib_verdict ss_calib_verdict_of(const ss_calib_param *p)
{
    double s = ss_calib_share(p);
    return s <= 0.5 ? SS_CALIB_PINNED : s <= 0.9 ? SS_CALIB_NARROWED : SS_CALIB_FREE;
}

const char *ss_calib_verdict_name(ss_calib_verdict v)
{
    return v == SS_CALIB_PINNED ? "pinned down" : v == SS_CALIB_NARROWED ? "narrowed" : "left free";
}

double ss_calib_max_i(const ss_calib_result *r, const double *y)
{
    double m = 0;
    for (int t = 0; t < r->ntargets; t++) m = fmax(m, ss_calib_implausibility(&r->targets[t], y[2 * t], y[2 * t + 1]));
    return m;
}

/* ---- the numbers to fit --------------------------------------------------------------------- */

static bool under(const char *path, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(path, prefix, n) == 0 && (path[n] == '\0' || path[n] == '.');
}

/* The ranged numbers to fit: those under a --vary prefix, else every calibrated one. */
static int choose_params(const ss_calib_opts *o, const ss_ranged *ranged, int n, ss_calib_result *res, ss_diag *d)
{
    res->params = xcalloc((size_t)(n ? n : 1), sizeof *res->params);
    for (int v = 0; v < o->nvary; v++) {
        bool any = false;
        for (int i = 0; i < n; i++) any = any || under(ranged[i].path, o->vary[v]);
        if (!any)
            return ss_fail(d, "%s: --vary %s: no number with a range there (samsim show --sources lists them, "
                           "each with its [range])", o->scenario, o->vary[v]);
    }
    for (int i = 0; i < n; i++) {
        bool in = o->nvary == 0 && strcmp(ranged[i].kind, "calibrated") == 0;
        for (int v = 0; v < o->nvary; v++) in = in || under(ranged[i].path, o->vary[v]);
        if (in) res->params[res->nparams++].r = ranged[i];
    }
    if (res->nparams == 0)
        return ss_fail(d, "%s: no calibrated number has a range, so there is nothing to fit (mark what was tuned "
                       "calibrated(value, \"target\", \"why\", {low, high}), or name ranged numbers with --vary)",
                       o->scenario);
    if (res->nparams > SS_SOBOL_MAX_DIMENSIONS)
        return ss_fail(d, "%s: %d numbers to fit, more than the %d dimensions of GSL's Sobol sequence: choose them "
                       "with --vary", o->scenario, res->nparams, SS_SOBOL_MAX_DIMENSIONS);
    return 0;
}

/* What identifies a calibration's points: the scenario, its rules and every option that changes
 * a point or which points are kept (not -j, --db or the output files). */
static void study_key(const ss_calib_opts *o, const ss_scenario *sc, const ss_calib_result *res, char key[65])
{
    ss_buf b = {0};
    ss_buf_fmt(&b, "samsim calibrate 1\nscenario_hash %s\nrules_hash %s\npoints %d\nwaves %d\ncutoff %.17g\n"
               "reps %d\nseed %llu\n", ss_scenario_hash(sc), ss_scenario_rules_hash(sc), o->points, o->waves,
               o->cutoff, o->reps, (unsigned long long)o->seed);
    for (int i = 0; i < res->nparams; i++) ss_buf_fmt(&b, "vary %s\n", res->params[i].r.path);
    ss_sha256_hex(b.s, b.n, key);
    free(b.s);
}

static int read_base(const ss_calib_opts *o, ss_calib_result *res, calib_plan *pl, ss_diag *d)
{
    ss_scenario *sc = ss_scenario_load(o->scenario, &o->load, d);
    if (!sc) return -1;
    snprintf(res->scenario_hash, sizeof res->scenario_hash, "%s", ss_scenario_hash(sc));
    res->ntargets = ss_scenario_calibration_targets(sc, &res->targets);
    ss_ranged *ranged = NULL;
    int n = ss_scenario_ranged(sc, &ranged), rc = 0;
    if (res->ntargets == 0)
        rc = ss_fail(d, "%s: no calibration targets, so there is nothing to calibrate to (list the figures the "
                     "scenario must meet in calibration.targets, each with its citation and tolerance)", o->scenario);
    if (rc == 0) rc = choose_params(o, ranged, n, res, d);
    if (rc == 0) rc = calib_plan_make(o->scenario, ss_scenario_model(sc), res->targets, res->ntargets, pl, d);
    if (rc == 0) study_key(o, sc, res, res->study_key);
    free(ranged);
    ss_scenario_free(sc);
    return rc;
}

/* ---- waves ---------------------------------------------------------------------------------- */

/* The kept points' bounding box in the unit cube, widened, clipped to it. */
static void next_box(int k, const double *ku, long nkept, double *lo, double *hi)
{
    for (int i = 0; i < k; i++) {
        double a = 1, b = 0;
        for (long p = 0; p < nkept; p++) a = fmin(a, ku[p * k + i]), b = fmax(b, ku[p * k + i]);
        double m = MARGIN_SHARE * (b - a) + MARGIN_PRIOR;
        lo[i] = fmax(0, a - m);
        hi[i] = fmin(1, b + m);
    }
}

static double volume(int k, const double *lo, const double *hi)
{
    double v = 1;
    for (int i = 0; i < k; i++) v *= hi[i] - lo[i];
    return v;
}

static void keep_point(ss_calib_result *r, const double *values, const double *u, double max_i, double **ku)
{
    int k = r->nparams;
    r->kept = xrealloc(r->kept, sizeof *r->kept * (size_t)(r->nkept + 1) * (size_t)k);
    r->kept_max_i = xrealloc(r->kept_max_i, sizeof *r->kept_max_i * (size_t)(r->nkept + 1));
    *ku = xrealloc(*ku, sizeof **ku * (size_t)(r->nkept + 1) * (size_t)k);
    memcpy(r->kept + r->nkept * k, values, sizeof *values * (size_t)k);
    memcpy(*ku + r->nkept * k, u, sizeof *u * (size_t)k);
    r->kept_max_i[r->nkept++] = max_i;
}

/* A wave's points in the box: u in the unit cube, values in the numbers' own units. */
static void wave_design(const ss_calib_opts *o, const ss_calib_result *r, int w, const double *lo, const double *hi,
                        double *u, double *values)
{
    int k = r->nparams;
    /* wave w takes the stretch of the sequence after the earlier waves' points */
    double *all = xmalloc(sizeof *all * (size_t)(w + 1) * (size_t)o->points * (size_t)k);
    ss_space_filling_design(k, (w + 1) * o->points, o->seed, all);
    memcpy(u, all + (size_t)w * (size_t)o->points * (size_t)k, sizeof *u * (size_t)o->points * (size_t)k);
    free(all);
    for (long p = 0; p < o->points; p++)
        for (int i = 0; i < k; i++) {
            double *x = &u[p * k + i];
            *x = lo[i] + (hi[i] - lo[i]) * *x;
            values[p * k + i] = ss_ranged_at(&r->params[i].r, *x);
        }
}

/* Sort a wave's points into kept and not, and follow the closest. */
static void judge_wave(ss_calib_result *r, calib_wave *cw, const double *u, double **ku)
{
    int k = r->nparams, nout = 2 * r->ntargets;
    ss_calib_wave *w = &r->waves[r->nwaves++];
    w->points = cw->npoints;
    for (long p = 0; p < cw->npoints; p++) {
        double mi = ss_calib_max_i(r, cw->y + p * nout);
        if (mi < cw->o->cutoff) {
            keep_point(r, cw->values + p * k, u + p * k, mi, ku);
            w->kept++;
        }
        if (mi < r->best_max_i || (cw->wave == 1 && p == 0)) {
            r->best_max_i = mi;
            memcpy(r->best, cw->values + p * k, sizeof *r->best * (size_t)k);
            for (int t = 0; t < r->ntargets; t++) {
                r->best_mean[t] = cw->y[p * nout + 2 * t];
                r->best_sd[t] = sqrt(cw->y[p * nout + 2 * t + 1]);
            }
        }
    }
}

static void fitted_ranges(ss_calib_result *r)
{
    for (int i = 0; i < r->nparams; i++) {
        ss_calib_param *p = &r->params[i];
        p->fit_low = INFINITY, p->fit_high = -INFINITY;
        for (long j = 0; j < r->nkept; j++) {
            p->fit_low = fmin(p->fit_low, r->kept[j * r->nparams + i]);
            p->fit_high = fmax(p->fit_high, r->kept[j * r->nparams + i]);
        }
    }
}

/* "no point reached I < 3 in 64 points; closest: max I = 5.2 at a=1, b=2 (q_wait: simulated 12.3
 * +- 1.1 against 3 within 10 %, I = 5.2; ...)" */
static int none_kept(const ss_calib_opts *o, const ss_calib_result *r, ss_diag *d)
{
    ss_buf b = {0};
    ss_buf_fmt(&b, "%s: no point reached I < %g in %ld points, so the targets cannot be met inside the prior ranges; "
               "closest: max I = %.3g at ", o->scenario, o->cutoff, r->waves[0].points, r->best_max_i);
    for (int i = 0; i < r->nparams; i++) ss_buf_fmt(&b, "%s%s=%.6g", i ? ", " : "", r->params[i].r.path, r->best[i]);
    ss_buf_str(&b, " (");
    for (int t = 0; t < r->ntargets; t++) {
        const ss_target *g = &r->targets[t];
        if (isfinite(r->best_mean[t]))
            ss_buf_fmt(&b, "%s%s: simulated %.4g (sd %.2g) against %.6g within %g %%, I = %.3g", t ? "; " : "", g->id,
                       r->best_mean[t], r->best_sd[t], g->value, g->tolerance * 100,
                       ss_calib_implausibility(g, r->best_mean[t], r->best_sd[t] * r->best_sd[t]));
        else
            ss_buf_fmt(&b, "%s%s: undefined in every replication (nobody measured in %s..%s)", t ? "; " : "", g->id,
                       g->from, g->to);
    }
    ss_buf_str(&b, ")");
    ss_fail(d, "%s", b.s);
    free(b.s);
    return -1;
}

static int run_waves(const ss_calib_opts *o, ss_calib_result *r, const calib_plan *pl, ss_diag *d)
{
    int k = r->nparams, rc = 0;
    double *lo = xmalloc(sizeof *lo * (size_t)k), *hi = xmalloc(sizeof *hi * (size_t)k), *ku = NULL;
    double *u = xmalloc(sizeof *u * (size_t)o->points * (size_t)k);
    for (int i = 0; i < k; i++) lo[i] = 0, hi[i] = 1;
    r->stopped = "the waves asked for ran";
    for (int w = 0; rc == 0 && w < o->waves && w < SS_CALIB_MAX_WAVES; w++) {
        calib_wave cw = {.o = o, .res = r, .plan = pl, .wave = w + 1, .npoints = o->points};
        cw.values = xmalloc(sizeof *cw.values * (size_t)o->points * (size_t)k);
        wave_design(o, r, w, lo, hi, u, cw.values);
        r->waves[r->nwaves].box_share = volume(k, lo, hi);
        rc = calib_wave_run(&cw, d);
        r->points_stored += cw.nstored;
        if (rc == 0 && cw.nmissing) r->waiting = w + 1;   /* the other shards' points of this wave */
        if (rc == 0 && !r->waiting) judge_wave(r, &cw, u, &ku);
        free(cw.values);
        free(cw.y);
        if (rc < 0 || r->waiting || r->nkept == 0) break;
        double before = volume(k, lo, hi);
        next_box(k, ku, r->nkept, lo, hi);
        if (w + 1 < o->waves && volume(k, lo, hi) >= STILL * before) {
            r->stopped = "the kept region stopped shrinking";
            break;
        }
    }
    if (rc == 0 && !r->waiting && r->nkept == 0) rc = none_kept(o, r, d);
    if (rc == 0 && !r->waiting) fitted_ranges(r);
    ss_free_all(u, ku, hi, lo);
    return rc;
}

/* ---- the calibrated point -------------------------------------------------------------------- */

static double six_digits(double x)
{
    char text[32];
    snprintf(text, sizeof text, "%.6g", x);
    return strtod(text, NULL);
}

/* The calibrated point's values (calibrate.h: free numbers at their prior's middle, the others at
 * the closest kept point), then its run: the waves' seed and replications, stored nowhere. */
static int choose_point(const ss_calib_opts *o, ss_calib_result *r, const calib_plan *pl, ss_diag *d)
{
    int k = r->nparams, nt = r->ntargets;
    r->chosen = xcalloc((size_t)k, sizeof *r->chosen);
    r->chosen_free = xcalloc((size_t)k, sizeof *r->chosen_free);
    r->chosen_mean = xcalloc((size_t)nt, sizeof *r->chosen_mean);
    r->chosen_sd = xcalloc((size_t)nt, sizeof *r->chosen_sd);
    for (int i = 0; i < k; i++) {
        const ss_calib_param *p = &r->params[i];
        r->chosen_free[i] = ss_calib_verdict_of(p) == SS_CALIB_FREE;
        double v = r->chosen_free[i] ? ss_range_at(&p->r.range, 0.5) : r->best[i];
        r->chosen[i] = p->r.integer ? round(v) : six_digits(v);
    }
    ss_calib_opts alone = *o;   /* one point: not a wave's, so not stored, sharded or counted */
    alone.run.hooks = (ss_points_hooks){0}, alone.run.shard = alone.run.nshards = 0;
    calib_wave cw = {.o = &alone, .res = r, .plan = pl, .wave = r->nwaves + 1, .alone = "the calibrated point",
                     .npoints = 1, .values = r->chosen};
    int rc = calib_wave_run(&cw, d);
    if (rc == 0) {
        r->chosen_max_i = ss_calib_max_i(r, cw.y);
        for (int t = 0; t < nt; t++) r->chosen_mean[t] = cw.y[2 * t], r->chosen_sd[t] = sqrt(cw.y[2 * t + 1]);
    }
    free(cw.y);
    return rc;
}

int ss_calibrate_run(const ss_calib_opts *o, ss_calib_result *out, ss_diag *d)
{
    memset(out, 0, sizeof *out);
    calib_plan pl = {0};
    int rc = read_base(o, out, &pl, d);
    if (rc == 0) rc = ss_points_started(&o->run, out, d);
    if (rc == 0 && o->run.nshards && !o->run.hooks.stored)
        rc = ss_fail(d, "--shard: a shard keeps its points in a file (--db) for samsim merge");
    if (rc == 0) {
        out->best = xcalloc((size_t)out->nparams, sizeof *out->best);
        out->best_mean = xcalloc((size_t)out->ntargets, sizeof *out->best_mean);
        out->best_sd = xcalloc((size_t)out->ntargets, sizeof *out->best_sd);
        out->best_max_i = INFINITY;
        rc = run_waves(o, out, &pl, d);
    }
    if (rc == 0 && o->choose && !out->waiting) rc = choose_point(o, out, &pl, d);
    calib_plan_free(&pl);
    return rc;
}

void ss_calib_result_free(ss_calib_result *r)
{
    ss_free_all(r->params, r->targets, r->kept, r->kept_max_i, r->best, r->best_mean, r->best_sd, r->chosen,
                r->chosen_free, r->chosen_mean, r->chosen_sd);
    memset(r, 0, sizeof *r);
}
