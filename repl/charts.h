/* charts: small pictures in the terminal, from plain numbers.
 *
 * Pure drawing: no knowledge of services or runs (chart_cmd.c picks the data), so each chart is
 * tested on its own.  Bars and sparklines use Unicode block elements, which every UTF-8
 * terminal shows; widths are counted in columns, not bytes. */
#ifndef SS_CHARTS_H
#define SS_CHARTS_H

#include <stddef.h>
#include <stdio.h>

/* One row per value: the label, a bar scaled so the largest value fills width columns (eighths
 * of a column for the last block), then note[i] (may be NULL).  NaN values draw no bar and "-". */
void ss_chart_bars(FILE *f, const char *const *labels, const double *values,
                   const char *const *notes, int n, int width);

/* A sparkline of values resampled (by averaging) to at most width columns, low to high as
 * ▁..█ between the smallest and the largest value; a flat series is drawn at the lowest level.
 * Writes a NUL-terminated UTF-8 string (3 bytes a column) and returns the columns drawn. */
int ss_chart_sparkline(char *out, size_t n, const double *values, int nvalues, int width);

/* A histogram of counts in bins of bin_width (the last bin open: "52+"), unit e.g. "wk": one
 * bar a bin, with the share of all counts.  Empty bins after the last non-empty one are left
 * out. */
void ss_chart_histogram(FILE *f, const double *counts, int nbins, double bin_width,
                        const char *unit, int width);

#endif
