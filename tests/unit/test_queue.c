/* test_queue: the simulation's queue of persons (sim_parts.h) — a first-come-first-served ring
 * gives persons in the order the heap with one priority gives them, through wrapping round and
 * growing while wrapped; a heap keeps (priority, arrival) order. */
#include "testing.h"

#include <stdlib.h>

#include "sim_parts.h"

/* Pushes and pops in a pattern that wraps the ring round and makes it grow while wrapped (its
 * first room is 64); the ring and a heap of equal priorities give the same persons in order. */
static void ring_is_first_come_first_served(void **state)
{
    pqueue ring = {0}, heap = {0};
    sim_qreset(&ring, true);
    sim_qreset(&heap, false);
    int pushed = 0, popped = 0;
    for (int round = 0; round < 40; round++) {
        int in = 7 + round % 5, out = round < 20 ? 5 : 9;  /* the queue grows, then empties */
        for (int i = 0; i < in; i++, pushed++) {
            assert_int_equal(sim_qpush(&ring, 0, pushed, (uint32_t)pushed * 3), 0);
            assert_int_equal(sim_qpush(&heap, 0, pushed, (uint32_t)pushed * 3), 0);
        }
        for (int i = 0; i < out && ring.n > 0; i++, popped++) {
            assert_int_equal(heap.n, ring.n);
            const qentry *r = sim_qtop(&ring), *h = sim_qtop(&heap);
            assert_int_equal(r->person, popped);
            assert_int_equal(h->person, popped);
            assert_int_equal(r->token, (uint32_t)popped * 3);
            assert_true(r->seq == h->seq);
            sim_qpop(&ring);
            sim_qpop(&heap);
        }
    }
    assert_true(ring.cap > 64);  /* it grew, and (with its head moved on) while wrapped */
    while (ring.n > 0) {
        assert_int_equal(sim_qtop(&ring)->person, popped++);
        sim_qpop(&ring);
    }
    assert_int_equal(popped, pushed);
    free(ring.q);
    free(heap.q);
}

/* A heap takes the lowest priority first, and the first come among equals. */
static void heap_orders_by_priority_then_arrival(void **state)
{
    pqueue q = {0};
    sim_qreset(&q, false);
    const double prio[] = {3, 1, 2, 1, 3, 0, 2};
    for (int i = 0; i < 7; i++) assert_int_equal(sim_qpush(&q, prio[i], i, 0), 0);
    const int want[] = {5, 1, 3, 2, 6, 0, 4};
    for (int i = 0; i < 7; i++) {
        assert_int_equal(sim_qtop(&q)->person, want[i]);
        sim_qpop(&q);
    }
    assert_int_equal(q.n, 0);
    free(q.q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ring_is_first_come_first_served),
        cmocka_unit_test(heap_orders_by_priority_then_arrival),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
