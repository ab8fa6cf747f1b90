/* show: describe the model — what is loaded and changed, its services, its parameters, their
 * sources, and what differs from the scenario file as loaded. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "repl.h"

#define DIFF_VALUE_WIDTH 48

/* ---- status ---------------------------------------------------------------------------------- */

static void show_run(repl *r, ss_table *t, const char *label, const repl_run *run)
{
    if (!run) return;
    bool same = r->cur && strcmp(ss_scenario_hash(run->scen->sc), ss_scenario_hash(r->cur->sc)) == 0;
    int row = ss_table_add_row(t);
    ss_table_set(t, row, 0, "%s", repl_w(r, label));
    ss_table_set(t, row, 1, repl_w(r, "%d replications, seed %llu, %s"), run->st.nreps,
                 (unsigned long long)run->st.info.seed,
                 repl_w(r, same ? "of the model as it is now" : "of an earlier model"));
}

/* A label and its text, the labels in one column whatever their length in the language. */
static void status_row(repl *r, ss_table *t, const char *label, const char *text)
{
    ss_table_row(t, *label ? repl_w(r, label) : "", text);
}

static int show_status(repl *r)
{
    if (!r->cur) {
        repl_say(r, "no scenario loaded ('load FILE')\n");
        return 0;
    }
    ss_table t;
    ss_table_init(&t, 2, "ll");
    t.lang = r->lang;
    char line[1024];
    snprintf(line, sizeof line, "%s: %s", r->edit.path, ss_scenario_model(r->cur->sc)->name);
    status_row(r, &t, "scenario", line);
    for (int i = 0; i < r->edit.noverlays; i++) status_row(r, &t, i ? "" : "overlays", r->edit.overlays[i]);
    for (int i = 0; i < r->edit.nsets; i++) status_row(r, &t, i ? "" : "set", r->edit.sets[i]);
    if (r->nundo) status_row(r, &t, "undo", r->undo[r->nundo - 1].what);
    if (r->nredo) status_row(r, &t, "redo", r->redo[r->nredo - 1].what);
    repl_baseline_label(r, line, sizeof line);
    status_row(r, &t, "baseline", line);
    show_run(r, &t, "last run", r->last);
    show_run(r, &t, "previous", r->prev);
    int row = ss_table_add_row(&t);
    ss_table_set(&t, row, 0, "%s", repl_w(r, "next run"));
    ss_table_set(&t, row, 1, repl_w(r, "%d replications, seed %llu"), r->reps, (unsigned long long)r->seed);
    ss_table_print(&t, r->out);
    ss_table_free(&t);
    return 0;
}

/* ---- services -------------------------------------------------------------------------------- */

static void capacity_text(const repl *r, const ss_service *s, char *out, size_t n)
{
    switch (s->cap_kind) {
    case SS_CAP_SLOTS: snprintf(out, n, repl_w(r, "%.0f cases"), s->capacity); break;
    case SS_CAP_HOURS: snprintf(out, n, repl_w(r, "%.0f h/week"), s->capacity); break;
    case SS_CAP_UNLIMITED: snprintf(out, n, "%s", repl_w(r, "unlimited")); break;
    }
}

static void age_text(const ss_service *s, char *out, size_t n)
{
    if (s->age_max >= 120) snprintf(out, n, "%g+", s->age_min);
    else snprintf(out, n, "%g-%g", s->age_min, s->age_max - 1);
}

static int show_services(repl *r)
{
    const ss_model *m = ss_scenario_model(r->cur->sc);
    ss_table t;
    ss_table_init(&t, 8, "llrrrrlr");
    t.lang = r->lang;
    ss_table_fit(&t, 1, 36, repl_columns(r));
    ss_table_row(&t, "id", repl_w(r, "service"), repl_w(r, "unit"), repl_w(r, "FTE"), repl_w(r, "for cases"),
                 repl_w(r, "capacity"), repl_w(r, "ages"), repl_w(r, "target wait"));
    for (int i = 0; i < m->nservices; i++) {
        const ss_service *s = &m->services[i];
        char fte[32], share[32], cap[48], ages[32], target[32];
        snprintf(fte, sizeof fte, "%.1f", s->fte);
        snprintf(share, sizeof share, "%.0f %%", s->case_share * 100);
        capacity_text(r, s, cap, sizeof cap);
        age_text(s, ages, sizeof ages);
        if (s->target_wait < 1e300) snprintf(target, sizeof target, repl_w(r, "%.0f days"), s->target_wait);
        else snprintf(target, sizeof target, "-");
        ss_table_row(&t, s->id, s->name, s->unit >= 0 ? m->units[s->unit].id : "-", fte, share, cap, ages, target);
    }
    ss_table_print(&t, r->out);
    ss_table_free(&t);
    repl_say(r, "capacity is at full strength, for individual cases; FTE are all staff\n");
    return 0;
}

/* ---- params ---------------------------------------------------------------------------------- */

static void add_param(void *ud, const char *path, lua_State *L, int idx)
{
    ss_buf b = {0};
    repl_tree_write(&b, L, idx, 0, REPL_TREE_ONELINE);
    ss_table_row(ud, path, b.s);
    ss_buf_free(&b);
}

static int count_segments(const char *path)
{
    int n = 1;
    for (const char *p = path; *p; p++) n += *p == '.';
    return n;
}

static int show_params(repl *r, const repl_args *a)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    int top = lua_gettop(L);
    ss_diag d;
    if (repl_tree_push(r->sb, r->cur->sc, false, &d) < 0) return repl_fail(r, a, -1, "%s", d.msg);
    const char *prefix = a->argc > 2 ? a->argv[2] : "";
    ss_table t;
    ss_table_init(&t, 2, "ll");
    if (*prefix) {
        int found = repl_tree_get(L, -1, prefix);      /* tree value */
        if (found < count_segments(prefix)) {
            char hint[512];
            repl_tree_suggest(r->lang, L, top + 1, prefix, found, hint, sizeof hint);
            lua_settop(L, top);
            ss_table_free(&t);
            return repl_fail(r, a, 2, "no parameter '%s' in the model%s", prefix, hint);
        }
        if (lua_istable(L, -1)) repl_tree_leaves(L, -1, prefix, add_param, &t);
        if (t.nrows == 0) add_param(&t, prefix, L, lua_gettop(L));  /* a value, or a short list */
    } else {
        repl_tree_leaves(L, -1, "", add_param, &t);
    }
    lua_settop(L, top);
    ss_table_print(&t, r->out);
    ss_table_free(&t);
    return 0;
}

/* ---- sources --------------------------------------------------------------------------------- */

static bool under(const char *line, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(line, prefix, n) == 0 && (line[n] == '.' || line[n] == ' ' || line[n] == '\0');
}

static int show_sources(repl *r, const repl_args *a)
{
    const char *prefix = a->argc > 2 ? a->argv[2] : "";
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    ss_scenario_print_sources(r->cur->sc, mem, r->lang == SS_LANG_NB);
    fclose(mem);
    ss_buf keep = {0};
    int shown = 0;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        bool header = line == text;
        if (header || !*prefix || under(line, prefix)) {
            ss_buf_fmt(&keep, "%s\n", line);
            shown += !header;
        }
    }
    free(text);
    if (*prefix && shown == 0) {
        ss_buf_free(&keep);
        return repl_fail(r, a, 2, "no number under '%s' (show params lists the paths)", prefix);
    }
    fputs(keep.s, r->out);
    ss_buf_free(&keep);
    return 0;
}

/* ---- diff ------------------------------------------------------------------------------------ */

/* A number as people read it: whole numbers whole, others with 4 significant digits (0.2237, not
 * 0.2236842105263158), and more only when that would make two different numbers look the same. */
void repl_number_text(char *out, size_t n, double x, double other)
{
    if (x == (double)(long long)x && fabs(x) < 1e15) {
        snprintf(out, n, "%.0f", x);
        return;
    }
    for (int digits = 4; digits <= 17; digits++) {
        char o[64];
        snprintf(out, n, fabs(x) >= 1e4 ? "%.*f" : "%.*g", fabs(x) >= 1e4 ? digits - 4 : digits, x);
        snprintf(o, sizeof o, fabs(other) >= 1e4 ? "%.*f" : "%.*g", fabs(other) >= 1e4 ? digits - 4 : digits, other);
        if (x == other || strcmp(out, o) != 0) return;
    }
}

/* The value at idx (tags unwrapped) for one side of a change; other_idx is the other side (0:
 * none), so that two numbers are told apart. */
static void value_cell(ss_lang lang, lua_State *L, int idx, int other_idx, char *out, size_t n)
{
    if (idx == 0) {
        snprintf(out, n, "%s", ss_words(lang, "(not set)"));
        return;
    }
    repl_tree_push_plain(L, idx);
    if (lua_type(L, -1) == LUA_TNUMBER) {
        double other = lua_tonumber(L, -1);
        if (other_idx) {
            repl_tree_push_plain(L, other_idx);
            if (lua_type(L, -1) == LUA_TNUMBER) other = lua_tonumber(L, -1);
            lua_pop(L, 1);
        }
        repl_number_text(out, n, lua_tonumber(L, -1), other);
    } else {
        ss_buf b = {0};
        repl_tree_write(&b, L, -1, 0, REPL_TREE_ONELINE);
        ss_text_cut(out, n, b.s, DIFF_VALUE_WIDTH);
        ss_buf_free(&b);
    }
    lua_pop(L, 1);
}

/* The rows of a difference, in the planner's language. */
typedef struct diff_rows {
    ss_table t;
    ss_lang lang;
} diff_rows;

static void add_row(diff_rows *d, lua_State *L, const char *path, int old_idx, int new_idx, const char *note)
{
    char old[256], now[256];
    value_cell(d->lang, L, old_idx, new_idx, old, sizeof old);
    value_cell(d->lang, L, new_idx, old_idx, now, sizeof now);
    ss_table_row(&d->t, path, old, "->", new_idx ? now : ss_words(d->lang, "(removed)"), note);
}

static bool all_digits(const char *s)
{
    if (!*s) return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return false;
    return true;
}

/* Numbered keys first and by number (demand.2 before demand.10: Lørenskog has 36 demand
 * streams), then names by text. */
static int cmp_keys(const void *a, const void *b)
{
    const char *x = *(char *const *)a, *y = *(char *const *)b;
    bool nx = all_digits(x), ny = all_digits(y);
    if (nx && ny) return strlen(x) != strlen(y) ? (strlen(x) < strlen(y) ? -1 : 1) : strcmp(x, y);
    if (nx != ny) return nx ? -1 : 1;
    return strcmp(x, y);
}

/* Both sides' keys as text, sorted and unique ("1", "2", "10", "mean", "sd"). */
static int union_keys(lua_State *L, int a, int b, char **keys, int max)
{
    int n = 0;
    for (int side = 0; side < 2; side++) {
        lua_pushnil(L);
        while (lua_next(L, side ? b : a)) {
            lua_pop(L, 1);
            char k[128];
            if (lua_type(L, -1) == LUA_TNUMBER) snprintf(k, sizeof k, "%lld", (long long)lua_tointeger(L, -1));
            else if (lua_type(L, -1) == LUA_TSTRING) snprintf(k, sizeof k, "%s", lua_tostring(L, -1));
            else continue;
            bool seen = false;
            for (int i = 0; i < n && !seen; i++) seen = strcmp(keys[i], k) == 0;
            if (!seen && n < max) keys[n++] = strdup(k);
        }
    }
    qsort(keys, (size_t)n, sizeof *keys, cmp_keys);
    return n;
}

static void push_field(lua_State *L, int t, const char *k)
{
    char *end;
    long long i = strtoll(k, &end, 10);
    if (*end == '\0' && end != k) lua_rawgeti(L, t, i);
    else lua_getfield(L, t, k);
}

/* Rows for what differs between two values: tables are taken apart down to the numbers and words
 * that changed, so a distribution whose mean changed shows its mean, not two long lines that look
 * the same.  Returns the number of rows added. */
static int diff_values(diff_rows *t, lua_State *L, const char *path, int old_idx, int new_idx)
{
    repl_tree_push_plain(L, old_idx);
    repl_tree_push_plain(L, new_idx);
    int o = lua_gettop(L) - 1, w = lua_gettop(L), rows = 0;
    if (lua_istable(L, o) && lua_istable(L, w)) {
        char *keys[256];
        int n = union_keys(L, o, w, keys, 256);
        for (int i = 0; i < n; i++) {
            char sub[1024];
            snprintf(sub, sizeof sub, "%s.%s", path, keys[i]);
            push_field(L, o, keys[i]);
            push_field(L, w, keys[i]);
            int so = lua_gettop(L) - 1, sw = lua_gettop(L);
            if (lua_isnil(L, so) || lua_isnil(L, sw)) {
                if (!lua_rawequal(L, so, sw)) add_row(t, L, sub, lua_isnil(L, so) ? 0 : so, lua_isnil(L, sw) ? 0 : sw, "");
                rows += !lua_rawequal(L, so, sw);
            } else {
                rows += diff_values(t, L, sub, so, sw);
            }
            lua_pop(L, 2);
            free(keys[i]);
        }
    } else if (!lua_rawequal(L, o, w)) {
        add_row(t, L, path, o, w, "");
        rows = 1;
    }
    lua_pop(L, 2);
    return rows;
}

/* Where a value comes from, for a change that kept the value: "assumption", "source", "set". */
static const char *origin_word(lua_State *L, int idx)
{
    if (!repl_tree_is_tag(L, idx)) return "no source";
    lua_getfield(L, idx, "kind");
    const char *k = lua_tostring(L, -1);
    bool source = k && strcmp(k, "source") == 0;
    lua_pop(L, 1);
    return source ? "cited" : "an assumption";
}

static void add_change(void *ud, const char *path, lua_State *L, int old_idx, int new_idx)
{
    diff_rows *d = ud;
    if (old_idx == 0 || new_idx == 0) {
        add_row(d, L, path, old_idx, new_idx, "");
        return;
    }
    if (diff_values(d, L, path, old_idx, new_idx) == 0) {  /* the same value, another origin */
        char note[160];
        const char *was = origin_word(L, old_idx), *now = origin_word(L, new_idx);
        if (strcmp(was, now) == 0)
            snprintf(note, sizeof note, "%s", ss_words(d->lang, "(the same value, another note)"));
        else
            snprintf(note, sizeof note, ss_words(d->lang, "(the same value: was %s, now %s)"), ss_words(d->lang, was),
                     ss_words(d->lang, now));
        add_row(d, L, path, old_idx, new_idx, note);
    }
}

/* For counting changed values: a value that stayed and only changed its note is not counted. */
static void add_value_change(void *ud, const char *path, lua_State *L, int old_idx, int new_idx)
{
    if (old_idx == 0 || new_idx == 0) add_row(ud, L, path, old_idx, new_idx, "");
    else diff_values(ud, L, path, old_idx, new_idx);
}

int repl_count_differences(repl *r, const ss_scenario *before, const ss_scenario *after)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    int top = lua_gettop(L), n = 0;
    ss_diag d;
    if (repl_tree_push(r->sb, before, true, &d) == 0 && repl_tree_push(r->sb, after, true, &d) == 0) {
        diff_rows rows = {.lang = r->lang};
        ss_table_init(&rows.t, 5, "lrlll");
        repl_tree_diff(L, top + 1, top + 2, add_value_change, &rows);
        n = rows.t.nrows;
        ss_table_free(&rows.t);
    }
    lua_settop(L, top);
    return n;
}

static int show_diff(repl *r, const repl_args *a)
{
    if (!r->base) return repl_fail(r, a, 1, "%s cannot be loaded on its own to compare with", r->edit.path);
    lua_State *L = ss_sandbox_lua(r->sb);
    int top = lua_gettop(L);
    ss_diag d;
    if (repl_tree_push_loaded_and_edited(r, &d) < 0)
        return repl_fail(r, a, -1, "%s", d.msg);
    diff_rows rows = {.lang = r->lang};
    ss_table_init(&rows.t, 5, "lrlll");
    rows.t.lang = r->lang;
    repl_tree_diff(L, top + 1, top + 2, add_change, &rows);
    lua_settop(L, top);
    if (rows.t.nrows == 0) {
        repl_say(r, "no differences from %s as loaded\n", r->edit.path);
    } else {
        if (rows.t.nrows == 1) repl_say(r, "1 difference from %s as loaded:\n", r->edit.path);
        else repl_say(r, "%d differences from %s as loaded:\n", rows.t.nrows, r->edit.path);
        rows.t.indent = 2;
        ss_table_print(&rows.t, r->out);
    }
    ss_table_free(&rows.t);
    return 0;
}

/* ---- the command ----------------------------------------------------------------------------- */

int repl_cmd_show(repl *r, const repl_args *a)
{
    static const char *const words[] = {"services", "params", "sources", "diff", "lua"};
    if (a->argc == 1) return show_status(r);
    if (!repl_need_model(r, a)) return -1;
    const char *w = a->argv[1];
    if (strcmp(w, "services") == 0) return repl_arity(r, a, 1, 1) ? show_services(r) : -1;
    if (strcmp(w, "params") == 0) return repl_arity(r, a, 1, 2) ? show_params(r, a) : -1;
    if (strcmp(w, "sources") == 0) return repl_arity(r, a, 1, 2) ? show_sources(r, a) : -1;
    if (strcmp(w, "diff") == 0) return repl_arity(r, a, 1, 1) ? show_diff(r, a) : -1;
    if (strcmp(w, "lua") == 0) {
        if (!repl_arity(r, a, 1, 1)) return -1;
        fputs(ss_scenario_text(r->cur->sc), r->out);
        return 0;
    }
    const char *near = repl_closest(w, words, 5);
    return repl_fail(r, a, 1, "show what? services, params, sources, diff or lua%s%s%s",
                     near ? repl_w(r, " (did you mean '") : "", near ? near : "", near ? "'?)" : "");
}
