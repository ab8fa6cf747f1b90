/* audit_view: the auditors' criteria against one or more models' runs, for people (text) and
 * programs (JSON): criterion -> indicator -> each model's value with its interval -> met, not
 * met or unclear, and what the audit itself found.  Used by `samsim audit`. */
#ifndef SS_AUDIT_VIEW_H
#define SS_AUDIT_VIEW_H

#include <stdint.h>
#include <stdio.h>

#include "audit.h"
#include "lang.h"

typedef struct ss_audit_model {
    const char *label;         /* "A", "B", ... */
    const char *spec;          /* as written on the command line */
    const char *name;          /* the model's name (an overlay's, else the scenario's) */
    const ss_model *m;
    const ss_audit_row *rows;  /* [m->ncriteria] */
} ss_audit_model;

/* The criteria are the first model's; another model's value is the row with the same id.  In lang:
 * Norwegian gives the criteria's texts in Norwegian where the scenario has them, the words and
 * the figures (decimal commas) in bokmål. */
void ss_audit_print(FILE *f, const ss_audit_model *v, int n, uint64_t seed, int reps, ss_lang lang);
/* 0, or -1 when the write failed. */
int ss_audit_print_json(FILE *f, const ss_audit_model *v, int n, uint64_t seed, int reps);

#endif
