/* Superpages (privileged spec 1.12, sections 4.3.1, 4.4.1, 4.5.1): a leaf PTE above level 0
 * maps a naturally aligned 4 MiB (Sv32) / 2 MiB / 1 GiB (Sv39) / 512 GiB (Sv48) region;
 * loads, stores and fetches at its start and end reach the right physical addresses; a leaf
 * whose physical page number is not aligned to its size (PPN[i] != 0 below its level) raises
 * a page fault of the access type (12/13/15) with mtval = the address. Built with SV = 32 /
 * 39 by default (RV32 / RV64); superpages_sv48.S includes it with SV = 48. */
#include "vm.h"

/* mega(l=1), giga(l=2), tera(l=3) test regions: VA, PA, size */
#if SV == 32
#define L1_VA 0x00800000
#define L1_PA 0x80400000
#define L1_SIZE 0x400000
#define L1_BAD_VA 0x00c00000
#define L1_BAD_PA 0x80401000
#else
#define L1_VA 0x00800000
#define L1_PA 0x80200000
#define L1_SIZE 0x200000
#define L1_BAD_VA 0x00a00000
#define L1_BAD_PA 0x80201000
#define L2_VA 0xc0000000
#define L2_PA 0x80000000
#define L2_BAD_VA 0x100000000
#define L2_BAD_PA 0x80200000
#endif
#if SV == 48
#define L3_VA 0x8000000000
#define L3_PA 0x0
#define L3_BAD_VA 0x10000000000
#define L3_BAD_PA 0x80000000
#endif

/* map VA -> PA at level l in table tab */
.macro LEAF tab, va, pa, l, flags
    la      a0, \tab
    li      a1, \va
    li      a2, \l
    li      a3, \pa
    li      a4, \flags
    call    priv_map
.endm

    .text
    .globl test_main
test_main:
    PRIV_INIT
    VM_SETUP
#if SV == 32
    LEAF    pt_root, L1_VA, L1_PA, 1, PTE_RWXAD
    LEAF    pt_root, L1_BAD_VA, L1_BAD_PA, 1, PTE_RWXAD
#else
    LEAF    pt_l1, L1_VA, L1_PA, 1, PTE_RWXAD
    LEAF    pt_l1, L1_BAD_VA, L1_BAD_PA, 1, PTE_RWXAD
    LEAF    pt_root, L2_VA, L2_PA, 2, PTE_RWXAD
    LEAF    pt_root, L2_BAD_VA, L2_BAD_PA, 2, PTE_RWXAD
#endif
#if SV == 48
    LEAF    pt_root4, L3_VA, L3_PA, 3, PTE_RWXAD
    LEAF    pt_root4, L3_BAD_VA, L3_BAD_PA, 3, PTE_RWXAD
#endif
    /* patterns at the first and last word of the level-1 region */
    li      a0, L1_PA
    li      a1, 0x1234567
    sw      a1, 0(a0)
    li      t0, L1_SIZE - 4
    add     a0, a0, t0
    li      a1, 0x7654321
    sw      a1, 0(a0)
    la      s2, pattern
    li      a1, 0x600d
    sw      a1, 0(s2)
    VM_ON

    /* 1: level-1 leaf: first and last word, load and store */
    TESTNUM(1)
    li      s1, L1_VA
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_OK PRV_S
    EXPECT  a0, 0x1234567
    li      s1, L1_VA + L1_SIZE - 4
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_OK PRV_S
    EXPECT  a0, 0x7654321
    li      a0, 0xabc
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_OK PRV_S
    li      a1, L1_PA + L1_SIZE - 4
    lw      a1, 0(a1)
    EXPECT  a1, 0xabc
    /* 2: a misaligned level-1 leaf: page faults for load, store, fetch */
    TESTNUM(2)
    li      s1, L1_BAD_VA + 0x10
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_PAGE
    EXPECT_MTVAL s1
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_M CAUSE_STORE_PAGE
    EXPECT_MTVAL s1
    TRY     PRV_S, jalr s1
    EXPECT_TR TR_MCAUSE, CAUSE_FETCH_PAGE
    EXPECT_MTVAL s1

#if SV != 32
    /* 3: level-2 leaf (1 GiB) onto RAM: data and code at their offset */
    TESTNUM(3)
    li      t0, L2_VA - L2_PA
    add     s1, s2, t0
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_OK PRV_S
    EXPECT  a0, 0x600d
    la      s1, ret_here
    li      t0, L2_VA - L2_PA
    add     s1, s1, t0
    TRY     PRV_S, jalr s1           /* returns at once: the fetch worked */
    EXPECT_OK PRV_S
    /* 4: misaligned level-2 leaf */
    TESTNUM(4)
    li      s1, L2_BAD_VA + 0x20
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_PAGE
    EXPECT_MTVAL s1
    TRY     PRV_S, sd a0, 0(s1)
    EXPECT_M CAUSE_STORE_PAGE
    EXPECT_MTVAL s1
#endif
#if SV == 48
    /* 5: level-3 leaf (512 GiB) from physical 0: RAM at VA L3_VA + its address */
    TESTNUM(5)
    li      t0, L3_VA
    add     s1, s2, t0
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_OK PRV_S
    EXPECT  a0, 0x600d
    li      a0, 0x5678
    TRY     PRV_S, sw a0, 4(s1)
    EXPECT_OK PRV_S
    lw      a1, 4(s2)
    EXPECT  a1, 0x5678
    /* 6: misaligned level-3 leaf */
    TESTNUM(6)
    li      s1, L3_BAD_VA + 0x30
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_PAGE
    EXPECT_MTVAL s1
#endif
    /* 7: U-mode through a U superpage (level 1) */
    TESTNUM(7)
#if SV == 32
    LEAF    pt_root, L1_VA, L1_PA, 1, PTE_RWXAD | PTE_U
#else
    LEAF    pt_l1, L1_VA, L1_PA, 1, PTE_RWXAD | PTE_U
#endif
    sfence.vma
    li      s1, L1_VA
    TRYV    PRV_U, UOFF, lw a0, 0(s1)
    EXPECT_OK PRV_U
    EXPECT  a0, 0x1234567

    VM_OFF
    PRIV_PASS

ret_here:
    ret

    .data
    .balign 8
pattern:
    .word   0, 0
    VM_CODE
    PRIV_CODE
