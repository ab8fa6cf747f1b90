/* test_output: the metric tables, the summary across replications, and table/JSON/CSV output
 * of a small hand-built run. */
#include "testing.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "output.h"
#include "results.h"
#include "lang.h"
#include "table.h"

#define T975_2 4.3026527297494619

/* Two services in model order (not alphabetical, so key order is really insertion order). */
static const char *const ids[] = {"skolehelse", "lms"};
static const char *const names[] = {"Skolehelse Lørenskog", "Læringsmiljøsenteret ved Lørenskog skole"};
static const double fte[] = {12.5, 3.0};

static const char *const overlays[] = {"models/more-fph-staff.lua"};
static const char *const sets[] = {"services.fph.fte=18", "calendar.horizon_days=730"};

static ss_run_info make_info(void)
{
    return (ss_run_info){
        .engine_version = "0.1.0", .scenario_name = "Lørenskog baseline",
        .scenario_path = "scenarios/lorenskog/base.lua", .scenario_hash = "abc123",
        .rules_hash = "def456", .started_at = "2024-05-01T10:00:00Z", .seed = 42,
        .replications = 3, .horizon_days = 365, .warmup_days = 90, .sample_days = 7,
        .start_date = "2024-01-01", .nservices = 2, .service_ids = ids,
        .service_names = names, .service_fte = fte,
        .overlays = overlays, .noverlays = 1, .sets = sets, .nsets = 2,
    };
}

/* Three replications: service 0 has metric m = 10(m+1) + rep (mean 10(m+1) + 1, sd 1), shares
 * 0.5 + rep / 100;
 * service 1 has arrivals 5 in every replication, a wait in replication 1 only, nothing else;
 * system metric m = m + rep / 2. */
static void fill_rep(ss_rep_result *r, int rep)
{
    double *s0 = ss_rep_service(r, 0), *s1 = ss_rep_service(r, 1);
    for (int m = 0; m < SS_SERVICE_METRICS; m++)
        s0[m] = 10.0 * (m + 1) + rep;
    s0[SS_SM_OVER_TARGET_SHARE] = s0[SS_SM_UTILISATION] = 0.5 + rep / 100.0;
    s1[SS_SM_ARRIVALS] = 5;
    if (rep == 1)
        s1[SS_SM_WAIT_MEAN] = 4.5;
    for (int m = 0; m < SS_SYSTEM_METRICS; m++)
        r->system[m] = m + rep / 2.0;
}

static int setup_summary(void **state)
{
    ss_rep_result reps[3];
    ss_summary *sum = malloc(sizeof *sum);
    assert_non_null(sum);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(ss_rep_result_init(&reps[i], i, 2, 4), 0);
        fill_rep(&reps[i], i);
    }
    assert_int_equal(ss_summary_build(sum, reps, 3, 2, 0.95), 0);
    for (int i = 0; i < 3; i++)
        ss_rep_result_free(&reps[i]);
    *state = sum;
    return 0;
}

static int teardown_summary(void **state)
{
    ss_summary_free(*state);
    free(*state);
    return 0;
}

/* Captures what an output function writes.  The memstream's buffer lives on the heap rather
 * than in a local, which keeps gcc's -Wdangling-pointer from misreading open_memstream. */
typedef int (*writer)(FILE *, const ss_run_info *, const ss_summary *);

struct capture_buf {
    char *text;
    size_t len;
};

static char *capture(writer w, const ss_run_info *info, const ss_summary *sum)
{
    struct capture_buf *c = calloc(1, sizeof *c);
    assert_non_null(c);
    FILE *f = open_memstream(&c->text, &c->len);
    assert_non_null(f);
    int rc = w(f, info, sum);
    fclose(f);
    char *text = c->text;
    free(c);
    assert_int_equal(rc, 0);
    return text;
}

static int table_writer(FILE *f, const ss_run_info *info, const ss_summary *sum)
{
    ss_output_table(f, info, sum);
    return 0;
}

static int cp_width(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++)
        w += ((unsigned char)s[i] & 0xC0) != 0x80;
    return w;
}

/* ---- metric tables and results ------------------------------------------------------------- */

static void check_info_table(const ss_metric_info *t, int n)
{
    for (int i = 0; i < n; i++) {
        assert_non_null(t[i].name);
        assert_non_null(t[i].label);
        assert_non_null(t[i].unit);
        assert_non_null(t[i].doc);
        for (const char *p = t[i].name; *p; p++)
            assert_true(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_');
        for (int j = 0; j < i; j++)
            assert_string_not_equal(t[i].name, t[j].name);
    }
}

static void metric_tables_complete(void **state)
{
    check_info_table(ss_service_metric_info, SS_SERVICE_METRICS);
    check_info_table(ss_system_metric_info, SS_SYSTEM_METRICS);
    assert_string_equal(ss_service_metric_info[SS_SM_ARRIVALS].name, "arrivals");
    assert_string_equal(ss_service_metric_info[SS_SM_WAIT_P90].name, "wait_p90");
    assert_string_equal(ss_service_metric_info[SS_SM_UTILISATION].name, "utilisation");
    assert_string_equal(ss_system_metric_info[SS_YM_IN_SYSTEM_END].name, "in_system_end");
}

static void rep_result_starts_undefined(void **state)
{
    ss_rep_result r;
    assert_int_equal(ss_rep_result_init(&r, 7, 3, 5), 0);
    assert_int_equal(r.rep, 7);
    for (int s = 0; s < 3; s++)
        for (int m = 0; m < SS_SERVICE_METRICS; m++)
            assert_true(isnan(ss_rep_service(&r, s)[m]));
    for (int m = 0; m < SS_SYSTEM_METRICS; m++)
        assert_true(isnan(r.system[m]));
    for (int k = 0; k < 15; k++)
        assert_true(r.series_queue[k] == 0.0 && r.series_caseload[k] == 0.0);
    ss_rep_result_free(&r);
    ss_rep_result_free(&r);  /* idempotent */
    assert_int_equal(ss_rep_result_init(&r, 0, 0, 0), 0);  /* empty model still works */
    ss_rep_result_free(&r);
}

static void summary_estimates(void **state)
{
    const ss_summary *sum = *state;
    const ss_estimate *s0 = sum->service, *s1 = sum->service + SS_SERVICE_METRICS;
    assert_int_equal(sum->nreps, 3);
    assert_int_equal(s0[SS_SM_ARRIVALS].n, 3);
    assert_near(s0[SS_SM_ARRIVALS].mean, 11.0, 1e-12);
    /* counts cannot be negative: the interval is on the log scale (stats.h) */
    assert_near(s0[SS_SM_ARRIVALS].ci_high, 11.0 * exp(T975_2 / sqrt(3.0) / 11.0), 1e-9);
    assert_near(s0[SS_SM_WAIT_MAX].mean, 10.0 * (SS_SM_WAIT_MAX + 1) + 1, 1e-12);
    assert_near(s0[SS_SM_UTILISATION].mean, 0.51, 1e-12);
    assert_true(s1[SS_SM_ARRIVALS].ci_low == 5.0 && s1[SS_SM_ARRIVALS].ci_high == 5.0);
    assert_int_equal(s1[SS_SM_WAIT_MEAN].n, 1);
    assert_true(isnan(s1[SS_SM_WAIT_MEAN].ci_low));
    assert_int_equal(s1[SS_SM_QUEUE_MEAN].n, 0);
    assert_near(sum->system[SS_YM_EXITED].mean, 1.5, 1e-12);
}

/* ---- JSON ---------------------------------------------------------------------------------- */

static void assert_keys(json_t *obj, const char *const *keys, int n)
{
    void *it = json_object_iter(obj);
    for (int i = 0; i < n; i++, it = json_object_iter_next(obj, it)) {
        assert_non_null(it);
        assert_string_equal(json_object_iter_key(it), keys[i]);
    }
    assert_null(it);
}

static double estimate_field(json_t *svc, const char *metric, const char *field)
{
    json_t *v = json_object_get(json_object_get(svc, metric), field);
    assert_non_null(v);
    return json_is_null(v) ? NAN : json_real_value(v);
}

static void json_document_shape(void **state)
{
    ss_run_info info = make_info();
    char *text = capture(ss_output_json, &info, *state);
    json_error_t err;
    json_t *doc = json_loads(text, 0, &err);
    if (!doc)
        fail_msg("JSON does not parse: %s (line %d)", err.text, err.line);
    static const char *const top[] = {"engine_version", "scenario", "seed", "replications",
                                      "start_date", "horizon_days", "warmup_days", "services",
                                      "system", "warnings"};
    assert_keys(doc, top, 10);
    static const char *const scen[] = {"name", "path", "hash", "rules_hash", "overlays", "set"};
    json_t *sc = json_object_get(doc, "scenario");
    assert_keys(sc, scen, 6);
    assert_string_equal(json_string_value(json_array_get(json_object_get(sc, "overlays"), 0)),
                        "models/more-fph-staff.lua");
    json_t *set1 = json_array_get(json_object_get(sc, "set"), 1);
    assert_string_equal(json_string_value(json_object_get(set1, "parameter")), "calendar.horizon_days");
    assert_string_equal(json_string_value(json_object_get(set1, "value")), "730");
    assert_string_equal(json_string_value(json_object_get(json_object_get(doc, "scenario"), "name")),
                        "Lørenskog baseline");
    assert_int_equal(json_integer_value(json_object_get(doc, "seed")), 42);
    assert_null(json_object_get(doc, "started_at"));  /* nothing time-dependent */
    assert_keys(json_object_get(doc, "services"), ids, 2);

    json_t *svc = json_object_get(json_object_get(doc, "services"), "skolehelse");
    const char *keys[2 + SS_SERVICE_METRICS] = {"name", "fte"};
    for (int m = 0; m < SS_SERVICE_METRICS; m++)
        keys[2 + m] = ss_service_metric_info[m].name;
    assert_keys(svc, keys, 2 + SS_SERVICE_METRICS);
    static const char *const est[] = {"mean", "ci_low", "ci_high"};
    assert_keys(json_object_get(svc, "arrivals"), est, 3);
    assert_string_equal(json_string_value(json_object_get(svc, "name")), names[0]);
    assert_near(json_real_value(json_object_get(svc, "fte")), 12.5, 0.0);
    assert_near(estimate_field(svc, "arrivals", "mean"), 11.0, 0.0);
    assert_near(estimate_field(svc, "arrivals", "ci_low"), 11.0 / exp(T975_2 / sqrt(3.0) / 11.0), 1e-8);
    assert_non_null(strstr(text, "\"ci_low\": 8.776384825,"));  /* 10 significant digits */

    json_t *lms = json_object_get(json_object_get(doc, "services"), "lms");
    assert_near(estimate_field(lms, "wait_mean", "mean"), 4.5, 0.0);
    assert_true(json_is_null(json_object_get(json_object_get(lms, "wait_mean"), "ci_low")));
    assert_true(json_is_null(json_object_get(json_object_get(lms, "queue_mean"), "mean")));

    const char *sys[SS_SYSTEM_METRICS];
    for (int m = 0; m < SS_SYSTEM_METRICS; m++)
        sys[m] = ss_system_metric_info[m].name;
    assert_keys(json_object_get(doc, "system"), sys, SS_SYSTEM_METRICS);
    json_decref(doc);
    free(text);
}

/* Same summary, same bytes: the JSON can be compared with a golden file. */
static void json_is_byte_identical(void **state)
{
    ss_run_info info = make_info();
    char *a = capture(ss_output_json, &info, *state);
    info.started_at = "2030-01-01T00:00:00Z";
    info.command_line = "samsim run --other-flags";
    char *b = capture(ss_output_json, &info, *state);
    assert_string_equal(a, b);
    assert_true(strchr(a, '\n') && a[strlen(a) - 1] == '\n');
    free(a);
    free(b);
}

/* ---- CSV ----------------------------------------------------------------------------------- */

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static void csv_rows(void **state)
{
    ss_run_info info = make_info();
    char *text = capture(ss_output_csv, &info, *state);
    const char *head = "scope,subject,name,metric,unit,mean,ci_low,ci_high,n\n";
    assert_int_equal(strncmp(text, head, strlen(head)), 0);
    assert_int_equal(count_lines(text), 1 + 2 * SS_SERVICE_METRICS + SS_SYSTEM_METRICS);
    char row[160];
    snprintf(row, sizeof row, "\nservice,skolehelse,%s,arrivals,count,11,8.776384825,13.786998,3\n", names[0]);
    assert_contains(text, row);
    snprintf(row, sizeof row, "\nservice,lms,%s,wait_mean,days,4.5,,,1\n", names[1]);  /* NaN: empty */
    assert_contains(text, row);
    snprintf(row, sizeof row, "\nservice,lms,%s,queue_mean,cases,,,,0\n", names[1]);
    assert_contains(text, row);
    /* a count never has an interval below 0: too spread for the log scale, so cut at 0 */
    assert_contains(text, "\nsystem,,,persons,persons,0.5,0,1.742068856,3\n");
    assert_true(strstr(text, "service,skolehelse,") < strstr(text, "service,lms,"));
    assert_true(strstr(text, "service,lms,") < strstr(text, "system,,"));
    free(text);
}

static void csv_quotes_awkward_ids(void **state)
{
    static const char *const odd[] = {"a,\"b\"", "plain"};
    ss_run_info info = make_info();
    info.service_ids = odd;
    static const char *const odd_names[] = {"Skolen, \"den nye\"", "plain"};
    info.service_names = odd_names;
    char *text = capture(ss_output_csv, &info, *state);
    assert_contains(text, "\nservice,\"a,\"\"b\"\"\",\"Skolen, \"\"den nye\"\"\",arrivals,count,11,");
    assert_contains(text, "\nservice,plain,plain,arrivals,count,5,");
    free(text);
}

/* ---- table --------------------------------------------------------------------------------- */

/* The service block: from the heading line that starts with "id" to the next blank line. */
static void check_service_block(const char *text)
{
    const char *p = strstr(text, "\nid ");
    assert_non_null(p);
    p++;
    int width = -1, rows = 0, saw_multibyte = 0;
    while (*p && *p != '\n') {
        const char *end = strchr(p, '\n');
        assert_non_null(end);
        int w = cp_width(p, (size_t)(end - p));
        if (width < 0)
            width = w;
        assert_int_equal(w, width);  /* right-aligned last column: equal widths mean aligned */
        saw_multibyte |= w != (int)(end - p);
        assert_true(w <= 130);
        rows++;
        p = end + 1;
    }
    assert_int_equal(rows, 2 + 2);  /* heading, rule, two services */
    assert_true(saw_multibyte);
}

static void table_for_people(void **state)
{
    ss_run_info info = make_info();
    char *text = capture(table_writer, &info, *state);
    assert_contains(text, "Scenario      Lørenskog baseline\n");
    assert_contains(text, "scenarios/lorenskog/base.lua");
    assert_contains(text, "Replications  3, seed 42\n");
    assert_contains(text, "from 2024-01-01, 365 days, of which 90 days warm-up");
    assert_contains(text, "Skolehelse Lørenskog");
    assert_contains(text, "Læringsmiljøsenteret..");  /* long name cut on a code point */
    assert_contains(text, "skolehelse");
    assert_contains(text, " 11\u00b13 ");    /* arrivals: integer mean and half-width (of [8.8, 13.8]) */
    assert_contains(text, " 51.0\u00b12.5\n");  /* utilisation as a percentage */
    assert_contains(text, "4.5 ");         /* a mean without an interval */
    assert_contains(text, "\nSystem\n");
    for (int m = 0; m < SS_SYSTEM_METRICS; m++)
        assert_contains(text, ss_system_metric_info[m].label);
    assert_contains(text, "[1.5, 4.1]");  /* time in system: 2.5 days, x/ exp(1.24 / 2.5) on the log scale */
    check_service_block(text);
    free(text);
}

static void table_marks_missing_values(void **state)
{
    ss_run_info info = make_info();
    info.replications = 5;  /* an interrupted run: 3 of 5 */
    char *text = capture(table_writer, &info, *state);
    assert_contains(text, "Replications  3 of 5, seed 42\n");
    const char *row = strstr(text, "\nlms ");
    assert_non_null(row);
    const char *end = strchr(row + 1, '\n');
    int dashes = 0;
    for (const char *p = row; p < end; p++)
        dashes += p[0] == ' ' && p[1] == '-' && (p[2] == ' ' || p[2] == '\n');
    assert_true(dashes >= 5);  /* queue, caseload/FTE, utilisation, p90, over target ... */
    free(text);
}

/* A decimal column ('d') lines figures up by their decimal point whatever their unit: a share,
 * a count without decimals and a difference in percentage points, in English and Norwegian. */
static void table_aligns_decimal_points(void **state)
{
    (void)state;
    for (int lang = SS_LANG_EN; lang <= SS_LANG_NB; lang++) {
        ss_table t;
        ss_table_init(&t, 2, "ld");
        t.heading = t.heading_left = true;
        t.lang = (ss_lang)lang;
        ss_table_row(&t, "measure", "B - A");
        ss_table_row(&t, "wait", "+0.4");
        ss_table_row(&t, "hand-offs", "+101");
        ss_table_row(&t, "plan offered", "-12.7 pp");
        char *text = NULL;
        size_t size = 0;
        FILE *f = open_memstream(&text, &size);
        ss_table_print(&t, f);
        fclose(f);
        ss_table_free(&t);
        const char *want = lang == SS_LANG_EN ? "measure       B - A\n"
                                                "wait            +0.4\n"
                                                "hand-offs     +101\n"
                                                "plan offered   -12.7 pp\n"
                                              : "measure       B - A\n"
                                                "wait            +0,4\n"
                                                "hand-offs     +101\n"
                                                "plan offered   -12,7 pp\n";
        assert_string_equal(text, want);
        free(text);
    }
}

/* Norwegian writes a space before a percent sign (a no-break one, so a line never breaks inside
 * "84,9 %") and groups an amount's digits by threes; English glues the sign and groups with commas.
 * The space is added only where there is room, and never twice. */
static void percent_and_amounts_in_each_language(void **state)
{
    (void)state;
    char f[64] = "64.9% [54.7%, 73.9%], 3 [1.5, 2]";  /* a share's interval is parted like any other */
    ss_lang_figures(SS_LANG_NB, f);
    assert_string_equal(f, "64,9% [54,7%; 73,9%], 3 [1,5; 2]");
    char s[64] = "84,9% [82,6%; 86,9%], 95 %";
    ss_lang_percent(SS_LANG_NB, s, sizeof s);
    assert_string_equal(s, "84,9\u00a0% [82,6\u00a0%; 86,9\u00a0%], 95 %");
    char e[32] = "84.9% [82.6%, 86.9%]";
    ss_lang_percent(SS_LANG_EN, e, sizeof e);
    assert_string_equal(e, "84.9% [82.6%, 86.9%]");
    char tight[7] = "12.5%";  /* no room for two more bytes: left as it is, not cut */
    ss_lang_percent(SS_LANG_NB, tight, sizeof tight);
    assert_string_equal(tight, "12.5%");
    char a[32];
    ss_lang_amount(SS_LANG_EN, a, sizeof a, 1800000, true);
    assert_string_equal(a, "+1,800,000");
    ss_lang_amount(SS_LANG_NB, a, sizeof a, -6300000, true);
    assert_string_equal(a, "-6\u00a0300\u00a0000");
    ss_lang_amount(SS_LANG_NB, a, sizeof a, 900000, false);
    assert_string_equal(a, "900\u00a0000");
    ss_lang_amount(SS_LANG_EN, a, sizeof a, 999, true);
    assert_string_equal(a, "+999");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(metric_tables_complete),
        cmocka_unit_test(rep_result_starts_undefined),
        cmocka_unit_test_setup_teardown(summary_estimates, setup_summary, teardown_summary),
        cmocka_unit_test_setup_teardown(json_document_shape, setup_summary, teardown_summary),
        cmocka_unit_test_setup_teardown(json_is_byte_identical, setup_summary, teardown_summary),
        cmocka_unit_test_setup_teardown(csv_rows, setup_summary, teardown_summary),
        cmocka_unit_test_setup_teardown(csv_quotes_awkward_ids, setup_summary, teardown_summary),
        cmocka_unit_test_setup_teardown(table_for_people, setup_summary, teardown_summary),
        cmocka_unit_test_setup_teardown(table_marks_missing_values, setup_summary, teardown_summary),
        cmocka_unit_test(table_aligns_decimal_points),
        cmocka_unit_test(percent_and_amounts_in_each_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
