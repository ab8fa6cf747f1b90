/* overlay_fit: whether an organisational model (a described overlay) is written for this
 * baseline.  An overlay names the baselines it applies to, relative to its own file:
 *   applies_to = { "../lorenskog/barn-unge-2021.lua", why = "it moves staff between hs and fph_barn" }
 * A baseline fits when its file, or a file it extends, is one of them. */
#ifndef SS_OVERLAY_FIT_H
#define SS_OVERLAY_FIT_H

#include <lua.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* The described overlay's table is at idx; chain is a list of the baseline's files (the one
 * named first, then what it extends).  0 when it fits or the overlay names no baselines; -1
 * with d filled ("OVERLAY: applies to A, not to B: why"). */
int ss_overlay_fits(lua_State *L, int idx, const char *overlay, int chain, ss_diag *d);

/* The first baseline the overlay at idx names, as a user would type it (for "apply it to ..."
 * hints); false when it names none. */
bool ss_overlay_first_baseline(lua_State *L, int idx, const char *overlay, char *out, size_t n);

#endif
