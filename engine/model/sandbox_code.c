/* sandbox_code: a Lua function's compiled code, read from its dump (lua_dump, stripped), for
 * sandbox_plain.c to tell what the function can do.  Lua 5.4's format (ldump.c); anything
 * unexpected in it fails the reading, which always makes the function "not known", the safe
 * answer.  Part of the sandbox (sandbox_parts.h). */
#include "sandbox_parts.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct dump_buf {
    unsigned char *p;
    size_t n, cap;
} dump_buf;

static int dump_writer(lua_State *L, const void *data, size_t size, void *ud)
{
    (void)L;
    dump_buf *b = ud;
    if (b->n + size > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->n + size) cap *= 2;
        unsigned char *p = realloc(b->p, cap);
        if (!p) return 1;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, data, size);
    b->n += size;
    return 0;
}

typedef struct reader {
    const unsigned char *p, *end;
    bool bad;
} reader;

static const unsigned char *take(reader *r, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = true;
        return NULL;
    }
    const unsigned char *at = r->p;
    r->p += n;
    return at;
}

/* ldump.c's dumpSize: 7 bits a byte, most significant first, the last byte marked. */
static size_t read_size(reader *r)
{
    size_t x = 0;
    for (int i = 0; i < 10; i++) {
        const unsigned char *b = take(r, 1);
        if (!b) return 0;
        x = (x << 7) | (*b & 0x7f);
        if (*b & 0x80) return x;
    }
    r->bad = true;
    return 0;
}

/* A string of the dump: its bytes (NULL for none) and length. */
static const unsigned char *read_string(reader *r, size_t *len)
{
    size_t n = read_size(r);
    *len = n ? n - 1 : 0;
    return n > 0 ? take(r, n - 1) : NULL;
}

/* Whether the code of one function keeps to the instructions of sbx_code_plain(). */
bool sbx_code_plain(const unsigned char *code, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        uint32_t i = sbx_instruction(code, k);
        int op = SBX_OP(i);
        if (op > SBX_OP_LAST || (op == SBX_OP_JMP && SBX_SJ(i) < 0)) return false;
        switch (op) {
        case SBX_OP_SETUPVAL: case SBX_OP_SETTABUP: case SBX_OP_SETTABLE: case SBX_OP_SETI:
        case SBX_OP_SETFIELD: case SBX_OP_NEWTABLE: case SBX_OP_CONCAT: case SBX_OP_CLOSE:
        case SBX_OP_TBC: case SBX_OP_CALL: case SBX_OP_TAILCALL: case SBX_OP_FORLOOP:
        case SBX_OP_FORPREP: case SBX_OP_TFORPREP: case SBX_OP_TFORCALL: case SBX_OP_TFORLOOP:
        case SBX_OP_SETLIST: case SBX_OP_CLOSURE:
            return false;
        default:
            break;
        }
    }
    return true;
}

/* Whether code writes a table or a global. */
static bool code_writes(const unsigned char *code, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        int op = SBX_OP(sbx_instruction(code, k));
        if (op == SBX_OP_SETTABUP || op == SBX_OP_SETTABLE || op == SBX_OP_SETI || op == SBX_OP_SETFIELD ||
            op == SBX_OP_SETLIST)
            return true;
    }
    return false;
}

/* Reads the constants of a function; the outermost function's strings go into c. */
static void read_constants(reader *r, bool outermost, sbx_code *c)
{
    size_t nk = read_size(r), len;
    if (outermost && nk < ((size_t)1 << 24) && !r->bad) {
        c->kstr = calloc(nk + 1, sizeof *c->kstr);
        c->klen = calloc(nk + 1, sizeof *c->klen);
        c->nk = c->kstr && c->klen ? nk : 0;
        r->bad |= !c->kstr || !c->klen;
    }
    for (size_t k = 0; k < nk && !r->bad; k++) {
        const unsigned char *tag = take(r, 1);
        if (!tag) break;
        if (*tag == 3 || *tag == 0x13) take(r, 8);              /* integer, float */
        else if (*tag == 4 || *tag == 0x14) {                    /* strings */
            const unsigned char *s = read_string(r, &len);
            if (outermost) {
                c->kstr[k] = s;
                c->klen[k] = len;
            }
        } else if (*tag != 0 && *tag != 1 && *tag != 0x11) r->bad = true;  /* nil, false, true */
    }
}

/* Reads one function of a dump (ldump.c's dumpFunction) and those inside it.  The outermost
 * (depth 0) fills c's code and string constants; c->inner_plain stays true while every function
 * inside keeps to sbx_code_plain(). */
static void read_function(reader *r, int depth, sbx_code *c)
{
    size_t len;
    read_string(r, &len);                /* source */
    read_size(r);                        /* linedefined */
    read_size(r);                        /* lastlinedefined */
    const unsigned char *params = take(r, 3);  /* numparams, is_vararg, maxstacksize */
    if (depth == 0 && params)
        c->nparams = params[0];
    size_t ncode = read_size(r);
    const unsigned char *code = ncode < ((size_t)1 << 24) ? take(r, 4 * ncode) : (r->bad = true, NULL);
    if (depth == 0) {
        c->code = code;
        c->ncode = ncode;
    } else if (!r->bad) {
        c->inner_plain &= sbx_code_plain(code, ncode);
        c->inner_writes |= code_writes(code, ncode);
    }
    read_constants(r, depth == 0, c);
    size_t nup = read_size(r);
    take(r, 3 * nup);
    size_t np = read_size(r);
    for (size_t k = 0; k < np && !r->bad; k++) {
        if (depth >= 200) r->bad = true;
        else read_function(r, depth + 1, c);
    }
    for (int part = 0; part < 4; part++)  /* stripped debug information: four empty lists */
        if (read_size(r) != 0) r->bad = true;
}

bool sbx_code_read(lua_State *L, int idx, sbx_code *c)
{
    memset(c, 0, sizeof *c);
    c->inner_plain = true;
    if (!lua_isfunction(L, idx) || lua_iscfunction(L, idx))
        return false;
    dump_buf b = {0};
    lua_pushvalue(L, idx);                                      /* f */
    int rc = lua_dump(L, dump_writer, &b, 1);
    lua_pop(L, 1);                                              /* */
    c->buf = b.p;
    static const unsigned char head[] = "\x1bLua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08";
    reader r = {b.p, b.p + b.n, false};
    const unsigned char *h = take(&r, sizeof head - 1);
    if (rc != 0 || !h || memcmp(h, head, sizeof head - 1) != 0) {
        sbx_code_free(c);
        return false;
    }
    take(&r, 8 + 8 + 1);                 /* LUAC_INT, LUAC_NUM, the closure's upvalue count */
    read_function(&r, 0, c);
    if (r.bad || r.p != r.end || !c->code) {
        sbx_code_free(c);
        return false;
    }
    return true;
}

void sbx_code_free(sbx_code *c)
{
    free(c->buf);
    free(c->kstr);
    free(c->klen);
    memset(c, 0, sizeof *c);
}
