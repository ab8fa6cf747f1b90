/* model_rules: a decision point's rule as the scenario gives it, compiled for the model.
 *
 * Data rules (a target, or probabilities over targets, per need) become ss_choice tables, so they
 * cost no Lua call per event; a rule file ("rules/x.lua" or "rules/x.lua:field") is recorded by
 * path, once per (file, field, decision point), and each worker loads it into its sandbox. */
#include "model_read.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "luakeys.h"

int ss_target_index(const ss_targets *t, const char *name)
{
    if (t->discharge && strcmp(name, "discharge") == 0) return SS_T_DISCHARGE;
    if (t->cont && strcmp(name, "continue") == 0) return SS_T_CONTINUE;
    int i = t->doors ? ss_model_door_index(t->m, name) : ss_model_service_index(t->m, name);
    return i >= 0 ? i : SS_T_NONE;
}

void ss_target_list(const ss_targets *t, char *out, size_t n)
{
    out[0] = '\0';
    if (t->discharge) strncat(out, "discharge, ", n - strlen(out) - 1);
    if (t->cont) strncat(out, "continue, ", n - strlen(out) - 1);
    int k = t->doors ? t->m->ndoors : t->m->nservices;
    for (int i = 0; i < k; i++) {
        strncat(out, t->doors ? t->m->doors[i].id : t->m->services[i].id, n - strlen(out) - 1);
        if (i + 1 < k) strncat(out, ", ", n - strlen(out) - 1);
    }
    size_t l = strlen(out);
    if (l >= 2 && out[l - 2] == ',') out[l - 2] = '\0';
}

bool ss_rule_is_ref(const char *s)
{
    const char *p = strstr(s, ".lua");
    return p && (p[4] == '\0' || p[4] == ':');
}

/* ---- rule files ------------------------------------------------------------------------ */

static void parent_dir(char *dir, size_t n)
{
    char *slash = strrchr(dir, '/');
    if (slash) *slash = '\0'; else snprintf(dir, n, ".");
}

/* A rule path is looked up beside the file that names it, then in each parent folder, so that
 * scenarios/lorenskog/x.lua can say "rules/triage.lua" and mean the repository's rules/. */
static char *resolve_rule_path(ss_reader *r, const char *ref)
{
    const char *file = r->origin ? r->origin(r->origin_ud, r->path) : NULL;
    char dir[1024] = ".", cand[2048];
    if (file && *file && file[0] != '-') {
        snprintf(dir, sizeof dir, "%s", file);
        parent_dir(dir, sizeof dir);
    }
    for (int up = 0; up < 8; up++) {
        bool here = strcmp(dir, ".") == 0 || dir[0] == '\0';
        if (here)
            snprintf(cand, sizeof cand, "%s", ref);
        else
            snprintf(cand, sizeof cand, "%s/%s", dir, ref);
        if (access(cand, R_OK) == 0)
            return strdup(cand);
        if (here)
            break;
        parent_dir(dir, sizeof dir);
    }
    return access(ref, R_OK) == 0 ? strdup(ref) : NULL;
}

static int find_lua_rule(const ss_model *m, const char *path, const char *point, const char *field)
{
    for (int i = 0; i < m->nlua_rules; i++) {
        const ss_lua_rule *x = &m->lua_rules[i];
        if (strcmp(x->path, path) == 0 && strcmp(x->point, point) == 0 &&
            strcmp(x->field ? x->field : "", field) == 0)
            return i;
    }
    return -1;
}

int ss_rule_add_lua(ss_reader *r, const char *key, const char *ref, const char *point, ss_rule *rule)
{
    ss_model *m = r->user;
    char file[1024], field[256] = "", saved[512];
    snprintf(file, sizeof file, "%s", ref);
    char *colon = strstr(file, ".lua:");
    if (colon) {
        snprintf(field, sizeof field, "%s", colon + 5);
        colon[4] = '\0';
    }
    ss_reader_enter(r, key, saved, sizeof saved);
    char *path = resolve_rule_path(r, file);
    int rc = path ? 0 : ss_reader_fail(r, NULL, "rule file '%s' not found (looked beside the scenario and in its parent folders)", file);
    ss_reader_leave(r, saved);
    if (rc < 0)
        return rc;
    rule->kind = SS_RULE_LUA;
    rule->slot = find_lua_rule(m, path, point, field);
    if (rule->slot >= 0) {
        free(path);
        return 0;
    }
    ss_lua_rule *grown = realloc(m->lua_rules, sizeof *m->lua_rules * (size_t)(m->nlua_rules + 1));
    if (!grown) {
        free(path);
        return ss_reader_fail(r, key, "out of memory");
    }
    m->lua_rules = grown;
    m->lua_rules[m->nlua_rules] = (ss_lua_rule){.path = path, .display = strdup(path),
                                                .field = field[0] ? strdup(field) : NULL,
                                                .point = strdup(point)};
    rule->slot = m->nlua_rules++;
    return 0;
}

/* ---- choices --------------------------------------------------------------------------- */

static int choice_alloc(ss_choice *c, int n)
{
    c->n = n;
    c->target = malloc(sizeof(int) * (size_t)n);
    c->cum = malloc(sizeof(double) * (size_t)n);
    return c->target && c->cum ? 0 : -1;
}

static void choice_free(ss_choice *c)
{
    free(c->target);
    free(c->cum);
    c->target = NULL;
    c->cum = NULL;
}

static int choice_one(ss_choice *c, int target)
{
    if (choice_alloc(c, 1) < 0) return -1;
    c->target[0] = target;
    c->cum[0] = 1.0;
    return 0;
}

static int unknown_target(ss_reader *r, const ss_targets *t, const char *key, const char *name)
{
    char list[1024];
    ss_target_list(t, list, sizeof list);
    return ss_reader_fail(r, key, "unknown %s '%s' (expected one of: %s)",
                          t->doors ? "door" : "service", name, list);
}

/* { id = probability, ... } summing to 1, the table on top. */
static int choice_table(ss_reader *r, const ss_targets *t, ss_choice *c)
{
    ss_lua_key *keys;
    int others = 0, nk = ss_lua_sorted_keys(r->L, -1, NULL, &keys, &others), rc = 0;
    for (int i = 0; rc == 0 && i < nk; i++)
        if (keys[i].type != LUA_TSTRING) {
            char got[64];
            ss_lua_key_text(&keys[i], got, sizeof got);
            rc = ss_reader_fail(r, NULL, "expected entries keyed by an id, got key %s", got);
        }
    if (rc == 0 && (nk == 0 || others))
        rc = ss_reader_fail(r, NULL, nk ? "expected entries keyed by an id" : "expected at least one outcome with a probability");
    if (rc == 0 && choice_alloc(c, nk) < 0)
        rc = ss_reader_fail(r, NULL, "out of memory");
    double sum = 0;
    for (int i = 0; rc == 0 && i < nk; i++) {
        double p;
        int ix = ss_target_index(t, keys[i].str);
        if (ix == SS_T_NONE)
            rc = unknown_target(r, t, keys[i].str, keys[i].str);
        else if ((rc = ss_reader_number(r, keys[i].str, 0, 1, true, 0, &p)) == 0) {
            sum += p;
            c->target[i] = ix;
            c->cum[i] = sum;
        }
    }
    free(keys);
    if (rc == 0 && fabs(sum - 1.0) > 1e-6)
        rc = ss_reader_fail(r, NULL, "probabilities sum to %g, expected 1", sum);
    if (rc == 0)
        c->cum[nk - 1] = 1.0;
    return rc;
}

/* One choice: "id" or { id = probability, ... }; the value is on top. */
static int read_choice(ss_reader *r, const ss_targets *t, ss_choice *c)
{
    lua_State *L = r->L;
    if (lua_type(L, -1) == LUA_TSTRING) {
        int ix = ss_target_index(t, lua_tostring(L, -1));
        if (ix == SS_T_NONE)
            return unknown_target(r, t, NULL, lua_tostring(L, -1));
        return choice_one(c, ix) < 0 ? ss_reader_fail(r, NULL, "out of memory") : 0;
    }
    if (lua_istable(L, -1))
        return choice_table(r, t, c);
    char got[128];
    ss_reader_describe(L, -1, got, sizeof got);
    return ss_reader_fail(r, NULL, "expected a %s id, a table of probabilities or a rule file (\"rules/x.lua\"), got %s",
                          t->doors ? "door" : "service", got);
}

/* ---- rules ----------------------------------------------------------------------------- */

/* The choice at key of the table on top, with key entered for its messages. */
static int choice_at(ss_reader *r, const ss_targets *t, const char *key, ss_choice *c)
{
    char saved[512];
    ss_reader_get(r->L, key);
    ss_reader_enter(r, key, saved, sizeof saved);
    int rc = read_choice(r, t, c);
    ss_reader_leave(r, saved);
    lua_pop(r->L, 1);
    return rc;
}

/* Needs named in by_need (the table on top) must be the scenario's. */
static int known_needs(ss_reader *r, const ss_model *m)
{
    lua_State *L = r->L;
    int rc = 0;
    lua_pushnil(L);                                    /* by_need nil */
    while (rc == 0 && lua_next(L, -2)) {               /* by_need k v */
        lua_pop(L, 1);                                 /* by_need k */
        if (lua_type(L, -1) != LUA_TSTRING || ss_model_need_index(m, lua_tostring(L, -1)) < 0) {
            char got[128];
            ss_reader_describe(L, -1, got, sizeof got);
            rc = ss_reader_fail(r, "by_need", "unknown need %s", got);
            lua_pop(L, 1);                             /* by_need */
        }
    }
    return rc;
}

/* { by_need = { need = choice, ... }, default = choice }, the table on top. */
static int read_by_need(ss_reader *r, const ss_targets *t, ss_rule *rule)
{
    static const char *const keys[] = {"by_need", "default", NULL};
    lua_State *L = r->L;
    const ss_model *m = t->m;
    if (ss_reader_only_keys(r, keys) < 0)
        return -1;
    if (ss_reader_get(L, "by_need") != LUA_TTABLE) {
        lua_pop(L, 1);
        return ss_reader_fail(r, "by_need", "expected a table keyed by need");
    }
    int rc = known_needs(r, m);
    for (int i = 0; rc == 0 && i < m->nneeds; i++) {
        bool given = ss_reader_get(L, m->needs[i]) != LUA_TNIL;
        lua_pop(L, 1);
        if (given) {
            char saved[512];
            ss_reader_enter(r, "by_need", saved, sizeof saved);
            rc = choice_at(r, t, m->needs[i], &rule->by_need[i]);
            ss_reader_leave(r, saved);
            continue;
        }
        lua_pushvalue(L, -2);                          /* by_need scenario-rule */
        if (ss_reader_get(L, "default") == LUA_TNIL)
            rc = ss_reader_fail(r, "by_need", "has no entry for need '%s' and there is no default", m->needs[i]);
        lua_pop(L, 1);
        if (rc == 0) rc = choice_at(r, t, "default", &rule->by_need[i]);
        lua_pop(L, 1);                                 /* by_need */
    }
    lua_pop(L, 1);
    return rc;
}

/* The same choice for every need: the absent rule's default, or one choice given once. */
static int every_need(ss_reader *r, ss_rule *rule, int nneeds, const ss_choice *one)
{
    for (int i = 0; i < nneeds; i++) {
        ss_choice *c = &rule->by_need[i];
        if (choice_alloc(c, one->n) < 0)
            return ss_reader_fail(r, NULL, "out of memory");
        memcpy(c->target, one->target, sizeof(int) * (size_t)one->n);
        memcpy(c->cum, one->cum, sizeof(double) * (size_t)one->n);
    }
    return 0;
}

static int data_rule(ss_reader *r, const ss_targets *t, int dflt, ss_rule *rule)
{
    lua_State *L = r->L;
    int nneeds = t->m->nneeds;
    ss_choice one = {0};
    int rc;
    if (lua_isnil(L, -1) && dflt == SS_T_NONE)
        return ss_reader_fail(r, NULL, "missing (expected a rule file or a table of probabilities)");
    if (lua_istable(L, -1)) {
        bool by_need = ss_reader_get(L, "by_need") != LUA_TNIL;
        lua_pop(L, 1);
        if (by_need)
            return read_by_need(r, t, rule);
    }
    if (lua_isnil(L, -1))
        rc = choice_one(&one, dflt) < 0 ? ss_reader_fail(r, NULL, "out of memory") : 0;
    else
        rc = read_choice(r, t, &one);
    if (rc == 0)
        rc = every_need(r, rule, nneeds, &one);
    choice_free(&one);
    return rc;
}

int ss_rule_read(ss_reader *r, const char *key, const char *point, const ss_targets *t, int dflt,
                 ss_rule *rule)
{
    lua_State *L = r->L;
    rule->point = point;
    ss_reader_get(L, key);
    if (lua_type(L, -1) == LUA_TSTRING && ss_rule_is_ref(lua_tostring(L, -1))) {
        char ref[1024];
        snprintf(ref, sizeof ref, "%s", lua_tostring(L, -1));
        lua_pop(L, 1);
        return ss_rule_add_lua(r, key, ref, point, rule);
    }
    rule->kind = SS_RULE_DATA;
    rule->by_need = calloc((size_t)t->m->nneeds, sizeof(ss_choice));
    char saved[512];
    ss_reader_enter(r, key, saved, sizeof saved);
    int rc = rule->by_need ? data_rule(r, t, dflt, rule) : ss_reader_fail(r, NULL, "out of memory");
    ss_reader_leave(r, saved);
    lua_pop(L, 1);
    return rc;
}

void ss_rule_free(ss_rule *rule, int nneeds)
{
    if (rule->by_need) {
        for (int i = 0; i < nneeds; i++) choice_free(&rule->by_need[i]);
        free(rule->by_need);
    }
    free(rule->by_severity);
    rule->by_need = NULL;
    rule->by_severity = NULL;
}
