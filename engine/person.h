/* person: one case moving through the services.  Plain data, owned by the simulation's pool. */
#ifndef SS_PERSON_H
#define SS_PERSON_H

#include <stdbool.h>
#include <stdint.h>

#define SS_PATH_MAX 16  /* the last services a person was referred to, for rules and traces */

typedef enum ss_person_state {
    SS_P_FREE,      /* slot not in use */
    SS_P_ARRIVING,  /* at a door, being routed */
    SS_P_QUEUED,    /* waiting for first contact at `service` */
    SS_P_IN_CARE    /* intake or episode at `service` */
} ss_person_state;

typedef struct ss_person {
    int64_t id;           /* 1, 2, ... in order of arrival within a replication */
    uint32_t gen;         /* bumped when the slot is reused: stale events are ignored */
    ss_person_state state;
    int need, severity;   /* severity 1..n */
    bool complex;         /* long-term and complex needs */
    int demand;           /* demand stream that produced the concern */
    int door;             /* -1 when referred directly */
    double age0;          /* age in years at arrival */
    double arrived;       /* simulated day of the first concern */
    double referred;      /* when the current referral was accepted */
    int service;          /* current service, -1 when none */
    int last;             /* the service last referred to, -1 before the first */
    double units;         /* capacity held or needed at the current service */
    int referrals;        /* services referred to (with repeats) */
    int handoffs;         /* transitions from one service to another */
    uint64_t visited;     /* bit per service */
    int8_t path[SS_PATH_MAX];
    int npath;
    int next_boundary;    /* index of the next age boundary ahead */
} ss_person;

static inline double ss_person_age(const ss_person *p, double t) { return p->age0 + (t - p->arrived) / 365.25; }

#endif
