/* sandbox: the only way Lua code is loaded and run (see sandbox.h for the contract).
 *
 * Layout of the state:
 *  - the registry's globals table is the shared "safe globals": base (trimmed), and read-only
 *    views of string, table, math and utf8; its own _G is a read-only view of itself;
 *  - every chunk gets a fresh environment table whose shared metatable (kept in the registry)
 *    looks names up in the safe globals and raises on anything undeclared;
 *  - the ss_sandbox pointer lives in the state's extra space, so C functions called from Lua
 *    find the random stream, the budget and the interrupt flag without any global variable.
 * Beyond the header's list, three base functions are tightened because each is a way around
 * the rest: rawset refuses the read-only views, setmetatable refuses __gc (finalizers run with
 * hooks off), and xpcall does not run a rule's handler for the budget's error (handlers of
 * errors raised in a hook also run with hooks off).  The string metatable is hidden from
 * getmetatable, as its __index is the real string library. */
#include "sandbox.h"

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>
#include <lualib.h>

#include "sandbox_pattern.h"
#include "source.h"

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
    double started;                     /* thread CPU clock when the outermost call began */
    long next_clock;                    /* count at which the clock is read next */
    long pending;                       /* allocation work charged since the last hook */
    double last_hook, last_clock;       /* coarse wall clock at the last hook, the last CPU read */
    int depth;                          /* nesting of ss_sandbox_call (C helpers may recurse) */
    int tripped;                        /* budget spent or interrupted: hook raises every time */
    char trip_msg[256];                 /* the message that tripped, reported in preference */
    gsl_rng *rng;                       /* math.random's stream; not owned */
    const ss_stop_flag *interrupt;   /* set by a signal handler; not owned */
};

/* Registry keys: only their addresses matter (constant, so not mutable global state). */
static const char ENV_META_KEY = 'e';
static const char SORT_KEY = 's';   /* the original table.sort, for pairs */

/* ---------------------------------------------------------------- memory */

static void budget_hook(lua_State *L, lua_Debug *ar);

/* A big allocation is big work for one VM instruction (s .. s on a 100 MiB string copies it),
 * so it is charged, and when that spends the budget or is due a look at the clock, the hook is
 * set to run at the very next instruction (lua_sethook may be called anywhere, even here). */
static void charge_allocation(ss_sandbox *sb, size_t bytes)
{
    sb->pending += (long)(bytes / 256);
    if (!sb->tripped && sb->count + sb->pending >= (sb->next_clock < sb->budget ? sb->next_clock : sb->budget))
        lua_sethook(sb->L, budget_hook, LUA_MASKCOUNT, 1);
}

/* Lua's allocator.  Counts every byte and, while enforcing, refuses growth past the cap (Lua
 * then runs an emergency collection and retries, and finally raises "not enough memory").
 * Host-side glue runs unenforced: it is small, and a refusal there would be an unprotected
 * error, that is a panic. */
static void *sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    ss_sandbox *sb = ud;
    size_t old = ptr ? osize : 0; /* with ptr NULL, osize is a type tag */
    if (nsize == 0) {
        free(ptr);
        sb->used -= old;
        return NULL;
    }
    if (nsize > old && sb->enforce && sb->used + (nsize - old) > sb->cap) {
        sb->refused = 1;
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (p)
        sb->used = sb->used - old + nsize;
    if (p && sb->depth > 0 && nsize >= old + BIG_ALLOCATION)
        charge_allocation(sb, nsize - old);
    return p;
}

/* Called on an error outside any protected call: a bug in the host.  Says what happened and
 * returns, after which Lua aborts; it touches nothing but the message. */
static int sandbox_panic(lua_State *L)
{
    const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                                                     : "error object is not a string";
    fprintf(stderr, "samsim: unprotected error in Lua: %s\n", msg);
    fflush(stderr);
    return 0;
}

static ss_sandbox *sandbox_of(lua_State *L)
{
    return *(ss_sandbox **)lua_getextraspace(L);
}

/* ---------------------------------------------------------------- strict environments */

/* Pushes a table key as text for a message ("undeclared global 'x'"). */
static const char *key_name(lua_State *L, int idx)
{
    if (lua_type(L, idx) == LUA_TSTRING)
        return lua_tostring(L, idx);
    return luaL_tolstring(L, idx, NULL); /* ... name */
}

/* globals.__index(G, key): reached only when the name is not a (safe) global, so an error at
 * the rule's line, which is what catches typos such as "mathh.floor".  Environments look names
 * up in the globals table itself (a plain table as __index), so a declared global costs the VM
 * two table look-ups and no C call. */
static int undeclared_global(lua_State *L)
{
    return luaL_error(L, "undeclared global '%s'", key_name(L, 2));
}

/* env.__newindex: rules keep their state in locals; a global assignment is almost always a
 * missing "local" or a typo. */
static int env_newindex(lua_State *L)
{
    return luaL_error(L, "assignment to undeclared global '%s'", key_name(L, 2));
}

/* The metatable every environment shares; __metatable hides it from getmetatable so a rule
 * cannot loosen the rules for everybody. */
static void make_env_meta(lua_State *L)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS); /* G */
    lua_createtable(L, 0, 2);                          /* G gmt */
    lua_pushcfunction(L, undeclared_global);           /* G gmt f */
    lua_setfield(L, -2, "__index");                    /* G gmt */
    lua_pushboolean(L, 0);                             /* G gmt false */
    lua_setfield(L, -2, "__metatable");                /* G gmt */
    lua_setmetatable(L, -2);                           /* G */
    lua_createtable(L, 0, 3);                          /* G mt */
    lua_insert(L, -2);                                 /* mt G */
    lua_setfield(L, -2, "__index");                    /* mt */
    lua_pushcfunction(L, env_newindex);                /* mt f */
    lua_setfield(L, -2, "__newindex");                 /* mt */
    lua_pushboolean(L, 0);                             /* mt false */
    lua_setfield(L, -2, "__metatable");                /* mt */
    lua_rawsetp(L, LUA_REGISTRYINDEX, &ENV_META_KEY);  /* */
}

void ss_sandbox_push_env(ss_sandbox *sb)
{
    assert(sb);
    lua_State *L = sb->L;
    lua_newtable(L);                                   /* env */
    lua_rawgetp(L, LUA_REGISTRYINDEX, &ENV_META_KEY);  /* env mt */
    lua_setmetatable(L, -2);                           /* env */
}

/* ---------------------------------------------------------------- read-only views */

/* proxy.__newindex; upvalue 1 is the table's name. */
static int readonly_newindex(lua_State *L)
{
    return luaL_error(L, "attempt to modify read-only table '%s'",
                      lua_tostring(L, lua_upvalueindex(1)));
}

static int push_sorted_pairs(lua_State *L, int keys_of, int state);

/* proxy.__pairs: the keys of the real table (upvalue 1) in pairs()'s fixed order, the values
 * read through the proxy, so pairs(math) lists the library without handing out the table
 * behind the view (Lua's own __pairs for such a view would return it as the state). */
static int readonly_pairs(lua_State *L)
{
    return push_sorted_pairs(L, lua_upvalueindex(1), 1);
}

/* Replaces the table at the top by an empty proxy that reads through to it and refuses
 * writes, so one rule cannot change another's math.floor.  The metatable carries the name
 * under __readonly, which is how rawset recognises a proxy. */
static void make_readonly(lua_State *L, const char *name)
{
    lua_newtable(L);                                   /* real proxy */
    lua_createtable(L, 0, 5);                          /* real proxy mt */
    lua_pushvalue(L, -3);                              /* real proxy mt real */
    lua_setfield(L, -2, "__index");                    /* real proxy mt */
    lua_pushstring(L, name);                           /* real proxy mt name */
    lua_pushvalue(L, -1);                              /* real proxy mt name name */
    lua_setfield(L, -3, "__readonly");                 /* real proxy mt name */
    lua_pushcclosure(L, readonly_newindex, 1);         /* real proxy mt f */
    lua_setfield(L, -2, "__newindex");                 /* real proxy mt */
    lua_pushvalue(L, -3);                              /* real proxy mt real */
    lua_pushcclosure(L, readonly_pairs, 1);            /* real proxy mt f */
    lua_setfield(L, -2, "__pairs");                    /* real proxy mt */
    lua_pushboolean(L, 0);                             /* real proxy mt false */
    lua_setfield(L, -2, "__metatable");                /* real proxy mt */
    lua_setmetatable(L, -2);                           /* real proxy */
    lua_remove(L, -2);                                 /* proxy */
}

/* Name of the read-only view at idx, or NULL when it is an ordinary table. */
static const char *readonly_name(lua_State *L, int idx)
{
    if (!lua_getmetatable(L, idx))                     /* mt? */
        return NULL;
    const char *name = NULL;
    if (lua_getfield(L, -1, "__readonly") == LUA_TSTRING) /* mt name */
        name = lua_tostring(L, -1); /* stays alive: the metatable holds it */
    lua_pop(L, 2);
    return name;
}

/* ---------------------------------------------------------------- replaced base functions */

/* print: as Lua's, but to stderr, so stdout carries only results. */
static int sandbox_print(lua_State *L)
{
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        size_t len;
        const char *s = luaL_tolstring(L, i, &len);    /* ... s */
        ss_sandbox_charge(L, 1 + (long)(len / 64));    /* writing is work, too */
        if (i > 1)
            fputc('\t', stderr);
        fwrite(s, 1, len, stderr);
        lua_pop(L, 1);                                 /* ... */
    }
    fputc('\n', stderr);
    fflush(stderr);
    return 0;
}

/* load(chunk [, name [, mode [, env]]]): the original (upvalue 1) with the mode forced to
 * text, because crafted bytecode can break out of any sandbox; without env the chunk gets a
 * strict environment of its own rather than none. */
static int sandbox_load(lua_State *L)
{
    int has_env = !lua_isnone(L, 4);
    if (lua_type(L, 1) == LUA_TSTRING)  /* the parser runs without the hook: pay by size */
        ss_sandbox_charge(L, 1 + (long)(lua_rawlen(L, 1) / 4));
    if (lua_type(L, 1) != LUA_TSTRING)  /* checked here: the original's errors would say '?' */
        luaL_checktype(L, 1, LUA_TFUNCTION);
    luaL_optstring(L, 2, NULL);
    lua_settop(L, 4);                                  /* chunk name mode env */
    lua_pushliteral(L, "t");                           /* chunk name mode env "t" */
    lua_replace(L, 3);                                 /* chunk name "t" env */
    if (!has_env) {
        ss_sandbox_push_env(sandbox_of(L));            /* chunk name "t" nil newenv */
        lua_replace(L, 4);                             /* chunk name "t" newenv */
    }
    lua_pushvalue(L, lua_upvalueindex(1));             /* chunk name "t" env load */
    lua_insert(L, 1);                                  /* load chunk name "t" env */
    lua_call(L, 4, LUA_MULTRET);                       /* results */
    return lua_gettop(L);
}

/* The message handler xpcall really installs; upvalue 1 is the rule's.  Errors raised by the
 * budget hook reach message handlers with hooks still off, so a rule's handler looping there
 * could never be stopped: once tripped, the error passes through untouched. */
static int xpcall_handler(lua_State *L)
{
    if (sandbox_of(L)->tripped)
        return 1;                                      /* msg */
    lua_pushvalue(L, lua_upvalueindex(1));             /* msg h */
    lua_insert(L, 1);                                  /* h msg */
    lua_call(L, lua_gettop(L) - 1, 1);                 /* result */
    return 1;
}

/* xpcall(f, msgh, ...): the original (upvalue 1) with msgh wrapped by xpcall_handler. */
static int sandbox_xpcall(lua_State *L)
{
    luaL_checktype(L, 2, LUA_TFUNCTION); /* here: the original's errors would say '?' */
    lua_pushvalue(L, 2);                               /* f h ... h */
    lua_pushcclosure(L, xpcall_handler, 1);            /* f h ... wrapped */
    lua_replace(L, 2);                                 /* f wrapped ... */
    lua_pushvalue(L, lua_upvalueindex(1));             /* f wrapped ... xpcall */
    lua_insert(L, 1);                                  /* xpcall f wrapped ... */
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);       /* results */
    return lua_gettop(L);
}

/* rawset(t, k, v): as Lua's, but a read-only view stays read-only. */
static int sandbox_rawset(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    const char *name = readonly_name(L, 1);
    if (name)
        return luaL_error(L, "attempt to modify read-only table '%s'", name);
    lua_settop(L, 3);                                  /* t k v */
    lua_rawset(L, 1);                                  /* t */
    return 1;
}

/* setmetatable(t, mt): as Lua's, but refusing __gc: finalizers run inside the collector with
 * hooks off, where the instruction budget could not stop them.  Written out rather than
 * delegated so argument errors keep the caller's "chunk:line:" and the name 'setmetatable'. */
static int sandbox_setmetatable(lua_State *L)
{
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");                    /* t mt ... "__gc" */
        int has_gc = lua_rawget(L, 2) != LUA_TNIL;     /* t mt ... gc */
        lua_pop(L, 1);                                 /* t mt ... */
        luaL_argcheck(L, !has_gc, 2, "__gc metamethods are not allowed");
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);                                  /* t mt */
    lua_setmetatable(L, 1);                            /* t */
    return 1;
}

/* ---------------------------------------------------------------- math.random */

/* 64 random bits, a byte at a time: every GSL generator yields at least 8 bits per draw. */
static lua_Unsigned random_bits(gsl_rng *r)
{
    lua_Unsigned v = 0;
    for (int i = 0; i < 8; i++)
        v = (v << 8) | (lua_Unsigned)gsl_rng_uniform_int(r, 256);
    return v;
}

/* Uniform integer in [0, span].  Spans the generator covers go to gsl_rng_uniform_int (the
 * usual case, and the draws tests can predict); wider ones use masked 64-bit rejection. */
static lua_Unsigned random_upto(gsl_rng *r, lua_Unsigned span)
{
    unsigned long range = gsl_rng_max(r) - gsl_rng_min(r);
    if (span < range)
        return gsl_rng_uniform_int(r, (unsigned long)span + 1);
    lua_Unsigned mask = span;
    for (int s = 1; s < 64; s *= 2)
        mask |= mask >> s;
    lua_Unsigned x;
    do
        x = random_bits(r) & mask;
    while (x > span);
    return x;
}

/* math.random with Lua 5.4's arguments, drawing from the engine's stream so that a
 * replication is reproducible from its seed. */
static int sandbox_random(lua_State *L)
{
    gsl_rng *r = sandbox_of(L)->rng;
    if (!r)
        return luaL_error(L, "math.random: no random stream here");
    lua_Integer low, up;
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, gsl_rng_uniform(r)); /* [0,1) */
        return 1;
    case 1:
        low = 1;
        up = luaL_checkinteger(L, 1);
        if (up == 0) { /* math.random(0): all bits random, as in Lua */
            lua_pushinteger(L, (lua_Integer)random_bits(r));
            return 1;
        }
        break;
    case 2:
        low = luaL_checkinteger(L, 1);
        up = luaL_checkinteger(L, 2);
        break;
    default:
        return luaL_error(L, "wrong number of arguments");
    }
    luaL_argcheck(L, low <= up, 1, "interval is empty");
    lua_Unsigned x = random_upto(r, (lua_Unsigned)up - (lua_Unsigned)low);
    lua_pushinteger(L, (lua_Integer)((lua_Unsigned)low + x));
    return 1;
}

/* A rule must not reseed: that would make its draws depend on rule order. */
static int sandbox_randomseed(lua_State *L)
{
    return luaL_error(L, "math.randomseed is not available: "
                         "rules draw from the engine's random stream");
}

/* ---------------------------------------------------------------- opening the state */

/* Opens the allowed libraries into the globals table (never luaL_openlibs). */
static void open_libs(lua_State *L)
{
    static const luaL_Reg libs[] = {
        {LUA_GNAME, luaopen_base},      {LUA_STRLIBNAME, luaopen_string},
        {LUA_TABLIBNAME, luaopen_table}, {LUA_MATHLIBNAME, luaopen_math},
        {LUA_UTF8LIBNAME, luaopen_utf8}, {NULL, NULL},
    };
    for (const luaL_Reg *l = libs; l->func; l++) {
        luaL_requiref(L, l->name, l->func, 1);         /* lib */
        lua_pop(L, 1);                                 /* */
    }
}

/* Replaces global `name` by f, with the original as its upvalue 1. */
static void wrap_global(lua_State *L, const char *name, lua_CFunction f)
{
    lua_getglobal(L, name);                            /* orig */
    lua_pushcclosure(L, f, 1);                         /* wrapper */
    lua_setglobal(L, name);                            /* */
}

/* ---- pairs in a fixed order ----
 * Lua 5.4 seeds string hashing from the clock and addresses, so plain pairs() visits string
 * keys in a different order in every process (and every worker).  A rule that accumulates
 * probabilities in pairs() order would then give different results for the same seed.  So
 * pairs() visits keys sorted: numbers, then strings (byte order), then false, true. */
static int key_rank(lua_State *L, int idx)
{
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER: return 0;
    case LUA_TSTRING: return 1;
    case LUA_TBOOLEAN: return 2;
    default: return 3;
    }
}

static int key_less(lua_State *L)
{
    int ra = key_rank(L, 1), rb = key_rank(L, 2);
    if (ra == 3 || rb == 3)
        return luaL_error(L, "pairs: keys of type %s have no fixed order; keep such values in a list and use ipairs",
                          luaL_typename(L, ra == 3 ? 1 : 2));
    if (ra != rb) lua_pushboolean(L, ra < rb);
    else if (ra == 2) lua_pushboolean(L, !lua_toboolean(L, 1) && lua_toboolean(L, 2));
    else if (ra == 1) {  /* byte order, not the locale's */
        size_t la, lb;
        const char *a = lua_tolstring(L, 1, &la), *b = lua_tolstring(L, 2, &lb);
        int c = memcmp(a, b, la < lb ? la : lb);
        lua_pushboolean(L, c < 0 || (c == 0 && la < lb));
    }
    else lua_pushboolean(L, lua_compare(L, 1, 2, LUA_OPLT));
    return 1;
}

/* iterator: upvalues keys, position */
static int sorted_next(lua_State *L)
{
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(2)) + 1;
    lua_pushinteger(L, i);
    lua_replace(L, lua_upvalueindex(2));
    if (lua_rawgeti(L, lua_upvalueindex(1), i) == LUA_TNIL)  /* key */
        return 1;
    lua_pushvalue(L, -1);                                   /* key key */
    lua_gettable(L, 1);                                     /* key value */
    return 2;
}

/* Work of sorting n things: n log2 n comparisons. */
static long sort_cost(lua_Integer n)
{
    long lg = 1;
    for (lua_Integer k = n; k > 1; k >>= 1)
        lg++;
    return (long)n * lg;
}

/* pairs()'s three results: an iterator over the keys of the table at keys_of, sorted, reading
 * the values from the table at state (that table, or a read-only view of it).  The sort is
 * charged, so pairs() over a big table in a loop meets the budget. */
static int push_sorted_pairs(lua_State *L, int keys_of, int state)
{
    keys_of = lua_absindex(L, keys_of);
    lua_newtable(L);                                        /* keys */
    lua_Integer n = 0;
    lua_pushnil(L);
    while (lua_next(L, keys_of)) {                          /* keys k v */
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_rawseti(L, -3, ++n);                            /* keys k */
    }
    ss_sandbox_charge(L, sort_cost(n));
    lua_rawgetp(L, LUA_REGISTRYINDEX, &SORT_KEY);           /* keys sort */
    lua_pushvalue(L, -2);                                   /* keys sort keys */
    lua_pushcfunction(L, key_less);                         /* keys sort keys less */
    lua_call(L, 2, 0);                                      /* keys */
    lua_pushinteger(L, 0);                                  /* keys 0 */
    lua_pushcclosure(L, sorted_next, 2);                    /* iter */
    lua_pushvalue(L, state);                                /* iter t */
    lua_pushnil(L);                                         /* iter t nil */
    return 3;
}

static int sandbox_pairs(lua_State *L)
{
    luaL_checkany(L, 1);
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {   /* as Lua's pairs */
        lua_pushvalue(L, 1);
        lua_call(L, 1, 3);
        return 3;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    return push_sorted_pairs(L, 1, 1);
}

static void install_pairs(lua_State *L)
{
    lua_getglobal(L, LUA_TABLIBNAME);                       /* table */
    lua_getfield(L, -1, "sort");                            /* table sort */
    lua_rawsetp(L, LUA_REGISTRYINDEX, &SORT_KEY);           /* table */
    lua_pop(L, 1);
    lua_register(L, "pairs", sandbox_pairs);
}

/* ---- C library work, charged ----
 * A C library function runs without the hook, so one call can do unbounded work (string.rep
 * of "" 2^62 times, table.move over 2^40 indices through C metamethods, table.sort of a
 * million items in a loop).  Each is wrapped: the wrapper estimates the work from its
 * arguments, charges it (ss_sandbox_charge raises when the budget or the clock is spent) and
 * then runs the original C function in its own frame, so the original's messages still say
 * "bad argument #1 to 'insert'". */
typedef enum {
    COST_TEXT,   /* 1 + bytes of string arguments / 64 */
    COST_LEN,    /* #t (table.insert, table.remove shift the list) */
    COST_RANGE,  /* j - i + 1 with i, j at arguments 3, 4 (concat) */
    COST_RANGE2, /* ... at arguments 2, 3 (unpack) */
    COST_MOVE,   /* e - f + 1 (table.move) */
    COST_SORT,   /* #t log #t */
    COST_REP,    /* n copies of s and sep */
} cost_kind;

/* #t as the library will see it (with __len), or 0 when arg is not a table (the original then
 * raises its own argument error). */
static lua_Integer length_of(lua_State *L, int arg)
{
    return lua_type(L, arg) == LUA_TTABLE ? luaL_len(L, arg) : 0;
}

/* Number of items from i to j, saturating; 0 when empty or the arguments are not integers. */
static long span(lua_State *L, int ai, lua_Integer di, int aj, lua_Integer dj)
{
    int oki = 1, okj = 1;
    lua_Integer i = lua_isnoneornil(L, ai) ? di : lua_tointegerx(L, ai, &oki);
    lua_Integer j = lua_isnoneornil(L, aj) ? dj : lua_tointegerx(L, aj, &okj);
    if (!oki || !okj || j < i)
        return 0;
    lua_Unsigned n = (lua_Unsigned)j - (lua_Unsigned)i;
    return n >= (lua_Unsigned)LONG_MAX ? LONG_MAX : (long)n + 1;
}

static long text_bytes(lua_State *L)
{
    long bytes = 0;
    for (int i = 1; i <= lua_gettop(L); i++)
        if (lua_type(L, i) == LUA_TSTRING)
            bytes += (long)lua_rawlen(L, i);
    return bytes;
}

static long cost_of(lua_State *L, cost_kind kind)
{
    switch (kind) {
    case COST_LEN: return 1 + (long)(length_of(L, 1) > 0 ? length_of(L, 1) : 0);
    case COST_RANGE: return 1 + span(L, 3, 1, 4, length_of(L, 1)) + text_bytes(L) / 64;
    case COST_RANGE2: return 1 + span(L, 2, 1, 3, length_of(L, 1));
    case COST_MOVE: return 1 + span(L, 2, 1, 3, 0);
    case COST_SORT: return 1 + sort_cost(length_of(L, 1));
    case COST_REP: {
        int ok = 1;
        lua_Integer n = lua_tointegerx(L, 2, &ok);
        if (!ok || n <= 0)
            return 1;
        double bytes = (double)lua_rawlen(L, 1) + (lua_type(L, 3) == LUA_TSTRING ? (double)lua_rawlen(L, 3) : 0);
        double units = (double)n / 64 + (double)n * bytes / 256;  /* copies, and memcpy's bytes */
        return units >= (double)LONG_MAX ? LONG_MAX : (long)units;
    }
    default: return 1 + text_bytes(L) / 64;
    }
}

/* The wrapper; upvalue 1 is the original (a C function without upvalues), 2 the cost kind. */
static int charged(lua_State *L)
{
    lua_CFunction original = lua_tocfunction(L, lua_upvalueindex(1));
    ss_sandbox_charge(L, cost_of(L, (cost_kind)lua_tointeger(L, lua_upvalueindex(2))));
    return original(L);
}

/* Wraps field `name` of the table on the top of the stack. */
static void charge_field(lua_State *L, const char *name, cost_kind kind)
{
    lua_getfield(L, -1, name);                         /* lib f */
    assert(lua_iscfunction(L, -1));
    lua_pushinteger(L, kind);                          /* lib f kind */
    lua_pushcclosure(L, charged, 2);                   /* lib wrapper */
    lua_setfield(L, -2, name);                         /* lib */
}

/* Every function of a library (but those in `except`) charged by COST_TEXT. */
static void charge_library(lua_State *L, const char *lib, const char *const *except)
{
    lua_getglobal(L, lib);                             /* lib */
    lua_pushnil(L);
    while (lua_next(L, -2)) {                          /* lib k v */
        int skip = !lua_iscfunction(L, -1);
        for (const char *const *e = except; !skip && *e; e++)
            skip = strcmp(lua_tostring(L, -2), *e) == 0;
        lua_pop(L, 1);                                 /* lib k */
        if (!skip) {
            lua_pushvalue(L, -2);                      /* lib k lib */
            charge_field(L, lua_tostring(L, -2), COST_TEXT);
            lua_pop(L, 1);                             /* lib k */
        }
    }
    lua_pop(L, 1);                                     /* */
}

/* Installs the charged wrappers and the bounded pattern functions.  Runs after install_pairs
 * (which keeps the original table.sort) and before the libraries become read-only. */
static void charge_libs(lua_State *L)
{
    static const char *const no_string[] = {"len", "find", "match", "gmatch", "gsub", "rep", NULL};
    static const char *const no_table[] = {"insert", "remove", "concat", "unpack", "move", "sort", NULL};
    static const char *const none[] = {NULL};
    static const struct { const char *name; cost_kind kind; } table_fns[] = {
        {"insert", COST_LEN}, {"remove", COST_LEN}, {"concat", COST_RANGE},
        {"unpack", COST_RANGE2}, {"move", COST_MOVE}, {"sort", COST_SORT}};
    charge_library(L, LUA_STRLIBNAME, no_string);
    charge_library(L, LUA_TABLIBNAME, no_table);
    charge_library(L, LUA_UTF8LIBNAME, none);
    lua_getglobal(L, LUA_TABLIBNAME);                  /* table */
    for (size_t i = 0; i < sizeof table_fns / sizeof *table_fns; i++)
        charge_field(L, table_fns[i].name, table_fns[i].kind);
    lua_pop(L, 1);                                     /* */
    lua_getglobal(L, LUA_STRLIBNAME);                  /* string */
    charge_field(L, "rep", COST_REP);
    ss_pattern_install(L);
    lua_pop(L, 1);                                     /* */
    lua_pushglobaltable(L);                            /* G */
    charge_field(L, "tonumber", COST_TEXT);
    charge_field(L, "tostring", COST_TEXT);
    lua_pop(L, 1);                                     /* */
}

/* Removes what reaches the file system or the collector, and installs our replacements. */
static void trim_base(lua_State *L)
{
    static const char *const removed[] = {"dofile", "loadfile", "require", "collectgarbage"};
    for (size_t i = 0; i < sizeof removed / sizeof *removed; i++) {
        lua_pushnil(L);                                /* nil */
        lua_setglobal(L, removed[i]);                  /* */
    }
    wrap_global(L, "load", sandbox_load);
    wrap_global(L, "xpcall", sandbox_xpcall);
    lua_register(L, "setmetatable", sandbox_setmetatable);
    lua_register(L, "rawset", sandbox_rawset);
    lua_register(L, "print", sandbox_print);
    install_pairs(L);
}

/* string.dump goes (bytecode out is useless without bytecode in), math's generator is the
 * engine's, and the string metatable is hidden so its __index (the real string library)
 * cannot be reached and changed. */
static void trim_libs(lua_State *L)
{
    lua_getglobal(L, LUA_STRLIBNAME);                  /* string */
    lua_pushnil(L);                                    /* string nil */
    lua_setfield(L, -2, "dump");                       /* string */
    lua_pop(L, 1);                                     /* */
    lua_getglobal(L, LUA_MATHLIBNAME);                 /* math */
    lua_pushcfunction(L, sandbox_random);              /* math f */
    lua_setfield(L, -2, "random");                     /* math */
    lua_pushcfunction(L, sandbox_randomseed);          /* math f */
    lua_setfield(L, -2, "randomseed");                 /* math */
    lua_pop(L, 1);                                     /* */
    lua_pushliteral(L, "");                            /* "" */
    lua_getmetatable(L, -1);                           /* "" strmt */
    lua_pushboolean(L, 0);                             /* "" strmt false */
    lua_setfield(L, -2, "__metatable");                /* "" strmt */
    lua_pop(L, 2);                                     /* */
}

/* Library tables and _G become read-only views. */
static void protect_globals(lua_State *L)
{
    static const char *const libs[] = {LUA_STRLIBNAME, LUA_TABLIBNAME, LUA_MATHLIBNAME,
                                       LUA_UTF8LIBNAME};
    for (size_t i = 0; i < sizeof libs / sizeof *libs; i++) {
        lua_getglobal(L, libs[i]);                     /* lib */
        make_readonly(L, libs[i]);                     /* proxy */
        lua_setglobal(L, libs[i]);                     /* */
    }
    lua_pushglobaltable(L);                            /* G */
    make_readonly(L, LUA_GNAME);                       /* Gproxy */
    lua_setglobal(L, LUA_GNAME);                       /* */
}

/* Builds the safe globals; run under lua_pcall so a failure is reported, not a panic. */
static int setup(lua_State *L)
{
    open_libs(L);
    trim_base(L);
    charge_libs(L);
    trim_libs(L);
    protect_globals(L);
    make_env_meta(L);
    return 0;
}

ss_sandbox *ss_sandbox_new(const ss_sandbox_limits *lim, ss_diag *d)
{
    ss_sandbox *sb = calloc(1, sizeof *sb);
    if (!sb) {
        ss_fail(d, "cannot create the Lua sandbox: %s", strerror(errno));
        return NULL;
    }
    sb->cap = lim && lim->memory_bytes ? lim->memory_bytes : DEFAULT_MEMORY;
    sb->budget = lim && lim->instructions_per_call > 0 ? lim->instructions_per_call
                                                        : DEFAULT_BUDGET;
    sb->seconds = lim && lim->seconds_per_call > 0 ? lim->seconds_per_call : DEFAULT_SECONDS;
    sb->L = lua_newstate(sandbox_alloc, sb);
    if (!sb->L) {
        ss_fail(d, "cannot create the Lua sandbox: not enough memory");
        free(sb);
        return NULL;
    }
    *(ss_sandbox **)lua_getextraspace(sb->L) = sb;
    lua_atpanic(sb->L, sandbox_panic);
    lua_pushcfunction(sb->L, setup);                   /* setup */
    if (lua_pcall(sb->L, 0, 0, 0) != LUA_OK) {         /* err? */
        ss_fail(d, "cannot create the Lua sandbox: %s", lua_tostring(sb->L, -1));
        ss_sandbox_free(sb);
        return NULL;
    }
    return sb;
}

void ss_sandbox_free(ss_sandbox *sb)
{
    if (!sb)
        return;
    assert(sb->depth == 0 && "freed from inside a call");
    lua_close(sb->L);
    assert(sb->used == 0);
    free(sb);
}

lua_State *ss_sandbox_lua(ss_sandbox *sb)
{
    return sb->L;
}

void ss_sandbox_set_rng(ss_sandbox *sb, gsl_rng *r)
{
    sb->rng = r;
}

void ss_sandbox_set_interrupt(ss_sandbox *sb, const ss_stop_flag *flag)
{
    sb->interrupt = flag;
}

size_t ss_sandbox_memory(const ss_sandbox *sb)
{
    return sb->used;
}

/* ---------------------------------------------------------------- loading */

/* Fills d with the memory message; the cap is what the user can change, so it is named
 * ("limit 8 MiB", "limit 0.5 MiB"). */
static int memory_error(ss_sandbox *sb, ss_diag *d)
{
    return ss_fail(d, "not enough memory (limit %.4g MiB)", (double)sb->cap / (1 << 20));
}

int ss_sandbox_load(ss_sandbox *sb, const char *code, size_t len, const char *chunkname,
                    int env_idx, ss_diag *d)
{
    assert(sb && (code || len == 0));
    lua_State *L = sb->L;
    assert(env_idx == 0 || lua_type(L, env_idx) == LUA_TTABLE);
    if (!chunkname)
        chunkname = "?";
    if (len > 0 && code[0] == LUA_SIGNATURE[0]) /* what lua_load itself looks at */
        return ss_fail(d, "%s: binary chunks are not allowed", chunkname);
    if (env_idx != 0)
        env_idx = lua_absindex(L, env_idx); /* before pushing the function */
    char source[512];
    snprintf(source, sizeof source, "=%s", chunkname); /* "=": shown as given */
    sb->enforce = 1;
    int status = luaL_loadbufferx(L, code, len, source, "t"); /* f | err */
    sb->enforce = sb->depth > 0;
    if (status != LUA_OK) {
        if (status == LUA_ERRMEM)
            memory_error(sb, d);
        else
            ss_fail(d, "%s", lua_tostring(L, -1));
        lua_pop(L, 1);                                 /* */
        return -1;
    }
    if (env_idx == 0)
        ss_sandbox_push_env(sb);                       /* f env */
    else
        lua_pushvalue(L, env_idx);                     /* f env */
    lua_setupvalue(L, -2, 1);                          /* f   (env is its _ENV) */
    return 0;
}

int ss_sandbox_loadfile(ss_sandbox *sb, const char *path, const char *chunkname, int env_idx,
                        ss_diag *d)
{
    size_t len;
    char *code = ss_source_read(path, SS_SOURCE_MAX_BYTES, &len, d);
    if (!code)
        return -1;
    int rc = ss_sandbox_load(sb, code, len, chunkname ? chunkname : path, env_idx, d);
    free(code);
    return rc;
}

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
        if (cpu_seconds() - sb->started > sb->seconds) {
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
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, next);
    if (now - sb->last_clock >= 0.01)
        sb->next_clock = sb->count; /* read the CPU clock now */
}

/* The count hook: every HOOK_EVERY instructions, and every instruction once tripped, so a
 * rule's own pcall only delays the error by one instruction. */
static void budget_hook(lua_State *L, lua_Debug *ar)
{
    ss_sandbox *sb = sandbox_of(L);
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
    ss_sandbox *sb = sandbox_of(L);
    if (sb->depth == 0)
        return;
    sb->count = units > LONG_MAX - sb->count ? LONG_MAX : sb->count + units;
    check_limits(L, sb);
}

void ss_sandbox_seal_metatable(lua_State *L, int idx)
{
    if (lua_getmetatable(L, idx)) {                    /* mt */
        lua_pushboolean(L, 0);                         /* mt false */
        lua_setfield(L, -2, "__metatable");            /* mt */
        lua_pop(L, 1);                                 /* */
    }
}

static void arm(ss_sandbox *sb)
{
    sb->count = 0;
    sb->pending = 0;
    sb->next_clock = CLOCK_EVERY;
    sb->started = cpu_seconds();
    sb->last_hook = sb->last_clock = coarse_seconds();
    sb->tripped = 0;
    sb->refused = 0;
    sb->enforce = 1;
    lua_sethook(sb->L, budget_hook, LUA_MASKCOUNT, HOOK_EVERY);
}

static void disarm(ss_sandbox *sb)
{
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
        memory_error(sb, d);
    else
        ss_fail(d, "%s", msg ? msg : "(error object is not a string)");
    lua_pop(L, 1);                                     /* */
    if (sb->refused)
        lua_gc(L, LUA_GCCOLLECT); /* give the garbage of the failed call back now */
    return -1;
}

int ss_sandbox_call(ss_sandbox *sb, int nargs, int nresults, ss_diag *d)
{
    assert(sb && nargs >= 0);
    lua_State *L = sb->L;
    assert(lua_gettop(L) > nargs && "function and arguments must be on the stack");
    int base = lua_gettop(L) - nargs;                  /* f args */
    if (!lua_checkstack(L, 1)) {
        lua_settop(L, base - 1);
        return ss_fail(d, "stack overflow");
    }
    lua_pushcfunction(L, msghandler);                  /* f args h */
    lua_insert(L, base);                               /* h f args */
    if (sb->depth++ == 0)
        arm(sb);
    int status = lua_pcall(L, nargs, nresults, base);  /* h results | h err */
    lua_remove(L, base);                               /* results | err */
    int rc = status == LUA_OK ? 0 : call_error(sb, status, d);
    if (--sb->depth == 0)
        disarm(sb);
    return rc;
}

/* ---------------------------------------------------------------- plain data */

#define DATA_MAX_DEPTH 100 /* deeper than any scenario; keeps the walk's C stack small */

/* Appends ".key" (or "[key]") to the path on the top of the stack. */
static void push_child_path(lua_State *L, int path, int key)
{
    if (lua_type(L, key) == LUA_TSTRING)
        lua_pushfstring(L, "%s%s%s", lua_tostring(L, path), *lua_tostring(L, path) ? "." : "",
                        lua_tostring(L, key));
    else if (lua_isinteger(L, key)) /* not lua_tostring: it would change the key under lua_next */
        lua_pushfstring(L, "%s[%I]", lua_tostring(L, path), (LUAI_UACINT)lua_tointeger(L, key));
    else if (lua_type(L, key) == LUA_TNUMBER)
        lua_pushfstring(L, "%s[%f]", lua_tostring(L, path), lua_tonumber(L, key));
    else
        lua_pushfstring(L, "%s[%s]", lua_tostring(L, path), luaL_typename(L, key));
}

/* Walks the value at v (raw access only); seen (a table) holds the tables already walked,
 * allowed the permitted metatable or nil, path the key path.  Raises on the first offence. */
static void check_value(lua_State *L, int v, int seen, int allowed, int path, int depth)
{
    int t = lua_type(L, v);
    const char *where = *lua_tostring(L, path) ? lua_tostring(L, path) : "the returned value";
    if (t == LUA_TUSERDATA || t == LUA_TLIGHTUSERDATA || t == LUA_TTHREAD)
        luaL_error(L, "%s: a %s is not data", where, luaL_typename(L, v));
    if (t != LUA_TTABLE)
        return;
    ss_sandbox_charge(L, 1);
    if (lua_rawgetp(L, seen, lua_topointer(L, v)) != LUA_TNIL) { /* walked already */
        lua_pop(L, 1);
        return;
    }
    lua_pop(L, 1);
    if (depth > DATA_MAX_DEPTH)
        luaL_error(L, "%s: tables nested more than %d levels deep", where, DATA_MAX_DEPTH);
    if (lua_getmetatable(L, v)) {                      /* mt */
        if (!lua_rawequal(L, -1, allowed))
            luaL_error(L, "%s: a table with a metatable is not data (its metamethods would run "
                          "outside the sandbox's limits; use a plain table)", where);
        lua_pop(L, 1);
    }
    lua_pushboolean(L, 1);
    lua_rawsetp(L, seen, lua_topointer(L, v));
    luaL_checkstack(L, 8, "tables nested too deep");
    lua_pushnil(L);                                    /* k */
    while (lua_next(L, v)) {                           /* k x */
        int key = lua_gettop(L) - 1;
        push_child_path(L, path, key);                 /* k x path' */
        check_value(L, key, seen, allowed, lua_gettop(L), depth + 1);
        check_value(L, key + 1, seen, allowed, lua_gettop(L), depth + 1);
        lua_pop(L, 2);                                 /* k */
    }
}

/* The walk as a C function, so that it runs protected and under the limits: (value, allowed). */
static int check_data(lua_State *L)
{
    lua_settop(L, 2);                                  /* v allowed */
    lua_newtable(L);                                   /* v allowed seen */
    lua_pushliteral(L, "");                            /* v allowed seen path */
    check_value(L, 1, 3, 2, 4, 0);
    return 0;
}

int ss_sandbox_check_data(ss_sandbox *sb, int idx, const char *allowed_meta, ss_diag *d)
{
    lua_State *L = sb->L;
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, check_data);                  /* f */
    lua_pushvalue(L, idx);                             /* f v */
    if (allowed_meta)
        luaL_getmetatable(L, allowed_meta);            /* f v mt */
    else
        lua_pushnil(L);                                /* f v nil */
    return ss_sandbox_call(sb, 2, 0, d);
}

/* ---------------------------------------------------------------- messages */

/* Length of "chunk:LINE" at the start of msg (Lua writes "%s:%d: "), else 0.  The chunk may
 * hold ':' itself ("[string \"a:b\"]"), but a ": " before any ":LINE:" means the text has
 * already begun and there is no location. */
static size_t location_length(const char *msg)
{
    for (const char *c = strchr(msg, ':'); c; c = strchr(c + 1, ':')) {
        const char *e = c + 1;
        while (*e >= '0' && *e <= '9')
            e++;
        if (c > msg && e > c + 1 && *e == ':' && (e[1] == ' ' || e[1] == '\0'))
            return (size_t)(e - msg);
        if (c[1] == ' ')
            return 0;
    }
    return 0;
}

void ss_sandbox_split_location(const char *msg, char *loc, size_t locn, const char **text)
{
    size_t n = location_length(msg);
    if (n == 0 || n >= locn) {
        if (locn > 0)
            loc[0] = '\0';
        *text = msg;
        return;
    }
    memcpy(loc, msg, n);
    loc[n] = '\0';
    *text = msg + n + 1; /* past ':' */
    if (**text == ' ')
        (*text)++;
}
