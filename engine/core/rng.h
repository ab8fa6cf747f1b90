/* rng: independent random streams, one per replication and per purpose.
 *
 * Common random numbers: two scenarios run with the same seed must see the same people arrive even
 * when they route them differently.  So a stream is keyed by (seed, replication, purpose, index):
 * arrivals of demand stream 3 in replication 7 draw from their own generator, which no routing
 * decision ever touches.  Keys are mixed with splitmix64 into a 64-bit seed.
 *
 * The generator is xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", ACM Trans. Math. Softw. 47(4), 2021): 256 bits of state, period 2^256 - 1, passes
 * BigCrush and PractRand as published, and costs about a nanosecond a draw where GSL's MT19937
 * costs several.  It is offered as a gsl_rng_type, so GSL's distributions (gamma, lognormal,
 * Weibull) and the Lua sandbox draw from it unchanged; the simulation's hot paths call the
 * inline functions below, which read the same state without GSL's indirect call.  A seed fills
 * the state with four splitmix64 outputs, as the authors recommend. */
#ifndef SS_RNG_H
#define SS_RNG_H

#include <stdint.h>

#include <gsl/gsl_rng.h>

typedef enum ss_purpose {
    SS_RNG_ARRIVALS = 1,  /* inter-arrival times and thinning, per demand stream */
    SS_RNG_PERSONS,       /* a new person's attributes (age, severity, complexity), per demand stream */
    SS_RNG_DOORS,         /* which door a concern enters, per demand stream */
    SS_RNG_ROUTING,       /* data routing decisions, per door or service */
    SS_RNG_SERVICE,       /* intake, episode lengths and weekly hours, per service */
    SS_RNG_RULES,         /* math.random inside Lua rules, per replication */
    SS_RNG_PURPOSES
} ss_purpose;

/* xoshiro256**'s state; never all zero. */
typedef struct ss_xoshiro {
    uint64_t s[4];
} ss_xoshiro;

/* The GSL generator type "xoshiro256**": get gives the upper 32 bits of an output (max
 * 2^32 - 1), get_double the upper 53 bits as a double in [0, 1). */
const gsl_rng_type *ss_rng_type(void);

/* Derive the seed for a stream key (pure function, exposed for tests). */
unsigned long ss_rng_seed_for(uint64_t seed, uint32_t rep, ss_purpose purpose, uint32_t index);
/* A new generator (ss_rng_type) seeded for the key; NULL only when out of memory. */
gsl_rng *ss_rng_new(uint64_t seed, uint32_t rep, ss_purpose purpose, uint32_t index);
/* Reseed an existing generator for a key (no allocation). */
void ss_rng_reseed(gsl_rng *r, uint64_t seed, uint32_t rep, ss_purpose purpose, uint32_t index);

/* Set the state directly (for reference vectors in tests); not all zero. */
void ss_rng_set_state(gsl_rng *r, const uint64_t s[4]);

static inline uint64_t ss_rng_rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

/* The next 64-bit output of a generator made by ss_rng_new. */
static inline uint64_t ss_rng_next(gsl_rng *r)
{
    uint64_t *s = ((ss_xoshiro *)r->state)->s;
    uint64_t out = ss_rng_rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = ss_rng_rotl(s[3], 45);
    return out;
}

/* Uniform on [0, 1) with 53 random bits: the same value gsl_rng_uniform gives. */
static inline double ss_rng_uniform(gsl_rng *r) { return (double)(ss_rng_next(r) >> 11) * 0x1.0p-53; }

#endif
