/* rules: calling Lua rule functions at the simulation's decision points (the views they read are
 * ruleviews.c's). */
#include "rules_parts.h"

#include <limits.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "idmap.h"
#include "rulefields.h"
#include "rulememo.h"
#include "ruleparams.h"
#include "sandbox.h"
#include "source.h"
#include "xalloc.h"

/* The words a rule may answer besides a service id; answer_code() gives word i as (i + 1) << 8. */
static const char *const answer_words[] = {"discharge", "continue", "accept", "reject"};
static const int word_outcome[] = {SS_T_DISCHARGE, SS_T_CONTINUE, SS_T_ACCEPT, SS_T_REJECT};
enum { NWORDS = 4 };

/* What a string means as an answer: (service index + 1) | (answer word + 1) << 8, 0 for
 * nothing; both parts when a service is named like a word.  By text: the slow path. */
static int answer_code(const ss_model *m, const char *s)
{
    int code = ss_model_service_index(m, s) + 1;
    for (int w = 0; w < NWORDS; w++)
        if (strcmp(s, answer_words[w]) == 0) code |= (w + 1) << 8;
    return code;
}

/* Interns text, keeps it alive in the registry and records its identity in map; its ref. */
static int keep_id(lua_State *L, ss_idmap *map, const char *text, int value)
{
    lua_pushstring(L, text);                                /* id */
    ss_idmap_put(map, lua_tostring(L, -1), value);
    return luaL_ref(L, LUA_REGISTRYINDEX);                  /* */
}

/* Each id's string and the maps from the strings' identities. */
static int make_ids(lua_State *L, ss_rules *r)
{
    const ss_model *m = r->m;
    const ss_rule_view *views[3] = {&ss_person_view, &ss_service_view, &ss_ctx_view};
    r->service_ids = calloc(m->nservices + 1, sizeof *r->service_ids);
    r->door_ids = calloc(m->ndoors + 1, sizeof *r->door_ids);
    r->need_ids = calloc(m->nneeds + 1, sizeof *r->need_ids);
    int failed = !r->service_ids || !r->door_ids || !r->need_ids ||
                 ss_idmap_init(&r->answers, m->nservices + NWORDS) < 0 || ss_idmap_init(&r->doors, m->ndoors) < 0;
    for (int v = 0; v < 3; v++) {
        int n = 0;
        while (views[v]->fields[n].name) n++;
        failed |= ss_idmap_init(&r->fields[v], n) < 0;
    }
    if (failed) return -1;
    for (int i = 0; i < m->nservices; i++)
        r->service_ids[i] = keep_id(L, &r->answers, m->services[i].id, answer_code(m, m->services[i].id));
    for (int w = 0; w < NWORDS; w++)
        keep_id(L, &r->answers, answer_words[w], answer_code(m, answer_words[w]));
    for (int i = 0; i < m->ndoors; i++)
        r->door_ids[i] = keep_id(L, &r->doors, m->doors[i].id, i);
    for (int i = 0; i < m->nneeds; i++) {
        lua_pushstring(L, m->needs[i]);
        r->need_ids[i] = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    for (int v = 0; v < 3; v++)
        for (int i = 0; views[v]->fields[i].name; i++) {
            int ref = keep_id(L, &r->fields[v], views[v]->fields[i].name, i);
            if (v == 0 && i < 16) r->person_key_refs[i] = ref;
        }
    return 0;
}

/* The answer at the top of the stack (a string) as answer_code() gives it: by identity, or by
 * text when the identity is not known (an unknown answer, or a long id Lua does not intern). */
static int answer_of(ss_rules *r, lua_State *L)
{
    const char *s = lua_tostring(L, -1);
    int code = ss_idmap_get(&r->answers, s, -1);
    return code >= 0 ? code : answer_code(r->m, s);
}

/* Pushes the rule file of slot compiled: parsed on the first replication, kept (by path) for
 * the next ones, which run it again in a fresh environment (ss_rule_run_chunk) instead of
 * parsing it again.  0, or -1 with d filled and nothing pushed. */
static int push_chunk(ss_rules *r, int slot, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    const ss_lua_rule *lr = &r->m->lua_rules[slot];
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->chunks_ref);       /* chunks */
    if (lua_getfield(L, -1, lr->path) != LUA_TFUNCTION) {   /* chunks f? */
        lua_pop(L, 1);                                      /* chunks */
        if (ss_sandbox_load(r->sb, r->texts[slot], r->lens[slot], lr->display, 0, d) < 0) {
            lua_pop(L, 1);
            return -1;
        }
        lua_pushvalue(L, -1);                               /* chunks f f */
        lua_setfield(L, -3, lr->path);                      /* chunks f */
    }
    lua_remove(L, -2);                                      /* f */
    return 0;
}

/* Whether rule `slot` (its function on top, the module cache below) is plain or bounded
 * (sandbox.h): run without the count hook, and a plain one's calls kept (rulememo.h); and
 * whether a table may stand for its person view (ruleviews.c). */
static void classify(ss_rules *r, int slot)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    const char *path = r->m->lua_rules[slot].path;
    ss_sandbox_args args;
    rv_rule_args(r->m->lua_rules[slot].point, &args);
    lua_getfield(L, -2, path);                              /* cache f module */
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->chunks_ref);       /* cache f module chunks */
    lua_getfield(L, -1, path);                              /* cache f module chunks chunk */
    bool plain = ss_sandbox_is_plain(r->sb, -1, -4);
    const char *names[16];
    uint64_t scalars;
    int n = rv_person_names(names, &scalars);
    ss_sandbox_kind kind;
    ss_sandbox_classify(r->sb, -1, -3, -4, &args, names, n, &kind);
    ss_memo_init(&r->memo[slot], plain || kind.bounded, plain);
    lua_pop(L, 3);                                          /* cache f */
    rv_table_for(r, slot, kind.keys & scalars);
}

/* Load each rule file once (a module may serve several decision points). */
static int load_rule(ss_rules *r, int slot, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    const ss_lua_rule *lr = &r->m->lua_rules[slot];
    lua_getfield(L, LUA_REGISTRYINDEX, "samsim.modules");   /* cache */
    lua_getfield(L, -1, lr->path);                          /* cache module? */
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        ss_rule_push_values(L, r->m, lr->path);           /* cache values */
        int rc = push_chunk(r, slot, d);                    /* cache values f */
        if (rc == 0)
            rc = ss_rule_run_chunk(r->sb, -2, 0, d);        /* cache values module | cache values */
        lua_remove(L, -1 - (rc == 0));                      /* cache module? */
        if (rc < 0) {
            lua_pop(L, 1);
            return -1;
        }
        lua_pushvalue(L, -1);
        lua_setfield(L, -3, lr->path);
    }
    if (lua_istable(L, -1)) {  /* raw: a module's own __index must not run outside a call */
        const char *field = lr->field ? lr->field : lr->point;
        lua_pushstring(L, field);
        lua_rawget(L, -2);
        if (!lua_isfunction(L, -1)) {
            lua_pop(L, 3);
            return ss_fail(d, "%s: the module has no function '%s' (a rule file returns a function, or a table of functions named after the decision point)", lr->display, field);
        }
        lua_remove(L, -2);
    } else if (!lua_isfunction(L, -1)) {
        const char *got = luaL_typename(L, -1);
        lua_pop(L, 2);
        return ss_fail(d, "%s: expected the rule file to return a function or a table of functions, got %s", lr->display, got);
    } else if (lr->field) {
        lua_pop(L, 2);
        return ss_fail(d, "%s: returns a single function, so ':%s' cannot name one of its fields", lr->display, lr->field);
    }
    classify(r, slot);
    lua_Debug ar;
    lua_pushvalue(L, -1);
    lua_getinfo(L, ">S", &ar);
    r->lines[slot] = ar.linedefined;
    r->refs[slot] = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);
    return 0;
}

/* Reads each rule file once; slots naming the same file share the text. */
static int read_texts(ss_rules *r, ss_diag *d)
{
    const ss_model *m = r->m;
    for (int i = 0; i < m->nlua_rules; i++) {
        for (int j = 0; j < i && !r->texts[i]; j++)
            if (strcmp(m->lua_rules[j].path, m->lua_rules[i].path) == 0) {
                r->texts[i] = strdup(r->texts[j]);
                r->lens[i] = r->lens[j];
            }
        if (r->texts[i])
            continue;
        r->texts[i] = ss_source_read(m->lua_rules[i].path, SS_SOURCE_MAX_BYTES, &r->lens[i], d);
        if (!r->texts[i])
            return -1;
    }
    return 0;
}

/* A new module cache and every rule function loaded into it. */
static int load_rules(ss_rules *r, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "samsim.modules");
    for (int i = 0; i < r->m->nlua_rules; i++)
        if (load_rule(r, i, d) < 0)
            return -1;
    r->fresh = true;
    return 0;
}

int ss_rules_reset(ss_rules *r, ss_diag *d)
{
    if (r->fresh)
        return 0;
    lua_State *L = ss_sandbox_lua(r->sb);
    for (int i = 0; i < r->m->nlua_rules; i++) {
        luaL_unref(L, LUA_REGISTRYINDEX, r->refs[i]);
        r->refs[i] = LUA_NOREF;
    }
    for (int i = 0; i < r->m->nlua_rules; i++)
        ss_memo_forget(&r->memo[i], L);
    int rc = load_rules(r, d);
    lua_gc(L, LUA_GCCOLLECT); /* the old modules' state, at once rather than at random later */
    return rc;
}

ss_rules *ss_rules_new(const ss_model *m, ss_diag *d)
{
    ss_rules *r = calloc(1, sizeof *r);
    r->m = m;
    ss_sandbox_limits lim = {.memory_bytes = m->rule_memory, .instructions_per_call = m->rule_instructions};
    r->sb = ss_sandbox_new(&lim, d);
    if (!r->sb) { free(r); return NULL; }
    lua_State *L = ss_sandbox_lua(r->sb);
    int n = m->nlua_rules ? m->nlua_rules : 1;
    r->refs = calloc(n, sizeof(int));
    r->lines = calloc(n, sizeof(int));
    r->texts = calloc(n, sizeof(char *));
    r->lens = calloc(n, sizeof(size_t));
    r->memo = calloc(n, sizeof *r->memo);
    r->table_refs = calloc(n, sizeof *r->table_refs);
    r->table_keys = calloc(n, sizeof *r->table_keys);
    r->table_set = calloc((size_t)n * 16, sizeof *r->table_set);
    ss_memo_rec_init(&r->rec);
    for (int i = 0; i < m->nlua_rules; i++) r->refs[i] = LUA_NOREF;
    for (int i = 0; r->table_refs && i < m->nlua_rules; i++) r->table_refs[i] = LUA_NOREF;
    for (int i = 0; r->memo && i < m->nlua_rules; i++) ss_memo_init(&r->memo[i], false, false);
    r->date_day = NAN;
    lua_pushboolean(L, 0);
    r->date_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_newtable(L);
    r->chunks_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    if (make_ids(L, r) < 0) { ss_rules_free(r); ss_fail(d, "out of memory for the rules' ids"); return NULL; }
    if (rv_make_views(L, r) < 0 || !r->memo || !r->table_refs || !r->table_keys || !r->table_set) { ss_rules_free(r); ss_fail(d, "out of memory for the rules' views"); return NULL; }
    if (read_texts(r, d) < 0 || load_rules(r, d) < 0) { ss_rules_free(r); return NULL; }
    ss_sandbox_push_handler(r->sb);  /* stays at the top: below each rule called (call()) */
    return r;
}

void ss_rules_free(ss_rules *r)
{
    if (!r) return;
    ss_sandbox_free(r->sb);
    for (int i = 0; i < r->m->nlua_rules; i++) free(r->texts[i]);
    ss_free_all(r->texts, r->lens, r->refs, r->lines, r->service_ids, r->service_refs, r->door_ids, r->need_ids, r->memo,
                r->table_refs, r->table_keys, r->table_set);
    ss_idmap_fini(&r->answers);
    ss_idmap_fini(&r->doors);
    for (int v = 0; v < 3; v++) ss_idmap_fini(&r->fields[v]);
    free(r);
}

void ss_rules_set_rng(ss_rules *r, gsl_rng *rng) { ss_sandbox_set_rng(r->sb, rng); }
void ss_rules_set_interrupt(ss_rules *r, const ss_stop_flag *flag) { ss_sandbox_set_interrupt(r->sb, flag); }
size_t ss_rules_memory(const ss_rules *r) { return ss_sandbox_memory(r->sb); }
int ss_rules_line(const ss_rules *r, int slot) { return r->lines[slot]; }

/* ---- calling ----------------------------------------------------------------------------- */

static const char *rule_name(const ss_rules *r, int slot)
{
    const ss_lua_rule *lr = &r->m->lua_rules[slot];
    return lr->field ? lr->field : lr->point;
}

/* "(person 1832, service fph, 2023-03-14)" */
static void where(const ss_rules *r, char *out, size_t n)
{
    char date[11];
    ss_calendar_format(&r->m->cal, r->w->now, date);
    if (r->service >= 0)
        snprintf(out, n, "person %lld, service %s, %s, replication %d", (long long)r->p->id,
                 r->m->services[r->service].id, date, r->w->rep + 1);
    else if (r->door >= 0)
        snprintf(out, n, "person %lld, door %s, %s, replication %d", (long long)r->p->id,
                 r->m->doors[r->door].id, date, r->w->rep + 1);
    else
        snprintf(out, n, "person %lld, %s, replication %d", (long long)r->p->id, date, r->w->rep + 1);
}

/* A Lua error, re-told with the rule, the person, the service and the date. */
static int fail_lua(ss_rules *r, int slot, ss_diag *d)
{
    char loc[512], ctx[256], text[sizeof d->msg];
    const char *rest;
    ss_sandbox_split_location(d->msg, loc, sizeof loc, &rest);
    snprintf(text, sizeof text, "%s", rest);
    if (!loc[0]) snprintf(loc, sizeof loc, "%s:%d", r->m->lua_rules[slot].display, r->lines[slot]);
    where(r, ctx, sizeof ctx);
    return ss_fail(d, "%s: error in rule '%s' (%s): %s", loc, rule_name(r, slot), ctx, text);
}

/* A wrong answer: pointed at the line where the rule function starts. */
static int fail_answer(ss_rules *r, int slot, ss_diag *d, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int fail_answer(ss_rules *r, int slot, ss_diag *d, const char *fmt, ...)
{
    char text[1024], ctx[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    where(r, ctx, sizeof ctx);
    return ss_fail(d, "%s:%d: error in rule '%s' (%s): %s", r->m->lua_rules[slot].display,
                   r->lines[slot], rule_name(r, slot), ctx, text);
}

/* Push the rule and its arguments (person, [door id | service], ctx) and call it; the one
 * answer is left on the stack. */
static int call(ss_rules *r, int slot, const ss_person *p, const ss_world *w, int service,
                int door, int age, bool with_door, bool with_service, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    r->age = age;
    r->p = p;
    r->w = w;
    r->service = service;
    r->door = door;
    r->fresh = false;
    ss_rule_memo *mm = &r->memo[slot];
    int key[3] = {with_door ? door : -1, with_service ? service : -1, age};
    if (mm->kept && ss_memo_answer(mm, &r->rec, L, key, rv_field_key, r))
        return 0;
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->refs[slot]);
    rv_push_person(r, slot, mm->kept);
    int nargs = 2;
    if (with_door) { lua_rawgeti(L, LUA_REGISTRYINDEX, r->door_ids[door]); nargs++; }
    if (with_service) { lua_rawgeti(L, LUA_REGISTRYINDEX, r->service_refs[service]); nargs++; }
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->ctx_ref);
    int rc = mm->unhooked ? ss_sandbox_call_plain(r->sb, nargs, 1, d) : ss_sandbox_call(r->sb, nargs, 1, d);
    ss_memo_done(mm, &r->rec, L, rc == 0);
    if (rc < 0)
        return fail_lua(r, slot, d);
    return 0;
}

/* The answer on top for a message; the table standing for the person view (ruleviews.c) is
 * named as the view is, a userdata. */
static void answer_text(ss_rules *r, int slot, char *out, size_t n)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    if (rv_is_person_table(r, slot))
        snprintf(out, n, "%s", lua_typename(L, LUA_TUSERDATA));
    else if (lua_type(L, -1) == LUA_TSTRING) snprintf(out, n, "'%s'", lua_tostring(L, -1));
    else if (lua_type(L, -1) == LUA_TNUMBER) snprintf(out, n, "%g", lua_tonumber(L, -1));
    else snprintf(out, n, "%s", luaL_typename(L, -1));
}

/* The answer on top is not one the decision point takes: pop it and say what was expected. */
static int refuse_answer(ss_rules *r, int slot, const char *expected, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    char got[300];
    answer_text(r, slot, got, sizeof got);
    lua_pop(L, 1);
    return fail_answer(r, slot, d, "returned %s, expected %s", got, expected);
}

/* The answer names a service (or one of the allowed outcomes). */
static int answer_target(ss_rules *r, int slot, bool discharge, bool cont, int *out, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    int t = -100;
    if (lua_type(L, -1) == LUA_TSTRING) {
        int code = answer_of(r, L), word = code >> 8, ix = (code & 0xff) - 1;
        if (discharge && word == 1 + 0) t = SS_T_DISCHARGE;
        else if (cont && word == 1 + 1) t = SS_T_CONTINUE;
        else if (ix >= 0) t = ix;
    }
    if (t == -100) {
        char ids[600] = "", expected[800];
        for (int i = 0; i < r->m->nservices; i++) {
            strncat(ids, i ? ", " : "", sizeof ids - strlen(ids) - 1);
            strncat(ids, r->m->services[i].id, sizeof ids - strlen(ids) - 1);
        }
        snprintf(expected, sizeof expected, "%s%sa service id (%s)",
                 discharge ? "\"discharge\" or " : "", cont ? "\"continue\" or " : "", ids);
        return refuse_answer(r, slot, expected, d);
    }
    lua_pop(L, 1);
    *out = t;
    return 0;
}

int ss_rules_door(ss_rules *r, int slot, const ss_person *p, const ss_world *w, int *door, ss_diag *d)
{
    if (call(r, slot, p, w, -1, -1, -1, false, false, d) < 0) return -1;
    lua_State *L = ss_sandbox_lua(r->sb);
    if (lua_type(L, -1) == LUA_TSTRING) {
        const char *s = lua_tostring(L, -1);
        *door = ss_idmap_get(&r->doors, s, -2);
        if (*door == -2) *door = ss_model_door_index(r->m, s);
    } else {
        *door = -1;
    }
    if (*door < 0)
        return refuse_answer(r, slot, "a door id", d);
    lua_pop(L, 1);
    return 0;
}

int ss_rules_route(ss_rules *r, int slot, const ss_person *p, int door, const ss_world *w,
                   int *service, ss_diag *d)
{
    if (call(r, slot, p, w, -1, door, -1, true, false, d) < 0) return -1;
    return answer_target(r, slot, false, false, service, d);
}

int ss_rules_accept(ss_rules *r, int slot, const ss_person *p, int service, bool eligible,
                    const ss_world *w, int *outcome, ss_diag *d)
{
    r->eligible = eligible;
    if (call(r, slot, p, w, service, -1, -1, false, true, d) < 0) return -1;
    lua_State *L = ss_sandbox_lua(r->sb);
    if (lua_isboolean(L, -1)) {
        *outcome = lua_toboolean(L, -1) ? SS_T_ACCEPT : SS_T_REJECT;
        lua_pop(L, 1);
        return 0;
    }
    if (lua_type(L, -1) == LUA_TSTRING) {
        int code = answer_of(r, L), word = code >> 8, ix = (code & 0xff) - 1;
        int t = word == 1 + 2 || word == 1 + 3 ? word_outcome[word - 1] : ix >= 0 ? ix : -1;
        if (t != -1) {
            *outcome = t;
            lua_pop(L, 1);
            return 0;
        }
    }
    return refuse_answer(r, slot, "true, false, \"accept\", \"reject\" or a service id to redirect to", d);
}

int ss_rules_priority(ss_rules *r, int slot, const ss_person *p, int service, const ss_world *w,
                      double *priority, ss_diag *d)
{
    if (call(r, slot, p, w, service, -1, -1, false, true, d) < 0) return -1;
    lua_State *L = ss_sandbox_lua(r->sb);
    if (lua_type(L, -1) != LUA_TNUMBER || isnan(lua_tonumber(L, -1)))
        return refuse_answer(r, slot, "a number (lower is served first)", d);
    *priority = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return 0;
}

int ss_rules_next(ss_rules *r, int slot, const ss_person *p, int service, const ss_world *w,
                  int *target, ss_diag *d)
{
    if (call(r, slot, p, w, service, -1, -1, false, true, d) < 0) return -1;
    return answer_target(r, slot, true, false, target, d);
}

int ss_rules_duties(ss_rules *r, int slot, const ss_person *p, const ss_world *w, ss_duties *duties, ss_diag *d)
{
    static const char *const names[] = {"none", "plan", "plan_child"};
    if (call(r, slot, p, w, -1, -1, -1, false, false, d) < 0) return -1;
    lua_State *L = ss_sandbox_lua(r->sb);
    for (int i = 0; i < 3 && lua_type(L, -1) == LUA_TSTRING; i++)
        if (strcmp(lua_tostring(L, -1), names[i]) == 0) {
            lua_pop(L, 1);
            *duties = (ss_duties)i;
            return 0;
        }
    char got[300];
    answer_text(r, slot, got, sizeof got);
    lua_pop(L, 1);
    return fail_answer(r, slot, d, "returned %s, expected \"none\", \"plan\" (an individual plan and a coordinator) or "
                                   "\"plan_child\" (and a barnekoordinator)", got);
}

int ss_rules_at_age(ss_rules *r, int slot, const ss_person *p, int service, int age,
                    const ss_world *w, int *target, ss_diag *d)
{
    if (call(r, slot, p, w, service, -1, age, false, true, d) < 0) return -1;
    return answer_target(r, slot, true, true, target, d);
}
