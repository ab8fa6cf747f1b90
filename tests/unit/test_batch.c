/* test_batch: plans, grids, and the promises of `samsim batch` — each run equals `samsim run`
 * bit for bit, a batch killed with SIGKILL resumes to the same results, shards merged equal the
 * unsharded batch, one run per grid point, and a bad plan is refused before anything is written.
 *
 * Plans are written to a temporary folder and name tests/fixtures/base.lua by its absolute
 * path, so the small two-service chain keeps every batch here well under a second. */
#include "testing.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "batch.h"
#include "runner.h"
#include "scenario.h"
#include "merge.h"
#include "store.h"
#include "study.h"

typedef struct fixture {
    char dir[256];
    char base[1024];   /* absolute path of tests/fixtures/base.lua */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    snprintf(f->dir, sizeof f->dir, "/tmp/samsim_test_batch_XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    char cwd[512];
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(f->base, sizeof f->base, "%s/tests/fixtures/base.lua", cwd);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

/* Write dir/name with the text, and return its path in out. */
static void write_file(const fixture *f, const char *name, const char *text, char *out, size_t n)
{
    snprintf(out, n, "%s/%s", f->dir, name);
    FILE *fp = fopen(out, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

/* A plan over base.lua: extra is pasted into the table (sweep, models, set ...). */
static void write_plan(const fixture *f, const char *name, int reps, const char *extra, char *out, size_t n)
{
    char text[4096];
    snprintf(text, sizeof text,
             "return {\n  scenarios = { \"%s\" },\n  replications = %d,\n  seed = 11,\n  output = \"out.db\",\n%s}\n",
             f->base, reps, extra);
    write_file(f, name, text, out, n);
}

static ss_plan *load_plan(const char *path)
{
    ss_diag d = {{0}};
    ss_plan *p = ss_plan_load(path, &d);
    if (!p)
        fail_msg("%s", d.msg);
    return p;
}

/* Run the plan (or one shard) into db; fails the test on any error. */
static void run_batch(const ss_plan *p, const char *db, int shard, int nshards, int jobs)
{
    ss_batch_opts o = {.jobs = jobs, .shard = shard, .nshards = nshards, .db = db, .command_line = "test"};
    ss_batch_result r;
    ss_batch_failure why;
    ss_diag d = {{0}};
    if (ss_batch_run(p, &o, &r, &d, &why))
        fail_msg("batch failed (%d): %s", (int)why, d.msg);
    ss_batch_result_free(&r);
}

static long long query_int(const char *db, const char *sql)
{
    sqlite3 *h = NULL;
    sqlite3_stmt *s = NULL;
    assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    if (sqlite3_prepare_v2(h, sql, -1, &s, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(h));
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(h);
    return v;
}

/* Every summary row of every batch run, keyed by run key, as exact bits: "key|scope|subject|
 * metric|hex(mean)|...|n" lines, sorted.  NULL prints as "null". */
static char *summary_bits(const char *db)
{
    sqlite3 *h = NULL;
    sqlite3_stmt *s = NULL;
    assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(h,
        "SELECT k.run_key, m.scope, m.subject, m.metric, m.mean, m.ci_low, m.ci_high, m.sd, m.n"
        " FROM summary m JOIN run_keys k USING(run_id) ORDER BY 1, 2, 3, 4", -1, &s, NULL), SQLITE_OK);
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    out[0] = '\0';
    while (sqlite3_step(s) == SQLITE_ROW) {
        if (cap - len < 1024) {
            cap *= 2;
            out = realloc(out, cap);
            assert_non_null(out);
        }
        len += (size_t)snprintf(out + len, cap - len, "%s|%s|%s|%s", sqlite3_column_text(s, 0),
                                sqlite3_column_text(s, 1), sqlite3_column_text(s, 2), sqlite3_column_text(s, 3));
        for (int c = 4; c < 8; c++) {
            double v = sqlite3_column_double(s, c);
            uint64_t bits;
            memcpy(&bits, &v, sizeof bits);
            if (sqlite3_column_type(s, c) == SQLITE_NULL) len += (size_t)snprintf(out + len, cap - len, "|null");
            else len += (size_t)snprintf(out + len, cap - len, "|%016llx", (unsigned long long)bits);
        }
        len += (size_t)snprintf(out + len, cap - len, "|%d\n", sqlite3_column_int(s, 8));
    }
    sqlite3_finalize(s);
    sqlite3_close(h);
    return out;
}

static void assert_same_results(const char *db_a, const char *db_b)
{
    char *a = summary_bits(db_a), *b = summary_bits(db_b);
    assert_true(strlen(a) > 0);
    if (strcmp(a, b) != 0)
        fail_msg("summaries differ between %s and %s", db_a, db_b);
    free(a);
    free(b);
}

/* ---- the plan ------------------------------------------------------------------------------- */

static void plan_errors_name_file_and_line_or_key(void **state)
{
    fixture *f = *state;
    static const struct { const char *text, *expect; } cases[] = {
        {"return {\n  replications = 10\n  output = 'x.db',\n}\n", "bad.lua:3: '}' expected (to close '{' at line 1) near 'output'"},
        {"local x\nreturn { scenarios = x.y }\n", "bad.lua:2: attempt to index a nil value (local 'x')"},
        {"return { replication = 3 }\n", "bad.lua: unknown key 'replication' (did you mean 'replications'?)"},
        {"return { scenarios = 'nothere.lua', replications = 2, output = 'x.db' }\n",
         "bad.lua: scenarios: cannot open '%s/nothere.lua' (No such file or directory)"},
        {"return { scenarios = { 'BASE' }, replications = 2.5, output = 'x.db' }\n",
         "bad.lua: replications: expected a whole number from 1 to 100000, got 2.5"},
        {"return { scenarios = 'BASE', replications = 2, output = 'x.db', sweep = { ['services.treat.fte'] = { 3, 4, 3 } } }\n",
         "bad.lua: sweep[\"services.treat.fte\"][3]: 3 is already value 1 of this list"},
        {"return { scenarios = 'BASE', replications = 2, output = 'x.db', sweep = { ['services.treat.fte'] = { from = 3, to = 1, step = 1 } } }\n",
         "bad.lua: sweep[\"services.treat.fte\"].to: expected a number >= from (3), got 1"},
        {"return { scenarios = 'BASE', replications = 2, output = 'x.db', sweep = { ['services.treat.fte'] = { {} } } }\n",
         "bad.lua: sweep[\"services.treat.fte\"][1]: expected a number, a string or true/false, got table"},
        {"return { scenarios = 'BASE', replications = 2, output = 'x.db', models = { {}, { 'nothere.lua' } } }\n",
         "bad.lua: models[2][1]: cannot open"},
        {"return { scenarios = 'BASE', replications = 2, output = 'x.db', models = { {}, { 'bad.lua' }, { 'bad.lua' } } }\n",
         "bad.lua: models[3]: the same overlays as models[2]; each model must differ"},
        {"return { scenarios = 'BASE', replications = 2, output = 'x.db', set = { ['services.treat.fte'] = 4 },"
         " sweep = { ['services.treat.fte'] = { 5 } } }\n",
         "bad.lua: sweep[\"services.treat.fte\"]: also given in set"},
        {"os.execute('true')\nreturn {}\n", "bad.lua:1: undeclared global 'os'"},
        {"return setmetatable({}, { __index = function(t, k)\n  error('no ' .. k) end })\n", "bad.lua:2: no name"},
        {"return setmetatable({}, { __index = function() while true do end end })\n",
         "bad.lua:1: instruction limit exceeded"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[2048], expect[2048], path[512], *at;
        snprintf(text, sizeof text, "%s", cases[i].text);
        while ((at = strstr(text, "BASE"))) {  /* the fixture's absolute path */
            char rest[2048];
            snprintf(rest, sizeof rest, "%s", at + 4);
            snprintf(at, sizeof text - (size_t)(at - text), "%s%s", f->base, rest);
        }
        write_file(f, "bad.lua", text, path, sizeof path);
        snprintf(expect, sizeof expect, cases[i].expect, f->dir);
        ss_diag d = {{0}};
        ss_plan *p = ss_plan_load(path, &d);
        assert_null(p);
        char want[2200];
        snprintf(want, sizeof want, "%s/%s", f->dir, expect);
        assert_contains(d.msg, want);
    }
}

static void ranges_and_lists_expand_in_order(void **state)
{
    fixture *f = *state;
    char path[512], overlay[512];
    write_file(f, "more.lua", "return { services = { intake = { episode = 3 } } }\n", overlay, sizeof overlay);
    write_plan(f, "grid.lua", 2,
               "  models = { {}, { 'more.lua' } },\n"
               "  sweep = { ['services.treat.fte'] = { from = 0.1, to = 0.5, step = 0.1 },\n"
               "            ['services.intake.fte'] = { 2, 3 } },\n"
               "  set = { ['calendar.horizon_days'] = 90 },\n", path, sizeof path);
    ss_plan *p = load_plan(path);
    assert_int_equal(ss_plan_npoints(p), 2 * 5 * 2);
    assert_int_equal(ss_plan_nparameters(p), 2);
    assert_string_equal(ss_plan_parameter(p, 0), "services.intake.fte");  /* sorted by name */
    assert_string_equal(ss_plan_parameter(p, 1), "services.treat.fte");
    static const char *const treat[] = {"0.1", "0.2", "0.3", "0.4", "0.5"};
    for (int i = 0; i < ss_plan_npoints(p); i++) {
        const ss_plan_point *pt = ss_plan_point_at(p, i);
        assert_int_equal(pt->index, i);
        assert_string_equal(pt->values[1].label, treat[i % 5]);  /* the last axis varies fastest */
        assert_string_equal(pt->values[0].label, (i / 5) % 2 ? "3" : "2");
        assert_string_equal(pt->model, i < 10 ? "baseline" : "more");
        assert_int_equal(pt->noverlays, i < 10 ? 0 : 1);
        assert_int_equal(pt->nsets, 3);
        assert_string_equal(pt->sets[0], "calendar.horizon_days=90");
    }
    assert_near(ss_plan_point_at(p, 2)->values[1].number, 0.3, 0);  /* no 0.30000000000000004 */
    char out[128];
    ss_batch_shard_output("x/out.db", 2, 5, out, sizeof out);
    assert_string_equal(out, "x/out.shard-2-of-5.db");
    ss_plan_free(p);
}

static void the_same_plan_has_the_same_key(void **state)
{
    fixture *f = *state;
    char a[512], b[512], c[512];
    write_plan(f, "a.lua", 3, "  sweep = { ['services.treat.fte'] = { 3, 4 } },\n", a, sizeof a);
    write_plan(f, "b.lua", 3, "  sweep = { ['services.treat.fte'] = { 3, 4 } },\n", b, sizeof b);
    write_plan(f, "c.lua", 3, "  sweep = { ['services.treat.fte'] = { 3, 5 } },\n", c, sizeof c);
    ss_plan *pa = load_plan(a), *pb = load_plan(b), *pc = load_plan(c);
    assert_string_equal(ss_plan_key(pa), ss_plan_key(pb));
    assert_true(strcmp(ss_plan_key(pa), ss_plan_key(pc)) != 0);
    ss_plan_free(pa);
    ss_plan_free(pb);
    ss_plan_free(pc);
}

/* ---- running ---------------------------------------------------------------------------------- */

static void a_bad_point_is_refused_before_anything_is_written(void **state)
{
    fixture *f = *state;
    char path[512], db[512];
    write_plan(f, "neg.lua", 2, "  sweep = { ['services.treat.fte'] = { 3, 4, -1, 5 } },\n", path, sizeof path);
    snprintf(db, sizeof db, "%s/neg.db", f->dir);
    ss_plan *p = load_plan(path);
    ss_batch_opts o = {.jobs = 2, .db = db};
    ss_batch_result r;
    ss_batch_failure why;
    ss_diag d = {{0}};
    assert_int_equal(ss_batch_run(p, &o, &r, &d, &why), -1);
    assert_int_equal(why, SS_BATCH_MODEL);
    assert_contains(d.msg, "neg.lua: point 3 of 4 (");
    assert_contains(d.msg, "services.treat.fte=-1): --set: services.treat.fte: expected a number");
    assert_int_equal(access(db, F_OK), -1);  /* not even created */
    ss_batch_result_free(&r);
    ss_plan_free(p);
}

static void sweeps_give_one_run_per_point_and_no_duplicates(void **state)
{
    fixture *f = *state;
    char path[512], db[512], sql[256];
    write_plan(f, "sweep.lua", 3,
               "  sweep = { ['services.treat.fte'] = { 2, 3, 4 }, ['services.intake.fte'] = { 1, 2 } },\n",
               path, sizeof path);
    snprintf(db, sizeof db, "%s/sweep.db", f->dir);
    ss_plan *p = load_plan(path);
    run_batch(p, db, 0, 0, 2);
    run_batch(p, db, 0, 0, 1);  /* again: finds everything done */
    assert_int_equal(query_int(db, "SELECT count(*) FROM runs"), 6);
    assert_int_equal(query_int(db, "SELECT count(*) FROM runs WHERE status = 'complete'"), 6);
    assert_int_equal(query_int(db, "SELECT count(*) FROM replications"), 18);
    assert_int_equal(query_int(db, "SELECT count(*) FROM batches"), 1);
    assert_int_equal(query_int(db, "SELECT count(*) FROM batch_runs"), 6);
    assert_int_equal(query_int(db, "SELECT count(*) FROM batch_runs WHERE run_id <> point"), 0);  /* grid order, */
    assert_int_equal(query_int(db, "SELECT count(*) FROM replications WHERE rowid <> (run_id - 1) * 3 + rep + 1"), 0);  /* job order */
    assert_int_equal(query_int(db, "SELECT count(DISTINCT run_key) FROM run_keys"), 6);
    assert_int_equal(query_int(db, "SELECT count(*) FROM batch_values"), 12);
    /* point 4 is intake 2 (the slower axis, by name), treat 2 */
    snprintf(sql, sizeof sql, "SELECT value FROM batch_values WHERE point = 4 AND parameter = 'services.intake.fte'");
    assert_int_equal(query_int(db, sql), 2);
    assert_int_equal(query_int(db, "SELECT value FROM batch_values WHERE point = 4 AND parameter = 'services.treat.fte'"), 2);
    assert_int_equal(query_int(db, "SELECT s.fte FROM batch_runs b JOIN services s USING(run_id)"
                                   " WHERE b.point = 6 AND s.service = 'treat'"), 4);
    ss_plan_free(p);

    /* a wider plan on the same file reuses the runs it shares */
    write_plan(f, "sweep2.lua", 3,
               "  sweep = { ['services.treat.fte'] = { 2, 3, 4, 5 }, ['services.intake.fte'] = { 1, 2 } },\n",
               path, sizeof path);
    p = load_plan(path);
    run_batch(p, db, 0, 0, 2);
    assert_int_equal(query_int(db, "SELECT count(*) FROM runs"), 8);
    assert_int_equal(query_int(db, "SELECT count(*) FROM batches"), 2);
    ss_plan_free(p);
}

/* The summary a batch stores for a point is the one `samsim run` with the same --set and seed
 * computes, to the last bit. */
static void each_run_equals_samsim_run(void **state)
{
    fixture *f = *state;
    char path[512], db[512];
    write_plan(f, "eq.lua", 4, "  sweep = { ['services.treat.fte'] = { 2, 5 } },\n", path, sizeof path);
    snprintf(db, sizeof db, "%s/eq.db", f->dir);
    ss_plan *p = load_plan(path);
    run_batch(p, db, 0, 0, 2);
    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    for (int i = 0; i < ss_plan_npoints(p); i++) {
        const ss_plan_point *pt = ss_plan_point_at(p, i);
        ss_scenario_opts so = {.sets = pt->sets, .nsets = pt->nsets};
        ss_diag d = {{0}};
        ss_scenario *sc = ss_scenario_load(pt->scenario, &so, &d);
        assert_non_null(sc);
        ss_study st;
        ss_study_init(&st, sc, ss_plan_seed(p), ss_plan_replications(p), "test");
        ss_study_opts opts = {.jobs = 1};
        int interrupted, io_error;
        assert_int_equal(ss_study_run(&st, &opts, &d, &interrupted, &io_error), 0);
        sqlite3_stmt *s = NULL;
        assert_int_equal(sqlite3_prepare_v2(h,
            "SELECT m.subject, m.metric, m.mean, m.ci_low, m.ci_high, m.sd, m.n FROM summary m"
            " JOIN batch_runs b USING(run_id) WHERE b.point = ? AND m.scope = 'service'", -1, &s, NULL), SQLITE_OK);
        sqlite3_bind_int(s, 1, i + 1);
        int rows = 0;
        while (sqlite3_step(s) == SQLITE_ROW) {
            const char *subject = (const char *)sqlite3_column_text(s, 0);
            const char *metric = (const char *)sqlite3_column_text(s, 1);
            int sv = -1, mv = -1;
            for (int k = 0; k < st.info.nservices; k++)
                if (strcmp(st.info.service_ids[k], subject) == 0) sv = k;
            for (int k = 0; k < SS_SERVICE_METRICS; k++)
                if (strcmp(ss_service_metric_info[k].name, metric) == 0) mv = k;
            assert_true(sv >= 0 && mv >= 0);
            const ss_estimate *e = &st.summary.service[(long)sv * SS_SERVICE_METRICS + mv];
            const double mem[] = {e->mean, e->ci_low, e->ci_high, e->sd};
            for (int c = 0; c < 4; c++) {
                if (sqlite3_column_type(s, 2 + c) == SQLITE_NULL) {
                    assert_true(isnan(mem[c]));
                    continue;
                }
                double stored = sqlite3_column_double(s, 2 + c);
                if (memcmp(&stored, &mem[c], sizeof stored) != 0)
                    fail_msg("point %d %s.%s column %d: batch %.17g, run %.17g", i + 1, subject, metric, c, stored, mem[c]);
            }
            assert_int_equal(sqlite3_column_int(s, 6), e->n);
            rows++;
        }
        assert_int_equal(rows, st.info.nservices * SS_SERVICE_METRICS);
        sqlite3_finalize(s);
        ss_study_fini(&st);
        ss_scenario_free(sc);
    }
    sqlite3_close(h);
    ss_plan_free(p);
}

/* ---- killed and resumed ----------------------------------------------------------------------- */

typedef struct killer {
    long after;  /* replications written in this process */
    long seen;
} killer;

/* SIGKILL from inside, at an exact point: after the n-th replication's commit (and, when that was
 * a run's last replication, before its summary). */
static void kill_after(void *ud, const ss_batch_progress *p)
{
    killer *k = ud;
    if (p->kind == SS_BATCH_REPLICATION && ++k->seen == k->after)
        raise(SIGKILL);
}

static void run_and_kill(const ss_plan *p, const char *db, long after, int jobs)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        killer k = {.after = after};
        ss_batch_opts o = {.jobs = jobs, .db = db, .progress = kill_after, .progress_ud = &k};
        ss_batch_result r;
        ss_batch_failure why;
        ss_diag d;
        ss_batch_run(p, &o, &r, &d, &why);
        _exit(0);  /* not killed: the batch had fewer replications than `after` */
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

/* What a killed process may leave: whole replications only (base.lua has two services). */
static void assert_no_partial_rows(const char *db)
{
    char sql[512];
    assert_int_equal(query_int(db, "SELECT count(*) FROM metrics m WHERE NOT EXISTS (SELECT 1 FROM replications r"
                                   " WHERE r.run_id = m.run_id AND r.rep = m.rep)"), 0);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM replications r WHERE (SELECT count(*) FROM metrics m"
                              " WHERE m.run_id = r.run_id AND m.rep = r.rep) <> %d",
             2 * SS_SERVICE_METRICS + SS_SYSTEM_METRICS);
    assert_int_equal(query_int(db, sql), 0);
    assert_int_equal(query_int(db, "SELECT count(*) FROM series s WHERE NOT EXISTS (SELECT 1 FROM replications r"
                                   " WHERE r.run_id = s.run_id AND r.rep = s.rep)"), 0);
    assert_int_equal(query_int(db, "SELECT count(*) FROM runs r WHERE r.run_id NOT IN (SELECT run_id FROM run_keys)"), 0);
}

static void a_killed_batch_resumes_to_the_same_results(void **state)
{
    fixture *f = *state;
    char path[512], full[512], killed[512], overlay[512];
    write_file(f, "more.lua", "return { services = { intake = { episode = 3 } } }\n", overlay, sizeof overlay);
    write_plan(f, "kill.lua", 5, "  sweep = { ['services.treat.fte'] = { 2, 3, 4 } },\n"
                                 "  models = { {}, { 'more.lua' } },\n", path, sizeof path);
    snprintf(full, sizeof full, "%s/full.db", f->dir);
    ss_plan *p = load_plan(path);
    run_batch(p, full, 0, 0, 2);
    /* after 1 (a run's first), 5 (a run's last: its summary not yet written), 13 (mid-run) */
    static const long points[] = {1, 5, 13};
    for (size_t i = 0; i < sizeof points / sizeof points[0]; i++) {
        snprintf(killed, sizeof killed, "%s/killed%zu.db", f->dir, i);
        run_and_kill(p, killed, points[i], 1);
        assert_int_equal(query_int(killed, "SELECT count(*) FROM replications"), points[i]);
        assert_no_partial_rows(killed);
        run_and_kill(p, killed, 3, 1);  /* killed again while resuming */
        assert_no_partial_rows(killed);
        run_batch(p, killed, 0, 0, 2);
        assert_int_equal(query_int(killed, "SELECT count(*) FROM runs"), 6);
        assert_int_equal(query_int(killed, "SELECT count(*) FROM replications"), 30);
        assert_int_equal(query_int(killed, "SELECT count(*) FROM runs WHERE status = 'complete'"), 6);
        assert_same_results(full, killed);
    }
    ss_plan_free(p);
}

/* ---- shards ------------------------------------------------------------------------------------ */

static void shards_merged_equal_the_unsharded_batch(void **state)
{
    fixture *f = *state;
    char path[512], full[512], merged[512], shard[3][512];
    write_plan(f, "shard.lua", 4, "  sweep = { ['services.treat.fte'] = { 2, 3, 4 } },\n", path, sizeof path);
    snprintf(full, sizeof full, "%s/full.db", f->dir);
    snprintf(merged, sizeof merged, "%s/merged.db", f->dir);
    ss_plan *p = load_plan(path);
    run_batch(p, full, 0, 0, 1);
    const char *inputs[3];
    for (int k = 0; k < 3; k++) {
        ss_batch_shard_output(ss_plan_output(p), k + 1, 3, shard[k], sizeof shard[k]);
        run_batch(p, shard[k], k + 1, 3, 2);
        inputs[k] = shard[k];
    }
    /* the shards split the jobs: disjoint, and together all of them */
    long total = 0;
    for (int k = 0; k < 3; k++)
        total += query_int(shard[k], "SELECT count(*) FROM replications");
    assert_int_equal(total, 12);
    assert_int_equal(query_int(shard[0], "SELECT count(*) FROM runs WHERE status = 'complete'"), 0);

    ss_merge_result r;
    ss_diag d = {{0}};
    if (ss_merge(merged, inputs, 2, &r, &d))  /* two shards first: runs stay incomplete */
        fail_msg("%s", d.msg);
    assert_int_equal(r.runs_incomplete, 3);
    assert_int_equal(r.runs_completed, 0);
    if (ss_merge(merged, inputs, 3, &r, &d))  /* then all: the first two again are no-ops */
        fail_msg("%s", d.msg);
    assert_int_equal(r.counts.reps_duplicate, 8);
    assert_int_equal(r.counts.reps_copied, 4);
    assert_int_equal(r.runs_completed, 3);
    assert_int_equal(r.runs_incomplete, 0);
    assert_int_equal(query_int(merged, "SELECT count(*) FROM runs"), 3);
    assert_int_equal(query_int(merged, "SELECT count(*) FROM batch_runs"), 3);
    assert_int_equal(query_int(merged, "SELECT count(*) FROM batches"), 1);
    assert_same_results(full, merged);
    for (const char *t = "series"; t; t = strcmp(t, "series") == 0 ? "flows" : strcmp(t, "flows") == 0 ? "wait_histogram" : NULL) {
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", t);
        assert_int_equal(query_int(full, sql), query_int(merged, sql));
    }

    /* the output itself, or a missing file, is refused before anything is written */
    const char *self[] = {merged};
    assert_int_equal(ss_merge(merged, self, 1, &r, &d), -1);
    assert_contains(d.msg, "is the output");
    char missing[512];
    snprintf(missing, sizeof missing, "%s/nothere.db", f->dir);
    const char *none[] = {missing};
    assert_int_equal(ss_merge(merged, none, 1, &r, &d), -1);
    assert_contains(d.msg, "nothere.db: cannot open");
    ss_plan_free(p);
}

/* A shard's file can be finished by running the whole plan on it. */
static void a_shard_file_completes_without_shards(void **state)
{
    fixture *f = *state;
    char path[512], full[512], part[512];
    write_plan(f, "part.lua", 3, "  sweep = { ['services.treat.fte'] = { 2, 3 } },\n", path, sizeof path);
    snprintf(full, sizeof full, "%s/full.db", f->dir);
    snprintf(part, sizeof part, "%s/part.db", f->dir);
    ss_plan *p = load_plan(path);
    run_batch(p, full, 0, 0, 2);
    run_batch(p, part, 2, 4, 2);
    run_batch(p, part, 0, 0, 2);
    assert_same_results(full, part);
    ss_plan_free(p);
}

typedef struct failing_recorder {
    int fail_at;      /* the replication whose recording fails */
    int recorded[8];  /* replications recorded, in order */
    int n;
} failing_recorder;

static int record_or_fail(void *ctx, const ss_rep_result *r, ss_diag *d)
{
    failing_recorder *fr = ctx;
    if (r->rep == fr->fail_at)
        return ss_fail(d, "disk full at replication %d", r->rep);
    fr->recorded[fr->n++] = r->rep;
    return 0;
}

/* The runner on the pool: replications reach the recorder in order on two threads, and a
 * recorder that fails stops the run with its own message and -2 (results lost, not wrong). */
static void the_runner_records_in_order_and_stops_on_a_failing_recorder(void **state)
{
    fixture *f = *state;
    ss_diag d;
    ss_scenario *sc = ss_scenario_load(f->base, &(ss_scenario_opts){0}, &d);
    if (!sc)
        fail_msg("%s", d.msg);
    ss_rep_result res[8];
    failing_recorder fr = {.fail_at = -1};
    ss_run_opts o = {.seed = 3, .reps = 8, .jobs = 2, .record = record_or_fail, .record_ctx = &fr};
    assert_int_equal(ss_run_replications(ss_scenario_model(sc), &o, res, &d), 0);
    assert_int_equal(fr.n, 8);
    for (int i = 0; i < 8; i++) {
        assert_int_equal(fr.recorded[i], i);
        ss_rep_result_free(&res[i]);
    }
    fr = (failing_recorder){.fail_at = 5};
    assert_int_equal(ss_run_replications(ss_scenario_model(sc), &o, res, &d), -2);
    assert_string_equal(d.msg, "disk full at replication 5");
    assert_int_equal(fr.n, 5);
    ss_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(plan_errors_name_file_and_line_or_key, setup, teardown),
        cmocka_unit_test_setup_teardown(the_runner_records_in_order_and_stops_on_a_failing_recorder, setup, teardown),
        cmocka_unit_test_setup_teardown(ranges_and_lists_expand_in_order, setup, teardown),
        cmocka_unit_test_setup_teardown(the_same_plan_has_the_same_key, setup, teardown),
        cmocka_unit_test_setup_teardown(a_bad_point_is_refused_before_anything_is_written, setup, teardown),
        cmocka_unit_test_setup_teardown(sweeps_give_one_run_per_point_and_no_duplicates, setup, teardown),
        cmocka_unit_test_setup_teardown(each_run_equals_samsim_run, setup, teardown),
        cmocka_unit_test_setup_teardown(a_killed_batch_resumes_to_the_same_results, setup, teardown),
        cmocka_unit_test_setup_teardown(shards_merged_equal_the_unsharded_batch, setup, teardown),
        cmocka_unit_test_setup_teardown(a_shard_file_completes_without_shards, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
