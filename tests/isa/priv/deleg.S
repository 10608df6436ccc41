/* Exception delegation to S-mode through medeleg (privileged spec 1.12, section 3.1.8):
 * delegated traps from U and S reach the S handler with scause, sepc, stval, SPP, SPIE, SIE
 * set as specified; bits left clear keep traps in M; traps taken in M-mode are never
 * delegated; an S-mode ecall can be delegated (horizontal trap). */
#include "priv.h"

#define UNMAPPED_LOAD 0x100

    .text
    .globl test_main
test_main:
    PRIV_INIT

    /* 1: U ecall delegated: scause 8, sepc = the ecall, stval = 0, SPP = U */
    TESTNUM(1)
    li      a0, 1 << CAUSE_ECALL_U
    csrw    medeleg, a0
    TRY     PRV_U, ecall
    EXPECT_S CAUSE_ECALL_U
    EXPECT_STVAL_I 0
    la      t5, trap_area
    LREG    a0, TR(TR_SSTATUS)(t5)
    EXPECT_MASKED a0, MSTATUS_SPP, 0
    /* 2: the M handler was entered once, from the S handler's ecall (mepc in priv_strap) */
    TESTNUM(2)
    la      t5, trap_area
    LREG    a0, TR(TR_MEPC)(t5)
    la      a1, priv_strap
    bltu    a0, a1, 1f
    addi    a1, a1, 256
    bltu    a0, a1, 2f
1:  j       priv_fail
2:
    /* 3: SIE = 1 before the trap: SPIE = 1, SIE = 0 in the handler */
    TESTNUM(3)
    csrsi   sstatus, MSTATUS_SIE
    TRY     PRV_U, ecall
    EXPECT_S CAUSE_ECALL_U
    la      t5, trap_area
    LREG    a0, TR(TR_SSTATUS)(t5)
    EXPECT_MASKED a0, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPIE
    /* 4: SIE = 0 before the trap: SPIE = 0 */
    TESTNUM(4)
    csrci   sstatus, MSTATUS_SIE
    TRY     PRV_U, ecall
    la      t5, trap_area
    LREG    a0, TR(TR_SSTATUS)(t5)
    EXPECT_MASKED a0, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, 0
    /* 5: a U ecall is not delegated by medeleg[8] = 0 even with all other bits set */
    TESTNUM(5)
    li      a0, ~(1 << CAUSE_ECALL_U) & 0xb3ff
    csrw    medeleg, a0
    TRY     PRV_U, ecall
    EXPECT_M CAUSE_ECALL_U
    EXPECT_TR TR_SCOUNT, 0

    /* 6: illegal instruction from S delegated: scause 2, stval = bits, SPP = S */
    TESTNUM(6)
    li      a0, 1 << CAUSE_ILLEGAL
    csrw    medeleg, a0
    TRY     PRV_S, csrr a0, 0x7c0
    EXPECT_S CAUSE_ILLEGAL
    EXPECT_STVAL_I 0x7c002573
    la      t5, trap_area
    LREG    a0, TR(TR_SSTATUS)(t5)
    EXPECT_MASKED a0, MSTATUS_SPP, MSTATUS_SPP
    /* 7: ... from U: SPP = U */
    TESTNUM(7)
    TRY     PRV_U, csrr a0, sstatus
    EXPECT_S CAUSE_ILLEGAL
    EXPECT_STVAL_I 0x10002573
    la      t5, trap_area
    LREG    a0, TR(TR_SSTATUS)(t5)
    EXPECT_MASKED a0, MSTATUS_SPP, 0
    /* 8: ... but an illegal instruction in M-mode traps to M */
    TESTNUM(8)
    TRY     PRV_M, csrr a0, 0x7c0
    EXPECT_M CAUSE_ILLEGAL
    EXPECT_TR TR_SCOUNT, 0

    /* 9: breakpoint delegated */
    TESTNUM(9)
    li      a0, 1 << CAUSE_BREAKPOINT
    csrw    medeleg, a0
    TRY     PRV_S, ebreak
    EXPECT_S CAUSE_BREAKPOINT

    /* 10: load / store / fetch access faults delegated: stval = the address */
    TESTNUM(10)
    li      a0, (1 << CAUSE_LOAD_ACCESS) | (1 << CAUSE_STORE_ACCESS) | (1 << CAUSE_FETCH_ACCESS)
    csrw    medeleg, a0
    li      s0, UNMAPPED_LOAD
    TRY     PRV_U, lw a0, 8(s0)
    EXPECT_S CAUSE_LOAD_ACCESS
    addi    a1, s0, 8
    EXPECT_STVAL a1
    TRY     PRV_S, sb a0, 9(s0)
    EXPECT_S CAUSE_STORE_ACCESS
    addi    a1, s0, 9
    EXPECT_STVAL a1
    TESTNUM(11)
    li      s1, P_UNMAPPED_CODE
    TRY     PRV_U, jalr s1
    EXPECT_TR TR_SCOUNT, 1
    EXPECT_TR TR_SCAUSE, CAUSE_FETCH_ACCESS
    EXPECT_TR_REG TR_SEPC, s1
    EXPECT_STVAL s1
    EXPECT_TR TR_MCAUSE, CAUSE_ECALL_S
    /* 12: ... and in M-mode they stay in M */
    TESTNUM(12)
    TRY     PRV_M, lw a0, 8(s0)
    EXPECT_M CAUSE_LOAD_ACCESS
    EXPECT_TR TR_SCOUNT, 0

    /* 13: S ecall delegated: a horizontal trap into S (SPP = S). The S handler resumes in S
     * at s_back, whose (undelegated) illegal instruction returns to M. */
    TESTNUM(13)
    li      a0, 1 << CAUSE_ECALL_S
    csrw    medeleg, a0
    S_RESUME s_back
    CLEAR_TRAPS
    M_RESUME 3f
    GOTO_MODE PRV_S, 4f
4:  ecall
    j       priv_fail
s_back:
    csrr    a0, mstatus              /* illegal in S: to M */
    j       priv_fail
3:  S_ECALL_TO_M
    EXPECT_TR TR_SCOUNT, 1
    EXPECT_TR TR_SCAUSE, CAUSE_ECALL_S
    la      a1, 4b
    EXPECT_TR_REG TR_SEPC, a1
    la      t5, trap_area
    LREG    a0, TR(TR_SSTATUS)(t5)
    EXPECT_MASKED a0, MSTATUS_SPP, MSTATUS_SPP
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_ILLEGAL
    la      a1, s_back
    EXPECT_TR_REG TR_MEPC, a1

    csrw    medeleg, zero
    PRIV_PASS
    PRIV_CODE
