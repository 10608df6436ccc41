/* mstatus.MPRV (privileged spec 1.12, section 3.1.6.3): with MPRV = 1, M-mode loads and
 * stores are translated and checked as if in the mode in MPP (page tables, U bit, SUM, MXR),
 * faulting with mtval = the virtual address; with MPP = M they are not translated; M-mode
 * instruction fetch is never affected (M runs from the identity map's U = 0 pages with
 * MPP = U). */
#include "vm.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    VM_SETUP
    LA_PA   a0, 0
    li      a1, 0x1111
    sw      a1, 0(a0)
    LA_PA   a0, 1
    li      a1, 0x2222
    sw      a1, 0(a0)
    LA_PA   a0, 2
    li      a1, 0x3333
    sw      a1, 0(a0)
    MAP_TPN 0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
    MAP_TPN 1, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D
    MAP_TPN 2, PTE_V | PTE_X | PTE_A
    VM_ON

    /* 1: MPP = S: a load and a store through the page tables */
    TESTNUM(1)
    li      s1, TP(0)
    MPRV_TRY PRV_S, lw a0, 0(s1)
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_ECALL_M
    EXPECT  a0, 0x1111
    li      a0, 0x4444
    MPRV_TRY PRV_S, sw a0, 4(s1)
    EXPECT_TR TR_MCAUSE, CAUSE_ECALL_M
    LA_PA   a1, 0
    lw      a1, 4(a1)
    EXPECT  a1, 0x4444
    /* 2: MPP = U: a U page works, an S page faults (13 / 15, mtval = the address) */
    TESTNUM(2)
    li      s1, TP(1)
    MPRV_TRY PRV_U, lw a0, 0(s1)
    EXPECT_TR TR_MCAUSE, CAUSE_ECALL_M
    EXPECT  a0, 0x2222
    li      s1, TP(0) + 8
    MPRV_TRY PRV_U, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_PAGE
    EXPECT_MTVAL s1
    MPRV_TRY PRV_U, sw a0, 0(s1)
    EXPECT_M CAUSE_STORE_PAGE
    EXPECT_MTVAL s1
    /* 3: MPP = S honours SUM */
    TESTNUM(3)
    li      s1, TP(1)
    MPRV_TRY PRV_S, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_PAGE
    li      a0, MSTATUS_SUM
    csrs    mstatus, a0
    MPRV_TRY PRV_S, lw a0, 0(s1)
    EXPECT_TR TR_MCAUSE, CAUSE_ECALL_M
    EXPECT  a0, 0x2222
    li      a0, MSTATUS_SUM
    csrc    mstatus, a0
    /* 4: ... and MXR (an X-only page) */
    TESTNUM(4)
    li      s1, TP(2)
    MPRV_TRY PRV_S, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_PAGE
    li      a0, MSTATUS_MXR
    csrs    mstatus, a0
    MPRV_TRY PRV_S, lw a0, 0(s1)
    EXPECT_TR TR_MCAUSE, CAUSE_ECALL_M
    EXPECT  a0, 0x3333
    li      a0, MSTATUS_MXR
    csrc    mstatus, a0
    /* 5: MPP = M: no translation (TP(0) is a physical hole) */
    TESTNUM(5)
    li      s1, TP(0)
    MPRV_TRY PRV_M, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_ACCESS
    EXPECT_MTVAL s1
    /* 6: fetches are not affected: M-mode code keeps running with MPRV = 1 and MPP = U,
     * though U could not execute the identity map (the MPRV_TRY code itself shows it) */
    TESTNUM(6)
    MPRV_TRY PRV_U, nop
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_ECALL_M
    /* 7: MPRV without paging: MPP = U loads go straight to physical memory */
    TESTNUM(7)
    VM_OFF
    LA_PA   s1, 0
    MPRV_TRY PRV_U, lw a0, 0(s1)
    EXPECT_TR TR_MCAUSE, CAUSE_ECALL_M
    EXPECT  a0, 0x1111

    PRIV_PASS
    VM_CODE
    PRIV_CODE
