/* calibrate_view: a calibration's result (study/calibrate.h) for people — the waves, the targets
 * against the closest point, each fitted number's range against its prior and what the targets
 * did to it — and as JSON. */
#ifndef SS_CALIBRATE_VIEW_H
#define SS_CALIBRATE_VIEW_H

#include <stdio.h>

#include "calibrate.h"

/* 0, or -1 when f could not be written. */
int ss_calib_print_table(FILE *f, const ss_calib_result *r, const ss_calib_opts *o);
/* {"targets": [...], "waves": [...], "parameters": [...], "ensemble_points": N}. */
int ss_calib_print_json(FILE *f, const ss_calib_result *r);

#endif
