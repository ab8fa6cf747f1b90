/* cli: the `samsim` command line — a table of commands {name, usage, help, handler}.
 *
 * Exit codes (documented in the README and in `samsim --help`):
 *   0 success
 *   1 the scenario, an overlay or a rule is wrong (the message says where)
 *   2 the command line is wrong
 *   3 interrupted (Ctrl-C)
 *   4 results could not be written (database or output file) */
#ifndef SS_CLI_H
#define SS_CLI_H

#include <signal.h>

#define SS_VERSION "0.1.0"

enum { SS_EXIT_OK = 0, SS_EXIT_MODEL = 1, SS_EXIT_USAGE = 2, SS_EXIT_INTERRUPTED = 3, SS_EXIT_IO = 4 };

/* Run one command line; interrupt is the Ctrl-C flag owned by main(). */
int ss_cli_main(int argc, char **argv, volatile sig_atomic_t *interrupt);

#endif
