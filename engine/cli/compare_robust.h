/* compare_robust: `samsim compare BASE OPTION --robust [--samples N | --ensemble FILE]` — the
 * options that ask for a robust comparison (study/robust.h), running it for each option against
 * the base (resumed from --db, or one shard of it), and its progress.  compare_print.c prints what
 * it finds inside the verdict. */
#ifndef SS_COMPARE_ROBUST_H
#define SS_COMPARE_ROBUST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <getopt.h>
#include <jansson.h>

#include "flag.h"
#include "model_spec.h"
#include "robust.h"
#include "scenario.h"
#include "verdict.h"

typedef struct ss_robust_args {
    bool robust;
    int samples;                 /* 0: not given (64) */
    const char *ensemble;        /* --ensemble FILE */
    int shard, nshards;          /* --shard K/N */
} ss_robust_args;

/* --robust, --samples, --ensemble and --shard as compare's own options (ss_cli_parse_own: val
 * from SS_CLI_OWN up, {0}-terminated), and one of them (opt, its value v) taken into a: 0, or an
 * exit code after printing the error. */
extern const struct option ss_robust_options[];
int ss_robust_args_take(const char *cmd, int opt, const char *v, ss_robust_args *a);

/* What the other options allow: --samples, --ensemble and --shard only with --robust, one of
 * --samples and --ensemble, --shard with --db, at least 2 replications.  0, or an exit code after printing the error. */
int ss_robust_args_check(const char *cmd, const ss_robust_args *a, const char *db, int reps);

/* What every option's robust run shares: the command's own options. */
typedef struct ss_robust_run_args {
    int reps;
    uint64_t seed;
    int jobs;
    const char *db;
    const char *command_line;
    bool progress;                   /* a progress line (stderr is a terminal) */
    bool quiet;                      /* not even "resumed" */
    const ss_stop_flag *interrupt;
} ss_robust_run_args;

/* One model of the command, as --robust runs it. */
typedef struct ss_compare_model {
    const char *letter;              /* "A", "B", ... */
    const char *spec;                /* as written, for messages and the store */
    const ss_model_spec *where;      /* its scenario file and overlays */
} ss_compare_model;

/* The robust part of one `samsim compare`: each option against the base (ss_compare_robust_free it). */
typedef struct ss_compare_robust {
    ss_robust_args args;             /* --robust, --samples, --ensemble, --shard */
    int noptions;
    ss_robust_result *results;       /* [noptions], NULL until run */
    char (*lines)[4096];             /* [noptions]: the verdicts' robustness lines */
    bool waiting;                    /* a shard whose other shards' samples are elsewhere */
} ss_compare_robust;

/* Before any model runs: whether the base and each option have numbers to vary (--ensemble: always),
 * so that a scenario without ranges costs no nominal run.  base and options are the loaded
 * scenarios.  0, or an exit code after printing the error. */
int ss_compare_robust_check(const char *cmd, const ss_compare_robust *cr, const ss_robust_run_args *ra,
                            const ss_compare_model *models, const ss_scenario *const *scenarios, int nmodels);

/* Each option against the base over the plausible assumptions; the verdicts (one per option) then
 * say how often they hold, naming services as base_info (the base's run) names them.  0, or an
 * exit code after printing the error. */
int ss_compare_robust_all(const char *cmd, ss_compare_robust *cr, const ss_robust_run_args *ra,
                          const ss_compare_model *models, int nmodels, ss_verdict *verdicts, const ss_run_info *base_info);

/* Option opt's result, or NULL without --robust. */
const ss_robust_result *ss_compare_robust_of(const ss_compare_robust *cr, int opt);

/* A shard that has stored its samples says so, and what to do next.  An exit code. */
int ss_compare_robust_shard_done(const ss_compare_robust *cr, const char *db);

void ss_compare_robust_free(ss_compare_robust *cr);

/* The study's description for --json: {"samples", "design", "parameters", "replications"}. */
json_t *ss_robust_study_json(const ss_robust_result *r, int reps);

/* A compared row's robustness for --json: {"samples", "share_better", "share_worse", "share_unclear",
 * "diff_p05", "diff_p50", "diff_p95", "decided_by": [{"name", "condition", ...}]}; a metric better
 * neither way says share_higher and share_lower. */
json_t *ss_robust_row_json(const ss_robust_result *r, const ss_robust_row *row);

/* "name condition; name condition": the numbers that decide the row's sign, for CSV and Markdown. */
void ss_robust_deciders_text(char *buf, size_t n, const ss_robust_result *r, const ss_robust_row *row);
/* --csv with --robust: the columns after compare's own, and a row's cells (empty without a row). */
void ss_robust_csv_header(FILE *f);
void ss_robust_csv_cells(FILE *f, const ss_robust_result *r, const ss_robust_row *row);

/* After the comparison is recorded (--db): each option's rows, linked to it and to the option's run
 * (option_runs[noptions]), so that `samsim report` shows them.  0, or an exit code after printing the error. */
int ss_compare_robust_record(const char *cmd, const ss_compare_robust *cr, const char *db, int64_t comparison_id,
                             const int64_t *option_runs);

#endif
