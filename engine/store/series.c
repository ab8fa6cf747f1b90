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
#include <string.h>

#include <jansson.h>

/* Integers up to 2^53 are exact in a double and are written digit by digit (snprintf was most of
 * the time spent storing a series); -0 is left to "%.17g" so that its sign survives.  Writes at
 * most 24 characters at p; returns the end. */
static char *put_number(char *p, double v)
{
    if (!isfinite(v))
        return p + sprintf(p, "null");
    if (v != trunc(v) || fabs(v) > 9007199254740992.0 || (v == 0 && signbit(v)))
        return p + sprintf(p, "%.17g", v);
    char digits[20], *d = digits + sizeof digits;
    unsigned long long u = (unsigned long long)fabs(v);
    do {
        *--d = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *p++ = '-';
    size_t n = (size_t)(digits + sizeof digits - d);
    memcpy(p, d, n);
    return p + n;
}

/* [[day, queue, caseload], ...] of service i, a point at a time. */
static void pack(ss_buf *b, const ss_rep_result *r, int i)
{
    const double *queue = r->series_queue + (long)i * r->nsamples;
    const double *caseload = r->series_caseload + (long)i * r->nsamples;
    ss_buf_clear(b);
    ss_buf_add(b, "[", 1);
    for (int k = 0; k < r->nsamples; k++) {
        char point[96], *p = point;
        *p++ = '[';
        p = put_number(p, r->series_day[k]);
        *p++ = ',';
        p = put_number(p, queue[k]);
        *p++ = ',';
        p = put_number(p, caseload[k]);
        *p++ = ']';
        *p++ = k + 1 < r->nsamples ? ',' : ']';
        ss_buf_add(b, point, (size_t)(p - point));
    }
    if (r->nsamples == 0)
        ss_buf_add(b, "]", 1);
}

/* A run without samples has no rows, as it had none when a row was a point. */
int store_insert_series(ss_store *st, int64_t run_id, const ss_rep_result *r,
                        const ss_run_info *info, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare_kept(st, KEPT_SERIES,
        "INSERT INTO series_points(run_id, rep, service, points) VALUES(?,?,?,?)", d);
    if (!s)
        return -1;
    int rc = 0;
    for (int i = 0; i < r->nservices && r->nsamples > 0 && rc == 0; i++) {
        pack(&st->points, r, i);
        rc = db_row(st, s, d, "Iitt", run_id, r->rep, info->service_ids[i], ss_buf_text(&st->points));
    }
    return rc;
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
