/* Private state of a RISC-V hart, shared by the hart's own source files only. */
#ifndef SOCSIM_RV_PRIVATE_H
#define SOCSIM_RV_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>

#include "models/bus/bus.h"
#include "models/core/device.h"
#include "rv.h"
#include "rv_insn.h"

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define PRV_U 0
#define PRV_S 1
#define PRV_M 3

/* mstatus fields */
#define MSTATUS_SIE (1ull << 1)
#define MSTATUS_MIE (1ull << 3)
#define MSTATUS_SPIE (1ull << 5)
#define MSTATUS_UBE (1ull << 6)
#define MSTATUS_MPIE (1ull << 7)
#define MSTATUS_SPP (1ull << 8)
#define MSTATUS_VS (3ull << 9)
#define MSTATUS_MPP (3ull << 11)
#define MSTATUS_FS (3ull << 13)
#define MSTATUS_XS (3ull << 15)
#define MSTATUS_MPRV (1ull << 17)
#define MSTATUS_SUM (1ull << 18)
#define MSTATUS_MXR (1ull << 19)
#define MSTATUS_TVM (1ull << 20)
#define MSTATUS_TW (1ull << 21)
#define MSTATUS_TSR (1ull << 22)
#define MSTATUS_UXL (3ull << 32)
#define MSTATUS_SXL (3ull << 34)
#define MSTATUS_SD32 (1ull << 31)
#define MSTATUS_SD64 (1ull << 63)

/* interrupt numbers (mip/mie bits, mcause codes) */
#define IRQ_SSI 1
#define IRQ_MSI 3
#define IRQ_STI 5
#define IRQ_MTI 7
#define IRQ_SEI 9
#define IRQ_MEI 11

/* fflags bits */
#define FFLAG_NX 1u /* inexact */
#define FFLAG_UF 2u /* underflow */
#define FFLAG_OF 4u /* overflow */
#define FFLAG_DZ 8u /* divide by zero */
#define FFLAG_NV 16u /* invalid */

/* exception causes */
enum rv_cause {
    CAUSE_MISALIGNED_FETCH = 0,
    CAUSE_FETCH_ACCESS = 1,
    CAUSE_ILLEGAL_INSN = 2,
    CAUSE_BREAKPOINT = 3,
    CAUSE_MISALIGNED_LOAD = 4,
    CAUSE_LOAD_ACCESS = 5,
    CAUSE_MISALIGNED_STORE = 6,
    CAUSE_STORE_ACCESS = 7,
    CAUSE_USER_ECALL = 8,
    CAUSE_SUPERVISOR_ECALL = 9,
    CAUSE_MACHINE_ECALL = 11,
    CAUSE_FETCH_PAGE_FAULT = 12,
    CAUSE_LOAD_PAGE_FAULT = 13,
    CAUSE_STORE_PAGE_FAULT = 15,
};

#define RV_MAX_BLOCK 64          /* instructions per block */
#define RV_JC_BITS 12            /* direct-mapped jump cache entries: 1 << bits */
#define RV_HT_BITS 14            /* block hash table buckets */
#define RV_ARENA_SIZE (8u << 20) /* bytes of decoded blocks before a full flush */

#define RV_TLB_BITS 8 /* data/fetch translation cache entries: 1 << bits */

/* One cached translation of a 4 KiB virtual page (a superpage fills one entry per 4 KiB page
 * used, remembering its size for the data windows). */
struct rv_tlbe {
    uint64_t vpage;   /* virtual address of the 4 KiB page, or 1 (never a page address): empty */
    uint64_t ppage;   /* physical address of the 4 KiB page */
    uint64_t pte_addr; /* where the leaf PTE lives (for setting D later) */
    uint64_t span;    /* size of the page the PTE maps (4 KiB, 2/4 MiB, 1 GiB, ...) */
    uint8_t pte;      /* the leaf PTE's low 8 bits (V R W X U G A D) */
};

struct rv_block {
    uint64_t pc;
    uint64_t pa;     /* physical address of pc */
    unsigned priv;   /* privilege mode the block was built for (fetch permissions differ) */
    uint64_t execs; /* entries, counted only by the statistics loop */
    struct rv_block *hnext;
    struct rv_block *chain[2]; /* successors of a direct branch/jump: taken, fall-through */
    uint32_t n;     /* instructions, terminator excluded */
    uint32_t bytes; /* guest bytes covered */
    struct rv_insn insns[]; /* n, then a BLOCK_END terminator unless the last one ends it */
};

/* A window onto one RAM/ROM region, the fast path for loads, stores and fetches. */
struct rv_memwin {
    uint64_t base, size;
    uint8_t *host;
    uint8_t *codemap;
};

struct rv_hart {
    struct device dev; /* name and interrupt input pins msi, mti, mei */
    union {
        uint32_t w[33]; /* RV32; [32] is the scratch target of writes to x0 */
        uint64_t d[33];
    } x;
    uint64_t f[32]; /* F/D registers; singles are NaN-boxed (upper 32 bits all ones) */
    uint8_t frm, fflags; /* fcsr fields */
    uint64_t pc;
    uint64_t cycle, instret; /* charged a whole block at block entry, refunded on early exit */
    uint64_t cycle_limit;
    bool irq_pending;   /* an interrupt would be taken at the next boundary */
    bool kick;          /* leave the execute loop at the next boundary */
    bool break_req;     /* the engine asked the hart to return (rv_hart_kick) */
    bool wfi;
    bool flush_pending; /* drop all blocks at the next boundary */
    bool stepping;
    unsigned priv;

    /* configuration */
    char isa[64];
    unsigned xlen, exts;
    uint64_t misa, hartid, period_ps;
    bool misaligned_trap, semihosting;

    /* CSRs */
    uint64_t mstatus, mie, mip, mtvec, mscratch, mepc, mcause, mtval;
    uint64_t mip_hw; /* interrupt lines from devices (MSIP, MTIP, MEIP, SEIP); mip holds the
                        software-written bits; a read sees both */
    uint64_t mcounteren, mcountinhibit;
    uint64_t medeleg, mideleg;
    uint64_t stvec, sscratch, sepc, scause, stval, satp, scounteren;
    uint64_t mvendorid, marchid, mimpid;
    bool has_s, has_u;   /* privilege modes besides M */
    unsigned vm_mode;    /* the satp MODE this hart implements: 0 (bare), 1 (Sv32), 8, 9 */
    bool pte_ad_hw;      /* the walker sets A/D (else: page fault when they are clear) */

    /* PMP */
    unsigned pmp_n;      /* implemented entries */
    unsigned pmp_g;      /* granularity G: the grain is 2^(G+2) bytes */
    uint8_t pmpcfg[64];
    uint64_t pmpaddr[64];
    bool pmp_on;         /* some entry is not OFF */
    bool pmp_locked;     /* some entry is locked (M-mode is checked too) */

    /* address translation */
    struct rv_tlbe tlb[1u << RV_TLB_BITS];
    int64_t cycle_off, instret_off; /* mcycle/minstret = counter + offset (they are writable) */
    uint64_t cycle_frozen, instret_frozen; /* values held while mcountinhibit stops them */

    bool resv_valid; /* LR/SC reservation */
    uint64_t resv_addr;

    struct rv_memwin lw, sw; /* last region used for loads (RAM/ROM) and stores (RAM) */
    struct bus *bus;
    void (*next_code_hook)(void *opaque, uint64_t addr, uint64_t len); /* hart created before */
    void *next_code_opaque;
    struct sim_env *env;

    struct rv_block *jcache[3][1u << RV_JC_BITS]; /* per privilege mode: U, S, M */
    struct rv_block **jc; /* the current mode's */
    struct rv_block **htab;
    uint8_t *arena;
    size_t arena_used;
    uint64_t flush_gen; /* counts arena resets, which invalidate block pointers */

    uint64_t trap_cause, trap_tval; /* set by slow paths before they report a fault */
    uint64_t last_fetch_fault;      /* address last logged by rv_fetch_fault_log, +1 */

    /* debugger */
    const struct rv_debug_set *dbg; /* breakpoints and watchpoints, or NULL */
    struct rv_debug_hit hit;        /* why the hart stopped for the debugger */
    bool bp_skip;                   /* building the step-over block: no breakpoint at its pc */

    rv_semihost_fn *semihost;
    void *semihost_opaque;

    bool stats;                    /* run the counting loop */
    uint64_t mix[RV_CLASS_COUNT];  /* retired instructions by class, folded from blocks */
};

/* rv_csr.c */
void rv_set_priv(struct rv_hart *h, unsigned priv);
void rv_update_irq(struct rv_hart *h);
bool rv_sret(struct rv_hart *h);
/* Effective privilege of loads and stores (MPRV). */
static inline unsigned rv_data_priv(const struct rv_hart *h)
{
    return (h->priv == PRV_M && (h->mstatus & MSTATUS_MPRV)) ? (unsigned)((h->mstatus >> 11) & 3)
                                                             : h->priv;
}

/* rv_hart.c: a watchpoint covers [addr, addr + size) for this kind of access; records the hit
 * and asks the loop to stop after the instruction. */
void rv_watch_check(struct rv_hart *h, uint64_t addr, unsigned size, unsigned type);

/* rv_mmu.c: translation, PMP, the data windows */
enum rv_access { ACC_FETCH, ACC_LOAD, ACC_STORE };
/* Forget every cached translation and data window (satp, sfence.vma, PMP, mode changes). */
void rv_tlb_flush(struct rv_hart *h);
/* Drop the data windows only (privilege or mstatus changes). */
static inline void rv_windows_drop(struct rv_hart *h)
{
    h->lw.size = 0;
    h->sw.size = 0;
}
/* Translate a virtual address for an access in privilege `priv`, checking page permissions
 * and PMP for `size` bytes. On success *pa is the physical address and, if span is not NULL,
 * [*span_lo, *span_lo + *span) is the largest naturally aligned stretch of virtual addresses around addr
 * that maps linearly and passes the same checks (size 0: none; ~0: everything). Returns 0 or
 * the exception cause. */
unsigned rv_translate(struct rv_hart *h, uint64_t va, unsigned size, enum rv_access acc,
                      unsigned priv, uint64_t *pa, uint64_t *span_lo, uint64_t *span);
/* PMP check of [pa, pa+size) for privilege priv; true if allowed. */
bool rv_pmp_check(const struct rv_hart *h, uint64_t pa, uint64_t size, enum rv_access acc,
                  unsigned priv);
/* After a pmpcfg/pmpaddr write. */
void rv_pmp_changed(struct rv_hart *h);
uint64_t rv_pmpaddr_read(const struct rv_hart *h, unsigned i);
/* A debugger's view: walk the page table (if translation is on for loads) without permission
 * checks, A/D updates or TLB fills. */
bool rv_debug_translate(struct rv_hart *h, uint64_t va, uint64_t *pa);
void rv_take_trap(struct rv_hart *h, uint64_t cause, uint64_t tval, bool interrupt);
bool rv_take_interrupt(struct rv_hart *h); /* takes the highest pending one, if any */
bool rv_mret(struct rv_hart *h);
/* Execute a CSR instruction (in->pc, rd, rs1/uimm, csr in imm). False: illegal. */
bool rv_csr_insn(struct rv_hart *h, const struct rv_insn *in);
bool rv_csr_read(struct rv_hart *h, unsigned csr, uint64_t *val);
bool rv_csr_write(struct rv_hart *h, unsigned csr, uint64_t val);

/* rv_hart.c: slow paths called from the execute loops. Return false after setting
 * trap_cause/trap_tval. */
bool rv_load_slow(struct rv_hart *h, const struct rv_insn *in, uint64_t addr, unsigned size,
                  uint64_t *val);
bool rv_store_slow(struct rv_hart *h, const struct rv_insn *in, uint64_t addr, unsigned size,
                   uint64_t val);
struct rv_block *rv_block_lookup(struct rv_hart *h, uint64_t pc);
void rv_flush_now(struct rv_hart *h);
bool rv_ebreak_semihost(struct rv_hart *h, const struct rv_insn *in);
bool rv_wfi_sleeps(struct rv_hart *h);
/* Guest-error line for a fetch outside memory, once per address in a row (a fault loop at an
 * unmapped trap vector says so once instead of flooding). */
void rv_fetch_fault_log(struct rv_hart *h, uint64_t addr);
/* LR/SC and AMOs (word-sized); false after setting trap_cause/trap_tval. */
bool rv_amo(struct rv_hart *h, const struct rv_insn *in);

/* rv_exec32.c: the plain execute loop. `step` executes exactly one block (the scratch block
 * built by rv_hart_step) and returns. */
enum rv_stop rv_exec32(struct rv_hart *h, struct rv_block *step);
enum rv_stop rv_exec32_stats(struct rv_hart *h, struct rv_block *step);
enum rv_stop rv_exec64(struct rv_hart *h, struct rv_block *step);
enum rv_stop rv_exec64_stats(struct rv_hart *h, struct rv_block *step);
/* Statistics loop: n instructions from `from` on were counted at block entry but not retired. */
void rv_stats_unretired(struct rv_hart *h, const struct rv_insn *from, unsigned n);

/* Integer registers by architectural number, for code outside the execute loops. Writes to x0
 * are dropped; RV32 keeps the low 32 bits. */
static inline uint64_t rv_get_x(const struct rv_hart *h, unsigned r)
{
    return h->xlen == 32 ? h->x.w[r] : h->x.d[r];
}
static inline void rv_set_x(struct rv_hart *h, unsigned r, uint64_t v)
{
    if (r == 0 || r > 31)
        return;
    if (h->xlen == 32)
        h->x.w[r] = (uint32_t)v;
    else
        h->x.d[r] = v;
}

/* rv_fp.c: every F/D instruction except loads and stores (class FP in rv_insn.def). Checks
 * mstatus.FS (off: illegal), the rounding mode (reserved or invalid dynamic frm: illegal),
 * accrues fflags, marks FS dirty when it writes an f register or fflags, and writes integer
 * results (compares, classify, moves, conversions) with rv_set_x (sign-extended to XLEN).
 * Returns false for an illegal instruction. */
bool rv_fp_exec(struct rv_hart *h, const struct rv_insn *in);

/* Data access for slow paths outside the execute loop (FP helpers, AMOs): virtual address,
 * translated and checked (PMP, page tables) for the effective privilege of loads/stores.
 * Return false after setting trap_cause/trap_tval. */
bool rv_mem_load(struct rv_hart *h, const struct rv_insn *in, uint64_t addr, unsigned size,
                 uint64_t *val);
bool rv_mem_store(struct rv_hart *h, const struct rv_insn *in, uint64_t addr, unsigned size,
                  uint64_t val);

#endif
