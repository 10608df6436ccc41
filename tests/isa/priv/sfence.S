/* SFENCE.VMA (privileged spec 1.12, section 4.2.1): after M-mode or S-mode changes a leaf
 * PTE, a pointer PTE or satp, an sfence.vma (all, by address, or by ASID) makes the next
 * access use the new translation: a remapped page reads its new physical page, an
 * invalidated page faults, a replaced level-0 table takes effect, a new root takes effect. */
#include "vm.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    VM_SETUP
    /* PA(n) holds n + 1 */
    la      a0, phys_pages
    li      a1, 1
    li      a2, NPAGES
1:  sw      a1, 0(a0)
    li      t0, 4096
    add     a0, a0, t0
    addi    a1, a1, 1
    addi    a2, a2, -1
    bnez    a2, 1b
    VM_ON

    /* 1: TP(0) -> PA(0) */
    TESTNUM(1)
    MAP_TP  0, zero, 0               /* (invalid first) */
    LA_PA   a3, 0
    MAP_TP  0, a3, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
    mv      s2, a0
    sfence.vma
    li      s1, TP(0)
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_OK PRV_S
    EXPECT  a0, 1
    /* 2: remap to PA(1) in M, sfence.vma (all) in M */
    TESTNUM(2)
    LA_PA   a3, 1
    MAP_TP  0, a3, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
    sfence.vma
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT  a0, 2
    /* 3: remap to PA(2), sfence.vma by address in S */
    TESTNUM(3)
    LA_PA   a3, 2
    MAP_TP  0, a3, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
    TRY     PRV_S, sfence.vma s1, zero
    EXPECT_OK PRV_S
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT  a0, 3
    /* 4: remap to PA(3), sfence.vma by ASID 0 (the page is not global) in S */
    TESTNUM(4)
    LA_PA   a3, 3
    MAP_TP  0, a3, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
    TRY     PRV_S, sfence.vma zero, zero
    TRY     PRV_S, sfence.vma zero, zero
    li      a5, 0
    TRY     PRV_S, sfence.vma zero, a5
    EXPECT_OK PRV_S
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT  a0, 4
    /* 5: S itself stores the PTE (through the identity map), then sfence.vma s1 */
    TESTNUM(5)
    LA_PA   a3, 4
    srli    a3, a3, 12
    slli    a3, a3, 10
    ori     a3, a3, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
    TRY     PRV_S, SREG a3, 0(s2)
    TRY     PRV_S, sfence.vma s1
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_OK PRV_S
    EXPECT  a0, 5
    /* 6: V = 0 then sfence: the page faults */
    TESTNUM(6)
    SREG    zero, 0(s2)
    sfence.vma
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_PAGE
    EXPECT_MTVAL s1
    /* 7: a new level-0 table (pointer PTE changed): TP(0) -> PA(6) there */
    TESTNUM(7)
    la      a0, pt_alt
    call    priv_zero_page
    la      a0, pt_alt
    li      a1, TP(0)
    li      a2, 0
    LA_PA   a3, 6
    li      a4, PTE_V | PTE_R | PTE_A
    call    priv_map
#if SV == 32
    la      a0, pt_root
    li      a1, TP_BASE
    li      a2, 1
#else
    la      a0, pt_l1
    li      a1, TP_BASE
    li      a2, 1
#endif
    la      a3, pt_alt
    li      a4, PTE_V
    call    priv_map
    sfence.vma
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_OK PRV_S
    EXPECT  a0, 7
    /* 8: a new root in satp (a copy of the old one whose TP window goes to pt_l0, where
     * TP(0) -> PA(8)), written by S-mode, then sfence.vma */
    TESTNUM(8)
    LA_PA   a3, 8
    MAP_TP  0, a3, PTE_V | PTE_R | PTE_A
#if SV == 48
    la      a0, pt_root4
#else
    la      a0, pt_root
#endif
    la      a1, root_alt
    li      t0, 4096
    add     t0, t0, a0
1:  LREG    t1, 0(a0)
    SREG    t1, 0(a1)
    addi    a0, a0, REGBYTES
    addi    a1, a1, REGBYTES
    bltu    a0, t0, 1b
#if SV == 32
    la      a0, root_alt
    li      a1, TP_BASE
    li      a2, 1
    la      a3, pt_l0
    li      a4, PTE_V
    call    priv_map
#elif SV == 39
    la      a0, pt_l1
    li      a1, TP_BASE
    li      a2, 1
    la      a3, pt_l0
    li      a4, PTE_V
    call    priv_map                 /* (the old root keeps using pt_l1: now also pt_l0) */
    LA_PA   a3, 9
    la      a0, pt_alt
    li      a1, TP(0)
    li      a2, 0
    li      a4, PTE_V | PTE_R | PTE_A
    call    priv_map
    la      a0, pt_l1
    li      a1, TP_BASE
    li      a2, 1
    la      a3, pt_alt
    li      a4, PTE_V
    call    priv_map                 /* old path: pt_l1 -> pt_alt -> PA(9) */
    la      a0, root_alt
    li      a1, TP_BASE
    li      a2, 2
    la      a3, l1_alt
    li      a4, PTE_V
    call    priv_map
    la      a0, l1_alt
    call    priv_zero_page
    la      a0, l1_alt
    li      a1, TP_BASE
    li      a2, 1
    la      a3, pt_l0
    li      a4, PTE_V
    call    priv_map                 /* new path: root_alt -> l1_alt -> pt_l0 -> PA(8) */
#else
    LA_PA   a3, 9
    la      a0, pt_alt
    li      a1, TP(0)
    li      a2, 0
    li      a4, PTE_V | PTE_R | PTE_A
    call    priv_map                 /* old path still ends in pt_alt -> PA(9) */
    la      a0, l1_alt
    call    priv_zero_page
    la      a0, l1_alt
    li      a1, TP_BASE
    li      a2, 1
    la      a3, pt_l0
    li      a4, PTE_V
    call    priv_map
    la      a0, l2_alt
    li      t0, 0
    la      a1, pt_root
    li      t1, 4096
2:  add     t2, a1, t0
    LREG    t2, 0(t2)
    add     t3, a0, t0
    SREG    t2, 0(t3)
    addi    t0, t0, REGBYTES
    bltu    t0, t1, 2b
    la      a0, l2_alt
    li      a1, TP_BASE
    li      a2, 2
    la      a3, l1_alt
    li      a4, PTE_V
    call    priv_map
    la      a0, root_alt
    li      a1, 0
    li      a2, 3
    la      a3, l2_alt
    li      a4, PTE_V
    call    priv_map                 /* new path: root_alt -> l2_alt -> l1_alt -> pt_l0 */
#endif
    sfence.vma
    TRY     PRV_S, lw a0, 0(s1)
#if SV != 32
    EXPECT  a0, 10                   /* old root: PA(9) */
#endif
    la      a3, root_alt
    srli    a3, a3, 12
    li      t0, SATP_MODE
    or      a3, a3, t0
    TRY     PRV_S, csrw satp, a3
    EXPECT_OK PRV_S
    TRY     PRV_S, sfence.vma
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_OK PRV_S
    EXPECT  a0, 9                    /* new root: PA(8) */

    VM_OFF
    PRIV_PASS

    .section .bss.alt, "aw", @nobits
    .balign 4096
pt_alt:
    .space  4096
root_alt:
    .space  4096
l1_alt:
    .space  4096
l2_alt:
    .space  4096
    .text
    VM_CODE
    PRIV_CODE
