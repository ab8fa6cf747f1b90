/* scenario_set: --set PATH=VALUE, applied after the overlays; a path into a table keyed by ids
 * must name an id that exists.  Part of scenario loading (scenario_parts.h). */
#include "scenario_parts.h"

#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "luakeys.h"
#include "luatext.h"
#include "sbuf.h"
#include "near.h"
#include "parse.h"
#include "shape.h"

/* ---- --set ----------------------------------------------------------------------------- */

/* Tables keyed by ids the scenario defines.  A path into one must name an id that exists: a typo
 * would otherwise create a new, half-described service and fail far away, about its capacity. */
static const struct { const char *path, *what; } id_tables[] = {
    {"services", "service"}, {"doors", "door"}, {"population", "cohort"},
    {"organisation.sectors", "sector"}, {"organisation.units", "unit"}, {NULL, NULL}};

const char *ss_scenario_id_kind(const char *path)
{
    for (int i = 0; id_tables[i].path; i++)
        if (strcmp(id_tables[i].path, path) == 0) return id_tables[i].what;
    return NULL;
}

/* "unknown service 'fph' (did you mean fph_barn, fph_voksen?)"; the ids are the string keys of
 * the table at idx. */
static int unknown_id(lua_State *L, int idx, const char *spec, const char *what, const char *id, ss_diag *d)
{
    ss_lua_key *keys;
    int nk = ss_lua_sorted_keys(L, idx, NULL, &keys, NULL), n = 0;
    const char **ids = malloc(sizeof *ids * (size_t)(nk > 0 ? nk : 1));
    for (int i = 0; ids && i < nk; i++)
        if (keys[i].type == LUA_TSTRING) ids[n++] = keys[i].str;  /* anchored: keys of the table */
    char near[512], all[1024] = "";
    for (int i = 0; i < n; i++) snprintf(all + strlen(all), sizeof all - strlen(all), "%s%s", i ? ", " : "", ids[i]);
    int rc = ss_near_names(id, ids, n, near, sizeof near)
                 ? ss_fail(d, "--set %s: unknown %s '%s' (did you mean %s?)", spec, what, id, near)
                 : ss_fail(d, "--set %s: unknown %s '%s' (the %ss are %s)", spec, what, id, what, all);
    free(ids);
    free(keys);
    return rc;
}

/* Push the value of a --set: a Lua literal ({...}, 18, true, "x"), or else the text itself, so
 * --set calendar.working_days=all works.  A decimal comma ("10,5") is a decimal: as Lua it
 * would be two values, of which the first would be kept without a word.  More than one value
 * ("1, 2") is refused. */
static int push_set_value(ss_sandbox *sb, const char *spec, const char *value, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);
    char number[64];
    bool ambiguous;
    if (ss_parse_decimal_comma(value, number, sizeof number, &ambiguous)) value = number;
    if (ambiguous)
        return ss_fail(d, "--set %s: is %s a decimal number or a thousands separator? write it with a point "
                       "(1.25) or without separator (1250)", spec, value);
    char code[2048];
    snprintf(code, sizeof code, "return %s", value);
    int top = lua_gettop(L);
    ss_diag ignore;
    bool literal = ss_sandbox_load(sb, code, strlen(code), "--set", 0, &ignore) == 0 &&
                   ss_sandbox_call(sb, 0, LUA_MULTRET, &ignore) == 0;
    int got = lua_gettop(L) - top;
    if (literal && got > 1) {
        lua_settop(L, top);
        return ss_fail(d, "--set %s: expected one value, got %d (a list is written in braces, {0, 18}; "
                       "a decimal number with a point, 10.5)", spec, got);
    }
    if (!literal || got == 0 || lua_isnil(L, -1) || ss_sandbox_check_data(sb, -1, CITE_MT, &ignore) < 0) {
        lua_settop(L, top);
        lua_pushstring(L, value);
    }
    return 0;
}

/* A number the planner sets is their assumption, and the register says so, with what it
 * replaced: "set by the planner (services.fph.fte=5), in place of 10: seed-000 L335 ...".
 * Pushes the tagged value (or the value itself when it holds no number: a name, a switch). */
static void planner_value(lua_State *L, int value_idx, const char *spec)
{
    lua_pushvalue(L, value_idx);
    if (lua_type(L, -1) != LUA_TNUMBER && !lua_istable(L, -1)) return;
    ss_buf why = {0};
    ss_buf_fmt(&why, "set by the planner (%s)", spec);
    int old = lua_gettop(L) - 1;
    if (sc_is_tag(L, old)) {
        lua_getfield(L, old, "value");
        lua_getfield(L, old, "text");
        if (lua_type(L, -2) == LUA_TNUMBER)
            ss_buf_fmt(&why, ", in place of %s: %s", lua_tostring(L, -2), lua_tostring(L, -1));
        lua_pop(L, 2);
    } else if (lua_type(L, old) == LUA_TNUMBER) {
        lua_pushvalue(L, old);
        ss_buf_fmt(&why, ", in place of %s", lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    lua_pushstring(L, why.s);
    free(why.s);
    int value = lua_gettop(L) - 1;
    ss_lua_push_tag(L, value, value + 1, "assumption", CITE_MT);
    lua_replace(L, value);
    lua_pop(L, 1);
}

/* Pushes one part of a key path as the key it names: "3" is the integer 3 (a list's item). */
static void push_part(lua_State *L, const char *part)
{
    char *end;
    long ix = strtol(part, &end, 10);
    if (*end == '\0' && end != part) lua_pushinteger(L, ix); else lua_pushstring(L, part);
}

/* done = done.part */
static void append_part(char *done, size_t n, const char *part)
{
    char tmp[512];
    ss_lua_path_join(tmp, sizeof tmp, done, part);
    snprintf(done, n, "%s", tmp);
}

/* "services.fph.fte=18": put the value at the path in the scenario table on top of the stack,
 * creating tables on the way (not ids: see id_tables), and record --set as its origin. */
int sc_apply_set(ss_sandbox *sb, const char *spec, int origin_idx, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);
    const char *eq = strchr(spec, '=');
    if (!eq || eq == spec)
        return ss_fail(d, "--set %s: expected PATH=VALUE, e.g. services.fph_barn.fte=10", spec);
    char path[512];
    snprintf(path, sizeof path, "%.*s", (int)(eq - spec), spec);
    if (push_set_value(sb, spec, eq + 1, d) < 0) return -1;
    if (ss_shape_check(L, -1, "--set", path, d) < 0) { lua_pop(L, 1); return -1; }
    int scen = lua_gettop(L) - 1;
    lua_pushvalue(L, scen);                 /* value t */
    char *save, copy[512];
    snprintf(copy, sizeof copy, "%s", path);
    char *part = strtok_r(copy, ".", &save), done[512] = "";
    while (part) {
        char *next = strtok_r(NULL, ".", &save);
        push_part(L, part);
        if (!next) {
            lua_pushvalue(L, -1);
            lua_rawget(L, -3);                  /* value t key old */
            planner_value(L, scen + 1, spec);   /* value t key old new */
            lua_remove(L, -2);
            lua_rawset(L, -3);
            lua_pop(L, 2);
            break;
        }
        lua_rawget(L, -2);
        if (sc_is_tag(L, -1) || (!lua_istable(L, -1) && !lua_isnil(L, -1))) {
            lua_pop(L, 3);
            append_part(done, sizeof done, part);
            return ss_fail(d, "--set %s: %s is a value, not a table", path, done);
        }
        if (lua_isnil(L, -1)) {
            const char *what = ss_scenario_id_kind(done);
            if (what) {
                int rc = unknown_id(L, lua_gettop(L) - 1, spec, what, part, d);
                lua_pop(L, 3);
                return rc;
            }
            lua_pop(L, 1);
            lua_newtable(L);
            push_part(L, part);
            lua_pushvalue(L, -2);
            lua_rawset(L, -4);
        }
        lua_remove(L, -2);
        append_part(done, sizeof done, part);
        part = next;
    }
    lua_pushstring(L, "--set");
    lua_setfield(L, origin_idx, path);
    return 0;
}

