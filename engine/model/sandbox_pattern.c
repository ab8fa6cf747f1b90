/* sandbox_pattern: Lua patterns with a matcher that pays for its work (see the header).
 *
 * Written from the reference manual's description of patterns (§6.4.1) and of the four
 * functions; the results, the error texts and the edge cases (negative init, empty matches in
 * gmatch and gsub, position captures) are those of Lua 5.4, which tests/unit/test_sandbox.c
 * compares against.  Every step of the matcher (a call of match_here, a character tried by a
 * repetition or by %b) is counted; every STEP_CHARGE steps the count is charged to the
 * sandbox, whose limits then raise their error at the rule's line. */
#include "sandbox_pattern.h"

#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <lauxlib.h>

#include "sandbox.h"

#define ESC '%'
#define SPECIALS "^$*+?.([%-"
#define MAX_DEPTH 200         /* nested match_here calls, as Lua's MAXCCALLS */
#define MAX_CAPTURES 32       /* as Lua's LUA_MAXCAPTURES */
#define STEP_CHARGE 1024      /* steps between two charges */
#define STEPS_PER_UNIT 4      /* a step is cheaper than a VM instruction */
#define CAP_UNFINISHED (-1)
#define CAP_POSITION (-2)

typedef struct matcher {
    lua_State *L;
    const char *src, *src_end;  /* the subject */
    const char *pat_end;
    int depth;                  /* match_here calls left before "pattern too complex" */
    int level;                  /* captures open or closed so far */
    long steps;                 /* not yet charged */
    struct { const char *init; ptrdiff_t len; } capture[MAX_CAPTURES];
} matcher;

static void step(matcher *ms)
{
    if (++ms->steps >= STEP_CHARGE) {
        ss_sandbox_charge(ms->L, ms->steps / STEPS_PER_UNIT);
        ms->steps = 0;
    }
}

static void matcher_init(matcher *ms, lua_State *L, const char *s, size_t ls, const char *p,
                         size_t lp)
{
    ms->L = L;
    ms->src = s;
    ms->src_end = s + ls;
    ms->pat_end = p + lp;
    ms->steps = 0;
}

/* Before each attempt at a new position. */
static void matcher_reset(matcher *ms)
{
    ms->level = 0;
    ms->depth = MAX_DEPTH;
}

/* ---- single characters ---------------------------------------------------------------- */

/* %a, %d ... (upper case: the complement); any other letter stands for itself. */
static bool in_class(int c, int cl)
{
    bool r;
    switch (tolower(cl)) {
    case 'a': r = isalpha(c); break;
    case 'c': r = iscntrl(c); break;
    case 'd': r = isdigit(c); break;
    case 'g': r = isgraph(c); break;
    case 'l': r = islower(c); break;
    case 'p': r = ispunct(c); break;
    case 's': r = isspace(c); break;
    case 'u': r = isupper(c); break;
    case 'w': r = isalnum(c); break;
    case 'x': r = isxdigit(c); break;
    case 'z': r = c == 0; break; /* deprecated in Lua, kept by it */
    default: return cl == c;
    }
    return isupper(cl) ? !r : r;
}

/* [set]: p at '[', close at its ']'. */
static bool in_set(int c, const char *p, const char *close)
{
    bool yes = true;
    if (p[1] == '^') {
        yes = false;
        p++;
    }
    while (++p < close) {
        if (*p == ESC) {
            p++;
            if (in_class(c, (unsigned char)*p))
                return yes;
        } else if (p[1] == '-' && p + 2 < close) {
            p += 2;
            if ((unsigned char)p[-2] <= c && c <= (unsigned char)*p)
                return yes;
        } else if ((unsigned char)*p == c) {
            return yes;
        }
    }
    return !yes;
}

/* End of the single-character class starting at p. */
static const char *class_end(matcher *ms, const char *p)
{
    char c = *p++;
    if (c == ESC) {
        if (p >= ms->pat_end)
            luaL_error(ms->L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (c == '[') {
        if (*p == '^')
            p++;
        do { /* a ']' first in the set is a member */
            if (p >= ms->pat_end)
                luaL_error(ms->L, "malformed pattern (missing ']')");
            if (*p++ == ESC && p < ms->pat_end)
                p++;
        } while (*p != ']');
        return p + 1;
    }
    return p;
}

/* Does the character at s match the class p..ep? */
static bool single(matcher *ms, const char *s, const char *p, const char *ep)
{
    if (s >= ms->src_end)
        return false;
    int c = (unsigned char)*s;
    switch (*p) {
    case '.': return true;
    case ESC: return in_class(c, (unsigned char)p[1]);
    case '[': return in_set(c, p, ep - 1);
    default: return (unsigned char)*p == c;
    }
}

/* ---- the matcher ------------------------------------------------------------------------- */

static const char *match_here(matcher *ms, const char *s, const char *p);

/* Greedy: as many as match, then give back one at a time. */
static const char *max_expand(matcher *ms, const char *s, const char *p, const char *ep)
{
    ptrdiff_t i = 0;
    while (single(ms, s + i, p, ep)) {
        step(ms);
        i++;
    }
    for (; i >= 0; i--) {
        const char *r = match_here(ms, s + i, ep + 1);
        if (r)
            return r;
    }
    return NULL;
}

/* Lazy: as few as possible, one more at a time. */
static const char *min_expand(matcher *ms, const char *s, const char *p, const char *ep)
{
    for (;;) {
        const char *r = match_here(ms, s, ep + 1);
        if (r)
            return r;
        if (!single(ms, s, p, ep))
            return NULL;
        s++;
    }
}

static const char *open_capture(matcher *ms, const char *s, const char *p, ptrdiff_t what)
{
    if (ms->level >= MAX_CAPTURES)
        luaL_error(ms->L, "too many captures");
    ms->capture[ms->level].init = s;
    ms->capture[ms->level].len = what;
    ms->level++;
    const char *r = match_here(ms, s, p);
    if (!r)
        ms->level--;
    return r;
}

static const char *close_capture(matcher *ms, const char *s, const char *p)
{
    int l = ms->level - 1;
    while (l >= 0 && ms->capture[l].len != CAP_UNFINISHED)
        l--;
    if (l < 0)
        luaL_error(ms->L, "invalid pattern capture");
    ms->capture[l].len = s - ms->capture[l].init;
    const char *r = match_here(ms, s, p);
    if (!r)
        ms->capture[l].len = CAP_UNFINISHED;
    return r;
}

/* %bxy: p at x. */
static const char *balance(matcher *ms, const char *s, const char *p)
{
    if (p >= ms->pat_end - 1)
        luaL_error(ms->L, "malformed pattern (missing arguments to '%%b')");
    if (s >= ms->src_end || *s != *p)
        return NULL;
    char open = p[0], close = p[1];
    int depth = 1;
    while (++s < ms->src_end) {
        step(ms);
        if (*s == close) {
            if (--depth == 0)
                return s + 1;
        } else if (*s == open) {
            depth++;
        }
    }
    return NULL;
}

/* %1 ... %9: the same text as the capture again. */
static const char *back_reference(matcher *ms, const char *s, int digit)
{
    int l = digit - '1';
    if (l < 0 || l >= ms->level || ms->capture[l].len == CAP_UNFINISHED)
        luaL_error(ms->L, "invalid capture index %%%d", l + 1);
    size_t len = (size_t)ms->capture[l].len;
    if ((size_t)(ms->src_end - s) >= len && memcmp(ms->capture[l].init, s, len) == 0)
        return s + len;
    return NULL;
}

/* %f[set]: p after 'f'; returns the pattern past the set, or NULL when s is no frontier. */
static const char *frontier(matcher *ms, const char *s, const char *p)
{
    if (*p != '[')
        luaL_error(ms->L, "missing '[' after '%%f' in pattern");
    const char *ep = class_end(ms, p);
    int prev = s == ms->src ? '\0' : (unsigned char)s[-1];
    int cur = s < ms->src_end ? (unsigned char)*s : '\0';
    if (!in_set(prev, p, ep - 1) && in_set(cur, p, ep - 1))
        return ep;
    return NULL;
}

/* A single class with its repetition suffix; sets *done when the rest was matched (or failed)
 * by a recursive call, else advances *s and returns the pattern position to go on from. */
static const char *item(matcher *ms, const char **s, const char *p, bool *done)
{
    const char *ep = class_end(ms, p);
    bool m = single(ms, *s, p, ep);
    *done = true;
    switch (*ep) {
    case '?': {
        const char *r = m ? match_here(ms, *s + 1, ep + 1) : NULL;
        if (r) {
            *s = r;
            return NULL;
        }
        *done = false;
        return ep + 1;
    }
    case '+': *s = m ? max_expand(ms, *s + 1, p, ep) : NULL; return NULL;
    case '*': *s = max_expand(ms, *s, p, ep); return NULL;
    case '-': *s = min_expand(ms, *s, p, ep); return NULL;
    default:
        if (!m) {
            *s = NULL;
            return NULL;
        }
        *done = false;
        (*s)++;
        return ep;
    }
}

/* Matches the pattern from p against the subject from s; the end of the match or NULL. */
static const char *match_here(matcher *ms, const char *s, const char *p)
{
    if (ms->depth-- == 0)
        luaL_error(ms->L, "pattern too complex");
    step(ms);
    while (s && p != ms->pat_end) {
        bool done = false;
        if (*p == '(') {
            s = p[1] == ')' ? open_capture(ms, s, p + 2, CAP_POSITION)
                            : open_capture(ms, s, p + 1, CAP_UNFINISHED);
            break;
        } else if (*p == ')') {
            s = close_capture(ms, s, p + 1);
            break;
        } else if (*p == '$' && p + 1 == ms->pat_end) {
            s = s == ms->src_end ? s : NULL;
            break;
        } else if (*p == ESC && p[1] == 'b') {
            s = balance(ms, s, p + 2);
            p += 4;
        } else if (*p == ESC && p[1] == 'f') {
            p = frontier(ms, s, p + 2);
            if (!p)
                s = NULL;
        } else if (*p == ESC && isdigit((unsigned char)p[1])) {
            s = back_reference(ms, s, (unsigned char)p[1]);
            p += 2;
        } else {
            p = item(ms, &s, p, &done);
            if (done)
                break;
        }
    }
    ms->depth++;
    return s;
}

/* ---- captures ---------------------------------------------------------------------------- */

/* Capture i (or the whole match s..e when the pattern has none and i is 0). */
static void push_capture(matcher *ms, int i, const char *s, const char *e)
{
    if (i >= ms->level) {
        if (i != 0)
            luaL_error(ms->L, "invalid capture index %%%d", i + 1);
        lua_pushlstring(ms->L, s, (size_t)(e - s));
        return;
    }
    ptrdiff_t len = ms->capture[i].len;
    if (len == CAP_UNFINISHED)
        luaL_error(ms->L, "unfinished capture");
    if (len == CAP_POSITION)
        lua_pushinteger(ms->L, (ms->capture[i].init - ms->src) + 1);
    else
        lua_pushlstring(ms->L, ms->capture[i].init, (size_t)len);
}

/* All captures; with s NULL (find) none for a pattern without captures. */
static int push_captures(matcher *ms, const char *s, const char *e)
{
    int n = (ms->level == 0 && s) ? 1 : ms->level;
    luaL_checkstack(ms->L, n, "too many captures");
    for (int i = 0; i < n; i++)
        push_capture(ms, i, s, e);
    return n;
}

/* ---- find and match ---------------------------------------------------------------------- */

/* A 1-based, possibly negative start position as a 1-based position (Lua's posrelatI). */
static size_t start_position(lua_Integer pos, size_t len)
{
    if (pos > 0)
        return (size_t)pos;
    if (pos == 0 || pos < -(lua_Integer)len)
        return 1;
    return len + (size_t)pos + 1;
}

static bool has_specials(const char *p, size_t lp)
{
    for (size_t i = 0; i < lp; i++)
        if (strchr(SPECIALS, p[i]) && p[i] != '\0')
            return true;
    return false;
}

/* Plain search; charged by the length searched. */
static const char *plain_find(lua_State *L, const char *s, size_t ls, const char *p, size_t lp)
{
    ss_sandbox_charge(L, (long)(ls / 16));
    if (lp == 0)
        return s;
    if (lp > ls)
        return NULL;
    for (const char *end = s + ls - lp + 1; s < end; s++) {
        s = memchr(s, *p, (size_t)(end - s));
        if (!s)
            return NULL;
        if (memcmp(s, p, lp) == 0)
            return s;
    }
    return NULL;
}

static int find_or_match(lua_State *L, bool find)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_position(luaL_optinteger(L, 3, 1), ls) - 1;
    if (init > ls) {
        luaL_pushfail(L);
        return 1;
    }
    if (find && (lua_toboolean(L, 4) || !has_specials(p, lp))) {
        const char *at = plain_find(L, s + init, ls - init, p, lp);
        if (!at) {
            luaL_pushfail(L);
            return 1;
        }
        lua_pushinteger(L, (at - s) + 1);
        lua_pushinteger(L, (lua_Integer)((size_t)(at - s) + lp));
        return 2;
    }
    bool anchor = *p == '^';
    matcher ms;
    matcher_init(&ms, L, s, ls, p + anchor, lp - anchor);
    const char *from = s + init;
    do {
        matcher_reset(&ms);
        const char *e = match_here(&ms, from, p + anchor);
        if (e) {
            if (!find)
                return push_captures(&ms, from, e);
            lua_pushinteger(L, (from - s) + 1);
            lua_pushinteger(L, e - s);
            return push_captures(&ms, NULL, NULL) + 2;
        }
    } while (from++ < ms.src_end && !anchor);
    luaL_pushfail(L);
    return 1;
}

static int p_find(lua_State *L) { return find_or_match(L, true); }
static int p_match(lua_State *L) { return find_or_match(L, false); }

/* ---- gmatch ------------------------------------------------------------------------------ */

typedef struct gmatch_state {
    matcher ms;
    const char *from, *pat, *last_end;
} gmatch_state;

/* The iterator; upvalues: subject, pattern, state.  An empty match right where the previous
 * match ended is skipped, as in Lua 5.4. */
static int gmatch_next(lua_State *L)
{
    gmatch_state *g = lua_touserdata(L, lua_upvalueindex(3));
    g->ms.L = L;
    for (const char *from = g->from; from <= g->ms.src_end; from++) {
        matcher_reset(&g->ms);
        const char *e = match_here(&g->ms, from, g->pat);
        if (e && e != g->last_end) {
            g->from = g->last_end = e;
            return push_captures(&g->ms, from, e);
        }
    }
    return 0;
}

static int p_gmatch(lua_State *L)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_position(luaL_optinteger(L, 3, 1), ls) - 1;
    lua_settop(L, 2);                                  /* s p (kept alive as upvalues) */
    gmatch_state *g = lua_newuserdatauv(L, sizeof *g, 0); /* s p g */
    if (init > ls)
        init = ls + 1;
    matcher_init(&g->ms, L, s, ls, p, lp);
    g->from = s + init;
    g->pat = p;
    g->last_end = NULL;
    lua_pushcclosure(L, gmatch_next, 3);               /* iterator */
    return 1;
}

/* ---- gsub -------------------------------------------------------------------------------- */

/* The replacement string with %0-%9 and %% expanded. */
static void add_expanded(matcher *ms, luaL_Buffer *b, const char *s, const char *e)
{
    size_t l;
    const char *news = lua_tolstring(ms->L, 3, &l);
    const char *pct;
    while ((pct = memchr(news, ESC, l)) != NULL) {
        luaL_addlstring(b, news, (size_t)(pct - news));
        pct++; /* the string ends in '\0', so this is safe at the end too */
        if (*pct == ESC) {
            luaL_addchar(b, *pct);
        } else if (*pct == '0') {
            luaL_addlstring(b, s, (size_t)(e - s));
        } else if (isdigit((unsigned char)*pct)) {
            push_capture(ms, *pct - '1', s, e);        /* ... cap */
            luaL_tolstring(ms->L, -1, NULL);           /* ... cap text */
            lua_remove(ms->L, -2);                     /* ... text */
            luaL_addvalue(b);
        } else {
            luaL_error(ms->L, "invalid use of '%c' in replacement string", ESC);
        }
        l -= (size_t)(pct + 1 - news);
        news = pct + 1;
    }
    luaL_addlstring(b, news, l);
}

/* One replacement; returns whether the text changed. */
static bool add_replacement(matcher *ms, luaL_Buffer *b, const char *s, const char *e, int tr)
{
    lua_State *L = ms->L;
    if (tr == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);                           /* ... f */
        int n = push_captures(ms, s, e);               /* ... f caps */
        lua_call(L, n, 1);                             /* ... v */
    } else if (tr == LUA_TTABLE) {
        push_capture(ms, 0, s, e);                     /* ... key */
        lua_gettable(L, 3);                            /* ... v */
    } else {
        add_expanded(ms, b, s, e);
        return true;
    }
    if (!lua_toboolean(L, -1)) {                       /* nil or false: keep the match */
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
        return false;
    }
    if (!lua_isstring(L, -1))
        luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    luaL_addvalue(b);
    return true;
}

static int p_gsub(lua_State *L)
{
    size_t ls, lp;
    const char *src = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    int tr = lua_type(L, 3);
    lua_Integer max_n = luaL_optinteger(L, 4, (lua_Integer)ls + 1);
    luaL_argexpected(L, tr == LUA_TNUMBER || tr == LUA_TSTRING || tr == LUA_TFUNCTION ||
                     tr == LUA_TTABLE, 3, "string/function/table");
    bool anchor = *p == '^';
    matcher ms;
    matcher_init(&ms, L, src, ls, p + anchor, lp - anchor);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    const char *last_end = NULL;
    lua_Integer n = 0;
    bool changed = false;
    while (n < max_n) {
        matcher_reset(&ms);
        const char *e = match_here(&ms, src, p + anchor);
        if (e && e != last_end) {
            n++;
            changed = add_replacement(&ms, &b, src, e, tr) || changed;
            src = last_end = e;
        } else if (src < ms.src_end) {
            luaL_addchar(&b, *src++);
        } else {
            break;
        }
        if (anchor)
            break;
    }
    if (!changed) {
        lua_pushvalue(L, 1);
    } else {
        luaL_addlstring(&b, src, (size_t)(ms.src_end - src));
        luaL_pushresult(&b);
    }
    lua_pushinteger(L, n);
    return 2;
}

void ss_pattern_install(lua_State *L)
{
    static const luaL_Reg fns[] = {{"find", p_find},     {"match", p_match},
                                   {"gmatch", p_gmatch}, {"gsub", p_gsub},
                                   {NULL, NULL}};
    luaL_setfuncs(L, fns, 0);
}
