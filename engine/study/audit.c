/* audit: a run read against the auditors' criteria (audit.h). */
#include "audit.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "near.h"

static const char *scope_of(const ss_criterion *c) { return c->service >= 0 ? "service" : "system"; }

int ss_audit_check(const ss_model *m, const char *path, ss_diag *d)
{
    for (int i = 0; i < m->ncriteria; i++) {
        const ss_criterion *c = &m->criteria[i];
        if (!c->metric) continue;
        if (ss_metric_find(scope_of(c), c->metric)) continue;
        bool service = c->service >= 0;
        int n = service ? SS_SERVICE_METRICS : SS_SYSTEM_METRICS;
        const ss_metric_info *t = service ? ss_service_metric_info : ss_system_metric_info;
        const char *names[SS_SERVICE_METRICS + SS_SYSTEM_METRICS];
        for (int k = 0; k < n; k++) names[k] = t[k].name;
        char near[256];
        if (ss_metric_find(service ? "system" : "service", c->metric))
            return ss_fail(d, "%s: audit.%s.metric: '%s' is a result of %s; %s", path, c->id, c->metric,
                           c->service >= 0 ? "the whole system" : "a service",
                           c->service >= 0 ? "leave out service" : "add service = \"...\"");
        if (ss_near_names(c->metric, names, n, near, sizeof near))
            return ss_fail(d, "%s: audit.%s.metric: no result '%s' (did you mean %s?)", path, c->id, c->metric, near);
        return ss_fail(d, "%s: audit.%s.metric: no result '%s' ('samsim schema' lists them)", path, c->id, c->metric);
    }
    return 0;
}

ss_audit_verdict ss_audit_judge(const ss_criterion *c, const ss_estimate *e)
{
    if (!c->metric) return SS_AUDIT_NOT_SIMULATED;
    if (isnan(e->mean)) return SS_AUDIT_NO_VALUE;
    if (isnan(e->ci_low) || isnan(e->ci_high)) return SS_AUDIT_UNCLEAR;  /* one replication */
    bool least = !isnan(c->at_least);
    double t = least ? c->at_least : c->at_most;
    double good = least ? e->ci_low : e->ci_high, bad = least ? e->ci_high : e->ci_low;
    if (least ? good >= t : good <= t) return SS_AUDIT_MET;
    if (least ? bad < t : bad > t) return SS_AUDIT_NOT_MET;
    return SS_AUDIT_UNCLEAR;
}

void ss_audit_evaluate(const ss_criterion *criteria, int n, const ss_summary *s, ss_audit_row *rows)
{
    for (int i = 0; i < n; i++) {
        const ss_criterion *c = &criteria[i];
        ss_audit_row *r = &rows[i];
        *r = (ss_audit_row){.c = c, .value = {.mean = NAN, .ci_low = NAN, .ci_high = NAN, .sd = NAN}};
        if (c->metric) {
            r->info = ss_metric_find(scope_of(c), c->metric);
            assert(r->info);  /* ss_audit_check ran when the scenario was loaded */
            long k = r->info - (c->service >= 0 ? ss_service_metric_info : ss_system_metric_info);
            r->value = c->service >= 0 ? s->service[(long)c->service * SS_SERVICE_METRICS + k] : s->system[k];
        }
        r->verdict = ss_audit_judge(c, &r->value);
    }
}

int ss_audit_agrees(ss_finding f, ss_audit_verdict v)
{
    if ((f != SS_FINDING_MET && f != SS_FINDING_NOT_MET) || (v != SS_AUDIT_MET && v != SS_AUDIT_NOT_MET)) return -1;
    return (f == SS_FINDING_MET) == (v == SS_AUDIT_MET);
}

const char *ss_audit_verdict_name(ss_audit_verdict v)
{
    static const char *const names[] = {"met", "not met", "unclear", "no value", "not simulated"};
    return names[v];
}

const char *ss_audit_finding_name(ss_finding f)
{
    static const char *const names[] = {"met", "partly met", "not met", NULL};
    return names[f];
}
