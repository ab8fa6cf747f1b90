#include "kernel.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>

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
}

static inline bool before(const ss_event *x, const ss_event *y)
{
    return x->t < y->t || (x->t == y->t && x->seq < y->seq);
}

int ss_kernel_schedule(ss_kernel *k, double t, int type, int a, uint32_t b)
{
    assert(k && isfinite(t) && "an event needs a finite time");
    assert(t >= k->now && "an event was scheduled in the past");
    if (k->n == k->cap) {
        size_t cap = k->cap ? k->cap * 2 : 1024;
        ss_event *h = realloc(k->heap, cap * sizeof *h);
        if (!h) return -1;
        k->heap = h;
        k->cap = cap;
    }
    ss_event e = {.t = t, .seq = k->seq++, .type = type, .a = a, .b = b};
    size_t i = k->n++;
    while (i > 0) {  /* sift up */
        size_t parent = (i - 1) / 2;
        if (!before(&e, &k->heap[parent])) break;
        k->heap[i] = k->heap[parent];
        i = parent;
    }
    k->heap[i] = e;
    return 0;
}

bool ss_kernel_next(ss_kernel *k, ss_event *e)
{
    assert(k && e);
    if (k->n == 0) return false;
    *e = k->heap[0];
    assert(e->t >= k->now && "time went back");
    ss_event last = k->heap[--k->n];
    size_t i = 0, n = k->n;
    for (;;) {  /* sift down */
        size_t c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && before(&k->heap[c + 1], &k->heap[c])) c++;
        if (!before(&k->heap[c], &last)) break;
        k->heap[i] = k->heap[c];
        i = c;
    }
    if (n > 0) k->heap[i] = last;
    k->now = e->t;
    k->processed++;
    return true;
}

double ss_kernel_peek(const ss_kernel *k)
{
    return k->n ? k->heap[0].t : INFINITY;
}
