/* diag: one place where model and input errors are built.
 *
 * Programmer bugs are assertions; everything a user can cause (a bad scenario, a failing rule, a
 * missing file) travels back up as an ss_diag filled by ss_fail() and is printed once by the
 * command line.  Keeping the message in a fixed buffer means no allocation on error paths. */
#ifndef SS_DIAG_H
#define SS_DIAG_H

#include <stddef.h>

typedef struct ss_diag {
    char msg[2048];
} ss_diag;

/* Format a message into d (if d is not NULL) and return -1, so callers can write
 * `return ss_fail(d, "...")`. */
int ss_fail(ss_diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prefix an existing message: "context: old message". Returns -1. */
int ss_wrap(ss_diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
