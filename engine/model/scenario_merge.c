/* scenario_merge: the tree work of loading: key paths, merging a file over its parent,
 * recording which file set each leaf, deep copies and unwrapping tags for the model.  Part of
 * scenario loading (scenario_parts.h). */
#include "scenario_parts.h"

#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

/* ---- paths ----------------------------------------------------------------------------- */

static void key_text(lua_State *L, int idx, char *out, size_t n)
{
    if (lua_type(L, idx) == LUA_TNUMBER)
        snprintf(out, n, "%lld", (long long)lua_tointeger(L, idx));
    else if (lua_type(L, idx) == LUA_TSTRING)
        snprintf(out, n, "%s", lua_tostring(L, idx));
    else
        snprintf(out, n, "?");
}

void sc_join(char *out, size_t n, const char *prefix, const char *key)
{
    if (*prefix) snprintf(out, n, "%s.%s", prefix, key);
    else snprintf(out, n, "%s", key);
}

/* Record origin[path] = file for every leaf of the table at idx. */
void sc_record_origin(lua_State *L, int idx, int origin_idx, const char *prefix, const char *file)
{
    if (!lua_checkstack(L, 8)) return;  /* nesting is bounded by shape.h; only out of memory */
    idx = lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        char k[256], p[1024];
        key_text(L, -2, k, sizeof k);
        sc_join(p, sizeof p, prefix, k);
        lua_pushstring(L, file);
        lua_setfield(L, origin_idx, p);
        if (lua_istable(L, -1) && !sc_is_tag(L, -1) && !sc_is_list(L, -1))
            sc_record_origin(L, -1, origin_idx, p, file);
        lua_pop(L, 1);
    }
}

/* ---- merging --------------------------------------------------------------------------- */

/* dst[k] = src[k] for every k, recursing where both sides are plain (non-list) tables. */
void sc_merge(lua_State *L, int dst, int src)
{
    if (!lua_checkstack(L, 8)) return;  /* nesting is bounded by shape.h; only out of memory */
    dst = lua_absindex(L, dst);
    src = lua_absindex(L, src);
    lua_pushnil(L);
    while (lua_next(L, src)) {
        bool sub = lua_istable(L, -1) && !sc_is_tag(L, -1) && !sc_is_list(L, -1);
        if (sub) {
            lua_pushvalue(L, -2);
            lua_rawget(L, dst);
            if (lua_istable(L, -1) && !sc_is_tag(L, -1) && !sc_is_list(L, -1)) {
                sc_merge(L, -1, -2);
                lua_pop(L, 2);
                continue;
            }
            lua_pop(L, 1);
        }
        lua_pushvalue(L, -2);
        lua_pushvalue(L, -2);
        lua_rawset(L, dst);
        lua_pop(L, 1);
    }
}

void sc_deep_copy(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    bool room = lua_checkstack(L, 8);  /* nesting is bounded by shape.h; only out of memory */
    if (!room || !lua_istable(L, idx) || sc_is_tag(L, idx)) {
        lua_pushvalue(L, idx);
        return;
    }
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pushvalue(L, -2);
        sc_deep_copy(L, -2);
        lua_rawset(L, -5);
        lua_pop(L, 1);
    }
}

/* After a function overlay: every leaf that differs from the copy taken before is its doing. */
void sc_record_changes(lua_State *L, int now, int before, int origin_idx, const char *prefix,
                           const char *file)
{
    if (!lua_checkstack(L, 8)) return;  /* nesting is bounded by shape.h; only out of memory */
    now = lua_absindex(L, now);
    before = lua_absindex(L, before);
    lua_pushnil(L);
    while (lua_next(L, now)) {
        char k[256], p[1024];
        key_text(L, -2, k, sizeof k);
        sc_join(p, sizeof p, prefix, k);
        lua_pushvalue(L, -2);
        lua_rawget(L, before);  /* key value old */
        if (lua_istable(L, -2) && !sc_is_tag(L, -2) && lua_istable(L, -1) && !sc_is_tag(L, -1)) {
            sc_record_changes(L, -2, -1, origin_idx, p, file);
        } else if (!lua_rawequal(L, -1, -2)) {
            lua_pushstring(L, file);
            lua_setfield(L, origin_idx, p);
            if (lua_istable(L, -2) && !sc_is_tag(L, -2))
                sc_record_origin(L, -2, origin_idx, p, file);
        }
        lua_pop(L, 2);
    }
}

/* ---- unwrapping citations -------------------------------------------------------------- */

/* Replace every cite/assume by its value, in place, on a deep copy made for the model. */
void sc_unwrap(lua_State *L, int idx)
{
    if (!lua_checkstack(L, 8)) return;  /* nesting is bounded by shape.h; only out of memory */
    idx = lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (sc_is_tag(L, -1)) {
            lua_getfield(L, -1, "value");      /* k tag value */
            lua_pushvalue(L, -3);
            lua_pushvalue(L, -2);
            lua_rawset(L, idx);
            if (lua_istable(L, -1)) sc_unwrap(L, -1);
            lua_pop(L, 2);
        } else {
            if (lua_istable(L, -1)) sc_unwrap(L, -1);
            lua_pop(L, 1);
        }
    }
}

