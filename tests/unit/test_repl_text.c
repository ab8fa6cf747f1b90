/* test_repl_text: the REPL's pure text helpers — splitting commands with offsets for carets,
 * "did you mean", numbers for people, aligned tables, history filtering, relative paths. */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>

#include "parse.h"
#include "repl.h"

static void split_keeps_offsets_and_drops_quotes(void **state)
{
    repl_args a;
    ss_diag d;
    const char *line = "set  services.fph.name \"Ny tjeneste\"";
    assert_int_equal(repl_args_split(&a, line, &d), 0);
    assert_int_equal(a.argc, 3);
    assert_string_equal(a.argv[0], "set");
    assert_string_equal(a.argv[2], "Ny tjeneste");
    assert_int_equal(a.off[1], 5);
    assert_int_equal(a.len[1], 17);
    assert_int_equal(a.off[2], 23);
    assert_int_equal(a.len[2], 13);  /* quotes included: the caret covers what was typed */
    repl_args_free(&a);
}

static void split_refuses_an_open_quote(void **state)
{
    repl_args a;
    ss_diag d;
    assert_int_equal(repl_args_split(&a, "load 'x.lua", &d), -1);
    assert_string_equal(d.msg, "the quote ' is not closed");
}

static void rest_is_the_raw_text_after_an_argument(void **state)
{
    repl_args a;
    ss_diag d;
    char rest[64];
    assert_int_equal(repl_args_split(&a, "set services.fph.eligibility.ages {0, 18}  ", &d), 0);
    repl_args_rest(&a, 2, rest, sizeof rest);
    assert_string_equal(rest, "{0, 18}");
    repl_args_rest(&a, 5, rest, sizeof rest);
    assert_string_equal(rest, "");
    repl_args_free(&a);
}

static void edit_distance_counts_a_swap_as_one(void **state)
{
    assert_int_equal(ss_edit_distance("fhp", "fph"), 1);
    assert_int_equal(ss_edit_distance("services", "servces"), 1);
    assert_int_equal(ss_edit_distance("", "abc"), 3);
    assert_int_equal(ss_edit_distance("kitten", "sitting"), 3);
}

static void closest_suggests_only_near_words_and_is_stable(void **state)
{
    const char *ids[] = {"rph", "fph", "hs"};
    assert_string_equal(repl_closest("fhp", ids, 3), "fph");
    assert_null(repl_closest("barnevern", ids, 3));
    const char *tie[] = {"ab", "aa"};  /* both one edit from "ac": the first in order wins */
    assert_string_equal(repl_closest("ac", tie, 2), "aa");
}

static void near_names_lists_what_a_short_id_stands_for(void **state)
{
    const char *ids[] = {"hs", "fph_barn", "fph_voksen", "rph"};
    char out[128];
    assert_int_equal(ss_near_names("fph", ids, 4, out, sizeof out), 2);
    assert_string_equal(out, "fph_barn, fph_voksen");
    assert_int_equal(ss_near_names("rhp", ids, 4, out, sizeof out), 1);  /* no id holds it: the closest */
    assert_string_equal(out, "rph");
    assert_int_equal(ss_near_names("barnevern", ids, 4, out, sizeof out), 0);
    assert_string_equal(out, "");
}

static void a_decimal_comma_is_read_where_unambiguous(void **state)
{
    char out[32];
    bool ambiguous;
    assert_true(ss_parse_decimal_comma("10,5", out, sizeof out, &ambiguous));
    assert_string_equal(out, "10.5");
    assert_true(ss_parse_decimal_comma("-0,25", out, sizeof out, &ambiguous));
    assert_string_equal(out, "-0.25");
    assert_false(ss_parse_decimal_comma("1,250", out, sizeof out, &ambiguous));  /* 1250 in English */
    assert_true(ambiguous);
    const char *not_one[] = {"10", "10.5", "", ",5", "10,", "10,5,1", "10, 5", "{0,18}", "a,b"};
    for (size_t i = 0; i < sizeof not_one / sizeof *not_one; i++) {
        assert_false(ss_parse_decimal_comma(not_one[i], out, sizeof out, &ambiguous));
        assert_false(ambiguous);
    }
}

static void numbers_read_as_people_expect(void **state)
{
    char s[64];
    repl_fmt_number(s, sizeof s, 0.207, "share");
    assert_string_equal(s, "20.7 %");
    repl_fmt_number(s, sizeof s, 487.6, "persons");
    assert_string_equal(s, "488");
    repl_fmt_number(s, sizeof s, 0.18, "hand-offs per person");
    assert_string_equal(s, "0.18");
    repl_fmt_number(s, sizeof s, -0.01, "days");
    assert_string_equal(s, "0.0");  /* never "-0.0" */
    repl_fmt_number(s, sizeof s, NAN, "days");
    assert_string_equal(s, "-");
}

static void estimates_carry_their_interval(void **state)
{
    char s[64];
    ss_estimate e = {22.02, 14.96, 29.09, 3, 20};
    repl_fmt_estimate(s, sizeof s, &e, "days");
    assert_string_equal(s, "22.0 [15.0, 29.1]");
    ss_estimate share = {0.207, 0.115, 0.299, 0, 20};
    repl_fmt_estimate(s, sizeof s, &share, "share");
    assert_string_equal(s, "20.7 % [11.5, 29.9]");
    ss_estimate one = {5, NAN, NAN, 0, 1};
    repl_fmt_estimate(s, sizeof s, &one, "days");
    assert_string_equal(s, "5.0");
    ss_estimate near_zero = {0.002, -0.0004, 0.0044, 0, 10};  /* a share whose interval reaches below 0 */
    repl_fmt_estimate(s, sizeof s, &near_zero, "share");
    assert_string_equal(s, "0.2 % [0.0, 0.4]");  /* never "-0.0" */
    ss_estimate wait = {0.01, -0.02, 0.04, 0, 10};
    repl_fmt_estimate(s, sizeof s, &wait, "days");
    assert_string_equal(s, "0.0 [0.0, 0.0]");
}

static void tables_align_by_columns_not_bytes(void **state)
{
    ss_table t;
    ss_table_init(&t, 3, "lrl");
    ss_table_row(&t, "id", "n", "");
    ss_table_row(&t, "Lørenskog", "12", "x");
    char *out;
    size_t len;
    FILE *f = open_memstream(&out, &len);
    t.indent = 1;
    ss_table_print(&t, f);
    fclose(f);
    assert_string_equal(out, " id          n\n Lørenskog  12  x\n");  /* no trailing blanks */
    free(out);
    ss_table_free(&t);
}

static void text_is_cut_by_code_points(void **state)
{
    char s[64];
    ss_text_cut(s, sizeof s, "Forebyggende", 6);
    assert_string_equal(s, "Fore..");
    ss_text_cut(s, sizeof s, "Lørenskog", 9);
    assert_string_equal(s, "Lørenskog");
    assert_int_equal(ss_text_width("Lørenskog"), 9);
}

static void history_skips_blank_and_repeated_input(void **state)
{
    assert_false(repl_history_wanted("   ", NULL));
    assert_false(repl_history_wanted("run", "run"));
    assert_true(repl_history_wanted("run", "show"));
    assert_true(repl_history_wanted("run", NULL));
}

static void history_joins_multi_line_lua_when_safe(void **state)
{
    char *e = repl_history_entry("for i = 1, 3 do\nprint(i)\nend");
    assert_string_equal(e, "for i = 1, 3 do print(i) end");
    free(e);
    e = repl_history_entry("x = 1 -- note\ny = 2");  /* joining would comment out y */
    assert_string_equal(e, "x = 1 -- note\ny = 2");
    free(e);
}

static void history_path_follows_the_environment(void **state)
{
    setenv("SAMSIM_HISTORY", "", 1);
    assert_null(repl_history_path());
    setenv("SAMSIM_HISTORY", "/tmp/h", 1);
    char *p = repl_history_path();
    assert_string_equal(p, "/tmp/h");
    free(p);
    unsetenv("SAMSIM_HISTORY");
    setenv("HOME", "/home/planner", 1);
    p = repl_history_path();
    assert_string_equal(p, "/home/planner/.samsim_history");
    free(p);
}

static void relative_paths_for_extends(void **state)
{
    char s[256];
    repl_relative_path("/work/main/tmp", "/work/main/scenarios/default.lua", s, sizeof s);
    assert_string_equal(s, "../scenarios/default.lua");
    repl_relative_path("/work/main", "/work/main/scenarios/default.lua", s, sizeof s);
    assert_string_equal(s, "scenarios/default.lua");
    repl_relative_path("/work/main/scen", "/work/main/scenarios/x.lua", s, sizeof s);
    assert_string_equal(s, "../scenarios/x.lua");
    repl_relative_path("/tmp", "/work/main/scenarios/x.lua", s, sizeof s);
    assert_string_equal(s, "/work/main/scenarios/x.lua");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(split_keeps_offsets_and_drops_quotes),
        cmocka_unit_test(split_refuses_an_open_quote),
        cmocka_unit_test(rest_is_the_raw_text_after_an_argument),
        cmocka_unit_test(edit_distance_counts_a_swap_as_one),
        cmocka_unit_test(closest_suggests_only_near_words_and_is_stable),
        cmocka_unit_test(near_names_lists_what_a_short_id_stands_for),
        cmocka_unit_test(a_decimal_comma_is_read_where_unambiguous),
        cmocka_unit_test(numbers_read_as_people_expect),
        cmocka_unit_test(estimates_carry_their_interval),
        cmocka_unit_test(tables_align_by_columns_not_bytes),
        cmocka_unit_test(text_is_cut_by_code_points),
        cmocka_unit_test(history_skips_blank_and_repeated_input),
        cmocka_unit_test(history_joins_multi_line_lua_when_safe),
        cmocka_unit_test(history_path_follows_the_environment),
        cmocka_unit_test(relative_paths_for_extends),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
