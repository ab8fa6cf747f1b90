/* points: a study's points on the worker pool (see points.h). */
#include "points.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"
#include "xalloc.h"

typedef struct run_ctx {
    const ss_points_job *job;
    double *y;
    long *todo, ntodo;
} run_ctx;

static int run_one(void *ctx, void **worker, long i, const ss_stop_flag *stop, ss_diag *d)
{
    (void)worker;
    const run_ctx *c = ctx;
    const ss_points_job *job = c->job;
    long p = c->todo[i];
    int rc = job->run(job->ctx, p, c->y + p * job->noutputs, stop, d);
    if (rc < 0 && job->name && strcmp(d->msg, "interrupted") != 0) {
        char name[1024];
        job->name(job->ctx, p, name, sizeof name);
        ss_wrap(d, "%s", name);
    }
    return rc;
}

static int deliver_one(void *ctx, long i, ss_diag *d)
{
    const run_ctx *c = ctx;
    const ss_points_job *job = c->job;
    long p = c->todo[i];
    if (!job->deliver) return 0;
    return job->deliver(job->ctx, p, c->y + p * job->noutputs, job->npoints - c->ntodo + i + 1, d);
}

int ss_points_run(const ss_points_job *job, ss_points_done *out, ss_diag *d)
{
    size_t n = (size_t)job->npoints * (size_t)job->noutputs;
    run_ctx c = {.job = job, .y = xmalloc(sizeof *c.y * (n ? n : 1))};
    for (size_t i = 0; i < n; i++) c.y[i] = NAN;
    unsigned char *have = xcalloc((size_t)job->npoints + 1, 1);
    *out = (ss_points_done){.y = c.y};
    int rc = job->stored ? job->stored(job->ctx, c.y, have, &out->nstored, d) : 0;
    c.todo = xmalloc(sizeof *c.todo * (size_t)(job->npoints + 1));
    for (long p = 0; p < job->npoints; p++) {
        bool mine = job->nshards == 0 || p % job->nshards == job->shard - 1;
        if (!have[p] && mine) c.todo[c.ntodo++] = p;
        else if (!have[p]) out->nmissing++;
    }
    free(have);
    ss_pool_jobs jobs = {.njobs = c.ntodo, .workers = job->workers, .interrupt = job->interrupt, .ctx = &c,
                         .run = run_one, .deliver = deliver_one};
    ss_pool_result pr;
    if (rc == 0 && c.ntodo > 0) rc = ss_pool_run(&jobs, &pr, d);
    free(c.todo);
    return rc;
}
