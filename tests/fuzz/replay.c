/* replay: runs a fuzz target (linked in) over files, as libFuzzer would run one input, with a
 * plain compiler and no fuzzing engine.  `make test` runs both targets over their seed corpus
 * and over every crash and hang ever found (tests/fuzz/crashes/), so the harness cannot rot and
 * a fixed crash stays fixed.
 *   usage: replay [-p HEX] FILE|FOLDER...
 * -p puts one byte before every input (fuzz_rules reads its first byte as the mode, so rule
 * files from rules/ replay as module sources with -p 00).  Prints how many inputs ran when
 * asked (-n); exits 0 when every input ran without crashing. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_common.h"

static int prefix = -1; /* the -p byte; main's option, read by run_file */

static int run_file(const char *path)
{
    size_t n;
    char *data = fuzz_read(path, &n);
    if (prefix >= 0) {
        char *with = malloc(n + 1);
        with[0] = (char)prefix;
        memcpy(with + 1, data, n);
        free(data);
        data = with;
        n++;
    }
    LLVMFuzzerTestOneInput((const uint8_t *)data, n);
    free(data);
    return 1;
}

static int run_folder(const char *dir);

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files of a folder in name order, so the output does not depend on the file system. */
static int run_folder(const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        perror(dir);
        return -1;
    }
    char **names = NULL;
    size_t count = 0;
    for (struct dirent *e; (e = readdir(dp));) {
        if (e->d_name[0] == '.')
            continue;
        names = realloc(names, (count + 1) * sizeof *names);
        names[count++] = strdup(e->d_name);
    }
    closedir(dp);
    if (count > 1)
        qsort(names, count, sizeof *names, compare_names);
    int ran = 0;
    for (size_t i = 0; i < count; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
            ran += run_file(path);
        else if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            ran += run_folder(path);
        free(names[i]);
    }
    free(names);
    return ran;
}

int main(int argc, char **argv)
{
    int total = 0, count = 0, i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-n") == 0)
            count = 1;
        else if (strcmp(argv[i], "-p") == 0 && i + 1 < argc)
            prefix = (int)strtol(argv[++i], NULL, 16) & 0xff;
        else {
            fprintf(stderr, "usage: replay [-n] [-p HEX] FILE|FOLDER...\n");
            return 2;
        }
    }
    for (; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            perror(argv[i]);
            return 1;
        }
        int ran = S_ISDIR(st.st_mode) ? run_folder(argv[i]) : run_file(argv[i]);
        if (ran < 0)
            return 1;
        total += ran;
    }
    if (count)
        printf("replayed %d inputs\n", total);
    return 0;
}
