/* ruletest: the test cases of Lua rule modules (see ruletest.h).
 *
 * Format.  A rule module is a Lua file returning a table of functions named after decision
 * points (door, route, accept, priority, next, at_age, or any name a scenario picks with
 * "file.lua:name") and `tests`, a list of cases:
 *
 *   return {
 *     route = function(person, door, ctx) ... end,
 *     tests = {
 *       { name = "severe under 18 goes to BUP", call = "route", door = "gp",
 *         person = { age = 15, need = "severe" }, ctx = { queue = { fph = 40 } },
 *         expect = "bup" },
 *       ...
 *     },
 *   }
 *
 * Fields of a case:
 *   name          shown when the case fails, and it picks the case's random stream
 *   call          the function to call; may be left out when the module has only one
 *   person        the person's fields (id, age, need, severity, complex, door, arrived,
 *                 days_since_concern, waited, referrals, handoffs, bounces, services, current,
 *                 history)
 *   door          the door id: route rules get (person, door, ctx)
 *   service       the service's fields (id, name, unit, sector, fte, queue, caseload, capacity,
 *                 target_wait): accept, priority, next and at_age get (person, service, ctx)
 *   ctx           date, day, rep, age, eligible, working_day, and queue, caseload, capacity as
 *                 tables by service id ({ fph = 40 }); ctx.queue(id) then gives that number,
 *                 or 0 for ids not listed
 *   expect        the answer: strings and booleans compare equal, numbers exactly unless
 *   tolerance     the largest difference allowed
 *   expect_error  instead of expect: the call must fail with a message containing this text
 *   samples       call N times (default 1); every answer must match expect or expect_error,
 *   expect_share  or instead the answers' shares must match, e.g. { fph = 0.7, bup = 0.3 },
 *                 each within tolerance (required); an answer not listed must have share 0
 *   seed          the seed of math.random's stream (default 1)
 * A door rule gets (person, ctx); a function with another name gets door or service when the
 * case gives one.  Fields the engine may leave nil (person.door, person.current, service.unit,
 * service.sector, ctx.age) are written `false` for nil.
 *
 * Why the views are strict: person, service and ctx are read-only tables holding exactly what
 * the case gives, and reading any other field is an error naming it.  So a case states
 * everything its answer depends on, and a field the rule starts to read later breaks the case
 * rather than silently reading nil.  Fields are checked against the engine's names and types
 * (rules.c) when the case is read, so a typo in a case is caught as one in a rule would be.
 *
 * Randomness: math.random draws from a GSL stream seeded per case from its seed and a hash of
 * its name, so a random rule gives the same answers every time, and adding or reordering cases
 * does not change another case's draws.
 *
 * Every file gets a fresh sandbox (sandbox.h): the engine's libraries, strict globals and the
 * instruction budget per call, so an endless loop in a rule fails its case and the next case
 * still runs. */
#include "ruletest.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>

#include "diag.h"
#include "rng.h"
#include "rulefields.h"
#include "ruleparams.h"
#include "ruletest_parts.h"
#include "sandbox.h"
#include "source.h"

#define MAX_FUNCS 64        /* functions of one module named in messages */
#define MAX_ANSWERS 64      /* different answers of one sampled case */
#define MAX_SAMPLES 1000000
#define MAX_DEPTH 16        /* directory nesting; also stops symbolic link loops */

/* ================================================================ reading a case */

typedef enum { EXPECT_VALUE, EXPECT_ERROR, EXPECT_SHARE } expect_kind;

/* What the rule gets between person and ctx (rules.c's call()). */
typedef enum { ARGS_NONE, ARGS_DOOR, ARGS_SERVICE } arg_shape;

typedef struct test_case {
    int index, line;         /* position in tests (from 1), source line (0: unknown) */
    int t;                   /* stack index of the case table */
    const char *name;        /* "" when not given */
    const char *call;        /* the function called */
    int person, door, service, ctx; /* stack indices of the given fields, 0 when absent */
    expect_kind kind;
    int expect;              /* stack index of expect, expect_error or expect_share */
    double tolerance;        /* < 0 when not given */
    long samples;
    lua_Integer seed;
    arg_shape shape;
} test_case;

static const char *const CASE_FIELDS[] = {"name", "call", "person", "door", "service", "ctx",
    "expect", "expect_error", "expect_share", "tolerance", "samples", "seed", NULL};
#define CASE_FIELD_LIST "name, call, person, door, service, ctx, expect, expect_error, " \
                        "expect_share, tolerance, samples, seed"

/* Pushes field k of the case; returns its index, or 0 (and pushes nothing) when absent. */
static int case_field(lua_State *L, const test_case *tc, const char *k)
{
    lua_pushstring(L, k);                                   /* k */
    if (lua_rawget(L, tc->t) == LUA_TNIL) {                 /* v */
        lua_pop(L, 1);
        return 0;
    }
    return lua_gettop(L);
}

/* Field k as a string (NULL when absent); -1 when of another type. */
static int case_string(lua_State *L, test_case *tc, const char *k, const char **out, ss_diag *d)
{
    int idx = case_field(L, tc, k);
    *out = NULL;
    if (idx && lua_type(L, idx) != LUA_TSTRING) {
        char got[256];
        rt_describe(L, idx, got, sizeof got);
        return ss_fail(d, "%s: expected a string, got %s", k, got);
    }
    if (idx)
        *out = lua_tostring(L, idx); /* the case table keeps it alive */
    return 0;
}

/* Field k as a number within [min, max], whole if asked; *out keeps its default when absent. */
static int case_number(lua_State *L, test_case *tc, const char *k, double min, double max,
                       bool whole, double *out, ss_diag *d)
{
    int idx = case_field(L, tc, k);
    if (!idx)
        return 0;
    double x = lua_tonumber(L, idx);
    if (lua_type(L, idx) != LUA_TNUMBER || !(x >= min && x <= max) || (whole && x != floor(x))) {
        char got[256];
        rt_describe(L, idx, got, sizeof got);
        return ss_fail(d, "%s: expected %s from %g to %g, got %s", k, whole ? "a whole number" : "a number",
                       min, max, got);
    }
    *out = x;
    return 0;
}

/* Every key of the case is one of CASE_FIELDS: a misspelt "expcet" must not pass unnoticed. */
static int check_case_key(lua_State *L, const void *arg, ss_diag *d)
{
    for (int i = 0; CASE_FIELDS[i] && lua_type(L, -2) == LUA_TSTRING; i++)
        if (strcmp(lua_tostring(L, -2), CASE_FIELDS[i]) == 0)
            return 0;
    char key[128];
    rt_describe_key(L, -2, key, sizeof key);
    return ss_fail(d, "unknown field %s (fields: " CASE_FIELD_LIST ")", key);
}

/* Exactly one of expect, expect_error and expect_share, of the right type. */
static int read_expectation(lua_State *L, test_case *tc, ss_diag *d)
{
    int value = case_field(L, tc, "expect"), error = case_field(L, tc, "expect_error"),
        share = case_field(L, tc, "expect_share");
    if (!value + !error + !share != 2)
        return ss_fail(d, value || error || share ? "give one of expect, expect_error and expect_share"
                                                  : "no expect (give expect, expect_error or expect_share)");
    int t = lua_type(L, value ? value : error ? error : share);
    tc->kind = value ? EXPECT_VALUE : error ? EXPECT_ERROR : EXPECT_SHARE;
    tc->expect = value ? value : error ? error : share;
    if (value && t != LUA_TSTRING && t != LUA_TNUMBER && t != LUA_TBOOLEAN)
        return ss_fail(d, "expect: expected a string, number or boolean, got %s", lua_typename(L, t));
    if (error && t != LUA_TSTRING)
        return ss_fail(d, "expect_error: expected a string (part of the message), got %s", lua_typename(L, t));
    if (share && t != LUA_TTABLE)
        return ss_fail(d, "expect_share: expected a table of shares, e.g. { fph = 0.7, bup = 0.3 }, got %s",
                       lua_typename(L, t));
    return 0;
}

/* One share of expect_share. */
static int check_share(lua_State *L, const void *arg, ss_diag *d)
{
    double x = lua_tonumber(L, -1);
    int kt = lua_type(L, -2);
    if ((kt == LUA_TSTRING || kt == LUA_TBOOLEAN || kt == LUA_TNUMBER) &&
        lua_type(L, -1) == LUA_TNUMBER && x >= 0 && x <= 1)
        return 0;
    char key[128], val[128];
    rt_describe_key(L, -2, key, sizeof key);
    rt_describe(L, -1, val, sizeof val);
    return ss_fail(d, "expect_share: expected a share from 0 to 1 for each answer, got [%s] = %s", key, val);
}

/* expect_share holds shares from 0 to 1 of answers a rule can give, and comes with samples and
 * tolerance, without which a share cannot be judged. */
static int check_shares(lua_State *L, const test_case *tc, ss_diag *d)
{
    if (tc->samples < 2 || tc->tolerance < 0)
        return ss_fail(d, "expect_share needs samples (how many calls) and tolerance (how far a share may be off)");
    if (rt_check_pairs(L, tc->expect, check_share, NULL, d) < 0)
        return -1;
    int n = 0;
    lua_pushnil(L);                                         /* nil */
    while (lua_next(L, tc->expect)) {                       /* k v */
        lua_pop(L, 1);                                      /* k */
        n++;
    }
    if (n > MAX_ANSWERS)
        return ss_fail(d, "expect_share: more than %d answers", MAX_ANSWERS);
    return n ? 0 : ss_fail(d, "expect_share: no shares given");
}

/* tolerance, samples and seed, and how they fit the expectation. */
static int read_numbers(lua_State *L, test_case *tc, ss_diag *d)
{
    double tol = -1, samples = 1, seed = 1;
    if (case_number(L, tc, "tolerance", 0, HUGE_VAL, false, &tol, d) < 0 ||
        case_number(L, tc, "samples", 1, MAX_SAMPLES, true, &samples, d) < 0 ||
        case_number(L, tc, "seed", 0, 9007199254740992.0, true, &seed, d) < 0)
        return -1;
    tc->tolerance = tol;
    tc->samples = (long)samples;
    tc->seed = (lua_Integer)seed;
    if (tc->kind == EXPECT_SHARE)
        return check_shares(L, tc, d);
    if (tol >= 0 && (tc->kind != EXPECT_VALUE || lua_type(L, tc->expect) != LUA_TNUMBER))
        return ss_fail(d, "tolerance applies to a number in expect or to expect_share");
    return 0;
}

/* The arguments the decision point passes (rules.c's call()): checked for the engine's own
 * points; a function of another name gets what the case gives. */
static int read_shape(test_case *tc, ss_diag *d)
{
    static const char *const with_service[] = {"accept", "priority", "next", "at_age", NULL};
    bool service_point = false;
    for (int i = 0; with_service[i]; i++)
        service_point |= strcmp(tc->call, with_service[i]) == 0;
    if (tc->door && tc->service)
        return ss_fail(d, "give door or service, not both");
    if (strcmp(tc->call, "door") == 0 && (tc->door || tc->service))
        return ss_fail(d, "a door rule is called with (person, ctx): remove %s", tc->door ? "door" : "service");
    if (strcmp(tc->call, "route") == 0 && !tc->door)
        return ss_fail(d, "a route rule is called with (person, door, ctx): add door = \"...\"");
    if (service_point && tc->door)
        return ss_fail(d, "%s is called with (person, service, ctx): door is for route rules", tc->call);
    tc->shape = tc->door ? ARGS_DOOR : (tc->service || service_point) ? ARGS_SERVICE : ARGS_NONE;
    return 0;
}

/* person, door, service and ctx of the case, each checked against the engine's fields. */
static int read_views(lua_State *L, test_case *tc, ss_diag *d)
{
    tc->person = case_field(L, tc, "person");
    tc->door = case_field(L, tc, "door");
    tc->service = case_field(L, tc, "service");
    tc->ctx = case_field(L, tc, "ctx");
    if (tc->door && lua_type(L, tc->door) != LUA_TSTRING) {
        char got[256];
        rt_describe(L, tc->door, got, sizeof got);
        return ss_fail(d, "door: expected a door id, got %s", got);
    }
    if (rt_check_view(L, tc->person, &ss_person_view, d) < 0 || rt_check_view(L, tc->service, &ss_service_view, d) < 0 ||
        rt_check_view(L, tc->ctx, &ss_ctx_view, d) < 0)
        return -1;
    return read_shape(tc, d);
}

/* ================================================================ one file */

typedef struct file_run {
    ss_sandbox *sb;
    lua_State *L;
    gsl_rng *rng;
    const char *chunk;          /* the file as shown */
    const ss_ruletest_opts *o;
    ss_ruletest_counts *c;
    int module, tests;          /* stack indices */
    const char *funcs[MAX_FUNCS]; /* names of the module's functions, sorted (for messages) */
    int nfuncs;
    int *lines;                 /* [#tests] source lines, or NULL */
    int failed;                 /* cases of this file that failed */
} file_run;

/* "route, accept" or "no functions" for messages. */
static void function_list(const file_run *f, char *out, size_t n)
{
    size_t used = 0;
    snprintf(out, n, "no functions");
    for (int i = 0; i < f->nfuncs && used < n; i++)
        used += (size_t)snprintf(out + used, n - used, "%s%s", i ? ", " : "", f->funcs[i]);
}

/* The called function's name: `call`, or the module's only function. */
static int read_call(file_run *f, test_case *tc, ss_diag *d)
{
    char list[512];
    if (case_string(f->L, tc, "call", &tc->call, d) < 0)
        return -1;
    function_list(f, list, sizeof list);
    if (!tc->call && f->nfuncs != 1)
        return ss_fail(d, "which function? add call = \"...\" (the module has %s)", list);
    if (!tc->call)
        tc->call = f->funcs[0];
    lua_pushstring(f->L, tc->call);                         /* call */
    bool found = lua_rawget(f->L, f->module) == LUA_TFUNCTION; /* fn? */
    lua_pop(f->L, 1);
    if (found)
        return 0;
    return ss_fail(d, "call = \"%s\": the module has no function '%s' (functions: %s)", tc->call, tc->call, list);
}

/* Reads and checks the whole case before anything runs. */
static int read_case(file_run *f, test_case *tc, ss_diag *d)
{
    lua_State *L = f->L;
    if (lua_type(L, tc->t) != LUA_TTABLE) {
        char got[256];
        rt_describe(L, tc->t, got, sizeof got);
        return ss_fail(d, "expected a table with name, call, person ... and expect, got %s", got);
    }
    if (case_string(L, tc, "name", &tc->name, d) < 0)
        return -1;
    if (!tc->name)
        tc->name = "";
    if (rt_check_pairs(L, tc->t, check_case_key, NULL, d) < 0 || read_call(f, tc, d) < 0 || read_expectation(L, tc, d) < 0 ||
        read_numbers(L, tc, d) < 0)
        return -1;
    return read_views(L, tc, d);
}

/* FNV-1a of the name: the case's stream does not move when other cases are added. */
static uint32_t name_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* Pushes the function and its arguments; returns the number of arguments. */
static int push_call(file_run *f, const test_case *tc)
{
    lua_State *L = f->L;
    lua_pushstring(L, tc->call);                            /* name */
    lua_rawget(L, f->module);                               /* fn */
    rt_push_view(L, tc->person, &ss_person_view);                      /* fn person */
    if (tc->shape == ARGS_DOOR)
        lua_pushvalue(L, tc->door);                         /* fn person door */
    else if (tc->shape == ARGS_SERVICE)
        rt_push_view(L, tc->service, &ss_service_view);                /* fn person service */
    rt_push_view(L, tc->ctx, &ss_ctx_view);                            /* fn person [x] ctx */
    return tc->shape == ARGS_NONE ? 2 : 3;
}

/* Calls the function at base with the nargs values after it, through the sandbox's one
 * gateway; leaves the answer on top, or returns -1 with the rule's error in d. */
static int call_once(file_run *f, int base, int nargs, ss_diag *d)
{
    for (int i = 0; i <= nargs; i++)
        lua_pushvalue(f->L, base + i);
    return ss_sandbox_call(f->sb, nargs, 1, d);
}

/* "sample 3 of 100: " when the case calls more than once. */
static void sample_prefix(const test_case *tc, long s, char *out, size_t n)
{
    if (tc->samples > 1)
        snprintf(out, n, "sample %ld of %ld: ", s, tc->samples);
    else
        out[0] = '\0';
}

static bool same_answer(lua_State *L, int got, int want, double tol)
{
    if (tol >= 0 && lua_type(L, got) == LUA_TNUMBER && lua_type(L, want) == LUA_TNUMBER)
        return fabs(lua_tonumber(L, got) - lua_tonumber(L, want)) <= tol;
    return lua_rawequal(L, got, want); /* 3 equals 3.0, as in the rule's own == */
}

/* Every call answers expect. */
static int judge_value(file_run *f, const test_case *tc, int base, int nargs, ss_diag *d)
{
    char want[300], got[300], pre[64], tol[64] = "";
    rt_describe(f->L, tc->expect, want, sizeof want);
    if (tc->tolerance >= 0)
        snprintf(tol, sizeof tol, " (within %g)", tc->tolerance);
    for (long s = 1; s <= tc->samples; s++) {
        sample_prefix(tc, s, pre, sizeof pre);
        if (call_once(f, base, nargs, d) < 0)
            return ss_wrap(d, "%sexpected %s%s, got an error", pre, want, tol);
        bool ok = same_answer(f->L, -1, tc->expect, tc->tolerance);
        rt_describe(f->L, -1, got, sizeof got);
        lua_pop(f->L, 1);
        if (!ok)
            return ss_fail(d, "%sexpected %s%s, got %s", pre, want, tol, got);
    }
    return 0;
}

/* Every call fails with a message containing expect_error. */
static int judge_error(file_run *f, const test_case *tc, int base, int nargs, ss_diag *d)
{
    const char *want = lua_tostring(f->L, tc->expect);
    char got[300], pre[64];
    for (long s = 1; s <= tc->samples; s++) {
        sample_prefix(tc, s, pre, sizeof pre);
        if (call_once(f, base, nargs, d) == 0) {
            rt_describe(f->L, -1, got, sizeof got);
            lua_pop(f->L, 1);
            return ss_fail(d, "%sexpected an error containing \"%s\", got %s", pre, want, got);
        }
        if (!strstr(d->msg, want))
            return ss_wrap(d, "%sexpected an error containing \"%s\", got", pre, want);
    }
    return 0;
}

typedef struct share {
    char text[128];  /* the answer as rt_describe() shows it; also the sort key */
    double want, got;
} share;

static int share_cmp(const void *a, const void *b)
{
    return strcmp(((const share *)a)->text, ((const share *)b)->text);
}

/* Calls samples times and counts the answers in a table left on the stack. */
static int count_answers(file_run *f, const test_case *tc, int base, int nargs, ss_diag *d)
{
    lua_State *L = f->L;
    char pre[64];
    lua_newtable(L);                                        /* counts */
    for (long s = 1; s <= tc->samples; s++) {
        sample_prefix(tc, s, pre, sizeof pre);
        if (call_once(f, base, nargs, d) < 0)
            return ss_wrap(d, "%sgot an error", pre);
        int t = lua_type(L, -1);                            /* counts answer */
        if (t != LUA_TSTRING && t != LUA_TBOOLEAN && !(t == LUA_TNUMBER && !isnan(lua_tonumber(L, -1)))) {
            char got[300];
            rt_describe(L, -1, got, sizeof got);
            return ss_fail(d, "%sgot %s, which has no share", pre, got);
        }
        lua_pushvalue(L, -1);                               /* counts answer answer */
        lua_Integer n = lua_rawget(L, -3) == LUA_TNUMBER ? lua_tointeger(L, -1) : 0;
        lua_pop(L, 1);                                      /* counts answer */
        lua_pushinteger(L, n + 1);                          /* counts answer n+1 */
        lua_rawset(L, -3);                                  /* counts */
    }
    return 0;
}

/* Adds table idx's keys to shares: want from expect_share, got from the counts; -1 when there
 * are more than MAX_ANSWERS. */
static int gather_shares(lua_State *L, int idx, const test_case *tc, int counts, share *sh, int *n)
{
    lua_pushnil(L);                                         /* nil */
    while (lua_next(L, idx)) {                              /* k v */
        lua_pop(L, 1);                                      /* k */
        lua_pushvalue(L, -1);                               /* k k */
        bool listed = lua_rawget(L, tc->expect) == LUA_TNUMBER; /* k want */
        if (idx == counts && listed) {
            lua_pop(L, 1);
            continue; /* already taken from expect_share */
        }
        if (*n == MAX_ANSWERS) {
            lua_pop(L, 2);
            return -1;
        }
        share *s = &sh[(*n)++];
        s->want = listed ? lua_tonumber(L, -1) : 0;
        lua_pushvalue(L, -2);                               /* k want k */
        s->got = lua_rawget(L, counts) == LUA_TNUMBER ? (double)lua_tointeger(L, -1) / (double)tc->samples : 0;
        lua_pop(L, 2);                                      /* k */
        rt_describe(L, -1, s->text, sizeof s->text);
    }
    return 0;
}

/* The answers' shares match expect_share within tolerance; an answer not listed should not
 * occur.  Mismatches are listed in a fixed order, whatever order the tables hold keys in. */
static int judge_shares(file_run *f, const test_case *tc, int base, int nargs, ss_diag *d)
{
    lua_State *L = f->L;
    if (count_answers(f, tc, base, nargs, d) < 0)
        return -1;
    int counts = lua_gettop(L), n = 0;
    share sh[MAX_ANSWERS];
    if (gather_shares(L, tc->expect, tc, counts, sh, &n) < 0 || gather_shares(L, counts, tc, counts, sh, &n) < 0)
        return ss_fail(d, "more than %d different answers: shares need a rule with few answers", MAX_ANSWERS);
    qsort(sh, (size_t)n, sizeof *sh, share_cmp);
    char msg[sizeof d->msg];
    size_t used = 0;
    for (int i = 0; i < n && used < sizeof msg; i++)
        if (fabs(sh[i].got - sh[i].want) > tc->tolerance)
            used += (size_t)snprintf(msg + used, sizeof msg - used, "%s%s %.4g (expected %.4g)",
                                     used ? ", " : "", sh[i].text, sh[i].got, sh[i].want);
    if (used)
        return ss_fail(d, "shares off by more than %g in %ld samples: %s", tc->tolerance, tc->samples, msg);
    return 0;
}

/* Runs the case after read_case() has checked it. */
static int run_case(file_run *f, const test_case *tc, ss_diag *d)
{
    int base = lua_gettop(f->L) + 1;
    int nargs = push_call(f, tc);
    uint32_t stream = tc->name[0] ? name_hash(tc->name) : (uint32_t)tc->index;
    ss_rng_reseed(f->rng, (uint64_t)tc->seed, 0, SS_RNG_RULES, stream);
    if (tc->kind == EXPECT_VALUE)
        return judge_value(f, tc, base, nargs, d);
    if (tc->kind == EXPECT_ERROR)
        return judge_error(f, tc, base, nargs, d);
    return judge_shares(f, tc, base, nargs, d);
}

/* "FAIL rules/x.lua:12: test 3 'name': message" (without ":12" when the line is unknown). */
static void case_failed(file_run *f, const test_case *tc, const char *msg)
{
    char where[64] = "", name[300] = "";
    if (tc->line > 0)
        snprintf(where, sizeof where, ":%d", tc->line);
    if (tc->name && tc->name[0])
        snprintf(name, sizeof name, " '%s'", tc->name);
    fprintf(f->o->out, "FAIL %s%s: test %d%s: %s\n", f->chunk, where, tc->index, name, msg);
    f->failed++;
    f->c->failed++;
}

static void test_one(file_run *f, int index)
{
    lua_State *L = f->L;
    int top = lua_gettop(L);
    test_case tc = {.index = index, .line = f->lines ? f->lines[index - 1] : 0};
    ss_diag d = {{0}};
    lua_checkstack(L, 64); /* the case's fields, views, call and counts */
    lua_rawgeti(L, f->tests, index);
    tc.t = lua_gettop(L);
    if (read_case(f, &tc, &d) < 0 || run_case(f, &tc, &d) < 0)
        case_failed(f, &tc, d.msg);
    else
        f->c->passed++;
    lua_settop(L, top);
}

/* A failure of the file as a whole: it counts once. */
static void file_failed(file_run *f, const char *msg)
{
    fprintf(f->o->out, "FAIL %s\n", msg);
    f->failed++;
    f->c->failed++;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The names of the module's functions, sorted, for "which function?" and unknown calls. */
static void collect_functions(file_run *f)
{
    lua_State *L = f->L;
    lua_pushnil(L);                                         /* nil */
    while (lua_next(L, f->module)) {                        /* k v */
        if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TFUNCTION && f->nfuncs < MAX_FUNCS)
            f->funcs[f->nfuncs++] = lua_tostring(L, -2); /* the module keeps the key alive */
        lua_pop(L, 1);                                      /* k */
    }
    qsort(f->funcs, (size_t)f->nfuncs, sizeof *f->funcs, name_cmp);
}

/* A key of tests (arg: the list's length) is a position 1..n: a single case written without
 * the outer braces would otherwise pass as zero cases. */
static int check_position(lua_State *L, const void *arg, ss_diag *d)
{
    lua_Integer n = *(const lua_Integer *)arg;
    if (lua_isinteger(L, -2) && lua_tointeger(L, -2) >= 1 && lua_tointeger(L, -2) <= n)
        return 0;
    char key[128];
    rt_describe_key(L, -2, key, sizeof key);
    return ss_fail(d, "tests: expected a list of test cases { {...}, {...} }, got key %s", key);
}

/* Pushes the module's tests; 0 when it has none (nothing pushed), -1 when the file is wrong. */
static int find_tests(file_run *f, ss_diag *d)
{
    lua_State *L = f->L;
    if (lua_type(L, f->module) == LUA_TFUNCTION)
        return 0;
    if (lua_type(L, f->module) != LUA_TTABLE)
        return ss_fail(d, "%s: expected the file to return a table of functions and tests, got %s",
                       f->chunk, luaL_typename(L, f->module));
    lua_pushliteral(L, "tests");
    int t = lua_rawget(L, f->module);                       /* tests */
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    f->tests = lua_gettop(L);
    if (t != LUA_TTABLE)
        return ss_fail(d, "%s: tests: expected a list of test cases, got %s", f->chunk, lua_typename(L, t));
    lua_Integer n = (lua_Integer)lua_rawlen(L, f->tests);
    if (rt_check_pairs(L, f->tests, check_position, &n, d) < 0)
        return ss_wrap(d, "%s", f->chunk);
    return 0;
}

/* Loads the module into a fresh sandbox and leaves it on the stack. */
static int open_module(file_run *f, const char *code, size_t len, ss_diag *d)
{
    f->sb = ss_sandbox_new(NULL, d);
    if (!f->sb)
        return ss_wrap(d, "%s", f->chunk);
    f->L = ss_sandbox_lua(f->sb);
    f->rng = ss_rng_new(1, 0, SS_RNG_RULES, 0);
    if (!f->rng)
        return ss_fail(d, "%s: not enough memory", f->chunk);
    ss_sandbox_set_rng(f->sb, f->rng);
    ss_sandbox_set_interrupt(f->sb, f->o->interrupt);
    if (ss_rule_run_file(f->sb, code, len, f->chunk, 0, 0, d) < 0)  /* the declared parameters */
        return -1;
    f->module = lua_gettop(f->L);
    return 0;
}

static bool interrupted(const ss_ruletest_opts *o, ss_ruletest_counts *c)
{
    if (o->interrupt && *o->interrupt)
        c->interrupted = true;
    return c->interrupted;
}

/* Runs every case of the module on the stack. */
static void test_module(file_run *f, const char *code, size_t len)
{
    int n = (int)lua_rawlen(f->L, f->tests);
    collect_functions(f);
    f->lines = malloc(sizeof(int) * (size_t)(n ? n : 1));
    if (f->lines && !rt_test_lines(code, len, f->lines, n)) {
        free(f->lines);
        f->lines = NULL;
    }
    int done = 0;
    for (; done < n && !interrupted(f->o, f->c); done++)
        test_one(f, done + 1);
    if (!f->failed && done == n && !f->o->quiet)
        fprintf(f->o->out, "ok %s (%d test%s)\n", f->chunk, n, n == 1 ? "" : "s");
    free(f->lines);
}

void ss_ruletest_source(const char *code, size_t len, const char *chunkname,
                        const ss_ruletest_opts *o, ss_ruletest_counts *c)
{
    file_run f = {.chunk = chunkname, .o = o, .c = c};
    ss_diag d = {{0}};
    c->files++;
    int rc = open_module(&f, code, len, &d);
    if (rc == 0)
        rc = find_tests(&f, &d);
    if (rc < 0)
        file_failed(&f, d.msg);
    else if (rc == 0 && f.tests == 0 && !o->quiet)
        fprintf(o->out, "skip %s (no tests)\n", chunkname);
    else if (f.tests)
        test_module(&f, code, len);
    ss_sandbox_free(f.sb);
    if (f.rng)
        gsl_rng_free(f.rng);
}

/* ================================================================ paths */

static void test_file(const char *path, const ss_ruletest_opts *o, ss_ruletest_counts *c)
{
    size_t len;
    ss_diag d;
    char *code = ss_source_read(path, SS_SOURCE_MAX_BYTES, &len, &d);
    if (!code) {
        fprintf(o->out, "FAIL %s\n", d.msg);
        c->files++;
        c->failed++;
        return;
    }
    ss_ruletest_source(code, len, path, o, c);
    free(code);
}

static bool is_lua(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".lua") == 0;
}

/* The entries of dir that are not hidden, sorted by bytes so the output is the same on every
 * machine; NULL with errno set when it cannot be read. */
static char **list_dir(const char *dir, int *n)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return NULL;
    int cap = 16;
    char **names = malloc(sizeof *names * (size_t)cap);
    *n = 0;
    for (struct dirent *e; names && (e = readdir(dp));) {
        if (e->d_name[0] == '.')
            continue;
        if (*n == cap) {
            char **bigger = realloc(names, sizeof *names * (size_t)(cap *= 2));
            if (!bigger)
                break;
            names = bigger;
        }
        names[(*n)++] = strdup(e->d_name);
    }
    closedir(dp);
    if (names)
        qsort(names, (size_t)*n, sizeof *names, name_cmp);
    return names;
}

static void test_tree(const char *path, int depth, const ss_ruletest_opts *o, ss_ruletest_counts *c);

static void test_dir(const char *dir, int depth, const ss_ruletest_opts *o, ss_ruletest_counts *c)
{
    int n = 0;
    char **names = list_dir(dir, &n);
    if (!names) {
        fprintf(o->out, "FAIL %s: cannot open (%s)\n", dir, strerror(errno));
        c->failed++;
        return;
    }
    size_t dlen = strlen(dir);
    bool slash = dlen > 0 && dir[dlen - 1] == '/';
    for (int i = 0; i < n; i++) {
        char path[4096];
        struct stat st;
        snprintf(path, sizeof path, "%s%s%s", dir, slash ? "" : "/", names[i] ? names[i] : "");
        bool is_dir = names[i] && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
        if (names[i] && (is_dir || is_lua(names[i])) && !interrupted(o, c))
            test_tree(path, depth + 1, o, c);
        free(names[i]);
    }
    free(names);
}

static void test_tree(const char *path, int depth, const ss_ruletest_opts *o, ss_ruletest_counts *c)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        test_file(path, o, c);
    else if (depth > MAX_DEPTH) {
        fprintf(o->out, "FAIL %s: directories nested more than %d deep (a link loop?)\n", path, MAX_DEPTH);
        c->failed++;
    } else
        test_dir(path, depth, o, c);
}

void ss_ruletest_path(const char *path, const ss_ruletest_opts *o, ss_ruletest_counts *c)
{
    test_tree(path, 0, o, c);
}
