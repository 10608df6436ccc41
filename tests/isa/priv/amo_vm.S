/* AMOs, LR and SC under paging (privileged spec 1.12, sections 3.1.15 and 4.3.2): an AMO on a
 * readable page without write permission raises a store/AMO page fault (15); LR raises a load
 * page fault (13) where loads would; an SC with a valid reservation on a read-only page
 * raises 15; mtval = the virtual address; AMOs and LR/SC through a writable mapping work, .w
 * and (RV64) .d. (AMOs on pages they cannot even read are in amo_vm_strict: QEMU 7.2 reports
 * load page faults for those.) */
#include "vm.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    VM_SETUP
    MAP_TPN 0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
    MAP_TPN 1, PTE_V | PTE_R | PTE_A
    MAP_TPN 2, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | PTE_U
    MAP_TPN 3, PTE_V | PTE_R | PTE_A | PTE_U
    LA_PA   a0, 0
    li      a1, 40
    SREG    a1, 0(a0)
    VM_ON

    /* 1: AMOs through a writable mapping */
    TESTNUM(1)
    li      s1, TP(0)
    li      a1, 2
    TRY     PRV_S, amoadd.w a0, a1, (s1)
    EXPECT_OK PRV_S
    EXPECT  a0, 40
#if XLEN == 64
    TRY     PRV_S, amoadd.d a0, a1, (s1)
    EXPECT  a0, 42
#else
    TRY     PRV_S, amoadd.w a0, a1, (s1)
    EXPECT  a0, 42
#endif
    LA_PA   a0, 0
    LREG    a0, 0(a0)
    EXPECT  a0, 44
    /* 2: LR/SC through it */
    TESTNUM(2)
    CLEAR_TRAPS
    M_RESUME 2f
    GOTO_MODE PRV_S, 1f
1:  lr.w    a0, (s1)
    addi    a0, a0, 1
    sc.w    a2, a0, (s1)
    ecall
2:  EXPECT  a2, 0
    LA_PA   a0, 0
    lw      a0, 0(a0)
    EXPECT  a0, 45
    /* 3: read-only page: AMO 15, LR works, SC with a reservation 15 */
    TESTNUM(3)
    li      s1, TP(1) + 8
    TRY     PRV_S, amoswap.w a0, a1, (s1)
    EXPECT_M CAUSE_STORE_PAGE
    EXPECT_MTVAL s1
    CLEAR_TRAPS
    M_RESUME 2f
    GOTO_MODE PRV_S, 1f
1:  lr.w    a0, (s1)
3:  sc.w    a2, a0, (s1)
    ecall
2:  EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_STORE_PAGE
    la      a0, 3b
    EXPECT_TR_REG TR_MEPC, a0
    EXPECT_MTVAL s1
    /* 4: S on a U page without SUM, U on an S page: LR 13 */
    TESTNUM(4)
    li      s1, TP(2)
    TRY     PRV_S, lr.w a0, (s1)
    EXPECT_M CAUSE_LOAD_PAGE
    EXPECT_MTVAL s1
    li      s1, TP(0)
    TRYV    PRV_U, UOFF, lr.w a0, (s1)
    EXPECT_M CAUSE_LOAD_PAGE
    /* 5: U on its own page: works */
    TESTNUM(5)
    li      s1, TP(2)
    TRYV    PRV_U, UOFF, amomaxu.w a0, a1, (s1)
    EXPECT_OK PRV_U
    /* 7: delegated: scause 15 */
    TESTNUM(7)
    li      a0, 1 << CAUSE_STORE_PAGE
    csrw    medeleg, a0
    li      s1, TP(3)
    TRYV    PRV_U, UOFF, amominu.w a0, a1, (s1)
    EXPECT_S CAUSE_STORE_PAGE
    EXPECT_STVAL s1
    csrw    medeleg, zero

    VM_OFF
    PRIV_PASS
    VM_CODE
    PRIV_CODE
