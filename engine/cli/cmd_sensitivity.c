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
    ss_cli_own own = {.options = own_options, .take = own_value, .ud = a};
    int code = ss_cli_parse_own(CMD, "saredjod", &own, argc, argv, &a->common);
    if (code || a->common.help) return code;
    return check_args(a);
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
                       .run = ss_study_cmd_run(&a.study, &a.common, interrupt)};
    ss_ensemble ens = {0};
    ss_diag d;
    if (a.ensemble && ss_ensemble_read(a.ensemble, &ens, &d) < 0) {
        fprintf(stderr, "samsim %s: --ensemble %s\n", CMD, d.msg);
        return SS_EXIT_USAGE;
    }
    so.ensemble = a.ensemble ? &ens : NULL;
    ss_points_store st = {.db = a.common.db, .command_line = command_line};
    if (a.common.db) ss_points_store_hook(&st, SS_POINTS_SENSITIVITY, &so, &so.run);
    if (!a.common.quiet && isatty(2)) so.run.hooks.progress = ss_study_cmd_progress;
    ss_sens_result r;
    if (ss_sensitivity_run(&so, &r, &d) < 0 || (st.store && !r.waiting && ss_points_store_indices(&st, &r, &d) < 0)) {
        code = ss_study_cmd_failed(&d);
    } else {
        if (r.points_stored && !a.common.quiet)
            fprintf(stderr, "%s: resumed study %lld: %ld point%s read from the file, not run again\n", a.common.db,
                    (long long)st.study_id, r.points_stored, r.points_stored == 1 ? "" : "s");
        code = r.waiting ? shard_done(&a, &r) : print_results(&a, &r, &so);
    }
    ss_sens_result_free(&r);
    ss_ensemble_free(&ens);
    ss_store_close(st.store);
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
