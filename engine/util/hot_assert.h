/* hot_assert: an invariant checked on a path every event takes (the kernel's pop, the queues,
 * the persons' slots).  There a plain assert costs the release build a few per cent of its
 * events a second (bench/bench_engine A-data under callgrind), so these are checked in the
 * sanitizer build — make test runs every test there, with SS_HOT_CHECKS defined — and compile to
 * nothing in the release build.  Invariants off the hot path use assert. */
#ifndef SS_HOT_ASSERT_H
#define SS_HOT_ASSERT_H

#include <assert.h>

#ifdef SS_HOT_CHECKS
#define ss_hot_assert(x) assert(x)
#else
#define ss_hot_assert(x) ((void)sizeof(x))
#endif

#endif
