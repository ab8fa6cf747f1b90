/* tree: the resolved scenario as a Lua table in the REPL's sandbox.
 *
 * The engine prints every resolved scenario back as Lua (ss_scenario_text), so the REPL reads
 * that text rather than reaching into the engine's own state: the model view, `show params`,
 * `show diff`, completion of parameter paths and `save` all work on these tables.  Values written
 * with cite()/assume() either keep their tag (diff and save must write them back) or are
 * replaced by the plain value (what a planner reads in `model`). */
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "luatext.h"
#include "repl.h"
#include "xalloc.h"

#define TAG_META "samsim.repl.tag"
#define DISPLAY_MAX_DEPTH 12   /* a table that holds itself stops here */
#define DISPLAY_MAX_BYTES 200000

/* ---- loading ------------------------------------------------------------------------------ */

/* The range given at idx, if any, kept on the tag on top (save writes it back). */
static void keep_range(lua_State *L, int idx)
{
    if (lua_isnoneornil(L, idx)) return;
    lua_pushvalue(L, idx);
    lua_setfield(L, -2, "range");
}

/* cite(value, text, [range]) in tag-keeping mode: {value, text, kind} with the tag metatable. */
static int tag_value(lua_State *L, const char *kind)
{
    lua_settop(L, 3);
    ss_lua_push_tag(L, 1, 2, kind, TAG_META);
    keep_range(L, 3);
    return 1;
}

static int l_cite_tag(lua_State *L) { return tag_value(L, "source"); }
static int l_assume_tag(lua_State *L) { return tag_value(L, "assumption"); }
static int l_effect_tag(lua_State *L) { return tag_value(L, "effect"); }
/* calibrated(value, target, text, [range]): the tag keeps its target, so save writes it back. */
static int l_calibrated_tag(lua_State *L)
{
    lua_settop(L, 4);
    ss_lua_push_tag(L, 1, 3, "calibrated", TAG_META);
    lua_pushvalue(L, 2);
    lua_setfield(L, -2, "target");
    keep_range(L, 4);
    return 1;
}
/* cite(value, text) for the model view: just the value. */
static int l_plain(lua_State *L) { lua_settop(L, 1); return 1; }

int repl_tree_push(ss_sandbox *sb, const ss_scenario *sc, bool keep_tags, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);
    luaL_newmetatable(L, TAG_META);                    /* mt (made once) */
    lua_pop(L, 1);
    static const lua_CFunction tags[4] = {l_cite_tag, l_assume_tag, l_effect_tag, l_calibrated_tag};
    static const lua_CFunction plain[4] = {l_plain, l_plain, l_plain, l_plain};
    ss_lua_push_provenance_env(sb, keep_tags ? tags : plain);   /* env */
    const char *text = ss_scenario_text(sc);
    int rc = ss_sandbox_load(sb, text, strlen(text), ss_scenario_path(sc), -1, d);
    if (rc == 0) rc = ss_sandbox_call(sb, 0, 1, d);    /* env table */
    const char *params = ss_scenario_parameters_text(sc);
    if (rc == 0 && params) {  /* the rule files' parameters in force, set-able as any other value */
        ss_buf code = {0};
        ss_buf_fmt(&code, "return %s", params);
        rc = ss_sandbox_load(sb, code.s, code.n, "rule parameters", -2, d);
        free(code.s);
        if (rc == 0) rc = ss_sandbox_call(sb, 0, 1, d);  /* env table params */
        if (rc == 0) lua_setfield(L, -2, "parameters");  /* env table */
        if (rc < 0) lua_pop(L, 1);                       /* env */
    }
    lua_remove(L, -1 - (rc == 0));                     /* table | (nothing) */
    return rc;
}

int repl_tree_push_loaded_and_edited(repl *r, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    int top = lua_gettop(L);
    if (repl_tree_push(r->sb, r->base, true, d) < 0 || repl_tree_push(r->sb, r->cur->sc, true, d) < 0) {
        lua_settop(L, top);
        return -1;
    }
    return 0;
}

bool repl_tree_is_tag(lua_State *L, int idx) { return ss_lua_is_tag(L, idx, TAG_META); }

void repl_tree_push_plain(lua_State *L, int idx)
{
    if (repl_tree_is_tag(L, idx))
        lua_getfield(L, idx, "value");
    else
        lua_pushvalue(L, idx);
}

/* ---- paths of keys ---------------------------------------------------------------------- */


/* ---- writing Lua ------------------------------------------------------------------------------ */

/* A read-only view (luaeval.c) shows the table behind it. */
static bool unwrap_view(lua_State *L, int idx, void *ud)
{
    if (!lua_getmetatable(L, idx))
        return false;
    lua_pushliteral(L, "__view");  /* raw, here and below: no metamethod of a planner's value runs */
    bool view = lua_rawget(L, -2) != LUA_TNIL;
    lua_pop(L, 1);
    if (!view) { lua_pop(L, 1); return false; }
    lua_pushliteral(L, "__index");
    lua_rawget(L, -2);                                 /* mt real */
    lua_remove(L, -2);                                 /* real */
    return true;
}

/* An estimate (luaeval.c) is shown as its text, "22.03 [14.92, 29.15]". */
static bool write_estimate(ss_buf *b, lua_State *L, int idx, void *ud)
{
    if (!lua_getmetatable(L, idx))
        return false;
    lua_pushliteral(L, "__estimate");
    bool est = lua_rawget(L, -2) != LUA_TNIL;
    lua_pop(L, 1);                                     /* mt */
    if (!est) { lua_pop(L, 1); return false; }
    lua_pushliteral(L, "__index");                     /* a view reads its real table */
    if (lua_rawget(L, -2) != LUA_TTABLE) { lua_pop(L, 1); lua_pushvalue(L, idx); }
    lua_remove(L, -2);                                 /* fields */
    const char *names[] = {"mean", "ci_low", "ci_high"};
    double v[3];
    bool have[3];
    for (int i = 0; i < 3; i++) {
        lua_pushstring(L, names[i]);
        lua_rawget(L, -2);
        have[i] = lua_type(L, -1) == LUA_TNUMBER;
        v[i] = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (!have[0]) ss_buf_str(b, "-");
    else if (!have[1] || !have[2]) ss_buf_fmt(b, "%.4g", v[0]);
    else ss_buf_fmt(b, "%.4g [%.4g, %.4g]", v[0], v[1], v[2]);
    return true;
}

void repl_tree_write(ss_buf *b, lua_State *L, int idx, int indent, int flags)
{
    ss_lua_writer w = {.tag_meta = TAG_META, .special = write_estimate, .replace = unwrap_view};
    w.flags = ((flags & REPL_TREE_ONELINE) ? SS_LUA_ONELINE : 0) | ((flags & REPL_TREE_DISPLAY) ? SS_LUA_DISPLAY : 0);
    w.max_depth = DISPLAY_MAX_DEPTH;
    w.max_bytes = DISPLAY_MAX_BYTES;
    ss_lua_write(b, L, idx, indent, &w);
}

/* ---- paths -------------------------------------------------------------------------------- */

/* Push t[seg] where seg "3" means the integer key 3, as --set reads it. */
static void get_segment(lua_State *L, int t, const char *seg)
{
    char *end;
    long ix = strtol(seg, &end, 10);
    if (*seg && *end == '\0') lua_pushinteger(L, ix);
    else lua_pushstring(L, seg);
    lua_rawget(L, t);
}

int repl_tree_get(lua_State *L, int idx, const char *path)
{
    idx = lua_absindex(L, idx);
    char copy[1024];
    snprintf(copy, sizeof copy, "%s", path);
    lua_pushvalue(L, idx);                             /* cur */
    int found = 0;
    char *save = NULL;
    for (char *seg = strtok_r(copy, ".", &save); seg; seg = strtok_r(NULL, ".", &save)) {
        repl_tree_push_plain(L, -1);                   /* cur plain */
        lua_remove(L, -2);                             /* plain */
        if (!lua_istable(L, -1)) { lua_pop(L, 1); lua_pushnil(L); return found; }
        get_segment(L, lua_gettop(L), seg);            /* plain child */
        lua_remove(L, -2);                             /* child */
        if (lua_isnil(L, -1)) return found;
        found++;
    }
    return found;
}

/* The first missing segment of path compared with the keys beside it. */
void repl_tree_suggest(ss_lang lang, lua_State *L, int tree, const char *path, int found, char *out, size_t n)
{
    out[0] = '\0';
    tree = lua_absindex(L, tree);
    char parent[1024] = "";
    const char *p = path;
    for (int i = 0; i < found; i++) p = strchr(p, '.') + 1;
    snprintf(parent, sizeof parent, "%.*s", (int)(p - path > 0 ? p - path - 1 : 0), path);
    char want[256];
    snprintf(want, sizeof want, "%.*s", (int)strcspn(p, "."), p);
    if (*parent) repl_tree_get(L, tree, parent); else lua_pushvalue(L, tree);
    repl_tree_push_plain(L, -1);
    const char *cands[256];
    int k = 0;
    if (lua_istable(L, -1)) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (k < 256 && lua_type(L, -2) == LUA_TSTRING) cands[k++] = lua_tostring(L, -2);
            lua_pop(L, 1);
        }
    }
    const char *near = repl_closest(want, cands, k);
    if (near) snprintf(out, n, ss_words(lang, " (did you mean '%s%s%s'?)"), parent, *parent ? "." : "", near);
    lua_pop(L, 2);
}

/* ---- differences -------------------------------------------------------------------------- */

static bool is_list(lua_State *L, int idx)
{
    lua_rawgeti(L, idx, 1);
    bool yes = !lua_isnil(L, -1);
    lua_pop(L, 1);
    return yes;
}

/* A table that `extends` merges key by key (the rest replace whole). */
static bool mergeable(lua_State *L, int idx)
{
    return lua_istable(L, idx) && !repl_tree_is_tag(L, idx) && !is_list(L, idx);
}

static bool deep_equal(lua_State *L, int a, int b);

static bool tables_equal(lua_State *L, int a, int b)
{
    int na, nb;
    ss_lua_key *ka, *kb;
    na = ss_lua_sorted_keys(L, a, NULL, &ka, NULL);
    nb = ss_lua_sorted_keys(L, b, NULL, &kb, NULL);
    if (na < 0 || nb < 0) ss_out_of_memory(0);
    bool eq = na == nb;
    for (int i = 0; eq && i < na; i++) {
        eq = ss_lua_key_cmp(&ka[i], &kb[i]) == 0;
        if (!eq) break;
        ss_lua_push_key(L, &ka[i]);
        lua_rawget(L, a);
        ss_lua_push_key(L, &kb[i]);
        lua_rawget(L, b);
        eq = deep_equal(L, lua_gettop(L) - 1, lua_gettop(L));
        lua_pop(L, 2);
    }
    free(ka);
    free(kb);
    return eq;
}

/* Equal as the resolved text would print them: 1 and 1.0 differ, a tag differs from its value. */
static bool deep_equal(lua_State *L, int a, int b)
{
    a = lua_absindex(L, a);
    b = lua_absindex(L, b);
    if (lua_type(L, a) != lua_type(L, b)) return false;
    if (lua_type(L, a) == LUA_TNUMBER && lua_isinteger(L, a) != lua_isinteger(L, b)) return false;
    if (!lua_istable(L, a)) return lua_rawequal(L, a, b);
    if (repl_tree_is_tag(L, a) != repl_tree_is_tag(L, b)) return false;
    return tables_equal(L, a, b);
}

typedef struct diff_ctx {
    repl_change_fn fn;
    void *ud;
} diff_ctx;

/* Compare one key present on at least one side; patch is the table being built. */
static void diff_key(lua_State *L, const ss_lua_key *k, int base, int cur, int patch, const char *path,
                     diff_ctx *c);

static void diff_tables(lua_State *L, int base, int cur, const char *prefix, diff_ctx *c)
{
    lua_newtable(L);                                   /* patch */
    int patch = lua_gettop(L);
    int nb, nc;
    ss_lua_key *kb, *kc;
    nb = ss_lua_sorted_keys(L, base, NULL, &kb, NULL);
    nc = ss_lua_sorted_keys(L, cur, NULL, &kc, NULL);
    if (nb < 0 || nc < 0) ss_out_of_memory(0);
    for (int i = 0, j = 0; i < nb || j < nc;) {
        int order = i >= nb ? 1 : j >= nc ? -1 : ss_lua_key_cmp(&kb[i], &kc[j]);
        const ss_lua_key *k = order <= 0 ? &kb[i] : &kc[j];
        char kt[256], path[1024];
        ss_lua_key_text(k, kt, sizeof kt);
        ss_lua_path_join(path, sizeof path, prefix, kt);
        diff_key(L, k, base, cur, patch, path, c);
        if (order <= 0) i++;
        if (order >= 0) j++;
    }
    free(kb);
    free(kc);
}

static void diff_key(lua_State *L, const ss_lua_key *k, int base, int cur, int patch, const char *path,
                     diff_ctx *c)
{
    ss_lua_push_key(L, k);
    lua_rawget(L, base);                               /* old */
    ss_lua_push_key(L, k);
    lua_rawget(L, cur);                                /* old new */
    int old = lua_gettop(L) - 1, now = lua_gettop(L);
    if (lua_isnil(L, now)) {
        c->fn(c->ud, path, L, old, 0);                 /* removed: a patch cannot say so */
    } else if (mergeable(L, old) && mergeable(L, now)) {
        diff_tables(L, old, now, path, c);             /* old new sub */
        bool empty = (lua_pushnil(L), !lua_next(L, -2));
        if (!empty) lua_pop(L, 2);
        if (!empty) { ss_lua_push_key(L, k); lua_pushvalue(L, -2); lua_rawset(L, patch); }
        lua_pop(L, 1);
    } else if (lua_isnil(L, old) || !deep_equal(L, old, now)) {
        c->fn(c->ud, path, L, lua_isnil(L, old) ? 0 : old, now);
        ss_lua_push_key(L, k);
        lua_pushvalue(L, now);
        lua_rawset(L, patch);
    }
    lua_pop(L, 2);
}

void repl_tree_diff(lua_State *L, int base, int cur, repl_change_fn fn, void *ud)
{
    diff_ctx c = {fn, ud};
    diff_tables(L, lua_absindex(L, base), lua_absindex(L, cur), "", &c);
}

/* ---- leaves ------------------------------------------------------------------------------- */

static bool is_leaf(lua_State *L, int idx)
{
    if (!lua_istable(L, idx) || repl_tree_is_tag(L, idx)) return true;
    return is_list(L, idx) && ss_lua_is_flat(L, idx, TAG_META);
}

typedef struct leaf_walk {
    repl_leaf_fn fn;
    void *ud;
} leaf_walk;

static void leaf_child(lua_State *L, const ss_lua_key *k, const char *path, void *ud)
{
    const leaf_walk *w = ud;
    if (is_leaf(L, -1)) w->fn(w->ud, path, L, lua_gettop(L));
    else ss_lua_each_child(L, -1, path, leaf_child, ud);
}

void repl_tree_leaves(lua_State *L, int idx, const char *prefix, repl_leaf_fn fn, void *ud)
{
    leaf_walk w = {fn, ud};
    ss_lua_each_child(L, idx, prefix, leaf_child, &w);
}
