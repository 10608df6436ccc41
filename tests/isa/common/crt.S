/* ISA test start-up (see isa.h for the interface and the exit codes).
 *
 * _start, at 0x80000000 in M-mode, on every hart:
 *   - x1..x31 = 0; mtvec = a "skip" vector while optional state is set up, so CSRs a hart
 *     lacks are simply left alone: mstatus.FS = Initial and fcsr = 0 (FP usable), PMP entry 0
 *     = NAPOT over the whole address space with RWX (S/U-mode can access everything until a
 *     test programs PMP itself), mie = 0;
 *   - sp = top of the hart's own ISA_STACK_SIZE stack (harts with mhartid >= ISA_MAX_HARTS
 *     park at once);
 *   - mtvec = isa_trap_default: any trap the test did not expect fails with
 *     0xC0 + mcause (exceptions) or 0xE0 + cause (interrupts);
 *   - hart 0 calls test_main with a0..a7 = 0 and exits with its return value (0 = pass);
 *     other harts call test_secondary (a0 = mhartid; weak default: wfi forever), then park.
 * .bss is not cleared: the loaders give zeroed memory, and secondary harts may already run.
 * Pass/fail goes to HTIF: tohost = (code << 1) | 1; failures first print a line on the
 * HTIF console (device 1, command 1).
 */
#include "isa.h"

    .section .text.init, "ax", @progbits
    .globl _start
    .balign 4
_start:
    li x1, 0
    li x2, 0
    li x3, 0
    li x4, 0
    li x5, 0
    li x6, 0
    li x7, 0
    li x8, 0
    li x9, 0
    li x10, 0
    li x11, 0
    li x12, 0
    li x13, 0
    li x14, 0
    li x15, 0
    li x16, 0
    li x17, 0
    li x18, 0
    li x19, 0
    li x20, 0
    li x21, 0
    li x22, 0
    li x23, 0
    li x24, 0
    li x25, 0
    li x26, 0
    li x27, 0
    li x28, 0
    li x29, 0
    li x30, 0
    li x31, 0

    /* Optional state: a CSR write that traps is skipped. */
    la t0, isa_trap_skip
    csrw mtvec, t0
    csrwi mie, 0
    li t0, MSTATUS_FS_INITIAL
    csrs mstatus, t0
    csrwi fcsr, 0
    li t0, -1
    csrw pmpaddr0, t0
    li t0, 0x1f                     /* A = NAPOT, X, W, R */
    csrw pmpcfg0, t0

    /* Per-hart stack. */
    csrr t0, mhartid
    li t1, ISA_MAX_HARTS
    bgeu t0, t1, isa_park
    addi t1, t0, 1
    li t2, ISA_STACK_SIZE
    mul t1, t1, t2
    la sp, isa_stacks
    add sp, sp, t1

    la t1, isa_trap_default
    csrw mtvec, t1

    bnez t0, 1f
    li t0, 0
    li t1, 0
    li t2, 0
    call test_main
    j isa_exit
1:
    mv a0, t0
    li t0, 0
    li t1, 0
    li t2, 0
    call test_secondary
    j isa_park

/* Vector used only during start-up: skip the (32-bit) instruction that trapped. */
    .balign 4
isa_trap_skip:
    csrr t6, mepc
    addi t6, t6, 4
    csrw mepc, t6
    mret

/* Default for other harts. */
    .weak test_secondary
    .type test_secondary, @function
test_secondary:
    .globl isa_park
isa_park:
    wfi
    j isa_park

/* a0 = test_main's result: 0 passes, 1..191 fail with that code, others fail with 0xFF. */
    .globl isa_exit
isa_exit:
    beqz a0, isa_pass
    li t0, ISA_MAX_CASE
    bleu a0, t0, isa_fail
    li a0, ISA_CODE_BAD_RETURN
    j isa_fail

    .globl isa_pass
isa_pass:
    li a0, 1
    j isa_tohost_exit

/* Fail with the case number in gp. */
    .globl isa_fail_gp
isa_fail_gp:
    mv a0, gp
    /* fall through */

/* Fail with the code in a0 (1..255). */
    .globl isa_fail
isa_fail:
    mv s0, a0
    la a0, isa_msg_fail
    call isa_puts
    mv a0, s0
    call isa_putdec
    la a0, isa_msg_code
    call isa_puts
    mv a0, s0
    call isa_puthex
    la a0, isa_msg_close
    call isa_puts
    mv a0, s0
    /* fall through to exit with code a0 */
isa_fail_exit:
    slli a0, a0, 1
    ori a0, a0, 1
isa_tohost_exit:
    call isa_tohost_write
1:  j 1b

/* Any trap nobody expected. */
    .balign 4
    .globl isa_trap_default
isa_trap_default:
    csrr s1, mcause
    csrr s2, mepc
    csrr s3, mtval
    mv s4, gp
    bltz s1, 1f
    andi s0, s1, 0x1f
    addi s0, s0, ISA_CODE_EXCEPTION
    j 2f
1:  andi s0, s1, 0xf
    addi s0, s0, ISA_CODE_INTERRUPT
2:  la a0, isa_msg_trap
    call isa_puts
    mv a0, s0
    call isa_puthex
    la a0, isa_msg_mcause
    call isa_puts
    mv a0, s1
    call isa_puthex
    la a0, isa_msg_mepc
    call isa_puts
    mv a0, s2
    call isa_puthex
    la a0, isa_msg_mtval
    call isa_puts
    mv a0, s3
    call isa_puthex
    la a0, isa_msg_case
    call isa_puts
    mv a0, s4
    call isa_putdec
    li a0, '\n'
    call isa_putc
    mv a0, s0
    j isa_fail_exit

/* tohost = a0 (zero-extended on RV32), written low word first; returns once the host has
 * taken it (tohost reads 0 again) or at once for an exit. Clobbers t0-t2. */
isa_tohost_write:
    la t0, tohost
#if XLEN == 64
    sd a0, 0(t0)
#else
    sw a0, 0(t0)
    sw zero, 4(t0)
#endif
    ret

/* HTIF console: putchar a0 (device 1, command 1), then wait for and clear the reply. */
    .globl isa_putc
isa_putc:
    la t0, tohost
    la t1, fromhost
    andi a0, a0, 0xff
#if XLEN == 64
1:  ld t2, 0(t0)
    bnez t2, 1b
    li t2, 0x0101
    slli t2, t2, 48
    or t2, t2, a0
    sd t2, 0(t0)
2:  ld t2, 0(t1)
    beqz t2, 2b
    sd zero, 0(t1)
#else
1:  lw t2, 0(t0)
    lw t3, 4(t0)
    or t2, t2, t3
    bnez t2, 1b
    li t2, 0x01010000
    sw a0, 0(t0)
    sw t2, 4(t0)
2:  lw t2, 0(t1)
    lw t3, 4(t1)
    or t2, t2, t3
    beqz t2, 2b
    sw zero, 0(t1)
    sw zero, 4(t1)
#endif
    ret

/* Print the NUL-terminated string at a0. Clobbers a0, a1, t0-t3. */
    .globl isa_puts
isa_puts:
    mv a1, a0
    mv t4, ra
1:  lbu a0, 0(a1)
    beqz a0, 2f
    call isa_putc
    addi a1, a1, 1
    j 1b
2:  mv ra, t4
    ret

/* Print a0 as 0x followed by hex digits without leading zeros. */
    .globl isa_puthex
isa_puthex:
    mv t5, ra
    mv a2, a0
    li a0, '0'
    call isa_putc
    li a0, 'x'
    call isa_putc
    li a3, XLEN - 4                 /* shift of the current digit */
    li a4, 0                        /* printed a digit yet */
1:  srl a0, a2, a3
    andi a0, a0, 0xf
    or a4, a4, a0
    bnez a4, 2f
    bnez a3, 4f                     /* skip leading zeros, but print the last digit */
2:  li t0, 10
    blt a0, t0, 3f
    addi a0, a0, 'a' - '0' - 10
3:  addi a0, a0, '0'
    li a4, 1
    call isa_putc
4:  addi a3, a3, -4
    bgez a3, 1b
    mv ra, t5
    ret

/* Print a0 (unsigned, < 10^9) in decimal. */
    .globl isa_putdec
isa_putdec:
    mv t5, ra
    mv a2, a0
    li a3, 1000000000               /* divisor */
    li a4, 0                        /* printed a digit yet */
    li a5, 10
1:  divu a0, a2, a3
    remu a2, a2, a3
    or a4, a4, a0
    bnez a4, 2f
    li t0, 1
    bne a3, t0, 3f
2:  addi a0, a0, '0'
    li a4, 1
    call isa_putc
3:  divu a3, a3, a5
    bnez a3, 1b
    mv ra, t5
    ret

    .section .rodata, "a", @progbits
isa_msg_fail:   .string "isa: FAIL case "
isa_msg_code:   .string " (code "
isa_msg_close:  .string ")\n"
isa_msg_trap:   .string "isa: FAIL unexpected trap (code "
isa_msg_mcause: .string ") mcause="
isa_msg_mepc:   .string " mepc="
isa_msg_mtval:  .string " mtval="
isa_msg_case:   .string " case="

    .section .tohost, "aw", @progbits
    .balign 64
    .globl tohost
    .type tohost, @object
    .size tohost, 8                 /* QEMU requires the symbol sizes */
tohost:     .dword 0
    .globl fromhost
    .type fromhost, @object
    .size fromhost, 8
fromhost:   .dword 0

    .section .bss.isa_stacks, "aw", @nobits
    .balign 16
isa_stacks:
    .skip ISA_MAX_HARTS * ISA_STACK_SIZE
