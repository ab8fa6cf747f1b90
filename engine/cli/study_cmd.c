/* study_cmd: what the study commands share (see study_cmd.h). */
#include "study_cmd.h"

#include <stdio.h>
#include <string.h>

int ss_study_cmd_check(const char *cmd, const char *example, const ss_cli_opts *o, ss_study_cmd *sc)
{
    if (o->npositional == 0) return ss_cli_usage_error(cmd, "which scenario? e.g. %s", example);
    if (o->npositional > 1) return ss_cli_usage_error(cmd, "unexpected argument '%s'", o->positional[1]);
    if (o->csv) return ss_cli_usage_error(cmd, "--csv is not offered here; use --json");
    if (sc->nshards && !o->db)
        return ss_cli_usage_error(cmd, "--shard %d/%d: a shard keeps its points in a file: give it --db FILE", sc->shard,
                                  sc->nshards);
    int code = ss_model_spec_parse(cmd, "scenario", o->positional[0], NULL, &sc->spec);
    for (int i = 0; code == 0 && i < sc->spec.noverlays; i++) sc->overlays[sc->noverlays++] = sc->spec.overlays[i];
    for (int i = 0; code == 0 && i < o->noverlays; i++) sc->overlays[sc->noverlays++] = o->overlays[i];
    return code;
}

ss_scenario_opts ss_study_cmd_load(const ss_study_cmd *sc, const ss_cli_opts *o)
{
    return (ss_scenario_opts){.overlays = sc->overlays, .noverlays = sc->noverlays, .sets = o->sets,
                              .nsets = o->nsets};
}

ss_points_how ss_study_cmd_run(const ss_study_cmd *sc, const ss_cli_opts *o, const ss_stop_flag *interrupt)
{
    return (ss_points_how){.jobs = o->jobs, .shard = sc->shard, .nshards = sc->nshards, .interrupt = interrupt};
}

void ss_study_cmd_progress(void *ud, const ss_points_part *part, long done, long total)
{
    (void)ud;
    fprintf(stderr, "\r%s: point %ld of %ld", part->name, done, total);
    if (done == total) fputs("\r\033[K", stderr);
    fflush(stderr);
}

int ss_study_cmd_failed(const ss_diag *d)
{
    fprintf(stderr, "%s\n", d->msg);
    return strcmp(d->msg, "interrupted") == 0 ? SS_EXIT_INTERRUPTED : SS_EXIT_MODEL;
}
