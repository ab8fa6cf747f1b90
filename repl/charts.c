/* charts: terminal bars, sparklines and histograms (see charts.h). */
#include "charts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Eighths of a block, so a bar's length is exact to 1/8 column. */
static const char *const partial[8] = {"", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589"};
static const char *const full_block = "\u2588";
/* Eight heights for sparklines. */
static const char *const levels[8] = {"\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588"};

static int width_of(const char *s)
{
    int w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void pad(FILE *f, int k)
{
    for (; k > 0; k--)
        fputc(' ', f);
}

/* A bar of value/max * width columns; returns the columns it took, so notes line up after it. */
static int draw_bar(FILE *f, double value, double max, int width)
{
    if (!(value > 0) || !(max > 0))
        return 0;
    long eighths = lround(value / max * width * 8);
    if (eighths < 1)
        eighths = 1;  /* anything above zero stays visible */
    for (long i = 0; i < eighths / 8; i++)
        fputs(full_block, f);
    fputs(partial[eighths % 8], f);
    return (int)(eighths / 8 + (eighths % 8 != 0));
}

static double largest(const double *v, int n)
{
    double m = 0;
    for (int i = 0; i < n; i++)
        if (isfinite(v[i]) && v[i] > m)
            m = v[i];
    return m;
}

void ss_chart_bars(FILE *f, const char *const *labels, const double *values,
                   const char *const *notes, int n, int width)
{
    int lw = 0;
    for (int i = 0; i < n; i++)
        if (width_of(labels[i]) > lw)
            lw = width_of(labels[i]);
    double max = largest(values, n);
    for (int i = 0; i < n; i++) {
        fputs(labels[i], f);
        pad(f, lw - width_of(labels[i]) + 2);
        int used = isfinite(values[i]) ? draw_bar(f, values[i], max, width) : 0;
        const char *note = notes && notes[i] ? notes[i] : (isfinite(values[i]) ? "" : "-");
        if (*note) {
            pad(f, width - used + 1);
            fputs(note, f);
        }
        fputc('\n', f);
    }
}

/* Average of the values that fall in column c of w, skipping NaN. */
static double column_mean(const double *v, int n, int c, int w)
{
    int from = (int)((long)c * n / w), to = (int)((long)(c + 1) * n / w);
    if (to <= from)
        to = from + 1;
    double sum = 0;
    int k = 0;
    for (int i = from; i < to && i < n; i++)
        if (isfinite(v[i])) {
            sum += v[i];
            k++;
        }
    return k ? sum / k : NAN;
}

int ss_chart_sparkline(char *out, size_t n, const double *values, int nvalues, int width)
{
    int cols = nvalues < width ? nvalues : width;
    double *col = malloc(sizeof *col * (cols > 0 ? cols : 1));
    double lo = INFINITY, hi = -INFINITY;
    for (int c = 0; c < cols; c++) {
        col[c] = column_mean(values, nvalues, c, cols);
        if (isfinite(col[c])) {
            lo = col[c] < lo ? col[c] : lo;
            hi = col[c] > hi ? col[c] : hi;
        }
    }
    size_t used = 0;
    out[0] = '\0';
    for (int c = 0; c < cols && used + 4 < n; c++) {
        const char *s = " ";
        if (isfinite(col[c])) {
            int level = hi > lo ? (int)floor((col[c] - lo) / (hi - lo) * 7.0 + 0.5) : 0;
            s = levels[level];
        }
        size_t k = strlen(s);
        memcpy(out + used, s, k + 1);
        used += k;
    }
    free(col);
    return cols;
}

/* "0-2", "2-4", ..., "52+" in the bin unit. */
static void bin_label(char *out, size_t n, int i, int nbins, double bin_width, const char *unit)
{
    if (i == nbins - 1)
        snprintf(out, n, "%g+ %s", i * bin_width, unit);
    else
        snprintf(out, n, "%g-%g %s", i * bin_width, (i + 1) * bin_width, unit);
}

void ss_chart_histogram(FILE *f, const double *counts, int nbins, double bin_width,
                        const char *unit, int width)
{
    int last = -1;
    double total = 0;
    for (int i = 0; i < nbins; i++) {
        if (counts[i] > 0)
            last = i;
        total += counts[i] > 0 ? counts[i] : 0;
    }
    if (last < 0) {
        fputs("(no waits to show)\n", f);
        return;
    }
    int n = last + 1;
    char (*labels)[32] = malloc(sizeof *labels * n);
    char (*notes)[48] = malloc(sizeof *notes * n);
    const char **lp = malloc(sizeof *lp * n), **np = malloc(sizeof *np * n);
    for (int i = 0; i < n; i++) {
        bin_label(labels[i], sizeof labels[i], i, nbins, bin_width, unit);
        snprintf(notes[i], sizeof notes[i], "%.1f  (%.0f %%)", counts[i], 100.0 * counts[i] / total);
        lp[i] = labels[i];
        np[i] = notes[i];
    }
    ss_chart_bars(f, lp, counts, np, n, width);
    ss_free_all(labels, notes, lp, np);
}
