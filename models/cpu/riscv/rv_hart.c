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

static void irq_input(void *opaque, unsigned n, bool level)
{
    struct rv_hart *h = opaque;
    uint64_t bit = 1ULL << n;
    h->mip = level ? h->mip | bit : h->mip & ~bit;
    rv_update_irq(h);
}

static void code_written(void *opaque, uint64_t addr, uint64_t len)
{
    struct rv_hart *h = opaque;
    h->flush_pending = true;
    h->kick = true;
    bus_clear_code(h->bus);
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
    h->bus = bus;
    h->env = env;
    /* parse_isa accepted it, so it fits */
    for (size_t k = 0; k + 1 < sizeof(h->isa) && cfg_str(cfg, "isa")[k]; k++)
        h->isa[k] = (char)tolower((unsigned char)cfg_str(cfg, "isa")[k]);
    h->xlen = xlen;
    h->exts = exts;
    h->hartid = index;
    h->period_ps = hz_to_period_ps(freq);
    h->misaligned_trap = !strcmp(mis, "trap");
    h->semihosting = cfg_bool(cfg, "semihosting");
    h->misa = (1ULL << 30) | (1u << ('i' - 'a')) | (1u << ('u' - 'a'));
    if (exts & RV_EXT_M)
        h->misa |= 1u << ('m' - 'a');
    if (exts & RV_EXT_A)
        h->misa |= 1u << ('a' - 'a');
    if (exts & RV_EXT_C)
        h->misa |= 1u << ('c' - 'a');
    h->htab = calloc(1u << RV_HT_BITS, sizeof(*h->htab));
    h->arena = malloc(RV_ARENA_SIZE);
    if (!h->htab || !h->arena)
        abort();
    if (!bus->code_written) {
        bus->code_written = code_written;
        bus->code_opaque = h;
    }
    rv_hart_reset(h, cfg_u64(cfg, "reset_pc"));
    return h;
}

void rv_hart_destroy(struct rv_hart *h)
{
    if (!h)
        return;
    free(h->htab);
    free(h->arena);
    dev_fini(&h->dev);
    free(h);
}

struct device *rv_hart_device(struct rv_hart *h) { return &h->dev; }
unsigned rv_hart_xlen(const struct rv_hart *h) { return h->xlen; }
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
    return h->xlen == 32 ? h->x.w[i] : h->x.d[i];
}

void rv_hart_set_reg(struct rv_hart *h, unsigned i, uint64_t v)
{
    if (i == 0 || i > 31)
        return;
    if (h->xlen == 32)
        h->x.w[i] = (uint32_t)v;
    else
        h->x.d[i] = v;
}

void rv_hart_set_semihost(struct rv_hart *h, rv_semihost_fn *fn, void *opaque)
{
    h->semihost = fn;
    h->semihost_opaque = opaque;
}

void rv_hart_reset(struct rv_hart *h, uint64_t pc)
{
    memset(&h->x, 0, sizeof(h->x));
    h->pc = pc;
    h->priv = PRV_M;
    h->mstatus = 0;
    h->mie = 0;
    h->mtvec = 0;
    h->mscratch = h->mepc = h->mcause = h->mtval = 0;
    h->mcounteren = h->mcountinhibit = 0;
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

/* Decode up to `max` instructions starting at pc into b. Never fails: a fetch outside
 * memory becomes a FETCH_FAULT instruction that raises the fault when executed. */
static void build_block(struct rv_hart *h, uint64_t pc, unsigned max, struct rv_block *b)
{
    b->pc = pc;
    b->execs = 0;
    b->chain[0] = b->chain[1] = NULL;
    b->n = 0;
    b->bytes = 0;
    b->hnext = NULL;
    const struct bus_region *r = bus_find(h->bus, pc);
    uint64_t addr = pc;
    while (b->n < max) {
        struct rv_insn *in = &b->insns[b->n];
        uint64_t avail = (r && r->host) ? r->base + r->size - addr : 0;
        uint16_t lo = 0;
        uint32_t bits;
        if (avail >= 2)
            memcpy(&lo, r->host + (addr - r->base), 2);
        bool need4 = (lo & 3) == 3;
        if (avail < 2 || (need4 && avail < 4)) {
            if (b->n)
                break; /* the next block starts with the fault */
            memset(in, 0, sizeof(*in));
            in->op = RV_OP_FETCH_FAULT;
            in->id = RV_ID_ILLEGAL;
            in->imm = avail < 2 ? 0 : 2;
            in->len = 2;
            in->rd = 32;
        } else {
            bits = lo;
            if (need4) {
                uint16_t hi;
                memcpy(&hi, r->host + (addr - r->base) + 2, 2);
                bits |= (uint32_t)hi << 16;
            }
            rv_decode(bits, h->exts, h->xlen, in);
        }
        in->pc = addr;
        addr += in->len;
        b->n++;
        if (rv_ends_block(in))
            break;
        if (addr - pc >= 4096 - 4)
            break; /* keep blocks short enough to stay inside one code map stretch */
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
    if (r && r->host && b->bytes)
        bus_mark_code(h->bus, pc, b->bytes);
}

#define BLOCK_BYTES(n) (sizeof(struct rv_block) + ((n) + 1) * sizeof(struct rv_insn))

struct rv_block *rv_block_lookup(struct rv_hart *h, uint64_t pc)
{
    unsigned slot = hash_pc(pc);
    struct rv_block *b;
    for (b = h->htab[slot]; b; b = b->hnext)
        if (b->pc == pc)
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
    h->jcache[(pc >> 1) & ((1u << RV_JC_BITS) - 1)] = b;
    return b;
}

/* ---- run control ---- */

static enum rv_stop exec(struct rv_hart *h, struct rv_block *step)
{
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

void rv_fetch_fault_log(struct rv_hart *h, uint64_t addr)
{
    if (h->last_fetch_fault == addr + 1)
        return;
    h->last_fetch_fault = addr + 1;
    const struct bus_region *r = bus_find(h->bus, addr);
    env_guest_error(h->env, h->dev.name, "instruction fetch at 0x%llx: %s (mtvec 0x%llx)",
                    (unsigned long long)addr,
                    r ? "device region, not memory" : "unmapped address",
                    (unsigned long long)h->mtvec);
}

bool rv_wfi_sleeps(struct rv_hart *h)
{
    if (h->mip & h->mie)
        return false;
    h->wfi = true;
    return true;
}

/* ---- slow paths ---- */

static void set_window(struct rv_memwin *w, const struct bus_region *r)
{
    w->base = r->base;
    w->size = r->size;
    w->host = r->host;
    w->codemap = r->codemap;
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

static bool misaligned(struct rv_hart *h, unsigned cause, uint64_t addr)
{
    h->trap_cause = cause;
    h->trap_tval = addr;
    return false;
}

bool rv_load_slow(struct rv_hart *h, const struct rv_insn *in, uint64_t addr, unsigned size,
                  uint64_t *val)
{
    if (addr & (size - 1)) {
        if (h->misaligned_trap)
            return misaligned(h, CAUSE_MISALIGNED_LOAD, addr);
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
    const struct bus_region *r = bus_find(h->bus, addr);
    if (r && r->host) {
        set_window(&h->lw, r);
        uint64_t v = 0;
        memcpy(&v, r->host + (addr - r->base), size);
        *val = v;
        return true;
    }
    sync_time(h, in);
    enum bus_status st = bus_read(h->bus, addr, size, val);
    if (st)
        return fault(h, in, CAUSE_LOAD_ACCESS, addr, size, false, st);
    return true;
}

bool rv_store_slow(struct rv_hart *h, const struct rv_insn *in, uint64_t addr, unsigned size,
                   uint64_t val)
{
    if (addr & (size - 1)) {
        if (h->misaligned_trap)
            return misaligned(h, CAUSE_MISALIGNED_STORE, addr);
        for (unsigned k = 0; k < size; k++)
            if (!rv_store_slow(h, in, addr + k, 1, (val >> (8 * k)) & 0xff))
                return false;
        return true;
    }
    const struct bus_region *r = bus_find(h->bus, addr);
    if (r && r->host && r->writable)
        set_window(&h->sw, r);
    else
        sync_time(h, in);
    enum bus_status st = bus_write(h->bus, addr, size, val);
    if (st)
        return fault(h, in, CAUSE_STORE_ACCESS, addr, size, true, st);
    return true;
}

/* Aligned word accesses for LR/SC and AMOs: through the cached RAM windows when they cover
 * the address (as ordinary loads and stores do), else the slow paths. */
static bool amo_load(struct rv_hart *h, const struct rv_insn *in, uint64_t addr, uint64_t *val)
{
    uint64_t off = addr - h->lw.base;
    if (off < h->lw.size) {
        uint32_t w;
        memcpy(&w, h->lw.host + off, 4);
        *val = w;
        return true;
    }
    return rv_load_slow(h, in, addr, 4, val);
}

static bool amo_store(struct rv_hart *h, const struct rv_insn *in, uint64_t addr, uint32_t val)
{
    uint64_t off = addr - h->sw.base;
    if (off < h->sw.size && !h->sw.codemap[off >> BUS_CODE_SHIFT]) {
        memcpy(h->sw.host + off, &val, 4);
        return true;
    }
    return rv_store_slow(h, in, addr, 4, val);
}

bool rv_amo(struct rv_hart *h, const struct rv_insn *in)
{
    uint64_t addr = h->x.w[in->rs1];
    uint32_t src = h->x.w[in->rs2];
    uint64_t old = 0;
    if (addr & 3)
        return misaligned(h, in->op == RV_OP_lr_w ? CAUSE_MISALIGNED_LOAD
                                                  : CAUSE_MISALIGNED_STORE, addr);
    if (in->op == RV_OP_sc_w) {
        bool ok = h->resv_valid && h->resv_addr == addr;
        h->resv_valid = false;
        if (ok && !amo_store(h, in, addr, src))
            return false;
        h->x.w[in->rd] = ok ? 0 : 1;
        return true;
    }
    if (!amo_load(h, in, addr, &old)) {
        if (in->op != RV_OP_lr_w && h->trap_cause == CAUSE_LOAD_ACCESS)
            h->trap_cause = CAUSE_STORE_ACCESS; /* AMOs report store/AMO faults */
        return false;
    }
    uint32_t o = (uint32_t)old, nv;
    switch (in->op) {
    case RV_OP_lr_w:
        h->resv_valid = true;
        h->resv_addr = addr;
        h->x.w[in->rd] = o;
        return true;
    case RV_OP_amoswap_w: nv = src; break;
    case RV_OP_amoadd_w: nv = o + src; break;
    case RV_OP_amoxor_w: nv = o ^ src; break;
    case RV_OP_amoand_w: nv = o & src; break;
    case RV_OP_amoor_w: nv = o | src; break;
    case RV_OP_amomin_w: nv = (int32_t)o < (int32_t)src ? o : src; break;
    case RV_OP_amomax_w: nv = (int32_t)o > (int32_t)src ? o : src; break;
    case RV_OP_amominu_w: nv = o < src ? o : src; break;
    case RV_OP_amomaxu_w: nv = o > src ? o : src; break;
    default: return misaligned(h, CAUSE_ILLEGAL_INSN, in->bits);
    }
    if (!amo_store(h, in, addr, nv))
        return false;
    h->x.w[in->rd] = o;
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
