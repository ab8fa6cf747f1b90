/* lang: the language of output for people, and figures written its way. */
#include "lang.h"

#include <ctype.h>
#include <string.h>

bool ss_lang_parse(const char *s, ss_lang *lang)
{
    if (!s)
        return false;
    size_t n = strcspn(s, "-_.");  /* "nb-NO", "nb_NO.UTF-8": the language part */
    if (n == 2 && strncmp(s, "en", 2) == 0) {
        *lang = SS_LANG_EN;
        return true;
    }
    if (n == 2 && (strncmp(s, "nb", 2) == 0 || strncmp(s, "no", 2) == 0)) {
        *lang = SS_LANG_NB;
        return true;
    }
    return false;
}

const char *ss_lang_code(ss_lang lang) { return lang == SS_LANG_NB ? "nb" : "en"; }

static bool digit(char c) { return isdigit((unsigned char)c) != 0; }

void ss_lang_figures(ss_lang lang, char *s)
{
    if (lang != SS_LANG_NB || !s)
        return;
    /* commas first: after the second pass a decimal comma would look like a separator */
    for (char *p = s; *p; p++)
        if (*p == ',' && p > s && digit(p[-1]) && p[1] == ' ' &&
            (digit(p[2]) || ((p[2] == '-' || p[2] == '+') && digit(p[3]))))
            *p = ';';
    for (char *p = s; *p; p++)
        if (*p == '.' && p > s && digit(p[-1]) && digit(p[1]))
            *p = ',';
}
