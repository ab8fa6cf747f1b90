/* rng: one GSL Mersenne Twister per (seed, replication, purpose, index).
 *
 * The key is hashed with the splitmix64 finaliser, one component at a time, so that neighbouring
 * keys (rep 7 and rep 8) give unrelated seeds.  mt19937 uses only the low 32 bits of its seed and
 * treats 0 as "use the default seed 4357", so the hash is folded to 32 bits and 0 is avoided. */
#include "rng.h"

#include <assert.h>

/* splitmix64's step and finaliser (Steele, Lea, Flood 2014): a bijection on 64 bits. */
static uint64_t splitmix64(uint64_t x)
{
    x += UINT64_C(0x9e3779b97f4a7c15);
    x = (x ^ (x >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    x = (x ^ (x >> 27)) * UINT64_C(0x94d049bb133111eb);
    return x ^ (x >> 31);
}

unsigned long ss_rng_seed_for(uint64_t seed, uint32_t rep, ss_purpose purpose, uint32_t index)
{
    assert(purpose >= SS_RNG_ARRIVALS && purpose < SS_RNG_PURPOSES);
    uint64_t h = splitmix64(seed);
    h = splitmix64(h ^ ((uint64_t)rep << 32 | index)); /* rep and index packed without overlap */
    h = splitmix64(h ^ (uint64_t)purpose);
    uint32_t s = (uint32_t)(h ^ (h >> 32));
    return s ? s : UINT32_C(0x6a09e667); /* any fixed non-zero value; 0 means GSL's default */
}

/* gsl_rng_alloc reports running out of memory through GSL's error handler, which aborts unless
 * the program has installed its own; then it returns NULL and so do we. */
gsl_rng *ss_rng_new(uint64_t seed, uint32_t rep, ss_purpose purpose, uint32_t index)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    if (r)
        ss_rng_reseed(r, seed, rep, purpose, index);
    return r;
}

void ss_rng_reseed(gsl_rng *r, uint64_t seed, uint32_t rep, ss_purpose purpose, uint32_t index)
{
    assert(r);
    gsl_rng_set(r, ss_rng_seed_for(seed, rep, purpose, index));
}
