/* dist: named probability distributions, parsed from a scenario's Lua table and sampled with GSL.
 *
 * A distribution is a small value (no allocation except for empirical tables), so a service can
 * hold one per need type.  Parameters are validated when the scenario is read, so sampling never
 * fails.  Lua forms (key path is used in error messages):
 *   3.5                                        fixed value
 *   { "fixed", value = 3.5 }
 *   { "exponential", mean = 10 }
 *   { "gamma", shape = 2, scale = 5 }   or   { "gamma", mean = 10, sd = 7 }
 *   { "lognormal", mean = 10, sd = 7 }  or   { "lognormal", mu = 2.1, sigma = 0.6 }  (mu, sigma of log)
 *   { "weibull", shape = 1.5, scale = 10 }
 *   { "triangular", min = 1, mode = 3, max = 10 }
 *   { "uniform", min = 1, max = 10 }
 *   { "empirical", values = {1, 2, 5}, weights = {0.5, 0.3, 0.2} }   (weights optional, equal)
 * All durations are in days unless the field's documentation says otherwise. */
#ifndef SS_DIST_H
#define SS_DIST_H

#include <gsl/gsl_rng.h>

#include "diag.h"
#include "ziggurat.h"

typedef enum ss_dist_kind {
    SS_DIST_FIXED,
    SS_DIST_EXPONENTIAL,
    SS_DIST_GAMMA,
    SS_DIST_LOGNORMAL,
    SS_DIST_WEIBULL,
    SS_DIST_TRIANGULAR,
    SS_DIST_UNIFORM,
    SS_DIST_EMPIRICAL
} ss_dist_kind;

typedef struct ss_dist {
    ss_dist_kind kind;
    double a, b, c;  /* kind-specific, normalised: exponential mean; gamma shape, scale;
                        lognormal mu, sigma (of log); weibull shape, scale; triangular min, mode,
                        max; uniform min, max; fixed value */
    int n;           /* empirical: number of values */
    double *values;  /* empirical: owned */
    double *cum;     /* empirical: cumulative weights, last = 1, owned */
} ss_dist;

/* Read the distribution at the top of the stack (a number or a table, see above).
 * path names it in errors, e.g. "services.fph.episode":
 *   "services.fph.episode: expected a distribution (a number or a table such as
 *    { \"exponential\", mean = 10 }), got string"
 *   "services.fph.episode: gamma needs shape and scale, or mean and sd"
 *   "services.fph.episode.mean: expected a number > 0, got -1"
 *   "services.fph.episode: unknown distribution 'normal' (expected one of fixed, exponential,
 *    gamma, lognormal, weibull, triangular, uniform, empirical)"
 * Values must be finite; scale-like parameters > 0; min <= mode <= max; min < max for uniform.
 * Returns 0, or -1 with d filled.  Does not pop. */
struct lua_State;  /* only the scenario reader passes one; the simulation never sees Lua */
int ss_dist_from_lua(struct lua_State *L, int idx, const char *path, ss_dist *out, ss_diag *d);
/* Free what an empirical distribution owns; safe on any kind and on a zeroed struct. */
void ss_dist_free(ss_dist *dist);
/* Deep copy (for models built from several sources). 0 ok, -1 out of memory. */
int ss_dist_copy(ss_dist *dst, const ss_dist *src);
/* Draw one value of the kinds ss_dist_sample does not draw inline (no allocation). */
double ss_dist_sample_other(const ss_dist *dist, gsl_rng *r);
/* Draw one value (no allocation).  Inline for the kinds the hot path draws most (a fixed value,
 * the exponential), which then cost no call; the same values as the out-of-line draw. */
static inline double ss_dist_sample(const ss_dist *dist, gsl_rng *r)
{
    if (dist->kind == SS_DIST_FIXED) return dist->a;
    if (dist->kind == SS_DIST_EXPONENTIAL) return ss_rng_exponential(r, dist->a);
    return ss_dist_sample_other(dist, r);
}
/* The distribution's theoretical mean (for capacity checks and documentation). */
double ss_dist_mean(const ss_dist *dist);
/* A readable one-line form, e.g. "gamma(shape=2, scale=5)"; out of size n. */
void ss_dist_describe(const ss_dist *dist, char *out, size_t n);

#endif
