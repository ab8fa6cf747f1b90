/* sensitivities: the sensitivity study tables (see sensitivities.h). */
#include "sensitivities.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "db.h"
#include "sbuf.h"

/* Made on first use: only sensitivity studies write them. */
static const char sensitivity_sql[] =
    "CREATE TABLE IF NOT EXISTS sensitivity_studies(\n"
    "  study_id INTEGER PRIMARY KEY,\n"
    "  study_key TEXT NOT NULL UNIQUE, -- SHA-256 over the scenario, rules and options: resuming finds it\n"
    "  scenario_path TEXT, scenario_hash TEXT, command_line TEXT, created_at TEXT,\n"
    "  method TEXT NOT NULL,          -- morris, sobol, morris+sobol\n"
    "  metrics TEXT NOT NULL,         -- names joined by ','\n"
    "  seed INTEGER, replications INTEGER, trajectories INTEGER, samples INTEGER);\n"
    "CREATE TABLE IF NOT EXISTS sensitivity_parameters(\n"
    "  study_id INTEGER NOT NULL REFERENCES sensitivity_studies(study_id),\n"
    "  parameter INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT, dist TEXT,\n"
    "  value REAL, low REAL, mode REAL, high REAL,\n"
    "  PRIMARY KEY(study_id, parameter));\n"
    "CREATE TABLE IF NOT EXISTS sensitivity_points(\n"
    "  study_id INTEGER NOT NULL REFERENCES sensitivity_studies(study_id),\n"
    "  stage TEXT NOT NULL, point INTEGER NOT NULL,\n"
    "  vals TEXT NOT NULL,            -- JSON: the varied numbers' values, in the stage's order\n"
    "  outputs TEXT NOT NULL,         -- JSON: each metric's mean over the replications\n"
    "  PRIMARY KEY(study_id, stage, point));\n"
    "CREATE TABLE IF NOT EXISTS sensitivity_indices(\n"
    "  study_id INTEGER NOT NULL REFERENCES sensitivity_studies(study_id),\n"
    "  metric TEXT NOT NULL, name TEXT NOT NULL,\n"
    "  mu_star REAL, sigma REAL, s1 REAL, s1_low REAL, s1_high REAL, st REAL, st_low REAL, st_high REAL,\n"
    "  PRIMARY KEY(study_id, metric, name));\n";

static int insert_study(ss_store *st, const ss_sens_study_row *row, int64_t *id, ss_diag *d)
{
    char now[32];
    db_now_utc(now, sizeof now);
    int rc = db_run(st, "INSERT INTO sensitivity_studies(scenario_path, scenario_hash, command_line, created_at, method, "
                    "metrics, seed, replications, trajectories, samples, study_key) VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                    d, "ttttttIiiit", row->scenario_path, row->scenario_hash, row->command_line, now, row->method,
                    row->metrics, (int64_t)row->seed, row->replications, row->trajectories, row->samples,
                    row->study_key);
    *id = sqlite3_last_insert_rowid(st->db);
    return rc;
}

static int insert_parameters(ss_store *st, int64_t id, const ss_sens_parameter_row *p, int n, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO sensitivity_parameters(study_id, parameter, name, kind, dist, "
                                 "value, low, mode, high) VALUES(?,?,?,?,?,?,?,?,?)", d);
    int rc = s ? 0 : -1;
    for (int i = 0; rc == 0 && i < n; i++)
        rc = db_row(st, s, d, "Iitttrrrr", id, p[i].index, p[i].name, p[i].kind, p[i].dist, p[i].value,
                    p[i].low, p[i].mode, p[i].high);
    sqlite3_finalize(s);
    return rc;
}

int ss_store_begin_sensitivity(ss_store *st, const ss_sens_study_row *row, const ss_sens_parameter_row *params,
                               int nparams, int64_t *study_id, bool *resumed, ss_diag *d)
{
    if (db_begin(st, d) < 0) return -1;
    if (db_exec(st, sensitivity_sql, d) < 0) return db_rollback(st);
    int found = db_lookup(st, "SELECT study_id FROM sensitivity_studies WHERE study_key = ?", study_id, d, "t",
                          row->study_key);
    *resumed = found == 1;
    if (found < 0 || (!found && (insert_study(st, row, study_id, d) < 0 ||
                                 insert_parameters(st, *study_id, params, nparams, d) < 0)))
        return db_rollback(st);
    return db_commit(st, d);
}

int ss_store_sensitivity_stored(ss_store *st, int64_t study_id, const char *stage, long npoints, int noutputs,
                                double *y, unsigned char *have, long *nhave, ss_diag *d)
{
    return db_read_points(st, &(db_points){npoints, noutputs, y, have, nhave}, d,
                          "SELECT point, outputs FROM sensitivity_points WHERE study_id = ? AND stage = ?", "It",
                          study_id, stage);
}

int ss_store_sensitivity_point(ss_store *st, int64_t study_id, const char *stage, long point, const double *values,
                               int nvalues, const double *outputs, int noutputs, ss_diag *d)
{
    ss_buf v = {0}, o = {0};
    db_numbers_json(&v, values, nvalues);
    db_numbers_json(&o, outputs, noutputs);
    int rc = db_run(st, "INSERT OR IGNORE INTO sensitivity_points(study_id, stage, point, vals, outputs) VALUES(?,?,?,?,?)",
                    d, "ItItt", study_id, stage, (int64_t)point, v.s, o.s);
    free(v.s);
    free(o.s);
    return rc;
}

int ss_store_sensitivity_indices(ss_store *st, int64_t study_id, const ss_sens_index_row *r, int n, ss_diag *d)
{
    if (db_begin(st, d) < 0) return -1;
    sqlite3_stmt *s = db_prepare(st, "INSERT OR REPLACE INTO sensitivity_indices(study_id, metric, name, mu_star, sigma, s1, "
                                 "s1_low, s1_high, st, st_low, st_high) VALUES(?,?,?,?,?,?,?,?,?,?,?)", d);
    int rc = s ? 0 : -1;
    for (int i = 0; rc == 0 && i < n; i++)
        rc = db_row(st, s, d, "Ittrrrrrrrr", study_id, r[i].metric, r[i].name, r[i].mu_star, r[i].sigma, r[i].s1,
                    r[i].s1_low, r[i].s1_high, r[i].st, r[i].st_low, r[i].st_high);
    sqlite3_finalize(s);
    if (rc < 0) return db_rollback(st);
    return db_commit(st, d);
}

/* ---- merging ---------------------------------------------------------------------------------- */

/* The attached file src's sensitivity studies into the main file: a study is the same in both when
 * its key is (ids differ); its points, parameters and indices are added where missing. */
int store_merge_sensitivity(ss_store *st, ss_diag *d)
{
    if (!db_table_exists(st, "src", "sensitivity_studies"))
        return 0;
    if (db_begin_deferred(st, d))
        return -1;
    static const char join[] = " JOIN src.sensitivity_studies ss ON ss.study_id = x.study_id"
                               " JOIN main.sensitivity_studies ms ON ms.study_key = ss.study_key";
    char sql[4096];
    snprintf(sql, sizeof sql,
        "INSERT OR IGNORE INTO main.sensitivity_studies(study_key, scenario_path, scenario_hash, command_line,"
        " created_at, method, metrics, seed, replications, trajectories, samples) SELECT study_key, scenario_path,"
        " scenario_hash, command_line, created_at, method, metrics, seed, replications, trajectories, samples"
        " FROM src.sensitivity_studies ORDER BY study_id;"
        "INSERT OR IGNORE INTO main.sensitivity_parameters(study_id, parameter, name, kind, dist, value, low, mode,"
        " high) SELECT ms.study_id, x.parameter, x.name, x.kind, x.dist, x.value, x.low, x.mode, x.high"
        " FROM src.sensitivity_parameters x%s;"
        "INSERT OR IGNORE INTO main.sensitivity_points(study_id, stage, point, vals, outputs)"
        " SELECT ms.study_id, x.stage, x.point, x.vals, x.outputs FROM src.sensitivity_points x%s;"
        "INSERT OR IGNORE INTO main.sensitivity_indices(study_id, metric, name, mu_star, sigma, s1, s1_low, s1_high,"
        " st, st_low, st_high) SELECT ms.study_id, x.metric, x.name, x.mu_star, x.sigma, x.s1, x.s1_low, x.s1_high,"
        " x.st, x.st_low, x.st_high FROM src.sensitivity_indices x%s;", join, join, join);
    if (db_exec(st, sensitivity_sql, d) || db_exec(st, sql, d))
        return db_rollback(st);
    return db_commit(st, d);
}
