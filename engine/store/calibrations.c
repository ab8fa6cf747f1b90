/* calibrations: the calibration tables (see calibrations.h). */
#include "calibrations.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "db.h"
#include "sbuf.h"
#include "study_store.h"

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

static const char *const calibration_merged[] = {"calibration_targets", "calibration_parameters",
                                                 "calibration_points", NULL};
static const study_kind calibration_kind = {calibration_sql, "calibration_studies", calibration_merged, ""};

#define AT(field) STUDY_AT(ss_calib_study_row, field)
static const study_columns studies_columns = {
    "study_key, scenario_path, scenario_hash, command_line, seed, replications, points_per_wave, waves, cutoff",
    "ttttUiiid", {AT(study_key), AT(scenario_path), AT(scenario_hash), AT(command_line), AT(seed), AT(replications),
                  AT(points_per_wave), AT(waves), AT(cutoff)}};
#undef AT
#define AT(field) STUDY_AT(ss_calib_target_row, field)
static const study_columns target_columns = {
    "target, what, metric, services, per_year, value, tolerance, source, from_date, to_date", "ttttbddttt",
    {AT(target), AT(what), AT(metric), AT(services), AT(per_year), AT(value), AT(tolerance), AT(source), AT(from), AT(to)}};
#undef AT
#define AT(field) STUDY_AT(ss_calib_parameter_row, field)
static const study_columns parameter_columns = {"parameter, name, kind, value, prior_low, prior_high", "ittrrr",
    {AT(index), AT(name), AT(kind), AT(value), AT(prior_low), AT(prior_high)}};
#undef AT
/* The fitted range and verdict of each parameter, by name (?5 in the UPDATE). */
#define AT(field) STUDY_AT(ss_calib_fit_row, field)
static const study_columns fit_columns = {"fit_low, fit_high, verdict, name", "rrtt",
                                          {AT(fit_low), AT(fit_high), AT(verdict), AT(name)}};
#undef AT

int ss_store_begin_calibration(ss_store *st, const ss_calib_study_row *row, const ss_calib_target_row *targets,
                               int ntargets, const ss_calib_parameter_row *params, int nparams, int64_t *study_id,
                               bool *resumed, ss_diag *d)
{
    const study_rows children[] = {STUDY_ROWS("calibration_targets", &target_columns, targets, ntargets),
                                   STUDY_ROWS("calibration_parameters", &parameter_columns, params, nparams)};
    return store_study_begin(st, &calibration_kind, row->study_key, &STUDY_ROWS("calibration_studies", &studies_columns, row, 1),
                             children, 2, study_id, resumed, d);
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

int ss_store_calibration_fit(ss_store *st, int64_t study_id, const ss_calib_fit_row *fit, int nparams, ss_diag *d)
{
    return store_study_rows(st, "UPDATE calibration_parameters SET fit_low = ?2, fit_high = ?3, verdict = ?4 "
                            "WHERE study_id = ?1 AND name = ?5", study_id,
                            &STUDY_ROWS("calibration_parameters", &fit_columns, fit, nparams), d);
}

/* The attached file src's calibrations into the main file (see store_study_merge). */
int store_merge_calibration(ss_store *st, ss_diag *d)
{
    return store_study_merge(st, &calibration_kind, d);
}
