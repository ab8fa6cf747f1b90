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
 * purpose (rng.h), so changing routing does not change who arrives when.
 *
 * This file: the worker's set-up, the reset of a replication, the event dispatch and the
 * replication loop; the handlers live in the sim_*.c files (sim_parts.h). */
#include "sim.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim_parts.h"
#include "xalloc.h"

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
    s->rng_handoff = new_streams(m->nservices);
    s->rng_worsen = new_streams(m->nservices);
    s->rng_relapse = new_streams(m->nservices);
    s->rng_meeting = new_streams(sim_nodes(m));
    s->rng_rules = ss_rng_new(0, 0, SS_RNG_RULES, 0);
    s->rng_coord = ss_rng_new(0, 0, SS_RNG_ROUTING, 0);
    s->rate_max = calloc(m->ndemand ? m->ndemand : 1, sizeof(double));
    s->rate_constant = calloc(m->ndemand ? m->ndemand : 1, sizeof(bool));
    s->meeting_list = calloc(sim_nodes(m) ? sim_nodes(m) : 1, sizeof(waitlist));
    s->meeting_spare = calloc(sim_nodes(m) ? sim_nodes(m) : 1, sizeof(waitlist));
    s->meeting_k = calloc(sim_nodes(m) ? sim_nodes(m) : 1, sizeof(int));
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
        free(s->svc[i].queue.q);
        ss_samples_free(&s->svc[i].waits);
    }
    for (int i = 0; i < sim_nodes(m); i++) {
        sim_waitlist_free(&s->meeting_list[i]);
        sim_waitlist_free(&s->meeting_spare[i]);
    }
    ss_free_all(s->coord_queue.q, s->meeting_list, s->meeting_spare, s->meeting_k, s->svc, s->queue_len,
                s->caseload, s->pool, s->free_slots);
    free_streams(s->rng_arrivals, m->ndemand);
    free_streams(s->rng_persons, m->ndemand);
    free_streams(s->rng_doors, m->ndemand);
    free_streams(s->rng_route, m->ndoors);
    free_streams(s->rng_next, m->nservices);
    free_streams(s->rng_service, m->nservices);
    free_streams(s->rng_handoff, m->nservices);
    free_streams(s->rng_worsen, m->nservices);
    free_streams(s->rng_relapse, m->nservices);
    free_streams(s->rng_meeting, sim_nodes(m));
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
    size_t b = sizeof *s + ss_kernel_memory(&s->k) + (size_t)s->pool_cap * (sizeof(pslot) + sizeof(int));
    for (int i = 0; i < s->m->nservices; i++)
        b += s->svc[i].queue.cap * sizeof(qentry) + ss_samples_memory(&s->svc[i].waits);
    for (int i = 0; i < sim_nodes(s->m); i++)
        b += (s->meeting_list[i].cap + s->meeting_spare[i].cap) * (sizeof(int32_t) + sizeof(uint32_t));
    b += ss_samples_memory(&s->y.tis_samples) + s->coord_queue.cap * sizeof(qentry);
    if (s->rules) b += ss_rules_memory(s->rules);
    return b;
}

/* ---- calendar events --------------------------------------------------------------------- */

/* The capacity in force: the calendar's factor (the summer) cuts the kinds of capacity it applies
 * to (staff's case slots and hours by default; places only when the scenario says so). */
static void set_capacity(ss_sim *s)
{
    double factor = ss_calendar_capacity(&s->m->cal, s->k.now);
    for (int i = 0; i < s->m->nservices; i++) {
        const ss_service *svc = &s->m->services[i];
        svc_state *st = &s->svc[i];
        double f = s->m->summer_applies >> svc->cap_of & 1u ? factor : 1.0;
        st->cap_now = svc->cap_kind == SS_CAP_SLOTS ? floor(svc->capacity * f + 1e-9) : svc->capacity * f;
        if (svc->cap_kind != SS_CAP_UNLIMITED) {
            ss_timeavg_set(&st->cap_ta, s->k.now, st->cap_now);
            sim_track_use(s, i);
        }
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
        ss_timeavg_start(&st->cap_ta, t, st->cap_now);
        ss_timeavg_start(&st->within_ta, t, fmin(st->used, st->cap_now));
        ss_timeavg_start(&st->over_ta, t, fmax(st->used - st->cap_now, 0));
        st->arrivals = st->accepted = st->rejected = st->redirected = st->admitted = st->completed = 0;
        st->over_target = st->bounces = st->reassessments = st->lost = st->decisions = 0;
        st->within_limit = st->deteriorated = st->escalated = 0;
        st->joined = st->left_at_meeting = st->left_at_age = 0;
        ss_mean_max_reset(&st->wait);
        ss_mean_max_reset(&st->queue_time);
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
    s->y.in_system_start = (uint64_t)(s->pool_n - s->nfree - s->away);
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
    for (int i = 0; i < sim_nodes(m); i++) ss_rng_reseed(s->rng_meeting[i], seed, rep, SS_RNG_ROUTING, 3000 + i);
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
        sim_qreset(&st->queue, !m->services[i].priority_queue);
        st->used = 0;
        st->retry_pending = false;
        s->queue_len[i] = s->caseload[i] = 0;
        /* the clock went back to 0 */
        ss_timeavg_start(&st->queue_ta, 0, 0);
        ss_timeavg_start(&st->caseload_ta, 0, 0);
        ss_timeavg_start(&st->cap_ta, 0, 0);
        ss_timeavg_start(&st->within_ta, 0, 0);
        ss_timeavg_start(&st->over_ta, 0, 0);
    }
    for (int k = 0; k < m->ndemand; k++) {
        s->rate_max[k] = sim_demand_rate_max(s, k);
        const ss_demand *dm = &m->demand[k];
        s->rate_constant[k] = !dm->seasonal && !dm->surges && (dm->cohort < 0 || m->cohorts[dm->cohort].growth == 0);
    }
    for (int i = 0; i < sim_nodes(m); i++) {
        s->meeting_list[i].n = 0;
        s->meeting_k[i] = 0;
    }
    sim_qreset(&s->coord_queue, false);
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
    case EV_ARRIVAL: return sim_on_arrival(s, e, d);
    case EV_END: return sim_on_end(s, e, d);
    case EV_RETRY:
        s->svc[e->a].retry_pending = false;
        return sim_try_admit(s, e->a, d);
    case EV_AGE: return sim_on_age(s, e, d);
    case EV_ARRIVE: return sim_on_arrive(s, e, d);
    case EV_MEETING: return sim_on_meeting(s, e, d);
    case EV_WORSEN: return sim_on_worsen(s, e, d);
    case EV_RELAPSE: return sim_on_relapse(s, e, d);
    case EV_OFFER: return sim_on_offer(s, e, d);
    case EV_START: return sim_on_start(s, e, d);
    case EV_SAMPLE:
        on_sample(s);
        if (s->sample_i < s->out->nsamples)
            return sim_schedule(s, s->sample_i * s->m->sample_days, EV_SAMPLE, 0, 0, d);
        return 0;
    case EV_WARMUP:
        start_measuring(s);
        return 0;
    case EV_CAPACITY:
        set_capacity(s);
        for (int i = 0; i < s->m->nservices; i++)
            if (sim_try_admit(s, i, d) < 0) return -1;
        {
            double next = ss_calendar_next_capacity_change(&s->m->cal, s->k.now);
            return isfinite(next) && next <= s->m->horizon ? sim_schedule(s, next, EV_CAPACITY, 0, 0, d) : 0;
        }
    }
    assert(!"unknown event type");
    return 0;
}

/* Events whose `a` is a person's slot. */
#define PERSON_EVENTS (1u << EV_END | 1u << EV_AGE | 1u << EV_ARRIVE | 1u << EV_WORSEN | 1u << EV_RELAPSE | \
                       1u << EV_OFFER | 1u << EV_START)

/* While an event is handled, the record of the person of the event likely next comes into the
 * cache (sim_prefetch_person), and the free slot the next new person takes. */
__attribute__((always_inline)) static inline void prefetch_next(const ss_sim *s)
{
    /* Persons that fit in the first-level cache (256 slots, 54 KiB) stay there: the guess would
     * only cost its 40 instructions an event (model A: at most 99 persons at once in 1 M). */
    if (s->pool_n <= 256) return;
    const ss_event *nx = ss_kernel_likely_next(&s->k);
    if (nx && (PERSON_EVENTS >> nx->type & 1u) && (unsigned)nx->a < (unsigned)s->pool_n) sim_prefetch_person(s, nx->a);
    if (s->nfree > 0) __builtin_prefetch(&s->pool[s->free_slots[s->nfree - 1]], 1);
}

/* The first events: an arrival per demand stream, the samples, the end of warm-up, the summer's
 * capacity change and every node's first meeting. */
static int schedule_start(ss_sim *s, ss_diag *d)
{
    const ss_model *m = s->m;
    int rc = 0;
    for (int k = 0; rc == 0 && k < m->ndemand; k++) rc = sim_schedule_arrival(s, k, 0, d);
    if (rc == 0) rc = sim_schedule(s, 0, EV_SAMPLE, 0, 0, d);  /* each sample schedules the next: a small heap */
    if (rc == 0 && m->warmup > 0) rc = sim_schedule(s, m->warmup, EV_WARMUP, 0, 0, d);
    if (rc == 0 && m->cal.has_summer) {
        double next = ss_calendar_next_capacity_change(&m->cal, 0);
        if (isfinite(next) && next <= m->horizon) rc = sim_schedule(s, next, EV_CAPACITY, 0, 0, d);
    }
    for (int node = 0; rc == 0 && node < sim_nodes(m); node++) {
        if (!sim_meeting_of(m, node)->on) continue;
        double t = sim_meeting_time(s, node, 0);
        if (t <= m->horizon) rc = sim_schedule(s, t, EV_MEETING, node, 0, d);
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
    while (rc == 0 && ss_kernel_next_until(&s->k, m->horizon, &e)) {
        prefetch_next(s);
        rc = dispatch(s, &e, d);
        if (rc == 0 && (s->k.processed & 4095) == 0 && s->interrupt && *s->interrupt)
            rc = ss_fail(d, "interrupted");
    }
    if (rc == 0 && s->out_of_memory) rc = ss_fail(d, "out of memory for the quantiles of waits");
    if (rc < 0) {
        ss_rep_result_free(out);
        return -1;
    }
    sim_check_books(s);
    s->k.now = m->horizon;
    sim_finish_services(s, out);
    sim_finish_system(s, out);
    out->events = s->k.processed;
    out->persons_created = s->next_id;
    return 0;
}
