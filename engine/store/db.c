/* db: opening a results file (creating its schema), the connection's helpers, closing.
 *
 * Every write that belongs together is one transaction (a run's header, one replication, the
 * summary, a discard), so a killed process leaves whole replications or nothing.  Errors name
 * the database file, what was being written and SQLite's reason. */
#define _GNU_SOURCE  /* F_OFD_SETLK: a lock owned by one open file, not by the whole process */
#include "db.h"
#include "series.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

/* The disk space kept in reserve while a database is open for writing: enough for the few WAL
 * frames that mark a run failed. */
#define RESERVE_BYTES (128 * 1024)
/* The byte a writer's claim locks (ss_claim): past the bytes SQLite's own locks use (0x40000000 to
 * 0x400001ff), so the two never meet.  Advisory: no data is there or needs to be. */
#define CLAIM_BYTE 0x40001000L
/* How often a writer waiting for another one looks at Ctrl-C. */
#define CLAIM_POLL_US 100000

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
    "  resolved_scenario TEXT);  -- as `samsim show` prints it: the values with cite()/assume()/effect()/calibrated()\n"
    "                           -- and their reasons, { \"English\", nb = \"Norsk\" } where a Norwegian text is given\n"
    "CREATE TABLE IF NOT EXISTS services(\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  service TEXT NOT NULL, name TEXT, fte REAL,\n"
    "  PRIMARY KEY(run_id, service));\n"
    "CREATE TABLE IF NOT EXISTS run_inputs(\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  seq INTEGER NOT NULL,  -- the order they were applied in\n"
    "  kind TEXT NOT NULL CHECK(kind IN ('overlay', 'set')),\n"
    "  target TEXT NOT NULL,  -- the overlay's file, or the parameter's path\n"
    "  value TEXT,            -- a set's value as given; NULL for an overlay\n"
    "  PRIMARY KEY(run_id, seq)) WITHOUT ROWID;\n"
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
    "CREATE TABLE IF NOT EXISTS series_points(  -- a service's time series in one replication\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  rep INTEGER NOT NULL, service TEXT NOT NULL,\n"
    "  points TEXT NOT NULL,  -- JSON [[day, queue, caseload], ...] by day; null: undefined\n"
    "  PRIMARY KEY(run_id, rep, service)) WITHOUT ROWID;\n"
    "CREATE VIEW IF NOT EXISTS series(run_id, rep, service, day, queue, caseload) AS  -- a row a point\n"
    "  SELECT s.run_id, s.rep, s.service, CAST(json_extract(p.value, '$[0]') AS REAL),\n"
    "    CAST(json_extract(p.value, '$[1]') AS REAL), CAST(json_extract(p.value, '$[2]') AS REAL)\n"
    "  FROM series_points s, json_each(s.points) p;\n"
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
    "  persons REAL NOT NULL,  -- no row for an empty bin\n"
    "  PRIMARY KEY(run_id, rep, service, from_days)) WITHOUT ROWID;\n"
    "CREATE TABLE IF NOT EXISTS metric_info(  -- what each metric is (dictionary.c)\n"
    "  scope TEXT NOT NULL CHECK(scope IN ('service', 'system')),\n"
    "  metric TEXT NOT NULL,\n"
    "  label TEXT NOT NULL,        -- a short heading\n"
    "  unit TEXT NOT NULL,         -- 'share' is a fraction from 0 to 1 (people see a percentage)\n"
    "  better TEXT NOT NULL CHECK(better IN ('lower', 'higher', 'neither')),\n"
    "  description TEXT NOT NULL,\n"
    "  label_en TEXT, label_nb TEXT,  -- labels for reports, English and Norwegian (bokmal)\n"
    "  PRIMARY KEY(scope, metric)) WITHOUT ROWID;\n"
    "CREATE TABLE IF NOT EXISTS wide_columns(  -- the run_wide view's columns (wide.c)\n"
    "  kind TEXT NOT NULL CHECK(kind IN ('parameter', 'service')),\n"
    "  name TEXT NOT NULL,\n"
    "  UNIQUE(kind, name));\n"
    "INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', '2');\n";

const char *ss_store_schema(void) { return schema_sql; }

/* ---- small helpers over the SQLite API ----------------------------------------------------- */

/* SQLite's own reason, for the caller to prefix with the file and the action. */
int db_fail(ss_store *st, ss_diag *d)
{
    return ss_fail(d, "%s", sqlite3_errmsg(st->db));
}

int db_exec(ss_store *st, const char *sql, ss_diag *d)
{
    return sqlite3_exec(st->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : db_fail(st, d);
}

sqlite3_stmt *db_prepare(ss_store *st, const char *sql, ss_diag *d)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        db_fail(st, d);
        return NULL;
    }
    return s;
}

/* A kept statement (see struct ss_store); never finalised by its user. */
sqlite3_stmt *db_prepare_kept(ss_store *st, int which, const char *sql, ss_diag *d)
{
    if (!st->kept[which])
        st->kept[which] = db_prepare(st, sql, d);
    return st->kept[which];
}

/* Runs a bound insert or update, then makes the statement ready for the next row. */
int db_step(ss_store *st, sqlite3_stmt *s, ss_diag *d)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return rc == SQLITE_DONE ? 0 : db_fail(st, d);
}

void db_bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, i);
}

void db_bind_real(sqlite3_stmt *s, int i, double v)
{
    if (isnan(v))
        sqlite3_bind_null(s, i);
    else
        sqlite3_bind_double(s, i, v);
}

/* Binds one row's values by types, in order: 'I' int64_t, 'i' int, 't' text (NULL: NULL),
 * 'r' double (NaN: NULL), 'd' double as it is, 'n' NULL (takes no value). */
static void bind_values(sqlite3_stmt *s, const char *types, va_list ap)
{
    assert((int)strlen(types) == sqlite3_bind_parameter_count(s) && "one type per parameter");
    for (int i = 1; types[i - 1]; i++) {
        switch (types[i - 1]) {
        case 'I': sqlite3_bind_int64(s, i, (sqlite3_int64)va_arg(ap, int64_t)); break;
        case 'i': sqlite3_bind_int(s, i, va_arg(ap, int)); break;
        case 't': {  /* static: db_step clears the bindings before the caller's text can go */
            const char *v = va_arg(ap, const char *);
            if (v) sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
            else sqlite3_bind_null(s, i);
            break;
        }
        case 'r': db_bind_real(s, i, va_arg(ap, double)); break;
        case 'd': sqlite3_bind_double(s, i, va_arg(ap, double)); break;
        case 'n': sqlite3_bind_null(s, i); break;
        default: assert(!"db: unknown bind type");
        }
    }
}

int db_row(ss_store *st, sqlite3_stmt *s, ss_diag *d, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    bind_values(s, types, ap);
    va_end(ap);
    return db_step(st, s, d);
}

/* A statement of its own, its parameters bound: with out NULL, a write (db_step); else a
 * lookup of one int64 (1 found, 0 no row). */
static int run_bound(ss_store *st, const char *sql, int64_t *out, ss_diag *d, const char *types,
                     va_list ap)
{
    sqlite3_stmt *s = db_prepare(st, sql, d);
    if (!s)
        return -1;
    bind_values(s, types, ap);
    if (!out) {
        int rc = db_step(st, s, d);
        sqlite3_finalize(s);
        return rc;
    }
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(st, d);
    return rc == SQLITE_ROW;
}

int db_run(ss_store *st, const char *sql, ss_diag *d, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    int rc = run_bound(st, sql, NULL, d, types, ap);
    va_end(ap);
    return rc;
}

int db_lookup(ss_store *st, const char *sql, int64_t *out, ss_diag *d, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    int rc = run_bound(st, sql, out, d, types, ap);
    va_end(ap);
    return rc;
}

/* IMMEDIATE takes the write lock up front, so a concurrent writer waits on busy_timeout here
 * instead of failing halfway through a replication. */
int db_begin(ss_store *st, ss_diag *d) { return db_exec(st, "BEGIN IMMEDIATE", d); }

int db_commit(ss_store *st, ss_diag *d)
{
    if (db_exec(st, "COMMIT", d) == 0)
        return 0;
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

/* Undo everything since tx_begin; the diagnostic already says why. */
int db_rollback(ss_store *st)
{
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

/* ISO 8601 UTC, for started/finished stamps (never part of the JSON). */
void db_now_utc(char *buf, size_t n)
{
    time_t t = time(NULL);
    struct tm tm;
    if (!gmtime_r(&t, &tm) || strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        snprintf(buf, n, "unknown");
}

/* ---- open and close -------------------------------------------------------------------------- */

/* A file written by a newer samsim may have tables this one would misread. */
int db_check_version(ss_store *st, const char *schema, ss_diag *d)
{
    char sql[96];
    snprintf(sql, sizeof sql, "SELECT value FROM %s.meta WHERE key = 'schema_version'", schema);
    sqlite3_stmt *s = db_prepare(st, sql, d);
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
 * preference, so a file system without shared memory falls back silently.  Commits skip the
 * disk flush (synchronous NORMAL; a fifth of the time spent storing a Lørenskog replication): in
 * WAL mode each transaction stays whole when the process is killed, and a power cut can only
 * take back the last few, as if the run had been stopped there (a batch runs them again). */
static int configure(ss_store *st, ss_diag *d)
{
    sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
    sqlite3_exec(st->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
    sqlite3_exec(st->db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
    if (db_exec(st, "PRAGMA foreign_keys=ON", d))
        return -1;
    return 0;
}

/* A file of schema version 1 (its time series a row per point) is brought to version 2 in the
 * transaction that opens it, so that a batch begun by an older samsim resumes in it. */
static int upgrade(ss_store *st, ss_diag *d)
{
    int64_t version = 0;
    int found = db_lookup(st, "SELECT value FROM main.meta WHERE key = 'schema_version'", &version, d, "");
    if (found <= 0 || version != 1)
        return found < 0 ? -1 : 0;
    if (store_upgrade_series(st, d) || db_exec(st, schema_sql, d))  /* the view, now the table is gone */
        return -1;
    return db_exec(st, "UPDATE main.meta SET value = '2' WHERE key = 'schema_version'", d);
}

static int create_schema(ss_store *st, ss_diag *d)
{
    if (db_begin(st, d))
        return -1;
    if (db_exec(st, schema_sql, d) || upgrade(st, d) || db_check_version(st, "main", d) ||
        store_write_dictionary(st, d))
        return db_rollback(st);
    return db_commit(st, d);
}

/* A file full of zeros beside the database, given back when a write fails for lack of space (a
 * full disk would otherwise leave even "this run failed" unwritable, and the run 'running').
 * Best effort: on a disk too full for it, there is simply no reserve. */
static void keep_reserve(ss_store *st)
{
    size_t n = strlen(st->path) + sizeof "-reserve";
    char *path = malloc(n);
    if (!path)
        return;
    snprintf(path, n, "%s-reserve", st->path);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0 && posix_fallocate(fd, 0, RESERVE_BYTES) == 0) {
        close(fd);
        st->reserve = path;
        return;
    }
    if (fd >= 0) {
        close(fd);
        unlink(path);
    }
    free(path);
}

bool db_release_reserve(ss_store *st)
{
    if (!st->reserve)
        return false;
    unlink(st->reserve);
    free(st->reserve);
    st->reserve = NULL;
    return true;
}

static ss_store *store_new(const char *path, ss_diag *d)
{
    ss_store *st = calloc(1, sizeof *st);
    if (!st || !(st->path = strdup(path))) {
        free(st);
        ss_fail(d, "%s: cannot open: out of memory", path);
        return NULL;
    }
    st->claim_fd = -1;
    return st;
}

static int claim(ss_store *st, const ss_claim *c, ss_diag *d);

ss_store *ss_store_open(const char *path, ss_diag *d)
{
    return ss_store_open_claimed(path, NULL, d);
}

ss_store *ss_store_open_claimed(const char *path, const ss_claim *c, ss_diag *d)
{
    ss_store *st = store_new(path, d);
    if (!st)
        return NULL;
    if (c && claim(st, c, d)) {  /* before SQLite touches the file: a waiting writer waits here */
        ss_store_close(st);
        return NULL;
    }
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
        ss_fail(d, "%s: cannot open: %s", path, st->db ? sqlite3_errmsg(st->db) : "out of memory");
        ss_store_close(st);
        return NULL;
    }
    st->writer = true;
    if (configure(st, d) || create_schema(st, d)) {
        ss_wrap(d, "%s: cannot open", path);
        ss_store_close(st);
        return NULL;
    }
    keep_reserve(st);
    return st;
}

/* A file at rest is left in rollback-journal mode, so that it can be read where nothing can be
 * written (a read-only share, an auditor's copy): a WAL file needs its -shm beside it even to be
 * read.  Only when no other connection has the file open; else it stays in WAL mode, which is
 * as good for everyone but a read-only reader. */
static void leave_wal_mode(ss_store *st)
{
    sqlite3_busy_timeout(st->db, 0);
    sqlite3_exec(st->db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
}

void ss_store_close(ss_store *st)
{
    if (!st)
        return;
    for (int i = 0; i < KEPT_STATEMENTS; i++)
        sqlite3_finalize(st->kept[i]);
    if (st->writer && st->db)
        leave_wal_mode(st);
    sqlite3_close(st->db);  /* every other statement is finalised where it was prepared */
    if (st->claim_fd >= 0)
        close(st->claim_fd);  /* gives up the claim */
    db_release_reserve(st);
    ss_buf_free(&st->points);
    free(st->path);
    free(st);
}

/* ---- one writer that decides from what is stored ------------------------------------------------ */

static int try_claim(int fd, int *err)
{
    struct flock l = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = CLAIM_BYTE, .l_len = 1};
    if (fcntl(fd, F_OFD_SETLK, &l) == 0)
        return 1;
    *err = errno;
    return errno == EAGAIN || errno == EACCES ? 0 : -1;
}

/* Opens (creating it if need be: an empty file is an empty SQLite database) and locks. */
static int claim(ss_store *st, const ss_claim *c, ss_diag *d)
{
    int fd = open(st->path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return ss_fail(d, "%s: cannot open: %s", st->path, strerror(errno));
    int err = 0, got = try_claim(fd, &err);
    if (got == 0 && c->wait && c->waiting)
        c->waiting(c->ud);
    while (got == 0 && c->wait && !(c->interrupt && atomic_load(c->interrupt))) {
        usleep(CLAIM_POLL_US);
        got = try_claim(fd, &err);
    }
    if (got != 1) {
        close(fd);
        if (got < 0)
            return ss_fail(d, "%s: cannot lock: %s", st->path, strerror(err));
        return c->wait ? ss_fail(d, "interrupted")
                       : ss_fail(d, "%s: another samsim batch or merge is writing it; try again when it is done", st->path);
    }
    st->claim_fd = fd;
    return 0;
}

/* ---- reading ---------------------------------------------------------------------------------- */

const char *ss_store_path(const ss_store *st) { return st->path; }

/* sqlite_master of the main file or of an attached one ("src"). */
bool db_table_exists(ss_store *st, const char *schema, const char *name)
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

/* The first read: SQLITE_CANTOPEN here is a WAL-mode file whose -shm cannot be made (the file
 * or its folder is read-only), which opening alone does not find. */
static int first_read(ss_store *st)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sqlite_master", -1, &s, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(s) == SQLITE_ROW ? SQLITE_OK : sqlite3_errcode(st->db);
    sqlite3_finalize(s);
    return rc;
}

/* "file:PATH?immutable=1": the file read as it lies on disk, with no -shm.  Right only when no
 * -wal file is beside it (its pages would be missed), which the caller has checked. */
static int open_immutable(ss_store *st)
{
    size_t n = 3 * strlen(st->path) + 32, k = 0;
    char *uri = malloc(n);
    if (!uri)
        return SQLITE_NOMEM;
    k += (size_t)snprintf(uri, n, "file:");
    for (const unsigned char *c = (const unsigned char *)st->path; *c; c++)
        k += (size_t)snprintf(uri + k, n - k, *c == '%' || *c == '?' || *c == '#' || *c <= ' ' ? "%%%02X" : "%c", *c);
    snprintf(uri + k, n - k, "?immutable=1");
    sqlite3_close(st->db);
    st->db = NULL;
    int rc = sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    free(uri);
    return rc == SQLITE_OK ? first_read(st) : rc;
}

static bool wal_beside(const char *path)
{
    char wal[4096];
    struct stat sb;
    snprintf(wal, sizeof wal, "%s-wal", path);
    return stat(wal, &sb) == 0;
}

static int open_for_reading(ss_store *st, ss_diag *d)
{
    if (sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return ss_fail(d, "%s: cannot open: %s", st->path, st->db ? sqlite3_errmsg(st->db) : "out of memory");
    sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
    int rc = first_read(st);
    if ((rc & 0xff) == SQLITE_CANTOPEN && !wal_beside(st->path))
        rc = open_immutable(st);
    if (rc == SQLITE_OK)
        return 0;
    if (rc == SQLITE_NOTADB)
        return ss_fail(d, "%s: not a samsim results database (it has no runs table)", st->path);
    if ((rc & 0xff) == SQLITE_CANTOPEN)
        return ss_fail(d, "%s: cannot read: %s (a file in WAL mode, with a -wal file beside it, in a place this"
                          " process cannot write: copy the three files somewhere writable)", st->path, sqlite3_errstr(rc));
    return ss_fail(d, "%s: cannot read: %s", st->path, sqlite3_errstr(rc));
}

/* A read-only look must not create anything, so a file without runs is not ours. */
ss_store *ss_store_open_readonly(const char *path, ss_diag *d)
{
    ss_store *st = store_new(path, d);
    if (!st)
        return NULL;
    if (open_for_reading(st, d)) {
        ss_store_close(st);
        return NULL;
    }
    if (!db_table_exists(st, "main", "runs") || !db_table_exists(st, "main", "meta")) {
        ss_fail(d, "%s: not a samsim results database (it has no runs table)", path);
        ss_store_close(st);
        return NULL;
    }
    if (db_check_version(st, "main", d)) {
        ss_wrap(d, "%s: cannot open", path);
        ss_store_close(st);
        return NULL;
    }
    return st;
}

/* Deferred, not IMMEDIATE: an IMMEDIATE transaction would also ask for the write lock on the
 * attached input, which may be read-only. */
int db_begin_deferred(ss_store *st, ss_diag *d) { return db_exec(st, "BEGIN", d); }

/* ---- numbers as JSON text (the points of sensitivity and robust studies) ---------------------- */

void db_numbers_json(ss_buf *b, const double *x, int n)
{
    assert(n >= 0 && (x || n == 0));
    ss_buf_str(b, "[");
    for (int i = 0; i < n; i++) {
        if (i) ss_buf_str(b, ",");
        if (isfinite(x[i])) ss_buf_fmt(b, "%.17g", x[i]);
        else ss_buf_str(b, "null");
    }
    ss_buf_str(b, "]");
}

double db_column_real(sqlite3_stmt *s, int i)
{
    return sqlite3_column_type(s, i) == SQLITE_NULL ? NAN : sqlite3_column_double(s, i);
}

static int each_row_v(ss_store *st, void (*row)(sqlite3_stmt *s, void *ud), void *ud, ss_diag *d, const char *sql,
                      const char *types, va_list ap)
{
    sqlite3_stmt *s = db_prepare(st, sql, d);
    if (!s) return -1;
    bind_values(s, types, ap);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) row(s, ud);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : db_fail(st, d);
}

int db_each_row(ss_store *st, void (*row)(sqlite3_stmt *s, void *ud), void *ud, ss_diag *d, const char *sql,
                const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    int rc = each_row_v(st, row, ud, d, sql, types, ap);
    va_end(ap);
    return rc;
}

/* A stored point (point, outputs) not seen yet, into pts. */
static void point_row(sqlite3_stmt *s, void *ud)
{
    const db_points *pts = ud;
    sqlite3_int64 p = sqlite3_column_int64(s, 0);
    if (p < 0 || p >= pts->npoints || pts->have[p]) return;
    if (db_read_numbers((const char *)sqlite3_column_text(s, 1), pts->noutputs, pts->y + p * pts->noutputs)) {
        pts->have[p] = 1;
        (*pts->nhave)++;
    }
}

int db_read_points(ss_store *st, const db_points *pts, ss_diag *d, const char *sql, const char *types, ...)
{
    assert(pts->npoints >= 0 && pts->noutputs >= 0 && pts->y && pts->have && pts->nhave);
    *pts->nhave = 0;
    va_list ap;
    va_start(ap, types);
    int rc = each_row_v(st, point_row, (void *)pts, d, sql, types, ap);
    va_end(ap);
    return rc;
}

bool db_read_numbers(const char *text, int n, double *y)
{
    json_error_t err;
    json_t *a = text ? json_loads(text, 0, &err) : NULL;
    bool ok = a && json_is_array(a) && (int)json_array_size(a) == n;
    for (int m = 0; ok && m < n; m++) {
        json_t *v = json_array_get(a, (size_t)m);
        ok = json_is_number(v) || json_is_null(v);
        y[m] = json_is_number(v) ? json_number_value(v) : NAN;
    }
    json_decref(a);
    return ok;
}
