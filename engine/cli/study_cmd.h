/* study_cmd: what the commands that run a study over one scenario's points (`sensitivity`,
 * `calibrate`) share — the scenario with its overlays, --shard into --db, the progress line, the
 * error or the shard's note at the end. */
#ifndef SS_CLI_STUDY_CMD_H
#define SS_CLI_STUDY_CMD_H

#include "cli.h"
#include "model_spec.h"
#include "points.h"

typedef struct ss_study_cmd {
    ss_model_spec spec;              /* SCENARIO[+OVERLAY...] */
    const char *overlays[SS_CLI_MAX_LIST + SS_SPEC_MAX_OVERLAYS];   /* the spec's, then --apply's */
    int noverlays;
    int shard, nshards;              /* --shard K/N (ss_cli_shard) */
} ss_study_cmd;

/* After the options: one scenario (example: how the error shows one), no --csv, --shard only
 * with --db; the spec read and its overlays then --apply's gathered.  0, or an exit code after
 * printing the error. */
int ss_study_cmd_check(const char *cmd, const char *example, const ss_cli_opts *o, ss_study_cmd *sc);
/* How the study loads the scenario: the overlays, then --set. */
ss_scenario_opts ss_study_cmd_load(const ss_study_cmd *sc, const ss_cli_opts *o);
/* How the study runs its points: -j, --shard and Ctrl-C (no hooks yet). */
ss_points_how ss_study_cmd_run(const ss_study_cmd *sc, const ss_cli_opts *o, const ss_stop_flag *interrupt);
/* "\rwave 2: point 12 of 64" on stderr (ss_points_hooks.progress; use only on a terminal). */
void ss_study_cmd_progress(void *ud, const ss_points_part *part, long done, long total);
/* The exit code of a study that failed (the error printed): interrupted, or the model's. */
int ss_study_cmd_failed(const ss_diag *d);

#endif
