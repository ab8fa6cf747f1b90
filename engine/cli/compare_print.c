/* compare_print: what `samsim compare` prints (see compare_cmd.h): the verdict and the table for
 * people, Markdown, CSV and JSON, each from the same comparisons. */
#include "compare_cmd.h"

#include <inttypes.h>
#include <jansson.h>
#include <string.h>

#include "report.h"
#include "robust_text.h"
#include "table.h"
#include "text.h"
#include "verdict_text.h"
#include "words.h"

/* ---- the table for people ----------------------------------------------------------------------- */

enum { NCOLS = 8, CELL = 96 };

static void format_narrowing(char *buf, size_t n, const ss_compare_row *row)
{
    double q = ss_compare_narrowing(row);
    if (isfinite(q)) snprintf(buf, n, "%.2f", q);
    else snprintf(buf, n, "-");
}

static void fill_row_cells(char cells[NCOLS][CELL], const ss_compare_row *row, ss_lang lang)
{
    const ss_metric_info *mi = ss_compare_row_info(row);
    snprintf(cells[0], CELL, "%s", *row->subject ? row->subject : ss_words(lang, "all"));
    snprintf(cells[1], CELL, "%s", ss_metric_label(row->scope, row->metric, lang));
    ss_compare_format_estimate(cells[2], CELL, &row->base, mi->unit, false);
    ss_compare_format_estimate(cells[3], CELL, &row->option, mi->unit, false);
    ss_compare_format_estimate(cells[4], CELL, &row->diff, mi->unit, true);
    ss_compare_format_relative(cells[5], CELL, row->relative);
    snprintf(cells[6], CELL, "%s", !isfinite(row->diff.ci_low) ? "-" : ss_words(lang, row->distinguishable ? "yes" : "no"));
    format_narrowing(cells[7], CELL, row);
}

static void pairing_summary(FILE *f, const ss_comparison *cmp, ss_lang lang)
{
    int k;
    double med = ss_comparison_median_narrowing(cmp, &k);
    if (k == 0)
        ss_words_print(f, lang, "Pairing: no result has an interval to narrow.\n");
    else
        ss_words_print(f, lang, "Pairing: paired intervals are a median %.2f of the unpaired widths (%d results): common random numbers narrowed them by %.0f%%.\n",
                       med, k, 100.0 * (1.0 - med));
}

/* Columns 0-1 are text; the rest are figures, right-aligned, except "beyond noise". */
static void print_option_table(FILE *f, const compare_cmd *c, int opt)
{
    const model *a = &c->models[0], *b = &c->models[opt + 1];
    ss_lang lang = c->o.lang;
    ss_table t;
    ss_table_init(&t, NCOLS, "llrrrrlr");
    t.heading = t.heading_left = t.rule = true;
    t.lang = lang;
    int h = ss_table_add_row(&t);
    const char *heads[NCOLS] = {ss_words(lang, "service"), ss_words(lang, "result"), "", "", "", ss_words(lang, "change"),
                                ss_words(lang, "beyond noise"), ss_words(lang, "paired/unpaired")};
    for (int k = 0; k < NCOLS; k++) ss_table_set(&t, h, k, "%s", heads[k]);
    ss_table_set(&t, h, 2, "%s%s", a->letter, ss_words(lang, " (base)"));
    ss_table_set(&t, h, 3, "%s", b->letter);
    ss_table_set(&t, h, 4, ss_words(lang, "%s - %s (paired)"), b->letter, a->letter);
    for (int i = 0; i < c->cmp[opt].nrows; i++) {
        if (!c->o.all && !ss_compare_is_key(&c->cmp[opt].rows[i]))
            continue;
        char cells[NCOLS][CELL];
        fill_row_cells(cells, &c->cmp[opt].rows[i], lang);
        int r = ss_table_add_row(&t);
        for (int k = 0; k < NCOLS; k++) ss_table_set(&t, r, k, "%s", cells[k]);
    }
    ss_words_print(f, lang, "\nAll results: %s '%s' against %s '%s' (base)\n", b->letter, b->spec, a->letter, a->spec);
    ss_table_print(&t, f);
    ss_table_free(&t);
    pairing_summary(f, &c->cmp[opt], lang);
}

static double total_fte(const model *m)
{
    double sum = 0.0;
    for (int s = 0; s < m->st->info.nservices; s++)
        if (isfinite(compare_model_fte(m, s)))
            sum += compare_model_fte(m, s);
    return sum;
}

/* The model's name: a described overlay's (in Norwegian when lang asks and it has one), else its scenario's. */
static const char *model_name(const model *m, ss_lang lang)
{
    if (m->about_read && *m->about.name) return ss_model_about_name(&m->about, lang == SS_LANG_NB);
    return m->st->info.scenario_name ? m->st->info.scenario_name : "";
}

/* The question, the models by name and the three differences a listener hears first (make demo),
 * in lang. */
static void print_headline(FILE *f, const compare_cmd *c)
{
    const model *a = &c->models[0];
    ss_lang lang = c->o.lang;
    fprintf(f, ss_words(lang, "What changes in %s if the services are organised otherwise?\n"), model_name(a, lang));
    for (int i = 0; i < c->nmodels; i++) {
        const char *base_note = ss_words(lang, " (base)");
        fprintf(f, "  %s%s%*s  %s\n", c->models[i].letter, i ? "" : base_note, i ? ss_text_width(base_note) : 0, "",
                model_name(&c->models[i], lang));
    }
    for (int i = 0; i + 1 < c->nmodels; i++) {
        ss_words_print(f, lang, "%s against %s, %d replications, 95%% paired intervals:\n", c->models[i + 1].letter, a->letter,
                       c->o.reps);
        ss_verdict_print_headline(f, &c->verdicts[i], &a->st->info, 3, lang);
        const ss_robust_result *r = ss_compare_robust_of(&c->robust, i);
        if (r && c->verdicts[i].robustness) {
            char line[4096];
            ss_robust_verdict_line(line, sizeof line, &c->verdicts[i], r, &a->st->info, lang);
            fprintf(f, ss_words(lang, "  Robustness over %ld samples of the plausible assumptions: %s\n"), r->npoints, line);
        }
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
    ss_lang lang = c->o.lang;
    ss_words_print(f, lang, "Comparison  %d models, %d replications each, seed %llu, common random numbers\n", c->nmodels,
                   c->o.reps, (unsigned long long)c->o.seed);
    for (int i = 0; i < c->nmodels; i++) {
        const model *m = &c->models[i];
        const char *base_note = ss_words(lang, " (base)");
        char fte[32];
        snprintf(fte, sizeof fte, "%5.1f", total_fte(m));
        ss_lang_figures(lang, fte);
        fprintf(f, "  %s%s%*s  %s %s  %s  (%s)\n", m->letter, i ? "" : base_note, i ? ss_text_width(base_note) : 0, "", fte,
                ss_words(lang, "FTE"), m->spec, model_name(m, lang));
    }
    for (int i = 0; i + 1 < c->nmodels; i++)
        if (*c->warnings[i]) {
            char w[600];
            compare_staffing_warning(c, i, lang, w, sizeof w);
            ss_words_print(f, lang, "\nWarning: %s.\n", w);
        }
    print_precision(f, c);
    for (int i = 0; i + 1 < c->nmodels; i++) {
        fputc('\n', f);
        ss_verdict_print(f, &c->verdicts[i], c->models[0].letter, c->models[i + 1].letter, &c->models[0].st->info, lang);
    }
    if (!c->o.all) {
        ss_words_print(f, lang, "\n--all shows all %d results with each model's estimate; --json, --csv or --markdown\n"
                                "give them to programs.\n", c->cmp[0].nrows);
        return;
    }
    ss_words_print(f, lang, "\nFigures are means with 95%% confidence intervals over replications; the difference is paired by replication.\n"
                            "Beyond noise: the paired interval excludes 0.  Paired/unpaired: the paired interval's width over the unpaired one's.\n");
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

/* With --robust: what the samples say of every compared row. */
static void print_markdown_robust(FILE *f, const compare_cmd *c, int opt)
{
    const ss_robust_result *r = ss_compare_robust_of(&c->robust, opt);
    const ss_comparison *cmp = &c->cmp[opt];
    if (!r) return;
    const char *robustness = c->verdicts[opt].robustness;
    fprintf(f, "\n### Robustness over %ld samples of the plausible assumptions\n\n%d ranged numbers, a %s design, %d replications "
               "of each model at each sample. Better, worse (a result better neither way: higher, lower) and unclear: the "
               "share of samples whose paired interval says so; the difference's median and its 5th to 95th percentile "
               "over the samples; decided by: the numbers whose split predicts its sign.\n\n%s%s%s"
               "| service | result | better | worse | unclear | difference (median) | 5 to 95 %% | decided by |\n"
               "| --- | --- | ---: | ---: | ---: | ---: | --- | --- |\n", r->npoints, r->nparams, r->design, c->o.reps,
            robustness ? "The key measures: " : "", robustness ? robustness : "", robustness ? ".\n\n" : "");
    for (int i = 0; i < cmp->nrows; i++) {
        const ss_compare_row *row = &cmp->rows[i];
        const ss_robust_row *rr = ss_robust_find(r, row->scope, row->subject, row->metric);
        if (!rr || rr->samples == 0) continue;
        bool directed = ss_robust_directed(rr);
        char who[1024], cell[7][96];
        ss_robust_deciders_text(who, sizeof who, r, rr);
        snprintf(cell[0], sizeof cell[0], "%s", *row->subject ? row->subject : "all");
        snprintf(cell[1], sizeof cell[1], "%s", ss_metric_label(row->scope, row->metric, SS_LANG_EN));
        snprintf(cell[2], sizeof cell[2], "%s%.0f %%", directed ? "" : "higher ", 100 * rr->share_better);
        snprintf(cell[3], sizeof cell[3], "%s%.0f %%", directed ? "" : "lower ", 100 * rr->share_worse);
        snprintf(cell[4], sizeof cell[4], "%.0f %%", 100 * rr->share_unclear);
        snprintf(cell[5], sizeof cell[5], "%+.3g", rr->diff_p50);
        snprintf(cell[6], sizeof cell[6], "%+.3g to %+.3g", rr->diff_p05, rr->diff_p95);
        fputc('|', f);
        for (int k = 0; k < 7; k++) md_cell(f, cell[k]);
        md_cell(f, *who ? who : "-");
        fputc('\n', f);
    }
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
            fill_row_cells(cells, &c->cmp[opt].rows[i], SS_LANG_EN);  /* Markdown is for programs: English */
            fputc('|', f);
            for (int k = 0; k < NCOLS; k++) md_cell(f, cells[k]);
            fputc('\n', f);
        }
        fputc('\n', f);
        pairing_summary(f, &c->cmp[opt], SS_LANG_EN);
        print_markdown_robust(f, c, opt);
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
          "diff_mean,diff_ci_low,diff_ci_high,unpaired_ci_low,unpaired_ci_high,relative,distinguishable,narrowing,n", f);
    if (c->robust.results) ss_robust_csv_header(f);
    fputc('\n', f);
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
            fprintf(f, ",%d", r->diff.n);
            const ss_robust_result *robust = ss_compare_robust_of(&c->robust, opt);
            if (robust) ss_robust_csv_cells(f, robust, ss_robust_find(robust, r->scope, r->subject, r->metric));
            fputc('\n', f);
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
        fputs(",,,", f);
        if (c->robust.results) ss_robust_csv_cells(f, NULL, NULL);   /* staffing is not sampled */
        fputc('\n', f);
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
        json_array_append_new(measures, json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:o,s:b,s:b}", "scope", m->row->scope, "subject", m->row->subject,
                                                  "metric", m->row->metric, "label", ss_metric_label(m->row->scope, m->row->metric, SS_LANG_EN),
                                                  "better", ss_better_name(mi->better), "judgement", ss_judgement_key(m->judgement),
                                                  "difference", jestimate(&m->row->diff), "may_rest_on_effects",
                                                  ss_verdict_rests_on_effects(v, m), "planned", m->row->planned));
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
    const ss_robust_result *robust = ss_compare_robust_of(&c->robust, opt);
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
    if (robust) json_object_set_new(o, "robust", ss_robust_study_json(robust, c->o.reps));
    return o;
}

static json_t *jmodel(const model *m)
{
    return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:o,s:o}", "label", m->letter, "model", m->spec, "name", model_name(m, SS_LANG_EN),
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

int compare_print_results(const compare_cmd *c)
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

