/* `samsim batch`: run a plan (batch.h), show its progress, and show a sweep as a table and a
 * chart of one result against the swept parameters. */
#include <stdarg.h>
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "cli.h"
#include "results.h"
#include "store.h"
#include "study.h"
#include "table.h"

#define CMD "batch"

typedef struct batch_args {
    ss_cli_opts common;      /* -j, --db, --csv, -q */
    int shard, nshards;      /* --shard K/N */
    bool dry_run;            /* --dry-run */
    const char *show;        /* --show METRIC */
} batch_args;

/* ---- options ------------------------------------------------------------------------------------ */

static int parse_shard(const char *v, batch_args *a)
{
    long k, n;
    char ks[32], ns[32];
    const char *slash = strchr(v, '/');
    if (!slash || slash - v >= (long)sizeof ks || strlen(slash + 1) >= sizeof ns)
        return ss_cli_usage_error(CMD, "--shard: expected K/N such as 3/10, got '%s'", v);
    snprintf(ks, sizeof ks, "%.*s", (int)(slash - v), v);
    snprintf(ns, sizeof ns, "%s", slash + 1);
    if (!ss_parse_count(ns, 1, 100000, &n) || !ss_parse_count(ks, 1, n, &k))
        return ss_cli_usage_error(CMD, "--shard: expected K/N with 1 <= K <= N, got '%s'", v);
    a->shard = (int)k;
    a->nshards = (int)n;
    return 0;
}

enum { OPT_DRY_RUN = SS_CLI_OWN, OPT_SHARD, OPT_SHOW };

static const struct option own_options[] = {
    {"dry-run", no_argument, NULL, OPT_DRY_RUN}, {"shard", required_argument, NULL, OPT_SHARD},
    {"show", required_argument, NULL, OPT_SHOW}, {0},
};

/* The options only batch has (-n is --dry-run). */
static int own_value(int opt, const char *v, void *ud)
{
    batch_args *a = ud;
    if (opt == OPT_SHARD) return parse_shard(v, a);
    if (opt == OPT_SHOW) a->show = v;
    else a->dry_run = true;
    return 0;
}

static int parse_args(int argc, char **argv, batch_args *a)
{
    ss_cli_own own = {.options = own_options, .take = own_value, .ud = a, .shorts = "n"};
    int code = ss_cli_parse_own(CMD, "jdo", &own, argc, argv, &a->common);
    if (code || a->common.help)
        return code;
    if (a->common.npositional == 0)
        return ss_cli_usage_error(CMD, "which plan? e.g. samsim batch scenarios/plans/fph_staffing.lua");
    if (a->common.npositional > 1)
        return ss_cli_usage_error(CMD, "unexpected argument '%s'", a->common.positional[1]);
    if (a->common.json)
        return ss_cli_usage_error(CMD, "--json is not supported here; use --csv with --show");
    if (a->common.csv && !a->show)
        return ss_cli_usage_error(CMD, "--csv goes with --show METRIC");
    if (a->show && (a->dry_run || a->nshards))
        return ss_cli_usage_error(CMD, "--show reads results; it does not go with %s", a->dry_run ? "--dry-run" : "--shard");
    return 0;
}

/* --db, else the plan's output (per shard when sharded: shards never share a file, which a
 * cluster's network file system could not lock safely). */
static void output_file(const ss_plan *p, const batch_args *a, char *out, size_t n)
{
    if (a->common.db)
        snprintf(out, n, "%s", a->common.db);
    else if (a->nshards)
        ss_batch_shard_output(ss_plan_output(p), a->shard, a->nshards, out, n);
    else
        snprintf(out, n, "%s", ss_plan_output(p));
}

/* ---- progress ------------------------------------------------------------------------------------- */

typedef struct progress {
    bool terminal;           /* a redrawn bar; else one line per finished run */
    bool quiet;
    const ss_plan *plan;
    const char *db;
    struct timespec started;
    double last_draw;
} progress;

static double seconds_since(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) * 1e-9;
}

static void format_duration(double s, char *out, size_t n)
{
    long t = (long)(s + 0.5);
    if (t >= 3600) snprintf(out, n, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    else snprintf(out, n, "%ld:%02ld", t / 60, t % 60);
}

/* "12.3 replications/s, 0:42 left": the rate of this session only, so a resumed batch does not
 * count what it found done as speed. */
static void format_rate(const progress *pg, const ss_batch_progress *p, char *out, size_t n)
{
    double elapsed = seconds_since(&pg->started);
    long done = p->jobs_done - p->jobs_done_before, left = p->jobs - p->jobs_done;
    if (done <= 0 || elapsed <= 0) {
        snprintf(out, n, "starting");
        return;
    }
    double rate = done / elapsed;
    char eta[32];
    format_duration(left / rate, eta, sizeof eta);
    snprintf(out, n, "%.1f replications/s, %s left", rate, eta);
}

static void draw_bar(progress *pg, const ss_batch_progress *p)
{
    enum { WIDTH = 30 };
    double share = p->jobs ? (double)p->jobs_done / (double)p->jobs : 1;
    int full = (int)(share * WIDTH);
    char bar[WIDTH * 3 + 1] = "", rate[96];
    for (int i = 0; i < WIDTH; i++)
        strcat(bar, i < full ? "\xe2\x96\x88" : "\xe2\x96\x91");  /* █ ░ */
    format_rate(pg, p, rate, sizeof rate);
    fprintf(stderr, "\r%s %ld/%ld replications, %d/%d runs, %s\033[K", bar, p->jobs_done, p->jobs, p->runs_done,
            p->runs, rate);
    fflush(stderr);
}

/* "../default.lua, more-fph-staff, services.fph.fte=18": only what varies across the plan. */
static void point_text(const ss_plan *plan, const ss_plan_point *pt, char *out, size_t n)
{
    size_t l = 0;
    out[0] = '\0';
    if (ss_plan_varies_scenario(plan))
        l += (size_t)snprintf(out + l, n - l, "%s", pt->scenario_in_plan);
    if (ss_plan_varies_model(plan) && l < n)
        l += (size_t)snprintf(out + l, n - l, "%s%s", l ? ", " : "", pt->model);
    for (int i = 0; i < pt->nvalues && l < n; i++)
        l += (size_t)snprintf(out + l, n - l, "%s%s=%s", l ? ", " : "", pt->values[i].parameter, pt->values[i].label);
}

static void print_start(const progress *pg, const ss_batch_progress *p)
{
    fprintf(stderr, "%s: %d run%s, %ld replications in %s", ss_plan_path(pg->plan), p->runs, p->runs == 1 ? "" : "s",
            p->jobs, pg->db);
    if (p->jobs_done_before)
        fprintf(stderr, "; %ld already there", p->jobs_done_before);
    long todo = p->jobs - p->jobs_done_before;
    if (todo > 0)
        fprintf(stderr, "; %ld to run on %d worker%s", todo, p->workers, p->workers == 1 ? "" : "s");
    fputc('\n', stderr);
}

/* One line per run: what a log file from a cluster job should say.  The rate comes last, after
 * "; ", so a script can cut it off. */
static void print_run_done(const progress *pg, const ss_batch_progress *p)
{
    char what[1024], rate[96];
    point_text(pg->plan, p->point, what, sizeof what);
    format_rate(pg, p, rate, sizeof rate);
    fprintf(stderr, "[%d/%d] point %d %s (run %" PRId64 ")%s%s; %s\n", p->runs_done, p->runs, p->point->index + 1,
            p->complete ? "complete" : "stored, other shards have the rest", p->run_id, what[0] ? ": " : "", what, rate);
}

static void on_progress(void *ud, const ss_batch_progress *p)
{
    progress *pg = ud;
    if (p->kind == SS_BATCH_WAITING) {  /* even when quiet: a batch that seems to hang must say why */
        fprintf(stderr, "%s: another samsim batch or merge is writing it; waiting until it is done"
                        " (Ctrl-C to stop)\n", pg->db);
        return;
    }
    if (pg->quiet)
        return;
    if (!pg->terminal) {
        if (p->kind == SS_BATCH_START) print_start(pg, p);
        else if (p->kind == SS_BATCH_RUN_DONE) print_run_done(pg, p);
        return;
    }
    double now = seconds_since(&pg->started);
    if (p->kind == SS_BATCH_REPLICATION && now - pg->last_draw < 0.1 && p->jobs_done < p->jobs)
        return;
    pg->last_draw = now;
    draw_bar(pg, p);
}

/* ---- tables ------------------------------------------------------------------------------------------ */

/* The columns of a table, gathered before its first row (the util table is made with them). */
typedef struct columns {
    int n;
    const char *head[SS_TABLE_MAX_COLS];
    bool right[SS_TABLE_MAX_COLS];
} columns;

static void table_column(columns *c, const char *head, bool right)
{
    if (c->n == SS_TABLE_MAX_COLS)
        return;
    c->head[c->n] = head;
    c->right[c->n++] = right;
}

/* A table with the heading row; numbers right-aligned, heading too. */
static void table_start(ss_table *t, const columns *c)
{
    ss_table_init(t, c->n, NULL);
    t->heading = true;
    int h = ss_table_add_row(t);
    for (int i = 0; i < c->n; i++) {
        t->right[i] = c->right[i];
        ss_table_set(t, h, i, "%s", c->head[i]);
    }
}

/* The point's own columns: scenario and model when they vary, then each swept value. */
static void point_columns(columns *t, const ss_plan *p)
{
    table_column(t, "point", true);
    if (ss_plan_varies_scenario(p)) table_column(t, "scenario", false);
    if (ss_plan_varies_model(p)) table_column(t, "model", false);
    for (int i = 0; i < ss_plan_nparameters(p); i++)
        table_column(t, ss_plan_parameter(p, i), true);
}

static int point_cells(ss_table *t, int row, const ss_plan *p, const ss_plan_point *pt)
{
    int c = 0;
    ss_table_set(t, row, c++, "%d", pt->index + 1);
    if (ss_plan_varies_scenario(p)) ss_table_set(t, row, c++, "%s", pt->scenario_in_plan);
    if (ss_plan_varies_model(p)) ss_table_set(t, row, c++, "%s", pt->model);
    for (int i = 0; i < pt->nvalues; i++)
        ss_table_set(t, row, c++, "%s", pt->values[i].label);
    return c;
}

/* ---- the runs of a batch, after running ---------------------------------------------------------- */

static const char *run_status(const ss_batch_run_state *r, char *buf, size_t n)
{
    if (r->complete) return "complete";
    if (r->jobs_left == 0) return "stored here; merge with the other shards";
    snprintf(buf, n, "%d to run", r->jobs_left);
    return buf;
}

static void print_header(FILE *f, const ss_plan *p, const char *db, int64_t batch_id)
{
    fprintf(f, "%s: %d run%s of %d replications, seed %" PRIu64 ", in %s", ss_plan_name(p), ss_plan_npoints(p),
            ss_plan_npoints(p) == 1 ? "" : "s", ss_plan_replications(p), ss_plan_seed(p), db);
    if (batch_id) fprintf(f, " (batch %" PRId64 ")", batch_id);
    fputc('\n', f);
    const ss_plan_point *first = ss_plan_point_at(p, 0);
    if (!ss_plan_varies_scenario(p)) fprintf(f, "scenario %s", first->scenario);
    if (!ss_plan_varies_model(p)) fprintf(f, "%smodel %s", ss_plan_varies_scenario(p) ? "" : ", ", first->model);
    fputs("\n\n", f);
}

static void print_runs(FILE *f, const ss_plan *p, const ss_batch_result *res)
{
    columns cols = {0};
    point_columns(&cols, p);
    table_column(&cols, "run", true);
    table_column(&cols, "stored", true);
    table_column(&cols, "status", false);
    ss_table t;
    table_start(&t, &cols);
    for (int i = 0; i < res->nruns; i++) {
        const ss_batch_run_state *r = &res->runs[i];
        char status[64];
        int row = ss_table_add_row(&t);
        int c = point_cells(&t, row, p, r->point);
        if (r->run_id) ss_table_set(&t, row, c, "%" PRId64, r->run_id);
        else ss_table_set(&t, row, c, "-");
        ss_table_set(&t, row, c + 1, "%d/%d", r->reps_stored, ss_plan_replications(p));
        ss_table_set(&t, row, c + 2, "%s", run_status(r, status, sizeof status));
    }
    ss_table_print(&t, f);
    ss_table_free(&t);
}

static void print_next_steps(FILE *f, const ss_plan *p, const batch_args *a, const ss_batch_result *res)
{
    if (a->nshards) {
        fprintf(f, "\nWhen every shard is done: samsim merge %s SHARD.db ...\n", ss_plan_output(p));
        return;
    }
    long left = res->jobs - res->jobs_done;
    if (left > 0 && a->dry_run) {
        fprintf(f, "\n%ld replication%s to run (dry run: nothing was written)\n", left, left == 1 ? "" : "s");
        return;
    }
    if (ss_plan_nparameters(p) > 0 && left == 0)
        fprintf(f, "\nShow a result against the swept parameters: samsim batch %s --show SERVICE.METRIC,\n"
                   "e.g. --show system.time_in_system_mean\n", ss_plan_path(p));
}

/* ---- a sweep: one result against the swept parameters -------------------------------------------- */

typedef struct metric_ref {
    const char *scope;        /* "service" or "system" */
    char subject[128];        /* service id, or "" */
    const ss_metric_info *info;
} metric_ref;

static const ss_metric_info *find_metric(const ss_metric_info *metrics, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(metrics[i].name, name) == 0)
            return &metrics[i];
    return NULL;
}

/* The lists are long (and grow), so the message points to where they are written out. */
static int unknown_metric(const char *spec, const char *name, bool system)
{
    return ss_cli_usage_error(CMD, "--show %s: no %s metric '%s' ('samsim schema' lists them, e.g. %s)", spec,
                              system ? "system" : "service", name, system ? "time_in_system_mean" : "wait_mean");
}

/* "fph.wait_mean", "services.fph.wait_mean" or "system.persons". */
static int parse_metric(const char *spec, metric_ref *m)
{
    const char *s = strncmp(spec, "services.", 9) == 0 ? spec + 9 : spec;
    const char *dot = strrchr(s, '.');
    if (!dot || dot == s || (size_t)(dot - s) >= sizeof m->subject)
        return ss_cli_usage_error(CMD, "--show: expected SERVICE.METRIC or system.METRIC, e.g. fph.wait_mean, got '%s'", spec);
    snprintf(m->subject, sizeof m->subject, "%.*s", (int)(dot - s), s);
    bool system = strcmp(m->subject, "system") == 0;
    m->scope = system ? "system" : "service";
    if (system) m->subject[0] = '\0';
    m->info = system ? find_metric(ss_system_metric_info, SS_SYSTEM_METRICS, dot + 1)
                     : find_metric(ss_service_metric_info, SS_SERVICE_METRICS, dot + 1);
    return m->info ? 0 : unknown_metric(spec, dot + 1, system);
}

/* For people: shares as percent, counts and days with the decimals that matter. */
static void format_value(double x, const char *unit, char *out, size_t n)
{
    if (isnan(x)) snprintf(out, n, "-");
    else if (strcmp(unit, "share") == 0) snprintf(out, n, "%.1f", 100 * x);
    else if (fabs(x) >= 100) snprintf(out, n, "%.0f", x);
    else if (fabs(x) >= 10 || strcmp(unit, "days") == 0) snprintf(out, n, "%.1f", x);
    else snprintf(out, n, "%.2f", x);
    if (out[0] == '-' && strspn(out + 1, "0.") == strlen(out + 1))
        memmove(out, out + 1, strlen(out));  /* -0.0 is 0.0 to a reader */
}

/* A bar of width × value / top, in eighths of a character. */
static void format_bar(double value, double top, char *out, size_t n)
{
    enum { WIDTH = 40 };
    static const char *const eighths[] = {"", "\xe2\x96\x8f", "\xe2\x96\x8e", "\xe2\x96\x8d", "\xe2\x96\x8c",
                                          "\xe2\x96\x8b", "\xe2\x96\x8a", "\xe2\x96\x89"};  /* ▏▎▍▌▋▊▉ */
    out[0] = '\0';
    if (!(value > 0) || !(top > 0))
        return;
    long units = lround(value / top * WIDTH * 8);
    size_t l = 0;
    for (long i = 0; i < units / 8 && l + 4 < n; i++)
        l += (size_t)snprintf(out + l, n - l, "\xe2\x96\x88");  /* █ */
    if (l + 4 < n)
        snprintf(out + l, n - l, "%s", eighths[units % 8]);
}

static double chart_top(const ss_sweep_row *rows, int n)
{
    double top = 0;
    for (int i = 0; i < n; i++)
        if (rows[i].estimate.n > 0 && isfinite(rows[i].estimate.mean) && rows[i].estimate.mean > top)
            top = rows[i].estimate.mean;
    return top;
}

static void sweep_cells(ss_table *t, int row, int c, const ss_sweep_row *r, const metric_ref *m, double top, int reps)
{
    char mean[64], lo[64], hi[64], bar[512];
    if (r->run_id) ss_table_set(t, row, c, "%" PRId64, r->run_id);
    else ss_table_set(t, row, c, "-");
    if (r->estimate.n == 0) {
        ss_table_set(t, row, c + 1, "-");
        ss_table_set(t, row, c + 2, "-");
        if (!r->complete) ss_table_set(t, row, c + 3, "(%d of %d replications stored)", r->reps_stored, reps);
        else ss_table_set(t, row, c + 3, "(no value: %s)", m->info->doc);
        return;
    }
    format_value(r->estimate.mean, m->info->unit, mean, sizeof mean);
    format_value(r->estimate.ci_low, m->info->unit, lo, sizeof lo);
    format_value(r->estimate.ci_high, m->info->unit, hi, sizeof hi);
    format_bar(r->estimate.mean, top, bar, sizeof bar);
    ss_table_set(t, row, c + 1, "%s", mean);
    if (isnan(r->estimate.ci_low)) ss_table_set(t, row, c + 2, "-");
    else ss_table_set(t, row, c + 2, "[%s, %s]", lo, hi);
    ss_table_set(t, row, c + 3, "%s", bar);
}

static void print_sweep_table(const ss_plan *p, const ss_sweep_row *rows, const metric_ref *m)
{
    columns cols = {0};
    point_columns(&cols, p);
    table_column(&cols, "run", true);
    table_column(&cols, "mean", true);
    table_column(&cols, "95% CI", true);
    table_column(&cols, "", false);
    ss_table t;
    table_start(&t, &cols);
    double top = chart_top(rows, ss_plan_npoints(p));
    for (int i = 0; i < ss_plan_npoints(p); i++) {
        int row = ss_table_add_row(&t);
        int c = point_cells(&t, row, p, ss_plan_point_at(p, i));
        sweep_cells(&t, row, c, &rows[i], m, top, ss_plan_replications(p));
    }
    ss_table_print(&t, stdout);
    ss_table_free(&t);
}

/* For programs: raw values (shares as fractions), empty when undefined. */
static void print_sweep_csv(const ss_plan *p, const ss_sweep_row *rows)
{
    printf("point,%s%s", ss_plan_varies_scenario(p) ? "scenario," : "", ss_plan_varies_model(p) ? "model," : "");
    for (int i = 0; i < ss_plan_nparameters(p); i++) {
        ss_csv_text(stdout, ss_plan_parameter(p, i));
        putchar(',');
    }
    printf("run,replications,mean,ci_low,ci_high,sd,n\n");
    for (int i = 0; i < ss_plan_npoints(p); i++) {
        const ss_plan_point *pt = ss_plan_point_at(p, i);
        const ss_sweep_row *r = &rows[i];
        printf("%d,", i + 1);
        if (ss_plan_varies_scenario(p)) { ss_csv_text(stdout, pt->scenario_in_plan); putchar(','); }
        if (ss_plan_varies_model(p)) { ss_csv_text(stdout, pt->model); putchar(','); }
        for (int v = 0; v < pt->nvalues; v++) { ss_csv_text(stdout, pt->values[v].label); putchar(','); }
        if (r->run_id) printf("%" PRId64, r->run_id);
        printf(",%d,", r->reps_stored);
        const ss_estimate *e = &r->estimate;
        bool has = e->n > 0;
        ss_csv_real(stdout, has ? e->mean : NAN, 15); putchar(',');
        ss_csv_real(stdout, has ? e->ci_low : NAN, 15); putchar(',');
        ss_csv_real(stdout, has ? e->ci_high : NAN, 15); putchar(',');
        ss_csv_real(stdout, has ? e->sd : NAN, 15);
        printf(",%d\n", e->n);
    }
}

/* The service must exist in the batch's runs: a typo would otherwise show an empty table. */
static int check_subject(ss_store *st, const ss_sweep_row *rows, int n, const metric_ref *m, const char *spec)
{
    if (strcmp(m->scope, "service") != 0)
        return 0;
    for (int i = 0; i < n; i++) {
        if (!rows[i].run_id) continue;
        ss_diag d;
        int has = ss_store_run_has_service(st, rows[i].run_id, m->subject, &d);
        if (has < 0) {
            fprintf(stderr, "%s\n", d.msg);
            return SS_EXIT_IO;
        }
        return has ? 0 : ss_cli_usage_error(CMD, "--show %s: the runs have no service '%s'", spec, m->subject);
    }
    return 0;
}

static int read_sweep(const ss_plan *p, const char *db, const metric_ref *m, const char *spec, ss_sweep_row *rows)
{
    ss_diag d;
    if (access(db, F_OK) != 0) {
        fprintf(stderr, "%s: no results yet; run 'samsim batch %s' first\n", db, ss_plan_path(p));
        return SS_EXIT_IO;
    }
    ss_store *st = ss_store_open_readonly(db, &d);
    int64_t batch_id = 0;
    int found = st ? ss_store_find_batch(st, ss_plan_key(p), &batch_id, &d) : -1;
    int code = found < 0 ? SS_EXIT_IO : 0;
    if (found == 0) {
        snprintf(d.msg, sizeof d.msg, "%s: no results of this plan (the plan changed since it ran? run 'samsim batch %s')",
                 db, ss_plan_path(p));
        code = SS_EXIT_IO;
    }
    if (code == 0 && ss_store_sweep(st, batch_id, ss_plan_npoints(p), m->scope, m->subject, m->info->name, rows, &d))
        code = SS_EXIT_IO;
    if (code)
        fprintf(stderr, "%s\n", d.msg);
    else
        code = check_subject(st, rows, ss_plan_npoints(p), m, spec);
    ss_store_close(st);
    return code;
}

static int show_sweep(const ss_plan *p, const batch_args *a, const char *db)
{
    metric_ref m;
    int code = parse_metric(a->show, &m);
    ss_sweep_row *rows = code ? NULL : calloc((size_t)ss_plan_npoints(p), sizeof *rows);
    if (code || !rows) {
        free(rows);
        return code ? code : SS_EXIT_IO;
    }
    code = read_sweep(p, db, &m, a->show, rows);
    if (code == 0 && a->common.csv) {
        print_sweep_csv(p, rows);
    } else if (code == 0) {
        bool share = strcmp(m.info->unit, "share") == 0;
        printf("%s%s%s: %s\n", m.subject[0] ? m.subject : "system", ".", m.info->name, m.info->doc);
        printf("in %s; the mean of each run's %d replications and its 95%% confidence interval\n",
               share ? "percent" : m.info->unit, ss_plan_replications(p));
        print_header(stdout, p, db, 0);
        print_sweep_table(p, rows, &m);
    }
    free(rows);
    if (code == 0 && fflush(stdout) != 0)
        code = SS_EXIT_IO;
    return code;
}

/* ---- running ------------------------------------------------------------------------------------------ */

static int failure_code(ss_batch_failure why)
{
    switch (why) {
    case SS_BATCH_MODEL: return SS_EXIT_MODEL;
    case SS_BATCH_INTERRUPTED: return SS_EXIT_INTERRUPTED;
    case SS_BATCH_IO: return SS_EXIT_IO;
    default: return SS_EXIT_OK;
    }
}

static void print_failure(const ss_diag *d, ss_batch_failure why, const ss_batch_result *res, const char *db)
{
    if (why != SS_BATCH_INTERRUPTED) {
        fprintf(stderr, "%s\n", d->msg);
        return;
    }
    if (res->jobs == 0)  /* while the points were checked, or while another batch held the file */
        fprintf(stderr, "interrupted before the batch started; nothing was written to %s\n", db);
    else
        fprintf(stderr, "interrupted: %ld of %ld replications are stored in %s; run the same command again to continue\n",
                res->jobs_done, res->jobs, db);
}

static int run_plan(const ss_plan *p, const batch_args *a, const char *db, int argc, char **argv,
                    ss_stop_flag *interrupt)
{
    char cmdline[4096];
    ss_command_line("samsim", argc, argv, cmdline, sizeof cmdline);
    progress pg = {.terminal = isatty(2), .quiet = a->common.quiet, .plan = p, .db = db, .last_draw = -1};
    clock_gettime(CLOCK_MONOTONIC, &pg.started);
    ss_batch_opts o = {.jobs = a->common.jobs, .shard = a->shard, .nshards = a->nshards, .db = db,
                       .dry_run = a->dry_run, .command_line = cmdline, .interrupt = interrupt,
                       .progress = a->dry_run ? NULL : on_progress, .progress_ud = &pg};
    ss_batch_result res;
    ss_batch_failure why = SS_BATCH_OK;
    ss_diag d;
    int rc = ss_batch_run(p, &o, &res, &d, &why);
    if (pg.terminal && !pg.quiet && pg.last_draw >= 0)
        fputs("\r\033[K", stderr);
    int code = SS_EXIT_OK;
    if (rc < 0) {
        print_failure(&d, why, &res, db);
        code = failure_code(why);
    } else {
        print_header(stdout, p, db, res.batch_id);
        print_runs(stdout, p, &res);
        print_next_steps(stdout, p, a, &res);
        if (fflush(stdout) != 0) code = SS_EXIT_IO;
    }
    ss_batch_result_free(&res);
    return code;
}

static int cmd_batch(int argc, char **argv, ss_stop_flag *interrupt)
{
    batch_args a = {.common = {.reps = 10, .seed = 1}};
    int code = parse_args(argc - 1, argv + 1, &a);
    if (code || a.common.help)
        return code ? code : ss_cli_help(CMD);
    ss_diag d;
    ss_plan *p = ss_plan_load(a.common.positional[0], &d);
    if (!p) {
        fprintf(stderr, "%s\n", d.msg);
        return SS_EXIT_MODEL;
    }
    char db[4096];
    output_file(p, &a, db, sizeof db);
    code = a.show ? show_sweep(p, &a, db) : run_plan(p, &a, db, argc, argv, interrupt);
    ss_plan_free(p);
    return code;
}

const ss_command ss_cmd_batch = {
    "batch", "samsim batch PLAN [-j N] [--shard K/N] [--dry-run] [--db FILE] [-q]\n"
             "       samsim batch PLAN --show SERVICE.METRIC [--csv] [--db FILE]",
    "Run every run of a plan: scenarios x organisational models x a parameter grid, each run\n"
    "with the plan's replications and seed, on all cores, into one SQLite file.  Stop it at any\n"
    "time (Ctrl-C, or even kill -9) and run the same command again: it continues where it\n"
    "stopped, and the results are those of an uninterrupted batch.  Every run is stored as\n"
    "'samsim run' would store it (samsim compare db:FILE#RUN and samsim report read it).\n"
    "  -j, --jobs N       worker threads (default: all cores); results do not depend on it\n"
    "  --shard K/N        run only part K of N of the plan's replications (for a Slurm job\n"
    "                     array or GNU parallel); each shard writes OUTPUT.shard-K-of-N.db,\n"
    "                     and 'samsim merge OUTPUT SHARD.db ...' joins them\n"
    "  --dry-run, -n      check the plan and every scenario, list the runs and what is left\n"
    "                     to do, and write nothing\n"
    "  --db FILE          write to FILE instead of the plan's output\n"
    "  --show S.METRIC    print a result against the swept parameters, as a table with a bar\n"
    "                     chart: SERVICE.METRIC (e.g. fph.wait_mean) or system.METRIC (e.g.\n"
    "                     system.time_in_system_mean); --csv for programs\n"
    "  -q, --quiet        no progress on stderr (else a bar on a terminal, or one line per run)\n"
    "A plan is a Lua file (paths relative to its folder):\n"
    "  return {\n"
    "    name = \"FPH staffing\",\n"
    "    scenarios = { \"../default.lua\" },\n"
    "    models = { {}, { \"../models/more-fph-staff.lua\" } },   -- optional: lists of overlays\n"
    "    set = { [\"calendar.horizon_days\"] = 730 },              -- optional: for every run\n"
    "    sweep = { [\"services.fph.fte\"] = { 3, 4, 5, 6 },         -- lists, or ranges:\n"
    "              [\"services.hs.fte\"] = { from = 6, to = 10, step = 2 } },  -- crossed\n"
    "    replications = 10, seed = 1,\n"
    "    output = \"fph_staffing.db\",\n"
    "  }",
    cmd_batch};
