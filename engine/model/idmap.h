/* idmap: small numbers found by the identity of a Lua string, for the rules bridge's hot path.
 *
 * Lua 5.4 interns short strings: while a string is alive, every equal short string is the same
 * object, so lua_tostring gives the same pointer.  The rules bridge keeps each id it must
 * recognise (service and door ids, answer words, view field names) alive in the registry and
 * records its pointer here; a rule's answer or a field key is then found by hashing the pointer,
 * with no string compare.  A pointer not found means an unknown string, or a long one Lua does
 * not intern: callers then look it up by content, so a miss is never wrong, only slower. */
#ifndef SS_IDMAP_H
#define SS_IDMAP_H

typedef struct ss_idmap_entry {
    const char *key;  /* the interned string's characters; NULL: empty slot */
    int value;
} ss_idmap_entry;

typedef struct ss_idmap {
    ss_idmap_entry *slots;
    unsigned mask;    /* slots - 1; a power of two at least twice the entries */
    unsigned shift;   /* 64 - log2(slots), for the multiplicative hash */
    unsigned used;    /* entries recorded */
} ss_idmap;

/* Room for n entries.  0 ok, -1 out of memory. */
int ss_idmap_init(ss_idmap *map, int n);
void ss_idmap_fini(ss_idmap *map);
/* Records key (a pointer from lua_tostring of a string kept alive) with value; a key already
 * there keeps its first value. */
void ss_idmap_put(ss_idmap *map, const char *key, int value);

static inline unsigned ss_idmap_slot(const ss_idmap *map, const char *key)
{
    return (unsigned)(((unsigned long long)(__UINTPTR_TYPE__)key * 0x9e3779b97f4a7c15ULL) >> map->shift);
}

/* The value recorded for this very pointer, or missing. */
static inline int ss_idmap_get(const ss_idmap *map, const char *key, int missing)
{
    for (unsigned i = ss_idmap_slot(map, key);; i = (i + 1) & map->mask) {
        const ss_idmap_entry *e = &map->slots[i];
        if (e->key == key) return e->value;
        if (!e->key) return missing;
    }
}

#endif
