/* shape: is a Lua table plain data that a scenario may hold?
 *
 * Every walk over a scenario (merging, recording origins, printing it back, the sources register,
 * the model reader) assumes a tree of tables with keys that are names or list positions.  A table
 * that contains itself would send those walks round for ever, a table nested very deep would
 * exhaust the Lua stack, and a key such as `[true]` has no place in a key path; each is refused
 * here, naming the file and the key path, before any walk starts. */
#ifndef SS_SHAPE_H
#define SS_SHAPE_H

#include <lua.h>

#include "diag.h"

/* Deepest nesting accepted; the bundled scenarios use at most 7 levels. */
#define SS_SHAPE_MAX_DEPTH 12

/* Check the value at idx (a table or anything else), found at key path `at` ("" for a whole
 * scenario; "services.treat" for a --set value), in file (names it in messages):
 *   "FILE: services.treat: unexpected key true (keys are names or list positions)"
 *   "FILE: services.treat.self: a table that contains itself (expected plain data)"
 *   "FILE: a.b.c.d.e.f.g.h.i.j.k.l.m: tables nested more than 12 levels deep"
 * Returns 0, or -1 with d filled. */
int ss_shape_check(lua_State *L, int idx, const char *file, const char *at, ss_diag *d);

#endif
