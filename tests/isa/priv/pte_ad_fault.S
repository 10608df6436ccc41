/* Software-managed A and D bits (privileged spec 1.12, section 4.3.1, the first scheme;
 * socsim `--set cpus.hart0.pte_ad=fault`): an access to a page with A = 0, or a store to a
 * page with D = 0, raises the page fault of the access type and leaves the PTE unchanged.
 * QEMU 7.2 always updates A/D in hardware, so the list skips this test there. */
#include "vm.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    VM_SETUP
    VM_ON

    /* 1: A = 0: load, store and fetch fault */
    TESTNUM(1)
    MAP_TPN 0, PTE_V | PTE_R | PTE_W
    mv      s2, a0
    sfence.vma
    li      s1, TP(0) + 0x18
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_PAGE
    EXPECT_MTVAL s1
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_M CAUSE_STORE_PAGE
    EXPECT_MTVAL s1
    la      a3, code_page
    MAP_TP  1, a3, PTE_V | PTE_R | PTE_X
    mv      s3, a0
    sfence.vma
    li      s1, TP(1)
    TRY     PRV_S, jalr s1
    EXPECT_TR TR_MCAUSE, CAUSE_FETCH_PAGE
    EXPECT_MTVAL s1
    /* 2: the PTEs are unchanged */
    TESTNUM(2)
    LREG    a0, 0(s2)
    EXPECT_MASKED a0, PTE_A | PTE_D, 0
    LREG    a0, 0(s3)
    EXPECT_MASKED a0, PTE_A | PTE_D, 0
    /* 3: A = 1, D = 0: loads and fetches work, stores and AMOs fault */
    TESTNUM(3)
    LREG    a0, 0(s2)
    ori     a0, a0, PTE_A
    SREG    a0, 0(s2)
    LREG    a0, 0(s3)
    ori     a0, a0, PTE_A
    SREG    a0, 0(s3)
    sfence.vma
    li      s1, TP(0)
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_OK PRV_S
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_M CAUSE_STORE_PAGE
    EXPECT_MTVAL s1
    TRY     PRV_S, amoswap.w a0, a0, (s1)
    EXPECT_M CAUSE_STORE_PAGE
    li      s1, TP(1)
    TRY     PRV_S, jalr s1
    EXPECT_OK PRV_S
    LREG    a0, 0(s2)
    EXPECT_MASKED a0, PTE_A | PTE_D, PTE_A
    /* 4: A = D = 1: stores work */
    TESTNUM(4)
    LREG    a0, 0(s2)
    ori     a0, a0, PTE_D
    SREG    a0, 0(s2)
    sfence.vma
    li      s1, TP(0)
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_OK PRV_S
    /* 5: U-mode alike */
    TESTNUM(5)
    MAP_TPN 2, PTE_V | PTE_R | PTE_W | PTE_U
    sfence.vma
    li      s1, TP(2)
    TRYV    PRV_U, UOFF, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_PAGE
    EXPECT_MTVAL s1
    /* 6: delegated to S */
    TESTNUM(6)
    li      a0, 1 << CAUSE_STORE_PAGE
    csrw    medeleg, a0
    MAP_TPN 3, PTE_V | PTE_R | PTE_W | PTE_A
    sfence.vma
    li      s1, TP(3) + 4
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_S CAUSE_STORE_PAGE
    EXPECT_STVAL s1
    csrw    medeleg, zero

    VM_OFF
    PRIV_PASS

    .balign 4096
code_page:
    ret

    VM_CODE
    PRIV_CODE
