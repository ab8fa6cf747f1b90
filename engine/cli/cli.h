/* cli: the `samsim` command line — one table of commands {name, usage, help, handler}.
 *
 * Exit codes (documented in the README and in `samsim --help`):
 *   0 success
 *   1 the scenario, an overlay or a rule is wrong (the message says where)
 *   2 the command line is wrong
 *   3 interrupted (Ctrl-C)
 *   4 results could not be written (database or output file) */
#ifndef SS_CLI_H
#define SS_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "flag.h"
#include "lang.h"
#include "parse.h"
#include "scenario.h"
#include "study.h"

#include "version.h"

enum { SS_EXIT_OK = 0, SS_EXIT_MODEL = 1, SS_EXIT_USAGE = 2, SS_EXIT_INTERRUPTED = 3, SS_EXIT_IO = 4 };

/* A command: argv[0] is the command's name, the rest its arguments. */
typedef struct ss_command {
    const char *name;
    const char *usage;
    const char *help;
    int (*handler)(int argc, char **argv, ss_stop_flag *interrupt);
} ss_command;

/* Commands defined in their own files (listed in cli.c's table). */
extern const ss_command ss_cmd_schema;
extern const ss_command ss_cmd_test;
extern const ss_command ss_cmd_compare;
extern const ss_command ss_cmd_report;
extern const ss_command ss_cmd_batch;
extern const ss_command ss_cmd_merge;
extern const ss_command ss_cmd_repl;
extern const ss_command ss_cmd_explain;
extern const ss_command ss_cmd_sensitivity;
extern const ss_command ss_cmd_calibrate;
extern const ss_command ss_cmd_audit;

#define SS_CLI_MAX_LIST 64

/* Options shared by the commands that load and run scenarios. */
typedef struct ss_cli_opts {
    const char *positional[SS_CLI_MAX_LIST];
    int npositional;
    const char *sets[SS_CLI_MAX_LIST];   /* --set PATH=VALUE */
    int nsets;
    const char *overlays[SS_CLI_MAX_LIST]; /* --apply FILE; after ss_cli_load, the files found */
    int noverlays;
    char overlay_files[SS_CLI_MAX_LIST][1024]; /* where ss_cli_load found each --apply */
    int reps;                            /* --reps N (with --precision: the cap) */
    bool reps_given;
    double precision;                    /* --precision REL; 0 when not given */
    uint64_t seed;                       /* --seed S */
    int jobs;                            /* -j N */
    bool json, csv, sources, help, quiet, markdown, strict, all, headline;
    ss_lang lang;                        /* --lang en|nb: the words people read (default English) */
    const char *db;                      /* --db FILE */
    int64_t trace;                       /* --trace PERSON */
    bool lang_nb;                        /* --lang nb: reasons in Norwegian where they have it */
} ss_cli_opts;

/* Parse argv (without the command name) into o.  letters says which options the command takes:
 * s --set, a --apply, r --reps, e --seed, j -j/--jobs, o --json/--csv, d --db, t --trace,
 * S --sources, m --markdown, X --strict, A --all, H --headline, p --precision, l --lang (--help and --quiet
 * always).  Options are read by getopt_long
 * (ss_cli_getopt); positionals keep their order.  Set o's defaults before calling.  Returns 0,
 * or an exit code after printing "samsim CMD: ... (see 'samsim CMD --help')". */
int ss_cli_parse(const char *cmd, const char *letters, int argc, char **argv, ss_cli_opts *o);
/* A command's own options, read in the same getopt_long pass as the shared ones: their entries
 * (val from SS_CLI_OWN up, {0}-terminated) and the function that takes each one's value
 * (optarg, NULL for an option without one) into ud, returning 0 or an exit code; shorts, its
 * one-letter options without a value ("n" for -n; NULL: none), taken as their letter. */
enum { SS_CLI_OWN = 1000 };
typedef struct ss_cli_own {
    const struct option *options;
    int (*take)(int opt, const char *value, void *ud);
    void *ud;
    const char *shorts;
} ss_cli_own;
/* ss_cli_parse with own options (own NULL: none). */
int ss_cli_parse_own(const char *cmd, const char *letters, const ss_cli_own *own, int argc, char **argv,
                     ss_cli_opts *o);
/* An option's whole-number value from lo to hi into *out, or the usage error
 * "NAME: expected a whole number from LO to HI, got 'V'". */
int ss_cli_count(const char *cmd, const char *name, const char *v, long lo, long hi, int *out);
/* What a shard that stored its part of a stage prints (stage: "the morris stage", "wave 2"; next:
 * "stage", "wave"): how to merge the shards' files and go on.  SS_EXIT_OK, or SS_EXIT_IO. */
int ss_cli_shard_waiting(const char *db, int shard, int nshards, const char *stage, const char *next);
/* v appended to list (*n of at most max), or the usage error "at most MAX NAME options". */
int ss_cli_add(const char *cmd, const char *name, const char **list, int *n, int max, const char *v);
/* --shard K/N (1 <= K <= N <= 100000) into *shard and *nshards, or the usage error. */
int ss_cli_shard(const char *cmd, const char *v, int *shard, int *nshards);
int ss_cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* getopt_long as every samsim command uses it: its own messages off (commands print theirs),
 * positionals returned in order as 1 with optarg, long options only when written whole (not
 * --rep for --reps).  Set optind = 0 before the first call.  Returns the option's value, -1 at
 * the end (or at "--": the rest from optind on are positional), '?' for an unknown option
 * and ':' for a missing value, with the option as typed (up to '=') in bad. */
struct option;
int ss_cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts, char *bad, size_t nbad);
/* --precision into the study options: the replications to start from (o->reps without it). */
int ss_cli_precision(const ss_cli_opts *o, ss_study_opts *so);
/* Load a scenario with o's --apply and --set; prints the error and sets *exit_code on failure.
 * Each --apply is looked for as ss_overlay_locate says (beside the scenario, from here, in the
 * models folder; .lua may be left off), and o->overlays then names the files found. */
ss_scenario *ss_cli_load(const char *file, ss_cli_opts *o, const char *cmd, int *exit_code);
/* "\rreplication 3 of 10" on stderr (use only when stderr is a terminal). */
void ss_cli_progress(void *ud, int done, int total);
/* Print a command's usage and help; SS_EXIT_OK. */
int ss_cli_help(const char *name);

/* Run one command line; interrupt is the Ctrl-C flag owned by main(). */
int ss_cli_main(int argc, char **argv, ss_stop_flag *interrupt);

#endif
