/* luakeys: the keys of a Lua table in a fixed order.
 *
 * Lua's own table order depends on the process (hashing, insertion history), and results,
 * printed scenarios and error messages must not.  Every C walk over a table whose order shows
 * (the scenario printed back as Lua, the sources register, the model's keyed sections, the REPL's
 * tree) takes its keys from here, sorted: an optional `order` field of the value first, then
 * booleans (false, true), numbers, strings (by bytes).  Keys of other types have no stable order
 * and are counted in `*others` but left out. */
#ifndef SS_LUAKEYS_H
#define SS_LUAKEYS_H

#include <stdbool.h>
#include <stddef.h>

#include <lua.h>

typedef struct ss_lua_key {
    int type;           /* LUA_TBOOLEAN, LUA_TNUMBER or LUA_TSTRING */
    bool integer;       /* a number key that is a Lua integer */
    lua_Integer i;      /* integer keys */
    double num;         /* number keys (and 0/1 for booleans) */
    const char *str;    /* string keys, anchored in the table while it is alive */
    double order;       /* the value's numeric `order` field, or +inf */
} ss_lua_key;

/* Keys of the table at idx, sorted as above; when order_field is not NULL, a value that is a
 * table with a number in that field sorts by it first.  Reads raw (no metamethods).  Returns the
 * number of keys (*out malloc'd, caller frees; NULL when there are none), or -1 when out of
 * memory.  others, when not NULL, receives the number of keys left out. */
int ss_lua_sorted_keys(lua_State *L, int idx, const char *order_field, ss_lua_key **out,
                       int *others);
/* The order above: < 0, 0 or > 0 (for walking two sorted key lists side by side). */
int ss_lua_key_cmp(const ss_lua_key *a, const ss_lua_key *b);
/* Push the key k (as it was in the table). */
void ss_lua_push_key(lua_State *L, const ss_lua_key *k);

/* The key as text for messages: true, 3, 2.5 or the string itself. */
void ss_lua_key_text(const ss_lua_key *k, char *out, size_t n);

#endif
