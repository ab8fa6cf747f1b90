/* fmt: numbers for people, shared by every REPL command that prints. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "repl.h"

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
