/* Interrupts (privileged spec 1.12, sections 3.1.6.1, 3.1.9, 3.1.8, 4.1.3): CLINT msip -> MSI
 * and mtimecmp -> MTI; mip.MSIP / MTIP follow the CLINT; taking a pending interrupt right after
 * the mstatus write that enables it (mepc = the next instruction); MSI before MTI, and
 * interrupts to M before interrupts to S (the full priority order is in irq_priority);
 * SSIP / STIP set by M-mode and delegated
 * through mideleg to S (scause, sepc), not taken in M, taken in S only with SIE = 1 and in U
 * always; undelegated S-level and M-level interrupts taken in S and U regardless of MIE;
 * S-mode setting its own SSIP through sip; vectored mtvec / stvec (BASE + 4 * cause for
 * interrupts, BASE for exceptions); an interrupt enabled by mret taken at its target; an
 * interrupt that ends a WFI taken with mepc = the WFI + 4; WFI waking on a pending, locally
 * enabled but globally disabled interrupt. */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    call    timer_off
    csrw    mie, zero
    csrw    mip, zero
    csrw    mideleg, zero
    csrci   mstatus, MSTATUS_MIE

    /* 1: msip = 1 sets mip.MSIP; MIE = 0 keeps it pending */
    TESTNUM(1)
    CLEAR_TRAPS
    li      a0, MIP_MSIP
    csrw    mie, a0
    li      s0, P_MSIP(0)
    li      a1, 1
    sw      a1, 0(s0)
    li      a2, 1000
1:  csrr    a0, mip
    andi    a0, a0, MIP_MSIP
    bnez    a0, 2f
    addi    a2, a2, -1
    bnez    a2, 1b
    j       priv_fail
2:  EXPECT_TR TR_MCOUNT, 0
    /* 2: setting MIE takes it at once: mcause = interrupt | 3, mepc = the next instruction */
    TESTNUM(2)
    csrsi   mstatus, MSTATUS_MIE
3:  csrci   mstatus, MSTATUS_MIE
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, INTR | IRQ_MSI
    la      a0, 3b
    EXPECT_TR_REG TR_MEPC, a0
    /* 3: msip = 0 clears mip.MSIP */
    TESTNUM(3)
    sw      zero, 0(s0)
    li      a2, 1000
1:  csrr    a0, mip
    andi    a0, a0, MIP_MSIP
    beqz    a0, 2f
    addi    a2, a2, -1
    bnez    a2, 1b
    j       priv_fail
2:
    /* 4: timer: mtimecmp = mtime + 50 raises MTI */
    TESTNUM(4)
    CLEAR_TRAPS
    li      a0, MIP_MTIP
    csrw    mie, a0
    csrsi   mstatus, MSTATUS_MIE
    li      a0, 50
    call    timer_in
    WAIT_MCOUNT 1
    csrci   mstatus, MSTATUS_MIE
    EXPECT_TR TR_MCAUSE, INTR | IRQ_MTI
    csrr    a0, mip
    EXPECT_MASKED a0, MIP_MTIP, MIP_MTIP
    /* 5: mtimecmp in the future clears MTIP */
    TESTNUM(5)
    call    timer_off
    li      a2, 1000
1:  csrr    a0, mip
    andi    a0, a0, MIP_MTIP
    beqz    a0, 2f
    addi    a2, a2, -1
    bnez    a2, 1b
    j       priv_fail
2:
    /* 6: MSI before MTI when both are pending (the full order is in irq_priority) */
    TESTNUM(6)
    CLEAR_TRAPS
    li      a1, 1
    sw      a1, 0(s0)                /* MSIP */
    li      a0, 0
    call    timer_in                 /* MTIP */
    li      a2, 1000
1:  csrr    a0, mip
    andi    a0, a0, MIP_MSIP | MIP_MTIP
    xori    a0, a0, MIP_MSIP | MIP_MTIP
    beqz    a0, 2f
    addi    a2, a2, -1
    bnez    a2, 1b
    j       priv_fail
2:  li      a0, MIP_MSIP | MIP_MTIP
    csrw    mie, a0
    csrsi   mstatus, MSTATUS_MIE     /* each handler run masks the one it took */
    nop
    csrci   mstatus, MSTATUS_MIE
    sw      zero, 0(s0)
    call    timer_off
    EXPECT_TR TR_MCOUNT, 2
    EXPECT_MLOG 1, INTR | IRQ_MSI
    EXPECT_MLOG 2, INTR | IRQ_MTI
    /* 6b: an interrupt to M goes before one to S: in S (SIE = 1) with STIP (not delegated)
     * and a delegated SSIP pending, M takes STI first, then S takes SSI */
    csrw    mip, zero
    li      a0, MIP_SSIP
    csrw    mideleg, a0
    li      a0, MIP_SSIP | MIP_STIP
    csrw    mie, a0
    csrs    mip, a0
    csrsi   sstatus, MSTATUS_SIE
    TRY     PRV_S, nop
    csrci   sstatus, MSTATUS_SIE
    csrw    mip, zero
    csrw    mideleg, zero
    EXPECT_TR TR_ULEN, 3
    EXPECT_ULOG 1, INTR | IRQ_STI
    EXPECT_ULOG 2, INTR | (S_TAG + IRQ_SSI)
    EXPECT_ULOG 3, CAUSE_ECALL_S

    /* 7: delegated SSIP pending with SSIE = 1 is not taken in M, even with MIE = 1 */
    TESTNUM(7)
    CLEAR_TRAPS
    li      a0, MIP_SSIP | MIP_STIP
    csrw    mideleg, a0
    li      a0, MIP_SSIP
    csrw    mie, a0
    csrs    mip, a0
    csrsi   mstatus, MSTATUS_MIE
    nop
    csrci   mstatus, MSTATUS_MIE
    EXPECT_TR TR_MCOUNT, 0
    /* 8: ... nor in S with SIE = 0 */
    TESTNUM(8)
    csrci   sstatus, MSTATUS_SIE
    TRY     PRV_S, nop
    EXPECT_OK PRV_S
    /* 9: in S with SIE = 1 it traps to S at once: scause = interrupt | 1, sepc = first insn */
    TESTNUM(9)
    csrsi   sstatus, MSTATUS_SIE
    TRY     PRV_S, nop
    EXPECT_S INTR | IRQ_SSI
    /* 10: in U it is taken whatever SIE is (the S handler returns to U, U ecalls) */
    TESTNUM(10)
    csrci   sstatus, MSTATUS_SIE
    li      a0, MIP_SSIP
    csrs    mie, a0
    TRY     PRV_U, nop
    EXPECT_TR TR_SCOUNT, 1
    EXPECT_TR TR_SCAUSE, INTR | IRQ_SSI
    EXPECT_TR_TRYPC TR_SEPC
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_ECALL_U
    /* 11: delegated STIP set by M-mode: scause = interrupt | 5 */
    TESTNUM(11)
    csrw    mip, zero
    li      a0, MIP_STIP
    csrw    mie, a0
    csrs    mip, a0
    csrsi   sstatus, MSTATUS_SIE
    TRY     PRV_S, nop
    EXPECT_S INTR | IRQ_STI
    csrw    mip, zero
    /* 12: S sets its own SSIP through sip: taken right after the write (sepc = next insn) */
    TESTNUM(12)
    li      a0, MIP_SSIP
    csrw    mie, a0
    csrsi   sstatus, MSTATUS_SIE
    li      a1, MIP_SSIP
    TRY     PRV_S, csrs sip, a1
    EXPECT_TR TR_SCOUNT, 1
    EXPECT_TR TR_SCAUSE, INTR | IRQ_SSI
    la      t5, trap_area
    LREG    a0, TR(TR_TRYPC)(t5)
    addi    a0, a0, 4
    EXPECT_TR_REG TR_SEPC, a0
    csrw    mip, zero
    csrci   sstatus, MSTATUS_SIE

    /* 13: undelegated SSIP is an M interrupt: taken in S with MIE = 0 (mcause = int | 1) */
    TESTNUM(13)
    csrw    mideleg, zero
    li      a0, MIP_SSIP
    csrw    mie, a0
    csrs    mip, a0
    csrci   mstatus, MSTATUS_MIE
    TRY     PRV_S, nop
    EXPECT_TR TR_MCOUNT, 2
    EXPECT_MLOG 1, INTR | IRQ_SSI
    EXPECT_MLOG 2, CAUSE_ECALL_S
    EXPECT_TR TR_SCOUNT, 0
    csrw    mip, zero
    /* 14: an M-level interrupt (MSI) is taken in U with MIE = 0 */
    TESTNUM(14)
    li      a0, MIP_MSIP
    csrw    mie, a0
    li      a1, 1
    sw      a1, 0(s0)
    li      a2, 1000
1:  csrr    a0, mip
    andi    a0, a0, MIP_MSIP
    bnez    a0, 2f
    addi    a2, a2, -1
    bnez    a2, 1b
    j       priv_fail
2:  TRY     PRV_U, nop
    sw      zero, 0(s0)
    EXPECT_TR TR_MCOUNT, 2
    EXPECT_MLOG 1, INTR | IRQ_MSI
    EXPECT_MLOG 2, CAUSE_ECALL_U
    EXPECT_TR_TRYPC TR_MEPC1

    /* 15: vectored mtvec: MSI enters BASE + 12, an exception enters BASE */
    TESTNUM(15)
    la      a0, mvec
    ori     a0, a0, 1
    csrw    mtvec, a0
    la      s1, trap_area
    SREG    zero, TR(TR_VSLOT)(s1)
    CLEAR_TRAPS
    li      a0, MIP_MSIP
    csrw    mie, a0
    li      a1, 1
    sw      a1, 0(s0)
    csrsi   mstatus, MSTATUS_MIE
    WAIT_MCOUNT 1
    csrci   mstatus, MSTATUS_MIE
    sw      zero, 0(s0)
    EXPECT_TR TR_MCAUSE, INTR | IRQ_MSI
    LREG    a0, TR(TR_VSLOT)(s1)
    EXPECT  a0, (1 << IRQ_MSI)
    SREG    zero, TR(TR_VSLOT)(s1)
    TRY     PRV_M, ecall
    EXPECT_M CAUSE_ECALL_M
    LREG    a0, TR(TR_VSLOT)(s1)
    EXPECT  a0, 1                    /* slot 0 */
    la      a0, priv_mtrap
    csrw    mtvec, a0
    /* 16: vectored stvec: a delegated SSI enters BASE + 4, an exception BASE */
    TESTNUM(16)
    la      a0, svec
    ori     a0, a0, 1
    csrw    stvec, a0
    SREG    zero, TR(TR_SVSLOT)(s1)
    li      a0, MIP_SSIP
    csrw    mideleg, a0
    csrw    mie, a0
    csrs    mip, a0
    csrsi   sstatus, MSTATUS_SIE
    TRY     PRV_S, nop
    EXPECT_S INTR | IRQ_SSI
    LREG    a0, TR(TR_SVSLOT)(s1)
    EXPECT  a0, (1 << IRQ_SSI)
    csrci   sstatus, MSTATUS_SIE
    csrw    mip, zero
    csrw    mideleg, zero
    SREG    zero, TR(TR_SVSLOT)(s1)
    li      a0, 1 << CAUSE_ECALL_U
    csrw    medeleg, a0
    TRY     PRV_U, ecall
    EXPECT_S CAUSE_ECALL_U
    LREG    a0, TR(TR_SVSLOT)(s1)
    EXPECT  a0, 1                    /* slot 0 */
    csrw    medeleg, zero
    la      a0, priv_strap
    csrw    stvec, a0

    /* 18: mret to a mode where a pending interrupt is enabled takes it at once: MSI pending,
     * mret to M with MPIE = 1: mepc = the mret's target */
    TESTNUM(18)
    CLEAR_TRAPS
    li      a0, MIP_MSIP
    csrw    mie, a0
    li      a1, 1
    sw      a1, 0(s0)
    li      a2, 1000
1:  csrr    a0, mip
    andi    a0, a0, MIP_MSIP
    bnez    a0, 2f
    addi    a2, a2, -1
    bnez    a2, 1b
    j       priv_fail
2:  li      a0, MSTATUS_MPP | MSTATUS_MPIE
    csrs    mstatus, a0
    la      a0, 3f
    csrw    mepc, a0
    mret
3:  nop
    csrci   mstatus, MSTATUS_MIE
    sw      zero, 0(s0)
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, INTR | IRQ_MSI
    la      a0, 3b
    EXPECT_TR_REG TR_MEPC, a0
    /* 19: an interrupt that wakes a WFI is taken with mepc = the WFI + 4 (M-mode, MIE = 1,
     * timer; then S-mode with TW = 0, where the M timer interrupt is enabled anyway) */
    TESTNUM(19)
    CLEAR_TRAPS
    li      a0, MIP_MTIP
    csrw    mie, a0
    li      a0, 20000                /* 2 ms: far beyond the next few instructions */
    call    timer_in
    csrr    a0, mip
    andi    a0, a0, MIP_MTIP
    beqz    a0, 5f
    j       priv_fail                /* (the host stalled us for 2 ms: cannot check) */
5:  csrsi   mstatus, MSTATUS_MIE
4:  wfi
    csrci   mstatus, MSTATUS_MIE
    call    timer_off
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, INTR | IRQ_MTI
    la      a0, 4b + 4
    EXPECT_TR_REG TR_MEPC, a0
    li      a0, MIP_MTIP
    csrw    mie, a0
    li      a0, 20000
    call    timer_in
    TRY     PRV_S, wfi
    call    timer_off
    EXPECT_TR TR_MCOUNT, 2
    EXPECT_MLOG 1, INTR | IRQ_MTI
    EXPECT_MLOG 2, CAUSE_ECALL_S
    la      t5, trap_area            /* the interrupt: mepc = the WFI + 4 */
    LREG    a0, TR(TR_TRYPC)(t5)
    addi    a0, a0, 4
    EXPECT_TR_REG TR_MEPC1, a0
    csrw    mie, zero

    /* 17: WFI with MIE = 0 wakes when an enabled interrupt becomes pending (no trap) */
    TESTNUM(17)
    CLEAR_TRAPS
    li      a0, MIP_MTIP
    csrw    mie, a0
    li      a0, 100
    call    timer_in
    li      a2, 100000
1:  wfi
    csrr    a0, mip
    andi    a0, a0, MIP_MTIP
    bnez    a0, 2f
    addi    a2, a2, -1
    bnez    a2, 1b
    j       priv_fail
2:  EXPECT_TR TR_MCOUNT, 0
    call    timer_off
    csrw    mie, zero

    PRIV_PASS

/* mtimecmp(0) = mtime + a0 (RV32: written as the spec's three-store sequence) */
timer_in:
    li      t0, P_MTIME
    li      t1, P_MTIMECMP(0)
#if XLEN == 64
    ld      t2, 0(t0)
    add     t2, t2, a0
    sd      t2, 0(t1)
#else
1:  lw      t3, 4(t0)
    lw      t2, 0(t0)
    lw      t4, 4(t0)
    bne     t3, t4, 1b
    add     t2, t2, a0
    sltu    t4, t2, a0
    add     t3, t3, t4
    li      t4, -1
    sw      t4, 0(t1)
    sw      t3, 4(t1)
    sw      t2, 0(t1)
#endif
    ret

/* mtimecmp(0) = all ones: no timer interrupt */
timer_off:
    li      t1, P_MTIMECMP(0)
    li      t0, -1
    sw      t0, 0(t1)
    sw      t0, 4(t1)
    ret

/* Vector tables: slot n records 1 << n in the trap record (TR_VSLOT for M, TR_SVSLOT for S)
 * and enters the common handler. */
    .balign 256
mvec:
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    j       mslot\n
    .endr
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
mslot\n:
    csrrw   t0, mscratch, t0
    SREG    t1, TR(TR_VTMP)(t0)
    li      t1, 1 << \n
    SREG    t1, TR(TR_VSLOT)(t0)
    LREG    t1, TR(TR_VTMP)(t0)
    csrrw   t0, mscratch, t0
    j       priv_mtrap
    .endr

    .balign 256
svec:
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9
    j       sslot\n
    .endr
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9
sslot\n:
    csrrw   t0, sscratch, t0
    SREG    t1, TR(TR_SVTMP)(t0)
    li      t1, 1 << \n
    SREG    t1, TR(TR_SVSLOT)(t0)
    LREG    t1, TR(TR_SVTMP)(t0)
    csrrw   t0, sscratch, t0
    j       priv_strap
    .endr

    PRIV_CODE
