/* effects: which effect assumptions differ between two models (scenario.h), so that a comparison
 * can say which of its results rest on an assumed benefit rather than on a mechanism. */
#include "scenario.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static bool same_effect(const ss_effect *a, const ss_effect *b)
{
    return strcmp(a->value, b->value) == 0 && strcmp(a->reason, b->reason) == 0;
}

static int by_path(const void *x, const void *y)
{
    return strcmp((*(const ss_effect *const *)x)->path, (*(const ss_effect *const *)y)->path);
}

/* Pointers to the n effects at e, in byte order of their paths. */
static const ss_effect **sorted(const ss_effect *e, int n)
{
    const ss_effect **p = xcalloc((size_t)(n > 0 ? n : 1), sizeof *p);
    for (int i = 0; i < n; i++)
        p[i] = &e[i];
    qsort(p, (size_t)n, sizeof *p, by_path);
    return p;
}

int ss_effects_diff(const ss_effect *a, int na, const ss_effect *b, int nb, ss_effect_diff **out)
{
    const ss_effect **sa = sorted(a, na), **sb = sorted(b, nb);
    *out = xcalloc((size_t)(na + nb > 0 ? na + nb : 1), sizeof **out);
    int i = 0, j = 0, n = 0;
    while (i < na || j < nb) {  /* a merge of the two sorted lists */
        int c = i == na ? 1 : j == nb ? -1 : strcmp(sa[i]->path, sb[j]->path);
        const ss_effect *x = c <= 0 ? sa[i] : NULL, *y = c >= 0 ? sb[j] : NULL;
        i += c <= 0;
        j += c >= 0;
        if (!(x && y && same_effect(x, y)))
            (*out)[n++] = (ss_effect_diff){.path = x ? x->path : y->path, .a = x, .b = y};
    }
    free(sa);
    free(sb);
    return n;
}
