/* scenario_parts: the pieces of scenario loading (scenario.c: the public face) kept in files of
 * their own, one job each: the provenance helpers cite/assume/effect/calibrated and the scenario
 * environment (scenario_tags.c); key paths, merging, copying and unwrapping tables
 * (scenario_merge.c); running files and the extends chain (scenario_files.c); overlays
 * (scenario_overlay.c); --set (scenario_set.c); the sources register (scenario_register.c).
 * Internal to model/. */
#ifndef SS_SCENARIO_PARTS_H
#define SS_SCENARIO_PARTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <lua.h>

#include "diag.h"
#include "reader.h"
#include "sandbox.h"
#include "sbuf.h"
#include "scenario.h"

#define CITE_MT "samsim.cite"   /* metatable of cite()/assume() values */

/* scenario_tags.c: whether the value at idx is a cite()/assume()/... tag. */
bool sc_is_tag(lua_State *L, int idx);
/* scenario_tags.c: a table whose [1] is set is a list (or a distribution): it replaces, never
 * merges. */
bool sc_is_list(lua_State *L, int idx);

/* scenario_merge.c: origin[path] = file for every leaf of the table at idx. */
void sc_record_origin(lua_State *L, int idx, int origin_idx, const char *prefix, const char *file);
/* scenario_merge.c: dst[k] = src[k] for every k, recursing where both are plain tables. */
void sc_merge(lua_State *L, int dst, int src);
/* scenario_merge.c: pushes a deep copy of the value at idx (tags shared, not copied). */
void sc_deep_copy(lua_State *L, int idx);
/* scenario_merge.c: origin[path] = file for every leaf of now that differs from before. */
void sc_record_changes(lua_State *L, int now, int before, int origin_idx, const char *prefix,
                       const char *file);
/* scenario_merge.c: replaces every tag in the table at idx by its value, in place. */
void sc_unwrap(lua_State *L, int idx);

/* scenario_files.c: what C reads must be plain data; pops the value and fails otherwise. */
int sc_check_data(ss_sandbox *sb, const char *path, ss_diag *d);
/* scenario_files.c: runs a scenario or overlay file and pushes what it returns. */
int sc_run_file(ss_sandbox *sb, const char *path, ss_diag *d);
/* scenario_files.c: loads path and its extends chain, pushes the merged table, records origins
 * and the chain's files (for the overlays' applies_to). */
int sc_load_chain(ss_sandbox *sb, const char *path, int origin_idx, int chain_idx, int depth,
                  ss_diag *d);

/* scenario_overlay.c: applies one overlay file to the scenario table on top. */
int sc_apply_overlay(ss_sandbox *sb, const char *path, int origin_idx, int chain_idx, ss_diag *d);
/* The described models applied so far, as the resolved text's header lines "-- model: NAME" and
 * "-- model description: TEXT" (nothing when none was applied). */
void sc_write_model_header(ss_buf *b, lua_State *L);

/* scenario_set.c: applies one "PATH=VALUE" to the scenario table on top. */
int sc_apply_set(ss_sandbox *sb, const char *spec, int origin_idx, ss_diag *d);

/* scenario_params.c: reads the declarations of every rule file m runs, checks the resolved
 * table's parameters (at resolved) against them, fills m->rule_params, and pushes the register's
 * view: group -> name -> the value in force (the scenario's, or the declaration's tag).  -1 with d
 * filled and nothing pushed. */
int sc_rule_parameters(ss_sandbox *sb, ss_model *m, int resolved, ss_origin_fn origin, void *ud,
                       ss_diag *d);

/* scenario_register.c: the value at idx as Lua text, tags kept, numbers exact. */
void sc_write_lua(ss_buf *b, lua_State *L, int idx);
/* scenario_register.c: prints the register of the resolved table at idx to f (when f is not
 * NULL), the reasons' Norwegian texts where they have one when norwegian, and returns how many
 * numbers have no source and no assumption. */
int sc_register(lua_State *L, int idx, FILE *f, bool norwegian);

/* scenario_register.c: what one walk over the register does besides counting the unsourced
 * numbers: print it, check the ranges (the first bad one fails the walk), list the ranged
 * numbers, or write the calibrated and effect numbers without a range (check --strict). */
typedef struct sc_sources {
    FILE *f;              /* print every line here; NULL: do not */
    int unsourced;        /* out: numbers with neither cite nor assume */
    const char *(*origin)(void *ud, const char *path);   /* the file that set a path, for messages */
    void *origin_ud;
    ss_diag *d;           /* check ranges into d; failed is set on the first bad one */
    int failed;
    bool collect;         /* list the ranged numbers in ranged[nranged] (malloc'd) */
    ss_ranged *ranged;
    int nranged;
    FILE *strict;         /* write "FILE:LINE: path: ... has no range" for each, counted in unranged */
    int unranged;
    bool collect_effects; /* list the effect() tags in effects[neffects] (malloc'd) */
    ss_effect *effects;
    int neffects;
    const char *kind, *text, *nb;  /* of the tag the walk is inside, or NULL */
    bool norwegian;       /* print a reason's Norwegian text where it has one (reason.h) */
    int reasons, reasons_nb;  /* out: tags, and tags whose reason has a Norwegian text */
    FILE *untranslated;   /* write "FILE:LINE: path: no Norwegian text ..." for the first few without */
} sc_sources;
void sc_register_walk(lua_State *L, int idx, sc_sources *out);

#endif
