/* complete: what Tab offers for the word being typed, worked out from the command table's
 * completion letters (commands.c) and the model.  Pure: no readline here, so it is tested
 * directly; line.c hands the candidates to readline. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>

#include "repl.h"

#define SCENARIO_DIR "scenarios"
#define MAX_DEPTH 4

void repl_strlist_add(repl_strlist *l, const char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = realloc(l->v, sizeof *l->v * (size_t)l->cap);
    }
    l->v[l->n++] = strdup(s);
}

void repl_strlist_free(repl_strlist *l)
{
    for (int i = 0; i < l->n; i++) free(l->v[i]);
    free(l->v);
    *l = (repl_strlist){0};
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void add_if(repl_strlist *out, const char *cand, const char *text)
{
    if (starts_with(cand, text)) repl_strlist_add(out, cand);
}

/* ---- files ----------------------------------------------------------------------------------- */

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_lua(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".lua") == 0;
}

/* Entries of the folder the text names, as the text continues; folders end in '/'. */
static void files(const char *text, bool lua_only, repl_strlist *out)
{
    const char *slash = strrchr(text, '/');
    char dir[1024], shown[1024];
    snprintf(shown, sizeof shown, "%.*s", slash ? (int)(slash - text + 1) : 0, text);
    snprintf(dir, sizeof dir, "%s", slash ? shown : ".");
    const char *base = slash ? slash + 1 : text;
    DIR *d = opendir(dir);
    if (!d) return;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.' && base[0] != '.') continue;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 || !starts_with(e->d_name, base)) continue;
        char full[2048], cand[2048];
        snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
        bool folder = is_dir(full);
        if (!folder && lua_only && !is_lua(e->d_name)) continue;
        snprintf(cand, sizeof cand, "%s%s%s", shown, e->d_name, folder ? "/" : "");
        repl_strlist_add(out, cand);
    }
    closedir(d);
}

/* Every .lua file under scenarios/, so "load <Tab>" lists the scenarios and overlays. */
static void scenario_files(const char *dir, int depth, const char *text, repl_strlist *out)
{
    DIR *d = depth <= MAX_DEPTH ? opendir(dir) : NULL;
    if (!d) return;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.') continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (is_dir(path)) scenario_files(path, depth + 1, text, out);
        else if (is_lua(e->d_name)) add_if(out, path, text);
    }
    closedir(d);
}

static void scenarios(const char *text, repl_strlist *out)
{
    scenario_files(SCENARIO_DIR, 0, text, out);
    if (out->n == 0) files(text, true, out);
}

/* ---- the model -------------------------------------------------------------------------------- */

/* Keys of the table at `parent` that continue text; a key with a table under it ends in '.',
 * so the next Tab goes one level down. */
static void child_keys(lua_State *L, const char *parent, const char *partial, const char *lead, repl_strlist *out)
{
    repl_tree_push_plain(L, -1);
    if (!lua_istable(L, -1)) { lua_pop(L, 1); return; }
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        char key[256], cand[1400];
        if (lua_type(L, -2) == LUA_TSTRING) snprintf(key, sizeof key, "%s", lua_tostring(L, -2));
        else if (lua_isinteger(L, -2)) snprintf(key, sizeof key, "%lld", (long long)lua_tointeger(L, -2));
        else { lua_pop(L, 1); continue; }
        bool deeper = lua_istable(L, -1) && !repl_tree_is_tag(L, -1);
        snprintf(cand, sizeof cand, "%s%s%s%s%s", lead, parent, *parent ? "." : "", key, deeper ? "." : "");
        if (starts_with(key, partial)) repl_strlist_add(out, cand);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* Parameter paths one segment at a time: "services.f" offers "services.fph." ...  lead is
 * kept in front ("model." for Lua). */
static void params(repl *r, const char *text, const char *lead, repl_strlist *out)
{
    if (!r->cur) return;
    lua_State *L = ss_sandbox_lua(r->sb);
    int top = lua_gettop(L);
    ss_diag d;
    if (repl_tree_push(r->sb, r->cur->sc, false, &d) < 0) return;
    const char *dot = strrchr(text, '.');
    char parent[1024];
    snprintf(parent, sizeof parent, "%.*s", dot ? (int)(dot - text) : 0, text);
    if (*parent) repl_tree_get(L, -1, parent); else lua_pushvalue(L, -1);
    child_keys(L, parent, dot ? dot + 1 : text, lead, out);
    lua_settop(L, top);
}

/* Service ids: of the last run (what results and chart speak about), else of the model. */
static void services(repl *r, const char *text, repl_strlist *out)
{
    if (r->last) {
        for (int i = 0; i < r->last->st.info.nservices; i++) add_if(out, r->last->st.ids[i], text);
    } else if (r->cur) {
        const ss_model *m = ss_scenario_model(r->cur->sc);
        for (int i = 0; i < m->nservices; i++) add_if(out, m->services[i].id, text);
    }
}

static void words(const char *const *list, const char *text, repl_strlist *out)
{
    for (int i = 0; list[i]; i++) add_if(out, list[i], text);
}

static void commands(const char *text, repl_strlist *out)
{
    for (int i = 0; i < repl_ncommands; i++) add_if(out, repl_commands[i].name, text);
}

/* ---- putting it together ----------------------------------------------------------------------- */

static void by_kind(repl *r, char kind, const char *first, const char *text, repl_strlist *out)
{
    static const char *const show_words[] = {"services", "params", "sources", "diff", "lua", NULL};
    static const char *const chart_kinds[] = {"waits", "queue", "caseload", "hist", NULL};
    static const char *const baseline_words[] = {"now", "loaded", NULL};
    switch (kind) {
    case 's': scenarios(text, out); break;
    case 'a': for (int i = 0; i < r->edit.noverlays; i++) add_if(out, r->edit.overlays[i], text); break;
    case 'p': params(r, text, "", out); break;
    case 'w': words(show_words, text, out); break;
    case 'k': words(chart_kinds, text, out); break;
    case 'b': words(baseline_words, text, out); break;
    case 'v':
        services(r, text, out);
        if (strcmp(first, "results") == 0) add_if(out, "system", text);
        break;
    case 'f': files(text, false, out); break;
    case 'c': commands(text, out); break;
    default: break;
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sort_unique(repl_strlist *l)
{
    if (l->n < 2) return;  /* an empty list has no array at all */
    qsort(l->v, (size_t)l->n, sizeof *l->v, cmp_str);
    int k = 0;
    for (int i = 0; i < l->n; i++) {
        if (k > 0 && strcmp(l->v[k - 1], l->v[i]) == 0) free(l->v[i]);
        else l->v[k++] = l->v[i];
    }
    l->n = k;
}

/* Words before start: which argument is being typed; the first two words are kept. */
static int word_index(const char *line, int start, char words[2][64])
{
    int count = 0;
    words[0][0] = words[1][0] = '\0';
    for (int i = 0; i < start;) {
        while (i < start && (line[i] == ' ' || line[i] == '\t')) i++;
        if (i >= start) break;
        int j = i;
        while (j < start && line[j] != ' ' && line[j] != '\t') j++;
        if (count < 2) snprintf(words[count], 64, "%.*s", j - i, line + i);
        count++;
        i = j;
    }
    return count;
}

/* The completion letter for argument `index` (1 = the first after the command); the second
 * argument of show and chart depends on the first. */
static char kind_for(const repl_command *c, int index, const char *second)
{
    size_t k = strlen(c->complete);
    if (index < 1 || (size_t)index > k) return 0;
    if (index == 2 && strcmp(c->name, "show") == 0)
        return strcmp(second, "params") == 0 || strcmp(second, "sources") == 0 ? 'p' : 0;
    if (index == 2 && strcmp(c->name, "chart") == 0)
        return strcmp(second, "waits") == 0 ? 0 : 'v';
    return c->complete[index - 1];
}

void repl_complete(repl *r, const char *line, int start, int end, repl_strlist *out)
{
    char text[1024], words[2][64];
    snprintf(text, sizeof text, "%.*s", end - start, line + start);
    int index = word_index(line, start, words);
    const repl_command *c = index > 0 ? repl_find_command(words[0]) : NULL;
    if (starts_with(text, "model."))
        params(r, text + strlen("model."), "model.", out);  /* Lua: the model view */
    else if (index == 0)
        commands(text, out);
    else if (c)
        by_kind(r, kind_for(c, index, words[1]), c->name, text, out);
    sort_unique(out);
}
