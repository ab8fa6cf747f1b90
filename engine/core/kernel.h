/* kernel: the clock and the event list — the only code that advances simulated time.
 *
 * A 4-ary heap ordered by (time, sequence number): events at the same instant come out in the
 * order they were scheduled, so ties break the same way in every run.  Events are small values
 * stored in the heap array itself; the array grows by doubling and is kept between replications,
 * so the hot path allocates nothing.  Cancelling is lazy: an event names a person and that
 * person's generation, and the handler ignores it when the person has moved on. */
#ifndef SS_KERNEL_H
#define SS_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ss_event {
    double t;
    uint64_t seq;
    int32_t type;
    int32_t a;   /* usually a person slot, service or demand stream */
    uint32_t b;  /* usually the person's generation */
} ss_event;

typedef struct ss_kernel {
    ss_event *heap;
    size_t n, cap;
    uint64_t seq;
    double now;
    uint64_t processed;
} ss_kernel;

void ss_kernel_init(ss_kernel *k);
void ss_kernel_fini(ss_kernel *k);
/* Empty the list and set the clock to 0; keeps the memory. */
void ss_kernel_reset(ss_kernel *k);
/* Schedule at time t (>= now).  0 ok, -1 out of memory. */
int ss_kernel_schedule(ss_kernel *k, double t, int type, int a, uint32_t b);
/* Pop the next event into *e and advance the clock; false when the list is empty. */
bool ss_kernel_next(ss_kernel *k, ss_event *e);
/* Time of the next event, or INFINITY. */
double ss_kernel_peek(const ss_kernel *k);

#endif
