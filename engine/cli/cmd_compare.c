/* cmd_compare: `samsim compare BASE OPTION [OPTION ...]` — run organisational models with common
 * random numbers and print, per key result, each model's estimate, the paired difference
 * against the base, and how much the pairing narrowed the interval.
 *
 * A model is a scenario file, a scenario with overlays ("BASE+models/x.lua", or "+models/x.lua"
 * for the base plus overlays), or a run already in a database ("db:FILE#RUN_ID"). */
#include "compare_cmd.h"
#include "words.h"

#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compare.h"
#include "compare_robust.h"
#include "model_spec.h"
#include "comparisons.h"
#include "scenario.h"
#include "study.h"
#include "xalloc.h"

/* Without --reps or a stored model, compare reaches this precision on the first model it runs
 * (the base, unless stored) and runs the others with as many replications, since pairs need the
 * same number.  The budget is a number of replications, not seconds, so the same command gives
 * the same figures on any machine: 40 replications of a municipal scenario take a few seconds. */
#define COMPARE_DEFAULT_PRECISION 0.05
#define COMPARE_DEFAULT_CAP 40

/* ---- model specifications ------------------------------------------------------------------- */

/* "db:results.db#2" */
static int parse_stored(model *m)
{
    const char *body = m->spec + 3, *hash = strrchr(body, '#');
    long id;
    if (!hash || hash == body || !ss_parse_count(hash + 1, 1, INT32_MAX, &id))
        return ss_cli_usage_error(CMD, "%s '%s': expected db:FILE#RUN_ID, e.g. db:results.db#2", m->letter, m->spec);
    snprintf(m->db, sizeof m->db, "%.*s", (int)(hash - body), body);
    m->run_id = id;
    m->stored = true;
    return 0;
}

static int parse_models(compare_cmd *c)
{
    c->nmodels = c->o.npositional;
    c->models = xcalloc(c->nmodels, sizeof *c->models);
    for (int i = 0; i < c->nmodels; i++) {
        model *m = &c->models[i];
        snprintf(m->letter, sizeof m->letter, "%c", 'A' + i);
        snprintf(m->spec, sizeof m->spec, "%s", c->o.positional[i]);
        const model *base = i && !c->models[0].stored ? &c->models[0] : NULL;
        if (c->robust.args.robust && strncmp(m->spec, "db:", 3) == 0)
            return ss_cli_usage_error(CMD, "--robust runs the models at each sample of their assumptions, so it needs "
                                           "their scenarios, not a stored run: %s '%s'", m->letter, m->spec);
        int code = strncmp(m->spec, "db:", 3) == 0 ? parse_stored(m)
                   : ss_model_spec_parse(CMD, m->letter, m->spec, base ? &base->where : NULL, &m->where);
        if (code)
            return code;
    }
    return 0;
}

/* ---- stored models ---------------------------------------------------------------------------- */

static bool same_file(const char *a, const char *b)
{
    char ra[PATH_MAX], rb[PATH_MAX];
    if (!realpath(a, ra) || !realpath(b, rb))
        return strcmp(a, b) == 0;
    return strcmp(ra, rb) == 0;
}

static int load_stored(compare_cmd *c, model *m)
{
    if (c->o.db && !same_file(m->db, c->o.db)) {
        fprintf(stderr, "samsim %s: %s '%s' is stored in %s, but --db is %s: a comparison can only refer to runs in its own database\n",
                CMD, m->letter, m->spec, m->db, c->o.db);
        return SS_EXIT_USAGE;
    }
    ss_diag d;
    ss_results_db *db = ss_results_db_open(m->db, &d);
    int rc = db ? ss_stored_run_load(db, m->run_id, 0, &m->stored_run, &d) : -1;
    ss_results_db_close(db);
    if (rc < 0) {
        fprintf(stderr, "samsim %s: %s\n", CMD, d.msg);
        return SS_EXIT_USAGE;
    }
    ss_compare_view_stored(&m->stored_view, &m->stored_run);
    m->st = &m->stored_view;
    return 0;
}

/* The seed and replications: given, else those of the first stored model, else 1 and 10.  A
 * stored run made otherwise cannot be paired, and saying so before running anything saves time. */
static int settle_seed_and_reps(compare_cmd *c)
{
    const ss_stored_run *first = NULL;
    for (int i = 0; i < c->nmodels && !first; i++)
        if (c->models[i].stored)
            first = &c->models[i].stored_run;
    if (c->o.seed == SEED_UNSET) c->o.seed = first ? first->seed : 1;
    if (!first && !c->o.reps_given && !(c->o.precision > 0)) {
        c->o.precision = COMPARE_DEFAULT_PRECISION;
        c->o.reps = COMPARE_DEFAULT_CAP;
        c->o.reps_given = true;  /* as the cap */
    }
    if (first && c->o.precision > 0) {
        fprintf(stderr, "samsim %s: --precision cannot add replications to a stored run: the comparison uses its %d\n", CMD, first->nreps);
        c->o.precision = 0;
    }
    if (c->o.reps == 0) c->o.reps = first ? first->nreps : 10;
    for (int i = 0; i < c->nmodels; i++) {
        const model *m = &c->models[i];
        if (!m->stored || (m->stored_run.seed == c->o.seed && m->stored_run.nreps == c->o.reps))
            continue;
        fprintf(stderr, "samsim %s: cannot pair %s '%s' with the others: it was run with seed %" PRIu64 " and %d replications, "
                        "the comparison uses seed %" PRIu64 " and %d (common random numbers need the same seed and replications)\n",
                CMD, m->letter, m->spec, m->stored_run.seed, m->stored_run.nreps, c->o.seed, c->o.reps);
        return SS_EXIT_USAGE;
    }
    return 0;
}

/* ---- running the scenario models -------------------------------------------------------------- */

static int load_scenario(model *m)
{
    ss_scenario_opts so = {.overlays = m->where.overlays, .noverlays = m->where.noverlays};
    ss_diag d;
    m->sc = ss_scenario_load(m->where.file, &so, &d);
    if (!m->sc) {
        fprintf(stderr, "samsim %s: %s '%s': %s\n", CMD, m->letter, m->spec, d.msg);
        return SS_EXIT_MODEL;
    }
    return 0;
}

#define MAX_CANDIDATES 16   /* stored runs of one model looked at for a precision's run */

/* A stored run of this model that the run about to start would repeat: with fixed replications,
 * one with as many; with a precision, one whose replications are exactly the number the precision
 * stops at when replayed on them (ss_study_precision_replay: the same seed gives the same
 * replications), whose outcome then stands in for the run's.  1 with m->stored_run, 0 when there
 * is none, -1 with d. */
static int find_stored_run(compare_cmd *c, model *m, ss_results_db *db, ss_diag *d)
{
    bool precision = c->o.precision > 0;
    int64_t ids[MAX_CANDIDATES];
    int n = ss_results_find_runs(db, &m->study.info, precision, ids, precision ? MAX_CANDIDATES : 1, d);
    for (int i = 0; i < n; i++) {
        if (ss_stored_run_load(db, ids[i], 0, &m->stored_run, d) < 0) return -1;
        if (!precision) return 1;
        ss_study_opts so = {0};
        int first = ss_cli_precision(&c->o, &so);
        ss_precision p;
        const ss_stored_run *r = &m->stored_run;
        if (ss_study_precision_replay(r->reps, r->nreps, r->nservices, (const char *const *)r->ids, first, &so, &p) ==
            r->nreps) {
            c->precision = p;   /* the first run decided: the others take as many */
            c->o.reps = r->nreps;
            c->o.precision = 0;
            return 1;
        }
        ss_stored_run_free(&m->stored_run);
    }
    return n < 0 ? -1 : 0;
}

/* --robust --db: a model run already in the file (the same command run again, to resume its
 * samples or after merging its shards) is read, not run and stored again.  1 read, 0 to run, or
 * an exit code's negative after printing the error. */
static int reuse_stored(compare_cmd *c, model *m)
{
    if (!c->robust.args.robust || !c->o.db || access(c->o.db, F_OK) != 0)
        return 0;   /* a fresh file: nothing to look for */
    ss_diag d;
    ss_results_db *db = ss_results_db_open(c->o.db, &d);
    if (!db) return 0;   /* no runs in it yet (an empty file): the store writes them, or says what is wrong */
    int found = find_stored_run(c, m, db, &d);
    ss_results_db_close(db);
    if (found < 0) {
        fprintf(stderr, "samsim %s: %s '%s': %s\n", CMD, m->letter, m->spec, d.msg);
        return -SS_EXIT_IO;
    }
    if (!found) return 0;
    ss_compare_view_stored(&m->stored_view, &m->stored_run);
    m->st = &m->stored_view;
    m->reused = true;
    if (!c->o.quiet)
        fprintf(stderr, "samsim %s: %s '%s': run %" PRId64 " in %s is this model with seed %" PRIu64 " and %d replications: "
                        "read, not run again\n", CMD, m->letter, m->spec, m->stored_run.run_id, c->o.db, c->o.seed,
                m->stored_run.nreps);
    return 1;
}

static int run_model(compare_cmd *c, model *m, int i, ss_stop_flag *interrupt)
{
    bool progress = !c->o.quiet && isatty(2);
    if (progress)
        fprintf(stderr, "\r\033[Kmodel %s (%d of %d): %s\n", m->letter, i + 1, c->nmodels, m->spec);
    ss_study_opts so = {.jobs = c->o.jobs, .interrupt = interrupt, .db = c->o.db,
                        .progress = progress && c->o.reps > 1 ? ss_cli_progress : NULL};
    ss_study_init(&m->study, m->sc, c->o.seed, ss_cli_precision(&c->o, &so), c->command_line);
    ss_study_inputs(&m->study, &(ss_scenario_opts){.overlays = m->where.overlays, .noverlays = m->where.noverlays});
    int reused = reuse_stored(c, m);
    if (reused) return reused < 0 ? -reused : 0;
    ss_diag d;
    int interrupted, io_error;
    if (ss_study_run(&m->study, &so, &d, &interrupted, &io_error) < 0) {
        fprintf(stderr, "%s\n", d.msg);
        return interrupted ? SS_EXIT_INTERRUPTED : io_error ? SS_EXIT_IO : SS_EXIT_MODEL;
    }
    m->st = &m->study;
    if (c->o.precision > 0) {  /* the first run decided: the others take as many */
        c->precision = m->study.info.precision;
        c->o.reps = m->study.nreps;
        c->o.precision = 0;
    }
    return 0;
}

static int check_robust(const compare_cmd *c, ss_stop_flag *interrupt);

/* All scenarios are loaded before any runs, so a typo in the last one costs no waiting. */
static int run_models(compare_cmd *c, ss_stop_flag *interrupt)
{
    for (int i = 0; i < c->nmodels; i++) {
        int code = c->models[i].stored ? load_stored(c, &c->models[i]) : 0;
        if (code)
            return code;
    }
    int code = settle_seed_and_reps(c);
    for (int i = 0; i < c->nmodels && !code; i++)
        if (!c->models[i].stored)
            code = load_scenario(&c->models[i]);
    if (!code && c->robust.args.robust)
        code = check_robust(c, interrupt);
    for (int i = 0; i < c->nmodels && !code; i++)
        if (!c->models[i].stored)
            code = run_model(c, &c->models[i], i, interrupt);
    return code;
}

/* ---- comparing --------------------------------------------------------------------------------- */

/* "fph 4.0 -> 6.0, hs 8.0 -> 6.0" for the services whose staffing differs. */
static void fte_changes(const model *a, const model *b, char *out, size_t n)
{
    out[0] = '\0';
    for (int s = 0; s < a->st->info.nservices; s++) {
        const char *id = a->st->info.service_ids[s];
        double fa = compare_model_fte(a, s), fb = 0.0;
        for (int t = 0; t < b->st->info.nservices; t++)
            if (strcmp(b->st->info.service_ids[t], id) == 0)
                fb = compare_model_fte(b, t);
        if (!isfinite(fa)) fa = 0.0;
        if (!isfinite(fb)) fb = 0.0;
        if (fabs(fa - fb) > 1e-9) {
            size_t l = strlen(out);
            snprintf(out + l, n - l, "%s%s %.1f -> %.1f", l ? ", " : "", id, fa, fb);
        }
    }
}

/* The warning that the models' staffing differs, in lang (English in c->warnings, for JSON). */
void compare_staffing_warning(const compare_cmd *c, int opt, ss_lang lang, char *w, size_t n)
{
    const ss_comparison *cmp = &c->cmp[opt];
    const model *a = &c->models[0], *b = &c->models[opt + 1];
    w[0] = '\0';
    if (fabs(cmp->fte_option - cmp->fte_base) < 1e-9)
        return;
    char detail[400];
    fte_changes(a, b, detail, sizeof detail);
    char cost[200];
    if (cmp->nok_per_fte_base > 0 && cmp->nok_per_fte_option > 0) {
        char diff[64], per[64];
        ss_lang_amount(lang, diff, sizeof diff, cmp->fte_option * cmp->nok_per_fte_option - cmp->fte_base * cmp->nok_per_fte_base, true);
        ss_lang_amount(lang, per, sizeof per, cmp->nok_per_fte_option, false);
        snprintf(cost, sizeof cost, ss_words(lang, "a yearly cost difference of %s NOK (%s NOK per FTE)"), diff, per);
    } else {
        snprintf(cost, sizeof cost, "%s", ss_words(lang, "the scenarios give no cost per FTE (costs.nok_per_fte), so the difference is in FTE only"));
    }
    snprintf(w, n, ss_words(lang, "the models differ in total FTE serving the modelled population (fte x staff_share): %s has %.1f and %s (base) %.1f (%+.1f FTE%s%s); %s"),
             b->letter, cmp->fte_option, a->letter, cmp->fte_base, cmp->fte_option - cmp->fte_base, *detail ? ": " : "", detail, cost);
    ss_lang_figures(lang, w);
}

static void staffing_warning(compare_cmd *c, int opt)
{
    compare_staffing_warning(c, opt, SS_LANG_EN, c->warnings[opt], sizeof c->warnings[opt]);
}

/* The name, description and effect assumptions of each model, from its resolved text (a stored
 * run keeps it); a text that cannot be read leaves the model unnamed, and says why. */
static void read_about(model *m)
{
    const char *text = m->st->info.resolved_text;
    ss_diag d;
    if (!text) return;
    if (ss_model_about_read(text, m->spec, &m->about, &d) == 0) m->about_read = true;
    else fprintf(stderr, "samsim %s: warning: %s '%s': its scenario text cannot be read for the verdict: %s\n", CMD, m->letter, m->spec, d.msg);
}

static void judge_all(compare_cmd *c)
{
    for (int i = 0; i < c->nmodels; i++)
        read_about(&c->models[i]);
    c->verdicts = xcalloc(c->nmodels - 1, sizeof *c->verdicts);
    const model *a = &c->models[0];
    for (int i = 1; i < c->nmodels; i++) {
        const model *b = &c->models[i];
        ss_verdict_build(&c->cmp[i - 1], a->about_read ? &a->about : NULL, b->about_read ? &b->about : NULL, &c->verdicts[i - 1]);
    }
}

static int compare_all(compare_cmd *c)
{
    c->cmp = xcalloc(c->nmodels - 1, sizeof *c->cmp);
    for (int i = 1; i < c->nmodels; i++) {
        ss_diag d;
        if (ss_compare(c->models[0].st, c->models[i].st, 0.95, &c->cmp[i - 1], &d) < 0) {
            fprintf(stderr, "samsim %s: %s '%s' and %s '%s': %s\n", CMD, c->models[0].letter, c->models[0].spec,
                    c->models[i].letter, c->models[i].spec, d.msg);
            return SS_EXIT_USAGE;
        }
        staffing_warning(c, i - 1);
        char w[600];
        compare_staffing_warning(c, i - 1, c->o.lang, w, sizeof w);
        if (*w)
            fprintf(stderr, "samsim %s: %s: %s\n", CMD, ss_words(c->o.lang, "warning"), w);
    }
    judge_all(c);
    return 0;
}

/* ---- robustness ---------------------------------------------------------------------------------- */

/* The command's options as every option's robust run shares them. */
static ss_robust_run_args robust_run_args(const compare_cmd *c, ss_stop_flag *interrupt)
{
    return (ss_robust_run_args){.reps = c->o.reps, .seed = c->o.seed, .jobs = c->o.jobs, .db = c->o.db,
                                .command_line = c->command_line, .progress = !c->o.quiet && isatty(2),
                                .quiet = c->o.quiet, .interrupt = interrupt};
}

/* The models as --robust runs them (--robust takes no stored model). */
static ss_compare_model *robust_models(const compare_cmd *c)
{
    ss_compare_model *m = xcalloc((size_t)c->nmodels, sizeof *m);
    for (int i = 0; i < c->nmodels; i++)
        m[i] = (ss_compare_model){c->models[i].letter, c->models[i].spec, &c->models[i].where};
    return m;
}

/* Before the nominal runs: the models have numbers to vary. */
static int check_robust(const compare_cmd *c, ss_stop_flag *interrupt)
{
    ss_robust_run_args ra = robust_run_args(c, interrupt);
    ss_compare_model *models = robust_models(c);
    const ss_scenario **sc = xcalloc((size_t)c->nmodels, sizeof *sc);
    for (int i = 0; i < c->nmodels; i++) sc[i] = c->models[i].sc;
    int code = ss_compare_robust_check(CMD, &c->robust, &ra, models, sc, c->nmodels);
    free(sc);
    free(models);
    return code;
}

/* --robust: each option against the base over the plausible assumptions. */
static int run_robust(compare_cmd *c, ss_stop_flag *interrupt)
{
    ss_robust_run_args ra = robust_run_args(c, interrupt);
    ss_compare_model *models = robust_models(c);
    int code = ss_compare_robust_all(CMD, &c->robust, &ra, models, c->nmodels, c->verdicts, &c->models[0].st->info);
    free(models);
    return code;
}

/* ---- the database record ----------------------------------------------------------------------------- */

static int record(compare_cmd *c)
{
    const char *option_models[MAX_MODELS];
    int64_t option_runs[MAX_MODELS];
    for (int i = 1; i < c->nmodels; i++) {
        option_models[i - 1] = c->models[i].spec;
        option_runs[i - 1] = c->models[i].st->run_id;
    }
    ss_diag d;
    int64_t id;
    int known = ss_store_record_comparison(c->o.db, c->models[0].st->run_id, c->models[0].spec, option_runs, option_models,
                                           c->nmodels - 1, c->command_line, &id, &d);
    if (known < 0) {
        fprintf(stderr, "samsim %s: %s\n", CMD, d.msg);
        return SS_EXIT_IO;
    }
    fprintf(stderr, "samsim %s: %s comparison %" PRId64 " (runs", CMD, known ? "the file has this" : "stored", id);
    for (int i = 0; i < c->nmodels; i++)
        fprintf(stderr, "%s %" PRId64 " %s", i ? "," : "", c->models[i].st->run_id, c->models[i].letter);
    fprintf(stderr, ") in %s; 'samsim report %s' builds the report\n", c->o.db, c->o.db);
    return ss_compare_robust_record(CMD, &c->robust, c->o.db, id, option_runs);
}

/* ---- the command ------------------------------------------------------------------------------------ */

/* One output format, and --all and --headline only where they mean something. */
static int choose_format(compare_cmd *c)
{
    const ss_cli_opts *o = &c->o;
    if (o->markdown + o->json + o->csv > 1)
        return ss_cli_usage_error(CMD, "choose one of --json, --csv and --markdown");
    bool program = o->markdown || o->json || o->csv;
    if (o->headline && (o->all || program))
        return ss_cli_usage_error(CMD, "--headline is a few lines for people; it takes no --all, --json, --csv or --markdown");
    if (o->all && program)
        return ss_cli_usage_error(CMD, "--all is for the table; --json, --csv and --markdown always give every result");
    c->format = o->json ? OUT_JSON : o->csv ? OUT_CSV : o->markdown ? OUT_MARKDOWN : OUT_TABLE;
    return 0;
}

/* compare's own options: those of a robust comparison. */
static int own_value(int opt, const char *v, void *ud)
{
    return ss_robust_args_take(CMD, opt, v, ud);
}

static int parse_args(compare_cmd *c, int argc, char **argv)
{
    c->o = (ss_cli_opts){.reps = 0, .seed = SEED_UNSET};
    ss_cli_own own = {.options = ss_robust_options, .take = own_value, .ud = &c->robust.args};
    int code = ss_cli_parse_own(CMD, "rejodmAHpl", &own, argc - 1, argv + 1, &c->o);
    if (!code && !c->o.help) code = ss_robust_args_check(CMD, &c->robust.args, c->o.db, c->o.reps);
    if (!code && !c->o.help) code = choose_format(c);
    if (code || c->o.help)
        return code;
    if (c->o.npositional < 2)
        return ss_cli_usage_error(CMD, "compare needs a base and at least one option, e.g. samsim compare scenarios/default.lua "
                                       "scenarios/default.lua+models/more-fph-staff.lua");
    if (c->o.npositional > MAX_MODELS)
        return ss_cli_usage_error(CMD, "at most %d models (A to Z), got %d", MAX_MODELS, c->o.npositional);
    return 0;
}

static void free_cmd(compare_cmd *c)
{
    ss_compare_robust_free(&c->robust);
    for (int i = 0; c->verdicts && i + 1 < c->nmodels; i++)
        ss_verdict_free(&c->verdicts[i]);
    free(c->verdicts);
    for (int i = 0; c->cmp && i + 1 < c->nmodels; i++)
        ss_comparison_free(&c->cmp[i]);
    free(c->cmp);
    for (int i = 0; c->models && i < c->nmodels; i++) {
        model *m = &c->models[i];
        ss_model_about_free(&m->about);
        if (m->stored || m->reused)
            ss_stored_run_free(&m->stored_run);
        if (!m->stored) {
            ss_study_fini(&m->study);
            ss_scenario_free(m->sc);
        }
    }
    free(c->models);
}

static int cmd_compare(int argc, char **argv, ss_stop_flag *interrupt)
{
    compare_cmd c;
    memset(&c, 0, sizeof c);
    int code = parse_args(&c, argc, argv);
    if (code || c.o.help)
        return code ? code : ss_cli_help(CMD);
    ss_command_line("samsim", argc, argv, c.command_line, sizeof c.command_line);
    code = parse_models(&c);
    if (!code) code = run_models(&c, interrupt);
    if (!code) code = compare_all(&c);
    if (!code && c.robust.args.robust) code = run_robust(&c, interrupt);
    if (!code && c.robust.waiting) {
        code = ss_compare_robust_shard_done(&c.robust, c.o.db);
        free_cmd(&c);
        return code;
    }
    if (!code) code = compare_print_results(&c);
    if (!code && c.o.db) code = record(&c);
    free_cmd(&c);
    return code;
}

const ss_command ss_cmd_compare = {
    "compare", "samsim compare BASE OPTION [OPTION ...] [--reps N] [--seed S] [-j N]\n"
               "                    [--all | --headline | --json | --csv | --markdown] [--db FILE] [--lang en|nb]\n"
               "                    [--robust [--samples N | --ensemble FILE] [--shard K/N]]",
    "Run organisational models with common random numbers (the same people arrive at the same\n"
    "times in every model) and compare each OPTION with BASE.  First the verdict: the models by\n"
    "name, and for the key measures a reviewer reads (time to first and to the right help, waits\n"
    "where people queue, people lost at transitions, hand-offs across sectors, individual plans,\n"
    "coordinators, decisions in time, FTE and cost) whether the option is better, worse or not\n"
    "clearly different, with the paired difference and its 95% interval (shares in percentage\n"
    "points) and the effect assumptions the difference may rest on.  With --all, then every result:\n"
    "each model's mean with its interval, the paired difference, the relative change, whether it\n"
    "is beyond noise, and how much pairing narrowed the interval.\n"
    "A model is one of:\n"
    "  SCENARIO.lua                  a scenario file\n"
    "  SCENARIO.lua+models/x.lua     a scenario with overlays (several '+' allowed); an overlay is\n"
    "                                looked for beside the scenario, then from here, then by its\n"
    "                                name in the models folder (scenarios/models); .lua may be left off\n"
    "  +models/x.lua, BASE+models/x.lua   the base model with more overlays\n"
    "  db:FILE#RUN_ID                a run stored earlier (same seed and replications)\n"
    "  --reps N         replications (default: as many as the base needs for every key interval\n"
    "                   within 5 % of its mean, at most 40; or those of a stored model)\n"
    "  --precision REL  that precision instead of 5 % (--reps is then the cap)\n"
    "  --seed S         study seed (default 1, or that of a stored model)\n"
    "  -j, --jobs N     worker threads (default: all cores); results do not depend on it\n"
    "  --all            every result after the verdict\n"
    "  --lang LANG      en (English, the default) or nb (Norwegian bokm\u00e5l, decimal commas) for the\n"
    "                   verdict and the table; --json, --csv and --markdown stay English for programs\n"
    "  --headline       only the question, the models and three key differences\n"
    "  --json, --csv, --markdown   the verdict (JSON) and every result, for programs\n"
    "  --db FILE        store every run and the comparison (table comparisons) in SQLite,\n"
    "                   for 'samsim report FILE'\n"
    "  -q, --quiet      no progress lines\n"
    "  --robust         also run both models at each of N samples of their plausible assumptions\n"
    "                   (every number with a range, in either model; a Sobol sequence, or a Latin\n"
    "                   hypercube beyond 40 numbers), --reps replications each, paired: the verdict\n"
    "                   then says in how many samples each judgement holds and which numbers decide\n"
    "                   it (\"holds in 87 % of the plausible assumptions; decided by X (better where\n"
    "                   >= 0.78)\"); --json adds \"robust\" to each row, --csv its columns, --markdown\n"
    "                   a table of them, --headline the verdict's line; with --db and --reps, the\n"
    "                   same command again reads the runs and samples stored, and records nothing twice\n"
    "  --samples N      samples of the assumptions (default 64)\n"
    "  --ensemble FILE  with --robust: run at each parameter set of a calibrated ensemble (samsim\n"
    "                   calibrate --ensemble-out FILE) instead of sampling the ranges\n"
    "  --shard K/N      with --robust and --db: run only every N-th sample from the K-th; samsim merge\n"
    "                   joins the shards' files, and the same command on the merged file goes on\n"
    "A warning (on stderr and in the output) says when the models differ in the total FTE serving the modelled population (fte x staff_share).",
    cmd_compare};
