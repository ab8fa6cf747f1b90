#include "reader.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "reason.h"

static int fail_v(ss_reader *r, const char *key, const char *fmt, va_list ap)
{
    char msg[1024], where[600];
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (key)
        ss_reader_child(r, key, where, sizeof where);
    else
        snprintf(where, sizeof where, "%s", r->path);
    const char *file = r->origin ? r->origin(r->origin_ud, where) : NULL;
    if (file && *file && !*where)  /* the scenario itself, e.g. an unknown top-level key */
        return ss_fail(r->d, "%s: %s", file, msg);
    if (file && *file)
        return ss_fail(r->d, "%s: %s: %s", file, where, msg);
    return ss_fail(r->d, "%s: %s", where, msg);
}

int ss_reader_fail(ss_reader *r, const char *key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fail_v(r, key, fmt, ap);
    va_end(ap);
    return -1;
}

int ss_reader_fail_at(ss_reader *r, int index, const char *fmt, ...)
{
    char key[24];
    snprintf(key, sizeof key, "%d", index + 1);
    va_list ap;
    va_start(ap, fmt);
    fail_v(r, key, fmt, ap);
    va_end(ap);
    return -1;
}

void ss_reader_describe(lua_State *L, int idx, char *out, size_t n)
{
    switch (lua_type(L, idx)) {
    case LUA_TSTRING:
        snprintf(out, n, "\"%s\"", lua_tostring(L, idx));
        break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx))
            snprintf(out, n, "%lld", (long long)lua_tointeger(L, idx));
        else
            snprintf(out, n, "%g", lua_tonumber(L, idx));
        break;
    default:
        snprintf(out, n, "%s", luaL_typename(L, idx));
    }
}

bool ss_reader_is_id(const char *s)
{
    if (!*s) return false;
    for (const char *p = s; *p; p++)
        if (!(*p == '_' || *p == '-' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9')))
            return false;
    return true;
}

void ss_reader_child(const ss_reader *r, const char *key, char *out, size_t n)
{
    if (r->path[0])
        snprintf(out, n, "%s.%s", r->path, key);
    else
        snprintf(out, n, "%s", key);
}

void ss_reader_enter(ss_reader *r, const char *key, char *saved, size_t n)
{
    snprintf(saved, n, "%s", r->path);
    char child[sizeof r->path];
    ss_reader_child(r, key, child, sizeof child);
    memcpy(r->path, child, sizeof r->path);
}

void ss_reader_leave(ss_reader *r, const char *saved)
{
    snprintf(r->path, sizeof r->path, "%s", saved);
}

/* Unknown keys are almost always typos ("ftee"), so they are errors, not silently ignored.  With
 * several, the first in byte order is named: lua_next's order changes from run to run. */
int ss_reader_only_keys(ss_reader *r, const char *const *allowed)
{
    lua_State *L = r->L;
    char unknown[128] = "";
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);  /* keep key */
        if (lua_type(L, -1) != LUA_TSTRING) {
            char got[128];
            ss_reader_describe(L, -1, got, sizeof got);
            lua_pop(L, 1);
            return ss_reader_fail(r, NULL, "unexpected key %s (expected named fields)", got);
        }
        const char *k = lua_tostring(L, -1);
        bool ok = false;
        for (int i = 0; allowed[i]; i++)
            if (strcmp(allowed[i], k) == 0)
                ok = true;
        if (!ok && (!unknown[0] || strcmp(k, unknown) < 0))
            snprintf(unknown, sizeof unknown, "%s", k);
    }
    if (!unknown[0]) return 0;
    char list[600] = "";
    for (int i = 0; allowed[i]; i++) {
        strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
        strncat(list, allowed[i], sizeof list - strlen(list) - 1);
    }
    return ss_reader_fail(r, NULL, "unknown key '%s' (expected one of: %s)", unknown, list);
}

/* Raw: a scenario value's metatable is never consulted. */
int ss_reader_get(lua_State *L, const char *key)
{
    lua_pushstring(L, key);                            /* t key */
    return lua_rawget(L, -2);                          /* t value */
}

/* Raw for a scenario (a plain copy, see scenario.c); a batch plan's own tables may have
 * metamethods, run under the plan's protected call. */
static int get_field(ss_reader *r, const char *key)
{
    return r->raw ? ss_reader_get(r->L, key) : lua_getfield(r->L, -1, key);
}

static const char *range_text(double min, double max, char *buf, size_t n)
{
    if (isinf(max) && isinf(min))
        snprintf(buf, n, "a number");
    else if (isinf(max))
        snprintf(buf, n, "a number >= %g", min);
    else
        snprintf(buf, n, "a number from %g to %g", min, max);
    return buf;
}

/* The value on top is not what key wants: pop it and fail "KEY: expected WANT, got WHAT". */
static int wrong_value(ss_reader *r, const char *key, const char *want)
{
    char got[128];
    ss_reader_describe(r->L, -1, got, sizeof got);
    lua_pop(r->L, 1);
    return ss_reader_fail(r, key, "expected %s, got %s", want, got);
}

int ss_reader_number(ss_reader *r, const char *key, double min, double max, bool required,
                     double def, double *out)
{
    lua_State *L = r->L;
    get_field(r, key);
    char want[96];
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        if (required)
            return ss_reader_fail(r, key, "missing (expected %s)", range_text(min, max, want, sizeof want));
        *out = def;
        return 0;
    }
    if (lua_type(L, -1) != LUA_TNUMBER || !isfinite(lua_tonumber(L, -1)) ||
        lua_tonumber(L, -1) < min || lua_tonumber(L, -1) > max)
        return wrong_value(r, key, range_text(min, max, want, sizeof want));
    *out = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return 0;
}

/* The string stays valid while the scenario table is alive (it is anchored there). */
int ss_reader_string(ss_reader *r, const char *key, bool required, const char *def,
                     const char **out)
{
    lua_State *L = r->L;
    get_field(r, key);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        if (required)
            return ss_reader_fail(r, key, "missing (expected a string)");
        *out = def;
        return 0;
    }
    if (lua_type(L, -1) != LUA_TSTRING)
        return wrong_value(r, key, "a string");
    *out = lua_tostring(L, -1);
    lua_pop(L, 1);
    return 0;
}

int ss_reader_reason(ss_reader *r, const char *key, bool required, const char *def, const char **en,
                     const char **nb)
{
    lua_State *L = r->L;
    *nb = NULL;
    if (get_field(r, key) == LUA_TNIL) {
        lua_pop(L, 1);
        if (required)
            return ss_reader_fail(r, key, "missing (expected a string)");  /* the table form is the rarer one */
        *en = def;
        return 0;
    }
    char why[256];
    int rc = ss_reason_get(L, -1, en, nb, why, sizeof why);
    lua_pop(L, 1);
    return rc < 0 ? ss_reader_fail(r, key, "%s", why) : 0;
}

int ss_reader_bool(ss_reader *r, const char *key, bool def, bool *out)
{
    lua_State *L = r->L;
    get_field(r, key);
    if (!lua_isnil(L, -1) && !lua_isboolean(L, -1))
        return wrong_value(r, key, "true or false");
    *out = lua_isnil(L, -1) ? def : lua_toboolean(L, -1);
    lua_pop(L, 1);
    return 0;
}

int ss_reader_table(ss_reader *r, const char *key, bool required)
{
    lua_State *L = r->L;
    get_field(r, key);
    if (lua_istable(L, -1))
        return 1;
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        if (required)
            return ss_reader_fail(r, key, "missing (expected a table)");
        return 0;
    }
    return wrong_value(r, key, "a table");
}
