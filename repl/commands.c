/* commands: the REPL's one table of commands {name, usage, help, handler, completion}, which
 * dispatch, `help` and tab completion all read, and the few commands that are about the REPL
 * itself (help, read, quit). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <lauxlib.h>

#include "repl.h"
#include "source.h"

static int cmd_help(repl *r, const repl_args *a);
static int cmd_read(repl *r, const repl_args *a);
static int cmd_quit(repl *r, const repl_args *a);

/* The first line of help is the summary `help` lists.  complete: one letter per argument
 * (complete.c): s scenario file, a applied overlay, p parameter path, w show's words,
 * v service id, k chart kind, f any file, c command name, b baseline's words. */
const repl_command repl_commands[] = {
    {"load", "load SCENARIO",
     "Load a scenario file as the model.\n"
     "Overlays and set values are dropped ('undo' brings them back).", repl_cmd_load, "s"},
    {"apply", "apply OVERLAY",
     "Apply an organisational model (an overlay file) on top of the model.\n"
     "Overlays apply in the order given, before any set values.", repl_cmd_apply, "s"},
    {"unapply", "unapply [OVERLAY]",
     "Remove an overlay (the last one applied, when none is named).", repl_cmd_unapply, "a"},
    {"set", "set PATH VALUE",
     "Change one parameter, e.g. set services.fph_barn.fte 10\n"
     "VALUE is read as Lua: 10, 10.5 (or 10,5), \"text\", {0, 18}; a bare word is text.\n"
     "+2, -1, *1.1 and /2 change the number there now (a negative number is written (-1)).\n"
     "An invalid value changes nothing.  'show params' lists the paths; Tab completes them.", repl_cmd_set, "p"},
    {"undo", "undo", "Take back the last load, apply, unapply or set.", repl_cmd_undo, ""},
    {"redo", "redo", "Do again what undo took back.", repl_cmd_redo, ""},
    {"show", "show [services | params [PREFIX] | sources [PREFIX] | diff | lua]",
     "Describe the model; with no word, what is loaded and what you changed.\n"
     "  services          the services with staff (FTE), capacity and target wait\n"
     "  params [PREFIX]   every parameter and its value, e.g. show params services.fph_barn\n"
     "  sources [PREFIX]  where each number comes from (a cited source or an assumption)\n"
     "  diff              what differs from the scenario file as loaded: old -> new\n"
     "  lua               the whole model as a Lua scenario", repl_cmd_show, "wp"},
    {"run", "run [REPS] [SEED]",
     "Simulate the model and show the main figures.\n"
     "Without REPS: replications are added (from 10, at most 20) until every key interval is\n"
     "within 10 % of its mean, and the output says whether it got there.  REPS replications\n"
     "instead (and from then on) with study seed SEED (default 1); both are remembered for\n"
     "later runs.  Ctrl-C stops a run and keeps the model and the results you had.", repl_cmd_run, ""},
    {"results", "results [SERVICE | system]",
     "The last run's figures with 95% confidence intervals.\n"
     "All services, one service in full, or the whole system (persons, time in system,\n"
     "hand-offs).", repl_cmd_results, "v"},
    {"compare", "compare [SCENARIO | robust [N]]",
     "Compare the model with the baseline, or with another scenario.\n"
     "The baseline is the scenario file as loaded, unless 'baseline now' made it the model as\n"
     "it was then; undo, redo and earlier runs never change it.  Both run with the same seed\n"
     "and replications, so the difference is paired and sharp.  * marks differences whose\n"
     "interval excludes zero; measures that did not change at all are left out.\n"
     "'compare robust [N]' also runs both at N samples (default 32) of their plausible\n"
     "assumptions (every number with a range), and the verdict says how often each of its\n"
     "judgements holds and which numbers decide it.  A number you set is your choice: it keeps\n"
     "its value where you set it and is not sampled there (the verdict lists it).", repl_cmd_compare, "s"},
    {"baseline", "baseline [now | loaded]",
     "Show or choose the base of 'compare'.\n"
     "  now      the model as it is now becomes the baseline (until 'baseline loaded' or 'load')\n"
     "  loaded   the scenario file as loaded, without overlays and set values (the default)", repl_cmd_baseline, "b"},
    {"explain", "explain SERVICE",
     "Why the service's wait is what it is, in the model as it is now.\n"
     "Demand a year against what the service can take a year, how busy it is, who leaves the\n"
     "queue before first contact, the queue's trend over the measured period, and which inputs\n"
     "behind it are cited, tuned or assumed, with the citations.  Runs the model first when the\n"
     "last run is not of it.", repl_cmd_explain, "v"},
    {"trace", "trace PERSON",
     "Follow one person through the services, step by step with dates.\n"
     "Persons are numbered 1, 2, ... in the order their first concern arises; the trace is\n"
     "of replication 1 of the model as it is now, and ends with how long they waited where.", repl_cmd_trace, ""},
    {"chart", "chart [waits | queue SERVICE | caseload SERVICE | hist SERVICE]",
     "Small charts of the last run.\n"
     "  waits              mean wait per service, as bars (the default)\n"
     "  queue SERVICE      cases waiting over time, as a sparkline\n"
     "  caseload SERVICE   open cases over time, as a sparkline\n"
     "  hist SERVICE       how long people waited, in two-week bins", repl_cmd_chart, "kv"},
    {"save", "save FILE",
     "Save the model as a scenario file that extends the original.\n"
     "The file holds what your overlays and set values changed; it is loaded back at once to\n"
     "check that it gives the same model, and so the same results.", repl_cmd_save, "f"},
    {"export", "export FILE",
     "Write the last run's results as CSV (FILE.csv) or JSON (FILE.json).", repl_cmd_export, "f"},
    {"read", "read FILE",
     "Run the commands and Lua in FILE, line by line; errors say FILE:LINE:.", cmd_read, "f"},
    {"help", "help [COMMAND]", "List the commands, or tell more about one.", cmd_help, "c"},
    {"quit", "quit", "Leave samsim (Ctrl-D does the same).", cmd_quit, ""},
    {"exit", "exit", "Leave samsim (the same as quit).", cmd_quit, ""},
};
const int repl_ncommands = (int)(sizeof repl_commands / sizeof repl_commands[0]);

/* Case does not matter: "Run 5" at the start of a sentence is still run. */
const repl_command *repl_find_command(const char *name)
{
    for (int i = 0; i < repl_ncommands; i++)
        if (strcasecmp(repl_commands[i].name, name) == 0)
            return &repl_commands[i];
    return NULL;
}

/* ---- a command, Lua, or a typo -------------------------------------------------------------- */

static bool is_name_start(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

static bool is_lua_keyword(const char *w, size_t n)
{
    static const char *const words[] = {"and", "break", "do", "else", "elseif", "end", "false", "for",
        "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true",
        "until", "while", NULL};
    for (int i = 0; words[i]; i++)
        if (strlen(words[i]) == n && strncmp(words[i], w, n) == 0) return true;
    return false;
}

/* A name the planner's Lua can read: their own globals, the views, the safe globals. */
static bool lua_knows(repl *r, const char *name)
{
    if (r->env_ref < 0) return false;
    lua_State *L = ss_sandbox_lua(r->sb);
    int top = lua_gettop(L);
    bool known = false;
    int tables[] = {r->env_ref, r->views_ref, LUA_RIDX_GLOBALS};
    for (int i = 0; i < 3 && !known; i++) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, tables[i]);
        if (lua_istable(L, -1)) {
            lua_pushstring(L, name);
            known = lua_rawget(L, -2) != LUA_TNIL;  /* raw: their __index raises on unknown names */
        }
        lua_settop(L, top);
    }
    return known;
}

/* What follows a name makes the line Lua ("x = 1", "f(x)", "t.k", "f{...}", "f'text'"); "x == y"
 * is an expression either way. */
static bool continues_lua(const char *after, const char *chars)
{
    return *after && strchr(chars, *after) && !(after[0] == '=' && after[1] == '=');
}

/* A command's name, then after: Lua when that continues a Lua statement ("results.x", "run (1)"),
 * unless it is a relative path ("apply ../x.lua"); "load 'x.lua'" stays a command. */
static repl_input_kind after_command(const char *after)
{
    bool path = after[0] == '.' && (after[1] == '/' || (after[1] == '.' && after[2] == '/'));
    return !path && continues_lua(after, "=([.:") ? REPL_INPUT_LUA : REPL_INPUT_COMMAND;
}

/* A name that is neither a command nor a statement, then after: an operator ("x + 1", "x ~= y")
 * or a keyword ("a and b") makes Lua, another word a mistyped command ("rn 5"). */
static repl_input_kind second_word(const char *after)
{
    size_t next = 0;
    while (is_name_char(after[next])) next++;
    if (next == 0) return REPL_INPUT_LUA;
    return is_lua_keyword(after, next) ? REPL_INPUT_LUA : REPL_INPUT_UNKNOWN;
}

/* What the line (blanks skipped) is.  Lua when it says so ('=' first) or reads as Lua: a
 * keyword, something that is not a name, or a name followed by what continues a Lua statement
 * ("x = 1", "f(x)", "t.k", "a and b").  A command when its first word names one, in any case,
 * unless what follows makes it Lua ("results.x", "run (1)").  A name alone that Lua does not
 * know, or followed by another word ("rn 5"), is a mistyped command, not a Lua error. */
repl_input_kind repl_classify(repl *r, const char *p)
{
    if (*p == '=' || !is_name_start(*p)) return REPL_INPUT_LUA;
    size_t n = 1;
    while (is_name_char(p[n])) n++;
    char word[64];
    snprintf(word, sizeof word, "%.*s", (int)n, p);
    const char *after = p + n;
    while (*after == ' ' || *after == '\t') after++;
    if (n < sizeof word && repl_find_command(word)) return after_command(after);
    if (is_lua_keyword(p, n) || continues_lua(after, "=([.:{\"'")) return REPL_INPUT_LUA;
    if (!*after) return lua_knows(r, word) ? REPL_INPUT_LUA : REPL_INPUT_UNKNOWN;
    return second_word(after);
}

/* The line in arguments, or the splitting error reported (with the caret) and -1. */
static int split_line(repl *r, const char *line, repl_args *a)
{
    ss_diag d;
    if (repl_args_split(a, line, &d) == 0)
        return 0;
    repl_args empty = {.line = line};
    return repl_fail(r, &empty, 0, "%s", d.msg);
}

int repl_unknown_command(repl *r, const char *line)
{
    repl_args a;
    if (split_line(r, line, &a) < 0)
        return -1;
    const char *names[64];
    for (int i = 0; i < repl_ncommands; i++) names[i] = repl_commands[i].name;
    char lower[64];
    snprintf(lower, sizeof lower, "%s", a.argv[0]);
    for (char *c = lower; *c; c++) *c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
    const char *near = ss_closest(lower, names, repl_ncommands);
    if (near)
        repl_fail(r, &a, 0, "unknown command '%s' (did you mean %s?)", a.argv[0], near);
    else
        repl_fail(r, &a, 0, "unknown command '%s' ('help' lists the commands; Lua that is not a statement "
                  "starts with '=', e.g. = 1 + 1)", a.argv[0]);
    repl_args_free(&a);
    return -1;
}

bool repl_arity(repl *r, const repl_args *a, int min, int max)
{
    const repl_command *c = repl_find_command(a->argv[0]);
    int n = a->argc - 1;
    if (n < min)
        repl_fail(r, a, a->argc, "missing argument (usage: %s)", c->usage);
    else if (n > max)
        repl_fail(r, a, max + 1, "unexpected argument '%s' (usage: %s)", a->argv[max + 1], c->usage);
    return n >= min && n <= max;
}

int repl_dispatch(repl *r, const char *line)
{
    repl_args a;
    if (split_line(r, line, &a) < 0)
        return -1;
    const repl_command *c = repl_find_command(a.argv[0]);
    int rc = c->handler(r, &a);
    repl_args_free(&a);
    return rc;
}

/* ---- help, read, quit --------------------------------------------------------------------- */

static void list_commands(repl *r)
{
    repl_say(r, "Commands (Tab completes them and their arguments; 'help COMMAND' tells more):\n");
    ss_table t;
    ss_table_init(&t, 2, "ll");
    for (int i = 0; i < repl_ncommands; i++) {
        char summary[256], usage[128];
        const char *help = repl_w(r, repl_commands[i].help), *u = repl_commands[i].usage;
        snprintf(summary, sizeof summary, "%.*s", (int)strcspn(help, "\n"), help);
        snprintf(usage, sizeof usage, "%s", strlen(u) <= 26 ? u : repl_commands[i].name);  /* long ones: help CMD */
        ss_table_row(&t, usage, summary);
    }
    t.indent = 2;
    ss_table_print(&t, r->out);
    ss_table_free(&t);
    repl_say(r,
            "Commands may be typed in any case.  Lua is the rest: a line that starts with '=' prints\n"
            "what follows, and statements run; 'model' (the scenario as resolved) and 'results' (the\n"
            "last run; 'previous' is the run before) are read-only, for example:\n"
            "  = results.services.fph_barn.wait_mean          mean wait at fph_barn [95%% interval]\n"
            "  = results.services.fph_barn.wait_mean.ci_high  the upper end of that interval\n"
            "  = model.services.fph_barn.fte                  a parameter's value\n"
            "A statement that is not finished continues on the next line.\n");
}

static int cmd_help(repl *r, const repl_args *a)
{
    if (!repl_arity(r, a, 0, 1)) return -1;
    if (a->argc == 1) {
        list_commands(r);
        return 0;
    }
    const repl_command *c = repl_find_command(a->argv[1]);
    if (!c) {
        const char *names[64];
        for (int i = 0; i < repl_ncommands; i++) names[i] = repl_commands[i].name;
        const char *near = repl_closest(a->argv[1], names, repl_ncommands);
        return repl_fail(r, a, 1, "no command '%s'%s%s%s", a->argv[1], near ? repl_w(r, " (did you mean '") : "",
                         near ? near : "", near ? "'?)" : "");
    }
    /* not repl_say: the help's figures are what to type ("10.5 (or 10,5)"), not results */
    fprintf(r->out, repl_w(r, "usage: %s\n%s\n"), c->usage, repl_w(r, c->help));
    return 0;
}

static int cmd_read(repl *r, const repl_args *a)
{
    if (!repl_arity(r, a, 1, 1)) return -1;
    if (r->read_depth >= REPL_MAX_READ_DEPTH)
        return repl_fail(r, a, 1, "files read each other more than %d deep (does one read itself?)", REPL_MAX_READ_DEPTH);
    FILE *f = fopen(a->argv[1], "r");
    if (!f) return repl_fail(r, a, 1, "cannot open %s (%s)", a->argv[1], strerror(errno));
    ss_diag d;
    if (ss_source_check(f, a->argv[1], SS_SOURCE_MAX_BYTES, &d) < 0) {
        fclose(f);
        return repl_fail(r, a, 1, "%s", d.msg);
    }
    int errors = r->errors;
    r->read_depth++;
    repl_run_stream(r, f, a->argv[1]);
    r->read_depth--;
    fclose(f);
    return r->errors > errors ? -1 : 0;
}

static int cmd_quit(repl *r, const repl_args *a)
{
    if (!repl_arity(r, a, 0, 0)) return -1;
    r->quit = true;
    return 0;
}
