/* compare: paired comparisons of organisational models run with common random numbers.
 *
 * Two studies run with the same seed and the same number of replications see the same people
 * arrive at the same times (rng.h), so replication i of the base and of the option form a pair:
 * the difference option - base is estimated from the per-replication differences, whose spread
 * is much smaller than that of either model alone.  The unpaired interval is kept beside it to
 * show how much the pairing bought. */
#ifndef SS_COMPARE_H
#define SS_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "lang.h"
#include "read.h"
#include "stats.h"
#include "study.h"

typedef struct ss_compare_row {
    const char *scope;          /* "service" or "system" */
    char subject[64];           /* service id, or "" for system metrics */
    const char *metric;         /* ss_*_metric_info[].name */
    ss_estimate base, option;   /* each model's own estimate */
    ss_estimate diff;           /* paired: option - base over replications */
    ss_estimate diff_unpaired;  /* as if the runs were independent (Welch) */
    double relative;            /* diff.mean / base.mean; NaN when base.mean is 0 or undefined */
    bool distinguishable;       /* the paired interval excludes 0 (planned: the difference is not 0) */
    bool planned;               /* scope "staffing": a planned input (FTE, its yearly cost), the same in
                                 * every replication, so its difference is exact and has no interval */
} ss_compare_row;

typedef struct ss_comparison {
    int nrows;
    ss_compare_row *rows;       /* services present in both (by id), in the base's order, then system */
    double fte_base, fte_option;
    double nok_per_fte_base, nok_per_fte_option;  /* 0 or NAN: the scenario gives no cost */
} ss_comparison;

/* Compare two finished studies (ss_study_run done).  They must share seed and replications
 * (else -1: "cannot pair: ..."). level e.g. 0.95. */
int ss_compare(const ss_study *base, const ss_study *option, double level, ss_comparison *out, ss_diag *d);
void ss_comparison_free(ss_comparison *c);

/* ---- reading a comparison (shared by `samsim compare` and `samsim report`) ----------------- */

/* Welch's interval for option - base as if the two runs were independent. */
ss_estimate ss_estimate_unpaired(const double *base, const double *option, int n, double level);

/* Paired half-width over unpaired half-width: below 1 when pairing narrowed the interval.
 * NaN when either interval is undefined or the unpaired one has no width. */
double ss_compare_narrowing(const ss_compare_row *r);
/* The median narrowing over the rows where it is defined (*n of them); NaN when none. */
double ss_comparison_median_narrowing(const ss_comparison *c, int *n);

/* The metric table entry of a row (unit, label, doc, direction): the results' tables, or for scope
 * "staffing" the planned inputs' ("fte_total", "cost_nok"; lower is better). */
const ss_metric_info *ss_compare_row_info(const ss_compare_row *r);
/* The results a reviewer looks at first (waits, queue, caseload per FTE, utilisation, rejections,
 * time in system, hand-offs), and only where either model has a value. */
bool ss_compare_is_key(const ss_compare_row *r);

/* Labels for people, in English or Norwegian (bokmål): ss_lang is util/lang.h's. */
/* "Wait, mean (days)" / "Ventetid, snitt (dager)"; unknown metrics fall back to the metric
 * table's label. */
const char *ss_metric_label(const char *scope, const char *metric, ss_lang lang);

/* A figure for people: shares as percent, counts and days with sensible decimals; "-" when
 * undefined.  signed_ adds "+" to positive numbers (differences). */
void ss_compare_format(char *buf, size_t n, double x, const char *unit, bool signed_);
/* "12.3 [10.1, 14.5]" (or "12.3" without an interval). */
void ss_compare_format_estimate(char *buf, size_t n, const ss_estimate *e, const char *unit, bool signed_);
/* A paired difference for people: "-5.2 [-7.1, -3.3]", a share in percentage points
 * ("-12.7 pp [-15.0, -10.4]"); in Norwegian with decimal commas ("-12,7 pp [-15,0; -10,4]"). */
void ss_compare_format_difference(char *buf, size_t n, const ss_estimate *e, const char *unit, ss_lang lang);
/* Its interval alone, "[-15.0, -10.4]" ("[-15,0; -10,4]"); "" without one. */
void ss_compare_format_interval(char *buf, size_t n, const ss_estimate *e, const char *unit, ss_lang lang);
/* "-12.5%" or "-" */
void ss_compare_format_relative(char *buf, size_t n, double relative);

/* A stored run as the study ss_compare reads: info and replications point into r (nothing is
 * copied; st lives no longer than r and is not given to ss_study_fini). */
void ss_compare_view_stored(ss_study *st, const ss_stored_run *r);

#endif
