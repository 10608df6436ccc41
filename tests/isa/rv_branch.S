/* RV32I/RV64I control transfer: beq, bne, blt, bge, bltu, bgeu (taken and not taken, signed
 * and unsigned edges, forward and backward), jal and jalr (link value, offsets, the cleared
 * low bit of the jalr target, rd == rs1, rd == x0). */
#include "isa.h"

/* The branch must be taken: falling through fails. */
#define TEST_BR_TAKEN(n, inst, v1, v2) \
    TESTNUM(n); li a1, v1; li a2, v2; inst a1, a2, 1f; FAIL; 1:
/* The branch must not be taken. */
#define TEST_BR_NOT(n, inst, v1, v2) \
    TESTNUM(n); li a1, v1; li a2, v2; inst a1, a2, 1f; j 2f; 1: FAIL; 2:
/* Backward taken branch: jump forward over a block, branch back into it. */
#define TEST_BR_BACK(n, inst, v1, v2) \
    TESTNUM(n); li a1, v1; li a2, v2; j 2f; 1: j 3f; 2: inst a1, a2, 1b; FAIL; 3:

TEST_MAIN
    mv s11, ra                      /* ra is a test register below */
    TEST_BR_TAKEN(1, beq, 0, 0)
    TEST_BR_TAKEN(2, beq, -1, -1)
    TEST_BR_TAKEN(3, beq, 0x80000000, 0x80000000)
    TEST_BR_NOT(4, beq, 0, 1)
    TEST_BR_NOT(5, beq, 1, 0)
    TEST_BR_NOT(6, beq, -1, 1)
    TEST_BR_BACK(7, beq, 5, 5)

    TEST_BR_TAKEN(8, bne, 0, 1)
    TEST_BR_TAKEN(9, bne, 1, 0)
    TEST_BR_TAKEN(10, bne, -1, 1)
    TEST_BR_NOT(11, bne, 0, 0)
    TEST_BR_NOT(12, bne, -1, -1)
    TEST_BR_BACK(13, bne, 5, 6)

    TEST_BR_TAKEN(14, blt, 0, 1)
    TEST_BR_TAKEN(15, blt, -1, 1)
    TEST_BR_TAKEN(16, blt, -2, -1)
    TEST_BR_TAKEN(17, blt, -0x80000000, 0x7fffffff)
    TEST_BR_NOT(18, blt, 1, 0)
    TEST_BR_NOT(19, blt, 1, -1)
    TEST_BR_NOT(20, blt, -1, -2)
    TEST_BR_NOT(21, blt, 1, 1)
    TEST_BR_BACK(22, blt, -3, 3)

    TEST_BR_TAKEN(23, bge, 0, 0)
    TEST_BR_TAKEN(24, bge, 1, 0)
    TEST_BR_TAKEN(25, bge, -1, -1)
    TEST_BR_TAKEN(26, bge, 1, -1)
    TEST_BR_TAKEN(27, bge, 0x7fffffff, -0x80000000)
    TEST_BR_NOT(28, bge, 0, 1)
    TEST_BR_NOT(29, bge, -1, 1)
    TEST_BR_NOT(30, bge, -2, -1)
    TEST_BR_BACK(31, bge, 3, -3)

    TEST_BR_TAKEN(32, bltu, 0, 1)
    TEST_BR_TAKEN(33, bltu, 1, -1)
    TEST_BR_TAKEN(34, bltu, -2, -1)
    TEST_BR_TAKEN(35, bltu, 0x7fffffff, 0x80000000)
    TEST_BR_NOT(36, bltu, 1, 0)
    TEST_BR_NOT(37, bltu, -1, 1)
    TEST_BR_NOT(38, bltu, -1, -2)
    TEST_BR_NOT(39, bltu, 1, 1)
    TEST_BR_BACK(40, bltu, 3, -3)

    TEST_BR_TAKEN(41, bgeu, 0, 0)
    TEST_BR_TAKEN(42, bgeu, 1, 0)
    TEST_BR_TAKEN(43, bgeu, -1, 1)
    TEST_BR_TAKEN(44, bgeu, -1, -2)
    TEST_BR_TAKEN(45, bgeu, 0x80000000, 0x7fffffff)
    TEST_BR_NOT(46, bgeu, 0, 1)
    TEST_BR_NOT(47, bgeu, 1, -1)
    TEST_BR_NOT(48, bgeu, 0x7fffffff, 0x80000000)
    TEST_BR_BACK(49, bgeu, -3, 3)

#if XLEN == 64
    /* comparisons use all 64 bits */
    TEST_BR_NOT(50, beq, 0x100000000, 0)
    TEST_BR_TAKEN(51, blt, 0xffffffff80000000, 0x80000000)
    TEST_BR_NOT(52, bltu, 0xffffffff80000000, 0x80000000)
    TEST_BR_TAKEN(53, bge, 0x100000000, 0xffffffff)
    TEST_BR_TAKEN(54, bltu, 0xffffffff, 0x100000000)
#endif

    /* branch comparing a register with itself, and with x0 */
    TESTNUM(55); li a1, -5; beq a1, a1, 1f; FAIL; 1:
    TESTNUM(56); li a1, -5; blt a1, x0, 1f; FAIL; 1:
    TESTNUM(57); li a1, -5; bltu x0, a1, 1f; FAIL; 1:
    TESTNUM(58); bne x0, x0, 1f; j 2f; 1: FAIL; 2:

    /* long branches: +-2 KiB and more (12-bit offsets in units of 2 bytes: +-4 KiB) */
    TESTNUM(59); li a1, 1; beq a1, a1, far_fwd; FAIL
far_back:
    j 60f
    .skip 3000
far_fwd:
    TESTNUM(60); li a1, 1; bne a1, x0, far_back; FAIL
60:

    /* jal: rd = pc + 4, jumps forward and backward */
    TESTNUM(61)
1:  jal a0, 2f
    FAIL
2:  la a1, 1b
    addi a1, a1, 4
    CHECK_REG(a0, a1)
    TESTNUM(62)
    j 2f
1:  j 3f
2:  jal x0, 1b
    FAIL
3:
    TESTNUM(63)
    li ra, 0
    jal 1f                          /* jal with rd = ra */
    FAIL
1:  bnez ra, 2f
    FAIL
2:
    /* jal over a long distance (20-bit offset, +-1 MiB) */
    TESTNUM(64)
    jal t0, jal_far
    FAIL
jal_far_back:
    j 65f
    .skip 8192
jal_far:
    TESTNUM(65)
    jal x0, jal_far_back
    FAIL
65:

    /* jalr: target = (rs1 + imm) & ~1, rd = pc + 4 */
    TESTNUM(66)
    la a1, 2f
1:  jalr a0, 0(a1)
    FAIL
2:  la a2, 1b
    addi a2, a2, 4
    CHECK_REG(a0, a2)
    TESTNUM(67)                     /* positive and negative offsets */
    la a1, 2f - 8
    jalr a0, 8(a1)
    FAIL
2:  la a1, 2f + 16
    jalr x0, -16(a1)
    FAIL
2:
    TESTNUM(68)                     /* the low bit of the target is cleared */
    la a1, 2f + 1
    jalr a0, 0(a1)
    FAIL
2:  la a1, 2f
    jalr a0, 1(a1)
    FAIL
2:  la a1, 2f - 3
    jalr a0, 3(a1)                  /* a1 + 3 is even already */
    FAIL
2:
    TESTNUM(69)                     /* rd == rs1: the target uses the old rs1 */
    la a1, 2f
1:  jalr a1, 0(a1)
    FAIL
2:  la a2, 1b
    addi a2, a2, 4
    CHECK_REG(a1, a2)
    TESTNUM(70)                     /* call / ret through jalr */
    call sub_ret42
    CHECK(a0, 42)
    TESTNUM(71)                     /* rd = x0 keeps x0 zero */
    la a1, 2f
    jalr x0, 0(a1)
    FAIL
2:  CHECK(x0, 0)

    mv ra, s11
    li a0, 0
    ret

sub_ret42:
    li a0, 42
    ret
