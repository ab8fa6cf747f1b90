/* report_changes: "What each model changes" in a reviewer's words.
 *
 * A changed value is shown as people read it: a number with sensible decimals (a decimal comma in
 * Norwegian), a text without Lua's quotes, a table by its name or its size; the Lua stays beside
 * it for those who want it.  The rule files are named: which ones (and which of their functions)
 * only one model uses, read from the stored texts, since the store keeps the rule files' hash and
 * not their text. */
#include "report_parts.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "xalloc.h"

/* A number for people: whole numbers as they are, others with three significant figures (at
 * most one decimal from 10, none from 100), then a decimal comma in Norwegian. */
static void number_words(const ss_report *r, double x, char *out, size_t n)
{
    if (x == floor(x) && fabs(x) < 1e15)
        snprintf(out, n, "%.0f", x);
    else if (fabs(x) >= 100)
        snprintf(out, n, "%.0f", x);
    else if (fabs(x) >= 10)
        snprintf(out, n, "%.1f", x);
    else
        snprintf(out, n, "%.3g", x);
    ss_lang_figures(r->opts.lang, out);
}

static bool whole_number(const char *s, double *x)
{
    char *end;
    *x = strtod(s, &end);
    return end != s && *end == '\0' && !isspace((unsigned char)*s);
}

/* The top-level items of a table written "{ a, b = c, { d } }", and whether any is a table. */
static int table_items(const char *s, bool *nested)
{
    int depth = 0, items = 0;
    bool in_string = false, any = false;
    *nested = false;
    for (const char *p = s; *p; p++) {
        if (in_string) {
            if (*p == '\\' && p[1]) p++;
            else if (*p == '"') in_string = false;
            continue;
        }
        if (*p == '"') in_string = true;
        if (*p == '{' && ++depth > 1) *nested = true;
        else if (*p == '}') depth--;
        else if (*p == ',' && depth == 1) items++;
        if (depth >= 1 && !isspace((unsigned char)*p) && *p != '{' && *p != '}') any = true;
    }
    return any ? items + 1 : 0;
}

/* The text of `name = "..."` at the top level of a table, if it has one. */
static bool table_name(const char *s, char *out, size_t n)
{
    static const char key[] = "name = \"";
    int depth = 0;
    bool in_string = false;
    for (const char *p = s; *p; p++) {
        if (in_string) {
            if (*p == '\\' && p[1]) p++;
            else if (*p == '"') in_string = false;
        } else if (*p == '"') {
            in_string = true;
        } else if (*p == '{' || *p == '}') {
            depth += *p == '{' ? 1 : -1;
        } else if (depth == 1 && (p[-1] == ' ' || p[-1] == '{') && strncmp(p, key, sizeof key - 1) == 0) {
            const char *v = p + sizeof key - 1, *end = strchr(v, '"');
            if (!end) return false;
            snprintf(out, n, "%.*s", (int)(end - v), v);
            return true;
        }
    }
    return false;
}

/* A flat list of numbers "{ 0.7, 1 }" as "0.7, 1" ("0,7; 1"). */
static bool number_list(const ss_report *r, const char *s, char *out, size_t n)
{
    ss_buf b = {0};
    const char *p = s + 1;
    bool ok = true;
    while (ok) {
        while (isspace((unsigned char)*p)) p++;
        if (*p == '}') break;
        char *end;
        double x = strtod(p, &end);
        if (end == p) { ok = false; break; }
        char one[48];
        number_words(r, x, one, sizeof one);
        ss_buf_fmt(&b, "%s%s", b.n ? (r->opts.lang == SS_LANG_NB ? "; " : ", ") : "", one);
        p = end;
        while (isspace((unsigned char)*p)) p++;
        if (*p == ',') p++;
        else if (*p != '}') ok = false;
    }
    if (ok) snprintf(out, n, "%s", b.n ? b.s : "");
    free(b.s);
    return ok && b.n;
}

static void value_words(const ss_report *r, const char *lua, bool added, char *out, size_t n)
{
    double x;
    size_t len = strlen(lua);
    char name[300];
    bool nested;
    if (!*lua)
        snprintf(out, n, "%s", T(r, added ? S_ADDED : S_REMOVED));
    else if (whole_number(lua, &x))
        number_words(r, x, out, n);
    else if (len >= 2 && lua[0] == '"' && lua[len - 1] == '"') {
        snprintf(out, n, "%.*s", (int)(len - 2), lua + 1);
        const char *w = report_value_word(r, out);
        if (w) snprintf(out, n, "%s", w);
    }
    else if (lua[0] == '{' && table_name(lua, name, sizeof name))
        snprintf(out, n, "%s", name);
    else if (lua[0] == '{' && number_list(r, lua, out, n))
        ;
    else if (lua[0] == '{')
        snprintf(out, n, T(r, S_TABLE_OF), table_items(lua, &nested));
    else
        snprintf(out, n, "%s", lua);
}

void report_register_value(const ss_report *r, const char *lua, char *out, size_t n)
{
    if (*lua == '{' && !number_list(r, lua, out, n))
        snprintf(out, n, "%s", lua);
    else
        value_words(r, lua, false, out, n);
}

/* A value that names a unit, building, leader or sector (the last key of path says which) by the
 * name the scenario gives it: "Familiens hus" for "fh".  *id: the value names such a part that has
 * no name (a leader is known by its id only), so out is the id, which a writer shows as code. */
static void part_value_words(const ss_report *r, const char *path, const char *lua, bool added, char *out, size_t n, bool *id)
{
    static const char *const kinds[][2] = {{"unit", "units"}, {"building", "buildings"}, {"leader", "leaders"},
                                           {"sector", "sectors"}};
    const char *key = strrchr(path, '.');
    key = key ? key + 1 : path;
    size_t len = strlen(lua);
    *id = false;
    for (size_t k = 0; len >= 2 && lua[0] == '"' && lua[len - 1] == '"' && k < sizeof kinds / sizeof kinds[0]; k++) {
        if (strcmp(key, kinds[k][0]) != 0) continue;
        char part[256];
        snprintf(part, sizeof part, "%.*s", (int)(len - 2), lua + 1);
        const char *name = report_part_name(r, kinds[k][1], part);
        snprintf(out, n, "%s", name ? name : part);
        *id = !name;
        return;
    }
    value_words(r, lua, added, out, n);
}

void report_change_words(const ss_report *r, const char *path, const char *old_lua, const char *new_lua, char *before, char *after,
                         size_t n, bool ids[2])
{
    part_value_words(r, path, old_lua, true, before, n, &ids[0]);
    part_value_words(r, path, new_lua, false, after, n, &ids[1]);
    if (strcmp(before, after) == 0 && strcmp(old_lua, new_lua) != 0) {  /* the same in words: say what differs */
        size_t l = strlen(after);
        snprintf(after + l, n - l, "%s", T(r, S_CHANGED_INSIDE));
        ids[1] = false;
    }
}

/* ---- the rule files ---------------------------------------------------------------------------------- */

typedef struct rule_refs {
    int n;
    char **ref;   /* "rules/common/triage.lua", "rules/common/step_up.lua:next_rph", sorted */
} rule_refs;

static int by_text(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The next string of a Lua text from p (at or before its opening quote): *word is set to its
 * contents when they hold no blank or escape, else NULL; returns where the string ends (its
 * closing quote), or NULL when there is none. */
static const char *next_string(const char *p, char **word)
{
    *word = NULL;
    p = strchr(p, '"');
    if (!p) return NULL;
    const char *q = p + 1;
    bool plain = true;
    for (; *q && *q != '"'; q++) {
        plain = plain && !isspace((unsigned char)*q) && *q != '\\';
        if (*q == '\\' && q[1]) q++;
    }
    if (!*q) return NULL;
    if (plain) {
        *word = xmalloc((size_t)(q - p));
        memcpy(*word, p + 1, (size_t)(q - p - 1));
        (*word)[q - p - 1] = '\0';
    }
    return q;
}

static bool names_rule(const char *s)
{
    size_t len = strlen(s);
    return (len > 4 && strcmp(s + len - 4, ".lua") == 0) || strstr(s, ".lua:");
}

/* The rule files (and "file.lua:function" references) a resolved text names: its strings without
 * blanks that end in .lua or name a function of one. */
static void collect_rule_refs(const char *text, rule_refs *out)
{
    memset(out, 0, sizeof *out);
    char *s;
    for (const char *p = text ? next_string(text, &s) : NULL; p; p = next_string(p + 1, &s)) {
        bool seen = false;
        for (int i = 0; s && i < out->n && !seen; i++)
            seen = strcmp(out->ref[i], s) == 0;
        if (s && names_rule(s) && !seen) {
            out->ref = xrealloc(out->ref, (size_t)(out->n + 1) * sizeof *out->ref);
            out->ref[out->n++] = s;
        } else {
            free(s);
        }
    }
    if (out->n > 1) qsort(out->ref, (size_t)out->n, sizeof *out->ref, by_text);
}

static void free_rule_refs(rule_refs *x)
{
    for (int i = 0; i < x->n; i++) free(x->ref[i]);
    free(x->ref);
}

/* The references of a that b lacks, joined by ", "; false when there are none. */
static bool only_in(const rule_refs *a, const rule_refs *b, ss_buf *out)
{
    ss_buf_clear(out);
    for (int i = 0; i < a->n; i++)
        if (!bsearch(&a->ref[i], b->ref, (size_t)b->n, sizeof *b->ref, by_text))
            ss_buf_fmt(out, "%s%s", out->n ? ", " : "", a->ref[i]);
    return out->n > 0;
}

/* Whether option opt runs the base's rule files, and if not, which files and functions only one
 * of them uses; the same files with another hash were edited between the runs. */
void report_rules_sentence(const ss_report *r, int opt, char *buf, size_t n)
{
    const model *base = report_base_model(r), *m = &r->models[opt + 1];
    if (strcmp(base->run.rules_hash, m->run.rules_hash) == 0) {
        snprintf(buf, n, "%s", T(r, S_RULES_SAME));
        return;
    }
    rule_refs a, b;
    collect_rule_refs(base->run.resolved, &a);
    collect_rule_refs(m->run.resolved, &b);
    ss_buf only_b = {0}, only_a = {0}, sentence = {0};
    bool in_b = only_in(&b, &a, &only_b), in_a = only_in(&a, &b, &only_a);
    if (in_b) ss_buf_fmt(&sentence, T(r, S_RULES_ONLY), m->letter, only_b.s);
    if (in_a && sentence.n) ss_buf_str(&sentence, " ");
    if (in_a) ss_buf_fmt(&sentence, T(r, S_RULES_ONLY), base->letter, only_a.s);
    if (!in_a && !in_b) ss_buf_fmt(&sentence, T(r, S_RULES_EDITED), base->run.rules_hash, m->run.rules_hash);
    snprintf(buf, n, "%s", sentence.s);
    free(only_a.s);
    free(only_b.s);
    free(sentence.s);
    free_rule_refs(&a);
    free_rule_refs(&b);
}
