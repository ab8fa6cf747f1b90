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
#include "sandbox_parts.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "source.h"

/* ---------------------------------------------------------------- memory */


/* A big allocation is big work for one VM instruction (s .. s on a 100 MiB string copies it),
 * so it is charged, and when that spends the budget or is due a look at the clock, the hook is
 * set to run at the very next instruction (lua_sethook may be called anywhere, even here). */
static void charge_allocation(ss_sandbox *sb, size_t bytes)
{
    sb->pending += (long)(bytes / 256);
    if (!sb->tripped && sb->count + sb->pending >= (sb->next_clock < sb->budget ? sb->next_clock : sb->budget))
        lua_sethook(sb->L, sbx_budget_hook, LUA_MASKCOUNT, 1);
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
    lua_pushcfunction(sb->L, sbx_setup);                   /* setup */
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
int sbx_memory_error(ss_sandbox *sb, ss_diag *d)
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
            sbx_memory_error(sb, d);
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

void ss_sandbox_seal_metatable(lua_State *L, int idx)
{
    if (lua_getmetatable(L, idx)) {                    /* mt */
        lua_pushboolean(L, 0);                         /* mt false */
        lua_setfield(L, -2, "__metatable");            /* mt */
        lua_pop(L, 1);                                 /* */
    }
}

