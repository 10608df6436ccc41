/* mtval / stval = the instruction bits for every illegal-instruction trap, including those
 * of privileged instructions (mret, sret, wfi, sfence.vma) and of satp under TVM. The spec
 * lets mtval be 0 for some of them (section 3.1.16: the platform says which exceptions write
 * it); socsim writes the bits for all, QEMU 7.2 writes 0 for the instructions it rejects in a
 * helper (mret/sret/wfi/sfence.vma), so the list skips this test under QEMU. */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT

    /* 1: mret in S and U */
    TESTNUM(1)
    TRY     PRV_S, mret
    EXPECT_M CAUSE_ILLEGAL
    EXPECT_MTVAL_I 0x30200073
    TRY     PRV_U, mret
    EXPECT_M CAUSE_ILLEGAL
    EXPECT_MTVAL_I 0x30200073
    /* 2: sret in U, and in S with TSR = 1 */
    TESTNUM(2)
    TRY     PRV_U, sret
    EXPECT_M CAUSE_ILLEGAL
    EXPECT_MTVAL_I 0x10200073
    li      a0, MSTATUS_TSR
    csrs    mstatus, a0
    TRY     PRV_S, sret
    EXPECT_M CAUSE_ILLEGAL
    EXPECT_MTVAL_I 0x10200073
    li      a0, MSTATUS_TSR
    csrc    mstatus, a0
    /* 3: wfi in S with TW = 1 */
    TESTNUM(3)
    li      a0, MSTATUS_TW
    csrs    mstatus, a0
    TRY     PRV_S, wfi
    EXPECT_M CAUSE_ILLEGAL
    EXPECT_MTVAL_I 0x10500073
    li      a0, MSTATUS_TW
    csrc    mstatus, a0
    /* 4: sfence.vma in U; sfence.vma a1, a2 and satp reads in S with TVM = 1 */
    TESTNUM(4)
    TRY     PRV_U, sfence.vma
    EXPECT_M CAUSE_ILLEGAL
    EXPECT_MTVAL_I 0x12000073
    li      a0, MSTATUS_TVM
    csrs    mstatus, a0
    TRY     PRV_S, sfence.vma a1, a2
    EXPECT_M CAUSE_ILLEGAL
    EXPECT_MTVAL_I 0x12c58073
    TRY     PRV_S, csrr a0, satp
    EXPECT_M CAUSE_ILLEGAL
    EXPECT_MTVAL_I 0x18002573
    li      a0, MSTATUS_TVM
    csrc    mstatus, a0
    /* 5: delegated: stval = the bits */
    TESTNUM(5)
    li      a0, 1 << CAUSE_ILLEGAL
    csrw    medeleg, a0
    TRY     PRV_U, sret
    EXPECT_S CAUSE_ILLEGAL
    EXPECT_STVAL_I 0x10200073
    csrw    medeleg, zero

    PRIV_PASS
    PRIV_CODE
