/* repl: the planner's interactive workbench (`samsim repl`), on GNU readline.
 *
 * Shaped after lua.c and the sqlite3 shell: all state lives in one struct (repl), and one input
 * path (repl_feed) serves the terminal, a piped session, `read FILE` and `-c "command"`.  A line
 * whose first word names a command runs that command from one table (commands.c), which also
 * feeds `help` and tab completion; anything else is Lua, run in the sandbox with read-only views
 * of the model and of the last results.
 *
 * Files, one job each:
 *   repl.c      entry point, state, the input loop for scripts and pipes
 *   line.c      the terminal: readline, history, Ctrl-C at the prompt, completion hook
 *   complete.c  completion candidates (pure: testable without a terminal)
 *   args.c      splitting a command into arguments, errors with a caret
 *   commands.c  the command table, help, read, quit
 *   edit.c      the model the planner edits: load, apply, unapply, set, undo, redo
 *   show.c      show services / params / sources / diff
 *   runs.c      run, results, export, trace, compare
 *   chart_cmd.c the chart command: picks data from the last run for charts.c
 *   charts.c    terminal bars, sparkline, histogram (pure)
 *   save.c      save: a scenario file that extends the original with the changes
 *   tree.c      the resolved scenario as a Lua table: load, print as Lua, diff, walk
 *   luaeval.c   Lua input: environment, model/results views, evaluation, printing
 *   fmt.c       numbers for people (text, tables and buffers are engine/util's) */
#ifndef SS_REPL_H
#define SS_REPL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <lua.h>

#include "diag.h"
#include "flag.h"
#include "lang.h"
#include "near.h"
#include "sandbox.h"
#include "sbuf.h"
#include "scenario.h"
#include "study.h"
#include "table.h"
#include "text.h"
#include "words.h"

#define REPL_MAX_ARGS 64
#define REPL_MAX_LIST 64     /* overlays, set values */
#define REPL_MAX_UNDO 100
#define REPL_MAX_READ_DEPTH 16
#define REPL_MAX_LINE (1 << 20)  /* bytes in one line of input */
#define REPL_HISTORY_LINES 1000
#define REPL_DEFAULT_REPS 20
/* A plain `run` adds replications (from 10, at most REPL_DEFAULT_REPS: the REPL's budget, so an
 * answer comes in about a second and the same seed gives the same figures) until every key
 * interval is within this share of its mean; `run N` fixes the number instead. */
#define REPL_DEFAULT_PRECISION 0.10

/* ---- fmt.c: text for people ------------------------------------------------------------ */

/* A number as people read it: shares as percent, counts whole, days with one decimal. */
void repl_fmt_number(char *out, size_t n, double x, const char *unit);
/* "22.0 [14.9, 29.1]", or "22.0" without an interval, or "-" when undefined. */
void repl_fmt_estimate(char *out, size_t n, const ss_estimate *e, const char *unit);

/* ---- args.c: one command line ---------------------------------------------------------- */

typedef struct repl_args {
    const char *line;              /* the whole line as typed */
    int argc;
    char *argv[REPL_MAX_ARGS];     /* unquoted copies */
    int off[REPL_MAX_ARGS];        /* byte offset of each argument in line */
    int len[REPL_MAX_ARGS];        /* its length in line, quotes included */
} repl_args;

/* Split at blanks; '...' and "..." group.  -1 with d filled on an unclosed quote or too many
 * arguments. */
int repl_args_split(repl_args *a, const char *line, ss_diag *d);
void repl_args_free(repl_args *a);
/* The raw text from argument i to the end of the line (trailing blanks cut), e.g. a Lua value. */
void repl_args_rest(const repl_args *a, int i, char *out, size_t n);

/* The closest of n candidates within a distance that makes sense for want, or NULL: the
 * engine's "did you mean" (util/near.h). */
static inline const char *repl_closest(const char *want, const char *const *cands, int n)
{
    return ss_closest(want, cands, n);
}

/* ---- the state ------------------------------------------------------------------------- */

/* What the planner has changed: enough to rebuild the model from files. */
typedef struct repl_edit {
    char *path;                          /* scenario file; NULL before any load */
    char *overlays[REPL_MAX_LIST];
    int noverlays;
    char *sets[REPL_MAX_LIST];           /* "PATH=VALUE", applied in order */
    int nsets;
} repl_edit;

/* An undo step: the state to go back to (on the redo stack: forward to), and the command that
 * made the change. */
typedef struct repl_step {
    repl_edit state;
    char what[256];
} repl_step;

/* A loaded scenario shared by the current model and the runs made from it (a study borrows
 * its scenario, and the model may change while a run's results are still shown). */
typedef struct repl_scen {
    ss_scenario *sc;
    int refs;
} repl_scen;

/* On the heap, never copied: the study's description points into the study itself. */
typedef struct repl_run {
    repl_scen *scen;
    ss_study st;
    char label[512];                     /* what was run, for compare headers */
} repl_run;

typedef struct repl {
    ss_stop_flag *interrupt;    /* Ctrl-C flag owned by main() */
    FILE *out;                           /* results */
    FILE *err;                           /* errors */

    /* the model */
    repl_edit edit;
    repl_scen *cur;                      /* built from edit; NULL before any load */
    ss_scenario *base;                   /* edit.path alone, for diff and save */
    repl_step undo[REPL_MAX_UNDO];
    int nundo;
    repl_step redo[REPL_MAX_UNDO];
    int nredo;

    /* runs */
    int reps;
    double precision;                    /* a plain `run` reaches it; 0 once `run N` chose a number */
    uint64_t seed;
    repl_run *last, *prev;               /* the newest run and the one before; NULL: none */
    repl_edit baseline;                  /* the base of compare; path NULL: the file as loaded */
    repl_run *base_run;                  /* the baseline's newest run, to pair the next compare */

    /* Lua */
    ss_sandbox *sb;
    int env_ref;                         /* the REPL's global environment */
    int views_ref;                       /* model, results, previous (read-only) */

    /* input */
    ss_lang lang;                        /* what the planner reads: --lang, else the scenario's */
    bool lang_fixed;                     /* --lang given: a scenario's language does not change it */
    bool interactive;                    /* a person at a terminal */
    bool echo;                           /* print each input before its output */
    const char *src;                     /* "<stdin>", a file name, "(command line)" */
    int lineno;
    int read_depth;
    ss_buf pending;                    /* Lua input waiting for more lines */
    int pending_line;                    /* where the pending input began */
    bool pending_return;                 /* pending input began with '=' */
    int errors;                          /* failed commands and Lua errors */
    bool stop;                           /* interrupted in a script: stop reading */
    bool quit;
    double progress_t0;                  /* monotonic start of the current run */
    bool progress_shown;
    char *history_path;                  /* NULL: no history file */
} repl;

void repl_init(repl *r, ss_stop_flag *interrupt);
void repl_fini(repl *r);

/* Report an error at the current input location; with a (not NULL) the line is shown with a
 * caret under argument argi (argi == a->argc points past the end).  Counts the error.
 * Returns -1, so handlers can `return repl_fail(...)`. */
int repl_fail(repl *r, const repl_args *a, int argi, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Print to r->out in the planner's language: fmt is looked up in the words (output/words.h), the
 * figures in the result written that language's way (a decimal comma in Norwegian). */
void repl_say(repl *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A word or label in the planner's language. */
__attribute__((format_arg(2))) static inline const char *repl_w(const repl *r, const char *en)
{
    return ss_words(r->lang, en);
}
/* Columns the output may use: the terminal's width; in a pipe $COLUMNS when set, else 0 (tables
 * then cut names to their narrow width, so transcripts do not depend on a terminal). */
int repl_columns(const repl *r);
/* Set the language from a scenario that declares one, unless --lang chose it. */
void repl_scenario_language(repl *r, const ss_model *m);
/* Ctrl-C was pressed: forget it (a second press would otherwise end the program). */
void repl_clear_interrupt(repl *r);
/* Something stopped at Ctrl-C: forget the press; a script stops there, a person carries on. */
void repl_interrupted(repl *r);

/* Feed one line of input.  Returns true when the line completed an input (a command or a
 * whole Lua chunk) and then sets *complete to that input (malloc'd; caller frees) for history;
 * false when Lua input continues on the next line. */
bool repl_feed(repl *r, const char *line, char **complete);
/* End of input: a Lua chunk still open is an error. */
void repl_feed_eof(repl *r);
/* Drop Lua input waiting for more lines (Ctrl-C at the continuation prompt). */
void repl_feed_cancel(repl *r);
/* Run every line of f, named src in messages (read FILE, a piped session). */
void repl_run_stream(repl *r, FILE *f, const char *src);

/* ---- commands.c ------------------------------------------------------------------------ */

typedef struct repl_command {
    const char *name;
    const char *usage;
    const char *help;
    int (*handler)(repl *r, const repl_args *a);
    const char *complete;   /* what each argument is, for completion (complete.c) */
} repl_command;

/* Check the number of arguments (after the command's name); reports with the usage. */
bool repl_arity(repl *r, const repl_args *a, int min, int max);

extern const repl_command repl_commands[];
extern const int repl_ncommands;
const repl_command *repl_find_command(const char *name);
/* Run a command line whose first word is a command.  0 ok, -1 failed (already reported). */
int repl_dispatch(repl *r, const char *line);

typedef enum repl_input_kind { REPL_INPUT_COMMAND, REPL_INPUT_LUA, REPL_INPUT_UNKNOWN } repl_input_kind;
/* Whether a line (leading blanks skipped) is a command, Lua, or a command mistyped. */
repl_input_kind repl_classify(repl *r, const char *line);
/* Report a mistyped command: "unknown command 'rn' (did you mean run?)".  Returns -1. */
int repl_unknown_command(repl *r, const char *line);

/* ---- edit.c ---------------------------------------------------------------------------- */

void repl_edit_free(repl_edit *e);
void repl_edit_copy(repl_edit *dst, const repl_edit *src);
/* Load the scenario for e; NULL with d filled. */
ss_scenario *repl_edit_load(const repl_edit *e, ss_diag *d);
/* A line that says what the model is: "scenarios/x.lua + models/y.lua, set a.b=1". */
void repl_edit_label(const repl_edit *e, char *out, size_t n);
repl_scen *repl_scen_new(ss_scenario *sc);  /* takes sc; one reference */
repl_scen *repl_scen_hold(repl_scen *s);
void repl_scen_release(repl_scen *s);
/* Needs a loaded scenario; else reports and returns false. */
bool repl_need_model(repl *r, const repl_args *a);

int repl_cmd_load(repl *r, const repl_args *a);
int repl_cmd_apply(repl *r, const repl_args *a);
int repl_cmd_unapply(repl *r, const repl_args *a);
int repl_cmd_set(repl *r, const repl_args *a);
int repl_cmd_undo(repl *r, const repl_args *a);
int repl_cmd_redo(repl *r, const repl_args *a);

/* ---- show.c, runs.c, chart_cmd.c, save.c ----------------------------------------------- */

int repl_cmd_show(repl *r, const repl_args *a);
/* A parameter's number as people read it: whole numbers whole, else 4 significant digits (0.2237,
 * not 0.2236842105263158), more only when x would otherwise look like other (pass x: none). */
void repl_number_text(char *out, size_t n, double x, double other);
/* How many rows 'show diff' would list between two models. */
int repl_count_differences(repl *r, const ss_scenario *before, const ss_scenario *after);
int repl_cmd_run(repl *r, const repl_args *a);
int repl_cmd_results(repl *r, const repl_args *a);
int repl_cmd_compare(repl *r, const repl_args *a);
int repl_cmd_baseline(repl *r, const repl_args *a);
int repl_cmd_explain(repl *r, const repl_args *a);
/* "scenarios/x.lua as loaded", or the model the planner made the baseline. */
void repl_baseline_label(const repl *r, char *out, size_t n);
/* Back to the default baseline (the file as loaded), its run dropped; at load and at the end. */
void repl_baseline_forget(repl *r);
int repl_cmd_trace(repl *r, const repl_args *a);
int repl_cmd_export(repl *r, const repl_args *a);
int repl_cmd_chart(repl *r, const repl_args *a);
int repl_cmd_save(repl *r, const repl_args *a);
/* target seen from the absolute folder from_dir, e.g. "../scenarios/default.lua". */
void repl_relative_path(const char *from_dir, const char *target, char *out, size_t n);

void repl_run_free(repl_run *run);
/* The service index in the last run's model, or a reported error (caret under argi). */
int repl_run_service(repl *r, const repl_args *a, int argi);
/* Needs a finished run; else reports and returns false. */
bool repl_need_run(repl *r, const repl_args *a);

/* ---- tree.c: the resolved scenario as a Lua table -------------------------------------- */

enum {
    REPL_TREE_ONELINE = 1,  /* no line breaks (diff lines) */
    REPL_TREE_DISPLAY = 2   /* values shown to people: views unwrapped, estimates as text */
};

/* Push the resolved scenario of sc as a table.  keep_tags: cite()/assume() stay as tagged
 * values (for diff and save); else each is replaced by its value (the model view). */
int repl_tree_push(ss_sandbox *sb, const ss_scenario *sc, bool keep_tags, ss_diag *d);
/* Push the scenario as loaded, then as edited, tags kept (for diff and save); on failure the
 * stack is as before. */
int repl_tree_push_loaded_and_edited(repl *r, ss_diag *d);
bool repl_tree_is_tag(lua_State *L, int idx);
/* The table or the value behind a tag. */
void repl_tree_push_plain(lua_State *L, int idx);
/* The value at idx as Lua source. */
void repl_tree_write(ss_buf *b, lua_State *L, int idx, int indent, int flags);
/* Walk to the value at a dotted path from the table at idx; pushes it (nil when missing) and
 * returns the number of leading segments that exist. */
int repl_tree_get(lua_State *L, int idx, const char *path);
/* " (did you mean 'services.fph'?)" for a path whose first `found` segments exist, or "". */
void repl_tree_suggest(ss_lang lang, lua_State *L, int tree, const char *path, int found, char *out, size_t n);

/* One difference found by repl_tree_diff: old or new index is 0 when absent. */
typedef void (*repl_change_fn)(void *ud, const char *path, lua_State *L, int old_idx, int new_idx);
/* Compare base and cur (tables), calling fn for each change in key order, and push a patch:
 * the nested table that, merged over base the way `extends` merges, gives cur.  Keys removed
 * in cur cannot be expressed; fn sees them with new_idx 0. */
void repl_tree_diff(lua_State *L, int base, int cur, repl_change_fn fn, void *ud);

/* Leaves and their paths in key order; a small list of plain values is one leaf. */
typedef void (*repl_leaf_fn)(void *ud, const char *path, lua_State *L, int idx);
void repl_tree_leaves(lua_State *L, int idx, const char *prefix, repl_leaf_fn fn, void *ud);

/* ---- luaeval.c ------------------------------------------------------------------------- */

int repl_lua_init(repl *r, ss_diag *d);
/* Rebuild the `model` view after the model changed. */
void repl_lua_model_changed(repl *r);
/* Rebuild `results` and `previous` after a run. */
void repl_lua_results_changed(repl *r);
/* Try to run the chunk; false when it is incomplete (the parser met <eof>). */
bool repl_lua_eval(repl *r, const char *code, bool as_return, int first_line, bool final);

/* ---- line.c ---------------------------------------------------------------------------- */

/* The interactive loop on a terminal; returns at Ctrl-D or quit. */
void repl_terminal(repl *r);
/* One line that says what this is and how to get help. */
void repl_banner(repl *r);
/* History: ~/.samsim_history, or $SAMSIM_HISTORY ("" turns it off).  malloc'd or NULL. */
char *repl_history_path(void);
/* Whether an input belongs in the history (not blank, not a repeat of the one before). */
bool repl_history_wanted(const char *entry, const char *previous);
/* The text stored for a multi-line input: one line when that keeps its meaning. */
char *repl_history_entry(const char *input);

/* ---- complete.c ------------------------------------------------------------------------ */

typedef struct repl_strlist {
    char **v;
    int n, cap;
} repl_strlist;

void repl_strlist_add(repl_strlist *l, const char *s);
void repl_strlist_free(repl_strlist *l);
/* Candidates for the word line[start..end) in that line, sorted and unique. */
void repl_complete(repl *r, const char *line, int start, int end, repl_strlist *out);

#endif
