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

/* ---- aligned text -------------------------------------------------------------------------- */

/* Width on a terminal, counted in code points: "Lørenskog" is 9 columns but 10 bytes. */
static int text_width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* Copy at most max code points of src; a longer name ends in ".." so the table keeps its width. */
static void truncate_text(char *dst, size_t n, const char *src, int max)
{
    assert(max > 2);
    if (text_width(src) <= max) {
        snprintf(dst, n, "%s", src);
        return;
    }
    size_t i = 0;
    for (int cp = 0; src[i] && i + 4 < n; i++) {
        if (((unsigned char)src[i] & 0xC0) != 0x80 && ++cp > max - 2)
            break;
        dst[i] = src[i];
    }
    snprintf(dst + i, n - i, "..");
}

static void pad(FILE *f, int k)
{
    for (; k > 0; k--)
        fputc(' ', f);
}

static void print_cell(FILE *f, const char *s, int width, int right)
{
    int gap = width - text_width(s);
    if (right)
        pad(f, gap);
    fputs(s, f);
    if (!right)
        pad(f, gap);
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
enum { NCOLUMNS = sizeof service_columns / sizeof service_columns[0], NAME_MAX_WIDTH = 22 };

static const char *column_heading(const struct column *c)
{
    switch (c->kind) {
    case COL_ID: return "id";
    case COL_NAME: return "service";
    case COL_METRIC: break;
    }
    return ss_service_metric_info[c->metric].label;
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
        truncate_text(buf, n, service_name(info, s), NAME_MAX_WIDTH);
        return;
    case COL_METRIC:
        format_mean_hw(buf, n, &sum->service[(long)s * SS_SERVICE_METRICS + c->metric],
                       ss_service_metric_info[c->metric].unit);
        return;
    }
}

/* Pass one: the widest cell of each column, heading included. */
static void measure_columns(int *width, const ss_run_info *info, const ss_summary *sum)
{
    char buf[160];
    for (int c = 0; c < NCOLUMNS; c++) {
        width[c] = text_width(column_heading(&service_columns[c]));
        for (int s = 0; s < sum->nservices; s++) {
            service_cell(buf, sizeof buf, &service_columns[c], info, sum, s);
            int w = text_width(buf);
            width[c] = w > width[c] ? w : width[c];
        }
    }
}

static int right_aligned(const struct column *c) { return c->kind == COL_METRIC; }

static void print_service_heading(FILE *f, const int *width)
{
    for (int c = 0; c < NCOLUMNS; c++) {
        if (c)
            fputs("  ", f);
        print_cell(f, column_heading(&service_columns[c]), width[c], right_aligned(&service_columns[c]));
    }
    fputc('\n', f);
    for (int c = 0; c < NCOLUMNS; c++) {
        if (c)
            fputs("  ", f);
        for (int k = 0; k < width[c]; k++)
            fputc('-', f);
    }
    fputc('\n', f);
}

/* Pass two: the heading, a rule, then one line per service in model order. */
static void print_services(FILE *f, const ss_run_info *info, const ss_summary *sum)
{
    int width[NCOLUMNS];
    char buf[160];
    measure_columns(width, info, sum);
    print_service_heading(f, width);
    for (int s = 0; s < sum->nservices; s++) {
        for (int c = 0; c < NCOLUMNS; c++) {
            if (c)
                fputs("  ", f);
            service_cell(buf, sizeof buf, &service_columns[c], info, sum, s);
            print_cell(f, buf, width[c], right_aligned(&service_columns[c]));
        }
        fputc('\n', f);
    }
}

/* ---- the system block and the header -------------------------------------------------------- */

enum { SYS_LABEL, SYS_MEAN, SYS_INTERVAL, SYS_UNIT, SYS_COLS };

static void system_cells(char cell[SYS_COLS][96], const ss_estimate *e, const ss_metric_info *mi)
{
    snprintf(cell[SYS_LABEL], 96, "%s", mi->label);
    format_number(cell[SYS_MEAN], 96, e->mean, mi->unit);
    format_interval(cell[SYS_INTERVAL], 96, e, mi->unit);
    snprintf(cell[SYS_UNIT], 96, "%s", strcmp(mi->unit, "count") == 0 ? "" : mi->unit);
}

static void print_system(FILE *f, const ss_summary *sum)
{
    char cell[SS_SYSTEM_METRICS][SYS_COLS][96];
    int width[SYS_COLS] = {0};
    for (int m = 0; m < SS_SYSTEM_METRICS; m++) {
        system_cells(cell[m], &sum->system[m], &ss_system_metric_info[m]);
        if (sum->system[m].n == 0)
            continue;  /* not printed, so it does not widen the columns */
        for (int c = 0; c < SYS_COLS; c++) {
            int w = text_width(cell[m][c]);
            width[c] = w > width[c] ? w : width[c];
        }
    }
    fputs("System\n", f);
    for (int m = 0; m < SS_SYSTEM_METRICS; m++) {
        if (sum->system[m].n == 0)
            continue;  /* not part of this model (no meetings, no coordination, ...) */
        fputs("  ", f);
        print_cell(f, cell[m][SYS_LABEL], width[SYS_LABEL], 0);
        fputs("  ", f);
        print_cell(f, cell[m][SYS_MEAN], width[SYS_MEAN], 1);
        fputs("  ", f);
        if (cell[m][SYS_UNIT][0]) {
            print_cell(f, cell[m][SYS_INTERVAL], width[SYS_INTERVAL], 0);
            fprintf(f, "  %s", cell[m][SYS_UNIT]);
        } else {
            fputs(cell[m][SYS_INTERVAL], f);  /* no trailing blanks */
        }
        fputc('\n', f);
    }
}

static const char *or_dash(const char *s) { return s && *s ? s : "-"; }

static void print_header(FILE *f, const ss_run_info *info, const ss_summary *sum)
{
    fprintf(f, "Scenario      %s\n", or_dash(info->scenario_name));
    fprintf(f, "File          %s\n", or_dash(info->scenario_path));
    if (sum->nreps == info->replications)
        fprintf(f, "Replications  %d, seed %" PRIu64 "\n", sum->nreps, info->seed);
    else  /* an interrupted run: say how much of it the figures rest on */
        fprintf(f, "Replications  %d of %d, seed %" PRIu64 "\n", sum->nreps, info->replications,
                info->seed);
    fprintf(f, "Period        from %s, %g days, of which %g days warm-up (not counted)\n",
            or_dash(info->start_date), info->horizon_days, info->warmup_days);
    fputs("Figures are means over replications; \u00b1 is the half-width of the confidence "
          "interval.\n\n", f);
}

void ss_output_table(FILE *f, const ss_run_info *info, const ss_summary *sum)
{
    assert(info->nservices == sum->nservices);
    print_header(f, info, sum);
    print_services(f, info, sum);
    fputc('\n', f);
    print_system(f, sum);
}

/* ---- JSON ---------------------------------------------------------------------------------- */

/* JSON has no NaN or infinity: an undefined figure is null. */
static json_t *json_number(double x)
{
    return isfinite(x) ? json_real(x) : json_null();
}

static json_t *json_text(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* Adds value under key; a NULL value (out of memory, invalid UTF-8) makes the document fail. */
static int put(json_t *obj, const char *key, json_t *value)
{
    return value ? json_object_set_new(obj, key, value) : -1;
}

static json_t *json_estimate(const ss_estimate *e)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    int err = put(o, "mean", json_number(e->mean));
    err |= put(o, "ci_low", json_number(e->ci_low));
    err |= put(o, "ci_high", json_number(e->ci_high));
    if (err) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *json_service(const ss_run_info *info, const ss_summary *sum, int s)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    int err = put(o, "name", json_text(service_name(info, s)));
    err |= put(o, "fte", json_number(info->service_fte ? info->service_fte[s] : NAN));
    for (int m = 0; m < SS_SERVICE_METRICS; m++)
        err |= put(o, ss_service_metric_info[m].name,
                   json_estimate(&sum->service[(long)s * SS_SERVICE_METRICS + m]));
    if (err) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *json_services(const ss_run_info *info, const ss_summary *sum)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    int err = 0;
    for (int s = 0; s < sum->nservices; s++)
        err |= put(o, info->service_ids[s], json_service(info, sum, s));
    if (err) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *json_system(const ss_summary *sum)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    int err = 0;
    for (int m = 0; m < SS_SYSTEM_METRICS; m++)
        err |= put(o, ss_system_metric_info[m].name, json_estimate(&sum->system[m]));
    if (err) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *json_scenario(const ss_run_info *info)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    int err = put(o, "name", json_text(info->scenario_name));
    err |= put(o, "path", json_text(info->scenario_path));
    err |= put(o, "hash", json_text(info->scenario_hash));
    err |= put(o, "rules_hash", json_text(info->rules_hash));
    if (err) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* Key order is the contract in output.h; started_at is left out so the bytes depend only on the
 * scenario and the seed.  The seed is a json integer (signed 64-bit in jansson): a seed above
 * 2^63 - 1 appears as its two's-complement value, as in the store. */
static json_t *json_document(const ss_run_info *info, const ss_summary *sum)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    int err = put(o, "engine_version", json_text(info->engine_version));
    err |= put(o, "scenario", json_scenario(info));
    err |= put(o, "seed", json_integer((json_int_t)info->seed));
    err |= put(o, "replications", json_integer(sum->nreps));
    err |= put(o, "start_date", json_text(info->start_date));
    err |= put(o, "horizon_days", json_number(info->horizon_days));
    err |= put(o, "warmup_days", json_number(info->warmup_days));
    err |= put(o, "services", json_services(info, sum));
    err |= put(o, "system", json_system(sum));
    if (err) {
        json_decref(o);
        return NULL;
    }
    return o;
}

int ss_output_json(FILE *f, const ss_run_info *info, const ss_summary *sum)
{
    assert(info->nservices == sum->nservices);
    json_t *doc = json_document(info, sum);
    if (!doc)
        return -1;
    int rc = json_dumpf(doc, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
    json_decref(doc);
    if (rc != 0 || fputc('\n', f) == EOF || fflush(f) != 0 || ferror(f))
        return -1;
    return 0;
}

/* ---- CSV ----------------------------------------------------------------------------------- */

/* RFC 4180: a field with a comma, quote or line break is quoted, and quotes are doubled. */
static void csv_text(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* An undefined figure is an empty field, which spreadsheets and pandas read as missing. */
static void csv_number(FILE *f, double x)
{
    fputc(',', f);
    if (isfinite(x))
        fprintf(f, "%.10g", x);
}

static void csv_row(FILE *f, const char *scope, const char *subject, const char *metric,
                    const ss_estimate *e)
{
    fprintf(f, "%s,", scope);
    csv_text(f, subject);
    fputc(',', f);
    csv_text(f, metric);
    csv_number(f, e->mean);
    csv_number(f, e->ci_low);
    csv_number(f, e->ci_high);
    fprintf(f, ",%d\n", e->n);
}

int ss_output_csv(FILE *f, const ss_run_info *info, const ss_summary *sum)
{
    assert(info->nservices == sum->nservices);
    fputs("scope,subject,metric,mean,ci_low,ci_high,n\n", f);
    for (int s = 0; s < sum->nservices; s++)
        for (int m = 0; m < SS_SERVICE_METRICS; m++)
            csv_row(f, "service", info->service_ids[s], ss_service_metric_info[m].name,
                    &sum->service[(long)s * SS_SERVICE_METRICS + m]);
    for (int m = 0; m < SS_SYSTEM_METRICS; m++)
        csv_row(f, "system", "", ss_system_metric_info[m].name, &sum->system[m]);
    return fflush(f) != 0 || ferror(f) ? -1 : 0;
}
