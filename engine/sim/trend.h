/* trend: is a queue still growing or shrinking over the measured window?  A queue that trends
 * has no steady state, so its wait depends on the warm-up chosen and on the horizon: every run
 * says so (issue 11 item 7). */
#ifndef SS_TREND_H
#define SS_TREND_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "results.h"

/* The queue trend of every service of one finished replication (from its time series), in cases
 * a month, into the service metric SS_SM_QUEUE_TREND; NaN where the window holds fewer than three
 * samples. */
void ss_queue_trend(ss_rep_result *r, const ss_model *m);

/* Whether service s's queue is still trending, and if so the warning in buf, e.g.
 * "fph_voksen: queue still growing (+4.1 a month over 2021); lengthen the warm-up or check that
 * demand does not exceed capacity".  It fires when the interval of the trend across replications
 * excludes 0 at a family-wise false-alarm rate of SS_TREND_FALSE_ALARM per run (Bonferroni over
 * the run's queues), and the change over the window (at least a year) is at least 1 case and at
 * least SS_TREND_RELEVANT of the mean queue: a statistically clear but tiny drift in a long
 * validation run is no reason to distrust a figure. */
#define SS_TREND_FALSE_ALARM 0.01
#define SS_TREND_RELEVANT 0.10
bool ss_trend_warning(const ss_summary *sum, const ss_run_info *info, int s, char *buf, size_t n);

#endif
