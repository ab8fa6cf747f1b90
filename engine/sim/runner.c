#include "runner.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sim.h"

typedef struct shared {
    const ss_model *m;
    const ss_run_opts *o;
    ss_rep_result *results;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    int next;                /* next replication to hand out */
    char *done;              /* [reps] finished */
    int failed_rep;          /* lowest failing replication, or reps */
    ss_diag failure;
    volatile sig_atomic_t stop;
    int workers_left;
} shared;

static void record_failure(shared *sh, int i, const ss_diag *d)
{
    if (i < sh->failed_rep) {
        sh->failed_rep = i;
        sh->failure = *d;
    }
    sh->stop = 1;
}

static void *worker(void *arg)
{
    shared *sh = arg;
    ss_diag d;
    ss_sim *sim = ss_sim_new(sh->m, &d);
    pthread_mutex_lock(&sh->lock);
    if (!sim) record_failure(sh, -1, &d);
    while (sim && !sh->stop && sh->next < sh->o->reps) {
        int i = sh->next++;
        pthread_mutex_unlock(&sh->lock);
        ss_sim_set_interrupt(sim, &sh->stop);
        bool traced = i == 0 && sh->o->trace && sh->o->trace_person > 0;
        ss_sim_set_trace(sim, traced ? sh->o->trace_person : 0, traced ? sh->o->trace : NULL);
        int rc = ss_sim_run(sim, sh->o->seed, sh->o->first_rep + i, &sh->results[i], &d);
        pthread_mutex_lock(&sh->lock);
        if (rc < 0) {
            /* a sibling's stop is not this replication's fault */
            if (strcmp(d.msg, "interrupted") != 0 || (sh->o->interrupt && *sh->o->interrupt))
                record_failure(sh, i, &d);
            else
                sh->stop = 1;
        } else {
            sh->done[i] = 1;
        }
        pthread_cond_broadcast(&sh->changed);
    }
    sh->workers_left--;
    pthread_cond_broadcast(&sh->changed);
    pthread_mutex_unlock(&sh->lock);
    ss_sim_free(sim);
    return NULL;
}

int ss_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

/* Write finished replications in order; returns the next index to write. */
static int drain(shared *sh, int written, ss_diag *d, int *record_failed)
{
    const ss_run_opts *o = sh->o;
    while (written < o->reps && sh->done[written] && !*record_failed) {
        pthread_mutex_unlock(&sh->lock);
        int rc = o->record ? o->record(o->record_ctx, &sh->results[written], d) : 0;
        if (o->progress) o->progress(o->progress_ud, written + 1, o->reps);
        pthread_mutex_lock(&sh->lock);
        if (rc < 0) {
            *record_failed = 1;
            sh->stop = 1;
            break;
        }
        written++;
    }
    return written;
}

int ss_run_replications(const ss_model *m, const ss_run_opts *o, ss_rep_result *results, ss_diag *d)
{
    shared sh = {.m = m, .o = o, .results = results, .failed_rep = o->reps};
    memset(results, 0, sizeof *results * o->reps);
    sh.done = calloc(o->reps ? o->reps : 1, 1);
    pthread_mutex_init(&sh.lock, NULL);
    pthread_cond_init(&sh.changed, NULL);
    int jobs = o->jobs > 0 ? o->jobs : ss_cores();
    if (jobs > o->reps) jobs = o->reps;
    if (jobs < 1) jobs = 1;
    pthread_t *tid = calloc(jobs, sizeof *tid);
    sh.workers_left = jobs;
    for (int i = 0; i < jobs; i++) pthread_create(&tid[i], NULL, worker, &sh);

    int written = 0, record_failed = 0;
    pthread_mutex_lock(&sh.lock);
    while (sh.workers_left > 0) {
        written = drain(&sh, written, d, &record_failed);
        if (o->interrupt && *o->interrupt) sh.stop = 1;  /* Ctrl-C reaches the workers */
        if (sh.workers_left == 0 || (written < o->reps && sh.done[written] && !record_failed))
            continue;  /* finished while we were writing: no wake-up would come */
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 100 * 1000 * 1000;
        if (until.tv_nsec >= 1000000000L) { until.tv_sec++; until.tv_nsec -= 1000000000L; }
        pthread_cond_timedwait(&sh.changed, &sh.lock, &until);
    }
    written = drain(&sh, written, d, &record_failed);
    pthread_mutex_unlock(&sh.lock);
    for (int i = 0; i < jobs; i++) pthread_join(tid[i], NULL);
    free(tid);

    int rc = 0;
    if (record_failed) {
        rc = -1;
    } else if (sh.failed_rep < o->reps) {
        *d = sh.failure;
        rc = -1;
    } else if (written < o->reps) {
        ss_fail(d, "interrupted");
        rc = -1;
    }
    if (rc < 0)
        for (int i = 0; i < o->reps; i++) ss_rep_result_free(&results[i]);
    pthread_mutex_destroy(&sh.lock);
    pthread_cond_destroy(&sh.changed);
    free(sh.done);
    return rc;
}
