#include "study.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "precision.h"
#include "version.h"
#include "xalloc.h"
#include "store.h"

void ss_command_line(const char *prog, int argc, char **argv, char *out, size_t n)
{
    snprintf(out, n, "%s", prog);
    for (int i = 0; i < argc; i++) {
        size_t l = strlen(out);
        bool quote = strpbrk(argv[i], " \t\"'$") != NULL;
        snprintf(out + l, n - l, quote ? " '%s'" : " %s", argv[i]);
    }
}

/* The demand surges in force in part of the measured window (after the warm-up), in the model's
 * order: a queue that trends while one lasts is the surge's doing, and the warning says so. */
static void surges_in_window(const ss_model *m, char *buf, size_t n)
{
    buf[0] = '\0';
    for (int i = 0; i < m->nsurges; i++) {
        const ss_surge *g = &m->surges[i];
        if (g->from >= m->horizon || g->to + 1 <= m->warmup)
            continue;
        size_t l = strlen(buf);
        snprintf(buf + l, n - l, "%s%s", l ? ", " : "", g->id);
    }
}

void ss_study_init(ss_study *st, const ss_scenario *sc, uint64_t seed, int reps, const char *command_line)
{
    memset(st, 0, sizeof *st);
    const ss_model *m = ss_scenario_model(sc);
    st->sc = sc;
    st->nreps = reps;
    snprintf(st->command_line, sizeof st->command_line, "%s", command_line ? command_line : "");
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(st->started_at, sizeof st->started_at, "%Y-%m-%dT%H:%M:%SZ", &tm);
    ss_calendar_format(&m->cal, 0, st->start_date);
    surges_in_window(m, st->surges, sizeof st->surges);
    st->ids = calloc(m->nservices, sizeof *st->ids);
    st->names = calloc(m->nservices, sizeof *st->names);
    st->fte = calloc(m->nservices, sizeof *st->fte);
    for (int i = 0; i < m->nservices; i++) {
        st->ids[i] = m->services[i].id;
        st->names[i] = m->services[i].name;
        /* the staff serving the modelled population: every FTE total, cost and caseload uses it */
        st->fte[i] = m->services[i].fte * m->services[i].staff_share;
    }
    st->info = (ss_run_info){
        .engine_version = SS_VERSION, .scenario_name = m->name, .scenario_path = ss_scenario_path(sc),
        .scenario_hash = ss_scenario_hash(sc), .rules_hash = ss_scenario_rules_hash(sc),
        .resolved_text = ss_scenario_text(sc), .command_line = st->command_line,
        .started_at = st->started_at, .seed = seed, .replications = reps,
        .horizon_days = m->horizon, .warmup_days = m->warmup, .sample_days = m->sample_days,
        .start_date = st->start_date, .nservices = m->nservices, .service_ids = st->ids,
        .service_names = st->names, .service_fte = st->fte, .nok_per_fte = m->nok_per_fte,
        .surges = st->surges};
}

static char **copy_texts(const char *const *v, int n)
{
    char **c = n > 0 ? xcalloc((size_t)n, sizeof *c) : NULL;
    for (int i = 0; i < n; i++)
        c[i] = xstrdup(v[i]);
    return c;
}

static void free_texts(char **v, int n)
{
    for (int i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

void ss_study_inputs(ss_study *st, const ss_scenario_opts *so)
{
    free_texts(st->overlays, st->info.noverlays);
    free_texts(st->sets, st->info.nsets);
    int no = so ? so->noverlays : 0, ns = so ? so->nsets : 0;
    st->overlays = copy_texts(so ? so->overlays : NULL, no);
    st->sets = copy_texts(so ? so->sets : NULL, ns);
    st->info.overlays = (const char *const *)st->overlays;
    st->info.noverlays = no;
    st->info.sets = (const char *const *)st->sets;
    st->info.nsets = ns;
}

void ss_study_fini(ss_study *st)
{
    free_texts(st->overlays, st->info.noverlays);
    free_texts(st->sets, st->info.nsets);
    if (st->reps) {
        for (int i = 0; i < st->nreps; i++) ss_rep_result_free(&st->reps[i]);
        free(st->reps);
        ss_summary_free(&st->summary);
    }
    ss_free_all(st->ids, st->names, st->fte);
    memset(st, 0, sizeof *st);
}

/* After a failed run: a rule error stores nothing; an interrupt keeps the whole replications; a
 * store that could not write marks the run failed with the reason, so no run stays 'running'. */
static void settle_failed_run(ss_store *store, int64_t run_id, int rc, ss_diag *d, int *interrupted, int *io_error)
{
    *interrupted = rc == -1 && strcmp(d->msg, "interrupted") == 0;
    *io_error = rc == -2;
    if (!store)
        return;
    ss_diag d2;
    if (*interrupted)
        ss_store_fail_run(store, run_id, "interrupted", &d2);
    else if (*io_error && ss_store_fail_run(store, run_id, d->msg, &d2) < 0)
        snprintf(d->msg + strlen(d->msg), sizeof d->msg - strlen(d->msg),
                 "; the run could not be marked failed either (%s)", d2.msg);
    else if (!*io_error)
        ss_store_discard_run(store, run_id, &d2);
}

/* Replications [from, to) into st->reps, which is grown to hold them. */
static int run_more(ss_study *st, const ss_study_opts *o, ss_store_recorder *rec, int to, ss_diag *d)
{
    const ss_model *m = ss_scenario_model(st->sc);
    int from = st->nreps;
    ss_rep_result *res = realloc(st->reps, (size_t)to * sizeof *res);
    if (!res)
        return ss_fail(d, "out of memory for %d replications", to);
    st->reps = res;
    ss_run_opts ro = {.seed = st->info.seed, .first_rep = from, .reps = to - from, .jobs = o->jobs,
                      .interrupt = o->interrupt, .record = rec->store ? ss_store_record : NULL, .record_ctx = rec,
                      .trace_person = from == 0 ? o->trace_person : 0, .trace = o->trace,
                      .progress = o->progress, .progress_ud = o->progress_ud};
    int rc = ss_run_replications(m, &ro, res + from, d);
    if (rc == 0)
        st->nreps = to;
    return rc;
}

/* With --precision, whether nreps replications summarised in sum are enough: the number of
 * replications to reach, or 0 to stop (the outcome then in *p). */
static int precision_step(const ss_summary *sum, const char *const *ids, int nreps, const ss_study_opts *o,
                          ss_precision *p)
{
    p->target = o->precision;
    p->cap = o->max_reps > 0 ? o->max_reps : SS_PRECISION_DEFAULT_CAP;
    p->achieved = ss_precision_widest(sum, ids, p->decided, sizeof p->decided);
    p->capped = p->achieved > p->target && nreps >= p->cap;
    if (p->achieved <= p->target || p->capped)
        return 0;
    return ss_precision_next(nreps, p->achieved, p->target, p->cap);
}

/* The summary of what has run, and with --precision whether to go on (precision_step). */
static int summarise(ss_study *st, const ss_study_opts *o)
{
    ss_summary_free(&st->summary);
    ss_summary_build(&st->summary, st->reps, st->nreps, st->info.nservices, 0.95);
    st->info.replications = st->nreps;
    if (!(o->precision > 0))
        return 0;
    return precision_step(&st->summary, st->ids, st->nreps, o, &st->info.precision);
}

int ss_study_precision_replay(const ss_rep_result *reps, int nreps, int nservices, const char *const *ids, int first,
                              const ss_study_opts *o, ss_precision *p)
{
    assert(o->precision > 0 && first > 0);
    int n = first, next = 0;
    while (n <= nreps) {
        ss_summary sum;
        ss_summary_build(&sum, reps, n, nservices, 0.95);
        next = precision_step(&sum, ids, n, o, p);
        ss_summary_free(&sum);
        if (next == 0)
            return n;
        assert(next > n);
        n = next;
    }
    return 0;
}

int ss_study_run(ss_study *st, const ss_study_opts *o, ss_diag *d, int *interrupted, int *io_error)
{
    *interrupted = *io_error = 0;
    ss_store *store = NULL;
    if (o->db) {
        store = ss_store_open(o->db, d);
        if (!store || ss_store_begin_run(store, &st->info, &st->run_id, d) < 0) {
            ss_store_close(store);
            *io_error = 1;
            return -1;
        }
    }
    ss_store_recorder rec = {.store = store, .run_id = st->run_id, .info = &st->info};
    int want = st->nreps, rc = 0;
    st->nreps = 0;
    while (want > 0 && (rc = run_more(st, o, &rec, want, d)) == 0)
        want = summarise(st, o);
    if (rc < 0) {  /* a round failed, was interrupted or could not be stored: no results */
        for (int i = 0; i < st->nreps; i++) ss_rep_result_free(&st->reps[i]);
        free(st->reps);
        ss_summary_free(&st->summary);
        st->reps = NULL;
        st->nreps = 0;
    } else if (store && ss_store_finish_run(store, st->run_id, &st->summary, &st->info, d) < 0) {
        rc = -2;  /* the results stand; only the store failed */
    }
    if (rc < 0)
        settle_failed_run(store, st->run_id, rc, d, interrupted, io_error);
    ss_store_close(store);
    return rc < 0 ? -1 : 0;
}
