/* sim_persons: persons in a replication — their trace, their arrival from a demand stream (with
 * the door they come in by), their age boundaries, their relapses, and their leaving. */
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "sim_parts.h"
#include "xalloc.h"
#include "ziggurat.h"

/* ---- tracing ----------------------------------------------------------------------------- */

void sim_trace_line(ss_sim *s, const ss_person *p, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void sim_trace_line(ss_sim *s, const ss_person *p, const char *fmt, ...)
{
    char date[11];
    ss_calendar_format(&s->m->cal, s->k.now, date);
    fprintf(s->trace, "%s  day %8.2f  person %lld  ", date, s->k.now, (long long)p->id);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(s->trace, fmt, ap);
    va_end(ap);
    fputc('\n', s->trace);
}

/* "rule rules/x.lua:12" for a Lua rule, "data" for a table in the scenario */
const char *sim_rule_origin(const ss_sim *s, const ss_rule *r, char *buf, size_t n)
{
    if (r->kind == SS_RULE_LUA) {
        const ss_lua_rule *lr = &s->m->lua_rules[r->slot];
        snprintf(buf, n, "rule %s:%d%s%s", lr->display, ss_rules_line(s->rules, r->slot),
                 lr->field ? " " : "", lr->field ? lr->field : "");
    } else {
        snprintf(buf, n, "data");
    }
    return buf;
}

const char *sim_node_name(const ss_sim *s, int node)
{
    if (node < 0) return "outside";
    if (node < s->m->nservices) return s->m->services[node].id;
    return s->m->doors[node - s->m->nservices].id;
}

/* ---- persons ----------------------------------------------------------------------------- */

static int new_person(ss_sim *s, ss_diag *d)
{
    if (s->nfree > 0) {
        int slot = s->free_slots[--s->nfree];
        ss_hot_assert(s->pool[slot].p.state == SS_P_FREE && "a slot on the free list is in use");
        return slot;
    }
    if (s->pool_n == s->pool_cap) {
        size_t cap = ss_grow(&s->pool, sizeof *s->pool, (size_t)s->pool_n, (size_t)s->pool_cap, 1024);
        if (!cap || !ss_grow(&s->free_slots, sizeof *s->free_slots, (size_t)s->pool_n, (size_t)s->pool_cap, 1024))
            return ss_fail(d, "out of memory for persons");
        memset(s->pool + s->pool_cap, 0, sizeof *s->pool * (cap - (size_t)s->pool_cap));
        s->pool_cap = (int)cap;
    }
    return s->pool_n++;
}

static void release_person(ss_sim *s, int slot)
{
    pslot *ps = &s->pool[slot];
    ss_hot_assert(ps->p.state != SS_P_FREE && "a person released twice");
    ss_hot_assert(s->nfree < s->pool_n);
    ps->p.state = SS_P_FREE;
    ps->p.gen++;
    ps->token++;
    s->free_slots[s->nfree++] = slot;
}

/* How many services the person has been referred to (bits of visited); branch-free, as the
 * compiler's popcount is a library call without -mpopcnt. */
int sim_services_visited(const ss_person *p)
{
    uint64_t x = p->visited;
    x -= (x >> 1) & UINT64_C(0x5555555555555555);
    x = (x & UINT64_C(0x3333333333333333)) + ((x >> 2) & UINT64_C(0x3333333333333333));
    x = (x + (x >> 4)) & UINT64_C(0x0f0f0f0f0f0f0f0f);
    return (int)((x * UINT64_C(0x0101010101010101)) >> 56);
}

/* The person leaves the services: statistics, the coordinator goes free; the slot is released
 * unless they will come back (relapse). */
int sim_leave_system(ss_sim *s, int slot, const char *why, bool coming_back)
{
    ss_person *p = &s->pool[slot].p;
    ss_hot_assert(p->state != SS_P_FREE && p->state != SS_P_AWAY && "only a person in the services can leave them");
    trace(s, p, "leaves: %s (%d hand-offs, %d bounces, %.1f days since the concern)", why, p->handoffs,
          p->bounces, s->k.now - p->arrived);
    sim_count_flow(s, p->last, -1);
    /* Everyone who leaves in the measured period counts, whenever they came: so in_system_start +
     * persons + relapses - exited = in_system_end, and long stays begun in the warm-up are seen. */
    if (s->measuring) {
        double t = s->k.now - p->arrived;
        s->y.exited++;
        ss_mean_add(&s->y.tis, t);
        if (ss_samples_push(&s->y.tis_samples, t) < 0) s->out_of_memory = true;
        ss_mean_add(&s->y.visited, sim_services_visited(p));
        ss_mean_add(&s->y.handoffs_pp, p->handoffs);
        ss_mean_add(&s->y.bounces, p->bounces);
        ss_mean_add(&s->y.reassessments, p->reassessments);
    }
    int rc = 0;
    sim_coord_leave(s, p);
    if (p->coord == SS_C_ASSIGNED) {
        sim_add_rg_hours(s, p, p->coord_since);
        sim_set_coordinators(s, -1);
        rc = sim_try_assign_coordinators(s);
    }
    p->coord = SS_C_NONE;
    p->plan = false;
    p->service = -1;
    if (coming_back) {
        p->state = SS_P_AWAY;
        s->pool[slot].token++;
        s->away++;
    } else {
        release_person(s, slot);
    }
    return rc;
}

/* ---- arrivals ---------------------------------------------------------------------------- */

static double cohort_count(const ss_cohort *c, double t)
{
    return c->count * pow(1.0 + c->growth, t / 365.25);
}

static double demand_rate(const ss_sim *s, int k, double t)
{
    const ss_demand *dm = &s->m->demand[k];
    double r = dm->cohort >= 0 ? cohort_count(&s->m->cohorts[dm->cohort], t) * dm->per_1000 / 1000.0 / 365.25
                               : dm->rate_per_day;
    if (dm->seasonal) r *= ss_calendar_season(&s->m->cal, t);
    if (dm->surges) r *= ss_demand_surge(s->m, dm, t);
    return r;
}

/* The upper bound used for thinning: growth is monotone, so the larger end of the horizon; every
 * surge of the stream at its largest, as if they all overlapped. */
double sim_demand_rate_max(const ss_sim *s, int k)
{
    const ss_demand *dm = &s->m->demand[k];
    double r = dm->rate_per_day;
    if (dm->cohort >= 0) {
        const ss_cohort *c = &s->m->cohorts[dm->cohort];
        double n = fmax(cohort_count(c, 0), cohort_count(c, s->m->horizon));
        r = n * dm->per_1000 / 1000.0 / 365.25;
    }
    if (dm->seasonal) r *= s->m->cal.season_max;
    if (dm->surges) r *= ss_demand_surge_max(s->m, dm);
    return r;
}

/* Next accepted arrival of stream k after t (Lewis-Shedler thinning). */
int sim_schedule_arrival(ss_sim *s, int k, double t, ss_diag *d)
{
    double rmax = s->rate_max[k];
    if (rmax <= 0) return 0;
    gsl_rng *r = s->rng_arrivals[k];
    bool constant = s->rate_constant[k];
    for (;;) {
        t += ss_rng_exp1(r) / rmax;
        if (t > s->m->horizon) return 0;
        if (constant || ss_rng_uniform(r) * rmax <= demand_rate(s, k, t))  /* no thinning draw at a constant rate */
            return sim_schedule(s, t, EV_ARRIVAL, k, 0, d);
    }
}

int sim_schedule_next_age(ss_sim *s, int slot, ss_diag *d)
{
    ss_person *p = &s->pool[slot].p;
    const ss_model *m = s->m;
    while (p->next_boundary < m->nage_boundaries && m->age_boundaries[p->next_boundary] <= ss_person_age(p, s->k.now))
        p->next_boundary++;
    if (p->next_boundary >= m->nage_boundaries) return 0;
    double t = p->arrived + (m->age_boundaries[p->next_boundary] - p->age0) * 365.25;
    if (t > m->horizon) return 0;
    return sim_schedule(s, t, EV_AGE, slot, p->gen, d);
}

/* A concern at a door: wait for the door's meeting, or be routed now. */
static int at_door(ss_sim *s, int slot, ss_diag *d)
{
    pslot *ps = &s->pool[slot];
    ss_person *p = &ps->p;
    const ss_door *door = &s->m->doors[p->door];
    if (!door->meeting.on) return sim_route_from_door(s, slot, d);
    int node = s->m->nservices + p->door;
    p->state = SS_P_AT_DOOR;
    p->door_since = s->k.now;
    p->meetings_passed = 0;
    ps->token++;
    if (sim_waitlist_push(&s->meeting_list[node], slot, ps->token) < 0)
        return ss_fail(d, "out of memory for waiting lists");
    trace(s, p, "waits at door %s for its next meeting", door->id);
    return 0;
}

int sim_on_arrival(ss_sim *s, const ss_event *e, ss_diag *d)
{
    int k = e->a;
    const ss_demand *dm = &s->m->demand[k];
    if (sim_schedule_arrival(s, k, s->k.now, d) < 0) return -1;
    int slot = new_person(s, d);
    if (slot < 0) return -1;
    pslot *ps = &s->pool[slot];
    ss_person *p = &ps->p;
    static const ss_person blank;  /* all zero, as memset would make it, but copied by vector
                                    * stores: memset of this size is a slow-starting rep stos */
    uint32_t gen = p->gen;
    *p = blank;
    p->id = ++s->next_id;
    p->gen = gen;
    p->state = SS_P_ARRIVING;
    p->need = dm->need;
    p->demand = k;
    p->door = p->service = p->last = p->from_node = -1;
    p->arrived = s->k.now;
    p->counted = s->measuring;
    /* The same draws for every person of a scenario, so persons stay in step whatever the
     * services do; none where the population leaves no choice (one severity, no or all complex). */
    gsl_rng *r = s->rng_persons[k];
    double u_age = ss_rng_uniform(r);
    double u_sev = dm->nseverity > 1 ? ss_rng_uniform(r) : 0.0;
    double u_cx = dm->complex_share > 0 && dm->complex_share < 1 ? ss_rng_uniform(r) : 0.5;
    p->age0 = dm->age_min + u_age * (dm->age_max - dm->age_min);
    p->severity = 1;
    while (p->severity < dm->nseverity && u_sev >= dm->severity_cum[p->severity - 1]) p->severity++;
    p->complex = u_cx < dm->complex_share;
    if (s->measuring) s->y.persons++;
    s->world.now = s->k.now;
    trace(s, p, "concern arises: need %s, severity %d, age %.1f%s", s->m->needs[p->need], p->severity, p->age0,
          p->complex ? ", long-term and complex needs" : "");
    if (sim_schedule_age(s, slot, d) < 0) return -1;
    if (dm->direct_service >= 0) return sim_handoff(s, slot, -1, dm->direct_service, d);
    if (dm->door.kind == SS_RULE_LUA) {
        if (ss_rules_door(s->rules, dm->door.slot, p, &s->world, &p->door, d) < 0) return -1;
    } else {
        p->door = sim_pick(&dm->door.by_need[p->need], s->rng_doors[k]);
    }
    if (sim_tracing(s, p)) {
        char why[300];
        if (sim_tracing(s, p))
            trace(s, p, "comes in by door %s (%s)", s->m->doors[p->door].id, sim_rule_origin(s, &dm->door, why, sizeof why));
    }
    return at_door(s, slot, d);
}

/* A discharged person comes back with a new concern, at the same door or service. */
int sim_on_relapse(ss_sim *s, const ss_event *e, ss_diag *d)
{
    pslot *ps = &s->pool[e->a];
    ss_person *p = &ps->p;
    if (ps->token != e->b || p->state != SS_P_AWAY) return 0;
    sim_take_move(ps);
    s->away--;
    assert(s->away >= 0 && "more persons came back than were away");
    p->state = SS_P_ARRIVING;
    p->age0 = ss_person_age(p, s->k.now);
    p->arrived = s->k.now;  /* a new concern: its own time to help */
    p->counted = s->measuring;
    p->handoffs = p->bounces = p->reassessments = p->referrals = 0;
    p->visited = 0;
    p->npath = 0;
    p->helped = false;
    if (s->measuring) s->y.relapses++;
    int last = p->last;
    trace(s, p, "comes back after discharge from %s (relapse)", s->m->services[last].id);
    if (p->door >= 0) return at_door(s, e->a, d);
    return sim_handoff(s, e->a, -1, last, d);
}
