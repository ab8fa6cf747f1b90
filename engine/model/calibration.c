/* calibration: the results a scenario was tuned to meet, and the values tuned to meet them.
 *
 * A scenario that sets a parameter so that a reported figure comes out (Lørenskog 2015 puts in
 * 2,600 applicants a year so that MU makes its ~3,000 vedtak) must say so: the figure is listed
 * as a target in calibration.targets, with its citation, and the parameter is written
 * calibrated(value, "target", "why").  A calibrated result is an input, not a finding; the
 * targets carry what a later search (`samsim calibrate`) needs: metric, value, tolerance, period.
 *
 *   calibration = { targets = { mu_vedtak = {
 *     what = "MU makes about 3,000 vedtak a year", metric = "completed",
 *     services = { "mu", "mu_godkjenning" }, per_year = true,
 *     value = cite(3000, "seed-001 L6152-6154"), tolerance = assume(0.1, "about"),
 *     from = "2015-01-01", to = "2015-12-31" } } } */
#include "calibration.h"

#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "luakeys.h"
#include "sandbox.h"
#include "luatext.h"
#include "reason.h"
#include "scenario.h"

/* ---- reading one target ---------------------------------------------------------------- */

/* A number, bare or inside cite()/assume(); *kind is the tag's kind or NULL. */
static int tagged_number(ss_reader *r, const char *key, double min, double max, double *out, const char **kind)
{
    lua_State *L = r->L;
    lua_getfield(L, -1, key);
    *kind = NULL;
    if (ss_scenario_is_tag(L, -1)) {
        lua_getfield(L, -1, "kind");
        *kind = lua_tostring(L, -1);  /* anchored in the tag, which the scenario keeps */
        lua_pop(L, 1);
        lua_getfield(L, -1, "value");
        lua_replace(L, -2);
    }
    char got[128];
    if (lua_type(L, -1) != LUA_TNUMBER || lua_tonumber(L, -1) < min || lua_tonumber(L, -1) > max) {
        ss_reader_describe(L, -1, got, sizeof got);
        lua_pop(L, 1);
        return ss_reader_fail(r, key, "expected a number from %g to %g, got %s", min, max, got);
    }
    *out = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return 0;
}

/* from/to: dates after the simulation's start.  A target for a date before the measured window
 * (a figure from before a surge, a wait "in May") is measured by a run whose warm-up ends at
 * `from` and whose horizon ends at `to` (--set calendar.warmup_days=... horizon_days=...; the same
 * seed gives the same people up to then): tests/calibration/targets.lua says which targets the
 * run at hand measured exactly. */
static int read_period(ss_reader *r, const ss_model *m)
{
    const char *text[2];
    double day[2];
    static const char *const keys[2] = {"from", "to"};
    for (int i = 0; i < 2; i++) {
        ss_date dt;
        if (ss_reader_string(r, keys[i], true, NULL, &text[i]) < 0) return -1;
        if (ss_date_parse(text[i], &dt) < 0)
            return ss_reader_fail(r, keys[i], "expected a date \"YYYY-MM-DD\", got \"%s\"", text[i]);
        day[i] = (double)(ss_date_to_epoch(dt) - m->cal.start) + i;  /* `to` is the last day, inclusive */
    }
    if (day[1] <= day[0])
        return ss_reader_fail(r, "to", "%s is before from (%s)", text[1], text[0]);
    if (day[0] < 0) {  /* a shorter horizon (--set) may end before a target: the run then does not measure it */
        char first[11];
        ss_calendar_format(&m->cal, 0, first);
        return ss_reader_fail(r, "from", "the target describes %s to %s, before the simulation starts (%s): "
                              "move the start", text[0], text[1], first);
    }
    return 0;
}

static int read_services(ss_reader *r, const ss_model *m)
{
    lua_State *L = r->L;
    int t = ss_reader_table(r, "services", false);
    if (t <= 0) return t;
    int rc = 0, n = (int)lua_rawlen(L, -1);
    if (n == 0) rc = ss_reader_fail(r, "services", "expected a list of service ids (or leave it out for a system metric)");
    for (int i = 1; rc == 0 && i <= n; i++) {
        lua_rawgeti(L, -1, i);
        char key[40], got[128];
        snprintf(key, sizeof key, "services.%d", i);
        if (lua_type(L, -1) != LUA_TSTRING || ss_model_service_index(m, lua_tostring(L, -1)) < 0) {
            ss_reader_describe(L, -1, got, sizeof got);
            rc = ss_reader_fail(r, key, "no service %s in this scenario", got);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return rc;
}

/* The target table is on top of the stack. */
static int read_target(ss_reader *r, const ss_model *m)
{
    static const char *const keys[] = {"what", "metric", "services", "per_year", "value", "tolerance",
                                       "from", "to", NULL};
    const char *what, *what_nb, *metric, *kind;
    bool per_year;
    double value, tolerance;
    int rc = ss_reader_only_keys(r, keys);
    if (rc == 0) rc = ss_reader_reason(r, "what", true, NULL, &what, &what_nb);  /* "x" or { "x", nb = "y" } */
    if (rc == 0) rc = ss_reader_string(r, "metric", true, NULL, &metric);
    if (rc == 0 && !ss_lua_is_identifier(metric))
        rc = ss_reader_fail(r, "metric", "expected the name of a result (wait_mean, completed, ...), got \"%s\"", metric);
    if (rc == 0) rc = read_services(r, m);
    if (rc == 0) rc = ss_reader_bool(r, "per_year", false, &per_year);
    if (rc == 0) rc = tagged_number(r, "value", -1e15, 1e15, &value, &kind);
    if (rc == 0 && (!kind || strcmp(kind, "source") != 0))
        rc = ss_reader_fail(r, "value", "a calibration target is a figure from a source: write cite(%g, \"seed-NNN Lnnn\")",
                            value);
    if (rc == 0) rc = tagged_number(r, "tolerance", 1e-9, 1, &tolerance, &kind);
    if (rc == 0) rc = read_period(r, m);
    return rc;
}

/* ---- the calibrated() values ------------------------------------------------------------ */

typedef struct tuned { char *path, *target; } tuned;
typedef struct tuned_list { tuned *v; int n, cap; } tuned_list;

/* Collects every calibrated() value under the table at idx (path and target), in the order of
 * the sources register (luakeys: list positions by number, names by bytes). */
static void collect(lua_State *L, int idx, const char *prefix, tuned_list *out)
{
    idx = lua_absindex(L, idx);
    ss_lua_key *keys = NULL;
    int n = ss_lua_sorted_keys(L, idx, NULL, &keys, NULL);
    for (int k = 0; k < n; k++) {
        char kt[256], p[1024];
        ss_lua_key_text(&keys[k], kt, sizeof kt);
        snprintf(p, sizeof p, "%s%s%s", prefix, *prefix ? "." : "", kt);
        ss_lua_push_key(L, &keys[k]);
        lua_rawget(L, idx);
        if (ss_scenario_is_tag(L, -1)) {
            if (lua_getfield(L, -1, "target") == LUA_TSTRING) {
                if (out->n == out->cap) out->v = realloc(out->v, sizeof *out->v * (out->cap = out->cap * 2 + 8));
                out->v[out->n++] = (tuned){strdup(p), strdup(lua_tostring(L, -1))};
            }
            lua_pop(L, 1);
            lua_getfield(L, -1, "value");
            if (lua_istable(L, -1)) collect(L, -1, p, out);
            lua_pop(L, 1);
        } else if (lua_istable(L, -1)) {
            collect(L, -1, p, out);
        }
        lua_pop(L, 1);
    }
    free(keys);
}

/* The calibrated() values of the scenario at idx, in a fixed order (listings and the first error
 * reported must not depend on the process). */
static tuned_list tuned_values(lua_State *L, int idx)
{
    tuned_list t = {0};
    collect(L, idx, "", &t);
    return t;
}

static void tuned_free(tuned_list *t)
{
    for (int i = 0; i < t->n; i++) {
        free(t->v[i].path);
        free(t->v[i].target);
    }
    free(t->v);
}

/* The paths calibrated to target t, joined by ", " into t->tuned. */
static void tuned_to(const tuned_list *tl, ss_target *t)
{
    size_t used = 0;
    for (int i = 0; i < tl->n && used < sizeof t->tuned; i++)
        if (strcmp(tl->v[i].target, t->id) == 0)
            used += (size_t)snprintf(t->tuned + used, sizeof t->tuned - used, "%s%s", used ? ", " : "", tl->v[i].path);
}

/* Every calibrated() value names a target in the table at targets (0: there is none). */
static int check_named_targets(ss_reader *r, int resolved, int targets)
{
    lua_State *L = r->L;
    tuned_list t = tuned_values(L, resolved);
    int rc = 0;
    for (int i = 0; rc == 0 && i < t.n; i++) {
        bool found = false;
        if (targets) {
            lua_getfield(L, targets, t.v[i].target);
            found = lua_istable(L, -1);
            lua_pop(L, 1);
        }
        if (!found) {
            snprintf(r->path, sizeof r->path, "%s", t.v[i].path);
            rc = ss_reader_fail(r, NULL, "calibrated to '%s', which is not in calibration.targets "
                                         "(list the figure it meets there, with its citation)", t.v[i].target);
        }
    }
    tuned_free(&t);
    return rc;
}

/* The string keys of the table at t in name order (anchored in the table), so that listings
 * and the first error reported are the same in every process; n of them, free() the array. */
static const char **target_ids(lua_State *L, int t, int *n)
{
    ss_lua_key *keys = NULL;
    int nk = ss_lua_sorted_keys(L, t, NULL, &keys, NULL);
    const char **ids = malloc(sizeof *ids * (nk > 0 ? nk : 1));
    *n = 0;
    for (int k = 0; k < nk; k++)
        ids[(*n)++] = keys[k].type == LUA_TSTRING ? keys[k].str : "?";
    free(keys);
    return ids;
}

int ss_calibration_check(lua_State *L, int resolved, const ss_model *m, ss_origin_fn origin, void *ud,
                         ss_diag *d)
{
    resolved = lua_absindex(L, resolved);
    ss_reader r = {.L = L, .origin = origin, .origin_ud = ud, .d = d};
    lua_pushvalue(L, resolved);
    int rc = 0, targets = 0;
    int t = ss_reader_table(&r, "calibration", false);
    if (t < 0) rc = -1;
    if (t > 0) {
        char saved[512];
        ss_reader_enter(&r, "calibration", saved, sizeof saved);
        static const char *const keys[] = {"targets", NULL};
        rc = ss_reader_only_keys(&r, keys);
        if (rc == 0 && (t = ss_reader_table(&r, "targets", true)) < 0) rc = -1;
        if (rc == 0) {
            targets = lua_gettop(L);
            char s2[512];
            ss_reader_enter(&r, "targets", s2, sizeof s2);
            int n;
            const char **ids = target_ids(L, targets, &n);
            for (int i = 0; rc == 0 && i < n; i++) {
                char s3[512];
                ss_reader_enter(&r, ids[i], s3, sizeof s3);
                lua_getfield(L, targets, ids[i]);
                if (!ss_lua_is_identifier(ids[i]) || !lua_istable(L, -1))
                    rc = ss_reader_fail(&r, NULL, "expected targets named by an identifier, each a table");
                else
                    rc = read_target(&r, m);
                ss_reader_leave(&r, s3);
                lua_pop(L, 1);
            }
            free(ids);
            ss_reader_leave(&r, s2);
        }
        ss_reader_leave(&r, saved);
    }
    if (rc == 0) rc = check_named_targets(&r, resolved, targets);
    lua_settop(L, resolved);
    return rc;
}

/* ---- the targets as data --------------------------------------------------------------- */

static const char *field(lua_State *L, int idx, const char *key, const char *def);
static double tagged_value(lua_State *L, int t, const char *key, const char **text, const char **nb);
static const char *reason_field(lua_State *L, int idx, const char *key, const char **nb);

/* The day (from the start) of a date the check has accepted. */
static double day_of(const ss_model *m, const char *text)
{
    ss_date dt;
    return ss_date_parse(text, &dt) == 0 ? (double)(ss_date_to_epoch(dt) - m->cal.start) : 0;
}

/* The target table at t into *out. */
static void target_of(lua_State *L, int t, const char *id, const ss_model *m, ss_target *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->id, sizeof out->id, "%s", id);
    const char *nb;
    snprintf(out->what, sizeof out->what, "%s", reason_field(L, t, "what", &nb));
    snprintf(out->what_nb, sizeof out->what_nb, "%s", nb ? nb : "");
    snprintf(out->metric, sizeof out->metric, "%s", field(L, t, "metric", ""));
    snprintf(out->from, sizeof out->from, "%s", field(L, t, "from", ""));
    snprintf(out->to, sizeof out->to, "%s", field(L, t, "to", ""));
    out->from_day = m ? day_of(m, out->from) : 0;
    out->to_day = m ? day_of(m, out->to) + 1 : 0;   /* `to` is the last day, inclusive */
    lua_getfield(L, t, "per_year");
    out->per_year = lua_toboolean(L, -1);
    lua_pop(L, 1);
    const char *source, *source_nb, *why, *why_nb;
    out->value = tagged_value(L, t, "value", &source, &source_nb);
    out->tolerance = tagged_value(L, t, "tolerance", &why, &why_nb);
    snprintf(out->source, sizeof out->source, "%s", source);
    snprintf(out->source_nb, sizeof out->source_nb, "%s", source_nb ? source_nb : "");
    if (lua_getfield(L, t, "services") == LUA_TTABLE) {
        int n = (int)lua_rawlen(L, -1);
        for (int i = 1; i <= n && out->nservices < SS_TARGET_MAX_SERVICES; i++) {
            lua_rawgeti(L, -1, i);
            bool named = lua_type(L, -1) == LUA_TSTRING;
            int s = named && m ? ss_model_service_index(m, lua_tostring(L, -1)) : -1;
            if (m ? s >= 0 : named) {
                size_t len = strlen(out->service_ids);
                snprintf(out->service_ids + len, sizeof out->service_ids - len, "%s%s", out->nservices ? ", " : "",
                         lua_tostring(L, -1));
                out->services[out->nservices++] = s;
            }
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
}

int ss_calibration_targets(lua_State *L, int resolved, const ss_model *m, ss_target **out)
{
    resolved = lua_absindex(L, resolved);
    *out = NULL;
    if (lua_getfield(L, resolved, "calibration") != LUA_TTABLE ||
        lua_getfield(L, -1, "targets") != LUA_TTABLE) {
        lua_settop(L, resolved);
        return 0;
    }
    int targets = lua_gettop(L), n;
    const char **ids = target_ids(L, targets, &n);
    *out = calloc((size_t)(n > 0 ? n : 1), sizeof **out);
    tuned_list tl = tuned_values(L, resolved);
    for (int i = 0; i < n; i++) {
        lua_getfield(L, targets, ids[i]);
        target_of(L, lua_gettop(L), ids[i], m, &(*out)[i]);
        lua_pop(L, 1);
        tuned_to(&tl, &(*out)[i]);
    }
    tuned_free(&tl);
    free(ids);
    lua_settop(L, resolved);
    return n;
}

int ss_calibration_targets_of_text(const char *text, const char *name, ss_target **out, int *n, ss_diag *d)
{
    *out = NULL;
    *n = 0;
    ss_sandbox *sb = ss_sandbox_new(NULL, d);
    if (!sb) return -1;
    lua_State *L = ss_sandbox_lua(sb);
    ss_provenance_push_env(sb);                                           /* env */
    int rc = ss_sandbox_load(sb, text, strlen(text), name, lua_gettop(L), d);
    lua_remove(L, rc == 0 ? -2 : -1);                                     /* chunk | (nothing) */
    if (rc == 0) rc = ss_sandbox_call(sb, 0, 1, d);                       /* resolved */
    if (rc == 0 && !lua_istable(L, -1)) rc = ss_fail(d, "%s: the stored scenario does not return a table", name);
    /* a text that returns more than data (a tampered file) is not read further: no targets */
    if (rc == 0) *n = ss_provenance_check_data(sb, &(ss_diag){0}) == 0 ? ss_calibration_targets(L, -1, NULL, out) : 0;
    ss_sandbox_free(sb);
    return rc;
}

/* ---- printing --------------------------------------------------------------------------- */

static const char *field(lua_State *L, int idx, const char *key, const char *def)
{
    lua_getfield(L, idx, key);
    const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : def;
    lua_pop(L, 1);  /* strings stay anchored in the target table */
    return s;
}

/* A text field of the table at idx, "x" or { "x", nb = "y" } (reason.h): the English ("" when
 * there is none), *nb the Norwegian or NULL.  Both stay anchored in the table. */
static const char *reason_field(lua_State *L, int idx, const char *key, const char **nb)
{
    const char *en = "";
    *nb = NULL;
    lua_getfield(L, idx, key);
    if (lua_type(L, -1) == LUA_TSTRING) {
        en = lua_tostring(L, -1);
    } else if (lua_istable(L, -1)) {
        char why[256];
        if (ss_reason_get(L, -1, &en, nb, why, sizeof why) < 0) en = "";
    }
    lua_pop(L, 1);
    return en;
}

/* The number under key, bare or tagged; *text is the tag's text ("" when bare), *nb its
 * Norwegian text (NULL when none). */
static double tagged_value(lua_State *L, int t, const char *key, const char **text, const char **nb)
{
    lua_getfield(L, t, key);
    *text = "";
    *nb = NULL;
    if (ss_scenario_is_tag(L, -1)) {
        *text = field(L, -1, "text", "");
        *nb = field(L, -1, "nb", NULL);
        lua_getfield(L, -1, "value");
        lua_replace(L, -2);
    }
    double v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return v;
}

static void print_target(lua_State *L, int resolved, const char *id, int t, FILE *f, bool norwegian)
{
    const char *what_nb, *what = reason_field(L, t, "what", &what_nb);
    fprintf(f, "%s: %s\n", id, ss_reason_pick(what, what_nb, norwegian));
    fprintf(f, "  metric:        %s%s", field(L, t, "metric", "?"),
            (lua_getfield(L, t, "per_year"), lua_toboolean(L, -1)) ? " per year" : "");
    lua_pop(L, 1);
    if (lua_getfield(L, t, "services") == LUA_TTABLE) {
        int n = (int)lua_rawlen(L, -1);
        fprintf(f, ", %s ", n > 1 ? "over" : "of");
        for (int i = 1; i <= n; i++) {
            lua_rawgeti(L, -1, i);
            fprintf(f, "%s%s", i > 1 ? ", " : "", lua_tostring(L, -1));
            lua_pop(L, 1);
        }
    } else {
        fprintf(f, ", the whole system");
    }
    lua_pop(L, 1);
    const char *source, *source_nb, *why, *why_nb;
    double value = tagged_value(L, t, "value", &source, &source_nb), tol = tagged_value(L, t, "tolerance", &why, &why_nb);
    fprintf(f, "\n  value:         %.10g within %.10g %% (%s to %s)\n", value, tol * 100,
            field(L, t, "from", "?"), field(L, t, "to", "?"));
    fprintf(f, "  source:        %s\n", ss_reason_pick(source, source_nb, norwegian));
    tuned_list tl = tuned_values(L, resolved);
    int n = 0, col = 0;
    for (int i = 0; i < tl.n; i++) {
        if (strcmp(tl.v[i].target, id) != 0) continue;
        int len = (int)strlen(tl.v[i].path);
        if (n == 0) col = fprintf(f, "  tuned to it:   %s", tl.v[i].path);
        else if (col + len + 2 > 100) col = fprintf(f, ",\n                 %s", tl.v[i].path) - 2;
        else col += fprintf(f, ", %s", tl.v[i].path);
        n++;
    }
    fprintf(f, "%s\n", n ? "" : "  tuned to it:   nothing (a check, not a calibration)");
    tuned_free(&tl);
}

void ss_calibration_print(lua_State *L, int resolved, FILE *f, bool norwegian)
{
    resolved = lua_absindex(L, resolved);
    if (lua_getfield(L, resolved, "calibration") != LUA_TTABLE ||
        lua_getfield(L, -1, "targets") != LUA_TTABLE) {
        lua_settop(L, resolved);
        return;
    }
    int targets = lua_gettop(L);
    int n;
    const char **ids = target_ids(L, targets, &n);
    fprintf(f, "\ncalibration targets: figures the scenario was tuned to meet (inputs, not findings)\n");
    for (int i = 0; i < n; i++) {
        lua_getfield(L, targets, ids[i]);
        print_target(L, resolved, ids[i], lua_gettop(L), f, norwegian);
        lua_pop(L, 1);
    }
    free(ids);
    lua_settop(L, resolved);
}
