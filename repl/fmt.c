/* fmt: numbers for people, shared by every REPL command that prints. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "repl.h"

/* ---- numbers ----------------------------------------------------------------------------- */

/* One figure by the run table's conventions (output.c): a share in percent, counts whole, per
 * person at two decimals, the rest at one; never "-0.0" (an interval end just below zero).
 * The percent sign is left to the caller, so an interval prints it once. */
static void figure(char *out, size_t n, double x, const char *unit, bool percent_sign)
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
    snprintf(out, n, "%.*f%s", decimals, v, share && percent_sign ? " %" : "");
}

void repl_fmt_number(char *out, size_t n, double x, const char *unit)
{
    figure(out, n, x, unit, true);
}

void repl_fmt_estimate(char *out, size_t n, const ss_estimate *e, const char *unit)
{
    char m[48], lo[48], hi[48];
    repl_fmt_number(m, sizeof m, e->mean, unit);
    if (!isfinite(e->mean) || !isfinite(e->ci_low) || !isfinite(e->ci_high)) {
        snprintf(out, n, "%s", m);
        return;
    }
    /* a share prints its unit once: "20.7 % [11.5, 29.9]" */
    figure(lo, sizeof lo, e->ci_low, unit, false);
    figure(hi, sizeof hi, e->ci_high, unit, false);
    snprintf(out, n, "%s [%s, %s]", m, lo, hi);
}
