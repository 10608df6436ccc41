/* Entry points of an S-mode payload (see sbi.h).
 *   _start           fw_jump's jump: a0 = boot hartid, a1 = device tree, S-mode, satp = 0
 *   secondary_entry  sbi_hart_start's start address: a0 = hartid, a1 = opaque
 * Each hart (hartid < MAX_HARTS) gets a 16 KiB stack and a 4 KiB trap stack; tp = hartid;
 * sstatus.FS = Initial so F/D work; stvec = trap_entry with sscratch = the trap stack's top.
 * The trap entry saves x1..x31, sepc, scause, stval, sstatus in a trap_frame on the trap
 * stack, calls trap_dispatch(frame) and returns with sret to the (possibly updated) sepc. */
#include "sbi_asm.h"

    .section .text.start, "ax"
    .option norvc
    .globl _start
_start:
    /* Only the boot hart comes here; nothing else runs yet, so .bss can be cleared. */
    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 2f
    sd zero, 0(t0)
    addi t0, t0, 8
    j 1b
2:  la t2, test_main
    j common_entry

    .globl secondary_entry
secondary_entry:
    la t2, test_secondary

/* a0 = hartid, a1 = argument, t2 = the C function to call with (a0, a1). */
common_entry:
    li t0, MAX_HARTS
    bgeu a0, t0, park               /* no stack for this hart: stay out of the way */
    mv tp, a0
    /* stack top = stacks + (hartid + 1) * STACK_SIZE */
    la sp, stacks
    addi t0, a0, 1
    li t1, STACK_SIZE
    mul t0, t0, t1
    add sp, sp, t0
    /* trap stack top = trap_stacks + (hartid + 1) * TRAP_STACK_SIZE */
    la t3, trap_stacks
    addi t0, a0, 1
    li t1, TRAP_STACK_SIZE
    mul t0, t0, t1
    add t3, t3, t0
    csrw sscratch, t3
    la t0, trap_entry
    csrw stvec, t0
    li t0, SSTATUS_FS_INITIAL
    csrs sstatus, t0
    csrw fcsr, zero
    jalr t2
    /* test_main / test_secondary do not return; if they do, park. */
park:
    wfi
    j park

    .align 2
trap_entry:
    csrrw sp, sscratch, sp          /* sp = trap stack, sscratch = the interrupted sp */
    addi sp, sp, -FRAME_SIZE
    sd x1, 1*8(sp)
    sd x3, 3*8(sp)
    sd x4, 4*8(sp)
    sd x5, 5*8(sp)
    sd x6, 6*8(sp)
    sd x7, 7*8(sp)
    sd x8, 8*8(sp)
    sd x9, 9*8(sp)
    sd x10, 10*8(sp)
    sd x11, 11*8(sp)
    sd x12, 12*8(sp)
    sd x13, 13*8(sp)
    sd x14, 14*8(sp)
    sd x15, 15*8(sp)
    sd x16, 16*8(sp)
    sd x17, 17*8(sp)
    sd x18, 18*8(sp)
    sd x19, 19*8(sp)
    sd x20, 20*8(sp)
    sd x21, 21*8(sp)
    sd x22, 22*8(sp)
    sd x23, 23*8(sp)
    sd x24, 24*8(sp)
    sd x25, 25*8(sp)
    sd x26, 26*8(sp)
    sd x27, 27*8(sp)
    sd x28, 28*8(sp)
    sd x29, 29*8(sp)
    sd x30, 30*8(sp)
    sd x31, 31*8(sp)
    csrr t0, sscratch
    sd t0, 2*8(sp)                  /* the interrupted sp */
    addi t0, sp, FRAME_SIZE
    csrw sscratch, t0               /* ready for the next trap */
    csrr t0, sepc
    sd t0, 32*8(sp)
    csrr t0, scause
    sd t0, 33*8(sp)
    csrr t0, stval
    sd t0, 34*8(sp)
    csrr t0, sstatus
    sd t0, 35*8(sp)
    mv a0, sp
    call trap_dispatch
    ld t0, 32*8(sp)
    csrw sepc, t0
    ld x1, 1*8(sp)
    ld x3, 3*8(sp)
    ld x4, 4*8(sp)
    ld x5, 5*8(sp)
    ld x6, 6*8(sp)
    ld x7, 7*8(sp)
    ld x8, 8*8(sp)
    ld x9, 9*8(sp)
    ld x10, 10*8(sp)
    ld x11, 11*8(sp)
    ld x12, 12*8(sp)
    ld x13, 13*8(sp)
    ld x14, 14*8(sp)
    ld x15, 15*8(sp)
    ld x16, 16*8(sp)
    ld x17, 17*8(sp)
    ld x18, 18*8(sp)
    ld x19, 19*8(sp)
    ld x20, 20*8(sp)
    ld x21, 21*8(sp)
    ld x22, 22*8(sp)
    ld x23, 23*8(sp)
    ld x24, 24*8(sp)
    ld x25, 25*8(sp)
    ld x26, 26*8(sp)
    ld x27, 27*8(sp)
    ld x28, 28*8(sp)
    ld x29, 29*8(sp)
    ld x30, 30*8(sp)
    ld x31, 31*8(sp)
    ld sp, 2*8(sp)
    sret

/* Probes for accesses that may trap: a0 = address (a1 = value for stores); loads return the
 * value in a0. trap_record_and_return resumes a trapping probe at ra, so each is a leaf that
 * touches nothing but a0/a1. */
    .macro probe_load name, insn
    .globl \name
\name:
    \insn a0, 0(a0)
    ret
    .endm
    .macro probe_store name, insn
    .globl \name
\name:
    \insn a1, 0(a0)
    ret
    .endm
    probe_load probe_lb, lb
    probe_load probe_lbu, lbu
    probe_load probe_lh, lh
    probe_load probe_lhu, lhu
    probe_load probe_lw, lw
    probe_load probe_lwu, lwu
    probe_load probe_ld, ld
    probe_store probe_sb, sb
    probe_store probe_sh, sh
    probe_store probe_sw, sw
    probe_store probe_sd, sd
    /* fetch: jump to a0 with ra = the caller's return address */
    .globl probe_jump
probe_jump:
    jr a0

    .bss
    .align 12
stacks:
    .space MAX_HARTS * STACK_SIZE
trap_stacks:
    .space MAX_HARTS * TRAP_STACK_SIZE
