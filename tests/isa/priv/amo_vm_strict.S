/* AMOs on pages they cannot read either raise a store/AMO page fault (15), never a load page
 * fault (privileged spec 1.12, section 3.1.15: AMOs generate store/AMO exceptions): a U page
 * from S without SUM, an S page from U, an invalid PTE, an execute-only page. QEMU 7.2
 * reports 13 for these (it checks the read first), so the list skips this test there. */
#include "vm.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    VM_SETUP
    MAP_TPN 0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
    MAP_TPN 2, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | PTE_U
    MAP_TPN 4, PTE_V | PTE_X | PTE_A
    VM_ON

    /* 1: S on a U page without SUM */
    TESTNUM(1)
    li      s1, TP(2)
    TRY     PRV_S, amoor.w a0, a1, (s1)
    EXPECT_M CAUSE_STORE_PAGE
    EXPECT_MTVAL s1
    /* 2: U on an S page */
    TESTNUM(2)
    li      s1, TP(0)
    TRYV    PRV_U, UOFF, amoxor.w a0, a1, (s1)
    EXPECT_M CAUSE_STORE_PAGE
    EXPECT_MTVAL s1
    /* 3: V = 0 */
    TESTNUM(3)
    li      s1, TP(5)
    TRY     PRV_S, amoand.w a0, a1, (s1)
    EXPECT_M CAUSE_STORE_PAGE
    EXPECT_MTVAL s1
    /* 4: execute-only page (MXR = 0) */
    TESTNUM(4)
    li      s1, TP(4)
    TRY     PRV_S, amoswap.w a0, a1, (s1)
    EXPECT_M CAUSE_STORE_PAGE
    EXPECT_MTVAL s1
#if XLEN == 64
    TRY     PRV_S, amoadd.d a0, a1, (s1)
    EXPECT_M CAUSE_STORE_PAGE
#endif

    VM_OFF
    PRIV_PASS
    VM_CODE
    PRIV_CODE
