/* target: a calibration target's figure in a run (target.h).
 *
 * The same rule as tests/calibration/targets.lua applies in the REPL: what adds up is summed,
 * what is a mean over people is weighted by the people it is a mean of. */
#include "target.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Counts, cases and persons add up across services; days, shares and per-FTE figures do not. */
static bool additive(const ss_metric_info *mi)
{
    return strcmp(mi->unit, "count") == 0 || strcmp(mi->unit, "cases") == 0 || strcmp(mi->unit, "persons") == 0;
}

/* One replication's figure over the target's services; NaN when none of them had a value. */
static double services_value(const ss_target_spec *t, const ss_rep_result *rep, int m, bool sum)
{
    double total = 0, weight = 0;
    bool any = false;
    for (int i = 0; i < t->nservices; i++) {
        const double *row = rep->service + (long)t->services[i] * SS_SERVICE_METRICS;
        double v = row[m], w = row[SS_SM_ADMITTED];
        if (!isfinite(v) || (!sum && !(w > 0))) continue;
        total += sum ? v : v * w;
        weight += sum ? 0 : w;
        any = true;
    }
    if (!any) return NAN;
    return sum ? total : total / weight;
}

double ss_target_value(const ss_target_spec *t, const ss_rep_result *rep, double measured_days)
{
    bool system = t->nservices == 0;
    const ss_metric_info *mi = ss_metric_find(system ? "system" : "service", t->metric);
    if (!mi) return NAN;
    int m = (int)(mi - (system ? ss_system_metric_info : ss_service_metric_info));
    double v = system ? rep->system[m] : services_value(t, rep, m, additive(mi));
    double years = measured_days / 365.25;
    return t->per_year && years > 0 ? v / years : v;
}

int ss_target_reached(const ss_target_spec *t, const ss_rep_result *reps, int nreps, double measured_days,
                      double level, ss_estimate *out)
{
    if (!ss_metric_find(t->nservices == 0 ? "system" : "service", t->metric)) return -1;
    double *x = xcalloc(nreps > 0 ? (size_t)nreps : 1, sizeof *x);
    for (int k = 0; k < nreps; k++) x[k] = ss_target_value(t, &reps[k], measured_days);
    *out = ss_estimate_from(x, nreps, level);
    free(x);
    return 0;
}
