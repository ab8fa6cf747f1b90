/* show: describe the model — what is loaded and changed, its services, its parameters, their
 * sources, and what differs from the scenario file as loaded. */
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "repl.h"

#define DIFF_VALUE_WIDTH 48

/* ---- status ---------------------------------------------------------------------------------- */

static void show_run(repl *r, const char *label, const repl_run *run)
{
    if (!run) return;
    bool same = r->cur && strcmp(ss_scenario_hash(run->scen->sc), ss_scenario_hash(r->cur->sc)) == 0;
    fprintf(r->out, "%-9s %d replications, seed %llu, %s\n", label, run->st.nreps,
            (unsigned long long)run->st.info.seed, same ? "of the model as it is now" : "of an earlier model");
}

static int show_status(repl *r)
{
    if (!r->cur) {
        fprintf(r->out, "no scenario loaded ('load FILE')\n");
        return 0;
    }
    fprintf(r->out, "%-9s %s: %s\n", "scenario", r->edit.path, ss_scenario_model(r->cur->sc)->name);
    for (int i = 0; i < r->edit.noverlays; i++) fprintf(r->out, "%-9s %s\n", i ? "" : "overlays", r->edit.overlays[i]);
    for (int i = 0; i < r->edit.nsets; i++) fprintf(r->out, "%-9s %s\n", i ? "" : "set", r->edit.sets[i]);
    if (r->nundo) fprintf(r->out, "%-9s %s\n", "undo", r->undo[r->nundo - 1].what);
    if (r->nredo) fprintf(r->out, "%-9s %s\n", "redo", r->redo[r->nredo - 1].what);
    show_run(r, "last run", r->last);
    show_run(r, "previous", r->prev);
    fprintf(r->out, "%-9s %d replications, seed %llu\n", "next run", r->reps, (unsigned long long)r->seed);
    return 0;
}

/* ---- services -------------------------------------------------------------------------------- */

static void capacity_text(const ss_service *s, char *out, size_t n)
{
    switch (s->cap_kind) {
    case SS_CAP_SLOTS: snprintf(out, n, "%.0f cases", s->capacity); break;
    case SS_CAP_HOURS: snprintf(out, n, "%.0f h/week", s->capacity); break;
    case SS_CAP_UNLIMITED: snprintf(out, n, "unlimited"); break;
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
    repl_table t;
    repl_table_init(&t, 8, "llrrrrlr");
    repl_table_row(&t, "id", "service", "unit", "FTE", "for cases", "capacity", "ages", "target wait");
    for (int i = 0; i < m->nservices; i++) {
        const ss_service *s = &m->services[i];
        char name[64], fte[32], share[32], cap[48], ages[32], target[32];
        repl_text_cut(name, sizeof name, s->name, 36);
        snprintf(fte, sizeof fte, "%.1f", s->fte);
        snprintf(share, sizeof share, "%.0f %%", s->case_share * 100);
        capacity_text(s, cap, sizeof cap);
        age_text(s, ages, sizeof ages);
        if (s->target_wait < 1e300) snprintf(target, sizeof target, "%.0f days", s->target_wait);
        else snprintf(target, sizeof target, "-");
        repl_table_row(&t, s->id, name, s->unit >= 0 ? m->units[s->unit].id : "-", fte, share, cap, ages, target);
    }
    repl_table_print(&t, r->out, 0);
    repl_table_free(&t);
    fprintf(r->out, "capacity is at full strength, for individual cases; FTE are all staff\n");
    return 0;
}

/* ---- params ---------------------------------------------------------------------------------- */

static void add_param(void *ud, const char *path, lua_State *L, int idx)
{
    repl_buf b = {0};
    repl_tree_write(&b, L, idx, 0, REPL_TREE_ONELINE);
    repl_table_row(ud, path, b.s);
    repl_buf_free(&b);
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
    repl_table t;
    repl_table_init(&t, 2, "ll");
    if (*prefix) {
        int found = repl_tree_get(L, -1, prefix);      /* tree value */
        if (found < count_segments(prefix)) {
            char hint[512];
            repl_tree_suggest(L, top + 1, prefix, found, hint, sizeof hint);
            lua_settop(L, top);
            repl_table_free(&t);
            return repl_fail(r, a, 2, "no parameter '%s' in the model%s", prefix, hint);
        }
        if (lua_istable(L, -1)) repl_tree_leaves(L, -1, prefix, add_param, &t);
        if (t.nrows == 0) add_param(&t, prefix, L, lua_gettop(L));  /* a value, or a short list */
    } else {
        repl_tree_leaves(L, -1, "", add_param, &t);
    }
    lua_settop(L, top);
    repl_table_print(&t, r->out, 0);
    repl_table_free(&t);
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
    ss_scenario_print_sources(r->cur->sc, mem);
    fclose(mem);
    repl_buf keep = {0};
    int shown = 0;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        bool header = line == text;
        if (header || !*prefix || under(line, prefix)) {
            repl_buf_fmt(&keep, "%s\n", line);
            shown += !header;
        }
    }
    free(text);
    if (*prefix && shown == 0) {
        repl_buf_free(&keep);
        return repl_fail(r, a, 2, "no number under '%s' (show params lists the paths)", prefix);
    }
    fputs(keep.s, r->out);
    repl_buf_free(&keep);
    return 0;
}

/* ---- diff ------------------------------------------------------------------------------------ */

static void value_cell(lua_State *L, int idx, char *out, size_t n)
{
    if (idx == 0) {
        snprintf(out, n, "(not set)");
        return;
    }
    repl_buf b = {0};
    repl_tree_push_plain(L, idx);
    repl_tree_write(&b, L, -1, 0, REPL_TREE_ONELINE);
    lua_pop(L, 1);
    repl_text_cut(out, n, b.s, DIFF_VALUE_WIDTH);
    repl_buf_free(&b);
}

static void add_change(void *ud, const char *path, lua_State *L, int old_idx, int new_idx)
{
    char old[256], now[256];
    value_cell(L, old_idx, old, sizeof old);
    value_cell(L, new_idx, now, sizeof now);
    repl_table_row(ud, path, old, "->", new_idx ? now : "(removed)");
}

static int show_diff(repl *r, const repl_args *a)
{
    if (!r->base) return repl_fail(r, a, 1, "%s cannot be loaded on its own to compare with", r->edit.path);
    lua_State *L = ss_sandbox_lua(r->sb);
    int top = lua_gettop(L);
    ss_diag d;
    if (repl_tree_push(r->sb, r->base, true, &d) < 0 || repl_tree_push(r->sb, r->cur->sc, true, &d) < 0) {
        lua_settop(L, top);
        return repl_fail(r, a, -1, "%s", d.msg);
    }
    repl_table t;
    repl_table_init(&t, 4, "lrll");
    repl_tree_diff(L, top + 1, top + 2, add_change, &t);
    lua_settop(L, top);
    if (t.nrows == 0) {
        fprintf(r->out, "no differences from %s as loaded\n", r->edit.path);
    } else {
        fprintf(r->out, "%d difference%s from %s as loaded:\n", t.nrows, t.nrows == 1 ? "" : "s", r->edit.path);
        repl_table_print(&t, r->out, 2);
    }
    repl_table_free(&t);
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
                     near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
}
