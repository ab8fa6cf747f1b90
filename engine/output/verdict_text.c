/* verdict_text: the verdict for a terminal. */
#include "verdict_text.h"

#include <math.h>
#include <string.h>

#include "reason.h"
#include "robust_text.h"
#include "table.h"
#include "words.h"

#define LINE 120  /* a one-line description is cut to about this width */

static const char *service_name(const ss_run_info *info, const char *id)
{
    for (int s = 0; info && s < info->nservices; s++)
        if (strcmp(info->service_ids[s], id) == 0)
            return info->service_names && info->service_names[s] && *info->service_names[s] ? info->service_names[s] : id;
    return id;
}

void ss_verdict_measure_name(char *buf, size_t n, const ss_verdict_measure *m, const ss_run_info *info, ss_lang lang)
{
    const char *label = ss_metric_label(m->row->scope, m->row->metric, lang);
    if (*m->row->subject)
        snprintf(buf, n, "%s %s %s", label, lang == SS_LANG_NB ? "ved" : "at", service_name(info, m->row->subject));
    else
        snprintf(buf, n, "%s", label);
}

/* " (base)" after a letter that does not say it is the base; nothing after the REPL's own word for it. */
static const char *base_note(const char *base_letter, ss_lang lang)
{
    return strcmp(base_letter, ss_words(lang, "base")) == 0 ? "" : ss_words(lang, " (base)");
}

/* "  A (base)  name" and "  B         name", the description under the name. */
static void print_model(FILE *f, const char *letter, const char *base_note, int width, const ss_model_about *a, const char *label,
                        ss_lang lang)
{
    char who[64];
    snprintf(who, sizeof who, "%s%s", letter, base_note);
    if (!a) {
        fprintf(f, "  %-*s  %s\n", width, who, ss_words(lang, "(a stored run whose scenario text could not be read)"));
        return;
    }
    char line[LINE + 8];
    ss_model_about_line(ss_model_about_description(a, lang == SS_LANG_NB), line, sizeof line);
    fprintf(f, "  %-*s  %s%s%s%s\n", width, who, ss_model_about_name(a, lang == SS_LANG_NB), label ? " (" : "", label ? label : "", label ? ")" : "");
    if (*line)
        fprintf(f, "  %-*s  %s\n", width, "", line);
}

static void print_measures(FILE *f, const ss_verdict *v, const char *base_letter, const char *option_letter, const ss_run_info *info,
                           ss_lang lang)
{
    int resting = 0;
    for (int i = 0; i < v->nmeasures; i++)
        resting += ss_verdict_rests_on_effects(v, &v->measures[i]);
    ss_table t;
    ss_table_init(&t, resting ? 7 : 6, "llddddl");  /* the * column only when something may rest on effects */
    t.indent = 2;
    t.heading = t.heading_left = t.rule = true;
    t.lang = lang;  /* decimal commas in Norwegian */
    int h = ss_table_add_row(&t);
    ss_table_set(&t, h, 1, "%s", ss_words(lang, "key measure"));
    ss_table_set(&t, h, 2, "%s%s", base_letter, base_note(base_letter, lang));
    ss_table_set(&t, h, 3, "%s", option_letter);
    ss_table_set(&t, h, 4, "%s - %s", option_letter, base_letter);
    ss_table_set(&t, h, 5, ss_words(lang, "[%d%% interval]"), 95);
    for (int i = 0; i < v->nmeasures; i++) {
        const ss_verdict_measure *m = &v->measures[i];
        const char *unit = ss_compare_row_info(m->row)->unit;
        char name[200], diff[64], ci[112], a[48], b[48];
        ss_verdict_measure_name(name, sizeof name, m, info, lang);
        if (m->row->planned) {  /* exact: what it is stands where an interval would */
            ss_verdict_planned_figure(diff, sizeof diff, m->row, m->row->diff.mean, true, lang);
            snprintf(ci, sizeof ci, "%s", ss_verdict_planned_note(m->row, lang));
            ss_verdict_planned_figure(a, sizeof a, m->row, m->row->base.mean, false, lang);
            ss_verdict_planned_figure(b, sizeof b, m->row, m->row->option.mean, false, lang);
        } else {
            ss_estimate mean = m->row->diff;  /* the mean and its interval in columns of their own, aligned */
            mean.ci_low = mean.ci_high = NAN;
            ss_compare_format_difference(diff, sizeof diff, &mean, unit, SS_LANG_EN);  /* the table makes the commas */
            ss_compare_format_interval(ci, sizeof ci, &m->row->diff, unit, SS_LANG_EN);
            ss_compare_format(a, sizeof a, m->row->base.mean, unit, false);
            ss_compare_format(b, sizeof b, m->row->option.mean, unit, false);
        }
        int r = ss_table_add_row(&t);
        ss_table_set(&t, r, 0, "%s %s", ss_judgement_mark(m->judgement), ss_judgement_word(m->judgement, lang));
        ss_table_set(&t, r, 1, "%s", name);
        ss_table_set(&t, r, 2, "%s", a);
        ss_table_set(&t, r, 3, "%s", b);
        ss_table_set(&t, r, 4, "%s", diff);
        ss_table_set(&t, r, 5, "%s", ci);
        if (resting)
            ss_table_set(&t, r, 6, "%s", ss_verdict_rests_on_effects(v, m) ? "*" : "");
    }
    ss_table_print(&t, f);
    ss_table_free(&t);
}

/* One effect assumption, with the rule file and line that declare it when a rule file does. */
static void print_effect(FILE *f, const ss_effect_assumption *e, const char *in, ss_lang lang)
{
    const char *why = ss_reason_pick(e->why, e->why_nb, lang == SS_LANG_NB);
    char value[256];
    snprintf(value, sizeof value, "%s", e->value);
    ss_lang_figures(lang, value);  /* "0,8" in Norwegian; the reason is the author's text, as written */
    if (*e->source)
        fprintf(f, ss_words(lang, "      %s = %s in %s (effect assumption, %s): %s\n"), e->path, value, in, e->source, why);
    else
        fprintf(f, ss_words(lang, "      %s = %s in %s: %s\n"), e->path, value, in, why);
}

/* The models differ in no effect assumption; but one may bring into play what both declare (services
 * moved into one building meet handoffs.co_location), so the shared ones are named. */
static void print_shared_effects(FILE *f, const ss_verdict *v, ss_lang lang)
{
    int n = v->option->neffects;
    if (n == 0) {
        ss_words_print(f, lang, "  Effect assumptions: none declared by either model; every difference comes from the mechanisms.\n");
        return;
    }
    ss_words_print(f, lang, "  Effect assumptions: the models declare the same %d (", n);
    for (int i = 0; i < n; i++)
        fprintf(f, "%s%s", i ? ", " : "", v->option->effects[i].path);
    ss_words_print(f, lang, ");\n    a difference may still rest on them where one model brings them into play (services put in one\n"
                            "    building meet the co-location effects); which do takes a sensitivity study.\n");
}

static void print_effects(FILE *f, const ss_verdict *v, const char *base_letter, const char *option_letter, ss_lang lang)
{
    if (!v->effects_known) {
        ss_words_print(f, lang, "  Effect assumptions: unknown (a model's scenario text could not be read).\n");
        return;
    }
    if (v->neffects == 0) {
        print_shared_effects(f, v, lang);
        return;
    }
    if (v->neffects == 1)
        ss_words_print(f, lang, "  * may rest on the %d effect assumption (effect()) in which the models differ; which of them\n"
                                "    decides a difference takes a sensitivity study:\n", v->neffects);
    else
        ss_words_print(f, lang, "  * may rest on the %d effect assumptions (effect()) in which the models differ; which of them\n"
                                "    decides a difference takes a sensitivity study:\n", v->neffects);
    for (int i = 0; i < v->neffects; i++) {
        int a = v->effects[i][0], b = v->effects[i][1];
        if (b >= 0) print_effect(f, &v->option->effects[b], option_letter, lang);
        if (a >= 0) print_effect(f, &v->base->effects[a], base_letter, lang);
    }
}

void ss_verdict_print(FILE *f, const ss_verdict *v, const char *base_letter, const char *option_letter,
                      const ss_run_info *info, ss_lang lang)
{
    const char *note = base_note(base_letter, lang);
    ss_words_print(f, lang, "Verdict: %s against %s%s\n", option_letter, base_letter, note);
    int width = (int)(strlen(base_letter) + strlen(note));
    width = width > (int)strlen(option_letter) ? width : (int)strlen(option_letter);
    print_model(f, base_letter, note, width, v->base, v->base_label, lang);
    print_model(f, option_letter, "", width, v->option, v->option_label, lang);
    int same = 0;
    for (int i = 0; i < v->nmeasures; i++)
        same += v->measures[i].judgement == SS_JUDGED_SAME;
    ss_words_print(f, lang, "  %s is better on %d, worse on %d and not clearly different on %d of %d key measures\n"
                            "  (✓ better, ✗ worse, ≈ no clear difference: the 95%% paired interval holds 0; shares in percentage points):\n",
                   option_letter, v->nbetter, v->nworse, same, v->nmeasures);
    print_measures(f, v, base_letter, option_letter, info, lang);
    print_effects(f, v, base_letter, option_letter, lang);
    if (v->robust)
        ss_robust_print_verdict(f, v, info, lang);
    else if (v->robustness)
        fprintf(f, ss_words(lang, "  Robustness: %s\n"), v->robustness);
    else
        ss_words_print(f, lang, "  Robustness: not assessed (no sensitivity study of these models over their plausible assumptions).\n");
}

static bool beyond_noise(ss_judgement j)
{
    return j == SS_JUDGED_BETTER || j == SS_JUDGED_WORSE || j == SS_JUDGED_HIGHER || j == SS_JUDGED_LOWER;
}

/* Choose the first measure judged want that is not chosen yet; false when there is none. */
static bool choose_first(const ss_verdict *v, ss_judgement want, bool *chosen)
{
    for (int i = 0; i < v->nmeasures; i++)
        if (!chosen[i] && v->measures[i].judgement == want)
            return chosen[i] = true;
    return false;
}

/* The differences beyond noise, at most max, in the verdict's order; the first better and the
 * first worse, and a difference in staff or cost, are always among them, so a headline never hides
 * that the option costs something. */
void ss_verdict_print_headline(FILE *f, const ss_verdict *v, const ss_run_info *info, int max, ss_lang lang)
{
    bool chosen[v->nmeasures > 0 ? v->nmeasures : 1];
    memset(chosen, 0, sizeof chosen);
    int planned = 0, beyond = 0;  /* staff and cost beyond the max: they are inputs, not findings */
    for (int i = 0; i < v->nmeasures; i++)
        if (v->measures[i].row->planned && beyond_noise(v->measures[i].judgement))
            chosen[i] = true, planned++;
    int n = choose_first(v, SS_JUDGED_BETTER, chosen) + choose_first(v, SS_JUDGED_WORSE, chosen);
    for (int i = 0; i < v->nmeasures; i++) {
        beyond += beyond_noise(v->measures[i].judgement);
        if (n < max && !chosen[i] && beyond_noise(v->measures[i].judgement))
            chosen[i] = true, n++;
    }
    n += planned;
    for (int i = 0; i < v->nmeasures; i++) {
        const ss_verdict_measure *m = &v->measures[i];
        if (!chosen[i])
            continue;
        char name[200], diff[120];
        ss_verdict_measure_name(name, sizeof name, m, info, lang);
        ss_verdict_format_difference(diff, sizeof diff, m->row, lang);
        fprintf(f, "  %s %s: %s %s%s\n", ss_judgement_mark(m->judgement), ss_judgement_word(m->judgement, lang), name, diff,
                ss_verdict_rests_on_effects(v, m) ? ss_words(lang, " (may rest on effect assumptions)") : "");
    }
    if (n == 0)
        ss_words_print(f, lang, "  ≈ no clear difference on any of the %d key measures\n", v->nmeasures);
    else if (beyond > n)
        ss_words_print(f, lang, "  ... and %d more beyond noise; %d of %d key measures show no clear difference\n", beyond - n,
                       v->nmeasures - beyond, v->nmeasures);
    else
        ss_words_print(f, lang, "  %d of %d key measures show no clear difference\n", v->nmeasures - beyond, v->nmeasures);
}
