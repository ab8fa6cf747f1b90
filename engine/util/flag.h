/* flag: the stop flag that Ctrl-C and the worker pool raise and running code polls.
 *
 * A lock-free atomic int: C11 lets a signal handler write a lock-free atomic object (7.14.1.1),
 * and worker threads read it without a data race.  A volatile sig_atomic_t is safe only within
 * one thread: read by a worker while another thread writes it, it is a data race by C11's rules.
 * Readers take a const pointer; only the entry point (main's signal handler, the REPL) and the
 * pool (engine/util/pool.h) write one. */
#ifndef SS_FLAG_H
#define SS_FLAG_H

#include <stdatomic.h>

typedef atomic_int ss_stop_flag;

_Static_assert(ATOMIC_INT_LOCK_FREE == 2, "a signal handler may only write a lock-free atomic");

#endif
