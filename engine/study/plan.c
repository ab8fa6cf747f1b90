/* plan: reading a batch plan in the sandbox, key by key, with errors that name the key path. */
#include "plan.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>

#include "luakeys.h"
#include "near.h"
#include "plan_parts.h"
#include "reader.h"
#include "sandbox.h"

/* ---- the plan's memory ------------------------------------------------------------------------ */

void *plan_keep(ss_plan *p, void *mem)
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

void *plan_calloc(ss_plan *p, size_t n, size_t size)
{
    return plan_keep(p, calloc(n ? n : 1, size));
}

const char *plan_strdup(ss_plan *p, const char *s)
{
    return plan_keep(p, strdup(s));
}

const char *plan_printf(ss_plan *p, const char *fmt, ...)
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
/* ---- reading the plan table -------------------------------------------------------------------- */

/* The reader's origin: every key of a plan comes from the plan file. */
static const char *plan_origin(void *ud, const char *path)
{
    (void)path;
    return ud;
}

/* Point the reader at a child key written the way Lua would index it: models[2],
 * sweep["services.fph.fte"]. */
void plan_reader_at(ss_reader *r, const char *base, const char *fmt, ...)
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

int plan_fail_got(ss_reader *r, int idx, const char *expected)
{
    char got[128];
    ss_reader_describe(r->L, idx, got, sizeof got);
    return ss_reader_fail(r, NULL, "expected %s, got %s", expected, got);
}

/* A file named in the plan: a string, and a file that opens. */
static int read_file_name(ss_plan *p, ss_reader *r, int idx, const char **written, const char **path)
{
    if (lua_type(r->L, idx) != LUA_TSTRING)
        return plan_fail_got(r, idx, "a file name (a string)");
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
        return plan_fail_got(r, -1, allow_empty ? "a list of file names" : "a file name or a non-empty list of file names");
    *written = plan_calloc(p, (size_t)len, sizeof **written);
    *paths = plan_calloc(p, (size_t)len, sizeof **paths);
    if (!*written || !*paths)
        return ss_fail(r->d, "out of memory");
    for (int i = 1; i <= len; i++) {
        lua_rawgeti(L, -1, i);
        plan_reader_at(r, base, "[%d]", i);
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
                plan_reader_at(r, base, "[%d]", i + 1);
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
                plan_reader_at(r, "models", "[%d]", i + 1);
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
                          : plan_fail_got(r, -1, "a list of models, each a list of overlay files, e.g. { {}, { \"models/x.lua\" } }");
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
int plan_read_value(ss_plan *p, ss_reader *r, const char *parameter, ss_batch_value *v)
{
    lua_State *L = r->L;
    char text[512], label[512];
    v->parameter = parameter;
    v->numeric = false;
    if (lua_type(L, -1) == LUA_TNUMBER) {
        if (!isfinite(lua_tonumber(L, -1)))
            return plan_fail_got(r, -1, "a finite number");
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
        return plan_fail_got(r, -1, "a number, a string or true/false");
    }
    v->text = plan_strdup(p, text);
    v->label = plan_strdup(p, label);
    return v->text && v->label ? 0 : ss_fail(r->d, "out of memory");
}

/* A parameter is a key path into the scenario, as --set takes it. */
int plan_check_parameter(ss_reader *r, const char *name)
{
    bool ok = name[0] && name[0] != '.' && name[strlen(name) - 1] != '.' && !strstr(name, "..");
    for (const char *c = name; *c && ok; c++)
        ok = *c == '.' || *c == '_' || *c == '-' || (*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'z') ||
             (*c >= 'A' && *c <= 'Z');
    return ok ? 0 : ss_reader_fail(r, NULL, "expected a key path such as services.fph.fte");
}

/* The string keys of the table at the top, sorted (luakeys.h), so the grid's order never depends
 * on Lua's hash order.  Fails on the first key, in that order, that is not a string. */
int plan_sorted_keys(ss_plan *p, ss_reader *r, const char ***keys, int *n)
{
    static const char expected[] = "parameter names (strings) as keys, e.g. [\"services.fph.fte\"]";
    ss_lua_key *all = NULL;
    int others = 0, count = ss_lua_sorted_keys(r->L, -1, NULL, &all, &others);
    *n = 0;
    *keys = count > 0 ? plan_calloc(p, (size_t)count, sizeof **keys) : NULL;
    int rc = count < 0 || (count > 0 && !*keys) ? ss_fail(r->d, "out of memory") : 0;
    for (int i = 0; i < count && rc == 0; i++) {
        if (all[i].type != LUA_TSTRING) {
            ss_lua_push_key(r->L, &all[i]);
            rc = plan_fail_got(r, -1, expected);
            lua_pop(r->L, 1);
        } else if (!((*keys)[(*n)++] = plan_strdup(p, all[i].str))) {
            rc = ss_fail(r->d, "out of memory");
        }
    }
    if (rc == 0 && others > 0)
        rc = ss_reader_fail(r, NULL, "expected %s, got a key that is neither a string, a number nor true/false", expected);
    free(all);
    return rc;
}

/* One entry of a keyed table: items[i] from the value of `key`, which is on the stack's top. */
typedef int (*keyed_entry)(ss_plan *p, ss_reader *r, void *items, int i, const char *key);

/* The plan's keyed tables (`set`, `sweep`): reads `name` in byte order of its keys into *items,
 * an element of `size` bytes per key.  0 also when absent (*n stays 0), -1 failed. */
static int read_keyed(ss_plan *p, ss_reader *r, const char *name, int *n, void **items, size_t size,
                      keyed_entry each)
{
    int has = ss_reader_table(r, name, false);
    if (has <= 0)
        return has;
    snprintf(r->path, sizeof r->path, "%s", name);
    const char **keys;
    int rc = plan_sorted_keys(p, r, &keys, n);
    if (rc == 0 && !(*items = plan_calloc(p, (size_t)*n, size)))
        rc = ss_fail(r->d, "out of memory");
    for (int i = 0; i < *n && rc == 0; i++) {
        lua_getfield(r->L, -1, keys[i]);
        rc = each(p, r, *items, i, keys[i]);
        lua_pop(r->L, 1);
    }
    lua_pop(r->L, 1);
    r->path[0] = '\0';
    return rc;
}

static int read_fixed_set(ss_plan *p, ss_reader *r, void *items, int i, const char *key)
{
    plan_reader_at(r, "set", "[\"%s\"]", key);
    ss_batch_value v;
    int rc = plan_check_parameter(r, key);
    if (rc == 0) rc = plan_read_value(p, r, key, &v);
    if (rc == 0 && !(((const char **)items)[i] = plan_printf(p, "%s=%s", key, v.text)))
        rc = ss_fail(r->d, "out of memory");
    return rc;
}

/* `set = { ["calendar.horizon_days"] = 730 }`: --set for every run. */
static int read_fixed_sets(ss_plan *p, ss_reader *r)
{
    void *sets = NULL;
    int rc = read_keyed(p, r, "set", &p->nfixed, &sets, sizeof *p->fixed_sets, read_fixed_set);
    p->fixed_sets = sets;
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
        return plan_fail_got(r, -1, "a non-empty list of values, or a range { from = 10, to = 20, step = 2 }");
    a->nvalues = len;
    if (!(a->values = plan_calloc(p, (size_t)len, sizeof *a->values)))
        return ss_fail(r->d, "out of memory");
    for (int i = 0; i < len; i++) {
        lua_rawgeti(r->L, -1, i + 1);
        plan_reader_at(r, base, "[%d]", i + 1);
        int rc = plan_read_value(p, r, a->parameter, &a->values[i]);
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

/* One axis of the sweep, its value on the stack's top. */
static int read_axis(ss_plan *p, ss_reader *r, sweep_axis *a)
{
    char base[400];
    snprintf(base, sizeof base, "sweep[\"%s\"]", a->parameter);
    snprintf(r->path, sizeof r->path, "%s", base);
    if (plan_check_parameter(r, a->parameter))
        return -1;
    a->variable = !strchr(a->parameter, '.');  /* a value for `linked` (plan_links.c) */
    if (!lua_istable(r->L, -1))
        return plan_fail_got(r, -1, "a list of values, or a range { from = 10, to = 20, step = 2 }");
    if (is_range(r->L))
        return read_range(p, r, a);
    return read_value_list(p, r, a, base);
}

static int read_sweep_axis(ss_plan *p, ss_reader *r, void *items, int i, const char *key)
{
    sweep_axis *a = &((sweep_axis *)items)[i];
    a->parameter = key;
    return read_axis(p, r, a);
}

static int read_sweep(ss_plan *p, ss_reader *r)
{
    void *axes = NULL;
    int rc = read_keyed(p, r, "sweep", &p->naxes, &axes, sizeof *p->axes, read_sweep_axis);
    p->axes = axes;
    return rc;
}

static int check_set_and_sweep(const ss_plan *p, ss_reader *r)
{
    for (int i = 0; i < p->naxes; i++)
        for (int j = 0; j < p->nfixed; j++) {
            size_t l = strlen(p->axes[i].parameter);
            if (strncmp(p->fixed_sets[j], p->axes[i].parameter, l) == 0 && p->fixed_sets[j][l] == '=') {
                plan_reader_at(r, "sweep", "[\"%s\"]", p->axes[i].parameter);
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

static const char *const plan_keys[] = {"name", "scenarios", "models", "set", "sweep", "linked", "replications",
                                        "seed", "output", NULL};

static int unknown_plan_key(const ss_plan *p, const char *key, ss_diag *d)
{
    const char *near = NULL;
    int best = 3;  /* more than two letters off is not a typo */
    for (int i = 0; plan_keys[i]; i++)
        if (ss_edit_distance(key, plan_keys[i]) < best) {
            best = ss_edit_distance(key, plan_keys[i]);
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
    if (read_fixed_sets(p, &r) || read_sweep(p, &r) || check_set_and_sweep(p, &r) || plan_read_linked(p, &r) ||
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
    if (!p->path || !p->dir || read_plan_file(p, d) || plan_expand_grid(p, d)) {
        if (!p->path || !p->dir) ss_fail(d, "out of memory");
        ss_plan_free(p);
        return NULL;
    }
    return p;
}
