/* The time CSR (and timeh on RV32) under mcounteren.TM / scounteren.TM (privileged spec 1.12,
 * section 3.1.11): clear TM makes S/U reads raise illegal instruction, set TM lets S read it,
 * U needs scounteren.TM too; M-mode reads it always, and it follows the CLINT's mtime.
 * QEMU's spike machine has no time CSR at all (its CLINT does not back rdtime), so the list
 * skips this test there. */
#include "priv.h"

#define TM 2

    .text
    .globl test_main
test_main:
    PRIV_INIT

    /* 1: M-mode reads time; it is close to mtime */
    TESTNUM(1)
    li      a1, P_MTIME
    LREG    a2, 0(a1)
    csrr    a0, time
    sub     a0, a0, a2
    sltiu   a0, a0, 2000
    EXPECT  a0, 1
    /* 2: TM clear: S and U trap */
    TESTNUM(2)
    csrw    mcounteren, zero
    csrw    scounteren, zero
    TRY     PRV_S, csrr a0, time
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_U, csrr a0, time
    EXPECT_M CAUSE_ILLEGAL
    /* 3: mcounteren.TM: S reads, U still traps */
    TESTNUM(3)
    li      a0, TM
    csrw    mcounteren, a0
    TRY     PRV_S, csrr a0, time
    EXPECT_OK PRV_S
    TRY     PRV_U, csrr a0, time
    EXPECT_M CAUSE_ILLEGAL
    /* 4: and scounteren.TM: U reads */
    TESTNUM(4)
    li      a0, TM
    csrw    scounteren, a0
    TRY     PRV_U, csrr a0, time
    EXPECT_OK PRV_U
    /* 5: scounteren.TM alone is not enough */
    TESTNUM(5)
    csrw    mcounteren, zero
    TRY     PRV_U, csrr a0, time
    EXPECT_M CAUSE_ILLEGAL
#if XLEN == 32
    /* 6: RV32: timeh likewise */
    TESTNUM(6)
    TRY     PRV_S, csrr a0, timeh
    EXPECT_M CAUSE_ILLEGAL
    li      a0, TM
    csrw    mcounteren, a0
    TRY     PRV_U, csrr a0, timeh
    EXPECT_OK PRV_U
    TRY     PRV_M, csrr a0, timeh
    EXPECT_OK PRV_M
#endif

    PRIV_PASS
    PRIV_CODE
