/* model: read the resolved scenario table, check every value, and freeze it into C structs.
 *
 * The reading order follows the scenario reference in the README: calendar, needs, organisation,
 * services, doors, population, demand.  Map-shaped sections (services, doors, ...) are sorted by
 * their optional `order` and then id, because Lua's table order is not deterministic and results
 * must be byte-identical run to run. */
#include "model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>

typedef struct build {
    ss_reader r;
    ss_model *m;
} build;


/* ---- small helpers ---------------------------------------------------------------------- */

/* Collect the string keys of the table on top, sorted by (order field, key). Caller frees. */
typedef struct keyed { char *key; double order; } keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return strcmp(x->key, y->key);
}

static int sorted_keys(build *b, keyed **out, int *n, int max)
{
    lua_State *L = b->r.L;
    int cap = 0, k = 0;
    keyed *v = NULL;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        if (lua_type(L, -2) != LUA_TSTRING) {
            char got[128];
            ss_reader_describe(L, -2, got, sizeof got);
            lua_pop(L, 2);
            for (int i = 0; i < k; i++) free(v[i].key);
            free(v);
            return ss_reader_fail(&b->r, NULL, "expected entries keyed by an id, got key %s", got);
        }
        if (k == cap) {
            cap = cap ? cap * 2 : 16;
            v = realloc(v, sizeof *v * cap);
        }
        v[k].key = strdup(lua_tostring(L, -2));
        v[k].order = INFINITY;
        if (lua_istable(L, -1)) {
            lua_getfield(L, -1, "order");
            if (lua_type(L, -1) == LUA_TNUMBER)
                v[k].order = lua_tonumber(L, -1);
            lua_pop(L, 1);
        }
        k++;
        lua_pop(L, 1);
    }
    if (k > max) {
        for (int i = 0; i < k; i++) free(v[i].key);
        free(v);
        return ss_reader_fail(&b->r, NULL, "has %d entries, at most %d are supported", k, max);
    }
    qsort(v, k, sizeof *v, cmp_keyed);
    *out = v;
    *n = k;
    return 0;
}

static void free_keys(keyed *v, int n)
{
    for (int i = 0; i < n; i++) free(v[i].key);
    free(v);
}

static bool is_id(const char *s)
{
    if (!*s) return false;
    for (const char *p = s; *p; p++)
        if (!(*p == '_' || *p == '-' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9')))
            return false;
    return true;
}

/* Read {min, max} as [min, max) years. */
static int read_ages(build *b, const char *key, double *lo, double *hi, bool required,
                     double dlo, double dhi)
{
    lua_State *L = b->r.L;
    lua_getfield(L, -1, key);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        if (required) return ss_reader_fail(&b->r, key, "missing (expected {min_age, max_age})");
        *lo = dlo; *hi = dhi;
        return 0;
    }
    int ok = lua_istable(L, -1) && luaL_len(L, -1) == 2;
    if (ok) {
        lua_rawgeti(L, -1, 1);
        lua_rawgeti(L, -2, 2);
        ok = lua_type(L, -2) == LUA_TNUMBER && lua_type(L, -1) == LUA_TNUMBER;
        if (ok) { *lo = lua_tonumber(L, -2); *hi = lua_tonumber(L, -1); }
        lua_pop(L, 2);
        ok = ok && *lo >= 0 && *hi > *lo && *hi <= 150;
    }
    lua_pop(L, 1);
    if (!ok)
        return ss_reader_fail(&b->r, key, "expected {min_age, max_age} with 0 <= min < max <= 150 (max not included)");
    return 0;
}

/* ---- rules ------------------------------------------------------------------------------- */

/* "rules/x.lua" or "rules/x.lua:field" names a Lua rule; anything else is data. */
static bool is_rule_ref(const char *s)
{
    const char *p = strstr(s, ".lua");
    return p && (p[4] == '\0' || p[4] == ':');
}

static bool file_exists(const char *p) { return access(p, R_OK) == 0; }

/* A rule path is looked up beside the file that names it, then in each parent folder, so that
 * scenarios/lorenskog/x.lua can say "rules/triage.lua" and mean the repository's rules/. */
static char *resolve_rule_path(build *b, const char *ref)
{
    const char *file = b->r.origin ? b->r.origin(b->r.origin_ud, b->r.path) : NULL;
    char dir[1024] = ".";
    if (file && *file && file[0] != '-') {
        snprintf(dir, sizeof dir, "%s", file);
        char *slash = strrchr(dir, '/');
        if (slash) *slash = '\0'; else snprintf(dir, sizeof dir, ".");
    }
    char cand[2048];
    for (int up = 0; up < 8; up++) {
        if (strcmp(dir, ".") == 0 || dir[0] == '\0')
            snprintf(cand, sizeof cand, "%s", ref);
        else
            snprintf(cand, sizeof cand, "%s/%s", dir, ref);
        if (file_exists(cand))
            return strdup(cand);
        if (strcmp(dir, ".") == 0 || dir[0] == '\0')
            break;
        char *slash = strrchr(dir, '/');
        if (slash) *slash = '\0'; else snprintf(dir, sizeof dir, ".");
    }
    if (file_exists(ref))
        return strdup(ref);
    return NULL;
}

static int add_lua_rule(build *b, const char *key, const char *ref, const char *point, ss_rule *rule)
{
    ss_model *m = b->m;
    char file[1024], field[256] = "";
    snprintf(file, sizeof file, "%s", ref);
    char *colon = strstr(file, ".lua:");
    if (colon) {
        snprintf(field, sizeof field, "%s", colon + 5);
        colon[4] = '\0';
    }
    char saved[512];
    ss_reader_enter(&b->r, key, saved, sizeof saved);
    char *path = resolve_rule_path(b, file);
    if (!path) {
        int rc = ss_reader_fail(&b->r, NULL, "rule file '%s' not found (looked beside the scenario and in its parent folders)", file);
        ss_reader_leave(&b->r, saved);
        return rc;
    }
    ss_reader_leave(&b->r, saved);
    for (int i = 0; i < m->nlua_rules; i++) {
        ss_lua_rule *x = &m->lua_rules[i];
        if (strcmp(x->path, path) == 0 && strcmp(x->point, point) == 0 &&
            strcmp(x->field ? x->field : "", field) == 0) {
            free(path);
            rule->kind = SS_RULE_LUA;
            rule->slot = i;
            return 0;
        }
    }
    m->lua_rules = realloc(m->lua_rules, sizeof *m->lua_rules * (m->nlua_rules + 1));
    ss_lua_rule *x = &m->lua_rules[m->nlua_rules];
    x->path = path;
    x->display = strdup(path);  /* where the user finds it */
    x->field = field[0] ? strdup(field) : NULL;
    x->point = strdup(point);
    rule->kind = SS_RULE_LUA;
    rule->slot = m->nlua_rules++;
    return 0;
}

/* Target names: services (or doors, for the door rule) and the outcomes allowed here. */
typedef struct targets {
    const ss_model *m;
    bool doors;             /* targets are doors, not services */
    bool discharge, cont;   /* "discharge" / "continue" allowed */
} targets;

static int target_index(const targets *t, const char *name)
{
    if (t->discharge && strcmp(name, "discharge") == 0) return SS_T_DISCHARGE;
    if (t->cont && strcmp(name, "continue") == 0) return SS_T_CONTINUE;
    int i = t->doors ? ss_model_door_index(t->m, name) : ss_model_service_index(t->m, name);
    return i >= 0 ? i : -100;
}

static void target_list(const targets *t, char *out, size_t n)
{
    out[0] = '\0';
    if (t->discharge) strncat(out, "discharge, ", n - strlen(out) - 1);
    if (t->cont) strncat(out, "continue, ", n - strlen(out) - 1);
    int k = t->doors ? t->m->ndoors : t->m->nservices;
    for (int i = 0; i < k; i++) {
        strncat(out, t->doors ? t->m->doors[i].id : t->m->services[i].id, n - strlen(out) - 1);
        if (i + 1 < k) strncat(out, ", ", n - strlen(out) - 1);
    }
    size_t l = strlen(out);
    if (l >= 2 && out[l - 2] == ',') out[l - 2] = '\0';
}

/* One choice: "id" or { id = probability, ... } summing to 1; the value is on top. */
static int read_choice(build *b, const targets *t, ss_choice *c)
{
    lua_State *L = b->r.L;
    char list[1024];
    if (lua_type(L, -1) == LUA_TSTRING) {
        int ix = target_index(t, lua_tostring(L, -1));
        if (ix == -100) {
            target_list(t, list, sizeof list);
            return ss_reader_fail(&b->r, NULL, "unknown %s '%s' (expected one of: %s)",
                                  t->doors ? "door" : "service", lua_tostring(L, -1), list);
        }
        c->n = 1;
        c->target = malloc(sizeof(int));
        c->cum = malloc(sizeof(double));
        c->target[0] = ix;
        c->cum[0] = 1.0;
        return 0;
    }
    if (!lua_istable(L, -1)) {
        char got[128];
        ss_reader_describe(L, -1, got, sizeof got);
        return ss_reader_fail(&b->r, NULL, "expected a %s id, a table of probabilities or a rule file (\"rules/x.lua\"), got %s",
                              t->doors ? "door" : "service", got);
    }
    keyed *keys;
    int nk;
    if (sorted_keys(b, &keys, &nk, 1000) < 0) return -1;
    if (nk == 0) {
        free(keys);
        return ss_reader_fail(&b->r, NULL, "expected at least one outcome with a probability");
    }
    c->n = nk;
    c->target = malloc(sizeof(int) * nk);
    c->cum = malloc(sizeof(double) * nk);
    double sum = 0;
    for (int i = 0; i < nk; i++) {
        int ix = target_index(t, keys[i].key);
        if (ix == -100) {
            target_list(t, list, sizeof list);
            int rc = ss_reader_fail(&b->r, keys[i].key, "unknown %s '%s' (expected one of: %s)",
                                    t->doors ? "door" : "service", keys[i].key, list);
            free_keys(keys, nk);
            return rc;
        }
        double p;
        if (ss_reader_number(&b->r, keys[i].key, 0, 1, true, 0, &p) < 0) {
            free_keys(keys, nk);
            return -1;
        }
        sum += p;
        c->target[i] = ix;
        c->cum[i] = sum;
    }
    free_keys(keys, nk);
    if (fabs(sum - 1.0) > 1e-6)
        return ss_reader_fail(&b->r, NULL, "probabilities sum to %g, expected 1", sum);
    c->cum[nk - 1] = 1.0;
    return 0;
}

static bool has_field(lua_State *L, const char *key)
{
    lua_getfield(L, -1, key);
    bool yes = !lua_isnil(L, -1);
    lua_pop(L, 1);
    return yes;
}

static void free_choice(ss_choice *c)
{
    free(c->target);
    free(c->cum);
    c->target = NULL;
    c->cum = NULL;
}

/* A rule at key: a rule file, or data (one choice, or { by_need = {...}, default = ... }).
 * Absent: the default outcome dflt (a target index) for every need. */
static int read_rule(build *b, const char *key, const char *point, const targets *t, int dflt,
                     ss_rule *rule)
{
    lua_State *L = b->r.L;
    ss_model *m = b->m;
    rule->point = point;
    lua_getfield(L, -1, key);
    if (lua_type(L, -1) == LUA_TSTRING && is_rule_ref(lua_tostring(L, -1))) {
        char ref[1024];
        snprintf(ref, sizeof ref, "%s", lua_tostring(L, -1));
        lua_pop(L, 1);
        return add_lua_rule(b, key, ref, point, rule);
    }
    rule->kind = SS_RULE_DATA;
    rule->by_need = calloc(m->nneeds, sizeof(ss_choice));
    char saved[512];
    ss_reader_enter(&b->r, key, saved, sizeof saved);
    int rc = 0;
    if (lua_isnil(L, -1)) {
        if (dflt == -100) {
            rc = ss_reader_fail(&b->r, NULL, "missing (expected a rule file or a table of probabilities)");
        } else {
            for (int i = 0; i < m->nneeds; i++) {
                ss_choice *c = &rule->by_need[i];
                c->n = 1;
                c->target = malloc(sizeof(int));
                c->cum = malloc(sizeof(double));
                c->target[0] = dflt;
                c->cum[0] = 1;
            }
        }
    } else if (lua_istable(L, -1) && has_field(L, "by_need")) {
        static const char *const keys[] = {"by_need", "default", NULL};
        rc = ss_reader_only_keys(&b->r, keys);
        for (int i = 0; rc == 0 && i < m->nneeds; i++) {
            lua_getfield(L, -1, "by_need");
            char s2[512];
            ss_reader_enter(&b->r, "by_need", s2, sizeof s2);
            lua_getfield(L, -1, m->needs[i]);
            if (!lua_isnil(L, -1)) {
                char s3[512];
                ss_reader_enter(&b->r, m->needs[i], s3, sizeof s3);
                rc = read_choice(b, t, &rule->by_need[i]);
                ss_reader_leave(&b->r, s3);
                lua_pop(L, 2);
                ss_reader_leave(&b->r, s2);
                continue;
            }
            lua_pop(L, 2);
            ss_reader_leave(&b->r, s2);
            lua_getfield(L, -1, "default");
            if (lua_isnil(L, -1)) {
                rc = ss_reader_fail(&b->r, "by_need", "has no entry for need '%s' and there is no default", m->needs[i]);
            } else {
                char s3[512];
                ss_reader_enter(&b->r, "default", s3, sizeof s3);
                rc = read_choice(b, t, &rule->by_need[i]);
                ss_reader_leave(&b->r, s3);
            }
            lua_pop(L, 1);
        }
        if (rc == 0) {  /* needs named in by_need must exist */
            lua_getfield(L, -1, "by_need");
            if (!lua_istable(L, -1)) {
                rc = ss_reader_fail(&b->r, "by_need", "expected a table keyed by need");
            } else {
                lua_pushnil(L);
                while (rc == 0 && lua_next(L, -2)) {
                    lua_pop(L, 1);
                    if (lua_type(L, -1) != LUA_TSTRING || ss_model_need_index(m, lua_tostring(L, -1)) < 0) {
                        char got[128];
                        ss_reader_describe(L, -1, got, sizeof got);
                        rc = ss_reader_fail(&b->r, "by_need", "unknown need %s", got);
                        lua_pop(L, 1);
                    }
                }
            }
            lua_pop(L, 1);
        }
    } else {
        ss_choice one = {0};
        rc = read_choice(b, t, &one);
        for (int i = 0; rc == 0 && i < m->nneeds; i++) {
            ss_choice *c = &rule->by_need[i];
            c->n = one.n;
            c->target = malloc(sizeof(int) * one.n);
            c->cum = malloc(sizeof(double) * one.n);
            memcpy(c->target, one.target, sizeof(int) * one.n);
            memcpy(c->cum, one.cum, sizeof(double) * one.n);
        }
        free_choice(&one);
    }
    ss_reader_leave(&b->r, saved);
    lua_pop(L, 1);
    return rc;
}

static void free_rule(ss_rule *rule, int nneeds)
{
    if (rule->by_need) {
        for (int i = 0; i < nneeds; i++) free_choice(&rule->by_need[i]);
        free(rule->by_need);
    }
    free(rule->by_severity);
}


/* ---- shared pieces of doors and services --------------------------------------------------- */

static int unit_index(const ss_model *m, const char *id)
{
    for (int i = 0; i < m->nunits; i++)
        if (strcmp(m->units[i].id, id) == 0) return i;
    return -1;
}

static int read_unit(build *b, int *unit)
{
    const char *id;
    *unit = -1;
    if (ss_reader_string(&b->r, "unit", false, NULL, &id) < 0) return -1;
    if (id && (*unit = unit_index(b->m, id)) < 0)
        return ss_reader_fail(&b->r, "unit", "unknown unit '%s' (declare it in organisation.units)", id);
    return 0;
}

static int weekday_index(const char *s)
{
    static const char *const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    for (int i = 0; i < 7; i++)
        if (strcmp(s, days[i]) == 0) return i;
    return -1;
}

/* meeting = { every_weeks = 4, weekday = "tue", held = 0.9, postpone = 0.2, first = "2021-01-12" } */
static int read_meeting(build *b, bool postpone_allowed, ss_meeting *mt)
{
    ss_model *m = b->m;
    int t = ss_reader_table(&b->r, "meeting", false);
    if (t <= 0) return t;
    char saved[512];
    ss_reader_enter(&b->r, "meeting", saved, sizeof saved);
    static const char *const dk[] = {"every_weeks", "weekday", "held", "postpone", "first", NULL};
    static const char *const sk[] = {"every_weeks", "weekday", "held", "first", NULL};
    const char *wd, *first;
    double weeks;
    int rc = ss_reader_only_keys(&b->r, postpone_allowed ? dk : sk);
    if (rc == 0) rc = ss_reader_number(&b->r, "every_weeks", 0.1, 520, true, 0, &weeks);
    if (rc == 0) rc = ss_reader_number(&b->r, "held", 0, 1, false, 1, &mt->held);
    if (rc == 0) rc = ss_reader_number(&b->r, "postpone", 0, 1, false, 0, &mt->postpone);
    if (rc == 0) rc = ss_reader_string(&b->r, "weekday", false, NULL, &wd);
    if (rc == 0) rc = ss_reader_string(&b->r, "first", false, NULL, &first);
    int day = -1;
    if (rc == 0 && wd && (day = weekday_index(wd)) < 0)
        rc = ss_reader_fail(&b->r, "weekday", "expected mon, tue, wed, thu, fri, sat or sun, got \"%s\"", wd);
    if (rc == 0) {
        mt->on = true;
        mt->every = weeks * 7;
        if (first) {
            ss_date d;
            if (ss_date_parse(first, &d) < 0) {
                rc = ss_reader_fail(&b->r, "first", "expected a date \"YYYY-MM-DD\", got \"%s\"", first);
            } else {
                mt->first = (double)(ss_date_to_epoch(d) - m->cal.start);
                while (mt->first < 0) mt->first += mt->every;
            }
        } else {  /* the first such weekday on or after the start */
            int start_wd = ss_weekday(m->cal.start);
            mt->first = day < 0 ? 0 : (double)((day - start_wd + 7) % 7);
        }
    }
    ss_reader_leave(&b->r, saved);
    lua_pop(b->r.L, 1);
    return rc;
}

/* ---- sections ---------------------------------------------------------------------------- */

static int read_calendar(build *b)
{
    ss_model *m = b->m;
    lua_State *L = b->r.L;
    if (ss_reader_table(&b->r, "calendar", true) <= 0) return -1;
    char saved[512];
    ss_reader_enter(&b->r, "calendar", saved, sizeof saved);
    static const char *const keys[] = {"start", "horizon_days", "warmup_days", "working_days",
                                       "holidays", "summer", "seasonality", "sample_days", NULL};
    const char *start, *wd, *hol;
    ss_date d0;
    int rc = ss_reader_only_keys(&b->r, keys);
    if (rc == 0) rc = ss_reader_string(&b->r, "start", true, NULL, &start);
    if (rc == 0 && ss_date_parse(start, &d0) < 0)
        rc = ss_reader_fail(&b->r, "start", "expected a date \"YYYY-MM-DD\", got \"%s\"", start);
    if (rc == 0) ss_calendar_init(&m->cal, d0);
    if (rc == 0) rc = ss_reader_number(&b->r, "horizon_days", 1, 365.25 * 5000, true, 0, &m->horizon);
    if (rc == 0) rc = ss_reader_number(&b->r, "warmup_days", 0, INFINITY, false, 0, &m->warmup);
    if (rc == 0 && m->warmup >= m->horizon)
        rc = ss_reader_fail(&b->r, "warmup_days", "expected less than horizon_days (%g), got %g", m->horizon, m->warmup);
    if (rc == 0) rc = ss_reader_number(&b->r, "sample_days", 0.01, INFINITY, false, 7, &m->sample_days);
    if (rc == 0) rc = ss_reader_string(&b->r, "working_days", false, "mon-fri", &wd);
    if (rc == 0) {
        if (strcmp(wd, "mon-fri") == 0) m->cal.working_mon_fri = true;
        else if (strcmp(wd, "all") == 0) m->cal.working_mon_fri = false;
        else rc = ss_reader_fail(&b->r, "working_days", "expected \"mon-fri\" or \"all\", got \"%s\"", wd);
    }
    if (rc == 0) rc = ss_reader_string(&b->r, "holidays", false, m->cal.working_mon_fri ? "norway" : "none", &hol);
    if (rc == 0) {
        if (strcmp(hol, "norway") == 0) m->cal.norwegian_holidays = true;
        else if (strcmp(hol, "none") == 0) m->cal.norwegian_holidays = false;
        else rc = ss_reader_fail(&b->r, "holidays", "expected \"norway\" or \"none\", got \"%s\"", hol);
    }
    if (rc == 0) {
        int t = ss_reader_table(&b->r, "summer", false);
        if (t < 0) rc = -1;
        if (t > 0) {
            char s2[512];
            ss_reader_enter(&b->r, "summer", s2, sizeof s2);
            static const char *const sk[] = {"from", "to", "capacity", NULL};
            const char *from, *to;
            rc = ss_reader_only_keys(&b->r, sk);
            if (rc == 0) rc = ss_reader_string(&b->r, "from", true, NULL, &from);
            if (rc == 0 && ss_monthday_parse(from, &m->cal.summer_from_md) < 0)
                rc = ss_reader_fail(&b->r, "from", "expected a day of the year \"MM-DD\", got \"%s\"", from);
            if (rc == 0) rc = ss_reader_string(&b->r, "to", true, NULL, &to);
            if (rc == 0 && ss_monthday_parse(to, &m->cal.summer_to_md) < 0)
                rc = ss_reader_fail(&b->r, "to", "expected a day of the year \"MM-DD\", got \"%s\"", to);
            if (rc == 0 && m->cal.summer_to_md < m->cal.summer_from_md)
                rc = ss_reader_fail(&b->r, "to", "expected a day after 'from' in the same year");
            if (rc == 0) rc = ss_reader_number(&b->r, "capacity", 0, 1, true, 1, &m->cal.summer_capacity);
            m->cal.has_summer = rc == 0;
            ss_reader_leave(&b->r, s2);
            lua_pop(L, 1);
        }
    }
    if (rc == 0) {
        int t = ss_reader_table(&b->r, "seasonality", false);
        if (t < 0) rc = -1;
        if (t > 0) {
            if (luaL_len(L, -1) != 12)
                rc = ss_reader_fail(&b->r, "seasonality", "expected 12 monthly multipliers (January first)");
            m->cal.season_max = 0;
            for (int i = 0; rc == 0 && i < 12; i++) {
                lua_rawgeti(L, -1, i + 1);
                if (lua_type(L, -1) != LUA_TNUMBER || lua_tonumber(L, -1) < 0 || !isfinite(lua_tonumber(L, -1))) {
                    char got[128], k[32];
                    ss_reader_describe(L, -1, got, sizeof got);
                    snprintf(k, sizeof k, "seasonality.%d", i + 1);
                    rc = ss_reader_fail(&b->r, k, "expected a number >= 0, got %s", got);
                } else {
                    m->cal.season[i] = lua_tonumber(L, -1);
                    if (m->cal.season[i] > m->cal.season_max) m->cal.season_max = m->cal.season[i];
                }
                lua_pop(L, 1);
            }
            if (rc == 0 && m->cal.season_max <= 0)
                rc = ss_reader_fail(&b->r, "seasonality", "expected at least one month above 0");
            lua_pop(L, 1);
        }
    }
    ss_reader_leave(&b->r, saved);
    lua_pop(L, 1);
    return rc;
}

static int read_needs(build *b)
{
    ss_model *m = b->m;
    lua_State *L = b->r.L;
    if (ss_reader_table(&b->r, "needs", true) <= 0) return -1;
    int n = (int)luaL_len(L, -1);
    int rc = 0;
    if (n < 1 || n > SS_MAX_NEEDS)
        rc = ss_reader_fail(&b->r, "needs", "expected a list of 1 to %d need types, e.g. { \"mild\", \"severe\" }", SS_MAX_NEEDS);
    for (int i = 0; rc == 0 && i < n; i++) {
        lua_rawgeti(L, -1, i + 1);
        char k[32];
        snprintf(k, sizeof k, "needs.%d", i + 1);
        if (lua_type(L, -1) != LUA_TSTRING || !is_id(lua_tostring(L, -1))) {
            char got[128];
            ss_reader_describe(L, -1, got, sizeof got);
            rc = ss_reader_fail(&b->r, k, "expected an id (letters, digits, _ or -), got %s", got);
        } else if (ss_model_need_index(m, lua_tostring(L, -1)) >= 0) {
            rc = ss_reader_fail(&b->r, k, "need '%s' is listed twice", lua_tostring(L, -1));
        } else {
            m->needs[m->nneeds++] = strdup(lua_tostring(L, -1));
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return rc;
}

/* sectors/buildings: id = "Name" or id = { name = "Name" }; units: id = { name, sector, building } */
static int read_named(build *b, const char *key, ss_named **out, int *n, bool units)
{
    lua_State *L = b->r.L;
    ss_model *m = b->m;
    int t = ss_reader_table(&b->r, key, false);
    if (t <= 0) return t;
    char saved[512];
    ss_reader_enter(&b->r, key, saved, sizeof saved);
    keyed *keys;
    int nk, rc = sorted_keys(b, &keys, &nk, 1000);
    if (rc == 0) {
        *out = calloc(nk ? nk : 1, sizeof **out);
        if (units) m->unit_building = calloc(nk ? nk : 1, sizeof(int));
    }
    for (int i = 0; rc == 0 && i < nk; i++) {
        ss_named *x = &(*out)[i];
        x->id = strdup(keys[i].key);
        x->parent = -1;
        (*n)++;
        lua_getfield(L, -1, keys[i].key);
        if (lua_type(L, -1) == LUA_TSTRING && !units) {
            x->name = strdup(lua_tostring(L, -1));
        } else if (lua_istable(L, -1)) {
            char s2[512];
            ss_reader_enter(&b->r, keys[i].key, s2, sizeof s2);
            static const char *const nk1[] = {"name", "order", "external", NULL};
            static const char *const nk2[] = {"name", "sector", "building", "leader", "order", NULL};
            const char *name, *sector, *building, *leader;
            rc = ss_reader_only_keys(&b->r, units ? nk2 : nk1);
            if (rc == 0) rc = ss_reader_string(&b->r, "name", false, keys[i].key, &name);
            if (rc == 0) x->name = strdup(name);
            if (rc == 0 && !units) rc = ss_reader_bool(&b->r, "external", false, &x->external);
            if (rc == 0 && units) rc = ss_reader_string(&b->r, "leader", false, NULL, &leader);
            if (rc == 0 && units && leader) x->leader = strdup(leader);
            if (rc == 0 && units) {
                rc = ss_reader_string(&b->r, "sector", false, NULL, &sector);
                m->unit_building[i] = -1;
                if (rc == 0 && sector) {
                    for (int s = 0; s < m->nsectors; s++)
                        if (strcmp(m->sectors[s].id, sector) == 0) x->parent = s;
                    if (x->parent < 0)
                        rc = ss_reader_fail(&b->r, "sector", "unknown sector '%s' (declare it in organisation.sectors)", sector);
                }
                if (rc == 0) rc = ss_reader_string(&b->r, "building", false, NULL, &building);
                if (rc == 0 && building) {
                    for (int s = 0; s < m->nbuildings; s++)
                        if (strcmp(m->buildings[s].id, building) == 0) m->unit_building[i] = s;
                    if (m->unit_building[i] < 0)
                        rc = ss_reader_fail(&b->r, "building", "unknown building '%s' (declare it in organisation.buildings)", building);
                }
            }
            ss_reader_leave(&b->r, s2);
        } else {
            char got[128];
            ss_reader_describe(L, -1, got, sizeof got);
            rc = ss_reader_fail(&b->r, keys[i].key, "expected %s, got %s",
                                units ? "a table { name = ..., sector = ..., building = ... }" : "a name or a table { name = ... }", got);
        }
        lua_pop(L, 1);
    }
    if (rc == 0 || keys) free_keys(keys, nk);
    ss_reader_leave(&b->r, saved);
    lua_pop(L, 1);
    return rc;
}

static int read_organisation(build *b)
{
    ss_model *m = b->m;
    int t = ss_reader_table(&b->r, "organisation", false);
    if (t <= 0) return t;
    char saved[512];
    ss_reader_enter(&b->r, "organisation", saved, sizeof saved);
    static const char *const keys[] = {"sectors", "buildings", "units", "shared_log", NULL};
    int rc = ss_reader_only_keys(&b->r, keys);
    if (rc == 0) rc = ss_reader_bool(&b->r, "shared_log", false, &m->shared_log);
    if (rc == 0) rc = read_named(b, "sectors", &m->sectors, &m->nsectors, false) < 0 ? -1 : 0;
    if (rc == 0) rc = read_named(b, "buildings", &m->buildings, &m->nbuildings, false) < 0 ? -1 : 0;
    if (rc == 0) rc = read_named(b, "units", &m->units, &m->nunits, true) < 0 ? -1 : 0;
    ss_reader_leave(&b->r, saved);
    lua_pop(b->r.L, 1);
    return rc;
}

/* Service ids first (rules refer to each other's services), then each service's fields. */
static int read_service_ids(build *b, keyed **keys, int *nk)
{
    ss_model *m = b->m;
    if (ss_reader_table(&b->r, "services", true) <= 0) return -1;
    char saved[512];
    ss_reader_enter(&b->r, "services", saved, sizeof saved);
    int rc = sorted_keys(b, keys, nk, SS_MAX_SERVICES);
    if (rc == 0 && *nk == 0)
        rc = ss_reader_fail(&b->r, NULL, "expected at least one service");
    if (rc == 0) {
        m->services = calloc(*nk, sizeof *m->services);
        m->nservices = *nk;
        for (int i = 0; i < *nk; i++) {
            m->services[i].id = strdup((*keys)[i].key);
            if (!is_id((*keys)[i].key))
                rc = ss_reader_fail(&b->r, (*keys)[i].key, "a service id may use letters, digits, _ and - only");
        }
    }
    ss_reader_leave(&b->r, saved);
    lua_pop(b->r.L, 1);
    return rc;
}

static int read_capacity(build *b, ss_service *s)
{
    lua_State *L = b->r.L;
    lua_getfield(L, -1, "capacity");
    int rc = 0;
    char saved[512];
    ss_reader_enter(&b->r, "capacity", saved, sizeof saved);
    if (lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "unlimited") == 0) {
        s->cap_kind = SS_CAP_UNLIMITED;
        s->capacity = INFINITY;
    } else if (lua_istable(L, -1)) {
        static const char *const keys[] = {"slots", "slots_per_fte", "hours_per_fte_week", "case_hours", NULL};
        rc = ss_reader_only_keys(&b->r, keys);
        double slots, per_fte, hours;
        if (rc == 0) rc = ss_reader_number(&b->r, "slots", 0, INFINITY, false, NAN, &slots);
        if (rc == 0) rc = ss_reader_number(&b->r, "slots_per_fte", 0, INFINITY, false, NAN, &per_fte);
        if (rc == 0) rc = ss_reader_number(&b->r, "hours_per_fte_week", 0, 168, false, NAN, &hours);
        int forms = !isnan(slots) + !isnan(per_fte) + !isnan(hours);
        if (rc == 0 && forms != 1)
            rc = ss_reader_fail(&b->r, NULL, "expected exactly one of slots, slots_per_fte or hours_per_fte_week");
        if (rc == 0 && !isnan(slots)) {
            s->cap_kind = SS_CAP_SLOTS;
            s->capacity = floor(slots);
        } else if (rc == 0 && !isnan(per_fte)) {
            s->cap_kind = SS_CAP_SLOTS;
            s->capacity = floor(per_fte * s->fte * s->case_share + 0.5);
        } else if (rc == 0) {
            s->cap_kind = SS_CAP_HOURS;
            s->capacity = hours * s->fte * s->case_share;
            lua_getfield(L, -1, "case_hours");
            if (lua_isnil(L, -1))
                rc = ss_reader_fail(&b->r, "case_hours", "missing (hours a week a case needs, a distribution)");
            else {
                char p[600];
                ss_reader_child(&b->r, "case_hours", p, sizeof p);
                rc = ss_dist_from_lua(L, -1, p, &s->case_hours, b->r.d);
                if (rc < 0) {  /* give the message its origin */
                    const char *f = b->r.origin ? b->r.origin(b->r.origin_ud, p) : NULL;
                    if (f && *f) ss_wrap(b->r.d, "%s", f);
                }
            }
            lua_pop(L, 1);
        }
        if (rc == 0 && s->cap_kind != SS_CAP_HOURS) {
            lua_getfield(L, -1, "case_hours");
            if (!lua_isnil(L, -1))
                rc = ss_reader_fail(&b->r, "case_hours", "only applies with hours_per_fte_week");
            lua_pop(L, 1);
        }
    } else {
        char got[128];
        ss_reader_describe(L, -1, got, sizeof got);
        rc = ss_reader_fail(&b->r, NULL, "expected \"unlimited\" or a table with slots, slots_per_fte or hours_per_fte_week, got %s", got);
    }
    ss_reader_leave(&b->r, saved);
    lua_pop(L, 1);
    return rc;
}

/* A distribution field with its file in the message. */
static int read_dist(build *b, const char *key, bool required, double dflt, ss_dist *out)
{
    lua_State *L = b->r.L;
    lua_getfield(L, -1, key);
    int rc = 0;
    if (lua_isnil(L, -1)) {
        if (required)
            rc = ss_reader_fail(&b->r, key, "missing (expected a distribution in days)");
        else
            *out = (ss_dist){.kind = SS_DIST_FIXED, .a = dflt};
    } else {
        char p[600];
        ss_reader_child(&b->r, key, p, sizeof p);
        rc = ss_dist_from_lua(L, -1, p, out, b->r.d);
        if (rc < 0) {
            const char *f = b->r.origin ? b->r.origin(b->r.origin_ud, p) : NULL;
            if (f && *f) ss_wrap(b->r.d, "%s", f);
        }
    }
    lua_pop(L, 1);
    return rc;
}

static int read_episode(build *b, ss_service *s)
{
    ss_model *m = b->m;
    lua_State *L = b->r.L;
    s->episode = calloc(m->nneeds, sizeof(ss_dist));
    lua_getfield(L, -1, "episode");
    bool by_need = false;
    if (lua_istable(L, -1)) {
        lua_getfield(L, -1, "by_need");
        by_need = !lua_isnil(L, -1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (!by_need) {
        if (read_dist(b, "episode", true, 0, &s->episode[0]) < 0) return -1;
        for (int i = 1; i < m->nneeds; i++) ss_dist_copy(&s->episode[i], &s->episode[0]);
        return 0;
    }
    lua_getfield(L, -1, "episode");
    char saved[512];
    ss_reader_enter(&b->r, "episode", saved, sizeof saved);
    static const char *const keys[] = {"by_need", "default", NULL};
    int rc = ss_reader_only_keys(&b->r, keys);
    for (int i = 0; rc == 0 && i < m->nneeds; i++) {
        lua_getfield(L, -1, "by_need");
        char s2[512];
        ss_reader_enter(&b->r, "by_need", s2, sizeof s2);
        lua_getfield(L, -1, m->needs[i]);
        bool has = !lua_isnil(L, -1);
        lua_pop(L, 1);
        if (has) rc = read_dist(b, m->needs[i], true, 0, &s->episode[i]);
        ss_reader_leave(&b->r, s2);
        lua_pop(L, 1);
        if (!has) {
            lua_getfield(L, -1, "default");
            bool hasd = !lua_isnil(L, -1);
            lua_pop(L, 1);
            if (hasd) rc = read_dist(b, "default", true, 0, &s->episode[i]);
            else rc = ss_reader_fail(&b->r, "by_need", "has no entry for need '%s' and there is no default", m->needs[i]);
        }
    }
    ss_reader_leave(&b->r, saved);
    lua_pop(L, 1);
    return rc;
}

static int read_eligibility(build *b, ss_service *s)
{
    ss_model *m = b->m;
    lua_State *L = b->r.L;
    s->age_min = 0;
    s->age_max = 150;
    s->max_severity = SS_MAX_SEVERITY;
    s->need_mask = m->nneeds >= 32 ? 0xffffffffu : ((1u << m->nneeds) - 1);
    int t = ss_reader_table(&b->r, "eligibility", false);
    if (t <= 0) return t;
    char saved[512];
    ss_reader_enter(&b->r, "eligibility", saved, sizeof saved);
    static const char *const keys[] = {"ages", "needs", "max_severity", NULL};
    int rc = ss_reader_only_keys(&b->r, keys);
    if (rc == 0) rc = read_ages(b, "ages", &s->age_min, &s->age_max, false, 0, 150);
    double maxsev;
    if (rc == 0) rc = ss_reader_number(&b->r, "max_severity", 1, SS_MAX_SEVERITY, false, SS_MAX_SEVERITY, &maxsev);
    s->max_severity = (int)maxsev;
    if (rc == 0) {
        int tn = ss_reader_table(&b->r, "needs", false);
        if (tn < 0) rc = -1;
        if (tn > 0) {
            s->need_mask = 0;
            int n = (int)luaL_len(L, -1);
            for (int i = 0; rc == 0 && i < n; i++) {
                lua_rawgeti(L, -1, i + 1);
                int ix = lua_type(L, -1) == LUA_TSTRING ? ss_model_need_index(m, lua_tostring(L, -1)) : -1;
                if (ix < 0) {
                    char got[128], k[32];
                    ss_reader_describe(L, -1, got, sizeof got);
                    snprintf(k, sizeof k, "needs.%d", i + 1);
                    rc = ss_reader_fail(&b->r, k, "unknown need %s (declare it in needs)", got);
                } else {
                    s->need_mask |= 1u << ix;
                }
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
        }
    }
    ss_reader_leave(&b->r, saved);
    lua_pop(L, 1);
    return rc;
}

/* queue = "fifo" | { "priority", by_severity = {p1, p2, ...} } | { "priority", rule = "x.lua" } */
static int read_queue(build *b, ss_service *s)
{
    lua_State *L = b->r.L;
    lua_getfield(L, -1, "queue");
    int rc = 0;
    char saved[512];
    ss_reader_enter(&b->r, "queue", saved, sizeof saved);
    s->priority.point = "priority";
    if (lua_isnil(L, -1) || (lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "fifo") == 0)) {
        s->priority_queue = false;
    } else if (lua_istable(L, -1)) {
        lua_rawgeti(L, -1, 1);
        bool prio = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "priority") == 0;
        lua_pop(L, 1);
        lua_getfield(L, -1, "by_severity");
        bool has_sev = !lua_isnil(L, -1);
        lua_pop(L, 1);
        lua_getfield(L, -1, "rule");
        bool has_rule = !lua_isnil(L, -1);
        lua_pop(L, 1);
        if (!prio || has_sev == has_rule) {
            rc = ss_reader_fail(&b->r, NULL, "expected \"fifo\", { \"priority\", by_severity = {...} } or { \"priority\", rule = \"rules/x.lua\" }");
        } else if (has_rule) {
            const char *ref;
            rc = ss_reader_string(&b->r, "rule", true, NULL, &ref);
            if (rc == 0 && !is_rule_ref(ref))
                rc = ss_reader_fail(&b->r, "rule", "expected a rule file \"rules/x.lua\", got \"%s\"", ref);
            if (rc == 0) rc = add_lua_rule(b, "rule", ref, "priority", &s->priority);
            s->priority_queue = true;
        } else {
            s->priority_queue = true;
            s->priority.kind = SS_RULE_DATA;
            s->priority.by_severity = calloc(SS_MAX_SEVERITY + 1, sizeof(double));
            lua_getfield(L, -1, "by_severity");
            int n = lua_istable(L, -1) ? (int)luaL_len(L, -1) : -1;
            if (n < 1 || n > SS_MAX_SEVERITY)
                rc = ss_reader_fail(&b->r, "by_severity", "expected a list of priorities for severity 1, 2, ... (lower is served first)");
            for (int i = 1; rc == 0 && i <= SS_MAX_SEVERITY; i++) {
                lua_rawgeti(L, -1, i <= n ? i : n);
                if (lua_type(L, -1) != LUA_TNUMBER) {
                    char got[128], k[40];
                    ss_reader_describe(L, -1, got, sizeof got);
                    snprintf(k, sizeof k, "by_severity.%d", i);
                    rc = ss_reader_fail(&b->r, k, "expected a number, got %s", got);
                } else {
                    s->priority.by_severity[i] = lua_tonumber(L, -1);
                }
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
        }
    } else {
        char got[128];
        ss_reader_describe(L, -1, got, sizeof got);
        rc = ss_reader_fail(&b->r, NULL, "expected \"fifo\" or { \"priority\", ... }, got %s", got);
    }
    ss_reader_leave(&b->r, saved);
    lua_pop(L, 1);
    return rc;
}

/* at_age = { [18] = "dps", [23] = "discharge" } or a rule file; default: continue. */
static int read_at_age(build *b, ss_service *s)
{
    lua_State *L = b->r.L;
    s->at_age.point = "at_age";
    lua_getfield(L, -1, "at_age");
    int rc = 0;
    if (lua_type(L, -1) == LUA_TSTRING && is_rule_ref(lua_tostring(L, -1))) {
        char ref[1024];
        snprintf(ref, sizeof ref, "%s", lua_tostring(L, -1));
        lua_pop(L, 1);
        return add_lua_rule(b, "at_age", ref, "at_age", &s->at_age);
    }
    char saved[512];
    ss_reader_enter(&b->r, "at_age", saved, sizeof saved);
    if (lua_istable(L, -1)) {
        targets t = {.m = b->m, .discharge = true, .cont = true};
        s->at_age.kind = SS_RULE_DATA;
        for (int k = 0; rc == 0 && k < b->m->nage_boundaries; k++) {
            int age = (int)b->m->age_boundaries[k];
            lua_rawgeti(L, -1, age);
            if (!lua_isnil(L, -1)) {
                int ix = lua_type(L, -1) == LUA_TSTRING ? target_index(&t, lua_tostring(L, -1)) : -100;
                if (ix == -100) {
                    char list[1024], got[128], key[16];
                    target_list(&t, list, sizeof list);
                    ss_reader_describe(L, -1, got, sizeof got);
                    snprintf(key, sizeof key, "%d", age);
                    rc = ss_reader_fail(&b->r, key, "expected one of: %s; got %s", list, got);
                } else {
                    s->at_age_boundary[s->n_at_age] = age;
                    s->at_age_target[s->n_at_age++] = ix;
                }
            }
            lua_pop(L, 1);
        }
        lua_pushnil(L);  /* every key must be a declared boundary */
        while (rc == 0 && lua_next(L, -2)) {
            lua_pop(L, 1);
            bool ok = lua_isinteger(L, -1);
            int found = 0;
            for (int k = 0; ok && k < b->m->nage_boundaries; k++)
                if ((double)lua_tointeger(L, -1) == b->m->age_boundaries[k]) found = 1;
            if (!found) {
                char got[128];
                ss_reader_describe(L, -1, got, sizeof got);
                rc = ss_reader_fail(&b->r, NULL, "key %s is not one of the scenario's age_boundaries", got);
                lua_pop(L, 1);
            }
        }
    } else if (!lua_isnil(L, -1)) {
        char got[128];
        ss_reader_describe(L, -1, got, sizeof got);
        rc = ss_reader_fail(&b->r, NULL, "expected { [18] = \"service\" | \"discharge\" | \"continue\" } or a rule file, got %s", got);
    }
    ss_reader_leave(&b->r, saved);
    lua_pop(L, 1);
    return rc;
}


/* deterioration = { mean_days = 120, escalate_to = "bup" } */
static int read_deterioration(build *b, ss_service *s)
{
    s->deteriorate_mean = INFINITY;
    s->escalate_to = -1;
    int t = ss_reader_table(&b->r, "deterioration", false);
    if (t <= 0) return t;
    char saved[512];
    ss_reader_enter(&b->r, "deterioration", saved, sizeof saved);
    static const char *const keys[] = {"mean_days", "escalate_to", NULL};
    const char *to;
    int rc = ss_reader_only_keys(&b->r, keys);
    if (rc == 0) rc = ss_reader_number(&b->r, "mean_days", 0.01, INFINITY, true, 0, &s->deteriorate_mean);
    if (rc == 0) rc = ss_reader_string(&b->r, "escalate_to", false, NULL, &to);
    if (rc == 0 && to && (s->escalate_to = ss_model_service_index(b->m, to)) < 0)
        rc = ss_reader_fail(&b->r, "escalate_to", "unknown service '%s'", to);
    ss_reader_leave(&b->r, saved);
    lua_pop(b->r.L, 1);
    return rc;
}

/* relapse = { share = 0.1, after = dist } */
static int read_relapse(build *b, ss_service *s)
{
    int t = ss_reader_table(&b->r, "relapse", false);
    if (t <= 0) return t;
    char saved[512];
    ss_reader_enter(&b->r, "relapse", saved, sizeof saved);
    static const char *const keys[] = {"share", "after", NULL};
    int rc = ss_reader_only_keys(&b->r, keys);
    if (rc == 0) rc = ss_reader_number(&b->r, "share", 0, 1, true, 0, &s->relapse_share);
    if (rc == 0) rc = read_dist(b, "after", true, 0, &s->relapse_after);
    ss_reader_leave(&b->r, saved);
    lua_pop(b->r.L, 1);
    return rc;
}

static int read_service(build *b, ss_service *s)
{
    ss_model *m = b->m;
    static const char *const keys[] = {"name", "unit", "fte", "case_share", "capacity", "eligibility",
                                       "intake", "episode", "queue", "target_wait_days", "accept",
                                       "next", "at_age", "order", "meeting", "decision_limit_days",
                                       "deterioration", "relapse", NULL};
    const char *name;
    int rc = ss_reader_only_keys(&b->r, keys);
    if (rc == 0) rc = ss_reader_string(&b->r, "name", false, s->id, &name);
    if (rc == 0) s->name = strdup(name);
    if (rc == 0) rc = read_unit(b, &s->unit);
    if (rc == 0) rc = read_meeting(b, false, &s->meeting);
    if (rc == 0) rc = ss_reader_number(&b->r, "decision_limit_days", 0, INFINITY, false, INFINITY, &s->decision_limit);
    if (rc == 0) rc = read_deterioration(b, s);
    if (rc == 0) rc = read_relapse(b, s);
    if (rc == 0) rc = ss_reader_number(&b->r, "fte", 0, INFINITY, false, 0, &s->fte);
    if (rc == 0) rc = ss_reader_number(&b->r, "case_share", 0, 1, false, 1, &s->case_share);
    if (rc == 0) rc = read_capacity(b, s);
    if (rc == 0) rc = read_eligibility(b, s);
    if (rc == 0) rc = read_dist(b, "intake", false, 0, &s->intake);
    if (rc == 0) rc = read_episode(b, s);
    if (rc == 0) rc = read_queue(b, s);
    if (rc == 0) rc = ss_reader_number(&b->r, "target_wait_days", 0, INFINITY, false, INFINITY, &s->target_wait);
    s->accept.point = "accept";
    if (rc == 0) {
        const char *ref;
        rc = ss_reader_string(&b->r, "accept", false, NULL, &ref);
        if (rc == 0 && ref && !is_rule_ref(ref))
            rc = ss_reader_fail(&b->r, "accept", "expected a rule file \"rules/x.lua\" (eligibility itself goes in eligibility), got \"%s\"", ref);
        if (rc == 0 && ref) rc = add_lua_rule(b, "accept", ref, "accept", &s->accept);
    }
    targets t = {.m = m, .discharge = true};
    if (rc == 0) rc = read_rule(b, "next", "next", &t, SS_T_DISCHARGE, &s->next);
    if (rc == 0) rc = read_at_age(b, s);
    return rc;
}

static int read_services(build *b, keyed *keys)
{
    ss_model *m = b->m;
    lua_State *L = b->r.L;
    ss_reader_table(&b->r, "services", true);
    char saved[512];
    ss_reader_enter(&b->r, "services", saved, sizeof saved);
    int rc = 0;
    for (int i = 0; rc == 0 && i < m->nservices; i++) {
        lua_getfield(L, -1, keys[i].key);
        char s2[512];
        ss_reader_enter(&b->r, keys[i].key, s2, sizeof s2);
        if (!lua_istable(L, -1)) {
            char got[128];
            ss_reader_describe(L, -1, got, sizeof got);
            rc = ss_reader_fail(&b->r, NULL, "expected a table describing the service, got %s", got);
        } else {
            rc = read_service(b, &m->services[i]);
        }
        ss_reader_leave(&b->r, s2);
        lua_pop(L, 1);
    }
    ss_reader_leave(&b->r, saved);
    lua_pop(L, 1);
    return rc;
}

static int read_doors(build *b)
{
    ss_model *m = b->m;
    lua_State *L = b->r.L;
    int t = ss_reader_table(&b->r, "doors", false);
    if (t <= 0) return t;
    char saved[512];
    ss_reader_enter(&b->r, "doors", saved, sizeof saved);
    keyed *keys;
    int nk, rc = sorted_keys(b, &keys, &nk, 64);
    if (rc == 0) {
        m->doors = calloc(nk ? nk : 1, sizeof *m->doors);
        for (int i = 0; i < nk; i++) {
            m->doors[i].id = strdup(keys[i].key);
            m->doors[i].unit = -1;
        }
        m->ndoors = nk;
    }
    targets tg = {.m = m};
    for (int i = 0; rc == 0 && i < nk; i++) {
        ss_door *door = &m->doors[i];
        lua_getfield(L, -1, keys[i].key);
        char s2[512];
        ss_reader_enter(&b->r, keys[i].key, s2, sizeof s2);
        if (!lua_istable(L, -1)) {
            char got[128];
            ss_reader_describe(L, -1, got, sizeof got);
            rc = ss_reader_fail(&b->r, NULL, "expected a table { name = ..., route = ... }, got %s", got);
        } else {
            static const char *const dk[] = {"name", "route", "order", "unit", "meeting", NULL};
            const char *name;
            rc = ss_reader_only_keys(&b->r, dk);
            if (rc == 0) rc = ss_reader_string(&b->r, "name", false, door->id, &name);
            if (rc == 0) door->name = strdup(name);
            if (rc == 0) rc = read_unit(b, &door->unit);
            if (rc == 0) rc = read_meeting(b, true, &door->meeting);
            if (rc == 0) rc = read_rule(b, "route", "route", &tg, -100, &door->route);
        }
        ss_reader_leave(&b->r, s2);
        lua_pop(L, 1);
    }
    if (rc == 0 || keys) free_keys(keys, nk);
    ss_reader_leave(&b->r, saved);
    lua_pop(L, 1);
    return rc;
}

static int read_population(build *b)
{
    ss_model *m = b->m;
    lua_State *L = b->r.L;
    int t = ss_reader_table(&b->r, "population", false);
    if (t <= 0) return t;
    char saved[512];
    ss_reader_enter(&b->r, "population", saved, sizeof saved);
    keyed *keys;
    int nk, rc = sorted_keys(b, &keys, &nk, 200);
    if (rc == 0) {
        m->cohorts = calloc(nk ? nk : 1, sizeof *m->cohorts);
        m->ncohorts = nk;
    }
    for (int i = 0; rc == 0 && i < nk; i++) {
        ss_cohort *c = &m->cohorts[i];
        c->id = strdup(keys[i].key);
        lua_getfield(L, -1, keys[i].key);
        char s2[512];
        ss_reader_enter(&b->r, keys[i].key, s2, sizeof s2);
        if (!lua_istable(L, -1)) {
            rc = ss_reader_fail(&b->r, NULL, "expected a table { ages = {min, max}, count = N, growth = g }");
        } else {
            static const char *const ck[] = {"ages", "count", "growth", "order", NULL};
            rc = ss_reader_only_keys(&b->r, ck);
            if (rc == 0) rc = read_ages(b, "ages", &c->age_min, &c->age_max, true, 0, 0);
            if (rc == 0) rc = ss_reader_number(&b->r, "count", 0, INFINITY, true, 0, &c->count);
            if (rc == 0) rc = ss_reader_number(&b->r, "growth", -0.5, 0.5, false, 0, &c->growth);
        }
        ss_reader_leave(&b->r, s2);
        lua_pop(L, 1);
    }
    if (rc == 0 || keys) free_keys(keys, nk);
    ss_reader_leave(&b->r, saved);
    lua_pop(L, 1);
    return rc;
}

static int read_severity(build *b, ss_demand *dm)
{
    lua_State *L = b->r.L;
    int t = ss_reader_table(&b->r, "severity", false);
    if (t < 0) return -1;
    if (t == 0) {
        dm->nseverity = 1;
        dm->severity_cum[0] = 1;
        return 0;
    }
    int n = (int)luaL_len(L, -1), rc = 0;
    double sum = 0;
    if (n < 1 || n > SS_MAX_SEVERITY)
        rc = ss_reader_fail(&b->r, "severity", "expected a list of 1 to %d probabilities for severity 1, 2, ...", SS_MAX_SEVERITY);
    for (int i = 0; rc == 0 && i < n; i++) {
        lua_rawgeti(L, -1, i + 1);
        if (lua_type(L, -1) != LUA_TNUMBER || lua_tonumber(L, -1) < 0 || lua_tonumber(L, -1) > 1) {
            char got[128], k[32];
            ss_reader_describe(L, -1, got, sizeof got);
            snprintf(k, sizeof k, "severity.%d", i + 1);
            rc = ss_reader_fail(&b->r, k, "expected a probability from 0 to 1, got %s", got);
        } else {
            sum += lua_tonumber(L, -1);
            dm->severity_cum[i] = sum;
        }
        lua_pop(L, 1);
    }
    if (rc == 0 && fabs(sum - 1) > 1e-6)
        rc = ss_reader_fail(&b->r, "severity", "probabilities sum to %g, expected 1", sum);
    if (rc == 0) {
        dm->nseverity = n;
        dm->severity_cum[n - 1] = 1;
    }
    lua_pop(L, 1);
    return rc;
}

static int read_one_demand(build *b, ss_demand *dm)
{
    ss_model *m = b->m;
    static const char *const keys[] = {"need", "cohort", "per_1000_per_year", "rate_per_year",
                                       "rate_per_day", "ages", "severity", "complex_share",
                                       "seasonal", "door", "service", NULL};
    const char *need, *cohort, *service;
    int rc = ss_reader_only_keys(&b->r, keys);
    if (rc == 0) rc = ss_reader_string(&b->r, "need", m->nneeds > 1, m->needs[0], &need);
    if (rc == 0 && (dm->need = ss_model_need_index(m, need)) < 0)
        rc = ss_reader_fail(&b->r, "need", "unknown need '%s' (declare it in needs)", need);
    if (rc == 0) rc = ss_reader_string(&b->r, "cohort", false, NULL, &cohort);
    dm->cohort = -1;
    double per_year, per_day;
    if (rc == 0 && cohort) {
        for (int i = 0; i < m->ncohorts; i++)
            if (strcmp(m->cohorts[i].id, cohort) == 0) dm->cohort = i;
        if (dm->cohort < 0)
            rc = ss_reader_fail(&b->r, "cohort", "unknown cohort '%s' (declare it in population)", cohort);
        if (rc == 0) rc = ss_reader_number(&b->r, "per_1000_per_year", 0, 1000, true, 0, &dm->per_1000);
        if (rc == 0) {
            double x;
            rc = ss_reader_number(&b->r, "rate_per_day", 0, INFINITY, false, NAN, &x);
            if (rc == 0 && !isnan(x)) rc = ss_reader_fail(&b->r, "rate_per_day", "a cohort's demand is given by per_1000_per_year, not a rate");
        }
        if (rc == 0) {
            const ss_cohort *c = &m->cohorts[dm->cohort];
            rc = read_ages(b, "ages", &dm->age_min, &dm->age_max, false, c->age_min, c->age_max);
        }
    } else if (rc == 0) {
        rc = ss_reader_number(&b->r, "rate_per_day", 0, INFINITY, false, NAN, &per_day);
        if (rc == 0) rc = ss_reader_number(&b->r, "rate_per_year", 0, INFINITY, false, NAN, &per_year);
        if (rc == 0 && isnan(per_day) == isnan(per_year))
            rc = ss_reader_fail(&b->r, NULL, "expected a cohort with per_1000_per_year, or exactly one of rate_per_day and rate_per_year");
        if (rc == 0) dm->rate_per_day = isnan(per_day) ? per_year / 365.25 : per_day;
        if (rc == 0) rc = read_ages(b, "ages", &dm->age_min, &dm->age_max, false, 30, 30.0001);
    }
    if (rc == 0) rc = read_severity(b, dm);
    if (rc == 0) rc = ss_reader_number(&b->r, "complex_share", 0, 1, false, 0, &dm->complex_share);
    if (rc == 0) rc = ss_reader_bool(&b->r, "seasonal", true, &dm->seasonal);
    if (rc == 0) rc = ss_reader_string(&b->r, "service", false, NULL, &service);
    dm->direct_service = -1;
    dm->door.point = "door";
    if (rc == 0 && service) {
        if ((dm->direct_service = ss_model_service_index(m, service)) < 0)
            rc = ss_reader_fail(&b->r, "service", "unknown service '%s'", service);
        lua_getfield(b->r.L, -1, "door");
        if (rc == 0 && !lua_isnil(b->r.L, -1))
            rc = ss_reader_fail(&b->r, "door", "give either door or service, not both");
        lua_pop(b->r.L, 1);
    } else if (rc == 0) {
        if (m->ndoors == 0)
            rc = ss_reader_fail(&b->r, NULL, "names no service and the scenario has no doors");
        targets t = {.m = m, .doors = true};
        if (rc == 0) rc = read_rule(b, "door", "door", &t, m->ndoors == 1 ? 0 : -100, &dm->door);
    }
    return rc;
}

static int read_demand(build *b)
{
    ss_model *m = b->m;
    lua_State *L = b->r.L;
    if (ss_reader_table(&b->r, "demand", true) <= 0) return -1;
    char saved[512];
    ss_reader_enter(&b->r, "demand", saved, sizeof saved);
    int n = (int)luaL_len(L, -1), rc = 0;
    if (n < 1)
        rc = ss_reader_fail(&b->r, NULL, "expected a list of demand streams { need = ..., cohort = ..., per_1000_per_year = ... }");
    m->demand = calloc(n > 0 ? n : 1, sizeof *m->demand);
    for (int i = 0; rc == 0 && i < n; i++) {
        char k[16], s2[512];
        snprintf(k, sizeof k, "%d", i + 1);
        lua_rawgeti(L, -1, i + 1);
        ss_reader_enter(&b->r, k, s2, sizeof s2);
        m->ndemand++;
        if (!lua_istable(L, -1))
            rc = ss_reader_fail(&b->r, NULL, "expected a table describing a demand stream");
        else
            rc = read_one_demand(b, &m->demand[i]);
        ss_reader_leave(&b->r, s2);
        lua_pop(L, 1);
    }
    ss_reader_leave(&b->r, saved);
    lua_pop(L, 1);
    return rc;
}

static int read_age_boundaries(build *b)
{
    ss_model *m = b->m;
    lua_State *L = b->r.L;
    int t = ss_reader_table(&b->r, "age_boundaries", false);
    if (t <= 0) return t;
    int n = (int)luaL_len(L, -1), rc = 0;
    if (n > 8) rc = ss_reader_fail(&b->r, "age_boundaries", "at most 8 boundaries are supported");
    for (int i = 0; rc == 0 && i < n; i++) {
        lua_rawgeti(L, -1, i + 1);
        if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1 || lua_tointeger(L, -1) > 120 ||
            (i > 0 && lua_tointeger(L, -1) <= m->age_boundaries[i - 1])) {
            char got[128], k[40];
            ss_reader_describe(L, -1, got, sizeof got);
            snprintf(k, sizeof k, "age_boundaries.%d", i + 1);
            rc = ss_reader_fail(&b->r, k, "expected whole ages in increasing order, got %s", got);
        } else {
            m->age_boundaries[m->nage_boundaries++] = (double)lua_tointeger(L, -1);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return rc;
}

static int read_limits(build *b)
{
    ss_model *m = b->m;
    m->rule_instructions = 1000000;
    m->rule_memory = 64u << 20;
    int t = ss_reader_table(&b->r, "limits", false);
    if (t <= 0) return t;
    char saved[512];
    ss_reader_enter(&b->r, "limits", saved, sizeof saved);
    static const char *const keys[] = {"rule_instructions", "rule_memory_mib", NULL};
    double ins, mib;
    int rc = ss_reader_only_keys(&b->r, keys);
    if (rc == 0) rc = ss_reader_number(&b->r, "rule_instructions", 1000, 1e10, false, 1e6, &ins);
    if (rc == 0) rc = ss_reader_number(&b->r, "rule_memory_mib", 1, 4096, false, 64, &mib);
    m->rule_instructions = (long)ins;
    m->rule_memory = (size_t)(mib * 1024 * 1024);
    ss_reader_leave(&b->r, saved);
    lua_pop(b->r.L, 1);
    return rc;
}


/* ---- hand-offs and coordination ------------------------------------------------------------ */

const char *const ss_distance_names[SS_DISTANCES] = {"same_unit", "same_sector", "across_sectors", "outside"};

static int read_cost(build *b, const char *key, ss_handoff_cost *c)
{
    c->delay = (ss_dist){.kind = SS_DIST_FIXED, .a = 0};
    int t = ss_reader_table(&b->r, key, false);
    if (t <= 0) return t;
    char saved[512];
    ss_reader_enter(&b->r, key, saved, sizeof saved);
    static const char *const keys[] = {"delay", "info_loss", "rejection", "lost", NULL};
    int rc = ss_reader_only_keys(&b->r, keys);
    if (rc == 0) rc = read_dist(b, "delay", false, 0, &c->delay);
    if (rc == 0) rc = ss_reader_number(&b->r, "info_loss", 0, 1, false, 0, &c->info_loss);
    if (rc == 0) rc = ss_reader_number(&b->r, "rejection", 0, 1, false, 0, &c->rejection);
    if (rc == 0) rc = ss_reader_number(&b->r, "lost", 0, 1, false, 0, &c->lost);
    ss_reader_leave(&b->r, saved);
    lua_pop(b->r.L, 1);
    return rc;
}

static int read_factors(build *b, const char *key, double f[4])
{
    for (int i = 0; i < 4; i++) f[i] = 1;
    int t = ss_reader_table(&b->r, key, false);
    if (t <= 0) return t;
    char saved[512];
    ss_reader_enter(&b->r, key, saved, sizeof saved);
    static const char *const keys[] = {"delay", "info_loss", "rejection", "lost", NULL};
    int rc = ss_reader_only_keys(&b->r, keys);
    for (int i = 0; rc == 0 && i < 4; i++)
        rc = ss_reader_number(&b->r, keys[i], 0, INFINITY, false, 1, &f[i]);
    ss_reader_leave(&b->r, saved);
    lua_pop(b->r.L, 1);
    return rc;
}

/* costs = { nok_per_fte = 950000 }: what a year of one FTE costs, so comparisons can show NOK */
static int read_costs(build *b)
{
    b->m->nok_per_fte = NAN;
    int t = ss_reader_table(&b->r, "costs", false);
    if (t <= 0) return t;
    char saved[512];
    ss_reader_enter(&b->r, "costs", saved, sizeof saved);
    static const char *const keys[] = {"nok_per_fte", NULL};
    int rc = ss_reader_only_keys(&b->r, keys);
    if (rc == 0) rc = ss_reader_number(&b->r, "nok_per_fte", 0, INFINITY, true, 0, &b->m->nok_per_fte);
    ss_reader_leave(&b->r, saved);
    lua_pop(b->r.L, 1);
    return rc;
}

static int read_handoffs(build *b)
{
    ss_model *m = b->m;
    for (int i = 0; i < SS_DISTANCES; i++) m->handoff[i].delay = (ss_dist){.kind = SS_DIST_FIXED};
    for (int i = 0; i < 4; i++) m->co_location[i] = m->shared_log_factor[i] = 1;
    m->reassessment = (ss_dist){.kind = SS_DIST_FIXED};
    int t = ss_reader_table(&b->r, "handoffs", false);
    if (t <= 0) return t;
    char saved[512];
    ss_reader_enter(&b->r, "handoffs", saved, sizeof saved);
    static const char *const keys[] = {"same_unit", "same_sector", "across_sectors", "outside",
                                       "co_location", "shared_log", "reassessment", "max_bounces", NULL};
    double bounces;
    int rc = ss_reader_only_keys(&b->r, keys);
    for (int i = 0; rc == 0 && i < SS_DISTANCES; i++) rc = read_cost(b, ss_distance_names[i], &m->handoff[i]);
    if (rc == 0) rc = read_factors(b, "co_location", m->co_location);
    if (rc == 0) rc = read_factors(b, "shared_log", m->shared_log_factor);
    if (rc == 0) rc = read_dist(b, "reassessment", false, 0, &m->reassessment);
    if (rc == 0) rc = ss_reader_number(&b->r, "max_bounces", 0, 100, false, 0, &bounces);
    m->max_bounces = (int)bounces;
    ss_reader_leave(&b->r, saved);
    lua_pop(b->r.L, 1);
    return rc;
}

static int read_coordination(build *b)
{
    ss_model *m = b->m;
    ss_coordination *c = &m->coord;
    c->unit = -1;
    int t = ss_reader_table(&b->r, "coordination", false);
    if (t <= 0) return t;
    char saved[512];
    ss_reader_enter(&b->r, "coordination", saved, sizeof saved);
    static const char *const keys[] = {"unit", "notified", "offer_delay", "consent", "coordinators",
                                       "cases_per_coordinator", "responsibility_group", "sectors",
                                       "children", NULL};
    double per;
    int rc = ss_reader_only_keys(&b->r, keys);
    if (rc == 0) rc = read_unit(b, &c->unit);
    if (rc == 0) rc = ss_reader_number(&b->r, "notified", 0, 1, false, 1, &c->notified);
    if (rc == 0) rc = read_dist(b, "offer_delay", false, 0, &c->offer_delay);
    if (rc == 0) rc = ss_reader_number(&b->r, "consent", 0, 1, false, 1, &c->consent);
    if (rc == 0) rc = ss_reader_number(&b->r, "coordinators", 0, 1e6, true, 0, &c->coordinators);
    if (rc == 0) rc = ss_reader_number(&b->r, "cases_per_coordinator", 0, 1000, false, 1, &per);
    if (rc == 0) c->pool = (int)floor(c->coordinators * per + 1e-9);
    c->from_sectors = ~0ull;  /* default: coordinators for everyone */
    if (rc == 0) {
        int t2 = ss_reader_table(&b->r, "sectors", false);
        if (t2 < 0) rc = -1;
        if (t2 > 0) {
            c->from_sectors = 0;
            int n = (int)luaL_len(b->r.L, -1);
            for (int i = 0; rc == 0 && i < n; i++) {
                lua_rawgeti(b->r.L, -1, i + 1);
                int sec = -1;
                for (int k = 0; lua_type(b->r.L, -1) == LUA_TSTRING && k < m->nsectors; k++)
                    if (strcmp(m->sectors[k].id, lua_tostring(b->r.L, -1)) == 0) sec = k;
                if (sec < 0) {
                    char got[128], key[40];
                    ss_reader_describe(b->r.L, -1, got, sizeof got);
                    snprintf(key, sizeof key, "sectors.%d", i + 1);
                    rc = ss_reader_fail(&b->r, key, "unknown sector %s (declare it in organisation.sectors)", got);
                }
                for (int sv = 0; rc == 0 && sv < m->nservices; sv++) {
                    int u = m->services[sv].unit;
                    if (u >= 0 && m->units[u].parent == sec) c->from_sectors |= 1ull << sv;
                }
                lua_pop(b->r.L, 1);
            }
            lua_pop(b->r.L, 1);
        }
    }
    if (rc == 0) {
        int g = ss_reader_table(&b->r, "responsibility_group", false);
        if (g < 0) rc = -1;
        if (g > 0) {
            char s2[512];
            ss_reader_enter(&b->r, "responsibility_group", s2, sizeof s2);
            static const char *const gk[] = {"every_weeks", "hours", NULL};
            double weeks;
            rc = ss_reader_only_keys(&b->r, gk);
            if (rc == 0) rc = ss_reader_number(&b->r, "every_weeks", 0.1, 520, true, 0, &weeks);
            if (rc == 0) rc = ss_reader_number(&b->r, "hours", 0, 100, true, 0, &c->rg_hours);
            c->rg_every = weeks * 7;
            ss_reader_leave(&b->r, s2);
            lua_pop(b->r.L, 1);
        }
    }
    c->child_from = INFINITY;
    if (rc == 0) {  /* children = { from = "2022-08-01", min_severity = 3 }: barnekoordinator */
        int g = ss_reader_table(&b->r, "children", false);
        if (g < 0) rc = -1;
        if (g > 0) {
            char s2[512];
            ss_reader_enter(&b->r, "children", s2, sizeof s2);
            static const char *const ck[] = {"from", "min_severity", NULL};
            const char *from;
            double sev;
            ss_date dt;
            rc = ss_reader_only_keys(&b->r, ck);
            if (rc == 0) rc = ss_reader_string(&b->r, "from", false, "2022-08-01", &from);
            if (rc == 0 && ss_date_parse(from, &dt) < 0)
                rc = ss_reader_fail(&b->r, "from", "expected a date \"YYYY-MM-DD\", got \"%s\"", from);
            if (rc == 0) c->child_from = (double)(ss_date_to_epoch(dt) - m->cal.start);
            if (rc == 0) rc = ss_reader_number(&b->r, "min_severity", 1, SS_MAX_SEVERITY, false, 1, &sev);
            c->child_min_severity = (int)sev;
            ss_reader_leave(&b->r, s2);
            lua_pop(b->r.L, 1);
        }
    }
    c->on = rc == 0;
    ss_reader_leave(&b->r, saved);
    lua_pop(b->r.L, 1);
    return rc;
}

/* The distance between two units: one unit (or one leader), one sector, across sectors, or
 * outside the municipality.  No unit at all counts as across sectors. */
static ss_distance unit_distance(const ss_model *m, int a, int b)
{
    bool ext_a = a >= 0 && m->units[a].parent >= 0 && m->sectors[m->units[a].parent].external;
    bool ext_b = b >= 0 && m->units[b].parent >= 0 && m->sectors[m->units[b].parent].external;
    if (ext_a || ext_b) return SS_OUTSIDE;
    if (a < 0 || b < 0) return SS_ACROSS_SECTORS;
    if (a == b) return SS_SAME_UNIT;
    if (m->units[a].leader && m->units[b].leader && strcmp(m->units[a].leader, m->units[b].leader) == 0)
        return SS_SAME_UNIT;
    if (m->units[a].parent >= 0 && m->units[a].parent == m->units[b].parent) return SS_SAME_SECTOR;
    return SS_ACROSS_SECTORS;
}

static void compute_distances(ss_model *m)
{
    int nodes = m->nservices + m->ndoors;
    m->distance = calloc((size_t)nodes * m->nservices, 1);
    m->co_located = calloc((size_t)nodes * m->nservices, 1);
    for (int from = 0; from < nodes; from++) {
        int u = from < m->nservices ? m->services[from].unit : m->doors[from - m->nservices].unit;
        for (int to = 0; to < m->nservices; to++) {
            int v = m->services[to].unit;
            m->distance[(long)from * m->nservices + to] = (unsigned char)unit_distance(m, u, v);
            m->co_located[(long)from * m->nservices + to] = u >= 0 && v >= 0 && m->unit_building[u] >= 0 &&
                                                            m->unit_building[u] == m->unit_building[v];
        }
    }
}

ss_model *ss_model_build(lua_State *L, int idx, ss_origin_fn origin, void *origin_ud, ss_diag *d)
{
    build b = {.r = {.L = L, .origin = origin, .origin_ud = origin_ud, .d = d}};
    b.m = calloc(1, sizeof *b.m);
    ss_model *m = b.m;
    lua_pushvalue(L, idx);
    static const char *const keys[] = {"name", "description", "calendar", "needs", "organisation",
                                       "services", "doors", "population", "demand",
                                       "age_boundaries", "limits", "handoffs", "coordination", "costs", NULL};
    const char *name, *desc;
    keyed *svc_keys = NULL;
    int nsvc = 0;
    int rc = ss_reader_only_keys(&b.r, keys);
    if (rc == 0) rc = ss_reader_string(&b.r, "name", true, NULL, &name);
    if (rc == 0) m->name = strdup(name);
    if (rc == 0) rc = ss_reader_string(&b.r, "description", false, "", &desc);
    if (rc == 0) m->description = strdup(desc);
    if (rc == 0) rc = read_calendar(&b);
    if (rc == 0) rc = read_needs(&b);
    if (rc == 0) rc = read_age_boundaries(&b);
    if (rc == 0) rc = read_organisation(&b);
    if (rc == 0) rc = read_service_ids(&b, &svc_keys, &nsvc);
    if (rc == 0) rc = read_doors(&b);
    if (rc == 0) rc = read_services(&b, svc_keys);
    if (rc == 0) rc = read_population(&b);
    if (rc == 0) rc = read_demand(&b);
    if (rc == 0) rc = read_limits(&b);
    if (rc == 0) rc = read_costs(&b);
    if (rc == 0) rc = read_handoffs(&b);
    if (rc == 0) rc = read_coordination(&b);
    if (rc == 0) compute_distances(m);
    if (svc_keys) free_keys(svc_keys, nsvc);
    lua_settop(L, idx < 0 ? lua_gettop(L) - 1 : lua_gettop(L) - 1);
    if (rc < 0) {
        ss_model_free(m);
        return NULL;
    }
    return m;
}

void ss_model_free(ss_model *m)
{
    if (!m) return;
    for (int i = 0; i < m->nservices; i++) {
        ss_service *s = &m->services[i];
        free(s->id);
        free(s->name);
        ss_dist_free(&s->case_hours);
        ss_dist_free(&s->relapse_after);
        ss_dist_free(&s->intake);
        if (s->episode) {
            for (int k = 0; k < m->nneeds; k++) ss_dist_free(&s->episode[k]);
            free(s->episode);
        }
        free_rule(&s->priority, m->nneeds);
        free_rule(&s->accept, m->nneeds);
        free_rule(&s->next, m->nneeds);
        free_rule(&s->at_age, m->nneeds);
    }
    free(m->services);
    for (int i = 0; i < m->ndoors; i++) {
        free(m->doors[i].id);
        free(m->doors[i].name);
        free_rule(&m->doors[i].route, m->nneeds);
    }
    free(m->doors);
    for (int i = 0; i < m->ncohorts; i++) free(m->cohorts[i].id);
    free(m->cohorts);
    for (int i = 0; i < m->ndemand; i++) free_rule(&m->demand[i].door, m->nneeds);
    free(m->demand);
    ss_named *lists[3] = {m->sectors, m->units, m->buildings};
    int counts[3] = {m->nsectors, m->nunits, m->nbuildings};
    for (int l = 0; l < 3; l++) {
        for (int i = 0; i < counts[l]; i++) {
            free(lists[l][i].id);
            free(lists[l][i].name);
            free(lists[l][i].leader);
        }
        free(lists[l]);
    }
    free(m->unit_building);
    free(m->distance);
    free(m->co_located);
    for (int i = 0; i < SS_DISTANCES; i++) ss_dist_free(&m->handoff[i].delay);
    ss_dist_free(&m->reassessment);
    ss_dist_free(&m->coord.offer_delay);
    for (int i = 0; i < m->nlua_rules; i++) {
        free(m->lua_rules[i].path);
        free(m->lua_rules[i].display);
        free(m->lua_rules[i].field);
        free(m->lua_rules[i].point);
    }
    free(m->lua_rules);
    for (int i = 0; i < m->nneeds; i++) free(m->needs[i]);
    free(m->name);
    free(m->description);
    free(m);
}

int ss_model_service_index(const ss_model *m, const char *id)
{
    for (int i = 0; i < m->nservices; i++)
        if (strcmp(m->services[i].id, id) == 0) return i;
    return -1;
}

int ss_model_door_index(const ss_model *m, const char *id)
{
    for (int i = 0; i < m->ndoors; i++)
        if (strcmp(m->doors[i].id, id) == 0) return i;
    return -1;
}

int ss_model_need_index(const ss_model *m, const char *id)
{
    for (int i = 0; i < m->nneeds; i++)
        if (strcmp(m->needs[i], id) == 0) return i;
    return -1;
}

double ss_model_total_fte(const ss_model *m)
{
    double t = 0;
    for (int i = 0; i < m->nservices; i++) t += m->services[i].fte;
    return t;
}

int ss_choice_pick(const ss_choice *c, double u)
{
    int lo = 0, hi = c->n - 1;
    while (lo < hi) {  /* first cum > u */
        int mid = (lo + hi) / 2;
        if (u < c->cum[mid]) hi = mid; else lo = mid + 1;
    }
    return c->target[lo];
}
