/* runner: the replications of one model as the jobs of a worker pool. */
#include "runner.h"

#include <stdlib.h>
#include <string.h>

#include "sim.h"
#include "trend.h"

typedef struct replications {
    const ss_model *m;
    const ss_run_opts *o;
    ss_rep_result *results;
} replications;

/* On a worker: its simulator is built for its first replication and kept for the rest. */
static int run_replication(void *ctx, void **worker, long i, const ss_stop_flag *stop, ss_diag *d)
{
    const replications *r = ctx;
    if (!*worker && !(*worker = ss_sim_new(r->m, d)))
        return -1;
    ss_sim *sim = *worker;
    ss_sim_set_interrupt(sim, stop);
    bool traced = i == 0 && r->o->trace && r->o->trace_person > 0;
    ss_sim_set_trace(sim, traced ? r->o->trace_person : 0, traced ? r->o->trace : NULL);
    return ss_run_one(sim, r->m, r->o->seed, r->o->first_rep + (int)i, &r->results[i], d);
}

int ss_run_one(ss_sim *sim, const ss_model *m, uint64_t seed, int rep, ss_rep_result *out, ss_diag *d)
{
    if (ss_sim_run(sim, seed, rep, out, d) < 0)
        return -1;
    ss_queue_trend(out, m);  /* from the replication's own series */
    return 0;
}

static void free_worker(void *ctx, void *worker)
{
    (void)ctx;
    ss_sim_free(worker);
}

/* On the calling thread, in replication order. */
static int record_replication(void *ctx, long i, ss_diag *d)
{
    const replications *r = ctx;
    const ss_run_opts *o = r->o;
    if (o->record && o->record(o->record_ctx, &r->results[i], d) < 0)
        return -1;
    if (o->progress)
        o->progress(o->progress_ud, (int)i + 1, o->reps);
    return 0;
}

int ss_run_replications(const ss_model *m, const ss_run_opts *o, ss_rep_result *results, ss_diag *d)
{
    memset(results, 0, sizeof *results * (size_t)o->reps);
    replications r = {.m = m, .o = o, .results = results};
    ss_pool_jobs jobs = {.njobs = o->reps, .workers = o->jobs, .interrupt = o->interrupt, .ctx = &r,
                         .run = run_replication, .deliver = record_replication, .worker_end = free_worker};
    ss_pool_result res;
    if (ss_pool_run(&jobs, &res, d) == 0)
        return 0;
    for (int i = 0; i < o->reps; i++)
        ss_rep_result_free(&results[i]);
    return res.outcome == SS_POOL_DELIVER_FAILED ? -2 : -1;
}
