/* rules: calling Lua rule functions at the simulation's decision points. */
#include "rules.h"

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

struct ss_rules {
    ss_sandbox *sb;
    const ss_model *m;
    int *refs;                 /* [nlua_rules] registry refs of the functions */
    int *lines;                /* [nlua_rules] line where each function is defined */
    char **texts;              /* [nlua_rules] each rule file's text, read once (same file, same text) */
    size_t *lens;
    bool fresh;                /* no rule has run since the modules were loaded */
    int person_ref, ctx_ref;
    int *service_refs;         /* [nservices] each service's view (make_service_view) */
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

typedef enum { V_PERSON, V_SERVICE, V_CTX } view_kind;


static ss_rules *rules_of(lua_State *L)
{
    return *(ss_rules **)lua_touserdata(L, lua_upvalueindex(1));
}

/* ---- the views' fields (rulefields.h) ----------------------------------------------------- */

/* A field's value for the call in progress, as C data: pushed as Lua would see it (push_value),
 * and compared as it is (value_key) when a kept call is checked (rulememo.h). */
static ss_rule_value v_num(double x) { return (ss_rule_value){SS_RV_NUM, {.num = x}}; }
static ss_rule_value v_int(long long x) { return (ss_rule_value){SS_RV_INT, {.i = x}}; }
static ss_rule_value v_bool(bool x) { return (ss_rule_value){SS_RV_BOOL, {.i = x}}; }
/* An id kept as an interned string in the registry (make_ids), or nil. */
static ss_rule_value v_ref(int ref, bool present) { return present ? (ss_rule_value){SS_RV_REF, {.i = ref}} : (ss_rule_value){SS_RV_NIL, {.i = 0}}; }
static ss_rule_value v_str(const char *text) { return text ? (ss_rule_value){SS_RV_STR, {.p = text}} : (ss_rule_value){SS_RV_NIL, {.i = 0}}; }
static ss_rule_value v_made(ss_rv_kind kind, long long which) { return (ss_rule_value){kind, {.i = which}}; }

static ss_rule_value service_id(const ss_rules *r, int s)
{
    bool ok = s >= 0 && s < r->m->nservices;
    return v_ref(ok ? r->service_ids[s] : 0, ok);
}

static ss_rule_value p_id(ss_rules *r, int s) { return v_int(r->p->id); }
static ss_rule_value p_age(ss_rules *r, int s) { return v_num(ss_person_age(r->p, r->w->now)); }
static ss_rule_value p_need(ss_rules *r, int s) { return v_ref(r->need_ids[r->p->need], true); }
static ss_rule_value p_severity(ss_rules *r, int s) { return v_int(r->p->severity); }
static ss_rule_value p_complex(ss_rules *r, int s) { return v_bool(r->p->complex); }
static ss_rule_value p_door(ss_rules *r, int s) { return v_ref(r->p->door >= 0 ? r->door_ids[r->p->door] : 0, r->p->door >= 0); }
static ss_rule_value p_arrived(ss_rules *r, int s) { return v_num(r->p->arrived); }
static ss_rule_value p_since(ss_rules *r, int s) { return v_num(r->w->now - r->p->arrived); }
static ss_rule_value p_waited(ss_rules *r, int s) { return v_num(r->p->state == SS_P_QUEUED ? r->w->now - r->p->referred : 0.0); }
static ss_rule_value p_referrals(ss_rules *r, int s) { return v_int(r->p->referrals); }
static ss_rule_value p_handoffs(ss_rules *r, int s) { return v_int(r->p->handoffs); }
static ss_rule_value p_bounces(ss_rules *r, int s) { return v_int(r->p->bounces); }
static ss_rule_value p_services(ss_rules *r, int s) { return v_int(__builtin_popcountll(r->p->visited)); }
static ss_rule_value p_current(ss_rules *r, int s) { return service_id(r, r->p->service); }
static ss_rule_value p_history(ss_rules *r, int s) { return v_made(SS_RV_LIST, 0); }

/* A view's field: its name, its type (nil allowed or not), its value. */
#define NUM(name, f) {name, LUA_TNUMBER, false, f}
#define NUM_OR_NIL(name, f) {name, LUA_TNUMBER, true, f}
#define STR(name, f) {name, LUA_TSTRING, false, f}
#define STR_OR_NIL(name, f) {name, LUA_TSTRING, true, f}
#define BOOL(name, f) {name, LUA_TBOOLEAN, false, f}
#define LIST(name, f) {name, LUA_TTABLE, false, f}
#define LOOKUP(name, f) {name, SS_RF_LOOKUP, false, f}

static const ss_rule_field person_fields[] = {
    NUM("id", p_id), NUM("age", p_age), STR("need", p_need), NUM("severity", p_severity),
    BOOL("complex", p_complex), STR_OR_NIL("door", p_door), NUM("arrived", p_arrived),
    NUM("days_since_concern", p_since), NUM("waited", p_waited), NUM("referrals", p_referrals),
    NUM("handoffs", p_handoffs), NUM("bounces", p_bounces), NUM("services", p_services),
    STR_OR_NIL("current", p_current), LIST("history", p_history), {NULL, 0, false, NULL}};
const ss_rule_view ss_person_view = {"person", person_fields};

static const ss_service *service_at(ss_rules *r, int s) { return &r->m->services[s]; }
static int unit_at(ss_rules *r, int s) { return service_at(r, s)->unit; }
static int sector_at(ss_rules *r, int s) { return unit_at(r, s) >= 0 ? r->m->units[unit_at(r, s)].parent : -1; }

static ss_rule_value s_id(ss_rules *r, int s) { return service_id(r, s); }
static ss_rule_value s_name(ss_rules *r, int s) { return v_str(service_at(r, s)->name); }
static ss_rule_value s_unit(ss_rules *r, int s) { return v_str(unit_at(r, s) >= 0 ? r->m->units[unit_at(r, s)].id : NULL); }
static ss_rule_value s_sector(ss_rules *r, int s) { return v_str(sector_at(r, s) >= 0 ? r->m->sectors[sector_at(r, s)].id : NULL); }
static ss_rule_value s_fte(ss_rules *r, int s) { return v_num(service_at(r, s)->fte); }
static ss_rule_value s_queue(ss_rules *r, int s) { return v_int(r->w->queue_len[s]); }
static ss_rule_value s_caseload(ss_rules *r, int s) { return v_int(r->w->caseload[s]); }
static ss_rule_value s_capacity(ss_rules *r, int s) { return v_num(service_at(r, s)->capacity); }
static ss_rule_value s_target_wait(ss_rules *r, int s) { return v_num(service_at(r, s)->target_wait); }

static const ss_rule_field service_fields[] = {
    STR("id", s_id), STR("name", s_name), STR_OR_NIL("unit", s_unit), STR_OR_NIL("sector", s_sector),
    NUM("fte", s_fte), NUM("queue", s_queue), NUM("caseload", s_caseload), NUM("capacity", s_capacity),
    NUM("target_wait", s_target_wait), {NULL, 0, false, NULL}};
const ss_rule_view ss_service_view = {"service", service_fields};

static int check_service(lua_State *L, ss_rules *r, int arg)
{
    const char *id = luaL_checkstring(L, arg);
    int s = ss_model_service_index(r->m, id);
    if (s < 0) luaL_error(L, "unknown service '%s'", id);
    return s;
}

static int ctx_queue(lua_State *L) { ss_rules *r = rules_of(L); lua_pushinteger(L, r->w->queue_len[check_service(L, r, 1)]); return 1; }
static int ctx_caseload(lua_State *L) { ss_rules *r = rules_of(L); lua_pushinteger(L, r->w->caseload[check_service(L, r, 1)]); return 1; }
static int ctx_capacity(lua_State *L) { ss_rules *r = rules_of(L); lua_pushnumber(L, r->m->services[check_service(L, r, 1)].capacity); return 1; }
static const lua_CFunction lookups[] = {ctx_queue, ctx_caseload, ctx_capacity};

static ss_rule_value c_date(ss_rules *r, int s) { return (ss_rule_value){SS_RV_DATE, {.num = floor(r->w->now)}}; }
static ss_rule_value c_day(ss_rules *r, int s) { return v_num(r->w->now); }
static ss_rule_value c_rep(ss_rules *r, int s) { return v_int(r->w->rep + 1); }
static ss_rule_value c_age(ss_rules *r, int s) { return r->age >= 0 ? v_int(r->age) : v_ref(0, false); }
static ss_rule_value c_eligible(ss_rules *r, int s) { return v_bool(r->eligible); }
static ss_rule_value c_working(ss_rules *r, int s) { return v_bool(ss_calendar_is_working(&r->m->cal, r->w->now)); }
/* Lookups are functions of a service id (lookups[]). */
static ss_rule_value c_queue(ss_rules *r, int s) { return v_made(SS_RV_LOOKUP, 0); }
static ss_rule_value c_caseload(ss_rules *r, int s) { return v_made(SS_RV_LOOKUP, 1); }
static ss_rule_value c_capacity(ss_rules *r, int s) { return v_made(SS_RV_LOOKUP, 2); }

static const ss_rule_field ctx_fields[] = {
    STR("date", c_date), NUM("day", c_day), NUM("rep", c_rep), NUM_OR_NIL("age", c_age),
    BOOL("eligible", c_eligible), BOOL("working_day", c_working), LOOKUP("queue", c_queue),
    LOOKUP("caseload", c_caseload), LOOKUP("capacity", c_capacity), {NULL, 0, false, NULL}};
const ss_rule_view ss_ctx_view = {"ctx", ctx_fields};

static const ss_rule_view *const all_views[3] = {&ss_person_view, &ss_service_view, &ss_ctx_view};

/* The date as text, made once a day (rules and kept calls ask for it many times a day). */
static void push_date(lua_State *L, ss_rules *r)
{
    if (floor(r->w->now) != r->date_day) {
        char date[11];
        ss_calendar_format(&r->m->cal, r->w->now, date);
        lua_pushstring(L, date);
        lua_rawseti(L, LUA_REGISTRYINDEX, r->date_ref);
        r->date_day = floor(r->w->now);
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->date_ref);
}

/* The history as a new list of service ids (a rule may keep or change its copy). */
static void push_history(lua_State *L, ss_rules *r)
{
    lua_createtable(L, r->p->npath, 0);
    for (int i = 0; i < r->p->npath; i++) {
        ss_rule_value id = service_id(r, r->p->path[i]);
        if (id.kind == SS_RV_REF) lua_rawgeti(L, LUA_REGISTRYINDEX, (int)id.as.i);
        else lua_pushnil(L);
        lua_rawseti(L, -2, i + 1);
    }
}

/* Pushes v as the rule sees it; a lookup closes over upvalue 1 of the running C function (the
 * proxy's __index). */
static void push_value(lua_State *L, ss_rules *r, ss_rule_value v)
{
    switch (v.kind) {
    case SS_RV_NIL: lua_pushnil(L); break;
    case SS_RV_NUM: lua_pushnumber(L, v.as.num); break;
    case SS_RV_INT: lua_pushinteger(L, v.as.i); break;
    case SS_RV_BOOL: lua_pushboolean(L, (int)v.as.i); break;
    case SS_RV_REF: lua_rawgeti(L, LUA_REGISTRYINDEX, (int)v.as.i); break;
    case SS_RV_STR: lua_pushstring(L, v.as.p); break;
    case SS_RV_DATE: push_date(L, r); break;
    case SS_RV_LIST: push_history(L, r); break;
    case SS_RV_LOOKUP:
        lua_pushvalue(L, lua_upvalueindex(1));
        lua_pushcclosure(L, lookups[v.as.i], 1);
        break;
    }
}

/* What a kept call compares (rulememo.h): equal keys only for values a rule cannot tell apart
 * (a number's bits, so 0.0 and -0.0 differ; an id's registry ref; a text's address; the day of
 * the date).  Lists and lookups are made anew at each read and are not kept. */
static ss_memo_val value_key(ss_rule_value v)
{
    ss_memo_val k = {(int)v.kind, 0, v.kind != SS_RV_LIST && v.kind != SS_RV_LOOKUP};
    if (v.kind == SS_RV_NUM || v.kind == SS_RV_DATE) memcpy(&k.bits, &v.as.num, sizeof k.bits);
    else if (v.kind == SS_RV_STR) k.bits = (uint64_t)(uintptr_t)v.as.p;
    else k.bits = (uint64_t)v.as.i;
    return k;
}

/* The value a field has now, for a kept call (rulememo.h). */
static ss_memo_val field_key(void *ctx, int view, int field)
{
    ss_rules *r = ctx;
    return value_key(all_views[view]->fields[field].value(r, view == 1 ? r->service : -1));
}

/* __index of a view: the field's value, found by the key's identity (fields[view]); a key
 * not found so is looked up by its text, which names the fields there are when it is none. */
static int view_index(lua_State *L, const ss_rule_view *v, int view, int s)
{
    ss_rules *r = rules_of(L);
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : NULL;
    int i = key ? ss_idmap_get(&r->fields[view], key, -1) : -1;
    const ss_rule_field *f = i >= 0 ? &v->fields[i] : ss_rule_field_at(L, v, 2);
    ss_rule_value value = f->value(r, s);
    push_value(L, r, value);
    if (r->rec.on)
        ss_memo_read(&r->rec, view, (int)(f - v->fields), value_key(value));
    return 1;
}

static int person_index(lua_State *L) { return view_index(L, &ss_person_view, 0, -1); }
static int ctx_index(lua_State *L) { return view_index(L, &ss_ctx_view, 2, -1); }
/* The service view's fields that change during a run (queue, caseload), and the error for a
 * name that is no field; upvalue 2 is the service. */
static int service_index(lua_State *L) { return view_index(L, &ss_service_view, 1, (int)lua_tointeger(L, lua_upvalueindex(2))); }

static int readonly(lua_State *L) { return luaL_error(L, "the %s view is read-only", lua_tostring(L, lua_upvalueindex(2))); }

/* A proxy: userdata holding the ss_rules pointer, with __index reading the current call's data. */
static int make_proxy(lua_State *L, ss_rules *r, lua_CFunction index, const char *name)
{
    ss_rules **ud = lua_newuserdatauv(L, sizeof *ud, 0);   /* ud */
    *ud = r;
    lua_createtable(L, 0, 3);                               /* ud mt */
    lua_pushvalue(L, -2);
    lua_pushcclosure(L, index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushvalue(L, -2);
    lua_pushstring(L, name);
    lua_pushcclosure(L, readonly, 2);
    lua_setfield(L, -2, "__newindex");
    lua_pushstring(L, name);
    lua_setfield(L, -2, "__name");
    lua_pushboolean(L, 0);                                  /* hidden: a rule that could reach it */
    lua_setfield(L, -2, "__metatable");                     /* could change what every rule sees */
    lua_setmetatable(L, -2);                                /* ud */
    return luaL_ref(L, LUA_REGISTRYINDEX);
}

/* The fields of a service's view fixed for the run (the model does not change under a
 * simulation). */
static const char *const service_fixed[] = {"id", "name", "unit", "sector", "fte", "capacity", "target_wait"};

/* Service s's view: a read-only proxy like make_proxy's, but its __index is a table of the fields
 * fixed for the run, which the VM reads without a call into C (a rule such as
 * routes[service.id] runs at every episode end); that table's own __index, service_index, gives
 * the others and the error for a name that is no field.  One view per service, made once (after
 * make_ids: the ids are the interned strings). */
static int make_service_view(lua_State *L, ss_rules *r, int s)
{
    ss_rules **ud = lua_newuserdatauv(L, sizeof *ud, 0);   /* ud */
    *ud = r;
    lua_createtable(L, 0, 4);                               /* ud mt */
    lua_createtable(L, 0, 8);                               /* ud mt fixed */
    for (size_t i = 0; i < sizeof service_fixed / sizeof *service_fixed; i++) {
        push_value(L, r, ss_rule_field_find(&ss_service_view, service_fixed[i])->value(r, s));  /* ud mt fixed v */
        lua_setfield(L, -2, service_fixed[i]);              /* ud mt fixed (a nil sets nothing) */
    }
    lua_createtable(L, 0, 1);                               /* ud mt fixed fmt */
    lua_pushvalue(L, -4);
    lua_pushinteger(L, s);
    lua_pushcclosure(L, service_index, 2);                  /* ud mt fixed fmt index */
    lua_setfield(L, -2, "__index");                         /* ud mt fixed fmt */
    lua_setmetatable(L, -2);                                /* ud mt fixed */
    lua_setfield(L, -2, "__index");                         /* ud mt */
    lua_pushvalue(L, -2);
    lua_pushstring(L, "service");
    lua_pushcclosure(L, readonly, 2);
    lua_setfield(L, -2, "__newindex");
    lua_pushstring(L, "service");
    lua_setfield(L, -2, "__name");
    lua_pushboolean(L, 0);                                  /* hidden, as make_proxy's */
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);                                /* ud */
    return luaL_ref(L, LUA_REGISTRYINDEX);
}

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
        for (int i = 0; views[v]->fields[i].name; i++)
            keep_id(L, &r->fields[v], views[v]->fields[i].name, i);
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
 * (sandbox.h): run without the count hook, and a plain one's calls kept (rulememo.h). */
static void classify(ss_rules *r, int slot)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    const char *path = r->m->lua_rules[slot].path;
    lua_getfield(L, -2, path);                              /* cache f module */
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->chunks_ref);       /* cache f module chunks */
    lua_getfield(L, -1, path);                              /* cache f module chunks chunk */
    bool plain = ss_sandbox_is_plain(r->sb, -1, -4);
    ss_memo_init(&r->memo[slot], plain || ss_sandbox_is_bounded(r->sb, -1, -3, -4), plain);
    lua_pop(L, 3);                                          /* cache f */
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
    ss_memo_rec_init(&r->rec);
    for (int i = 0; i < m->nlua_rules; i++) r->refs[i] = LUA_NOREF;
    for (int i = 0; r->memo && i < m->nlua_rules; i++) ss_memo_init(&r->memo[i], false, false);
    r->date_day = NAN;
    lua_pushboolean(L, 0);
    r->date_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    r->person_ref = make_proxy(L, r, person_index, "person");
    r->ctx_ref = make_proxy(L, r, ctx_index, "ctx");
    lua_newtable(L);
    r->chunks_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    if (make_ids(L, r) < 0) { ss_rules_free(r); ss_fail(d, "out of memory for the rules' ids"); return NULL; }
    r->service_refs = calloc(m->nservices + 1, sizeof *r->service_refs);
    if (!r->service_refs || !r->memo) { ss_rules_free(r); ss_fail(d, "out of memory for the rules' views"); return NULL; }
    for (int i = 0; i < m->nservices; i++) r->service_refs[i] = make_service_view(L, r, i);
    if (read_texts(r, d) < 0 || load_rules(r, d) < 0) { ss_rules_free(r); return NULL; }
    ss_sandbox_push_handler(r->sb);  /* stays at the top: below each rule called (call()) */
    return r;
}

void ss_rules_free(ss_rules *r)
{
    if (!r) return;
    ss_sandbox_free(r->sb);
    for (int i = 0; i < r->m->nlua_rules; i++) free(r->texts[i]);
    ss_free_all(r->texts, r->lens, r->refs, r->lines, r->service_ids, r->service_refs, r->door_ids, r->need_ids, r->memo);
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
    if (mm->kept && ss_memo_answer(mm, &r->rec, L, key, field_key, r))
        return 0;
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->refs[slot]);
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->person_ref);
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

static void answer_text(lua_State *L, char *out, size_t n)
{
    if (lua_type(L, -1) == LUA_TSTRING) snprintf(out, n, "'%s'", lua_tostring(L, -1));
    else if (lua_type(L, -1) == LUA_TNUMBER) snprintf(out, n, "%g", lua_tonumber(L, -1));
    else snprintf(out, n, "%s", luaL_typename(L, -1));
}

/* The answer on top is not one the decision point takes: pop it and say what was expected. */
static int refuse_answer(ss_rules *r, int slot, const char *expected, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    char got[300];
    answer_text(L, got, sizeof got);
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
    answer_text(L, got, sizeof got);
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
