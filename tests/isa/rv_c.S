/* C extension: every compressed instruction of the hart's XLEN, written with explicit c.*
 * mnemonics so the assembler must use the 16-bit encodings (scripts/check-rvc.sh confirms
 * each in the disassembly). RV32: c.jal, c.flw, c.fsw, c.flwsp, c.fswsp; RV64: c.ld, c.sd,
 * c.ldsp, c.sdsp, c.addiw, c.addw, c.subw; both: the rest, c.fld/c.fsd/c.fldsp/c.fsdsp
 * included. Immediates at their extremes; 32-bit instructions at odd halfword addresses. */
#include "isa.h"

#define W32(v) ((((v) & 0xffffffff) ^ 0x80000000) - 0x80000000)

    .option rvc

TEST_MAIN
    c.mv s10, ra
    c.mv s11, sp

    /* c.li: 6-bit sign-extended immediate */
    TESTNUM(1)
    c.li a1, -32
    CHECK(a1, -32)
    c.li a1, 31
    CHECK(a1, 31)
    c.li t3, 0
    CHECK(t3, 0)

    /* c.addi (rd += sext imm6), c.nop */
    TESTNUM(2)
    c.li a1, 5
    c.addi a1, -32
    CHECK(a1, -27)
    c.addi a1, 31
    CHECK(a1, 4)
    c.nop
    CHECK(a1, 4)
    c.li s1, -1
    c.addi s1, 1                    /* wraps to 0 */
    CHECK(s1, 0)

    /* c.lui: nzimm[17:12] sign-extended, so 0x1..0x1f and 0xfffe0..0xfffff */
    TESTNUM(3)
    c.lui a1, 1
    CHECK(a1, 0x1000)
    c.lui a1, 0x1f
    CHECK(a1, 0x1f000)
    c.lui a1, 0xfffff
    CHECK(a1, W32(0xfffff000))
    c.lui a1, 0xfffe0
    CHECK(a1, W32(0xfffe0000))
    c.lui t5, 0x10
    CHECK(t5, 0x10000)

    /* c.slli / c.srli / c.srai: shamt 1..31 (RV32) or 1..63 (RV64) */
    TESTNUM(4)
    c.li a2, 1
    c.slli a2, 31
    CHECK(a2, 0x80000000)           /* no sign extension on RV64 */
    c.li a1, -1
    c.srli a1, 28
#if XLEN == 32
    CHECK(a1, 0xf)
#else
    CHECK(a1, 0x0fffffffff)
#endif
    c.li a1, -16
    c.srai a1, 2
    CHECK(a1, -4)
    c.li a1, -16
    c.srai a1, 1
    CHECK(a1, -8)
    li a1, 0x40000000
    c.srli a1, 30
    CHECK(a1, 1)
    c.li t4, 3
    c.slli t4, 1                    /* c.slli works on any register */
    CHECK(t4, 6)
#if XLEN == 64
    TESTNUM(5)
    c.li a2, 1
    c.slli a2, 63
    CHECK(a2, 0x8000000000000000)
    c.li a1, 3
    c.slli a1, 32
    CHECK(a1, 0x300000000)
    c.li a1, -1
    c.srli a1, 63
    CHECK(a1, 1)
    c.li a1, -1
    c.srli a1, 32
    CHECK(a1, 0xffffffff)
    li a1, 0x8000000000000000
    c.srai a1, 63
    CHECK(a1, -1)
    li a1, 0x8000000000000000
    c.srai a1, 32
    CHECK(a1, 0xffffffff80000000)
#endif

    /* c.andi: sign-extended imm6 */
    TESTNUM(6)
    c.li a1, -1
    c.andi a1, -16
    CHECK(a1, -16)
    c.li a1, 31
    c.andi a1, 10
    CHECK(a1, 10)
    c.li a1, -1
    c.andi a1, 0
    CHECK(a1, 0)

    /* c.sub / c.xor / c.or / c.and on x8..x15 */
    TESTNUM(7)
    c.li a2, 10
    c.li a1, 12
    c.sub a1, a2
    CHECK(a1, 2)
    c.li a1, 12
    c.xor a1, a2
    CHECK(a1, 6)
    c.li a1, 12
    c.or a1, a2
    CHECK(a1, 14)
    c.li a1, 12
    c.and a1, a2
    CHECK(a1, 8)
    c.li s0, 3
    c.li a5, 5
    c.sub s0, a5
    CHECK(s0, -2)

    /* c.mv / c.add on any registers */
    TESTNUM(8)
    c.li a1, 7
    c.mv t3, a1
    CHECK(t3, 7)
    li s7, 0x12345678
    c.mv a0, s7
    CHECK(a0, 0x12345678)
    c.li a1, 20
    c.li a2, -5
    c.add a1, a2
    CHECK(a1, 15)
    c.add s7, s7
    CHECK(s7, 0x2468acf0)

#if XLEN == 64
    /* c.addiw: 32-bit add, sign-extended; imm 0 is sext.w */
    TESTNUM(9)
    li a1, 0x7fffffff
    c.addiw a1, 1
    CHECK(a1, 0xffffffff80000000)
    li a1, 0x1ffffffff
    c.addiw a1, 0
    CHECK(a1, -1)
    li a1, 0x100000010
    c.addiw a1, -32
    CHECK(a1, -16)
    li a1, 0x100000000
    c.addiw a1, 31
    CHECK(a1, 31)

    /* c.addw / c.subw on x8..x15 */
    TESTNUM(10)
    li a1, 0x7fffffff
    c.li a2, 1
    c.addw a1, a2
    CHECK(a1, 0xffffffff80000000)
    li a1, 0x1234567800000005
    li a2, 0xfffffffe00000003
    c.addw a1, a2
    CHECK(a1, 8)
    c.li a1, 0
    li a2, 0x80000000
    c.subw a1, a2
    CHECK(a1, 0xffffffff80000000)
    li a1, 0x500000003
    c.li a2, 5
    c.subw a1, a2
    CHECK(a1, -2)
#endif

    /* c.addi4spn (rd' = sp + nzuimm, 4..1020 step 4), c.addi16sp (sp += 16..496 / -512..-16) */
    TESTNUM(11)
    la sp, cbuf
    c.addi4spn a0, sp, 4
    la a1, cbuf + 4
    CHECK_REG(a0, a1)
    c.addi4spn s1, sp, 1020
    la a1, cbuf + 1020
    CHECK_REG(s1, a1)
    c.addi16sp sp, 496
    la a1, cbuf + 496
    CHECK_REG(sp, a1)
    c.addi16sp sp, -512
    la a1, cbuf - 16
    CHECK_REG(sp, a1)
    c.addi16sp sp, 16
    la a1, cbuf
    CHECK_REG(sp, a1)

    /* c.lw / c.sw: offsets 0..124 step 4, rd'/rs1' in x8..x15, lw sign-extends */
    TESTNUM(12)
    la a1, cbuf
    li a2, 0x89abcdef
    c.sw a2, 124(a1)
    c.lw a3, 124(a1)
    CHECK(a3, W32(0x89abcdef))
    li a2, 0x01234567
    c.sw a2, 0(a1)
    c.lw s0, 0(a1)
    CHECK(s0, 0x01234567)
    lw a3, 124(a1)
    CHECK(a3, W32(0x89abcdef))
    c.lw a1, 0(a1)                  /* rd' == rs1' */
    CHECK(a1, 0x01234567)

    /* c.lwsp / c.swsp: offsets 0..252 step 4, any rd (not x0) */
    TESTNUM(13)
    la sp, cbuf
    li t0, 0xfedcba98
    c.swsp t0, 252(sp)
    c.lwsp t1, 252(sp)
    CHECK(t1, W32(0xfedcba98))
    c.swsp t0, 0(sp)
    la a1, cbuf
    lw a2, 0(a1)
    CHECK(a2, W32(0xfedcba98))
    li a2, 0x13572468
    sw a2, 8(a1)
    c.lwsp s9, 8(sp)
    CHECK(s9, 0x13572468)

#if XLEN == 64
    /* c.ld / c.sd: offsets 0..248 step 8; c.ldsp / c.sdsp: 0..504 step 8 */
    TESTNUM(14)
    la a1, cbuf
    li a2, 0x8123456789abcdef
    c.sd a2, 248(a1)
    c.ld a3, 248(a1)
    CHECK_REG(a3, a2)
    c.sd a2, 0(a1)
    ld a4, 0(a1)
    CHECK_REG(a4, a2)
    TESTNUM(15)
    la sp, cbuf
    li t0, 0x0fedcba987654321
    c.sdsp t0, 504(sp)
    c.ldsp t1, 504(sp)
    CHECK_REG(t0, t1)
    c.sdsp t0, 8(sp)
    la a1, cbuf
    ld a2, 8(a1)
    CHECK_REG(a2, t0)
    c.ldsp s8, 0(sp)
    li a3, 0x8123456789abcdef
    CHECK_REG(s8, a3)
#endif

    /* c.fld / c.fsd (f8..f15, 0..248 step 8), c.fldsp / c.fsdsp (0..504 step 8) */
    TESTNUM(16)
    la a1, cbuf
    la a2, fdat
    fld fa0, 0(a2)
    c.fsd fa0, 248(a1)
    c.fld fa1, 248(a1)
    lw a3, 248(a1)
    CHECK(a3, W32(0x89abcdef))
    lw a3, 252(a1)
    CHECK(a3, W32(0x81234567))
    feq.d a4, fa0, fa1              /* same value: read back intact */
    CHECK(a4, 1)
    c.fsd fa1, 0(a1)
    lw a3, 4(a1)
    CHECK(a3, W32(0x81234567))
    TESTNUM(17)
    la sp, cbuf
    c.fsdsp fa0, 504(sp)
    la a1, cbuf
    lw a3, 504(a1)
    CHECK(a3, W32(0x89abcdef))
    lw a3, 508(a1)
    CHECK(a3, W32(0x81234567))
    c.fldsp ft5, 504(sp)            /* c.fldsp takes any f register */
    fsd ft5, 16(a1)
    lw a3, 20(a1)
    CHECK(a3, W32(0x81234567))
    lw a3, 16(a1)
    CHECK(a3, W32(0x89abcdef))

#if XLEN == 32
    /* c.flw / c.fsw (f8..f15, 0..124 step 4), c.flwsp / c.fswsp (0..252 step 4) */
    TESTNUM(18)
    la a1, cbuf
    li a2, 0x3fc00000               /* 1.5f */
    sw a2, 0(a1)
    c.flw fa2, 0(a1)
    c.fsw fa2, 124(a1)
    lw a3, 124(a1)
    CHECK(a3, 0x3fc00000)
    fmv.x.w a4, fa2
    CHECK(a4, 0x3fc00000)
    TESTNUM(19)
    la sp, cbuf
    c.fswsp fa2, 252(sp)
    lw a3, 252(a1)
    CHECK(a3, 0x3fc00000)
    li a2, 0xc0490fdb               /* -pi */
    sw a2, 4(a1)
    c.flwsp ft6, 4(sp)
    fmv.x.w a4, ft6
    CHECK(a4, 0xc0490fdb)
#endif
    c.mv sp, s11

    /* c.j: forward, backward, to a halfword (not word) aligned target */
    TESTNUM(20)
    c.j 2f
    FAIL
1:  c.j 3f
    FAIL
2:  c.j 1b
    FAIL
3:  c.nop                           /* realign the next target to 2 mod 4 */
    .balign 4
    c.j 4f
    c.nop
4:  c.nop                           /* at 2 mod 4 */

    /* c.beqz / c.bnez: taken and not taken, backward */
    TESTNUM(21)
    c.li a1, 0
    c.beqz a1, 1f
    FAIL
1:  c.li a1, -3
    c.beqz a1, 2f
    c.bnez a1, 3f
2:  FAIL
3:  c.li s1, 0
    c.bnez s1, 2b
    c.j 5f
4:  c.j 6f
5:  c.bnez a1, 4b
    FAIL
6:

    /* c.jr / c.jalr: c.jalr links pc + 2; c.jalr ra uses the old ra as target */
    TESTNUM(22)
    la t0, 2f
    c.jr t0
    FAIL
2:  la t0, 3f
1:  c.jalr t0
    FAIL
3:  la t1, 1b + 2
    CHECK_REG(ra, t1)
    la ra, 4f
1:  c.jalr ra
    FAIL
4:  la t1, 1b + 2
    CHECK_REG(ra, t1)

#if XLEN == 32
    /* c.jal (RV32 only): ra = pc + 2 */
    TESTNUM(23)
1:  c.jal 2f
    FAIL
2:  la t1, 1b + 2
    CHECK_REG(ra, t1)
    c.jal sub_c_ret
    CHECK(a0, 77)
#endif

    /* 32-bit instructions at addresses 2 mod 4, mixed with 16-bit ones */
    TESTNUM(24)
    .balign 4
    c.nop
    li a1, 0x12345678               /* lui + addi at 2 mod 4 */
    c.addi a1, 1
    addi a1, a1, 1
    c.nop
    add a2, a1, a1
    CHECK(a2, 0x2468acf4)
    .balign 4
    c.nop
    jal ra, 1f                      /* link = pc + 4 from a 2 mod 4 address */
1:  la t1, 1b
    CHECK_REG(ra, t1)

    /* c.ebreak: a breakpoint exception at the c.ebreak, mepc its address */
    TESTNUM(25)
    csrr s2, mtvec
    la t0, ebreak_handler
    csrw mtvec, t0
    li s3, 0
1:  c.ebreak
    csrw mtvec, s2
    CHECK(s3, 1)                    /* the handler ran once */
    la t1, 1b
    CHECK_REG(s4, t1)               /* mepc */
    CHECK(s5, 3)                    /* mcause: breakpoint */

    c.mv ra, s10
    c.li a0, 0
    c.jr ra

/* trap handler for c.ebreak: record mepc in s4 and mcause in s5, count in s3, skip 2 bytes */
    .balign 4
ebreak_handler:
    csrr s4, mepc
    csrr s5, mcause
    addi s3, s3, 1
    addi t0, s4, 2
    csrw mepc, t0
    mret

#if XLEN == 32
sub_c_ret:
    c.li a0, 31
    addi a0, a0, 46
    c.jr ra
#endif

DATA_SECTION
    .balign 8
fdat:
    .dword 0x8123456789abcdef
    .balign 16
cbuf:
    .skip 1024
