/* A program for ROM (tests/gdb/rom.yaml maps 64 KiB of ROM at 0x20000000): GDB's `load`
 * writes it there through the flash packets, and a breakpoint on `marker` must become a
 * hardware breakpoint (GDB cannot write a software one into read-only memory). Exits with 5
 * through sifive_test. */
    .section .text
    .globl _start
_start:
    li      t0, 0x100000            /* sifive_test */
    li      t1, (5 << 16) | 0x3333  /* FAIL with code 5: exit status 5 */
    nop
    .globl marker
marker:
    sw      t1, 0(t0)
1:  j       1b
