/* kernel: the clock and the event list — the only code that advances simulated time.
 *
 * A 4-ary heap ordered by (time, sequence number): events at the same instant come out in the
 * order they were scheduled, so ties break the same way in every run.  Events are small values
 * stored in the heap array itself; the array grows by doubling and is kept between replications,
 * so the hot path allocates nothing.  Cancelling is lazy: an event names a person and that
 * person's generation, and the handler ignores it when the person has moved on.
 *
 * The event taken last stays at the top of the heap as a hole until the next event is scheduled
 * into its place (one sift instead of a removal and an insertion: most handlers schedule the
 * next event of what they handle) or the next one is taken.  (time, sequence) keys are unique,
 * so the order events come out in does not depend on how the heap holds them. */
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
    size_t n, cap;   /* n counts the hole while there is one */
    uint64_t seq;
    double now;
    uint64_t processed;
    bool hole;       /* heap[0] is the event taken last: the next schedule fills its place */
} ss_kernel;

void ss_kernel_init(ss_kernel *k);
void ss_kernel_fini(ss_kernel *k);
/* Empty the list and set the clock to 0; keeps the memory. */
void ss_kernel_reset(ss_kernel *k);
/* Schedule at time t (>= now).  0 ok, -1 out of memory. */
int ss_kernel_schedule(ss_kernel *k, double t, int type, int a, uint32_t b);
/* Pop the next event into *e and advance the clock; false when the list is empty. */
bool ss_kernel_next(ss_kernel *k, ss_event *e);
/* The same, but only an event at or before `until`: false (and nothing taken, the clock
 * unmoved) when the next one is later or there is none. */
bool ss_kernel_next_until(ss_kernel *k, double until, ss_event *e);
/* Time of the next event, or INFINITY. */
double ss_kernel_peek(const ss_kernel *k);
/* Events pending (not counting the hole). */
size_t ss_kernel_pending(const ss_kernel *k);

#endif
