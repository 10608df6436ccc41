/* LR/SC (unprivileged spec 20191213, chapter 8.2, and privileged spec 1.12, sections 3.6.3.2
 * and 4.3.2): what the spec mandates on one hart, in M, S and U: an SC after its LR succeeds
 * (rd = 0, memory written); an SC without a valid reservation fails (rd != 0, memory
 * unchanged): a second SC, an SC to an address outside the reservation set (another page:
 * with paging the set lies within one 4 KiB page), an SC after a newer LR to another page;
 * LR/SC .d on RV64; a misaligned LR raises a load address-misaligned or access fault. */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    la      s0, wa
    la      s1, wb                   /* another page */

    /* 1: LR then SC: success, memory written */
    TESTNUM(1)
    li      a0, 5
    sw      a0, 0(s0)
    li      a2, 6
    lr.w    a0, (s0)
    sc.w    a1, a2, (s0)
    EXPECT  a0, 5
    EXPECT  a1, 0
    lw      a3, 0(s0)
    EXPECT  a3, 6
    /* 2: a second SC has no reservation: fails, memory unchanged */
    TESTNUM(2)
    li      a2, 7
    sc.w    a1, a2, (s0)
    EXPECT_NE a1, 0
    lw      a3, 0(s0)
    EXPECT  a3, 6
    /* 3: SC to another page than the LR's: fails; and the LR's reservation is gone */
    TESTNUM(3)
    sw      zero, 0(s1)
    lr.w    a0, (s0)
    sc.w    a1, a2, (s1)
    EXPECT_NE a1, 0
    lw      a3, 0(s1)
    EXPECT  a3, 0
    sc.w    a1, a2, (s0)
    EXPECT_NE a1, 0
    lw      a3, 0(s0)
    EXPECT  a3, 6
    /* 4: a newer LR to another page replaces the reservation: SC to the first fails */
    TESTNUM(4)
    lr.w    a0, (s0)
    lr.w    a0, (s1)
    sc.w    a1, a2, (s0)
    EXPECT_NE a1, 0
    lw      a3, 0(s0)
    EXPECT  a3, 6
    /* 5: ... and the newest one is usable */
    TESTNUM(5)
    lr.w    a0, (s0)
    lr.w    a0, (s1)
    sc.w    a1, a2, (s1)
    EXPECT  a1, 0
    lw      a3, 0(s1)
    EXPECT  a3, 7
#if XLEN == 64
    /* 6: lr.d / sc.d */
    TESTNUM(6)
    li      a2, 0x123456789abcdef0
    lr.d    a0, (s0)
    sc.d    a1, a2, (s0)
    EXPECT  a1, 0
    ld      a3, 0(s0)
    EXPECT_REG a3, a2
    sc.d    a1, zero, (s0)
    EXPECT_NE a1, 0
    ld      a3, 0(s0)
    EXPECT_REG a3, a2
#endif
    /* 7: LR/SC in S and U */
    TESTNUM(7)
    sw      zero, 0(s0)
    li      a2, 0x77
    TRY     PRV_S, lr.w a0, (s0)
    TRY     PRV_S, sc.w a1, a2, (s0)
    EXPECT_OK PRV_S
    /* (the trap between the LR and the SC may or may not clear the reservation: no check
     * of a1; lrsc_trap covers it) */
    CLEAR_TRAPS
    M_RESUME 2f
    GOTO_MODE PRV_U, 1f
1:  lr.w    a0, (s0)
    sc.w    a1, a2, (s0)
    ecall
2:  EXPECT_TR TR_MCAUSE, CAUSE_ECALL_U
    EXPECT  a1, 0
    lw      a3, 0(s0)
    EXPECT  a3, 0x77
    CLEAR_TRAPS
    M_RESUME 2f
    GOTO_MODE PRV_S, 1f
1:  lr.w    a0, (s0)
    sc.w    a1, zero, (s0)
    sc.w    a1, a2, (s0)             /* no reservation */
    ecall
2:  EXPECT_TR TR_MCAUSE, CAUSE_ECALL_S
    EXPECT_NE a1, 0
    lw      a3, 0(s0)
    EXPECT  a3, 0
    /* 8: misaligned LR: load address-misaligned (4) or load access fault (5), mtval = addr */
    TESTNUM(8)
    addi    s2, s0, 2
    TRY     PRV_M, lr.w a0, (s2)
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR_TRYPC TR_MEPC
    EXPECT_MTVAL s2
    la      t5, trap_area
    LREG    a0, TR(TR_MCAUSE)(t5)
    addi    a0, a0, -CAUSE_MISALIGNED_LOAD
    sltiu   a0, a0, 2
    EXPECT  a0, 1

    PRIV_PASS

    .data
    .balign 4096
wa:
    .dword  0
    .balign 4096
wb:
    .dword  0
    PRIV_CODE
