/* rulememo: the answers of a plain rule kept, so that a call whose reads would give the same
 * values in the same order is answered without running it.
 *
 * A plain rule (ss_sandbox_is_plain) draws no random number, and nothing of its file changes what
 * it reads after loading, so its answer depends only on the values it reads, and the same first
 * reads lead it to the same next read: a call that reads `complex` first and gets false goes
 * where every such call went.  A kept call (a trace) is its key (the door, service and age it was
 * called with), the fields it read in order and their values as C data (ss_memo_val: checking a
 * kept call touches no Lua value), and its answer (kept in the registry).  Which calls are kept
 * changes the speed, never an answer.  Internal to model/. */
#ifndef SS_RULEMEMO_H
#define SS_RULEMEMO_H

#include <stdbool.h>
#include <stdint.h>

#include <lua.h>

enum { SS_MEMO_TRACES = 4, SS_MEMO_READS = 8 };

/* A value read, as the rules bridge gives it: equal kind and bits only when a rule cannot tell
 * the two values apart (a number's bits, an id's identity); keepable false for a value made
 * anew at each read (a list, a lookup function), which ends the noting of a call. */
typedef struct ss_memo_val {
    int kind;
    uint64_t bits;
    bool keepable;
} ss_memo_val;

typedef struct ss_memo_trace {
    int key[3];                   /* door, service, ctx.age (-1: none) */
    int n;                        /* fields read */
    unsigned char view[SS_MEMO_READS], field[SS_MEMO_READS], kind[SS_MEMO_READS];
    uint64_t bits[SS_MEMO_READS]; /* the values they gave */
    int ref;                      /* registry ref of the answer, or LUA_NOREF */
    unsigned hits;
} ss_memo_trace;

/* One rule's kept calls. */
typedef struct ss_rule_memo {
    bool unhooked;                /* plain or bounded: called without the count hook */
    bool kept;                    /* plain: its calls are kept (until too few are answered so) */
    unsigned calls, hits;
    ss_memo_trace traces[SS_MEMO_TRACES];  /* the most answered first */
} ss_rule_memo;

/* The call being noted. */
typedef struct ss_memo_rec {
    ss_memo_trace t;
    bool on, full;                /* full: a read that cannot be kept, or too many */
} ss_memo_rec;

/* The value field `field` of view `view` has now. */
typedef ss_memo_val (*ss_memo_get)(void *ctx, int view, int field);

/* A rule with nothing kept (the refs are LUA_NOREF, none to give back); its calls are kept when
 * it is plain (ss_sandbox_is_plain), and run without the hook when it is plain or bounded. */
void ss_memo_init(ss_rule_memo *mm, bool unhooked, bool plain);
void ss_memo_rec_init(ss_memo_rec *rec);
/* Gives back what mm keeps in the registry; mm keeps nothing after. */
void ss_memo_forget(ss_rule_memo *mm, lua_State *L);

/* Before a call of a rule whose calls are kept: pushes the answer of a kept call with this key
 * whose reads give the values they gave then, and returns true; else starts noting this call's
 * reads in rec (unless the rule has stopped keeping calls) and returns false. */
bool ss_memo_answer(ss_rule_memo *mm, ss_memo_rec *rec, lua_State *L, const int key[3],
                    ss_memo_get get, void *ctx);
/* The call being noted read field `field` of view `view`, which gave value. */
void ss_memo_read(ss_memo_rec *rec, int view, int field, ss_memo_val value);
/* After the call: stops noting, and keeps the call when it ended well (ok, its answer on top)
 * and every read could be kept. */
void ss_memo_done(ss_rule_memo *mm, ss_memo_rec *rec, lua_State *L, bool ok);

#endif
