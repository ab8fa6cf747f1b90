/* points: a study's points on the worker pool (see points.h). */
#include "points.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
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

/* "point 12 of wave 2 (a=1, b=2)", or "the calibrated point (a=1, b=2)": the point's name in its error. */
static void name_point(const ss_points_job *job, long p, char *out, size_t n)
{
    const double *v = job->values + p * job->nvalues;
    size_t len = *job->of ? (size_t)snprintf(out, n, "%s %ld of %s (", job->what, p + 1, job->of)
                          : (size_t)snprintf(out, n, "%s (", job->what);
    for (int j = 0; j < job->nvalues && len < n; j++)
        len += (size_t)snprintf(out + len, n - len, "%s%s=%.6g", j ? ", " : "", job->paths[j], v[j]);
    if (len < n) snprintf(out + len, n - len, ")");
}

static int run_one(void *ctx, void **worker, long i, const ss_stop_flag *stop, ss_diag *d)
{
    (void)worker;
    const run_ctx *c = ctx;
    const ss_points_job *job = c->job;
    long p = c->todo[i];
    assert(p >= 0 && p < job->npoints);
    int rc = job->run(job->ctx, p, c->y + p * job->noutputs, stop, d);
    if (rc < 0 && strcmp(d->msg, "interrupted") != 0) {
        char name[1024];
        name_point(job, p, name, sizeof name);
        ss_wrap(d, "%s", name);
    }
    return rc;
}

static int deliver_one(void *ctx, long i, ss_diag *d)
{
    const run_ctx *c = ctx;
    const ss_points_job *job = c->job;
    const ss_points_hooks *h = &job->how->hooks;
    long p = c->todo[i];
    if (h->point_done &&
        h->point_done(h->ud, &job->part, p, job->values + p * job->nvalues, job->nvalues, c->y + p * job->noutputs,
                      job->noutputs, d) < 0)
        return -1;
    if (h->progress) h->progress(h->progress_ud, &job->part, job->npoints - c->ntodo + i + 1, job->npoints);
    return 0;
}

/* The points stored already, from the hooks (after a kill, or a merged shard file). */
static int find_stored(const ss_points_job *job, double *y, unsigned char *have, long *nstored, ss_diag *d)
{
    const ss_points_hooks *h = &job->how->hooks;
    if (!h->stored) return 0;
    int rc = h->stored(h->ud, &job->part, job->npoints, job->noutputs, y, have, nstored, d);
    assert(rc < 0 || (*nstored >= 0 && *nstored <= job->npoints));
    return rc;
}

int ss_points_started(const ss_points_how *how, const void *study, ss_diag *d)
{
    return how->hooks.started ? how->hooks.started(how->hooks.ud, study, d) : 0;
}

int ss_points_run(const ss_points_job *job, ss_points_done *out, ss_diag *d)
{
    assert(job->npoints >= 0 && job->noutputs >= 0 && job->nvalues >= 0);
    const ss_points_how *how = job->how;
    assert(how->nshards == 0 || (how->shard >= 1 && how->shard <= how->nshards));
    assert(job->run && job->what && job->of && (job->nvalues == 0 || (job->paths && job->values)));
    size_t n = (size_t)job->npoints * (size_t)job->noutputs;
    run_ctx c = {.job = job, .y = xmalloc(sizeof *c.y * (n ? n : 1))};
    for (size_t i = 0; i < n; i++) c.y[i] = NAN;
    unsigned char *have = xcalloc((size_t)job->npoints + 1, 1);
    *out = (ss_points_done){.y = c.y};
    int rc = find_stored(job, c.y, have, &out->nstored, d);
    c.todo = xmalloc(sizeof *c.todo * (size_t)(job->npoints + 1));
    for (long p = 0; p < job->npoints; p++) {
        bool mine = how->nshards == 0 || p % how->nshards == how->shard - 1;
        if (!have[p] && mine) c.todo[c.ntodo++] = p;
        else if (!have[p]) out->nmissing++;
    }
    free(have);
    ss_pool_jobs jobs = {.njobs = c.ntodo, .workers = how->jobs, .interrupt = how->interrupt, .ctx = &c,
                         .run = run_one, .deliver = deliver_one};
    ss_pool_result pr;
    if (rc == 0 && c.ntodo > 0) rc = ss_pool_run(&jobs, &pr, d);
    free(c.todo);
    return rc;
}
