/* plan_links: linked parameters — one swept value driving several parameters.
 *
 *   sweep  = { fph_total = { 20, 24, 28 }, child_share = { 0.4, 0.5, 0.6 } },
 *   linked = {
 *     ["services.fph_barn.fte"]   = function(v) return v.fph_total * v.child_share end,
 *     ["services.fph_voksen.fte"] = function(v) return v.fph_total * (1 - v.child_share) end,
 *   },
 *
 * A swept name without a dot is a variable of the plan, not a parameter: it is not given to the
 * scenario, only to the functions.  Each function gets the point's swept values (variables and
 * swept parameters, by name) and returns the parameter's value, as a `set` value would be.
 * The functions run while the plan is read, in the plan's sandbox, once for every combination
 * of swept values; a number they return is rounded to 12 significant digits (as a range's steps
 * are), so 18 * 0.6 is 10.8.  Their results are fixed from then on, so a point's runs, keys and stored
 * values are the same however often the plan is read. */
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan_parts.h"

/* v.name for a linked function: the point's value, or an error naming what is swept. */
static int swept_value(lua_State *L)
{
    const char *name = luaL_checkstring(L, 2);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) {  /* values[name] */
        lua_pushvalue(L, 2);
        lua_pushboolean(L, 1);
        lua_rawset(L, lua_upvalueindex(2));                 /* read[name] = true */
        return 1;
    }
    return luaL_error(L, "no swept value '%s' (swept: %s)", name, lua_tostring(L, lua_upvalueindex(3)));
}

/* Push the proxy v a function reads the point's values through; values and read are the tables
 * at vi and ri, names the list of swept names for messages. */
static void push_proxy(lua_State *L, int vi, int ri, const char *names)
{
    lua_newtable(L);                           /* v */
    lua_newtable(L);                           /* v mt */
    lua_pushvalue(L, vi);
    lua_pushvalue(L, ri);
    lua_pushstring(L, names);
    lua_pushcclosure(L, swept_value, 3);       /* v mt fn */
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");        /* a function cannot reach the table behind v */
    lua_setmetatable(L, -2);                   /* v */
}

/* The values of combination c (the last axis fastest, as in the grid) into the table at vi. */
static void set_values(const ss_plan *p, lua_State *L, int vi, long c)
{
    for (int a = p->naxes - 1; a >= 0; a--) {
        const ss_batch_value *v = &p->axes[a].values[c % p->axes[a].nvalues];
        c /= p->axes[a].nvalues;
        if (v->numeric) lua_pushnumber(L, v->number);
        else if (strcmp(v->text, "true") == 0 || strcmp(v->text, "false") == 0) lua_pushboolean(L, v->text[0] == 't');
        else lua_pushstring(L, v->label);
        lua_setfield(L, vi, p->axes[a].parameter);
    }
}

/* "fph_total=20, child_share=0.5": the combination, for messages. */
static void combination_text(const ss_plan *p, long c, char *out, size_t n)
{
    out[0] = '\0';
    for (int a = p->naxes - 1; a >= 0; a--) {
        const ss_batch_value *v = &p->axes[a].values[c % p->axes[a].nvalues];
        c /= p->axes[a].nvalues;
        char item[256];
        snprintf(item, sizeof item, "%s=%s%s%s", v->parameter, v->label, *out ? ", " : "", out);
        snprintf(out, n, "%s", item);
    }
}

/* Call linked function k (at fi) for combination c; its value goes to p->linked_values. */
static int call_link(ss_plan *p, ss_reader *r, int fi, int proxy, int k, long c)
{
    lua_State *L = r->L;
    char base[400];
    snprintf(base, sizeof base, "linked[\"%s\"]", p->linked[k]);
    lua_pushvalue(L, fi);
    lua_pushvalue(L, proxy);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
        char point[1024];
        combination_text(p, c, point, sizeof point);
        int rc = ss_fail(r->d, "%s: %s, for %s: %s", p->path, base, point, lua_tostring(L, -1));
        lua_pop(L, 1);
        return rc;
    }
    snprintf(r->path, sizeof r->path, "%s", base);
    if (lua_type(L, -1) == LUA_TNUMBER && !lua_isinteger(L, -1)) {  /* 18 * 0.6 is 10.8, not 10.799999999999999 */
        char twelve[64];
        snprintf(twelve, sizeof twelve, "%.12g", lua_tonumber(L, -1));
        lua_pop(L, 1);
        lua_pushnumber(L, strtod(twelve, NULL));
    }
    int rc = plan_read_value(p, r, p->linked[k], &p->linked_values[c * p->nlinked + k]);
    lua_pop(L, 1);
    return rc;
}

/* Every variable (a swept name without a dot) must drive something, or it only multiplies runs;
 * ri is the table of the names the functions read (0: the plan has no `linked`). */
static int check_variables_read(const ss_plan *p, ss_reader *r, int ri)
{
    for (int a = 0; a < p->naxes; a++) {
        if (!p->axes[a].variable) continue;
        bool read = false;
        if (ri) {
            lua_getfield(r->L, ri, p->axes[a].parameter);
            read = lua_toboolean(r->L, -1);
            lua_pop(r->L, 1);
        }
        if (!read) {
            plan_reader_at(r, "sweep", "[\"%s\"]", p->axes[a].parameter);
            return ss_reader_fail(r, NULL, ri ? "a name without a dot is a value for linked parameters, and no "
                                                "function in linked reads it (a parameter is a key path such as "
                                                "services.fph.fte)"
                                              : "a name without a dot is a value for linked parameters, and the "
                                                "plan has no linked (a parameter is a key path such as "
                                                "services.fph.fte)");
        }
    }
    return 0;
}

/* "fph_total, child_share": the swept names, for the error on a name that is not swept. */
static const char *swept_names(ss_plan *p)
{
    size_t cap = 16;
    for (int a = 0; a < p->naxes; a++) cap += strlen(p->axes[a].parameter) + 2;
    char *s = plan_keep(p, calloc(1, cap));
    for (int a = 0; s && a < p->naxes; a++)
        snprintf(s + strlen(s), cap - strlen(s), "%s%s", a ? ", " : "", p->axes[a].parameter);
    return s ? s : "";
}

/* Evaluate every linked function for every combination; the functions are at the top of the
 * stack, one per p->linked, in order. */
static int evaluate(ss_plan *p, ss_reader *r, int first_fn)
{
    lua_State *L = r->L;
    long ncomb = 1;
    for (int a = 0; a < p->naxes; a++) {
        ncomb *= p->axes[a].nvalues;
        if (ncomb > MAX_POINTS)  /* the grid refuses it too; stop before calling the functions */
            return ss_fail(r->d, "%s: the grid has more than %d points; split the plan", p->path, MAX_POINTS);
    }
    if (!(p->linked_values = plan_calloc(p, (size_t)(ncomb * p->nlinked), sizeof *p->linked_values)))
        return ss_fail(r->d, "out of memory");
    lua_newtable(L);
    int vi = lua_gettop(L);
    lua_newtable(L);
    int ri = lua_gettop(L);
    push_proxy(L, vi, ri, swept_names(p));
    int proxy = lua_gettop(L), rc = 0;
    for (long c = 0; c < ncomb && rc == 0; c++) {
        set_values(p, L, vi, c);
        for (int k = 0; k < p->nlinked && rc == 0; k++)
            rc = call_link(p, r, first_fn + k, proxy, k, c);
        if (rc == 0 && c == 0) rc = check_variables_read(p, r, ri);
    }
    lua_pop(L, 3);
    return rc;
}

/* A linked parameter that is also swept or set would be given two values. */
static int check_not_swept_or_set(const ss_plan *p, ss_reader *r, const char *name)
{
    size_t l = strlen(name);
    for (int a = 0; a < p->naxes; a++)
        if (strcmp(p->axes[a].parameter, name) == 0)
            return ss_reader_fail(r, NULL, "also swept; a parameter is either swept or linked");
    for (int j = 0; j < p->nfixed; j++)
        if (strncmp(p->fixed_sets[j], name, l) == 0 && p->fixed_sets[j][l] == '=')
            return ss_reader_fail(r, NULL, "also given in set; a parameter is either fixed or linked");
    return 0;
}

/* One function of `linked`, pushed; its key checked. */
static int read_link(ss_plan *p, ss_reader *r, int table, int k)
{
    plan_reader_at(r, "linked", "[\"%s\"]", p->linked[k]);
    if (plan_check_parameter(r, p->linked[k]) || check_not_swept_or_set(p, r, p->linked[k]))
        return -1;
    if (!strchr(p->linked[k], '.'))
        return ss_reader_fail(r, NULL, "expected a parameter's key path such as services.fph.fte");
    lua_getfield(r->L, table, p->linked[k]);
    if (!lua_isfunction(r->L, -1))
        return plan_fail_got(r, -1, "a function of the swept values, e.g. function(v) return v.total * v.share end");
    return 0;
}

int plan_read_linked(ss_plan *p, ss_reader *r)
{
    int has = ss_reader_table(r, "linked", false);
    if (has <= 0) {
        r->path[0] = '\0';
        return has < 0 ? -1 : check_variables_read(p, r, 0);
    }
    snprintf(r->path, sizeof r->path, "linked");
    int table = lua_gettop(r->L), rc = plan_sorted_keys(p, r, &p->linked, &p->nlinked);
    if (rc == 0 && p->nlinked == 0)
        rc = ss_reader_fail(r, NULL, "expected at least one parameter, e.g. [\"services.fph.fte\"] = function(v) ... end");
    for (int k = 0; k < p->nlinked && rc == 0; k++)
        rc = read_link(p, r, table, k);
    if (rc == 0)
        rc = evaluate(p, r, table + 1);
    lua_settop(r->L, table - 1);
    r->path[0] = '\0';
    return rc;
}
