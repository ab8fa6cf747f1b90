/* sim: one replication of a model — arrivals, doors, referrals, queues, episodes, age boundaries.
 *
 * An ss_sim is a worker's reusable machinery (event list, person pool, random streams, its own
 * rule sandbox); ss_sim_run() resets it and runs replication `rep` from scratch, so running the
 * same (seed, rep) twice gives the same numbers, on any thread. */
#ifndef SS_SIM_H
#define SS_SIM_H

#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "flag.h"
#include "model.h"
#include "results.h"

typedef struct ss_sim ss_sim;

/* NULL with d filled (e.g. a rule file that does not load). */
ss_sim *ss_sim_new(const ss_model *m, ss_diag *d);
void ss_sim_free(ss_sim *s);
/* Checked every few thousand events and inside rules; set by a signal handler or a failing
 * sibling thread. */
void ss_sim_set_interrupt(ss_sim *s, const ss_stop_flag *flag);
/* Write one line per step of person `id`'s path to f (0 = no trace). */
void ss_sim_set_trace(ss_sim *s, int64_t id, FILE *f);

/* Run replication rep (0-based) with the study seed; fills *out (initialised here; the caller
 * frees it with ss_rep_result_free).  -1 with d filled on a rule error or an interrupt
 * ("interrupted"), and *out is then freed. */
int ss_sim_run(ss_sim *s, uint64_t seed, int rep, ss_rep_result *out, ss_diag *d);

/* Bytes held by the worker now (pool, heap, samples, Lua), for benchmarks. */
size_t ss_sim_memory(const ss_sim *s);

#endif
