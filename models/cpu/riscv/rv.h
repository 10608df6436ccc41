/* Public interface of the RISC-V hart model. The engine creates harts from the platform's
 * `cpus:` section, runs them in quanta up to a cycle limit and steps them one instruction at a
 * time; everything else about a hart is private to models/cpu/riscv. */
#ifndef SOCSIM_RV_H
#define SOCSIM_RV_H

#include <stdbool.h>
#include <stdint.h>

#include "models/core/device.h"

struct bus;
struct rv_hart;

/* Parameters a `cpus:` entry accepts (listed by `socsim devices`). */
extern const struct param_decl rv_hart_params[];
extern const char rv_hart_help[];

/* Build a hart from its platform parameters; `index` is its position in `cpus:` (the default
 * mhartid). Its interrupt inputs are pins on rv_hart_device(): msi, mti, mei. */
struct rv_hart *rv_hart_create(const struct dev_config *cfg, struct sim_env *env,
                               struct bus *bus, unsigned index, char *err, size_t errlen);
void rv_hart_destroy(struct rv_hart *h);
struct device *rv_hart_device(struct rv_hart *h);

void rv_hart_reset(struct rv_hart *h, uint64_t pc);
unsigned rv_hart_xlen(const struct rv_hart *h);
/* The ISA string the hart was built from, lower-cased (e.g. "rv32imac"). */
const char *rv_hart_isa(const struct rv_hart *h);
/* mhartid. */
uint64_t rv_hart_id(const struct rv_hart *h);
/* Address translation the hart implements, as a device-tree mmu-type ("riscv,sv39"), or
 * NULL when it has none (M-mode only harts, or `mmu: bare`). */
const char *rv_hart_mmu_type(const struct rv_hart *h);
/* True if the hart has supervisor mode (the ISA string has 's' or the mmu is not bare). */
bool rv_hart_has_smode(const struct rv_hart *h);

enum rv_stop {
    RV_LIMIT,  /* reached the cycle limit (or stopped short of it to let the engine step) */
    RV_WFI,    /* waiting for an interrupt */
    RV_BREAK,  /* asked to stop (rv_hart_kick): exit request, earlier event, ... */
    RV_DEBUG,  /* a debugger breakpoint or watchpoint: rv_hart_debug_hit() says which */
};

/* Run until the hart's cycle count reaches `cycle_limit` (never past it), it waits in WFI, or
 * it is kicked. Returns why it stopped. */
enum rv_stop rv_hart_run(struct rv_hart *h, uint64_t cycle_limit);
/* Execute exactly one instruction (or take one pending interrupt / trap). */
enum rv_stop rv_hart_step(struct rv_hart *h);
/* Drop the hart's LR reservation: the engine does this when it switches to another hart,
 * since a store by that hart could otherwise slip between this hart's LR and SC. */
void rv_hart_clear_reservation(struct rv_hart *h);
/* Make a running hart return at its next instruction boundary. Safe from device callbacks. */
void rv_hart_kick(struct rv_hart *h);

uint64_t rv_hart_cycles(const struct rv_hart *h);
uint64_t rv_hart_instret(const struct rv_hart *h);
uint64_t rv_hart_period_ps(const struct rv_hart *h);
bool rv_hart_waiting(const struct rv_hart *h);
/* Jump a waiting hart's clock forward to `cycle` (WFI skips idle time). */
void rv_hart_idle_until(struct rv_hart *h, uint64_t cycle);

uint64_t rv_hart_pc(const struct rv_hart *h);
uint64_t rv_hart_reg(const struct rv_hart *h, unsigned i);
void rv_hart_set_reg(struct rv_hart *h, unsigned i, uint64_t v);

/* Host services the hart calls: the semihosting trap (op in a0, parameter in a1). NULL
 * disables semihosting whatever the platform says. */
typedef uint64_t rv_semihost_fn(void *opaque, unsigned xlen, uint64_t op, uint64_t arg);
void rv_hart_set_semihost(struct rv_hart *h, rv_semihost_fn *fn, void *opaque);

/* ---- Debugger support (the GDB stub). Nothing here costs anything while no breakpoint or
 * watchpoint is set: breakpoints are planted when blocks are decoded, watchpoints keep the
 * data windows away from the pages they watch. ---- */

#define RV_WATCH_WRITE 1u
#define RV_WATCH_READ 2u
struct rv_watch {
    uint64_t addr, len; /* virtual addresses [addr, addr + len) */
    unsigned type;      /* RV_WATCH_WRITE | RV_WATCH_READ */
};
/* Breakpoints (virtual pc values) and watchpoints, shared by the harts that get them; owned
 * by the caller, who calls rv_hart_set_debug again after every change. NULL: none. */
struct rv_debug_set {
    const uint64_t *bps;
    unsigned nbps;
    const struct rv_watch *wps;
    unsigned nwps;
};
void rv_hart_set_debug(struct rv_hart *h, const struct rv_debug_set *d);

struct rv_debug_hit {
    enum { RV_HIT_NONE, RV_HIT_BREAKPOINT, RV_HIT_WATCH } kind;
    uint64_t addr;  /* breakpoint pc, or the watched address accessed */
    unsigned type;  /* RV_WATCH_WRITE or RV_WATCH_READ for a watchpoint */
};
/* What made rv_hart_run return RV_DEBUG (cleared by the call). A breakpoint stops before the
 * instruction at its pc; a watchpoint stops after the access (the instruction retired). */
struct rv_debug_hit rv_hart_debug_hit(struct rv_hart *h);
/* Execute one instruction for a debugger: a breakpoint at pc is stepped over, and a pending
 * interrupt is taken first only if take_irq (GDB's default is not to enter the handler). */
enum rv_stop rv_hart_debug_step(struct rv_hart *h, bool take_irq);

/* Registers for a debugger, in GDB's RISC-V numbering: 0-31 x0-x31, 32 pc, 33-64 f0-f31,
 * 65 + n the CSR n (0-4095), 4161 the virtual `priv` register. Read without side effects;
 * returns false if the hart has no such register. */
#define RV_GDB_PC 32
#define RV_GDB_F0 33
#define RV_GDB_CSR0 65
#define RV_GDB_PRIV (RV_GDB_CSR0 + 4096)
bool rv_hart_debug_read(struct rv_hart *h, unsigned regnum, uint64_t *val);
bool rv_hart_debug_write(struct rv_hart *h, unsigned regnum, uint64_t val);
/* True if the hart implements CSR n (for the target description). */
bool rv_hart_has_csr(struct rv_hart *h, unsigned csr);
bool rv_hart_has_fp(const struct rv_hart *h, bool *has_d);
unsigned rv_hart_priv(const struct rv_hart *h);
/* Translate a virtual address as the hart's loads would, without faults' side effects (no A/D
 * updates); false if it does not translate. */
bool rv_hart_debug_translate(struct rv_hart *h, uint64_t va, uint64_t *pa);

/* Drop all decoded blocks at the next instruction boundary. */
void rv_hart_flush_blocks(struct rv_hart *h);

/* Instruction mix (--stats): enable before running; the plain loop is used otherwise. */
void rv_hart_enable_stats(struct rv_hart *h);
/* Retired instructions per class of the instruction table; returns the number of classes and
 * fills up to max names and counts. */
unsigned rv_hart_mix(struct rv_hart *h, const char **names, uint64_t *counts, unsigned max);

#endif
