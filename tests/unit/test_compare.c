/* test_compare: paired comparisons — the statistics on hand-made numbers, then the real default
 * scenario against an option with two more FTE, run with common random numbers.
 *
 * The claim the comparison rests on is that pairing by replication narrows the interval of a
 * difference.  It is checked against a control: the same two models, but the option run with
 * another seed (independent runs, forced to look pairable), where pairing must buy nothing. */
#include "testing.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <gsl/gsl_cdf.h>

#include "compare.h"
#include "comparisons.h"
#include "scenario.h"
#include "store.h"
#include "study.h"

#define REPS 10
#define SEED 1

/* ---- hand-made studies ------------------------------------------------------------------------ */

typedef struct fake {
    ss_study st;
    const char *ids[4];
    double fte[4];
} fake;

/* A study of nservices services whose replication i has metric m of service s = f(s, m, i). */
static void fake_init(fake *f, int nservices, const char *const *ids, const double *fte, int nreps, uint64_t seed,
                      double (*value)(int s, int m, int i))
{
    memset(f, 0, sizeof *f);
    for (int s = 0; s < nservices; s++) {
        f->ids[s] = ids[s];
        f->fte[s] = fte[s];
    }
    f->st.info = (ss_run_info){.seed = seed, .replications = nreps, .nservices = nservices,
                               .service_ids = f->ids, .service_fte = f->fte};
    f->st.nreps = nreps;
    f->st.reps = calloc(nreps, sizeof *f->st.reps);
    assert_non_null(f->st.reps);
    for (int i = 0; i < nreps; i++) {
        assert_int_equal(ss_rep_result_init(&f->st.reps[i], i, nservices, 0), 0);
        for (int s = 0; s < nservices; s++)
            for (int m = 0; m < SS_SERVICE_METRICS; m++)
                ss_rep_service(&f->st.reps[i], s)[m] = value(s, m, i);
        for (int m = 0; m < SS_SYSTEM_METRICS; m++)
            f->st.reps[i].system[m] = value(-1, m, i);
    }
}

static void fake_free(fake *f)
{
    for (int i = 0; i < f->st.nreps; i++)
        ss_rep_result_free(&f->st.reps[i]);
    free(f->st.reps);
}

/* Values that identify service, metric and replication: 100 s + m + i. */
static double tagged(int s, int m, int i) { return 100.0 * (s + 1) + m + i; }
static double tagged_plus_one(int s, int m, int i) { return tagged(s, m, i) + 1.0; }

static const ss_compare_row *find_row(const ss_comparison *c, const char *subject, const char *metric)
{
    for (int i = 0; i < c->nrows; i++)
        if (strcmp(c->rows[i].subject, subject) == 0 && strcmp(c->rows[i].metric, metric) == 0)
            return &c->rows[i];
    return NULL;
}

/* A shift of exactly 1 in every replication: the paired difference is 1 with no width at all,
 * while the unpaired interval sees the spread of the replications. */
static void constant_shift_is_known_exactly(void **state)
{
    (void)state;
    static const char *const ids[] = {"fph"};
    static const double fte[] = {4};
    fake a, b;
    fake_init(&a, 1, ids, fte, 5, SEED, tagged);
    fake_init(&b, 1, ids, fte, 5, SEED, tagged_plus_one);
    ss_comparison c;
    ss_diag d;
    assert_int_equal(ss_compare(&a.st, &b.st, 0.95, &c, &d), 0);
    assert_int_equal(c.nrows, SS_SERVICE_METRICS + SS_SYSTEM_METRICS);
    const ss_compare_row *r = find_row(&c, "fph", "wait_mean");
    assert_non_null(r);
    assert_true(r->diff.mean == 1.0 && r->diff.ci_low == 1.0 && r->diff.ci_high == 1.0);
    assert_true(r->distinguishable);
    assert_true(r->diff_unpaired.ci_high - r->diff_unpaired.ci_low > 1.0);
    assert_true(ss_compare_narrowing(r) == 0.0);
    assert_near(r->relative, 1.0 / (100 + SS_SM_WAIT_MEAN + 2), 1e-12);
    ss_comparison_free(&c);
    fake_free(&a);
    fake_free(&b);
}

/* Welch's interval against the textbook computation for {1,2,3} and {2,4,6}. */
static void welch_interval_matches_the_formula(void **state)
{
    (void)state;
    const double a[] = {1, 2, 3}, b[] = {2, 4, 6};
    ss_estimate e = ss_estimate_unpaired(a, b, 3, 0.95);
    double va = 1.0 / 3, vb = 4.0 / 3, df = (va + vb) * (va + vb) / (va * va / 2 + vb * vb / 2);
    double half = gsl_cdf_tdist_Pinv(0.975, df) * sqrt(va + vb);
    assert_near(e.mean, 2.0, 1e-12);
    assert_near(e.ci_low, 2.0 - half, 1e-9);
    assert_near(e.ci_high, 2.0 + half, 1e-9);
    const double nan2[] = {NAN, 1};
    ss_estimate none = ss_estimate_unpaired(nan2, nan2, 2, 0.95);
    assert_true(isnan(none.ci_low) && isnan(none.ci_high));
}

static void services_are_paired_by_id(void **state)
{
    (void)state;
    static const char *const base_ids[] = {"hs", "fph", "rph"}, *const option_ids[] = {"fph", "hs"};
    static const double base_fte[] = {8, 4, 6}, option_fte[] = {6, 8};
    fake a, b;
    fake_init(&a, 3, base_ids, base_fte, 3, SEED, tagged);
    fake_init(&b, 2, option_ids, option_fte, 3, SEED, tagged);
    ss_comparison c;
    ss_diag d;
    assert_int_equal(ss_compare(&a.st, &b.st, 0.95, &c, &d), 0);
    /* rph is closed in the option: no rows for it; hs and fph in the base's order */
    assert_int_equal(c.nrows, 2 * SS_SERVICE_METRICS + SS_SYSTEM_METRICS);
    assert_string_equal(c.rows[0].subject, "hs");
    assert_string_equal(c.rows[SS_SERVICE_METRICS].subject, "fph");
    assert_null(find_row(&c, "rph", "wait_mean"));
    /* base hs (index 0) holds 100 + m + i, option hs (index 1) 200 + m + i */
    assert_near(find_row(&c, "hs", "arrivals")->diff.mean, 100.0, 1e-12);
    assert_near(find_row(&c, "fph", "arrivals")->diff.mean, -100.0, 1e-12);
    assert_near(c.fte_base, 18.0, 1e-12);
    assert_near(c.fte_option, 14.0, 1e-12);
    ss_comparison_free(&c);
    fake_free(&a);
    fake_free(&b);
}

static void models_that_cannot_be_paired_are_refused(void **state)
{
    (void)state;
    static const char *const ids[] = {"fph"};
    static const double fte[] = {4};
    fake a, b, c3;
    fake_init(&a, 1, ids, fte, 3, 1, tagged);
    fake_init(&b, 1, ids, fte, 3, 2, tagged);
    fake_init(&c3, 1, ids, fte, 4, 1, tagged);
    ss_comparison c;
    ss_diag d;
    assert_int_equal(ss_compare(&a.st, &b.st, 0.95, &c, &d), -1);
    assert_string_equal(d.msg, "cannot pair: the base was run with seed 1 and the option with seed 2 "
                               "(common random numbers need the same seed)");
    assert_int_equal(ss_compare(&a.st, &c3.st, 0.95, &c, &d), -1);
    assert_string_equal(d.msg, "cannot pair: the base has 3 replications and the option 4 (pairs need the same number)");
    fake_free(&a);
    fake_free(&b);
    fake_free(&c3);
}

static void narrowing_median_and_key_rows(void **state)
{
    (void)state;
    ss_compare_row rows[4] = {0};
    const double paired[] = {1, 2, 3, NAN}, unpaired[] = {2, 2, 6, 1};
    for (int i = 0; i < 4; i++) {
        rows[i].scope = "service";
        rows[i].metric = i < 2 ? "wait_mean" : "arrivals";
        rows[i].diff = (ss_estimate){0, -paired[i], paired[i], 0, 3};
        rows[i].diff_unpaired = (ss_estimate){0, -unpaired[i], unpaired[i], 0, 3};
        rows[i].base.mean = rows[i].option.mean = 1.0;
    }
    ss_comparison c = {.nrows = 4, .rows = rows};
    int n;
    /* ratios 0.5, 1.0, 0.5 (the NaN row does not count): median 0.5 */
    assert_near(ss_comparison_median_narrowing(&c, &n), 0.5, 1e-12);
    assert_int_equal(n, 3);
    assert_true(ss_compare_is_key(&rows[0]));
    assert_false(ss_compare_is_key(&rows[2]));  /* arrivals: in --json/--csv, not the table */
    rows[0].base.mean = rows[0].option.mean = NAN;
    assert_false(ss_compare_is_key(&rows[0]));  /* nothing to show in either model */
}

static void figures_for_people(void **state)
{
    (void)state;
    char buf[96];
    ss_compare_format(buf, sizeof buf, 0.296, "share", false);
    assert_string_equal(buf, "29.6%");
    ss_compare_format(buf, sizeof buf, 2.5, "days", true);
    assert_string_equal(buf, "+2.5");
    ss_compare_format(buf, sizeof buf, -0.01, "days", true);
    assert_string_equal(buf, "0.0");  /* no "-0.0" */
    ss_compare_format(buf, sizeof buf, 253.5, "persons", false);
    assert_string_equal(buf, "254");
    ss_compare_format(buf, sizeof buf, 0.181, "hand-offs per person", false);
    assert_string_equal(buf, "0.18");
    ss_compare_format(buf, sizeof buf, NAN, "days", false);
    assert_string_equal(buf, "-");
    ss_estimate e = {28.14, 15.3, 40.92, 1, 10};
    ss_compare_format_estimate(buf, sizeof buf, &e, "days", false);
    assert_string_equal(buf, "28.1 [15.3, 40.9]");
    /* The bound of an interval that excludes 0 keeps its sign with more decimals, so it never
     * seems to touch 0; a bound that rounds to zero in an interval that holds 0 is "0.0", never
     * "-0.0". */
    ss_estimate d = {-1.5, -3.4, -0.03, 1, 10};
    ss_compare_format_difference(buf, sizeof buf, &d, "days", SS_LANG_EN);
    assert_string_equal(buf, "-1.5 [-3.4, -0.03]");
    d = (ss_estimate){0.2, 0.0, 0.4, 1, 10};
    ss_compare_format_difference(buf, sizeof buf, &d, "days", SS_LANG_EN);
    assert_string_equal(buf, "+0.2 [0.0, +0.4]");
    d = (ss_estimate){-0.00001, -0.0002, -1e-9, 1, 10};
    ss_compare_format_difference(buf, sizeof buf, &d, "days", SS_LANG_NB);
    assert_string_equal(buf, "0,0 [-0,0002; 0,0]");  /* no "-0,0": -1e-9 is zero at four decimals */
    d = (ss_estimate){0.04, -0.03, 0.1, 1, 10};
    ss_compare_format_difference(buf, sizeof buf, &d, "share", SS_LANG_EN);
    assert_string_equal(buf, "+4.0 pp [-3.0, +10.0]");
    d = (ss_estimate){0.0001, -0.0004, 0.001, 1, 10};
    ss_compare_format_difference(buf, sizeof buf, &d, "share", SS_LANG_EN);
    assert_string_equal(buf, "0.0 pp [0.0, +0.1]");  /* holds 0: no noise digits */
    d = (ss_estimate){-0.016, -0.029, -0.0004, 1, 10};
    ss_compare_format_difference(buf, sizeof buf, &d, "share", SS_LANG_NB);
    assert_string_equal(buf, "-1,6 pp [-2,9; -0,04]");
    ss_compare_format_interval(buf, sizeof buf, &d, "share", SS_LANG_EN);
    assert_string_equal(buf, "[-2.9, -0.04]");
    d = (ss_estimate){12.0, 0.004, 30.0, 1, 10};
    ss_compare_format_estimate(buf, sizeof buf, &d, "days", true);
    assert_string_equal(buf, "+12.0 [+0.004, +30.0]");
    ss_compare_format_relative(buf, sizeof buf, -0.979);
    assert_string_equal(buf, "-97.9%");
    ss_compare_format_relative(buf, sizeof buf, NAN);
    assert_string_equal(buf, "-");
    assert_string_equal(ss_metric_label("service", "caseload_per_fte", SS_LANG_NB), "Saker per årsverk");
    assert_string_equal(ss_metric_label("service", "queue_mean", SS_LANG_NB), "Kø, snitt (saker)");
    assert_string_equal(ss_metric_label("service", "no_such_metric", SS_LANG_EN), "no_such_metric");
}

/* Every metric says which way is better and carries both labels, so a row added to results.c
 * without them fails here rather than printing a verdict of "undeclared". */
static void every_metric_declares_its_direction_and_labels(void **state)
{
    (void)state;
    const ss_metric_info *tables[] = {ss_service_metric_info, ss_system_metric_info};
    int sizes[] = {SS_SERVICE_METRICS, SS_SYSTEM_METRICS};
    for (int t = 0; t < 2; t++) {
        for (int i = 0; i < sizes[t]; i++) {
            const ss_metric_info *mi = &tables[t][i];
            if (mi->better == SS_BETTER_UNDECLARED || !mi->en || !mi->nb)
                fail_msg("metric '%s' lacks its direction or its en/nb labels", mi->name);
        }
    }
    assert_int_equal(ss_metric_find("service", "wait_mean")->better, SS_BETTER_LOWER);
    assert_int_equal(ss_metric_find("system", "coordinator_share")->better, SS_BETTER_HIGHER);
    assert_int_equal(ss_metric_find("service", "arrivals")->better, SS_BETTER_NEITHER);
    assert_null(ss_metric_find("system", "wait_mean"));
    assert_string_equal(ss_better_name(SS_BETTER_LOWER), "lower");
}

/* ---- the real scenario -------------------------------------------------------------------------- */

typedef struct live {
    ss_scenario *sc;
    ss_study st;
} live;

static void run_live(live *x, const char *const *overlays, int noverlays, uint64_t seed)
{
    ss_scenario_opts so = {.overlays = overlays, .noverlays = noverlays};
    ss_diag d;
    x->sc = ss_scenario_load("scenarios/default.lua", &so, &d);
    if (!x->sc)
        fail_msg("%s", d.msg);
    ss_study_init(&x->st, x->sc, seed, REPS, "test_compare");
    ss_study_opts o = {.jobs = 2};
    int interrupted, io_error;
    if (ss_study_run(&x->st, &o, &d, &interrupted, &io_error) < 0)
        fail_msg("%s", d.msg);
}

static void free_live(live *x)
{
    ss_study_fini(&x->st);
    ss_scenario_free(x->sc);
}

static const char *const more_staff[] = {"scenarios/models/more-fph-staff.lua"};

/* Common random numbers against independent runs of the same two models: the median paired
 * half-width must be well below the unpaired one, and clearly below what "pairing" independent
 * runs gives (about 1, since their differences are as noisy as the runs themselves). */
static void pairing_narrows_intervals(void **state)
{
    (void)state;
    live base, option, independent;
    run_live(&base, NULL, 0, SEED);
    run_live(&option, more_staff, 1, SEED);
    run_live(&independent, more_staff, 1, SEED + 1000);
    independent.st.info.seed = SEED;  /* let ss_compare accept it: the control, not a real comparison */
    ss_comparison crn, control;
    ss_diag d;
    assert_int_equal(ss_compare(&base.st, &option.st, 0.95, &crn, &d), 0);
    assert_int_equal(ss_compare(&base.st, &independent.st, 0.95, &control, &d), 0);
    int n_crn, n_control;
    double m_crn = ss_comparison_median_narrowing(&crn, &n_crn);
    double m_control = ss_comparison_median_narrowing(&control, &n_control);
    print_message("median paired/unpaired half-width: common random numbers %.3f (%d results), independent runs %.3f (%d)\n",
                  m_crn, n_crn, m_control, n_control);
    assert_true(n_crn >= 30);
    assert_true(m_crn < 0.85);
    assert_true(m_control > 0.9);
    assert_true(m_crn < m_control - 0.2);
    /* the staffing change shows: the queue at fph falls beyond noise, and FTE differ by 2 */
    const ss_compare_row *q = find_row(&crn, "fph", "queue_mean");
    assert_true(q->distinguishable && q->diff.mean < 0);
    assert_near(crn.fte_option - crn.fte_base, 2.0, 1e-12);
    ss_comparison_free(&crn);
    ss_comparison_free(&control);
    free_live(&base);
    free_live(&option);
    free_live(&independent);
}

/* Two separate runs of the same scenario with the same seed: every difference is exactly zero,
 * with an interval of no width, and nothing is "beyond noise". */
static void scenario_against_itself_is_exactly_zero(void **state)
{
    (void)state;
    live a, b;
    run_live(&a, NULL, 0, SEED);
    run_live(&b, NULL, 0, SEED);
    ss_comparison c;
    ss_diag d;
    assert_int_equal(ss_compare(&a.st, &b.st, 0.95, &c, &d), 0);
    int defined = 0;
    for (int i = 0; i < c.nrows; i++) {
        const ss_compare_row *r = &c.rows[i];
        if (r->diff.n == 0)
            continue;  /* undefined in every replication (e.g. caseload per FTE without staff) */
        defined++;
        if (r->diff.mean != 0.0 || r->diff.ci_low != 0.0 || r->diff.ci_high != 0.0 || r->distinguishable)
            fail_msg("%s %s: difference %g [%g, %g]", r->subject, r->metric, r->diff.mean, r->diff.ci_low, r->diff.ci_high);
        assert_true(r->base.mean == r->option.mean);
        assert_true(isnan(r->relative) || r->relative == 0.0);
    }
    assert_true(defined > 40);
    assert_true(c.fte_base == c.fte_option);
    ss_comparison_free(&c);
    free_live(&a);
    free_live(&b);
}

/* ---- the comparisons table ------------------------------------------------------------------------ */

static void comparisons_are_recorded(void **state)
{
    (void)state;
    char path[] = "/tmp/samsim_test_compare_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    ss_diag d;
    ss_store *st = ss_store_open(path, &d);  /* the runs table the comparisons refer to */
    assert_non_null(st);
    ss_store_close(st);
    const int64_t options[] = {2, 3};
    const char *const models[] = {"+models/a.lua", "+models/b.lua"};
    int64_t id1, id2;
    assert_int_equal(ss_store_record_comparison(path, 1, "base.lua", options, models, 2, "samsim compare x", &id1, &d), 0);
    assert_int_equal(ss_store_record_comparison(path, 1, "base.lua", options, models, 1, "samsim compare y", &id2, &d), 0);
    assert_int_equal(id1, 1);
    assert_int_equal(id2, 2);
    sqlite3 *db;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT COUNT(*), SUM(comparison_id), group_concat(option_model, ' ') FROM comparisons",
                                        -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(s, 0), 3);
    assert_int_equal(sqlite3_column_int(s, 1), 1 + 1 + 2);
    assert_string_equal((const char *)sqlite3_column_text(s, 2), "+models/a.lua +models/b.lua +models/a.lua");
    sqlite3_finalize(s);
    sqlite3_close(db);
    assert_int_equal(ss_store_record_comparison("/nonexistent/dir/x.db", 1, "a", options, models, 1, "", &id1, &d), -1);
    assert_contains(d.msg, "/nonexistent/dir/x.db: cannot record the comparison: ");
    char side[64];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(constant_shift_is_known_exactly),
        cmocka_unit_test(welch_interval_matches_the_formula),
        cmocka_unit_test(services_are_paired_by_id),
        cmocka_unit_test(models_that_cannot_be_paired_are_refused),
        cmocka_unit_test(narrowing_median_and_key_rows),
        cmocka_unit_test(figures_for_people),
        cmocka_unit_test(every_metric_declares_its_direction_and_labels),
        cmocka_unit_test(pairing_narrows_intervals),
        cmocka_unit_test(scenario_against_itself_is_exactly_zero),
        cmocka_unit_test(comparisons_are_recorded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
