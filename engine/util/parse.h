/* parse: reading numbers typed by a person (command-line options, REPL arguments, report flags),
 * strictly: the whole text must be the number, and it must lie in range. */
#ifndef SS_PARSE_H
#define SS_PARSE_H

#include <stdbool.h>

/* A whole number from min to max written in s, with nothing after it. */
bool ss_parse_count(const char *s, long min, long max, long *out);

#endif
