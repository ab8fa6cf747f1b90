/* target: the figure a run reached for one of its scenario's calibration targets
 * (calibration.targets; model/calibration.h), so that the report can show it beside the figure
 * the scenario was tuned to meet, as an input rather than a finding. */
#ifndef SS_TARGET_H
#define SS_TARGET_H

#include <stdbool.h>

#include "results.h"
#include "stats.h"

typedef struct ss_target_spec {
    const char *metric;     /* a service metric when nservices > 0, else a system metric */
    const int *services;    /* indices of the run's services the target sums over */
    int nservices;
    bool per_year;          /* divided by the measured years */
} ss_target_spec;

/* Per replication, then the mean and its interval at level: several services' counts, cases and
 * persons (completed, queue_mean, lost, ...) are summed; their means, quantiles and shares
 * (wait_mean, over_target_share, ...) are weighted by each service's first contacts (admitted).
 * measured_days is the horizon less the warm-up.  -1 when the metric is not one of the engine's
 * (then *out is untouched). */
int ss_target_reached(const ss_target_spec *t, const ss_rep_result *reps, int nreps, double measured_days,
                      double level, ss_estimate *out);
/* One replication's figure, by the same rule (per year: over measured_days); NaN when no service
 * had a value, or when the metric is not one of the engine's. */
double ss_target_value(const ss_target_spec *t, const ss_rep_result *rep, double measured_days);

#endif
