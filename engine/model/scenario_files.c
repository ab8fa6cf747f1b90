/* scenario_files: running a scenario or overlay file in the sandbox, and following a scenario's
 * extends chain.  Part of scenario loading (scenario_parts.h). */
#include "scenario_parts.h"

#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "overlay_fit.h"
#include "shape.h"

#define MAX_EXTENDS 16

/* Errors Lua raises without "chunk:line:" (not enough memory, some stack overflows) get the
 * file's name, so every message says where. */
static int located(ss_diag *d, const char *path)
{
    char loc[512];
    const char *text;
    ss_sandbox_split_location(d->msg, loc, sizeof loc, &text);
    if (loc[0] || strncmp(d->msg, path, strlen(path)) == 0) return -1;
    return ss_wrap(d, "%s", path);
}

/* What C reads of a scenario must be plain data: a metamethod there (an erroring or endless
 * __index, say) would run outside any protected call and its limits.  Pops the value on error. */
int sc_check_data(ss_sandbox *sb, const char *path, ss_diag *d)
{
    if (ss_sandbox_check_data(sb, -1, CITE_MT, d) == 0) return 0;
    lua_pop(ss_sandbox_lua(sb), 1);
    return ss_wrap(d, "%s", path);
}

/* Run a scenario or overlay file; push what it returns. */
int sc_run_file(ss_sandbox *sb, const char *path, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);
    ss_provenance_push_env(sb);
    int rc = ss_sandbox_loadfile(sb, path, path, lua_gettop(L), d);
    lua_remove(L, -1 - (rc == 0));  /* drop env */
    if (rc < 0 || ss_sandbox_call(sb, 0, 1, d) < 0) return located(d, path);
    return sc_check_data(sb, path, d);
}

static void dir_of(const char *path, char *out, size_t n)
{
    snprintf(out, n, "%s", path);
    char *slash = strrchr(out, '/');
    if (slash) *slash = '\0';
    else snprintf(out, n, ".");
}

static void relative_to(const char *file, const char *ref, char *out, size_t n)
{
    if (ref[0] == '/') {
        snprintf(out, n, "%s", ref);
        return;
    }
    char dir[1024];
    dir_of(file, dir, sizeof dir);
    if (strcmp(dir, ".") == 0) snprintf(out, n, "%s", ref);
    else snprintf(out, n, "%s/%s", dir, ref);
}

/* A described model ({model = ..., apply = ... | data = ...}) is an overlay: loaded alone it would
 * fail on whichever of its keys the reader met first, which says nothing useful. */
static bool is_overlay(lua_State *L, int idx)
{
    bool found = false;
    for (const char *const *k = (const char *const[]){"apply", "data", "applies_to", NULL}; *k; k++) {
        if (lua_getfield(L, idx, *k) != LUA_TNIL) found = true;
        lua_pop(L, 1);
    }
    return found;
}

/* Load path and its `extends` chain; push the merged table; record origins. */
int sc_load_chain(ss_sandbox *sb, const char *path, int origin_idx, int chain_idx, int depth, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);
    if (depth > MAX_EXTENDS)
        return ss_fail(d, "%s: extends goes more than %d levels deep (a cycle?)", path, MAX_EXTENDS);
    lua_pushstring(L, path);  /* the baseline's files, for the overlays' applies_to */
    lua_rawseti(L, chain_idx, (lua_Integer)lua_rawlen(L, chain_idx) + 1);
    if (sc_run_file(sb, path, d) < 0) return -1;
    if (!lua_istable(L, -1) || sc_is_tag(L, -1)) {
        const char *got = luaL_typename(L, -1);
        lua_pop(L, 1);
        return ss_fail(d, "%s: expected the file to return a scenario table, got %s", path, got);
    }
    if (is_overlay(L, -1)) {
        char base[1024];
        if (!ss_overlay_first_baseline(L, -1, path, base, sizeof base))
            snprintf(base, sizeof base, "BASELINE.lua");
        lua_pop(L, 1);
        return ss_fail(d, "%s: this is an organisational model (an overlay), not a scenario; apply it to "
                          "a baseline, e.g. samsim run %s --apply %s", path, base, path);
    }
    if (ss_shape_check(L, -1, path, "", d) < 0) {
        lua_pop(L, 1);
        return -1;
    }
    lua_getfield(L, -1, "extends");
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        sc_record_origin(L, -1, origin_idx, "", path);
        return 0;
    }
    if (lua_type(L, -1) != LUA_TSTRING) {
        lua_pop(L, 2);
        return ss_fail(d, "%s: extends: expected a file name, got %s", path, luaL_typename(L, -1));
    }
    char parent[1024];
    relative_to(path, lua_tostring(L, -1), parent, sizeof parent);
    lua_pop(L, 1);
    lua_pushnil(L);
    lua_setfield(L, -2, "extends");
    if (sc_load_chain(sb, parent, origin_idx, chain_idx, depth + 1, d) < 0) {
        lua_pop(L, 1);
        return ss_wrap(d, "%s: extends", path);
    }
    /* child parent */
    sc_record_origin(L, -2, origin_idx, "", path);
    sc_merge(L, -1, -2);
    lua_remove(L, -2);
    return 0;
}

