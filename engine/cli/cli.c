/* cli: commands of the samsim program. */
#include "cli.h"

#include <assert.h>
#include <stdarg.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "output.h"
#include "overlay_path.h"
#include "results.h"
#include "runner.h"
#include "scenario.h"
#include "sim.h"
#include "store.h"
#include "study.h"
#include "xalloc.h"

#define MAX_LIST SS_CLI_MAX_LIST


/* ---- option parsing ------------------------------------------------------------------------ */

int ss_cli_usage_error(const char *cmd, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "samsim %s: %s (see 'samsim %s --help')\n", cmd, msg, cmd);
    return SS_EXIT_USAGE;
}

/* The option as typed, without "=value". */
static void option_text(const char *arg, char *out, size_t n)
{
    snprintf(out, n, "%.*s", (int)strcspn(arg, "="), arg);
}

/* Whether a long option was written whole: getopt_long also takes unambiguous prefixes (--rep),
 * which samsim has never accepted and which would break when an option is added. */
static bool written_whole(char **argv, const struct option *lo, char *text, size_t n)
{
    const char *arg = argv[optind - 1];
    if (lo->has_arg != no_argument && optarg == arg && optind >= 2)
        arg = argv[optind - 2];   /* "--db FILE": the value was the last element */
    option_text(arg, text, n);
    return strncmp(arg, "--", 2) != 0 || strcmp(text + 2, lo->name) == 0;
}

int ss_cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts, char *bad, size_t nbad)
{
    char spec[64];
    snprintf(spec, sizeof spec, "-:%s", shortopts);   /* -: positionals in order; ':' for a missing value */
    opterr = 0;
    int li = -1;
    int c = getopt_long(argc, argv, spec, longopts, &li);
    if (c == '?' && optopt > 0 && optopt < 256 && optind >= 1 && strncmp(argv[optind - 1], "--", 2) != 0)
        snprintf(bad, nbad, "-%c", optopt);
    else if (c == '?' || c == ':')
        option_text(argv[optind - 1], bad, nbad);
    else if (li >= 0 && !written_whole(argv, &longopts[li], bad, nbad))
        return '?';
    return c;
}

enum { OPT_SET = 256, OPT_APPLY, OPT_REPS, OPT_SEED, OPT_JSON, OPT_CSV, OPT_DB, OPT_TRACE, OPT_SOURCES, OPT_MARKDOWN, OPT_STRICT, OPT_ALL, OPT_HEADLINE,
       OPT_PRECISION, OPT_LANG };

/* The options a command takes, by the letters of ss_cli_parse. */
static int long_options(const char *letters, struct option *lo)
{
    static const struct { char letter; struct option o; } all[] = {
        {'s', {"set", required_argument, NULL, OPT_SET}},   {'a', {"apply", required_argument, NULL, OPT_APPLY}},
        {'r', {"reps", required_argument, NULL, OPT_REPS}}, {'e', {"seed", required_argument, NULL, OPT_SEED}},
        {'j', {"jobs", required_argument, NULL, 'j'}},      {'o', {"json", no_argument, NULL, OPT_JSON}},
        {'o', {"csv", no_argument, NULL, OPT_CSV}},         {'d', {"db", required_argument, NULL, OPT_DB}},
        {'t', {"trace", required_argument, NULL, OPT_TRACE}}, {'S', {"sources", no_argument, NULL, OPT_SOURCES}},
        {'m', {"markdown", no_argument, NULL, OPT_MARKDOWN}}, {'X', {"strict", no_argument, NULL, OPT_STRICT}},
        {'A', {"all", no_argument, NULL, OPT_ALL}},         {'H', {"headline", no_argument, NULL, OPT_HEADLINE}},
        {'p', {"precision", required_argument, NULL, OPT_PRECISION}},
        {'l', {"lang", required_argument, NULL, OPT_LANG}},
        {'*', {"help", no_argument, NULL, 'h'}},            {'*', {"quiet", no_argument, NULL, 'q'}},
    };
    int n = 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i].letter == '*' || strchr(letters, all[i].letter))
            lo[n++] = all[i].o;
    lo[n] = (struct option){0};
    return n;
}

static int add_to_list(const char *cmd, const char **list, int *n, const char *value, const char *what)
{
    if (*n == MAX_LIST) return ss_cli_usage_error(cmd, "too many %s", what);
    list[(*n)++] = value;
    return 0;
}

/* The switch an option without a value turns on, or NULL when c takes a value. */
static bool *flag_of(int c, ss_cli_opts *o)
{
    switch (c) {
    case 'h': return &o->help;
    case 'q': return &o->quiet;
    case OPT_JSON: return &o->json;
    case OPT_CSV: return &o->csv;
    case OPT_SOURCES: return &o->sources;
    case OPT_MARKDOWN: return &o->markdown;
    case OPT_STRICT: return &o->strict;
    case OPT_ALL: return &o->all;
    case OPT_HEADLINE: return &o->headline;
    }
    return NULL;
}

/* One option's value into o; name is the option as typed. */
static int take_option(const char *cmd, int c, const char *val, const char *name, ss_cli_opts *o)
{
    long v;
    bool *flag = flag_of(c, o);
    if (flag) {
        *flag = true;
        return 0;
    }
    switch (c) {
    case OPT_DB: o->db = val; return 0;
    case OPT_SET: return add_to_list(cmd, o->sets, &o->nsets, val, "--set options");
    case OPT_APPLY: return add_to_list(cmd, o->overlays, &o->noverlays, val, "--apply options");
    case 1: return add_to_list(cmd, o->positional, &o->npositional, val, "arguments");
    case OPT_REPS:
        if (!ss_parse_count(val, 1, 100000, &v)) return ss_cli_usage_error(cmd, "--reps: expected a whole number from 1 to 100000, got '%s'", val);
        o->reps = (int)v;
        o->reps_given = true;
        return 0;
    case OPT_PRECISION:
        if (!ss_parse_fraction(val, &o->precision))
            return ss_cli_usage_error(cmd, "--precision: expected a relative half-width above 0 and below 1, e.g. 0.05 or 5%%, got '%s'", val);
        return 0;
    case 'j':
        if (!ss_parse_count(val, 1, 1024, &v)) return ss_cli_usage_error(cmd, "%s: expected a whole number from 1 to 1024, got '%s'", name, val);
        o->jobs = (int)v;
        return 0;
    case OPT_TRACE:
        if (!ss_parse_count(val, 1, 2000000000L, &v)) return ss_cli_usage_error(cmd, "--trace: expected a person number (1, 2, ...), got '%s'", val);
        o->trace = v;
        return 0;
    case OPT_LANG:
        if (strcmp(val, "en") != 0 && strcmp(val, "nb") != 0)
            return ss_cli_usage_error(cmd, "--lang: expected en or nb, got '%s'", val);
        o->lang_nb = val[0] == 'n';
        o->lang = o->lang_nb ? SS_LANG_NB : SS_LANG_EN;
        return 0;
    case OPT_SEED: {
        char *end;
        errno = 0;
        unsigned long long seed = strtoull(val, &end, 10);
        if (errno || *end || end == val || val[0] == '-' || seed > INT64_MAX) return ss_cli_usage_error(cmd, "--seed: expected a whole number from 0 to %" PRId64 ", got '%s'", INT64_MAX, val);
        o->seed = seed;
        return 0;
    }
    }
    return ss_cli_usage_error(cmd, "unknown option '%s'", name);
}

/* The shared options letters names, then own's. */
static void all_options(const char *letters, const ss_cli_own *own, struct option *lo, size_t cap)
{
    size_t n = (size_t)long_options(letters, lo);
    for (const struct option *x = own ? own->options : NULL; x && x->name; x++) {
        assert(n + 1 < cap && "cli: too many options");
        lo[n++] = *x;
    }
    lo[n] = (struct option){0};
}

/* Whether getopt's c is one of the command's own options. */
static bool is_own(const ss_cli_own *own, int c)
{
    return own && (c >= SS_CLI_OWN || (own->shorts && c > 1 && strchr(own->shorts, c)));
}

int ss_cli_parse_own(const char *cmd, const char *letters, const ss_cli_own *own, int argc, char **argv,
                     ss_cli_opts *o)
{
    struct option lo[48];
    all_options(letters, own, lo, sizeof lo / sizeof lo[0]);
    char shortopts[32];
    snprintf(shortopts, sizeof shortopts, "hq%s%s", strchr(letters, 'j') ? "j:" : "",
             own && own->shorts ? own->shorts : "");
    char **args = xcalloc((size_t)argc + 2, sizeof *args);   /* getopt wants argv[0]; it permutes this copy */
    args[0] = (char *)cmd;
    memcpy(args + 1, argv, (size_t)argc * sizeof *argv);
    int code = 0, c;
    char name[64];
    optind = 0;   /* getopt_long starts afresh (a process may parse more than one command line) */
    while (!code && (c = ss_cli_getopt(argc + 1, args, shortopts, lo, name, sizeof name)) != -1) {
        if (c == ':') code = ss_cli_usage_error(cmd, "%s needs a value", name);
        else if (c == '?') code = ss_cli_usage_error(cmd, "unknown option '%s'", name);
        else if (is_own(own, c)) code = own->take(c, optarg, own->ud);
        else {
            option_text(args[optind - 1], name, sizeof name);
            if (optarg && optarg == args[optind - 1] && c != 1 && optind >= 2) option_text(args[optind - 2], name, sizeof name);
            code = take_option(cmd, c, optarg, name, o);
        }
    }
    for (int i = optind; !code && i < argc + 1; i++)   /* after "--": all positional */
        code = take_option(cmd, 1, args[i], args[i], o);
    free(args);
    if (!code && o->json && o->csv) return ss_cli_usage_error(cmd, "choose one of --json and --csv");
    return code;
}

int ss_cli_parse(const char *cmd, const char *letters, int argc, char **argv, ss_cli_opts *o)
{
    return ss_cli_parse_own(cmd, letters, NULL, argc, argv, o);
}

int ss_cli_count(const char *cmd, const char *name, const char *v, long lo, long hi, int *out)
{
    long n;
    if (!ss_parse_count(v, lo, hi, &n))
        return ss_cli_usage_error(cmd, "%s: expected a whole number from %ld to %ld, got '%s'", name, lo, hi, v);
    *out = (int)n;
    return 0;
}

int ss_cli_shard_waiting(const char *db, int shard, int nshards, const char *stage, const char *next)
{
    printf("%s: shard %d/%d stored its points of %s; the other shards' points are not in this file.\n"
           "Merge the shards' files (samsim merge ALL.db SHARD.db...), then run the same command with --db ALL.db:\n"
           "it reads the stored points, and runs the next %s (shard it again with --shard on copies of ALL.db).\n",
           db, shard, nshards, stage, next);
    return fflush(stdout) == 0 ? SS_EXIT_OK : SS_EXIT_IO;
}

int ss_cli_add(const char *cmd, const char *name, const char **list, int *n, int max, const char *v)
{
    if (*n == max) return ss_cli_usage_error(cmd, "at most %d %s options", max, name);
    list[(*n)++] = v;
    return 0;
}

int ss_cli_shard(const char *cmd, const char *v, int *shard, int *nshards)
{
    char extra;
    if (sscanf(v, "%d/%d%c", shard, nshards, &extra) != 2 || *nshards < 1 || *nshards > 100000 || *shard < 1 ||
        *shard > *nshards)
        return ss_cli_usage_error(cmd, "--shard: expected K/N with 1 <= K <= N, e.g. 2/8, got '%s'", v);
    return 0;
}

/* ---- shared steps ---------------------------------------------------------------------------- */

ss_scenario *ss_cli_load(const char *file, ss_cli_opts *o, const char *cmd, int *exit_code)
{
    if (!file) {
        *exit_code = ss_cli_usage_error(cmd, "which scenario? e.g. samsim %s scenarios/default.lua", cmd);
        return NULL;
    }
    ss_diag d;
    for (int i = 0; i < o->noverlays; i++) {
        if (ss_overlay_locate(file, o->overlays[i], o->overlay_files[i], sizeof o->overlay_files[i], &d) < 0) {
            fprintf(stderr, "samsim %s: --apply %s: %s\n", cmd, o->overlays[i], d.msg);
            *exit_code = SS_EXIT_MODEL;
            return NULL;
        }
        o->overlays[i] = o->overlay_files[i];  /* the run record names the file found */
    }
    ss_scenario_opts so = {.overlays = o->overlays, .noverlays = o->noverlays, .sets = o->sets, .nsets = o->nsets};
    ss_scenario *sc = ss_scenario_load(file, &so, &d);
    if (sc && ss_audit_check(ss_scenario_model(sc), file, &d) < 0) {
        ss_scenario_free(sc);
        sc = NULL;
    }
    if (!sc) {
        fprintf(stderr, "%s\n", d.msg);
        *exit_code = SS_EXIT_MODEL;
    }
    return sc;
}

int ss_cli_precision(const ss_cli_opts *o, ss_study_opts *so)
{
    if (!(o->precision > 0))
        return o->reps;
    so->precision = o->precision;
    so->max_reps = o->reps_given ? o->reps : SS_PRECISION_DEFAULT_CAP;
    return so->max_reps < SS_PRECISION_FIRST_REPS ? so->max_reps : SS_PRECISION_FIRST_REPS;
}

/* A progress line on a terminal only, so pipes and files stay clean. */
void ss_cli_progress(void *ud, int done, int total)
{
    (void)ud;
    fprintf(stderr, "\rreplication %d of %d", done, total);
    if (done == total) fputs("\r\033[K", stderr);
    fflush(stderr);
}

#define RUN_OPTIONS "saredjotp"
#define CHECK_OPTIONS "saX"
#define SHOW_OPTIONS "saSl"

/* ---- commands -------------------------------------------------------------------------------- */

/* What run, check and show do with their loaded scenario; argc/argv are the whole command. */
typedef int (*scenario_body)(ss_scenario *sc, const ss_cli_opts *o, int argc, char **argv, ss_stop_flag *interrupt);

/* What every scenario command shares: its options, --help, one scenario file loaded with --apply
 * and --set, then body, then the scenario freed. */
static int scenario_command(const char *cmd, const char *letters, int argc, char **argv, ss_stop_flag *interrupt,
                            scenario_body body)
{
    ss_cli_opts o = {.reps = 10, .seed = 1};
    int code = ss_cli_parse(cmd, letters, argc - 1, argv + 1, &o);
    if (code) return code;
    if (o.help) return ss_cli_help(cmd);
    if (o.npositional > 1) return ss_cli_usage_error(cmd, "unexpected argument '%s'", o.positional[1]);
    ss_scenario *sc = ss_cli_load(o.npositional ? o.positional[0] : NULL, &o, cmd, &code);
    if (!sc) return code;
    code = body(sc, &o, argc, argv, interrupt);
    ss_scenario_free(sc);
    return code;
}

/* --trace N named a person the first replication never created (so no trace was printed): say so. */
static bool trace_missed(const ss_study *st, const ss_cli_opts *o)
{
    if (!o->trace || st->reps[0].persons_created >= o->trace) return false;
    long long made = (long long)st->reps[0].persons_created;
    fprintf(stderr, "--trace %lld: there is no person %lld: replication 1 has %lld persons, numbered 1 to %lld "
            "as their first concern arises\n", (long long)o->trace, (long long)o->trace, made, made);
    return true;
}

/* The run's results on stdout (a table, JSON or CSV) and where they were stored on stderr, so
 * --json and --csv stay one document on stdout.  code: the run's exit code so far. */
static int print_run(const ss_study *st, const ss_cli_opts *o, int code)
{
    if (o->trace) fputc('\n', stdout);
    if (o->db && !code && !o->quiet)
        fprintf(stderr, "stored as run %lld in %s\n", (long long)st->run_id, o->db);
    if (o->json) ss_output_json(stdout, &st->info, &st->summary);
    else if (o->csv) ss_output_csv(stdout, &st->info, &st->summary);
    else ss_output_table(stdout, &st->info, &st->summary);
    return fflush(stdout) != 0 ? SS_EXIT_IO : code;
}

static int run_scenario(ss_scenario *sc, const ss_cli_opts *o, int argc, char **argv, ss_stop_flag *interrupt)
{
    int code = 0;
    char cmdline[4096];
    ss_command_line("samsim", argc, argv, cmdline, sizeof cmdline);
    ss_study st;
    ss_study_opts so = {.jobs = o->jobs, .interrupt = interrupt, .db = o->db,
                        .trace_person = o->trace, .trace = stdout,
                        .progress = (!o->quiet && isatty(2) && o->reps > 1) ? ss_cli_progress : NULL};
    ss_study_init(&st, sc, o->seed, ss_cli_precision(o, &so), cmdline);
    ss_study_inputs(&st, &(ss_scenario_opts){.overlays = o->overlays, .noverlays = o->noverlays,
                                              .sets = o->sets, .nsets = o->nsets});
    ss_diag d;
    int interrupted, io_error;
    if (ss_study_run(&st, &so, &d, &interrupted, &io_error) < 0) {
        fprintf(stderr, "%s%s\n", d.msg, interrupted && o->db ? " (the replications already finished are kept in the database)" : "");
        code = interrupted ? SS_EXIT_INTERRUPTED : io_error ? SS_EXIT_IO : SS_EXIT_MODEL;
        if (!st.reps) goto out;  /* a store failure after the run still prints the results */
    }
    code = !code && trace_missed(&st, o) ? SS_EXIT_USAGE : print_run(&st, o, code);
out:
    ss_study_fini(&st);
    return code;
}

static int check_scenario(ss_scenario *sc, const ss_cli_opts *o, int argc, char **argv, ss_stop_flag *interrupt)
{
    const ss_model *m = ss_scenario_model(sc);
    ss_diag d;
    ss_sim *sim = ss_sim_new(m, &d);  /* loads every rule file, so their errors show here too */
    if (!sim) {
        fprintf(stderr, "%s\n", d.msg);
        return SS_EXIT_MODEL;
    }
    ss_sim_free(sim);
    int unranged = o->strict ? ss_scenario_print_unranged(sc, stderr) : 0;
    if (unranged) {
        fprintf(stderr, "%s: --strict: %d calibrated or effect number%s without a range\n", o->positional[0], unranged,
                unranged == 1 ? "" : "s");
        return SS_EXIT_MODEL;
    }
    /* A reason without its Norwegian text is a warning, not a failure: it does not change what
     * the model computes, and an English-only scenario is complete as it is. */
    int reasons, untranslated = o->strict ? ss_scenario_print_untranslated(sc, stderr, &reasons) : 0;
    if (untranslated)
        fprintf(stderr, "%s: --strict: warning: %d of %d reasons have no Norwegian text beside the English (--lang nb "
                "shows them in English)\n", o->positional[0], untranslated, reasons);
    char with[1024] = "";
    for (int i = 0; i < o->noverlays; i++) {
        size_t l = strlen(with);
        snprintf(with + l, sizeof with - l, "%s%s", i ? ", " : " with ", o->overlays[i]);
    }
    printf("%s%s: ok: %s; %d services, %d doors, %d demand streams, %d rule function%s; %.0f days from %04d-%02d-%02d; %d numbers without a source\n",
           o->positional[0], with, m->name, m->nservices, m->ndoors, m->ndemand, m->nlua_rules, m->nlua_rules == 1 ? "" : "s", m->horizon,
           ss_calendar_date(&m->cal, 0).year, ss_calendar_date(&m->cal, 0).month, ss_calendar_date(&m->cal, 0).day,
           ss_scenario_unsourced(sc));
    return SS_EXIT_OK;
}

static int show_scenario(ss_scenario *sc, const ss_cli_opts *o, int argc, char **argv, ss_stop_flag *interrupt)
{
    if (o->sources) ss_scenario_print_sources(sc, stdout, o->lang_nb);
    else fputs(ss_scenario_text(sc), stdout);
    return SS_EXIT_OK;
}

static int cmd_run(int argc, char **argv, ss_stop_flag *interrupt)
{
    return scenario_command("run", RUN_OPTIONS, argc, argv, interrupt, run_scenario);
}

static int cmd_check(int argc, char **argv, ss_stop_flag *interrupt)
{
    return scenario_command("check", CHECK_OPTIONS, argc, argv, interrupt, check_scenario);
}

static int cmd_show(int argc, char **argv, ss_stop_flag *interrupt)
{
    return scenario_command("show", SHOW_OPTIONS, argc, argv, interrupt, show_scenario);
}

static const ss_command cmd_run_entry = {
    "run", "samsim run SCENARIO [--reps N] [--precision REL] [--seed S] [-j N] [--json | --csv] [--db FILE]\n"
           "                    [--set PATH=VALUE]... [--apply OVERLAY]... [--trace PERSON]",
    "Simulate the scenario and print results with 95% confidence intervals.\n"
    "  --reps N         replications (default 10)\n"
    "  --precision REL  add replications until every key interval's half-width is at most\n"
    "                   REL of its mean (e.g. 0.05 or 5%); --reps is then the cap (default 200)\n"
    "  --seed S         study seed (default 1); the same seed gives the same numbers\n"
    "  -j, --jobs N     worker threads (default: all cores); results do not depend on it\n"
    "  --json, --csv    machine-readable output instead of the table\n"
    "  --db FILE        also store runs, replications, metrics and time series in SQLite\n"
    "  --set PATH=VALUE override any value, e.g. --set services.fph_barn.fte=10\n"
    "  --apply OVERLAY  apply an organisational model (a Lua overlay file), in order\n"
    "  --trace PERSON   print one person's path through the services (replication 1)\n"
    "  -q, --quiet      no progress line, and no 'stored as run N' line with --db",
    cmd_run};
static const ss_command cmd_check_entry = {
    "check", "samsim check SCENARIO [--strict] [--set PATH=VALUE]... [--apply OVERLAY]...",
    "Load and validate the scenario and its rule files without running it.\n"
    "  --strict         also fail when a calibrated() number or an effect() has no range, and\n"
    "                   warn about reasons without a Norwegian text when others have one", cmd_check};
static const ss_command cmd_show_entry = {
    "show", "samsim show SCENARIO [--sources [--lang en|nb]] [--set PATH=VALUE]... [--apply OVERLAY]...",
    "Print the resolved scenario (after extends, overlays and --set) as Lua,\n"
    "or with --sources the register of every number and its source or assumption.\n"
    "  --lang nb        the register's reasons in Norwegian where they have a Norwegian text", cmd_show};

/* One table feeds dispatch, `samsim --help` and (in the REPL) completion.  Commands that live in
 * their own files declare their entry in cli.h. */
static const ss_command *const commands[] = {
    &cmd_run_entry,
    &cmd_check_entry,
    &cmd_show_entry,
    &ss_cmd_schema,
    &ss_cmd_test,
    &ss_cmd_compare,
    &ss_cmd_explain,
    &ss_cmd_audit,
    &ss_cmd_report,
    &ss_cmd_batch,
    &ss_cmd_merge,
    &ss_cmd_sensitivity,
    &ss_cmd_calibrate,
    &ss_cmd_repl,
};
#define NCOMMANDS (int)(sizeof commands / sizeof commands[0])

int ss_cli_help(const char *name)
{
    for (int i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i]->name, name) == 0) {
            printf("usage: %s\n\n%s\n", commands[i]->usage, commands[i]->help);
            return SS_EXIT_OK;
        }
    return SS_EXIT_USAGE;
}

static void global_help(FILE *f)
{
    fprintf(f, "samsim %s: simulate municipal welfare services and compare ways to organise them\n\n", SS_VERSION);
    fprintf(f, "usage:\n");
    for (int i = 0; i < NCOMMANDS; i++) fprintf(f, "  %s\n", commands[i]->usage);
    fprintf(f, "  samsim --version\n\n");
    fprintf(f, "'samsim COMMAND --help' tells more about a command.\n\n");
    fprintf(f, "exit codes: 0 success; 1 the scenario, an overlay or a rule is wrong; 2 the command\n"
               "line is wrong; 3 interrupted; 4 results could not be written\n");
}

int ss_cli_main(int argc, char **argv, ss_stop_flag *interrupt)
{
    if (argc < 2 && isatty(0) && isatty(1)) {  /* a person at a terminal: the workbench */
        char *repl_argv[] = {"repl", NULL};
        return ss_cmd_repl.handler(1, repl_argv, interrupt);
    }
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        global_help(argc < 2 ? stderr : stdout);
        return argc < 2 ? SS_EXIT_USAGE : SS_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("samsim %s\n", SS_VERSION);
        return SS_EXIT_OK;
    }
    for (int i = 0; i < NCOMMANDS; i++)
        if (strcmp(argv[1], commands[i]->name) == 0)
            return commands[i]->handler(argc - 1, argv + 1, interrupt);
    char list[256] = "";
    for (int i = 0; i < NCOMMANDS; i++) {
        strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
        strncat(list, commands[i]->name, sizeof list - strlen(list) - 1);
    }
    fprintf(stderr, "samsim: unknown command '%s' (commands: %s; see 'samsim --help')\n", argv[1], list);
    return SS_EXIT_USAGE;
}
