/* overlay_path: where an overlay named on the command line or in the REPL is. */
#ifndef SS_OVERLAY_PATH_H
#define SS_OVERLAY_PATH_H

#include <stddef.h>

#include "diag.h"

/* The overlay file name stands for, next to the scenario file: beside the scenario, then as given
 * (from here), then by its file name in the models folder of the scenario's folder or of the
 * folder above it (scenarios/models for scenarios/default.lua and for
 * scenarios/lorenskog/barn-unge-2021.lua); ".lua" may be left off.  So "+models/x.lua" and
 * "apply familiens-hus" find the bundled models wherever the scenario is.  0 with out set, or
 * -1 with d saying where it looked and which models that folder has. */
int ss_overlay_locate(const char *scenario, const char *name, char *out, size_t n, ss_diag *d);

#endif
