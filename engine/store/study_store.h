/* study_store: what the three kinds of study in a results file store alike, written once —
 * sensitivity studies (sensitivities.c), calibrations (calibrations.c) and robust comparisons
 * (robustness.c).  Each kind has a studies table (study_id, a UNIQUE study_key, created_at, its
 * options) and tables that hang off it by study_id (its numbers, points, results).  A study is
 * begun once (found again by its key when the same command resumes after a kill), rows are
 * written from arrays of structs described by their columns, and a merge carries a kind's
 * studies from an attached file by key.  Private to engine/store/. */
#ifndef SS_STORE_STUDY_STORE_H
#define SS_STORE_STUDY_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

enum { STUDY_MAX_COLUMNS = 16 };

/* The columns of a table a row struct fills: their names as SQL lists them ("a, b, c"), how each
 * is bound — one letter each: 'i' int, 'b' bool, 'I' int64_t, 'U' uint64_t (stored as a signed
 * 64-bit integer), 'l' long, 't' const char * (NULL: NULL), 'r' double (NaN: NULL), 'd' double
 * as it is — and where each is in the struct (STUDY_AT). */
typedef struct study_columns {
    const char *names;
    const char *types;
    size_t at[STUDY_MAX_COLUMNS];
} study_columns;

#define STUDY_AT(rowtype, field) offsetof(rowtype, field)

/* n rows of one table, each a struct of `size` bytes. */
typedef struct study_rows {
    const char *table;
    const study_columns *columns;
    const void *rows;
    size_t size;
    int n;
} study_rows;

#define STUDY_ROWS(table, columns, rows, n) ((study_rows){table, columns, rows, sizeof *(rows), n})

/* A kind of study: the SQL that makes its tables (run on first use and before a merge), its
 * studies table, the tables hanging off it that a merge carries, and the studies table's
 * columns a merge leaves out (comma-separated, e.g. ids that mean something only in their own
 * file; "" for none). */
typedef struct study_kind {
    const char *schema_sql;
    const char *studies;
    const char *const *merged;   /* NULL-terminated */
    const char *not_merged;
} study_kind;

/* The study's row (created_at now, then study's columns) and each of children's rows (study_id,
 * then their columns), the tables made if missing, in one transaction; or, when a study with
 * this key is stored, nothing written and *resumed set.  0, or -1 with d. */
int store_study_begin(ss_store *st, const study_kind *k, const char *key, const study_rows *study,
                      const study_rows *children, int nchildren, int64_t *study_id, bool *resumed, ss_diag *d);
/* Each of r's rows, in one transaction, by how: a verb ("INSERT", "INSERT OR REPLACE") for
 * "VERB INTO table(study_id, columns...)", or a whole statement (an UPDATE) with ?1 the study id
 * and ?2... the columns in their order.  0, or -1 with d (and nothing written). */
int store_study_rows(ss_store *st, const char *how, int64_t study_id, const study_rows *r, ss_diag *d);
/* The same inside the caller's transaction. */
int store_study_write(ss_store *st, const char *how, int64_t study_id, const study_rows *r, ss_diag *d);
/* The attached file src's studies of kind k into the main file: a study is the same in both when
 * its key is (ids differ); its rows in k->merged added where missing.  0, or -1 with d. */
int store_study_merge(ss_store *st, const study_kind *k, ss_diag *d);

#endif
