/* scenario: load, inherit, overlay, override, print back, hash, validate. */
#include "scenario.h"


#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <openssl/evp.h>

#include "calibration.h"
#include "luatext.h"
#include "model_read.h"
#include "reason.h"
#include "scenario_parts.h"
#include "source.h"
#include "xalloc.h"

struct ss_scenario {
    char *path;
    ss_sandbox *sb;
    int resolved_ref;   /* registry: the resolved table, citations kept */
    int origin_ref;     /* registry: path string -> file that set it */
    char *text;
    char hash[65];
    char rules_hash[65];
    ss_model *model;
    int unsourced;
    int register_ref;   /* registry: the resolved table with parameters as in force (the register) */
    char *params_text;  /* the parameters in force as Lua text, or NULL when no rule declares any */
};

/* ---- the public face ------------------------------------------------------------------- */

void ss_sha256_hex(const void *data, size_t n, char out[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(data, n, md, &len, EVP_sha256(), NULL);
    for (unsigned i = 0; i < len && i < 32; i++) sprintf(out + 2 * i, "%02x", md[i]);
    out[64] = '\0';
}

static const char *origin_of(void *ud, const char *path)
{
    ss_scenario *sc = ud;
    lua_State *L = ss_sandbox_lua(sc->sb);
    char p[1024];
    snprintf(p, sizeof p, "%s", path);
    const char *found = sc->path;
    lua_rawgeti(L, LUA_REGISTRYINDEX, sc->origin_ref);
    for (;;) {
        lua_getfield(L, -1, p);
        if (lua_type(L, -1) == LUA_TSTRING) {
            found = lua_tostring(L, -1);  /* anchored in the origin table */
            lua_pop(L, 1);
            break;
        }
        lua_pop(L, 1);
        char *dot = strrchr(p, '.');
        if (!dot) break;
        *dot = '\0';
    }
    lua_pop(L, 1);
    return found;
}

/* Hash the rule files by path and content, in the model's order. */
static int hash_rules(ss_scenario *sc, ss_diag *d)
{
    ss_buf all = {0};
    ss_buf_str(&all, "");
    for (int i = 0; i < sc->model->nlua_rules; i++) {
        const ss_lua_rule *r = &sc->model->lua_rules[i];
        size_t len;
        char *code = ss_source_read(r->path, SS_SOURCE_MAX_BYTES, &len, d);
        if (!code) { free(all.s); return -1; }
        ss_buf_fmt(&all, "%s\n", r->display);
        ss_buf_add(&all, code, len);
        free(code);
    }
    ss_sha256_hex(all.s, all.n, sc->rules_hash);
    free(all.s);
    return 0;
}

/* The rule files' parameters (scenario_params.c), and the register: the resolved table (on top)
 * with the parameters in force in place of those it gives.  The resolved text and its hash stay
 * as they are: declared values are the rule files' and hashed with them. */
static int take_rule_parameters(ss_scenario *sc, lua_State *L, ss_diag *d)
{
    if (sc_rule_parameters(sc->sb, sc->model, -1, origin_of, sc, d) < 0)
        return -1;                                     /* resolved eff */
    lua_newtable(L);                                   /* resolved eff register */
    lua_pushnil(L);
    while (lua_next(L, -4)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
    lua_pushnil(L);
    if (lua_next(L, -3)) {                             /* any parameter at all */
        lua_pop(L, 2);
        ss_buf text = {0};
        sc_write_lua(&text, L, -2);
        sc->params_text = text.s;
        lua_pushvalue(L, -2);
        lua_setfield(L, -2, "parameters");
    }
    sc_sources check = {.origin = origin_of, .origin_ud = sc, .d = d};
    sc_register_walk(L, -1, &check);                   /* ranges checked on rule parameters too */
    sc->unsourced = check.unsourced;
    sc->register_ref = luaL_ref(L, LUA_REGISTRYINDEX);  /* resolved eff */
    if (check.failed) {
        lua_pop(L, 1);
        return -1;
    }
    lua_pop(L, 1);
    return 0;
}

/* The effect assumptions in force that the rule files declare (parameters.*), as header comments
 * of the resolved text, one a line:
 *   -- rule effect: parameters.triage.right_first_time = effect(1, "why") @ rules/common/triage.lua:29
 * Comments, so the model's hash stays the same; the middle is Lua, so model/about.c reads it back
 * with the scenario's own helpers.  A verdict read from a stored run then names the assumptions
 * the model's rules make, as well as those its scenario text declares. */
static void add_rule_effect_lines(ss_scenario *sc)
{
    ss_effect *e;
    int n = ss_scenario_effects(sc, &e);
    ss_buf lines = {0};
    for (int i = 0; i < n; i++) {
        if (strncmp(e[i].path, "parameters.", strlen("parameters.")) != 0)
            continue;
        ss_buf_fmt(&lines, "-- rule effect: %s = effect(%s, ", e[i].path, e[i].value);
        ss_reason_write(&lines, e[i].reason, e[i].reason_nb);
        ss_buf_fmt(&lines, ") @ %s\n", e[i].source);
    }
    free(e);
    const char *body = strstr(sc->text, "\nreturn ");
    if (lines.n && body) {
        ss_buf whole = {0};
        ss_buf_add(&whole, sc->text, (size_t)(body + 1 - sc->text));
        ss_buf_add(&whole, lines.s, lines.n);
        ss_buf_str(&whole, body + 1);
        free(sc->text);
        sc->text = whole.s;
    }
    free(lines.s);
}

/* The resolved scenario (the table on top of L) as a Lua chunk in sc->text, its hash in sc->hash:
 * the hash is taken before the model's names are put in, so a copy saved under another name
 * hashes the same. */
static void resolve_text(ss_scenario *sc, lua_State *L)
{
    ss_buf text = {0}, header = {0};
    ss_buf_str(&text, "-- resolved by samsim: extends, overlays and --set applied\nreturn ");
    sc_write_lua(&text, L, -1);
    ss_buf_str(&text, "\n");
    ss_sha256_hex(text.s, text.n, sc->hash);
    sc_write_model_header(&header, L);
    if (header.n) {                             /* the names go after the first line */
        size_t first = (size_t)(strchr(text.s, '\n') - text.s) + 1;
        ss_buf whole = {0};
        ss_buf_add(&whole, text.s, first);
        ss_buf_add(&whole, header.s, header.n);
        ss_buf_str(&whole, text.s + first);
        free(text.s);
        text = whole;
    }
    free(header.s);
    sc->text = text.s;
}

ss_scenario *ss_scenario_load(const char *path, const ss_scenario_opts *opts, ss_diag *d)
{
    ss_scenario *sc = calloc(1, sizeof *sc);
    sc->path = strdup(path);
    sc->resolved_ref = sc->origin_ref = sc->register_ref = LUA_NOREF;
    sc->sb = ss_sandbox_new(NULL, d);
    if (!sc->sb) { ss_scenario_free(sc); return NULL; }
    lua_State *L = ss_sandbox_lua(sc->sb);
    lua_newtable(L);
    int origin_idx = lua_gettop(L);
    lua_newtable(L);
    int chain_idx = lua_gettop(L);
    int rc = sc_load_chain(sc->sb, path, origin_idx, chain_idx, 0, d);
    for (int i = 0; rc == 0 && opts && i < opts->noverlays; i++)
        rc = sc_apply_overlay(sc->sb, opts->overlays[i], origin_idx, chain_idx, d);
    for (int i = 0; rc == 0 && opts && i < opts->nsets; i++)
        rc = sc_apply_set(sc->sb, opts->sets[i], origin_idx, d);
    if (rc < 0) { ss_scenario_free(sc); return NULL; }
    lua_remove(L, chain_idx);
    /* origin resolved */
    lua_pushvalue(L, origin_idx);
    sc->origin_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    resolve_text(sc, L);
    sc_deep_copy(L, -1);                 /* origin resolved copy */
    sc_unwrap(L, -1);
    lua_pushnil(L);                   /* the targets describe results, not the model */
    lua_setfield(L, -2, "calibration");
    lua_pushnil(L);                   /* the rules' parameters: checked against the rule files below */
    lua_setfield(L, -2, "parameters");
    sc->model = ss_model_build(L, -1, origin_of, sc, d);
    lua_pop(L, 1);
    if (sc->model && ss_calibration_check(L, -1, sc->model, origin_of, sc, d) < 0) {
        ss_scenario_free(sc);
        return NULL;
    }
    if (sc->model && take_rule_parameters(sc, L, d) < 0) {
        ss_scenario_free(sc);
        return NULL;
    }
    sc->resolved_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);
    if (!sc->model || hash_rules(sc, d) < 0) { ss_scenario_free(sc); return NULL; }
    add_rule_effect_lines(sc);
    return sc;
}

void ss_scenario_free(ss_scenario *sc)
{
    if (!sc) return;
    ss_model_free(sc->model);
    ss_sandbox_free(sc->sb);
    ss_free_all(sc->text, sc->params_text, sc->path, sc);
}

const char *ss_scenario_path(const ss_scenario *sc) { return sc->path; }
const ss_model *ss_scenario_model(const ss_scenario *sc) { return sc->model; }
const char *ss_scenario_text(const ss_scenario *sc) { return sc->text; }
const char *ss_scenario_hash(const ss_scenario *sc) { return sc->hash; }
const char *ss_scenario_rules_hash(const ss_scenario *sc) { return sc->rules_hash; }
int ss_scenario_unsourced(const ss_scenario *sc) { return sc->unsourced; }
const char *ss_scenario_parameters_text(const ss_scenario *sc) { return sc->params_text; }

void ss_scenario_print_sources(const ss_scenario *sc, FILE *f, bool norwegian)
{
    lua_State *L = ss_sandbox_lua(sc->sb);
    fprintf(f, "%-48s %-12s %-10s %s\n", "parameter", "value", "kind", "source or reason");
    lua_rawgeti(L, LUA_REGISTRYINDEX, sc->register_ref);
    sc_register(L, -1, f, norwegian);
    ss_calibration_print(L, -1, f, norwegian);
    lua_pop(L, 1);
}

/* The register (the resolved scenario with the rule files' parameters in force), walked. */
static void walk_register(const ss_scenario *sc, sc_sources *out)
{
    lua_State *L = ss_sandbox_lua(sc->sb);
    lua_rawgeti(L, LUA_REGISTRYINDEX, sc->register_ref);
    sc_register_walk(L, -1, out);
    lua_pop(L, 1);
}

int ss_scenario_ranged(const ss_scenario *sc, ss_ranged **out)
{
    sc_sources list = {.origin = origin_of, .origin_ud = (void *)sc, .collect = true};
    walk_register(sc, &list);
    *out = list.ranged;
    return list.nranged;
}

int ss_scenario_effects(const ss_scenario *sc, ss_effect **out)
{
    sc_sources list = {.origin = origin_of, .origin_ud = (void *)sc, .collect_effects = true};
    walk_register(sc, &list);
    *out = list.effects;
    return list.neffects;
}

int ss_scenario_calibration_targets(const ss_scenario *sc, ss_target **out)
{
    lua_State *L = ss_sandbox_lua(sc->sb);
    lua_rawgeti(L, LUA_REGISTRYINDEX, sc->resolved_ref);
    int n = ss_calibration_targets(L, -1, sc->model, out);
    lua_pop(L, 1);
    return n;
}

int ss_scenario_print_untranslated(const ss_scenario *sc, FILE *f, int *reasons)
{
    sc_sources count = {.origin = origin_of, .origin_ud = (void *)sc};
    walk_register(sc, &count);
    *reasons = count.reasons;
    if (count.reasons_nb == 0 || count.reasons_nb == count.reasons) return 0;
    sc_sources name = {.origin = origin_of, .origin_ud = (void *)sc, .untranslated = f};
    walk_register(sc, &name);
    return count.reasons - count.reasons_nb;
}

int ss_scenario_print_unranged(const ss_scenario *sc, FILE *f)
{
    sc_sources strict = {.origin = origin_of, .origin_ud = (void *)sc, .strict = f};
    walk_register(sc, &strict);
    return strict.unranged;
}
