/* comparisons: the comparisons table of a results database — which stored runs one
 * `samsim compare` set against each other, so that `samsim report` can find the latest one. */
#ifndef SS_COMPARISONS_H
#define SS_COMPARISONS_H

#include <stdint.h>

#include "diag.h"

/* Record one comparison (a base run and its option runs, all in db_path) in the table
 * comparisons(comparison_id, base_run, option_run, base_model, option_model, created_at,
 * command_line), created if missing.  *comparison_id receives the new id; a comparison recorded already
 * with the same base run and the same options (the same command run again on its own file, reading
 * its stored runs) is not recorded twice: *comparison_id is its id and 1 is returned.  0, or -1 with d. */
int ss_store_record_comparison(const char *db_path, int64_t base_run, const char *base_model,
                                const int64_t *option_runs, const char *const *option_models, int noptions,
                                const char *command_line, int64_t *comparison_id, ss_diag *d);

#endif
