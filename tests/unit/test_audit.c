/* test_audit: the auditors' criteria — how a scenario declares them (model_schema.c, with its
 * errors), how a metric name is checked (audit.c), and the verdict on an estimate: met when the
 * whole interval is on the right side of the threshold, not met when it is wholly on the wrong
 * side, unclear when it straddles it.  The CLI transcript tests/cli/audit_verdicts runs the same
 * three cases end to end on a fixture. */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>

#include <lauxlib.h>
#include <lualib.h>

#include "audit.h"
#include "model_read.h"

typedef struct fixture {
    lua_State *L;
    ss_diag d;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->L = luaL_newstate();
    luaL_openlibs(f->L);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    lua_close(f->L);
    free(f);
    return 0;
}

static const char *origin(void *ud, const char *path) { return "audit.lua"; }

static ss_model *build(fixture *f, const char *audit)
{
    char text[4096];
    snprintf(text, sizeof text,
             "return { name = 'x', calendar = { start = '2021-03-01', horizon_days = 100 }, needs = { 'n' },"
             " services = { a = { capacity = { slots = 1 }, episode = 2 } },"
             " demand = { { rate_per_day = 1, service = 'a' } }, audit = { %s } }", audit);
    if (luaL_dostring(f->L, text) != 0) fail_msg("%s", lua_tostring(f->L, -1));
    f->d.msg[0] = '\0';
    ss_model *m = ss_model_build(f->L, -1, origin, NULL, &f->d);
    lua_settop(f->L, 0);
    return m;
}

static void expect_error(fixture *f, const char *audit, const char *msg)
{
    ss_model *m = build(f, audit);
    if (m) {
        ss_model_free(m);
        fail_msg("accepted: %s", audit);
    }
    assert_string_equal(f->d.msg, msg);
}

#define SRC "text = 'Kommunen skal ...', source = 'seed-000 L248'"

static void criteria_are_read_in_their_order(void **state)
{
    fixture *f = *state;
    ss_model *m = build(f, "routines = { order = 2, " SRC ", not_simulated = 'a document', finding = 'not met',"
                           " finding_source = 'L7' },"
                           " plan = { order = 1, " SRC ", law = 'hol. § 7-1', metric = 'plan_offered_share', at_least = 0.8 },"
                           " wait = { order = 3, " SRC ", metric = 'wait_mean', service = 'a', at_most = 21 }");
    if (!m) fail_msg("%s", f->d.msg);
    assert_int_equal(m->ncriteria, 3);
    const ss_criterion *c = m->criteria;
    assert_string_equal(c[0].id, "plan");
    assert_string_equal(c[0].law, "hol. § 7-1");
    assert_near(c[0].at_least, 0.8, 0);
    assert_true(isnan(c[0].at_most));
    assert_int_equal(c[0].service, -1);
    assert_int_equal(c[0].finding, SS_FINDING_NONE);
    assert_string_equal(c[1].id, "routines");
    assert_null(c[1].metric);
    assert_int_equal(c[1].finding, SS_FINDING_NOT_MET);
    assert_string_equal(c[1].law, "");
    assert_int_equal(c[2].service, 0);
    assert_near(c[2].at_most, 21, 0);
    assert_int_equal(ss_audit_check(m, "audit.lua", &f->d), 0);
    ss_model_free(m);
}

static void wrong_criteria_are_refused_with_the_key_path(void **state)
{
    fixture *f = *state;
    expect_error(f, "p = { source = 'L1', metric = 'entitled', at_least = 1 }", "audit.lua: audit.p.text: missing (expected a string)");
    expect_error(f, "p = { " SRC " }",
                 "audit.lua: audit.p: expected metric = \"...\" with at_least or at_most (a criterion the simulation "
                 "checks), or not_simulated = \"why\" (one it cannot check)");
    expect_error(f, "p = { " SRC ", metric = 'entitled' }",
                 "audit.lua: audit.p: expected a threshold: at_least = ... or at_most = ...");
    expect_error(f, "p = { " SRC ", metric = 'entitled', at_least = 1, at_most = 2 }",
                 "audit.lua: audit.p.at_most: give at_least or at_most, not both");
    expect_error(f, "p = { " SRC ", metric = 'entitled', at_least = 1, not_simulated = 'x' }",
                 "audit.lua: audit.p.not_simulated: a criterion with a metric is checked by the simulation; "
                 "leave out either metric or not_simulated");
    expect_error(f, "p = { " SRC ", not_simulated = 'x', at_least = 1 }",
                 "audit.lua: audit.p.at_least: only a criterion with a metric has a threshold or a service");
    expect_error(f, "p = { " SRC ", metric = 'wait_mean', service = 'b', at_most = 1 }",
                 "audit.lua: audit.p.service: unknown service 'b' (declare it in services)");
    expect_error(f, "p = { " SRC ", not_simulated = 'x', finding = 'ok' }",
                 "audit.lua: audit.p.finding: expected \"met\", \"partly met\" or \"not met\", got \"ok\"");
    expect_error(f, "p = { " SRC ", not_simulated = 'x', finding = 'met' }",
                 "audit.lua: audit.p.finding_source: missing: where the source gives this finding (\"seed-000 L57\")");
    expect_error(f, "p = { " SRC ", not_simulated = 'x', colour = 'red' }",
                 "audit.lua: audit.p: unknown key 'colour' (expected one of: text, source, law, metric, service, at_least, "
                 "at_most, not_simulated, finding, finding_source, order)");
    expect_error(f, "{ " SRC ", not_simulated = 'x' }", "audit.lua: audit: expected a table keyed by criterion id, got a list");
}

static void metric_names_are_checked_against_the_results(void **state)
{
    fixture *f = *state;
    ss_model *m = build(f, "p = { " SRC ", metric = 'plan_offerd_share', at_least = 0.8 }");
    assert_non_null(m);
    assert_int_equal(ss_audit_check(m, "audit.lua", &f->d), -1);
    assert_string_equal(f->d.msg, "audit.lua: audit.p.metric: no result 'plan_offerd_share' (did you mean plan_offered_share?)");
    ss_model_free(m);
    m = build(f, "p = { " SRC ", metric = 'wait_mean', at_most = 21 }");
    assert_int_equal(ss_audit_check(m, "audit.lua", &f->d), -1);
    assert_string_equal(f->d.msg, "audit.lua: audit.p.metric: 'wait_mean' is a result of a service; add service = \"...\"");
    ss_model_free(m);
    m = build(f, "p = { " SRC ", metric = 'entitled', service = 'a', at_least = 1 }");
    assert_int_equal(ss_audit_check(m, "audit.lua", &f->d), -1);
    assert_string_equal(f->d.msg, "audit.lua: audit.p.metric: 'entitled' is a result of the whole system; leave out service");
    ss_model_free(m);
}

static ss_estimate est(double mean, double lo, double hi) { return (ss_estimate){mean, lo, hi, 1, 10}; }

static void the_interval_decides_the_verdict(void **state)
{
    ss_criterion least = {.metric = "x", .at_least = 0.8, .at_most = NAN};
    ss_criterion most = {.metric = "x", .at_least = NAN, .at_most = 21};
    ss_estimate e;
    e = est(0.9, 0.85, 0.95); assert_int_equal(ss_audit_judge(&least, &e), SS_AUDIT_MET);
    e = est(0.8, 0.8, 0.8);   assert_int_equal(ss_audit_judge(&least, &e), SS_AUDIT_MET);  /* on the line is met */
    e = est(0.7, 0.65, 0.75); assert_int_equal(ss_audit_judge(&least, &e), SS_AUDIT_NOT_MET);
    e = est(0.8, 0.75, 0.85); assert_int_equal(ss_audit_judge(&least, &e), SS_AUDIT_UNCLEAR);
    e = est(0.85, 0.79, 0.9); assert_int_equal(ss_audit_judge(&least, &e), SS_AUDIT_UNCLEAR);  /* the mean alone would say met */
    e = est(14, 10, 18);      assert_int_equal(ss_audit_judge(&most, &e), SS_AUDIT_MET);
    e = est(30, 25, 35);      assert_int_equal(ss_audit_judge(&most, &e), SS_AUDIT_NOT_MET);
    e = est(20, 15, 25);      assert_int_equal(ss_audit_judge(&most, &e), SS_AUDIT_UNCLEAR);
    e = est(NAN, NAN, NAN);   assert_int_equal(ss_audit_judge(&least, &e), SS_AUDIT_NO_VALUE);
    e = est(0.9, NAN, NAN);   assert_int_equal(ss_audit_judge(&least, &e), SS_AUDIT_UNCLEAR);  /* one replication */
    ss_criterion doc = {.not_simulated = "a document", .at_least = NAN, .at_most = NAN};
    assert_int_equal(ss_audit_judge(&doc, &e), SS_AUDIT_NOT_SIMULATED);
    assert_string_equal(ss_audit_verdict_name(SS_AUDIT_UNCLEAR), "unclear");
    assert_string_equal(ss_audit_finding_name(SS_FINDING_PARTLY), "partly met");
    assert_null(ss_audit_finding_name(SS_FINDING_NONE));
}

/* evaluate reads the criterion's result from the summary: the system's, or the service's. */
static void evaluate_reads_the_named_result(void **state)
{
    fixture *f = *state;
    ss_model *m = build(f, "p = { order = 1, " SRC ", metric = 'plan_offered_share', at_least = 0.8 },"
                           " w = { order = 2, " SRC ", metric = 'wait_mean', service = 'a', at_most = 21 },"
                           " d = { order = 3, " SRC ", not_simulated = 'a document' }");
    assert_non_null(m);
    ss_estimate svc[SS_SERVICE_METRICS];
    ss_summary s = {.nservices = 1, .nreps = 10, .service = svc};
    for (int k = 0; k < SS_SERVICE_METRICS; k++) svc[k] = est(NAN, NAN, NAN);
    for (int k = 0; k < SS_SYSTEM_METRICS; k++) s.system[k] = est(NAN, NAN, NAN);
    s.system[SS_YM_PLAN_OFFERED_SHARE] = est(0.6, 0.55, 0.65);
    svc[SS_SM_WAIT_MEAN] = est(10, 8, 12);
    ss_audit_row rows[3];
    ss_audit_evaluate(m->criteria, m->ncriteria, &s, rows);
    assert_int_equal(rows[0].verdict, SS_AUDIT_NOT_MET);
    assert_near(rows[0].value.mean, 0.6, 0);
    assert_string_equal(rows[0].info->unit, "share");
    assert_int_equal(rows[1].verdict, SS_AUDIT_MET);
    assert_near(rows[1].value.mean, 10, 0);
    assert_int_equal(rows[2].verdict, SS_AUDIT_NOT_SIMULATED);
    assert_null(rows[2].info);
    ss_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(criteria_are_read_in_their_order, setup, teardown),
        cmocka_unit_test_setup_teardown(wrong_criteria_are_refused_with_the_key_path, setup, teardown),
        cmocka_unit_test_setup_teardown(metric_names_are_checked_against_the_results, setup, teardown),
        cmocka_unit_test(the_interval_decides_the_verdict),
        cmocka_unit_test_setup_teardown(evaluate_reads_the_named_result, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
