/* source: reading a file of Lua (a scenario, an overlay, a rule module, a REPL script) whole,
 * within bounds.
 *
 * A path given by a user may be a directory, a device (/dev/zero never ends), a pipe, or simply
 * far larger than any scenario; each gets a clear message naming the file instead of a read
 * that fails with "Input/output error" or runs until the kernel kills the process. */
#ifndef SS_SOURCE_H
#define SS_SOURCE_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"

/* The largest scenario, overlay, rule file or REPL script read (the bundled ones are < 64 KiB). */
#define SS_SOURCE_MAX_BYTES ((size_t)16 << 20)

/* The open file f, opened from path, is a regular file of at most max bytes:
 *   "scenarios: is a directory (expected a file)"
 *   "/dev/zero: is not a regular file (expected a file, not a device, pipe or socket)"
 *   "big.lua: is 40.0 MiB, more than the 16 MiB a scenario, rule or script file may have"
 * Returns 0, or -1 with d filled. */
int ss_source_check(FILE *f, const char *path, size_t max, ss_diag *d);
/* The whole file (NUL-terminated, *len bytes before the NUL), malloc'd; NULL with d filled:
 * the messages above, or "PATH: cannot open (No such file or directory)". */
char *ss_source_read(const char *path, size_t max, size_t *len, ss_diag *d);

#endif
