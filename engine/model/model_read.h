/* model_read: building an ss_model from the resolved scenario table (internal to model/).
 *
 * model.h is what the simulation sees and holds no Lua; reading the Lua table is declared here,
 * for scenario.c (the caller), the scenario's schema (model_schema.c), the rules read as data or
 * as files (model_rules.c), and the unit tests. */
#ifndef SS_MODEL_READ_H
#define SS_MODEL_READ_H

#include <lua.h>

#include "model.h"
#include "reader.h"
#include "schema.h"

/* Build from the resolved scenario table at idx in L.  origin(path) names the file that set a
 * key, for messages; rule paths are resolved beside that file.  Errors:
 *   "FILE: services.fph.fte: expected a number >= 0, got \"ten\""
 * Returns a model or NULL with d filled. */
ss_model *ss_model_build(lua_State *L, int idx, ss_origin_fn origin, void *origin_ud,
                         ss_diag *d);

/* The scenario format (model_schema.c): the root table's schema, base an ss_model. */
extern const ss_schema ss_scenario_schema;

/* At most this many events (arrivals, samples, meetings) per replication; a scenario that would
 * need more is refused with the estimate, rather than running until it is killed. */
#define SS_MAX_EVENTS 100000000.0

/* ---- rules (model_rules.c) ---- */

#define SS_T_NONE (-100)  /* not a target; as a default: the rule is required */

/* Target names of a rule: services (or doors, for the door rule) and the outcomes allowed. */
typedef struct ss_targets {
    const ss_model *m;
    bool doors;             /* targets are doors, not services */
    bool discharge, cont;   /* "discharge" / "continue" allowed */
} ss_targets;

int ss_target_index(const ss_targets *t, const char *name);
void ss_target_list(const ss_targets *t, char *out, size_t n);
/* "rules/x.lua" or "rules/x.lua:field" names a Lua rule; anything else is data. */
bool ss_rule_is_ref(const char *s);
/* Record the Lua rule ref (key names it in messages) as the rule of decision point `point`. */
int ss_rule_add_lua(ss_reader *r, const char *key, const char *ref, const char *point, ss_rule *rule);
/* The rule at key of the table on top: a rule file, or data (one choice, or { by_need = {...},
 * default = ... }).  Absent: dflt (a target index) for every need, or an error when SS_T_NONE. */
int ss_rule_read(ss_reader *r, const char *key, const char *point, const ss_targets *t, int dflt,
                 ss_rule *rule);
void ss_rule_free(ss_rule *rule, int nneeds);

/* The hooks model_schema.c's tables name for what a field type cannot describe (model_hooks.c). */
int ss_service_capacity(ss_reader *r, const ss_field *f, void *base, int item);
int ss_service_episode(ss_reader *r, const ss_field *f, void *base, int item);
int ss_service_queue(ss_reader *r, const ss_field *f, void *base, int item);
int ss_service_at_age(ss_reader *r, const ss_field *f, void *base, int item);
int ss_service_external_wait(ss_reader *r, const ss_field *f, void *base, int item);
int ss_service_accept(ss_reader *r, const ss_field *f, void *base, int item);
int ss_demand_finish(ss_reader *r, void *base);

#endif
