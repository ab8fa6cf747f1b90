/* model_schema: the scenario format, as data.
 *
 * Each table below is one level of a scenario file: its keys (in the order the "unknown key"
 * message lists them), their types, ranges and defaults, and where each value goes in ss_model.
 * schema.c reads any of them; what a type cannot say is a hook, kept next to the table that
 * names it.  The README's scenario reference describes the same format for people. */
#include "model_read.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Field initialisers without their braces, so that a table entry can add, e.g., a scale. */
#define F_NUM(fl, k, lo, hi, d, T, m) \
    .key = k, .type = SS_F_NUMBER, .flags = fl, .min = lo, .max = hi, .def = d, .off = offsetof(T, m)
#define F_INT(k, lo, hi, d, T, m) \
    .key = k, .type = SS_F_INT, .min = lo, .max = hi, .def = d, .off = offsetof(T, m), \
    .width = (int)sizeof(((T *)0)->m)
#define NUM(k, lo, hi, d, T, m) {F_NUM(0, k, lo, hi, d, T, m)}
#define NUM_REQ(k, lo, hi, d, T, m) {F_NUM(SS_REQ, k, lo, hi, d, T, m)}
#define INT(k, lo, hi, d, T, m) {F_INT(k, lo, hi, d, T, m)}
#define STR(k, fl, T, m) {.key = k, .type = SS_F_STRING, .flags = fl, .off = offsetof(T, m)}
/* a text with its Norwegian one beside it in member m##_nb (reason.h) */
#define REASON(k, fl, T, m) {.key = k, .type = SS_F_REASON, .flags = fl, .off = offsetof(T, m), .off2 = offsetof(T, m##_nb)}
#define BOOL(k, d, T, m) {.key = k, .type = SS_F_BOOL, .def = d, .off = offsetof(T, m)}
#define REF(k, fn, msg, T, m) \
    {.key = k, .type = SS_F_REF, .def = -1, .find = fn, .what = msg, .off = offsetof(T, m)}
#define DIST(k, fl, T, m) {.key = k, .type = SS_F_DIST, .flags = fl, .off = offsetof(T, m)}
#define HOOK(k, fn) {.key = k, .type = SS_F_HOOK, .hook = fn}
#define ITEMS(k, lo, hi, msg, fn) \
    {.key = k, .type = SS_F_LIST, .min = lo, .max = hi, .what = msg, .hook = fn}
#define ACCEPT(k) {.key = k, .type = SS_F_ACCEPT}
#define SUB(k, s, o) {.key = k, .type = SS_F_TABLE, .sub = &s, .off = o}
#define END {.key = NULL}

static ss_model *model_of(ss_reader *r) { return r->user; }

/* ---- finding ids ----------------------------------------------------------------------- */

static int find_named(const ss_named *v, int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (strcmp(v[i].id, id) == 0) return i;
    return -1;
}

static int find_unit(const void *m, const char *id)
{
    return find_named(((const ss_model *)m)->units, ((const ss_model *)m)->nunits, id);
}
static int find_sector(const void *m, const char *id)
{
    return find_named(((const ss_model *)m)->sectors, ((const ss_model *)m)->nsectors, id);
}
static int find_building(const void *m, const char *id)
{
    return find_named(((const ss_model *)m)->buildings, ((const ss_model *)m)->nbuildings, id);
}
static int find_service(const void *m, const char *id) { return ss_model_service_index(m, id); }
static int find_cohort(const void *mv, const char *id)
{
    const ss_model *m = mv;
    for (int i = 0; i < m->ncohorts; i++)
        if (strcmp(m->cohorts[i].id, id) == 0) return i;
    return -1;
}

#define UNIT_REF(T, m) REF("unit", find_unit, "unknown unit '%s' (declare it in organisation.units)", T, m)

/* ---- calendar -------------------------------------------------------------------------- */

static int calendar_start(ss_reader *r, const ss_field *f, void *base, int item)
{
    ss_model *m = base;
    const char *start;
    ss_date d0;
    if (ss_reader_string(r, "start", true, NULL, &start) < 0)
        return -1;
    if (ss_date_parse(start, &d0) < 0)
        return ss_reader_fail(r, "start", "expected a date \"YYYY-MM-DD\", got \"%s\"", start);
    ss_calendar_init(&m->cal, d0);
    r->day0 = m->cal.start;
    return 0;
}

static int season_item(ss_reader *r, const ss_field *f, void *base, int i)
{
    ss_calendar *c = &((ss_model *)base)->cal;
    double x = lua_tonumber(r->L, -1);
    if (lua_type(r->L, -1) != LUA_TNUMBER || x < 0 || !isfinite(x)) {
        char got[128];
        ss_reader_describe(r->L, -1, got, sizeof got);
        return ss_reader_fail_at(r, i, "expected a number >= 0, got %s", got);
    }
    if (i == 0) c->season_max = 0;
    c->season[i] = x;
    c->season_max = fmax(c->season_max, x);
    return 0;
}

static int summer_finish(ss_reader *r, void *base)
{
    const ss_calendar *c = &((ss_model *)base)->cal;
    if (c->summer_to_md < c->summer_from_md)
        return ss_reader_fail(r, "to", "expected a day after 'from' in the same year");
    return 0;
}

static int calendar_finish(ss_reader *r, void *base)
{
    ss_model *m = base;
    if (m->warmup >= m->horizon)
        return ss_reader_fail(r, "warmup_days", "expected less than horizon_days (%g), got %g", m->horizon, m->warmup);
    if (ss_reader_get(r->L, "holidays") == LUA_TNIL)  /* the default follows the working days */
        m->cal.norwegian_holidays = m->cal.working_mon_fri;
    lua_pop(r->L, 1);
    if (m->cal.season_max <= 0)
        return ss_reader_fail(r, "seasonality", "expected at least one month above 0");
    return 0;
}

/* Staff take summer leave; places (dwellings, beds) stay open unless the scenario says so. */
static void summer_init(ss_reader *r, void *base)
{
    ((ss_model *)base)->summer_applies = 1u << SS_CAPOF_CASE_SLOTS | 1u << SS_CAPOF_STAFFED_HOURS;
}

/* Item i of a list that names bits of *mask (the value on the stack's top): bit ix set, the first
 * item replacing the default; ix < 0 is the error `wrong`, given what was found. */
static int mask_item(ss_reader *r, int i, int ix, unsigned *mask, const char *wrong)
{
    if (ix < 0) {
        char got[128];
        ss_reader_describe(r->L, -1, got, sizeof got);
        return ss_reader_fail_at(r, i, wrong, got);
    }
    if (i == 0) *mask = 0;
    *mask |= 1u << ix;
    return 0;
}

/* summer.applies_to = { "staffed_hours", "case_slots", "places" }: the capacities it cuts. */
static int summer_applies_item(ss_reader *r, const ss_field *f, void *base, int i)
{
    ss_model *m = base;
    const char *kind = lua_type(r->L, -1) == LUA_TSTRING ? lua_tostring(r->L, -1) : NULL;
    int k = 0;
    while (kind && k < SS_CAPOF_KINDS && strcmp(kind, ss_capacity_of_names[k]) != 0) k++;
    return mask_item(r, i, kind && k < SS_CAPOF_KINDS ? k : -1, &m->summer_applies,
                     "expected \"case_slots\", \"staffed_hours\" or \"places\", got %s");
}

static const char *const working_days[] = {"mon-fri", "all", NULL};
static const char *const holidays[] = {"norway", "none", NULL};

static const ss_field summer_fields[] = {
    {.key = "from", .type = SS_F_MONTHDAY, .flags = SS_REQ, .off = offsetof(ss_model, cal.summer_from_md)},
    {.key = "to", .type = SS_F_MONTHDAY, .flags = SS_REQ, .off = offsetof(ss_model, cal.summer_to_md)},
    NUM_REQ("capacity", 0, 1, 1, ss_model, cal.summer_capacity),
    ITEMS("applies_to", 1, SS_CAPOF_KINDS, "expected a list of 1 to 3 capacity kinds (\"case_slots\", \"staffed_hours\", \"places\")",
          summer_applies_item),
    END};
static const ss_schema summer_schema = {.fields = summer_fields, .init = summer_init, .finish = summer_finish};

static const ss_field calendar_fields[] = {
    HOOK("start", calendar_start),
    NUM_REQ("horizon_days", 1, 365.25 * 5000, 0, ss_model, horizon),
    NUM("warmup_days", 0, INFINITY, 0, ss_model, warmup),
    {.key = "working_days", .type = SS_F_ENUM, .flags = SS_AS_BOOL, .names = working_days,
     .what = "\"mon-fri\" or \"all\"", .off = offsetof(ss_model, cal.working_mon_fri)},
    {.key = "holidays", .type = SS_F_ENUM, .flags = SS_AS_BOOL, .def = -1, .names = holidays,
     .what = "\"norway\" or \"none\"", .off = offsetof(ss_model, cal.norwegian_holidays)},
    {.key = "summer", .type = SS_F_TABLE, .flags = SS_PRESENT, .sub = &summer_schema,
     .off2 = offsetof(ss_model, cal.has_summer)},
    ITEMS("seasonality", 12, 12, "expected 12 monthly multipliers (January first)", season_item),
    NUM("sample_days", 0.01, INFINITY, 7, ss_model, sample_days),
    END};
static const ss_schema calendar_schema = {.fields = calendar_fields, .finish = calendar_finish};

/* ---- needs and age boundaries ---------------------------------------------------------- */

static int need_item(ss_reader *r, const ss_field *f, void *base, int i)
{
    ss_model *m = base;
    const char *id = lua_type(r->L, -1) == LUA_TSTRING ? lua_tostring(r->L, -1) : NULL;
    if (!id || !ss_reader_is_id(id)) {
        char got[128];
        ss_reader_describe(r->L, -1, got, sizeof got);
        return ss_reader_fail_at(r, i, "expected an id (letters, digits, _ or -), got %s", got);
    }
    if (ss_model_need_index(m, id) >= 0)
        return ss_reader_fail_at(r, i, "need '%s' is listed twice", id);
    m->needs[m->nneeds++] = strdup(id);
    return 0;
}

static int boundary_item(ss_reader *r, const ss_field *f, void *base, int i)
{
    ss_model *m = base;
    lua_Integer age = lua_tointeger(r->L, -1);
    if (!lua_isinteger(r->L, -1) || age < 1 || age > 120 || (i > 0 && age <= m->age_boundaries[i - 1])) {
        char got[128];
        ss_reader_describe(r->L, -1, got, sizeof got);
        return ss_reader_fail_at(r, i, "expected whole ages in increasing order, got %s", got);
    }
    m->age_boundaries[m->nage_boundaries++] = (double)age;
    return 0;
}

/* ---- organisation ---------------------------------------------------------------------- */

static void named_init(ss_reader *r, void *base)
{
    ss_named *x = base;
    x->parent = -1;
    x->building = -1;
}

static const ss_field named_fields[] = {
    STR("name", SS_DEF_ID, ss_named, name),
    ACCEPT("order"),
    BOOL("external", 0, ss_named, external),
    END};
static const ss_schema named_schema = {
    .fields = named_fields, .elem = sizeof(ss_named), .max = 1000, .init = named_init,
    .entry = "a name or a table { name = ... }", .shorthand = true, .name_off = offsetof(ss_named, name)};

static const ss_field unit_fields[] = {
    STR("name", SS_DEF_ID, ss_named, name),
    REF("sector", find_sector, "unknown sector '%s' (declare it in organisation.sectors)", ss_named, parent),
    REF("building", find_building, "unknown building '%s' (declare it in organisation.buildings)", ss_named, building),
    STR("leader", 0, ss_named, leader),
    ACCEPT("order"),
    END};
static const ss_schema unit_schema = {
    .fields = unit_fields, .elem = sizeof(ss_named), .max = 1000, .init = named_init,
    .entry = "a table { name = ..., sector = ..., building = ... }"};

#define NAMED(k, s, idtext, list, count) \
    {.key = k, .type = SS_F_KEYED, .sub = &s, .what = idtext, .off = offsetof(ss_model, list), \
     .off2 = offsetof(ss_model, count)}

static const ss_field organisation_fields[] = {
    NAMED("sectors", named_schema, "sector id", sectors, nsectors),
    NAMED("buildings", named_schema, "building id", buildings, nbuildings),
    NAMED("units", unit_schema, "unit id", units, nunits),
    BOOL("shared_log", 0, ss_model, shared_log),
    END};
static const ss_schema organisation_schema = {.fields = organisation_fields};

/* ---- meetings -------------------------------------------------------------------------- */

static const char *const weekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL};

static void meeting_init(ss_reader *r, void *base) { ((ss_meeting *)base)->weekday = -1; }

/* The first meeting: the date given (moved on by whole periods to fall after the start), else
 * the first such weekday on or after the start, else the start. */
static int meeting_finish(ss_reader *r, void *base)
{
    ss_meeting *mt = base;
    if (isnan(mt->first)) {
        int start_wd = ss_weekday((ss_epoch_day)r->day0);
        mt->first = mt->weekday < 0 ? 0 : (double)((mt->weekday - start_wd + 7) % 7);
    }
    while (mt->first < 0) mt->first += mt->every;
    return 0;
}

#define MEETING_EVERY {F_NUM(SS_REQ, "every_weeks", 0.1, 520, 0, ss_meeting, every), .scale = 7}
#define MEETING_WEEKDAY {.key = "weekday", .type = SS_F_ENUM, .def = -1, .names = weekdays, \
    .what = "mon, tue, wed, thu, fri, sat or sun", .off = offsetof(ss_meeting, weekday)}
#define MEETING_FIRST {.key = "first", .type = SS_F_DATE, .def = NAN, .off = offsetof(ss_meeting, first)}

static const ss_field door_meeting_fields[] = {
    MEETING_EVERY, MEETING_WEEKDAY,
    NUM("held", 0, 1, 1, ss_meeting, held),
    NUM("postpone", 0, 1, 0, ss_meeting, postpone),
    MEETING_FIRST, END};
static const ss_field service_meeting_fields[] = {
    MEETING_EVERY, MEETING_WEEKDAY,
    NUM("held", 0, 1, 1, ss_meeting, held),
    MEETING_FIRST, END};
static const ss_schema door_meeting = {.fields = door_meeting_fields, .init = meeting_init, .finish = meeting_finish};
static const ss_schema service_meeting = {.fields = service_meeting_fields, .init = meeting_init, .finish = meeting_finish};

#define MEETING(T, s) {.key = "meeting", .type = SS_F_TABLE, .flags = SS_PRESENT, .sub = &s, \
    .off = offsetof(T, meeting), .off2 = offsetof(T, meeting.on)}

/* ---- services -------------------------------------------------------------------------- */

static int service_next(ss_reader *r, const ss_field *f, void *base, int item)
{
    ss_targets t = {.m = model_of(r), .discharge = true};
    return ss_rule_read(r, "next", "next", &t, SS_T_DISCHARGE, &((ss_service *)base)->next);
}

static void eligibility_init(ss_reader *r, void *base)
{
    ss_service *s = base;
    int nneeds = model_of(r)->nneeds;
    s->age_min = 0;
    s->age_max = 150;
    s->max_severity = SS_MAX_SEVERITY;
    s->need_mask = nneeds >= 32 ? 0xffffffffu : ((1u << nneeds) - 1);
}

static int eligible_need(ss_reader *r, const ss_field *f, void *base, int i)
{
    ss_service *s = base;
    int ix = lua_type(r->L, -1) == LUA_TSTRING ? ss_model_need_index(model_of(r), lua_tostring(r->L, -1)) : -1;
    return mask_item(r, i, ix, &s->need_mask, "unknown need %s (declare it in needs)");
}

static const ss_field eligibility_fields[] = {
    {.key = "ages", .type = SS_F_AGES, .def = 0, .max = 150, .off = offsetof(ss_service, age_min),
     .off2 = offsetof(ss_service, age_max)},
    ITEMS("needs", 0, INT_MAX, NULL, eligible_need),
    INT("max_severity", 1, SS_MAX_SEVERITY, SS_MAX_SEVERITY, ss_service, max_severity),
    END};
static const ss_schema eligibility_schema = {.fields = eligibility_fields, .init = eligibility_init};

static void deterioration_init(ss_reader *r, void *base)
{
    ((ss_service *)base)->deteriorate_mean = INFINITY;
    ((ss_service *)base)->escalate_to = -1;
}

static const ss_field deterioration_fields[] = {
    NUM_REQ("mean_days", 0.01, INFINITY, INFINITY, ss_service, deteriorate_mean),
    REF("escalate_to", find_service, "unknown service '%s'", ss_service, escalate_to),
    END};
static const ss_schema deterioration_schema = {.fields = deterioration_fields, .init = deterioration_init};

static const ss_field relapse_fields[] = {
    NUM_REQ("share", 0, 1, 0, ss_service, relapse_share),
    DIST("after", SS_REQ, ss_service, relapse_after),
    END};
static const ss_schema relapse_schema = {.fields = relapse_fields};

static const ss_field service_fields[] = {
    STR("name", SS_DEF_ID, ss_service, name),
    UNIT_REF(ss_service, unit),
    NUM("fte", 0, INFINITY, 0, ss_service, fte),
    NUM("case_share", 0, 1, 1, ss_service, case_share),
    NUM("staff_share", 0.001, 1, 1, ss_service, staff_share),  /* before capacity, which uses it */
    HOOK("capacity", ss_service_capacity),
    SUB("eligibility", eligibility_schema, 0),
    DIST("intake", 0, ss_service, intake),
    HOOK("episode", ss_service_episode),
    HOOK("queue", ss_service_queue),
    NUM("target_wait_days", 0, INFINITY, INFINITY, ss_service, target_wait),
    HOOK("accept", ss_service_accept),
    HOOK("next", service_next),
    HOOK("at_age", ss_service_at_age),
    ACCEPT("order"),
    MEETING(ss_service, service_meeting),
    NUM("decision_limit_days", 0, INFINITY, INFINITY, ss_service, decision_limit),
    SUB("deterioration", deterioration_schema, 0),
    SUB("relapse", relapse_schema, 0),
    HOOK("external_wait", ss_service_external_wait),  /* after capacity and deterioration: it checks both */
    END};
static const ss_schema service_schema = {
    .fields = service_fields, .elem = sizeof(ss_service), .min = 1, .max = SS_MAX_SERVICES,
    .none = "expected at least one service", .plain_ids = true,
    .entry = "a table describing the service"};

/* ---- doors and population -------------------------------------------------------------- */

static int door_route(ss_reader *r, const ss_field *f, void *base, int item)
{
    ss_targets t = {.m = model_of(r)};
    return ss_rule_read(r, "route", "route", &t, SS_T_NONE, &((ss_door *)base)->route);
}

static const ss_field door_fields[] = {
    STR("name", SS_DEF_ID, ss_door, name),
    HOOK("route", door_route),
    ACCEPT("order"),
    UNIT_REF(ss_door, unit),
    MEETING(ss_door, door_meeting),
    END};
static const ss_schema door_schema = {
    .fields = door_fields, .elem = sizeof(ss_door), .max = 64,
    .entry = "a table { name = ..., route = ... }"};

static const ss_field cohort_fields[] = {
    {.key = "ages", .type = SS_F_AGES, .flags = SS_REQ, .off = offsetof(ss_cohort, age_min),
     .off2 = offsetof(ss_cohort, age_max)},
    NUM_REQ("count", 0, INFINITY, 0, ss_cohort, count),
    NUM("growth", -0.5, 0.5, 0, ss_cohort, growth),
    ACCEPT("order"),
    END};
static const ss_schema cohort_schema = {
    .fields = cohort_fields, .elem = sizeof(ss_cohort), .max = 200,
    .entry = "a table { ages = {min, max}, count = N, growth = g }"};

/* ---- demand ---------------------------------------------------------------------------- */

static int demand_need(ss_reader *r, const ss_field *f, void *base, int item)
{
    ss_model *m = model_of(r);
    ss_demand *dm = base;
    const char *need;
    if (ss_reader_string(r, "need", m->nneeds > 1, m->needs[0], &need) < 0)
        return -1;
    if ((dm->need = ss_model_need_index(m, need)) < 0)
        return ss_reader_fail(r, "need", "unknown need '%s' (declare it in needs)", need);
    return 0;
}

static int severity_item(ss_reader *r, const ss_field *f, void *base, int i)
{
    ss_demand *dm = base;
    double p = lua_tonumber(r->L, -1);
    if (lua_type(r->L, -1) != LUA_TNUMBER || p < 0 || p > 1) {
        char got[128];
        ss_reader_describe(r->L, -1, got, sizeof got);
        return ss_reader_fail_at(r, i, "expected a probability from 0 to 1, got %s", got);
    }
    dm->severity_cum[i] = (i ? dm->severity_cum[i - 1] : 0) + p;
    dm->nseverity = i + 1;
    return 0;
}

static void demand_init(ss_reader *r, void *base)
{
    ss_demand *dm = base;
    dm->nseverity = 1;
    dm->severity_cum[0] = 1;
    dm->cohort = -1;
    dm->direct_service = -1;
    dm->door.point = "door";
}

static const ss_field demand_fields[] = {
    HOOK("need", demand_need),
    REF("cohort", find_cohort, "unknown cohort '%s' (declare it in population)", ss_demand, cohort),
    ACCEPT("per_1000_per_year"), ACCEPT("rate_per_year"), ACCEPT("rate_per_day"), ACCEPT("ages"),
    ITEMS("severity", 1, SS_MAX_SEVERITY, "expected a list of 1 to 9 probabilities for severity 1, 2, ...", severity_item),
    NUM("complex_share", 0, 1, 0, ss_demand, complex_share),
    BOOL("seasonal", 1, ss_demand, seasonal),
    ACCEPT("door"), ACCEPT("service"),
    STR("name", 0, ss_demand, name),
    END};
static const ss_schema demand_schema = {
    .fields = demand_fields, .elem = sizeof(ss_demand), .init = demand_init,
    .finish = ss_demand_finish, .entry = "a table describing a demand stream"};

/* ---- surges ---------------------------------------------------------------------------- */

/* streams = { "mh_child", ... }: every demand stream with that name gets the surge's bit. */
static int surge_stream(ss_reader *r, const ss_field *f, void *base, int i)
{
    ss_model *m = model_of(r);
    int bit = (int)((ss_surge *)base - m->surges), found = 0;
    const char *name = lua_type(r->L, -1) == LUA_TSTRING ? lua_tostring(r->L, -1) : NULL;
    for (int k = 0; name && k < m->ndemand; k++)
        if (m->demand[k].name && strcmp(m->demand[k].name, name) == 0) {
            m->demand[k].surges |= 1u << bit;
            found++;
        }
    if (!found) {
        char got[128];
        ss_reader_describe(r->L, -1, got, sizeof got);
        return ss_reader_fail_at(r, i, "expected the name of a demand stream (a demand entry's name = \"...\"), got %s", got);
    }
    return 0;
}

static int surge_finish(ss_reader *r, void *base)
{
    ss_surge *sg = base;
    if (sg->to < sg->from)
        return ss_reader_fail(r, "to", "expected a date on or after 'from'");
    if (ss_reader_get(r->L, "streams") == LUA_TNIL) {
        lua_pop(r->L, 1);
        return ss_reader_fail(r, "streams", "expected a list of the demand streams it multiplies, e.g. { \"mh_child\" }");
    }
    lua_pop(r->L, 1);
    return 0;
}

static const ss_field surge_fields[] = {
    {.key = "from", .type = SS_F_DATE, .flags = SS_REQ, .off = offsetof(ss_surge, from)},
    {.key = "to", .type = SS_F_DATE, .flags = SS_REQ, .off = offsetof(ss_surge, to)},
    NUM_REQ("multiplier", 0, 100, 1, ss_surge, multiplier),
    ITEMS("streams", 1, INT_MAX, "expected a list of the demand streams it multiplies, e.g. { \"mh_child\" }", surge_stream),
    END};
static const ss_schema surge_schema = {
    .fields = surge_fields, .elem = sizeof(ss_surge), .max = SS_MAX_SURGES, .finish = surge_finish,
    .entry = "a table { from = \"YYYY-MM-DD\", to = \"YYYY-MM-DD\", multiplier = x, streams = { ... } }"};

/* ---- limits, costs, hand-offs, coordination -------------------------------------------- */

static void limits_init(ss_reader *r, void *base)
{
    ((ss_model *)base)->rule_instructions = 1000000;
    ((ss_model *)base)->rule_memory = 64u << 20;
}

static const ss_field limits_fields[] = {
    INT("rule_instructions", 1000, 1e10, 1e6, ss_model, rule_instructions),
    {F_INT("rule_memory_mib", 1, 4096, 64, ss_model, rule_memory), .scale = 1024 * 1024},
    END};
static const ss_schema limits_schema = {.fields = limits_fields, .init = limits_init};

static void costs_init(ss_reader *r, void *base) { ((ss_model *)base)->nok_per_fte = NAN; }

static const ss_field costs_fields[] = {NUM_REQ("nok_per_fte", 0, INFINITY, NAN, ss_model, nok_per_fte), END};
static const ss_schema costs_schema = {.fields = costs_fields, .init = costs_init};

static const ss_field cost_fields[] = {
    DIST("delay", 0, ss_handoff_cost, delay),
    NUM("info_loss", 0, 1, 0, ss_handoff_cost, info_loss),
    NUM("rejection", 0, 1, 0, ss_handoff_cost, rejection),
    NUM("lost", 0, 1, 0, ss_handoff_cost, lost),
    END};
static const ss_schema cost_schema = {.fields = cost_fields};

/* Multipliers of a hand-off's delay, info_loss, rejection and lost (double[4]). */
static void factors_init(ss_reader *r, void *base)
{
    for (int i = 0; i < 4; i++) ((double *)base)[i] = 1;
}

#define FACTOR(k, i) {.key = k, .type = SS_F_NUMBER, .max = INFINITY, .def = 1, .off = (i) * sizeof(double)}
static const ss_field factor_fields[] = {
    FACTOR("delay", 0), FACTOR("info_loss", 1), FACTOR("rejection", 2), FACTOR("lost", 3), END};
static const ss_schema factors_schema = {.fields = factor_fields, .init = factors_init};

static void handoffs_init(ss_reader *r, void *base)
{
    factors_init(r, ((ss_model *)base)->co_location);
    factors_init(r, ((ss_model *)base)->shared_log_factor);
}

static const ss_field handoff_fields[] = {
    SUB("same_unit", cost_schema, offsetof(ss_model, handoff[SS_SAME_UNIT])),
    SUB("same_sector", cost_schema, offsetof(ss_model, handoff[SS_SAME_SECTOR])),
    SUB("across_sectors", cost_schema, offsetof(ss_model, handoff[SS_ACROSS_SECTORS])),
    SUB("outside", cost_schema, offsetof(ss_model, handoff[SS_OUTSIDE])),
    SUB("co_location", factors_schema, offsetof(ss_model, co_location)),
    SUB("shared_log", factors_schema, offsetof(ss_model, shared_log_factor)),
    DIST("reassessment", 0, ss_model, reassessment),
    INT("max_bounces", 0, 100, 0, ss_model, max_bounces),
    END};
static const ss_schema handoffs_schema = {.fields = handoff_fields, .init = handoffs_init};

/* coordination.sectors: coordinators come from these sectors' services. */
static int coordinator_sector(ss_reader *r, const ss_field *f, void *base, int i)
{
    ss_coordination *c = base;
    const ss_model *m = model_of(r);
    int sec = lua_type(r->L, -1) == LUA_TSTRING ? find_sector(m, lua_tostring(r->L, -1)) : -1;
    if (sec < 0) {
        char got[128];
        ss_reader_describe(r->L, -1, got, sizeof got);
        return ss_reader_fail_at(r, i, "unknown sector %s (declare it in organisation.sectors)", got);
    }
    if (i == 0) {
        c->from_sectors = 0;
        c->unit_coordinates = false;
    }
    if (c->unit >= 0 && m->units[c->unit].parent == sec) c->unit_coordinates = true;
    for (int sv = 0; sv < m->nservices; sv++) {
        int u = m->services[sv].unit;
        if (u >= 0 && m->units[u].parent == sec) c->from_sectors |= 1ull << sv;
    }
    return 0;
}

static void coordination_init(ss_reader *r, void *base)
{
    ss_coordination *c = base;
    c->unit = -1;
    c->from_sectors = ~0ull;  /* default: coordinators for everyone */
    c->unit_coordinates = true;
    c->child_from = INFINITY;
}

static int coordination_finish(ss_reader *r, void *base)
{
    ss_coordination *c = base;
    c->pool = (int)floor(c->coordinators * c->cases_each + 1e-9);
    return 0;
}

static const ss_field group_fields[] = {
    {F_NUM(SS_REQ, "every_weeks", 0.1, 520, 0, ss_coordination, rg_every), .scale = 7},
    NUM_REQ("hours", 0, 100, 0, ss_coordination, rg_hours),
    END};
static const ss_schema group_schema = {.fields = group_fields};

/* children = { from = "2022-08-01", min_severity = 3 }: the barnekoordinator (hol. § 7-2 a) */
static const ss_field children_fields[] = {
    {.key = "from", .type = SS_F_DATE, .def_str = "2022-08-01", .off = offsetof(ss_coordination, child_from)},
    INT("min_severity", 1, SS_MAX_SEVERITY, 1, ss_coordination, child_min_severity),
    END};
static const ss_schema children_schema = {.fields = children_fields};

/* coordination.rule: the Lua rule that says which duties of hol. chapter 7 a person is owed. */
static int coordination_rule(ss_reader *r, const ss_field *f, void *base, int item)
{
    const char *ref;
    if (ss_reader_string(r, "rule", false, NULL, &ref) < 0) return -1;
    if (!ref) return 0;
    if (!ss_rule_is_ref(ref))
        return ss_reader_fail(r, "rule", "expected a rule file, e.g. \"rules/common/coordination.lua\", got \"%s\"", ref);
    char copy[1024];
    snprintf(copy, sizeof copy, "%s", ref);
    return ss_rule_add_lua(r, "rule", copy, "duties", &((ss_coordination *)base)->duties);
}

static const ss_field coordination_fields[] = {
    UNIT_REF(ss_coordination, unit),
    NUM("notified", 0, 1, 1, ss_coordination, notified),
    DIST("offer_delay", 0, ss_coordination, offer_delay),
    NUM("plan_offer", 0, 1, 1, ss_coordination, plan_offer),
    NUM("consent", 0, 1, 1, ss_coordination, consent),
    NUM("coordinator_consent", 0, 1, 1, ss_coordination, coordinator_consent),
    HOOK("rule", coordination_rule),
    NUM_REQ("coordinators", 0, 1e6, 0, ss_coordination, coordinators),
    NUM("cases_per_coordinator", 0, 1000, 1, ss_coordination, cases_each),
    SUB("responsibility_group", group_schema, 0),
    ITEMS("sectors", 0, INT_MAX, NULL, coordinator_sector),
    SUB("children", children_schema, 0),
    END};
static const ss_schema coordination_schema = {
    .fields = coordination_fields, .init = coordination_init, .finish = coordination_finish};

/* ---- audit: the auditors' criteria ----------------------------------------------------- */

static void criterion_init(ss_reader *r, void *base)
{
    ss_criterion *c = base;
    c->service = -1;
    c->at_least = c->at_most = NAN;
    c->finding = SS_FINDING_NONE;
}

/* A criterion a simulation checks has a metric and exactly one threshold; one it cannot check
 * says why.  The metric's name is checked against the results by the study layer (audit.c),
 * which knows them. */
static int criterion_finish(ss_reader *r, void *base)
{
    ss_criterion *c = base;
    bool least = !isnan(c->at_least), most = !isnan(c->at_most);
    if (c->metric && c->not_simulated)
        return ss_reader_fail(r, "not_simulated", "a criterion with a metric is checked by the simulation; "
                                                  "leave out either metric or not_simulated");
    if (!c->metric && !c->not_simulated)
        return ss_reader_fail(r, NULL, "expected metric = \"...\" with at_least or at_most (a criterion the "
                                       "simulation checks), or not_simulated = \"why\" (one it cannot check)");
    if (c->metric && least == most)
        return ss_reader_fail(r, least ? "at_most" : NULL, least ? "give at_least or at_most, not both"
                                                                 : "expected a threshold: at_least = ... or at_most = ...");
    if (!c->metric && (least || most || c->service >= 0))
        return ss_reader_fail(r, least ? "at_least" : most ? "at_most" : "service",
                              "only a criterion with a metric has a threshold or a service");
    if (c->finding != SS_FINDING_NONE && !c->finding_source)
        return ss_reader_fail(r, "finding_source", "missing: where the source gives this finding (\"seed-000 L57\")");
    if (c->finding == SS_FINDING_NONE && c->finding_source)
        return ss_reader_fail(r, "finding", "missing: the finding finding_source cites (met, partly met or not met)");
    return 0;
}

static const char *const findings[] = {"met", "partly met", "not met", NULL};

static const ss_field criterion_fields[] = {
    REASON("text", SS_REQ, ss_criterion, text),
    STR("source", SS_REQ, ss_criterion, source),
    {.key = "law", .type = SS_F_REASON, .def_str = "", .off = offsetof(ss_criterion, law), .off2 = offsetof(ss_criterion, law_nb)},
    STR("metric", 0, ss_criterion, metric),
    REF("service", find_service, "unknown service '%s' (declare it in services)", ss_criterion, service),
    NUM("at_least", -INFINITY, INFINITY, NAN, ss_criterion, at_least),
    NUM("at_most", -INFINITY, INFINITY, NAN, ss_criterion, at_most),
    REASON("not_simulated", 0, ss_criterion, not_simulated),
    {.key = "finding", .type = SS_F_ENUM, .def = -1, .names = findings,
     .what = "\"met\", \"partly met\" or \"not met\"", .off = offsetof(ss_criterion, finding)},
    REASON("finding_source", 0, ss_criterion, finding_source),
    ACCEPT("order"),
    END};
static const ss_schema criterion_schema = {
    .fields = criterion_fields, .elem = sizeof(ss_criterion), .max = 64, .plain_ids = true,
    .init = criterion_init, .finish = criterion_finish,
    .entry = "a table { text = ..., source = ..., metric = ..., at_least = ... }"};

/* ---- the scenario ---------------------------------------------------------------------- */

static const char *const languages[] = {"en", "nb", NULL};  /* in SS_MODEL_LANG_* order */

/* Pass 0 is what later sections refer to: the calendar, needs, organisation, age boundaries. */
static const ss_field scenario_fields[] = {
    STR("name", SS_REQ, ss_model, name),
    {.key = "description", .type = SS_F_REASON, .def_str = "", .off = offsetof(ss_model, description),
     .off2 = offsetof(ss_model, description_nb)},   /* "..." or { "...", nb = "..." } */
    {.key = "language", .type = SS_F_ENUM, .def = -1, .names = languages,
     .what = "\"en\" (English) or \"nb\" (Norwegian bokm\u00e5l)", .off = offsetof(ss_model, language)},
    {.key = "calendar", .type = SS_F_TABLE, .flags = SS_REQ, .sub = &calendar_schema},
    ITEMS("needs", 1, SS_MAX_NEEDS, "expected a list of 1 to 32 need types, e.g. { \"mild\", \"severe\" }", need_item),
    SUB("organisation", organisation_schema, 0),
    {.key = "services", .type = SS_F_KEYED, .flags = SS_REQ, .pass = 1, .sub = &service_schema,
     .what = "service id", .off = offsetof(ss_model, services), .off2 = offsetof(ss_model, nservices)},
    {.key = "doors", .type = SS_F_KEYED, .pass = 1, .sub = &door_schema, .what = "door id",
     .off = offsetof(ss_model, doors), .off2 = offsetof(ss_model, ndoors)},
    {.key = "population", .type = SS_F_KEYED, .pass = 1, .sub = &cohort_schema, .what = "cohort id",
     .off = offsetof(ss_model, cohorts), .off2 = offsetof(ss_model, ncohorts)},
    {.key = "demand", .type = SS_F_LIST, .flags = SS_REQ, .pass = 1, .min = 1, .max = INT_MAX,
     .what = "expected a list of demand streams { need = ..., cohort = ..., per_1000_per_year = ... }",
     .sub = &demand_schema, .off = offsetof(ss_model, demand), .off2 = offsetof(ss_model, ndemand)},
    {.key = "surges", .type = SS_F_KEYED, .pass = 2, .sub = &surge_schema, .what = "surge id",
     .off = offsetof(ss_model, surges), .off2 = offsetof(ss_model, nsurges)},
    ITEMS("age_boundaries", 0, 8, "at most 8 boundaries are supported", boundary_item),
    {.key = "limits", .type = SS_F_TABLE, .pass = 1, .sub = &limits_schema},
    {.key = "handoffs", .type = SS_F_TABLE, .pass = 1, .sub = &handoffs_schema},
    {.key = "coordination", .type = SS_F_TABLE, .flags = SS_PRESENT, .pass = 1, .sub = &coordination_schema,
     .off = offsetof(ss_model, coord), .off2 = offsetof(ss_model, coord.on)},
    {.key = "costs", .type = SS_F_TABLE, .pass = 1, .sub = &costs_schema},
    {.key = "audit", .type = SS_F_KEYED, .pass = 1, .sub = &criterion_schema, .what = "criterion id",
     .off = offsetof(ss_model, criteria), .off2 = offsetof(ss_model, ncriteria)},
    END};

/* A scenario that says nothing about its language leaves the REPL's choice alone. */
static void scenario_init(ss_reader *r, void *base)
{
    (void)r;
    ((ss_model *)base)->language = SS_MODEL_LANG_NONE;
}

const ss_schema ss_scenario_schema = {.fields = scenario_fields, .init = scenario_init};
