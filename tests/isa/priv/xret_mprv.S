/* An MRET or SRET that changes the privilege mode to a mode less privileged than M clears
 * mstatus.MPRV (privileged spec 1.12, section 3.1.6.3); one that returns to M keeps it.
 * QEMU 7.2 never clears MPRV on xRET (QEMU 8.0 does), so the list skips it there. */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT

    /* 1: mret to S clears MPRV */
    TESTNUM(1)
    li      a0, MSTATUS_MPRV
    csrs    mstatus, a0
    TRY     PRV_S, ecall
    EXPECT_M CAUSE_ECALL_S
    la      t5, trap_area
    LREG    a0, TR(TR_MSTATUS)(t5)
    EXPECT_MASKED a0, MSTATUS_MPRV, 0
    /* 2: mret to U clears MPRV */
    TESTNUM(2)
    li      a0, MSTATUS_MPRV
    csrs    mstatus, a0
    TRY     PRV_U, ecall
    EXPECT_M CAUSE_ECALL_U
    la      t5, trap_area
    LREG    a0, TR(TR_MSTATUS)(t5)
    EXPECT_MASKED a0, MSTATUS_MPRV, 0
    /* 3: sret (in M-mode) to S clears MPRV */
    TESTNUM(3)
    CLEAR_TRAPS
    M_RESUME 2f
    li      a0, MSTATUS_SPP | MSTATUS_MPRV
    csrs    mstatus, a0
    la      a0, 1f
    csrw    sepc, a0
    sret
1:  ecall
2:  EXPECT_TR TR_MCAUSE, CAUSE_ECALL_S
    la      t5, trap_area
    LREG    a0, TR(TR_MSTATUS)(t5)
    EXPECT_MASKED a0, MSTATUS_MPRV, 0
    /* 4: sret (in M-mode) to U clears MPRV */
    TESTNUM(4)
    CLEAR_TRAPS
    M_RESUME 2f
    li      a0, MSTATUS_SPP
    csrc    mstatus, a0
    li      a0, MSTATUS_MPRV
    csrs    mstatus, a0
    la      a0, 1f
    csrw    sepc, a0
    sret
1:  ecall
2:  EXPECT_TR TR_MCAUSE, CAUSE_ECALL_U
    la      t5, trap_area
    LREG    a0, TR(TR_MSTATUS)(t5)
    EXPECT_MASKED a0, MSTATUS_MPRV, 0
    /* 5: mret to M keeps MPRV */
    TESTNUM(5)
    li      a0, MSTATUS_MPP
    csrs    mstatus, a0
    li      a0, MSTATUS_MPRV
    csrs    mstatus, a0
    la      a0, 1f
    csrw    mepc, a0
    mret
1:  csrr    a0, mstatus
    li      a1, MSTATUS_MPRV
    csrc    mstatus, a1
    EXPECT_MASKED a0, MSTATUS_MPRV, MSTATUS_MPRV

    PRIV_PASS
    PRIV_CODE
