/* test_sensitivity: the estimators of core/gsa.c on functions whose indices are known in
 * closed form — a linear function (Morris's effects exactly), the Ishigami function and Sobol's
 * g-function (first- and total-order indices inside their bootstrap intervals). */
#include "testing.h"

#include <stdlib.h>

#include "gsa.h"

#define PI 3.14159265358979323846

/* ---- Morris ------------------------------------------------------------------------------ */

typedef double (*fn)(const double *x, int k);

static double *evaluate(fn f, const double *x, int points, int k)
{
    double *y = malloc(sizeof *y * (size_t)points);
    for (int p = 0; p < points; p++) y[p] = f(x + (size_t)p * k, k);
    return y;
}

static double linear(const double *x, int k)
{
    double y = 0;
    for (int i = 0; i < k; i++) y += (i - 1.5) * x[i];   /* slopes -1.5, -0.5, 0.5, 1.5 */
    return y;
}

/* A linear function's elementary effects are its slopes, in every trajectory: mu = slope,
 * mu_star = |slope|, sigma = 0. */
static void morris_linear_is_exact(void **state)
{
    (void)state;
    enum { K = 4, R = 10, LEVELS = 4 };
    double x[R * (K + 1) * K];
    int moved[R * K], up[R * K];
    ss_morris_design(K, R, LEVELS, 7, x, moved, up);
    for (int p = 0; p < R * (K + 1) * K; p++) assert_true(x[p] >= 0 && x[p] <= 1);
    double *y = evaluate(linear, x, R * (K + 1), K);
    ss_morris_result m[K];
    ss_morris_effects(K, R, LEVELS, moved, up, y, m);
    for (int i = 0; i < K; i++) {
        assert_near(m[i].mu, i - 1.5, 1e-9);
        assert_near(m[i].mu_star, fabs(i - 1.5), 1e-9);
        assert_near(m[i].sigma, 0, 1e-9);
    }
    free(y);
}

/* Each trajectory moves every factor exactly once, one at a time, by delta = 2/3 (4 levels). */
static void morris_design_moves_each_factor_once(void **state)
{
    (void)state;
    enum { K = 5, R = 6, LEVELS = 4 };
    double x[R * (K + 1) * K];
    int moved[R * K], up[R * K];
    ss_morris_design(K, R, LEVELS, 3, x, moved, up);
    for (int t = 0; t < R; t++) {
        int seen[K] = {0};
        for (int s = 0; s < K; s++) {
            const double *a = x + ((size_t)t * (K + 1) + s) * K, *b = a + K;
            int i = moved[t * K + s];
            seen[i]++;
            for (int j = 0; j < K; j++)
                assert_near(b[j] - a[j], j == i ? (up[t * K + s] ? 2.0 / 3 : -2.0 / 3) : 0, 1e-12);
        }
        for (int i = 0; i < K; i++) assert_int_equal(seen[i], 1);
    }
}

/* ---- Sobol: Ishigami --------------------------------------------------------------------- */

#define ISHIGAMI_A 7.0
#define ISHIGAMI_B 0.1

static double ishigami(const double *u, int k)
{
    (void)k;
    double x1 = -PI + 2 * PI * u[0], x2 = -PI + 2 * PI * u[1], x3 = -PI + 2 * PI * u[2];
    return sin(x1) + ISHIGAMI_A * sin(x2) * sin(x2) + ISHIGAMI_B * pow(x3, 4) * sin(x1);
}

/* The analytic partial variances (Ishigami and Homma 1990). */
static void ishigami_indices(double s1[3], double st[3])
{
    double a = ISHIGAMI_A, b = ISHIGAMI_B, p4 = pow(PI, 4), p8 = pow(PI, 8);
    double v1 = 0.5 * pow(1 + b * p4 / 5, 2), v2 = a * a / 8, v13 = b * b * p8 * (1.0 / 18 - 1.0 / 50);
    double v = v1 + v2 + v13;
    s1[0] = v1 / v; s1[1] = v2 / v; s1[2] = 0;
    st[0] = (v1 + v13) / v; st[1] = v2 / v; st[2] = v13 / v;
}

static double *sobol_run(fn f, int k, int n, ss_sobol_result *res)
{
    double *x = malloc(sizeof *x * (size_t)n * (size_t)(k + 2) * (size_t)k);
    assert_int_equal(ss_saltelli_design(k, n, x), 0);
    double *y = evaluate(f, x, n * (k + 2), k);
    assert_int_equal(ss_sobol_indices(k, n, y, 500, 0.95, 11, res), 0);
    free(x);
    return y;
}

static void assert_inside(const char *what, int i, ss_interval e, double truth)
{
    print_message("  %s[%d] = %.4f (%.4f .. %.4f), analytic %.4f\n", what, i + 1, e.mean, e.ci_low, e.ci_high, truth);
    if (!(e.ci_low <= truth && truth <= e.ci_high))
        fail_msg("%s[%d]: analytic %.5f outside the interval %.5f .. %.5f (estimate %.5f)", what, i + 1, truth,
                 e.ci_low, e.ci_high, e.mean);
    assert_true(e.ci_high - e.ci_low < 0.1);   /* and the interval says something */
}

static void sobol_ishigami(void **state)
{
    (void)state;
    enum { K = 3, N = 8192 };
    ss_sobol_result r[K];
    free(sobol_run(ishigami, K, N, r));
    double s1[K], st[K];
    ishigami_indices(s1, st);
    for (int i = 0; i < K; i++) {
        assert_inside("Ishigami S1", i, r[i].s1, s1[i]);
        assert_inside("Ishigami ST", i, r[i].st, st[i]);
    }
}

/* ---- Sobol: the g-function --------------------------------------------------------------- */

static const double G_A[] = {0, 1, 4.5, 9, 99, 99};
#define G_K 6

static double g_function(const double *u, int k)
{
    double y = 1;
    for (int i = 0; i < k; i++) y *= (fabs(4 * u[i] - 2) + G_A[i]) / (1 + G_A[i]);
    return y;
}

static void g_indices(double s1[G_K], double st[G_K])
{
    double vi[G_K], prod = 1;
    for (int i = 0; i < G_K; i++) {
        vi[i] = 1.0 / (3 * (1 + G_A[i]) * (1 + G_A[i]));
        prod *= 1 + vi[i];
    }
    double v = prod - 1;
    for (int i = 0; i < G_K; i++) {
        s1[i] = vi[i] / v;
        st[i] = vi[i] * (prod / (1 + vi[i])) / v;
    }
}

static void sobol_g_function(void **state)
{
    (void)state;
    enum { N = 8192 };
    ss_sobol_result r[G_K];
    free(sobol_run(g_function, G_K, N, r));
    double s1[G_K], st[G_K];
    g_indices(s1, st);
    for (int i = 0; i < G_K; i++) {
        assert_inside("g S1", i, r[i].s1, s1[i]);
        assert_inside("g ST", i, r[i].st, st[i]);
    }
}

/* Morris on the g-function ranks the factors as their importance (a_i ascending). */
static void morris_g_function_ranks(void **state)
{
    (void)state;
    enum { R = 40, LEVELS = 4 };
    double *x = malloc(sizeof *x * R * (G_K + 1) * G_K);
    int moved[R * G_K], up[R * G_K];
    ss_morris_design(G_K, R, LEVELS, 5, x, moved, up);
    double *y = evaluate(g_function, x, R * (G_K + 1), G_K);
    ss_morris_result m[G_K];
    ss_morris_effects(G_K, R, LEVELS, moved, up, y, m);
    for (int i = 0; i + 1 < 4; i++) assert_true(m[i].mu_star > m[i + 1].mu_star);
    assert_true(m[4].mu_star < 0.05 * m[0].mu_star && m[5].mu_star < 0.05 * m[0].mu_star);
    free(x);
    free(y);
}

/* Outputs that do not vary have no variance to share out: -1, not 0/0. */
static void sobol_constant_output(void **state)
{
    (void)state;
    enum { K = 2, N = 16 };
    double y[N * (K + 2)];
    for (int i = 0; i < N * (K + 2); i++) y[i] = 3;
    ss_sobol_result r[K];
    assert_int_equal(ss_sobol_indices(K, N, y, 10, 0.95, 1, r), -1);
    double x[N * (K + 2) * K];
    assert_int_equal(ss_saltelli_design(SS_SOBOL_MAX_FACTORS + 1, N, x), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(morris_linear_is_exact),
        cmocka_unit_test(morris_design_moves_each_factor_once),
        cmocka_unit_test(morris_g_function_ranks),
        cmocka_unit_test(sobol_ishigami),
        cmocka_unit_test(sobol_g_function),
        cmocka_unit_test(sobol_constant_output),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
