/* scenario_overlay: applying an overlay file (data merged in, a function of the scenario, or a
 * described organisational model that keeps total FTE).  Part of scenario loading
 * (scenario_parts.h). */
#include "scenario_parts.h"
#include "reason.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "overlay_fit.h"
#include "shape.h"

static int apply_overlay_value(ss_sandbox *sb, const char *path, int origin_idx, ss_diag *d);

/* A number, or a cite()/assume() around one. */
static double plain_number(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    double v = 0;
    if (sc_is_tag(L, idx)) {
        lua_getfield(L, idx, "value");
        v = lua_type(L, -1) == LUA_TNUMBER ? lua_tonumber(L, -1) : 0;
        lua_pop(L, 1);
    } else if (lua_type(L, idx) == LUA_TNUMBER) {
        v = lua_tonumber(L, idx);
    }
    return v;
}

/* Sum of services.*.fte in the scenario at idx. */
static double total_fte(lua_State *L, int idx)
{
    double sum = 0;
    lua_getfield(L, idx, "services");
    if (lua_istable(L, -1)) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_istable(L, -1)) {
                lua_getfield(L, -1, "fte");
                sum += plain_number(L, -1);
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    return sum;
}

/* A described model: { model = "Familiens hus", description = "...", changes_capacity = false,
 * apply = function(s) ... end | data = { ... } }.  Leaves the function or the data on top,
 * replacing the description; *may_change_fte says whether total FTE may move. */
static int unpack_described(lua_State *L, const char *path, int chain_idx, bool *may_change_fte, ss_diag *d)
{
    *may_change_fte = false;
    if (!lua_istable(L, -1)) return 0;
    lua_getfield(L, -1, "apply");
    lua_getfield(L, -2, "data");
    bool described = !lua_isnil(L, -1) || !lua_isnil(L, -2);
    lua_pop(L, 2);
    if (!described) return 0;
    if (ss_overlay_fits(L, -1, path, chain_idx, d) < 0) {
        lua_pop(L, 1);
        return -1;
    }
    lua_getfield(L, -1, "changes_capacity");
    *may_change_fte = lua_toboolean(L, -1);
    lua_pop(L, 1);
    lua_getfield(L, -1, "apply");
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_getfield(L, -1, "data");
    }
    if (!lua_isfunction(L, -1) && !lua_istable(L, -1)) {
        lua_pop(L, 2);
        return ss_fail(d, "%s: apply must be a function (or data a table)", path);
    }
    lua_remove(L, -2);
    return 0;
}

/* A described model's name and description (or two nils) for the resolved scenario: what a
 * reviewer reads is "Familiens hus (Færder)", not the baseline's name or "B".  Each is a reason
 * (reason.h): "text", or { "text", nb = "tekst" } with the Norwegian beside it; another type is
 * left out, a malformed table is an error naming the overlay and the key. */
static int push_model_names(lua_State *L, const char *path, ss_diag *d)
{
    bool described = lua_istable(L, -1);
    if (described) {
        lua_getfield(L, -1, "apply");
        lua_getfield(L, -2, "data");
        described = !lua_isnil(L, -1) || !lua_isnil(L, -2);
        lua_pop(L, 2);
    }
    for (int i = 0; i < 2; i++) {
        const char *key = i ? "description" : "model", *en, *nb;
        int t = described ? lua_getfield(L, -1 - i, key) : LUA_TNIL;  /* ... overlay [name] value */
        char why[256];
        if (t == LUA_TSTRING) continue;
        if (t == LUA_TTABLE && ss_reason_get(L, -1, &en, &nb, why, sizeof why) == 0) continue;
        if (t == LUA_TTABLE) {
            lua_pop(L, 1 + i);
            return ss_fail(d, "%s: %s: %s", path, key, why);
        }
        if (described) lua_pop(L, 1);
        lua_pushnil(L);
    }
    return 0;
}

/* name description scenario on top -> scenario: a described model's name and description are
 * kept (REG_MODELS, in the order applied) for the resolved text's header, where a reviewer's
 * tools read them (about.h) and where they change neither the model nor its diff. */
#define REG_MODELS "samsim.described_models"
static void remember_model(lua_State *L)
{
    if (lua_type(L, -3) == LUA_TSTRING || lua_istable(L, -3)) {
        if (lua_getfield(L, LUA_REGISTRYINDEX, REG_MODELS) != LUA_TTABLE) {
            lua_pop(L, 1);
            lua_newtable(L);
            lua_pushvalue(L, -1);
            lua_setfield(L, LUA_REGISTRYINDEX, REG_MODELS);
        }                                                   /* name description scenario list */
        lua_createtable(L, 0, 2);
        lua_pushvalue(L, -5);
        lua_setfield(L, -2, "name");
        lua_pushvalue(L, -4);
        lua_setfield(L, -2, "description");
        lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
        lua_pop(L, 1);
    }
    lua_rotate(L, -3, 1);                                   /* scenario name description */
    lua_pop(L, 2);
}

/* One header line "-- model: TEXT" with TEXT on one line (line breaks become blanks). */
static void header_line(ss_buf *b, const char *key, const char *text)
{
    ss_buf_fmt(b, "-- %s: ", key);
    for (const char *p = text; *p; p++)
        ss_buf_add(b, *p == '\n' || *p == '\r' ? " " : p, 1);
    ss_buf_str(b, "\n");
}

/* "-- KEY: TEXT" for the reason at idx, then "-- KEY nb: TEXT" when it has a Norwegian text
 * (about.c reads both); nothing for a nil. */
static void header_reason(ss_buf *b, lua_State *L, int idx, const char *key)
{
    const char *en = NULL, *nb = NULL;
    char why[256];
    if (lua_isnil(L, idx) || ss_reason_get(L, idx, &en, &nb, why, sizeof why) < 0) return;
    header_line(b, key, en);
    if (nb) {
        char key_nb[64];
        snprintf(key_nb, sizeof key_nb, "%s nb", key);
        header_line(b, key_nb, nb);
    }
}

/* The described models applied, as header comments of the resolved text. */
void sc_write_model_header(ss_buf *b, lua_State *L)
{
    if (lua_getfield(L, LUA_REGISTRYINDEX, REG_MODELS) == LUA_TTABLE) {
        for (lua_Integer i = 1; lua_rawgeti(L, -1, i) == LUA_TTABLE; i++) {
            lua_getfield(L, -1, "name");
            lua_getfield(L, -2, "description");
            header_reason(b, L, -2, "model");
            header_reason(b, L, -1, "model description");
            lua_pop(L, 3);
        }
        lua_pop(L, 1);  /* the nil that ended the list */
    }
    lua_pop(L, 1);
}

/* An overlay returns a table (merged in), a function(scenario) that returns the new one, or a
 * described model.  An organisational model keeps total FTE unless it says changes_capacity. */
int sc_apply_overlay(ss_sandbox *sb, const char *path, int origin_idx, int chain_idx, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);  /* scenario on top */
    double fte_before = total_fte(L, lua_gettop(L));
    bool may_change = false;
    if (sc_run_file(sb, path, d) < 0) return -1;
    if (push_model_names(L, path, d) < 0) return -1;      /* scenario overlay name description */
    lua_rotate(L, -4, 2);                                  /* name description scenario overlay */
    int rc = unpack_described(L, path, chain_idx, &may_change, d);
    if (rc == 0) rc = apply_overlay_value(sb, path, origin_idx, d);
    if (rc < 0) return -1;                                 /* the state is dropped with the scenario */
    remember_model(L);                                     /* scenario */
    double fte_after = total_fte(L, lua_gettop(L));
    if (!may_change && fabs(fte_after - fte_before) > 1e-6)
        return ss_fail(d, "%s: changes total FTE from %g to %g; an organisational model keeps FTE equal "
                          "(add capacity with --set, or mark the overlay changes_capacity = true)",
                       path, fte_before, fte_after);
    return 0;
}

/* What a file returned (on top) must be a table of plain data (shape.h); else drop that many
 * values and fail with "PATH: <expected>, got <type>" or the shape's message. */
static int returned_table(lua_State *L, const char *path, const char *expected, int drop, ss_diag *d)
{
    if (!lua_istable(L, -1)) {
        const char *got = luaL_typename(L, -1);  /* a static name: valid after the pop */
        lua_pop(L, drop);
        return ss_fail(d, "%s: %s, got %s", path, expected, got);
    }
    if (ss_shape_check(L, -1, path, "", d) < 0) {
        lua_pop(L, drop);
        return -1;
    }
    return 0;
}

static int apply_overlay_value(ss_sandbox *sb, const char *path, int origin_idx, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);  /* scenario overlay */
    if (lua_isfunction(L, -1)) {
        sc_deep_copy(L, -2);                  /* scen fn before */
        lua_insert(L, -3);                 /* before scen fn */
        lua_insert(L, -2);                 /* before fn scen */
        if (ss_sandbox_call(sb, 1, 1, d) < 0) {
            lua_pop(L, 1);
            return ss_wrap(d, "overlay %s", path);
        }
        if (sc_check_data(sb, path, d) < 0) {
            lua_pop(L, 1);
            return -1;
        }
        if (returned_table(L, path, "the overlay function must return the scenario table", 2, d) < 0)
            return -1;
        sc_record_changes(L, -1, -2, origin_idx, "", path);
        lua_remove(L, -2);
        return 0;
    }
    if (returned_table(L, path, "expected the overlay to return a table or a function", 1, d) < 0)
        return -1;
    lua_pushnil(L);
    lua_setfield(L, -2, "extends");
    sc_record_origin(L, -1, origin_idx, "", path);
    sc_merge(L, -2, -1);
    lua_pop(L, 1);
    return 0;
}

