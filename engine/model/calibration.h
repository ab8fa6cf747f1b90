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
 * target's keys, a cited value, a tolerance, services that exist, a period inside the measured
 * window; and that every calibrated() value names a listed target.  -1 with d filled
 * ("FILE: calibration.targets.x.from: ..."). */
int ss_calibration_check(lua_State *L, int resolved, const ss_model *m, ss_origin_fn origin, void *ud,
                         ss_diag *d);

/* After the sources register: each target and the parameters tuned to it (nothing when the
 * scenario lists no targets). */
void ss_calibration_print(lua_State *L, int resolved, FILE *f);

#endif
