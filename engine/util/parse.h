/* parse: reading numbers typed by a person (command-line options, REPL arguments, report flags),
 * strictly: the whole text must be the number, and it must lie in range. */
#ifndef SS_PARSE_H
#define SS_PARSE_H

#include <stdbool.h>
#include <stddef.h>

/* A whole number from min to max written in s, with nothing after it. */
bool ss_parse_count(const char *s, long min, long max, long *out);

/* A number from min to max written in s (strtod's forms), with nothing after it. */
bool ss_parse_number(const char *s, double min, double max, double *out);

/* A fraction above 0 and below 1, written "0.05" or "5%" (a relative precision, a share). */
bool ss_parse_fraction(const char *s, double *out);

/* A Norwegian decimal comma: "10,5" (an optional sign, digits, a comma, digits, nothing else) is
 * written to out as "10.5" and true returned.  Three digits after the comma ("1,250") may be an
 * English thousands separator: false with *ambiguous set.  Anything else: false. */
bool ss_parse_decimal_comma(const char *s, char *out, size_t n, bool *ambiguous);

#endif
