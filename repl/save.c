/* save: the model as a scenario file that `extends` the original.
 *
 * The engine's loader only knows `extends` (a file cannot apply overlays itself), so the saved
 * file holds what the overlays and set values did: the difference between the scenario file
 * alone and the model, as the nested table that `extends` merges back.  Values keep their
 * cite()/assume(), so the sources register stays whole.  After writing, the file is loaded
 * again and its resolved scenario compared with the model's (same hash: same model, same
 * numbers).  A function overlay that removed a key cannot be written this way (extends only adds
 * and replaces); then the whole resolved model is saved instead, and the planner is told. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "repl.h"

/* ---- the path in extends ------------------------------------------------------------------- */

/* target seen from the folder from_dir (both absolute): "../scenarios/x.lua".  Paths with
 * nothing in common but the root stay absolute. */
void repl_relative_path(const char *from_dir, const char *target, char *out, size_t n)
{
    size_t common = 0, i = 0;
    for (; from_dir[i] && from_dir[i] == target[i]; i++)
        if (from_dir[i] == '/') common = i;
    if (from_dir[i] == '\0' && target[i] == '/') common = i;  /* target is inside from_dir */
    if (common == 0) {
        snprintf(out, n, "%s", target);
        return;
    }
    ss_buf b = {0};
    for (const char *p = from_dir + common; *p; p++)
        if (*p == '/') ss_buf_str(&b, "../");
    ss_buf_str(&b, target + common + 1);
    snprintf(out, n, "%s", b.s);
    ss_buf_free(&b);
}

/* path made absolute and tidied by its text alone ("a/./b/../c" -> "a/c"), the way the loader
 * joins `extends` to the saved file's folder; realpath would see through a symlinked folder and
 * write a path the planner never typed. */
static void absolute(const char *path, char *out, size_t n)
{
    char joined[PATH_MAX * 2], cwd[PATH_MAX];
    if (path[0] == '/' || !getcwd(cwd, sizeof cwd)) snprintf(joined, sizeof joined, "%s", path);
    else snprintf(joined, sizeof joined, "%s/%s", cwd, path);
    char *parts[PATH_MAX / 2], *save = NULL;
    int k = 0;
    for (char *p = strtok_r(joined, "/", &save); p && k < PATH_MAX / 2; p = strtok_r(NULL, "/", &save)) {
        if (strcmp(p, ".") == 0) continue;
        if (strcmp(p, "..") == 0) { if (k > 0) k--; continue; }
        parts[k++] = p;
    }
    ss_buf b = {0};
    for (int i = 0; i < k; i++) ss_buf_fmt(&b, "/%s", parts[i]);
    snprintf(out, n, "%s", k ? b.s : "/");
    ss_buf_free(&b);
}

/* The folder FILE will be in, absolute; it must exist. */
static int folder_of(const char *file, char *out, size_t n)
{
    char abs[PATH_MAX];
    absolute(file, abs, sizeof abs);
    char *slash = strrchr(abs, '/');
    if (slash == abs) slash[1] = '\0';
    else *slash = '\0';
    snprintf(out, n, "%s", abs);
    struct stat st;
    if (stat(out, &st) != 0) return -1;
    if (!S_ISDIR(st.st_mode)) { errno = ENOTDIR; return -1; }
    return 0;
}

/* ---- the file -------------------------------------------------------------------------------- */

typedef struct save_ctx {
    int changes;
    ss_buf removed;
} save_ctx;

static void note_change(void *ud, const char *path, lua_State *L, int old_idx, int new_idx)
{
    save_ctx *c = ud;
    c->changes++;
    if (!new_idx) ss_buf_fmt(&c->removed, "%s%s", c->removed.n ? ", " : "", path);
}

static void write_changes(repl *r, FILE *f)
{
    for (int i = 0; i < r->edit.noverlays; i++) fprintf(f, "-- overlay applied: %s\n", r->edit.overlays[i]);
    for (int i = 0; i < r->edit.nsets; i++) fprintf(f, "-- set: %s\n", r->edit.sets[i]);
}

/* The patch (at the top of the stack) with extends set, as a scenario file. */
static void write_extension(repl *r, FILE *f, const char *extends)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    lua_pushstring(L, extends);
    lua_setfield(L, -2, "extends");                    /* the patch is a plain table */
    ss_buf b = {0};
    repl_tree_write(&b, L, -1, 0, 0);
    fprintf(f, "-- Saved by samsim repl: %s with the changes below.\n", r->edit.path);
    write_changes(r, f);
    fprintf(f, "return %s\n", b.s);
    ss_buf_free(&b);
}

/* When an overlay removed keys, a file that extends the original cannot say so (extends only
 * adds and replaces): then the whole model is written, which always reproduces it. */
static void write_whole(repl *r, FILE *f, const char *removed)
{
    fprintf(f, "-- Saved by samsim repl: the whole model, not an extension of %s, because an\n"
               "-- overlay removed %s, which extends cannot express.\n", r->edit.path, removed);
    write_changes(r, f);
    fputs(ss_scenario_text(r->cur->sc), f);
}

/* The same rule files (followed to the file itself: a saved file in another folder reaches
 * rules/x.lua as saved/../rules/x.lua, which the engine's rules hash tells apart). */
static bool same_rules(const ss_scenario *a, const ss_scenario *b)
{
    const ss_model *x = ss_scenario_model(a), *y = ss_scenario_model(b);
    if (x->nlua_rules != y->nlua_rules) return false;
    for (int i = 0; i < x->nlua_rules; i++) {
        char p[PATH_MAX], q[PATH_MAX];
        const ss_lua_rule *u = &x->lua_rules[i], *v = &y->lua_rules[i];
        if (!realpath(u->path, p) || !realpath(v->path, q) || strcmp(p, q) != 0 ||
            strcmp(u->point, v->point) != 0 || strcmp(u->field ? u->field : "", v->field ? v->field : "") != 0)
            return false;
    }
    return true;
}

/* Load the file back: the same resolved scenario and the same rule files mean the same model.
 * A file that does not reproduce it is removed: one that quietly differs would mislead. */
static int verify(repl *r, const repl_args *a, const save_ctx *c)
{
    ss_diag d;
    ss_scenario *back = ss_scenario_load(a->argv[1], NULL, &d);
    if (!back) {
        remove(a->argv[1]);
        return repl_fail(r, a, 1, "not saved: the file would not load: %s", d.msg);
    }
    bool same = strcmp(ss_scenario_hash(back), ss_scenario_hash(r->cur->sc)) == 0 && same_rules(back, r->cur->sc);
    ss_scenario_free(back);
    if (!same) {
        remove(a->argv[1]);
        return repl_fail(r, a, 1, "not saved: loading the file gave a different model (do its rule files resolve elsewhere?)");
    }
    if (c->removed.n)
        repl_say(r, "saved %s: the whole model, as an overlay removed %s (extends cannot express that); "
                "loading it gives the same model\n", a->argv[1], c->removed.s);
    else if (c->changes == 1)
        repl_say(r, "saved %s: %s with 1 change; loading it gives the same model\n", a->argv[1], r->edit.path);
    else
        repl_say(r, "saved %s: %s with %d changes; loading it gives the same model\n", a->argv[1],
                 r->edit.path, c->changes);
    return 0;
}

static int save(repl *r, const repl_args *a, const char *extends)
{
    lua_State *L = ss_sandbox_lua(r->sb);
    int top = lua_gettop(L);
    ss_diag d;
    if (repl_tree_push_loaded_and_edited(r, &d) < 0)
        return repl_fail(r, a, -1, "%s", d.msg);
    save_ctx c = {0};
    repl_tree_diff(L, top + 1, top + 2, note_change, &c);  /* base cur patch */
    FILE *f = fopen(a->argv[1], "w");
    int rc = f ? 0 : -1;
    if (f && c.removed.n) write_whole(r, f, c.removed.s);
    else if (f) write_extension(r, f, extends);
    if (f && fclose(f) != 0) rc = -1;
    lua_settop(L, top);
    if (rc < 0) rc = repl_fail(r, a, 1, "cannot write %s (%s)", a->argv[1], strerror(errno));
    else rc = verify(r, a, &c);
    ss_buf_free(&c.removed);
    return rc;
}

int repl_cmd_save(repl *r, const repl_args *a)
{
    if (!repl_need_model(r, a) || !repl_arity(r, a, 1, 1)) return -1;
    const char *file = a->argv[1];
    size_t n = strlen(file);
    if (n < 5 || strcmp(file + n - 4, ".lua") != 0)
        return repl_fail(r, a, 1, "a scenario file name ends in .lua");
    if (!r->base) return repl_fail(r, a, -1, "%s cannot be loaded on its own to extend it", r->edit.path);
    char dir[PATH_MAX], target[PATH_MAX], extends[PATH_MAX];
    if (folder_of(file, dir, sizeof dir) < 0) return repl_fail(r, a, 1, "no folder to save %s in (%s)", file, strerror(errno));
    absolute(r->edit.path, target, sizeof target);
    if (strcmp(dir, "/") == 0) snprintf(extends, sizeof extends, "%s", target);
    else repl_relative_path(dir, target, extends, sizeof extends);
    return save(r, a, extends);
}
