/* socsim's choice where the spec leaves it open (privileged spec 1.12, section 3.3.2: an xRET
 * may clear the reservation but need not): a trap taken between an LR and its SC breaks the
 * reservation, so the SC fails. Checked for an exception handled in M (ecall / mret), one
 * delegated to S, and an interrupt. */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    la      s0, word
    li      a2, 0x42

    /* 1: LR; ecall (M handler, mret back); SC fails */
    TESTNUM(1)
    sw      zero, 0(s0)
    M_SKIP
    lr.w    a0, (s0)
    ecall
    sc.w    a1, a2, (s0)
    EXPECT_NE a1, 0
    lw      a3, 0(s0)
    EXPECT  a3, 0
    /* 2: the same around an illegal instruction in U */
    TESTNUM(2)
    CLEAR_TRAPS
    M_SKIP
    GOTO_MODE PRV_U, 1f
1:  lr.w    a0, (s0)
    csrr    a3, mstatus              /* traps, the handler skips it */
    sc.w    a1, a2, (s0)
    M_RESUME 2f                      /* (runs in U: stores to trap_area are fine, no PMP) */
    ecall
2:  EXPECT_NE a1, 0
    lw      a3, 0(s0)
    EXPECT  a3, 0
    /* 3: a delegated trap (S handler, sret back to U) */
    TESTNUM(3)
    li      a0, 1 << CAUSE_BREAKPOINT
    csrw    medeleg, a0
    CLEAR_TRAPS
    M_RESUME 2f
    S_RESUME 3f
    GOTO_MODE PRV_U, 1f
1:  lr.w    a0, (s0)
    ebreak                           /* to S, which resumes at 3 */
3:  sc.w    a1, a2, (s0)
    ecall
2:  S_ECALL_TO_M
    csrw    medeleg, zero
    EXPECT_TR TR_SCOUNT, 1
    EXPECT_NE a1, 0
    lw      a3, 0(s0)
    EXPECT  a3, 0
    /* 4: an interrupt between them (SSIP, taken in M right after the mstatus write) */
    TESTNUM(4)
    CLEAR_TRAPS
    li      a0, MIP_SSIP
    csrw    mie, a0
    csrs    mip, a0
    lr.w    a0, (s0)
    csrsi   mstatus, MSTATUS_MIE
    sc.w    a1, a2, (s0)
    csrci   mstatus, MSTATUS_MIE
    csrw    mip, zero
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_NE a1, 0
    lw      a3, 0(s0)
    EXPECT  a3, 0
    /* 5: without a trap the same sequence succeeds */
    TESTNUM(5)
    lr.w    a0, (s0)
    nop
    sc.w    a1, a2, (s0)
    EXPECT  a1, 0

    PRIV_PASS

    .data
    .balign 8
word:
    .dword  0
    PRIV_CODE
