/* verdict: what a reviewer reads first — for a short list of key measures, whether the option
 * is better, worse, or not clearly different from the base, with the paired difference and the
 * effect assumptions the difference may rest on.
 *
 * Better and worse come from each metric's declared direction (results.h, ss_metric_info.better)
 * and the paired interval: a measure is better or worse only when its interval excludes 0.  A
 * metric that is better neither way (a count of arrivals) is said to be higher or lower.  The
 * last key measures are planned inputs, not simulated estimates: the staff (FTE) serving the
 * modelled population and its yearly cost (NOK), lower being better; their difference is exact
 * ("more by construction"), so any difference at all is better or worse. */
#ifndef SS_VERDICT_H
#define SS_VERDICT_H

#include <stdbool.h>
#include <stddef.h>

#include "about.h"
#include "compare.h"

typedef enum ss_judgement {
    SS_JUDGED_SAME,      /* no clear difference: the paired interval holds 0 */
    SS_JUDGED_BETTER,
    SS_JUDGED_WORSE,
    SS_JUDGED_HIGHER,    /* beyond noise, on a metric better neither way */
    SS_JUDGED_LOWER,
    SS_JUDGED_UNKNOWN    /* no interval (one replication, or not measured) */
} ss_judgement;

typedef struct ss_robust_result ss_robust_result;   /* robust.h */

typedef struct ss_verdict_measure {
    const ss_compare_row *row;   /* borrowed from the comparison */
    ss_judgement judgement;
} ss_verdict_measure;

typedef struct ss_verdict {
    int nmeasures;
    ss_verdict_measure *measures;   /* the key measures, in the reviewers' order, the planned ones last */
    ss_compare_row *planned;        /* owned: the rows of the planned measures (FTE, yearly cost) */
    int nbetter, nworse;
    double fte_base, fte_option;
    double cost_difference;          /* yearly NOK, NAN when the scenarios give no cost per FTE */
    /* The effect assumptions in which the models differ: pairs of indices into base->effects
     * and option->effects (-1: not declared there).  effects_known is false when a model's
     * text could not be read (then nothing is claimed). */
    bool effects_known;
    int neffects;
    int (*effects)[2];
    const ss_model_about *base, *option;  /* borrowed */
    const char *base_label, *option_label; /* how the caller knows them (the REPL: file and edits); may be NULL */
    /* "holds in 87 % of the plausible assumptions; decided by ...": a one-line summary of a robust
     * comparison (robust.h) of these models, and its result (borrowed), per measure; NULL when
     * none was run, and said so. */
    const char *robustness;
    const ss_robust_result *robust;
} ss_verdict;

/* The verdict on comparison c; base/option may be NULL (a stored run without its text). */
void ss_verdict_build(const ss_comparison *c, const ss_model_about *base, const ss_model_about *option, ss_verdict *v);
void ss_verdict_free(ss_verdict *v);

/* The judgement of one row, from its metric's direction and its paired interval (a planned row:
 * its exact difference). */
ss_judgement ss_judge(const ss_compare_row *r);
/* Whether a judged measure's difference may rest on effect assumptions (it differs, and the
 * models differ in effect assumptions). */
bool ss_verdict_rests_on_effects(const ss_verdict *v, const ss_verdict_measure *m);

/* "better", "worse", "no clear difference", "higher", "lower", "not measured" (or Norwegian). */
const char *ss_judgement_word(ss_judgement j, ss_lang lang);
/* A mark readable without colour: "✓" better, "✗" worse, "≈" no clear difference, "↑"/"↓"
 * higher/lower, "?" unknown. */
const char *ss_judgement_mark(ss_judgement j);
/* "better", "worse", "same", "higher", "lower", "unknown": for JSON and CSS classes. */
const char *ss_judgement_key(ss_judgement j);

/* The paired difference for people: "-5.2 days [-7.1, -3.3]", shares in percentage points
 * ("-12.7 pp [-15.0, -10.4]"), never a relative change.  Decimal comma in Norwegian. */
void ss_verdict_format_difference(char *buf, size_t n, const ss_compare_row *r, ss_lang lang);

/* A planned row's figure x in lang: FTE at one decimal ("20,0" in Norwegian), kroner grouped by
 * threes ("1 800 000"); "-" when the scenarios do not give it.  signed_: "+" before a positive one. */
void ss_verdict_planned_figure(char *buf, size_t n, const ss_compare_row *r, double x, bool signed_, ss_lang lang);
/* What stands for a planned row's interval: "more by construction", "less by construction",
 * "the same by construction", or that the scenarios give no cost per FTE (or Norwegian). */
const char *ss_verdict_planned_note(const ss_compare_row *r, ss_lang lang);

#endif
