/* runs: a run's life in the store — its row, each replication, the summary, failure, discard. */
#include "db.h"
#include "series.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- begin a run ------------------------------------------------------------------------------ */

static int insert_run(ss_store *st, const ss_run_info *info, ss_diag *d)
{
    return db_run(st,
        "INSERT INTO runs(scenario_name, scenario_path, scenario_hash, rules_hash, engine_version,"
        " seed, replications, horizon_days, warmup_days, start_date, command_line, started_at,"
        " status, resolved_scenario) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,'running',?)", d, "tttttIirrtttt",
        info->scenario_name, info->scenario_path, info->scenario_hash, info->rules_hash,
        info->engine_version, (int64_t)info->seed, info->replications, info->horizon_days,
        info->warmup_days, info->start_date, info->command_line, info->started_at,
        info->resolved_text);
}

static int insert_services(ss_store *st, int64_t run_id, const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO services(run_id, service, name, fte) VALUES(?,?,?,?)", d);
    if (!s)
        return -1;
    int rc = 0;
    for (int i = 0; i < info->nservices && rc == 0; i++)
        rc = db_row(st, s, d, "Ittr", run_id, info->service_ids[i],
                    info->service_names ? info->service_names[i] : NULL,
                    info->service_fte ? info->service_fte[i] : NAN);
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
    assert(st && st->writer && info && run_id && info->nservices >= 0 && info->replications >= 0);
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
    return db_row(st, s, d, "IiIt", run_id, r->rep, (int64_t)r->events, stamp);
}

/* The summary's rows, one statement a row (once a run). */
typedef struct metric_rows {
    ss_store *st;
    sqlite3_stmt *s;
    int64_t run_id;
    const ss_rep_result *r;
    const ss_summary *sum;
    ss_diag *d;
} metric_rows;

static int put_metric(const metric_rows *w, const char *scope, const char *subject,
                      const char *metric, bool system, long at)
{
    const ss_estimate *e = system ? &w->sum->system[at] : &w->sum->service[at];
    return db_row(w->st, w->s, w->d, "Itttrrrri", w->run_id, scope, subject, metric, e->mean,
                  e->ci_low, e->ci_high, e->sd, e->n);
}

static int put_metrics(const metric_rows *w, int nservices, const ss_run_info *info)
{
    if (!w->s)
        return -1;
    int rc = 0;
    for (int i = 0; i < nservices && rc == 0; i++)
        for (int m = 0; m < SS_SERVICE_METRICS && rc == 0; m++)
            rc = put_metric(w, "service", info->service_ids[i], ss_service_metric_info[m].name, false,
                            (long)i * SS_SERVICE_METRICS + m);
    for (int m = 0; m < SS_SYSTEM_METRICS && rc == 0; m++)
        rc = put_metric(w, "system", "", ss_system_metric_info[m].name, true, m);
    return rc;
}

/* A replication's metrics of one subject in one statement, their names written into it (a
 * statement a row was most of the time spent storing a replication once the series were
 * packed): ?1 run_id, ?2 rep, ?3 subject, then the values in the table's order. */
static sqlite3_stmt *metric_set_statement(ss_store *st, int which, const char *scope,
                                          const ss_metric_info *t, int n, ss_diag *d)
{
    if (st->kept[which])
        return st->kept[which];
    ss_buf sql = {0};
    ss_buf_str(&sql, "INSERT INTO metrics(run_id, rep, scope, subject, metric, value) VALUES");
    for (int m = 0; m < n; m++) {
        assert(strspn(t[m].name, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen(t[m].name));
        ss_buf_fmt(&sql, "%s(?1,?2,'%s',?3,'%s',?%d)", m ? "," : "", scope, t[m].name, m + 4);
    }
    sqlite3_stmt *s = db_prepare_kept(st, which, ss_buf_text(&sql), d);
    ss_buf_free(&sql);
    return s;
}

static int put_metric_set(ss_store *st, sqlite3_stmt *s, int64_t run_id, int rep, const char *subject,
                          const double *v, int n, ss_diag *d)
{
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, run_id);
    sqlite3_bind_int(s, 2, rep);
    sqlite3_bind_text(s, 3, subject, -1, SQLITE_STATIC);  /* db_step clears it */
    for (int m = 0; m < n; m++)
        db_bind_real(s, 4 + m, v[m]);
    return db_step(st, s, d);
}

static int insert_metrics(ss_store *st, int64_t run_id, const ss_rep_result *r,
                          const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *service = metric_set_statement(st, KEPT_METRIC, "service", ss_service_metric_info,
                                                 SS_SERVICE_METRICS, d);
    int rc = 0;
    for (int i = 0; i < r->nservices && rc == 0; i++)
        rc = put_metric_set(st, service, run_id, r->rep, info->service_ids[i], r->service + (long)i * SS_SERVICE_METRICS,
                            SS_SERVICE_METRICS, d);
    if (rc == 0)
        rc = put_metric_set(st, metric_set_statement(st, KEPT_SYSTEM_METRIC, "system", ss_system_metric_info,
                                                     SS_SYSTEM_METRICS, d),
                            run_id, r->rep, "", r->system, SS_SYSTEM_METRICS, d);
    return rc;
}

/* A per-service table of a replication: row(w, i, k) writes the row for service i (or, for
 * flows, service i's row of the matrix) and column k. */
typedef int (*grid_row)(const metric_rows *w, const ss_run_info *info, int i, int k);

static int put_grid(const metric_rows *w, const ss_run_info *info, int ni, int nk, grid_row row)
{
    if (!w->s)
        return -1;
    int rc = 0;
    for (int i = 0; i < ni && rc == 0; i++)
        for (int k = 0; k < nk && rc == 0; k++)
            rc = row(w, info, i, k);
    return rc;
}

/* Only the non-zero flows: most pairs of services never exchange anyone.  Index n is outside
 * the services (arrivals from, and exits to, the world), written as "". */
static int flow_row(const metric_rows *w, const ss_run_info *info, int f, int t)
{
    const ss_rep_result *r = w->r;
    int n = r->nservices;
    double v = r->flows[(long)f * (n + 1) + t];
    if (v == 0)
        return 0;
    return db_row(w->st, w->s, w->d, "Iittd", w->run_id, r->rep, f < n ? info->service_ids[f] : "",
                  t < n ? info->service_ids[t] : "", v);
}

/* Only the bins someone is in, as with flows: nine in ten are empty (a service without a queue
 * has one bin), and a reader takes a missing bin for 0. */
static int wait_row(const metric_rows *w, const ss_run_info *info, int i, int b)
{
    const ss_rep_result *r = w->r;
    if (r->wait_hist[(long)i * SS_WAIT_BINS + b] == 0)
        return 0;
    double to = b < SS_WAIT_BINS - 1 ? (double)(b + 1) * SS_WAIT_BIN_DAYS : NAN; /* NULL: open */
    return db_row(w->st, w->s, w->d, "Iitdrd", w->run_id, r->rep, info->service_ids[i],
                  (double)b * SS_WAIT_BIN_DAYS, to, r->wait_hist[(long)i * SS_WAIT_BINS + b]);
}

static int insert_grids(ss_store *st, int64_t run_id, const ss_rep_result *r,
                        const ss_run_info *info, ss_diag *d)
{
    int n = r->nservices;
    if (store_insert_series(st, run_id, r, info, d))
        return -1;
    metric_rows flows = {st, db_prepare_kept(st, KEPT_FLOW,
        "INSERT INTO flows(run_id, rep, from_service, to_service, persons) VALUES(?,?,?,?,?)", d),
        run_id, r, NULL, d};
    if (put_grid(&flows, info, n + 1, n + 1, flow_row))
        return -1;
    metric_rows waits = {st, db_prepare_kept(st, KEPT_WAIT,
        "INSERT INTO wait_histogram(run_id, rep, service, from_days, to_days, persons) VALUES(?,?,?,?,?,?)",
        d), run_id, r, NULL, d};
    return put_grid(&waits, info, n, SS_WAIT_BINS, wait_row);
}

int ss_store_replication(ss_store *st, int64_t run_id, const ss_rep_result *r,
                         const ss_run_info *info, ss_diag *d)
{
    assert(st && st->writer && run_id > 0 && r->rep >= 0 && r->nservices == info->nservices);
    if (db_begin(st, d))
        return ss_wrap(d, "%s: cannot write replication %d", st->path, r->rep);
    if (insert_replication_row(st, run_id, r, d) || insert_metrics(st, run_id, r, info, d) ||
        insert_grids(st, run_id, r, info, d)) {
        db_rollback(st);
        return ss_wrap(d, "%s: cannot write replication %d", st->path, r->rep);
    }
    if (db_commit(st, d))
        return ss_wrap(d, "%s: cannot write replication %d", st->path, r->rep);
    return 0;
}

/* ---- finish, fail, discard ------------------------------------------------------------------- */

static int insert_summary(ss_store *st, int64_t run_id, const ss_summary *sum,
                          const ss_run_info *info, ss_diag *d)
{
    metric_rows w = {st, db_prepare(st,
        "INSERT INTO summary(run_id, scope, subject, metric, mean, ci_low, ci_high, sd, n)"
        " VALUES(?,?,?,?,?,?,?,?,?)", d), run_id, NULL, sum, d};
    int rc = put_metrics(&w, sum->nservices, info);
    sqlite3_finalize(w.s);
    return rc;
}

/* Sets the final status; a run id that matches nothing is an error, not a silent no-op. */
static int set_status(ss_store *st, int64_t run_id, const char *status, const char *why, ss_diag *d)
{
    char stamp[32];
    db_now_utc(stamp, sizeof stamp);
    int rc = db_run(st, "UPDATE runs SET status = ?, failure = ?, finished_at = ? WHERE run_id = ?", d,
                    "tttI", status, why, stamp, run_id);
    if (rc == 0 && sqlite3_changes(st->db) != 1)
        return ss_fail(d, "no run %lld", (long long)run_id);
    return rc;
}

/* --precision decides the number of replications as the run goes: the row says how many it took. */
static int set_replications(ss_store *st, int64_t run_id, int reps, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st, "UPDATE runs SET replications = ? WHERE run_id = ?", d);
    if (!s)
        return -1;
    sqlite3_bind_int(s, 1, reps);
    sqlite3_bind_int64(s, 2, run_id);
    int rc = db_step(st, s, d);
    sqlite3_finalize(s);
    return rc;
}

int ss_store_finish_run(ss_store *st, int64_t run_id, const ss_summary *sum,
                        const ss_run_info *info, ss_diag *d)
{
    assert(st && st->writer && run_id > 0 && sum->nservices == info->nservices);
    if (db_begin(st, d))
        return ss_wrap(d, "%s: cannot finish run %lld", st->path, (long long)run_id);
    if (insert_summary(st, run_id, sum, info, d) || set_replications(st, run_id, info->replications, d) ||
        set_status(st, run_id, "complete", NULL, d)) {
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
    static const char *const tables[] = {"series_points", "flows", "wait_histogram", "metrics", "summary", "replications",
                                         "services", "run_inputs", "batch_runs", "run_keys", "runs"};
    char sql[96];
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        if (strncmp(tables[i], "batch_", 6) == 0 || strncmp(tables[i], "run_", 4) == 0)
            if (!db_table_exists(st, "main", tables[i]))
                continue;
        snprintf(sql, sizeof sql, "DELETE FROM %s WHERE run_id = ?", tables[i]);
        if (db_run(st, sql, d, "I", run_id))
            return -1;
    }
    return 0;
}

int ss_store_discard_run(ss_store *st, int64_t run_id, ss_diag *d)
{
    assert(st && st->writer && run_id > 0);
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

