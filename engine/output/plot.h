/* plot: charts drawn by gnuplot as SVG, for the report.
 *
 * gnuplot runs as a child process (posix_spawn, no shell) on a script written to a private
 * temporary folder; the SVG it writes is read back and made fit to inline in HTML (ids made
 * unique per chart).  A missing gnuplot is not an error: the plotter remembers why, and the
 * report says so instead of showing charts. */
#ifndef SS_PLOT_H
#define SS_PLOT_H

#include <stdbool.h>

#include "sbuf.h"

typedef struct plotter {
    const char *program;
    char dir[512];     /* temporary folder for scripts and SVG files */
    int count;
    bool missing;      /* gnuplot could not be started: no point trying again */
    bool decimal_comma;
    char why[512];
} plotter;

/* One colour per model, in model order (A, B, ...), the same in every chart and table. */
#define SS_PLOT_NCOLOURS 8
extern const char *const ss_plot_colours[SS_PLOT_NCOLOURS];
#define COLOUR(i) ss_plot_colours[(i) % SS_PLOT_NCOLOURS]

int ss_plotter_init(plotter *p, const char *program, bool decimal_comma);
void ss_plotter_fini(plotter *p);
char *ss_plot_svg(plotter *p, const char *body, int width, int height);
void ss_plot_quote(ss_buf *b, const char *s);

#endif
