/* test_repl_model: the parts of the REPL that work on a loaded scenario — completion
 * candidates, the scenario as a Lua table (diff, patch, writing back), Lua input and its
 * views, and that a failed change leaves the model as it was.  Run from the repository root
 * (tests/run.sh does): file completion looks in scenarios/; the model is a small scenario
 * written by the fixture. */
#include "testing.h"

#include <lauxlib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "repl.h"

/* A small scenario of our own, so tuning scenarios/ does not change these tests. */
static const char testby[] =
    "return {\n"
    "  name = 'Testby kommune',\n"
    "  calendar = { start = '2024-01-01', horizon_days = 365, warmup_days = 60 },\n"
    "  needs = { 'mild', 'moderate', 'substance' },\n"
    "  population = { young = { ages = { 6, 24 }, count = 3000, growth = 0 } },\n"
    "  demand = { { need = 'mild', cohort = 'young', per_1000_per_year = 50, door = { gp = 1.0 } },\n"
    "             { need = 'moderate', cohort = 'young', per_1000_per_year = 20, door = { gp = 1.0 } } },\n"
    "  doors = { gp = { name = 'Fastlege', route = { fph = 0.8, hs = 0.2 } } },\n"
    "  services = {\n"
    "    hs = { name = 'Skolehelse', fte = 3, capacity = { slots_per_fte = 20 }, episode = 30 },\n"
    "    fph = { name = 'FPH', fte = 4, case_share = cite(0.45, 'seed-000 L335'),\n"
    "            capacity = { slots_per_fte = 20 }, eligibility = { ages = { 0, 24 }, needs = { 'mild', 'moderate' } },\n"
    "            episode = { 'gamma', mean = 60, sd = 30 } },\n"
    "    rph = { name = 'Rus og psykisk helse', fte = 2, capacity = { slots = 10 }, episode = 90 },\n"
    "  },\n"
    "}\n";

typedef struct fixture {
    ss_stop_flag flag;
    repl r;
    char *out, *err;
    size_t nout, nerr;
    char dir[64], file[96];
} fixture;

static int setup(void **state)
{
    fixture *x = calloc(1, sizeof *x);
    snprintf(x->dir, sizeof x->dir, "/tmp/test_repl_XXXXXX");
    if (!mkdtemp(x->dir)) return -1;
    snprintf(x->file, sizeof x->file, "%s/testby.lua", x->dir);
    FILE *f = fopen(x->file, "w");
    if (!f) return -1;
    fputs(testby, f);
    fclose(f);
    repl_init(&x->r, &x->flag);
    x->r.out = open_memstream(&x->out, &x->nout);
    x->r.err = open_memstream(&x->err, &x->nerr);
    ss_diag d;
    if (repl_lua_init(&x->r, &d) < 0) return -1;
    char load[160];
    snprintf(load, sizeof load, "load %s", x->file);
    if (repl_dispatch(&x->r, load) < 0) return -1;
    *state = x;
    return 0;
}

static int teardown(void **state)
{
    fixture *x = *state;
    fclose(x->r.out);
    fclose(x->r.err);
    repl_fini(&x->r);
    remove(x->file);
    rmdir(x->dir);
    free(x->out);
    free(x->err);
    free(x);
    return 0;
}

/* Candidates for the end of line, joined by spaces. */
static char *complete(fixture *x, const char *line)
{
    int end = (int)strlen(line), start = end;
    while (start > 0 && !strchr(" \t\n\"'=(,{", line[start - 1])) start--;
    repl_strlist l = {0};
    repl_complete(&x->r, line, start, end, &l);
    ss_buf b = {0};
    ss_buf_str(&b, "");
    for (int i = 0; i < l.n; i++) ss_buf_fmt(&b, "%s%s", i ? " " : "", l.v[i]);
    repl_strlist_free(&l);
    return b.s;
}

#define ASSERT_COMPLETES(x, line, want)        \
    do {                                       \
        char *got_ = complete((x), (line));    \
        assert_string_equal(got_, (want));     \
        free(got_);                            \
    } while (0)

static void completes_commands_and_their_arguments(void **state)
{
    fixture *x = *state;
    ASSERT_COMPLETES(x, "ru", "run");
    ASSERT_COMPLETES(x, "re", "read redo results");
    ASSERT_COMPLETES(x, "help ch", "chart");
    ASSERT_COMPLETES(x, "chart w", "waits");
    ASSERT_COMPLETES(x, "chart queue f", "fph");
    ASSERT_COMPLETES(x, "results s", "system");
    ASSERT_COMPLETES(x, "show p", "params");
    ASSERT_COMPLETES(x, "run 2", "");   /* numbers are not guessed */
    ASSERT_COMPLETES(x, "unapply ", "");  /* nothing applied */
}

static void completes_parameter_paths_a_level_at_a_time(void **state)
{
    fixture *x = *state;
    ASSERT_COMPLETES(x, "set serv", "services.");
    ASSERT_COMPLETES(x, "set services.f", "services.fph.");
    ASSERT_COMPLETES(x, "set services.fph.ft", "services.fph.fte");
    ASSERT_COMPLETES(x, "show params services.fph.ep", "services.fph.episode.");
    ASSERT_COMPLETES(x, "= model.services.r", "model.services.rph.");
    ASSERT_COMPLETES(x, "set services.", "services.fph. services.hs. services.rph.");
    ASSERT_COMPLETES(x, "set nothing.he", "");
}

static void completes_scenario_files(void **state)
{
    fixture *x = *state;
    ASSERT_COMPLETES(x, "load scenarios/def", "scenarios/default.lua");
    char *got = complete(x, "load scenarios/validation/mm");
    assert_contains(got, "scenarios/validation/mmc.lua");
    free(got);
}

static double fte(fixture *x, const char *id)
{
    const ss_model *m = ss_scenario_model(x->r.cur->sc);
    return m->services[ss_model_service_index(m, id)].fte;
}

static void set_shows_the_change_and_undo_takes_it_back(void **state)
{
    fixture *x = *state;
    assert_int_equal(repl_dispatch(&x->r, "set services.fph.fte 6"), 0);
    fflush(x->r.out);
    assert_contains(x->out, "services.fph.fte: 4 -> 6");
    assert_int_equal(fte(x, "fph"), 6);
    assert_int_equal(repl_dispatch(&x->r, "undo"), 0);
    assert_int_equal(fte(x, "fph"), 4);
    assert_int_equal(repl_dispatch(&x->r, "redo"), 0);
    assert_int_equal(fte(x, "fph"), 6);
}

static void a_bad_set_changes_nothing(void **state)
{
    fixture *x = *state;
    const char *hash_before = ss_scenario_hash(x->r.cur->sc);
    char before[65];
    snprintf(before, sizeof before, "%s", hash_before);
    int undo = x->r.nundo;
    assert_int_equal(repl_dispatch(&x->r, "set services.fph.fte (-3)"), -1);  /* -3 alone: 3 less */
    assert_int_equal(repl_dispatch(&x->r, "set services.fhp.fte 3"), -1);
    assert_string_equal(ss_scenario_hash(x->r.cur->sc), before);  /* the model as it was */
    assert_int_equal(x->r.nundo, undo);
    fflush(x->r.err);
    assert_contains(x->err, "unknown service 'fhp' (did you mean fph?)");
    assert_contains(x->err, "      ^~~~~~~~~~~~~~~~\n");  /* under the path */
}

/* Evaluate Lua and return what it printed (stdout). */
static char *eval(fixture *x, const char *code)
{
    fflush(x->r.out);
    size_t from = x->nout;
    repl_lua_eval(&x->r, code, false, 1, true);
    fflush(x->r.out);
    return strdup(x->out + from);
}

static void lua_sees_the_model_read_only(void **state)
{
    fixture *x = *state;
    char *s = eval(x, "model.services.fph.fte");
    assert_string_equal(s, "4\n");
    free(s);
    s = eval(x, "#model.needs, model.needs[2]");
    assert_string_equal(s, "3\tmoderate\n");
    free(s);
    s = eval(x, "model.services.fph.eligibility");
    assert_string_equal(s, "{\n  ages = { 0, 24 },\n  needs = { \"mild\", \"moderate\" },\n}\n");
    free(s);
    int errors = x->r.errors;
    s = eval(x, "model.services.fph.fte = 9");
    free(s);
    assert_int_equal(x->r.errors, errors + 1);
    fflush(x->r.err);
    assert_contains(x->err, "the model is read-only: change it with 'set PATH VALUE'");
}

static void lua_keeps_the_planners_own_names(void **state)
{
    fixture *x = *state;
    free(eval(x, "n = 0 for k in pairs(model.services) do n = n + 1 end"));
    char *s = eval(x, "n");
    assert_string_equal(s, "3\n");
    free(s);
}

static void incomplete_lua_asks_for_more(void **state)
{
    fixture *x = *state;
    assert_false(repl_lua_eval(&x->r, "for i = 1, 2 do", false, 1, false));
    assert_false(repl_lua_eval(&x->r, "1 +", true, 1, false));
    assert_true(repl_lua_eval(&x->r, "1 + + 2", false, 1, false));  /* an error, not more input */
}

static void results_are_estimates(void **state)
{
    fixture *x = *state;
    assert_int_equal(repl_dispatch(&x->r, "run 3 5"), 0);
    char *s = eval(x, "results.services.fph.wait_mean.n, results.replications, results.seed");
    assert_string_equal(s, "3\t3\t5\n");
    free(s);
    s = eval(x, "results.services.fph.wait_mean > 0, results.services.fph.wait_mean * 0");
    assert_string_equal(s, "true\t0.0\n");
    free(s);
    s = eval(x, "results.services.fph.wait_mean.ci_low < results.services.fph.wait_mean.mean");
    assert_string_equal(s, "true\n");
    free(s);
}

/* ---- the scenario as a table ---------------------------------------------------------------- */

static void push_lua(fixture *x, const char *code)
{
    ss_diag d;
    assert_int_equal(ss_sandbox_load(x->r.sb, code, strlen(code), "t", 0, &d), 0);
    assert_int_equal(ss_sandbox_call(x->r.sb, 0, 1, &d), 0);
}

static void count(void *ud, const char *path, lua_State *L, int old_idx, int new_idx)
{
    ss_buf_fmt(ud, "%s:%s%s ", path, old_idx ? "o" : "-", new_idx ? "n" : "-");
}

static void diff_builds_the_patch_extends_needs(void **state)
{
    fixture *x = *state;
    lua_State *L = ss_sandbox_lua(x->r.sb);
    int top = lua_gettop(L);
    push_lua(x, "return { a = 1, b = { c = 2, d = 3 }, l = { 1, 2 }, f = 1, gone = true }");
    push_lua(x, "return { a = 1, b = { c = 2, d = 4 }, l = { 1, 3 }, f = 1.0, new = 's' }");
    ss_buf changes = {0};
    repl_tree_diff(L, top + 1, top + 2, count, &changes);
    assert_string_equal(changes.s, "b.d:on f:on gone:o- l:on new:-n ");
    ss_buf text = {0};
    repl_tree_write(&text, L, -1, 0, 0);
    /* lists replace whole; 1.0 stays a float; the removed key is not in the patch */
    assert_string_equal(text.s, "{\n  b = { d = 4 },\n  f = 1.0,\n  l = { 1, 3 },\n  new = \"s\",\n}");
    ss_buf_free(&changes);
    ss_buf_free(&text);
    lua_settop(L, top);
}

static void writing_escapes_and_quotes_keys(void **state)
{
    fixture *x = *state;
    lua_State *L = ss_sandbox_lua(x->r.sb);
    int top = lua_gettop(L);
    push_lua(x, "return { [\"0-5\"] = 'a\"b\\n', ['end'] = 0.1, [3] = true }");
    ss_buf text = {0};
    repl_tree_write(&text, L, -1, 0, 0);
    assert_string_equal(text.s, "{ [3] = true, [\"0-5\"] = \"a\\\"b\\n\", [\"end\"] = 0.1 }");
    ss_buf_free(&text);
    lua_settop(L, top);
}

static void tags_survive_the_round_trip(void **state)
{
    fixture *x = *state;
    lua_State *L = ss_sandbox_lua(x->r.sb);
    int top = lua_gettop(L);
    ss_diag d;
    assert_int_equal(repl_tree_push(x->r.sb, x->r.cur->sc, true, &d), 0);
    repl_tree_get(L, -1, "services.fph.case_share");
    assert_true(repl_tree_is_tag(L, -1));
    ss_buf text = {0};
    repl_tree_write(&text, L, -1, 0, 0);
    assert_string_equal(text.s, "cite(0.45, \"seed-000 L335\")");
    ss_buf_free(&text);
    assert_int_equal(repl_tree_get(L, top + 1, "services.nope.fte"), 1);
    lua_settop(L, top);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(completes_commands_and_their_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(completes_parameter_paths_a_level_at_a_time, setup, teardown),
        cmocka_unit_test_setup_teardown(completes_scenario_files, setup, teardown),
        cmocka_unit_test_setup_teardown(set_shows_the_change_and_undo_takes_it_back, setup, teardown),
        cmocka_unit_test_setup_teardown(a_bad_set_changes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(lua_sees_the_model_read_only, setup, teardown),
        cmocka_unit_test_setup_teardown(lua_keeps_the_planners_own_names, setup, teardown),
        cmocka_unit_test_setup_teardown(incomplete_lua_asks_for_more, setup, teardown),
        cmocka_unit_test_setup_teardown(results_are_estimates, setup, teardown),
        cmocka_unit_test_setup_teardown(diff_builds_the_patch_extends_needs, setup, teardown),
        cmocka_unit_test_setup_teardown(writing_escapes_and_quotes_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(tags_survive_the_round_trip, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
