/* checks: consistency identities over one replication's results. */
#include "checks.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>

/* The identity holds exactly for the cases that both joined and left the queue inside the
 * measured period.  Cases queued when measuring began bring waiting from before it into
 * wait_mean; cases still queued at the end add area that no wait records.  In steady state about
 * queue_mean cases are queued at the start and queue_end at the end, and each can shift the area
 * by up to about the longest wait, so that is the allowance for the edges. */
ss_littles_law ss_littles_law_at(const ss_rep_result *r, const ss_model *m, int service, double tol)
{
    assert(service >= 0 && service < r->nservices && r->nservices == m->nservices);
    ss_littles_law x = {.checked = false, .queue = NAN, .flow = NAN, .allowed = NAN};
    const double *v = r->service + (long)service * SS_SERVICE_METRICS;
    double days = m->horizon - m->warmup;
    if (!(days > 0) || !(v[SS_SM_ADMITTED] > 0) || !isfinite(v[SS_SM_WAIT_MEAN]))
        return x;
    x.checked = true;
    x.queue = v[SS_SM_QUEUE_MEAN];
    x.flow = v[SS_SM_ADMITTED] / days * v[SS_SM_WAIT_MEAN];
    double edge_cases = v[SS_SM_QUEUE_END] + ceil(x.queue);
    x.allowed = tol * fmax(fabs(x.queue), fabs(x.flow)) + edge_cases * v[SS_SM_WAIT_MAX] / days;
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
            snprintf(msg, n, "service %s: queue_mean %.4g, but admitted per day x wait_mean = %.4g "
                     "(%.1f %% apart; allowed %.3g)", m->services[s].id, x.queue, x.flow, apart, x.allowed);
        }
    }
    return failed;
}
