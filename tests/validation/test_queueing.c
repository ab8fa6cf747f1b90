/* test_queueing: the engine against queueing theory, Little's law and its own reproducibility.
 *
 * Closed forms: M/M/c (Erlang C) for scenarios/validation/mmc.lua, and an open Jackson network
 * with feedback (traffic equations + Erlang C per node) for jackson.lua and for jackson_lua.lua,
 * where every routing decision is made by a Lua function.  An analytic value must lie inside the
 * simulated confidence interval across replications.
 *
 * Several comparisons are made per run, and each 95 % interval misses the truth 5 % of the time
 * by design, so a run checked against k values at 95 % each would fail spuriously far more often
 * than 5 %.  The intervals asserted are therefore Bonferroni-adjusted (level 1 - 0.05/k), so that
 * each run as a whole fails by chance at most 5 % of the time; the plain 95 % intervals are
 * printed beside them.  Seeds are fixed, so the outcome is deterministic: it was not tuned.
 *
 * Little's law (engine/sim/checks.h) is checked on every service of every replication run here. */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_linalg.h>

#include "checks.h"
#include "results.h"
#include "runner.h"
#include "scenario.h"

#define SEED 20240101u
#define REPS 20
#define HORIZON "calendar.horizon_days=10200"  /* 10,000 measured days per replication */
#define WARMUP "calendar.warmup_days=200"
#define MEASURED_DAYS 10000.0
#define LITTLE_TOL 0.03  /* relative, per replication; checks.c adds an allowance for the edges */
#define FAMILY_LEVEL 0.95

/* ---- closed forms ----------------------------------------------------------------------- */

typedef struct mmc_form {
    double p_wait;      /* Erlang C: probability an arrival waits */
    double wq, lq;      /* mean wait (days) and mean number waiting */
    double in_service;  /* mean number in service, lambda / mu (the engine's caseload) */
    double l;           /* mean number in the system, lq + lambda / mu */
    double util;        /* lambda / (c mu) */
} mmc_form;

/* Erlang B by the stable recursion B(k) = a B(k-1) / (k + a B(k-1)), then Erlang C from it. */
static mmc_form erlang_c(double lambda, double mu, int c)
{
    double a = lambda / mu, b = 1.0;
    for (int k = 1; k <= c; k++)
        b = a * b / (k + a * b);
    double rho = a / c;
    assert_true(rho < 1.0);
    mmc_form f;
    f.p_wait = b / (1.0 - rho + rho * b);
    f.wq = f.p_wait / (c * mu - lambda);
    f.lq = lambda * f.wq;
    f.in_service = a;
    f.l = f.lq + a;
    f.util = rho;
    return f;
}

/* Open Jackson network: lambda = gamma + P^T lambda, i.e. (I - P^T) lambda = gamma. */
static void traffic_equations(int n, const double *p, const double *gamma, double *lambda)
{
    gsl_matrix *a = gsl_matrix_alloc(n, n);
    gsl_vector *g = gsl_vector_alloc(n), *x = gsl_vector_alloc(n);
    gsl_permutation *perm = gsl_permutation_alloc(n);
    for (int i = 0; i < n; i++) {
        gsl_vector_set(g, i, gamma[i]);
        for (int j = 0; j < n; j++)
            gsl_matrix_set(a, i, j, (i == j) - p[j * n + i]);
    }
    int sign;
    gsl_linalg_LU_decomp(a, perm, &sign);
    gsl_linalg_LU_solve(a, perm, g, x);
    for (int i = 0; i < n; i++)
        lambda[i] = gsl_vector_get(x, i);
    gsl_permutation_free(perm);
    gsl_vector_free(x);
    gsl_vector_free(g);
    gsl_matrix_free(a);
}

/* The network of scenarios/validation/jackson.lua (assert_model_is_the_network checks that the
 * file still says this; the scenario's comment gives the solution too). */
enum { JN = 3 };
static const double jackson_p[JN * JN] = {
    /* to:  a     b     c */
    0.00, 0.30, 0.25,  /* from a (exit 0.45) */
    0.00, 0.00, 0.20,  /* from b (exit 0.80) */
    0.20, 0.10, 0.00,  /* from c (exit 0.70) */
};
static const double jackson_gamma[JN] = {8.0, 0.6, 0.0};
static const double jackson_mu[JN] = {4.0, 1.0, 2.0};
static const int jackson_c[JN] = {3, 4, 2};
static const char *const jackson_ids[JN] = {"a", "b", "c"};

/* ---- running scenarios ------------------------------------------------------------------ */

typedef struct run {
    ss_scenario *sc;
    const ss_model *m;
    ss_rep_result *r;
    int reps;
} run;

/* Load path with the --set overrides and run reps replications; Little's law must hold at
 * every service of every replication. */
static void run_scenario(run *x, const char *path, const char *const *sets, int nsets,
                         uint64_t seed, int reps, int jobs)
{
    ss_diag d;
    ss_scenario_opts so = {.sets = sets, .nsets = nsets};
    x->sc = ss_scenario_load(path, &so, &d);
    if (!x->sc)
        fail_msg("loading %s: %s", path, d.msg);
    x->m = ss_scenario_model(x->sc);
    x->reps = reps;
    x->r = calloc(reps, sizeof *x->r);
    assert_non_null(x->r);
    ss_run_opts ro = {.seed = seed, .reps = reps, .jobs = jobs};
    if (ss_run_replications(x->m, &ro, x->r, &d) < 0)
        fail_msg("running %s: %s", path, d.msg);
    double worst = 0;
    for (int i = 0; i < reps; i++) {
        char msg[512];
        if (ss_check_littles_law(&x->r[i], x->m, LITTLE_TOL, msg, sizeof msg) != 0)
            fail_msg("%s, replication %d: Little's law fails: %s", path, i + 1, msg);
        for (int s = 0; s < x->m->nservices; s++) {
            ss_littles_law ll = ss_littles_law_at(&x->r[i], x->m, s, LITTLE_TOL);
            if (ll.checked && ll.queue > 0)
                worst = fmax(worst, fabs(ll.queue - ll.flow) / fmax(ll.queue, ll.flow));
        }
    }
    print_message("%s: Little's law holds at every service of %d replications (largest gap %.3f %%)\n",
                  path, reps, 100 * worst);
}

static void run_free(run *x)
{
    for (int i = 0; i < x->reps; i++)
        ss_rep_result_free(&x->r[i]);
    free(x->r);
    ss_scenario_free(x->sc);
    *x = (run){0};
}

static const char *const long_run[] = {HORIZON, WARMUP};

static int service_of(const run *x, const char *id)
{
    int s = ss_model_service_index(x->m, id);
    if (s < 0)
        fail_msg("%s has no service '%s'", ss_scenario_path(x->sc), id);
    return s;
}

static double metric(const run *x, int rep, int s, int m)
{
    return x->r[rep].service[(long)s * SS_SERVICE_METRICS + m];
}

/* ---- comparing with a closed form ------------------------------------------------------- */

typedef struct comparison {
    int k, missed;        /* comparisons made, and outside the adjusted interval */
    double level;         /* per-comparison level, Bonferroni-adjusted */
    char failures[2048];
} comparison;

static void comparison_init(comparison *c, int k)
{
    *c = (comparison){.k = k, .level = 1.0 - (1.0 - FAMILY_LEVEL) / k};
}

/* One analytic value against the replications' values v[0 .. n-1]. */
static void compare(comparison *c, const char *what, double analytic, const double *v, int n)
{
    ss_estimate e95 = ss_estimate_from(v, n, 0.95), e = ss_estimate_from(v, n, c->level);
    bool in95 = analytic >= e95.ci_low && analytic <= e95.ci_high;
    bool in = analytic >= e.ci_low && analytic <= e.ci_high;
    print_message("  %-26s analytic %10.4f  simulated %10.4f  95%% [%10.4f, %10.4f]%s  %.4f%% [%10.4f, %10.4f]%s\n",
                  what, analytic, e.mean, e95.ci_low, e95.ci_high, in95 ? "" : " (outside)",
                  100 * c->level, e.ci_low, e.ci_high, in ? "" : " OUTSIDE");
    if (!in) {
        c->missed++;
        size_t l = strlen(c->failures);
        snprintf(c->failures + l, sizeof c->failures - l, "\n  %s: analytic %.6g outside [%.6g, %.6g]",
                 what, analytic, e.ci_low, e.ci_high);
    }
}

/* A service metric across the replications of x, each value multiplied by scale. */
static void compare_metric(comparison *c, const run *x, const char *what, double analytic, int s, int m,
                           double scale)
{
    double v[REPS];
    assert_true(x->reps <= REPS);
    for (int i = 0; i < x->reps; i++)
        v[i] = metric(x, i, s, m) * scale;
    compare(c, what, analytic, v, x->reps);
}

static void comparison_done(const comparison *c, const char *path)
{
    assert_true(c->k > 0);
    if (c->missed)
        fail_msg("%s: %d of %d closed-form values outside the simulated interval:%s", path, c->missed, c->k,
                 c->failures);
}

/* ---- closed forms, checked on their own ------------------------------------------------- */

/* M/M/1: Wq = rho / (mu - lambda); M/M/10 at lambda 9: P(wait) = 0.6687 (Erlang C tables). */
static void erlang_c_matches_known_values(void **state)
{
    mmc_form one = erlang_c(0.8, 1.0, 1);
    assert_near(one.p_wait, 0.8, 1e-12);
    assert_near(one.wq, 0.8 / 0.2, 1e-12);
    mmc_form ten = erlang_c(9.0, 1.0, 10);
    assert_near(ten.p_wait, 0.66869, 5e-5);
    assert_near(ten.wq, 0.66869, 5e-5);
    assert_near(ten.l, ten.lq + 9.0, 1e-12);
    assert_near(ten.util, 0.9, 1e-12);
}

static void traffic_equations_balance(void **state)
{
    double lambda[JN];
    traffic_equations(JN, jackson_p, jackson_gamma, lambda);
    assert_near(lambda[0], 8.566448801742919, 1e-9);  /* hand iteration, see jackson.lua */
    assert_near(lambda[1], 3.4531590413943354, 1e-9);
    assert_near(lambda[2], 2.832244008714597, 1e-9);
    for (int j = 0; j < JN; j++) {  /* flow in = flow out at every node */
        double in = jackson_gamma[j];
        for (int i = 0; i < JN; i++)
            in += lambda[i] * jackson_p[i * JN + j];
        assert_near(in, lambda[j], 1e-9);
    }
}

/* ---- the simulation against the closed forms -------------------------------------------- */

static void mmc_matches_erlang_c(void **state)
{
    const double lambda = 9.0, mu = 1.0;
    const int c = 10;
    mmc_form f = erlang_c(lambda, mu, c);
    run x;
    run_scenario(&x, "scenarios/validation/mmc.lua", long_run, 2, SEED, REPS, 0);
    assert_near(x.m->horizon - x.m->warmup, MEASURED_DAYS, 1e-9);
    int q = service_of(&x, "q");
    const ss_service *sv = &x.m->services[q];  /* the file still describes M/M/10 */
    assert_true(x.m->ndemand == 1 && x.m->demand[0].direct_service == q && !x.m->demand[0].seasonal);
    assert_near(x.m->demand[0].rate_per_day, lambda, 1e-12);
    assert_true(sv->cap_kind == SS_CAP_SLOTS && sv->capacity == c && !x.m->cal.working_mon_fri);
    assert_true(sv->episode[0].kind == SS_DIST_EXPONENTIAL && sv->episode[0].a == 1.0 / mu);
    comparison cmp;
    comparison_init(&cmp, 6);
    print_message("M/M/10, lambda 9/day, mu 1/day: %d replications of %.0f days\n", REPS, MEASURED_DAYS);
    compare_metric(&cmp, &x, "arrivals per day", lambda, q, SS_SM_ARRIVALS, 1.0 / MEASURED_DAYS);
    compare_metric(&cmp, &x, "wait_mean (Wq)", f.wq, q, SS_SM_WAIT_MEAN, 1.0);
    compare_metric(&cmp, &x, "queue_mean (Lq)", f.lq, q, SS_SM_QUEUE_MEAN, 1.0);
    compare_metric(&cmp, &x, "caseload_mean (lambda/mu)", f.in_service, q, SS_SM_CASELOAD_MEAN, 1.0);
    compare_metric(&cmp, &x, "utilisation", f.util, q, SS_SM_UTILISATION, 1.0);
    double l[REPS];
    for (int i = 0; i < x.reps; i++)
        l[i] = metric(&x, i, q, SS_SM_QUEUE_MEAN) + metric(&x, i, q, SS_SM_CASELOAD_MEAN);
    compare(&cmp, "queue + caseload (L)", f.l, l, x.reps);
    comparison_done(&cmp, "mmc.lua");
    run_free(&x);
}

/* The closed form is only worth something if it describes the file that ran: read the network
 * back from the model (routing tables, external rates, servers, exponential service) and compare
 * with the table above.  The Lua variant's routing lives in its rule file and is not read here. */
static void assert_model_is_the_network(const run *x, bool data_routing)
{
    const ss_model *m = x->m;
    assert_int_equal(m->nservices, JN);
    assert_true(m->cal.working_mon_fri == false);
    double gamma[JN] = {0};
    for (int k = 0; k < m->ndemand; k++) {
        assert_true(m->demand[k].direct_service >= 0 && m->demand[k].cohort < 0 && !m->demand[k].seasonal);
        gamma[m->demand[k].direct_service] += m->demand[k].rate_per_day;
    }
    for (int i = 0; i < JN; i++) {
        const ss_service *sv = &m->services[service_of(x, jackson_ids[i])];
        assert_near(gamma[i], jackson_gamma[i], 1e-12);
        assert_true(sv->cap_kind == SS_CAP_SLOTS && sv->capacity == jackson_c[i]);
        assert_true(sv->episode[0].kind == SS_DIST_EXPONENTIAL);
        assert_near(1.0 / sv->episode[0].a, jackson_mu[i], 1e-12);
        assert_true(sv->intake.kind == SS_DIST_FIXED && sv->intake.a == 0);
        assert_int_equal(sv->next.kind, data_routing ? SS_RULE_DATA : SS_RULE_LUA);
        if (!data_routing)
            continue;
        double p[JN] = {0}, prev = 0;
        const ss_choice *c = &sv->next.by_need[0];
        for (int k = 0; k < c->n; k++) {
            if (c->target[k] >= 0)
                p[c->target[k]] += c->cum[k] - prev;
            prev = c->cum[k];
        }
        for (int j = 0; j < JN; j++)
            assert_near(p[j], jackson_p[i * JN + j], 1e-12);
    }
}

/* Per node: arrival rate (from the traffic equations), Wq and Lq (Erlang C at that rate) and
 * utilisation: 12 comparisons. */
static void check_jackson(const char *path, bool data_routing)
{
    double lambda[JN];
    traffic_equations(JN, jackson_p, jackson_gamma, lambda);
    run x;
    run_scenario(&x, path, long_run, 2, SEED, REPS, 0);
    assert_model_is_the_network(&x, data_routing);
    comparison cmp;
    comparison_init(&cmp, 4 * JN);
    print_message("%s: %d replications of %.0f days\n", path, REPS, MEASURED_DAYS);
    for (int j = 0; j < JN; j++) {
        mmc_form f = erlang_c(lambda[j], jackson_mu[j], jackson_c[j]);
        int s = service_of(&x, jackson_ids[j]);
        char what[64];
        snprintf(what, sizeof what, "%s arrivals per day", jackson_ids[j]);
        compare_metric(&cmp, &x, what, lambda[j], s, SS_SM_ARRIVALS, 1.0 / MEASURED_DAYS);
        snprintf(what, sizeof what, "%s wait_mean (Wq)", jackson_ids[j]);
        compare_metric(&cmp, &x, what, f.wq, s, SS_SM_WAIT_MEAN, 1.0);
        snprintf(what, sizeof what, "%s queue_mean (Lq)", jackson_ids[j]);
        compare_metric(&cmp, &x, what, f.lq, s, SS_SM_QUEUE_MEAN, 1.0);
        snprintf(what, sizeof what, "%s utilisation", jackson_ids[j]);
        compare_metric(&cmp, &x, what, f.util, s, SS_SM_UTILISATION, 1.0);
    }
    comparison_done(&cmp, path);
    run_free(&x);
}

static void jackson_matches_closed_form(void **state)
{
    check_jackson("scenarios/validation/jackson.lua", true);
}

static void jackson_lua_routing_matches_closed_form(void **state)
{
    check_jackson("scenarios/validation/jackson_lua.lua", false);
}

/* ---- Little's law checker --------------------------------------------------------------- */

/* The checker passes real results (run_scenario already asserts that) and catches a queue
 * average that disagrees with the waits. */
static void littles_law_check_catches_a_mismatch(void **state)
{
    run x;
    run_scenario(&x, "scenarios/validation/mmc.lua", NULL, 0, SEED, 1, 1);
    char msg[512];
    assert_int_equal(ss_check_littles_law(&x.r[0], x.m, LITTLE_TOL, msg, sizeof msg), 0);
    assert_string_equal(msg, "");
    ss_littles_law ll = ss_littles_law_at(&x.r[0], x.m, 0, LITTLE_TOL);
    assert_true(ll.checked);
    assert_true(ll.queue > 1.0);
    assert_near(ll.queue, ll.flow, ll.allowed);
    ss_rep_service(&x.r[0], 0)[SS_SM_QUEUE_MEAN] *= 1.25;
    assert_int_equal(ss_check_littles_law(&x.r[0], x.m, LITTLE_TOL, msg, sizeof msg), 1);
    assert_contains(msg, "service q: queue_mean ");
    assert_contains(msg, "joined per day x queue_time_mean");
    ss_rep_service(&x.r[0], 0)[SS_SM_QUEUE_JOINED] = 0;  /* nobody joined: nothing to check */
    ss_rep_service(&x.r[0], 0)[SS_SM_QUEUE_TIME_MEAN] = NAN;
    assert_false(ss_littles_law_at(&x.r[0], x.m, 0, LITTLE_TOL).checked);
    assert_int_equal(ss_check_littles_law(&x.r[0], x.m, LITTLE_TOL, msg, sizeof msg), 0);
    run_free(&x);
}

/* ---- reproducibility -------------------------------------------------------------------- */

/* Every array of the two results, bit for bit (NaN included). */
static bool same_bits(const ss_rep_result *a, const ss_rep_result *b)
{
    long nflows = (long)(a->nservices + 1) * (a->nservices + 1);
    return a->events == b->events && a->nservices == b->nservices && a->nsamples == b->nsamples &&
           memcmp(a->flows, b->flows, sizeof(double) * nflows) == 0 &&
           memcmp(a->wait_hist, b->wait_hist, sizeof(double) * a->nservices * SS_WAIT_BINS) == 0 &&
           memcmp(a->service, b->service, sizeof(double) * a->nservices * SS_SERVICE_METRICS) == 0 &&
           memcmp(a->system, b->system, sizeof a->system) == 0 &&
           memcmp(a->series_day, b->series_day, sizeof(double) * a->nsamples) == 0 &&
           memcmp(a->series_queue, b->series_queue, sizeof(double) * a->nsamples * a->nservices) == 0 &&
           memcmp(a->series_caseload, b->series_caseload, sizeof(double) * a->nsamples * a->nservices) == 0;
}

static void assert_same_runs(const run *a, const run *b)
{
    assert_int_equal(a->reps, b->reps);
    for (int i = 0; i < a->reps; i++)
        if (!same_bits(&a->r[i], &b->r[i]))
            fail_msg("replication %d differs between two runs that should be identical", i + 1);
}

static void same_seed_same_numbers(void **state)
{
    run a, b;
    run_scenario(&a, "scenarios/validation/jackson.lua", NULL, 0, SEED, 4, 1);
    run_scenario(&b, "scenarios/validation/jackson.lua", NULL, 0, SEED, 4, 1);
    assert_true(a.r[0].events > 10000);
    assert_same_runs(&a, &b);
    run_free(&a);
    run_free(&b);
}

/* Replications land in their own slot and each worker has its own sandbox and streams, so the
 * number of workers cannot change a bit, Lua rules included. */
static void one_or_two_workers_same_numbers(void **state)
{
    const char *paths[] = {"scenarios/validation/jackson.lua", "scenarios/validation/jackson_lua.lua"};
    for (int k = 0; k < 2; k++) {
        run a, b;
        run_scenario(&a, paths[k], NULL, 0, SEED, 5, 1);
        run_scenario(&b, paths[k], NULL, 0, SEED, 5, 2);
        assert_same_runs(&a, &b);
        run_free(&a);
        run_free(&b);
    }
}

static void different_seed_different_numbers(void **state)
{
    run a, b;
    run_scenario(&a, "scenarios/validation/mmc.lua", NULL, 0, SEED, 3, 1);
    run_scenario(&b, "scenarios/validation/mmc.lua", NULL, 0, SEED + 1, 3, 1);
    for (int i = 0; i < 3; i++) {
        assert_false(same_bits(&a.r[i], &b.r[i]));
        assert_true(a.r[i].system[SS_YM_PERSONS] != b.r[i].system[SS_YM_PERSONS]);
        assert_true(metric(&a, i, 0, SS_SM_WAIT_MEAN) != metric(&b, i, 0, SS_SM_WAIT_MEAN));
    }
    /* and replications of one run differ from each other */
    assert_true(a.r[0].system[SS_YM_PERSONS] != a.r[1].system[SS_YM_PERSONS]);
    run_free(&a);
    run_free(&b);
}

/* Common random numbers: arrivals have their own streams, so a change of capacity (or of
 * routing) does not change who arrives when. */
static void capacity_change_keeps_the_same_arrivals(void **state)
{
    static const char *const more[] = {"services.q.capacity.slots=11"};
    static const char *const more_b[] = {"services.b.capacity.slots=5"};
    run a, b;
    run_scenario(&a, "scenarios/validation/mmc.lua", NULL, 0, SEED, 4, 0);
    run_scenario(&b, "scenarios/validation/mmc.lua", more, 1, SEED, 4, 0);
    for (int i = 0; i < 4; i++) {
        assert_true(a.r[i].system[SS_YM_PERSONS] == b.r[i].system[SS_YM_PERSONS]);
        assert_true(metric(&a, i, 0, SS_SM_ARRIVALS) == metric(&b, i, 0, SS_SM_ARRIVALS));
        assert_true(metric(&b, i, 0, SS_SM_WAIT_MEAN) < metric(&a, i, 0, SS_SM_WAIT_MEAN));
    }
    run_free(&a);
    run_free(&b);
    run_scenario(&a, "scenarios/validation/jackson.lua", NULL, 0, SEED, 4, 0);
    run_scenario(&b, "scenarios/validation/jackson.lua", more_b, 1, SEED, 4, 0);
    for (int i = 0; i < 4; i++)
        assert_true(a.r[i].system[SS_YM_PERSONS] == b.r[i].system[SS_YM_PERSONS]);
    run_free(&a);
    run_free(&b);
}

/* A Lua route that always answers "q" draws nothing from the data-routing or arrival streams,
 * so it reproduces mmc.lua exactly: the Lua bridge does not disturb the random streams.  Neither
 * model has an organisation, so hand-offs are not counted by distance (NaN) in either. */
static void lua_door_route_reproduces_data_route(void **state)
{
    run a, b;
    run_scenario(&a, "scenarios/validation/mmc.lua", NULL, 0, SEED, 3, 0);
    run_scenario(&b, "scenarios/validation/mmc_lua.lua", NULL, 0, SEED, 3, 0);
    static const int by_distance[] = {SS_YM_HANDOFFS_SAME_UNIT, SS_YM_HANDOFFS_SAME_SECTOR,
                                      SS_YM_HANDOFFS_ACROSS_SECTORS, SS_YM_HANDOFFS_OUTSIDE};
    for (int i = 0; i < 3; i++)
        for (int k = 0; k < 4; k++)
            assert_true(isnan(a.r[i].system[by_distance[k]]) && isnan(b.r[i].system[by_distance[k]]));
    assert_same_runs(&a, &b);
    run_free(&a);
    run_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(erlang_c_matches_known_values),
        cmocka_unit_test(traffic_equations_balance),
        cmocka_unit_test(mmc_matches_erlang_c),
        cmocka_unit_test(jackson_matches_closed_form),
        cmocka_unit_test(jackson_lua_routing_matches_closed_form),
        cmocka_unit_test(littles_law_check_catches_a_mismatch),
        cmocka_unit_test(same_seed_same_numbers),
        cmocka_unit_test(one_or_two_workers_same_numbers),
        cmocka_unit_test(different_seed_different_numbers),
        cmocka_unit_test(capacity_change_keeps_the_same_arrivals),
        cmocka_unit_test(lua_door_route_reproduces_data_route),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
