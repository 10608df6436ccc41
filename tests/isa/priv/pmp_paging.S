/* PMP and paging (privileged spec 1.12, sections 3.7.2 and 4.3.2): the page-table walk's
 * implicit reads are S-mode accesses checked by PMP, so a PMP-protected page table gives an
 * access fault of the original access type (5 / 7 / 1), not a page fault, with mtval = the
 * virtual address; the final physical access is checked too. */
#include "vm.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    VM_SETUP
    MAP_TPN 0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
    MAP_TPN 1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | PTE_U
    la      a3, code_page
    MAP_TP  2, a3, PTE_V | PTE_R | PTE_X | PTE_A
    VM_ON
    la      a1, pt_l0
    NAPOT   s2, a1, 4096             /* pmpaddr of the level-0 table's page */

    /* 1: the walk cannot read pt_l0: load / store / fetch access faults, mtval = VA */
    TESTNUM(1)
    PMP_ADDR 0, s2
    PMP_CFG 0, PMP_NAPOT
    li      s1, TP(0) + 0x40
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_ACCESS
    EXPECT_MTVAL s1
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_M CAUSE_STORE_ACCESS
    EXPECT_MTVAL s1
    li      s1, TP(2)
    TRY     PRV_S, jalr s1
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_FETCH_ACCESS
    EXPECT_MTVAL s1
    /* 2: U-mode's walk is an S-mode access too */
    TESTNUM(2)
    li      s1, TP(1)
    TRYV    PRV_U, UOFF, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_ACCESS
    EXPECT_MTVAL s1
    /* 3: delegated: scause 5, stval = VA */
    TESTNUM(3)
    li      a0, (1 << CAUSE_LOAD_ACCESS) | (1 << CAUSE_LOAD_PAGE)
    csrw    medeleg, a0
    li      s1, TP(0) + 8
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_S CAUSE_LOAD_ACCESS
    EXPECT_STVAL s1
    csrw    medeleg, zero
    /* 4: read permission is enough for a walk that updates nothing */
    TESTNUM(4)
    PMP_CFG 0, PMP_NAPOT | PMP_R
    li      s1, TP(0)
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_OK PRV_S
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_OK PRV_S
    /* 5: the data page itself protected (R only): the store faults after translation */
    TESTNUM(5)
    PMP_CFG 0, PMP_OFF
    LA_PA   a1, 0
    NAPOT   a0, a1, 4096
    PMP_ADDR 1, a0
    PMP_CFG 1, PMP_NAPOT | PMP_R
    li      s1, TP(0) + 0x10
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_OK PRV_S
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_M CAUSE_STORE_ACCESS
    EXPECT_MTVAL s1
    PMP_CFG 1, PMP_OFF

    VM_OFF
    PRIV_PASS

    .balign 4096
code_page:
    ret

    VM_CODE
    PRIV_CODE
