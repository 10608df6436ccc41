/* A extension across two harts: amoadd.w/.d and lr/sc increments from both harts never lose an
 * update, and a store by the other hart to the reserved word between lr.w and sc.w makes the
 * sc.w fail (rd nonzero, memory keeps the other hart's value). Runs with two harts (list:
 * socsim --set harts=2, QEMU -smp 2). */
#include "isa.h"

#define N 2000

TEST_MAIN
    /* amoadd.w, amoadd (XLEN) and an lr/sc loop, N times each, concurrently with hart 1 */
    TESTNUM(1)
    la a1, cnt_w
    la a2, cnt_x
    la a3, cnt_lrsc
    li a4, 1
    li s0, N
1:  amoadd.w zero, a4, (a1)
#if XLEN == 64
    amoadd.d zero, a4, (a2)
#else
    amoadd.w zero, a4, (a2)
#endif
2:  lr.w t0, (a3)
    addi t0, t0, 1
    sc.w t1, t0, (a3)
    bnez t1, 2b
    addi s0, s0, -1
    bnez s0, 1b
    la t0, done1                    /* wait for hart 1's half */
3:  lw t1, 0(t0)
    beqz t1, 3b
    fence rw, rw
    lw t1, 0(a1)
    CHECK(t1, 2 * N)
    LREG t1, 0(a2)
    CHECK(t1, 2 * N)
    lw t1, 0(a3)
    CHECK(t1, 2 * N)

    /* hart 1 stores to the reserved word between our lr.w and sc.w */
    TESTNUM(2)
    la a1, resv
    la a2, req
    la a3, ack
    lr.w a0, (a1)
    CHECK(a0, 0x1234)
    li t0, 1
    sw t0, 0(a2)                    /* ask hart 1 to store */
4:  lw t0, 0(a3)
    beqz t0, 4b
    li t2, 0x7777
    sc.w t1, t2, (a1)
    CHECK_NZ(t1)                    /* must fail */
    lw t0, 0(a1)
    CHECK(t0, 0x5678)               /* hart 1's value */
    TESTNUM(3)                      /* a fresh lr/sc pair succeeds */
    lr.w a0, (a1)
    CHECK(a0, 0x5678)
    sc.w t1, t2, (a1)
    CHECK(t1, 0)
    lw t0, 0(a1)
    CHECK(t0, 0x7777)

    li a0, 0
    ret

TEST_SECONDARY
    li t0, 1
    bne a0, t0, isa_park            /* only hart 1 takes part */
    la a1, cnt_w
    la a2, cnt_x
    la a3, cnt_lrsc
    li a4, 1
    li s0, N
1:  amoadd.w zero, a4, (a1)
#if XLEN == 64
    amoadd.d zero, a4, (a2)
#else
    amoadd.w zero, a4, (a2)
#endif
2:  lr.w t0, (a3)
    addi t0, t0, 1
    sc.w t1, t0, (a3)
    bnez t1, 2b
    addi s0, s0, -1
    bnez s0, 1b
    fence rw, rw
    la t0, done1
    li t1, 1
    sw t1, 0(t0)
    /* wait for the request, then store to the word hart 0 holds a reservation on */
    la a2, req
3:  lw t0, 0(a2)
    beqz t0, 3b
    la a1, resv
    li t0, 0x5678
    sw t0, 0(a1)
    fence rw, rw
    la a3, ack
    li t0, 1
    sw t0, 0(a3)
    j isa_park

DATA_SECTION
    .balign 64
cnt_w:      .word 0
    .balign 64
cnt_x:      .dword 0
    .balign 64
cnt_lrsc:   .word 0
    .balign 64
done1:      .word 0
    .balign 64
resv:       .word 0x1234
    .balign 64
req:        .word 0
    .balign 64
ack:        .word 0
