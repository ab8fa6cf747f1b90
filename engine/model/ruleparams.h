/* ruleparams: the numbers a rule file decides with, registered like a scenario's.
 *
 * A rule file declares them once, each with where it comes from, and reads them from the table
 * parameters() returns:
 *
 *   local P = parameters {
 *     right_first_time = assume(0.7, "no figure in the source: ..."),
 *   }
 *   ... if math.random() < P.right_first_time then ...
 *
 * cite, assume, effect and calibrated are the scenario's own helpers (scenario.h).  The values go
 * into the sources register as parameters.<group>.<name> (group: the file's name without folder
 * and ".lua"), and a scenario, an overlay, --set or the REPL's set may give another value at that
 * path.  The table a rule gets is read-only, and reading a name the file did not declare is an
 * error at the rule's line.  One environment serves the run (rules.c), the rule tests (ruletest.c)
 * and the scenario loader, which runs each rule file once to read its declarations. */
#ifndef SS_RULEPARAMS_H
#define SS_RULEPARAMS_H

#include <stddef.h>

#include <lua.h>

#include "diag.h"
#include "model.h"
#include "sandbox.h"

/* Push a rule file's environment: strict, with cite, assume, effect, calibrated and parameters.
 * values_idx: a table name -> number whose values the parameters take instead of the declared ones
 * (0: the declared values); record_idx: a table that receives name -> the declaration's tag
 * (0: none). */
void ss_rule_env_push(ss_sandbox *sb, int values_idx, int record_idx);

/* Load a rule file's text in that environment and run it: pushes what it returns (the module),
 * or returns -1 with d filled ("rules/x.lua:9: parameters: ..."). */
int ss_rule_run_file(ss_sandbox *sb, const char *code, size_t len, const char *chunk, int values_idx,
                     int record_idx, ss_diag *d);

/* Run a rule file already compiled (the function ss_sandbox_load left at the top) in a fresh
 * environment as above, so a file compiled once runs afresh each replication: replaces the
 * function by the module, or pops it and returns -1 with d filled.  values_idx and record_idx
 * are absolute, or counted with the function on the stack. */
int ss_rule_run_chunk(ss_sandbox *sb, int values_idx, int record_idx, ss_diag *d);

/* Push a table name -> value of the parameters m gives the rule file at path (for values_idx). */
void ss_rule_push_values(lua_State *L, const ss_model *m, const char *path);

/* The group a rule file's parameters go by in key paths: "rules/lorenskog/self_route.lua" ->
 * "self_route". */
void ss_rule_param_group(const char *path, char *out, size_t n);

#endif
