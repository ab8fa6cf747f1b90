/* testing.h: cmocka plus the few helpers our tests share. */
#ifndef SS_TESTING_H
#define SS_TESTING_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

/* |a - b| <= tol, with a message that shows both. */
#define assert_near(a, b, tol)                                                          \
    do {                                                                                \
        double a_ = (a), b_ = (b), t_ = (tol);                                          \
        if (!(fabs(a_ - b_) <= t_))                                                     \
            fail_msg("%s = %.10g, expected %s = %.10g within %g", #a, a_, #b, b_, t_);  \
    } while (0)

/* haystack contains needle */
#define assert_contains(hay, needle)                                                    \
    do {                                                                                \
        const char *h_ = (hay), *n_ = (needle);                                         \
        if (!h_ || !strstr(h_, n_))                                                     \
            fail_msg("expected \"%s\" to contain \"%s\"", h_ ? h_ : "(null)", n_);     \
    } while (0)

#endif
