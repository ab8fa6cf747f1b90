/* compare: paired differences between two studies, the figures a reviewer reads first, and the
 * record of a comparison in the results database.
 *
 * The statistics are the plain ones from stats.c: each model's own t interval, the t interval of
 * the per-replication differences (paired), and Welch's interval (unpaired) to show what the
 * pairing bought.  Nothing here runs a simulation. */
#include "compare.h"

#include <assert.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>

#include "xalloc.h"

/* ---- Welch's unpaired interval ------------------------------------------------------------ */

ss_estimate ss_estimate_unpaired(const double *base, const double *option, int n, double level)
{
    ss_estimate a = ss_estimate_from(base, n, level), b = ss_estimate_from(option, n, level);
    ss_estimate e = {b.mean - a.mean, NAN, NAN, NAN, a.n < b.n ? a.n : b.n};
    if (a.n < 2 || b.n < 2)
        return e;
    double va = a.sd * a.sd / a.n, vb = b.sd * b.sd / b.n;
    e.sd = sqrt(a.sd * a.sd + b.sd * b.sd);
    if (va + vb == 0.0) {  /* two constant samples: the difference is known exactly */
        e.ci_low = e.ci_high = e.mean;
        return e;
    }
    /* Welch-Satterthwaite degrees of freedom; a constant side contributes no term. */
    double den = (va > 0 ? va * va / (a.n - 1) : 0) + (vb > 0 ? vb * vb / (b.n - 1) : 0);
    double df = (va + vb) * (va + vb) / den;
    double half = gsl_cdf_tdist_Pinv(0.5 + level / 2.0, df) * sqrt(va + vb);
    e.ci_low = e.mean - half;
    e.ci_high = e.mean + half;
    return e;
}

/* ---- building the rows --------------------------------------------------------------------- */

static int service_index(const ss_run_info *info, const char *id)
{
    for (int i = 0; i < info->nservices; i++)
        if (strcmp(info->service_ids[i], id) == 0)
            return i;
    return -1;
}

static double total_fte(const ss_run_info *info)
{
    double sum = 0.0;
    for (int i = 0; info->service_fte && i < info->nservices; i++)
        if (isfinite(info->service_fte[i]))
            sum += info->service_fte[i];
    return sum;
}

/* The pairing is only meaningful when replication i of both studies drew the same people. */
static int check_pairable(const ss_study *base, const ss_study *option, ss_diag *d)
{
    if (!base->reps || !option->reps)
        return ss_fail(d, "cannot pair: a model has no results (was it run?)");
    if (base->info.seed != option->info.seed)
        return ss_fail(d, "cannot pair: the base was run with seed %" PRIu64 " and the option with seed %" PRIu64
                       " (common random numbers need the same seed)", base->info.seed, option->info.seed);
    if (base->nreps != option->nreps)
        return ss_fail(d, "cannot pair: the base has %d replications and the option %d (pairs need the same number)",
                       base->nreps, option->nreps);
    return 0;
}

/* Each side keeps its metric's range (ss_metric_estimate); the difference may take either sign. */
static void fill_row(ss_compare_row *r, const ss_metric_info *mi, const double *a, const double *b, int n,
                     double level)
{
    r->base = ss_metric_estimate(mi, a, n, level);
    r->option = ss_metric_estimate(mi, b, n, level);
    r->diff = ss_estimate_paired(a, b, n, level);
    r->diff_unpaired = ss_estimate_unpaired(a, b, n, level);
    r->relative = isfinite(r->base.mean) && r->base.mean != 0.0 && isfinite(r->diff.mean)
                      ? r->diff.mean / r->base.mean : NAN;
    r->distinguishable = isfinite(r->diff.ci_low) && isfinite(r->diff.ci_high) &&
                         (r->diff.ci_low > 0.0 || r->diff.ci_high < 0.0);
    if (strcmp(ss_compare_row_info(r)->unit, "share") == 0)
        r->relative = NAN;  /* a share changes by percentage points; "-33.8 %" of a share misleads */
}

static void service_values(double *x, const ss_study *st, int s, int m)
{
    for (int i = 0; i < st->nreps; i++)
        x[i] = st->reps[i].service[(long)s * SS_SERVICE_METRICS + m];
}

static void system_values(double *x, const ss_study *st, int m)
{
    for (int i = 0; i < st->nreps; i++)
        x[i] = st->reps[i].system[m];
}

int ss_compare(const ss_study *base, const ss_study *option, double level, ss_comparison *out, ss_diag *d)
{
    assert(level > 0 && level < 1 && "a confidence level");
    memset(out, 0, sizeof *out);
    if (check_pairable(base, option, d) < 0)
        return -1;
    int n = base->nreps, nsvc = base->info.nservices;
    assert(n == option->nreps && nsvc >= 0);
    double *a = xcalloc(n > 0 ? n : 1, sizeof *a), *b = xcalloc(n > 0 ? n : 1, sizeof *b);
    out->rows = xcalloc((size_t)nsvc * SS_SERVICE_METRICS + SS_SYSTEM_METRICS, sizeof *out->rows);
    for (int s = 0; s < nsvc; s++) {
        int t = service_index(&option->info, base->info.service_ids[s]);
        if (t < 0)
            continue;  /* a service the option closes or merges has no pair */
        assert(t < option->info.nservices);
        for (int m = 0; m < SS_SERVICE_METRICS; m++) {
            ss_compare_row *r = &out->rows[out->nrows++];
            r->scope = "service";
            snprintf(r->subject, sizeof r->subject, "%s", base->info.service_ids[s]);
            r->metric = ss_service_metric_info[m].name;
            service_values(a, base, s, m);
            service_values(b, option, t, m);
            fill_row(r, &ss_service_metric_info[m], a, b, n, level);
        }
    }
    for (int m = 0; m < SS_SYSTEM_METRICS; m++) {
        ss_compare_row *r = &out->rows[out->nrows++];
        r->scope = "system";
        r->metric = ss_system_metric_info[m].name;
        system_values(a, base, m);
        system_values(b, option, m);
        fill_row(r, &ss_system_metric_info[m], a, b, n, level);
    }
    out->fte_base = total_fte(&base->info);
    out->fte_option = total_fte(&option->info);
    out->nok_per_fte_base = base->info.nok_per_fte;
    out->nok_per_fte_option = option->info.nok_per_fte;
    free(a);
    free(b);
    return 0;
}

void ss_comparison_free(ss_comparison *c)
{
    free(c->rows);
    memset(c, 0, sizeof *c);
}

/* ---- reading the rows ------------------------------------------------------------------------ */

double ss_compare_narrowing(const ss_compare_row *r)
{
    double paired = (r->diff.ci_high - r->diff.ci_low) / 2.0;
    double unpaired = (r->diff_unpaired.ci_high - r->diff_unpaired.ci_low) / 2.0;
    if (!isfinite(paired) || !isfinite(unpaired) || unpaired <= 0.0)
        return NAN;
    return paired / unpaired;
}

double ss_comparison_median_narrowing(const ss_comparison *c, int *n)
{
    double *v = xcalloc(c->nrows > 0 ? (size_t)c->nrows : 1, sizeof *v);
    *n = 0;
    for (int i = 0; i < c->nrows; i++) {
        double q = ss_compare_narrowing(&c->rows[i]);
        if (isfinite(q))
            v[(*n)++] = q;
    }
    double med = *n == 0 ? NAN : gsl_stats_median(v, 1, (size_t)*n);   /* quickselect; reorders v */
    free(v);
    return med;
}

/* The planned inputs a verdict weighs beside the simulated results: their direction is declared
 * here once (less staff and cost for the same results is better). */
static const ss_metric_info staffing_metric_info[] = {
    {"fte_total", "FTE", "FTE", "FTE serving the modelled population (fte x staff_share), as planned", SS_BETTER_LOWER,
     "Staff serving the modelled population (FTE; a planned input)", "Bemanning for den modellerte befolkningen (årsverk; planlagt)"},
    {"cost_nok", "NOK", "NOK", "yearly cost of that staff (costs.nok_per_fte), as planned", SS_BETTER_LOWER,
     "Yearly cost of that staff (NOK; a planned input)", "Årlig kostnad for bemanningen (kr; planlagt)"},
};

static const ss_metric_info *metric_find(const char *scope, const char *metric)
{
    if (strcmp(scope, "staffing") != 0)
        return ss_metric_find(scope, metric);
    for (size_t i = 0; i < sizeof staffing_metric_info / sizeof staffing_metric_info[0]; i++)
        if (strcmp(staffing_metric_info[i].name, metric) == 0)
            return &staffing_metric_info[i];
    return NULL;
}

const ss_metric_info *ss_compare_row_info(const ss_compare_row *r)
{
    const ss_metric_info *mi = metric_find(r->scope, r->metric);
    assert(mi && "row metric not in the metric tables");
    return mi;
}

/* What the issue names as key results: waits, queue, caseload per FTE, utilisation, time in
 * system, hand-offs and rejections.  Counts of arrivals and completions are in --json/--csv. */
static const char *const key_service_metrics[] = {"wait_mean", "wait_p90", "over_target_share", "queue_mean",
                                                  "caseload_per_fte", "utilisation", "rejected",
                                                  "decisions_within_limit_share", NULL};
static const char *const key_system_metrics[] = {"first_help_mean", "right_help_mean", "time_in_system_mean",
                                                 "time_in_system_p90", "handoffs_mean", "bounces_mean",
                                                 "lost_at_transition", "services_visited_mean", "rejections",
                                                 "plan_offered_share", "coordinator_share", "time_to_coordinator_mean",
                                                 NULL};

static bool in_list(const char *const *list, const char *name)
{
    for (int i = 0; list[i]; i++)
        if (strcmp(list[i], name) == 0)
            return true;
    return false;
}

bool ss_compare_is_key(const ss_compare_row *r)
{
    if (!isfinite(r->base.mean) && !isfinite(r->option.mean))
        return false;  /* e.g. caseload per FTE of a service without staff */
    bool service = strcmp(r->scope, "service") == 0;
    return in_list(service ? key_service_metrics : key_system_metrics, r->metric);
}

/* ---- labels ---------------------------------------------------------------------------------- */

const char *ss_metric_label(const char *scope, const char *metric, ss_lang lang)
{
    const ss_metric_info *mi = metric_find(scope, metric);
    if (!mi)
        return metric;
    const char *l = lang == SS_LANG_NB ? mi->nb : mi->en;
    return l ? l : mi->label;  /* a row added without labels: its short heading beats nothing */
}

/* ---- numbers for people ---------------------------------------------------------------------- */

static bool is_share(const char *unit) { return strcmp(unit, "share") == 0; }

/* Counts averaged over replications are fractional; a decimal matters only for small ones. */
static int decimals(const char *unit, double x)
{
    if (strstr(unit, "per person"))
        return 2;
    if (strcmp(unit, "NOK") == 0)
        return 0;
    if ((strcmp(unit, "count") == 0 || strcmp(unit, "persons") == 0) && fabs(x) >= 100)
        return 0;
    return 1;
}

/* The one writer of a figure for people: v at k decimals, "+" before a positive one when signed_,
 * then suffix; a figure that rounds to zero is "0.0", never "-0.0".  The bound of an interval that
 * excludes 0 (bound) takes up to three more decimals when it would round to zero, so that its
 * sign shows: such an interval never reads "[-3.4, 0.0]" ("[-3.4, -0.03]"), and a bound "0.0"
 * always belongs to an interval that holds 0. */
static void figure(char *buf, size_t n, double v, int k, bool signed_, bool bound, const char *suffix)
{
    int more = k;
    while (bound && more < k + 3 && fabs(v) < 0.5 * pow(10, -more))
        more++;
    if (fabs(v) >= 0.5 * pow(10, -more))
        k = more;
    else
        v = 0.0;
    snprintf(buf, n, signed_ && v > 0 ? "+%.*f%s" : "%.*f%s", k, v, suffix);
}

static void unit_figure(char *buf, size_t n, double x, const char *unit, bool signed_, bool bound)
{
    if (!isfinite(x)) {
        snprintf(buf, n, "-");
        return;
    }
    double v = is_share(unit) ? 100.0 * x : x;
    figure(buf, n, v, decimals(unit, v), signed_, bound, is_share(unit) ? "%" : "");
}

void ss_compare_format(char *buf, size_t n, double x, const char *unit, bool signed_)
{
    unit_figure(buf, n, x, unit, signed_, false);
}

/* One figure of a difference (bound: an interval's end): a share in percentage points without a
 * unit, the rest as ss_compare_format gives them; a decimal comma in Norwegian. */
static void difference_figure(char *buf, size_t n, double x, const char *unit, bool bound, ss_lang lang)
{
    if (is_share(unit) && isfinite(x))
        figure(buf, n, 100.0 * x, 1, true, bound, "");
    else
        unit_figure(buf, n, x, unit, true, bound);
    ss_lang_figures(lang, buf);
}

void ss_compare_format_interval(char *buf, size_t n, const ss_estimate *e, const char *unit, ss_lang lang)
{
    char lo[48], hi[48];
    if (!isfinite(e->ci_low) || !isfinite(e->ci_high)) {
        snprintf(buf, n, "%s", "");
        return;
    }
    bool excludes_0 = (e->ci_low > 0 && e->ci_high > 0) || (e->ci_low < 0 && e->ci_high < 0);
    difference_figure(lo, sizeof lo, e->ci_low, unit, excludes_0, lang);
    difference_figure(hi, sizeof hi, e->ci_high, unit, excludes_0, lang);
    snprintf(buf, n, "[%s%s %s]", lo, lang == SS_LANG_NB ? ";" : ",", hi);
}

void ss_compare_format_difference(char *buf, size_t n, const ss_estimate *e, const char *unit, ss_lang lang)
{
    char m[48], ci[112];
    difference_figure(m, sizeof m, e->mean, unit, false, lang);
    const char *pp = is_share(unit) && isfinite(e->mean) ? " pp" : "";
    if (!isfinite(e->mean) || !isfinite(e->ci_low) || !isfinite(e->ci_high)) {
        snprintf(buf, n, "%s%s", m, pp);
        return;
    }
    ss_compare_format_interval(ci, sizeof ci, e, unit, lang);
    snprintf(buf, n, "%s%s %s", m, pp, ci);
}

void ss_compare_format_estimate(char *buf, size_t n, const ss_estimate *e, const char *unit, bool signed_)
{
    if (signed_ && is_share(unit)) {
        ss_compare_format_difference(buf, n, e, unit, SS_LANG_EN);
        return;
    }
    char m[48], lo[48], hi[48];
    ss_compare_format(m, sizeof m, e->mean, unit, signed_);
    if (!isfinite(e->mean) || !isfinite(e->ci_low) || !isfinite(e->ci_high)) {
        snprintf(buf, n, "%s", m);
        return;
    }
    bool excludes_0 = (e->ci_low > 0 && e->ci_high > 0) || (e->ci_low < 0 && e->ci_high < 0);
    unit_figure(lo, sizeof lo, e->ci_low, unit, signed_, signed_ && excludes_0);  /* a difference's bounds show their sign */
    unit_figure(hi, sizeof hi, e->ci_high, unit, signed_, signed_ && excludes_0);
    snprintf(buf, n, "%s [%s, %s]", m, lo, hi);
}

void ss_compare_format_relative(char *buf, size_t n, double relative)
{
    if (!isfinite(relative))
        snprintf(buf, n, "-");
    else if (fabs(relative) < 0.0005)
        snprintf(buf, n, "0.0%%");
    else
        snprintf(buf, n, "%+.1f%%", 100.0 * relative);
}

void ss_compare_view_stored(ss_study *st, const ss_stored_run *r)
{
    memset(st, 0, sizeof *st);
    st->nreps = r->nreps;
    st->reps = r->reps;
    st->run_id = r->run_id;
    st->info = (ss_run_info){
        .engine_version = r->engine_version, .scenario_name = r->scenario_name, .scenario_path = r->scenario_path,
        .scenario_hash = r->scenario_hash, .rules_hash = r->rules_hash, .resolved_text = r->resolved,
        .command_line = r->command_line, .started_at = r->started_at, .seed = r->seed,
        .replications = r->replications, .horizon_days = r->horizon_days, .warmup_days = r->warmup_days,
        .start_date = r->start_date, .nservices = r->nservices,
        .service_ids = (const char *const *)r->ids, .service_names = (const char *const *)r->names,
        .service_fte = r->fte, .nok_per_fte = r->nok_per_fte, .surges = r->surges};
}
