/* comparisons: the record of each `samsim compare` in its results database (see comparisons.h). */
#include "comparisons.h"

#include <sqlite3.h>
#include <stdio.h>
#include <time.h>

#include "db.h"

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

/* The comparison already recorded with this base run and exactly these options (a command run
 * again on its own file, reading its stored runs): its id, or 0. */
static int64_t same_comparison(sqlite3 *db, int64_t base_run, const int64_t *option_runs, const char *const *option_models,
                               int noptions)
{
    sqlite3_stmt *s = NULL;
    int64_t found = 0;
    if (sqlite3_prepare_v2(db, "SELECT comparison_id FROM comparisons c WHERE base_run = ?1 GROUP BY comparison_id"
                           " HAVING count(*) = ?2 ORDER BY comparison_id", -1, &s, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_int64(s, 1, base_run);
    sqlite3_bind_int(s, 2, noptions);
    while (!found && sqlite3_step(s) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(s, 0);
        int same = 0;
        sqlite3_stmt *o = NULL;
        if (sqlite3_prepare_v2(db, "SELECT 1 FROM comparisons WHERE comparison_id = ? AND option_run = ? AND option_model IS ?",
                               -1, &o, NULL) == SQLITE_OK)
            for (int i = 0; i < noptions && same == i; i++) {
                sqlite3_bind_int64(o, 1, id);
                sqlite3_bind_int64(o, 2, option_runs[i]);
                sqlite3_bind_text(o, 3, option_models[i], -1, SQLITE_STATIC);
                same += sqlite3_step(o) == SQLITE_ROW;
                sqlite3_reset(o);
            }
        sqlite3_finalize(o);
        if (same == noptions) found = id;
    }
    sqlite3_finalize(s);
    return found;
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
    int64_t same = rc == 0 ? same_comparison(db, base_run, option_runs, option_models, noptions) : 0;
    int64_t id = same ? same : rc == 0 ? next_comparison_id(db) : -1;
    if (id < 0 || (!same && record_rows(db, id, base_run, base_model, option_runs, option_models, noptions, command_line) < 0) ||
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        ss_fail(d, "%s: cannot record the comparison: %s", db_path, sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close(db);
        return -1;
    }
    sqlite3_close(db);
    *comparison_id = id;
    return same ? 1 : 0;
}

/* ---- merging ---------------------------------------------------------------------------------- */

int store_merge_comparisons(ss_store *st, ss_diag *d)
{
    if (db_exec(st, "CREATE TEMP TABLE IF NOT EXISTS merge_comparisons(src INTEGER PRIMARY KEY, dst INTEGER NOT NULL);"
                    "DELETE FROM temp.merge_comparisons;", d))
        return -1;
    if (!db_table_exists(st, "src", "comparisons")) return 0;
    if (db_begin_deferred(st, d)) return -1;
    /* the same comparison: its base run became the same output run, at the same time, by the same command */
    static const char merge_sql[] =
        "INSERT INTO temp.merge_comparisons(src, dst) SELECT s.comparison_id, MIN(m.comparison_id)"
        " FROM (SELECT comparison_id, MIN(base_run) base_run, MIN(created_at) created_at, MIN(command_line) command_line"
        "       FROM src.comparisons GROUP BY comparison_id) s"
        " JOIN temp.merge_runs r ON r.src = s.base_run"
        " JOIN main.comparisons m ON m.base_run = r.dst AND m.created_at IS s.created_at AND m.command_line IS s.command_line"
        " GROUP BY s.comparison_id;"
        "INSERT INTO temp.merge_comparisons(src, dst) SELECT s.comparison_id,"
        " (SELECT COALESCE(MAX(comparison_id), 0) FROM main.comparisons) + ROW_NUMBER() OVER (ORDER BY s.comparison_id)"
        " FROM (SELECT DISTINCT comparison_id FROM src.comparisons) s"
        " WHERE s.comparison_id NOT IN (SELECT src FROM temp.merge_comparisons);"
        "INSERT OR IGNORE INTO main.comparisons(comparison_id, base_run, option_run, base_model, option_model, created_at,"
        " command_line) SELECT c.dst, b.dst, o.dst, x.base_model, x.option_model, x.created_at, x.command_line"
        " FROM src.comparisons x JOIN temp.merge_comparisons c ON c.src = x.comparison_id"
        " JOIN temp.merge_runs b ON b.src = x.base_run JOIN temp.merge_runs o ON o.src = x.option_run ORDER BY x.rowid;";
    if (db_exec(st, comparisons_sql, d) || db_exec(st, merge_sql, d)) return db_rollback(st);
    return db_commit(st, d);
}
