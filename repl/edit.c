/* edit: the model the planner changes — a scenario file, overlays and set values — with undo.
 *
 * The model is never changed in place: a change builds the next edit state, loads it through
 * the engine's own loader (extends, overlays, --set, validation), and only when that succeeds
 * does it become the model.  So an error leaves the model exactly as it was, and undo is just
 * loading an earlier state again. */
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "overlay_path.h"
#include "parse.h"
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
    ss_buf b = {0};
    ss_buf_str(&b, e->path ? e->path : "(nothing loaded)");
    for (int i = 0; i < e->noverlays; i++) ss_buf_fmt(&b, " + %s", e->overlays[i]);
    for (int i = 0; i < e->nsets; i++) ss_buf_fmt(&b, "%s%s", i ? ", " : ", set ", e->sets[i]);
    snprintf(out, n, "%s", b.s);
    ss_buf_free(&b);
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

/* The loader's message without the command-line flag: in the REPL the line with its caret says
 * where the value came from ("--set: services.x.fte: ..." -> "services.x.fte: ..."). */
static const char *without_flag(const char *msg)
{
    if (strncmp(msg, "--set: ", 7) == 0) return msg + 7;
    const char *colon = strncmp(msg, "--set ", 6) == 0 ? strstr(msg, ": ") : NULL;
    return colon ? colon + 2 : msg;
}

/* The loader's message in the REPL's words: without a leading flag, and "--set" inside it (as in
 * "add capacity with --set") is the REPL's 'set'. */
static void in_repl_words(const char *msg, char *out, size_t n)
{
    size_t used = 0;
    out[0] = '\0';
    const char *p = without_flag(msg);
    for (const char *hit; (hit = strstr(p, "--set")) && used < n; p = hit + 5)
        used += (size_t)snprintf(out + used, n - used, "%.*s'set'", (int)(hit - p), p);
    if (used < n) snprintf(out + used, n - used, "%s", p);
}

/* Report the loader's failure in the REPL's words. */
static int fail_loader(repl *r, const repl_args *a, int argi, const ss_diag *d)
{
    char msg[sizeof d->msg];
    in_repl_words(d->msg, msg, sizeof msg);
    return repl_fail(r, a, argi, "%s", msg);
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
    if (!sc) return fail_loader(r, a, 1, &d);
    const ss_model *m = ss_scenario_model(sc);
    repl_scenario_language(r, m);
    if (r->baseline.path) repl_say(r, "(the baseline is %s as loaded again)\n", a->argv[1]);
    repl_baseline_forget(r);  /* a baseline chosen in another model does not carry over */
    char start[11];
    ss_calendar_format(&m->cal, 0, start);
    repl_say(r, "loaded %s: ", a->argv[1]);
    fprintf(r->out, "%s\n", m->name);  /* as written: "0-23, 2021" is not an interval to localise */
    repl_say(r, "  %d services, %d doors; %.0f days from %s, the first %.0f not counted (warm-up)\n", m->nservices,
             m->ndoors, m->horizon, start, m->warmup);
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
    char file[1024];
    ss_diag d;
    if (ss_overlay_locate(r->edit.path, a->argv[1], file, sizeof file, &d) < 0) return repl_fail(r, a, 1, "%s", d.msg);
    if (find_overlay(&r->edit, file) >= 0)
        return repl_fail(r, a, 1, "%s is already applied", file);
    if (r->edit.noverlays == REPL_MAX_LIST)
        return repl_fail(r, a, 1, "too many overlays (at most %d)", REPL_MAX_LIST);
    repl_edit next;
    repl_edit_copy(&next, &r->edit);
    next.overlays[next.noverlays++] = strdup(file);  /* the file found, so undo, save and compare name it */
    repl_scen *before = repl_scen_hold(r->cur);
    char what[256];
    what_of(a, what, sizeof what);
    const ss_scenario *sc = change_to(r, &next, what, false, &d);
    if (sc) {
        int n = repl_count_differences(r, before->sc, sc);
        if (n == 1) repl_say(r, "applied %s: 1 value changed ('show diff' lists it)\n", file);
        else repl_say(r, "applied %s: %d values changed ('show diff' lists them)\n", file, n);
    }
    repl_scen_release(before);
    return sc ? 0 : fail_loader(r, a, 1, &d);
}

int repl_cmd_unapply(repl *r, const repl_args *a)
{
    if (!repl_need_model(r, a) || !repl_arity(r, a, 0, 1)) return -1;
    if (r->edit.noverlays == 0) return repl_fail(r, a, a->argc > 1 ? 1 : -1, "no overlay is applied");
    int i = a->argc > 1 ? find_overlay(&r->edit, a->argv[1]) : r->edit.noverlays - 1;
    char file[1024];
    ss_diag found;
    if (i < 0 && ss_overlay_locate(r->edit.path, a->argv[1], file, sizeof file, &found) == 0)
        i = find_overlay(&r->edit, file);  /* named as for apply: "unapply familiens-hus" */
    if (i < 0) {
        ss_buf list = {0};
        for (int k = 0; k < r->edit.noverlays; k++) ss_buf_fmt(&list, "%s%s", k ? ", " : "", r->edit.overlays[k]);
        int rc = repl_fail(r, a, 1, "%s is not applied (applied: %s)", a->argv[1], list.s);
        ss_buf_free(&list);
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
    if (ok) repl_say(r, "removed %s\n", gone);
    int rc = ok ? 0 : fail_loader(r, a, a->argc > 1 ? 1 : -1, &d);
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
    snprintf(out, n, "%s", repl_w(r, "(not set)"));
    if (repl_tree_push(r->sb, sc, false, &d) == 0) {
        repl_tree_get(L, -1, path);
        if (!lua_isnil(L, -1)) {
            ss_buf b = {0};
            repl_tree_write(&b, L, -1, 0, REPL_TREE_ONELINE);
            snprintf(out, n, "%s", b.s);
            ss_buf_free(&b);
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

/* The string keys of the table at idx, sorted, at most max (anchored while the table is). */
static int table_keys(lua_State *L, int idx, const char **out, int max)
{
    int n = 0;
    idx = lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (n < max && lua_type(L, -2) == LUA_TSTRING) out[n++] = lua_tostring(L, -2);
        lua_pop(L, 1);
    }
    for (int i = 1; i < n; i++)  /* insertion sort: a few dozen ids */
        for (int j = i; j > 0 && strcmp(out[j - 1], out[j]) > 0; j--) {
            const char *t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
        }
    return n;
}

/* "unknown service 'fph' (did you mean fph_barn, fph_voksen?)" for a path whose segment after
 * the table of ids at parent (pushed at tree) names no id. */
static int unknown_id(repl *r, const repl_args *a, lua_State *L, int tree, const char *kind, const char *parent,
                      const char *id)
{
    repl_tree_get(L, tree, parent);                  /* ids */
    const char *ids[256];
    int n = table_keys(L, -1, ids, 256);
    char near[512];
    int rc = ss_near_names(id, ids, n, near, sizeof near)
                 ? repl_fail(r, a, 1, "unknown %s '%s' (did you mean %s?)", repl_w(r, kind), id, near)
                 : repl_fail(r, a, 1, "unknown %s '%s' ('show services' lists them)", repl_w(r, kind), id);
    lua_pop(L, 1);
    return rc;
}

/* "set fph_barn fte 10": the first word is an id, not a path.  The command meant, or "". */
static void id_as_path(ss_lang lang, lua_State *L, int tree, const repl_args *a, const char *word, char *out,
                       size_t n)
{
    static const char *const tables[] = {"services", "doors", "population"};
    out[0] = '\0';
    for (size_t i = 0; i < sizeof tables / sizeof *tables && !out[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s.%s", tables[i], word);
        if (repl_tree_get(L, tree, path) == 2 && a->argc >= 4) {
            char rest[1024];
            repl_args_rest(a, 3, rest, sizeof rest);
            snprintf(out, n, ss_words(lang, " (did you mean 'set %s.%s %s'?)"), path, a->argv[2], rest);
        } else if (repl_tree_get(L, tree, path) == 2) {
            snprintf(out, n, ss_words(lang, " (%s is in %s: its parameters are %s.PARAMETER, e.g. %s.fte)"), word,
                     tables[i], path, path);
        }
        lua_pop(L, 2);
    }
}

/* The parent of the path must exist, and an id in it must be one the scenario defines; the last
 * key may be new (the loader then says whether it is allowed), except at the top. */
static int check_path(repl *r, const repl_args *a, const char *path, int *found)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    int top = lua_gettop(L);
    ss_diag d;
    *found = 0;
    if (repl_tree_push(r->sb, r->cur->sc, false, &d) < 0) return repl_fail(r, a, 1, "%s", d.msg);
    int tree = lua_gettop(L), nseg = count_segments(path);
    *found = repl_tree_get(L, tree, path);           /* tree value */
    lua_pop(L, 1);
    int rc = 0;
    if (*found < nseg - 1 || *found == 0) {
        char missing[512], parent[512], hint[512];
        prefix_of(path, *found + 1, missing, sizeof missing);
        prefix_of(path, *found, parent, sizeof parent);
        const char *seg = *found ? missing + strlen(parent) + 1 : missing;
        const char *kind = *found ? ss_scenario_id_kind(parent) : NULL;
        if (kind) {
            rc = unknown_id(r, a, L, tree, kind, parent, seg);
        } else {
            if (*found == 0) id_as_path(r->lang, L, tree, a, seg, hint, sizeof hint);
            if (*found > 0 || !hint[0]) repl_tree_suggest(r->lang, L, tree, path, *found, hint, sizeof hint);
            rc = repl_fail(r, a, 1, "no parameter '%s' in the model%s", missing, hint);
        }
    }
    lua_settop(L, top);
    return rc;
}

/* " (did you mean ...)" for the last key of a path the loader did not know. */
static void leaf_hint(repl *r, const char *path, int found, char *out, size_t n)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    int top = lua_gettop(L);
    ss_diag d;
    out[0] = '\0';
    if (found == count_segments(path) - 1 && repl_tree_push(r->sb, r->cur->sc, false, &d) == 0)
        repl_tree_suggest(r->lang, L, -1, path, found, out, n);
    lua_settop(L, top);
}

static void add_set(repl_edit *e, const char *path, const char *value)
{
    size_t plen = strlen(path);
    ss_buf spec = {0};
    ss_buf_fmt(&spec, "%s=%s", path, value);
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

/* The number at path in the model, or false. */
static bool number_at(repl *r, const char *path, double *x)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    int top = lua_gettop(L);
    ss_diag d;
    bool ok = repl_tree_push(r->sb, r->cur->sc, false, &d) == 0;
    if (ok) {
        repl_tree_get(L, -1, path);
        ok = lua_type(L, -1) == LUA_TNUMBER;
        if (ok) *x = lua_tonumber(L, -1);
    }
    lua_settop(L, top);
    return ok;
}

/* "+2", "-1", "*1.1", "/2": a change relative to the value the model has now, turned into the
 * value it gives (so undo, save and the run's label hold plain numbers).  value is replaced and
 * how says the sum ("8 + 2"); returns 1 when relative, 0 when not, -1 when reported. */
static int relative(repl *r, const repl_args *a, const char *path, char *value, size_t vn, char *how, size_t hn)
{
    char op = value[0], number[64];
    if (!op || !strchr("+-*/", op)) return 0;
    const char *text = value + 1;
    while (*text == ' ') text++;
    bool ambiguous;
    if (ss_parse_decimal_comma(text, number, sizeof number, &ambiguous)) text = number;
    char *end;
    double by = strtod(text, &end);
    if (end == text || *end || ambiguous) return 0;  /* not a number after the sign: the loader reads it */
    double old;
    int argi = a->argc == 2 ? 1 : 2;
    if (!number_at(r, path, &old))
        return repl_fail(r, a, argi, "%c%s changes a number, and %s is not one", op, text, path);
    if (op == '/' && by == 0) return repl_fail(r, a, argi, "cannot divide by 0");
    double now = op == '+' ? old + by : op == '-' ? old - by : op == '*' ? old * by : old / by;
    snprintf(value, vn, "%.12g", now);  /* 12 digits: 8 * 1.1 is 8.8, not 8.800000000000001 */
    snprintf(how, hn, " (%.12g %c %.12g)", old, op, by);
    return 1;
}

int repl_cmd_set(repl *r, const repl_args *a)
{
    if (!repl_need_model(r, a)) return -1;
    char path[512], value[1536], how[128] = "";
    int found = 0;
    if (split_set(r, a, path, sizeof path, value, sizeof value) < 0 || check_path(r, a, path, &found) < 0)
        return -1;
    if (r->edit.nsets == REPL_MAX_LIST) return repl_fail(r, a, 1, "too many set values (at most %d)", REPL_MAX_LIST);
    char number[64];
    bool ambiguous;
    if (relative(r, a, path, value, sizeof value, how, sizeof how) < 0) return -1;
    if (ss_parse_decimal_comma(value, number, sizeof number, &ambiguous)) snprintf(value, sizeof value, "%s", number);
    char old[256], now[256], what[256];
    double x_old, x_now;
    bool was_number = number_at(r, path, &x_old);
    value_text(r, r->cur->sc, path, old, sizeof old);
    repl_edit next;
    repl_edit_copy(&next, &r->edit);
    add_set(&next, path, value);
    what_of(a, what, sizeof what);
    ss_diag d;
    const ss_scenario *sc = change_to(r, &next, what, false, &d);
    if (!sc) {
        char msg[sizeof d.msg];
        in_repl_words(d.msg, msg, sizeof msg);
        bool on_path = blame(msg, found, count_segments(path)) == 1;
        char hint[512] = "";
        if (on_path) leaf_hint(r, path, found, hint, sizeof hint);
        int argi = a->argc == 2 ? 1 : on_path ? 1 : 2;
        if (*hint && strstr(msg, "unknown key"))  /* a typo: the suggestion says more than the key list */
            return repl_fail(r, a, argi, "no parameter '%s' in the model%s", path, hint);
        return repl_fail(r, a, argi, "%s%s", msg, hint);
    }
    value_text(r, sc, path, now, sizeof now);
    if (was_number && number_at(r, path, &x_now)) {  /* as many digits as tell them apart */
        repl_number_text(old, sizeof old, x_old, x_now);
        repl_number_text(now, sizeof now, x_now, x_old);
    }
    repl_say(r, "%s: %s -> %s%s\n", path, old, now, how);
    return 0;
}

/* ---- undo, redo ------------------------------------------------------------------------------ */

/* Move one step from `from` to `to`: load the step's state; the current one goes on `to`. */
static int step(repl *r, const repl_args *a, repl_step *from, int *nfrom, repl_step *to, int *nto,
                const char *verb)
{
    if (!repl_arity(r, a, 0, 0)) return -1;
    bool undo = strcmp(verb, "undo") == 0;
    if (*nfrom == 0) return repl_fail(r, a, -1, undo ? "nothing to undo" : "nothing to redo");
    repl_step *s = &from[*nfrom - 1];
    ss_scenario *sc = NULL;
    ss_diag d;
    if (s->state.path && !(sc = repl_edit_load(&s->state, &d)))
        return repl_fail(r, a, 0, undo ? "cannot undo '%s': %s" : "cannot redo '%s': %s", s->what, without_flag(d.msg));
    push_step(to, nto, &r->edit, s->what);
    repl_say(r, undo ? "undone: %s\n" : "redone: %s\n", s->what);
    install(r, &s->state, sc, false);
    (*nfrom)--;
    if (!r->cur) repl_say(r, "(no scenario loaded now)\n");
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
