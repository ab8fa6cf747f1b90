/* scenario_merge: the tree work of loading: key paths, merging a file over its parent,
 * recording which file set each leaf, deep copies and unwrapping tags for the model.  Part of
 * scenario loading (scenario_parts.h). */
#include "scenario_parts.h"

#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "luatext.h"

/* ---- which file set each leaf --------------------------------------------------------- */

typedef struct origin_walk {
    int origin_idx;     /* the origin table: key path -> file */
    int before;         /* record_changes: the copy taken before the overlay ran */
    const char *file;
} origin_walk;

static void set_origin(lua_State *L, const origin_walk *w, const char *path)
{
    lua_pushstring(L, w->file);
    lua_setfield(L, w->origin_idx, path);
}

static void origin_child(lua_State *L, const ss_lua_key *k, const char *path, void *ud)
{
    set_origin(L, ud, path);
    if (lua_istable(L, -1) && !sc_is_tag(L, -1) && !sc_is_list(L, -1))
        ss_lua_each_child(L, -1, path, origin_child, ud);
}

/* Record origin[path] = file for every leaf of the table at idx. */
void sc_record_origin(lua_State *L, int idx, int origin_idx, const char *prefix, const char *file)
{
    origin_walk w = {.origin_idx = lua_absindex(L, origin_idx), .file = file};
    ss_lua_each_child(L, idx, prefix, origin_child, &w);
}

/* The value now (on top) against the same key's value before. */
static void change_child(lua_State *L, const ss_lua_key *k, const char *path, void *ud)
{
    origin_walk *w = ud;
    ss_lua_push_key(L, k);
    lua_rawget(L, w->before);                       /* now old */
    if (lua_istable(L, -2) && !sc_is_tag(L, -2) && lua_istable(L, -1) && !sc_is_tag(L, -1)) {
        origin_walk inner = {.origin_idx = w->origin_idx, .before = lua_gettop(L), .file = w->file};
        ss_lua_each_child(L, -2, path, change_child, &inner);
    } else if (!lua_rawequal(L, -1, -2)) {
        set_origin(L, w, path);
        if (lua_istable(L, -2) && !sc_is_tag(L, -2))
            sc_record_origin(L, -2, w->origin_idx, path, w->file);
    }
    lua_pop(L, 1);                                  /* now */
}

/* After a function overlay: every leaf that differs from the copy taken before is its doing. */
void sc_record_changes(lua_State *L, int now, int before, int origin_idx, const char *prefix,
                       const char *file)
{
    origin_walk w = {.origin_idx = lua_absindex(L, origin_idx), .before = lua_absindex(L, before),
                     .file = file};
    ss_lua_each_child(L, now, prefix, change_child, &w);
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

