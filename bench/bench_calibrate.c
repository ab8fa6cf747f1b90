/* bench_calibrate: `samsim calibrate scenarios/lorenskog/barn-unge-2021.lua -j 2` as the library
 * runs it — history matching of every calibrated number with a range to FPH's two targets (about
 * 1,100 cases a year, a wait near three months in May 2021) — and what came out: the waves, the
 * points kept, and each number's fitted share of its prior.
 *
 * Wall-clock and CPU seconds are printed, never asserted; other work on the machine lowers the
 * wall-clock figure (bench/run.sh prints the load average).  BENCH_SCALE=0.25 runs fewer points. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "calibrate.h"

#define LORENSKOG "scenarios/lorenskog/barn-unge-2021.lua"

static double clock_s(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(void)
{
    const char *scale_env = getenv("BENCH_SCALE");
    double scale = scale_env ? atof(scale_env) : 1.0;
    ss_calib_opts o = {.scenario = LORENSKOG, .points = (int)fmax(8, round(64 * scale)), .waves = 3, .cutoff = 3,
                       .reps = 5, .seed = 1, .run.jobs = 2};
    double w0 = clock_s(CLOCK_MONOTONIC), c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
    ss_calib_result r;
    ss_diag d;
    int rc = ss_calibrate_run(&o, &r, &d);
    double wall = clock_s(CLOCK_MONOTONIC) - w0, cpu = clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
    long points = 0;
    for (int w = 0; w < r.nwaves; w++) points += r.waves[w].points;
    printf("History matching of Lørenskog 2021: %d calibrated numbers, %d targets, %d wave(s) of %d points x %d "
           "replications per target window, 2 workers\n", r.nparams, r.ntargets, r.nwaves, o.points, o.reps);
    printf("  wall-clock %.1f s, CPU %.1f s (%.0f ms a point)\n", wall, cpu, points ? 1000 * cpu / (double)points : 0.0);
    if (rc < 0) {
        printf("  %s\n", d.msg);
        ss_calib_result_free(&r);
        return 0;
    }
    for (int w = 0; w < r.nwaves; w++)
        printf("  wave %d: box %.3g of the prior, %ld of %ld points kept\n", w + 1, r.waves[w].box_share,
               r.waves[w].kept, r.waves[w].points);
    for (int i = 0; i < r.nparams; i++)
        printf("    %-52s %8.4g-%-8.4g fitted %8.4g-%-8.4g %s\n", r.params[i].r.path, r.params[i].r.range.low,
               r.params[i].r.range.high, r.params[i].fit_low, r.params[i].fit_high,
               ss_calib_verdict_name(ss_calib_verdict_of(&r.params[i])));
    ss_calib_result_free(&r);
    return 0;
}
