/* store: results in SQLite.
 *
 * Every write that belongs together is one transaction (a run's header, one replication, the
 * summary, a discard), so a killed process leaves whole replications or nothing.  Errors name
 * the database file, what was being written and SQLite's reason. */
#include "store.h"

#include <assert.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct ss_store {
    sqlite3 *db;
    char *path;
};

enum { SCHEMA_VERSION = 1, BUSY_TIMEOUT_MS = 10000 };

/* Values are NULL when undefined (NaN).  The seed is a uint64 stored as a signed 64-bit integer,
 * so a seed above 2^63 - 1 reads back as its two's-complement value. */
static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS meta(\n"
    "  key TEXT PRIMARY KEY,\n"
    "  value TEXT NOT NULL);\n"
    "CREATE TABLE IF NOT EXISTS runs(\n"
    "  run_id INTEGER PRIMARY KEY,\n"
    "  scenario_name TEXT, scenario_path TEXT, scenario_hash TEXT, rules_hash TEXT,\n"
    "  engine_version TEXT, seed INTEGER NOT NULL, replications INTEGER NOT NULL,\n"
    "  horizon_days REAL, warmup_days REAL, start_date TEXT, command_line TEXT,\n"
    "  started_at TEXT, finished_at TEXT,\n"
    "  status TEXT NOT NULL CHECK(status IN ('running', 'complete', 'failed')),\n"
    "  failure TEXT,\n"
    "  resolved_scenario TEXT);\n"
    "CREATE TABLE IF NOT EXISTS services(\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  service TEXT NOT NULL, name TEXT, fte REAL,\n"
    "  PRIMARY KEY(run_id, service));\n"
    "CREATE TABLE IF NOT EXISTS replications(\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  rep INTEGER NOT NULL, events INTEGER NOT NULL, completed_at TEXT,\n"
    "  PRIMARY KEY(run_id, rep));\n"
    "CREATE TABLE IF NOT EXISTS metrics(\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  rep INTEGER NOT NULL,\n"
    "  scope TEXT NOT NULL CHECK(scope IN ('service', 'system')),\n"
    "  subject TEXT NOT NULL,\n"
    "  metric TEXT NOT NULL,\n"
    "  value REAL,\n"
    "  PRIMARY KEY(run_id, rep, scope, subject, metric)) WITHOUT ROWID;\n"
    "CREATE TABLE IF NOT EXISTS summary(\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  scope TEXT NOT NULL CHECK(scope IN ('service', 'system')),\n"
    "  subject TEXT NOT NULL,\n"
    "  metric TEXT NOT NULL,\n"
    "  mean REAL, ci_low REAL, ci_high REAL, sd REAL, n INTEGER NOT NULL,\n"
    "  PRIMARY KEY(run_id, scope, subject, metric)) WITHOUT ROWID;\n"
    "CREATE TABLE IF NOT EXISTS series(\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  rep INTEGER NOT NULL, service TEXT NOT NULL, day REAL NOT NULL,\n"
    "  queue REAL, caseload REAL,\n"
    "  PRIMARY KEY(run_id, rep, service, day)) WITHOUT ROWID;\n"
    "CREATE TABLE IF NOT EXISTS flows(\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  rep INTEGER NOT NULL,\n"
    "  from_service TEXT NOT NULL,  -- '' = a new concern from outside\n"
    "  to_service TEXT NOT NULL,    -- '' = leaving the services\n"
    "  persons REAL NOT NULL,\n"
    "  PRIMARY KEY(run_id, rep, from_service, to_service)) WITHOUT ROWID;\n"
    "CREATE TABLE IF NOT EXISTS wait_histogram(\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  rep INTEGER NOT NULL, service TEXT NOT NULL,\n"
    "  from_days REAL NOT NULL, to_days REAL,  -- to_days NULL: the open last bin\n"
    "  persons REAL NOT NULL,\n"
    "  PRIMARY KEY(run_id, rep, service, from_days)) WITHOUT ROWID;\n"
    "INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', '1');\n";

const char *ss_store_schema(void) { return schema_sql; }

/* ---- small helpers over the SQLite API ----------------------------------------------------- */

/* SQLite's own reason, for the caller to prefix with the file and the action. */
static int db_fail(ss_store *st, ss_diag *d)
{
    return ss_fail(d, "%s", sqlite3_errmsg(st->db));
}

static int exec(ss_store *st, const char *sql, ss_diag *d)
{
    return sqlite3_exec(st->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : db_fail(st, d);
}

static sqlite3_stmt *prepare(ss_store *st, const char *sql, ss_diag *d)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        db_fail(st, d);
        return NULL;
    }
    return s;
}

/* Runs a bound insert or update, then makes the statement ready for the next row. */
static int step(ss_store *st, sqlite3_stmt *s, ss_diag *d)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return rc == SQLITE_DONE ? 0 : db_fail(st, d);
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, i);
}

static void bind_real(sqlite3_stmt *s, int i, double v)
{
    if (isnan(v))
        sqlite3_bind_null(s, i);
    else
        sqlite3_bind_double(s, i, v);
}

/* IMMEDIATE takes the write lock up front, so a concurrent writer waits on busy_timeout here
 * instead of failing halfway through a replication. */
static int tx_begin(ss_store *st, ss_diag *d) { return exec(st, "BEGIN IMMEDIATE", d); }

static int tx_commit(ss_store *st, ss_diag *d)
{
    if (exec(st, "COMMIT", d) == 0)
        return 0;
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

/* Undo everything since tx_begin; the diagnostic already says why. */
static int tx_rollback(ss_store *st)
{
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

/* ISO 8601 UTC, for started/finished stamps (never part of the JSON). */
static void now_utc(char *buf, size_t n)
{
    time_t t = time(NULL);
    struct tm tm;
    if (!gmtime_r(&t, &tm) || strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        snprintf(buf, n, "unknown");
}

/* ---- open and close -------------------------------------------------------------------------- */

/* A file written by a newer samsim may have tables this one would misread. */
static int check_version(ss_store *st, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st, "SELECT value FROM meta WHERE key = 'schema_version'", d);
    if (!s)
        return -1;
    int version = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
    sqlite3_finalize(s);
    if (version != SCHEMA_VERSION)
        return ss_fail(d, "schema version %d, but this samsim reads version %d", version,
                       SCHEMA_VERSION);
    return 0;
}

/* WAL lets a reader (the REPL, sqlite3) look at results while a run writes; it is only a
 * preference, so a file system without shared memory falls back silently. */
static int configure(ss_store *st, ss_diag *d)
{
    sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
    sqlite3_exec(st->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
    if (exec(st, "PRAGMA foreign_keys=ON", d))
        return -1;
    return 0;
}

static int create_schema(ss_store *st, ss_diag *d)
{
    if (tx_begin(st, d))
        return -1;
    if (exec(st, schema_sql, d) || check_version(st, d))
        return tx_rollback(st);
    return tx_commit(st, d);
}

ss_store *ss_store_open(const char *path, ss_diag *d)
{
    ss_store *st = calloc(1, sizeof *st);
    if (!st || !(st->path = strdup(path))) {
        free(st);
        ss_fail(d, "%s: cannot open: out of memory", path);
        return NULL;
    }
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
        ss_fail(d, "%s: cannot open: %s", path, st->db ? sqlite3_errmsg(st->db) : "out of memory");
        ss_store_close(st);
        return NULL;
    }
    if (configure(st, d) || create_schema(st, d)) {
        ss_wrap(d, "%s: cannot open", path);
        ss_store_close(st);
        return NULL;
    }
    return st;
}

void ss_store_close(ss_store *st)
{
    if (!st)
        return;
    sqlite3_close(st->db);  /* every statement is finalised where it was prepared */
    free(st->path);
    free(st);
}

/* ---- begin a run ------------------------------------------------------------------------------ */

static int insert_run(ss_store *st, const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st,
        "INSERT INTO runs(scenario_name, scenario_path, scenario_hash, rules_hash, engine_version,"
        " seed, replications, horizon_days, warmup_days, start_date, command_line, started_at,"
        " status, resolved_scenario) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,'running',?)", d);
    if (!s)
        return -1;
    bind_text(s, 1, info->scenario_name);
    bind_text(s, 2, info->scenario_path);
    bind_text(s, 3, info->scenario_hash);
    bind_text(s, 4, info->rules_hash);
    bind_text(s, 5, info->engine_version);
    sqlite3_bind_int64(s, 6, (sqlite3_int64)info->seed);
    sqlite3_bind_int(s, 7, info->replications);
    bind_real(s, 8, info->horizon_days);
    bind_real(s, 9, info->warmup_days);
    bind_text(s, 10, info->start_date);
    bind_text(s, 11, info->command_line);
    bind_text(s, 12, info->started_at);
    bind_text(s, 13, info->resolved_text);
    int rc = step(st, s, d);
    sqlite3_finalize(s);
    return rc;
}

static int insert_services(ss_store *st, int64_t run_id, const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st, "INSERT INTO services(run_id, service, name, fte) VALUES(?,?,?,?)", d);
    if (!s)
        return -1;
    int rc = 0;
    for (int i = 0; i < info->nservices && rc == 0; i++) {
        sqlite3_bind_int64(s, 1, run_id);
        bind_text(s, 2, info->service_ids[i]);
        bind_text(s, 3, info->service_names ? info->service_names[i] : NULL);
        bind_real(s, 4, info->service_fte ? info->service_fte[i] : NAN);
        rc = step(st, s, d);
    }
    sqlite3_finalize(s);
    return rc;
}

static int write_run(ss_store *st, const ss_run_info *info, int64_t *run_id, ss_diag *d)
{
    if (insert_run(st, info, d))
        return -1;
    *run_id = sqlite3_last_insert_rowid(st->db);
    return insert_services(st, *run_id, info, d);
}

int ss_store_begin_run(ss_store *st, const ss_run_info *info, int64_t *run_id, ss_diag *d)
{
    if (tx_begin(st, d))
        return ss_wrap(d, "%s: cannot record the run", st->path);
    if (write_run(st, info, run_id, d)) {
        tx_rollback(st);
        return ss_wrap(d, "%s: cannot record the run", st->path);
    }
    if (tx_commit(st, d))
        return ss_wrap(d, "%s: cannot record the run", st->path);
    return 0;
}

/* ---- one replication ------------------------------------------------------------------------- */

static int insert_replication_row(ss_store *st, int64_t run_id, const ss_rep_result *r, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st,
        "INSERT INTO replications(run_id, rep, events, completed_at) VALUES(?,?,?,?)", d);
    if (!s)
        return -1;
    char stamp[32];
    now_utc(stamp, sizeof stamp);
    sqlite3_bind_int64(s, 1, run_id);
    sqlite3_bind_int(s, 2, r->rep);
    sqlite3_bind_int64(s, 3, (sqlite3_int64)r->events);
    bind_text(s, 4, stamp);
    int rc = step(st, s, d);
    sqlite3_finalize(s);
    return rc;
}

static int insert_metric(ss_store *st, sqlite3_stmt *s, int64_t run_id, int rep, const char *scope,
                         const char *subject, const char *metric, double value, ss_diag *d)
{
    sqlite3_bind_int64(s, 1, run_id);
    sqlite3_bind_int(s, 2, rep);
    bind_text(s, 3, scope);
    bind_text(s, 4, subject);
    bind_text(s, 5, metric);
    bind_real(s, 6, value);
    return step(st, s, d);
}

static int insert_metrics(ss_store *st, int64_t run_id, const ss_rep_result *r,
                          const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st,
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
    sqlite3_finalize(s);
    return rc;
}

static int insert_series(ss_store *st, int64_t run_id, const ss_rep_result *r,
                         const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st,
        "INSERT INTO series(run_id, rep, service, day, queue, caseload) VALUES(?,?,?,?,?,?)", d);
    if (!s)
        return -1;
    int rc = 0;
    for (int i = 0; i < r->nservices && rc == 0; i++) {
        for (int k = 0; k < r->nsamples && rc == 0; k++) {
            long at = (long)i * r->nsamples + k;
            sqlite3_bind_int64(s, 1, run_id);
            sqlite3_bind_int(s, 2, r->rep);
            bind_text(s, 3, info->service_ids[i]);
            sqlite3_bind_double(s, 4, r->series_day[k]);
            bind_real(s, 5, r->series_queue[at]);
            bind_real(s, 6, r->series_caseload[at]);
            rc = step(st, s, d);
        }
    }
    sqlite3_finalize(s);
    return rc;
}

/* Only the non-zero flows: most pairs of services never exchange anyone. */
static int insert_flows(ss_store *st, int64_t run_id, const ss_rep_result *r,
                        const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st,
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
            bind_text(s, 3, f < n ? info->service_ids[f] : "");
            bind_text(s, 4, t < n ? info->service_ids[t] : "");
            sqlite3_bind_double(s, 5, v);
            rc = step(st, s, d);
        }
    }
    sqlite3_finalize(s);
    return rc;
}

static int insert_wait_histogram(ss_store *st, int64_t run_id, const ss_rep_result *r,
                                 const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st,
        "INSERT INTO wait_histogram(run_id, rep, service, from_days, to_days, persons) VALUES(?,?,?,?,?,?)", d);
    if (!s)
        return -1;
    int rc = 0;
    for (int i = 0; i < r->nservices && rc == 0; i++) {
        for (int b = 0; b < SS_WAIT_BINS && rc == 0; b++) {
            sqlite3_bind_int64(s, 1, run_id);
            sqlite3_bind_int(s, 2, r->rep);
            bind_text(s, 3, info->service_ids[i]);
            sqlite3_bind_double(s, 4, (double)b * SS_WAIT_BIN_DAYS);
            if (b < SS_WAIT_BINS - 1) sqlite3_bind_double(s, 5, (double)(b + 1) * SS_WAIT_BIN_DAYS);
            else sqlite3_bind_null(s, 5);
            sqlite3_bind_double(s, 6, r->wait_hist[(long)i * SS_WAIT_BINS + b]);
            rc = step(st, s, d);
        }
    }
    sqlite3_finalize(s);
    return rc;
}

int ss_store_replication(ss_store *st, int64_t run_id, const ss_rep_result *r,
                         const ss_run_info *info, ss_diag *d)
{
    assert(r->nservices == info->nservices);
    if (tx_begin(st, d))
        return ss_wrap(d, "%s: cannot write replication %d", st->path, r->rep);
    if (insert_replication_row(st, run_id, r, d) || insert_metrics(st, run_id, r, info, d) ||
        insert_series(st, run_id, r, info, d) || insert_flows(st, run_id, r, info, d) ||
        insert_wait_histogram(st, run_id, r, info, d)) {
        tx_rollback(st);
        return ss_wrap(d, "%s: cannot write replication %d", st->path, r->rep);
    }
    if (tx_commit(st, d))
        return ss_wrap(d, "%s: cannot write replication %d", st->path, r->rep);
    return 0;
}

/* ---- finish, fail, discard ------------------------------------------------------------------- */

static int insert_estimate(ss_store *st, sqlite3_stmt *s, int64_t run_id, const char *scope,
                           const char *subject, const char *metric, const ss_estimate *e,
                           ss_diag *d)
{
    sqlite3_bind_int64(s, 1, run_id);
    bind_text(s, 2, scope);
    bind_text(s, 3, subject);
    bind_text(s, 4, metric);
    bind_real(s, 5, e->mean);
    bind_real(s, 6, e->ci_low);
    bind_real(s, 7, e->ci_high);
    bind_real(s, 8, e->sd);
    sqlite3_bind_int(s, 9, e->n);
    return step(st, s, d);
}

static int insert_summary(ss_store *st, int64_t run_id, const ss_summary *sum,
                          const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st,
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
    sqlite3_stmt *s = prepare(st,
        "UPDATE runs SET status = ?, failure = ?, finished_at = ? WHERE run_id = ?", d);
    if (!s)
        return -1;
    char stamp[32];
    now_utc(stamp, sizeof stamp);
    bind_text(s, 1, status);
    bind_text(s, 2, why);
    bind_text(s, 3, stamp);
    sqlite3_bind_int64(s, 4, run_id);
    int rc = step(st, s, d);
    sqlite3_finalize(s);
    if (rc == 0 && sqlite3_changes(st->db) != 1)
        return ss_fail(d, "no run %lld", (long long)run_id);
    return rc;
}

int ss_store_finish_run(ss_store *st, int64_t run_id, const ss_summary *sum,
                        const ss_run_info *info, ss_diag *d)
{
    assert(sum->nservices == info->nservices);
    if (tx_begin(st, d))
        return ss_wrap(d, "%s: cannot finish run %lld", st->path, (long long)run_id);
    if (insert_summary(st, run_id, sum, info, d) || set_status(st, run_id, "complete", NULL, d)) {
        tx_rollback(st);
        return ss_wrap(d, "%s: cannot finish run %lld", st->path, (long long)run_id);
    }
    if (tx_commit(st, d))
        return ss_wrap(d, "%s: cannot finish run %lld", st->path, (long long)run_id);
    return 0;
}

int ss_store_fail_run(ss_store *st, int64_t run_id, const char *why, ss_diag *d)
{
    if (set_status(st, run_id, "failed", why, d))
        return ss_wrap(d, "%s: cannot mark run %lld as failed", st->path, (long long)run_id);
    return 0;
}

/* Children first, so the foreign keys hold at every statement. */
static int delete_run_rows(ss_store *st, int64_t run_id, ss_diag *d)
{
    static const char *const tables[] = {"series", "flows", "wait_histogram", "metrics", "summary", "replications",
                                         "services", "runs"};
    char sql[96];
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        snprintf(sql, sizeof sql, "DELETE FROM %s WHERE run_id = ?", tables[i]);
        sqlite3_stmt *s = prepare(st, sql, d);
        if (!s)
            return -1;
        sqlite3_bind_int64(s, 1, run_id);
        int rc = step(st, s, d);
        sqlite3_finalize(s);
        if (rc)
            return -1;
    }
    return 0;
}

int ss_store_discard_run(ss_store *st, int64_t run_id, ss_diag *d)
{
    if (tx_begin(st, d))
        return ss_wrap(d, "%s: cannot discard run %lld", st->path, (long long)run_id);
    if (delete_run_rows(st, run_id, d)) {
        tx_rollback(st);
        return ss_wrap(d, "%s: cannot discard run %lld", st->path, (long long)run_id);
    }
    if (tx_commit(st, d))
        return ss_wrap(d, "%s: cannot discard run %lld", st->path, (long long)run_id);
    return 0;
}
