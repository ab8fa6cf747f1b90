/* test_ruletest: rule test cases (`samsim test`): the exact lines a rule's author reads, the
 * counts, and the promises behind them (strict views, fixed random streams, the budget). */
#include "testing.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rulefields.h"
#include "ruletest.h"

/* ---------------------------------------------------------------- helpers */

typedef struct result {
    char *out;               /* everything printed, malloc'd */
    ss_ruletest_counts c;
} result;

/* Runs the module's cases as "t.lua" and captures what they print. */
static result run_opts(const char *code, ss_stop_flag *interrupt, bool quiet)
{
    result r = {0};
    size_t n = 0;
    FILE *f = open_memstream(&r.out, &n);
    assert_non_null(f);
    ss_ruletest_opts o = {.out = f, .interrupt = interrupt, .quiet = quiet};
    ss_ruletest_source(code, strlen(code), "t.lua", &o, &r.c);
    fclose(f);
    return r;
}

static result run(const char *code)
{
    return run_opts(code, NULL, false);
}

/* The module prints exactly out, with these counts. */
static void expect_run(const char *code, const char *out, int passed, int failed)
{
    result r = run(code);
    assert_string_equal(r.out, out);
    assert_int_equal(r.c.passed, passed);
    assert_int_equal(r.c.failed, failed);
    assert_int_equal(r.c.files, 1);
    free(r.out);
}

/* A module with one route rule and the given cases. */
#define ROUTE_MODULE(cases)                                                                  \
    "return {\n"                                                                             \
    "  route = function(person, door, ctx)\n"                                                \
    "    if person.need == 'severe' then return 'bup' end\n"                                 \
    "    return 'fph'\n"                                                                     \
    "  end,\n"                                                                               \
    "  tests = {\n" cases "  },\n"                                                          \
    "}\n"

/* ---------------------------------------------------------------- passing and failing */

static void test_all_pass(void **state)
{
    expect_run(ROUTE_MODULE("    { name = 'severe', door = 'gp', person = { need = 'severe' }, expect = 'bup' },\n"
                            "    { name = 'mild', door = 'gp', person = { need = 'mild' }, expect = 'fph' },\n"),
               "ok t.lua (2 tests)\n", 2, 0);
}

static void test_one_case_singular(void **state)
{
    expect_run(ROUTE_MODULE("    { door = 'gp', person = { need = 'mild' }, expect = 'fph' },\n"),
               "ok t.lua (1 test)\n", 1, 0);
}

static void test_wrong_answer_names_line_index_and_name(void **state)
{
    expect_run(ROUTE_MODULE("    { name = 'mild', door = 'gp', person = { need = 'mild' }, expect = 'fph' },\n"
                            "    { name = 'severe', door = 'gp',\n"
                            "      person = { need = 'severe' }, expect = 'dps' },\n"),
               "FAIL t.lua:8: test 2 'severe': expected \"dps\", got \"bup\"\n", 1, 1);
}

static void test_unnamed_case(void **state)
{
    expect_run(ROUTE_MODULE("    { door = 'gp', person = { need = 'mild' }, expect = 'bup' },\n"),
               "FAIL t.lua:7: test 1: expected \"bup\", got \"fph\"\n", 0, 1);
}

/* Cases built by code have no line of their own: position and name identify them. */
static void test_cases_built_in_a_loop_have_no_line(void **state)
{
    expect_run("local cases = {}\n"
               "for _, need in ipairs({ 'mild', 'moderate' }) do\n"
               "  cases[#cases + 1] = { name = need, person = { need = need }, expect = 'bup', door = 'gp' }\n"
               "end\n"
               "return { route = function(p, door, ctx) return 'fph' end, tests = cases }\n",
               "FAIL t.lua: test 1 'mild': expected \"bup\", got \"fph\"\n"
               "FAIL t.lua: test 2 'moderate': expected \"bup\", got \"fph\"\n",
               0, 2);
}

/* Braces and "tests = {" inside strings and comments do not move the lines. */
static void test_lines_skip_strings_and_comments(void **state)
{
    expect_run("-- tests = { {}, {} }\n"
               "local M = { route = function(p, door, ctx) return '{' end }\n"
               "--[==[ a long comment { with braces\n"
               "]==]\n"
               "M.tests = {\n"
               "  { door = 'gp', expect = '}' }; -- a comment, { another\n"
               "  { door = [[\n"
               "{]], name = \"say \\\"}\\\"\",\n"
               "    expect = 'x' },\n"
               "}\n"
               "return M\n",
               "FAIL t.lua:6: test 1: expected \"}\", got \"{\"\n"
               "FAIL t.lua:7: test 2 'say \"}\"': expected \"x\", got \"{\"\n",
               0, 2);
}

static void test_numbers_exact_unless_tolerance(void **state)
{
    expect_run("return { priority = function(p, s, ctx) return 0.1 + 0.2 end, tests = {\n"
               "  { expect = 0.3 },\n"
               "  { expect = 0.3, tolerance = 1e-9 },\n"
               "  { expect = 0.25, tolerance = 0.01 },\n"
               "  { expect = 3 },\n"
               "} }\n",
               "FAIL t.lua:2: test 1: expected 0.3, got 0.30000000000000004\n"
               "FAIL t.lua:4: test 3: expected 0.25 (within 0.01), got 0.30000000000000004\n"
               "FAIL t.lua:5: test 4: expected 3, got 0.30000000000000004\n",
               1, 3);
}

static void test_integer_equals_float(void **state)
{
    expect_run("return { priority = function(p, s, ctx) return 6 / 2 end, tests = { { expect = 3 } } }\n",
               "ok t.lua (1 test)\n", 1, 0);
}

static void test_expect_error(void **state)
{
    expect_run("return { next = function(p, s, ctx) if p.age > 3 then error('too old') end return 'fph' end,\n"
               "  tests = {\n"
               "    { person = { age = 4 }, expect_error = 'too old' },\n"
               "    { person = { age = 4 }, expect_error = 'too young' },\n"
               "    { person = { age = 2 }, expect_error = 'too old' },\n"
               "    { person = { age = 4 }, expect = 'fph' },\n"
               "  } }\n",
               "FAIL t.lua:4: test 2: expected an error containing \"too young\", got: t.lua:1: too old\n"
               "FAIL t.lua:5: test 3: expected an error containing \"too old\", got \"fph\"\n"
               "FAIL t.lua:6: test 4: expected \"fph\", got an error: t.lua:1: too old\n",
               1, 3);
}

/* ---------------------------------------------------------------- strict views */

static void test_field_not_given(void **state)
{
    expect_run(ROUTE_MODULE("    { door = 'gp', person = { age = 3 }, expect = 'fph' },\n"),
               "FAIL t.lua:7: test 1: expected \"fph\", got an error: t.lua:3: person.need is not given "
               "in this test (add need = ... to the test's person)\n",
               0, 1);
}

static void test_unknown_field_in_case_view(void **state)
{
    expect_run(ROUTE_MODULE("    { door = 'gp', person = { need = 'mild', agee = 3, zzz = 1 }, expect = 'fph' },\n"),
               "FAIL t.lua:7: test 1: person has no field 'agee' (fields: id, age, need, severity, complex, "
               "door, arrived, days_since_concern, waited, referrals, handoffs, bounces, services, current, history)\n",
               0, 1);
}

static void test_unknown_field_read_by_rule(void **state)
{
    expect_run("return { accept = function(p, s, ctx) return s.queu > 3 end,\n"
               "  tests = { { service = { queue = 4 }, expect = true } } }\n",
               "FAIL t.lua:2: test 1: expected true, got an error: t.lua:1: service has no field 'queu' "
               "(fields: id, name, unit, sector, fte, queue, caseload, capacity, target_wait)\n",
               0, 1);
}

static void test_field_types_checked(void **state)
{
    expect_run(ROUTE_MODULE("    { door = 'gp', person = { need = 3 }, expect = 'fph' },\n"
                            "    { door = 'gp', person = { current = true }, expect = 'fph' },\n"
                            "    { door = 'gp', ctx = { queue = { fph = 'long' } }, expect = 'fph' },\n"
                            "    { door = 'gp', ctx = { queue = 4 }, expect = 'fph' },\n"
                            "    { door = 4, expect = 'fph' },\n"),
               "FAIL t.lua:7: test 1: person.need: expected a string, got 3\n"
               "FAIL t.lua:8: test 2: person.current: expected a string or false, got true\n"
               "FAIL t.lua:9: test 3: ctx.queue: expected numbers by service id, e.g. { fph = 40 }, got ['fph'] = \"long\"\n"
               "FAIL t.lua:10: test 4: ctx.queue: expected numbers by service id, e.g. { fph = 40 }, got 4\n"
               "FAIL t.lua:11: test 5: door: expected a door id, got 4\n",
               0, 5);
}

static void test_views_read_only(void **state)
{
    expect_run("return { door = function(p, ctx) p.age = 3 end,\n"
               "  tests = { { person = { age = 30 }, expect = 'gp' } } }\n",
               "FAIL t.lua:2: test 1: expected \"gp\", got an error: t.lua:1: the person view is read-only\n",
               0, 1);
}

/* ctx.queue(id) gives the case's number, 0 for ids not listed and when ctx is not given. */
static void test_ctx_lookups(void **state)
{
    expect_run("return { door = function(p, ctx) return ctx.queue('fph') + ctx.caseload('bup') * 10 + ctx.capacity('x') end,\n"
               "  tests = {\n"
               "    { ctx = { queue = { fph = 4 }, caseload = { bup = 2 } }, expect = 24 },\n"
               "    { expect = 0 },\n"
               "  } }\n",
               "ok t.lua (2 tests)\n", 2, 0);
}

/* false stands for the nil the engine gives; a list comes fresh on every read. */
static void test_nil_and_lists(void **state)
{
    expect_run("return { next = function(p, s, ctx)\n"
               "    local h = p.history\n"
               "    h[#h + 1] = 'x'\n"
               "    assert(s.unit == nil)\n"
               "    return #h\n"
               "  end,\n"
               "  tests = { { person = { history = { 'a', 'b' } }, service = { unit = false }, samples = 3, expect = 3 } } }\n",
               "ok t.lua (1 test)\n", 1, 0);
}

/* A value of the field's type, as a test case writes it. */
static const char *sample_value(const ss_rule_field *f)
{
    switch (f->type) {
    case LUA_TNUMBER: return "1";
    case LUA_TSTRING: return "'x'";
    case LUA_TBOOLEAN: return "true";
    case LUA_TTABLE: return "{ 'a' }";
    default: return "{ fph = 1 }";  /* SS_RF_LOOKUP */
    }
}

/* "{ id = 1, age = 1, ... }": every field of the view with a value of its type; and the Lua
 * expression that reads them all in a rule ("p.id, p.age, ..."; lookups called). */
static void every_field(const ss_rule_view *v, const char *var, char *table, char *reads, size_t n)
{
    size_t t = (size_t)snprintf(table, n, "{ "), r = 0;
    reads[0] = '\0';
    for (const ss_rule_field *f = v->fields; f->name; f++) {
        t += (size_t)snprintf(table + t, n - t, "%s = %s, ", f->name, sample_value(f));
        r += (size_t)snprintf(reads + r, n - r, "%s%s.%s%s", f == v->fields ? "" : ", ", var, f->name,
                              f->type == SS_RF_LOOKUP ? "('fph')" : "");
    }
    snprintf(table + t, n - t, "}");
}

/* The views are the engine's table (rulefields.h): a case may give every field the table names,
 * a rule may read each, and the message for an unknown one lists the table's names in order. */
static void test_views_are_the_engine_table(void **state)
{
    const ss_rule_view *views[] = {&ss_person_view, &ss_service_view, &ss_ctx_view};
    char person[1024], preads[1024], service[1024], sreads[1024], ctx[1024], creads[1024];
    every_field(&ss_person_view, "p", person, preads, sizeof person);
    every_field(&ss_service_view, "s", service, sreads, sizeof service);
    every_field(&ss_ctx_view, "c", ctx, creads, sizeof ctx);
    char code[8192];
    snprintf(code, sizeof code,
             "return { next = function(p, s, c) local _ = { %s, %s, %s }; return 'ok' end,\n"
             "  tests = { { person = %s, service = %s, ctx = %s, expect = 'ok' } } }\n",
             preads, sreads, creads, person, service, ctx);
    expect_run(code, "ok t.lua (1 test)\n", 1, 0);
    for (int i = 0; i < 3; i++) {
        char list[512], want[700];
        ss_rule_field_list(views[i], list, sizeof list);
        snprintf(code, sizeof code, "return { door = function() end, tests = { { %s = { x = 1 }, expect = 1 } } }",
                 views[i]->name);
        snprintf(want, sizeof want, "%s has no field 'x' (fields: %s)\n", views[i]->name, list);
        result r = run(code);
        assert_contains(r.out, want);
        free(r.out);
    }
}

/* ---------------------------------------------------------------- the case's shape */

static void test_case_mistakes(void **state)
{
    expect_run(ROUTE_MODULE("    { door = 'gp', person = { need = 'mild' } },\n"
                            "    { door = 'gp', expcet = 'fph' },\n"
                            "    { door = 'gp', expect = 'fph', expect_error = 'x' },\n"
                            "    { call = 'rout', door = 'gp', expect = 'fph' },\n"
                            "    { person = { need = 'mild' }, expect = 'fph' },\n"
                            "    { door = 'gp', expect = { 'fph' } },\n"
                            "    { door = 'gp', expect = 'fph', tolerance = 0.1 },\n"
                            "    { door = 'gp', expect = 'fph', samples = 0 },\n"
                            "    'route',\n"),
               "FAIL t.lua:7: test 1: no expect (give expect, expect_error or expect_share)\n"
               "FAIL t.lua:8: test 2: unknown field 'expcet' (fields: name, call, person, door, service, ctx, "
               "expect, expect_error, expect_share, tolerance, samples, seed)\n"
               "FAIL t.lua:9: test 3: give one of expect, expect_error and expect_share\n"
               "FAIL t.lua:10: test 4: call = \"rout\": the module has no function 'rout' (functions: route)\n"
               "FAIL t.lua:11: test 5: a route rule is called with (person, door, ctx): add door = \"...\"\n"
               "FAIL t.lua:12: test 6: expect: expected a string, number or boolean, got table\n"
               "FAIL t.lua:13: test 7: tolerance applies to a number in expect or to expect_share\n"
               "FAIL t.lua:14: test 8: samples: expected a whole number from 1 to 1e+06, got 0\n"
               "FAIL t.lua:15: test 9: expected a table with name, call, person ... and expect, got \"route\"\n",
               0, 9);
}

static void test_call_needed_with_several_functions(void **state)
{
    expect_run("return { route = function() return 'a' end, door = function() return 'b' end,\n"
               "  limit = 3, tests = { { door = 'gp', expect = 'a' } } }\n",
               "FAIL t.lua:2: test 1: which function? add call = \"...\" (the module has door, route)\n", 0, 1);
}

/* Decision points get the engine's arguments; another name gets what the case gives. */
static void test_argument_shapes(void **state)
{
    expect_run("local function shape(...) local n = select('#', ...) return n .. ':' .. type((select(2, ...))) end\n"
               "return { door = shape, route = shape, accept = shape, at_age = shape, custom = shape, tests = {\n"
               "  { call = 'door', expect = '2:table' },\n"
               "  { call = 'route', door = 'gp', expect = '3:string' },\n"
               "  { call = 'accept', expect = '3:table' },\n"
               "  { call = 'at_age', service = {}, expect = '3:table' },\n"
               "  { call = 'custom', expect = '2:table' },\n"
               "  { call = 'custom', door = 'x', expect = '3:string' },\n"
               "  { call = 'door', door = 'x', expect = '2:table' },\n"
               "  { call = 'accept', door = 'x', expect = '3:table' },\n"
               "} }\n",
               "FAIL t.lua:9: test 7: a door rule is called with (person, ctx): remove door\n"
               "FAIL t.lua:10: test 8: accept is called with (person, service, ctx): door is for route rules\n",
               6, 2);
}

/* ---------------------------------------------------------------- files */

static void test_module_that_fails_to_load(void **state)
{
    expect_run("local x = mathh.floor\nreturn {}\n", "FAIL t.lua:1: undeclared global 'mathh'\n", 0, 1);
    expect_run("return {\n  route = function( end,\n}\n", "FAIL t.lua:2: <name> or '...' expected near 'end'\n", 0, 1);
    expect_run("return 42\n", "FAIL t.lua: expected the file to return a table of functions and tests, got number\n", 0, 1);
    expect_run("return { tests = 'none' }\n", "FAIL t.lua: tests: expected a list of test cases, got string\n", 0, 1);
    expect_run("return { route = function() end, tests = { door = 'gp', expect = 'x', name = 'n' } }\n",
               "FAIL t.lua: tests: expected a list of test cases { {...}, {...} }, got key 'door'\n", 0, 1);
}

static void test_no_tests_is_skipped(void **state)
{
    expect_run("return function(p, door, ctx) return 'fph' end\n", "skip t.lua (no tests)\n", 0, 0);
    expect_run("return { route = function(p, door, ctx) return 'fph' end }\n", "skip t.lua (no tests)\n", 0, 0);
}

static void test_quiet_prints_failures_only(void **state)
{
    result r = run_opts("return function() end\n", NULL, true);
    assert_string_equal(r.out, "");
    free(r.out);
    r = run_opts(ROUTE_MODULE("    { door = 'gp', person = { need = 'mild' }, expect = 'fph' },\n"), NULL, true);
    assert_string_equal(r.out, "");
    assert_int_equal(r.c.passed, 1);
    free(r.out);
}

/* ---------------------------------------------------------------- randomness and limits */

/* The stream depends on the case's name and seed only: same name, same draws. */
static void test_random_stream_per_name(void **state)
{
    expect_run("local first\n"
               "return { door = function(p, ctx)\n"
               "    local x = math.random(1 << 30)\n"
               "    first = first or x\n"
               "    return x == first\n"
               "  end, tests = {\n"
               "    { name = 'a', expect = true },\n"
               "    { name = 'b', expect = false },\n"
               "    { name = 'a', expect = true },\n"
               "    { name = 'a', seed = 2, expect = false },\n"
               "  } }\n",
               "ok t.lua (4 tests)\n", 4, 0);
}

static void test_shares(void **state)
{
    const char *module =
        "return { next = function(p, s, ctx) if math.random() < 0.7 then return 'fph' end return 'bup' end,\n"
        "  tests = {\n"
        "    { samples = 4000, expect_share = { fph = 0.7, bup = 0.3 }, tolerance = 0.03 },\n"
        "    { samples = 4000, expect_share = { fph = 0.5 }, tolerance = 0.03 },\n"
        "    { samples = 10, expect_share = { fph = 0.7 } },\n"
        "  } }\n";
    result r = run(module);
    assert_int_equal(r.c.passed, 1);
    assert_int_equal(r.c.failed, 2);
    assert_contains(r.out, "FAIL t.lua:4: test 2: shares off by more than 0.03 in 4000 samples: \"bup\" 0.");
    assert_contains(r.out, " (expected 0), \"fph\" 0.");
    assert_contains(r.out, "FAIL t.lua:5: test 3: expect_share needs samples (how many calls) and tolerance");
    result again = run(module); /* fixed streams: the same text every time */
    assert_string_equal(again.out, r.out);
    free(r.out);
    free(again.out);
}

static void test_endless_loop_fails_its_case_only(void **state)
{
    expect_run("return { door = function(p, ctx) if p.age > 1 then while true do end end return 'gp' end,\n"
               "  tests = {\n"
               "    { person = { age = 2 }, expect = 'gp' },\n"
               "    { person = { age = 1 }, expect = 'gp' },\n"
               "  } }\n",
               "FAIL t.lua:3: test 1: expected \"gp\", got an error: t.lua:1: instruction limit exceeded "
               "(10000000 instructions): is there an endless loop?\n",
               1, 1);
}

static void test_interrupt_stops(void **state)
{
    ss_stop_flag flag = 1;
    result r = run_opts(ROUTE_MODULE("    { door = 'gp', person = { need = 'mild' }, expect = 'fph' },\n"), &flag, false);
    assert_true(r.c.interrupted);
    assert_int_equal(r.c.passed + r.c.failed, 0);
    assert_string_equal(r.out, "");
    free(r.out);
}

/* ---------------------------------------------------------------- paths */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Directories are walked in byte order of names; hidden entries and other files are skipped. */
static void test_directory_walk(void **state)
{
    char dir[] = "/tmp/ruletest-XXXXXX", path[256];
    assert_non_null(mkdtemp(dir));
    const char *ok = "return { door = function() return 'gp' end, tests = { { expect = 'gp' } } }\n";
    const char *names[] = {"b.lua", "a.lua", ".hidden.lua", "notes.txt", "sub/c.lua"};
    snprintf(path, sizeof path, "%s/sub", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        write_file(path, ok);
    }
    char *out = NULL, expected[1024];
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    ss_ruletest_opts o = {.out = f};
    ss_ruletest_counts c = {0};
    ss_ruletest_path(dir, &o, &c);
    snprintf(path, sizeof path, "%s/nosuch.lua", dir);
    ss_ruletest_path(path, &o, &c);
    fclose(f);
    snprintf(expected, sizeof expected,
             "ok %s/a.lua (1 test)\nok %s/b.lua (1 test)\nok %s/sub/c.lua (1 test)\n"
             "FAIL %s/nosuch.lua: cannot open (No such file or directory)\n", dir, dir, dir, dir);
    assert_string_equal(out, expected);
    assert_int_equal(c.passed, 3);
    assert_int_equal(c.failed, 1);
    assert_int_equal(c.files, 4);
    free(out);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/sub", dir);
    rmdir(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_pass),
        cmocka_unit_test(test_one_case_singular),
        cmocka_unit_test(test_wrong_answer_names_line_index_and_name),
        cmocka_unit_test(test_unnamed_case),
        cmocka_unit_test(test_cases_built_in_a_loop_have_no_line),
        cmocka_unit_test(test_lines_skip_strings_and_comments),
        cmocka_unit_test(test_numbers_exact_unless_tolerance),
        cmocka_unit_test(test_integer_equals_float),
        cmocka_unit_test(test_expect_error),
        cmocka_unit_test(test_field_not_given),
        cmocka_unit_test(test_unknown_field_in_case_view),
        cmocka_unit_test(test_unknown_field_read_by_rule),
        cmocka_unit_test(test_field_types_checked),
        cmocka_unit_test(test_views_read_only),
        cmocka_unit_test(test_ctx_lookups),
        cmocka_unit_test(test_nil_and_lists),
        cmocka_unit_test(test_views_are_the_engine_table),
        cmocka_unit_test(test_case_mistakes),
        cmocka_unit_test(test_call_needed_with_several_functions),
        cmocka_unit_test(test_argument_shapes),
        cmocka_unit_test(test_module_that_fails_to_load),
        cmocka_unit_test(test_no_tests_is_skipped),
        cmocka_unit_test(test_quiet_prints_failures_only),
        cmocka_unit_test(test_random_stream_per_name),
        cmocka_unit_test(test_shares),
        cmocka_unit_test(test_endless_loop_fails_its_case_only),
        cmocka_unit_test(test_interrupt_stops),
        cmocka_unit_test(test_directory_walk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
