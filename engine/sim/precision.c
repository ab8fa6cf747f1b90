/* precision: the key intervals of a run and the rule for adding replications. */
#include "precision.h"

#include <math.h>
#include <stdio.h>

/* The key intervals are the figures a planner reads first: per service the wait, the queue and
 * the utilisation; for the system the time to first and to the right help.  Each has a floor
 * below which it is left out: a relative precision on a wait of a tenth of a day, or a queue
 * under one case, would demand thousands of replications to tell 0.1 from 0.2, which no
 * decision turns on. */
static const struct { ss_service_metric m; double floor; } key_service[] = {
    {SS_SM_WAIT_MEAN, 1.0}, {SS_SM_QUEUE_MEAN, 1.0}, {SS_SM_UTILISATION, 0.05}};
static const struct { ss_system_metric m; double floor; } key_system[] = {
    {SS_YM_FIRST_HELP_MEAN, 1.0}, {SS_YM_RIGHT_HELP_MEAN, 1.0}};

/* Half-width over mean; INFINITY with no interval yet, -1 when the metric does not count. */
static double relative_half_width(const ss_estimate *e, double floor)
{
    if (!isfinite(e->mean) || e->mean < floor)
        return -1.0;
    if (!isfinite(e->ci_low) || !isfinite(e->ci_high))
        return INFINITY;
    return (e->ci_high - e->ci_low) / 2.0 / e->mean;
}

double ss_precision_widest(const ss_summary *sum, const char *const *ids, char *which, size_t n)
{
    double widest = 0.0;
    snprintf(which, n, "-");
    for (int s = 0; s < sum->nservices; s++)
        for (size_t k = 0; k < sizeof key_service / sizeof key_service[0]; k++) {
            int m = key_service[k].m;
            double r = relative_half_width(&sum->service[(long)s * SS_SERVICE_METRICS + m], key_service[k].floor);
            if (r > widest) {
                widest = r;
                snprintf(which, n, "%s %s", ids[s], ss_service_metric_info[m].name);
            }
        }
    for (size_t k = 0; k < sizeof key_system / sizeof key_system[0]; k++) {
        int m = key_system[k].m;
        double r = relative_half_width(&sum->system[m], key_system[k].floor);
        if (r > widest) {
            widest = r;
            snprintf(which, n, "system %s", ss_system_metric_info[m].name);
        }
    }
    return widest;
}

int ss_precision_next(int nreps, double widest, double target, int cap)
{
    double want = isfinite(widest) ? ceil(nreps * (widest / target) * (widest / target)) : 2.0 * nreps;
    int next = want > 2.0 * nreps ? 2 * nreps : (int)want;
    if (next < nreps + 2)
        next = nreps + 2;
    return next < cap ? next : cap;
}
