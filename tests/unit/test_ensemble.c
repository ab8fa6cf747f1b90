/* test_ensemble: the ensemble file (model/ensemble.h) written and read back, as --set overrides,
 * and every malformed file refused with the file and the key path or line. */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ensemble.h"

/* A file under /tmp holding text; its name in path. */
static void write_text(char path[64], const char *text)
{
    snprintf(path, 64, "/tmp/test_ensemble_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
}

static void round_trip(void **state)
{
    (void)state;
    ss_ensemble_param params[2] = {{.path = "services.q.fte", .prior_low = 8, .prior_high = 12},
                                   {.path = "demand.1.rate_per_day", .prior_low = NAN, .prior_high = NAN}};
    double values[] = {9.5, 7.125, 10.25, 0.1 + 0.2};
    ss_ensemble e = {.nparams = 2, .params = params, .nrows = 2, .values = values, .scenario = "s.lua",
                     .command = "samsim calibrate \"s.lua\""};
    char path[64];
    write_text(path, "");
    ss_diag d;
    assert_int_equal(ss_ensemble_write(path, &e, &d), 0);
    ss_ensemble back;
    if (ss_ensemble_read(path, &back, &d) < 0) fail_msg("%s", d.msg);
    assert_int_equal(back.nparams, 2);
    assert_int_equal(back.nrows, 2);
    assert_string_equal(back.params[1].path, "demand.1.rate_per_day");
    assert_true(back.params[0].prior_low == 8 && back.params[0].prior_high == 12);
    assert_true(isnan(back.params[1].prior_low));
    assert_memory_equal(back.values, values, sizeof values);   /* every digit kept */
    assert_string_equal(back.command, "samsim calibrate \"s.lua\"");
    assert_null(back.scenario_hash);
    char sets[2][SS_ENSEMBLE_SET_TEXT];
    assert_int_equal(ss_ensemble_sets(&back, 1, sets), 0);
    assert_string_equal(sets[0], "services.q.fte=10.25");
    assert_string_equal(sets[1], "demand.1.rate_per_day=0.30000000000000004");
    ss_ensemble_free(&back);
    unlink(path);
}

/* A file a person wrote: only what is required. */
static void minimal_file(void **state)
{
    (void)state;
    char path[64];
    write_text(path, "{\"samsim\": \"ensemble\", \"version\": 1,\n \"parameters\": [{\"path\": \"a.b\"}],\n"
                     " \"rows\": [[1], [2], [3]]}\n");
    ss_ensemble e;
    ss_diag d;
    if (ss_ensemble_read(path, &e, &d) < 0) fail_msg("%s", d.msg);
    assert_int_equal(e.nrows, 3);
    assert_true(ss_ensemble_value(&e, 2, 0) == 3);
    ss_ensemble_free(&e);
    unlink(path);
}

static void refused(const char *text, const char *expected)
{
    char path[64], want[256];
    write_text(path, text);
    snprintf(want, sizeof want, "%s%s", path, expected);
    ss_ensemble e;
    ss_diag d;
    assert_int_equal(ss_ensemble_read(path, &e, &d), -1);
    assert_string_equal(d.msg, want);
    assert_null(e.params);
    unlink(path);
}

static void malformed_files(void **state)
{
    (void)state;
    refused("{\"samsim\": \"ensemble\", \"version\": 1,\n \"rows\": [[1] }",
            ":2: not valid JSON: ']' expected near '}'");
    refused("[1, 2]", ": not an ensemble file (expected an object with \"samsim\": \"ensemble\"; samsim calibrate "
                      "--ensemble-out writes one)");
    refused("{\"samsim\": \"ensemble\", \"version\": 2}", ": version: expected 1 (the version this samsim reads)");
    refused("{\"samsim\": \"ensemble\", \"version\": 1, \"parameters\": []}",
            ": parameters: expected a list of parameters, each {\"path\": \"services.x.fte\"}");
    refused("{\"samsim\": \"ensemble\", \"version\": 1, \"parameters\": [{\"path\": \"a\"}, {\"name\": \"b\"}]}",
            ": parameters.2: expected {\"path\": \"KEY.PATH\"} naming a number of the scenario");
    refused("{\"samsim\": \"ensemble\", \"version\": 1, \"parameters\": [{\"path\": \"a\"}, {\"path\": \"a\"}]}",
            ": parameters.2: a is listed twice (also parameters.1)");
    refused("{\"samsim\": \"ensemble\", \"version\": 1, \"parameters\": [{\"path\": \"a\", \"prior_low\": \"x\"}]}",
            ": parameters.1.prior_low: expected a number");
    refused("{\"samsim\": \"ensemble\", \"version\": 1, \"parameters\": [{\"path\": \"a\"}, {\"path\": \"b\"}],"
            " \"rows\": [[1, 2], [3]]}",
            ": rows.2: expected 2 numbers, one per parameter, got a different count");
    refused("{\"samsim\": \"ensemble\", \"version\": 1, \"parameters\": [{\"path\": \"a\"}, {\"path\": \"b\"}],"
            " \"rows\": [[1, \"2\"]]}",
            ": rows.1.2: expected a number for b");
    refused("{\"samsim\": \"ensemble\", \"version\": 1, \"parameters\": [{\"path\": \"a\"}], \"rows\": []}",
            ": rows: expected a list of rows, each a list of 1 number (one per parameter)");
    ss_ensemble e;
    ss_diag d;
    assert_int_equal(ss_ensemble_read("/nonexistent/e.json", &e, &d), -1);
    assert_contains(d.msg, "/nonexistent/e.json: cannot read the ensemble file: ");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip),
        cmocka_unit_test(minimal_file),
        cmocka_unit_test(malformed_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
