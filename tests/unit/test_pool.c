/* test_pool: the worker pool on its own — results in job order on the calling thread, the
 * lowest failure reported whatever the timing, cancellation reaching running jobs, a failing
 * delivery, the backlog bound, and more workers than jobs.
 *
 * Jobs sleep for a time that depends on their index, so later jobs often finish before earlier
 * ones; checks made on worker threads are counted and asserted on the main thread (cmocka's
 * assertions may not be called from another thread). */
#include "testing.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "pool.h"

enum { MAX_JOBS = 200 };

typedef struct probe {
    long order[MAX_JOBS];         /* delivered jobs, in delivery order */
    long ndelivered;
    pthread_t caller;
    atomic_int wrong_thread;      /* deliveries not on the calling thread */
    atomic_int ran;               /* jobs whose run was called */
    atomic_int states_made, states_freed;
    atomic_long delivered_so_far;
    atomic_int over_backlog;      /* jobs handed out while the caller was a full backlog behind */
    long backlog;
    long fail_at[4];              /* jobs that fail (-1: none) */
    long slow_job;                /* this job sleeps longer than the others */
    long deliver_fails_at;        /* -1: none */
    long interrupting_job;        /* this job raises *interrupt as it runs; -1: none */
    ss_stop_flag *interrupt;
    long wait_from;               /* jobs from this one wait for the stop flag; -1: none */
    atomic_int stopped_jobs;      /* jobs that saw the stop flag */
    atomic_int waited_in_vain;    /* waiting jobs that never saw it (5 s) */
} probe;

static void sleep_us(long us)
{
    struct timespec t = {us / 1000000, (us % 1000000) * 1000};
    nanosleep(&t, NULL);
}

static int run(void *ctx, void **worker, long i, const ss_stop_flag *stop, ss_diag *d)
{
    probe *p = ctx;
    atomic_fetch_add(&p->ran, 1);
    if (!*worker) {
        *worker = malloc(1);
        atomic_fetch_add(&p->states_made, 1);
    }
    if (p->backlog > 0 && i >= atomic_load(&p->delivered_so_far) + p->backlog)
        atomic_fetch_add(&p->over_backlog, 1);
    sleep_us(i == p->slow_job ? 20000 : (i * 7919) % 7 * 150);
    /* The interrupt comes from a job that is running, so that at least one job is certainly
     * running when the pool raises its stop flag, however the threads are scheduled. */
    if (i == p->interrupting_job)
        atomic_store(p->interrupt, 1);
    /* A job after the one that stops the pool holds its worker until the stop: no worker can run
     * ahead while the thread that took the stopping job is descheduled, so how many jobs run is
     * bounded whatever the timing (at most one a worker past the stopping job). */
    if (p->wait_from >= 0 && i >= p->wait_from) {
        for (int k = 0; k < 5000 && !atomic_load(stop); k++)
            sleep_us(1000);
        if (!atomic_load(stop))
            atomic_fetch_add(&p->waited_in_vain, 1);
        else {
            atomic_fetch_add(&p->stopped_jobs, 1);
            return ss_fail(d, "interrupted");
        }
    }
    for (int k = 0; k < 4; k++)
        if (p->fail_at[k] == i)
            return ss_fail(d, "job %ld failed", i);
    return 0;
}

static int deliver(void *ctx, long i, ss_diag *d)
{
    probe *p = ctx;
    if (!pthread_equal(pthread_self(), p->caller))
        atomic_fetch_add(&p->wrong_thread, 1);
    if (i == p->deliver_fails_at)
        return ss_fail(d, "cannot write job %ld", i);
    p->order[p->ndelivered++] = i;
    atomic_store(&p->delivered_so_far, p->ndelivered);
    return 0;
}

static void worker_end(void *ctx, void *worker)
{
    probe *p = ctx;
    if (worker)
        atomic_fetch_add(&p->states_freed, 1);
    free(worker);
}

static void probe_init(probe *p)
{
    memset(p, 0, sizeof *p);
    p->caller = pthread_self();
    for (int k = 0; k < 4; k++)
        p->fail_at[k] = -1;
    p->slow_job = p->deliver_fails_at = p->interrupting_job = p->wait_from = -1;
}

static int run_pool(probe *p, long njobs, int workers, ss_pool_result *res, ss_diag *d)
{
    ss_pool_jobs jobs = {.njobs = njobs, .workers = workers, .backlog = p->backlog, .interrupt = p->interrupt,
                         .ctx = p, .run = run, .deliver = deliver, .worker_end = worker_end};
    return ss_pool_run(&jobs, res, d);
}

static void results_come_in_job_order_on_the_calling_thread(void **state)
{
    (void)state;
    for (int workers = 1; workers <= 4; workers++) {
        probe p;
        probe_init(&p);
        ss_pool_result res;
        ss_diag d;
        assert_int_equal(run_pool(&p, 60, workers, &res, &d), 0);
        assert_int_equal(res.outcome, SS_POOL_DONE);
        assert_int_equal(res.delivered, 60);
        assert_int_equal(res.workers, workers);
        assert_int_equal(p.ndelivered, 60);
        for (long i = 0; i < 60; i++)
            assert_int_equal(p.order[i], i);
        assert_int_equal(atomic_load(&p.wrong_thread), 0);
        /* a worker that started late may find no job left, and then makes no state */
        assert_true(atomic_load(&p.states_made) >= 1 && atomic_load(&p.states_made) <= workers);
        assert_int_equal(atomic_load(&p.states_freed), atomic_load(&p.states_made));
    }
}

static void more_workers_than_jobs_start_only_as_many_as_jobs(void **state)
{
    (void)state;
    probe p;
    probe_init(&p);
    ss_pool_result res;
    ss_diag d;
    assert_int_equal(run_pool(&p, 3, 16, &res, &d), 0);
    assert_int_equal(res.workers, 3);
    assert_int_equal(p.ndelivered, 3);
    assert_int_equal(atomic_load(&p.ran), 3);

    probe_init(&p);
    assert_int_equal(run_pool(&p, 0, 4, &res, &d), 0);  /* nothing to do: no thread, no call */
    assert_int_equal(res.workers, 0);
    assert_int_equal(atomic_load(&p.ran), 0);
}

/* Job 31 fails at once, job 12 fails late (it is slow): the lowest is reported every time, and
 * every job before it is delivered.  Hand-out stops once a failure is recorded.  The jobs after
 * job 31 hold their workers until the pool stops, so however late job 31's thread reports, the
 * jobs run past it are the ones taken before the first failure was recorded — at most one for
 * each worker other than those holding jobs 12 and 31 (one of which records that failure). */
static void the_lowest_failing_job_is_reported_whatever_the_timing(void **state)
{
    (void)state;
    for (int workers = 1; workers <= 4; workers++) {
        probe p;
        probe_init(&p);
        p.fail_at[0] = 31;
        p.fail_at[1] = 12;
        p.slow_job = 12;
        p.wait_from = 32;
        ss_pool_result res;
        ss_diag d;
        assert_int_equal(run_pool(&p, 80, workers, &res, &d), -1);
        assert_int_equal(res.outcome, SS_POOL_JOB_FAILED);
        assert_int_equal(res.failed_job, 12);
        assert_string_equal(d.msg, "job 12 failed");  /* not a stopped job's "interrupted" */
        assert_int_equal(res.delivered, 12);
        assert_int_equal(p.ndelivered, 12);
        for (long i = 0; i < p.ndelivered; i++)
            assert_int_equal(p.order[i], i);
        /* hand-out stopped at the first recorded failure: one worker alone stops at job 12 */
        if (workers == 1)
            assert_int_equal(atomic_load(&p.ran), 13);
        else
            assert_true(atomic_load(&p.ran) <= 32 + (workers - 2));
        assert_int_equal(atomic_load(&p.waited_in_vain), 0);
        assert_true(atomic_load(&p.states_made) >= 1);
        assert_int_equal(atomic_load(&p.states_made), atomic_load(&p.states_freed));
    }
}

static void a_failing_delivery_stops_the_pool(void **state)
{
    (void)state;
    probe p;
    probe_init(&p);
    p.deliver_fails_at = 5;
    p.wait_from = 6;  /* as above: a descheduled caller cannot let the workers run every job */
    ss_pool_result res;
    ss_diag d;
    assert_int_equal(run_pool(&p, 100, 3, &res, &d), -1);
    assert_int_equal(res.outcome, SS_POOL_DELIVER_FAILED);
    assert_int_equal(res.failed_job, 5);
    assert_string_equal(d.msg, "cannot write job 5");
    assert_int_equal(p.ndelivered, 5);
    assert_int_equal(res.delivered, 5);
    assert_true(atomic_load(&p.ran) <= 6 + 3);
    assert_int_equal(atomic_load(&p.waited_in_vain), 0);
    assert_int_equal(atomic_load(&p.states_made), atomic_load(&p.states_freed));
}

/* Ctrl-C (the caller's flag) stops hand-out and raises the pool's stop flag, which jobs that are
 * running see; their "interrupted" is not a failure, and the whole prefix is delivered: every
 * job before the interrupting one was handed out before it and does not wait, so exactly those
 * are delivered, whatever the timing. */
static void an_interrupt_cancels_running_jobs(void **state)
{
    (void)state;
    ss_stop_flag ctrl_c = 0;
    probe p;
    probe_init(&p);
    p.interrupt = &ctrl_c;
    p.interrupting_job = p.wait_from = 6;
    ss_pool_result res;
    ss_diag d;
    assert_int_equal(run_pool(&p, 100, 3, &res, &d), -1);
    assert_int_equal(res.outcome, SS_POOL_INTERRUPTED);
    assert_string_equal(d.msg, "interrupted");
    assert_int_equal(res.delivered, 6);
    assert_int_equal(res.delivered, p.ndelivered);
    for (long i = 0; i < p.ndelivered; i++)
        assert_int_equal(p.order[i], i);
    assert_true(atomic_load(&p.stopped_jobs) >= 1);  /* a running job saw the stop flag */
    assert_true(atomic_load(&p.ran) <= 6 + 3);
    assert_int_equal(atomic_load(&p.waited_in_vain), 0);
}

/* An interrupt raised before the pool starts: nothing is run. */
static void an_interrupt_before_the_start_runs_nothing(void **state)
{
    (void)state;
    ss_stop_flag ctrl_c = 1;
    probe p;
    probe_init(&p);
    p.interrupt = &ctrl_c;
    ss_pool_result res;
    ss_diag d;
    assert_int_equal(run_pool(&p, 10, 2, &res, &d), -1);
    assert_int_equal(res.outcome, SS_POOL_INTERRUPTED);
    assert_int_equal(atomic_load(&p.ran), 0);
}

static void workers_stay_within_the_backlog(void **state)
{
    (void)state;
    probe p;
    probe_init(&p);
    p.backlog = 3;
    p.slow_job = 2;  /* the caller waits behind it while the others could race ahead */
    ss_pool_result res;
    ss_diag d;
    assert_int_equal(run_pool(&p, 40, 4, &res, &d), 0);
    assert_int_equal(p.ndelivered, 40);
    assert_int_equal(atomic_load(&p.over_backlog), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(results_come_in_job_order_on_the_calling_thread),
        cmocka_unit_test(more_workers_than_jobs_start_only_as_many_as_jobs),
        cmocka_unit_test(the_lowest_failing_job_is_reported_whatever_the_timing),
        cmocka_unit_test(a_failing_delivery_stops_the_pool),
        cmocka_unit_test(an_interrupt_cancels_running_jobs),
        cmocka_unit_test(an_interrupt_before_the_start_runs_nothing),
        cmocka_unit_test(workers_stay_within_the_backlog),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
