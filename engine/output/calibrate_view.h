/* calibrate_view: a calibration's result (study/calibrate.h) for people — the waves, the targets
 * against the closest point, each fitted number's range against its prior and what the targets
 * did to it — and as JSON. */
#ifndef SS_CALIBRATE_VIEW_H
#define SS_CALIBRATE_VIEW_H

#include <stdio.h>

#include <jansson.h>

#include "calibrate.h"

/* 0, or -1 when f could not be written. */
int ss_calib_print_table(FILE *f, const ss_calib_result *r, const ss_calib_opts *o);
/* {"targets": [...], "waves": [...], "parameters": [...], "ensemble_points": N, "point": {...}}
 * ("point" with o->choose: the calibrated point, as in ss_calib_point_json). */
int ss_calib_print_json(FILE *f, const ss_calib_result *r);

/* How the calibrated point is chosen (calibrate.h, ss_calib_result.chosen), in the file's words. */
#define SS_CALIB_POINT_RULE                                                                                  \
    "each number the targets pin down or narrow at the kept point closest to the targets (the smallest "   \
    "max I); each number they leave free at the middle of its prior range"

/* The calibrated point as a file for the scenario to copy (calibrate --point-out): what made it
 * (scenario, command, date, seed, points a wave, waves run, replications, cutoff, the ensemble's
 * size), the rule, the point's max I and each target at it, and each number's value with its
 * prior, verdict and where the value comes from.  A new reference. */
json_t *ss_calib_point_json(const ss_calib_result *r, const ss_calib_opts *o, const char *command, const char *date);

#endif
