/* robust_text: a robust comparison (study/robust.h) in words — "holds in 87 % of the plausible
 * assumptions; decided by services.fh.right_first_time (better where >= 0.78)" — for the verdict
 * of `samsim compare`, the REPL's compare and the report's summary. */
#ifndef SS_ROBUST_TEXT_H
#define SS_ROBUST_TEXT_H

#include <stddef.h>
#include <stdio.h>

#include "lang.h"
#include "robust.h"
#include "verdict.h"

/* "≥ 0.78" or "< 0.78": where the option is better (higher), in the number's units. */
void ss_robust_condition(char *buf, size_t n, const ss_split *s);

/* One measure: "holds in 87 % of the plausible assumptions; decided by X (better where ≥ 0.78)",
 * nominal being the measure's judgement at the scenarios' own values. */
void ss_robust_sentence(char *buf, size_t n, const ss_robust_result *r, const ss_robust_row *row, ss_judgement nominal,
                        ss_lang lang);

/* How a cell names the numbers that decide it: words(ctx, path, out, n) writes a ranged number's
 * words and returns true, or returns false when it has none; then its key path is written between
 * SS_CODE_OPEN and SS_CODE_CLOSE, for the writer to show as code. */
typedef struct ss_param_namer {
    bool (*words)(const void *ctx, const char *path, char *out, size_t n);
    const void *ctx;
} ss_param_namer;
#define SS_CODE_OPEN '\x01'
#define SS_CODE_CLOSE '\x02'

/* The same in a column headed "Over the plausible assumptions": "holds in 87 %; decided by X (...)",
 * X named by namer (NULL: by its key path, as is). */
void ss_robust_cell(char *buf, size_t n, const ss_robust_result *r, const ss_robust_row *row, ss_judgement nominal,
                    const ss_param_namer *namer, ss_lang lang);

/* The verdict's one line (ss_verdict.robustness): each key measure beyond noise, named with its
 * service from info (the base's run; NULL: service ids), its judgement and its sentence, or, when
 * none is, how often "no clear difference" holds at the least. */
void ss_robust_verdict_line(char *buf, size_t n, const ss_verdict *v, const ss_robust_result *r, const ss_run_info *info,
                            ss_lang lang);

/* The verdict's robustness block: the samples, then a line per key measure. */
void ss_robust_print_verdict(FILE *f, const ss_verdict *v, const ss_run_info *info, ss_lang lang);

#endif
