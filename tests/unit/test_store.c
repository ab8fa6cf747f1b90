/* test_store: a database file under /tmp, written through the store and read back with plain
 * sqlite3 queries on a separate connection (what a user's `sqlite3 results.db` would see). */
#include "testing.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read.h"
#include "store.h"

enum { NSAMPLES = 3, METRICS_PER_REP = 2 * SS_SERVICE_METRICS + SS_SYSTEM_METRICS };

static const char *const ids[] = {"fph", "hs"};
static const char *const names[] = {"Forebyggende psykisk helse", "Helsestasjon Lørenskog"};
static const double fte[] = {6.5, 14.0};

static ss_run_info make_info(void)
{
    return (ss_run_info){
        .engine_version = "0.1.0", .scenario_name = "lorenskog", .scenario_path = "s.lua",
        .scenario_hash = "aa", .rules_hash = "bb", .resolved_text = "return {}",
        .command_line = "samsim run s.lua", .started_at = "2024-05-01T10:00:00Z", .seed = 7,
        .replications = 2, .horizon_days = 100, .warmup_days = 10, .sample_days = 30,
        .start_date = "2024-01-01", .nservices = 2, .service_ids = ids,
        .service_names = names, .service_fte = fte,
    };
}

/* Each test gets its own file (mkstemp), removed with its WAL side files.  SQLite treats the
 * empty file as a new database. */
static void remove_db(const char *path)
{
    char side[512];
    remove(path);
    snprintf(side, sizeof side, "%s-wal", path);
    remove(side);
    snprintf(side, sizeof side, "%s-shm", path);
    remove(side);
}

static int setup_path(void **state)
{
    char *path = malloc(256);
    assert_non_null(path);
    snprintf(path, 256, "/tmp/samsim_test_store_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    *state = path;
    return 0;
}

static int teardown_path(void **state)
{
    remove_db(*state);
    free(*state);
    return 0;
}

/* One integer from a query on a fresh connection. */
static long long query_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *s = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

static void query_text(const char *path, const char *sql, char *out, size_t n)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *s = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    const unsigned char *t = sqlite3_column_text(s, 0);
    snprintf(out, n, "%s", t ? (const char *)t : "(null)");
    sqlite3_finalize(s);
    sqlite3_close(db);
}

static void exec_sql(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

/* Replication rep: every metric set except one NaN per service, and a queue series. */
static void make_rep(ss_rep_result *r, int rep, double day_step)
{
    assert_int_equal(ss_rep_result_init(r, rep, 2, NSAMPLES), 0);
    r->events = 1000 + rep;
    for (int s = 0; s < 2; s++) {
        for (int m = 0; m < SS_SERVICE_METRICS; m++)
            ss_rep_service(r, s)[m] = 100 * s + m + rep;
        ss_rep_service(r, s)[SS_SM_WAIT_MAX] = NAN;
        for (int k = 0; k < NSAMPLES; k++) {
            r->series_queue[s * NSAMPLES + k] = k + s;
            r->series_caseload[s * NSAMPLES + k] = 2 * k;
        }
    }
    for (int k = 0; k < NSAMPLES; k++)
        r->series_day[k] = k * day_step;
    for (int m = 0; m < SS_SYSTEM_METRICS; m++)
        r->system[m] = m;
}

/* A complete run: header, two replications, summary.  Returns its id. */
static int64_t write_run(ss_store *st, const ss_run_info *info)
{
    ss_diag d = {{0}};
    int64_t run_id = -1;
    ss_rep_result reps[2];
    ss_summary sum;
    if (ss_store_begin_run(st, info, &run_id, &d))
        fail_msg("%s", d.msg);
    for (int i = 0; i < 2; i++) {
        make_rep(&reps[i], i, 30.0);
        if (ss_store_replication(st, run_id, &reps[i], info, &d))
            fail_msg("%s", d.msg);
    }
    assert_int_equal(ss_summary_build(&sum, reps, 2, 2, 0.95), 0);
    if (ss_store_finish_run(st, run_id, &sum, info, &d))
        fail_msg("%s", d.msg);
    ss_summary_free(&sum);
    for (int i = 0; i < 2; i++)
        ss_rep_result_free(&reps[i]);
    return run_id;
}

/* A new file with one complete run of two replications, closed again: what most tests start from. */
static int64_t store_one_run(const char *path)
{
    ss_diag d = {{0}};
    ss_store *st = ss_store_open(path, &d);
    if (!st)
        fail_msg("%s", d.msg);
    ss_run_info info = make_info();
    int64_t run = write_run(st, &info);
    ss_store_close(st);
    return run;
}

static long long count_rows(const char *path, const char *table, int64_t run_id)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE run_id = %lld", table,
             (long long)run_id);
    return query_int(path, sql);
}

/* ---- tests --------------------------------------------------------------------------------- */

static void schema_is_documented_and_idempotent(void **state)
{
    const char *path = *state;
    const char *schema = ss_store_schema();
    static const char *const tables[] = {"meta", "runs", "services", "replications", "metrics",
                                         "summary", "series_points", "flows", "wait_histogram", NULL};
    char needle[64];
    for (int i = 0; tables[i]; i++) {
        snprintf(needle, sizeof needle, "CREATE TABLE IF NOT EXISTS %s(", tables[i]);
        assert_contains(schema, needle);
    }
    assert_contains(schema, "PRIMARY KEY(run_id, rep, scope, subject, metric)");
    assert_contains(schema, "PRIMARY KEY(run_id, rep, service)) WITHOUT ROWID");
    assert_contains(schema, "CREATE VIEW IF NOT EXISTS series(run_id, rep, service, day, queue, caseload)");
    ss_diag d = {{0}};
    for (int i = 0; i < 3; i++) {  /* create, then reopen twice */
        ss_store *st = ss_store_open(path, &d);
        if (!st)
            fail_msg("%s", d.msg);
        ss_store_close(st);
    }
    assert_int_equal(query_int(path, "SELECT value FROM meta WHERE key = 'schema_version'"), 2);
    assert_int_equal(query_int(path, "SELECT count(*) FROM meta"), 1);
    char mode[32];
    ss_store *open_st = ss_store_open(path, &d);
    assert_non_null(open_st);
    query_text(path, "PRAGMA journal_mode", mode, sizeof mode);
    assert_string_equal(mode, "wal");  /* readers can look while a run writes */
    ss_store_close(open_st);
    query_text(path, "PRAGMA journal_mode", mode, sizeof mode);
    assert_string_equal(mode, "delete");  /* at rest, readable where nothing can be written */
    for (int i = 0; tables[i]; i++) {  /* each exists in the file */
        char sql[160];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'", tables[i]);
        if (query_int(path, sql) != 1)
            fail_msg("table %s is missing", tables[i]);
    }
    assert_int_equal(query_int(path, "SELECT count(*) FROM sqlite_master WHERE type = 'view' AND name = 'series'"), 1);
}

static void run_with_two_replications(void **state)
{
    const char *path = *state;
    int64_t run = store_one_run(path);

    char text[256];
    query_text(path, "SELECT status FROM runs", text, sizeof text);
    assert_string_equal(text, "complete");
    query_text(path, "SELECT finished_at FROM runs", text, sizeof text);
    assert_int_equal(strlen(text), 20);  /* 2024-05-01T10:00:00Z */
    query_text(path, "SELECT name FROM services WHERE service = 'hs'", text, sizeof text);
    assert_string_equal(text, "Helsestasjon Lørenskog");
    assert_int_equal(query_int(path, "SELECT seed FROM runs"), 7);
    assert_int_equal(count_rows(path, "runs", run), 1);
    assert_int_equal(count_rows(path, "services", run), 2);
    assert_int_equal(count_rows(path, "replications", run), 2);
    assert_int_equal(count_rows(path, "metrics", run), 2 * METRICS_PER_REP);
    assert_int_equal(count_rows(path, "series", run), 2 * 2 * NSAMPLES);
    assert_int_equal(count_rows(path, "summary", run), METRICS_PER_REP);
    assert_int_equal(query_int(path, "SELECT events FROM replications WHERE rep = 1"), 1001);
    /* NaN is stored as NULL, both per replication and in the summary */
    assert_int_equal(query_int(path, "SELECT count(*) FROM metrics WHERE value IS NULL"), 2 * 2);
    assert_int_equal(query_int(path, "SELECT count(*) FROM metrics WHERE metric = 'wait_max'"
                                     " AND value IS NOT NULL"), 0);
    assert_int_equal(query_int(path, "SELECT n FROM summary WHERE metric = 'wait_max'"
                                     " AND subject = 'fph'"), 0);
    assert_int_equal(query_int(path, "SELECT value FROM metrics WHERE rep = 1 AND scope = 'service'"
                                     " AND subject = 'hs' AND metric = 'arrivals'"), 101);
    assert_int_equal(query_int(path, "SELECT count(*) FROM metrics WHERE scope = 'system'"
                                     " AND subject = ''"), 2 * SS_SYSTEM_METRICS);
    assert_int_equal(query_int(path, "SELECT queue FROM series WHERE rep = 0 AND service = 'hs'"
                                     " AND day = 60"), 3);
    assert_int_equal(query_int(path, "SELECT n FROM summary WHERE scope = 'service'"
                                     " AND subject = 'hs' AND metric = 'arrivals'"), 2);
}

/* Discarding one run removes every row that belongs to it and nothing of another run. */
static void discard_removes_everything(void **state)
{
    const char *path = *state;
    ss_diag d = {{0}};
    ss_store *st = ss_store_open(path, &d);
    assert_non_null(st);
    ss_run_info info = make_info();
    int64_t keep = write_run(st, &info), drop = write_run(st, &info);
    assert_true(keep != drop);
    if (ss_store_discard_run(st, drop, &d))
        fail_msg("%s", d.msg);
    ss_store_close(st);
    static const char *const tables[] = {"runs", "services", "replications", "metrics",
                                         "summary", "series"};
    for (int i = 0; i < 6; i++) {
        assert_int_equal(count_rows(path, tables[i], drop), 0);
        assert_true(count_rows(path, tables[i], keep) > 0);
    }
    assert_int_equal(count_rows(path, "metrics", keep), 2 * METRICS_PER_REP);
}

/* A replication whose two services have one id breaks the primary key after its row and the
 * first service's metrics are written: the transaction must take all of them back. */
static void failed_replication_leaves_nothing(void **state)
{
    const char *path = *state;
    ss_diag d = {{0}};
    ss_store *st = ss_store_open(path, &d);
    assert_non_null(st);
    ss_run_info info = make_info();
    int64_t run = -1;
    ss_rep_result good, bad;
    assert_int_equal(ss_store_begin_run(st, &info, &run, &d), 0);
    make_rep(&good, 0, 30.0);
    assert_int_equal(ss_store_replication(st, run, &good, &info, &d), 0);
    make_rep(&bad, 1, 30.0);
    static const char *const twins[] = {"hs", "hs"};
    ss_run_info twin_info = info;
    twin_info.service_ids = twins;
    assert_int_equal(ss_store_replication(st, run, &bad, &twin_info, &d), -1);
    char want[300];
    snprintf(want, sizeof want, "%s: cannot write replication 1: UNIQUE constraint failed", path);
    assert_contains(d.msg, want);
    /* the connection is usable after the rollback */
    assert_int_equal(ss_store_replication(st, run, &good, &info, &d), -1);  /* rep 0 again */
    assert_contains(d.msg, "cannot write replication 0");
    assert_int_equal(ss_store_fail_run(st, run, "rule 'handoff' failed", &d), 0);
    ss_store_close(st);
    ss_rep_result_free(&good);
    ss_rep_result_free(&bad);

    assert_int_equal(count_rows(path, "replications", run), 1);
    assert_int_equal(query_int(path, "SELECT count(*) FROM metrics WHERE rep = 1"), 0);
    assert_int_equal(query_int(path, "SELECT count(*) FROM series WHERE rep = 1"), 0);
    assert_int_equal(query_int(path, "SELECT count(*) FROM series_points WHERE rep = 1"), 0);
    assert_int_equal(count_rows(path, "metrics", run), METRICS_PER_REP);
    char text[128];
    query_text(path, "SELECT status || ': ' || failure FROM runs", text, sizeof text);
    assert_string_equal(text, "failed: rule 'handoff' failed");
}

static void unknown_run_is_an_error(void **state)
{
    const char *path = *state;
    ss_diag d = {{0}};
    ss_store *st = ss_store_open(path, &d);
    assert_non_null(st);
    assert_int_equal(ss_store_fail_run(st, 99, "x", &d), -1);
    assert_contains(d.msg, "cannot mark run 99 as failed: no run 99");
    ss_rep_result r;
    ss_run_info info = make_info();
    make_rep(&r, 0, 30.0);
    assert_int_equal(ss_store_replication(st, 99, &r, &info, &d), -1);  /* foreign key */
    assert_contains(d.msg, "FOREIGN KEY constraint failed");
    ss_rep_result_free(&r);
    assert_int_equal(ss_store_discard_run(st, 99, &d), 0);  /* nothing to discard is fine */
    ss_store_close(st);
}

static void open_errors_name_the_file(void **state)
{
    const char *path = *state;
    ss_diag d = {{0}};
    assert_null(ss_store_open("/nonexistent-dir/results.db", &d));
    assert_contains(d.msg, "/nonexistent-dir/results.db: cannot open: ");

    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("this is not a database, just text that happens to be long enough to matter\n", f);
    for (int i = 0; i < 100; i++)
        fputs("padding padding padding padding padding padding padding padding\n", f);
    fclose(f);
    assert_null(ss_store_open(path, &d));
    char want[300];
    snprintf(want, sizeof want, "%s: cannot open: file is not a database", path);
    assert_contains(d.msg, want);
}

static void newer_schema_is_refused(void **state)
{
    const char *path = *state;
    ss_diag d = {{0}};
    ss_store *st = ss_store_open(path, &d);
    assert_non_null(st);
    ss_store_close(st);
    exec_sql(path, "UPDATE meta SET value = '3' WHERE key = 'schema_version'");
    assert_null(ss_store_open(path, &d));
    assert_contains(d.msg, "cannot open: schema version 3, but this samsim reads version 2");
}

static bool same_bits(const double *a, const double *b, long n)
{
    return memcmp(a, b, (size_t)n * sizeof *a) == 0;
}

/* The series are packed as JSON text (series_points) and the empty wait bins left out: what the
 * report reads back is the same doubles, bit for bit, and the view shows a row per point. */
static void series_read_back_exactly(void **state)
{
    const char *path = *state;
    ss_diag d = {{0}};
    ss_store *st = ss_store_open(path, &d);
    assert_non_null(st);
    ss_run_info info = make_info();
    int64_t run = -1;
    ss_rep_result r;
    assert_int_equal(ss_store_begin_run(st, &info, &run, &d), 0);
    make_rep(&r, 0, 0.1);  /* days 0, 0.1, 0.2: not integers */
    const double odd[] = {1.0 / 3, -0.0, NAN, 1e300, -7, 9007199254740993.0, 4.9e-324, 0.1 + 0.2, 0.5, -1e-5};
    for (int k = 0; k < 2 * NSAMPLES; k++) {
        r.series_queue[k] = odd[k];
        r.series_caseload[k] = odd[(k + 4) % 10];
    }
    r.wait_hist[3] = 5;
    r.wait_hist[SS_WAIT_BINS + SS_WAIT_BINS - 1] = 2;
    assert_int_equal(ss_store_replication(st, run, &r, &info, &d), 0);
    ss_summary sum;
    assert_int_equal(ss_summary_build(&sum, &r, 1, 2, 0.95), 0);
    info.replications = 1;
    assert_int_equal(ss_store_finish_run(st, run, &sum, &info, &d), 0);
    ss_summary_free(&sum);
    ss_store_close(st);

    assert_int_equal(query_int(path, "SELECT count(*) FROM series_points"), 2);
    assert_int_equal(query_int(path, "SELECT count(*) FROM series"), 2 * NSAMPLES);
    assert_int_equal(query_int(path, "SELECT count(*) FROM series WHERE service = 'fph' AND queue IS NULL"), 1);
    assert_int_equal(query_int(path, "SELECT count(*) FROM wait_histogram"), 2);
    char text[64];
    query_text(path, "SELECT group_concat(day, ' ') FROM series WHERE service = 'hs'", text, sizeof text);
    assert_string_equal(text, "0.0 0.1 0.2");

    ss_results_db *db = ss_results_db_open(path, &d);
    assert_non_null(db);
    ss_stored_run back;
    if (ss_stored_run_load(db, run, SS_LOAD_ALL, &back, &d))
        fail_msg("%s", d.msg);
    assert_int_equal(back.nreps, 1);
    const ss_rep_result *x = &back.reps[0];
    assert_int_equal(x->nsamples, NSAMPLES);
    assert_true(same_bits(x->series_day, r.series_day, NSAMPLES));
    assert_true(same_bits(x->series_queue, r.series_queue, 2 * NSAMPLES));
    assert_true(same_bits(x->series_caseload, r.series_caseload, 2 * NSAMPLES));
    assert_true(same_bits(x->wait_hist, r.wait_hist, 2 * SS_WAIT_BINS));
    ss_stored_run_free(&back);
    ss_results_db_close(db);
    ss_rep_result_free(&r);
}

/* A packed series that is not what the store writes is an error naming the file and the run. */
static void bad_series_text_is_an_error(void **state)
{
    const char *path = *state;
    ss_diag d = {{0}};
    int64_t run = store_one_run(path);
    exec_sql(path, "UPDATE series_points SET points = '[[0,1]]' WHERE rep = 1 AND service = 'hs'");
    ss_results_db *db = ss_results_db_open(path, &d);
    assert_non_null(db);
    ss_stored_run back;
    assert_int_equal(ss_stored_run_load(db, run, SS_LOAD_SERIES, &back, &d), -1);
    char want[300];
    snprintf(want, sizeof want, "%s: cannot read the series: run %lld, replication 1: points are not a JSON array"
             " of [day, queue, caseload]", path, (long long)run);
    assert_contains(d.msg, want);
    ss_results_db_close(db);
}

/* A file as schema version 1 left it: the table series with a row per point, no series_points. */
static void make_version_1(const char *path)
{
    exec_sql(path,
        "CREATE TABLE points_v1 AS SELECT * FROM series; DROP VIEW series; DROP TABLE series_points;"
        " CREATE TABLE series(run_id INTEGER NOT NULL REFERENCES runs(run_id), rep INTEGER NOT NULL,"
        "  service TEXT NOT NULL, day REAL NOT NULL, queue REAL, caseload REAL,"
        "  PRIMARY KEY(run_id, rep, service, day)) WITHOUT ROWID;"
        " INSERT INTO series SELECT * FROM points_v1; DROP TABLE points_v1;"
        " UPDATE meta SET value = '1' WHERE key = 'schema_version'");
}

/* A file of version 1 is read as it is, and opened for writing it becomes version 2 with the same
 * points, so a batch an older samsim began can resume in it. */
static void version_1_is_read_and_upgraded(void **state)
{
    const char *path = *state;
    ss_diag d = {{0}};
    int64_t run = store_one_run(path);
    make_version_1(path);
    assert_int_equal(query_int(path, "SELECT count(*) FROM series"), 2 * 2 * NSAMPLES);

    ss_rep_result want;
    make_rep(&want, 1, 30.0);
    for (int round = 0; round < 2; round++) {  /* version 1 as it is, then upgraded */
        ss_results_db *db = ss_results_db_open(path, &d);
        assert_non_null(db);
        ss_stored_run back;
        if (ss_stored_run_load(db, run, SS_LOAD_SERIES, &back, &d))
            fail_msg("%s", d.msg);
        assert_int_equal(back.nreps, 2);
        assert_int_equal(back.reps[1].nsamples, NSAMPLES);
        assert_true(same_bits(back.reps[1].series_day, want.series_day, NSAMPLES));
        assert_true(same_bits(back.reps[1].series_queue, want.series_queue, 2 * NSAMPLES));
        assert_true(same_bits(back.reps[1].series_caseload, want.series_caseload, 2 * NSAMPLES));
        ss_stored_run_free(&back);
        ss_results_db_close(db);
        if (round == 0) {
            ss_store *st = ss_store_open(path, &d);
            if (!st)
                fail_msg("%s", d.msg);
            ss_store_close(st);
        }
    }
    ss_rep_result_free(&want);
    assert_int_equal(query_int(path, "SELECT value FROM meta WHERE key = 'schema_version'"), 2);
    assert_int_equal(query_int(path, "SELECT count(*) FROM sqlite_master WHERE type = 'view' AND name = 'series'"), 1);
    assert_int_equal(query_int(path, "SELECT count(*) FROM series_points"), 2 * 2);
    assert_int_equal(query_int(path, "SELECT count(*) FROM series"), 2 * 2 * NSAMPLES);
    assert_int_equal(query_int(path, "SELECT queue FROM series WHERE rep = 0 AND service = 'hs' AND day = 60"), 3);
}

static void count_call(void *ud)
{
    (*(int *)ud)++;
}

/* A batch or a merge claims the file: a second claim is refused or waits (here: an interrupt
 * already raised, so it gives up at once, having said it waits); a run does not claim; closing
 * gives the claim up. */
static void one_writer_claims_the_file(void **state)
{
    const char *path = *state;
    ss_diag d = {{0}};
    ss_store *first = ss_store_open_claimed(path, &(ss_claim){.wait = false}, &d);
    assert_non_null(first);
    assert_null(ss_store_open_claimed(path, &(ss_claim){.wait = false}, &d));
    assert_contains(d.msg, "another samsim batch or merge is writing it; try again when it is done");
    ss_stop_flag ctrl_c = 1;
    int waited = 0;
    ss_claim patient = {.wait = true, .interrupt = &ctrl_c, .waiting = count_call, .ud = &waited};
    assert_null(ss_store_open_claimed(path, &patient, &d));
    assert_string_equal(d.msg, "interrupted");
    assert_int_equal(waited, 1);
    ss_store *run = ss_store_open(path, &d);
    assert_non_null(run);
    ss_store_close(run);
    ss_store_close(first);
    ss_store *second = ss_store_open_claimed(path, &(ss_claim){.wait = false}, &d);
    assert_non_null(second);
    ss_store_close(second);
}

/* While a file is open for writing a reserve stands beside it, and goes with the close. */
static void a_reserve_stands_beside_an_open_file(void **state)
{
    const char *path = *state;
    char reserve[512];
    snprintf(reserve, sizeof reserve, "%s-reserve", path);
    ss_diag d = {{0}};
    ss_store *st = ss_store_open(path, &d);
    assert_non_null(st);
    FILE *f = fopen(reserve, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    assert_int_equal(ftell(f), 128 * 1024);
    fclose(f);
    ss_store_close(st);
    assert_int_equal(access(reserve, F_OK), -1);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup_path, teardown_path)
    const struct CMUnitTest tests[] = {
        T(schema_is_documented_and_idempotent),
        T(run_with_two_replications),
        T(discard_removes_everything),
        T(failed_replication_leaves_nothing),
        T(unknown_run_is_an_error),
        T(open_errors_name_the_file),
        T(newer_schema_is_refused),
        T(series_read_back_exactly),
        T(bad_series_text_is_an_error),
        T(version_1_is_read_and_upgraded),
        T(one_writer_claims_the_file),
        T(a_reserve_stands_beside_an_open_file),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
