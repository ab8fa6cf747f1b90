/* sensitivities: the sensitivity study tables (see sensitivities.h). */
#include "sensitivities.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "db.h"
#include "sbuf.h"
#include "study_store.h"

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

static const char *const sensitivity_merged[] = {"sensitivity_parameters", "sensitivity_points", "sensitivity_indices",
                                                 NULL};
static const study_kind sensitivity_kind = {sensitivity_sql, "sensitivity_studies", sensitivity_merged, ""};

#define AT(field) STUDY_AT(ss_sens_study_row, field)
static const study_columns studies_columns = {
    "study_key, scenario_path, scenario_hash, command_line, method, metrics, seed, replications, trajectories, samples",
    "ttttttUiii", {AT(study_key), AT(scenario_path), AT(scenario_hash), AT(command_line), AT(method), AT(metrics),
                   AT(seed), AT(replications), AT(trajectories), AT(samples)}};
#undef AT
#define AT(field) STUDY_AT(ss_sens_parameter_row, field)
static const study_columns parameter_columns = {"parameter, name, kind, dist, value, low, mode, high", "itttrrrr",
    {AT(index), AT(name), AT(kind), AT(dist), AT(value), AT(low), AT(mode), AT(high)}};
#undef AT
#define AT(field) STUDY_AT(ss_sens_index_row, field)
static const study_columns index_columns = {"metric, name, mu_star, sigma, s1, s1_low, s1_high, st, st_low, st_high",
    "ttrrrrrrrr", {AT(metric), AT(name), AT(mu_star), AT(sigma), AT(s1), AT(s1_low), AT(s1_high), AT(st), AT(st_low),
                   AT(st_high)}};
#undef AT

int ss_store_begin_sensitivity(ss_store *st, const ss_sens_study_row *row, const ss_sens_parameter_row *params,
                               int nparams, int64_t *study_id, bool *resumed, ss_diag *d)
{
    const study_rows children[] = {STUDY_ROWS("sensitivity_parameters", &parameter_columns, params, nparams)};
    return store_study_begin(st, &sensitivity_kind, row->study_key, &STUDY_ROWS("sensitivity_studies", &studies_columns, row, 1),
                             children, 1, study_id, resumed, d);
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
    return store_study_rows(st, "INSERT OR REPLACE", study_id, &STUDY_ROWS("sensitivity_indices", &index_columns, r, n), d);
}

/* The attached file src's sensitivity studies into the main file (see store_study_merge). */
int store_merge_sensitivity(ss_store *st, ss_diag *d)
{
    return store_study_merge(st, &sensitivity_kind, d);
}
