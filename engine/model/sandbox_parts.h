/* sandbox_parts: the pieces of the sandbox (sandbox.c: the state, its allocator, loading) kept in
 * files of their own, one job each: strict environments, read-only views and pairs() in a fixed
 * order (sandbox_env.c); the replaced base functions, math.random and the building of the safe
 * globals (sandbox_globals.c); C library work charged to the budget (sandbox_charge.c); the
 * budget, the clock and the one gateway into Lua (sandbox_call.c); the plain-data walk and the
 * splitting of messages (sandbox_data.c).  Internal to model/. */
#ifndef SS_SANDBOX_PARTS_H
#define SS_SANDBOX_PARTS_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

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
/* Lua 5.4's instructions (lopcodes.h): the opcodes sandbox_plain.c looks at, and the fields. */
enum {
    SBX_OP_MOVE = 0, SBX_OP_GETUPVAL = 9, SBX_OP_SETUPVAL = 10, SBX_OP_GETTABUP = 11,
    SBX_OP_GETFIELD = 14, SBX_OP_SETTABUP = 15, SBX_OP_SETTABLE = 16, SBX_OP_SETI = 17,
    SBX_OP_SETFIELD = 18, SBX_OP_NEWTABLE = 19, SBX_OP_SELF = 20, SBX_OP_MMBIN = 46,
    SBX_OP_MMBINK = 48, SBX_OP_CONCAT = 53, SBX_OP_CLOSE = 54, SBX_OP_TBC = 55, SBX_OP_JMP = 56,
    SBX_OP_EQ = 57, SBX_OP_TESTSET = 67, SBX_OP_CALL = 68, SBX_OP_TAILCALL = 69,
    SBX_OP_RETURN = 70, SBX_OP_RETURN1 = 72, SBX_OP_FORLOOP = 73, SBX_OP_FORPREP = 74,
    SBX_OP_TFORPREP = 75, SBX_OP_TFORCALL = 76, SBX_OP_TFORLOOP = 77, SBX_OP_SETLIST = 78,
    SBX_OP_CLOSURE = 79, SBX_OP_VARARG = 80, SBX_OP_VARARGPREP = 81, SBX_OP_EXTRAARG = 82,
    SBX_OP_LOADNIL = 8, SBX_OP_LFALSESKIP = 6, SBX_OP_LOADI = 1, SBX_OP_GETTABLE = 12,
    SBX_OP_GETI = 13, SBX_OP_LEN = 52, SBX_OP_LAST = 82
};
enum { SBX_OFFSET_SBX = 65535 };  /* sBx = Bx - OFFSET_sBx (LOADI's constant) */
#define SBX_OP(i) ((int)((i) & 0x7f))
#define SBX_A(i) ((int)(((i) >> 7) & 0xff))
#define SBX_B(i) ((int)(((i) >> 16) & 0xff))
#define SBX_C(i) ((int)(((i) >> 24) & 0xff))
#define SBX_BX(i) ((int)((i) >> 15))
#define SBX_SJ(i) ((int)(((i) >> 7) & 0x1ffffff) - 0xffffff)

/* sandbox_code.c: a function's compiled code, from its stripped dump: its own instructions and
 * string constants (kstr[k] NULL when constant k is no string), and what the functions defined
 * inside it do. */
typedef struct sbx_code {
    unsigned char *buf;
    const unsigned char *code;
    size_t ncode, nk;
    const unsigned char **kstr;
    size_t *klen;
    int nparams;        /* the function's fixed parameters (registers 0 .. nparams - 1) */
    bool inner_plain;   /* every function inside keeps to sbx_code_plain() */
    bool inner_writes;  /* some function inside writes a table (or a global) */
} sbx_code;
/* Reads the Lua function at idx; false (c empty) for a C function or a dump not understood. */
bool sbx_code_read(lua_State *L, int idx, sbx_code *c);
void sbx_code_free(sbx_code *c);
/* No loop, call, closure or write of any kind (see sandbox_plain.c). */
bool sbx_code_plain(const unsigned char *code, size_t n);
static inline uint32_t sbx_instruction(const unsigned char *code, size_t k)
{
    uint32_t i;
    memcpy(&i, code + 4 * k, 4);
    return i;
}

/* sandbox.c: fills d with the memory message naming the cap; returns -1. */
int sbx_memory_error(ss_sandbox *sb, ss_diag *d);

#endif
