/* rules: the bridge from the simulation's decision points to Lua rule functions.
 *
 * One ss_rules per worker thread: its own sandbox with every rule file of the model loaded once.
 * A function rule is called with light views, not copies: `person` and `service` are userdata
 * proxies whose fields are read from the C structs on access (person.age, person.need,
 * service.queue ...), and `ctx` gives the date and the state of other services.  The proxies are
 * created once and re-pointed before each call, so a call allocates nothing in C.
 *
 * Every failure comes back as one message:
 *   rules/triage.lua:12: error in rule 'route' (person 1832, door gp, 2023-03-14): attempt to ... */
#ifndef SS_RULES_H
#define SS_RULES_H


#include <gsl/gsl_rng.h>

#include "diag.h"
#include "flag.h"
#include "model.h"
#include "person.h"

typedef struct ss_rules ss_rules;

/* What rules may look at besides the person: the model and the services' state now. */
typedef struct ss_world {
    const ss_model *m;
    const int *queue_len;   /* [nservices] */
    const int *caseload;    /* [nservices] */
    double now;
    int rep;
} ss_world;

/* Load every Lua rule of m into a new sandbox.  NULL with d filled (a rule file's syntax error,
 * a module without the named function ...). */
ss_rules *ss_rules_new(const ss_model *m, ss_diag *d);
void ss_rules_free(ss_rules *r);
/* Start the rules afresh for a new replication: every rule file runs again (from the text read
 * by ss_rules_new), so state a module keeps in its locals lasts one replication and results do
 * not depend on which worker ran which replications before.  -1 with d filled. */
int ss_rules_reset(ss_rules *r, ss_diag *d);
/* The stream math.random draws from, and where an interrupt is noticed. */
void ss_rules_set_rng(ss_rules *r, gsl_rng *rng);
void ss_rules_set_interrupt(ss_rules *r, const ss_stop_flag *flag);
size_t ss_rules_memory(const ss_rules *r);
/* The line where rule `slot`'s function starts, for traces. */
int ss_rules_line(const ss_rules *r, int slot);

/* Decision points.  Each returns 0 and writes its answer, or -1 with d filled. */
int ss_rules_door(ss_rules *r, int slot, const ss_person *p, const ss_world *w, int *door, ss_diag *d);
int ss_rules_route(ss_rules *r, int slot, const ss_person *p, int door, const ss_world *w,
                   int *service, ss_diag *d);
/* outcome: SS_T_ACCEPT, SS_T_REJECT, or a service index to redirect to. */
int ss_rules_accept(ss_rules *r, int slot, const ss_person *p, int service, bool eligible,
                    const ss_world *w, int *outcome, ss_diag *d);
int ss_rules_priority(ss_rules *r, int slot, const ss_person *p, int service, const ss_world *w,
                      double *priority, ss_diag *d);
/* target: SS_T_DISCHARGE or a service index. */
int ss_rules_next(ss_rules *r, int slot, const ss_person *p, int service, const ss_world *w,
                  int *target, ss_diag *d);
/* target: SS_T_CONTINUE, SS_T_DISCHARGE or a service index. */
int ss_rules_at_age(ss_rules *r, int slot, const ss_person *p, int service, int age,
                    const ss_world *w, int *target, ss_diag *d);

/* The duties of helse- og omsorgstjenesteloven chapter 7 a person is owed (coordination.rule). */
typedef enum ss_duties { SS_DUTY_NONE, SS_DUTY_PLAN, SS_DUTY_PLAN_CHILD } ss_duties;
/* duties(person, ctx) answers "none", "plan" (an individual plan and a coordinator) or
 * "plan_child" (and a barnekoordinator, hol. § 7-2 a). */
int ss_rules_duties(ss_rules *r, int slot, const ss_person *p, const ss_world *w, ss_duties *duties, ss_diag *d);

#endif
