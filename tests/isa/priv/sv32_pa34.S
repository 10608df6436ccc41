/* Sv32 translates to 34-bit physical addresses (privileged spec 1.12, section 4.3.1: the PPN
 * is 22 bits): a leaf whose PPN puts the page at 0x1_8000_0000 must not alias RAM at
 * 0x8000_0000; nothing answers there, so loads and stores raise access faults (5 / 7) with
 * mtval = the virtual address. A megapage likewise. QEMU 7.2 truncates Sv32 physical
 * addresses to 32 bits (and reaches RAM), so the list skips this test there. */
#include "vm.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    VM_SETUP
    /* TP(2) -> 0x1_8000_0000 (PPN 0x180000: bit 20 of the PPN set) */
    li      a3, (0x180000 << 10) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
    la      a0, pt_l0
    li      t0, ((TP(2) >> 12) & 0x3ff) * 4
    add     a0, a0, t0
    sw      a3, 0(a0)
    /* megapage VA 0x00c00000 -> 0x1_8000_0000 */
    li      a3, (0x180000 << 10) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
    la      a0, pt_root
    li      t0, (0x00c00000 >> 22) * 4
    add     a0, a0, t0
    sw      a3, 0(a0)
    la      a0, marker
    li      a1, 0x5a5a5a5a
    sw      a1, 0(a0)
    VM_ON

    /* 1: 4 KiB page above 4 GiB: access faults */
    TESTNUM(1)
    li      s1, TP(2) + 0x20
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_ACCESS
    EXPECT_MTVAL s1
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_M CAUSE_STORE_ACCESS
    EXPECT_MTVAL s1
    /* 2: megapage above 4 GiB: access fault */
    TESTNUM(2)
    la      s1, marker
    li      t0, 0x00c00000 - RAM_VA
    add     s1, s1, t0
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_ACCESS
    EXPECT_MTVAL s1
    /* 3: RAM is untouched */
    TESTNUM(3)
    VM_OFF
    la      a0, marker
    lw      a0, 0(a0)
    EXPECT  a0, 0x5a5a5a5a

    PRIV_PASS

    .data
    .balign 8
marker:
    .word   0, 0
    VM_CODE
    PRIV_CODE
