/* bench_goals: the scaling goals of issue 12, each printed beside its target with met / not met.
 *
 *   Lørenskog 2021, 20 replications on one core: CPU seconds, loading included (target <= 0.25 s)
 *   storing those 20 replications in SQLite as `samsim run --db` does: its share of the run's
 *     CPU (target <= 10 %)
 *   16 x the population (every cohort, every staffed service's FTE and the coordinators x 16):
 *     CPU per replication against 1 x (target <= 16.5 x)
 *   20 replications with 2 workers against 1 (ss_run_replications): wall-clock speed-up (target
 *     >= 1.8 x on an idle machine) and the CPU both used (a ratio near 1: no cost of parallelism)
 *
 * CPU time is CLOCK_PROCESS_CPUTIME_ID (all threads) or CLOCK_THREAD_CPUTIME_ID, so other work on
 * a busy machine lowers only the wall-clock speed-up, which is printed with the load average.
 * Each goal runs in this process after the one before; run from the repository root.
 * Figures are printed, never asserted.  BENCH_SCALE=0.2 runs fewer replications. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "results.h"
#include "runner.h"
#include "scenario.h"
#include "sim.h"
#include "store.h"
#include "study.h"

#define LORENSKOG "scenarios/lorenskog/barn-unge-2021.lua"
#define TARGET_LORENSKOG_CPU_S 0.25
#define TARGET_STORE_SHARE 0.10
#define TARGET_SCALING 16.5
#define TARGET_SPEEDUP 1.8
#define MAX_SETS 128

static double clock_s(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static const char *mark(bool met) { return met ? "met" : "NOT met"; }

static ss_scenario *load(const char *path, const char *const *sets, int nsets)
{
    ss_scenario_opts so = {.sets = sets, .nsets = nsets};
    ss_diag d;
    ss_scenario *sc = ss_scenario_load(path, &so, &d);
    if (!sc) fprintf(stderr, "bench_goals: %s\n", d.msg);
    return sc;
}

/* reps replications one after another; CPU seconds of this thread, or -1. */
static double simulate(const ss_model *m, int reps, ss_store *st, int64_t run_id, const ss_run_info *info,
                       double *store_cpu, double *events)
{
    ss_diag d;
    ss_sim *sim = ss_sim_new(m, &d);
    if (!sim) return -1;
    double sim_cpu = 0;
    for (int rep = 0; rep < reps; rep++) {
        ss_rep_result r;
        double c0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
        int rc = ss_sim_run(sim, 1, rep, &r, &d);
        double c1 = clock_s(CLOCK_THREAD_CPUTIME_ID);
        sim_cpu += c1 - c0;
        if (rc < 0) break;
        if (events) *events += (double)r.events;
        if (st) {
            rc = ss_store_replication(st, run_id, &r, info, &d);
            *store_cpu += clock_s(CLOCK_THREAD_CPUTIME_ID) - c1;
        }
        ss_rep_result_free(&r);
        if (rc < 0) {
            fprintf(stderr, "bench_goals: %s\n", d.msg);
            sim_cpu = -1;
            break;
        }
    }
    ss_sim_free(sim);
    return sim_cpu;
}

/* Lørenskog, 20 replications: loading plus simulating on one core; then the same replications
 * stored in a scratch database. */
static void goal_lorenskog(int reps)
{
    double c0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
    ss_scenario *sc = load(LORENSKOG, NULL, 0);
    if (!sc) return;
    double load_cpu = clock_s(CLOCK_THREAD_CPUTIME_ID) - c0, none = 0;
    double sim_cpu = simulate(ss_scenario_model(sc), reps, NULL, 0, NULL, &none, NULL);
    double total = load_cpu + sim_cpu;
    printf("Lørenskog 2021, %d replications, one core: %.3f s CPU (loading %.3f, simulating %.3f)   "
           "target <= %.2f s%s: %s\n", reps, total, load_cpu, sim_cpu, TARGET_LORENSKOG_CPU_S,
           reps == 20 ? "" : " for 20", mark(total * 20.0 / reps <= TARGET_LORENSKOG_CPU_S));
    char db[128];
    snprintf(db, sizeof db, "/tmp/samsim_goals_%ld.db", (long)getpid());
    ss_diag d;
    ss_store *st = ss_store_open(db, &d);
    ss_study info;
    ss_study_init(&info, sc, 1, reps, "bench_goals");
    int64_t run_id;
    double store_cpu = 0, sim2 = -1;
    if (st && ss_store_begin_run(st, &info.info, &run_id, &d) == 0)
        sim2 = simulate(ss_scenario_model(sc), reps, st, run_id, &info.info, &store_cpu, NULL);
    else
        fprintf(stderr, "bench_goals: %s\n", d.msg);
    if (sim2 > 0) {
        double share = store_cpu / (sim2 + store_cpu);
        printf("storing those replications in SQLite: %.3f s CPU of %.3f, %.1f %% of the run   "
               "target <= %.0f %%: %s\n", store_cpu, sim2 + store_cpu, 100 * share, 100 * TARGET_STORE_SHARE,
               mark(share <= TARGET_STORE_SHARE));
    }
    ss_study_fini(&info);
    ss_store_close(st);
    for (const char *ext = ""; ext; ext = *ext ? (ext[1] == 'w' ? "-shm" : NULL) : "-wal") {
        char path[160];
        snprintf(path, sizeof path, "%s%s", db, ext);
        remove(path);
    }
    ss_scenario_free(sc);
}

/* --set overrides that multiply the population, the staff and the coordinators of m by f. */
static int scaled_sets(const ss_model *m, double f, char buf[][96], const char *sets[])
{
    int n = 0;
    for (int i = 0; i < m->ncohorts && n < MAX_SETS; i++)
        snprintf(buf[n], 96, "population.%s.count=%.6g", m->cohorts[i].id, m->cohorts[i].count * f), n++;
    for (int i = 0; i < m->nservices && n < MAX_SETS; i++)
        if (isfinite(m->services[i].fte) && m->services[i].fte > 0)
            snprintf(buf[n], 96, "services.%s.fte=%.6g", m->services[i].id, m->services[i].fte * f), n++;
    if (m->coord.on && n < MAX_SETS)
        snprintf(buf[n], 96, "coordination.coordinators=%.6g", m->coord.coordinators * f), n++;
    for (int i = 0; i < n; i++) sets[i] = buf[i];
    return n;
}

/* CPU per replication at 1 x and at 16 x the population of Lørenskog. */
static void goal_scaling(int reps)
{
    ss_scenario *base = load(LORENSKOG, NULL, 0);
    if (!base) return;
    static char buf[MAX_SETS][96];
    const char *sets[MAX_SETS];
    int nsets = scaled_sets(ss_scenario_model(base), 16.0, buf, sets);
    ss_scenario *big = load(LORENSKOG, sets, nsets);
    double none = 0, e1 = 0, e16 = 0;
    int big_reps = reps / 8 < 1 ? 1 : reps / 8;
    double t1 = simulate(ss_scenario_model(base), reps, NULL, 0, NULL, &none, &e1) / reps;
    double t16 = big ? simulate(ss_scenario_model(big), big_reps, NULL, 0, NULL, &none, &e16) / big_reps : -1;
    e1 /= reps;
    e16 /= big_reps;
    if (t1 > 0 && t16 > 0) {
        printf("16 x the population of Lørenskog (%d overrides): %.1f ms CPU a replication against %.1f ms: "
               "%.2f x   target <= %.1f x: %s\n", nsets, 1e3 * t16, 1e3 * t1, t16 / t1, TARGET_SCALING,
               mark(t16 / t1 <= TARGET_SCALING));
        printf("  events a replication: %.0f against %.0f (%.2f x); CPU an event: %.0f ns against %.0f ns\n",
               e16, e1, e16 / e1, 1e9 * t16 / e16, 1e9 * t1 / e1);
    }
    ss_scenario_free(big);
    ss_scenario_free(base);
}

static double loadavg1(void)
{
    double l = NAN;
    FILE *f = fopen("/proc/loadavg", "r");
    if (f) {
        if (fscanf(f, "%lf", &l) != 1) l = NAN;
        fclose(f);
    }
    return l;
}

/* The same replications with 1 and 2 workers. */
static void goal_workers(int reps)
{
    ss_scenario *sc = load(LORENSKOG, NULL, 0);
    if (!sc) return;
    double wall[2], cpu[2];
    for (int j = 1; j <= 2; j++) {
        ss_rep_result *res = calloc(reps, sizeof *res);
        ss_run_opts o = {.seed = 1, .reps = reps, .jobs = j};
        ss_diag d;
        double w0 = clock_s(CLOCK_MONOTONIC), c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
        int rc = res ? ss_run_replications(ss_scenario_model(sc), &o, res, &d) : -1;
        wall[j - 1] = clock_s(CLOCK_MONOTONIC) - w0;
        cpu[j - 1] = clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
        if (rc == 0)
            for (int i = 0; i < reps; i++) ss_rep_result_free(&res[i]);
        else
            fprintf(stderr, "bench_goals: %s\n", res ? d.msg : "out of memory");
        free(res);
        if (rc < 0) {
            ss_scenario_free(sc);
            return;
        }
    }
    double speedup = wall[0] / wall[1];
    printf("Lørenskog, %d replications, -j 2 against -j 1: wall %.3f s against %.3f s, speed-up %.2f x   "
           "target >= %.1f x on an idle machine: %s%s\n", reps, wall[1], wall[0], speedup, TARGET_SPEEDUP,
           mark(speedup >= TARGET_SPEEDUP), loadavg1() > 0.5 ? " (the machine is busy: load average above)" : "");
    printf("  CPU of both workers against one: %.3f s against %.3f s (%.2f x: what running in parallel costs)\n",
           cpu[1], cpu[0], cpu[1] / cpu[0]);
    ss_scenario_free(sc);
}

int main(void)
{
    const char *s = getenv("BENCH_SCALE");
    double scale = s ? atof(s) : 1.0;
    if (!(scale > 0)) scale = 1.0;
    int reps = (int)lround(20 * scale);
    if (reps < 2) reps = 2;
    printf("scaling goals of issue 12 (seed 1; load average %.2f; CPU time unless said)\n", loadavg1());
    goal_lorenskog(reps);
    goal_scaling(reps < 16 ? reps : 16);
    goal_workers(reps);
    return 0;
}
