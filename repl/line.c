/* line: the REPL at a terminal — GNU readline, history between sessions, Ctrl-C at the prompt,
 * and tab completion.
 *
 * Readline's alternate interface (rl_callback_*) with select(): the loop, not readline, waits
 * for input, so a Ctrl-C (main()'s handler only sets the flag; readline's own signal handlers
 * are off) wakes select() with EINTR and the loop clears the line and shows a fresh prompt.
 *
 * Readline calls back with no user data (the line handler, the completer), so this file keeps
 * one pointer to the session it serves, set on entry and cleared on leaving: the single piece
 * of file-level state in the REPL, forced by readline's API. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "cli.h"
#include "repl.h"

#define PROMPT "samsim> "
#define PROMPT_MORE "    ..> "

typedef struct term {
    repl *r;
    char *line;          /* handed over by readline */
    bool got_line;
    repl_strlist cands;  /* completion candidates being handed out */
    int next_cand;
} term;

static term *active;  /* see the comment at the top */

/* ---- history --------------------------------------------------------------------------------- */

char *repl_history_path(void)
{
    const char *env = getenv("SAMSIM_HISTORY");
    if (env) return *env ? strdup(env) : NULL;
    const char *home = getenv("HOME");
    if (!home || !*home) return NULL;
    ss_buf b = {0};
    ss_buf_fmt(&b, "%s/.samsim_history", home);
    return b.s;
}

bool repl_history_wanted(const char *entry, const char *previous)
{
    if (!entry || entry[strspn(entry, " \t\n")] == '\0') return false;
    return !previous || strcmp(entry, previous) != 0;
}

/* The history file holds one entry a line, so a multi-line Lua input is joined into one line
 * when that cannot change its meaning (no comment and no long string to cut across). */
char *repl_history_entry(const char *input)
{
    char *e = strdup(input);
    if (strstr(e, "--") || strstr(e, "[[") || strstr(e, "[="))
        return e;
    for (char *p = e; *p; p++)
        if (*p == '\n') *p = ' ';
    return e;
}

static void history_start(repl *r)
{
    using_history();
    stifle_history(REPL_HISTORY_LINES);
    r->history_path = repl_history_path();
    if (r->history_path) read_history(r->history_path);
}

/* Save at once (append), so a session that is killed keeps what was typed. */
static void history_add(repl *r, const char *input)
{
    char *entry = repl_history_entry(input);
    HIST_ENTRY *prev = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
    if (repl_history_wanted(entry, prev ? prev->line : NULL)) {
        add_history(entry);
        if (r->history_path) {
            if (access(r->history_path, F_OK) != 0) write_history(r->history_path);
            else append_history(1, r->history_path);
            history_truncate_file(r->history_path, REPL_HISTORY_LINES);
        }
    }
    free(entry);
}

/* ---- completion ------------------------------------------------------------------------------- */

static char *next_candidate(const char *text, int state)
{
    term *t = active;
    if (state == 0) t->next_cand = 0;
    return t->next_cand < t->cands.n ? strdup(t->cands.v[t->next_cand++]) : NULL;
}

/* A folder or a parameter table is not finished: no space after it, so Tab goes on inside. */
static bool all_open(const repl_strlist *l)
{
    for (int i = 0; i < l->n; i++) {
        size_t n = strlen(l->v[i]);
        if (n == 0 || (l->v[i][n - 1] != '.' && l->v[i][n - 1] != '/')) return false;
    }
    return l->n > 0;
}

static char **complete_hook(const char *text, int start, int end)
{
    term *t = active;
    rl_attempted_completion_over = 1;  /* never fall back to readline's file names */
    repl_strlist_free(&t->cands);
    repl_complete(t->r, rl_line_buffer, start, end, &t->cands);
    if (t->cands.n == 0) return NULL;
    rl_completion_suppress_append = all_open(&t->cands);
    return rl_completion_matches(text, next_candidate);
}

/* ---- the loop --------------------------------------------------------------------------------- */

static void on_line(char *line)
{
    active->line = line;
    active->got_line = true;
    rl_callback_handler_remove();  /* output first, then the next prompt */
}

static void prompt(repl *r)
{
    rl_callback_handler_install(r->pending.n ? PROMPT_MORE : PROMPT, on_line);
}

/* Ctrl-C at the prompt: drop what was typed (and any unfinished Lua), start a fresh line. */
static void cancel_line(term *t)
{
    repl_clear_interrupt(t->r);
    repl_feed_cancel(t->r);
    rl_callback_handler_remove();
    fputs("^C\n", rl_outstream);
    rl_replace_line("", 0);
    prompt(t->r);
}

static void handle_line(term *t)
{
    repl *r = t->r;
    t->got_line = false;
    if (!t->line) {  /* Ctrl-D */
        fputc('\n', rl_outstream);
        r->quit = true;
        return;
    }
    r->lineno++;
    char *complete;
    repl_feed(r, t->line, &complete);
    if (complete) history_add(r, complete);
    free(complete);
    free(t->line);
    t->line = NULL;
    fflush(r->out);
    if (!r->quit) prompt(r);
}

/* Wait for a key, or a signal; false when input has ended for good. */
static bool wait_key(term *t)
{
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(fileno(rl_instream), &fds);
    if (select(fileno(rl_instream) + 1, &fds, NULL, NULL, NULL) >= 0) return true;
    return errno == EINTR;  /* a signal: Ctrl-C (handled by the loop) or a resized window */
}

void repl_banner(repl *r)
{
    fprintf(r->out, "samsim %s: ", SS_VERSION);  /* a version is not a decimal number */
    repl_say(r, "the planner's workbench. 'help' lists the commands, Tab completes, Ctrl-D leaves.\n");
}

void repl_terminal(repl *r)
{
    term t = {.r = r};
    active = &t;
    rl_readline_name = "samsim";
    rl_initialize();  /* reads ~/.inputrc first, so the settings below win */
    rl_catch_signals = 0;  /* Ctrl-C belongs to main()'s handler */
    /* Pasted lines run one by one, as typed; and leaving bracketed-paste mode writes a \r that
     * would put "^C" over the prompt. */
    rl_variable_bind("enable-bracketed-paste", "off");
    rl_attempted_completion_function = complete_hook;
    rl_completer_word_break_characters = " \t\n\"'=(,{";
    history_start(r);
    prompt(r);
    while (!r->quit) {
        if (*r->interrupt) {  /* pressed while a command that cannot stop (load, save) ran */
            cancel_line(&t);
            continue;
        }
        if (!wait_key(&t)) break;
        if (*r->interrupt) continue;  /* cancelled above, on the next turn */
        rl_callback_read_char();
        if (t.got_line) handle_line(&t);
    }
    rl_callback_handler_remove();
    repl_strlist_free(&t.cands);
    clear_history();
    active = NULL;
}
