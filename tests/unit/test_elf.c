/* ELF and raw loader: images are built in memory by the test (ELF32 and ELF64, two PT_LOADs
 * with a .bss tail, a symbol table), written to a temporary directory, loaded onto a bus with
 * RAM and ROM; then damaged copies must give the exact error messages. */
#include <elf.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "models/bus/bus.h"
#include "models/core/device.h"
#include "models/core/symtab.h"
#include "sim/elf.h"
#include "tests/unit/unit.h"

/* ---- A bus with RAM at 0x80000000 (64 KiB), ROM at 0x1000 (4 KiB), RAM at 4 GiB (4 KiB). */

struct test_mem {
    struct device dev;
    uint8_t *buf;
    bool writable;
};

static uint8_t *mem_memory(struct device *dev, bool *writable)
{
    struct test_mem *m = (struct test_mem *)dev;
    *writable = m->writable;
    return m->buf;
}

static const struct dev_type test_mem_type = {
    .name = "test-mem", .mapped = true, .access_sizes = DEV_SZ1 | DEV_SZ2 | DEV_SZ4 | DEV_SZ8,
    .memory = mem_memory,
};

#define RAM_BASE 0x80000000ULL
#define RAM_SIZE 0x10000ULL
#define ROM_BASE 0x1000ULL
#define ROM_SIZE 0x1000ULL
#define HIGH_BASE 0x100000000ULL
#define HIGH_SIZE 0x1000ULL

static struct bus bus;
static struct test_mem ram, rom, high;
static char tmpdir[64];
static char errbuf[512];

static void add_mem(struct test_mem *m, const char *name, uint64_t base, uint64_t size, bool w)
{
    m->dev.type = &test_mem_type;
    m->dev.name = (char *)name;
    m->buf = malloc(size);
    memset(m->buf, 0xaa, size);
    m->writable = w;
    char err[128];
    CU_ASSERT_EQUAL_FATAL(bus_map(&bus, &m->dev, base, size, err, sizeof(err)), 0);
}

static void setup(void)
{
    bus_init(&bus);
    add_mem(&ram, "ram", RAM_BASE, RAM_SIZE, true);
    add_mem(&rom, "rom", ROM_BASE, ROM_SIZE, false);
    add_mem(&high, "high", HIGH_BASE, HIGH_SIZE, true);
    if (!tmpdir[0]) {
        strcpy(tmpdir, "/tmp/socsim-elf-XXXXXX");
        CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(tmpdir));
    }
    errbuf[0] = 0;
}

static void teardown(void)
{
    bus_free(&bus);
    free(ram.buf);
    free(rom.buf);
    free(high.buf);
}

static const char *write_file(const char *name, const void *data, size_t len)
{
    static char path[128];
    snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    if (len)
        CU_ASSERT_EQUAL(fwrite(data, 1, len, f), len);
    fclose(f);
    return path;
}

/* ---- Building images ---- */

static void put(uint8_t *p, uint64_t v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

#define PUT(base, is64, T, f, v)                                                            \
    ((is64) ? put((base) + offsetof(Elf64_##T, f), (v), sizeof(((Elf64_##T *)0)->f))        \
            : put((base) + offsetof(Elf32_##T, f), (v), sizeof(((Elf32_##T *)0)->f)))

#define EHSIZE(is64) ((is64) ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr))
#define PHSIZE(is64) ((is64) ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr))
#define SHSIZE(is64) ((is64) ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr))
#define SYMSIZE(is64) ((is64) ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym))
#define PH(img, is64, i) ((img) + EHSIZE(is64) + (i) * PHSIZE(is64))

enum { SEG0_OFF = 0x100, SEG1_OFF = 0x200, STR_OFF = 0x300, SYM_OFF = 0x400, SH_OFF = 0x500 };
enum { SEG0_SIZE = 0x40, SEG1_FILE = 0x10, SEG1_MEM = 0x40, IMG_SIZE = 0x700 };

static const char strtab[] = "\0_start\0main\0tohost\0buf\0crt0.c\0$x\0weak_undef\0__stack_top";

static unsigned str_at(const char *s)
{
    for (unsigned i = 1; i < sizeof(strtab); i += (unsigned)strlen(strtab + i) + 1)
        if (!strcmp(strtab + i, s))
            return i;
    return 0;
}

static uint64_t seg1_addr(bool is64)
{
    return is64 ? HIGH_BASE + 0x100 : RAM_BASE + 0x1000;
}

/* A RISC-V executable: segment 0 = .text at RAM_BASE (SEG0_SIZE bytes), segment 1 = .data
 * (SEG1_FILE bytes) + .bss (to SEG1_MEM) at seg1_addr(); a symbol table. */
static void build(uint8_t *img, bool is64)
{
    memset(img, 0, IMG_SIZE);
    memcpy(img, ELFMAG, SELFMAG);
    img[EI_CLASS] = is64 ? ELFCLASS64 : ELFCLASS32;
    img[EI_DATA] = ELFDATA2LSB;
    img[EI_VERSION] = EV_CURRENT;
    PUT(img, is64, Ehdr, e_type, ET_EXEC);
    PUT(img, is64, Ehdr, e_machine, EM_RISCV);
    PUT(img, is64, Ehdr, e_version, EV_CURRENT);
    PUT(img, is64, Ehdr, e_entry, RAM_BASE + 4);
    PUT(img, is64, Ehdr, e_phoff, EHSIZE(is64));
    PUT(img, is64, Ehdr, e_shoff, SH_OFF);
    PUT(img, is64, Ehdr, e_ehsize, EHSIZE(is64));
    PUT(img, is64, Ehdr, e_phentsize, PHSIZE(is64));
    PUT(img, is64, Ehdr, e_phnum, 2);
    PUT(img, is64, Ehdr, e_shentsize, SHSIZE(is64));
    PUT(img, is64, Ehdr, e_shnum, 6);

    uint8_t *ph = PH(img, is64, 0);
    PUT(ph, is64, Phdr, p_type, PT_LOAD);
    PUT(ph, is64, Phdr, p_offset, SEG0_OFF);
    PUT(ph, is64, Phdr, p_vaddr, RAM_BASE);
    PUT(ph, is64, Phdr, p_paddr, RAM_BASE);
    PUT(ph, is64, Phdr, p_filesz, SEG0_SIZE);
    PUT(ph, is64, Phdr, p_memsz, SEG0_SIZE);
    ph = PH(img, is64, 1);
    PUT(ph, is64, Phdr, p_type, PT_LOAD);
    PUT(ph, is64, Phdr, p_offset, SEG1_OFF);
    PUT(ph, is64, Phdr, p_vaddr, 0x12345000); /* loaded by paddr, not vaddr */
    PUT(ph, is64, Phdr, p_paddr, seg1_addr(is64));
    PUT(ph, is64, Phdr, p_filesz, SEG1_FILE);
    PUT(ph, is64, Phdr, p_memsz, SEG1_MEM);
    for (unsigned i = 0; i < SEG0_SIZE; i++)
        img[SEG0_OFF + i] = (uint8_t)(i * 3 + 1);
    for (unsigned i = 0; i < SEG1_FILE; i++)
        img[SEG1_OFF + i] = (uint8_t)(0xc0 + i);
    memcpy(img + STR_OFF, strtab, sizeof(strtab));

    /* Symbols: name, type, bind, section, value, size. */
    struct {
        const char *name;
        unsigned type, bind, shndx;
        uint64_t value, size;
    } syms[] = {
        {"_start", STT_NOTYPE, STB_GLOBAL, 1, RAM_BASE, 0},
        {"main", STT_FUNC, STB_GLOBAL, 1, RAM_BASE + 0x10, 0x30},
        {"tohost", STT_OBJECT, STB_GLOBAL, 2, seg1_addr(is64), 8},
        {"buf", STT_OBJECT, STB_LOCAL, 3, seg1_addr(is64) + SEG1_FILE, 0x30},
        {"crt0.c", STT_FILE, STB_LOCAL, SHN_ABS, 0, 0},
        {"", STT_SECTION, STB_LOCAL, 1, RAM_BASE, 0},
        {"$x", STT_NOTYPE, STB_LOCAL, 1, RAM_BASE, 0},
        {"weak_undef", STT_NOTYPE, STB_WEAK, SHN_UNDEF, 0, 0},
        {"__stack_top", STT_NOTYPE, STB_GLOBAL, SHN_ABS, RAM_BASE + RAM_SIZE, 0},
    };
    unsigned nsyms = sizeof(syms) / sizeof(syms[0]) + 1;
    for (unsigned i = 1; i < nsyms; i++) {
        uint8_t *s = img + SYM_OFF + i * SYMSIZE(is64);
        PUT(s, is64, Sym, st_name, syms[i - 1].name[0] ? str_at(syms[i - 1].name) : 0);
        PUT(s, is64, Sym, st_info, (syms[i - 1].bind << 4) | syms[i - 1].type);
        PUT(s, is64, Sym, st_shndx, syms[i - 1].shndx);
        PUT(s, is64, Sym, st_value, syms[i - 1].value);
        PUT(s, is64, Sym, st_size, syms[i - 1].size);
    }

    /* Sections: null, .text, .data, .bss, .symtab, .strtab */
    struct {
        unsigned type;
        uint64_t flags, addr, off, size;
        unsigned link, entsize;
    } secs[6] = {
        {SHT_NULL, 0, 0, 0, 0, 0, 0},
        {SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, RAM_BASE, SEG0_OFF, SEG0_SIZE, 0, 0},
        {SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, seg1_addr(is64), SEG1_OFF, SEG1_FILE, 0, 0},
        {SHT_NOBITS, SHF_ALLOC | SHF_WRITE, seg1_addr(is64) + SEG1_FILE, 0x7fff0000,
         SEG1_MEM - SEG1_FILE, 0, 0},
        {SHT_SYMTAB, 0, 0, SYM_OFF, nsyms * SYMSIZE(is64), 5, (unsigned)SYMSIZE(is64)},
        {SHT_STRTAB, 0, 0, STR_OFF, sizeof(strtab), 0, 0},
    };
    for (unsigned i = 0; i < 6; i++) {
        uint8_t *s = img + SH_OFF + i * SHSIZE(is64);
        PUT(s, is64, Shdr, sh_type, secs[i].type);
        PUT(s, is64, Shdr, sh_flags, secs[i].flags);
        PUT(s, is64, Shdr, sh_addr, secs[i].addr);
        PUT(s, is64, Shdr, sh_offset, secs[i].off);
        PUT(s, is64, Shdr, sh_size, secs[i].size);
        PUT(s, is64, Shdr, sh_link, secs[i].link);
        PUT(s, is64, Shdr, sh_entsize, secs[i].entsize);
    }
}

/* Load img (len bytes) as file `name`; returns elf_load's result, message in errbuf. */
static int load(const char *name, const uint8_t *img, size_t len, struct symtab *syms,
                struct elf_info *info)
{
    const char *path = write_file(name, img, len);
    struct elf_info dummy = {0};
    return elf_load(&bus, path, syms, info ? info : &dummy, errbuf, sizeof(errbuf));
}

static void expect_error(const char *name, const uint8_t *img, size_t len, const char *msg)
{
    char want[512];
    snprintf(want, sizeof(want), "%s/%s: %s", tmpdir, name, msg);
    setup();
    struct symtab syms;
    symtab_init(&syms);
    CU_ASSERT_EQUAL(load(name, img, len, &syms, NULL), -1);
    if (strcmp(errbuf, want))
        printf("\n  got:  %s\n  want: %s\n", errbuf, want);
    CU_ASSERT_STRING_EQUAL(errbuf, want);
    CU_ASSERT_EQUAL(syms.n, 0);
    symtab_free(&syms);
    teardown();
}

/* ---- Valid images ---- */

static void check_valid(bool is64)
{
    uint8_t img[IMG_SIZE];
    build(img, is64);
    setup();
    struct symtab syms;
    symtab_init(&syms);
    struct elf_info info = {0};
    CU_ASSERT_EQUAL(load(is64 ? "ok64.elf" : "ok32.elf", img, sizeof(img), &syms, &info), 0);
    CU_ASSERT_STRING_EQUAL(errbuf, "");
    CU_ASSERT_EQUAL(info.entry, RAM_BASE + 4);
    CU_ASSERT_EQUAL(info.xlen, is64 ? 64 : 32);
    CU_ASSERT_EQUAL(info.lo, RAM_BASE);
    CU_ASSERT_EQUAL(info.hi, seg1_addr(is64) + SEG1_MEM);

    uint8_t got[SEG1_MEM + 1];
    CU_ASSERT_EQUAL(bus_peek(&bus, RAM_BASE, got, SEG0_SIZE + 1), SEG0_SIZE + 1);
    CU_ASSERT_EQUAL(memcmp(got, img + SEG0_OFF, SEG0_SIZE), 0);
    CU_ASSERT_EQUAL(got[SEG0_SIZE], 0xaa); /* nothing past the segment */
    CU_ASSERT_EQUAL(bus_peek(&bus, seg1_addr(is64), got, SEG1_MEM + 1), SEG1_MEM + 1);
    CU_ASSERT_EQUAL(memcmp(got, img + SEG1_OFF, SEG1_FILE), 0);
    bool zero = true;
    for (unsigned i = SEG1_FILE; i < SEG1_MEM; i++)
        zero &= got[i] == 0;
    CU_ASSERT(zero); /* .bss tail zero-filled */
    CU_ASSERT_EQUAL(got[SEG1_MEM], 0xaa);

    /* Kept: _start (label in code: a function), main, tohost, buf, __stack_top. Dropped:
     * file, section, "$x" mapping, undefined and nameless symbols. */
    CU_ASSERT_EQUAL(syms.n, 5);
    uint64_t a;
    CU_ASSERT(symtab_lookup(&syms, "tohost", &a));
    CU_ASSERT_EQUAL(a, seg1_addr(is64));
    CU_ASSERT(symtab_lookup(&syms, "__stack_top", &a));
    CU_ASSERT_EQUAL(a, RAM_BASE + RAM_SIZE);
    CU_ASSERT_FALSE(symtab_lookup(&syms, "crt0.c", NULL));
    CU_ASSERT_FALSE(symtab_lookup(&syms, "$x", NULL));
    CU_ASSERT_FALSE(symtab_lookup(&syms, "weak_undef", NULL));
    const struct symbol *s = symtab_find_addr(&syms, RAM_BASE + 8);
    CU_ASSERT(s && !strcmp(s->name, "_start") && s->is_func);
    s = symtab_find_addr(&syms, RAM_BASE + 0x20);
    CU_ASSERT(s && !strcmp(s->name, "main") && s->is_func && s->size == 0x30);
    s = symtab_find_addr(&syms, seg1_addr(is64) + SEG1_FILE + 4);
    CU_ASSERT(s && !strcmp(s->name, "buf") && !s->is_func);
    symtab_free(&syms);
    teardown();
}

static void test_elf32_loads_segments_bss_and_symbols(void) { check_valid(false); }
static void test_elf64_loads_segments_bss_and_symbols(void) { check_valid(true); }

static void test_elf_without_symtab_arg_or_sections(void)
{
    uint8_t img[IMG_SIZE];
    build(img, false);
    PUT(img, false, Ehdr, e_shoff, 0); /* stripped: no section headers at all */
    PUT(img, false, Ehdr, e_shnum, 0);
    setup();
    struct symtab syms;
    symtab_init(&syms);
    struct elf_info info = {0};
    CU_ASSERT_EQUAL(load("stripped.elf", img, sizeof(img), &syms, &info), 0);
    CU_ASSERT_EQUAL(syms.n, 0);
    symtab_free(&syms);
    build(img, true);
    CU_ASSERT_EQUAL(load("nosyms.elf", img, sizeof(img), NULL, &info), 0);
    CU_ASSERT_EQUAL(info.xlen, 64);
    teardown();
}

static void test_elf_into_rom(void)
{
    uint8_t img[IMG_SIZE];
    build(img, false);
    PUT(PH(img, false, 0), false, Phdr, p_paddr, ROM_BASE);
    setup();
    CU_ASSERT_EQUAL(load("rom.elf", img, sizeof(img), NULL, NULL), 0);
    CU_ASSERT_EQUAL(memcmp(rom.buf, img + SEG0_OFF, SEG0_SIZE), 0);
    teardown();
}

/* ---- Broken images ---- */

static void test_elf_empty_file(void)
{
    expect_error("empty.elf", (const uint8_t *)"", 0, "empty file, not an ELF file");
}

static void test_elf_bad_magic(void)
{
    uint8_t img[IMG_SIZE];
    build(img, false);
    img[1] = 'X';
    expect_error("magic.elf", img, sizeof(img), "not an ELF file");
    expect_error("text.elf", (const uint8_t *)"hello", 5, "not an ELF file");
    expect_error("short.elf", (const uint8_t *)"\177E", 2, "not an ELF file");
}

static void test_elf_truncated_header(void)
{
    uint8_t img[IMG_SIZE];
    build(img, false);
    expect_error("hdr32.elf", img, 30, "truncated (ELF header is 52 bytes, file has 30)");
    build(img, true);
    expect_error("hdr64.elf", img, 60, "truncated (ELF header is 64 bytes, file has 60)");
    expect_error("ident.elf", img, 10, "truncated (ELF header)");
}

static void test_elf_truncated_program_headers(void)
{
    uint8_t img[IMG_SIZE];
    build(img, false);
    expect_error("ph.elf", img, EHSIZE(false) + PHSIZE(false) + 10,
                 "truncated (program header 1 extends past end of file)");
    build(img, true);
    PUT(img, true, Ehdr, e_phoff, 0xfffffffffffffff0ULL); /* phoff + size overflows */
    expect_error("phoff.elf", img, sizeof(img),
                 "truncated (program header 0 extends past end of file)");
}

static void test_elf_segment_data_past_eof(void)
{
    uint8_t img[IMG_SIZE];
    build(img, false);
    PUT(PH(img, false, 1), false, Phdr, p_filesz, 0x600);
    PUT(PH(img, false, 1), false, Phdr, p_memsz, 0x600);
    expect_error("seg.elf", img, sizeof(img),
                 "truncated (segment 1 data at offset 0x200+0x600 extends past end of file)");
}

static void test_elf_segment_offset_overflow(void)
{
    uint8_t img[IMG_SIZE];
    build(img, true);
    PUT(PH(img, true, 0), true, Phdr, p_offset, 0xffffffffffffff00ULL);
    PUT(PH(img, true, 0), true, Phdr, p_filesz, 0x200);
    PUT(PH(img, true, 0), true, Phdr, p_memsz, 0x200);
    expect_error("ovf.elf", img, sizeof(img),
                 "truncated (segment 0 data at offset 0xffffffffffffff00+0x200 extends past "
                 "end of file)");
    build(img, false);
    PUT(PH(img, false, 0), false, Phdr, p_offset, 0xffffff00);
    PUT(PH(img, false, 0), false, Phdr, p_filesz, 0x100);
    PUT(PH(img, false, 0), false, Phdr, p_memsz, 0x100);
    expect_error("ovf32.elf", img, sizeof(img),
                 "truncated (segment 0 data at offset 0xffffff00+0x100 extends past end of "
                 "file)");
}

static void test_elf_filesz_larger_than_memsz(void)
{
    uint8_t img[IMG_SIZE];
    build(img, false);
    PUT(PH(img, false, 1), false, Phdr, p_memsz, 0x8);
    expect_error("sizes.elf", img, sizeof(img),
                 "segment 1 has file size 0x10 larger than its memory size 0x8");
}

static void test_elf_wrong_machine(void)
{
    uint8_t img[IMG_SIZE];
    build(img, true);
    PUT(img, true, Ehdr, e_machine, EM_X86_64);
    expect_error("x86.elf", img, sizeof(img), "ELF machine is x86-64 (62), not RISC-V");
    PUT(img, true, Ehdr, e_machine, EM_AARCH64);
    expect_error("arm64.elf", img, sizeof(img), "ELF machine is AArch64 (183), not RISC-V");
    PUT(img, true, Ehdr, e_machine, 4242);
    expect_error("odd.elf", img, sizeof(img), "ELF machine is 4242, not RISC-V (243)");
}

static void test_elf_big_endian_and_bad_class(void)
{
    uint8_t img[IMG_SIZE];
    build(img, false);
    img[EI_DATA] = ELFDATA2MSB;
    expect_error("be.elf", img, sizeof(img), "big-endian ELF is not supported");
    img[EI_DATA] = 7;
    expect_error("enc.elf", img, sizeof(img), "unknown ELF data encoding 7");
    build(img, false);
    img[EI_CLASS] = 3;
    expect_error("class.elf", img, sizeof(img), "unknown ELF class 3 (not 32- or 64-bit)");
}

static void test_elf_wrong_type(void)
{
    uint8_t img[IMG_SIZE];
    build(img, true);
    PUT(img, true, Ehdr, e_type, ET_DYN);
    expect_error("dyn.elf", img, sizeof(img),
                 "ELF type is DYN (a position-independent executable or shared library), not "
                 "EXEC: link the firmware with -static -no-pie");
    PUT(img, true, Ehdr, e_type, ET_REL);
    expect_error("rel.elf", img, sizeof(img),
                 "ELF type is REL (a relocatable object file), not EXEC: link it into an "
                 "executable");
    PUT(img, true, Ehdr, e_type, ET_CORE);
    expect_error("core.elf", img, sizeof(img), "ELF type is CORE (a core dump), not EXEC");
}

static void test_elf_bad_header_sizes(void)
{
    uint8_t img[IMG_SIZE];
    build(img, false);
    PUT(img, false, Ehdr, e_phentsize, 40);
    expect_error("phent.elf", img, sizeof(img), "bad program header size 40 (expected 32)");
    build(img, false);
    PUT(img, false, Ehdr, e_phnum, 0);
    expect_error("nophdr.elf", img, sizeof(img), "no program headers (nothing to load)");
    build(img, false);
    PUT(PH(img, false, 0), false, Phdr, p_type, PT_NOTE);
    PUT(PH(img, false, 1), false, Phdr, p_type, PT_NULL);
    expect_error("noload.elf", img, sizeof(img), "no loadable (PT_LOAD) segments");
    build(img, false);
    PUT(PH(img, false, 1), false, Phdr, p_type, PT_INTERP);
    expect_error("interp.elf", img, sizeof(img),
                 "has a program interpreter (a dynamically linked program?), not bare-metal "
                 "firmware");
}

static void test_elf_truncated_sections_and_symbols(void)
{
    uint8_t img[IMG_SIZE];
    build(img, false);
    expect_error("sh.elf", img, SH_OFF + 10,
                 "truncated (section header table extends past end of file)");
    build(img, false);
    PUT(img, false, Ehdr, e_shnum, 60);
    expect_error("shnum.elf", img, sizeof(img),
                 "truncated (section header table extends past end of file)");
    build(img, false);
    PUT(img + SH_OFF + 4 * SHSIZE(false), false, Shdr, sh_size, 0x10000);
    expect_error("symsize.elf", img, sizeof(img),
                 "truncated (section 4 extends past end of file)");
    build(img, false);
    PUT(img + SYM_OFF + 2 * SYMSIZE(false), false, Sym, st_name, 0x5000);
    expect_error("symname.elf", img, sizeof(img),
                 "corrupt symbol table (name of symbol 2 is outside its string table)");
    build(img, false);
    /* string table not NUL-terminated: cut it inside "__stack_top" */
    PUT(img + SH_OFF + 5 * SHSIZE(false), false, Shdr, sh_size, sizeof(strtab) - 3);
    expect_error("strtab.elf", img, sizeof(img),
                 "corrupt symbol table (name of symbol 9 is outside its string table)");
    build(img, false);
    PUT(img + SH_OFF + 4 * SHSIZE(false), false, Shdr, sh_link, 9);
    expect_error("link.elf", img, sizeof(img),
                 "symbol table has no valid string table (link 9)");
}

static void test_elf_segment_outside_memory(void)
{
    uint8_t img[IMG_SIZE];
    build(img, false);
    PUT(PH(img, false, 1), false, Phdr, p_paddr, 0x90000000);
    expect_error("out.elf", img, sizeof(img),
                 "segment 1 (0x90000000-0x9000003f) is not inside RAM or ROM (0x90000000 is "
                 "not memory)");
    /* The file part fits, the .bss tail runs off the end of RAM. */
    build(img, false);
    PUT(PH(img, false, 1), false, Phdr, p_paddr, RAM_BASE + RAM_SIZE - 0x20);
    expect_error("tail.elf", img, sizeof(img),
                 "segment 1 (0x8000ffe0-0x8001001f) is not inside RAM or ROM (0x80010000 is "
                 "not memory)");
    /* ELF32 segment running past 4 GiB. */
    build(img, false);
    PUT(PH(img, false, 1), false, Phdr, p_paddr, 0xfffffff0);
    expect_error("wrap.elf", img, sizeof(img),
                 "segment 1 (0xfffffff0+0x40) wraps around the end of the address space");
}

static void test_elf_of_the_other_xlen_is_refused_before_anything_loads(void)
{
    uint8_t img[IMG_SIZE];
    for (int is64 = 0; is64 < 2; is64++) {
        build(img, is64);
        setup();
        struct elf_info info = {.want_xlen = is64 ? 32 : 64};
        CU_ASSERT_EQUAL(load("other.elf", img, sizeof(img), NULL, &info), -1);
        char want[512];
        snprintf(want, sizeof(want), "%s/other.elf: %s-bit ELF on a platform with RV%s harts",
                 tmpdir, is64 ? "64" : "32", is64 ? "32" : "64");
        CU_ASSERT_STRING_EQUAL(errbuf, want);
        uint8_t got[4] = {0};
        bus_peek(&bus, RAM_BASE, got, 4);
        CU_ASSERT_EQUAL(memcmp(got, img + SEG0_OFF, 4) == 0, 0); /* nothing was written */
        info.want_xlen = is64 ? 64 : 32;
        CU_ASSERT_EQUAL(load("same.elf", img, sizeof(img), NULL, &info), 0);
        teardown();
    }
}

static void test_elf_missing_file_and_directory(void)
{
    setup();
    char path[128];
    snprintf(path, sizeof(path), "%s/nosuch.elf", tmpdir);
    struct elf_info info = {0};
    CU_ASSERT_EQUAL(elf_load(&bus, path, NULL, &info, errbuf, sizeof(errbuf)), -1);
    char want[256];
    snprintf(want, sizeof(want), "%s: cannot open: No such file or directory", path);
    CU_ASSERT_STRING_EQUAL(errbuf, want);
    CU_ASSERT_EQUAL(elf_load(&bus, tmpdir, NULL, &info, errbuf, sizeof(errbuf)), -1);
    snprintf(want, sizeof(want), "%s: not a regular file", tmpdir);
    CU_ASSERT_STRING_EQUAL(errbuf, want);
    /* A tiny error buffer truncates, never overflows. */
    char small[8];
    CU_ASSERT_EQUAL(elf_load(&bus, path, NULL, &info, small, sizeof(small)), -1);
    CU_ASSERT_EQUAL(strlen(small), 7);
    teardown();
}

/* Every prefix of a valid image fails cleanly (no out-of-bounds read under ASan) or loads. */
static void test_elf_every_truncation_is_safe(void)
{
    for (int is64 = 0; is64 < 2; is64++) {
        uint8_t img[IMG_SIZE];
        build(img, is64);
        for (size_t len = 0; len < sizeof(img); len += 7) {
            setup();
            uint8_t *copy = malloc(len ? len : 1); /* exact size: ASan sees any overrun */
            memcpy(copy, img, len);
            int rc = load("cut.elf", copy, len, NULL, NULL);
            CU_ASSERT(rc == -1 || len >= SH_OFF + 6 * SHSIZE(is64));
            CU_ASSERT(rc == 0 || strstr(errbuf, ": ") != NULL);
            free(copy);
            teardown();
        }
    }
}

/* ---- Raw binaries ---- */

static void test_raw_load(void)
{
    setup();
    uint8_t data[100];
    for (unsigned i = 0; i < sizeof(data); i++)
        data[i] = (uint8_t)i;
    const char *path = write_file("fw.bin", data, sizeof(data));
    uint64_t size = 0;
    CU_ASSERT_EQUAL(raw_load(&bus, path, RAM_BASE + 0x10, &size, errbuf, sizeof(errbuf)), 0);
    CU_ASSERT_EQUAL(size, sizeof(data));
    CU_ASSERT_EQUAL(memcmp(ram.buf + 0x10, data, sizeof(data)), 0);
    CU_ASSERT_EQUAL(ram.buf[0x10 + sizeof(data)], 0xaa);
    /* Into ROM works too (it is the loader, not the guest). */
    CU_ASSERT_EQUAL(raw_load(&bus, path, ROM_BASE, NULL, errbuf, sizeof(errbuf)), 0);
    CU_ASSERT_EQUAL(memcmp(rom.buf, data, sizeof(data)), 0);

    path = write_file("empty.bin", "", 0);
    CU_ASSERT_EQUAL(raw_load(&bus, path, 0xdead0000, NULL, errbuf, sizeof(errbuf)), 0);

    path = write_file("fw.bin", data, sizeof(data));
    char want[256];
    CU_ASSERT_EQUAL(raw_load(&bus, path, RAM_BASE + RAM_SIZE - 50, NULL, errbuf, sizeof(errbuf)), -1);
    snprintf(want, sizeof(want),
             "%s: 100 bytes at 0x8000ffce-0x80010031 are not inside RAM or ROM (0x80010000 is "
             "not memory)",
             path);
    CU_ASSERT_STRING_EQUAL(errbuf, want);
    CU_ASSERT_EQUAL(raw_load(&bus, path, 0x40000000, NULL, errbuf, sizeof(errbuf)), -1);
    snprintf(want, sizeof(want),
             "%s: 100 bytes at 0x40000000-0x40000063 are not inside RAM or ROM (0x40000000 is "
             "not memory)",
             path);
    CU_ASSERT_STRING_EQUAL(errbuf, want);
    CU_ASSERT_EQUAL(raw_load(&bus, path, UINT64_MAX - 10, NULL, errbuf, sizeof(errbuf)), -1);
    snprintf(want, sizeof(want),
             "%s: 100 bytes at 0xfffffffffffffff5 wrap around the end of the address space",
             path);
    CU_ASSERT_STRING_EQUAL(errbuf, want);

    char missing[128];
    snprintf(missing, sizeof(missing), "%s/missing.bin", tmpdir);
    CU_ASSERT_EQUAL(raw_load(&bus, missing, RAM_BASE, NULL, errbuf, sizeof(errbuf)), -1);
    snprintf(want, sizeof(want), "%s: cannot open: No such file or directory", missing);
    CU_ASSERT_STRING_EQUAL(errbuf, want);
    teardown();
}

static void test_zz_cleanup(void)
{
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    CU_ASSERT_EQUAL(system(cmd), 0);
}

UNIT_MAIN("elf", T(test_elf32_loads_segments_bss_and_symbols),
          T(test_elf64_loads_segments_bss_and_symbols), T(test_elf_without_symtab_arg_or_sections),
          T(test_elf_into_rom), T(test_elf_empty_file), T(test_elf_bad_magic),
          T(test_elf_truncated_header), T(test_elf_truncated_program_headers),
          T(test_elf_segment_data_past_eof), T(test_elf_segment_offset_overflow),
          T(test_elf_filesz_larger_than_memsz), T(test_elf_wrong_machine),
          T(test_elf_big_endian_and_bad_class), T(test_elf_wrong_type),
          T(test_elf_bad_header_sizes), T(test_elf_truncated_sections_and_symbols),
          T(test_elf_segment_outside_memory),
          T(test_elf_of_the_other_xlen_is_refused_before_anything_loads),
          T(test_elf_missing_file_and_directory),
          T(test_elf_every_truncation_is_safe), T(test_raw_load), T(test_zz_cleanup))
