/* kernel: the clock and the event list — the only code that advances simulated time.
 *
 * Events come out in (time, sequence number) order: events at the same instant come out in the
 * order they were scheduled, so ties break the same way in every run.  The list has two tiers:
 *
 *   near  a 4-ary heap of the events due within SS_KERNEL_NEAR_DAYS of now (and of any too far
 *         ahead for the far tier), small enough to stay in the cache;
 *   far   the later ones, unsorted, in buckets of one simulated day (a ring of
 *         SS_KERNEL_FAR_DAYS buckets ahead of now).  A bucket moves into the heap as a whole
 *         when the heap's least event is not earlier than the bucket's day.
 *
 * A municipal model schedules most events months or years ahead (episodes, deterioration, age
 * boundaries), and many of them go stale before they come due (lazy cancelling, below): in one
 * heap they made every event's sift climb a tall heap that does not fit in the cache, so the cost
 * per event grew with the population.  Buckets take such an event by an append and give it to the
 * heap when its day comes.  A bucket's day bounds its events' times from below and every event in
 * the heap is either due before the first bucket's day or checked against it, so the least event
 * of the heap is the least of all: the order events come out in is the same as with one heap.
 *
 * Events are small values stored in the arrays themselves; the heap's array grows by doubling,
 * a day's bucket by chunks of SS_KERNEL_CHUNK events, and both are kept between replications, so
 * the hot path allocates nothing.  A day taken into the heap gives its chunks to the days to come
 * (a list of spare chunks): a large model fills hundreds of events a day, and arrays doubled for
 * each day copied them several times a day, each copy reading lines long out of the cache (a
 * sixth of the cache misses of Lørenskog at 16 x its population); a spare chunk is one just read.  Cancelling is lazy: an event
 * names a person and that person's generation, and the handler ignores it when the person has
 * moved on.  The event taken last stays at the top of the heap as a hole until the next event is
 * scheduled into its place (one sift instead of a removal and an insertion: most handlers
 * schedule the next event of what they handle) or the next one is taken. */
#ifndef SS_KERNEL_H
#define SS_KERNEL_H

#include <assert.h>
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hot_assert.h"

/* Events due less than this many days after now go into the heap directly. */
#define SS_KERNEL_NEAR_DAYS 4
/* The far tier's ring of day buckets (about 22 years); events further ahead go into the heap. */
#define SS_KERNEL_FAR_DAYS 8192

typedef struct ss_event {
    double t;
    uint64_t seq;
    int32_t type;
    int32_t a;   /* usually a person slot, service or demand stream */
    uint32_t b;  /* usually the person's generation */
} ss_event;

/* Events of one day in chunks of this many, linked: a day's bucket grows without copying. */
#define SS_KERNEL_CHUNK 15

/* Every chunk of a day but its last is full, so the bucket's count says where the next event
 * goes: appending reads the bucket and writes the chunk, and does not wait for the chunk's line
 * (in a large population it is out of the cache) to learn how full it is. */
typedef struct ss_event_chunk {
    struct ss_event_chunk *next;
    ss_event ev[SS_KERNEL_CHUNK];
} ss_event_chunk;

typedef struct ss_event_bucket {  /* the far events of one day, unsorted */
    ss_event_chunk *first, *last;
    size_t n;  /* events; the last chunk holds what the full ones before it do not */
} ss_event_bucket;

typedef struct ss_kernel {
    ss_event *heap;  /* the near tier */
    size_t n, cap;   /* n counts the hole while there is one; cap >= n + nfar (room to move a
                      * bucket into the heap without allocating) */
    uint64_t seq;
    double now;
    uint64_t processed;
    bool hole;       /* heap[0] is the event taken last: the next schedule fills its place */
    ss_event_bucket *far;  /* [SS_KERNEL_FAR_DAYS], by day modulo its size; NULL until needed */
    size_t nfar;           /* events in the far tier */
    uint64_t today;        /* the day of now */
    double tomorrow, near_end, far_end;  /* today + 1, + SS_KERNEL_NEAR_DAYS, + SS_KERNEL_FAR_DAYS */
    uint64_t far_first;    /* the first day with far events (while nfar > 0) */
    ss_event_chunk *spare;  /* chunks of days already taken into the heap, for days to come */
    size_t nchunks;         /* chunks allocated */
} ss_kernel;

void ss_kernel_init(ss_kernel *k);
void ss_kernel_fini(ss_kernel *k);
/* Empty the list and set the clock to 0; keeps the memory. */
void ss_kernel_reset(ss_kernel *k);
/* The paths of the two inline functions below that are rare or do the sifting (kernel.c).  A new
 * event goes to them as its fields, which travel in registers: an ss_event passed by value goes
 * through the stack, written field by field and read back in 16-byte halves, and a processor
 * cannot forward a wide load from narrower stores, so every schedule stalled until the stores
 * were written (model A: the costliest instructions of the handlers that schedule, perf). */
void ss_kernel_fill_top(ss_kernel *k, double t, int type, int a, uint32_t b);  /* into the hole */
int ss_kernel_schedule_rest(ss_kernel *k, double t, int type, int a, uint32_t b, bool far);  /* no hole */
void ss_kernel_drop_hole(ss_kernel *k);  /* the hole leaves: the last event fills it */
void ss_kernel_bring_far(ss_kernel *k);  /* far days due before the heap's least event come in */
void ss_kernel_new_day(ss_kernel *k);    /* the clock moved to another day */

/* Schedule at time t (>= now).  0 ok, -1 out of memory.  Inline, as ss_kernel_next_until: every
 * event calls them, and a call into another file costs a sixth of the kernel's instructions. */
static inline int ss_kernel_schedule(ss_kernel *k, double t, int type, int a, uint32_t b)
{
    ss_hot_assert(k && isfinite(t) && "an event needs a finite time");
    ss_hot_assert(t >= k->now && "an event was scheduled in the past");
    t += 0.0;  /* -0 becomes +0, whose bits order as 0 */
    bool far = t >= k->near_end && t < k->far_end;  /* as days: the same, without a conversion */
    if (far || !k->hole) return ss_kernel_schedule_rest(k, t, type, a, b, far);
    ss_kernel_fill_top(k, t, type, a, b);  /* into the place of the event taken last: one sift */
    return 0;
}

/* Pop the next event at or before `until` into *e and advance the clock; false (and nothing
 * taken, the clock unmoved) when the next one is later or there is none. */
static inline bool ss_kernel_next_until(ss_kernel *k, double until, ss_event *e)
{
    ss_hot_assert(k && e);
    if (k->hole) ss_kernel_drop_hole(k);  /* nothing took the place of the last event: it leaves now */
    /* The heap's least event is the least of all only if it is due before the first far day
     * (same times have the same day, so ties are on one side). */
    if (k->nfar > 0 && (k->n == 0 || !(k->heap[0].t < (double)k->far_first))) ss_kernel_bring_far(k);
    if (k->n == 0 || !(k->heap[0].t <= until)) return false;
    *e = k->heap[0];
    ss_hot_assert(e->t >= k->now && "time went back");
    ss_hot_assert((k->nfar == 0 || e->t < (double)k->far_first) && "an event came out while an earlier far one waited");
    k->hole = true;
    k->now = e->t;
    if (!(e->t < k->tomorrow)) ss_kernel_new_day(k);
    k->processed++;
    return true;
}

/* The event likely to come out next, or NULL: the least of the hole's children (by time), or
 * the top.  A guess, for prefetching what its handler will read (the handler of the event just
 * taken may schedule an earlier one, a far day may come in): it changes nothing in the list. */
static inline const ss_event *ss_kernel_likely_next(const ss_kernel *k)
{
    const ss_event *h = k->heap;
    if (!k->hole) return k->n > 0 ? &h[0] : NULL;
    if (k->n < 1 + 4) return k->n > 1 ? &h[1] : NULL;
    size_t a = h[2].t < h[1].t ? 2 : 1, b = h[4].t < h[3].t ? 4 : 3;
    return &h[h[b].t < h[a].t ? b : a];
}

/* The same without a bound: false when the list is empty. */
bool ss_kernel_next(ss_kernel *k, ss_event *e);
/* Time of the next event, or INFINITY. */
double ss_kernel_peek(const ss_kernel *k);
/* Events pending (not counting the hole). */
size_t ss_kernel_pending(const ss_kernel *k);
/* Bytes held. */
size_t ss_kernel_memory(const ss_kernel *k);

#endif
