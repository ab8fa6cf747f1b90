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

#include "diag.h"
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
    bool distinguishable;       /* the paired interval excludes 0 */
} ss_compare_row;

typedef struct ss_comparison {
    int nrows;
    ss_compare_row *rows;       /* services present in both (by id), in the base's order, then system */
    double fte_base, fte_option;
} ss_comparison;

/* Compare two finished studies (ss_study_run done).  They must share seed and replications
 * (else -1: "cannot pair: ..."). level e.g. 0.95. */
int ss_compare(const ss_study *base, const ss_study *option, double level, ss_comparison *out, ss_diag *d);
void ss_comparison_free(ss_comparison *c);

#endif
