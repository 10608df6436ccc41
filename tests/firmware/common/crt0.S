/* Start-up code for the guest test firmware: stack, gp, tp (picolibc keeps errno in TLS),
 * .bss clearing, the default trap vector, and the M-to-U-mode trampoline.
 * Everything is linked to and loaded into RAM, so there is no .data copy. */

#define FRAME_SIZE (36 * 4) /* struct rt_trap_frame in rt.h */
#define FRAME_MEPC (32 * 4)
#define FRAME_MCAUSE (33 * 4)
#define FRAME_MTVAL (34 * 4)
#define FRAME_MSTATUS (35 * 4)

    .section .text.init, "ax", @progbits
    .globl _start
_start:
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    csrr    t0, mhartid
    bnez    t0, park                /* single-hart firmware: extra harts sleep */
    la      sp, __stack_top
    la      tp, __tls_base
    la      t0, rt_trap_entry
    csrw    mtvec, t0

    la      t0, __bss_start
    la      t1, __bss_end
1:  bgeu    t0, t1, 2f
    sw      zero, 0(t0)
    addi    t0, t0, 4
    j       1b
2:
    call    __libc_init_array
    li      a0, 0                   /* argc */
    li      a1, 0                   /* argv */
    call    main
    call    exit                    /* runs fini hooks, then _exit -> rt_exit */
/* Secondary harts sleep until rt_start_secondary() fills rt_secondary and raises their MSIP;
 * with mstatus.MIE = 0 the software interrupt only ends the WFI, no trap is taken. */
park:
    li      t0, 8                   /* mie.MSIE */
    csrw    mie, t0
1:  wfi
    la      t1, rt_secondary
    lw      t2, 0(t1)               /* fn */
    beqz    t2, 1b
    lw      sp, 4(t1)               /* stack top */
    la      t0, rt_trap_entry       /* traps on this hart reach the runtime's handler */
    csrw    mtvec, t0
    csrr    a0, mhartid
    sw      zero, 0(t1)             /* mailbox consumed */
    slli    t3, a0, 2               /* clear our msip: CLINT + 4 * hartid */
    li      t4, 0x02000000
    add     t4, t4, t3
    sw      zero, 0(t4)
    jalr    t2
    j       park

/* Default direct-mode trap vector: save every register in a struct rt_trap_frame on the
 * current stack, let C decide, then resume at frame->mepc with the (possibly edited)
 * registers. */
    .text
    .balign 4
    .globl rt_trap_entry
rt_trap_entry:
    addi    sp, sp, -FRAME_SIZE
    sw      x1, 1*4(sp)
    sw      x3, 3*4(sp)
    sw      x4, 4*4(sp)
    sw      x5, 5*4(sp)
    sw      x6, 6*4(sp)
    sw      x7, 7*4(sp)
    sw      x8, 8*4(sp)
    sw      x9, 9*4(sp)
    sw      x10, 10*4(sp)
    sw      x11, 11*4(sp)
    sw      x12, 12*4(sp)
    sw      x13, 13*4(sp)
    sw      x14, 14*4(sp)
    sw      x15, 15*4(sp)
    sw      x16, 16*4(sp)
    sw      x17, 17*4(sp)
    sw      x18, 18*4(sp)
    sw      x19, 19*4(sp)
    sw      x20, 20*4(sp)
    sw      x21, 21*4(sp)
    sw      x22, 22*4(sp)
    sw      x23, 23*4(sp)
    sw      x24, 24*4(sp)
    sw      x25, 25*4(sp)
    sw      x26, 26*4(sp)
    sw      x27, 27*4(sp)
    sw      x28, 28*4(sp)
    sw      x29, 29*4(sp)
    sw      x30, 30*4(sp)
    sw      x31, 31*4(sp)
    sw      zero, 0(sp)
    addi    t0, sp, FRAME_SIZE
    sw      t0, 2*4(sp)
    csrr    t0, mepc
    sw      t0, FRAME_MEPC(sp)
    csrr    t0, mcause
    sw      t0, FRAME_MCAUSE(sp)
    csrr    t0, mtval
    sw      t0, FRAME_MTVAL(sp)
    csrr    t0, mstatus
    sw      t0, FRAME_MSTATUS(sp)

    mv      a0, sp
    call    rt_trap_dispatch

    lw      t0, FRAME_MEPC(sp)
    csrw    mepc, t0
    lw      x1, 1*4(sp)
    lw      x3, 3*4(sp)
    lw      x4, 4*4(sp)
    lw      x5, 5*4(sp)
    lw      x6, 6*4(sp)
    lw      x7, 7*4(sp)
    lw      x8, 8*4(sp)
    lw      x9, 9*4(sp)
    lw      x10, 10*4(sp)
    lw      x11, 11*4(sp)
    lw      x12, 12*4(sp)
    lw      x13, 13*4(sp)
    lw      x14, 14*4(sp)
    lw      x15, 15*4(sp)
    lw      x16, 16*4(sp)
    lw      x17, 17*4(sp)
    lw      x18, 18*4(sp)
    lw      x19, 19*4(sp)
    lw      x20, 20*4(sp)
    lw      x21, 21*4(sp)
    lw      x22, 22*4(sp)
    lw      x23, 23*4(sp)
    lw      x24, 24*4(sp)
    lw      x25, 25*4(sp)
    lw      x26, 26*4(sp)
    lw      x27, 27*4(sp)
    lw      x28, 28*4(sp)
    lw      x29, 29*4(sp)
    lw      x30, 30*4(sp)
    lw      x31, 31*4(sp)
    addi    sp, sp, FRAME_SIZE
    mret

/* void rt_enter_user(void (*fn)(void)): mret into U-mode at the trampoline, which calls fn
 * on the current stack and then asks to come back with a recognisable ecall. */
    .globl rt_enter_user
rt_enter_user:
    li      t0, 3 << 11             /* mstatus.MPP = U (00) */
    csrc    mstatus, t0
    la      t0, user_trampoline
    csrw    mepc, t0
    mret

user_trampoline:
    jalr    a0
    li      a7, 0x5e5e0001          /* RT_ECALL_LEAVE_USER in rt.c */
    ecall
1:  j       1b
