/* merge: check every input, copy each in, then summarise the runs that became whole. */
#include "merge.h"

#include "db.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SUMMARY_LEVEL 0.95  /* as `samsim run` and `samsim batch` */

/* ---- copying one file in ------------------------------------------------------------------------ */


static int attach_input(ss_store *st, const char *src, ss_diag *d)
{
    if (db_run(st, "ATTACH DATABASE ? AS src", d, "t", src))
        return -1;
    if (!db_table_exists(st, "src", "runs") || !db_table_exists(st, "src", "meta"))
        return ss_fail(d, "not a samsim results database (it has no runs table)");
    return db_check_version(st, "src", d);
}

/* Scratch tables of one connection: which input run became which output run, and the
 * replications of one run still to copy. */
static int create_merge_scratch(ss_store *st, ss_diag *d)
{
    return db_exec(st,
        "CREATE TEMP TABLE IF NOT EXISTS merge_runs(src INTEGER PRIMARY KEY, dst INTEGER NOT NULL);"
        "CREATE TEMP TABLE IF NOT EXISTS merge_reps(rep INTEGER PRIMARY KEY);"
        "DELETE FROM temp.merge_runs;", d);
}

typedef struct input_run {
    int64_t id;
    char *key;  /* NULL: a run from `samsim run`, matched by its identity instead */
} input_run;

static void free_input_runs(input_run *v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i].key);
    free(v);
}

/* The input's runs, read completely before writing (one statement is never open across the
 * transactions that follow). */
static int list_input_runs(ss_store *st, input_run **out, int *n, ss_diag *d)
{
    const char *sql = db_table_exists(st, "src", "run_keys")
        ? "SELECT r.run_id, k.run_key FROM src.runs r LEFT JOIN src.run_keys k USING(run_id) ORDER BY r.run_id"
        : "SELECT run_id, NULL FROM src.runs ORDER BY run_id";
    sqlite3_stmt *s = db_prepare(st, sql, d);
    if (!s)
        return -1;
    int rc, cap = 0;
    *out = NULL;
    *n = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? 2 * cap : 64;
            input_run *grown = realloc(*out, sizeof *grown * (size_t)cap);
            if (!grown) break;
            *out = grown;
        }
        const unsigned char *k = sqlite3_column_text(s, 1);
        (*out)[*n] = (input_run){sqlite3_column_int64(s, 0), k ? strdup((const char *)k) : NULL};
        (*n)++;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return rc == SQLITE_ROW ? ss_fail(d, "out of memory") : db_fail(st, d);
    return 0;
}

/* An input run's counterpart in the output: 1 found, 0 none, -1 error.  Runs without a key are
 * the same run when everything that describes them is the same, which makes merging a file
 * twice harmless. */
static int find_output_run(ss_store *st, const input_run *in, int64_t *dst, ss_diag *d)
{
    if (in->key)
        return db_lookup(st, "SELECT run_id FROM main.run_keys WHERE run_key = ?", dst, d, "t", in->key);
    return db_lookup(st,
        "SELECT m.run_id FROM main.runs m, src.runs s WHERE s.run_id = ?"
        " AND m.scenario_hash IS s.scenario_hash AND m.rules_hash IS s.rules_hash AND m.seed = s.seed"
        " AND m.replications = s.replications AND m.started_at IS s.started_at"
        " AND m.command_line IS s.command_line"
        " AND m.run_id NOT IN (SELECT run_id FROM main.run_keys) ORDER BY m.run_id LIMIT 1", dst, d,
        "I", in->id);
}

/* The output run is ?1 and the input run ?2 in the statements below (either may be unused). */
static void bind_pair(sqlite3_stmt *s, int64_t dst, int64_t src)
{
    int n = sqlite3_bind_parameter_count(s);
    if (n >= 1) sqlite3_bind_int64(s, 1, dst);
    if (n >= 2) sqlite3_bind_int64(s, 2, src);
}

static int exec_pair(ss_store *st, const char *sql, int64_t dst, int64_t src, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st, sql, d);
    if (!s)
        return -1;
    bind_pair(s, dst, src);
    int rc = db_step(st, s, d);
    sqlite3_finalize(s);
    return rc;
}

static int query_pair_int(ss_store *st, const char *sql, int64_t dst, int64_t src, long *out, ss_diag *d)
{
    sqlite3_stmt *s = db_prepare(st, sql, d);
    if (!s)
        return -1;
    bind_pair(s, dst, src);
    int rc = sqlite3_step(s);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? 0 : db_fail(st, d);
}

/* A new output run: the input's row (as 'running': its summary is written after the merge),
 * its services and its key. */
static int copy_run_header(ss_store *st, const input_run *in, int64_t *dst, ss_diag *d)
{
    if (exec_pair(st,
            "INSERT INTO main.runs(scenario_name, scenario_path, scenario_hash, rules_hash, engine_version,"
            " seed, replications, horizon_days, warmup_days, start_date, command_line, started_at, status,"
            " resolved_scenario) SELECT scenario_name, scenario_path, scenario_hash, rules_hash,"
            " engine_version, seed, replications, horizon_days, warmup_days, start_date, command_line,"
            " started_at, 'running', resolved_scenario FROM src.runs WHERE run_id = ?2",
            0, in->id, d))
        return -1;
    *dst = sqlite3_last_insert_rowid(st->db);
    if (exec_pair(st, "INSERT INTO main.services(run_id, service, name, fte) SELECT ?1, service, name, fte"
                      " FROM src.services WHERE run_id = ?2 ORDER BY rowid", *dst, in->id, d))
        return -1;
    if (db_table_exists(st, "src", "run_inputs") &&  /* files written before it have none */
        exec_pair(st, "INSERT INTO main.run_inputs(run_id, seq, kind, target, value) SELECT ?1, seq, kind,"
                      " target, value FROM src.run_inputs WHERE run_id = ?2", *dst, in->id, d))
        return -1;
    return in->key ? store_insert_run_key(st, *dst, in->key, d) : 0;
}

/* The same replication in two files must be the same numbers: a difference means the shards
 * were run by different engines or with different rule files. */
static int check_duplicates(ss_store *st, int64_t dst, const input_run *in, long *same, ss_diag *d)
{
    long differ = 0;
    if (query_pair_int(st, "SELECT count(*) FROM src.replications s JOIN main.replications m"
                           " ON m.run_id = ?1 AND m.rep = s.rep WHERE s.run_id = ?2 AND s.events <> m.events",
                       dst, in->id, &differ, d) ||
        query_pair_int(st, "SELECT count(*) FROM src.replications s JOIN main.replications m"
                           " ON m.run_id = ?1 AND m.rep = s.rep WHERE s.run_id = ?2",
                       dst, in->id, same, d))
        return -1;
    if (differ)
        return ss_fail(d, "run %lld: %ld replication%s differ from those already in the output"
                          " (shards run by different samsim versions or rule files?)",
                       (long long)in->id, differ, differ == 1 ? "" : "s");
    return 0;
}

/* The replications the output lacks, with every row that belongs to them. */
static int copy_new_replications(ss_store *st, int64_t dst, const input_run *in, long *copied, ss_diag *d)
{
    static const char *const copies[] = {
        "INSERT INTO main.replications(run_id, rep, events, completed_at) SELECT ?1, rep, events, completed_at"
        " FROM src.replications WHERE run_id = ?2 AND rep IN temp.merge_reps",
        "INSERT INTO main.metrics(run_id, rep, scope, subject, metric, value) SELECT ?1, rep, scope, subject,"
        " metric, value FROM src.metrics WHERE run_id = ?2 AND rep IN temp.merge_reps",
        "INSERT INTO main.series_points(run_id, rep, service, points) SELECT ?1, rep, service, points"
        " FROM src.series_points WHERE run_id = ?2 AND rep IN temp.merge_reps",
        "INSERT INTO main.flows(run_id, rep, from_service, to_service, persons) SELECT ?1, rep, from_service,"
        " to_service, persons FROM src.flows WHERE run_id = ?2 AND rep IN temp.merge_reps",
        "INSERT INTO main.wait_histogram(run_id, rep, service, from_days, to_days, persons) SELECT ?1, rep,"
        " service, from_days, to_days, persons FROM src.wait_histogram WHERE run_id = ?2 AND rep IN temp.merge_reps",
    };
    if (db_exec(st, "DELETE FROM temp.merge_reps", d) ||
        exec_pair(st, "INSERT INTO temp.merge_reps(rep) SELECT rep FROM src.replications WHERE run_id = ?2"
                      " AND rep NOT IN (SELECT rep FROM main.replications WHERE run_id = ?1)", dst, in->id, d))
        return -1;
    *copied = sqlite3_changes(st->db);
    for (size_t i = 0; i < sizeof copies / sizeof copies[0]; i++)
        if (exec_pair(st, copies[i], dst, in->id, d))
            return -1;
    return 0;
}

static int output_run_complete(ss_store *st, int64_t dst, bool *complete, ss_diag *d)
{
    long n = 0;
    if (query_pair_int(st, "SELECT count(*) FROM main.runs WHERE run_id = ?1 AND status = 'complete'",
                       dst, 0, &n, d))
        return -1;
    *complete = n > 0;
    return 0;
}

static int merge_run_rows(ss_store *st, const input_run *in, ss_merge_counts *c, ss_diag *d)
{
    int64_t dst = 0;
    int found = find_output_run(st, in, &dst, d);
    if (found < 0 || (!found && copy_run_header(st, in, &dst, d)))
        return -1;
    if (found) c->runs_matched++; else c->runs_new++;
    if (exec_pair(st, "INSERT OR REPLACE INTO temp.merge_runs(src, dst) VALUES(?2, ?1)", dst, in->id, d))
        return -1;
    bool complete = false;
    long same = 0, copied = 0;
    if (output_run_complete(st, dst, &complete, d) || check_duplicates(st, dst, in, &same, d))
        return -1;
    c->reps_duplicate += same;
    if (!complete && copy_new_replications(st, dst, in, &copied, d))
        return -1;
    c->reps_copied += copied;
    return 0;
}

static int merge_run(ss_store *st, const input_run *in, ss_merge_counts *c, ss_diag *d)
{
    if (db_begin_deferred(st, d))
        return -1;
    if (merge_run_rows(st, in, c, d))
        return db_rollback(st);
    return db_commit(st, d);
}

/* Batches are the same batch when their keys are; a point keeps the run it had first. */
static int merge_batches(ss_store *st, ss_diag *d)
{
    if (!db_table_exists(st, "src", "batches"))
        return 0;
    if (db_begin_deferred(st, d))
        return -1;
    int rc = db_exec(st,
        "INSERT OR IGNORE INTO main.batches(batch_key, name, plan_path, seed, replications, planned_runs,"
        " parameters, created_at, command_line) SELECT batch_key, name, plan_path, seed, replications,"
        " planned_runs, parameters, created_at, command_line FROM src.batches ORDER BY batch_id;"
        "INSERT INTO main.batch_runs(batch_id, point, run_id, scenario, model)"
        " SELECT mb.batch_id, sr.point, mr.dst, sr.scenario, sr.model FROM src.batch_runs sr"
        " JOIN src.batches sb ON sb.batch_id = sr.batch_id JOIN main.batches mb ON mb.batch_key = sb.batch_key"
        " JOIN temp.merge_runs mr ON mr.src = sr.run_id WHERE true ON CONFLICT(batch_id, point) DO NOTHING;"
        "INSERT OR IGNORE INTO main.batch_values(batch_id, point, parameter, value)"
        " SELECT mb.batch_id, sv.point, sv.parameter, sv.value FROM src.batch_values sv"
        " JOIN src.batches sb ON sb.batch_id = sv.batch_id JOIN main.batches mb ON mb.batch_key = sb.batch_key;", d);
    if (rc)
        return db_rollback(st);
    return db_commit(st, d);
}

static int merge_attached(ss_store *st, ss_merge_counts *c, ss_diag *d)
{
    input_run *runs = NULL;
    int n = 0;
    if (create_merge_scratch(st, d) || list_input_runs(st, &runs, &n, d))
        return -1;
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++)
        rc = merge_run(st, &runs[i], c, d);
    free_input_runs(runs, n);
    if (rc || merge_batches(st, d) || store_merge_sensitivity(st, d) || store_merge_comparisons(st, d) ||
        store_merge_robust(st, d)) return rc ? rc : -1;
    return store_merge_calibration(st, d);
}

int ss_store_merge_from(ss_store *st, const char *src, ss_merge_counts *c, ss_diag *d)
{
    if (attach_input(st, src, d) || merge_attached(st, c, d)) {
        sqlite3_exec(st->db, "DETACH DATABASE src", NULL, NULL, NULL);
        return ss_wrap(d, "%s", src);
    }
    if (db_exec(st, "DETACH DATABASE src", d))
        return ss_wrap(d, "%s", src);
    return 0;
}

/* ---- the merge ------------------------------------------------------------------------------------ */

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return strcmp(a, b) == 0;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* A missing or foreign input stops the merge before the output is touched. */
static int check_inputs(const char *out, const char *const *inputs, int n, ss_diag *d)
{
    for (int i = 0; i < n; i++) {
        if (same_file(out, inputs[i]))
            return ss_fail(d, "%s: is the output; merge into a new file, or leave it out of the inputs", inputs[i]);
        for (int j = 0; j < i; j++)
            if (same_file(inputs[i], inputs[j]))
                return ss_fail(d, "%s: given twice", inputs[i]);
        ss_store *st = ss_store_open_readonly(inputs[i], d);
        if (!st)
            return -1;
        ss_store_close(st);
    }
    return 0;
}

/* Runs the merge made whole get their summary; the rest wait for their other shards. */
static int summarise_whole_runs(ss_store *st, ss_merge_result *res, ss_diag *d)
{
    int64_t *ids = NULL;
    int n = 0;
    if (ss_store_incomplete_runs(st, &ids, &n, d))
        return -1;
    int rc = 0;
    for (int i = 0; i < n && rc >= 0; i++) {
        rc = ss_store_summarise_run(st, ids[i], SUMMARY_LEVEL, d);
        if (rc == 1) res->runs_completed++;
        else if (rc == 0) res->runs_incomplete++;
    }
    free(ids);
    return rc < 0 ? -1 : 0;
}

int ss_merge(const char *out, const char *const *inputs, int n, ss_merge_result *res, ss_diag *d)
{
    memset(res, 0, sizeof *res);
    if (check_inputs(out, inputs, n, d))
        return -1;
    /* a merge does not wait for a batch writing the output: it says so */
    ss_store *st = ss_store_open_claimed(out, &(ss_claim){.wait = false}, d);
    if (!st)
        return -1;
    int rc = ss_store_prepare_batch(st, d);
    for (int i = 0; i < n && rc == 0; i++)
        rc = ss_store_merge_from(st, inputs[i], &res->counts, d);
    if (rc == 0)
        rc = summarise_whole_runs(st, res, d);
    if (rc == 0 && (db_begin(st, d) || store_wide_refresh(st, d) || db_commit(st, d)))
        rc = ss_wrap(d, "%s: cannot write the run_wide view", out);  /* the runs are merged already */
    ss_store_close(st);
    return rc;
}
