/* Firmware symbol table, kept from the ELF file: HTIF finds tohost/fromhost in it, tracing and
 * profiling map addresses to function names. */
#ifndef SOCSIM_SYMTAB_H
#define SOCSIM_SYMTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct symbol {
    char *name;
    uint64_t addr;
    uint64_t size;
    bool is_func;
};

struct symtab {
    struct symbol *v; /* sorted by addr, then name */
    size_t n, cap;
};

void symtab_init(struct symtab *t);
void symtab_free(struct symtab *t);
/* Add one symbol (the name is copied); call symtab_finish() after the last add. */
int symtab_add(struct symtab *t, const char *name, uint64_t addr, uint64_t size, bool is_func);
void symtab_finish(struct symtab *t);
/* By name: true and *addr set when found. */
bool symtab_lookup(const struct symtab *t, const char *name, uint64_t *addr);
/* The symbol containing addr (addr in [sym.addr, sym.addr+size), or the nearest one below when
 * sizes are 0); NULL if none. */
const struct symbol *symtab_find_addr(const struct symtab *t, uint64_t addr);

#endif
