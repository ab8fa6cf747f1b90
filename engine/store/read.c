/* read: a results database opened read-only, its runs loaded back (see read.h). */
#include "read.h"

#include <inttypes.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>

#include "luakeys.h"
#include "luatext.h"
#include "parse.h"
#include "sandbox.h"
#include "series.h"
#include "trend.h"
#include "xalloc.h"

/* ==== the results database ========================================================================= */

struct ss_results_db {
    sqlite3 *db;
    char *path;
};

const char *ss_results_db_path(const ss_results_db *db) { return db->path; }

static bool has_table(sqlite3 *db, const char *name, int *rc)
{
    sqlite3_stmt *s = NULL;
    *rc = sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", -1, &s, NULL);
    if (*rc != SQLITE_OK)
        return false;
    sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
    *rc = sqlite3_step(s);
    bool yes = *rc == SQLITE_ROW;
    if (*rc == SQLITE_ROW || *rc == SQLITE_DONE)
        *rc = SQLITE_OK;
    sqlite3_finalize(s);
    return yes;
}

/* A samsim results database is one with a runs table. */
static int check_runs_table(ss_results_db *db, ss_diag *d)
{
    sqlite3_busy_timeout(db->db, 10000);
    int rc;
    bool runs = has_table(db->db, "runs", &rc);
    if (rc != SQLITE_OK || !runs)
        return ss_fail(d, "%s: not a samsim results database (%s)", db->path,
                       rc != SQLITE_OK ? sqlite3_errmsg(db->db) : "it has no runs table");
    return 0;
}

ss_results_db *ss_results_db_open(const char *path, ss_diag *d)
{
    struct stat stt;
    if (stat(path, &stt) != 0 || !S_ISREG(stt.st_mode)) {
        ss_fail(d, "%s: no such file (expected a results database from 'samsim run --db' or 'samsim compare --db')", path);
        return NULL;
    }
    ss_results_db *db = xcalloc(1, sizeof *db);
    db->path = xstrdup(path);
    int rc = sqlite3_open_v2(path, &db->db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
                 ? check_runs_table(db, d)
                 : ss_fail(d, "%s: cannot open: %s", path, db->db ? sqlite3_errmsg(db->db) : "out of memory");
    if (rc == 0)
        return db;
    ss_results_db_close(db);
    return NULL;
}

void ss_results_db_close(ss_results_db *db)
{
    if (!db)
        return;
    sqlite3_close(db->db);
    free(db->path);
    free(db);
}

static int db_fail(ss_results_db *db, ss_diag *d, const char *what)
{
    return ss_fail(d, "%s: cannot read %s: %s", db->path, what, sqlite3_errmsg(db->db));
}

static sqlite3_stmt *query(ss_results_db *db, const char *sql, int64_t run_id, ss_diag *d)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db->db, sql, -1, &s, NULL) != SQLITE_OK) {
        db_fail(db, d, "the results");
        return NULL;
    }
    if (sqlite3_bind_parameter_count(s) > 0)
        sqlite3_bind_int64(s, 1, run_id);
    return s;
}

static char *col_text(sqlite3_stmt *s, int i) { return xstrdup(sqlite3_column_text(s, i) ? (const char *)sqlite3_column_text(s, i) : ""); }

static double col_real(sqlite3_stmt *s, int i)
{
    return sqlite3_column_type(s, i) == SQLITE_NULL ? NAN : sqlite3_column_double(s, i);
}

/* Runs sql for run_id and hands each row to row(); what names the table in an error. */
static int each_row(ss_results_db *db, const char *sql, ss_stored_run *r, const char *what,
                    void (*row)(sqlite3_stmt *s, ss_stored_run *r, void *ud), void *ud, ss_diag *d)
{
    sqlite3_stmt *s = query(db, sql, r->run_id, d);
    if (!s)
        return -1;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        row(s, r, ud);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : db_fail(db, d, what);
}

/* "1, 2, 3" for a message that says which runs exist. */
static void list_runs(ss_results_db *db, char *out, size_t n)
{
    sqlite3_stmt *s = query(db, "SELECT group_concat(run_id, ', ') FROM (SELECT run_id FROM runs ORDER BY run_id)", 0, NULL);
    const char *t = s && sqlite3_step(s) == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : NULL;
    snprintf(out, n, "%s", t ? t : "");
    sqlite3_finalize(s);
}

int ss_results_find_runs(ss_results_db *db, const ss_run_info *model, bool any_replications, int64_t *run_ids,
                         int max, ss_diag *d)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db->db, "SELECT run_id FROM runs WHERE status = 'complete' AND scenario_hash = ? AND rules_hash = ?"
                           " AND engine_version = ? AND seed = ? AND (? OR replications = ?) ORDER BY run_id DESC LIMIT ?",
                           -1, &s, NULL) != SQLITE_OK)
        return db_fail(db, d, "the runs");
    sqlite3_bind_text(s, 1, model->scenario_hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, model->rules_hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, model->engine_version, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 4, (sqlite3_int64)model->seed);
    sqlite3_bind_int(s, 5, any_replications);
    sqlite3_bind_int(s, 6, model->replications);
    sqlite3_bind_int(s, 7, max);
    int rc, n = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) run_ids[n++] = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? n : db_fail(db, d, "the runs");
}

static int load_header(ss_results_db *db, int64_t run_id, ss_stored_run *r, ss_diag *d)
{
    sqlite3_stmt *s = query(db, "SELECT scenario_name, scenario_path, scenario_hash, rules_hash, engine_version, seed,"
                                " replications, horizon_days, warmup_days, start_date, command_line, started_at,"
                                " finished_at, status, failure, resolved_scenario FROM runs WHERE run_id = ?", run_id, d);
    if (!s)
        return -1;
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE)
            return db_fail(db, d, "the runs");
        char runs[512];
        list_runs(db, runs, sizeof runs);
        return ss_fail(d, "%s: no run %" PRId64 " (%s%s)", db->path, run_id, *runs ? "runs here: " : "the database has no runs", runs);
    }
    r->run_id = run_id;
    r->scenario_name = col_text(s, 0);
    r->scenario_path = col_text(s, 1);
    r->scenario_hash = col_text(s, 2);
    r->rules_hash = col_text(s, 3);
    r->engine_version = col_text(s, 4);
    r->seed = (uint64_t)sqlite3_column_int64(s, 5);
    r->replications = sqlite3_column_int(s, 6);
    r->horizon_days = col_real(s, 7);
    r->warmup_days = col_real(s, 8);
    r->start_date = col_text(s, 9);
    r->command_line = col_text(s, 10);
    r->started_at = col_text(s, 11);
    r->finished_at = col_text(s, 12);
    r->status = col_text(s, 13);
    char *failure = col_text(s, 14);
    r->resolved = col_text(s, 15);
    sqlite3_finalize(s);
    if (strcmp(r->status, "complete") != 0) {
        ss_fail(d, "%s: run %" PRId64 " is not complete (status '%s'%s%s): only complete runs can be compared",
                db->path, run_id, r->status, *failure ? ": " : "", failure);
        free(failure);
        return -1;
    }
    free(failure);
    return 0;
}

static void service_row(sqlite3_stmt *s, ss_stored_run *r, void *ud)
{
    int *cap = ud;
    if (r->nservices == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        r->ids = xreallocarray(r->ids, (size_t)*cap, sizeof *r->ids);
        r->names = xreallocarray(r->names, (size_t)*cap, sizeof *r->names);
        r->fte = xreallocarray(r->fte, (size_t)*cap, sizeof *r->fte);
    }
    r->ids[r->nservices] = col_text(s, 0);
    r->names[r->nservices] = col_text(s, 1);
    r->fte[r->nservices] = col_real(s, 2);
    r->nservices++;
}

static int load_services(ss_results_db *db, ss_stored_run *r, ss_diag *d)
{
    int cap = 0;
    return each_row(db, "SELECT service, name, fte FROM services WHERE run_id = ? ORDER BY rowid", r, "the services",
                    service_row, &cap, d);
}

static int service_of(const ss_stored_run *r, const char *id)
{
    if (!*id)
        return r->nservices;  /* '' in flows: outside the services */
    for (int i = 0; i < r->nservices; i++)
        if (strcmp(r->ids[i], id) == 0)
            return i;
    return -1;
}

static int rep_of(const ss_stored_run *r, int rep)
{
    for (int i = 0; i < r->nreps; i++)
        if (r->reps[i].rep == rep)
            return i;
    return -1;
}

static int metric_of(const char *scope, const char *name)
{
    bool service = strcmp(scope, "service") == 0;
    const ss_metric_info *t = service ? ss_service_metric_info : ss_system_metric_info;
    int n = service ? SS_SERVICE_METRICS : SS_SYSTEM_METRICS;
    for (int i = 0; i < n; i++)
        if (strcmp(t[i].name, name) == 0)
            return i;
    return -1;
}

/* The most points a series of the run has (every one has the same, one a sample day); a file of
 * schema version 1 kept a row per point in the table series. */
static int count_samples(ss_results_db *db, ss_stored_run *r, ss_diag *d)
{
    int rc;
    bool packed = has_table(db->db, "series_points", &rc);
    sqlite3_stmt *s = rc != SQLITE_OK ? NULL
                    : query(db, packed ? "SELECT ifnull(max(json_array_length(points)), 0) FROM series_points WHERE run_id = ?"
                                       : "SELECT COUNT(DISTINCT day) FROM series WHERE run_id = ?", r->run_id, d);
    int n = s && sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
    sqlite3_finalize(s);
    return n < 0 ? db_fail(db, d, "the series") : n;
}

typedef struct rep_loading {
    int cap, nsamples;
} rep_loading;

static void replication_row(sqlite3_stmt *s, ss_stored_run *r, void *ud)
{
    rep_loading *l = ud;
    if (r->nreps == l->cap)
        r->reps = xreallocarray(r->reps, (size_t)(l->cap = l->cap ? l->cap * 2 : 16), sizeof *r->reps);
    if (ss_rep_result_init(&r->reps[r->nreps], sqlite3_column_int(s, 0), r->nservices, l->nsamples) < 0)
        ss_out_of_memory(0);
    r->nreps++;
}

static int load_replications(ss_results_db *db, ss_stored_run *r, int nsamples, ss_diag *d)
{
    rep_loading l = {.nsamples = nsamples};
    return each_row(db, "SELECT rep FROM replications WHERE run_id = ? ORDER BY rep", r, "the replications",
                    replication_row, &l, d);
}

/* A metric a newer samsim wrote, or of a service this run lacks, is skipped, not an error. */
static void metric_row(sqlite3_stmt *s, ss_stored_run *r, void *ud)
{
    int i = rep_of(r, sqlite3_column_int(s, 0));
    const char *scope = (const char *)sqlite3_column_text(s, 1);
    int m = metric_of(scope, (const char *)sqlite3_column_text(s, 3));
    if (i < 0 || m < 0)
        return;
    if (strcmp(scope, "system") == 0) {
        r->reps[i].system[m] = col_real(s, 4);
        return;
    }
    int svc = service_of(r, (const char *)sqlite3_column_text(s, 2));
    if (svc >= 0 && svc < r->nservices)
        ss_rep_service(&r->reps[i], svc)[m] = col_real(s, 4);
}

static int load_metrics(ss_results_db *db, ss_stored_run *r, ss_diag *d)
{
    return each_row(db, "SELECT rep, scope, subject, metric, value FROM metrics WHERE run_id = ?", r, "the metrics",
                    metric_row, NULL, d);
}

/* One series_points row: a service's points of one replication (series.c packs them). */
static void series_row(sqlite3_stmt *s, ss_stored_run *r, void *ud)
{
    int *bad = ud;
    int i = rep_of(r, sqlite3_column_int(s, 0)), svc = service_of(r, (const char *)sqlite3_column_text(s, 1));
    if (i < 0 || svc < 0 || svc >= r->nservices)
        return;
    ss_rep_result *x = &r->reps[i];
    long at = (long)svc * x->nsamples;
    if (store_unpack_series((const char *)sqlite3_column_text(s, 2), x->nsamples, x->series_day,
                            x->series_queue + at, x->series_caseload + at) < 0 && !*bad)
        *bad = 1 + i;
}

/* A file of schema version 1 has a row per point in the table series, ordered here by (rep,
 * service, day), so the k-th row of a pair is sample k. */
typedef struct series_position {
    int last_i, last_svc, k;
} series_position;

static void point_row(sqlite3_stmt *s, ss_stored_run *r, void *ud)
{
    series_position *p = ud;
    int i = rep_of(r, sqlite3_column_int(s, 0)), svc = service_of(r, (const char *)sqlite3_column_text(s, 1));
    if (i < 0 || svc < 0 || svc >= r->nservices)
        return;
    p->k = i == p->last_i && svc == p->last_svc ? p->k + 1 : 0;
    p->last_i = i;
    p->last_svc = svc;
    ss_rep_result *x = &r->reps[i];
    if (p->k >= x->nsamples)
        return;
    x->series_day[p->k] = sqlite3_column_double(s, 2);
    x->series_queue[(long)svc * x->nsamples + p->k] = col_real(s, 3);
    x->series_caseload[(long)svc * x->nsamples + p->k] = col_real(s, 4);
}

static int load_series(ss_results_db *db, ss_stored_run *r, ss_diag *d)
{
    int rc;
    if (!has_table(db->db, "series_points", &rc)) {
        series_position p = {.last_i = -1, .last_svc = -1};
        return rc != SQLITE_OK ? db_fail(db, d, "the series")
                               : each_row(db, "SELECT rep, service, day, queue, caseload FROM series WHERE run_id = ?"
                                              " ORDER BY rep, service, day", r, "the series", point_row, &p, d);
    }
    int bad = 0;
    if (each_row(db, "SELECT rep, service, points FROM series_points WHERE run_id = ?", r, "the series",
                 series_row, &bad, d))
        return -1;
    if (bad)
        return ss_fail(d, "%s: cannot read the series: run %" PRId64 ", replication %d: points are not a JSON"
                          " array of [day, queue, caseload]", db->path, r->run_id, r->reps[bad - 1].rep);
    return 0;
}

static void flow_row(sqlite3_stmt *s, ss_stored_run *r, void *ud)
{
    int i = rep_of(r, sqlite3_column_int(s, 0));
    int from = service_of(r, (const char *)sqlite3_column_text(s, 1));
    int to = service_of(r, (const char *)sqlite3_column_text(s, 2));
    if (i >= 0 && from >= 0 && to >= 0)
        *ss_rep_flow(&r->reps[i], from, to) = sqlite3_column_double(s, 3);
}

static int load_flows(ss_results_db *db, ss_stored_run *r, ss_diag *d)
{
    return each_row(db, "SELECT rep, from_service, to_service, persons FROM flows WHERE run_id = ?", r, "the flows",
                    flow_row, NULL, d);
}

static void wait_row(sqlite3_stmt *s, ss_stored_run *r, void *ud)
{
    int i = rep_of(r, sqlite3_column_int(s, 0)), svc = service_of(r, (const char *)sqlite3_column_text(s, 1));
    int bin = (int)floor(sqlite3_column_double(s, 2) / SS_WAIT_BIN_DAYS + 0.5);
    if (i >= 0 && svc >= 0 && svc < r->nservices && bin >= 0 && bin < SS_WAIT_BINS)
        r->reps[i].wait_hist[(long)svc * SS_WAIT_BINS + bin] = sqlite3_column_double(s, 3);
}

static int load_waits(ss_results_db *db, ss_stored_run *r, ss_diag *d)
{
    return each_row(db, "SELECT rep, service, from_days, persons FROM wait_histogram WHERE run_id = ?", r,
                    "the wait histogram", wait_row, NULL, d);
}

/* cite(), assume(), effect() and calibrated() as the stored scenario text calls them: the value alone. */
static int first_argument(lua_State *L)
{
    lua_settop(L, 1);
    return 1;
}

/* The surges of the stored scenario (at index scenario) in force in part of the measured window,
 * named as a fresh run's study names them (study.c): from and to are dates as the scenario gives
 * them, "YYYY-MM-DD", which compare as text. */
static void stored_surges(lua_State *L, int scenario, ss_stored_run *r)
{
    char first[11], last[11];
    ss_trend_window(r->start_date, r->warmup_days, r->horizon_days, first, last);
    r->surges[0] = '\0';
    lua_pushliteral(L, "surges");
    if (!first[0] || lua_rawget(L, scenario) != LUA_TTABLE)                      /* surges */
        return;
    int top = lua_gettop(L);
    ss_lua_key *keys = NULL;
    int n = ss_lua_sorted_keys(L, top, NULL, &keys, NULL);
    for (int i = 0; i < n; i++) {
        if (keys[i].type != LUA_TSTRING) continue;
        lua_pushstring(L, keys[i].str);
        if (lua_rawget(L, top) == LUA_TTABLE) {                                   /* surges surge */
            lua_pushliteral(L, "from");
            lua_rawget(L, top + 1);                                               /* surges surge from */
            lua_pushliteral(L, "to");
            lua_rawget(L, top + 1);                                               /* surges surge from to */
            if (lua_type(L, top + 2) == LUA_TSTRING && lua_type(L, top + 3) == LUA_TSTRING &&
                strcmp(lua_tostring(L, top + 2), last) <= 0 && strcmp(lua_tostring(L, top + 3), first) >= 0) {
                size_t l = strlen(r->surges);
                snprintf(r->surges + l, sizeof r->surges - l, "%s%s", l ? ", " : "", keys[i].str);
            }
        }
        lua_settop(L, top);
    }
    free(keys);
}

/* From the stored resolved scenario (run in the sandbox): costs.nok_per_fte (0 when absent) and
 * the surges in force in the measured window. */
static void stored_scenario_facts(ss_stored_run *r)
{
    r->nok_per_fte = 0;
    r->surges[0] = '\0';
    if (!r->resolved) return;
    ss_diag d;
    ss_sandbox *sb = ss_sandbox_new(NULL, &d);
    if (!sb) return;
    lua_State *L = ss_sandbox_lua(sb);
    static const lua_CFunction bare[4] = {first_argument, first_argument, first_argument, first_argument};
    ss_lua_push_provenance_env(sb, bare);                /* env */
    if (ss_sandbox_load(sb, r->resolved, strlen(r->resolved), "stored scenario", lua_gettop(L), &d) == 0 &&
        ss_sandbox_call(sb, 0, 1, &d) == 0 && lua_istable(L, -1)) {  /* env scenario */
        int scenario = lua_gettop(L);
        /* raw: a stored text is data from a file, and its metamethods must not run here */
        if ((lua_pushliteral(L, "costs"), lua_rawget(L, scenario)) == LUA_TTABLE &&
            (lua_pushliteral(L, "nok_per_fte"), lua_rawget(L, -2)) == LUA_TNUMBER)
            r->nok_per_fte = lua_tonumber(L, -1);
        lua_settop(L, scenario);
        stored_surges(L, scenario, r);
    }
    ss_sandbox_free(sb);
}

int ss_stored_run_load(ss_results_db *db, int64_t run_id, unsigned what, ss_stored_run *r, ss_diag *d)
{
    memset(r, 0, sizeof *r);
    int nsamples = 0;
    int rc = load_header(db, run_id, r, d);
    if (rc == 0) rc = load_services(db, r, d);
    if (rc == 0 && (what & SS_LOAD_SERIES)) rc = (nsamples = count_samples(db, r, d)) < 0 ? -1 : 0;
    if (rc == 0) rc = load_replications(db, r, nsamples, d);
    if (rc == 0) rc = load_metrics(db, r, d);
    if (rc == 0 && (what & SS_LOAD_SERIES)) rc = load_series(db, r, d);
    if (rc == 0 && (what & SS_LOAD_FLOWS)) rc = load_flows(db, r, d);
    if (rc == 0 && (what & SS_LOAD_WAITS)) rc = load_waits(db, r, d);
    if (rc < 0) {
        ss_stored_run_free(r);
        return -1;
    }
    stored_scenario_facts(r);
    return 0;
}

void ss_stored_run_free(ss_stored_run *r)
{
    char **texts[] = {&r->scenario_name, &r->scenario_path, &r->scenario_hash, &r->rules_hash, &r->engine_version,
                      &r->start_date, &r->command_line, &r->started_at, &r->finished_at, &r->status, &r->resolved};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        free(*texts[i]);
    for (int i = 0; i < r->nservices; i++) {
        free(r->ids[i]);
        free(r->names[i]);
    }
    for (int i = 0; i < r->nreps; i++)
        ss_rep_result_free(&r->reps[i]);
    ss_free_all(r->reps, r->ids, r->names, r->fte);
    memset(r, 0, sizeof *r);
}

double ss_stored_run_fte(const ss_stored_run *r)
{
    double sum = 0.0;
    for (int i = 0; i < r->nservices; i++)
        if (isfinite(r->fte[i]))
            sum += r->fte[i];
    return sum;
}

/* ==== choosing the runs ============================================================================= */

static int parse_run_list(const char *runs, ss_run_choice *c, ss_diag *d)
{
    char copy[1024], *save = NULL;
    snprintf(copy, sizeof copy, "%s", runs);
    for (char *p = strtok_r(copy, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
        long v;
        if (!ss_parse_count(p, 1, INT32_MAX, &v))
            return ss_fail(d, "--runs: expected run numbers separated by commas, e.g. --runs 1,2, got '%s'", runs);
        for (int i = 0; i < c->n; i++)
            if (c->run_ids[i] == v)
                return ss_fail(d, "--runs: run %ld is listed twice", v);
        if (c->n == SS_REPORT_MAX_RUNS)
            return ss_fail(d, "--runs: at most %d runs fit in one report", SS_REPORT_MAX_RUNS);
        c->run_ids[c->n++] = v;
    }
    if (c->n == 0)
        return ss_fail(d, "--runs: expected run numbers separated by commas, e.g. --runs 1,2, got '%s'", runs);
    return 0;
}

/* The newest comparison: its base first, then its options in the order they were given. */
static int latest_comparison(ss_results_db *db, ss_run_choice *c, ss_diag *d)
{
    sqlite3_stmt *s = query(db, "SELECT comparison_id, base_run, base_model, option_run, option_model, command_line"
                                " FROM comparisons WHERE comparison_id = (SELECT MAX(comparison_id) FROM comparisons)"
                                " ORDER BY rowid", 0, d);
    if (!s)
        return -1;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && c->n < SS_REPORT_MAX_RUNS) {
        if (c->n == 0) {
            c->comparison_id = sqlite3_column_int64(s, 0);
            c->run_ids[0] = sqlite3_column_int64(s, 1);
            snprintf(c->models[0], sizeof c->models[0], "%s", sqlite3_column_text(s, 2) ? (const char *)sqlite3_column_text(s, 2) : "");
            snprintf(c->command_line, sizeof c->command_line, "%s", sqlite3_column_text(s, 5) ? (const char *)sqlite3_column_text(s, 5) : "");
            c->n = 1;
        }
        c->run_ids[c->n] = sqlite3_column_int64(s, 3);
        snprintf(c->models[c->n], sizeof c->models[0], "%s", sqlite3_column_text(s, 4) ? (const char *)sqlite3_column_text(s, 4) : "");
        c->n++;
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : db_fail(db, d, "the comparisons");
}

static int complete_runs(ss_results_db *db, ss_run_choice *c, ss_diag *d)
{
    sqlite3_stmt *s = query(db, "SELECT run_id FROM runs WHERE status = 'complete' ORDER BY run_id", 0, d);
    if (!s)
        return -1;
    int rc, total = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (c->n < SS_REPORT_MAX_RUNS)
            c->run_ids[c->n++] = sqlite3_column_int64(s, 0);
        total++;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return db_fail(db, d, "the runs");
    if (total == 0)
        return ss_fail(d, "%s: no complete runs to report (store some with 'samsim compare BASE OPTION --db %s')", db->path, db->path);
    if (total > SS_REPORT_MAX_RUNS)
        return ss_fail(d, "%s: %d complete runs and no comparison: choose up to %d with --runs, e.g. --runs 1,2",
                       db->path, total, SS_REPORT_MAX_RUNS);
    return 0;
}

int ss_results_choose_runs(ss_results_db *db, const char *runs, ss_run_choice *c, ss_diag *d)
{
    memset(c, 0, sizeof *c);
    if (runs)
        return parse_run_list(runs, c, d);
    int rc;
    if (has_table(db->db, "comparisons", &rc) && rc == SQLITE_OK) {
        if (latest_comparison(db, c, d) < 0)
            return -1;
        if (c->n > 0)
            return 0;
    }
    return complete_runs(db, c, d);
}

