/* ruletest_views: values described for messages, and the views a case gives its rule. */
#include "reader.h"
#include "ruletest_parts.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

/* ================================================================ describing values */

/* The shortest %g that reads back as the same double, so an exact comparison that failed
 * shows why ("expected 0.3, got 0.30000000000000004"). */
static void format_number(double x, char *out, size_t n)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(out, n, "%.*g", prec, x);
        if (strtod(out, NULL) == x)
            return;
    }
}

/* A value for messages: strings quoted, numbers exact, other values by type.  Never converts
 * in place, so it is safe on keys during lua_next. */
void rt_describe(lua_State *L, int idx, char *out, size_t n)
{
    if (lua_type(L, idx) == LUA_TNUMBER && !lua_isinteger(L, idx))
        format_number(lua_tonumber(L, idx), out, n);
    else if (lua_type(L, idx) == LUA_TBOOLEAN)
        snprintf(out, n, "%s", lua_toboolean(L, idx) ? "true" : "false");
    else
        ss_reader_describe(L, idx, out, n);  /* strings quoted, integers, other values by type */
}

/* A key for messages: names as 'name', anything else as rt_describe() gives it. */
void rt_describe_key(lua_State *L, int idx, char *out, size_t n)
{
    if (lua_type(L, idx) == LUA_TSTRING)
        snprintf(out, n, "'%s'", lua_tostring(L, idx));
    else
        rt_describe(L, idx, out, n);
}

/* Runs check on every pair of the table at idx.  Lua seeds its string hashing afresh in every
 * process, so lua_next's order changes from run to run: of several wrong pairs, d tells about
 * the one whose key reads first, and a message is the same in every run. */
int rt_check_pairs(lua_State *L, int idx, rt_pair_check check, const void *arg, ss_diag *d)
{
    char first[128] = "", key[128];
    ss_diag one;
    bool failed = false;
    idx = lua_absindex(L, idx);
    lua_pushnil(L);                                         /* nil */
    while (lua_next(L, idx)) {                              /* k v */
        if (check(L, arg, &one) < 0) {
            rt_describe_key(L, -2, key, sizeof key);
            if (!failed || strcmp(key, first) < 0) {
                snprintf(first, sizeof first, "%s", key);
                *d = one;
            }
            failed = true;
        }
        lua_pop(L, 1);                                      /* k */
    }
    return failed ? -1 : 0;
}

/* ================================================================ views: person, service, ctx */

/* The views' fields are the engine's own table (rulefields.h): the same names, types and order
 * in messages as a rule meets in a run. */

/* ctx.queue(id) and the like: the number the case gives for id (upvalue 1), else 0. */
static int lookup(lua_State *L)
{
    luaL_checkstring(L, 1);
    lua_settop(L, 1);                                       /* id */
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNUMBER)  /* value */
        lua_pushinteger(L, 0);                              /* value 0 */
    return 1;
}

/* A fresh copy of the list at the top, so a rule that changes person.history changes nothing
 * the next call sees (the engine, too, builds a new table per read). */
static void copy_list(lua_State *L)
{
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    lua_createtable(L, (int)n, 0);                          /* list copy */
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, -2, i);                              /* list copy v */
        lua_rawseti(L, -2, i);                              /* list copy */
    }
}

/* view.__index: upvalue 1 is the case's table, 2 the ss_rule_view.  Unknown names get rules.c's
 * message; known ones the case left out are an error too, which keeps cases explicit. */
static int view_index(lua_State *L)
{
    const ss_rule_view *v = lua_touserdata(L, lua_upvalueindex(2));
    const char *k = luaL_checkstring(L, 2);
    const ss_rule_field *f = ss_rule_field_at(L, v, 2);
    lua_pushvalue(L, 2);                                    /* view k k */
    int t = lua_rawget(L, lua_upvalueindex(1));             /* view k value */
    if (f->type == SS_RF_LOOKUP) {
        if (t != LUA_TTABLE)
            lua_newtable(L);                                /* view k nil {} */
        lua_pushcclosure(L, lookup, 1);                     /* ... fn */
    } else if (t == LUA_TNIL) {
        return luaL_error(L, "%s.%s is not given in this test (add %s = ... to the test's %s)",
                          v->name, k, k, v->name);
    } else if (f->nilable && t == LUA_TBOOLEAN) {
        lua_pushnil(L);                                     /* view k false nil */
    } else if (t == LUA_TTABLE) {
        copy_list(L);                                       /* view k list copy */
    }
    return 1;
}

static int view_newindex(lua_State *L)
{
    return luaL_error(L, "the %s view is read-only", lua_tostring(L, lua_upvalueindex(1)));
}

/* Pushes a read-only view of the case's table at idx (0: the case gives none, so reading any
 * field is an error, except ctx's lookups). */
void rt_push_view(lua_State *L, int idx, const ss_rule_view *v)
{
    lua_newtable(L);                                        /* view */
    lua_createtable(L, 0, 3);                               /* view mt */
    if (idx)
        lua_pushvalue(L, idx);                              /* view mt data */
    else
        lua_newtable(L);                                    /* view mt data */
    lua_pushlightuserdata(L, (void *)v);                    /* view mt data spec */
    lua_pushcclosure(L, view_index, 2);                     /* view mt index */
    lua_setfield(L, -2, "__index");                         /* view mt */
    lua_pushstring(L, v->name);                             /* view mt name */
    lua_pushcclosure(L, view_newindex, 1);                  /* view mt newindex */
    lua_setfield(L, -2, "__newindex");                      /* view mt */
    lua_pushboolean(L, 0);                                  /* view mt false */
    lua_setfield(L, -2, "__metatable");                     /* view mt */
    lua_setmetatable(L, -2);                                /* view */
}

static const char *type_words(const ss_rule_field *f)
{
    switch (f->type) {
    case LUA_TNUMBER: return f->nilable ? "a number or false" : "a number";
    case LUA_TSTRING: return f->nilable ? "a string or false" : "a string";
    case LUA_TBOOLEAN: return "true or false";
    case LUA_TTABLE: return "a list";
    default: return "numbers by service id, e.g. { fph = 40 }";
    }
}

/* A pair of a lookup table such as ctx.queue (arg: its name): a service id and a number. */
static int check_lookup_pair(lua_State *L, const void *arg, ss_diag *d)
{
    if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TNUMBER)
        return 0;
    char key[128], val[128];
    rt_describe_key(L, -2, key, sizeof key);
    rt_describe(L, -1, val, sizeof val);
    return ss_fail(d, "ctx.%s: expected numbers by service id, e.g. { fph = 40 }, got [%s] = %s",
                   (const char *)arg, key, val);
}

/* One field of a case's view table (arg: the ss_rule_view). */
static int check_view_field(lua_State *L, const void *arg, ss_diag *d)
{
    const ss_rule_view *v = arg;
    char got[256], list[512];
    if (lua_type(L, -2) != LUA_TSTRING) {
        rt_describe(L, -2, got, sizeof got);
        return ss_fail(d, "%s: keys are field names, got %s", v->name, got);
    }
    const char *k = lua_tostring(L, -2);
    const ss_rule_field *f = ss_rule_field_find(v, k);
    if (!f) {
        ss_rule_field_list(v, list, sizeof list);
        return ss_fail(d, "%s has no field '%s' (fields: %s)", v->name, k, list);
    }
    int t = lua_type(L, -1);
    if (f->type == SS_RF_LOOKUP && t == LUA_TTABLE)
        return rt_check_pairs(L, -1, check_lookup_pair, k, d);
    if (t == f->type || (f->nilable && t == LUA_TBOOLEAN && !lua_toboolean(L, -1)))
        return 0;
    rt_describe(L, -1, got, sizeof got);
    return ss_fail(d, "%s.%s: expected %s, got %s", v->name, k, type_words(f), got);
}

/* The case's table for a view (at idx, or 0 when not given) has only the engine's fields,
 * each of the engine's type.  Raw reads: a case is data, its metamethods are not run. */
int rt_check_view(lua_State *L, int idx, const ss_rule_view *v, ss_diag *d)
{
    if (!idx)
        return 0;
    if (lua_type(L, idx) != LUA_TTABLE) {
        char got[256];
        rt_describe(L, idx, got, sizeof got);
        return ss_fail(d, "%s: expected a table of fields, got %s", v->name, got);
    }
    return rt_check_pairs(L, idx, check_view_field, v, d);
}

