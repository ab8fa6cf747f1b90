#include "plot.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xalloc.h"

extern char **environ;

/* ==== gnuplot ========================================================================================= */



int ss_plotter_init(plotter *p, const char *program, bool decimal_comma)
{
    memset(p, 0, sizeof *p);
    p->program = program && *program ? program : "gnuplot";
    p->decimal_comma = decimal_comma;
    const char *tmp = getenv("TMPDIR");
    snprintf(p->dir, sizeof p->dir, "%s/samsim-report-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(p->dir)) {
        p->missing = true;
        snprintf(p->why, sizeof p->why, "cannot make a temporary folder for gnuplot (%s)", strerror(errno));
        return -1;
    }
    return 0;
}

void ss_plotter_fini(plotter *p)
{
    if (p->missing && !*p->dir)
        return;
    for (int i = 1; i <= p->count; i++) {
        const char *ext[] = {"gp", "svg", "err"};
        for (int e = 0; e < 3; e++) {
            char path[600];
            snprintf(path, sizeof path, "%s/c%d.%s", p->dir, i, ext[e]);
            unlink(path);
        }
    }
    rmdir(p->dir);
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    ss_buf b = {0};
    char chunk[8192];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        ss_buf_add(&b, chunk, k);
    fclose(f);
    if (!b.s)
        ss_buf_str(&b, "");
    return b.s;
}

/* gnuplot's SVG, ready to inline: from <svg on, and with every id made unique to this chart
 * (each file defines the same marker ids; in one HTML page they would clash). */
static char *inline_svg(const char *svg, int chart)
{
    const char *start = strstr(svg, "<svg");
    if (!start)
        return NULL;
    static const char *const refs[] = {"id=\"", "id='", "href=\"#", "href='#", "url(#"};
    char prefix[32];
    snprintf(prefix, sizeof prefix, "c%d-", chart);
    ss_buf b = {0};
    for (const char *s = start; *s;) {
        size_t matched = 0;
        for (size_t i = 0; i < sizeof refs / sizeof refs[0] && !matched; i++)
            if (strncmp(s, refs[i], strlen(refs[i])) == 0)
                matched = strlen(refs[i]);
        if (matched) {
            ss_buf_add(&b, s, matched);
            ss_buf_str(&b, prefix);
            s += matched;
        } else {
            ss_buf_add(&b, s, 1);
            s++;
        }
    }
    return b.s;
}

/* The first line gnuplot wrote to stderr, which names the line of the script that failed. */
static void first_line(const char *path, char *out, size_t n)
{
    char *text = read_file(path);
    snprintf(out, n, "%s", text && *text ? text : "no message");
    char *nl = strchr(out, '\n');
    if (nl)
        *nl = '\0';
    free(text);
}

static int run_gnuplot(plotter *p, const char *script_path, const char *err_path, int *status)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    char *argv[] = {(char *)p->program, (char *)script_path, NULL};
    pid_t pid;
    int rc = posix_spawnp(&pid, p->program, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0)
        return rc;
    while (waitpid(pid, status, 0) < 0)
        if (errno != EINTR)
            return errno;
    return 0;
}

/* Draw one chart: the script body gets the terminal and output around it.  Returns the SVG to
 * inline, or NULL with p->why (and p->missing when gnuplot cannot be run at all). */
char *ss_plot_svg(plotter *p, const char *body, int width, int height)
{
    if (p->missing)
        return NULL;
    int n = ++p->count;
    char script[600], svg[600], err[600];
    snprintf(script, sizeof script, "%s/c%d.gp", p->dir, n);
    snprintf(svg, sizeof svg, "%s/c%d.svg", p->dir, n);
    snprintf(err, sizeof err, "%s/c%d.err", p->dir, n);
    FILE *f = fopen(script, "w");
    if (!f) {
        snprintf(p->why, sizeof p->why, "cannot write %s (%s)", script, strerror(errno));
        return NULL;
    }
    fprintf(f, "set encoding utf8\nset terminal svg size %d,%d dynamic noenhanced font 'sans-serif,12' background rgb 'white'\n"
               "set output '%s'\n%s%s\nunset output\n", width, height, svg, p->decimal_comma ? "set decimalsign ','\n" : "", body);
    fclose(f);
    int status = 0, rc = run_gnuplot(p, script, err, &status);
    if (rc != 0) {
        p->missing = true;
        snprintf(p->why, sizeof p->why, "%s could not be run (%s); install the Debian package gnuplot-nox", p->program,
                 rc == ENOENT ? "not found" : strerror(rc));
        return NULL;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        char line[400];
        first_line(err, line, sizeof line);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {  /* the shell's "not found", from a wrapper */
            p->missing = true;
            snprintf(p->why, sizeof p->why, "%s could not be run (%s); install the Debian package gnuplot-nox", p->program, line);
        } else {
            snprintf(p->why, sizeof p->why, "gnuplot failed: %s", line);
        }
        return NULL;
    }
    char *raw = read_file(svg);
    char *out = raw ? inline_svg(raw, n) : NULL;
    free(raw);
    if (!out)
        snprintf(p->why, sizeof p->why, "gnuplot wrote no SVG");
    return out;
}

/* A string inside a gnuplot script: single quotes, where only '' needs escaping. */
void ss_plot_quote(ss_buf *b, const char *s)
{
    ss_buf_str(b, "'");
    for (; *s; s++) {
        if (*s == '\'') ss_buf_str(b, "''");
        else if (*s != '\n') ss_buf_add(b, s, 1);
    }
    ss_buf_str(b, "'");
}

const char *const ss_plot_colours[SS_PLOT_NCOLOURS] = {"#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#8c8c8c"};

