/* ruleparams: the rule files' registered parameters (see ruleparams.h). */
#include "ruleparams.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "calibration.h"
#include "luakeys.h"
#include "luatext.h"
#include "near.h"
#include "scenario.h"

/* The names of the table at idx, sorted, as "a, b, c", and the nearest to want. */
static void names_of(lua_State *L, int idx, const char *want, char *all, size_t alln, char *near, size_t nearn)
{
    ss_lua_key *keys;
    int n = ss_lua_sorted_keys(L, idx, NULL, &keys, NULL);
    const char **names = malloc(sizeof *names * (size_t)(n > 0 ? n : 1));
    int k = 0;
    all[0] = near[0] = '\0';
    for (int i = 0; names && i < n; i++)
        if (keys[i].type == LUA_TSTRING) {
            names[k++] = keys[i].str;  /* anchored: keys of the table */
            snprintf(all + strlen(all), alln - strlen(all), "%s%s", k > 1 ? ", " : "", keys[i].str);
        }
    if (!names || !ss_near_names(want, names, k, near, nearn))
        near[0] = '\0';
    free(names);
    free(keys);
}

/* values.__index: reached only for a name the file did not declare, so a typo in a rule fails at
 * its line. */
static int unknown_parameter(lua_State *L)
{
    const char *want = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : luaL_typename(L, 2);
    char all[512], near[256];
    names_of(L, 1, want, all, sizeof all, near, sizeof near);
    if (near[0])
        return luaL_error(L, "parameters: no parameter '%s' (did you mean %s?)", want, near);
    return luaL_error(L, "parameters: no parameter '%s' (the parameters are %s)", want, all);
}

static int readonly_parameters(lua_State *L)
{
    return luaL_error(L, "parameters: the parameters are read-only (give another value with --set)");
}

/* Replaces the values table on top by an empty read-only view of it: reading a declared name
 * costs two table look-ups and no C call; an undeclared name is an error. */
static void make_view(lua_State *L)
{
    lua_createtable(L, 0, 2);                          /* values mt */
    lua_pushcfunction(L, unknown_parameter);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);                           /* values */
    lua_newtable(L);                                   /* values view */
    lua_createtable(L, 0, 4);                          /* values view mt */
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, readonly_parameters);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "parameters");                  /* rawset refuses a __readonly view */
    lua_setfield(L, -2, "__readonly");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);                           /* values view */
    lua_remove(L, -2);                                 /* view */
}

/* What is wrong with declaration `name` (at -1), or "" when it is a tag around a number. */
static void check_declaration(lua_State *L, const char *name, char *err, size_t n)
{
    err[0] = '\0';
    if (!ss_lua_is_identifier(name)) {
        snprintf(err, n, "parameters: a name is a Lua identifier such as right_first_time, got '%s'", name);
        return;
    }
    bool tagged = ss_scenario_is_tag(L, -1);
    if (tagged) {
        lua_getfield(L, -1, "value");
        tagged = lua_type(L, -1) == LUA_TNUMBER;
        lua_pop(L, 1);
    }
    if (!tagged)
        snprintf(err, n, "parameters: %s: expected cite(), assume(), effect() or calibrated() around a "
                 "number, so that the register says where it comes from; got %s", name,
                 ss_scenario_is_tag(L, -1) ? "a tag around something else" : luaL_typename(L, -1));
}

/* Declaration `name` on top: its value (or the one upvalue 1 gives) into the values table at
 * values, and the declaration into upvalue 2 when that is a table.  Pops the declaration. */
static void take_declaration(lua_State *L, int values, const char *name)
{
    if (lua_istable(L, lua_upvalueindex(2))) {
        lua_pushvalue(L, -1);
        lua_setfield(L, lua_upvalueindex(2), name);
    }
    if (!lua_istable(L, lua_upvalueindex(1)) ||
        lua_getfield(L, lua_upvalueindex(1), name) != LUA_TNUMBER) {
        if (lua_istable(L, lua_upvalueindex(1)))
            lua_pop(L, 1);
        lua_getfield(L, -1, "value");
    }
    lua_setfield(L, values, name);
    lua_pop(L, 1);
}

/* parameters { name = assume(0.7, "why"), ... }: the read-only table of the values.  Upvalues:
 * the values to use instead (or nil), the table recording the declarations (or nil), and whether
 * the file has called it already. */
static int l_parameters(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    if (lua_toboolean(L, lua_upvalueindex(3)))
        return luaL_error(L, "parameters: called twice; declare every parameter in one table");
    lua_pushboolean(L, 1);
    lua_replace(L, lua_upvalueindex(3));
    lua_settop(L, 1);
    lua_newtable(L);                                   /* decl values */
    ss_lua_key *keys;
    int others = 0, n = ss_lua_sorted_keys(L, 1, NULL, &keys, &others);
    char err[400] = "";
    if (n < 0 || others > 0)
        snprintf(err, sizeof err, "parameters: expected a table of named values, e.g. { share = assume(0.4, \"why\") }");
    for (int i = 0; i < n && !err[0]; i++) {
        if (keys[i].type != LUA_TSTRING) {
            snprintf(err, sizeof err, "parameters: expected names as keys, e.g. { share = assume(0.4, \"why\") }");
            break;
        }
        ss_lua_push_key(L, &keys[i]);
        lua_rawget(L, 1);                              /* decl values tag */
        check_declaration(L, keys[i].str, err, sizeof err);
        if (err[0])
            break;
        take_declaration(L, 2, keys[i].str);           /* decl values */
    }
    free(keys);
    if (err[0])
        return luaL_error(L, "%s", err);
    lua_settop(L, 2);
    make_view(L);
    return 1;
}

void ss_rule_env_push(ss_sandbox *sb, int values_idx, int record_idx)
{
    lua_State *L = ss_sandbox_lua(sb);
    values_idx = values_idx ? lua_absindex(L, values_idx) : 0;
    record_idx = record_idx ? lua_absindex(L, record_idx) : 0;
    ss_provenance_push_env(sb);                        /* env */
    lua_pushliteral(L, "parameters");
    if (values_idx) lua_pushvalue(L, values_idx); else lua_pushnil(L);
    if (record_idx) lua_pushvalue(L, record_idx); else lua_pushnil(L);
    lua_pushboolean(L, 0);
    lua_pushcclosure(L, l_parameters, 3);              /* env "parameters" f */
    lua_rawset(L, -3);                                 /* env */
}

int ss_rule_run_chunk(ss_sandbox *sb, int values_idx, int record_idx, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);
    values_idx = values_idx ? lua_absindex(L, values_idx) : 0;
    record_idx = record_idx ? lua_absindex(L, record_idx) : 0;
    ss_rule_env_push(sb, values_idx, record_idx);      /* f env */
    lua_setupvalue(L, -2, 1);                          /* f    (env is its _ENV) */
    return ss_sandbox_call(sb, 0, 1, d);               /* module */
}

int ss_rule_run_file(ss_sandbox *sb, const char *code, size_t len, const char *chunk, int values_idx,
                     int record_idx, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);
    values_idx = values_idx ? lua_absindex(L, values_idx) : 0;  /* before the function is pushed */
    record_idx = record_idx ? lua_absindex(L, record_idx) : 0;
    if (ss_sandbox_load(sb, code, len, chunk, 0, d) < 0)  /* f (its environment set below) */
        return -1;
    return ss_rule_run_chunk(sb, values_idx, record_idx, d);
}

void ss_rule_push_values(lua_State *L, const ss_model *m, const char *path)
{
    lua_newtable(L);
    for (int i = 0; i < m->nrule_params; i++)
        if (strcmp(m->rule_params[i].path, path) == 0) {
            if (m->rule_params[i].integer)
                lua_pushinteger(L, (lua_Integer)m->rule_params[i].value);
            else
                lua_pushnumber(L, m->rule_params[i].value);
            lua_setfield(L, -2, m->rule_params[i].name);
        }
}

void ss_rule_param_group(const char *path, char *out, size_t n)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t len = strlen(base);
    if (len > 4 && strcmp(base + len - 4, ".lua") == 0)
        len -= 4;
    snprintf(out, n, "%.*s", (int)len, base);
}
