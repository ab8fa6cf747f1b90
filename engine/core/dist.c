/* dist: distributions read from scenario tables, validated once, sampled with GSL.
 *
 * Reading is strict: only raw table access (no metamethods, no calls into Lua), numbers must be
 * numbers (not numeric strings), and every key must be known, so a typo such as `maen = 10` is an
 * error instead of a silently missing parameter.  All errors go through ss_fail with the key path. */
#include "dist.h"

#include <assert.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>

#include "ziggurat.h"
#include <gsl/gsl_sf_gamma.h>
#include <lua.h>

#define MAX_PARAMS 4
#define DIST_EXAMPLE "{ \"exponential\", mean = 10 }"

/* Named parameters as given in the table, in the order of the kind's `params`. */
typedef struct params {
    double v[MAX_PARAMS];
    bool has[MAX_PARAMS];
} params;

typedef int (*build_fn)(lua_State *L, int t, const char *path, const params *p, ss_dist *out,
                        ss_diag *d);

typedef struct kind_spec {
    const char *name;
    const char *params[MAX_PARAMS + 1]; /* keys accepted in the table, NULL-terminated */
    const char *stored[3];              /* names of a, b, c after normalising (for describe) */
    build_fn build;
} kind_spec;

static int build_fixed(lua_State *, int, const char *, const params *, ss_dist *, ss_diag *);
static int build_exponential(lua_State *, int, const char *, const params *, ss_dist *, ss_diag *);
static int build_gamma(lua_State *, int, const char *, const params *, ss_dist *, ss_diag *);
static int build_lognormal(lua_State *, int, const char *, const params *, ss_dist *, ss_diag *);
static int build_weibull(lua_State *, int, const char *, const params *, ss_dist *, ss_diag *);
static int build_triangular(lua_State *, int, const char *, const params *, ss_dist *, ss_diag *);
static int build_uniform(lua_State *, int, const char *, const params *, ss_dist *, ss_diag *);
static int build_empirical(lua_State *, int, const char *, const params *, ss_dist *, ss_diag *);

/* Indexed by ss_dist_kind. */
static const kind_spec kinds[] = {
    [SS_DIST_FIXED] = {"fixed", {"value"}, {"value"}, build_fixed},
    [SS_DIST_EXPONENTIAL] = {"exponential", {"mean"}, {"mean"}, build_exponential},
    [SS_DIST_GAMMA] = {"gamma", {"shape", "scale", "mean", "sd"}, {"shape", "scale"}, build_gamma},
    [SS_DIST_LOGNORMAL] = {"lognormal", {"mean", "sd", "mu", "sigma"}, {"mu", "sigma"}, build_lognormal},
    [SS_DIST_WEIBULL] = {"weibull", {"shape", "scale"}, {"shape", "scale"}, build_weibull},
    [SS_DIST_TRIANGULAR] = {"triangular", {"min", "mode", "max"}, {"min", "mode", "max"}, build_triangular},
    [SS_DIST_UNIFORM] = {"uniform", {"min", "max"}, {"min", "max"}, build_uniform},
    [SS_DIST_EMPIRICAL] = {"empirical", {"values", "weights"}, {NULL}, build_empirical},
};
#define N_KINDS (sizeof kinds / sizeof *kinds)

/* ---- small helpers ---------------------------------------------------------------------- */

/* A bounded string builder: appends while there is room, never overflows. */
typedef struct sbuf {
    char *s;
    size_t n, len;
} sbuf;

static void sb_add(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_add(sbuf *b, const char *fmt, ...)
{
    if (b->len >= b->n)
        return;
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(b->s + b->len, b->n - b->len, fmt, ap);
    va_end(ap);
    if (w > 0)
        b->len = b->len + (size_t)w < b->n ? b->len + (size_t)w : b->n;
}

/* "a, b, c" from a NULL-terminated list of names. */
static void join_names(const char *const *names, size_t count, char *out, size_t n)
{
    sbuf b = {out, n, 0};
    out[0] = '\0';
    for (size_t i = 0; i < count && names[i]; i++)
        sb_add(&b, "%s%s", i ? ", " : "", names[i]);
}

/* What the user wrote, for "got ..." in messages: a number's value, else its type name. */
static void describe_value(lua_State *L, int idx, char *out, size_t n)
{
    if (lua_type(L, idx) == LUA_TNUMBER)
        snprintf(out, n, "%g", (double)lua_tonumber(L, idx));
    else
        snprintf(out, n, "%s", lua_typename(L, lua_type(L, idx)));
}

/* What a parameter value must satisfy. */
typedef enum need { NEED_FINITE, NEED_POSITIVE, NEED_NONNEGATIVE, NEED_LIST } need;

static need param_need(const char *name)
{
    static const char *const positive[] = {"mean", "sd", "shape", "scale", "sigma"};
    for (size_t i = 0; i < sizeof positive / sizeof *positive; i++)
        if (strcmp(name, positive[i]) == 0)
            return NEED_POSITIVE;
    if (strcmp(name, "values") == 0 || strcmp(name, "weights") == 0)
        return NEED_LIST;
    return NEED_FINITE;
}

static const char *need_text(need n)
{
    switch (n) {
    case NEED_POSITIVE: return "a number > 0";
    case NEED_NONNEGATIVE: return "a number >= 0";
    default: return "a finite number";
    }
}

static bool satisfies(double v, need n)
{
    if (!isfinite(v))
        return false;
    return n == NEED_POSITIVE ? v > 0 : n == NEED_NONNEGATIVE ? v >= 0 : true;
}

/* Check the number at idx; `where` names it in the message ("path.mean", "path.values[2]"). */
static int check_number(lua_State *L, int idx, need n, const char *where, double *v, ss_diag *d)
{
    char got[64];
    if (lua_type(L, idx) == LUA_TNUMBER && satisfies(lua_tonumber(L, idx), n)) {
        *v = (double)lua_tonumber(L, idx);
        return 0;
    }
    describe_value(L, idx, got, sizeof got);
    return ss_fail(d, "%s: expected %s, got %s", where, need_text(n), got);
}

/* ---- reading the table ------------------------------------------------------------------ */

/* The kind named by the table's first element. */
static int read_kind(lua_State *L, int t, const char *path, const kind_spec **out, ss_diag *d)
{
    char got[64], names[160];
    lua_rawgeti(L, t, 1); /* push t[1] */
    if (lua_type(L, -1) != LUA_TSTRING) {
        describe_value(L, -1, got, sizeof got);
        return ss_fail(d, "%s[1]: expected the kind of distribution (a string, as in %s), got %s",
                       path, DIST_EXAMPLE, got);
    }
    const char *name = lua_tostring(L, -1);
    for (size_t k = 0; k < N_KINDS; k++)
        if (strcmp(name, kinds[k].name) == 0) {
            *out = &kinds[k];
            return 0;
        }
    const char *all[N_KINDS + 1] = {NULL};
    for (size_t k = 0; k < N_KINDS; k++)
        all[k] = kinds[k].name;
    join_names(all, N_KINDS, names, sizeof names);
    return ss_fail(d, "%s: unknown distribution '%s' (expected one of %s)", path, name, names);
}

/* Whether the key at the top of the stack is [1] or one of the kind's parameter names.  Reads
 * the key only as the type it has, so lua_next is not disturbed. */
static bool key_allowed(lua_State *L, const kind_spec *k)
{
    if (lua_type(L, -1) == LUA_TNUMBER)
        return lua_isinteger(L, -1) && lua_tointeger(L, -1) == 1;
    if (lua_type(L, -1) != LUA_TSTRING)
        return false;
    const char *key = lua_tostring(L, -1);
    for (int i = 0; k->params[i]; i++)
        if (strcmp(key, k->params[i]) == 0)
            return true;
    return false;
}

/* The error for the disallowed key at the top of the stack. */
static int unknown_key(lua_State *L, const char *path, const kind_spec *k, ss_diag *d)
{
    char expected[96], got[64];
    join_names(k->params, MAX_PARAMS, expected, sizeof expected);
    if (lua_type(L, -1) == LUA_TSTRING)
        return ss_fail(d, "%s: unknown parameter '%s' for %s (expected %s)", path,
                       lua_tostring(L, -1), k->name, expected);
    describe_value(L, -1, got, sizeof got);
    if (lua_type(L, -1) == LUA_TNUMBER)
        return ss_fail(d, "%s: unexpected element [%s] for %s (expected %s)", path, got, k->name,
                       expected);
    return ss_fail(d, "%s: unexpected key of type %s for %s (expected %s)", path, got, k->name,
                   expected);
}

/* Every key must be [1] (the kind) or a parameter of this kind: catches typos such as 'maen'. */
static int check_keys(lua_State *L, int t, const char *path, const kind_spec *k, ss_diag *d)
{
    lua_pushnil(L); /* first key */
    while (lua_next(L, t)) {
        lua_pop(L, 1); /* drop the value, keep the key for lua_next */
        if (!key_allowed(L, k))
            return unknown_key(L, path, k, d); /* the caller resets the stack */
    }
    return 0;
}

/* Read the kind's scalar parameters that are present (lists are read by their builder). */
static int read_params(lua_State *L, int t, const char *path, const kind_spec *k, params *p,
                       ss_diag *d)
{
    char where[512];
    for (int i = 0; k->params[i]; i++) {
        need n = param_need(k->params[i]);
        lua_pushstring(L, k->params[i]);
        int type = lua_rawget(L, t); /* push t[name] */
        p->has[i] = type != LUA_TNIL;
        snprintf(where, sizeof where, "%s.%s", path, k->params[i]);
        if (p->has[i] && n != NEED_LIST && check_number(L, -1, n, where, &p->v[i], d))
            return -1;
        lua_pop(L, 1);
    }
    return 0;
}

/* ---- builders: one per kind, from checked parameters to the normalised form -------------- */

/* Whether exactly the parameters in `mask` (bit i = params[i]) are present. */
static bool exactly(const params *p, unsigned mask)
{
    for (int i = 0; i < MAX_PARAMS; i++)
        if (p->has[i] != ((mask >> i) & 1u))
            return false;
    return true;
}

static bool usable(double x)
{
    return isfinite(x) && x > 0;
}

static int build_fixed(lua_State *L, int t, const char *path, const params *p, ss_dist *out, ss_diag *d)
{
    if (!p->has[0])
        return ss_fail(d, "%s: fixed needs value", path);
    out->a = p->v[0];
    return 0;
}

static int build_exponential(lua_State *L, int t, const char *path, const params *p, ss_dist *out,
                             ss_diag *d)
{
    if (!p->has[0])
        return ss_fail(d, "%s: exponential needs mean", path);
    out->a = p->v[0];
    return 0;
}

/* Gamma and lognormal are given by their own pair of parameters (params[own], params[own + 1],
 * stored as they are) or by mean and sd (params[mom], params[mom + 1]), converted by moments. */
typedef struct two_ways {
    const char *kind;
    const char *names[4];          /* the params in order, for "needs a and b, or c and d" */
    int own, mom;
    void (*by_moments)(double mean, double sd, ss_dist *out);
    bool a_positive;               /* a must be > 0 too (gamma's shape), not only finite */
} two_ways;

static int build_two_ways(const two_ways *w, const char *path, const params *p, ss_dist *out, ss_diag *d)
{
    if (exactly(p, 3u << w->own)) {
        out->a = p->v[w->own];
        out->b = p->v[w->own + 1];
        return 0;
    }
    if (!exactly(p, 3u << w->mom))
        return ss_fail(d, "%s: %s needs %s and %s, or %s and %s", path, w->kind, w->names[0],
                       w->names[1], w->names[2], w->names[3]);
    double mean = p->v[w->mom], sd = p->v[w->mom + 1];
    w->by_moments(mean, sd, out);
    if (!(w->a_positive ? usable(out->a) : isfinite(out->a)) || !usable(out->b))
        return ss_fail(d, "%s: %s with mean %g and sd %g is out of range", path, w->kind, mean, sd);
    return 0;
}

/* shape = (mean/sd)^2, scale = sd^2/mean. */
static void gamma_by_moments(double mean, double sd, ss_dist *out)
{
    double cv = sd / mean;
    out->a = 1.0 / (cv * cv);
    out->b = sd * cv;
}

/* sigma^2 = ln(1 + sd^2/mean^2), mu = ln(mean) - sigma^2/2. */
static void lognormal_by_moments(double mean, double sd, ss_dist *out)
{
    double cv = sd / mean;
    double s2 = log1p(cv * cv);
    out->a = log(mean) - s2 / 2;
    out->b = sqrt(s2);
}

/* params: shape, scale, mean, sd. */
static int build_gamma(lua_State *L, int t, const char *path, const params *p, ss_dist *out, ss_diag *d)
{
    static const two_ways w = {"gamma", {"shape", "scale", "mean", "sd"}, 0, 2, gamma_by_moments, true};
    return build_two_ways(&w, path, p, out, d);
}

/* params: mean, sd, mu, sigma. */
static int build_lognormal(lua_State *L, int t, const char *path, const params *p, ss_dist *out,
                           ss_diag *d)
{
    static const two_ways w = {"lognormal", {"mean", "sd", "mu", "sigma"}, 2, 0, lognormal_by_moments, false};
    return build_two_ways(&w, path, p, out, d);
}

static int build_weibull(lua_State *L, int t, const char *path, const params *p, ss_dist *out,
                         ss_diag *d)
{
    if (!exactly(p, 0x3u))
        return ss_fail(d, "%s: weibull needs shape and scale", path);
    out->a = p->v[0];
    out->b = p->v[1];
    return 0;
}

/* min == max is allowed (a point mass); the sampler handles it. */
static int build_triangular(lua_State *L, int t, const char *path, const params *p, ss_dist *out,
                            ss_diag *d)
{
    if (!exactly(p, 0x7u))
        return ss_fail(d, "%s: triangular needs min, mode and max", path);
    double lo = p->v[0], mode = p->v[1], hi = p->v[2];
    if (!(lo <= mode && mode <= hi))
        return ss_fail(d, "%s: triangular needs min <= mode <= max, got min = %g, mode = %g, max = %g",
                       path, lo, mode, hi);
    out->a = lo, out->b = mode, out->c = hi;
    return 0;
}

static int build_uniform(lua_State *L, int t, const char *path, const params *p, ss_dist *out,
                         ss_diag *d)
{
    if (!exactly(p, 0x3u))
        return ss_fail(d, "%s: uniform needs min and max", path);
    if (!(p->v[0] < p->v[1]))
        return ss_fail(d, "%s: uniform needs min < max, got min = %g, max = %g", path, p->v[0],
                       p->v[1]);
    out->a = p->v[0], out->b = p->v[1];
    return 0;
}

/* The number of entries in the table at idx, counted with lua_next (not the length operator). */
static size_t count_entries(lua_State *L, int idx)
{
    size_t n = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1); /* keep the key */
        n++;
    }
    return n;
}

/* Read path.name, a list of n numbers (n = 0: any non-empty length), into a new array. */
static int read_list(lua_State *L, int t, const char *path, const char *name, need nd, int n,
                     double **out, int *len, ss_diag *d)
{
    char where[512], got[64];
    snprintf(where, sizeof where, "%s.%s", path, name);
    lua_pushstring(L, name);
    lua_rawget(L, t); /* push t[name] */
    int list = lua_gettop(L);
    if (lua_type(L, list) != LUA_TTABLE) {
        describe_value(L, list, got, sizeof got);
        return ss_fail(d, "%s: expected a non-empty list of numbers, got %s", where, got);
    }
    lua_Unsigned raw = lua_rawlen(L, list);
    if (raw == 0 || raw > INT_MAX / sizeof(double) || count_entries(L, list) != raw)
        return ss_fail(d, "%s: expected a non-empty list of numbers (keys 1..n only)", where);
    if (n && (int)raw != n)
        return ss_fail(d, "%s: expected %d %s (one per value), got %d", where, n, name, (int)raw);
    *len = (int)raw;
    if (!(*out = malloc(raw * sizeof **out)))
        return ss_fail(d, "%s: out of memory", where);
    for (int i = 0; i < *len; i++) {
        char item[540];
        snprintf(item, sizeof item, "%s[%d]", where, i + 1);
        lua_rawgeti(L, list, i + 1); /* push list[i+1] */
        if (check_number(L, -1, nd, item, &(*out)[i], d))
            return -1;
        lua_pop(L, 1);
    }
    return 0;
}

/* Turn weights into cumulative probabilities in place.  The last is exactly 1: its running sum
 * is the same additions in the same order as `sum`, and x / x == 1 in IEEE arithmetic. */
static int cumulate(double *w, int n, const char *path, ss_diag *d)
{
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += w[i];
    if (!usable(sum))
        return ss_fail(d, "%s.weights: expected weights with a positive finite sum, got %g", path, sum);
    double run = 0;
    for (int i = 0; i < n; i++) {
        run += w[i];
        w[i] = run / sum;
    }
    return 0;
}

/* values is required; weights optional (equal).  On error the caller frees what was allocated. */
static int build_empirical(lua_State *L, int t, const char *path, const params *p, ss_dist *out,
                           ss_diag *d)
{
    if (!p->has[0])
        return ss_fail(d, "%s: empirical needs values", path);
    if (read_list(L, t, path, "values", NEED_FINITE, 0, &out->values, &out->n, d))
        return -1;
    if (p->has[1]) {
        int nw = 0;
        if (read_list(L, t, path, "weights", NEED_NONNEGATIVE, out->n, &out->cum, &nw, d))
            return -1;
    } else {
        if (!(out->cum = malloc((size_t)out->n * sizeof *out->cum)))
            return ss_fail(d, "%s: out of memory", path);
        for (int i = 0; i < out->n; i++)
            out->cum[i] = 1.0;
    }
    return cumulate(out->cum, out->n, path, d);
}

/* ---- public --------------------------------------------------------------------------- */

static int from_table(lua_State *L, int t, const char *path, ss_dist *out, ss_diag *d)
{
    const kind_spec *k = NULL;
    params p = {{0}, {false}};
    if (read_kind(L, t, path, &k, d) || check_keys(L, t, path, k, d) ||
        read_params(L, t, path, k, &p, d))
        return -1;
    out->kind = (ss_dist_kind)(k - kinds);
    return k->build(L, t, path, &p, out, d);
}

static int from_value(lua_State *L, int idx, const char *path, ss_dist *out, ss_diag *d)
{
    char got[64];
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
        out->kind = SS_DIST_FIXED;
        return check_number(L, idx, NEED_FINITE, path, &out->a, d);
    case LUA_TTABLE:
        return from_table(L, idx, path, out, d);
    default:
        describe_value(L, idx, got, sizeof got);
        return ss_fail(d, "%s: expected a distribution (a number or a table such as %s), got %s",
                       path, DIST_EXAMPLE, got);
    }
}

/* Helpers push freely; the stack is reset here on every path, and a failed parse owns nothing. */
int ss_dist_from_lua(lua_State *L, int idx, const char *path, ss_dist *out, ss_diag *d)
{
    *out = (ss_dist){.kind = SS_DIST_FIXED};
    int top = lua_gettop(L);
    idx = lua_absindex(L, idx);
    if (!lua_checkstack(L, 8))
        return ss_fail(d, "%s: out of memory", path);
    int rc = from_value(L, idx, path, out, d);
    lua_settop(L, top);
    if (rc) {
        ss_dist_free(out);
        *out = (ss_dist){.kind = SS_DIST_FIXED};
    }
    return rc;
}

void ss_dist_free(ss_dist *dist)
{
    free(dist->values);
    free(dist->cum);
    dist->values = dist->cum = NULL;
    dist->n = 0;
}

int ss_dist_copy(ss_dist *dst, const ss_dist *src)
{
    assert(dst != src);
    *dst = *src;
    dst->values = dst->cum = NULL;
    if (src->kind != SS_DIST_EMPIRICAL || src->n == 0)
        return 0;
    size_t size = (size_t)src->n * sizeof(double);
    dst->values = malloc(size);
    dst->cum = malloc(size);
    if (!dst->values || !dst->cum) {
        ss_dist_free(dst);
        return -1;
    }
    memcpy(dst->values, src->values, size);
    memcpy(dst->cum, src->cum, size);
    return 0;
}

/* Inverse CDF; min == max is a point mass. */
static double sample_triangular(double lo, double mode, double hi, gsl_rng *r)
{
    double w = hi - lo, u = gsl_rng_uniform(r);
    if (!(w > 0))
        return lo;
    if (u * w < mode - lo)
        return lo + sqrt(u * w * (mode - lo));
    return hi - sqrt((1 - u) * w * (hi - mode));
}

/* The first value whose cumulative weight exceeds u in [0, 1); zero-weight values are skipped. */
static double sample_empirical(const ss_dist *dist, gsl_rng *r)
{
    assert(dist->n > 0 && dist->values && dist->cum);
    double u = gsl_rng_uniform(r);
    int lo = 0, hi = dist->n - 1;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (u < dist->cum[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return dist->values[lo];
}

double ss_dist_sample_other(const ss_dist *dist, gsl_rng *r)
{
    switch (dist->kind) {
    case SS_DIST_FIXED: return dist->a;
    case SS_DIST_EXPONENTIAL: return ss_rng_exponential(r, dist->a);
    case SS_DIST_GAMMA: return gsl_ran_gamma(r, dist->a, dist->b);
    case SS_DIST_LOGNORMAL: return gsl_ran_lognormal(r, dist->a, dist->b);
    case SS_DIST_WEIBULL: return gsl_ran_weibull(r, dist->b, dist->a); /* GSL: (scale, shape) */
    case SS_DIST_TRIANGULAR: return sample_triangular(dist->a, dist->b, dist->c, r);
    case SS_DIST_UNIFORM: return gsl_ran_flat(r, dist->a, dist->b);
    case SS_DIST_EMPIRICAL: return sample_empirical(dist, r);
    }
    assert(!"unknown distribution kind");
    return 0;
}

/* scale * Gamma(1 + 1/shape); gsl_sf_gamma overflows (and GSL aborts) past GSL_SF_GAMMA_XMAX. */
static double weibull_mean(double shape, double scale)
{
    double x = 1.0 + 1.0 / shape;
    return x < GSL_SF_GAMMA_XMAX ? scale * gsl_sf_gamma(x) : INFINITY;
}

static double empirical_mean(const ss_dist *dist)
{
    double m = 0, prev = 0;
    for (int i = 0; i < dist->n; i++) {
        m += dist->values[i] * (dist->cum[i] - prev);
        prev = dist->cum[i];
    }
    return m;
}

double ss_dist_mean(const ss_dist *dist)
{
    switch (dist->kind) {
    case SS_DIST_FIXED: return dist->a;
    case SS_DIST_EXPONENTIAL: return dist->a;
    case SS_DIST_GAMMA: return dist->a * dist->b;
    case SS_DIST_LOGNORMAL: return exp(dist->a + dist->b * dist->b / 2);
    case SS_DIST_WEIBULL: return weibull_mean(dist->a, dist->b);
    case SS_DIST_TRIANGULAR: return (dist->a + dist->b + dist->c) / 3;
    case SS_DIST_UNIFORM: return (dist->a + dist->b) / 2;
    case SS_DIST_EMPIRICAL: return empirical_mean(dist);
    }
    assert(!"unknown distribution kind");
    return 0;
}

/* "empirical(values={1, 2, 5}, weights={0.5, 0.3, 0.2})", eliding past the eighth entry. */
static void describe_empirical(const ss_dist *dist, sbuf *b)
{
    enum { SHOWN = 8 };
    int shown = dist->n < SHOWN ? dist->n : SHOWN;
    sb_add(b, "empirical(");
    if (dist->n > SHOWN)
        sb_add(b, "n=%d, ", dist->n);
    sb_add(b, "values={");
    for (int i = 0; i < shown; i++)
        sb_add(b, "%s%g", i ? ", " : "", dist->values[i]);
    sb_add(b, "%s}, weights={", dist->n > SHOWN ? ", ..." : "");
    for (int i = 0; i < shown; i++)
        sb_add(b, "%s%g", i ? ", " : "", dist->cum[i] - (i ? dist->cum[i - 1] : 0));
    sb_add(b, "%s})", dist->n > SHOWN ? ", ..." : "");
}

void ss_dist_describe(const ss_dist *dist, char *out, size_t n)
{
    if (n == 0)
        return;
    sbuf b = {out, n, 0};
    out[0] = '\0';
    const kind_spec *k = &kinds[dist->kind];
    if (dist->kind == SS_DIST_EMPIRICAL) {
        describe_empirical(dist, &b);
        return;
    }
    const double v[3] = {dist->a, dist->b, dist->c};
    sb_add(&b, "%s(", k->name);
    for (int i = 0; i < 3 && k->stored[i]; i++)
        sb_add(&b, "%s%s=%g", i ? ", " : "", k->stored[i], v[i]);
    sb_add(&b, ")");
}
