/* model_hooks: the parts of the scenario format that a field type cannot describe.
 *
 * A service's capacity comes in three forms, its episode length may differ by need, its queue
 * may be ordered by data or by a rule, and its age boundaries map to targets; a demand stream is
 * given by a cohort or by a rate, and reaches a door or a service.  Each is a hook named in
 * model_schema.c's tables, read from the table on top of the stack. */
#include "model_read.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Run fn on the value at key (pushed, key path entered); pops it. */
static int at_key(ss_reader *r, const char *key, int (*fn)(ss_reader *, ss_service *), ss_service *s)
{
    char saved[512];
    ss_reader_get(r->L, key);
    ss_reader_enter(r, key, saved, sizeof saved);
    int rc = fn(r, s);
    ss_reader_leave(r, saved);
    lua_pop(r->L, 1);
    return rc;
}

static bool has(lua_State *L, const char *key)
{
    bool yes = ss_reader_get(L, key) != LUA_TNIL;
    lua_pop(L, 1);
    return yes;
}

/* ---- capacity -------------------------------------------------------------------------- */

static const ss_field case_hours = {.key = "case_hours", .type = SS_F_DIST, .flags = SS_REQ,
                                    .off = offsetof(ss_service, case_hours)};

/* capacity.kind: what the capacity counts.  Each form allows the kinds that make sense for it
 * (places are counted, never derived from staff) and defaults to the staff's kind. */
static int capacity_kind(ss_reader *r, ss_service *s, bool from_slots)
{
    const char *kind;
    if (ss_reader_string(r, "kind", false, NULL, &kind) < 0) return -1;
    s->cap_of = s->cap_kind == SS_CAP_HOURS ? SS_CAPOF_STAFFED_HOURS : SS_CAPOF_CASE_SLOTS;
    if (!kind) return 0;
    int k = 0;
    while (k < SS_CAPOF_KINDS && strcmp(kind, ss_capacity_of_names[k]) != 0) k++;
    if (k == SS_CAPOF_KINDS)
        return ss_reader_fail(r, "kind", "expected \"case_slots\", \"staffed_hours\" or \"places\", got \"%s\"", kind);
    bool fits = s->cap_kind == SS_CAP_HOURS ? k == SS_CAPOF_STAFFED_HOURS
                                            : k == SS_CAPOF_CASE_SLOTS || (k == SS_CAPOF_PLACES && from_slots);
    if (!fits)
        return ss_reader_fail(r, "kind", "\"%s\" does not fit %s (staffed_hours goes with hours_per_fte_week, "
                              "case_slots with slots or slots_per_fte, places with slots)", kind,
                              s->cap_kind == SS_CAP_HOURS ? "hours_per_fte_week" : from_slots ? "slots" : "slots_per_fte");
    s->cap_of = (ss_capacity_of)k;
    return 0;
}

/* { slots = N } | { slots_per_fte = N } | { hours_per_fte_week = H, case_hours = dist }, each
 * with an optional kind */
static int capacity_table(ss_reader *r, ss_service *s)
{
    static const char *const keys[] = {"slots", "slots_per_fte", "hours_per_fte_week", "case_hours", "kind", NULL};
    double slots, per_fte, hours;
    int rc = ss_reader_only_keys(r, keys);
    if (rc == 0) rc = ss_reader_number(r, "slots", 0, INFINITY, false, NAN, &slots);
    if (rc == 0) rc = ss_reader_number(r, "slots_per_fte", 0, INFINITY, false, NAN, &per_fte);
    if (rc == 0) rc = ss_reader_number(r, "hours_per_fte_week", 0, 168, false, NAN, &hours);
    if (rc == 0 && !isnan(slots) + !isnan(per_fte) + !isnan(hours) != 1)
        return ss_reader_fail(r, NULL, "expected exactly one of slots, slots_per_fte or hours_per_fte_week");
    if (rc < 0)
        return rc;
    s->cap_kind = isnan(hours) ? SS_CAP_SLOTS : SS_CAP_HOURS;
    if (capacity_kind(r, s, !isnan(slots)) < 0)
        return -1;
    if (!isnan(slots))
        s->capacity = floor(slots);
    else if (!isnan(per_fte))
        s->capacity = floor(per_fte * s->fte * s->staff_share * s->case_share + 0.5);
    else
        s->capacity = hours * s->fte * s->staff_share * s->case_share;
    if (s->cap_kind == SS_CAP_HOURS) {
        if (!has(r->L, "case_hours"))
            return ss_reader_fail(r, "case_hours", "missing (hours a week a case needs, a distribution)");
        return ss_schema_field(r, &case_hours, s);
    }
    if (has(r->L, "case_hours"))
        return ss_reader_fail(r, "case_hours", "only applies with hours_per_fte_week");
    return 0;
}

static int capacity(ss_reader *r, ss_service *s)
{
    lua_State *L = r->L;
    if (lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "unlimited") == 0) {
        s->cap_kind = SS_CAP_UNLIMITED;
        s->capacity = INFINITY;
        return 0;
    }
    if (lua_istable(L, -1))
        return capacity_table(r, s);
    char got[128];
    ss_reader_describe(L, -1, got, sizeof got);
    return ss_reader_fail(r, NULL, "expected \"unlimited\" or a table with slots, slots_per_fte or hours_per_fte_week, got %s", got);
}

int ss_service_capacity(ss_reader *r, const ss_field *f, void *base, int item)
{
    return at_key(r, "capacity", capacity, base);
}

/* ---- episode --------------------------------------------------------------------------- */

/* The episode of need i: by_need[need] (by_need on top), else default (the episode table below). */
static int episode_of_need(ss_reader *r, ss_service *s, int i)
{
    const ss_model *m = r->user;
    ss_field f = {.key = m->needs[i], .type = SS_F_DIST, .flags = SS_REQ};
    char saved[512];
    if (has(r->L, m->needs[i])) {
        ss_reader_enter(r, "by_need", saved, sizeof saved);
        int rc = ss_schema_field(r, &f, &s->episode[i]);
        ss_reader_leave(r, saved);
        return rc;
    }
    lua_pushvalue(r->L, -2);                           /* episode by_need episode */
    f.key = "default";
    int rc = has(r->L, "default") ? ss_schema_field(r, &f, &s->episode[i])
                                  : ss_reader_fail(r, "by_need", "has no entry for need '%s' and there is no default", m->needs[i]);
    lua_pop(r->L, 1);
    return rc;
}

/* episode = { by_need = { need = dist, ... }, default = dist } */
static int episode_by_need(ss_reader *r, ss_service *s)
{
    static const char *const keys[] = {"by_need", "default", NULL};
    const ss_model *m = r->user;
    if (ss_reader_only_keys(r, keys) < 0)
        return -1;
    if (ss_reader_get(r->L, "by_need") != LUA_TTABLE) {
        lua_pop(r->L, 1);
        return ss_reader_fail(r, "by_need", "expected a table keyed by need");
    }
    int rc = 0;
    for (int i = 0; rc == 0 && i < m->nneeds; i++)
        rc = episode_of_need(r, s, i);
    lua_pop(r->L, 1);
    return rc;
}

int ss_service_episode(ss_reader *r, const ss_field *f, void *base, int item)
{
    ss_service *s = base;
    const ss_model *m = r->user;
    static const ss_field one = {.key = "episode", .type = SS_F_DIST, .flags = SS_REQ};
    if (!(s->episode = calloc((size_t)m->nneeds, sizeof(ss_dist))))
        return ss_reader_fail(r, "episode", "out of memory");
    bool by_need = false;
    if (ss_reader_get(r->L, "episode") == LUA_TTABLE)
        by_need = has(r->L, "by_need");
    lua_pop(r->L, 1);
    if (by_need)
        return at_key(r, "episode", episode_by_need, s);
    if (ss_schema_field(r, &one, s->episode) < 0)
        return -1;
    for (int i = 1; i < m->nneeds; i++)
        if (ss_dist_copy(&s->episode[i], &s->episode[0]) < 0)
            return ss_reader_fail(r, "episode", "out of memory");
    return 0;
}

/* ---- queue ----------------------------------------------------------------------------- */

/* by_severity = { p1, p2, ... }: priorities for severity 1, 2, ...; the last repeats. */
static int queue_by_severity(ss_reader *r, ss_service *s)
{
    lua_State *L = r->L;
    s->priority.kind = SS_RULE_DATA;
    if (!(s->priority.by_severity = calloc(SS_MAX_SEVERITY + 1, sizeof(double))))
        return ss_reader_fail(r, NULL, "out of memory");
    int n = ss_reader_get(L, "by_severity") == LUA_TTABLE ? (int)lua_rawlen(L, -1) : -1, rc = 0;
    if (n < 1 || n > SS_MAX_SEVERITY)
        rc = ss_reader_fail(r, "by_severity", "expected a list of priorities for severity 1, 2, ... (lower is served first)");
    for (int i = 1; rc == 0 && i <= SS_MAX_SEVERITY; i++) {
        lua_rawgeti(L, -1, i <= n ? i : n);
        if (lua_type(L, -1) != LUA_TNUMBER) {
            char got[128], k[40];
            ss_reader_describe(L, -1, got, sizeof got);
            snprintf(k, sizeof k, "by_severity.%d", i);
            rc = ss_reader_fail(r, k, "expected a number, got %s", got);
        } else {
            s->priority.by_severity[i] = lua_tonumber(L, -1);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return rc;
}

static int queue_rule(ss_reader *r, ss_service *s)
{
    const char *ref;
    if (ss_reader_string(r, "rule", true, NULL, &ref) < 0)
        return -1;
    if (!ss_rule_is_ref(ref))
        return ss_reader_fail(r, "rule", "expected a rule file \"rules/x.lua\", got \"%s\"", ref);
    return ss_rule_add_lua(r, "rule", ref, "priority", &s->priority);
}

/* queue = "fifo" | { "priority", by_severity = {p1, p2, ...} } | { "priority", rule = "x.lua" } */
static int queue(ss_reader *r, ss_service *s)
{
    lua_State *L = r->L;
    s->priority.point = "priority";
    if (lua_isnil(L, -1) || (lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "fifo") == 0))
        return 0;
    if (!lua_istable(L, -1)) {
        char got[128];
        ss_reader_describe(L, -1, got, sizeof got);
        return ss_reader_fail(r, NULL, "expected \"fifo\" or { \"priority\", ... }, got %s", got);
    }
    lua_rawgeti(L, -1, 1);
    bool prio = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "priority") == 0;
    lua_pop(L, 1);
    bool by_severity = has(L, "by_severity"), rule = has(L, "rule");
    if (!prio || by_severity == rule)
        return ss_reader_fail(r, NULL, "expected \"fifo\", { \"priority\", by_severity = {...} } or { \"priority\", rule = \"rules/x.lua\" }");
    s->priority_queue = true;
    return rule ? queue_rule(r, s) : queue_by_severity(r, s);
}

int ss_service_queue(ss_reader *r, const ss_field *f, void *base, int item)
{
    return at_key(r, "queue", queue, base);
}

/* ---- at_age and accept ------------------------------------------------------------------ */

/* Every key of at_age (the table on top) must be one of the scenario's age boundaries. */
static int declared_boundaries(ss_reader *r)
{
    const ss_model *m = r->user;
    lua_State *L = r->L;
    lua_pushnil(L);                                    /* at_age nil */
    while (lua_next(L, -2)) {                          /* at_age k v */
        lua_pop(L, 1);                                 /* at_age k */
        bool found = false;
        for (int k = 0; lua_isinteger(L, -1) && k < m->nage_boundaries; k++)
            found = found || (double)lua_tointeger(L, -1) == m->age_boundaries[k];
        if (!found) {
            char got[128];
            ss_reader_describe(L, -1, got, sizeof got);
            lua_pop(L, 1);
            return ss_reader_fail(r, NULL, "key %s is not one of the scenario's age_boundaries", got);
        }
    }
    return 0;
}

/* at_age = { [18] = "dps", [23] = "discharge" }: at each boundary given, where the person goes. */
static int at_age(ss_reader *r, ss_service *s)
{
    const ss_model *m = r->user;
    lua_State *L = r->L;
    ss_targets t = {.m = m, .discharge = true, .cont = true};
    if (lua_isnil(L, -1))
        return 0;
    if (!lua_istable(L, -1)) {
        char got[128];
        ss_reader_describe(L, -1, got, sizeof got);
        return ss_reader_fail(r, NULL, "expected { [18] = \"service\" | \"discharge\" | \"continue\" } or a rule file, got %s", got);
    }
    s->at_age.kind = SS_RULE_DATA;
    for (int k = 0; k < m->nage_boundaries; k++) {
        int age = (int)m->age_boundaries[k];
        lua_rawgeti(L, -1, age);
        int ix = lua_type(L, -1) == LUA_TSTRING ? ss_target_index(&t, lua_tostring(L, -1)) : SS_T_NONE;
        if (!lua_isnil(L, -1) && ix == SS_T_NONE) {
            char list[1024], got[128], key[16];
            ss_target_list(&t, list, sizeof list);
            ss_reader_describe(L, -1, got, sizeof got);
            snprintf(key, sizeof key, "%d", age);
            lua_pop(L, 1);
            return ss_reader_fail(r, key, "expected one of: %s; got %s", list, got);
        }
        if (!lua_isnil(L, -1)) {
            s->at_age_boundary[s->n_at_age] = age;
            s->at_age_target[s->n_at_age++] = ix;
        }
        lua_pop(L, 1);
    }
    return declared_boundaries(r);
}

int ss_service_at_age(ss_reader *r, const ss_field *f, void *base, int item)
{
    ss_service *s = base;
    s->at_age.point = "at_age";
    if (ss_reader_get(r->L, "at_age") == LUA_TSTRING && ss_rule_is_ref(lua_tostring(r->L, -1))) {
        char ref[1024];
        snprintf(ref, sizeof ref, "%s", lua_tostring(r->L, -1));
        lua_pop(r->L, 1);
        return ss_rule_add_lua(r, "at_age", ref, "at_age", &s->at_age);
    }
    lua_pop(r->L, 1);
    return at_key(r, "at_age", at_age, s);
}

int ss_service_accept(ss_reader *r, const ss_field *f, void *base, int item)
{
    ss_service *s = base;
    const char *ref;
    s->accept.point = "accept";
    if (ss_reader_string(r, "accept", false, NULL, &ref) < 0)
        return -1;
    if (ref && !ss_rule_is_ref(ref))
        return ss_reader_fail(r, "accept", "expected a rule file \"rules/x.lua\" (eligibility itself goes in eligibility), got \"%s\"", ref);
    return ref ? ss_rule_add_lua(r, "accept", ref, "accept", &s->accept) : 0;
}

/* ---- demand ---------------------------------------------------------------------------- */

/* A cohort's stream: per_1000_per_year of the cohort, within its ages unless narrowed. */
static int cohort_rate(ss_reader *r, ss_demand *dm)
{
    static const ss_field per_1000 = {.key = "per_1000_per_year", .type = SS_F_NUMBER, .flags = SS_REQ,
                                      .max = 1000, .off = offsetof(ss_demand, per_1000)};
    const ss_cohort *c = &((const ss_model *)r->user)->cohorts[dm->cohort];
    ss_field ages = {.key = "ages", .type = SS_F_AGES, .def = c->age_min, .max = c->age_max,
                     .off = offsetof(ss_demand, age_min), .off2 = offsetof(ss_demand, age_max)};
    double x;
    if (ss_schema_field(r, &per_1000, dm) < 0 ||
        ss_reader_number(r, "rate_per_day", 0, INFINITY, false, NAN, &x) < 0)
        return -1;
    if (!isnan(x))
        return ss_reader_fail(r, "rate_per_day", "a cohort's demand is given by per_1000_per_year, not a rate");
    return ss_schema_field(r, &ages, dm);
}

/* A plain stream: rate_per_day or rate_per_year, at age 30 unless given. */
static int plain_rate(ss_reader *r, ss_demand *dm)
{
    static const ss_field ages = {.key = "ages", .type = SS_F_AGES, .def = 30, .max = 30.0001,
                                  .off = offsetof(ss_demand, age_min), .off2 = offsetof(ss_demand, age_max)};
    double per_day, per_year;
    if (ss_reader_number(r, "rate_per_day", 0, INFINITY, false, NAN, &per_day) < 0 ||
        ss_reader_number(r, "rate_per_year", 0, INFINITY, false, NAN, &per_year) < 0)
        return -1;
    if (isnan(per_day) == isnan(per_year))
        return ss_reader_fail(r, NULL, "expected a cohort with per_1000_per_year, or exactly one of rate_per_day and rate_per_year");
    dm->rate_per_day = isnan(per_day) ? per_year / 365.25 : per_day;
    dm->per_year = isnan(per_day);
    return ss_schema_field(r, &ages, dm);
}

/* Where the stream's concerns go: straight to a service, or to a door (the only one, or by rule). */
static int demand_route(ss_reader *r, ss_demand *dm)
{
    const ss_model *m = r->user;
    const char *service;
    if (ss_reader_string(r, "service", false, NULL, &service) < 0)
        return -1;
    if (service) {
        if ((dm->direct_service = ss_model_service_index(m, service)) < 0)
            return ss_reader_fail(r, "service", "unknown service '%s'", service);
        if (has(r->L, "door"))
            return ss_reader_fail(r, "door", "give either door or service, not both");
        return 0;
    }
    if (m->ndoors == 0)
        return ss_reader_fail(r, NULL, "names no service and the scenario has no doors");
    ss_targets t = {.m = m, .doors = true};
    return ss_rule_read(r, "door", "door", &t, m->ndoors == 1 ? 0 : SS_T_NONE, &dm->door);
}

int ss_demand_finish(ss_reader *r, void *base)
{
    ss_demand *dm = base;
    int n = dm->nseverity;
    if ((dm->cohort >= 0 ? cohort_rate(r, dm) : plain_rate(r, dm)) < 0)
        return -1;
    if (fabs(dm->severity_cum[n - 1] - 1) > 1e-6)
        return ss_reader_fail(r, "severity", "probabilities sum to %g, expected 1", dm->severity_cum[n - 1]);
    dm->severity_cum[n - 1] = 1;
    return demand_route(r, dm);
}

/* ---- a wait outside the model ----------------------------------------------------------- */

static const ss_field external_wait = {.key = "external_wait", .type = SS_F_DIST, .flags = SS_REQ,
                                       .off = offsetof(ss_service, external_wait)};

/* external_wait = dist: the days from the referral accepted to the start at a service whose
 * capacity the model does not hold (specialist care has its own waiting lists), so the wait is
 * given rather than produced; only with capacity "unlimited", and not with deterioration (the
 * person's one pending move is the start). */
int ss_service_external_wait(ss_reader *r, const ss_field *f, void *base, int item)
{
    ss_service *s = base;
    if (!has(r->L, "external_wait"))
        return 0;
    if (s->cap_kind != SS_CAP_UNLIMITED)
        return ss_reader_fail(r, "external_wait", "applies only with capacity \"unlimited\" (a modelled capacity makes its own queue)");
    if (isfinite(s->deteriorate_mean))
        return ss_reader_fail(r, "external_wait", "cannot be combined with deterioration (the wait is given, not a queue one can worsen in)");
    s->external_wait_on = true;
    return ss_schema_field(r, &external_wait, s);
}
