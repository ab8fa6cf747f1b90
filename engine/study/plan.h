/* plan: a batch plan read from its file, and the grid of runs it describes.
 *
 * A plan (Lua, read in the sandbox; paths are relative to the plan's folder):
 *
 *   return {
 *     name = "FPH staffing",                          -- optional; default: the file name
 *     scenarios = { "../default.lua" },               -- one or more scenario files
 *     models = { {}, { "../models/more-fph-staff.lua" } },  -- optional: alternatives, each a list
 *                                                     -- of overlays applied in order; {} = as is
 *     set = { ["calendar.horizon_days"] = 730 },      -- optional: --set for every run
 *     sweep = { ["services.fph.fte"] = { 3, 4, 5, 6 },               -- a list of values, or
 *               ["services.hs.fte"] = { from = 6, to = 10, step = 2 } },  -- a range; crossed
 *                                                     -- a name without a dot (total = {...}) is a
 *                                                     -- variable: it only drives `linked`
 *     linked = { ["services.fph_barn.fte"] = function(v) return v.total * v.share end },
 *                                                     -- optional: parameters computed from the
 *                                                     -- point's swept values (plan_links.c)
 *     replications = 10,
 *     seed = 1,                                       -- optional; default 1; the same for all runs
 *     output = "fph_staffing.db",                     -- the SQLite file
 *   }
 *
 * Points are ordered scenario, then model, then the swept parameters by name (the last one
 * varies fastest).  Every point is one run: its own `runs` row, resolved scenario and summary,
 * exactly what `samsim run SCENARIO --apply ... --set ... --seed S --reps R` stores.  All runs
 * share the seed, so any two are paired by common random numbers (`samsim compare`).
 *
 * Reading (plan.c) runs the file in the sandbox and validates every key; the grid (grid.c)
 * expands the points in that order and computes the keys (batch.h says what they identify). */
#ifndef SS_PLAN_H
#define SS_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "store.h"

/* A plan as validated.  Strings are owned by the plan. */
typedef struct ss_plan ss_plan;

/* One grid point: what a single `samsim run` of it would be given. */
typedef struct ss_plan_point {
    int index;                      /* 0-based position in the grid */
    const char *scenario;           /* path to open (the plan's folder joined on) */
    const char *scenario_in_plan;   /* as written in the plan */
    const char *model;              /* "baseline", or the overlays' file names joined by "+" */
    const char *const *overlays;    /* paths to open, in order */
    int noverlays;
    const char *const *sets;        /* "PATH=VALUE": the plan's `set`, then the swept values */
    int nsets;
    const ss_batch_value *values;   /* the swept values of this point (parameter order), then
                                     * the linked parameters' values */
    int nvalues;
    const char *description;        /* the text the keys are computed over */
} ss_plan_point;

/* Read and validate a plan.  NULL with d filled: "plan.lua:12: ..." for Lua errors,
 * "plan.lua: sweep[\"services.fph.fte\"][2]: expected ..." for a wrong value. */
ss_plan *ss_plan_load(const char *path, ss_diag *d);
void ss_plan_free(ss_plan *p);

const char *ss_plan_path(const ss_plan *p);
const char *ss_plan_name(const ss_plan *p);
/* The output file: the plan's `output` joined to the plan's folder. */
const char *ss_plan_output(const ss_plan *p);
uint64_t ss_plan_seed(const ss_plan *p);
int ss_plan_replications(const ss_plan *p);
int ss_plan_npoints(const ss_plan *p);
const ss_plan_point *ss_plan_point_at(const ss_plan *p, int i);
/* Swept parameters (and variables), sorted by name, then the linked parameters, sorted. */
int ss_plan_nparameters(const ss_plan *p);
const char *ss_plan_parameter(const ss_plan *p, int i);
/* Whether the points differ in scenario / in model (tables show those columns only then). */
bool ss_plan_varies_scenario(const ss_plan *p);
bool ss_plan_varies_model(const ss_plan *p);
/* The batch key (64 hex characters), over every point's description, seed and replications. */
const char *ss_plan_key(const ss_plan *p);
/* "samsim run SCENARIO --seed S --reps R --apply ... --set ..." for one point. */
void ss_plan_run_command(const ss_plan *p, const ss_plan_point *pt, char *out, size_t n);
/* "point 3 of 8 (../default.lua, baseline, services.fph.fte=18)", for messages. */
void ss_plan_point_name(const ss_plan *p, const ss_plan_point *pt, char *out, size_t n);

#endif
