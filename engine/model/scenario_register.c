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
#include "reason.h"
#include "xalloc.h"

/* ---- printing back as Lua -------------------------------------------------------------- */

/* The resolved scenario as stored with each run and hashed: tags kept, numbers exact. */
void sc_write_lua(ss_buf *b, lua_State *L, int idx)
{
    ss_lua_writer w = {.tag_meta = CITE_MT};
    ss_lua_write(b, L, idx, 0, &w);
}

/* ---- the register ---------------------------------------------------------------------- */

static void register_child(lua_State *L, const ss_lua_key *k, const char *path, void *ud);

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

/* A list of n items of size bytes with room for one more: it grows at powers of two. */
static void *room_for_one(void *list, int n, size_t size)
{
    if (n >= 8 && (n & (n - 1)) != 0)
        return list;
    return xrealloc(list, size * (size_t)(n >= 8 ? 2 * n : 8));
}

static void collect_ranged(sc_sources *out, lua_State *L, const char *path, const char *kind, const ss_range *r)
{
    out->ranged = room_for_one(out->ranged, out->nranged, sizeof *out->ranged);
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

/* check --strict: a tag's reason with no Norwegian text beside it, the tag under its value on the
 * stack; the first few are named (the count says how many). */
enum { UNTRANSLATED_NAMED = 5 };
static void count_translation(sc_sources *out, lua_State *L, const char *path, const char *kind, const char *nb)
{
    out->reasons++;
    if (nb) {
        out->reasons_nb++;
        return;
    }
    if (!out->untranslated || out->reasons - out->reasons_nb > UNTRANSLATED_NAMED) return;
    char where[512];
    lua_pushvalue(L, -2);
    tag_where(L, out, path, where, sizeof where);
    lua_pop(L, 1);
    fprintf(out->untranslated, "%s %s: %s(...) has no Norwegian text (expected e.g. { \"why\", nb = \"hvorfor\" })\n", where,
            path, ss_provenance_function(kind));
}

/* An effect() tag, under its value on the stack: its path, value, reason and where it is written,
 * for ss_scenario_effects. */
static void collect_effect(sc_sources *out, lua_State *L, const char *path, const char *text, const char *nb)
{
    out->effects = room_for_one(out->effects, out->neffects, sizeof *out->effects);
    ss_effect *e = &out->effects[out->neffects++];
    memset(e, 0, sizeof *e);
    snprintf(e->path, sizeof e->path, "%s", path);
    ss_buf v = {0};
    ss_lua_writer w = {.flags = SS_LUA_ONELINE, .tag_meta = CITE_MT};
    ss_lua_write(&v, L, -1, 0, &w);
    snprintf(e->value, sizeof e->value, "%s", v.s);
    free(v.s);
    e->number = lua_type(L, -1) == LUA_TNUMBER ? lua_tonumber(L, -1) : NAN;
    snprintf(e->reason, sizeof e->reason, "%s", text);
    snprintf(e->reason_nb, sizeof e->reason_nb, "%s", nb ? nb : "");
    lua_pushvalue(L, -2);
    tag_where(L, out, path, e->source, sizeof e->source);
    lua_pop(L, 1);
    size_t n = strlen(e->source);
    if (n > 0 && e->source[n - 1] == ':') e->source[n - 1] = '\0';  /* "f.lua:12", not "f.lua:12:" */
}

/* A cite()/assume()/effect()/calibrated() tag on top: its value, with its kind and text, for
 * itself and all below; a calibrated value's text names its target. */
static void register_tag(lua_State *L, const char *path, sc_sources *out)
{
    lua_getfield(L, -1, "kind");
    lua_getfield(L, -2, "text");
    if (lua_getfield(L, -3, "nb") != LUA_TSTRING) {      /* tag kind text nb|nil */
        lua_pop(L, 1);
        lua_pushnil(L);
    }
    if (lua_getfield(L, -4, "target") == LUA_TSTRING) {  /* "to target mu_vedtak: why" */
        lua_pushfstring(L, "to target %s: %s", lua_tostring(L, -1), lua_tostring(L, -3));
        lua_replace(L, -4);
        if (lua_type(L, -2) == LUA_TSTRING) {
            lua_pushfstring(L, "kalibreringsm\u00e5l %s: %s", lua_tostring(L, -1), lua_tostring(L, -2));
            lua_replace(L, -3);
        }
    }
    lua_pop(L, 1);
    lua_pushvalue(L, -4);
    lua_getfield(L, -5, "value");                        /* tag kind text nb tag value */
    const char *kind = lua_tostring(L, -5), *text = lua_tostring(L, -4), *nb = lua_tostring(L, -3);
    ss_range r;
    lua_pushvalue(L, -2);
    bool ranged = tag_range(L, -2, path, kind, out, &r); /* tag kind text nb tag value tag */
    lua_pop(L, 1);
    if (out->collect_effects && strcmp(kind, "effect") == 0)
        collect_effect(out, L, path, text, nb);
    count_translation(out, L, path, kind, nb);
    if (lua_istable(L, -1)) {
        if (!ranged) strict_line(out, L, path, kind);   /* a range goes on one number inside */
        const char *outer_kind = out->kind, *outer_text = out->text, *outer_nb = out->nb;
        out->kind = kind;
        out->text = text;
        out->nb = nb;
        ss_lua_each_child(L, -1, path, register_child, out);
        out->kind = outer_kind;
        out->text = outer_text;
        out->nb = outer_nb;
    } else if (lua_type(L, -1) == LUA_TNUMBER) {
        register_line(out, L, path, kind, ss_reason_pick(text, nb, out->norwegian), ranged ? &r : NULL);
        if (ranged && out->collect) collect_ranged(out, L, path, kind, &r);
        if (!ranged) strict_line(out, L, path, kind);
    }
    lua_pop(L, 5);  /* kind, text and nb stayed anchored on the stack */
}

static void register_child(lua_State *L, const ss_lua_key *k, const char *path, void *ud)
{
    sc_sources *out = ud;
    bool order = k->type == LUA_TSTRING && strcmp(k->str, "order") == 0;
    if (sc_is_tag(L, -1))
        register_tag(L, path, out);
    else if (lua_istable(L, -1))
        ss_lua_each_child(L, -1, path, register_child, out);
    else if (lua_type(L, -1) == LUA_TNUMBER && !order)  /* order: presentation, not the model */
        register_line(out, L, path, out->kind, out->text ? ss_reason_pick(out->text, out->nb, out->norwegian) : NULL, NULL);
}

void sc_register_walk(lua_State *L, int idx, sc_sources *out)
{
    ss_lua_each_child(L, idx, "", register_child, out);
}

int sc_register(lua_State *L, int idx, FILE *f, bool norwegian)
{
    sc_sources out = {.f = f, .norwegian = norwegian};
    ss_lua_each_child(L, idx, "", register_child, &out);
    return out.unsourced;
}
