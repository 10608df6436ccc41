/* Encodings outside the hart's ISA (RV32GC/RV64GC + Zba/Zbb/Zbs) raise illegal-instruction
 * (mcause 2) with mepc at the instruction: RV64-only instructions on RV32 (W forms, ld/sd/lwu,
 * .d atomics, fcvt.l/fmv.x.d, Zba/Zbb W forms), Q-extension instructions, an FP compare with an
 * unassigned funct3, unassigned OP and major opcodes, and the all-zeros and all-ones
 * patterns (the 16-bit all-zeros pattern is defined illegal by the C extension). */
#include "isa.h"

/* The .word must trap exactly once with mcause 2 and mepc at it. */
#define ILL(n, w) \
    TESTNUM(n); li s3, 0; 1: .word w; CHECK(s3, 1); CHECK(s5, 2); la t0, 1b; CHECK_REG(s4, t0)

TEST_MAIN
    csrr s2, mtvec
    la t0, trap_handler
    csrw mtvec, t0
#if XLEN == 32
    ILL(1, 0x0015051b)              /* addiw a0, a0, 1 */
    ILL(2, 0x00b5053b)              /* addw a0, a0, a1 */
    ILL(3, 0x0005b503)              /* ld a0, 0(a1) */
    ILL(4, 0x00a5b023)              /* sd a0, 0(a1) */
    ILL(5, 0x0005e503)              /* lwu a0, 0(a1) */
    ILL(6, 0x1005b52f)              /* lr.d a0, (a1) */
    ILL(7, 0x00c5b52f)              /* amoadd.d a0, a2, (a1) */
    ILL(8, 0xc0250553)              /* fcvt.l.s a0, fa0 */
    ILL(9, 0xe2050553)              /* fmv.x.d a0, fa0 */
    ILL(10, 0xd2250553)             /* fcvt.s.l fa0, a0 */
    ILL(11, 0xf2050553)             /* fmv.d.x fa0, a0 */
    ILL(12, 0x0805053b)             /* add.uw a0, a0, zero */
    ILL(13, 0x0805151b)             /* slli.uw a0, a0, 0 */
    ILL(14, 0x60b5153b)             /* rolw a0, a0, a1 */
    ILL(15, 0x6005151b)             /* clzw a0, a0 */
#endif
    ILL(20, 0x06b57553)             /* fadd.q fa0, fa0, fa1 */
    ILL(21, 0x0005c507)             /* flq fa0, 0(a1) */
    ILL(22, 0x00a5c027)             /* fsq fa0, 0(a1) */
    ILL(23, 0xa0b53553)             /* OP-FP compare, funct3 = 3 */
    ILL(24, 0x04b50533)             /* OP with funct7 = 2 */
    ILL(25, 0x0000006b)             /* major opcode 0x6b (reserved) */
    ILL(26, 0xffffffff)
    TESTNUM(28)                     /* 16-bit all zeros */
    li s3, 0
    .option push
    .option rvc
1:  .half 0
    .option pop
    .half 0x0001                    /* c.nop: realigns to 4 bytes */
    CHECK(s3, 1)
    CHECK(s5, 2)
    la t0, 1b
    CHECK_REG(s4, t0)
    csrw mtvec, s2
    li a0, 0
    ret

/* Count the trap in s3, mcause in s5, mepc in s4; skip the 2- or 4-byte instruction. */
    .balign 4
trap_handler:
    addi s3, s3, 1
    csrr s5, mcause
    csrr s4, mepc
    lhu t0, 0(s4)
    andi t0, t0, 3
    li t1, 3
    addi t2, s4, 2
    bne t0, t1, 1f
    addi t2, s4, 4
1:  csrw mepc, t2
    mret
