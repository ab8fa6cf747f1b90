/* Unit tests for engine/core/dist.c: parsing (forms and exact error text), sampling against the
 * theoretical mean, moment conversions, empirical tables, copy and describe. */
#include "testing.h"

#include <lauxlib.h>
#include <lualib.h>

#include "dist.h"
#include "rng.h"
#include "ziggurat.h"

#include <gsl/gsl_cdf.h>

#define PATH "services.fph.episode"
#define DRAWS 200000

typedef struct fixture {
    lua_State *L;
    gsl_rng *r;
} fixture;

static int setup(void **state)
{
    fixture *f = test_malloc(sizeof *f);
    f->L = luaL_newstate();
    f->r = ss_rng_new(12345, 0, SS_RNG_SERVICE, 0);
    if (!f->L || !f->r)
        return -1;
    luaL_requiref(f->L, "_G", luaopen_base, 1); /* setmetatable for the metamethod test */
    lua_pop(f->L, 1);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    lua_close(f->L);
    gsl_rng_free(f->r);
    test_free(f);
    return 0;
}

/* Evaluate `expr` in Lua and parse the result; checks the stack is left as it was. */
static int parse(fixture *f, const char *expr, ss_dist *out, ss_diag *d)
{
    char chunk[1024];
    snprintf(chunk, sizeof chunk, "return %s", expr);
    if (luaL_dostring(f->L, chunk) != LUA_OK)
        fail_msg("Lua error in test input %s: %s", expr, lua_tostring(f->L, -1));
    int top = lua_gettop(f->L);
    d->msg[0] = '\0';
    int rc = ss_dist_from_lua(f->L, -1, PATH, out, d);
    assert_int_equal(lua_gettop(f->L), top);
    lua_pop(f->L, 1);
    return rc;
}

static ss_dist parse_ok(fixture *f, const char *expr)
{
    ss_dist dist;
    ss_diag d;
    if (parse(f, expr, &dist, &d) != 0)
        fail_msg("%s should parse, got: %s", expr, d.msg);
    return dist;
}

/* The parse fails with exactly this message and leaves nothing owned. */
static void parse_fails(fixture *f, const char *expr, const char *msg)
{
    ss_dist dist;
    ss_diag d;
    assert_int_equal(parse(f, expr, &dist, &d), -1);
    assert_string_equal(d.msg, msg);
    assert_null(dist.values);
    assert_null(dist.cum);
}

/* Sample mean over DRAWS draws is within rel of ss_dist_mean (several standard errors for every
 * distribution used here); returns the sample standard deviation for further checks. */
static double check_sample_mean(fixture *f, const ss_dist *dist, double rel)
{
    double sum = 0, sq = 0;
    for (int i = 0; i < DRAWS; i++) {
        double x = ss_dist_sample(dist, f->r);
        sum += x, sq += x * x;
    }
    double mean = sum / DRAWS;
    assert_near(mean, ss_dist_mean(dist), rel * ss_dist_mean(dist));
    return sqrt(sq / DRAWS - mean * mean);
}

/* A scripted generator: gsl_rng_uniform returns whatever the test stored, so boundary draws
 * (u exactly at a cumulative weight) can be tested deterministically. */
static void scripted_set(void *state, unsigned long seed)
{
    *(double *)state = 0.0;
}

static unsigned long scripted_get(void *state)
{
    return (unsigned long)(*(double *)state * 4294967296.0);
}

static double scripted_get_double(void *state)
{
    return *(double *)state;
}

static const gsl_rng_type scripted_type = {
    "scripted", 0xffffffffUL, 0, sizeof(double), scripted_set, scripted_get, scripted_get_double,
};

static double sample_at(const ss_dist *dist, gsl_rng *scripted, double u)
{
    *(double *)scripted->state = u;
    return ss_dist_sample(dist, scripted);
}

static void test_fixed(void **state)
{
    fixture *f = *state;
    ss_dist a = parse_ok(f, "3.5"), b = parse_ok(f, "{ 'fixed', value = -2 }"), c = parse_ok(f, "7");
    assert_int_equal(a.kind, SS_DIST_FIXED);
    assert_near(ss_dist_sample(&a, f->r), 3.5, 0.0);
    assert_near(ss_dist_mean(&a), 3.5, 0.0);
    assert_int_equal(b.kind, SS_DIST_FIXED);
    assert_near(ss_dist_sample(&b, f->r), -2.0, 0.0);
    assert_near(ss_dist_sample(&c, f->r), 7.0, 0.0); /* a Lua integer */
}

static void test_exponential(void **state)
{
    fixture *f = *state;
    ss_dist e = parse_ok(f, "{ 'exponential', mean = 10 }");
    assert_int_equal(e.kind, SS_DIST_EXPONENTIAL);
    assert_near(ss_dist_mean(&e), 10.0, 0.0);
    assert_near(check_sample_mean(f, &e, 0.01), 10.0, 0.2);
}

static void test_gamma_shape_scale(void **state)
{
    fixture *f = *state;
    ss_dist g = parse_ok(f, "{ 'gamma', shape = 2, scale = 5 }");
    assert_int_equal(g.kind, SS_DIST_GAMMA);
    assert_near(ss_dist_mean(&g), 10.0, 1e-12);
    assert_near(check_sample_mean(f, &g, 0.01), sqrt(2.0) * 5.0, 0.1);
}

/* By moments: shape = (10/7)^2, scale = 49/10; the sample reproduces mean and sd. */
static void test_gamma_mean_sd(void **state)
{
    fixture *f = *state;
    ss_dist g = parse_ok(f, "{ 'gamma', mean = 10, sd = 7 }");
    assert_near(g.a, 100.0 / 49.0, 1e-12);
    assert_near(g.b, 4.9, 1e-12);
    assert_near(ss_dist_mean(&g), 10.0, 1e-12);
    assert_near(check_sample_mean(f, &g, 0.01), 7.0, 0.1);
}

/* By moments: sigma^2 = ln(1.49), mu = ln 10 - sigma^2/2; the sample reproduces mean and sd. */
static void test_lognormal(void **state)
{
    fixture *f = *state;
    ss_dist l = parse_ok(f, "{ 'lognormal', mean = 10, sd = 7 }");
    assert_int_equal(l.kind, SS_DIST_LOGNORMAL);
    assert_near(l.b, sqrt(log(1.49)), 1e-12);
    assert_near(l.a, log(10.0) - log(1.49) / 2, 1e-12);
    assert_near(ss_dist_mean(&l), 10.0, 1e-12);
    assert_near(check_sample_mean(f, &l, 0.01), 7.0, 0.2);
    ss_dist m = parse_ok(f, "{ 'lognormal', mu = 2.1, sigma = 0.6 }");
    assert_near(m.a, 2.1, 0.0);
    assert_near(m.b, 0.6, 0.0);
    assert_near(ss_dist_mean(&m), exp(2.1 + 0.18), 1e-12);
    check_sample_mean(f, &m, 0.01);
}

/* mean = scale * Gamma(1 + 1/shape) = 10 * Gamma(5/3); a swapped GSL argument order would give a
 * mean near 1.4 and fail. */
static void test_weibull(void **state)
{
    fixture *f = *state;
    ss_dist w = parse_ok(f, "{ 'weibull', shape = 1.5, scale = 10 }");
    assert_int_equal(w.kind, SS_DIST_WEIBULL);
    assert_near(w.a, 1.5, 0.0);
    assert_near(w.b, 10.0, 0.0);
    assert_near(ss_dist_mean(&w), 9.02745292950934, 1e-9);
    check_sample_mean(f, &w, 0.01);
    ss_dist x = parse_ok(f, "{ 'weibull', shape = 0.5, scale = 1 }"); /* mean Gamma(3) = 2 */
    assert_near(ss_dist_mean(&x), 2.0, 1e-12);
    check_sample_mean(f, &x, 0.02); /* heavy tail: cv = sqrt(5) */
    ss_dist y = parse_ok(f, "{ 'weibull', shape = 0.001, scale = 1 }");
    assert_true(isinf(ss_dist_mean(&y))); /* past gsl_sf_gamma's range, without aborting */
}

static void test_triangular(void **state)
{
    fixture *f = *state;
    ss_dist t = parse_ok(f, "{ 'triangular', min = 1, mode = 3, max = 10 }");
    assert_int_equal(t.kind, SS_DIST_TRIANGULAR);
    assert_near(ss_dist_mean(&t), 14.0 / 3.0, 1e-12);
    check_sample_mean(f, &t, 0.01);
    /* The mode is the most frequent value: more draws near 3 than near 1 or 9. */
    int near_min = 0, near_mode = 0, near_max = 0;
    for (int i = 0; i < DRAWS; i++) {
        double x = ss_dist_sample(&t, f->r);
        assert_true(x >= 1.0 && x <= 10.0);
        near_min += x < 1.5, near_mode += fabs(x - 3) < 0.25, near_max += x > 9.5;
    }
    assert_true(near_mode > 2 * near_min && near_mode > 2 * near_max);
    ss_dist edge = parse_ok(f, "{ 'triangular', min = 0, mode = 0, max = 6 }");
    assert_near(ss_dist_mean(&edge), 2.0, 1e-12);
    check_sample_mean(f, &edge, 0.01);
    ss_dist point = parse_ok(f, "{ 'triangular', min = 4, mode = 4, max = 4 }");
    assert_near(ss_dist_sample(&point, f->r), 4.0, 0.0);
}

static void test_uniform(void **state)
{
    fixture *f = *state;
    ss_dist u = parse_ok(f, "{ 'uniform', min = 1, max = 10 }");
    assert_int_equal(u.kind, SS_DIST_UNIFORM);
    assert_near(ss_dist_mean(&u), 5.5, 0.0);
    for (int i = 0; i < 1000; i++) {
        double x = ss_dist_sample(&u, f->r);
        assert_true(x >= 1.0 && x < 10.0);
    }
    assert_near(check_sample_mean(f, &u, 0.01), 9.0 / sqrt(12.0), 0.02);
}

/* Observed frequencies match the weights; the mean is exact. */
static void test_empirical_weights(void **state)
{
    fixture *f = *state;
    ss_dist e = parse_ok(f, "{ 'empirical', values = {1, 2, 5}, weights = {0.5, 0.3, 0.2} }");
    assert_int_equal(e.kind, SS_DIST_EMPIRICAL);
    assert_int_equal(e.n, 3);
    assert_true(e.cum[2] == 1.0);
    assert_near(ss_dist_mean(&e), 2.1, 1e-12);
    int count[3] = {0};
    for (int i = 0; i < DRAWS; i++) {
        double x = ss_dist_sample(&e, f->r);
        if (x != 1 && x != 2 && x != 5)
            fail_msg("drew %g", x);
        count[x == 1 ? 0 : x == 2 ? 1 : 2]++;
    }
    assert_near(count[0] / (double)DRAWS, 0.5, 0.005);
    assert_near(count[1] / (double)DRAWS, 0.3, 0.005);
    assert_near(count[2] / (double)DRAWS, 0.2, 0.005);
    check_sample_mean(f, &e, 0.01);
    ss_dist_free(&e);
}

/* Weights need not sum to 1; zero weights are never drawn; no weights means equal weights. */
static void test_empirical_forms(void **state)
{
    fixture *f = *state;
    ss_dist z = parse_ok(f, "{ 'empirical', values = {7, 8, 9, 10}, weights = {0, 3, 0, 1} }");
    assert_near(ss_dist_mean(&z), 8.5, 1e-12);
    for (int i = 0; i < 10000; i++) {
        double x = ss_dist_sample(&z, f->r);
        assert_true(x == 8.0 || x == 10.0);
    }
    ss_dist_free(&z);
    ss_dist eq = parse_ok(f, "{ 'empirical', values = {1, 2, 3, 4} }");
    assert_near(ss_dist_mean(&eq), 2.5, 1e-12);
    check_sample_mean(f, &eq, 0.01);
    ss_dist_free(&eq);
    ss_dist tenths = parse_ok(f, "{ 'empirical', values = {1, 2, 3}, weights = {0.1, 0.7, 0.1} }");
    assert_true(tenths.cum[2] == 1.0); /* exactly, although 0.1 + 0.7 + 0.1 != 0.9 */
    ss_dist_free(&tenths);
    ss_dist one = parse_ok(f, "{ 'empirical', values = {42} }");
    assert_near(ss_dist_sample(&one, f->r), 42.0, 0.0);
    ss_dist_free(&one);
}

static void test_copy_and_free(void **state)
{
    fixture *f = *state;
    ss_dist zero = {0}, copy;
    ss_dist_free(&zero); /* safe on a zeroed struct */
    ss_dist e = parse_ok(f, "{ 'empirical', values = {1, 2, 5}, weights = {0.5, 0.3, 0.2} }");
    assert_int_equal(ss_dist_copy(&copy, &e), 0);
    assert_ptr_not_equal(copy.values, e.values);
    ss_dist_free(&e);
    ss_dist_free(&e); /* twice is safe */
    assert_near(ss_dist_mean(&copy), 2.1, 1e-12);
    double x = ss_dist_sample(&copy, f->r);
    assert_true(x == 1.0 || x == 2.0 || x == 5.0);
    ss_dist_free(&copy);
    ss_dist g = parse_ok(f, "{ 'gamma', shape = 2, scale = 5 }"), g2;
    assert_int_equal(ss_dist_copy(&g2, &g), 0);
    assert_near(ss_dist_mean(&g2), 10.0, 1e-12);
    ss_dist_free(&g);
}

static void assert_describes(fixture *f, const char *expr, const char *text)
{
    char buf[256];
    ss_dist dist = parse_ok(f, expr);
    ss_dist_describe(&dist, buf, sizeof buf);
    assert_string_equal(buf, text);
    ss_dist_free(&dist);
}

static void test_describe(void **state)
{
    fixture *f = *state;
    assert_describes(f, "3.5", "fixed(value=3.5)");
    assert_describes(f, "{ 'exponential', mean = 10 }", "exponential(mean=10)");
    assert_describes(f, "{ 'gamma', shape = 2, scale = 5 }", "gamma(shape=2, scale=5)");
    assert_describes(f, "{ 'lognormal', mu = 2.1, sigma = 0.6 }", "lognormal(mu=2.1, sigma=0.6)");
    assert_describes(f, "{ 'weibull', shape = 1.5, scale = 10 }", "weibull(shape=1.5, scale=10)");
    assert_describes(f, "{ 'triangular', min = 1, mode = 3, max = 10 }", "triangular(min=1, mode=3, max=10)");
    assert_describes(f, "{ 'uniform', min = 1, max = 10 }", "uniform(min=1, max=10)");
    assert_describes(f, "{ 'empirical', values = {1, 2, 5}, weights = {5, 3, 2} }",
                     "empirical(values={1, 2, 5}, weights={0.5, 0.3, 0.2})");
    assert_describes(f, "{ 'empirical', values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10} }",
                     "empirical(n=10, values={1, 2, 3, 4, 5, 6, 7, 8, ...}, "
                     "weights={0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, ...})");
    /* A small buffer truncates safely. */
    char small[8];
    ss_dist g = parse_ok(f, "{ 'gamma', shape = 2, scale = 5 }");
    ss_dist_describe(&g, small, sizeof small);
    assert_string_equal(small, "gamma(s");
}

static void test_errors_type(void **state)
{
    fixture *f = *state;
    parse_fails(f, "'ten'",
                PATH ": expected a distribution (a number or a table such as "
                     "{ \"exponential\", mean = 10 }), got string");
    parse_fails(f, "true",
                PATH ": expected a distribution (a number or a table such as "
                     "{ \"exponential\", mean = 10 }), got boolean");
    parse_fails(f, "nil",
                PATH ": expected a distribution (a number or a table such as "
                     "{ \"exponential\", mean = 10 }), got nil");
    parse_fails(f, "1/0", PATH ": expected a finite number, got inf");
    parse_fails(f, "{ 'exponential', mean = '10' }", PATH ".mean: expected a number > 0, got string");
    parse_fails(f, "{ 'gamma', shape = {}, scale = 1 }", PATH ".shape: expected a number > 0, got table");
    parse_fails(f, "{ 'uniform', min = 'a', max = 1 }", PATH ".min: expected a finite number, got string");
    parse_fails(f, "{ mean = 10 }",
                PATH "[1]: expected the kind of distribution (a string, as in "
                     "{ \"exponential\", mean = 10 }), got nil");
    parse_fails(f, "{ 10 }",
                PATH "[1]: expected the kind of distribution (a string, as in "
                     "{ \"exponential\", mean = 10 }), got 10");
}

static void test_errors_value(void **state)
{
    fixture *f = *state;
    parse_fails(f, "{ 'exponential', mean = -1 }", PATH ".mean: expected a number > 0, got -1");
    parse_fails(f, "{ 'exponential', mean = 0 }", PATH ".mean: expected a number > 0, got 0");
    parse_fails(f, "{ 'weibull', shape = 1.5, scale = -0.5 }", PATH ".scale: expected a number > 0, got -0.5");
    parse_fails(f, "{ 'lognormal', mu = 1/0, sigma = 1 }", PATH ".mu: expected a finite number, got inf");
    parse_fails(f, "{ 'triangular', min = 5, mode = 3, max = 10 }",
                PATH ": triangular needs min <= mode <= max, got min = 5, mode = 3, max = 10");
    parse_fails(f, "{ 'triangular', min = 1, mode = 11, max = 10 }",
                PATH ": triangular needs min <= mode <= max, got min = 1, mode = 11, max = 10");
    parse_fails(f, "{ 'uniform', min = 10, max = 1 }", PATH ": uniform needs min < max, got min = 10, max = 1");
    parse_fails(f, "{ 'uniform', min = 2, max = 2 }", PATH ": uniform needs min < max, got min = 2, max = 2");
    /* NaN prints as nan or -nan depending on the sign bit: check the rest. */
    ss_dist dist;
    ss_diag d;
    assert_int_equal(parse(f, "{ 'exponential', mean = 0/0 }", &dist, &d), -1);
    assert_contains(d.msg, PATH ".mean: expected a number > 0, got ");
    assert_contains(d.msg, "nan");
}

static void test_errors_names(void **state)
{
    fixture *f = *state;
    parse_fails(f, "{ 'normal', mean = 1, sd = 2 }",
                PATH ": unknown distribution 'normal' (expected one of fixed, exponential, gamma, "
                     "lognormal, weibull, triangular, uniform, empirical)");
    parse_fails(f, "{ 'Exponential', mean = 1 }",
                PATH ": unknown distribution 'Exponential' (expected one of fixed, exponential, gamma, "
                     "lognormal, weibull, triangular, uniform, empirical)");
    parse_fails(f, "{ 'exponential', maen = 10 }",
                PATH ": unknown parameter 'maen' for exponential (expected mean)");
    parse_fails(f, "{ 'gamma', shape = 2, scale = 5, rate = 1 }",
                PATH ": unknown parameter 'rate' for gamma (expected shape, scale, mean, sd)");
    parse_fails(f, "{ 'exponential', 10 }", PATH ": unexpected element [2] for exponential (expected mean)");
    parse_fails(f, "{ 'uniform', min = 0, max = 1, [true] = 1 }",
                PATH ": unexpected key of type boolean for uniform (expected min, max)");
}

static void test_errors_missing(void **state)
{
    fixture *f = *state;
    parse_fails(f, "{ 'fixed' }", PATH ": fixed needs value");
    parse_fails(f, "{ 'exponential' }", PATH ": exponential needs mean");
    parse_fails(f, "{ 'gamma', shape = 2 }", PATH ": gamma needs shape and scale, or mean and sd");
    parse_fails(f, "{ 'gamma', shape = 2, scale = 5, mean = 10 }",
                PATH ": gamma needs shape and scale, or mean and sd");
    parse_fails(f, "{ 'gamma', mean = 10, scale = 5 }", PATH ": gamma needs shape and scale, or mean and sd");
    parse_fails(f, "{ 'lognormal', mean = 10, sigma = 1 }",
                PATH ": lognormal needs mean and sd, or mu and sigma");
    parse_fails(f, "{ 'weibull', shape = 2 }", PATH ": weibull needs shape and scale");
    parse_fails(f, "{ 'triangular', min = 1, max = 3 }", PATH ": triangular needs min, mode and max");
    parse_fails(f, "{ 'uniform', max = 3 }", PATH ": uniform needs min and max");
    parse_fails(f, "{ 'empirical' }", PATH ": empirical needs values");
}

static void test_errors_empirical(void **state)
{
    fixture *f = *state;
    parse_fails(f, "{ 'empirical', values = 3 }", PATH ".values: expected a non-empty list of numbers, got 3");
    parse_fails(f, "{ 'empirical', values = {} }",
                PATH ".values: expected a non-empty list of numbers (keys 1..n only)");
    parse_fails(f, "{ 'empirical', values = {1, 2, x = 3} }",
                PATH ".values: expected a non-empty list of numbers (keys 1..n only)");
    parse_fails(f, "{ 'empirical', values = {1, 'two', 3} }", PATH ".values[2]: expected a finite number, got string");
    parse_fails(f, "{ 'empirical', values = {1, 2, 3}, weights = {1, 2} }",
                PATH ".weights: expected 3 weights (one per value), got 2");
    parse_fails(f, "{ 'empirical', values = {1, 2}, weights = {1, -1} }",
                PATH ".weights[2]: expected a number >= 0, got -1");
    parse_fails(f, "{ 'empirical', values = {1, 2}, weights = {0, 0} }",
                PATH ".weights: expected weights with a positive finite sum, got 0");
    parse_fails(f, "{ 'empirical', values = {1, 2}, weights = 'equal' }",
                PATH ".weights: expected a non-empty list of numbers, got string");
}

/* Metamethods are not consulted: an __index that would supply the mean is ignored. */
static void test_no_metamethods(void **state)
{
    fixture *f = *state;
    parse_fails(f, "setmetatable({ 'exponential' }, { __index = function() error('called') end })",
                PATH ": exponential needs mean");
}

/* Inverse CDFs at chosen u: empirical picks the first value whose cumulative weight exceeds u
 * (so u on a boundary belongs to the next value, and zero weights are never chosen); triangular
 * maps 0 to min, F(mode) to mode, and is continuous. */
static void test_inverse_cdf_boundaries(void **state)
{
    fixture *f = *state;
    gsl_rng *s = gsl_rng_alloc(&scripted_type);
    assert_non_null(s);
    ss_dist e = parse_ok(f, "{ 'empirical', values = {7, 8, 9, 10}, weights = {0, 3, 0, 1} }");
    assert_near(sample_at(&e, s, 0.0), 8.0, 0.0);
    assert_near(sample_at(&e, s, 0.7499), 8.0, 0.0);
    assert_near(sample_at(&e, s, 0.75), 10.0, 0.0);
    assert_near(sample_at(&e, s, 0.9999999), 10.0, 0.0);
    ss_dist_free(&e);
    ss_dist h = parse_ok(f, "{ 'empirical', values = {1, 2} }");
    assert_near(sample_at(&h, s, 0.4999999), 1.0, 0.0);
    assert_near(sample_at(&h, s, 0.5), 2.0, 0.0);
    ss_dist_free(&h);
    ss_dist t = parse_ok(f, "{ 'triangular', min = 1, mode = 3, max = 10 }");
    assert_near(sample_at(&t, s, 0.0), 1.0, 0.0);
    assert_near(sample_at(&t, s, 2.0 / 9.0), 3.0, 1e-12);
    assert_near(sample_at(&t, s, 2.0 / 9.0 - 1e-12), 3.0, 1e-5);
    assert_near(sample_at(&t, s, 0.5), 10.0 - sqrt(0.5 * 9 * 7), 1e-12);
    assert_near(sample_at(&t, s, 1.0 - 1e-12), 10.0, 1e-4);
    gsl_rng_free(s);
}

/* The committed tables are what Marsaglia and Tsang's set-up computes (scaled to 53 bits): the
 * same recurrence, in C, here. */
static void test_ziggurat_tables(void **state)
{
    const double r = SS_ZIG_EXP_R, v = 3.949659822581572e-3, m = 0x1.0p53;
    double de = r, te = de, q = v / exp(-de);
    uint64_t k[256] = {0};
    double w[256], f[256];
    k[0] = (uint64_t)((de / q) * m);
    w[0] = q / m;
    w[255] = de / m;
    f[0] = 1.0;
    f[255] = exp(-de);
    for (int i = 254; i >= 1; i--) {
        de = -log(v / de + exp(-de));
        k[i + 1] = (uint64_t)((de / te) * m);
        te = de;
        f[i] = exp(-de);
        w[i] = de / m;
    }
    for (int i = 0; i < 256; i++) {
        assert_true(llabs((long long)(k[i] - ss_zig_exp_k[i])) <= 2);
        assert_near(w[i], ss_zig_exp_w[i], 1e-12 * w[i]);
        assert_near(f[i], ss_zig_exp_f[i], 1e-12 * f[i]);
    }
}

/* The ziggurat's output is exponential: a Kolmogorov-Smirnov test on 200,000 draws (critical
 * value 1.63 / sqrt(n) at 1 %), the mean and variance, and the tail beyond the ziggurat's base
 * (x > 7.697, probability 4.5e-4) and beyond 10 (4.5e-5) in two million draws, within four
 * standard errors.  The tail is where a table method most easily goes wrong. */
static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void test_ziggurat_distribution(void **state)
{
    enum { N = 200000, M = 2000000 };
    gsl_rng *r = ss_rng_new(7, 0, SS_RNG_SERVICE, 0);
    assert_non_null(r);
    double *x = malloc(N * sizeof *x);
    assert_non_null(x);
    double sum = 0, sq = 0;
    for (int i = 0; i < N; i++) {
        x[i] = ss_rng_exponential(r, 2.0) / 2.0;
        assert_true(x[i] >= 0);
        sum += x[i];
        sq += x[i] * x[i];
    }
    qsort(x, N, sizeof *x, cmp_double);
    double dmax = 0;
    for (int i = 0; i < N; i++) {
        double c = gsl_cdf_exponential_P(x[i], 1.0);
        dmax = fmax(dmax, fmax(fabs(c - (double)i / N), fabs((double)(i + 1) / N - c)));
    }
    assert_true(dmax < 1.63 / sqrt((double)N));
    assert_near(sum / N, 1.0, 4 * 1.0 / sqrt((double)N));
    assert_near(sq / N - (sum / N) * (sum / N), 1.0, 0.02);
    free(x);
    long beyond_r = 0, beyond_10 = 0;
    for (int i = 0; i < M; i++) {
        double y = ss_rng_exp1(r);
        beyond_r += y > SS_ZIG_EXP_R;
        beyond_10 += y > 10.0;
    }
    double pr = exp(-SS_ZIG_EXP_R), p10 = exp(-10.0);
    assert_near((double)beyond_r, M * pr, 4 * sqrt(M * pr));
    assert_near((double)beyond_10, M * p10, 4 * sqrt(M * p10));
    gsl_rng_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fixed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_exponential, setup, teardown),
        cmocka_unit_test(test_ziggurat_tables),
        cmocka_unit_test(test_ziggurat_distribution),
        cmocka_unit_test_setup_teardown(test_gamma_shape_scale, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gamma_mean_sd, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lognormal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_weibull, setup, teardown),
        cmocka_unit_test_setup_teardown(test_triangular, setup, teardown),
        cmocka_unit_test_setup_teardown(test_uniform, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empirical_weights, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empirical_forms, setup, teardown),
        cmocka_unit_test_setup_teardown(test_copy_and_free, setup, teardown),
        cmocka_unit_test_setup_teardown(test_describe, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors_type, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors_value, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors_missing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors_empirical, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_metamethods, setup, teardown),
        cmocka_unit_test_setup_teardown(test_inverse_cdf_boundaries, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
