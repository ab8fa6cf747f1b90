/* idmap: an open-addressing table keyed by pointer (see idmap.h for why a pointer suffices). */
#include "idmap.h"

#include <assert.h>
#include <stdlib.h>

int ss_idmap_init(ss_idmap *map, int n)
{
    unsigned size = 8, bits = 3;
    while (size < 2u * (unsigned)(n > 0 ? n : 0)) {
        size *= 2;
        bits++;
    }
    map->slots = calloc(size, sizeof *map->slots);
    map->mask = size - 1;
    map->shift = 64 - bits;
    map->used = 0;
    return map->slots ? 0 : -1;
}

void ss_idmap_fini(ss_idmap *map)
{
    free(map->slots);
    map->slots = NULL;
}

void ss_idmap_put(ss_idmap *map, const char *key, int value)
{
    assert(key && map->slots);
    unsigned i = ss_idmap_slot(map, key);
    while (map->slots[i].key && map->slots[i].key != key)
        i = (i + 1) & map->mask;
    if (!map->slots[i].key) {
        assert(2 * (map->used + 1) <= map->mask + 1 && "more entries than the map was made for");
        map->slots[i] = (ss_idmap_entry){key, value};
        map->used++;
    }
}
