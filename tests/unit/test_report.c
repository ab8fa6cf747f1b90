/* test_report: the reviewer's report, built from a database alone.
 *
 * The group setup runs the default scenario and an option with two more FTE into a fresh
 * database (as `samsim compare --db` does), then moves to an empty folder: from there no
 * scenario, overlay or rule file can be opened, so a report that builds proves it needs only
 * the database.  The browser test renders the HTML in headless Chromium and checks that the
 * screenshot is not blank (and, as a control, that a blank page is judged blank). */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compare.h"
#include "comparisons.h"
#include "report.h"
#include "scenario.h"
#include "study.h"

#define REPS 4
#define SEED 7

typedef struct fixture {
    char root[1024];     /* the repository, where the test started */
    char dir[256];       /* empty temporary folder the tests run in */
    char db[512];
} fixture;

static void store_run(const char *db, const char *const *overlays, int noverlays, int64_t *run_id)
{
    ss_scenario_opts so = {.overlays = overlays, .noverlays = noverlays};
    ss_diag d;
    ss_scenario *sc = ss_scenario_load("scenarios/default.lua", &so, &d);
    if (!sc)
        fail_msg("%s", d.msg);
    ss_study st;
    ss_study_init(&st, sc, SEED, REPS, "samsim compare scenarios/default.lua +models/more-fph-staff.lua");
    ss_study_opts o = {.jobs = 2, .db = db};
    int interrupted, io_error;
    if (ss_study_run(&st, &o, &d, &interrupted, &io_error) < 0)
        fail_msg("%s", d.msg);
    *run_id = st.run_id;
    ss_study_fini(&st);
    ss_scenario_free(sc);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(getcwd(f->root, sizeof f->root));
    snprintf(f->dir, sizeof f->dir, "/tmp/samsim_test_report_XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->db, sizeof f->db, "%s/results.db", f->dir);
    static const char *const more_staff[] = {"scenarios/models/more-fph-staff.lua"};
    int64_t base, option;
    store_run(f->db, NULL, 0, &base);
    store_run(f->db, more_staff, 1, &option);
    const char *models[] = {"+models/more-fph-staff.lua"};
    int64_t cid;
    ss_diag d;
    if (ss_store_record_comparison(f->db, base, "scenarios/default.lua", &option, models, 1, "samsim compare ...", &cid, &d) < 0)
        fail_msg("%s", d.msg);
    assert_int_equal(chdir(f->dir), 0);  /* from here on, scenarios/ is out of reach */
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    if (!f)
        return 0;  /* the setup failed and said why */
    assert_int_equal(chdir(f->root), 0);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

/* The report in memory, as HTML (markdown false) or Markdown. */
static char *build_report(const fixture *f, ss_lang lang, const char *gnuplot, const char *runs, bool markdown,
                          int *charts, char *why, size_t why_n)
{
    ss_diag d;
    ss_results_db *db = ss_results_db_open(f->db, &d);
    if (!db)
        fail_msg("%s", d.msg);
    ss_run_choice c;
    if (ss_results_choose_runs(db, runs, &c, &d) < 0)
        fail_msg("%s", d.msg);
    ss_report_opts o = {.lang = lang, .command_line = "samsim report results.db", .gnuplot = gnuplot};
    ss_report *r = ss_report_build(db, &c, &o, &d);
    ss_results_db_close(db);
    if (!r)
        fail_msg("%s", d.msg);
    const char *w;
    if (charts)
        *charts = ss_report_charts(r, &w);
    if (why)
        snprintf(why, why_n, "%s", charts ? w : "");
    char *text = NULL;
    size_t n = 0;
    FILE *mem = open_memstream(&text, &n);
    assert_int_equal(markdown ? ss_report_write_markdown(r, mem) : ss_report_write_html(r, mem), 0);
    fclose(mem);
    ss_report_free(r);
    return text;
}

/* The text of the <section id="..."> element. */
static char *section(const char *html, const char *id)
{
    char open[128];
    snprintf(open, sizeof open, "<section id=\"%s\">", id);
    const char *start = strstr(html, open);
    if (!start)
        fail_msg("no section %s", id);
    const char *end = strstr(start, "</section>");
    assert_non_null(end);
    return strndup(start, end - start);
}

static void report_has_every_section_and_chart(void **state)
{
    fixture *f = *state;
    struct stat st;
    assert_int_not_equal(stat("scenarios/default.lua", &st), 0);  /* really out of reach */
    int charts;
    char why[512];
    char *html = build_report(f, SS_LANG_EN, NULL, NULL, false, &charts, why, sizeof why);
    static const char *const headings[] = {"id=\"question\"", "id=\"changes\"", "id=\"results\"", "id=\"charts\"",
                                           "id=\"assumptions\"", "id=\"reproducibility\""};
    for (size_t i = 0; i < sizeof headings / sizeof headings[0]; i++)
        assert_contains(html, headings[i]);
    static const char *const figures[] = {"fig-waits", "fig-queues", "fig-caseload", "fig-flows", "fig-compliance"};
    for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++) {
        char *s = section(html, figures[i]);
        if (!strstr(s, "<svg"))
            fail_msg("figure %s has no chart (%s)", figures[i], why);
        free(s);
    }
    assert_true(charts >= 5);
    assert_string_equal(why, "");
    /* what the option changes, in words and as a parameter */
    assert_contains(html, "Forebyggende psykisk helsetjeneste: staff (FTE)");
    assert_contains(html, "<code>services.fph.fte</code>");
    assert_contains(html, "the models differ in the staff serving the modelled population (the FTE of each service times its "
                          "share serving that population): B has 20.0 FTE and A has 18.0 FTE (+2.0 FTE)");
    assert_contains(html, "At 900,000 NOK per FTE a year (the cost of a full-time position in the scenarios), that is +1,800,000 NOK a year.");
    /* key results, folded per service under a line that counts them, with a pairing summary; the
     * register with a cited source; reproducibility */
    assert_contains(html, "<details class=\"print-open\"><summary>Key results per service: ");
    assert_contains(html, "Caseload per FTE");
    assert_contains(html, "Pairing narrowed the intervals");
    assert_contains(html, "seed-000 L335: 50-60 % of FPH resources go to system-level work");
    assert_contains(html, "option under review: two more FTE for the preventive service");
    assert_contains(html, "coordination");
    assert_contains(html, "samsim report results.db");
    /* self-contained: nothing fetched from elsewhere */
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "<link"));
    assert_null(strstr(html, "src="));
    assert_null(strstr(html, "href=\"http"));
    free(html);
}

static void markdown_version_has_the_sections(void **state)
{
    fixture *f = *state;
    char *md = build_report(f, SS_LANG_EN, NULL, NULL, true, NULL, NULL, 0);
    static const char *const headings[] = {"## 1. The question", "## 2. What each model changes", "## 3. Key results",
                                           "## 4. Charts", "## 5. Assumptions register", "## 6. Reproducibility"};
    for (size_t i = 0; i < sizeof headings / sizeof headings[0]; i++)
        assert_contains(md, headings[i]);
    assert_contains(md, "| Forebyggende psykisk helsetjeneste | Wait, mean (days) |");
    assert_contains(md, "| Forebyggende psykisk helsetjeneste | leaves |");  /* the flow table */
    assert_contains(md, "- `services.fph.fte` = 6 (assumption: option under review");
    free(md);
}

static void norwegian_labels(void **state)
{
    fixture *f = *state;
    char *html = build_report(f, SS_LANG_NB, NULL, NULL, false, NULL, NULL, 0);
    static const char *const words[] = {"<html lang=\"nb\">", "Sammenligning av organisasjonsmodeller", "Ventetid, snitt (dager)",
                                        "Kø, snitt (saker)", "Saker per årsverk", "Utnyttelse", "95 % konfidensintervall",
                                        "Antakelsesregister", "Reproduserbarhet", "bemanning (årsverk)", "Utenfor støyen"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        assert_contains(html, words[i]);
    assert_contains(html, "B har 20,0 årsverk og A har 18,0 årsverk (+2,0 årsverk)");  /* decimal comma */
    assert_null(strstr(html, "Key results"));
    free(html);
}

static void without_gnuplot_the_tables_remain(void **state)
{
    fixture *f = *state;
    int charts;
    char why[512];
    char *html = build_report(f, SS_LANG_EN, "/nonexistent/gnuplot", NULL, false, &charts, why, sizeof why);
    assert_int_equal(charts, 0);
    assert_string_equal(why, "/nonexistent/gnuplot could not be run (not found); install the Debian package gnuplot-nox");
    assert_contains(html, "Charts are missing: /nonexistent/gnuplot could not be run");
    assert_contains(html, "The tables hold every figure.");
    assert_contains(html, "Wait, mean (days)");
    assert_contains(html, "new concern");  /* the flow table */
    assert_null(strstr(html, "<svg"));
    free(html);
}

/* ---- pieces ------------------------------------------------------------------------------------- */

static void scenario_diff_lists_changed_parameters(void **state)
{
    (void)state;
    const char *a = "return { a = 1, b = { c = cite(2, \"x\"), d = { 1, 2 } }, e = \"s\", g = 1.5 }";
    const char *b = "return { a = 1, b = { c = cite(3, \"y\"), d = { 1, 2, 3 } }, f = true, g = assume(1.5, \"same\") }";
    ss_scenario_change *c;
    int n;
    ss_diag d;
    assert_int_equal(ss_scenario_diff(a, b, &c, &n, &d), 0);
    assert_int_equal(n, 4);
    const char *want[4][3] = {{"b.c", "2", "3"}, {"b.d", "{ 1, 2 }", "{ 1, 2, 3 }"}, {"e", "\"s\"", ""}, {"f", "", "true"}};
    for (int i = 0; i < n; i++) {
        assert_string_equal(c[i].path, want[i][0]);
        assert_string_equal(c[i].old_value, want[i][1]);
        assert_string_equal(c[i].new_value, want[i][2]);
    }
    ss_scenario_changes_free(c, n);
    assert_int_equal(ss_scenario_diff(a, a, &c, &n, &d), 0);
    assert_int_equal(n, 0);
    ss_scenario_changes_free(c, n);
}

static void register_lists_sources_and_gaps(void **state)
{
    (void)state;
    const char *text = "return { s = { fte = cite(4, \"seed-000 L333\"), share = assume(0.5, \"a guess\"), order = 2 },"
                       " season = assume({ 1.0, 0.5 }, \"school year\") }";
    ss_register_entry *e;
    int n;
    ss_diag d;
    assert_int_equal(ss_scenario_register(text, &e, &n, &d), 0);
    assert_int_equal(n, 4);
    const char *want[4][4] = {{"s.fte", "4", "source", "seed-000 L333"}, {"s.order", "2", "missing", ""},
                              {"s.share", "0.5", "assumption", "a guess"}, {"season", "{ 1.0, 0.5 }", "assumption", "school year"}};
    for (int i = 0; i < n; i++) {
        assert_string_equal(e[i].path, want[i][0]);
        assert_string_equal(e[i].value, want[i][1]);
        assert_string_equal(e[i].kind, want[i][2]);
        assert_string_equal(e[i].text, want[i][3]);
    }
    ss_register_free(e, n);
}

/* A stored text is data, read in the sandbox: no os, no endless loops. */
static void stored_text_runs_in_the_sandbox(void **state)
{
    (void)state;
    ss_register_entry *e;
    int n;
    ss_diag d;
    assert_int_equal(ss_scenario_register("os.execute('touch /tmp/x') return {}", &e, &n, &d), -1);
    assert_contains(d.msg, "undeclared global 'os'");
    assert_int_equal(ss_scenario_register("while true do end", &e, &n, &d), -1);
    assert_contains(d.msg, "instruction limit exceeded");
    assert_int_equal(ss_scenario_register("return 42", &e, &n, &d), -1);
    assert_contains(d.msg, "the stored scenario does not return a table");
}

static void bad_inputs_are_named(void **state)
{
    fixture *f = *state;
    ss_diag d;
    assert_null(ss_results_db_open("missing.db", &d));
    assert_string_equal(d.msg, "missing.db: no such file (expected a results database from 'samsim run --db' or 'samsim compare --db')");
    FILE *junk = fopen("junk.db", "w");
    fputs("not a database, just text that is long enough to have a header of sorts\n", junk);
    fclose(junk);
    assert_null(ss_results_db_open("junk.db", &d));
    assert_string_equal(d.msg, "junk.db: not a samsim results database (file is not a database)");
    ss_results_db *db = ss_results_db_open(f->db, &d);
    assert_non_null(db);
    ss_stored_run run;
    assert_int_equal(ss_stored_run_load(db, 9, 0, &run, &d), -1);
    char want[700];
    snprintf(want, sizeof want, "%s: no run 9 (runs here: 1, 2)", f->db);
    assert_string_equal(d.msg, want);
    ss_run_choice c;
    assert_int_equal(ss_results_choose_runs(db, "1,x", &c, &d), -1);
    assert_string_equal(d.msg, "--runs: expected run numbers separated by commas, e.g. --runs 1,2, got '1,x'");
    assert_int_equal(ss_results_choose_runs(db, "2,2", &c, &d), -1);
    assert_string_equal(d.msg, "--runs: run 2 is listed twice");
    ss_results_db_close(db);
}

/* The latest comparison decides the runs, base first; --runs overrides it. */
static void runs_are_chosen_from_the_comparison(void **state)
{
    fixture *f = *state;
    ss_diag d;
    ss_results_db *db = ss_results_db_open(f->db, &d);
    ss_run_choice c;
    assert_int_equal(ss_results_choose_runs(db, NULL, &c, &d), 0);
    assert_int_equal(c.n, 2);
    assert_int_equal(c.run_ids[0], 1);
    assert_int_equal(c.run_ids[1], 2);
    assert_string_equal(c.models[1], "+models/more-fph-staff.lua");
    assert_int_equal(ss_results_choose_runs(db, "2,1", &c, &d), 0);
    assert_int_equal(c.n, 2);
    assert_int_equal(c.run_ids[0], 2);
    ss_results_db_close(db);
}

/* What the store gives back is what the runs produced: the paired difference recomputed from the
 * stored metrics has the sign and the staffing of the live comparison. */
static void stored_runs_read_back(void **state)
{
    fixture *f = *state;
    ss_diag d;
    ss_results_db *db = ss_results_db_open(f->db, &d);
    ss_stored_run a, b;
    assert_int_equal(ss_stored_run_load(db, 1, SS_LOAD_ALL, &a, &d), 0);
    assert_int_equal(ss_stored_run_load(db, 2, SS_LOAD_ALL, &b, &d), 0);
    assert_int_equal(a.nreps, REPS);
    assert_int_equal(a.seed, SEED);
    assert_int_equal(a.nservices, 5);
    assert_string_equal(a.ids[1], "fph");
    assert_near(ss_stored_run_fte(&b) - ss_stored_run_fte(&a), 2.0, 1e-12);
    assert_true(a.reps[0].nsamples > 10);
    double hist = 0.0;
    for (int k = 0; k < SS_WAIT_BINS; k++)
        hist += a.reps[0].wait_hist[SS_WAIT_BINS + k];  /* fph */
    assert_near(hist, ss_rep_service(&a.reps[0], 1)[SS_SM_ADMITTED], 1e-9);
    ss_comparison c;
    ss_study sa, sb;
    ss_compare_view_stored(&sa, &a);
    ss_compare_view_stored(&sb, &b);
    assert_int_equal(ss_compare(&sa, &sb, 0.95, &c, &d), 0);
    assert_true(c.nrows > 0);
    ss_comparison_free(&c);
    ss_stored_run_free(&a);
    ss_stored_run_free(&b);
    ss_results_db_close(db);
}

/* ---- the browser ---------------------------------------------------------------------------------- */

static int run_script(const fixture *f, const char *cmd)
{
    char line[2048];
    snprintf(line, sizeof line, "cd '%s' && %s", f->root, cmd);
    int rc = system(line);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

static void report_renders_in_a_browser(void **state)
{
    fixture *f = *state;
    char *html = build_report(f, SS_LANG_EN, NULL, NULL, false, NULL, NULL, 0);
    char page[600], blank[600], cmd[2048];
    snprintf(page, sizeof page, "%s/report.html", f->dir);
    snprintf(blank, sizeof blank, "%s/blank.html", f->dir);
    FILE *out = fopen(page, "w");
    fputs(html, out);
    fclose(out);
    free(html);
    out = fopen(blank, "w");
    fputs("<!DOCTYPE html><html><body></body></html>\n", out);
    fclose(out);
    snprintf(cmd, sizeof cmd, "tests/report/screenshot.sh '%s' '%s/report.png'", page, f->dir);
    int rc = run_script(f, cmd);
    if (rc == 3)
        skip();  /* no chromium on this machine: said so on stderr */
    assert_int_equal(rc, 0);
    snprintf(cmd, sizeof cmd, "python3 tests/report/png_check.py '%s/report.png'", f->dir);
    assert_int_equal(run_script(f, cmd), 0);
    /* the control: an empty page must be judged blank, or the check above proves nothing */
    snprintf(cmd, sizeof cmd, "tests/report/screenshot.sh '%s' '%s/blank.png' && python3 tests/report/png_check.py '%s/blank.png'",
             blank, f->dir, f->dir);
    assert_int_equal(run_script(f, cmd), 1);
}

/* Printing to PDF from a browser gives the committee's document: A4 pages (the print stylesheet's
 * @page; Chromium's default is Letter), more than one, the summary on the first alone, no table
 * cut off at the paper's edge, and the key results printed though folded on screen.  The controls: a page without the stylesheet, and an A4 page
 * with a table wider than the paper, must each fail the same check. */
static void report_prints_to_a4_pages(void **state)
{
    fixture *f = *state;
    char *html = build_report(f, SS_LANG_EN, NULL, NULL, false, NULL, NULL, 0);
    char page[600], blank[600], cmd[2048];
    snprintf(page, sizeof page, "%s/print.html", f->dir);
    snprintf(blank, sizeof blank, "%s/plain.html", f->dir);
    FILE *out = fopen(page, "w");
    fputs(html, out);
    fclose(out);
    free(html);
    out = fopen(blank, "w");
    fputs("<!DOCTYPE html><html><body><p>A page without a print stylesheet.</p></body></html>\n", out);
    fclose(out);
    snprintf(cmd, sizeof cmd, "tests/report/print_pdf.sh '%s' '%s/report.pdf'", page, f->dir);
    int rc = run_script(f, cmd);
    if (rc == 3)
        skip();  /* no chromium on this machine: said so on stderr */
    assert_int_equal(rc, 0);
    snprintf(cmd, sizeof cmd, "python3 tests/report/pdf_check.py '%s/report.pdf' 2 --summary-one-page", f->dir);
    assert_int_equal(run_script(f, cmd), 0);
    /* the key results, folded on screen, are printed (a paper cannot be unfolded) */
    snprintf(cmd, sizeof cmd, "pdftotext '%s/report.pdf' - | grep -q 'Wait, p90'", f->dir);
    assert_int_equal(run_script(f, cmd), 0);
    snprintf(cmd, sizeof cmd, "tests/report/print_pdf.sh '%s' '%s/plain.pdf' && python3 tests/report/pdf_check.py '%s/plain.pdf' 1",
             blank, f->dir, f->dir);
    assert_int_equal(run_script(f, cmd), 1);
    snprintf(page, sizeof page, "%s/wide.html", f->dir);
    out = fopen(page, "w");
    fputs("<!DOCTYPE html><html><head><style>@page{size:A4;margin:16mm 14mm}</style></head><body>"
          "<p>A table too wide for the paper:</p><table><tr>", out);
    for (int i = 0; i < 40; i++) fprintf(out, "<td style=\"white-space:nowrap\">column %d</td>", i);
    fputs("</tr></table></body></html>\n", out);
    fclose(out);
    snprintf(cmd, sizeof cmd, "tests/report/print_pdf.sh '%s' '%s/wide.pdf' && python3 tests/report/pdf_check.py '%s/wide.pdf' 1",
             page, f->dir, f->dir);
    assert_int_equal(run_script(f, cmd), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(report_has_every_section_and_chart),
        cmocka_unit_test(markdown_version_has_the_sections),
        cmocka_unit_test(norwegian_labels),
        cmocka_unit_test(without_gnuplot_the_tables_remain),
        cmocka_unit_test(scenario_diff_lists_changed_parameters),
        cmocka_unit_test(register_lists_sources_and_gaps),
        cmocka_unit_test(stored_text_runs_in_the_sandbox),
        cmocka_unit_test(bad_inputs_are_named),
        cmocka_unit_test(runs_are_chosen_from_the_comparison),
        cmocka_unit_test(stored_runs_read_back),
        cmocka_unit_test(report_renders_in_a_browser),
        cmocka_unit_test(report_prints_to_a4_pages),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
