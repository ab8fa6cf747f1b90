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

/* Little's law at one service's queue: time-average number waiting = rate of joining x mean time
 * in the queue of everyone who left it (helped or not).
 *   queue    queue_mean (the time average over the measured period)
 *   flow     joined / measured days x queue_time_mean
 *   allowed  how far apart they may be: tol x the larger, plus an allowance for the edges of the
 *            measured period (stays under way when measuring began, and at the end, whose times
 *            are counted on only one side of the identity)
 * checked is false when nobody joined the queue (there is no time to compare). */
typedef struct ss_littles_law {
    bool checked;
    double queue, flow, allowed;
} ss_littles_law;

ss_littles_law ss_littles_law_at(const ss_rep_result *r, const ss_model *m, int service, double tol);

/* Little's law at every service of r.  Returns the number of services where it fails (0: all
 * hold or could not be checked); msg gets the first failure, e.g.
 *   "service q: queue_mean 5.62, but joined per day x queue_time_mean = 5.10 (10 % apart; allowed 0.17)"
 * or "" when none fails. */
int ss_check_littles_law(const ss_rep_result *r, const ss_model *m, double tol, char *msg, size_t n);

#endif
