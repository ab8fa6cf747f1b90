/* cmd_report: `samsim report DB` — the reviewer's report, as one self-contained HTML file and as
 * Markdown, built from the results database alone (report.h). */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "study.h"

#define CMD "report"

typedef struct report_args {
    const char *db, *out, *markdown, *runs;
    ss_lang lang;
    bool help;
} report_args;

static int parse_lang(const char *v, ss_lang *lang)
{
    if (strcmp(v, "en") == 0) *lang = SS_LANG_EN;
    else if (strcmp(v, "nb") == 0) *lang = SS_LANG_NB;
    else return ss_cli_usage_error(CMD, "--lang: expected en or nb, got '%s'", v);
    return 0;
}

enum { OPT_OUT = 256, OPT_MARKDOWN, OPT_RUNS, OPT_LANG };

static int take_option(int c, const char *v, report_args *a)
{
    switch (c) {
    case 'h': a->help = true; return 0;
    case OPT_OUT: a->out = v; return 0;
    case OPT_MARKDOWN: a->markdown = v; return 0;
    case OPT_RUNS: a->runs = v; return 0;
    case OPT_LANG: return parse_lang(v, &a->lang);
    }
    if (a->db)   /* c == 1: a positional */
        return ss_cli_usage_error(CMD, "unexpected argument '%s'", v);
    a->db = v;
    return 0;
}

static int parse_args(int argc, char **argv, report_args *a)
{
    static const struct option lo[] = {
        {"help", no_argument, NULL, 'h'},       {"out", required_argument, NULL, OPT_OUT},
        {"markdown", required_argument, NULL, OPT_MARKDOWN}, {"runs", required_argument, NULL, OPT_RUNS},
        {"lang", required_argument, NULL, OPT_LANG}, {0},
    };
    int code = 0, c;
    char name[64];
    optind = 0;
    while (!code && (c = ss_cli_getopt(argc, argv, "h", lo, name, sizeof name)) != -1) {
        if (c == ':') code = ss_cli_usage_error(CMD, "%s needs a value", name);
        else if (c == '?') code = ss_cli_usage_error(CMD, "unknown option '%s'", name);
        else code = take_option(c, optarg, a);
    }
    for (int i = optind; !code && i < argc; i++)   /* after "--" */
        code = take_option(1, argv[i], a);
    if (!code && !a->help && !a->db)
        code = ss_cli_usage_error(CMD, "which database? e.g. samsim report results.db");
    return code;
}

/* The Markdown file beside the HTML one: report.html -> report.md. */
static void markdown_beside(const char *html, char *out, size_t n)
{
    const char *dot = strrchr(html, '.'), *slash = strrchr(html, '/');
    int stem = dot && (!slash || dot > slash) ? (int)(dot - html) : (int)strlen(html);
    snprintf(out, n, "%.*s.md", stem, html);
}

typedef int (*writer)(const ss_report *, FILE *);

static int write_to(const char *path, writer w, const ss_report *r)
{
    bool to_stdout = strcmp(path, "-") == 0;
    FILE *f = to_stdout ? stdout : fopen(path, "w");
    if (!f) {
        fprintf(stderr, "samsim %s: cannot write %s: %s\n", CMD, path, strerror(errno));
        return SS_EXIT_IO;
    }
    int rc = w(r, f);
    if (!to_stdout && fclose(f) != 0)
        rc = -1;
    if (rc < 0) {
        fprintf(stderr, "samsim %s: cannot write %s\n", CMD, path);
        return SS_EXIT_IO;
    }
    return 0;
}

static ss_report *build(const report_args *a, const char *command_line, int *code)
{
    ss_diag d;
    ss_run_choice choice;
    ss_results_db *db = ss_results_db_open(a->db, &d);
    ss_report *r = NULL;
    if (db && ss_results_choose_runs(db, a->runs, &choice, &d) == 0) {
        ss_report_opts o = {.lang = a->lang, .command_line = command_line, .gnuplot = getenv("SAMSIM_GNUPLOT")};
        r = ss_report_build(db, &choice, &o, &d);
    }
    ss_results_db_close(db);
    if (!r) {
        fprintf(stderr, "samsim %s: %s\n", CMD, d.msg);
        *code = SS_EXIT_USAGE;
    }
    return r;
}

static int cmd_report(int argc, char **argv, ss_stop_flag *interrupt)
{
    (void)interrupt;
    report_args a = {.out = "report.html", .lang = SS_LANG_EN};
    int code = parse_args(argc, argv, &a);
    if (code || a.help)
        return code ? code : ss_cli_help(CMD);
    char command_line[4096], md[1024];
    ss_command_line("samsim", argc, argv, command_line, sizeof command_line);
    if (!a.markdown) {
        markdown_beside(a.out, md, sizeof md);
        a.markdown = strcmp(a.out, "-") == 0 ? NULL : md;
    }
    ss_report *r = build(&a, command_line, &code);
    if (!r)
        return code;
    const char *why;
    int charts = ss_report_charts(r, &why);
    if (*why)
        fprintf(stderr, "samsim %s: warning: %s: %s; the tables hold every figure\n", CMD, charts ? "some charts are missing" : "no charts", why);
    code = write_to(a.out, ss_report_write_html, r);
    if (!code && a.markdown)
        code = write_to(a.markdown, ss_report_write_markdown, r);
    if (!code && strcmp(a.out, "-") != 0 && (!a.markdown || strcmp(a.markdown, "-") != 0))
        printf("wrote %s (%d chart%s)%s%s\n", a.out, charts, charts == 1 ? "" : "s", a.markdown ? " and " : "",
               a.markdown ? a.markdown : "");
    ss_report_free(r);
    return code;
}

const ss_command ss_cmd_report = {
    "report", "samsim report DB [--out report.html] [--markdown FILE] [--lang en|nb] [--runs 1,2,...]",
    "Build a reviewer's report from a results database, without running anything again: one\n"
    "self-contained HTML file (charts inline as SVG, drawn by gnuplot; opens offline) and a\n"
    "Markdown version.  Sections: the question and the models compared, what each model changes\n"
    "(the difference between the stored scenarios), key results with intervals and paired\n"
    "differences, charts (waiting times, queues, caseload per FTE, flows, compliance), the\n"
    "assumptions register and what is needed to reproduce the figures.\n"
    "  --out FILE       the HTML file (default report.html; '-' for standard output)\n"
    "  --markdown FILE  the Markdown file (default: beside the HTML, ending in .md)\n"
    "  --lang en|nb     English (default) or Norwegian labels\n"
    "  --runs 1,2,...   the runs to report, the first as the base (default: the latest\n"
    "                   comparison in DB, else every complete run)\n"
    "Without gnuplot the report says so and still gives every table.  SAMSIM_GNUPLOT names the\n"
    "gnuplot program to run, if not the one on PATH.",
    cmd_report};
