/* calibrations: the calibration tables (see calibrations.h). */
#include "calibrations.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "db.h"
#include "sbuf.h"

/* Made on first use: only calibrations write them. */
static const char calibration_sql[] =
    "CREATE TABLE IF NOT EXISTS calibration_studies(\n"
    "  study_id INTEGER PRIMARY KEY,\n"
    "  study_key TEXT NOT NULL UNIQUE, -- SHA-256 over the scenario, rules and options: resuming finds it\n"
    "  scenario_path TEXT, scenario_hash TEXT, command_line TEXT, created_at TEXT,\n"
    "  seed INTEGER, replications INTEGER, points_per_wave INTEGER, waves INTEGER,\n"
    "  cutoff REAL);                   -- a point is kept when its largest implausibility is below this\n"
    "CREATE TABLE IF NOT EXISTS calibration_targets(\n"
    "  study_id INTEGER NOT NULL REFERENCES calibration_studies(study_id),\n"
    "  target TEXT NOT NULL, what TEXT, metric TEXT, services TEXT, per_year INTEGER,\n"
    "  value REAL, tolerance REAL,    -- tolerance: a share of the value\n"
    "  source TEXT, from_date TEXT, to_date TEXT,\n"
    "  PRIMARY KEY(study_id, target));\n"
    "CREATE TABLE IF NOT EXISTS calibration_parameters(\n"
    "  study_id INTEGER NOT NULL REFERENCES calibration_studies(study_id),\n"
    "  parameter INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT,\n"
    "  value REAL, prior_low REAL, prior_high REAL,\n"
    "  fit_low REAL, fit_high REAL,   -- over the kept points, once the calibration is done\n"
    "  verdict TEXT,                  -- pinned down, narrowed, left free\n"
    "  PRIMARY KEY(study_id, parameter));\n"
    "CREATE TABLE IF NOT EXISTS calibration_points(\n"
    "  study_id INTEGER NOT NULL REFERENCES calibration_studies(study_id),\n"
    "  wave INTEGER NOT NULL, point INTEGER NOT NULL,\n"
    "  vals TEXT NOT NULL,            -- JSON: the fitted numbers' values, in parameter order\n"
    "  outputs TEXT NOT NULL,         -- JSON: each target's mean and variance over the replications\n"
    "  max_implausibility REAL, kept INTEGER,\n"
    "  PRIMARY KEY(study_id, wave, point));\n"
    "CREATE VIEW IF NOT EXISTS calibration_ensemble AS\n"
    "  SELECT study_id, wave, point, vals, max_implausibility FROM calibration_points WHERE kept = 1;\n";

static int insert_study(ss_store *st, const ss_calib_study_row *row, int64_t *id, ss_diag *d)
{
    char now[32];
    db_now_utc(now, sizeof now);
    int rc = db_run(st, "INSERT INTO calibration_studies(study_key, scenario_path, scenario_hash, command_line, "
                    "created_at, seed, replications, points_per_wave, waves, cutoff) VALUES(?,?,?,?,?,?,?,?,?,?)", d,
                    "tttttIiiid", row->study_key, row->scenario_path, row->scenario_hash, row->command_line, now,
                    (int64_t)row->seed, row->replications, row->points_per_wave, row->waves, row->cutoff);
    *id = sqlite3_last_insert_rowid(st->db);
    return rc;
}

static int insert_targets(ss_store *st, int64_t id, const ss_calib_target_row *t, int n, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO calibration_targets(study_id, target, what, metric, services, "
                                 "per_year, value, tolerance, source, from_date, to_date) VALUES(?,?,?,?,?,?,?,?,?,?,?)", d);
    int rc = s ? 0 : -1;
    for (int i = 0; rc == 0 && i < n; i++)
        rc = db_row(st, s, d, "Ittttiddttt", id, t[i].target, t[i].what, t[i].metric, t[i].services, (int)t[i].per_year,
                    t[i].value, t[i].tolerance, t[i].source, t[i].from, t[i].to);
    sqlite3_finalize(s);
    return rc;
}

static int insert_parameters(ss_store *st, int64_t id, const ss_calib_parameter_row *p, int n, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO calibration_parameters(study_id, parameter, name, kind, value, "
                                 "prior_low, prior_high) VALUES(?,?,?,?,?,?,?)", d);
    int rc = s ? 0 : -1;
    for (int i = 0; rc == 0 && i < n; i++)
        rc = db_row(st, s, d, "Iittrrr", id, p[i].index, p[i].name, p[i].kind, p[i].value, p[i].prior_low,
                    p[i].prior_high);
    sqlite3_finalize(s);
    return rc;
}

int ss_store_begin_calibration(ss_store *st, const ss_calib_study_row *row, const ss_calib_target_row *targets,
                               int ntargets, const ss_calib_parameter_row *params, int nparams, int64_t *study_id,
                               bool *resumed, ss_diag *d)
{
    if (db_begin(st, d) < 0) return -1;
    if (db_exec(st, calibration_sql, d) < 0) return db_rollback(st);
    int found = db_lookup(st, "SELECT study_id FROM calibration_studies WHERE study_key = ?", study_id, d, "t",
                          row->study_key);
    *resumed = found == 1;
    if (found < 0 || (!found && (insert_study(st, row, study_id, d) < 0 ||
                                 insert_targets(st, *study_id, targets, ntargets, d) < 0 ||
                                 insert_parameters(st, *study_id, params, nparams, d) < 0)))
        return db_rollback(st);
    return db_commit(st, d);
}

int ss_store_calibration_stored(ss_store *st, int64_t study_id, int wave, long npoints, int noutputs, double *y,
                                unsigned char *have, long *nhave, ss_diag *d)
{
    return db_read_points(st, &(db_points){npoints, noutputs, y, have, nhave}, d,
                          "SELECT point, outputs FROM calibration_points WHERE study_id = ? AND wave = ?", "Ii",
                          study_id, wave);
}

int ss_store_calibration_point(ss_store *st, int64_t study_id, int wave, long point, const double *values,
                               int nvalues, const double *outputs, int noutputs, double max_i, bool kept, ss_diag *d)
{
    ss_buf v = {0}, o = {0};
    db_numbers_json(&v, values, nvalues);
    db_numbers_json(&o, outputs, noutputs);
    int rc = db_run(st, "INSERT OR IGNORE INTO calibration_points(study_id, wave, point, vals, outputs, "
                    "max_implausibility, kept) VALUES(?,?,?,?,?,?,?)", d, "IiIttri", study_id, wave, (int64_t)point,
                    v.s, o.s, isfinite(max_i) ? max_i : NAN, (int)kept);
    free(v.s);
    free(o.s);
    return rc;
}

int ss_store_calibration_fit(ss_store *st, int64_t study_id, const char *const *names, const double *fit_low,
                             const double *fit_high, const char *const *verdicts, int nparams, ss_diag *d)
{
    if (db_begin(st, d) < 0) return -1;
    sqlite3_stmt *s = db_prepare(st, "UPDATE calibration_parameters SET fit_low = ?, fit_high = ?, verdict = ? "
                                 "WHERE study_id = ? AND name = ?", d);
    int rc = s ? 0 : -1;
    for (int i = 0; rc == 0 && i < nparams; i++)
        rc = db_row(st, s, d, "rrtIt", fit_low[i], fit_high[i], verdicts[i], study_id, names[i]);
    sqlite3_finalize(s);
    if (rc < 0) return db_rollback(st);
    return db_commit(st, d);
}

/* ---- merging ---------------------------------------------------------------------------------- */

/* The attached file src's calibrations into the main file: the same calibration when its key is
 * (ids differ); targets, parameters and points added where missing. */
int store_merge_calibration(ss_store *st, ss_diag *d)
{
    if (!db_table_exists(st, "src", "calibration_studies")) return 0;
    if (db_begin_deferred(st, d)) return -1;
    static const char join[] = " JOIN src.calibration_studies ss ON ss.study_id = x.study_id"
                               " JOIN main.calibration_studies ms ON ms.study_key = ss.study_key";
    char sql[4096];
    snprintf(sql, sizeof sql,
        "INSERT OR IGNORE INTO main.calibration_studies(study_key, scenario_path, scenario_hash, command_line,"
        " created_at, seed, replications, points_per_wave, waves, cutoff) SELECT study_key, scenario_path,"
        " scenario_hash, command_line, created_at, seed, replications, points_per_wave, waves, cutoff"
        " FROM src.calibration_studies ORDER BY study_id;"
        "INSERT OR IGNORE INTO main.calibration_targets(study_id, target, what, metric, services, per_year, value,"
        " tolerance, source, from_date, to_date) SELECT ms.study_id, x.target, x.what, x.metric, x.services,"
        " x.per_year, x.value, x.tolerance, x.source, x.from_date, x.to_date FROM src.calibration_targets x%s;"
        "INSERT OR IGNORE INTO main.calibration_parameters(study_id, parameter, name, kind, value, prior_low,"
        " prior_high, fit_low, fit_high, verdict) SELECT ms.study_id, x.parameter, x.name, x.kind, x.value,"
        " x.prior_low, x.prior_high, x.fit_low, x.fit_high, x.verdict FROM src.calibration_parameters x%s;"
        "INSERT OR IGNORE INTO main.calibration_points(study_id, wave, point, vals, outputs, max_implausibility,"
        " kept) SELECT ms.study_id, x.wave, x.point, x.vals, x.outputs, x.max_implausibility, x.kept"
        " FROM src.calibration_points x%s;", join, join, join);
    if (db_exec(st, calibration_sql, d) || db_exec(st, sql, d)) return db_rollback(st);
    return db_commit(st, d);
}
