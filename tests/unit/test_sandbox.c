/* test_sandbox: the Lua sandbox's promises, each checked with the exact message a user sees,
 * and after every error a second call that must still work. */
#include "testing.h"

#include <gsl/gsl_rng.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "sandbox.h"

/* ---------------------------------------------------------------- helpers */

static ss_sandbox *make(size_t memory, long budget)
{
    ss_sandbox_limits lim = {.memory_bytes = memory, .instructions_per_call = budget};
    ss_diag d = {{0}};
    ss_sandbox *sb = ss_sandbox_new(&lim, &d);
    if (!sb)
        fail_msg("ss_sandbox_new: %s", d.msg);
    return sb;
}

/* Loads and calls code with nresults results; returns ss_sandbox_load/call's result. */
static int run(ss_sandbox *sb, const char *name, const char *code, int nresults, ss_diag *d)
{
    if (ss_sandbox_load(sb, code, strlen(code), name, 0, d) != 0)
        return -1;
    return ss_sandbox_call(sb, 0, nresults, d);
}

/* The sandbox still works: a fresh chunk runs and returns the right value. */
static void assert_usable(ss_sandbox *sb)
{
    lua_State *L = ss_sandbox_lua(sb);
    int top = lua_gettop(L);
    ss_diag d = {{0}};
    if (run(sb, "after.lua", "local t = {} for i = 1, 10 do t[i] = i end return #t * 2", 1, &d))
        fail_msg("sandbox not usable after error: %s", d.msg);
    assert_int_equal(lua_tointeger(L, -1), 20);
    lua_pop(L, 1);
    assert_int_equal(lua_gettop(L), top);
}

/* code fails with exactly msg, leaves the stack as it was, and the sandbox stays usable. */
static void expect_error(ss_sandbox *sb, const char *name, const char *code, const char *msg)
{
    lua_State *L = ss_sandbox_lua(sb);
    int top = lua_gettop(L);
    ss_diag d = {{0}};
    assert_int_equal(run(sb, name, code, 0, &d), -1);
    assert_string_equal(d.msg, msg);
    assert_int_equal(lua_gettop(L), top);
    assert_usable(sb);
}

/* Runs code returning one integer. */
static lua_Integer run_int(ss_sandbox *sb, const char *code)
{
    lua_State *L = ss_sandbox_lua(sb);
    ss_diag d = {{0}};
    if (run(sb, "int.lua", code, 1, &d))
        fail_msg("%s", d.msg);
    if (!lua_isinteger(L, -1))
        fail_msg("expected an integer from: %s", code);
    lua_Integer v = lua_tointeger(L, -1);
    lua_pop(L, 1);
    return v;
}

/* Runs code returning one boolean. */
static int run_bool(ss_sandbox *sb, const char *code)
{
    lua_State *L = ss_sandbox_lua(sb);
    ss_diag d = {{0}};
    if (run(sb, "bool.lua", code, 1, &d))
        fail_msg("%s", d.msg);
    if (!lua_isboolean(L, -1))
        fail_msg("expected a boolean from: %s", code);
    int v = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

/* env.name = value (value on top, env below it), raw: environments refuse plain assignment. */
static void env_set(lua_State *L, const char *name)
{
    lua_pushstring(L, name);                     /* env v name */
    lua_insert(L, -2);                           /* env name v */
    lua_rawset(L, -3);                           /* env */
}

/* ---------------------------------------------------------------- life cycle */

static void test_new_defaults(void **state)
{
    ss_diag d = {{0}};
    ss_sandbox *sb = ss_sandbox_new(NULL, &d);
    assert_non_null(sb);
    assert_true(ss_sandbox_memory(sb) > 0);
    assert_true(ss_sandbox_memory(sb) < (size_t)1 << 20);
    assert_int_equal(lua_gettop(ss_sandbox_lua(sb)), 0);
    assert_usable(sb);
    ss_sandbox_free(sb);
    ss_sandbox_free(NULL);
}

/* ---------------------------------------------------------------- what is not there */

static void test_forbidden_globals(void **state)
{
    static const char *const names[] = {"io", "os", "package", "debug", "require", "dofile",
                                        "loadfile", "collectgarbage", "coroutine"};
    ss_sandbox *sb = make(0, 0);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char code[64], msg[128];
        snprintf(code, sizeof code, "return %s", names[i]);
        snprintf(msg, sizeof msg, "g.lua:1: undeclared global '%s'", names[i]);
        expect_error(sb, "g.lua", code, msg);
    }
    ss_sandbox_free(sb);
}

static void test_os_execute_fails_at_its_line(void **state)
{
    ss_sandbox *sb = make(0, 0);
    expect_error(sb, "rules/bad.lua", "local x = 1\nos.execute('echo pwned')\nreturn x\n",
                 "rules/bad.lua:2: undeclared global 'os'");
    expect_error(sb, "rules/bad.lua", "\n\nio.open('/etc/passwd')\n",
                 "rules/bad.lua:3: undeclared global 'io'");
    ss_sandbox_free(sb);
}

static void test_string_dump_absent(void **state)
{
    ss_sandbox *sb = make(0, 0);
    assert_true(run_bool(sb, "return string.dump == nil"));
    expect_error(sb, "s.lua", "return string.dump(print)",
                 "s.lua:1: attempt to call a nil value (field 'dump')");
    ss_sandbox_free(sb);
}

/* Writer for lua_dump: appends to a luaL_Buffer-free growing string. */
typedef struct bytes {
    char data[4096];
    size_t len;
} bytes;

static int collect(lua_State *L, const void *p, size_t sz, void *ud)
{
    bytes *b = ud;
    if (b->len + sz > sizeof b->data)
        return 1;
    memcpy(b->data + b->len, p, sz);
    b->len += sz;
    return 0;
}

/* Real bytecode, made by an ordinary (unsandboxed) state. */
static void make_bytecode(bytes *b)
{
    lua_State *L = luaL_newstate();
    assert_int_equal(luaL_loadstring(L, "return 42"), LUA_OK);
    b->len = 0;
    assert_int_equal(lua_dump(L, collect, b, 0), 0);
    lua_close(L);
    assert_true(b->len > 4);
    assert_memory_equal(b->data, LUA_SIGNATURE, 4);
}

static void test_bytecode_refused(void **state)
{
    ss_sandbox *sb = make(0, 0);
    lua_State *L = ss_sandbox_lua(sb);
    bytes b;
    make_bytecode(&b);
    ss_diag d = {{0}};
    assert_int_equal(ss_sandbox_load(sb, b.data, b.len, "evil.luac", 0, &d), -1);
    assert_string_equal(d.msg, "evil.luac: binary chunks are not allowed");
    assert_int_equal(lua_gettop(L), 0);

    /* and from inside Lua, whatever mode the rule asks for */
    static const char *const calls[] = {"local b = ... return load(b)",
                                        "local b = ... return load(b, 'x', 'b')",
                                        "local b = ... return load(b, 'x', 'bt', {})"};
    for (size_t i = 0; i < sizeof calls / sizeof *calls; i++) {
        assert_int_equal(ss_sandbox_load(sb, calls[i], strlen(calls[i]), "l.lua", 0, &d), 0);
        lua_pushlstring(L, b.data, b.len);
        assert_int_equal(ss_sandbox_call(sb, 1, 2, &d), 0);
        assert_true(lua_isnil(L, -2));
        assert_string_equal(lua_tostring(L, -1), "attempt to load a binary chunk (mode is 't')");
        lua_pop(L, 2);
    }
    assert_usable(sb);
    ss_sandbox_free(sb);
}

/* ---------------------------------------------------------------- strict globals */

static void test_global_assignment_refused(void **state)
{
    ss_sandbox *sb = make(0, 0);
    expect_error(sb, "a.lua", "local a = 1\nb = a + 1\n",
                 "a.lua:2: assignment to undeclared global 'b'");
    expect_error(sb, "a.lua", "local a = 1\n\nfunction helper() end\n",
                 "a.lua:3: assignment to undeclared global 'helper'");
    expect_error(sb, "a.lua", "_ENV[1] = true", "a.lua:1: assignment to undeclared global '1'");
    ss_sandbox_free(sb);
}

static void test_undeclared_read_refused(void **state)
{
    ss_sandbox *sb = make(0, 0);
    expect_error(sb, "r.lua", "local n = 3\nreturn n + x\n", "r.lua:2: undeclared global 'x'");
    expect_error(sb, "r.lua", "return mathh.floor(2.5)", "r.lua:1: undeclared global 'mathh'");
    ss_sandbox_free(sb);
}

static void test_locals_and_functions_work(void **state)
{
    ss_sandbox *sb = make(0, 0);
    assert_int_equal(run_int(sb, "local function fib(n) if n < 2 then return n end\n"
                                 "  return fib(n - 1) + fib(n - 2) end\n"
                                 "return fib(20)"),
                     6765);
    assert_int_equal(run_int(sb, "local function counter() local n = 0\n"
                                 "  return function() n = n + 1 return n end end\n"
                                 "local c = counter() c() c() return c()"),
                     3);
    assert_true(run_bool(sb, "return ('abc'):upper() == 'ABC' and ('x'):rep(3) == 'xxx'"));
    assert_true(run_bool(sb, "return string.format('%d-%s', 7, 'a') == '7-a'"));
    assert_true(run_bool(sb, "return table.concat({1, 2, 3}, ',') == '1,2,3'"));
    assert_true(run_bool(sb, "local t = {3, 1, 2} table.sort(t) return t[1] == 1"));
    assert_true(run_bool(sb, "return utf8.len('bl\\u{e5}b\\u{e6}r') == 6"));
    assert_int_equal(run_int(sb, "return math.floor(2.5) + math.maxinteger // math.maxinteger"), 3);
    assert_true(run_bool(sb, "return select('#', 1, 2, 3) == 3 and tostring(nil) == 'nil'"));
    assert_true(run_bool(sb, "local ok, e = pcall(error, 'x', 0) return not ok and e == 'x'"));
    assert_true(run_bool(sb, "local ok, e = xpcall(function() error('x', 0) end,\n"
                             "  function(m) return 'handled ' .. m end)\n"
                             "return not ok and e == 'handled x'"));
    assert_true(run_bool(sb, "local ok, v = xpcall(function(a, b) return a + b end, print, 1, 2)\n"
                             "return ok and v == 3"));
    assert_true(run_bool(sb, "return _G.math.floor(1.5) == 1 and _VERSION == 'Lua 5.4'"));
    /* a metatable without __gc is fine */
    assert_int_equal(run_int(sb, "return setmetatable({}, {__index = function() return 3 end}).x"),
                     3);
    ss_sandbox_free(sb);
}

static void test_load_gets_strict_env(void **state)
{
    ss_sandbox *sb = make(0, 0);
    assert_int_equal(run_int(sb, "return load('return 1 + math.floor(1.5)')()"), 2);
    assert_int_equal(run_int(sb, "return load('return z', 'c', 't', {z = 7})()"), 7);
    expect_error(sb, "l.lua", "load('y = 1')()",
                 "[string \"y = 1\"]:1: assignment to undeclared global 'y'");
    expect_error(sb, "l.lua", "load('return os', '=inner')()", "inner:1: undeclared global 'os'");
    expect_error(sb, "l.lua", "xpcall(print)",
                 "l.lua:1: bad argument #2 to 'xpcall' (function expected, got no value)");
    expect_error(sb, "l.lua", "load(42)",
                 "l.lua:1: bad argument #1 to 'load' (function expected, got number)");
    ss_sandbox_free(sb);
}

static void test_push_env_with_extra_names(void **state)
{
    ss_sandbox *sb = make(0, 0);
    lua_State *L = ss_sandbox_lua(sb);
    ss_diag d = {{0}};
    ss_sandbox_push_env(sb);                     /* env */
    lua_pushinteger(L, 41);                      /* env 41 */
    env_set(L, "answer");                        /* env */
    const char *code = "return answer + 1";
    assert_int_equal(ss_sandbox_load(sb, code, strlen(code), "e.lua", -1, &d), 0);
    assert_int_equal(ss_sandbox_call(sb, 0, 1, &d), 0);
    assert_int_equal(lua_tointeger(L, -1), 42);
    lua_pop(L, 2);
    /* the name belongs to that environment only */
    expect_error(sb, "e.lua", code, "e.lua:1: undeclared global 'answer'");
    ss_sandbox_free(sb);
}

/* ---------------------------------------------------------------- read-only libraries */

static void test_library_tables_read_only(void **state)
{
    ss_sandbox *sb = make(0, 0);
    expect_error(sb, "ro.lua", "math.floor = function() return 0 end",
                 "ro.lua:1: attempt to modify read-only table 'math'");
    expect_error(sb, "ro.lua", "\nstring.upper = nil", "ro.lua:2: attempt to modify read-only table 'string'");
    expect_error(sb, "ro.lua", "table.x = 1", "ro.lua:1: attempt to modify read-only table 'table'");
    expect_error(sb, "ro.lua", "utf8.x = 1", "ro.lua:1: attempt to modify read-only table 'utf8'");
    expect_error(sb, "ro.lua", "_G.x = 1", "ro.lua:1: attempt to modify read-only table '_G'");
    expect_error(sb, "ro.lua", "rawset(math, 'floor', 1)",
                 "ro.lua:1: attempt to modify read-only table 'math'");
    expect_error(sb, "ro.lua", "setmetatable(math, nil)",
                 "ro.lua:1: cannot change a protected metatable");
    expect_error(sb, "ro.lua", "setmetatable(_ENV, nil)",
                 "ro.lua:1: cannot change a protected metatable");
    expect_error(sb, "ro.lua", "getmetatable('').__index.upper = nil",
                 "ro.lua:1: attempt to index a boolean value");
    assert_false(run_bool(sb, "return getmetatable(math)"));
    /* nothing changed, and the library still lists its functions */
    assert_int_equal(run_int(sb, "return math.floor(2.5)"), 2);
    assert_true(run_bool(sb, "return ('abc'):upper() == 'ABC'"));
    assert_true(run_bool(sb, "local n = 0 for k, v in pairs(math) do n = n + 1 end\n"
                             "return n > 20 and rawget(math, 'floor') == nil"));
    /* rawset on an ordinary table still works */
    assert_int_equal(run_int(sb, "local t = {} rawset(t, 'k', 5) return t.k"), 5);
    ss_sandbox_free(sb);
}

static void test_gc_metamethod_refused(void **state)
{
    ss_sandbox *sb = make(0, 0);
    expect_error(sb, "gc.lua", "setmetatable({}, {__gc = function() while true do end end})",
                 "gc.lua:1: bad argument #2 to 'setmetatable' (__gc metamethods are not allowed)");
    ss_sandbox_free(sb);
}

/* ---------------------------------------------------------------- math.random */

static void test_random_from_engine_stream(void **state)
{
    ss_sandbox *sb = make(0, 0);
    lua_State *L = ss_sandbox_lua(sb);
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937), *twin = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 42);
    gsl_rng_set(twin, 42);
    ss_sandbox_set_rng(sb, r);
    ss_diag d = {{0}};
    const char *code = "local t = {}\n"
                       "for i = 1, 50 do t[#t + 1] = math.random(1, 6) end\n"
                       "for i = 1, 50 do t[#t + 1] = math.random(10) end\n"
                       "for i = 1, 50 do t[#t + 1] = math.random() end\n"
                       "return t";
    assert_int_equal(run(sb, "rnd.lua", code, 1, &d), 0);
    for (int i = 1; i <= 150; i++) {
        lua_rawgeti(L, -1, i);
        if (i <= 50) {
            assert_int_equal(lua_tointeger(L, -1), 1 + (lua_Integer)gsl_rng_uniform_int(twin, 6));
        } else if (i <= 100) {
            assert_int_equal(lua_tointeger(L, -1), 1 + (lua_Integer)gsl_rng_uniform_int(twin, 10));
        } else {
            assert_false(lua_isinteger(L, -1));
            double x = lua_tonumber(L, -1);
            assert_true(x >= 0 && x < 1);
            assert_near(x, gsl_rng_uniform(twin), 0);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    /* ranges hold, also for negative and the widest intervals */
    assert_true(run_bool(sb, "for i = 1, 1000 do local x = math.random(-3, -1)\n"
                             "  if x < -3 or x > -1 or math.type(x) ~= 'integer' then return false end\n"
                             "  local y = math.random(math.mininteger, math.maxinteger)\n"
                             "  local z = math.random(0) local w = math.random(5, 5)\n"
                             "  if math.type(y) ~= 'integer' or math.type(z) ~= 'integer' or w ~= 5\n"
                             "  then return false end\n"
                             "  local v = math.random(0, 1 << 40)\n"
                             "  if v < 0 or v > 1 << 40 then return false end\n"
                             "end return true"));
    expect_error(sb, "m.lua", "return math.random(3, 1)",
                 "m.lua:1: bad argument #1 to 'random' (interval is empty)");
    expect_error(sb, "m.lua", "return math.random(1, 2, 3)", "m.lua:1: wrong number of arguments");
    expect_error(sb, "m.lua", "return math.random(1.5)",
                 "m.lua:1: bad argument #1 to 'random' (number has no integer representation)");
    ss_sandbox_set_rng(sb, NULL);
    expect_error(sb, "m.lua", "\nreturn math.random()", "m.lua:2: math.random: no random stream here");
    gsl_rng_free(r);
    gsl_rng_free(twin);
    ss_sandbox_free(sb);
}

static void test_randomseed_refused(void **state)
{
    ss_sandbox *sb = make(0, 0);
    expect_error(sb, "m.lua", "math.randomseed(1)",
                 "m.lua:1: math.randomseed is not available: rules draw from the engine's "
                 "random stream");
    ss_sandbox_free(sb);
}

/* ---------------------------------------------------------------- instruction budget */

#define LOOP_MSG(loc) loc ": instruction limit exceeded (100000 instructions): is there an endless loop?"

/* tick(): counts calls, so a test can see how far a loop got before it was stopped. */
static int tick(lua_State *L)
{
    long *n = lua_touserdata(L, lua_upvalueindex(1));
    ++*n;
    return 0;
}

static void test_endless_loop_stops(void **state)
{
    ss_sandbox *sb = make(0, 100000);
    lua_State *L = ss_sandbox_lua(sb);
    expect_error(sb, "loop.lua", "while true do end", LOOP_MSG("loop.lua:1"));
    expect_error(sb, "loop.lua", "local i = 0\nrepeat\n  i = i + 1\nuntil false",
                 LOOP_MSG("loop.lua:3"));

    /* it stops within the budget: each turn of this loop costs 3 instructions */
    long ticks = 0;
    ss_diag d = {{0}};
    ss_sandbox_push_env(sb);                     /* env */
    lua_pushlightuserdata(L, &ticks);            /* env p */
    lua_pushcclosure(L, tick, 1);                /* env tick */
    env_set(L, "tick");                          /* env */
    const char *code = "while true do tick() end";
    assert_int_equal(ss_sandbox_load(sb, code, strlen(code), "t.lua", -1, &d), 0);
    assert_int_equal(ss_sandbox_call(sb, 0, 0, &d), -1);
    assert_string_equal(d.msg, LOOP_MSG("t.lua:1"));
    lua_pop(L, 1);
    assert_true(ticks > 1000);
    assert_true(ticks <= (100000 + 1000) / 3);
    assert_usable(sb);
    ss_sandbox_free(sb);
}

static void test_endless_loop_in_pcall_stops(void **state)
{
    ss_sandbox *sb = make(0, 100000);
    expect_error(sb, "p.lua", "while true do pcall(function() while true do end end) end",
                 LOOP_MSG("p.lua:1"));
    expect_error(sb, "p.lua",
                 "local n = 0\nwhile true do\n  pcall(function()\n    while true do n = n + 1 end\n"
                 "  end)\nend\n",
                 LOOP_MSG("p.lua:4"));
    /* catching it and failing differently still reports the budget */
    expect_error(sb, "p.lua",
                 "local ok = pcall(function() while true do end end)\nerror('something else')",
                 LOOP_MSG("p.lua:1"));
    expect_error(sb, "p.lua",
                 "xpcall(function() while true do end end, function(e) while true do end end)\n"
                 "error('other')",
                 LOOP_MSG("p.lua:1"));
    ss_sandbox_free(sb);
}

static void test_budget_is_per_call(void **state)
{
    ss_sandbox *sb = make(0, 100000);
    ss_diag d = {{0}};
    /* 60,000 turns each: two calls together would exceed one budget */
    for (int i = 0; i < 3; i++) {
        if (run(sb, "b.lua", "for i = 1, 60000 do end", 0, &d))
            fail_msg("call %d: %s", i, d.msg);
    }
    ss_sandbox_free(sb);
}

static void test_interrupt_stops_loop(void **state)
{
    ss_sandbox *sb = make(0, 0);
    ss_stop_flag flag = 0;
    ss_sandbox_set_interrupt(sb, &flag);
    assert_int_equal(run_int(sb, "local s = 0 for i = 1, 10000 do s = s + i end return s"),
                     50005000);
    flag = 1;
    ss_diag d = {{0}};
    assert_int_equal(run(sb, "i.lua", "local i = 0\nwhile true do i = i + 1 end", 0, &d), -1);
    assert_string_equal(d.msg, "i.lua:2: interrupted");
    assert_int_equal(run(sb, "i.lua", "while true do pcall(function() while true do end end) end",
                         0, &d),
                     -1);
    assert_string_equal(d.msg, "i.lua:1: interrupted");
    flag = 0;
    assert_usable(sb);
    ss_sandbox_set_interrupt(sb, NULL);
    assert_usable(sb);
    ss_sandbox_free(sb);
}

/* inner(f): a C helper that calls back into Lua through the gateway, as bindings may. */
static int inner(lua_State *L)
{
    ss_sandbox *sb = lua_touserdata(L, lua_upvalueindex(1));
    ss_diag d = {{0}};
    lua_pushvalue(L, 1);                         /* f f */
    if (ss_sandbox_call(sb, 0, 1, &d) != 0) {    /* f r | f */
        lua_pushstring(L, d.msg);
        return lua_error(L);
    }
    return 1;
}

static void test_nested_call_keeps_budget(void **state)
{
    ss_sandbox *sb = make(0, 100000);
    lua_State *L = ss_sandbox_lua(sb);
    static const char *const codes[] = {
        "local v = inner(function() return 5 end)\nassert(v == 5)\nwhile true do end",
        "inner(function()\n  while true do end\nend)",
    };
    static const char *const msgs[] = {LOOP_MSG("n.lua:3"), LOOP_MSG("n.lua:2")};
    for (int i = 0; i < 2; i++) {
        ss_diag d = {{0}};
        ss_sandbox_push_env(sb);                 /* env */
        lua_pushlightuserdata(L, sb);            /* env sb */
        lua_pushcclosure(L, inner, 1);           /* env inner */
        env_set(L, "inner");                      /* env */
        assert_int_equal(ss_sandbox_load(sb, codes[i], strlen(codes[i]), "n.lua", -1, &d), 0);
        assert_int_equal(ss_sandbox_call(sb, 0, 0, &d), -1);
        assert_string_equal(d.msg, msgs[i]);
        lua_pop(L, 1);
        assert_usable(sb);
    }
    ss_sandbox_free(sb);
}

/* ---------------------------------------------------------------- memory cap */

static void test_memory_bomb_stops(void **state)
{
    ss_sandbox *sb = make((size_t)8 << 20, 0);
    size_t before = ss_sandbox_memory(sb);
    expect_error(sb, "bomb.lua",
                 "local t = {} for i=1,1e9 do t[i] = string.rep('x', 1000) end",
                 "not enough memory (limit 8 MiB)");
    expect_error(sb, "bomb.lua", "local s = string.rep('x', 100000000)",
                 "not enough memory (limit 8 MiB)");
    expect_error(sb, "bomb.lua", "local t = {} for i = 1, 1e9 do t[i] = i end",
                 "not enough memory (limit 8 MiB)");
    assert_true(ss_sandbox_memory(sb) < before + ((size_t)1 << 20));
    /* a rule may catch it itself; then it just goes on */
    assert_true(run_bool(sb, "local ok, e = pcall(string.rep, 'x', 100000000)\n"
                             "return not ok and e == 'not enough memory'"));
    ss_sandbox_free(sb);
    /* caps that are not whole MiB are named as they are */
    sb = make((size_t)512 << 10, 0);
    expect_error(sb, "bomb.lua", "local t = {} for i = 1, 1e9 do t[i] = {} end",
                 "not enough memory (limit 0.5 MiB)");
    ss_sandbox_free(sb);
}

/* ---------------------------------------------------------------- messages */

static void test_syntax_error_location(void **state)
{
    ss_sandbox *sb = make(0, 0);
    ss_diag d = {{0}};
    const char *code = "local a = 1\nlocal x = = 1\n";
    assert_int_equal(ss_sandbox_load(sb, code, strlen(code), "rules/triage.lua", 0, &d), -1);
    assert_string_equal(d.msg, "rules/triage.lua:2: unexpected symbol near '='");
    assert_int_equal(lua_gettop(ss_sandbox_lua(sb)), 0);
    assert_usable(sb);
    ss_sandbox_free(sb);
}

static void test_error_objects(void **state)
{
    ss_sandbox *sb = make(0, 0);
    expect_error(sb, "e.lua", "error({})", "(error object is a table value)");
    expect_error(sb, "e.lua", "error()", "(error object is a nil value)");
    expect_error(sb, "e.lua", "error(setmetatable({}, {__tostring = function() return 'custom' end}))",
                 "custom");
    expect_error(sb, "e.lua", "error('plain', 0)", "plain");
    expect_error(sb, "e.lua", "error(42)", "42");
    expect_error(sb, "e.lua", "\nlocal t = nil\nreturn t.x",
                 "e.lua:3: attempt to index a nil value (local 't')");
    ss_sandbox_free(sb);
}

static void test_loadfile(void **state)
{
    ss_sandbox *sb = make(0, 0);
    lua_State *L = ss_sandbox_lua(sb);
    ss_diag d = {{0}};
    assert_int_equal(ss_sandbox_loadfile(sb, "/nonexistent/x.lua", NULL, 0, &d), -1);
    assert_string_equal(d.msg, "/nonexistent/x.lua: cannot open (No such file or directory)");

    char path[] = "/tmp/ss_sandbox_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *code = "local a = 1\nreturn a + nope\n";
    assert_int_equal(write(fd, code, strlen(code)), (ssize_t)strlen(code));
    close(fd);
    assert_int_equal(ss_sandbox_loadfile(sb, path, NULL, 0, &d), 0);
    assert_int_equal(ss_sandbox_call(sb, 0, 1, &d), -1);
    char want[256];
    snprintf(want, sizeof want, "%s:2: undeclared global 'nope'", path);
    assert_string_equal(d.msg, want);
    assert_int_equal(ss_sandbox_loadfile(sb, path, "rules/x.lua", 0, &d), 0);
    assert_int_equal(ss_sandbox_call(sb, 0, 1, &d), -1);
    assert_string_equal(d.msg, "rules/x.lua:2: undeclared global 'nope'");
    unlink(path);
    assert_int_equal(lua_gettop(L), 0);
    ss_sandbox_free(sb);
}

static void test_print_goes_to_stderr(void **state)
{
    ss_sandbox *sb = make(0, 0);
    ss_diag d = {{0}};
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    fflush(stderr);
    int saved = dup(2);
    dup2(fileno(tmp), 2);
    int rc = run(sb, "p.lua", "print(1, 'a', nil, true, 2.5)", 0, &d);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    assert_int_equal(rc, 0);
    char buf[128] = {0};
    rewind(tmp);
    size_t n = fread(buf, 1, sizeof buf - 1, tmp);
    fclose(tmp);
    assert_int_equal(n, strlen("1\ta\tnil\ttrue\t2.5\n"));
    assert_string_equal(buf, "1\ta\tnil\ttrue\t2.5\n");
    ss_sandbox_free(sb);
}

static void check_split(const char *msg, const char *loc, const char *text)
{
    char got[64];
    const char *rest = NULL;
    ss_sandbox_split_location(msg, got, sizeof got, &rest);
    assert_string_equal(got, loc);
    assert_string_equal(rest, text);
}

/* pairs visits keys in a fixed order, whatever the string hash seed of this process. */
static void test_pairs_order_is_fixed(void **state)
{
    ss_sandbox *sb = make(0, 0);
    lua_State *L = ss_sandbox_lua(sb);
    ss_diag d = {{0}};
    const char *code =
        "local out = {}\n"
        "for k, v in pairs({ zeta = 1, alpha = 2, [3] = 3, [1] = 4, Beta = 5, [true] = 6, [2.5] = 7 }) do\n"
        "  out[#out + 1] = tostring(k) .. '=' .. tostring(v)\n"
        "end\n"
        "return table.concat(out, ',')";
    if (run(sb, "pairs.lua", code, 1, &d)) fail_msg("%s", d.msg);
    assert_string_equal(lua_tostring(L, -1), "1=4,2.5=7,3=3,Beta=5,alpha=2,zeta=1,true=6");
    lua_pop(L, 1);
    assert_true(run_int(sb, "local n = 0 for k in pairs(math) do n = n + 1 end return n") > 20);
    expect_error(sb, "pk.lua", "for k in pairs({ [{}] = 1, [{}] = 2 }) do end",
                 "pairs: keys of type table have no fixed order; keep such values in a list and use ipairs");
    ss_sandbox_free(sb);
}

/* The CPU clock stops what the instruction count lets through: here a generous budget and a
 * short time, so the time limit is what trips (the message, not the time, is asserted). */
static void test_time_limit(void **state)
{
    ss_sandbox_limits lim = {.instructions_per_call = 4000000000000L, .seconds_per_call = 0.05};
    ss_diag d = {{0}};
    ss_sandbox *sb = ss_sandbox_new(&lim, &d);
    expect_error(sb, "slow.lua", "local x = 0\nwhile true do x = x + 1 end",
                 "slow.lua:2: time limit exceeded (0.05 s of CPU time): is there an endless loop?");
    expect_error(sb, "slow.lua", "local s = ('a'):rep(3000)\nreturn s:find('.-.-.-.-.-.-b')",
                 "slow.lua:2: time limit exceeded (0.05 s of CPU time): is there an endless loop?");
    ss_sandbox_free(sb);
}

/* Ctrl-C is noticed inside C library work too (the matcher charges as it goes). */
static void test_interrupt_stops_c_work(void **state)
{
    ss_sandbox *sb = make(0, 4000000000000L);
    ss_stop_flag flag = 1;
    ss_sandbox_set_interrupt(sb, &flag);
    expect_error(sb, "i.lua", "local s = 'a' for i = 1, 11 do s = s .. s end\nreturn s:find('.-.-.-.-.-.-b')",
                 "i.lua:2: interrupted");
    flag = 0;
    ss_sandbox_free(sb);
}

/* Neither pairs nor next over a read-only view hands out the table behind it. */
static void test_views_stay_read_only(void **state)
{
    ss_sandbox *sb = make(0, 0);
    assert_true(run_bool(sb, "local _, state = pairs(math) return state == math"));
    assert_true(run_bool(sb, "return next(math) == nil and next(_G) == nil"));
    assert_true(run_bool(sb, "local n = 0 for k, v in pairs(_G) do n = n + 1 end return n > 20"));
    expect_error(sb, "v.lua", "local _, s = pairs(string)\ns.rep = nil",
                 "v.lua:2: attempt to modify read-only table 'string'");
    assert_true(run_bool(sb, "return ('x'):rep(3) == 'xxx' and math.floor(2.5) == 2"));
    ss_sandbox_free(sb);
}

/* What C may read: plain tables (and functions), not tables with metatables. */
static void test_check_data(void **state)
{
    ss_sandbox *sb = make(0, 0);
    lua_State *L = ss_sandbox_lua(sb);
    ss_diag d = {{0}};
    assert_int_equal(run(sb, "d.lua", "local t = {a = {1, 2, {x = print}}} t.a[4] = t return t", 1, &d), 0);
    assert_int_equal(ss_sandbox_check_data(sb, -1, NULL, &d), 0);
    lua_pop(L, 1);
    assert_int_equal(run(sb, "d.lua", "return {a = {1, {b = setmetatable({}, {__index = error})}}}", 1, &d), 0);
    assert_int_equal(ss_sandbox_check_data(sb, -1, NULL, &d), -1);
    assert_string_equal(d.msg, "a[2].b: a table with a metatable is not data (its metamethods would run "
                               "outside the sandbox's limits; use a plain table)");
    lua_pop(L, 1);
    assert_int_equal(lua_gettop(L), 0);
    ss_sandbox_free(sb);
}

static void test_split_location(void **state)
{
    check_split("rules/x.lua:12: attempt to compare nil with number", "rules/x.lua:12",
                "attempt to compare nil with number");
    check_split("scen-2/a_b.c.lua:3: x: 4: y", "scen-2/a_b.c.lua:3", "x: 4: y");
    check_split("[string \"a:b\"]:1: boom", "[string \"a:b\"]:1", "boom");
    check_split("not enough memory (limit 8 MiB)", "", "not enough memory (limit 8 MiB)");
    check_split("error: 12: later", "", "error: 12: later");
    check_split("chunk:abc: x", "", "chunk:abc: x");
    check_split("chunk:12x: y", "", "chunk:12x: y");
    check_split(":12: x", "", ":12: x");
    check_split("", "", "");
    /* a location that does not fit is not cut short: none at all */
    char tiny[5];
    const char *rest = NULL;
    ss_sandbox_split_location("rules/x.lua:12: t", tiny, sizeof tiny, &rest);
    assert_string_equal(tiny, "");
    assert_string_equal(rest, "rules/x.lua:12: t");
    /* rebuilt the way the rule runner words its errors */
    char loc[64], out[256];
    ss_sandbox_split_location("rules/x.lua:12: text", loc, sizeof loc, &rest);
    snprintf(out, sizeof out, "%s: error in rule 'route' (person 7): %s", loc, rest);
    assert_string_equal(out, "rules/x.lua:12: error in rule 'route' (person 7): text");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_defaults),
        cmocka_unit_test(test_forbidden_globals),
        cmocka_unit_test(test_os_execute_fails_at_its_line),
        cmocka_unit_test(test_string_dump_absent),
        cmocka_unit_test(test_bytecode_refused),
        cmocka_unit_test(test_global_assignment_refused),
        cmocka_unit_test(test_undeclared_read_refused),
        cmocka_unit_test(test_locals_and_functions_work),
        cmocka_unit_test(test_load_gets_strict_env),
        cmocka_unit_test(test_push_env_with_extra_names),
        cmocka_unit_test(test_library_tables_read_only),
        cmocka_unit_test(test_gc_metamethod_refused),
        cmocka_unit_test(test_random_from_engine_stream),
        cmocka_unit_test(test_randomseed_refused),
        cmocka_unit_test(test_endless_loop_stops),
        cmocka_unit_test(test_endless_loop_in_pcall_stops),
        cmocka_unit_test(test_budget_is_per_call),
        cmocka_unit_test(test_interrupt_stops_loop),
        cmocka_unit_test(test_nested_call_keeps_budget),
        cmocka_unit_test(test_memory_bomb_stops),
        cmocka_unit_test(test_syntax_error_location),
        cmocka_unit_test(test_error_objects),
        cmocka_unit_test(test_loadfile),
        cmocka_unit_test(test_print_goes_to_stderr),
        cmocka_unit_test(test_split_location),
        cmocka_unit_test(test_pairs_order_is_fixed),
        cmocka_unit_test(test_time_limit),
        cmocka_unit_test(test_interrupt_stops_c_work),
        cmocka_unit_test(test_views_stay_read_only),
        cmocka_unit_test(test_check_data),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
