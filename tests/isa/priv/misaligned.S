/* Misaligned loads and stores trap (socsim's default `misaligned: trap`; the spec lets an
 * implementation perform them instead, as QEMU 7.2 does): causes 4 and 6 with mtval = the
 * address, in M, S and U, for every width, and delegated to S with stval = the address.
 * Memory is unchanged by a trapping store. */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    la      s0, buf

    /* 1: loads, M-mode */
    TESTNUM(1)
    addi    s1, s0, 1
    TRY     PRV_M, lh a0, 0(s1)
    EXPECT_M CAUSE_MISALIGNED_LOAD
    EXPECT_MTVAL s1
    TRY     PRV_M, lhu a0, 0(s1)
    EXPECT_M CAUSE_MISALIGNED_LOAD
    EXPECT_MTVAL s1
    addi    s1, s0, 2
    TRY     PRV_M, lw a0, 0(s1)
    EXPECT_M CAUSE_MISALIGNED_LOAD
    EXPECT_MTVAL s1
#if XLEN == 64
    addi    s1, s0, 4
    TRY     PRV_M, ld a0, 0(s1)
    EXPECT_M CAUSE_MISALIGNED_LOAD
    EXPECT_MTVAL s1
    addi    s1, s0, 6
    TRY     PRV_M, lwu a0, 0(s1)
    EXPECT_M CAUSE_MISALIGNED_LOAD
    EXPECT_MTVAL s1
#endif
    /* 2: stores, M-mode; memory unchanged */
    TESTNUM(2)
    li      a0, -1
    addi    s1, s0, 3
    TRY     PRV_M, sh a0, 0(s1)
    EXPECT_M CAUSE_MISALIGNED_STORE
    EXPECT_MTVAL s1
    addi    s1, s0, 1
    TRY     PRV_M, sw a0, 0(s1)
    EXPECT_M CAUSE_MISALIGNED_STORE
    EXPECT_MTVAL s1
#if XLEN == 64
    addi    s1, s0, 4
    TRY     PRV_M, sd a0, 0(s1)
    EXPECT_M CAUSE_MISALIGNED_STORE
    EXPECT_MTVAL s1
#endif
    LREG    a1, 0(s0)
    EXPECT  a1, 0
    LREG    a1, REGBYTES(s0)
    EXPECT  a1, 0
    /* 3: S and U */
    TESTNUM(3)
    addi    s1, s0, 2
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_M CAUSE_MISALIGNED_LOAD
    EXPECT_MTVAL s1
    addi    s1, s0, 5
    TRY     PRV_U, sh a0, 0(s1)
    EXPECT_M CAUSE_MISALIGNED_STORE
    EXPECT_MTVAL s1
    /* 4: delegated: scause 4 / 6, stval = the address */
    TESTNUM(4)
    li      a0, (1 << CAUSE_MISALIGNED_LOAD) | (1 << CAUSE_MISALIGNED_STORE)
    csrw    medeleg, a0
    addi    s1, s0, 1
    TRY     PRV_U, lw a0, 0(s1)
    EXPECT_S CAUSE_MISALIGNED_LOAD
    EXPECT_STVAL s1
    addi    s1, s0, 3
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_S CAUSE_MISALIGNED_STORE
    EXPECT_STVAL s1
    /* 5: M-mode traps stay in M-mode even when delegated */
    TESTNUM(5)
    TRY     PRV_M, sw a0, 0(s1)
    EXPECT_M CAUSE_MISALIGNED_STORE
    EXPECT_TR TR_SCOUNT, 0
    csrw    medeleg, zero

    PRIV_PASS

    .data
    .balign 16
buf:
    .dword  0, 0
    PRIV_CODE
