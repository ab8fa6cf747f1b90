/* pool: one mutex guards the hand-out, the finished marks and the delivery position; the stop
 * flag is an atomic so that running jobs can poll it without the mutex. */
#include "pool.h"

#include <assert.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { JOB_WAITING, JOB_SUCCEEDED, JOB_FAILED };

/* How often the calling thread looks at the Ctrl-C flag: a signal handler cannot wake it. */
#define INTERRUPT_POLL_NS (100L * 1000 * 1000)

typedef struct pool {
    const ss_pool_jobs *j;
    pthread_mutex_t lock;
    pthread_cond_t changed;   /* a job finished, one was delivered, or a worker ended */
    ss_stop_flag stop;
    unsigned char *state;     /* [njobs] JOB_* */
    long next;                /* the next job to hand out */
    long finished;            /* jobs below this one have all finished */
    long delivered;           /* jobs below this one have all been delivered */
    long failed_job;          /* the lowest failing job, or njobs */
    ss_diag failure;
    long deliver_failed;      /* the job whose delivery failed, or -1 */
    ss_diag deliver_failure;
    int workers_left;
} pool;

int ss_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static bool interrupted(const pool *p)
{
    return p->j->interrupt && atomic_load(p->j->interrupt);
}

/* With the lock held. */
static bool may_hand_out(const pool *p)
{
    return p->next < p->j->njobs && !atomic_load(&p->stop) && p->failed_job == p->j->njobs &&
           !interrupted(p);
}

/* With the lock held: wait while the caller is behind by a full backlog (a small job runs faster
 * than its result is written, and results would pile up in memory); false when nothing more is
 * to be handed out. */
static bool wait_for_job(pool *p)
{
    while (may_hand_out(p)) {
        if (p->j->backlog <= 0 || p->next - p->delivered < p->j->backlog)
            return true;
        pthread_cond_wait(&p->changed, &p->lock);
    }
    return false;
}

/* With the lock held.  A failure stops the pool only when every job before it has finished:
 * an earlier job may still fail too, and the lowest failure is the one to report. */
static void finish_job(pool *p, long i, int rc, const ss_diag *d)
{
    assert(i >= 0 && i < p->j->njobs && p->state[i] == JOB_WAITING && "a job finished twice");
    p->state[i] = rc == 0 ? JOB_SUCCEEDED : JOB_FAILED;
    if (rc != 0 && !atomic_load(&p->stop) && i < p->failed_job) {
        p->failed_job = i;
        p->failure = *d;
    }
    while (p->finished < p->j->njobs && p->state[p->finished] != JOB_WAITING)
        p->finished++;
    if (p->failed_job < p->j->njobs && p->finished >= p->failed_job)
        atomic_store(&p->stop, 1);
    pthread_cond_broadcast(&p->changed);
}

static void *worker(void *arg)
{
    pool *p = arg;
    void *state = NULL;
    pthread_mutex_lock(&p->lock);
    while (wait_for_job(p)) {
        long i = p->next++;
        pthread_mutex_unlock(&p->lock);
        ss_diag d = {{0}};
        int rc = p->j->run(p->j->ctx, &state, i, &p->stop, &d);
        pthread_mutex_lock(&p->lock);
        finish_job(p, i, rc, &d);
    }
    p->workers_left--;
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->lock);
    if (p->j->worker_end)
        p->j->worker_end(p->j->ctx, state);
    return NULL;
}

/* With the lock held. */
static bool deliverable(const pool *p)
{
    return p->delivered < p->j->njobs && p->state[p->delivered] == JOB_SUCCEEDED &&
           p->deliver_failed < 0;
}

/* With the lock held, on the calling thread: hand over what has finished, in job order. */
static void deliver_finished(pool *p)
{
    while (deliverable(p)) {
        long i = p->delivered;
        assert(i < p->finished && "delivered before it finished");
        ss_diag d = {{0}};
        pthread_mutex_unlock(&p->lock);
        int rc = p->j->deliver ? p->j->deliver(p->j->ctx, i, &d) : 0;
        pthread_mutex_lock(&p->lock);
        if (rc != 0) {
            p->deliver_failed = i;
            p->deliver_failure = d;
            atomic_store(&p->stop, 1);
        } else {
            p->delivered++;
        }
        pthread_cond_broadcast(&p->changed);  /* a worker may wait on the backlog */
    }
}

static void wait_a_little(pool *p)
{
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_nsec += INTERRUPT_POLL_NS;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(&p->changed, &p->lock, &until);
}

/* The calling thread's part: deliver, and pass Ctrl-C on to the running jobs. */
static void drive(pool *p)
{
    pthread_mutex_lock(&p->lock);
    for (;;) {
        deliver_finished(p);
        if (interrupted(p) && !atomic_load(&p->stop)) {
            atomic_store(&p->stop, 1);
            pthread_cond_broadcast(&p->changed);
        }
        if (deliverable(p))
            continue;  /* finished while we delivered: no wake-up will come for it */
        if (p->workers_left == 0)
            break;
        if (p->j->interrupt)
            wait_a_little(p);
        else
            pthread_cond_wait(&p->changed, &p->lock);
    }
    pthread_mutex_unlock(&p->lock);
}

/* Workers wait on the lock until all are started, so none counts itself out too early. */
static int start_workers(pool *p, pthread_t *tid, int n, int *err)
{
    int started = 0;
    pthread_mutex_lock(&p->lock);
    while (started < n && (*err = pthread_create(&tid[started], NULL, worker, p)) == 0)
        started++;
    p->workers_left = started;
    pthread_mutex_unlock(&p->lock);
    return started;
}

static int outcome(const pool *p, ss_pool_result *res, ss_diag *d)
{
    res->delivered = p->delivered;
    res->failed_job = -1;
    if (p->deliver_failed >= 0) {
        res->outcome = SS_POOL_DELIVER_FAILED;
        res->failed_job = p->deliver_failed;
        *d = p->deliver_failure;
    } else if (p->failed_job < p->j->njobs) {
        res->outcome = SS_POOL_JOB_FAILED;
        res->failed_job = p->failed_job;
        *d = p->failure;
    } else if (p->delivered < p->j->njobs) {
        res->outcome = SS_POOL_INTERRUPTED;
        ss_fail(d, "interrupted");
    } else {
        res->outcome = SS_POOL_DONE;
        return 0;
    }
    return -1;
}

static void pool_init(pool *p, const ss_pool_jobs *j)
{
    memset(p, 0, sizeof *p);
    p->j = j;
    p->failed_job = j->njobs;
    p->deliver_failed = -1;
    atomic_init(&p->stop, 0);
    pthread_mutex_init(&p->lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&p->changed, &ca);
    pthread_condattr_destroy(&ca);
}

static void pool_fini(pool *p)
{
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->changed);
    free(p->state);
}

int ss_pool_run(const ss_pool_jobs *j, ss_pool_result *res, ss_diag *d)
{
    assert(j->njobs >= 0 && j->run);
    memset(res, 0, sizeof *res);
    res->failed_job = -1;
    if (j->njobs == 0)
        return 0;
    long n = j->workers > 0 ? j->workers : ss_cores();
    if (n > j->njobs)
        n = j->njobs;
    pool p;
    pool_init(&p, j);
    p.state = calloc((size_t)j->njobs, 1);
    pthread_t *tid = calloc((size_t)n, sizeof *tid);
    int err = 0, started = p.state && tid ? start_workers(&p, tid, (int)n, &err) : 0;
    int rc;
    if (started == 0) {
        res->outcome = SS_POOL_NO_THREADS;
        rc = ss_fail(d, "cannot start the workers: %s", p.state && tid ? strerror(err) : "out of memory");
    } else {
        drive(&p);
        for (int i = 0; i < started; i++)
            pthread_join(tid[i], NULL);
        rc = outcome(&p, res, d);
    }
    res->workers = started;
    free(tid);
    pool_fini(&p);
    return rc;
}
