/* range: the plausible range a cite(), assume(), effect() or calibrated() number may carry.
 *
 *   assume(0.45, "why", {0.40, 0.50})                              uniform from 0.40 to 0.50
 *   assume(0.45, "why", {dist = "uniform", 0.40, 0.50})            the same, said outright
 *   assume(0.45, "why", {dist = "triangular", 0.40, 0.45, 0.50})   low, mode, high
 *   calibrated(2600, "mu_vedtak", "why", {2000, 3200})
 *
 * The range is the tag's field `range` (kept as written, so `samsim show` prints it back); it is
 * checked once the scenario is resolved, when the number's key path and file are known.  The
 * sensitivity study samples each ranged number through its quantile function (ss_range_at). */
#ifndef SS_RANGE_H
#define SS_RANGE_H

#include <stdbool.h>
#include <stddef.h>

#include <lua.h>

typedef enum ss_range_dist { SS_RANGE_UNIFORM, SS_RANGE_TRIANGULAR } ss_range_dist;

typedef struct ss_range {
    ss_range_dist dist;
    double low, mode, high;   /* mode: triangular only */
} ss_range;

/* Read the range table at idx and check it against the number it belongs to.  0, or -1 with
 * why filled ("low 0.5 is above high 0.4", "the value 0.6 is outside 0.4 to 0.5"); the caller
 * prefixes the file and key path. */
int ss_range_read(lua_State *L, int idx, double value, ss_range *r, char *why, size_t n);

/* The value at cumulative probability u in [0, 1] (the inverse of the distribution function). */
double ss_range_at(const ss_range *r, double u);

/* "0.4 to 0.5" or "0.4 to 0.5, triangular with mode 0.45", for registers and tables. */
void ss_range_describe(const ss_range *r, char *out, size_t n);

/* A ranged number of a resolved scenario. */
typedef struct ss_ranged {
    char path[256];     /* services.fph.case_share */
    char kind[16];      /* source, assumption, calibrated, effect */
    double value;       /* as in the scenario */
    bool integer;       /* the value and the range's bounds are whole numbers: sampled values are rounded */
    ss_range range;
} ss_ranged;

#endif
