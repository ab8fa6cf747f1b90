/* overlay_fit: an overlay's applies_to against the baseline it is applied to (overlay_fit.h). */
#include "overlay_fit.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

/* ref relative to the folder of file, with "x/.." and "." removed, for messages that show the
 * path a user would type ("scenarios/default.lua", not "scenarios/models/../default.lua"). */
static void beside(const char *file, const char *ref, char *out, size_t n)
{
    char joined[PATH_MAX];
    const char *slash = strrchr(file, '/');
    if (ref[0] == '/' || !slash)
        snprintf(joined, sizeof joined, "%s", ref);
    else
        snprintf(joined, sizeof joined, "%.*s/%s", (int)(slash - file), file, ref);
    char *parts[128], *save = NULL;
    int np = 0;
    for (char *p = strtok_r(joined, "/", &save); p && np < 128; p = strtok_r(NULL, "/", &save)) {
        if (strcmp(p, ".") == 0) continue;
        if (strcmp(p, "..") == 0 && np > 0 && strcmp(parts[np - 1], "..") != 0) { np--; continue; }
        parts[np++] = p;
    }
    size_t len = 0;
    out[0] = '\0';
    if (ref[0] == '/' || (slash && file[0] == '/')) len += (size_t)snprintf(out, n, "/");
    for (int i = 0; i < np && len < n; i++)
        len += (size_t)snprintf(out + len, n - len, "%s%s", i ? "/" : "", parts[i]);
}

static bool same_file(const char *a, const char *b)
{
    char ra[PATH_MAX], rb[PATH_MAX];
    return realpath(a, ra) && realpath(b, rb) && strcmp(ra, rb) == 0;
}

/* Whether the file is one of the chain's; the list of baselines goes to names. */
static int match(lua_State *L, int list, const char *overlay, int chain, bool *fits, char *names, size_t n,
                 ss_diag *d)
{
    int count = (int)lua_rawlen(L, list);
    if (count == 0)
        return ss_fail(d, "%s: applies_to: expected a list of baseline scenario files (relative to the overlay)", overlay);
    size_t len = 0;
    for (int i = 1; i <= count; i++) {
        lua_rawgeti(L, list, i);
        if (lua_type(L, -1) != LUA_TSTRING) {
            const char *got = luaL_typename(L, -1);
            lua_pop(L, 1);
            return ss_fail(d, "%s: applies_to.%d: expected a scenario file, got %s", overlay, i, got);
        }
        char path[PATH_MAX];
        beside(overlay, lua_tostring(L, -1), path, sizeof path);
        lua_pop(L, 1);
        char real[PATH_MAX];
        if (!realpath(path, real))
            return ss_fail(d, "%s: applies_to.%d: no scenario file %s", overlay, i, path);
        len += (size_t)snprintf(names + len, len < n ? n - len : 0, "%s%s", i > 1 ? (i == count ? " or " : ", ") : "", path);
        for (int k = 1; k <= (int)lua_rawlen(L, chain) && !*fits; k++) {
            lua_rawgeti(L, chain, k);
            *fits = same_file(path, lua_tostring(L, -1));
            lua_pop(L, 1);
        }
    }
    return 0;
}

int ss_overlay_fits(lua_State *L, int idx, const char *overlay, int chain, ss_diag *d)
{
    idx = lua_absindex(L, idx);
    chain = lua_absindex(L, chain);
    if (lua_getfield(L, idx, "applies_to") == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    if (!lua_istable(L, -1)) {
        const char *got = luaL_typename(L, -1);
        lua_pop(L, 1);
        return ss_fail(d, "%s: applies_to: expected a list of baseline scenario files, got %s", overlay, got);
    }
    bool fits = false;
    char names[2048];
    int rc = match(L, lua_gettop(L), overlay, chain, &fits, names, sizeof names, d);
    if (rc == 0 && !fits) {
        lua_getfield(L, -1, "why");
        const char *why = lua_tostring(L, -1);
        lua_rawgeti(L, chain, 1);
        rc = ss_fail(d, "%s: applies to %s, not to %s%s%s", overlay, names, lua_tostring(L, -1),
                     why ? ": " : "", why ? why : "");
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
    return rc;
}

bool ss_overlay_first_baseline(lua_State *L, int idx, const char *overlay, char *out, size_t n)
{
    bool found = false;
    idx = lua_absindex(L, idx);
    if (lua_getfield(L, idx, "applies_to") == LUA_TTABLE) {
        if (lua_rawgeti(L, -1, 1) == LUA_TSTRING) {
            beside(overlay, lua_tostring(L, -1), out, n);
            found = true;
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return found;
}
