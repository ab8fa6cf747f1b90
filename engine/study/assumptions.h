/* assumptions: a point of a scenario's assumption space — the scenario loaded with some of its
 * ranged numbers (model/range.h) set to chosen values, as `--set PATH=VALUE` would set them.  The
 * one way a sensitivity study, a robust comparison and a calibration put a sampled point into a
 * model, so that they sample alike. */
#ifndef SS_ASSUMPTIONS_H
#define SS_ASSUMPTIONS_H

#include "diag.h"
#include "range.h"
#include "scenario.h"

/* The value a ranged number takes at cumulative probability u of its range (its quantile
 * function): whole numbers stay whole. */
double ss_ranged_at(const ss_ranged *r, double u);

/* The scenario as so describes it (overlays, then so's sets), then paths[j] = values[j] for each
 * of the n numbers.  NULL with d filled when it does not load. */
ss_scenario *ss_scenario_load_at(const char *file, const ss_scenario_opts *so, const char *const *paths,
                                 const double *values, int n, ss_diag *d);

#endif
