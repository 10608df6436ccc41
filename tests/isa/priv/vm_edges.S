/* Translation corner cases (privileged spec 1.12, sections 3.1.16 and 4.3-4.5):
 *   - a 4-byte instruction straddling into an invalid or non-executable page raises an
 *     instruction page fault with mepc = the instruction and mtval = the start of the
 *     faulting page ("the portion of the instruction that caused the fault");
 *   - RV64: a leaf whose physical address lies beyond the memory map (bit 40) gives an
 *     access fault, not an alias of low memory (Sv32's 34-bit case: sv32_pa34);
 *   - RV64: a non-canonical virtual address (bits 63..VA bits not all equal) raises a page
 *     fault of the access type, and a canonical high-half address (root index 511) maps.
 * Also: a straddling fetch whose second half PMP forbids, without paging: access fault with
 * mtval = the second half. */
#include "vm.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    VM_SETUP
    /* PA(0) page: a 4-byte "addi a0, a0, 1" at its last 2 bytes + the next page's first 2;
     * the first half is all we can place: the second half comes from PA(1)'s first bytes */
    LA_PA   a0, 0
    li      t0, 4096 - 2
    add     a0, a0, t0
    li      a1, 0x0513               /* low half of 0x00150513 (addi a0, a0, 1) */
    sh      a1, 0(a0)
    LA_PA   a0, 1
    li      a1, 0x0015               /* high half */
    sh      a1, 0(a0)
    li      a1, 0x8067               /* then ret (two halves: 2-byte aligned) */
    sh      a1, 2(a0)
    sh      zero, 4(a0)
    fence.i
    MAP_TPN 0, PTE_V | PTE_R | PTE_X | PTE_A
    VM_ON

    /* 1: the straddling instruction runs when both pages are executable */
    TESTNUM(1)
    MAP_TPN 1, PTE_V | PTE_R | PTE_X | PTE_A
    sfence.vma
    li      s1, TP(1) - 2
    li      a0, 5
    TRY     PRV_S, jalr s1
    EXPECT_OK PRV_S
    EXPECT  a0, 6
    /* 2: second page invalid: 12, mepc = the instruction, mtval = the second page */
    TESTNUM(2)
    MAP_TPN 1, 0
    sfence.vma
    TRY     PRV_S, jalr s1
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_FETCH_PAGE
    EXPECT_TR_REG TR_MEPC, s1
    li      a1, TP(1)
    EXPECT_MTVAL a1
    /* 3: second page readable but not executable: the same */
    TESTNUM(3)
    MAP_TPN 1, PTE_V | PTE_R | PTE_A
    sfence.vma
    TRY     PRV_S, jalr s1
    EXPECT_TR TR_MCAUSE, CAUSE_FETCH_PAGE
    EXPECT_TR_REG TR_MEPC, s1
    li      a1, TP(1)
    EXPECT_MTVAL a1

#if XLEN == 64
    /* 4: a leaf to a physical address outside the memory map: load access fault (RV32's
     * 34-bit case is sv32_pa34) */
    TESTNUM(4)
    li      a3, 0x10080000000        /* RAM's address + 1 TiB */
    MAP_TP  2, a3, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
    sfence.vma
    li      s1, TP(2) + 0x20
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_ACCESS
    EXPECT_MTVAL s1
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_M CAUSE_STORE_ACCESS
    EXPECT_MTVAL s1
#endif

#if XLEN == 64
    /* 5: non-canonical addresses fault (page fault of the access type; mtval not checked:
     * it need not hold invalid addresses) */
    TESTNUM(5)
#if SV == 39
    li      s1, 0x0000004000000000   /* bit 38 set, 63..39 clear */
    li      s2, 0xffffff8000000000   /* 63..39 set, bit 38 clear */
#else
    li      s1, 0x0000800000000000
    li      s2, 0xffff000000000000
#endif
    TRY     PRV_S, ld a0, 0(s1)
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_LOAD_PAGE
    TRY     PRV_S, sd a0, 0(s2)
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_STORE_PAGE
    TRY     PRV_S, jalr s1
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_FETCH_PAGE
    /* 6: the top of the address space maps: VA -1 GiB -> RAM (root index 511, Sv39) */
#if SV == 39
    TESTNUM(6)
    la      a0, pt_root
    li      a1, 0xffffffffc0000000
    li      a2, 2
    li      a3, RAM_VA
    li      a4, PTE_RWXAD
    call    priv_map
    sfence.vma
    la      a0, hi_word
    li      t0, 0xffffffffc0000000 - RAM_VA
    add     s1, a0, t0
    TRY     PRV_S, ld a0, 0(s1)
    EXPECT_OK PRV_S
    EXPECT  a0, 0x600dbeef
    la      s1, hi_ret
    li      t0, 0xffffffffc0000000 - RAM_VA
    add     s1, s1, t0
    TRY     PRV_S, jalr s1
    EXPECT_OK PRV_S
#endif
#endif
    VM_OFF

    /* 7: no paging, PMP: a straddling fetch whose second half is not executable: access
     * fault 1 with mepc = the instruction and mtval = the second half */
    TESTNUM(7)
    LA_PA   a0, 1
    NAPOT   a1, a0, 4096
    PMP_ADDR 0, a1
    PMP_CFG 0, PMP_NAPOT | PMP_R | PMP_W
    LA_PA   s1, 1
    addi    s1, s1, -2
    TRY     PRV_S, jalr s1
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_FETCH_ACCESS
    EXPECT_TR_REG TR_MEPC, s1
    addi    a1, s1, 2
    EXPECT_MTVAL a1
    PMP_CFG 0, PMP_OFF

    PRIV_PASS

hi_ret:
    ret

    .data
    .balign 8
hi_word:
    .dword  0x600dbeef
    VM_CODE
    PRIV_CODE
