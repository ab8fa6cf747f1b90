/* args: a command line split into arguments that remember where they were typed, so an error
 * can point a caret at the bad one (as the sqlite3 shell does). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "repl.h"
#include "xalloc.h"

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* One argument starting at line[i]: quotes group and are dropped from the copy. */
static int take_word(const char *line, int i, ss_buf *word, ss_diag *d)
{
    char quote = 0;
    for (; line[i] && (quote || !is_blank(line[i])); i++) {
        char c = line[i];
        if (quote && c == quote) quote = 0;
        else if (!quote && (c == '"' || c == '\'')) quote = c;
        else ss_buf_add(word, &c, 1);
    }
    if (quote)
        return ss_fail(d, "the quote %c is not closed", quote);
    ss_buf_add(word, "", 0);
    return i;
}

int repl_args_split(repl_args *a, const char *line, ss_diag *d)
{
    memset(a, 0, sizeof *a);
    a->line = line;
    for (int i = 0;;) {
        while (is_blank(line[i]))
            i++;
        if (!line[i])
            return 0;
        if (a->argc == REPL_MAX_ARGS) {
            repl_args_free(a);
            return ss_fail(d, "too many arguments (at most %d)", REPL_MAX_ARGS);
        }
        ss_buf word = {0};
        int end = take_word(line, i, &word, d);
        if (end < 0) {
            ss_buf_free(&word);
            repl_args_free(a);
            return -1;
        }
        a->off[a->argc] = i;
        a->len[a->argc] = end - i;
        a->argv[a->argc++] = word.s;
        i = end;
    }
}

void repl_args_free(repl_args *a)
{
    for (int i = 0; i < a->argc; i++)
        free(a->argv[i]);
    a->argc = 0;
}

void repl_args_rest(const repl_args *a, int i, char *out, size_t n)
{
    if (i >= a->argc) {
        snprintf(out, n, "%s", "");
        return;
    }
    const char *s = a->line + a->off[i];
    size_t k = strlen(s);
    while (k > 0 && is_blank(s[k - 1]))
        k--;
    snprintf(out, n, "%.*s", (int)k, s);
}

/* ---- errors ------------------------------------------------------------------------------ */

/* "<stdin>:3: " in scripts; at the terminal the person just typed the line. */
static void location(const repl *r, char *out, size_t n)
{
    if (r->interactive && r->read_depth == 0)
        snprintf(out, n, "error: ");
    else
        snprintf(out, n, "%s:%d: ", r->src, r->lineno);
}

/* Column of byte offset off in line, in code points, so the caret sits under "Lørenskog". */
static int column(const char *line, int off)
{
    int c = 0;
    for (int i = 0; i < off && line[i]; i++)
        c += ((unsigned char)line[i] & 0xC0) != 0x80;
    return c;
}

static void caret(repl *r, const repl_args *a, int argi)
{
    const char *line = a->line;
    size_t k = strlen(line);
    while (k > 0 && (line[k - 1] == '\n' || line[k - 1] == '\r'))
        k--;
    fprintf(r->err, "  %.*s\n  ", (int)k, line);
    int off = argi < a->argc ? a->off[argi] : (int)k + 1;
    int len = argi < a->argc ? a->len[argi] : 1;
    for (int i = column(line, off); i > 0; i--)
        fputc(' ', r->err);
    fputc('^', r->err);
    for (int i = column(line + off, len) - 1; i > 0; i--)
        fputc('~', r->err);
    fputc('\n', r->err);
}

int repl_fail(repl *r, const repl_args *a, int argi, const char *fmt, ...)
{
    char loc[600], msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, ss_words(r->lang, fmt), ap);
    va_end(ap);
    ss_lang_figures(r->lang, msg);
    location(r, loc, sizeof loc);
    fflush(r->out);  /* errors after the output that came before them */
    fprintf(r->err, "%s%s\n", loc, msg);
    if (a && argi >= 0)
        caret(r, a, argi);
    fflush(r->err);
    r->errors++;
    return -1;
}

void repl_say(repl *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ss_words_vprint(r->out, r->lang, fmt, ap);
    va_end(ap);
}
