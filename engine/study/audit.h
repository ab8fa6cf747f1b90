/* audit: a run read against the auditors' criteria its scenario lists (audit = { ... }).
 *
 * A criterion a simulation can check names a result and a threshold; the run's estimate of that
 * result, with its interval across replications, is then met (the whole interval on the right
 * side of the threshold), not met (the whole interval on the wrong side) or unclear (the
 * interval straddles it).  Criteria about documents are carried along as not simulated. */
#ifndef SS_AUDIT_H
#define SS_AUDIT_H

#include "diag.h"
#include "model.h"
#include "results.h"

typedef enum ss_audit_verdict {
    SS_AUDIT_MET,
    SS_AUDIT_NOT_MET,
    SS_AUDIT_UNCLEAR,        /* the interval straddles the threshold */
    SS_AUDIT_NO_VALUE,       /* the result is undefined in this run (e.g. nobody entitled) */
    SS_AUDIT_NOT_SIMULATED   /* a criterion about documents or routines */
} ss_audit_verdict;

typedef struct ss_audit_row {
    const ss_criterion *c;   /* borrowed from the model */
    const ss_metric_info *info;  /* the result's table entry; NULL when not simulated */
    ss_estimate value;
    ss_audit_verdict verdict;
} ss_audit_row;

/* Every criterion's metric names a result of its kind (a service's with `service`, else the
 * system's).  -1 with d filled: "FILE: audit.ID.metric: no result 'x' ...". */
int ss_audit_check(const ss_model *m, const char *path, ss_diag *d);

/* The verdict on an estimate against a criterion's threshold. */
ss_audit_verdict ss_audit_judge(const ss_criterion *c, const ss_estimate *e);

/* rows[n] for criteria[n] from a run's summary (ss_audit_check passed: every metric is known). */
void ss_audit_evaluate(const ss_criterion *criteria, int n, const ss_summary *s, ss_audit_row *rows);

/* Does the run's verdict agree with what the audit found?  1 yes, 0 no, -1 when they cannot be
 * compared (no finding, partly met, or the run is unclear or has no value). */
int ss_audit_agrees(ss_finding f, ss_audit_verdict v);

/* "met", "not met", "unclear", "no value", "not simulated". */
const char *ss_audit_verdict_name(ss_audit_verdict v);
/* "met", "partly met", "not met"; NULL for SS_FINDING_NONE. */
const char *ss_audit_finding_name(ss_finding f);

#endif
