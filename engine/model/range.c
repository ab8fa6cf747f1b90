#include "range.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

/* The positional numbers of the range table: n of them, all finite. */
static int read_numbers(lua_State *L, int idx, double *x, int want, char *why, size_t n)
{
    int len = (int)lua_rawlen(L, idx);
    if (len != want) {
        snprintf(why, n, "expected %d numbers, got %d", want, len);
        return -1;
    }
    for (int i = 0; i < want; i++) {
        lua_rawgeti(L, idx, i + 1);
        int isnum = lua_type(L, -1) == LUA_TNUMBER;
        x[i] = isnum ? lua_tonumber(L, -1) : 0;
        if (!isnum)
            snprintf(why, n, "item %d: expected a number, got %s", i + 1, luaL_typename(L, -1));
        lua_pop(L, 1);
        if (!isnum)
            return -1;
        if (!isfinite(x[i])) {
            snprintf(why, n, "item %d: expected a finite number", i + 1);
            return -1;
        }
    }
    return 0;
}

/* Only `dist` and the positional numbers: a misspelt key (`mode = 0.45`) must not pass unseen. */
static int check_keys(lua_State *L, int idx, char *why, size_t n)
{
    int len = (int)lua_rawlen(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        bool ok = (lua_type(L, -2) == LUA_TSTRING && strcmp(lua_tostring(L, -2), "dist") == 0) ||
                  (lua_isinteger(L, -2) && lua_tointeger(L, -2) >= 1 && lua_tointeger(L, -2) <= len);
        if (!ok) {
            lua_pushvalue(L, -2);
            snprintf(why, n, "unknown key '%s' (a range is {low, high} or {dist = \"triangular\", low, mode, high})",
                     luaL_tolstring(L, -1, NULL));
            lua_pop(L, 4);
            return -1;
        }
        lua_pop(L, 1);
    }
    return 0;
}

static int read_dist(lua_State *L, int idx, ss_range_dist *dist, char *why, size_t n)
{
    lua_getfield(L, idx, "dist");
    const char *name = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    int rc = 0;
    if (lua_isnil(L, -1) || (name && strcmp(name, "uniform") == 0))
        *dist = SS_RANGE_UNIFORM;
    else if (name && strcmp(name, "triangular") == 0)
        *dist = SS_RANGE_TRIANGULAR;
    else {
        snprintf(why, n, "dist: expected \"uniform\" or \"triangular\", got %s%s%s", name ? "\"" : "",
                 name ? name : luaL_typename(L, -1), name ? "\"" : "");
        rc = -1;
    }
    lua_pop(L, 1);
    return rc;
}

int ss_range_read(lua_State *L, int idx, double value, ss_range *r, char *why, size_t n)
{
    idx = lua_absindex(L, idx);
    if (!lua_istable(L, idx)) {
        snprintf(why, n, "expected a table {low, high}, got %s", luaL_typename(L, idx));
        return -1;
    }
    double x[3];
    if (check_keys(L, idx, why, n) < 0 || read_dist(L, idx, &r->dist, why, n) < 0 ||
        read_numbers(L, idx, x, r->dist == SS_RANGE_TRIANGULAR ? 3 : 2, why, n) < 0)
        return -1;
    bool tri = r->dist == SS_RANGE_TRIANGULAR;
    r->low = x[0];
    r->mode = tri ? x[1] : NAN;
    r->high = tri ? x[2] : x[1];
    if (!(r->low < r->high)) {
        snprintf(why, n, "low %.14g is %s high %.14g (expected low < high)", r->low,
                 r->low == r->high ? "equal to" : "above", r->high);
        return -1;
    }
    if (tri && !(r->low <= r->mode && r->mode <= r->high)) {
        snprintf(why, n, "mode %.14g is outside %.14g to %.14g", r->mode, r->low, r->high);
        return -1;
    }
    if (!(r->low <= value && value <= r->high)) {
        snprintf(why, n, "the value %.14g is outside its range %.14g to %.14g", value, r->low, r->high);
        return -1;
    }
    return 0;
}

double ss_range_at(const ss_range *r, double u)
{
    u = u < 0 ? 0 : u > 1 ? 1 : u;
    double w = r->high - r->low;
    if (r->dist == SS_RANGE_UNIFORM)
        return r->low + u * w;
    double f = (r->mode - r->low) / w;   /* the distribution function at the mode */
    if (u < f)
        return r->low + sqrt(u * w * (r->mode - r->low));
    return r->high - sqrt((1 - u) * w * (r->high - r->mode));
}

void ss_range_describe(const ss_range *r, char *out, size_t n)
{
    if (r->dist == SS_RANGE_TRIANGULAR)
        snprintf(out, n, "%.6g to %.6g, triangular with mode %.6g", r->low, r->high, r->mode);
    else
        snprintf(out, n, "%.6g to %.6g", r->low, r->high);
}
