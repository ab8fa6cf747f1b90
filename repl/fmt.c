/* fmt: numbers and aligned tables for people, shared by every REPL command that prints. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "repl.h"

/* ---- growable text ----------------------------------------------------------------------- */

void repl_buf_add(repl_buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

void repl_buf_str(repl_buf *b, const char *s) { repl_buf_add(b, s, strlen(s)); }

void repl_buf_fmt(repl_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *tmp = malloc((size_t)k + 1);
    va_start(ap, fmt);
    vsnprintf(tmp, (size_t)k + 1, fmt, ap);
    va_end(ap);
    repl_buf_add(b, tmp, (size_t)k);
    free(tmp);
}

void repl_buf_free(repl_buf *b)
{
    free(b->s);
    *b = (repl_buf){0};
}

/* ---- text width -------------------------------------------------------------------------- */

int repl_text_width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

void repl_text_cut(char *dst, size_t n, const char *src, int max)
{
    if (repl_text_width(src) <= max || max < 3) {
        snprintf(dst, n, "%s", src);
        return;
    }
    size_t i = 0;
    for (int cp = 0; src[i] && i + 4 < n; i++) {
        if (((unsigned char)src[i] & 0xC0) != 0x80 && ++cp > max - 2)
            break;
        dst[i] = src[i];
    }
    snprintf(dst + i, n - i, "..");
}

/* ---- numbers ----------------------------------------------------------------------------- */

/* The same conventions as the run table (output.c), so figures read the same everywhere. */
void repl_fmt_number(char *out, size_t n, double x, const char *unit)
{
    if (!isfinite(x)) {
        snprintf(out, n, "-");
        return;
    }
    bool share = strcmp(unit, "share") == 0;
    int decimals = strcmp(unit, "count") == 0 || strcmp(unit, "persons") == 0 ? 0
                   : strstr(unit, "per person") ? 2 : 1;
    double v = share ? x * 100.0 : x;
    if (fabs(v) < 0.5 * pow(10, -decimals))
        v = 0;  /* no "-0.0" */
    snprintf(out, n, "%.*f%s", decimals, v, share ? " %" : "");
}

void repl_fmt_estimate(char *out, size_t n, const ss_estimate *e, const char *unit)
{
    char m[48], lo[48], hi[48];
    repl_fmt_number(m, sizeof m, e->mean, unit);
    if (!isfinite(e->mean) || !isfinite(e->ci_low) || !isfinite(e->ci_high)) {
        snprintf(out, n, "%s", m);
        return;
    }
    if (strcmp(unit, "share") == 0) {  /* "20.7 % [11.5, 29.9]": the unit once */
        snprintf(out, n, "%s [%.1f, %.1f]", m, e->ci_low * 100.0, e->ci_high * 100.0);
        return;
    }
    repl_fmt_number(lo, sizeof lo, e->ci_low, unit);
    repl_fmt_number(hi, sizeof hi, e->ci_high, unit);
    snprintf(out, n, "%s [%s, %s]", m, lo, hi);
}

/* ---- tables ------------------------------------------------------------------------------ */

void repl_table_init(repl_table *t, int ncols, const char *right)
{
    *t = (repl_table){.ncols = ncols};
    for (int c = 0; c < ncols && right && right[c]; c++)
        t->right[c] = right[c] == 'r';
}

void repl_table_row(repl_table *t, ...)
{
    if (t->nrows == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 8;
        t->cells = realloc(t->cells, sizeof *t->cells * (size_t)(t->cap * t->ncols));
    }
    va_list ap;
    va_start(ap, t);
    for (int c = 0; c < t->ncols; c++) {
        const char *s = va_arg(ap, const char *);
        t->cells[t->nrows * t->ncols + c] = strdup(s ? s : "");
    }
    va_end(ap);
    t->nrows++;
}

/* Cells padded to their column; a row ends at its last character (no trailing blanks). */
void repl_table_print(const repl_table *t, FILE *f, int indent)
{
    int w[REPL_TABLE_COLS] = {0};
    for (int i = 0; i < t->nrows * t->ncols; i++) {
        int k = repl_text_width(t->cells[i]);
        if (k > w[i % t->ncols])
            w[i % t->ncols] = k;
    }
    repl_buf row = {0};
    for (int r = 0; r < t->nrows; r++) {
        row.n = 0;
        repl_buf_fmt(&row, "%*s", indent, "");
        for (int c = 0; c < t->ncols; c++) {
            const char *s = t->cells[r * t->ncols + c];
            int gap = w[c] - repl_text_width(s);
            repl_buf_fmt(&row, "%s%*s%s%*s", c ? "  " : "", t->right[c] ? gap : 0, "", s, t->right[c] ? 0 : gap, "");
        }
        while (row.n > 0 && row.s[row.n - 1] == ' ')
            row.s[--row.n] = '\0';
        fprintf(f, "%s\n", row.s);
    }
    repl_buf_free(&row);
}

void repl_table_free(repl_table *t)
{
    for (int i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    *t = (repl_table){0};
}
