/* runs: a run's life in the store — its row, each replication, the summary, failure, discard. */
#include "db.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- begin a run ------------------------------------------------------------------------------ */

static int insert_run(ss_store *st, const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st,
        "INSERT INTO runs(scenario_name, scenario_path, scenario_hash, rules_hash, engine_version,"
        " seed, replications, horizon_days, warmup_days, start_date, command_line, started_at,"
        " status, resolved_scenario) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,'running',?)", d);
    if (!s)
        return -1;
    db_bind_text(s, 1, info->scenario_name);
    db_bind_text(s, 2, info->scenario_path);
    db_bind_text(s, 3, info->scenario_hash);
    db_bind_text(s, 4, info->rules_hash);
    db_bind_text(s, 5, info->engine_version);
    sqlite3_bind_int64(s, 6, (sqlite3_int64)info->seed);
    sqlite3_bind_int(s, 7, info->replications);
    db_bind_real(s, 8, info->horizon_days);
    db_bind_real(s, 9, info->warmup_days);
    db_bind_text(s, 10, info->start_date);
    db_bind_text(s, 11, info->command_line);
    db_bind_text(s, 12, info->started_at);
    db_bind_text(s, 13, info->resolved_text);
    int rc = db_step(st, s, d);
    sqlite3_finalize(s);
    return rc;
}

static int insert_services(ss_store *st, int64_t run_id, const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO services(run_id, service, name, fte) VALUES(?,?,?,?)", d);
    if (!s)
        return -1;
    int rc = 0;
    for (int i = 0; i < info->nservices && rc == 0; i++) {
        sqlite3_bind_int64(s, 1, run_id);
        db_bind_text(s, 2, info->service_ids[i]);
        db_bind_text(s, 3, info->service_names ? info->service_names[i] : NULL);
        db_bind_real(s, 4, info->service_fte ? info->service_fte[i] : NAN);
        rc = db_step(st, s, d);
    }
    sqlite3_finalize(s);
    return rc;
}

/* One row of run_inputs; value NULL for an overlay. */
static int insert_input(ss_store *st, sqlite3_stmt *s, int64_t run_id, int seq, const char *kind,
                        const char *target, int target_len, const char *value, ss_diag *d)
{
    sqlite3_bind_int64(s, 1, run_id);
    sqlite3_bind_int(s, 2, seq);
    db_bind_text(s, 3, kind);
    sqlite3_bind_text(s, 4, target, target_len, SQLITE_TRANSIENT);
    db_bind_text(s, 5, value);
    return db_step(st, s, d);
}

/* The overlays, then the overrides ("PATH=VALUE" split at the first '='), in the order the
 * scenario applied them. */
static int insert_inputs(ss_store *st, int64_t run_id, const ss_run_info *info, ss_diag *d)
{
    if (info->noverlays == 0 && info->nsets == 0)
        return 0;
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO run_inputs(run_id, seq, kind, target, value) VALUES(?,?,?,?,?)", d);
    if (!s)
        return -1;
    int rc = 0, seq = 0;
    for (int i = 0; i < info->noverlays && rc == 0; i++)
        rc = insert_input(st, s, run_id, ++seq, "overlay", info->overlays[i], -1, NULL, d);
    for (int i = 0; i < info->nsets && rc == 0; i++) {
        const char *eq = strchr(info->sets[i], '=');
        int len = eq ? (int)(eq - info->sets[i]) : -1;
        rc = insert_input(st, s, run_id, ++seq, "set", info->sets[i], len, eq ? eq + 1 : "", d);
    }
    sqlite3_finalize(s);
    return rc;
}

int store_write_run(ss_store *st, const ss_run_info *info, int64_t *run_id, ss_diag *d)
{
    if (insert_run(st, info, d))
        return -1;
    *run_id = sqlite3_last_insert_rowid(st->db);
    if (insert_services(st, *run_id, info, d) || insert_inputs(st, *run_id, info, d))
        return -1;
    return store_wide_note_run(st, info, d);
}

int ss_store_begin_run(ss_store *st, const ss_run_info *info, int64_t *run_id, ss_diag *d)
{
    if (db_begin(st, d))
        return ss_wrap(d, "%s: cannot record the run", st->path);
    if (store_write_run(st, info, run_id, d)) {
        db_rollback(st);
        return ss_wrap(d, "%s: cannot record the run", st->path);
    }
    if (db_commit(st, d))
        return ss_wrap(d, "%s: cannot record the run", st->path);
    return 0;
}

/* ---- one replication ------------------------------------------------------------------------- */

static int insert_replication_row(ss_store *st, int64_t run_id, const ss_rep_result *r, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare_kept(st, KEPT_REPLICATION,
        "INSERT INTO replications(run_id, rep, events, completed_at) VALUES(?,?,?,?)", d);
    if (!s)
        return -1;
    char stamp[32];
    db_now_utc(stamp, sizeof stamp);
    sqlite3_bind_int64(s, 1, run_id);
    sqlite3_bind_int(s, 2, r->rep);
    sqlite3_bind_int64(s, 3, (sqlite3_int64)r->events);
    db_bind_text(s, 4, stamp);
    int rc = db_step(st, s, d);
    return rc;
}

static int insert_metric(ss_store *st, sqlite3_stmt *s, int64_t run_id, int rep, const char *scope,
                         const char *subject, const char *metric, double value, ss_diag *d)
{
    sqlite3_bind_int64(s, 1, run_id);
    sqlite3_bind_int(s, 2, rep);
    db_bind_text(s, 3, scope);
    db_bind_text(s, 4, subject);
    db_bind_text(s, 5, metric);
    db_bind_real(s, 6, value);
    return db_step(st, s, d);
}

static int insert_metrics(ss_store *st, int64_t run_id, const ss_rep_result *r,
                          const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare_kept(st, KEPT_METRIC,
        "INSERT INTO metrics(run_id, rep, scope, subject, metric, value) VALUES(?,?,?,?,?,?)", d);
    if (!s)
        return -1;
    int rc = 0;
    for (int i = 0; i < r->nservices && rc == 0; i++)
        for (int m = 0; m < SS_SERVICE_METRICS && rc == 0; m++)
            rc = insert_metric(st, s, run_id, r->rep, "service", info->service_ids[i],
                               ss_service_metric_info[m].name,
                               r->service[(long)i * SS_SERVICE_METRICS + m], d);
    for (int m = 0; m < SS_SYSTEM_METRICS && rc == 0; m++)
        rc = insert_metric(st, s, run_id, r->rep, "system", "", ss_system_metric_info[m].name,
                           r->system[m], d);
    return rc;
}

static int insert_series(ss_store *st, int64_t run_id, const ss_rep_result *r,
                         const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare_kept(st, KEPT_SERIES,
        "INSERT INTO series(run_id, rep, service, day, queue, caseload) VALUES(?,?,?,?,?,?)", d);
    if (!s)
        return -1;
    int rc = 0;
    for (int i = 0; i < r->nservices && rc == 0; i++) {
        for (int k = 0; k < r->nsamples && rc == 0; k++) {
            long at = (long)i * r->nsamples + k;
            sqlite3_bind_int64(s, 1, run_id);
            sqlite3_bind_int(s, 2, r->rep);
            db_bind_text(s, 3, info->service_ids[i]);
            sqlite3_bind_double(s, 4, r->series_day[k]);
            db_bind_real(s, 5, r->series_queue[at]);
            db_bind_real(s, 6, r->series_caseload[at]);
            rc = db_step(st, s, d);
        }
    }
    return rc;
}

/* Only the non-zero flows: most pairs of services never exchange anyone. */
static int insert_flows(ss_store *st, int64_t run_id, const ss_rep_result *r,
                        const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare_kept(st, KEPT_FLOW,
        "INSERT INTO flows(run_id, rep, from_service, to_service, persons) VALUES(?,?,?,?,?)", d);
    if (!s)
        return -1;
    int n = r->nservices, rc = 0;
    for (int f = 0; f <= n && rc == 0; f++) {
        for (int t = 0; t <= n && rc == 0; t++) {
            double v = r->flows[(long)f * (n + 1) + t];
            if (v == 0)
                continue;
            sqlite3_bind_int64(s, 1, run_id);
            sqlite3_bind_int(s, 2, r->rep);
            db_bind_text(s, 3, f < n ? info->service_ids[f] : "");
            db_bind_text(s, 4, t < n ? info->service_ids[t] : "");
            sqlite3_bind_double(s, 5, v);
            rc = db_step(st, s, d);
        }
    }
    return rc;
}

static int insert_wait_histogram(ss_store *st, int64_t run_id, const ss_rep_result *r,
                                 const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare_kept(st, KEPT_WAIT,
        "INSERT INTO wait_histogram(run_id, rep, service, from_days, to_days, persons) VALUES(?,?,?,?,?,?)", d);
    if (!s)
        return -1;
    int rc = 0;
    for (int i = 0; i < r->nservices && rc == 0; i++) {
        for (int b = 0; b < SS_WAIT_BINS && rc == 0; b++) {
            sqlite3_bind_int64(s, 1, run_id);
            sqlite3_bind_int(s, 2, r->rep);
            db_bind_text(s, 3, info->service_ids[i]);
            sqlite3_bind_double(s, 4, (double)b * SS_WAIT_BIN_DAYS);
            if (b < SS_WAIT_BINS - 1) sqlite3_bind_double(s, 5, (double)(b + 1) * SS_WAIT_BIN_DAYS);
            else sqlite3_bind_null(s, 5);
            sqlite3_bind_double(s, 6, r->wait_hist[(long)i * SS_WAIT_BINS + b]);
            rc = db_step(st, s, d);
        }
    }
    return rc;
}

int ss_store_replication(ss_store *st, int64_t run_id, const ss_rep_result *r,
                         const ss_run_info *info, ss_diag *d)
{
    assert(r->nservices == info->nservices);
    if (db_begin(st, d))
        return ss_wrap(d, "%s: cannot write replication %d", st->path, r->rep);
    if (insert_replication_row(st, run_id, r, d) || insert_metrics(st, run_id, r, info, d) ||
        insert_series(st, run_id, r, info, d) || insert_flows(st, run_id, r, info, d) ||
        insert_wait_histogram(st, run_id, r, info, d)) {
        db_rollback(st);
        return ss_wrap(d, "%s: cannot write replication %d", st->path, r->rep);
    }
    if (db_commit(st, d))
        return ss_wrap(d, "%s: cannot write replication %d", st->path, r->rep);
    return 0;
}

/* ---- finish, fail, discard ------------------------------------------------------------------- */

static int insert_estimate(ss_store *st, sqlite3_stmt *s, int64_t run_id, const char *scope,
                           const char *subject, const char *metric, const ss_estimate *e,
                           ss_diag *d)
{
    sqlite3_bind_int64(s, 1, run_id);
    db_bind_text(s, 2, scope);
    db_bind_text(s, 3, subject);
    db_bind_text(s, 4, metric);
    db_bind_real(s, 5, e->mean);
    db_bind_real(s, 6, e->ci_low);
    db_bind_real(s, 7, e->ci_high);
    db_bind_real(s, 8, e->sd);
    sqlite3_bind_int(s, 9, e->n);
    return db_step(st, s, d);
}

static int insert_summary(ss_store *st, int64_t run_id, const ss_summary *sum,
                          const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st,
        "INSERT INTO summary(run_id, scope, subject, metric, mean, ci_low, ci_high, sd, n)"
        " VALUES(?,?,?,?,?,?,?,?,?)", d);
    if (!s)
        return -1;
    int rc = 0;
    for (int i = 0; i < sum->nservices && rc == 0; i++)
        for (int m = 0; m < SS_SERVICE_METRICS && rc == 0; m++)
            rc = insert_estimate(st, s, run_id, "service", info->service_ids[i],
                                 ss_service_metric_info[m].name,
                                 &sum->service[(long)i * SS_SERVICE_METRICS + m], d);
    for (int m = 0; m < SS_SYSTEM_METRICS && rc == 0; m++)
        rc = insert_estimate(st, s, run_id, "system", "", ss_system_metric_info[m].name,
                             &sum->system[m], d);
    sqlite3_finalize(s);
    return rc;
}

/* Sets the final status; a run id that matches nothing is an error, not a silent no-op. */
static int set_status(ss_store *st, int64_t run_id, const char *status, const char *why, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st,
        "UPDATE runs SET status = ?, failure = ?, finished_at = ? WHERE run_id = ?", d);
    if (!s)
        return -1;
    char stamp[32];
    db_now_utc(stamp, sizeof stamp);
    db_bind_text(s, 1, status);
    db_bind_text(s, 2, why);
    db_bind_text(s, 3, stamp);
    sqlite3_bind_int64(s, 4, run_id);
    int rc = db_step(st, s, d);
    sqlite3_finalize(s);
    if (rc == 0 && sqlite3_changes(st->db) != 1)
        return ss_fail(d, "no run %lld", (long long)run_id);
    return rc;
}

int ss_store_finish_run(ss_store *st, int64_t run_id, const ss_summary *sum,
                        const ss_run_info *info, ss_diag *d)
{
    assert(sum->nservices == info->nservices);
    if (db_begin(st, d))
        return ss_wrap(d, "%s: cannot finish run %lld", st->path, (long long)run_id);
    if (insert_summary(st, run_id, sum, info, d) || set_status(st, run_id, "complete", NULL, d)) {
        db_rollback(st);
        return ss_wrap(d, "%s: cannot finish run %lld", st->path, (long long)run_id);
    }
    if (db_commit(st, d))
        return ss_wrap(d, "%s: cannot finish run %lld", st->path, (long long)run_id);
    return 0;
}

/* A write that failed for lack of space leaves no room for this one either: the reserve is given
 * back for it (db.c). */
int ss_store_fail_run(ss_store *st, int64_t run_id, const char *why, ss_diag *d)
{
    int rc = set_status(st, run_id, "failed", why, d);
    if (rc && db_release_reserve(st))  /* whatever the reason: a second try costs nothing */
        rc = set_status(st, run_id, "failed", why, d);
    if (rc)
        return ss_wrap(d, "%s: cannot mark run %lld as failed", st->path, (long long)run_id);
    return 0;
}


/* Children first, so the foreign keys hold at every statement.  The batch tables exist only in
 * files a batch or a merge wrote. */
static int delete_run_rows(ss_store *st, int64_t run_id, ss_diag *d)
{
    static const char *const tables[] = {"series", "flows", "wait_histogram", "metrics", "summary", "replications",
                                         "services", "run_inputs", "batch_runs", "run_keys", "runs"};
    char sql[96];
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        if (strncmp(tables[i], "batch_", 6) == 0 || strncmp(tables[i], "run_", 4) == 0)
            if (!db_table_exists(st, "main", tables[i]))
                continue;
        snprintf(sql, sizeof sql, "DELETE FROM %s WHERE run_id = ?", tables[i]);
        sqlite3_stmt *s = db_prepare(st, sql, d);
        if (!s)
            return -1;
        sqlite3_bind_int64(s, 1, run_id);
        int rc = db_step(st, s, d);
        sqlite3_finalize(s);
        if (rc)
            return -1;
    }
    return 0;
}

int ss_store_discard_run(ss_store *st, int64_t run_id, ss_diag *d)
{
    if (db_begin(st, d))
        return ss_wrap(d, "%s: cannot discard run %lld", st->path, (long long)run_id);
    if (delete_run_rows(st, run_id, d)) {
        db_rollback(st);
        return ss_wrap(d, "%s: cannot discard run %lld", st->path, (long long)run_id);
    }
    if (db_commit(st, d))
        return ss_wrap(d, "%s: cannot discard run %lld", st->path, (long long)run_id);
    return 0;
}


int ss_store_record(void *recorder, const ss_rep_result *r, ss_diag *d)
{
    const ss_store_recorder *rec = recorder;
    return ss_store_replication(rec->store, rec->run_id, r, rec->info, d);
}

