/* batch: running a plan on all cores into one resumable SQLite file.
 *
 * Three steps, each finished before the next starts, so a mistake anywhere in the plan stops the
 * batch before anything is written:
 *   1. the plan is read and its grid expanded (plan.c, grid.c) before ss_batch_run is called,
 *   2. every point's scenario and rule files are loaded on all cores, which checks them and gives
 *      each run its key (check_*),
 *   3. what the file holds already is looked up and the rest run as the jobs of the worker pool
 *      (util/pool.h): workers take (run, replication) jobs in grid order, and this thread writes
 *      each finished replication in its own transaction, in job order, and a run's summary once
 *      its replications are all stored (run_job, deliver_job). */
#include "batch.h"

#include <stdarg.h>
#include <assert.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pool.h"
#include "scenario.h"
#include "sim.h"
#include "study.h"
#include "xalloc.h"

#define SUMMARY_LEVEL 0.95  /* as `samsim run`, so a batch run's summary is the same */

void ss_batch_shard_output(const char *output, int shard, int nshards, char *out, size_t n)
{
    size_t l = strlen(output);
    int stem = l > 3 && strcmp(output + l - 3, ".db") == 0 ? (int)l - 3 : (int)l;
    snprintf(out, n, "%.*s.shard-%d-of-%d.db", stem, output, shard, nshards);
}

/* ---- checking every point ------------------------------------------------------------------------ */

/* What a point's check leaves behind: its hashes and the key of its run. */
typedef struct point_check {
    const ss_plan *p;
    char scenario_hash[65], rules_hash[65], run_key[65];
} point_check;

static ss_scenario *load_point(const ss_plan_point *pt, ss_diag *d)
{
    ss_scenario_opts so = {.overlays = pt->overlays, .noverlays = pt->noverlays, .sets = pt->sets,
                           .nsets = pt->nsets};
    return ss_scenario_load(pt->scenario, &so, d);
}

static void compute_run_key(const ss_plan *p, const ss_plan_point *pt, point_check *c)
{
    size_t cap = strlen(pt->description) + 256;
    char *text = malloc(cap);
    if (!text) {
        memset(c->run_key, '0', 64);
        return;
    }
    int n = snprintf(text, cap, "samsim run 1\nscenario_hash %s\nrules_hash %s\nseed %" PRIu64 "\nreplications %d\n%s",
                     c->scenario_hash, c->rules_hash, ss_plan_seed(p), ss_plan_replications(p), pt->description);
    ss_sha256_hex(text, (size_t)n, c->run_key);
    free(text);
}

/* Load the scenario and open its rule files, as `samsim check` does; keep only the hashes, so
 * checking a plan of thousands of runs needs the memory of a few. */
static int check_point(const ss_plan *p, const ss_plan_point *pt, point_check *c, ss_diag *d)
{
    ss_scenario *sc = load_point(pt, d);
    if (!sc)
        return -1;
    ss_sim *sim = ss_sim_new(ss_scenario_model(sc), d);
    if (sim) {
        snprintf(c->scenario_hash, sizeof c->scenario_hash, "%s", ss_scenario_hash(sc));
        snprintf(c->rules_hash, sizeof c->rules_hash, "%s", ss_scenario_rules_hash(sc));
        compute_run_key(p, pt, c);
    }
    ss_sim_free(sim);
    ss_scenario_free(sc);
    return sim ? 0 : -1;
}

/* On a worker (ss_pool_jobs.run): check point i. */
static int check_job(void *ctx, void **worker, long i, const ss_stop_flag *stop, ss_diag *d)
{
    (void)worker;
    (void)stop;
    point_check *checks = ctx;
    return check_point(checks[i].p, ss_plan_point_at(checks[i].p, (int)i), &checks[i], d);
}

/* Points are handed out in order, and the pool reports the lowest failing one, so the error is
 * always the first wrong point, whatever the number of threads. */
static int check_points(const ss_plan *p, const ss_batch_opts *o, point_check *checks, ss_diag *d,
                        ss_batch_failure *why)
{
    for (int i = 0; i < ss_plan_npoints(p); i++)
        checks[i].p = p;
    ss_pool_jobs jobs = {.njobs = ss_plan_npoints(p), .workers = o->jobs, .interrupt = o->interrupt,
                         .ctx = checks, .run = check_job};
    ss_pool_result res;
    if (ss_pool_run(&jobs, &res, d) == 0)
        return 0;
    *why = res.outcome == SS_POOL_INTERRUPTED ? SS_BATCH_INTERRUPTED
         : res.outcome == SS_POOL_JOB_FAILED ? SS_BATCH_MODEL : SS_BATCH_IO;
    if (res.outcome != SS_POOL_JOB_FAILED)
        return -1;
    char name[1024];
    ss_plan_point_name(p, ss_plan_point_at(p, (int)res.failed_job), name, sizeof name);
    return ss_wrap(d, "%s: %s", ss_plan_path(p), name);
}

/* ---- the session: what this shard does, and what the file holds already ------------------------ */

typedef enum run_load_state { RUN_UNLOADED, RUN_LOADING, RUN_READY, RUN_FAILED, RUN_RETIRED } run_load_state;

/* One run of this shard.  The scenario is loaded when the first of its jobs is taken and freed
 * when the last is written, so a batch holds about as many scenarios as it has workers. */
typedef struct run_slot {
    const ss_plan_point *pt;
    const point_check *check;
    int64_t run_id;        /* 0 until the run is in the store */
    bool complete;
    int reps_stored;
    int reps_here;         /* replications this shard owns */
    int jobs_pending;      /* of this session, not yet written */
    run_load_state state;  /* below: under the session's runs_lock */
    ss_scenario *sc;
    ss_study study;
    int users;             /* workers whose simulator is built on sc */
} run_slot;

typedef struct job {
    int slot;
    int rep;
} job;

typedef struct session {
    const ss_plan *p;
    const ss_batch_opts *o;
    point_check *checks;
    run_slot *slots;
    int nslots;
    job *jobs;
    long njobs;
    ss_store *store;       /* NULL in a dry run on a new file */
    int64_t batch_id;
    long jobs_here, jobs_done_before, jobs_done;
    int runs_done_before, runs_done;
    int workers;
    ss_rep_result *results;        /* [njobs], while the jobs run */
    pthread_mutex_t runs_lock;     /* guards each run's state, sc, study and users */
    pthread_cond_t runs_changed;   /* a run finished loading */
    int *retiring;                 /* runs whose jobs are all written, freed once no worker uses them */
    int nretiring;
} session;

static void report(session *s, ss_batch_event_kind kind, const run_slot *r)
{
    if (!s->o->progress)
        return;
    ss_batch_progress pr = {.kind = kind, .runs = s->nslots, .runs_done = s->runs_done,
                            .runs_done_before = s->runs_done_before, .jobs = s->jobs_here,
                            .jobs_done = s->jobs_done, .jobs_done_before = s->jobs_done_before,
                            .workers = s->workers, .point = r ? r->pt : NULL,
                            .run_id = r ? r->run_id : 0, .complete = r && r->complete};
    s->o->progress(s->o->progress_ud, &pr);
}

/* Another batch or merge holds the file: what it stores decides what this one has left to do. */
static void report_waiting(void *ud)
{
    report(ud, SS_BATCH_WAITING, NULL);
}

static const char *join_parameters(const ss_plan *p, char *out, size_t n)
{
    out[0] = '\0';
    for (int i = 0; i < ss_plan_nparameters(p); i++) {
        size_t l = strlen(out);
        snprintf(out + l, n - l, "%s%s", i ? "," : "", ss_plan_parameter(p, i));
    }
    return out;
}

/* A dry run only reads, and only a file that exists. */
static int open_store(session *s, ss_diag *d)
{
    const ss_batch_opts *o = s->o;
    if (o->dry_run) {
        if (access(o->db, F_OK) != 0)
            return 0;
        s->store = ss_store_open_readonly(o->db, d);
        if (!s->store)
            return -1;
        return ss_store_find_batch(s->store, ss_plan_key(s->p), &s->batch_id, d) < 0 ? -1 : 0;
    }
    ss_claim claim = {.wait = true, .interrupt = o->interrupt, .waiting = report_waiting, .ud = s};
    s->store = ss_store_open_claimed(o->db, &claim, d);
    if (!s->store || ss_store_prepare_batch(s->store, d))
        return -1;
    char params[2048];
    ss_batch_row b = {.batch_key = ss_plan_key(s->p), .name = ss_plan_name(s->p), .plan_path = ss_plan_path(s->p),
                      .command_line = o->command_line, .parameters = join_parameters(s->p, params, sizeof params),
                      .seed = ss_plan_seed(s->p), .replications = ss_plan_replications(s->p), .planned_runs = ss_plan_npoints(s->p)};
    return ss_store_begin_batch(s->store, &b, &s->batch_id, d);
}

static int link_run(session *s, const run_slot *r, ss_diag *d)
{
    return ss_store_link_batch_run(s->store, s->batch_id, r->pt->index + 1, r->run_id, r->pt->scenario_in_plan,
                                   r->pt->model, r->pt->values, r->pt->nvalues, d);
}

/* What the file holds of this run: done[rep] for the stored replications.  A run whose
 * replications are all stored but whose summary is not (killed in between) is summarised now. */
static int find_stored_run(session *s, run_slot *r, unsigned char *done, ss_diag *d)
{
    int reps = ss_plan_replications(s->p);
    memset(done, 0, (size_t)reps);
    if (!s->store)
        return 0;
    int found = ss_store_find_run(s->store, r->check->run_key, &r->run_id, &r->complete, d);
    if (found <= 0)
        return found;
    if (!s->o->dry_run && link_run(s, r, d))
        return -1;
    if (r->complete) {
        r->reps_stored = reps;
        memset(done, 1, (size_t)reps);
        return 0;
    }
    if (ss_store_replications_done(s->store, r->run_id, done, reps, &r->reps_stored, d))
        return -1;
    if (r->reps_stored == reps && !s->o->dry_run) {
        int rc = ss_store_summarise_run(s->store, r->run_id, SUMMARY_LEVEL, d);
        if (rc < 0)
            return -1;
        r->complete = rc == 1;
    }
    return 0;
}

static bool shard_owns(const session *s, int point, int rep)
{
    if (s->o->nshards <= 1)
        return true;
    long j = (long)point * ss_plan_replications(s->p) + rep;
    return ss_batch_shard_of(j, s->o->nshards) == s->o->shard;
}

/* The jobs of one run that this shard owns and the file lacks. */
static void add_run_jobs(session *s, int slot, const unsigned char *done)
{
    run_slot *r = &s->slots[slot];
    for (int rep = 0; rep < ss_plan_replications(s->p); rep++) {
        if (!shard_owns(s, r->pt->index, rep))
            continue;
        if (done[rep]) {
            s->jobs_done_before++;
            continue;
        }
        s->jobs[s->njobs++] = (job){slot, rep};
        r->jobs_pending++;
    }
    if (r->jobs_pending == 0)
        s->runs_done_before++;
}

static int count_owned(const session *s, int point)
{
    int n = 0;
    for (int rep = 0; rep < ss_plan_replications(s->p); rep++)
        n += shard_owns(s, point, rep);
    return n;
}

static int plan_jobs(session *s, ss_diag *d)
{
    const ss_plan *p = s->p;
    int npoints = ss_plan_npoints(p), reps = ss_plan_replications(p);
    long upper = (long)npoints * reps;
    s->slots = calloc((size_t)npoints, sizeof *s->slots);
    s->jobs = malloc(sizeof *s->jobs * (size_t)(upper > 0 ? upper : 1));
    unsigned char *done = malloc((size_t)reps);
    int rc = s->slots && s->jobs && done ? 0 : ss_fail(d, "out of memory");
    for (int i = 0; i < npoints && rc == 0; i++) {
        int here = count_owned(s, i);
        if (here == 0)
            continue;
        run_slot *r = &s->slots[s->nslots];
        *r = (run_slot){.pt = ss_plan_point_at(p, i), .check = &s->checks[i], .reps_here = here};
        s->jobs_here += here;
        rc = find_stored_run(s, r, done, d);
        if (rc == 0)
            add_run_jobs(s, s->nslots++, done);
    }
    s->jobs_done = s->jobs_done_before;
    s->runs_done = s->runs_done_before;
    free(done);
    return rc;
}

/* ---- running the jobs: workers simulate, this thread writes ------------------------------------ */

/* A simulator is built on one run's model; a worker keeps it while its jobs are of that run. */
typedef struct worker_sim {
    int slot;
    ss_sim *sim;
} worker_sim;

/* The scenario must be the one that was checked: a file edited since would give a run whose
 * key describes something else. */
static int load_run(session *s, run_slot *r, ss_diag *d)
{
    r->sc = load_point(r->pt, d);
    if (!r->sc)
        return -1;
    if (strcmp(ss_scenario_hash(r->sc), r->check->scenario_hash) != 0 ||
        strcmp(ss_scenario_rules_hash(r->sc), r->check->rules_hash) != 0) {
        ss_scenario_free(r->sc);
        r->sc = NULL;
        return ss_fail(d, "the scenario, an overlay or a rule file changed while the batch ran; run the same"
                          " command again to use the new version");
    }
    char cmd[4096];
    ss_plan_run_command(s->p, r->pt, cmd, sizeof cmd);
    ss_study_init(&r->study, r->sc, ss_plan_seed(s->p), ss_plan_replications(s->p), cmd);
    ss_study_inputs(&r->study, &(ss_scenario_opts){.overlays = r->pt->overlays, .noverlays = r->pt->noverlays,
                                                   .sets = r->pt->sets, .nsets = r->pt->nsets});
    return 0;
}

/* With the runs' lock held: wait while another worker loads the run, or load it (without the
 * lock).  A failed load is reported by the worker that tried it: its job comes first, so the
 * pool reports its error, not this one. */
static int ensure_loaded(session *s, run_slot *r, ss_diag *d)
{
    while (r->state == RUN_LOADING)
        pthread_cond_wait(&s->runs_changed, &s->runs_lock);
    if (r->state == RUN_READY)
        return 0;
    if (r->state == RUN_FAILED)
        return ss_fail(d, "the run's scenario did not load");
    assert(r->state == RUN_UNLOADED);
    r->state = RUN_LOADING;
    pthread_mutex_unlock(&s->runs_lock);
    int rc = load_run(s, r, d);
    pthread_mutex_lock(&s->runs_lock);
    r->state = rc ? RUN_FAILED : RUN_READY;
    pthread_cond_broadcast(&s->runs_changed);
    return rc;
}

/* With the runs' lock held: make w's simulator one of this run's.  The run counts its users from
 * before the new simulator exists, so its scenario cannot be freed underneath. */
static int use_run(session *s, worker_sim *w, int slot, ss_diag *d)
{
    if (w->slot == slot)
        return 0;
    run_slot *runs = s->slots;
    int old = w->slot;
    ss_sim *old_sim = w->sim;
    runs[slot].users++;
    w->slot = slot;
    w->sim = NULL;
    pthread_mutex_unlock(&s->runs_lock);
    ss_sim_free(old_sim);
    w->sim = ss_sim_new(ss_scenario_model(runs[slot].sc), d);
    pthread_mutex_lock(&s->runs_lock);
    if (old >= 0)
        runs[old].users--;
    if (!w->sim) {
        runs[slot].users--;
        w->slot = -1;
        return -1;
    }
    return 0;
}

/* On a worker (ss_pool_jobs.run): job j is replication jobs[j].rep of its run. */
static int run_job(void *ctx, void **worker, long j, const ss_stop_flag *stop, ss_diag *d)
{
    session *s = ctx;
    if (!*worker) {
        worker_sim *fresh = malloc(sizeof *fresh);
        if (!fresh)
            return ss_fail(d, "out of memory");
        *fresh = (worker_sim){.slot = -1};
        *worker = fresh;
    }
    worker_sim *w = *worker;
    const job *jb = &s->jobs[j];
    pthread_mutex_lock(&s->runs_lock);
    int rc = ensure_loaded(s, &s->slots[jb->slot], d);
    if (rc == 0)
        rc = use_run(s, w, jb->slot, d);
    pthread_mutex_unlock(&s->runs_lock);
    if (rc)
        return -1;
    ss_sim_set_interrupt(w->sim, stop);
    return ss_run_one(w->sim, ss_scenario_model(s->slots[jb->slot].sc), ss_plan_seed(s->p), jb->rep, &s->results[j], d);
}

/* On a worker as it ends: its simulator goes before its run stops counting it as a user. */
static void end_worker(void *ctx, void *worker)
{
    session *s = ctx;
    worker_sim *w = worker;
    if (!w)
        return;
    ss_sim_free(w->sim);
    if (w->slot >= 0) {
        pthread_mutex_lock(&s->runs_lock);
        s->slots[w->slot].users--;
        pthread_mutex_unlock(&s->runs_lock);
    }
    free(w);
}

/* All of this shard's replications of the run are stored: summarise it if the file now has
 * every replication (else other shards have the rest, and `samsim merge` will). */
static int finish_run_here(session *s, run_slot *r, ss_diag *d)
{
    int rc = ss_store_summarise_run(s->store, r->run_id, SUMMARY_LEVEL, d);
    if (rc < 0)
        return -1;
    r->complete = rc == 1;
    s->runs_done++;
    report(s, SS_BATCH_RUN_DONE, r);
    return 0;
}

/* The run's row comes with its first replication, so a run that never got a replication leaves
 * nothing behind. */
static int write_result(session *s, long j, ss_diag *d)
{
    run_slot *r = &s->slots[s->jobs[j].slot];
    ss_rep_result *res = &s->results[j];
    int rc = 0;
    if (r->run_id == 0 && (ss_store_begin_keyed_run(s->store, &r->study.info, r->check->run_key, &r->run_id, d) ||
                           link_run(s, r, d)))
        rc = -1;
    if (rc == 0)
        rc = ss_store_replication(s->store, r->run_id, res, &r->study.info, d);
    ss_rep_result_free(res);
    if (rc)
        return -1;
    r->reps_stored++;
    s->jobs_done++;
    report(s, SS_BATCH_REPLICATION, r);
    return --r->jobs_pending == 0 ? finish_run_here(s, r, d) : 0;
}

/* With the runs' lock held: free the scenarios of runs that are written and that no worker
 * uses. */
static void retire_runs(session *s)
{
    for (int i = 0; i < s->nretiring;) {
        run_slot *r = &s->slots[s->retiring[i]];
        if (r->users > 0 || r->state == RUN_LOADING) {
            i++;
            continue;
        }
        s->retiring[i] = s->retiring[--s->nretiring];
        if (r->state != RUN_READY)
            continue;
        r->state = RUN_RETIRED;
        pthread_mutex_unlock(&s->runs_lock);
        ss_study_fini(&r->study);
        ss_scenario_free(r->sc);
        r->sc = NULL;
        pthread_mutex_lock(&s->runs_lock);
        i = 0;  /* the list may have changed while unlocked */
    }
}

/* On this thread, in job order (ss_pool_jobs.deliver).  Order costs a little waiting behind a
 * slow replication, and buys a file that does not depend on the workers' timing: runs get their
 * ids in grid order and a killed batch has stored a prefix of its jobs. */
static int deliver_job(void *ctx, long j, ss_diag *d)
{
    session *s = ctx;
    int rc = write_result(s, j, d);
    int slot = s->jobs[j].slot;
    pthread_mutex_lock(&s->runs_lock);
    if (rc == 0 && s->slots[slot].jobs_pending == 0)
        s->retiring[s->nretiring++] = slot;
    retire_runs(s);
    pthread_mutex_unlock(&s->runs_lock);
    return rc;
}

static void free_runs(session *s)
{
    for (long j = 0; s->results && j < s->njobs; j++)
        ss_rep_result_free(&s->results[j]);  /* only unwritten ones still hold memory */
    for (int i = 0; i < s->nslots; i++) {
        if (s->slots[i].sc) {
            ss_study_fini(&s->slots[i].study);
            ss_scenario_free(s->slots[i].sc);
            s->slots[i].sc = NULL;
        }
    }
    free(s->results);
    free(s->retiring);
    s->results = NULL;
    s->retiring = NULL;
}

/* A rule error names the point and the replication, and leaves the run marked 'failed' with
 * the reason; an interrupt leaves runs 'running', to be continued. */
static int pool_outcome(session *s, const ss_pool_result *res, ss_diag *d, ss_batch_failure *why)
{
    switch (res->outcome) {
    case SS_POOL_DONE:
        return 0;
    case SS_POOL_INTERRUPTED:
        *why = SS_BATCH_INTERRUPTED;
        return -1;
    case SS_POOL_DELIVER_FAILED:
    case SS_POOL_NO_THREADS:
        *why = SS_BATCH_IO;
        return -1;
    case SS_POOL_JOB_FAILED:
        break;
    }
    const job *jb = &s->jobs[res->failed_job];
    run_slot *r = &s->slots[jb->slot];
    char name[1024];
    ss_plan_point_name(s->p, r->pt, name, sizeof name);
    ss_wrap(d, "%s: %s, replication %d", ss_plan_path(s->p), name, jb->rep + 1);
    ss_diag ignore;
    if (r->run_id)
        ss_store_fail_run(s->store, r->run_id, d->msg, &ignore);
    *why = SS_BATCH_MODEL;
    return -1;
}

static int run_jobs(session *s, ss_diag *d, ss_batch_failure *why)
{
    s->results = calloc((size_t)s->njobs, sizeof *s->results);
    s->retiring = calloc((size_t)s->nslots, sizeof *s->retiring);
    if (!s->results || !s->retiring) {
        free_runs(s);
        *why = SS_BATCH_IO;
        return ss_fail(d, "out of memory");
    }
    pthread_mutex_init(&s->runs_lock, NULL);
    pthread_cond_init(&s->runs_changed, NULL);
    ss_pool_jobs jobs = {.njobs = s->njobs, .workers = s->workers, .backlog = 4L * s->workers + 8,
                         .interrupt = s->o->interrupt, .ctx = s, .run = run_job, .deliver = deliver_job,
                         .worker_end = end_worker};
    ss_pool_result res;
    ss_pool_run(&jobs, &res, d);
    int rc = pool_outcome(s, &res, d, why);
    free_runs(s);
    pthread_mutex_destroy(&s->runs_lock);
    pthread_cond_destroy(&s->runs_changed);
    return rc;
}

/* ---- running a plan --------------------------------------------------------------------------------- */

static void fill_result(const session *s, ss_batch_result *out)
{
    out->batch_id = s->batch_id;
    out->jobs = s->jobs_here;
    out->jobs_done_before = s->jobs_done_before;
    out->jobs_done = s->jobs_done;
    out->workers = s->workers;
    out->runs = calloc((size_t)(s->nslots ? s->nslots : 1), sizeof *out->runs);
    if (!out->runs)
        return;
    out->nruns = s->nslots;
    for (int i = 0; i < s->nslots; i++) {
        const run_slot *r = &s->slots[i];
        out->runs[i] = (ss_batch_run_state){.point = r->pt, .run_id = r->run_id, .reps_stored = r->reps_stored,
                                            .reps_here = r->reps_here, .jobs_left = r->jobs_pending,
                                            .complete = r->complete};
    }
}

static int worker_count(const ss_batch_opts *o)
{
    return o->jobs > 0 ? o->jobs : ss_cores();
}

/* Check, look up, run; each step only when the one before succeeded. */
static int run_session(session *s, ss_diag *d, ss_batch_failure *why)
{
    if (check_points(s->p, s->o, s->checks, d, why))
        return -1;
    *why = SS_BATCH_IO;
    if (open_store(s, d) || plan_jobs(s, d)) {
        if (strcmp(d->msg, "interrupted") == 0)
            *why = SS_BATCH_INTERRUPTED;  /* while waiting for another writer */
        return -1;
    }
    s->workers = worker_count(s->o);
    if (s->workers > s->njobs)
        s->workers = (int)s->njobs;
    *why = SS_BATCH_OK;
    report(s, SS_BATCH_START, NULL);
    if (s->o->dry_run || s->njobs == 0)
        return 0;
    return run_jobs(s, d, why);
}

int ss_batch_run(const ss_plan *p, const ss_batch_opts *o, ss_batch_result *out, ss_diag *d,
                 ss_batch_failure *why)
{
    memset(out, 0, sizeof *out);
    assert(o->nshards == 0 || (o->shard >= 1 && o->shard <= o->nshards));
    session s = {.p = p, .o = o};
    s.checks = calloc((size_t)ss_plan_npoints(p), sizeof *s.checks);
    int rc;
    if (!s.checks) {
        *why = SS_BATCH_IO;
        rc = ss_fail(d, "out of memory");
    } else {
        rc = run_session(&s, d, why);
    }
    fill_result(&s, out);
    ss_store_close(s.store);
    ss_free_all(s.jobs, s.slots, s.checks);
    return rc;
}

void ss_batch_result_free(ss_batch_result *r)
{
    free(r->runs);
    memset(r, 0, sizeof *r);
}
