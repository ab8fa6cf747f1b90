/* bench_floor: the least an M/M/10 simulation can cost on this machine — a floor for samsim's
 * model A.  A binary heap of (time, kind) events, a ring buffer of arrival times as the queue,
 * two draws per customer (inter-arrival and service, both from samsim's generator and ziggurat,
 * so the floor is not slower for a slower generator), a running mean of the wait so that nothing
 * is optimised away.  No persons, rules, statistics or calendar: what samsim does beyond this is
 * its overhead.  Compiled with the same flags as samsim (make bench).
 *   build/bench/bench_floor [customers]     prints: customers events cpu_s mean_wait */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "rng.h"
#include "ziggurat.h"

typedef struct ev { double t; int kind; } ev;  /* kind 0 arrival, 1 departure */

static void push(ev *h, size_t *n, ev e)
{
    size_t i = (*n)++;
    for (; i > 0 && e.t < h[(i - 1) / 2].t; i = (i - 1) / 2) h[i] = h[(i - 1) / 2];
    h[i] = e;
}

static ev pop(ev *h, size_t *n)
{
    ev top = h[0], last = h[--*n];
    size_t i = 0, c;
    while ((c = 2 * i + 1) < *n) {
        if (c + 1 < *n && h[c + 1].t < h[c].t) c++;
        if (!(h[c].t < last.t)) break;
        h[i] = h[c];
        i = c;
    }
    h[i] = last;
    return top;
}

int main(int argc, char **argv)
{
    long customers = argc > 1 ? atol(argv[1]) : 1000000;
    const double lambda = 9.0, mean_service = 1.0;
    const int servers = 10;
    size_t cap = 1 << 20, head = 0, tail = 0, n = 0;  /* ring buffer of waiting arrival times */
    double *queue = malloc(cap * sizeof *queue);
    ev *heap = malloc((servers + 2) * sizeof *heap);
    gsl_rng *ra = ss_rng_new(1, 0, SS_RNG_ARRIVALS, 0), *rs = ss_rng_new(1, 0, SS_RNG_SERVICE, 0);
    if (!queue || !heap || !ra || !rs) return 1;
    struct timespec c0, c1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    long arrived = 1, served = 0, events = 0, busy = 0;
    double wait_mean = 0;
    push(heap, &n, (ev){ss_rng_exponential(ra, 1 / lambda), 0});
    while (n > 0) {
        ev e = pop(heap, &n);
        events++;
        if (e.kind == 0) {
            if (arrived++ < customers) push(heap, &n, (ev){e.t + ss_rng_exponential(ra, 1 / lambda), 0});
            if (busy < servers) { busy++; served++; wait_mean += (0 - wait_mean) / served;
                                  push(heap, &n, (ev){e.t + ss_rng_exponential(rs, mean_service), 1}); }
            else { queue[tail] = e.t; tail = (tail + 1) & (cap - 1); }  /* the queue stays far below 2^20 */
        } else if (head != tail) {
            double w = e.t - queue[head];
            head = (head + 1) & (cap - 1);
            served++;
            wait_mean += (w - wait_mean) / served;
            push(heap, &n, (ev){e.t + ss_rng_exponential(rs, mean_service), 1});
        } else {
            busy--;
        }
    }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    double cpu = (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) * 1e-9;
    printf("%ld %ld %.6f %.6f\n", customers, events, cpu, wait_mean);
    gsl_rng_free(ra);
    gsl_rng_free(rs);
    free(heap);
    free(queue);
    return 0;
}
