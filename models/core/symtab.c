/* Firmware symbol table: a vector sorted by (address, name). Name look-ups are linear (a few
 * per run: HTIF's tohost/fromhost); address look-ups are a binary search (tracing, profiling). */
#include "symtab.h"

#include <stdlib.h>
#include <string.h>

void symtab_init(struct symtab *t)
{
    memset(t, 0, sizeof(*t));
}

void symtab_free(struct symtab *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->v[i].name);
    free(t->v);
    memset(t, 0, sizeof(*t));
}

int symtab_add(struct symtab *t, const char *name, uint64_t addr, uint64_t size, bool is_func)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        struct symbol *v = realloc(t->v, cap * sizeof(*v));
        if (!v)
            return -1;
        t->v = v;
        t->cap = cap;
    }
    char *copy = strdup(name);
    if (!copy)
        return -1;
    t->v[t->n++] = (struct symbol){copy, addr, size, is_func};
    return 0;
}

static int cmp_sym(const void *pa, const void *pb)
{
    const struct symbol *a = pa, *b = pb;
    if (a->addr != b->addr)
        return a->addr < b->addr ? -1 : 1;
    int c = strcmp(a->name, b->name);
    if (c)
        return c;
    /* Same name and address: order the rest so duplicates end up adjacent. */
    if (a->size != b->size)
        return a->size < b->size ? -1 : 1;
    return (int)a->is_func - (int)b->is_func;
}

void symtab_finish(struct symtab *t)
{
    if (t->n > 1)
        qsort(t->v, t->n, sizeof(*t->v), cmp_sym);
    /* Drop exact duplicates (the same symbol added twice, e.g. by a reload). */
    size_t out = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (out && !cmp_sym(&t->v[out - 1], &t->v[i])) {
            free(t->v[i].name);
            continue;
        }
        t->v[out++] = t->v[i];
    }
    t->n = out;
}

bool symtab_lookup(const struct symtab *t, const char *name, uint64_t *addr)
{
    for (size_t i = 0; i < t->n; i++) {
        if (!strcmp(t->v[i].name, name)) {
            if (addr)
                *addr = t->v[i].addr;
            return true;
        }
    }
    return false;
}

static bool contains(const struct symbol *s, uint64_t addr)
{
    return addr >= s->addr && addr - s->addr < s->size;
}

const struct symbol *symtab_find_addr(const struct symtab *t, uint64_t addr)
{
    /* Number of symbols at or below addr. */
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->v[mid].addr <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* Walk down from the nearest symbol: the first one whose range holds addr wins (the
     * innermost, when ranges nest); at one address a function beats an object or label. The
     * nearest function below is remembered as the answer for size-0 (assembly) functions. */
    const struct symbol *func_below = NULL;
    for (size_t i = lo; i-- > 0;) {
        const struct symbol *s = &t->v[i];
        if (contains(s, addr)) {
            const struct symbol *best = s;
            for (size_t j = i; j-- > 0 && t->v[j].addr == s->addr;)
                if (t->v[j].is_func && contains(&t->v[j], addr))
                    best = &t->v[j];
            return best;
        }
        if (s->is_func && !func_below)
            func_below = s;
        /* Several size-0 functions at one address: the first by name, for stable output. */
        else if (s->is_func && func_below && s->addr == func_below->addr)
            func_below = s;
    }
    /* A function with a known size that does not hold addr means addr is past its end. */
    if (func_below && func_below->size == 0)
        return func_below;
    return NULL;
}
