/* Control and status registers, traps, interrupts and the trap-return instructions, for harts
 * with M, S and U modes (privileged architecture 1.12). */
#include "rv_private.h"

static uint64_t xlen_mask(const struct rv_hart *h)
{
    return h->xlen == 64 ? ~0ULL : 0xffffffffULL;
}

#define BIT64(n) (1ULL << (n))
/* Interrupts S-mode can see and delegate. */
#define S_IRQS (BIT64(IRQ_SSI) | BIT64(IRQ_STI) | BIT64(IRQ_SEI))
/* Exceptions that can be delegated (all but ecall from M-mode and the reserved codes). */
#define DELEGABLE_EXC                                                                      \
    (BIT64(0) | BIT64(1) | BIT64(2) | BIT64(3) | BIT64(4) | BIT64(5) | BIT64(6) | BIT64(7) | \
     BIT64(8) | BIT64(9) | BIT64(12) | BIT64(13) | BIT64(15))
/* The fields of mstatus that sstatus shows. */
#define SSTATUS_MASK                                                                       \
    (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_UBE | MSTATUS_SPP | MSTATUS_VS | MSTATUS_FS |    \
     MSTATUS_XS | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_UXL)

void rv_set_priv(struct rv_hart *h, unsigned priv)
{
    h->priv = priv;
    h->jc = h->jcache[priv == PRV_M ? 2 : priv];
    rv_windows_drop(h);
}

static uint64_t mip_value(const struct rv_hart *h)
{
    return h->mip | h->mip_hw;
}

void rv_update_irq(struct rv_hart *h)
{
    uint64_t pending = mip_value(h) & h->mie;
    if (pending)
        h->wfi = false; /* WFI resumes on any enabled pending interrupt, whatever MIE/SIE say */
    uint64_t m = pending & ~h->mideleg, s = pending & h->mideleg;
    bool m_on = h->priv < PRV_M || (h->mstatus & MSTATUS_MIE);
    bool s_on = h->priv < PRV_S || (h->priv == PRV_S && (h->mstatus & MSTATUS_SIE));
    h->irq_pending = (m && m_on) || (s && s_on);
}

void rv_take_trap(struct rv_hart *h, uint64_t cause, uint64_t tval, bool interrupt)
{
    uint64_t deleg = interrupt ? h->mideleg : h->medeleg;
    uint64_t s = h->mstatus;
    uint64_t irq_bit = interrupt ? 1ULL << (h->xlen - 1) : 0;
    h->resv_valid = false; /* a trap breaks the LR/SC reservation */
    if (h->priv <= PRV_S && cause < 64 && ((deleg >> cause) & 1)) {
        s = (s & ~MSTATUS_SPIE) | ((s & MSTATUS_SIE) ? MSTATUS_SPIE : 0);
        s &= ~MSTATUS_SIE;
        s = (s & ~MSTATUS_SPP) | (h->priv == PRV_S ? MSTATUS_SPP : 0);
        h->mstatus = s;
        h->sepc = h->pc;
        h->stval = tval;
        h->scause = cause | irq_bit;
        uint64_t base = h->stvec & ~3ULL;
        h->pc = (interrupt && (h->stvec & 1)) ? base + 4 * cause : base;
        rv_set_priv(h, PRV_S);
    } else {
        s = (s & ~MSTATUS_MPIE) | ((s & MSTATUS_MIE) ? MSTATUS_MPIE : 0);
        s &= ~MSTATUS_MIE;
        s = (s & ~MSTATUS_MPP) | ((uint64_t)h->priv << 11);
        h->mstatus = s;
        h->mepc = h->pc;
        h->mtval = tval;
        h->mcause = cause | irq_bit;
        uint64_t base = h->mtvec & ~3ULL;
        h->pc = (interrupt && (h->mtvec & 1)) ? base + 4 * cause : base;
        rv_set_priv(h, PRV_M);
    }
    h->pc &= xlen_mask(h);
    h->wfi = false;
    rv_update_irq(h);
}

bool rv_take_interrupt(struct rv_hart *h)
{
    if (!h->irq_pending)
        return false;
    uint64_t pending = mip_value(h) & h->mie;
    uint64_t m = pending & ~h->mideleg, s = pending & h->mideleg;
    if (!(h->priv < PRV_M || (h->mstatus & MSTATUS_MIE)))
        m = 0;
    if (!(h->priv < PRV_S || (h->priv == PRV_S && (h->mstatus & MSTATUS_SIE))))
        s = 0;
    /* M-level interrupts first, each level in the order MEI, MSI, MTI, SEI, SSI, STI. */
    static const unsigned order[] = {IRQ_MEI, IRQ_MSI, IRQ_MTI, IRQ_SEI, IRQ_SSI, IRQ_STI};
    for (unsigned pass = 0; pass < 2; pass++) {
        uint64_t set = pass == 0 ? m : s;
        for (unsigned i = 0; i < 6; i++) {
            if (set & (1ULL << order[i])) {
                rv_take_trap(h, order[i], 0, true);
                return true;
            }
        }
    }
    return false;
}

static uint64_t epc_mask(const struct rv_hart *h, uint64_t epc)
{
    return (h->exts & RV_EXT_C) ? epc : epc & ~3ULL;
}

bool rv_mret(struct rv_hart *h)
{
    if (h->priv < PRV_M)
        return false;
    uint64_t s = h->mstatus;
    unsigned mpp = (unsigned)((s & MSTATUS_MPP) >> 11);
    s = (s & ~MSTATUS_MIE) | ((s & MSTATUS_MPIE) ? MSTATUS_MIE : 0);
    s |= MSTATUS_MPIE;
    s &= ~MSTATUS_MPP; /* MPP becomes the least-privileged supported mode */
    if (!h->has_u)
        s |= MSTATUS_MPP;
    if (mpp != PRV_M)
        s &= ~MSTATUS_MPRV;
    h->mstatus = s;
    h->pc = epc_mask(h, h->mepc);
    rv_set_priv(h, mpp);
    rv_update_irq(h);
    return true;
}

bool rv_sret(struct rv_hart *h)
{
    if (!h->has_s || h->priv < PRV_S || (h->priv == PRV_S && (h->mstatus & MSTATUS_TSR)))
        return false;
    uint64_t s = h->mstatus;
    unsigned spp = (s & MSTATUS_SPP) ? PRV_S : PRV_U;
    s = (s & ~MSTATUS_SIE) | ((s & MSTATUS_SPIE) ? MSTATUS_SIE : 0);
    s |= MSTATUS_SPIE;
    s &= ~MSTATUS_SPP;
    s &= ~MSTATUS_MPRV; /* returning to a mode below M */
    h->mstatus = s;
    h->pc = epc_mask(h, h->sepc);
    rv_set_priv(h, spp);
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

/* cycle/time/instret/hpmcounterN from S or U mode: mcounteren, then scounteren for U. */
static bool counter_allowed(const struct rv_hart *h, unsigned csr)
{
    unsigned bit = csr & 31;
    if (h->priv == PRV_M)
        return true;
    if (!((h->mcounteren >> bit) & 1))
        return false;
    return h->priv == PRV_S || !h->has_s || ((h->scounteren >> bit) & 1);
}

static uint64_t mstatus_read(const struct rv_hart *h)
{
    uint64_t s = h->mstatus;
    bool dirty = (s & MSTATUS_FS) == MSTATUS_FS || (s & MSTATUS_XS) == MSTATUS_XS ||
                 (s & MSTATUS_VS) == MSTATUS_VS;
    if (h->xlen == 64) {
        s |= (2ULL << 32) * h->has_u | (2ULL << 34) * h->has_s; /* UXL, SXL: 64-bit */
        return dirty ? s | MSTATUS_SD64 : s;
    }
    return (dirty ? s | MSTATUS_SD32 : s) & 0xffffffffULL;
}

static bool fp_on(const struct rv_hart *h)
{
    return (h->exts & RV_EXT_F) && (h->mstatus & MSTATUS_FS);
}

bool rv_csr_read(struct rv_hart *h, unsigned csr, uint64_t *val)
{
    bool rv32 = h->xlen == 32;
    if (((csr >> 8) & 3) > h->priv)
        return false;
    if ((csr >> 8 & 3) == PRV_S && !h->has_s)
        return false;
    switch (csr) {
    /* floating point */
    case 0x001: if (!fp_on(h)) return false; *val = h->fflags; return true;
    case 0x002: if (!fp_on(h)) return false; *val = h->frm; return true;
    case 0x003: if (!fp_on(h)) return false; *val = (uint64_t)h->frm << 5 | h->fflags; return true;
    /* supervisor */
    case 0x100: *val = mstatus_read(h) & (SSTATUS_MASK | MSTATUS_SD32 | MSTATUS_SD64) & xlen_mask(h);
                return true;
    case 0x104: *val = h->mie & h->mideleg; return true;
    case 0x105: *val = h->stvec; return true;
    case 0x106: *val = h->scounteren; return true;
    case 0x10a: *val = 0; return true; /* senvcfg: no fields implemented */
    case 0x140: *val = h->sscratch; return true;
    case 0x141: *val = epc_mask(h, h->sepc); return true;
    case 0x142: *val = h->scause; return true;
    case 0x143: *val = h->stval; return true;
    case 0x144: *val = mip_value(h) & h->mideleg; return true;
    case 0x180:
        if (h->priv == PRV_S && (h->mstatus & MSTATUS_TVM))
            return false;
        *val = h->satp;
        return true;
    /* machine */
    case 0x300: *val = mstatus_read(h); return true;
    case 0x301: *val = h->misa; return true;
    case 0x302: if (!h->has_s) return false; *val = h->medeleg; return true;
    case 0x303: if (!h->has_s) return false; *val = h->mideleg; return true;
    case 0x304: *val = h->mie; return true;
    case 0x305: *val = h->mtvec; return true;
    case 0x306: *val = h->mcounteren; return true;
    case 0x30a: *val = 0; return true;              /* menvcfg: no fields implemented */
    case 0x310: case 0x31a: if (!rv32) return false; *val = 0; return true; /* mstatush, menvcfgh */
    case 0x320: *val = h->mcountinhibit; return true;
    case 0x340: *val = h->mscratch; return true;
    case 0x341: *val = epc_mask(h, h->mepc); return true;
    case 0x342: *val = h->mcause; return true;
    case 0x343: *val = h->mtval; return true;
    case 0x344: *val = mip_value(h); return true;
    case 0xb00: *val = cur_cycle(h) & xlen_mask(h); return true;
    case 0xb02: *val = cur_instret(h) & xlen_mask(h); return true;
    case 0xb80: if (!rv32) return false; *val = cur_cycle(h) >> 32; return true;
    case 0xb82: if (!rv32) return false; *val = cur_instret(h) >> 32; return true;
    case 0xf11: *val = h->mvendorid & 0xffffffffULL; return true;
    case 0xf12: *val = h->marchid & xlen_mask(h); return true;
    case 0xf13: *val = h->mimpid & xlen_mask(h); return true;
    case 0xf14: *val = h->hartid & xlen_mask(h); return true;
    case 0xf15: *val = 0; return true; /* mconfigptr: no configuration structure */
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
    /* PMP: pmpcfg0-15 (odd ones on RV32 only), pmpaddr0-63. */
    if (csr >= 0x3a0 && csr <= 0x3af) {
        unsigned n = csr - 0x3a0;
        if (!rv32 && (n & 1))
            return false;
        unsigned per = rv32 ? 4 : 8;
        uint64_t v = 0;
        for (unsigned k = 0; k < per; k++)
            v |= (uint64_t)h->pmpcfg[n * 4 + k] << (8 * k);
        *val = v;
        return true;
    }
    if (csr >= 0x3b0 && csr <= 0x3ef) {
        *val = rv_pmpaddr_read(h, csr - 0x3b0);
        return true;
    }
    /* Zihpm: hpmcounter3-31 and their events exist and count nothing. */
    if ((csr >= 0xb03 && csr <= 0xb1f) || (rv32 && csr >= 0xb83 && csr <= 0xb9f) ||
        (csr >= 0x323 && csr <= 0x33f)) {
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

static void mstatus_write(struct rv_hart *h, uint64_t val, uint64_t wmask)
{
    uint64_t old = h->mstatus;
    uint64_t legal = MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP;
    if (h->has_u)
        legal |= MSTATUS_MPRV;
    if (h->has_s)
        legal |= MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR |
                 MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR;
    else if (h->has_u)
        legal |= MSTATUS_TW;
    if (h->exts & RV_EXT_F)
        legal |= MSTATUS_FS;
    wmask &= legal;
    uint64_t v = (old & ~wmask) | (val & wmask);
    unsigned mpp = (unsigned)((v & MSTATUS_MPP) >> 11);
    if (mpp == 2 || (mpp == PRV_S && !h->has_s) || (mpp == PRV_U && !h->has_u))
        v = (v & ~MSTATUS_MPP) | (old & MSTATUS_MPP); /* WARL: keep the legal value */
    h->mstatus = v;
    if ((old ^ v) & (MSTATUS_MPRV | MSTATUS_MPP | MSTATUS_SUM | MSTATUS_MXR))
        rv_windows_drop(h);
    rv_update_irq(h);
}

/* satp: a write with a MODE the hart does not implement has no effect at all. */
static void satp_write(struct rv_hart *h, uint64_t val)
{
    unsigned mode;
    uint64_t v;
    if (h->xlen == 32) {
        mode = (unsigned)(val >> 31);
        v = val & 0x803fffffULL; /* MODE and PPN; no ASID bits */
    } else {
        mode = (unsigned)(val >> 60);
        v = val & (0xfULL << 60 | 0xfffffffffffULL);
    }
    /* Sv48 implies Sv39 (privileged spec 1.12, 4.5). */
    if (mode != 0 && mode != h->vm_mode && !(mode == 8 && h->vm_mode == 9))
        return;
    h->satp = v;
    rv_tlb_flush(h);
}

bool rv_csr_write(struct rv_hart *h, unsigned csr, uint64_t val)
{
    bool rv32 = h->xlen == 32;
    if (((csr >> 8) & 3) > h->priv || (csr >> 10) == 3)
        return false;
    if ((csr >> 8 & 3) == PRV_S && !h->has_s)
        return false;
    val &= xlen_mask(h);
    switch (csr) {
    case 0x001:
    case 0x002:
    case 0x003:
        if (!fp_on(h))
            return false;
        if (csr == 0x001)
            h->fflags = val & 0x1f;
        else if (csr == 0x002)
            h->frm = val & 7;
        else {
            h->fflags = val & 0x1f;
            h->frm = (val >> 5) & 7;
        }
        h->mstatus |= MSTATUS_FS;
        return true;
    case 0x100: mstatus_write(h, val, SSTATUS_MASK); return true;
    case 0x104:
        h->mie = (h->mie & ~h->mideleg) | (val & h->mideleg);
        rv_update_irq(h);
        return true;
    case 0x105:
        if ((val & 3) >= 2)
            val = (val & ~3ULL) | (h->stvec & 3);
        h->stvec = val;
        return true;
    case 0x106: h->scounteren = val & 0xffffffffULL; return true;
    case 0x10a: return true;
    case 0x140: h->sscratch = val; return true;
    case 0x141: h->sepc = val & ~1ULL; return true;
    case 0x142: h->scause = val; return true;
    case 0x143: h->stval = val; return true;
    case 0x144:
        /* Only SSIP is writable from S-mode, and only when delegated. */
        h->mip = (h->mip & ~(h->mideleg & BIT64(IRQ_SSI))) | (val & h->mideleg & BIT64(IRQ_SSI));
        rv_update_irq(h);
        return true;
    case 0x180:
        if (h->priv == PRV_S && (h->mstatus & MSTATUS_TVM))
            return false;
        satp_write(h, val);
        return true;
    case 0x300: mstatus_write(h, val, ~0ULL); return true;
    case 0x301: return true; /* misa is read-only here (WARL) */
    case 0x302: if (!h->has_s) return false; h->medeleg = val & DELEGABLE_EXC; return true;
    case 0x303:
        if (!h->has_s)
            return false;
        h->mideleg = val & S_IRQS;
        rv_update_irq(h);
        return true;
    case 0x304: {
        uint64_t m = BIT64(IRQ_MSI) | BIT64(IRQ_MTI) | BIT64(IRQ_MEI);
        if (h->has_s)
            m |= S_IRQS;
        h->mie = val & m;
        rv_update_irq(h);
        return true;
    }
    case 0x305:
        if ((val & 3) >= 2) /* reserved modes: keep the current mode */
            val = (val & ~3ULL) | (h->mtvec & 3);
        h->mtvec = val;
        return true;
    case 0x306: h->mcounteren = val & 0xffffffffULL; return true;
    case 0x30a: return true;
    case 0x310: case 0x31a: return rv32;
    case 0x320: {
        /* Each counter carries on (or stays frozen) from the value it has now. */
        uint64_t cyc = cur_cycle(h), ins = cur_instret(h);
        h->mcountinhibit = val & 0xfffffffdULL;
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
    case 0x344:
        /* MSIP/MTIP/MEIP are driven by CLINT and PLIC; SSIP, STIP and SEIP are writable. */
        if (h->has_s) {
            h->mip = val & S_IRQS;
            rv_update_irq(h);
        }
        return true;
    case 0xb00: set_counter(h, true, false, val); return true;
    case 0xb02: set_counter(h, false, false, val); return true;
    case 0xb80: if (!rv32) return false; set_counter(h, true, true, val); return true;
    case 0xb82: if (!rv32) return false; set_counter(h, false, true, val); return true;
    }
    if (csr >= 0x3a0 && csr <= 0x3af) {
        unsigned n = csr - 0x3a0;
        if (!rv32 && (n & 1))
            return false;
        unsigned per = rv32 ? 4 : 8;
        for (unsigned k = 0; k < per; k++) {
            unsigned i = n * 4 + k;
            uint8_t c = (uint8_t)(val >> (8 * k));
            if (i >= h->pmp_n || (h->pmpcfg[i] & 0x80))
                continue; /* not implemented, or locked */
            c &= 0x9f; /* bits 6:5 are reserved (zero) */
            if ((c & 3) == 2 && !(c & 1)) /* R=0 W=1 is reserved: keep the old value */
                continue;
            if (((c >> 3) & 3) == 2 && h->pmp_g >= 1) /* NA4 cannot be selected with G >= 1 */
                continue;
            h->pmpcfg[i] = c;
        }
        rv_pmp_changed(h);
        return true;
    }
    if (csr >= 0x3b0 && csr <= 0x3ef) {
        unsigned i = csr - 0x3b0;
        if (i >= h->pmp_n)
            return true;
        bool locked = h->pmpcfg[i] & 0x80;
        /* A locked TOR entry also locks the address register below it. */
        bool tor_above = i + 1 < h->pmp_n && (h->pmpcfg[i + 1] & 0x80) &&
                         ((h->pmpcfg[i + 1] >> 3) & 3) == 1;
        if (locked || tor_above)
            return true;
        h->pmpaddr[i] = val & (rv32 ? 0xffffffffULL : 0x3fffffffffffffULL);
        rv_pmp_changed(h);
        return true;
    }
    if ((csr >= 0xb03 && csr <= 0xb1f) || (rv32 && csr >= 0xb83 && csr <= 0xb9f) ||
        (csr >= 0x323 && csr <= 0x33f))
        return true;
    return false;
}

bool rv_csr_insn(struct rv_hart *h, const struct rv_insn *in)
{
    unsigned csr = (unsigned)in->imm & 0xfff;
    bool imm_form = in->op >= RV_OP_csrrwi;
    uint64_t src = imm_form ? in->rs1 : rv_get_x(h, in->rs1);
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
        uint64_t base = old;
        if (csr == 0x344 || csr == 0x144)
            base = h->mip; /* read-modify-write of mip sees the software-writable bits only */
        uint64_t nv = kind == 0 ? src : kind == 1 ? base | src : base & ~src;
        if (!rv_csr_write(h, csr, nv))
            return false;
    }
    rv_set_x(h, in->rd, old);
    return true;
}
