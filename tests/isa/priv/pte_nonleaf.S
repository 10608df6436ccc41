/* Reserved bits in pointer (non-leaf) PTEs (privileged spec 1.12, section 4.3.1/4.3.2 step
 * 3: "if any bits or encodings that are reserved for future standard use are set within pte,
 * stop and raise a page-fault exception"): D, A and U are reserved in a non-leaf PTE, and on
 * RV64 bits 63:54 are reserved in every PTE; a walk through such a pointer faults. A clean
 * pointer with the G bit (allowed) works. */
#include "vm.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    VM_SETUP
    MAP_TPN 0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
    VM_ON
    /* s2 = the pointer PTE above pt_l0 */
#if SV == 32
    la      s2, pt_root
    li      a1, (TP_BASE >> 22) * 4
#else
    la      s2, pt_l1
    li      a1, ((TP_BASE >> 21) & 0x1ff) * 8
#endif
    add     s2, s2, a1
    LREG    s3, 0(s2)                /* the clean pointer */
    li      s1, TP(0)

    /* 1: the clean pointer works */
    TESTNUM(1)
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_OK PRV_S
    /* 2: pointer with A, D or U: load page fault, mtval = the address */
    TESTNUM(2)
    .irp bit, PTE_A, PTE_D, PTE_U
    ori     a0, s3, \bit
    SREG    a0, 0(s2)
    sfence.vma
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_PAGE
    EXPECT_MTVAL s1
    .endr
#if XLEN == 64
    /* 3: pointer with a bit of 63:54 set */
    TESTNUM(3)
    .irp bit, 54, 61, 63
    li      a0, 1 << \bit
    or      a0, a0, s3
    SREG    a0, 0(s2)
    sfence.vma
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_PAGE
    .endr
#endif
    /* 4: G in a pointer is allowed */
    TESTNUM(4)
    ori     a0, s3, PTE_G
    SREG    a0, 0(s2)
    sfence.vma
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_OK PRV_S

    VM_OFF
    PRIV_PASS
    VM_CODE
    PRIV_CODE
