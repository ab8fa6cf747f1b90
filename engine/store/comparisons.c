/* comparisons: the record of each `samsim compare` in its results database (see comparisons.h). */
#include "comparisons.h"

#include <sqlite3.h>
#include <stdio.h>
#include <time.h>

/* ---- the comparisons table ------------------------------------------------------------------- */

/* Created on first use: only comparisons write it.  A comparison is one `samsim compare`
 * command: one row per option, all with the same comparison_id. */
static const char comparisons_sql[] =
    "CREATE TABLE IF NOT EXISTS comparisons(\n"
    "  comparison_id INTEGER NOT NULL,\n"
    "  base_run INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  option_run INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  base_model TEXT, option_model TEXT,  -- as written on the command line\n"
    "  created_at TEXT, command_line TEXT,\n"
    "  PRIMARY KEY(comparison_id, option_run));\n";

static int record_rows(sqlite3 *db, int64_t id, int64_t base_run, const char *base_model,
                       const int64_t *option_runs, const char *const *option_models, int noptions,
                       const char *command_line)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO comparisons(comparison_id, base_run, option_run, base_model,"
                           " option_model, created_at, command_line) VALUES(?,?,?,?,?,?,?)", -1, &s, NULL) != SQLITE_OK)
        return -1;
    char stamp[32];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    int rc = 0;
    for (int i = 0; i < noptions && rc == 0; i++) {
        sqlite3_bind_int64(s, 1, id);
        sqlite3_bind_int64(s, 2, base_run);
        sqlite3_bind_int64(s, 3, option_runs[i]);
        sqlite3_bind_text(s, 4, base_model, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 5, option_models[i], -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 6, stamp, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 7, command_line, -1, SQLITE_TRANSIENT);
        rc = sqlite3_step(s) == SQLITE_DONE ? 0 : -1;
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    return rc;
}

static int64_t next_comparison_id(sqlite3 *db)
{
    sqlite3_stmt *s = NULL;
    int64_t id = -1;
    if (sqlite3_prepare_v2(db, "SELECT COALESCE(MAX(comparison_id), 0) + 1 FROM comparisons", -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        id = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return id;
}

int ss_store_record_comparison(const char *db_path, int64_t base_run, const char *base_model,
                                const int64_t *option_runs, const char *const *option_models, int noptions,
                                const char *command_line, int64_t *comparison_id, ss_diag *d)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        ss_fail(d, "%s: cannot record the comparison: %s", db_path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return -1;
    }
    sqlite3_busy_timeout(db, 10000);
    /* one transaction, so the id taken is still free when the rows go in */
    int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK &&
             sqlite3_exec(db, comparisons_sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
    int64_t id = rc == 0 ? next_comparison_id(db) : -1;
    if (id < 0 || record_rows(db, id, base_run, base_model, option_runs, option_models, noptions, command_line) < 0 ||
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        ss_fail(d, "%s: cannot record the comparison: %s", db_path, sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close(db);
        return -1;
    }
    sqlite3_close(db);
    *comparison_id = id;
    return 0;
}
