/* sandbox_charge: C library functions that can do unbounded work in one call, wrapped so that
 * the work is charged to the instruction budget first.  Part of the sandbox (sandbox_parts.h). */
#include "sandbox_parts.h"

#include <assert.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "sandbox_pattern.h"

/* ---- C library work, charged ----
 * A C library function runs without the hook, so one call can do unbounded work (string.rep
 * of "" 2^62 times, table.move over 2^40 indices through C metamethods, table.sort of a
 * million items in a loop).  Each is wrapped: the wrapper estimates the work from its
 * arguments, charges it (ss_sandbox_charge raises when the budget or the clock is spent) and
 * then runs the original C function in its own frame, so the original's messages still say
 * "bad argument #1 to 'insert'". */
typedef enum {
    COST_TEXT,   /* 1 + bytes of string arguments / 64 */
    COST_LEN,    /* #t (table.insert, table.remove shift the list) */
    COST_RANGE,  /* j - i + 1 with i, j at arguments 3, 4 (concat) */
    COST_RANGE2, /* ... at arguments 2, 3 (unpack) */
    COST_MOVE,   /* e - f + 1 (table.move) */
    COST_SORT,   /* #t log #t */
    COST_REP,    /* n copies of s and sep */
} cost_kind;

/* #t as the library will see it (with __len), or 0 when arg is not a table (the original then
 * raises its own argument error). */
static lua_Integer length_of(lua_State *L, int arg)
{
    return lua_type(L, arg) == LUA_TTABLE ? luaL_len(L, arg) : 0;
}

/* Number of items from i to j, saturating; 0 when empty or the arguments are not integers. */
static long span(lua_State *L, int ai, lua_Integer di, int aj, lua_Integer dj)
{
    int oki = 1, okj = 1;
    lua_Integer i = lua_isnoneornil(L, ai) ? di : lua_tointegerx(L, ai, &oki);
    lua_Integer j = lua_isnoneornil(L, aj) ? dj : lua_tointegerx(L, aj, &okj);
    if (!oki || !okj || j < i)
        return 0;
    lua_Unsigned n = (lua_Unsigned)j - (lua_Unsigned)i;
    return n >= (lua_Unsigned)LONG_MAX ? LONG_MAX : (long)n + 1;
}

static long text_bytes(lua_State *L)
{
    long bytes = 0;
    for (int i = 1; i <= lua_gettop(L); i++)
        if (lua_type(L, i) == LUA_TSTRING)
            bytes += (long)lua_rawlen(L, i);
    return bytes;
}

static long cost_of(lua_State *L, cost_kind kind)
{
    switch (kind) {
    case COST_LEN: return 1 + (long)(length_of(L, 1) > 0 ? length_of(L, 1) : 0);
    case COST_RANGE: return 1 + span(L, 3, 1, 4, length_of(L, 1)) + text_bytes(L) / 64;
    case COST_RANGE2: return 1 + span(L, 2, 1, 3, length_of(L, 1));
    case COST_MOVE: return 1 + span(L, 2, 1, 3, 0);
    case COST_SORT: return 1 + sbx_sort_cost(length_of(L, 1));
    case COST_REP: {
        int ok = 1;
        lua_Integer n = lua_tointegerx(L, 2, &ok);
        if (!ok || n <= 0)
            return 1;
        double bytes = (double)lua_rawlen(L, 1) + (lua_type(L, 3) == LUA_TSTRING ? (double)lua_rawlen(L, 3) : 0);
        double units = (double)n / 64 + (double)n * bytes / 256;  /* copies, and memcpy's bytes */
        return units >= (double)LONG_MAX ? LONG_MAX : (long)units;
    }
    default: return 1 + text_bytes(L) / 64;
    }
}

/* The wrapper; upvalue 1 is the original (a C function without upvalues), 2 the cost kind. */
static int charged(lua_State *L)
{
    lua_CFunction original = lua_tocfunction(L, lua_upvalueindex(1));
    ss_sandbox_charge(L, cost_of(L, (cost_kind)lua_tointeger(L, lua_upvalueindex(2))));
    return original(L);
}

/* Wraps field `name` of the table on the top of the stack. */
static void charge_field(lua_State *L, const char *name, cost_kind kind)
{
    lua_getfield(L, -1, name);                         /* lib f */
    assert(lua_iscfunction(L, -1));
    lua_pushinteger(L, kind);                          /* lib f kind */
    lua_pushcclosure(L, charged, 2);                   /* lib wrapper */
    lua_setfield(L, -2, name);                         /* lib */
}

/* Every function of a library (but those in `except`) charged by COST_TEXT. */
static void charge_library(lua_State *L, const char *lib, const char *const *except)
{
    lua_getglobal(L, lib);                             /* lib */
    lua_pushnil(L);
    while (lua_next(L, -2)) {                          /* lib k v */
        int skip = !lua_iscfunction(L, -1);
        for (const char *const *e = except; !skip && *e; e++)
            skip = strcmp(lua_tostring(L, -2), *e) == 0;
        lua_pop(L, 1);                                 /* lib k */
        if (!skip) {
            lua_pushvalue(L, -2);                      /* lib k lib */
            charge_field(L, lua_tostring(L, -2), COST_TEXT);
            lua_pop(L, 1);                             /* lib k */
        }
    }
    lua_pop(L, 1);                                     /* */
}

/* Installs the charged wrappers and the bounded pattern functions.  Runs after install_pairs
 * (which keeps the original table.sort) and before the libraries become read-only. */
void sbx_charge_libs(lua_State *L)
{
    static const char *const no_string[] = {"len", "find", "match", "gmatch", "gsub", "rep", NULL};
    static const char *const no_table[] = {"insert", "remove", "concat", "unpack", "move", "sort", NULL};
    static const char *const none[] = {NULL};
    static const struct { const char *name; cost_kind kind; } table_fns[] = {
        {"insert", COST_LEN}, {"remove", COST_LEN}, {"concat", COST_RANGE},
        {"unpack", COST_RANGE2}, {"move", COST_MOVE}, {"sort", COST_SORT}};
    charge_library(L, LUA_STRLIBNAME, no_string);
    charge_library(L, LUA_TABLIBNAME, no_table);
    charge_library(L, LUA_UTF8LIBNAME, none);
    lua_getglobal(L, LUA_TABLIBNAME);                  /* table */
    for (size_t i = 0; i < sizeof table_fns / sizeof *table_fns; i++)
        charge_field(L, table_fns[i].name, table_fns[i].kind);
    lua_pop(L, 1);                                     /* */
    lua_getglobal(L, LUA_STRLIBNAME);                  /* string */
    charge_field(L, "rep", COST_REP);
    ss_pattern_install(L);
    lua_pop(L, 1);                                     /* */
    lua_pushglobaltable(L);                            /* G */
    charge_field(L, "tonumber", COST_TEXT);
    charge_field(L, "tostring", COST_TEXT);
    lua_pop(L, 1);                                     /* */
}
