/* cmd_audit: `samsim audit SCENARIO[+OVERLAY ...] [MODEL ...]` — run each model with the same seed
 * and replications and read the runs against the auditors' criteria the first model's scenario
 * lists (audit = { ... }): criterion -> indicator -> value with interval -> met / not met /
 * unclear, the models side by side, and what the audit itself found. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "about.h"
#include "audit.h"
#include "audit_view.h"
#include "model_spec.h"
#include "study.h"
#include "xalloc.h"

#define CMD "audit"
#define MAX_MODELS 26  /* lettered A .. Z */

typedef struct audit_model {
    char letter[4];
    ss_model_spec where;
    ss_scenario *sc;
    ss_study study;
    bool ran;
    ss_audit_row *rows;
    ss_model_about about;      /* the model's name: an overlay's, or the scenario's */
    bool about_read;
} audit_model;

static int load_model(const ss_cli_opts *o, audit_model *am, const char *spec)
{
    ss_scenario_opts so = {.overlays = am->where.overlays, .noverlays = am->where.noverlays,
                           .sets = o->sets, .nsets = o->nsets};
    ss_diag d;
    am->sc = ss_scenario_load(am->where.file, &so, &d);
    if (am->sc && ss_audit_check(ss_scenario_model(am->sc), am->where.file, &d) == 0) {
        am->about_read = ss_model_about_read(ss_scenario_text(am->sc), spec, &am->about, &d) == 0;
        return 0;
    }
    fprintf(stderr, "samsim %s: %s '%s': %s\n", CMD, am->letter, spec, d.msg);
    return SS_EXIT_MODEL;
}

static int run_model(const ss_cli_opts *o, audit_model *am, const char *cmdline, ss_stop_flag *interrupt)
{
    ss_study_init(&am->study, am->sc, o->seed, o->reps, cmdline);
    am->ran = true;
    ss_study_opts so = {.jobs = o->jobs, .interrupt = interrupt,
                        .progress = (!o->quiet && isatty(2) && o->reps > 1) ? ss_cli_progress : NULL};
    ss_diag d;
    int interrupted, io_error;
    if (ss_study_run(&am->study, &so, &d, &interrupted, &io_error) < 0) {
        fprintf(stderr, "%s\n", d.msg);
        return interrupted ? SS_EXIT_INTERRUPTED : SS_EXIT_MODEL;
    }
    const ss_model *m = ss_scenario_model(am->sc);
    am->rows = xcalloc(m->ncriteria ? m->ncriteria : 1, sizeof *am->rows);
    ss_audit_evaluate(m->criteria, m->ncriteria, &am->study.summary, am->rows);
    return 0;
}

static int print_audit(const ss_cli_opts *o, audit_model *ms, int n)
{
    ss_audit_model *v = xcalloc(n, sizeof *v);
    for (int k = 0; k < n; k++)
        v[k] = (ss_audit_model){.label = ms[k].letter, .spec = o->positional[k],
                                .name = ms[k].about_read && *ms[k].about.name
                                            ? ss_model_about_name(&ms[k].about, !o->json && o->lang == SS_LANG_NB)
                                            : ss_scenario_model(ms[k].sc)->name,
                                .m = ss_scenario_model(ms[k].sc),
                                .rows = ms[k].rows};
    int code = SS_EXIT_OK;
    if (o->json) code = ss_audit_print_json(stdout, v, n, o->seed, o->reps) < 0 ? SS_EXIT_IO : SS_EXIT_OK;
    else ss_audit_print(stdout, v, n, o->seed, o->reps, o->lang);
    free(v);
    return code == SS_EXIT_OK && fflush(stdout) != 0 ? SS_EXIT_IO : code;
}

/* All scenarios are loaded before any runs, so a typo in the last one costs no waiting. */
static int audit_models(const ss_cli_opts *o, audit_model *ms, int n, const char *cmdline, ss_stop_flag *interrupt)
{
    int code = 0;
    for (int k = 0; k < n && !code; k++) {
        snprintf(ms[k].letter, sizeof ms[k].letter, "%c", 'A' + k);
        code = ss_model_spec_parse(CMD, ms[k].letter, o->positional[k], k ? &ms[0].where : NULL, &ms[k].where);
        if (!code) code = load_model(o, &ms[k], o->positional[k]);
    }
    for (int k = 0; k < n && !code; k++) code = run_model(o, &ms[k], cmdline, interrupt);
    return code ? code : print_audit(o, ms, n);
}

static int cmd_audit(int argc, char **argv, ss_stop_flag *interrupt)
{
    ss_cli_opts opts = {.reps = 10, .seed = 1}, *o = &opts;
    int code = ss_cli_parse(CMD, "srejol", argc - 1, argv + 1, o);
    if (code) return code;
    if (o->help) return ss_cli_help(CMD);
    if (o->csv) return ss_cli_usage_error(CMD, "--csv is not offered; use --json");
    if (o->npositional == 0)
        return ss_cli_usage_error(CMD, "which scenario? e.g. samsim audit scenarios/lorenskog/barn-unge-2021.lua");
    if (o->npositional > MAX_MODELS) return ss_cli_usage_error(CMD, "at most %d models", MAX_MODELS);
    char cmdline[4096];
    ss_command_line("samsim", argc, argv, cmdline, sizeof cmdline);
    int n = o->npositional;
    audit_model *ms = xcalloc(n, sizeof *ms);
    code = audit_models(o, ms, n, cmdline, interrupt);
    for (int k = 0; k < n; k++) {
        if (ms[k].ran) ss_study_fini(&ms[k].study);
        ss_scenario_free(ms[k].sc);
        free(ms[k].rows);
        if (ms[k].about_read) ss_model_about_free(&ms[k].about);
    }
    free(ms);
    return code;
}

const ss_command ss_cmd_audit = {
    CMD, "samsim audit SCENARIO[+OVERLAY...] [MODEL...] [--reps N] [--seed S] [-j N] [--json]\n"
         "                  [--lang en|nb] [--set PATH=VALUE]...",
    "Read runs against the auditors' criteria (revisjonskriterier) the scenario lists under\n"
    "audit: for each criterion a simulation can check, the result that measures it, each\n"
    "model's value with its 95 % interval, and met, not met or unclear (the interval straddles\n"
    "the threshold), beside what the audit itself found; then the criteria only documents can\n"
    "show (written routines, delegation, competence plans).  A model is a scenario, a scenario\n"
    "with overlays (x.lua+models/y.lua), or +models/y.lua for the first model plus overlays;\n"
    "all run with the same seed and replications.\n"
    "  --reps N, --seed S, -j N, --set   as for 'samsim run' (default 10 replications)\n"
    "  --json                            the same as JSON\n"
    "  --lang nb                         in Norwegian (bokmål): the criteria's Norwegian texts where\n"
    "                                    the scenario gives them, decimal commas; --json stays English\n"
    "e.g. samsim audit scenarios/lorenskog/barn-unge-2021.lua +models/familiens-hus.lua",
    cmd_audit};
