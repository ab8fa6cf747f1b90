/* test_target: a calibration target's figure in a run (study/target.h), on replications made by
 * hand so that the right figure is known: counts of several services are summed, a mean wait is
 * weighted by each service's first contacts (a service nobody reached does not pull it to 0),
 * per_year divides by the measured years, a system metric is read as it is, and a metric the
 * engine does not have is refused. */
#include "testing.h"

#include <stdlib.h>

#include "target.h"

enum { NREPS = 3, NSVC = 2 };

static double service[NREPS][NSVC * SS_SERVICE_METRICS];
static ss_rep_result reps[NREPS];

/* Replication k: service 0 completes 100 + k and admits 10 with a mean wait of 20; service 1
 * completes 50 + k and admits 30 with a mean wait of 40 (in replication 2 it admits nobody, and
 * its mean wait is undefined). */
static int setup(void **state)
{
    (void)state;
    for (int k = 0; k < NREPS; k++) {
        double *s0 = service[k], *s1 = service[k] + SS_SERVICE_METRICS;
        for (int m = 0; m < SS_SERVICE_METRICS; m++) s0[m] = s1[m] = 0;
        s0[SS_SM_COMPLETED] = 100 + k, s1[SS_SM_COMPLETED] = 50 + k;
        s0[SS_SM_ADMITTED] = 10, s1[SS_SM_ADMITTED] = k == 2 ? 0 : 30;
        s0[SS_SM_WAIT_MEAN] = 20, s1[SS_SM_WAIT_MEAN] = k == 2 ? NAN : 40;
        reps[k] = (ss_rep_result){.rep = k, .nservices = NSVC, .service = service[k]};
        for (int m = 0; m < SS_SYSTEM_METRICS; m++) reps[k].system[m] = 0;
        reps[k].system[0] = 7 + k;
    }
    return 0;
}

static const int both[] = {0, 1};

static void counts_are_summed_and_per_year_divides_by_the_measured_years(void **state)
{
    (void)state;
    ss_estimate e;
    ss_target_spec t = {.metric = "completed", .services = both, .nservices = 2};
    assert_int_equal(ss_target_reached(&t, reps, NREPS, 365.25, 0.95, &e), 0);
    assert_near(e.mean, (150.0 + 152.0 + 154.0) / 3, 1e-9);
    assert_int_equal(e.n, NREPS);
    assert_true(e.ci_low < e.mean && e.mean < e.ci_high);
    t.per_year = true;
    assert_int_equal(ss_target_reached(&t, reps, NREPS, 2 * 365.25, 0.95, &e), 0);
    assert_near(e.mean, 152.0 / 2, 1e-9);
}

static void a_mean_wait_is_weighted_by_first_contacts(void **state)
{
    (void)state;
    ss_estimate e;
    ss_target_spec t = {.metric = "wait_mean", .services = both, .nservices = 2};
    assert_int_equal(ss_target_reached(&t, reps, NREPS, 365.25, 0.95, &e), 0);
    /* (10 x 20 + 30 x 40) / 40 = 35 twice, then 20 when service 1 admitted nobody */
    assert_near(e.mean, (35.0 + 35.0 + 20.0) / 3, 1e-9);
    const int one[] = {1};
    t.services = one, t.nservices = 1;
    assert_int_equal(ss_target_reached(&t, reps, NREPS, 365.25, 0.95, &e), 0);
    assert_near(e.mean, 40.0, 1e-9);
    assert_int_equal(e.n, 2);  /* the replication without a value is left out, not counted as 0 */
}

static void a_system_metric_and_an_unknown_one(void **state)
{
    (void)state;
    ss_estimate e = {.mean = -1};
    ss_target_spec t = {.metric = ss_system_metric_info[0].name};
    assert_int_equal(ss_target_reached(&t, reps, NREPS, 365.25, 0.95, &e), 0);
    assert_near(e.mean, 8.0, 1e-9);
    ss_estimate untouched = {.mean = -1};
    t.metric = "vedtak";
    assert_int_equal(ss_target_reached(&t, reps, NREPS, 365.25, 0.95, &untouched), -1);
    assert_near(untouched.mean, -1.0, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(counts_are_summed_and_per_year_divides_by_the_measured_years, setup),
        cmocka_unit_test_setup(a_mean_wait_is_weighted_by_first_contacts, setup),
        cmocka_unit_test_setup(a_system_metric_and_an_unknown_one, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
