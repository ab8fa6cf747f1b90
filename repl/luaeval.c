/* luaeval: what the REPL does with input that is not a command — Lua, as lua.c runs it.
 *
 * The chunk runs in the sandbox (every call through ss_sandbox_call, so the instruction budget
 * and Ctrl-C apply) with an environment of its own:
 *   - names the planner assigns (x = 3) are kept between inputs, as in lua.c;
 *   - `model`, `results` and `previous` are read-only views: the resolved scenario and the
 *     summaries of the newest run and the one before;
 *   - any other name is a safe global, or the sandbox's "undeclared global" error;
 *   - print writes to stdout (rules print to stderr; here printing is the point).
 * A figure in `results` is an estimate: it prints as "22.03 [14.92, 29.15]", has the fields
 * mean, ci_low, ci_high, sd and n, and takes part in arithmetic and comparisons by its mean. */
#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "repl.h"

#define ESTIMATE_META "samsim.repl.estimate"
#define CHUNK "input"

/* ---- read-only views ------------------------------------------------------------------------ */

/* view.__newindex; upvalue 1 says how to change the thing instead. */
static int view_refuse(lua_State *L)
{
    return luaL_error(L, "%s", lua_tostring(L, lua_upvalueindex(1)));
}

/* The iterator pairs() gives for a view: next() over the real table (upvalue 1), which stays
 * out of the planner's reach (returning it as pairs()'s state would hand it out). */
static int view_next(lua_State *L)
{
    lua_settop(L, 2);
    if (lua_next(L, lua_upvalueindex(1))) return 2;
    lua_pushnil(L);
    return 1;
}

/* view.__pairs: upvalue 1 is the real table. */
static int view_pairs(lua_State *L)
{
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushcclosure(L, view_next, 1);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

static int view_len(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, lua_upvalueindex(1)));
    return 1;
}

static void copy_estimate_methods(lua_State *L, int mt)
{
    luaL_getmetatable(L, ESTIMATE_META);               /* emt */
    lua_pushnil(L);
    while (lua_next(L, -2)) {                          /* emt k v */
        lua_pushvalue(L, -2);
        lua_insert(L, -2);                             /* emt k k v */
        lua_rawset(L, mt);                             /* emt k */
    }
    lua_pop(L, 1);
}

/* Replace the table at the top (and every table inside it) by a read-only view of it. */
static void make_view(lua_State *L, const char *refusal)
{
    int real = lua_gettop(L);
    bool estimate = lua_getmetatable(L, real) && (luaL_getmetatable(L, ESTIMATE_META), lua_rawequal(L, -1, -2));
    lua_settop(L, real);
    lua_pushnil(L);
    while (lua_next(L, real)) {                        /* real k v */
        if (lua_istable(L, -1)) {
            make_view(L, refusal);                     /* real k view */
            lua_pushvalue(L, -2);
            lua_insert(L, -2);                         /* real k k view */
            lua_rawset(L, real);                       /* real k */
        } else {
            lua_pop(L, 1);
        }
    }
    lua_newtable(L);                                   /* real proxy */
    lua_createtable(L, 0, 8);                          /* real proxy mt */
    int mt = lua_gettop(L);
    if (estimate) copy_estimate_methods(L, mt);
    lua_pushvalue(L, real);
    lua_setfield(L, mt, "__index");
    lua_pushstring(L, refusal);
    lua_pushcclosure(L, view_refuse, 1);
    lua_setfield(L, mt, "__newindex");
    lua_pushvalue(L, real);
    lua_pushcclosure(L, view_pairs, 1);
    lua_setfield(L, mt, "__pairs");
    lua_pushvalue(L, real);
    lua_pushcclosure(L, view_len, 1);
    lua_setfield(L, mt, "__len");
    lua_pushboolean(L, 1);
    lua_setfield(L, mt, "__view");
    lua_pushliteral(L, "view");                        /* rawset refuses it (sandbox.c) */
    lua_setfield(L, mt, "__readonly");
    lua_pushboolean(L, 0);
    lua_setfield(L, mt, "__metatable");                /* getmetatable cannot reach the real table */
    lua_setmetatable(L, -2);                           /* real proxy */
    lua_remove(L, real);                               /* proxy */
}

/* ---- estimates ------------------------------------------------------------------------------ */

/* The number an operand stands for: itself, or an estimate's mean. */
static lua_Number operand(lua_State *L, int i)
{
    if (lua_type(L, i) == LUA_TNUMBER) return lua_tonumber(L, i);
    if (lua_istable(L, i) && luaL_getmetafield(L, i, "__estimate") != LUA_TNIL) {
        lua_pop(L, 1);
        lua_getfield(L, i, "mean");
        if (lua_type(L, -1) != LUA_TNUMBER)
            luaL_error(L, "this figure has no value in this run");
        lua_Number x = lua_tonumber(L, -1);
        lua_pop(L, 1);
        return x;
    }
    return luaL_error(L, "attempt to do arithmetic with a %s value", luaL_typename(L, i));
}

/* __add, __sub, ...: upvalue 1 is the LUA_OP code. */
static int estimate_arith(lua_State *L)
{
    int op = (int)lua_tointeger(L, lua_upvalueindex(1));
    lua_Number a = operand(L, 1), b = operand(L, 2);
    lua_pushnumber(L, a);
    if (op != LUA_OPUNM) lua_pushnumber(L, b);
    lua_arith(L, op);
    return 1;
}

static int estimate_lt(lua_State *L) { lua_pushboolean(L, operand(L, 1) < operand(L, 2)); return 1; }
static int estimate_le(lua_State *L) { lua_pushboolean(L, operand(L, 1) <= operand(L, 2)); return 1; }

static int estimate_tostring(lua_State *L)
{
    ss_buf b = {0};
    repl_tree_write(&b, L, 1, 0, REPL_TREE_DISPLAY);
    lua_pushstring(L, b.s);
    ss_buf_free(&b);
    return 1;
}

static int estimate_concat(lua_State *L)
{
    luaL_tolstring(L, 1, NULL);
    luaL_tolstring(L, 2, NULL);
    lua_concat(L, 2);
    return 1;
}

static void make_estimate_meta(lua_State *L)
{
    static const struct { const char *name; int op; } ops[] = {
        {"__add", LUA_OPADD}, {"__sub", LUA_OPSUB}, {"__mul", LUA_OPMUL}, {"__div", LUA_OPDIV},
        {"__mod", LUA_OPMOD}, {"__pow", LUA_OPPOW}, {"__unm", LUA_OPUNM}, {"__idiv", LUA_OPIDIV}};
    luaL_newmetatable(L, ESTIMATE_META);               /* mt */
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
        lua_pushinteger(L, ops[i].op);
        lua_pushcclosure(L, estimate_arith, 1);
        lua_setfield(L, -2, ops[i].name);
    }
    static const luaL_Reg compare_and_print[] = {{"__lt", estimate_lt}, {"__le", estimate_le},
        {"__tostring", estimate_tostring}, {"__concat", estimate_concat}, {NULL, NULL}};
    luaL_setfuncs(L, compare_and_print, 0);
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, "__estimate");
    lua_pop(L, 1);
}

static void set_number(lua_State *L, const char *k, double x)
{
    if (isfinite(x)) {
        lua_pushnumber(L, x);
        lua_setfield(L, -2, k);
    }
}

static void push_estimate(lua_State *L, const ss_estimate *e)
{
    lua_createtable(L, 0, 5);
    set_number(L, "mean", e->mean);
    set_number(L, "ci_low", e->ci_low);
    set_number(L, "ci_high", e->ci_high);
    set_number(L, "sd", e->sd);
    lua_pushinteger(L, e->n);
    lua_setfield(L, -2, "n");
    luaL_setmetatable(L, ESTIMATE_META);
}

/* ---- the results view ------------------------------------------------------------------------ */

static void push_service_results(lua_State *L, const ss_study *st, int s)
{
    lua_createtable(L, 0, SS_SERVICE_METRICS + 2);
    lua_pushstring(L, st->names[s]);
    lua_setfield(L, -2, "name");
    lua_pushnumber(L, st->fte[s]);
    lua_setfield(L, -2, "fte");
    for (int m = 0; m < SS_SERVICE_METRICS; m++) {
        push_estimate(L, &st->summary.service[(long)s * SS_SERVICE_METRICS + m]);
        lua_setfield(L, -2, ss_service_metric_info[m].name);
    }
}

static void push_results(lua_State *L, const repl_run *run)
{
    const ss_study *st = &run->st;
    lua_createtable(L, 0, 6);
    lua_pushstring(L, st->info.scenario_path);
    lua_setfield(L, -2, "scenario");
    lua_pushstring(L, st->info.scenario_name);
    lua_setfield(L, -2, "name");
    lua_pushinteger(L, (lua_Integer)st->info.seed);
    lua_setfield(L, -2, "seed");
    lua_pushinteger(L, st->nreps);
    lua_setfield(L, -2, "replications");
    lua_createtable(L, 0, st->info.nservices);
    for (int s = 0; s < st->info.nservices; s++) {
        push_service_results(L, st, s);
        lua_setfield(L, -2, st->ids[s]);
    }
    lua_setfield(L, -2, "services");
    lua_createtable(L, 0, SS_SYSTEM_METRICS);
    for (int m = 0; m < SS_SYSTEM_METRICS; m++) {
        push_estimate(L, &st->summary.system[m]);
        lua_setfield(L, -2, ss_system_metric_info[m].name);
    }
    lua_setfield(L, -2, "system");
    make_view(L, "results are read-only: they change with each 'run'");
}

static void set_view(repl *r, const char *name)
{
    lua_State *L = ss_sandbox_lua(r->sb);              /* value */
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->views_ref);   /* value views */
    lua_insert(L, -2);                                 /* views value */
    lua_setfield(L, -2, name);                         /* views */
    lua_pop(L, 1);
}

void repl_lua_results_changed(repl *r)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    if (r->last) push_results(L, r->last); else lua_pushnil(L);
    set_view(r, "results");
    if (r->prev) push_results(L, r->prev); else lua_pushnil(L);
    set_view(r, "previous");
}

void repl_lua_model_changed(repl *r)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    ss_diag d;
    if (!r->cur || repl_tree_push(r->sb, r->cur->sc, false, &d) < 0)
        lua_pushnil(L);  /* the scenario loaded a moment ago, so this does not fail in practice */
    else
        make_view(L, "the model is read-only: change it with 'set PATH VALUE'");
    set_view(r, "model");
}

/* ---- the environment ------------------------------------------------------------------------ */

/* env.__index: a view, then a safe global, else the same error as everywhere in the sandbox
 * (raised here, so it carries the input's line).  Upvalue 1: the views. */
static int env_index(lua_State *L)
{
    static const char *const absent[][2] = {
        {"model", "no scenario loaded: 'load FILE' first"},
        {"results", "no results yet: 'run' first"},
        {"previous", "no previous run yet: 'previous' is the run before the last"}};
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) return 1;
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, -2) != LUA_TNIL) return 1;
    const char *name = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    for (size_t i = 0; i < sizeof absent / sizeof *absent; i++)
        if (strcmp(name, absent[i][0]) == 0) return luaL_error(L, "%s", absent[i][1]);
    return luaL_error(L, "undeclared global '%s'", name);
}

/* env.__newindex: the planner's own names are kept; the views' names are not theirs to take. */
static int env_newindex(lua_State *L)
{
    static const char *const reserved[] = {"model", "results", "previous", "print"};
    bool taken = false;
    for (size_t i = 0; i < sizeof reserved / sizeof *reserved; i++)
        taken |= lua_type(L, 2) == LUA_TSTRING && strcmp(lua_tostring(L, 2), reserved[i]) == 0;
    if (taken)
        return luaL_error(L, "'%s' belongs to samsim and cannot be assigned", lua_tostring(L, 2));
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 0;
}

/* print to stdout; upvalue 1 is the FILE. */
static int repl_print(lua_State *L)
{
    FILE *f = lua_touserdata(L, lua_upvalueindex(1));
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        size_t len;
        const char *s = luaL_tolstring(L, i, &len);
        if (i > 1) fputc('\t', f);
        fwrite(s, 1, len, f);
        lua_pop(L, 1);
    }
    fputc('\n', f);
    return 0;
}

int repl_lua_init(repl *r, ss_diag *d)
{
    r->sb = ss_sandbox_new(NULL, d);
    if (!r->sb) return -1;
    ss_sandbox_set_interrupt(r->sb, r->interrupt);
    lua_State *L = ss_sandbox_lua(r->sb);
    make_estimate_meta(L);
    lua_newtable(L);                                   /* views */
    lua_pushlightuserdata(L, r->out);
    lua_pushcclosure(L, repl_print, 1);
    lua_setfield(L, -2, "print");
    lua_newtable(L);                                   /* views env */
    lua_createtable(L, 0, 3);                          /* views env mt */
    lua_pushvalue(L, -3);
    lua_pushcclosure(L, env_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushvalue(L, -3);
    lua_pushcclosure(L, env_newindex, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);                             /* hidden, like every metatable samsim sets */
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);                           /* views env */
    r->env_ref = luaL_ref(L, LUA_REGISTRYINDEX);       /* views */
    r->views_ref = luaL_ref(L, LUA_REGISTRYINDEX);     /* */
    return 0;
}

/* ---- evaluating ------------------------------------------------------------------------------ */

static bool ends_with_eof(const char *msg)
{
    size_t n = strlen(msg), k = strlen("<eof>");
    return n >= k && strcmp(msg + n - k, "<eof>") == 0;
}

/* "input:2: text" becomes "<stdin>:8: text" (the chunk began on line 7 of the session). */
static void report(repl *r, const char *msg, int first_line)
{
    char loc[256];
    const char *text;
    ss_sandbox_split_location(msg, loc, sizeof loc, &text);
    int line = 1;
    if (strncmp(loc, CHUNK ":", strlen(CHUNK ":")) == 0)
        line = atoi(loc + strlen(CHUNK ":"));
    else
        text = msg;
    int saved = r->lineno;
    r->lineno = first_line + line - 1;
    repl_fail(r, NULL, -1, "%s", text);
    r->lineno = saved;
}

static int load(repl *r, const char *prefix, const char *code, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    ss_buf b = {0};
    ss_buf_str(&b, prefix);
    ss_buf_str(&b, code);
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->env_ref);     /* env */
    int rc = ss_sandbox_load(r->sb, b.s, b.n, CHUNK, -1, d);
    lua_remove(L, -1 - (rc == 0));                     /* f | */
    ss_buf_free(&b);
    return rc;
}

/* Writes its arguments into the buffer (upvalue 1) as lua.c prints them, tab between. */
static int write_values(lua_State *L)
{
    ss_buf *b = lua_touserdata(L, lua_upvalueindex(1));
    for (int i = 1; i <= lua_gettop(L); i++) {
        if (i > 1) ss_buf_str(b, "\t");
        repl_tree_write(b, L, i, 0, REPL_TREE_DISPLAY);
    }
    return 0;
}

/* The values a chunk returned, tables as Lua.  Written inside the gateway, so that whatever a
 * value holds is read under the limits and an error is reported, never a panic. */
static void print_values(repl *r, int first, int n, int first_line)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    ss_buf b = {0};
    lua_pushlightuserdata(L, &b);
    lua_pushcclosure(L, write_values, 1);              /* values f */
    lua_insert(L, first);                              /* f values */
    ss_diag d;
    if (ss_sandbox_call(r->sb, n, 0, &d) < 0) report(r, d.msg, first_line);
    else fprintf(r->out, "%s\n", b.s ? b.s : "");
    ss_buf_free(&b);
}

static void run_chunk(repl *r, int first_line)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    int base = lua_gettop(L);                          /* f at base */
    ss_diag d;
    if (ss_sandbox_call(r->sb, 0, LUA_MULTRET, &d) < 0) {
        report(r, d.msg, first_line);
    } else if (lua_gettop(L) >= base) {
        print_values(r, base, lua_gettop(L) - base + 1, first_line);
    }
    lua_settop(L, base - 1);
    if (*r->interrupt) repl_interrupted(r);
}

bool repl_lua_eval(repl *r, const char *code, bool as_return, int first_line, bool final)
{
    ss_diag d;
    int rc = load(r, "return ", code, &d);             /* an expression prints its value */
    if (rc < 0 && !as_return)
        rc = load(r, "", code, &d);                    /* else a statement */
    if (rc < 0) {
        if (!final && ends_with_eof(d.msg))
            return false;                              /* the input goes on: read another line */
        report(r, d.msg, first_line);
        return true;
    }
    run_chunk(r, first_line);
    return true;
}
