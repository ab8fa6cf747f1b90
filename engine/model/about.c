/* about: a model's name, description and effect assumptions from its resolved text. */
#include "about.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "luatext.h"
#include "reason.h"
#include "sandbox.h"
#include "sbuf.h"
#include "xalloc.h"

#define TAG_META "samsim.about.tag"

static int tag_value(lua_State *L, const char *kind)
{
    lua_settop(L, 2);
    ss_lua_push_tag(L, 1, 2, kind, TAG_META);
    return 1;
}

static int l_cite(lua_State *L) { return tag_value(L, "source"); }
static int l_assume(lua_State *L) { return tag_value(L, "assumption"); }
static int l_effect(lua_State *L) { return tag_value(L, "effect"); }
static int l_calibrated(lua_State *L)  /* calibrated(value, target, text) */
{
    lua_settop(L, 3);
    lua_remove(L, 2);
    return tag_value(L, "calibrated");
}

/* A string field of the table at idx, read raw (a stored text's metamethods must not run). */
static char *raw_string(lua_State *L, int idx, const char *key)
{
    lua_pushstring(L, key);
    const char *s = lua_rawget(L, idx) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    char *copy = xstrdup(s ? s : "");
    lua_pop(L, 1);
    return copy;
}

typedef struct collect {
    ss_model_about *a;
    int cap;
} collect;

static void add_effect(lua_State *L, const char *path, collect *c)
{
    if (c->a->neffects == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 16;
        c->a->effects = xrealloc(c->a->effects, (size_t)c->cap * sizeof *c->a->effects);
    }
    ss_buf v = {0};
    lua_pushliteral(L, "value");
    lua_rawget(L, -2);
    ss_lua_writer w = {.flags = SS_LUA_ONELINE | SS_LUA_DISPLAY, .tag_meta = TAG_META, .max_depth = 4, .max_bytes = 200};
    ss_lua_write(&v, L, -1, 0, &w);
    lua_pop(L, 1);
    c->a->effects[c->a->neffects++] = (ss_effect_assumption){.path = xstrdup(path), .value = v.s ? v.s : xstrdup(""),
                                                              .why = raw_string(L, lua_gettop(L), "text"),
                                                              .why_nb = raw_string(L, lua_gettop(L), "nb"), .source = xstrdup("")};
}

static void walk(lua_State *L, const ss_lua_key *k, const char *path, void *ud)
{
    (void)k;
    if (ss_lua_is_tag(L, -1, TAG_META)) {
        lua_pushliteral(L, "kind");
        lua_rawget(L, -2);
        bool effect = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "effect") == 0;
        lua_pop(L, 1);
        if (effect)
            add_effect(L, path, ud);
    } else if (lua_istable(L, -1)) {
        ss_lua_each_child(L, -1, path, walk, ud);
    }
}

/* The text after key on a header line of n bytes, or NULL when the line is not key's. */
static const char *after(const char *line, size_t n, const char *key, size_t *len)
{
    size_t k = strlen(key);
    if (n < k || strncmp(line, key, k) != 0) return NULL;
    *len = n - k;
    return line + k;
}

/* Replace *field by the len bytes at s. */
static void set_text(char **field, const char *s, size_t len)
{
    ss_buf t = {0};
    ss_buf_add(&t, s, len);
    free(*field);
    *field = t.s ? t.s : xstrdup("");
}

/* The header of a resolved text: "-- model: NAME" and "-- model description: TEXT" for each
 * described model applied (scenario.c), each followed by its Norwegian "-- model nb: ..." and
 * "-- model description nb: ..." when the overlay gives one.  Several names are joined by " + "
 * (in Norwegian, a model without a Norwegian name by its English one); the last description is
 * kept.  Reading stops at the first line that is not a comment. */
static void read_header(const char *text, ss_model_about *out)
{
    ss_buf name = {0}, name_nb = {0};
    bool any_nb = false, last_nb = true;  /* last_nb: the latest name has its Norwegian one */
    const char *last = NULL;
    size_t last_len = 0, len;
    for (const char *line = text; strncmp(line, "--", 2) == 0;) {
        const char *end = strchr(line, '\n'), *s;
        size_t n = end ? (size_t)(end - line) : strlen(line);
        if ((s = after(line, n, "-- model: ", &len))) {
            if (!last_nb) ss_buf_add(&name_nb, last, last_len);
            if (name.n) ss_buf_str(&name, " + "), ss_buf_str(&name_nb, " + ");
            ss_buf_add(&name, s, len);
            last = s, last_len = len, last_nb = false;
        } else if ((s = after(line, n, "-- model nb: ", &len))) {
            ss_buf_add(&name_nb, s, len);
            any_nb = last_nb = true;
        } else if ((s = after(line, n, "-- model description: ", &len))) {
            set_text(&out->description, s, len);
            set_text(&out->description_nb, "", 0);  /* a later model's description replaces both */
        } else if ((s = after(line, n, "-- model description nb: ", &len))) {
            set_text(&out->description_nb, s, len);
        }
        if (!end) break;
        line = end + 1;
    }
    if (!last_nb) ss_buf_add(&name_nb, last, last_len);
    if (name.n) {
        free(out->name);
        out->name = name.s;
        if (any_nb) set_text(&out->name_nb, name_nb.s, name_nb.n);
    } else {
        free(name.s);
    }
    free(name_nb.s);
}

static int by_path(const void *x, const void *y)
{
    const ss_effect_assumption *a = x, *b = y;
    int c = strcmp(a->path, b->path);
    return c ? c : strcmp(b->source, a->source);  /* of one path, the entry that says where first */
}

/* The rule files' effect assumptions from the header (scenario.c):
 *   -- rule effect: PATH = effect(VALUE, "why") @ rules/x.lua:29
 * each run as "return effect(...)" in the environment at env.  A line that does not read is left
 * out: a stored text may come from an older samsim. */
static void read_rule_effects(ss_sandbox *sb, int env, const char *text, collect *c)
{
    static const char key[] = "-- rule effect: ";
    lua_State *L = ss_sandbox_lua(sb);
    for (const char *line = text; strncmp(line, "--", 2) == 0;) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        char *l = xmalloc(n + 1);
        memcpy(l, line, n);
        l[n] = '\0';
        char *eq = strstr(l, " = "), *at = NULL;
        for (char *p = eq ? strstr(eq, " @ ") : NULL; p; p = strstr(p + 1, " @ "))
            at = p;
        if (strncmp(l, key, sizeof key - 1) == 0 && eq && at) {
            *eq = *at = '\0';
            ss_buf chunk = {0};
            ss_buf_fmt(&chunk, "return %s", eq + 3);
            ss_diag ignored;
            int top = lua_gettop(L);
            if (ss_sandbox_load(sb, chunk.s, chunk.n, "rule effect", env, &ignored) == 0 &&
                ss_sandbox_call(sb, 0, 1, &ignored) == 0 && ss_lua_is_tag(L, -1, TAG_META)) {
                add_effect(L, l + sizeof key - 1, c);
                free(c->a->effects[c->a->neffects - 1].source);
                c->a->effects[c->a->neffects - 1].source = xstrdup(at + 3);
            }
            lua_settop(L, top);
            free(chunk.s);
        }
        free(l);
        if (!end) break;
        line = end + 1;
    }
}

/* A path declared both in the text and in a rule-effect line (an overlay that sets a rule's
 * parameter with effect()): one entry, the one that says where (sorted first). */
static void free_effect(ss_effect_assumption *e)
{
    ss_free_all(e->path, e->value, e->why, e->why_nb, e->source);
}

static void drop_repeated(ss_model_about *a)
{
    int k = 0;
    for (int i = 0; i < a->neffects; i++) {
        if (k > 0 && strcmp(a->effects[k - 1].path, a->effects[i].path) == 0) {
            free_effect(&a->effects[i]);
            continue;
        }
        a->effects[k++] = a->effects[i];
    }
    a->neffects = k;
}

int ss_model_about_read(const char *resolved, const char *chunkname, ss_model_about *out, ss_diag *d)
{
    memset(out, 0, sizeof *out);
    ss_sandbox *sb = ss_sandbox_new(NULL, d);
    if (!sb) return -1;
    lua_State *L = ss_sandbox_lua(sb);
    luaL_newmetatable(L, TAG_META);
    lua_pop(L, 1);
    static const lua_CFunction tags[4] = {l_cite, l_assume, l_effect, l_calibrated};
    ss_lua_push_provenance_env(sb, tags);                 /* env */
    int env = lua_gettop(L);
    int rc = ss_sandbox_load(sb, resolved, strlen(resolved), chunkname, lua_gettop(L), d);
    if (rc == 0) rc = ss_sandbox_call(sb, 0, 1, d);       /* env scenario */
    if (rc == 0 && !lua_istable(L, -1)) rc = ss_fail(d, "%s: expected a scenario table", chunkname);
    if (rc == 0) {
        int top = lua_gettop(L);
        out->name = raw_string(L, top, "name");
        out->description = raw_string(L, top, "description");
        out->description_nb = xstrdup("");
        out->name_nb = xstrdup("");
        lua_pushliteral(L, "description");
        if (lua_rawget(L, top) == LUA_TTABLE) {           /* { "...", nb = "..." } (reason.h) */
            lua_rawgeti(L, -1, 1);
            if (lua_type(L, -1) == LUA_TSTRING) { free(out->description); out->description = xstrdup(lua_tostring(L, -1)); }
            lua_pop(L, 1);
            free(out->description_nb);
            out->description_nb = raw_string(L, lua_gettop(L), "nb");
        }
        lua_pop(L, 1);
        collect c = {.a = out};
        read_header(resolved, out);
        ss_lua_each_child(L, top, "", walk, &c);
        read_rule_effects(sb, env, resolved, &c);
        if (out->neffects > 1)
            qsort(out->effects, (size_t)out->neffects, sizeof *out->effects, by_path);  /* "demand.10" after "demand.2" too */
        drop_repeated(out);
    }
    ss_sandbox_free(sb);
    if (rc < 0) ss_model_about_free(out);
    return rc;
}

void ss_model_about_free(ss_model_about *a)
{
    for (int i = 0; i < a->neffects; i++)
        free_effect(&a->effects[i]);
    ss_free_all(a->effects, a->name, a->description, a->description_nb, a->name_nb);
    memset(a, 0, sizeof *a);
}

const char *ss_model_about_name(const ss_model_about *a, bool norwegian)
{
    return ss_reason_pick(a->name, a->name_nb, norwegian);
}

const char *ss_model_about_description(const ss_model_about *a, bool norwegian)
{
    return ss_reason_pick(a->description, a->description_nb, norwegian);
}

/* A sentence ends at ". " (not inside brackets, where "L31. L33" or "e.g. x" may stand). */
static size_t sentence_end(const char *s)
{
    int depth = 0;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] == '(') depth++;
        else if (s[i] == ')' && depth > 0) depth--;
        else if (s[i] == '.' && depth == 0 && (s[i + 1] == ' ' || s[i + 1] == '\0')) return i + 1;
    }
    return strlen(s);
}

void ss_model_about_line(const char *description, char *out, size_t max)
{
    size_t n = sentence_end(description);
    if (n + 1 <= max) {
        snprintf(out, max, "%.*s", (int)n, description);
        return;
    }
    size_t cut = max > 4 ? max - 4 : 0;
    while (cut > 0 && description[cut] != ' ') cut--;
    while (cut > 0 && strchr(",;:", description[cut - 1])) cut--;
    snprintf(out, max, "%.*s...", (int)cut, description);
}

static bool same_effect(const ss_effect_assumption *x, const ss_effect_assumption *y)
{
    return strcmp(x->value, y->value) == 0 && strcmp(x->why, y->why) == 0;
}

int ss_effects_differing(const ss_model_about *a, const ss_model_about *b, int (*pairs)[2], int max)
{
    int i = 0, j = 0, n = 0;
    while ((i < a->neffects || j < b->neffects) && n < max) {
        int c = i == a->neffects ? 1 : j == b->neffects ? -1 : strcmp(a->effects[i].path, b->effects[j].path);
        if (c == 0) {
            if (!same_effect(&a->effects[i], &b->effects[j]))
                pairs[n][0] = i, pairs[n][1] = j, n++;
            i++, j++;
        } else if (c < 0) {
            pairs[n][0] = i++, pairs[n][1] = -1, n++;
        } else {
            pairs[n][0] = -1, pairs[n][1] = j++, n++;
        }
    }
    return n;
}
