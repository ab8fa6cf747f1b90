/* chart_cmd: the `chart` command — picks figures from the last run and hands them to charts.c.
 * Over replications: the means of the estimates, the queue or caseload averaged sample by
 * sample, and the waits histogram as the mean count per replication in each bin. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "charts.h"
#include "repl.h"
#include "xalloc.h"

#define PIPE_WIDTH 40  /* not a terminal: a fixed width, so transcripts stay the same */

/* Columns for a bar or a sparkline: what the terminal has beside labels and notes. */
static int chart_width(repl *r, int reserved)
{
    int cols = r->interactive ? repl_columns(r) : 0;  /* a pipe: the same width whatever $COLUMNS says */
    if (cols == 0)
        return PIPE_WIDTH;
    int w = cols - reserved;
    return w < 20 ? 20 : w > 100 ? 100 : w;
}

static int chart_waits(repl *r)
{
    const ss_study *st = &r->last->st;
    const ss_model *m = ss_scenario_model(r->last->scen->sc);
    int n = st->info.nservices;
    double *values = calloc(n, sizeof *values);
    char (*notes)[96] = calloc(n, sizeof *notes);
    const char **np = calloc(n, sizeof *np);
    for (int s = 0; s < n; s++) {
        const ss_estimate *e = &st->summary.service[(long)s * SS_SERVICE_METRICS + SS_SM_WAIT_MEAN];
        values[s] = e->mean;
        repl_fmt_estimate(notes[s], sizeof notes[s], e, "days");
        double target = m->services[s].target_wait;
        size_t k = strlen(notes[s]);
        if (target < 1e300) snprintf(notes[s] + k, sizeof notes[s] - k, repl_w(r, " (target %.0f)"), target);
        ss_lang_figures(r->lang, notes[s]);
        np[s] = notes[s];
    }
    repl_say(r, "mean wait for first contact, days, %d replications [95%% interval]\n", st->nreps);
    ss_chart_bars(r->out, st->ids, values, np, n, chart_width(r, 40));
    ss_free_all(values, notes, np);
    return 0;
}

/* The series of service s averaged over replications, sample by sample. */
static double *mean_series(const ss_study *st, int s, bool queue, int *nsamples)
{
    int n = st->reps[0].nsamples;
    double *mean = calloc(n > 0 ? n : 1, sizeof *mean);
    for (int rep = 0; rep < st->nreps; rep++) {
        const ss_rep_result *res = &st->reps[rep];
        const double *series = (queue ? res->series_queue : res->series_caseload) + (long)s * res->nsamples;
        for (int i = 0; i < n && i < res->nsamples; i++) mean[i] += series[i] / st->nreps;
    }
    *nsamples = n;
    return mean;
}

static void min_max(const double *v, int n, double *lo, double *hi)
{
    *lo = n ? v[0] : 0;
    *hi = *lo;
    for (int i = 1; i < n; i++) {
        if (v[i] < *lo) *lo = v[i];
        if (v[i] > *hi) *hi = v[i];
    }
}

static int chart_series(repl *r, const repl_args *a, bool queue)
{
    int s = repl_run_service(r, a, 2);
    if (s < 0) return -1;
    const ss_study *st = &r->last->st;
    const ss_model *m = ss_scenario_model(r->last->scen->sc);
    int n;
    double *mean = mean_series(st, s, queue, &n);
    if (n == 0) {
        free(mean);
        return repl_fail(r, a, 2, "this run has no time series");
    }
    int width = chart_width(r, 24);
    char line[1024], first[11], last[11];
    int cols = ss_chart_sparkline(line, sizeof line, mean, n, width);
    double lo, hi;
    min_max(mean, n, &lo, &hi);
    ss_calendar_format(&m->cal, st->reps[0].series_day[0], first);
    ss_calendar_format(&m->cal, st->reps[0].series_day[n - 1], last);
    repl_say(r, "%s at %s over time: mean of %d replications, one column = %.0f days\n",
            repl_w(r, queue ? "cases waiting" : "open cases"), st->ids[s], st->nreps, (double)n / cols * m->sample_days);
    repl_say(r, "  %s  %.1f to %.1f\n  %-*s%s\n", line, lo, hi, cols - 10 > 0 ? cols - 10 : 0, first, last);
    repl_say(r, "  (the first %.0f days are warm-up, not counted in the results)\n", m->warmup);
    free(mean);
    return 0;
}

static int chart_hist(repl *r, const repl_args *a)
{
    int s = repl_run_service(r, a, 2);
    if (s < 0) return -1;
    const ss_study *st = &r->last->st;
    double counts[SS_WAIT_BINS] = {0};
    for (int rep = 0; rep < st->nreps; rep++)
        for (int b = 0; b < SS_WAIT_BINS; b++)
            counts[b] += st->reps[rep].wait_hist[(long)s * SS_WAIT_BINS + b] / st->nreps;
    repl_say(r, "waits for first contact at %s, in weeks: persons per replication (share)\n", st->ids[s]);
    ss_chart_histogram(r->out, counts, SS_WAIT_BINS, SS_WAIT_BIN_DAYS / 7.0, repl_w(r, "wk"), chart_width(r, 36));
    return 0;
}

int repl_cmd_chart(repl *r, const repl_args *a)
{
    static const char *const kinds[] = {"waits", "queue", "caseload", "hist"};
    if (!repl_need_run(r, a)) return -1;
    const char *kind = a->argc > 1 ? a->argv[1] : "waits";
    if (strcmp(kind, "waits") == 0) return repl_arity(r, a, 0, 1) ? chart_waits(r) : -1;
    bool series = strcmp(kind, "queue") == 0 || strcmp(kind, "caseload") == 0;
    if (series || strcmp(kind, "hist") == 0) {
        if (!repl_arity(r, a, 2, 2)) return -1;
        return series ? chart_series(r, a, kind[0] == 'q') : chart_hist(r, a);
    }
    const char *near = repl_closest(kind, kinds, 4);
    return repl_fail(r, a, 1, "chart what? waits, queue, caseload or hist%s%s%s",
                     near ? repl_w(r, " (did you mean '") : "", near ? near : "", near ? "'?)" : "");
}
