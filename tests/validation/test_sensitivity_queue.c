/* test_sensitivity_queue: `samsim sensitivity`'s study on a queue whose answer is known.  An
 * M/M/10 queue (tests/fixtures/ranges/queue3.lua) has three ranged numbers: the arrival rate and
 * the mean service time, on which the wait depends (Erlang C), and a co-location effect, on
 * which it cannot (there is no hand-off).  The third must get a total-order index
 * indistinguishable from 0, and the other two must rank as the closed form's own indices (the
 * same estimators applied to Erlang C over the same ranges) rank them. */
#include "testing.h"

#include <stdlib.h>

#include "gsa.h"
#include "sensitivity.h"

#define QUEUE "tests/fixtures/ranges/queue3.lua"
#define SERVERS 10

/* Erlang C's mean wait in the queue, by the stable Erlang B recursion. */
static double erlang_c_wait(double lambda, double mean_service)
{
    double mu = 1 / mean_service, a = lambda / mu, b = 1;
    for (int k = 1; k <= SERVERS; k++) b = a * b / (k + a * b);
    double rho = a / SERVERS, p_wait = b / (1 - rho + rho * b);
    return p_wait / (SERVERS * mu - lambda);
}

static const char *const METRIC[] = {"q.wait_mean"};

static ss_sens_opts queue_opts(int methods, int jobs)
{
    return (ss_sens_opts){.scenario = QUEUE, .metrics = METRIC, .nmetrics = 1, .methods = methods,
                          .trajectories = 6, .levels = 4, .screen = 0.1, .samples = 64, .resamples = 300,
                          .reps = 2, .seed = 1, .run.jobs = jobs};
}

static int find(const ss_sens_result *r, const char *path)
{
    for (int i = 0; i < r->nparams; i++)
        if (strcmp(r->params[i].r.path, path) == 0) return i;
    fail_msg("no ranged number %s", path);
    return -1;
}

/* The closed form's total-order indices over the same ranges: [0] the arrival rate, [1] the
 * mean service time. */
static void closed_form_st(double st[2])
{
    enum { K = 2, N = 4096 };
    double *x = malloc(sizeof *x * N * (K + 2) * K), *y = malloc(sizeof *y * N * (K + 2));
    assert_int_equal(ss_saltelli_design(K, N, x), 0);
    for (int p = 0; p < N * (K + 2); p++)
        y[p] = erlang_c_wait(7 + 1.5 * x[p * K], 0.95 + 0.05 * x[p * K + 1]);
    ss_sobol_result r[K];
    assert_int_equal(ss_sobol_indices(K, N, y, 0, 0.95, 1, r), 0);
    st[0] = r[0].st.mean;
    st[1] = r[1].st.mean;
    free(x);
    free(y);
}

static void third_number_has_no_effect_and_ranking_is_closed_forms(void **state)
{
    (void)state;
    ss_sens_opts o = queue_opts(SS_SENS_SOBOL, 0);
    ss_sens_result r;
    ss_diag d;
    if (ss_sensitivity_run(&o, &r, &d) < 0) fail_msg("%s", d.msg);
    assert_int_equal(r.nparams, 3);
    int lambda = find(&r, "demand.1.rate_per_day"), service = find(&r, "services.q.episode.mean"),
        none = find(&r, "handoffs.co_location.delay");
    ss_interval st_l = r.params[lambda].indices[0].st, st_s = r.params[service].indices[0].st,
                st_n = r.params[none].indices[0].st;
    print_message("  ST lambda %.3f (%.3f..%.3f), service %.3f (%.3f..%.3f), co-location %.3g (%.3g..%.3g)\n",
                  st_l.mean, st_l.ci_low, st_l.ci_high, st_s.mean, st_s.ci_low, st_s.ci_high, st_n.mean,
                  st_n.ci_low, st_n.ci_high);
    assert_true(st_n.ci_low <= 0 && st_n.ci_high >= 0);   /* indistinguishable from 0 */
    double cf[2];
    closed_form_st(cf);
    print_message("  closed form ST lambda %.3f, service %.3f\n", cf[0], cf[1]);
    assert_true((cf[0] > cf[1]) == (st_l.mean > st_s.mean));
    /* and the two that matter are told apart: their intervals do not overlap */
    assert_true(cf[0] > cf[1] ? st_l.ci_low > st_s.ci_high : st_s.ci_low > st_l.ci_high);
    ss_sens_result_free(&r);
}

/* Morris screening gives the unused number exactly no effect (common random numbers: the same
 * replications whatever its value), and the same figures on one thread and on two. */
static void morris_same_on_any_number_of_workers(void **state)
{
    (void)state;
    ss_sens_opts o1 = queue_opts(SS_SENS_MORRIS, 1), o2 = queue_opts(SS_SENS_MORRIS, 2);
    ss_sens_result a, b;
    ss_diag d;
    if (ss_sensitivity_run(&o1, &a, &d) < 0 || ss_sensitivity_run(&o2, &b, &d) < 0) fail_msg("%s", d.msg);
    for (int i = 0; i < a.nparams; i++) {
        assert_memory_equal(&a.params[i].morris[0], &b.params[i].morris[0], sizeof a.params[i].morris[0]);
    }
    int none = find(&a, "handoffs.co_location.delay"), lambda = find(&a, "demand.1.rate_per_day");
    assert_true(a.params[none].morris[0].mu_star == 0);
    assert_true(a.params[lambda].morris[0].mu_star > 0);
    assert_false(a.params[none].sobol);
    ss_sens_result_free(&a);
    ss_sens_result_free(&b);
}

/* What cannot be studied says so. */
static void refusals(void **state)
{
    (void)state;
    ss_sens_result r;
    ss_diag d;
    const char *const bad_metric[] = {"q.wait_man"};
    ss_sens_opts o = queue_opts(SS_SENS_MORRIS, 1);
    o.metrics = bad_metric;
    assert_int_equal(ss_sensitivity_run(&o, &r, &d), -1);
    assert_contains(d.msg, "--metric q.wait_man: unknown metric 'wait_man' (did you mean wait_max?)");
    ss_sens_result_free(&r);
    o = queue_opts(SS_SENS_MORRIS, 1);
    o.scenario = "scenarios/validation/mmc.lua";
    assert_int_equal(ss_sensitivity_run(&o, &r, &d), -1);
    assert_contains(d.msg, "no number has a range");
    ss_sens_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(third_number_has_no_effect_and_ranking_is_closed_forms),
        cmocka_unit_test(morris_same_on_any_number_of_workers),
        cmocka_unit_test(refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
