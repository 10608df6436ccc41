/* A RISC-V hart: configuration, reset, the block cache, run/step control and the slow paths
 * (MMIO, faults, AMOs, semihosting) that the execute loop calls out to. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rv_private.h"

const char rv_hart_help[] =
    "RISC-V hart (RV32/RV64 IMAFDC, Zba/Zbb/Zbs, Zicsr, Zifencei, Zicntr, Zihpm; M, S and U "
    "modes; Sv32/Sv39/Sv48; PMP)";

const struct param_decl rv_hart_params[] = {
    {"isa", PARAM_STRING, "rv32imac",
     "rv32i or rv64i (or rv32g/rv64g) followed by any of m, a, f, d, c, then _zba, _zbb, _zbs, "
     "_zicsr, _zifencei, _zicntr, _zihpm; what is not listed raises illegal-instruction"},
    {"priv", PARAM_STRING, "msu", "privilege modes: 'msu', 'mu' or 'm'"},
    {"mmu", PARAM_STRING, "auto",
     "address translation: 'auto' (sv32 on RV32, sv39 on RV64, bare without S-mode), 'bare', "
     "'sv32', 'sv39' or 'sv48'"},
    {"pte_ad", PARAM_STRING, "hardware",
     "accessed/dirty bits: 'hardware' (the walker sets them) or 'fault' (page fault when clear)"},
    {"pmp_entries", PARAM_INT, "16", "PMP entries: 0, 16 or 64"},
    {"pmp_granularity", PARAM_SIZE, "4", "PMP grain in bytes, a power of two >= 4"},
    {"hartid", PARAM_STRING, "auto", "mhartid ('auto': the hart's position in the platform)"},
    {"mvendorid", PARAM_INT, "0", "mvendorid CSR value"},
    {"marchid", PARAM_INT, "0", "marchid CSR value"},
    {"mimpid", PARAM_INT, "0", "mimpid CSR value"},
    {"freq", PARAM_FREQ, "100MHz", "core clock (the plain model retires one instruction a cycle)"},
    {"reset_pc", PARAM_INT, "0", "pc after reset when no firmware entry point is given"},
    {"misaligned", PARAM_STRING, "trap",
     "misaligned loads/stores: 'trap' (address-misaligned exception, M-mode software "
     "emulates) or 'emulate' (handled in hardware)"},
    {"semihosting", PARAM_BOOL, "true",
     "the slli/ebreak/srai sequence in M-mode calls the host (see docs/semihosting)"},
    {NULL, 0, NULL, NULL},
};

static int parse_isa(const char *isa, unsigned *exts, unsigned *xlen, char *err, size_t errlen)
{
    char s[128];
    size_t n = strlen(isa);
    if (n >= sizeof(s)) {
        snprintf(err, errlen, "isa string '%s' is too long", isa);
        return -1;
    }
    for (size_t k = 0; k <= n; k++)
        s[k] = (char)tolower((unsigned char)isa[k]);
    if (strncmp(s, "rv32", 4) && strncmp(s, "rv64", 4)) {
        snprintf(err, errlen, "isa '%s' must start with 'rv32' or 'rv64'", isa);
        return -1;
    }
    *xlen = s[2] == '3' ? 32 : 64;
    *exts = RV_EXT_I | RV_EXT_ZICSR | RV_EXT_ZIFENCEI;
    const char *p = s + 4;
    if (*p == 'g') {
        *exts |= RV_EXT_M | RV_EXT_A | RV_EXT_F | RV_EXT_D;
    } else if (*p != 'i') {
        snprintf(err, errlen, "isa '%s': the base must be 'i' or 'g' after rv%u", isa, *xlen);
        return -1;
    }
    for (p++; *p && *p != '_'; p++) {
        switch (*p) {
        case 'm': *exts |= RV_EXT_M; break;
        case 'a': *exts |= RV_EXT_A; break;
        case 'f': *exts |= RV_EXT_F; break;
        case 'd': *exts |= RV_EXT_D; break;
        case 'c': *exts |= RV_EXT_C; break;
        default:
            snprintf(err, errlen,
                     "isa '%s': extension '%c' is not supported (have: m, a, f, d, c)", isa, *p);
            return -1;
        }
    }
    if ((*exts & RV_EXT_D) && !(*exts & RV_EXT_F)) {
        snprintf(err, errlen, "isa '%s': d needs f", isa);
        return -1;
    }
    static const struct {
        const char *name;
        unsigned ext;
    } z[] = {
        {"zicsr", 0}, {"zifencei", 0}, {"zicntr", 0}, {"zihpm", 0},
        {"zba", RV_EXT_ZBA}, {"zbb", RV_EXT_ZBB}, {"zbs", RV_EXT_ZBS},
    };
    while (*p == '_') {
        const char *e = ++p;
        while (*p && *p != '_')
            p++;
        size_t len = (size_t)(p - e), k;
        for (k = 0; k < sizeof(z) / sizeof(z[0]); k++)
            if (strlen(z[k].name) == len && !strncmp(e, z[k].name, len))
                break;
        if (k == sizeof(z) / sizeof(z[0])) {
            snprintf(err, errlen, "isa '%s': extension '%.*s' is not supported", isa, (int)len,
                     e);
            return -1;
        }
        *exts |= z[k].ext;
    }
    return 0;
}

static void irq_input(void *opaque, unsigned n, bool level)
{
    struct rv_hart *h = opaque;
    uint64_t bit = 1ULL << n;
    h->mip_hw = level ? h->mip_hw | bit : h->mip_hw & ~bit;
    rv_update_irq(h);
}

static void code_written(void *opaque, uint64_t addr, uint64_t len)
{
    struct rv_hart *h = opaque;
    h->flush_pending = true;
    h->kick = true;
    if (h->next_code_hook) /* the other harts on this bus */
        h->next_code_hook(h->next_code_opaque, addr, len);
    else
        bus_clear_code(h->bus);
}

static int parse_u64(const char *what, const char *text, uint64_t *out, char *err,
                     size_t errlen)
{
    union param_value v;
    char e[128];
    if (param_parse(PARAM_INT, text, &v, e, sizeof(e))) {
        snprintf(err, errlen, "%s: %s", what, e);
        return -1;
    }
    *out = v.u;
    return 0;
}

struct rv_hart *rv_hart_create(const struct dev_config *cfg, struct sim_env *env,
                               struct bus *bus, unsigned index, char *err, size_t errlen)
{
    unsigned exts, xlen;
    if (parse_isa(cfg_str(cfg, "isa"), &exts, &xlen, err, errlen))
        return NULL;
    const char *mis = cfg_str(cfg, "misaligned");
    if (strcmp(mis, "trap") && strcmp(mis, "emulate")) {
        snprintf(err, errlen, "misaligned must be 'trap' or 'emulate', not '%s'", mis);
        return NULL;
    }
    const char *priv = cfg_str(cfg, "priv");
    if (strcmp(priv, "msu") && strcmp(priv, "mu") && strcmp(priv, "m")) {
        snprintf(err, errlen, "priv must be 'msu', 'mu' or 'm', not '%s'", priv);
        return NULL;
    }
    bool has_s = !strcmp(priv, "msu");
    const char *mmu = cfg_str(cfg, "mmu");
    unsigned vm;
    if (!strcmp(mmu, "auto")) {
        vm = !has_s ? 0 : xlen == 32 ? 1 : 8;
    } else if (!strcmp(mmu, "bare")) {
        vm = 0;
    } else if (!strcmp(mmu, "sv32") && xlen == 32) {
        vm = 1;
    } else if (!strcmp(mmu, "sv39") && xlen == 64) {
        vm = 8;
    } else if (!strcmp(mmu, "sv48") && xlen == 64) {
        vm = 9;
    } else {
        snprintf(err, errlen, "mmu '%s' is not available on RV%u (have: auto, bare, %s)", mmu,
                 xlen, xlen == 32 ? "sv32" : "sv39, sv48");
        return NULL;
    }
    if (vm && !has_s) {
        snprintf(err, errlen, "mmu '%s' needs supervisor mode (priv: msu)", mmu);
        return NULL;
    }
    const char *ad = cfg_str(cfg, "pte_ad");
    if (strcmp(ad, "hardware") && strcmp(ad, "fault")) {
        snprintf(err, errlen, "pte_ad must be 'hardware' or 'fault', not '%s'", ad);
        return NULL;
    }
    uint64_t pmp_n = cfg_u64(cfg, "pmp_entries"), gran = cfg_u64(cfg, "pmp_granularity");
    if (pmp_n != 0 && pmp_n != 16 && pmp_n != 64) {
        snprintf(err, errlen, "pmp_entries must be 0, 16 or 64, not %llu",
                 (unsigned long long)pmp_n);
        return NULL;
    }
    if (gran < 4 || (gran & (gran - 1)) || gran > (1ULL << 32)) {
        snprintf(err, errlen, "pmp_granularity must be a power of two from 4 to 4GiB");
        return NULL;
    }
    uint64_t hartid = index;
    if (strcmp(cfg_str(cfg, "hartid"), "auto") &&
        parse_u64("hartid", cfg_str(cfg, "hartid"), &hartid, err, errlen))
        return NULL;
    uint64_t freq = cfg_u64(cfg, "freq");
    if (freq == 0 || freq > 1000000000000ULL) {
        snprintf(err, errlen, "freq must be between 1 Hz and 1 THz");
        return NULL;
    }
    struct rv_hart *h = calloc(1, sizeof(*h));
    if (!h)
        abort();
    static const struct dev_type hart_type = {.name = "riscv-hart", .help = rv_hart_help};
    dev_init(&h->dev, &hart_type, cfg, env);
    dev_add_input(&h->dev, "msi", irq_input, h, IRQ_MSI);
    dev_add_input(&h->dev, "mti", irq_input, h, IRQ_MTI);
    dev_add_input(&h->dev, "mei", irq_input, h, IRQ_MEI);
    dev_add_input(&h->dev, "sei", irq_input, h, IRQ_SEI);
    h->bus = bus;
    h->env = env;
    /* parse_isa accepted it, so it fits */
    for (size_t k = 0; k + 1 < sizeof(h->isa) && cfg_str(cfg, "isa")[k]; k++)
        h->isa[k] = (char)tolower((unsigned char)cfg_str(cfg, "isa")[k]);
    h->xlen = xlen;
    h->has_s = has_s;
    h->has_u = strcmp(priv, "m") != 0;
    h->exts = exts | (has_s ? RV_EXT_S : 0);
    h->vm_mode = vm;
    h->pte_ad_hw = !strcmp(ad, "hardware");
    h->pmp_n = (unsigned)pmp_n;
    h->pmp_g = (unsigned)__builtin_ctzll(gran) - 2;
    h->hartid = hartid;
    h->mvendorid = cfg_u64(cfg, "mvendorid");
    h->marchid = cfg_u64(cfg, "marchid");
    h->mimpid = cfg_u64(cfg, "mimpid");
    h->period_ps = hz_to_period_ps(freq);
    h->misaligned_trap = !strcmp(mis, "trap");
    h->semihosting = cfg_bool(cfg, "semihosting");
    h->misa = (xlen == 32 ? 1ULL << 30 : 2ULL << 62) | (1u << ('i' - 'a'));
    static const struct {
        unsigned ext;
        char letter;
    } letters[] = {
        {RV_EXT_M, 'm'}, {RV_EXT_A, 'a'}, {RV_EXT_F, 'f'}, {RV_EXT_D, 'd'}, {RV_EXT_C, 'c'},
    };
    for (size_t k = 0; k < sizeof(letters) / sizeof(letters[0]); k++)
        if (exts & letters[k].ext)
            h->misa |= 1u << (letters[k].letter - 'a');
    if (h->has_u)
        h->misa |= 1u << ('u' - 'a');
    if (has_s)
        h->misa |= 1u << ('s' - 'a');
    h->htab = calloc(1u << RV_HT_BITS, sizeof(*h->htab));
    h->arena = malloc(RV_ARENA_SIZE);
    if (!h->htab || !h->arena)
        abort();
    /* Every hart on the bus must drop its blocks when code is written: chain the hooks. */
    h->next_code_hook = bus->code_written;
    h->next_code_opaque = bus->code_opaque;
    bus->code_written = code_written;
    bus->code_opaque = h;
    rv_hart_reset(h, cfg_u64(cfg, "reset_pc"));
    return h;
}

void rv_hart_destroy(struct rv_hart *h)
{
    if (!h)
        return;
    if (h->bus->code_opaque == h) { /* unhook (harts go in reverse order of creation) */
        h->bus->code_written = h->next_code_hook;
        h->bus->code_opaque = h->next_code_opaque;
    }
    free(h->htab);
    free(h->arena);
    dev_fini(&h->dev);
    free(h);
}

struct device *rv_hart_device(struct rv_hart *h) { return &h->dev; }
unsigned rv_hart_xlen(const struct rv_hart *h) { return h->xlen; }
uint64_t rv_hart_id(const struct rv_hart *h) { return h->hartid; }
bool rv_hart_has_smode(const struct rv_hart *h) { return h->has_s; }

const char *rv_hart_mmu_type(const struct rv_hart *h)
{
    switch (h->vm_mode) {
    case 1: return "riscv,sv32";
    case 8: return "riscv,sv39";
    case 9: return "riscv,sv48";
    }
    return NULL;
}
const char *rv_hart_isa(const struct rv_hart *h) { return h->isa; }
uint64_t rv_hart_cycles(const struct rv_hart *h) { return h->cycle; }
uint64_t rv_hart_instret(const struct rv_hart *h) { return h->instret; }
uint64_t rv_hart_period_ps(const struct rv_hart *h) { return h->period_ps; }
bool rv_hart_waiting(const struct rv_hart *h) { return h->wfi; }
uint64_t rv_hart_pc(const struct rv_hart *h) { return h->pc; }

uint64_t rv_hart_reg(const struct rv_hart *h, unsigned i)
{
    if (i == 0 || i > 31)
        return 0;
    return rv_get_x(h, i);
}

void rv_hart_set_reg(struct rv_hart *h, unsigned i, uint64_t v)
{
    rv_set_x(h, i, v);
}

void rv_hart_set_semihost(struct rv_hart *h, rv_semihost_fn *fn, void *opaque)
{
    h->semihost = fn;
    h->semihost_opaque = opaque;
}

void rv_hart_reset(struct rv_hart *h, uint64_t pc)
{
    memset(&h->x, 0, sizeof(h->x));
    memset(h->f, 0, sizeof(h->f));
    h->frm = h->fflags = 0;
    h->pc = pc;
    rv_set_priv(h, PRV_M);
    h->mstatus = h->has_u ? 0 : MSTATUS_MPP;
    h->mie = h->mip = 0;
    h->mtvec = 0;
    h->mscratch = h->mepc = h->mcause = h->mtval = 0;
    h->mcounteren = h->mcountinhibit = 0;
    h->medeleg = h->mideleg = 0;
    h->stvec = h->sscratch = h->sepc = h->scause = h->stval = h->satp = h->scounteren = 0;
    memset(h->pmpcfg, 0, sizeof(h->pmpcfg));
    memset(h->pmpaddr, 0, sizeof(h->pmpaddr));
    rv_pmp_changed(h); /* also empties the TLB */
    /* mcycle and minstret restart from zero; the hart's own time base carries on. */
    h->cycle_off = -(int64_t)h->cycle;
    h->instret_off = -(int64_t)h->instret;
    h->resv_valid = false;
    h->wfi = false;
    memset(&h->lw, 0, sizeof(h->lw));
    memset(&h->sw, 0, sizeof(h->sw));
    h->flush_pending = true;
    rv_update_irq(h);
}

void rv_hart_clear_reservation(struct rv_hart *h)
{
    h->resv_valid = false;
}

void rv_hart_kick(struct rv_hart *h)
{
    h->kick = true;
    h->break_req = true;
}

void rv_hart_idle_until(struct rv_hart *h, uint64_t cycle)
{
    if (cycle > h->cycle)
        h->cycle = cycle;
}

void rv_hart_flush_blocks(struct rv_hart *h)
{
    h->flush_pending = true;
    h->kick = true;
}

static unsigned insn_class(const struct rv_insn *in)
{
    return in->id < RV_ID_COUNT ? rv_insn_table[in->id].cls : RV_CLASS_SYSTEM;
}

static void fold_block(struct rv_hart *h, struct rv_block *b)
{
    if (!b->execs)
        return;
    for (unsigned k = 0; k < b->n; k++)
        h->mix[insn_class(&b->insns[k])] += b->execs;
    b->execs = 0;
}

/* Move the block execution counts into the per-class totals. */
static void fold_stats(struct rv_hart *h)
{
    if (!h->stats)
        return;
    for (unsigned slot = 0; slot < (1u << RV_HT_BITS); slot++)
        for (struct rv_block *b = h->htab[slot]; b; b = b->hnext)
            fold_block(h, b);
}

void rv_stats_unretired(struct rv_hart *h, const struct rv_insn *from, unsigned n)
{
    for (unsigned k = 0; k < n; k++)
        h->mix[insn_class(&from[k])]--;
}

void rv_hart_enable_stats(struct rv_hart *h)
{
    h->stats = true;
}

unsigned rv_hart_mix(struct rv_hart *h, const char **names, uint64_t *counts, unsigned max)
{
    fold_stats(h);
    for (unsigned c = 0; c < RV_CLASS_COUNT && c < max; c++) {
        names[c] = rv_class_names[c];
        counts[c] = h->mix[c];
    }
    return RV_CLASS_COUNT;
}

void rv_flush_now(struct rv_hart *h)
{
    fold_stats(h);
    memset(h->jcache, 0, sizeof(h->jcache));
    memset(h->htab, 0, (1u << RV_HT_BITS) * sizeof(*h->htab));
    h->arena_used = 0;
    h->flush_gen++;
    h->flush_pending = false;
}

/* ---- block building ---- */

static unsigned hash_pc(uint64_t pc)
{
    return (unsigned)(((pc >> 1) * 0x9e3779b1u) >> (32 - RV_HT_BITS)) & ((1u << RV_HT_BITS) - 1);
}

/* Translate a fetch of `size` bytes at pc and find the host bytes behind it. Returns 0 with
 * *src pointing at them, or the exception cause. */
static unsigned fetch_bytes(struct rv_hart *h, uint64_t pc, unsigned size, uint64_t *pa,
                            const uint8_t **src)
{
    unsigned cause = rv_translate(h, pc, size, ACC_FETCH, h->priv, pa, NULL, NULL);
    if (cause)
        return cause;
    const struct bus_region *r = bus_find(h->bus, *pa);
    if (!r || !r->host || *pa + size > r->base + r->size)
        return CAUSE_FETCH_ACCESS;
    *src = r->host + (*pa - r->base);
    return 0;
}

static void fault_insn(struct rv_insn *in, unsigned cause, unsigned offset)
{
    memset(in, 0, sizeof(*in));
    in->op = RV_OP_FETCH_FAULT;
    in->id = RV_ID_ILLEGAL;
    in->bits = cause;
    in->imm = (int32_t)offset; /* the faulting part: 2 for the upper half of a 32-bit one */
    in->len = 2;
    in->rd = 32;
}

static bool breakpoint_at(const struct rv_hart *h, uint64_t pc)
{
    for (unsigned k = 0; k < h->dbg->nbps; k++)
        if (h->dbg->bps[k] == pc)
            return true;
    return false;
}

/* Decode up to `max` instructions starting at pc into b. Never fails: a fetch that faults
 * becomes a FETCH_FAULT instruction that raises the fault when executed. A block never
 * leaves the 4 KiB page it starts in, so one translation covers it. */
static void build_block(struct rv_hart *h, uint64_t pc, unsigned max, struct rv_block *b)
{
    b->pc = pc;
    b->priv = h->priv;
    b->execs = 0;
    b->chain[0] = b->chain[1] = NULL;
    b->n = 0;
    b->bytes = 0;
    b->hnext = NULL;
    uint64_t pa = 0, page_end = (pc | 4095) + 1;
    const uint8_t *src = NULL;
    unsigned cause = fetch_bytes(h, pc, 2, &pa, &src);
    b->pa = pa;
    uint64_t addr = pc;
    const uint8_t *p = src;
    while (b->n < max) {
        struct rv_insn *in = &b->insns[b->n];
        if (h->dbg && h->dbg->nbps && !(h->bp_skip && addr == pc) && breakpoint_at(h, addr)) {
            if (b->n)
                break; /* the breakpoint starts the next block */
            memset(in, 0, sizeof(*in));
            in->op = RV_OP_DEBUG_BREAK;
            in->id = RV_ID_ILLEGAL;
            in->rd = 32;
            in->pc = addr;
            b->n = 1;
            break;
        }
        if (cause) {
            if (b->n)
                break; /* the next block starts with the fault */
            fault_insn(in, cause, 0);
        } else {
            uint16_t lo;
            memcpy(&lo, p, 2);
            uint32_t bits = lo;
            if ((lo & 3) == 3) {
                uint16_t hi;
                if (addr + 2 < page_end) {
                    memcpy(&hi, p + 2, 2);
                } else {
                    /* The upper half is on the next page: it gets a block of its own. */
                    uint64_t pa2;
                    const uint8_t *src2;
                    if (b->n)
                        break;
                    unsigned c2 = fetch_bytes(h, addr + 2, 2, &pa2, &src2);
                    if (c2) {
                        fault_insn(in, c2, 2);
                        in->pc = addr;
                        b->n = 1;
                        addr += 2;
                        break;
                    }
                    memcpy(&hi, src2, 2);
                    bus_mark_code(h->bus, pa2, 2);
                    max = 1;
                }
                bits |= (uint32_t)hi << 16;
            }
            rv_decode(bits, h->exts, h->xlen, in);
        }
        in->pc = addr;
        addr += in->len;
        p += in->len;
        b->n++;
        if (rv_ends_block(in) || addr >= page_end)
            break;
    }
    b->bytes = (uint32_t)(addr - pc);
    for (unsigned k = 0; k < b->n; k++)
        b->insns[k].rem = (uint16_t)(b->n - k);
    if (!rv_ends_block(&b->insns[b->n - 1])) {
        struct rv_insn *t = &b->insns[b->n];
        memset(t, 0, sizeof(*t));
        t->op = RV_OP_BLOCK_END;
        t->pc = addr;
    }
    if (!cause && b->bytes) {
        uint64_t n = b->bytes < page_end - pc ? b->bytes : page_end - pc;
        bus_mark_code(h->bus, pa, n);
    }
}

#define BLOCK_BYTES(n) (sizeof(struct rv_block) + ((n) + 1) * sizeof(struct rv_insn))

struct rv_block *rv_block_lookup(struct rv_hart *h, uint64_t pc)
{
    unsigned slot = hash_pc(pc);
    struct rv_block *b;
    uint64_t pa;
    /* A block is valid for the virtual pc, the physical address it translates to now and the
     * privilege mode (whose fetch permissions it was checked against). */
    if (rv_translate(h, pc, 2, ACC_FETCH, h->priv, &pa, NULL, NULL))
        pa = ~0ULL; /* faults are blocks too (built below, raising the fault) */
    for (b = h->htab[slot]; b; b = b->hnext)
        if (b->pc == pc && b->priv == h->priv && (b->pa == pa || pa == ~0ULL))
            goto found;
    if (h->arena_used + BLOCK_BYTES(RV_MAX_BLOCK) > RV_ARENA_SIZE) {
        rv_flush_now(h);
        slot = hash_pc(pc);
    }
    b = (struct rv_block *)(h->arena + h->arena_used);
    build_block(h, pc, RV_MAX_BLOCK, b);
    h->arena_used += (BLOCK_BYTES(b->n) + 15) & ~(size_t)15;
    b->hnext = h->htab[slot];
    h->htab[slot] = b;
found:
    h->jc[(pc >> 1) & ((1u << RV_JC_BITS) - 1)] = b;
    return b;
}

/* ---- run control ---- */

static enum rv_stop exec(struct rv_hart *h, struct rv_block *step)
{
    if (h->xlen == 64)
        return h->stats ? rv_exec64_stats(h, step) : rv_exec64(h, step);
    return h->stats ? rv_exec32_stats(h, step) : rv_exec32(h, step);
}

static void step_one(struct rv_hart *h)
{
    union {
        struct rv_block b;
        uint8_t space[BLOCK_BYTES(1)];
    } u;
    build_block(h, h->pc, 1, &u.b);
    h->kick = true; /* leave after this one instruction */
    exec(h, &u.b);
    h->kick = false;
    if (h->stats)
        fold_block(h, &u.b);
}

enum rv_stop rv_hart_run(struct rv_hart *h, uint64_t cycle_limit)
{
    h->cycle_limit = cycle_limit;
    for (;;) {
        if (h->hit.kind != RV_HIT_NONE) {
            h->kick = false;
            return RV_DEBUG;
        }
        if (h->flush_pending)
            rv_flush_now(h);
        if (h->break_req) {
            h->break_req = false;
            h->kick = false;
            return RV_BREAK;
        }
        h->kick = false;
        if (h->wfi)
            return RV_WFI;
        if (h->irq_pending)
            rv_take_interrupt(h);
        if (h->cycle >= cycle_limit)
            return RV_LIMIT;
        if (exec(h, NULL) == RV_WFI)
            return RV_WFI;
        /* Stopped short of the limit with nothing asking for attention: the next block does
         * not fit, so finish the quantum one instruction at a time. */
        if (!h->kick && !h->irq_pending && h->cycle < cycle_limit)
            step_one(h);
    }
}

enum rv_stop rv_hart_step(struct rv_hart *h)
{
    if (h->flush_pending)
        rv_flush_now(h);
    if (h->wfi)
        return RV_WFI;
    if (h->irq_pending && rv_take_interrupt(h))
        return RV_LIMIT;
    step_one(h);
    return h->wfi ? RV_WFI : RV_LIMIT;
}

/* ---- debugger support ---- */

void rv_hart_set_debug(struct rv_hart *h, const struct rv_debug_set *d)
{
    h->dbg = d && (d->nbps || d->nwps) ? d : NULL;
    /* Blocks carry planted breakpoints, windows may span watched pages: start afresh. */
    rv_windows_drop(h);
    rv_hart_flush_blocks(h);
}

struct rv_debug_hit rv_hart_debug_hit(struct rv_hart *h)
{
    struct rv_debug_hit hit = h->hit;
    h->hit.kind = RV_HIT_NONE;
    return hit;
}

enum rv_stop rv_hart_debug_step(struct rv_hart *h, bool take_irq)
{
    if (h->flush_pending)
        rv_flush_now(h);
    if (h->wfi)
        return RV_WFI;
    if (take_irq && h->irq_pending && rv_take_interrupt(h))
        return RV_LIMIT;
    h->bp_skip = true;
    step_one(h);
    h->bp_skip = false;
    if (h->hit.kind != RV_HIT_NONE)
        return RV_DEBUG;
    return h->wfi ? RV_WFI : RV_LIMIT;
}

void rv_watch_check(struct rv_hart *h, uint64_t addr, unsigned size, unsigned type)
{
    for (unsigned k = 0; k < h->dbg->nwps; k++) {
        const struct rv_watch *w = &h->dbg->wps[k];
        if ((w->type & type) && addr < w->addr + w->len && addr + size > w->addr) {
            h->hit.kind = RV_HIT_WATCH;
            h->hit.addr = w->addr; /* GDB matches the stop against the address it watches */
            h->hit.type = type;
            h->kick = true; /* stop after this instruction */
            return;
        }
    }
}

/* A watched page must not be reachable through a window for that kind of access. */
static bool page_watched(const struct rv_hart *h, uint64_t page, unsigned type)
{
    for (unsigned k = 0; k < h->dbg->nwps; k++) {
        const struct rv_watch *w = &h->dbg->wps[k];
        if ((w->type & type) && page < w->addr + w->len && page + 4096 > w->addr)
            return true;
    }
    return false;
}

unsigned rv_hart_priv(const struct rv_hart *h) { return h->priv; }

bool rv_hart_has_fp(const struct rv_hart *h, bool *has_d)
{
    if (has_d)
        *has_d = (h->exts & RV_EXT_D) != 0;
    return (h->exts & RV_EXT_F) != 0;
}

/* CSR access for a debugger: as M-mode, with the FP CSRs readable even while FS is off. */
static bool debug_csr(struct rv_hart *h, unsigned csr, uint64_t *val, bool write)
{
    unsigned priv = h->priv;
    uint64_t mstatus = h->mstatus;
    h->priv = PRV_M;
    if (h->exts & RV_EXT_F)
        h->mstatus |= MSTATUS_FS;
    /* Between instructions the counters hold what the next one will see plus one (the CSR
     * code assumes the reading instruction was already charged). */
    h->cycle++;
    h->instret++;
    bool ok = write ? rv_csr_write(h, csr, *val) : rv_csr_read(h, csr, val);
    h->cycle--;
    h->instret--;
    h->priv = priv;
    if (!(csr >= 1 && csr <= 3 && write))
        h->mstatus = (h->mstatus & ~MSTATUS_FS) | (mstatus & MSTATUS_FS);
    if (csr == 0x300 && write)
        h->mstatus = (h->mstatus & ~MSTATUS_FS) | (*val & MSTATUS_FS & (h->exts & RV_EXT_F ? ~0ULL : 0));
    return ok;
}

bool rv_hart_has_csr(struct rv_hart *h, unsigned csr)
{
    uint64_t v;
    return csr < 4096 && debug_csr(h, csr, &v, false);
}

bool rv_hart_debug_read(struct rv_hart *h, unsigned regnum, uint64_t *val)
{
    if (regnum < 32) {
        *val = rv_get_x(h, regnum) * (regnum != 0);
        return true;
    }
    if (regnum == RV_GDB_PC) {
        *val = h->pc;
        return true;
    }
    if (regnum >= RV_GDB_F0 && regnum < RV_GDB_F0 + 32) {
        if (!(h->exts & RV_EXT_F))
            return false;
        *val = h->f[regnum - RV_GDB_F0];
        if (!(h->exts & RV_EXT_D))
            *val &= 0xffffffffULL;
        return true;
    }
    if (regnum >= RV_GDB_CSR0 && regnum < RV_GDB_PRIV)
        return debug_csr(h, regnum - RV_GDB_CSR0, val, false);
    if (regnum == RV_GDB_PRIV) {
        *val = h->priv;
        return true;
    }
    return false;
}

bool rv_hart_debug_write(struct rv_hart *h, unsigned regnum, uint64_t val)
{
    uint64_t mask = h->xlen == 32 ? 0xffffffffULL : ~0ULL;
    if (regnum < 32) {
        rv_set_x(h, regnum, val);
        return true;
    }
    if (regnum == RV_GDB_PC) {
        h->pc = val & mask & ~1ULL;
        h->wfi = false;
        return true;
    }
    if (regnum >= RV_GDB_F0 && regnum < RV_GDB_F0 + 32) {
        if (!(h->exts & RV_EXT_F))
            return false;
        h->f[regnum - RV_GDB_F0] = (h->exts & RV_EXT_D) ? val : val | 0xffffffff00000000ULL;
        return true;
    }
    if (regnum >= RV_GDB_CSR0 && regnum < RV_GDB_PRIV)
        return debug_csr(h, regnum - RV_GDB_CSR0, &val, true);
    if (regnum == RV_GDB_PRIV) {
        if (val != PRV_M && !(val == PRV_S && h->has_s) && !(val == PRV_U && h->has_u))
            return false;
        rv_set_priv(h, (unsigned)val);
        rv_update_irq(h);
        return true;
    }
    return false;
}

bool rv_hart_debug_translate(struct rv_hart *h, uint64_t va, uint64_t *pa)
{
    return rv_debug_translate(h, va, pa);
}

void rv_fetch_fault_log(struct rv_hart *h, uint64_t addr)
{
    if (h->last_fetch_fault == addr + 1)
        return;
    h->last_fetch_fault = addr + 1;
    uint64_t pa = addr;
    const char *why = "unmapped address";
    if (rv_translate(h, addr, 2, ACC_FETCH, h->priv, &pa, NULL, NULL) == CAUSE_FETCH_ACCESS &&
        bus_find(h->bus, pa) && bus_find(h->bus, pa)->host)
        why = "not allowed by PMP";
    else if (bus_find(h->bus, pa))
        why = bus_find(h->bus, pa)->host ? "page-table walk not allowed (PMP or no memory)"
                                         : "device region, not memory";
    env_guest_error(h->env, h->dev.name, "instruction fetch at 0x%llx: %s (mtvec 0x%llx)",
                    (unsigned long long)addr, why, (unsigned long long)h->mtvec);
}

bool rv_wfi_sleeps(struct rv_hart *h)
{
    if ((h->mip | h->mip_hw) & h->mie)
        return false;
    h->wfi = true;
    return true;
}

/* ---- slow paths ---- */

/* Open a data window: the virtual stretch [span_lo, span_lo + span) maps linearly to
 * physical addresses (pa - va apart) and passed every check; the window is its intersection
 * with the RAM/ROM region r. span == ~0 means the whole address space (no translation and no
 * PMP in the way). */
static bool page_watched(const struct rv_hart *h, uint64_t page, unsigned type);

static void set_window(struct rv_hart *h, struct rv_memwin *w, const struct bus_region *r,
                       uint64_t va, uint64_t pa, uint64_t span_lo, uint64_t span, unsigned wtype)
{
    uint64_t delta = pa - va; /* physical = virtual + delta (mod 2^64) */
    uint64_t plo = r->base, phi = r->base + r->size;
    if (h->dbg && h->dbg->nwps) {
        /* With watchpoints set, windows cover one unwatched 4 KiB page at most. */
        uint64_t page = va & ~4095ULL;
        if (span == 0 || page_watched(h, page, wtype)) {
            w->size = 0;
            return;
        }
        if (span == ~0ULL || span_lo < page)
            span_lo = page; /* spans are naturally aligned: page lies inside */
        span = 4096;
    }
    if (span != ~0ULL) {
        if (span == 0) {
            w->size = 0;
            return;
        }
        uint64_t slo = span_lo + delta; /* the span in physical addresses */
        if (slo > plo)
            plo = slo;
        if (slo + span < phi)
            phi = slo + span;
    }
    w->base = plo - delta;
    w->size = phi - plo;
    w->host = r->host + (plo - r->base);
    w->codemap = r->codemap + ((plo - r->base) >> BUS_CODE_SHIFT);
}

/* Simulated time of the instruction being executed, for devices. */
static void sync_time(struct rv_hart *h, const struct rv_insn *in)
{
    h->env->clock->now = (h->cycle - in->rem) * h->period_ps;
}

static bool fault(struct rv_hart *h, const struct rv_insn *in, unsigned cause, uint64_t addr,
                  unsigned size, bool write, enum bus_status st)
{
    env_guest_error(h->env, h->dev.name, "%u-byte %s at 0x%llx (pc 0x%llx): %s", size,
                    write ? "write" : "read", (unsigned long long)addr,
                    (unsigned long long)in->pc, bus_status_str(st));
    h->trap_cause = cause;
    h->trap_tval = addr;
    return false;
}

static bool raise_at(struct rv_hart *h, unsigned cause, uint64_t addr)
{
    h->trap_cause = cause;
    h->trap_tval = addr;
    return false;
}

static uint64_t vaddr(const struct rv_hart *h, uint64_t a)
{
    return h->xlen == 32 ? a & 0xffffffffULL : a;
}

bool rv_load_slow(struct rv_hart *h, const struct rv_insn *in, uint64_t addr, unsigned size,
                  uint64_t *val)
{
    addr = vaddr(h, addr);
    if (addr & (size - 1)) {
        if (h->misaligned_trap)
            return raise_at(h, CAUSE_MISALIGNED_LOAD, addr);
        uint64_t v = 0;
        for (unsigned k = 0; k < size; k++) {
            uint64_t byte;
            if (!rv_load_slow(h, in, addr + k, 1, &byte))
                return false;
            v |= byte << (8 * k);
        }
        *val = v;
        return true;
    }
    uint64_t pa, span_lo, span;
    unsigned cause = rv_translate(h, addr, size, ACC_LOAD, rv_data_priv(h), &pa, &span_lo, &span);
    if (cause)
        return raise_at(h, cause, addr);
    if (h->dbg && h->dbg->nwps)
        rv_watch_check(h, addr, size, RV_WATCH_READ);
    const struct bus_region *r = bus_find(h->bus, pa);
    if (r && r->host && pa + size <= r->base + r->size) {
        set_window(h, &h->lw, r, addr, pa, span_lo, span, RV_WATCH_READ);
        uint64_t v = 0;
        memcpy(&v, r->host + (pa - r->base), size);
        *val = v;
        return true;
    }
    sync_time(h, in);
    enum bus_status st = bus_read(h->bus, pa, size, val);
    if (st)
        return fault(h, in, CAUSE_LOAD_ACCESS, addr, size, false, st);
    return true;
}

/* A store to the reserved address breaks an LR reservation. While one is held the store
 * window stays closed, so every store comes here and is checked. */
static void store_hits_reservation(struct rv_hart *h, uint64_t addr, unsigned size)
{
    if (h->resv_valid && addr < (h->resv_addr | 7) + 1 && addr + size > (h->resv_addr & ~7ULL))
        h->resv_valid = false;
}

bool rv_store_slow(struct rv_hart *h, const struct rv_insn *in, uint64_t addr, unsigned size,
                   uint64_t val)
{
    addr = vaddr(h, addr);
    if (addr & (size - 1)) {
        if (h->misaligned_trap)
            return raise_at(h, CAUSE_MISALIGNED_STORE, addr);
        /* Check every byte can be written before writing any. */
        for (unsigned k = 0; k < size; k++) {
            uint64_t pa;
            unsigned cause = rv_translate(h, addr + k, 1, ACC_STORE, rv_data_priv(h), &pa, NULL,
                                          NULL);
            if (cause)
                return raise_at(h, cause, addr + k);
        }
        for (unsigned k = 0; k < size; k++)
            if (!rv_store_slow(h, in, addr + k, 1, (val >> (8 * k)) & 0xff))
                return false;
        return true;
    }
    uint64_t pa, span_lo, span;
    unsigned cause = rv_translate(h, addr, size, ACC_STORE, rv_data_priv(h), &pa, &span_lo, &span);
    if (cause)
        return raise_at(h, cause, addr);
    store_hits_reservation(h, addr, size);
    if (h->dbg && h->dbg->nwps)
        rv_watch_check(h, addr, size, RV_WATCH_WRITE);
    const struct bus_region *r = bus_find(h->bus, pa);
    if (r && r->host && r->writable && !h->resv_valid)
        set_window(h, &h->sw, r, addr, pa, span_lo, span, RV_WATCH_WRITE);
    else
        sync_time(h, in);
    enum bus_status st = bus_write(h->bus, pa, size, val);
    if (st)
        return fault(h, in, CAUSE_STORE_ACCESS, addr, size, true, st);
    return true;
}

bool rv_mem_load(struct rv_hart *h, const struct rv_insn *in, uint64_t addr, unsigned size,
                 uint64_t *val)
{
    return rv_load_slow(h, in, addr, size, val);
}

bool rv_mem_store(struct rv_hart *h, const struct rv_insn *in, uint64_t addr, unsigned size,
                  uint64_t val)
{
    return rv_store_slow(h, in, addr, size, val);
}

/* LR/SC and AMOs: aligned, through the cached windows when they cover the address (as
 * ordinary loads and stores do), else the slow paths. An AMO needs write permission for its
 * read too, so its faults are store/AMO faults. */
static bool amo_load(struct rv_hart *h, const struct rv_insn *in, uint64_t addr, unsigned size,
                     uint64_t *val)
{
    uint64_t off = addr - h->lw.base;
    if (off < h->lw.size) {
        uint64_t v = 0;
        memcpy(&v, h->lw.host + off, size);
        *val = v;
        return true;
    }
    return rv_load_slow(h, in, addr, size, val);
}

static bool amo_store(struct rv_hart *h, const struct rv_insn *in, uint64_t addr, unsigned size,
                      uint64_t val)
{
    uint64_t off = addr - h->sw.base;
    if (off < h->sw.size && !h->sw.codemap[off >> BUS_CODE_SHIFT]) {
        memcpy(h->sw.host + off, &val, size);
        return true;
    }
    return rv_store_slow(h, in, addr, size, val);
}

static uint64_t amo_op(unsigned op, uint64_t o, uint64_t src, unsigned size)
{
    int64_t so = size == 4 ? (int32_t)o : (int64_t)o, ss = size == 4 ? (int32_t)src : (int64_t)src;
    uint64_t uo = size == 4 ? (uint32_t)o : o, us = size == 4 ? (uint32_t)src : src;
    switch (op) {
    case RV_OP_amoswap_w: case RV_OP_amoswap_d: return src;
    case RV_OP_amoadd_w: case RV_OP_amoadd_d: return o + src;
    case RV_OP_amoxor_w: case RV_OP_amoxor_d: return o ^ src;
    case RV_OP_amoand_w: case RV_OP_amoand_d: return o & src;
    case RV_OP_amoor_w: case RV_OP_amoor_d: return o | src;
    case RV_OP_amomin_w: case RV_OP_amomin_d: return so < ss ? o : src;
    case RV_OP_amomax_w: case RV_OP_amomax_d: return so > ss ? o : src;
    case RV_OP_amominu_w: case RV_OP_amominu_d: return uo < us ? o : src;
    default: return uo > us ? o : src; /* amomaxu */
    }
}

bool rv_amo(struct rv_hart *h, const struct rv_insn *in)
{
    uint64_t addr = vaddr(h, rv_get_x(h, in->rs1));
    uint64_t src = rv_get_x(h, in->rs2);
    unsigned size = (in->bits >> 12 & 7) == 3 ? 8 : 4;
    bool lr = in->op == RV_OP_lr_w || in->op == RV_OP_lr_d;
    bool sc = in->op == RV_OP_sc_w || in->op == RV_OP_sc_d;
    uint64_t old = 0;
    if (addr & (size - 1))
        return raise_at(h, lr ? CAUSE_MISALIGNED_LOAD : CAUSE_MISALIGNED_STORE, addr);
    if (sc) {
        bool ok = h->resv_valid && h->resv_addr == addr;
        h->resv_valid = false;
        if (ok && !amo_store(h, in, addr, size, src))
            return false;
        rv_set_x(h, in->rd, ok ? 0 : 1);
        return true;
    }
    if (!lr) {
        /* Check write permission before reading, so a read-only page or region faults
         * without the read's side effects. */
        uint64_t pa;
        unsigned cause = rv_translate(h, addr, size, ACC_STORE, rv_data_priv(h), &pa, NULL, NULL);
        if (cause)
            return raise_at(h, cause, addr);
    }
    if (!amo_load(h, in, addr, size, &old)) {
        if (!lr && h->trap_cause == CAUSE_LOAD_ACCESS)
            h->trap_cause = CAUSE_STORE_ACCESS;
        else if (!lr && h->trap_cause == CAUSE_LOAD_PAGE_FAULT)
            h->trap_cause = CAUSE_STORE_PAGE_FAULT;
        return false;
    }
    if (size == 4)
        old = (uint64_t)(int64_t)(int32_t)old; /* .w results are sign-extended */
    if (lr) {
        h->resv_valid = true;
        h->resv_addr = addr;
        h->sw.size = 0; /* stores check the reservation while it is held */
        rv_set_x(h, in->rd, old);
        return true;
    }
    if (!amo_store(h, in, addr, size, amo_op(in->op, old, src, size)))
        return false;
    rv_set_x(h, in->rd, old);
    return true;
}

bool rv_ebreak_semihost(struct rv_hart *h, const struct rv_insn *in)
{
    if (in->len != 4 || !h->semihost || h->priv != PRV_M)
        return false;
    uint32_t pre = 0, post = 0;
    if (bus_peek(h->bus, in->pc - 4, &pre, 4) != 4 || bus_peek(h->bus, in->pc + 4, &post, 4) != 4)
        return false;
    if (pre != 0x01f01013 || post != 0x40705013) /* slli x0,x0,0x1f ; srai x0,x0,7 */
        return false;
    sync_time(h, in);
    uint64_t ret = h->semihost(h->semihost_opaque, h->xlen, rv_hart_reg(h, 10), rv_hart_reg(h, 11));
    rv_hart_set_reg(h, 10, ret);
    return true;
}
