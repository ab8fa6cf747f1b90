/* output: one set of results, four shapes: a table for people, JSON and CSV for programs.
 * All are generated from ss_service_metric_info / ss_system_metric_info. */
#ifndef SS_OUTPUT_H
#define SS_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

#include "lang.h"
#include "results.h"

/* Readable table: a header (scenario, replications, seed, horizon, warm-up), one block per
 * service with the key metrics as "mean [ci_low, ci_high]", then the system block.  Numbers are
 * rounded for people (counts as integers, days with one decimal, shares as percent). */
void ss_output_table(FILE *f, const ss_run_info *info, const ss_summary *sum);
/* One JSON document (jansson, keys in a fixed order, reals with 10 significant digits):
 * { "engine_version",
 *   "scenario": {"name","path","hash","rules_hash","overlays": [file...],
 *                "set": [{"parameter","value"}...]},  -- what the file was given, in order
 *   "seed", "replications",
 *   "start_date", "horizon_days", "warmup_days",
 *   "services": { id: { "name", "fte", metric: {"mean","ci_low","ci_high"} ... } ... },
 *   "system": { metric: {...} },
 *   and with --precision "precision": {"target","cap","reached","widest","decided_by"} }
 * NaN becomes null.  No timestamps: byte-identical for the
 * same seed and scenario.  0 ok, -1 on write error. */
/* The table for people in a language, its service names as wide as width columns allow (0: cut
 * to 22 columns, as ss_output_table does). */
typedef struct ss_output_opts {
    ss_lang lang;
    int width;
} ss_output_opts;
void ss_output_table_for(FILE *f, const ss_run_info *info, const ss_summary *sum, const ss_output_opts *o);
int ss_output_json(FILE *f, const ss_run_info *info, const ss_summary *sum);
/* "precision 5 %: reached (widest key interval: fph wait_mean ±4.2 %)", for the table, compare
 * and the REPL alike. */
void ss_output_precision_line(char *buf, size_t n, const ss_precision *p);
/* CSV with header scope,subject,name,metric,unit,mean,ci_low,ci_high,n (scope service|system;
 * name is the service's name, empty for the system; unit as in the metric tables: a share is a
 * fraction 0..1, as everywhere a program reads it). */
int ss_output_csv(FILE *f, const ss_run_info *info, const ss_summary *sum);

#endif
