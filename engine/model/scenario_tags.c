/* scenario_tags: the helpers a scenario file marks its numbers with, cite(value, "where"),
 * assume(value, "why"), effect(value, "why") and calibrated(value, "target", "why"), each with
 * an optional range last (range.h), and the environment scenario and overlay files run in.
 * Part of scenario loading (scenario_parts.h). */
#include "scenario_parts.h"

#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "luatext.h"
#include "reason.h"

/* ---- cite and assume ------------------------------------------------------------------- */

/* A reason argument that is not a table: a string (or a number, as Lua's own functions take it). */
static const char *reason_arg(lua_State *L, int arg)
{
    int t = lua_type(L, arg);
    if (t != LUA_TSTRING && t != LUA_TNUMBER)
        luaL_argerror(L, arg, lua_pushfstring(L, "expected a reason, %s, got %s", SS_REASON_FORM, luaL_typename(L, arg)));
    return lua_tostring(L, arg);
}

/* The value and the text are at first and first + 1, the optional range at range_idx (0: none);
 * the tag is pushed.  The range is checked once the scenario is resolved (scenario_register.c),
 * when the number's key path is known; the tag keeps where it was written for that message.  The
 * text may be a string or { "English", nb = "Norsk" } (reason.h); a string is checked as it always
 * was, so its messages stay Lua's own ("bad argument #2 to 'cite' (string expected, ...)"). */
static int make_tag_at(lua_State *L, int first, int range_idx, const char *kind)
{
    luaL_checkany(L, first);
    const char *text, *nb;
    char why[256];
    if (!lua_istable(L, first + 1))
        text = reason_arg(L, first + 1);
    else if (ss_reason_get(L, first + 1, &text, &nb, why, sizeof why) < 0)
        return luaL_error(L, "%s: %s", ss_provenance_function(kind), why);
    if (!*text)
        return luaL_error(L, "%s: the text must say where the value comes from", kind);
    if (ss_lua_is_tag(L, first, CITE_MT))
        return luaL_error(L, "%s: the value is already cited", kind);
    bool ranged = range_idx && !lua_isnoneornil(L, range_idx);
    luaL_where(L, 1);                                     /* ... where */
    ss_lua_push_tag(L, first, first + 1, kind, CITE_MT);  /* ... where tag */
    lua_insert(L, -2);
    lua_setfield(L, -2, "where");
    if (ranged) {
        lua_pushvalue(L, range_idx);
        lua_setfield(L, -2, "range");
    }
    return 1;
}

/* cite(value, "where", [range]) and its kin: the range is the third argument. */
static int make_tag(lua_State *L, const char *kind) { return make_tag_at(L, 1, 3, kind); }

static int l_cite(lua_State *L) { return make_tag(L, "source"); }
static int l_assume(lua_State *L) { return make_tag(L, "assumption"); }
/* effect(0.3, "why"): an overlay's benefit that is assumed, not produced by a mechanism. */
static int l_effect(lua_State *L) { return make_tag(L, "effect"); }

/* calibrated(2600, "mu_vedtak", "why", [range]): a value chosen so that a listed calibration
 * target is met; the target (calibration.targets.mu_vedtak) carries the citation, and the result
 * that target describes is not a finding. */
static int l_calibrated(lua_State *L)
{
    luaL_checkany(L, 1);
    const char *target = luaL_checkstring(L, 2);
    if (!lua_istable(L, 3))
        reason_arg(L, 3);  /* a reason table is checked by make_tag_at */
    if (!ss_lua_is_identifier(target))
        return luaL_error(L, "calibrated: the second argument names a target of calibration.targets, got \"%s\"",
                          target);
    lua_settop(L, 4);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 3);                   /* value target text range value text */
    make_tag_at(L, 5, 4, "calibrated");    /* ... tag */
    lua_pushvalue(L, 2);
    lua_setfield(L, -2, "target");
    return 1;
}

const char *ss_provenance_function(const char *kind)
{
    static const char *const names[][2] = {{"source", "cite"}, {"assumption", "assume"},
                                           {"calibrated", "calibrated"}, {"effect", "effect"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(kind, names[i][0]) == 0) return names[i][1];
    return "assume";
}

bool sc_is_tag(lua_State *L, int idx) { return ss_lua_is_tag(L, idx, CITE_MT); }

bool ss_scenario_is_tag(lua_State *L, int idx) { return sc_is_tag(L, idx); }

/* A table whose [1] is set is a list (or a distribution): it replaces, never merges. */
bool sc_is_list(lua_State *L, int idx)
{
    lua_rawgeti(L, idx, 1);
    bool yes = !lua_isnil(L, -1);
    lua_pop(L, 1);
    return yes;
}

/* The environment scenario, overlay and rule files run in: strict, plus the four helpers.  The
 * tags' metatable is made on first use in each sandbox, hidden so that getmetatable(cite(1, "x"))
 * cannot reach and change it. */
int ss_provenance_check_data(ss_sandbox *sb, ss_diag *d) { return ss_sandbox_check_data(sb, -1, CITE_MT, d); }

void ss_provenance_push_env(ss_sandbox *sb)
{
    static const lua_CFunction helpers[4] = {l_cite, l_assume, l_effect, l_calibrated};
    lua_State *L = ss_sandbox_lua(sb);
    if (luaL_newmetatable(L, CITE_MT)) {               /* mt */
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_pop(L, 1);                                     /* */
    ss_lua_push_provenance_env(sb, helpers);           /* env */
}
