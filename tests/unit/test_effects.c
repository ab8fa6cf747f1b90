/* test_effects: the effect assumptions a model carries (ss_scenario_effects) and those that differ
 * between two models (ss_effects_diff), on the Lørenskog baseline and two of its organisational
 * models, and on hand-made lists. */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>

#include "scenario.h"

#define BASE "scenarios/lorenskog/barn-unge-2021.lua"

static ss_scenario *load(const char *overlay, const char *set)
{
    const char *overlays[] = {overlay}, *sets[] = {set};
    ss_scenario_opts o = {.overlays = overlays, .noverlays = overlay != NULL, .sets = sets, .nsets = set != NULL};
    ss_diag d = {{0}};
    ss_scenario *sc = ss_scenario_load(BASE, &o, &d);
    if (!sc) fail_msg("%s", d.msg);
    return sc;
}

static const ss_effect *find(const ss_effect *e, int n, const char *path)
{
    for (int i = 0; i < n; i++)
        if (strcmp(e[i].path, path) == 0) return &e[i];
    return NULL;
}

/* The baseline's hand-off factors are effects; a model's rule file adds its own, with where it
 * is written. */
static void effects_are_listed_with_value_reason_and_source(void **state)
{
    ss_scenario *base = load(NULL, NULL), *fh = load("scenarios/models/familiens-hus.lua", NULL);
    ss_effect *a, *b;
    int na = ss_scenario_effects(base, &a), nb = ss_scenario_effects(fh, &b);
    const ss_effect *log = find(a, na, "handoffs.shared_log.info_loss");
    assert_non_null(log);
    assert_string_equal(log->value, "0.3");
    assert_near(log->number, 0.3, 0);
    assert_contains(log->reason, "the next service reads the log");
    assert_contains(log->source, BASE ":");
    assert_null(find(a, na, "parameters.triage.right_first_time"));
    const ss_effect *rft = find(b, nb, "parameters.triage.right_first_time");
    assert_non_null(rft);
    assert_string_equal(rft->value, "1");
    assert_contains(rft->source, "rules/common/triage.lua:");
    assert_int_equal(nb, na + 1);
    free(a);
    free(b);
    ss_scenario_free(base);
    ss_scenario_free(fh);
}

/* Familiens hus differs from the baseline in one effect: its intake team's triage.  A planner's
 * --set of an effect makes it their assumption, so it is no longer one of the model's effects. */
static void effects_that_differ_are_named(void **state)
{
    ss_scenario *base = load(NULL, NULL), *fh = load("scenarios/models/familiens-hus.lua", NULL);
    ss_scenario *set = load(NULL, "handoffs.shared_log.info_loss=0.2");
    ss_effect *a, *b, *c;
    int na = ss_scenario_effects(base, &a), nb = ss_scenario_effects(fh, &b), nc = ss_scenario_effects(set, &c);
    ss_effect_diff *diff;
    int n = ss_effects_diff(a, na, b, nb, &diff);
    assert_int_equal(n, 1);
    assert_string_equal(diff[0].path, "parameters.triage.right_first_time");
    assert_null(diff[0].a);
    assert_non_null(diff[0].b);
    free(diff);
    n = ss_effects_diff(a, na, a, na, &diff);
    assert_int_equal(n, 0);
    free(diff);
    n = ss_effects_diff(a, na, c, nc, &diff);  /* the planner's value is an assumption, no longer an effect */
    assert_int_equal(n, 1);
    assert_string_equal(diff[0].path, "handoffs.shared_log.info_loss");
    assert_non_null(diff[0].a);
    assert_null(diff[0].b);
    free(diff);
    free(a);
    free(b);
    free(c);
    ss_scenario_free(base);
    ss_scenario_free(fh);
    ss_scenario_free(set);
}

/* Hand-made lists: a merge by path whatever the order given, equal entries left out, a changed
 * value or reason kept with both sides. */
static void diff_of_hand_made_lists(void **state)
{
    ss_effect a[3] = {{.path = "z.share", .value = "0.5", .reason = "r"},
                      {.path = "a.factor", .value = "0.8", .reason = "r"},
                      {.path = "m.only_a", .value = "1", .reason = "r"}};
    ss_effect b[3] = {{.path = "a.factor", .value = "0.8", .reason = "r", .source = "elsewhere.lua:3"},
                      {.path = "b.only_b", .value = "2", .reason = "r"},
                      {.path = "z.share", .value = "0.5", .reason = "another reason"}};
    ss_effect_diff *d;
    int n = ss_effects_diff(a, 3, b, 3, &d);
    assert_int_equal(n, 3);
    assert_string_equal(d[0].path, "b.only_b");
    assert_true(d[0].a == NULL && d[0].b == &b[1]);
    assert_string_equal(d[1].path, "m.only_a");
    assert_true(d[1].a == &a[2] && d[1].b == NULL);
    assert_string_equal(d[2].path, "z.share");
    assert_true(d[2].a == &a[0] && d[2].b == &b[2]);
    free(d);
    n = ss_effects_diff(NULL, 0, NULL, 0, &d);
    assert_int_equal(n, 0);
    free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(effects_are_listed_with_value_reason_and_source),
        cmocka_unit_test(effects_that_differ_are_named),
        cmocka_unit_test(diff_of_hand_made_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
