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

/* A queue still trending over the measured window, as data: the sim layer cannot reach the
 * output's translations, so output/trend_text.h words it ("fph_voksen: queue still growing (+4.1
 * a month over 2021); lengthen the warm-up or check that demand does not exceed capacity"). */
typedef struct ss_trend_note {
    const char *service;    /* the service's id (the run info's, not copied) */
    double per_month;       /* the trend in cases a month: > 0 growing, < 0 shrinking */
    char from[11], to[11];  /* the measured window's first and last day, "YYYY-MM-DD"; both "" when
                             * the run has no start date */
    const char *surges;     /* the demand surges in force in part of the window (run info's), or NULL */
} ss_trend_note;

/* The measured window's first and last day ("YYYY-MM-DD") of a run starting on start_date; both
 * "" when start_date is NULL or not a date. */
void ss_trend_window(const char *start_date, double warmup_days, double horizon_days, char from[11], char to[11]);

/* Whether service s's queue is still trending, and if so its note.  It fires when the interval of the trend across replications
 * excludes 0 at a family-wise false-alarm rate of SS_TREND_FALSE_ALARM per run (Bonferroni over
 * the run's queues), and the change over the window (at least a year) is at least 1 case and at
 * least SS_TREND_RELEVANT of the mean queue: a statistically clear but tiny drift in a long
 * validation run is no reason to distrust a figure. */
#define SS_TREND_FALSE_ALARM 0.01
#define SS_TREND_RELEVANT 0.10
bool ss_trend_warning(const ss_summary *sum, const ss_run_info *info, int s, ss_trend_note *note);

#endif
