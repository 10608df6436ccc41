/* fence.i with two harts: hart 1 rewrites code that hart 0 has already run (and keeps running),
 * then signals; after its own fence.i, hart 0 must fetch the new code. Runs with two harts
 * (list: socsim --set harts=2, QEMU -smp 2). */
#include "isa.h"

TEST_MAIN
    mv s10, ra
    /* codebuf = "li a0, 1; ret" (copied by hart 0), run it many times */
    TESTNUM(1)
    la a0, tmpl_ret1
    la t0, codebuf
    lw t1, 0(a0)
    sw t1, 0(t0)
    lw t1, 4(a0)
    sw t1, 4(t0)
    fence.i
    la s1, codebuf
    li s2, 50
1:  jalr s1
    CHECK(a0, 1)
    addi s2, s2, -1
    bnez s2, 1b
    /* ask hart 1 to rewrite it to "li a0, 2; ret", running the old code meanwhile */
    TESTNUM(2)
    la t0, req
    li t1, 1
    sw t1, 0(t0)
    la s3, ack
2:  jalr s1                         /* old or new code: either is allowed before fence.i */
    addi t0, a0, -1
    sltiu t0, t0, 2                 /* a0 is 1 or 2 */
    CHECK(t0, 1)
    lw t0, 0(s3)
    beqz t0, 2b
    fence.i
    jalr s1
    CHECK(a0, 2)
    mv ra, s10
    li a0, 0
    ret

TEST_SECONDARY
    li t0, 1
    bne a0, t0, isa_park
    la t0, req
1:  lw t1, 0(t0)
    beqz t1, 1b
    la a0, tmpl_ret2
    la t0, codebuf
    lw t1, 0(a0)
    sw t1, 0(t0)
    fence w, w
    la t0, ack
    li t1, 1
    sw t1, 0(t0)
    j isa_park

    .balign 4
tmpl_ret1:
    li a0, 1
    ret
tmpl_ret2:
    li a0, 2
    ret

DATA_SECTION
    .balign 64
codebuf:    .skip 64
req:        .word 0
    .balign 64
ack:        .word 0
