/* tornado: what `samsim sensitivity` prints — the ranked table with a bar per number (a tornado
 * chart in text), the JSON for programs, and the chart as SVG through gnuplot (plot.h). */
#ifndef SS_TORNADO_H
#define SS_TORNADO_H

#include <stdio.h>

#include "plot.h"
#include "sensitivity.h"

/* The numbers of metric m in ranked order: those with Sobol indices by ST (largest first), then
 * the rest by mu_star.  order[nparams] receives the parameter indices. */
void ss_sens_rank(const ss_sens_result *r, int m, int *order);

/* The ranked table of metric m, with its heading and the note on how to read it. */
void ss_sens_print_table(FILE *f, const ss_sens_result *r, int m, int reps, uint64_t seed);

/* {"metric", "method", "parameters": [...]} for one metric, or an array of them for several.
 * 0, or -1 when the write failed. */
int ss_sens_print_json(FILE *f, const ss_sens_result *r);

/* A tornado chart of metric m (ST with its interval where computed, else mu_star) as SVG, or
 * NULL with p->why saying why (gnuplot missing). */
char *ss_sens_tornado_svg(plotter *p, const ss_sens_result *r, int m);

#endif
