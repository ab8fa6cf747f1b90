/* calibrate_point: running a calibration wave's points (see calibrate.h): each point's scenario is
 * run once per target window, `reps` replications with the same seed at every point, on the
 * worker pool; the points are handed to the store in order. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calibrate_parts.h"
#include "assumptions.h"
#include "points.h"
#include "results.h"
#include "sim.h"
#include "target.h"
#include "xalloc.h"

/* ---- the plan ------------------------------------------------------------------------------- */

static int window_of(calib_plan *pl, const ss_target *t)
{
    for (int w = 0; w < pl->nwindows; w++)
        if (pl->from[w] == t->from_day && pl->to[w] == t->to_day) return w;
    pl->from[pl->nwindows] = t->from_day;
    pl->to[pl->nwindows] = t->to_day;
    return pl->nwindows++;
}

int calib_plan_make(const char *file, const ss_model *m, const ss_target *t, int n, calib_plan *pl, ss_diag *d)
{
    (void)m;
    pl->ntargets = n;
    pl->measures = xcalloc((size_t)(n ? n : 1), sizeof *pl->measures);
    pl->from = xcalloc((size_t)(n ? n : 1), sizeof *pl->from);
    pl->to = xcalloc((size_t)(n ? n : 1), sizeof *pl->to);
    for (int i = 0; i < n; i++) {
        calib_measure *c = &pl->measures[i];
        bool system = t[i].nservices == 0;
        if (!ss_metric_find(system ? "system" : "service", t[i].metric))
            return ss_fail(d, "%s: calibration.targets.%s.metric: no %s metric '%s' (samsim schema lists them)", file,
                           t[i].id, system ? "system" : "service", t[i].metric);
        c->spec = (ss_target_spec){.metric = t[i].metric, .services = t[i].services, .nservices = t[i].nservices,
                                   .per_year = t[i].per_year};
        c->window = window_of(pl, &t[i]);
    }
    return 0;
}

void calib_plan_free(calib_plan *pl)
{
    free(pl->measures);
    free(pl->from);
    free(pl->to);
    memset(pl, 0, sizeof *pl);
}

/* ---- a point ------------------------------------------------------------------------------- */

typedef struct moments { double sum, sumsq; int n; } moments;

/* The replications of one window: the model measured from `from` to `to` (its warm-up and
 * horizon moved there; the arrays it points to are the scenario's, shared). */
static int run_window(const calib_wave *cw, const ss_scenario *sc, int w, moments *mo, const ss_stop_flag *stop,
                      ss_diag *d)
{
    const calib_plan *pl = cw->plan;
    ss_model m = *ss_scenario_model(sc);
    m.warmup = pl->from[w];
    m.horizon = pl->to[w];
    ss_sim *sim = ss_sim_new(&m, d);
    if (!sim) return -1;
    ss_sim_set_interrupt(sim, stop);
    int rc = 0;
    for (int rep = 0; rep < cw->o->reps && rc == 0; rep++) {
        ss_rep_result r;
        if ((rc = ss_sim_run(sim, cw->o->seed, rep, &r, d)) < 0) break;
        for (int t = 0; t < pl->ntargets; t++) {
            if (pl->measures[t].window != w) continue;
            double v = ss_target_value(&pl->measures[t].spec, &r, m.horizon - m.warmup);
            if (isfinite(v)) mo[t].sum += v, mo[t].sumsq += v * v, mo[t].n++;
        }
        ss_rep_result_free(&r);
    }
    ss_sim_free(sim);
    return rc;
}

static int run_point(void *ctx, long p, double *y, const ss_stop_flag *stop, ss_diag *d)
{
    const calib_wave *cw = ctx;
    const ss_calib_opts *o = cw->o;
    const ss_calib_result *res = cw->res;
    int k = res->nparams, nt = res->ntargets;
    ss_scenario *sc = ss_scenario_load_at(o->scenario, &o->load, cw->paths, cw->values + p * k, k, d);
    moments *mo = xcalloc((size_t)nt, sizeof *mo);
    int rc = sc ? 0 : -1;
    for (int w = 0; rc == 0 && w < cw->plan->nwindows; w++) rc = run_window(cw, sc, w, mo, stop, d);
    for (int t = 0; rc == 0 && t < nt; t++) {
        double mean = mo[t].n ? mo[t].sum / mo[t].n : NAN;
        y[2 * t] = mean;
        y[2 * t + 1] = mo[t].n > 1 ? fmax(0, (mo[t].sumsq - mo[t].n * mean * mean) / (mo[t].n - 1)) : mo[t].n ? 0 : NAN;
    }
    free(mo);
    ss_scenario_free(sc);
    return rc;
}

int calib_wave_run(calib_wave *cw, ss_diag *d)
{
    const ss_calib_opts *o = cw->o;
    int k = cw->res->nparams;
    cw->paths = xmalloc(sizeof *cw->paths * (size_t)(k ? k : 1));
    for (int j = 0; j < k; j++) cw->paths[j] = cw->res->params[j].r.path;
    char of[32];
    snprintf(of, sizeof of, "wave %d", cw->wave);
    ss_points_job job = {.npoints = cw->npoints, .noutputs = 2 * cw->res->ntargets, .how = &o->run,
                         .part = {cw->wave, of}, .run = run_point, .ctx = cw,
                         .what = cw->alone ? cw->alone : "point", .of = cw->alone ? "" : of,
                         .paths = cw->paths, .values = cw->values, .nvalues = k};
    ss_points_done done;
    int rc = ss_points_run(&job, &done, d);
    free(cw->paths);
    cw->paths = NULL;
    cw->y = done.y;
    cw->nstored = done.nstored;
    cw->nmissing = done.nmissing;
    return rc;
}
