/* xalloc: allocation that fails loudly, one way.
 *
 * samsim's allocations are small (tables, text, per-replication arrays); running out of memory
 * is not a condition any caller can repair, so instead of a NULL checked (or not) in a hundred
 * places, these print what was asked for and abort.  Use them for everything but sizes a user
 * chooses without bound, which should be checked against a limit first. */
#ifndef SS_XALLOC_H
#define SS_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* What the functions above do when memory runs out, for allocations made elsewhere (a library
 * that returns NULL): a message on stderr, then abort. */
_Noreturn void ss_out_of_memory(size_t n);
/* An array of count elements of size bytes, the product checked for overflow. */
void *xreallocarray(void *p, size_t count, size_t size);
/* Room for element n of a doubling array whose pointer is at arrayp (a T ** passed as void *):
 * when n reaches cap the array grows to twice cap (to first when empty).  Returns the capacity
 * it has now, or 0 when memory ran out (the array kept as it was).  The one way the arrays grow
 * whose caller reports running out rather than aborting: the kernel's heap, the statistics'
 * samples, the simulation's persons, queues and waiting lists. */
size_t ss_grow(void *arrayp, size_t size, size_t n, size_t cap, size_t first);
/* Frees every pointer given (NULLs too): a struct's owned arrays released in one statement, as
 * ss_free_all(r->params, r->targets, r->best), instead of a column of free() calls per type. */
#define ss_free_all(...) \
    ss_free_each((void *[]){__VA_ARGS__}, sizeof((void *[]){__VA_ARGS__}) / sizeof(void *))
void ss_free_each(void *const *ptrs, size_t n);

#endif
