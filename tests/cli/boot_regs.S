/* What every hart gets at reset, for tests/cli/run.sh: each hart in turn prints
 *   hart=<a0> dtb=<a1> magic=<word at a1> size=<word at a1+4>
 * (the words as a little-endian load sees them), then hart 0, once all NHARTS harts have
 * printed, scribbles over the device tree and asks for a reset; after the reset the lines
 * must come again, tree included, and hart 0 exits with status 0. Built for RV32 and RV64. */
#define UART 0x10000000
#define TEST 0x100000
#define FLAG 0x80100000 /* outside the image: survives the reset */
#ifndef NHARTS
#define NHARTS 1
#endif
#if __riscv_xlen == 64
#define NIBBLES 16
#else
#define NIBBLES 8
#endif

/* a0 = the 32-bit word at s1 + off, zero-extended */
.macro lwu_a0 off
    lw      a0, \off(s1)
#if __riscv_xlen == 64
    slli    a0, a0, 32
    srli    a0, a0, 32
#endif
.endm

    .text
    .globl _start
_start:
    mv      s0, a0
    mv      s1, a1
    la      s2, turn
1:  lw      t0, 0(s2)
    bne     t0, s0, 1b
    li      s3, UART
    la      a0, s_hart
    call    puts
    mv      a0, s0
    li      a1, NIBBLES
    call    puthex
    la      a0, s_dtb
    call    puts
    mv      a0, s1
    li      a1, NIBBLES
    call    puthex
    la      a0, s_magic
    call    puts
    lwu_a0  0
    li      a1, 8
    call    puthex
    la      a0, s_size
    call    puts
    lwu_a0  4
    li      a1, 8
    call    puthex
    li      t0, '\n'
    sb      t0, 0(s3)
    lw      t0, 0(s2)
    addi    t0, t0, 1
    sw      t0, 0(s2)
    bnez    s0, spin
2:  lw      t0, 0(s2)             /* hart 0: wait for the others */
    li      t1, NHARTS
    bne     t0, t1, 2b
    li      t0, FLAG
    lw      t1, 0(t0)
    li      t2, TEST
    bnez    t1, done
    li      t1, 1
    sw      t1, 0(t0)
    sw      zero, 0(s1)           /* a reset must bring the tree back */
    li      t1, 0x7777
    sw      t1, 0(t2)
spin:
    j       spin
done:
    li      t1, 0x5555
    sw      t1, 0(t2)
    j       spin

puts:
    lbu     t0, 0(a0)
    beqz    t0, 3f
    sb      t0, 0(s3)
    addi    a0, a0, 1
    j       puts
3:  ret

/* a1 nibbles of a0, most significant first */
puthex:
    addi    a1, a1, -1
    slli    t1, a1, 2
    srl     t0, a0, t1
    andi    t0, t0, 15
    li      t2, 10
    blt     t0, t2, 4f
    addi    t0, t0, 'a' - 10
    j       5f
4:  addi    t0, t0, '0'
5:  sb      t0, 0(s3)
    bnez    a1, puthex
    ret

    .data
    .align 2
turn:   .word 0
s_hart: .asciz "hart="
s_dtb:  .asciz " dtb="
s_magic: .asciz " magic="
s_size: .asciz " size="
