/* explain: why a service's wait is what it is, in the planner's words — demand a year against
 * what the service can take a year, how busy it is, who leaves the queue before first contact,
 * whether the queue grew over the measured period — and which inputs behind it are cited,
 * tuned or assumed, with their citations (the register `show --sources` prints).  The REPL's
 * `explain` and `samsim explain` print the same text. */
#ifndef SS_EXPLAIN_H
#define SS_EXPLAIN_H

#include <stdio.h>

#include "lang.h"
#include "study.h"

/* Explain service s of a finished study (its scenario is st->sc). */
void ss_explain_service(FILE *f, const ss_study *st, int s);
/* The same in a language (Norwegian: its words and decimal commas). */
void ss_explain_service_in(FILE *f, const ss_study *st, int s, ss_lang lang);

/* The index of the service with this id in the study, or -1. */
int ss_explain_find(const ss_study *st, const char *id);

#endif
