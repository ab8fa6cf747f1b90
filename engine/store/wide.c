/* wide: the run_wide view — one row per run with its parameters and its key figures, for an
 * analyst's SELECT or a spreadsheet:
 *
 *   SELECT "services.fph.fte", "fph.wait_mean" FROM run_wide WHERE status = 'complete';
 *
 * A VIEW, not a table filled on insert: the figures then live once (summary, run_inputs,
 * batch_values), so a merge, a resumed batch or a discarded run can never leave a wide row that
 * disagrees with them, and a run costs nothing extra.  Its columns depend on the file (which
 * parameters were set or swept, which services ran), so the view is rebuilt — inside the writer's
 * transaction — only when a run or a batch point brings a parameter or a service the file has
 * not had before; wide_columns remembers which it has had, in the order they first came. */
#include "db.h"

#include <stdio.h>
#include <string.h>

#include "sbuf.h"

/* The figures a planner reads first, as the run table shows them (output.c): per service, and for
 * the whole system. */
static const char *const key_service_metrics[] = {"wait_mean", "wait_p90", "over_target_share", "queue_mean",
                                                  "utilisation", NULL};
static const char *const key_system_metrics[] = {"persons", "time_in_system_mean", "first_help_mean",
                                                 "right_help_mean", "handoffs_mean", NULL};

/* s as an SQL identifier ("..." with " doubled) or literal ('...' with ' doubled). */
static void quoted(ss_buf *b, const char *s, char q)
{
    ss_buf_add(b, &q, 1);
    for (; *s; s++) {
        if (*s == q) ss_buf_add(b, &q, 1);
        ss_buf_add(b, s, 1);
    }
    ss_buf_add(b, &q, 1);
}

/* A set value as given ("18", "10,5", "\"all\"", "{0, 18}") as a number when it reads as one (a
 * decimal comma too, as --set takes it), else as it was given. */
#define NUMBER_OR_TEXT                                                                              \
    "CASE WHEN replace(i.value, ',', '.') GLOB '*[0-9]*' AND NOT replace(i.value, ',', '.') GLOB"   \
    " '*[^0-9.eE+-]*' THEN CAST(replace(i.value, ',', '.') AS REAL) ELSE i.value END"

/* A parameter's column: the value the run was given (--set, a plan's set, sweep or linked), as a
 * number when it is one; else a batch variable's value for the run's newest batch point. */
static void parameter_column(ss_buf *b, const char *name, bool batches)
{
    ss_buf_str(b, batches ? ",\n  COALESCE(" : ",\n  ");
    ss_buf_str(b, "(SELECT " NUMBER_OR_TEXT " FROM run_inputs i WHERE i.run_id = r.run_id AND i.kind = 'set'"
                  " AND i.target = ");
    quoted(b, name, '\'');
    ss_buf_str(b, " ORDER BY i.seq DESC LIMIT 1)");
    if (batches) {
        ss_buf_str(b, ", (SELECT v.value FROM batch_runs p JOIN batch_values v USING(batch_id, point)"
                      " WHERE p.run_id = r.run_id AND v.parameter = ");
        quoted(b, name, '\'');
        ss_buf_str(b, " ORDER BY p.batch_id DESC LIMIT 1))");
    }
    ss_buf_str(b, " AS ");
    quoted(b, name, '"');
}

static void metric_column(ss_buf *b, const char *scope, const char *subject, const char *metric)
{
    ss_buf_str(b, ",\n  (SELECT s.mean FROM summary s WHERE s.run_id = r.run_id AND s.scope = ");
    quoted(b, scope, '\'');
    ss_buf_str(b, " AND s.subject = ");
    quoted(b, subject, '\'');
    ss_buf_str(b, " AND s.metric = ");
    quoted(b, metric, '\'');
    ss_buf_str(b, ") AS ");
    char name[600];
    snprintf(name, sizeof name, "%s%s%s", subject, *subject ? "." : "", metric);
    quoted(b, name, '"');
}

/* Append one column per row of wide_columns of this kind, in the order they came. */
static int columns_of(ss_store *st, ss_buf *b, const char *kind, bool batches, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT name FROM wide_columns WHERE kind = ? ORDER BY rowid", d);
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(s, 0);
        if (strcmp(kind, "parameter") == 0)
            parameter_column(b, name, batches);
        else
            for (int m = 0; key_service_metrics[m]; m++)
                metric_column(b, "service", name, key_service_metrics[m]);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : db_fail(st, d);
}

int store_wide_rebuild(ss_store *st, ss_diag *d)
{
    bool batches = db_table_exists(st, "main", "batch_runs");
    ss_buf b = {0};
    ss_buf_str(&b, "DROP VIEW IF EXISTS run_wide;\nCREATE VIEW run_wide AS SELECT r.run_id, r.status,"
                   " r.scenario_name, r.scenario_path, r.seed, r.replications");
    if (batches)
        ss_buf_str(&b, ",\n  (SELECT p.batch_id FROM batch_runs p WHERE p.run_id = r.run_id ORDER BY p.batch_id DESC"
                       " LIMIT 1) AS batch_id,\n  (SELECT p.point FROM batch_runs p WHERE p.run_id = r.run_id"
                       " ORDER BY p.batch_id DESC LIMIT 1) AS point");
    int rc = columns_of(st, &b, "parameter", batches, d);
    for (int m = 0; key_system_metrics[m] && rc == 0; m++)
        metric_column(&b, "system", "", key_system_metrics[m]);
    if (rc == 0)
        rc = columns_of(st, &b, "service", batches, d);
    ss_buf_str(&b, "\nFROM runs r;");
    if (rc == 0)
        rc = db_exec(st, b.s, d);
    ss_buf_free(&b);
    return rc;
}

/* Remember names of this kind; *added tells whether any was new. */
static int note(ss_store *st, const char *kind, const char *const *names, int n, int name_len_at_eq,
                bool *added, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT OR IGNORE INTO wide_columns(kind, name) VALUES(?, ?)", d);
    if (!s)
        return -1;
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        const char *eq = name_len_at_eq ? strchr(names[i], '=') : NULL;
        sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, names[i], eq ? (int)(eq - names[i]) : -1, SQLITE_TRANSIENT);
        rc = db_step(st, s, d);
        *added = *added || (rc == 0 && sqlite3_changes(st->db) > 0);
    }
    sqlite3_finalize(s);
    return rc;
}

int store_wide_note_run(ss_store *st, const ss_run_info *info, ss_diag *d)
{
    bool added = false;
    if (note(st, "parameter", info->sets, info->nsets, 1, &added, d) ||
        note(st, "service", info->service_ids, info->nservices, 0, &added, d))
        return -1;
    return added ? store_wide_rebuild(st, d) : 0;
}

int store_wide_note_values(ss_store *st, const ss_batch_value *values, int n, ss_diag *d)
{
    bool added = false;
    for (int i = 0; i < n; i++)
        if (note(st, "parameter", &values[i].parameter, 1, 0, &added, d))
            return -1;
    return added ? store_wide_rebuild(st, d) : 0;
}

/* After a merge: every parameter and service the file now holds, then the view. */
int store_wide_refresh(ss_store *st, ss_diag *d)
{
    if (db_exec(st, "INSERT OR IGNORE INTO wide_columns(kind, name) SELECT 'parameter', target FROM run_inputs"
                    " WHERE kind = 'set' ORDER BY run_id, seq", d) ||
        (db_table_exists(st, "main", "batch_values") &&
         db_exec(st, "INSERT OR IGNORE INTO wide_columns(kind, name) SELECT 'parameter', parameter FROM batch_values"
                     " ORDER BY batch_id, point, parameter", d)) ||
        db_exec(st, "INSERT OR IGNORE INTO wide_columns(kind, name) SELECT 'service', service FROM services"
                    " ORDER BY run_id, rowid", d))
        return -1;
    return store_wide_rebuild(st, d);
}
