/* test_xalloc: ss_grow, the one doubling growth of arrays whose caller reports running out, and
 * ss_free_all, the one way a struct's owned arrays are released. */
#include "testing.h"

#include <stdint.h>
#include <stdlib.h>

#include "xalloc.h"

/* Nothing happens below the capacity; at it the array doubles (to `first` when empty) and keeps
 * what it held. */
static void grows_only_when_full_and_keeps_contents(void **state)
{
    int *a = NULL;
    size_t cap = 0, n = 0;
    assert_int_equal(cap = ss_grow(&a, sizeof *a, n, cap, 4), 4);
    assert_non_null(a);
    for (; n < 4; n++) a[n] = (int)n * 7;
    int *before = a;
    assert_int_equal(ss_grow(&a, sizeof *a, 3, cap, 4), 4);   /* room left: unchanged */
    assert_ptr_equal(a, before);
    assert_int_equal(cap = ss_grow(&a, sizeof *a, n, cap, 4), 8);
    for (size_t i = 0; i < 4; i++) assert_int_equal(a[i], (int)i * 7);
    a[7] = 1;   /* the new room is usable (ASan and valgrind would say otherwise) */
    free(a);
}

/* A capacity whose bytes would overflow size_t is refused without touching the array. */
static void refuses_an_overflowing_size(void **state)
{
    char *a = malloc(1);
    assert_non_null(a);
    char *before = a;
    size_t huge = SIZE_MAX / 4 + 1;   /* doubled, times 4 bytes, wraps */
    assert_int_equal(ss_grow(&a, 4, huge, huge, 16), 0);
    assert_ptr_equal(a, before);
    free(a);
}

/* Every pointer given is freed, a NULL among them too: a pointer missed leaks, and the ASan and
 * valgrind runs of this test fail on the leak. */
static void frees_every_pointer_given(void **state)
{
    char *text = xstrdup("owned");
    double *figures = xcalloc(8, sizeof *figures);
    int *none = NULL, *last = xmalloc(sizeof *last);
    ss_free_all(text, figures, none, last);
    ss_free_all(xmalloc(1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(grows_only_when_full_and_keeps_contents),
        cmocka_unit_test(refuses_an_overflowing_size),
        cmocka_unit_test(frees_every_pointer_given),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
