/* rng: independent random streams, one per replication and per purpose.
 *
 * Common random numbers: two scenarios run with the same seed must see the same people arrive even
 * when they route them differently.  So a stream is keyed by (seed, replication, purpose, index):
 * arrivals of demand stream 3 in replication 7 draw from their own generator, which no routing
 * decision ever touches.  Keys are mixed with splitmix64 into a 32-bit-safe GSL seed. */
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

/* Derive the GSL seed for a stream key (pure function, exposed for tests). */
unsigned long ss_rng_seed_for(uint64_t seed, uint32_t rep, ss_purpose purpose, uint32_t index);
/* A new generator (gsl_rng_mt19937) seeded for the key; NULL only when out of memory. */
gsl_rng *ss_rng_new(uint64_t seed, uint32_t rep, ss_purpose purpose, uint32_t index);
/* Reseed an existing generator for a key (no allocation). */
void ss_rng_reseed(gsl_rng *r, uint64_t seed, uint32_t rep, ss_purpose purpose, uint32_t index);

#endif
