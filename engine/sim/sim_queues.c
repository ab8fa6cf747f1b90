/* sim_queues: waiting — the services' priority queues and the meetings' waiting lists, admission
 * when capacity and the working day allow, and deterioration while waiting untreated. */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim_parts.h"
#include "xalloc.h"
#include "ziggurat.h"

/* ---- waiting lists --------------------------------------------------------------------- */

/* Append (slot, token); the one place a waiting list grows.  0 ok, -1 out of memory (the list
 * is unchanged). */
int sim_waitlist_push(waitlist *w, int32_t slot, uint32_t token)
{
    ss_hot_assert(slot >= 0 && w->n >= 0 && w->n <= w->cap);
    if (w->n == w->cap) {
        size_t cap = ss_grow(&w->slot, sizeof *w->slot, (size_t)w->n, (size_t)w->cap, 64);
        if (!cap || !ss_grow(&w->token, sizeof *w->token, (size_t)w->n, (size_t)w->cap, 64))
            return -1;
        w->cap = (int)cap;
    }
    w->slot[w->n] = slot;
    w->token[w->n++] = token;
    return 0;
}

void sim_waitlist_free(waitlist *w)
{
    free(w->slot);
    free(w->token);
}

/* ---- queues and admission ------------------------------------------------------------------ */

/* Inline: twice for every person helped (admitted, leaving). */
static inline void set_care(ss_sim *s, int sv, int delta, double units)
{
    svc_state *st = &s->svc[sv];
    s->caseload[sv] += delta;
    ss_hot_assert(s->caseload[sv] >= 0 && "a caseload went negative");
    st->used += units;
    ss_hot_assert(st->used > -1e-6 && "capacity in use went negative");
    if (st->used < 1e-9) st->used = 0;
    ss_timeavg_set(&st->caseload_ta, s->k.now, s->caseload[sv]);
    sim_track_use(s, sv);
}

/* Every stay in the queue ends here, so queue_mean = joined per day x queue_time (Little's law)
 * holds for the time in the queue of all, not only of those helped. */
void sim_left_queue(ss_sim *s, int sv, const ss_person *p, sim_left why)
{
    if (!s->measuring) return;
    svc_state *st = &s->svc[sv];
    ss_mean_max_add(&st->queue_time, s->k.now - p->at_service);
    if (why == SIM_LEFT_AGE) st->left_at_age++;
    else if (why == SIM_LEFT_MEETING) st->left_at_meeting++;  /* escalations are counted as such */
}

static bool qbefore(const qentry *x, const qentry *y)
{
    return x->prio < y->prio || (x->prio == y->prio && x->seq < y->seq);
}

/* Room for one more entry; a ring that wrapped has its wrapped part moved after the old end. */
static int qgrow(pqueue *pq)
{
    int old = pq->cap;
    size_t cap = ss_grow(&pq->q, sizeof *pq->q, (size_t)pq->n, (size_t)pq->cap, 64);
    if (!cap) return -1;
    pq->cap = (int)cap;
    if (pq->head > 0) {  /* only a ring has a head: entries [head, old) then [0, head) */
        memcpy(pq->q + old, pq->q, (size_t)pq->head * sizeof *pq->q);
    }
    return 0;
}

/* 0 ok, -1 out of memory (the queue is unchanged).  Inline in sim_enqueue: once per person queued. */
static inline int qpush(pqueue *pq, double prio, int32_t person, uint32_t token)
{
    ss_hot_assert(person >= 0 && pq->n >= 0 && pq->n <= pq->cap);
    ss_hot_assert(!isnan(prio) && "a queue priority must order");
    if (pq->n == pq->cap && qgrow(pq) < 0) return -1;
    qentry e = {.prio = prio, .seq = pq->seq++, .person = person, .token = token};
    if (pq->fifo) {
        ss_hot_assert(prio == 0 && "a first-come-first-served queue has one priority");
        int i = pq->head + pq->n++;
        pq->q[i < pq->cap ? i : i - pq->cap] = e;
        return 0;
    }
    int i = pq->n++;
    while (i > 0 && qbefore(&e, &pq->q[(i - 1) / 2])) {
        pq->q[i] = pq->q[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    pq->q[i] = e;
    return 0;
}

int sim_qpush(pqueue *pq, double prio, int32_t person, uint32_t token)
{
    return qpush(pq, prio, person, token);
}

/* Always inline, as admit below: sim_admit_queued runs them for every admission, and a call costs
 * it the saving and restoring of six registers each time (model A, callgrind). */
__attribute__((always_inline)) static inline void qpop(pqueue *pq)
{
    ss_hot_assert(pq->n > 0 && "a pop from an empty queue");
    if (pq->fifo) {
        pq->n--;
        pq->head = pq->n == 0 || pq->head + 1 == pq->cap ? 0 : pq->head + 1;
        return;
    }
    qentry last = pq->q[--pq->n];
    int i = 0, n = pq->n;
    for (;;) {
        int c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && qbefore(&pq->q[c + 1], &pq->q[c])) c++;
        if (!qbefore(&pq->q[c], &last)) break;
        pq->q[i] = pq->q[c];
        i = c;
    }
    if (n > 0) pq->q[i] = last;
}

void sim_qpop(pqueue *pq)
{
    qpop(pq);
}

/* The head of a service's queue, dropping entries of persons who have left it or were
 * re-queued (their token moved on). */
static qentry *qhead(ss_sim *s, pqueue *pq)
{
    while (pq->n > 0) {
        qentry *h = sim_qtop(pq);
        if (s->pool[h->person].token == h->token) return h;
        qpop(pq);
    }
    return NULL;
}

/* Whether today is a working day, cached per simulated day: try_admit asks after every event. */
static bool working_now(ss_sim *s)
{
    if (!s->m->cal.working_mon_fri) return true;  /* every day is a working day */
    int64_t day = (int64_t)s->k.now;  /* the clock is never negative: truncation is floor */
    if (day != s->working_day) {
        s->working_day = day;
        s->working = ss_calendar_is_working(&s->m->cal, s->k.now);
    }
    return s->working;
}

__attribute__((always_inline)) static inline int admit(ss_sim *s, int sv, int slot, ss_diag *d)
{
    const ss_service *svc = &s->m->services[sv];
    svc_state *st = &s->svc[sv];
    pslot *ps = &s->pool[slot];
    ss_person *p = &ps->p;
    ss_hot_assert(p->state == SS_P_QUEUED && p->service == sv && "only a person queued at the service is admitted");
    double wait = s->k.now - p->at_service;  /* from the referral reaching the service */
    ss_hot_assert(wait >= 0);
    sim_set_queue(s, sv, -1);
    sim_left_queue(s, sv, p, SIM_LEFT_HELPED);
    set_care(s, sv, +1, p->units);
    p->state = SS_P_IN_CARE;
    p->admitted_at = s->k.now;
    ps->token++;
    if (s->measuring) {
        st->admitted++;
        ss_mean_max_add(&st->wait, wait);
        if (ss_samples_push(&st->waits, wait) < 0) s->out_of_memory = true;
        if (wait > svc->target_wait) st->over_target++;
        s->out->wait_hist[(long)sv * SS_WAIT_BINS + ss_wait_bin(wait)]++;
    }
    if (!p->helped) {
        p->helped = true;
        if (s->measuring && p->counted) ss_mean_add(&s->y.first_help, s->k.now - p->arrived);
    }
    gsl_rng *r = s->rng_service[sv];
    double length = ss_dist_sample(&svc->intake, r) + ss_dist_sample(&svc->episode[p->need], r);
    if (p->reassess) {  /* the information did not come along: assess again */
        length += ss_dist_sample(&s->m->reassessment, s->rng_handoff[sv]);
        p->reassessments++;
        if (s->measuring) st->reassessments++;
    }
    if (length < 0) length = 0;
    trace(s, p, "first contact at %s after %.1f days waiting; %sepisode of %.1f days", svc->id, wait,
          p->reassess ? "assessed again (information lost on the way), " : "", length);
    p->reassess = false;
    return sim_schedule_move(s, s->k.now + length, EV_END, slot, d);
}

/* Whether a case needing `units` fits in the capacity free now. */
static inline bool fits(const ss_service *svc, const svc_state *st, double units)
{
    if (svc->cap_kind == SS_CAP_UNLIMITED || st->used + units <= st->cap_now + 1e-9) return true;
    /* a case needing more hours than the whole service has is still taken, alone */
    return svc->cap_kind == SS_CAP_HOURS && st->used == 0 && st->cap_now > 0;
}

/* Admit from the head of the queue while capacity allows, on working days only (sim_try_admit
 * found it not empty). */
int sim_admit_queued(ss_sim *s, int sv, ss_diag *d)
{
    const ss_service *svc = &s->m->services[sv];
    svc_state *st = &s->svc[sv];
    if (!working_now(s)) {
        if (!st->retry_pending) {
            st->retry_pending = true;
            return sim_schedule(s, ss_calendar_next_working(&s->m->cal, s->k.now), EV_RETRY, sv, 0, d);
        }
        return 0;
    }
    qentry *h;
    while ((h = qhead(s, &st->queue)) && fits(svc, st, s->pool[h->person].p.units)) {
        int slot = h->person;
        qpop(&st->queue);
        sim_prefetch_queue_head(s, sv);  /* whom the next admission here reads, an event or more on */
        if (admit(s, sv, slot, d) < 0) return -1;
    }
    return 0;
}

/* Take the person out of where they are at their service (queue or care). */
int sim_leave_service(ss_sim *s, int slot)
{
    pslot *ps = &s->pool[slot];
    ss_person *p = &ps->p;
    int sv = p->service;
    ss_hot_assert(p->state != SS_P_FREE && p->state != SS_P_AWAY);
    ss_hot_assert((p->state != SS_P_QUEUED && p->state != SS_P_IN_CARE) || (sv >= 0 && sv < s->m->nservices));
    if (p->state == SS_P_QUEUED) sim_set_queue(s, sv, -1);
    else if (p->state == SS_P_IN_CARE) set_care(s, sv, -1, -p->units);
    p->state = SS_P_ARRIVING;
    p->service = -1;
    ps->token++;
    return sv;
}

static int queue_priority(ss_sim *s, const ss_person *p, int sv, double *prio, ss_diag *d)
{
    const ss_service *svc = &s->m->services[sv];
    *prio = 0;
    if (!svc->priority_queue) return 0;
    if (svc->priority.kind == SS_RULE_DATA) {
        *prio = svc->priority.by_severity[p->severity];
        return 0;
    }
    return ss_rules_priority(s->rules, svc->priority.slot, p, sv, &s->world, prio, d);
}

int sim_enqueue(ss_sim *s, int slot, int sv, ss_diag *d)
{
    pslot *ps = &s->pool[slot];
    ss_hot_assert(ps->p.state == SS_P_QUEUED && ps->p.service == sv);
    double prio;
    if (queue_priority(s, &ps->p, sv, &prio, d) < 0) return -1;
    ps->token++;
    if (qpush(&s->svc[sv].queue, prio, slot, ps->token) < 0)
        return ss_fail(d, "out of memory for queues");
    return 0;
}

/* The time to worsening, drawn for a service with deterioration. */
int sim_schedule_worsening_draw(ss_sim *s, int slot, int sv, ss_diag *d)
{
    double mean = s->m->services[sv].deteriorate_mean;
    double t = ss_rng_exponential(s->rng_worsen[sv], mean);
    if (s->k.now + t > s->m->horizon) return 0;
    return sim_schedule_move(s, s->k.now + t, EV_WORSEN, slot, d);
}

/* ---- waits outside the model ------------------------------------------------------------ */

/* A service whose capacity lies outside the model (specialist care, external_wait): the person
 * waits a drawn time, counted in the service's queue, and starts on the first working day after
 * it.  The start is their next move. */
int sim_wait_outside(ss_sim *s, int slot, int sv, ss_diag *d)
{
    pslot *ps = &s->pool[slot];
    const ss_service *svc = &s->m->services[sv];
    double wait = fmax(ss_dist_sample(&svc->external_wait, s->rng_service[sv]), 0);
    double start = ss_calendar_next_working(&s->m->cal, s->k.now + wait);
    ps->token++;
    trace(s, &ps->p, "waits %.1f days for a start at %s (a waiting time outside the model)", start - s->k.now, svc->id);
    return sim_schedule_move(s, start, EV_START, slot, d);
}

int sim_on_start(ss_sim *s, const ss_event *e, ss_diag *d)
{
    pslot *ps = &s->pool[e->a];
    if (ps->token != e->b || ps->p.state != SS_P_QUEUED) return 0;  /* left the queue meanwhile */
    sim_take_move(ps);
    return admit(s, ps->p.service, e->a, d);
}

/* ---- deterioration ----------------------------------------------------------------------- */

int sim_on_worsen(ss_sim *s, const ss_event *e, ss_diag *d)
{
    pslot *ps = &s->pool[e->a];
    ss_person *p = &ps->p;
    if (ps->token != e->b || p->state != SS_P_QUEUED) return 0;
    sim_take_move(ps);
    int sv = p->service;
    const ss_service *svc = &s->m->services[sv];
    if (p->severity < SS_MAX_SEVERITY) p->severity++;
    if (s->measuring) s->svc[sv].deteriorated++;
    if (p->severity > svc->max_severity && svc->escalate_to >= 0) {
        trace(s, p, "worsens while waiting at %s (severity %d): referred to %s", svc->id, p->severity,
              s->m->services[svc->escalate_to].id);
        if (s->measuring) s->svc[sv].escalated++;
        sim_left_queue(s, sv, p, SIM_LEFT_ESCALATED);
        sim_leave_service(s, e->a);
        if (sim_handoff(s, e->a, sv, svc->escalate_to, d) < 0) return -1;
        return sim_try_admit(s, sv, d);
    }
    trace(s, p, "worsens while waiting at %s (severity %d)", svc->id, p->severity);
    if (svc->priority_queue && sim_enqueue(s, e->a, sv, d) < 0) return -1;  /* new priority; old entry goes stale */
    return sim_schedule_worsening(s, e->a, sv, d);
}
