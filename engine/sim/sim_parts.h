/* sim_parts: the pieces of one replication (sim.c and its sim_*.c files), sharing one state.
 *
 *   sim.c            set-up, reset, the event dispatch and the replication loop
 *   sim_persons.c    persons: tracing, arrivals (demand streams), age boundaries, relapses, leaving
 *   sim_queues.c     queues and waiting lists, capacity, admission, deterioration while waiting
 *   sim_referrals.c  referrals: doors and routing, hand-offs, bounces, decisions, meetings, episodes
 *   sim_coord.c      entitlement to an individual plan, offers, coordinators
 *   sim_finish.c     a finished replication checked (sim_check_books) and summarised into its results
 *
 * Internal to sim/: the public face is sim.h.  Internal names start with sim_. */
#ifndef SS_SIM_PARTS_H
#define SS_SIM_PARTS_H

#include <assert.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "hot_assert.h"
#include "kernel.h"
#include "person.h"
#include "rng.h"
#include "results.h"
#include "rules.h"
#include "sim.h"
#include "stats.h"

enum { EV_ARRIVAL, EV_END, EV_RETRY, EV_AGE, EV_SAMPLE, EV_WARMUP, EV_CAPACITY, EV_ARRIVE,
       EV_MEETING, EV_WORSEN, EV_RELAPSE, EV_OFFER, EV_START };

typedef struct qentry {
    double prio;
    uint64_t seq;
    int32_t person;
    uint32_t token;
} qentry;

/* A priority queue of persons: (prio, seq) order, so equal priorities are first come first
 * served.  Used by every service's queue and by the coordinators' queue.  A queue whose entries
 * all have one priority (a service without priority_queue) is first come first served: `fifo`
 * keeps it as a ring from q[head] instead of a heap, the same order without the sifting. */
typedef struct pqueue {
    qentry *q;
    int n, cap;
    int head;      /* the first entry while fifo (0 for a heap) */
    bool fifo;
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
    uint64_t joined;                     /* queue stays begun (accepted, or waiting for a meeting) */
    uint64_t left_at_meeting, left_at_age;  /* left the queue without first contact, and why */
    ss_mean_max wait;        /* of those who got first contact */
    ss_mean_max queue_time;  /* of everyone who left the queue, helped or not */
    ss_samples waits;
    ss_timeavg queue_ta, caseload_ta, cap_ta;
    ss_timeavg within_ta;  /* capacity in use up to the capacity in force */
    ss_timeavg over_ta;    /* capacity in use above it (cases open when a cut came) */
} svc_state;

/* A person plus the bookkeeping the kernel needs.  The token first: an event checks it, then
 * reads the person's state and service, all in the slot's first cache line. */
typedef struct pslot {
    uint32_t token;          /* bumped at every move: queue entries and events carry it */
    uint32_t pending_token;  /* the token of their pending move (end, arrival, worsening, relapse) */
    bool pending;            /* such an event is pending: a person has at most one */
    ss_person p;
    uint64_t coord_offer;    /* the order of their accepted plan, while waiting for a coordinator */
} pslot;

typedef struct sys_stats {
    uint64_t persons, exited, rejections, lost_transition, lost_age, relapses;
    uint64_t in_system_start;  /* persons in the system when measuring began */
    uint64_t handoffs[SS_DISTANCES];
    uint64_t meeting_decided, first_meeting, entitled, offered, coordinated;
    uint64_t children_entitled, children_coordinated;
    uint64_t planned, coordinated_without_plan;  /* accepted a plan; coordinated without one */
    uint64_t not_due;  /* entitled, but left before the offer fell due, or it falls due after the end */
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

static inline int sim_nodes(const ss_model *m) { return m->nservices + m->ndoors; }

/* A person's record into the cache ahead of its use (a hint: nothing is read or changed).  In
 * a large population a record was last touched long ago, and an event that begins by reading it
 * waits for memory: that wait, not the instructions, made the cost of an event grow with the
 * population.  Always inline: GCC 12 takes a function that only prefetches for one without
 * effects, and drops the call before it would inline it. */
__attribute__((always_inline)) static inline void sim_prefetch_person(const ss_sim *s, int slot)
{
    const char *ps = (const char *)&s->pool[slot];
    for (size_t off = 0; off < sizeof(pslot); off += 64) __builtin_prefetch(ps + off);
    __builtin_prefetch(ps + sizeof(pslot) - 1);
}

/* The person at the head of service sv's queue, whom the next admission there reads (the entry
 * itself is at hand: next to the one just taken). */
__attribute__((always_inline)) static inline void sim_prefetch_queue_head(const ss_sim *s, int sv)
{
    const pqueue *pq = &s->svc[sv].queue;
    if (s->pool_n > 256 && pq->n > 0) sim_prefetch_person(s, pq->q[pq->head].person);  /* as prefetch_next */
}

/* ---- sim.c: events -------------------------------------------------------------------- */

/* Inline, as the functions below: every event calls them. */
static inline int sim_schedule(ss_sim *s, double t, int type, int a, uint32_t b, ss_diag *d)
{
    if (ss_kernel_schedule(&s->k, t, type, a, b) < 0) return ss_fail(d, "out of memory for events");
    return 0;
}

/* A person's next move (episode end, arrival after a hand-off, worsening, relapse), carrying
 * their token.  Every move bumps the token, so a person has at most one pending move that is
 * still valid: scheduling a second one with the same token is a bug in the handlers.  Always
 * inline: with the kernel's inline schedule in it the compiler would make it a call (12
 * instructions of every admission, model A). */
__attribute__((always_inline)) static inline int sim_schedule_move(ss_sim *s, double t, int type, int slot, ss_diag *d)
{
    pslot *ps = &s->pool[slot];
    ss_hot_assert(ps->p.state != SS_P_FREE);
    ss_hot_assert(!(ps->pending && ps->pending_token == ps->token) && "a person has two pending moves");
    ps->pending = true;
    ps->pending_token = ps->token;
    return sim_schedule(s, t, type, slot, ps->token, d);
}

/* The handler of a person's move takes it: it is no longer pending. */
static inline void sim_take_move(pslot *ps)
{
    ss_hot_assert(ps->pending && ps->pending_token == ps->token);
    ps->pending = false;
}

/* ---- sim_persons.c -------------------------------------------------------------------- */

void sim_trace_line(ss_sim *s, const ss_person *p, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static inline bool sim_tracing(const ss_sim *s, const ss_person *p) { return s->trace && p->id == s->trace_id; }
/* A line of the person's trace; the test is inline so that a run without tracing evaluates no
 * arguments and makes no call. */
#define trace(s, p, ...) do { if (sim_tracing((s), (p))) sim_trace_line((s), (p), __VA_ARGS__); } while (0)
/* "rule rules/x.lua:12" for a Lua rule, "data" for a table in the scenario */
const char *sim_rule_origin(const ss_sim *s, const ss_rule *r, char *buf, size_t n);
/* A service's or door's id; "outside" for -1. */
const char *sim_node_name(const ss_sim *s, int node);
int sim_services_visited(const ss_person *p);
/* Who goes where: counted from the end of warm-up, "outside" is index nservices. */
static inline void sim_count_flow(ss_sim *s, int from, int to)
{
    int out = s->m->nservices;
    if (s->measuring) (*ss_rep_flow(s->out, from < 0 ? out : from, to < 0 ? out : to))++;
}
/* The person leaves the services; the slot is released unless they will come back (relapse). */
int sim_leave_system(ss_sim *s, int slot, const char *why, bool coming_back);
/* The upper bound of demand stream k's rate, for thinning. */
double sim_demand_rate_max(const ss_sim *s, int k);
int sim_schedule_arrival(ss_sim *s, int k, double t, ss_diag *d);
int sim_schedule_next_age(ss_sim *s, int slot, ss_diag *d);
/* The person's next age boundary (none in a model without them: the test inline). */
static inline int sim_schedule_age(ss_sim *s, int slot, ss_diag *d)
{
    return s->m->nage_boundaries > 0 ? sim_schedule_next_age(s, slot, d) : 0;
}
int sim_on_arrival(ss_sim *s, const ss_event *e, ss_diag *d);
int sim_on_relapse(ss_sim *s, const ss_event *e, ss_diag *d);

/* ---- sim_queues.c --------------------------------------------------------------------- */

/* Append (slot, token); 0 ok, -1 out of memory (the list is unchanged). */
int sim_waitlist_push(waitlist *w, int32_t slot, uint32_t token);
void sim_waitlist_free(waitlist *w);
/* 0 ok, -1 out of memory (the queue is unchanged). */
int sim_qpush(pqueue *pq, double prio, int32_t person, uint32_t token);
void sim_qpop(pqueue *pq);
/* The first entry (the queue not empty). */
static inline qentry *sim_qtop(pqueue *pq) { return &pq->q[pq->head]; }
/* Empty, first come first served or by priority. */
static inline void sim_qreset(pqueue *pq, bool fifo)
{
    pq->n = pq->head = 0;
    pq->seq = 0;
    pq->fifo = fifo;
}
static inline void sim_set_queue(ss_sim *s, int sv, int delta)
{
    s->queue_len[sv] += delta;
    ss_hot_assert(s->queue_len[sv] >= 0 && "a queue length went negative");
    ss_timeavg_set(&s->svc[sv].queue_ta, s->k.now, s->queue_len[sv]);
}

/* After a change of capacity in use or in force: the time averages of use within it and above.
 * Capacity in use split at the capacity in force: what fits (utilisation, never above 100 %) and
 * what the service carries above it — cases already open when a summer cut came, or a case
 * needing more hours than the whole service has.  Both are never NaN and never -0, so the
 * comparisons give what fmin and fmax give, without their library calls. */
static inline void sim_track_use(ss_sim *s, int sv)
{
    svc_state *st = &s->svc[sv];
    double over = st->used - st->cap_now;
    ss_timeavg_set(&st->within_ta, s->k.now, st->used < st->cap_now ? st->used : st->cap_now);
    /* Use above capacity is mostly none, and none before and after adds exactly 0 to the area
     * whenever it is added: the update is skipped, the average the same to the last bit. */
    if (over > 0 || st->over_ta.value != 0) ss_timeavg_set(&st->over_ta, s->k.now, over > 0 ? over : 0);
}
/* Why a person left a service's queue. */
typedef enum sim_left { SIM_LEFT_HELPED, SIM_LEFT_ESCALATED, SIM_LEFT_AGE, SIM_LEFT_MEETING } sim_left;
/* A person joins sv's queue: one queue stay begins (counted, from the end of warm-up). */
static inline void sim_join_queue(ss_sim *s, int sv)
{
    sim_set_queue(s, sv, +1);
    if (s->measuring) s->svc[sv].joined++;
}
/* A person leaves sv's queue (the caller changes the queue length): the time since their referral
 * reached the service counts as their time in the queue, and why they left. */
void sim_left_queue(ss_sim *s, int sv, const ss_person *p, sim_left why);
/* Admit from the head of the queue while capacity allows, on working days only. */
int sim_admit_queued(ss_sim *s, int sv, ss_diag *d);
/* The same, the test for an empty queue inline: every episode's end and every acceptance ask,
 * and the queue is often empty. */
static inline int sim_try_admit(ss_sim *s, int sv, ss_diag *d)
{
    return s->queue_len[sv] > 0 ? sim_admit_queued(s, sv, d) : 0;
}
/* Take the person out of where they are at their service (queue or care); returns the service. */
int sim_leave_service(ss_sim *s, int slot);
int sim_enqueue(ss_sim *s, int slot, int sv, ss_diag *d);
int sim_schedule_worsening_draw(ss_sim *s, int slot, int sv, ss_diag *d);
/* Waiting untreated, severity may rise after an exponential time (deterioration); a service
 * without deterioration draws nothing (the test inline). */
static inline int sim_schedule_worsening(ss_sim *s, int slot, int sv, ss_diag *d)
{
    return isfinite(s->m->services[sv].deteriorate_mean) ? sim_schedule_worsening_draw(s, slot, sv, d) : 0;
}
int sim_on_worsen(ss_sim *s, const ss_event *e, ss_diag *d);
/* Waiting for a start outside the model (external_wait): the start is the person's next move. */
int sim_wait_outside(ss_sim *s, int slot, int sv, ss_diag *d);
int sim_on_start(ss_sim *s, const ss_event *e, ss_diag *d);

/* ---- sim_referrals.c ------------------------------------------------------------------ */

/* A data rule's choice; a choice of one target draws nothing (it cannot change the result). */
static inline int sim_pick(const ss_choice *c, gsl_rng *r)
{
    ss_hot_assert(c->n >= 1);
    return c->n == 1 ? c->target[0] : ss_choice_pick(c, ss_rng_uniform(r));
}
/* A door routes the concern to its first service. */
int sim_route_from_door(ss_sim *s, int slot, ss_diag *d);
/* A referral from a node (service, or nservices + door; -1 = straight in) to service sv. */
int sim_handoff(ss_sim *s, int slot, int from_node, int sv, ss_diag *d);
int sim_on_arrive(ss_sim *s, const ss_event *e, ss_diag *d);
int sim_on_end(ss_sim *s, const ss_event *e, ss_diag *d);
const ss_meeting *sim_meeting_of(const ss_model *m, int node);
/* The k-th meeting of a node. */
double sim_meeting_time(const ss_sim *s, int node, int k);
int sim_on_meeting(ss_sim *s, const ss_event *e, ss_diag *d);
int sim_on_age(ss_sim *s, const ss_event *e, ss_diag *d);

/* ---- sim_coord.c ---------------------------------------------------------------------- */

/* Responsibility-group hours of a coordinated person from `since` to now. */
void sim_add_rg_hours(ss_sim *s, const ss_person *p, double since);
void sim_set_coordinators(ss_sim *s, int delta);
int sim_entitle_owed(ss_sim *s, int slot, ss_diag *d);
/* Entitlement, where coordination is modelled and the person has no duty owed yet (the test
 * inline: most persons of most models have none). */
static inline int sim_entitle(ss_sim *s, int slot, ss_diag *d)
{
    return s->m->coord.on && s->pool[slot].p.coord == SS_C_NONE ? sim_entitle_owed(s, slot, d) : 0;
}
/* The person leaves before their offer fell due: the duty lapsed with the need.  Reported or not, a person who leaves the services before the offer fell due no longer needs
 * long-term coordinated services: the shares of the duties count only those whose offer fell
 * due while they were in the services and before the end of the run. */
static inline void sim_coord_leave(ss_sim *s, const ss_person *p)
{
    if ((p->coord == SS_C_REPORTED || p->coord == SS_C_UNREPORTED) && p->coord_counted &&
        s->k.now < p->offer_due && p->offer_due <= s->m->horizon)
        s->y.not_due++;
}
/* Coordinators come from the sectors in coordination.sectors (Lørenskog 2021: all from the
 * health sector), so a person waits until a service of those sectors knows them; others in the
 * queue go first meanwhile.  When the coordinating unit is of such a sector, its own
 * coordinators take whoever is reported to it, known or not ("ofte de to ansatte i koordinerende
 * enhet ... ansatte som ofte ikke kjenner barnet", seed-000 L585); only reported persons wait. */
static inline bool sim_known_to_coordinators(const ss_sim *s, const ss_person *p)
{
    return s->m->coord.unit_coordinates || (p->visited & s->m->coord.from_sectors) != 0;
}
int sim_add_coordinator_candidate(ss_sim *s, int slot);
int sim_try_assign_coordinators(ss_sim *s);
int sim_on_offer(ss_sim *s, const ss_event *e, ss_diag *d);

/* ---- sim_finish.c --------------------------------------------------------------------- */

/* Asserts that the handlers' counters match the persons' states (a pass over the persons; no
 * work under NDEBUG). */
void sim_check_books(const ss_sim *s);
void sim_finish_services(ss_sim *s, ss_rep_result *o);
void sim_finish_system(ss_sim *s, ss_rep_result *o);

#endif
