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

/* The statements every replication runs, prepared once per connection: a batch writes
 * thousands of replications, and preparing five statements for each was a tenth of the time. */
enum { KEPT_REPLICATION, KEPT_METRIC, KEPT_SERIES, KEPT_FLOW, KEPT_WAIT, KEPT_STATEMENTS };

struct ss_store {
    sqlite3 *db;
    char *path;
    sqlite3_stmt *kept[KEPT_STATEMENTS];
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

/* A kept statement (see struct ss_store); never finalised by its user. */
static sqlite3_stmt *prepare_kept(ss_store *st, int which, const char *sql, ss_diag *d)
{
    if (!st->kept[which])
        st->kept[which] = prepare(st, sql, d);
    return st->kept[which];
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
    for (int i = 0; i < KEPT_STATEMENTS; i++)
        sqlite3_finalize(st->kept[i]);
    sqlite3_close(st->db);  /* every other statement is finalised where it was prepared */
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
    sqlite3_stmt *s = prepare_kept(st, KEPT_REPLICATION,
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
    sqlite3_stmt *s = prepare_kept(st, KEPT_METRIC,
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
    sqlite3_stmt *s = prepare_kept(st, KEPT_SERIES,
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
    return rc;
}

/* Only the non-zero flows: most pairs of services never exchange anyone. */
static int insert_flows(ss_store *st, int64_t run_id, const ss_rep_result *r,
                        const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = prepare_kept(st, KEPT_FLOW,
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
    return rc;
}

static int insert_wait_histogram(ss_store *st, int64_t run_id, const ss_rep_result *r,
                                 const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = prepare_kept(st, KEPT_WAIT,
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

static bool table_exists(ss_store *st, const char *schema, const char *name);

/* Children first, so the foreign keys hold at every statement.  The batch tables exist only in
 * files a batch or a merge wrote. */
static int delete_run_rows(ss_store *st, int64_t run_id, ss_diag *d)
{
    static const char *const tables[] = {"series", "flows", "wait_histogram", "metrics", "summary", "replications",
                                         "services", "batch_runs", "run_keys", "runs"};
    char sql[96];
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        if (strncmp(tables[i], "batch_", 6) == 0 || strcmp(tables[i], "run_keys") == 0)
            if (!table_exists(st, "main", tables[i]))
                continue;
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

/* ---- reading ---------------------------------------------------------------------------------- */

const char *ss_store_path(const ss_store *st) { return st->path; }

/* sqlite_master of the main file or of an attached one ("src"). */
static bool table_exists(ss_store *st, const char *schema, const char *name)
{
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT 1 FROM %s.sqlite_master WHERE type = 'table' AND name = ?", schema);
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
    bool found = sqlite3_step(s) == SQLITE_ROW;
    sqlite3_finalize(s);
    return found;
}

/* A read-only look must not create anything, so a file without runs is not ours. */
ss_store *ss_store_open_readonly(const char *path, ss_diag *d)
{
    ss_store *st = calloc(1, sizeof *st);
    if (!st || !(st->path = strdup(path))) {
        free(st);
        ss_fail(d, "%s: cannot open: out of memory", path);
        return NULL;
    }
    if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        ss_fail(d, "%s: cannot open: %s", path, st->db ? sqlite3_errmsg(st->db) : "out of memory");
        ss_store_close(st);
        return NULL;
    }
    sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
    if (!table_exists(st, "main", "runs") || !table_exists(st, "main", "meta")) {
        ss_fail(d, "%s: not a samsim results database (it has no runs table)", path);
        ss_store_close(st);
        return NULL;
    }
    if (check_version(st, d)) {
        ss_wrap(d, "%s: cannot open", path);
        ss_store_close(st);
        return NULL;
    }
    return st;
}

/* ---- batch tables ------------------------------------------------------------------------------- */

static const char batch_schema_sql[] =
    "CREATE TABLE IF NOT EXISTS batches(\n"
    "  batch_id INTEGER PRIMARY KEY,\n"
    "  batch_key TEXT NOT NULL UNIQUE,  -- SHA-256 over every grid point, the seed, the replications\n"
    "  name TEXT, plan_path TEXT,\n"
    "  seed INTEGER NOT NULL, replications INTEGER NOT NULL, planned_runs INTEGER NOT NULL,\n"
    "  parameters TEXT,                 -- the swept parameters, comma-separated\n"
    "  created_at TEXT, command_line TEXT);\n"
    "CREATE TABLE IF NOT EXISTS run_keys(\n"
    "  run_id INTEGER PRIMARY KEY REFERENCES runs(run_id),\n"
    "  run_key TEXT NOT NULL UNIQUE);   -- SHA-256 over scenario and rules hashes, seed, replications, grid point\n"
    "CREATE TABLE IF NOT EXISTS batch_runs(\n"
    "  batch_id INTEGER NOT NULL REFERENCES batches(batch_id),\n"
    "  point INTEGER NOT NULL,          -- 1-based position in the plan's grid\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  scenario TEXT NOT NULL, model TEXT NOT NULL,\n"
    "  PRIMARY KEY(batch_id, point)) WITHOUT ROWID;\n"
    "CREATE INDEX IF NOT EXISTS batch_runs_run ON batch_runs(run_id);\n"
    "CREATE TABLE IF NOT EXISTS batch_values(\n"
    "  batch_id INTEGER NOT NULL REFERENCES batches(batch_id),\n"
    "  point INTEGER NOT NULL,\n"
    "  parameter TEXT NOT NULL,\n"
    "  value,                           -- a number, or text\n"
    "  PRIMARY KEY(batch_id, point, parameter)) WITHOUT ROWID;\n";

const char *ss_store_batch_schema(void) { return batch_schema_sql; }

int ss_store_prepare_batch(ss_store *st, ss_diag *d)
{
    if (tx_begin(st, d))
        return ss_wrap(d, "%s: cannot create the batch tables", st->path);
    if (exec(st, batch_schema_sql, d)) {
        tx_rollback(st);
        return ss_wrap(d, "%s: cannot create the batch tables", st->path);
    }
    if (tx_commit(st, d))
        return ss_wrap(d, "%s: cannot create the batch tables", st->path);
    sqlite3_exec(st->db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
    sqlite3_exec(st->db, "PRAGMA cache_size=-65536", NULL, NULL, NULL);  /* 64 MiB: the B-tree pages a batch keeps touching */
    return 0;
}

/* One int64 from a query with one text parameter: 1 found, 0 no row, -1 error. */
static int lookup_by_text(ss_store *st, const char *sql, const char *key, int64_t *out, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st, sql, d);
    if (!s)
        return -1;
    bind_text(s, 1, key);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(st, d);
    return rc == SQLITE_ROW;
}

int ss_store_find_batch(ss_store *st, const char *batch_key, int64_t *batch_id, ss_diag *d)
{
    if (!table_exists(st, "main", "batches"))
        return 0;
    int rc = lookup_by_text(st, "SELECT batch_id FROM batches WHERE batch_key = ?", batch_key, batch_id, d);
    return rc < 0 ? ss_wrap(d, "%s: cannot read the batches", st->path) : rc;
}

static int insert_batch(ss_store *st, const ss_batch_row *b, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st,
        "INSERT INTO batches(batch_key, name, plan_path, seed, replications, planned_runs, parameters,"
        " created_at, command_line) VALUES(?,?,?,?,?,?,?,?,?)", d);
    if (!s)
        return -1;
    char stamp[32];
    now_utc(stamp, sizeof stamp);
    bind_text(s, 1, b->batch_key);
    bind_text(s, 2, b->name);
    bind_text(s, 3, b->plan_path);
    sqlite3_bind_int64(s, 4, (sqlite3_int64)b->seed);
    sqlite3_bind_int(s, 5, b->replications);
    sqlite3_bind_int(s, 6, b->planned_runs);
    bind_text(s, 7, b->parameters);
    bind_text(s, 8, stamp);
    bind_text(s, 9, b->command_line);
    int rc = step(st, s, d);
    sqlite3_finalize(s);
    return rc;
}

int ss_store_begin_batch(ss_store *st, const ss_batch_row *b, int64_t *batch_id, ss_diag *d)
{
    int found = ss_store_find_batch(st, b->batch_key, batch_id, d);
    if (found != 0)
        return found < 0 ? -1 : 0;
    if (tx_begin(st, d) || insert_batch(st, b, d)) {
        tx_rollback(st);
        return ss_wrap(d, "%s: cannot record the batch", st->path);
    }
    *batch_id = sqlite3_last_insert_rowid(st->db);
    if (tx_commit(st, d))
        return ss_wrap(d, "%s: cannot record the batch", st->path);
    return 0;
}

int ss_store_find_run(ss_store *st, const char *run_key, int64_t *run_id, bool *complete, ss_diag *d)
{
    if (!table_exists(st, "main", "run_keys"))
        return 0;
    sqlite3_stmt *s = prepare(st,
        "SELECT k.run_id, r.status = 'complete' FROM run_keys k JOIN runs r USING(run_id) WHERE k.run_key = ?", d);
    if (!s)
        return ss_wrap(d, "%s: cannot read the runs", st->path);
    bind_text(s, 1, run_key);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *run_id = sqlite3_column_int64(s, 0);
        *complete = sqlite3_column_int(s, 1) != 0;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        db_fail(st, d);
        return ss_wrap(d, "%s: cannot read the runs", st->path);
    }
    return rc == SQLITE_ROW;
}

static int insert_run_key(ss_store *st, int64_t run_id, const char *run_key, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st, "INSERT INTO run_keys(run_id, run_key) VALUES(?,?)", d);
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, run_id);
    bind_text(s, 2, run_key);
    int rc = step(st, s, d);
    sqlite3_finalize(s);
    return rc;
}

int ss_store_begin_keyed_run(ss_store *st, const ss_run_info *info, const char *run_key,
                             int64_t *run_id, ss_diag *d)
{
    if (tx_begin(st, d))
        return ss_wrap(d, "%s: cannot record the run", st->path);
    if (write_run(st, info, run_id, d) || insert_run_key(st, *run_id, run_key, d)) {
        tx_rollback(st);
        return ss_wrap(d, "%s: cannot record the run", st->path);
    }
    if (tx_commit(st, d))
        return ss_wrap(d, "%s: cannot record the run", st->path);
    return 0;
}

/* Whole numbers go in as integers, so `sqlite3` shows 18 rather than 18.0. */
static void bind_value(sqlite3_stmt *s, int i, const ss_batch_value *v)
{
    if (!v->numeric)
        bind_text(s, i, v->label);
    else if (v->number == floor(v->number) && fabs(v->number) < 9007199254740992.0)
        sqlite3_bind_int64(s, i, (sqlite3_int64)v->number);
    else
        sqlite3_bind_double(s, i, v->number);
}

static int upsert_batch_run(ss_store *st, int64_t batch_id, int point, int64_t run_id,
                            const char *scenario, const char *model, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st,
        "INSERT INTO batch_runs(batch_id, point, run_id, scenario, model) VALUES(?,?,?,?,?)"
        " ON CONFLICT(batch_id, point) DO UPDATE SET run_id = excluded.run_id,"
        " scenario = excluded.scenario, model = excluded.model", d);
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, batch_id);
    sqlite3_bind_int(s, 2, point);
    sqlite3_bind_int64(s, 3, run_id);
    bind_text(s, 4, scenario);
    bind_text(s, 5, model);
    int rc = step(st, s, d);
    sqlite3_finalize(s);
    return rc;
}

static int upsert_batch_values(ss_store *st, int64_t batch_id, int point, const ss_batch_value *values,
                               int nvalues, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st,
        "INSERT OR REPLACE INTO batch_values(batch_id, point, parameter, value) VALUES(?,?,?,?)", d);
    if (!s)
        return -1;
    int rc = 0;
    for (int i = 0; i < nvalues && rc == 0; i++) {
        sqlite3_bind_int64(s, 1, batch_id);
        sqlite3_bind_int(s, 2, point);
        bind_text(s, 3, values[i].parameter);
        bind_value(s, 4, &values[i]);
        rc = step(st, s, d);
    }
    sqlite3_finalize(s);
    return rc;
}

int ss_store_link_batch_run(ss_store *st, int64_t batch_id, int point, int64_t run_id,
                            const char *scenario, const char *model,
                            const ss_batch_value *values, int nvalues, ss_diag *d)
{
    if (tx_begin(st, d))
        return ss_wrap(d, "%s: cannot record point %d of the batch", st->path, point);
    if (upsert_batch_run(st, batch_id, point, run_id, scenario, model, d) ||
        upsert_batch_values(st, batch_id, point, values, nvalues, d)) {
        tx_rollback(st);
        return ss_wrap(d, "%s: cannot record point %d of the batch", st->path, point);
    }
    if (tx_commit(st, d))
        return ss_wrap(d, "%s: cannot record point %d of the batch", st->path, point);
    return 0;
}

int ss_store_replications_done(ss_store *st, int64_t run_id, unsigned char *done, int reps,
                               int *count, ss_diag *d)
{
    memset(done, 0, (size_t)reps);
    *count = 0;
    sqlite3_stmt *s = prepare(st, "SELECT rep FROM replications WHERE run_id = ?", d);
    if (!s)
        return ss_wrap(d, "%s: cannot read the replications", st->path);
    sqlite3_bind_int64(s, 1, run_id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int rep = sqlite3_column_int(s, 0);
        if (rep >= 0 && rep < reps && !done[rep]) {
            done[rep] = 1;
            (*count)++;
        }
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        db_fail(st, d);
        return ss_wrap(d, "%s: cannot read the replications", st->path);
    }
    return 0;
}

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
    sqlite3_stmt *s = prepare(st, "SELECT replications, status = 'complete' FROM runs WHERE run_id = ?", d);
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
    sqlite3_stmt *s = prepare(st, "SELECT service FROM services WHERE run_id = ? ORDER BY rowid", d);
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
    sqlite3_stmt *s = prepare(st,
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
    sqlite3_stmt *s = prepare(st,
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
    sqlite3_stmt *s = prepare(st, "SELECT run_id FROM runs WHERE status <> 'complete' ORDER BY run_id", d);
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

/* ---- a sweep table ------------------------------------------------------------------------------ */

static void read_sweep_row(sqlite3_stmt *s, ss_sweep_row *rows, int npoints)
{
    int point = sqlite3_column_int(s, 0);
    if (point < 1 || point > npoints)
        return;
    ss_sweep_row *r = &rows[point - 1];
    r->run_id = sqlite3_column_int64(s, 1);
    r->replications = sqlite3_column_int(s, 2);
    r->complete = sqlite3_column_int(s, 3) != 0;
    r->reps_stored = sqlite3_column_int(s, 4);
    if (!r->complete || sqlite3_column_type(s, 9) == SQLITE_NULL)
        return;
    double *v[] = {&r->estimate.mean, &r->estimate.ci_low, &r->estimate.ci_high, &r->estimate.sd};
    for (int i = 0; i < 4; i++)
        *v[i] = sqlite3_column_type(s, 5 + i) == SQLITE_NULL ? NAN : sqlite3_column_double(s, 5 + i);
    r->estimate.n = sqlite3_column_int(s, 9);
}

int ss_store_sweep(ss_store *st, int64_t batch_id, int npoints, const char *scope,
                   const char *subject, const char *metric, ss_sweep_row *rows, ss_diag *d)
{
    for (int i = 0; i < npoints; i++)
        rows[i] = (ss_sweep_row){.point = i + 1,
                                 .estimate = {.mean = NAN, .ci_low = NAN, .ci_high = NAN, .sd = NAN}};
    sqlite3_stmt *s = prepare(st,
        "SELECT b.point, b.run_id, r.replications, r.status = 'complete',"
        " (SELECT count(*) FROM replications x WHERE x.run_id = b.run_id),"
        " m.mean, m.ci_low, m.ci_high, m.sd, m.n"
        " FROM batch_runs b JOIN runs r ON r.run_id = b.run_id"
        " LEFT JOIN summary m ON m.run_id = b.run_id AND m.scope = ? AND m.subject = ? AND m.metric = ?"
        " WHERE b.batch_id = ?", d);
    if (!s)
        return ss_wrap(d, "%s: cannot read the batch", st->path);
    bind_text(s, 1, scope);
    bind_text(s, 2, subject);
    bind_text(s, 3, metric);
    sqlite3_bind_int64(s, 4, batch_id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        read_sweep_row(s, rows, npoints);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        db_fail(st, d);
        return ss_wrap(d, "%s: cannot read the batch", st->path);
    }
    return 0;
}

int ss_store_run_has_service(ss_store *st, int64_t run_id, const char *service, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st, "SELECT 1 FROM services WHERE run_id = ? AND service = ?", d);
    if (!s)
        return ss_wrap(d, "%s: cannot read the services", st->path);
    sqlite3_bind_int64(s, 1, run_id);
    bind_text(s, 2, service);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        db_fail(st, d);
        return ss_wrap(d, "%s: cannot read the services", st->path);
    }
    return rc == SQLITE_ROW;
}

/* ---- merging another file in -------------------------------------------------------------------- */

/* Deferred, not IMMEDIATE: an IMMEDIATE transaction would also ask for the write lock on the
 * attached input, which may be read-only. */
static int tx_begin_deferred(ss_store *st, ss_diag *d) { return exec(st, "BEGIN", d); }

static int attach_input(ss_store *st, const char *src, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st, "ATTACH DATABASE ? AS src", d);
    if (!s)
        return -1;
    bind_text(s, 1, src);
    int rc = step(st, s, d);
    sqlite3_finalize(s);
    if (rc)
        return -1;
    if (!table_exists(st, "src", "runs") || !table_exists(st, "src", "meta"))
        return ss_fail(d, "not a samsim results database (it has no runs table)");
    sqlite3_stmt *v = prepare(st, "SELECT value FROM src.meta WHERE key = 'schema_version'", d);
    if (!v)
        return -1;
    int version = sqlite3_step(v) == SQLITE_ROW ? sqlite3_column_int(v, 0) : -1;
    sqlite3_finalize(v);
    if (version != SCHEMA_VERSION)
        return ss_fail(d, "schema version %d, but this samsim reads version %d", version, SCHEMA_VERSION);
    return 0;
}

/* Scratch tables of one connection: which input run became which output run, and the
 * replications of one run still to copy. */
static int create_merge_scratch(ss_store *st, ss_diag *d)
{
    return exec(st,
        "CREATE TEMP TABLE IF NOT EXISTS merge_runs(src INTEGER PRIMARY KEY, dst INTEGER NOT NULL);"
        "CREATE TEMP TABLE IF NOT EXISTS merge_reps(rep INTEGER PRIMARY KEY);"
        "DELETE FROM temp.merge_runs;", d);
}

typedef struct input_run {
    int64_t id;
    char *key;  /* NULL: a run from `samsim run`, matched by its identity instead */
} input_run;

static void free_input_runs(input_run *v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i].key);
    free(v);
}

/* The input's runs, read completely before writing (one statement is never open across the
 * transactions that follow). */
static int list_input_runs(ss_store *st, input_run **out, int *n, ss_diag *d)
{
    const char *sql = table_exists(st, "src", "run_keys")
        ? "SELECT r.run_id, k.run_key FROM src.runs r LEFT JOIN src.run_keys k USING(run_id) ORDER BY r.run_id"
        : "SELECT run_id, NULL FROM src.runs ORDER BY run_id";
    sqlite3_stmt *s = prepare(st, sql, d);
    if (!s)
        return -1;
    int rc, cap = 0;
    *out = NULL;
    *n = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? 2 * cap : 64;
            input_run *grown = realloc(*out, sizeof *grown * (size_t)cap);
            if (!grown) break;
            *out = grown;
        }
        const unsigned char *k = sqlite3_column_text(s, 1);
        (*out)[*n] = (input_run){sqlite3_column_int64(s, 0), k ? strdup((const char *)k) : NULL};
        (*n)++;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return rc == SQLITE_ROW ? ss_fail(d, "out of memory") : db_fail(st, d);
    return 0;
}

/* An input run's counterpart in the output: 1 found, 0 none, -1 error.  Runs without a key are
 * the same run when everything that describes them is the same, which makes merging a file
 * twice harmless. */
static int find_output_run(ss_store *st, const input_run *in, int64_t *dst, ss_diag *d)
{
    if (in->key)
        return lookup_by_text(st, "SELECT run_id FROM main.run_keys WHERE run_key = ?", in->key, dst, d);
    sqlite3_stmt *s = prepare(st,
        "SELECT m.run_id FROM main.runs m, src.runs s WHERE s.run_id = ?"
        " AND m.scenario_hash IS s.scenario_hash AND m.rules_hash IS s.rules_hash AND m.seed = s.seed"
        " AND m.replications = s.replications AND m.started_at IS s.started_at"
        " AND m.command_line IS s.command_line"
        " AND m.run_id NOT IN (SELECT run_id FROM main.run_keys) ORDER BY m.run_id LIMIT 1", d);
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, in->id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *dst = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(st, d);
    return rc == SQLITE_ROW;
}

/* The output run is ?1 and the input run ?2 in the statements below (either may be unused). */
static void bind_pair(sqlite3_stmt *s, int64_t dst, int64_t src)
{
    int n = sqlite3_bind_parameter_count(s);
    if (n >= 1) sqlite3_bind_int64(s, 1, dst);
    if (n >= 2) sqlite3_bind_int64(s, 2, src);
}

static int exec_pair(ss_store *st, const char *sql, int64_t dst, int64_t src, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st, sql, d);
    if (!s)
        return -1;
    bind_pair(s, dst, src);
    int rc = step(st, s, d);
    sqlite3_finalize(s);
    return rc;
}

static int query_pair_int(ss_store *st, const char *sql, int64_t dst, int64_t src, long *out, ss_diag *d)
{
    sqlite3_stmt *s = prepare(st, sql, d);
    if (!s)
        return -1;
    bind_pair(s, dst, src);
    int rc = sqlite3_step(s);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? 0 : db_fail(st, d);
}

/* A new output run: the input's row (as 'running': its summary is written after the merge),
 * its services and its key. */
static int copy_run_header(ss_store *st, const input_run *in, int64_t *dst, ss_diag *d)
{
    if (exec_pair(st,
            "INSERT INTO main.runs(scenario_name, scenario_path, scenario_hash, rules_hash, engine_version,"
            " seed, replications, horizon_days, warmup_days, start_date, command_line, started_at, status,"
            " resolved_scenario) SELECT scenario_name, scenario_path, scenario_hash, rules_hash,"
            " engine_version, seed, replications, horizon_days, warmup_days, start_date, command_line,"
            " started_at, 'running', resolved_scenario FROM src.runs WHERE run_id = ?2",
            0, in->id, d))
        return -1;
    *dst = sqlite3_last_insert_rowid(st->db);
    if (exec_pair(st, "INSERT INTO main.services(run_id, service, name, fte) SELECT ?1, service, name, fte"
                      " FROM src.services WHERE run_id = ?2 ORDER BY rowid", *dst, in->id, d))
        return -1;
    return in->key ? insert_run_key(st, *dst, in->key, d) : 0;
}

/* The same replication in two files must be the same numbers: a difference means the shards
 * were run by different engines or with different rule files. */
static int check_duplicates(ss_store *st, int64_t dst, const input_run *in, long *same, ss_diag *d)
{
    long differ = 0;
    if (query_pair_int(st, "SELECT count(*) FROM src.replications s JOIN main.replications m"
                           " ON m.run_id = ?1 AND m.rep = s.rep WHERE s.run_id = ?2 AND s.events <> m.events",
                       dst, in->id, &differ, d) ||
        query_pair_int(st, "SELECT count(*) FROM src.replications s JOIN main.replications m"
                           " ON m.run_id = ?1 AND m.rep = s.rep WHERE s.run_id = ?2",
                       dst, in->id, same, d))
        return -1;
    if (differ)
        return ss_fail(d, "run %lld: %ld replication%s differ from those already in the output"
                          " (shards run by different samsim versions or rule files?)",
                       (long long)in->id, differ, differ == 1 ? "" : "s");
    return 0;
}

/* The replications the output lacks, with every row that belongs to them. */
static int copy_new_replications(ss_store *st, int64_t dst, const input_run *in, long *copied, ss_diag *d)
{
    static const char *const copies[] = {
        "INSERT INTO main.replications(run_id, rep, events, completed_at) SELECT ?1, rep, events, completed_at"
        " FROM src.replications WHERE run_id = ?2 AND rep IN temp.merge_reps",
        "INSERT INTO main.metrics(run_id, rep, scope, subject, metric, value) SELECT ?1, rep, scope, subject,"
        " metric, value FROM src.metrics WHERE run_id = ?2 AND rep IN temp.merge_reps",
        "INSERT INTO main.series(run_id, rep, service, day, queue, caseload) SELECT ?1, rep, service, day,"
        " queue, caseload FROM src.series WHERE run_id = ?2 AND rep IN temp.merge_reps",
        "INSERT INTO main.flows(run_id, rep, from_service, to_service, persons) SELECT ?1, rep, from_service,"
        " to_service, persons FROM src.flows WHERE run_id = ?2 AND rep IN temp.merge_reps",
        "INSERT INTO main.wait_histogram(run_id, rep, service, from_days, to_days, persons) SELECT ?1, rep,"
        " service, from_days, to_days, persons FROM src.wait_histogram WHERE run_id = ?2 AND rep IN temp.merge_reps",
    };
    if (exec(st, "DELETE FROM temp.merge_reps", d) ||
        exec_pair(st, "INSERT INTO temp.merge_reps(rep) SELECT rep FROM src.replications WHERE run_id = ?2"
                      " AND rep NOT IN (SELECT rep FROM main.replications WHERE run_id = ?1)", dst, in->id, d))
        return -1;
    *copied = sqlite3_changes(st->db);
    for (size_t i = 0; i < sizeof copies / sizeof copies[0]; i++)
        if (exec_pair(st, copies[i], dst, in->id, d))
            return -1;
    return 0;
}

static int output_run_complete(ss_store *st, int64_t dst, bool *complete, ss_diag *d)
{
    long n = 0;
    if (query_pair_int(st, "SELECT count(*) FROM main.runs WHERE run_id = ?1 AND status = 'complete'",
                       dst, 0, &n, d))
        return -1;
    *complete = n > 0;
    return 0;
}

static int merge_run_rows(ss_store *st, const input_run *in, ss_merge_counts *c, ss_diag *d)
{
    int64_t dst = 0;
    int found = find_output_run(st, in, &dst, d);
    if (found < 0 || (!found && copy_run_header(st, in, &dst, d)))
        return -1;
    if (found) c->runs_matched++; else c->runs_new++;
    if (exec_pair(st, "INSERT OR REPLACE INTO temp.merge_runs(src, dst) VALUES(?2, ?1)", dst, in->id, d))
        return -1;
    bool complete = false;
    long same = 0, copied = 0;
    if (output_run_complete(st, dst, &complete, d) || check_duplicates(st, dst, in, &same, d))
        return -1;
    c->reps_duplicate += same;
    if (!complete && copy_new_replications(st, dst, in, &copied, d))
        return -1;
    c->reps_copied += copied;
    return 0;
}

static int merge_run(ss_store *st, const input_run *in, ss_merge_counts *c, ss_diag *d)
{
    if (tx_begin_deferred(st, d))
        return -1;
    if (merge_run_rows(st, in, c, d))
        return tx_rollback(st);
    return tx_commit(st, d);
}

/* Batches are the same batch when their keys are; a point keeps the run it had first. */
static int merge_batches(ss_store *st, ss_diag *d)
{
    if (!table_exists(st, "src", "batches"))
        return 0;
    if (tx_begin_deferred(st, d))
        return -1;
    int rc = exec(st,
        "INSERT OR IGNORE INTO main.batches(batch_key, name, plan_path, seed, replications, planned_runs,"
        " parameters, created_at, command_line) SELECT batch_key, name, plan_path, seed, replications,"
        " planned_runs, parameters, created_at, command_line FROM src.batches ORDER BY batch_id;"
        "INSERT INTO main.batch_runs(batch_id, point, run_id, scenario, model)"
        " SELECT mb.batch_id, sr.point, mr.dst, sr.scenario, sr.model FROM src.batch_runs sr"
        " JOIN src.batches sb ON sb.batch_id = sr.batch_id JOIN main.batches mb ON mb.batch_key = sb.batch_key"
        " JOIN temp.merge_runs mr ON mr.src = sr.run_id WHERE true ON CONFLICT(batch_id, point) DO NOTHING;"
        "INSERT OR IGNORE INTO main.batch_values(batch_id, point, parameter, value)"
        " SELECT mb.batch_id, sv.point, sv.parameter, sv.value FROM src.batch_values sv"
        " JOIN src.batches sb ON sb.batch_id = sv.batch_id JOIN main.batches mb ON mb.batch_key = sb.batch_key;", d);
    if (rc)
        return tx_rollback(st);
    return tx_commit(st, d);
}

static int merge_attached(ss_store *st, ss_merge_counts *c, ss_diag *d)
{
    input_run *runs = NULL;
    int n = 0;
    if (create_merge_scratch(st, d) || list_input_runs(st, &runs, &n, d))
        return -1;
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++)
        rc = merge_run(st, &runs[i], c, d);
    free_input_runs(runs, n);
    return rc ? rc : merge_batches(st, d);
}

int ss_store_merge_from(ss_store *st, const char *src, ss_merge_counts *c, ss_diag *d)
{
    if (attach_input(st, src, d) || merge_attached(st, c, d)) {
        sqlite3_exec(st->db, "DETACH DATABASE src", NULL, NULL, NULL);
        return ss_wrap(d, "%s", src);
    }
    if (exec(st, "DETACH DATABASE src", d))
        return ss_wrap(d, "%s", src);
    return 0;
}

int ss_store_record(void *recorder, const ss_rep_result *r, ss_diag *d)
{
    const ss_store_recorder *rec = recorder;
    return ss_store_replication(rec->store, rec->run_id, r, rec->info, d);
}
