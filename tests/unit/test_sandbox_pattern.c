/* test_sandbox_pattern: the sandbox's own pattern matcher gives what Lua 5.4's gives (the same
 * results and the same messages for thousands of subjects and patterns, hand-picked and
 * generated), and stops a backtracking pattern at the instruction budget. */
#include "testing.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>

#include "sandbox.h"

#define CASES "tests/fixtures/sandbox/patterns.lua"

/* The output of the cases chunk run by stock Lua (malloc'd). */
static char *run_stock(void)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    if (luaL_loadfile(L, CASES) != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK)
        fail_msg("stock Lua: %s", lua_tostring(L, -1));
    char *out = strdup(lua_tostring(L, -1));
    lua_close(L);
    return out;
}

/* The same chunk in the sandbox (malloc'd). */
static char *run_sandboxed(void)
{
    ss_sandbox_limits lim = {.instructions_per_call = 2000000000L, .seconds_per_call = 600};
    ss_diag d = {{0}};
    ss_sandbox *sb = ss_sandbox_new(&lim, &d);
    assert_non_null(sb);
    if (ss_sandbox_loadfile(sb, CASES, NULL, 0, &d) < 0 || ss_sandbox_call(sb, 0, 1, &d) < 0)
        fail_msg("sandbox: %s", d.msg);
    char *out = strdup(lua_tostring(ss_sandbox_lua(sb), -1));
    lua_pop(ss_sandbox_lua(sb), 1);
    ss_sandbox_free(sb);
    return out;
}

static void test_same_as_lua(void **state)
{
    char *want = run_stock(), *got = run_sandboxed();
    int line = 1, cases = 0;
    const char *w = want, *g = got;
    while (*w && *w == *g) {
        if (*w == '\n') line++, cases++;
        w++, g++;
    }
    if (*w || *g) {
        const char *ws = w, *gs = g;
        while (ws > want && ws[-1] != '\n') ws--;
        while (gs > got && gs[-1] != '\n') gs--;
        const char *call = ws > want ? ws - 1 : ws; /* the "-- f(args)" line before */
        while (call > want && call[-1] != '\n') call--;
        fail_msg("line %d differs after %.*s\n  lua:     %.*s\n  sandbox: %.*s", line,
                 (int)strcspn(call, "\n"), call, (int)strcspn(ws, "\n"), ws,
                 (int)strcspn(gs, "\n"), gs);
    }
    assert_true(cases > 10000);
    free(want);
    free(got);
}

static void test_backtracking_is_charged(void **state)
{
    ss_diag d = {{0}};
    ss_sandbox *sb = ss_sandbox_new(NULL, &d);
    const char *code = "local s = ('a'):rep(3000)\nreturn s:find('.-.-.-.-.-.-b')\n";
    assert_int_equal(ss_sandbox_load(sb, code, strlen(code), "bt.lua", 0, &d), 0);
    assert_int_equal(ss_sandbox_call(sb, 0, 1, &d), -1);
    assert_string_equal(d.msg, "bt.lua:2: instruction limit exceeded (10000000 instructions): "
                               "is there an endless loop?");
    ss_sandbox_free(sb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_as_lua),
        cmocka_unit_test(test_backtracking_is_charged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
