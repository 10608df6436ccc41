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
#define PRV_M 3

/* mstatus fields */
#define MSTATUS_MIE (1u << 3)
#define MSTATUS_MPIE (1u << 7)
#define MSTATUS_MPP (3u << 11)
#define MSTATUS_MPRV (1u << 17)
#define MSTATUS_TW (1u << 21)

/* interrupt numbers (mip/mie bits, mcause codes) */
#define IRQ_MSI 3
#define IRQ_MTI 7
#define IRQ_MEI 11

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
    CAUSE_MACHINE_ECALL = 11,
};

#define RV_MAX_BLOCK 64          /* instructions per block */
#define RV_JC_BITS 12            /* direct-mapped jump cache entries: 1 << bits */
#define RV_HT_BITS 14            /* block hash table buckets */
#define RV_ARENA_SIZE (8u << 20) /* bytes of decoded blocks before a full flush */

struct rv_block {
    uint64_t pc;
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
    uint64_t mcounteren, mcountinhibit;
    int64_t cycle_off, instret_off; /* mcycle/minstret = counter + offset (they are writable) */
    uint64_t cycle_frozen, instret_frozen; /* values held while mcountinhibit stops them */

    bool resv_valid; /* LR/SC reservation */
    uint64_t resv_addr;

    struct rv_memwin lw, sw; /* last region used for loads (RAM/ROM) and stores (RAM) */
    struct bus *bus;
    struct sim_env *env;

    struct rv_block *jcache[1u << RV_JC_BITS];
    struct rv_block **htab;
    uint8_t *arena;
    size_t arena_used;
    uint64_t flush_gen; /* counts arena resets, which invalidate block pointers */

    uint64_t trap_cause, trap_tval; /* set by slow paths before they report a fault */
    uint64_t last_fetch_fault;      /* address last logged by rv_fetch_fault_log, +1 */

    rv_semihost_fn *semihost;
    void *semihost_opaque;

    bool stats;                    /* run the counting loop */
    uint64_t mix[RV_CLASS_COUNT];  /* retired instructions by class, folded from blocks */
};

/* rv_csr.c */
void rv_update_irq(struct rv_hart *h);
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
/* Statistics loop: n instructions from `from` on were counted at block entry but not retired. */
void rv_stats_unretired(struct rv_hart *h, const struct rv_insn *from, unsigned n);

#endif
