/* cmd_test: `samsim test [PATH]...` — run the test cases of Lua rule modules (ruletest.h), so a
 * rule's author can check its decisions without running a scenario. */
#include "cli.h"

#include <stdio.h>

#include "ruletest.h"

#define CMD "test"

static int cmd_test(int argc, char **argv, ss_stop_flag *interrupt)
{
    ss_cli_opts opts = {0}, *o = &opts;
    int code = ss_cli_parse(CMD, "", argc - 1, argv + 1, o);
    if (code)
        return code;
    if (o->help)
        return ss_cli_help(CMD);
    if (o->npositional == 0)
        o->positional[o->npositional++] = "rules/";
    ss_ruletest_opts to = {.out = stdout, .interrupt = interrupt, .quiet = o->quiet};
    ss_ruletest_counts c = {0};
    for (int i = 0; i < o->npositional && !c.interrupted; i++)
        ss_ruletest_path(o->positional[i], &to, &c);
    printf("%d passed, %d failed\n", c.passed, c.failed);
    if (fflush(stdout) != 0)
        return SS_EXIT_IO;
    if (c.interrupted) {
        fprintf(stderr, "samsim %s: interrupted\n", CMD);
        return SS_EXIT_INTERRUPTED;
    }
    if (c.files == 0)  /* a typo'd directory must not look like a clean pass */
        fprintf(stderr, "samsim %s: no rule files (*.lua) found\n", CMD);
    return c.failed ? SS_EXIT_MODEL : SS_EXIT_OK;
}

const ss_command ss_cmd_test = {
    CMD, "samsim test [PATH]... [--quiet]",
    "Run the test cases of Lua rule modules: each PATH is a rule file or a directory searched for\n"
    "*.lua files (default rules/).  A module returns its rule functions and `tests`, a list of\n"
    "cases such as\n"
    "  { name = \"severe under 18 goes to BUP\", call = \"route\", door = \"gp\",\n"
    "    person = { age = 15, need = \"severe\" }, ctx = { queue = { fph = 40 } }, expect = \"bup\" }\n"
    "person, service and ctx hold exactly the fields a case gives: reading another is an error.\n"
    "Instead of expect: expect_error = \"part of the message\", or samples = N with\n"
    "expect_share = { fph = 0.7, bup = 0.3 } and tolerance; numbers compare exactly unless the\n"
    "case gives tolerance.  math.random draws from a fixed stream per case (seed = S to change).\n"
    "Prints a FAIL line per failing case, an ok line per file whose cases all pass, then\n"
    "'N passed, N failed'; exit code 1 when any case fails.\n"
    "  -q, --quiet      only the FAIL lines and the count",
    cmd_test};
