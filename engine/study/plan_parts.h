/* plan_parts: the plan's insides, shared by its reader (plan.c) and its grid (grid.c) only. */
#ifndef SS_PLAN_PARTS_H
#define SS_PLAN_PARTS_H

#include <stdbool.h>
#include <stddef.h>

#include "reader.h"

#include "plan.h"

enum {
    MAX_REPLICATIONS = 100000,
    MAX_RANGE_VALUES = 10000,
    MAX_POINTS = 1000000,
};
#define MAX_JOBS 100000000L

/* One swept parameter and its values, in the order the plan gives them.  A name without a dot
 * is a variable: it drives `linked` parameters and is not given to the scenario itself. */
typedef struct sweep_axis {
    const char *parameter;
    ss_batch_value *values;
    int nvalues;
    bool variable;
} sweep_axis;

/* One alternative of `models`: overlays as written and as opened. */
typedef struct model_alt {
    const char **written;
    const char **paths;
    int n;
    const char *label;
} model_alt;

struct ss_plan {
    void **owned;             /* everything below that was allocated, freed together */
    int nowned, capowned;
    const char *path, *dir, *name, *output;
    char key[65];
    uint64_t seed;
    int replications;
    const char **scenarios_written, **scenarios;
    int nscenarios;
    model_alt *models;
    int nmodels;
    const char **fixed_sets;  /* "PATH=VALUE" from `set`, sorted by path */
    int nfixed;
    sweep_axis *axes;         /* sorted by parameter */
    int naxes;
    const char **linked;      /* linked parameters (plan_links.c), sorted */
    int nlinked;
    ss_batch_value *linked_values;  /* [combination * nlinked + k]: combinations of the axes' values
                                     * numbered as in the grid (the last axis fastest) */
    ss_plan_point *points;
    int npoints;
};

/* Everything the plan allocates is registered with it, so one call frees it all and the
 * readers need no clean-up paths of their own.  Each returns NULL when out of memory. */
void *plan_keep(ss_plan *p, void *mem);
void *plan_calloc(ss_plan *p, size_t n, size_t size);
const char *plan_strdup(ss_plan *p, const char *s);
const char *plan_printf(ss_plan *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The reader's pieces plan_links.c uses as well (plan.c). */
int plan_read_value(ss_plan *p, ss_reader *r, const char *parameter, ss_batch_value *v);
int plan_check_parameter(ss_reader *r, const char *name);
int plan_sorted_keys(ss_plan *p, ss_reader *r, const char ***keys, int *n);
void plan_reader_at(ss_reader *r, const char *base, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int plan_fail_got(ss_reader *r, int idx, const char *expected);
/* `linked = { [PATH] = function(v) ... end }`, evaluated for every combination of swept values
 * (after sweep and set are read). */
int plan_read_linked(ss_plan *p, ss_reader *r);

/* The grid points in order, each with its description, and the plan's key. */
int plan_expand_grid(ss_plan *p, ss_diag *d);

#endif
