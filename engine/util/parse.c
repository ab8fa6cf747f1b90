#include "parse.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool ss_parse_count(const char *s, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || end == s || v < min || v > max) return false;
    *out = v;
    return true;
}

bool ss_parse_number(const char *s, double min, double max, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || end == s || !(v >= min && v <= max)) return false;
    *out = v;
    return true;
}

bool ss_parse_fraction(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end != s && *end == '%' && end[1] == '\0') {
        v /= 100.0;
        end++;
    }
    if (errno || *end || end == s || !(v > 0.0 && v < 1.0)) return false;
    *out = v;
    return true;
}

bool ss_parse_decimal_comma(const char *s, char *out, size_t n, bool *ambiguous)
{
    const char *p = s + (*s == '+' || *s == '-');
    size_t whole = strspn(p, "0123456789");
    *ambiguous = false;
    if (!whole || p[whole] != ',') return false;
    size_t frac = strspn(p + whole + 1, "0123456789");  /* after the comma, so within the text */
    if (!frac || p[whole + 1 + frac]) return false;
    if (frac == 3) {
        *ambiguous = true;
        return false;
    }
    snprintf(out, n, "%.*s.%s", (int)(p - s + whole), s, p + whole + 1);
    return true;
}
