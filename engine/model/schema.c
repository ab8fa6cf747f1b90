/* schema: the one reader of a described table (see schema.h). */
#include "schema.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "calendar.h"
#include "dist.h"
#include "luakeys.h"

#define MAX_FIELDS 40

static void *at(void *base, size_t off) { return (char *)base + off; }

/* ---- scalars --------------------------------------------------------------------------- */

static int read_number(ss_reader *r, const ss_field *f, void *base)
{
    double x;
    if (ss_reader_number(r, f->key, f->min, f->max, f->flags & SS_REQ, f->def, &x) < 0)
        return -1;
    x *= f->scale ? f->scale : 1;
    if (f->type == SS_F_NUMBER)
        *(double *)at(base, f->off) = x;
    else if (f->width == (int)sizeof(int))
        *(int *)at(base, f->off) = (int)x;
    else
        *(long *)at(base, f->off) = (long)x;
    return 0;
}

static int read_string(ss_reader *r, const ss_field *f, void *base)
{
    const char *dflt = f->flags & SS_DEF_ID ? *(char **)base : f->def_str, *s;
    if (ss_reader_string(r, f->key, f->flags & SS_REQ, dflt, &s) < 0)
        return -1;
    char **dst = at(base, f->off);
    free(*dst);
    *dst = s ? strdup(s) : NULL;
    return 0;
}

static int read_reason(ss_reader *r, const ss_field *f, void *base)
{
    const char *en, *nb;
    if (ss_reader_reason(r, f->key, f->flags & SS_REQ, f->def_str, &en, &nb) < 0)
        return -1;
    char **dst = at(base, f->off), **dst_nb = at(base, f->off2);
    free(*dst);
    free(*dst_nb);
    *dst = en ? strdup(en) : NULL;
    *dst_nb = nb ? strdup(nb) : NULL;
    return 0;
}

static int read_bool(ss_reader *r, const ss_field *f, void *base)
{
    return ss_reader_bool(r, f->key, f->def != 0, at(base, f->off));
}

static int read_enum(ss_reader *r, const ss_field *f, void *base)
{
    const char *s;
    if (ss_reader_string(r, f->key, f->flags & SS_REQ, NULL, &s) < 0)
        return -1;
    int ix = (int)f->def;
    if (s) {
        for (ix = 0; f->names[ix] && strcmp(f->names[ix], s) != 0; ix++)
            ;
        if (!f->names[ix])
            return ss_reader_fail(r, f->key, "expected %s, got \"%s\"", f->what, s);
    }
    if (ix < 0)
        return 0;  /* absent, no default: left as init made it */
    if (f->flags & SS_AS_BOOL)
        *(bool *)at(base, f->off) = ix == 0;
    else
        *(int *)at(base, f->off) = ix;
    return 0;
}

/* Dates are days after the scenario's start; "MM-DD" days of the year are month*100+day. */
static int read_day(ss_reader *r, const ss_field *f, void *base)
{
    const char *s;
    if (ss_reader_string(r, f->key, f->flags & SS_REQ, f->def_str, &s) < 0)
        return -1;
    if (f->type == SS_F_MONTHDAY) {
        if (s && ss_monthday_parse(s, at(base, f->off)) < 0)
            return ss_reader_fail(r, f->key, "expected a day of the year \"MM-DD\", got \"%s\"", s);
        return 0;
    }
    ss_date d;
    if (!s) {
        *(double *)at(base, f->off) = f->def;
        return 0;
    }
    if (ss_date_parse(s, &d) < 0)
        return ss_reader_fail(r, f->key, "expected a date \"YYYY-MM-DD\", got \"%s\"", s);
    *(double *)at(base, f->off) = (double)ss_date_to_epoch(d) - r->day0;
    return 0;
}

/* {min, max} as [min, max) years. */
static int read_ages(ss_reader *r, const ss_field *f, void *base)
{
    lua_State *L = r->L;
    double *lo = at(base, f->off), *hi = at(base, f->off2);
    if (ss_reader_get(L, f->key) == LUA_TNIL) {
        lua_pop(L, 1);
        if (f->flags & SS_REQ)
            return ss_reader_fail(r, f->key, "missing (expected {min_age, max_age})");
        *lo = f->def;
        *hi = f->max;
        return 0;
    }
    bool ok = lua_istable(L, -1) && lua_rawlen(L, -1) == 2;
    if (ok) {
        lua_rawgeti(L, -1, 1);                         /* ages lo */
        lua_rawgeti(L, -2, 2);                         /* ages lo hi */
        ok = lua_type(L, -2) == LUA_TNUMBER && lua_type(L, -1) == LUA_TNUMBER;
        if (ok) {
            *lo = lua_tonumber(L, -2);
            *hi = lua_tonumber(L, -1);
        }
        lua_pop(L, 2);
        ok = ok && *lo >= 0 && *hi > *lo && *hi <= 150;
    }
    lua_pop(L, 1);
    if (!ok)
        return ss_reader_fail(r, f->key, "expected {min_age, max_age} with 0 <= min < max <= 150 (max not included)");
    return 0;
}

/* The smallest value a distribution can draw (durations must not be negative). */
static double dist_floor(const ss_dist *d)
{
    double lo = d->a;
    if (d->kind == SS_DIST_EMPIRICAL)
        for (int i = 0; i < d->n; i++)
            lo = fmin(lo, d->values[i]);
    else if (d->kind != SS_DIST_FIXED && d->kind != SS_DIST_TRIANGULAR && d->kind != SS_DIST_UNIFORM)
        lo = 0;  /* exponential, gamma, lognormal, weibull: positive by construction */
    return lo;
}

static int read_dist(ss_reader *r, const ss_field *f, void *base)
{
    lua_State *L = r->L;
    ss_dist *out = at(base, f->off);
    ss_dist_free(out);
    int rc = 0;
    if (ss_reader_get(L, f->key) == LUA_TNIL) {
        if (f->flags & SS_REQ)
            rc = ss_reader_fail(r, f->key, "missing (expected a distribution in days)");
        else
            *out = (ss_dist){.kind = SS_DIST_FIXED, .a = f->def};
    } else {
        char p[600];
        ss_reader_child(r, f->key, p, sizeof p);
        rc = ss_dist_from_lua(L, -1, p, out, r->d);
        if (rc < 0) {  /* give the message its origin */
            const char *file = r->origin ? r->origin(r->origin_ud, p) : NULL;
            if (file && *file) ss_wrap(r->d, "%s", file);
        } else if (dist_floor(out) < 0) {
            char got[128];
            ss_reader_describe(L, -1, got, sizeof got);
            if (out->kind == SS_DIST_FIXED)
                rc = ss_reader_fail(r, f->key, "expected a duration >= 0, got %s", got);
            else
                rc = ss_reader_fail(r, f->key, "expected durations >= 0, got a distribution that can draw %g", dist_floor(out));
        }
    }
    lua_pop(L, 1);
    return rc;
}

static int read_ref(ss_reader *r, const ss_field *f, void *base)
{
    const char *id;
    int *dst = at(base, f->off);
    if (ss_reader_string(r, f->key, f->flags & SS_REQ, NULL, &id) < 0)
        return -1;
    *dst = (int)f->def;
    if (id && (*dst = f->find(r->user, id)) < 0)
        return ss_reader_fail(r, f->key, f->what, id);
    return 0;
}

/* ---- tables ---------------------------------------------------------------------------- */

/* Run fn on the table at key (pushed), with the key path entered; pops it. */
static int inside(ss_reader *r, const char *key, int (*fn)(ss_reader *, const ss_field *, void *),
                  const ss_field *f, void *base)
{
    char saved[512];
    ss_reader_enter(r, key, saved, sizeof saved);
    int rc = fn(r, f, base);
    ss_reader_leave(r, saved);
    lua_pop(r->L, 1);
    return rc;
}

static int table_body(ss_reader *r, const ss_field *f, void *base)
{
    if (ss_schema_read(r, f->sub, at(base, f->off)) < 0)
        return -1;
    if (f->flags & SS_PRESENT)
        *(bool *)at(base, f->off2) = true;
    return 0;
}

static int read_table(ss_reader *r, const ss_field *f, void *base)
{
    int t = ss_reader_table(r, f->key, f->flags & SS_REQ);
    if (t == 0 && f->sub->init)
        f->sub->init(r, at(base, f->off));
    return t <= 0 ? t : inside(r, f->key, table_body, f, base);
}

/* Only string keys name entries; a list here is the commonest slip, so it gets its own words. */
static int check_ids(ss_reader *r, const ss_field *f, const ss_lua_key *keys, int n, int others)
{
    lua_rawgeti(r->L, -1, 1);
    bool list = !lua_isnil(r->L, -1);
    lua_pop(r->L, 1);
    if (list)
        return ss_reader_fail(r, NULL, "expected a table keyed by %s, got a list", f->what);
    char got[64];
    for (int i = 0; i < n; i++)
        if (keys[i].type != LUA_TSTRING) {
            ss_lua_key_text(&keys[i], got, sizeof got);
            return ss_reader_fail(r, NULL, "expected entries keyed by an id, got key %s", got);
        }
    if (others)
        return ss_reader_fail(r, NULL, "expected entries keyed by an id, got a key that is not a string");
    const ss_schema *s = f->sub;
    if (n > s->max)
        return ss_reader_fail(r, NULL, "has %d entries, at most %d are supported", n, s->max);
    if (n < s->min)
        return ss_reader_fail(r, NULL, "%s", s->none);
    for (int i = 0; s->plain_ids && i < n; i++)
        if (!ss_reader_is_id(keys[i].str))
            return ss_reader_fail(r, keys[i].str, "a %s may use letters, digits, _ and - only", f->what);
    return 0;
}

/* Allocate the entries and give each its id before any is read, so they may refer to each other. */
static char *declare(ss_reader *r, const ss_field *f, void *base, const ss_lua_key *keys, int n)
{
    const ss_schema *s = f->sub;
    char *arr = calloc(n ? (size_t)n : 1, s->elem);
    *(char **)at(base, f->off) = arr;
    *(int *)at(base, f->off2) = arr ? n : 0;
    for (int i = 0; arr && i < n; i++) {
        *(char **)(arr + (size_t)i * s->elem) = strdup(keys[i].str);
        if (s->init) s->init(r, arr + (size_t)i * s->elem);
    }
    return arr;
}

/* One entry (the value on top): a table read by the entry schema, or a name when allowed. */
static int read_entry(ss_reader *r, const ss_schema *s, void *entry)
{
    lua_State *L = r->L;
    if (s->shorthand && lua_type(L, -1) == LUA_TSTRING) {  /* as { name = "..." } */
        char **name = at(entry, s->name_off);
        lua_newtable(L);                               /* name {} */
        int rc = ss_schema_read(r, s, entry);
        lua_pop(L, 1);                                 /* name */
        free(*name);
        *name = strdup(lua_tostring(L, -1));
        return rc;
    }
    if (lua_istable(L, -1))
        return ss_schema_read(r, s, entry);
    char got[128];
    ss_reader_describe(L, -1, got, sizeof got);
    return ss_reader_fail(r, NULL, "expected %s, got %s", s->entry, got);
}

static int keyed_body(ss_reader *r, const ss_field *f, void *base)
{
    lua_State *L = r->L;
    ss_lua_key *keys;
    int others = 0, n = ss_lua_sorted_keys(L, -1, "order", &keys, &others);
    if (n < 0)
        return ss_reader_fail(r, NULL, "out of memory");
    int rc = check_ids(r, f, keys, n, others);
    char *arr = rc == 0 ? declare(r, f, base, keys, n) : NULL;
    if (rc == 0 && !arr)
        rc = ss_reader_fail(r, NULL, "out of memory");
    for (int i = 0; rc == 0 && i < n; i++) {
        char saved[512];
        lua_pushstring(L, keys[i].str);                /* t id */
        lua_rawget(L, -2);                             /* t entry */
        ss_reader_enter(r, keys[i].str, saved, sizeof saved);
        rc = read_entry(r, f->sub, arr + (size_t)i * f->sub->elem);
        ss_reader_leave(r, saved);
        lua_pop(L, 1);                                 /* t */
    }
    free(keys);
    return rc;
}

static int read_keyed(ss_reader *r, const ss_field *f, void *base)
{
    int t = ss_reader_table(r, f->key, f->flags & SS_REQ);
    return t <= 0 ? t : inside(r, f->key, keyed_body, f, base);
}

/* A list of tables read into an array. */
static int list_entry(ss_reader *r, const ss_field *f, void *base, int i)
{
    const ss_schema *s = f->sub;
    char *arr = *(char **)at(base, f->off);
    int *count = at(base, f->off2);
    if (!lua_istable(r->L, -1)) {
        char got[128];
        ss_reader_describe(r->L, -1, got, sizeof got);
        return ss_reader_fail_at(r, i, "expected %s, got %s", s->entry, got);
    }
    char key[24], saved[512];
    snprintf(key, sizeof key, "%d", i + 1);
    ss_reader_enter(r, key, saved, sizeof saved);
    (*count)++;
    int rc = ss_schema_read(r, s, arr + (size_t)i * s->elem);
    ss_reader_leave(r, saved);
    return rc;
}

static int list_body(ss_reader *r, const ss_field *f, void *base)
{
    lua_State *L = r->L;
    int n = (int)lua_rawlen(L, -1), rc = 0;
    if (n < f->min || n > f->max)
        return ss_reader_fail(r, NULL, "%s", f->what);
    if (f->sub && !(*(char **)at(base, f->off) = calloc(n ? (size_t)n : 1, f->sub->elem)))
        return ss_reader_fail(r, NULL, "out of memory");
    for (int i = 0; rc == 0 && i < n; i++) {
        lua_rawgeti(L, -1, i + 1);                     /* list item */
        rc = f->sub ? list_entry(r, f, base, i) : f->hook(r, f, base, i);
        lua_pop(L, 1);                                 /* list */
    }
    return rc;
}

/* Messages about a list's length name the list itself, as its items' messages name the item. */
static int read_list(ss_reader *r, const ss_field *f, void *base)
{
    int t = ss_reader_table(r, f->key, f->flags & SS_REQ);
    return t <= 0 ? t : inside(r, f->key, list_body, f, base);
}

int ss_schema_field(ss_reader *r, const ss_field *f, void *base)
{
    switch (f->type) {
    case SS_F_NUMBER:
    case SS_F_INT: return read_number(r, f, base);
    case SS_F_STRING: return read_string(r, f, base);
    case SS_F_REASON: return read_reason(r, f, base);
    case SS_F_BOOL: return read_bool(r, f, base);
    case SS_F_ENUM: return read_enum(r, f, base);
    case SS_F_DATE:
    case SS_F_MONTHDAY: return read_day(r, f, base);
    case SS_F_AGES: return read_ages(r, f, base);
    case SS_F_DIST: return read_dist(r, f, base);
    case SS_F_REF: return read_ref(r, f, base);
    case SS_F_TABLE: return read_table(r, f, base);
    case SS_F_KEYED: return read_keyed(r, f, base);
    case SS_F_LIST: return read_list(r, f, base);
    case SS_F_HOOK: return f->hook(r, f, base, 0);
    case SS_F_ACCEPT: return 0;
    }
    return ss_reader_fail(r, f->key, "unknown field type %d", (int)f->type);
}

int ss_schema_read(ss_reader *r, const ss_schema *s, void *base)
{
    const char *keys[MAX_FIELDS + 1];
    int n = 0, last_pass = 0;
    for (const ss_field *f = s->fields; f->key && n < MAX_FIELDS; f++) {
        keys[n++] = f->key;
        if (f->pass > last_pass) last_pass = f->pass;
    }
    keys[n] = NULL;
    if (!lua_checkstack(r->L, 8))
        return ss_reader_fail(r, NULL, "out of memory");
    if (ss_reader_only_keys(r, keys) < 0)
        return -1;
    if (s->init)
        s->init(r, base);
    for (int pass = 0; pass <= last_pass; pass++)
        for (const ss_field *f = s->fields; f->key; f++)
            if (f->pass == pass && ss_schema_field(r, f, base) < 0)
                return -1;
    return s->finish ? s->finish(r, base) : 0;
}

/* ---- freeing --------------------------------------------------------------------------- */

static void free_entries(const ss_field *f, void *base)
{
    char **arr = at(base, f->off);
    int *n = at(base, f->off2);
    for (int i = 0; *arr && i < *n; i++) {
        void *entry = *arr + (size_t)i * f->sub->elem;
        if (f->type == SS_F_KEYED)
            free(*(char **)entry);
        ss_schema_free(f->sub, entry);
    }
    free(*arr);
    *arr = NULL;
    *n = 0;
}

void ss_schema_free(const ss_schema *s, void *base)
{
    for (const ss_field *f = s->fields; f->key; f++) {
        if (f->type == SS_F_STRING || f->type == SS_F_REASON) {
            free(*(char **)at(base, f->off));
            *(char **)at(base, f->off) = NULL;
            if (f->type == SS_F_REASON) {
                free(*(char **)at(base, f->off2));
                *(char **)at(base, f->off2) = NULL;
            }
        } else if (f->type == SS_F_DIST) {
            ss_dist_free(at(base, f->off));
        } else if (f->type == SS_F_TABLE) {
            ss_schema_free(f->sub, at(base, f->off));
        } else if (f->type == SS_F_KEYED || (f->type == SS_F_LIST && f->sub)) {
            free_entries(f, base);
        }
    }
}
