/* bench_engine: throughput and memory of one replication on one core.
 *
 *   A  M/M/10 (lambda 9 a day, mean service 1 day), 1,000,000 customers: data routing (mmc.lua)
 *      and a Lua function per routing decision (mmc_lua.lua)
 *   B  the three-node Jackson network with feedback, 500,000 customers: data routing
 *      (jackson.lua) and a Lua function at every episode end (jackson_lua.lua)
 *
 * samsim caps a horizon at 200 years (73,050 days), and 1,000,000 customers at 9 a day need
 * 111,111 days, so case A runs the same queue with the clock in half-days: arrivals 18 a day,
 * mean service 0.5 day, a sample every 3.5 days.  The sequence of events is the same M/M/10
 * process (same utilisation, same number of events per customer), over 55,556 days.
 *
 * Rates are per CPU second of the case's process (CLOCK_PROCESS_CPUTIME_ID), so other work on a
 * busy machine does not lower them; wall time is printed beside.  The floor (bench_floor.c, the
 * same queue written as directly as C allows, with the same generator) runs after case A-data,
 * and samsim's cost per event is printed as a multiple of the floor's.
 *
 * Each case runs in its own child process, so its peak resident memory (getrusage ru_maxrss) is
 * its own and not the largest of the cases before it.  The clock covers ss_sim_run only (loading
 * the scenario and setting up the sandbox are not timed).  Run from the repository root (the
 * scenario paths are relative).  Figures are printed, never asserted: they depend on the machine.
 *
 *   build/bench/bench_engine            every case, a table on stdout
 *   build/bench/bench_engine A-lua ...  only the named cases
 *   BENCH_SCALE=0.1 build/bench/...     a tenth of the customers (a quick look) */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "results.h"
#include "scenario.h"
#include "sim.h"

#include <libgen.h>

/* Targets of issue 12 (events per CPU second; 0: none) */
#define TARGET_A_DATA 12e6
#define TARGET_A_LUA 5e6
#define TARGET_B_LUA 4e6
#define TARGET_PEAK_MIB_A 8.0
#define TARGET_FLOOR_RATIO 1.6

typedef struct bench_case {
    const char *name;
    const char *path;
    const char *what;
    double customers;
    double external_rate;  /* customers a day entering from outside, after the sets below */
    int lua;               /* a Lua call per routing decision */
    double target;         /* events per CPU second, 0 for none */
    double target_mib;     /* peak resident memory, 0 for none */
    const char *sets[4];   /* overrides besides the horizon and warm-up */
} bench_case;

/* M/M/10 with the clock in half-days (see the top of the file). */
#define HALF_DAYS {"demand.1.rate_per_day=18", "services.q.episode={\"exponential\", mean = 0.5}", \
                   "calendar.sample_days=3.5", NULL}

static const bench_case cases[] = {
    {"A-data", "scenarios/validation/mmc.lua", "M/M/10, data routing", 1e6, 18.0, 0, TARGET_A_DATA, TARGET_PEAK_MIB_A, HALF_DAYS},
    {"A-lua", "scenarios/validation/mmc_lua.lua", "M/M/10, Lua route per arrival", 1e6, 18.0, 1, TARGET_A_LUA, TARGET_PEAK_MIB_A, HALF_DAYS},
    {"B-data", "scenarios/validation/jackson.lua", "Jackson 3 nodes, data routing", 5e5, 8.6, 0, 0, 0, {NULL}},
    {"B-lua", "scenarios/validation/jackson_lua.lua", "Jackson 3 nodes, Lua next per visit", 5e5, 8.6, 1, TARGET_B_LUA, 0, {NULL}},
};
enum { NCASES = sizeof cases / sizeof cases[0] };

/* What a child sends back through its pipe. */
typedef struct figures {
    int ok;
    char error[512];
    double run_s, cpu_s;
    double events, persons, visits;
    double peak_mib, sim_mib;
} figures;

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static double cpu_now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static double peak_rss_mib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0;  /* Linux: KiB */
}

/* Runs in the child. */
static figures run_case(const bench_case *c, double scale)
{
    figures f = {0};
    char horizon[64];
    snprintf(horizon, sizeof horizon, "calendar.horizon_days=%.0f", ceil(c->customers * scale / c->external_rate));
    const char *sets[6] = {horizon, "calendar.warmup_days=0"};
    int nsets = 2;
    for (int i = 0; i < 4 && c->sets[i]; i++)
        sets[nsets++] = c->sets[i];
    ss_scenario_opts so = {.sets = sets, .nsets = nsets};
    ss_diag d;
    ss_scenario *sc = ss_scenario_load(c->path, &so, &d);
    if (!sc) {
        snprintf(f.error, sizeof f.error, "%s", d.msg);
        return f;
    }
    const ss_model *m = ss_scenario_model(sc);
    ss_sim *sim = ss_sim_new(m, &d);
    if (!sim) {
        snprintf(f.error, sizeof f.error, "%s", d.msg);
        ss_scenario_free(sc);
        return f;
    }
    double t1 = now_s(), c1 = cpu_now_s();
    ss_rep_result r;
    int rc = ss_sim_run(sim, 1, 0, &r, &d);
    double t2 = now_s(), c2 = cpu_now_s();
    if (rc < 0) {
        snprintf(f.error, sizeof f.error, "%s", d.msg);
    } else {
        f.ok = 1;
        f.run_s = t2 - t1;
        f.cpu_s = c2 - c1;
        f.events = (double)r.events;
        f.persons = r.system[SS_YM_PERSONS];
        for (int s = 0; s < r.nservices; s++)
            f.visits += ss_rep_service(&r, s)[SS_SM_ARRIVALS];
        f.sim_mib = ss_sim_memory(sim) / (1024.0 * 1024.0);
        ss_rep_result_free(&r);
    }
    f.peak_mib = peak_rss_mib();
    ss_sim_free(sim);
    ss_scenario_free(sc);
    return f;
}

/* fork, run, read the figures back; the child's memory dies with it. */
static figures in_child(const bench_case *c, double scale)
{
    figures f = {0};
    int fd[2];
    if (pipe(fd) < 0) {
        snprintf(f.error, sizeof f.error, "pipe failed");
        return f;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(f.error, sizeof f.error, "fork failed");
        return f;
    }
    if (pid == 0) {
        close(fd[0]);
        figures g = run_case(c, scale);
        ssize_t w = write(fd[1], &g, sizeof g);
        _exit(w == (ssize_t)sizeof g ? 0 : 1);
    }
    close(fd[1]);
    ssize_t got = 0, n;
    while (got < (ssize_t)sizeof f && (n = read(fd[0], (char *)&f + got, sizeof f - got)) > 0)
        got += n;
    close(fd[0]);
    int status;
    waitpid(pid, &status, 0);
    if (got != (ssize_t)sizeof f) {
        memset(&f, 0, sizeof f);
        snprintf(f.error, sizeof f.error, "the case's process ended without figures (status %d)", status);
    }
    return f;
}

static const char *mark(int met) { return met ? "yes" : "NO"; }

/* The floor program beside this one (same directory): events and CPU seconds for n customers. */
static int run_floor(const char *self, double customers, double *events, double *cpu_s)
{
    char dir[4096], cmd[4200];
    snprintf(dir, sizeof dir, "%s", self);
    snprintf(cmd, sizeof cmd, "'%s/bench_floor' %.0f", dirname(dir), customers);
    FILE *p = popen(cmd, "r");
    if (!p) return -1;
    double n, wait;
    int got = fscanf(p, "%lf %lf %lf %lf", &n, events, cpu_s, &wait);
    return pclose(p) == 0 && got == 4 ? 0 : -1;
}

static void print_floor(const char *self, double scale, const figures *a)
{
    double events, cpu;
    if (run_floor(self, 1e6 * scale, &events, &cpu) < 0) {
        printf("floor   bench_floor did not run (make bench builds it beside this program)\n");
        return;
    }
    printf("%-7s %-36s %9.0f %10.0f %7s %7.3f %9.2fM\n", "floor", "M/M/10 in ~50 lines of C (bench_floor)",
           1e6 * scale, events, "-", cpu, events / cpu / 1e6);
    if (a && a->ok) {
        double ns_samsim = a->cpu_s / a->events * 1e9, ns_floor = cpu / events * 1e9;
        double ratio = ns_samsim / ns_floor;
        printf("\nA-data against the floor: %.1f ns an event against %.1f ns: %.2f x the floor "
               "(target <= %.1f: %s)\n", ns_samsim, ns_floor, ratio, TARGET_FLOOR_RATIO,
               mark(ratio <= TARGET_FLOOR_RATIO));
    }
}

int main(int argc, char **argv)
{
    const char *sc = getenv("BENCH_SCALE");
    double scale = sc ? atof(sc) : 1.0;
    if (!(scale > 0)) scale = 1.0;
    printf("engine benchmark: one replication on one core, each case in its own process (seed 1, no warm-up);\n"
           "rates per CPU second\n");
    printf("baseline peak RSS of the bench process before any case: %.1f MiB\n\n", peak_rss_mib());
    printf("%-7s %-36s %9s %10s %7s %7s %10s %10s %10s %9s %8s  %-22s %-7s\n", "case", "model", "customers",
           "events", "wall s", "cpu s", "events/s", "persons/s", "visits/s", "peak MiB", "sim MiB",
           "target events/s, MiB", "met");
    int failed = 0;
    figures a_data = {0};
    for (int i = 0; i < NCASES; i++) {
        const bench_case *c = &cases[i];
        bool wanted = argc < 2;
        for (int a = 1; a < argc; a++)
            if (strcmp(argv[a], c->name) == 0) wanted = true;
        if (!wanted) continue;
        figures f = in_child(c, scale);
        if (!f.ok) {
            printf("%-7s %-36s failed: %s\n", c->name, c->what, f.error);
            failed = 1;
            continue;
        }
        if (i == 0) a_data = f;
        double eps = f.events / f.cpu_s;
        char tgt[64] = "", met[16] = "";
        if (c->target > 0) {
            snprintf(tgt, sizeof tgt, ">= %.0fM", c->target / 1e6);
            snprintf(met, sizeof met, "%s", mark(eps >= c->target));
        }
        if (c->target_mib > 0) {
            size_t n = strlen(tgt);
            snprintf(tgt + n, sizeof tgt - n, ", <= %.0f MiB", c->target_mib);
            n = strlen(met);
            snprintf(met + n, sizeof met - n, "/%s", mark(f.peak_mib <= c->target_mib));
        }
        printf("%-7s %-36s %9.0f %10.0f %7.3f %7.3f %9.2fM %9.2fM %9.2fM %9.1f %8.2f  %-22s %-7s\n", c->name,
               c->what, f.persons, f.events, f.run_s, f.cpu_s, eps / 1e6, f.persons / f.cpu_s / 1e6,
               f.visits / f.cpu_s / 1e6, f.peak_mib, f.sim_mib, tgt[0] ? tgt : "-", met[0] ? met : "-");
    }
    if (argc < 2)
        print_floor(argv[0], scale, a_data.ok ? &a_data : NULL);
    printf("\ncustomers: persons arrived; visits: referrals to services (a Jackson customer visits 1.7 nodes);\n"
           "rates are per CPU second of ss_sim_run (wall s beside it: a busy machine shows wall > cpu);\n"
           "peak MiB: ru_maxrss of the case's process; sim MiB: what ss_sim_memory() accounts for at the end;\n"
           "met: events/s target / memory target (issue 12).\n");
    return failed;
}
