/* merge: shard files (samsim batch --shard K/N) joined into one results file.
 *
 * A batch run is the same run in every shard when its key is the same (batch.h), so the merged
 * file has one run per grid point with the replications of all shards; a replication found in
 * two files must be the same (checked) and is kept once.  When a run's replications are all
 * there, its summary is computed from the stored replications, exactly as an unsharded batch
 * computes it, so the merged file's results equal the unsharded run's.  Runs stored by
 * `samsim run` are copied as they are.  Merging is idempotent: merging a file twice, or into a
 * file that has some of its runs already, adds only what is missing.  Sensitivity studies
 * (`samsim sensitivity --shard K/N`) are joined by their key, their points added where missing. */
#ifndef SS_MERGE_H
#define SS_MERGE_H

#include "diag.h"
#include "store.h"

typedef struct ss_merge_result {
    ss_merge_counts counts;
    int runs_completed;    /* summaries this merge wrote */
    int runs_incomplete;   /* runs still missing replications (another shard not merged yet) */
} ss_merge_result;

/* Merge inputs[0..n-1] into out (created when missing).  Every input is opened and checked
 * before anything is written.  0, or -1 with d filled ("in.db: ..."). */
int ss_merge(const char *out, const char *const *inputs, int n, ss_merge_result *res, ss_diag *d);

#endif
