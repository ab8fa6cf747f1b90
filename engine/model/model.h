/* model: the validated, frozen form of a scenario that the simulation runs.
 *
 * Built once from the resolved scenario table (scenario.h) and then shared read-only by every
 * replication and every worker thread.  Rules that are data are compiled here into C tables
 * (ss_choice), so they cost no Lua call per event; rules that are Lua functions are recorded by
 * file and name, and each worker loads them into its own sandbox (rules.h).  No Lua here: the
 * reading is declared in model_read.h, and the format in model_schema.c. */
#ifndef SS_MODEL_H
#define SS_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "calendar.h"
#include "diag.h"
#include "dist.h"

#define SS_MAX_SERVICES 64  /* a person's visited services are a 64-bit mask */
#define SS_MAX_NEEDS 32
#define SS_MAX_SURGES 32   /* a demand stream's surges are a 32-bit mask */
#define SS_MAX_SEVERITY 9

/* Outcomes that are not a service (services are indices >= 0). */
enum {
    SS_T_DISCHARGE = -1,  /* leave the system */
    SS_T_CONTINUE = -2,   /* stay where you are (age boundary) */
    SS_T_REJECT = -3,     /* acceptance: rejected */
    SS_T_ACCEPT = -4      /* acceptance: accepted */
};

/* A probability table compiled to cumulative weights. */
typedef struct ss_choice {
    int n;
    int *target;  /* service / door index or an SS_T_ outcome */
    double *cum;  /* cumulative probabilities, last exactly 1 */
} ss_choice;

typedef enum ss_rule_kind { SS_RULE_NONE, SS_RULE_DATA, SS_RULE_LUA } ss_rule_kind;

/* One decision point's rule: data (a choice per need) or a Lua function. */
typedef struct ss_rule {
    ss_rule_kind kind;
    const char *point;     /* "door", "route", "accept", "priority", "next", "at_age" */
    ss_choice *by_need;    /* data: [nneeds], one table per need */
    double *by_severity;   /* data priority: [SS_MAX_SEVERITY + 1] */
    int slot;              /* lua: index into model->lua_rules */
} ss_rule;

/* A Lua rule function: the file that defines it and the field of the module (or NULL when the
 * file returns the function itself). */
typedef struct ss_lua_rule {
    char *path;     /* path used to open the file */
    char *display;  /* as shown in messages, e.g. "rules/triage.lua" */
    char *field;    /* module field, or NULL */
    char *point;    /* decision point, for the default field name */
} ss_lua_rule;

/* A number a rule file decides with, declared there with parameters{...} (ruleparams.h): the
 * value its rules get, the declared one or a scenario's, overlay's or --set's. */
typedef struct ss_rule_param {
    char *path;     /* the rule file, as ss_lua_rule.path */
    char *name;
    double value;
    bool integer;   /* given as a Lua integer: the rule gets an integer */
} ss_rule_param;

typedef enum ss_capacity_kind { SS_CAP_SLOTS, SS_CAP_HOURS, SS_CAP_UNLIMITED } ss_capacity_kind;

/* What a capacity counts, so that a capacity change (the summer) can say what it applies to:
 * case slots and staffed hours are staff's time, which leave shortens; places (dwellings, beds)
 * are buildings, which do not shrink in July. */
typedef enum ss_capacity_of {
    SS_CAPOF_CASE_SLOTS,     /* open cases the staff can carry (slots, slots_per_fte) */
    SS_CAPOF_STAFFED_HOURS,  /* staffed hours a week (hours_per_fte_week) */
    SS_CAPOF_PLACES,         /* dwellings, beds, apartments (slots) */
    SS_CAPOF_KINDS
} ss_capacity_of;
extern const char *const ss_capacity_of_names[SS_CAPOF_KINDS];

/* A meeting that batches decisions: every `every` days from `first`, moved to the next working
 * day; held with probability `held`; at a door, each concern is postponed with `postpone`. */
typedef struct ss_meeting {
    bool on;
    double first;      /* simulated day of the first meeting */
    double every;      /* days between meetings */
    double held;       /* probability the meeting is held */
    double postpone;   /* probability a concern waits for the next meeting (doors) */
    int weekday;       /* 0 = Monday ... 6 = Sunday, as given; -1 when not given */
} ss_meeting;

typedef struct ss_service {
    char *id, *name;
    int unit;                 /* index into units, -1 when none */
    double fte;
    double case_share;        /* share of staff time for individual cases */
    double staff_share;       /* share of the staff (fte) serving the modelled population: a service that
                                 also serves people the scenario does not model (NAV, barnevern) gives
                                 the modelled persons only this part of its staff */
    ss_capacity_kind cap_kind;
    double capacity;          /* slots, or case hours per week at full strength */
    ss_capacity_of cap_of;    /* what the capacity counts (not used when unlimited) */
    ss_dist case_hours;       /* hours per week a case needs (hours capacity) */
    double age_min, age_max;  /* eligible ages [min, max) in years */
    uint32_t need_mask;       /* eligible needs */
    ss_dist intake;           /* days of intake assessment before the episode */
    ss_dist *episode;         /* [nneeds] episode length in days */
    bool priority_queue;      /* false: first come, first served */
    ss_rule priority;         /* priority rule (lower is served first) */
    double target_wait;       /* days; INFINITY when none */
    ss_rule accept;           /* optional acceptance rule */
    ss_rule next;             /* where a case goes when its episode ends */
    ss_rule at_age;           /* what happens at an age boundary */
    int max_severity;         /* eligible severities 1..max_severity */
    ss_meeting meeting;       /* referrals are accepted only at this meeting */
    double decision_limit;    /* days; INFINITY when none (vedtak processing-time limit) */
    double deteriorate_mean;  /* mean days to worsen while waiting; INFINITY when none */
    int escalate_to;          /* service a worsened person is referred to, -1 none */
    double relapse_share;     /* share of discharged who come back */
    ss_dist relapse_after;    /* days until they do */
    bool external_wait_on;    /* the wait for a start is outside the model (specialist care) ... */
    ss_dist external_wait;    /* ... and is drawn from this: days from acceptance to the start */
    int at_age_boundary[8];   /* data at_age: boundary ages with an explicit target ... */
    int at_age_target[8];     /* ... and the target (service, DISCHARGE, CONTINUE) */
    int n_at_age;
} ss_service;

typedef struct ss_door {
    char *id, *name;
    int unit;           /* for the hand-off distance to the first service; -1 none */
    ss_rule route;      /* which service a concern at this door reaches first */
    ss_meeting meeting; /* concerns wait for it (the interdisciplinary meeting) */
} ss_door;

/* Organisational distance of a hand-off, nearest first. */
typedef enum ss_distance {
    SS_SAME_UNIT, SS_SAME_SECTOR, SS_ACROSS_SECTORS, SS_OUTSIDE, SS_DISTANCES
} ss_distance;

typedef struct ss_handoff_cost {
    ss_dist delay;     /* days in transit */
    double info_loss;  /* the receiving service assesses again */
    double rejection;  /* the receiving service sends the person back */
    double lost;       /* the person never arrives */
} ss_handoff_cost;

typedef struct ss_coordination {
    bool on;
    int unit;                 /* the coordinating unit, -1 none */
    double notified;          /* share of the entitled reported to it */
    ss_dist offer_delay;      /* days from report to offer of an individual plan */
    double plan_offer;        /* share of the reported offered an individual plan */
    double consent;           /* share of those offered who accept the plan */
    double coordinator_consent; /* share of the rest (declined, or not offered a plan) who accept
                                   the coordinator offered to them anyway (hol. § 7-2) */
    ss_rule duties;           /* a Lua rule deciding the duties owed (rules/common/coordination.lua);
                                 kind SS_RULE_NONE: long-term and complex needs, and `children` */
    int pool;                 /* coordinator places: coordinators x cases each */
    double coordinators;
    double cases_each;        /* cases per coordinator */
    uint64_t from_sectors;    /* services whose sectors the coordinators come from (bit per
                                 service); a person is coordinated once one of them knows them */
    bool unit_coordinates;    /* the coordinating unit belongs to one of those sectors: its own
                                 coordinators take whoever is reported to it (seed-000 L585) */
    double child_from;        /* barnekoordinator (hol. § 7-2 a): from this simulated day ... */
    int child_min_severity;   /* ... children under 18 with complex needs this severe or worse
                                 are entitled to a coordinator even without an individual plan;
                                 INFINITY / 0 when the scenario does not say */
    double rg_every;          /* days between responsibility-group meetings; 0 none */
    double rg_hours;          /* hours per service involved per meeting */
} ss_coordination;

/* One of the auditors' criteria (revisjonskriterier) the scenario's source applied, with the
 * source's line; where a simulation can check it, the result that measures it and the threshold
 * (output/audit.c reads the run against it).  Criteria about documents (written routines,
 * delegation, competence plans) have no metric and say why in not_simulated. */
typedef enum ss_finding { SS_FINDING_MET, SS_FINDING_PARTLY, SS_FINDING_NOT_MET, SS_FINDING_NONE } ss_finding;

typedef struct ss_criterion {
    char *id;
    char *text;            /* the criterion as the auditors state it */
    char *text_nb;         /* ... in Norwegian, when given beside it (reason.h); NULL when not */
    char *source;          /* where: "seed-000 L248" */
    char *law;             /* the legal basis, "" when the source gives none */
    char *law_nb;          /* ... in Norwegian, when given beside it (reason.h); NULL when not */
    char *metric;          /* a result name (sim/results.c), NULL: not checkable by simulation */
    int service;           /* with metric: the service it is read at, -1 the whole system */
    double at_least;       /* met when the value is at least this (NAN: not this way) */
    double at_most;        /* ... or at most this */
    char *not_simulated;   /* without metric: why a simulation cannot check it */
    char *not_simulated_nb;
    ss_finding finding;    /* the auditors' own conclusion, when the source gives one */
    char *finding_source;  /* ... and where */
    char *finding_source_nb;
} ss_criterion;

typedef struct ss_cohort {
    char *id;
    double age_min, age_max;  /* [min, max) years */
    double count;             /* persons at the start date */
    double growth;            /* per year, e.g. 0.01 */
} ss_cohort;

typedef struct ss_demand {
    int need;
    int cohort;             /* -1: a plain rate */
    double per_1000;        /* new concerns per 1,000 in the cohort per year */
    double rate_per_day;    /* plain rate (when cohort < 0) */
    bool per_year;          /* ... given as rate_per_year */
    double age_min, age_max;
    double severity_cum[SS_MAX_SEVERITY];  /* cumulative over severities 1..nsev */
    int nseverity;
    double complex_share;   /* share with long-term and complex needs */
    bool seasonal;
    int direct_service;     /* -1: through a door */
    ss_rule door;           /* data over doors, or Lua */
    char *name;             /* optional: the name surges refer to (several streams may share it) */
    uint32_t surges;        /* bit i: surges[i] multiplies this stream */
} ss_demand;

/* A time-limited demand surge: named streams' rates times multiplier from `from` to the end of
 * the day `to` (a pandemic, a closure elsewhere that sends people here). */
typedef struct ss_surge {
    char *id;
    double from, to;        /* simulated days: the first day, and the last day (inclusive) */
    double multiplier;
} ss_surge;

typedef struct ss_named {
    char *id, *name;
    int parent;      /* unit -> sector index; building index stored separately */
    bool external;   /* sector: outside the municipality */
    char *leader;    /* unit: units with the same leader count as one for hand-offs */
    int building;    /* unit: building index, -1 none (also in ss_model.unit_building) */
} ss_named;

/* A scenario's `language`: "en" or "nb" (Norwegian bokmål); NONE when it declares none. */
enum { SS_MODEL_LANG_NONE = -1, SS_MODEL_LANG_EN, SS_MODEL_LANG_NB };

typedef struct ss_model {
    char *name;
    char *description;
    char *description_nb;      /* in Norwegian, when given beside it (reason.h); NULL when not */
    ss_calendar cal;
    unsigned summer_applies;  /* bit per ss_capacity_of: the capacities the summer factor cuts */
    double horizon;   /* days simulated in all */
    double warmup;    /* days discarded at the start */
    double sample_days;

    int nneeds;
    char *needs[SS_MAX_NEEDS];

    int nservices;
    ss_service *services;
    int ndoors;
    ss_door *doors;
    int ncohorts;
    ss_cohort *cohorts;
    int ndemand;
    ss_demand *demand;
    int nsurges;
    ss_surge *surges;

    int nsectors, nunits, nbuildings;
    ss_named *sectors, *units, *buildings;
    int *unit_building;  /* [nunits] building index or -1 */

    double age_boundaries[8];
    int nage_boundaries;

    bool shared_log;
    ss_handoff_cost handoff[SS_DISTANCES];
    double co_location[4], shared_log_factor[4];  /* multipliers: delay, info_loss, rejection, lost */
    ss_dist reassessment;
    int max_bounces;
    /* [node][service]: node = service index, or nservices + door index */
    unsigned char *distance;
    unsigned char *co_located;

    ss_coordination coord;

    int ncriteria;
    ss_criterion *criteria;   /* audit: the auditors' criteria, in their order */

    int nlua_rules;
    ss_lua_rule *lua_rules;
    int nrule_params;          /* sorted by rule file, then name */
    ss_rule_param *rule_params;

    double nok_per_fte;       /* yearly cost of one FTE in NOK; NAN when the scenario gives none */
    int language;             /* the language its planners read (SS_MODEL_LANG_*): the REPL's default */
    long rule_instructions;   /* sandbox budget per rule call */
    size_t rule_memory;       /* sandbox memory cap */
} ss_model;

/* Free a model built by ss_model_build (model_read.h); NULL is fine. */
void ss_model_free(ss_model *m);

int ss_model_service_index(const ss_model *m, const char *id);
int ss_model_door_index(const ss_model *m, const char *id);
int ss_model_need_index(const ss_model *m, const char *id);
/* The product of the multipliers of the surges of stream dm in force at day t (1 with none), and
 * its largest value over the horizon (for thinning: every surge of the stream may overlap). */
double ss_demand_surge(const ss_model *m, const ss_demand *dm, double t);
double ss_demand_surge_max(const ss_model *m, const ss_demand *dm);
/* Total FTE of all services. */
double ss_model_total_fte(const ss_model *m);
/* Draw from a choice with u in [0,1). */
int ss_choice_pick(const ss_choice *c, double u);
/* Hand-off distance and co-location from a node (service, or nservices + door) to a service. */
static inline ss_distance ss_model_distance(const ss_model *m, int node, int service) { return (ss_distance)m->distance[(long)node * m->nservices + service]; }
static inline bool ss_model_co_located(const ss_model *m, int node, int service) { return m->co_located[(long)node * m->nservices + service]; }
extern const char *const ss_distance_names[SS_DISTANCES];

#endif
