/* ruletest_lines: the source line where each test case starts (see ruletest_parts.h). */
#include "ruletest_parts.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

/* ================================================================ where each case starts
 *
 * Lua keeps no line for a table, so the lines come from the text: a small scanner finds
 * `tests = {` and the first token of each entry at that list's top level.  When no such list
 * has as many entries as the module's tests (cases built in a loop, say), failures are named
 * by position and name alone. */

typedef struct scanner {
    const char *p, *end;
    int line;      /* line at p */
    int tok_line;  /* line where the last token began */
} scanner;

/* Level of the long bracket "[==[" at p, or -1 when p does not open one. */
static int long_bracket_level(const char *p, const char *end)
{
    if (p >= end || *p != '[')
        return -1;
    const char *q = p + 1;
    while (q < end && *q == '=')
        q++;
    return q < end && *q == '[' ? (int)(q - p - 1) : -1;
}

/* Moves past the long string or comment opened at p with this level. */
static void skip_long(scanner *sc, int level)
{
    for (sc->p += level + 2; sc->p < sc->end; sc->p++) {
        if (*sc->p == '\n') {
            sc->line++;
        } else if (*sc->p == ']') {
            const char *q = sc->p + 1;
            while (q < sc->end && *q == '=')
                q++;
            if (q < sc->end && *q == ']' && q - sc->p - 1 == level) {
                sc->p = q + 1;
                return;
            }
        }
    }
}

/* Moves past the quoted string opened at p; escaped newlines and \z still count lines. */
static void skip_quoted(scanner *sc)
{
    char quote = *sc->p++;
    while (sc->p < sc->end && *sc->p != quote && *sc->p != '\n') {
        if (*sc->p == '\\' && sc->p + 1 < sc->end) {
            sc->p++;
            if (*sc->p == 'z')
                while (sc->p + 1 < sc->end && isspace((unsigned char)sc->p[1]))
                    sc->line += *++sc->p == '\n';
            else if (*sc->p == '\n')
                sc->line++;
        }
        sc->p++;
    }
    if (sc->p < sc->end && *sc->p == quote)
        sc->p++;
}

/* Moves past white space and comments. */
static void skip_blank(scanner *sc)
{
    while (sc->p < sc->end) {
        if (*sc->p == '\n') {
            sc->line++;
            sc->p++;
        } else if (isspace((unsigned char)*sc->p)) {
            sc->p++;
        } else if (*sc->p == '-' && sc->p + 1 < sc->end && sc->p[1] == '-') {
            sc->p += 2;
            int level = long_bracket_level(sc->p, sc->end);
            if (level >= 0)
                skip_long(sc, level);
            else
                while (sc->p < sc->end && *sc->p != '\n')
                    sc->p++;
        } else {
            return;
        }
    }
}

/* The next token: 'a' for a name or number (text at *tok, *len bytes), 's' for a string, the
 * character itself for punctuation, 0 at the end. */
static int next_token(scanner *sc, const char **tok, size_t *len)
{
    skip_blank(sc);
    sc->tok_line = sc->line;
    if (sc->p >= sc->end)
        return 0;
    int level = long_bracket_level(sc->p, sc->end);
    if (level >= 0) {
        skip_long(sc, level);
        return 's';
    }
    if (*sc->p == '"' || *sc->p == '\'') {
        skip_quoted(sc);
        return 's';
    }
    if (!isalnum((unsigned char)*sc->p) && *sc->p != '_')
        return (unsigned char)*sc->p++;
    *tok = sc->p;
    while (sc->p < sc->end && (isalnum((unsigned char)*sc->p) || *sc->p == '_'))
        sc->p++;
    *len = (size_t)(sc->p - *tok);
    return 'a';
}

/* Just after a list's "{": stores the line of each entry's first token (up to max) and
 * returns the number of entries, or -1 when the list never closes. */
static int entry_lines(scanner *sc, int *lines, int max)
{
    int depth = 0, n = 0, expecting = 1, k;
    const char *tok;
    size_t len;
    while ((k = next_token(sc, &tok, &len)) != 0) {
        if (depth == 0 && k == '}')
            return n;
        if (depth == 0 && (k == ',' || k == ';')) {
            expecting = 1;
            continue;
        }
        if (depth == 0 && expecting) {
            if (n < max)
                lines[n] = sc->tok_line;
            n++;
            expecting = 0;
        }
        depth += (k == '{' || k == '(' || k == '[') - (k == '}' || k == ')' || k == ']');
    }
    return -1;
}

/* Fills lines[0..ntests) from the first `tests = {` list with ntests entries; false if none. */
bool rt_test_lines(const char *src, size_t len, int *lines, int ntests)
{
    scanner sc = {src, src + len, 1, 1};
    if (len > 0 && src[0] == '#') /* Lua skips a first line starting with '#' */
        while (sc.p < sc.end && *sc.p != '\n')
            sc.p++;
    int state = 0, k; /* 1 after `tests`, 2 after `tests =` */
    const char *tok;
    size_t n;
    while ((k = next_token(&sc, &tok, &n)) != 0) {
        if (state == 2 && k == '{') {
            scanner inside = sc;
            if (entry_lines(&sc, lines, ntests) == ntests)
                return true;
            sc = inside; /* keep looking, also within this list */
        }
        if (k == 'a' && n == 5 && memcmp(tok, "tests", 5) == 0)
            state = 1;
        else if (state == 1 && k == '=' && !(sc.p < sc.end && *sc.p == '='))
            state = 2;
        else
            state = 0;
    }
    return false;
}

