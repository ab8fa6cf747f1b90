/* rulefields: the fields a rule can read from its person, service and ctx views.
 *
 * One table per view, shared by the engine (rules.c reads each field's value through the
 * table's function) and by rule test cases (ruletest.c checks a case's values against the
 * table's types), so both accept the same names and list them in the same order in messages:
 *   person has no field 'x' (fields: id, age, need, ...) */
#ifndef SS_RULEFIELDS_H
#define SS_RULEFIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include <lua.h>

typedef struct ss_rules ss_rules;

enum { SS_RF_LOOKUP = 100 };  /* ctx.queue(id) and the like; other types are Lua's numbers */

/* A field's value as C data (rules.c pushes it, and compares it for a kept call). */
typedef enum ss_rv_kind {
    SS_RV_NIL, SS_RV_NUM, SS_RV_INT, SS_RV_BOOL,
    SS_RV_REF,     /* an id: a registry ref of its interned string */
    SS_RV_STR,     /* a model's text */
    SS_RV_DATE,    /* ctx.date: the text of day num */
    SS_RV_LIST,    /* person.history: a new list at each read */
    SS_RV_LOOKUP   /* ctx.queue and the like: a function (which: i) */
} ss_rv_kind;

typedef struct ss_rule_value {
    ss_rv_kind kind;
    union { double num; long long i; const char *p; } as;
} ss_rule_value;

/* The field's value for the call in progress; s is the service the view shows. */
typedef ss_rule_value (*ss_rule_get)(ss_rules *r, int s);

typedef struct ss_rule_field {
    const char *name;
    int type;           /* LUA_TNUMBER, LUA_TSTRING, LUA_TBOOLEAN, LUA_TTABLE (a list), SS_RF_LOOKUP */
    bool nilable;       /* the engine may give nil (a test case writes false) */
    ss_rule_get value;  /* rules.c's accessor */
} ss_rule_field;

typedef struct ss_rule_view {
    const char *name;               /* "person", "service", "ctx" */
    const ss_rule_field *fields;    /* ends with a NULL name */
} ss_rule_view;

extern const ss_rule_view ss_person_view, ss_service_view, ss_ctx_view;

const ss_rule_field *ss_rule_field_find(const ss_rule_view *v, const char *name);
/* "id, age, ..." with "queue(id)" for lookups, as messages give them. */
void ss_rule_field_list(const ss_rule_view *v, char *out, size_t n);

/* The field named by the string at idx, or a Lua error "person has no field 'x' (fields: ...)". */
const ss_rule_field *ss_rule_field_at(lua_State *L, const ss_rule_view *v, int idx);

#endif
