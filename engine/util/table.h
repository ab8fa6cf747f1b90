/* table: text tables for people, CSV fields and JSON numbers for programs — the one writer set
 * used by `run`, `compare`, `batch`, the REPL and the report.
 *
 * A table collects rows of cells, then prints them with each column as wide as its widest cell
 * (measured by ss_text_width), two blanks between columns and no blanks at the end of a line.
 * Optionally the first row is a heading (left-aligned, or aligned like its column) with a rule
 * of dashes under it. */
#ifndef SS_TABLE_H
#define SS_TABLE_H

#include <stdbool.h>
#include <stdio.h>

#include <jansson.h>

#include "lang.h"

#define SS_TABLE_MAX_COLS 64

typedef struct ss_table {
    int ncols, nrows, cap;
    char **cells;                      /* [nrows * ncols], never NULL once a row is added */
    bool right[SS_TABLE_MAX_COLS];     /* right-aligned (figures) */
    bool decimal[SS_TABLE_MAX_COLS];   /* figures aligned on their decimal point ('d') */
    int indent;                        /* blanks before every line */
    bool heading;                      /* row 0 is the heading */
    bool heading_left;                 /* ... left-aligned whatever its column's alignment */
    bool rule;                         /* a line of dashes under the heading */
    ss_lang lang;                      /* figures in cells written this language's way */
    bool fit;                          /* column fit_col is cut (with "..") so that a line ... */
    int fit_col, fit_min;              /* ... fits in width columns, but never below fit_min; */
    int width;                         /* width 0: fit_col is cut to fit_min */
} ss_table;

/* align: one letter a column, 'l', 'r' or 'd' ("llrrd"); missing letters are 'l'.  'd' aligns
 * figures on their decimal point, so "85.2%", "1508" and "-0.3 pp" line up by their digits; words
 * there (a cell with letters and no digit) are right-aligned. */
void ss_table_init(ss_table *t, int ncols, const char *align);
/* Let column col (names, say) take what a line of width columns leaves, at least min columns:
 * a wide terminal shows whole names, a narrow one or a pipe (width 0) cuts them to min. */
void ss_table_fit(ss_table *t, int col, int min, int width);
/* A row of ncols texts (NULL is ""). */
void ss_table_row(ss_table *t, ...);
/* An empty row; fill its cells with ss_table_set. Returns the row's index. */
int ss_table_add_row(ss_table *t);
void ss_table_set(ss_table *t, int row, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
const char *ss_table_cell(const ss_table *t, int row, int col);
void ss_table_print(const ss_table *t, FILE *f);
void ss_table_free(ss_table *t);

/* ---- CSV (RFC 4180) ---- */

/* A field, quoted when it holds a comma, quote or line break (quotes doubled). */
void ss_csv_text(FILE *f, const char *s);
/* A number with digits significant digits; an undefined figure (NaN, infinite) is an empty
 * field, which spreadsheets and pandas read as missing. */
void ss_csv_real(FILE *f, double x, int digits);
/* A comma, then the number with 10 significant digits (ss_csv_real). */
void ss_csv_number(FILE *f, double x);

/* ---- JSON (jansson) ---- */

/* JSON has no NaN or infinity: an undefined figure is null. */
json_t *ss_json_number(double x);
/* NULL text is null. */
json_t *ss_json_text(const char *s);
/* o when err is 0; else o is released and NULL returned (for objects built key by key). */
json_t *ss_json_done(json_t *o, int err);
/* The document indented by 2, keys in insertion order, reals with 10 significant digits, then
 * a line break; doc is released.  0, or -1 when doc is NULL or the write failed. */
int ss_json_write(FILE *f, json_t *doc);

#endif
