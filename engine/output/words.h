/* words: what people read, in English or Norwegian (bokmål) — the results table, `explain` and
 * the REPL.
 *
 * The English text is the key: code writes ss_words(lang, "wait days") or passes a format
 * through it, so the English stays readable where it is used and gcc checks a format's arguments
 * against it (format_arg).  words.c holds the Norwegian beside each English text;
 * tests/checks/words.py fails when a text the REPL prints has no Norwegian or when a translation's
 * conversions (%s, %d, ...) differ from the English. */
#ifndef SS_WORDS_H
#define SS_WORDS_H

#include "lang.h"

#include <stdarg.h>
#include <stdio.h>

/* en in lang: itself in English, or when it has no translation. */
const char *ss_words(ss_lang lang, const char *en) __attribute__((format_arg(2)));
/* Print fmt's words in lang, the figures written lang's way (ss_lang_figures). */
void ss_words_print(FILE *f, ss_lang lang, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void ss_words_vprint(FILE *f, ss_lang lang, const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));

#endif
