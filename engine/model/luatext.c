#include "luatext.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "reason.h"
#include "scenario.h"
#include "xalloc.h"

#define FLAT_MAX 16   /* longer lists get one line per item */

bool ss_lua_is_identifier(const char *s)
{
    static const char *const reserved[] = {"and", "break", "do", "else", "elseif", "end", "false",
        "for", "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return",
        "then", "true", "until", "while", NULL};
    if (!*s || (*s >= '0' && *s <= '9')) return false;
    for (const char *p = s; *p; p++)
        if (!(*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            return false;
    for (int i = 0; reserved[i]; i++)
        if (strcmp(s, reserved[i]) == 0) return false;
    return true;
}

void ss_lua_quote(const char *s, void (*put)(void *ud, const char *text, size_t n), void *ud)
{
    put(ud, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char esc[8];
        if (*p == '"' || *p == '\\') {
            esc[0] = '\\';
            esc[1] = (char)*p;
            put(ud, esc, 2);
        } else if (*p == '\n') {
            put(ud, "\\n", 2);
        } else if (*p < 32 || *p == 127) {
            snprintf(esc, sizeof esc, "\\%03d", *p);
            put(ud, esc, 4);
        } else {
            put(ud, (const char *)p, 1);
        }
    }
    put(ud, "\"", 1);
}

/* ---- tags ---- */

void ss_lua_push_tag(lua_State *L, int value_idx, int text_idx, const char *kind, const char *tag_meta)
{
    value_idx = lua_absindex(L, value_idx);
    text_idx = lua_absindex(L, text_idx);
    lua_createtable(L, 0, 3);              /* tag */
    lua_pushvalue(L, value_idx);
    lua_setfield(L, -2, "value");
    if (lua_istable(L, text_idx)) {        /* { "English", nb = "Norsk" }: read raw, checked by the caller */
        lua_rawgeti(L, text_idx, 1);
        lua_setfield(L, -2, "text");
        lua_pushliteral(L, "nb");
        lua_rawget(L, text_idx);
        lua_setfield(L, -2, "nb");
    } else {
        lua_pushvalue(L, text_idx);
        lua_setfield(L, -2, "text");
    }
    lua_pushstring(L, kind);
    lua_setfield(L, -2, "kind");
    luaL_setmetatable(L, tag_meta);
}

bool ss_lua_is_tag(lua_State *L, int idx, const char *tag_meta)
{
    if (!lua_istable(L, idx) || !lua_getmetatable(L, idx))
        return false;
    luaL_getmetatable(L, tag_meta);
    bool yes = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return yes;
}

void ss_lua_push_provenance_env(ss_sandbox *sb, const lua_CFunction fns[4])
{
    static const char *const names[4] = {"cite", "assume", "effect", "calibrated"};
    lua_State *L = ss_sandbox_lua(sb);
    ss_sandbox_push_env(sb);                           /* env */
    for (int i = 0; i < 4; i++) {
        lua_pushstring(L, names[i]);
        lua_pushcfunction(L, fns[i]);
        lua_rawset(L, -3);
    }
}

/* ---- walking ---- */

void ss_lua_path_join(char *out, size_t n, const char *prefix, const char *key)
{
    if (*prefix) snprintf(out, n, "%s.%s", prefix, key);
    else snprintf(out, n, "%s", key);
}

void ss_lua_each_child(lua_State *L, int idx, const char *prefix, ss_lua_child_fn fn, void *ud)
{
    if (!lua_checkstack(L, 8)) return;  /* nesting is bounded by shape.h; only out of memory */
    idx = lua_absindex(L, idx);
    ss_lua_key *keys;
    int n = ss_lua_sorted_keys(L, idx, NULL, &keys, NULL);
    if (n < 0) ss_out_of_memory(0);
    for (int i = 0; i < n; i++) {
        char kt[256], path[1024];
        ss_lua_key_text(&keys[i], kt, sizeof kt);
        ss_lua_path_join(path, sizeof path, prefix, kt);
        ss_lua_push_key(L, &keys[i]);
        lua_rawget(L, idx);
        fn(L, &keys[i], path, ud);
        lua_pop(L, 1);
    }
    free(keys);
}

/* ---- values ---- */

static void write_value(ss_buf *b, lua_State *L, int idx, int indent, const ss_lua_writer *w, int depth);

static void write_string(ss_buf *b, const char *s) { ss_lua_quote(s, ss_buf_put, b); }

/* Saved text needs the shortest form that reads back as the same double; people get Lua's own
 * %.14g.  Either way a float keeps its ".0", so an integer stays an integer and back. */
static void write_number(ss_buf *b, lua_State *L, int idx, int flags)
{
    if (lua_isinteger(L, idx)) {
        ss_buf_fmt(b, "%lld", (long long)lua_tointeger(L, idx));
        return;
    }
    double x = lua_tonumber(L, idx);
    if (isnan(x)) { ss_buf_str(b, "0/0"); return; }
    if (isinf(x)) { ss_buf_str(b, x > 0 ? "math.huge" : "-math.huge"); return; }
    char tmp[40];
    for (int prec = (flags & SS_LUA_DISPLAY) ? 14 : 15; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, x);
        if ((flags & SS_LUA_DISPLAY) || strtod(tmp, NULL) == x) break;
    }
    if (!strpbrk(tmp, ".eEn")) strcat(tmp, ".0");
    ss_buf_str(b, tmp);
}

static void write_tag(ss_buf *b, lua_State *L, int idx, int indent, const ss_lua_writer *w, int depth)
{
    lua_getfield(L, idx, "kind");
    ss_buf_fmt(b, "%s(", ss_provenance_function(lua_tostring(L, -1)));
    lua_pop(L, 1);
    lua_getfield(L, idx, "value");
    write_value(b, L, lua_gettop(L), indent, w, depth);
    lua_pop(L, 1);
    ss_buf_str(b, ", ");
    if (lua_getfield(L, idx, "target") == LUA_TSTRING) {   /* calibrated(value, "target", "why") */
        write_string(b, lua_tostring(L, -1));
        ss_buf_str(b, ", ");
    }
    lua_pop(L, 1);
    lua_getfield(L, idx, "text");
    lua_getfield(L, idx, "nb");
    ss_reason_write(b, lua_tostring(L, -2), lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL);
    lua_pop(L, 2);
    if (lua_getfield(L, idx, "range") != LUA_TNIL) {         /* assume(0.45, "why", {0.4, 0.5}) */
        ss_buf_str(b, ", ");
        write_value(b, L, lua_gettop(L), indent, w, depth);
    }
    lua_pop(L, 1);
    ss_buf_str(b, ")");
}

/* Few plain values fit on one line; anything nested gets a line each. */
bool ss_lua_is_flat(lua_State *L, int idx, const char *tag_meta)
{
    idx = lua_absindex(L, idx);
    int count = 0;
    bool flat = true;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        count++;
        if (lua_istable(L, -1) && !ss_lua_is_tag(L, -1, tag_meta)) flat = false;
        lua_pop(L, 1);
    }
    return flat && count <= FLAT_MAX;
}

static void indent_to(ss_buf *b, int indent)
{
    for (int i = 0; i < indent; i++) ss_buf_str(b, "  ");
}

static void write_key(ss_buf *b, const ss_lua_key *k, lua_Integer len)
{
    bool positional = k->type == LUA_TNUMBER && k->integer && k->i >= 1 && k->i <= len;
    if (positional) return;
    if (k->type == LUA_TSTRING && ss_lua_is_identifier(k->str)) ss_buf_fmt(b, "%s = ", k->str);
    else if (k->type == LUA_TSTRING) { ss_buf_str(b, "["); write_string(b, k->str); ss_buf_str(b, "] = "); }
    else { char t[64]; ss_lua_key_text(k, t, sizeof t); ss_buf_fmt(b, "[%s] = ", t); }
}

static bool too_deep(const ss_buf *b, const ss_lua_writer *w, int depth)
{
    return (w->max_depth && depth > w->max_depth) || (w->max_bytes && b->n > w->max_bytes);
}

static void write_table(ss_buf *b, lua_State *L, int idx, int indent, const ss_lua_writer *w, int depth)
{
    if (too_deep(b, w, depth) || !lua_checkstack(L, 8)) { ss_buf_str(b, "{...}"); return; }  /* nesting is bounded by shape.h */
    ss_lua_key *keys;
    int n = ss_lua_sorted_keys(L, idx, NULL, &keys, NULL);
    if (n < 0) ss_out_of_memory(0);
    lua_Integer len = (lua_Integer)lua_rawlen(L, idx);
    bool oneline = (w->flags & SS_LUA_ONELINE) || ss_lua_is_flat(L, idx, w->tag_meta);
    if (n == 0) { ss_buf_str(b, "{}"); free(keys); return; }
    ss_buf_str(b, oneline ? "{ " : "{\n");
    for (int i = 0; i < n; i++) {
        if (!oneline) indent_to(b, indent + 1);
        write_key(b, &keys[i], len);
        ss_lua_push_key(L, &keys[i]);
        lua_rawget(L, idx);
        write_value(b, L, lua_gettop(L), indent + 1, w, depth + 1);
        lua_pop(L, 1);
        ss_buf_str(b, i + 1 < n ? (oneline ? ", " : ",\n") : (oneline ? " " : ",\n"));
    }
    if (!oneline) indent_to(b, indent);
    ss_buf_str(b, "}");
    free(keys);
}

static void write_any_table(ss_buf *b, lua_State *L, int idx, int indent, const ss_lua_writer *w, int depth)
{
    bool display = w->flags & SS_LUA_DISPLAY;
    if (ss_lua_is_tag(L, idx, w->tag_meta)) {
        write_tag(b, L, idx, indent, w, depth);
    } else if (display && w->special && w->special(b, L, idx, w->ud)) {
        /* written in its own form */
    } else if (display && w->replace && w->replace(L, idx, w->ud)) {
        write_table(b, L, lua_gettop(L), indent, w, depth);
        lua_pop(L, 1);
    } else {
        write_table(b, L, idx, indent, w, depth);
    }
}

static void write_value(ss_buf *b, lua_State *L, int idx, int indent, const ss_lua_writer *w, int depth)
{
    bool display = w->flags & SS_LUA_DISPLAY;
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER: write_number(b, L, idx, w->flags); break;
    case LUA_TSTRING:
        if (display && depth == 0) ss_buf_str(b, lua_tostring(L, idx));
        else write_string(b, lua_tostring(L, idx));
        break;
    case LUA_TBOOLEAN: ss_buf_str(b, lua_toboolean(L, idx) ? "true" : "false"); break;
    case LUA_TNIL: ss_buf_str(b, "nil"); break;
    case LUA_TTABLE: write_any_table(b, L, idx, indent, w, depth); break;
    default:
        if (display) ss_buf_fmt(b, "<%s>", luaL_typename(L, idx));
        else ss_buf_fmt(b, "nil --[[ %s cannot be printed ]]", luaL_typename(L, idx));
    }
}

void ss_lua_write(ss_buf *b, lua_State *L, int idx, int indent, const ss_lua_writer *w)
{
    write_value(b, L, lua_absindex(L, idx), indent, w, 0);
}
