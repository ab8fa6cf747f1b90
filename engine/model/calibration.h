/* calibration: the targets a scenario lists (calibration.targets) and the values it marks
 * calibrated(value, "target", "why") to meet them; see calibration.c. */
#ifndef SS_CALIBRATION_H
#define SS_CALIBRATION_H

#include <stdio.h>

#include <lua.h>

#include "diag.h"
#include "model.h"
#include "reader.h"

/* Whether the value at idx is a cite()/assume()/effect()/calibrated() tag of a scenario's table
 * (scenario.c makes them). */
bool ss_scenario_is_tag(lua_State *L, int idx);

/* Check calibration.targets of the resolved (tagged) scenario at idx against the model: each
 * target's keys, a cited value, a tolerance, services that exist, a period after the start (a
 * run whose measured window is that period measures it); and that every calibrated() value names a listed target.  -1 with d filled
 * ("FILE: calibration.targets.x.from: ..."). */
int ss_calibration_check(lua_State *L, int resolved, const ss_model *m, ss_origin_fn origin, void *ud,
                         ss_diag *d);

/* A target as the search reads it (calibrate.h): the result, where, over which days, and how
 * close the run must come. */
#define SS_TARGET_MAX_SERVICES 16
typedef struct ss_target {
    char id[64];
    char what[512];
    char what_nb[512];                      /* what in Norwegian, when given beside it (reason.h); "" when not */
    char metric[64];                        /* a service metric, or a system one when nservices is 0 */
    int services[SS_TARGET_MAX_SERVICES];   /* summed (counts) or weighted by first contacts (the rest) */
    int nservices;
    char service_ids[256];                  /* "fph_barn, fph_voksen"; "" for a system metric */
    bool per_year;                          /* the count over the window scaled to 365.25 days */
    double value, tolerance;                /* tolerance: a share of the value (0.1 = 10 %) */
    char source[512];                       /* the value's citation */
    char source_nb[512];                    /* ... its Norwegian text, or "" */
    char from[11], to[11];                  /* as written; `to` is the last day, inclusive */
    double from_day, to_day;                /* days from the start: the window [from_day, to_day) */
    char tuned[2048];                       /* the paths calibrated(...) to it, ", "-separated */
} ss_target;

/* The targets of the resolved scenario at idx (already checked by ss_calibration_check), in name
 * order: *out malloc'd (free it), their count returned (0 when there are none).  With m NULL
 * (a stored scenario, no model), services are by name only (service_ids; nservices counts them,
 * services[] is -1) and from_day, to_day are 0. */
int ss_calibration_targets(lua_State *L, int resolved, const ss_model *m, ss_target **out);
/* The targets of a resolved scenario text as a results file stores it (ss_scenario_text), read
 * by the same reader with m NULL; name is the chunk's name in messages.  A text that returns
 * anything but plain data (a tampered file: a metatable) gives no targets, never runs its
 * metamethods.  0 with *out (free it) and *n, or -1 with d (the text does not run). */
int ss_calibration_targets_of_text(const char *text, const char *name, ss_target **out, int *n, ss_diag *d);

/* After the sources register: each target and the parameters tuned to it (nothing when the
 * scenario lists no targets). */
void ss_calibration_print(lua_State *L, int resolved, FILE *f, bool norwegian);

#endif
