/* rulememo: a plain rule's kept calls (see rulememo.h). */
#include "rulememo.h"

#include <limits.h>
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
}

void ss_memo_forget(ss_rule_memo *mm, lua_State *L)
{
    for (int k = 0; k < SS_MEMO_TRACES; k++) {
        luaL_unref(L, LUA_REGISTRYINDEX, mm->traces[k].ref);
        mm->traces[k].ref = LUA_NOREF;
    }
}

/* Whether trace t's reads give the values they gave then. */
static bool same_reads(const ss_memo_trace *t, ss_memo_get get, void *ctx)
{
    for (int i = 0; i < t->n; i++) {
        ss_memo_val now = get(ctx, t->view[i], t->field[i]);
        if (now.kind != t->kind[i] || now.bits != t->bits[i])
            return false;
    }
    return true;
}

bool ss_memo_answer(ss_rule_memo *mm, ss_memo_rec *rec, lua_State *L, const int key[3],
                    ss_memo_get get, void *ctx)
{
    for (int k = 0; k < SS_MEMO_TRACES; k++) {
        ss_memo_trace *t = &mm->traces[k];
        if (t->ref == LUA_NOREF || memcmp(t->key, key, sizeof t->key) != 0 || !same_reads(t, get, ctx))
            continue;
        lua_rawgeti(L, LUA_REGISTRYINDEX, t->ref);          /* answer */
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
    memcpy(rec->t.key, key, sizeof rec->t.key);
    rec->t.n = 0;
    rec->full = false;
    rec->on = true;
    return false;
}

void ss_memo_read(ss_memo_rec *rec, int view, int field, ss_memo_val value)
{
    ss_memo_trace *t = &rec->t;
    if (t->n == SS_MEMO_READS || !value.keepable) {
        rec->full = true;
        return;
    }
    t->view[t->n] = (unsigned char)view;
    t->field[t->n] = (unsigned char)field;
    t->kind[t->n] = (unsigned char)value.kind;
    t->bits[t->n++] = value.bits;
}

/* Keeps the call just noted (its answer on top) in place of the kept call answered least; the
 * answer goes to that call's registry slot. */
static void keep(ss_rule_memo *mm, ss_memo_rec *rec, lua_State *L)
{
    ss_memo_trace *t = &mm->traces[0];
    for (int k = 1; k < SS_MEMO_TRACES && t->ref != LUA_NOREF; k++)
        if (mm->traces[k].ref == LUA_NOREF || mm->traces[k].hits < t->hits)
            t = &mm->traces[k];
    int ref = t->ref;
    lua_pushvalue(L, -1);                                   /* answer answer */
    if (ref == LUA_NOREF)
        ref = luaL_ref(L, LUA_REGISTRYINDEX);               /* answer */
    else
        lua_rawseti(L, LUA_REGISTRYINDEX, ref);             /* answer */
    *t = rec->t;
    t->ref = ref;
    t->hits = 0;
}

void ss_memo_done(ss_rule_memo *mm, ss_memo_rec *rec, lua_State *L, bool ok)
{
    bool noted = rec->on && !rec->full;
    rec->on = false;
    if (ok && noted)
        keep(mm, rec, L);
}
