/* rng: xoshiro256** as a GSL generator type, and stream keys hashed with splitmix64. */
#include "rng.h"

#include <assert.h>

_Static_assert(sizeof(unsigned long) >= sizeof(uint64_t), "a 64-bit seed must fit GSL's unsigned long");

/* splitmix64's step and finaliser (Steele, Lea, Flood 2014): a bijection on 64 bits. */
static uint64_t splitmix64(uint64_t x)
{
    x += UINT64_C(0x9e3779b97f4a7c15);
    x = (x ^ (x >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    x = (x ^ (x >> 27)) * UINT64_C(0x94d049bb133111eb);
    return x ^ (x >> 31);
}

/* Four successive splitmix64 outputs from the seed: never all zero, and neighbouring seeds give
 * unrelated states. */
static void xoshiro_set(void *state, unsigned long seed)
{
    ss_xoshiro *x = state;
    uint64_t z = seed;
    for (int i = 0; i < 4; i++) {
        x->s[i] = splitmix64(z);
        z += UINT64_C(0x9e3779b97f4a7c15);
    }
}

static unsigned long xoshiro_get(void *state)
{
    gsl_rng r = {.state = state};
    return (unsigned long)(ss_rng_next(&r) >> 32);
}

static double xoshiro_get_double(void *state)
{
    gsl_rng r = {.state = state};
    return ss_rng_uniform(&r);
}

static const gsl_rng_type xoshiro256ss = {
    "xoshiro256**", 0xffffffffUL, 0, sizeof(ss_xoshiro), xoshiro_set, xoshiro_get, xoshiro_get_double,
};

const gsl_rng_type *ss_rng_type(void) { return &xoshiro256ss; }

unsigned long ss_rng_seed_for(uint64_t seed, uint32_t rep, ss_purpose purpose, uint32_t index)
{
    assert(purpose >= SS_RNG_ARRIVALS && purpose < SS_RNG_PURPOSES);
    uint64_t h = splitmix64(seed);
    h = splitmix64(h ^ ((uint64_t)rep << 32 | index)); /* rep and index packed without overlap */
    h = splitmix64(h ^ (uint64_t)purpose);
    return (unsigned long)h;
}

/* gsl_rng_alloc reports running out of memory through GSL's error handler, which aborts unless
 * the program has installed its own; then it returns NULL and so do we. */
gsl_rng *ss_rng_new(uint64_t seed, uint32_t rep, ss_purpose purpose, uint32_t index)
{
    gsl_rng *r = gsl_rng_alloc(&xoshiro256ss);
    if (r)
        ss_rng_reseed(r, seed, rep, purpose, index);
    return r;
}

void ss_rng_reseed(gsl_rng *r, uint64_t seed, uint32_t rep, ss_purpose purpose, uint32_t index)
{
    assert(r && r->type == &xoshiro256ss && "the inline draws read xoshiro256**'s state");
    gsl_rng_set(r, ss_rng_seed_for(seed, rep, purpose, index));
}

void ss_rng_set_state(gsl_rng *r, const uint64_t s[4])
{
    assert(r && r->type == &xoshiro256ss);
    assert((s[0] | s[1] | s[2] | s[3]) != 0 && "xoshiro's state must not be all zero");
    ss_xoshiro *x = r->state;
    for (int i = 0; i < 4; i++)
        x->s[i] = s[i];
}
