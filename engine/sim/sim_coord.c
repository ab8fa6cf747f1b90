/* sim_coord: coordination — entitlement to an individual plan, reporting it, the offer and
 * consent, and the coordinators assigned from the sectors that know the person. */
#include <assert.h>
#include <math.h>

#include "sim_parts.h"

/* ---- coordination ------------------------------------------------------------------------ */

/* Responsibility-group hours of a coordinated person from `since` to now: every service they
 * have been referred to sends someone to each meeting. */
void sim_add_rg_hours(ss_sim *s, const ss_person *p, double since)
{
    const ss_coordination *c = &s->m->coord;
    if (!s->measuring || c->rg_every <= 0) return;
    double from = fmax(since, s->m->warmup);
    if (s->k.now > from)
        s->y.rg_hours += c->rg_hours * (s->k.now - from) / c->rg_every * sim_services_visited(p);
}

void sim_set_coordinators(ss_sim *s, int delta)
{
    s->coord_assigned += delta;
    ss_timeavg_set(&s->y.coord_ta, s->k.now, s->coord_assigned);
}

/* Which duties of hol. chapter 7 the person is owed: the scenario's rule (coordination.rule,
 * e.g. rules/common/coordination.lua), or without one long-term and complex needs (a plan and a
 * coordinator) and coordination.children (a barnekoordinator). */
static int owed(ss_sim *s, const ss_person *p, ss_duties *duties, ss_diag *d)
{
    const ss_coordination *c = &s->m->coord;
    if (c->duties.kind == SS_RULE_LUA) {
        s->world.now = s->k.now;
        return ss_rules_duties(s->rules, c->duties.slot, p, &s->world, duties, d);
    }
    *duties = !p->complex ? SS_DUTY_NONE
              : s->k.now >= c->child_from && ss_person_age(p, s->k.now) < 18 && p->severity >= c->child_min_severity
                  ? SS_DUTY_PLAN_CHILD : SS_DUTY_PLAN;
    return 0;
}

/* A person owed an individual plan and a coordinator must be reported to the coordinating unit
 * by the services (which they do with probability notified). */
int sim_entitle_owed(ss_sim *s, int slot, ss_diag *d)
{
    ss_person *p = &s->pool[slot].p;
    const ss_coordination *c = &s->m->coord;
    ss_duties duties;
    if (!c->on || p->coord != SS_C_NONE) return 0;
    if (owed(s, p, &duties, d) < 0) return -1;
    if (duties == SS_DUTY_NONE) return 0;
    p->entitled_at = s->k.now;
    p->coord_counted = s->measuring && p->counted;
    p->child_entitled = duties == SS_DUTY_PLAN_CHILD;
    if (p->coord_counted) s->y.entitled++;
    if (p->coord_counted && p->child_entitled) s->y.children_entitled++;
    double u = ss_rng_uniform(s->rng_coord);
    double delay = ss_dist_sample(&c->offer_delay, s->rng_coord);
    p->offer_due = s->k.now + fmax(delay, 0);
    if (p->offer_due > s->m->horizon && p->coord_counted) s->y.not_due++;  /* censored by the end */
    if (u >= c->notified) {
        p->coord = SS_C_UNREPORTED;
        trace(s, p, "entitled to an individual plan and a coordinator, but not reported to the coordinating unit");
        return 0;
    }
    p->coord = SS_C_REPORTED;
    trace(s, p, "entitled to an individual plan and a coordinator%s: reported to the coordinating unit",
          p->child_entitled ? " (and a barnekoordinator)" : "");
    return p->offer_due <= s->m->horizon ? sim_schedule(s, p->offer_due, EV_OFFER, slot, p->gen, d) : 0;
}

/* A waiting person becomes a candidate once a coordinating sector knows them; candidates are
 * served in the order they accepted the plan (prio = their offer number).  Only candidates are
 * in the queue, so a call costs O(log n) per assignment, not a scan of everyone waiting. */
int sim_add_coordinator_candidate(ss_sim *s, int slot)
{
    pslot *ps = &s->pool[slot];
    assert(ps->p.coord == SS_C_WAITING && sim_known_to_coordinators(s, &ps->p));
    return sim_qpush(&s->coord_queue, (double)ps->coord_offer, slot, ps->p.gen);
}

int sim_try_assign_coordinators(ss_sim *s)
{
    pqueue *q = &s->coord_queue;
    while (q->n > 0 && s->coord_assigned < s->m->coord.pool) {
        qentry h = *sim_qtop(q);
        sim_qpop(q);
        pslot *ps = &s->pool[h.person];
        ss_person *p = &ps->p;
        if (p->gen != h.token || p->coord != SS_C_WAITING || (double)ps->coord_offer != h.prio)
            continue;  /* left, or assigned meanwhile */
        p->coord = SS_C_ASSIGNED;
        p->coord_since = s->k.now;
        sim_set_coordinators(s, +1);
        if (s->measuring && p->coord_counted) {
            s->y.coordinated++;
            if (!p->plan) s->y.coordinated_without_plan++;
            if (p->child_entitled) s->y.children_coordinated++;
            ss_mean_add(&s->y.to_coordinator, s->k.now - p->entitled_at);
        }
        trace(s, p, "gets a coordinator after %.0f days", s->k.now - p->entitled_at);
    }
    assert(s->coord_assigned >= 0);
    return 0;
}

/* The coordinating unit offers the plan (with probability plan_offer) and, whatever the answer,
 * a coordinator (hol. § 7-2: "skal også tilbys selv om vedkommende takker nei til individuell
 * plan", seed-004 L701).  Without a plan the coordinator is accepted with coordinator_consent,
 * always by a family owed a barnekoordinator.  Three draws every time, so that models differing
 * only in these shares keep their random streams paired. */
int sim_on_offer(ss_sim *s, const ss_event *e, ss_diag *d)
{
    pslot *ps = &s->pool[e->a];
    ss_person *p = &ps->p;
    const ss_coordination *c = &s->m->coord;
    if (p->gen != e->b || p->coord != SS_C_REPORTED) return 0;
    double u_offer = ss_rng_uniform(s->rng_coord), u_plan = ss_rng_uniform(s->rng_coord),
           u_coord = ss_rng_uniform(s->rng_coord);
    bool offered = u_offer < c->plan_offer;
    p->plan = offered && u_plan < c->consent;
    if (offered && p->coord_counted) s->y.offered++;
    if (p->plan && p->coord_counted) s->y.planned++;
    if (!p->plan && !p->child_entitled && u_coord >= c->coordinator_consent) {
        p->coord = SS_C_DECLINED;
        trace(s, p, "%s; declines the coordinator too", offered ? "offered an individual plan: declines" : "not offered an individual plan");
        return 0;
    }
    p->coord = SS_C_WAITING;
    ps->coord_offer = s->coord_offers++;
    trace(s, p, "%s; waits for a coordinator", p->plan ? "offered an individual plan: accepts"
                                              : offered ? "offered an individual plan: declines, accepts a coordinator"
                                                        : "not offered an individual plan; accepts a coordinator");
    if (sim_known_to_coordinators(s, p) && sim_add_coordinator_candidate(s, e->a) < 0)
        return ss_fail(d, "out of memory for waiting lists");
    return sim_try_assign_coordinators(s);
}
