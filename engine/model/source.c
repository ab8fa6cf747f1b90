#include "source.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int ss_source_check(FILE *f, const char *path, size_t max, ss_diag *d)
{
    struct stat st;
    if (fstat(fileno(f), &st) < 0)
        return ss_fail(d, "%s: cannot read (%s)", path, strerror(errno));
    if (S_ISDIR(st.st_mode))
        return ss_fail(d, "%s: is a directory (expected a file)", path);
    if (!S_ISREG(st.st_mode))
        return ss_fail(d, "%s: is not a regular file (expected a file, not a device, pipe or socket)", path);
    if ((unsigned long long)st.st_size > max)
        return ss_fail(d, "%s: is %.1f MiB, more than the %zu MiB a scenario, rule or script file may have",
                       path, (double)st.st_size / (1 << 20), max >> 20);
    return 0;
}

/* Read at most max bytes: the size was checked, but a file may grow while it is read. */
static char *read_bounded(FILE *f, const char *path, size_t max, size_t *len, ss_diag *d)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap || cap > max)
            break;
        char *bigger = realloc(buf, (cap *= 2) + 1);
        if (!bigger)
            free(buf);
        buf = bigger;
    }
    if (!buf) {
        ss_fail(d, "%s: out of memory", path);
        return NULL;
    }
    if (ferror(f) || n > max) {
        free(buf);
        if (n > max)
            ss_fail(d, "%s: grew past the size allowed while it was read", path);
        else
            ss_fail(d, "%s: cannot read (%s)", path, strerror(errno ? errno : EIO));
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

char *ss_source_read(const char *path, size_t max, size_t *len, ss_diag *d)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        ss_fail(d, "%s: cannot open (%s)", path, strerror(errno));
        return NULL;
    }
    char *buf = ss_source_check(f, path, max, d) < 0 ? NULL : read_bounded(f, path, max, len, d);
    fclose(f);
    return buf;
}
