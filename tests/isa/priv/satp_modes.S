/* satp.MODE WARL on RV64 (privileged spec 1.12, section 4.1.11): writing an unsupported MODE
 * leaves the whole register unchanged; an Sv48 hart also supports Sv39. socsim implements
 * Sv39 (mmu: sv39, the default) or Sv39 + Sv48 (mmu: sv48), never Sv57: so Sv57 (10) and the
 * reserved modes are always ignored, and Sv48 (9) is either kept or ignored. QEMU 7.2
 * implements Sv57, so the list skips this test there. */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    la      a0, root
    srli    s0, a0, 12               /* a PPN */

    /* 1: Sv39 is kept */
    TESTNUM(1)
    li      a1, 8 << 60
    or      s1, s0, a1
    csrw    satp, s1
    csrr    a0, satp
    EXPECT_REG a0, s1
    /* 2: Sv57 and the reserved / custom modes leave satp unchanged */
    TESTNUM(2)
    .irp m, 10, 1, 7, 11, 15
    li      a1, \m << 60
    or      a1, a1, s0
    addi    a1, a1, 1                /* another PPN too */
    csrw    satp, a1
    csrr    a0, satp
    EXPECT_REG a0, s1
    .endr
    /* 3: Sv48 is kept or the write is ignored as a whole */
    TESTNUM(3)
    li      a1, 9 << 60
    or      a1, a1, s0
    addi    a1, a1, 2
    csrw    satp, a1
    csrr    a0, satp
    beq     a0, a1, 1f
    EXPECT_REG a0, s1
1:  csrw    satp, zero

    PRIV_PASS

    .section .bss.root, "aw", @nobits
    .balign 4096
root:
    .space  4096
    .text
    PRIV_CODE
