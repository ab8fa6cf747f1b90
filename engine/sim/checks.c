/* checks: consistency identities over one replication's results. */
#include "checks.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>

/* The identity is over everyone who joined the queue and the time in it of everyone who left it,
 * helped or not (queue_time_mean; the wait of those helped alone misses those who left
 * unhelped).  It holds exactly for the stays that both began and ended inside the measured
 * period.  Stays under way when measuring began bring time from before it into queue_time_mean;
 * stays still under way at the end add area that no time records.  In steady state about
 * queue_mean stays are under way at the start and queue_end at the end, and each can shift the
 * area by up to about the longest stay, so that is the allowance for the edges. */
ss_littles_law ss_littles_law_at(const ss_rep_result *r, const ss_model *m, int service, double tol)
{
    assert(service >= 0 && service < r->nservices && r->nservices == m->nservices);
    ss_littles_law x = {.checked = false, .queue = NAN, .flow = NAN, .allowed = NAN};
    const double *v = r->service + (long)service * SS_SERVICE_METRICS;
    double days = m->horizon - m->warmup;
    if (!(days > 0) || !(v[SS_SM_QUEUE_JOINED] > 0) || !isfinite(v[SS_SM_QUEUE_TIME_MEAN]))
        return x;
    x.checked = true;
    x.queue = v[SS_SM_QUEUE_MEAN];
    x.flow = v[SS_SM_QUEUE_JOINED] / days * v[SS_SM_QUEUE_TIME_MEAN];
    double edge_cases = v[SS_SM_QUEUE_END] + ceil(x.queue);
    x.allowed = tol * fmax(fabs(x.queue), fabs(x.flow)) + edge_cases * v[SS_SM_QUEUE_TIME_MAX] / days;
    return x;
}

int ss_check_littles_law(const ss_rep_result *r, const ss_model *m, double tol, char *msg, size_t n)
{
    int failed = 0;
    if (msg && n) msg[0] = '\0';
    for (int s = 0; s < m->nservices; s++) {
        ss_littles_law x = ss_littles_law_at(r, m, s, tol);
        if (!x.checked || fabs(x.queue - x.flow) <= x.allowed)
            continue;
        if (failed++ == 0 && msg && n) {
            double apart = 100.0 * fabs(x.queue - x.flow) / fmax(fabs(x.queue), fabs(x.flow));
            snprintf(msg, n, "service %s: queue_mean %.4g, but joined per day x queue_time_mean = %.4g "
                     "(%.1f %% apart; allowed %.3g)", m->services[s].id, x.queue, x.flow, apart, x.allowed);
        }
    }
    return failed;
}
