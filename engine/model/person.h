/* person: one case moving through the services.  Plain data, owned by the simulation's pool. */
#ifndef SS_PERSON_H
#define SS_PERSON_H

#include <stdbool.h>
#include <stdint.h>

#define SS_PATH_MAX 16  /* the last services a person was referred to, for rules and traces */

typedef enum ss_person_state {
    SS_P_FREE,      /* slot not in use */
    SS_P_ARRIVING,  /* between decisions (being routed or referred) */
    SS_P_AT_DOOR,   /* waiting at a door for its meeting */
    SS_P_TRANSIT,   /* on the way to `service` (a hand-off's delay) */
    SS_P_AWAITING,  /* referred to `service`, waiting for its decision meeting */
    SS_P_QUEUED,    /* waiting for first contact at `service` */
    SS_P_IN_CARE,   /* intake or episode at `service` */
    SS_P_AWAY       /* discharged; will come back (relapse) */
} ss_person_state;

typedef enum ss_coord_state {
    SS_C_NONE,        /* not entitled, or not yet known to be */
    SS_C_UNREPORTED,  /* entitled, but the services did not tell the coordinating unit */
    SS_C_REPORTED,    /* waiting for the offer of an individual plan */
    SS_C_DECLINED,    /* offered, declined */
    SS_C_WAITING,     /* accepted, waiting for a coordinator */
    SS_C_ASSIGNED     /* has a coordinator */
} ss_coord_state;

typedef struct ss_person {
    /* The fields nearly every event reads come first: with the simulation's slot header they
     * fill one cache line (sim_parts.h, pslot), so that an event of a large population, which
     * finds its person out of the cache, mostly waits for one line, not three. */
    ss_person_state state;
    int service;          /* current service, -1 when none */
    double at_service;    /* when the current referral reached its service */
    double admitted_at;   /* first contact at the current service */
    double arrived;       /* simulated day of the first concern */
    double units;         /* capacity held or needed at the current service */
    uint32_t gen;         /* bumped when the slot is reused: stale events are ignored */
    int need, severity;   /* severity 1..n */
    int last;             /* the service last referred to, -1 before the first */
    int from_node;        /* who referred the current referral: service, nservices + door, or -1 */
    int referrals;        /* services referred to (with repeats) */
    int handoffs;         /* transitions from one service to another */
    int npath;
    double age0;          /* age in years at arrival */
    double referred;      /* when the current referral was accepted */
    uint64_t visited;     /* bit per service */
    int next_boundary;    /* index of the next age boundary ahead */
    ss_coord_state coord;
    bool complex;         /* long-term and complex needs */
    bool reassess;        /* the current referral lost information on the way */
    bool rejected_on_way; /* the current referral will be sent back (hand-off rejection) */
    bool helped;          /* has had a first contact */
    bool counted;         /* arrived after warm-up: counts in person statistics */
    bool coord_counted;
    bool child_entitled;  /* barnekoordinator: a coordinator even without a plan */
    bool plan;            /* accepted an individual plan */
    int64_t id;           /* 1, 2, ... in order of arrival within a replication */
    int demand;           /* demand stream that produced the concern */
    int door;             /* -1 when referred directly */
    int8_t path[SS_PATH_MAX];
    int bounces;          /* referrals sent back */
    int reassessments;    /* assessments repeated after information was lost */
    double door_since;    /* arrival at a meeting door */
    int meetings_passed;  /* meetings held or cancelled while waiting at the door */
    double entitled_at, coord_since;
    double offer_due;     /* when the plan and coordinator are due to be offered */
} ss_person;

static inline double ss_person_age(const ss_person *p, double t) { return p->age0 + (t - p->arrived) / 365.25; }

#endif
