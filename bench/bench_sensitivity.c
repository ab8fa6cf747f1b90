/* bench_sensitivity: Morris screening of Lørenskog 2021 over all its ranged assumptions on 2
 * workers, the way `samsim sensitivity scenarios/lorenskog/barn-unge-2021.lua --method morris
 * -j 2` runs it (target <= 2 minutes on 2 cores, issue 13), and the numbers that came out on top
 * for the wait at FPH's child team and the time to first help.
 *
 * Wall-clock and CPU seconds are printed, never asserted; other work on the machine lowers the
 * wall-clock figure (the load average is printed by bench/run.sh).  BENCH_SCALE=0.2 runs fewer
 * trajectories. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sensitivity.h"
#include "tornado.h"

#define LORENSKOG "scenarios/lorenskog/barn-unge-2021.lua"
#define TARGET_S 120.0
#define SHOWN 6

static double clock_s(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void print_top(const ss_sens_result *r, int m)
{
    int *order = malloc(sizeof *order * (size_t)r->nparams);
    ss_sens_rank(r, m, order);
    printf("  %s, the largest mu* (sigma):\n", r->metrics[m].name);
    for (int k = 0; k < SHOWN && k < r->nparams; k++) {
        const ss_sens_param *p = &r->params[order[k]];
        printf("    %d. %-52s %-10s %.4g-%.4g   mu* %8.3f  (%.3f)\n", k + 1, p->r.path, p->r.kind, p->r.range.low,
               p->r.range.high, p->morris[m].mu_star, p->morris[m].sigma);
    }
    free(order);
}

int main(void)
{
    const char *scale_env = getenv("BENCH_SCALE");
    double scale = scale_env ? atof(scale_env) : 1.0;
    int r = (int)fmax(2, round(10 * scale));
    static const char *const metrics[] = {"fph_barn.wait_mean", "first_help_mean"};
    ss_sens_opts o = {.scenario = LORENSKOG, .metrics = metrics, .nmetrics = 2, .methods = SS_SENS_MORRIS,
                      .trajectories = r, .levels = 4, .screen = 0.1, .samples = 64, .resamples = 0, .reps = 3,
                      .seed = 1, .run.jobs = 2};
    double w0 = clock_s(CLOCK_MONOTONIC), c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
    ss_sens_result res;
    ss_diag d;
    if (ss_sensitivity_run(&o, &res, &d) < 0) {
        fprintf(stderr, "bench_sensitivity: %s\n", d.msg);
        return 1;
    }
    double wall = clock_s(CLOCK_MONOTONIC) - w0, cpu = clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
    printf("Morris screening of Lørenskog 2021: %d ranged numbers, %d trajectories, %ld points x %d replications, "
           "2 workers\n", res.nparams, r, res.morris_points, o.reps);
    printf("  wall-clock %.1f s (target <= %.0f s: %s), CPU %.1f s (%.1f ms a point; on two idle cores about "
           "%.1f s)\n", wall, TARGET_S, wall <= TARGET_S ? "met" : "NOT met", cpu,
           1000 * cpu / (double)res.morris_points, cpu / 2);
    for (int m = 0; m < res.nmetrics; m++) print_top(&res, m);
    ss_sens_result_free(&res);
    return 0;
}
