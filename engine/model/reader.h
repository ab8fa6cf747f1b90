/* reader: walking a scenario table with a key path, so every validation error can say where.
 *
 * model.c reads the resolved scenario through these helpers; each keeps the current key path
 * ("services.fph.episode") and turns a wrong value into the one message shape users see:
 *   FILE: services.fph.fte: expected a number >= 0, got "ten"
 * where FILE is the scenario file (or overlay, or --set) that set that key. */
#ifndef SS_READER_H
#define SS_READER_H

#include <stdbool.h>

#include <lua.h>

#include "diag.h"

typedef const char *(*ss_origin_fn)(void *ud, const char *path);

typedef struct ss_reader {
    lua_State *L;
    ss_origin_fn origin;
    void *origin_ud;
    ss_diag *d;
    char path[512];
    void *user;       /* what is being built (the model), for hooks */
    double day0;      /* epoch day of the scenario start, for dates */
    bool raw;         /* read fields raw (no metamethods) */
} ss_reader;

/* Fail with "ORIGIN: PATH[.key]: message". key may be NULL. Returns -1. */
int ss_reader_fail(ss_reader *r, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The same with the key an item's position in a list (1-based: index + 1). */
int ss_reader_fail_at(ss_reader *r, int index, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Describe the value at idx for "got ...": "ten" quoted, numbers as %g, else the type name. */
void ss_reader_describe(lua_State *L, int idx, char *out, size_t n);

/* An id: letters, digits, _ and - only, not empty. */
bool ss_reader_is_id(const char *s);

/* Enter a child key (appends ".key" to the path) / leave it (restores the path). */
void ss_reader_enter(ss_reader *r, const char *key, char *saved, size_t n);
void ss_reader_leave(ss_reader *r, const char *saved);
/* The path of a child key, for messages and nested readers. */
void ss_reader_child(const ss_reader *r, const char *key, char *out, size_t n);

/* The table at the top of the stack may only have these string keys (NULL-terminated list);
 * any other key is an error "unknown key 'ftee' (expected one of: a, b, c)". */
int ss_reader_only_keys(ss_reader *r, const char *const *allowed);

/* Push t[key] of the table on top, raw (no metamethods); returns its type. */
int ss_reader_get(lua_State *L, const char *key);
/* Field readers on the table at the top of the stack.  Missing and !required: *out = def, 0. */
int ss_reader_number(ss_reader *r, const char *key, double min, double max, bool required,
                     double def, double *out);
int ss_reader_string(ss_reader *r, const char *key, bool required, const char *def,
                     const char **out);
/* A text in English with an optional Norwegian one beside it (reason.h): "why", or
 * { "why", nb = "hvorfor" }; *nb is NULL when there is none.  Both anchored as a string is. */
int ss_reader_reason(ss_reader *r, const char *key, bool required, const char *def, const char **en,
                     const char **nb);
int ss_reader_bool(ss_reader *r, const char *key, bool def, bool *out);
/* Push the field if it is a table (returns 1), nothing when absent (returns 0), -1 on a
 * non-table value. */
int ss_reader_table(ss_reader *r, const char *key, bool required);

#endif
