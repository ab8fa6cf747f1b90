/* sandbox_globals: the safe globals every chunk sees: the allowed libraries, trimmed of what
 * reaches the file system or the collector, the base functions that would be a way around the
 * rest replaced (load, xpcall, rawset, setmetatable, print), math.random drawing from the
 * engine's stream.  Part of the sandbox (sandbox_parts.h). */
#include "sandbox_parts.h"

#include <assert.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include <stdint.h>

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
        ss_sandbox_push_env(sbx_of(L));            /* chunk name "t" nil newenv */
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
    if (sbx_of(L)->tripped)
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
    const char *name = sbx_readonly_name(L, 1);
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
    gsl_rng *r = sbx_of(L)->rng;
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
    sbx_install_pairs(L);
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
        sbx_make_readonly(L, libs[i]);                     /* proxy */
        lua_setglobal(L, libs[i]);                     /* */
    }
    lua_pushglobaltable(L);                            /* G */
    sbx_make_readonly(L, LUA_GNAME);                       /* Gproxy */
    lua_setglobal(L, LUA_GNAME);                       /* */
}

/* Builds the safe globals; run under lua_pcall so a failure is reported, not a panic. */
int sbx_setup(lua_State *L)
{
    open_libs(L);
    trim_base(L);
    sbx_charge_libs(L);
    trim_libs(L);
    protect_globals(L);
    sbx_make_env_meta(L);
    return 0;
}

