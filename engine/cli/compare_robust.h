/* compare_robust: `samsim compare BASE OPTION --robust [--samples N | --ensemble FILE]` — the
 * options that ask for a robust comparison (study/robust.h), running it for each option against
 * the base, and its progress.  cmd_compare.c prints what it finds inside the verdict. */
#ifndef SS_COMPARE_ROBUST_H
#define SS_COMPARE_ROBUST_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "flag.h"
#include "model_spec.h"
#include "robust.h"

typedef struct ss_robust_args {
    bool robust;
    int samples;                 /* 0: not given (64) */
    const char *ensemble;        /* --ensemble FILE */
    int shard, nshards;          /* --shard K/N */
} ss_robust_args;

/* Take --robust, --samples, --ensemble and --shard out of argv (without the command's name):
 * the other arguments go to rest (*nrest of them) for the shared options.  0, or an exit code
 * after printing the error. */
int ss_robust_args_take(const char *cmd, int argc, char **argv, ss_robust_args *a, char **rest, int *nrest);

/* What the other options allow: --samples, --ensemble and --shard only with --robust, one of
 * --samples and --ensemble, --shard with --db, at least 2 replications.  0, or an exit code after printing the error. */
int ss_robust_args_check(const char *cmd, const ss_robust_args *a, const char *db, int reps);

typedef struct ss_robust_run_args {
    const ss_robust_args *a;
    ss_robust_model base, option;    /* each with the command's --set */
    const char *base_spec, *option_spec;   /* as written, for the store */
    const char *option_letter;
    int reps;
    uint64_t seed;
    int jobs;
    const char *db;
    const char *command_line;
    bool progress;                   /* a progress line (stderr is a terminal) */
    bool quiet;                      /* not even "resumed" */
    const ss_stop_flag *interrupt;
} ss_robust_run_args;

/* Run the robust comparison of one option into out (ss_robust_result_free it).  0, or an exit
 * code after printing the error. */
int ss_compare_robust_run(const char *cmd, const ss_robust_run_args *ra, ss_robust_result *out);

/* A compared row's robustness for --json: {"samples", "share_better", "share_worse", "share_unclear",
 * "diff_p05", "diff_p50", "diff_p95", "decided_by": [{"name", "condition", ...}]}; a metric better
 * neither way says share_higher and share_lower. */
json_t *ss_robust_row_json(const ss_robust_result *r, const ss_robust_row *row);

/* After the comparison is recorded (--db): the rows found, linked to it, so that `samsim report`
 * shows them.  0, or an exit code after printing the error. */
int ss_compare_robust_record(const char *cmd, const char *db, const ss_robust_result *r, int64_t comparison_id,
                             int64_t option_run);

#endif
