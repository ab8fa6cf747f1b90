/* sandbox_parts: the pieces of the sandbox (sandbox.c: the state, its allocator, loading) kept in
 * files of their own, one job each: strict environments, read-only views and pairs() in a fixed
 * order (sandbox_env.c); the replaced base functions, math.random and the building of the safe
 * globals (sandbox_globals.c); C library work charged to the budget (sandbox_charge.c); the
 * budget, the clock and the one gateway into Lua (sandbox_call.c); the plain-data walk and the
 * splitting of messages (sandbox_data.c).  Internal to model/. */
#ifndef SS_SANDBOX_PARTS_H
#define SS_SANDBOX_PARTS_H

#include <lua.h>

#include "sandbox.h"


#define DEFAULT_MEMORY ((size_t)256 << 20)
#define DEFAULT_BUDGET 10000000L
#define DEFAULT_SECONDS 2.0
#define HOOK_EVERY 1000 /* instructions between two budget checks */
#define CLOCK_EVERY 16000 /* charged units between two readings of the CPU clock */
#define BIG_ALLOCATION 65536 /* bytes from which an allocation is charged as work */

struct ss_sandbox {
    lua_State *L;
    size_t used;                        /* bytes the state holds now */
    size_t cap;                         /* refuse growth beyond this while enforcing */
    int enforce;                        /* cap applies (only while Lua code runs or parses) */
    int refused;                        /* the allocator refused a request since arm() */
    long budget;                        /* instructions per outermost call */
    long count;                         /* instructions used by the current call */
    double seconds;                     /* CPU seconds per outermost call */
    double started;                     /* thread CPU clock when the outermost call began, -1
                                           until the first reading (see arm) */
    double armed_at;                    /* coarse wall clock when the outermost call began */
    long next_clock;                    /* count at which the clock is read next */
    long pending;                       /* allocation work charged since the last hook */
    double last_hook, last_clock;       /* coarse wall clock at the last hook, the last CPU read */
    int depth;                          /* nesting of ss_sandbox_call (C helpers may recurse) */
    int tripped;                        /* budget spent or interrupted: hook raises every time */
    char trip_msg[256];                 /* the message that tripped, reported in preference */
    gsl_rng *rng;                       /* math.random's stream; not owned */
    const ss_stop_flag *interrupt;   /* set by a signal handler; not owned */
};

/* The sandbox a state belongs to: its pointer lives in the state's extra space, so C functions
 * called from Lua find the random stream, the budget and the interrupt flag without any global
 * variable. */
static inline ss_sandbox *sbx_of(lua_State *L)
{
    return *(ss_sandbox **)lua_getextraspace(L);
}

/* sandbox_env.c: the metatable every environment shares (kept in the registry). */
void sbx_make_env_meta(lua_State *L);
/* sandbox_env.c: replaces the table at the top by a read-only view named `name`. */
void sbx_make_readonly(lua_State *L, const char *name);
/* sandbox_env.c: name of the read-only view at idx, or NULL when it is an ordinary table. */
const char *sbx_readonly_name(lua_State *L, int idx);
/* sandbox_env.c: pairs() in a fixed order (keeps the original table.sort in the registry). */
void sbx_install_pairs(lua_State *L);
/* sandbox_env.c: work of sorting n things (n log2 n comparisons), charged by pairs and sort. */
long sbx_sort_cost(lua_Integer n);
/* sandbox_charge.c: the charged wrappers of the C library and the bounded pattern functions. */
void sbx_charge_libs(lua_State *L);
/* sandbox_globals.c: builds the safe globals; a lua_CFunction run under lua_pcall. */
int sbx_setup(lua_State *L);
/* sandbox_call.c: the count hook that enforces the budget, the clock and the interrupt. */
void sbx_budget_hook(lua_State *L, lua_Debug *ar);
/* sandbox.c: fills d with the memory message naming the cap; returns -1. */
int sbx_memory_error(ss_sandbox *sb, ss_diag *d);

#endif
