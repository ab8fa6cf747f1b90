/* test_reason: a reason in English with a Norwegian text beside it (model/reason.h): read from a
 * string or a table, refused with a message that says what is wrong, written back as Lua, the one
 * shown for a language; and carried through a loaded scenario to its effect assumptions, to the
 * same read back from its resolved text (what a stored run keeps), and to the audit criteria. */
#include "testing.h"

#include <stdlib.h>

#include <lauxlib.h>

#include "about.h"
#include "reason.h"
#include "scenario.h"

#define NORSK "tests/fixtures/reasons/norsk.lua"

/* ss_reason_get on the value chunk returns; *why as it says. */
static int get(lua_State *L, const char *chunk, const char **en, const char **nb, char *why, size_t n)
{
    lua_settop(L, 0);
    if (luaL_dostring(L, chunk) != LUA_OK) fail_msg("%s", lua_tostring(L, -1));
    return ss_reason_get(L, -1, en, nb, why, n);
}

static void strings_and_tables_are_read(void **state)
{
    lua_State *L = luaL_newstate();
    const char *en, *nb;
    char why[256];
    assert_int_equal(get(L, "return 'why'", &en, &nb, why, sizeof why), 0);
    assert_string_equal(en, "why");
    assert_null(nb);
    assert_int_equal(get(L, "return { 'why', nb = 'hvorfor' }", &en, &nb, why, sizeof why), 0);
    assert_string_equal(en, "why");
    assert_string_equal(nb, "hvorfor");
    assert_int_equal(get(L, "return { 'why' }", &en, &nb, why, sizeof why), 0);
    assert_string_equal(en, "why");
    assert_null(nb);
    lua_close(L);
}

static void malformed_tables_say_what_is_wrong(void **state)
{
    lua_State *L = luaL_newstate();
    const char *en, *nb;
    char why[256];
    assert_int_equal(get(L, "return { nb = 'hvorfor' }", &en, &nb, why, sizeof why), -1);
    assert_contains(why, "no English text first (nothing at [1])");
    assert_int_equal(get(L, "return { 'why', nb = 3 }", &en, &nb, why, sizeof why), -1);
    assert_contains(why, "nb is the Norwegian text: expected a string, got number");
    assert_int_equal(get(L, "return { 'why', nb = '' }", &en, &nb, why, sizeof why), -1);
    assert_contains(why, "nb is empty");
    assert_int_equal(get(L, "return { 'why', no = 'hvorfor' }", &en, &nb, why, sizeof why), -1);
    assert_contains(why, "unknown key 'no'");
    assert_int_equal(get(L, "return { 'why', 'hvorfor' }", &en, &nb, why, sizeof why), -1);
    assert_contains(why, "unknown key [2]");
    assert_int_equal(get(L, "return true", &en, &nb, why, sizeof why), -1);
    assert_contains(why, "got boolean");
    assert_null(en);
    lua_close(L);
}

static void written_back_and_picked(void **state)
{
    ss_buf b = {0};
    ss_reason_write(&b, "why \"so\"", NULL);
    assert_string_equal(ss_buf_text(&b), "\"why \\\"so\\\"\"");
    ss_buf_clear(&b);
    ss_reason_write(&b, "why", "");
    assert_string_equal(ss_buf_text(&b), "\"why\"");
    ss_buf_clear(&b);
    ss_reason_write(&b, "why", "hvorfor");
    assert_string_equal(ss_buf_text(&b), "{ \"why\", nb = \"hvorfor\" }");
    ss_buf_free(&b);
    assert_string_equal(ss_reason_pick("why", "hvorfor", true), "hvorfor");
    assert_string_equal(ss_reason_pick("why", "hvorfor", false), "why");
    assert_string_equal(ss_reason_pick("why", NULL, true), "why");
    assert_string_equal(ss_reason_pick("why", "", true), "why");
}

static const ss_effect *find_effect(const ss_effect *e, int n, const char *path)
{
    for (int i = 0; i < n; i++)
        if (strcmp(e[i].path, path) == 0) return &e[i];
    return NULL;
}

/* The fixture's effects (one in the scenario, one in its rule file) keep both texts, loaded and
 * read back from the resolved text; so do its audit criteria. */
static void a_scenario_keeps_both_texts(void **state)
{
    ss_diag d = {{0}};
    ss_scenario *sc = ss_scenario_load(NORSK, &(ss_scenario_opts){0}, &d);
    if (!sc) fail_msg("%s", d.msg);
    ss_effect *e;
    int n = ss_scenario_effects(sc, &e);
    const ss_effect *episode = find_effect(e, n, "services.intake.episode");
    const ss_effect *rule = find_effect(e, n, "parameters.onward.right_first_time");
    assert_non_null(episode);
    assert_non_null(rule);
    assert_contains(episode->reason, "a shared record halves the intake");
    assert_contains(episode->reason_nb, "en felles journal halverer inntaket");
    assert_contains(rule->reason_nb, "inntaksteamet treffer riktig");
    free(e);
    ss_model_about about;
    if (ss_model_about_read(ss_scenario_text(sc), "resolved", &about, &d) < 0) fail_msg("%s", d.msg);
    assert_int_equal(about.neffects, 2);
    assert_string_equal(about.effects[0].path, "parameters.onward.right_first_time");
    assert_string_equal(about.effects[0].why_nb, "fikstur: inntaksteamet treffer riktig første gang");
    assert_string_equal(about.effects[1].why, "a shared record halves the intake (assumed, not modelled)");
    assert_string_equal(about.effects[1].why_nb, "en felles journal halverer inntaket (antatt, ikke modellert)");
    ss_model_about_free(&about);
    const ss_model *m = ss_scenario_model(sc);
    assert_int_equal(m->ncriteria, 2);
    assert_string_equal(m->criteria[1].not_simulated_nb, "skriftlige rutiner er et faktum om organisasjonen");
    assert_string_equal(m->criteria[1].finding_source, "fixture L5: the routines exist");
    assert_string_equal(m->criteria[0].text_nb, "Inntaket svarer innen en måned");
    assert_null(m->criteria[0].not_simulated_nb);
    ss_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strings_and_tables_are_read),
        cmocka_unit_test(malformed_tables_say_what_is_wrong),
        cmocka_unit_test(written_back_and_picked),
        cmocka_unit_test(a_scenario_keeps_both_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
