/* fuzz_rules: the rule bridge on arbitrary rule behaviour.  tests/fuzz/rules_fixture/scenario.lua
 * has a Lua rule at every decision point (door, route, accept, priority, next, at_age), all in
 * rules/fuzz.lua, which this target writes from the input and then simulates one short
 * replication:
 *   first byte even: the rest is the rule module's source, as is;
 *   first byte odd:  the rest is a byte program for decoder.lua, which returns at each decision
 *                    point a value built from it (odd strings and numbers, tables, functions,
 *                    and tables whose metamethods fail, loop or misbehave).
 * A rule error is the right outcome; a crash, an abort (unprotected Lua) or a hang never is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "scenario.h"
#include "sim.h"

#define FIXTURE "tests/fuzz/rules_fixture/"

/* The fixture files, read on the first input and kept: the entry point's own state, so that a
 * long fuzzing run does not depend on the work tree staying as it was (a checkout under it
 * would otherwise look like a crash of samsim). */
static char *fixture(const char *name, size_t *n)
{
    static struct { const char *name; char *text; size_t n; } cache[2];
    for (size_t i = 0; i < sizeof cache / sizeof *cache; i++) {
        if (!cache[i].name) {
            char path[256];
            snprintf(path, sizeof path, FIXTURE "%s", name);
            cache[i].name = name;
            cache[i].text = fuzz_read(path, &cache[i].n);
        }
        if (strcmp(cache[i].name, name) == 0) {
            *n = cache[i].n;
            return cache[i].text;
        }
    }
    abort();
}

static void write_decoded(const uint8_t *data, size_t size)
{
    size_t n;
    const char *decoder = fixture("decoder.lua", &n);
    size_t cap = n + 4 * size + 64, len = 0;
    char *src = malloc(cap);
    len += (size_t)snprintf(src, cap, "local BYTES = \"");
    for (size_t i = 0; i < size; i++)
        len += (size_t)snprintf(src + len, cap - len, "\\%03u", data[i]);
    len += (size_t)snprintf(src + len, cap - len, "\"\n");
    memcpy(src + len, decoder, n);
    fuzz_write("rules/fuzz.lua", src, len + n);
    free(src);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    size_t n;
    const char *scenario = fixture("scenario.lua", &n);
    fuzz_write("scenario.lua", scenario, n);
    if (data[0] & 1)
        write_decoded(data + 1, size - 1);
    else
        fuzz_write("rules/fuzz.lua", data + 1, size - 1);
    char path[512];
    snprintf(path, sizeof path, "%s/scenario.lua", fuzz_dir());
    ss_diag d = {{0}};
    ss_scenario *sc = ss_scenario_load(path, NULL, &d);
    if (!sc)
        return 0;
    ss_sim *s = ss_sim_new(ss_scenario_model(sc), &d);
    if (s) {
        ss_rep_result r;
        if (ss_sim_run(s, 1, 0, &r, &d) == 0)
            ss_rep_result_free(&r);
        ss_sim_free(s);
    }
    ss_scenario_free(sc);
    return 0;
}
