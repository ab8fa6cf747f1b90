/* output: the summary as a table for people, and as JSON and CSV for programs.
 *
 * Every shape walks the metric tables in results.c, so a new metric shows up everywhere at once.
 * The table is printed in two passes (measure, then print) so that it needs no allocation. */
#include "output.h"

#include <assert.h>
#include <inttypes.h>
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "table.h"
#include "text.h"
#include "trend_text.h"
#include "words.h"

/* ---- numbers for people -------------------------------------------------------------------- */

/* Shares read best as percentages. */
static double unit_scale(const char *unit)
{
    return strcmp(unit, "share") == 0 ? 100.0 : 1.0;
}

/* Counts are whole things; per-person ratios are small numbers that need two decimals. */
static int unit_decimals(const char *unit)
{
    if (strcmp(unit, "count") == 0 || strcmp(unit, "persons") == 0)
        return 0;
    if (strstr(unit, "per person"))
        return 2;
    return 1;
}

static void format_number(char *buf, size_t n, double x, const char *unit)
{
    if (!isfinite(x))
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%.*f", unit_decimals(unit), x * unit_scale(unit));
}

/* "mean±half-width" without spaces, so that nine such columns fit in about 130 columns. */
static void format_mean_hw(char *buf, size_t n, const ss_estimate *e, const char *unit)
{
    format_number(buf, n, e->mean, unit);
    if (!isfinite(e->mean) || !isfinite(e->ci_low) || !isfinite(e->ci_high))
        return;
    size_t used = strlen(buf);
    char hw[48];
    format_number(hw, sizeof hw, (e->ci_high - e->ci_low) / 2.0, unit);
    snprintf(buf + used, n - used, "\u00b1%s", hw);
}

/* "[low, high]", or "-" when there is no interval (fewer than two replications). */
static void format_interval(char *buf, size_t n, const ss_estimate *e, const char *unit)
{
    if (!isfinite(e->ci_low) || !isfinite(e->ci_high)) {
        snprintf(buf, n, "-");
        return;
    }
    char lo[40], hi[40];
    format_number(lo, sizeof lo, e->ci_low, unit);
    format_number(hi, sizeof hi, e->ci_high, unit);
    snprintf(buf, n, "[%s, %s]", lo, hi);
}

/* ---- the service table ---------------------------------------------------------------------- */

enum col_kind { COL_ID, COL_NAME, COL_METRIC };

struct column {
    enum col_kind kind;
    ss_service_metric metric;
};

/* The metrics a planner looks at first, chosen to fit about 130 columns; JSON and CSV carry
 * all of them (and FTE, which caseload/FTE already reflects). */
static const struct column service_columns[] = {
    {COL_ID, 0},
    {COL_NAME, 0},
    {COL_METRIC, SS_SM_ARRIVALS},
    {COL_METRIC, SS_SM_ACCEPTED},
    {COL_METRIC, SS_SM_REJECTED},
    {COL_METRIC, SS_SM_WAIT_MEAN},
    {COL_METRIC, SS_SM_WAIT_P90},
    {COL_METRIC, SS_SM_OVER_TARGET_SHARE},
    {COL_METRIC, SS_SM_QUEUE_MEAN},
    {COL_METRIC, SS_SM_CASELOAD_PER_FTE},
    {COL_METRIC, SS_SM_UTILISATION},
};
/* A name is cut to NAME_MIN_WIDTH unless the output is wider (a terminal's width). */
enum { NCOLUMNS = sizeof service_columns / sizeof service_columns[0], NAME_MIN_WIDTH = 22 };

static const char *column_heading(const struct column *c, ss_lang lang)
{
    switch (c->kind) {
    case COL_ID: return "id";
    case COL_NAME: return ss_words(lang, "service");
    case COL_METRIC: break;
    }
    return ss_words(lang, ss_service_metric_info[c->metric].label);
}

static const char *service_name(const ss_run_info *info, int s)
{
    if (info->service_names && info->service_names[s])
        return info->service_names[s];
    return info->service_ids[s];
}

/* The text of one cell of service s. */
static void service_cell(char *buf, size_t n, const struct column *c, const ss_run_info *info,
                         const ss_summary *sum, int s)
{
    switch (c->kind) {
    case COL_ID:
        snprintf(buf, n, "%s", info->service_ids[s]);
        return;
    case COL_NAME:
        snprintf(buf, n, "%s", service_name(info, s));  /* the table cuts it to fit */
        return;
    case COL_METRIC:
        format_mean_hw(buf, n, &sum->service[(long)s * SS_SERVICE_METRICS + c->metric],
                       ss_service_metric_info[c->metric].unit);
        return;
    }
}

/* The heading, a rule, then one line per service in model order. */
static void print_services(FILE *f, const ss_run_info *info, const ss_summary *sum, const ss_output_opts *o)
{
    ss_table t;
    ss_table_init(&t, NCOLUMNS, NULL);
    t.heading = t.rule = true;
    t.lang = o->lang;
    ss_table_fit(&t, 1, NAME_MIN_WIDTH, o->width);
    int head = ss_table_add_row(&t);
    for (int c = 0; c < NCOLUMNS; c++) {
        t.right[c] = service_columns[c].kind == COL_METRIC;
        ss_table_set(&t, head, c, "%s", column_heading(&service_columns[c], o->lang));
    }
    char buf[512];
    for (int s = 0; s < sum->nservices; s++) {
        int r = ss_table_add_row(&t);
        for (int c = 0; c < NCOLUMNS; c++) {
            service_cell(buf, sizeof buf, &service_columns[c], info, sum, s);
            ss_table_set(&t, r, c, "%s", buf);
        }
    }
    ss_table_print(&t, f);
    ss_table_free(&t);
}

/* ---- the system block and the header -------------------------------------------------------- */

enum { SYS_LABEL, SYS_MEAN, SYS_INTERVAL, SYS_UNIT, SYS_COLS };

/* The unit after a system figure: none for a count, "%" for a share (shown as a percentage, as
 * the service table's "util %" is; "share" after 73.7 read as a fraction of 73.7). */
static const char *unit_word(const char *unit, ss_lang lang)
{
    if (strcmp(unit, "count") == 0) return "";
    if (strcmp(unit, "share") == 0) return "%";
    return ss_words(lang, unit);
}

/* Label, mean, interval and unit; a metric that is not part of this model (no meetings, no
 * coordination, ...) is left out, so it does not widen the columns either. */
static void print_system(FILE *f, const ss_summary *sum, ss_lang lang)
{
    ss_table t;
    ss_table_init(&t, 4, "lrll");
    t.indent = 2;
    t.lang = lang;
    char mean[96], interval[96];
    for (int m = 0; m < SS_SYSTEM_METRICS; m++) {
        if (sum->system[m].n == 0)
            continue;
        const ss_metric_info *mi = &ss_system_metric_info[m];
        format_number(mean, sizeof mean, sum->system[m].mean, mi->unit);
        format_interval(interval, sizeof interval, &sum->system[m], mi->unit);
        ss_table_row(&t, ss_words(lang, mi->label), mean, interval, unit_word(mi->unit, lang));
    }
    fprintf(f, "%s\n", ss_words(lang, "System"));
    ss_table_print(&t, f);
    ss_table_free(&t);
}

static const char *or_dash(const char *s) { return s && *s ? s : "-"; }

void ss_output_precision_line(char *buf, size_t n, const ss_precision *p)
{
    if (p->capped)
        snprintf(buf, n, "precision %g %%: NOT reached by the cap of %d replications (widest: %s \u00b1%.1f %%)",
                 100 * p->target, p->cap, p->decided, 100 * p->achieved);
    else if (p->achieved > 0)
        snprintf(buf, n, "precision %g %%: reached (widest key interval: %s \u00b1%.1f %%)", 100 * p->target,
                 p->decided, 100 * p->achieved);
    else
        snprintf(buf, n, "precision %g %%: reached (no key figure large enough to need more)", 100 * p->target);
}

/* With --precision: whether the key intervals reached it, and which one decided. */
static void print_precision(FILE *f, const ss_precision *p)
{
    if (!(p->target > 0))
        return;
    char line[256];
    ss_output_precision_line(line, sizeof line, p);
    fprintf(f, "Precision     %s\n", line + strlen("precision "));
}

static void print_header(FILE *f, const ss_run_info *info, const ss_summary *sum, ss_lang lang)
{
    fprintf(f, ss_words(lang, "Scenario      %s\n"), or_dash(info->scenario_name));
    fprintf(f, ss_words(lang, "File          %s\n"), or_dash(info->scenario_path));
    if (sum->nreps == info->replications)
        fprintf(f, ss_words(lang, "Replications  %d, seed %" PRIu64 "\n"), sum->nreps, info->seed);
    else  /* an interrupted run: say how much of it the figures rest on */
        fprintf(f, ss_words(lang, "Replications  %d of %d, seed %" PRIu64 "\n"), sum->nreps, info->replications,
                info->seed);
    print_precision(f, &info->precision);
    fprintf(f, ss_words(lang, "Period        from %s, %g days, of which %g days warm-up (not counted)\n"),
            or_dash(info->start_date), info->horizon_days, info->warmup_days);
    fputs(ss_words(lang, "Figures are means over replications; \u00b1 is half the width of the 95 % confidence "
                         "interval\n(on the log scale, or the logit scale for shares, so it stays within the figure's range;\n"
                         "JSON and CSV give its ends).\n\n"), f);
}

/* Queues still trending over the measured window (trend.h): the figures above then depend on
 * the warm-up and the horizon chosen. */
static void print_warnings(FILE *f, const ss_run_info *info, const ss_summary *sum, ss_lang lang)
{
    char w[512];
    bool any = false;
    ss_trend_note t;
    for (int s = 0; s < sum->nservices; s++)
        if (ss_trend_warning(sum, info, s, &t)) {
            ss_trend_sentence(w, sizeof w, &t, lang);
            fprintf(f, "%s%s\n", any ? "" : ss_words(lang, "Warning: no steady state\n"), w);
            any = true;
        }
    if (any)
        fputc('\n', f);
}

void ss_output_table_for(FILE *f, const ss_run_info *info, const ss_summary *sum, const ss_output_opts *o)
{
    assert(info->nservices == sum->nservices);
    print_header(f, info, sum, o->lang);
    print_warnings(f, info, sum, o->lang);
    print_services(f, info, sum, o);
    fputc('\n', f);
    print_system(f, sum, o->lang);
}

void ss_output_table(FILE *f, const ss_run_info *info, const ss_summary *sum)
{
    ss_output_table_for(f, info, sum, &(ss_output_opts){.lang = SS_LANG_EN});
}

/* ---- JSON ---------------------------------------------------------------------------------- */

/* A NULL value (out of memory, invalid UTF-8) makes the whole document fail: json_pack and
 * json_object_set_new both refuse it, and ss_json_done then drops what was built. */
static json_t *json_estimate(const ss_estimate *e)
{
    return json_pack("{s:o,s:o,s:o}", "mean", ss_json_number(e->mean), "ci_low", ss_json_number(e->ci_low),
                     "ci_high", ss_json_number(e->ci_high));
}

static json_t *json_service(const ss_run_info *info, const ss_summary *sum, int s)
{
    json_t *o = json_pack("{s:o,s:o}", "name", ss_json_text(service_name(info, s)), "fte",
                          ss_json_number(info->service_fte ? info->service_fte[s] : NAN));
    int err = !o;
    for (int m = 0; m < SS_SERVICE_METRICS; m++)
        err |= json_object_set_new(o, ss_service_metric_info[m].name,
                                   json_estimate(&sum->service[(long)s * SS_SERVICE_METRICS + m]));
    return ss_json_done(o, err);
}

static json_t *json_services(const ss_run_info *info, const ss_summary *sum)
{
    json_t *o = json_object();
    int err = !o;
    for (int s = 0; s < sum->nservices; s++)
        err |= json_object_set_new(o, info->service_ids[s], json_service(info, sum, s));
    return ss_json_done(o, err);
}

static json_t *json_system(const ss_summary *sum)
{
    json_t *o = json_object();
    int err = !o;
    for (int m = 0; m < SS_SYSTEM_METRICS; m++)
        err |= json_object_set_new(o, ss_system_metric_info[m].name, json_estimate(&sum->system[m]));
    return ss_json_done(o, err);
}

/* The overlays in order, and the overrides as {parameter, value} in order (a parameter may be set
 * twice, the last one counting), so the JSON says what the run was, not only its hashes. */
static json_t *json_inputs(const ss_run_info *info, json_t **sets)
{
    json_t *overlays = json_array();
    *sets = json_array();
    int err = !overlays || !*sets;
    for (int i = 0; !err && i < info->noverlays; i++)
        err |= json_array_append_new(overlays, ss_json_text(info->overlays[i]));
    for (int i = 0; !err && i < info->nsets; i++) {
        const char *eq = strchr(info->sets[i], '=');
        int len = eq ? (int)(eq - info->sets[i]) : (int)strlen(info->sets[i]);
        err |= json_array_append_new(*sets, json_pack("{s:s%,s:s}", "parameter", info->sets[i], (size_t)len,
                                                      "value", eq ? eq + 1 : ""));
    }
    if (err) {
        json_decref(*sets);
        *sets = NULL;
    }
    return ss_json_done(overlays, err);
}

/* Key order is the contract in output.h; started_at is left out so the bytes depend only on the
 * scenario and the seed.  The seed is a json integer (signed 64-bit in jansson): a seed above
 * 2^63 - 1 appears as its two's-complement value, as in the store. */
static json_t *json_document(const ss_run_info *info, const ss_summary *sum)
{
    json_t *sets, *overlays = json_inputs(info, &sets);
    json_t *scenario = json_pack("{s:o,s:o,s:o,s:o,s:o,s:o}", "name", ss_json_text(info->scenario_name), "path",
                                 ss_json_text(info->scenario_path), "hash", ss_json_text(info->scenario_hash),
                                 "rules_hash", ss_json_text(info->rules_hash), "overlays", overlays, "set", sets);
    return json_pack("{s:o,s:o,s:I,s:i,s:o,s:o,s:o,s:o,s:o}", "engine_version", ss_json_text(info->engine_version),
                     "scenario", scenario, "seed", (json_int_t)info->seed, "replications", sum->nreps,
                     "start_date", ss_json_text(info->start_date), "horizon_days", ss_json_number(info->horizon_days),
                     "warmup_days", ss_json_number(info->warmup_days), "services", json_services(info, sum),
                     "system", json_system(sum));
}

/* The trend warnings, [] when every queue is steady. */
static json_t *json_warnings(const ss_run_info *info, const ss_summary *sum)
{
    json_t *a = json_array();
    int err = !a;
    char w[512];
    ss_trend_note t;
    for (int s = 0; s < sum->nservices && !err; s++)
        if (ss_trend_warning(sum, info, s, &t)) {  /* JSON is read by programs: in English */
            ss_trend_sentence(w, sizeof w, &t, SS_LANG_EN);
            err |= json_array_append_new(a, ss_json_text(w));
        }
    return ss_json_done(a, err);
}

/* Only with --precision, so runs of a fixed size keep their bytes. */
static json_t *json_precision(const ss_precision *p)
{
    return json_pack("{s:o,s:i,s:b,s:o,s:o}", "target", ss_json_number(p->target), "cap", p->cap,
                     "reached", !p->capped, "widest", ss_json_number(p->achieved),
                     "decided_by", ss_json_text(p->decided));
}

int ss_output_json(FILE *f, const ss_run_info *info, const ss_summary *sum)
{
    assert(info->nservices == sum->nservices);
    json_t *doc = json_document(info, sum);
    if (doc && json_object_set_new(doc, "warnings", json_warnings(info, sum)) < 0) {
        json_decref(doc);
        doc = NULL;
    }
    if (doc && info->precision.target > 0 && json_object_set_new(doc, "precision", json_precision(&info->precision)) < 0) {
        json_decref(doc);
        doc = NULL;
    }
    return ss_json_write(f, doc);
}

/* ---- CSV ----------------------------------------------------------------------------------- */

/* One estimate, with the subject's name and the metric's unit beside the ids, so that a
 * spreadsheet or a plot can label it without a second file. */
static void csv_row(FILE *f, const char *scope, const char *subject, const char *name,
                    const ss_metric_info *mi, const ss_estimate *e)
{
    fprintf(f, "%s,", scope);
    ss_csv_text(f, subject);
    fputc(',', f);
    ss_csv_text(f, name);
    fputc(',', f);
    ss_csv_text(f, mi->name);
    fputc(',', f);
    ss_csv_text(f, mi->unit);
    ss_csv_number(f, e->mean);
    ss_csv_number(f, e->ci_low);
    ss_csv_number(f, e->ci_high);
    fprintf(f, ",%d\n", e->n);
}

int ss_output_csv(FILE *f, const ss_run_info *info, const ss_summary *sum)
{
    assert(info->nservices == sum->nservices);
    fputs("scope,subject,name,metric,unit,mean,ci_low,ci_high,n\n", f);
    for (int s = 0; s < sum->nservices; s++)
        for (int m = 0; m < SS_SERVICE_METRICS; m++)
            csv_row(f, "service", info->service_ids[s], service_name(info, s), &ss_service_metric_info[m],
                    &sum->service[(long)s * SS_SERVICE_METRICS + m]);
    for (int m = 0; m < SS_SYSTEM_METRICS; m++)
        csv_row(f, "system", "", "", &ss_system_metric_info[m], &sum->system[m]);
    return fflush(f) != 0 || ferror(f) ? -1 : 0;
}
