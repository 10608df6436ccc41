/* ELF loader for firmware images. The whole file is read into memory and every header, offset
 * and size is checked against its length before anything is used, so a damaged file gives a
 * message naming what is wrong instead of a crash. Fields are read as little-endian bytes at
 * the offsets of the system <elf.h> structures, so the host's byte order does not matter. */
#include "elf.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "models/bus/bus.h"
#include "models/core/symtab.h"

#ifndef EM_RISCV
#define EM_RISCV 243
#endif

static int fail(char *err, size_t errlen, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail(char *err, size_t errlen, const char *path, const char *fmt, ...)
{
    if (!err || !errlen)
        return -1;
    int n = snprintf(err, errlen, "%s: ", path);
    if (n < 0 || (size_t)n >= errlen)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}

/* Read a whole regular file. Returns 0 with *data (malloc'd, may be NULL when empty) and *len. */
static int read_file(const char *path, uint8_t **data, size_t *len, char *err, size_t errlen)
{
    *data = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(err, errlen, path, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(fd, &st) < 0) {
        int e = errno;
        close(fd);
        return fail(err, errlen, path, "cannot stat: %s", strerror(e));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return fail(err, errlen, path, "not a regular file");
    }
    if ((uint64_t)st.st_size > SIZE_MAX - 1) {
        close(fd);
        return fail(err, errlen, path, "file too large");
    }
    size_t size = (size_t)st.st_size;
    uint8_t *buf = malloc(size ? size : 1);
    if (!buf) {
        close(fd);
        return fail(err, errlen, path, "out of memory reading %zu bytes", size);
    }
    size_t got = 0;
    while (got < size) {
        ssize_t r = read(fd, buf + got, size - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            free(buf);
            close(fd);
            return fail(err, errlen, path, "read error: %s", strerror(e));
        }
        if (r == 0)
            break; /* the file shrank: what we have is checked like any truncated file */
        got += (size_t)r;
    }
    close(fd);
    *data = buf;
    *len = got;
    return 0;
}

static uint64_t rd_le(const uint8_t *p, size_t n)
{
    uint64_t v = 0;
    for (size_t i = n; i-- > 0;)
        v = v << 8 | p[i];
    return v;
}

/* Field `f` of the record at p, in ELF32 or ELF64 layout. */
#define FIELD(is64, p, T32, T64, f)                                                         \
    ((is64) ? rd_le((p) + offsetof(T64, f), sizeof(((T64 *)0)->f))                         \
            : rd_le((p) + offsetof(T32, f), sizeof(((T32 *)0)->f)))

/* [off, off+len) lies inside a file of file_len bytes (no overflow in off+len). */
static bool in_file(uint64_t off, uint64_t len, size_t file_len)
{
    return off <= file_len && len <= file_len - off;
}

struct ehdr {
    unsigned type, machine, phentsize, phnum, shentsize;
    uint64_t entry, phoff, shoff, shnum;
};

struct phdr {
    uint32_t type;
    uint64_t offset, paddr, filesz, memsz;
};

struct shdr {
    uint32_t type, link;
    uint64_t flags, offset, size, entsize;
};

static struct phdr get_phdr(bool is64, const uint8_t *p)
{
    struct phdr ph;
    ph.type = (uint32_t)FIELD(is64, p, Elf32_Phdr, Elf64_Phdr, p_type);
    ph.offset = FIELD(is64, p, Elf32_Phdr, Elf64_Phdr, p_offset);
    ph.paddr = FIELD(is64, p, Elf32_Phdr, Elf64_Phdr, p_paddr);
    ph.filesz = FIELD(is64, p, Elf32_Phdr, Elf64_Phdr, p_filesz);
    ph.memsz = FIELD(is64, p, Elf32_Phdr, Elf64_Phdr, p_memsz);
    return ph;
}

static struct shdr get_shdr(bool is64, const uint8_t *p)
{
    struct shdr sh;
    sh.type = (uint32_t)FIELD(is64, p, Elf32_Shdr, Elf64_Shdr, sh_type);
    sh.link = (uint32_t)FIELD(is64, p, Elf32_Shdr, Elf64_Shdr, sh_link);
    sh.flags = FIELD(is64, p, Elf32_Shdr, Elf64_Shdr, sh_flags);
    sh.offset = FIELD(is64, p, Elf32_Shdr, Elf64_Shdr, sh_offset);
    sh.size = FIELD(is64, p, Elf32_Shdr, Elf64_Shdr, sh_size);
    sh.entsize = FIELD(is64, p, Elf32_Shdr, Elf64_Shdr, sh_entsize);
    return sh;
}

static const char *machine_name(unsigned m)
{
    switch (m) {
    case EM_NONE: return "none";
    case EM_SPARC: return "SPARC";
    case EM_386: return "x86 (i386)";
    case EM_MIPS: return "MIPS";
    case EM_PPC: return "PowerPC";
    case EM_PPC64: return "PowerPC64";
    case EM_S390: return "S/390";
    case EM_ARM: return "ARM";
    case EM_X86_64: return "x86-64";
    case EM_AVR: return "AVR";
    case EM_XTENSA: return "Xtensa";
    case EM_MSP430: return "MSP430";
    case EM_AARCH64: return "AArch64";
    case 258: return "LoongArch";
    }
    return NULL;
}

static const char *type_problem(unsigned type)
{
    switch (type) {
    case ET_REL: return "REL (a relocatable object file), not EXEC: link it into an executable";
    case ET_DYN:
        return "DYN (a position-independent executable or shared library), not EXEC: "
               "link the firmware with -static -no-pie";
    case ET_CORE: return "CORE (a core dump), not EXEC";
    }
    return NULL;
}

/* Copy (or zero-fill, when data is NULL) len bytes at addr; on a short write report the
 * segment and the first address that is not memory. */
static int poke_range(struct bus *bus, uint64_t addr, const uint8_t *data, uint64_t len,
                      uint64_t *bad)
{
    static const uint8_t zeros[4096];
    while (len) {
        size_t n = data ? (len > SIZE_MAX ? SIZE_MAX : (size_t)len)
                        : (len > sizeof(zeros) ? sizeof(zeros) : (size_t)len);
        size_t done = bus_poke(bus, addr, data ? data : zeros, n);
        if (done < n) {
            *bad = addr + done;
            return -1;
        }
        addr += n;
        len -= n;
        if (data)
            data += n;
    }
    return 0;
}

static bool wraps(uint64_t addr, uint64_t len)
{
    return len && addr + (len - 1) < addr;
}

static int parse_and_load(struct bus *bus, const char *path, const uint8_t *f, size_t flen,
                          struct symtab *syms, struct elf_info *info, char *err, size_t errlen)
{
    if (flen == 0)
        return fail(err, errlen, path, "empty file, not an ELF file");
    if (flen < SELFMAG || memcmp(f, ELFMAG, SELFMAG))
        return fail(err, errlen, path, "not an ELF file");
    if (flen < EI_NIDENT)
        return fail(err, errlen, path, "truncated (ELF header)");
    unsigned cls = f[EI_CLASS], data = f[EI_DATA];
    if (cls != ELFCLASS32 && cls != ELFCLASS64)
        return fail(err, errlen, path, "unknown ELF class %u (not 32- or 64-bit)", cls);
    if (data == ELFDATA2MSB)
        return fail(err, errlen, path, "big-endian ELF is not supported");
    if (data != ELFDATA2LSB)
        return fail(err, errlen, path, "unknown ELF data encoding %u", data);
    bool is64 = cls == ELFCLASS64;
    size_t ehsize = is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
    if (flen < ehsize)
        return fail(err, errlen, path, "truncated (ELF header is %zu bytes, file has %zu)",
                    ehsize, flen);

    struct ehdr eh;
    eh.type = (unsigned)FIELD(is64, f, Elf32_Ehdr, Elf64_Ehdr, e_type);
    eh.machine = (unsigned)FIELD(is64, f, Elf32_Ehdr, Elf64_Ehdr, e_machine);
    eh.entry = FIELD(is64, f, Elf32_Ehdr, Elf64_Ehdr, e_entry);
    eh.phoff = FIELD(is64, f, Elf32_Ehdr, Elf64_Ehdr, e_phoff);
    eh.shoff = FIELD(is64, f, Elf32_Ehdr, Elf64_Ehdr, e_shoff);
    eh.phentsize = (unsigned)FIELD(is64, f, Elf32_Ehdr, Elf64_Ehdr, e_phentsize);
    eh.phnum = (unsigned)FIELD(is64, f, Elf32_Ehdr, Elf64_Ehdr, e_phnum);
    eh.shentsize = (unsigned)FIELD(is64, f, Elf32_Ehdr, Elf64_Ehdr, e_shentsize);
    eh.shnum = FIELD(is64, f, Elf32_Ehdr, Elf64_Ehdr, e_shnum);

    if (eh.machine != EM_RISCV) {
        const char *name = machine_name(eh.machine);
        if (name)
            return fail(err, errlen, path, "ELF machine is %s (%u), not RISC-V", name,
                        eh.machine);
        return fail(err, errlen, path, "ELF machine is %u, not RISC-V (243)", eh.machine);
    }
    if (info && info->want_xlen && info->want_xlen != (is64 ? 64u : 32u))
        return fail(err, errlen, path, "%u-bit ELF on a platform with RV%u harts",
                    is64 ? 64u : 32u, info->want_xlen);
    if (eh.type != ET_EXEC) {
        const char *why = type_problem(eh.type);
        if (why)
            return fail(err, errlen, path, "ELF type is %s", why);
        return fail(err, errlen, path, "ELF type is %u, not EXEC", eh.type);
    }

    /* Program headers. */
    size_t phsize = is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
    if (eh.phnum == 0)
        return fail(err, errlen, path, "no program headers (nothing to load)");
    if (eh.phnum == PN_XNUM)
        return fail(err, errlen, path, "too many program headers (extended numbering)");
    if (eh.phentsize != phsize)
        return fail(err, errlen, path, "bad program header size %u (expected %zu)",
                    eh.phentsize, phsize);
    for (unsigned i = 0; i < eh.phnum; i++) {
        /* i * phsize + phsize < 2^16 * 64: only phoff + that can overflow, and in_file()
         * checks the sum without forming it. */
        if (!in_file(eh.phoff, (uint64_t)i * phsize + phsize, flen))
            return fail(err, errlen, path,
                        "truncated (program header %u extends past end of file)", i);
    }
    unsigned nload = 0;
    for (unsigned i = 0; i < eh.phnum; i++) {
        struct phdr ph = get_phdr(is64, f + eh.phoff + (uint64_t)i * phsize);
        if (ph.type == PT_INTERP)
            return fail(err, errlen, path,
                        "has a program interpreter (a dynamically linked program?), not "
                        "bare-metal firmware");
        if (ph.type != PT_LOAD)
            continue;
        nload++;
        if (ph.filesz > ph.memsz)
            return fail(err, errlen, path,
                        "segment %u has file size 0x%llx larger than its memory size 0x%llx",
                        i, (unsigned long long)ph.filesz, (unsigned long long)ph.memsz);
        if (!in_file(ph.offset, ph.filesz, flen))
            return fail(err, errlen, path,
                        "truncated (segment %u data at offset 0x%llx+0x%llx extends past end "
                        "of file)",
                        i, (unsigned long long)ph.offset, (unsigned long long)ph.filesz);
        if (wraps(ph.paddr, ph.memsz) || (!is64 && ph.paddr + ph.memsz > (1ULL << 32)))
            return fail(err, errlen, path,
                        "segment %u (0x%llx+0x%llx) wraps around the end of the address space",
                        i, (unsigned long long)ph.paddr, (unsigned long long)ph.memsz);
    }
    if (!nload)
        return fail(err, errlen, path, "no loadable (PT_LOAD) segments");

    /* Section headers: only needed for the symbol table, but checked all the same. */
    size_t shsize = is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
    const uint8_t *symtab_sh = NULL;
    uint64_t nsec = 0;
    if (eh.shoff) {
        if (eh.shentsize != shsize)
            return fail(err, errlen, path, "bad section header size %u (expected %zu)",
                        eh.shentsize, shsize);
        if (!in_file(eh.shoff, shsize, flen))
            return fail(err, errlen, path,
                        "truncated (section header table extends past end of file)");
        nsec = eh.shnum;
        if (nsec == 0) /* extended numbering: the count is in section 0's sh_size */
            nsec = get_shdr(is64, f + eh.shoff).size;
        if (nsec > (flen - eh.shoff) / shsize)
            return fail(err, errlen, path,
                        "truncated (section header table extends past end of file)");
        for (uint64_t i = 0; i < nsec; i++) {
            const uint8_t *p = f + eh.shoff + i * shsize;
            struct shdr sh = get_shdr(is64, p);
            if (sh.type != SHT_NOBITS && sh.type != SHT_NULL && !in_file(sh.offset, sh.size, flen))
                return fail(err, errlen, path,
                            "truncated (section %llu extends past end of file)",
                            (unsigned long long)i);
            if (sh.type == SHT_SYMTAB && !symtab_sh)
                symtab_sh = p;
        }
    }

    /* Check the symbol table before touching memory. */
    const uint8_t *symdata = NULL, *strtab = NULL;
    uint64_t nsyms = 0, strsize = 0;
    size_t symsize = is64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
    if (symtab_sh && syms) {
        struct shdr sh = get_shdr(is64, symtab_sh);
        if (sh.entsize != symsize)
            return fail(err, errlen, path, "bad symbol table entry size %llu (expected %zu)",
                        (unsigned long long)sh.entsize, symsize);
        if (sh.link == 0 || sh.link >= nsec)
            return fail(err, errlen, path, "symbol table has no valid string table (link %u)",
                        sh.link);
        struct shdr str = get_shdr(is64, f + eh.shoff + (uint64_t)sh.link * shsize);
        if (str.type != SHT_STRTAB)
            return fail(err, errlen, path, "symbol table string table (section %u) is not "
                        "a string table", sh.link);
        symdata = f + sh.offset;
        nsyms = sh.size / symsize;
        strtab = f + str.offset;
        strsize = str.size;
        for (uint64_t i = 1; i < nsyms; i++) {
            uint64_t name = FIELD(is64, symdata + i * symsize, Elf32_Sym, Elf64_Sym, st_name);
            if (name && (name >= strsize || !memchr(strtab + name, 0, strsize - name)))
                return fail(err, errlen, path,
                            "corrupt symbol table (name of symbol %llu is outside its string "
                            "table)",
                            (unsigned long long)i);
        }
    }

    /* Load. */
    uint64_t lo = UINT64_MAX, hi = 0;
    for (unsigned i = 0; i < eh.phnum; i++) {
        struct phdr ph = get_phdr(is64, f + eh.phoff + (uint64_t)i * phsize);
        if (ph.type != PT_LOAD || ph.memsz == 0)
            continue;
        uint64_t bad = 0;
        if (poke_range(bus, ph.paddr, f + ph.offset, ph.filesz, &bad) ||
            poke_range(bus, ph.paddr + ph.filesz, NULL, ph.memsz - ph.filesz, &bad))
            return fail(err, errlen, path,
                        "segment %u (0x%llx-0x%llx) is not inside RAM or ROM (0x%llx is not "
                        "memory)",
                        i, (unsigned long long)ph.paddr,
                        (unsigned long long)(ph.paddr + ph.memsz - 1), (unsigned long long)bad);
        if (ph.paddr < lo)
            lo = ph.paddr;
        if (ph.paddr + ph.memsz > hi)
            hi = ph.paddr + ph.memsz;
    }
    if (lo > hi)
        lo = hi = 0;

    /* Symbols: functions, objects and untyped labels with names; no section or file symbols,
     * no undefined ones, no "$x"/"$d" mapping symbols. Untyped labels in code sections (assembly
     * entry points without .type) count as functions for address look-ups. */
    for (uint64_t i = 1; i < nsyms; i++) {
        const uint8_t *p = symdata + i * symsize;
        uint64_t name = FIELD(is64, p, Elf32_Sym, Elf64_Sym, st_name);
        unsigned stinfo = (unsigned)FIELD(is64, p, Elf32_Sym, Elf64_Sym, st_info);
        unsigned shndx = (unsigned)FIELD(is64, p, Elf32_Sym, Elf64_Sym, st_shndx);
        uint64_t value = FIELD(is64, p, Elf32_Sym, Elf64_Sym, st_value);
        uint64_t size = FIELD(is64, p, Elf32_Sym, Elf64_Sym, st_size);
        unsigned type = ELF64_ST_TYPE(stinfo);
        const char *s = (const char *)strtab + name;
        if (type != STT_FUNC && type != STT_OBJECT && type != STT_NOTYPE)
            continue;
        if (!name || !*s || *s == '$' || shndx == SHN_UNDEF)
            continue;
        bool is_func = type == STT_FUNC;
        if (type == STT_NOTYPE && shndx < nsec && shndx < SHN_LORESERVE) {
            struct shdr sec = get_shdr(is64, f + eh.shoff + (uint64_t)shndx * shsize);
            is_func = (sec.flags & SHF_EXECINSTR) != 0;
        }
        if (symtab_add(syms, s, value, size, is_func))
            return fail(err, errlen, path, "out of memory for the symbol table");
    }
    if (syms)
        symtab_finish(syms);

    if (info) {
        info->entry = eh.entry;
        info->xlen = is64 ? 64 : 32;
        info->lo = lo;
        info->hi = hi;
    }
    return 0;
}

int elf_load(struct bus *bus, const char *path, struct symtab *syms, struct elf_info *info,
             char *err, size_t errlen)
{
    uint8_t *data;
    size_t len;
    if (read_file(path, &data, &len, err, errlen))
        return -1;
    int rc = parse_and_load(bus, path, data, len, syms, info, err, errlen);
    free(data);
    return rc;
}

int file_is_elf(const char *path, bool *is_elf, char *err, size_t errlen)
{
    *is_elf = false;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(err, errlen, path, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return fail(err, errlen, path, "not a regular file");
    }
    if (st.st_size == 0) {
        close(fd);
        return fail(err, errlen, path, "empty file");
    }
    unsigned char magic[SELFMAG];
    ssize_t n = read(fd, magic, sizeof(magic));
    close(fd);
    *is_elf = n == SELFMAG && !memcmp(magic, ELFMAG, SELFMAG);
    return 0;
}

int raw_load(struct bus *bus, const char *path, uint64_t addr, uint64_t *size, char *err,
             size_t errlen)
{
    uint8_t *data;
    size_t len;
    if (read_file(path, &data, &len, err, errlen))
        return -1;
    if (size)
        *size = len;
    int rc = 0;
    uint64_t bad = 0;
    if (len && wraps(addr, len))
        rc = fail(err, errlen, path, "%zu bytes at 0x%llx wrap around the end of the address "
                  "space", len, (unsigned long long)addr);
    else if (len && poke_range(bus, addr, data, len, &bad))
        rc = fail(err, errlen, path,
                  "%zu bytes at 0x%llx-0x%llx are not inside RAM or ROM (0x%llx is not memory)",
                  len, (unsigned long long)addr, (unsigned long long)(addr + len - 1),
                  (unsigned long long)bad);
    free(data);
    return rc;
}
