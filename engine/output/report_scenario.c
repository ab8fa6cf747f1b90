/* report_scenario: the resolved scenario texts stored with each run, read back in the sandbox:
 * what an option changes (a diff) and the assumptions register. */
#include "report_parts.h"

#include <inttypes.h>
#include <stddef.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "sandbox.h"
#include "xalloc.h"

/* ==== reading resolved scenarios in the sandbox ======================================================= */

/* Runs in the sandbox with the stored text, which is data: cite/assume become tagged tables, a
 * diff walks two such tables, and the register lists every tagged value and untagged number.
 * Tables with [1] set (lists, distributions) are compared and printed whole, as scenario.c
 * merges them whole. */
static const char scenario_reader_lua[] =
    "local TAG = {}\n"
    "local function reason(text)\n"   /* "English", or { "English", nb = "Norsk" } (model/reason.h) */
    "  if type(text) == 'table' then return rawget(text, 1), rawget(text, 'nb') end\n"
    "  return text, nil\n"
    "end\n"
    "local function tag(kind)\n"
    "  return function(v, text)\n"
    "    local en, nb = reason(text)\n"
    "    return setmetatable({ value = v, text = en, nb = nb, kind = kind }, TAG)\n"
    "  end\n"
    "end\n"
    "local function is_tag(v) return type(v) == 'table' and getmetatable(v) == TAG end\n"
    "local function before(a, b)\n"
    "  local ta, tb = type(a), type(b)\n"
    "  if ta ~= tb then return ta == 'number' end\n"
    "  if ta == 'number' or ta == 'string' then return a < b end\n"
    "  return tostring(a) < tostring(b)\n"
    "end\n"
    "local function sorted_keys(t, u)\n"
    "  local ks, seen = {}, {}\n"
    "  for k in pairs(t) do ks[#ks + 1] = k; seen[k] = true end\n"
    "  if u then for k in pairs(u) do if not seen[k] then ks[#ks + 1] = k end end end\n"
    "  table.sort(ks, before)\n"
    "  return ks\n"
    "end\n"
    "local show\n"
    "local function show_table(t)\n"
    "  local parts, n = {}, #t\n"
    "  for _, k in ipairs(sorted_keys(t)) do\n"
    "    if math.type(k) == 'integer' and k >= 1 and k <= n then parts[#parts + 1] = show(t[k])\n"
    "    else parts[#parts + 1] = tostring(k) .. ' = ' .. show(t[k]) end\n"
    "  end\n"
    "  return '{ ' .. table.concat(parts, ', ') .. ' }'\n"
    "end\n"
    "show = function(v)\n"
    "  if is_tag(v) then return show(v.value) end\n"
    "  if type(v) == 'table' then return show_table(v) end\n"
    "  if type(v) == 'string' then return '\"' .. v .. '\"' end\n"
    "  if math.type(v) == 'float' then\n"
    "    if v == math.floor(v) and math.abs(v) < 1e15 then return string.format('%.1f', v) end\n"
    "    return string.format('%.10g', v)\n"
    "  end\n"
    "  return tostring(v)\n"
    "end\n"
    "local function whole(v) return type(v) ~= 'table' or is_tag(v) or rawget(v, 1) ~= nil end\n"
    "local function diff(a, b, prefix, out)\n"
    "  for _, k in ipairs(sorted_keys(a, b)) do\n"
    "    local p, va, vb = prefix .. tostring(k), a[k], b[k]\n"
    "    if va ~= nil and vb ~= nil and not whole(va) and not whole(vb) then diff(va, vb, p .. '.', out)\n"
    "    else\n"
    "      local sa, sb = va ~= nil and show(va) or '', vb ~= nil and show(vb) or ''\n"
    "      if sa ~= sb then out[#out + 1] = { path = p, old = sa, new = sb } end\n"
    "    end\n"
    "  end\n"
    "  return out\n"
    "end\n"
    "local function register(t, prefix, out)\n"
    "  for _, k in ipairs(sorted_keys(t)) do\n"
    "    local p, v = prefix .. tostring(k), t[k]\n"
    "    if is_tag(v) then\n"
    "      out[#out + 1] = { path = p, value = show(v.value), kind = v.kind, text = v.text, text_nb = v.nb, target = v.target }\n"
    "    elseif type(v) == 'table' then register(v, p .. '.', out)\n"
    "    elseif type(v) == 'number' then out[#out + 1] = { path = p, value = show(v), kind = 'missing', text = '' } end\n"
    "  end\n"
    "  return out\n"
    "end\n"
    "local AUDIT_KEYS = { 'text', 'source', 'law', 'metric', 'service', 'at_least', 'at_most', 'not_simulated',\n"
    "                     'finding', 'finding_source' }\n"
    "local function audit(t)\n"
    "  local a, out = rawget(t, 'audit'), {}\n"
    "  if type(a) ~= 'table' then return out end\n"
    "  local ids = {}\n"
    "  for _, id in ipairs(sorted_keys(a)) do if type(rawget(a, id)) == 'table' then ids[#ids + 1] = id end end\n"
    "  local function order(id)\n"
    "    local o = rawget(rawget(a, id), 'order'); if is_tag(o) then o = o.value end\n"
    "    return type(o) == 'number' and o or math.huge\n"
    "  end\n"
    "  table.sort(ids, function(x, y) if order(x) ~= order(y) then return order(x) < order(y) end; return tostring(x) < tostring(y) end)\n"
    "  for _, id in ipairs(ids) do\n"
    "    local row, c = { id = tostring(id) }, rawget(a, id)\n"
    "    for _, k in ipairs(AUDIT_KEYS) do\n"
    "      local v = rawget(c, k)\n"
    "      if is_tag(v) then v = v.value end\n"
    "      local en, nb = reason(v)\n"
    "      if type(v) == 'number' then row[k] = string.format('%.17g', v)\n"
    "      elseif type(en) == 'string' then row[k] = en end\n"
    "      if type(nb) == 'string' then row[k .. '_nb'] = nb end\n"
    "    end\n"
    "    out[#out + 1] = row\n"
    "  end\n"
    "  return out\n"
    "end\n"
    "local function named(kind, t, out)\n"
    "  if type(t) ~= 'table' then return end\n"
    "  for _, id in ipairs(sorted_keys(t)) do\n"
    "    local v = rawget(t, id)\n"
    "    if is_tag(v) then v = v.value end\n"
    "    if type(v) == 'table' then v = rawget(v, 'name'); if is_tag(v) then v = v.value end end\n"
    "    if type(v) == 'string' then out[#out + 1] = { kind = kind, id = tostring(id), name = v } end\n"
    "  end\n"
    "end\n"
    "local function names(t)\n"
    "  local out, o = {}, rawget(t, 'organisation')\n"
    "  named('doors', rawget(t, 'doors'), out)\n"
    "  if type(o) == 'table' then\n"
    "    for _, k in ipairs({ 'units', 'buildings', 'leaders', 'sectors' }) do named(k, rawget(o, k), out) end\n"
    "  end\n"
    "  return out\n"
    "end\n"
    "return {\n"
    "  audit = audit, names = names,\n"
    "  cite = tag('source'), assume = tag('assumption'), effect = tag('effect'),\n"
    "  calibrated = function(v, target, text)\n"
    "    local en, nb = reason(text)\n"
    "    local t = tag('calibrated')(v, 'to target ' .. target .. ': ' .. en); t.target = target\n"
    "    if type(nb) == 'string' then t.nb = nb end\n"   /* the report names the target in its own words */
    "    return t\n"
    "  end,\n"
    "  diff = function(a, b) return diff(a, b, '', {}) end,\n"
    "  register = function(t) return register(t, '', {}) end,\n"
    "}\n";

/* Pushes the reader's table of functions. */
static int push_reader(ss_sandbox *sb, ss_diag *d)
{
    if (ss_sandbox_load(sb, scenario_reader_lua, sizeof scenario_reader_lua - 1, "report: scenario reader", 0, d) < 0)
        return -1;
    return ss_sandbox_call(sb, 0, 1, d);
}

/* Pushes the table a stored resolved text returns; its chunk sees only the provenance helpers and the safe
 * globals (math.huge appears in printed infinities). */
static int push_resolved(ss_sandbox *sb, int reader, const char *text, const char *name, ss_diag *d)
{
    lua_State *L = ss_sandbox_lua(sb);
    ss_sandbox_push_env(sb);                           /* env */
    const char *helpers[] = {"cite", "assume", "effect", "calibrated"};
    for (int i = 0; i < 4; i++) {
        lua_pushstring(L, helpers[i]);                 /* env name */
        lua_getfield(L, reader, helpers[i]);           /* env name fn */
        lua_rawset(L, -3);                             /* env */
    }
    int rc = ss_sandbox_load(sb, text, strlen(text), name, lua_gettop(L), d);
    lua_remove(L, rc == 0 ? -2 : -1);                  /* chunk | (nothing) */
    if (rc < 0 || ss_sandbox_call(sb, 0, 1, d) < 0)
        return -1;
    if (!lua_istable(L, -1)) {
        lua_pop(L, 1);
        return ss_fail(d, "%s: the stored scenario does not return a table", name);
    }
    return 0;
}

static char *field_text(lua_State *L, int idx, const char *key)
{
    lua_getfield(L, idx, key);
    char *s = xstrdup(lua_tostring(L, -1) ? lua_tostring(L, -1) : "");
    lua_pop(L, 1);
    return s;
}

/* What one of the reader's functions returns: the function, what the caller failed to do when it
 * fails, and the text fields of an output element (all char *): their names in the reader's rows,
 * and where they sit in the element of size bytes. */
typedef struct text_fields {
    const char *fn, *what;
    size_t size;
    int n;
    const char *name[15];
    size_t offset[15];
} text_fields;

static const text_fields change_fields = {
    "diff", "cannot compare the stored scenarios", sizeof(ss_scenario_change),
    3, {"path", "old", "new"},
    {offsetof(ss_scenario_change, path), offsetof(ss_scenario_change, old_value), offsetof(ss_scenario_change, new_value)}};
static const text_fields register_fields = {
    "register", "cannot read the assumptions of the stored scenario", sizeof(ss_register_entry),
    6, {"path", "value", "kind", "text", "text_nb", "target"},
    {offsetof(ss_register_entry, path), offsetof(ss_register_entry, value), offsetof(ss_register_entry, kind),
     offsetof(ss_register_entry, text), offsetof(ss_register_entry, text_nb), offsetof(ss_register_entry, target)}};

static const text_fields name_fields = {
    "names", "cannot read the names of the stored scenario's doors and organisation", sizeof(ss_named_part),
    3, {"kind", "id", "name"},
    {offsetof(ss_named_part, kind), offsetof(ss_named_part, id), offsetof(ss_named_part, name)}};

#define AUDIT_FIELD(k) offsetof(ss_audit_text, k)
static const text_fields audit_fields = {
    "audit", "cannot read the audit criteria of the stored scenario", sizeof(ss_audit_text),
    15, {"id", "text", "source", "law", "metric", "service", "at_least", "at_most", "not_simulated", "finding", "finding_source",
         "text_nb", "not_simulated_nb", "finding_source_nb", "law_nb"},
    {AUDIT_FIELD(id), AUDIT_FIELD(text), AUDIT_FIELD(source), AUDIT_FIELD(law), AUDIT_FIELD(metric), AUDIT_FIELD(service),
     AUDIT_FIELD(at_least), AUDIT_FIELD(at_most), AUDIT_FIELD(not_simulated), AUDIT_FIELD(finding),
     AUDIT_FIELD(finding_source), AUDIT_FIELD(text_nb), AUDIT_FIELD(not_simulated_nb), AUDIT_FIELD(finding_source_nb),
     AUDIT_FIELD(law_nb)}};

static char **field_at(void *element, const text_fields *f, int i)
{
    return (char **)((char *)element + f->offset[i]);
}

/* Calls the reader's function f->fn on the stored texts and turns the list it returns into an
 * array of elements (*out, *n).  0, or -1 with d saying what failed. */
static int read_stored(const text_fields *f, const char *const *texts, const char *const *names, int ntexts,
                       void **out, int *n, ss_diag *d)
{
    *out = NULL;
    *n = 0;
    ss_sandbox *sb = ss_sandbox_new(NULL, d);
    if (!sb)
        return -1;
    lua_State *L = ss_sandbox_lua(sb);
    int rc = push_reader(sb, d);
    int reader = lua_gettop(L);
    if (rc == 0)
        lua_getfield(L, reader, f->fn);                /* reader fn */
    for (int i = 0; rc == 0 && i < ntexts; i++)
        rc = push_resolved(sb, reader, texts[i], names[i], d);
    if (rc == 0)
        rc = ss_sandbox_call(sb, ntexts, 1, d);        /* reader list */
    if (rc == 0) {
        int len = (int)lua_rawlen(L, -1);
        *out = xcalloc(len > 0 ? (size_t)len : 1, f->size);
        for (int i = 0; i < len; i++) {
            lua_rawgeti(L, -1, i + 1);
            for (int k = 0; k < f->n; k++)
                *field_at((char *)*out + (size_t)i * f->size, f, k) = field_text(L, -1, f->name[k]);
            lua_pop(L, 1);
        }
        *n = len;
    }
    ss_sandbox_free(sb);
    return rc < 0 ? ss_wrap(d, "%s", f->what) : 0;
}

static void free_rows(void *rows, int n, const text_fields *f)
{
    for (int i = 0; rows && i < n; i++)
        for (int k = 0; k < f->n; k++)
            free(*field_at((char *)rows + (size_t)i * f->size, f, k));
    free(rows);
}

int ss_scenario_diff(const char *base_text, const char *option_text, ss_scenario_change **changes, int *n, ss_diag *d)
{
    const char *texts[] = {base_text, option_text}, *names[] = {"base scenario", "option scenario"};
    return read_stored(&change_fields, texts, names, 2, (void **)changes, n, d);
}

void ss_scenario_changes_free(ss_scenario_change *c, int n) { free_rows(c, n, &change_fields); }

/* The readers of one stored scenario's lists, each with its type: a reader and its free function
 * per list, over the one read_stored and free_rows above. */
#define ONE_SCENARIO_LIST(read_fn, free_fn, type, fields)                                         \
    int read_fn(const char *text, type **rows, int *n, ss_diag *d)                                \
    {                                                                                             \
        const char *names[] = {"stored scenario"};                                                \
        return read_stored(&fields, &text, names, 1, (void **)rows, n, d);                        \
    }                                                                                             \
    void free_fn(type *rows, int n) { free_rows(rows, n, &fields); }

ONE_SCENARIO_LIST(ss_scenario_register, ss_register_free, ss_register_entry, register_fields)
ONE_SCENARIO_LIST(ss_scenario_audit, ss_audit_texts_free, ss_audit_text, audit_fields)
ONE_SCENARIO_LIST(ss_scenario_names, ss_named_parts_free, ss_named_part, name_fields)
