/* words: the Norwegian (bokmål) beside each English text people read (see words.h).
 *
 * Written as a planner in a Norwegian municipality would say it: tjeneste, årsverk, henvisning,
 * ventetid, kø, saksmengde, overgang; figures with a decimal comma (ss_lang_figures does that).
 * Each entry is one English text, exactly as the code writes it, and its translation with the
 * same conversions in the same order (tests/checks/words.py). */
#include "words.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

typedef struct word {
    const char *en, *nb;
} word;

static const word words_nb[] = {
#include "words_nb.h"
};

const char *ss_words(ss_lang lang, const char *en)
{
    if (lang != SS_LANG_NB || !en)
        return en;
    for (size_t i = 0; i < sizeof words_nb / sizeof words_nb[0]; i++)
        if (strcmp(words_nb[i].en, en) == 0)
            return words_nb[i].nb;
    return en;
}

void ss_words_vprint(FILE *f, ss_lang lang, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    const char *text = ss_words(lang, fmt);
    int k = vsnprintf(NULL, 0, text, ap);
    size_t room = k > 0 ? 3 * (size_t)k + 1 : 1;  /* a percent sign may take a no-break space before it */
    char *out = xmalloc(room);
    vsnprintf(out, room, text, again);
    va_end(again);
    ss_lang_figures(lang, out);
    ss_lang_percent(lang, out, room);
    fputs(out, f);
    free(out);
}

void ss_words_print(FILE *f, ss_lang lang, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ss_words_vprint(f, lang, fmt, ap);
    va_end(ap);
}
