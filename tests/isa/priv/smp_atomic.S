/* Atomics across harts (NHARTS, default 2; smp_atomic4.S includes this with 4): all harts
 * start together and each adds 1 to shared counters ITERS times, with amoadd.w, with an
 * lr.w/sc.w retry loop, and (RV64) with amoadd.d and lr.d/sc.d; no increment may be lost, so
 * every counter ends at exactly NHARTS * ITERS (unprivileged spec 20191213, chapter 8: AMOs
 * are atomic, an SC fails if another hart wrote the reservation set in between). */
#include "priv.h"

#ifndef NHARTS
#define NHARTS 2
#endif
#define ITERS 20000
#define WAIT 20000000
/* Counters each in their own 64-byte block (separate reservation granules are not required
 * by the spec, but keep the LR/SC counters apart from the AMO ones). */
#define GO 0
#define DONE 64
#define MASK 128
#define CNT_AMO 192
#define CNT_LRSC 256
#define CNT_AMOD 320
#define CNT_LRSCD 384

    .text
    .globl test_main
test_main:
    PRIV_INIT
    la      s0, shared

    /* 1: start everyone, do our share, wait for the others */
    TESTNUM(1)
    li      a0, 1
    SREG    a0, GO(s0)
    call    work
    li      a2, WAIT
1:  lw      a0, DONE(s0)
    li      a1, NHARTS
    beq     a0, a1, 2f
    addi    a2, a2, -1
    bnez    a2, 1b
    j       priv_fail
2:  fence   rw, rw
    /* 2: amoadd.w total */
    TESTNUM(2)
    lw      a0, CNT_AMO(s0)
    EXPECT  a0, NHARTS * ITERS
    /* 3: LR/SC total */
    TESTNUM(3)
    lw      a0, CNT_LRSC(s0)
    EXPECT  a0, NHARTS * ITERS
#if XLEN == 64
    /* 4: amoadd.d and lr.d/sc.d totals */
    TESTNUM(4)
    ld      a0, CNT_AMOD(s0)
    EXPECT  a0, NHARTS * ITERS
    ld      a0, CNT_LRSCD(s0)
    EXPECT  a0, NHARTS * ITERS
#endif
    /* 5: every hart took part (its bit in the mask, set with amoor.w) */
    TESTNUM(5)
    lw      a0, MASK(s0)
    EXPECT  a0, (1 << NHARTS) - 1
    PRIV_PASS

/* The shared work, on any hart: ITERS increments of each counter. Clobbers a0-a4, t0-t2. */
work:
    la      a4, shared
    csrr    a0, mhartid
    li      a1, 1
    sll     a1, a1, a0
    addi    a2, a4, MASK
    amoor.w zero, a1, (a2)
    li      a3, ITERS
    li      a1, 1
1:  addi    a0, a4, CNT_AMO
    amoadd.w zero, a1, (a0)
    addi    a0, a4, CNT_LRSC
2:  lr.w    t0, (a0)
    addi    t0, t0, 1
    sc.w    t1, t0, (a0)
    bnez    t1, 2b
#if XLEN == 64
    addi    a0, a4, CNT_AMOD
    amoadd.d zero, a1, (a0)
    addi    a0, a4, CNT_LRSCD
3:  lr.d    t0, (a0)
    addi    t0, t0, 1
    sc.d    t1, t0, (a0)
    bnez    t1, 3b
#endif
    addi    a3, a3, -1
    bnez    a3, 1b
    addi    a0, a4, DONE
    amoadd.w zero, a1, (a0)
    ret

/* Other harts: wait for GO, work, park. */
    .globl test_secondary
test_secondary:
    li      t0, NHARTS
    bgeu    a0, t0, 9f
    la      a4, shared
1:  LREG    t0, GO(a4)
    beqz    t0, 1b
    call    work
9:  wfi
    j       9b

    .data
    .balign 64
shared:
    .space  448
    PRIV_CODE
