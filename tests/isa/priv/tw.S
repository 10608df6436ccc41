/* mstatus.TW (privileged spec 1.12, section 3.1.6.5): with TW = 1, a WFI in S or U that
 * cannot complete (nothing pending) raises illegal instruction with mepc = the WFI; M-mode
 * WFI is not affected; with TW = 0 a WFI in S with a locally enabled pending interrupt
 * completes without a trap. (WFI in U-mode with TW = 0 may trap or not: implementation-
 * defined, not checked.) QEMU 7.2 reports mepc = the WFI + 4 for the TW trap, so the list
 * skips this test there. */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT

    /* 1: TW = 1: WFI in S and U with nothing pending raises illegal instruction */
    TESTNUM(1)
    csrw    mie, zero
    csrw    mip, zero
    li      a0, MSTATUS_TW
    csrs    mstatus, a0
    TRY     PRV_S, wfi
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_U, wfi
    EXPECT_M CAUSE_ILLEGAL
    /* 2: TW = 1: WFI in M-mode is not affected (a pending, locally enabled, globally disabled
     * interrupt lets it complete: SSIP with MIE = 0, not delegated) */
    TESTNUM(2)
    csrci   mstatus, MSTATUS_MIE
    csrw    mideleg, zero
    li      a0, MIP_SSIP
    csrw    mie, a0
    csrs    mip, a0
    TRY     PRV_M, wfi
    EXPECT_OK PRV_M
    csrw    mie, zero
    csrw    mip, zero
    li      a0, MSTATUS_TW
    csrc    mstatus, a0
    /* 3: TW = 0: WFI in S with a delegated SSIP pending, SSIE = 1 and SIE = 0 completes
     * without a trap */
    TESTNUM(3)
    li      a0, MIP_SSIP
    csrw    mideleg, a0
    csrw    mie, a0
    csrs    mip, a0
    csrci   sstatus, MSTATUS_SIE
    TRY     PRV_S, wfi
    EXPECT_OK PRV_S
    csrw    mip, zero
    csrw    mie, zero
    csrw    mideleg, zero

    PRIV_PASS
    PRIV_CODE
