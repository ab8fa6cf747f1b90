#include "shape.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

typedef struct walk {
    lua_State *L;
    int seen;          /* stack index of a set of the tables on the current path */
    const char *file;
    ss_diag *d;
} walk;

static int fail(const walk *w, const char *path, const char *msg, const char *arg)
{
    char text[256];
    snprintf(text, sizeof text, msg, arg);
    if (*path)
        return ss_fail(w->d, "%s: %s: %s", w->file, path, text);
    return ss_fail(w->d, "%s: %s", w->file, text);
}

/* The key at idx as a path element; false when it is not a name or a whole number. */
static bool key_part(lua_State *L, int idx, char *out, size_t n)
{
    if (lua_type(L, idx) == LUA_TSTRING) {
        snprintf(out, n, "%s", lua_tostring(L, idx));
        return true;
    }
    if (lua_isinteger(L, idx)) {
        snprintf(out, n, "%lld", (long long)lua_tointeger(L, idx));
        return true;
    }
    if (lua_type(L, idx) == LUA_TNUMBER)
        snprintf(out, n, "%.14g", lua_tonumber(L, idx));
    else if (lua_type(L, idx) == LUA_TBOOLEAN)
        snprintf(out, n, "%s", lua_toboolean(L, idx) ? "true" : "false");
    else
        snprintf(out, n, "of type %s", lua_typename(L, lua_type(L, idx)));
    return false;
}

static int check_table(const walk *w, int idx, const char *path, int depth);

/* The value on top, reached by path. */
static int check_value(const walk *w, const char *path, int depth)
{
    lua_State *L = w->L;
    if (!lua_istable(L, -1))
        return 0;
    lua_pushvalue(L, -1);                              /* t t */
    if (lua_rawget(L, w->seen) != LUA_TNIL) {          /* t seen[t] */
        lua_pop(L, 1);
        return fail(w, path, "a table that contains itself (expected plain data)", NULL);
    }
    lua_pop(L, 1);                                     /* t */
    if (depth > SS_SHAPE_MAX_DEPTH)
        return ss_fail(w->d, "%s: %s: tables nested more than %d levels deep", w->file, path, SS_SHAPE_MAX_DEPTH);
    lua_pushvalue(L, -1);
    lua_pushboolean(L, 1);
    lua_rawset(L, w->seen);                            /* seen[t] = true */
    int rc = check_table(w, lua_gettop(L), path, depth);
    lua_pushvalue(L, -1);
    lua_pushnil(L);
    lua_rawset(L, w->seen);                            /* seen[t] = nil: only the path counts */
    return rc;
}

static int check_table(const walk *w, int idx, const char *path, int depth)
{
    lua_State *L = w->L;
    if (!lua_checkstack(L, 8))
        return fail(w, path, "out of memory%s", "");
    lua_pushnil(L);                                    /* nil */
    while (lua_next(L, idx)) {                         /* k v */
        char part[128], child[1024];
        bool ok = key_part(L, -2, part, sizeof part);
        if (*path) snprintf(child, sizeof child, "%s.%s", path, part);
        else snprintf(child, sizeof child, "%s", part);
        int rc = ok ? check_value(w, child, depth + 1)
                    : fail(w, path, "unexpected key %s (keys are names or list positions)", part);
        if (rc < 0) {
            lua_pop(L, 2);
            return rc;
        }
        lua_pop(L, 1);                                 /* k */
    }
    return 0;
}

int ss_shape_check(lua_State *L, int idx, const char *file, const char *at, ss_diag *d)
{
    int depth = 0;
    for (const char *p = at; *p; p++)
        depth += p == at || *p == '.';
    idx = lua_absindex(L, idx);
    if (!lua_checkstack(L, 8))
        return ss_fail(d, "%s: out of memory", file);
    lua_newtable(L);                                   /* seen */
    walk w = {.L = L, .seen = lua_gettop(L), .file = file, .d = d};
    lua_pushvalue(L, idx);                             /* seen v */
    int rc = check_value(&w, at, depth);
    lua_pop(L, 2);
    return rc;
}
