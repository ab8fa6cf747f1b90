/* test_sandbox_attempts: one list of escape and exhaustion attempts, each run in the three places
 * Lua runs in samsim (as a rule at a decision point, at a scenario's top level, and as REPL
 * input), each of which must refuse it with a message that names the place (file and line, or
 * the REPL's input line) and says what was refused.
 *
 * In the attempts, VIEW is a read-only value the host made: the person view in a rule, the math
 * library's view in a scenario, the model view in the REPL. */
#include "testing.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "repl.h"
#include "scenario.h"
#include "sim.h"

typedef struct attempt {
    const char *name;
    const char *code;     /* Lua statements */
    const char *refusal;  /* the message must contain one of these ('|' between) */
} attempt;

/* the budget, or the CPU clock where the budget is not reached first (slower sanitizer builds) */
#define LIMIT "instruction limit exceeded|time limit exceeded"
#define RO "attempt to modify read-only table"

static const attempt attempts[] = {
    /* read-only means read-only, by every path */
    {"pairs hands out math", "local _, real = pairs(math)\nreal.floor = nil", RO " 'math'"},
    {"pairs hands out string", "local _, real = pairs(string)\nreal.rep = print", RO " 'string'"},
    {"pairs hands out _G", "local _, g = pairs(_G)\ng.tostring = nil", RO " '_G'"},
    {"rawset on every global table", "for _, v in pairs(_G) do\n if type(v) == 'table' then rawset(v, 'x', 1) end\nend", RO},
    {"next over a library", "local k = next(string)\nstring[k] = 1", RO " 'string'"},
    {"assign math.floor", "math.floor = function() return 0 end", RO " 'math'"},
    {"assign string.rep", "string.rep = nil", RO " 'string'"},
    {"assign table.insert", "table.insert = nil", RO " 'table'"},
    {"assign utf8.char", "utf8.char = nil", RO " 'utf8'"},
    {"assign _G.print", "_G.print = nil", RO " '_G'"},
    {"rawset math", "rawset(math, 'pi', 3)", RO " 'math'"},
    {"rawset _G", "rawset(_G, 'x', 1)", RO " '_G'"},
    {"string metatable __index", "getmetatable('').__index = {}", "attempt to index a boolean value"},
    {"string methods through the metatable", "getmetatable('').__index.rep = nil", "attempt to index a boolean value"},
    {"setmetatable on math", "setmetatable(math, {})", "cannot change a protected metatable"},
    {"setmetatable on _G", "setmetatable(_G, nil)", "cannot change a protected metatable"},
    {"math's metatable", "getmetatable(math).__newindex = nil", "attempt to index a boolean value"},
    {"string.dump", "string.dump(print)", "attempt to call a nil value (field 'dump')"},
    {"bytecode through load", "local f, e = load('\\27Lua')\nif not f then error(e) end", "attempt to load a binary chunk"},
    {"require", "require('os')", "undeclared global 'require'"},
    {"dofile", "dofile('/etc/passwd')", "undeclared global 'dofile'"},
    {"loadfile", "loadfile('/etc/passwd')", "undeclared global 'loadfile'"},
    {"io", "io.open('/etc/passwd')", "undeclared global 'io'"},
    {"os", "os.execute('id')", "undeclared global 'os'"},
    {"debug", "debug.getregistry()", "undeclared global 'debug'"},
    {"collectgarbage", "collectgarbage()", "undeclared global 'collectgarbage'"},
    {"coroutine", "coroutine.wrap(print)", "undeclared global 'coroutine'"},
    {"package", "package.loaded.string.rep = nil", "undeclared global 'package'"},
    {"__gc finalizer", "setmetatable({}, {__gc = function() while true do end end})", "__gc metamethods are not allowed"},
    {"reseeding", "math.randomseed(1)", "math.randomseed is not available"},
    /* the host's views */
    {"the view's metatable", "getmetatable(VIEW).__index = function() return 0 end", "attempt to index a boolean value"},
    {"the view's metatable, kept", "local mt = getmetatable(VIEW)\nmt.__newindex = nil", "attempt to index a boolean value (local 'mt')"},
    {"replace the view's metatable", "setmetatable(VIEW, {})", "cannot change a protected metatable|table expected, got person"},
    {"rawset the view", "rawset(VIEW, 'id', 1)", RO "|table expected, got person"},
    {"assign into the view", "VIEW.id = 5", "read-only"},
    {"pairs hands out the view's table", "local _, real = pairs(VIEW)\nreal.x = 1", "read-only|table expected, got person"},
    /* exhaustion: time in the VM and in C */
    {"endless loop", "while true do end", LIMIT},
    {"pcall swallows the limit", "pcall(function() while true do end end)\nwhile true do end", LIMIT},
    {"xpcall handler loops", "xpcall(function() while true do end end, function() while true do end end)", LIMIT},
    {"endless tail calls", "local function f() return f() end\nf()", LIMIT},
    {"backtracking find", "local s = ('a'):rep(3000)\ns:find('.-.-.-.-.-.-b')", LIMIT},
    {"backtracking gsub", "local s = ('a'):rep(100000)\ns:gsub('a*a*a*a*a*b', '')", LIMIT},
    {"backtracking match", "local s = ('a'):rep(5000)\ns:match('^(a-)(a-)(a-)(a-)b')", LIMIT},
    {"table.move over a huge range", "table.move({}, 1, 1e15, 2)", LIMIT},
    {"table.sort in a loop", "local t = {}\nfor i = 1, 200000 do t[i] = -i end\nfor _ = 1, 1e6 do table.sort(t) end", LIMIT},
    {"empty string.rep", "local s = (''):rep(2^62)", LIMIT},
    {"table.concat through __index", "table.concat(setmetatable({}, {__index = function() return 'x' end}), '', 1, 1e12)", LIMIT},
    {"table.unpack of a huge range", "table.unpack({}, 1, 1e8)", LIMIT},
    {"table.insert with a huge __len", "local t = setmetatable({}, {__len = function() return 1e15 end})\ntable.insert(t, 1, 0)", LIMIT},
    {"table.remove in a loop", "local t = {}\nfor i = 1, 300000 do t[i] = i end\nfor i = 1, 300000 do table.remove(t, 1) end", LIMIT},
    {"upper of a big string in a loop", "local s = ('a'):rep(2^20)\nfor i = 1, 1e6 do s:upper() end", LIMIT},
    {"parsing a huge chunk", "load(('x = 1 '):rep(1e7))", LIMIT "|not enough memory"},
    {"pairs over a big table in a loop", "local t = {}\nfor i = 1, 100000 do t[i] = i end\nfor _ = 1, 1e6 do for _ in pairs(t) do break end end", LIMIT},
    {"copying a big string in a loop", "local s = ('x'):rep(2e7)\nfor i = 1, 1e9 do local t = s .. 'y' end", LIMIT},
    {"comparing big strings in a loop", "local s, u = ('x'):rep(2e7), ('x'):rep(2e7)\nfor i = 1, 1e9 do local t = s == u end", LIMIT},
    {"looping __tostring", "string.format('%s', setmetatable({}, {__tostring = function() while true do end end}))", LIMIT},
    {"looping __pairs", "for _ in pairs(setmetatable({}, {__pairs = function() while true do end end})) do end", LIMIT},
    {"error object with looping __tostring", "error(setmetatable({}, {__tostring = function() while true do end end}))", LIMIT "|error in error handling"},
    {"erroring __tostring", "tostring(setmetatable({}, {__tostring = function() error('boom') end}))", "boom"},
    {"recursive __index", "local t = setmetatable({}, {})\ngetmetatable(t).__index = function(s, k) return s[k] end\nlocal x = t.x", "stack overflow|" LIMIT},
    {"deep recursion", "local function f() return 1 + f() end\nf()", "stack overflow|" LIMIT},
    /* exhaustion: memory */
    {"doubling a string", "local s = 'x'\nfor i = 1, 40 do s = s .. s end", "not enough memory"},
    {"gsub bomb", "local s = ('x'):rep(10000)\nfor i = 1, 30 do s = s:gsub('.', '%0%0') end", "not enough memory|" LIMIT},
    {"many big strings", "local t = {}\nfor i = 1, 1e9 do t[i] = ('x'):rep(5e6) .. i end", "not enough memory|" LIMIT},
    {"a huge table", "local t = {}\nfor i = 1, 1e9 do t[i] = {i} end", "not enough memory|" LIMIT},
};

#define NATTEMPTS (sizeof attempts / sizeof *attempts)

/* Does msg contain one of the '|'-separated alternatives? */
static int refused_as(const char *msg, const char *alternatives)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", alternatives);
    char *save = NULL;
    for (char *alt = strtok_r(buf, "|", &save); alt; alt = strtok_r(NULL, "|", &save))
        if (strstr(msg, alt))
            return 1;
    return 0;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

typedef struct fixture {
    char dir[64];
    char base[1024];  /* absolute path of tests/fixtures/base.lua */
} fixture;

static int setup(void **state)
{
    fixture *x = calloc(1, sizeof *x);
    snprintf(x->dir, sizeof x->dir, "/tmp/test_attempts_XXXXXX");
    if (!mkdtemp(x->dir)) return -1;
    char cwd[900];
    if (!getcwd(cwd, sizeof cwd)) return -1;
    snprintf(x->base, sizeof x->base, "%s/tests/fixtures/base.lua", cwd);
    char rules[128];
    snprintf(rules, sizeof rules, "%s/rules", x->dir);
    mkdir(rules, 0700);
    *state = x;
    return 0;
}

static int teardown(void **state)
{
    fixture *x = *state;
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", x->dir);
    int rc = system(cmd);
    free(x);
    return rc == 0 ? 0 : -1;
}

/* ---- harness 1: a rule at the route decision point ---------------------------------------- */

static void as_rule(fixture *x, const attempt *a, char *msg, size_t n)
{
    char path[256], text[4096];
    snprintf(path, sizeof path, "%s/rules/attempt.lua", x->dir);
    snprintf(text, sizeof text, "return function(person, door, ctx)\n  local VIEW = person\n%s\n  return 'intake'\nend\n", a->code);
    write_file(path, text);
    snprintf(path, sizeof path, "%s/rule.lua", x->dir);
    snprintf(text, sizeof text, "return { extends = '%s', doors = { gp = { route = 'rules/attempt.lua' } } }\n", x->base);
    write_file(path, text);
    ss_diag d = {{0}};
    ss_scenario *sc = ss_scenario_load(path, NULL, &d);
    if (!sc) fail_msg("%s: the scenario does not load: %s", a->name, d.msg);
    ss_sim *s = ss_sim_new(ss_scenario_model(sc), &d);
    if (!s) fail_msg("%s: %s", a->name, d.msg);
    ss_rep_result r;
    int rc = ss_sim_run(s, 1, 0, &r, &d);
    if (rc == 0) ss_rep_result_free(&r);
    ss_sim_free(s);
    ss_scenario_free(sc);
    if (rc == 0) fail_msg("%s: the rule ran without an error", a->name);
    snprintf(msg, n, "%s", d.msg);
    if (!strstr(msg, "rules/attempt.lua:") || !strstr(msg, "error in rule 'route' (person "))
        fail_msg("%s: the message does not name the rule's file, line and person: %s", a->name, msg);
}

/* ---- harness 2: a scenario file's top level ------------------------------------------------ */

static void as_scenario(fixture *x, const attempt *a, char *msg, size_t n)
{
    char path[256], text[4096];
    snprintf(path, sizeof path, "%s/attempt.lua", x->dir);
    snprintf(text, sizeof text, "local VIEW = math\n%s\nreturn { extends = '%s' }\n", a->code, x->base);
    write_file(path, text);
    ss_diag d = {{0}};
    ss_scenario *sc = ss_scenario_load(path, NULL, &d);
    if (sc) {
        ss_scenario_free(sc);
        fail_msg("%s: the scenario loaded", a->name);
    }
    snprintf(msg, n, "%s", d.msg);
    if (strncmp(msg, path, strlen(path)) != 0)
        fail_msg("%s: the message does not start with the scenario's file: %s", a->name, msg);
}

/* ---- harness 3: REPL input ----------------------------------------------------------------- */

static void as_repl(fixture *x, const attempt *a, char *msg, size_t n)
{
    ss_stop_flag flag = 0;
    repl r;
    char *out = NULL, *err = NULL;
    size_t nout = 0, nerr = 0;
    repl_init(&r, &flag);
    r.out = open_memstream(&out, &nout);
    r.err = open_memstream(&err, &nerr);
    ss_diag d;
    assert_int_equal(repl_lua_init(&r, &d), 0);
    char load[1100];
    snprintf(load, sizeof load, "load %s", x->base);
    assert_int_equal(repl_dispatch(&r, load), 0);
    char code[4096];
    snprintf(code, sizeof code, "local VIEW = model\n%s", a->code);
    int before = r.errors;
    repl_lua_eval(&r, code, false, 1, true);
    int failed = r.errors > before;
    fclose(r.out);
    fclose(r.err);
    repl_fini(&r);
    snprintf(msg, n, "%s", err ? err : "");
    free(out);
    free(err);
    if (!failed) fail_msg("%s: the REPL ran it without an error", a->name);
    if (strncmp(msg, "<stdin>:", 8) != 0)
        fail_msg("%s: the message does not name the input line: %s", a->name, msg);
}

/* ---- the three runs of the list ------------------------------------------------------------ */

typedef void harness(fixture *x, const attempt *a, char *msg, size_t n);

static void run_all(void **state, harness *h, const char *where)
{
    fixture *x = *state;
    assert_true(NATTEMPTS >= 40);
    for (size_t i = 0; i < NATTEMPTS; i++) {
        char msg[4096];
        h(x, &attempts[i], msg, sizeof msg);
        if (!refused_as(msg, attempts[i].refusal))
            fail_msg("%s, %s: expected \"%s\", got: %s", where, attempts[i].name, attempts[i].refusal, msg);
    }
}

static void test_attempts_as_rules(void **state) { run_all(state, as_rule, "as a rule"); }
static void test_attempts_in_scenarios(void **state) { run_all(state, as_scenario, "in a scenario"); }
static void test_attempts_in_the_repl(void **state) { run_all(state, as_repl, "in the REPL"); }

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_attempts_as_rules, setup, teardown),
        cmocka_unit_test_setup_teardown(test_attempts_in_scenarios, setup, teardown),
        cmocka_unit_test_setup_teardown(test_attempts_in_the_repl, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
