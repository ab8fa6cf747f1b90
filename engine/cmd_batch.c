/* `samsim batch`: run a plan (batch.h), show its progress, and show a sweep as a table and a
 * chart of one result against the swept parameters. */
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
    if (!ss_cli_parse_count(ns, 1, 100000, &n) || !ss_cli_parse_count(ks, 1, n, &k))
        return ss_cli_usage_error(CMD, "--shard: expected K/N with 1 <= K <= N, got '%s'", v);
    a->shard = (int)k;
    a->nshards = (int)n;
    return 0;
}

/* The options only batch has; the rest go to the shared parser.  Returns 0 or an exit code. */
static int take_own_option(int argc, char **argv, int *i, batch_args *a, bool *taken)
{
    const char *arg = argv[*i], *val = NULL;
    *taken = true;
    if (strcmp(arg, "--dry-run") == 0 || strcmp(arg, "-n") == 0) {
        a->dry_run = true;
        return 0;
    }
    bool shard = strncmp(arg, "--shard", 7) == 0 && (arg[7] == '\0' || arg[7] == '=');
    bool show = strncmp(arg, "--show", 6) == 0 && (arg[6] == '\0' || arg[6] == '=');
    if (!shard && !show) {
        *taken = false;
        return 0;
    }
    const char *name = shard ? "--shard" : "--show";
    if (arg[strlen(name)] == '=')
        val = arg + strlen(name) + 1;
    else if (*i + 1 < argc)
        val = argv[++*i];
    else
        return ss_cli_usage_error(CMD, "%s needs a value", name);
    if (shard)
        return parse_shard(val, a);
    a->show = val;
    return 0;
}

static int parse_args(int argc, char **argv, batch_args *a)
{
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    if (!rest)
        return ss_cli_usage_error(CMD, "out of memory");
    int nrest = 0, code = 0;
    for (int i = 0; i < argc && code == 0; i++) {
        bool taken;
        code = take_own_option(argc, argv, &i, a, &taken);
        if (!taken)
            rest[nrest++] = argv[i];
    }
    if (code == 0)
        code = ss_cli_parse(CMD, "jdo", nrest, rest, &a->common);
    free(rest);
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
