/* Hardware-managed A and D bits (privileged spec 1.12, section 4.3.1; socsim's default
 * `pte_ad: hardware`, as QEMU 7.2): the walker sets A on any access and D on a store, in the
 * leaf PTE only (4 KiB or superpage); a load never sets D, and a store that faults on
 * permissions does not set D; pointer PTEs are left alone. */
#include "vm.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    VM_SETUP
    VM_ON

    /* 1: load from a page with A = D = 0: A is set, D is not */
    TESTNUM(1)
    MAP_TPN 0, PTE_V | PTE_R | PTE_W
    mv      s2, a0
    sfence.vma
    li      s1, TP(0)
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_OK PRV_S
    LREG    a0, 0(s2)
    EXPECT_MASKED a0, PTE_A | PTE_D, PTE_A
    /* 2: a store then sets D */
    TESTNUM(2)
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_OK PRV_S
    LREG    a0, 0(s2)
    EXPECT_MASKED a0, PTE_A | PTE_D, PTE_A | PTE_D
    /* 3: a store to a fresh page sets both */
    TESTNUM(3)
    MAP_TPN 1, PTE_V | PTE_R | PTE_W
    mv      s2, a0
    sfence.vma
    li      s1, TP(1)
    TRY     PRV_S, sw a0, 8(s1)
    EXPECT_OK PRV_S
    LREG    a0, 0(s2)
    EXPECT_MASKED a0, PTE_A | PTE_D, PTE_A | PTE_D
    /* 4: a fetch sets A only */
    TESTNUM(4)
    la      a3, code_page
    MAP_TP  2, a3, PTE_V | PTE_R | PTE_X
    mv      s2, a0
    sfence.vma
    li      s1, TP(2)
    TRY     PRV_S, jalr s1
    EXPECT_OK PRV_S
    LREG    a0, 0(s2)
    EXPECT_MASKED a0, PTE_A | PTE_D, PTE_A
    /* 5: a store that faults (read-only page) does not set D */
    TESTNUM(5)
    MAP_TPN 3, PTE_V | PTE_R | PTE_A
    mv      s2, a0
    sfence.vma
    li      s1, TP(3)
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_M CAUSE_STORE_PAGE
    LREG    a0, 0(s2)
    EXPECT_MASKED a0, PTE_D, 0
    /* 6: an AMO sets A and D */
    TESTNUM(6)
    MAP_TPN 4, PTE_V | PTE_R | PTE_W
    mv      s2, a0
    sfence.vma
    li      s1, TP(4)
    TRY     PRV_S, amoadd.w a0, a0, (s1)
    EXPECT_OK PRV_S
    LREG    a0, 0(s2)
    EXPECT_MASKED a0, PTE_A | PTE_D, PTE_A | PTE_D
    /* 7: U-mode stores set them too */
    TESTNUM(7)
    MAP_TPN 5, PTE_V | PTE_R | PTE_W | PTE_U
    mv      s2, a0
    sfence.vma
    li      s1, TP(5)
    TRYV    PRV_U, UOFF, sw a0, 0(s1)
    EXPECT_OK PRV_U
    LREG    a0, 0(s2)
    EXPECT_MASKED a0, PTE_A | PTE_D, PTE_A | PTE_D
    /* 8: the pointer PTEs on the way keep A = D = 0 */
    TESTNUM(8)
#if SV == 32
    la      a0, pt_root
    li      a1, (TP_BASE >> 22) * 4
#else
    la      a0, pt_l1
    li      a1, ((TP_BASE >> 21) & 0x1ff) * 8
#endif
    add     a0, a0, a1
    LREG    a0, 0(a0)
    EXPECT_MASKED a0, PTE_A | PTE_D | PTE_U | PTE_R | PTE_W | PTE_X | PTE_V, PTE_V

    /* 9: a superpage leaf (level 1) gets A on a load and D on a store too */
    TESTNUM(9)
#if SV == 32
    la      a0, pt_root
    li      a3, 0x80400000
#else
    la      a0, pt_l1
    li      a3, 0x80200000
#endif
    li      a1, 0x00800000
    li      a2, 1
    li      a4, PTE_V | PTE_R | PTE_W
    call    priv_map
    mv      s2, a0
    sfence.vma
    li      s1, 0x00800000 + 0x40
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_OK PRV_S
    LREG    a0, 0(s2)
    EXPECT_MASKED a0, PTE_A | PTE_D, PTE_A
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_OK PRV_S
    LREG    a0, 0(s2)
    EXPECT_MASKED a0, PTE_A | PTE_D, PTE_A | PTE_D

    VM_OFF
    PRIV_PASS

    .balign 4096
code_page:
    ret

    VM_CODE
    PRIV_CODE
