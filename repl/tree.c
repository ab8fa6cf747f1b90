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

#include "luakeys.h"
#include "repl.h"

#define TAG_META "samsim.repl.tag"
#define FLAT_MAX 16            /* longer lists get one line per item */
#define DISPLAY_MAX_DEPTH 12   /* a table that holds itself stops here */
#define DISPLAY_MAX_BYTES 200000

/* ---- loading ------------------------------------------------------------------------------ */

/* cite(value, text) in tag-keeping mode: {value, text, kind} with the tag metatable. */
/* The value and text are the two topmost values; they are replaced by the tag. */
static int tag_value(lua_State *L, const char *kind)
{
    if (lua_gettop(L) < 2) lua_settop(L, 2);
    lua_createtable(L, 0, 3);                          /* value text tag */
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "value");
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, "text");
    lua_pushstring(L, kind);
    lua_setfield(L, -2, "kind");
    luaL_setmetatable(L, TAG_META);
    return 1;
}

static int l_cite_tag(lua_State *L) { return tag_value(L, "source"); }
static int l_assume_tag(lua_State *L) { return tag_value(L, "assumption"); }
static int l_effect_tag(lua_State *L) { return tag_value(L, "effect"); }
/* calibrated(value, target, text): the tag keeps its target, so save writes it back. */
static int l_calibrated_tag(lua_State *L)
{
    lua_settop(L, 3);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 3);
    tag_value(L, "calibrated");                        /* v target text tag */
    lua_pushvalue(L, 2);
    lua_setfield(L, -2, "target");
    return 1;
}
/* cite(value, text) for the model view: just the value. */
static int l_plain(lua_State *L) { lua_settop(L, 1); return 1; }

int repl_tree_push(ss_sandbox *sb, const ss_scenario *sc, bool keep_tags, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);
    luaL_newmetatable(L, TAG_META);                    /* mt (made once) */
    lua_pop(L, 1);
    ss_sandbox_push_env(sb);                           /* env */
    lua_pushliteral(L, "cite");                        /* env k */
    lua_pushcfunction(L, keep_tags ? l_cite_tag : l_plain);
    lua_rawset(L, -3);                                 /* env (raw: it refuses new globals) */
    lua_pushliteral(L, "assume");
    lua_pushcfunction(L, keep_tags ? l_assume_tag : l_plain);
    lua_rawset(L, -3);
    lua_pushliteral(L, "effect");
    lua_pushcfunction(L, keep_tags ? l_effect_tag : l_plain);
    lua_rawset(L, -3);
    lua_pushliteral(L, "calibrated");
    lua_pushcfunction(L, keep_tags ? l_calibrated_tag : l_plain);
    lua_rawset(L, -3);
    const char *text = ss_scenario_text(sc);
    int rc = ss_sandbox_load(sb, text, strlen(text), ss_scenario_path(sc), -1, d);
    lua_remove(L, -1 - (rc == 0));                     /* fn | (nothing) */
    if (rc < 0) return -1;
    return ss_sandbox_call(sb, 0, 1, d);               /* table */
}

bool repl_tree_is_tag(lua_State *L, int idx)
{
    if (!lua_istable(L, idx) || !lua_getmetatable(L, idx))
        return false;
    luaL_getmetatable(L, TAG_META);
    bool yes = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return yes;
}

void repl_tree_push_plain(lua_State *L, int idx)
{
    if (repl_tree_is_tag(L, idx))
        lua_getfield(L, idx, "value");
    else
        lua_pushvalue(L, idx);
}

/* ---- keys in a fixed order ------------------------------------------------------------------ */

/* Keys come from luakeys.h, sorted booleans, numbers, strings; other key types have no order
 * that stays the same from run to run, so they are left out. */
typedef ss_lua_key key;

static key *sorted_keys(lua_State *L, int idx, int *n)
{
    key *k;
    *n = ss_lua_sorted_keys(L, idx, NULL, &k, NULL);
    if (*n < 0) *n = 0;
    return k;
}


static void join(char *out, size_t n, const char *prefix, const char *k)
{
    if (*prefix) snprintf(out, n, "%s.%s", prefix, k);
    else snprintf(out, n, "%s", k);
}

/* ---- writing Lua ------------------------------------------------------------------------------ */

static void put_repl_buf(void *ud, const char *text, size_t n) { repl_buf_add(ud, text, n); }
static void write_string(repl_buf *b, const char *s) { ss_lua_quote(s, put_repl_buf, b); }

/* Saved files need the shortest text that reads back as the same double; people get Lua's own
 * %.14g.  Either way a float keeps its ".0", so an integer stays an integer and back. */
static void write_number(repl_buf *b, lua_State *L, int idx, int flags)
{
    if (lua_isinteger(L, idx)) {
        repl_buf_fmt(b, "%lld", (long long)lua_tointeger(L, idx));
        return;
    }
    double x = lua_tonumber(L, idx);
    if (x != x) { repl_buf_str(b, "0/0"); return; }
    if (x > 1e308 || x < -1e308) { repl_buf_str(b, x > 0 ? "math.huge" : "-math.huge"); return; }
    char tmp[40];
    for (int prec = (flags & REPL_TREE_DISPLAY) ? 14 : 15; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, x);
        if ((flags & REPL_TREE_DISPLAY) || strtod(tmp, NULL) == x) break;
    }
    if (!strpbrk(tmp, ".eEn")) strcat(tmp, ".0");
    repl_buf_str(b, tmp);
}

/* A read-only view (luaeval.c) shows the table behind it. */
static int unwrap_view(lua_State *L, int idx, int flags)
{
    if (!(flags & REPL_TREE_DISPLAY) || !lua_getmetatable(L, idx))
        return 0;
    lua_pushliteral(L, "__view");  /* raw, here and below: no metamethod of a planner's value runs */
    bool view = lua_rawget(L, -2) != LUA_TNIL;
    lua_pop(L, 1);
    if (!view) { lua_pop(L, 1); return 0; }
    lua_pushliteral(L, "__index");
    lua_rawget(L, -2);                                 /* mt real */
    lua_remove(L, -2);                                 /* real */
    return 1;
}

/* An estimate (luaeval.c) is shown as its text, "22.03 [14.92, 29.15]". */
static bool write_estimate(repl_buf *b, lua_State *L, int idx, int flags)
{
    if (!(flags & REPL_TREE_DISPLAY) || !lua_getmetatable(L, idx))
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
    if (!have[0]) repl_buf_str(b, "-");
    else if (!have[1] || !have[2]) repl_buf_fmt(b, "%.4g", v[0]);
    else repl_buf_fmt(b, "%.4g [%.4g, %.4g]", v[0], v[1], v[2]);
    return true;
}

static void write_value(repl_buf *b, lua_State *L, int idx, int indent, int flags, int depth);

static void write_tag(repl_buf *b, lua_State *L, int idx, int indent, int flags, int depth)
{
    lua_getfield(L, idx, "kind");
    repl_buf_str(b, ss_provenance_function(lua_tostring(L, -1)));
    repl_buf_str(b, "(");
    lua_pop(L, 1);
    lua_getfield(L, idx, "value");
    write_value(b, L, lua_gettop(L), indent, flags, depth);
    lua_pop(L, 1);
    repl_buf_str(b, ", ");
    if (lua_getfield(L, idx, "target") == LUA_TSTRING) {
        write_string(b, lua_tostring(L, -1));
        repl_buf_str(b, ", ");
    }
    lua_pop(L, 1);
    lua_getfield(L, idx, "text");
    write_string(b, lua_tostring(L, -1));
    lua_pop(L, 1);
    repl_buf_str(b, ")");
}

/* Few plain values fit on one line; anything nested gets a line each. */
static bool is_flat(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    int count = 0;
    bool flat = true;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        count++;
        if (lua_istable(L, -1) && !repl_tree_is_tag(L, -1)) flat = false;
        lua_pop(L, 1);
    }
    return flat && count <= FLAT_MAX;
}

static void indent_to(repl_buf *b, int indent)
{
    for (int i = 0; i < indent; i++) repl_buf_str(b, "  ");
}

static void write_key(repl_buf *b, const key *k, bool positional)
{
    if (positional) return;
    if (k->type == LUA_TSTRING && ss_lua_is_identifier(k->str)) repl_buf_fmt(b, "%s = ", k->str);
    else if (k->type == LUA_TSTRING) { repl_buf_str(b, "["); write_string(b, k->str); repl_buf_str(b, "] = "); }
    else { char t[64]; ss_lua_key_text(k, t, sizeof t); repl_buf_fmt(b, "[%s] = ", t); }
}

static void write_table(repl_buf *b, lua_State *L, int idx, int indent, int flags, int depth)
{
    if (depth > DISPLAY_MAX_DEPTH || b->n > DISPLAY_MAX_BYTES) { repl_buf_str(b, "{...}"); return; }
    int n;
    key *keys = sorted_keys(L, idx, &n);
    lua_Integer len = (lua_Integer)lua_rawlen(L, idx);
    bool oneline = (flags & REPL_TREE_ONELINE) || is_flat(L, idx);
    if (n == 0) { repl_buf_str(b, "{}"); free(keys); return; }
    repl_buf_str(b, oneline ? "{ " : "{\n");
    for (int i = 0; i < n; i++) {
        if (!oneline) indent_to(b, indent + 1);
        bool positional = keys[i].type == LUA_TNUMBER && keys[i].num >= 1 && keys[i].num <= (double)len &&
                          keys[i].num == (double)(lua_Integer)keys[i].num;
        write_key(b, &keys[i], positional);
        ss_lua_push_key(L, &keys[i]);
        lua_rawget(L, idx);
        write_value(b, L, lua_gettop(L), indent + 1, flags, depth + 1);
        lua_pop(L, 1);
        repl_buf_str(b, i + 1 < n ? (oneline ? ", " : ",\n") : (oneline ? " " : ",\n"));
    }
    if (!oneline) indent_to(b, indent);
    repl_buf_str(b, "}");
    free(keys);
}

static void write_value(repl_buf *b, lua_State *L, int idx, int indent, int flags, int depth)
{
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER: write_number(b, L, idx, flags); break;
    case LUA_TSTRING:
        if ((flags & REPL_TREE_DISPLAY) && depth == 0) repl_buf_str(b, lua_tostring(L, idx));
        else write_string(b, lua_tostring(L, idx));
        break;
    case LUA_TBOOLEAN: repl_buf_str(b, lua_toboolean(L, idx) ? "true" : "false"); break;
    case LUA_TNIL: repl_buf_str(b, "nil"); break;
    case LUA_TTABLE:
        if (repl_tree_is_tag(L, idx)) write_tag(b, L, idx, indent, flags, depth);
        else if (write_estimate(b, L, idx, flags)) break;
        else if (unwrap_view(L, idx, flags)) {
            write_table(b, L, lua_gettop(L), indent, flags, depth);
            lua_pop(L, 1);
        } else write_table(b, L, idx, indent, flags, depth);
        break;
    default:
        if (flags & REPL_TREE_DISPLAY) repl_buf_fmt(b, "<%s>", luaL_typename(L, idx));
        else repl_buf_fmt(b, "nil --[[ a %s cannot be saved ]]", luaL_typename(L, idx));
    }
}

void repl_tree_write(repl_buf *b, lua_State *L, int idx, int indent, int flags)
{
    write_value(b, L, lua_absindex(L, idx), indent, flags, 0);
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
void repl_tree_suggest(lua_State *L, int tree, const char *path, int found, char *out, size_t n)
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
    if (near) snprintf(out, n, " (did you mean '%s%s%s'?)", parent, *parent ? "." : "", near);
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
    key *ka = sorted_keys(L, a, &na), *kb = sorted_keys(L, b, &nb);
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
static void diff_key(lua_State *L, const key *k, int base, int cur, int patch, const char *path,
                     diff_ctx *c);

static void diff_tables(lua_State *L, int base, int cur, const char *prefix, diff_ctx *c)
{
    lua_newtable(L);                                   /* patch */
    int patch = lua_gettop(L);
    int nb, nc;
    key *kb = sorted_keys(L, base, &nb), *kc = sorted_keys(L, cur, &nc);
    for (int i = 0, j = 0; i < nb || j < nc;) {
        int order = i >= nb ? 1 : j >= nc ? -1 : ss_lua_key_cmp(&kb[i], &kc[j]);
        const key *k = order <= 0 ? &kb[i] : &kc[j];
        char kt[256], path[1024];
        ss_lua_key_text(k, kt, sizeof kt);
        join(path, sizeof path, prefix, kt);
        diff_key(L, k, base, cur, patch, path, c);
        if (order <= 0) i++;
        if (order >= 0) j++;
    }
    free(kb);
    free(kc);
}

static void diff_key(lua_State *L, const key *k, int base, int cur, int patch, const char *path,
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
    return is_list(L, idx) && is_flat(L, idx);
}

void repl_tree_leaves(lua_State *L, int idx, const char *prefix, repl_leaf_fn fn, void *ud)
{
    idx = lua_absindex(L, idx);
    int n;
    key *keys = sorted_keys(L, idx, &n);
    for (int i = 0; i < n; i++) {
        char kt[256], path[1024];
        ss_lua_key_text(&keys[i], kt, sizeof kt);
        join(path, sizeof path, prefix, kt);
        ss_lua_push_key(L, &keys[i]);
        lua_rawget(L, idx);
        if (is_leaf(L, -1)) fn(ud, path, L, lua_gettop(L));
        else repl_tree_leaves(L, -1, path, fn, ud);
        lua_pop(L, 1);
    }
    free(keys);
}
