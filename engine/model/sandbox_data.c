/* sandbox_data: whether a value is plain data C may read without running Lua, and the
 * splitting of Lua's "chunk:line: text" messages.  Part of the sandbox (sandbox_parts.h). */
#include "sandbox_parts.h"

#include <assert.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

/* ---------------------------------------------------------------- plain data */

#define DATA_MAX_DEPTH 100 /* deeper than any scenario; keeps the walk's C stack small */

/* Appends ".key" (or "[key]") to the path on the top of the stack. */
static void push_child_path(lua_State *L, int path, int key)
{
    if (lua_type(L, key) == LUA_TSTRING)
        lua_pushfstring(L, "%s%s%s", lua_tostring(L, path), *lua_tostring(L, path) ? "." : "",
                        lua_tostring(L, key));
    else if (lua_isinteger(L, key)) /* not lua_tostring: it would change the key under lua_next */
        lua_pushfstring(L, "%s[%I]", lua_tostring(L, path), (LUAI_UACINT)lua_tointeger(L, key));
    else if (lua_type(L, key) == LUA_TNUMBER)
        lua_pushfstring(L, "%s[%f]", lua_tostring(L, path), lua_tonumber(L, key));
    else
        lua_pushfstring(L, "%s[%s]", lua_tostring(L, path), luaL_typename(L, key));
}

/* Walks the value at v (raw access only); seen (a table) holds the tables already walked,
 * allowed the permitted metatable or nil, path the key path.  Raises on the first offence. */
static void check_value(lua_State *L, int v, int seen, int allowed, int path, int depth)
{
    int t = lua_type(L, v);
    const char *where = *lua_tostring(L, path) ? lua_tostring(L, path) : "the returned value";
    if (t == LUA_TUSERDATA || t == LUA_TLIGHTUSERDATA || t == LUA_TTHREAD)
        luaL_error(L, "%s: a %s is not data", where, luaL_typename(L, v));
    if (t != LUA_TTABLE)
        return;
    ss_sandbox_charge(L, 1);
    if (lua_rawgetp(L, seen, lua_topointer(L, v)) != LUA_TNIL) { /* walked already */
        lua_pop(L, 1);
        return;
    }
    lua_pop(L, 1);
    if (depth > DATA_MAX_DEPTH)
        luaL_error(L, "%s: tables nested more than %d levels deep", where, DATA_MAX_DEPTH);
    if (lua_getmetatable(L, v)) {                      /* mt */
        if (!lua_rawequal(L, -1, allowed))
            luaL_error(L, "%s: a table with a metatable is not data (its metamethods would run "
                          "outside the sandbox's limits; use a plain table)", where);
        lua_pop(L, 1);
    }
    lua_pushboolean(L, 1);
    lua_rawsetp(L, seen, lua_topointer(L, v));
    luaL_checkstack(L, 8, "tables nested too deep");
    lua_pushnil(L);                                    /* k */
    while (lua_next(L, v)) {                           /* k x */
        int key = lua_gettop(L) - 1;
        push_child_path(L, path, key);                 /* k x path' */
        check_value(L, key, seen, allowed, lua_gettop(L), depth + 1);
        check_value(L, key + 1, seen, allowed, lua_gettop(L), depth + 1);
        lua_pop(L, 2);                                 /* k */
    }
}

/* The walk as a C function, so that it runs protected and under the limits: (value, allowed). */
static int check_data(lua_State *L)
{
    lua_settop(L, 2);                                  /* v allowed */
    lua_newtable(L);                                   /* v allowed seen */
    lua_pushliteral(L, "");                            /* v allowed seen path */
    check_value(L, 1, 3, 2, 4, 0);
    return 0;
}

int ss_sandbox_check_data(ss_sandbox *sb, int idx, const char *allowed_meta, ss_diag *d)
{
    lua_State *L = sb->L;
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, check_data);                  /* f */
    lua_pushvalue(L, idx);                             /* f v */
    if (allowed_meta)
        luaL_getmetatable(L, allowed_meta);            /* f v mt */
    else
        lua_pushnil(L);                                /* f v nil */
    return ss_sandbox_call(sb, 2, 0, d);
}

/* ---------------------------------------------------------------- messages */

/* Length of "chunk:LINE" at the start of msg (Lua writes "%s:%d: "), else 0.  The chunk may
 * hold ':' itself ("[string \"a:b\"]"), but a ": " before any ":LINE:" means the text has
 * already begun and there is no location. */
static size_t location_length(const char *msg)
{
    for (const char *c = strchr(msg, ':'); c; c = strchr(c + 1, ':')) {
        const char *e = c + 1;
        while (*e >= '0' && *e <= '9')
            e++;
        if (c > msg && e > c + 1 && *e == ':' && (e[1] == ' ' || e[1] == '\0'))
            return (size_t)(e - msg);
        if (c[1] == ' ')
            return 0;
    }
    return 0;
}

void ss_sandbox_split_location(const char *msg, char *loc, size_t locn, const char **text)
{
    size_t n = location_length(msg);
    if (n == 0 || n >= locn) {
        if (locn > 0)
            loc[0] = '\0';
        *text = msg;
        return;
    }
    memcpy(loc, msg, n);
    loc[n] = '\0';
    *text = msg + n + 1; /* past ':' */
    if (**text == ' ')
        (*text)++;
}
