/* test_schema: the schema reader (schema.c) on a small format of its own, every field type, its
 * range, default and message; then the scenario's schema through ss_model_build. */
#include "testing.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include <lauxlib.h>
#include <lualib.h>

#include "model_read.h"
#include "schema.h"

/* ---------------------------------------------------------------- a format of our own */

typedef struct thing {
    char *id, *name;
    int colour;       /* index into colours, or -1 */
    double weight;
} thing;

typedef struct box {
    double size, weeks, day, lo, hi;
    int count, monthday, pick, nitems, nthings, nrows, first_kind;
    long big;
    bool flag, red, inner_given;
    char *label, *note;
    ss_dist wait;
    struct { double a; int b; } inner;
    int items[8];
    thing *things, *rows;
    int order_seen;   /* pass order: 1 when `late` was read after `size` */
} box;

static const char *const colours[] = {"red", "green", "blue", NULL};

static int find_colour(const void *user, const char *id)
{
    (void)user;
    for (int i = 0; colours[i]; i++)
        if (strcmp(colours[i], id) == 0) return i;
    return -1;
}

static int item(ss_reader *r, const ss_field *f, void *base, int i)
{
    box *b = base;
    if (!lua_isinteger(r->L, -1)) {
        char got[64];
        ss_reader_describe(r->L, -1, got, sizeof got);
        return ss_reader_fail_at(r, i, "expected a whole number, got %s", got);
    }
    b->items[i] = (int)lua_tointeger(r->L, -1);
    b->nitems = i + 1;
    return 0;
}

static int late(ss_reader *r, const ss_field *f, void *base, int i)
{
    box *b = base;
    b->order_seen = b->size > 0;  /* size is read in pass 0, this in pass 1 */
    return 0;
}

static void inner_init(ss_reader *r, void *base) { ((box *)base)->inner.b = 7; }

static int inner_finish(ss_reader *r, void *base)
{
    box *b = base;
    if (b->inner.a > b->inner.b)
        return ss_reader_fail(r, "a", "expected at most b (%d), got %g", b->inner.b, b->inner.a);
    return 0;
}

static const ss_field thing_fields[] = {
    {.key = "name", .type = SS_F_STRING, .flags = SS_DEF_ID, .off = offsetof(thing, name)},
    {.key = "colour", .type = SS_F_REF, .def = -1, .find = find_colour,
     .what = "unknown colour '%s'", .off = offsetof(thing, colour)},
    {.key = "weight", .type = SS_F_NUMBER, .max = 10, .def = 1, .off = offsetof(thing, weight)},
    {.key = "order", .type = SS_F_ACCEPT},
    {.key = NULL}};
static const ss_schema thing_schema = {
    .fields = thing_fields, .elem = sizeof(thing), .max = 3, .entry = "a table { name = ... }",
    .shorthand = true, .name_off = offsetof(thing, name), .plain_ids = true};
static const ss_schema row_schema = {.fields = thing_fields, .elem = sizeof(thing), .entry = "a row"};

static const ss_field inner_fields[] = {
    {.key = "a", .type = SS_F_NUMBER, .min = -INFINITY, .max = INFINITY, .off = offsetof(box, inner.a)},
    {.key = "b", .type = SS_F_INT, .min = 0, .max = 100, .def = 7, .off = offsetof(box, inner.b),
     .width = sizeof(int)},
    {.key = NULL}};
static const ss_schema inner_schema = {.fields = inner_fields, .init = inner_init, .finish = inner_finish};

static const char *const kinds[] = {"first", "second", NULL};

static const ss_field box_fields[] = {
    {.key = "late", .type = SS_F_HOOK, .pass = 1, .hook = late},
    {.key = "size", .type = SS_F_NUMBER, .flags = SS_REQ, .min = 0.5, .max = 100, .off = offsetof(box, size)},
    {.key = "weeks", .type = SS_F_NUMBER, .max = INFINITY, .def = 2, .scale = 7, .off = offsetof(box, weeks)},
    {.key = "count", .type = SS_F_INT, .min = 1, .max = 9, .def = 3, .off = offsetof(box, count), .width = sizeof(int)},
    {.key = "big", .type = SS_F_INT, .max = 1e12, .def = 5, .scale = 1000, .off = offsetof(box, big), .width = sizeof(long)},
    {.key = "label", .type = SS_F_STRING, .def_str = "none", .off = offsetof(box, label)},
    {.key = "note", .type = SS_F_STRING, .off = offsetof(box, note)},
    {.key = "flag", .type = SS_F_BOOL, .def = 1, .off = offsetof(box, flag)},
    {.key = "colour", .type = SS_F_ENUM, .flags = SS_AS_BOOL, .names = colours, .what = "red, green or blue",
     .off = offsetof(box, red)},
    {.key = "kind", .type = SS_F_ENUM, .def = -1, .names = kinds, .what = "\"first\" or \"second\"",
     .off = offsetof(box, first_kind)},
    {.key = "day", .type = SS_F_DATE, .def = NAN, .off = offsetof(box, day)},
    {.key = "monthday", .type = SS_F_MONTHDAY, .off = offsetof(box, monthday)},
    {.key = "ages", .type = SS_F_AGES, .def = 10, .max = 20, .off = offsetof(box, lo), .off2 = offsetof(box, hi)},
    {.key = "wait", .type = SS_F_DIST, .def = 4, .off = offsetof(box, wait)},
    {.key = "pick", .type = SS_F_REF, .def = -1, .find = find_colour, .what = "unknown colour '%s'",
     .off = offsetof(box, pick)},
    {.key = "inner", .type = SS_F_TABLE, .flags = SS_PRESENT, .sub = &inner_schema, .off2 = offsetof(box, inner_given)},
    {.key = "items", .type = SS_F_LIST, .flags = SS_REQ, .min = 1, .max = 8, .what = "expected 1 to 8 whole numbers", .hook = item},
    {.key = "things", .type = SS_F_KEYED, .sub = &thing_schema, .what = "thing id",
     .off = offsetof(box, things), .off2 = offsetof(box, nthings)},
    {.key = "rows", .type = SS_F_LIST, .max = INT_MAX, .what = "expected a list of rows", .sub = &row_schema,
     .off = offsetof(box, rows), .off2 = offsetof(box, nrows)},
    {.key = NULL}};
static const ss_schema box_schema = {.fields = box_fields};

/* ---------------------------------------------------------------- running it */

typedef struct fixture {
    lua_State *L;
    ss_diag d;
    box b;
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
    ss_schema_free(&box_schema, &f->b);
    lua_close(f->L);
    free(f);
    return 0;
}

static const char *origin(void *ud, const char *path) { return "box.lua"; }

/* Read `return <text>` into f->b (freed and zeroed first); the return code. */
static int read_box(fixture *f, const char *text)
{
    char code[4096];
    snprintf(code, sizeof code, "return %s", text);
    ss_schema_free(&box_schema, &f->b);
    memset(&f->b, 0, sizeof f->b);
    if (luaL_dostring(f->L, code) != 0)
        fail_msg("%s", lua_tostring(f->L, -1));
    ss_reader r = {.L = f->L, .origin = origin, .d = &f->d, .raw = true,
                   .day0 = 18628 /* 2021-01-01 */};
    f->d.msg[0] = '\0';
    int rc = ss_schema_read(&r, &box_schema, &f->b);
    lua_settop(f->L, 0);
    if (getenv("SHOW")) fprintf(stderr, "%s\n", f->d.msg);
    return rc;
}

static void expect_error(fixture *f, const char *text, const char *msg)
{
    assert_int_equal(read_box(f, text), -1);
    assert_string_equal(f->d.msg, msg);
}

/* ---------------------------------------------------------------- the tests */

static void defaults_fill_what_is_absent(void **state)
{
    fixture *f = *state;
    assert_int_equal(read_box(f, "{ size = 1, items = { 4 } }"), 0);
    box *b = &f->b;
    assert_near(b->weeks, 14, 0);           /* default times scale */
    assert_int_equal(b->count, 3);
    assert_int_equal(b->big, 5000);
    assert_string_equal(b->label, "none");
    assert_null(b->note);
    assert_true(b->flag);
    assert_true(b->red);                    /* enum as bool: the default index 0, the first name */
    assert_int_equal(b->first_kind, 0);     /* no default (-1): left as it was */
    assert_true(isnan(b->day));
    assert_near(b->lo, 10, 0);
    assert_near(b->hi, 20, 0);
    assert_int_equal(b->wait.kind, SS_DIST_FIXED);
    assert_near(b->wait.a, 4, 0);
    assert_int_equal(b->pick, -1);
    assert_false(b->inner_given);
    assert_int_equal(b->inner.b, 7);        /* an absent table still gets its init */
    assert_int_equal(b->nthings, 0);
    assert_int_equal(b->nrows, 0);
    assert_int_equal(b->order_seen, 1);     /* pass 1 after pass 0 */
}

static void every_type_reads_its_value(void **state)
{
    fixture *f = *state;
    assert_int_equal(read_box(f, "{ size = 2.5, weeks = 1, count = 8.7, big = 2, label = 'L', note = 'n',"
                                 " flag = false, colour = 'red', kind = 'second', day = '2021-01-11',"
                                 " monthday = '07-01', ages = { 3, 4 }, wait = { 'exponential', mean = 2 },"
                                 " pick = 'blue', inner = { a = 5, b = 6 }, items = { 1, 2, 3 } }"), 0);
    box *b = &f->b;
    assert_near(b->size, 2.5, 0);
    assert_near(b->weeks, 7, 0);
    assert_int_equal(b->count, 8);          /* truncated */
    assert_int_equal(b->big, 2000);
    assert_string_equal(b->label, "L");
    assert_string_equal(b->note, "n");
    assert_false(b->flag);
    assert_true(b->red);
    assert_int_equal(b->first_kind, 1);
    assert_near(b->day, 10, 0);             /* days after day0 */
    assert_int_equal(b->monthday, 701);
    assert_near(b->lo, 3, 0);
    assert_near(b->hi, 4, 0);
    assert_int_equal(b->wait.kind, SS_DIST_EXPONENTIAL);
    assert_int_equal(b->pick, 2);
    assert_true(b->inner_given);
    assert_near(b->inner.a, 5, 0);
    assert_int_equal(b->nitems, 3);
    assert_int_equal(b->items[2], 3);
}

static void ranges_and_types_are_refused_with_the_key_path(void **state)
{
    fixture *f = *state;
    expect_error(f, "{ items = { 1 } }", "box.lua: size: missing (expected a number from 0.5 to 100)");
    expect_error(f, "{ size = 0, items = { 1 } }", "box.lua: size: expected a number from 0.5 to 100, got 0");
    expect_error(f, "{ size = 'big', items = { 1 } }", "box.lua: size: expected a number from 0.5 to 100, got \"big\"");
    expect_error(f, "{ size = math.huge, items = { 1 } }", "box.lua: size: expected a number from 0.5 to 100, got inf");
    expect_error(f, "{ size = 1, weeks = -1, items = { 1 } }", "box.lua: weeks: expected a number >= 0, got -1");
    expect_error(f, "{ size = 1, count = 10, items = { 1 } }", "box.lua: count: expected a number from 1 to 9, got 10");
    expect_error(f, "{ size = 1, label = 3, items = { 1 } }", "box.lua: label: expected a string, got 3");
    expect_error(f, "{ size = 1, flag = 'yes', items = { 1 } }", "box.lua: flag: expected true or false, got \"yes\"");
    expect_error(f, "{ size = 1, colour = 'pink', items = { 1 } }", "box.lua: colour: expected red, green or blue, got \"pink\"");
    expect_error(f, "{ size = 1, day = '2021-13-01', items = { 1 } }", "box.lua: day: expected a date \"YYYY-MM-DD\", got \"2021-13-01\"");
    expect_error(f, "{ size = 1, monthday = 'July', items = { 1 } }", "box.lua: monthday: expected a day of the year \"MM-DD\", got \"July\"");
    expect_error(f, "{ size = 1, ages = { 5, 5 }, items = { 1 } }",
                 "box.lua: ages: expected {min_age, max_age} with 0 <= min < max <= 150 (max not included)");
    expect_error(f, "{ size = 1, wait = -2, items = { 1 } }", "box.lua: wait: expected a duration >= 0, got -2");
    expect_error(f, "{ size = 1, wait = { 'triangular', min = -1, mode = 0, max = 1 }, items = { 1 } }",
                 "box.lua: wait: expected durations >= 0, got a distribution that can draw -1");
    expect_error(f, "{ size = 1, pick = 'pink', items = { 1 } }", "box.lua: pick: unknown colour 'pink'");
}

static void unknown_keys_and_nested_paths(void **state)
{
    fixture *f = *state;
    expect_error(f, "{ size = 1, sise = 2, items = { 1 } }",
                 "box.lua: unknown key 'sise' (expected one of: late, size, weeks, count, big, label, note, flag, "
                 "colour, kind, day, monthday, ages, wait, pick, inner, items, things, rows)");
    expect_error(f, "{ size = 1, [true] = 2, items = { 1 } }", "box.lua: unexpected key boolean (expected named fields)");
    expect_error(f, "{ size = 1, inner = { c = 1 }, items = { 1 } }",
                 "box.lua: inner: unknown key 'c' (expected one of: a, b)");
    expect_error(f, "{ size = 1, inner = 3, items = { 1 } }", "box.lua: inner: expected a table, got 3");
    expect_error(f, "{ size = 1, inner = { a = 9 }, items = { 1 } }", "box.lua: inner.a: expected at most b (7), got 9");
    expect_error(f, "{ size = 1, things = { t = { weight = 11 } }, items = { 1 } }",
                 "box.lua: things.t.weight: expected a number from 0 to 10, got 11");
    expect_error(f, "{ size = 1, rows = { {}, { colour = 'pink' } }, items = { 1 } }",
                 "box.lua: rows.2.colour: unknown colour 'pink'");
}

static void lists_have_bounds_and_items(void **state)
{
    fixture *f = *state;
    expect_error(f, "{ size = 1 }", "box.lua: items: missing (expected a table)");
    expect_error(f, "{ size = 1, items = {} }", "box.lua: items: expected 1 to 8 whole numbers");
    expect_error(f, "{ size = 1, items = { 1, 2, 3, 4, 5, 6, 7, 8, 9 } }", "box.lua: items: expected 1 to 8 whole numbers");
    expect_error(f, "{ size = 1, items = { 1, 'two' } }", "box.lua: items.2: expected a whole number, got \"two\"");
    expect_error(f, "{ size = 1, items = { 1 }, rows = { 5 } }", "box.lua: rows.1: expected a row, got 5");
    assert_int_equal(read_box(f, "{ size = 1, items = { 1 }, rows = { { name = 'a' }, { weight = 2 } } }"), 0);
    assert_int_equal(f->b.nrows, 2);
    assert_string_equal(f->b.rows[0].name, "a");
    assert_null(f->b.rows[1].name);          /* a list entry has no id to default to */
    assert_near(f->b.rows[1].weight, 2, 0);
}

static void keyed_tables_want_ids_not_lists(void **state)
{
    fixture *f = *state;
    expect_error(f, "{ size = 1, items = { 1 }, things = { 'a', 'b' } }",
                 "box.lua: things: expected a table keyed by thing id, got a list");
    expect_error(f, "{ size = 1, items = { 1 }, things = { a = {}, [7] = {} } }",
                 "box.lua: things: expected entries keyed by an id, got key 7");
    expect_error(f, "{ size = 1, items = { 1 }, things = { a = {}, [false] = {} } }",
                 "box.lua: things: expected entries keyed by an id, got key false");
    expect_error(f, "{ size = 1, items = { 1 }, things = { a = 1, b = 2, c = 3, d = 4 } }",
                 "box.lua: things: has 4 entries, at most 3 are supported");
    expect_error(f, "{ size = 1, items = { 1 }, things = { ['a b'] = {} } }",
                 "box.lua: things.a b: a thing id may use letters, digits, _ and - only");
    expect_error(f, "{ size = 1, items = { 1 }, things = { a = 5 } }", "box.lua: things.a: expected a table { name = ... }, got 5");
}

static void keyed_entries_sort_by_order_then_id(void **state)
{
    fixture *f = *state;
    assert_int_equal(read_box(f, "{ size = 1, items = { 1 }, things = { c = { order = 1 }, b = 'Bee',"
                                 " a = { colour = 'green' }, z = { order = 0 } } }"), -1);  /* 4 > max 3 */
    assert_int_equal(read_box(f, "{ size = 1, items = { 1 }, things = { c = { order = 1 }, b = 'Bee',"
                                 " a = { colour = 'green' } } }"), 0);
    box *b = &f->b;
    assert_int_equal(b->nthings, 3);
    assert_string_equal(b->things[0].id, "c");   /* order 1 before no order */
    assert_string_equal(b->things[1].id, "a");
    assert_string_equal(b->things[2].id, "b");
    assert_string_equal(b->things[0].name, "c"); /* name defaults to the id */
    assert_string_equal(b->things[2].name, "Bee");  /* a string is the name */
    assert_int_equal(b->things[1].colour, 1);
    assert_int_equal(b->things[2].colour, -1);
    assert_near(b->things[2].weight, 1, 0);      /* a name alone: the other fields' defaults */
}

/* ---------------------------------------------------------------- the scenario's schema */

static ss_model *build(fixture *f, const char *text)
{
    if (luaL_dostring(f->L, text) != 0)
        fail_msg("%s", lua_tostring(f->L, -1));
    f->d.msg[0] = '\0';
    ss_model *m = ss_model_build(f->L, -1, origin, NULL, &f->d);
    lua_settop(f->L, 0);
    return m;
}

#define SCENARIO(extra)                                                                              \
    "return { name = 'x', calendar = { start = '2021-03-01', horizon_days = 100 }, needs = { 'n' },"  \
    " services = { a = { capacity = { slots = 1 }, episode = 2 } }," extra " }"

static void the_scenario_reads_through_the_schema(void **state)
{
    fixture *f = *state;
    ss_model *m = build(f, SCENARIO(" demand = { { rate_per_day = 1, service = 'a' } },"
                                    " doors = { gp = { route = 'a', meeting = { every_weeks = 1, weekday = 'wed' } } }"));
    if (!m) fail_msg("%s", f->d.msg);
    assert_int_equal(m->nservices, 1);
    assert_string_equal(m->services[0].name, "a");
    assert_near(m->services[0].capacity, 1, 0);
    assert_near(m->sample_days, 7, 0);
    assert_true(m->cal.working_mon_fri && m->cal.norwegian_holidays);
    assert_true(m->doors[0].meeting.on);
    assert_near(m->doors[0].meeting.every, 7, 0);
    assert_near(m->doors[0].meeting.first, 2, 0);  /* 2021-03-01 is a Monday */
    assert_false(m->coord.on);
    assert_true(isnan(m->nok_per_fte));
    assert_int_equal(m->rule_instructions, 1000000);
    ss_model_free(m);
}

static void the_scenario_refuses_lists_and_floods(void **state)
{
    fixture *f = *state;
    assert_null(build(f, SCENARIO(" demand = { { rate_per_day = 1, service = 'a' } }, population = { 'x' }")));
    assert_string_equal(f->d.msg, "box.lua: population: expected a table keyed by cohort id, got a list");
    assert_null(build(f, SCENARIO(" demand = { { rate_per_day = 1e7, service = 'a' } }")));
    assert_string_equal(f->d.msg, "box.lua: demand.1.rate_per_day: would need about 1e+09 events in 100 days "
                                  "(1e+09 of them here); at most 100000000 are simulated per replication "
                                  "(expected a smaller rate, population or horizon)");
    assert_null(build(f, SCENARIO(" demand = { { rate_per_day = 1, service = 'a' } }, organisation = { units = { u = { sector = 's' } } }")));
    assert_string_equal(f->d.msg, "box.lua: organisation.units.u.sector: unknown sector 's' (declare it in organisation.sectors)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(defaults_fill_what_is_absent, setup, teardown),
        cmocka_unit_test_setup_teardown(every_type_reads_its_value, setup, teardown),
        cmocka_unit_test_setup_teardown(ranges_and_types_are_refused_with_the_key_path, setup, teardown),
        cmocka_unit_test_setup_teardown(unknown_keys_and_nested_paths, setup, teardown),
        cmocka_unit_test_setup_teardown(lists_have_bounds_and_items, setup, teardown),
        cmocka_unit_test_setup_teardown(keyed_tables_want_ids_not_lists, setup, teardown),
        cmocka_unit_test_setup_teardown(keyed_entries_sort_by_order_then_id, setup, teardown),
        cmocka_unit_test_setup_teardown(the_scenario_reads_through_the_schema, setup, teardown),
        cmocka_unit_test_setup_teardown(the_scenario_refuses_lists_and_floods, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
