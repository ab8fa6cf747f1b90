#include "parse.h"

#include <errno.h>
#include <stdlib.h>

bool ss_parse_count(const char *s, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || end == s || v < min || v > max) return false;
    *out = v;
    return true;
}
