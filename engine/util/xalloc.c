#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void ss_out_of_memory(size_t n)
{
    fprintf(stderr, "samsim: out of memory (asked for %zu bytes)\n", n);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        ss_out_of_memory(n);
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        ss_out_of_memory(count * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        ss_out_of_memory(n);
    return q;
}

void *xreallocarray(void *p, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        ss_out_of_memory(SIZE_MAX);
    return xrealloc(p, count * size);
}

size_t ss_grow(void *arrayp, size_t size, size_t n, size_t cap, size_t first)
{
    if (n < cap)
        return cap;
    size_t want = cap ? cap * 2 : first;
    if (size && want > SIZE_MAX / size)
        return 0;
    void *old, *grown;
    memcpy(&old, arrayp, sizeof old);   /* any object pointer, as POSIX lets void * stand for it */
    if (!(grown = realloc(old, want * size)))
        return 0;
    memcpy(arrayp, &grown, sizeof grown);
    return want;
}

void ss_free_each(void *const *ptrs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(ptrs[i]);
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}
