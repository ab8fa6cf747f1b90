/* compare_cmd: the state of one `samsim compare`, shared by cmd_compare.c (options, running, the
 * store) and compare_print.c (the table, Markdown, CSV and JSON it prints). */
#ifndef SS_COMPARE_CMD_H
#define SS_COMPARE_CMD_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cli.h"
#include "compare.h"
#include "compare_robust.h"
#include "model_spec.h"
#include "output.h"
#include "scenario.h"
#include "study.h"
#include "verdict.h"

#define CMD "compare"
#define MAX_MODELS 26      /* lettered A .. Z */
#define SEED_UNSET UINT64_MAX

typedef enum { OUT_TABLE, OUT_JSON, OUT_CSV, OUT_MARKDOWN } out_format;

typedef struct model {
    char letter[4];
    char spec[1024];                 /* as written on the command line */
    bool stored;                     /* db:FILE#RUN_ID */
    bool reused;                     /* a scenario model whose run --robust --db found stored (stored_run) */
    char db[1024];
    int64_t run_id;
    ss_model_spec where;             /* a scenario model's file and overlays */
    ss_scenario *sc;
    ss_study study;                  /* a scenario model's run */
    ss_stored_run stored_run;        /* a stored model's run */
    ss_study stored_view;            /* ... as ss_compare reads it */
    const ss_study *st;              /* the one ss_compare reads */
    ss_model_about about;            /* its name, description and effect assumptions */
    bool about_read;
} model;

typedef struct compare_cmd {
    ss_cli_opts o;
    out_format format;
    int nmodels;
    model *models;
    ss_comparison *cmp;              /* [nmodels - 1]: option i+1 against the base */
    ss_verdict *verdicts;            /* [nmodels - 1]: the key measures judged */
    char command_line[4096];
    char warnings[MAX_MODELS][600];  /* per option; "" when the staffing is the same */
    ss_compare_robust robust;        /* --robust: its options and each option's result */
    ss_precision precision;          /* how the first model run chose the replications (target 0: fixed) */
} compare_cmd;

/* Service s's FTE in model m (NaN when the run does not say). */
static inline double compare_model_fte(const model *m, int s)
{
    return m->st->info.service_fte ? m->st->info.service_fte[s] : NAN;
}

/* The warning that option opt's staffing differs from the base's, in lang ("" when the same). */
void compare_staffing_warning(const compare_cmd *c, int opt, ss_lang lang, char *w, size_t n);

/* The results on stdout in the chosen format.  0, or SS_EXIT_IO when stdout fails. */
int compare_print_results(const compare_cmd *c);

#endif
