/* batch: plans, their grid, and running them on all cores into one resumable SQLite file.
 *
 * Three steps, each finished before the next starts, so a mistake anywhere in the plan stops the
 * batch before anything is written:
 *   1. read the plan in the sandbox and expand the grid (plan_*),
 *   2. load every point's scenario and rule files on all cores, which checks them and gives each
 *      run its key (check_*),
 *   3. look up what the file holds already and run the rest: a pool of workers takes (run,
 *      replication) jobs in grid order, and this thread writes each finished replication in its
 *      own transaction and a run's summary once its replications are all stored (pool_*). */
#include "batch.h"

#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>

#include "reader.h"
#include "runner.h"
#include "sandbox.h"
#include "scenario.h"
#include "sim.h"
#include "study.h"

enum {
    MAX_REPLICATIONS = 100000,
    MAX_RANGE_VALUES = 10000,
    MAX_POINTS = 1000000,
};
#define MAX_JOBS 100000000L
#define SUMMARY_LEVEL 0.95  /* as `samsim run`, so a batch run's summary is the same */

/* ---- the plan: owned memory ------------------------------------------------------------------ */

/* One swept parameter and its values, in the order the plan gives them. */
typedef struct sweep_axis {
    const char *parameter;
    ss_batch_value *values;
    int nvalues;
} sweep_axis;

/* One alternative of `models`: overlays as written and as opened. */
typedef struct model_alt {
    const char **written;
    const char **paths;
    int n;
    const char *label;
} model_alt;

struct ss_plan {
    void **owned;             /* everything below that was allocated, freed together */
    int nowned, capowned;
    const char *path, *dir, *name, *output;
    char key[65];
    uint64_t seed;
    int replications;
    const char **scenarios_written, **scenarios;
    int nscenarios;
    model_alt *models;
    int nmodels;
    const char **fixed_sets;  /* "PATH=VALUE" from `set`, sorted by path */
    int nfixed;
    sweep_axis *axes;         /* sorted by parameter */
    int naxes;
    ss_plan_point *points;
    int npoints;
};

/* Everything the plan allocates is registered here, so one call frees it all and the readers
 * below need no clean-up paths of their own. */
static void *plan_keep(ss_plan *p, void *mem)
{
    if (!mem)
        return NULL;
    if (p->nowned == p->capowned) {
        int cap = p->capowned ? 2 * p->capowned : 64;
        void **grown = realloc(p->owned, sizeof *grown * (size_t)cap);
        if (!grown) {
            free(mem);
            return NULL;
        }
        p->owned = grown;
        p->capowned = cap;
    }
    p->owned[p->nowned++] = mem;
    return mem;
}

static void *plan_calloc(ss_plan *p, size_t n, size_t size)
{
    return plan_keep(p, calloc(n ? n : 1, size));
}

static const char *plan_strdup(ss_plan *p, const char *s)
{
    return plan_keep(p, strdup(s));
}

static const char *plan_printf(ss_plan *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char *plan_printf(ss_plan *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = plan_keep(p, malloc((size_t)n + 1));
    if (!s)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

void ss_plan_free(ss_plan *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->nowned; i++)
        free(p->owned[i]);
    free(p->owned);
    free(p);
}

/* ---- paths ------------------------------------------------------------------------------------- */

/* "a/./b/../c" -> "a/c", lexically, so stored paths read as a person would write them.  A ".."
 * that cannot be folded (leading, or after another "..") is kept. */
static void normalise_path(const char *in, char *out, size_t n)
{
    char copy[4096];
    snprintf(copy, sizeof copy, "%s", in);
    const char *parts[512];
    int np = 0;
    char *save = NULL;
    for (char *part = strtok_r(copy, "/", &save); part && np < 512; part = strtok_r(NULL, "/", &save)) {
        if (strcmp(part, ".") == 0)
            continue;
        if (strcmp(part, "..") == 0 && np > 0 && strcmp(parts[np - 1], "..") != 0) {
            np--;
            continue;
        }
        if (strcmp(part, "..") == 0 && in[0] == '/' && np == 0)
            continue;  /* "/.." is "/" */
        parts[np++] = part;
    }
    size_t len = (size_t)snprintf(out, n, "%s", in[0] == '/' ? "/" : "");
    for (int i = 0; i < np && len < n; i++)
        len += (size_t)snprintf(out + len, n - len, "%s%s", i ? "/" : "", parts[i]);
    if (out[0] == '\0')
        snprintf(out, n, ".");
}

/* A path in the plan is relative to the plan's folder. */
static const char *plan_join(ss_plan *p, const char *rel)
{
    char joined[4096], norm[4096];
    if (rel[0] == '/' || strcmp(p->dir, ".") == 0)
        snprintf(joined, sizeof joined, "%s", rel);
    else
        snprintf(joined, sizeof joined, "%s/%s", p->dir, rel);
    normalise_path(joined, norm, sizeof norm);
    return plan_strdup(p, norm);
}

static void dir_and_stem(const char *path, char *dir, size_t dn, char *stem, size_t sn)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, dn, ".");
    else if (slash == path)
        snprintf(dir, dn, "/");
    else
        snprintf(dir, dn, "%.*s", (int)(slash - path), path);
    snprintf(stem, sn, "%s", slash ? slash + 1 : path);
    size_t l = strlen(stem);
    if (l > 4 && strcmp(stem + l - 4, ".lua") == 0)
        stem[l - 4] = '\0';
}

void ss_batch_shard_output(const char *output, int shard, int nshards, char *out, size_t n)
{
    size_t l = strlen(output);
    int stem = l > 3 && strcmp(output + l - 3, ".db") == 0 ? (int)l - 3 : (int)l;
    snprintf(out, n, "%.*s.shard-%d-of-%d.db", stem, output, shard, nshards);
}

/* ---- reading the plan table -------------------------------------------------------------------- */

/* The reader's origin: every key of a plan comes from the plan file. */
static const char *plan_origin(void *ud, const char *path)
{
    (void)path;
    return ud;
}

/* Point the reader at a child key written the way Lua would index it: models[2],
 * sweep["services.fph.fte"]. */
static void reader_at(ss_reader *r, const char *base, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void reader_at(ss_reader *r, const char *base, const char *fmt, ...)
{
    char tail[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tail, sizeof tail, fmt, ap);
    va_end(ap);
    snprintf(r->path, sizeof r->path, "%s%s", base, tail);
}

/* The length of a table used as a list, or -1 if it has keys other than 1..n. */
static int list_length(lua_State *L, int idx)
{
    int n = (int)lua_rawlen(L, idx), count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx < 0 ? idx - 1 : idx)) {
        lua_pop(L, 1);
        if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1 || lua_tointeger(L, -1) > n) {
            lua_pop(L, 1);
            return -1;
        }
        count++;
    }
    return count == n ? n : -1;
}

static int fail_got(ss_reader *r, int idx, const char *expected)
{
    char got[128];
    ss_reader_describe(r->L, idx, got, sizeof got);
    return ss_reader_fail(r, NULL, "expected %s, got %s", expected, got);
}

/* A file named in the plan: a string, and a file that opens. */
static int read_file_name(ss_plan *p, ss_reader *r, int idx, const char **written, const char **path)
{
    if (lua_type(r->L, idx) != LUA_TSTRING)
        return fail_got(r, idx, "a file name (a string)");
    *written = plan_strdup(p, lua_tostring(r->L, idx));
    *path = *written ? plan_join(p, *written) : NULL;
    if (!*path)
        return ss_reader_fail(r, NULL, "out of memory");
    if (access(*path, R_OK) != 0)
        return ss_reader_fail(r, NULL, "cannot open '%s' (%s)", *path, strerror(errno));
    return 0;
}

/* A string, or a list of strings, of file names (the table or string is at the top). */
static int read_file_list(ss_plan *p, ss_reader *r, const char *base, const char ***written,
                          const char ***paths, int *n, bool allow_empty)
{
    lua_State *L = r->L;
    if (lua_type(L, -1) == LUA_TSTRING) {
        *written = plan_calloc(p, 1, sizeof **written);
        *paths = plan_calloc(p, 1, sizeof **paths);
        *n = 1;
        snprintf(r->path, sizeof r->path, "%s", base);
        return *written && *paths ? read_file_name(p, r, -1, &(*written)[0], &(*paths)[0]) : ss_fail(r->d, "out of memory");
    }
    snprintf(r->path, sizeof r->path, "%s", base);
    int len = lua_istable(L, -1) ? list_length(L, -1) : -1;
    if (len < 0 || (len == 0 && !allow_empty))
        return fail_got(r, -1, allow_empty ? "a list of file names" : "a file name or a non-empty list of file names");
    *written = plan_calloc(p, (size_t)len, sizeof **written);
    *paths = plan_calloc(p, (size_t)len, sizeof **paths);
    if (!*written || !*paths)
        return ss_fail(r->d, "out of memory");
    for (int i = 1; i <= len; i++) {
        lua_rawgeti(L, -1, i);
        reader_at(r, base, "[%d]", i);
        int rc = read_file_name(p, r, -1, &(*written)[i - 1], &(*paths)[i - 1]);
        lua_pop(L, 1);
        if (rc)
            return rc;
    }
    *n = len;
    return 0;
}

/* Two equal entries would be two grid points with the same key: one run claimed twice. */
static int check_distinct_files(ss_reader *r, const char *base, const char *const *paths, int n)
{
    for (int i = 1; i < n; i++)
        for (int j = 0; j < i; j++)
            if (strcmp(paths[i], paths[j]) == 0) {
                reader_at(r, base, "[%d]", i + 1);
                return ss_reader_fail(r, NULL, "'%s' is already %s[%d]", paths[i], base, j + 1);
            }
    return 0;
}

static int read_scenarios(ss_plan *p, ss_reader *r)
{
    lua_getfield(r->L, -1, "scenarios");
    if (lua_isnil(r->L, -1)) {
        lua_pop(r->L, 1);
        return ss_reader_fail(r, "scenarios", "missing (expected a scenario file, or a list of them)");
    }
    int rc = read_file_list(p, r, "scenarios", &p->scenarios_written, &p->scenarios, &p->nscenarios, false);
    lua_pop(r->L, 1);
    return rc ? rc : check_distinct_files(r, "scenarios", p->scenarios, p->nscenarios);
}

/* "baseline" for no overlays, else the overlays' file names: "more-fph-staff+summer". */
static const char *model_label(ss_plan *p, const model_alt *m)
{
    if (m->n == 0)
        return "baseline";
    char label[1024] = "", dir[1024], stem[256];
    for (int i = 0; i < m->n; i++) {
        dir_and_stem(m->written[i], dir, sizeof dir, stem, sizeof stem);
        size_t l = strlen(label);
        snprintf(label + l, sizeof label - l, "%s%s", i ? "+" : "", stem);
    }
    return plan_strdup(p, label);
}

static int read_model(ss_plan *p, ss_reader *r, int i)
{
    char base[64];
    snprintf(base, sizeof base, "models[%d]", i + 1);
    model_alt *m = &p->models[i];
    int rc = read_file_list(p, r, base, &m->written, &m->paths, &m->n, true);
    if (rc == 0 && !(m->label = model_label(p, m)))
        rc = ss_fail(r->d, "out of memory");
    return rc;
}

static bool same_overlays(const model_alt *a, const model_alt *b)
{
    if (a->n != b->n)
        return false;
    for (int i = 0; i < a->n; i++)
        if (strcmp(a->paths[i], b->paths[i]) != 0)
            return false;
    return true;
}

static int check_distinct_models(const ss_plan *p, ss_reader *r)
{
    for (int i = 1; i < p->nmodels; i++)
        for (int j = 0; j < i; j++)
            if (same_overlays(&p->models[i], &p->models[j])) {
                reader_at(r, "models", "[%d]", i + 1);
                return ss_reader_fail(r, NULL, "the same overlays as models[%d]; each model must differ", j + 1);
            }
    return 0;
}

/* Absent: the scenarios as they are.  Else a list of alternatives, each a list of overlays. */
static int read_models(ss_plan *p, ss_reader *r)
{
    lua_State *L = r->L;
    lua_getfield(L, -1, "models");
    int len = lua_isnil(L, -1) ? 0 : lua_istable(L, -1) ? list_length(L, -1) : -1;
    snprintf(r->path, sizeof r->path, "models");
    if (len <= 0 && !lua_isnil(L, -1)) {
        int rc = len == 0 ? ss_reader_fail(r, NULL, "expected at least one model: { {} } runs the scenarios as they are")
                          : fail_got(r, -1, "a list of models, each a list of overlay files, e.g. { {}, { \"models/x.lua\" } }");
        lua_pop(L, 1);
        return rc;
    }
    p->nmodels = len > 0 ? len : 1;
    p->models = plan_calloc(p, (size_t)p->nmodels, sizeof *p->models);
    if (!p->models) {
        lua_pop(L, 1);
        return ss_fail(r->d, "out of memory");
    }
    if (len == 0)
        p->models[0].label = "baseline";
    int rc = 0;
    for (int i = 0; i < len && rc == 0; i++) {
        lua_rawgeti(L, -1, i + 1);
        rc = read_model(p, r, i);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return rc ? rc : check_distinct_models(p, r);
}

/* Shortest decimal text that reads back as the same double, so a value goes into --set
 * exactly as the plan gave it. */
static void format_number(lua_State *L, int idx, char *out, size_t n)
{
    if (lua_isinteger(L, idx)) {
        snprintf(out, n, "%lld", (long long)lua_tointeger(L, idx));
        return;
    }
    double x = lua_tonumber(L, idx);
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(out, n, "%.*g", digits, x);
        if (strtod(out, NULL) == x)
            break;
    }
    if (!strpbrk(out, ".eEn"))  /* keep it a float, as the plan had it: 18.0 stays 18.0 */
        snprintf(out + strlen(out), n - strlen(out), ".0");
}

/* A Lua string literal for --set, so a string that looks like a number stays a string. */
static void quote_string(const char *s, char *out, size_t n)
{
    size_t k = 0;
    if (k + 1 < n) out[k++] = '"';
    for (; *s && k + 3 < n; s++) {
        if (*s == '"' || *s == '\\') out[k++] = '\\';
        if (*s == '\n') { out[k++] = '\\'; out[k++] = 'n'; continue; }
        out[k++] = *s;
    }
    if (k + 1 < n) out[k++] = '"';
    out[k] = '\0';
}

/* A value for --set: a finite number, a string or true/false (at the top of the stack). */
static int read_value(ss_plan *p, ss_reader *r, const char *parameter, ss_batch_value *v)
{
    lua_State *L = r->L;
    char text[512], label[512];
    v->parameter = parameter;
    v->numeric = false;
    if (lua_type(L, -1) == LUA_TNUMBER) {
        if (!isfinite(lua_tonumber(L, -1)))
            return fail_got(r, -1, "a finite number");
        format_number(L, -1, text, sizeof text);
        snprintf(label, sizeof label, "%s", text);
        v->numeric = true;
        v->number = lua_tonumber(L, -1);
    } else if (lua_type(L, -1) == LUA_TSTRING) {
        quote_string(lua_tostring(L, -1), text, sizeof text);
        snprintf(label, sizeof label, "%s", lua_tostring(L, -1));
    } else if (lua_isboolean(L, -1)) {
        snprintf(text, sizeof text, "%s", lua_toboolean(L, -1) ? "true" : "false");
        snprintf(label, sizeof label, "%s", text);
    } else {
        return fail_got(r, -1, "a number, a string or true/false");
    }
    v->text = plan_strdup(p, text);
    v->label = plan_strdup(p, label);
    return v->text && v->label ? 0 : ss_fail(r->d, "out of memory");
}

/* A parameter is a key path into the scenario, as --set takes it. */
static int check_parameter(ss_reader *r, const char *name)
{
    bool ok = name[0] && name[0] != '.' && name[strlen(name) - 1] != '.' && !strstr(name, "..");
    for (const char *c = name; *c && ok; c++)
        ok = *c == '.' || *c == '_' || *c == '-' || (*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'z') ||
             (*c >= 'A' && *c <= 'Z');
    return ok ? 0 : ss_reader_fail(r, NULL, "expected a key path such as services.fph.fte");
}

/* The string keys of the table at the top, sorted, so the grid's order never depends on Lua's
 * hash order.  Fails on a key that is not a string. */
static int sorted_keys(ss_plan *p, ss_reader *r, const char ***keys, int *n)
{
    lua_State *L = r->L;
    int cap = 0;
    *n = 0;
    *keys = NULL;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            int rc = fail_got(r, -1, "parameter names (strings) as keys, e.g. [\"services.fph.fte\"]");
            lua_pop(L, 1);
            return rc;
        }
        if (*n == cap) {
            cap = cap ? 2 * cap : 8;
            const char **grown = plan_calloc(p, (size_t)cap, sizeof *grown);
            if (!grown) {
                lua_pop(L, 1);
                return ss_fail(r->d, "out of memory");
            }
            if (*n) memcpy(grown, *keys, sizeof *grown * (size_t)*n);
            *keys = grown;
        }
        if (!((*keys)[(*n)++] = plan_strdup(p, lua_tostring(L, -1)))) {
            lua_pop(L, 1);
            return ss_fail(r->d, "out of memory");
        }
    }
    for (int i = 1; i < *n; i++)  /* insertion sort: a plan has a handful of parameters */
        for (int j = i; j > 0 && strcmp((*keys)[j - 1], (*keys)[j]) > 0; j--) {
            const char *t = (*keys)[j];
            (*keys)[j] = (*keys)[j - 1];
            (*keys)[j - 1] = t;
        }
    return 0;
}

/* `set = { ["calendar.horizon_days"] = 730 }`: --set for every run. */
static int read_fixed_sets(ss_plan *p, ss_reader *r)
{
    int has = ss_reader_table(r, "set", false);
    if (has <= 0)
        return has;
    snprintf(r->path, sizeof r->path, "set");
    const char **keys;
    int rc = sorted_keys(p, r, &keys, &p->nfixed);
    if (rc == 0 && !(p->fixed_sets = plan_calloc(p, (size_t)p->nfixed, sizeof *p->fixed_sets)))
        rc = ss_fail(r->d, "out of memory");
    for (int i = 0; i < p->nfixed && rc == 0; i++) {
        reader_at(r, "set", "[\"%s\"]", keys[i]);
        ss_batch_value v;
        lua_getfield(r->L, -1, keys[i]);
        rc = check_parameter(r, keys[i]);
        if (rc == 0) rc = read_value(p, r, keys[i], &v);
        lua_pop(r->L, 1);
        if (rc == 0 && !(p->fixed_sets[i] = plan_printf(p, "%s=%s", keys[i], v.text)))
            rc = ss_fail(r->d, "out of memory");
    }
    lua_pop(r->L, 1);
    r->path[0] = '\0';
    return rc;
}

/* One number of a range: from, to or step. */
static int range_number(ss_reader *r, const char *key, double *x, bool *integer)
{
    lua_getfield(r->L, -1, key);
    int rc = 0;
    if (lua_type(r->L, -1) != LUA_TNUMBER || !isfinite(lua_tonumber(r->L, -1)))
        rc = lua_isnil(r->L, -1) ? ss_reader_fail(r, key, "missing (a range needs from, to and step)")
                                 : ss_reader_fail(r, key, "expected a number, got %s", luaL_typename(r->L, -1));
    else {
        *x = lua_tonumber(r->L, -1);
        *integer = *integer && lua_isinteger(r->L, -1);
    }
    lua_pop(r->L, 1);
    return rc;
}

/* { from = 10, to = 20, step = 2 }: from, from + step, ... up to to (included when it falls on
 * a step).  Each value is from + i × step, rounded to 12 digits, so 0.1-steps do not drift. */
static int read_range(ss_plan *p, ss_reader *r, sweep_axis *a)
{
    static const char *const keys[] = {"from", "to", "step", NULL};
    double from = 0, to = 0, step = 0;
    bool integer = true;
    if (ss_reader_only_keys(r, keys) || range_number(r, "from", &from, &integer) ||
        range_number(r, "to", &to, &integer) || range_number(r, "step", &step, &integer))
        return -1;
    if (step <= 0)
        return ss_reader_fail(r, "step", "expected a number > 0, got %g", step);
    if (to < from)
        return ss_reader_fail(r, "to", "expected a number >= from (%g), got %g", from, to);
    double count = floor((to - from) / step + 1e-9) + 1;
    if (count > MAX_RANGE_VALUES)
        return ss_reader_fail(r, NULL, "%.0f values; at most %d in one range", count, MAX_RANGE_VALUES);
    a->nvalues = (int)count;
    if (!(a->values = plan_calloc(p, (size_t)a->nvalues, sizeof *a->values)))
        return ss_fail(r->d, "out of memory");
    for (int i = 0; i < a->nvalues; i++) {
        char text[64];
        double x = from + i * step;
        if (integer) snprintf(text, sizeof text, "%.0f", x);
        else snprintf(text, sizeof text, "%.12g", x);
        ss_batch_value *v = &a->values[i];
        *v = (ss_batch_value){.parameter = a->parameter, .numeric = true, .number = strtod(text, NULL)};
        if (!integer && !strpbrk(text, ".eEn")) strcat(text, ".0");
        if (!(v->text = v->label = plan_strdup(p, text)))
            return ss_fail(r->d, "out of memory");
    }
    return 0;
}

/* A list of values; the same value twice would be the same run twice, so it is refused. */
static int read_value_list(ss_plan *p, ss_reader *r, sweep_axis *a, const char *base)
{
    int len = list_length(r->L, -1);
    if (len <= 0)
        return fail_got(r, -1, "a non-empty list of values, or a range { from = 10, to = 20, step = 2 }");
    a->nvalues = len;
    if (!(a->values = plan_calloc(p, (size_t)len, sizeof *a->values)))
        return ss_fail(r->d, "out of memory");
    for (int i = 0; i < len; i++) {
        lua_rawgeti(r->L, -1, i + 1);
        reader_at(r, base, "[%d]", i + 1);
        int rc = read_value(p, r, a->parameter, &a->values[i]);
        lua_pop(r->L, 1);
        if (rc)
            return rc;
        for (int j = 0; j < i; j++)
            if (strcmp(a->values[j].text, a->values[i].text) == 0)
                return ss_reader_fail(r, NULL, "%s is already value %d of this list", a->values[i].label, j + 1);
    }
    return 0;
}

/* A table with from or to is a range; anything else a list of values. */
static bool is_range(lua_State *L)
{
    bool range = false;
    static const char *const keys[] = {"from", "to", "step"};
    for (int i = 0; i < 3; i++) {
        if (lua_getfield(L, -1, keys[i]) != LUA_TNIL)
            range = true;
        lua_pop(L, 1);
    }
    return range;
}

static int read_axis(ss_plan *p, ss_reader *r, sweep_axis *a)
{
    char base[400];
    snprintf(base, sizeof base, "sweep[\"%s\"]", a->parameter);
    snprintf(r->path, sizeof r->path, "%s", base);
    if (check_parameter(r, a->parameter))
        return -1;
    lua_getfield(r->L, -1, a->parameter);
    int rc;
    if (!lua_istable(r->L, -1))
        rc = fail_got(r, -1, "a list of values, or a range { from = 10, to = 20, step = 2 }");
    else if (is_range(r->L))
        rc = read_range(p, r, a);
    else
        rc = read_value_list(p, r, a, base);
    lua_pop(r->L, 1);
    return rc;
}

static int read_sweep(ss_plan *p, ss_reader *r)
{
    int has = ss_reader_table(r, "sweep", false);
    if (has <= 0)
        return has;
    snprintf(r->path, sizeof r->path, "sweep");
    const char **keys;
    int rc = sorted_keys(p, r, &keys, &p->naxes);
    if (rc == 0 && !(p->axes = plan_calloc(p, (size_t)p->naxes, sizeof *p->axes)))
        rc = ss_fail(r->d, "out of memory");
    for (int i = 0; i < p->naxes && rc == 0; i++) {
        p->axes[i].parameter = keys[i];
        rc = read_axis(p, r, &p->axes[i]);
    }
    lua_pop(r->L, 1);
    r->path[0] = '\0';
    return rc;
}

/* A swept parameter that `set` also fixes is almost certainly a mistake. */
static int check_set_and_sweep(const ss_plan *p, ss_reader *r)
{
    for (int i = 0; i < p->naxes; i++)
        for (int j = 0; j < p->nfixed; j++) {
            size_t l = strlen(p->axes[i].parameter);
            if (strncmp(p->fixed_sets[j], p->axes[i].parameter, l) == 0 && p->fixed_sets[j][l] == '=') {
                reader_at(r, "sweep", "[\"%s\"]", p->axes[i].parameter);
                return ss_reader_fail(r, NULL, "also given in set; a parameter is either fixed or swept");
            }
        }
    return 0;
}

/* Seeds are whole numbers up to 2^63 - 1, read as Lua integers so none is rounded. */
static int read_seed(ss_plan *p, ss_reader *r)
{
    lua_getfield(r->L, -1, "seed");
    int rc = 0;
    if (lua_isnil(r->L, -1))
        p->seed = 1;
    else if (!lua_isinteger(r->L, -1) || lua_tointeger(r->L, -1) < 0)
        rc = ss_reader_fail(r, "seed", "expected a whole number >= 0, got %s",
                            lua_type(r->L, -1) == LUA_TNUMBER ? lua_tostring(r->L, -1) : luaL_typename(r->L, -1));
    else
        p->seed = (uint64_t)lua_tointeger(r->L, -1);
    lua_pop(r->L, 1);
    return rc;
}

static int read_replications(ss_plan *p, ss_reader *r)
{
    double reps;
    if (ss_reader_number(r, "replications", 1, MAX_REPLICATIONS, true, 0, &reps))
        return -1;
    if (reps != floor(reps))
        return ss_reader_fail(r, "replications", "expected a whole number from 1 to %d, got %g", MAX_REPLICATIONS, reps);
    p->replications = (int)reps;
    return 0;
}

static int read_names(ss_plan *p, ss_reader *r)
{
    const char *name, *output;
    char dir[4096], stem[512];
    dir_and_stem(p->path, dir, sizeof dir, stem, sizeof stem);
    if (ss_reader_string(r, "name", false, stem, &name) || ss_reader_string(r, "output", true, NULL, &output))
        return -1;
    if (!output[0])
        return ss_reader_fail(r, "output", "expected a file name, got \"\"");
    p->name = plan_strdup(p, name);
    p->output = plan_join(p, output);
    return p->name && p->output ? 0 : ss_fail(r->d, "out of memory");
}

/* Letters to change to turn a into b (Levenshtein), for "did you mean" on short keys. */
static int edit_distance(const char *a, const char *b)
{
    int la = (int)strlen(a), lb = (int)strlen(b), row[64];
    if (la >= 63 || lb >= 63)
        return 99;
    for (int j = 0; j <= lb; j++)
        row[j] = j;
    for (int i = 1; i <= la; i++) {
        int diag = row[0];
        row[0] = i;
        for (int j = 1; j <= lb; j++) {
            int up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            diag = up;
            row[j] = best;
        }
    }
    return row[lb];
}

static const char *const plan_keys[] = {"name", "scenarios", "models", "set", "sweep", "replications",
                                        "seed", "output", NULL};

static int unknown_plan_key(const ss_plan *p, const char *key, ss_diag *d)
{
    const char *near = NULL;
    int best = 3;  /* more than two letters off is not a typo */
    for (int i = 0; plan_keys[i]; i++)
        if (edit_distance(key, plan_keys[i]) < best) {
            best = edit_distance(key, plan_keys[i]);
            near = plan_keys[i];
        }
    if (near)
        return ss_fail(d, "%s: unknown key '%s' (did you mean '%s'?)", p->path, key, near);
    char list[256] = "";
    for (int i = 0; plan_keys[i]; i++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", plan_keys[i]);
    return ss_fail(d, "%s: unknown key '%s' (expected one of: %s)", p->path, key, list);
}

/* A misspelt key would otherwise be silently ignored, and the batch run without it. */
static int check_plan_keys(const ss_plan *p, lua_State *L, ss_diag *d)
{
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);
        bool known = false;
        for (int i = 0; plan_keys[i] && lua_type(L, -1) == LUA_TSTRING; i++)
            known = known || strcmp(plan_keys[i], lua_tostring(L, -1)) == 0;
        if (!known) {
            char key[128];
            if (lua_type(L, -1) == LUA_TSTRING) snprintf(key, sizeof key, "%s", lua_tostring(L, -1));
            else ss_reader_describe(L, -1, key, sizeof key);
            lua_pop(L, 1);
            return unknown_plan_key(p, key, d);
        }
    }
    return 0;
}

static int read_plan_table(ss_plan *p, lua_State *L, ss_diag *d)
{
    ss_reader r = {.L = L, .origin = plan_origin, .origin_ud = (void *)p->path, .d = d};
    if (check_plan_keys(p, L, d) || read_names(p, &r) || read_scenarios(p, &r) ||
        read_models(p, &r))
        return -1;
    r.path[0] = '\0';
    if (read_fixed_sets(p, &r) || read_sweep(p, &r) || check_set_and_sweep(p, &r) ||
        read_replications(p, &r) || read_seed(p, &r))
        return -1;
    return 0;
}

typedef struct plan_reading {
    ss_plan *p;
    ss_diag *d;
    int rc;
} plan_reading;

/* Reading the table can run the plan's own code (a metatable's __index), so it happens inside
 * the sandbox's gateway, where an error or an endless loop is caught like any other. */
static int read_plan_in_sandbox(lua_State *L)
{
    plan_reading *pr = lua_touserdata(L, 1);
    lua_settop(L, 2);  /* the plan table on top */
    pr->rc = read_plan_table(pr->p, L, pr->d);
    return 0;
}

/* Run the plan file in its own sandbox: a plan is code, and code from a file is never trusted
 * with io or os. */
static int read_plan_file(ss_plan *p, ss_diag *d)
{
    ss_sandbox *sb = ss_sandbox_new(NULL, d);
    if (!sb)
        return -1;
    lua_State *L = ss_sandbox_lua(sb);
    plan_reading pr = {.p = p, .d = d, .rc = -1};
    int rc = ss_sandbox_loadfile(sb, p->path, NULL, 0, d);
    if (rc == 0)
        rc = ss_sandbox_call(sb, 0, 1, d);
    if (rc == 0 && !lua_istable(L, -1))
        rc = ss_fail(d, "%s: expected the plan file to return a table, got %s", p->path, luaL_typename(L, -1));
    if (rc == 0) {
        lua_pushcfunction(L, read_plan_in_sandbox);  /* plan fn */
        lua_pushlightuserdata(L, &pr);               /* plan fn pr */
        lua_rotate(L, -3, 2);                        /* fn pr plan */
        rc = ss_sandbox_call(sb, 2, 0, d) ? -1 : pr.rc;
    }
    ss_sandbox_free(sb);
    return rc;
}

/* ---- the grid ---------------------------------------------------------------------------------- */

static long grid_size(const ss_plan *p)
{
    double n = (double)p->nscenarios * p->nmodels;
    for (int i = 0; i < p->naxes; i++)
        n *= p->axes[i].nvalues;
    return n > MAX_POINTS ? -1 : (long)n;
}

/* The text a point's keys are computed over: everything that makes it a different run, with
 * paths as the plan writes them, so moving the plan's folder keeps the keys. */
static const char *point_description(ss_plan *p, int scenario, const model_alt *m, const ss_batch_value *values)
{
    size_t cap = 256, len = 0;
    for (int i = 0; i < m->n; i++) cap += strlen(m->written[i]) + 16;
    for (int i = 0; i < p->nfixed; i++) cap += strlen(p->fixed_sets[i]) + 16;
    for (int i = 0; i < p->naxes; i++) cap += strlen(values[i].parameter) + strlen(values[i].text) + 16;
    cap += strlen(p->scenarios_written[scenario]);
    char *s = plan_keep(p, malloc(cap));
    if (!s)
        return NULL;
    len += (size_t)snprintf(s + len, cap - len, "scenario %s\n", p->scenarios_written[scenario]);
    for (int i = 0; i < m->n; i++)
        len += (size_t)snprintf(s + len, cap - len, "overlay %s\n", m->written[i]);
    for (int i = 0; i < p->nfixed; i++)
        len += (size_t)snprintf(s + len, cap - len, "set %s\n", p->fixed_sets[i]);
    for (int i = 0; i < p->naxes; i++)
        len += (size_t)snprintf(s + len, cap - len, "sweep %s=%s\n", values[i].parameter, values[i].text);
    return s;
}

/* Point i: scenario, then model, then the axes (the last one fastest). */
static int build_point(ss_plan *p, int i)
{
    ss_plan_point *pt = &p->points[i];
    int rest = i;
    ss_batch_value *values = plan_calloc(p, (size_t)p->naxes, sizeof *values);
    const char **sets = plan_calloc(p, (size_t)(p->nfixed + p->naxes), sizeof *sets);
    if (!values || !sets)
        return -1;
    for (int a = p->naxes - 1; a >= 0; a--) {
        values[a] = p->axes[a].values[rest % p->axes[a].nvalues];
        rest /= p->axes[a].nvalues;
    }
    const model_alt *m = &p->models[rest % p->nmodels];
    int scenario = rest / p->nmodels;
    for (int k = 0; k < p->nfixed; k++)
        sets[k] = p->fixed_sets[k];
    for (int a = 0; a < p->naxes; a++)
        if (!(sets[p->nfixed + a] = plan_printf(p, "%s=%s", values[a].parameter, values[a].text)))
            return -1;
    *pt = (ss_plan_point){.index = i, .scenario = p->scenarios[scenario],
                          .scenario_in_plan = p->scenarios_written[scenario], .model = m->label,
                          .overlays = m->paths, .noverlays = m->n, .sets = sets,
                          .nsets = p->nfixed + p->naxes, .values = values, .nvalues = p->naxes};
    pt->description = point_description(p, scenario, m, values);
    return pt->description ? 0 : -1;
}

static void plan_compute_key(ss_plan *p)
{
    size_t cap = 128, len = 0;
    for (int i = 0; i < p->npoints; i++) cap += strlen(p->points[i].description) + 32;
    char *text = malloc(cap);
    if (!text) {
        memset(p->key, '0', 64);
        return;
    }
    len += (size_t)snprintf(text, cap, "samsim batch 1\nseed %" PRIu64 "\nreplications %d\n", p->seed, p->replications);
    for (int i = 0; i < p->npoints; i++)
        len += (size_t)snprintf(text + len, cap - len, "point %d\n%s", i + 1, p->points[i].description);
    ss_sha256_hex(text, len, p->key);
    free(text);
}

static int expand_grid(ss_plan *p, ss_diag *d)
{
    long n = grid_size(p);
    if (n < 0)
        return ss_fail(d, "%s: the grid has more than %d points; split the plan", p->path, MAX_POINTS);
    if (n * p->replications > MAX_JOBS)
        return ss_fail(d, "%s: %ld runs of %d replications is more than %ld replications; split the plan",
                       p->path, n, p->replications, MAX_JOBS);
    p->npoints = (int)n;
    if (!(p->points = plan_calloc(p, (size_t)n, sizeof *p->points)))
        return ss_fail(d, "out of memory");
    for (int i = 0; i < p->npoints; i++)
        if (build_point(p, i))
            return ss_fail(d, "out of memory");
    plan_compute_key(p);
    return 0;
}

ss_plan *ss_plan_load(const char *path, ss_diag *d)
{
    ss_plan *p = calloc(1, sizeof *p);
    if (!p) {
        ss_fail(d, "out of memory");
        return NULL;
    }
    char dir[4096], stem[512];
    dir_and_stem(path, dir, sizeof dir, stem, sizeof stem);
    p->path = plan_strdup(p, path);
    p->dir = plan_strdup(p, dir);
    if (!p->path || !p->dir || read_plan_file(p, d) || expand_grid(p, d)) {
        if (!p->path || !p->dir) ss_fail(d, "out of memory");
        ss_plan_free(p);
        return NULL;
    }
    return p;
}

const char *ss_plan_path(const ss_plan *p) { return p->path; }
const char *ss_plan_name(const ss_plan *p) { return p->name; }
const char *ss_plan_output(const ss_plan *p) { return p->output; }
uint64_t ss_plan_seed(const ss_plan *p) { return p->seed; }
int ss_plan_replications(const ss_plan *p) { return p->replications; }
int ss_plan_npoints(const ss_plan *p) { return p->npoints; }
const ss_plan_point *ss_plan_point_at(const ss_plan *p, int i) { return &p->points[i]; }
int ss_plan_nparameters(const ss_plan *p) { return p->naxes; }
const char *ss_plan_parameter(const ss_plan *p, int i) { return p->axes[i].parameter; }
bool ss_plan_varies_scenario(const ss_plan *p) { return p->nscenarios > 1; }
bool ss_plan_varies_model(const ss_plan *p) { return p->nmodels > 1; }
const char *ss_plan_key(const ss_plan *p) { return p->key; }

void ss_plan_run_command(const ss_plan *p, const ss_plan_point *pt, char *out, size_t n)
{
    char seed[32], reps[16];
    snprintf(seed, sizeof seed, "%" PRIu64, p->seed);
    snprintf(reps, sizeof reps, "%d", p->replications);
    int argc = 0;
    char **argv = calloc((size_t)(6 + 2 * pt->noverlays + 2 * pt->nsets), sizeof *argv);
    if (!argv) {
        snprintf(out, n, "samsim run %s", pt->scenario);
        return;
    }
    argv[argc++] = "run";
    argv[argc++] = (char *)pt->scenario;
    argv[argc++] = "--seed";
    argv[argc++] = seed;
    argv[argc++] = "--reps";
    argv[argc++] = reps;
    for (int i = 0; i < pt->noverlays; i++) {
        argv[argc++] = "--apply";
        argv[argc++] = (char *)pt->overlays[i];
    }
    for (int i = 0; i < pt->nsets; i++) {
        argv[argc++] = "--set";
        argv[argc++] = (char *)pt->sets[i];
    }
    ss_command_line("samsim", argc, argv, out, n);
    free(argv);
}

/* ---- checking every point ------------------------------------------------------------------------ */

/* What a point's check leaves behind: its hashes and the key of its run. */
typedef struct point_check {
    char scenario_hash[65], rules_hash[65], run_key[65];
} point_check;

/* "point 3 of 8 (../default.lua, baseline, services.fph.fte=18)" for messages. */
static void point_name(const ss_plan *p, const ss_plan_point *pt, char *out, size_t n)
{
    size_t l = (size_t)snprintf(out, n, "point %d of %d (%s, %s", pt->index + 1, p->npoints,
                                pt->scenario_in_plan, pt->model);
    for (int i = 0; i < pt->nvalues && l < n; i++)
        l += (size_t)snprintf(out + l, n - l, ", %s=%s", pt->values[i].parameter, pt->values[i].label);
    if (l < n)
        snprintf(out + l, n - l, ")");
}

static ss_scenario *load_point(const ss_plan_point *pt, ss_diag *d)
{
    ss_scenario_opts so = {.overlays = pt->overlays, .noverlays = pt->noverlays, .sets = pt->sets,
                           .nsets = pt->nsets};
    return ss_scenario_load(pt->scenario, &so, d);
}

static void compute_run_key(const ss_plan *p, const ss_plan_point *pt, point_check *c)
{
    size_t cap = strlen(pt->description) + 256;
    char *text = malloc(cap);
    if (!text) {
        memset(c->run_key, '0', 64);
        return;
    }
    int n = snprintf(text, cap, "samsim run 1\nscenario_hash %s\nrules_hash %s\nseed %" PRIu64 "\nreplications %d\n%s",
                     c->scenario_hash, c->rules_hash, p->seed, p->replications, pt->description);
    ss_sha256_hex(text, (size_t)n, c->run_key);
    free(text);
}

/* Load the scenario and open its rule files, as `samsim check` does; keep only the hashes, so
 * checking a plan of thousands of runs needs the memory of a few. */
static int check_point(const ss_plan *p, const ss_plan_point *pt, point_check *c, ss_diag *d)
{
    ss_scenario *sc = load_point(pt, d);
    if (!sc)
        return -1;
    ss_sim *sim = ss_sim_new(ss_scenario_model(sc), d);
    if (sim) {
        snprintf(c->scenario_hash, sizeof c->scenario_hash, "%s", ss_scenario_hash(sc));
        snprintf(c->rules_hash, sizeof c->rules_hash, "%s", ss_scenario_rules_hash(sc));
        compute_run_key(p, pt, c);
    }
    ss_sim_free(sim);
    ss_scenario_free(sc);
    return sim ? 0 : -1;
}

typedef struct checker {
    const ss_plan *p;
    point_check *checks;
    pthread_mutex_t lock;
    int next;
    int failed;     /* lowest failing point, or npoints */
    ss_diag failure;
} checker;

/* Points are handed out in order and none past a failure, so the error reported is always the
 * first wrong point, whatever the number of threads. */
static void *check_worker(void *arg)
{
    checker *c = arg;
    for (;;) {
        pthread_mutex_lock(&c->lock);
        int i = c->next < c->failed ? c->next++ : -1;
        pthread_mutex_unlock(&c->lock);
        if (i < 0)
            return NULL;
        ss_diag d;
        if (check_point(c->p, &c->p->points[i], &c->checks[i], &d) == 0)
            continue;
        pthread_mutex_lock(&c->lock);
        if (i < c->failed) {
            c->failed = i;
            c->failure = d;
        }
        pthread_mutex_unlock(&c->lock);
    }
}

/* Start n threads running fn(arg); returns how many started (the caller runs fn itself when
 * none could). */
static int start_threads(pthread_t *tid, int n, void *(*fn)(void *), void *arg)
{
    int started = 0;
    while (started < n && pthread_create(&tid[started], NULL, fn, arg) == 0)
        started++;
    return started;
}

static void join_threads(pthread_t *tid, int n)
{
    for (int i = 0; i < n; i++)
        pthread_join(tid[i], NULL);
}

static int check_points(const ss_plan *p, int workers, point_check *checks, ss_diag *d)
{
    checker c = {.p = p, .checks = checks, .failed = p->npoints};
    pthread_mutex_init(&c.lock, NULL);
    int n = workers < p->npoints ? workers : p->npoints;
    pthread_t *tid = calloc((size_t)(n > 0 ? n : 1), sizeof *tid);
    int started = tid ? start_threads(tid, n, check_worker, &c) : 0;
    if (started == 0)
        check_worker(&c);
    join_threads(tid, started);
    free(tid);
    pthread_mutex_destroy(&c.lock);
    if (c.failed == p->npoints)
        return 0;
    char name[1024];
    point_name(p, &p->points[c.failed], name, sizeof name);
    *d = c.failure;
    return ss_wrap(d, "%s: %s", p->path, name);
}

/* ---- the session: what this shard does, and what the file holds already ------------------------ */

typedef enum run_load_state { RUN_UNLOADED, RUN_LOADING, RUN_READY, RUN_FAILED, RUN_RETIRED } run_load_state;

/* One run of this shard.  The scenario is loaded when the first of its jobs is taken and freed
 * when the last is written, so a batch holds about as many scenarios as it has workers. */
typedef struct run_slot {
    const ss_plan_point *pt;
    const point_check *check;
    int64_t run_id;        /* 0 until the run is in the store */
    bool complete;
    int reps_stored;
    int reps_here;         /* replications this shard owns */
    int jobs_pending;      /* of this session, not yet written */
    run_load_state state;  /* below: under the pool's lock */
    ss_scenario *sc;
    ss_study study;
    int users;             /* workers whose simulator is built on sc */
} run_slot;

typedef struct job {
    int slot;
    int rep;
} job;

typedef struct session {
    const ss_plan *p;
    const ss_batch_opts *o;
    point_check *checks;
    run_slot *slots;
    int nslots;
    job *jobs;
    long njobs;
    ss_store *store;       /* NULL in a dry run on a new file */
    int64_t batch_id;
    long jobs_here, jobs_done_before, jobs_done;
    int runs_done_before, runs_done;
    int workers;
} session;

static void report(session *s, ss_batch_event_kind kind, const run_slot *r)
{
    if (!s->o->progress)
        return;
    ss_batch_progress pr = {.kind = kind, .runs = s->nslots, .runs_done = s->runs_done,
                            .runs_done_before = s->runs_done_before, .jobs = s->jobs_here,
                            .jobs_done = s->jobs_done, .jobs_done_before = s->jobs_done_before,
                            .workers = s->workers, .point = r ? r->pt : NULL,
                            .run_id = r ? r->run_id : 0, .complete = r && r->complete};
    s->o->progress(s->o->progress_ud, &pr);
}

static const char *join_parameters(const ss_plan *p, char *out, size_t n)
{
    out[0] = '\0';
    for (int i = 0; i < p->naxes; i++) {
        size_t l = strlen(out);
        snprintf(out + l, n - l, "%s%s", i ? "," : "", p->axes[i].parameter);
    }
    return out;
}

/* A dry run only reads, and only a file that exists. */
static int open_store(session *s, ss_diag *d)
{
    const ss_batch_opts *o = s->o;
    if (o->dry_run) {
        if (access(o->db, F_OK) != 0)
            return 0;
        s->store = ss_store_open_readonly(o->db, d);
        if (!s->store)
            return -1;
        return ss_store_find_batch(s->store, s->p->key, &s->batch_id, d) < 0 ? -1 : 0;
    }
    s->store = ss_store_open(o->db, d);
    if (!s->store || ss_store_prepare_batch(s->store, d))
        return -1;
    char params[2048];
    ss_batch_row b = {.batch_key = s->p->key, .name = s->p->name, .plan_path = s->p->path,
                      .command_line = o->command_line, .parameters = join_parameters(s->p, params, sizeof params),
                      .seed = s->p->seed, .replications = s->p->replications, .planned_runs = s->p->npoints};
    return ss_store_begin_batch(s->store, &b, &s->batch_id, d);
}

static int link_run(session *s, const run_slot *r, ss_diag *d)
{
    return ss_store_link_batch_run(s->store, s->batch_id, r->pt->index + 1, r->run_id, r->pt->scenario_in_plan,
                                   r->pt->model, r->pt->values, r->pt->nvalues, d);
}

/* What the file holds of this run: done[rep] for the stored replications.  A run whose
 * replications are all stored but whose summary is not (killed in between) is summarised now. */
static int find_stored_run(session *s, run_slot *r, unsigned char *done, ss_diag *d)
{
    int reps = s->p->replications;
    memset(done, 0, (size_t)reps);
    if (!s->store)
        return 0;
    int found = ss_store_find_run(s->store, r->check->run_key, &r->run_id, &r->complete, d);
    if (found <= 0)
        return found;
    if (!s->o->dry_run && link_run(s, r, d))
        return -1;
    if (r->complete) {
        r->reps_stored = reps;
        memset(done, 1, (size_t)reps);
        return 0;
    }
    if (ss_store_replications_done(s->store, r->run_id, done, reps, &r->reps_stored, d))
        return -1;
    if (r->reps_stored == reps && !s->o->dry_run) {
        int rc = ss_store_summarise_run(s->store, r->run_id, SUMMARY_LEVEL, d);
        if (rc < 0)
            return -1;
        r->complete = rc == 1;
    }
    return 0;
}

static bool shard_owns(const session *s, int point, int rep)
{
    if (s->o->nshards <= 1)
        return true;
    long j = (long)point * s->p->replications + rep;
    return ss_batch_shard_of(j, s->o->nshards) == s->o->shard;
}

/* The jobs of one run that this shard owns and the file lacks. */
static void add_run_jobs(session *s, int slot, const unsigned char *done)
{
    run_slot *r = &s->slots[slot];
    for (int rep = 0; rep < s->p->replications; rep++) {
        if (!shard_owns(s, r->pt->index, rep))
            continue;
        if (done[rep]) {
            s->jobs_done_before++;
            continue;
        }
        s->jobs[s->njobs++] = (job){slot, rep};
        r->jobs_pending++;
    }
    if (r->jobs_pending == 0)
        s->runs_done_before++;
}

static int count_owned(const session *s, int point)
{
    int n = 0;
    for (int rep = 0; rep < s->p->replications; rep++)
        n += shard_owns(s, point, rep);
    return n;
}

static int plan_jobs(session *s, ss_diag *d)
{
    const ss_plan *p = s->p;
    long upper = (long)p->npoints * p->replications;
    s->slots = calloc((size_t)p->npoints, sizeof *s->slots);
    s->jobs = malloc(sizeof *s->jobs * (size_t)(upper > 0 ? upper : 1));
    unsigned char *done = malloc((size_t)p->replications);
    int rc = s->slots && s->jobs && done ? 0 : ss_fail(d, "out of memory");
    for (int i = 0; i < p->npoints && rc == 0; i++) {
        int here = count_owned(s, i);
        if (here == 0)
            continue;
        run_slot *r = &s->slots[s->nslots];
        *r = (run_slot){.pt = &p->points[i], .check = &s->checks[i], .reps_here = here};
        s->jobs_here += here;
        rc = find_stored_run(s, r, done, d);
        if (rc == 0)
            add_run_jobs(s, s->nslots++, done);
    }
    s->jobs_done = s->jobs_done_before;
    s->runs_done = s->runs_done_before;
    free(done);
    return rc;
}

/* ---- the pool: workers run jobs, this thread writes them ---------------------------------------- */

typedef struct pool {
    session *s;
    ss_rep_result *results;   /* [njobs] */
    unsigned char *done;      /* [njobs] simulated, waiting to be written */
    long written;             /* jobs before this one are written, in job order */
    pthread_mutex_t lock;
    pthread_cond_t changed;
    long next;                /* next job to hand out */
    long backlog;             /* at most this many jobs are handed out and not yet written */
    int workers_left;
    volatile sig_atomic_t stop;
    long failed_job;          /* lowest failing job, or njobs */
    ss_diag failure;
    bool store_failed;
    ss_diag store_failure;
    int *retiring;            /* slots whose jobs are all written, freed once no worker uses them */
    int nretiring;
} pool;

/* A simulator is built on one run's model; a worker keeps it while its jobs are of that run. */
typedef struct worker_sim {
    int slot;
    ss_sim *sim;
} worker_sim;

/* The scenario must be the one that was checked: a file edited since would give a run whose
 * key describes something else. */
static int load_run(session *s, run_slot *r, ss_diag *d)
{
    r->sc = load_point(r->pt, d);
    if (!r->sc)
        return -1;
    if (strcmp(ss_scenario_hash(r->sc), r->check->scenario_hash) != 0 ||
        strcmp(ss_scenario_rules_hash(r->sc), r->check->rules_hash) != 0) {
        ss_scenario_free(r->sc);
        r->sc = NULL;
        return ss_fail(d, "the scenario, an overlay or a rule file changed while the batch ran; run the same"
                          " command again to use the new version");
    }
    char cmd[4096];
    ss_plan_run_command(s->p, r->pt, cmd, sizeof cmd);
    ss_study_init(&r->study, r->sc, s->p->seed, s->p->replications, cmd);
    return 0;
}

/* With the lock held: wait while another worker loads the run, or load it (without the lock). */
static int ensure_loaded(pool *pl, run_slot *r, ss_diag *d)
{
    while (r->state == RUN_LOADING)
        pthread_cond_wait(&pl->changed, &pl->lock);
    if (r->state == RUN_READY)
        return 0;
    if (r->state == RUN_FAILED)
        return ss_fail(d, "interrupted");  /* the loader has reported why */
    r->state = RUN_LOADING;
    pthread_mutex_unlock(&pl->lock);
    int rc = load_run(pl->s, r, d);
    pthread_mutex_lock(&pl->lock);
    r->state = rc ? RUN_FAILED : RUN_READY;
    pthread_cond_broadcast(&pl->changed);
    return rc;
}

/* With the lock held: make w's simulator one of this run's.  The run counts its users from
 * before the new simulator exists, so its scenario cannot be freed underneath. */
static int use_run(pool *pl, worker_sim *w, int slot, ss_diag *d)
{
    if (w->slot == slot)
        return 0;
    run_slot *runs = pl->s->slots;
    int old = w->slot;
    ss_sim *old_sim = w->sim;
    runs[slot].users++;
    w->slot = slot;
    w->sim = NULL;
    pthread_mutex_unlock(&pl->lock);
    ss_sim_free(old_sim);
    w->sim = ss_sim_new(ss_scenario_model(runs[slot].sc), d);
    if (w->sim)
        ss_sim_set_interrupt(w->sim, &pl->stop);
    pthread_mutex_lock(&pl->lock);
    if (old >= 0)
        runs[old].users--;
    if (!w->sim) {
        runs[slot].users--;
        w->slot = -1;
        return -1;
    }
    return 0;
}

/* With the lock held.  A replication stopped on purpose (Ctrl-C, or a sibling's failure) is not a
 * failure: the outcome then says "interrupted", or names the sibling's error. */
static void record_failure(pool *pl, long j, const ss_diag *d)
{
    if (strcmp(d->msg, "interrupted") != 0 && j < pl->failed_job) {
        pl->failed_job = j;
        pl->failure = *d;
    }
    pl->stop = 1;
}

static void release_sim(pool *pl, worker_sim *w)
{
    if (w->slot < 0)
        return;
    pthread_mutex_unlock(&pl->lock);
    ss_sim_free(w->sim);
    pthread_mutex_lock(&pl->lock);
    pl->s->slots[w->slot].users--;
}

static bool stopping(const pool *pl) { return pl->stop; }

/* With the lock held, on the writing thread only (the one that owns the Ctrl-C flag's reading):
 * pass Ctrl-C on to the workers and to their simulations. */
static void notice_interrupt(pool *pl)
{
    volatile sig_atomic_t *user = pl->s->o->interrupt;
    if (user && *user && !pl->stop) {
        pl->stop = 1;
        pthread_cond_broadcast(&pl->changed);
    }
}

/* With the lock held: a small scenario simulates faster than SQLite stores it, so workers wait
 * rather than pile up results in memory. */
static void wait_for_writer(pool *pl)
{
    while (!stopping(pl) && pl->next - pl->written >= pl->backlog)
        pthread_cond_wait(&pl->changed, &pl->lock);
}

static void *pool_worker(void *arg)
{
    pool *pl = arg;
    session *s = pl->s;
    worker_sim w = {.slot = -1};
    pthread_mutex_lock(&pl->lock);
    for (wait_for_writer(pl); !stopping(pl) && pl->next < s->njobs; wait_for_writer(pl)) {
        long j = pl->next++;
        const job *jb = &s->jobs[j];
        ss_diag d;
        if (ensure_loaded(pl, &s->slots[jb->slot], &d) || use_run(pl, &w, jb->slot, &d)) {
            record_failure(pl, j, &d);
            break;
        }
        pthread_mutex_unlock(&pl->lock);
        int rc = ss_sim_run(w.sim, s->p->seed, jb->rep, &pl->results[j], &d);
        pthread_mutex_lock(&pl->lock);
        if (rc < 0)
            record_failure(pl, j, &d);
        else
            pl->done[j] = 1;
        pthread_cond_broadcast(&pl->changed);
    }
    release_sim(pl, &w);
    pl->workers_left--;
    pthread_cond_broadcast(&pl->changed);
    pthread_mutex_unlock(&pl->lock);
    return NULL;
}

/* All of this shard's replications of the run are stored: summarise it if the file now has
 * every replication (else other shards have the rest, and `samsim merge` will). */
static int finish_run_here(session *s, run_slot *r, ss_diag *d)
{
    int rc = ss_store_summarise_run(s->store, r->run_id, SUMMARY_LEVEL, d);
    if (rc < 0)
        return -1;
    r->complete = rc == 1;
    s->runs_done++;
    report(s, SS_BATCH_RUN_DONE, r);
    return 0;
}

/* Without the lock: the run's row comes with its first replication, so a run that never got a
 * replication leaves nothing behind. */
static int write_result(pool *pl, long j, ss_diag *d)
{
    session *s = pl->s;
    run_slot *r = &s->slots[s->jobs[j].slot];
    ss_rep_result *res = &pl->results[j];
    int rc = 0;
    if (r->run_id == 0 && (ss_store_begin_keyed_run(s->store, &r->study.info, r->check->run_key, &r->run_id, d) ||
                           link_run(s, r, d)))
        rc = -1;
    if (rc == 0)
        rc = ss_store_replication(s->store, r->run_id, res, &r->study.info, d);
    ss_rep_result_free(res);
    if (rc)
        return -1;
    r->reps_stored++;
    s->jobs_done++;
    report(s, SS_BATCH_REPLICATION, r);
    return --r->jobs_pending == 0 ? finish_run_here(s, r, d) : 0;
}

/* With the lock held: free the scenarios of runs that are written and that no worker uses. */
static void retire_runs(pool *pl)
{
    for (int i = 0; i < pl->nretiring;) {
        run_slot *r = &pl->s->slots[pl->retiring[i]];
        if (r->users > 0 || r->state == RUN_LOADING) {
            i++;
            continue;
        }
        pl->retiring[i] = pl->retiring[--pl->nretiring];
        if (r->state != RUN_READY)
            continue;
        r->state = RUN_RETIRED;
        pthread_mutex_unlock(&pl->lock);
        ss_study_fini(&r->study);
        ss_scenario_free(r->sc);
        r->sc = NULL;
        pthread_mutex_lock(&pl->lock);
        i = 0;  /* the list may have changed while unlocked */
    }
}

/* With the lock held: the next job in order is simulated and can be written. */
static bool writable(const pool *pl)
{
    return pl->written < pl->s->njobs && pl->done[pl->written] && !pl->store_failed;
}

/* With the lock held: write what has finished, in job order.  Order costs a little waiting
 * behind a slow replication, and buys a file that does not depend on the workers' timing: runs
 * get their ids in grid order and a killed batch has stored a prefix of its jobs. */
static void write_finished(pool *pl)
{
    while (writable(pl)) {
        long j = pl->written;
        pthread_mutex_unlock(&pl->lock);
        ss_diag d;
        int rc = write_result(pl, j, &d);
        pthread_mutex_lock(&pl->lock);
        pl->written++;
        notice_interrupt(pl);
        pthread_cond_broadcast(&pl->changed);
        int slot = pl->s->jobs[j].slot;
        if (rc) {
            pl->store_failed = true;
            pl->store_failure = d;
            pl->stop = 1;
        } else if (pl->s->slots[slot].jobs_pending == 0) {
            pl->retiring[pl->nretiring++] = slot;
        }
    }
}

static void wait_a_little(pool *pl)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += 100 * 1000 * 1000;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(&pl->changed, &pl->lock, &until);
}

/* This thread's part: write, free, and pass Ctrl-C on to the workers. */
static void drive(pool *pl)
{
    pthread_mutex_lock(&pl->lock);
    for (;;) {
        write_finished(pl);
        retire_runs(pl);
        notice_interrupt(pl);
        if (pl->workers_left == 0 && !writable(pl))
            break;
        if (!writable(pl))  /* else write at once: no wake-up to miss */
            wait_a_little(pl);
    }
    pthread_mutex_unlock(&pl->lock);
}

static void free_pool(pool *pl)
{
    session *s = pl->s;
    for (long j = 0; pl->results && j < s->njobs; j++)
        ss_rep_result_free(&pl->results[j]);  /* only unwritten ones still hold memory */
    for (int i = 0; i < s->nslots; i++) {
        if (s->slots[i].sc) {
            ss_study_fini(&s->slots[i].study);
            ss_scenario_free(s->slots[i].sc);
            s->slots[i].sc = NULL;
        }
    }
    free(pl->results);
    free(pl->done);
    free(pl->retiring);
    pthread_mutex_destroy(&pl->lock);
    pthread_cond_destroy(&pl->changed);
}

/* A rule error names the point and the replication, and leaves the run marked 'failed' with
 * the reason; an interrupt leaves runs 'running', to be continued. */
static int pool_outcome(pool *pl, ss_diag *d, ss_batch_failure *why)
{
    session *s = pl->s;
    if (pl->store_failed) {
        *d = pl->store_failure;
        *why = SS_BATCH_IO;
        return -1;
    }
    if (pl->failed_job == s->njobs && pl->written == s->njobs)
        return 0;
    if (pl->failed_job == s->njobs)
        ss_fail(&pl->failure, "interrupted");  /* stopped between replications */
    *d = pl->failure;
    if (strcmp(d->msg, "interrupted") == 0) {
        *why = SS_BATCH_INTERRUPTED;
        return -1;
    }
    const job *jb = &s->jobs[pl->failed_job];
    run_slot *r = &s->slots[jb->slot];
    char name[1024];
    point_name(s->p, r->pt, name, sizeof name);
    ss_wrap(d, "%s: %s, replication %d", s->p->path, name, jb->rep + 1);
    ss_diag ignore;
    if (r->run_id)
        ss_store_fail_run(s->store, r->run_id, d->msg, &ignore);
    *why = SS_BATCH_MODEL;
    return -1;
}

static int run_pool(session *s, ss_diag *d, ss_batch_failure *why)
{
    pool pl = {.s = s, .failed_job = s->njobs, .workers_left = s->workers, .backlog = 4L * s->workers + 8};
    pthread_mutex_init(&pl.lock, NULL);
    pthread_cond_init(&pl.changed, NULL);
    pl.results = calloc((size_t)s->njobs, sizeof *pl.results);
    pl.done = calloc((size_t)s->njobs, 1);
    pl.retiring = calloc((size_t)s->nslots, sizeof *pl.retiring);
    pthread_t *tid = calloc((size_t)s->workers, sizeof *tid);
    int started = pl.results && pl.done && pl.retiring && tid ? start_threads(tid, s->workers, pool_worker, &pl) : 0;
    int rc = 0;
    if (started == 0) {
        rc = ss_fail(d, "cannot start the workers: %s", pl.results && tid ? strerror(errno) : "out of memory");
        *why = SS_BATCH_IO;
    } else {
        pthread_mutex_lock(&pl.lock);
        /* workers that started may already have finished and counted themselves out: take off
         * only those that never started (setting `started` here lost their count, and the
         * writer then waited for workers that were gone) */
        pl.workers_left -= s->workers - started;
        pthread_mutex_unlock(&pl.lock);
        drive(&pl);
        join_threads(tid, started);
        rc = pool_outcome(&pl, d, why);
    }
    free(tid);
    free_pool(&pl);
    return rc;
}

/* ---- running a plan --------------------------------------------------------------------------------- */

static void fill_result(const session *s, ss_batch_result *out)
{
    out->batch_id = s->batch_id;
    out->jobs = s->jobs_here;
    out->jobs_done_before = s->jobs_done_before;
    out->jobs_done = s->jobs_done;
    out->workers = s->workers;
    out->runs = calloc((size_t)(s->nslots ? s->nslots : 1), sizeof *out->runs);
    if (!out->runs)
        return;
    out->nruns = s->nslots;
    for (int i = 0; i < s->nslots; i++) {
        const run_slot *r = &s->slots[i];
        out->runs[i] = (ss_batch_run_state){.point = r->pt, .run_id = r->run_id, .reps_stored = r->reps_stored,
                                            .reps_here = r->reps_here, .jobs_left = r->jobs_pending,
                                            .complete = r->complete};
    }
}

static int worker_count(const ss_batch_opts *o)
{
    return o->jobs > 0 ? o->jobs : ss_cores();
}

/* Check, look up, run; each step only when the one before succeeded. */
static int run_session(session *s, ss_diag *d, ss_batch_failure *why)
{
    *why = SS_BATCH_MODEL;
    if (check_points(s->p, worker_count(s->o), s->checks, d))
        return -1;
    *why = SS_BATCH_IO;
    if (open_store(s, d) || plan_jobs(s, d))
        return -1;
    s->workers = worker_count(s->o);
    if (s->workers > s->njobs)
        s->workers = (int)s->njobs;
    *why = SS_BATCH_OK;
    report(s, SS_BATCH_START, NULL);
    if (s->o->dry_run || s->njobs == 0)
        return 0;
    return run_pool(s, d, why);
}

int ss_batch_run(const ss_plan *p, const ss_batch_opts *o, ss_batch_result *out, ss_diag *d,
                 ss_batch_failure *why)
{
    memset(out, 0, sizeof *out);
    assert(o->nshards == 0 || (o->shard >= 1 && o->shard <= o->nshards));
    session s = {.p = p, .o = o};
    s.checks = calloc((size_t)p->npoints, sizeof *s.checks);
    int rc;
    if (!s.checks) {
        *why = SS_BATCH_IO;
        rc = ss_fail(d, "out of memory");
    } else {
        rc = run_session(&s, d, why);
    }
    fill_result(&s, out);
    ss_store_close(s.store);
    free(s.jobs);
    free(s.slots);
    free(s.checks);
    return rc;
}

void ss_batch_result_free(ss_batch_result *r)
{
    free(r->runs);
    memset(r, 0, sizeof *r);
}
