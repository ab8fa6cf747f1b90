/* study_store: the writer the three kinds of study share (see study_store.h). */
#include "study_store.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"

/* ---- rows ------------------------------------------------------------------------------------- */

/* "VERB INTO table(first, a, b, ...) VALUES(?1, ?2, ...)". */
static void insert_sql(ss_buf *b, const char *verb, const char *first, const study_rows *r)
{
    ss_buf_fmt(b, "%s INTO %s(%s, %s) VALUES(?1", verb, r->table, first, r->columns->names);
    for (size_t c = 0; r->columns->types[c]; c++) ss_buf_fmt(b, ", ?%zu", c + 2);
    ss_buf_str(b, ")");
}

/* Row i's columns into ?2, ?3, ... */
static void bind_row(sqlite3_stmt *s, const study_rows *r, int i)
{
    const char *row = (const char *)r->rows + (size_t)i * r->size;
    const study_columns *c = r->columns;
    assert(strlen(c->types) <= STUDY_MAX_COLUMNS && "study_store: too many columns");
    for (int k = 0; c->types[k]; k++) {
        const void *v = row + c->at[k];
        switch (c->types[k]) {
        case 'i': sqlite3_bind_int(s, k + 2, *(const int *)v); break;
        case 'b': sqlite3_bind_int(s, k + 2, *(const bool *)v); break;
        case 'I': sqlite3_bind_int64(s, k + 2, *(const int64_t *)v); break;
        case 'U': sqlite3_bind_int64(s, k + 2, (sqlite3_int64) * (const uint64_t *)v); break;
        case 'l': sqlite3_bind_int64(s, k + 2, *(const long *)v); break;
        case 't': db_bind_text(s, k + 2, *(const char *const *)v); break;
        case 'r': db_bind_real(s, k + 2, *(const double *)v); break;
        case 'd': sqlite3_bind_double(s, k + 2, *(const double *)v); break;
        default: assert(!"study_store: unknown column type");
        }
    }
}

int store_study_write(ss_store *st, const char *how, int64_t study_id, const study_rows *r, ss_diag *d)
{
    assert(st && how && study_id > 0 && r->n >= 0 && (r->rows || r->n == 0) && r->size > 0);
    ss_buf b = {0};
    bool statement = strchr(how, '?') != NULL;
    if (!statement) insert_sql(&b, how, "study_id", r);
    sqlite3_stmt *s = db_prepare(st, statement ? how : b.s, d);
    free(b.s);
    int rc = s ? 0 : -1;
    for (int i = 0; rc == 0 && i < r->n; i++) {
        sqlite3_bind_int64(s, 1, study_id);
        bind_row(s, r, i);
        rc = db_step(st, s, d);
    }
    sqlite3_finalize(s);
    return rc;
}

static int insert_study(ss_store *st, const study_rows *study, int64_t *id, ss_diag *d)
{
    assert(study->n == 1 && "one study row");
    ss_buf b = {0};
    insert_sql(&b, "INSERT", "created_at", study);
    sqlite3_stmt *s = db_prepare(st, b.s, d);
    free(b.s);
    if (!s) return -1;
    char now[32];
    db_now_utc(now, sizeof now);
    db_bind_text(s, 1, now);
    bind_row(s, study, 0);
    int rc = db_step(st, s, d);
    sqlite3_finalize(s);
    *id = sqlite3_last_insert_rowid(st->db);
    return rc;
}

int store_study_begin(ss_store *st, const study_kind *k, const char *key, const study_rows *study,
                      const study_rows *children, int nchildren, int64_t *study_id, bool *resumed, ss_diag *d)
{
    assert(st && st->writer && k->schema_sql && key && study_id && resumed && nchildren >= 0);
    if (db_begin(st, d) < 0) return -1;
    if (db_exec(st, k->schema_sql, d) < 0) return db_rollback(st);
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT study_id FROM %s WHERE study_key = ?", k->studies);
    int found = db_lookup(st, sql, study_id, d, "t", key);
    *resumed = found == 1;
    if (found < 0 || (!found && insert_study(st, study, study_id, d) < 0)) return db_rollback(st);
    for (int i = 0; !found && i < nchildren; i++)
        if (store_study_write(st, "INSERT", *study_id, &children[i], d) < 0) return db_rollback(st);
    return db_commit(st, d);
}

int store_study_rows(ss_store *st, const char *how, int64_t study_id, const study_rows *r, ss_diag *d)
{
    if (db_begin(st, d) < 0) return -1;
    if (store_study_write(st, how, study_id, r, d) < 0) return db_rollback(st);
    return db_commit(st, d);
}

/* ---- merging ---------------------------------------------------------------------------------- */

/* Whether name is one of the comma-separated names in list. */
static bool listed(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; *p; p++) {
        if (strncmp(p, name, n) == 0 && (p[n] == ',' || p[n] == '\0')) return true;
        p += strcspn(p, ",");
        if (!*p) break;
    }
    return false;
}

/* The main file's columns of table but study_id and those in skip, as "a, b" into cols and as
 * "x.a, x.b" into xcols (when not NULL). */
static int columns_of(ss_store *st, const char *table, const char *skip, ss_buf *cols, ss_buf *xcols, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT name FROM pragma_table_info(?1, 'main') ORDER BY cid", d);
    if (!s) return -1;
    db_bind_text(s, 1, table);
    int rc, n = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(s, 0);
        if (strcmp(name, "study_id") == 0 || listed(skip, name)) continue;
        ss_buf_fmt(cols, "%s%s", n ? ", " : "", name);
        if (xcols) ss_buf_fmt(xcols, "%sx.%s", n ? ", " : "", name);
        n++;
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : db_fail(st, d);
}

/* The statements that carry k's studies, then each of its merged tables, from src. */
static int merge_sql(ss_store *st, const study_kind *k, ss_buf *sql, ss_diag *d)
{
    ss_buf cols = {0};
    int rc = columns_of(st, k->studies, k->not_merged, &cols, NULL, d);
    if (rc == 0)
        ss_buf_fmt(sql, "INSERT OR IGNORE INTO main.%s(%s) SELECT %s FROM src.%s ORDER BY study_id;", k->studies,
                      cols.s, cols.s, k->studies);
    for (const char *const *t = k->merged; rc == 0 && *t; t++) {
        ss_buf c = {0}, x = {0};
        rc = columns_of(st, *t, "", &c, &x, d);
        if (rc == 0)
            ss_buf_fmt(sql, "INSERT OR IGNORE INTO main.%s(study_id, %s) SELECT ms.study_id, %s FROM src.%s x"
                          " JOIN src.%s ss ON ss.study_id = x.study_id JOIN main.%s ms ON ms.study_key = ss.study_key;",
                          *t, c.s, x.s, *t, k->studies, k->studies);
        free(c.s);
        free(x.s);
    }
    free(cols.s);
    return rc;
}

int store_study_merge(ss_store *st, const study_kind *k, ss_diag *d)
{
    if (!db_table_exists(st, "src", k->studies)) return 0;
    if (db_begin_deferred(st, d)) return -1;
    ss_buf sql = {0};
    int rc = db_exec(st, k->schema_sql, d);
    if (rc == 0) rc = merge_sql(st, k, &sql, d);
    if (rc == 0) rc = db_exec(st, sql.s, d);
    free(sql.s);
    if (rc) return db_rollback(st);
    return db_commit(st, d);
}
