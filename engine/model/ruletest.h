/* ruletest: running the test cases that rule modules carry (`samsim test`).
 *
 * A rule module returns a table of functions named after decision points plus `tests`, a list
 * of cases; each case calls one function with a person, a door or service and a ctx built from
 * the case, in a fresh sandbox per file, and compares the answer (the format is described at the
 * top of ruletest.c).  No scenario is needed: the views hold exactly what the case gives, and
 * reading anything else is an error, so a case says everything its answer depends on.
 *
 * Output, one line each: "FAIL FILE:LINE: test 3 'name': expected \"bup\", got \"fph\"" per
 * failing case (or "FAIL FILE:LINE: message" when the file itself is wrong), "ok FILE (5 tests)"
 * per file whose cases all pass, "skip FILE (no tests)" per file without tests. */
#ifndef SS_RULETEST_H
#define SS_RULETEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "flag.h"

typedef struct ss_ruletest_opts {
    FILE *out;                         /* the ok, skip and FAIL lines */
    const ss_stop_flag *interrupt;  /* Ctrl-C flag owned by the entry point; may be NULL */
    bool quiet;                        /* only the FAIL lines (no ok and skip lines) */
} ss_ruletest_opts;

typedef struct ss_ruletest_counts {
    int passed, failed;  /* test cases; a file that cannot be loaded or read counts one failure */
    int files;           /* rule files looked at */
    bool interrupted;    /* stopped early by *interrupt */
} ss_ruletest_counts;

/* The cases of one module given as text; chunkname names it in messages ("rules/x.lua"). */
void ss_ruletest_source(const char *code, size_t len, const char *chunkname,
                        const ss_ruletest_opts *o, ss_ruletest_counts *c);
/* The cases of one file, or of every *.lua file below a directory, in byte order of the names
 * (hidden entries are skipped).  A path that cannot be opened counts one failure. */
void ss_ruletest_path(const char *path, const ss_ruletest_opts *o, ss_ruletest_counts *c);

#endif
