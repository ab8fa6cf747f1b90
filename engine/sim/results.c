/* results: the metric tables, one replication's arrays, and the summary across replications. */
#include "results.h"

#include <assert.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Units drive formatting for people (output.c): "count" and "persons" print as integers, "days"
 * with one decimal, "share" as a percentage, anything else with one or two decimals.
 * Each row: name, short heading, unit, meaning, which way is better, English and Norwegian label. */
const ss_metric_info ss_service_metric_info[SS_SERVICE_METRICS] = {
    [SS_SM_ARRIVALS] = {"arrivals", "arrivals", "count",
                        "referrals that reached the service",
                        SS_BETTER_NEITHER, "Referrals", "Henvisninger"},
    [SS_SM_ACCEPTED] = {"accepted", "accepted", "count",
                        "referrals accepted (eligible, or accepted by the rule)",
                        SS_BETTER_NEITHER, "Accepted", "Tatt imot"},
    [SS_SM_REJECTED] = {"rejected", "rejected", "count",
                        "referrals rejected (the person leaves, or is sent back)",
                        SS_BETTER_LOWER, "Rejected", "Avvist"},
    [SS_SM_REDIRECTED] = {"redirected", "redirected", "count",
                          "referrals sent on to another service at intake",
                          SS_BETTER_NEITHER, "Sent on at intake", "Videresendt ved inntak"},
    [SS_SM_ADMITTED] = {"admitted", "admitted", "count",
                        "cases that got first contact (left the queue)",
                        SS_BETTER_NEITHER, "First contacts", "Første kontakter"},
    [SS_SM_COMPLETED] = {"completed", "completed", "count", "episodes completed",
                         SS_BETTER_NEITHER, "Episodes completed", "Avsluttede forløp"},
    [SS_SM_WAIT_MEAN] = {"wait_mean", "wait days", "days",
                         "mean days from the referral reaching the service to first contact (a decision meeting included), for those who got it: the wait of those helped (queue_time_mean counts everyone)",
                         SS_BETTER_LOWER, "Wait, mean (days)", "Ventetid, snitt (dager)"},
    [SS_SM_WAIT_MEDIAN] = {"wait_median", "wait med", "days",
                           "median of the same",
                           SS_BETTER_LOWER, "Wait, median (days)", "Ventetid, median (dager)"},
    [SS_SM_WAIT_P90] = {"wait_p90", "wait p90", "days",
                        "90th percentile of the same",
                        SS_BETTER_LOWER, "Wait, p90 (days)", "Ventetid, 90-persentil (dager)"},
    [SS_SM_WAIT_MAX] = {"wait_max", "wait max", "days",
                        "longest of the same",
                        SS_BETTER_LOWER, "Longest wait (days)", "Lengste ventetid (dager)"},
    [SS_SM_OVER_TARGET_SHARE] = {"over_target_share", "over tgt %", "share",
                                 "share of first contacts that waited longer than the target",
                                 SS_BETTER_LOWER, "Over the target wait", "Ventet lenger enn målet"},
    [SS_SM_QUEUE_MEAN] = {"queue_mean", "queue", "cases",
                          "time-average number of referrals waiting for first contact (or for a decision meeting)",
                          SS_BETTER_LOWER, "Queue, mean (cases)", "Kø, snitt (saker)"},
    [SS_SM_QUEUE_END] = {"queue_end", "queue end", "cases",
                         "number of cases waiting at the end of the horizon",
                         SS_BETTER_LOWER, "Queue at the end (cases)", "Kø ved slutten (saker)"},
    [SS_SM_QUEUE_JOINED] = {"joined", "joined", "count",
                            "referrals that joined the queue: accepted, or waiting for the service's decision meeting",
                            SS_BETTER_NEITHER, "Joined the queue", "Satt i kø"},
    [SS_SM_QUEUE_TIME_MEAN] = {"queue_time_mean", "in queue", "days",
                               "mean days in the queue of everyone who left it in the measured period, with first contact or without (escalated, at an age boundary, turned away at the decision meeting); queue_mean = joined per day x this (Little's law)",
                               SS_BETTER_LOWER, "Time in queue, all (days)", "Tid i kø, alle (dager)"},
    [SS_SM_QUEUE_TIME_MAX] = {"queue_time_max", "in queue max", "days",
                              "longest of the same",
                              SS_BETTER_LOWER, "Time in queue, longest (days)", "Lengste tid i kø (dager)"},
    [SS_SM_LEFT_QUEUE] = {"left_queue", "left queue", "persons",
                          "persons who left the queue without first contact: escalated, left_queue_at_age and left_queue_turned_away together",
                          SS_BETTER_LOWER, "Left the queue without help", "Gikk ut av køen uten hjelp"},
    [SS_SM_LEFT_AT_MEETING] = {"left_queue_turned_away", "turned away", "persons",
                               "persons turned away (rejected or sent on) by the decision meeting they had waited for",
                               SS_BETTER_LOWER, "Turned away at the meeting", "Avvist i møtet"},
    [SS_SM_LEFT_QUEUE_AT_AGE] = {"left_queue_at_age", "left at age", "persons",
                                 "persons taken out of the queue at an age boundary (moved to another service, or discharged)",
                                 SS_BETTER_NEITHER, "Left the queue at an age boundary", "Ut av køen ved aldersgrense"},
    [SS_SM_CASELOAD_MEAN] = {"caseload_mean", "caseload", "cases",
                             "time-average number of open cases (in intake or episode)",
                             SS_BETTER_NEITHER, "Open cases, mean", "Åpne saker, snitt"},
    [SS_SM_CASELOAD_PER_FTE] = {"caseload_per_fte", "cases/FTE", "cases per FTE",
                                "time-average caseload divided by the FTE serving the modelled population (fte x staff_share; all of fte when the service serves no one else)",
                                SS_BETTER_NEITHER, "Caseload per FTE", "Saker per årsverk"},
    [SS_SM_UTILISATION] = {"utilisation", "util %", "share",
                           "share of the capacity in force (case slots, staffed hours or places, after any summer cut that applies to them) that is in use, time-averaged; never above 100 %",
                           SS_BETTER_NEITHER, "Utilisation", "Utnyttelse"},
    [SS_SM_OVER_CAPACITY_SHARE] = {"over_capacity_share", "over cap %", "share",
                                   "cases carried above the capacity in force (open when a summer cut came, or one case larger than the whole service), as a share of that capacity, time-averaged",
                                   SS_BETTER_LOWER, "Over capacity", "Over kapasitet"},
    [SS_SM_BOUNCES] = {"bounces", "bounces", "count",
                       "referrals sent back: not eligible (wrong door) or rejected at a hand-off",
                       SS_BETTER_LOWER, "Sent back (wrong door)", "Sendt tilbake (feil dør)"},
    [SS_SM_REASSESSMENTS] = {"reassessments", "reassessed", "count",
                             "assessments repeated because information was lost at a hand-off",
                             SS_BETTER_LOWER, "Assessed again", "Vurdert på nytt"},
    [SS_SM_LOST] = {"lost", "lost", "persons", "persons lost on their way to this service",
                    SS_BETTER_LOWER, "Lost on the way here", "Falt ut på veien hit"},
    [SS_SM_DECISIONS_WITHIN_LIMIT_SHARE] = {"decisions_within_limit_share", "in time %", "share",
                                            "share of decisions (episodes) done within decision_limit_days of the referral",
                                            SS_BETTER_HIGHER, "Decisions within the time limit", "Vedtak innen fristen"},
    [SS_SM_INTERIM_LETTERS] = {"interim_letters", "interim letters", "count",
                               "decisions later than decision_limit_days: an interim letter was due",
                               SS_BETTER_LOWER, "Interim letters due", "Foreløpige svar som skulle sendes"},
    [SS_SM_DETERIORATED] = {"deteriorated", "worsened", "persons",
                            "persons whose severity rose while waiting untreated",
                            SS_BETTER_LOWER, "Worsened while waiting", "Ble verre mens de ventet"},
    [SS_SM_ESCALATED] = {"escalated", "escalated", "persons",
                         "persons referred on (escalate_to) because they grew too ill while waiting",
                         SS_BETTER_LOWER, "Sent on, too ill to wait", "Sendt videre, for syke til å vente"},
    [SS_SM_QUEUE_TREND] = {"queue_trend", "queue trend", "change per month",
                           "how fast the queue still grows (+) or shrinks (-) over the measured window, cases a month: "
                           "the least-squares slope of queue length on time, or with seasons the change of the "
                           "window's mean from a year earlier (trend.c); 0 in a steady state",
                           SS_BETTER_NEITHER, "Queue trend (cases a month)", "Køutvikling (saker per måned)"},
};

const ss_metric_info ss_system_metric_info[SS_SYSTEM_METRICS] = {
    [SS_YM_PERSONS] = {"persons", "persons arrived", "persons",
                       "persons whose first concern arrived after warm-up",
                       SS_BETTER_NEITHER, "Persons arrived", "Personer som kom"},
    [SS_YM_EXITED] = {"exited", "persons exited", "persons",
                      "persons who left the system in the measured period, whenever they came (in_system_start + persons + relapses - exited = in_system_end)",
                      SS_BETTER_NEITHER, "Persons who left", "Personer som gikk ut"},
    [SS_YM_TIME_IN_SYSTEM_MEAN] = {"time_in_system_mean", "time in system", "days",
                                   "mean days from the concern to leaving, over the stays completed in the measured period (stays still going at the end are censored: time_in_system_censored_mean)",
                                   SS_BETTER_NEITHER, "Time in services, mean (days)", "Tid i tjenestene, snitt (dager)"},
    [SS_YM_TIME_IN_SYSTEM_P90] = {"time_in_system_p90", "time in system p90", "days",
                                  "90th percentile of the same completed stays",
                                  SS_BETTER_NEITHER, "Time in services, p90 (days)", "Tid i tjenestene, 90-persentil (dager)"},
    [SS_YM_SERVICES_VISITED_MEAN] = {"services_visited_mean", "services visited", "services per person",
                                     "distinct services a person who left had been referred to",
                                     SS_BETTER_LOWER, "Services per person", "Tjenester per person"},
    [SS_YM_HANDOFFS_MEAN] = {"handoffs_mean", "hand-offs", "hand-offs per person",
                             "transitions between services, per person who left",
                             SS_BETTER_LOWER, "Hand-offs per person", "Overganger per person"},
    [SS_YM_REJECTIONS] = {"rejections", "rejections", "count", "referrals rejected anywhere",
                          SS_BETTER_LOWER, "Rejections, all services", "Avvisninger i alt"},
    [SS_YM_IN_SYSTEM_END] = {"in_system_end", "in system at end", "persons",
                             "persons still in the system at the end of the horizon",
                             SS_BETTER_NEITHER, "Persons in services at the end", "Personer i tjenestene ved slutten"},
    [SS_YM_IN_SYSTEM_START] = {"in_system_start", "in system at start", "persons",
                               "persons in the system when the measured period began (after warm-up)",
                               SS_BETTER_NEITHER, "Persons in services at the start", "Personer i tjenestene ved start"},
    [SS_YM_CENSORED_TIME_MEAN] = {"time_in_system_censored_mean", "censored stays", "days",
                                  "mean days so far of the persons still in the system at the end: stays cut by the horizon (censored), kept apart from the completed stays",
                                  SS_BETTER_NEITHER, "Stays still going at the end, so far (days)", "Pågående opphold ved slutten, så langt (dager)"},
    [SS_YM_FIRST_HELP_MEAN] = {"first_help_mean", "to first help", "days",
                               "mean days from first concern to first contact with any service",
                               SS_BETTER_LOWER, "First concern to first help (days)", "Fra bekymring til første hjelp (dager)"},
    [SS_YM_RIGHT_HELP_MEAN] = {"right_help_mean", "to right help", "days",
                               "mean days from first concern to first contact with the service that discharged them",
                               SS_BETTER_LOWER, "First concern to the right help (days)", "Fra bekymring til riktig hjelp (dager)"},
    [SS_YM_BOUNCES_MEAN] = {"bounces_mean", "bounces", "bounces per person",
                            "referrals sent back, per person who left",
                            SS_BETTER_LOWER, "Sent back, per person", "Sendt tilbake, per person"},
    [SS_YM_REASSESSMENTS_MEAN] = {"reassessments_mean", "repeated assessments", "per person",
                                  "assessments repeated after information was lost, per person who left",
                                  SS_BETTER_LOWER, "Repeated assessments per person", "Gjentatte vurderinger per person"},
    [SS_YM_LOST_AT_TRANSITION] = {"lost_at_transition", "lost at a transition", "persons",
                                  "persons who never arrived at the next service, or gave up after max_bounces",
                                  SS_BETTER_LOWER, "Lost at a transition", "Falt ut i en overgang"},
    [SS_YM_LOST_AT_AGE_BOUNDARY] = {"lost_at_age_boundary", "lost at an age boundary", "persons",
                                    "persons discharged at an age boundary while still waiting or in care",
                                    SS_BETTER_LOWER, "Lost at an age boundary", "Falt ut ved en aldersgrense"},
    [SS_YM_HANDOFFS_SAME_UNIT] = {"handoffs_same_unit", "hand-offs in a unit", "count",
                                  "hand-offs within one unit (or under one leader)",
                                  SS_BETTER_NEITHER, "Hand-offs within a unit", "Overganger i samme enhet"},
    [SS_YM_HANDOFFS_SAME_SECTOR] = {"handoffs_same_sector", "hand-offs in a sector", "count",
                                    "hand-offs between units of one sector",
                                    SS_BETTER_NEITHER, "Hand-offs within a sector", "Overganger i samme sektor"},
    [SS_YM_HANDOFFS_ACROSS_SECTORS] = {"handoffs_across_sectors", "hand-offs across sectors", "count",
                                       "hand-offs between sectors of the municipality",
                                       SS_BETTER_LOWER, "Hand-offs across sectors", "Overganger mellom sektorer"},
    [SS_YM_HANDOFFS_OUTSIDE] = {"handoffs_outside", "hand-offs outside", "count",
                                "hand-offs to or from services outside the municipality",
                                SS_BETTER_NEITHER, "Hand-offs outside the municipality", "Overganger ut av kommunen"},
    [SS_YM_MEETING_WAIT_MEAN] = {"meeting_wait_mean", "wait for meeting", "days",
                                 "mean days a concern waited at a door for the meeting that decided it",
                                 SS_BETTER_LOWER, "Wait for a meeting (days)", "Ventetid på møte (dager)"},
    [SS_YM_FIRST_MEETING_SHARE] = {"first_meeting_share", "at first meeting", "share",
                                   "share of concerns at meeting doors decided at the first meeting after they arose",
                                   SS_BETTER_HIGHER, "Decided at the first meeting", "Avgjort i første møte"},
    [SS_YM_ENTITLED] = {"entitled", "entitled to a plan", "persons",
                        "persons with long-term and complex needs (individual plan and coordinator, hol. 7-1, 7-2)",
                        SS_BETTER_NEITHER, "Entitled to an individual plan", "Har rett til individuell plan"},
    [SS_YM_PLAN_OFFERED_SHARE] = {"plan_offered_share", "offered a plan", "share",
                                  "share of the entitled offered an individual plan",
                                  SS_BETTER_HIGHER, "Offered an individual plan", "Tilbudt individuell plan"},
    [SS_YM_COORDINATOR_SHARE] = {"coordinator_share", "given a coordinator", "share",
                                 "share of the entitled who got a coordinator",
                                 SS_BETTER_HIGHER, "Given a coordinator", "Fått koordinator"},
    [SS_YM_TIME_TO_COORDINATOR_MEAN] = {"time_to_coordinator_mean", "time to coordinator", "days",
                                        "mean days from entitlement to a coordinator",
                                        SS_BETTER_LOWER, "Days to a coordinator", "Dager til koordinator"},
    [SS_YM_COORDINATOR_LOAD_MEAN] = {"coordinator_load_mean", "cases per coordinator", "cases",
                                     "time-average cases per coordinator",
                                     SS_BETTER_NEITHER, "Cases per coordinator", "Saker per koordinator"},
    [SS_YM_RESPONSIBILITY_GROUP_HOURS] = {"responsibility_group_hours", "ansvarsgruppe hours", "hours",
                                          "staff hours spent in responsibility-group meetings",
                                          SS_BETTER_NEITHER, "Hours in responsibility groups", "Timer i ansvarsgrupper"},
    [SS_YM_RELAPSES] = {"relapses", "relapses", "persons", "discharged persons who came back",
                        SS_BETTER_LOWER, "Came back after discharge", "Kom tilbake etter avslutning"},
    [SS_YM_CHILD_COORDINATOR_SHARE] = {"child_coordinator_share", "children given a barnekoordinator", "share",
                                       "of children entitled to a barnekoordinator (hol. 7-2 a), the share who got a coordinator",
                                       SS_BETTER_HIGHER, "Children given a barnekoordinator", "Barn som fikk barnekoordinator"},
    [SS_YM_PLAN_ACCEPTED_SHARE] = {"plan_accepted_share", "accepted a plan", "share",
                                   "share of the entitled who accepted an individual plan (it needs consent and may be declined)",
                                   SS_BETTER_NEITHER, "Individual plan accepted", "Takket ja til individuell plan"},
    [SS_YM_COORDINATOR_WITHOUT_PLAN_SHARE] = {"coordinator_without_plan_share", "coordinator, no plan", "share",
                                              "of the entitled without an individual plan (declined, or never offered one), the share who got "
                                              "a coordinator (hol. 7-2: offered even when the plan is declined)",
                                              SS_BETTER_HIGHER, "Coordinator without a plan", "Koordinator uten individuell plan"},
    [SS_YM_CHILDREN_ENTITLED] = {"children_entitled", "children entitled", "persons",
                                 "children entitled to a barnekoordinator (hol. 7-2 a, from 1 August 2022)",
                                 SS_BETTER_NEITHER, "Children entitled to a barnekoordinator", "Barn med rett til barnekoordinator"},
};

const ss_metric_info *ss_metric_find(const char *scope, const char *name)
{
    bool service = strcmp(scope, "service") == 0;
    const ss_metric_info *t = service ? ss_service_metric_info : ss_system_metric_info;
    int n = service ? SS_SERVICE_METRICS : SS_SYSTEM_METRICS;
    for (int i = 0; i < n; i++)
        if (strcmp(t[i].name, name) == 0)
            return &t[i];
    return NULL;
}

const char *ss_better_name(ss_better b)
{
    switch (b) {
    case SS_BETTER_LOWER: return "lower";
    case SS_BETTER_HIGHER: return "higher";
    case SS_BETTER_NEITHER: return "neither";
    case SS_BETTER_UNDECLARED: break;
    }
    return "undeclared";
}

ss_bound ss_metric_bound(const ss_metric_info *mi)
{
    if (strncmp(mi->unit, "change", 6) == 0)
        return SS_ANY_SIGN;
    return strcmp(mi->unit, "share") == 0 ? SS_SHARE : SS_NON_NEGATIVE;
}

ss_estimate ss_metric_estimate(const ss_metric_info *mi, const double *x, int n, double level)
{
    return ss_estimate_bounded(x, n, level, ss_metric_bound(mi));
}

/* calloc(0) may return NULL, which would look like out-of-memory: ask for at least one. */
static double *alloc_doubles(long n)
{
    return calloc(n > 0 ? (size_t)n : 1, sizeof(double));
}

static void fill(double *x, long n, double v)
{
    for (long i = 0; i < n; i++)
        x[i] = v;
}

int ss_rep_result_init(ss_rep_result *r, int rep, int nservices, int nsamples)
{
    assert(nservices >= 0 && nsamples >= 0);
    *r = (ss_rep_result){.rep = rep, .nservices = nservices, .nsamples = nsamples};
    long ncells = (long)nservices * SS_SERVICE_METRICS, nseries = (long)nservices * nsamples;
    r->service = alloc_doubles(ncells);
    r->series_day = alloc_doubles(nsamples);
    r->series_queue = alloc_doubles(nseries);
    r->series_caseload = alloc_doubles(nseries);
    r->flows = alloc_doubles((long)(nservices + 1) * (nservices + 1));
    r->wait_hist = alloc_doubles((long)nservices * SS_WAIT_BINS);
    if (!r->service || !r->series_day || !r->series_queue || !r->series_caseload || !r->flows ||
        !r->wait_hist) {
        ss_rep_result_free(r);
        return -1;
    }
    /* NaN marks "not measured", so a metric a model never sets cannot pass for a zero. */
    fill(r->service, ncells, NAN);
    fill(r->system, SS_SYSTEM_METRICS, NAN);
    return 0;
}

void ss_rep_result_free(ss_rep_result *r)
{
    ss_free_all(r->service, r->series_day, r->series_queue, r->series_caseload, r->flows, r->wait_hist);
    r->service = r->series_day = r->series_queue = r->series_caseload = r->flows = r->wait_hist = NULL;
    r->nservices = r->nsamples = 0;
}

/* One service metric (s, m) across replications into buf. */
static void gather_service(double *buf, const ss_rep_result *reps, int nreps, int s, int m)
{
    for (int i = 0; i < nreps; i++) {
        assert(reps[i].nservices > s);
        buf[i] = reps[i].service[(long)s * SS_SERVICE_METRICS + m];
    }
}

static void gather_system(double *buf, const ss_rep_result *reps, int nreps, int m)
{
    for (int i = 0; i < nreps; i++)
        buf[i] = reps[i].system[m];
}

int ss_summary_build(ss_summary *s, const ss_rep_result *reps, int nreps, int nservices, double level)
{
    assert(nreps >= 0 && nservices >= 0);
    *s = (ss_summary){.nservices = nservices, .nreps = nreps};
    double *buf = alloc_doubles(nreps);
    s->service = calloc(nservices > 0 ? (size_t)nservices * SS_SERVICE_METRICS : 1, sizeof *s->service);
    if (!buf || !s->service) {
        free(buf);
        ss_summary_free(s);
        return -1;
    }
    for (int svc = 0; svc < nservices; svc++) {
        for (int m = 0; m < SS_SERVICE_METRICS; m++) {
            gather_service(buf, reps, nreps, svc, m);
            s->service[(long)svc * SS_SERVICE_METRICS + m] =
                ss_metric_estimate(&ss_service_metric_info[m], buf, nreps, level);
        }
    }
    for (int m = 0; m < SS_SYSTEM_METRICS; m++) {
        gather_system(buf, reps, nreps, m);
        s->system[m] = ss_metric_estimate(&ss_system_metric_info[m], buf, nreps, level);
    }
    free(buf);
    return 0;
}

void ss_summary_free(ss_summary *s)
{
    free(s->service);
    s->service = NULL;
    s->nservices = 0;
}
