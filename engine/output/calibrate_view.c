/* calibrate_view: a calibration's result as a table and as JSON (see calibrate_view.h). */
#include "calibrate_view.h"

#include <math.h>
#include <string.h>

#include <jansson.h>

#include "table.h"

/* "accepted per year of q" or "wait_mean of fph_barn, fph_voksen" or "first_help_mean". */
static void measure_text(const ss_target *t, char *out, size_t n)
{
    snprintf(out, n, "%s%s%s%s", t->metric, t->per_year ? " per year" : "", t->nservices ? " of " : "", t->service_ids);
}

static int width_of_params(const ss_calib_result *r)
{
    int w = 6;
    for (int i = 0; i < r->nparams; i++) w = (int)fmax(w, (double)strlen(r->params[i].r.path));
    return w;
}

static void print_waves(FILE *f, const ss_calib_result *r, const ss_calib_opts *o)
{
    fprintf(f, "wave  points  box (share of the prior)  kept (max I < %g)\n", o->cutoff);
    for (int w = 0; w < r->nwaves; w++)
        fprintf(f, "%4d  %6ld  %24.3f  %ld\n", w + 1, r->waves[w].points, r->waves[w].box_share, r->waves[w].kept);
    fprintf(f, "(stopped: %s)\n", r->stopped ? r->stopped : "?");
}

static void print_targets(FILE *f, const ss_calib_result *r)
{
    int wid = 6, wwhat = 11;
    char what[SS_TARGET_MAX_SERVICES * 64];
    for (int t = 0; t < r->ntargets; t++) {
        measure_text(&r->targets[t], what, sizeof what);
        wid = (int)fmax(wid, (double)strlen(r->targets[t].id));
        wwhat = (int)fmax(wwhat, (double)strlen(what));
    }
    fprintf(f, "\n%-*s  %-*s  %-22s  %-14s  %s\n", wid, "target", wwhat, "measured as", "window", "value",
            "closest point (sd), I");
    for (int t = 0; t < r->ntargets; t++) {
        const ss_target *g = &r->targets[t];
        char value[64];
        measure_text(g, what, sizeof what);
        snprintf(value, sizeof value, "%.6g +- %g %%", g->value, g->tolerance * 100);
        fprintf(f, "%-*s  %-*s  %s..%s  %-14s  %.4g (%.2g), %.2f\n", wid, g->id, wwhat, what, g->from, g->to, value,
                r->best_mean[t], r->best_sd[t], ss_calib_implausibility(g, r->best_mean[t], r->best_sd[t] * r->best_sd[t]));
    }
}

static void print_params(FILE *f, const ss_calib_result *r)
{
    int w = width_of_params(r);
    fprintf(f, "\n%-*s  %-10s  %-23s  %-23s  %-6s  %s\n", w, "number", "kind", "prior", "fitted (kept points)", "share",
            "the targets");
    for (int i = 0; i < r->nparams; i++) {
        const ss_calib_param *p = &r->params[i];
        char prior[64], fit[64];
        snprintf(prior, sizeof prior, "%.6g to %.6g", p->r.range.low, p->r.range.high);
        snprintf(fit, sizeof fit, "%.6g to %.6g", p->fit_low, p->fit_high);
        fprintf(f, "%-*s  %-10s  %-23s  %-23s  %6.2f  %s\n", w, p->r.path, p->r.kind, prior, fit, ss_calib_share(p),
                ss_calib_verdict_name(ss_calib_verdict_of(p)));
    }
}

static const char *chosen_from(const ss_calib_result *r, int i)
{
    return r->chosen_free[i] ? "the middle of the prior" : "the closest kept point";
}

/* The calibrated point (o->choose): each number's value and where it comes from, then the targets
 * at it. */
static void print_chosen(FILE *f, const ss_calib_result *r, const ss_calib_opts *o)
{
    int w = width_of_params(r), wid = 6;
    fprintf(f, "\nCalibrated point: each number left free at the middle of its prior range, the others at the kept "
               "point closest to the targets; run as a point of its own (%d replication%s, seed %llu): max I = %.2f%s\n\n",
            o->reps, o->reps == 1 ? "" : "s", (unsigned long long)o->seed, r->chosen_max_i,
            r->chosen_max_i < o->cutoff ? "" : ", NOT below the cutoff");
    fprintf(f, "%-*s  %-12s  %s\n", w, "number", "value", "from");
    for (int i = 0; i < r->nparams; i++)
        fprintf(f, "%-*s  %-12.6g  %s\n", w, r->params[i].r.path, r->chosen[i], chosen_from(r, i));
    for (int t = 0; t < r->ntargets; t++) wid = (int)fmax(wid, (double)strlen(r->targets[t].id));
    fprintf(f, "\n%-*s  %-14s  %-18s  %s\n", wid, "target", "value", "at the point (sd)", "I");
    for (int t = 0; t < r->ntargets; t++) {
        const ss_target *g = &r->targets[t];
        char value[64], at[64];
        snprintf(value, sizeof value, "%.6g +- %g %%", g->value, g->tolerance * 100);
        snprintf(at, sizeof at, "%.4g (%.2g)", r->chosen_mean[t], r->chosen_sd[t]);
        fprintf(f, "%-*s  %-14s  %-18s  %.2f\n", wid, g->id, value, at,
                ss_calib_implausibility(g, r->chosen_mean[t], r->chosen_sd[t] * r->chosen_sd[t]));
    }
}

int ss_calib_print_table(FILE *f, const ss_calib_result *r, const ss_calib_opts *o)
{
    fprintf(f, "Calibration of %s: %d number%s fitted to %d target%s; %d replication%s a point and target window, "
               "seed %llu\n\n", o->scenario, r->nparams, r->nparams == 1 ? "" : "s", r->ntargets,
            r->ntargets == 1 ? "" : "s", o->reps, o->reps == 1 ? "" : "s", (unsigned long long)o->seed);
    print_waves(f, r, o);
    print_targets(f, r);
    print_params(f, r);
    fprintf(f, "\nNon-implausible ensemble: %ld point%s (max I < %g), the kept points of every wave; a share is the "
               "fitted range's part of the prior (at most 0.5: pinned down; at most 0.9: narrowed; else left free).\n",
            r->nkept, r->nkept == 1 ? "" : "s", o->cutoff);
    if (r->chosen) print_chosen(f, r, o);
    return ferror(f) ? -1 : 0;
}

static json_t *targets_json(const ss_calib_result *r)
{
    json_t *a = json_array();
    for (int t = 0; t < r->ntargets; t++) {
        const ss_target *g = &r->targets[t];
        json_t *o = json_pack("{s:s, s:s, s:s, s:b, s:f, s:f, s:s, s:s}", "id", g->id, "metric", g->metric,
                              "services", g->service_ids, "per_year", g->per_year, "value", g->value, "tolerance",
                              g->tolerance, "from", g->from, "to", g->to);
        json_object_set_new(o, "closest_mean", json_real(r->best_mean[t]));
        json_object_set_new(o, "closest_sd", json_real(r->best_sd[t]));
        json_object_set_new(o, "closest_implausibility",
                            json_real(ss_calib_implausibility(g, r->best_mean[t], r->best_sd[t] * r->best_sd[t])));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *params_json(const ss_calib_result *r)
{
    json_t *a = json_array();
    for (int i = 0; i < r->nparams; i++) {
        const ss_calib_param *p = &r->params[i];
        json_array_append_new(a, json_pack("{s:s, s:s, s:f, s:f, s:f, s:f, s:f, s:f, s:s}", "name", p->r.path, "kind",
                                           p->r.kind, "value", p->r.value, "prior_low", p->r.range.low, "prior_high",
                                           p->r.range.high, "fit_low", p->fit_low, "fit_high", p->fit_high, "share",
                                           ss_calib_share(p), "verdict", ss_calib_verdict_name(ss_calib_verdict_of(p))));
    }
    return a;
}

/* {"rule", "max_implausibility", "targets": [{"id", "mean", "sd", "implausibility"}],
 *  "parameters": [{"path", "value", "from"}]}: the calibrated point. */
static json_t *chosen_json(const ss_calib_result *r)
{
    json_t *t = json_array(), *p = json_array();
    for (int i = 0; i < r->ntargets; i++) {
        const ss_target *g = &r->targets[i];
        double at = ss_calib_implausibility(g, r->chosen_mean[i], r->chosen_sd[i] * r->chosen_sd[i]);
        json_array_append_new(t, json_pack("{s:s, s:f, s:f, s:b, s:s, s:s, s:o, s:o, s:o}", "id", g->id, "value",
                                           g->value, "tolerance", g->tolerance, "per_year", g->per_year, "from",
                                           g->from, "to", g->to, "mean", ss_json_number(r->chosen_mean[i]), "sd",
                                           ss_json_number(r->chosen_sd[i]), "implausibility", ss_json_number(at)));
    }
    for (int i = 0; i < r->nparams; i++) {
        const ss_calib_param *q = &r->params[i];
        json_array_append_new(p, json_pack("{s:s, s:f, s:f, s:f, s:s, s:s}", "path", q->r.path, "value", r->chosen[i],
                                           "prior_low", q->r.range.low, "prior_high", q->r.range.high, "verdict",
                                           ss_calib_verdict_name(ss_calib_verdict_of(q)), "from", chosen_from(r, i)));
    }
    return json_pack("{s:s, s:o, s:o, s:o}", "rule", SS_CALIB_POINT_RULE, "max_implausibility",
                     ss_json_number(r->chosen_max_i), "targets", t, "parameters", p);
}

json_t *ss_calib_point_json(const ss_calib_result *r, const ss_calib_opts *o, const char *command, const char *date)
{
    json_t *root = json_pack("{s:s, s:i, s:s, s:s, s:s, s:I, s:i, s:i, s:i, s:f, s:I}", "samsim", "calibrated point",
                             "version", 1, "scenario", o->scenario, "command", command, "date", date, "seed",
                             (json_int_t)o->seed, "points_per_wave", o->points, "waves", r->nwaves, "replications",
                             o->reps, "cutoff", o->cutoff, "ensemble_points", (json_int_t)r->nkept);
    json_object_update_new(root, chosen_json(r));
    return root;
}

int ss_calib_print_json(FILE *f, const ss_calib_result *r)
{
    json_t *waves = json_array();
    for (int w = 0; w < r->nwaves; w++)
        json_array_append_new(waves, json_pack("{s:I, s:I, s:f}", "points", (json_int_t)r->waves[w].points, "kept",
                                               (json_int_t)r->waves[w].kept, "box_share", r->waves[w].box_share));
    json_t *root = json_pack("{s:s, s:o, s:o, s:s, s:o, s:I}", "scenario_hash", r->scenario_hash, "targets",
                             targets_json(r), "waves", waves, "stopped", r->stopped ? r->stopped : "", "parameters",
                             params_json(r), "ensemble_points", (json_int_t)r->nkept);
    if (r->chosen) json_object_set_new(root, "point", chosen_json(r));
    int rc = json_dumpf(root, f, JSON_INDENT(2) | JSON_REAL_PRECISION(6)) == 0 && fputc('\n', f) != EOF ? 0 : -1;
    json_decref(root);
    return rc;
}
