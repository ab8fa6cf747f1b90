/* cmd_compare: `samsim compare BASE OPTION [OPTION ...]` — run organisational models with common
 * random numbers and print, per key result, each model's estimate, the paired difference
 * against the base, and how much the pairing narrowed the interval.
 *
 * A model is a scenario file, a scenario with overlays ("BASE+models/x.lua", or "+models/x.lua"
 * for the base plus overlays), or a run already in a database ("db:FILE#RUN_ID"). */
#include "cli.h"

#include <inttypes.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compare.h"
#include "compare_robust.h"
#include "model_spec.h"
#include "comparisons.h"
#include "output.h"
#include "table.h"
#include "report.h"
#include "robust_text.h"
#include "scenario.h"
#include "study.h"
#include "verdict_text.h"
#include "xalloc.h"

#define CMD "compare"
#define MAX_MODELS 26      /* lettered A .. Z */
#define SEED_UNSET UINT64_MAX

typedef enum { OUT_TABLE, OUT_JSON, OUT_CSV, OUT_MARKDOWN } out_format;

typedef struct model {
    char letter[4];
    char spec[1024];                 /* as written on the command line */
    bool stored;                     /* db:FILE#RUN_ID */
    char db[1024];
    int64_t run_id;
    ss_model_spec where;             /* a scenario model's file and overlays */
    ss_scenario *sc;
    ss_study study;                  /* a scenario model's run */
    ss_stored_run stored_run;        /* a stored model's run */
    ss_study stored_view;            /* ... as ss_compare reads it */
    const ss_study *st;              /* the one ss_compare reads */
    ss_model_about about;            /* its name, description and effect assumptions */
    bool about_read;
} model;

typedef struct compare_cmd {
    ss_cli_opts o;
    out_format format;
    int nmodels;
    model *models;
    ss_comparison *cmp;              /* [nmodels - 1]: option i+1 against the base */
    ss_verdict *verdicts;            /* [nmodels - 1]: the key measures judged */
    char command_line[4096];
    char warnings[MAX_MODELS][600];  /* per option; "" when the staffing is the same */
    ss_robust_args robust;           /* --robust, --samples, --ensemble, --shard */
    ss_robust_result *robust_results;   /* [nmodels - 1] with --robust */
    char (*robust_lines)[4096];      /* [nmodels - 1]: the verdicts' robustness lines */
    bool waiting;                    /* a shard whose other shards' samples are elsewhere */
    ss_precision precision;          /* how the first model run chose the replications (target 0: fixed) */
} compare_cmd;

/* Without --reps or a stored model, compare reaches this precision on the first model it runs
 * (the base, unless stored) and runs the others with as many replications, since pairs need the
 * same number.  The budget is a number of replications, not seconds, so the same command gives
 * the same figures on any machine: 40 replications of a municipal scenario take a few seconds. */
#define COMPARE_DEFAULT_PRECISION 0.05
#define COMPARE_DEFAULT_CAP 40

/* ---- model specifications ------------------------------------------------------------------- */

/* "db:results.db#2" */
static int parse_stored(model *m)
{
    const char *body = m->spec + 3, *hash = strrchr(body, '#');
    long id;
    if (!hash || hash == body || !ss_parse_count(hash + 1, 1, INT32_MAX, &id))
        return ss_cli_usage_error(CMD, "%s '%s': expected db:FILE#RUN_ID, e.g. db:results.db#2", m->letter, m->spec);
    snprintf(m->db, sizeof m->db, "%.*s", (int)(hash - body), body);
    m->run_id = id;
    m->stored = true;
    return 0;
}

static int parse_models(compare_cmd *c)
{
    c->nmodels = c->o.npositional;
    c->models = xcalloc(c->nmodels, sizeof *c->models);
    for (int i = 0; i < c->nmodels; i++) {
        model *m = &c->models[i];
        snprintf(m->letter, sizeof m->letter, "%c", 'A' + i);
        snprintf(m->spec, sizeof m->spec, "%s", c->o.positional[i]);
        const model *base = i && !c->models[0].stored ? &c->models[0] : NULL;
        if (c->robust.robust && strncmp(m->spec, "db:", 3) == 0)
            return ss_cli_usage_error(CMD, "--robust runs the models at each sample of their assumptions, so it needs "
                                           "their scenarios, not a stored run: %s '%s'", m->letter, m->spec);
        int code = strncmp(m->spec, "db:", 3) == 0 ? parse_stored(m)
                   : ss_model_spec_parse(CMD, m->letter, m->spec, base ? &base->where : NULL, &m->where);
        if (code)
            return code;
    }
    return 0;
}

/* ---- stored models ---------------------------------------------------------------------------- */

static bool same_file(const char *a, const char *b)
{
    char ra[PATH_MAX], rb[PATH_MAX];
    if (!realpath(a, ra) || !realpath(b, rb))
        return strcmp(a, b) == 0;
    return strcmp(ra, rb) == 0;
}

static int load_stored(compare_cmd *c, model *m)
{
    if (c->o.db && !same_file(m->db, c->o.db)) {
        fprintf(stderr, "samsim %s: %s '%s' is stored in %s, but --db is %s: a comparison can only refer to runs in its own database\n",
                CMD, m->letter, m->spec, m->db, c->o.db);
        return SS_EXIT_USAGE;
    }
    ss_diag d;
    ss_results_db *db = ss_results_db_open(m->db, &d);
    int rc = db ? ss_stored_run_load(db, m->run_id, 0, &m->stored_run, &d) : -1;
    ss_results_db_close(db);
    if (rc < 0) {
        fprintf(stderr, "samsim %s: %s\n", CMD, d.msg);
        return SS_EXIT_USAGE;
    }
    ss_compare_view_stored(&m->stored_view, &m->stored_run);
    m->st = &m->stored_view;
    return 0;
}

/* The seed and replications: given, else those of the first stored model, else 1 and 10.  A
 * stored run made otherwise cannot be paired, and saying so before running anything saves time. */
static int settle_seed_and_reps(compare_cmd *c)
{
    const ss_stored_run *first = NULL;
    for (int i = 0; i < c->nmodels && !first; i++)
        if (c->models[i].stored)
            first = &c->models[i].stored_run;
    if (c->o.seed == SEED_UNSET) c->o.seed = first ? first->seed : 1;
    if (!first && !c->o.reps_given && !(c->o.precision > 0)) {
        c->o.precision = COMPARE_DEFAULT_PRECISION;
        c->o.reps = COMPARE_DEFAULT_CAP;
        c->o.reps_given = true;  /* as the cap */
    }
    if (first && c->o.precision > 0) {
        fprintf(stderr, "samsim %s: --precision cannot add replications to a stored run: the comparison uses its %d\n", CMD, first->nreps);
        c->o.precision = 0;
    }
    if (c->o.reps == 0) c->o.reps = first ? first->nreps : 10;
    for (int i = 0; i < c->nmodels; i++) {
        const model *m = &c->models[i];
        if (!m->stored || (m->stored_run.seed == c->o.seed && m->stored_run.nreps == c->o.reps))
            continue;
        fprintf(stderr, "samsim %s: cannot pair %s '%s' with the others: it was run with seed %" PRIu64 " and %d replications, "
                        "the comparison uses seed %" PRIu64 " and %d (common random numbers need the same seed and replications)\n",
                CMD, m->letter, m->spec, m->stored_run.seed, m->stored_run.nreps, c->o.seed, c->o.reps);
        return SS_EXIT_USAGE;
    }
    return 0;
}

/* ---- running the scenario models -------------------------------------------------------------- */

static int load_scenario(model *m)
{
    ss_scenario_opts so = {.overlays = m->where.overlays, .noverlays = m->where.noverlays};
    ss_diag d;
    m->sc = ss_scenario_load(m->where.file, &so, &d);
    if (!m->sc) {
        fprintf(stderr, "samsim %s: %s '%s': %s\n", CMD, m->letter, m->spec, d.msg);
        return SS_EXIT_MODEL;
    }
    return 0;
}

static int run_model(compare_cmd *c, model *m, int i, ss_stop_flag *interrupt)
{
    bool progress = !c->o.quiet && isatty(2);
    if (progress)
        fprintf(stderr, "\r\033[Kmodel %s (%d of %d): %s\n", m->letter, i + 1, c->nmodels, m->spec);
    ss_study_opts so = {.jobs = c->o.jobs, .interrupt = interrupt, .db = c->o.db,
                        .progress = progress && c->o.reps > 1 ? ss_cli_progress : NULL};
    ss_study_init(&m->study, m->sc, c->o.seed, ss_cli_precision(&c->o, &so), c->command_line);
    ss_study_inputs(&m->study, &(ss_scenario_opts){.overlays = m->where.overlays, .noverlays = m->where.noverlays});
    ss_diag d;
    int interrupted, io_error;
    if (ss_study_run(&m->study, &so, &d, &interrupted, &io_error) < 0) {
        fprintf(stderr, "%s\n", d.msg);
        return interrupted ? SS_EXIT_INTERRUPTED : io_error ? SS_EXIT_IO : SS_EXIT_MODEL;
    }
    m->st = &m->study;
    if (c->o.precision > 0) {  /* the first run decided: the others take as many */
        c->precision = m->study.info.precision;
        c->o.reps = m->study.nreps;
        c->o.precision = 0;
    }
    return 0;
}

/* All scenarios are loaded before any runs, so a typo in the last one costs no waiting. */
static int run_models(compare_cmd *c, ss_stop_flag *interrupt)
{
    for (int i = 0; i < c->nmodels; i++) {
        int code = c->models[i].stored ? load_stored(c, &c->models[i]) : 0;
        if (code)
            return code;
    }
    int code = settle_seed_and_reps(c);
    for (int i = 0; i < c->nmodels && !code; i++)
        if (!c->models[i].stored)
            code = load_scenario(&c->models[i]);
    for (int i = 0; i < c->nmodels && !code; i++)
        if (!c->models[i].stored)
            code = run_model(c, &c->models[i], i, interrupt);
    return code;
}

/* ---- comparing --------------------------------------------------------------------------------- */

static double model_fte(const model *m, int s)
{
    return m->st->info.service_fte ? m->st->info.service_fte[s] : NAN;
}

/* "fph 4.0 -> 6.0, hs 8.0 -> 6.0" for the services whose staffing differs. */
static void fte_changes(const model *a, const model *b, char *out, size_t n)
{
    out[0] = '\0';
    for (int s = 0; s < a->st->info.nservices; s++) {
        const char *id = a->st->info.service_ids[s];
        double fa = model_fte(a, s), fb = 0.0;
        for (int t = 0; t < b->st->info.nservices; t++)
            if (strcmp(b->st->info.service_ids[t], id) == 0)
                fb = model_fte(b, t);
        if (!isfinite(fa)) fa = 0.0;
        if (!isfinite(fb)) fb = 0.0;
        if (fabs(fa - fb) > 1e-9) {
            size_t l = strlen(out);
            snprintf(out + l, n - l, "%s%s %.1f -> %.1f", l ? ", " : "", id, fa, fb);
        }
    }
}

static void staffing_warning(compare_cmd *c, int opt)
{
    const ss_comparison *cmp = &c->cmp[opt];
    const model *a = &c->models[0], *b = &c->models[opt + 1];
    char *w = c->warnings[opt];
    w[0] = '\0';
    if (fabs(cmp->fte_option - cmp->fte_base) < 1e-9)
        return;
    char detail[400];
    fte_changes(a, b, detail, sizeof detail);
    char cost[200];
    if (cmp->nok_per_fte_base > 0 && cmp->nok_per_fte_option > 0)
        snprintf(cost, sizeof cost, "a yearly cost difference of %+.0f NOK (%.0f NOK per FTE)",
                 cmp->fte_option * cmp->nok_per_fte_option - cmp->fte_base * cmp->nok_per_fte_base, cmp->nok_per_fte_option);
    else
        snprintf(cost, sizeof cost, "the scenarios give no cost per FTE (costs.nok_per_fte), so the difference is in FTE only");
    snprintf(w, sizeof c->warnings[opt], "the models differ in total FTE serving the modelled population (fte x staff_share): %s has %.1f and %s (base) %.1f (%+.1f FTE%s%s); %s",
             b->letter, cmp->fte_option, a->letter, cmp->fte_base, cmp->fte_option - cmp->fte_base, *detail ? ": " : "", detail, cost);
}

/* The name, description and effect assumptions of each model, from its resolved text (a stored
 * run keeps it); a text that cannot be read leaves the model unnamed, and says why. */
static void read_about(model *m)
{
    const char *text = m->st->info.resolved_text;
    ss_diag d;
    if (!text) return;
    if (ss_model_about_read(text, m->spec, &m->about, &d) == 0) m->about_read = true;
    else fprintf(stderr, "samsim %s: warning: %s '%s': its scenario text cannot be read for the verdict: %s\n", CMD, m->letter, m->spec, d.msg);
}

static void judge_all(compare_cmd *c)
{
    for (int i = 0; i < c->nmodels; i++)
        read_about(&c->models[i]);
    c->verdicts = xcalloc(c->nmodels - 1, sizeof *c->verdicts);
    const model *a = &c->models[0];
    for (int i = 1; i < c->nmodels; i++) {
        const model *b = &c->models[i];
        ss_verdict_build(&c->cmp[i - 1], a->about_read ? &a->about : NULL, b->about_read ? &b->about : NULL, &c->verdicts[i - 1]);
    }
}

static int compare_all(compare_cmd *c)
{
    c->cmp = xcalloc(c->nmodels - 1, sizeof *c->cmp);
    for (int i = 1; i < c->nmodels; i++) {
        ss_diag d;
        if (ss_compare(c->models[0].st, c->models[i].st, 0.95, &c->cmp[i - 1], &d) < 0) {
            fprintf(stderr, "samsim %s: %s '%s' and %s '%s': %s\n", CMD, c->models[0].letter, c->models[0].spec,
                    c->models[i].letter, c->models[i].spec, d.msg);
            return SS_EXIT_USAGE;
        }
        staffing_warning(c, i - 1);
        if (*c->warnings[i - 1])
            fprintf(stderr, "samsim %s: warning: %s\n", CMD, c->warnings[i - 1]);
    }
    judge_all(c);
    return 0;
}

/* ---- robustness ---------------------------------------------------------------------------------- */

/* --robust: each option against the base over the plausible assumptions; the verdicts say how
 * often they hold. */
static int run_robust(compare_cmd *c, ss_stop_flag *interrupt)
{
    c->robust_results = xcalloc(c->nmodels - 1, sizeof *c->robust_results);
    c->robust_lines = xcalloc(c->nmodels - 1, sizeof *c->robust_lines);
    for (int i = 1; i < c->nmodels; i++) {
        const ss_model_spec *a = &c->models[0].where, *b = &c->models[i].where;
        ss_robust_run_args ra = {.a = &c->robust, .base = {a->file, a->overlays, a->noverlays, c->o.sets, c->o.nsets},
                                 .option = {b->file, b->overlays, b->noverlays, c->o.sets, c->o.nsets},
                                 .base_spec = c->models[0].spec, .option_spec = c->models[i].spec,
                                 .option_letter = c->models[i].letter,
                                 .reps = c->o.reps, .seed = c->o.seed, .jobs = c->o.jobs, .db = c->o.db,
                                 .command_line = c->command_line, .progress = !c->o.quiet && isatty(2),
                                 .quiet = c->o.quiet, .interrupt = interrupt};
        ss_robust_result *r = &c->robust_results[i - 1];
        int code = ss_compare_robust_run(CMD, &ra, r);
        if (code) return code;
        c->waiting |= r->waiting;
        if (r->waiting) continue;
        ss_verdict *v = &c->verdicts[i - 1];
        v->robust = r;
        ss_robust_verdict_line(c->robust_lines[i - 1], sizeof c->robust_lines[i - 1], v, r, SS_LANG_EN);
        v->robustness = c->robust_lines[i - 1];
    }
    return 0;
}

/* A shard that has stored its samples; the others' are in other files. */
static int shard_done(const compare_cmd *c)
{
    printf("%s: shard %d/%d stored its samples of the robust comparison; the other shards' samples are not in this file.\n"
           "Merge the shards' files (samsim merge ALL.db SHARD.db...), then run the same command without --shard and\n"
           "with --db ALL.db: it reads the stored samples and prints the comparison.\n", c->o.db, c->robust.shard,
           c->robust.nshards);
    return fflush(stdout) == 0 ? SS_EXIT_OK : SS_EXIT_IO;
}

/* ---- the table for people ----------------------------------------------------------------------- */

enum { NCOLS = 8, CELL = 96 };

static void format_narrowing(char *buf, size_t n, const ss_compare_row *row)
{
    double q = ss_compare_narrowing(row);
    if (isfinite(q)) snprintf(buf, n, "%.2f", q);
    else snprintf(buf, n, "-");
}

static void fill_row_cells(char cells[NCOLS][CELL], const ss_compare_row *row)
{
    const ss_metric_info *mi = ss_compare_row_info(row);
    snprintf(cells[0], CELL, "%s", *row->subject ? row->subject : "all");
    snprintf(cells[1], CELL, "%s", ss_metric_label(row->scope, row->metric, SS_LANG_EN));
    ss_compare_format_estimate(cells[2], CELL, &row->base, mi->unit, false);
    ss_compare_format_estimate(cells[3], CELL, &row->option, mi->unit, false);
    ss_compare_format_estimate(cells[4], CELL, &row->diff, mi->unit, true);
    ss_compare_format_relative(cells[5], CELL, row->relative);
    snprintf(cells[6], CELL, "%s", !isfinite(row->diff.ci_low) ? "-" : row->distinguishable ? "yes" : "no");
    format_narrowing(cells[7], CELL, row);
}

static void pairing_summary(const ss_comparison *cmp, char *buf, size_t n)
{
    int k;
    double med = ss_comparison_median_narrowing(cmp, &k);
    if (k == 0)
        snprintf(buf, n, "Pairing: no result has an interval to narrow.");
    else
        snprintf(buf, n, "Pairing: paired intervals are a median %.2f of the unpaired widths (%d results): common random numbers narrowed them by %.0f%%.",
                 med, k, 100.0 * (1.0 - med));
}

/* Columns 0-1 are text; the rest are figures, right-aligned, except "beyond noise". */
static void print_option_table(FILE *f, const compare_cmd *c, int opt)
{
    const model *a = &c->models[0], *b = &c->models[opt + 1];
    ss_table t;
    ss_table_init(&t, NCOLS, "llrrrrlr");
    t.heading = t.heading_left = t.rule = true;
    int h = ss_table_add_row(&t);
    const char *heads[NCOLS] = {"service", "result", "", "", "", "change", "beyond noise", "paired/unpaired"};
    for (int k = 0; k < NCOLS; k++) ss_table_set(&t, h, k, "%s", heads[k]);
    ss_table_set(&t, h, 2, "%s (base)", a->letter);
    ss_table_set(&t, h, 3, "%s", b->letter);
    ss_table_set(&t, h, 4, "%s - %s (paired)", b->letter, a->letter);
    for (int i = 0; i < c->cmp[opt].nrows; i++) {
        if (!c->o.all && !ss_compare_is_key(&c->cmp[opt].rows[i]))
            continue;
        char cells[NCOLS][CELL];
        fill_row_cells(cells, &c->cmp[opt].rows[i]);
        int r = ss_table_add_row(&t);
        for (int k = 0; k < NCOLS; k++) ss_table_set(&t, r, k, "%s", cells[k]);
    }
    fprintf(f, "\nAll results: %s '%s' against %s '%s' (base)\n", b->letter, b->spec, a->letter, a->spec);
    ss_table_print(&t, f);
    ss_table_free(&t);
    char line[300];
    pairing_summary(&c->cmp[opt], line, sizeof line);
    fprintf(f, "%s\n", line);
}

static double total_fte(const model *m)
{
    double sum = 0.0;
    for (int s = 0; s < m->st->info.nservices; s++)
        if (isfinite(model_fte(m, s)))
            sum += model_fte(m, s);
    return sum;
}

static const char *model_name(const model *m)
{
    return m->about_read && *m->about.name ? m->about.name : m->st->info.scenario_name ? m->st->info.scenario_name : "";
}

/* The question, the models by name and the three differences a listener hears first (make demo). */
static void print_headline(FILE *f, const compare_cmd *c)
{
    const model *a = &c->models[0];
    fprintf(f, "What changes in %s if the services are organised otherwise?\n", model_name(a));
    for (int i = 0; i < c->nmodels; i++)
        fprintf(f, "  %s%s  %s\n", c->models[i].letter, i ? "       " : " (base)", model_name(&c->models[i]));
    for (int i = 0; i + 1 < c->nmodels; i++) {
        fprintf(f, "%s against %s, %d replications, 95%% paired intervals:\n", c->models[i + 1].letter, a->letter, c->o.reps);
        ss_verdict_print_headline(f, &c->verdicts[i], &a->st->info, 3);
    }
}

/* How the number of replications was reached, when a precision chose it. */
static void print_precision(FILE *f, const compare_cmd *c)
{
    if (!(c->precision.target > 0))
        return;
    char line[256];
    ss_output_precision_line(line, sizeof line, &c->precision);
    fprintf(f, "Replications: %s, on %s (the first model run); the others ran as many.\n", line,
            c->models[0].stored ? "the first scenario model" : "the base");
}

static void print_text(FILE *f, const compare_cmd *c)
{
    if (c->o.headline) {
        print_headline(f, c);
        return;
    }
    fprintf(f, "Comparison  %d models, %d replications each, seed %" PRIu64 ", common random numbers\n", c->nmodels, c->o.reps, c->o.seed);
    for (int i = 0; i < c->nmodels; i++) {
        const model *m = &c->models[i];
        fprintf(f, "  %s%s  %5.1f FTE  %s  (%s)\n", m->letter, i ? "       " : " (base)", total_fte(m), m->spec, model_name(m));
    }
    for (int i = 0; i + 1 < c->nmodels; i++)
        if (*c->warnings[i])
            fprintf(f, "\nWarning: %s.\n", c->warnings[i]);
    print_precision(f, c);
    for (int i = 0; i + 1 < c->nmodels; i++) {
        fputc('\n', f);
        ss_verdict_print(f, &c->verdicts[i], c->models[0].letter, c->models[i + 1].letter, &c->models[0].st->info, SS_LANG_EN);
    }
    if (!c->o.all) {
        fprintf(f, "\n--all shows all %d results with each model's estimate; --json, --csv or --markdown\n"
                   "give them to programs.\n", c->cmp[0].nrows);
        return;
    }
    fputs("\nFigures are means with 95% confidence intervals over replications; the difference is paired by replication.\n"
          "Beyond noise: the paired interval excludes 0.  Paired/unpaired: the paired interval's width over the unpaired one's.\n", f);
    for (int i = 0; i + 1 < c->nmodels; i++)
        print_option_table(f, c, i);
}

/* ---- Markdown --------------------------------------------------------------------------------- */

static void md_cell(FILE *f, const char *s)
{
    fputc(' ', f);
    for (; *s; s++) {
        if (*s == '|') fputc('\\', f);
        fputc(*s, f);
    }
    fputs(" |", f);
}

static void print_markdown(FILE *f, const compare_cmd *c)
{
    fprintf(f, "# Comparison of %d models\n\n%d replications each, seed %" PRIu64 ", common random numbers. Figures are means with "
               "95%% confidence intervals; the difference is paired by replication.\n\n| model | FTE | scenario |\n| --- | ---: | --- |\n",
            c->nmodels, c->o.reps, c->o.seed);
    for (int i = 0; i < c->nmodels; i++)
        fprintf(f, "| %s%s `%s` | %.1f | %s |\n", c->models[i].letter, i ? "" : " (base)", c->models[i].spec, total_fte(&c->models[i]),
                c->models[i].st->info.scenario_name ? c->models[i].st->info.scenario_name : "");
    for (int opt = 0; opt + 1 < c->nmodels; opt++) {
        const model *a = &c->models[0], *b = &c->models[opt + 1];
        fprintf(f, "\n## %s against %s (base)\n\n", b->letter, a->letter);
        if (*c->warnings[opt])
            fprintf(f, "> **Warning:** %s.\n\n", c->warnings[opt]);
        fprintf(f, "| service | result | %s (base) | %s | %s - %s (paired) | change | beyond noise | paired/unpaired |\n"
                   "| --- | --- | ---: | ---: | ---: | ---: | --- | ---: |\n", a->letter, b->letter, b->letter, a->letter);
        for (int i = 0; i < c->cmp[opt].nrows; i++) {
            char cells[NCOLS][CELL];
            fill_row_cells(cells, &c->cmp[opt].rows[i]);
            fputc('|', f);
            for (int k = 0; k < NCOLS; k++) md_cell(f, cells[k]);
            fputc('\n', f);
        }
        char line[300];
        pairing_summary(&c->cmp[opt], line, sizeof line);
        fprintf(f, "\n%s\n", line);
    }
}

/* ---- CSV ------------------------------------------------------------------------------------------ */

static void csv_estimate(FILE *f, const ss_estimate *e)
{
    ss_csv_number(f, e->mean);
    ss_csv_number(f, e->ci_low);
    ss_csv_number(f, e->ci_high);
}

static void print_csv(FILE *f, const compare_cmd *c)
{
    fputs("option,base,scope,subject,metric,unit,base_mean,base_ci_low,base_ci_high,option_mean,option_ci_low,option_ci_high,"
          "diff_mean,diff_ci_low,diff_ci_high,unpaired_ci_low,unpaired_ci_high,relative,distinguishable,narrowing,n\n", f);
    for (int opt = 0; opt + 1 < c->nmodels; opt++) {
        const ss_comparison *cmp = &c->cmp[opt];
        for (int i = 0; i < cmp->nrows; i++) {
            const ss_compare_row *r = &cmp->rows[i];
            fprintf(f, "%s,%s,%s,%s,%s,%s", c->models[opt + 1].letter, c->models[0].letter, r->scope, r->subject, r->metric,
                    ss_compare_row_info(r)->unit);
            csv_estimate(f, &r->base);
            csv_estimate(f, &r->option);
            csv_estimate(f, &r->diff);
            ss_csv_number(f, r->diff_unpaired.ci_low);
            ss_csv_number(f, r->diff_unpaired.ci_high);
            ss_csv_number(f, r->relative);
            fprintf(f, ",%s", !isfinite(r->diff.ci_low) ? "" : r->distinguishable ? "true" : "false");
            ss_csv_number(f, ss_compare_narrowing(r));
            fprintf(f, ",%d\n", r->diff.n);
        }
        /* staffing is an input, not an estimate: no intervals */
        fprintf(f, "%s,%s,staffing,,fte_total,FTE", c->models[opt + 1].letter, c->models[0].letter);
        ss_csv_number(f, cmp->fte_base);
        fputs(",,", f);
        ss_csv_number(f, cmp->fte_option);
        fputs(",,", f);
        ss_csv_number(f, cmp->fte_option - cmp->fte_base);
        fputs(",,,,", f);
        ss_csv_number(f, cmp->fte_base ? (cmp->fte_option - cmp->fte_base) / cmp->fte_base : NAN);
        fputs(",,,\n", f);
    }
}

/* ---- JSON ------------------------------------------------------------------------------------------ */

static json_t *jestimate(const ss_estimate *e)
{
    return json_pack("{s:o,s:o,s:o,s:i}", "mean", ss_json_number(e->mean), "ci_low", ss_json_number(e->ci_low), "ci_high", ss_json_number(e->ci_high), "n", e->n);
}

static json_t *jrow(const ss_compare_row *r)
{
    return json_pack("{s:s,s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "scope", r->scope, "subject", r->subject, "metric", r->metric,
                     "unit", ss_compare_row_info(r)->unit, "better", ss_better_name(ss_compare_row_info(r)->better), "base", jestimate(&r->base), "option", jestimate(&r->option),
                     "difference", jestimate(&r->diff), "difference_unpaired", jestimate(&r->diff_unpaired), "relative",
                     ss_json_number(r->relative), "distinguishable", isfinite(r->diff.ci_low) ? json_boolean(r->distinguishable) : json_null(),
                     "narrowing", ss_json_number(ss_compare_narrowing(r)));
}

static json_t *jeffect(const ss_effect_assumption *e)
{
    return e ? json_pack("{s:s,s:s,s:o}", "value", e->value, "why", e->why, "source", *e->source ? json_string(e->source) : json_null())
             : json_null();
}

/* The verdict as data: the key measures judged, and the effect assumptions the models differ in
 * (null when a model's text could not be read); robustness is null until a sensitivity study of
 * these models exists. */
static json_t *jverdict(const ss_verdict *v)
{
    json_t *measures = json_array(), *effects = v->effects_known ? json_array() : json_null();
    for (int i = 0; i < v->nmeasures; i++) {
        const ss_verdict_measure *m = &v->measures[i];
        const ss_metric_info *mi = ss_compare_row_info(m->row);
        json_array_append_new(measures, json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:o,s:b}", "scope", m->row->scope, "subject", m->row->subject,
                                                  "metric", m->row->metric, "label", ss_metric_label(m->row->scope, m->row->metric, SS_LANG_EN),
                                                  "better", ss_better_name(mi->better), "judgement", ss_judgement_key(m->judgement),
                                                  "difference", jestimate(&m->row->diff), "may_rest_on_effects",
                                                  ss_verdict_rests_on_effects(v, m)));
    }
    for (int i = 0; v->effects_known && i < v->neffects; i++) {
        int a = v->effects[i][0], b = v->effects[i][1];
        const ss_effect_assumption *ea = a >= 0 ? &v->base->effects[a] : NULL, *eb = b >= 0 ? &v->option->effects[b] : NULL;
        json_array_append_new(effects, json_pack("{s:s,s:o,s:o}", "path", (eb ? eb : ea)->path, "base", jeffect(ea), "option", jeffect(eb)));
    }
    return json_pack("{s:i,s:i,s:o,s:o,s:o}", "better", v->nbetter, "worse", v->nworse, "measures", measures, "effects_differing", effects,
                     "robustness", v->robustness ? json_string(v->robustness) : json_null());
}

static json_t *jcomparison(const compare_cmd *c, int opt)
{
    const ss_comparison *cmp = &c->cmp[opt];
    const ss_robust_result *robust = c->robust_results ? &c->robust_results[opt] : NULL;
    json_t *rows = json_array();
    for (int i = 0; i < cmp->nrows; i++) {
        json_t *row = jrow(&cmp->rows[i]);
        const ss_robust_row *rr = ss_robust_find(robust, cmp->rows[i].scope, cmp->rows[i].subject, cmp->rows[i].metric);
        if (rr) json_object_set_new(row, "robust", ss_robust_row_json(robust, rr));
        json_array_append_new(rows, row);
    }
    int k;
    double med = ss_comparison_median_narrowing(cmp, &k);
    bool costed = cmp->nok_per_fte_base > 0 && cmp->nok_per_fte_option > 0;
    json_t *cost_per_fte = costed ? ss_json_number(cmp->nok_per_fte_option) : json_null();
    json_t *cost_difference = costed ? ss_json_number(cmp->fte_option * cmp->nok_per_fte_option - cmp->fte_base * cmp->nok_per_fte_base)
                                     : json_null();
    json_t *o = json_pack("{s:s,s:s,s:{s:o,s:o,s:o,s:o,s:o,s:s},s:{s:o,s:i},s:o,s:o}", "option", c->models[opt + 1].letter, "base",
                     c->models[0].letter, "staffing", "fte_base", ss_json_number(cmp->fte_base), "fte_option", ss_json_number(cmp->fte_option),
                     "fte_difference", ss_json_number(cmp->fte_option - cmp->fte_base), "cost_per_fte_nok", cost_per_fte,
                     "cost_difference_nok", cost_difference, "cost_note",
                     costed ? "yearly NOK: the FTE serving the modelled population (fte x staff_share) times costs.nok_per_fte" : "the scenarios give no cost per FTE",
                     "pairing", "median_narrowing", ss_json_number(med), "results", k, "warning",
                     *c->warnings[opt] ? json_string(c->warnings[opt]) : json_null(), "rows", rows);
    json_object_set_new(o, "verdict", jverdict(&c->verdicts[opt]));
    if (robust)
        json_object_set_new(o, "robust", json_pack("{s:I,s:s,s:i,s:i}", "samples", (json_int_t)robust->npoints, "design",
                                                   robust->design, "parameters", robust->nparams, "replications", c->o.reps));
    return o;
}

static json_t *jmodel(const model *m)
{
    return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:o,s:o}", "label", m->letter, "model", m->spec, "name", model_name(m),
                     "description", m->about_read ? m->about.description : "", "scenario",
                     m->st->info.scenario_name ? m->st->info.scenario_name : "", "scenario_hash",
                     m->st->info.scenario_hash ? m->st->info.scenario_hash : "", "rules_hash",
                     m->st->info.rules_hash ? m->st->info.rules_hash : "", "fte", ss_json_number(total_fte(m)), "run_id",
                     m->st->run_id ? json_integer(m->st->run_id) : json_null());
}

static int print_json(FILE *f, const compare_cmd *c)
{
    json_t *models = json_array(), *comparisons = json_array();
    for (int i = 0; i < c->nmodels; i++)
        json_array_append_new(models, jmodel(&c->models[i]));
    for (int i = 0; i + 1 < c->nmodels; i++)
        json_array_append_new(comparisons, jcomparison(c, i));
    json_t *doc = json_pack("{s:s,s:I,s:i,s:f,s:o,s:o}", "engine_version", SS_VERSION, "seed", (json_int_t)c->o.seed,
                            "replications", c->o.reps, "level", 0.95, "models", models, "comparisons", comparisons);
    if (doc && c->precision.target > 0) {
        char line[256];
        ss_output_precision_line(line, sizeof line, &c->precision);
        json_t *p = json_pack("{s:f,s:i,s:b,s:f,s:s,s:s}", "target", c->precision.target, "cap", c->precision.cap,
                              "reached", !c->precision.capped, "widest", c->precision.achieved,
                              "decided_by", c->precision.decided, "text", line);
        if (json_object_set_new(doc, "precision", p) < 0) {
            json_decref(doc);
            doc = NULL;
        }
    }
    return ss_json_write(f, doc);
}

/* ---- the database record ----------------------------------------------------------------------------- */

static int record(compare_cmd *c)
{
    const char *option_models[MAX_MODELS];
    int64_t option_runs[MAX_MODELS];
    for (int i = 1; i < c->nmodels; i++) {
        option_models[i - 1] = c->models[i].spec;
        option_runs[i - 1] = c->models[i].st->run_id;
    }
    ss_diag d;
    int64_t id;
    if (ss_store_record_comparison(c->o.db, c->models[0].st->run_id, c->models[0].spec, option_runs, option_models, c->nmodels - 1,
                          c->command_line, &id, &d) < 0) {
        fprintf(stderr, "samsim %s: %s\n", CMD, d.msg);
        return SS_EXIT_IO;
    }
    fprintf(stderr, "samsim %s: stored comparison %" PRId64 " (runs", CMD, id);
    for (int i = 0; i < c->nmodels; i++)
        fprintf(stderr, "%s %" PRId64 " %s", i ? "," : "", c->models[i].st->run_id, c->models[i].letter);
    fprintf(stderr, ") in %s; 'samsim report %s' builds the report\n", c->o.db, c->o.db);
    for (int i = 1; c->robust_results && i < c->nmodels; i++) {
        int code = ss_compare_robust_record(CMD, c->o.db, &c->robust_results[i - 1], id, c->models[i].st->run_id);
        if (code) return code;
    }
    return 0;
}

/* ---- the command ------------------------------------------------------------------------------------ */

static int parse_args(compare_cmd *c, int argc, char **argv)
{
    c->o = (ss_cli_opts){.reps = 0, .seed = SEED_UNSET};
    char **rest = xcalloc((size_t)argc + 1, sizeof *rest);
    int nrest = 0;
    int code = ss_robust_args_take(CMD, argc - 1, argv + 1, &c->robust, rest, &nrest);
    if (!code) code = ss_cli_parse(CMD, "rejodmAHp", nrest, rest, &c->o);
    free(rest);
    if (!code && !c->o.help) code = ss_robust_args_check(CMD, &c->robust, c->o.db, c->o.reps);
    if (code || c->o.help)
        return code;
    bool markdown = c->o.markdown;
    if (markdown && (c->o.json || c->o.csv))
        return ss_cli_usage_error(CMD, "choose one of --json, --csv and --markdown");
    if (c->o.headline && (c->o.all || markdown || c->o.json || c->o.csv))
        return ss_cli_usage_error(CMD, "--headline is a few lines for people; it takes no --all, --json, --csv or --markdown");
    if (c->o.all && (markdown || c->o.json || c->o.csv))
        return ss_cli_usage_error(CMD, "--all is for the table; --json, --csv and --markdown always give every result");
    c->format = c->o.json ? OUT_JSON : c->o.csv ? OUT_CSV : markdown ? OUT_MARKDOWN : OUT_TABLE;
    if (c->o.npositional < 2)
        return ss_cli_usage_error(CMD, "compare needs a base and at least one option, e.g. samsim compare scenarios/default.lua "
                                       "scenarios/default.lua+models/more-fph-staff.lua");
    if (c->o.npositional > MAX_MODELS)
        return ss_cli_usage_error(CMD, "at most %d models (A to Z), got %d", MAX_MODELS, c->o.npositional);
    return 0;
}

static void free_cmd(compare_cmd *c)
{
    for (int i = 0; c->robust_results && i + 1 < c->nmodels; i++)
        ss_robust_result_free(&c->robust_results[i]);
    free(c->robust_results);
    free(c->robust_lines);
    for (int i = 0; c->verdicts && i + 1 < c->nmodels; i++)
        ss_verdict_free(&c->verdicts[i]);
    free(c->verdicts);
    for (int i = 0; c->cmp && i + 1 < c->nmodels; i++)
        ss_comparison_free(&c->cmp[i]);
    free(c->cmp);
    for (int i = 0; c->models && i < c->nmodels; i++) {
        model *m = &c->models[i];
        ss_model_about_free(&m->about);
        if (m->stored) {
            ss_stored_run_free(&m->stored_run);
        } else {
            ss_study_fini(&m->study);
            ss_scenario_free(m->sc);
        }
    }
    free(c->models);
}

static int print_results(const compare_cmd *c)
{
    int rc = 0;
    switch (c->format) {
    case OUT_JSON: rc = print_json(stdout, c); break;
    case OUT_CSV: print_csv(stdout, c); break;
    case OUT_MARKDOWN: print_markdown(stdout, c); break;
    case OUT_TABLE: print_text(stdout, c); break;
    }
    return rc || fflush(stdout) != 0 || ferror(stdout) ? SS_EXIT_IO : 0;
}

static int cmd_compare(int argc, char **argv, ss_stop_flag *interrupt)
{
    compare_cmd c;
    memset(&c, 0, sizeof c);
    int code = parse_args(&c, argc, argv);
    if (code || c.o.help)
        return code ? code : ss_cli_help(CMD);
    ss_command_line("samsim", argc, argv, c.command_line, sizeof c.command_line);
    code = parse_models(&c);
    if (!code) code = run_models(&c, interrupt);
    if (!code) code = compare_all(&c);
    if (!code && c.robust.robust) code = run_robust(&c, interrupt);
    if (!code && c.waiting) {
        code = shard_done(&c);
        free_cmd(&c);
        return code;
    }
    if (!code) code = print_results(&c);
    if (!code && c.o.db) code = record(&c);
    free_cmd(&c);
    return code;
}

const ss_command ss_cmd_compare = {
    "compare", "samsim compare BASE OPTION [OPTION ...] [--reps N] [--seed S] [-j N]\n"
               "                    [--all | --headline | --json | --csv | --markdown] [--db FILE]\n"
               "                    [--robust [--samples N | --ensemble FILE] [--shard K/N]]",
    "Run organisational models with common random numbers (the same people arrive at the same\n"
    "times in every model) and compare each OPTION with BASE.  First the verdict: the models by\n"
    "name, and for the key measures a reviewer reads (time to first and to the right help, waits\n"
    "where people queue, people lost at transitions, hand-offs across sectors, individual plans,\n"
    "coordinators, decisions in time, FTE and cost) whether the option is better, worse or not\n"
    "clearly different, with the paired difference and its 95% interval (shares in percentage\n"
    "points) and the effect assumptions the difference may rest on.  With --all, then every result:\n"
    "each model's mean with its interval, the paired difference, the relative change, whether it\n"
    "is beyond noise, and how much pairing narrowed the interval.\n"
    "A model is one of:\n"
    "  SCENARIO.lua                  a scenario file\n"
    "  SCENARIO.lua+models/x.lua     a scenario with overlays (several '+' allowed); an overlay is\n"
    "                                looked for beside the scenario, then from here, then by its\n"
    "                                name in the models folder (scenarios/models); .lua may be left off\n"
    "  +models/x.lua, BASE+models/x.lua   the base model with more overlays\n"
    "  db:FILE#RUN_ID                a run stored earlier (same seed and replications)\n"
    "  --reps N         replications (default: as many as the base needs for every key interval\n"
    "                   within 5 % of its mean, at most 40; or those of a stored model)\n"
    "  --precision REL  that precision instead of 5 % (--reps is then the cap)\n"
    "  --seed S         study seed (default 1, or that of a stored model)\n"
    "  -j, --jobs N     worker threads (default: all cores); results do not depend on it\n"
    "  --all            every result after the verdict\n"
    "  --headline       only the question, the models and three key differences\n"
    "  --json, --csv, --markdown   the verdict (JSON) and every result, for programs\n"
    "  --db FILE        store every run and the comparison (table comparisons) in SQLite,\n"
    "                   for 'samsim report FILE'\n"
    "  -q, --quiet      no progress lines\n"
    "  --robust         also run both models at each of N samples of their plausible assumptions\n"
    "                   (every number with a range, in either model; a Sobol sequence, or a Latin\n"
    "                   hypercube beyond 40 numbers), --reps replications each, paired: the verdict\n"
    "                   then says in how many samples each judgement holds and which numbers decide\n"
    "                   it (\"holds in 87 % of the plausible assumptions; decided by X (better where\n"
    "                   >= 0.78)\"); --json adds \"robust\" to each row\n"
    "  --samples N      samples of the assumptions (default 64)\n"
    "  --ensemble FILE  with --robust: run at each parameter set of a calibrated ensemble (samsim\n"
    "                   calibrate --ensemble-out FILE) instead of sampling the ranges\n"
    "  --shard K/N      with --robust and --db: run only every N-th sample from the K-th; samsim merge\n"
    "                   joins the shards' files, and the same command on the merged file goes on\n"
    "A warning (on stderr and in the output) says when the models differ in the total FTE serving the modelled population (fte x staff_share).",
    cmd_compare};
