/* sim_finish: a finished replication summarised into its results (results.h): the services'
 * measures and the system's. */
#include <math.h>
#include <stdlib.h>

#include "sim_parts.h"
#include "xalloc.h"

/* The counters the handlers keep against the persons themselves, once a replication has run:
 * every queue's length is the number waiting there (queued, or for its decision meeting), every
 * caseload the number in care there, the free and away counts and the coordinators at work
 * those of the persons' states.  A handler that forgot a count stops here, not in the results. */
void sim_check_books(const ss_sim *s)
{
#ifndef NDEBUG
    int n = s->m->nservices;
    int *queued = xcalloc((size_t)n + 1, sizeof *queued), *in_care = xcalloc((size_t)n + 1, sizeof *in_care);
    int nfree = 0, away = 0, assigned = 0;
    for (int i = 0; i < s->pool_n; i++) {
        const ss_person *p = &s->pool[i].p;
        nfree += p->state == SS_P_FREE;
        away += p->state == SS_P_AWAY;
        assigned += p->state != SS_P_FREE && p->coord == SS_C_ASSIGNED;
        if (p->state == SS_P_QUEUED || p->state == SS_P_AWAITING) queued[p->service]++;
        else if (p->state == SS_P_IN_CARE) in_care[p->service]++;
    }
    for (int sv = 0; sv < n; sv++) {
        assert(s->queue_len[sv] == queued[sv] && "a queue's length is not the number waiting in it");
        assert(s->caseload[sv] == in_care[sv] && "a caseload is not the number in care");
    }
    assert(nfree == s->nfree && away == s->away && "the free or away count is not the persons'");
    assert(assigned == s->coord_assigned && "the coordinators at work are not the persons'");
    free(queued);
    free(in_care);
#else
    (void)s;
#endif
}

static double share(uint64_t part, uint64_t whole) { return whole ? (double)part / whole : NAN; }

/* The queue: its length, those who joined it, and the time in it of everyone who left it —
 * helped (wait_*) or not (left_*). */
static void finish_queue(const ss_sim *s, int i, double *v)
{
    const svc_state *st = &s->svc[i];
    double T = s->m->horizon;
    v[SS_SM_QUEUE_MEAN] = ss_timeavg_mean(&st->queue_ta, T);
    v[SS_SM_QUEUE_END] = s->queue_len[i];
    v[SS_SM_QUEUE_JOINED] = st->joined;
    v[SS_SM_QUEUE_TIME_MEAN] = ss_mean_value(&st->queue_time.mean);
    v[SS_SM_QUEUE_TIME_MAX] = ss_mean_max_value(&st->queue_time);
    v[SS_SM_LEFT_QUEUE] = (double)(st->escalated + st->left_at_age + st->left_at_meeting);
    v[SS_SM_LEFT_AT_MEETING] = st->left_at_meeting;
    v[SS_SM_LEFT_QUEUE_AT_AGE] = st->left_at_age;
}

/* First contacts: how long those helped waited. */
static void finish_waits(ss_sim *s, int i, double *v)
{
    svc_state *st = &s->svc[i];  /* the quantiles sort the samples */
    const ss_service *svc = &s->m->services[i];
    bool any = st->wait.mean.n > 0;
    v[SS_SM_ADMITTED] = st->admitted;
    v[SS_SM_WAIT_MEAN] = ss_mean_value(&st->wait.mean);
    v[SS_SM_WAIT_MEDIAN] = any ? ss_samples_quantile(&st->waits, 0.5) : NAN;
    v[SS_SM_WAIT_P90] = any ? ss_samples_quantile(&st->waits, 0.9) : NAN;
    v[SS_SM_WAIT_MAX] = ss_mean_max_value(&st->wait);
    v[SS_SM_OVER_TARGET_SHARE] = isfinite(svc->target_wait) ? share(st->over_target, st->wait.mean.n) : NAN;
}

void sim_finish_services(ss_sim *s, ss_rep_result *o)
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
        v[SS_SM_COMPLETED] = st->completed;
        finish_waits(s, i, v);
        finish_queue(s, i, v);
        v[SS_SM_CASELOAD_MEAN] = ss_timeavg_mean(&st->caseload_ta, T);
        /* per FTE of the staff serving the modelled persons, not of the whole service */
        double fte = svc->fte * svc->staff_share;
        v[SS_SM_CASELOAD_PER_FTE] = fte > 0 ? v[SS_SM_CASELOAD_MEAN] / fte : NAN;
        double cap = ss_timeavg_mean(&st->cap_ta, T);
        bool limited = svc->cap_kind != SS_CAP_UNLIMITED && cap > 0;
        v[SS_SM_UTILISATION] = limited ? ss_timeavg_mean(&st->within_ta, T) / cap : NAN;
        v[SS_SM_OVER_CAPACITY_SHARE] = limited ? ss_timeavg_mean(&st->over_ta, T) / cap : NAN;
        v[SS_SM_BOUNCES] = st->bounces;
        v[SS_SM_REASSESSMENTS] = st->reassessments;
        v[SS_SM_LOST] = st->lost;
        v[SS_SM_DECISIONS_WITHIN_LIMIT_SHARE] = isfinite(svc->decision_limit) ? share(st->within_limit, st->decisions) : NAN;
        v[SS_SM_INTERIM_LETTERS] = isfinite(svc->decision_limit) ? (double)(st->decisions - st->within_limit) : NAN;
        v[SS_SM_DETERIORATED] = isfinite(svc->deteriorate_mean) ? (double)st->deteriorated : NAN;
        v[SS_SM_ESCALATED] = isfinite(svc->deteriorate_mean) ? (double)st->escalated : NAN;
    }
}

/* Stays the horizon cut short (censored): the persons still in the system at the end and the
 * days they have spent in it so far; discharged persons who may come back are not in it. */
static double censored_time_mean(const ss_sim *s)
{
    double sum = 0;
    long n = 0;
    for (int i = 0; i < s->pool_n; i++) {
        const ss_person *p = &s->pool[i].p;
        if (p->state == SS_P_FREE || p->state == SS_P_AWAY) continue;
        sum += s->m->horizon - p->arrived;
        n++;
    }
    return n ? sum / n : NAN;
}

/* The persons' paths: arrivals, exits, time in the system, help, losses. */
static void finish_persons(ss_sim *s, double *v)
{
    const ss_model *m = s->m;
    sys_stats *y = &s->y;  /* the quantile sorts the samples */
    v[SS_YM_PERSONS] = y->persons;
    v[SS_YM_EXITED] = y->exited;
    v[SS_YM_TIME_IN_SYSTEM_MEAN] = ss_mean_value(&y->tis);
    v[SS_YM_TIME_IN_SYSTEM_P90] = y->tis.n ? ss_samples_quantile(&y->tis_samples, 0.9) : NAN;
    v[SS_YM_SERVICES_VISITED_MEAN] = ss_mean_value(&y->visited);
    v[SS_YM_HANDOFFS_MEAN] = ss_mean_value(&y->handoffs_pp);
    v[SS_YM_REJECTIONS] = y->rejections;
    v[SS_YM_IN_SYSTEM_END] = s->pool_n - s->nfree - s->away;
    v[SS_YM_IN_SYSTEM_START] = y->in_system_start;
    v[SS_YM_CENSORED_TIME_MEAN] = censored_time_mean(s);
    v[SS_YM_FIRST_HELP_MEAN] = ss_mean_value(&y->first_help);
    v[SS_YM_RIGHT_HELP_MEAN] = ss_mean_value(&y->right_help);
    v[SS_YM_BOUNCES_MEAN] = ss_mean_value(&y->bounces);
    v[SS_YM_REASSESSMENTS_MEAN] = ss_mean_value(&y->reassessments);
    v[SS_YM_LOST_AT_TRANSITION] = y->lost_transition;
    v[SS_YM_LOST_AT_AGE_BOUNDARY] = m->nage_boundaries ? (double)y->lost_age : NAN;
    v[SS_YM_RELAPSES] = y->relapses;
}

/* Hand-offs by organisational distance and the doors' meetings; NaN where the model has no
 * organisation (distances mean nothing) or no door meets. */
static void finish_handoffs(const ss_sim *s, double *v)
{
    const ss_model *m = s->m;
    const sys_stats *y = &s->y;
    bool org = m->nunits > 0;
    v[SS_YM_HANDOFFS_SAME_UNIT] = org ? (double)y->handoffs[SS_SAME_UNIT] : NAN;
    v[SS_YM_HANDOFFS_SAME_SECTOR] = org ? (double)y->handoffs[SS_SAME_SECTOR] : NAN;
    v[SS_YM_HANDOFFS_ACROSS_SECTORS] = org ? (double)y->handoffs[SS_ACROSS_SECTORS] : NAN;
    v[SS_YM_HANDOFFS_OUTSIDE] = org ? (double)y->handoffs[SS_OUTSIDE] : NAN;
    bool meetings = false;
    for (int i = 0; i < m->ndoors; i++) meetings = meetings || m->doors[i].meeting.on;
    v[SS_YM_MEETING_WAIT_MEAN] = meetings ? ss_mean_value(&y->meeting_wait) : NAN;
    v[SS_YM_FIRST_MEETING_SHARE] = meetings ? share(y->first_meeting, y->meeting_decided) : NAN;
}

/* Plans and coordinators; NaN without coordination.  Coordinators still at work at the end add
 * their responsibility-group hours up to the horizon first. */
static void finish_coordination(ss_sim *s, double *v)
{
    const ss_model *m = s->m;
    const sys_stats *y = &s->y;
    for (int i = 0; i < s->pool_n; i++)
        if (s->pool[i].p.state != SS_P_FREE && s->pool[i].p.coord == SS_C_ASSIGNED)
            sim_add_rg_hours(s, &s->pool[i].p, s->pool[i].p.coord_since);
    bool coord = m->coord.on;
    v[SS_YM_ENTITLED] = coord ? (double)y->entitled : NAN;
    uint64_t due = y->entitled - y->not_due;  /* whose offer fell due while they were in the services */
    v[SS_YM_PLAN_OFFERED_SHARE] = coord ? share(y->offered, due) : NAN;
    v[SS_YM_COORDINATOR_SHARE] = coord ? share(y->coordinated, due) : NAN;
    v[SS_YM_TIME_TO_COORDINATOR_MEAN] = coord ? ss_mean_value(&y->to_coordinator) : NAN;
    v[SS_YM_COORDINATOR_LOAD_MEAN] = coord && m->coord.coordinators > 0
                                         ? ss_timeavg_mean(&y->coord_ta, m->horizon) / m->coord.coordinators : NAN;
    v[SS_YM_RESPONSIBILITY_GROUP_HOURS] = coord && m->coord.rg_every > 0 ? y->rg_hours : NAN;
    bool children = coord && (isfinite(m->coord.child_from) || m->coord.duties.kind == SS_RULE_LUA);
    v[SS_YM_CHILD_COORDINATOR_SHARE] = children ? share(y->children_coordinated, y->children_entitled) : NAN;
    v[SS_YM_CHILDREN_ENTITLED] = children ? (double)y->children_entitled : NAN;
    v[SS_YM_PLAN_ACCEPTED_SHARE] = coord ? share(y->planned, due) : NAN;
    v[SS_YM_COORDINATOR_WITHOUT_PLAN_SHARE] = coord ? share(y->coordinated_without_plan, due - y->planned) : NAN;
}

void sim_finish_system(ss_sim *s, ss_rep_result *o)
{
    finish_coordination(s, o->system);
    finish_persons(s, o->system);
    finish_handoffs(s, o->system);
}
