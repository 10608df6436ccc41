/* mcounteren / scounteren (privileged spec 1.12, sections 3.1.11 and 4.1.5): a clear CY / IR
 * bit in mcounteren makes S- and U-mode reads of cycle / instret (and cycleh / instreth on
 * RV32) raise illegal instruction; a set bit lets S-mode read them; U-mode additionally needs
 * the bit in scounteren. M-mode reads are never affected. (time / TM is in counteren_time.) */
#include "priv.h"

#define CY 1
#define TM 2
#define IR 4

    .text
    .globl test_main
test_main:
    PRIV_INIT

    /* 1: the CY, TM and IR bits are writable in both registers */
    TESTNUM(1)
    li      a0, CY | TM | IR
    csrw    mcounteren, a0
    csrr    a1, mcounteren
    EXPECT_MASKED a1, 7, 7
    csrw    scounteren, a0
    csrr    a1, scounteren
    EXPECT_MASKED a1, 7, 7
    csrw    mcounteren, zero
    csrw    scounteren, zero

    /* 2: mcounteren = 0: S and U cannot read cycle or instret; M can */
    TESTNUM(2)
    .irp c, cycle, instret
    TRY     PRV_S, csrr a0, \c
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_U, csrr a0, \c
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_M, csrr a0, \c
    EXPECT_OK PRV_M
    .endr
    /* 3: mcounteren = CY|IR, scounteren = 0: S can, U cannot */
    TESTNUM(3)
    li      a0, CY | IR
    csrw    mcounteren, a0
    .irp c, cycle, instret
    TRY     PRV_S, csrr a0, \c
    EXPECT_OK PRV_S
    TRY     PRV_U, csrr a0, \c
    EXPECT_M CAUSE_ILLEGAL
    .endr
    /* 4: and scounteren = CY|IR: U can too */
    TESTNUM(4)
    li      a0, CY | IR
    csrw    scounteren, a0
    .irp c, cycle, instret
    TRY     PRV_U, csrr a0, \c
    EXPECT_OK PRV_U
    .endr
    /* 5: scounteren alone does not open U when mcounteren is clear */
    TESTNUM(5)
    csrw    mcounteren, zero
    .irp c, cycle, instret
    TRY     PRV_U, csrr a0, \c
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_S, csrr a0, \c
    EXPECT_M CAUSE_ILLEGAL
    .endr
    /* 6: the bits are separate: CY only opens cycle, not instret */
    TESTNUM(6)
    li      a0, CY
    csrw    mcounteren, a0
    csrw    scounteren, a0
    TRY     PRV_U, csrr a0, cycle
    EXPECT_OK PRV_U
    TRY     PRV_U, csrr a0, instret
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_S, csrr a0, instret
    EXPECT_M CAUSE_ILLEGAL
    /* 7: IR only opens instret */
    TESTNUM(7)
    li      a0, IR
    csrw    mcounteren, a0
    csrw    scounteren, a0
    TRY     PRV_U, csrr a0, instret
    EXPECT_OK PRV_U
    TRY     PRV_S, csrr a0, cycle
    EXPECT_M CAUSE_ILLEGAL
#if XLEN == 32
    /* 8: RV32: cycleh and instreth follow the same bits */
    TESTNUM(8)
    csrw    mcounteren, zero
    csrw    scounteren, zero
    TRY     PRV_S, csrr a0, cycleh
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_U, csrr a0, instreth
    EXPECT_M CAUSE_ILLEGAL
    li      a5, CY | IR
    csrw    mcounteren, a5
    TRY     PRV_S, csrr a0, cycleh
    EXPECT_OK PRV_S
    TRY     PRV_U, csrr a0, cycleh
    EXPECT_M CAUSE_ILLEGAL
    csrw    scounteren, a5
    TRY     PRV_U, csrr a0, instreth
    EXPECT_OK PRV_U
#endif
    /* 10: hpmcounter3 follows mcounteren.HPM3 when that bit is writable (it may be
     * read-only 0, and then S-mode reads must trap) */
    TESTNUM(10)
    li      a5, 1 << 3
    csrw    mcounteren, a5
    csrr    a4, mcounteren
    csrw    scounteren, zero
    TRY     PRV_S, csrr a0, hpmcounter3
    beqz    a4, 1f
    EXPECT_OK PRV_S
    TRY     PRV_U, csrr a0, hpmcounter3
    EXPECT_M CAUSE_ILLEGAL
    j       2f
1:  EXPECT_M CAUSE_ILLEGAL
2:  csrw    mcounteren, zero
    TRY     PRV_S, csrr a0, hpmcounter3
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_M, csrr a0, hpmcounter3
    EXPECT_OK PRV_M
    /* 9: a delegated illegal-instruction from a counter read reaches S with the bits */
    TESTNUM(9)
    csrw    mcounteren, zero
    li      a0, 1 << CAUSE_ILLEGAL
    csrw    medeleg, a0
    TRY     PRV_U, csrr a0, cycle
    EXPECT_S CAUSE_ILLEGAL
    EXPECT_STVAL_I 0xc0002573
    csrw    medeleg, zero

    PRIV_PASS
    PRIV_CODE
