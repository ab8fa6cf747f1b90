/* edit: the model the planner changes — a scenario file, overlays and set values — with undo.
 *
 * The model is never changed in place: a change builds the next edit state, loads it through
 * the engine's own loader (extends, overlays, --set, validation), and only when that succeeds
 * does it become the model.  So an error leaves the model exactly as it was, and undo is just
 * loading an earlier state again. */
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "repl.h"

/* ---- edit states ---------------------------------------------------------------------------- */

void repl_edit_free(repl_edit *e)
{
    free(e->path);
    for (int i = 0; i < e->noverlays; i++) free(e->overlays[i]);
    for (int i = 0; i < e->nsets; i++) free(e->sets[i]);
    memset(e, 0, sizeof *e);
}

void repl_edit_copy(repl_edit *dst, const repl_edit *src)
{
    memset(dst, 0, sizeof *dst);
    dst->path = src->path ? strdup(src->path) : NULL;
    for (int i = 0; i < src->noverlays; i++) dst->overlays[i] = strdup(src->overlays[i]);
    for (int i = 0; i < src->nsets; i++) dst->sets[i] = strdup(src->sets[i]);
    dst->noverlays = src->noverlays;
    dst->nsets = src->nsets;
}

ss_scenario *repl_edit_load(const repl_edit *e, ss_diag *d)
{
    ss_scenario_opts o = {.overlays = (const char *const *)e->overlays, .noverlays = e->noverlays,
                          .sets = (const char *const *)e->sets, .nsets = e->nsets};
    return ss_scenario_load(e->path, &o, d);
}

void repl_edit_label(const repl_edit *e, char *out, size_t n)
{
    repl_buf b = {0};
    repl_buf_str(&b, e->path ? e->path : "(nothing loaded)");
    for (int i = 0; i < e->noverlays; i++) repl_buf_fmt(&b, " + %s", e->overlays[i]);
    for (int i = 0; i < e->nsets; i++) repl_buf_fmt(&b, "%s%s", i ? ", " : ", set ", e->sets[i]);
    snprintf(out, n, "%s", b.s);
    repl_buf_free(&b);
}

/* ---- shared scenarios ------------------------------------------------------------------------- */

repl_scen *repl_scen_new(ss_scenario *sc)
{
    repl_scen *s = malloc(sizeof *s);
    s->sc = sc;
    s->refs = 1;
    return s;
}

repl_scen *repl_scen_hold(repl_scen *s)
{
    s->refs++;
    return s;
}

void repl_scen_release(repl_scen *s)
{
    if (s && --s->refs == 0) {
        ss_scenario_free(s->sc);
        free(s);
    }
}

bool repl_need_model(repl *r, const repl_args *a)
{
    if (r->cur) return true;
    repl_fail(r, NULL, -1, "no scenario loaded: 'load FILE' first (Tab completes the files under scenarios/)");
    return false;
}

/* ---- changing the model ----------------------------------------------------------------------- */

/* next and sc become the model (both taken); the file alone is loaded again when it changed. */
static void install(repl *r, repl_edit *next, ss_scenario *sc, bool reload_base)
{
    if (reload_base || !r->edit.path || !next->path || strcmp(r->edit.path, next->path) != 0) {
        ss_scenario_free(r->base);
        ss_diag d;
        r->base = next->path ? ss_scenario_load(next->path, NULL, &d) : NULL;
    }
    repl_edit_free(&r->edit);
    r->edit = *next;
    memset(next, 0, sizeof *next);
    if (r->cur) repl_scen_release(r->cur);
    r->cur = sc ? repl_scen_new(sc) : NULL;
    repl_lua_model_changed(r);
}

/* Push onto a bounded stack, forgetting the oldest step when full. */
static void push_step(repl_step *stack, int *n, const repl_edit *state, const char *what)
{
    if (*n == REPL_MAX_UNDO) {
        repl_edit_free(&stack[0].state);
        memmove(stack, stack + 1, sizeof *stack * (REPL_MAX_UNDO - 1));
        (*n)--;
    }
    repl_edit_copy(&stack[*n].state, state);
    snprintf(stack[*n].what, sizeof stack[*n].what, "%s", what);
    (*n)++;
}

/* Load next; on success it becomes the model and the old one goes on the undo stack.
 * next is always consumed.  Returns NULL with d filled, or the new scenario. */
static const ss_scenario *change_to(repl *r, repl_edit *next, const char *what, bool reload_base, ss_diag *d)
{
    ss_scenario *sc = repl_edit_load(next, d);
    if (!sc) {
        repl_edit_free(next);
        return NULL;
    }
    push_step(r->undo, &r->nundo, &r->edit, what);
    for (int i = 0; i < r->nredo; i++) repl_edit_free(&r->redo[i].state);
    r->nredo = 0;
    install(r, next, sc, reload_base);
    return sc;
}

/* The command as typed, without surrounding blanks: what undo says it takes back. */
static void what_of(const repl_args *a, char *out, size_t n)
{
    repl_args_rest(a, 0, out, n);
}

/* ---- counting what an overlay changed ------------------------------------------------------- */

static void count_change(void *ud, const char *path, lua_State *L, int old_idx, int new_idx)
{
    (*(int *)ud)++;
}

static int count_changes(repl *r, const ss_scenario *before, const ss_scenario *after)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    int top = lua_gettop(L), n = 0;
    ss_diag d;
    if (repl_tree_push(r->sb, before, true, &d) == 0 && repl_tree_push(r->sb, after, true, &d) == 0)
        repl_tree_diff(L, -2, -1, count_change, &n);
    lua_settop(L, top);
    return n;
}

/* ---- load, apply, unapply ----------------------------------------------------------------- */

int repl_cmd_load(repl *r, const repl_args *a)
{
    if (!repl_arity(r, a, 1, 1)) return -1;
    repl_edit next = {.path = strdup(a->argv[1])};
    char what[256];
    what_of(a, what, sizeof what);
    ss_diag d;
    const ss_scenario *sc = change_to(r, &next, what, true, &d);
    if (!sc) return repl_fail(r, a, 1, "%s", d.msg);
    const ss_model *m = ss_scenario_model(sc);
    char start[11];
    ss_calendar_format(&m->cal, 0, start);
    fprintf(r->out, "loaded %s: %s\n  %d services, %d doors; %.0f days from %s, the first %.0f not counted (warm-up)\n",
            a->argv[1], m->name, m->nservices, m->ndoors, m->horizon, start, m->warmup);
    return 0;
}

static int find_overlay(const repl_edit *e, const char *name)
{
    for (int i = 0; i < e->noverlays; i++)
        if (strcmp(e->overlays[i], name) == 0) return i;
    return -1;
}

int repl_cmd_apply(repl *r, const repl_args *a)
{
    if (!repl_need_model(r, a) || !repl_arity(r, a, 1, 1)) return -1;
    if (find_overlay(&r->edit, a->argv[1]) >= 0)
        return repl_fail(r, a, 1, "%s is already applied", a->argv[1]);
    if (r->edit.noverlays == REPL_MAX_LIST)
        return repl_fail(r, a, 1, "too many overlays (at most %d)", REPL_MAX_LIST);
    repl_edit next;
    repl_edit_copy(&next, &r->edit);
    next.overlays[next.noverlays++] = strdup(a->argv[1]);
    repl_scen *before = repl_scen_hold(r->cur);
    char what[256];
    what_of(a, what, sizeof what);
    ss_diag d;
    const ss_scenario *sc = change_to(r, &next, what, false, &d);
    if (sc) {
        int n = count_changes(r, before->sc, sc);
        fprintf(r->out, "applied %s: %d value%s changed ('show diff' lists them)\n", a->argv[1], n, n == 1 ? "" : "s");
    }
    repl_scen_release(before);
    return sc ? 0 : repl_fail(r, a, 1, "%s", d.msg);
}

int repl_cmd_unapply(repl *r, const repl_args *a)
{
    if (!repl_need_model(r, a) || !repl_arity(r, a, 0, 1)) return -1;
    if (r->edit.noverlays == 0) return repl_fail(r, a, a->argc > 1 ? 1 : -1, "no overlay is applied");
    int i = a->argc > 1 ? find_overlay(&r->edit, a->argv[1]) : r->edit.noverlays - 1;
    if (i < 0) {
        repl_buf list = {0};
        for (int k = 0; k < r->edit.noverlays; k++) repl_buf_fmt(&list, "%s%s", k ? ", " : "", r->edit.overlays[k]);
        int rc = repl_fail(r, a, 1, "%s is not applied (applied: %s)", a->argv[1], list.s);
        repl_buf_free(&list);
        return rc;
    }
    repl_edit next;
    repl_edit_copy(&next, &r->edit);
    char *gone = next.overlays[i];
    memmove(next.overlays + i, next.overlays + i + 1, sizeof *next.overlays * (size_t)(next.noverlays - i - 1));
    next.noverlays--;
    char what[256];
    snprintf(what, sizeof what, "unapply %s", gone);  /* undo names the overlay even when unnamed here */
    ss_diag d;
    bool ok = change_to(r, &next, what, false, &d) != NULL;
    if (ok) fprintf(r->out, "removed %s\n", gone);
    int rc = ok ? 0 : repl_fail(r, a, a->argc > 1 ? 1 : -1, "%s", d.msg);
    free(gone);
    return rc;
}

/* ---- set ------------------------------------------------------------------------------------ */

static int count_segments(const char *path)
{
    int n = 1;
    for (const char *p = path; *p; p++) n += *p == '.';
    return n;
}

/* The first k segments of a dotted path. */
static void prefix_of(const char *path, int k, char *out, size_t n)
{
    const char *p = path;
    for (int i = 0; i < k && p; i++) p = strchr(p + (i > 0), '.');
    snprintf(out, n, "%.*s", p ? (int)(p - path) : (int)strlen(path), path);
}

/* The value at path in the model, as one line of Lua, or "(not set)". */
static void value_text(repl *r, const ss_scenario *sc, const char *path, char *out, size_t n)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    int top = lua_gettop(L);
    ss_diag d;
    snprintf(out, n, "(not set)");
    if (repl_tree_push(r->sb, sc, false, &d) == 0) {
        repl_tree_get(L, -1, path);
        if (!lua_isnil(L, -1)) {
            repl_buf b = {0};
            repl_tree_write(&b, L, -1, 0, REPL_TREE_ONELINE);
            snprintf(out, n, "%s", b.s);
            repl_buf_free(&b);
        }
    }
    lua_settop(L, top);
}

/* Where the loader's complaint points: at the path (a key it does not know) or at the value. */
static int blame(const char *msg, int found, int nseg)
{
    if (found < nseg - 1 || strstr(msg, "unknown key") || strstr(msg, "is a value, not a table"))
        return 1;
    return 2;
}

/* The parent of the path must exist; the last key may be new (the loader then says whether it
 * is allowed). */
static int check_path(repl *r, const repl_args *a, const char *path, int *found)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    int top = lua_gettop(L);
    ss_diag d;
    *found = 0;
    if (repl_tree_push(r->sb, r->cur->sc, false, &d) < 0) return repl_fail(r, a, 1, "%s", d.msg);
    int nseg = count_segments(path);
    *found = repl_tree_get(L, -1, path);             /* tree value */
    lua_pop(L, 1);
    if (*found < nseg - 1) {
        char hint[512], missing[512];
        repl_tree_suggest(L, lua_gettop(L), path, *found, hint, sizeof hint);
        lua_settop(L, top);
        prefix_of(path, *found + 1, missing, sizeof missing);
        return repl_fail(r, a, 1, "no parameter '%s' in the model%s", missing, hint);
    }
    lua_settop(L, top);
    return 0;
}

/* " (did you mean ...)" for the last key of a path the loader did not know. */
static void leaf_hint(repl *r, const char *path, int found, char *out, size_t n)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    int top = lua_gettop(L);
    ss_diag d;
    out[0] = '\0';
    if (found == count_segments(path) - 1 && repl_tree_push(r->sb, r->cur->sc, false, &d) == 0)
        repl_tree_suggest(L, -1, path, found, out, n);
    lua_settop(L, top);
}

static void add_set(repl_edit *e, const char *path, const char *value)
{
    size_t plen = strlen(path);
    repl_buf spec = {0};
    repl_buf_fmt(&spec, "%s=%s", path, value);
    for (int i = 0; i < e->nsets; i++)
        if (strncmp(e->sets[i], path, plen) == 0 && e->sets[i][plen] == '=') {
            free(e->sets[i]);  /* a later value for the same path replaces the earlier one */
            e->sets[i] = spec.s;
            return;
        }
    e->sets[e->nsets++] = spec.s;
}

static bool valid_path(const char *p)
{
    if (!*p || *p == '.' || p[strlen(p) - 1] == '.' || strstr(p, "..")) return false;
    return strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") == strlen(p);
}

/* "set PATH VALUE" or "set PATH=VALUE" into path and value. */
static int split_set(repl *r, const repl_args *a, char *path, size_t pn, char *value, size_t vn)
{
    const char *eq = a->argc == 2 ? strchr(a->argv[1], '=') : NULL;
    if (eq) {
        snprintf(path, pn, "%.*s", (int)(eq - a->argv[1]), a->argv[1]);
        snprintf(value, vn, "%s", eq + 1);
    } else {
        if (!repl_arity(r, a, 2, REPL_MAX_ARGS)) return -1;
        snprintf(path, pn, "%s", a->argv[1]);
        repl_args_rest(a, 2, value, vn);
    }
    if (!valid_path(path))
        return repl_fail(r, a, 1, "'%s' is not a parameter path (like services.fph.fte)", path);
    if (!*value) return repl_fail(r, a, a->argc, "missing value (usage: set PATH VALUE)");
    return 0;
}

int repl_cmd_set(repl *r, const repl_args *a)
{
    if (!repl_need_model(r, a)) return -1;
    char path[512], value[1536];
    int found = 0;
    if (split_set(r, a, path, sizeof path, value, sizeof value) < 0 || check_path(r, a, path, &found) < 0)
        return -1;
    if (r->edit.nsets == REPL_MAX_LIST) return repl_fail(r, a, 1, "too many set values (at most %d)", REPL_MAX_LIST);
    char old[256], now[256], what[256];
    value_text(r, r->cur->sc, path, old, sizeof old);
    repl_edit next;
    repl_edit_copy(&next, &r->edit);
    add_set(&next, path, value);
    what_of(a, what, sizeof what);
    ss_diag d;
    const ss_scenario *sc = change_to(r, &next, what, false, &d);
    if (!sc) {
        bool on_path = blame(d.msg, found, count_segments(path)) == 1;
        char hint[512] = "";
        if (on_path) leaf_hint(r, path, found, hint, sizeof hint);
        int argi = a->argc == 2 ? 1 : on_path ? 1 : 2;
        if (*hint && strstr(d.msg, "unknown key"))  /* a typo: the suggestion says more than the key list */
            return repl_fail(r, a, argi, "no parameter '%s' in the model%s", path, hint);
        return repl_fail(r, a, argi, "%s%s", d.msg, hint);
    }
    value_text(r, sc, path, now, sizeof now);
    fprintf(r->out, "%s: %s -> %s\n", path, old, now);
    return 0;
}

/* ---- undo, redo ------------------------------------------------------------------------------ */

/* Move one step from `from` to `to`: load the step's state; the current one goes on `to`. */
static int step(repl *r, const repl_args *a, repl_step *from, int *nfrom, repl_step *to, int *nto,
                const char *verb)
{
    if (!repl_arity(r, a, 0, 0)) return -1;
    if (*nfrom == 0) return repl_fail(r, a, -1, "nothing to %s", verb);
    repl_step *s = &from[*nfrom - 1];
    ss_scenario *sc = NULL;
    ss_diag d;
    if (s->state.path && !(sc = repl_edit_load(&s->state, &d)))
        return repl_fail(r, a, 0, "cannot %s '%s': %s", verb, s->what, d.msg);
    push_step(to, nto, &r->edit, s->what);
    fprintf(r->out, "%s: %s\n", strcmp(verb, "undo") == 0 ? "undone" : "redone", s->what);
    install(r, &s->state, sc, false);
    (*nfrom)--;
    if (!r->cur) fprintf(r->out, "(no scenario loaded now)\n");
    return 0;
}

int repl_cmd_undo(repl *r, const repl_args *a)
{
    return step(r, a, r->undo, &r->nundo, r->redo, &r->nredo, "undo");
}

int repl_cmd_redo(repl *r, const repl_args *a)
{
    return step(r, a, r->redo, &r->nredo, r->undo, &r->nundo, "redo");
}
