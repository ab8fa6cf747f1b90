/* scenario: from a file name (plus overlays and --set overrides) to a resolved, validated model.
 *
 *   file --(extends, recursively)--> merged table --(overlays)--> --(--set)--> resolved table
 *        --(print as Lua)--> resolved text and its SHA-256 --(model.c)--> ss_model
 *
 * Scenario files run in the sandbox with helpers that mark where a number comes from:
 * cite(value, "seed-000 L412"), assume(value, "why"), effect(value, "why") for an overlay's
 * assumed benefit, and calibrated(value, "target", "why") for a value tuned to meet one of
 * calibration.targets (calibration.h); each may carry a plausible range as its last argument
 * (range.h).  They are kept in the resolved text (so `samsim show`
 * round-trips) and collected into the sources register. */
#ifndef SS_SCENARIO_H
#define SS_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "model.h"
#include "range.h"
#include "sandbox.h"

typedef struct ss_scenario ss_scenario;

typedef struct ss_scenario_opts {
    const char *const *overlays;  /* files applied in order (data to merge, or a function) */
    int noverlays;
    const char *const *sets;      /* "services.fph.fte=18", applied last, in order */
    int nsets;
} ss_scenario_opts;

/* Load, resolve and validate.  NULL with d filled ("scenarios/x.lua:12: ..." for Lua errors,
 * "scenarios/x.lua: services.fph.fte: expected ..." for validation). */
ss_scenario *ss_scenario_load(const char *path, const ss_scenario_opts *opts, ss_diag *d);
void ss_scenario_free(ss_scenario *sc);

const char *ss_scenario_path(const ss_scenario *sc);
const ss_model *ss_scenario_model(const ss_scenario *sc);
/* The resolved scenario as a Lua chunk (keys sorted; cite/assume kept). */
const char *ss_scenario_text(const ss_scenario *sc);
/* SHA-256 (hex) of the resolved text, and over the rule files' contents (path and text). */
const char *ss_scenario_hash(const ss_scenario *sc);
const char *ss_scenario_rules_hash(const ss_scenario *sc);
/* Print the sources register: one line per cited, assumed or unsourced number:
 *   services.fph.fte = 16    source  seed-000 L412 ...
 * with a reason's Norwegian text (reason.h) where it has one when norwegian. */
void ss_scenario_print_sources(const ss_scenario *sc, FILE *f, bool norwegian);
/* The numbers that carry a range (range.h), in key-path order: *out is malloc'd (free it),
 * the count returned. */
int ss_scenario_ranged(const ss_scenario *sc, ss_ranged **out);
/* The scenario's calibration targets (calibration.h), in name order: *out malloc'd (free it),
 * the count returned. */
typedef struct ss_target ss_target;
int ss_scenario_calibration_targets(const ss_scenario *sc, ss_target **out);
/* check --strict: one line "FILE:LINE: path: calibrated(...) has no range ..." per calibrated
 * number or effect without a range, written to f; returns how many. */
int ss_scenario_print_unranged(const ss_scenario *sc, FILE *f);
/* check --strict: when some of the register's reasons (its tags, the rule files' parameters
 * among them) have a Norwegian text beside the English and some do not, the first few without
 * one as "FILE:LINE: path: assume(...) has no Norwegian text ..." to f, and how many lack one;
 * 0 when none has one (an English-only scenario) or all do.  *reasons: how many there are. */
int ss_scenario_print_untranslated(const ss_scenario *sc, FILE *f, int *reasons);
/* Number of numeric values with neither cite nor assume (the rule files' parameters included). */
int ss_scenario_unsourced(const ss_scenario *sc);
/* The rule files' parameters in force (ruleparams.h) as Lua text, { group = { name = value } }
 * with tags kept, or NULL when no rule file of the model declares any.  Not part of the resolved
 * text: a declared value is the rule file's, and hashed with it. */
const char *ss_scenario_parameters_text(const ss_scenario *sc);

/* ---- effect assumptions ----
 * An effect assumption is a value tagged effect(): a benefit an organisational model is assumed
 * to have (a multiplier, a share) rather than one a mechanism of the simulation produces, written
 * in a scenario, an overlay or a rule file's registered parameters. */
typedef struct ss_effect {
    char path[256];     /* "handoffs.shared_log.delay", "parameters.triage.right_first_time" */
    char value[256];    /* as Lua writes it, on one line: "0.8", "{ \"lognormal\", mean = 10, sd = 4 }" */
    double number;      /* the value when it is a number, else NAN */
    char reason[512];   /* the text given to effect() */
    char reason_nb[512];  /* its Norwegian text beside it (reason.h); "" when none */
    char source[512];   /* where it is written, "scenarios/models/bti-ladder.lua:42", or the file that set it */
} ss_effect;

/* The effect assumptions sc carries, in key-path order: *out is malloc'd (free it, also when the
 * count is 0), the count returned. */
int ss_scenario_effects(const ss_scenario *sc, ss_effect **out);

/* An effect assumption that differs between two models: a carries it and b does not (b NULL),
 * b and not a (a NULL), or both with another value or reason. */
typedef struct ss_effect_diff {
    const char *path;
    const ss_effect *a, *b;    /* point into the lists given to ss_effects_diff */
} ss_effect_diff;

/* The effect assumptions that differ between lists a and b (each in key-path order, as
 * ss_scenario_effects gives them), in key-path order: *out is malloc'd (free it), the count
 * returned, in byte order of path.  Equal paths with equal value and reason are left out; the
 * source may differ (the
 * same assumption written in another file). */
int ss_effects_diff(const ss_effect *a, int na, const ss_effect *b, int nb, ss_effect_diff **out);

/* Push a strict environment of sb with cite, assume, effect and calibrated (for scenario,
 * overlay and rule files). */
void ss_provenance_push_env(ss_sandbox *sb);
/* Whether the value on top is plain data as a scenario's must be (ss_sandbox_check_data, the
 * provenance tags allowed): read it from C only then.  0, or -1 with d. */
int ss_provenance_check_data(ss_sandbox *sb, ss_diag *d);

/* The helper that writes a tag of this kind ("source" -> "cite", "assumption" -> "assume",
 * "calibrated", "effect"). */
const char *ss_provenance_function(const char *kind);


/* SHA-256 of bytes as 64 hex characters + NUL. */
void ss_sha256_hex(const void *data, size_t n, char out[65]);

/* What the ids of the table at path name ("services" -> "service"), or NULL when the table is not
 * keyed by ids the scenario defines.  A --set into one must name an existing id. */
const char *ss_scenario_id_kind(const char *path);

#endif
