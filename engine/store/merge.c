/* merge: check every input, copy each in, then summarise the runs that became whole. */
#include "merge.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SUMMARY_LEVEL 0.95  /* as `samsim run` and `samsim batch` */

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return strcmp(a, b) == 0;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* A missing or foreign input stops the merge before the output is touched. */
static int check_inputs(const char *out, const char *const *inputs, int n, ss_diag *d)
{
    for (int i = 0; i < n; i++) {
        if (same_file(out, inputs[i]))
            return ss_fail(d, "%s: is the output; merge into a new file, or leave it out of the inputs", inputs[i]);
        for (int j = 0; j < i; j++)
            if (same_file(inputs[i], inputs[j]))
                return ss_fail(d, "%s: given twice", inputs[i]);
        ss_store *st = ss_store_open_readonly(inputs[i], d);
        if (!st)
            return -1;
        ss_store_close(st);
    }
    return 0;
}

/* Runs the merge made whole get their summary; the rest wait for their other shards. */
static int summarise_whole_runs(ss_store *st, ss_merge_result *res, ss_diag *d)
{
    int64_t *ids = NULL;
    int n = 0;
    if (ss_store_incomplete_runs(st, &ids, &n, d))
        return -1;
    int rc = 0;
    for (int i = 0; i < n && rc >= 0; i++) {
        rc = ss_store_summarise_run(st, ids[i], SUMMARY_LEVEL, d);
        if (rc == 1) res->runs_completed++;
        else if (rc == 0) res->runs_incomplete++;
    }
    free(ids);
    return rc < 0 ? -1 : 0;
}

int ss_merge(const char *out, const char *const *inputs, int n, ss_merge_result *res, ss_diag *d)
{
    memset(res, 0, sizeof *res);
    if (check_inputs(out, inputs, n, d))
        return -1;
    ss_store *st = ss_store_open(out, d);
    if (!st)
        return -1;
    int rc = ss_store_prepare_batch(st, d);
    for (int i = 0; i < n && rc == 0; i++)
        rc = ss_store_merge_from(st, inputs[i], &res->counts, d);
    if (rc == 0)
        rc = summarise_whole_runs(st, res, d);
    ss_store_close(st);
    return rc;
}
