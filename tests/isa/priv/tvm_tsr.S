/* mstatus.TVM and TSR (privileged spec 1.12, section 3.1.6.5): with TVM = 1, S-mode satp
 * accesses and sfence.vma raise illegal instruction (M-mode is unaffected; U-mode never has
 * them); with TSR = 1, sret in S-mode raises illegal instruction while sret in M-mode still
 * works. TW is in tw.S. */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT

    /* 1: TVM = 0: S-mode reads and writes satp (Bare) and runs sfence.vma */
    TESTNUM(1)
    TRY     PRV_S, csrr a0, satp
    EXPECT_OK PRV_S
    TRY     PRV_S, csrw satp, zero
    EXPECT_OK PRV_S
    TRY     PRV_S, sfence.vma
    EXPECT_OK PRV_S
    /* 2: TVM = 1: all three trap from S */
    TESTNUM(2)
    li      a0, MSTATUS_TVM
    csrs    mstatus, a0
    TRY     PRV_S, csrr a0, satp
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_S, csrw satp, zero
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_S, sfence.vma
    EXPECT_M CAUSE_ILLEGAL
    li      a1, 0x1000
    TRY     PRV_S, sfence.vma a1, zero
    EXPECT_M CAUSE_ILLEGAL
    /* 3: TVM = 1 does not affect M-mode */
    TESTNUM(3)
    TRY     PRV_M, csrr a0, satp
    EXPECT_OK PRV_M
    TRY     PRV_M, sfence.vma
    EXPECT_OK PRV_M
    li      a0, MSTATUS_TVM
    csrc    mstatus, a0
    /* 4: U-mode: satp and sfence.vma are always illegal */
    TESTNUM(4)
    TRY     PRV_U, csrr a0, satp
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_U, sfence.vma
    EXPECT_M CAUSE_ILLEGAL

    /* 5: TSR = 1: sret in S traps */
    TESTNUM(5)
    li      a0, MSTATUS_TSR
    csrs    mstatus, a0
    TRY     PRV_S, sret
    EXPECT_M CAUSE_ILLEGAL
    /* 6: TSR = 1: sret in M-mode still returns (to S, SPP = S) */
    TESTNUM(6)
    CLEAR_TRAPS
    M_RESUME 2f
    li      a0, MSTATUS_SPP
    csrs    mstatus, a0
    la      a0, 1f
    csrw    sepc, a0
    sret
1:  ecall
2:  EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_ECALL_S
    li      a0, MSTATUS_TSR
    csrc    mstatus, a0
    /* 7: TSR = 0: sret in S works (SPP = S: stays in S at sepc) */
    TESTNUM(7)
    CLEAR_TRAPS
    M_RESUME 3f
    GOTO_MODE PRV_S, 1f
1:  li      a0, MSTATUS_SPP
    csrs    sstatus, a0
    la      a0, 2f
    csrw    sepc, a0
    sret
2:  ecall
3:  EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_ECALL_S

    PRIV_PASS
    PRIV_CODE
