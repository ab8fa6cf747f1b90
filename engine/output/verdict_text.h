/* verdict_text: the verdict as text for a terminal (`samsim compare`, the REPL's compare and
 * `make demo`): the models by name, then one line per key measure with a mark readable
 * without colour, the paired difference and, where it may rest on them, the effect assumptions. */
#ifndef SS_VERDICT_TEXT_H
#define SS_VERDICT_TEXT_H

#include <stdio.h>

#include "results.h"
#include "verdict.h"

/* A key measure's name for people: "Wait, mean (days) at Forebyggende psykisk helse" for a
 * service's measure (its name from info), the label alone for the system's. */
void ss_verdict_measure_name(char *buf, size_t n, const ss_verdict_measure *m, const ss_run_info *info, ss_lang lang);

/* The verdict of option_letter against base_letter (the base): their names and one-line
 * descriptions, the key measures, staffing and cost, the effect assumptions the models differ in,
 * and the robustness (or that it has not been assessed).  info gives the services' names. */
void ss_verdict_print(FILE *f, const ss_verdict *v, const char *base_letter, const char *option_letter,
                      const ss_run_info *info, ss_lang lang);

/* At most max lines "✓ better: First concern to the right help (days) -5.2 [-7.1, -3.3]": the
 * differences beyond noise in the verdict's order, the first better and the first worse always
 * among them, then how many more there are: the headline of `make demo`. */
void ss_verdict_print_headline(FILE *f, const ss_verdict *v, const ss_run_info *info, int max, ss_lang lang);

#endif
