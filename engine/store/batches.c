/* batches: the batch tables — batches, run keys, grid points and their swept values — and the
 * reads a batch needs (what is stored, a sweep table). */
#include "db.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    if (db_begin(st, d))
        return ss_wrap(d, "%s: cannot create the batch tables", st->path);
    if (db_exec(st, batch_schema_sql, d)) {
        db_rollback(st);
        return ss_wrap(d, "%s: cannot create the batch tables", st->path);
    }
    if (db_commit(st, d))
        return ss_wrap(d, "%s: cannot create the batch tables", st->path);
    sqlite3_exec(st->db, "PRAGMA cache_size=-65536", NULL, NULL, NULL);  /* 64 MiB: the B-tree pages a batch keeps touching */
    return 0;
}

int ss_store_find_batch(ss_store *st, const char *batch_key, int64_t *batch_id, ss_diag *d)
{
    if (!db_table_exists(st, "main", "batches"))
        return 0;
    int rc = db_lookup(st, "SELECT batch_id FROM batches WHERE batch_key = ?", batch_id, d, "t", batch_key);
    return rc < 0 ? ss_wrap(d, "%s: cannot read the batches", st->path) : rc;
}

static int insert_batch(ss_store *st, const ss_batch_row *b, ss_diag *d)
{
    char stamp[32];
    db_now_utc(stamp, sizeof stamp);
    return db_run(st,
        "INSERT INTO batches(batch_key, name, plan_path, seed, replications, planned_runs, parameters,"
        " created_at, command_line) VALUES(?,?,?,?,?,?,?,?,?)", d, "tttIiittt", b->batch_key, b->name,
        b->plan_path, (int64_t)b->seed, b->replications, b->planned_runs, b->parameters, stamp,
        b->command_line);
}

int ss_store_begin_batch(ss_store *st, const ss_batch_row *b, int64_t *batch_id, ss_diag *d)
{
    int found = ss_store_find_batch(st, b->batch_key, batch_id, d);
    if (found != 0)
        return found < 0 ? -1 : 0;
    if (db_begin(st, d) || insert_batch(st, b, d)) {
        db_rollback(st);
        return ss_wrap(d, "%s: cannot record the batch", st->path);
    }
    *batch_id = sqlite3_last_insert_rowid(st->db);
    if (db_commit(st, d))
        return ss_wrap(d, "%s: cannot record the batch", st->path);
    return 0;
}

int ss_store_find_run(ss_store *st, const char *run_key, int64_t *run_id, bool *complete, ss_diag *d)
{
    if (!db_table_exists(st, "main", "run_keys"))
        return 0;
    sqlite3_stmt *s = db_prepare(st,
        "SELECT k.run_id, r.status = 'complete' FROM run_keys k JOIN runs r USING(run_id) WHERE k.run_key = ?", d);
    if (!s)
        return ss_wrap(d, "%s: cannot read the runs", st->path);
    db_bind_text(s, 1, run_key);
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

int store_insert_run_key(ss_store *st, int64_t run_id, const char *run_key, ss_diag *d)
{
    return db_run(st, "INSERT INTO run_keys(run_id, run_key) VALUES(?,?)", d, "It", run_id, run_key);
}

int ss_store_begin_keyed_run(ss_store *st, const ss_run_info *info, const char *run_key,
                             int64_t *run_id, ss_diag *d)
{
    if (db_begin(st, d))
        return ss_wrap(d, "%s: cannot record the run", st->path);
    if (store_write_run(st, info, run_id, d) || store_insert_run_key(st, *run_id, run_key, d)) {
        db_rollback(st);
        return ss_wrap(d, "%s: cannot record the run", st->path);
    }
    if (db_commit(st, d))
        return ss_wrap(d, "%s: cannot record the run", st->path);
    return 0;
}

/* Whole numbers go in as integers, so `sqlite3` shows 18 rather than 18.0. */
static int insert_value(ss_store *st, sqlite3_stmt *s, int64_t batch_id, int point,
                        const ss_batch_value *v, ss_diag *d)
{
    if (!v->numeric)
        return db_row(st, s, d, "Iitt", batch_id, point, v->parameter, v->label);
    if (v->number == floor(v->number) && fabs(v->number) < 9007199254740992.0)
        return db_row(st, s, d, "IitI", batch_id, point, v->parameter, (int64_t)v->number);
    return db_row(st, s, d, "Iitd", batch_id, point, v->parameter, v->number);
}

static int upsert_batch_run(ss_store *st, int64_t batch_id, int point, int64_t run_id,
                            const char *scenario, const char *model, ss_diag *d)
{
    return db_run(st,
        "INSERT INTO batch_runs(batch_id, point, run_id, scenario, model) VALUES(?,?,?,?,?)"
        " ON CONFLICT(batch_id, point) DO UPDATE SET run_id = excluded.run_id,"
        " scenario = excluded.scenario, model = excluded.model", d, "IiItt", batch_id, point, run_id,
        scenario, model);
}

static int upsert_batch_values(ss_store *st, int64_t batch_id, int point, const ss_batch_value *values,
                               int nvalues, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st,
        "INSERT OR REPLACE INTO batch_values(batch_id, point, parameter, value) VALUES(?,?,?,?)", d);
    if (!s)
        return -1;
    int rc = 0;
    for (int i = 0; i < nvalues && rc == 0; i++) {
        rc = insert_value(st, s, batch_id, point, &values[i], d);
    }
    sqlite3_finalize(s);
    return rc;
}

int ss_store_link_batch_run(ss_store *st, int64_t batch_id, int point, int64_t run_id,
                            const char *scenario, const char *model,
                            const ss_batch_value *values, int nvalues, ss_diag *d)
{
    if (db_begin(st, d))
        return ss_wrap(d, "%s: cannot record point %d of the batch", st->path, point);
    if (upsert_batch_run(st, batch_id, point, run_id, scenario, model, d) ||
        upsert_batch_values(st, batch_id, point, values, nvalues, d) ||
        store_wide_note_values(st, values, nvalues, d)) {
        db_rollback(st);
        return ss_wrap(d, "%s: cannot record point %d of the batch", st->path, point);
    }
    if (db_commit(st, d))
        return ss_wrap(d, "%s: cannot record point %d of the batch", st->path, point);
    return 0;
}

int ss_store_replications_done(ss_store *st, int64_t run_id, unsigned char *done, int reps,
                               int *count, ss_diag *d)
{
    memset(done, 0, (size_t)reps);
    *count = 0;
    sqlite3_stmt *s = db_prepare(st, "SELECT rep FROM replications WHERE run_id = ?", d);
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
        *v[i] = db_column_real(s, 5 + i);
    r->estimate.n = sqlite3_column_int(s, 9);
}

int ss_store_sweep(ss_store *st, int64_t batch_id, int npoints, const char *scope,
                   const char *subject, const char *metric, ss_sweep_row *rows, ss_diag *d)
{
    for (int i = 0; i < npoints; i++)
        rows[i] = (ss_sweep_row){.point = i + 1,
                                 .estimate = {.mean = NAN, .ci_low = NAN, .ci_high = NAN, .sd = NAN}};
    sqlite3_stmt *s = db_prepare(st,
        "SELECT b.point, b.run_id, r.replications, r.status = 'complete',"
        " (SELECT count(*) FROM replications x WHERE x.run_id = b.run_id),"
        " m.mean, m.ci_low, m.ci_high, m.sd, m.n"
        " FROM batch_runs b JOIN runs r ON r.run_id = b.run_id"
        " LEFT JOIN summary m ON m.run_id = b.run_id AND m.scope = ? AND m.subject = ? AND m.metric = ?"
        " WHERE b.batch_id = ?", d);
    if (!s)
        return ss_wrap(d, "%s: cannot read the batch", st->path);
    db_bind_text(s, 1, scope);
    db_bind_text(s, 2, subject);
    db_bind_text(s, 3, metric);
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
    sqlite3_stmt *s = db_prepare(st, "SELECT 1 FROM services WHERE run_id = ? AND service = ?", d);
    if (!s)
        return ss_wrap(d, "%s: cannot read the services", st->path);
    sqlite3_bind_int64(s, 1, run_id);
    db_bind_text(s, 2, service);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        db_fail(st, d);
        return ss_wrap(d, "%s: cannot read the services", st->path);
    }
    return rc == SQLITE_ROW;
}

