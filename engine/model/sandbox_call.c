/* sandbox_call: the one gateway into Lua (ss_sandbox_call) and what it arms: the instruction
 * budget, the CPU-time limit and the interrupt, checked by a count hook that keeps firing once
 * tripped so a rule's own pcall cannot swallow it.  Part of the sandbox (sandbox_parts.h). */
#include "sandbox_parts.h"

#include <assert.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include <time.h>

/* ---------------------------------------------------------------- calling */

/* The thread's CPU time in seconds: what the time limit counts, so a busy machine does not
 * make a rule fail. */
static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A cheap clock (no system call) for how long the instructions between two hooks took. */
static double coarse_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Pushes "chunk:line: " of the innermost Lua function running (the hook and C functions run
 * without a Lua line of their own), or "" when none has one. */
static void push_where(lua_State *L)
{
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
            return;
        }
    }
    lua_pushliteral(L, "");
}

/* Marks the call as stopped for good and raises "chunk:line: text". */
static void trip(lua_State *L, ss_sandbox *sb, const char *text)
{
    push_where(L);                                     /* where */
    snprintf(sb->trip_msg, sizeof sb->trip_msg, "%s%s", lua_tostring(L, -1), text);
    sb->tripped = 1;
    lua_sethook(L, lua_gethook(L), LUA_MASKCOUNT, 1); /* from now on, every instruction */
    lua_pushstring(L, sb->trip_msg);                   /* where msg */
    lua_error(L);
}

/* Raises when the call is stopped, interrupted, over its budget or over its time. */
static void check_limits(lua_State *L, ss_sandbox *sb)
{
    char text[160];
    if (sb->tripped) {
        lua_pushstring(L, sb->trip_msg);               /* msg */
        lua_error(L);
    }
    if (sb->interrupt && *sb->interrupt)
        trip(L, sb, "interrupted");
    if (sb->count > sb->budget) {
        snprintf(text, sizeof text,
                 "instruction limit exceeded (%ld instructions): is there an endless loop?",
                 sb->budget);
        trip(L, sb, text);
    }
    if (sb->count >= sb->next_clock) {
        sb->next_clock = sb->count + CLOCK_EVERY;
        sb->last_clock = coarse_seconds();
        double cpu = cpu_seconds();
        if (sb->started < 0) /* the first reading of this call: what ran before counts as wall time */
            sb->started = cpu - (sb->last_clock - sb->armed_at);
        if (cpu - sb->started > sb->seconds) {
            snprintf(text, sizeof text,
                     "time limit exceeded (%g s of CPU time): is there an endless loop?",
                     sb->seconds);
            trip(L, sb, text);
        }
    }
}


/* Instructions are cheap, except some on huge strings (s1 == s2 compares 100 MiB): when the last
 * HOOK_EVERY instructions took long, the hook comes ten times sooner, down to every
 * instruction, and goes back as they get cheap again; and the CPU clock is read at least every
 * 10 ms of such work, so the time limit holds whatever the instructions cost. */
static void adapt_period(lua_State *L, ss_sandbox *sb, int period)
{
    double now = coarse_seconds(), gap = now - sb->last_hook;
    sb->last_hook = now;
    int next = period;
    if (gap > 0.004 && period > 1)
        next = period / 10 > 1 ? period / 10 : 1;
    else if (gap < 0.001 && period < HOOK_EVERY)
        next = period * 10 < HOOK_EVERY ? period * 10 : HOOK_EVERY;
    if (next != period)
        lua_sethook(L, sbx_budget_hook, LUA_MASKCOUNT, next);
    if (now - sb->last_clock >= 0.01)
        sb->next_clock = sb->count; /* read the CPU clock now */
}

/* The count hook: every HOOK_EVERY instructions, and every instruction once tripped, so a
 * rule's own pcall only delays the error by one instruction. */
void sbx_budget_hook(lua_State *L, lua_Debug *ar)
{
    ss_sandbox *sb = sbx_of(L);
    if (!sb->tripped) {
        int period = lua_gethookcount(L);
        sb->count += period + sb->pending;
        sb->pending = 0;
        adapt_period(L, sb, period);
    }
    check_limits(L, sb);
}

void ss_sandbox_charge(lua_State *L, long units)
{
    ss_sandbox *sb = sbx_of(L);
    if (sb->depth == 0)
        return;
    sb->count = units > LONG_MAX - sb->count ? LONG_MAX : sb->count + units;
    check_limits(L, sb);
}

/* The CPU clock is a system call, as long as a small rule takes (a few hundred ns), so arming
 * does not read it: the first reading comes once the call has been charged CLOCK_EVERY units or
 * has run 10 ms (adapt_period), and the time before it is counted on the coarse wall clock, which
 * runs at least as fast as the thread's CPU time (to within its tick of a few ms). */
static void arm(ss_sandbox *sb, bool hooked)
{
    sb->count = 0;
    sb->pending = 0;
    sb->next_clock = CLOCK_EVERY;
    sb->started = -1;
    sb->armed_at = sb->last_hook = sb->last_clock = coarse_seconds();
    sb->tripped = 0;
    sb->refused = 0;
    sb->enforce = 1;
    if (hooked)
        lua_sethook(sb->L, sbx_budget_hook, LUA_MASKCOUNT, HOOK_EVERY);
}

static void disarm(ss_sandbox *sb)
{
    if (lua_gethook(sb->L))
        lua_sethook(sb->L, NULL, 0, 0);
    sb->tripped = 0;
    sb->enforce = 0;
}

/* lua.c's message handler without the traceback (the caller words its own message): keeps
 * Lua's "chunk:line: text", and names error objects that are not strings. */
static int msghandler(lua_State *L)
{
    if (lua_type(L, 1) == LUA_TSTRING || lua_type(L, 1) == LUA_TNUMBER) {
        lua_tostring(L, 1);                            /* msg */
        return 1;
    }
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
        return 1;                                      /* msg */
    lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    return 1;
}

/* Fills d for a failed call and pops the error.  The budget's or the interrupt's message wins
 * over whatever a rule did after catching it; memory errors name the cap (luaL_Buffer raises
 * a plain "not enough memory" as a runtime error, hence the second test). */
static int call_error(ss_sandbox *sb, int status, ss_diag *d)
{
    lua_State *L = sb->L;
    const char *msg = lua_tostring(L, -1);
    if (sb->tripped)
        ss_fail(d, "%s", sb->trip_msg);
    else if (status == LUA_ERRMEM || (sb->refused && msg && !strcmp(msg, "not enough memory")))
        sbx_memory_error(sb, d);
    else
        ss_fail(d, "%s", msg ? msg : "(error object is not a string)");
    lua_pop(L, 1);                                     /* */
    if (sb->refused)
        lua_gc(L, LUA_GCCOLLECT); /* give the garbage of the failed call back now */
    return -1;
}

/* ss_sandbox_call, with the count hook armed or not (a plain function never reaches it). */
static int call_armed(ss_sandbox *sb, int nargs, int nresults, bool hooked, ss_diag *d)
{
    assert(sb && nargs >= 0);
    lua_State *L = sb->L;
    assert(lua_gettop(L) > nargs && "function and arguments must be on the stack");
    int base = lua_gettop(L) - nargs;                  /* f args */
    bool below = base > 1 && lua_tocfunction(L, base - 1) == msghandler;  /* h f args */
    if (!below) {
        if (!lua_checkstack(L, 1)) {
            lua_settop(L, base - 1);
            return ss_fail(d, "stack overflow");
        }
        lua_pushcfunction(L, msghandler);              /* f args h */
        lua_insert(L, base++);                         /* h f args */
    }
    if (sb->depth++ == 0)
        arm(sb, hooked);
    int status = lua_pcall(L, nargs, nresults, base - 1);  /* h results | h err */
    if (!below)
        lua_remove(L, base - 1);                       /* results | err */
    int rc = status == LUA_OK ? 0 : call_error(sb, status, d);
    if (--sb->depth == 0)
        disarm(sb);
    return rc;
}


void ss_sandbox_push_handler(ss_sandbox *sb)
{
    lua_pushcfunction(sb->L, msghandler);
}

int ss_sandbox_call(ss_sandbox *sb, int nargs, int nresults, ss_diag *d)
{
    return call_armed(sb, nargs, nresults, true, d);
}

int ss_sandbox_call_plain(ss_sandbox *sb, int nargs, int nresults, ss_diag *d)
{
    return call_armed(sb, nargs, nresults, false, d);
}
