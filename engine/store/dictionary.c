/* dictionary: the metrics' names, units, directions and descriptions, in the file beside the
 * figures (metric_info), so an analyst reading summary or metrics in SQLite, R or a spreadsheet
 * knows what each metric is and which way is better without the README.
 *
 * Written from the engine's metric tables (results.c) whenever a file is opened for writing, in
 * the transaction that creates the schema: a file always describes the metrics of the engine that
 * last wrote to it. */
#include "db.h"

static int write_scope(ss_store *st, sqlite3_stmt *s, const char *scope, const ss_metric_info *t, int n, ss_diag *d)
{
    int rc = 0;
    for (int m = 0; m < n && rc == 0; m++) {
        db_bind_text(s, 1, scope);
        db_bind_text(s, 2, t[m].name);
        db_bind_text(s, 3, t[m].label);
        db_bind_text(s, 4, t[m].unit);
        db_bind_text(s, 5, ss_better_name(t[m].better));
        db_bind_text(s, 6, t[m].doc);
        db_bind_text(s, 7, t[m].en);
        db_bind_text(s, 8, t[m].nb);
        rc = db_step(st, s, d);
    }
    return rc;
}

int store_write_dictionary(ss_store *st, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT OR REPLACE INTO metric_info(scope, metric, label, unit, better,"
                                     " description, label_en, label_nb) VALUES(?,?,?,?,?,?,?,?)", d);
    if (!s)
        return -1;
    int rc = write_scope(st, s, "service", ss_service_metric_info, SS_SERVICE_METRICS, d);
    if (rc == 0)
        rc = write_scope(st, s, "system", ss_system_metric_info, SS_SYSTEM_METRICS, d);
    sqlite3_finalize(s);
    return rc;
}
