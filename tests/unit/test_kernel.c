/* test_kernel: the event list on its own — time order, first-come-first-served ties, growth
 * past the first allocation, reset, and the clock. */
#include "testing.h"

#include <stdlib.h>

#include "kernel.h"

/* Events come out in time order whatever order they went in. */
static void pops_in_time_order(void **state)
{
    ss_kernel k;
    ss_kernel_init(&k);
    const double times[] = {5.0, 1.0, 3.0, 0.5, 4.0, 2.0, 0.0};
    for (int i = 0; i < 7; i++)
        assert_int_equal(ss_kernel_schedule(&k, times[i], i, i, 0), 0);
    assert_near(ss_kernel_peek(&k), 0.0, 0);
    double last = -1;
    ss_event e;
    int n = 0;
    while (ss_kernel_next(&k, &e)) {
        assert_true(e.t >= last);
        assert_near(k.now, e.t, 0);  /* the clock moves to the event */
        assert_near(times[e.a], e.t, 0);  /* the payload travels with its time */
        last = e.t;
        n++;
    }
    assert_int_equal(n, 7);
    assert_int_equal(k.processed, 7);
    assert_true(isinf(ss_kernel_peek(&k)));
    ss_kernel_fini(&k);
}

/* Same-time events come out in the order they were scheduled, also when they are interleaved
 * with other times and scheduled from inside the run. */
static void ties_are_first_come_first_served(void **state)
{
    ss_kernel k;
    ss_kernel_init(&k);
    for (int i = 0; i < 50; i++) {
        assert_int_equal(ss_kernel_schedule(&k, 2.0, 0, i, 0), 0);
        assert_int_equal(ss_kernel_schedule(&k, 1.0 + (i % 3), 1, 1000 + i, 0), 0);
    }
    ss_event e;
    int next_tie = 0, prev_b = -1;
    while (ss_kernel_next(&k, &e)) {
        if (e.type == 0) {
            assert_int_equal(e.a, next_tie);
            next_tie++;
        }
        if (e.type == 1 && e.t == 1.0) {  /* scheduled now, at now: after those already due */
            assert_true(e.a > prev_b);
            prev_b = e.a;
        }
    }
    assert_int_equal(next_tie, 50);
    /* scheduled at the current time from a handler: comes after everything already due then */
    ss_kernel_reset(&k);
    assert_int_equal(ss_kernel_schedule(&k, 1.0, 0, 1, 0), 0);
    assert_int_equal(ss_kernel_schedule(&k, 1.0, 0, 2, 0), 0);
    assert_true(ss_kernel_next(&k, &e));
    assert_int_equal(e.a, 1);
    assert_int_equal(ss_kernel_schedule(&k, 1.0, 0, 3, 0), 0);
    assert_true(ss_kernel_next(&k, &e));
    assert_int_equal(e.a, 2);
    assert_true(ss_kernel_next(&k, &e));
    assert_int_equal(e.a, 3);
    ss_kernel_fini(&k);
}

/* Far more events than the first allocation (1024): the heap grows and keeps its order; a
 * reset empties it and the clock starts again at 0, keeping the memory. */
static void grows_and_resets(void **state)
{
    ss_kernel k;
    ss_kernel_init(&k);
    enum { N = 100000 };
    unsigned x = 7;
    for (int i = 0; i < N; i++) {
        x = x * 1103515245u + 12345u;
        assert_int_equal(ss_kernel_schedule(&k, (x >> 8) % 10007, 0, i, (uint32_t)i), 0);
    }
    assert_int_equal(ss_kernel_pending(&k), N);
    assert_true(k.nfar > 0 && k.n + k.nfar == N);  /* most are days ahead: in the far tier */
    assert_true(k.cap >= N);
    size_t cap = k.cap;
    ss_event e, prev = {.t = -1};
    for (int i = 0; i < N / 2; i++) {
        assert_true(ss_kernel_next(&k, &e));
        assert_true(e.t > prev.t || (e.t == prev.t && e.seq > prev.seq));
        prev = e;
    }
    ss_kernel_reset(&k);
    assert_int_equal(ss_kernel_pending(&k), 0);
    assert_int_equal(k.processed, 0);
    assert_near(k.now, 0.0, 0);
    assert_int_equal(k.cap, cap);
    assert_false(ss_kernel_next(&k, &e));
    assert_int_equal(ss_kernel_schedule(&k, 0.25, 3, 4, 5), 0);
    assert_true(ss_kernel_next(&k, &e));
    assert_int_equal(e.type, 3);
    assert_int_equal(e.a, 4);
    assert_int_equal(e.b, 5);
    ss_kernel_fini(&k);
    assert_null(k.heap);
}

/* Interleaved schedule and pop, as a simulation does: each popped event schedules the next
 * ones in the future; the sequence of popped times never decreases. */
static void interleaved_run_keeps_the_clock_monotone(void **state)
{
    ss_kernel k;
    ss_kernel_init(&k);
    unsigned x = 99;
    for (int i = 0; i < 10; i++)
        assert_int_equal(ss_kernel_schedule(&k, i * 0.1, 0, i, 0), 0);
    ss_event e;
    double last = 0;
    while (k.processed < 200000 && ss_kernel_next(&k, &e)) {
        assert_true(e.t >= last);
        last = e.t;
        x = x * 1103515245u + 12345u;
        double dt = (x >> 16) % 3 == 0 ? 0.0 : ((x >> 8) % 1000) / 100.0;  /* ties included */
        assert_int_equal(ss_kernel_schedule(&k, k.now + dt, 0, e.a, 0), 0);
    }
    assert_int_equal(k.processed, 200000);
    assert_int_equal(ss_kernel_pending(&k), 10);  /* one out, one in */
    ss_kernel_fini(&k);
}

/* The event taken last leaves a hole that the next schedule fills: peek and the pending count
 * see past it, and next_until leaves a later event (and the clock) where they are. */
static void the_taken_event_leaves_a_hole(void **state)
{
    ss_kernel k;
    ss_kernel_init(&k);
    for (int i = 0; i < 6; i++)
        assert_int_equal(ss_kernel_schedule(&k, 1.0 + i, 0, i, 0), 0);
    ss_event e;
    assert_true(ss_kernel_next(&k, &e));
    assert_int_equal(e.a, 0);
    assert_true(k.hole);
    assert_int_equal(ss_kernel_pending(&k), 5);
    assert_near(ss_kernel_peek(&k), 2.0, 0);   /* the least of the hole's children */
    assert_false(ss_kernel_next_until(&k, 1.5, &e));  /* 2.0 is later: not taken */
    assert_near(k.now, 1.0, 0);
    assert_int_equal(k.processed, 1);
    assert_int_equal(ss_kernel_pending(&k), 5);
    assert_true(ss_kernel_next_until(&k, 2.0, &e));  /* at the limit: taken */
    assert_int_equal(e.a, 1);
    assert_int_equal(ss_kernel_schedule(&k, 2.5, 1, 99, 0), 0);  /* into the hole */
    assert_false(k.hole);
    assert_int_equal(ss_kernel_pending(&k), 5);
    int order[] = {99, 2, 3, 4, 5};
    for (int i = 0; i < 5; i++) {
        assert_true(ss_kernel_next(&k, &e));
        assert_int_equal(e.a, order[i]);
    }
    assert_false(ss_kernel_next(&k, &e));
    assert_int_equal(ss_kernel_pending(&k), 0);
    assert_true(isinf(ss_kernel_peek(&k)));
    ss_kernel_fini(&k);
}

/* A reference for the order events must come out in: (time, sequence). */
static int by_key(const void *a, const void *b)
{
    const ss_event *x = a, *y = b;
    if (x->t != y->t) return x->t < y->t ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Events near and far (the heap, the day buckets, beyond the buckets' ring, on a day's first
 * instant, ties), some scheduled from inside the run: they come out exactly in (time, sequence)
 * order, as one heap gives them, and peek always names the next one. */
static void near_and_far_events_come_out_in_order(void **state)
{
    enum { N = 60000 };
    ss_event *all = calloc(2 * N, sizeof *all);
    assert_non_null(all);
    ss_kernel k;
    ss_kernel_init(&k);
    unsigned x = 12345;
    size_t made = 0;
    for (int i = 0; i < N; i++) {
        x = x * 1103515245u + 12345u;
        unsigned r = x >> 8;
        double t = r % 5 == 0 ? (double)(r % 3000)                  /* whole days: ties, first instants */
                   : r % 5 == 1 ? 3.0 * SS_KERNEL_FAR_DAYS + r % 97    /* beyond the ring */
                   : (r % 400000) / 100.0;                         /* 0 to 4000 days */
        assert_int_equal(ss_kernel_schedule(&k, t, 0, (int)made, 0), 0);
        all[made] = (ss_event){.t = t + 0.0, .seq = made};
        made++;
    }
    size_t taken = 0;
    ss_event e;
    double before_next = ss_kernel_peek(&k);
    while (ss_kernel_next(&k, &e)) {
        assert_near(e.t, before_next, 0);
        if (taken % 7 == 0 && made < 2 * N) {  /* a handler schedules: now, soon, or far ahead */
            x = x * 1103515245u + 12345u;
            double t = k.now + ((x >> 8) % 3 == 0 ? 0.0 : ((x >> 8) % 90000) / 10.0);
            assert_int_equal(ss_kernel_schedule(&k, t, 0, (int)made, 0), 0);
            all[made] = (ss_event){.t = t + 0.0, .seq = made};
            made++;
        }
        assert_int_equal(e.seq, (uint64_t)e.a);
        all[e.a].type = (int32_t)++taken;  /* the order it came out in */
        before_next = ss_kernel_peek(&k);
        assert_int_equal(ss_kernel_pending(&k), made - taken);
    }
    assert_int_equal(taken, made);
    qsort(all, made, sizeof *all, by_key);
    for (size_t i = 0; i < made; i++) assert_int_equal(all[i].type, (int32_t)(i + 1));
    ss_kernel_fini(&k);
    free(all);
}

/* The guess of the next event, for prefetching: with nothing scheduled meanwhile and every event
 * in the heap (all within its near days), it is the event that comes out next, whenever the
 * times differ (ties are ordered by sequence, which the guess does not look at); NULL when
 * nothing is left. */
static void likely_next_names_the_next_event(void **state)
{
    ss_kernel k;
    ss_kernel_init(&k);
    assert_null(ss_kernel_likely_next(&k));
    unsigned x = 777;
    for (int i = 0; i < 500; i++) {
        x = x * 1103515245u + 12345u;
        assert_int_equal(ss_kernel_schedule(&k, (x >> 8) % 300000 / 100000.0, 0, i, 0), 0);
    }
    assert_int_equal(k.nfar, 0);  /* all near: the guess sees them all */
    ss_event e, guess = *ss_kernel_likely_next(&k);  /* a copy: the pointer is into the heap */
    int named = 0;
    while (ss_kernel_next(&k, &e)) {
        assert_near(guess.t, e.t, 0);
        named += guess.a == e.a;
        const ss_event *g = ss_kernel_likely_next(&k);
        if (!g) break;
        guess = *g;
    }
    assert_false(ss_kernel_next(&k, &e));  /* NULL only when nothing is left */
    assert_null(ss_kernel_likely_next(&k));
    assert_true(named > 450);  /* the same event, but for ties */
    ss_kernel_fini(&k);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pops_in_time_order),
        cmocka_unit_test(ties_are_first_come_first_served),
        cmocka_unit_test(grows_and_resets),
        cmocka_unit_test(interleaved_run_keeps_the_clock_monotone),
        cmocka_unit_test(the_taken_event_leaves_a_hole),
        cmocka_unit_test(near_and_far_events_come_out_in_order),
        cmocka_unit_test(likely_next_names_the_next_event),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
