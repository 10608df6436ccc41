/* Paging helpers for the tests in tests/isa/priv (on top of priv.h).
 *
 * SV selects the scheme: 32 (RV32 only), 39 or 48 (RV64); the default is Sv32 on RV32 and
 * Sv39 on RV64. VM_SETUP builds, in M-mode, page tables with the same virtual layout in
 * every scheme:
 *
 *   VA 0x80000000 + 16 MiB  identity map of the start of RAM: R W X A D, U = 0 (S-mode code,
 *                           data, trap handler and page tables)
 *   VA 0x40000000 + 16 MiB  the same RAM with U = 1 (U-mode runs here: TRYV PRV_U, UOFF, ...;
 *                           data symbol X is at X + UOFF)
 *   VA TP(n) = 0x00400000 + n * 4 KiB   4 KiB test pages, mapped with MAP_TP through the
 *                           level-0 table pt_l0; PA(n) = phys_pages + n * 4 KiB are 16 spare
 *                           physical pages
 *
 * (Sv32: megapages in the root; Sv39: gigapages in the root, pt_l1 -> pt_l0 for the test
 * window; Sv48: a level-3 root pt_root4 whose entry 0 points to the Sv39-style tables.)
 * VM_ON writes satp and runs sfence.vma; VM_OFF goes back to Bare. */
#ifndef VM_H
#define VM_H

#include "priv.h"

#ifndef SV
#if XLEN == 32
#define SV 32
#else
#define SV 39
#endif
#endif

#if SV == 32
#define SATP_MODE (1 << 31)
#define TOP_LEVEL 1
#elif SV == 39
#define SATP_MODE (8 << 60)
#define TOP_LEVEL 2
#elif SV == 48
#define SATP_MODE (9 << 60)
#define TOP_LEVEL 3
#else
#error "SV must be 32, 39 or 48"
#endif

#define RAM_VA 0x80000000
#define UALIAS_VA 0x40000000
#define UOFF (UALIAS_VA - RAM_VA)
#define TP_BASE 0x00400000
#define TP(n) (TP_BASE + (n) * 4096)
#define NPAGES 16

#define PTE_RWXAD (PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D)

/* a3 = PA(n) */
.macro LA_PA reg, n
    la      \reg, phys_pages
    li      t0, (\n) * 4096
    add     \reg, \reg, t0
.endm

/* pt_l0 entry for TP(n) -> physical address in register `pa`, flags: a0 = the PTE address */
.macro MAP_TP n, pa, flags
    mv      a3, \pa
    la      a0, pt_l0
    li      a1, TP(\n)
    li      a2, 0
    li      a4, \flags
    call    priv_map
.endm

/* the same as MAP_TP with PA(n) */
.macro MAP_TPN n, flags
    LA_PA   a3, \n
    la      a0, pt_l0
    li      a1, TP(\n)
    li      a2, 0
    li      a4, \flags
    call    priv_map
.endm

.macro VM_SETUP
    call    vm_setup
.endm

.macro VM_ON
    call    vm_on
.endm

.macro VM_OFF
    csrw    satp, zero
    sfence.vma
.endm

.macro VM_CODE
    .text
/* Build the tables (see vm.h). Clobbers a0-a5, t0-t2. */
vm_setup:
    mv      a5, ra
    la      a0, pt_root
    call    priv_zero_page
    la      a0, pt_l1
    call    priv_zero_page
    la      a0, pt_l0
    call    priv_zero_page
#if SV == 48
    la      a0, pt_root4
    call    priv_zero_page
    la      a0, pt_root4
    li      a1, 0
    li      a2, 3
    la      a3, pt_root
    li      a4, PTE_V
    call    priv_map
#endif
#if SV == 32
    /* four megapages of RAM at its own address, and at the U alias */
    .irp i, 0, 1, 2, 3
    la      a0, pt_root
    li      a1, RAM_VA + (\i << 22)
    li      a2, 1
    li      a3, RAM_VA + (\i << 22)
    li      a4, PTE_RWXAD
    call    priv_map
    la      a0, pt_root
    li      a1, UALIAS_VA + (\i << 22)
    li      a2, 1
    li      a3, RAM_VA + (\i << 22)
    li      a4, PTE_RWXAD | PTE_U
    call    priv_map
    .endr
    la      a0, pt_root
    li      a1, TP_BASE
    li      a2, 1
    la      a3, pt_l0
    li      a4, PTE_V
    call    priv_map
#else
    la      a0, pt_root
    li      a1, RAM_VA
    li      a2, 2
    li      a3, RAM_VA
    li      a4, PTE_RWXAD
    call    priv_map
    la      a0, pt_root
    li      a1, UALIAS_VA
    li      a2, 2
    li      a3, RAM_VA
    li      a4, PTE_RWXAD | PTE_U
    call    priv_map
    la      a0, pt_root
    li      a1, TP_BASE
    li      a2, 2
    la      a3, pt_l1
    li      a4, PTE_V
    call    priv_map
    la      a0, pt_l1
    li      a1, TP_BASE
    li      a2, 1
    la      a3, pt_l0
    li      a4, PTE_V
    call    priv_map
#endif
    mv      ra, a5
    ret

/* satp = the scheme's mode | root PPN; sfence.vma */
vm_on:
#if SV == 48
    la      t0, pt_root4
#else
    la      t0, pt_root
#endif
    srli    t0, t0, 12
    li      t1, SATP_MODE
    or      t0, t0, t1
    csrw    satp, t0
    sfence.vma
    ret

    .section .bss.vm, "aw", @nobits
    .balign 4096
pt_root:
    .space  4096
pt_l1:
    .space  4096
pt_l0:
    .space  4096
#if SV == 48
pt_root4:
    .space  4096
#endif
    .globl phys_pages
phys_pages:
    .space  NPAGES * 4096
    .text
.endm

#endif
