/* scenario_register: the sources register: every number of the resolved scenario with the
 * kind and text of the tag around it (or MISSING) and its range, checked here; the ranged
 * numbers (for sensitivity) and those check --strict wants a range on; and the resolved scenario
 * as Lua text.  Part
 * of scenario loading (scenario_parts.h). */
#include "scenario_parts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "luakeys.h"
#include "luatext.h"
#include "range.h"
#include "xalloc.h"

/* ---- printing back as Lua -------------------------------------------------------------- */

/* The resolved scenario as stored with each run and hashed: tags kept, numbers exact. */
void sc_write_lua(ss_buf *b, lua_State *L, int idx)
{
    ss_lua_writer w = {.tag_meta = CITE_MT};
    ss_lua_write(b, L, idx, 0, &w);
}

/* ---- the register ---------------------------------------------------------------------- */

static void register_walk(lua_State *L, int idx, const char *prefix, sc_sources *out,
                          const char *inherited_kind, const char *inherited_text);

static void register_line(sc_sources *out, lua_State *L, const char *path, const char *kind, const char *text,
                          const ss_range *range)
{
    if (!kind) out->unsourced++;
    if (!out->f) return;
    ss_buf v = {0};
    sc_write_lua(&v, L, -1);
    char r[160] = "", t[128];
    if (range) {
        ss_range_describe(range, t, sizeof t);
        snprintf(r, sizeof r, " [range %s]", t);
    }
    fprintf(out->f, "%-48s %-12s %-10s %s%s\n", path, v.s, kind ? kind : "MISSING",
            kind ? text : "no source and no assumption", r);
    free(v.s);
}

/* "scenarios/x.lua:12:" where the tag on top was written, or the file that set path. */
static void tag_where(lua_State *L, const sc_sources *out, const char *path, char *where, size_t n)
{
    if (lua_getfield(L, -1, "where") == LUA_TSTRING && lua_tostring(L, -1)[0])
        snprintf(where, n, "%.*s", (int)strcspn(lua_tostring(L, -1), " "), lua_tostring(L, -1));  /* "f.lua:12:" */
    else
        snprintf(where, n, "%s:", out->origin ? out->origin(out->origin_ud, path) : "scenario");
    lua_pop(L, 1);
}

/* The range of the tag on top, whose value is at value_idx: read into *r (true), or absent
 * (false); a bad range fails the walk with file, line and key path. */
static bool tag_range(lua_State *L, int value_idx, const char *path, const char *kind, sc_sources *out, ss_range *r)
{
    value_idx = lua_absindex(L, value_idx);
    if (lua_getfield(L, -1, "range") == LUA_TNIL) { lua_pop(L, 1); return false; }
    char why[256] = "", where[512];
    int rc = lua_type(L, value_idx) == LUA_TNUMBER
                 ? ss_range_read(L, -1, lua_tonumber(L, value_idx), r, why, sizeof why)
                 : (snprintf(why, sizeof why, "a range belongs to one number, not to a %s", luaL_typename(L, value_idx)), -1);
    lua_pop(L, 1);
    if (rc < 0 && out->d && !out->failed) {
        tag_where(L, out, path, where, sizeof where);
        ss_fail(out->d, "%s %s: %s(...) range: %s", where, path, ss_provenance_function(kind), why);
        out->failed = 1;
    }
    return rc == 0;
}

static void collect_ranged(sc_sources *out, lua_State *L, const char *path, const char *kind, const ss_range *r)
{
    if ((out->nranged & (out->nranged - 1)) == 0) {   /* grow at powers of two */
        ss_ranged *more = realloc(out->ranged, sizeof *more * (size_t)(out->nranged ? 2 * out->nranged : 8));
        if (!more) ss_out_of_memory(0);
        out->ranged = more;
    }
    ss_ranged *p = &out->ranged[out->nranged++];
    memset(p, 0, sizeof *p);
    snprintf(p->path, sizeof p->path, "%s", path);
    snprintf(p->kind, sizeof p->kind, "%s", kind);
    p->value = lua_tonumber(L, -1);
    /* whole numbers stay whole (slots, weeks) when the number and its range are written so */
    p->integer = lua_isinteger(L, -1) && r->low == floor(r->low) && r->high == floor(r->high) &&
                 (r->dist != SS_RANGE_TRIANGULAR || r->mode == floor(r->mode));
    p->range = *r;
}

/* check --strict: a calibrated number or an effect must say how far it may be off.  The tag is
 * under its value on the stack; a table (a distribution, a list of shares) cannot carry a range. */
static void strict_line(sc_sources *out, lua_State *L, const char *path, const char *kind)
{
    if (!out->strict || (strcmp(kind, "calibrated") != 0 && strcmp(kind, "effect") != 0)) return;
    char where[512];
    bool table = lua_istable(L, -1);
    bool effect = strcmp(kind, "effect") == 0;
    lua_pushvalue(L, -2);
    tag_where(L, out, path, where, sizeof where);
    lua_pop(L, 1);
    if (table)
        fprintf(out->strict, "%s %s: %s(...) of a table has no range (a range belongs to one number: put the tag "
                "and its range on the number inside, e.g. mean = %s)\n", where, path, ss_provenance_function(kind),
                effect ? "effect(21, \"why\", {14, 28})" : "calibrated(50, \"target\", \"why\", {40, 70})");
    else
        fprintf(out->strict, "%s %s: %s(...) has no range (expected e.g. %s, {low, high}))\n", where, path,
                ss_provenance_function(kind), effect ? "effect(0.3, \"why\"" : "calibrated(2600, \"target\", \"why\"");
    out->unranged++;
}

/* A cite()/assume()/effect()/calibrated() tag on top: its value, with its kind and text, for
 * itself and all below; a calibrated value's text names its target. */
static void register_tag(lua_State *L, const char *path, sc_sources *out)
{
    lua_getfield(L, -1, "kind");
    lua_getfield(L, -2, "text");
    if (lua_getfield(L, -3, "target") == LUA_TSTRING) {  /* "to target mu_vedtak: why" */
        lua_pushfstring(L, "to target %s: %s", lua_tostring(L, -1), lua_tostring(L, -2));
        lua_replace(L, -3);
    }
    lua_pop(L, 1);
    lua_pushvalue(L, -3);
    lua_getfield(L, -4, "value");                        /* tag kind text tag value */
    const char *kind = lua_tostring(L, -4), *text = lua_tostring(L, -3);
    ss_range r;
    lua_pushvalue(L, -2);
    bool ranged = tag_range(L, -2, path, kind, out, &r); /* tag kind text tag value tag */
    lua_pop(L, 1);
    if (lua_istable(L, -1)) {
        if (!ranged) strict_line(out, L, path, kind);   /* a range goes on one number inside */
        register_walk(L, -1, path, out, kind, text);
    } else if (lua_type(L, -1) == LUA_TNUMBER) {
        register_line(out, L, path, kind, text, ranged ? &r : NULL);
        if (ranged && out->collect) collect_ranged(out, L, path, kind, &r);
        if (!ranged) strict_line(out, L, path, kind);
    }
    lua_pop(L, 4);  /* kind and text stayed anchored on the stack */
}

static void register_walk(lua_State *L, int idx, const char *prefix, sc_sources *out,
                          const char *inherited_kind, const char *inherited_text)
{
    if (!lua_checkstack(L, 8)) return;  /* nesting is bounded by shape.h; only out of memory */
    idx = lua_absindex(L, idx);
    ss_lua_key *keys;
    int n = ss_lua_sorted_keys(L, idx, NULL, &keys, NULL);
    for (int k = 0; k < n; k++) {
        char kt[256], p[1024];
        ss_lua_key_text(&keys[k], kt, sizeof kt);
        ss_lua_path_join(p, sizeof p, prefix, kt);
        ss_lua_push_key(L, &keys[k]);
        lua_rawget(L, idx);
        bool order = keys[k].type == LUA_TSTRING && strcmp(keys[k].str, "order") == 0;
        if (sc_is_tag(L, -1))
            register_tag(L, p, out);
        else if (lua_istable(L, -1))
            register_walk(L, -1, p, out, inherited_kind, inherited_text);
        else if (lua_type(L, -1) == LUA_TNUMBER && !order)  /* order: presentation, not the model */
            register_line(out, L, p, inherited_kind, inherited_text, NULL);
        lua_pop(L, 1);
    }
    free(keys);
}

void sc_register_walk(lua_State *L, int idx, sc_sources *out)
{
    register_walk(L, idx, "", out, NULL, NULL);
}

int sc_register(lua_State *L, int idx, FILE *f)
{
    sc_sources out = {.f = f};
    register_walk(L, idx, "", &out, NULL, NULL);
    return out.unsourced;
}
