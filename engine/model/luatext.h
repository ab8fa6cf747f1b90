/* luatext: Lua values as Lua text — the one printer behind `samsim show`, the resolved scenario
 * stored with every run, and the REPL's model view, `show diff`, `save` and value display.
 *
 * Tables are written with their keys in a fixed order (booleans, numbers, strings; luakeys.h)
 * so the text, and the scenario hash taken of it, is the same in every
 * process.  Values tagged by cite()/assume() are written back as cite(value, "text"). */
#ifndef SS_LUATEXT_H
#define SS_LUATEXT_H

#include <stdbool.h>
#include <stddef.h>

#include <lua.h>

#include "luakeys.h"
#include "sandbox.h"
#include "sbuf.h"

/* Whether s can be a bare key (`fte = 1` rather than `["fte"] = 1`). */
bool ss_lua_is_identifier(const char *s);
/* s as a quoted Lua string, written through put. */
void ss_lua_quote(const char *s, void (*put)(void *ud, const char *text, size_t n), void *ud);

/* ---- cite() and assume() tags ---- */

/* Pushes the tag {value, text, nb, kind} made of the values at value_idx and text_idx, with
 * metatable tag_meta (which must be registered); a reason table at text_idx (reason.h) gives
 * text its [1] and nb its nb. */
void ss_lua_push_tag(lua_State *L, int value_idx, int text_idx, const char *kind, const char *tag_meta);
/* Whether the value at idx is such a tag. */
bool ss_lua_is_tag(lua_State *L, int idx, const char *tag_meta);
/* Push sb's environment with the provenance helpers bound: cite, assume, effect, calibrated, to
 * the functions in that order (set raw: the environment refuses new globals), for reading a
 * scenario text with tags kept apart (the REPL's tree) or as bare values (the store's reader). */
void ss_lua_push_provenance_env(ss_sandbox *sb, const lua_CFunction fns[4]);

/* ---- walking tables ---- */

/* "prefix.key", or "key" when prefix is empty: the key paths of messages and registers. */
void ss_lua_path_join(char *out, size_t n, const char *prefix, const char *key);
/* For each key of the table at idx, in sorted order: its value is pushed, fn is called with the
 * key and its path (prefix joined with the key), and the value is popped; fn must leave the
 * stack as it found it. */
typedef void (*ss_lua_child_fn)(lua_State *L, const ss_lua_key *k, const char *path, void *ud);
void ss_lua_each_child(lua_State *L, int idx, const char *prefix, ss_lua_child_fn fn, void *ud);

/* ---- writing values ---- */

enum {
    SS_LUA_ONELINE = 1,   /* no line breaks */
    SS_LUA_DISPLAY = 2    /* for people: numbers in %.14g, a top-level string bare, <function> */
};

typedef struct ss_lua_writer {
    int flags;
    const char *tag_meta;   /* the metatable of cite()/assume() tags */
    int max_depth;          /* deeper tables are written {...}; 0: no limit */
    size_t max_bytes;       /* once the buffer is this long, tables are written {...}; 0: no limit */
    /* Optional, SS_LUA_DISPLAY only: write the table at idx in a form of its own and return true,
     * or return false; or push the table to show in its place and return true. */
    bool (*special)(ss_buf *b, lua_State *L, int idx, void *ud);
    bool (*replace)(lua_State *L, int idx, void *ud);
    void *ud;
} ss_lua_writer;

/* Append the value at idx as Lua, nested lines indented by two blanks per level from indent.
 * Numbers read back as the same double; a table of at most 16 plain values fits on one line. */
void ss_lua_write(ss_buf *b, lua_State *L, int idx, int indent, const ss_lua_writer *w);
/* Whether the table at idx is written on one line: at most 16 values, none a table (tags aside). */
bool ss_lua_is_flat(lua_State *L, int idx, const char *tag_meta);

#endif
