/* gsa: the designs and estimators of global sensitivity analysis, on the unit hypercube,
 * knowing nothing of scenarios (study/sensitivity.c evaluates the model at the points; the tests
 * prove the estimators on the Ishigami function and Sobol's g-function).
 *
 * Morris's elementary effects (screening).  r trajectories of k+1 points on a grid of `levels`
 * levels; each step moves one factor by delta = levels / (2 (levels - 1)), in a random order, so
 * a trajectory gives one elementary effect EE_i = (y_after - y_before) / (+-delta) per factor.
 * mu_star is the mean of |EE_i| (how much the factor matters, in the output's units per the
 * whole unit interval), sigma their standard deviation (interaction or non-linearity).
 *
 * Sobol indices (variance decomposition).  Saltelli's design: N points of a Sobol sequence in 2k
 * dimensions (GSL's gsl_qrng_sobol) split into matrices A and B; AB_i is A with column i from
 * B.  The model is run at the N (k + 2) points, and Jansen's estimators give, with V the
 * variance of the outputs at A and B together,
 *   first order  S1_i = (V - 1/(2N) sum_j (f(B)_j - f(AB_i)_j)^2) / V
 *   total order  ST_i = 1/(2N) sum_j (f(A)_j - f(AB_i)_j)^2 / V.
 * Intervals are bootstrap percentiles over the N rows, resampled with replacement.
 *
 * A space-filling sample (robust comparisons, calibration): n points spread over [0, 1]^k, the
 * first n points of GSL's Sobol sequence when k fits it, else a Latin hypercube (each factor's
 * n strata used once, the pairing of strata random), which has no limit on k. */
#ifndef SS_GSA_H
#define SS_GSA_H

#include <stdint.h>

#define SS_SOBOL_MAX_FACTORS 20   /* gsl_qrng_sobol gives at most 40 dimensions: 2k */
#define SS_SOBOL_MAX_DIMENSIONS 40

/* ---- space-filling samples ---------------------------------------------------------------- */

/* n points in [0, 1]^k: x[p k + i] is factor i at point p.  The Sobol sequence (skipping its
 * origin) for k <= SS_SOBOL_MAX_DIMENSIONS, else a Latin hypercube drawn with the seed.  The
 * same arguments give the same points.  Returns the design's name: "sobol" or "latin". */
const char *ss_space_filling_design(int k, int n, uint64_t seed, double *x);

/* ---- Morris ------------------------------------------------------------------------------ */

/* r trajectories for k factors: x[(t (k + 1) + s) k + i] is factor i at step s of trajectory t;
 * moved[t k + s] is the factor step s + 1 moves and up[...] whether it moves it up.  Arrays of
 * r (k + 1) k, r k and r k elements.  The same seed gives the same design. */
void ss_morris_design(int k, int r, int levels, uint64_t seed, double *x, int *moved, int *up);

typedef struct ss_morris_result {
    double mu, mu_star, sigma;   /* mean EE, mean |EE|, standard deviation of EE (n - 1) */
} ss_morris_result;

/* From the outputs y[t (k + 1) + s] at the design's points, one result per factor. */
void ss_morris_effects(int k, int r, int levels, const int *moved, const int *up, const double *y,
                       ss_morris_result *out);

/* ---- Sobol ------------------------------------------------------------------------------- */

/* The N (k + 2) points in the order A (N rows), B (N rows), AB_1 (N rows), ..., AB_k: the point
 * p is x[p k .. p k + k - 1].  -1 when k is 0 or above SS_SOBOL_MAX_FACTORS (GSL's limit). */
int ss_saltelli_design(int k, int n, double *x);

typedef struct ss_interval {
    double mean, ci_low, ci_high;
} ss_interval;

typedef struct ss_sobol_result {
    ss_interval s1, st;
} ss_sobol_result;

/* Jansen's S1 and ST for each factor from the outputs y in the design's order, with bootstrap
 * percentile intervals at `level` (0.95) from `resamples` resamples of the rows.  -1 when the
 * outputs do not vary (V = 0: every index is 0/0), else 0. */
int ss_sobol_indices(int k, int n, const double *y, int resamples, double level, uint64_t seed,
                     ss_sobol_result *out);

#endif
