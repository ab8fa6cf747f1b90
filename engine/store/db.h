/* db: the store's connection and its small helpers over the SQLite API, shared by the store's
 * modules (db.c, runs.c, batches.c, summarise.c, merge.c) and by nothing outside engine/store/. */
#ifndef SS_STORE_DB_H
#define SS_STORE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "diag.h"
#include "sbuf.h"
#include "store.h"

/* The statements every replication runs, prepared once per connection: a batch writes
 * thousands of replications, and preparing five statements for each was a tenth of the time. */
enum { KEPT_REPLICATION, KEPT_METRIC, KEPT_SYSTEM_METRIC, KEPT_SERIES, KEPT_FLOW, KEPT_WAIT, KEPT_STATEMENTS };

struct ss_store {
    sqlite3 *db;
    char *path;
    sqlite3_stmt *kept[KEPT_STATEMENTS];
    bool writer;          /* opened by ss_store_open */
    int claim_fd;         /* the claim's lock (ss_claim), or -1 */
    char *reserve;        /* the reserve file's path while it exists (db.c) */
    ss_buf points;        /* a series' packed text, kept between replications (series.c) */
};

enum { SCHEMA_VERSION = 2, BUSY_TIMEOUT_MS = 10000 };

/* SQLite's own reason, for the caller to prefix with the file and the action.  Returns -1. */
int db_fail(ss_store *st, ss_diag *d);
int db_exec(ss_store *st, const char *sql, ss_diag *d);
sqlite3_stmt *db_prepare(ss_store *st, const char *sql, ss_diag *d);
/* A kept statement (see struct ss_store); never finalised by its user. */
sqlite3_stmt *db_prepare_kept(ss_store *st, int which, const char *sql, ss_diag *d);
/* Runs a bound insert or update, then makes the statement ready for the next row. */
int db_step(ss_store *st, sqlite3_stmt *s, ss_diag *d);
/* NULL for a NULL string / for NaN. */
void db_bind_text(sqlite3_stmt *s, int i, const char *v);
void db_bind_real(sqlite3_stmt *s, int i, double v);
/* One row: binds the values after types ('I' int64_t, 'i' int, 't' text or NULL, 'r' double or
 * NULL for NaN, 'd' double, 'n' NULL without a value), then db_step.  The one way rows are
 * written, so each insert says its columns once. */
int db_row(ss_store *st, sqlite3_stmt *s, ss_diag *d, const char *types, ...);
/* db_row on a statement of its own: prepare, bind, step, finalise. */
int db_run(ss_store *st, const char *sql, ss_diag *d, const char *types, ...);
/* IMMEDIATE takes the write lock up front, so a concurrent writer waits on busy_timeout here
 * instead of failing halfway through a replication. */
int db_begin(ss_store *st, ss_diag *d);
/* Deferred, for a merge: IMMEDIATE would also ask for the write lock on the attached input,
 * which may be read-only. */
int db_begin_deferred(ss_store *st, ss_diag *d);
int db_commit(ss_store *st, ss_diag *d);
/* Undo everything since db_begin; the diagnostic already says why.  Returns -1. */
int db_rollback(ss_store *st);
/* ISO 8601 UTC, for started/finished stamps (never part of the JSON). */
void db_now_utc(char *buf, size_t n);
/* A file written by a newer samsim may have tables this one would misread; schema is "main" or an
 * attached file ("src"). */
int db_check_version(ss_store *st, const char *schema, ss_diag *d);
/* sqlite_master of the main file or of an attached one ("src"). */
bool db_table_exists(ss_store *st, const char *schema, const char *name);
/* A column's number, NaN for NULL (what db_bind_real writes for NaN). */
double db_column_real(sqlite3_stmt *s, int i);
/* Each row of sql, its parameters bound as db_row binds them, handed to row(s, ud): the one loop
 * the store's readers share.  0, or -1 with d. */
int db_each_row(ss_store *st, void (*row)(sqlite3_stmt *s, void *ud), void *ud, ss_diag *d, const char *sql,
                const char *types, ...);
/* One int64 from a query, its parameters bound as db_row binds them: 1 found, 0 no row, -1 error. */
int db_lookup(ss_store *st, const char *sql, int64_t *out, ss_diag *d, const char *types, ...);

/* Give back the reserve of disk space kept beside a database open for writing: after a write
 * failed for lack of space, this lets the store still record that the run failed.  false when
 * there was no reserve left to give. */
bool db_release_reserve(ss_store *st);

/* The run's row and its services (runs.c), inside the caller's transaction. */
int store_write_run(ss_store *st, const ss_run_info *info, int64_t *run_id, ss_diag *d);
/* The attached file src's sensitivity studies into main (sensitivities.c), for a merge. */
int store_merge_sensitivity(ss_store *st, ss_diag *d);
/* ... and its robust studies (robustness.c): after the comparisons, whose new ids they link to. */
int store_merge_robust(ss_store *st, ss_diag *d);
/* ... and its comparisons (comparisons.c), their runs mapped by temp.merge_runs; which input
 * comparison became which output one stays in temp.merge_comparisons(src, dst). */
int store_merge_comparisons(ss_store *st, ss_diag *d);
int store_merge_calibration(ss_store *st, ss_diag *d);

/* [x, y, ...] with every digit a double needs (a point read back is the point written); null for
 * NaN. */
void db_numbers_json(ss_buf *b, const double *x, int n);
/* A JSON array of n numbers (null: NaN) into y; false when text is not one (a file written by
 * something else). */
bool db_read_numbers(const char *text, int n, double *y);
/* The points of a study stored so far (a sensitivity stage, a robustness study, a calibration
 * wave), from sql selecting (point, outputs) with its parameters bound as db_row binds them:
 * have[p] = 1 and y[p * noutputs ...] its outputs for each p below npoints not seen yet; *nhave
 * counts them.  0, or -1 with d. */
typedef struct {
    long npoints;
    int noutputs;
    double *y;
    unsigned char *have;
    long *nhave;
} db_points;
int db_read_points(ss_store *st, const db_points *pts, ss_diag *d, const char *sql, const char *types, ...);
/* metric_info from the engine's metric tables (dictionary.c), inside the caller's transaction. */
int store_write_dictionary(ss_store *st, ss_diag *d);
/* The run_wide view (wide.c), inside the caller's transaction: note a run's parameters and
 * services, or a batch point's values, rebuilding the view when one is new; after a merge,
 * refresh from everything in the file. */
int store_wide_note_run(ss_store *st, const ss_run_info *info, ss_diag *d);
int store_wide_note_values(ss_store *st, const ss_batch_value *values, int n, ss_diag *d);
int store_wide_refresh(ss_store *st, ss_diag *d);
int store_wide_rebuild(ss_store *st, ss_diag *d);

/* The run's key (batches.c), inside the caller's transaction. */
int store_insert_run_key(ss_store *st, int64_t run_id, const char *run_key, ss_diag *d);

#endif
