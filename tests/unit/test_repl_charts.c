/* test_repl_charts: terminal bars, sparklines and histograms, drawn into memory. */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>

#include "charts.h"

/* Run draw into a memory stream and return what it wrote (caller frees). */
#define CAPTURE(out, draw)                                          \
    do {                                                            \
        size_t len_;                                                \
        FILE *f = open_memstream(&(out), &len_);                    \
        draw;                                                       \
        fclose(f);                                                  \
    } while (0)

static void bars_scale_to_the_largest(void **state)
{
    const char *labels[] = {"hs", "fph"};
    const double values[] = {2, 4};
    const char *notes[] = {"2 days", "4 days"};
    char *out;
    CAPTURE(out, ss_chart_bars(f, labels, values, notes, 2, 4));
    /* fph fills 4 columns, hs 2; notes line up one column after the widest bar */
    assert_string_equal(out, "hs   ██   2 days\nfph  ████ 4 days\n");
    free(out);
}

static void bars_use_eighths_and_show_missing_values(void **state)
{
    const char *labels[] = {"a", "b", "c"};
    const double values[] = {8, 1, NAN};
    char *out;
    CAPTURE(out, ss_chart_bars(f, labels, values, NULL, 3, 1));
    /* 1/8 of one column is the thinnest block; NaN draws nothing and says "-" */
    assert_string_equal(out, "a  █\nb  ▏\nc    -\n");
    free(out);
}

static void bars_keep_a_tiny_value_visible(void **state)
{
    const char *labels[] = {"a", "b"};
    const double values[] = {1000, 0.001};
    char *out;
    CAPTURE(out, ss_chart_bars(f, labels, values, NULL, 2, 2));
    assert_string_equal(out, "a  ██\nb  ▏\n");
    free(out);
}

static void sparkline_spans_eight_levels(void **state)
{
    const double v[] = {0, 1, 2, 3, 4, 5, 6, 7};
    char out[128];
    assert_int_equal(ss_chart_sparkline(out, sizeof out, v, 8, 20), 8);
    assert_string_equal(out, "▁▂▃▄▅▆▇█");
}

static void sparkline_of_a_flat_series_is_low(void **state)
{
    const double v[] = {3, 3, 3};
    char out[64];
    assert_int_equal(ss_chart_sparkline(out, sizeof out, v, 3, 10), 3);
    assert_string_equal(out, "▁▁▁");
}

static void sparkline_averages_down_to_the_width(void **state)
{
    const double v[] = {0, 0, 10, 10};  /* two columns: mean 0, mean 10 */
    char out[64];
    assert_int_equal(ss_chart_sparkline(out, sizeof out, v, 4, 2), 2);
    assert_string_equal(out, "▁█");
}

static void sparkline_leaves_gaps_for_missing_values(void **state)
{
    const double v[] = {0, NAN, 7};
    char out[64];
    ss_chart_sparkline(out, sizeof out, v, 3, 3);
    assert_string_equal(out, "▁ █");
}

static void sparkline_stops_at_the_buffer(void **state)
{
    double v[100];
    for (int i = 0; i < 100; i++) v[i] = i;
    char out[10];  /* room for two 3-byte columns and the NUL */
    ss_chart_sparkline(out, sizeof out, v, 100, 100);
    assert_int_equal(strlen(out), 6);
}

static void histogram_labels_bins_and_trims_the_tail(void **state)
{
    const double counts[] = {3, 1, 0, 0, 0};
    char *out;
    CAPTURE(out, ss_chart_histogram(f, counts, 5, 2, "wk", 3));
    assert_string_equal(out, "0-2 wk  ███ 3.0  (75 %)\n2-4 wk  █   1.0  (25 %)\n");
    free(out);
}

static void histogram_names_the_open_last_bin(void **state)
{
    const double counts[] = {1, 0, 1};
    char *out;
    CAPTURE(out, ss_chart_histogram(f, counts, 3, 2, "wk", 1));
    assert_contains(out, "4+ wk");
    free(out);
}

static void histogram_without_waits_says_so(void **state)
{
    const double counts[] = {0, 0};
    char *out;
    CAPTURE(out, ss_chart_histogram(f, counts, 2, 2, "wk", 10));
    assert_string_equal(out, "(no waits to show)\n");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bars_scale_to_the_largest),
        cmocka_unit_test(bars_use_eighths_and_show_missing_values),
        cmocka_unit_test(bars_keep_a_tiny_value_visible),
        cmocka_unit_test(sparkline_spans_eight_levels),
        cmocka_unit_test(sparkline_of_a_flat_series_is_low),
        cmocka_unit_test(sparkline_averages_down_to_the_width),
        cmocka_unit_test(sparkline_leaves_gaps_for_missing_values),
        cmocka_unit_test(sparkline_stops_at_the_buffer),
        cmocka_unit_test(histogram_labels_bins_and_trims_the_tail),
        cmocka_unit_test(histogram_names_the_open_last_bin),
        cmocka_unit_test(histogram_without_waits_says_so),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
