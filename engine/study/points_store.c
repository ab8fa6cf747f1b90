/* points_store: a study in its results file (see points_store.h). */
#include "points_store.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calibrations.h"
#include "robustness.h"
#include "sensitivities.h"
#include "xalloc.h"

/* ---- the points --------------------------------------------------------------------------- */

/* The points of a part stored already, when the study was found stored. */
static int stored(void *ud, const ss_points_part *part, long npoints, int noutputs, double *y, unsigned char *have,
                  long *nhave, ss_diag *d)
{
    ss_points_store *ps = ud;
    assert(ps->store && "the study's started hook opens the store before any point");
    *nhave = 0;
    if (!ps->resumed) return 0;
    switch (ps->kind) {
    case SS_POINTS_SENSITIVITY:
        return ss_store_sensitivity_stored(ps->store, ps->study_id, part->name, npoints, noutputs, y, have, nhave, d);
    case SS_POINTS_CALIBRATION:
        return ss_store_calibration_stored(ps->store, ps->study_id, part->number, npoints, noutputs, y, have, nhave, d);
    case SS_POINTS_ROBUST:
        return ss_store_robust_stored(ps->store, ps->study_id, npoints, noutputs, y, have, nhave, d);
    }
    return 0;
}

static int point_done(void *ud, const ss_points_part *part, long point, const double *values, int nvalues,
                      const double *outputs, int noutputs, ss_diag *d)
{
    ss_points_store *ps = ud;
    assert(ps->store && point >= 0);
    switch (ps->kind) {
    case SS_POINTS_SENSITIVITY:
        return ss_store_sensitivity_point(ps->store, ps->study_id, part->name, point, values, nvalues, outputs,
                                          noutputs, d);
    case SS_POINTS_CALIBRATION: {
        assert(ps->calib && noutputs == 2 * ps->calib->ntargets);
        double max_i = ss_calib_max_i(ps->calib, outputs), cutoff = ((const ss_calib_opts *)ps->opts)->cutoff;
        return ss_store_calibration_point(ps->store, ps->study_id, part->number, point, values, nvalues, outputs,
                                          noutputs, max_i, max_i < cutoff, d);
    }
    case SS_POINTS_ROBUST:
        return ss_store_robust_sample(ps->store, ps->study_id, point, values, nvalues, outputs, noutputs, d);
    }
    return 0;
}

static bool open_store(ss_points_store *ps, ss_diag *d)
{
    ps->store = ss_store_open(ps->db, d);
    return ps->store != NULL;
}

/* ---- a sensitivity study ------------------------------------------------------------------- */

/* The study's row and its parameters, once the ranged numbers are known and before any point is
 * run (the started hook). */
static int begin_sensitivity(ss_points_store *ps, const ss_sens_result *probe, ss_diag *d)
{
    const ss_sens_opts *o = ps->opts;
    if (!open_store(ps, d)) return -1;
    char metrics[1024] = "";
    for (int m = 0; m < o->nmetrics; m++)
        snprintf(metrics + strlen(metrics), sizeof metrics - strlen(metrics), "%s%s", m ? "," : "", o->metrics[m]);
    ss_sens_study_row row = {.study_key = probe->study_key, .scenario_path = o->scenario,
                             .scenario_hash = probe->scenario_hash, .command_line = ps->command_line,
                             .method = ss_sens_method_name(o->methods), .metrics = metrics, .seed = o->seed,
                             .replications = o->reps, .trajectories = o->trajectories, .samples = o->samples};
    ss_sens_parameter_row *p = xcalloc((size_t)probe->nparams + 1, sizeof *p);
    for (int i = 0; i < probe->nparams; i++) {
        const ss_ranged *r = &probe->params[i].r;
        bool tri = r->range.dist == SS_RANGE_TRIANGULAR;
        p[i] = (ss_sens_parameter_row){.index = i, .name = r->path, .kind = r->kind, .dist = tri ? "triangular" : "uniform",
                                       .value = r->value, .low = r->range.low, .mode = r->range.mode, .high = r->range.high};
    }
    int rc = ss_store_begin_sensitivity(ps->store, &row, p, probe->nparams, &ps->study_id, &ps->resumed, d);
    free(p);
    return rc;
}

int ss_points_store_indices(ss_points_store *ps, const ss_sens_result *r, ss_diag *d)
{
    assert(ps->kind == SS_POINTS_SENSITIVITY && ps->store);
    ss_sens_index_row *rows = xcalloc((size_t)r->nparams * (size_t)r->nmetrics + 1, sizeof *rows);
    int n = 0;
    for (int m = 0; m < r->nmetrics; m++)
        for (int i = 0; i < r->nparams; i++) {
            const ss_sens_param *p = &r->params[i];
            bool mo = r->methods & SS_SENS_MORRIS, so = p->sobol && !r->sobol_flat[m];
            rows[n++] = (ss_sens_index_row){
                .metric = r->metrics[m].name, .name = p->r.path,
                .mu_star = mo ? p->morris[m].mu_star : NAN, .sigma = mo ? p->morris[m].sigma : NAN,
                .s1 = so ? p->indices[m].s1.mean : NAN, .s1_low = so ? p->indices[m].s1.ci_low : NAN,
                .s1_high = so ? p->indices[m].s1.ci_high : NAN, .st = so ? p->indices[m].st.mean : NAN,
                .st_low = so ? p->indices[m].st.ci_low : NAN, .st_high = so ? p->indices[m].st.ci_high : NAN};
        }
    int rc = ss_store_sensitivity_indices(ps->store, ps->study_id, rows, n, d);
    free(rows);
    return rc;
}

/* ---- a calibration ------------------------------------------------------------------------- */

/* The calibration's rows, once its numbers and targets are known (the started hook). */
static int begin_calibration(ss_points_store *ps, const ss_calib_result *r, ss_diag *d)
{
    const ss_calib_opts *o = ps->opts;
    ps->calib = r;
    if (!open_store(ps, d)) return -1;
    ss_calib_study_row row = {.study_key = r->study_key, .scenario_path = o->scenario, .scenario_hash = r->scenario_hash,
                              .command_line = ps->command_line, .seed = o->seed, .replications = o->reps,
                              .points_per_wave = o->points, .waves = o->waves, .cutoff = o->cutoff};
    ss_calib_target_row *t = xcalloc((size_t)r->ntargets + 1, sizeof *t);
    for (int i = 0; i < r->ntargets; i++) {
        const ss_target *g = &r->targets[i];
        t[i] = (ss_calib_target_row){.target = g->id, .what = g->what, .metric = g->metric, .services = g->service_ids,
                                     .source = g->source, .from = g->from, .to = g->to, .per_year = g->per_year,
                                     .value = g->value, .tolerance = g->tolerance};
    }
    ss_calib_parameter_row *p = xcalloc((size_t)r->nparams + 1, sizeof *p);
    for (int i = 0; i < r->nparams; i++)
        p[i] = (ss_calib_parameter_row){.index = i, .name = r->params[i].r.path, .kind = r->params[i].r.kind,
                                        .value = r->params[i].r.value, .prior_low = r->params[i].r.range.low,
                                        .prior_high = r->params[i].r.range.high};
    int rc = ss_store_begin_calibration(ps->store, &row, t, r->ntargets, p, r->nparams, &ps->study_id, &ps->resumed, d);
    free(p);
    free(t);
    return rc;
}

int ss_points_store_fit(ss_points_store *ps, const ss_calib_result *r, ss_diag *d)
{
    assert(ps->kind == SS_POINTS_CALIBRATION && ps->store);
    ss_calib_fit_row *fit = xcalloc((size_t)r->nparams + 1, sizeof *fit);
    for (int i = 0; i < r->nparams; i++)
        fit[i] = (ss_calib_fit_row){.name = r->params[i].r.path,
                                    .verdict = ss_calib_verdict_name(ss_calib_verdict_of(&r->params[i])),
                                    .fit_low = r->params[i].fit_low, .fit_high = r->params[i].fit_high};
    int rc = ss_store_calibration_fit(ps->store, ps->study_id, fit, r->nparams, d);
    free(fit);
    return rc;
}

/* ---- a robust comparison ------------------------------------------------------------------- */

static int begin_robust(ss_points_store *ps, const ss_robust_result *r, ss_diag *d)
{
    const ss_robust_opts *o = ps->opts;
    if (!open_store(ps, d)) return -1;
    ss_robust_study_row row = {.study_key = r->study_key, .base_model = ps->base_model, .option_model = ps->option_model,
                               .command_line = ps->command_line, .design = r->design, .samples = r->npoints,
                               .replications = o->reps, .seed = o->seed};
    return ss_store_begin_robust(ps->store, &row, r, &ps->study_id, &ps->resumed, d);
}

/* ---- the hooks ---------------------------------------------------------------------------- */

/* The study's rows, by its kind, once it has started. */
static int started(void *ud, const void *study, ss_diag *d)
{
    ss_points_store *ps = ud;
    switch (ps->kind) {
    case SS_POINTS_SENSITIVITY: return begin_sensitivity(ps, study, d);
    case SS_POINTS_CALIBRATION: return begin_calibration(ps, study, d);
    case SS_POINTS_ROBUST: return begin_robust(ps, study, d);
    }
    return 0;
}

void ss_points_store_hook(ss_points_store *ps, ss_points_kind kind, const void *opts, ss_points_how *run)
{
    assert(ps->db && !ps->store && opts && run);
    ps->kind = kind;
    ps->opts = opts;
    run->hooks.started = started;
    run->hooks.stored = stored;
    run->hooks.point_done = point_done;
    run->hooks.ud = ps;
}
