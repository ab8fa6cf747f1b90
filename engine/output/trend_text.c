/* trend_text: the trend check's warning in words (see trend_text.h). */
#include "trend_text.h"

#include <stdio.h>
#include <string.h>

#include "words.h"

/* "over 2021" for a calendar year, "over 2021-03-01 to 2022-02-28" for another window, "over the
 * measured period" when the run has no start date. */
static void window_words(char *buf, size_t n, const ss_trend_note *t, ss_lang lang)
{
    if (!t->from[0] || !t->to[0])
        snprintf(buf, n, "%s", ss_words(lang, "over the measured period"));
    else if (strcmp(t->from + 4, "-01-01") == 0 && strcmp(t->to + 4, "-12-31") == 0 &&
             strncmp(t->from, t->to, 4) == 0)
        snprintf(buf, n, ss_words(lang, "over %.4s"), t->from);
    else
        snprintf(buf, n, ss_words(lang, "over %s to %s"), t->from, t->to);
}

void ss_trend_sentence(char *buf, size_t n, const ss_trend_note *t, ss_lang lang)
{
    char when[64];
    window_words(when, sizeof when, t, lang);
    if (t->surges && t->per_month > 0)  /* the scenario's own surge: expected, not a fault of the warm-up */
        snprintf(buf, n, ss_words(lang, "%s: queue still growing (%+.1f a month %s) with the demand surge %s in this "
                                         "window: its figures are a moment in a changing queue, not a steady state"),
                 t->service, t->per_month, when, t->surges);
    else if (t->surges)
        snprintf(buf, n, ss_words(lang, "%s: queue still shrinking (%+.1f a month %s) with the demand surge %s in this "
                                         "window: its figures are a moment in a changing queue, not a steady state"),
                 t->service, t->per_month, when, t->surges);
    else if (t->per_month > 0)
        snprintf(buf, n, ss_words(lang, "%s: queue still growing (%+.1f a month %s); lengthen the warm-up or check "
                                         "that demand does not exceed capacity"),
                 t->service, t->per_month, when);
    else
        snprintf(buf, n, ss_words(lang, "%s: queue still shrinking (%+.1f a month %s); lengthen the warm-up (the "
                                         "queue has not settled since the start or a change)"),
                 t->service, t->per_month, when);
    ss_lang_figures(lang, buf);  /* a decimal comma in Norwegian; the dates keep their hyphens */
}
