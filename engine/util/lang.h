/* lang: which language people read output in, and numbers written its way.
 *
 * English writes 12.5 and an interval [10.1, 14.9]; Norwegian (bokmål) writes a decimal comma,
 * 12,5, so an interval's two ends are parted by a semicolon: [10,1; 14,9].  Text that already
 * holds formatted figures is localised in place (the length never changes, so a table measured
 * before is still aligned after).  The words themselves are in output/words.h. */
#ifndef SS_LANG_H
#define SS_LANG_H

#include <stdbool.h>
#include <stddef.h>

typedef enum ss_lang { SS_LANG_EN, SS_LANG_NB } ss_lang;

/* "en" or "nb" (also "no", "nb-NO", "nb_NO.UTF-8"): true and *lang set, or false. */
bool ss_lang_parse(const char *s, ss_lang *lang);
/* "en" or "nb". */
const char *ss_lang_code(ss_lang lang);
/* In Norwegian: a '.' between two digits becomes ',', and a ',' that parts two figures (a digit
 * or a figure's percent sign before, a blank and a digit or sign after, as in "[1.5, 2.5]" or
 * "[54.7%, 73.9%]") becomes ';'.  English: as is. */
void ss_lang_figures(ss_lang lang, char *s);
/* In Norwegian a percent sign stands apart from its figure, "84,9 %", with a no-break space
 * (U+00A0, two bytes) so that a line never breaks between them: inserted after a digit directly
 * followed by '%', as far as the n bytes of s allow.  English: as is ("84.9%").  Unlike
 * ss_lang_figures this lengthens s: use it before a table measures its cells. */
void ss_lang_percent(ss_lang lang, char *s, size_t n);
/* A whole amount (kroner) in groups of three digits: "1,800,000" in English, "1 800 000" with
 * no-break spaces in Norwegian; a '+' before a positive one when signed_. */
void ss_lang_amount(ss_lang lang, char *buf, size_t n, double x, bool signed_);

#endif
