/* sandbox_plain: what a rule function's compiled code (sandbox_code.c) and the values it can
 * reach show about it, so that the host may skip work that cannot change anything.  Part of the
 * sandbox (sandbox_parts.h).
 *
 * Bounded: the function, and every function it calls, has no loop, calls only functions of its
 * file that are bounded too (no recursion) or a few C functions that do a bounded piece of work
 * without calling back into Lua or charging the budget (math.random, math.floor ...), and all
 * together are shorter than the count hook's first period (HOOK_EVERY instructions); no function
 * of its file can change which functions those calls reach (no upvalue is ever assigned, no
 * call goes anywhere but to such functions), and no metamethod among the values they reach is
 * a Lua function.  A call of it then never reaches the hook: arming the hook (which traps every
 * instruction while it is set) changes nothing but the cost, so ss_sandbox_call_plain runs it
 * without.
 * Plain: bounded, and more: it calls nothing at all, makes no closure and writes nothing, nor
 * does any other function of its file, so nothing changes what it reads after loading and it
 * draws no random number: the same reads in the same order give the same answer (rules.c keeps
 * such answers, rulememo.h).
 * Anything not understood (a dump, a call whose target is not found by reading the code) makes
 * a function neither, which is always safe: it is run as any other. */
#include "sandbox_parts.h"

#include <stdlib.h>

#include <lauxlib.h>

/* ---------------------------------------------------------------- values */

/* What values_plain carries on its walk. */
typedef struct reach_ctx {
    int seen;                           /* table: the values walked */
    long left;                          /* values it may still walk */
    const ss_sandbox_field *lookups;    /* lookup names a call may name (closure_safe), or NULL */
} reach_ctx;

static bool values_plain(lua_State *L, int idx, reach_ctx *rc, int depth);
static bool closure_safe(lua_State *L, int fn, const ss_sandbox_field *lookups);

/* Whether the metatable of the value at idx (if any) has no Lua function in it, and the values
 * it reaches (a table as __index) none as metamethod. */
static bool metatable_plain(lua_State *L, int idx, reach_ctx *rc, int depth)
{
    if (!lua_getmetatable(L, idx))                              /* mt? */
        return true;
    bool plain = true;
    lua_pushnil(L);
    while (lua_next(L, -2)) {                                   /* mt k v */
        plain = !lua_isfunction(L, -1) || lua_iscfunction(L, -1);
        lua_pop(L, 1);                                          /* mt k */
        if (!plain) {
            lua_pop(L, 1);                                      /* mt */
            break;
        }
    }
    plain = plain && values_plain(L, -1, rc, depth + 1);
    lua_pop(L, 1);                                              /* */
    return plain;
}

/* Whether no metamethod reachable from the value at idx is a Lua function: walks tables (keys,
 * values, metatables), userdata's metatables and Lua functions' upvalues; rc->seen (a table)
 * marks those walked.  Fails past rc->left values, as if a Lua metamethod were there. */
static bool values_plain(lua_State *L, int idx, reach_ctx *rc, int depth)
{
    idx = lua_absindex(L, idx);
    int t = lua_type(L, idx);
    bool lua_fn = t == LUA_TFUNCTION && !lua_iscfunction(L, idx);
    if (t != LUA_TTABLE && t != LUA_TUSERDATA && !lua_fn)
        return t != LUA_TTHREAD;   /* numbers, strings, C functions */
    if (--rc->left < 0 || depth > 100)
        return false;
    if (lua_rawgetp(L, rc->seen, lua_topointer(L, idx)) != LUA_TNIL) {  /* mark? */
        lua_pop(L, 1);
        return true;
    }
    lua_pop(L, 1);
    lua_pushboolean(L, 1);
    lua_rawsetp(L, rc->seen, lua_topointer(L, idx));
    bool plain = lua_fn ? closure_safe(L, idx, rc->lookups) : metatable_plain(L, idx, rc, depth);
    for (int i = 1; plain && lua_fn && lua_getupvalue(L, idx, i); i++) {  /* v */
        plain = values_plain(L, -1, rc, depth + 1);
        lua_pop(L, 1);
    }
    if (t == LUA_TTABLE && plain) {
        lua_pushnil(L);
        while (lua_next(L, idx)) {                              /* k v */
            plain = values_plain(L, -1, rc, depth + 1) && values_plain(L, -2, rc, depth + 1);
            lua_pop(L, 1);                                      /* k */
            if (!plain) {
                lua_pop(L, 1);                                  /* */
                break;
            }
        }
    }
    return plain;
}

/* The values reachable from the value at idx have no Lua metamethod, and their Lua functions
 * are closure_safe (with lookups). */
static bool reach_plain(lua_State *L, int idx, const ss_sandbox_field *lookups)
{
    idx = lua_absindex(L, idx);
    lua_newtable(L);                                            /* seen */
    reach_ctx rc = {lua_gettop(L), 100000, lookups};
    bool plain = values_plain(L, idx, &rc, 0);
    lua_pop(L, 1);                                              /* */
    return plain;
}

bool ss_sandbox_is_plain(ss_sandbox *sb, int chunk_idx, int fn_idx)
{
    lua_State *L = sb->L;
    sbx_code chunk, fn;
    if (!sbx_code_read(L, chunk_idx, &chunk))
        return false;
    bool plain = chunk.inner_plain && sbx_code_read(L, fn_idx, &fn);
    sbx_code_free(&chunk);
    if (!plain)
        return false;
    plain = fn.inner_plain && fn.ncode < HOOK_EVERY && sbx_code_plain(fn.code, fn.ncode);
    sbx_code_free(&fn);
    return plain && reach_plain(L, fn_idx, NULL);
}

/* ---------------------------------------------------------------- calls */

/* The C functions a bounded function may call: a bounded piece of work each, no call back into
 * Lua (on values without Lua metamethods), nothing charged to the budget. */
static const char *const bounded_c[] = {
    "type", "math.random", "math.floor", "math.ceil", "math.abs", "math.min", "math.max",
    "math.sqrt", "math.exp", "math.log", "math.fmod", "math.tointeger", "math.type", "math.ult", NULL};

/* Pushes t[key], reading through a read-only view (a table whose metatable's __index is the
 * table behind it) as the VM would, without running Lua code; nil when that does not find it. */
static void push_field_raw(lua_State *L, int t, const char *key, size_t len)
{
    t = lua_absindex(L, t);
    if (lua_type(L, t) != LUA_TTABLE) {
        lua_pushnil(L);
        return;
    }
    lua_pushlstring(L, key, len);                               /* k */
    if (lua_rawget(L, t) != LUA_TNIL)                           /* v */
        return;
    lua_pop(L, 1);                                              /* */
    int type = luaL_getmetafield(L, t, "__index");              /* idx? */
    if (type == LUA_TTABLE) {
        lua_pushlstring(L, key, len);
        lua_rawget(L, -2);                                      /* idx v */
        lua_remove(L, -2);                                      /* v */
        return;
    }
    if (type != LUA_TNIL)
        lua_pop(L, 1);                                          /* */
    lua_pushnil(L);                                             /* nil */
}

/* Whether the C function on top is one of bounded_c, as the globals give them. */
static bool bounded_cfunction(lua_State *L)
{
    lua_CFunction f = lua_tocfunction(L, -1);
    bool found = false;
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);       /* f G */
    for (int i = 0; !found && bounded_c[i]; i++) {
        const char *dot = strchr(bounded_c[i], '.');
        if (dot) {
            push_field_raw(L, -1, bounded_c[i], (size_t)(dot - bounded_c[i]));  /* f G lib */
            push_field_raw(L, -1, dot + 1, strlen(dot + 1));   /* f G lib g */
            lua_remove(L, -2);
        } else {
            push_field_raw(L, -1, bounded_c[i], strlen(bounded_c[i]));  /* f G g */
        }
        found = lua_iscfunction(L, -1) && lua_tocfunction(L, -1) == f;
        lua_pop(L, 1);                                          /* f G */
    }
    lua_pop(L, 1);                                              /* f */
    return found;
}

/* Marks in starts[] the instructions a jump (or a skip) lands on. */
static void mark_starts(const sbx_code *c, bool *starts)
{
    for (size_t k = 0; k < c->ncode; k++) {
        uint32_t i = sbx_instruction(c->code, k);
        long to = -1;
        int op = SBX_OP(i);
        if (op == SBX_OP_JMP) to = (long)k + 1 + SBX_SJ(i);
        else if ((op >= SBX_OP_EQ && op <= SBX_OP_TESTSET) || op == SBX_OP_LFALSESKIP) to = (long)k + 2;
        else if (op == SBX_OP_FORLOOP || op == SBX_OP_TFORLOOP) to = (long)k + 1 - SBX_BX(i);
        else if (op == SBX_OP_FORPREP) to = (long)k + SBX_BX(i) + 2;
        else if (op == SBX_OP_TFORPREP) to = (long)k + SBX_BX(i) + 1;
        if (to >= 0 && (size_t)to <= c->ncode) starts[to] = true;
    }
}

/* Whether instruction i may write register reg (or it is not known). */
static bool may_write(uint32_t i, int reg)
{
    int op = SBX_OP(i), a = SBX_A(i);
    switch (op) {
    case SBX_OP_CALL: return reg >= a && (SBX_C(i) == 0 || reg < a + SBX_C(i) - 1);
    case SBX_OP_VARARG: return reg >= a && (SBX_C(i) == 0 || reg < a + SBX_C(i) - 1);
    case SBX_OP_LOADNIL: return reg >= a && reg <= a + SBX_B(i);
    case SBX_OP_SELF: return reg == a || reg == a + 1;
    case SBX_OP_TFORCALL: return reg >= a;
    case SBX_OP_FORPREP: case SBX_OP_FORLOOP: case SBX_OP_TFORPREP: case SBX_OP_TFORLOOP: return reg >= a;
    case SBX_OP_SETTABUP: case SBX_OP_SETTABLE: case SBX_OP_SETI: case SBX_OP_SETFIELD:
    case SBX_OP_SETUPVAL: case SBX_OP_SETLIST: case SBX_OP_JMP: case SBX_OP_CLOSE: case SBX_OP_TBC:
    case SBX_OP_EXTRAARG: case SBX_OP_VARARGPREP:
        return false;
    default:
        if (op >= SBX_OP_MMBIN && op <= SBX_OP_MMBINK) return false;
        if (op >= SBX_OP_EQ && op < SBX_OP_TESTSET) return false;   /* tests write nothing */
        if (op >= SBX_OP_RETURN && op <= SBX_OP_RETURN1) return false;
        return a == reg;
    }
}

static bool push_register(lua_State *L, int fn, const sbx_code *c, const bool *starts, size_t pc, int reg, int depth);
static bool push_global_register(lua_State *L, int fn, const sbx_code *c, const bool *starts, size_t pc, int reg, int depth);

/* Replaces the environment on top by global `key` as the VM reads it there, when that reading
 * cannot change later: the environment does not hold the name itself (its own names, the
 * helpers, can be assigned), so it comes from the globals behind it, which are read-only.  False
 * (the environment popped) otherwise, or when the table on top is no environment. */
static bool push_global(lua_State *L, const char *key, size_t len)
{
    bool env = lua_type(L, -1) == LUA_TTABLE && luaL_getmetafield(L, -1, "__index") == LUA_TTABLE;  /* env G? */
    if (env) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);   /* env G G */
        env = lua_rawequal(L, -1, -2);
        lua_pop(L, 2);                                          /* env */
    }
    if (env) {
        lua_pushlstring(L, key, len);
        env = lua_rawget(L, -2) == LUA_TNIL;                    /* env v */
        lua_pop(L, 1);                                          /* env */
    }
    lua_pop(L, 1);                                              /* */
    if (!env)
        return false;
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);       /* G */
    push_field_raw(L, -1, key, len);                            /* G v */
    lua_remove(L, -2);                                          /* v */
    return true;
}

/* Pushes the value instruction i (at pc) puts in its register, when it can be known from the
 * code and fn's upvalues without running anything and no function of the file can change it: an
 * upvalue (none is ever assigned), a copy of one, a global (GETTABUP on the environment), or a
 * field of a global (a library such as math: read-only). */
static bool push_written(lua_State *L, int fn, const sbx_code *c, const bool *starts, size_t pc, uint32_t i, int depth)
{
    int op = SBX_OP(i), b = SBX_B(i), k = SBX_C(i);
    if (op == SBX_OP_MOVE)
        return push_register(L, fn, c, starts, pc, b, depth + 1);
    if (op == SBX_OP_GETUPVAL)
        return lua_getupvalue(L, fn, b + 1) != NULL;
    if ((op != SBX_OP_GETTABUP && op != SBX_OP_GETFIELD) || (size_t)k >= c->nk || !c->kstr[k])
        return false;
    if (op == SBX_OP_GETTABUP)
        return lua_getupvalue(L, fn, b + 1) && push_global(L, (const char *)c->kstr[k], c->klen[k]);
    if (!push_global_register(L, fn, c, starts, pc, b, depth + 1))
        return false;                                           /* lib */
    push_field_raw(L, -1, (const char *)c->kstr[k], c->klen[k]);  /* lib v */
    lua_remove(L, -2);                                          /* v */
    return true;
}

/* Pushes the value register reg holds when instruction pc runs, found by reading back to the
 * instruction that wrote it, which every path to pc must pass (no jump lands in between). */
static bool push_register(lua_State *L, int fn, const sbx_code *c, const bool *starts, size_t pc, int reg, int depth)
{
    if (depth > 16)
        return false;
    for (size_t k = pc; k-- > 0;) {
        if (starts[k + 1])
            return false;
        uint32_t i = sbx_instruction(c->code, k);
        if (may_write(i, reg))
            return SBX_A(i) == reg && push_written(L, fn, c, starts, k, i, depth);
    }
    return false;
}

/* As push_register, for a register a global was read into (a library such as math): a field is
 * read only from such a table, which no rule can change (the globals and their views are
 * read-only), never from a table of the file's own, which its functions could. */
static bool push_global_register(lua_State *L, int fn, const sbx_code *c, const bool *starts, size_t pc, int reg, int depth)
{
    for (size_t k = pc; k-- > 0;) {
        if (starts[k + 1])
            return false;
        uint32_t i = sbx_instruction(c->code, k);
        if (may_write(i, reg))
            return SBX_A(i) == reg && SBX_OP(i) == SBX_OP_GETTABUP && push_written(L, fn, c, starts, k, i, depth);
    }
    return false;
}

/* What the function at fn's code, read into c, calls at instruction pc: pushes the callee and
 * returns true when it is known and is a Lua function or one of bounded_c. */
static bool push_callee(lua_State *L, int fn, const sbx_code *c, const bool *starts, size_t pc)
{
    if (!push_register(L, fn, c, starts, pc, SBX_A(sbx_instruction(c->code, pc)), 0))
        return false;                                           /* f */
    if (lua_isfunction(L, -1) && (!lua_iscfunction(L, -1) || bounded_cfunction(L)))
        return true;
    lua_pop(L, 1);
    return false;
}

/* Reads the code of the Lua function at fn into c and marks where jumps land (*starts, to be
 * freed); false when the code is not understood. */
static bool read_with_starts(lua_State *L, int fn, sbx_code *c, bool **starts)
{
    if (!sbx_code_read(L, fn, c))
        return false;
    *starts = calloc(c->ncode + 1, 1);
    if (!*starts) {
        sbx_code_free(c);
        return false;
    }
    mark_starts(c, *starts);
    return true;
}

/* Whether instruction i can jump back (a loop). */
static bool loops(uint32_t i)
{
    int op = SBX_OP(i);
    return (op == SBX_OP_JMP && SBX_SJ(i) < 0) || (op >= SBX_OP_FORLOOP && op <= SBX_OP_TFORLOOP);
}

/* What bound_of needs while it reads one function. */
typedef struct bound_ctx {
    lua_State *L;
    int fn, visiting, depth;
    const sbx_code *c;
    const bool *starts;
    bool fixed;         /* no function of the file writes a table: those its upvalues reach stay */
    const ss_sandbox_args *args;  /* what its parameters are known to be */
} bound_ctx;

static const ss_sandbox_args no_args;

static long bound_of(lua_State *L, int fn, int visiting, int depth, bool fixed, const ss_sandbox_args *args);

/* The instruction before pc that last wrote register reg, which every path to pc passes; -1 when
 * there is none such. */
static long writer_of(const bound_ctx *b, size_t pc, int reg)
{
    for (size_t k = pc; k-- > 0;) {
        if (b->starts[k + 1])
            return -1;
        uint32_t i = sbx_instruction(b->c->code, k);
        if (may_write(i, reg))
            return SBX_A(i) == reg ? (long)k : -1;
    }
    return -1;
}

/* Whether register reg holds parameter reg, known to be a view, wherever the function reads it:
 * no instruction writes it. */
static bool param_kept(const bound_ctx *b, int reg)
{
    if (reg >= b->c->nparams || reg >= SS_SANDBOX_ARGS || !b->args->of[reg])
        return false;
    for (size_t k = 0; k < b->c->ncode; k++)
        if (may_write(sbx_instruction(b->c->code, k), reg))
            return false;
    return true;
}

/* The view register reg holds at pc: a parameter kept (param_kept), or a copy of one made on
 * every path to pc; NULL when not known. */
static const ss_sandbox_field *view_in(const bound_ctx *b, size_t pc, int reg)
{
    if (param_kept(b, reg))
        return b->args->of[reg];
    long k = writer_of(b, pc, reg);
    uint32_t i = k >= 0 ? sbx_instruction(b->c->code, (size_t)k) : 0;
    return k >= 0 && SBX_OP(i) == SBX_OP_MOVE && param_kept(b, SBX_B(i)) ? b->args->of[SBX_B(i)] : NULL;
}

/* The field of a view that the instruction at pc reads (a GETFIELD on a view), or NULL. */
static const ss_sandbox_field *view_field(const bound_ctx *b, size_t pc)
{
    uint32_t i = sbx_instruction(b->c->code, pc);
    size_t k = (size_t)SBX_C(i);
    const ss_sandbox_field *f = SBX_OP(i) == SBX_OP_GETFIELD ? view_in(b, pc, SBX_B(i)) : NULL;
    if (!f || k >= b->c->nk || !b->c->kstr[k])
        return NULL;
    for (; f->name; f++)
        if (strlen(f->name) == b->c->klen[k] && memcmp(f->name, b->c->kstr[k], b->c->klen[k]) == 0)
            return f;
    return NULL;
}

/* Whether the call at pc calls a view's lookup (ctx.queue(id)): what it calls was read from one
 * on every path to it. */
static bool calls_lookup(const bound_ctx *b, size_t pc)
{
    long k = writer_of(b, pc, SBX_A(sbx_instruction(b->c->code, pc)));
    const ss_sandbox_field *f = k >= 0 ? view_field(b, (size_t)k) : NULL;
    return f && f->most == SS_SANDBOX_LOOKUP;
}

/* What the call at pc hands its callee, parameter by parameter (nothing known past a variable
 * number of arguments). */
static void callee_args(const bound_ctx *b, size_t pc, ss_sandbox_args *out)
{
    uint32_t i = sbx_instruction(b->c->code, pc);
    int a = SBX_A(i), n = SBX_B(i) - 1;
    memset(out, 0, sizeof *out);
    for (int j = 0; j < n && j < SS_SANDBOX_ARGS; j++)
        out->of[j] = view_in(b, pc, a + 1 + j);
}

/* Whether the Lua function at fn cannot change which functions a call reaches, nor let Lua code
 * run unseen: it assigns no upvalue, and each of its calls reaches a known Lua function or one of
 * bounded_c (a generic for calls what its iterator gives: not known), or (with lookups, given
 * only for a file whose functions write no table) calls a field of one of its parameters named
 * as one of lookups (ctx.queue(id)).  Such a call reaches the host's lookup when the host called
 * it with its views; called by a function of its file with other values, it reaches a field of
 * a value that function could reach, which no function of the file could have filled: a value
 * walked here too, or nothing (an error). */
static bool closure_safe(lua_State *L, int fn, const ss_sandbox_field *lookups)
{
    sbx_code c;
    bool *starts, safe;
    if (!read_with_starts(L, fn, &c, &starts))
        return false;
    ss_sandbox_args any = {{NULL}};
    for (int j = 0; lookups && j < SS_SANDBOX_ARGS; j++)
        any.of[j] = lookups;
    bound_ctx b = {L, fn, 0, 0, &c, starts, false, &any};
    safe = true;
    for (size_t pc = 0; safe && pc < c.ncode; pc++) {
        int op = SBX_OP(sbx_instruction(c.code, pc));
        if (op == SBX_OP_SETUPVAL || op == SBX_OP_TFORCALL)
            safe = false;
        else if ((op == SBX_OP_CALL || op == SBX_OP_TAILCALL) && !calls_lookup(&b, pc) &&
                 (safe = push_callee(L, fn, &c, starts, pc)))
            lua_pop(L, 1);
    }
    free(starts);
    sbx_code_free(&c);
    return safe;
}

/* The largest positive integer key of the table on top, which bounds its length (# gives a
 * border, a key whose value is not nil); -1 for anything but a table without a metatable. */
static long largest_key(lua_State *L)
{
    if (lua_type(L, -1) != LUA_TTABLE || lua_getmetatable(L, -1)) {
        if (lua_type(L, -1) == LUA_TTABLE) lua_pop(L, 1);
        return -1;
    }
    long most = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {                                   /* t k v */
        lua_pop(L, 1);
        if (lua_isinteger(L, -1) && lua_tointeger(L, -1) > most)
            most = lua_tointeger(L, -1) < HOOK_EVERY ? (long)lua_tointeger(L, -1) : HOOK_EVERY;
    }
    return most;
}

/* The largest length of the values of the table on top (popped): -1 unless it is a table
 * without a metatable whose every value is one (largest_key). */
static long values_length(lua_State *L)
{
    bool table = lua_type(L, -1) == LUA_TTABLE && !lua_getmetatable(L, -1);
    if (!table && lua_type(L, -1) == LUA_TTABLE)
        lua_pop(L, 1);                                          /* t */
    long most = table ? 0 : -1;
    lua_pushnil(L);
    while (table && lua_next(L, -2)) {                          /* t k v */
        long n = largest_key(L);
        most = n < 0 ? -1 : (n > most ? n : most);
        lua_pop(L, 1);                                          /* t k */
        if (most < 0) {
            lua_pop(L, 1);                                      /* t */
            break;
        }
    }
    if (!table)
        lua_pop(L, 1);                                          /* t (the nil pushed) */
    lua_pop(L, 1);                                              /* */
    return most;
}

/* The largest length register reg can hold at pc, when it is the length (LEN) of a table that
 * cannot change: an upvalue, or any value of one (t[k], t.name, t[1]), or of a view's list
 * (person.history); -1 otherwise. */
static long length_bound(bound_ctx *b, size_t pc, int reg)
{
    long k = writer_of(b, pc, reg);
    uint32_t i = k >= 0 ? sbx_instruction(b->c->code, (size_t)k) : 0;
    if (k < 0 || SBX_OP(i) != SBX_OP_LEN)
        return -1;
    long at = writer_of(b, (size_t)k, SBX_B(i));
    uint32_t w = at >= 0 ? sbx_instruction(b->c->code, (size_t)at) : 0;
    int op = SBX_OP(w);
    lua_State *L = b->L;
    if (at >= 0 && op == SBX_OP_GETUPVAL && lua_getupvalue(L, b->fn, SBX_B(w) + 1)) {  /* t */
        long most = largest_key(L);
        lua_pop(L, 1);                                          /* */
        return most;
    }
    const ss_sandbox_field *list = at >= 0 ? view_field(b, (size_t)at) : NULL;
    if (list && list->most >= 0)
        return list->most < HOOK_EVERY ? list->most : HOOK_EVERY;
    if (at < 0 || (op != SBX_OP_GETTABLE && op != SBX_OP_GETFIELD && op != SBX_OP_GETI))
        return -1;
    long base = writer_of(b, (size_t)at, SBX_B(w));
    uint32_t u = base >= 0 ? sbx_instruction(b->c->code, (size_t)base) : 0;
    if (base < 0 || SBX_OP(u) != SBX_OP_GETUPVAL || !lua_getupvalue(L, b->fn, SBX_B(u) + 1))
        return -1;
    return values_length(L);                                    /* */
}

/* How many times the numeric for loop prepared at pc (FORPREP) runs its body at most: from a
 * constant start of 1 or more by steps of 1 up to the length of a table that cannot change
 * (for i = 1, #choices do ...); -1 when that is not known. */
static long for_trips(bound_ctx *b, size_t pc)
{
    int a = SBX_A(sbx_instruction(b->c->code, pc));
    long init = writer_of(b, pc, a), step = writer_of(b, pc, a + 2);
    if (!b->fixed || init < 0 || step < 0)
        return -1;
    uint32_t i0 = sbx_instruction(b->c->code, (size_t)init), i2 = sbx_instruction(b->c->code, (size_t)step);
    long first = SBX_BX(i0) - SBX_OFFSET_SBX;
    if (SBX_OP(i0) != SBX_OP_LOADI || SBX_OP(i2) != SBX_OP_LOADI || SBX_BX(i2) - SBX_OFFSET_SBX != 1 || first < 1)
        return -1;
    long last = length_bound(b, pc, a + 1);
    return last < 0 ? -1 : (last >= first ? last - first + 1 : 0);
}

/* The instructions the call at pc runs: itself and its callee's (bound_of; a C function's work
 * is not instructions), or -1 when the callee is not known. */
static long call_cost(bound_ctx *b, size_t pc)
{
    if (calls_lookup(b, pc))
        return 1;
    ss_sandbox_args args;
    callee_args(b, pc, &args);
    if (!push_callee(b->L, b->fn, b->c, b->starts, pc))        /* f */
        return -1;
    long inner = lua_iscfunction(b->L, -1) ? 0 : bound_of(b->L, -1, b->visiting, b->depth + 1, b->fixed, &args);
    lua_pop(b->L, 1);                                           /* */
    return inner < 0 ? -1 : 1 + inner;
}

/* The instructions run at most by code[from, to): each once, a numeric for loop's body as many
 * times as for_trips allows, a call's callee as bound_of gives; -1 when that is not known or not
 * below HOOK_EVERY. */
static long range_cost(bound_ctx *b, size_t from, size_t to)
{
    long total = 0;
    for (size_t pc = from; pc < to && total >= 0 && total < HOOK_EVERY; pc++) {
        uint32_t i = sbx_instruction(b->c->code, pc);
        int op = SBX_OP(i);
        if (op == SBX_OP_FORPREP) {
            size_t end = pc + (size_t)SBX_BX(i) + 1;           /* its FORLOOP */
            bool shaped = end < to && SBX_OP(sbx_instruction(b->c->code, end)) == SBX_OP_FORLOOP;
            long trips = shaped ? for_trips(b, pc) : -1, body = shaped ? range_cost(b, pc + 1, end) : -1;
            total = trips < 0 || body < 0 || trips >= HOOK_EVERY ? -1 : total + 1 + trips * (body + 1);
            pc = end;
        } else if (loops(i)) {
            total = -1;
        } else if (op == SBX_OP_CALL || op == SBX_OP_TAILCALL) {
            long cost = call_cost(b, pc);
            total = cost < 0 ? -1 : total + cost;
        } else {
            total++;
        }
    }
    return total < HOOK_EVERY ? total : -1;
}

/* The instructions one call of the Lua function at fn runs at most, those of the functions it
 * calls included (range_cost), or -1 when that is not known below HOOK_EVERY, or it calls back
 * into a function on the way (visiting, a table, marks those). */
static long bound_of(lua_State *L, int fn, int visiting, int depth, bool fixed, const ss_sandbox_args *args)
{
    fn = lua_absindex(L, fn);
    sbx_code c;
    bool *starts;
    if (depth > 32 || lua_rawgetp(L, visiting, lua_topointer(L, fn)) != LUA_TNIL) {
        lua_pop(L, 1);
        return -1;
    }
    lua_pop(L, 1);
    if (!read_with_starts(L, fn, &c, &starts))
        return -1;
    lua_pushboolean(L, 1);
    lua_rawsetp(L, visiting, lua_topointer(L, fn));
    bound_ctx b = {L, fn, visiting, depth, &c, starts, fixed, args};
    long total = range_cost(&b, 0, c.ncode);
    lua_pushnil(L);
    lua_rawsetp(L, visiting, lua_topointer(L, fn));
    free(starts);
    sbx_code_free(&c);
    return total;
}

/* The lookups args name (the first SS_SANDBOX_ARGS of them) into out, ended by a NULL name. */
static const ss_sandbox_field *lookups_of(const ss_sandbox_args *args, ss_sandbox_field *out)
{
    int n = 0;
    for (int j = 0; args && j < SS_SANDBOX_ARGS; j++)
        for (const ss_sandbox_field *f = args->of[j]; f && f->name; f++)
            if (f->most == SS_SANDBOX_LOOKUP && n < SS_SANDBOX_ARGS)
                out[n++] = *f;
    out[n] = (ss_sandbox_field){NULL, 0};
    return out;
}

bool ss_sandbox_is_bounded(ss_sandbox *sb, int chunk_idx, int module_idx, int fn_idx, const ss_sandbox_args *args)
{
    ss_sandbox_kind kind;
    ss_sandbox_classify(sb, chunk_idx, module_idx, fn_idx, args, NULL, 0, &kind);
    return kind.bounded;
}

/* ---------------------------------------------------------------- views as tables */

/* What views_walk needs while it reads the functions a call can reach. */
typedef struct views_ctx {
    lua_State *L;
    int visiting;                   /* table: the functions on the way (no recursion) */
    const char *const *names;       /* the view's fields that may be set in the table */
    int nnames;
    uint64_t keys;                  /* bit i: names[i] is read by name (GETFIELD) */
} views_ctx;

/* Whether the C function on top is the globals' type(), which tells a table from a userdata. */
static bool is_type_function(lua_State *L)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);       /* f G */
    push_field_raw(L, -1, "type", 4);                           /* f G type */
    bool same = lua_iscfunction(L, -1) && lua_tocfunction(L, -1) == lua_tocfunction(L, -3);
    lua_pop(L, 2);                                              /* f */
    return same;
}

/* Whether the operand of the LEN at pc is a value read from a table or an upvalue, never a
 * view: no function that reaches it writes a table or an upvalue, so none holds the view. */
static bool len_of_stored(const bound_ctx *b, size_t pc)
{
    long k = writer_of(b, pc, SBX_B(sbx_instruction(b->c->code, pc)));
    int op = k >= 0 ? SBX_OP(sbx_instruction(b->c->code, (size_t)k)) : -1;
    return op == SBX_OP_GETFIELD || op == SBX_OP_GETTABLE || op == SBX_OP_GETI || op == SBX_OP_GETUPVAL ||
           op == SBX_OP_GETTABUP;
}

/* Notes the field name a GETFIELD reads, when it is one of v->names. */
static void note_key(views_ctx *v, const sbx_code *c, uint32_t i)
{
    size_t k = (size_t)SBX_C(i);
    if (k >= c->nk || !c->kstr[k])
        return;
    for (int n = 0; n < v->nnames && n < 64; n++)
        if (strlen(v->names[n]) == c->klen[k] && memcmp(v->names[n], c->kstr[k], c->klen[k]) == 0)
            v->keys |= (uint64_t)1 << n;
}

/* Whether the instruction at pc lets a table stand for a view: it writes no table and no
 * upvalue (nothing could change the table or keep it), calls a known Lua function that lets a
 * table stand too (walked in turn) or one of bounded_c but type(), and takes no length of what
 * could be the view (a table has one, the view has none). */
static bool lets_table_stand(views_ctx *v, const bound_ctx *b, size_t pc, int depth);

/* Whether every instruction of the Lua function at fn, called with args, and of the functions it
 * calls, lets a table stand for a view; a function is walked again for each call of it (what it
 * knows of its arguments may differ), and one that calls back into a function on the way fails. */
static bool views_walk(views_ctx *v, int fn, int depth, const ss_sandbox_args *args)
{
    lua_State *L = v->L;
    fn = lua_absindex(L, fn);
    if (depth > 32 || lua_rawgetp(L, v->visiting, lua_topointer(L, fn)) != LUA_TNIL) {
        lua_pop(L, 1);
        return false;
    }
    lua_pop(L, 1);
    sbx_code c;
    bool *starts, ok = true;
    if (!read_with_starts(L, fn, &c, &starts))
        return false;
    lua_pushboolean(L, 1);
    lua_rawsetp(L, v->visiting, lua_topointer(L, fn));
    bound_ctx b = {L, fn, v->visiting, depth, &c, starts, false, args};
    for (size_t pc = 0; ok && pc < c.ncode; pc++)
        ok = lets_table_stand(v, &b, pc, depth);
    lua_pushnil(L);
    lua_rawsetp(L, v->visiting, lua_topointer(L, fn));
    free(starts);
    sbx_code_free(&c);
    return ok;
}

static bool lets_table_stand(views_ctx *v, const bound_ctx *b, size_t pc, int depth)
{
    uint32_t i = sbx_instruction(b->c->code, pc);
    switch (SBX_OP(i)) {
    case SBX_OP_SETUPVAL: case SBX_OP_SETTABUP: case SBX_OP_SETTABLE: case SBX_OP_SETI:
    case SBX_OP_SETFIELD: case SBX_OP_SETLIST: case SBX_OP_TFORCALL:
        return false;
    case SBX_OP_LEN:
        return len_of_stored(b, pc);
    case SBX_OP_GETFIELD:
        note_key(v, b->c, i);
        return true;
    case SBX_OP_CALL: case SBX_OP_TAILCALL: {
        if (calls_lookup(b, pc))
            return true;
        ss_sandbox_args args;
        callee_args(b, pc, &args);
        if (!push_callee(v->L, b->fn, b->c, b->starts, pc))    /* f */
            return false;
        bool ok = lua_iscfunction(v->L, -1) ? !is_type_function(v->L) : views_walk(v, -1, depth + 1, &args);
        lua_pop(v->L, 1);                                       /* */
        return ok;
    }
    default:
        return true;
    }
}

bool ss_sandbox_views_as_tables(ss_sandbox *sb, int chunk_idx, int module_idx, int fn_idx, const ss_sandbox_args *args,
                                const char *const *names, int nnames, uint64_t *keys)
{
    ss_sandbox_kind kind;
    ss_sandbox_classify(sb, chunk_idx, module_idx, fn_idx, args, names, nnames, &kind);
    *keys = kind.keys;
    return kind.tables;
}

/* Both at once: the values the function and its module reach are walked once for both. */
void ss_sandbox_classify(ss_sandbox *sb, int chunk_idx, int module_idx, int fn_idx, const ss_sandbox_args *args,
                         const char *const *names, int nnames, ss_sandbox_kind *kind)
{
    lua_State *L = sb->L;
    module_idx = lua_absindex(L, module_idx);
    fn_idx = lua_absindex(L, fn_idx);
    *kind = (ss_sandbox_kind){false, false, 0};
    args = args ? args : &no_args;
    sbx_code chunk;
    if (!lua_isfunction(L, fn_idx) || lua_iscfunction(L, fn_idx) || !sbx_code_read(L, chunk_idx, &chunk))
        return;
    bool fixed = !chunk.inner_writes;
    sbx_code_free(&chunk);
    ss_sandbox_field lookups[SS_SANDBOX_ARGS + 1];
    const ss_sandbox_field *named = fixed ? lookups_of(args, lookups) : NULL;
    lua_newtable(L);                                            /* visiting */
    long bound = bound_of(L, fn_idx, lua_gettop(L), 0, fixed, args);
    lua_pop(L, 1);                                              /* */
    lua_newtable(L);                                            /* visiting */
    views_ctx v = {L, lua_gettop(L), names, nnames, 0};
    bool walk = views_walk(&v, fn_idx, 0, args);
    lua_pop(L, 1);                                              /* */
    /* no Lua metamethod runs unseen, no function reached can change what the calls reach */
    bool reach = (bound >= 0 || walk) && reach_plain(L, module_idx, named) && reach_plain(L, fn_idx, named);
    kind->bounded = bound >= 0 && reach;
    kind->tables = walk && reach;
    kind->keys = kind->tables ? v.keys : 0;
}
