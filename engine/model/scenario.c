/* scenario: load, inherit, overlay, override, print back, hash, validate. */
#include "scenario.h"

#include <stdarg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <openssl/evp.h>

#include "calibration.h"
#include "model_read.h"
#include "near.h"
#include "overlay_fit.h"
#include "parse.h"
#include "luatext.h"
#include "sandbox.h"
#include "sbuf.h"
#include "luakeys.h"
#include "shape.h"
#include "source.h"

#define CITE_MT "samsim.cite"   /* metatable of cite()/assume() values */
#define MAX_EXTENDS 16

struct ss_scenario {
    char *path;
    ss_sandbox *sb;
    int resolved_ref;   /* registry: the resolved table, citations kept */
    int origin_ref;     /* registry: path string -> file that set it */
    char *text;
    char hash[65];
    char rules_hash[65];
    ss_model *model;
    int unsourced;
};

/* ---- cite and assume ------------------------------------------------------------------- */

/* The value and the text are at first and first + 1; the tag is pushed. */
static int make_tag_at(lua_State *L, int first, const char *kind)
{
    luaL_checkany(L, first);
    const char *text = luaL_checkstring(L, first + 1);
    if (!*text)
        return luaL_error(L, "%s: the text must say where the value comes from", kind);
    if (ss_lua_is_tag(L, first, CITE_MT))
        return luaL_error(L, "%s: the value is already cited", kind);
    ss_lua_push_tag(L, first, first + 1, kind, CITE_MT);  /* value text tag */
    return 1;
}

static int make_tag(lua_State *L, const char *kind) { return make_tag_at(L, 1, kind); }

static int l_cite(lua_State *L) { return make_tag(L, "source"); }
static int l_assume(lua_State *L) { return make_tag(L, "assumption"); }
/* effect(0.3, "why"): an overlay's benefit that is assumed, not produced by a mechanism. */
static int l_effect(lua_State *L) { return make_tag(L, "effect"); }

/* calibrated(2600, "mu_vedtak", "why"): a value chosen so that a listed calibration target is
 * met; the target (calibration.targets.mu_vedtak) carries the citation, and the result that
 * target describes is not a finding. */
static int l_calibrated(lua_State *L)
{
    luaL_checkany(L, 1);
    const char *target = luaL_checkstring(L, 2);
    luaL_checkstring(L, 3);
    if (!ss_lua_is_identifier(target))
        return luaL_error(L, "calibrated: the second argument names a target of calibration.targets, got \"%s\"",
                          target);
    lua_settop(L, 3);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 3);                   /* value target text value text */
    make_tag_at(L, 4, "calibrated");       /* ... tag */
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

static bool is_tag(lua_State *L, int idx) { return ss_lua_is_tag(L, idx, CITE_MT); }

bool ss_scenario_is_tag(lua_State *L, int idx) { return is_tag(L, idx); }

/* A table whose [1] is set is a list (or a distribution): it replaces, never merges. */
static bool is_list(lua_State *L, int idx)
{
    lua_rawgeti(L, idx, 1);
    bool yes = !lua_isnil(L, -1);
    lua_pop(L, 1);
    return yes;
}

/* ---- paths ----------------------------------------------------------------------------- */

static void key_text(lua_State *L, int idx, char *out, size_t n)
{
    if (lua_type(L, idx) == LUA_TNUMBER)
        snprintf(out, n, "%lld", (long long)lua_tointeger(L, idx));
    else if (lua_type(L, idx) == LUA_TSTRING)
        snprintf(out, n, "%s", lua_tostring(L, idx));
    else
        snprintf(out, n, "?");
}

static void join(char *out, size_t n, const char *prefix, const char *key)
{
    if (*prefix) snprintf(out, n, "%s.%s", prefix, key);
    else snprintf(out, n, "%s", key);
}

/* Record origin[path] = file for every leaf of the table at idx. */
static void record_origin(lua_State *L, int idx, int origin_idx, const char *prefix, const char *file)
{
    if (!lua_checkstack(L, 8)) return;  /* nesting is bounded by shape.h; only out of memory */
    idx = lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        char k[256], p[1024];
        key_text(L, -2, k, sizeof k);
        join(p, sizeof p, prefix, k);
        lua_pushstring(L, file);
        lua_setfield(L, origin_idx, p);
        if (lua_istable(L, -1) && !is_tag(L, -1) && !is_list(L, -1))
            record_origin(L, -1, origin_idx, p, file);
        lua_pop(L, 1);
    }
}

/* ---- merging --------------------------------------------------------------------------- */

/* dst[k] = src[k] for every k, recursing where both sides are plain (non-list) tables. */
static void merge(lua_State *L, int dst, int src)
{
    if (!lua_checkstack(L, 8)) return;  /* nesting is bounded by shape.h; only out of memory */
    dst = lua_absindex(L, dst);
    src = lua_absindex(L, src);
    lua_pushnil(L);
    while (lua_next(L, src)) {
        bool sub = lua_istable(L, -1) && !is_tag(L, -1) && !is_list(L, -1);
        if (sub) {
            lua_pushvalue(L, -2);
            lua_rawget(L, dst);
            if (lua_istable(L, -1) && !is_tag(L, -1) && !is_list(L, -1)) {
                merge(L, -1, -2);
                lua_pop(L, 2);
                continue;
            }
            lua_pop(L, 1);
        }
        lua_pushvalue(L, -2);
        lua_pushvalue(L, -2);
        lua_rawset(L, dst);
        lua_pop(L, 1);
    }
}

static void deep_copy(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    bool room = lua_checkstack(L, 8);  /* nesting is bounded by shape.h; only out of memory */
    if (!room || !lua_istable(L, idx) || is_tag(L, idx)) {
        lua_pushvalue(L, idx);
        return;
    }
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pushvalue(L, -2);
        deep_copy(L, -2);
        lua_rawset(L, -5);
        lua_pop(L, 1);
    }
}

/* After a function overlay: every leaf that differs from the copy taken before is its doing. */
static void record_changes(lua_State *L, int now, int before, int origin_idx, const char *prefix,
                           const char *file)
{
    if (!lua_checkstack(L, 8)) return;  /* nesting is bounded by shape.h; only out of memory */
    now = lua_absindex(L, now);
    before = lua_absindex(L, before);
    lua_pushnil(L);
    while (lua_next(L, now)) {
        char k[256], p[1024];
        key_text(L, -2, k, sizeof k);
        join(p, sizeof p, prefix, k);
        lua_pushvalue(L, -2);
        lua_rawget(L, before);  /* key value old */
        if (lua_istable(L, -2) && !is_tag(L, -2) && lua_istable(L, -1) && !is_tag(L, -1)) {
            record_changes(L, -2, -1, origin_idx, p, file);
        } else if (!lua_rawequal(L, -1, -2)) {
            lua_pushstring(L, file);
            lua_setfield(L, origin_idx, p);
            if (lua_istable(L, -2) && !is_tag(L, -2))
                record_origin(L, -2, origin_idx, p, file);
        }
        lua_pop(L, 2);
    }
}

/* ---- loading files --------------------------------------------------------------------- */

static void push_scenario_env(ss_sandbox *sb)
{
    lua_State *L = ss_sandbox_lua(sb);
    ss_sandbox_push_env(sb);
    lua_pushstring(L, "cite");
    lua_pushcfunction(L, l_cite);
    lua_rawset(L, -3);
    lua_pushstring(L, "assume");
    lua_pushcfunction(L, l_assume);
    lua_rawset(L, -3);
    lua_pushstring(L, "effect");
    lua_pushcfunction(L, l_effect);
    lua_rawset(L, -3);
    lua_pushstring(L, "calibrated");
    lua_pushcfunction(L, l_calibrated);
    lua_rawset(L, -3);
}

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
static int check_data(ss_sandbox *sb, const char *path, ss_diag *d)
{
    if (ss_sandbox_check_data(sb, -1, CITE_MT, d) == 0) return 0;
    lua_pop(ss_sandbox_lua(sb), 1);
    return ss_wrap(d, "%s", path);
}

/* Run a scenario or overlay file; push what it returns. */
static int run_file(ss_sandbox *sb, const char *path, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);
    push_scenario_env(sb);
    int rc = ss_sandbox_loadfile(sb, path, path, lua_gettop(L), d);
    lua_remove(L, -1 - (rc == 0));  /* drop env */
    if (rc < 0 || ss_sandbox_call(sb, 0, 1, d) < 0) return located(d, path);
    return check_data(sb, path, d);
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
static int load_chain(ss_sandbox *sb, const char *path, int origin_idx, int chain_idx, int depth, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);
    if (depth > MAX_EXTENDS)
        return ss_fail(d, "%s: extends goes more than %d levels deep (a cycle?)", path, MAX_EXTENDS);
    lua_pushstring(L, path);  /* the baseline's files, for the overlays' applies_to */
    lua_rawseti(L, chain_idx, (lua_Integer)lua_rawlen(L, chain_idx) + 1);
    if (run_file(sb, path, d) < 0) return -1;
    if (!lua_istable(L, -1) || is_tag(L, -1)) {
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
        record_origin(L, -1, origin_idx, "", path);
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
    if (load_chain(sb, parent, origin_idx, chain_idx, depth + 1, d) < 0) {
        lua_pop(L, 1);
        return ss_wrap(d, "%s: extends", path);
    }
    /* child parent */
    record_origin(L, -2, origin_idx, "", path);
    merge(L, -1, -2);
    lua_remove(L, -2);
    return 0;
}

static int apply_overlay_value(ss_sandbox *sb, const char *path, int origin_idx, ss_diag *d);

/* A number, or a cite()/assume() around one. */
static double plain_number(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    double v = 0;
    if (is_tag(L, idx)) {
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

/* An overlay returns a table (merged in), a function(scenario) that returns the new one, or a
 * described model.  An organisational model keeps total FTE unless it says changes_capacity. */
static int apply_overlay(ss_sandbox *sb, const char *path, int origin_idx, int chain_idx, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);  /* scenario on top */
    double fte_before = total_fte(L, lua_gettop(L));
    bool may_change = false;
    if (run_file(sb, path, d) < 0) return -1;
    if (unpack_described(L, path, chain_idx, &may_change, d) < 0) return -1;
    int rc = apply_overlay_value(sb, path, origin_idx, d);
    if (rc < 0) return -1;
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
        deep_copy(L, -2);                  /* scen fn before */
        lua_insert(L, -3);                 /* before scen fn */
        lua_insert(L, -2);                 /* before fn scen */
        if (ss_sandbox_call(sb, 1, 1, d) < 0) {
            lua_pop(L, 1);
            return ss_wrap(d, "overlay %s", path);
        }
        if (check_data(sb, path, d) < 0) {
            lua_pop(L, 1);
            return -1;
        }
        if (returned_table(L, path, "the overlay function must return the scenario table", 2, d) < 0)
            return -1;
        record_changes(L, -1, -2, origin_idx, "", path);
        lua_remove(L, -2);
        return 0;
    }
    if (returned_table(L, path, "expected the overlay to return a table or a function", 1, d) < 0)
        return -1;
    lua_pushnil(L);
    lua_setfield(L, -2, "extends");
    record_origin(L, -1, origin_idx, "", path);
    merge(L, -2, -1);
    lua_pop(L, 1);
    return 0;
}

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

/* "services.fph.fte=18": put the value at the path in the scenario table on top of the stack,
 * creating tables on the way (not ids: see id_tables), and record --set as its origin. */
static int apply_set(ss_sandbox *sb, const char *spec, int origin_idx, ss_diag *d)
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
        char *end;
        long ix = strtol(part, &end, 10);
        bool numeric = *end == '\0' && end != part;
        if (!next) {
            if (numeric) lua_pushinteger(L, ix); else lua_pushstring(L, part);
            lua_pushvalue(L, scen + 1);
            lua_rawset(L, -3);
            lua_pop(L, 2);
            break;
        }
        if (numeric) lua_pushinteger(L, ix); else lua_pushstring(L, part);
        lua_rawget(L, -2);
        if (is_tag(L, -1) || (!lua_istable(L, -1) && !lua_isnil(L, -1))) {
            lua_pop(L, 3);
            char tmp[512];
            join(tmp, sizeof tmp, done, part);
            snprintf(done, sizeof done, "%s", tmp);
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
            if (numeric) lua_pushinteger(L, ix); else lua_pushstring(L, part);
            lua_pushvalue(L, -2);
            lua_rawset(L, -4);
        }
        lua_remove(L, -2);
        char tmp[512];
        join(tmp, sizeof tmp, done, part);
        snprintf(done, sizeof done, "%s", tmp);
        part = next;
    }
    lua_pushstring(L, "--set");
    lua_setfield(L, origin_idx, path);
    return 0;
}

/* ---- printing back as Lua -------------------------------------------------------------- */

/* The resolved scenario as stored with each run and hashed: tags kept, numbers exact. */
static void write_lua(ss_buf *b, lua_State *L, int idx)
{
    ss_lua_writer w = {.tag_meta = CITE_MT};
    ss_lua_write(b, L, idx, 0, &w);
}

/* ---- unwrapping citations -------------------------------------------------------------- */

/* Replace every cite/assume by its value, in place, on a deep copy made for the model. */
static void unwrap(lua_State *L, int idx)
{
    if (!lua_checkstack(L, 8)) return;  /* nesting is bounded by shape.h; only out of memory */
    idx = lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (is_tag(L, -1)) {
            lua_getfield(L, -1, "value");      /* k tag value */
            lua_pushvalue(L, -3);
            lua_pushvalue(L, -2);
            lua_rawset(L, idx);
            if (lua_istable(L, -1)) unwrap(L, -1);
            lua_pop(L, 2);
        } else {
            if (lua_istable(L, -1)) unwrap(L, -1);
            lua_pop(L, 1);
        }
    }
}

/* ---- the register ---------------------------------------------------------------------- */

typedef struct sources {
    FILE *f;         /* NULL: count only */
    int *unsourced;  /* numbers with neither cite nor assume */
} sources;

static void register_walk(lua_State *L, int idx, const char *prefix, sources *out,
                          const char *inherited_kind, const char *inherited_text);

static void register_line(sources *out, lua_State *L, const char *path, const char *kind, const char *text)
{
    if (!kind) (*out->unsourced)++;
    if (!out->f) return;
    ss_buf v = {0};
    write_lua(&v, L, -1);
    fprintf(out->f, "%-48s %-12s %-10s %s\n", path, v.s, kind ? kind : "MISSING",
            kind ? text : "no source and no assumption");
    free(v.s);
}

/* A cite()/assume()/effect()/calibrated() tag on top: its value, with its kind and text, for
 * itself and all below; a calibrated value's text names its target. */
static void register_tag(lua_State *L, const char *path, sources *out)
{
    lua_getfield(L, -1, "kind");
    lua_getfield(L, -2, "text");
    if (lua_getfield(L, -3, "target") == LUA_TSTRING) {  /* "to target mu_vedtak: why" */
        lua_pushfstring(L, "to target %s: %s", lua_tostring(L, -1), lua_tostring(L, -2));
        lua_replace(L, -3);
    }
    lua_pop(L, 1);
    lua_getfield(L, -3, "value");
    const char *kind = lua_tostring(L, -3), *text = lua_tostring(L, -2);
    if (lua_istable(L, -1))
        register_walk(L, -1, path, out, kind, text);
    else if (lua_type(L, -1) == LUA_TNUMBER)
        register_line(out, L, path, kind, text);
    lua_pop(L, 3);  /* kind and text stayed anchored on the stack */
}

static void register_walk(lua_State *L, int idx, const char *prefix, sources *out,
                          const char *inherited_kind, const char *inherited_text)
{
    if (!lua_checkstack(L, 8)) return;  /* nesting is bounded by shape.h; only out of memory */
    idx = lua_absindex(L, idx);
    ss_lua_key *keys;
    int n = ss_lua_sorted_keys(L, idx, NULL, &keys, NULL);
    for (int k = 0; k < n; k++) {
        char kt[256], p[1024];
        ss_lua_key_text(&keys[k], kt, sizeof kt);
        join(p, sizeof p, prefix, kt);
        ss_lua_push_key(L, &keys[k]);
        lua_rawget(L, idx);
        bool order = keys[k].type == LUA_TSTRING && strcmp(keys[k].str, "order") == 0;
        if (is_tag(L, -1))
            register_tag(L, p, out);
        else if (lua_istable(L, -1))
            register_walk(L, -1, p, out, inherited_kind, inherited_text);
        else if (lua_type(L, -1) == LUA_TNUMBER && !order)  /* order: presentation, not the model */
            register_line(out, L, p, inherited_kind, inherited_text);
        lua_pop(L, 1);
    }
    free(keys);
}

/* ---- the public face ------------------------------------------------------------------- */

void ss_sha256_hex(const void *data, size_t n, char out[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(data, n, md, &len, EVP_sha256(), NULL);
    for (unsigned i = 0; i < len && i < 32; i++) sprintf(out + 2 * i, "%02x", md[i]);
    out[64] = '\0';
}

static const char *origin_of(void *ud, const char *path)
{
    ss_scenario *sc = ud;
    lua_State *L = ss_sandbox_lua(sc->sb);
    char p[1024];
    snprintf(p, sizeof p, "%s", path);
    const char *found = sc->path;
    lua_rawgeti(L, LUA_REGISTRYINDEX, sc->origin_ref);
    for (;;) {
        lua_getfield(L, -1, p);
        if (lua_type(L, -1) == LUA_TSTRING) {
            found = lua_tostring(L, -1);  /* anchored in the origin table */
            lua_pop(L, 1);
            break;
        }
        lua_pop(L, 1);
        char *dot = strrchr(p, '.');
        if (!dot) break;
        *dot = '\0';
    }
    lua_pop(L, 1);
    return found;
}

/* Hash the rule files by path and content, in the model's order. */
static int hash_rules(ss_scenario *sc, ss_diag *d)
{
    ss_buf all = {0};
    ss_buf_str(&all, "");
    for (int i = 0; i < sc->model->nlua_rules; i++) {
        const ss_lua_rule *r = &sc->model->lua_rules[i];
        size_t len;
        char *code = ss_source_read(r->path, SS_SOURCE_MAX_BYTES, &len, d);
        if (!code) { free(all.s); return -1; }
        ss_buf_fmt(&all, "%s\n", r->display);
        ss_buf_add(&all, code, len);
        free(code);
    }
    ss_sha256_hex(all.s, all.n, sc->rules_hash);
    free(all.s);
    return 0;
}

ss_scenario *ss_scenario_load(const char *path, const ss_scenario_opts *opts, ss_diag *d)
{
    ss_scenario *sc = calloc(1, sizeof *sc);
    sc->path = strdup(path);
    sc->resolved_ref = sc->origin_ref = LUA_NOREF;
    sc->sb = ss_sandbox_new(NULL, d);
    if (!sc->sb) { ss_scenario_free(sc); return NULL; }
    lua_State *L = ss_sandbox_lua(sc->sb);
    luaL_newmetatable(L, CITE_MT);
    lua_pushboolean(L, 0);  /* hidden: getmetatable(cite(1, "x")) cannot reach and change it */
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
    lua_newtable(L);
    int origin_idx = lua_gettop(L);
    lua_newtable(L);
    int chain_idx = lua_gettop(L);
    int rc = load_chain(sc->sb, path, origin_idx, chain_idx, 0, d);
    for (int i = 0; rc == 0 && opts && i < opts->noverlays; i++)
        rc = apply_overlay(sc->sb, opts->overlays[i], origin_idx, chain_idx, d);
    for (int i = 0; rc == 0 && opts && i < opts->nsets; i++)
        rc = apply_set(sc->sb, opts->sets[i], origin_idx, d);
    if (rc < 0) { ss_scenario_free(sc); return NULL; }
    lua_remove(L, chain_idx);
    /* origin resolved */
    lua_pushvalue(L, origin_idx);
    sc->origin_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    ss_buf text = {0};
    ss_buf_str(&text, "-- resolved by samsim: extends, overlays and --set applied\nreturn ");
    write_lua(&text, L, -1);
    ss_buf_str(&text, "\n");
    sc->text = text.s;
    ss_sha256_hex(text.s, text.n, sc->hash);
    sources count = {.unsourced = &sc->unsourced};
    register_walk(L, -1, "", &count, NULL, NULL);
    deep_copy(L, -1);                 /* origin resolved copy */
    unwrap(L, -1);
    lua_pushnil(L);                   /* the targets describe results, not the model */
    lua_setfield(L, -2, "calibration");
    sc->model = ss_model_build(L, -1, origin_of, sc, d);
    lua_pop(L, 1);
    if (sc->model && ss_calibration_check(L, -1, sc->model, origin_of, sc, d) < 0) {
        ss_scenario_free(sc);
        return NULL;
    }
    sc->resolved_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);
    if (!sc->model || hash_rules(sc, d) < 0) { ss_scenario_free(sc); return NULL; }
    return sc;
}

void ss_scenario_free(ss_scenario *sc)
{
    if (!sc) return;
    ss_model_free(sc->model);
    ss_sandbox_free(sc->sb);
    free(sc->text);
    free(sc->path);
    free(sc);
}

const char *ss_scenario_path(const ss_scenario *sc) { return sc->path; }
const ss_model *ss_scenario_model(const ss_scenario *sc) { return sc->model; }
const char *ss_scenario_text(const ss_scenario *sc) { return sc->text; }
const char *ss_scenario_hash(const ss_scenario *sc) { return sc->hash; }
const char *ss_scenario_rules_hash(const ss_scenario *sc) { return sc->rules_hash; }
int ss_scenario_unsourced(const ss_scenario *sc) { return sc->unsourced; }

void ss_scenario_print_sources(const ss_scenario *sc, FILE *f)
{
    lua_State *L = ss_sandbox_lua(sc->sb);
    int dummy = 0;
    fprintf(f, "%-48s %-12s %-10s %s\n", "parameter", "value", "kind", "source or reason");
    lua_rawgeti(L, LUA_REGISTRYINDEX, sc->resolved_ref);
    sources print = {.f = f, .unsourced = &dummy};
    register_walk(L, -1, "", &print, NULL, NULL);
    ss_calibration_print(L, -1, f);
    lua_pop(L, 1);
}
