#include "table.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "text.h"
#include "xalloc.h"

void ss_table_init(ss_table *t, int ncols, const char *align)
{
    assert(ncols > 0 && ncols <= SS_TABLE_MAX_COLS);
    *t = (ss_table){.ncols = ncols};
    for (int c = 0; c < ncols && align && align[c]; c++)
    {
        t->right[c] = align[c] == 'r' || align[c] == 'd';
        t->decimal[c] = align[c] == 'd';
    }
}

void ss_table_fit(ss_table *t, int col, int min, int width)
{
    assert(col >= 0 && col < t->ncols);
    t->fit = true;
    t->fit_col = col;
    t->fit_min = min;
    t->width = width;
}

int ss_table_add_row(ss_table *t)
{
    assert(t->ncols > 0 && t->nrows <= t->cap && "ss_table_init first");
    if (t->nrows == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 16;
        t->cells = xreallocarray(t->cells, (size_t)t->cap * (size_t)t->ncols, sizeof *t->cells);
    }
    char **row = &t->cells[(size_t)t->nrows * (size_t)t->ncols];
    for (int c = 0; c < t->ncols; c++)
        row[c] = xstrdup("");
    return t->nrows++;
}

void ss_table_row(ss_table *t, ...)
{
    int r = ss_table_add_row(t);
    va_list ap;
    va_start(ap, t);
    for (int c = 0; c < t->ncols; c++) {
        const char *s = va_arg(ap, const char *);
        ss_table_set(t, r, c, "%s", s ? s : "");
    }
    va_end(ap);
}

void ss_table_set(ss_table *t, int row, int col, const char *fmt, ...)
{
    assert(row >= 0 && row < t->nrows && col >= 0 && col < t->ncols);
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    size_t room = k > 0 ? 3 * (size_t)k + 1 : 1;  /* a percent sign may take a no-break space before it */
    char *s = xmalloc(room);
    va_start(ap, fmt);
    vsnprintf(s, room, fmt, ap);
    va_end(ap);
    if (!(t->heading && row == 0)) {
        ss_lang_figures(t->lang, s);
        ss_lang_percent(t->lang, s, room);
    }
    char **cell = &t->cells[(size_t)row * (size_t)t->ncols + (size_t)col];
    free(*cell);
    *cell = s;
}

const char *ss_table_cell(const ss_table *t, int row, int col)
{
    return t->cells[(size_t)row * (size_t)t->ncols + (size_t)col];
}

/* Where a figure's whole part ends: after the first run of digits ("-12" of "-12.5 pp", all of
 * "1508"); a cell without a digit is all whole part. */
static size_t whole_part(const char *s)
{
    size_t i = strcspn(s, "0123456789");
    if (!s[i]) return i;
    while (s[i] >= '0' && s[i] <= '9') i++;
    return i;
}

/* The widths of a cell's whole part and of the rest (its decimals and unit). */
static void decimal_widths(const char *s, int *whole, int *rest)
{
    size_t w = whole_part(s);
    char head[256];
    snprintf(head, sizeof head, "%.*s", (int)(w < sizeof head ? w : sizeof head - 1), s);
    *whole = ss_text_width(head);
    *rest = ss_text_width(s + w);
}

/* Words in a column of figures ("more by construction"): no digit, and a letter; a dash or a
 * blank is still a figure's place. */
static bool is_words(const char *s)
{
    if (s[strcspn(s, "0123456789")])
        return false;
    for (; *s; s++)
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
            return true;
    return false;
}

/* A figure in a decimal column: words there are right-aligned as a whole, not split at a point. */
static bool is_decimal_cell(const ss_table *t, int r, int c)
{
    return t->decimal[c] && !(t->heading && r == 0) && !is_words(ss_table_cell(t, r, c));
}

/* A figure in a decimal column: right-aligned on its whole part, so decimal points (and units
 * after them) stand under each other; the column's width already counts both parts. */
static void put_decimal(const char *s, int whole, int rest, ss_buf *line)
{
    int w, x;
    decimal_widths(s, &w, &x);
    ss_buf_fmt(line, "%*s%s%*s", whole - w, "", s, rest - x, "");
}

static void print_row(const ss_table *t, FILE *f, int r, const int *width, const int *whole, const int *rest, ss_buf *line)
{
    ss_buf_clear(line);
    ss_buf_fmt(line, "%*s", t->indent, "");
    bool head = t->heading && r == 0;
    char cut[1024];
    for (int c = 0; c < t->ncols; c++) {
        const char *s = ss_table_cell(t, r, c);
        if (t->fit && c == t->fit_col && ss_text_width(s) > width[c]) {
            ss_text_cut(cut, sizeof cut, s, width[c]);
            s = cut;
        }
        if (is_decimal_cell(t, r, c)) {
            int pad = width[c] - whole[c] - rest[c];  /* a heading wider than the figures */
            ss_buf_fmt(line, "%s%*s", c ? "  " : "", pad, "");
            put_decimal(s, whole[c], rest[c], line);
            continue;
        }
        int gap = width[c] - ss_text_width(s);
        bool right = t->right[c] && !(head && t->heading_left);
        ss_buf_fmt(line, "%s%*s%s%*s", c ? "  " : "", right ? gap : 0, "", s, right ? 0 : gap, "");
    }
    while (line->n > 0 && line->s[line->n - 1] == ' ')
        line->s[--line->n] = '\0';
    fprintf(f, "%s\n", ss_buf_text(line));
}

static void print_rule(const ss_table *t, FILE *f, const int *width)
{
    fprintf(f, "%*s", t->indent, "");
    for (int c = 0; c < t->ncols; c++) {
        if (c)
            fputs("  ", f);
        for (int k = 0; k < width[c]; k++)
            fputc('-', f);
    }
    fputc('\n', f);
}

/* The fitted column's width: what the others leave of t->width, between fit_min and its widest
 * cell. */
static void fit_width(const ss_table *t, int *width)
{
    int others = t->indent + 2 * (t->ncols - 1);
    for (int c = 0; c < t->ncols; c++)
        others += c == t->fit_col ? 0 : width[c];
    int room = t->width > others ? t->width - others : 0;
    if (room < t->fit_min)
        room = t->fit_min;
    if (width[t->fit_col] > room)
        width[t->fit_col] = room;
}

void ss_table_print(const ss_table *t, FILE *f)
{
    int width[SS_TABLE_MAX_COLS] = {0}, whole[SS_TABLE_MAX_COLS] = {0}, rest[SS_TABLE_MAX_COLS] = {0};
    for (int r = 0; r < t->nrows; r++)
        for (int c = 0; c < t->ncols; c++) {
            int w = ss_text_width(ss_table_cell(t, r, c)), a, b;
            if (is_decimal_cell(t, r, c)) {
                decimal_widths(ss_table_cell(t, r, c), &a, &b);
                whole[c] = a > whole[c] ? a : whole[c];
                rest[c] = b > rest[c] ? b : rest[c];
                w = whole[c] + rest[c];
            }
            width[c] = w > width[c] ? w : width[c];
        }
    if (t->fit)
        fit_width(t, width);
    ss_buf line = {0};
    for (int r = 0; r < t->nrows; r++) {
        print_row(t, f, r, width, whole, rest, &line);
        if (r == 0 && t->heading && t->rule)
            print_rule(t, f, width);
    }
    ss_buf_free(&line);
}

void ss_table_free(ss_table *t)
{
    for (size_t i = 0; i < (size_t)t->nrows * (size_t)t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    *t = (ss_table){0};
}

/* ---- CSV ---- */

void ss_csv_text(FILE *f, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

void ss_csv_real(FILE *f, double x, int digits)
{
    if (isfinite(x))
        fprintf(f, "%.*g", digits, x);
}

void ss_csv_number(FILE *f, double x)
{
    fputc(',', f);
    ss_csv_real(f, x, 10);
}

/* ---- JSON ---- */

json_t *ss_json_number(double x) { return isfinite(x) ? json_real(x) : json_null(); }

json_t *ss_json_text(const char *s) { return s ? json_string(s) : json_null(); }

json_t *ss_json_done(json_t *o, int err)
{
    if (!err)
        return o;
    json_decref(o);
    return NULL;
}

int ss_json_write(FILE *f, json_t *doc)
{
    if (!doc)
        return -1;
    int rc = json_dumpf(doc, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
    json_decref(doc);
    if (rc != 0 || fputc('\n', f) == EOF || fflush(f) != 0 || ferror(f))
        return -1;
    return 0;
}
