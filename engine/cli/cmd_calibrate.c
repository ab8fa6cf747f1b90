/* `samsim calibrate SCENARIO`: history matching of the calibrated numbers to the scenario's
 * calibration targets (study/calibrate.h), printed as the waves, the targets at the closest point
 * and each number's fitted range against its prior; stored with --db, written as an ensemble
 * file with --ensemble-out. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "calibrate.h"
#include "calibrate_view.h"
#include "calibrations.h"
#include "cli.h"
#include "ensemble.h"
#include "model_spec.h"
#include "parse.h"
#include "points_store.h"
#include "results.h"
#include "store.h"
#include "study.h"
#include "study_cmd.h"
#include "xalloc.h"

#define CMD "calibrate"
#define MAX_VARY 64

typedef struct calib_args {
    ss_cli_opts common;
    const char *vary[MAX_VARY];
    int nvary;
    int points, waves;
    double cutoff;
    const char *ensemble_out;
    ss_study_cmd study;                /* the scenario, its overlays, --shard */
    const char *point_out;
} calib_args;

/* ---- options -------------------------------------------------------------------------------- */

enum { OPT_VARY = SS_CLI_OWN, OPT_POINTS, OPT_WAVES, OPT_CUTOFF, OPT_ENSEMBLE_OUT, OPT_SHARD, OPT_POINT_OUT };

static const struct option own_options[] = {
    {"vary", required_argument, NULL, OPT_VARY},     {"points", required_argument, NULL, OPT_POINTS},
    {"waves", required_argument, NULL, OPT_WAVES},   {"cutoff", required_argument, NULL, OPT_CUTOFF},
    {"ensemble-out", required_argument, NULL, OPT_ENSEMBLE_OUT}, {"shard", required_argument, NULL, OPT_SHARD},
    {"point-out", required_argument, NULL, OPT_POINT_OUT},       {0},
};

static int own_value(int opt, const char *v, void *ud)
{
    calib_args *a = ud;
    switch (opt) {
    case OPT_VARY: return ss_cli_add(CMD, "--vary", a->vary, &a->nvary, MAX_VARY, v);
    case OPT_POINTS: return ss_cli_count(CMD, "--points", v, 4, 100000, &a->points);
    case OPT_WAVES: return ss_cli_count(CMD, "--waves", v, 1, SS_CALIB_MAX_WAVES, &a->waves);
    case OPT_SHARD: return ss_cli_shard(CMD, v, &a->study.shard, &a->study.nshards);
    case OPT_POINT_OUT: a->point_out = v; return 0;
    case OPT_CUTOFF:
        if (!ss_parse_number(v, 0, 100, &a->cutoff) || !(a->cutoff > 0))
            return ss_cli_usage_error(CMD, "--cutoff: expected an implausibility above 0 (3 is usual), got '%s'", v);
        return 0;
    }
    a->ensemble_out = v;
    return 0;
}

static int parse_args(int argc, char **argv, calib_args *a)
{
    ss_cli_own own = {.options = own_options, .take = own_value, .ud = a};
    int code = ss_cli_parse_own(CMD, "saredjo", &own, argc, argv, &a->common);
    if (code || a->common.help) return code;
    return ss_study_cmd_check(CMD, "samsim calibrate scenarios/lorenskog/barn-unge-2021.lua", &a->common, &a->study);
}

/* ---- output --------------------------------------------------------------------------------- */

static int write_ensemble(const calib_args *a, const ss_calib_result *r, const char *command_line)
{
    ss_ensemble_param *p = xcalloc((size_t)r->nparams, sizeof *p);
    for (int i = 0; i < r->nparams; i++)
        p[i] = (ss_ensemble_param){.path = (char *)r->params[i].r.path, .prior_low = r->params[i].r.range.low,
                                   .prior_high = r->params[i].r.range.high};
    ss_ensemble e = {.nparams = r->nparams, .params = p, .nrows = r->nkept, .values = r->kept,
                     .scenario = (char *)a->study.spec.file, .scenario_hash = (char *)r->scenario_hash,
                     .command = (char *)command_line};
    ss_diag d;
    int rc = ss_ensemble_write(a->ensemble_out, &e, &d);
    free(p);
    if (rc < 0) fprintf(stderr, "samsim %s: --ensemble-out %s\n", CMD, d.msg);
    return rc < 0 ? SS_EXIT_IO : SS_EXIT_OK;
}

/* The calibrated point (study/calibrate.h) as a file the scenario copies, dated today (UTC).  It
 * is written only when the point meets every target (max I below the cutoff). */
static int write_point(const calib_args *a, const ss_calib_result *r, const ss_calib_opts *co, const char *command_line)
{
    if (!(r->chosen_max_i < co->cutoff)) {
        fprintf(stderr, "samsim %s: --point-out %s: the calibrated point does not meet the targets (max I = %.2f, not "
                        "below %g), so no point is written: narrow the ranges of the numbers left free, or give the "
                        "targets more replications (--reps)\n", CMD, a->point_out, r->chosen_max_i, co->cutoff);
        return SS_EXIT_MODEL;
    }
    char date[16];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(date, sizeof date, "%Y-%m-%d", &tm);
    json_t *doc = ss_calib_point_json(r, co, command_line, date);
    int rc = doc ? json_dump_file(doc, a->point_out, JSON_INDENT(2) | JSON_REAL_PRECISION(10)) : -1;
    json_decref(doc);
    if (rc < 0) {
        fprintf(stderr, "samsim %s: --point-out %s: cannot write it (%s)\n", CMD, a->point_out, strerror(errno));
        return SS_EXIT_IO;
    }
    return SS_EXIT_OK;
}

/* What a calibration prints once its waves are done (the table or JSON, the ensemble file). */
static int print_result(const calib_args *a, const ss_calib_result *r, const ss_calib_opts *co, int64_t study_id,
                        const char *command_line)
{
    if (r->points_stored && !a->common.quiet)
        fprintf(stderr, "%s: resumed calibration %lld: %ld point%s read from the file, not run again\n",
                a->common.db, (long long)study_id, r->points_stored, r->points_stored == 1 ? "" : "s");
    int rc = a->common.json ? ss_calib_print_json(stdout, r) : ss_calib_print_table(stdout, r, co);
    int code = rc < 0 ? SS_EXIT_IO : SS_EXIT_OK;
    if (code == SS_EXIT_OK && a->ensemble_out) code = write_ensemble(a, r, command_line);
    if (code == SS_EXIT_OK && a->point_out) code = write_point(a, r, co, command_line);
    if (code == SS_EXIT_OK && fflush(stdout) != 0) code = SS_EXIT_IO;
    return code;
}

static int cmd_calibrate(int argc, char **argv, ss_stop_flag *interrupt)
{
    calib_args a = {.common = {.reps = 5, .seed = 1}, .points = 64, .waves = 3, .cutoff = 3};
    int code = parse_args(argc - 1, argv + 1, &a);
    if (code || a.common.help) return code ? code : ss_cli_help(CMD);
    char command_line[4096];
    ss_command_line("samsim", argc, argv, command_line, sizeof command_line);
    ss_calib_opts co = {.scenario = a.study.spec.file, .load = ss_study_cmd_load(&a.study, &a.common),
                        .vary = a.vary, .nvary = a.nvary, .points = a.points, .waves = a.waves, .cutoff = a.cutoff,
                        .reps = a.common.reps, .seed = a.common.seed, .choose = a.point_out != NULL,
                        .run = ss_study_cmd_run(&a.study, &a.common, interrupt)};
    ss_points_store st = {.db = a.common.db, .command_line = command_line};
    if (a.common.db) ss_points_store_hook(&st, SS_POINTS_CALIBRATION, &co, &co.run);
    if (!a.common.quiet && isatty(2)) co.run.hooks.progress = ss_study_cmd_progress;
    ss_calib_result r;
    ss_diag d;
    int rc = ss_calibrate_run(&co, &r, &d);
    if (rc == 0 && st.store && !r.waiting) rc = ss_points_store_fit(&st, &r, &d);
    if (rc < 0) {
        code = ss_study_cmd_failed(&d);
    } else if (r.waiting) {
        char wave[32];
        snprintf(wave, sizeof wave, "wave %d", r.waiting);
        code = ss_cli_shard_waiting(a.common.db, a.study.shard, a.study.nshards, wave, "wave");
    } else {
        code = print_result(&a, &r, &co, st.study_id, command_line);
    }
    ss_calib_result_free(&r);
    ss_store_close(st.store);
    return code;
}

const ss_command ss_cmd_calibrate = {
    "calibrate", "samsim calibrate SCENARIO[+OVERLAY...] [--points N] [--waves W] [--cutoff I] [--vary PATH]...\n"
                 "                  [--reps R] [--seed S] [-j N] [--json] [--db FILE [--shard K/N]] [--ensemble-out FILE]\n"
                 "                  [--point-out FILE] [--set PATH=VALUE]... [--apply OVERLAY]...",
    "History matching: which values of the scenario's calibrated numbers (calibrated(value,\n"
    "\"target\", \"why\", {low, high})) meet its calibration targets, each within its tolerance.\n"
    "Waves of points of GSL's Sobol sequence over the numbers' ranges; each point runs the same\n"
    "seed and replications for each target's window; a point is kept when every target's\n"
    "implausibility |simulated - target| / sqrt(variance + (tolerance x target)^2) is below the\n"
    "cutoff, and the next wave samples the box around the points kept.\n"
    "  --points N         points a wave (default 64)\n"
    "  --waves W          at most W waves (default 3); fewer when the kept region stops shrinking\n"
    "  --cutoff I         keep points whose largest implausibility is below I (default 3)\n"
    "  --vary PATH        fit the ranged numbers at or under PATH instead of every calibrated one\n"
    "                     (several allowed; show --sources lists the ranged numbers)\n"
    "  --reps R           replications a point and target window (default 5); --seed S (1)\n"
    "  -j, --jobs N       worker threads (default: all cores); results do not depend on it\n"
    "  --json             the targets, waves, parameters (prior, fitted, verdict) and the ensemble\n"
    "  --db FILE          store the calibration, every point and the fit in SQLite (the view\n"
    "                     calibration_ensemble is the kept points); the same command again (after\n"
    "                     a kill) reads the points stored and runs only the rest\n"
    "  --shard K/N        run only every N-th point of a wave from the K-th, into --db; samsim merge\n"
    "                     joins the shards' files, and the same command on the merged file goes on\n"
    "                     from there (the next wave: shard it again)\n"
    "  --ensemble-out FILE  write the kept points as an ensemble file (compare --robust --ensemble)\n"
    "  --point-out FILE   choose the calibrated point and write it as JSON for the scenario to copy:\n"
    "                     each number the targets pin down or narrow at the kept point closest to\n"
    "                     the targets, each number they leave free at the middle of its prior range;\n"
    "                     the point is run on its own and written only when its max I is below the\n"
    "                     cutoff (with the command, seed, points, replications, date and each\n"
    "                     target at the point)\n"
    "When no point of the first wave is kept, the targets cannot be met inside the ranges: the\n"
    "command says which point came closest and how far each target was, and exits 1.",
    cmd_calibrate};
