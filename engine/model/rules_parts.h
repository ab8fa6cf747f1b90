/* rules_parts: the rules bridge's state, shared by its two halves: rules.c loads rule files and
 * calls rules; ruleviews.c makes the person, service and ctx views they read.  Internal to
 * model/. */
#ifndef SS_RULES_PARTS_H
#define SS_RULES_PARTS_H

#include <stdbool.h>
#include <stdint.h>

#include <lua.h>

#include "idmap.h"
#include "rulememo.h"
#include "rules.h"
#include "sandbox.h"

struct ss_rules {
    ss_sandbox *sb;
    const ss_model *m;
    int *refs;                 /* [nlua_rules] registry refs of the functions */
    int *lines;                /* [nlua_rules] line where each function is defined */
    char **texts;              /* [nlua_rules] each rule file's text, read once (same file, same text) */
    size_t *lens;
    bool fresh;                /* no rule has run since the modules were loaded */
    int person_ref, ctx_ref;
    /* A rule that cannot tell a table from the person view (ss_sandbox_views_as_tables) gets
     * table_refs[slot], a table with the view's metatable, with the fields in table_keys[slot]
     * (bit i: person field i) set before each call: read without a call into C. */
    int *table_refs;              /* [nlua_rules] LUA_NOREF: the view itself */
    uint64_t *table_keys;         /* [nlua_rules] */
    ss_memo_val *table_set;       /* [nlua_rules * 16] the value each field has in the table now
                                     (kind -1: none yet); an unchanged one is not set again */
    int person_key_refs[16];      /* the person fields' names, interned (rules.c, make_ids) */
    int *service_refs;         /* [nservices] each service's view (ruleviews.c) */
    /* Made once, so a call compares no strings (idmap.h): registry refs of each id as a Lua
     * string (pushed back without hashing), and maps from those strings' identities. */
    int *service_ids, *door_ids, *need_ids;  /* [nservices], [ndoors], [nneeds] */
    ss_idmap answers;             /* service id or answer word -> answer_code() */
    ss_idmap doors;               /* door id -> index */
    ss_idmap fields[3];           /* field name -> its number in the person, service, ctx view */
    int chunks_ref;               /* registry ref of a table: rule file path -> compiled chunk */
    ss_rule_memo *memo;           /* [nlua_rules] plain rules and their kept calls (rulememo.h) */
    ss_memo_rec rec;              /* the reads of the call being noted */
    double date_day;              /* the day of date_ref's text (NAN: none yet) */
    int date_ref;                 /* ctx.date's text for that day */
    /* what the proxies show during the current call */
    const ss_person *p;
    const ss_world *w;
    int service, door, age;
    bool eligible;
};

/* The views' proxies: person_ref, ctx_ref and each service's (service_refs).  0, or -1 out of
 * memory. */
int rv_make_views(lua_State *L, ss_rules *r);
/* The value field `field` of view `view` has in the call in progress (rulememo.h's ss_memo_get). */
ss_memo_val rv_field_key(void *ctx, int view, int field);
/* What the sandbox may take for granted about the views a rule of `point` is called with. */
void rv_rule_args(const char *point, ss_sandbox_args *args);
/* The person fields' names into names[16], their number returned; *scalars: bit i for the
 * fields that are no list (a list is made at each read, so never set in a table). */
int rv_person_names(const char *names[16], uint64_t *scalars);
/* Rule slot gets a table for its person view with the fields in keys (ss_sandbox_classify
 * found it cannot tell the two apart; 0: it gets the view): sets table_keys[slot] and makes its
 * table. */
void rv_table_for(ss_rules *r, int slot, uint64_t keys);
/* Pushes the person argument of rule slot: its table with this call's fields set, or, when it
 * has none or its calls are kept (their reads noted through the view), the view. */
void rv_push_person(ss_rules *r, int slot, bool kept);
/* Whether the value on top is rule slot's table standing for the person view. */
bool rv_is_person_table(ss_rules *r, int slot);

#endif
