/* grid: a plan's points in their fixed order, their descriptions and keys, and the accessors. */
#include "plan.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan_parts.h"
#include "scenario.h"
#include "study.h"

/* ---- the grid ---------------------------------------------------------------------------------- */

static long grid_size(const ss_plan *p)
{
    double n = (double)p->nscenarios * p->nmodels;
    for (int i = 0; i < p->naxes; i++)
        n *= p->axes[i].nvalues;
    return n > MAX_POINTS ? -1 : (long)n;
}

/* The text a point's keys are computed over: everything that makes it a different run, with
 * paths as the plan writes them, so moving the plan's folder keeps the keys. */
static const char *point_description(ss_plan *p, int scenario, const model_alt *m, const ss_batch_value *values)
{
    size_t cap = 256, len = 0;
    for (int i = 0; i < m->n; i++) cap += strlen(m->written[i]) + 16;
    for (int i = 0; i < p->nfixed; i++) cap += strlen(p->fixed_sets[i]) + 16;
    for (int i = 0; i < p->naxes + p->nlinked; i++) cap += strlen(values[i].parameter) + strlen(values[i].text) + 16;
    cap += strlen(p->scenarios_written[scenario]);
    char *s = plan_keep(p, malloc(cap));
    if (!s)
        return NULL;
    len += (size_t)snprintf(s + len, cap - len, "scenario %s\n", p->scenarios_written[scenario]);
    for (int i = 0; i < m->n; i++)
        len += (size_t)snprintf(s + len, cap - len, "overlay %s\n", m->written[i]);
    for (int i = 0; i < p->nfixed; i++)
        len += (size_t)snprintf(s + len, cap - len, "set %s\n", p->fixed_sets[i]);
    for (int i = 0; i < p->naxes; i++)
        len += (size_t)snprintf(s + len, cap - len, "sweep %s=%s\n", values[i].parameter, values[i].text);
    for (int i = p->naxes; i < p->naxes + p->nlinked; i++)  /* none in older plans: their keys stay */
        len += (size_t)snprintf(s + len, cap - len, "linked %s=%s\n", values[i].parameter, values[i].text);
    return s;
}

/* Point i: scenario, then model, then the axes (the last one fastest).  Its values are the swept
 * ones, then the linked ones; its sets the plan's `set`, the swept parameters (not the variables)
 * and the linked parameters. */
static int build_point(ss_plan *p, int i)
{
    ss_plan_point *pt = &p->points[i];
    int rest = i, nvalues = p->naxes + p->nlinked, nsets = p->nfixed;
    ss_batch_value *values = plan_calloc(p, (size_t)nvalues, sizeof *values);
    const char **sets = plan_calloc(p, (size_t)(p->nfixed + nvalues), sizeof *sets);
    if (!values || !sets)
        return -1;
    long combination = 0, stride = 1;
    for (int a = p->naxes - 1; a >= 0; a--) {
        int k = rest % p->axes[a].nvalues;
        values[a] = p->axes[a].values[k];
        combination += k * stride;
        stride *= p->axes[a].nvalues;
        rest /= p->axes[a].nvalues;
    }
    for (int k = 0; k < p->nlinked; k++)
        values[p->naxes + k] = p->linked_values[combination * p->nlinked + k];
    const model_alt *m = &p->models[rest % p->nmodels];
    int scenario = rest / p->nmodels;
    for (int k = 0; k < p->nfixed; k++)
        sets[k] = p->fixed_sets[k];
    for (int a = 0; a < nvalues; a++)
        if (a >= p->naxes || !p->axes[a].variable)
            if (!(sets[nsets++] = plan_printf(p, "%s=%s", values[a].parameter, values[a].text)))
                return -1;
    *pt = (ss_plan_point){.index = i, .scenario = p->scenarios[scenario],
                          .scenario_in_plan = p->scenarios_written[scenario], .model = m->label,
                          .overlays = m->paths, .noverlays = m->n, .sets = sets,
                          .nsets = nsets, .values = values, .nvalues = nvalues};
    pt->description = point_description(p, scenario, m, values);
    return pt->description ? 0 : -1;
}

static void plan_compute_key(ss_plan *p)
{
    size_t cap = 128, len = 0;
    for (int i = 0; i < p->npoints; i++) cap += strlen(p->points[i].description) + 32;
    char *text = malloc(cap);
    if (!text) {
        memset(p->key, '0', 64);
        return;
    }
    len += (size_t)snprintf(text, cap, "samsim batch 1\nseed %" PRIu64 "\nreplications %d\n", p->seed, p->replications);
    for (int i = 0; i < p->npoints; i++)
        len += (size_t)snprintf(text + len, cap - len, "point %d\n%s", i + 1, p->points[i].description);
    ss_sha256_hex(text, len, p->key);
    free(text);
}

int plan_expand_grid(ss_plan *p, ss_diag *d)
{
    long n = grid_size(p);
    if (n < 0)
        return ss_fail(d, "%s: the grid has more than %d points; split the plan", p->path, MAX_POINTS);
    if (n * p->replications > MAX_JOBS)
        return ss_fail(d, "%s: %ld runs of %d replications is more than %ld replications; split the plan",
                       p->path, n, p->replications, MAX_JOBS);
    p->npoints = (int)n;
    if (!(p->points = plan_calloc(p, (size_t)n, sizeof *p->points)))
        return ss_fail(d, "out of memory");
    for (int i = 0; i < p->npoints; i++)
        if (build_point(p, i))
            return ss_fail(d, "out of memory");
    plan_compute_key(p);
    return 0;
}
const char *ss_plan_path(const ss_plan *p) { return p->path; }
const char *ss_plan_name(const ss_plan *p) { return p->name; }
const char *ss_plan_output(const ss_plan *p) { return p->output; }
uint64_t ss_plan_seed(const ss_plan *p) { return p->seed; }
int ss_plan_replications(const ss_plan *p) { return p->replications; }
int ss_plan_npoints(const ss_plan *p) { return p->npoints; }
const ss_plan_point *ss_plan_point_at(const ss_plan *p, int i) { return &p->points[i]; }
int ss_plan_nparameters(const ss_plan *p) { return p->naxes + p->nlinked; }
const char *ss_plan_parameter(const ss_plan *p, int i)
{
    return i < p->naxes ? p->axes[i].parameter : p->linked[i - p->naxes];
}
bool ss_plan_varies_scenario(const ss_plan *p) { return p->nscenarios > 1; }
bool ss_plan_varies_model(const ss_plan *p) { return p->nmodels > 1; }
const char *ss_plan_key(const ss_plan *p) { return p->key; }

void ss_plan_run_command(const ss_plan *p, const ss_plan_point *pt, char *out, size_t n)
{
    char seed[32], reps[16];
    snprintf(seed, sizeof seed, "%" PRIu64, p->seed);
    snprintf(reps, sizeof reps, "%d", p->replications);
    int argc = 0;
    char **argv = calloc((size_t)(6 + 2 * pt->noverlays + 2 * pt->nsets), sizeof *argv);
    if (!argv) {
        snprintf(out, n, "samsim run %s", pt->scenario);
        return;
    }
    argv[argc++] = "run";
    argv[argc++] = (char *)pt->scenario;
    argv[argc++] = "--seed";
    argv[argc++] = seed;
    argv[argc++] = "--reps";
    argv[argc++] = reps;
    for (int i = 0; i < pt->noverlays; i++) {
        argv[argc++] = "--apply";
        argv[argc++] = (char *)pt->overlays[i];
    }
    for (int i = 0; i < pt->nsets; i++) {
        argv[argc++] = "--set";
        argv[argc++] = (char *)pt->sets[i];
    }
    ss_command_line("samsim", argc, argv, out, n);
    free(argv);
}

void ss_plan_point_name(const ss_plan *p, const ss_plan_point *pt, char *out, size_t n)
{
    size_t l = (size_t)snprintf(out, n, "point %d of %d (%s, %s", pt->index + 1, p->npoints,
                                pt->scenario_in_plan, pt->model);
    for (int i = 0; i < pt->nvalues && l < n; i++)
        l += (size_t)snprintf(out + l, n - l, ", %s=%s", pt->values[i].parameter, pt->values[i].label);
    if (l < n)
        snprintf(out + l, n - l, ")");
}
