/* ruletest_parts: pieces of the rule test runner (ruletest.c) kept in files of their own:
 * describing values for messages and the case's views (ruletest_views.c), and the line each case
 * starts on (ruletest_lines.c).  Internal to model/. */
#ifndef SS_RULETEST_PARTS_H
#define SS_RULETEST_PARTS_H

#include <stdbool.h>
#include <stddef.h>

#include <lua.h>

#include "diag.h"
#include "rulefields.h"

/* A value for messages: strings quoted, numbers exact, other values by type; never converts in
 * place, so it is safe on keys during lua_next. */
void rt_describe(lua_State *L, int idx, char *out, size_t n);
/* A key for messages: names as 'name', anything else as rt_describe() gives it. */
void rt_describe_key(lua_State *L, int idx, char *out, size_t n);

/* Checks a key (at -2) and value (at -1), leaving both; fills d and returns -1 when wrong. */
typedef int (*rt_pair_check)(lua_State *L, const void *arg, ss_diag *d);
/* Runs check on every pair of the table at idx; of several wrong pairs, d tells about the one
 * whose key reads first, so a message is the same in every run. */
int rt_check_pairs(lua_State *L, int idx, rt_pair_check check, const void *arg, ss_diag *d);

/* The case's table for a view (at idx, 0 when not given) has only the view's fields, each of
 * its type; 0, or -1 with d filled. */
int rt_check_view(lua_State *L, int idx, const ss_rule_view *v, ss_diag *d);
/* Pushes a read-only view of the case's table at idx (0: the case gives none). */
void rt_push_view(lua_State *L, int idx, const ss_rule_view *v);

/* Fills lines[0..ntests) from the first `tests = {` list with ntests entries; false if none. */
bool rt_test_lines(const char *src, size_t len, int *lines, int ntests);

#endif
