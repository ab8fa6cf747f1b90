/* rulefields: finding a view's field by name, and naming them all (the tables are in rules.c,
 * beside the accessors they point to). */
#include "rulefields.h"

#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

const ss_rule_field *ss_rule_field_find(const ss_rule_view *v, const char *name)
{
    for (const ss_rule_field *f = v->fields; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

void ss_rule_field_list(const ss_rule_view *v, char *out, size_t n)
{
    size_t used = 0;
    out[0] = '\0';
    for (const ss_rule_field *f = v->fields; f->name && used < n; f++)
        used += (size_t)snprintf(out + used, n - used, "%s%s%s", f == v->fields ? "" : ", ",
                                 f->name, f->type == SS_RF_LOOKUP ? "(id)" : "");
}

const ss_rule_field *ss_rule_field_at(lua_State *L, const ss_rule_view *v, int idx)
{
    const char *k = luaL_checkstring(L, idx);
    const ss_rule_field *f = ss_rule_field_find(v, k);
    if (!f) {
        char list[512];
        ss_rule_field_list(v, list, sizeof list);
        luaL_error(L, "%s has no field '%s' (fields: %s)", v->name, k, list);
    }
    return f;
}
