/* test_verdict: the reviewer's verdict on real runs of the default scenario, built so that the
 * right answer is known beforehand:
 *   - two more FTE at FPH is better on FPH's wait and the times to help, and worse on nothing;
 *   - the same change the other way round (the richer model as the base) is worse there, better
 *     on nothing;
 *   - a model against itself has no clear difference on any key measure;
 *   - a model that differs from its base in effect assumptions only: what differs is marked as
 *     resting on them, and they are named;
 *   - the same when the assumption is a rule file's registered parameter, not the scenario's:
 *     it is named with the rule file and line that declare it, also from the text a run stores.
 * And the reading of a resolved text: a described overlay names the model. */
#include "testing.h"

#include <stdio.h>
#include <string.h>

#include "about.h"
#include "scenario.h"
#include "study.h"
#include "verdict.h"
#include "verdict_text.h"

#define SEED 1

typedef struct live {
    ss_scenario *sc;
    ss_study st;
    ss_model_about about;
} live;

static void run_live(live *x, const char *const *overlays, int noverlays, int reps)
{
    ss_scenario_opts so = {.overlays = overlays, .noverlays = noverlays};
    ss_diag d;
    x->sc = ss_scenario_load("scenarios/default.lua", &so, &d);
    if (!x->sc)
        fail_msg("%s", d.msg);
    ss_study_init(&x->st, x->sc, SEED, reps, "test_verdict");
    ss_study_opts o = {.jobs = 2};
    int interrupted, io_error;
    if (ss_study_run(&x->st, &o, &d, &interrupted, &io_error) < 0)
        fail_msg("%s", d.msg);
    if (ss_model_about_read(ss_scenario_text(x->sc), "test", &x->about, &d) < 0)
        fail_msg("%s", d.msg);
}

static void free_live(live *x)
{
    ss_model_about_free(&x->about);
    ss_study_fini(&x->st);
    ss_scenario_free(x->sc);
}

typedef struct judged {
    ss_comparison c;
    ss_verdict v;
} judged;

static void judge(judged *j, live *base, live *option)
{
    ss_diag d;
    if (ss_compare(&base->st, &option->st, 0.95, &j->c, &d) < 0)
        fail_msg("%s", d.msg);
    ss_verdict_build(&j->c, &base->about, &option->about, &j->v);
}

static void free_judged(judged *j)
{
    ss_verdict_free(&j->v);
    ss_comparison_free(&j->c);
}

/* The judgement of a key measure (subject "" for the system's); fails when it is not a key one. */
static ss_judgement judgement_of(const ss_verdict *v, const char *subject, const char *metric)
{
    for (int i = 0; i < v->nmeasures; i++)
        if (strcmp(v->measures[i].row->subject, subject) == 0 && strcmp(v->measures[i].row->metric, metric) == 0)
            return v->measures[i].judgement;
    fail_msg("%s %s is not a key measure of the verdict", subject, metric);
    return SS_JUDGED_UNKNOWN;
}

static const char *const more_staff[] = {"scenarios/models/more-fph-staff.lua"};

static void more_staff_is_better_and_less_is_worse(void **state)
{
    (void)state;
    live lean, rich;
    run_live(&lean, NULL, 0, 10);
    run_live(&rich, more_staff, 1, 10);
    judged up, down;
    judge(&up, &lean, &rich);
    judge(&down, &rich, &lean);
    assert_int_equal(judgement_of(&up.v, "fph", "wait_mean"), SS_JUDGED_BETTER);
    assert_int_equal(judgement_of(&up.v, "", "first_help_mean"), SS_JUDGED_BETTER);
    assert_int_equal(judgement_of(&up.v, "", "right_help_mean"), SS_JUDGED_BETTER);
    /* two more FTE: worse on staff and on its yearly cost (900,000 NOK an FTE), and on nothing else */
    assert_int_equal(judgement_of(&up.v, "", "fte_total"), SS_JUDGED_WORSE);
    assert_int_equal(judgement_of(&up.v, "", "cost_nok"), SS_JUDGED_WORSE);
    assert_int_equal(up.v.nworse, 2);
    assert_int_equal(judgement_of(&down.v, "", "fte_total"), SS_JUDGED_BETTER);
    assert_int_equal(judgement_of(&down.v, "", "cost_nok"), SS_JUDGED_BETTER);
    assert_int_equal(judgement_of(&down.v, "fph", "wait_mean"), SS_JUDGED_WORSE);
    assert_int_equal(judgement_of(&down.v, "", "first_help_mean"), SS_JUDGED_WORSE);
    assert_int_equal(judgement_of(&down.v, "", "right_help_mean"), SS_JUDGED_WORSE);
    assert_int_equal(down.v.nbetter, 2);
    assert_int_equal(up.v.nbetter, down.v.nworse);  /* the same pairs, the sign turned */
    /* the models are named as their files name them; staffing is counted */
    assert_string_equal(rich.about.name, "More staff at Forebyggende psykisk helsetjeneste");
    assert_string_equal(lean.about.name, "Småby kommune, barn og unge 0-23 (default)");
    assert_true(up.v.fte_option - up.v.fte_base > 1.99);
    assert_int_equal(up.v.neffects, 0);  /* the same effect assumptions in both */
    /* the rows say they are planned inputs whose difference is exact, in either language */
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    ss_verdict_print(f, &up.v, "A", "B", NULL, SS_LANG_EN);
    ss_verdict_print(f, &up.v, "A", "B", NULL, SS_LANG_NB);
    fclose(f);
    assert_non_null(strstr(text, ", worse on 2 and "));
    assert_non_null(strstr(text, "✗ worse                Staff serving the modelled population (FTE; a planned input)   18.0"));
    assert_non_null(strstr(text, "+1,800,000  more by construction"));
    assert_non_null(strstr(text, "✗ dårligere             Årlig kostnad for bemanningen (kr; planlagt)"));
    assert_non_null(strstr(text, "+1\u00a0800\u00a0000  mer etter planen"));
    free(text);
    free_judged(&up);
    free_judged(&down);
    free_live(&lean);
    free_live(&rich);
}

static void a_model_against_itself_has_no_clear_difference(void **state)
{
    (void)state;
    live a, b;
    run_live(&a, more_staff, 1, 10);
    run_live(&b, more_staff, 1, 10);
    judged j;
    judge(&j, &a, &b);
    assert_true(j.v.nmeasures >= 5);
    for (int i = 0; i < j.v.nmeasures; i++)
        if (j.v.measures[i].judgement != SS_JUDGED_SAME)
            fail_msg("%s %s: judged %s", j.v.measures[i].row->subject, j.v.measures[i].row->metric,
                     ss_judgement_key(j.v.measures[i].judgement));
    assert_int_equal(j.v.nbetter + j.v.nworse, 0);
    assert_int_equal(judgement_of(&j.v, "", "fte_total"), SS_JUDGED_SAME);  /* staff and cost: the same by construction */
    assert_int_equal(judgement_of(&j.v, "", "cost_nok"), SS_JUDGED_SAME);
    char note[160];
    ss_verdict_format_difference(note, sizeof note, j.v.measures[j.v.nmeasures - 1].row, SS_LANG_EN);
    assert_string_equal(note, "0, the same by construction");
    free_judged(&j);
    free_live(&a);
    free_live(&b);
}

/* The base has every municipal unit in one building; the option differs only in two effect()
 * values for co-located hand-offs.  Fewer people are lost at transitions, beyond noise, and the
 * verdict says that this rests on effect assumptions and names both. */
static void a_difference_through_an_effect_assumption_names_it(void **state)
{
    (void)state;
    static const char *const base_overlays[] = {"tests/fixtures/verdict/one-building.lua"};
    static const char *const option_overlays[] = {"tests/fixtures/verdict/one-building.lua",
                                                  "tests/fixtures/verdict/corridor-keeps-everyone.lua"};
    live base, option;
    run_live(&base, base_overlays, 1, 20);
    run_live(&option, option_overlays, 2, 20);
    judged j;
    judge(&j, &base, &option);
    assert_int_equal(judgement_of(&j.v, "", "lost_at_transition"), SS_JUDGED_BETTER);
    assert_true(j.v.effects_known);
    assert_int_equal(j.v.neffects, 2);
    const char *named[2];
    for (int i = 0; i < 2; i++) {
        int b = j.v.effects[i][1];
        assert_true(b >= 0);
        named[i] = option.about.effects[b].path;
    }
    assert_string_equal(named[0], "handoffs.co_location.info_loss");
    assert_string_equal(named[1], "handoffs.co_location.lost");
    assert_int_equal(j.v.effects[1][0], -1);  /* lost: declared by the option only */
    for (int i = 0; i < j.v.nmeasures; i++)
        assert_int_equal(ss_verdict_rests_on_effects(&j.v, &j.v.measures[i]), j.v.measures[i].judgement != SS_JUDGED_SAME);
    assert_string_equal(option.about.name, "Småby in one building (test) + Corridor talk keeps everyone (test)");
    free_judged(&j);
    free_live(&base);
    free_live(&option);
}

/* The base's GPs route by a rule file whose right_first_time = 1 is an effect() declared in the
 * rule file itself; the option's only change sets that parameter to a half.  The scenario texts
 * differ in nothing else, so what differs rests on the rule file's assumption, and the verdict
 * names it with the file and line, from the resolved text alone (as a stored run keeps it). */
static void a_rule_file_effect_assumption_is_named(void **state)
{
    (void)state;
    static const char *const base_overlays[] = {"tests/fixtures/verdict/gp-knows-the-offer.lua"};
    static const char *const option_overlays[] = {"tests/fixtures/verdict/gp-knows-the-offer.lua",
                                                  "tests/fixtures/verdict/gp-right-half-the-time.lua"};
    live base, option;
    run_live(&base, base_overlays, 1, 10);
    run_live(&option, option_overlays, 2, 10);
    judged j;
    judge(&j, &base, &option);
    assert_true(j.v.nbetter + j.v.nworse > 0);
    assert_true(j.v.effects_known);
    assert_int_equal(j.v.neffects, 1);
    int a = j.v.effects[0][0];
    assert_true(a >= 0);
    assert_int_equal(j.v.effects[0][1], -1);  /* the option's value is the planner's assumption */
    const ss_effect_assumption *e = &base.about.effects[a];
    assert_string_equal(e->path, "parameters.gp_knows_the_offer.right_first_time");
    assert_string_equal(e->value, "1");
    assert_string_equal(e->source, "tests/fixtures/verdict/rules/gp_knows_the_offer.lua:6");
    assert_string_equal(e->why, "test: share of concerns the GP sends to the service that fits");
    for (int i = 0; i < j.v.nmeasures; i++)
        assert_int_equal(ss_verdict_rests_on_effects(&j.v, &j.v.measures[i]), j.v.measures[i].judgement != SS_JUDGED_SAME);
    /* and the terminal's verdict says so */
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    ss_verdict_print(f, &j.v, "A", "B", NULL, SS_LANG_EN);
    fclose(f);
    assert_non_null(strstr(text, "parameters.gp_knows_the_offer.right_first_time = 1 in A (effect assumption, "
                                 "tests/fixtures/verdict/rules/gp_knows_the_offer.lua:6)"));
    free(text);
    free_judged(&j);
    free_live(&base);
    free_live(&option);
}

static void descriptions_give_one_line(void **state)
{
    (void)state;
    char line[60];
    ss_model_about_line("Færder (seed-002 L31. L33): one unit. Then more.", line, sizeof line);
    assert_string_equal(line, "Færder (seed-002 L31. L33): one unit.");
    ss_model_about_line("A very long first sentence that goes on and on, well past the width we allow here", line, 40);
    assert_string_equal(line, "A very long first sentence that goes...");
    ss_model_about_line("", line, sizeof line);
    assert_string_equal(line, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(descriptions_give_one_line),
        cmocka_unit_test(more_staff_is_better_and_less_is_worse),
        cmocka_unit_test(a_model_against_itself_has_no_clear_difference),
        cmocka_unit_test(a_difference_through_an_effect_assumption_names_it),
        cmocka_unit_test(a_rule_file_effect_assumption_is_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
