/* checks: identities that one replication's results must satisfy whatever the model.
 *
 * They test the bookkeeping, not the model: a scenario can be wrong and still pass, but a failure
 * means the statistics disagree with each other.  The validation tests run them on every
 * replication; the command line can run them after a run and warn. */
#ifndef SS_CHECKS_H
#define SS_CHECKS_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "results.h"

/* Little's law at one service's queue: time-average number waiting = admission rate x mean wait.
 *   queue    queue_mean (the time average over the measured period)
 *   flow     admitted / measured days x wait_mean
 *   allowed  how far apart they may be: tol x the larger, plus an allowance for the edges of the
 *            measured period (cases queued when measuring began, and at the end, whose waits are
 *            counted on only one side of the identity)
 * checked is false when the service admitted nobody (there is no mean wait to compare). */
typedef struct ss_littles_law {
    bool checked;
    double queue, flow, allowed;
} ss_littles_law;

ss_littles_law ss_littles_law_at(const ss_rep_result *r, const ss_model *m, int service, double tol);

/* Little's law at every service of r.  Returns the number of services where it fails (0: all
 * hold or could not be checked); msg gets the first failure, e.g.
 *   "service q: queue_mean 5.62, but admitted per day x wait_mean = 5.10 (10 % apart; allowed 0.17)"
 * or "" when none fails. */
int ss_check_littles_law(const ss_rep_result *r, const ss_model *m, double tol, char *msg, size_t n);

#endif
