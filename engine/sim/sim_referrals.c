/* sim_referrals: where a concern goes — doors and their routing, hand-offs with the costs of
 * organisational distance, decisions on a referral (accept, send back, redirect), bounces,
 * decision meetings, episodes that end, and age boundaries that end or move a service. */
#include <assert.h>
#include <math.h>

#include "sim_parts.h"

#define MAX_REFERRALS 1000  /* per person: more means the rules send people in a circle */

/* ---- referrals and hand-offs ----------------------------------------------------------- */

/* decide, arrive_at and decide_referral are always inline: every referral runs them in a chain,
 * and each call cost the saving and restoring of six registers (model A, callgrind). */
__attribute__((always_inline)) static inline int decide_referral(ss_sim *s, int slot, int sv, ss_diag *d);

/* Where a person goes from a door (its route rule) or at the end of an episode at a service (its
 * next rule): picked from a data rule with that place's own random stream, or asked of the Lua
 * rule. */
__attribute__((always_inline)) static inline int decide(ss_sim *s, const ss_person *p, bool from_door, int from, int *to, ss_diag *d)
{
    const ss_rule *r = from_door ? &s->m->doors[from].route : &s->m->services[from].next;
    s->world.now = s->k.now;
    if (r->kind != SS_RULE_LUA) {
        *to = sim_pick(&r->by_need[p->need], from_door ? s->rng_route[from] : s->rng_next[from]);
        return 0;
    }
    return from_door ? ss_rules_route(s->rules, r->slot, p, from, &s->world, to, d)
                     : ss_rules_next(s->rules, r->slot, p, from, &s->world, to, d);
}

/* A door routes the concern to its first service. */
int sim_route_from_door(ss_sim *s, int slot, ss_diag *d)
{
    ss_person *p = &s->pool[slot].p;
    int sv;
    if (decide(s, p, true, p->door, &sv, d) < 0) return -1;
    if (sim_tracing(s, p)) {
        char why[300];
        if (sim_tracing(s, p))
            trace(s, p, "door %s routes to %s (%s)", s->m->doors[p->door].id, s->m->services[sv].id,
                  sim_rule_origin(s, &s->m->doors[p->door].route, why, sizeof why));
    }
    return sim_handoff(s, slot, s->m->nservices + p->door, sv, d);
}

/* Sent back: to the referring service's `next` rule, or to the door's `route` rule, until
 * max_bounces; without max_bounces (or with no one to send back to) the person leaves. */
static int bounce(ss_sim *s, int slot, int sv, const char *why, ss_diag *d)
{
    ss_person *p = &s->pool[slot].p;
    svc_state *st = &s->svc[sv];
    const ss_model *m = s->m;
    if (s->measuring) { st->rejected++; s->y.rejections++; }
    int from = p->from_node;
    if (m->max_bounces == 0 || from < 0) {
        trace(s, p, "referral to %s rejected (%s)", m->services[sv].id, why);
        return sim_leave_system(s, slot, "rejected", false);
    }
    p->bounces++;
    if (s->measuring) st->bounces++;
    if (p->bounces > m->max_bounces) {
        trace(s, p, "referral to %s rejected (%s): bounced %d times, gives up", m->services[sv].id, why, p->bounces);
        if (s->measuring) s->y.lost_transition++;
        return sim_leave_system(s, slot, "lost after bouncing between services", false);
    }
    trace(s, p, "referral to %s rejected (%s): sent back to %s", m->services[sv].id, why, sim_node_name(s, from));
    if (from >= m->nservices) {
        p->door = from - m->nservices;
        return sim_route_from_door(s, slot, d);
    }
    int target;
    if (decide(s, p, false, from, &target, d) < 0) return -1;
    if (target == SS_T_DISCHARGE) return sim_leave_system(s, slot, "discharged after a bounce", false);
    return sim_handoff(s, slot, from, target, d);
}

/* The referral reaches the service: count it, then decide now or at the service's meeting. */
__attribute__((always_inline)) static inline int arrive_at(ss_sim *s, int slot, int sv, ss_diag *d)
{
    pslot *ps = &s->pool[slot];
    ss_person *p = &ps->p;
    const ss_service *svc = &s->m->services[sv];
    if (++p->referrals > MAX_REFERRALS) {
        char date[11];
        ss_calendar_format(&s->m->cal, s->k.now, date);
        return ss_fail(d, "person %lld was referred more than %d times (last to %s, %s, replication %d): do the rules send people round in a circle?",
                       (long long)p->id, MAX_REFERRALS, svc->id, date, s->world.rep + 1);
    }
    int from_service = p->from_node >= 0 && p->from_node < s->m->nservices ? p->from_node : -1;
    if (from_service >= 0) p->handoffs++;
    sim_count_flow(s, from_service, sv);
    p->last = sv;
    bool was_known = sim_known_to_coordinators(s, p);
    p->visited |= 1ull << sv;
    if (p->coord == SS_C_WAITING && !was_known && sim_known_to_coordinators(s, p) && sim_add_coordinator_candidate(s, slot) < 0)
        return ss_fail(d, "out of memory for waiting lists");
    if (p->npath < SS_PATH_MAX) p->path[p->npath++] = (int8_t)sv;
    if (s->measuring) s->svc[sv].arrivals++;
    p->service = sv;
    p->at_service = s->k.now;
    if (svc->meeting.on) {  /* waiting for the decision is waiting for the service */
        p->state = SS_P_AWAITING;
        sim_join_queue(s, sv);
        ps->token++;
        if (sim_waitlist_push(&s->meeting_list[sv], slot, ps->token) < 0)
            return ss_fail(d, "out of memory for waiting lists");
        trace(s, p, "referral reaches %s: waits for its decision meeting", svc->id);
        return 0;
    }
    return decide_referral(s, slot, sv, d);
}

/* Whether the service's own criteria take the person: age, need, severity. */
static bool eligible_for(const ss_sim *s, const ss_person *p, const ss_service *svc)
{
    double age = ss_person_age(p, s->k.now);
    return age >= svc->age_min && age < svc->age_max && (svc->need_mask >> p->need & 1u) &&
           p->severity <= svc->max_severity;
}

/* Into the queue; one who waited for the decision meeting was in it already (the meeting took
 * them out for the decision): their stay goes on. */
static void join_or_stay(ss_sim *s, int sv, bool from_meeting)
{
    if (from_meeting) sim_set_queue(s, sv, +1);
    else sim_join_queue(s, sv);
}

/* Accepted: into the service's queue, with the case's hours drawn, deterioration and entitlement
 * started, then admitted if capacity allows. */
static int accept_referral(ss_sim *s, int slot, int sv, bool from_meeting, ss_diag *d)
{
    ss_person *p = &s->pool[slot].p;
    const ss_service *svc = &s->m->services[sv];
    if (s->measuring) s->svc[sv].accepted++;
    p->service = sv;
    p->state = SS_P_QUEUED;
    p->referred = s->k.now;
    double hours = svc->cap_kind == SS_CAP_HOURS ? ss_dist_sample(&svc->case_hours, s->rng_service[sv]) : 1.0;
    p->units = hours < 0 ? 0 : hours;
    if (svc->external_wait_on) {  /* its queue is outside the model: a given wait, then the start */
        join_or_stay(s, sv, from_meeting);
        if (sim_wait_outside(s, slot, sv, d) < 0 || sim_entitle(s, slot, d) < 0) return -1;
        return p->coord == SS_C_WAITING ? sim_try_assign_coordinators(s) : 0;
    }
    if (sim_enqueue(s, slot, sv, d) < 0) return -1;
    join_or_stay(s, sv, from_meeting);
    trace(s, p, "referral to %s accepted; waits in a queue of %d", svc->id, s->queue_len[sv]);
    if (sim_schedule_worsening(s, slot, sv, d) < 0 || sim_entitle(s, slot, d) < 0) return -1;
    if (p->coord == SS_C_WAITING && sim_try_assign_coordinators(s) < 0) return -1;  /* a new candidate (arrive_at) */
    return sim_try_admit(s, sv, d);
}

/* Not taken into the queue: sent back (rejected here or on the way) or redirected to service
 * `outcome` (>= 0). */
static int turn_away(ss_sim *s, int slot, int sv, int outcome, bool eligible, ss_diag *d)
{
    ss_person *p = &s->pool[slot].p;
    const ss_service *svc = &s->m->services[sv];
    bool on_way = outcome == SS_T_ACCEPT;  /* the service would take them, the hand-off did not */
    p->service = -1;
    p->state = SS_P_ARRIVING;
    if (on_way) return bounce(s, slot, sv, "not taken over at the hand-off", d);
    if (outcome == SS_T_REJECT) return bounce(s, slot, sv, eligible ? "by the acceptance rule" : "not eligible", d);
    assert(outcome >= 0 && outcome < s->m->nservices);
    if (s->measuring) s->svc[sv].redirected++;
    char why[300];
    if (sim_tracing(s, p))
        trace(s, p, "referral to %s redirected to %s (%s)", svc->id, s->m->services[outcome].id,
              sim_rule_origin(s, &svc->accept, why, sizeof why));
    return sim_handoff(s, slot, sv, outcome, d);
}

/* Eligibility and the acceptance rule: accept into the queue, send back, or redirect. */
static inline int decide_referral(ss_sim *s, int slot, int sv, ss_diag *d)
{
    ss_person *p = &s->pool[slot].p;
    const ss_service *svc = &s->m->services[sv];
    s->world.now = s->k.now;
    bool eligible = eligible_for(s, p, svc);
    int outcome = eligible ? SS_T_ACCEPT : SS_T_REJECT;
    if (svc->accept.kind == SS_RULE_LUA &&
        ss_rules_accept(s->rules, svc->accept.slot, p, sv, eligible, &s->world, &outcome, d) < 0)
        return -1;
    bool on_way = outcome == SS_T_ACCEPT && p->rejected_on_way;
    bool from_meeting = p->state == SS_P_AWAITING;  /* they waited in the queue for this decision */
    p->rejected_on_way = false;
    if (outcome == SS_T_ACCEPT && !on_way) return accept_referral(s, slot, sv, from_meeting, d);
    if (from_meeting) sim_left_queue(s, sv, p, SIM_LEFT_MEETING);
    return turn_away(s, slot, sv, outcome, eligible, d);
}

/* A referral from a node (service, or nservices + door; -1 = straight in) to service sv, with
 * the costs of the organisational distance between them. */
int sim_handoff(ss_sim *s, int slot, int from_node, int sv, ss_diag *d)
{
    pslot *ps = &s->pool[slot];
    ss_person *p = &ps->p;
    const ss_model *m = s->m;
    p->from_node = from_node;
    p->reassess = p->rejected_on_way = false;
    if (from_node < 0) return arrive_at(s, slot, sv, d);
    ss_distance level = ss_model_distance(m, from_node, sv);
    const ss_handoff_cost *c = &m->handoff[level];
    double f[4] = {1, 1, 1, 1};
    for (int i = 0; i < 4; i++) {
        if (ss_model_co_located(m, from_node, sv)) f[i] *= m->co_location[i];
        if (m->shared_log) f[i] *= m->shared_log_factor[i];
    }
    gsl_rng *r = s->rng_handoff[sv];  /* always the same draws, so persons stay in step */
    double u_lost = ss_rng_uniform(r), u_info = ss_rng_uniform(r), u_rej = ss_rng_uniform(r);
    double delay = ss_dist_sample(&c->delay, r) * f[0];
    if (s->measuring) s->y.handoffs[level]++;
    if (u_lost < c->lost * f[3]) {
        trace(s, p, "hand-off %s -> %s (%s): lost on the way", sim_node_name(s, from_node), m->services[sv].id, ss_distance_names[level]);
        if (s->measuring) { s->svc[sv].lost++; s->y.lost_transition++; }
        return sim_leave_system(s, slot, "lost at a transition", false);
    }
    p->reassess = u_info < c->info_loss * f[1];
    p->rejected_on_way = u_rej < c->rejection * f[2];
    if (delay > 0) {
        p->state = SS_P_TRANSIT;
        p->service = sv;
        ps->token++;
        trace(s, p, "hand-off %s -> %s (%s): %.1f days on the way", sim_node_name(s, from_node), m->services[sv].id,
              ss_distance_names[level], delay);
        return sim_schedule_move(s, s->k.now + delay, EV_ARRIVE, slot, d);
    }
    return arrive_at(s, slot, sv, d);
}

int sim_on_arrive(ss_sim *s, const ss_event *e, ss_diag *d)
{
    pslot *ps = &s->pool[e->a];
    if (ps->token != e->b || ps->p.state != SS_P_TRANSIT) return 0;
    sim_take_move(ps);
    ps->p.state = SS_P_ARRIVING;
    return arrive_at(s, e->a, ps->p.service, d);
}

/* ---- episodes end ------------------------------------------------------------------------ */

int sim_on_end(ss_sim *s, const ss_event *e, ss_diag *d)
{
    pslot *ps = &s->pool[e->a];
    if (ps->token != e->b || ps->p.state != SS_P_IN_CARE) return 0;  /* moved on */
    sim_take_move(ps);
    ss_person *p = &ps->p;
    const ss_service *svc_def = &s->m->services[p->service];
    double decided = s->k.now - p->at_service, admitted_at = p->admitted_at;
    int sv = sim_leave_service(s, e->a);
    svc_state *st = &s->svc[sv];
    if (s->measuring) {
        st->completed++;
        if (isfinite(svc_def->decision_limit)) {
            st->decisions++;
            if (decided <= svc_def->decision_limit) st->within_limit++;
        }
    }
    int target;
    if (decide(s, p, false, sv, &target, d) < 0) return -1;
    char why[300];
    if (target == SS_T_DISCHARGE) {
        if (sim_tracing(s, p))
            trace(s, p, "episode at %s ends: discharged (%s)", svc_def->id, sim_rule_origin(s, &svc_def->next, why, sizeof why));
        if (s->measuring && p->counted) ss_mean_add(&s->y.right_help, admitted_at - p->arrived);
        bool back = svc_def->relapse_share > 0 && ss_rng_uniform(s->rng_relapse[sv]) < svc_def->relapse_share;
        double after = back ? ss_dist_sample(&svc_def->relapse_after, s->rng_relapse[sv]) : 0;
        back = back && s->k.now + after <= s->m->horizon;
        if (sim_leave_system(s, e->a, "discharged", back) < 0) return -1;
        if (back && sim_schedule_move(s, s->k.now + fmax(after, 0), EV_RELAPSE, e->a, d) < 0) return -1;
    } else {
        if (sim_tracing(s, p))
            trace(s, p, "episode at %s ends: referred on to %s (%s)", svc_def->id, s->m->services[target].id,
                  sim_rule_origin(s, &svc_def->next, why, sizeof why));
        if (sim_handoff(s, e->a, sv, target, d) < 0) return -1;
    }
    return sim_try_admit(s, sv, d);
}

/* ---- meetings ---------------------------------------------------------------------------- */

const ss_meeting *sim_meeting_of(const ss_model *m, int node)
{
    return node < m->nservices ? &m->services[node].meeting : &m->doors[node - m->nservices].meeting;
}

/* The k-th meeting of a node: every `every` days from `first`, on the next working day. */
double sim_meeting_time(const ss_sim *s, int node, int k)
{
    const ss_meeting *mt = sim_meeting_of(s->m, node);
    return ss_calendar_next_working(&s->m->cal, mt->first + k * mt->every);
}

int sim_on_meeting(ss_sim *s, const ss_event *e, ss_diag *d)
{
    int node = e->a;
    const ss_model *m = s->m;
    const ss_meeting *mt = sim_meeting_of(m, node);
    double next = sim_meeting_time(s, node, ++s->meeting_k[node]);
    if (next <= m->horizon && sim_schedule(s, next, EV_MEETING, node, 0, d) < 0) return -1;
    gsl_rng *r = s->rng_meeting[node];
    bool held = ss_rng_uniform(r) < mt->held;
    /* swap the list out: decisions may add persons to lists, even this one */
    waitlist cur = s->meeting_list[node];
    s->meeting_list[node] = s->meeting_spare[node];
    s->meeting_list[node].n = 0;
    int rc = 0;
    enum { AHEAD = 4 };  /* the records of the persons a few places on come in meanwhile */
    for (int i = 0; i < AHEAD && i < cur.n; i++) sim_prefetch_person(s, cur.slot[i]);
    for (int i = 0; i < cur.n && rc == 0; i++) {
        if (i + AHEAD < cur.n) sim_prefetch_person(s, cur.slot[i + AHEAD]);
        int slot = cur.slot[i];
        pslot *ps = &s->pool[slot];
        ss_person *p = &ps->p;
        if (ps->token != cur.token[i]) continue;  /* left meanwhile */
        bool door = node >= m->nservices;
        bool postponed = !held || (door && ss_rng_uniform(r) < mt->postpone);
        if (postponed) {
            p->meetings_passed++;
            trace(s, p, "the meeting at %s %s %s: waits for the next", node >= m->nservices ? "door" : "service",
                  sim_node_name(s, node), held ? "postponed the case" : "was not held");
            if (sim_waitlist_push(&s->meeting_list[node], slot, ps->token) < 0)
                rc = ss_fail(d, "out of memory for waiting lists");  /* the loop ends; cur goes back */
            continue;
        }
        if (door) {
            if (s->measuring && p->counted) {
                s->y.meeting_decided++;
                if (p->meetings_passed == 0) s->y.first_meeting++;
                ss_mean_add(&s->y.meeting_wait, s->k.now - p->door_since);
            }
            trace(s, p, "the meeting at door %s decides after %.0f days", sim_node_name(s, node), s->k.now - p->door_since);
            p->state = SS_P_ARRIVING;
            ps->token++;
            rc = sim_route_from_door(s, slot, d);
        } else {
            trace(s, p, "the decision meeting at service %s takes up the referral", sim_node_name(s, node));
            sim_set_queue(s, node, -1);
            ps->token++;
            rc = decide_referral(s, slot, node, d);
        }
    }
    cur.n = 0;
    s->meeting_spare[node] = cur;
    return rc;
}

/* ---- age boundaries ---------------------------------------------------------------------- */

int sim_on_age(ss_sim *s, const ss_event *e, ss_diag *d)
{
    pslot *ps = &s->pool[e->a];
    ss_person *p = &ps->p;
    if (p->gen != e->b || p->state == SS_P_FREE) return 0;
    const ss_model *m = s->m;
    assert(p->next_boundary < m->nage_boundaries && "an age event past the last boundary");
    int age = (int)m->age_boundaries[p->next_boundary];
    p->next_boundary++;
    if (p->state != SS_P_QUEUED && p->state != SS_P_IN_CARE)  /* between services: decided where they go */
        return sim_schedule_age(s, e->a, d);
    int sv = p->service;
    const ss_service *svc = &m->services[sv];
    int target = SS_T_CONTINUE;
    s->world.now = s->k.now;
    if (svc->at_age.kind == SS_RULE_LUA) {
        if (ss_rules_at_age(s->rules, svc->at_age.slot, p, sv, age, &s->world, &target, d) < 0) return -1;
    } else {
        for (int i = 0; i < svc->n_at_age; i++)
            if (svc->at_age_boundary[i] == age) target = svc->at_age_target[i];
    }
    if (target == SS_T_CONTINUE) {
        trace(s, p, "turns %d at %s: continues", age, svc->id);
        return sim_schedule_age(s, e->a, d);
    }
    if (p->state == SS_P_QUEUED) sim_left_queue(s, sv, p, SIM_LEFT_AGE);
    sim_leave_service(s, e->a);
    int rc;
    if (target == SS_T_DISCHARGE) {
        trace(s, p, "turns %d at %s: the service ends", age, svc->id);
        if (s->measuring) s->y.lost_age++;
        rc = sim_leave_system(s, e->a, "discharged at an age boundary", false);
    } else {
        trace(s, p, "turns %d at %s: moves to %s", age, svc->id, m->services[target].id);
        rc = sim_schedule_age(s, e->a, d);
        if (rc == 0) rc = sim_handoff(s, e->a, sv, target, d);
    }
    return rc < 0 ? -1 : sim_try_admit(s, sv, d);
}
