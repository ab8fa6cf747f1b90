/* test_stats: accumulators and estimates against hand computations and closed forms. */
#include "testing.h"

#include <stdlib.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include <stdlib.h>

#include "rng.h"
#include "stats.h"

/* t quantiles from tables (R: qt(0.975, 4), qt(0.95, 4), qt(0.975, 2)). */
#define T975_4 2.7764451051977987
#define T95_4 2.1318467863266499
#define T975_2 4.3026527297494628

/* Small values with 8 fractional bits: adding 1e9 to them is exact, so the reference mean and
 * variance can be computed on the small values, where the two-pass formula is accurate. */
static void fill_small_data(double *y, int n)
{
    unsigned s = 12345;
    for (int i = 0; i < n; i++) {
        s = s * 1103515245u + 12345u;
        y[i] = (double)(s >> 16) / 256.0;
    }
}

static void two_pass(const double *x, int n, double *mean, double *var)
{
    double sum = 0.0, ss = 0.0;
    for (int i = 0; i < n; i++)
        sum += x[i];
    *mean = sum / n;
    for (int i = 0; i < n; i++)
        ss += (x[i] - *mean) * (x[i] - *mean);
    *var = ss / (n - 1);
}

/* A large offset is where the naive sum-of-squares formula loses every digit; Welford must not. */
static void welford_matches_two_pass(void **state)
{
    enum { N = 1000 };
    const double offset = 1e9;
    double y[N], mean, var, lo = INFINITY, hi = -INFINITY;
    fill_small_data(y, N);
    ss_welford w;
    ss_welford_reset(&w);
    for (int i = 0; i < N; i++) {
        ss_welford_add(&w, offset + y[i]);
        lo = fmin(lo, offset + y[i]);
        hi = fmax(hi, offset + y[i]);
    }
    two_pass(y, N, &mean, &var);
    assert_true(var > 1.0);
    assert_int_equal(w.n, N);
    assert_near(w.mean, offset + mean, 1e-5);
    assert_near(ss_welford_var(&w), var, var * 1e-9);
    assert_true(w.min == lo && w.max == hi);
}

static void welford_small_and_reset(void **state)
{
    ss_welford w;
    ss_welford_reset(&w);
    assert_int_equal(w.n, 0);
    assert_true(isnan(w.min) && isnan(w.max));
    assert_near(ss_welford_var(&w), 0.0, 0.0);
    ss_welford_add(&w, -3.0);
    assert_near(w.mean, -3.0, 0.0);
    assert_near(ss_welford_var(&w), 0.0, 0.0);  /* n < 2 */
    assert_true(w.min == -3.0 && w.max == -3.0);
    ss_welford_add(&w, 5.0);
    assert_near(w.mean, 1.0, 1e-15);
    assert_near(ss_welford_var(&w), 32.0, 1e-12);
    ss_welford_reset(&w);
    assert_int_equal(w.n, 0);
    assert_near(w.mean, 0.0, 0.0);
}

/* Value 2 on [0,3), 5 on [3,7), 1 on [7,10]: area 6 + 20 + 3 = 29 over 10 days. */
static void timeavg_step_function(void **state)
{
    ss_timeavg a;
    ss_timeavg_start(&a, 0.0, 2.0);
    ss_timeavg_set(&a, 3.0, 5.0);
    ss_timeavg_set(&a, 7.0, 1.0);
    assert_near(ss_timeavg_mean(&a, 10.0), 2.9, 1e-12);
    assert_near(ss_timeavg_mean(&a, 10.0), 2.9, 1e-12);  /* reading does not change the state */
    assert_near(ss_timeavg_mean(&a, 7.0), 26.0 / 7.0, 1e-12);
    ss_timeavg_set(&a, 7.0, 4.0);  /* two changes at the same instant: the later one holds */
    assert_near(ss_timeavg_mean(&a, 10.0), (26.0 + 12.0) / 10.0, 1e-12);
}

/* Restarting at the end of warm-up forgets the past but keeps the current value. */
static void timeavg_restart_at_warmup(void **state)
{
    ss_timeavg a;
    ss_timeavg_start(&a, 0.0, 100.0);  /* a huge warm-up value that must not leak */
    ss_timeavg_set(&a, 2.0, 5.0);
    ss_timeavg_start(&a, 5.0, a.value);
    assert_near(a.area, 0.0, 0.0);
    assert_near(ss_timeavg_mean(&a, 5.0), 5.0, 0.0);  /* t_end == t0: the current value */
    ss_timeavg_set(&a, 7.0, 1.0);
    assert_near(ss_timeavg_mean(&a, 10.0), (5.0 * 2 + 1.0 * 3) / 5.0, 1e-12);
}

static void quantiles_of_known_data(void **state)
{
    static const double shuffled[] = {7, 3, 10, 1, 9, 2, 8, 5, 4, 6};
    ss_samples s = {0};
    for (int i = 0; i < 10; i++)
        assert_int_equal(ss_samples_push(&s, shuffled[i]), 0);
    assert_near(ss_samples_quantile(&s, 0.5), 5.5, 1e-12);
    assert_near(ss_samples_quantile(&s, 0.9), 9.1, 1e-12);  /* 9 + 0.1 * (10 - 9) */
    assert_near(ss_samples_quantile(&s, 0.0), 1.0, 0.0);
    assert_near(ss_samples_quantile(&s, 1.0), 10.0, 0.0);
    assert_near(ss_samples_quantile(&s, 0.25), 3.25, 1e-12);
    ss_samples_free(&s);
    assert_null(s.x);
}

static void samples_grow_clear_and_empty(void **state)
{
    ss_samples s = {0};
    assert_true(isnan(ss_samples_quantile(&s, 0.5)));
    for (int i = 1000; i >= 1; i--)
        assert_int_equal(ss_samples_push(&s, i), 0);
    assert_int_equal(s.n, 1000);
    assert_true(s.cap >= 1000);
    assert_near(ss_samples_quantile(&s, 0.5), 500.5, 1e-12);
    size_t cap = s.cap;
    ss_samples_clear(&s);
    assert_int_equal(s.n, 0);
    assert_int_equal(s.cap, cap);  /* memory kept for the next replication */
    assert_true(isnan(ss_samples_quantile(&s, 0.9)));
    assert_int_equal(ss_samples_push(&s, 42.0), 0);
    assert_near(ss_samples_quantile(&s, 0.9), 42.0, 0.0);
    ss_samples_free(&s);
}

/* {1..5}: mean 3, sd sqrt(2.5), half-width t(0.975, 4) * sqrt(2.5) / sqrt(5). */
static void t_interval_of_known_data(void **state)
{
    static const double x[] = {1, 2, 3, 4, 5};
    ss_estimate e = ss_estimate_from(x, 5, 0.95);
    double half = T975_4 * sqrt(2.5) / sqrt(5.0);
    assert_int_equal(e.n, 5);
    assert_near(e.mean, 3.0, 1e-12);
    assert_near(e.sd, sqrt(2.5), 1e-12);
    assert_near(e.ci_low, 3.0 - half, 1e-9);
    assert_near(e.ci_high, 3.0 + half, 1e-9);
    assert_near(half, 2.776 * sqrt(2.5) / sqrt(5.0), 1e-3);  /* the textbook figure */
    e = ss_estimate_from(x, 5, 0.90);
    assert_near(e.ci_high - e.mean, T95_4 * sqrt(2.5) / sqrt(5.0), 1e-9);
}

static void estimate_skips_nan_and_inf(void **state)
{
    const double x[] = {NAN, 1, 2, INFINITY, 3, 4, 5, NAN};
    ss_estimate e = ss_estimate_from(x, 8, 0.95);
    assert_int_equal(e.n, 5);
    assert_near(e.mean, 3.0, 1e-12);
    assert_near(e.ci_high, 3.0 + T975_4 * sqrt(0.5), 1e-9);
}

static void estimate_degenerate_cases(void **state)
{
    const double none[] = {NAN, NAN}, one[] = {NAN, 7.5}, same[] = {0.1, 0.1, 0.1};
    ss_estimate e = ss_estimate_from(none, 2, 0.95);
    assert_int_equal(e.n, 0);
    assert_true(isnan(e.mean) && isnan(e.ci_low) && isnan(e.ci_high));
    e = ss_estimate_from(one, 2, 0.95);
    assert_int_equal(e.n, 1);
    assert_near(e.mean, 7.5, 0.0);
    assert_true(isnan(e.ci_low) && isnan(e.ci_high));  /* no interval from one value */
    e = ss_estimate_from(same, 3, 0.95);
    assert_true(e.ci_low == e.mean && e.ci_high == e.mean && e.mean == 0.1);
    assert_near(e.sd, 0.0, 0.0);
    e = ss_estimate_from(NULL, 0, 0.95);
    assert_int_equal(e.n, 0);
}

/* Common random numbers: b tracks a closely, so the paired interval is far narrower than the
 * interval of either side alone. */
static void paired_versus_unpaired(void **state)
{
    const double a[] = {10, 20, 30, 40, 50}, b[] = {11, 22, 31, 42, 51};
    ss_estimate p = ss_estimate_paired(a, b, 5, 0.95);
    ss_estimate ea = ss_estimate_from(a, 5, 0.95), eb = ss_estimate_from(b, 5, 0.95);
    assert_int_equal(p.n, 5);
    assert_near(p.mean, eb.mean - ea.mean, 1e-12);
    assert_near(p.mean, 1.4, 1e-12);
    assert_near(p.sd, sqrt(0.3), 1e-12);  /* differences {1,2,1,2,1} */
    assert_near(p.ci_high - p.mean, T975_4 * sqrt(0.3 / 5.0), 1e-9);
    /* Welch-style half-width of the unpaired difference, for comparison. */
    double unpaired = T975_4 * sqrt((ea.sd * ea.sd + eb.sd * eb.sd) / 5.0);
    assert_true(p.ci_high - p.mean < unpaired / 10.0);
    assert_true(p.ci_low > 0.0);       /* the paired comparison sees the difference */
    assert_true(eb.ci_low < ea.ci_high);  /* the separate intervals overlap */
}

static void paired_skips_incomplete_pairs(void **state)
{
    const double a[] = {10, NAN, 30, 40, 50}, b[] = {11, 22, 31, NAN, 52};
    ss_estimate p = ss_estimate_paired(a, b, 5, 0.95);
    assert_int_equal(p.n, 3);  /* differences {1, 1, 2} */
    assert_near(p.mean, 4.0 / 3.0, 1e-12);
    double sd = sqrt(((1 - 4.0 / 3) * (1 - 4.0 / 3) * 2 + (2 - 4.0 / 3) * (2 - 4.0 / 3)) / 2.0);
    assert_near(p.sd, sd, 1e-12);
    assert_near(p.ci_high - p.mean, T975_2 * sd / sqrt(3.0), 1e-9);
}

/* Selection gives what sorting gives, on random data with many ties. */
static void quantile_matches_sorting(void **state)
{
    (void)state;
    unsigned seed = 12345;
    for (int round = 0; round < 20; round++) {
        size_t n = 1 + (size_t)(round * 997) % 5000;
        ss_samples s = {0};
        double *copy = malloc(sizeof(double) * n);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            double v = (double)((seed >> 16) % (round % 2 ? 50 : 100000)) / 7.0;
            ss_samples_push(&s, v);
            copy[i] = v;
        }
        gsl_sort(copy, 1, n);
        static const double ps[] = {0.0, 0.1, 0.25, 0.5, 0.9, 0.99, 1.0};
        for (size_t k = 0; k < sizeof ps / sizeof ps[0]; k++)
            assert_near(ss_samples_quantile(&s, ps[k]), gsl_stats_quantile_from_sorted_data(copy, 1, n, ps[k]), 1e-12);
        free(copy);
        ss_samples_free(&s);
    }
}

/* Beyond SS_SAMPLES_EXACT values the quantiles are binned: on a million values from four
 * shapes (exponential waits, many zero waits, a heavy tail, values far below a day) every
 * quantile is within the stated bound of the exact one, and memory stays bounded. */
static void binned_quantiles_within_the_bound(void **state)
{
    (void)state;
    enum { N = 1000000 };
    double *copy = malloc(sizeof(double) * N);
    assert_non_null(copy);
    unsigned seed = 777;
    for (int shape = 0; shape < 4; shape++) {
        ss_samples s = {0};
        for (size_t i = 0; i < N; i++) {
            seed = seed * 1103515245u + 12345u;
            double u = ((seed >> 8) + 0.5) / 16777216.0;
            double v = shape == 0 ? -40.0 * log(u)                        /* mean 40 days */
                     : shape == 1 ? (u < 0.6 ? 0.0 : -3.0 * log((u - 0.6) / 0.4)) /* 60 % no wait */
                     : shape == 2 ? 0.5 / (u * u)                         /* a heavy tail */
                     : 1e-5 * u;                                          /* under a second */
            if (v > 70000) v = 70000;  /* within a 200-year horizon */
            assert_int_equal(ss_samples_push(&s, v), 0);
            copy[i] = v;
        }
        assert_true(s.binned);
        assert_int_equal(ss_samples_count(&s), N);
        assert_true(ss_samples_memory(&s) < 256 * 1024);
        gsl_sort(copy, 1, N);
        static const double ps[] = {0.0, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999, 1.0};
        for (size_t k = 0; k < sizeof ps / sizeof ps[0]; k++) {
            double exact = gsl_stats_quantile_from_sorted_data(copy, 1, N, ps[k]);
            assert_near(ss_samples_quantile(&s, ps[k]), exact, SS_SAMPLES_REL_ERROR * exact + SS_SAMPLES_ABS_ERROR);
        }
        /* back to exact after a clear: the next replication starts small */
        ss_samples_clear(&s);
        assert_false(s.binned);
        for (int i = 1; i <= 3; i++)
            assert_int_equal(ss_samples_push(&s, i), 0);
        assert_near(ss_samples_quantile(&s, 0.5), 2.0, 0.0);
        ss_samples_free(&s);
    }
    free(copy);
}

/* Up to SS_SAMPLES_EXACT values the quantiles are exact, at the boundary too. */
static void exact_up_to_the_size(void **state)
{
    (void)state;
    ss_samples s = {0};
    for (int i = SS_SAMPLES_EXACT; i >= 1; i--)
        assert_int_equal(ss_samples_push(&s, i / 3.0), 0);
    assert_false(s.binned);
    assert_near(ss_samples_quantile(&s, 0.9), (0.9 * (SS_SAMPLES_EXACT - 1) + 1) / 3.0, 1e-9);
    assert_int_equal(ss_samples_push(&s, 0.0), 0);
    assert_true(s.binned);
    assert_int_equal(ss_samples_count(&s), SS_SAMPLES_EXACT + 1);
    ss_samples_free(&s);
}

/* Non-negative and share intervals keep their range where the t interval does not. */
static void bounded_intervals_keep_the_range(void **state)
{
    /* a spread small enough for the log scale: the mean is the geometric centre of the ends */
    const double wait[] = {2.0, 3.0, 2.5, 6.0, 1.5};
    ss_estimate t = ss_estimate_from(wait, 5, 0.95);
    ss_estimate e = ss_estimate_bounded(wait, 5, 0.95, SS_NON_NEGATIVE);
    assert_near(e.mean, 3.0, 1e-12);
    assert_near(e.ci_low * e.ci_high, e.mean * e.mean, 1e-9);
    assert_near(log(e.ci_high / e.mean), T975_4 * t.sd / sqrt(5.0) / e.mean, 1e-9);
    assert_true(e.ci_low > t.ci_low && e.ci_high > t.ci_high);  /* shifted up, as the skew is */
    /* "wait p90 0.1 [-0.1, 0.2]": too spread for the log scale, so the t interval cut at 0 */
    const double rare[] = {0.0, 0.0, 0.0, 0.5, 0.0};
    t = ss_estimate_from(rare, 5, 0.95);
    e = ss_estimate_bounded(rare, 5, 0.95, SS_NON_NEGATIVE);
    assert_true(t.ci_low < 0.0);
    assert_true(e.ci_low == 0.0 && e.ci_high == t.ci_high);
    /* two values, one degree of freedom: no absurd upper end */
    const double two[] = {0.1, 0.7};
    e = ss_estimate_bounded(two, 2, 0.95, SS_NON_NEGATIVE);
    assert_true(e.ci_low == 0.0 && e.ci_high == ss_estimate_from(two, 2, 0.95).ci_high);
    /* shares stay within [0, 1], on the logit scale or cut */
    const double share[] = {0.97, 0.99, 0.98, 0.985, 0.99}, wide[] = {0.99, 1.0, 0.9, 1.0, 1.0};
    ss_estimate p = ss_estimate_bounded(share, 5, 0.95, SS_SHARE);
    assert_true(p.ci_high < 1.0 && p.ci_low < p.mean && p.mean < p.ci_high);
    assert_true(ss_estimate_from(wide, 5, 0.95).ci_high > 1.0);
    assert_true(ss_estimate_bounded(wide, 5, 0.95, SS_SHARE).ci_high == 1.0);
    /* a value outside the range (a bug elsewhere) gets the plain t interval, never a NaN */
    const double odd[] = {-1.0, 2.0, 3.0};
    ss_estimate o = ss_estimate_bounded(odd, 3, 0.95, SS_NON_NEGATIVE), ot = ss_estimate_from(odd, 3, 0.95);
    assert_true(o.ci_low == ot.ci_low && o.ci_high == ot.ci_high);
    /* constant values: [x, x] on every scale */
    const double same[] = {0.3, 0.3, 0.3};
    p = ss_estimate_bounded(same, 3, 0.95, SS_SHARE);
    assert_true(p.ci_low == 0.3 && p.ci_high == 0.3);
}

/* Coverage on an M/M/1 queue with a known mean wait.  Waits by Lindley's recursion started in
 * the stationary distribution (wait 0 with probability 1 - rho, else exponential with rate
 * mu - lambda), so every replication's mean wait has exactly the expectation
 * Wq = rho / (mu - lambda): no warm-up bias, only the right skew of replication means that comes
 * from long busy periods in a short heavy-traffic run (rho 0.9, 400 customers).  `studies`
 * studies of `reps` replications each; the share of 95 % intervals that hold Wq is each
 * interval's coverage.  The fixed seed makes the outcome deterministic.  What it shows (and the
 * README says): the log interval never goes below zero and covers more than the t interval, but
 * from 10 replications of such a run neither reaches 95 %; more replications (--precision) do
 * most of the rest.  Margins allow for the standard error of the coverage estimates (0.7 and 1.1
 * points). */
#define MM1_LAMBDA 0.9
#define MM1_MU 1.0
#define MM1_CUSTOMERS 400
static double mm1_mean_wait(gsl_rng *r)
{
    double rho = MM1_LAMBDA / MM1_MU, w = 0.0, sum = 0.0;
    if (ss_rng_uniform(r) < rho)
        w = -log1p(-ss_rng_uniform(r)) / (MM1_MU - MM1_LAMBDA);
    for (int i = 0; i < MM1_CUSTOMERS; i++) {
        sum += w;
        double service = -log1p(-ss_rng_uniform(r)) / MM1_MU;
        double gap = -log1p(-ss_rng_uniform(r)) / MM1_LAMBDA;
        w = fmax(0.0, w + service - gap);
    }
    return sum / MM1_CUSTOMERS;
}

/* Coverage of the t and the log interval (out[0], out[1]) over `studies` studies. */
static void mm1_coverage(int reps, int studies, double out[2])
{
    double wq = (MM1_LAMBDA / MM1_MU) / (MM1_MU - MM1_LAMBDA), x[64];
    int covered_t = 0, covered_log = 0, below_zero_t = 0;
    assert_true(reps <= 64);
    gsl_rng *r = ss_rng_new(20261207u, (uint32_t)reps, SS_RNG_ARRIVALS, 0);
    assert_non_null(r);
    for (int k = 0; k < studies; k++) {
        for (int i = 0; i < reps; i++)
            x[i] = mm1_mean_wait(r);
        ss_estimate t = ss_estimate_from(x, reps, 0.95), g = ss_estimate_bounded(x, reps, 0.95, SS_NON_NEGATIVE);
        covered_t += t.ci_low <= wq && wq <= t.ci_high;
        covered_log += g.ci_low <= wq && wq <= g.ci_high;
        below_zero_t += t.ci_low < 0.0;
        assert_true(g.ci_low >= 0.0);
    }
    gsl_rng_free(r);
    out[0] = (double)covered_t / studies;
    out[1] = (double)covered_log / studies;
    printf("M/M/1 rho %.1f, %d customers, %d replications, %d studies: t interval covers %.1f %%"
           " (%d below zero), log interval %.1f %%\n", MM1_LAMBDA / MM1_MU, MM1_CUSTOMERS, reps,
           studies, 100 * out[0], below_zero_t, 100 * out[1]);
}

static void log_interval_covers_skewed_means(void **state)
{
    double c10[2], c40[2];
    mm1_coverage(10, 2000, c10);
    assert_true(c10[1] > c10[0] + 0.015);
    assert_true(c10[1] >= 0.88);
    mm1_coverage(40, 500, c40);
    assert_true(c40[1] >= c40[0]);
    assert_true(c40[1] >= 0.92);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quantile_matches_sorting),
        cmocka_unit_test(binned_quantiles_within_the_bound),
        cmocka_unit_test(exact_up_to_the_size),
        cmocka_unit_test(welford_matches_two_pass),
        cmocka_unit_test(welford_small_and_reset),
        cmocka_unit_test(timeavg_step_function),
        cmocka_unit_test(timeavg_restart_at_warmup),
        cmocka_unit_test(quantiles_of_known_data),
        cmocka_unit_test(samples_grow_clear_and_empty),
        cmocka_unit_test(t_interval_of_known_data),
        cmocka_unit_test(estimate_skips_nan_and_inf),
        cmocka_unit_test(estimate_degenerate_cases),
        cmocka_unit_test(paired_versus_unpaired),
        cmocka_unit_test(paired_skips_incomplete_pairs),
        cmocka_unit_test(bounded_intervals_keep_the_range),
        cmocka_unit_test(log_interval_covers_skewed_means),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
