/* robustness: the tables of `samsim compare --robust` in a results database — the study (known by
 * its key, as a sensitivity study is: resuming after a kill -9 finds it), the numbers varied,
 * every sample run (values in, each compared row's paired difference out) and, once complete,
 * each row's robustness, linked to the comparison it belongs to so that `samsim report` reads it.
 *
 * Shards write their samples into their own files; samsim merge joins studies by their key. */
#ifndef SS_ROBUSTNESS_H
#define SS_ROBUSTNESS_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "discovery.h"
#include "range.h"
#include "store.h"

#define SS_ROBUST_MAX_DECIDERS 3

/* ---- the record of a robust comparison, as study/robust.c makes it and the store keeps it ---- */

typedef struct ss_robust_result ss_robust_result;   /* the same typedef as verdict.h's */

/* A number varied, as each model declares it. */
typedef struct ss_robust_param {
    char path[256];
    bool in_base, in_option;
    ss_ranged base, option;           /* where declared */
} ss_robust_param;

/* The range a number's values are shown in: the option's, else the base's. */
const ss_ranged *ss_robust_shown(const ss_robust_param *p);

/* One compared row over the samples. */
typedef struct ss_robust_row {
    const char *scope;                /* "service", "system" */
    char subject[64];
    const char *metric;
    int samples;                      /* where the difference is defined */
    double share_better, share_worse; /* a metric better neither way: higher, lower */
    double share_unclear;             /* the paired interval holds 0 (or has none) */
    double diff_p05, diff_p50, diff_p95;
    int ndecided;
    ss_split decided[SS_ROBUST_MAX_DECIDERS];   /* the numbers that decide the sign: factor = parameter */
} ss_robust_row;

/* A number a model sets (the REPL's set PATH=VALUE): it keeps the set value in that model and is
 * not sampled there. */
typedef struct ss_robust_fixed {
    char set[320];                    /* "PATH=VALUE" as given */
    bool in_base, in_option;          /* which model sets it */
} ss_robust_fixed;

struct ss_robust_result {
    int nparams;
    ss_robust_param *params;
    int nfixed;
    ss_robust_fixed *fixed;           /* numbers set, so not sampled, in either model */
    int nrows;
    ss_robust_row *rows;              /* in ss_compare's order: shared services, then the system */
    long npoints;
    const char *design;               /* "sobol", "latin" or "ensemble" */
    double *values;                   /* [npoints][nparams]: the shown values */
    char study_key[65];
    long points_stored;               /* read back, not run again */
    bool waiting;                     /* sharded: other shards' samples are missing; no rows */
};

/* The outputs of a sample per row: the paired difference's mean, low and high. */
enum { SS_ROBUST_OUTPUTS = 3 };

void ss_robust_result_free(ss_robust_result *r);
/* The row of r for a compared row (scope, subject, metric); NULL when there is none (or no r). */
const ss_robust_row *ss_robust_find(const ss_robust_result *r, const char *scope, const char *subject,
                                    const char *metric);

/* ---- the tables ---------------------------------------------------------------------------- */

typedef struct ss_robust_study_row {
    const char *study_key;
    const char *base_model, *option_model, *command_line;
    const char *design;           /* sobol, latin, ensemble */
    long samples;
    int replications;
    uint64_t seed;
} ss_robust_study_row;

/* The study's row and its numbers, in one transaction (the tables made if missing); or, when a
 * study with the same key is stored, that one (*resumed). */
int ss_store_begin_robust(ss_store *st, const ss_robust_study_row *row, const ss_robust_result *r, int64_t *study_id,
                          bool *resumed, ss_diag *d);
/* The samples stored: have[p] = 1 and y[p noutputs ...] their outputs, for p below npoints. */
int ss_store_robust_stored(ss_store *st, int64_t study_id, long npoints, int noutputs, double *y, unsigned char *have,
                           long *nhave, ss_diag *d);
/* One sample, in its own transaction. */
int ss_store_robust_sample(ss_store *st, int64_t study_id, long point, const double *values, int nvalues,
                           const double *outputs, int noutputs, ss_diag *d);
/* The rows found of the study with r's key, and the comparison (comparison_id, the option's run)
 * they belong to. */
int ss_store_robust_finish(ss_store *st, const char *study_key, const ss_robust_result *r, int64_t comparison_id,
                           int64_t option_run, ss_diag *d);

/* The robust result of a stored comparison's option (its numbers and rows, no samples): 1 found,
 * 0 none (out untouched), -1 with d. */
int ss_store_robust_load(ss_store *st, int64_t comparison_id, int64_t option_run, ss_robust_result *out, ss_diag *d);

#endif
