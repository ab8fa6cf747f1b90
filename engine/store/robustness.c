/* robustness: the robust comparison tables (see robustness.h). */
#include "robustness.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "db.h"
#include "results.h"
#include "sbuf.h"
#include "study_store.h"
#include "xalloc.h"

/* ---- the record ------------------------------------------------------------------------------- */

const ss_ranged *ss_robust_shown(const ss_robust_param *p)
{
    return p->in_option ? &p->option : &p->base;
}

void ss_robust_result_free(ss_robust_result *r)
{
    free(r->params);
    free(r->fixed);
    free(r->rows);
    free(r->values);
    memset(r, 0, sizeof *r);
}

const ss_robust_row *ss_robust_find(const ss_robust_result *r, const char *scope, const char *subject,
                                    const char *metric)
{
    for (int i = 0; r && i < r->nrows; i++)
        if (strcmp(r->rows[i].scope, scope) == 0 && strcmp(r->rows[i].subject, subject) == 0 &&
            strcmp(r->rows[i].metric, metric) == 0)
            return &r->rows[i];
    return NULL;
}

/* ---- the tables ------------------------------------------------------------------------------- */

/* Made on first use: only robust comparisons write them. */
static const char robust_sql[] =
    "CREATE TABLE IF NOT EXISTS robust_studies(\n"
    "  study_id INTEGER PRIMARY KEY,\n"
    "  study_key TEXT NOT NULL UNIQUE, -- SHA-256 over both models, their rules and the options: resuming finds it\n"
    "  base_model TEXT, option_model TEXT, command_line TEXT, created_at TEXT,\n"
    "  design TEXT NOT NULL,           -- sobol, latin, ensemble\n"
    "  samples INTEGER, replications INTEGER, seed INTEGER,\n"
    "  comparison_id INTEGER, option_run INTEGER); -- the comparison it was last part of\n"
    "CREATE TABLE IF NOT EXISTS robust_parameters(\n"
    "  study_id INTEGER NOT NULL REFERENCES robust_studies(study_id),\n"
    "  parameter INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT, in_base INTEGER, in_option INTEGER,\n"
    "  dist TEXT, value REAL, low REAL, mode REAL, high REAL,  -- the option's range where it has one\n"
    "  PRIMARY KEY(study_id, parameter));\n"
    "CREATE TABLE IF NOT EXISTS robust_samples(\n"
    "  study_id INTEGER NOT NULL REFERENCES robust_studies(study_id),\n"
    "  sample INTEGER NOT NULL,\n"
    "  vals TEXT NOT NULL,             -- JSON: each number's value, in the parameters' order\n"
    "  outputs TEXT NOT NULL,          -- JSON: per compared row, the paired difference's mean, low, high\n"
    "  PRIMARY KEY(study_id, sample));\n"
    "CREATE TABLE IF NOT EXISTS robust_rows(\n"
    "  study_id INTEGER NOT NULL REFERENCES robust_studies(study_id),\n"
    "  scope TEXT NOT NULL, subject TEXT NOT NULL, metric TEXT NOT NULL,\n"
    "  samples INTEGER, share_better REAL, share_worse REAL, share_unclear REAL,\n"
    "  diff_p05 REAL, diff_p50 REAL, diff_p95 REAL,\n"
    "  decided_by TEXT,                -- JSON: [{parameter, threshold, above, accuracy}]\n"
    "  PRIMARY KEY(study_id, scope, subject, metric));\n";

/* comparison_id and option_run name rows of their own file: a merge leaves them out (and links the
 * study to the comparison it carried instead, store_merge_robust). */
static const char *const robust_merged[] = {"robust_parameters", "robust_samples", "robust_rows", NULL};
static const study_kind robust_kind = {robust_sql, "robust_studies", robust_merged, "comparison_id,option_run"};

#define AT(field) STUDY_AT(ss_robust_study_row, field)
static const study_columns studies_columns = {
    "study_key, base_model, option_model, command_line, design, samples, replications, seed", "tttttliU",
    {AT(study_key), AT(base_model), AT(option_model), AT(command_line), AT(design), AT(samples), AT(replications),
     AT(seed)}};
#undef AT

/* A number of the study as stored: the option's range where it has one. */
typedef struct param_row {
    int index, in_base, in_option;
    const char *name, *kind, *dist;
    double value, low, mode, high;
} param_row;

#define AT(field) STUDY_AT(param_row, field)
static const study_columns param_columns = {"parameter, name, kind, in_base, in_option, dist, value, low, mode, high",
    "ittiitrrrr", {AT(index), AT(name), AT(kind), AT(in_base), AT(in_option), AT(dist), AT(value), AT(low), AT(mode),
                   AT(high)}};
#undef AT

int ss_store_begin_robust(ss_store *st, const ss_robust_study_row *row, const ss_robust_result *r, int64_t *study_id,
                          bool *resumed, ss_diag *d)
{
    param_row *p = xcalloc((size_t)r->nparams + 1, sizeof *p);
    for (int i = 0; i < r->nparams; i++) {
        const ss_ranged *g = ss_robust_shown(&r->params[i]);
        bool tri = g->range.dist == SS_RANGE_TRIANGULAR;
        p[i] = (param_row){.index = i, .in_base = r->params[i].in_base, .in_option = r->params[i].in_option,
                           .name = r->params[i].path, .kind = g->kind, .dist = tri ? "triangular" : "uniform",
                           .value = g->value, .low = g->range.low, .mode = tri ? g->range.mode : NAN,
                           .high = g->range.high};
    }
    const study_rows children[] = {STUDY_ROWS("robust_parameters", &param_columns, p, r->nparams)};
    int rc = store_study_begin(st, &robust_kind, row->study_key, &STUDY_ROWS("robust_studies", &studies_columns, row, 1),
                               children, 1, study_id, resumed, d);
    free(p);
    return rc;
}

int ss_store_robust_stored(ss_store *st, int64_t study_id, long npoints, int noutputs, double *y, unsigned char *have,
                           long *nhave, ss_diag *d)
{
    return db_read_points(st, &(db_points){npoints, noutputs, y, have, nhave}, d,
                          "SELECT sample, outputs FROM robust_samples WHERE study_id = ?", "I", study_id);
}

int ss_store_robust_sample(ss_store *st, int64_t study_id, long point, const double *values, int nvalues,
                           const double *outputs, int noutputs, ss_diag *d)
{
    ss_buf v = {0}, o = {0};
    db_numbers_json(&v, values, nvalues);
    db_numbers_json(&o, outputs, noutputs);
    int rc = db_run(st, "INSERT OR IGNORE INTO robust_samples(study_id, sample, vals, outputs) VALUES(?,?,?,?)", d,
                    "IItt", study_id, (int64_t)point, v.s, o.s);
    free(v.s);
    free(o.s);
    return rc;
}

static char *deciders_json(const ss_robust_row *row)
{
    json_t *a = json_array();
    for (int i = 0; i < row->ndecided; i++) {
        const ss_split *s = &row->decided[i];
        json_array_append_new(a, json_pack("{s:i,s:f,s:b,s:f}", "parameter", s->factor, "threshold", s->threshold, "above",
                                           s->above, "accuracy", s->accuracy));
    }
    char *text = json_dumps(a, JSON_COMPACT | JSON_REAL_PRECISION(17));
    json_decref(a);
    return text;
}

/* A compared row's robustness as stored, its deciders as JSON. */
typedef struct rows_row {
    const char *scope, *subject, *metric;
    int samples;
    double share_better, share_worse, share_unclear, diff_p05, diff_p50, diff_p95;
    char *decided_by;
} rows_row;

#define AT(field) STUDY_AT(rows_row, field)
static const study_columns rows_columns = {
    "scope, subject, metric, samples, share_better, share_worse, share_unclear, diff_p05, diff_p50, diff_p95, decided_by",
    "tttirrrrrrt", {AT(scope), AT(subject), AT(metric), AT(samples), AT(share_better), AT(share_worse), AT(share_unclear),
                    AT(diff_p05), AT(diff_p50), AT(diff_p95), AT(decided_by)}};
#undef AT

static int insert_rows(ss_store *st, int64_t id, const ss_robust_result *r, ss_diag *d)
{
    rows_row *rows = xcalloc((size_t)r->nrows + 1, sizeof *rows);
    for (int i = 0; i < r->nrows; i++) {
        const ss_robust_row *x = &r->rows[i];
        rows[i] = (rows_row){x->scope, x->subject, x->metric, x->samples, x->share_better, x->share_worse,
                             x->share_unclear, x->diff_p05, x->diff_p50, x->diff_p95, deciders_json(x)};
    }
    int rc = store_study_write(st, "INSERT OR REPLACE", id, &STUDY_ROWS("robust_rows", &rows_columns, rows, r->nrows), d);
    for (int i = 0; i < r->nrows; i++) free(rows[i].decided_by);
    free(rows);
    return rc;
}

int ss_store_robust_finish(ss_store *st, const char *study_key, const ss_robust_result *r, int64_t comparison_id,
                           int64_t option_run, ss_diag *d)
{
    if (db_begin(st, d) < 0) return -1;
    int64_t study_id;
    int found = db_lookup(st, "SELECT study_id FROM robust_studies WHERE study_key = ?", &study_id, d, "t", study_key);
    if (found <= 0) {
        if (found == 0) ss_fail(d, "%s: the robust comparison's study is not in the file", st->path);
        return db_rollback(st);
    }
    int rc = db_run(st, "UPDATE robust_studies SET comparison_id = ?, option_run = ? WHERE study_id = ?", d, "III",
                    comparison_id, option_run, study_id);
    if (rc < 0 || insert_rows(st, study_id, r, d) < 0) return db_rollback(st);
    return db_commit(st, d);
}

/* ---- reading back ----------------------------------------------------------------------------- */

static void read_param(sqlite3_stmt *s, void *ud)
{
    ss_robust_result *r = ud;
    r->params = xreallocarray(r->params, (size_t)r->nparams + 1, sizeof *r->params);
    ss_robust_param *p = memset(&r->params[r->nparams++], 0, sizeof *r->params);
    const char *dist = (const char *)sqlite3_column_text(s, 4);
    ss_ranged g = {.value = sqlite3_column_double(s, 5),
                   .range = {.dist = dist && strcmp(dist, "triangular") == 0 ? SS_RANGE_TRIANGULAR : SS_RANGE_UNIFORM,
                             .low = sqlite3_column_double(s, 6), .mode = sqlite3_column_double(s, 7),
                             .high = sqlite3_column_double(s, 8)}};
    snprintf(p->path, sizeof p->path, "%s", (const char *)sqlite3_column_text(s, 0));
    snprintf(g.path, sizeof g.path, "%s", p->path);
    snprintf(g.kind, sizeof g.kind, "%s", sqlite3_column_text(s, 1) ? (const char *)sqlite3_column_text(s, 1) : "");
    p->in_base = sqlite3_column_int(s, 2);
    p->in_option = sqlite3_column_int(s, 3);
    if (p->in_option) p->option = g;
    else p->base = g;
}

static int load_params(ss_store *st, int64_t id, ss_robust_result *r, ss_diag *d)
{
    return db_each_row(st, read_param, r, d, "SELECT name, kind, in_base, in_option, dist, value, low, mode, high FROM "
                       "robust_parameters WHERE study_id = ? ORDER BY parameter", "I", id);
}

static void read_deciders(const char *text, ss_robust_row *row, int nparams)
{
    json_error_t err;
    json_t *a = text ? json_loads(text, 0, &err) : NULL;
    for (size_t i = 0; json_is_array(a) && i < json_array_size(a) && row->ndecided < SS_ROBUST_MAX_DECIDERS; i++) {
        int param = -1, above = 0;
        double threshold = NAN, accuracy = NAN;
        if (json_unpack(json_array_get(a, i), "{s:i,s:F,s:b,s:F}", "parameter", &param, "threshold", &threshold, "above",
                        &above, "accuracy", &accuracy) == 0 && param >= 0 && param < nparams)
            row->decided[row->ndecided++] = (ss_split){param, threshold, above, accuracy};
    }
    json_decref(a);
}

static void read_row(sqlite3_stmt *s, void *ud)
{
    ss_robust_result *r = ud;
    const ss_metric_info *mi = ss_metric_find((const char *)sqlite3_column_text(s, 0), (const char *)sqlite3_column_text(s, 2));
    if (!mi) return;   /* a metric this engine does not know */
    r->rows = xreallocarray(r->rows, (size_t)r->nrows + 1, sizeof *r->rows);
    ss_robust_row *row = memset(&r->rows[r->nrows++], 0, sizeof *r->rows);
    row->scope = strcmp((const char *)sqlite3_column_text(s, 0), "service") == 0 ? "service" : "system";
    row->metric = mi->name;
    snprintf(row->subject, sizeof row->subject, "%s", (const char *)sqlite3_column_text(s, 1));
    row->samples = sqlite3_column_int(s, 3);
    double *figures[] = {&row->share_better, &row->share_worse, &row->share_unclear, &row->diff_p05, &row->diff_p50,
                         &row->diff_p95};   /* columns 4 to 9, as insert_rows writes them */
    for (int j = 0; j < 6; j++) *figures[j] = db_column_real(s, 4 + j);
    read_deciders((const char *)sqlite3_column_text(s, 10), row, r->nparams);
}

static int load_rows(ss_store *st, int64_t id, ss_robust_result *r, ss_diag *d)
{
    return db_each_row(st, read_row, r, d, "SELECT scope, subject, metric, samples, share_better, share_worse, "
                       "share_unclear, diff_p05, diff_p50, diff_p95, decided_by FROM robust_rows WHERE study_id = ? "
                       "ORDER BY rowid", "I", id);
}

static const char *design_name(const char *stored)
{
    static const char *const names[] = {"sobol", "latin", "ensemble"};
    for (size_t i = 0; stored && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(stored, names[i]) == 0) return names[i];
    return "sobol";
}

int ss_store_robust_load(ss_store *st, int64_t comparison_id, int64_t option_run, ss_robust_result *out, ss_diag *d)
{
    if (!db_table_exists(st, "main", "robust_studies")) return 0;
    sqlite3_stmt *s = db_prepare(st, "SELECT study_id, design, samples, study_key FROM robust_studies WHERE comparison_id = ? "
                                 "AND option_run = ? ORDER BY study_id DESC LIMIT 1", d);
    if (!s) return -1;
    sqlite3_bind_int64(s, 1, comparison_id);
    sqlite3_bind_int64(s, 2, option_run);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(s);
        return rc == SQLITE_DONE ? 0 : db_fail(st, d);
    }
    ss_robust_result r = {0};
    int64_t id = sqlite3_column_int64(s, 0);
    r.design = design_name((const char *)sqlite3_column_text(s, 1));
    r.npoints = sqlite3_column_int64(s, 2);
    snprintf(r.study_key, sizeof r.study_key, "%s", sqlite3_column_text(s, 3) ? (const char *)sqlite3_column_text(s, 3) : "");
    sqlite3_finalize(s);
    if (load_params(st, id, &r, d) < 0 || load_rows(st, id, &r, d) < 0) {
        ss_robust_result_free(&r);
        return -1;
    }
    *out = r;
    return 1;
}

/* ---- merging ---------------------------------------------------------------------------------- */

/* The attached file src's robust studies into main (see store_study_merge): their numbers, samples
 * and rows (the robustness found); then a study not yet part of a comparison here joins the one it
 * was part of there, through the comparisons and runs the merge carried (store_merge_comparisons). */
int store_merge_robust(ss_store *st, ss_diag *d)
{
    if (store_study_merge(st, &robust_kind, d) < 0) return -1;
    if (!db_table_exists(st, "src", "robust_studies")) return 0;
    return db_exec(st, "UPDATE main.robust_studies AS m SET comparison_id = c.dst, option_run = r.dst FROM src.robust_studies s"
                       " JOIN temp.merge_comparisons c ON c.src = s.comparison_id JOIN temp.merge_runs r ON r.src = s.option_run"
                       " WHERE s.study_key = m.study_key AND m.comparison_id IS NULL", d);
}
