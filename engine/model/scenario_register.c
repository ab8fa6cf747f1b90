/* scenario_register: the sources register: every number of the resolved scenario with the
 * kind and text of the tag around it (or MISSING), and the resolved scenario as Lua text.  Part
 * of scenario loading (scenario_parts.h). */
#include "scenario_parts.h"

#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "luakeys.h"
#include "luatext.h"

/* ---- printing back as Lua -------------------------------------------------------------- */

/* The resolved scenario as stored with each run and hashed: tags kept, numbers exact. */
void sc_write_lua(ss_buf *b, lua_State *L, int idx)
{
    ss_lua_writer w = {.tag_meta = CITE_MT};
    ss_lua_write(b, L, idx, 0, &w);
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
    sc_write_lua(&v, L, -1);
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
        sc_join(p, sizeof p, prefix, kt);
        ss_lua_push_key(L, &keys[k]);
        lua_rawget(L, idx);
        bool order = keys[k].type == LUA_TSTRING && strcmp(keys[k].str, "order") == 0;
        if (sc_is_tag(L, -1))
            register_tag(L, p, out);
        else if (lua_istable(L, -1))
            register_walk(L, -1, p, out, inherited_kind, inherited_text);
        else if (lua_type(L, -1) == LUA_TNUMBER && !order)  /* order: presentation, not the model */
            register_line(out, L, p, inherited_kind, inherited_text);
        lua_pop(L, 1);
    }
    free(keys);
}

int sc_register(lua_State *L, int idx, FILE *f)
{
    int unsourced = 0;
    sources out = {.f = f, .unsourced = &unsourced};
    register_walk(L, idx, "", &out, NULL, NULL);
    return unsourced;
}
