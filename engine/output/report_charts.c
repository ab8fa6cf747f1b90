/* report_charts: the data behind each chart of the report, and the gnuplot script that draws it. */
#include "report_parts.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "xalloc.h"

const char *const report_figure_anchor[NFIGURES] = {"fig-waits", "fig-queues", "fig-caseload", "fig-flows", "fig-compliance"};
const string_id report_figure_title[NFIGURES] = {S_FIG_WAITS, S_FIG_QUEUES, S_FIG_CASELOAD, S_FIG_FLOWS, S_FIG_COMPLIANCE};

/* ==== the report's pieces ============================================================================== */

const model *report_base_model(const ss_report *r) { return &r->models[0]; }

const char *report_service_name(const ss_stored_run *run, int s)
{
    return s >= run->nservices ? "" : *run->names[s] ? run->names[s] : run->ids[s];
}

static void add_chart(ss_report *r, figure_id fig, const char *title, const char *legend, char *svg, const plotter *p)
{
    if (r->ncharts == r->cap_charts) {
        r->cap_charts = r->cap_charts ? r->cap_charts * 2 : 16;
        r->charts = xreallocarray(r->charts, (size_t)r->cap_charts, sizeof *r->charts);
    }
    chart *c = &r->charts[r->ncharts++];
    c->figure = fig;
    snprintf(c->title, sizeof c->title, "%s", title);
    snprintf(c->legend, sizeof c->legend, "%s", legend);
    c->svg = svg;
    snprintf(c->why, sizeof c->why, "%s", svg ? "" : p->why);
}

/* The legend entry of model i: "A (base)" or "B". */
void report_model_title(const ss_report *r, int i, char *out, size_t n)
{
    if (i == 0 && r->nmodels > 1)
        snprintf(out, n, "%s (%s)", r->models[i].letter, T(r, S_BASE));
    else
        snprintf(out, n, "%s", r->models[i].letter);
}

/* Index of a base service in model m, by id (-1 when m lacks it). */
int report_service_in(const ss_stored_run *run, const char *id)
{
    for (int i = 0; i < run->nservices; i++)
        if (strcmp(run->ids[i], id) == 0)
            return i;
    return -1;
}

/* ---- chart: waiting-time distribution ------------------------------------------------------------ */

/* The plot command's series, one a model titled with its name (series writes each up to its
 * "title "), then the chart added with its caption; sc is freed. */
static void plot_models(ss_report *r, plotter *p, ss_buf *sc, void (*series)(ss_buf *sc, int m), figure_id fig,
                        const char *caption)
{
    for (int m = 0; m < r->nmodels; m++) {
        char title[64];
        report_model_title(r, m, title, sizeof title);
        if (m) ss_buf_str(sc, ", ");
        series(sc, m);
        ss_plot_quote(sc, title);
    }
    ss_buf_str(sc, "\n");
    add_chart(r, fig, caption, "", ss_plot_svg(p, sc->s, 560, 320), p);
    free(sc->s);
}

/* A model's bars of the wait histogram, from the data block $d (model, bar position, share). */
static void wait_series(ss_buf *sc, int m)
{
    ss_buf_fmt(sc, "$d using 2:($1 == %d ? $3 : NaN) with boxes lc rgb '%s' title ", m, COLOUR(m));
}

/* A model's queue over time: its band (1:3:4) and its mean line (1:2), from the block $mM. */
static void queue_series(ss_buf *sc, int m)
{
    ss_buf_fmt(sc, "$m%d using 1:3:4 with filledcurves lc rgb '%s' notitle, $m%d using 1:2 with lines lw 2 lc rgb '%s' title ",
               m, COLOUR(m), m, COLOUR(m));
}

/* Mean persons per bin over replications, as a share (%) of all first contacts. */
static bool wait_shares(const ss_stored_run *run, int s, double share[SS_WAIT_BINS])
{
    double total = 0.0;
    for (int b = 0; b < SS_WAIT_BINS; b++) {
        share[b] = 0.0;
        for (int i = 0; i < run->nreps; i++)
            share[b] += run->reps[i].wait_hist[(long)s * SS_WAIT_BINS + b];
        total += share[b];
    }
    for (int b = 0; b < SS_WAIT_BINS; b++)
        share[b] = total > 0 ? 100.0 * share[b] / total : 0.0;
    return total > 0;
}

/* Shares of every model for service s (of the union); the last bin worth drawing, or -1 when nobody
 * reached the service in any model. */
static int wait_shares_all(const ss_report *r, int s, double share[][SS_WAIT_BINS])
{
    int last = -1;
    for (int m = 0; m < r->nmodels; m++) {
        int t = report_service_in(&r->models[m].run, r->svc_id[s]);
        if (t < 0 || !wait_shares(&r->models[m].run, t, share[m])) {
            memset(share[m], 0, sizeof share[m]);
            continue;
        }
        for (int b = 0; b < SS_WAIT_BINS; b++)
            if (share[m][b] > 0.05 && b > last)
                last = b;
    }
    return last;
}

static void wait_chart(ss_report *r, plotter *p, int s, double share[][SS_WAIT_BINS], int last)
{
    {
        ss_buf sc = {0};
        double w = (double)SS_WAIT_BIN_DAYS / (r->nmodels + 1);
        ss_buf_str(&sc, "$d << EOD\n");
        for (int b = 0; b <= last; b++)
            for (int m = 0; m < r->nmodels; m++)
                ss_buf_fmt(&sc, "%d %g %g\n", m, b * SS_WAIT_BIN_DAYS + (m + 1) * w, share[m][b]);
        ss_buf_str(&sc, "EOD\n");
        ss_buf_fmt(&sc, "set title ");
        ss_plot_quote(&sc, r->svc_name[s]);
        ss_buf_str(&sc, "\nset xlabel ");
        ss_plot_quote(&sc, T(r, S_AX_WAIT_X));
        ss_buf_str(&sc, "\nset ylabel ");
        ss_plot_quote(&sc, T(r, S_AX_WAIT_Y));
        ss_buf_fmt(&sc, "\nset xrange [0:%d]\nset yrange [0:*]\nset xtics %d out nomirror\nset ytics nomirror\n"
                    "set grid ytics lc rgb '#dddddd'\nset border 3\nset style fill solid 0.85 noborder\nset boxwidth %g absolute\n"
                    "set key top right opaque\n",
                (last + 1) * SS_WAIT_BIN_DAYS, last >= 12 ? 4 * SS_WAIT_BIN_DAYS : 2 * SS_WAIT_BIN_DAYS, w * 0.95);
        if (last == SS_WAIT_BINS - 1)
            ss_buf_fmt(&sc, "set label 1 '%d+' at %d, graph 1.02 center\n", (SS_WAIT_BINS - 1) * SS_WAIT_BIN_DAYS,
                   (SS_WAIT_BINS - 1) * SS_WAIT_BIN_DAYS + SS_WAIT_BIN_DAYS / 2);
        ss_buf_str(&sc, "plot ");
        char caption[1024];
        report_wait_caption(r, s, caption, sizeof caption);
        plot_models(r, p, &sc, wait_series, FIG_WAITS, caption);
    }
}

/* A service where every first contact came within the first two weeks gives one full bar, which
 * says less than a sentence: those are listed instead, unless no service has more to show. */
void report_chart_waits(ss_report *r, plotter *p)
{
    double share[SS_REPORT_MAX_RUNS][SS_WAIT_BINS];
    int drawn = 0, first_reached = -1;
    for (int s = 0; s < r->nsvc; s++) {
        int last = wait_shares_all(r, s, share);
        if (last < 0)
            continue;  /* nobody reached this service */
        if (first_reached < 0)
            first_reached = s;
        if (last == 0) {
            size_t l = strlen(r->waits_quick);
            snprintf(r->waits_quick + l, sizeof r->waits_quick - l, "%s%s", l ? ", " : "", r->svc_name[s]);
            continue;
        }
        wait_chart(r, p, s, share, last);
        drawn++;
    }
    if (drawn == 0 && first_reached >= 0)
        wait_chart(r, p, first_reached, share, wait_shares_all(r, first_reached, share));
}

/* ---- chart: queue over time ------------------------------------------------------------------------- */

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm), so a day offset from the
 * scenario's start becomes a calendar date without the C library's time zone handling. */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static void date_after(const char *start, double days, char out[16])
{
    int y = 2000, m = 1, d = 1;
    if (sscanf(start, "%d-%d-%d", &y, &m, &d) != 3)
        y = 2000, m = 1, d = 1;
    civil_from_days(days_from_civil(y, m, d) + (long)floor(days), &y, &m, &d);
    snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
}

/* Mean, 10th and 90th percentile across replications of the queue of service s at sample k. */
static void queue_band(const ss_stored_run *run, int s, int k, double *buf, double *mean, double *lo, double *hi)
{
    int n = 0;
    for (int i = 0; i < run->nreps; i++) {
        const ss_rep_result *x = &run->reps[i];
        double v = k < x->nsamples ? x->series_queue[(long)s * x->nsamples + k] : NAN;
        if (isfinite(v))
            buf[n++] = v;
    }
    if (n == 0) {
        *mean = *lo = *hi = NAN;
        return;
    }
    gsl_sort(buf, 1, n);
    *mean = gsl_stats_mean(buf, 1, n);
    *lo = gsl_stats_quantile_from_sorted_data(buf, 1, n, 0.1);
    *hi = gsl_stats_quantile_from_sorted_data(buf, 1, n, 0.9);
}

static double peak_mean_queue(const ss_stored_run *run, int s, double *buf)
{
    double peak = 0.0, mean, lo, hi;
    int nsamples = run->nreps ? run->reps[0].nsamples : 0;
    for (int k = 0; k < nsamples; k++) {
        queue_band(run, s, k, buf, &mean, &lo, &hi);
        if (isfinite(mean) && mean > peak)
            peak = mean;
    }
    return peak;
}

static void queue_chart(ss_report *r, plotter *p, int s, double *buf)
{
    const ss_stored_run *base = &report_base_model(r)->run;
    ss_buf sc = {0};
    for (int m = 0; m < r->nmodels; m++) {
        const ss_stored_run *run = &r->models[m].run;
        int t = report_service_in(run, r->svc_id[s]);
        ss_buf_fmt(&sc, "$m%d << EOD\n", m);
        int nsamples = run->nreps ? run->reps[0].nsamples : 0;
        for (int k = 0; t >= 0 && k < nsamples; k++) {
            double mean, lo, hi;
            char date[16];
            queue_band(run, t, k, buf, &mean, &lo, &hi);
            date_after(run->start_date, run->reps[0].series_day[k], date);
            if (isfinite(mean))
                ss_buf_fmt(&sc, "%s %g %g %g\n", date, mean, lo, hi);
        }
        ss_buf_str(&sc, "EOD\n");
    }
    char from[16], to[16], end[16];
    date_after(base->start_date, 0, from);
    date_after(base->start_date, base->warmup_days, to);
    date_after(base->start_date, base->horizon_days, end);
    ss_buf_str(&sc, "set xdata time\nset timefmt '%Y-%m-%d'\nset format x '%Y-%m'\nset title ");
    ss_plot_quote(&sc, r->svc_name[s]);
    ss_buf_str(&sc, "\nset ylabel ");
    ss_plot_quote(&sc, T(r, S_AX_QUEUE_Y));
    /* ticks every half year (in seconds, gnuplot's time unit) */
    ss_buf_fmt(&sc, "\nset xrange ['%s':'%s']\nset yrange [0:*]\nset xtics '%s', 15778800 out nomirror\nset ytics nomirror\nset border 3\n"
                "set grid ytics lc rgb '#dddddd'\nset key top right opaque\nset style fill transparent solid 0.22 noborder\n"
                "set object 1 rect from '%s', graph 0 to '%s', graph 1 fc rgb '#eeeeee' fs solid 1.0 noborder behind\n"
                "set label 1 ",
           from, end, from, from, to);
    ss_plot_quote(&sc, T(r, S_WARMUP));
    ss_buf_fmt(&sc, " at '%s', graph 0.95 offset 1,0 tc rgb '#777777'\nplot ", from);
    char caption[1024];
    report_queue_caption(r, s, caption, sizeof caption);
    plot_models(r, p, &sc, queue_series, FIG_QUEUES, caption);
}

/* Only services where people actually wait: a flat line at zero says nothing. */
void report_chart_queues(ss_report *r, plotter *p)
{
    int maxreps = 1;
    for (int m = 0; m < r->nmodels; m++)
        maxreps = r->models[m].run.nreps > maxreps ? r->models[m].run.nreps : maxreps;
    double *buf = xcalloc(maxreps, sizeof *buf);
    int drawn = 0, best = -1;
    double best_peak = 0.0;
    for (int s = 0; buf && s < r->nsvc; s++) {
        double peak = 0.0;
        for (int m = 0; m < r->nmodels; m++) {
            int t = report_service_in(&r->models[m].run, r->svc_id[s]);
            double q = t >= 0 ? peak_mean_queue(&r->models[m].run, t, buf) : 0.0;
            peak = q > peak ? q : peak;
        }
        if (peak > best_peak) {
            best_peak = peak;
            best = s;
        }
        if (peak >= 0.5) {
            queue_chart(r, p, s, buf);
            drawn++;
        } else {  /* no queue to see: named in one line under the charts */
            size_t l = strlen(r->queues_none);
            snprintf(r->queues_none + l, sizeof r->queues_none - l, "%s%s", l ? ", " : "", r->svc_name[s]);
        }
    }
    if (drawn == 0 && buf) {
        r->no_queue = true;
        queue_chart(r, p, best >= 0 ? best : 0, buf);  /* the figure is asked for: show the largest */
    }
    free(buf);
}

/* "hs: Helsestasjon og skolehelsetjenesten · fph: ..." under charts that name services by id. */
static void id_legend(const ss_report *r, char *out, size_t n)
{
    *out = '\0';
    for (int s = 0; s < r->nsvc; s++) {
        size_t l = strlen(out);
        snprintf(out + l, n - l, "%s%s: %s", s ? " · " : "", r->svc_id[s], r->svc_name[s]);
    }
}

/* ---- charts: bars with intervals (caseload per FTE, compliance) ------------------------------------ */

ss_estimate report_service_estimate(const ss_report *r, int m, int s, int metric)
{
    const ss_stored_run *run = &r->models[m].run;
    ss_estimate none = {NAN, NAN, NAN, NAN, 0};
    int t = report_service_in(run, r->svc_id[s]);
    if (t < 0 || run->nreps == 0)
        return none;
    double *x = xcalloc(run->nreps, sizeof *x);
    for (int i = 0; i < run->nreps; i++)
        x[i] = ss_rep_service(&run->reps[i], t)[metric];
    ss_estimate e = ss_metric_estimate(&ss_service_metric_info[metric], x, run->nreps, 0.95);
    free(x);
    return e;
}

/* Grouped bars with the 95 % interval as whiskers, one group per service that has the metric. */
/* Bars with 95 % whiskers, one colour per model, from the data block $d (label, then mean, low
 * and high per model); ymax is gnuplot's upper limit ("*" for automatic). */
static void errorbar_bars(ss_buf *sc, const ss_report *r, const char *ymax, const char *key, const char *ylabel)
{
    ss_buf_fmt(sc, "set datafile missing 'nan'\nset style data histograms\nset style histogram errorbars gap 1 lw 1\n"
                   "set style fill solid 0.85 border -1\nset yrange [0:%s]\nset border 3\nset xtics nomirror\nset ytics nomirror\n"
                   "set grid ytics lc rgb '#dddddd'\nset key %s\nset ylabel ", ymax, key);
    ss_plot_quote(sc, ylabel);
    ss_buf_str(sc, "\nplot ");
    for (int m = 0; m < r->nmodels; m++) {
        char title[64];
        report_model_title(r, m, title, sizeof title);
        ss_buf_fmt(sc, "%s$d using %d:%d:%d%s lc rgb '%s' title ", m ? ", " : "", 2 + 3 * m, 3 + 3 * m, 4 + 3 * m,
                   m ? "" : ":xtic(1)", COLOUR(m));
        ss_plot_quote(sc, title);
    }
    ss_buf_str(sc, "\n");
}

int report_bars_chart(ss_report *r, plotter *p, figure_id fig, int metric, double scale, const char *ylabel)
{
    ss_buf sc = {0};
    int rows = 0;
    ss_buf_str(&sc, "$d << EOD\n");
    for (int s = 0; s < r->nsvc; s++) {
        ss_buf line = {0};
        bool any = false;
        ss_buf_fmt(&line, "\"%s\"", r->svc_id[s]);  /* data files know only double quotes */
        for (int m = 0; m < r->nmodels; m++) {
            ss_estimate e = report_service_estimate(r, m, s, metric);
            any |= isfinite(e.mean);
            double lo = isfinite(e.ci_low) ? e.ci_low : e.mean, hi = isfinite(e.ci_high) ? e.ci_high : e.mean;
            ss_buf_fmt(&line, " %g %g %g", e.mean * scale, lo * scale, hi * scale);
        }
        if (any) {
            ss_buf_fmt(&sc, "%s\n", line.s);
            rows++;
        }
        free(line.s);
    }
    ss_buf_str(&sc, "EOD\n");
    if (rows == 0) {
        free(sc.s);
        return 0;
    }
    errorbar_bars(&sc, r, "*", "top right", ylabel);
    char caption[1024], legend[1024];
    report_bars_caption(r, metric, caption, sizeof caption);
    id_legend(r, legend, sizeof legend);
    add_chart(r, fig, caption, legend, ss_plot_svg(p, sc.s, 720, 340), p);
    free(sc.s);
    return rows;
}

/* ---- flows ---------------------------------------------------------------------------------------- */

const char *report_flow_end(const ss_report *r, int s, bool from, bool long_name)
{
    if (s >= r->nsvc)
        return T(r, from ? S_NEW_CONCERN : S_LEAVES);
    return long_name ? r->svc_name[s] : r->svc_id[s];
}

static double mean_flow(const ss_report *r, int m, int from, int to)
{
    const ss_stored_run *run = &r->models[m].run;
    int f = from >= r->nsvc ? run->nservices : report_service_in(run, r->svc_id[from]);
    int t = to >= r->nsvc ? run->nservices : report_service_in(run, r->svc_id[to]);
    if (f < 0 || t < 0 || run->nreps == 0)
        return 0.0;
    double sum = 0.0;
    for (int i = 0; i < run->nreps; i++)
        sum += *ss_rep_flow(&run->reps[i], f, t);
    return sum / run->nreps;
}

static int cmp_flow(const void *x, const void *y)
{
    const flow_row *a = x, *b = y;
    double ma = 0, mb = 0;
    for (int i = 0; i < 2; i++) {  /* the base, then the first option, decide the order */
        ma += a->mean[i] * (i ? 1e-6 : 1);
        mb += b->mean[i] * (i ? 1e-6 : 1);
    }
    return ma < mb ? 1 : ma > mb ? -1 : (a->from - b->from) * 1000 + (a->to - b->to);
}

/* Every pair of the base's services (and outside) that any model moved someone along. */
void report_collect_flows(ss_report *r)
{
    int n = r->nsvc + 1;
    r->flows = xcalloc((size_t)n * n, sizeof *r->flows);
    for (int f = 0; f < n; f++) {
        for (int t = 0; t < n; t++) {
            double *mean = xcalloc(r->nmodels > 1 ? r->nmodels : 2, sizeof *mean);
            double any = 0.0;
            for (int m = 0; m < r->nmodels; m++)
                any += (mean[m] = mean_flow(r, m, f, t));
            if (any > 0.0)
                r->flows[r->nflows++] = (flow_row){f, t, mean};
            else
                free(mean);
        }
    }
    qsort(r->flows, r->nflows, sizeof *r->flows, cmp_flow);
}

enum { TOP_FLOWS = 12 };

/* Horizontal bars of the largest flows, one bar per model. */
void report_chart_flows(ss_report *r, plotter *p)
{
    int n = r->nflows < TOP_FLOWS ? r->nflows : TOP_FLOWS;
    if (n == 0)
        return;
    ss_buf sc = {0};
    double h = 0.8 / r->nmodels;
    for (int m = 0; m < r->nmodels; m++) {
        ss_buf_fmt(&sc, "$m%d << EOD\n", m);
        for (int i = 0; i < n; i++)
            ss_buf_fmt(&sc, "%g %g\n", r->flows[i].mean[m], (n - 1 - i) + 0.4 - (m + 0.5) * h);
        ss_buf_str(&sc, "EOD\n");
    }
    ss_buf_str(&sc, "set ytics (");
    for (int i = 0; i < n; i++) {
        char label[300];
        snprintf(label, sizeof label, "%s → %s", report_flow_end(r, r->flows[i].from, true, false),
                 report_flow_end(r, r->flows[i].to, false, false));
        ss_buf_str(&sc, i ? ", " : "");
        ss_plot_quote(&sc, label);
        ss_buf_fmt(&sc, " %d", n - 1 - i);
    }
    ss_buf_fmt(&sc, ") nomirror scale 0\nset yrange [-0.6:%g]\nset xrange [0:*]\nset xtics nomirror out\nset border 3\n"
                "set grid xtics lc rgb '#dddddd'\nset style fill solid 0.85 noborder\nset key bottom right\nset xlabel ",
           n - 0.4);
    ss_plot_quote(&sc, T(r, S_AX_FLOWS_X));
    ss_buf_str(&sc, "\nplot ");
    for (int m = 0; m < r->nmodels; m++) {
        char title[64];
        report_model_title(r, m, title, sizeof title);
        ss_buf_fmt(&sc, "%s$m%d using ($1/2):2:($1/2):(%g) with boxxyerror lc rgb '%s' title ", m ? ", " : "", m, h * 0.45,
               COLOUR(m));
        ss_plot_quote(&sc, title);
    }
    ss_buf_str(&sc, "\n");
    char caption[1024], legend[1024];
    report_flows_caption(r, caption, sizeof caption);
    id_legend(r, legend, sizeof legend);
    add_chart(r, FIG_FLOWS, caption, legend, ss_plot_svg(p, sc.s, 720, 120 + 34 * n), p);
    free(sc.s);
}

/* ---- compliance ------------------------------------------------------------------------------------ */

/* Metrics about targets, legal limits and coordination, found by name in the metric tables so
 * that figures added to results.c later appear here without another change. */
static bool is_coordination_metric(const char *name)
{
    static const char *const words[] = {"coordinat", "plan_", "entitled", "responsibility_group", NULL};
    for (int i = 0; words[i]; i++)
        if (strstr(name, words[i]))
            return true;
    return false;
}

static bool is_compliance_metric(const char *name)
{
    static const char *const words[] = {"over_target", "within", "complian", "vedtak", "interim", "meeting", NULL};
    for (int i = 0; words[i]; i++)
        if (strstr(name, words[i]))
            return true;
    return is_coordination_metric(name);
}

/* Does the engine measure coordination at all (whatever these runs hold)? */
bool report_engine_has_coordination_metrics(void)
{
    for (int m = 0; m < SS_SERVICE_METRICS; m++)
        if (is_coordination_metric(ss_service_metric_info[m].name))
            return true;
    for (int m = 0; m < SS_SYSTEM_METRICS; m++)
        if (is_coordination_metric(ss_system_metric_info[m].name))
            return true;
    return false;
}

static bool row_has_values(const ss_compare_row *row)
{
    return isfinite(row->base.mean) || isfinite(row->option.mean);
}

/* Any model has a value for this metric (in any service). */
static bool metric_has_values(const ss_report *r, const char *metric)
{
    for (int opt = r->nmodels > 1 ? 0 : -1; opt < r->nmodels - 1; opt++) {
        const ss_comparison *c = opt >= 0 ? &r->options[opt].cmp : &r->self;
        for (int i = 0; i < c->nrows; i++)
            if (strcmp(c->rows[i].metric, metric) == 0 && row_has_values(&c->rows[i]))
                return true;
    }
    return false;
}

bool report_runs_have_coordination_figures(const ss_report *r)
{
    for (int m = 0; m < SS_SYSTEM_METRICS; m++)
        if (is_coordination_metric(ss_system_metric_info[m].name) && metric_has_values(r, ss_system_metric_info[m].name))
            return true;
    for (int m = 0; m < SS_SERVICE_METRICS; m++)
        if (is_coordination_metric(ss_service_metric_info[m].name) && metric_has_values(r, ss_service_metric_info[m].name))
            return true;
    return false;
}

bool report_is_compliance_row(const ss_compare_row *row)
{
    return is_compliance_metric(row->metric) && row_has_values(row);
}

ss_estimate report_system_estimate(const ss_report *r, int m, int metric)
{
    const ss_stored_run *run = &r->models[m].run;
    ss_estimate none = {NAN, NAN, NAN, NAN, 0};
    double *x = run->nreps ? xcalloc(run->nreps, sizeof *x) : NULL;
    if (!x)
        return none;
    for (int i = 0; i < run->nreps; i++)
        x[i] = run->reps[i].system[metric];
    ss_estimate e = ss_metric_estimate(&ss_system_metric_info[metric], x, run->nreps, 0.95);
    free(x);
    return e;
}

/* A tick label on lines of about width characters, broken at blanks ("\n" as gnuplot reads it
 * in a double-quoted data string), so that neighbouring labels do not run into each other. */
static void wrapped_label(ss_buf *sc, const char *label, int width)
{
    int col = 0;
    ss_buf_str(sc, "\"");
    for (const char *p = label; *p; p++) {
        if (*p == ' ' && col > 0 && col + (int)strcspn(p + 1, " ") + 1 > width) {
            ss_buf_str(sc, "\\n");
            col = 0;
            continue;
        }
        if (*p == '"' || *p == '\\') continue;  /* nothing in a metric's label, but never a broken string */
        ss_buf_fmt(sc, "%c", *p);
        col += ((unsigned char)*p & 0xC0) != 0x80;
    }
    ss_buf_str(sc, "\"");
}

/* The auditors' line of each system-wide share the chart shows (a criterion of the base's
 * scenario with a threshold), dashed across the chart, so a duty below its line shows. */
static void duty_lines(const ss_report *r, ss_buf *sc)
{
    int drawn = 0;
    double seen[SS_SYSTEM_METRICS];
    for (int m = 0; m < SS_SYSTEM_METRICS; m++) {
        const ss_metric_info *mi = &ss_system_metric_info[m];
        int i = strcmp(mi->unit, "share") == 0 && is_compliance_metric(mi->name) ? report_audit_find(r, mi->name, "") : -1;
        char words[96];
        double t = i >= 0 ? report_audit_threshold(r, i, words, sizeof words) : NAN;
        bool again = false;
        for (int k = 0; k < drawn; k++)
            again |= seen[k] == t;
        if (!isfinite(t) || again)
            continue;
        seen[drawn++] = t;
        ss_buf_fmt(sc, "set arrow %d from graph 0, first %g to graph 1, first %g nohead dt 2 lw 1.5 lc rgb '#333333' front\n",
                   drawn, 100 * t, 100 * t);
    }
}

/* The system-wide shares (plan offered, coordinator given, decided at the first meeting ...) as
 * grouped bars with intervals, one group per metric. */
static void system_shares_chart(ss_report *r, plotter *p)
{
    ss_buf sc = {0};
    int rows = 0;
    ss_buf_str(&sc, "$d << EOD\n");
    for (int m = 0; m < SS_SYSTEM_METRICS; m++) {
        const ss_metric_info *mi = &ss_system_metric_info[m];
        if (!is_compliance_metric(mi->name) || strcmp(mi->unit, "share") != 0 || !metric_has_values(r, mi->name))
            continue;
        wrapped_label(&sc, ss_metric_label("system", mi->name, r->opts.lang), 16);
        for (int k = 0; k < r->nmodels; k++) {
            ss_estimate e = report_system_estimate(r, k, m);
            double lo = isfinite(e.ci_low) ? e.ci_low : e.mean, hi = isfinite(e.ci_high) ? e.ci_high : e.mean;
            ss_buf_fmt(&sc, " %g %g %g", 100 * e.mean, 100 * lo, 100 * hi);
        }
        ss_buf_str(&sc, "\n");
        rows++;
    }
    ss_buf_str(&sc, "EOD\n");
    if (rows > 0) {
        duty_lines(r, &sc);
        ss_buf_str(&sc, "set bmargin 4\n");  /* room for two lines of tick labels */
        errorbar_bars(&sc, r, "105", "outside top center horizontal", "%");
        char caption[1024];
        report_duties_caption(r, caption, sizeof caption);
        add_chart(r, FIG_COMPLIANCE, caption, "", ss_plot_svg(p, sc.s, 720, 340), p);
    }
    free(sc.s);
}

void report_chart_compliance(ss_report *r, plotter *p)
{
    for (int m = 0; m < SS_SERVICE_METRICS; m++) {
        const ss_metric_info *mi = &ss_service_metric_info[m];
        if (!is_compliance_metric(mi->name) || !metric_has_values(r, mi->name))
            continue;
        bool share = strcmp(mi->unit, "share") == 0;
        const char *ylabel = m == SS_SM_OVER_TARGET_SHARE ? T(r, S_AX_COMPLIANCE_Y) : ss_metric_label("service", mi->name, r->opts.lang);
        report_bars_chart(r, p, FIG_COMPLIANCE, m, share ? 100.0 : 1.0, ylabel);
    }
    system_shares_chart(r, p);
}

