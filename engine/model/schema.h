/* schema: a table format described as data, and the one reader that walks the description.
 *
 * A schema is a list of fields (key, type, range, default, where the value goes: an offset into a
 * C struct).  ss_schema_read() checks the table's keys against the list (an unknown key is a
 * typo), reads each field in turn, and turns every wrong value into the reader's one message
 * shape, "FILE: key.path: expected ..., got ...".  What a type cannot say (a value that depends on
 * another, a rule, a capacity in three forms) is a hook: a small function named in the table.
 * The scenario format itself is described in model_schema.c; the README's scenario reference
 * follows it.
 *
 * Order of reading: fields in list order, by `pass` first (a later pass may rely on what an
 * earlier one read, e.g. services after the organisation).  A keyed section declares all its ids
 * before reading any entry, so entries may refer to each other. */
#ifndef SS_SCHEMA_H
#define SS_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "reader.h"

typedef struct ss_field ss_field;
typedef struct ss_schema ss_schema;

typedef enum ss_ftype {
    SS_F_NUMBER,    /* double at off, from min to max, stored times scale (0: 1) */
    SS_F_INT,       /* number from min to max, times scale, truncated to an int or long (width) */
    SS_F_STRING,    /* copied char * at off; default def_str (SS_DEF_ID: the entry's id) */
    SS_F_REASON,    /* a text with an optional Norwegian one beside it, "why" or { "why", nb =
                       "hvorfor" } (reason.h): the English copied to char * at off, the Norwegian
                       to char * at off2 (NULL when none); default def_str */
    SS_F_BOOL,      /* bool at off; default def != 0 */
    SS_F_ENUM,      /* one of names[]: its index (int at off; bool "is the first" with SS_AS_BOOL);
                       what = the accepted words for the message; default index def (-1: none) */
    SS_F_DATE,      /* "YYYY-MM-DD" as days after the scenario start (double at off) */
    SS_F_MONTHDAY,  /* "MM-DD" as month*100+day (int at off) */
    SS_F_AGES,      /* {min, max} years, 0 <= min < max <= 150: doubles at off and off2;
                       absent: def and max */
    SS_F_DIST,      /* a distribution of durations >= 0 (ss_dist at off); default fixed def */
    SS_F_REF,       /* the id of an entry elsewhere: find(user, id) as int at off, -1 default;
                       what = message for an unknown id, with one %s */
    SS_F_TABLE,     /* a nested table read by sub, its struct at off; SS_PRESENT: bool at off2 */
    SS_F_KEYED,     /* id = entry, ...: sub->elem-sized entries (pointer at off, int count at
                       off2), sorted by their `order` field and id; what = "door id" */
    SS_F_LIST,      /* { item, item, ... }: min to max items (else the message `what`); with sub,
                       tables read into an array (pointer at off, count at off2); else each item
                       is handed to hook(r, f, base, index) with the item on top */
    SS_F_HOOK,      /* read by hook(r, f, base, 0) with the table on top */
    SS_F_ACCEPT     /* a known key read elsewhere (by a hook) or not at all (order) */
} ss_ftype;

enum {
    SS_REQ = 1 << 0,      /* missing is an error */
    SS_DEF_ID = 1 << 1,   /* string default: the entry's id */
    SS_AS_BOOL = 1 << 2,  /* enum stored as bool: the first name */
    SS_PRESENT = 1 << 3   /* table: bool at off2 says it was given */
};

typedef int (*ss_field_hook)(ss_reader *r, const ss_field *f, void *base, int item);

struct ss_field {
    const char *key;
    ss_ftype type;
    unsigned flags;
    int pass;
    double min, max, def, scale;
    const char *def_str;
    size_t off, off2;
    int width;                      /* SS_F_INT: sizeof the destination */
    const char *const *names;       /* SS_F_ENUM, NULL-terminated */
    const char *what;               /* message text, see the type */
    const ss_schema *sub;           /* SS_F_TABLE, SS_F_KEYED, SS_F_LIST of tables */
    ss_field_hook hook;             /* SS_F_HOOK, SS_F_LIST items */
    int (*find)(const void *user, const char *id);  /* SS_F_REF */
};

struct ss_schema {
    const ss_field *fields;         /* ends with a field whose key is NULL */
    size_t elem;                    /* keyed and list entries: the struct's size; id at offset 0 */
    int min, max;                   /* keyed: entries allowed */
    const char *entry;              /* keyed and list: what one entry is, for "expected ..." */
    const char *none;               /* keyed with min > 0: the message when there are none */
    bool shorthand;                 /* keyed: an entry may be just a string, its name */
    size_t name_off;                /* ... copied here */
    bool plain_ids;                 /* keyed: ids of letters, digits, _ and - only */
    void (*init)(ss_reader *r, void *base);   /* before the fields, and when the table is absent */
    int (*finish)(ss_reader *r, void *base);  /* after the fields: checks across fields */
};

/* Read the table on top of the stack into base (does not pop). 0, or -1 with r->d filled. */
int ss_schema_read(ss_reader *r, const ss_schema *s, void *base);
/* Read one field from the table on top of the stack (for hooks that read conditionally). */
int ss_schema_field(ss_reader *r, const ss_field *f, void *base);
/* Free what reading allocated into base: strings, distributions, keyed and list arrays (their
 * entries' own fields too).  Safe on a partly read base. */
void ss_schema_free(const ss_schema *s, void *base);

#endif
