/* Helpers for the privileged-architecture ISA tests (tests/isa/priv/NAME.S, listed in
 * tests/isa/priv.list), on top of the framework (tests/isa/common/isa.h, crt.S: XLEN,
 * REGBYTES, LREG/SREG, TESTNUM(n) = li gp, n; test_main on hart 0 in M-mode returns 0 or the
 * failing case; test_secondary on the other harts).
 *
 * A test:   #include "priv.h" ... test_main: PRIV_INIT ... PRIV_PASS ... PRIV_CODE (at the end)
 *
 *   PRIV_INIT          saves ra/sp/mtvec, installs the recording M and S trap handlers below,
 *                      turns crt.S's PMP entry 0 off and opens entry 15 to everything (S/U
 *                      accesses need a matching entry when PMP is implemented; a test's own
 *                      entries 0..14 take priority)
 *   PRIV_PASS          return 0 from test_main (after undoing delegation, satp, MPRV, ...)
 *   priv_fail          jump here to fail: test_main returns gp (the TESTNUM)
 *   EXPECT r, imm / EXPECT_NE r, imm / EXPECT_REG r1, r2 / EXPECT_MASKED r, mask, imm
 *   TRY mode, insn     runs one instruction in privilege `mode` (PRV_U / PRV_S / PRV_M),
 *                      entered by mret with mstatus.MIE unchanged; the instruction is followed
 *                      by an ecall, so a trap-free run records cause 8 / 9 / 11. The first
 *                      exception reaching M (the instruction's, the ecall, or the S handler's
 *                      ecall) resumes in M-mode after the TRY. Clobbers t0-t2 and the trap
 *                      record; operands belong in the a and s registers.
 *   TRYV mode, off, insn   the same with the instruction run at its address + off (vm.h's
 *                      U-mode alias of the code)
 *   MPRV_TRY mode, insn    one M-mode access with MPRV = 1 and MPP = mode
 *   EXPECT_M cause     exactly one trap reached M: this cause, mepc = the TRY instruction
 *   EXPECT_S cause     exactly one trap reached S: this cause, sepc = the TRY instruction
 *                      (and the S handler's ecall was the one trap into M)
 *   EXPECT_OK mode     the instruction did not trap (only the closing ecall reached M)
 *   EXPECT_MTVAL r / EXPECT_MTVAL_I imm / EXPECT_STVAL r / EXPECT_STVAL_I imm
 *   EXPECT_TR slot, imm / EXPECT_TR_REG slot, r / EXPECT_TR_TRYPC slot: a trap-record slot
 *   EXPECT_MLOG n, c / EXPECT_SLOG n, c   the n-th cause taken into M / S since CLEAR_TRAPS
 *   EXPECT_ULOG n, c   the n-th trap of either (S causes + S_TAG): the order between them
 *   WAIT_MCOUNT n      spin (bounded) until n traps reached M
 *   CLEAR_TRAPS, M_RESUME label, M_SKIP, M_FAIL, S_RESUME label, S_ECALL_TO_M, GOTO_MODE
 *   PMP_ADDR i, reg / PMP_CFG i, imm / NAPOT reg, base, size   (each followed by sfence.vma)
 *
 * Trap handlers: an interrupt is recorded, its enable bit (mie / sie) cleared, and the
 * handler returns to the interrupted instruction. An exception is recorded; M then continues
 * in M-mode at the M_RESUME address (used once: TRY sets it), or skips the instruction after
 * M_SKIP, or otherwise ends the test through crt.S's unexpected-trap report (exit status
 * 0xc0 + mcause). S continues at the S_RESUME address, or ecalls to M.
 *
 * Paging helpers are in vm.h. */
#ifndef PRIV_H
#define PRIV_H

#include "isa.h"

#if XLEN == 64
#define MSB 0x8000000000000000
#define VPNBITS 9
#define PTELOG 3
#define REGLOG 3
#else
#define MSB 0x80000000
#define VPNBITS 10
#define PTELOG 2
#define REGLOG 2
#endif
#define INTR MSB

#undef MSTATUS_MIE
#undef MSTATUS_MPIE
#undef MSTATUS_SPP
#undef MSTATUS_MPP
#undef MSTATUS_FS

#define PRV_U 0
#define PRV_S 1
#define PRV_M 3

#define MSTATUS_SIE 0x2
#define MSTATUS_MIE 0x8
#define MSTATUS_SPIE 0x20
#define MSTATUS_UBE 0x40
#define MSTATUS_MPIE 0x80
#define MSTATUS_SPP 0x100
#define MSTATUS_VS 0x600
#define MSTATUS_MPP 0x1800
#define MSTATUS_MPP_S 0x800
#define MSTATUS_FS 0x6000
#define MSTATUS_XS 0x18000
#define MSTATUS_MPRV 0x20000
#define MSTATUS_SUM 0x40000
#define MSTATUS_MXR 0x80000
#define MSTATUS_TVM 0x100000
#define MSTATUS_TW 0x200000
#define MSTATUS_TSR 0x400000
#define MSTATUS_SD MSB

#define MIP_SSIP 0x2
#define MIP_MSIP 0x8
#define MIP_STIP 0x20
#define MIP_MTIP 0x80
#define MIP_SEIP 0x200
#define MIP_MEIP 0x800

#define CAUSE_MISALIGNED_FETCH 0
#define CAUSE_FETCH_ACCESS 1
#define CAUSE_ILLEGAL 2
#define CAUSE_BREAKPOINT 3
#define CAUSE_MISALIGNED_LOAD 4
#define CAUSE_LOAD_ACCESS 5
#define CAUSE_MISALIGNED_STORE 6
#define CAUSE_STORE_ACCESS 7
#define CAUSE_ECALL_U 8
#define CAUSE_ECALL_S 9
#define CAUSE_ECALL_M 11
#define CAUSE_FETCH_PAGE 12
#define CAUSE_LOAD_PAGE 13
#define CAUSE_STORE_PAGE 15

#define IRQ_SSI 1
#define IRQ_MSI 3
#define IRQ_STI 5
#define IRQ_MTI 7
#define IRQ_SEI 9
#define IRQ_MEI 11

#define CSR_MENVCFG 0x30a
#define CSR_MENVCFGH 0x31a
#define CSR_SENVCFG 0x10a

#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_U 0x10
#define PTE_G 0x20
#define PTE_A 0x40
#define PTE_D 0x80

#define PMP_R 0x01
#define PMP_W 0x02
#define PMP_X 0x04
#define PMP_OFF 0x00
#define PMP_TOR 0x08
#define PMP_NA4 0x10
#define PMP_NAPOT 0x18
#define PMP_L 0x80

#define P_CLINT 0x02000000
#define P_MSIP(h) (P_CLINT + 4 * (h))
#define P_MTIMECMP(h) (P_CLINT + 0x4000 + 8 * (h))
#define P_MTIME (P_CLINT + 0xbff8)
/* Nothing answers here on QEMU's spike/virt machines or on socsim's virt platforms. */
#define P_UNMAPPED_DATA 0x00000000
#define P_UNMAPPED_CODE 0x00000800

/* Trap record (one per hart, pointed to by mscratch and sscratch), in REGBYTES slots. */
#define TR_MSAVE 0          /* 0..2: t0..t2 saved by the M handler */
#define TR_MCAUSE 3
#define TR_MEPC 4
#define TR_MTVAL 5
#define TR_MSTATUS 6        /* mstatus as the M handler found it (after trap entry) */
#define TR_MCOUNT 7
#define TR_MRESUME 8
#define TR_SSAVE 9          /* 9..11: t0..t2 saved by the S handler */
#define TR_SCAUSE 12
#define TR_SEPC 13
#define TR_STVAL 14
#define TR_SSTATUS 15
#define TR_SCOUNT 16
#define TR_SRESUME 17
#define TR_TRYPC 18
#define TR_MLOG 20          /* 20..27: mcause of the first 8 traps into M since CLEAR_TRAPS */
#define TR_SLOG 28          /* 28..35: scause of the first 8 traps into S */
#define TR_VTMP 36          /* scratch and record for vector-table stubs (interrupts.S) */
#define TR_VSLOT 37
#define TR_SVTMP 38
#define TR_SVSLOT 39
#define TR_ULEN 40          /* the order of all traps, M and S: count, then 8 causes, S ones */
#define TR_ULOG 41          /* 41..48, tagged with S_TAG */
#define TR_MEPC1 49         /* mepc of the first trap into M since CLEAR_TRAPS */
#define TR_SLOTS 50
#define S_TAG 0x40
#define TR(slot) ((slot) * REGBYTES)
#define MAX_HARTS 4

/* ---- checks ---- */

.macro EXPECT reg, val
    li      t6, \val
    beq     \reg, t6, .Lexp_ok\@
    j       priv_fail
.Lexp_ok\@:
.endm

.macro EXPECT_REG r1, r2
    beq     \r1, \r2, .Lexp_ok\@
    j       priv_fail
.Lexp_ok\@:
.endm

.macro EXPECT_NE reg, val
    li      t6, \val
    bne     \reg, t6, .Lexp_ok\@
    j       priv_fail
.Lexp_ok\@:
.endm

/* (reg & mask) == val */
.macro EXPECT_MASKED reg, mask, val
    li      t6, \mask
    and     t6, t6, \reg
    li      t5, \val
    beq     t5, t6, .Lexp_ok\@
    j       priv_fail
.Lexp_ok\@:
.endm

/* trap record slot == val */
.macro EXPECT_TR slot, val
    la      t5, trap_area
    LREG    t5, TR(\slot)(t5)
    EXPECT  t5, \val
.endm

.macro EXPECT_TR_REG slot, reg
    la      t5, trap_area
    LREG    t5, TR(\slot)(t5)
    EXPECT_REG t5, \reg
.endm

.macro EXPECT_TR_TRYPC slot
    la      t5, trap_area
    LREG    t4, TR(TR_TRYPC)(t5)
    LREG    t5, TR(\slot)(t5)
    EXPECT_REG t5, t4
.endm

.macro EXPECT_M cause
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, \cause
    EXPECT_TR_TRYPC TR_MEPC
.endm

.macro EXPECT_S cause
    EXPECT_TR TR_SCOUNT, 1
    EXPECT_TR TR_SCAUSE, \cause
    EXPECT_TR_TRYPC TR_SEPC
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_ECALL_S
.endm

/* n-th (1-based) logged cause */
.macro EXPECT_MLOG n, val
    EXPECT_TR (TR_MLOG + \n - 1), \val
.endm
/* n-th trap of either handler: an M cause, or an S cause + S_TAG */
.macro EXPECT_ULOG n, val
    EXPECT_TR (TR_ULOG + \n - 1), \val
.endm
.macro EXPECT_SLOG n, val
    EXPECT_TR (TR_SLOG + \n - 1), \val
.endm

/* Spin until at least n traps reached M (S), at most ~200000 iterations, else fail. */
.macro WAIT_MCOUNT n
    li      t4, 200000
.Lwait\@:
    la      t5, trap_area
    LREG    t5, TR(TR_MCOUNT)(t5)
    li      t6, \n
    bgeu    t5, t6, .Lwait_ok\@
    addi    t4, t4, -1
    bnez    t4, .Lwait\@
    j       priv_fail
.Lwait_ok\@:
.endm

.macro EXPECT_MTVAL reg
    EXPECT_TR_REG TR_MTVAL, \reg
.endm
.macro EXPECT_MTVAL_I val
    EXPECT_TR TR_MTVAL, \val
.endm
.macro EXPECT_STVAL reg
    EXPECT_TR_REG TR_STVAL, \reg
.endm
.macro EXPECT_STVAL_I val
    EXPECT_TR TR_STVAL, \val
.endm

/* The TRY instruction ran without a trap: the only trap is its closing ecall. */
.macro EXPECT_OK mode
    EXPECT_TR TR_SCOUNT, 0
    EXPECT_TR TR_MCOUNT, 1
.if \mode == PRV_U
    EXPECT_TR TR_MCAUSE, CAUSE_ECALL_U
.elseif \mode == PRV_S
    EXPECT_TR TR_MCAUSE, CAUSE_ECALL_S
.else
    EXPECT_TR TR_MCAUSE, CAUSE_ECALL_M
.endif
.endm

/* ---- trap records and mode changes ---- */

.macro CLEAR_TRAPS
    la      t0, trap_area
    SREG    zero, TR(TR_MCOUNT)(t0)
    SREG    zero, TR(TR_SCOUNT)(t0)
    SREG    zero, TR(TR_ULEN)(t0)
    li      t1, -1
    SREG    t1, TR(TR_MCAUSE)(t0)
    SREG    t1, TR(TR_SCAUSE)(t0)
    SREG    zero, TR(TR_MTVAL)(t0)
    SREG    zero, TR(TR_STVAL)(t0)
    SREG    zero, TR(TR_MEPC)(t0)
    SREG    zero, TR(TR_SEPC)(t0)
.endm

.macro M_RESUME label
    la      t0, trap_area
    la      t1, \label
    SREG    t1, TR(TR_MRESUME)(t0)
.endm

.macro M_SKIP
    la      t0, trap_area
    li      t1, 1
    SREG    t1, TR(TR_MRESUME)(t0)
.endm

/* exceptions reaching M fail the test (isa_trap_default): the state after PRIV_INIT and
 * after each use of an M_RESUME */
.macro M_FAIL
    la      t0, trap_area
    SREG    zero, TR(TR_MRESUME)(t0)
.endm

.macro S_RESUME label
    la      t0, trap_area
    la      t1, \label
    SREG    t1, TR(TR_SRESUME)(t0)
.endm

.macro S_ECALL_TO_M
    la      t0, trap_area
    SREG    zero, TR(TR_SRESUME)(t0)
.endm

/* mret to `target` (+ off) in privilege `mode`, with mstatus.MIE unchanged (MPIE = MIE). */
.macro GOTO_MODE mode, target, off=0
    li      t0, MSTATUS_MPP | MSTATUS_MPIE
    csrc    mstatus, t0
    csrr    t0, mstatus
    andi    t0, t0, MSTATUS_MIE
    slli    t0, t0, 4
    csrs    mstatus, t0
    li      t0, (\mode) << 11
    csrs    mstatus, t0
    la      t0, \target
    li      t1, \off
    add     t0, t0, t1
    csrw    mepc, t0
    mret
.endm

.macro TRYV mode, off, insn:vararg
    CLEAR_TRAPS
    M_RESUME .Ltry_done\@
    la      t1, .Ltry_code\@
    li      t2, \off
    add     t1, t1, t2
    SREG    t1, TR(TR_TRYPC)(t0)
    GOTO_MODE \mode, .Ltry_code\@, \off
.Ltry_code\@:
    \insn
    ecall
    .balign 4                        /* (after a 16-bit insn: keep later code 4-aligned) */
.Ltry_done\@:
.endm

.macro TRY mode, insn:vararg
    TRYV \mode, 0, \insn
.endm

/* One M-mode access with MPRV = 1 and MPP = mode; back here with MPRV = 0 and the trap
 * recorded (no trap: the closing ecall, cause 11). mepc of a fault = the access. */
.macro MPRV_TRY mode, insn:vararg
    CLEAR_TRAPS
    M_RESUME .Lm_done\@
    la      t1, .Lm_insn\@
    SREG    t1, TR(TR_TRYPC)(t0)
    li      t0, MSTATUS_MPP
    csrc    mstatus, t0
    li      t0, (\mode) << 11
    csrs    mstatus, t0
    li      t0, MSTATUS_MPRV
    csrs    mstatus, t0
.Lm_insn\@:
    \insn
    li      t0, MSTATUS_MPRV
    csrc    mstatus, t0
    ecall
.Lm_done\@:
    li      t0, MSTATUS_MPRV
    csrc    mstatus, t0
    li      t0, MSTATUS_MPP
    csrs    mstatus, t0
.endm

/* ---- PMP ---- */

/* pmpaddr<i> = register; sfence.vma (PMP changes need it when paging exists) */
.macro PMP_ADDR i, reg
    csrw    pmpaddr\i, \reg
    sfence.vma
.endm

/* pmp<i>cfg = cfg (an immediate), the other entries of the register unchanged */
.macro PMP_CFG i, cfg
#if XLEN == 64
    .if (\i) < 8
    li      t0, 0xff << (8 * (\i))
    csrc    pmpcfg0, t0
    li      t0, (\cfg) << (8 * (\i))
    csrs    pmpcfg0, t0
    .else
    li      t0, 0xff << (8 * ((\i) - 8))
    csrc    pmpcfg2, t0
    li      t0, (\cfg) << (8 * ((\i) - 8))
    csrs    pmpcfg2, t0
    .endif
#else
    .if (\i) < 4
    li      t0, 0xff << (8 * (\i))
    csrc    pmpcfg0, t0
    li      t0, (\cfg) << (8 * (\i))
    csrs    pmpcfg0, t0
    .elseif (\i) < 8
    li      t0, 0xff << (8 * ((\i) - 4))
    csrc    pmpcfg1, t0
    li      t0, (\cfg) << (8 * ((\i) - 4))
    csrs    pmpcfg1, t0
    .elseif (\i) < 12
    li      t0, 0xff << (8 * ((\i) - 8))
    csrc    pmpcfg2, t0
    li      t0, (\cfg) << (8 * ((\i) - 8))
    csrs    pmpcfg2, t0
    .else
    li      t0, 0xff << (8 * ((\i) - 12))
    csrc    pmpcfg3, t0
    li      t0, (\cfg) << (8 * ((\i) - 12))
    csrs    pmpcfg3, t0
    .endif
#endif
    sfence.vma
.endm

/* reg = the pmpaddr value of a NAPOT region: base (register, aligned) and size (immediate,
 * a power of two >= 8) */
.macro NAPOT reg, base, size
    srli    \reg, \base, 2
    ori     \reg, \reg, ((\size) / 8) - 1
.endm

/* ---- test entry and exit ---- */

.macro PRIV_INIT
    la      t0, priv_saved
    SREG    ra, 0(t0)
    SREG    sp, REGBYTES(t0)
    csrr    t1, mtvec
    SREG    t1, 2*REGBYTES(t0)
    la      t1, priv_mtrap
    csrw    mtvec, t1
    la      t1, priv_strap
    csrw    stvec, t1
    la      t1, trap_area
    csrw    mscratch, t1
    csrw    sscratch, t1
    CLEAR_TRAPS
    M_FAIL
    S_ECALL_TO_M
    call    priv_pmp_open
.endm

.macro PRIV_PASS
    li      a0, 0
    j       priv_exit
.endm

/* ---- the common code, emitted once per test with PRIV_CODE at the end of the file ---- */

.macro PRIV_CODE
    .text
    .balign 4
    .globl priv_fail
priv_fail:
    mv      a0, gp
    bnez    a0, priv_exit
    li      a0, 191
priv_exit:
    csrw    satp, zero
    sfence.vma
    csrw    medeleg, zero
    csrw    mideleg, zero
    csrw    mie, zero
    li      t0, MSTATUS_MIE | MSTATUS_SIE | MSTATUS_MPRV | MSTATUS_TVM | MSTATUS_TW | \
                MSTATUS_TSR | MSTATUS_MPP
    csrc    mstatus, t0
    li      t0, MSTATUS_MPP
    csrs    mstatus, t0
    la      t0, priv_saved
    LREG    ra, 0(t0)
    LREG    sp, REGBYTES(t0)
    LREG    t1, 2*REGBYTES(t0)
    csrw    mtvec, t1
    ret

/* PMP entry 15: NAPOT over all of memory, R/W/X, unlocked; entry 0 (crt.S opens memory
 * with it) and all others off, so a test's own entries take priority. */
priv_pmp_open:
    csrw    pmpcfg0, zero
    csrw    pmpaddr0, zero
#if XLEN == 32
    csrw    pmpcfg1, zero
#endif
    csrw    pmpcfg2, zero
#if XLEN == 32
    csrw    pmpcfg3, zero
#endif
    li      t0, -1
    csrw    pmpaddr15, t0
#if XLEN == 64
    li      t0, 0xff << 56
    csrc    pmpcfg2, t0
    li      t0, (PMP_NAPOT | PMP_R | PMP_W | PMP_X) << 56
    csrs    pmpcfg2, t0
#else
    li      t0, 0xff << 24
    csrc    pmpcfg3, t0
    li      t0, (PMP_NAPOT | PMP_R | PMP_W | PMP_X) << 24
    csrs    pmpcfg3, t0
#endif
    sfence.vma
    ret

/* Page-table entry: a0 = table, a1 = virtual address, a2 = level, a3 = physical address,
 * a4 = flags. Writes the PTE for a1 at that level; returns its address in a0. */
    .globl priv_map
priv_map:
    li      t0, VPNBITS
    mul     t0, t0, a2
    addi    t0, t0, 12
    srl     t1, a1, t0
    andi    t1, t1, (1 << VPNBITS) - 1
    slli    t1, t1, PTELOG
    add     a0, a0, t1
    srli    t2, a3, 12
    slli    t2, t2, 10
    or      t2, t2, a4
    SREG    t2, 0(a0)
    ret

/* Zero a 4 KiB page: a0 = address. */
    .globl priv_zero_page
priv_zero_page:
    li      t0, 4096
    add     t0, t0, a0
1:  SREG    zero, 0(a0)
    addi    a0, a0, REGBYTES
    bltu    a0, t0, 1b
    ret

/* M-mode trap handler. */
    .balign 64
    .globl priv_mtrap
priv_mtrap:
    csrrw   t0, mscratch, t0
    SREG    t1, TR(TR_MSAVE + 1)(t0)
    SREG    t2, TR(TR_MSAVE + 2)(t0)
    csrr    t1, mscratch
    SREG    t1, TR(TR_MSAVE)(t0)
    csrw    mscratch, t0
    csrr    t1, mcause
    SREG    t1, TR(TR_MCAUSE)(t0)
    csrr    t1, mepc
    SREG    t1, TR(TR_MEPC)(t0)
    csrr    t1, mtval
    SREG    t1, TR(TR_MTVAL)(t0)
    csrr    t1, mstatus
    SREG    t1, TR(TR_MSTATUS)(t0)
    LREG    t1, TR(TR_MCOUNT)(t0)
    addi    t1, t1, 1
    SREG    t1, TR(TR_MCOUNT)(t0)
    li      t2, 1
    bne     t1, t2, 1f
    csrr    t2, mepc
    SREG    t2, TR(TR_MEPC1)(t0)
1:  li      t2, 8
    bgtu    t1, t2, 1f
    slli    t2, t1, REGLOG           /* log slot count - 1 */
    add     t2, t2, t0
    csrr    t1, mcause
    SREG    t1, TR(TR_MLOG - 1)(t2)
    LREG    t1, TR(TR_MCOUNT)(t0)
1:  LREG    t2, TR(TR_ULEN)(t0)
    addi    t1, t2, -8
    bgez    t1, 1f
    addi    t1, t2, 1
    SREG    t1, TR(TR_ULEN)(t0)
    slli    t2, t2, REGLOG
    add     t2, t2, t0
    csrr    t1, mcause
    SREG    t1, TR(TR_ULOG)(t2)
1:  LREG    t1, TR(TR_MCOUNT)(t0)
    /* a runaway (a trap loop) ends the test */
    li      t2, 1000
    bltu    t1, t2, 1f
    j       priv_fail
1:  csrr    t1, mcause
    bgez    t1, 2f
    /* interrupt: mask it, return to the interrupted instruction */
    li      t2, 1
    sll     t2, t2, t1
    csrc    mie, t2
    j       9f
2:  LREG    t1, TR(TR_MRESUME)(t0)
    beqz    t1, 5f
    li      t2, 1
    beq     t1, t2, 3f
    SREG    zero, TR(TR_MRESUME)(t0) /* one use: a later exception is unexpected again */
    csrw    mepc, t1
    li      t2, MSTATUS_MPP
    csrs    mstatus, t2
    j       9f
5:  /* an exception nobody asked for: the framework's report (exit 0xc0 + mcause) */
    j       isa_trap_default
3:  csrr    t1, mepc
    lhu     t2, 0(t1)
    andi    t2, t2, 3
    addi    t1, t1, 2
    addi    t2, t2, -3
    bnez    t2, 4f
    addi    t1, t1, 2
4:  csrw    mepc, t1
9:  LREG    t1, TR(TR_MSAVE + 1)(t0)
    LREG    t2, TR(TR_MSAVE + 2)(t0)
    LREG    t0, TR(TR_MSAVE)(t0)
    mret

/* S-mode trap handler (for delegated traps). */
    .balign 64
    .globl priv_strap
priv_strap:
    csrrw   t0, sscratch, t0
    SREG    t1, TR(TR_SSAVE + 1)(t0)
    SREG    t2, TR(TR_SSAVE + 2)(t0)
    csrr    t1, sscratch
    SREG    t1, TR(TR_SSAVE)(t0)
    csrw    sscratch, t0
    csrr    t1, scause
    SREG    t1, TR(TR_SCAUSE)(t0)
    csrr    t1, sepc
    SREG    t1, TR(TR_SEPC)(t0)
    csrr    t1, stval
    SREG    t1, TR(TR_STVAL)(t0)
    csrr    t1, sstatus
    SREG    t1, TR(TR_SSTATUS)(t0)
    LREG    t1, TR(TR_SCOUNT)(t0)
    addi    t1, t1, 1
    SREG    t1, TR(TR_SCOUNT)(t0)
    li      t2, 8
    bgtu    t1, t2, 1f
    slli    t2, t1, REGLOG
    add     t2, t2, t0
    csrr    t1, scause
    SREG    t1, TR(TR_SLOG - 1)(t2)
1:  LREG    t2, TR(TR_ULEN)(t0)
    addi    t1, t2, -8
    bgez    t1, 1f
    addi    t1, t2, 1
    SREG    t1, TR(TR_ULEN)(t0)
    slli    t2, t2, REGLOG
    add     t2, t2, t0
    csrr    t1, scause
    addi    t1, t1, S_TAG
    SREG    t1, TR(TR_ULOG)(t2)
1:  LREG    t1, TR(TR_SCOUNT)(t0)
    li      t2, 1000
    bltu    t1, t2, 1f
    ecall
1:  csrr    t1, scause
    bgez    t1, 2f
    li      t2, 1
    sll     t2, t2, t1
    csrc    sie, t2
    j       9f
2:  LREG    t1, TR(TR_SRESUME)(t0)
    beqz    t1, 3f
    csrw    sepc, t1
    j       9f
3:  LREG    t1, TR(TR_SSAVE + 1)(t0)
    LREG    t2, TR(TR_SSAVE + 2)(t0)
    LREG    t0, TR(TR_SSAVE)(t0)
    ecall
9:  LREG    t1, TR(TR_SSAVE + 1)(t0)
    LREG    t2, TR(TR_SSAVE + 2)(t0)
    LREG    t0, TR(TR_SSAVE)(t0)
    sret

    /* End .text on a page boundary: QEMU maps HTIF's tohost (placed after .text/.rodata) as
     * I/O, and code sharing its 4 KiB page runs one uncached instruction at a time there. */
    .balign 4096

    .data
    .balign 64
    .globl trap_area
trap_area:
    .space  TR_SLOTS * REGBYTES * MAX_HARTS
priv_saved:
    .space  4 * REGBYTES
    .text
.endm

#endif
