/* Machine-mode CSRs, traps, interrupts and mret for a hart with M and U modes. */
#include "rv_private.h"

static uint64_t xlen_mask(const struct rv_hart *h)
{
    return h->xlen == 64 ? ~0ULL : 0xffffffffULL;
}

void rv_update_irq(struct rv_hart *h)
{
    uint64_t pending = h->mip & h->mie;
    h->irq_pending = pending && (h->priv < PRV_M || (h->mstatus & MSTATUS_MIE));
    if (pending)
        h->wfi = false; /* WFI resumes on any enabled pending interrupt, even with MIE=0 */
}

void rv_take_trap(struct rv_hart *h, uint64_t cause, uint64_t tval, bool interrupt)
{
    uint64_t s = h->mstatus;
    s = (s & ~MSTATUS_MPIE) | ((s & MSTATUS_MIE) ? MSTATUS_MPIE : 0);
    s &= ~MSTATUS_MIE;
    s = (s & ~MSTATUS_MPP) | ((uint64_t)h->priv << 11);
    h->mstatus = s;
    h->priv = PRV_M;
    h->mepc = h->pc;
    h->mtval = tval;
    h->mcause = interrupt ? (cause | (1ULL << (h->xlen - 1))) : cause;
    uint64_t base = h->mtvec & ~3ULL;
    h->pc = (interrupt && (h->mtvec & 1)) ? base + 4 * cause : base;
    h->pc &= xlen_mask(h);
    h->wfi = false;
    rv_update_irq(h);
}

bool rv_take_interrupt(struct rv_hart *h)
{
    if (!h->irq_pending)
        return false;
    uint64_t p = h->mip & h->mie;
    /* Priority order for M-mode interrupts: MEI, MSI, MTI. */
    static const unsigned order[] = {IRQ_MEI, IRQ_MSI, IRQ_MTI};
    for (unsigned i = 0; i < 3; i++) {
        if (p & (1ULL << order[i])) {
            rv_take_trap(h, order[i], 0, true);
            return true;
        }
    }
    return false;
}

bool rv_mret(struct rv_hart *h)
{
    if (h->priv < PRV_M)
        return false;
    uint64_t s = h->mstatus;
    unsigned mpp = (unsigned)((s & MSTATUS_MPP) >> 11);
    s = (s & ~MSTATUS_MIE) | ((s & MSTATUS_MPIE) ? MSTATUS_MIE : 0);
    s |= MSTATUS_MPIE;
    s &= ~MSTATUS_MPP; /* MPP becomes U, the least-privileged supported mode */
    if (mpp != PRV_M)
        s &= ~MSTATUS_MPRV;
    h->mstatus = s;
    h->priv = mpp;
    uint64_t epc = h->mepc;
    if (!(h->exts & RV_EXT_C))
        epc &= ~3ULL;
    h->pc = epc;
    rv_update_irq(h);
    return true;
}

/* Counters as the instruction being executed sees them: the block charged this instruction
 * already (it is always last in its block), so "before it" is one less. */
static uint64_t cur_cycle(const struct rv_hart *h)
{
    if (h->mcountinhibit & 1)
        return h->cycle_frozen;
    return h->cycle - 1 + (uint64_t)h->cycle_off;
}

static uint64_t cur_instret(const struct rv_hart *h)
{
    if (h->mcountinhibit & 4)
        return h->instret_frozen;
    return h->instret - 1 + (uint64_t)h->instret_off;
}

static uint64_t cur_time(const struct rv_hart *h)
{
    uint64_t tb = hz_to_period_ps(h->env->timebase_hz);
    /* The same counter as the CLINT's mtime, including a guest's writes to mtime. */
    return (tb ? ((h->cycle - 1) * h->period_ps) / tb : 0) + h->env->mtime_offset;
}

static bool counter_allowed(const struct rv_hart *h, unsigned csr)
{
    if (h->priv == PRV_M)
        return true;
    return (h->mcounteren >> (csr & 31)) & 1;
}

bool rv_csr_read(struct rv_hart *h, unsigned csr, uint64_t *val)
{
    bool rv32 = h->xlen == 32;
    if (((csr >> 8) & 3) > h->priv)
        return false;
    switch (csr) {
    case 0x300: *val = h->mstatus; return true;
    case 0x301: *val = h->misa; return true;
    case 0x304: *val = h->mie; return true;
    case 0x305: *val = h->mtvec; return true;
    case 0x306: *val = h->mcounteren; return true;
    case 0x30a: *val = 0; return true;              /* menvcfg: no fields implemented */
    case 0x310: case 0x31a: if (!rv32) return false; *val = 0; return true; /* mstatush, menvcfgh */
    case 0x320: *val = h->mcountinhibit; return true;
    case 0x340: *val = h->mscratch; return true;
    case 0x341: *val = (h->exts & RV_EXT_C) ? h->mepc : h->mepc & ~3ULL; return true;
    case 0x342: *val = h->mcause; return true;
    case 0x343: *val = h->mtval; return true;
    case 0x344: *val = h->mip; return true;
    case 0xb00: *val = cur_cycle(h) & xlen_mask(h); return true;
    case 0xb02: *val = cur_instret(h) & xlen_mask(h); return true;
    case 0xb80: if (!rv32) return false; *val = cur_cycle(h) >> 32; return true;
    case 0xb82: if (!rv32) return false; *val = cur_instret(h) >> 32; return true;
    case 0xf11: case 0xf12: case 0xf13: case 0xf15: *val = 0; return true;
    case 0xf14: *val = h->hartid; return true;
    }
    if (csr >= 0xc00 && csr <= 0xc1f) {
        if (!counter_allowed(h, csr))
            return false;
        uint64_t v = csr == 0xc00 ? cur_cycle(h) : csr == 0xc01 ? cur_time(h)
                   : csr == 0xc02 ? cur_instret(h) : 0;
        *val = v & xlen_mask(h);
        return true;
    }
    if (rv32 && csr >= 0xc80 && csr <= 0xc9f) {
        if (!counter_allowed(h, csr))
            return false;
        uint64_t v = csr == 0xc80 ? cur_cycle(h) : csr == 0xc81 ? cur_time(h)
                   : csr == 0xc82 ? cur_instret(h) : 0;
        *val = v >> 32;
        return true;
    }
    /* Unimplemented but architected: hardwired to zero. */
    if ((csr >= 0xb03 && csr <= 0xb1f) || (rv32 && csr >= 0xb83 && csr <= 0xb9f) ||
        (csr >= 0x323 && csr <= 0x33f) || (csr >= 0x3a0 && csr <= 0x3ef)) {
        if (csr >= 0x3a0 && csr <= 0x3af && !rv32 && (csr & 1))
            return false; /* odd pmpcfg registers exist on RV32 only */
        *val = 0;
        return true;
    }
    return false;
}

static void set_counter(struct rv_hart *h, bool is_cycle, bool high, uint64_t v)
{
    uint64_t cur = is_cycle ? cur_cycle(h) : cur_instret(h);
    if (h->xlen == 32)
        v = high ? (cur & 0xffffffffULL) | (v << 32) : (cur & ~0xffffffffULL) | (v & 0xffffffffULL);
    /* The write takes effect after this instruction: the next one reads v plus what retires
     * after this one. */
    if (is_cycle) {
        h->cycle_off = (int64_t)(v - h->cycle);
        h->cycle_frozen = v;
    } else {
        h->instret_off = (int64_t)(v - h->instret);
        h->instret_frozen = v;
    }
}

bool rv_csr_write(struct rv_hart *h, unsigned csr, uint64_t val)
{
    bool rv32 = h->xlen == 32;
    if (((csr >> 8) & 3) > h->priv || (csr >> 10) == 3)
        return false;
    val &= xlen_mask(h);
    switch (csr) {
    case 0x300: {
        uint64_t wmask = MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_TW;
        uint64_t v = (h->mstatus & ~wmask) | (val & wmask);
        if (((v & MSTATUS_MPP) >> 11) != PRV_M) /* MPP holds only M or U */
            v &= ~MSTATUS_MPP;
        h->mstatus = v;
        rv_update_irq(h);
        return true;
    }
    case 0x301: return true; /* misa is read-only here (WARL) */
    case 0x304:
        h->mie = val & ((1u << IRQ_MSI) | (1u << IRQ_MTI) | (1u << IRQ_MEI));
        rv_update_irq(h);
        return true;
    case 0x305:
        if ((val & 3) >= 2) /* reserved modes: keep the current mode */
            val = (val & ~3ULL) | (h->mtvec & 3);
        h->mtvec = val;
        return true;
    case 0x306: h->mcounteren = val & 0xffffffffULL & 7; return true;
    case 0x30a: return true;
    case 0x310: case 0x31a: return rv32;
    case 0x320: {
        /* Each counter carries on (or stays frozen) from the value it has now. */
        uint64_t cyc = cur_cycle(h), ins = cur_instret(h);
        h->mcountinhibit = val & 5;
        h->cycle_frozen = cyc;
        h->cycle_off = (int64_t)(cyc - (h->cycle - 1));
        h->instret_frozen = ins;
        h->instret_off = (int64_t)(ins - (h->instret - 1));
        return true;
    }
    case 0x340: h->mscratch = val; return true;
    case 0x341: h->mepc = val & ~1ULL; return true;
    case 0x342: h->mcause = val; return true;
    case 0x343: h->mtval = val; return true;
    case 0x344: return true; /* MSIP/MTIP/MEIP are driven by CLINT and PLIC */
    case 0xb00: set_counter(h, true, false, val); return true;
    case 0xb02: set_counter(h, false, false, val); return true;
    case 0xb80: if (!rv32) return false; set_counter(h, true, true, val); return true;
    case 0xb82: if (!rv32) return false; set_counter(h, false, true, val); return true;
    }
    if ((csr >= 0xb03 && csr <= 0xb1f) || (rv32 && csr >= 0xb83 && csr <= 0xb9f) ||
        (csr >= 0x323 && csr <= 0x33f) || (csr >= 0x3a0 && csr <= 0x3ef)) {
        if (csr >= 0x3a0 && csr <= 0x3af && !rv32 && (csr & 1))
            return false;
        return true;
    }
    return false;
}

bool rv_csr_insn(struct rv_hart *h, const struct rv_insn *in)
{
    unsigned csr = (unsigned)in->imm & 0xfff;
    bool imm_form = in->op >= RV_OP_csrrwi;
    uint64_t src = imm_form ? in->rs1 : (h->xlen == 32 ? h->x.w[in->rs1] : h->x.d[in->rs1]);
    unsigned kind = (in->op - RV_OP_csrrw) % 3; /* 0: write, 1: set, 2: clear */
    bool do_write = kind == 0 || in->rs1 != 0;
    bool do_read = kind != 0 || in->rd != 0;
    uint64_t old = 0;
    if (do_write && (csr >> 10) == 3)
        return false;
    if (do_read || kind != 0) {
        if (!rv_csr_read(h, csr, &old))
            return false;
    } else if (((csr >> 8) & 3) > h->priv) {
        return false;
    }
    if (do_write) {
        uint64_t nv = kind == 0 ? src : kind == 1 ? old | src : old & ~src;
        if (!rv_csr_write(h, csr, nv))
            return false;
    }
    if (in->rd != 0) {
        if (h->xlen == 32)
            h->x.w[in->rd] = (uint32_t)old;
        else
            h->x.d[in->rd] = old;
    }
    return true;
}
