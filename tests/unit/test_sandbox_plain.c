/* test_sandbox_plain: which functions the sandbox knows to be plain or bounded (sandbox_plain.c):
 * run without the count hook, and a plain one's answers kept by the rules bridge.  Each case is
 * a rule file whose function `f` is or is not; a comment says why when the code does not. */
#include "testing.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>

#include "sandbox.h"

enum kind { PLAIN, BOUNDED, TABLES };

/* Loads code as a file whose chunk returns a table with a function f, and says whether f is
 * plain, bounded or may get tables for views (then *keys: which of NAMES it reads), with what
 * args says of its arguments; the stack is left as it was. */
static const char *const NAMES[] = {"age", "need", "history", "severity"};

static bool kind_with(const char *code, enum kind kind, const ss_sandbox_args *args, uint64_t *keys)
{
    ss_diag d = {{0}};
    ss_sandbox *sb = ss_sandbox_new(NULL, &d);
    assert_non_null(sb);
    lua_State *L = ss_sandbox_lua(sb);
    int top = lua_gettop(L);
    if (ss_sandbox_load(sb, code, strlen(code), "case.lua", 0, &d) != 0)
        fail_msg("load: %s", d.msg);
    lua_pushvalue(L, -1);                                   /* chunk chunk */
    if (ss_sandbox_call(sb, 0, 1, &d) != 0)                 /* chunk module */
        fail_msg("run: %s", d.msg);
    lua_getfield(L, -1, "f");                               /* chunk module f */
    uint64_t none;
    bool plain = kind == BOUNDED ? ss_sandbox_is_bounded(sb, -3, -2, -1, args)
                 : kind == TABLES ? ss_sandbox_views_as_tables(sb, -3, -2, -1, args, NAMES, 4, keys ? keys : &none)
                 : ss_sandbox_is_plain(sb, -3, -1);
    assert_int_equal(lua_gettop(L), top + 3);
    lua_settop(L, top);
    ss_sandbox_free(sb);
    return plain;
}

#define ROUTES "local routes = { a = { { 0.3, 'b' }, { 0.7, 'discharge' } }, b = { { 1, 'discharge' } } }\n"

static bool plain_in(const char *code) { return kind_with(code, PLAIN, NULL, NULL); }
static bool bounded_in(const char *code) { return kind_with(code, BOUNDED, NULL, NULL); }

/* What rules.c tells of a rule's views (route, next ...: person, door or service, ctx). */
static const ss_sandbox_field PERSON[] = {{"history", 16}, {NULL, 0}};
static const ss_sandbox_field CTX[] = {{"queue", SS_SANDBOX_LOOKUP}, {"caseload", SS_SANDBOX_LOOKUP}, {NULL, 0}};
static const ss_sandbox_args VIEWS = {{PERSON, NULL, CTX}};

static bool bounded_with_views(const char *code) { return kind_with(code, BOUNDED, &VIEWS, NULL); }
static bool tables_in(const char *code, uint64_t *keys) { return kind_with(code, TABLES, &VIEWS, keys); }

static void test_plain_rules(void **state)
{
    (void)state;
    assert_true(plain_in("local FROM = '2022-08-01'\n"
                         "local function duties(person, ctx)\n"
                         "  if not person.complex then return 'none' end\n"
                         "  if ctx.date >= FROM and person.age < 18 then return 'plan_child' end\n"
                         "  return 'plan'\n"
                         "end\n"
                         "return { f = duties, tests = { { name = 'x' } } }"));
    assert_true(plain_in("local SHARE = { moderate = 0.1 }\n"
                         "return { f = function(p) return (SHARE[p.need] or 0) * 2 + #p.need end }"));
    assert_true(plain_in("return { f = function(p) return math.pi > p.age and 'a' or 'b' end }"));
}

static void test_not_plain(void **state)
{
    (void)state;
    assert_false(plain_in("return { f = function(p) while true do end end }"));
    assert_false(plain_in("return { f = function(p) local n = 0 for i = 1, 3 do n = n + i end return n end }"));
    assert_false(plain_in("return { f = function(p) for k in pairs(p) do end end }"));
    assert_false(plain_in("return { f = function(p) return math.floor(p.age) end }"));
    assert_false(plain_in("local function g(x) return x end return { f = function(p) return g(p) end }"));
    assert_false(plain_in("local n = 0 return { f = function(p) n = n + 1 return n end }"));
    assert_false(plain_in("local t = {} return { f = function(p) t.x = p.age return 'a' end }"));
    assert_false(plain_in("return { f = function(p) return { p.age } end }"));
    assert_false(plain_in("return { f = function(p) return p.need .. 'x' end }"));
    assert_false(plain_in("return { f = function(p) return function() return p end end }"));
    /* another function of the file changes what f reads */
    assert_false(plain_in("local n = 0\n"
                          "return { f = function(p) return n end, g = function() n = n + 1 end }"));
    assert_false(plain_in("local t = { x = 1 }\n"
                          "return { f = function(p) return t.x end, g = function(v) t.x = v end }"));
    /* a value f reads runs Lua code when read */
    assert_false(plain_in("local t = setmetatable({}, { __index = function(t, k) return k end })\n"
                          "return { f = function(p) return t.x end }"));
    assert_false(plain_in("local inner = setmetatable({}, { __lt = function() return true end })\n"
                          "local t = { deep = { inner } }\n"
                          "return { f = function(p) return t.deep[1] < t.deep[1] end }"));
}

/* A plain function never reaches the count hook: it is shorter than the hook's period. */
static void test_long_function_not_plain(void **state)
{
    (void)state;
    size_t cap = 64 * 1024;
    char *code = malloc(cap);
    assert_non_null(code);
    int n = snprintf(code, cap, "return { f = function(p) local a = 0\n");
    for (int i = 0; i < 1200; i++)
        n += snprintf(code + n, cap - (size_t)n, "a = a + 1\n");
    snprintf(code + n, cap - (size_t)n, "return a end }");
    assert_false(plain_in(code));
    free(code);
}

static void test_bounded_rules(void **state)
{
    (void)state;
    assert_true(bounded_in("local P = { share = 0.7 }\n"
                           "local function adult(p) return p.age >= 18 end\n"
                           "local function pick(p) if adult(p) then return 'dps' end return 'bup' end\n"
                           "return { f = function(p) if math.random() < P.share then return pick(p) end\n"
                           "  return math.floor(p.age) > 3 and 'a' or 'b' end }"));
    /* a numeric for up to the length of a table nothing can change (jackson_route.lua) */
    assert_true(bounded_in(ROUTES "return { f = function(p, s) local c = routes[s.id] local u = math.random()\n"
                           "  local cum = 0 for i = 1, #c do cum = cum + c[i][1] if u < cum then return c[i][2] end end\n"
                           "  return c[#c][2] end }"));
    /* a plain function is bounded too */
    assert_true(bounded_in("return { f = function(p) if p.complex then return 'plan' end return 'none' end }"));
    /* another function of the file may loop, as long as it calls nothing unknown */
    assert_true(bounded_in("local function seen(h, id) for i = 1, #h do if h[i] == id then return true end end end\n"
                           "return { f = function(p) return 'a' end, g = function(p) return seen(p.history, 'x') end }"));
}

static void test_not_bounded(void **state)
{
    (void)state;
    /* the loop's length could change, or is not a table's, or the steps are not 1 */
    assert_false(bounded_in(ROUTES "return { f = function(p, s) local c = routes[s.id]\n"
                            "  for i = 1, #c do end return 'a' end, g = function() routes.x = {} end }"));
    assert_false(bounded_in("return { f = function(p) for i = 1, p.age do end return 'a' end }"));
    assert_false(bounded_in(ROUTES "return { f = function(p, s) local c = routes[s.id] for i = 1, #c, 2 do end end }"));
    assert_false(bounded_in("local t = {} t[5000] = 1\n"
                            "return { f = function(p) local n = 0 for i = 1, #t do n = n + 1 end return n end }"));
    assert_false(bounded_in("return { f = function(p) for i = 1, 3 do end return 'a' end }"));
    assert_false(bounded_in("local function g(p) while true do end end return { f = function(p) return g(p) end }"));
    assert_false(bounded_in("local g; g = function(n) return g(n) end return { f = function(p) return g(1) end }"));
    assert_false(bounded_in("return { f = function(p, s, ctx) return ctx.queue('x') end }"));
    assert_false(bounded_in("return { f = function(p) return string.rep('x', 3) end }"));
    assert_false(bounded_in("return { f = function(p) return pcall(math.floor, 1) end }"));
    assert_false(bounded_in("local t = { g = math.floor } return { f = function(p) return t.g(1) end }"));
    /* another function of the file could change what f calls or reads */
    assert_false(bounded_in("local function g() return 1 end\n"
                            "return { f = function(p) return g() end, h = function() g = nil end }"));
    assert_false(bounded_in("local t = {}\n"
                            "return { f = function(p) return t.x end, h = function() setmetatable(t, {}) end }"));
    assert_false(bounded_in("return { f = function(p) return 'a' end, h = function() rawset(_ENV, 'math', 1) end }"));
    assert_false(bounded_in("return { f = function(p) return 'a' end, h = function(p) for k in pairs(p) do end end }"));
    assert_false(bounded_in("local t = setmetatable({}, { __index = function() return 1 end })\n"
                            "return { f = function(p) return t.x end }"));
}

/* What the host says of its views' lists and lookups bounds a rule such as gp_route.lua: a loop
 * over person.history, ctx.queue(id) called; only where the view is sure to be there. */
#define SEEN "local function seen(p, id) local h = p.history\n" \
             "  for i = 1, #h do if h[i] == id then return true end end return false end\n"
static void test_bounded_with_views(void **state)
{
    (void)state;
    const char *gp = SEEN "return { f = function(p, d, ctx) if seen(p, 'x') then return 'a' end\n"
                     "  return ctx.queue('x') > 3 and 'b' or 'c' end }";
    assert_true(bounded_with_views(gp));
    assert_false(bounded_in(gp));                           /* nothing known of the arguments */
    assert_false(bounded_with_views(SEEN "return { f = function(p, d, ctx) return seen(d, 'x') end }"));
    assert_false(bounded_with_views("return { f = function(p) p = p.other local h = p.history\n"
                                    "  for i = 1, #h do end return 'a' end }"));   /* p is no longer the view */
    assert_false(bounded_with_views("return { f = function(p, ctx) return ctx.queue('x') end }"));  /* ctx is third */
    assert_false(bounded_with_views("return { f = function(p, d, ctx) return p.queue('x') end }"));
    /* a function of the file writes a table: what ctx.queue reaches could have been made so */
    assert_false(bounded_with_views("local t = {}\n"
                                    "return { f = function(p, d, ctx) return ctx.queue('x') end, g = function() t.x = 1 end }"));
}

/* A table may stand for a view where nothing could tell them apart: no write, no type(), no
 * length, no call of an unknown function; the fields read by name are found. */
static void test_views_as_tables(void **state)
{
    (void)state;
    uint64_t keys = 0;
    assert_true(tables_in("return { f = function(p) return p.age > 3 and p.need or 'x' end }", &keys));
    assert_int_equal(keys, 3);                              /* age, need */
    assert_true(tables_in(SEEN "return { f = function(p, d, ctx) if seen(p, 'x') and ctx.queue('x') > 1 then\n"
                          "  return 'a' end return p.severity >= 2 and 'b' or 'c' end }", &keys));
    assert_int_equal(keys, 4 | 8);                          /* history, severity */
    assert_false(tables_in("return { f = function(p) local t = {} t.x = p.age return 'a' end }", NULL));
    assert_false(tables_in("return { f = function(p) return type(p) end }", NULL));
    assert_false(tables_in("return { f = function(p) return #p end }", NULL));
    assert_false(tables_in("local function len(x) return #x end return { f = function(p) return len(p) end }", NULL));
    assert_false(tables_in("return { f = function(p) return string.rep(p.need, 2) end }", NULL));
    assert_false(tables_in("local keep return { f = function(p) keep = p return 'a' end }", NULL));
    assert_false(tables_in("local t = setmetatable({}, { __index = function(t, k) return k end })\n"
                           "return { f = function(p) return t[p] end }", NULL));
    assert_false(tables_in("local function g(p) return g(p) end return { f = function(p) return g(p) end }", NULL));
}

/* Together the calls must stay below the hook's first period. */
static void test_long_chain_not_bounded(void **state)
{
    (void)state;
    size_t cap = 64 * 1024;
    char *code = malloc(cap);
    assert_non_null(code);
    int n = snprintf(code, cap, "local function g(p) local a = 0\n");
    for (int i = 0; i < 120; i++)
        n += snprintf(code + n, cap - (size_t)n, "a = a + 1\n");
    n += snprintf(code + n, cap - (size_t)n, "return a end\nreturn { f = function(p) return ");
    for (int i = 0; i < 5; i++)
        n += snprintf(code + n, cap - (size_t)n, "g(p) + ");
    snprintf(code + n, cap - (size_t)n, "0 end }");
    assert_false(bounded_in(code));   /* 5 calls of about 240 instructions */
    free(code);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_rules),
        cmocka_unit_test(test_not_plain),
        cmocka_unit_test(test_long_function_not_plain),
        cmocka_unit_test(test_bounded_rules),
        cmocka_unit_test(test_not_bounded),
        cmocka_unit_test(test_long_chain_not_bounded),
        cmocka_unit_test(test_bounded_with_views),
        cmocka_unit_test(test_views_as_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
