/* Start-up code for the GDB test firmware, for RV32 and RV64 alike (tests/gdb/README.md).
 * Every hart starts here in M-mode. Hart 0 clears .bss, then calls main() and exit();
 * the other harts wait until hart 0 has cleared .bss and call secondary_main(hartid), whose
 * weak default sleeps in WFI. Each hart gets 64 KiB of stack below __stack_top. */

#if __riscv_xlen == 64
#define REG_S sd
#define REG_L ld
#define REGBYTES 8
#else
#define REG_S sw
#define REG_L lw
#define REGBYTES 4
#endif

    .section .text.init, "ax", @progbits
    .globl _start
_start:
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    li      t0, 0x2000              /* mstatus.FS = Initial: the FP registers are usable */
    csrs    mstatus, t0
    la      t0, gdbrt_trap          /* unexpected traps end the run with status 99 */
    csrw    mtvec, t0
    csrr    a0, mhartid
    la      sp, __stack_top
    slli    t1, a0, 16
    sub     sp, sp, t1
    bnez    a0, secondary
    la      tp, __tls_base

    la      t0, __bss_start
    la      t1, __bss_end
1:  bgeu    t0, t1, 2f
    REG_S   zero, 0(t0)
    addi    t0, t0, REGBYTES
    j       1b
2:  fence   rw, rw
    la      t0, gdbrt_bss_ready
    li      t1, 1
    sw      t1, 0(t0)
    li      a0, 0
    li      a1, 0
    call    main
    call    exit

secondary:
    la      t0, gdbrt_bss_ready
1:  lw      t1, 0(t0)
    beqz    t1, 1b
    fence   rw, rw
    call    secondary_main
2:  wfi
    j       2b

    .weak   secondary_main
secondary_main:
1:  wfi
    j       1b

    .balign 4
    .globl  gdbrt_trap
gdbrt_trap:
    li      t0, (99 << 16) | 0x3333 /* sifive_test: fail with code 99 */
    li      t1, 0x100000
    sw      t0, 0(t1)
1:  wfi
    j       1b

    .data
    .balign 4
    .globl  gdbrt_bss_ready
gdbrt_bss_ready:                    /* in .data, not .bss: hart 0 clears .bss */
    .word   0
