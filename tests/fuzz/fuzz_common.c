/* fuzz_common: the scratch folder of a fuzz target (see fuzz_common.h). */
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The folder, made once per process: the entry point's state, as libFuzzer allows no other. */
static char dir[64];

static void cleanup(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "fuzz: could not remove %s\n", dir);
}

const char *fuzz_dir(void)
{
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/samsim-fuzz-XXXXXX");
        if (!mkdtemp(dir)) {
            perror("fuzz: mkdtemp");
            abort();
        }
        atexit(cleanup);
    }
    return dir;
}

void fuzz_write(const char *name, const void *data, size_t n)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    mkdir(path, 0700); /* exists already, mostly */
    *slash = '/';
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, n, f) != n || fclose(f) != 0) {
        perror(path);
        abort();
    }
}

char *fuzz_read(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        abort();
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap + 1);
    size_t k;
    while (buf && (k = fread(buf + len, 1, cap - len, f)) > 0)
        if ((len += k) == cap)
            buf = realloc(buf, (cap *= 2) + 1);
    fclose(f);
    if (!buf)
        abort();
    buf[len] = '\0';
    *n = len;
    return buf;
}
