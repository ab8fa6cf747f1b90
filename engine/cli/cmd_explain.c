/* `samsim explain SCENARIO SERVICE`: why the service's wait is what it is (output/explain.h),
 * from a run of the scenario with --reps, --seed, -j, --set and --apply as `samsim run` takes
 * them.  The REPL's `explain SERVICE` prints the same text for the model it has. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "explain.h"
#include "near.h"
#include "study.h"

#define CMD "explain"

/* The service's index in the model, or -1 after naming the ids it may stand for. */
static int find_service(const ss_scenario *sc, const char *id)
{
    const ss_model *m = ss_scenario_model(sc);
    const char *ids[512];
    int n = m->nservices < 512 ? m->nservices : 512;
    for (int i = 0; i < n; i++) {
        ids[i] = m->services[i].id;
        if (strcmp(ids[i], id) == 0) return i;
    }
    char near[512];
    if (ss_near_names(id, ids, n, near, sizeof near))
        ss_cli_usage_error(CMD, "unknown service '%s' (did you mean %s?)", id, near);
    else
        ss_cli_usage_error(CMD, "unknown service '%s' ('samsim show SCENARIO' lists the services)", id);
    return -1;
}

static int cmd_explain(int argc, char **argv, ss_stop_flag *interrupt)
{
    ss_cli_opts opts = {.reps = 10, .seed = 1}, *o = &opts;
    int code = ss_cli_parse(CMD, "saerj", argc - 1, argv + 1, o);
    if (code) return code;
    if (o->help) return ss_cli_help(CMD);
    if (o->npositional < 2)
        return ss_cli_usage_error(CMD, "which %s? e.g. samsim explain scenarios/lorenskog/barn-unge-2021.lua fph_barn",
                                  o->npositional ? "service" : "scenario and service");
    if (o->npositional > 2) return ss_cli_usage_error(CMD, "unexpected argument '%s'", o->positional[2]);
    ss_scenario *sc = ss_cli_load(o->positional[0], o, CMD, &code);
    if (!sc) return code;
    int s = find_service(sc, o->positional[1]);
    if (s < 0) {
        ss_scenario_free(sc);
        return SS_EXIT_USAGE;
    }
    char cmdline[4096];
    ss_command_line("samsim", argc, argv, cmdline, sizeof cmdline);
    ss_study st;
    ss_study_init(&st, sc, o->seed, o->reps, cmdline);
    ss_study_opts so = {.jobs = o->jobs, .interrupt = interrupt,
                        .progress = (!o->quiet && isatty(2) && o->reps > 1) ? ss_cli_progress : NULL};
    ss_diag d;
    int interrupted, io_error;
    if (ss_study_run(&st, &so, &d, &interrupted, &io_error) < 0) {
        fprintf(stderr, "%s\n", d.msg);
        code = interrupted ? SS_EXIT_INTERRUPTED : SS_EXIT_MODEL;
    } else {
        ss_explain_service(stdout, &st, s);
        code = fflush(stdout) == 0 ? SS_EXIT_OK : SS_EXIT_IO;
    }
    ss_study_fini(&st);
    ss_scenario_free(sc);
    return code;
}

const ss_command ss_cmd_explain = {
    CMD, "samsim explain SCENARIO SERVICE [--reps N] [--seed S] [-j N]\n"
         "                    [--set PATH=VALUE]... [--apply OVERLAY]...",
    "Why the service's wait is what it is: demand a year against what the service can take a\n"
    "year, how busy it is, who leaves the queue before first contact, the queue's trend over the\n"
    "measured period, and which inputs behind it are cited, tuned or assumed, with the citations.\n"
    "  --reps N, --seed S, -j N, --set, --apply   as for 'samsim run' (default 10 replications)\n"
    "e.g. samsim explain scenarios/lorenskog/barn-unge-2021.lua fph_barn",
    cmd_explain};
