/* test_robust_text: how a robust cell names the numbers that decide a measure — by the words a
 * namer gives (the report's change-list words), by its key path marked as code where the namer
 * has none, and by the key path as is without a namer (the terminal). */
#include "testing.h"

#include <stdbool.h>
#include <string.h>

#include "robust_text.h"

/* Words for the service's staff only, as a report's glossary might. */
static bool words(const void *ctx, const char *path, char *out, size_t n)
{
    (void)ctx;
    if (strcmp(path, "services.fph.fte") != 0)
        return false;
    snprintf(out, n, "Forebyggende psykisk helsetjeneste: staff (FTE)");
    return true;
}

static void a_decider_is_named_by_its_words_else_by_its_key_as_code(void **state)
{
    (void)state;
    ss_robust_param params[2] = {{.path = "services.fph.fte"}, {.path = "parameters.x.y"}};
    ss_robust_row row = {.scope = "system", .metric = "first_help_mean", .samples = 10, .share_better = 0.8,
                         .share_worse = 0.1, .share_unclear = 0.1, .ndecided = 2,
                         .decided = {{.factor = 0, .threshold = 5, .above = true}, {.factor = 1, .threshold = 0.5}}};
    ss_robust_result r = {.nparams = 2, .params = params, .nrows = 1, .rows = &row, .npoints = 10};
    char cell[1024];
    ss_robust_cell(cell, sizeof cell, &r, &row, SS_JUDGED_BETTER, &(ss_param_namer){words, NULL}, SS_LANG_EN);
    assert_string_equal(cell, "holds in 80 %; decided by Forebyggende psykisk helsetjeneste: staff (FTE) (better where ≥ 5), "
                              "\x01parameters.x.y\x02 (better where < 0.5)");
    ss_robust_cell(cell, sizeof cell, &r, &row, SS_JUDGED_BETTER, NULL, SS_LANG_EN);
    assert_string_equal(cell, "holds in 80 %; decided by services.fph.fte (better where ≥ 5), parameters.x.y (better where < 0.5)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_decider_is_named_by_its_words_else_by_its_key_as_code),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
