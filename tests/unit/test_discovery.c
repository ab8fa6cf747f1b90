/* test_discovery: scenario discovery (core/discovery.c) on cases whose answer is known — an
 * outcome decided by one factor's threshold is found, with the threshold; pure noise names
 * nothing, even with few cases and many factors; an outcome that never changes names nothing;
 * and the space-filling designs cover the unit cube (core/gsa.c). */
#include "testing.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_rng.h>

#include "discovery.h"
#include "gsa.h"

/* n cases of k factors from the space-filling design, in [0, 1]. */
static double *cases(int n, int k, uint64_t seed)
{
    double *x = malloc(sizeof *x * (size_t)n * (size_t)k);
    ss_space_filling_design(k, n, seed, x);
    return x;
}

/* The outcome is yes exactly where factor 2 is below 0.37; the others do nothing. */
static void one_threshold_is_found(void **state)
{
    (void)state;
    int n = 128, k = 6;
    double *x = cases(n, k, 7);
    bool *yes = malloc(sizeof *yes * (size_t)n);
    for (int i = 0; i < n; i++) yes[i] = x[i * k + 2] < 0.37;
    ss_split s[3];
    int found = ss_discover_splits(n, k, x, yes, 1, 3, s);
    assert_int_equal(found, 1);
    assert_int_equal(s[0].factor, 2);
    assert_false(s[0].above);
    assert_true(fabs(s[0].threshold - 0.37) < 0.037);   /* within 10 % */
    assert_true(s[0].accuracy == 1.0);
    free(yes);
    free(x);
}

/* With noise on top (a tenth of the outcomes flipped), still factor 2, still near 0.37. */
static void a_noisy_threshold_is_found(void **state)
{
    (void)state;
    int n = 256, k = 10;
    double *x = cases(n, k, 11);
    bool *yes = malloc(sizeof *yes * (size_t)n);
    gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(g, 3);
    for (int i = 0; i < n; i++) yes[i] = (x[i * k + 2] >= 0.6) != (gsl_rng_uniform(g) < 0.1);
    ss_split s[3];
    int found = ss_discover_splits(n, k, x, yes, 1, 3, s);
    assert_true(found >= 1);
    assert_int_equal(s[0].factor, 2);
    assert_true(s[0].above);
    assert_true(fabs(s[0].threshold - 0.6) < 0.06);
    gsl_rng_free(g);
    free(yes);
    free(x);
}

/* Outcomes at random: 12 cases and 40 factors, where some factor always splits them well by luck;
 * the relabellings say it is luck. */
static void noise_names_nothing(void **state)
{
    (void)state;
    int n = 12, k = 40;
    double *x = cases(n, k, 5);
    bool *yes = malloc(sizeof *yes * (size_t)n);
    gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
    for (uint64_t trial = 0; trial < 20; trial++) {
        gsl_rng_set(g, 100 + trial);
        for (int i = 0; i < n; i++) yes[i] = gsl_rng_uniform(g) < 0.5;
        ss_split s[3];
        assert_int_equal(ss_discover_splits(n, k, x, yes, trial, 3, s), 0);
    }
    gsl_rng_free(g);
    free(yes);
    free(x);
}

static void a_constant_outcome_names_nothing(void **state)
{
    (void)state;
    int n = 32, k = 3;
    double *x = cases(n, k, 1);
    bool yes[32];
    for (int i = 0; i < n; i++) yes[i] = true;
    ss_split s[3];
    assert_int_equal(ss_discover_splits(n, k, x, yes, 1, 3, s), 0);
    free(x);
}

/* Each factor's values spread over its range: in every tenth of [0, 1] a tenth of the points
 * (exactly for the Latin hypercube, nearly for the Sobol sequence's first 2^m points). */
static void designs_fill_the_cube(void **state)
{
    (void)state;
    const int dims[] = {3, 49};
    for (int d = 0; d < 2; d++) {
        int n = 160, k = dims[d];
        double *x = malloc(sizeof *x * (size_t)n * (size_t)k);
        const char *name = ss_space_filling_design(k, n, 9, x);
        assert_string_equal(name, k > SS_SOBOL_MAX_DIMENSIONS ? "latin" : "sobol");
        for (int j = 0; j < k; j++) {
            int count[10] = {0};
            for (int i = 0; i < n; i++) {
                double v = x[(size_t)i * k + j];
                assert_true(v >= 0 && v < 1);
                count[(int)(v * 10)]++;
            }
            for (int b = 0; b < 10; b++) assert_in_range(count[b], 14, 18);
        }
        free(x);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_threshold_is_found),
        cmocka_unit_test(a_noisy_threshold_is_found),
        cmocka_unit_test(noise_names_nothing),
        cmocka_unit_test(a_constant_outcome_names_nothing),
        cmocka_unit_test(designs_fill_the_cube),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
