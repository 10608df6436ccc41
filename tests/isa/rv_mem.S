/* RV32I/RV64I loads and stores: lb, lbu, lh, lhu, lw, lwu, ld (sign and zero extension,
 * positive, negative and extreme offsets, rd == rs1, rd == x0), and sb, sh, sw, sd (only the
 * low bytes of rs2 are stored, the neighbouring bytes stay). Memory is little-endian. */
#include "isa.h"

/* A 32-bit pattern as the value lw gives: sign-extended to XLEN. */
#define W32(v) ((((v) & 0xffffffff) ^ 0x80000000) - 0x80000000)

/* rd = load(base + off), compared with an immediate. */
#define TEST_LD(n, inst, result, base, off) \
    TESTNUM(n); la a1, base; inst a0, off(a1); CHECK(a0, result)

/* Store v at base + off, then check the 8 aligned bytes around it (two lw) against the
 * expected contents lo / hi; sbuf is refilled with 0xa5 bytes first. */
#define TEST_ST(n, inst, v, off, lo, hi) \
    TESTNUM(n); call fill_sbuf; la a1, sbuf + 8; li a2, v; inst a2, off(a1); \
    lw a3, 0(a1); CHECK(a3, W32(lo)); lw a3, 4(a1); CHECK(a3, W32(hi)); \
    lw a3, -4(a1); CHECK(a3, W32(0xa5a5a5a5)); lw a3, 8(a1); CHECK(a3, W32(0xa5a5a5a5))

TEST_MAIN
    addi sp, sp, -16
    SREG ra, 0(sp)

    /* tdat bytes: 01 82 7f ff 80 00 34 12 | ef cd ab 89 67 45 23 81 */
    /* lb / lbu */
    TEST_LD(1, lb, 0x01, tdat, 0)
    TEST_LD(2, lb, -126, tdat, 1)
    TEST_LD(3, lbu, 0x82, tdat, 1)
    TEST_LD(4, lb, 0x7f, tdat, 2)
    TEST_LD(5, lb, -1, tdat, 3)
    TEST_LD(6, lbu, 0xff, tdat, 3)
    TEST_LD(7, lb, -128, tdat, 4)
    TEST_LD(8, lbu, 0x80, tdat, 4)
    TEST_LD(9, lb, W32(0xffffff81), tdat, 15)
    TEST_LD(10, lbu, 0x81, tdat, 15)
    TEST_LD(11, lb, -126, tdat + 8, -7)
    TEST_LD(12, lbu, 0xef, tdat + 16, -8)

    /* lh / lhu */
    TEST_LD(13, lh, W32(0xffff8201), tdat, 0)
    TEST_LD(14, lhu, 0x8201, tdat, 0)
    TEST_LD(15, lh, W32(0xffffff7f), tdat, 2)
    TEST_LD(16, lhu, 0xff7f, tdat, 2)
    TEST_LD(17, lh, 0x0080, tdat, 4)
    TEST_LD(18, lh, 0x1234, tdat, 6)
    TEST_LD(19, lh, W32(0xffff8123), tdat, 14)
    TEST_LD(20, lhu, 0x8123, tdat, 14)
    TEST_LD(21, lh, W32(0xffffcdef), tdat + 16, -8)
    TEST_LD(22, lhu, 0xcdef, tdat + 16, -8)

    /* lw (sign-extends on RV64) */
    TEST_LD(23, lw, W32(0xff7f8201), tdat, 0)
    TEST_LD(24, lw, 0x12340080, tdat, 4)
    TEST_LD(25, lw, W32(0x89abcdef), tdat, 8)
    TEST_LD(26, lw, W32(0x81234567), tdat, 12)
    TEST_LD(27, lw, 0x12340080, tdat + 8, -4)

    /* 12-bit offset extremes: -2048 and 2047 */
    TEST_LD(28, lw, W32(0xff7f8201), tdat + 2048, -2048)
    TEST_LD(29, lbu, 0x82, tdat - 2046, 2047)
    TEST_LD(30, lhu, 0x0080, tdat - 2043, 2047)

    /* rd == rs1, rd == x0 */
    TESTNUM(31); la a1, tdat; lw a1, 4(a1); CHECK(a1, 0x12340080)
    TESTNUM(32); la a1, tdat; lw x0, 4(a1); CHECK(x0, 0)
    TESTNUM(33); la a1, tdat; lb x0, 1(a1); lhu x0, 2(a1); CHECK(x0, 0)

#if XLEN == 64
    /* lwu, ld */
    TEST_LD(34, lwu, 0xff7f8201, tdat, 0)
    TEST_LD(35, lwu, 0x12340080, tdat, 4)
    TEST_LD(36, lwu, 0x81234567, tdat, 12)
    TEST_LD(37, lwu, 0x89abcdef, tdat + 16, -8)
    TEST_LD(38, ld, 0x12340080ff7f8201, tdat, 0)
    TEST_LD(39, ld, 0x8123456789abcdef, tdat, 8)
    TEST_LD(40, ld, 0x12340080ff7f8201, tdat + 8, -8)
    TEST_LD(41, ld, 0x12340080ff7f8201, tdat + 2048, -2048)
#endif

    /* sb: only the low byte of rs2 */
    TEST_ST(50, sb, 0x12345678, 0, 0xa5a5a578, 0xa5a5a5a5)
    TEST_ST(51, sb, 0x12345678, 1, 0xa5a578a5, 0xa5a5a5a5)
    TEST_ST(52, sb, -1, 3, 0xffa5a5a5, 0xa5a5a5a5)
    TEST_ST(53, sb, 0x00, 7, 0xa5a5a5a5, 0x00a5a5a5)
    TEST_ST(54, sb, 0x81, 4, 0xa5a5a5a5, 0xa5a5a581)
    /* sh */
    TEST_ST(55, sh, 0x12345678, 0, 0xa5a55678, 0xa5a5a5a5)
    TEST_ST(56, sh, 0x12345678, 2, 0x5678a5a5, 0xa5a5a5a5)
    TEST_ST(57, sh, -2, 6, 0xa5a5a5a5, 0xfffea5a5)
    TEST_ST(58, sh, 0x8000, 4, 0xa5a5a5a5, 0xa5a58000)
    /* sw */
    TEST_ST(59, sw, 0x12345678, 0, 0x12345678, 0xa5a5a5a5)
    TEST_ST(60, sw, -1, 4, 0xa5a5a5a5, 0xffffffff)
    TEST_ST(61, sw, 0x80000001, 4, 0xa5a5a5a5, 0x80000001)
#if XLEN == 64
    TEST_ST(62, sw, 0x1122334455667788, 0, 0x55667788, 0xa5a5a5a5)
    /* sd */
    TEST_ST(63, sd, 0x1122334455667788, 0, 0x55667788, 0x11223344)
    TEST_ST(64, sd, -1, 0, 0xffffffff, 0xffffffff)
    TEST_ST(65, sd, 0x8000000000000001, 0, 0x00000001, 0x80000000)
#endif

    /* negative store offsets, and offsets -2048 / 2047 */
    TESTNUM(66); call fill_sbuf; la a1, sbuf + 12; li a2, 0x6789abcd; sw a2, -4(a1)
    la a1, sbuf; lw a3, 8(a1); CHECK(a3, W32(0x6789abcd))
    TESTNUM(67); call fill_sbuf; la a1, sbuf + 8 + 2048; li a2, 0x3c; sb a2, -2048(a1)
    la a1, sbuf; lw a3, 8(a1); CHECK(a3, W32(0xa5a5a53c))
    TESTNUM(68); call fill_sbuf; la a1, sbuf + 8 - 2047; li a2, 0x3c; sb a2, 2047(a1)
    la a1, sbuf; lw a3, 8(a1); CHECK(a3, W32(0xa5a5a53c))

    /* store then load each width back through the other loads */
    TESTNUM(69); call fill_sbuf; la a1, sbuf + 8; li a2, 0xfedcba98; sw a2, 0(a1)
    lb a3, 0(a1); CHECK(a3, W32(0xffffff98)); lbu a3, 3(a1); CHECK(a3, 0xfe)
    lh a3, 2(a1); CHECK(a3, W32(0xfffffedc)); lhu a3, 0(a1); CHECK(a3, 0xba98)
#if XLEN == 64
    TESTNUM(70); call fill_sbuf; la a1, sbuf + 8; li a2, 0xfedcba9876543210; sd a2, 0(a1)
    lw a3, 4(a1); CHECK(a3, 0xfffffffffedcba98); lwu a3, 4(a1); CHECK(a3, 0xfedcba98)
    lw a3, 0(a1); CHECK(a3, 0x76543210); ld a3, 0(a1); CHECK_REG(a3, a2)
#endif

    LREG ra, 0(sp)
    addi sp, sp, 16
    li a0, 0
    ret

/* sbuf = 32 bytes of 0xa5. Clobbers t0, t1. */
fill_sbuf:
    la t0, sbuf
    li t1, 0xa5a5a5a5
    sw t1, 0(t0)
    sw t1, 4(t0)
    sw t1, 8(t0)
    sw t1, 12(t0)
    sw t1, 16(t0)
    sw t1, 20(t0)
    sw t1, 24(t0)
    sw t1, 28(t0)
    ret

DATA_SECTION
    .balign 16
tdat:
    .byte 0x01, 0x82, 0x7f, 0xff, 0x80, 0x00, 0x34, 0x12
    .byte 0xef, 0xcd, 0xab, 0x89, 0x67, 0x45, 0x23, 0x81
    .balign 16
sbuf:
    .skip 32
