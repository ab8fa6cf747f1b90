#include "luakeys.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int type_rank(int type)
{
    return type == LUA_TBOOLEAN ? 0 : type == LUA_TNUMBER ? 1 : 2;
}

static int cmp_number(const ss_lua_key *x, const ss_lua_key *y)
{
    if (x->integer && y->integer)
        return x->i < y->i ? -1 : x->i > y->i;
    return x->num < y->num ? -1 : x->num > y->num;
}

int ss_lua_key_cmp(const ss_lua_key *x, const ss_lua_key *y)
{
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    if (x->type != y->type)
        return type_rank(x->type) < type_rank(y->type) ? -1 : 1;
    if (x->type == LUA_TSTRING)
        return strcmp(x->str, y->str);
    return cmp_number(x, y);
}

static int cmp_key(const void *a, const void *b) { return ss_lua_key_cmp(a, b); }

/* The key on top of the stack (value below it is at -1 after the key is copied). */
static void fill_key(lua_State *L, int kidx, ss_lua_key *k)
{
    *k = (ss_lua_key){.type = lua_type(L, kidx), .order = INFINITY};
    if (k->type == LUA_TSTRING) {
        k->str = lua_tostring(L, kidx);
    } else if (k->type == LUA_TBOOLEAN) {
        k->num = lua_toboolean(L, kidx);
    } else {
        k->integer = lua_isinteger(L, kidx);
        k->i = k->integer ? lua_tointeger(L, kidx) : 0;
        k->num = lua_tonumber(L, kidx);
    }
}

/* The value (on top) is a table with a number in order_field: sort by it. */
static double order_of(lua_State *L, const char *order_field)
{
    double order = INFINITY;
    if (!order_field || !lua_istable(L, -1))
        return order;
    lua_pushstring(L, order_field);                    /* k v name */
    lua_rawget(L, -2);                                 /* k v order */
    if (lua_type(L, -1) == LUA_TNUMBER)
        order = lua_tonumber(L, -1);
    lua_pop(L, 1);                                     /* k v */
    return order;
}

int ss_lua_sorted_keys(lua_State *L, int idx, const char *order_field, ss_lua_key **out,
                       int *others)
{
    idx = lua_absindex(L, idx);
    int n = 0, cap = 0, skipped = 0;
    ss_lua_key *v = NULL;
    *out = NULL;
    if (!lua_checkstack(L, 4))
        return -1;
    lua_pushnil(L);                                    /* nil */
    while (lua_next(L, idx)) {                         /* k v */
        int t = lua_type(L, -2);
        if (t != LUA_TBOOLEAN && t != LUA_TNUMBER && t != LUA_TSTRING) {
            skipped++;
            lua_pop(L, 1);
            continue;
        }
        if (n == cap) {
            ss_lua_key *bigger = realloc(v, sizeof *v * (size_t)(cap = cap ? cap * 2 : 16));
            if (!bigger) {
                free(v);
                lua_pop(L, 2);
                return -1;
            }
            v = bigger;
        }
        fill_key(L, -2, &v[n]);
        v[n++].order = order_of(L, order_field);
        lua_pop(L, 1);                                 /* k */
    }
    if (n > 1)
        qsort(v, (size_t)n, sizeof *v, cmp_key);
    if (others)
        *others = skipped;
    *out = v;
    return n;
}

void ss_lua_push_key(lua_State *L, const ss_lua_key *k)
{
    if (k->type == LUA_TSTRING)
        lua_pushstring(L, k->str);
    else if (k->type == LUA_TBOOLEAN)
        lua_pushboolean(L, k->num != 0);
    else if (k->integer)
        lua_pushinteger(L, k->i);
    else
        lua_pushnumber(L, k->num);
}

void ss_lua_key_text(const ss_lua_key *k, char *out, size_t n)
{
    if (k->type == LUA_TSTRING)
        snprintf(out, n, "%s", k->str);
    else if (k->type == LUA_TBOOLEAN)
        snprintf(out, n, "%s", k->num ? "true" : "false");
    else if (k->integer)
        snprintf(out, n, "%lld", (long long)k->i);
    else
        snprintf(out, n, "%.14g", k->num);
}
