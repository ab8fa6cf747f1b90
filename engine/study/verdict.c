/* verdict: key measures judged better, worse or not clearly different. */
#include "verdict.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* A service "queues" when, in either model, on average at least this many wait for first
 * contact: its wait is then a key measure; the others' waits are in the full table. */
#define QUEUEING_CASES 1.0

/* The reviewers' measures, in the order they read them (issue 14): time to first help and to the
 * right help, the waits at services that queue, people lost at transitions, hand-offs across
 * sectors, individual plans offered, coordinators appointed, decisions within the legal limits. */
typedef struct key { const char *scope, *metric; bool queueing_only; } key;
static const key keys[] = {
    {"system", "first_help_mean", false},
    {"system", "right_help_mean", false},
    {"service", "wait_mean", true},
    {"system", "lost_at_transition", false},
    {"system", "handoffs_across_sectors", false},
    {"system", "plan_offered_share", false},
    {"system", "coordinator_share", false},
    {"system", "child_coordinator_share", false},
    {"service", "decisions_within_limit_share", false},
};

ss_judgement ss_judge(const ss_compare_row *r)
{
    if (!isfinite(r->diff.mean) || (!r->planned && (!isfinite(r->diff.ci_low) || !isfinite(r->diff.ci_high))))
        return SS_JUDGED_UNKNOWN;
    if (!r->distinguishable)
        return SS_JUDGED_SAME;
    bool up = r->diff.mean > 0;
    switch (ss_compare_row_info(r)->better) {
    case SS_BETTER_LOWER: return up ? SS_JUDGED_WORSE : SS_JUDGED_BETTER;
    case SS_BETTER_HIGHER: return up ? SS_JUDGED_BETTER : SS_JUDGED_WORSE;
    case SS_BETTER_NEITHER:
    case SS_BETTER_UNDECLARED: break;
    }
    return up ? SS_JUDGED_HIGHER : SS_JUDGED_LOWER;
}

static double queue_of(const ss_comparison *c, const char *subject, bool option)
{
    for (int i = 0; i < c->nrows; i++) {
        const ss_compare_row *r = &c->rows[i];
        if (strcmp(r->scope, "service") == 0 && strcmp(r->subject, subject) == 0 && strcmp(r->metric, "queue_mean") == 0)
            return option ? r->option.mean : r->base.mean;
    }
    return NAN;
}

static bool queues(const ss_comparison *c, const char *subject)
{
    double a = queue_of(c, subject, false), b = queue_of(c, subject, true);
    return (isfinite(a) && a >= QUEUEING_CASES) || (isfinite(b) && b >= QUEUEING_CASES);
}

static bool wanted(const ss_comparison *c, const ss_compare_row *r, const key *k)
{
    if (strcmp(r->scope, k->scope) != 0 || strcmp(r->metric, k->metric) != 0)
        return false;
    if (!isfinite(r->base.mean) && !isfinite(r->option.mean))
        return false;  /* measured in neither model: e.g. no barnekoordinator duty */
    return !k->queueing_only || queues(c, r->subject);
}

/* A planned measure's row: the two models' planned values, their exact difference (no interval),
 * different when it is more than tolerance; NAN values when the scenarios do not give it. */
static void planned_row(ss_compare_row *r, const char *metric, double base, double option, double tolerance)
{
    *r = (ss_compare_row){.scope = "staffing", .metric = metric, .planned = true};
    r->base = (ss_estimate){.mean = base, .ci_low = NAN, .ci_high = NAN};
    r->option = (ss_estimate){.mean = option, .ci_low = NAN, .ci_high = NAN};
    r->diff = (ss_estimate){.mean = option - base, .ci_low = NAN, .ci_high = NAN};
    r->diff_unpaired = r->diff;
    r->relative = base != 0 ? (option - base) / base : NAN;
    r->distinguishable = fabs(option - base) > tolerance;
}

static void add_measure(ss_verdict *v, const ss_compare_row *r)
{
    ss_verdict_measure *m = &v->measures[v->nmeasures++];
    *m = (ss_verdict_measure){.row = r, .judgement = ss_judge(r)};
    v->nbetter += m->judgement == SS_JUDGED_BETTER;
    v->nworse += m->judgement == SS_JUDGED_WORSE;
}

void ss_verdict_build(const ss_comparison *c, const ss_model_about *base, const ss_model_about *option, ss_verdict *v)
{
    memset(v, 0, sizeof *v);
    v->measures = xcalloc((size_t)c->nrows + 2, sizeof *v->measures);
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        for (int i = 0; i < c->nrows; i++) {
            if (!wanted(c, &c->rows[i], &keys[k]))
                continue;
            assert(v->nmeasures < c->nrows && "a row is the measure of one key at most");
            add_measure(v, &c->rows[i]);
        }
    }
    v->fte_base = c->fte_base;
    v->fte_option = c->fte_option;
    bool costed = c->nok_per_fte_base > 0 && c->nok_per_fte_option > 0;
    double cost_base = costed ? c->fte_base * c->nok_per_fte_base : NAN, cost_option = costed ? c->fte_option * c->nok_per_fte_option : NAN;
    v->cost_difference = cost_option - cost_base;
    v->planned = xcalloc(2, sizeof *v->planned);
    planned_row(&v->planned[0], "fte_total", c->fte_base, c->fte_option, 1e-9);
    planned_row(&v->planned[1], "cost_nok", cost_base, cost_option, 0.5);
    add_measure(v, &v->planned[0]);
    add_measure(v, &v->planned[1]);
    v->base = base;
    v->option = option;
    v->effects_known = base && option;
    if (v->effects_known) {
        int max = base->neffects + option->neffects;
        v->effects = xcalloc(max > 0 ? (size_t)max : 1, sizeof *v->effects);
        v->neffects = ss_effects_differing(base, option, v->effects, max);
    }
}

void ss_verdict_free(ss_verdict *v)
{
    free(v->measures);
    free(v->planned);
    free(v->effects);
    memset(v, 0, sizeof *v);
}

bool ss_verdict_rests_on_effects(const ss_verdict *v, const ss_verdict_measure *m)
{
    return v->neffects > 0 && !m->row->planned && m->judgement != SS_JUDGED_SAME && m->judgement != SS_JUDGED_UNKNOWN;
}

const char *ss_judgement_word(ss_judgement j, ss_lang lang)
{
    static const char *const en[] = {"no clear difference", "better", "worse", "higher", "lower", "not measured"};
    static const char *const nb[] = {"ingen klar forskjell", "bedre", "dårligere", "høyere", "lavere", "ikke målt"};
    return lang == SS_LANG_NB ? nb[j] : en[j];
}

const char *ss_judgement_mark(ss_judgement j)
{
    static const char *const marks[] = {"≈", "✓", "✗", "↑", "↓", "?"};
    return marks[j];
}

const char *ss_judgement_key(ss_judgement j)
{
    static const char *const names[] = {"same", "better", "worse", "higher", "lower", "unknown"};
    return names[j];
}

void ss_verdict_format_difference(char *buf, size_t n, const ss_compare_row *r, ss_lang lang)
{
    if (!r->planned) {
        ss_compare_format_difference(buf, n, &r->diff, ss_compare_row_info(r)->unit, lang);
        return;
    }
    char d[64];
    ss_verdict_planned_figure(d, sizeof d, r, r->diff.mean, true, lang);
    snprintf(buf, n, isfinite(r->diff.mean) ? "%s, %s" : "%.0s%s", d, ss_verdict_planned_note(r, lang));
}

void ss_verdict_planned_figure(char *buf, size_t n, const ss_compare_row *r, double x, bool signed_, ss_lang lang)
{
    if (!isfinite(x))
        snprintf(buf, n, "-");
    else if (strcmp(ss_compare_row_info(r)->unit, "NOK") == 0)
        ss_lang_amount(lang, buf, n, x, signed_);
    else {
        ss_compare_format(buf, n, x, ss_compare_row_info(r)->unit, signed_);
        ss_lang_figures(lang, buf);
    }
}

const char *ss_verdict_planned_note(const ss_compare_row *r, ss_lang lang)
{
    static const char *const en[] = {"more by construction", "less by construction", "the same by construction",
                                     "the scenarios give no cost per FTE"};
    static const char *const nb[] = {"mer etter planen", "mindre etter planen", "likt etter planen",
                                     "scenarioene oppgir ingen kostnad per årsverk"};
    int k = !isfinite(r->diff.mean) ? 3 : !r->distinguishable ? 2 : r->diff.mean > 0 ? 0 : 1;
    return lang == SS_LANG_NB ? nb[k] : en[k];
}
