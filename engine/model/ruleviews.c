/* ruleviews: the views a rule reads, person, service and ctx: their fields' values (rulefields.h),
 * the read-only proxies that give them, and the plain table that stands for the person view in a
 * rule that cannot tell the two apart.  The other half of the rules bridge (rules_parts.h). */
#include "rules_parts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "rulefields.h"

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

ss_memo_val rv_field_key(void *ctx, int view, int field)
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

int rv_make_views(lua_State *L, ss_rules *r)
{
    r->person_ref = make_proxy(L, r, person_index, "person");
    r->ctx_ref = make_proxy(L, r, ctx_index, "ctx");
    r->service_refs = calloc(r->m->nservices + 1, sizeof *r->service_refs);
    if (!r->service_refs)
        return -1;
    for (int i = 0; i < r->m->nservices; i++)
        r->service_refs[i] = make_service_view(L, r, i);
    return 0;
}

/* ---- a table for the person view ------------------------------------------------------- */

/* What the sandbox may take for granted about the views a rule of `point` is called with
 * (call()): the person first, ctx last, after the door or the service but for door and duties;
 * person.history lists at most SS_PATH_MAX services (the simulation keeps no more), and ctx's
 * lookups are C functions (ctx_queue ...).  Nothing for a point not known here. */
void rv_rule_args(const char *point, ss_sandbox_args *args)
{
    static const ss_sandbox_field person_known[] = {{"history", SS_PATH_MAX}, {NULL, 0}};
    static const ss_sandbox_field ctx_known[] = {
        {"queue", SS_SANDBOX_LOOKUP}, {"caseload", SS_SANDBOX_LOOKUP}, {"capacity", SS_SANDBOX_LOOKUP}, {NULL, 0}};
    static const char *const two[] = {"door", "duties"}, *const three[] = {"route", "next", "accept", "priority", "at_age"};
    memset(args, 0, sizeof *args);
    for (int i = 0; i < 2; i++)
        if (strcmp(point, two[i]) == 0) args->of[0] = person_known, args->of[1] = ctx_known;
    for (int i = 0; i < 5; i++)
        if (strcmp(point, three[i]) == 0) args->of[0] = person_known, args->of[2] = ctx_known;
}

int rv_person_names(const char *names[16], uint64_t *scalars)
{
    int n = 0;
    *scalars = 0;
    for (; person_fields[n].name && n < 16; n++) {
        names[n] = person_fields[n].name;
        if (person_fields[n].type != LUA_TTABLE) *scalars |= (uint64_t)1 << n;
    }
    return n;
}

void rv_table_for(ss_rules *r, int slot, uint64_t keys)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    r->table_keys[slot] = keys;
    for (int i = 0; i < 16 && r->table_refs[slot] == LUA_NOREF; i++)
        r->table_set[16 * slot + i].kind = -1;
    if (keys && r->table_refs[slot] == LUA_NOREF) {
        lua_createtable(L, 0, 16);                          /* t */
        lua_rawgeti(L, LUA_REGISTRYINDEX, r->person_ref);   /* t view */
        lua_getmetatable(L, -1);                            /* t view mt */
        lua_setmetatable(L, -3);                            /* t view */
        lua_pop(L, 1);                                      /* t */
        r->table_refs[slot] = luaL_ref(L, LUA_REGISTRYINDEX);  /* */
    }
}

/* Pushes rule slot's table for the person view with the fields it reads set to this call's
 * values (a nil removes one; __index then gives nil, as the view does). */
static void push_person_table(ss_rules *r, int slot)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->table_refs[slot]);  /* t */
    ss_memo_val *set = &r->table_set[16 * slot];
    for (uint64_t keys = r->table_keys[slot]; keys; keys &= keys - 1) {
        int i = __builtin_ctzll(keys);
        ss_rule_value v = person_fields[i].value(r, -1);
        ss_memo_val now = value_key(v);  /* nothing but these sets changes the table */
        if (now.kind == set[i].kind && now.bits == set[i].bits)
            continue;
        set[i] = now;
        lua_rawgeti(L, LUA_REGISTRYINDEX, r->person_key_refs[i]);  /* t name */
        push_value(L, r, v);                                /* t name value */
        lua_rawset(L, -3);                                  /* t */
    }
}

void rv_push_person(ss_rules *r, int slot, bool kept)
{
    if (r->table_keys[slot] && !kept)
        push_person_table(r, slot);
    else
        lua_rawgeti(ss_sandbox_lua(r->sb), LUA_REGISTRYINDEX, r->person_ref);
}

bool rv_is_person_table(ss_rules *r, int slot)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    if (lua_type(L, -1) != LUA_TTABLE || r->table_refs[slot] == LUA_NOREF)
        return false;
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->table_refs[slot]);
    bool same = lua_rawequal(L, -1, -2);
    lua_pop(L, 1);
    return same;
}
