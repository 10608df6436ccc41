/* WARL rules of privileged spec 1.12 that QEMU 7.2 does not follow (so the list skips this
 * test under QEMU; each case says what QEMU does instead):
 *   - mstatus.MPP holds only implemented modes: 2 (reserved) is never read back
 *     (QEMU keeps 2);
 *   - medeleg[11] (ecall from M) is read-only zero (QEMU lets it be set);
 *   - mepc[0] and sepc[0] are always zero (QEMU keeps bit 0);
 *   - RV64: UXL only encodes supported widths; writing 3 (XLEN 128) leaves 2 (QEMU keeps 3);
 *   - RV64: pmpaddr bits 63:54 are read-only zero (QEMU keeps them);
 *   - pmpcfg bits 6:5 are read-only zero, and R=0 W=1 is reserved, never read back
 *     (QEMU keeps both);
 *   - mie bits 15:0 other than the six standard enables are read-only zero without the
 *     hypervisor and Sscofpmf extensions (QEMU keeps bits 2, 6, 10 and 13 writable even
 *     with h=false; by default it has H, where 2, 6, 10 and 12 are legitimately writable). */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT

    /* 1: MPP = 2 is not a privilege mode: the WARL field never reads 2 */
    TESTNUM(1)
    li      a1, MSTATUS_MPP
    csrc    mstatus, a1
    li      a1, 2 << 11
    csrs    mstatus, a1
    csrr    a0, mstatus
    li      a1, MSTATUS_MPP
    csrs    mstatus, a1
    srli    a0, a0, 11
    andi    a0, a0, 3
    EXPECT_NE a0, 2

    /* 2: medeleg[11] is read-only zero */
    TESTNUM(2)
    li      a1, 1 << 11
    csrw    medeleg, a1
    csrr    a0, medeleg
    csrw    medeleg, zero
    EXPECT  a0, 0

    /* 3: mepc[0] and sepc[0] read zero */
    TESTNUM(3)
    li      a1, 0x80001237
    csrw    mepc, a1
    csrr    a0, mepc
    EXPECT  a0, 0x80001236
    csrw    sepc, a1
    csrr    a0, sepc
    EXPECT  a0, 0x80001236

#if XLEN == 64
    /* 4: UXL = 3 (XLEN 128) is not supported: UXL stays 2, through mstatus or sstatus */
    TESTNUM(4)
    li      a1, 3 << 32
    csrs    mstatus, a1
    csrr    a0, mstatus
    srli    a0, a0, 32
    andi    a0, a0, 3
    EXPECT  a0, 2
    li      a1, 3 << 32
    csrs    sstatus, a1
    csrr    a0, sstatus
    srli    a0, a0, 32
    andi    a0, a0, 3
    EXPECT  a0, 2

    /* 5: pmpaddr bits 63:54 are zero */
    TESTNUM(5)
    li      a1, -1
    csrw    pmpaddr1, a1
    csrr    a0, pmpaddr1
    csrw    pmpaddr1, zero
    srli    a0, a0, 54
    EXPECT  a0, 0
#endif

    /* 6: pmpcfg bits 6:5 are zero (entry 1, A = OFF) */
    TESTNUM(6)
    li      a1, 0x67 << 8
    csrw    pmpcfg0, a1
    csrr    a0, pmpcfg0
    csrw    pmpcfg0, zero
    srli    a0, a0, 8
    andi    a0, a0, 0x60
    EXPECT  a0, 0
    /* 7: R = 0, W = 1 is reserved: never read back */
    TESTNUM(7)
    li      a1, PMP_W << 8
    csrw    pmpcfg0, a1
    csrr    a0, pmpcfg0
    csrw    pmpcfg0, zero
    srli    a0, a0, 8
    andi    a0, a0, PMP_R | PMP_W
    EXPECT_NE a0, PMP_W

    /* 8: mie: only MSIE, MTIE, MEIE, SSIE, STIE, SEIE exist among bits 15:0 */
    TESTNUM(8)
    li      a1, 0xffff
    csrw    mie, a1
    csrr    a0, mie
    csrw    mie, zero
    li      a1, 0xffff
    and     a0, a0, a1
    EXPECT  a0, 0xaaa

    PRIV_PASS
    PRIV_CODE
