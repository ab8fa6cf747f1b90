/* series: a replication's time series packed as one row per service (series_points), and
 * unpacked again, for the store's modules only (runs.c writes, read.c reads). */
#ifndef SS_STORE_SERIES_H
#define SS_STORE_SERIES_H

#include <stdint.h>

#include "diag.h"
#include "results.h"
#include "store.h"

/* Every service's series of replication r, inside the caller's transaction. */
int store_insert_series(ss_store *st, int64_t run_id, const ss_rep_result *r,
                        const ss_run_info *info, ss_diag *d);
/* A file of schema version 1 kept a row per point in the table series: pack them into
 * series_points and drop the table, inside the caller's transaction. */
int store_upgrade_series(ss_store *st, ss_diag *d);
/* The points of one series_points row into day, queue and caseload (the first nsamples of
 * them): how many points the text holds, or -1 when it is not such an array. */
int store_unpack_series(const char *text, int nsamples, double *day, double *queue, double *caseload);

#endif
