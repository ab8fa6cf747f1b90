#include "kernel.h"
#include "xalloc.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A 4-ary heap: half the levels of a binary one, a node's children side by side. */
#define ARITY 4

/* The clock moved to another day: the bounds of the tiers move with it. */
static void set_today(ss_kernel *k, uint64_t day)
{
    k->today = day;
    k->tomorrow = (double)(day + 1);
    k->near_end = (double)(day + SS_KERNEL_NEAR_DAYS);
    k->far_end = (double)(day + SS_KERNEL_FAR_DAYS);
}

void ss_kernel_init(ss_kernel *k)
{
    *k = (ss_kernel){0};
    set_today(k, 0);
}

/* A day's chunks onto the spare list; the bucket is empty after. */
static void spare_chunks(ss_kernel *k, ss_event_bucket *bk)
{
    if (bk->first) {
        bk->last->next = k->spare;
        k->spare = bk->first;
    }
    *bk = (ss_event_bucket){0};
}

static void free_chunks(ss_event_chunk *c)
{
    while (c) {
        ss_event_chunk *next = c->next;
        free(c);
        c = next;
    }
}

void ss_kernel_fini(ss_kernel *k)
{
    free(k->heap);
    if (k->far)
        for (size_t i = 0; i < SS_KERNEL_FAR_DAYS; i++) free_chunks(k->far[i].first);
    free(k->far);
    free_chunks(k->spare);
    *k = (ss_kernel){0};
}

void ss_kernel_reset(ss_kernel *k)
{
    assert(k->n + k->nfar <= k->cap);
    if (k->far && k->nfar > 0)
        for (size_t i = 0; i < SS_KERNEL_FAR_DAYS; i++) spare_chunks(k, &k->far[i]);
    k->nfar = 0;
    set_today(k, 0);
    k->far_first = 0;
    k->n = 0;
    k->seq = 0;
    k->now = 0;
    k->processed = 0;
    k->hole = false;
}

/* The order of events as one 128-bit unsigned number: the time's bits, then the sequence number.
 * Times are never negative (nor -0: ss_kernel_schedule makes it +0), and the bits of
 * non-negative doubles order as the numbers do, so this is (time, sequence) order.  One integer
 * comparison has no branch to mispredict, which is what a heap's comparisons cost: they are coin
 * flips a branch predictor cannot learn. */
static inline unsigned __int128 key(const ss_event *x)
{
    uint64_t bits;
    memcpy(&bits, &x->t, sizeof bits);
    return (unsigned __int128)bits << 64 | x->seq;
}

static inline bool before(const ss_event *x, const ss_event *y)
{
    return key(x) < key(y);
}

/* The day of a time (>= 0), monotone in the time; times beyond any horizon share one day. */
static inline uint64_t day_of(double t)
{
    return t < 0x1p62 ? (uint64_t)t : (uint64_t)1 << 62;
}

/* The least of a full set of four children, by a tournament without branches. */
static inline size_t least_of_four(const ss_event *h, size_t c)
{
    size_t m1 = c + before(&h[c + 1], &h[c]);
    size_t m2 = c + 2 + before(&h[c + 3], &h[c + 2]);
    return before(&h[m2], &h[m1]) ? m2 : m1;
}

/* Puts x into the hole at the top of h[0..n) (n counts the hole).  Floyd's way: the hole goes
 * down to a leaf along the least children, then x, which belongs near the bottom (it is the last
 * event of the array, or a new one later than most), sifts up from there (a step or two).  But
 * first x is tried against the top's children: a handler's next event is often the next of all
 * (in M/M/10 the next arrival is, about half the time), and then it takes the top at once.
 * Always inline: x stays in registers (a call takes it through the stack; see kernel.h). */
__attribute__((always_inline)) static inline void fill_top(ss_event *h, size_t n, ss_event x)
{
    size_t i = 0;
    if (n > ARITY) {  /* earlier than the least of the top's children: x takes the top */
        size_t c = least_of_four(h, 1);
        if (before(&x, &h[c])) {
            h[0] = x;
            return;
        }
        h[0] = h[c];
        i = c;
    }
    for (size_t c; (c = ARITY * i + 1) < n; i = c) {
        if (c + ARITY <= n) {
            c = least_of_four(h, c);
        } else {
            size_t best = c;
            for (size_t j = c + 1; j < n; j++)
                if (before(&h[j], &h[best])) best = j;
            c = best;
        }
        h[i] = h[c];
    }
    while (i > 0 && before(&x, &h[(i - 1) / ARITY])) {
        h[i] = h[(i - 1) / ARITY];
        i = (i - 1) / ARITY;
    }
    h[i] = x;
}

/* Puts x at the new end h[i] of the heap and sifts it up. */
static inline void sift_up(ss_event *h, size_t i, ss_event x)
{
    while (i > 0) {
        size_t parent = (i - 1) / ARITY;
        if (!before(&x, &h[parent])) break;
        h[i] = h[parent];
        i = parent;
    }
    h[i] = x;
}

/* Room in the heap's array for every event pending and one more (schedule keeps n + nfar <= cap),
 * so that moving a bucket into the heap never allocates.  0, or -1 out of memory (nothing
 * changed).  Not inline, as the other rare paths: the hot ones stay small. */
__attribute__((noinline)) static int grow(ss_kernel *k)
{
    size_t cap = ss_grow(&k->heap, sizeof *k->heap, k->n + k->nfar, k->cap, 1024);
    if (!cap) return -1;
    k->cap = cap;
    return 0;
}

/* The events in a bucket's chunk when `left` of its events are in it and the chunks after it. */
static inline size_t chunk_events(size_t left)
{
    return left < SS_KERNEL_CHUNK ? left : SS_KERNEL_CHUNK;
}

/* Appends the event to the bucket of its day.  0, or -1 out of memory (nothing changed).  It
 * comes as its fields and is written field by field: an ss_event built on the stack and copied
 * in 16-byte halves waited for its narrower stores (a failed store forwarding: a third of this
 * function's time at 16 x Lørenskog, perf). */
__attribute__((noinline)) static int far_push(ss_kernel *k, double t, int type, int a, uint32_t b)
{
    uint64_t day = day_of(t);
    assert(day >= k->today + SS_KERNEL_NEAR_DAYS && day < k->today + SS_KERNEL_FAR_DAYS && "a far event fits the ring");
    if (!k->far && !(k->far = calloc(SS_KERNEL_FAR_DAYS, sizeof *k->far))) return -1;
    ss_event_bucket *bk = &k->far[day % SS_KERNEL_FAR_DAYS];
    ss_event_chunk *c = bk->last;
    size_t at = bk->n % SS_KERNEL_CHUNK;
    if (at == 0) {  /* no chunk yet, or the last is full: a new one, spare or allocated */
        if (k->spare) {
            c = k->spare;
            k->spare = c->next;
        } else if ((c = malloc(sizeof *c))) {
            k->nchunks++;
        } else {
            return -1;
        }
        c->next = NULL;
        if (bk->last) bk->last->next = c;
        else bk->first = c;
        bk->last = c;
    }
    ss_event *e = &c->ev[at];
    e->t = t;
    e->seq = k->seq;
    e->type = type;
    e->a = a;
    e->b = b;
    bk->n++;
    if (k->nfar++ == 0 || day < k->far_first) k->far_first = day;
    return 0;
}

void ss_kernel_fill_top(ss_kernel *k, double t, int type, int a, uint32_t b)
{
    ss_hot_assert(k->hole);
    ss_event x = {.t = t, .seq = k->seq++, .type = type, .a = a, .b = b};
    k->hole = false;
    fill_top(k->heap, k->n, x);
}

int ss_kernel_schedule_rest(ss_kernel *k, double t, int type, int a, uint32_t b, bool far)
{
    if (k->n + k->nfar == k->cap && grow(k) < 0) return -1;
    if (far) {
        if (far_push(k, t, type, a, b) < 0) return -1;
    } else {
        sift_up(k->heap, k->n++, (ss_event){.t = t, .seq = k->seq, .type = type, .a = a, .b = b});
    }
    k->seq++;
    return 0;
}

/* The next chunk of a day comes into the cache while the one before it goes into the heap: a
 * day's chunks were written long ago, and a linked one is where no hardware prefetcher looks. */
__attribute__((always_inline)) static inline void prefetch_chunk(const ss_event_chunk *c)
{
    if (!c) return;
    for (size_t off = 0; off < sizeof *c; off += 64) __builtin_prefetch((const char *)c + off);
}

/* Moves the first day's far events into the heap (grow kept the room) and finds the next
 * day that has some. */
__attribute__((noinline)) static void bring_first_day(ss_kernel *k)
{
    ss_event_bucket *bk = &k->far[k->far_first % SS_KERNEL_FAR_DAYS];
    assert(bk->n > 0 && k->n + bk->n <= k->cap);
    assert(k->now < (double)(k->far_first + 1) && "the clock passed a far event's day");
    size_t left = bk->n;
    for (const ss_event_chunk *c = bk->first; c; c = c->next, left -= chunk_events(left)) {
        prefetch_chunk(c->next);
        for (size_t i = 0; i < chunk_events(left); i++) {
            assert(day_of(c->ev[i].t) == k->far_first && "a bucket holds one day");
            sift_up(k->heap, k->n++, c->ev[i]);
        }
    }
    k->nfar -= bk->n;
    spare_chunks(k, bk);  /* each day's bucket is used once in a run: its chunks serve later days */
    if (k->nfar > 0) {
        uint64_t d = k->far_first + 1;
        while (k->far[d % SS_KERNEL_FAR_DAYS].n == 0) d++;
        k->far_first = d;
    }
}

void ss_kernel_drop_hole(ss_kernel *k)
{
    k->hole = false;
    size_t n = --k->n;
    if (n > 0) fill_top(k->heap, n, k->heap[n]);
}

void ss_kernel_bring_far(ss_kernel *k)
{
    while (k->nfar > 0 && (k->n == 0 || !(k->heap[0].t < (double)k->far_first)))
        bring_first_day(k);
}

void ss_kernel_new_day(ss_kernel *k)
{
    set_today(k, day_of(k->now));
}

bool ss_kernel_next(ss_kernel *k, ss_event *e)
{
    return ss_kernel_next_until(k, INFINITY, e);
}

double ss_kernel_peek(const ss_kernel *k)
{
    const ss_event *best = NULL;
    if (!k->hole) {
        if (k->n > 0) best = &k->heap[0];
    } else {  /* the least of the hole's children */
        for (size_t c = 1; c <= ARITY && c < k->n; c++)
            if (!best || before(&k->heap[c], best)) best = &k->heap[c];
    }
    if (k->nfar > 0) {  /* and of the first far day's */
        const ss_event_bucket *bk = &k->far[k->far_first % SS_KERNEL_FAR_DAYS];
        size_t left = bk->n;
        for (const ss_event_chunk *c = bk->first; c; c = c->next, left -= chunk_events(left))
            for (size_t i = 0; i < chunk_events(left); i++)
                if (!best || before(&c->ev[i], best)) best = &c->ev[i];
    }
    return best ? best->t : INFINITY;
}

size_t ss_kernel_pending(const ss_kernel *k)
{
    return k->n - k->hole + k->nfar;
}

size_t ss_kernel_memory(const ss_kernel *k)
{
    size_t b = k->cap * sizeof(ss_event);
    if (k->far) b += SS_KERNEL_FAR_DAYS * sizeof *k->far;
    b += k->nchunks * sizeof(ss_event_chunk);
    return b;
}
