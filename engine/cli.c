/* cli: commands of the samsim program. */
#include "cli.h"

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

#define MAX_LIST 64

typedef struct cli_opts {
    const char *file;
    const char *sets[MAX_LIST];
    int nsets;
    const char *overlays[MAX_LIST];
    int noverlays;
    int reps;
    uint64_t seed;
    int jobs;
    bool json, csv, sources, help, quiet;
    const char *db;
    int64_t trace;
} cli_opts;

typedef struct command {
    const char *name;
    const char *usage;
    const char *help;
    int (*handler)(cli_opts *o, int argc, char **argv, volatile sig_atomic_t *interrupt);
    const char *options;  /* which options it takes, as letters below */
} command;

/* ---- option parsing ------------------------------------------------------------------------ */

static int usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int usage_error(const char *cmd, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "samsim %s: %s (see 'samsim %s --help')\n", cmd, msg, cmd);
    return SS_EXIT_USAGE;
}

static bool parse_count(const char *s, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || end == s || v < min || v > max) return false;
    *out = v;
    return true;
}

/* Options: s=--set a=--apply r=--reps e=--seed j=-j o=--json/--csv d=--db t=--trace S=--sources */
static int parse_options(const command *c, int argc, char **argv, cli_opts *o)
{
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
            if (i + 1 >= argc) return usage_error(c->name, "%s needs a value", name);    \
            val = argv[++i];                                                             \
        }                                                                                \
    } while (0)
        if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
            o->help = true;
        } else if (strcmp(name, "--set") == 0 && TAKES('s')) {
            NEXT();
            if (o->nsets == MAX_LIST) return usage_error(c->name, "too many --set options");
            o->sets[o->nsets++] = val;
        } else if (strcmp(name, "--apply") == 0 && TAKES('a')) {
            NEXT();
            if (o->noverlays == MAX_LIST) return usage_error(c->name, "too many --apply options");
            o->overlays[o->noverlays++] = val;
        } else if (strcmp(name, "--reps") == 0 && TAKES('r')) {
            long v;
            NEXT();
            if (!parse_count(val, 1, 100000, &v)) return usage_error(c->name, "--reps: expected a whole number from 1 to 100000, got '%s'", val);
            o->reps = (int)v;
        } else if (strcmp(name, "--seed") == 0 && TAKES('e')) {
            NEXT();
            char *end;
            errno = 0;
            unsigned long long v = strtoull(val, &end, 10);
            if (errno || *end || end == val || val[0] == '-' || v > INT64_MAX) return usage_error(c->name, "--seed: expected a whole number from 0 to %" PRId64 ", got '%s'", INT64_MAX, val);
            o->seed = v;
        } else if ((strcmp(name, "-j") == 0 || strcmp(name, "--jobs") == 0) && TAKES('j')) {
            long v;
            NEXT();
            if (!parse_count(val, 1, 1024, &v)) return usage_error(c->name, "%s: expected a whole number from 1 to 1024, got '%s'", name, val);
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
            if (!parse_count(val, 1, 2000000000L, &v)) return usage_error(c->name, "--trace: expected a person number (1, 2, ...), got '%s'", val);
            o->trace = v;
        } else if (strcmp(name, "--sources") == 0 && TAKES('S')) {
            o->sources = true;
        } else if (strcmp(name, "--quiet") == 0 || strcmp(name, "-q") == 0) {
            o->quiet = true;
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error(c->name, "unknown option '%s'", name);
        } else if (!o->file) {
            o->file = a;
        } else {
            return usage_error(c->name, "unexpected argument '%s'", a);
        }
#undef NEXT
#undef TAKES
    }
    if (o->json && o->csv) return usage_error(c->name, "choose one of --json and --csv");
    return 0;
}

/* ---- shared steps ---------------------------------------------------------------------------- */

static ss_scenario *load(cli_opts *o, const char *cmd, int *exit_code)
{
    if (!o->file) {
        *exit_code = usage_error(cmd, "which scenario? e.g. samsim %s scenarios/default.lua", cmd);
        return NULL;
    }
    ss_scenario_opts so = {.overlays = o->overlays, .noverlays = o->noverlays, .sets = o->sets, .nsets = o->nsets};
    ss_diag d;
    ss_scenario *sc = ss_scenario_load(o->file, &so, &d);
    if (!sc) {
        fprintf(stderr, "%s\n", d.msg);
        *exit_code = SS_EXIT_MODEL;
    }
    return sc;
}

static void command_line(int argc, char **argv, char *out, size_t n)
{
    snprintf(out, n, "samsim");
    for (int i = 0; i < argc; i++) {
        size_t l = strlen(out);
        bool quote = strpbrk(argv[i], " \t\"'$") != NULL;
        snprintf(out + l, n - l, quote ? " '%s'" : " %s", argv[i]);
    }
}

static void now_iso(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* A progress line on a terminal only, so pipes and files stay clean. */
static void progress(void *ud, int done, int total)
{
    (void)ud;
    fprintf(stderr, "\rreplication %d of %d", done, total);
    if (done == total) fputs("\r\033[K", stderr);
    fflush(stderr);
}

/* ---- commands -------------------------------------------------------------------------------- */

static int cmd_run(cli_opts *o, int argc, char **argv, volatile sig_atomic_t *interrupt)
{
    int code = 0;
    ss_scenario *sc = load(o, "run", &code);
    if (!sc) return code;
    const ss_model *m = ss_scenario_model(sc);
    char cmdline[4096], started[32], date[11];
    command_line(argc, argv, cmdline, sizeof cmdline);
    now_iso(started);
    ss_calendar_format(&m->cal, 0, date);
    const char **ids = calloc(m->nservices, sizeof *ids), **names = calloc(m->nservices, sizeof *names);
    double *fte = calloc(m->nservices, sizeof *fte);
    for (int i = 0; i < m->nservices; i++) {
        ids[i] = m->services[i].id;
        names[i] = m->services[i].name;
        fte[i] = m->services[i].fte;
    }
    ss_run_info info = {
        .engine_version = SS_VERSION, .scenario_name = m->name, .scenario_path = ss_scenario_path(sc),
        .scenario_hash = ss_scenario_hash(sc), .rules_hash = ss_scenario_rules_hash(sc),
        .resolved_text = ss_scenario_text(sc), .command_line = cmdline, .started_at = started,
        .seed = o->seed, .replications = o->reps, .horizon_days = m->horizon, .warmup_days = m->warmup,
        .sample_days = m->sample_days, .start_date = date, .nservices = m->nservices,
        .service_ids = ids, .service_names = names, .service_fte = fte};
    ss_diag d;
    ss_store *st = NULL;
    int64_t run_id = 0;
    if (o->db) {
        st = ss_store_open(o->db, &d);
        if (!st || ss_store_begin_run(st, &info, &run_id, &d) < 0) {
            fprintf(stderr, "%s\n", d.msg);
            code = SS_EXIT_IO;
            goto out;
        }
    }
    ss_rep_result *res = calloc(o->reps, sizeof *res);
    ss_run_opts ro = {.seed = o->seed, .reps = o->reps, .jobs = o->jobs, .interrupt = interrupt,
                      .store = st, .run_id = run_id, .info = &info, .trace_person = o->trace,
                      .trace = stdout,
                      .progress = (!o->quiet && isatty(2) && o->reps > 1) ? progress : NULL};
    if (ss_run_replications(m, &ro, res, &d) < 0) {
        bool stopped = strcmp(d.msg, "interrupted") == 0;
        fprintf(stderr, "%s%s\n", d.msg, stopped && st ? " (the replications already finished are kept in the database)" : "");
        if (st) {
            ss_diag d2;
            /* a rule error stores nothing; an interrupt keeps the whole replications */
            if (stopped) ss_store_fail_run(st, run_id, "interrupted", &d2);
            else ss_store_discard_run(st, run_id, &d2);
        }
        code = stopped ? SS_EXIT_INTERRUPTED : SS_EXIT_MODEL;
        free(res);
        goto out;
    }
    ss_summary sum;
    ss_summary_build(&sum, res, o->reps, m->nservices, 0.95);
    if (st && ss_store_finish_run(st, run_id, &sum, &info, &d) < 0) {
        fprintf(stderr, "%s\n", d.msg);
        code = SS_EXIT_IO;
    }
    if (o->trace) fputc('\n', stdout);
    if (o->json) ss_output_json(stdout, &info, &sum);
    else if (o->csv) ss_output_csv(stdout, &info, &sum);
    else ss_output_table(stdout, &info, &sum);
    if (fflush(stdout) != 0) code = SS_EXIT_IO;
    ss_summary_free(&sum);
    for (int i = 0; i < o->reps; i++) ss_rep_result_free(&res[i]);
    free(res);
out:
    if (st) ss_store_close(st);
    free(ids);
    free(names);
    free(fte);
    ss_scenario_free(sc);
    return code;
}

static int cmd_check(cli_opts *o, int argc, char **argv, volatile sig_atomic_t *interrupt)
{
    int code = 0;
    ss_scenario *sc = load(o, "check", &code);
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
    printf("%s: ok: %s; %d services, %d doors, %d demand streams, %d rule function%s; %.0f days from %04d-%02d-%02d; %d numbers without a source\n",
           o->file, m->name, m->nservices, m->ndoors, m->ndemand, m->nlua_rules, m->nlua_rules == 1 ? "" : "s", m->horizon,
           ss_calendar_date(&m->cal, 0).year, ss_calendar_date(&m->cal, 0).month, ss_calendar_date(&m->cal, 0).day,
           ss_scenario_unsourced(sc));
    ss_scenario_free(sc);
    return SS_EXIT_OK;
}

static int cmd_show(cli_opts *o, int argc, char **argv, volatile sig_atomic_t *interrupt)
{
    int code = 0;
    ss_scenario *sc = load(o, "show", &code);
    if (!sc) return code;
    if (o->sources) ss_scenario_print_sources(sc, stdout);
    else fputs(ss_scenario_text(sc), stdout);
    ss_scenario_free(sc);
    return SS_EXIT_OK;
}

static const command commands[] = {
    {"run", "samsim run SCENARIO [--reps N] [--seed S] [-j N] [--json | --csv] [--db FILE]\n"
            "                    [--set PATH=VALUE]... [--apply OVERLAY]... [--trace PERSON]",
     "Simulate the scenario and print results with 95% confidence intervals.\n"
     "  --reps N         replications (default 10)\n"
     "  --seed S         study seed (default 1); the same seed gives the same numbers\n"
     "  -j, --jobs N     worker threads (default: all cores); results do not depend on it\n"
     "  --json, --csv    machine-readable output instead of the table\n"
     "  --db FILE        also store runs, replications, metrics and time series in SQLite\n"
     "  --set PATH=VALUE override any value, e.g. --set services.fph.fte=18\n"
     "  --apply OVERLAY  apply an organisational model (a Lua overlay file), in order\n"
     "  --trace PERSON   print one person's path through the services (replication 1)\n"
     "  -q, --quiet      no progress line",
     cmd_run, "saredjot"},
    {"check", "samsim check SCENARIO [--set PATH=VALUE]... [--apply OVERLAY]...",
     "Load and validate the scenario and its rule files without running it.", cmd_check, "sa"},
    {"show", "samsim show SCENARIO [--sources] [--set PATH=VALUE]... [--apply OVERLAY]...",
     "Print the resolved scenario (after extends, overlays and --set) as Lua,\n"
     "or with --sources the register of every number and its source or assumption.", cmd_show, "saS"},
};
#define NCOMMANDS (int)(sizeof commands / sizeof commands[0])

static void global_help(FILE *f)
{
    fprintf(f, "samsim %s: simulate municipal welfare services and compare ways to organise them\n\n", SS_VERSION);
    fprintf(f, "usage:\n");
    for (int i = 0; i < NCOMMANDS; i++) fprintf(f, "  %s\n", commands[i].usage);
    fprintf(f, "  samsim --version\n\n");
    fprintf(f, "'samsim COMMAND --help' tells more about a command.\n\n");
    fprintf(f, "exit codes: 0 success; 1 the scenario, an overlay or a rule is wrong; 2 the command\n"
               "line is wrong; 3 interrupted; 4 results could not be written\n");
}

int ss_cli_main(int argc, char **argv, volatile sig_atomic_t *interrupt)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        global_help(argc < 2 ? stderr : stdout);
        return argc < 2 ? SS_EXIT_USAGE : SS_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("samsim %s\n", SS_VERSION);
        return SS_EXIT_OK;
    }
    for (int i = 0; i < NCOMMANDS; i++) {
        const command *c = &commands[i];
        if (strcmp(argv[1], c->name) != 0) continue;
        cli_opts o = {.reps = 10, .seed = 1};
        int rc = parse_options(c, argc - 2, argv + 2, &o);
        if (rc) return rc;
        if (o.help) {
            printf("usage: %s\n\n%s\n", c->usage, c->help);
            return SS_EXIT_OK;
        }
        return c->handler(&o, argc - 1, argv + 1, interrupt);
    }
    fprintf(stderr, "samsim: unknown command '%s' (commands: run, check, show; see 'samsim --help')\n", argv[1]);
    return SS_EXIT_USAGE;
}
