/* calibrate_view: a calibration's result as a table and as JSON (see calibrate_view.h). */
#include "calibrate_view.h"

#include <math.h>
#include <string.h>

#include <jansson.h>

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

int ss_calib_print_json(FILE *f, const ss_calib_result *r)
{
    json_t *waves = json_array();
    for (int w = 0; w < r->nwaves; w++)
        json_array_append_new(waves, json_pack("{s:I, s:I, s:f}", "points", (json_int_t)r->waves[w].points, "kept",
                                               (json_int_t)r->waves[w].kept, "box_share", r->waves[w].box_share));
    json_t *root = json_pack("{s:s, s:o, s:o, s:s, s:o, s:I}", "scenario_hash", r->scenario_hash, "targets",
                             targets_json(r), "waves", waves, "stopped", r->stopped ? r->stopped : "", "parameters",
                             params_json(r), "ensemble_points", (json_int_t)r->nkept);
    int rc = json_dumpf(root, f, JSON_INDENT(2) | JSON_REAL_PRECISION(6)) == 0 && fputc('\n', f) != EOF ? 0 : -1;
    json_decref(root);
    return rc;
}
