/* series: a replication's time series, stored as one row per service with its points packed.
 *
 * A Lørenskog replication samples 16 services on 314 days: a row per point made the series 5,000
 * of its 6,000 rows and most of the time spent storing it.  Packed, the points of a service are
 * one JSON array of [day, queue, caseload] triples (series_points.points), which SQLite's own
 * json_each unpacks, so the view `series` still shows a row per point to analysts; the report and
 * compare read the packed text here (load) without going through the view.
 *
 * Every number is written so that reading it back gives the same double: integers (queue lengths,
 * caseloads and days usually are) as integers, anything else with 17 significant digits, and an
 * undefined value (NaN) as null. */
#include "series.h"

#include "db.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "xalloc.h"

/* Integers up to 2^53 are exact in a double and are written digit by digit (snprintf was most of
 * the time spent storing a series); -0 is left to "%.17g" so that its sign survives.  Writes at
 * most 24 characters at p; returns the end. */
static char *put_number(char *p, double v)
{
    if (!isfinite(v))
        return p + sprintf(p, "null");
    long long i = fabs(v) <= 9007199254740992.0 ? (long long)v : 0;
    if ((double)i != v || (v == 0 && signbit(v)))
        return p + sprintf(p, "%.17g", v);
    if (i < 0) {
        *p++ = '-';
        i = -i;
    }
    int n = 1;
    for (long long rest = i / 10; rest; rest /= 10)
        n++;
    for (char *d = p + n; d > p; i /= 10)
        *--d = (char)('0' + i % 10);
    return p + n;
}

/* [[day, queue, caseload], ...] of n points, a point at a time. */
static void pack(ss_buf *b, const double *day, const double *queue, const double *caseload, int n)
{
    ss_buf_clear(b);
    ss_buf_add(b, "[", 1);
    for (int k = 0; k < n; k++) {
        char point[96], *p = point;
        *p++ = '[';
        p = put_number(p, day[k]);
        *p++ = ',';
        p = put_number(p, queue[k]);
        *p++ = ',';
        p = put_number(p, caseload[k]);
        *p++ = ']';
        *p++ = k + 1 < n ? ',' : ']';
        ss_buf_add(b, point, (size_t)(p - point));
    }
    if (n == 0)
        ss_buf_add(b, "]", 1);
}

static int insert_points(ss_store *st, int64_t run_id, int rep, const char *service, const double *day,
                         const double *queue, const double *caseload, int n, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare_kept(st, KEPT_SERIES,
        "INSERT INTO series_points(run_id, rep, service, points) VALUES(?,?,?,?)", d);
    if (!s)
        return -1;
    pack(&st->points, day, queue, caseload, n);
    return db_row(st, s, d, "Iitt", run_id, rep, service, ss_buf_text(&st->points));
}

/* A run without samples has no rows, as it had none when a row was a point. */
int store_insert_series(ss_store *st, int64_t run_id, const ss_rep_result *r,
                        const ss_run_info *info, ss_diag *d)
{
    int rc = 0;
    for (int i = 0; i < r->nservices && r->nsamples > 0 && rc == 0; i++) {
        long at = (long)i * r->nsamples;
        rc = insert_points(st, run_id, r->rep, info->service_ids[i], r->series_day, r->series_queue + at,
                           r->series_caseload + at, r->nsamples, d);
    }
    return rc;
}

/* ---- a file of schema version 1, where the table series had a row per point ----------------- */

/* The points of one (run, rep, service) as they are read, in order of day. */
typedef struct points_read {
    int64_t run_id;
    int rep, n, cap;
    char *service;
    double *day, *queue, *caseload;
} points_read;

static int flush_points(ss_store *st, points_read *p, ss_diag *d)
{
    int rc = p->n ? insert_points(st, p->run_id, p->rep, p->service, p->day, p->queue, p->caseload, p->n, d) : 0;
    p->n = 0;
    return rc;
}

/* Row s (run_id, rep, service, day, queue, caseload) into p, writing p's points first when the
 * row starts another series. */
static int add_point(ss_store *st, points_read *p, sqlite3_stmt *s, ss_diag *d)
{
    int64_t run_id = sqlite3_column_int64(s, 0);
    int rep = sqlite3_column_int(s, 1);
    const char *service = (const char *)sqlite3_column_text(s, 2);
    if (p->n && (run_id != p->run_id || rep != p->rep || strcmp(service, p->service) != 0) &&
        flush_points(st, p, d))
        return -1;
    if (p->n == 0) {
        free(p->service);
        p->service = xstrdup(service);
        p->run_id = run_id;
        p->rep = rep;
    }
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 256;
        p->day = xreallocarray(p->day, (size_t)p->cap, sizeof *p->day);
        p->queue = xreallocarray(p->queue, (size_t)p->cap, sizeof *p->queue);
        p->caseload = xreallocarray(p->caseload, (size_t)p->cap, sizeof *p->caseload);
    }
    p->day[p->n] = sqlite3_column_double(s, 3);
    p->queue[p->n] = sqlite3_column_type(s, 4) == SQLITE_NULL ? NAN : sqlite3_column_double(s, 4);
    p->caseload[p->n] = sqlite3_column_type(s, 5) == SQLITE_NULL ? NAN : sqlite3_column_double(s, 5);
    p->n++;
    return 0;
}

int store_upgrade_series(ss_store *st, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT run_id, rep, service, day, queue, caseload FROM main.series"
                                     " ORDER BY run_id, rep, service, day", d);
    if (!s)
        return -1;
    points_read p = {0};
    int rc = 0, step;
    while (rc == 0 && (step = sqlite3_step(s)) == SQLITE_ROW)
        rc = add_point(st, &p, s, d);
    if (rc == 0 && step != SQLITE_DONE)
        rc = db_fail(st, d);
    sqlite3_finalize(s);
    if (rc == 0)
        rc = flush_points(st, &p, d);
    free(p.service);
    free(p.day);
    free(p.queue);
    free(p.caseload);
    return rc ? -1 : db_exec(st, "DROP TABLE main.series", d);
}

/* A number of a point: JSON_DECODE_INT_AS_REAL reads every number with strtod, -0 included. */
static bool point_value(json_t *v, double *out)
{
    if (json_is_null(v)) {
        *out = NAN;
        return true;
    }
    if (!json_is_real(v))
        return false;
    *out = json_real_value(v);
    return true;
}

int store_unpack_series(const char *text, int nsamples, double *day, double *queue, double *caseload)
{
    json_error_t err;
    json_t *a = text ? json_loads(text, JSON_DECODE_INT_AS_REAL, &err) : NULL;
    if (!a || !json_is_array(a)) {
        json_decref(a);
        return -1;
    }
    int n = (int)json_array_size(a);
    bool ok = true;
    for (int k = 0; ok && k < n && k < nsamples; k++) {
        json_t *p = json_array_get(a, (size_t)k);
        ok = json_is_array(p) && json_array_size(p) == 3 && point_value(json_array_get(p, 0), &day[k]) &&
             point_value(json_array_get(p, 1), &queue[k]) && point_value(json_array_get(p, 2), &caseload[k]);
    }
    json_decref(a);
    return ok ? n : -1;
}
