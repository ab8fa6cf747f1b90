/* test_calibrate_queue: `samsim calibrate` against a known truth.  An M/M/10 queue
 * (tests/fixtures/calibrate/queue.lua) is run at a known arrival rate (9 a day) and mean service
 * time (1 day), with a seed of its own, and its yearly count and mean wait become the targets of a
 * copy of the scenario.  Calibrating from the wide priors must give non-implausible ranges that
 * contain the true values and are narrower than the priors; the co-location effect, which nothing
 * in a one-service model reads, must be left free; a count no value inside the ranges can reach
 * must be reported as such, with the closest point, not as a calibration.  The calibrated point
 * puts the free number at the middle of its range and the others at the closest kept point. */
#include "testing.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "calibrate.h"
#include "calibration.h"
#include "results.h"
#include "scenario.h"
#include "sim.h"

#define QUEUE "tests/fixtures/calibrate/queue.lua"
#define TRUE_RATE 9.0
#define TRUE_SERVICE 1.0
#define TRUTH_SEED 77
#define TRUTH_REPS 10

/* The mean over replications of target t's metric at the scenario's own values (the truth), its
 * window measured as a run from `from` to the day after `to`: written here from the results
 * directly, not through the calibration's code. */
static double truth_of(const ss_scenario *sc, const ss_target *t)
{
    ss_model m = *ss_scenario_model(sc);
    m.warmup = t->from_day;
    m.horizon = t->to_day;
    ss_diag d;
    ss_sim *sim = ss_sim_new(&m, &d);
    assert_non_null(sim);
    const ss_metric_info *info = ss_metric_find("service", t->metric);
    assert_non_null(info);
    double sum = 0;
    for (int rep = 0; rep < TRUTH_REPS; rep++) {
        ss_rep_result r;
        if (ss_sim_run(sim, TRUTH_SEED, rep, &r, &d) < 0) fail_msg("%s", d.msg);
        double v = ss_rep_service(&r, 0)[info - ss_service_metric_info];
        sum += t->per_year ? v * 365.25 / (m.horizon - m.warmup) : v;
        ss_rep_result_free(&r);
    }
    ss_sim_free(sim);
    return sum / TRUTH_REPS;
}

/* A copy of the queue whose targets are the truth's figures (the count times count_factor). */
static void write_scenario(char path[64], double count_factor)
{
    ss_diag d;
    ss_scenario *sc = ss_scenario_load(QUEUE, &(ss_scenario_opts){0}, &d);
    if (!sc) fail_msg("%s", d.msg);
    ss_target *t = NULL;
    assert_int_equal(ss_scenario_calibration_targets(sc, &t), 2);
    assert_string_equal(t[0].id, "q_cases");
    assert_string_equal(t[1].id, "q_wait");
    double cases = truth_of(sc, &t[0]) * count_factor, wait = truth_of(sc, &t[1]);
    print_message("  truth: %.1f cases a year, mean wait %.3f days\n", cases, wait);
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(path, 64, "/tmp/test_calibrate_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fprintf(f, "return { extends = \"%s/" QUEUE "\",\n  calibration = { targets = {\n"
               "    q_cases = { value = cite(%.17g, \"a run at rate 9, service 1, seed 77\") },\n"
               "    q_wait = { value = cite(%.17g, \"the same run\") } } } }\n", cwd, cases, wait);
    fclose(f);
    free(t);
    ss_scenario_free(sc);
}

static ss_calib_opts opts(const char *scenario, int jobs)
{
    return (ss_calib_opts){.scenario = scenario, .points = 64, .waves = 3, .cutoff = 3, .reps = 5, .seed = 1,
                           .run.jobs = jobs};
}

static const ss_calib_param *param(const ss_calib_result *r, const char *path)
{
    for (int i = 0; i < r->nparams; i++)
        if (strcmp(r->params[i].r.path, path) == 0) return &r->params[i];
    fail_msg("no fitted number %s", path);
    return NULL;
}

static void check_contains_truth(const ss_calib_param *p, double truth)
{
    print_message("  %s: prior %g to %g, fitted %g to %g (share %.2f, %s)\n", p->r.path, p->r.range.low,
                  p->r.range.high, p->fit_low, p->fit_high, ss_calib_share(p),
                  ss_calib_verdict_name(ss_calib_verdict_of(p)));
    assert_true(p->fit_low <= truth && truth <= p->fit_high);
    assert_true(ss_calib_share(p) < 0.95);   /* narrower than the prior */
}

/* The calibrated point (calibrate.h): a number left free at the middle of its prior, the others at
 * the closest kept point's values (six significant digits), and the point run meets the targets. */
static void check_chosen_point(const ss_calib_result *r)
{
    for (int i = 0; i < r->nparams; i++) {
        const ss_calib_param *p = &r->params[i];
        bool free_number = ss_calib_verdict_of(p) == SS_CALIB_FREE;
        double expected = free_number ? (p->r.range.low + p->r.range.high) / 2 : r->best[i];
        print_message("  point: %s = %g (%s)\n", p->r.path, r->chosen[i], free_number ? "free: the middle" : "fitted");
        assert_int_equal(r->chosen_free[i], free_number);
        assert_float_equal(r->chosen[i], expected, fabs(expected) * 1e-5);
        if (!free_number) assert_true(p->fit_low <= r->chosen[i] && r->chosen[i] <= p->fit_high);
    }
    print_message("  point: max I = %.2f\n", r->chosen_max_i);
    assert_true(r->chosen_max_i < 3);
    for (int t = 0; t < r->ntargets; t++) assert_true(isfinite(r->chosen_mean[t]) && r->chosen_sd[t] >= 0);
}

static void finds_the_truth_and_leaves_the_unused_free(void **state)
{
    (void)state;
    char path[64];
    write_scenario(path, 1);
    ss_calib_opts o = opts(path, 0);
    o.choose = true;
    ss_calib_result r;
    ss_diag d;
    if (ss_calibrate_run(&o, &r, &d) < 0) fail_msg("%s", d.msg);
    assert_int_equal(r.nparams, 3);
    assert_true(r.nkept > 0);
    check_contains_truth(param(&r, "demand.1.rate_per_day"), TRUE_RATE);
    check_contains_truth(param(&r, "services.q.episode.mean"), TRUE_SERVICE);
    assert_int_equal(ss_calib_verdict_of(param(&r, "demand.1.rate_per_day")), SS_CALIB_PINNED);
    assert_int_equal(ss_calib_verdict_of(param(&r, "handoffs.co_location.delay")), SS_CALIB_FREE);
    for (long j = 0; j < r.nkept; j++) assert_true(r.kept_max_i[j] < 3);
    check_chosen_point(&r);
    assert_int_equal(r.chosen_free[param(&r, "handoffs.co_location.delay") - r.params], 1);   /* nothing reads it */
    /* the same ensemble on one worker (common random numbers, results in point order) */
    ss_calib_opts o1 = opts(path, 1);
    ss_calib_result r1;
    if (ss_calibrate_run(&o1, &r1, &d) < 0) fail_msg("%s", d.msg);
    assert_int_equal(r1.nkept, r.nkept);
    assert_memory_equal(r1.kept, r.kept, sizeof *r.kept * (size_t)r.nkept * (size_t)r.nparams);
    assert_null(r1.chosen);   /* chosen only when asked for */
    ss_calib_result_free(&r1);
    ss_calib_result_free(&r);
    unlink(path);
}

static void an_unreachable_target_says_so(void **state)
{
    (void)state;
    char path[64];
    write_scenario(path, 10);   /* ten times the cases: a rate of 90 a day, far above the range's 12.5 */
    ss_calib_opts o = opts(path, 0);
    ss_calib_result r;
    ss_diag d;
    assert_int_equal(ss_calibrate_run(&o, &r, &d), -1);
    print_message("  %s\n", d.msg);
    assert_contains(d.msg, ": no point reached I < 3 in 64 points, so the targets cannot be met inside the prior "
                           "ranges; closest: max I = ");
    assert_contains(d.msg, "q_cases: simulated ");
    assert_int_equal(r.nkept, 0);
    assert_true(r.best[0] > 0);
    ss_calib_result_free(&r);
    unlink(path);
}

static void refusals(void **state)
{
    (void)state;
    ss_calib_result r;
    ss_diag d;
    ss_calib_opts o = opts("scenarios/validation/mmc.lua", 1);
    assert_int_equal(ss_calibrate_run(&o, &r, &d), -1);
    assert_contains(d.msg, "scenarios/validation/mmc.lua: no calibration targets, so there is nothing to calibrate to");
    ss_calib_result_free(&r);
    const char *const vary[] = {"services.nope"};
    o = opts(QUEUE, 1);
    o.vary = vary;
    o.nvary = 1;
    assert_int_equal(ss_calibrate_run(&o, &r, &d), -1);
    assert_string_equal(d.msg, QUEUE ": --vary services.nope: no number with a range there (samsim show --sources lists them, "
                               "each with its [range])");
    ss_calib_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(finds_the_truth_and_leaves_the_unused_free),
        cmocka_unit_test(an_unreachable_target_says_so),
        cmocka_unit_test(refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
