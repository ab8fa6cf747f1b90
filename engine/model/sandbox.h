/* sandbox: the only way Lua code (scenarios, overlays, rules, REPL input) is loaded and run.
 *
 * Learnt from Redis's scripting sandbox and lua.c:
 *  - only base (without dofile, loadfile, require, collectgarbage, string.dump, bytecode load),
 *    string, table, math and utf8 are opened; io, os, package and debug never are;
 *  - each loaded chunk gets its own strict environment: reading an undeclared global and assigning
 *    a global are errors ("undeclared global 'x'"), which catches typos in rules; the standard
 *    library tables are read-only views so one rule cannot change another's math.floor;
 *  - math.random draws from the engine's stream (set per replication), math.randomseed is refused;
 *  - every call goes through ss_sandbox_call(), which arms an instruction-count hook (once the
 *    budget is spent it keeps firing, so a rule's own pcall cannot swallow it) and a message
 *    handler that keeps the first error's "chunk:line:";
 *  - memory is capped by a custom allocator for the whole state;
 *  - time is capped too: the hook reads the thread's CPU clock, so work the instruction count
 *    does not see (C library functions) cannot outlast the call's limit;
 *  - C library functions that can do unbounded work per call (string patterns, string.rep,
 *    table.move/sort/concat/unpack/insert/remove, pairs over a big table ...) charge that work
 *    to the instruction budget, and the pattern functions are our own matcher, which charges
 *    as it backtracks;
 *  - read-only really is: iteration over a read-only view never hands out the table behind it,
 *    and every metatable the host sets is hidden from getmetatable.
 * A sandbox is a value: no global state; one per thread. */
#ifndef SS_SANDBOX_H
#define SS_SANDBOX_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include <gsl/gsl_rng.h>
#include <lua.h>

#include "diag.h"
#include "flag.h"

typedef struct ss_sandbox ss_sandbox;

typedef struct ss_sandbox_limits {
    size_t memory_bytes;         /* cap on the whole Lua state; 0 = default 256 MiB */
    long instructions_per_call;  /* budget per ss_sandbox_call; 0 = default 10,000,000 */
    double seconds_per_call;     /* CPU seconds per ss_sandbox_call; 0 = default 2 */
} ss_sandbox_limits;

/* New sandbox; lim may be NULL for defaults.  NULL with d filled on failure. */
ss_sandbox *ss_sandbox_new(const ss_sandbox_limits *lim, ss_diag *d);
void ss_sandbox_free(ss_sandbox *sb);
lua_State *ss_sandbox_lua(ss_sandbox *sb);

/* The generator math.random draws from (may be NULL: then math.random raises
 * "math.random: no random stream here").  Not owned. */
void ss_sandbox_set_rng(ss_sandbox *sb, gsl_rng *r);

/* Where Ctrl-C is noticed: the hook raises "interrupted" when *flag becomes non-zero.  The flag
 * belongs to the entry point (a signal handler only sets it).  May be NULL. */
void ss_sandbox_set_interrupt(ss_sandbox *sb, const ss_stop_flag *flag);

/* Push a new strict environment table (see above).  Extra names (like the scenario helpers
 * cite/assume) can then be rawset into it before a chunk is loaded with it. */
void ss_sandbox_push_env(ss_sandbox *sb);

/* Load text (never bytecode) as a function with the environment at env_idx (0 = a new strict
 * environment) and push it.  chunkname is shown in messages ("rules/triage.lua" gives
 * "rules/triage.lua:12: ...").  Syntax errors: "rules/triage.lua:12: unexpected symbol near 'x'".
 * Returns 0, or -1 with d filled and nothing pushed. */
int ss_sandbox_load(ss_sandbox *sb, const char *code, size_t len, const char *chunkname,
                    int env_idx, ss_diag *d);
/* As ss_sandbox_load, from a file; a missing file gives "PATH: cannot open (No such file or
 * directory)".  chunkname NULL = the path. */
int ss_sandbox_loadfile(ss_sandbox *sb, const char *path, const char *chunkname, int env_idx,
                        ss_diag *d);

/* The one gateway: call the function below nargs arguments, with the instruction budget and
 * the interrupt armed.  On success leaves nresults values (LUA_MULTRET allowed) and returns 0.
 * On error pops function and arguments, fills d with the message as Lua gave it (usually
 * "chunk:line: text"; the budget gives "chunk:line: instruction limit exceeded (N instructions):
 * is there an endless loop?"; the allocator gives "not enough memory (limit N MiB)"),
 * and returns -1. */
int ss_sandbox_call(ss_sandbox *sb, int nargs, int nresults, ss_diag *d);

/* Pushes the message handler ss_sandbox_call puts under the function it calls.  A caller that
 * keeps it right below the functions it calls (at the top of a stack it keeps balanced) spares
 * ss_sandbox_call putting it there and taking it away at every call. */
void ss_sandbox_push_handler(ss_sandbox *sb);

/* Whether the function at fn_idx, compiled from the chunk at chunk_idx (its file's main
 * function), is plain (sandbox_plain.c): no loop, no call, no closure, no write in it or in any
 * function of its file, shorter than the hook's period, and no Lua metamethod among the values
 * its upvalues reach.  A call of it then never meets the budget, and its answer depends only on
 * what it reads.  Leaves the stack as it was. */
bool ss_sandbox_is_plain(ss_sandbox *sb, int chunk_idx, int fn_idx);
/* What the analysis of a function may take for granted about an argument the host hands it (a
 * view): fields that are lists of at most `most` values, made anew at each read, and fields that
 * are lookups (most = SS_SANDBOX_LOOKUP): C functions doing a bounded piece of work that call no
 * Lua and charge nothing.  A list ends with a NULL name. */
typedef struct ss_sandbox_field {
    const char *name;
    long most;
} ss_sandbox_field;
enum { SS_SANDBOX_LOOKUP = -1, SS_SANDBOX_ARGS = 8 };
/* args[i]: what argument i (parameter i of the function) is known to be, or NULL. */
typedef struct ss_sandbox_args {
    const ss_sandbox_field *of[SS_SANDBOX_ARGS];
} ss_sandbox_args;

/* Whether the function at fn_idx, found in the module at module_idx (what its file's chunk at
 * chunk_idx returned: a table of functions, or the function itself), is bounded
 * (sandbox_plain.c) when called with args (NULL: nothing known): no loop but numeric for loops
 * up to the length of a table nothing can change or of a list of an argument, calls only to
 * functions of its file that are bounded too, to a few C functions such as math.random or to
 * an argument's lookups, shorter than the hook's period all together, and nothing of its file
 * can change that.  A call of it then never meets the budget.  Leaves the stack as it was. */
bool ss_sandbox_is_bounded(ss_sandbox *sb, int chunk_idx, int module_idx, int fn_idx, const ss_sandbox_args *args);
/* Whether the function at fn_idx, found in the module at module_idx (its file's chunk at
 * chunk_idx), may be handed a plain table in place of a read-only view (a userdata whose
 * __index gives its fields) with the same metatable, and tell no difference (sandbox_plain.c): no function its calls reach writes a table
 * or an upvalue (so nothing changes the table or keeps it for later), each call reaches a Lua
 * function of the same kind, one of the C functions a bounded function may call but type(), or
 * a lookup of args (as ss_sandbox_is_bounded), no length is taken of what could be the view,
 * and no Lua metamethod among the values it reaches runs unseen.  *keys gets bit i for each names[i] (at most 64) that some GETFIELD of
 * those functions reads: the fields worth setting in the table before a call.  Leaves the stack
 * as it was. */
bool ss_sandbox_views_as_tables(ss_sandbox *sb, int chunk_idx, int module_idx, int fn_idx, const ss_sandbox_args *args,
                                const char *const *names, int nnames, uint64_t *keys);
/* ss_sandbox_is_bounded and ss_sandbox_views_as_tables at once, walking what the function and
 * its module reach once for both. */
typedef struct ss_sandbox_kind {
    bool bounded, tables;
    uint64_t keys;
} ss_sandbox_kind;
void ss_sandbox_classify(ss_sandbox *sb, int chunk_idx, int module_idx, int fn_idx, const ss_sandbox_args *args,
                         const char *const *names, int nnames, ss_sandbox_kind *kind);
/* ss_sandbox_call for a plain or bounded function: the same, without the count hook, which a plain
 * function never reaches (it would trap every instruction for nothing). */
int ss_sandbox_call_plain(ss_sandbox *sb, int nargs, int nresults, ss_diag *d);

/* For C functions called from Lua: charge `units` (about one VM instruction each) of work to
 * the current call, and raise the budget's, the clock's or the interrupt's error when one is
 * spent, located at the nearest Lua line.  Does nothing outside ss_sandbox_call. */
void ss_sandbox_charge(lua_State *L, long units);

/* Hide the metatable of the value at idx from getmetatable (and so from setmetatable and from
 * changes): sets its __metatable to false.  For host-made metatables (views, tags). */
void ss_sandbox_seal_metatable(lua_State *L, int idx);

/* Whether the value at idx is plain data that C may read without running Lua: no table in it
 * (or in its keys) has a metatable, except the metatable registered as allowed_meta
 * (luaL_newmetatable's name; may be NULL), and nothing in it is a userdata or a coroutine.
 * Functions pass (the host only calls them through ss_sandbox_call).  The walk runs under the
 * call's limits and copes with tables that contain themselves.  Returns 0, or -1 with d filled:
 * "services.fph.fte: a table with a metatable is not data (...)".  Leaves the stack as it was. */
int ss_sandbox_check_data(ss_sandbox *sb, int idx, const char *allowed_meta, ss_diag *d);

/* Split a Lua error message "chunk:line: text" into location and text.  When the message has no
 * such prefix, loc is set to "" and *text to msg. */
void ss_sandbox_split_location(const char *msg, char *loc, size_t locn, const char **text);

/* Bytes the state uses now (for benchmarks). */
size_t ss_sandbox_memory(const ss_sandbox *sb);

#endif
