/* A boot stage for tests/cli/run.sh, position independent so it runs as an ELF or as a raw
 * image wherever it is loaded. It prints "<name> pc=<its address> a0=<a0> a1=<a1>"; built with
 * -DNEXT=ADDR it is a bios that then jumps to ADDR with a0 and a1 unchanged (as OpenSBI's
 * fw_jump does), without it a kernel that exits with status 0. */
#define UART 0x10000000
#define TEST 0x100000
#if __riscv_xlen == 64
#define NIBBLES 16
#else
#define NIBBLES 8
#endif

    .text
    .globl _start
_start:
    auipc   s4, 0
    mv      s0, a0
    mv      s1, a1
    li      s3, UART
    la      a0, s_name
    call    puts
    la      a0, s_pc
    call    puts
    mv      a0, s4
    call    puthex
    la      a0, s_a0
    call    puts
    mv      a0, s0
    call    puthex
    la      a0, s_a1
    call    puts
    mv      a0, s1
    call    puthex
    li      t0, '\n'
    sb      t0, 0(s3)
    mv      a0, s0
    mv      a1, s1
#ifdef NEXT
    li      t0, NEXT
    jr      t0
#else
    li      t0, TEST
    li      t1, 0x5555
    sw      t1, 0(t0)
1:  j       1b
#endif

puts:
    lbu     t0, 0(a0)
    beqz    t0, 2f
    sb      t0, 0(s3)
    addi    a0, a0, 1
    j       puts
2:  ret

puthex:
    li      a1, NIBBLES
3:  addi    a1, a1, -1
    slli    t1, a1, 2
    srl     t0, a0, t1
    andi    t0, t0, 15
    li      t2, 10
    blt     t0, t2, 4f
    addi    t0, t0, 'a' - 10
    j       5f
4:  addi    t0, t0, '0'
5:  sb      t0, 0(s3)
    bnez    a1, 3b
    ret

s_pc:   .asciz " pc="
s_a0:   .asciz " a0="
s_a1:   .asciz " a1="
#ifdef NEXT
s_name: .asciz "bios"
#else
s_name: .asciz "kernel"
#endif
