/* tornado: the sensitivity study's table, JSON and chart (see tornado.h). */
#include "tornado.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "results.h"
#include "sbuf.h"
#include "table.h"
#include "xalloc.h"

#define BAR_WIDTH 24   /* characters of the longest bar */

/* ---- ranking -------------------------------------------------------------------------------- */

typedef struct rank_ctx {
    const ss_sens_result *r;
    int m;
} rank_ctx;

static double rank_key(const ss_sens_param *p, int m)
{
    return p->sobol ? p->indices[m].st.mean : p->morris ? p->morris[m].mu_star : 0;
}

void ss_sens_rank(const ss_sens_result *r, int m, int *order)
{
    for (int i = 0; i < r->nparams; i++) order[i] = i;
    /* insertion sort: stable (ties keep the register's key-path order) and the lists are short */
    for (int i = 1; i < r->nparams; i++) {
        int v = order[i], j = i;
        const ss_sens_param *pv = &r->params[v];
        while (j > 0) {
            const ss_sens_param *pj = &r->params[order[j - 1]];
            bool before = pv->sobol != pj->sobol ? pv->sobol : rank_key(pv, m) > rank_key(pj, m);
            if (!before) break;
            order[j] = order[j - 1];
            j--;
        }
        order[j] = v;
    }
}

/* ---- the table ------------------------------------------------------------------------------ */

static const ss_metric_info *metric_info(const ss_sens_metric *mt)
{
    return mt->service < 0 ? &ss_system_metric_info[mt->index] : &ss_service_metric_info[mt->index];
}

static void range_text(const ss_ranged *p, char *out, size_t n)
{
    if (p->range.dist == SS_RANGE_TRIANGULAR)
        snprintf(out, n, "%.4g to %.4g (mode %.4g)", p->range.low, p->range.high, p->range.mode);
    else
        snprintf(out, n, "%.4g to %.4g", p->range.low, p->range.high);
}

static void interval_text(ss_interval e, char *out, size_t n)
{
    snprintf(out, n, "%.3f (%.3f to %.3f)", e.mean, e.ci_low, e.ci_high);
}

static void bar(char *out, size_t n, double x, double top)
{
    int len = top > 0 && x > 0 ? (int)lround(BAR_WIDTH * x / top) : 0;
    if (x > 0 && len == 0) len = 1;
    out[0] = '\0';
    for (int i = 0; i < len && strlen(out) + 4 < n; i++) strcat(out, "\xe2\x96\x88");   /* U+2588 full block */
}

static void heading(FILE *f, const ss_sens_result *r, int m, int reps, uint64_t seed)
{
    const ss_metric_info *info = metric_info(&r->metrics[m]);
    fprintf(f, "Sensitivity of %s (%s, %s)\n", r->metrics[m].name, info->label, info->unit);
    fprintf(f, "%d ranged number%s", r->nparams, r->nparams == 1 ? "" : "s");
    if (r->methods & SS_SENS_MORRIS) fprintf(f, "; Morris screening: %ld points", r->morris_points);
    if (r->methods & SS_SENS_SOBOL)
        fprintf(f, "; Sobol indices of %d number%s: %ld points", r->nsobol, r->nsobol == 1 ? "" : "s", r->sobol_points);
    fprintf(f, "; %d replication%s a point, seed %llu at every point\n\n", reps, reps == 1 ? "" : "s",
            (unsigned long long)seed);
}

void ss_sens_print_table(FILE *f, const ss_sens_result *r, int m, int reps, uint64_t seed)
{
    heading(f, r, m, reps, seed);
    int *order = xmalloc(sizeof *order * (size_t)r->nparams);
    ss_sens_rank(r, m, order);
    bool morris = r->methods & SS_SENS_MORRIS, sobol = r->nsobol > 0;
    double top = 0;
    for (int i = 0; i < r->nparams; i++) top = fmax(top, rank_key(&r->params[i], m));
    ss_table t;
    ss_table_init(&t, 9, "rllrrrrrl");
    t.heading = t.rule = true;
    ss_table_row(&t, "#", "parameter", "kind", "range", morris ? "mu*" : "", morris ? "sigma" : "",
                 sobol ? "S1 (95 % interval)" : "", sobol ? "ST (95 % interval)" : "", sobol ? "ST" : "mu*");
    for (int k = 0; k < r->nparams; k++) {
        const ss_sens_param *p = &r->params[order[k]];
        char rg[96], s1[64] = "", st[64] = "", b[BAR_WIDTH * 3 + 4];
        range_text(&p->r, rg, sizeof rg);
        if (p->sobol && !r->sobol_flat[m]) {
            interval_text(p->indices[m].s1, s1, sizeof s1);
            interval_text(p->indices[m].st, st, sizeof st);
        }
        bar(b, sizeof b, rank_key(p, m), top);
        int row = ss_table_add_row(&t);
        ss_table_set(&t, row, 0, "%d", k + 1);
        ss_table_set(&t, row, 1, "%s", p->r.path);
        ss_table_set(&t, row, 2, "%s", p->r.kind);
        ss_table_set(&t, row, 3, "%s", rg);
        if (morris) {
            ss_table_set(&t, row, 4, "%.4g", p->morris[m].mu_star);
            ss_table_set(&t, row, 5, "%.4g", p->morris[m].sigma);
        }
        ss_table_set(&t, row, 6, "%s", s1);
        ss_table_set(&t, row, 7, "%s", st);
        ss_table_set(&t, row, 8, "%s", b);
    }
    ss_table_print(&t, f);
    ss_table_free(&t);
    free(order);
    if (sobol && r->sobol_flat[m])
        fprintf(f, "\n%s did not vary over the Sobol points: there is no variance to share out.\n", r->metrics[m].name);
    fprintf(f, "\n%s%s", morris ? "mu*: the mean change in the metric, in its units, when the number moves across its whole "
                                   "range; sigma: how much that change depends on the other numbers.\n" : "",
            sobol ? "S1: the share of the metric's variance the number causes alone; ST: with its interactions. An "
                    "ST whose interval reaches 0 is not distinguishable from no effect.\n" : "");
}

/* ---- JSON ----------------------------------------------------------------------------------- */

static json_t *interval_json(ss_interval e)
{
    json_t *o = json_object();
    int err = json_object_set_new(o, "mean", ss_json_number(e.mean)) |
              json_object_set_new(o, "ci_low", ss_json_number(e.ci_low)) |
              json_object_set_new(o, "ci_high", ss_json_number(e.ci_high));
    return ss_json_done(o, err);
}

static json_t *parameter_json(const ss_sens_result *r, const ss_sens_param *p, int m)
{
    json_t *o = json_object();
    int err = json_object_set_new(o, "name", json_string(p->r.path)) |
              json_object_set_new(o, "kind", json_string(p->r.kind)) |
              json_object_set_new(o, "low", ss_json_number(p->r.range.low)) |
              json_object_set_new(o, "high", ss_json_number(p->r.range.high));
    if (r->methods & SS_SENS_MORRIS)
        err |= json_object_set_new(o, "mu_star", ss_json_number(p->morris[m].mu_star)) |
               json_object_set_new(o, "sigma", ss_json_number(p->morris[m].sigma));
    if (p->sobol && !r->sobol_flat[m])
        err |= json_object_set_new(o, "S1", interval_json(p->indices[m].s1)) |
               json_object_set_new(o, "ST", interval_json(p->indices[m].st));
    return ss_json_done(o, err);
}

static json_t *metric_json(const ss_sens_result *r, int m)
{
    json_t *o = json_object(), *list = json_array();
    int *order = xmalloc(sizeof *order * (size_t)r->nparams);
    ss_sens_rank(r, m, order);
    int err = 0;
    for (int k = 0; k < r->nparams; k++) err |= json_array_append_new(list, parameter_json(r, &r->params[order[k]], m));
    free(order);
    err |= json_object_set_new(o, "metric", json_string(r->metrics[m].name)) |
           json_object_set_new(o, "method", json_string(ss_sens_method_name(r->methods))) |
           json_object_set_new(o, "parameters", list);
    return ss_json_done(o, err);
}

int ss_sens_print_json(FILE *f, const ss_sens_result *r)
{
    if (r->nmetrics == 1) return ss_json_write(f, metric_json(r, 0));
    json_t *all = json_array();
    int err = 0;
    for (int m = 0; m < r->nmetrics; m++) err |= json_array_append_new(all, metric_json(r, m));
    return ss_json_write(f, ss_json_done(all, err));
}

/* ---- the chart ------------------------------------------------------------------------------ */

char *ss_sens_tornado_svg(plotter *p, const ss_sens_result *r, int m)
{
    int *order = xmalloc(sizeof *order * (size_t)r->nparams);
    ss_sens_rank(r, m, order);
    int n = r->nparams;
    bool st = r->nsobol > 0 && !r->sobol_flat[m];
    ss_buf sc = {0};
    ss_buf_str(&sc, "$d << EOD\n");
    for (int k = 0; k < n; k++) {
        const ss_sens_param *q = &r->params[order[k]];
        double x = rank_key(q, m), lo = x, hi = x;
        if (st && q->sobol) { lo = q->indices[m].st.ci_low; hi = q->indices[m].st.ci_high; }
        ss_buf_fmt(&sc, "%d %g %g %g \"%s\"\n", n - 1 - k, x, lo, hi, q->r.path);   /* the largest on top */
    }
    ss_buf_str(&sc, "EOD\nset title ");
    char title[256];
    snprintf(title, sizeof title, "%s: %s", r->metrics[m].name, st ? "total-order Sobol index (ST)" : "Morris mu*");
    ss_plot_quote(&sc, title);
    ss_buf_fmt(&sc, "\nset yrange [-0.6:%g]\nset xrange [0:*]\nset ytics nomirror\nset xtics nomirror out\nset border 3\n"
                    "set grid xtics lc rgb '#dddddd'\nset style fill solid 0.85 noborder\nunset key\n"
                    "plot $d using ($2/2):1:($2/2):(0.35):ytic(5) with boxxyerror lc rgb '%s', "
                    "$d using 2:1:3:4 with xerrorbars lc rgb '#333333' pt 0\n",
               n - 0.4, COLOUR(0));
    char *svg = ss_plot_svg(p, sc.s, 760, 120 + 22 * n);
    free(sc.s);
    free(order);
    return svg;
}
