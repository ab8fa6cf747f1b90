/* cli: commands of the samsim program. */
#include "cli.h"

#include <stdarg.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "output.h"
#include "results.h"
#include "runner.h"
#include "scenario.h"
#include "sim.h"
#include "store.h"
#include "study.h"

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

int ss_cli_parse(const char *cmd, const char *letters, int argc, char **argv, ss_cli_opts *o)
{
    struct { const char *name, *options; } cc = {cmd, letters}, *c = &cc;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        char name[64];
        const char *eq = strchr(a, '=');
        if (a[0] == '-' && a[1] == '-' && eq) {  /* --opt=value */
            snprintf(name, sizeof name, "%.*s", (int)(eq - a), a);
            val = eq + 1;
        } else {
            snprintf(name, sizeof name, "%s", a);
        }
#define TAKES(letter) (strchr(c->options, letter) != NULL)
#define NEXT()                                                                           \
    do {                                                                                 \
        if (!val) {                                                                      \
            if (i + 1 >= argc) return ss_cli_usage_error(c->name, "%s needs a value", name);    \
            val = argv[++i];                                                             \
        }                                                                                \
    } while (0)
        if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
            o->help = true;
        } else if (strcmp(name, "--set") == 0 && TAKES('s')) {
            NEXT();
            if (o->nsets == MAX_LIST) return ss_cli_usage_error(c->name, "too many --set options");
            o->sets[o->nsets++] = val;
        } else if (strcmp(name, "--apply") == 0 && TAKES('a')) {
            NEXT();
            if (o->noverlays == MAX_LIST) return ss_cli_usage_error(c->name, "too many --apply options");
            o->overlays[o->noverlays++] = val;
        } else if (strcmp(name, "--reps") == 0 && TAKES('r')) {
            long v;
            NEXT();
            if (!ss_parse_count(val, 1, 100000, &v)) return ss_cli_usage_error(c->name, "--reps: expected a whole number from 1 to 100000, got '%s'", val);
            o->reps = (int)v;
        } else if (strcmp(name, "--seed") == 0 && TAKES('e')) {
            NEXT();
            char *end;
            errno = 0;
            unsigned long long v = strtoull(val, &end, 10);
            if (errno || *end || end == val || val[0] == '-' || v > INT64_MAX) return ss_cli_usage_error(c->name, "--seed: expected a whole number from 0 to %" PRId64 ", got '%s'", INT64_MAX, val);
            o->seed = v;
        } else if ((strcmp(name, "-j") == 0 || strcmp(name, "--jobs") == 0) && TAKES('j')) {
            long v;
            NEXT();
            if (!ss_parse_count(val, 1, 1024, &v)) return ss_cli_usage_error(c->name, "%s: expected a whole number from 1 to 1024, got '%s'", name, val);
            o->jobs = (int)v;
        } else if (strcmp(name, "--json") == 0 && TAKES('o')) {
            o->json = true;
        } else if (strcmp(name, "--csv") == 0 && TAKES('o')) {
            o->csv = true;
        } else if (strcmp(name, "--db") == 0 && TAKES('d')) {
            NEXT();
            o->db = val;
        } else if (strcmp(name, "--trace") == 0 && TAKES('t')) {
            long v;
            NEXT();
            if (!ss_parse_count(val, 1, 2000000000L, &v)) return ss_cli_usage_error(c->name, "--trace: expected a person number (1, 2, ...), got '%s'", val);
            o->trace = v;
        } else if (strcmp(name, "--sources") == 0 && TAKES('S')) {
            o->sources = true;
        } else if (strcmp(name, "--quiet") == 0 || strcmp(name, "-q") == 0) {
            o->quiet = true;
        } else if (a[0] == '-' && a[1] != '\0') {
            return ss_cli_usage_error(c->name, "unknown option '%s'", name);
        } else if (o->npositional < MAX_LIST) {
            o->positional[o->npositional++] = a;
        } else {
            return ss_cli_usage_error(c->name, "too many arguments");
        }
#undef NEXT
#undef TAKES
    }
    if (o->json && o->csv) return ss_cli_usage_error(c->name, "choose one of --json and --csv");
    return 0;
}

/* ---- shared steps ---------------------------------------------------------------------------- */

ss_scenario *ss_cli_load(const char *file, const ss_cli_opts *o, const char *cmd, int *exit_code)
{
    if (!file) {
        *exit_code = ss_cli_usage_error(cmd, "which scenario? e.g. samsim %s scenarios/default.lua", cmd);
        return NULL;
    }
    ss_scenario_opts so = {.overlays = o->overlays, .noverlays = o->noverlays, .sets = o->sets, .nsets = o->nsets};
    ss_diag d;
    ss_scenario *sc = ss_scenario_load(file, &so, &d);
    if (!sc) {
        fprintf(stderr, "%s\n", d.msg);
        *exit_code = SS_EXIT_MODEL;
    }
    return sc;
}

/* A progress line on a terminal only, so pipes and files stay clean. */
void ss_cli_progress(void *ud, int done, int total)
{
    (void)ud;
    fprintf(stderr, "\rreplication %d of %d", done, total);
    if (done == total) fputs("\r\033[K", stderr);
    fflush(stderr);
}

#define RUN_OPTIONS "saredjot"
#define CHECK_OPTIONS "sa"
#define SHOW_OPTIONS "saS"

/* ---- commands -------------------------------------------------------------------------------- */

static int cmd_run(int argc, char **argv, ss_stop_flag *interrupt)
{
    ss_cli_opts opts = {.reps = 10, .seed = 1}, *o = &opts;
    int code = ss_cli_parse("run", RUN_OPTIONS, argc - 1, argv + 1, o);
    if (code) return code;
    if (o->help) return ss_cli_help("run");
    if (o->npositional > 1) return ss_cli_usage_error("run", "unexpected argument '%s'", o->positional[1]);
    const char *file = o->npositional ? o->positional[0] : NULL;
    ss_scenario *sc = ss_cli_load(file, o, "run", &code);
    if (!sc) return code;
    char cmdline[4096];
    ss_command_line("samsim", argc, argv, cmdline, sizeof cmdline);
    ss_study st;
    ss_study_init(&st, sc, o->seed, o->reps, cmdline);
    ss_study_opts so = {.jobs = o->jobs, .interrupt = interrupt, .db = o->db,
                        .trace_person = o->trace, .trace = stdout,
                        .progress = (!o->quiet && isatty(2) && o->reps > 1) ? ss_cli_progress : NULL};
    ss_diag d;
    int interrupted, io_error;
    if (ss_study_run(&st, &so, &d, &interrupted, &io_error) < 0) {
        fprintf(stderr, "%s%s\n", d.msg, interrupted && o->db ? " (the replications already finished are kept in the database)" : "");
        code = interrupted ? SS_EXIT_INTERRUPTED : io_error ? SS_EXIT_IO : SS_EXIT_MODEL;
        if (!st.reps) goto out;  /* a store failure after the run still prints the results */
    }
    if (o->trace && !code && st.reps[0].persons_created < o->trace) {  /* no trace was printed */
        fprintf(stderr, "--trace %lld: there is no person %lld: replication 1 has %lld persons, numbered 1 to %lld "
                "as their first concern arises\n", (long long)o->trace, (long long)o->trace,
                (long long)st.reps[0].persons_created, (long long)st.reps[0].persons_created);
        code = SS_EXIT_USAGE;
        goto out;
    }
    if (o->trace) fputc('\n', stdout);
    if (o->json) ss_output_json(stdout, &st.info, &st.summary);
    else if (o->csv) ss_output_csv(stdout, &st.info, &st.summary);
    else ss_output_table(stdout, &st.info, &st.summary);
    if (fflush(stdout) != 0) code = SS_EXIT_IO;
out:
    ss_study_fini(&st);
    ss_scenario_free(sc);
    return code;
}

static int cmd_check(int argc, char **argv, ss_stop_flag *interrupt)
{
    ss_cli_opts opts = {.reps = 10, .seed = 1}, *o = &opts;
    int code = ss_cli_parse("check", CHECK_OPTIONS, argc - 1, argv + 1, o);
    if (code) return code;
    if (o->help) return ss_cli_help("check");
    if (o->npositional > 1) return ss_cli_usage_error("check", "unexpected argument '%s'", o->positional[1]);
    const char *file = o->npositional ? o->positional[0] : NULL;
    ss_scenario *sc = ss_cli_load(file, o, "check", &code);
    if (!sc) return code;
    const ss_model *m = ss_scenario_model(sc);
    ss_diag d;
    ss_sim *sim = ss_sim_new(m, &d);  /* loads every rule file, so their errors show here too */
    if (!sim) {
        fprintf(stderr, "%s\n", d.msg);
        ss_scenario_free(sc);
        return SS_EXIT_MODEL;
    }
    ss_sim_free(sim);
    char with[1024] = "";
    for (int i = 0; i < o->noverlays; i++) {
        size_t l = strlen(with);
        snprintf(with + l, sizeof with - l, "%s%s", i ? ", " : " with ", o->overlays[i]);
    }
    printf("%s%s: ok: %s; %d services, %d doors, %d demand streams, %d rule function%s; %.0f days from %04d-%02d-%02d; %d numbers without a source\n",
           file, with, m->name, m->nservices, m->ndoors, m->ndemand, m->nlua_rules, m->nlua_rules == 1 ? "" : "s", m->horizon,
           ss_calendar_date(&m->cal, 0).year, ss_calendar_date(&m->cal, 0).month, ss_calendar_date(&m->cal, 0).day,
           ss_scenario_unsourced(sc));
    ss_scenario_free(sc);
    return SS_EXIT_OK;
}

static int cmd_show(int argc, char **argv, ss_stop_flag *interrupt)
{
    ss_cli_opts opts = {.reps = 10, .seed = 1}, *o = &opts;
    int code = ss_cli_parse("show", SHOW_OPTIONS, argc - 1, argv + 1, o);
    if (code) return code;
    if (o->help) return ss_cli_help("show");
    if (o->npositional > 1) return ss_cli_usage_error("show", "unexpected argument '%s'", o->positional[1]);
    const char *file = o->npositional ? o->positional[0] : NULL;
    ss_scenario *sc = ss_cli_load(file, o, "show", &code);
    if (!sc) return code;
    if (o->sources) ss_scenario_print_sources(sc, stdout);
    else fputs(ss_scenario_text(sc), stdout);
    ss_scenario_free(sc);
    return SS_EXIT_OK;
}

static const ss_command cmd_run_entry = {
    "run", "samsim run SCENARIO [--reps N] [--seed S] [-j N] [--json | --csv] [--db FILE]\n"
           "                    [--set PATH=VALUE]... [--apply OVERLAY]... [--trace PERSON]",
    "Simulate the scenario and print results with 95% confidence intervals.\n"
    "  --reps N         replications (default 10)\n"
    "  --seed S         study seed (default 1); the same seed gives the same numbers\n"
    "  -j, --jobs N     worker threads (default: all cores); results do not depend on it\n"
    "  --json, --csv    machine-readable output instead of the table\n"
    "  --db FILE        also store runs, replications, metrics and time series in SQLite\n"
    "  --set PATH=VALUE override any value, e.g. --set services.fph_barn.fte=10\n"
    "  --apply OVERLAY  apply an organisational model (a Lua overlay file), in order\n"
    "  --trace PERSON   print one person's path through the services (replication 1)\n"
    "  -q, --quiet      no progress line",
    cmd_run};
static const ss_command cmd_check_entry = {
    "check", "samsim check SCENARIO [--set PATH=VALUE]... [--apply OVERLAY]...",
    "Load and validate the scenario and its rule files without running it.", cmd_check};
static const ss_command cmd_show_entry = {
    "show", "samsim show SCENARIO [--sources] [--set PATH=VALUE]... [--apply OVERLAY]...",
    "Print the resolved scenario (after extends, overlays and --set) as Lua,\n"
    "or with --sources the register of every number and its source or assumption.", cmd_show};

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
    &ss_cmd_report,
    &ss_cmd_batch,
    &ss_cmd_merge,
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
