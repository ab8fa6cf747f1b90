/* precision: how precise a run's key estimates are, for --precision REL (the study adds
 * replications until the widest key interval is within REL of its mean). */
#ifndef SS_PRECISION_H
#define SS_PRECISION_H

#include <stddef.h>

#include "results.h"

/* The largest half-width / mean over the key intervals of sum, and which interval it is
 * ("fph_voksen wait_mean", service ids from ids) in which[0 .. n).  INFINITY while an interval is
 * missing (fewer than two replications); 0 when no key metric is large enough to count. */
double ss_precision_widest(const ss_summary *sum, const char *const *ids, char *which, size_t n);

/* The number of replications to try next: enough for the widest interval to reach target if the
 * spread stays what it is (the half-width shrinks as 1 / sqrt(n)), at least 2 more and at most
 * twice as many (an estimate from few replications is itself uncertain), and never past cap. */
int ss_precision_next(int nreps, double widest, double target, int cap);

#endif
