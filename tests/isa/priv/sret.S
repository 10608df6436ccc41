/* Trap returns (privileged spec 1.12, sections 3.1.6.1 and 3.3.2): mret and sret restore the
 * privilege from MPP / SPP and the interrupt enable from MPIE / SPIE, set xPIE = 1 and xPP to
 * the least-privileged mode (U); mret to M keeps MPRV; sret works in M-mode; mret in S or U
 * and sret in U are illegal. (That an xRET to S or U clears MPRV is in xret_mprv: QEMU 7.2
 * does not do it.) */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT

    /* 1: mret M -> M: MIE = MPIE (1), MPIE = 1, MPP = U; MPRV stays (the new mode is M) */
    TESTNUM(1)
    li      a0, MSTATUS_MPP | MSTATUS_MPIE
    csrs    mstatus, a0
    csrci   mstatus, MSTATUS_MIE
    li      a0, MSTATUS_MPRV
    csrs    mstatus, a0
    la      a0, 1f
    csrw    mepc, a0
    mret
1:  csrr    a0, mstatus
    li      a1, MSTATUS_MPRV | MSTATUS_MIE
    csrc    mstatus, a1
    EXPECT_MASKED a0, MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE | MSTATUS_MPRV, \
                  MSTATUS_MPIE | MSTATUS_MIE | MSTATUS_MPRV
    /* 2: mret with MPIE = 0: MIE = 0 */
    TESTNUM(2)
    li      a0, MSTATUS_MPP
    csrs    mstatus, a0
    li      a0, MSTATUS_MPIE
    csrc    mstatus, a0
    csrsi   mstatus, MSTATUS_MIE
    la      a0, 1f
    csrw    mepc, a0
    mret
1:  csrr    a0, mstatus
    EXPECT_MASKED a0, MSTATUS_MPIE | MSTATUS_MIE, MSTATUS_MPIE

    /* 3: mret to S: in S, MIE = the old MPIE (seen as MPIE at the next trap) */
    TESTNUM(3)
    csrsi   mstatus, MSTATUS_MIE     /* TRY's mret copies MIE to MPIE (mie = 0) */
    TRY     PRV_S, ecall
    EXPECT_M CAUSE_ECALL_S
    la      t5, trap_area
    LREG    a0, TR(TR_MSTATUS)(t5)
    EXPECT_MASKED a0, MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPIE | MSTATUS_MPP_S
    csrci   mstatus, MSTATUS_MIE
    TRY     PRV_S, ecall
    la      t5, trap_area
    LREG    a0, TR(TR_MSTATUS)(t5)
    EXPECT_MASKED a0, MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPP_S

    /* 4: sret in M-mode with SPP = U: U-mode at sepc, SIE = SPIE, SPIE = 1, SPP = U */
    TESTNUM(4)
    CLEAR_TRAPS
    M_RESUME 2f
    li      a0, MSTATUS_SPP | MSTATUS_SIE
    csrc    mstatus, a0
    li      a0, MSTATUS_SPIE
    csrs    mstatus, a0
    la      a0, 1f
    csrw    sepc, a0
    sret
1:  ecall
2:  EXPECT_TR TR_MCAUSE, CAUSE_ECALL_U
    la      t5, trap_area
    LREG    a0, TR(TR_MSTATUS)(t5)
    EXPECT_MASKED a0, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE | MSTATUS_MPP, \
                  MSTATUS_SPIE | MSTATUS_SIE
    /* 5: sret in M-mode with SPP = S: S-mode */
    TESTNUM(5)
    CLEAR_TRAPS
    M_RESUME 2f
    li      a0, MSTATUS_SPP
    csrs    mstatus, a0
    li      a0, MSTATUS_SPIE
    csrc    mstatus, a0
    la      a0, 1f
    csrw    sepc, a0
    sret
1:  ecall
2:  EXPECT_TR TR_MCAUSE, CAUSE_ECALL_S
    la      t5, trap_area
    LREG    a0, TR(TR_MSTATUS)(t5)
    EXPECT_MASKED a0, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE | MSTATUS_MPP, \
                  MSTATUS_SPIE | MSTATUS_MPP_S

    /* 6: sret from S with SPP = S stays in S; with SPP = U it drops to U */
    TESTNUM(6)
    CLEAR_TRAPS
    M_RESUME 3f
    GOTO_MODE PRV_S, 1f
1:  li      a0, MSTATUS_SPP
    csrs    sstatus, a0
    la      a0, 2f
    csrw    sepc, a0
    sret
2:  ecall                            /* from S */
3:  EXPECT_TR TR_MCAUSE, CAUSE_ECALL_S
    CLEAR_TRAPS
    M_RESUME 3f
    GOTO_MODE PRV_S, 1f
1:  li      a0, MSTATUS_SPP
    csrc    sstatus, a0
    la      a0, 2f
    csrw    sepc, a0
    sret
2:  ecall                            /* from U */
3:  EXPECT_TR TR_MCAUSE, CAUSE_ECALL_U

    /* 7: mret in S and U, sret in U: illegal instruction */
    TESTNUM(7)
    TRY     PRV_S, mret
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_U, mret
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_U, sret
    EXPECT_M CAUSE_ILLEGAL

    PRIV_PASS
    PRIV_CODE
