/* near: "did you mean" suggestions (see near.h). */
#include "near.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ss_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), w = lb + 1;
    int *d = malloc(sizeof *d * (la + 1) * w);
    for (size_t i = 0; i <= la; i++) d[i * w] = (int)i;
    for (size_t j = 0; j <= lb; j++) d[j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int best = d[(i - 1) * w + j - 1] + (a[i - 1] != b[j - 1]);
            if (d[(i - 1) * w + j] + 1 < best) best = d[(i - 1) * w + j] + 1;
            if (d[i * w + j - 1] + 1 < best) best = d[i * w + j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[(i - 2) * w + j - 2] + 1 < best)
                best = d[(i - 2) * w + j - 2] + 1;
            d[i * w + j] = best;
        }
    int dist = d[la * w + lb];
    free(d);
    return dist;
}

/* A suggestion is only worth making when most of the word survives. */
const char *ss_closest(const char *want, const char *const *names, int n)
{
    int limit = (int)strlen(want) / 3;
    if (limit < 1) limit = 1;
    const char *best = NULL;
    int best_d = limit + 1;
    for (int i = 0; i < n; i++) {
        int d = ss_edit_distance(want, names[i]);
        if (d < best_d || (d == best_d && best && strcmp(names[i], best) < 0)) {
            best_d = d;
            best = names[i];
        }
    }
    return best;
}

int ss_near_names(const char *want, const char *const *names, int n, char *out, size_t outn)
{
    int found = 0;
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < n && *want; i++)
        if (strstr(names[i], want) && strcmp(names[i], want) != 0 && used < outn) {
            used += (size_t)snprintf(out + used, outn - used, "%s%s", found ? ", " : "", names[i]);
            found++;
        }
    if (found) return found;
    const char *near = ss_closest(want, names, n);
    if (near) snprintf(out, outn, "%s", near);
    return near != NULL;
}
