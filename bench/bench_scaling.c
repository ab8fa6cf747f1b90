/* bench_scaling: how samsim scales — per core, over cores, and up to a whole-Norway sweep.
 *
 *   A  one core: events/s, persons/s, peak memory and the cost of storing a replication, for the
 *      default scenario (Småby, 12,000 inhabitants, 3 years), Lørenskog 2021 (42,000, 4 years)
 *      and the synthetic Storby (700,000 inhabitants, 10 years); each in its own process, so
 *      its peak resident memory (getrusage ru_maxrss) is its own
 *   B  the same batch (default scenario, 2 models x 4 staffing levels x 25 replications) with
 *      1 and 2 workers (and all cores when there are more), as a pool of (run, replication)
 *      jobs, against one run at a time with all cores on its replications; and the simulation
 *      alone, without the store, to show what the SQLite writer costs
 *   C  merging shard files
 *   D  an estimate, from A-C, of a whole-Norway sweep: 356 municipalities x 5 models x 50
 *      replications on a 64-core machine, with how it was made
 *
 * Run from the repository root (scenario paths are relative).  Figures are printed, never
 * asserted: they depend on the machine and on its load.
 *   build/bench/bench_scaling              everything
 *   BENCH_SCALE=0.2 build/bench/...        a fifth of the replications, for a quick look */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "merge.h"
#include "results.h"
#include "runner.h"
#include "scenario.h"
#include "sim.h"
#include "store.h"
#include "study.h"

/* Norway, for the estimate (EXTERNAL: SSB, 1 January 2024: 5,550,203 inhabitants in 356
 * municipalities). */
#define NORWAY_INHABITANTS 5.55e6
#define NORWAY_MUNICIPALITIES 356
#define SWEEP_MODELS 5
#define SWEEP_REPLICATIONS 50
#define MACHINE_CORES 64
#define SHARDS_ON_MACHINE 8   /* 8 shard processes x 8 workers: 8 SQLite writers, not one */

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double bench_scale(void)
{
    const char *s = getenv("BENCH_SCALE");
    double x = s ? atof(s) : 1.0;
    return x > 0 ? x : 1.0;
}

static int scaled(int n, double scale)
{
    int k = (int)lround(n * scale);
    return k < 2 ? 2 : k;
}

/* ---- A: one core ------------------------------------------------------------------------------ */

typedef struct core_case {
    const char *name, *path, *what;
    double inhabitants, years;
    int reps;
} core_case;

static const core_case core_cases[] = {
    {"default", "scenarios/default.lua", "Småby (default), 12,000 inhabitants", 12000, 3, 40},
    {"lorenskog", "scenarios/lorenskog/barn-unge-2021.lua", "Lørenskog 2021, 42,000 inhabitants", 42000, 4, 10},
    {"storby", "scenarios/synthetic/storby.lua", "Storby (synthetic), 700,000, 10 years", 700000, 10, 2},
};
enum { NCORE = sizeof core_cases / sizeof core_cases[0] };

/* What a child sends back through its pipe. */
typedef struct core_figures {
    int ok;
    char error[512];
    int reps;
    double load_s, sim_s, store_s;   /* per replication, except load (once) */
    double events, persons;          /* per replication */
    double peak_mib, sim_mib;
} core_figures;

static double peak_rss_mib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0;  /* Linux: KiB */
}

/* Replications one after another on this core; each is also written to a scratch database, so
 * the cost of storing it is measured on the same rows a batch writes. */
static void simulate_and_store(const core_case *c, const ss_scenario *sc, ss_sim *sim, ss_store *st,
                               int64_t run_id, const ss_run_info *info, core_figures *f)
{
    ss_diag d;
    for (int rep = 0; rep < f->reps; rep++) {
        ss_rep_result r;
        double t0 = now_s();
        if (ss_sim_run(sim, 1, rep, &r, &d) < 0) {
            snprintf(f->error, sizeof f->error, "%s", d.msg);
            return;
        }
        double t1 = now_s();
        int rc = ss_store_replication(st, run_id, &r, info, &d);
        double t2 = now_s();
        f->sim_s += t1 - t0;
        f->store_s += t2 - t1;
        f->events += (double)r.events;
        f->persons += r.system[SS_YM_PERSONS];
        ss_rep_result_free(&r);
        if (rc < 0) {
            snprintf(f->error, sizeof f->error, "%s", d.msg);
            return;
        }
    }
    (void)c;
    (void)sc;
    f->ok = 1;
}

static void scratch_path(char *out, size_t n, const char *tag)
{
    snprintf(out, n, "/tmp/samsim_bench_%s_%ld.db", tag, (long)getpid());
}

static void remove_db(const char *path)
{
    char side[600];
    remove(path);
    snprintf(side, sizeof side, "%s-wal", path);
    remove(side);
    snprintf(side, sizeof side, "%s-shm", path);
    remove(side);
}

/* Runs in the child. */
static core_figures run_core_case(const core_case *c, int reps)
{
    core_figures f = {.reps = reps};
    ss_diag d;
    double t0 = now_s();
    ss_scenario *sc = ss_scenario_load(c->path, NULL, &d);
    ss_sim *sim = sc ? ss_sim_new(ss_scenario_model(sc), &d) : NULL;
    f.load_s = now_s() - t0;
    char db[256];
    scratch_path(db, sizeof db, c->name);
    ss_store *st = sim ? ss_store_open(db, &d) : NULL;
    ss_study info;
    int64_t run_id = 0;
    if (st) {
        ss_study_init(&info, sc, 1, reps, "bench");
        ss_store_prepare_batch(st, &d);  /* the batch's settings: commits without a flush */
        if (ss_store_begin_run(st, &info.info, &run_id, &d) == 0)
            simulate_and_store(c, sc, sim, st, run_id, &info.info, &f);
        else
            snprintf(f.error, sizeof f.error, "%s", d.msg);
        ss_study_fini(&info);
    } else {
        snprintf(f.error, sizeof f.error, "%s", d.msg);
    }
    if (f.ok) {
        f.sim_mib = (double)ss_sim_memory(sim) / (1024.0 * 1024.0);
        f.sim_s /= reps;
        f.store_s /= reps;
        f.events /= reps;
        f.persons /= reps;
    }
    f.peak_mib = peak_rss_mib();
    ss_store_close(st);
    remove_db(db);
    ss_sim_free(sim);
    ss_scenario_free(sc);
    return f;
}

/* fork, run, read the figures back; the child's memory dies with it. */
static core_figures core_in_child(const core_case *c, int reps)
{
    core_figures f = {0};
    int fd[2];
    if (pipe(fd) < 0) {
        snprintf(f.error, sizeof f.error, "pipe failed");
        return f;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        core_figures g = run_core_case(c, reps);
        ssize_t w = write(fd[1], &g, sizeof g);
        _exit(w == (ssize_t)sizeof g ? 0 : 1);
    }
    close(fd[1]);
    ssize_t got = 0, n;
    while (pid > 0 && got < (ssize_t)sizeof f && (n = read(fd[0], (char *)&f + got, sizeof f - (size_t)got)) > 0)
        got += n;
    close(fd[0]);
    int status = 0;
    if (pid > 0)
        waitpid(pid, &status, 0);
    if (got != (ssize_t)sizeof f) {
        memset(&f, 0, sizeof f);
        snprintf(f.error, sizeof f.error, "the case's process ended without figures (status %d)", status);
    }
    return f;
}

static void print_core_header(void)
{
    printf("A. one core: replications one after another, each also stored (seed 1)\n");
    printf("%-10s %-40s %5s %9s %9s %10s %10s %9s %9s %9s %10s\n", "case", "scenario", "reps", "load ms",
           "sim ms", "events/s", "persons/s", "store ms", "peak MiB", "sim MiB", "KiB/person");
}

static void print_core_row(const core_case *c, const core_figures *f)
{
    if (!f->ok) {
        printf("%-10s %-40s failed: %s\n", c->name, c->what, f->error);
        return;
    }
    printf("%-10s %-40s %5d %9.1f %9.1f %10.0f %10.0f %9.2f %9.1f %9.1f %10.2f\n", c->name, c->what, f->reps,
           1e3 * f->load_s, 1e3 * f->sim_s, f->events / f->sim_s, f->persons / f->sim_s, 1e3 * f->store_s,
           f->peak_mib, f->sim_mib, f->persons > 0 ? f->peak_mib * 1024.0 / f->persons : NAN);
}

/* ---- B: over cores ---------------------------------------------------------------------------- */

/* A batch plan written to the scratch folder; paths are made absolute so it runs anywhere. */
typedef struct bench_batch {
    const char *label;
    char plan[300];
    ss_plan *p;
    double jobs;
    double pool1, pool2, poolN, run_at_a_time, sim1, sim2;
} bench_batch;

static int write_plan(bench_batch *b, const char *dir, const char *name, const char *body_fmt, int reps)
{
    char cwd[512], body[2048];
    if (!getcwd(cwd, sizeof cwd))
        return -1;
    snprintf(b->plan, sizeof b->plan, "%s/%s.lua", dir, name);
    snprintf(body, sizeof body, body_fmt, cwd, cwd);
    FILE *f = fopen(b->plan, "w");
    if (!f)
        return -1;
    fprintf(f, "return {\n  name = \"%s\",\n%s  replications = %d, seed = 1, output = \"%s.db\",\n}\n", name, body,
            reps, name);
    if (fclose(f) != 0)
        return -1;
    ss_diag d;
    b->p = ss_plan_load(b->plan, &d);
    if (!b->p)
        fprintf(stderr, "bench: %s\n", d.msg);
    return b->p ? 0 : -1;
}

/* Seconds for the whole batch into a new file (checking the plan included); NaN on failure. */
static double time_batch(const ss_plan *p, const char *db, int workers, int shard, int nshards)
{
    remove_db(db);
    ss_batch_opts o = {.jobs = workers, .db = db, .shard = shard, .nshards = nshards, .command_line = "bench"};
    ss_batch_result r;
    ss_batch_failure why;
    ss_diag d;
    double t0 = now_s();
    int rc = ss_batch_run(p, &o, &r, &d, &why);
    double t = now_s() - t0;
    ss_batch_result_free(&r);
    if (rc < 0)
        fprintf(stderr, "bench: batch failed: %s\n", d.msg);
    return rc < 0 ? NAN : t;
}

/* One run of the plan through the runner, its replications over the workers, written to st. */
static int run_alone(const ss_plan *p, const ss_plan_point *pt, ss_store *st, int workers)
{
    ss_scenario_opts so = {.overlays = pt->overlays, .noverlays = pt->noverlays, .sets = pt->sets, .nsets = pt->nsets};
    ss_diag d;
    ss_scenario *sc = ss_scenario_load(pt->scenario, &so, &d);
    if (!sc)
        return -1;
    int reps = ss_plan_replications(p);
    ss_study info;
    ss_study_init(&info, sc, ss_plan_seed(p), reps, "bench");
    ss_rep_result *res = calloc((size_t)reps, sizeof *res);
    ss_store_recorder rec = {.store = st, .info = &info.info};
    ss_run_opts o = {.seed = ss_plan_seed(p), .reps = reps, .jobs = workers, .record = ss_store_record, .record_ctx = &rec};
    int rc = res && ss_store_begin_run(st, &info.info, &rec.run_id, &d) == 0 ? 0 : -1;
    if (rc == 0)
        rc = ss_run_replications(ss_scenario_model(sc), &o, res, &d);
    ss_summary sum;
    if (rc == 0 && ss_summary_build(&sum, res, reps, ss_scenario_model(sc)->nservices, 0.95) == 0) {
        rc = ss_store_finish_run(st, rec.run_id, &sum, &info.info, &d);
        ss_summary_free(&sum);
    }
    for (int r = 0; rc == 0 && r < reps; r++)
        ss_rep_result_free(&res[r]);
    free(res);
    ss_study_fini(&info);
    ss_scenario_free(sc);
    return rc;
}

/* The other way to use the cores: each run alone, its replications spread over the workers
 * (ss_run_replications, as `samsim run`), written with the batch's store settings. */
static double time_run_at_a_time(const ss_plan *p, const char *db, int workers)
{
    remove_db(db);
    ss_diag d;
    ss_store *st = ss_store_open(db, &d);
    if (!st || ss_store_prepare_batch(st, &d)) {
        ss_store_close(st);
        return NAN;
    }
    double t0 = now_s();
    int rc = 0;
    for (int i = 0; i < ss_plan_npoints(p) && rc == 0; i++)
        rc = run_alone(p, ss_plan_point_at(p, i), st, workers);
    double t = now_s() - t0;
    ss_store_close(st);
    return rc == 0 ? t : NAN;
}

/* The simulation alone: the batch's replications, no store. */
static double time_simulation_only(const ss_plan *p, int workers)
{
    double t0 = now_s();
    for (int i = 0; i < ss_plan_npoints(p); i++) {
        const ss_plan_point *pt = ss_plan_point_at(p, i);
        ss_scenario_opts so = {.overlays = pt->overlays, .noverlays = pt->noverlays, .sets = pt->sets, .nsets = pt->nsets};
        ss_diag d;
        ss_scenario *sc = ss_scenario_load(pt->scenario, &so, &d);
        if (!sc)
            return NAN;
        int reps = ss_plan_replications(p);
        ss_rep_result *res = calloc((size_t)reps, sizeof *res);
        ss_run_opts o = {.seed = ss_plan_seed(p), .reps = reps, .jobs = workers};
        int rc = res ? ss_run_replications(ss_scenario_model(sc), &o, res, &d) : -1;
        for (int r = 0; rc == 0 && r < reps; r++)
            ss_rep_result_free(&res[r]);
        free(res);
        ss_scenario_free(sc);
        if (rc < 0)
            return NAN;
    }
    return now_s() - t0;
}

static void print_mode(const char *what, double t, double jobs, double base)
{
    printf("    %-56s %7.2f s %8.0f rep/s   speed-up %.2f\n", what, t, jobs / t, base / t);
}

static void print_batch(const bench_batch *b, int cores)
{
    printf("  %s = %.0f replications\n", b->label, b->jobs);
    print_mode("pool of (run, replication) jobs, 1 worker", b->pool1, b->jobs, b->pool1);
    print_mode("pool of (run, replication) jobs, 2 workers", b->pool2, b->jobs, b->pool1);
    if (cores > 2) {
        char what[96];
        snprintf(what, sizeof what, "pool of (run, replication) jobs, %d workers", cores);
        print_mode(what, b->poolN, b->jobs, b->pool1);
    }
    if (!isnan(b->run_at_a_time))
        print_mode("one run at a time, its replications on 2 workers", b->run_at_a_time, b->jobs, b->pool1);
    print_mode("simulation only (no store), 1 worker", b->sim1, b->jobs, b->sim1);
    print_mode("simulation only (no store), 2 workers", b->sim2, b->jobs, b->sim1);
}

static void measure_batch(bench_batch *b, const char *dir, int cores, bool at_a_time)
{
    char db[400];
    snprintf(db, sizeof db, "%s/bench.db", dir);
    b->jobs = (double)ss_plan_npoints(b->p) * ss_plan_replications(b->p);
    b->pool1 = time_batch(b->p, db, 1, 0, 0);
    b->pool2 = time_batch(b->p, db, 2, 0, 0);
    b->poolN = cores > 2 ? time_batch(b->p, db, cores, 0, 0) : b->pool2;
    b->run_at_a_time = at_a_time ? time_run_at_a_time(b->p, db, 2) : NAN;
    b->sim1 = time_simulation_only(b->p, 1);
    b->sim2 = time_simulation_only(b->p, 2);
}

/* Seconds to merge the two shards of the batch into a new file. */
static double measure_merge(const bench_batch *b, const char *dir)
{
    char shard1[400], shard2[400], merged[400];
    snprintf(shard1, sizeof shard1, "%s/bench.shard-1-of-2.db", dir);
    snprintf(shard2, sizeof shard2, "%s/bench.shard-2-of-2.db", dir);
    snprintf(merged, sizeof merged, "%s/merged.db", dir);
    time_batch(b->p, shard1, 2, 1, 2);
    time_batch(b->p, shard2, 2, 2, 2);
    remove_db(merged);
    const char *inputs[] = {shard1, shard2};
    ss_merge_result mr;
    ss_diag d;
    double t0 = now_s();
    return ss_merge(merged, inputs, 2, &mr, &d) == 0 ? now_s() - t0 : NAN;
}

/* What the estimate takes from B and C. */
typedef struct scaling {
    double efficiency;     /* speed-up of the larger batch on 2 workers, over 2 */
    double merge_per_rep;  /* seconds to merge one replication of the small batch */
} scaling;

/* ---- D: whole Norway ------------------------------------------------------------------------------ */

/* The sweep's figures for one horizon: seconds on the machine of each part. */
typedef struct sweep_estimate {
    double cpu, simulation, storing, loading, merging, total;
} sweep_estimate;

/* Everything is scaled from the case that costs most per inhabitant-year (a real municipality's
 * organisation, Lørenskog, not Småby's five services), so the estimate errs on the slow side. */
static sweep_estimate estimate_sweep(const core_figures *a, const scaling *s, int costly, double years)
{
    const core_case *c = &core_cases[costly];
    const core_figures *f = &a[costly];
    const double runs = (double)NORWAY_MUNICIPALITIES * SWEEP_MODELS, reps = runs * SWEEP_REPLICATIONS;
    double per_inhabitant_year = f->sim_s / (c->inhabitants * c->years);
    double stretch = years / c->years;  /* simulated time and stored series grow with the horizon */
    double efficiency = s->efficiency;  /* measured on 2 workers, assumed to hold on 64 */
    double merge_per_store = s->merge_per_rep / a[0].store_s;  /* merging a replication vs storing it */
    sweep_estimate e;
    e.cpu = reps * a[0].sim_s + (double)SWEEP_MODELS * SWEEP_REPLICATIONS * NORWAY_INHABITANTS * years * per_inhabitant_year;
    e.simulation = e.cpu / ((MACHINE_CORES - SHARDS_ON_MACHINE) * efficiency);  /* a core per writer */
    e.storing = reps * f->store_s * stretch / SHARDS_ON_MACHINE;
    e.loading = 2 * runs * f->load_s / MACHINE_CORES;  /* each run loaded to check it, and to run it */
    e.merging = reps * f->store_s * stretch * merge_per_store;
    e.total = (e.simulation > e.storing ? e.simulation : e.storing) + e.loading + e.merging;
    return e;
}

static int costliest_case(const core_figures *a)
{
    int k = 0;
    for (int i = 1; i < NCORE; i++)
        if (a[i].ok && a[i].sim_s / (core_cases[i].inhabitants * core_cases[i].years) >
                           a[k].sim_s / (core_cases[k].inhabitants * core_cases[k].years))
            k = i;
    return k;
}

static void print_estimate_row(const char *what, const sweep_estimate *e)
{
    printf("   %-22s %10.0f %10.0f %9.0f %9.0f %9.0f %9.1f  %s\n", what, e->cpu, e->simulation, e->storing,
           e->loading, e->merging, e->total / 60, e->total <= 3600 ? "yes" : "NO");
}

static void print_estimate(const core_figures *a, const scaling *s)
{
    for (int i = 0; i < NCORE; i++)
        if (!a[i].ok) {
            printf("D. no estimate: case %s failed\n", core_cases[i].name);
            return;
        }
    if (isnan(s->efficiency) || isnan(s->merge_per_rep)) {
        printf("D. no estimate: a measurement in B or C failed\n");
        return;
    }
    int k = costliest_case(a);
    const core_case *c = &core_cases[k];
    printf("D. estimate: whole Norway, %d municipalities x %d models x %d replications = %d replications\n",
           NORWAY_MUNICIPALITIES, SWEEP_MODELS, SWEEP_REPLICATIONS,
           NORWAY_MUNICIPALITIES * SWEEP_MODELS * SWEEP_REPLICATIONS);
    printf("   on a %d-core machine as %d shards (samsim batch --shard K/%d) of %d workers, then one merge.\n",
           MACHINE_CORES, SHARDS_ON_MACHINE, SHARDS_ON_MACHINE, MACHINE_CORES / SHARDS_ON_MACHINE);
    printf("   How: every municipality is taken to cost what %s costs per inhabitant-year (%.3f us\n"
           "   on one core, the costliest case in A), plus Småby's whole replication as a fixed part;\n"
           "   Norway has %.2f million inhabitants (SSB 2024).  The core-seconds are spread over %d cores\n"
           "   (one core per shard writes) at the efficiency of simulating Lørenskog on 2 workers in B\n"
           "   (%.0f %%).  Storing takes %s's %.1f ms per replication from A, on %d writers at once;\n"
           "   merging takes what C measured per replication, relative to storing one.  A longer\n"
           "   horizon stretches simulating, storing and merging alike.\n",
           c->name, 1e6 * a[k].sim_s / (c->inhabitants * c->years), NORWAY_INHABITANTS / 1e6,
           MACHINE_CORES - SHARDS_ON_MACHINE, 100 * s->efficiency, c->name, 1e3 * a[k].store_s, SHARDS_ON_MACHINE);
    printf("   %-22s %10s %10s %9s %9s %9s %9s  %s\n", "horizon", "core-s", "simulate s", "store s", "load s",
           "merge s", "total min", "in 1 hour");
    char what[64];
    snprintf(what, sizeof what, "%.0f years (as %s)", c->years, c->name);
    sweep_estimate e = estimate_sweep(a, s, k, c->years);
    print_estimate_row(what, &e);
    e = estimate_sweep(a, s, k, 10);
    print_estimate_row("10 years", &e);
    printf("   (simulating and storing overlap, so the total counts the larger of the two; the largest\n"
           "    municipality, Oslo, is about Storby: %.1f s a replication on one core)\n", a[2].sim_s);
}

static const char small_plan[] =
    "  scenarios = { \"%s/scenarios/default.lua\" },\n"
    "  models = { {}, { \"%s/scenarios/models/more-fph-staff.lua\" } },\n"
    "  sweep = { [\"services.fph.fte\"] = { 3, 4, 5, 6 } },\n";
static const char large_plan[] =
    "  scenarios = { \"%s/scenarios/lorenskog/barn-unge-2021.lua\" },\n"
    "  sweep = { [\"services.fph_barn.fte\"] = { 7, 8, 9 } },  -- %s\n";

static int measure_batches(double scale, scaling *out)
{
    char dir[] = "/tmp/samsim_bench_XXXXXX";
    if (!mkdtemp(dir))
        return -1;
    int cores = ss_cores();
    bench_batch small = {.label = "many small runs: default scenario, 2 models x 4 FPH staffing levels x 25"};
    bench_batch large = {.label = "fewer, larger runs: Lørenskog 2021, FPH child team at 7, 8, 9 FTE x 30"};
    int rc = write_plan(&small, dir, "small", small_plan, scaled(25, scale)) ||
             write_plan(&large, dir, "large", large_plan, scaled(30, scale)) ? -1 : 0;
    if (rc == 0) {
        printf("B. the same batch with 1 and 2 workers (each time into a new file, checking the plan included)\n");
        measure_batch(&small, dir, cores, true);
        print_batch(&small, cores);
        measure_batch(&large, dir, cores, false);
        print_batch(&large, cores);
        printf("  (one more thread writes the batch, one transaction per replication, so \"1 worker\" already\n"
               "   keeps two cores busy; when a replication simulates faster than SQLite stores it, as in\n"
               "   Småby, the store sets the pace, not the cores)\n\n");
        double merge_s = measure_merge(&small, dir);
        printf("C. merging the 2 shard files of the small batch: %.2f s, %.0f replications/s\n\n", merge_s,
               small.jobs / merge_s);
        out->efficiency = fmin(1, large.sim1 / large.sim2 / 2);
        out->merge_per_rep = merge_s / small.jobs;
    }
    ss_plan_free(small.p);
    ss_plan_free(large.p);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? rc : -1;
}

int main(void)
{
    double scale = bench_scale();
    printf("scaling benchmark (%d cores online; BENCH_SCALE=%g)\n\n", ss_cores(), scale);
    core_figures a[NCORE];
    print_core_header();
    for (int i = 0; i < NCORE; i++) {
        a[i] = core_in_child(&core_cases[i], scaled(core_cases[i].reps, scale));
        print_core_row(&core_cases[i], &a[i]);
    }
    printf("   (sim ms and store ms per replication; persons counted after warm-up; peak MiB of the\n"
           "    case's own process; KiB/person = peak memory over the persons of one replication)\n\n");
    scaling s = {NAN, NAN};
    if (measure_batches(scale, &s)) {
        printf("B. the bench plans could not be written or run in /tmp\n");
        return 1;
    }
    print_estimate(a, &s);
    return 0;
}
