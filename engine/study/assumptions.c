/* assumptions: loading a scenario at a point of its assumption space (see assumptions.h). */
#include "assumptions.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "xalloc.h"

#define SET_TEXT 320   /* "path=value" */

double ss_ranged_at(const ss_ranged *r, double u)
{
    double v = ss_range_at(&r->range, u);
    return r->integer ? round(v) : v;
}

ss_scenario *ss_scenario_load_at(const char *file, const ss_scenario_opts *so, const char *const *paths,
                                 const double *values, int n, ss_diag *d)
{
    int nsets = so->nsets + n;
    const char **sets = xmalloc(sizeof *sets * (size_t)(nsets ? nsets : 1));
    char *text = xmalloc((size_t)SET_TEXT * (size_t)(n ? n : 1));
    for (int i = 0; i < so->nsets; i++) sets[i] = so->sets[i];
    for (int j = 0; j < n; j++) {
        char *t = text + (size_t)j * SET_TEXT;
        snprintf(t, SET_TEXT, "%s=%.17g", paths[j], values[j]);   /* every digit: the point exactly */
        sets[so->nsets + j] = t;
    }
    ss_scenario_opts at = *so;
    at.sets = sets;
    at.nsets = nsets;
    ss_scenario *sc = ss_scenario_load(file, &at, d);
    free(text);
    free(sets);
    return sc;
}
