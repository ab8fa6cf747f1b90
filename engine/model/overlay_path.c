/* overlay_path: where an overlay named on the command line or in the REPL is (overlay_path.h). */
#include "overlay_path.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sbuf.h"

enum { PATH = 1024, CANDIDATES = 8 };

/* Anything there counts: a device or a folder is then refused by the loader, which says why. */
static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* The folder of path ("." for a bare name). */
static void folder_of(const char *path, char *out, size_t n)
{
    const char *slash = strrchr(path, '/');
    if (slash == path) snprintf(out, n, "/");
    else if (slash) snprintf(out, n, "%.*s", (int)(slash - path), path);
    else snprintf(out, n, ".");
}

static bool ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && strcmp(s + a - b, tail) == 0;
}

/* The places to look, in order; returns how many. */
static int candidates(const char *scenario, const char *name, char out[][PATH])
{
    char dir[PATH], up[PATH], file[PATH];
    folder_of(scenario, dir, sizeof dir);
    folder_of(dir, up, sizeof up);
    const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
    snprintf(file, sizeof file, "%s%s", base, ends_with(base, ".lua") ? "" : ".lua");
    int k = 0;
    if (name[0] != '/' && strcmp(dir, ".") != 0) snprintf(out[k++], PATH, "%s/%s", dir, name);
    snprintf(out[k++], PATH, "%s", name);
    if (!ends_with(name, ".lua")) snprintf(out[k++], PATH, "%s.lua", name);
    if (name[0] != '/') {
        snprintf(out[k++], PATH, "%s/models/%s", dir, file);
        if (strcmp(dir, ".") != 0)
            snprintf(out[k++], PATH, "%s%smodels/%s", strcmp(up, ".") == 0 ? "" : up, strcmp(up, ".") == 0 ? "" : "/", file);
    }
    int kept = 0;  /* "models/x.lua" beside the scenario is also its models folder's x.lua: once */
    for (int i = 0; i < k; i++) {
        bool seen = false;
        for (int j = 0; j < kept && !seen; j++) seen = strcmp(out[j], out[i]) == 0;
        if (!seen && kept != i) memcpy(out[kept], out[i], PATH);
        kept += !seen;
    }
    return kept;
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* "; the models in scenarios/models: a, b, c" for the first models folder that exists. */
static void list_models(const char *const *folders, int nfolders, ss_buf *b)
{
    for (int f = 0; f < nfolders; f++) {
        DIR *dir = opendir(folders[f]);
        if (!dir) continue;
        char *names[256];
        int n = 0;
        for (struct dirent *e; (e = readdir(dir)) && n < 256;)
            if (ends_with(e->d_name, ".lua") && e->d_name[0] != '.')
                names[n++] = strndup(e->d_name, strlen(e->d_name) - 4);
        closedir(dir);
        qsort(names, (size_t)n, sizeof *names, by_name);  /* readdir's order is the file system's */
        for (int i = 0; i < n; i++) {
            ss_buf_fmt(b, "%s%s", i ? ", " : "; the models in ", i ? "" : folders[f]);
            ss_buf_fmt(b, "%s%s", i ? "" : ": ", names[i]);
            free(names[i]);
        }
        if (n > 0) return;
    }
}

int ss_overlay_locate(const char *scenario, const char *name, char *out, size_t n, ss_diag *d)
{
    char places[CANDIDATES][PATH];
    int k = candidates(scenario, name, places);
    for (int i = 0; i < k; i++)
        if (exists(places[i])) {
            snprintf(out, n, "%s", places[i]);
            return 0;
        }
    ss_buf b = {0};
    ss_buf_fmt(&b, "overlay '%s' not found (looked for ", name);
    for (int i = 0; i < k; i++) ss_buf_fmt(&b, "%s%s", i == 0 ? "" : i == k - 1 ? " and " : ", ", places[i]);
    ss_buf_str(&b, ")");
    char dir[PATH], up[PATH], folders[2][PATH];
    folder_of(scenario, dir, sizeof dir);
    folder_of(dir, up, sizeof up);
    snprintf(folders[0], PATH, "%s/models", dir);
    snprintf(folders[1], PATH, "%s/models", up);
    const char *f[2] = {folders[0], folders[1]};
    list_models(f, 2, &b);
    int rc = ss_fail(d, "%s", b.s ? b.s : name);
    ss_buf_free(&b);
    return rc;
}
