/* repl: `samsim repl` — the entry point, the state, and the input path every source shares. */
#include "repl.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "xalloc.h"

/* ---- the state -------------------------------------------------------------------------- */

void repl_init(repl *r, ss_stop_flag *interrupt)
{
    memset(r, 0, sizeof *r);
    r->interrupt = interrupt;
    r->out = stdout;
    r->err = stderr;
    r->reps = REPL_DEFAULT_REPS;
    r->precision = REPL_DEFAULT_PRECISION;
    r->seed = 1;
    r->src = "<stdin>";
    r->env_ref = r->views_ref = -1;
}

void repl_fini(repl *r)
{
    repl_run_free(r->last);
    repl_run_free(r->prev);
    repl_baseline_forget(r);
    if (r->cur) repl_scen_release(r->cur);
    ss_scenario_free(r->base);
    repl_edit_free(&r->edit);
    for (int i = 0; i < r->nundo; i++) repl_edit_free(&r->undo[i].state);
    for (int i = 0; i < r->nredo; i++) repl_edit_free(&r->redo[i].state);
    ss_sandbox_free(r->sb);
    ss_buf_free(&r->pending);
    free(r->history_path);
    memset(r, 0, sizeof *r);
}

int repl_columns(const repl *r)
{
    struct winsize ws;
    if (r->interactive && ioctl(fileno(r->out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *env = getenv("COLUMNS");
    int n = env ? atoi(env) : 0;
    return n > 0 && n < 10000 ? n : 0;
}

void repl_scenario_language(repl *r, const ss_model *m)
{
    if (!r->lang_fixed)
        r->lang = m->language == SS_MODEL_LANG_NB ? SS_LANG_NB : SS_LANG_EN;
}

void repl_clear_interrupt(repl *r)
{
    *r->interrupt = 0;
}

void repl_interrupted(repl *r)
{
    repl_clear_interrupt(r);
    if (!r->interactive) r->stop = true;
}

/* ---- one line of input ------------------------------------------------------------------ */

static const char *skip_blanks(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

static char *finish_lua(repl *r, bool final, bool *done)
{
    *done = repl_lua_eval(r, r->pending.s, r->pending_return, r->pending_line, final);
    if (!*done)
        return NULL;
    ss_buf whole = {0};
    ss_buf_str(&whole, r->pending_return ? "=" : "");
    ss_buf_str(&whole, r->pending.s);
    ss_buf_free(&r->pending);
    return whole.s;
}

bool repl_feed(repl *r, const char *line, char **complete)
{
    *complete = NULL;
    if (r->echo)
        fprintf(r->out, "%s%s\n", r->pending.n ? "    ..> " : "samsim> ", line);
    bool done;
    if (r->pending.n) {
        ss_buf_str(&r->pending, "\n");
        ss_buf_str(&r->pending, line);
        *complete = finish_lua(r, false, &done);
        return done;
    }
    const char *p = skip_blanks(line);
    if (!*p)
        return true;
    repl_input_kind kind = repl_classify(r, p);
    if (kind != REPL_INPUT_LUA) {
        if (kind == REPL_INPUT_COMMAND) repl_dispatch(r, line);
        else repl_unknown_command(r, line);
        *complete = xstrdup(line);
        fflush(r->out);
        return true;
    }
    r->pending_line = r->lineno;
    r->pending_return = *p == '=';  /* "= expr", as in Lua 5.1's interpreter */
    ss_buf_str(&r->pending, p + r->pending_return);
    *complete = finish_lua(r, false, &done);
    fflush(r->out);
    return done;
}

void repl_feed_eof(repl *r)
{
    if (!r->pending.n)
        return;
    bool done;
    free(finish_lua(r, true, &done));  /* reports the "<eof>" error */
    ss_buf_free(&r->pending);
}

void repl_feed_cancel(repl *r)
{
    ss_buf_free(&r->pending);
}

/* One line of f without its newline, at most max bytes: a stream with no newline (/dev/zero
 * piped in) must not grow a line until memory runs out.  -1 at the end, -2 when too long. */
static ssize_t bounded_line(FILE *f, char **line, size_t *cap, size_t max)
{
    size_t n = 0;
    int c;
    while ((c = getc(f)) != EOF && c != '\n') {
        if (n == max)
            return -2;
        if (n + 2 > *cap) {
            *line = xrealloc(*line, *cap = *cap ? *cap * 2 : 256);
        }
        (*line)[n++] = (char)c;
    }
    if (c == EOF && n == 0)
        return -1;
    if (!*line)
        *line = xcalloc(1, *cap = 1);
    (*line)[n] = '\0';
    return (ssize_t)n;
}

void repl_run_stream(repl *r, FILE *f, const char *src)
{
    const char *saved_src = r->src;
    int saved_line = r->lineno;
    r->src = src;
    r->lineno = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while (!r->quit && !r->stop && (n = bounded_line(f, &line, &cap, REPL_MAX_LINE)) != -1) {
        if (n == -2) {
            r->lineno++;
            repl_fail(r, NULL, -1, "line longer than %d KiB (is this a text file of commands?)", REPL_MAX_LINE >> 10);
            if (!r->interactive) r->stop = true;  /* a script stops at its first error */
            break;
        }
        if (*r->interrupt) {  /* Ctrl-C while a command that cannot stop ran: stop here */
            repl_interrupted(r);
            break;
        }
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        r->lineno++;
        char *complete;
        repl_feed(r, line, &complete);
        free(complete);
    }
    if (!r->quit && !r->stop)
        repl_feed_eof(r);
    repl_feed_cancel(r);
    free(line);
    r->src = saved_src;
    r->lineno = saved_line;
}

/* ---- the command ------------------------------------------------------------------------- */

typedef struct repl_options {
    const char *scenario;
    const char *cmds[SS_CLI_MAX_LIST];
    int ncmds;
    bool echo;
    const char *lang;                   /* --lang; NULL: the scenario's, else English */
} repl_options;

static int take_option(int c, const char *v, repl_options *o)
{
    switch (c) {
    case 'h': return -1;
    case 'e': o->echo = true; return 0;
    case 'l': {
        ss_lang lang;
        if (!ss_lang_parse(v, &lang))
            return ss_cli_usage_error("repl", "--lang %s: expected en (English) or nb (Norwegian bokm\u00e5l)", v);
        o->lang = v;
        return 0;
    }
    case 'c':
        if (o->ncmds == SS_CLI_MAX_LIST) return ss_cli_usage_error("repl", "too many -c options");
        o->cmds[o->ncmds++] = v;
        return 0;
    }
    if (o->scenario)   /* c == 1: a positional */
        return ss_cli_usage_error("repl", "unexpected argument '%s'", v);
    o->scenario = v;
    return 0;
}

static int parse_options(int argc, char **argv, repl_options *o)
{
    static const struct option lo[] = {{"help", no_argument, NULL, 'h'}, {"echo", no_argument, NULL, 'e'},
                                       {"lang", required_argument, NULL, 'l'}, {0}};
    int code = 0, c;
    char name[64];
    optind = 0;
    while (!code && (c = ss_cli_getopt(argc, argv, "hc:", lo, name, sizeof name)) != -1) {
        if (c == ':') code = ss_cli_usage_error("repl", strcmp(name, "--lang") == 0 ? "%s needs a language (en or nb)"
                                                                                    : "%s needs a command", name);
        else if (c == '?') code = ss_cli_usage_error("repl", "unknown option '%s'", name);
        else code = take_option(c, optarg, o);
    }
    for (int i = optind; !code && i < argc; i++)   /* after "--" */
        code = take_option(1, argv[i], o);
    return code;
}

/* The scenario named on the command line is loaded as if typed, so its errors look the same. */
static void load_first(repl *r, const char *scenario)
{
    ss_buf line = {0};
    ss_buf_str(&line, "load ");
    bool quote = strpbrk(scenario, " \t\"") != NULL;
    ss_buf_str(&line, quote ? "'" : "");
    ss_buf_str(&line, scenario);
    ss_buf_str(&line, quote ? "'" : "");
    r->src = "(command line)";
    r->lineno = 1;
    repl_dispatch(r, line.s);
    ss_buf_free(&line);
    r->src = "<stdin>";
    r->lineno = 0;
}

static void run_commands(repl *r, const repl_options *o)
{
    r->src = "(command line)";
    for (int i = 0; i < o->ncmds && !r->quit && !r->stop; i++) {
        r->lineno = i + 1;
        char *complete;
        repl_feed(r, o->cmds[i], &complete);
        free(complete);
        repl_feed_eof(r);  /* each -c is a whole input */
    }
}

static int repl_main(int argc, char **argv, ss_stop_flag *interrupt)
{
    repl_options o = {0};
    int code = parse_options(argc, argv, &o);
    if (code < 0) return ss_cli_help("repl");
    if (code) return code;
    repl r;
    repl_init(&r, interrupt);
    ss_diag d;
    if (repl_lua_init(&r, &d) < 0) {
        fprintf(stderr, "samsim repl: %s\n", d.msg);
        repl_fini(&r);
        return SS_EXIT_MODEL;
    }
    r.echo = o.echo;
    r.lang_fixed = o.lang && ss_lang_parse(o.lang, &r.lang);
    r.interactive = o.ncmds == 0 && isatty(0);
    if (r.interactive) repl_banner(&r);
    if (o.scenario) load_first(&r, o.scenario);
    if (o.ncmds) run_commands(&r, &o);
    else if (r.interactive) repl_terminal(&r);
    else repl_run_stream(&r, stdin, "<stdin>");
    code = r.stop ? SS_EXIT_INTERRUPTED : (!r.interactive && r.errors) ? SS_EXIT_MODEL : SS_EXIT_OK;
    repl_fini(&r);
    return code;
}

const ss_command ss_cmd_repl = {
    "repl", "samsim repl [SCENARIO] [-c COMMAND]... [--echo] [--lang en|nb]",
    "Explore a scenario interactively: load, apply overlays, set parameters, run, look at results\n"
    "and charts, compare, trace a person, save what you tried.  Type 'help' inside for commands;\n"
    "anything that is not a command is Lua, with read-only 'model' and 'results'.\n"
    "  SCENARIO      load this scenario first\n"
    "  -c COMMAND    run this command (several allowed, in order) and leave, instead of reading input\n"
    "  --echo        print each input line before its output (for session transcripts)\n"
    "  --lang LANG   en (English) or nb (Norwegian bokm\u00e5l, with decimal commas); without it, the\n"
    "                language a scenario declares (language = \"nb\"), else English\n"
    "Input from a pipe or a file is run line by line (samsim repl < session.txt); errors say\n"
    "FILE:LINE: and the exit code is 1 if any command failed.  History is kept in ~/.samsim_history\n"
    "(or $SAMSIM_HISTORY; empty turns it off).",
    repl_main};
