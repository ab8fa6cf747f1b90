/* near: "did you mean" — which of the names a person could have meant by what they typed.
 * Written once for every layer: the loader's unknown ids, the REPL's commands, paths and
 * services. */
#ifndef SS_NEAR_H
#define SS_NEAR_H

#include <stddef.h>

/* Optimal string alignment distance: Levenshtein plus swapped neighbours, the commonest typo
 * ("fhp" for "fph"). */
int ss_edit_distance(const char *a, const char *b);

/* The closest of n names within a distance that makes sense for want (one edit in a short word,
 * up to a third of a longer one), or NULL.  Ties go to the name first in byte order. */
const char *ss_closest(const char *want, const char *const *names, int n);

/* The names want may stand for, in the order given, as "a, b, c" in out ("" when none): those
 * that begin with want or hold it ("fph" -> "fph_barn, fph_voksen"), else the closest one.
 * Returns how many. */
int ss_near_names(const char *want, const char *const *names, int n, char *out, size_t outn);

#endif
