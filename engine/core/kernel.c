#include "kernel.h"
#include "xalloc.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A 4-ary heap: half the levels of a binary one, a node's children side by side. */
#define ARITY 4

void ss_kernel_init(ss_kernel *k)
{
    *k = (ss_kernel){0};
}

void ss_kernel_fini(ss_kernel *k)
{
    free(k->heap);
    *k = (ss_kernel){0};
}

void ss_kernel_reset(ss_kernel *k)
{
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

/* The least of a full set of four children, by a tournament without branches. */
static inline size_t least_of_four(const ss_event *h, size_t c)
{
    size_t m1 = c + before(&h[c + 1], &h[c]);
    size_t m2 = c + 2 + before(&h[c + 3], &h[c + 2]);
    return before(&h[m2], &h[m1]) ? m2 : m1;
}

/* Puts x into the hole at the top of h[0..n) (n counts the hole).  Floyd's way: the hole goes
 * down to a leaf along the least children, then x, which belongs near the bottom (it is the last
 * event of the array, or a new one later than most), sifts up from there (a step or two). */
static inline void fill_top(ss_event *h, size_t n, ss_event x)
{
    size_t i = 0;
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

int ss_kernel_schedule(ss_kernel *k, double t, int type, int a, uint32_t b)
{
    assert(k && isfinite(t) && "an event needs a finite time");
    assert(t >= k->now && "an event was scheduled in the past");
    t += 0.0;  /* -0 becomes +0, whose bits order as 0 */
    ss_event e = {.t = t, .seq = k->seq++, .type = type, .a = a, .b = b};
    if (k->hole) {  /* into the place of the event taken last: one sift, no growth */
        k->hole = false;
        fill_top(k->heap, k->n, e);
        return 0;
    }
    if (k->n == k->cap) {   /* the test inline: this runs for every event */
        size_t cap = ss_grow(&k->heap, sizeof *k->heap, k->n, k->cap, 1024);
        if (!cap) {
            k->seq--;
            return -1;
        }
        k->cap = cap;
    }
    size_t i = k->n++;
    while (i > 0) {  /* sift up */
        size_t parent = (i - 1) / ARITY;
        if (!before(&e, &k->heap[parent])) break;
        k->heap[i] = k->heap[parent];
        i = parent;
    }
    k->heap[i] = e;
    return 0;
}

bool ss_kernel_next_until(ss_kernel *k, double until, ss_event *e)
{
    assert(k && e);
    ss_event *h = k->heap;
    if (k->hole) {  /* nothing took the place of the last event: it leaves now */
        k->hole = false;
        size_t n = --k->n;
        if (n > 0) fill_top(h, n, h[n]);
    }
    if (k->n == 0 || !(h[0].t <= until)) return false;
    *e = h[0];
    assert(e->t >= k->now && "time went back");
    k->hole = true;
    k->now = e->t;
    k->processed++;
    return true;
}

bool ss_kernel_next(ss_kernel *k, ss_event *e)
{
    return ss_kernel_next_until(k, INFINITY, e);
}

double ss_kernel_peek(const ss_kernel *k)
{
    if (!k->hole) return k->n ? k->heap[0].t : INFINITY;
    /* the least of the hole's children */
    size_t best = 0;
    for (size_t c = 1; c <= ARITY && c < k->n; c++)
        if (best == 0 || before(&k->heap[c], &k->heap[best])) best = c;
    return best ? k->heap[best].t : INFINITY;
}

size_t ss_kernel_pending(const ss_kernel *k)
{
    return k->n - k->hole;
}
