/* ELF loader: 32- and 64-bit little-endian RISC-V executables, PT_LOAD segments placed by
 * physical address into RAM/ROM through the bus, entry point and symbol table kept. */
#ifndef SOCSIM_ELF_H
#define SOCSIM_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct bus;
struct symtab;

struct elf_info {
    unsigned want_xlen;    /* in: 32 or 64 refuses an ELF of the other class; 0 takes either */
    uint64_t entry;
    unsigned xlen;         /* 32 or 64 (ELFCLASS) */
    uint64_t lo, hi;       /* lowest and highest+1 physical address loaded */
};

/* Load `path` into memory. On error returns -1 with a one-line message in err that names the
 * file and says what is wrong (truncated, not RISC-V, big-endian, segment outside memory at
 * 0x..., ...). syms may be NULL. */
int elf_load(struct bus *bus, const char *path, struct symtab *syms, struct elf_info *info,
             char *err, size_t errlen);
/* Whether path starts with the ELF magic (anything else is loaded as a raw binary, as QEMU
 * does). -1 with a message in err when it cannot be read. */
int file_is_elf(const char *path, bool *is_elf, char *err, size_t errlen);
/* Load a raw binary at addr (`--load FILE@ADDR`); *size (may be NULL) gets its length. */
int raw_load(struct bus *bus, const char *path, uint64_t addr, uint64_t *size, char *err,
             size_t errlen);

#endif
