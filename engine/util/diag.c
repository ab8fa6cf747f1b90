#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int ss_fail(ss_diag *d, const char *fmt, ...)
{
    if (!d)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->msg, sizeof d->msg, fmt, ap);
    va_end(ap);
    return -1;
}

int ss_wrap(ss_diag *d, const char *fmt, ...)
{
    if (!d)
        return -1;
    char prefix[1024], old[sizeof d->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    memcpy(old, d->msg, sizeof old);
    /* prefix first, then as much of the old message as fits */
    size_t n = strlen(prefix), cap = sizeof d->msg;
    if (n > cap - 3) n = cap - 3;
    memcpy(d->msg, prefix, n);
    memcpy(d->msg + n, ": ", 2);
    size_t rest = strlen(old);
    if (rest > cap - n - 3) rest = cap - n - 3;
    memcpy(d->msg + n + 2, old, rest);
    d->msg[n + 2 + rest] = '\0';
    return -1;
}
