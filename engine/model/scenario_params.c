/* scenario_params: the parameters the model's rule files declare (ruleparams.h), the values the
 * scenario gives them at parameters.<group>.<name>, checked against the declarations, and the
 * values the rules get.  Part of scenario loading (scenario_parts.h). */
#include "scenario_parts.h"

#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "luakeys.h"
#include "luatext.h"
#include "near.h"
#include "ruleparams.h"
#include "source.h"

typedef struct params_read {
    ss_sandbox *sb;
    lua_State *L;
    ss_model *m;
    ss_origin_fn origin;
    void *origin_ud;
    int decls;     /* group -> { name -> declaration tag } */
    int files;     /* group -> the rule file's display name */
    int given;     /* the scenario's parameters table (or nil) */
    ss_diag *d;
} params_read;

/* "--set parameters.x.y" or "scenarios/a.lua: parameters.x.y": who set the path, for messages.
 * --set records only the leaves it sets, so a table is known by its first leaf. */
static void who_set(const params_read *p, const char *path, char *out, size_t n)
{
    char leaf[600];
    snprintf(leaf, sizeof leaf, "%s", path);
    lua_pushvalue(p->L, p->given);
    for (const char *at = strchr(path, '.'); at && lua_istable(p->L, -1); at = strchr(at + 1, '.')) {
        const char *next = strchr(at + 1, '.');
        lua_pushlstring(p->L, at + 1, next ? (size_t)(next - at - 1) : strlen(at + 1));
        lua_rawget(p->L, -2);
        lua_remove(p->L, -2);
    }
    if (lua_istable(p->L, -1) && !sc_is_tag(p->L, -1)) {
        ss_lua_key *keys;
        if (ss_lua_sorted_keys(p->L, -1, NULL, &keys, NULL) > 0 && keys[0].type == LUA_TSTRING)
            snprintf(leaf, sizeof leaf, "%s.%s", path, keys[0].str);
        free(keys);
    }
    lua_pop(p->L, 1);
    const char *file = p->origin ? p->origin(p->origin_ud, leaf) : NULL;
    if (file && strcmp(file, "--set") == 0)
        snprintf(out, n, "--set %s", path);
    else
        snprintf(out, n, "%s: %s", file ? file : "?", path);
}

/* A value's type for messages: a tag (a planner's --set is one) is known by what it holds. */
static const char *type_of(lua_State *L, int idx)
{
    if (!sc_is_tag(L, idx))
        return luaL_typename(L, idx);
    lua_getfield(L, idx, "value");
    const char *t = luaL_typename(L, -1);  /* a static name */
    lua_pop(L, 1);
    return t;
}

/* Runs rule file i (once per file) and records its declarations under its group. */
static int declare_file(params_read *p, int i)
{
    const ss_lua_rule *lr = &p->m->lua_rules[i];
    for (int j = 0; j < i; j++)
        if (strcmp(p->m->lua_rules[j].path, lr->path) == 0)
            return 0;
    size_t len;
    char *code = ss_source_read(lr->path, SS_SOURCE_MAX_BYTES, &len, p->d);
    if (!code)
        return -1;
    lua_newtable(p->L);                                          /* record */
    int rc = ss_rule_run_file(p->sb, code, len, lr->display, 0, lua_gettop(p->L), p->d);
    free(code);
    if (rc < 0) {
        lua_pop(p->L, 1);
        return -1;
    }
    lua_pop(p->L, 1);                                            /* record */
    char group[256];
    ss_rule_param_group(lr->path, group, sizeof group);
    lua_pushnil(p->L);
    bool declares = lua_next(p->L, -2) != 0;
    if (declares)
        lua_pop(p->L, 2);
    if (declares && lua_getfield(p->L, p->files, group) == LUA_TSTRING) {
        rc = ss_fail(p->d, "%s and %s both declare parameters as '%s': rename one of the files",
                     lua_tostring(p->L, -1), lr->display, group);
        lua_pop(p->L, 2);
        return rc;
    }
    if (declares) {
        lua_pop(p->L, 1);
        lua_pushstring(p->L, lr->display);
        lua_setfield(p->L, p->files, group);
        lua_setfield(p->L, p->decls, group);                     /* */
    } else {
        lua_pop(p->L, 1);
    }
    return 0;
}

/* Key `want` of the table at idx is not there: "unknown parameter 'x' of F (did you mean y?)". */
static int unknown(const params_read *p, int idx, const char *path, const char *what,
                   const char *want, const char *of)
{
    ss_lua_key *keys;
    int n = ss_lua_sorted_keys(p->L, idx, NULL, &keys, NULL);
    const char **names = malloc(sizeof *names * (size_t)(n > 0 ? n : 1));
    char near[256] = "", all[1024] = "", where[600];
    for (int i = 0; names && i < n; i++) {
        names[i] = keys[i].str;
        snprintf(all + strlen(all), sizeof all - strlen(all), "%s%s", i ? ", " : "", keys[i].str);
    }
    bool close = names && ss_near_names(want, names, n, near, sizeof near);
    free(names);
    free(keys);
    who_set(p, path, where, sizeof where);
    if (close)
        return ss_fail(p->d, "%s: unknown %s '%s'%s (did you mean %s?)", where, what, want, of, near);
    if (!all[0])
        return ss_fail(p->d, "%s: unknown %s '%s': no rule file of this model declares parameters",
                       where, what, want);
    return ss_fail(p->d, "%s: unknown %s '%s'%s (%s %s)", where, what, want, of,
                   *of ? "its parameters are" : "the rules with parameters are", all);
}

/* The value at -1 given for path: a number, or a tag around one. */
static int check_value(const params_read *p, const char *path)
{
    bool ok = lua_type(p->L, -1) == LUA_TNUMBER;
    if (sc_is_tag(p->L, -1)) {
        lua_getfield(p->L, -1, "value");
        ok = lua_type(p->L, -1) == LUA_TNUMBER;
        lua_pop(p->L, 1);
    }
    char where[600];
    who_set(p, path, where, sizeof where);
    return ok ? 0 : ss_fail(p->d, "%s: expected a number, got %s", where, type_of(p->L, -1));
}

/* The scenario's values for one group (table on top): each a declared name and a number. */
static int check_group(params_read *p, const char *group, const char *prefix)
{
    if (!lua_istable(p->L, -1) || sc_is_tag(p->L, -1)) {
        char where[600];
        who_set(p, prefix, where, sizeof where);
        return ss_fail(p->d, "%s: expected a table of the rule's parameters, got %s", where,
                       type_of(p->L, -1));
    }
    lua_getfield(p->L, p->decls, group);                         /* given decl */
    lua_getfield(p->L, p->files, group);                         /* given decl file */
    char of[300];
    snprintf(of, sizeof of, " of %s", lua_tostring(p->L, -1));
    lua_pop(p->L, 1);
    ss_lua_key *keys;
    int n = ss_lua_sorted_keys(p->L, -2, NULL, &keys, NULL), rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        char kt[256], path[600];
        ss_lua_key_text(&keys[i], kt, sizeof kt);
        ss_lua_path_join(path, sizeof path, prefix, kt);
        ss_lua_push_key(p->L, &keys[i]);
        if (lua_rawget(p->L, -2) == LUA_TNIL)                    /* given decl d? */
            rc = unknown(p, -2, path, "parameter", kt, of);
        lua_pop(p->L, 1);
        ss_lua_push_key(p->L, &keys[i]);
        lua_rawget(p->L, -3);                                    /* given decl v */
        if (rc == 0)
            rc = check_value(p, path);
        lua_pop(p->L, 1);
    }
    free(keys);
    lua_pop(p->L, 1);                                            /* given */
    return rc;
}

/* resolved.parameters (at given, may be nil) against the declarations. */
static int check_given(params_read *p, int given)
{
    if (lua_isnil(p->L, given))
        return 0;
    if (!lua_istable(p->L, given) || sc_is_tag(p->L, given)) {
        char where[600];
        who_set(p, "parameters", where, sizeof where);
        return ss_fail(p->d, "%s: expected a table keyed by rule (parameters.self_route.right_first_time), got %s",
                       where, type_of(p->L, given));
    }
    ss_lua_key *keys;
    int n = ss_lua_sorted_keys(p->L, given, NULL, &keys, NULL), rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        char kt[256], path[600];
        ss_lua_key_text(&keys[i], kt, sizeof kt);
        ss_lua_path_join(path, sizeof path, "parameters", kt);
        ss_lua_push_key(p->L, &keys[i]);
        if (lua_rawget(p->L, p->decls) == LUA_TNIL)
            rc = unknown(p, p->decls, path, "rule", kt, "");
        lua_pop(p->L, 1);
        ss_lua_push_key(p->L, &keys[i]);
        lua_rawget(p->L, given);
        if (rc == 0)
            rc = check_group(p, kt, path);
        lua_pop(p->L, 1);
    }
    free(keys);
    return rc;
}

/* One parameter of the model: the given value (at -1) or else the declaration (at -2) goes into
 * the register's table at eff and into m->rule_params.  Leaves the stack as it was. */
static void take_value(params_read *p, int eff, const char *group, const char *name, int at)
{
    lua_State *L = p->L;
    int v = lua_isnil(L, -1) ? -2 : -1;
    lua_getfield(L, eff, group);
    lua_pushvalue(L, v - 1);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
    lua_pushvalue(L, v);
    if (sc_is_tag(L, -1)) {
        lua_getfield(L, -1, "value");
        lua_remove(L, -2);
    }
    ss_rule_param *rp = &p->m->rule_params[at];
    lua_getfield(L, p->files, group);
    for (int i = 0; i < p->m->nlua_rules; i++)
        if (strcmp(p->m->lua_rules[i].display, lua_tostring(L, -1)) == 0 && !rp->path)
            rp->path = strdup(p->m->lua_rules[i].path);
    lua_pop(L, 1);
    rp->name = strdup(name);
    rp->value = lua_tonumber(L, -1);
    rp->integer = lua_isinteger(L, -1);
    lua_pop(L, 1);
}

/* The values the rules get: every declaration, or the scenario's value where it gives one. */
static void take_values(params_read *p, int given, int eff)
{
    lua_State *L = p->L;
    ss_lua_key *groups;
    int ng = ss_lua_sorted_keys(L, p->decls, NULL, &groups, NULL), total = 0;
    for (int g = 0; g < ng; g++) {
        lua_getfield(L, p->decls, groups[g].str);
        lua_pushnil(L);
        while (lua_next(L, -2)) { lua_pop(L, 1); total++; }
        lua_pop(L, 1);
    }
    p->m->rule_params = calloc((size_t)(total ? total : 1), sizeof *p->m->rule_params);
    for (int g = 0; g < ng && p->m->rule_params; g++) {
        const char *group = groups[g].str;
        lua_newtable(L);
        lua_setfield(L, eff, group);
        lua_getfield(L, p->decls, group);                        /* decl */
        if (lua_istable(L, given)) lua_getfield(L, given, group); else lua_pushnil(L);  /* decl given */
        ss_lua_key *names;
        int nn = ss_lua_sorted_keys(L, -2, NULL, &names, NULL);
        for (int k = 0; k < nn; k++) {
            lua_getfield(L, -2, names[k].str);                   /* decl given d */
            if (lua_istable(L, -2)) lua_getfield(L, -2, names[k].str); else lua_pushnil(L);
            take_value(p, eff, group, names[k].str, p->m->nrule_params++);
            lua_pop(L, 2);
        }
        free(names);
        lua_pop(L, 2);
    }
    free(groups);
}

int sc_rule_parameters(ss_sandbox *sb, ss_model *m, int resolved, ss_origin_fn origin, void *ud,
                       ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);
    resolved = lua_absindex(L, resolved);
    int top = lua_gettop(L);
    lua_newtable(L);
    lua_newtable(L);
    params_read p = {sb, L, m, origin, ud, top + 1, top + 2, 0, d};
    int rc = 0;
    for (int i = 0; i < m->nlua_rules && rc == 0; i++)
        rc = declare_file(&p, i);
    lua_getfield(L, resolved, "parameters");                     /* decls files given */
    p.given = top + 3;
    if (rc == 0)
        rc = check_given(&p, top + 3);
    if (rc < 0) {
        lua_settop(L, top);
        return -1;
    }
    lua_newtable(L);                                             /* decls files given eff */
    take_values(&p, top + 3, top + 4);
    lua_replace(L, top + 1);
    lua_settop(L, top + 1);                                      /* eff */
    return 0;
}
