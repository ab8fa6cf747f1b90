/* lang: the language of output for people, and figures written its way. */
#include "lang.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
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
        if (*p == ',' && p > s && (digit(p[-1]) || (p[-1] == '%' && p - 1 > s && digit(p[-2]))) && p[1] == ' ' &&
            (digit(p[2]) || ((p[2] == '-' || p[2] == '+') && digit(p[3]))))
            *p = ';';
    for (char *p = s; *p; p++)
        if (*p == '.' && p > s && digit(p[-1]) && digit(p[1]))
            *p = ',';
}

void ss_lang_percent(ss_lang lang, char *s, size_t n)
{
    static const char nbsp[] = "\u00a0";
    size_t len = s ? strlen(s) : 0;
    if (lang != SS_LANG_NB || !s)
        return;
    for (char *p = s; *p; p++) {
        if (*p != '%' || p == s || !digit(p[-1]) || len + sizeof nbsp > n)
            continue;
        memmove(p + sizeof nbsp - 1, p, len - (size_t)(p - s) + 1);
        memcpy(p, nbsp, sizeof nbsp - 1);
        len += sizeof nbsp - 1;
        p += sizeof nbsp - 1;
    }
}

void ss_lang_amount(ss_lang lang, char *buf, size_t n, double x, bool signed_)
{
    char digits[64];
    snprintf(digits, sizeof digits, "%.0f", fabs(x));
    const char *sep = lang == SS_LANG_NB ? "\u00a0" : ",";
    size_t len = strlen(digits), k = 0;
    if (n == 0)
        return;
    const char *sign = x <= -0.5 ? "-" : signed_ && x >= 0.5 ? "+" : "";
    k += (size_t)snprintf(buf, n, "%s", sign);
    for (size_t i = 0; i < len && k < n; i++) {
        if (i > 0 && (len - i) % 3 == 0 && isdigit((unsigned char)digits[0]))
            k += (size_t)snprintf(buf + k, n - k, "%s", sep);
        if (k < n)
            k += (size_t)snprintf(buf + k, n - k, "%c", digits[i]);
    }
}
