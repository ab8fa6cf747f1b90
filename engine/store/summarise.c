/* summarise: a run's summary computed from its stored replications, as a resumed batch and a
 * merge of shards need it, so their results equal an uninterrupted run's bit for bit. */
#include "db.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a summary from the stored replications ------------------------------------------------- */

/* What ss_store_finish_run needs of a run, read back from its rows. */
typedef struct stored_run {
    int replications;
    bool complete;
    int nservices;
    char **ids;
} stored_run;

static void stored_run_free(stored_run *r)
{
    for (int i = 0; i < r->nservices; i++)
        free(r->ids[i]);
    free(r->ids);
    memset(r, 0, sizeof *r);
}

static int read_run_header(ss_store *st, int64_t run_id, stored_run *r, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT replications, status = 'complete' FROM runs WHERE run_id = ?", d);
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, run_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        r->replications = sqlite3_column_int(s, 0);
        r->complete = sqlite3_column_int(s, 1) != 0;
    }
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE)
        return ss_fail(d, "no run %lld", (long long)run_id);
    return rc == SQLITE_ROW ? 0 : db_fail(st, d);
}

/* Services in the order they were written, which is the model's order. */
static int read_run_services(ss_store *st, int64_t run_id, stored_run *r, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT service FROM services WHERE run_id = ? ORDER BY rowid", d);
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, run_id);
    int rc, cap = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (r->nservices == cap) {
            cap = cap ? 2 * cap : 16;
            char **grown = realloc(r->ids, sizeof *grown * (size_t)cap);
            if (!grown)
                break;
            r->ids = grown;
        }
        const unsigned char *t = sqlite3_column_text(s, 0);
        if (!(r->ids[r->nservices] = strdup(t ? (const char *)t : "")))
            break;
        r->nservices++;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return rc == SQLITE_ROW ? ss_fail(d, "out of memory") : db_fail(st, d);
    return 0;
}

static int count_stored_reps(ss_store *st, int64_t run_id, int replications, int *n, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st,
        "SELECT count(*) FROM replications WHERE run_id = ? AND rep >= 0 AND rep < ?", d);
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, run_id);
    sqlite3_bind_int(s, 2, replications);
    int rc = sqlite3_step(s);
    *n = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? 0 : db_fail(st, d);
}

static int metric_index(const ss_metric_info *table, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(table[i].name, name) == 0)
            return i;
    return -1;
}

static int service_index(const stored_run *r, const char *id)
{
    for (int i = 0; i < r->nservices; i++)
        if (strcmp(r->ids[i], id) == 0)
            return i;
    return -1;
}

/* One stored metric row into its replication's arrays; unknown names (a newer samsim) are
 * skipped, NULL stays NaN. */
static void place_metric(const stored_run *r, ss_rep_result *reps, sqlite3_stmt *s)
{
    int rep = sqlite3_column_int(s, 0);
    const char *scope = (const char *)sqlite3_column_text(s, 1);
    const char *subject = (const char *)sqlite3_column_text(s, 2);
    const char *metric = (const char *)sqlite3_column_text(s, 3);
    if (rep < 0 || rep >= r->replications || !scope || !subject || !metric ||
        sqlite3_column_type(s, 4) == SQLITE_NULL)
        return;
    double v = sqlite3_column_double(s, 4);
    if (strcmp(scope, "system") == 0) {
        int m = metric_index(ss_system_metric_info, SS_SYSTEM_METRICS, metric);
        if (m >= 0)
            reps[rep].system[m] = v;
        return;
    }
    int i = service_index(r, subject), m = metric_index(ss_service_metric_info, SS_SERVICE_METRICS, metric);
    if (i >= 0 && m >= 0)
        ss_rep_service(&reps[rep], i)[m] = v;
}

static int read_metrics(ss_store *st, int64_t run_id, const stored_run *r, ss_rep_result *reps, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st,
        "SELECT rep, scope, subject, metric, value FROM metrics WHERE run_id = ?", d);
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, run_id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        place_metric(r, reps, s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : db_fail(st, d);
}

/* Every replication back, in replication order, as the summary needs them. */
static int read_replications(ss_store *st, int64_t run_id, const stored_run *r, ss_rep_result *reps, ss_diag *d)
{
    for (int i = 0; i < r->replications; i++)
        if (ss_rep_result_init(&reps[i], i, r->nservices, 0))
            return ss_fail(d, "out of memory");
    return read_metrics(st, run_id, r, reps, d);
}

static int summarise(ss_store *st, int64_t run_id, const stored_run *r, double level, ss_diag *d)
{
    ss_rep_result *reps = calloc((size_t)r->replications, sizeof *reps);
    if (!reps)
        return ss_fail(d, "%s: cannot summarise run %lld: out of memory", st->path, (long long)run_id);
    ss_summary sum = {0};
    int rc = read_replications(st, run_id, r, reps, d);
    if (rc == 0 && ss_summary_build(&sum, reps, r->replications, r->nservices, level))
        rc = ss_fail(d, "out of memory");
    if (rc < 0) {
        ss_wrap(d, "%s: cannot summarise run %lld", st->path, (long long)run_id);
    } else {
        ss_run_info info = {.nservices = r->nservices, .service_ids = (const char *const *)r->ids};
        rc = ss_store_finish_run(st, run_id, &sum, &info, d);  /* names the file itself */
        ss_summary_free(&sum);
    }
    for (int i = 0; i < r->replications; i++)
        ss_rep_result_free(&reps[i]);
    free(reps);
    return rc;
}

int ss_store_summarise_run(ss_store *st, int64_t run_id, double level, ss_diag *d)
{
    stored_run r = {0};
    int stored = 0, rc = 0;
    if (read_run_header(st, run_id, &r, d) || (!r.complete && count_stored_reps(st, run_id, r.replications, &stored, d)))
        rc = ss_wrap(d, "%s: cannot read run %lld", st->path, (long long)run_id);
    else if (r.complete || r.replications < 1 || stored < r.replications)
        rc = 0;
    else if (read_run_services(st, run_id, &r, d))
        rc = ss_wrap(d, "%s: cannot read run %lld", st->path, (long long)run_id);
    else
        rc = summarise(st, run_id, &r, level, d) < 0 ? -1 : 1;
    stored_run_free(&r);
    return rc;
}

int ss_store_incomplete_runs(ss_store *st, int64_t **ids, int *n, ss_diag *d)
{
    *ids = NULL;
    *n = 0;
    sqlite3_stmt *s = db_prepare(st, "SELECT run_id FROM runs WHERE status <> 'complete' ORDER BY run_id", d);
    if (!s)
        return ss_wrap(d, "%s: cannot read the runs", st->path);
    int rc, cap = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? 2 * cap : 64;
            int64_t *grown = realloc(*ids, sizeof *grown * (size_t)cap);
            if (!grown) {
                rc = SQLITE_NOMEM;
                break;
            }
            *ids = grown;
        }
        (*ids)[(*n)++] = sqlite3_column_int64(s, 0);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        free(*ids);
        *ids = NULL;
        *n = 0;
        return ss_fail(d, "%s: cannot read the runs: %s", st->path,
                       rc == SQLITE_NOMEM ? "out of memory" : sqlite3_errmsg(st->db));
    }
    return 0;
}

