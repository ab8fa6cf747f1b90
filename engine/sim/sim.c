/* sim: the flow of a concern through doors and services, one replication at a time.
 *
 *   concern --door rule--> door [--meeting-->] --route rule--> hand-off --> service
 *   hand-off: by organisational distance a delay, a risk of being lost, of information lost
 *             (assessed again) and of rejection (sent back: a bounce)
 *   service [--decision meeting-->] eligibility/accept --> queue --(capacity, working day)-->
 *             intake + episode --next rule--> hand-off | discharge [--> relapse later]
 *   waiting untreated --> severity rises --> escalation; age boundary --at_age--> ...
 *   entitled (complex needs) --> reported --> plan offered --> consent --> coordinator
 *
 * Statistics are collected from the end of warm-up.  Random draws come from streams keyed by
 * purpose (rng.h), so changing routing does not change who arrives when. */
#include "sim.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "kernel.h"
#include "person.h"
#include "rng.h"
#include "rules.h"
#include "stats.h"
#include "ziggurat.h"

#define MAX_REFERRALS 1000  /* per person: more means the rules send people in a circle */

enum { EV_ARRIVAL, EV_END, EV_RETRY, EV_AGE, EV_SAMPLE, EV_WARMUP, EV_CAPACITY, EV_ARRIVE,
       EV_MEETING, EV_WORSEN, EV_RELAPSE, EV_OFFER };

typedef struct qentry {
    double prio;
    uint64_t seq;
    int32_t person;
    uint32_t token;
} qentry;

/* A priority queue of persons: (prio, seq) order, so equal priorities are first come first
 * served.  Used by every service's queue and by the coordinators' queue. */
typedef struct pqueue {
    qentry *q;
    int n, cap;
    uint64_t seq;  /* the next entry's sequence number */
} pqueue;

typedef struct waitlist {  /* persons waiting for a meeting, or for a coordinator */
    int32_t *slot;
    uint32_t *token;
    int n, cap;
} waitlist;

typedef struct svc_state {
    pqueue queue;
    double used, cap_now;
    bool retry_pending;
    uint64_t arrivals, accepted, rejected, redirected, admitted, completed, over_target;
    uint64_t bounces, reassessments, lost, decisions, within_limit, deteriorated, escalated;
    ss_mean wait;
    ss_samples waits;
    ss_timeavg queue_ta, caseload_ta, used_ta, cap_ta;
} svc_state;

typedef struct pslot {  /* a person plus the bookkeeping the kernel needs */
    ss_person p;
    uint32_t token;     /* bumped at every move: queue entries and events carry it */
    uint64_t coord_offer;  /* the order of their accepted plan, while waiting for a coordinator */
    uint32_t pending_token;  /* the token of their pending move (end, arrival, worsening, relapse) */
    bool pending;            /* such an event is pending: a person has at most one */
} pslot;

typedef struct sys_stats {
    uint64_t persons, exited, rejections, lost_transition, lost_age, relapses;
    uint64_t handoffs[SS_DISTANCES];
    uint64_t meeting_decided, first_meeting, entitled, offered, coordinated;
    uint64_t children_entitled, children_coordinated;
    double rg_hours;
    ss_mean tis, visited, handoffs_pp, bounces, reassessments, first_help, right_help,
        meeting_wait, to_coordinator;
    ss_samples tis_samples;
    ss_timeavg coord_ta;
} sys_stats;

struct ss_sim {
    const ss_model *m;
    ss_rules *rules;
    ss_kernel k;
    svc_state *svc;
    int *queue_len, *caseload;
    pslot *pool;
    int pool_n, pool_cap;
    int *free_slots;
    int nfree, away;
    int64_t next_id;
    gsl_rng **rng_arrivals, **rng_persons, **rng_doors, **rng_route, **rng_next, **rng_service;
    gsl_rng **rng_handoff, **rng_worsen, **rng_relapse, **rng_meeting;
    gsl_rng *rng_rules, *rng_coord;
    double *rate_max;
    bool *rate_constant;  /* per demand stream: no growth, no season, so no thinning */
    waitlist *meeting_list, *meeting_spare;  /* [nservices + ndoors] */
    int *meeting_k;                          /* meetings so far per node */
    pqueue coord_queue;     /* waiting persons a coordinating sector knows (candidates) */
    uint64_t coord_offers;  /* plans accepted so far: the candidates' order */
    int coord_assigned;
    sys_stats y;
    bool measuring;
    bool out_of_memory;  /* a quantile sample could not grow: the run fails at its end */
    const ss_stop_flag *interrupt;
    ss_world world;
    ss_rep_result *out;
    int sample_i;
    int64_t working_day;  /* the simulated day whose working status is cached, -1 none */
    bool working;
    int64_t trace_id;
    FILE *trace;
};

/* ---- set-up ------------------------------------------------------------------------------ */

static gsl_rng **new_streams(int n)
{
    gsl_rng **v = calloc(n ? n : 1, sizeof *v);
    for (int i = 0; i < n; i++) v[i] = ss_rng_new(0, 0, SS_RNG_ARRIVALS, 0);
    return v;
}

static void free_streams(gsl_rng **v, int n)
{
    if (!v) return;
    for (int i = 0; i < n; i++) gsl_rng_free(v[i]);
    free(v);
}

static int nodes(const ss_model *m) { return m->nservices + m->ndoors; }

ss_sim *ss_sim_new(const ss_model *m, ss_diag *d)
{
    ss_sim *s = calloc(1, sizeof *s);
    s->m = m;
    if (m->nlua_rules > 0) {
        s->rules = ss_rules_new(m, d);
        if (!s->rules) { free(s); return NULL; }
    }
    ss_kernel_init(&s->k);
    s->svc = calloc(m->nservices, sizeof *s->svc);
    s->queue_len = calloc(m->nservices, sizeof(int));
    s->caseload = calloc(m->nservices, sizeof(int));
    s->rng_arrivals = new_streams(m->ndemand);
    s->rng_persons = new_streams(m->ndemand);
    s->rng_doors = new_streams(m->ndemand);
    s->rng_route = new_streams(m->ndoors);
    s->rng_next = new_streams(m->nservices);
    s->rng_service = new_streams(m->nservices);
    s->rng_handoff = new_streams(m->nservices);
    s->rng_worsen = new_streams(m->nservices);
    s->rng_relapse = new_streams(m->nservices);
    s->rng_meeting = new_streams(nodes(m));
    s->rng_rules = ss_rng_new(0, 0, SS_RNG_RULES, 0);
    s->rng_coord = ss_rng_new(0, 0, SS_RNG_ROUTING, 0);
    s->rate_max = calloc(m->ndemand ? m->ndemand : 1, sizeof(double));
    s->rate_constant = calloc(m->ndemand ? m->ndemand : 1, sizeof(bool));
    s->meeting_list = calloc(nodes(m) ? nodes(m) : 1, sizeof(waitlist));
    s->meeting_spare = calloc(nodes(m) ? nodes(m) : 1, sizeof(waitlist));
    s->meeting_k = calloc(nodes(m) ? nodes(m) : 1, sizeof(int));
    if (s->rules) ss_rules_set_rng(s->rules, s->rng_rules);
    return s;
}

/* Append (slot, token); the one place a waiting list grows.  0 ok, -1 out of memory (the list
 * is unchanged). */
static int waitlist_push(waitlist *w, int32_t slot, uint32_t token)
{
    if (w->n == w->cap) {
        int cap = w->cap ? w->cap * 2 : 64;
        int32_t *sl = realloc(w->slot, sizeof *sl * cap);
        if (!sl) return -1;
        w->slot = sl;
        uint32_t *tk = realloc(w->token, sizeof *tk * cap);
        if (!tk) return -1;
        w->token = tk;
        w->cap = cap;
    }
    w->slot[w->n] = slot;
    w->token[w->n++] = token;
    return 0;
}

static void free_waitlist(waitlist *w)
{
    free(w->slot);
    free(w->token);
}

void ss_sim_free(ss_sim *s)
{
    if (!s) return;
    const ss_model *m = s->m;
    ss_rules_free(s->rules);
    ss_kernel_fini(&s->k);
    for (int i = 0; i < m->nservices; i++) {
        free(s->svc[i].queue.q);
        ss_samples_free(&s->svc[i].waits);
    }
    for (int i = 0; i < nodes(m); i++) {
        free_waitlist(&s->meeting_list[i]);
        free_waitlist(&s->meeting_spare[i]);
    }
    free(s->coord_queue.q);
    free(s->meeting_list);
    free(s->meeting_spare);
    free(s->meeting_k);
    free(s->svc);
    free(s->queue_len);
    free(s->caseload);
    free(s->pool);
    free(s->free_slots);
    free_streams(s->rng_arrivals, m->ndemand);
    free_streams(s->rng_persons, m->ndemand);
    free_streams(s->rng_doors, m->ndemand);
    free_streams(s->rng_route, m->ndoors);
    free_streams(s->rng_next, m->nservices);
    free_streams(s->rng_service, m->nservices);
    free_streams(s->rng_handoff, m->nservices);
    free_streams(s->rng_worsen, m->nservices);
    free_streams(s->rng_relapse, m->nservices);
    free_streams(s->rng_meeting, nodes(m));
    gsl_rng_free(s->rng_rules);
    gsl_rng_free(s->rng_coord);
    free(s->rate_max);
    free(s->rate_constant);
    ss_samples_free(&s->y.tis_samples);
    free(s);
}

void ss_sim_set_interrupt(ss_sim *s, const ss_stop_flag *flag)
{
    s->interrupt = flag;
    if (s->rules) ss_rules_set_interrupt(s->rules, flag);
}

void ss_sim_set_trace(ss_sim *s, int64_t id, FILE *f)
{
    s->trace_id = id;
    s->trace = f;
}

size_t ss_sim_memory(const ss_sim *s)
{
    size_t b = sizeof *s + s->k.cap * sizeof(ss_event) + (size_t)s->pool_cap * (sizeof(pslot) + sizeof(int));
    for (int i = 0; i < s->m->nservices; i++)
        b += s->svc[i].queue.cap * sizeof(qentry) + ss_samples_memory(&s->svc[i].waits);
    for (int i = 0; i < nodes(s->m); i++)
        b += (s->meeting_list[i].cap + s->meeting_spare[i].cap) * (sizeof(int32_t) + sizeof(uint32_t));
    b += ss_samples_memory(&s->y.tis_samples) + s->coord_queue.cap * sizeof(qentry);
    if (s->rules) b += ss_rules_memory(s->rules);
    return b;
}

/* ---- tracing ----------------------------------------------------------------------------- */

static void trace_line(ss_sim *s, const ss_person *p, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void trace_line(ss_sim *s, const ss_person *p, const char *fmt, ...)
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

static bool tracing(const ss_sim *s, const ss_person *p) { return s->trace && p->id == s->trace_id; }

/* A line of the person's trace; the test is inline so that a run without tracing evaluates no
 * arguments and makes no call. */
#define trace(s, p, ...) do { if (tracing((s), (p))) trace_line((s), (p), __VA_ARGS__); } while (0)

/* "rule rules/x.lua:12" for a Lua rule, "data" for a table in the scenario */
static const char *rule_origin(const ss_sim *s, const ss_rule *r, char *buf, size_t n)
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

static const char *node_name(const ss_sim *s, int node)
{
    if (node < 0) return "outside";
    if (node < s->m->nservices) return s->m->services[node].id;
    return s->m->doors[node - s->m->nservices].id;
}

/* ---- persons ----------------------------------------------------------------------------- */

static int new_person(ss_sim *s, ss_diag *d)
{
    if (s->nfree > 0) return s->free_slots[--s->nfree];
    if (s->pool_n == s->pool_cap) {
        int cap = s->pool_cap ? s->pool_cap * 2 : 1024;
        pslot *pool = realloc(s->pool, sizeof *pool * cap);
        if (!pool) return ss_fail(d, "out of memory for persons");
        s->pool = pool;
        int *fs = realloc(s->free_slots, sizeof(int) * cap);
        if (!fs) return ss_fail(d, "out of memory for persons");
        s->free_slots = fs;
        memset(s->pool + s->pool_cap, 0, sizeof *pool * (cap - s->pool_cap));
        s->pool_cap = cap;
    }
    return s->pool_n++;
}

static void release_person(ss_sim *s, int slot)
{
    pslot *ps = &s->pool[slot];
    ps->p.state = SS_P_FREE;
    ps->p.gen++;
    ps->token++;
    s->free_slots[s->nfree++] = slot;
}

/* How many services the person has been referred to (bits of visited); branch-free, as the
 * compiler's popcount is a library call without -mpopcnt. */
static int services_visited(const ss_person *p)
{
    uint64_t x = p->visited;
    x -= (x >> 1) & UINT64_C(0x5555555555555555);
    x = (x & UINT64_C(0x3333333333333333)) + ((x >> 2) & UINT64_C(0x3333333333333333));
    x = (x + (x >> 4)) & UINT64_C(0x0f0f0f0f0f0f0f0f);
    return (int)((x * UINT64_C(0x0101010101010101)) >> 56);
}

/* Who goes where: counted from the end of warm-up, "outside" is index nservices. */
static void count_flow(ss_sim *s, int from, int to)
{
    int out = s->m->nservices;
    if (s->measuring) (*ss_rep_flow(s->out, from < 0 ? out : from, to < 0 ? out : to))++;
}

static int try_assign_coordinators(ss_sim *s);
static bool known_to_coordinators(const ss_sim *s, const ss_person *p);
static int add_coordinator_candidate(ss_sim *s, int slot);

/* Responsibility-group hours of a coordinated person from `since` to now: every service they
 * have been referred to sends someone to each meeting. */
static void add_rg_hours(ss_sim *s, const ss_person *p, double since)
{
    const ss_coordination *c = &s->m->coord;
    if (!s->measuring || c->rg_every <= 0) return;
    double from = fmax(since, s->m->warmup);
    if (s->k.now > from)
        s->y.rg_hours += c->rg_hours * (s->k.now - from) / c->rg_every * services_visited(p);
}

static void set_coordinators(ss_sim *s, int delta)
{
    s->coord_assigned += delta;
    ss_timeavg_set(&s->y.coord_ta, s->k.now, s->coord_assigned);
}

/* The person leaves the services: statistics, the coordinator goes free; the slot is released
 * unless they will come back (relapse). */
static int leave_system(ss_sim *s, int slot, const char *why, bool coming_back)
{
    ss_person *p = &s->pool[slot].p;
    trace(s, p, "leaves: %s (%d hand-offs, %d bounces, %.1f days since the concern)", why, p->handoffs,
          p->bounces, s->k.now - p->arrived);
    count_flow(s, p->last, -1);
    if (s->measuring && p->counted) {
        double t = s->k.now - p->arrived;
        s->y.exited++;
        ss_mean_add(&s->y.tis, t);
        if (ss_samples_push(&s->y.tis_samples, t) < 0) s->out_of_memory = true;
        ss_mean_add(&s->y.visited, services_visited(p));
        ss_mean_add(&s->y.handoffs_pp, p->handoffs);
        ss_mean_add(&s->y.bounces, p->bounces);
        ss_mean_add(&s->y.reassessments, p->reassessments);
    }
    int rc = 0;
    if (p->coord == SS_C_ASSIGNED) {
        add_rg_hours(s, p, p->coord_since);
        set_coordinators(s, -1);
        rc = try_assign_coordinators(s);
    }
    p->coord = SS_C_NONE;
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

/* ---- services ---------------------------------------------------------------------------- */

static void set_queue(ss_sim *s, int sv, int delta)
{
    s->queue_len[sv] += delta;
    assert(s->queue_len[sv] >= 0 && "a queue length went negative");
    ss_timeavg_set(&s->svc[sv].queue_ta, s->k.now, s->queue_len[sv]);
}

static void set_care(ss_sim *s, int sv, int delta, double units)
{
    svc_state *st = &s->svc[sv];
    s->caseload[sv] += delta;
    assert(s->caseload[sv] >= 0 && "a caseload went negative");
    st->used += units;
    if (st->used < 1e-9) st->used = 0;
    ss_timeavg_set(&st->caseload_ta, s->k.now, s->caseload[sv]);
    ss_timeavg_set(&st->used_ta, s->k.now, st->used);
}

static bool qbefore(const qentry *x, const qentry *y)
{
    return x->prio < y->prio || (x->prio == y->prio && x->seq < y->seq);
}

/* 0 ok, -1 out of memory (the queue is unchanged). */
static int qpush(pqueue *pq, double prio, int32_t person, uint32_t token)
{
    if (pq->n == pq->cap) {
        int cap = pq->cap ? pq->cap * 2 : 64;
        qentry *q = realloc(pq->q, sizeof *q * cap);
        if (!q) return -1;
        pq->q = q;
        pq->cap = cap;
    }
    qentry e = {.prio = prio, .seq = pq->seq++, .person = person, .token = token};
    int i = pq->n++;
    while (i > 0 && qbefore(&e, &pq->q[(i - 1) / 2])) {
        pq->q[i] = pq->q[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    pq->q[i] = e;
    return 0;
}

static void qpop(pqueue *pq)
{
    assert(pq->n > 0);
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

/* The head of a service's queue, dropping entries of persons who have left it or were
 * re-queued (their token moved on). */
static qentry *qhead(ss_sim *s, pqueue *pq)
{
    while (pq->n > 0) {
        qentry *h = &pq->q[0];
        if (s->pool[h->person].token == h->token) return h;
        qpop(pq);
    }
    return NULL;
}

static int schedule(ss_sim *s, double t, int type, int a, uint32_t b, ss_diag *d)
{
    if (ss_kernel_schedule(&s->k, t, type, a, b) < 0) return ss_fail(d, "out of memory for events");
    return 0;
}

/* A person's next move (episode end, arrival after a hand-off, worsening, relapse), carrying
 * their token.  Every move bumps the token, so a person has at most one pending move that is
 * still valid: scheduling a second one with the same token is a bug in the handlers. */
static int schedule_move(ss_sim *s, double t, int type, int slot, ss_diag *d)
{
    pslot *ps = &s->pool[slot];
    assert(ps->p.state != SS_P_FREE);
    assert(!(ps->pending && ps->pending_token == ps->token) && "a person has two pending moves");
    ps->pending = true;
    ps->pending_token = ps->token;
    return schedule(s, t, type, slot, ps->token, d);
}

/* The handler of a person's move takes it: it is no longer pending. */
static void take_move(pslot *ps)
{
    assert(ps->pending && ps->pending_token == ps->token);
    ps->pending = false;
}

/* Whether today is a working day, cached per simulated day: try_admit asks after every event. */
static bool working_now(ss_sim *s)
{
    int64_t day = (int64_t)floor(s->k.now);
    if (day != s->working_day) {
        s->working_day = day;
        s->working = ss_calendar_is_working(&s->m->cal, s->k.now);
    }
    return s->working;
}

static int admit(ss_sim *s, int sv, int slot, ss_diag *d)
{
    const ss_service *svc = &s->m->services[sv];
    svc_state *st = &s->svc[sv];
    pslot *ps = &s->pool[slot];
    ss_person *p = &ps->p;
    double wait = s->k.now - p->at_service;  /* from the referral reaching the service */
    set_queue(s, sv, -1);
    set_care(s, sv, +1, p->units);
    p->state = SS_P_IN_CARE;
    p->admitted_at = s->k.now;
    ps->token++;
    if (s->measuring) {
        st->admitted++;
        ss_mean_add(&st->wait, wait);
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
    return schedule_move(s, s->k.now + length, EV_END, slot, d);
}

/* Admit from the head of the queue while capacity allows, on working days only. */
static int try_admit(ss_sim *s, int sv, ss_diag *d)
{
    const ss_service *svc = &s->m->services[sv];
    svc_state *st = &s->svc[sv];
    if (s->queue_len[sv] == 0) return 0;
    if (!working_now(s)) {
        if (!st->retry_pending) {
            st->retry_pending = true;
            return schedule(s, ss_calendar_next_working(&s->m->cal, s->k.now), EV_RETRY, sv, 0, d);
        }
        return 0;
    }
    qentry *h;
    while ((h = qhead(s, &st->queue))) {
        double units = s->pool[h->person].p.units;
        if (svc->cap_kind != SS_CAP_UNLIMITED) {
            bool fits = st->used + units <= st->cap_now + 1e-9;
            /* a case needing more hours than the whole service has is still taken, alone */
            bool alone = svc->cap_kind == SS_CAP_HOURS && st->used == 0 && st->cap_now > 0;
            if (!fits && !alone) break;
        }
        int slot = h->person;
        qpop(&st->queue);
        if (admit(s, sv, slot, d) < 0) return -1;
    }
    return 0;
}

/* Take the person out of where they are at their service (queue or care). */
static int leave_service(ss_sim *s, int slot)
{
    pslot *ps = &s->pool[slot];
    ss_person *p = &ps->p;
    int sv = p->service;
    if (p->state == SS_P_QUEUED) set_queue(s, sv, -1);
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

static int enqueue(ss_sim *s, int slot, int sv, ss_diag *d)
{
    pslot *ps = &s->pool[slot];
    double prio;
    if (queue_priority(s, &ps->p, sv, &prio, d) < 0) return -1;
    ps->token++;
    if (qpush(&s->svc[sv].queue, prio, slot, ps->token) < 0)
        return ss_fail(d, "out of memory for queues");
    return 0;
}

/* Waiting untreated, severity may rise after an exponential time (deterioration). */
static int schedule_worsening(ss_sim *s, int slot, int sv, ss_diag *d)
{
    double mean = s->m->services[sv].deteriorate_mean;
    if (!isfinite(mean)) return 0;
    double t = ss_rng_exponential(s->rng_worsen[sv], mean);
    if (s->k.now + t > s->m->horizon) return 0;
    return schedule_move(s, s->k.now + t, EV_WORSEN, slot, d);
}

/* ---- referrals and hand-offs ----------------------------------------------------------- */

static int handoff(ss_sim *s, int slot, int from_node, int sv, ss_diag *d);
static int decide_referral(ss_sim *s, int slot, int sv, ss_diag *d);

/* A data rule's choice; a choice of one target draws nothing (it cannot change the result). */
static int pick(const ss_choice *c, gsl_rng *r)
{
    assert(c->n >= 1);
    return c->n == 1 ? c->target[0] : ss_choice_pick(c, ss_rng_uniform(r));
}

/* Pick from a data rule, or ask the Lua rule. */
static int decide_next(ss_sim *s, const ss_person *p, int sv, int *target, ss_diag *d)
{
    const ss_rule *r = &s->m->services[sv].next;
    s->world.now = s->k.now;
    if (r->kind == SS_RULE_LUA)
        return ss_rules_next(s->rules, r->slot, p, sv, &s->world, target, d);
    *target = pick(&r->by_need[p->need], s->rng_next[sv]);
    return 0;
}

static int decide_route(ss_sim *s, const ss_person *p, int door, int *sv, ss_diag *d)
{
    const ss_rule *r = &s->m->doors[door].route;
    s->world.now = s->k.now;
    if (r->kind == SS_RULE_LUA)
        return ss_rules_route(s->rules, r->slot, p, door, &s->world, sv, d);
    *sv = pick(&r->by_need[p->need], s->rng_route[door]);
    return 0;
}

/* A door routes the concern to its first service. */
static int route_from_door(ss_sim *s, int slot, ss_diag *d)
{
    ss_person *p = &s->pool[slot].p;
    int sv;
    if (decide_route(s, p, p->door, &sv, d) < 0) return -1;
    if (tracing(s, p)) {
        char why[300];
        if (tracing(s, p))
            trace(s, p, "door %s routes to %s (%s)", s->m->doors[p->door].id, s->m->services[sv].id,
                  rule_origin(s, &s->m->doors[p->door].route, why, sizeof why));
    }
    return handoff(s, slot, s->m->nservices + p->door, sv, d);
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
        return leave_system(s, slot, "rejected", false);
    }
    p->bounces++;
    if (s->measuring) st->bounces++;
    if (p->bounces > m->max_bounces) {
        trace(s, p, "referral to %s rejected (%s): bounced %d times, gives up", m->services[sv].id, why, p->bounces);
        if (s->measuring) s->y.lost_transition++;
        return leave_system(s, slot, "lost after bouncing between services", false);
    }
    trace(s, p, "referral to %s rejected (%s): sent back to %s", m->services[sv].id, why, node_name(s, from));
    if (from >= m->nservices) {
        p->door = from - m->nservices;
        return route_from_door(s, slot, d);
    }
    int target;
    if (decide_next(s, p, from, &target, d) < 0) return -1;
    if (target == SS_T_DISCHARGE) return leave_system(s, slot, "discharged after a bounce", false);
    return handoff(s, slot, from, target, d);
}

/* The referral reaches the service: count it, then decide now or at the service's meeting. */
static int arrive_at(ss_sim *s, int slot, int sv, ss_diag *d)
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
    count_flow(s, from_service, sv);
    p->last = sv;
    bool was_known = known_to_coordinators(s, p);
    p->visited |= 1ull << sv;
    if (p->coord == SS_C_WAITING && !was_known && known_to_coordinators(s, p) && add_coordinator_candidate(s, slot) < 0)
        return ss_fail(d, "out of memory for waiting lists");
    if (p->npath < SS_PATH_MAX) p->path[p->npath++] = (int8_t)sv;
    if (s->measuring) s->svc[sv].arrivals++;
    p->service = sv;
    p->at_service = s->k.now;
    if (svc->meeting.on) {  /* waiting for the decision is waiting for the service */
        p->state = SS_P_AWAITING;
        set_queue(s, sv, +1);
        ps->token++;
        if (waitlist_push(&s->meeting_list[sv], slot, ps->token) < 0)
            return ss_fail(d, "out of memory for waiting lists");
        trace(s, p, "referral reaches %s: waits for its decision meeting", svc->id);
        return 0;
    }
    return decide_referral(s, slot, sv, d);
}

static int entitle(ss_sim *s, int slot, ss_diag *d);

/* Eligibility and the acceptance rule: accept into the queue, send back, or redirect. */
static int decide_referral(ss_sim *s, int slot, int sv, ss_diag *d)
{
    pslot *ps = &s->pool[slot];
    ss_person *p = &ps->p;
    const ss_service *svc = &s->m->services[sv];
    svc_state *st = &s->svc[sv];
    s->world.now = s->k.now;
    double age = ss_person_age(p, s->k.now);
    bool eligible = age >= svc->age_min && age < svc->age_max && (svc->need_mask >> p->need & 1u) &&
                    p->severity <= svc->max_severity;
    int outcome = eligible ? SS_T_ACCEPT : SS_T_REJECT;
    if (svc->accept.kind == SS_RULE_LUA &&
        ss_rules_accept(s->rules, svc->accept.slot, p, sv, eligible, &s->world, &outcome, d) < 0)
        return -1;
    if (outcome == SS_T_ACCEPT && p->rejected_on_way) {
        p->rejected_on_way = false;
        p->service = -1;
        p->state = SS_P_ARRIVING;
        return bounce(s, slot, sv, "not taken over at the hand-off", d);
    }
    p->rejected_on_way = false;
    if (outcome == SS_T_REJECT) {
        p->service = -1;
        p->state = SS_P_ARRIVING;
        return bounce(s, slot, sv, eligible ? "by the acceptance rule" : "not eligible", d);
    }
    if (outcome >= 0) {
        if (s->measuring) st->redirected++;
        char why[300];
        if (tracing(s, p))
            trace(s, p, "referral to %s redirected to %s (%s)", svc->id, s->m->services[outcome].id,
                  rule_origin(s, &svc->accept, why, sizeof why));
        p->service = -1;
        p->state = SS_P_ARRIVING;
        return handoff(s, slot, sv, outcome, d);
    }
    if (s->measuring) st->accepted++;
    p->service = sv;
    p->state = SS_P_QUEUED;
    p->referred = s->k.now;
    double hours = svc->cap_kind == SS_CAP_HOURS ? ss_dist_sample(&svc->case_hours, s->rng_service[sv]) : 1.0;
    p->units = hours < 0 ? 0 : hours;
    if (enqueue(s, slot, sv, d) < 0) return -1;
    set_queue(s, sv, +1);
    trace(s, p, "referral to %s accepted; waits in a queue of %d", svc->id, s->queue_len[sv]);
    if (schedule_worsening(s, slot, sv, d) < 0 || entitle(s, slot, d) < 0) return -1;
    if (p->coord == SS_C_WAITING && try_assign_coordinators(s) < 0) return -1;  /* a new candidate (arrive_at) */
    return try_admit(s, sv, d);
}

/* A referral from a node (service, or nservices + door; -1 = straight in) to service sv, with
 * the costs of the organisational distance between them. */
static int handoff(ss_sim *s, int slot, int from_node, int sv, ss_diag *d)
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
        trace(s, p, "hand-off %s -> %s (%s): lost on the way", node_name(s, from_node), m->services[sv].id, ss_distance_names[level]);
        if (s->measuring) { s->svc[sv].lost++; s->y.lost_transition++; }
        return leave_system(s, slot, "lost at a transition", false);
    }
    p->reassess = u_info < c->info_loss * f[1];
    p->rejected_on_way = u_rej < c->rejection * f[2];
    if (delay > 0) {
        p->state = SS_P_TRANSIT;
        p->service = sv;
        ps->token++;
        trace(s, p, "hand-off %s -> %s (%s): %.1f days on the way", node_name(s, from_node), m->services[sv].id,
              ss_distance_names[level], delay);
        return schedule_move(s, s->k.now + delay, EV_ARRIVE, slot, d);
    }
    return arrive_at(s, slot, sv, d);
}

static int on_arrive(ss_sim *s, const ss_event *e, ss_diag *d)
{
    pslot *ps = &s->pool[e->a];
    if (ps->token != e->b || ps->p.state != SS_P_TRANSIT) return 0;
    take_move(ps);
    ps->p.state = SS_P_ARRIVING;
    return arrive_at(s, e->a, ps->p.service, d);
}

/* ---- episodes end ------------------------------------------------------------------------ */

static int on_end(ss_sim *s, const ss_event *e, ss_diag *d)
{
    pslot *ps = &s->pool[e->a];
    if (ps->token != e->b || ps->p.state != SS_P_IN_CARE) return 0;  /* moved on */
    take_move(ps);
    ss_person *p = &ps->p;
    const ss_service *svc_def = &s->m->services[p->service];
    double decided = s->k.now - p->at_service, admitted_at = p->admitted_at;
    int sv = leave_service(s, e->a);
    svc_state *st = &s->svc[sv];
    if (s->measuring) {
        st->completed++;
        if (isfinite(svc_def->decision_limit)) {
            st->decisions++;
            if (decided <= svc_def->decision_limit) st->within_limit++;
        }
    }
    int target;
    if (decide_next(s, p, sv, &target, d) < 0) return -1;
    char why[300];
    if (target == SS_T_DISCHARGE) {
        if (tracing(s, p))
            trace(s, p, "episode at %s ends: discharged (%s)", svc_def->id, rule_origin(s, &svc_def->next, why, sizeof why));
        if (s->measuring && p->counted) ss_mean_add(&s->y.right_help, admitted_at - p->arrived);
        bool back = svc_def->relapse_share > 0 && ss_rng_uniform(s->rng_relapse[sv]) < svc_def->relapse_share;
        double after = back ? ss_dist_sample(&svc_def->relapse_after, s->rng_relapse[sv]) : 0;
        back = back && s->k.now + after <= s->m->horizon;
        if (leave_system(s, e->a, "discharged", back) < 0) return -1;
        if (back && schedule_move(s, s->k.now + fmax(after, 0), EV_RELAPSE, e->a, d) < 0) return -1;
    } else {
        if (tracing(s, p))
            trace(s, p, "episode at %s ends: referred on to %s (%s)", svc_def->id, s->m->services[target].id,
                  rule_origin(s, &svc_def->next, why, sizeof why));
        if (handoff(s, e->a, sv, target, d) < 0) return -1;
    }
    return try_admit(s, sv, d);
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
    return r;
}

/* The upper bound used for thinning: growth is monotone, so the larger end of the horizon. */
static double demand_rate_max(const ss_sim *s, int k)
{
    const ss_demand *dm = &s->m->demand[k];
    double r = dm->rate_per_day;
    if (dm->cohort >= 0) {
        const ss_cohort *c = &s->m->cohorts[dm->cohort];
        double n = fmax(cohort_count(c, 0), cohort_count(c, s->m->horizon));
        r = n * dm->per_1000 / 1000.0 / 365.25;
    }
    if (dm->seasonal) r *= s->m->cal.season_max;
    return r;
}

/* Next accepted arrival of stream k after t (Lewis-Shedler thinning). */
static int schedule_arrival(ss_sim *s, int k, double t, ss_diag *d)
{
    double rmax = s->rate_max[k];
    if (rmax <= 0) return 0;
    gsl_rng *r = s->rng_arrivals[k];
    bool constant = s->rate_constant[k];
    for (;;) {
        t += ss_rng_exp1(r) / rmax;
        if (t > s->m->horizon) return 0;
        if (constant || ss_rng_uniform(r) * rmax <= demand_rate(s, k, t))  /* no thinning draw at a constant rate */
            return schedule(s, t, EV_ARRIVAL, k, 0, d);
    }
}

static int schedule_age(ss_sim *s, int slot, ss_diag *d)
{
    ss_person *p = &s->pool[slot].p;
    const ss_model *m = s->m;
    while (p->next_boundary < m->nage_boundaries && m->age_boundaries[p->next_boundary] <= ss_person_age(p, s->k.now))
        p->next_boundary++;
    if (p->next_boundary >= m->nage_boundaries) return 0;
    double t = p->arrived + (m->age_boundaries[p->next_boundary] - p->age0) * 365.25;
    if (t > m->horizon) return 0;
    return schedule(s, t, EV_AGE, slot, p->gen, d);
}

/* A concern at a door: wait for the door's meeting, or be routed now. */
static int at_door(ss_sim *s, int slot, ss_diag *d)
{
    pslot *ps = &s->pool[slot];
    ss_person *p = &ps->p;
    const ss_door *door = &s->m->doors[p->door];
    if (!door->meeting.on) return route_from_door(s, slot, d);
    int node = s->m->nservices + p->door;
    p->state = SS_P_AT_DOOR;
    p->door_since = s->k.now;
    p->meetings_passed = 0;
    ps->token++;
    if (waitlist_push(&s->meeting_list[node], slot, ps->token) < 0)
        return ss_fail(d, "out of memory for waiting lists");
    trace(s, p, "waits at door %s for its next meeting", door->id);
    return 0;
}

static int on_arrival(ss_sim *s, const ss_event *e, ss_diag *d)
{
    int k = e->a;
    const ss_demand *dm = &s->m->demand[k];
    if (schedule_arrival(s, k, s->k.now, d) < 0) return -1;
    int slot = new_person(s, d);
    if (slot < 0) return -1;
    pslot *ps = &s->pool[slot];
    ss_person *p = &ps->p;
    uint32_t gen = p->gen;
    memset(p, 0, sizeof *p);  /* in place: a compound literal is built aside and copied */
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
    if (schedule_age(s, slot, d) < 0) return -1;
    if (dm->direct_service >= 0) return handoff(s, slot, -1, dm->direct_service, d);
    if (dm->door.kind == SS_RULE_LUA) {
        if (ss_rules_door(s->rules, dm->door.slot, p, &s->world, &p->door, d) < 0) return -1;
    } else {
        p->door = pick(&dm->door.by_need[p->need], s->rng_doors[k]);
    }
    if (tracing(s, p)) {
        char why[300];
        if (tracing(s, p))
            trace(s, p, "comes in by door %s (%s)", s->m->doors[p->door].id, rule_origin(s, &dm->door, why, sizeof why));
    }
    return at_door(s, slot, d);
}

/* A discharged person comes back with a new concern, at the same door or service. */
static int on_relapse(ss_sim *s, const ss_event *e, ss_diag *d)
{
    pslot *ps = &s->pool[e->a];
    ss_person *p = &ps->p;
    if (ps->token != e->b || p->state != SS_P_AWAY) return 0;
    take_move(ps);
    s->away--;
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
    return handoff(s, e->a, -1, last, d);
}

/* ---- meetings ---------------------------------------------------------------------------- */

static const ss_meeting *meeting_of(const ss_model *m, int node)
{
    return node < m->nservices ? &m->services[node].meeting : &m->doors[node - m->nservices].meeting;
}

/* The k-th meeting of a node: every `every` days from `first`, on the next working day. */
static double meeting_time(const ss_sim *s, int node, int k)
{
    const ss_meeting *mt = meeting_of(s->m, node);
    return ss_calendar_next_working(&s->m->cal, mt->first + k * mt->every);
}

static int on_meeting(ss_sim *s, const ss_event *e, ss_diag *d)
{
    int node = e->a;
    const ss_model *m = s->m;
    const ss_meeting *mt = meeting_of(m, node);
    double next = meeting_time(s, node, ++s->meeting_k[node]);
    if (next <= m->horizon && schedule(s, next, EV_MEETING, node, 0, d) < 0) return -1;
    gsl_rng *r = s->rng_meeting[node];
    bool held = ss_rng_uniform(r) < mt->held;
    /* swap the list out: decisions may add persons to lists, even this one */
    waitlist cur = s->meeting_list[node];
    s->meeting_list[node] = s->meeting_spare[node];
    s->meeting_list[node].n = 0;
    int rc = 0;
    for (int i = 0; i < cur.n && rc == 0; i++) {
        int slot = cur.slot[i];
        pslot *ps = &s->pool[slot];
        ss_person *p = &ps->p;
        if (ps->token != cur.token[i]) continue;  /* left meanwhile */
        bool door = node >= m->nservices;
        bool postponed = !held || (door && ss_rng_uniform(r) < mt->postpone);
        if (postponed) {
            p->meetings_passed++;
            trace(s, p, "the meeting at %s %s %s: waits for the next", node >= m->nservices ? "door" : "service",
                  node_name(s, node), held ? "postponed the case" : "was not held");
            if (waitlist_push(&s->meeting_list[node], slot, ps->token) < 0)
                rc = ss_fail(d, "out of memory for waiting lists");  /* the loop ends; cur goes back */
            continue;
        }
        if (door) {
            if (s->measuring && p->counted) {
                s->y.meeting_decided++;
                if (p->meetings_passed == 0) s->y.first_meeting++;
                ss_mean_add(&s->y.meeting_wait, s->k.now - p->door_since);
            }
            trace(s, p, "the meeting at door %s decides after %.0f days", node_name(s, node), s->k.now - p->door_since);
            p->state = SS_P_ARRIVING;
            ps->token++;
            rc = route_from_door(s, slot, d);
        } else {
            trace(s, p, "the decision meeting at service %s takes up the referral", node_name(s, node));
            set_queue(s, node, -1);
            ps->token++;
            rc = decide_referral(s, slot, node, d);
        }
    }
    cur.n = 0;
    s->meeting_spare[node] = cur;
    return rc;
}

/* ---- age boundaries ---------------------------------------------------------------------- */

static int on_age(ss_sim *s, const ss_event *e, ss_diag *d)
{
    pslot *ps = &s->pool[e->a];
    ss_person *p = &ps->p;
    if (p->gen != e->b || p->state == SS_P_FREE) return 0;
    const ss_model *m = s->m;
    int age = (int)m->age_boundaries[p->next_boundary];
    p->next_boundary++;
    if (p->state != SS_P_QUEUED && p->state != SS_P_IN_CARE)  /* between services: decided where they go */
        return schedule_age(s, e->a, d);
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
        return schedule_age(s, e->a, d);
    }
    leave_service(s, e->a);
    int rc;
    if (target == SS_T_DISCHARGE) {
        trace(s, p, "turns %d at %s: the service ends", age, svc->id);
        if (s->measuring) s->y.lost_age++;
        rc = leave_system(s, e->a, "discharged at an age boundary", false);
    } else {
        trace(s, p, "turns %d at %s: moves to %s", age, svc->id, m->services[target].id);
        rc = schedule_age(s, e->a, d);
        if (rc == 0) rc = handoff(s, e->a, sv, target, d);
    }
    return rc < 0 ? -1 : try_admit(s, sv, d);
}

/* ---- deterioration ----------------------------------------------------------------------- */

static int on_worsen(ss_sim *s, const ss_event *e, ss_diag *d)
{
    pslot *ps = &s->pool[e->a];
    ss_person *p = &ps->p;
    if (ps->token != e->b || p->state != SS_P_QUEUED) return 0;
    take_move(ps);
    int sv = p->service;
    const ss_service *svc = &s->m->services[sv];
    if (p->severity < SS_MAX_SEVERITY) p->severity++;
    if (s->measuring) s->svc[sv].deteriorated++;
    if (p->severity > svc->max_severity && svc->escalate_to >= 0) {
        trace(s, p, "worsens while waiting at %s (severity %d): referred to %s", svc->id, p->severity,
              s->m->services[svc->escalate_to].id);
        if (s->measuring) s->svc[sv].escalated++;
        leave_service(s, e->a);
        if (handoff(s, e->a, sv, svc->escalate_to, d) < 0) return -1;
        return try_admit(s, sv, d);
    }
    trace(s, p, "worsens while waiting at %s (severity %d)", svc->id, p->severity);
    if (svc->priority_queue && enqueue(s, e->a, sv, d) < 0) return -1;  /* new priority; old entry goes stale */
    return schedule_worsening(s, e->a, sv, d);
}

/* ---- coordination ------------------------------------------------------------------------ */

/* Long-term and complex needs entitle a person to an individual plan and a coordinator; the
 * services must report it to the coordinating unit (which they do with probability notified). */
static int entitle(ss_sim *s, int slot, ss_diag *d)
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
    return t <= s->m->horizon ? schedule(s, t, EV_OFFER, slot, p->gen, d) : 0;
}

/* Coordinators come from the sectors in coordination.sectors (Lørenskog 2021: all from the
 * health sector), so a person waits until a service of those sectors knows them; others in the
 * queue go first meanwhile. */
static bool known_to_coordinators(const ss_sim *s, const ss_person *p)
{
    return (p->visited & s->m->coord.from_sectors) != 0;
}

/* A waiting person becomes a candidate once a coordinating sector knows them; candidates are
 * served in the order they accepted the plan (prio = their offer number).  Only candidates are
 * in the queue, so a call costs O(log n) per assignment, not a scan of everyone waiting. */
static int add_coordinator_candidate(ss_sim *s, int slot)
{
    pslot *ps = &s->pool[slot];
    assert(ps->p.coord == SS_C_WAITING && known_to_coordinators(s, &ps->p));
    return qpush(&s->coord_queue, (double)ps->coord_offer, slot, ps->p.gen);
}

static int try_assign_coordinators(ss_sim *s)
{
    pqueue *q = &s->coord_queue;
    while (q->n > 0 && s->coord_assigned < s->m->coord.pool) {
        qentry h = q->q[0];
        qpop(q);
        pslot *ps = &s->pool[h.person];
        ss_person *p = &ps->p;
        if (p->gen != h.token || p->coord != SS_C_WAITING || (double)ps->coord_offer != h.prio)
            continue;  /* left, or assigned meanwhile */
        p->coord = SS_C_ASSIGNED;
        p->coord_since = s->k.now;
        set_coordinators(s, +1);
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

static int on_offer(ss_sim *s, const ss_event *e, ss_diag *d)
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
    if (known_to_coordinators(s, p) && add_coordinator_candidate(s, e->a) < 0)
        return ss_fail(d, "out of memory for waiting lists");
    return try_assign_coordinators(s);
}

/* ---- calendar events --------------------------------------------------------------------- */

static void set_capacity(ss_sim *s)
{
    double f = ss_calendar_capacity(&s->m->cal, s->k.now);
    for (int i = 0; i < s->m->nservices; i++) {
        const ss_service *svc = &s->m->services[i];
        svc_state *st = &s->svc[i];
        st->cap_now = svc->cap_kind == SS_CAP_SLOTS ? floor(svc->capacity * f + 1e-9) : svc->capacity * f;
        if (svc->cap_kind != SS_CAP_UNLIMITED)
            ss_timeavg_set(&st->cap_ta, s->k.now, st->cap_now);
    }
}

/* Zero every statistic and start the time averages at now (the end of warm-up). */
static void start_measuring(ss_sim *s)
{
    double t = s->k.now;
    s->measuring = true;
    for (int i = 0; i < s->m->nservices; i++) {
        svc_state *st = &s->svc[i];
        ss_samples waits = st->waits;
        ss_timeavg_start(&st->queue_ta, t, s->queue_len[i]);
        ss_timeavg_start(&st->caseload_ta, t, s->caseload[i]);
        ss_timeavg_start(&st->used_ta, t, st->used);
        ss_timeavg_start(&st->cap_ta, t, st->cap_now);
        st->arrivals = st->accepted = st->rejected = st->redirected = st->admitted = st->completed = 0;
        st->over_target = st->bounces = st->reassessments = st->lost = st->decisions = 0;
        st->within_limit = st->deteriorated = st->escalated = 0;
        ss_mean_reset(&st->wait);
        ss_samples_clear(&waits);
        st->waits = waits;
    }
    ss_samples tis = s->y.tis_samples;
    ss_samples_clear(&tis);
    s->y = (sys_stats){.tis_samples = tis};
    ss_mean_reset(&s->y.tis);
    ss_mean_reset(&s->y.visited);
    ss_mean_reset(&s->y.handoffs_pp);
    ss_mean_reset(&s->y.bounces);
    ss_mean_reset(&s->y.reassessments);
    ss_mean_reset(&s->y.first_help);
    ss_mean_reset(&s->y.right_help);
    ss_mean_reset(&s->y.meeting_wait);
    ss_mean_reset(&s->y.to_coordinator);
    ss_timeavg_start(&s->y.coord_ta, t, s->coord_assigned);
    int n1 = s->m->nservices + 1;
    memset(s->out->flows, 0, sizeof(double) * n1 * n1);
    memset(s->out->wait_hist, 0, sizeof(double) * s->m->nservices * SS_WAIT_BINS);
}

static void on_sample(ss_sim *s)
{
    ss_rep_result *o = s->out;
    int i = s->sample_i++;
    if (i >= o->nsamples) return;
    o->series_day[i] = s->k.now;
    for (int sv = 0; sv < s->m->nservices; sv++) {
        o->series_queue[(long)sv * o->nsamples + i] = s->queue_len[sv];
        o->series_caseload[(long)sv * o->nsamples + i] = s->caseload[sv];
    }
}

/* ---- the replication --------------------------------------------------------------------- */

/* Every stream back to the start of its key for this replication. */
static void reseed_streams(ss_sim *s, uint64_t seed, int rep)
{
    const ss_model *m = s->m;
    for (int i = 0; i < m->nservices; i++) {
        ss_rng_reseed(s->rng_next[i], seed, rep, SS_RNG_ROUTING, 1000 + i);
        ss_rng_reseed(s->rng_handoff[i], seed, rep, SS_RNG_ROUTING, 2000 + i);
        ss_rng_reseed(s->rng_service[i], seed, rep, SS_RNG_SERVICE, i);
        ss_rng_reseed(s->rng_worsen[i], seed, rep, SS_RNG_SERVICE, 1000 + i);
        ss_rng_reseed(s->rng_relapse[i], seed, rep, SS_RNG_SERVICE, 2000 + i);
    }
    for (int k = 0; k < m->ndemand; k++) {
        ss_rng_reseed(s->rng_arrivals[k], seed, rep, SS_RNG_ARRIVALS, k);
        ss_rng_reseed(s->rng_persons[k], seed, rep, SS_RNG_PERSONS, k);
        ss_rng_reseed(s->rng_doors[k], seed, rep, SS_RNG_DOORS, k);
    }
    for (int i = 0; i < m->ndoors; i++) ss_rng_reseed(s->rng_route[i], seed, rep, SS_RNG_ROUTING, i);
    for (int i = 0; i < nodes(m); i++) ss_rng_reseed(s->rng_meeting[i], seed, rep, SS_RNG_ROUTING, 3000 + i);
    ss_rng_reseed(s->rng_rules, seed, rep, SS_RNG_RULES, 0);
    ss_rng_reseed(s->rng_coord, seed, rep, SS_RNG_ROUTING, 4000);
}

static void reset(ss_sim *s, uint64_t seed, int rep)
{
    const ss_model *m = s->m;
    ss_kernel_reset(&s->k);
    reseed_streams(s, seed, rep);
    for (int i = 0; i < s->pool_n; i++) {  /* keep generations growing: stale events stay stale */
        s->pool[i].p.gen++;
        s->pool[i].token++;
        s->pool[i].pending = false;
        s->pool[i].p.state = SS_P_FREE;
    }
    s->nfree = 0;
    s->away = 0;
    for (int i = s->pool_n - 1; i >= 0; i--) s->free_slots[s->nfree++] = i;
    s->next_id = 0;
    for (int i = 0; i < m->nservices; i++) {
        svc_state *st = &s->svc[i];
        st->queue.n = 0;
        st->queue.seq = 0;
        st->used = 0;
        st->retry_pending = false;
        s->queue_len[i] = s->caseload[i] = 0;
        /* the clock went back to 0 */
        ss_timeavg_start(&st->queue_ta, 0, 0);
        ss_timeavg_start(&st->caseload_ta, 0, 0);
        ss_timeavg_start(&st->used_ta, 0, 0);
        ss_timeavg_start(&st->cap_ta, 0, 0);
    }
    for (int k = 0; k < m->ndemand; k++) {
        s->rate_max[k] = demand_rate_max(s, k);
        const ss_demand *dm = &m->demand[k];
        s->rate_constant[k] = !dm->seasonal && (dm->cohort < 0 || m->cohorts[dm->cohort].growth == 0);
    }
    for (int i = 0; i < nodes(m); i++) {
        s->meeting_list[i].n = 0;
        s->meeting_k[i] = 0;
    }
    s->coord_queue.n = 0;
    s->coord_queue.seq = 0;
    s->coord_offers = 0;
    s->coord_assigned = 0;
    ss_timeavg_start(&s->y.coord_ta, 0, 0);
    s->world = (ss_world){.m = m, .queue_len = s->queue_len, .caseload = s->caseload, .rep = rep};
    s->sample_i = 0;
    s->out_of_memory = false;
    s->working_day = -1;
    set_capacity(s);
    start_measuring(s);          /* zero everything */
    s->measuring = m->warmup <= 0;
}

static int dispatch(ss_sim *s, const ss_event *e, ss_diag *d)
{
    switch (e->type) {
    case EV_ARRIVAL: return on_arrival(s, e, d);
    case EV_END: return on_end(s, e, d);
    case EV_RETRY:
        s->svc[e->a].retry_pending = false;
        return try_admit(s, e->a, d);
    case EV_AGE: return on_age(s, e, d);
    case EV_ARRIVE: return on_arrive(s, e, d);
    case EV_MEETING: return on_meeting(s, e, d);
    case EV_WORSEN: return on_worsen(s, e, d);
    case EV_RELAPSE: return on_relapse(s, e, d);
    case EV_OFFER: return on_offer(s, e, d);
    case EV_SAMPLE:
        on_sample(s);
        if (s->sample_i < s->out->nsamples)
            return schedule(s, s->sample_i * s->m->sample_days, EV_SAMPLE, 0, 0, d);
        return 0;
    case EV_WARMUP:
        start_measuring(s);
        return 0;
    case EV_CAPACITY:
        set_capacity(s);
        for (int i = 0; i < s->m->nservices; i++)
            if (try_admit(s, i, d) < 0) return -1;
        {
            double next = ss_calendar_next_capacity_change(&s->m->cal, s->k.now);
            return isfinite(next) && next <= s->m->horizon ? schedule(s, next, EV_CAPACITY, 0, 0, d) : 0;
        }
    }
    assert(!"unknown event type");
    return 0;
}

static double share(uint64_t part, uint64_t whole) { return whole ? (double)part / whole : NAN; }

static void finish_services(ss_sim *s, ss_rep_result *o)
{
    const ss_model *m = s->m;
    double T = m->horizon;
    for (int i = 0; i < m->nservices; i++) {
        svc_state *st = &s->svc[i];
        const ss_service *svc = &m->services[i];
        double *v = ss_rep_service(o, i);
        v[SS_SM_ARRIVALS] = st->arrivals;
        v[SS_SM_ACCEPTED] = st->accepted;
        v[SS_SM_REJECTED] = st->rejected;
        v[SS_SM_REDIRECTED] = st->redirected;
        v[SS_SM_ADMITTED] = st->admitted;
        v[SS_SM_COMPLETED] = st->completed;
        bool any = st->wait.n > 0;
        v[SS_SM_WAIT_MEAN] = ss_mean_value(&st->wait);
        v[SS_SM_WAIT_MEDIAN] = any ? ss_samples_quantile(&st->waits, 0.5) : NAN;
        v[SS_SM_WAIT_P90] = any ? ss_samples_quantile(&st->waits, 0.9) : NAN;
        v[SS_SM_WAIT_MAX] = any ? st->wait.max : NAN;
        v[SS_SM_OVER_TARGET_SHARE] = isfinite(svc->target_wait) ? share(st->over_target, st->wait.n) : NAN;
        v[SS_SM_QUEUE_MEAN] = ss_timeavg_mean(&st->queue_ta, T);
        v[SS_SM_QUEUE_END] = s->queue_len[i];
        v[SS_SM_CASELOAD_MEAN] = ss_timeavg_mean(&st->caseload_ta, T);
        v[SS_SM_CASELOAD_PER_FTE] = svc->fte > 0 ? v[SS_SM_CASELOAD_MEAN] / svc->fte : NAN;
        double cap = ss_timeavg_mean(&st->cap_ta, T);
        v[SS_SM_UTILISATION] = svc->cap_kind != SS_CAP_UNLIMITED && cap > 0 ? ss_timeavg_mean(&st->used_ta, T) / cap : NAN;
        v[SS_SM_BOUNCES] = st->bounces;
        v[SS_SM_REASSESSMENTS] = st->reassessments;
        v[SS_SM_LOST] = st->lost;
        v[SS_SM_DECISIONS_WITHIN_LIMIT_SHARE] = isfinite(svc->decision_limit) ? share(st->within_limit, st->decisions) : NAN;
        v[SS_SM_INTERIM_LETTERS] = isfinite(svc->decision_limit) ? (double)(st->decisions - st->within_limit) : NAN;
        v[SS_SM_DETERIORATED] = isfinite(svc->deteriorate_mean) ? (double)st->deteriorated : NAN;
        v[SS_SM_ESCALATED] = isfinite(svc->deteriorate_mean) ? (double)st->escalated : NAN;
    }
}

static void finish_system(ss_sim *s, ss_rep_result *o)
{
    const ss_model *m = s->m;
    sys_stats *y = &s->y;
    double *v = o->system;
    for (int i = 0; i < s->pool_n; i++)  /* coordinators still at work at the end */
        if (s->pool[i].p.state != SS_P_FREE && s->pool[i].p.coord == SS_C_ASSIGNED)
            add_rg_hours(s, &s->pool[i].p, s->pool[i].p.coord_since);
    bool meetings = false;
    for (int i = 0; i < m->ndoors; i++) meetings = meetings || m->doors[i].meeting.on;
    v[SS_YM_PERSONS] = y->persons;
    v[SS_YM_EXITED] = y->exited;
    v[SS_YM_TIME_IN_SYSTEM_MEAN] = ss_mean_value(&y->tis);
    v[SS_YM_TIME_IN_SYSTEM_P90] = y->tis.n ? ss_samples_quantile(&y->tis_samples, 0.9) : NAN;
    v[SS_YM_SERVICES_VISITED_MEAN] = ss_mean_value(&y->visited);
    v[SS_YM_HANDOFFS_MEAN] = ss_mean_value(&y->handoffs_pp);
    v[SS_YM_REJECTIONS] = y->rejections;
    v[SS_YM_IN_SYSTEM_END] = s->pool_n - s->nfree - s->away;
    v[SS_YM_FIRST_HELP_MEAN] = ss_mean_value(&y->first_help);
    v[SS_YM_RIGHT_HELP_MEAN] = ss_mean_value(&y->right_help);
    v[SS_YM_BOUNCES_MEAN] = ss_mean_value(&y->bounces);
    v[SS_YM_REASSESSMENTS_MEAN] = ss_mean_value(&y->reassessments);
    v[SS_YM_LOST_AT_TRANSITION] = y->lost_transition;
    v[SS_YM_LOST_AT_AGE_BOUNDARY] = m->nage_boundaries ? (double)y->lost_age : NAN;
    bool org = m->nunits > 0;  /* distances mean nothing without an organisation */
    v[SS_YM_HANDOFFS_SAME_UNIT] = org ? (double)y->handoffs[SS_SAME_UNIT] : NAN;
    v[SS_YM_HANDOFFS_SAME_SECTOR] = org ? (double)y->handoffs[SS_SAME_SECTOR] : NAN;
    v[SS_YM_HANDOFFS_ACROSS_SECTORS] = org ? (double)y->handoffs[SS_ACROSS_SECTORS] : NAN;
    v[SS_YM_HANDOFFS_OUTSIDE] = org ? (double)y->handoffs[SS_OUTSIDE] : NAN;
    v[SS_YM_MEETING_WAIT_MEAN] = meetings ? ss_mean_value(&y->meeting_wait) : NAN;
    v[SS_YM_FIRST_MEETING_SHARE] = meetings ? share(y->first_meeting, y->meeting_decided) : NAN;
    bool coord = m->coord.on;
    v[SS_YM_ENTITLED] = coord ? (double)y->entitled : NAN;
    v[SS_YM_PLAN_OFFERED_SHARE] = coord ? share(y->offered, y->entitled) : NAN;
    v[SS_YM_COORDINATOR_SHARE] = coord ? share(y->coordinated, y->entitled) : NAN;
    v[SS_YM_TIME_TO_COORDINATOR_MEAN] = coord ? ss_mean_value(&y->to_coordinator) : NAN;
    v[SS_YM_COORDINATOR_LOAD_MEAN] = coord && m->coord.coordinators > 0
                                         ? ss_timeavg_mean(&y->coord_ta, m->horizon) / m->coord.coordinators : NAN;
    v[SS_YM_RESPONSIBILITY_GROUP_HOURS] = coord && m->coord.rg_every > 0 ? y->rg_hours : NAN;
    v[SS_YM_RELAPSES] = y->relapses;
    bool children = coord && isfinite(m->coord.child_from);
    v[SS_YM_CHILD_COORDINATOR_SHARE] = children ? share(y->children_coordinated, y->children_entitled) : NAN;
}

/* The first events: an arrival per demand stream, the samples, the end of warm-up, the summer's
 * capacity change and every node's first meeting. */
static int schedule_start(ss_sim *s, ss_diag *d)
{
    const ss_model *m = s->m;
    int rc = 0;
    for (int k = 0; rc == 0 && k < m->ndemand; k++) rc = schedule_arrival(s, k, 0, d);
    if (rc == 0) rc = schedule(s, 0, EV_SAMPLE, 0, 0, d);  /* each sample schedules the next: a small heap */
    if (rc == 0 && m->warmup > 0) rc = schedule(s, m->warmup, EV_WARMUP, 0, 0, d);
    if (rc == 0 && m->cal.has_summer) {
        double next = ss_calendar_next_capacity_change(&m->cal, 0);
        if (isfinite(next) && next <= m->horizon) rc = schedule(s, next, EV_CAPACITY, 0, 0, d);
    }
    for (int node = 0; rc == 0 && node < nodes(m); node++) {
        if (!meeting_of(m, node)->on) continue;
        double t = meeting_time(s, node, 0);
        if (t <= m->horizon) rc = schedule(s, t, EV_MEETING, node, 0, d);
    }
    return rc;
}

int ss_sim_run(ss_sim *s, uint64_t seed, int rep, ss_rep_result *out, ss_diag *d)
{
    assert(s && out && d && rep >= 0);
    const ss_model *m = s->m;
    int nsamples = (int)floor(m->horizon / m->sample_days + 1e-9) + 1;
    if (ss_rep_result_init(out, rep, m->nservices, nsamples) < 0) return ss_fail(d, "out of memory for results");
    s->out = out;
    reset(s, seed, rep);
    int rc = s->rules ? ss_rules_reset(s->rules, d) : 0;  /* rule modules start each replication afresh */
    if (rc == 0) rc = schedule_start(s, d);
    ss_event e;
    while (rc == 0 && ss_kernel_peek(&s->k) <= m->horizon && ss_kernel_next(&s->k, &e)) {
        rc = dispatch(s, &e, d);
        if (rc == 0 && (s->k.processed & 4095) == 0 && s->interrupt && *s->interrupt)
            rc = ss_fail(d, "interrupted");
    }
    if (rc == 0 && s->out_of_memory) rc = ss_fail(d, "out of memory for the quantiles of waits");
    if (rc < 0) {
        ss_rep_result_free(out);
        return -1;
    }
    s->k.now = m->horizon;
    finish_services(s, out);
    finish_system(s, out);
    out->events = s->k.processed;
    out->persons_created = s->next_id;
    return 0;
}


