/* sandbox_env: where a chunk's names come from.  Every chunk gets a fresh strict environment
 * (an undeclared global, read or written, is an error at the rule's line); the libraries are
 * read-only views; pairs() visits keys in a fixed order so results do not depend on the
 * process.  Part of the sandbox (sandbox_parts.h). */
#include "sandbox_parts.h"

#include <assert.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

/* Registry keys: only their addresses matter (constant, so not mutable global state). */
static const char ENV_META_KEY = 'e';
static const char SORT_KEY = 's';   /* the original table.sort, for pairs */

static int push_sorted_pairs(lua_State *L, int keys_of, int state);

/* ---------------------------------------------------------------- strict environments */

/* Pushes a table key as text for a message ("undeclared global 'x'"). */
static const char *key_name(lua_State *L, int idx)
{
    if (lua_type(L, idx) == LUA_TSTRING)
        return lua_tostring(L, idx);
    return luaL_tolstring(L, idx, NULL); /* ... name */
}

/* globals.__index(G, key): reached only when the name is not a (safe) global, so an error at
 * the rule's line, which is what catches typos such as "mathh.floor".  Environments look names
 * up in the globals table itself (a plain table as __index), so a declared global costs the VM
 * two table look-ups and no C call. */
static int undeclared_global(lua_State *L)
{
    return luaL_error(L, "undeclared global '%s'", key_name(L, 2));
}

/* env.__newindex: rules keep their state in locals; a global assignment is almost always a
 * missing "local" or a typo. */
static int env_newindex(lua_State *L)
{
    return luaL_error(L, "assignment to undeclared global '%s'", key_name(L, 2));
}

/* The metatable every environment shares; __metatable hides it from getmetatable so a rule
 * cannot loosen the rules for everybody. */
void sbx_make_env_meta(lua_State *L)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS); /* G */
    lua_createtable(L, 0, 2);                          /* G gmt */
    lua_pushcfunction(L, undeclared_global);           /* G gmt f */
    lua_setfield(L, -2, "__index");                    /* G gmt */
    lua_pushboolean(L, 0);                             /* G gmt false */
    lua_setfield(L, -2, "__metatable");                /* G gmt */
    lua_setmetatable(L, -2);                           /* G */
    lua_createtable(L, 0, 3);                          /* G mt */
    lua_insert(L, -2);                                 /* mt G */
    lua_setfield(L, -2, "__index");                    /* mt */
    lua_pushcfunction(L, env_newindex);                /* mt f */
    lua_setfield(L, -2, "__newindex");                 /* mt */
    lua_pushboolean(L, 0);                             /* mt false */
    lua_setfield(L, -2, "__metatable");                /* mt */
    lua_rawsetp(L, LUA_REGISTRYINDEX, &ENV_META_KEY);  /* */
}

void ss_sandbox_push_env(ss_sandbox *sb)
{
    assert(sb);
    lua_State *L = sb->L;
    lua_newtable(L);                                   /* env */
    lua_rawgetp(L, LUA_REGISTRYINDEX, &ENV_META_KEY);  /* env mt */
    lua_setmetatable(L, -2);                           /* env */
}

/* ---------------------------------------------------------------- read-only views */

/* proxy.__newindex; upvalue 1 is the table's name. */
static int readonly_newindex(lua_State *L)
{
    return luaL_error(L, "attempt to modify read-only table '%s'",
                      lua_tostring(L, lua_upvalueindex(1)));
}


/* proxy.__pairs: the keys of the real table (upvalue 1) in pairs()'s fixed order, the values
 * read through the proxy, so pairs(math) lists the library without handing out the table
 * behind the view (Lua's own __pairs for such a view would return it as the state). */
static int readonly_pairs(lua_State *L)
{
    return push_sorted_pairs(L, lua_upvalueindex(1), 1);
}

/* Replaces the table at the top by an empty proxy that reads through to it and refuses
 * writes, so one rule cannot change another's math.floor.  The metatable carries the name
 * under __readonly, which is how rawset recognises a proxy. */
void sbx_make_readonly(lua_State *L, const char *name)
{
    lua_newtable(L);                                   /* real proxy */
    lua_createtable(L, 0, 5);                          /* real proxy mt */
    lua_pushvalue(L, -3);                              /* real proxy mt real */
    lua_setfield(L, -2, "__index");                    /* real proxy mt */
    lua_pushstring(L, name);                           /* real proxy mt name */
    lua_pushvalue(L, -1);                              /* real proxy mt name name */
    lua_setfield(L, -3, "__readonly");                 /* real proxy mt name */
    lua_pushcclosure(L, readonly_newindex, 1);         /* real proxy mt f */
    lua_setfield(L, -2, "__newindex");                 /* real proxy mt */
    lua_pushvalue(L, -3);                              /* real proxy mt real */
    lua_pushcclosure(L, readonly_pairs, 1);            /* real proxy mt f */
    lua_setfield(L, -2, "__pairs");                    /* real proxy mt */
    lua_pushboolean(L, 0);                             /* real proxy mt false */
    lua_setfield(L, -2, "__metatable");                /* real proxy mt */
    lua_setmetatable(L, -2);                           /* real proxy */
    lua_remove(L, -2);                                 /* proxy */
}

/* Name of the read-only view at idx, or NULL when it is an ordinary table. */
const char *sbx_readonly_name(lua_State *L, int idx)
{
    if (!lua_getmetatable(L, idx))                     /* mt? */
        return NULL;
    const char *name = NULL;
    if (lua_getfield(L, -1, "__readonly") == LUA_TSTRING) /* mt name */
        name = lua_tostring(L, -1); /* stays alive: the metatable holds it */
    lua_pop(L, 2);
    return name;
}
/* ---- pairs in a fixed order ----
 * Lua 5.4 seeds string hashing from the clock and addresses, so plain pairs() visits string
 * keys in a different order in every process (and every worker).  A rule that accumulates
 * probabilities in pairs() order would then give different results for the same seed.  So
 * pairs() visits keys sorted: numbers, then strings (byte order), then false, true. */
static int key_rank(lua_State *L, int idx)
{
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER: return 0;
    case LUA_TSTRING: return 1;
    case LUA_TBOOLEAN: return 2;
    default: return 3;
    }
}

static int key_less(lua_State *L)
{
    int ra = key_rank(L, 1), rb = key_rank(L, 2);
    if (ra == 3 || rb == 3)
        return luaL_error(L, "pairs: keys of type %s have no fixed order; keep such values in a list and use ipairs",
                          luaL_typename(L, ra == 3 ? 1 : 2));
    if (ra != rb) lua_pushboolean(L, ra < rb);
    else if (ra == 2) lua_pushboolean(L, !lua_toboolean(L, 1) && lua_toboolean(L, 2));
    else if (ra == 1) {  /* byte order, not the locale's */
        size_t la, lb;
        const char *a = lua_tolstring(L, 1, &la), *b = lua_tolstring(L, 2, &lb);
        int c = memcmp(a, b, la < lb ? la : lb);
        lua_pushboolean(L, c < 0 || (c == 0 && la < lb));
    }
    else lua_pushboolean(L, lua_compare(L, 1, 2, LUA_OPLT));
    return 1;
}

/* iterator: upvalues keys, position */
static int sorted_next(lua_State *L)
{
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(2)) + 1;
    lua_pushinteger(L, i);
    lua_replace(L, lua_upvalueindex(2));
    if (lua_rawgeti(L, lua_upvalueindex(1), i) == LUA_TNIL)  /* key */
        return 1;
    lua_pushvalue(L, -1);                                   /* key key */
    lua_gettable(L, 1);                                     /* key value */
    return 2;
}

/* Work of sorting n things: n log2 n comparisons. */
long sbx_sort_cost(lua_Integer n)
{
    long lg = 1;
    for (lua_Integer k = n; k > 1; k >>= 1)
        lg++;
    return (long)n * lg;
}

/* pairs()'s three results: an iterator over the keys of the table at keys_of, sorted, reading
 * the values from the table at state (that table, or a read-only view of it).  The sort is
 * charged, so pairs() over a big table in a loop meets the budget. */
static int push_sorted_pairs(lua_State *L, int keys_of, int state)
{
    keys_of = lua_absindex(L, keys_of);
    lua_newtable(L);                                        /* keys */
    lua_Integer n = 0;
    lua_pushnil(L);
    while (lua_next(L, keys_of)) {                          /* keys k v */
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_rawseti(L, -3, ++n);                            /* keys k */
    }
    ss_sandbox_charge(L, sbx_sort_cost(n));
    lua_rawgetp(L, LUA_REGISTRYINDEX, &SORT_KEY);           /* keys sort */
    lua_pushvalue(L, -2);                                   /* keys sort keys */
    lua_pushcfunction(L, key_less);                         /* keys sort keys less */
    lua_call(L, 2, 0);                                      /* keys */
    lua_pushinteger(L, 0);                                  /* keys 0 */
    lua_pushcclosure(L, sorted_next, 2);                    /* iter */
    lua_pushvalue(L, state);                                /* iter t */
    lua_pushnil(L);                                         /* iter t nil */
    return 3;
}

static int sandbox_pairs(lua_State *L)
{
    luaL_checkany(L, 1);
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {   /* as Lua's pairs */
        lua_pushvalue(L, 1);
        lua_call(L, 1, 3);
        return 3;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    return push_sorted_pairs(L, 1, 1);
}

void sbx_install_pairs(lua_State *L)
{
    lua_getglobal(L, LUA_TABLIBNAME);                       /* table */
    lua_getfield(L, -1, "sort");                            /* table sort */
    lua_rawsetp(L, LUA_REGISTRYINDEX, &SORT_KEY);           /* table */
    lua_pop(L, 1);
    lua_register(L, "pairs", sandbox_pairs);
}
