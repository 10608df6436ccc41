/* socsim's LR/SC reservation (docs/isa.md; the spec leaves both points open): a store by the
 * same hart to the reserved bytes breaks the reservation even when it writes the value that
 * was there, and an SC to another word than the LR's fails even inside the LR's 8 bytes.
 * QEMU 7.2 compares values instead (a same-value store keeps its SC succeeding), so the list
 * skips this test there. */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    la      s0, word

    /* 1: a store of another value between LR and SC: the SC fails */
    TESTNUM(1)
    li      a0, 1
    sw      a0, 0(s0)
    lr.w    a1, (s0)
    li      a2, 2
    sw      a2, 0(s0)
    li      a3, 3
    sc.w    a4, a3, (s0)
    EXPECT_NE a4, 0
    lw      a5, 0(s0)
    EXPECT  a5, 2
    /* 2: a store of the same value: the SC fails too */
    TESTNUM(2)
    lr.w    a1, (s0)
    sw      a1, 0(s0)
    sc.w    a4, a3, (s0)
    EXPECT_NE a4, 0
    lw      a5, 0(s0)
    EXPECT  a5, 2
    /* 3: a byte store into the reserved word */
    TESTNUM(3)
    lr.w    a1, (s0)
    sb      a1, 3(s0)
    sc.w    a4, a3, (s0)
    EXPECT_NE a4, 0
    /* 4: SC to the other word of the same 8 bytes fails */
    TESTNUM(4)
    addi    s1, s0, 4
    lr.w    a1, (s0)
    sc.w    a4, a3, (s1)
    EXPECT_NE a4, 0
    lw      a5, 4(s0)
    EXPECT  a5, 0
    /* 5: and the unbroken sequence succeeds */
    TESTNUM(5)
    lr.w    a1, (s0)
    sc.w    a4, a3, (s0)
    EXPECT  a4, 0

    PRIV_PASS

    .data
    .balign 8
word:
    .word   0, 0
    PRIV_CODE
