/* rulememo: a plain rule's kept calls (see rulememo.h). */
#include "rulememo.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include <lauxlib.h>

/* A rule whose kept calls answer fewer than one call in four of its first MEMO_TRIAL calls (its
 * reads vary too much: an age, say) stops keeping them: noting the reads would only cost. */
enum { MEMO_TRIAL = 128 };

void ss_memo_init(ss_rule_memo *mm, bool unhooked, bool plain)
{
    memset(mm, 0, sizeof *mm);
    mm->unhooked = unhooked;
    mm->kept = plain;
    for (int k = 0; k < SS_MEMO_TRACES; k++)
        mm->traces[k].ref = LUA_NOREF;
}

void ss_memo_rec_init(ss_memo_rec *rec)
{
    memset(rec, 0, sizeof *rec);
    rec->ref = LUA_NOREF;
}

void ss_memo_forget(ss_rule_memo *mm, lua_State *L)
{
    for (int k = 0; k < SS_MEMO_TRACES; k++) {
        luaL_unref(L, LUA_REGISTRYINDEX, mm->traces[k].ref);
        mm->traces[k].ref = LUA_NOREF;
    }
}

/* Whether two equal values on top are the same to a rule: 0.0 and -0.0 are equal, but 1/x
 * tells them apart. */
static bool same_zero(lua_State *L)
{
    if (lua_type(L, -1) != LUA_TNUMBER || lua_isinteger(L, -1) || lua_isinteger(L, -2) || lua_tonumber(L, -1) != 0)
        return true;
    return signbit(lua_tonumber(L, -1)) == signbit(lua_tonumber(L, -2));
}

/* Whether trace t's reads give the values they gave then. */
static bool same_reads(const ss_memo_trace *t, lua_State *L, ss_memo_push push, void *ctx)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, t->ref);              /* values */
    bool same = true;
    for (int i = 0; same && i < t->n; i++) {
        push(L, ctx, t->view[i], t->field[i]);              /* values now */
        lua_rawgeti(L, -2, i + 1);                          /* values now then */
        same = lua_rawequal(L, -1, -2) && same_zero(L);
        lua_pop(L, 2);                                      /* values */
    }
    if (same)
        lua_rawgeti(L, -1, t->n + 1);                       /* values answer */
    lua_remove(L, -1 - same);                               /* answer? */
    return same;
}

bool ss_memo_answer(ss_rule_memo *mm, ss_memo_rec *rec, lua_State *L, const int key[3],
                    ss_memo_push push, void *ctx)
{
    for (int k = 0; k < SS_MEMO_TRACES; k++) {
        ss_memo_trace *t = &mm->traces[k];
        if (t->ref == LUA_NOREF || memcmp(t->key, key, sizeof t->key) != 0 || !same_reads(t, L, push, ctx))
            continue;
        mm->hits++;
        if (++t->hits > (k ? t[-1].hits : UINT_MAX)) {      /* the most answered first */
            ss_memo_trace before = t[-1];
            t[-1] = *t;
            *t = before;
        }
        return true;
    }
    if (++mm->calls == MEMO_TRIAL && mm->hits * 4 < MEMO_TRIAL) {
        mm->kept = false;
        ss_memo_forget(mm, L);
        return false;
    }
    if (rec->ref == LUA_NOREF) {
        lua_createtable(L, SS_MEMO_READS + 1, 0);
        rec->ref = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    memcpy(rec->t.key, key, sizeof rec->t.key);
    rec->t.n = 0;
    rec->full = false;
    rec->on = true;
    return false;
}

void ss_memo_read(ss_memo_rec *rec, lua_State *L, int view, int field, bool keepable)
{
    ss_memo_trace *t = &rec->t;
    if (t->n == SS_MEMO_READS || !keepable) {
        rec->full = true;
        return;
    }
    t->view[t->n] = (unsigned char)view;
    t->field[t->n] = (unsigned char)field;
    lua_rawgeti(L, LUA_REGISTRYINDEX, rec->ref);            /* v values */
    lua_pushvalue(L, -2);                                   /* v values v */
    lua_rawseti(L, -2, ++t->n);                             /* v values */
    lua_pop(L, 1);                                          /* v */
}

/* Keeps the call just noted (its answer on top) in place of the kept call answered least. */
static void keep(ss_rule_memo *mm, ss_memo_rec *rec, lua_State *L)
{
    ss_memo_trace *t = &mm->traces[0];
    for (int k = 1; k < SS_MEMO_TRACES && t->ref != LUA_NOREF; k++)
        if (mm->traces[k].ref == LUA_NOREF || mm->traces[k].hits < t->hits)
            t = &mm->traces[k];
    int spare = t->ref;  /* the table of the call it replaces notes the next call's values */
    lua_rawgeti(L, LUA_REGISTRYINDEX, rec->ref);            /* answer values */
    lua_pushvalue(L, -2);                                   /* answer values answer */
    lua_rawseti(L, -2, rec->t.n + 1);                       /* answer values */
    lua_pop(L, 1);                                          /* answer */
    *t = rec->t;
    t->ref = rec->ref;
    t->hits = 0;
    rec->ref = spare;
}

void ss_memo_done(ss_rule_memo *mm, ss_memo_rec *rec, lua_State *L, bool ok)
{
    bool noted = rec->on && !rec->full;
    rec->on = false;
    if (ok && noted)
        keep(mm, rec, L);
}
