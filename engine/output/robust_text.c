/* robust_text: a robust comparison in words (see robust_text.h). */
#include "robust_text.h"

#include <math.h>
#include <string.h>

#include "verdict_text.h"
#include "words.h"

void ss_robust_condition(char *buf, size_t n, const ss_split *s)
{
    snprintf(buf, n, "%s %.3g", s->above ? "≥" : "<", s->threshold);
}

/* A deciding number by its words, else its key path (marked as code when a namer is given). */
static void param_name(char *buf, size_t n, const char *path, const ss_param_namer *namer)
{
    if (!namer)
        snprintf(buf, n, "%s", path);
    else if (!namer->words(namer->ctx, path, buf, n))
        snprintf(buf, n, "%c%s%c", SS_CODE_OPEN, path, SS_CODE_CLOSE);
}

/* "; decided by X (better where ≥ 0.78), Y (...)" or "" when no number decides. */
static void deciders(char *buf, size_t n, const ss_robust_result *r, const ss_robust_row *row, const ss_param_namer *namer,
                     ss_lang lang)
{
    buf[0] = '\0';
    for (int i = 0; i < row->ndecided; i++) {
        char cond[64], name[400];
        size_t l = strlen(buf);
        ss_robust_condition(cond, sizeof cond, &row->decided[i]);
        param_name(name, sizeof name, r->params[row->decided[i].factor].path, namer);
        snprintf(buf + l, n - l, ss_words(lang, "%s%s (%s where %s)"), i ? ", " : ss_words(lang, "; decided by "), name,
                 ss_words(lang, ss_robust_directed(row) ? "better" : "higher"), cond);
    }
}

/* The sentence, long ("holds in 87 % of the plausible assumptions; ...") or short, for a column
 * headed by what the share is of ("holds in 87 %; ..."). */
static void sentence(char *buf, size_t n, const ss_robust_result *r, const ss_robust_row *row, ss_judgement nominal,
                     bool brief, const ss_param_namer *namer, ss_lang lang)
{
    double holds = row ? ss_robust_holds(row, nominal) : NAN;
    if (!row || row->samples == 0 || !isfinite(holds)) {
        snprintf(buf, n, "%s", ss_words(lang, "not measured at the samples"));
        return;
    }
    char who[1024];
    deciders(who, sizeof who, r, row, namer, lang);
    snprintf(buf, n, brief ? ss_words(lang, "holds in %.0f %%%s") : ss_words(lang, "holds in %.0f %% of the plausible assumptions%s"),
             100 * holds, who);
    ss_lang_figures(lang, buf);
}

void ss_robust_sentence(char *buf, size_t n, const ss_robust_result *r, const ss_robust_row *row, ss_judgement nominal,
                        ss_lang lang)
{
    sentence(buf, n, r, row, nominal, false, NULL, lang);
}

void ss_robust_cell(char *buf, size_t n, const ss_robust_result *r, const ss_robust_row *row, ss_judgement nominal,
                    const ss_param_namer *namer, ss_lang lang)
{
    sentence(buf, n, r, row, nominal, true, namer, lang);
}

static bool beyond_noise(ss_judgement j)
{
    return j == SS_JUDGED_BETTER || j == SS_JUDGED_WORSE || j == SS_JUDGED_HIGHER || j == SS_JUDGED_LOWER;
}

static const ss_robust_row *row_of(const ss_robust_result *r, const ss_verdict_measure *m)
{
    return ss_robust_find(r, m->row->scope, m->row->subject, m->row->metric);
}

void ss_robust_verdict_line(char *buf, size_t n, const ss_verdict *v, const ss_robust_result *r, const ss_run_info *info,
                            ss_lang lang)
{
    buf[0] = '\0';
    int beyond = 0, least = -1;
    double least_holds = INFINITY;
    for (int i = 0; i < v->nmeasures; i++) {
        const ss_verdict_measure *m = &v->measures[i];
        if (m->row->planned) continue;  /* the same at every sample: its difference is the verdict's */
        const ss_robust_row *row = row_of(r, m);
        double h = row ? ss_robust_holds(row, m->judgement) : NAN;
        if (isfinite(h) && h < least_holds) least_holds = h, least = i;
        if (!beyond_noise(m->judgement)) continue;
        char s[768], name[200];
        ss_robust_sentence(s, sizeof s, r, row, m->judgement, lang);
        ss_verdict_measure_name(name, sizeof name, m, info, lang);  /* with its service: waits are measured at many */
        size_t l = strlen(buf);
        snprintf(buf + l, n - l, "%s%s (%s): %s", beyond++ ? "; " : "", name, ss_judgement_word(m->judgement, lang), s);
    }
    if (beyond || least < 0) {
        if (!beyond) snprintf(buf, n, "%s", ss_words(lang, "no key measure was measured at the samples"));
        return;
    }
    char s[768], name[200];
    const ss_verdict_measure *m = &v->measures[least];
    ss_robust_sentence(s, sizeof s, r, row_of(r, m), m->judgement, lang);
    ss_verdict_measure_name(name, sizeof name, m, info, lang);
    snprintf(buf, n, ss_words(lang, "no clear difference on any key measure; the least sure, %s: %s"), name, s);
}

/* The ranged numbers a set fixes, so not sampled where it is set: a planner's set number is a
 * choice, not an assumption. */
static void print_fixed(FILE *f, const ss_robust_result *r, ss_lang lang)
{
    for (int i = 0; i < r->nfixed; i++) {
        const ss_robust_fixed *x = &r->fixed[i];
        const char *where = x->in_base && x->in_option ? ss_words(lang, "in both models")
                            : x->in_option ? ss_words(lang, "in the option") : ss_words(lang, "in the base");
        ss_words_print(f, lang, "    kept at the value set, not sampled, %s: %s\n", where, x->set);
    }
}

void ss_robust_print_verdict(FILE *f, const ss_verdict *v, const ss_run_info *info, ss_lang lang)
{
    const ss_robust_result *r = v->robust;
    const char *design = strcmp(r->design, "ensemble") == 0 ? ss_words(lang, "a calibrated ensemble")
                         : strcmp(r->design, "sobol") == 0 ? ss_words(lang, "a Sobol sequence")
                         : ss_words(lang, "a Latin hypercube");
    ss_words_print(f, lang, "  Robustness over %ld samples of the plausible assumptions (%d ranged %s, %s):\n", r->npoints,
                   r->nparams, ss_words(lang, r->nparams == 1 ? "number" : "numbers"), design);
    print_fixed(f, r, lang);
    for (int i = 0; i < v->nmeasures; i++) {
        const ss_verdict_measure *m = &v->measures[i];
        if (m->row->planned) continue;  /* not sampled: the same at every sample */
        const ss_robust_row *row = row_of(r, m);
        char name[200], s[768], lo[48], mid[48], hi[48];
        ss_verdict_measure_name(name, sizeof name, m, info, lang);
        ss_robust_sentence(s, sizeof s, r, row, m->judgement, lang);
        fprintf(f, "    %s %s: %s\n", ss_judgement_mark(m->judgement), name, s);
        if (!row || row->samples == 0) continue;
        const char *unit = ss_compare_row_info(m->row)->unit;
        ss_compare_format_difference(lo, sizeof lo, &(ss_estimate){.mean = row->diff_p05, .ci_low = NAN}, unit, lang);
        ss_compare_format_difference(mid, sizeof mid, &(ss_estimate){.mean = row->diff_p50, .ci_low = NAN}, unit, lang);
        ss_compare_format_difference(hi, sizeof hi, &(ss_estimate){.mean = row->diff_p95, .ci_low = NAN}, unit, lang);
        char line[400];
        snprintf(line, sizeof line, ss_robust_directed(row)
                 ? ss_words(lang, "      better in %.0f %%, worse in %.0f %%, unclear in %.0f %%; the difference %s (median), %s to %s (5 to 95 %%)\n")
                 : ss_words(lang, "      higher in %.0f %%, lower in %.0f %%, unclear in %.0f %%; the difference %s (median), %s to %s (5 to 95 %%)\n"),
                 100 * row->share_better, 100 * row->share_worse, 100 * row->share_unclear, mid, lo, hi);
        ss_lang_figures(lang, line);
        fputs(line, f);
    }
}
