/* `samsim sensitivity SCENARIO[+OVERLAY...]`: which ranged assumptions move a result (Morris
 * screening, then Sobol indices; study/sensitivity.h), as a ranked table, JSON or a chart. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "model_spec.h"
#include "points_store.h"
#include "sensitivities.h"
#include "sensitivity.h"
#include "store.h"
#include "study.h"
#include "study_cmd.h"
#include "tornado.h"
#include "xalloc.h"

#define CMD "sensitivity"
#define MAX_METRICS 16
#define DEFAULT_METRIC "first_help_mean"

typedef struct sens_args {
    ss_cli_opts common;
    const char *metrics[MAX_METRICS];
    int nmetrics;
    int methods, trajectories, samples;
    double screen;
    const char *svg;
    const char *ensemble;            /* --ensemble FILE */
    ss_study_cmd study;              /* the scenario, its overlays, --shard */
} sens_args;

/* ---- options -------------------------------------------------------------------------------- */

static int parse_method(const char *v, sens_args *a)
{
    if (strcmp(v, "morris") == 0) a->methods = SS_SENS_MORRIS;
    else if (strcmp(v, "sobol") == 0) a->methods = SS_SENS_SOBOL;
    else if (strcmp(v, "morris+sobol") == 0) a->methods = SS_SENS_MORRIS | SS_SENS_SOBOL;
    else return ss_cli_usage_error(CMD, "--method: expected morris, sobol or morris+sobol, got '%s'", v);
    return 0;
}

enum { OPT_METRIC = SS_CLI_OWN, OPT_METHOD, OPT_TRAJECTORIES, OPT_SAMPLES, OPT_SCREEN, OPT_SVG, OPT_SHARD, OPT_ENSEMBLE };

static const struct option own_options[] = {
    {"metric", required_argument, NULL, OPT_METRIC},   {"method", required_argument, NULL, OPT_METHOD},
    {"trajectories", required_argument, NULL, OPT_TRAJECTORIES}, {"samples", required_argument, NULL, OPT_SAMPLES},
    {"screen", required_argument, NULL, OPT_SCREEN},   {"svg", required_argument, NULL, OPT_SVG},
    {"shard", required_argument, NULL, OPT_SHARD},     {"ensemble", required_argument, NULL, OPT_ENSEMBLE}, {0},
};

static int own_value(int opt, const char *v, void *ud)
{
    sens_args *a = ud;
    switch (opt) {
    case OPT_METRIC: return ss_cli_add(CMD, "--metric", a->metrics, &a->nmetrics, MAX_METRICS, v);
    case OPT_METHOD: return parse_method(v, a);
    case OPT_TRAJECTORIES: return ss_cli_count(CMD, "--trajectories", v, 2, 10000, &a->trajectories);
    case OPT_SAMPLES: return ss_cli_count(CMD, "--samples", v, 8, 1000000, &a->samples);
    case OPT_SCREEN:
        if (!ss_parse_number(v, 0, 1, &a->screen))
            return ss_cli_usage_error(CMD, "--screen: expected a share from 0 to 1, got '%s'", v);
        return 0;
    case OPT_SHARD: return ss_cli_shard(CMD, v, &a->study.shard, &a->study.nshards);
    case OPT_ENSEMBLE: a->ensemble = v; return 0;
    }
    a->svg = v;
    return 0;
}

static int check_args(sens_args *a)
{
    int code = ss_study_cmd_check(CMD, "samsim sensitivity scenarios/default.lua", &a->common, &a->study);
    if (a->nmetrics == 0) a->metrics[a->nmetrics++] = DEFAULT_METRIC;
    return code;
}

static int parse_args(int argc, char **argv, sens_args *a)
{
    int code = ss_cli_parse_own(CMD, "saredjod", &(ss_cli_own){own_options, own_value, a}, argc, argv, &a->common);
    if (code || a->common.help) return code;
    return check_args(a);
}

/* ---- storing -------------------------------------------------------------------------------- */

typedef struct store_ctx {
    const sens_args *a;
    const ss_sens_opts *so;
    const char *command_line;
    ss_points_store points;
} store_ctx;

/* The study's row and its parameters, once the ranged numbers are known and before any point is
 * run (ss_sens_opts.started). */
static int begin_store(void *ud, const ss_sens_result *probe, ss_diag *d)
{
    store_ctx *s = ud;
    const sens_args *a = s->a;
    const ss_sens_opts *so = s->so;
    if (!ss_points_store_open(&s->points, d)) return -1;
    char metrics[1024] = "";
    for (int m = 0; m < a->nmetrics; m++)
        snprintf(metrics + strlen(metrics), sizeof metrics - strlen(metrics), "%s%s", m ? "," : "", a->metrics[m]);
    ss_sens_study_row row = {.study_key = probe->study_key, .scenario_path = a->study.spec.file, .scenario_hash = probe->scenario_hash,
                             .command_line = s->command_line, .method = ss_sens_method_name(so->methods),
                             .metrics = metrics, .seed = so->seed, .replications = so->reps,
                             .trajectories = so->trajectories, .samples = so->samples};
    ss_sens_parameter_row *p = xcalloc((size_t)probe->nparams + 1, sizeof *p);
    for (int i = 0; i < probe->nparams; i++) {
        const ss_ranged *r = &probe->params[i].r;
        bool tri = r->range.dist == SS_RANGE_TRIANGULAR;
        p[i] = (ss_sens_parameter_row){.index = i, .name = r->path, .kind = r->kind, .dist = tri ? "triangular" : "uniform",
                                       .value = r->value, .low = r->range.low, .mode = r->range.mode, .high = r->range.high};
    }
    int rc = ss_store_begin_sensitivity(s->points.store, &row, p, probe->nparams, &s->points.study_id,
                                        &s->points.resumed, d);
    free(p);
    return rc;
}

static int store_indices(store_ctx *s, const ss_sens_result *r, ss_diag *d)
{
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
    int rc = ss_store_sensitivity_indices(s->points.store, s->points.study_id, rows, n, d);
    free(rows);
    return rc;
}

/* ---- the command ---------------------------------------------------------------------------- */

static int write_svg(const sens_args *a, const ss_sens_result *r)
{
    plotter p;
    if (ss_plotter_init(&p, "gnuplot", false) < 0) {
        fprintf(stderr, "samsim %s: --svg %s: %s\n", CMD, a->svg, p.why);
        return SS_EXIT_IO;
    }
    char *svg = ss_sens_tornado_svg(&p, r, 0);
    int code = SS_EXIT_OK;
    FILE *f = svg ? fopen(a->svg, "w") : NULL;
    if (!svg)
        fprintf(stderr, "samsim %s: --svg %s: no chart: %s\n", CMD, a->svg, p.why), code = SS_EXIT_IO;
    else if (!f || fputs(svg, f) < 0 || fclose(f) != 0)
        fprintf(stderr, "samsim %s: --svg %s: cannot write the chart\n", CMD, a->svg), code = SS_EXIT_IO;
    free(svg);
    ss_plotter_fini(&p);
    return code;
}

static int print_results(const sens_args *a, const ss_sens_result *r, const ss_sens_opts *so)
{
    if (a->common.json) {
        if (ss_sens_print_json(stdout, r) < 0) return SS_EXIT_IO;
    } else {
        for (int m = 0; m < r->nmetrics; m++) {
            if (m) fputc('\n', stdout);
            ss_sens_print_table(stdout, r, m, so->reps, so->seed);
        }
    }
    int code = a->svg ? write_svg(a, r) : SS_EXIT_OK;
    return fflush(stdout) == 0 ? code : SS_EXIT_IO;
}

/* A shard that has stored its part of a stage whose other parts are elsewhere. */
static int shard_done(const sens_args *a, const ss_sens_result *r)
{
    char stage[64];
    snprintf(stage, sizeof stage, "the %s stage", r->waiting);
    return ss_cli_shard_waiting(a->common.db, a->study.shard, a->study.nshards, stage, "stage");
}

static int cmd_sensitivity(int argc, char **argv, ss_stop_flag *interrupt)
{
    sens_args a = {.common = {.reps = 3, .seed = 1}, .methods = SS_SENS_MORRIS | SS_SENS_SOBOL, .trajectories = 10,
                   .samples = 64, .screen = 0.1};
    int code = parse_args(argc - 1, argv + 1, &a);
    if (code || a.common.help) return code ? code : ss_cli_help(CMD);
    char command_line[4096];
    ss_command_line("samsim", argc, argv, command_line, sizeof command_line);
    ss_sens_opts so = {.scenario = a.study.spec.file, .load = ss_study_cmd_load(&a.study, &a.common),
                       .metrics = a.metrics, .nmetrics = a.nmetrics,
                       .methods = a.methods, .trajectories = a.trajectories, .levels = 4, .screen = a.screen,
                       .samples = a.samples, .resamples = 500, .reps = a.common.reps, .seed = a.common.seed,
                       .jobs = a.common.jobs, .shard = a.study.shard, .nshards = a.study.nshards, .interrupt = interrupt};
    ss_ensemble ens = {0};
    ss_diag d;
    if (a.ensemble && ss_ensemble_read(a.ensemble, &ens, &d) < 0) {
        fprintf(stderr, "samsim %s: --ensemble %s\n", CMD, d.msg);
        return SS_EXIT_USAGE;
    }
    so.ensemble = a.ensemble ? &ens : NULL;
    store_ctx st = {.a = &a, .so = &so, .command_line = command_line,
                    .points = {.kind = SS_POINTS_SENSITIVITY, .db = a.common.db}};
    if (a.common.db) {
        so.hooks = ss_points_store_hooks(&st.points);
        so.started = begin_store;
        so.started_ud = &st;
    }
    if (!a.common.quiet && isatty(2)) so.hooks.progress = ss_study_cmd_progress;
    ss_sens_result r;
    if (ss_sensitivity_run(&so, &r, &d) < 0 || (st.points.store && !r.waiting && store_indices(&st, &r, &d) < 0)) {
        code = ss_study_cmd_failed(&d);
    } else {
        if (r.points_stored && !a.common.quiet)
            fprintf(stderr, "%s: resumed study %lld: %ld point%s read from the file, not run again\n", a.common.db,
                    (long long)st.points.study_id, r.points_stored, r.points_stored == 1 ? "" : "s");
        code = r.waiting ? shard_done(&a, &r) : print_results(&a, &r, &so);
    }
    ss_sens_result_free(&r);
    ss_ensemble_free(&ens);
    ss_store_close(st.points.store);
    return code;
}

const ss_command ss_cmd_sensitivity = {
    "sensitivity", "samsim sensitivity SCENARIO[+OVERLAY...] [--metric M]... [--method morris|sobol|morris+sobol]\n"
                   "                    [--trajectories R] [--samples N] [--screen F] [--reps R] [--seed S] [-j N]\n"
                   "                    [--json] [--db FILE [--shard K/N]] [--svg FILE] [--ensemble FILE]\n"
                   "                    [--set PATH=VALUE]... [--apply OVERLAY]...",
    "Which ranged assumptions move a result: Morris screening of every number that carries a\n"
    "range (cite/assume/calibrated/effect with {low, high}), then Sobol first- and total-order\n"
    "indices, with bootstrap intervals, for those that matter.  Every point runs the same seed.\n"
    "  --metric M        a system metric (first_help_mean, the default) or SERVICE.METRIC\n"
    "                    (fph_barn.wait_mean); several allowed, from the same runs\n"
    "  --method WHICH    morris, sobol (every ranged number, at most 20) or morris+sobol (default)\n"
    "  --trajectories R  Morris trajectories (default 10): R (k + 1) points for k numbers\n"
    "  --samples N       Sobol base samples (default 64): N (m + 2) points for m numbers\n"
    "  --screen F        Sobol for the numbers whose mu* is at least F x the largest (default 0.1)\n"
    "  --reps R          replications a point (default 3); --seed S the seed of every point (1)\n"
    "  -j, --jobs N      worker threads (default: all cores); results do not depend on it\n"
    "  --json            {\"metric\", \"method\", \"parameters\": [...]} (an array of them for several metrics)\n"
    "  --db FILE         store the study, every point and the indices in SQLite; the same command\n"
    "                    again (after a kill) reads the points stored and runs only the rest\n"
    "  --shard K/N       run only every N-th point from the K-th, into --db; samsim merge joins the\n"
    "                    shards' files, and the same command on the merged file goes on from there\n"
    "  --svg FILE        draw the tornado chart of the first metric (gnuplot)\n"
    "  --ensemble FILE   a calibration's ensemble (calibrate --ensemble-out): each of its numbers\n"
    "                    varies over the values it takes there instead of its prior range",
    cmd_sensitivity};
