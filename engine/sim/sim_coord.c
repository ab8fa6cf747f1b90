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

/* Long-term and complex needs entitle a person to an individual plan and a coordinator; the
 * services must report it to the coordinating unit (which they do with probability notified). */
int sim_entitle(ss_sim *s, int slot, ss_diag *d)
{
    ss_person *p = &s->pool[slot].p;
    const ss_coordination *c = &s->m->coord;
    if (!c->on || !p->complex || p->coord != SS_C_NONE) return 0;
    p->entitled_at = s->k.now;
    p->coord_counted = s->measuring && p->counted;
    p->child_entitled = s->k.now >= c->child_from && ss_person_age(p, s->k.now) < 18 &&
                        p->severity >= c->child_min_severity;
    if (p->coord_counted) s->y.entitled++;
    if (p->coord_counted && p->child_entitled) s->y.children_entitled++;
    double u = ss_rng_uniform(s->rng_coord);
    double delay = ss_dist_sample(&c->offer_delay, s->rng_coord);
    if (u >= c->notified) {
        p->coord = SS_C_UNREPORTED;
        trace(s, p, "entitled to an individual plan, but not reported to the coordinating unit");
        return 0;
    }
    p->coord = SS_C_REPORTED;
    trace(s, p, "entitled to an individual plan: reported to the coordinating unit");
    double t = s->k.now + fmax(delay, 0);
    return t <= s->m->horizon ? sim_schedule(s, t, EV_OFFER, slot, p->gen, d) : 0;
}

/* Coordinators come from the sectors in coordination.sectors (Lørenskog 2021: all from the
 * health sector), so a person waits until a service of those sectors knows them; others in the
 * queue go first meanwhile. */
bool sim_known_to_coordinators(const ss_sim *s, const ss_person *p)
{
    return (p->visited & s->m->coord.from_sectors) != 0;
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
        qentry h = q->q[0];
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
            if (p->child_entitled) s->y.children_coordinated++;
            ss_mean_add(&s->y.to_coordinator, s->k.now - p->entitled_at);
        }
        trace(s, p, "gets a coordinator after %.0f days", s->k.now - p->entitled_at);
    }
    assert(s->coord_assigned >= 0);
    return 0;
}

int sim_on_offer(ss_sim *s, const ss_event *e, ss_diag *d)
{
    pslot *ps = &s->pool[e->a];
    ss_person *p = &ps->p;
    if (p->gen != e->b || p->coord != SS_C_REPORTED) return 0;
    if (p->coord_counted) s->y.offered++;
    if (ss_rng_uniform(s->rng_coord) >= s->m->coord.consent && !p->child_entitled) {
        p->coord = SS_C_DECLINED;
        trace(s, p, "offered an individual plan: declines");
        return 0;
    }
    p->coord = SS_C_WAITING;
    ps->coord_offer = s->coord_offers++;
    trace(s, p, "offered an individual plan: accepts, waits for a coordinator");
    if (sim_known_to_coordinators(s, p) && sim_add_coordinator_candidate(s, e->a) < 0)
        return ss_fail(d, "out of memory for waiting lists");
    return sim_try_assign_coordinators(s);
}
