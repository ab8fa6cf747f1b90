/* ziggurat: exponential variates by the ziggurat method of Marsaglia and Tsang (J. Stat. Softw.
 * 5(8), 2000), 256 layers, drawn from a 64-bit xoshiro256** output: the low 8 bits pick the
 * layer and the upper 53 bits the point within it, so the two never share bits (the flaw
 * Doornik found in the 32-bit original).  About 98.9 % of draws take the inline fast path: one
 * generator call, a compare and a multiply, instead of GSL's log1p.  Exact: the rejection steps
 * make the output exponential, not an approximation (tests/unit/test_dist.c checks the
 * distribution, the tail beyond the ziggurat's base, and the tables). */
#ifndef SS_ZIGGURAT_H
#define SS_ZIGGURAT_H

#include <stdint.h>

#include "rng.h"

#define SS_ZIG_EXP_R 7.69711747013104972  /* where the base layer's tail starts */

/* Tables made by engine/core/ziggurat_tables.py: k[i] the 53-bit acceptance bound of layer i,
 * w[i] its width per integer step, f[i] the density exp(-x) at its right edge. */
extern const uint64_t ss_zig_exp_k[256];
extern const double ss_zig_exp_w[256];
extern const double ss_zig_exp_f[256];

/* The rare path: the wedge test, the tail, or a new draw.  u is the output that was rejected. */
double ss_zig_exp_slow(gsl_rng *r, uint64_t u);

/* An exponential variate with mean 1. */
static inline double ss_rng_exp1(gsl_rng *r)
{
    uint64_t u = ss_rng_next(r);
    unsigned i = (unsigned)(u & 255);
    uint64_t j = u >> 11;
    if (j < ss_zig_exp_k[i])
        return (double)j * ss_zig_exp_w[i];
    return ss_zig_exp_slow(r, u);
}

/* An exponential variate with the given mean. */
static inline double ss_rng_exponential(gsl_rng *r, double mean) { return mean * ss_rng_exp1(r); }

#endif
