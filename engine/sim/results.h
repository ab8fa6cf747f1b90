/* results: what one replication produces, and the summary across replications.
 *
 * Metric names are data (one table below), so the table printer, JSON, CSV, the SQLite store
 * and the README's schema section are all generated from the same list and cannot drift. */
#ifndef SS_RESULTS_H
#define SS_RESULTS_H

#include <stdbool.h>
#include <stdint.h>

#include "stats.h"

/* Per-service metrics, all over the period after warm-up. */
typedef enum ss_service_metric {
    SS_SM_ARRIVALS,          /* referrals that reached the service */
    SS_SM_ACCEPTED,          /* referrals accepted (eligible, or accepted by the rule) */
    SS_SM_REJECTED,          /* referrals rejected (the person leaves, or is sent back) */
    SS_SM_REDIRECTED,        /* referrals sent on to another service at intake */
    SS_SM_ADMITTED,          /* cases that got first contact (left the queue) */
    SS_SM_COMPLETED,         /* episodes completed */
    SS_SM_WAIT_MEAN,         /* days from referral reaching the service to first contact, of those helped */
    SS_SM_WAIT_MEDIAN,
    SS_SM_WAIT_P90,
    SS_SM_WAIT_MAX,
    SS_SM_OVER_TARGET_SHARE, /* share of first contacts that waited longer than the target */
    SS_SM_QUEUE_MEAN,        /* time-average number waiting */
    SS_SM_QUEUE_END,         /* number waiting at the end of the horizon */
    SS_SM_QUEUE_JOINED,      /* queue stays begun: accepted, or waiting for a decision meeting */
    SS_SM_QUEUE_TIME_MEAN,   /* days in the queue of everyone who left it, helped or not */
    SS_SM_QUEUE_TIME_MAX,
    SS_SM_LEFT_QUEUE,        /* left the queue without first contact (escalated, age, meeting) */
    SS_SM_LEFT_AT_MEETING,   /* turned away by the decision meeting they waited for */
    SS_SM_LEFT_QUEUE_AT_AGE, /* taken out of the queue at an age boundary */
    SS_SM_CASELOAD_MEAN,     /* time-average number of open cases (in intake or episode) */
    SS_SM_CASELOAD_PER_FTE,  /* caseload_mean / FTE */
    SS_SM_UTILISATION,       /* capacity in use up to the capacity in force / capacity in force, time-averaged */
    SS_SM_OVER_CAPACITY_SHARE, /* capacity in use above the capacity in force / capacity in force */
    SS_SM_BOUNCES,           /* referrals sent back (wrong door, or rejected at a hand-off) */
    SS_SM_REASSESSMENTS,     /* assessments repeated because information was lost */
    SS_SM_LOST,              /* persons lost on their way to this service */
    SS_SM_DECISIONS_WITHIN_LIMIT_SHARE, /* decisions within decision_limit_days */
    SS_SM_INTERIM_LETTERS,   /* decisions past the limit: an interim letter was due */
    SS_SM_DETERIORATED,      /* persons whose severity rose while they waited */
    SS_SM_ESCALATED,         /* persons referred on because they grew too ill while waiting */
    SS_SM_QUEUE_TREND,       /* change of the queue over the measured window, cases a month (trend.c) */
    SS_SERVICE_METRICS
} ss_service_metric;

typedef enum ss_system_metric {
    SS_YM_PERSONS,             /* concerns (persons) that arrived */
    SS_YM_EXITED,              /* persons who left the system in the measured period, whenever they came */
    SS_YM_TIME_IN_SYSTEM_MEAN, /* days from first concern to leaving, for those who left */
    SS_YM_TIME_IN_SYSTEM_P90,
    SS_YM_SERVICES_VISITED_MEAN, /* distinct services a person who left had been referred to */
    SS_YM_HANDOFFS_MEAN,       /* transitions from one service to another, per person who left */
    SS_YM_REJECTIONS,          /* referrals rejected anywhere */
    SS_YM_IN_SYSTEM_END,       /* persons still in the system at the end */
    SS_YM_IN_SYSTEM_START,     /* persons in the system when the measured period began */
    SS_YM_CENSORED_TIME_MEAN,  /* days so far of those still in the system at the end (censored stays) */
    SS_YM_FIRST_HELP_MEAN,     /* days from first concern to first contact with any service */
    SS_YM_RIGHT_HELP_MEAN,     /* days from first concern to first contact with the service that discharged them */
    SS_YM_BOUNCES_MEAN,        /* bounces per person who left */
    SS_YM_REASSESSMENTS_MEAN,  /* repeated assessments per person who left */
    SS_YM_LOST_AT_TRANSITION,  /* persons lost at a hand-off */
    SS_YM_LOST_AT_AGE_BOUNDARY,/* persons discharged at an age boundary without a next service */
    SS_YM_HANDOFFS_SAME_UNIT,
    SS_YM_HANDOFFS_SAME_SECTOR,
    SS_YM_HANDOFFS_ACROSS_SECTORS,
    SS_YM_HANDOFFS_OUTSIDE,
    SS_YM_MEETING_WAIT_MEAN,   /* days concerns waited at a door for the meeting that decided them */
    SS_YM_FIRST_MEETING_SHARE, /* concerns decided at the first meeting after they arose */
    SS_YM_ENTITLED,            /* persons entitled to an individual plan and a coordinator */
    SS_YM_PLAN_OFFERED_SHARE,  /* of the entitled, share offered an individual plan */
    SS_YM_COORDINATOR_SHARE,   /* of the entitled, share who got a coordinator */
    SS_YM_TIME_TO_COORDINATOR_MEAN, /* days from entitlement to a coordinator */
    SS_YM_COORDINATOR_LOAD_MEAN,    /* time-average cases per coordinator */
    SS_YM_RESPONSIBILITY_GROUP_HOURS, /* staff hours in responsibility-group meetings */
    SS_YM_RELAPSES,            /* discharged persons who came back */
    SS_YM_CHILD_COORDINATOR_SHARE, /* of children entitled to a barnekoordinator, share who got one */
    SS_YM_PLAN_ACCEPTED_SHARE, /* of the entitled, share who accepted an individual plan */
    SS_YM_COORDINATOR_WITHOUT_PLAN_SHARE, /* of the entitled without a plan, share who got a coordinator */
    SS_YM_CHILDREN_ENTITLED,   /* children entitled to a barnekoordinator (hol. § 7-2 a) */
    SS_SYSTEM_METRICS
} ss_system_metric;

/* Which way a metric is better: the one place a verdict (better / worse), a chart's colour and
 * the store's metric table learn it.  UNDECLARED (0) is what a row added without it gets; a test
 * refuses it, so every metric says lower, higher or neither (a count of arrivals is no better
 * higher or lower; utilisation is a trade-off). */
typedef enum ss_better {
    SS_BETTER_UNDECLARED,
    SS_BETTER_LOWER,
    SS_BETTER_HIGHER,
    SS_BETTER_NEITHER
} ss_better;

typedef struct ss_metric_info {
    const char *name;   /* snake_case, used in JSON, CSV and SQLite */
    const char *label;  /* column heading for people */
    const char *unit;   /* "count", "days", "share", "persons", ... */
    const char *doc;    /* one line for the README */
    ss_better better;   /* which way is better */
    const char *en;     /* the label for reports and comparisons, units in brackets */
    const char *nb;     /* the same in Norwegian (bokmål), as a planner writes it */
} ss_metric_info;

/* Every metric here is a count, a duration, a mean of them or a share, so none can be negative
 * and shares cannot pass 1: its interval keeps that range (ss_estimate_bounded).  The one
 * exception is a change (unit "change per month"), which takes either sign. */
ss_bound ss_metric_bound(const ss_metric_info *mi);
/* The estimate of a metric across replications, with the interval its range calls for. */
ss_estimate ss_metric_estimate(const ss_metric_info *mi, const double *x, int n, double level);

extern const ss_metric_info ss_service_metric_info[SS_SERVICE_METRICS];
extern const ss_metric_info ss_system_metric_info[SS_SYSTEM_METRICS];

/* The entry of metric name in scope "service" or "system"; NULL when there is none. */
const ss_metric_info *ss_metric_find(const char *scope, const char *name);
/* "lower", "higher", "neither" (or "undeclared"): for JSON, CSV, SQLite and the README. */
const char *ss_better_name(ss_better b);

/* One replication's results.  Arrays are owned; ss_rep_result_free releases them. */
typedef struct ss_rep_result {
    int rep;
    uint64_t events;          /* events processed, warm-up included */
    int64_t persons_created;  /* persons whose concern arose, warm-up included: numbered 1 .. this */
    int nservices;
    double *service;          /* [nservices][SS_SERVICE_METRICS] row-major; NaN = undefined */
    double system[SS_SYSTEM_METRICS];
    int nsamples;             /* time series samples (every sample_days over the whole horizon) */
    double *series_day;       /* [nsamples] simulated day of each sample */
    double *series_queue;     /* [nservices][nsamples] */
    double *series_caseload;  /* [nservices][nsamples] */
    double *flows;            /* [nservices+1][nservices+1]: from -> to; index nservices is
                                 "outside" (a new concern entering, or a person leaving) */
    double *wait_hist;        /* [nservices][SS_WAIT_BINS] first-contact waits */
} ss_rep_result;

/* Wait histogram: SS_WAIT_BINS - 1 bins of SS_WAIT_BIN_DAYS days, then one for longer waits. */
#define SS_WAIT_BIN_DAYS 14
#define SS_WAIT_BINS 27
static inline int ss_wait_bin(double days)
{
    int b = days <= 0 ? 0 : (int)(days / SS_WAIT_BIN_DAYS);
    return b < SS_WAIT_BINS - 1 ? b : SS_WAIT_BINS - 1;
}
static inline double *ss_rep_flow(ss_rep_result *r, int from, int to) { return &r->flows[(long)from * (r->nservices + 1) + to]; }

/* Allocate the arrays for nservices and nsamples (values set to NaN / 0).  0 ok, -1 OOM. */
int ss_rep_result_init(ss_rep_result *r, int rep, int nservices, int nsamples);
void ss_rep_result_free(ss_rep_result *r);
static inline double *ss_rep_service(ss_rep_result *r, int s) { return r->service + (long)s * SS_SERVICE_METRICS; }

/* Estimates across replications. */
typedef struct ss_summary {
    int nservices;
    int nreps;
    ss_estimate *service;  /* [nservices][SS_SERVICE_METRICS] */
    ss_estimate system[SS_SYSTEM_METRICS];
} ss_summary;

/* 0 ok, -1 OOM. level e.g. 0.95 */
int ss_summary_build(ss_summary *s, const ss_rep_result *reps, int nreps, int nservices, double level);
void ss_summary_free(ss_summary *s);

/* --precision REL: replications were added until every key interval's half-width was at most
 * REL of its mean, or the cap was reached (engine/sim/precision.c names the key intervals). */
typedef struct ss_precision {
    double target;     /* REL asked for; 0: a fixed number of replications */
    int cap;           /* most replications allowed */
    double achieved;   /* the widest key interval's half-width over its mean, at the end */
    char decided[96];  /* which interval that was: "fph_voksen wait_mean" */
    bool capped;       /* the cap stopped the run before every interval was within target */
} ss_precision;

/* Describes a run for output and the store.  Strings are borrowed. */
typedef struct ss_run_info {
    const char *engine_version;
    const char *scenario_name;
    const char *scenario_path;
    const char *scenario_hash;   /* sha256 hex of the resolved scenario text */
    const char *rules_hash;      /* sha256 hex over the rule files used */
    const char *resolved_text;   /* the resolved scenario as Lua (samsim show) */
    const char *command_line;
    const char *started_at;      /* ISO 8601 UTC; not part of the JSON, so JSON stays byte-identical */
    uint64_t seed;
    int replications;
    double horizon_days;
    double warmup_days;
    double sample_days;
    const char *start_date;      /* "YYYY-MM-DD" of simulated day 0 */
    int nservices;
    const char *const *service_ids;
    const char *const *service_names;
    const double *service_fte;   /* FTE serving the modelled population: fte x staff_share */
    double nok_per_fte;          /* yearly NOK per FTE; 0 or NAN when the scenario gives none */
    const char *surges;          /* the demand surges in force in part of the measured window, "pandemic"
                                  * or "a, b"; NULL or "" when none (the trend warning names them) */
    /* What the scenario file was given (recorded in JSON and the store, so a run can be made
     * again from its record): overlays in order, and "PATH=VALUE" overrides in order. */
    const char *const *overlays;
    int noverlays;
    const char *const *sets;
    int nsets;
    ss_precision precision;      /* how the number of replications was chosen */
} ss_run_info;

#endif
