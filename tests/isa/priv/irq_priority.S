/* The fixed interrupt priority (privileged spec 1.12, sections 3.1.9 and 4.1.3): several
 * interrupts to M pending at once are taken MSI, MTI, SEI, SSI, STI (MEI first, but nothing
 * raises it here); delegated interrupts pending in S are taken SEI, SSI, STI. QEMU 7.2 takes
 * them lowest cause number first (SSI, MSI, STI, MTI, SEI), so the list skips it there. */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    li      a0, P_MTIMECMP(0)
    li      a1, -1
    sw      a1, 0(a0)
    sw      a1, 4(a0)
    csrw    mie, zero
    csrw    mip, zero
    csrw    mideleg, zero
    csrci   mstatus, MSTATUS_MIE

    /* 1: to M: MSI, MTI, SEI, SSI, STI */
    TESTNUM(1)
    CLEAR_TRAPS
    li      a0, MIP_SSIP | MIP_STIP | MIP_SEIP
    csrs    mip, a0
    li      s0, P_MSIP(0)
    li      a1, 1
    sw      a1, 0(s0)
    li      a0, P_MTIMECMP(0)
    sw      zero, 0(a0)
    sw      zero, 4(a0)
    li      a2, 1000
1:  csrr    a0, mip
    andi    a0, a0, MIP_MSIP | MIP_MTIP
    xori    a0, a0, MIP_MSIP | MIP_MTIP
    beqz    a0, 2f
    addi    a2, a2, -1
    bnez    a2, 1b
    j       priv_fail
2:  li      a0, MIP_MSIP | MIP_MTIP | MIP_SEIP | MIP_SSIP | MIP_STIP
    csrw    mie, a0
    csrsi   mstatus, MSTATUS_MIE     /* each handler run masks the one it took */
    nop
    csrci   mstatus, MSTATUS_MIE
    sw      zero, 0(s0)
    li      a0, P_MTIMECMP(0)
    li      a1, -1
    sw      a1, 0(a0)
    sw      a1, 4(a0)
    csrw    mip, zero
    EXPECT_TR TR_MCOUNT, 5
    EXPECT_MLOG 1, INTR | IRQ_MSI
    EXPECT_MLOG 2, INTR | IRQ_MTI
    EXPECT_MLOG 3, INTR | IRQ_SEI
    EXPECT_MLOG 4, INTR | IRQ_SSI
    EXPECT_MLOG 5, INTR | IRQ_STI

    /* 2: delegated to S: SEI, SSI, STI */
    TESTNUM(2)
    li      a0, MIP_SSIP | MIP_STIP | MIP_SEIP
    csrw    mideleg, a0
    csrw    mie, a0
    csrs    mip, a0
    csrsi   sstatus, MSTATUS_SIE
    TRY     PRV_S, nop
    csrci   sstatus, MSTATUS_SIE
    csrw    mip, zero
    csrw    mideleg, zero
    EXPECT_TR TR_SCOUNT, 3
    EXPECT_SLOG 1, INTR | IRQ_SEI
    EXPECT_SLOG 2, INTR | IRQ_SSI
    EXPECT_SLOG 3, INTR | IRQ_STI

    PRIV_PASS
    PRIV_CODE
