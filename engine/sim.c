/* sim: the flow of a concern through doors and services, one replication at a time.
 *
 *   arrival --door rule--> door --route rule--> referral --eligibility/accept--> queue
 *   queue --(capacity free on a working day)--> intake + episode --next rule--> referral | exit
 *   age boundary while queued or in care --at_age rule--> continue | discharge | referral
 *
 * Statistics are collected from the end of warm-up.  Random draws come from streams keyed by
 * purpose (rng.h), so changing routing does not change who arrives when. */
#include "sim.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kernel.h"
#include "person.h"
#include "rng.h"
#include "rules.h"
#include "stats.h"

#define MAX_REFERRALS 1000  /* per person: more means the rules send people in a circle */

enum { EV_ARRIVAL, EV_END, EV_RETRY, EV_AGE, EV_SAMPLE, EV_WARMUP, EV_CAPACITY };

typedef struct qentry {
    double prio;
    uint64_t seq;
    int32_t person;
    uint32_t token;
} qentry;

typedef struct svc_state {
    qentry *q;
    int qn, qcap;
    uint64_t qseq;
    double used, cap_now;
    bool retry_pending;
    uint64_t arrivals, accepted, rejected, redirected, admitted, completed, over_target;
    ss_welford wait;
    ss_samples waits;
    ss_timeavg queue_ta, caseload_ta, used_ta, cap_ta;
} svc_state;

typedef struct pslot {  /* a person plus the bookkeeping the kernel needs */
    ss_person p;
    uint32_t token;     /* bumped at every move: queue entries and END events carry it */
} pslot;

struct ss_sim {
    const ss_model *m;
    ss_rules *rules;
    ss_kernel k;
    svc_state *svc;
    int *queue_len, *caseload;
    pslot *pool;
    int pool_n, pool_cap;
    int *free_slots;
    int nfree;
    int64_t next_id;
    int nrng;
    gsl_rng **rng_arrivals, **rng_persons, **rng_doors, **rng_route, **rng_next, **rng_service;
    gsl_rng *rng_rules;
    double *rate_max;
    uint64_t persons, exited, rejections;
    ss_welford tis, visited, handoffs;
    ss_samples tis_samples;
    bool measuring;
    volatile sig_atomic_t *interrupt;
    ss_world world;
    ss_rep_result *out;
    int sample_i;
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
    s->rng_rules = ss_rng_new(0, 0, SS_RNG_RULES, 0);
    s->rate_max = calloc(m->ndemand ? m->ndemand : 1, sizeof(double));
    if (s->rules) ss_rules_set_rng(s->rules, s->rng_rules);
    return s;
}

void ss_sim_free(ss_sim *s)
{
    if (!s) return;
    const ss_model *m = s->m;
    ss_rules_free(s->rules);
    ss_kernel_fini(&s->k);
    for (int i = 0; i < m->nservices; i++) {
        free(s->svc[i].q);
        ss_samples_free(&s->svc[i].waits);
    }
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
    gsl_rng_free(s->rng_rules);
    free(s->rate_max);
    ss_samples_free(&s->tis_samples);
    free(s);
}

void ss_sim_set_interrupt(ss_sim *s, volatile sig_atomic_t *flag)
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
        b += s->svc[i].qcap * sizeof(qentry) + s->svc[i].waits.cap * sizeof(double);
    b += s->tis_samples.cap * sizeof(double);
    if (s->rules) b += ss_rules_memory(s->rules);
    return b;
}

/* ---- tracing ----------------------------------------------------------------------------- */

static void trace(ss_sim *s, const ss_person *p, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void trace(ss_sim *s, const ss_person *p, const char *fmt, ...)
{
    if (!s->trace || p->id != s->trace_id) return;
    char date[11];
    ss_calendar_format(&s->m->cal, s->k.now, date);
    fprintf(s->trace, "%s  day %8.2f  person %lld  ", date, s->k.now, (long long)p->id);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(s->trace, fmt, ap);
    va_end(ap);
    fputc('\n', s->trace);
}

static const char *rule_origin(const ss_sim *s, const ss_rule *r, char *buf, size_t n)
{
    if (r->kind == SS_RULE_LUA) {
        const ss_lua_rule *lr = &s->m->lua_rules[r->slot];
        snprintf(buf, n, "rule %s%s%s", lr->display, lr->field ? ":" : "", lr->field ? lr->field : "");
    } else {
        snprintf(buf, n, "data");
    }
    return buf;
}

/* ---- persons ----------------------------------------------------------------------------- */

static int new_person(ss_sim *s, ss_diag *d)
{
    if (s->nfree > 0) return s->free_slots[--s->nfree];
    if (s->pool_n == s->pool_cap) {
        int cap = s->pool_cap ? s->pool_cap * 2 : 1024;
        pslot *pool = realloc(s->pool, sizeof *pool * cap);
        int *fs = realloc(s->free_slots, sizeof(int) * cap);
        if (!pool || !fs) { free(pool == s->pool ? NULL : pool); return ss_fail(d, "out of memory for persons"); }
        s->pool = pool;
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

/* Who goes where: counted from the end of warm-up, "outside" is index nservices. */
static void count_flow(ss_sim *s, int from, int to)
{
    int out = s->m->nservices;
    if (s->measuring) (*ss_rep_flow(s->out, from < 0 ? out : from, to < 0 ? out : to))++;
}

static void exit_person(ss_sim *s, int slot, const char *why)
{
    ss_person *p = &s->pool[slot].p;
    count_flow(s, p->last, -1);
    trace(s, p, "leaves: %s (%d hand-offs, %.1f days since the concern)", why, p->handoffs, s->k.now - p->arrived);
    if (s->measuring && p->arrived >= s->m->warmup) {
        double t = s->k.now - p->arrived;
        s->exited++;
        ss_welford_add(&s->tis, t);
        ss_samples_push(&s->tis_samples, t);
        ss_welford_add(&s->visited, __builtin_popcountll(p->visited));
        ss_welford_add(&s->handoffs, p->handoffs);
    }
    release_person(s, slot);
}

/* ---- services ---------------------------------------------------------------------------- */

static void set_queue(ss_sim *s, int sv, int delta)
{
    s->queue_len[sv] += delta;
    ss_timeavg_set(&s->svc[sv].queue_ta, s->k.now, s->queue_len[sv]);
}

static void set_care(ss_sim *s, int sv, int delta, double units)
{
    svc_state *st = &s->svc[sv];
    s->caseload[sv] += delta;
    st->used += units;
    if (st->used < 1e-9) st->used = 0;
    ss_timeavg_set(&st->caseload_ta, s->k.now, s->caseload[sv]);
    ss_timeavg_set(&st->used_ta, s->k.now, st->used);
}

static bool qbefore(const qentry *x, const qentry *y)
{
    return x->prio < y->prio || (x->prio == y->prio && x->seq < y->seq);
}

static int qpush(svc_state *st, qentry e)
{
    if (st->qn == st->qcap) {
        int cap = st->qcap ? st->qcap * 2 : 64;
        qentry *q = realloc(st->q, sizeof *q * cap);
        if (!q) return -1;
        st->q = q;
        st->qcap = cap;
    }
    int i = st->qn++;
    while (i > 0 && qbefore(&e, &st->q[(i - 1) / 2])) {
        st->q[i] = st->q[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    st->q[i] = e;
    return 0;
}

static void qpop(svc_state *st)
{
    qentry last = st->q[--st->qn];
    int i = 0, n = st->qn;
    for (;;) {
        int c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && qbefore(&st->q[c + 1], &st->q[c])) c++;
        if (!qbefore(&st->q[c], &last)) break;
        st->q[i] = st->q[c];
        i = c;
    }
    if (n > 0) st->q[i] = last;
}

/* The head of the queue, dropping entries of persons who have left it (age boundary moves). */
static qentry *qhead(ss_sim *s, svc_state *st)
{
    while (st->qn > 0) {
        qentry *h = &st->q[0];
        if (s->pool[h->person].token == h->token) return h;
        qpop(st);
    }
    return NULL;
}

static int schedule(ss_sim *s, double t, int type, int a, uint32_t b, ss_diag *d)
{
    if (ss_kernel_schedule(&s->k, t, type, a, b) < 0) return ss_fail(d, "out of memory for events");
    return 0;
}

static int admit(ss_sim *s, int sv, int slot, ss_diag *d)
{
    const ss_service *svc = &s->m->services[sv];
    svc_state *st = &s->svc[sv];
    pslot *ps = &s->pool[slot];
    ss_person *p = &ps->p;
    double wait = s->k.now - p->referred;
    set_queue(s, sv, -1);
    set_care(s, sv, +1, p->units);
    p->state = SS_P_IN_CARE;
    ps->token++;
    if (s->measuring) {
        st->admitted++;
        ss_welford_add(&st->wait, wait);
        ss_samples_push(&st->waits, wait);
        if (wait > svc->target_wait) st->over_target++;
        s->out->wait_hist[(long)sv * SS_WAIT_BINS + ss_wait_bin(wait)]++;
    }
    gsl_rng *r = s->rng_service[sv];
    double length = ss_dist_sample(&svc->intake, r) + ss_dist_sample(&svc->episode[p->need], r);
    if (length < 0) length = 0;
    trace(s, p, "first contact at %s after %.1f days waiting; episode of %.1f days", svc->id, wait, length);
    return schedule(s, s->k.now + length, EV_END, slot, ps->token, d);
}

/* Admit from the head of the queue while capacity allows, on working days only. */
static int try_admit(ss_sim *s, int sv, ss_diag *d)
{
    const ss_service *svc = &s->m->services[sv];
    svc_state *st = &s->svc[sv];
    if (s->queue_len[sv] == 0) return 0;
    if (!ss_calendar_is_working(&s->m->cal, s->k.now)) {
        if (!st->retry_pending) {
            st->retry_pending = true;
            return schedule(s, ss_calendar_next_working(&s->m->cal, s->k.now), EV_RETRY, sv, 0, d);
        }
        return 0;
    }
    qentry *h;
    while ((h = qhead(s, st))) {
        double units = s->pool[h->person].p.units;
        if (svc->cap_kind != SS_CAP_UNLIMITED) {
            bool fits = st->used + units <= st->cap_now + 1e-9;
            /* a case needing more hours than the whole service has is still taken, alone */
            bool alone = svc->cap_kind == SS_CAP_HOURS && st->used == 0 && st->cap_now > 0;
            if (!fits && !alone) break;
        }
        int slot = h->person;
        qpop(st);
        if (admit(s, sv, slot, d) < 0) return -1;
    }
    return 0;
}

static int refer(ss_sim *s, int slot, int sv, int from, ss_diag *d);

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

static int refer(ss_sim *s, int slot, int sv, int from, ss_diag *d)
{
    const ss_service *svc = &s->m->services[sv];
    svc_state *st = &s->svc[sv];
    pslot *ps = &s->pool[slot];
    ss_person *p = &ps->p;
    char why[300];
    s->world.now = s->k.now;
    if (++p->referrals > MAX_REFERRALS) {
        char date[11];
        ss_calendar_format(&s->m->cal, s->k.now, date);
        return ss_fail(d, "person %lld was referred more than %d times (last to %s, %s, replication %d): do the rules send people round in a circle?",
                       (long long)p->id, MAX_REFERRALS, svc->id, date, s->world.rep + 1);
    }
    if (from >= 0) p->handoffs++;
    count_flow(s, from, sv);
    p->last = sv;
    p->visited |= 1ull << sv;
    if (p->npath < SS_PATH_MAX) p->path[p->npath++] = (int8_t)sv;
    if (s->measuring) st->arrivals++;
    double age = ss_person_age(p, s->k.now);
    bool eligible = age >= svc->age_min && age < svc->age_max && (svc->need_mask >> p->need & 1u);
    int outcome = eligible ? SS_T_ACCEPT : SS_T_REJECT;
    if (svc->accept.kind == SS_RULE_LUA) {
        p->service = sv;  /* the rule sees where it is being referred */
        if (ss_rules_accept(s->rules, svc->accept.slot, p, sv, eligible, &s->world, &outcome, d) < 0) return -1;
        p->service = -1;
    }
    if (outcome == SS_T_REJECT) {
        if (s->measuring) { st->rejected++; s->rejections++; }
        trace(s, p, "referred to %s: rejected (%s)", svc->id, eligible ? "by the acceptance rule" : "not eligible");
        exit_person(s, slot, "rejected");
        return 0;
    }
    if (outcome >= 0) {
        if (s->measuring) st->redirected++;
        trace(s, p, "referred to %s: redirected to %s (%s)", svc->id, s->m->services[outcome].id, rule_origin(s, &svc->accept, why, sizeof why));
        return refer(s, slot, outcome, sv, d);
    }
    if (s->measuring) st->accepted++;
    p->service = sv;
    p->state = SS_P_QUEUED;
    p->referred = s->k.now;
    p->units = svc->cap_kind == SS_CAP_HOURS ? ss_dist_sample(&svc->case_hours, s->rng_service[sv]) : 1.0;
    if (p->units < 0) p->units = 0;
    double prio;
    if (queue_priority(s, p, sv, &prio, d) < 0) return -1;
    ps->token++;
    if (qpush(st, (qentry){.prio = prio, .seq = st->qseq++, .person = slot, .token = ps->token}) < 0)
        return ss_fail(d, "out of memory for queues");
    set_queue(s, sv, +1);
    trace(s, p, "referred to %s: accepted, waits in a queue of %d", svc->id, s->queue_len[sv]);
    return try_admit(s, sv, d);
}

/* Pick from a data rule, or ask the Lua rule. */
static int decide_next(ss_sim *s, const ss_person *p, int sv, int *target, ss_diag *d)
{
    const ss_rule *r = &s->m->services[sv].next;
    if (r->kind == SS_RULE_LUA)
        return ss_rules_next(s->rules, r->slot, p, sv, &s->world, target, d);
    *target = ss_choice_pick(&r->by_need[p->need], gsl_rng_uniform(s->rng_next[sv]));
    return 0;
}

static int on_end(ss_sim *s, const ss_event *e, ss_diag *d)
{
    pslot *ps = &s->pool[e->a];
    if (ps->token != e->b || ps->p.state != SS_P_IN_CARE) return 0;  /* moved on */
    ss_person *p = &ps->p;
    int sv = leave_service(s, e->a);
    if (s->measuring) s->svc[sv].completed++;
    int target;
    s->world.now = s->k.now;
    if (decide_next(s, p, sv, &target, d) < 0) return -1;
    char why[300];
    if (target == SS_T_DISCHARGE) {
        trace(s, p, "episode at %s ends: discharged (%s)", s->m->services[sv].id, rule_origin(s, &s->m->services[sv].next, why, sizeof why));
        exit_person(s, e->a, "discharged");
    } else {
        trace(s, p, "episode at %s ends: referred on to %s (%s)", s->m->services[sv].id, s->m->services[target].id,
              rule_origin(s, &s->m->services[sv].next, why, sizeof why));
        if (refer(s, e->a, target, sv, d) < 0) return -1;
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
    for (;;) {
        t += -log1p(-gsl_rng_uniform(r)) / rmax;
        if (t > s->m->horizon) return 0;
        if (gsl_rng_uniform(r) * rmax <= demand_rate(s, k, t))
            return schedule(s, t, EV_ARRIVAL, k, 0, d);
    }
}

static int schedule_age(ss_sim *s, int slot, ss_diag *d)
{
    ss_person *p = &s->pool[slot].p;
    const ss_model *m = s->m;
    while (p->next_boundary < m->nage_boundaries && m->age_boundaries[p->next_boundary] <= p->age0)
        p->next_boundary++;
    if (p->next_boundary >= m->nage_boundaries) return 0;
    double t = p->arrived + (m->age_boundaries[p->next_boundary] - p->age0) * 365.25;
    if (t > m->horizon) return 0;
    return schedule(s, t, EV_AGE, slot, p->gen, d);
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
    *p = (ss_person){.id = ++s->next_id, .gen = gen, .state = SS_P_ARRIVING, .need = dm->need,
                     .demand = k, .door = -1, .arrived = s->k.now, .service = -1, .last = -1};
    gsl_rng *r = s->rng_persons[k];  /* always three draws, so persons stay in step */
    double u_age = gsl_rng_uniform(r), u_sev = gsl_rng_uniform(r), u_cx = gsl_rng_uniform(r);
    p->age0 = dm->age_min + u_age * (dm->age_max - dm->age_min);
    p->severity = 1;
    while (p->severity < dm->nseverity && u_sev >= dm->severity_cum[p->severity - 1]) p->severity++;
    p->complex = u_cx < dm->complex_share;
    if (s->measuring) s->persons++;
    s->world.now = s->k.now;
    trace(s, p, "concern arises: need %s, severity %d, age %.1f%s", s->m->needs[p->need], p->severity, p->age0,
          p->complex ? ", long-term and complex" : "");
    if (schedule_age(s, slot, d) < 0) return -1;
    if (dm->direct_service >= 0) return refer(s, slot, dm->direct_service, -1, d);
    char why[300];
    double u_door = gsl_rng_uniform(s->rng_doors[k]);
    if (dm->door.kind == SS_RULE_LUA) {
        if (ss_rules_door(s->rules, dm->door.slot, p, &s->world, &p->door, d) < 0) return -1;
    } else {
        p->door = ss_choice_pick(&dm->door.by_need[p->need], u_door);
    }
    const ss_door *door = &s->m->doors[p->door];
    int sv;
    if (door->route.kind == SS_RULE_LUA) {
        if (ss_rules_route(s->rules, door->route.slot, p, p->door, &s->world, &sv, d) < 0) return -1;
    } else {
        sv = ss_choice_pick(&door->route.by_need[p->need], gsl_rng_uniform(s->rng_route[p->door]));
    }
    trace(s, p, "comes in by door %s (%s), routed to %s (%s)", door->id, rule_origin(s, &dm->door, why, sizeof why),
          s->m->services[sv].id, rule_origin(s, &door->route, why + 150, sizeof why - 150));
    return refer(s, slot, sv, -1, d);
}

/* ---- age boundaries ---------------------------------------------------------------------- */

static int on_age(ss_sim *s, const ss_event *e, ss_diag *d)
{
    pslot *ps = &s->pool[e->a];
    ss_person *p = &ps->p;
    if (p->gen != e->b || (p->state != SS_P_QUEUED && p->state != SS_P_IN_CARE)) return 0;
    const ss_model *m = s->m;
    int age = (int)m->age_boundaries[p->next_boundary];
    p->next_boundary++;
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
    if (target == SS_T_DISCHARGE) {
        trace(s, p, "turns %d at %s: discharged", age, svc->id);
        exit_person(s, e->a, "discharged at an age boundary");
    } else {
        trace(s, p, "turns %d at %s: moves to %s", age, svc->id, m->services[target].id);
        if (schedule_age(s, e->a, d) < 0 || refer(s, e->a, target, sv, d) < 0) return -1;
    }
    return try_admit(s, sv, d);
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

static void start_measuring(ss_sim *s)
{
    double t = s->k.now;
    s->measuring = true;
    for (int i = 0; i < s->m->nservices; i++) {
        svc_state *st = &s->svc[i];
        st->arrivals = st->accepted = st->rejected = st->redirected = st->admitted = st->completed = st->over_target = 0;
        ss_welford_reset(&st->wait);
        ss_samples_clear(&st->waits);
        ss_timeavg_start(&st->queue_ta, t, s->queue_len[i]);
        ss_timeavg_start(&st->caseload_ta, t, s->caseload[i]);
        ss_timeavg_start(&st->used_ta, t, st->used);
        ss_timeavg_start(&st->cap_ta, t, st->cap_now);
    }
    s->persons = s->exited = s->rejections = 0;
    int n1 = s->m->nservices + 1;
    memset(s->out->flows, 0, sizeof(double) * n1 * n1);
    memset(s->out->wait_hist, 0, sizeof(double) * s->m->nservices * SS_WAIT_BINS);
    ss_welford_reset(&s->tis);
    ss_welford_reset(&s->visited);
    ss_welford_reset(&s->handoffs);
    ss_samples_clear(&s->tis_samples);
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

static void reset(ss_sim *s, uint64_t seed, int rep)
{
    const ss_model *m = s->m;
    ss_kernel_reset(&s->k);
    for (int i = 0; i < s->pool_n; i++) {  /* keep generations growing: stale events stay stale */
        s->pool[i].p.gen++;
        s->pool[i].token++;
        s->pool[i].p.state = SS_P_FREE;
    }
    s->nfree = 0;
    for (int i = s->pool_n - 1; i >= 0; i--) s->free_slots[s->nfree++] = i;
    s->next_id = 0;
    for (int i = 0; i < m->nservices; i++) {
        svc_state *st = &s->svc[i];
        st->qn = 0;
        st->qseq = 0;
        st->used = 0;
        st->retry_pending = false;
        s->queue_len[i] = s->caseload[i] = 0;
        ss_rng_reseed(s->rng_next[i], seed, rep, SS_RNG_ROUTING, 1000 + i);
        ss_rng_reseed(s->rng_service[i], seed, rep, SS_RNG_SERVICE, i);
    }
    for (int k = 0; k < m->ndemand; k++) {
        ss_rng_reseed(s->rng_arrivals[k], seed, rep, SS_RNG_ARRIVALS, k);
        ss_rng_reseed(s->rng_persons[k], seed, rep, SS_RNG_PERSONS, k);
        ss_rng_reseed(s->rng_doors[k], seed, rep, SS_RNG_DOORS, k);
        s->rate_max[k] = demand_rate_max(s, k);
    }
    for (int i = 0; i < m->ndoors; i++) ss_rng_reseed(s->rng_route[i], seed, rep, SS_RNG_ROUTING, i);
    ss_rng_reseed(s->rng_rules, seed, rep, SS_RNG_RULES, 0);
    s->world = (ss_world){.m = m, .queue_len = s->queue_len, .caseload = s->caseload, .rep = rep};
    s->sample_i = 0;
    s->measuring = false;
    for (int i = 0; i < m->nservices; i++) {  /* the clock went back to 0 */
        svc_state *st = &s->svc[i];
        ss_timeavg_start(&st->queue_ta, 0, 0);
        ss_timeavg_start(&st->caseload_ta, 0, 0);
        ss_timeavg_start(&st->used_ta, 0, 0);
        ss_timeavg_start(&st->cap_ta, 0, 0);
    }
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
    case EV_SAMPLE:
        on_sample(s);
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

static void finish(ss_sim *s, ss_rep_result *o)
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
        v[SS_SM_WAIT_MEAN] = any ? st->wait.mean : NAN;
        v[SS_SM_WAIT_MEDIAN] = any ? ss_samples_quantile(&st->waits, 0.5) : NAN;
        v[SS_SM_WAIT_P90] = any ? ss_samples_quantile(&st->waits, 0.9) : NAN;
        v[SS_SM_WAIT_MAX] = any ? st->wait.max : NAN;
        v[SS_SM_OVER_TARGET_SHARE] = any && isfinite(svc->target_wait) ? (double)st->over_target / st->wait.n : NAN;
        v[SS_SM_QUEUE_MEAN] = ss_timeavg_mean(&st->queue_ta, T);
        v[SS_SM_QUEUE_END] = s->queue_len[i];
        v[SS_SM_CASELOAD_MEAN] = ss_timeavg_mean(&st->caseload_ta, T);
        v[SS_SM_CASELOAD_PER_FTE] = svc->fte > 0 ? v[SS_SM_CASELOAD_MEAN] / svc->fte : NAN;
        double cap = ss_timeavg_mean(&st->cap_ta, T);
        v[SS_SM_UTILISATION] = svc->cap_kind != SS_CAP_UNLIMITED && cap > 0 ? ss_timeavg_mean(&st->used_ta, T) / cap : NAN;
    }
    o->system[SS_YM_PERSONS] = s->persons;
    o->system[SS_YM_EXITED] = s->exited;
    o->system[SS_YM_TIME_IN_SYSTEM_MEAN] = s->tis.n ? s->tis.mean : NAN;
    o->system[SS_YM_TIME_IN_SYSTEM_P90] = s->tis.n ? ss_samples_quantile(&s->tis_samples, 0.9) : NAN;
    o->system[SS_YM_SERVICES_VISITED_MEAN] = s->visited.n ? s->visited.mean : NAN;
    o->system[SS_YM_HANDOFFS_MEAN] = s->handoffs.n ? s->handoffs.mean : NAN;
    o->system[SS_YM_REJECTIONS] = s->rejections;
    o->system[SS_YM_IN_SYSTEM_END] = s->pool_n - s->nfree;
    o->events = s->k.processed;
}

int ss_sim_run(ss_sim *s, uint64_t seed, int rep, ss_rep_result *out, ss_diag *d)
{
    const ss_model *m = s->m;
    int nsamples = (int)floor(m->horizon / m->sample_days + 1e-9) + 1;
    if (ss_rep_result_init(out, rep, m->nservices, nsamples) < 0) return ss_fail(d, "out of memory for results");
    s->out = out;
    reset(s, seed, rep);
    int rc = 0;
    for (int k = 0; rc == 0 && k < m->ndemand; k++) rc = schedule_arrival(s, k, 0, d);
    for (int i = 0; rc == 0 && i < nsamples; i++) rc = schedule(s, i * m->sample_days, EV_SAMPLE, 0, 0, d);
    if (rc == 0 && m->warmup > 0) rc = schedule(s, m->warmup, EV_WARMUP, 0, 0, d);
    if (rc == 0 && m->cal.has_summer) {
        double next = ss_calendar_next_capacity_change(&m->cal, 0);
        if (isfinite(next) && next <= m->horizon) rc = schedule(s, next, EV_CAPACITY, 0, 0, d);
    }
    ss_event e;
    while (rc == 0 && ss_kernel_peek(&s->k) <= m->horizon && ss_kernel_next(&s->k, &e)) {
        rc = dispatch(s, &e, d);
        if (rc == 0 && (s->k.processed & 4095) == 0 && s->interrupt && *s->interrupt)
            rc = ss_fail(d, "interrupted");
    }
    if (rc < 0) {
        ss_rep_result_free(out);
        return -1;
    }
    s->k.now = m->horizon;
    finish(s, out);
    return 0;
}
