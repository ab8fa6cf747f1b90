/* ensemble: reading and writing an ensemble file (see ensemble.h). */
#include "ensemble.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "xalloc.h"

#define FORMAT_VERSION 1

/* ---- reading -------------------------------------------------------------------------------- */

/* An optional string member, copied; NULL when absent. */
static int optional_text(const char *file, json_t *root, const char *key, char **out, ss_diag *d)
{
    json_t *v = json_object_get(root, key);
    *out = NULL;
    if (!v) return 0;
    if (!json_is_string(v)) return ss_fail(d, "%s: %s: expected a string", file, key);
    *out = xstrdup(json_string_value(v));
    return 0;
}

/* An optional number member of a parameter; NaN when absent. */
static int optional_number(const char *file, json_t *p, int i, const char *key, double *out, ss_diag *d)
{
    json_t *v = json_object_get(p, key);
    *out = NAN;
    if (!v) return 0;
    if (!json_is_number(v)) return ss_fail(d, "%s: parameters.%d.%s: expected a number", file, i + 1, key);
    *out = json_number_value(v);
    return 0;
}

static int read_params(const char *file, json_t *root, ss_ensemble *e, ss_diag *d)
{
    json_t *ps = json_object_get(root, "parameters");
    if (!json_is_array(ps) || json_array_size(ps) == 0)
        return ss_fail(d, "%s: parameters: expected a list of parameters, each {\"path\": \"services.x.fte\"}", file);
    e->params = xcalloc(json_array_size(ps), sizeof *e->params);
    for (size_t i = 0; i < json_array_size(ps); i++) {
        json_t *p = json_array_get(ps, i), *path = json_object_get(p, "path");
        if (!json_is_object(p) || !json_is_string(path) || json_string_length(path) == 0)
            return ss_fail(d, "%s: parameters.%zu: expected {\"path\": \"KEY.PATH\"} naming a number of the scenario",
                           file, i + 1);
        e->params[i].path = xstrdup(json_string_value(path));
        e->nparams = (int)i + 1;
        for (size_t j = 0; j < i; j++)
            if (strcmp(e->params[j].path, e->params[i].path) == 0)
                return ss_fail(d, "%s: parameters.%zu: %s is listed twice (also parameters.%zu)", file, i + 1,
                               e->params[i].path, j + 1);
        if (optional_number(file, p, (int)i, "prior_low", &e->params[i].prior_low, d) < 0 ||
            optional_number(file, p, (int)i, "prior_high", &e->params[i].prior_high, d) < 0)
            return -1;
    }
    return 0;
}

static int read_rows(const char *file, json_t *root, ss_ensemble *e, ss_diag *d)
{
    json_t *rows = json_object_get(root, "rows");
    if (!json_is_array(rows) || json_array_size(rows) == 0)
        return ss_fail(d, "%s: rows: expected a list of rows, each a list of %d number%s (one per parameter)", file,
                       e->nparams, e->nparams == 1 ? "" : "s");
    e->values = xmalloc(sizeof *e->values * json_array_size(rows) * (size_t)e->nparams);
    for (size_t r = 0; r < json_array_size(rows); r++) {
        json_t *row = json_array_get(rows, r);
        if (!json_is_array(row) || json_array_size(row) != (size_t)e->nparams)
            return ss_fail(d, "%s: rows.%zu: expected %d number%s, one per parameter, got %s", file, r + 1,
                           e->nparams, e->nparams == 1 ? "" : "s",
                           json_is_array(row) ? "a different count" : "something that is not a list");
        for (int i = 0; i < e->nparams; i++) {
            json_t *v = json_array_get(row, (size_t)i);
            if (!json_is_number(v) || !isfinite(json_number_value(v)))
                return ss_fail(d, "%s: rows.%zu.%d: expected a number for %s", file, r + 1, i + 1, e->params[i].path);
            e->values[r * (size_t)e->nparams + (size_t)i] = json_number_value(v);
        }
        e->nrows = (long)r + 1;
    }
    return 0;
}

static int read_root(const char *file, json_t *root, ss_ensemble *e, ss_diag *d)
{
    json_t *kind = json_object_get(root, "samsim"), *version = json_object_get(root, "version");
    if (!json_is_object(root) || !json_is_string(kind) || strcmp(json_string_value(kind), "ensemble") != 0)
        return ss_fail(d, "%s: not an ensemble file (expected an object with \"samsim\": \"ensemble\"; "
                       "samsim calibrate --ensemble-out writes one)", file);
    if (!json_is_integer(version) || json_integer_value(version) != FORMAT_VERSION)
        return ss_fail(d, "%s: version: expected %d (the version this samsim reads)", file, FORMAT_VERSION);
    if (optional_text(file, root, "scenario", &e->scenario, d) < 0 ||
        optional_text(file, root, "scenario_hash", &e->scenario_hash, d) < 0 ||
        optional_text(file, root, "command", &e->command, d) < 0)
        return -1;
    return read_params(file, root, e, d) < 0 ? -1 : read_rows(file, root, e, d);
}

int ss_ensemble_read(const char *file, ss_ensemble *e, ss_diag *d)
{
    memset(e, 0, sizeof *e);
    json_error_t err;
    json_t *root = json_load_file(file, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        if (err.line < 1) return ss_fail(d, "%s: cannot read the ensemble file: %s", file, err.text);
        return ss_fail(d, "%s:%d: not valid JSON: %s", file, err.line, err.text);
    }
    int rc = read_root(file, root, e, d);
    json_decref(root);
    if (rc < 0) ss_ensemble_free(e);
    return rc;
}

void ss_ensemble_free(ss_ensemble *e)
{
    for (int i = 0; e->params && i < e->nparams; i++) free(e->params[i].path);
    ss_free_all(e->params, e->values, e->scenario, e->scenario_hash, e->command);
    memset(e, 0, sizeof *e);
}

/* ---- writing -------------------------------------------------------------------------------- */

/* A JSON string, escaped by jansson. */
static void put_string(FILE *f, const char *s)
{
    json_t *j = json_string(s ? s : "");
    char *text = json_dumps(j, JSON_ENCODE_ANY);
    fputs(text ? text : "\"\"", f);
    free(text);
    json_decref(j);
}

static void put_number(FILE *f, double x)
{
    fprintf(f, "%.17g", x);
}

static void put_params(FILE *f, const ss_ensemble *e)
{
    fputs("  \"parameters\": [\n", f);
    for (int i = 0; i < e->nparams; i++) {
        fputs("    {\"path\": ", f);
        put_string(f, e->params[i].path);
        if (isfinite(e->params[i].prior_low) && isfinite(e->params[i].prior_high)) {
            fputs(", \"prior_low\": ", f);
            put_number(f, e->params[i].prior_low);
            fputs(", \"prior_high\": ", f);
            put_number(f, e->params[i].prior_high);
        }
        fprintf(f, "}%s\n", i + 1 < e->nparams ? "," : "");
    }
    fputs("  ],\n", f);
}

int ss_ensemble_write(const char *file, const ss_ensemble *e, ss_diag *d)
{
    FILE *f = fopen(file, "w");
    if (!f) return ss_fail(d, "%s: cannot write the ensemble file", file);
    fprintf(f, "{\n  \"samsim\": \"ensemble\", \"version\": %d,\n", FORMAT_VERSION);
    const char *keys[] = {"scenario", "scenario_hash", "command"}, *vals[] = {e->scenario, e->scenario_hash, e->command};
    for (int k = 0; k < 3; k++) {
        if (!vals[k]) continue;
        fprintf(f, "  \"%s\": ", keys[k]);
        put_string(f, vals[k]);
        fputs(",\n", f);
    }
    put_params(f, e);
    fputs("  \"rows\": [\n", f);
    for (long r = 0; r < e->nrows; r++) {
        fputs("    [", f);
        for (int i = 0; i < e->nparams; i++) {
            if (i) fputs(", ", f);
            put_number(f, ss_ensemble_value(e, r, i));
        }
        fprintf(f, "]%s\n", r + 1 < e->nrows ? "," : "");
    }
    fputs("  ]\n}\n", f);
    bool bad = ferror(f) != 0;
    if (fclose(f) != 0 || bad) return ss_fail(d, "%s: cannot write the ensemble file", file);
    return 0;
}

int ss_ensemble_sets(const ss_ensemble *e, long r, char (*texts)[SS_ENSEMBLE_SET_TEXT])
{
    for (int i = 0; i < e->nparams; i++) {
        int n = snprintf(texts[i], SS_ENSEMBLE_SET_TEXT, "%s=%.17g", e->params[i].path, ss_ensemble_value(e, r, i));
        if (n < 0 || n >= SS_ENSEMBLE_SET_TEXT) return -1;
    }
    return 0;
}
