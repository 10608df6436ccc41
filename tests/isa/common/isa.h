/* ISA test framework: assembler macros for tests/isa/NAME.S and tests/isa/priv/NAME.S.
 *
 * A test defines test_main (hart 0, M-mode, a0..a7 = 0, sp = its own stack, mtvec = the
 * default handler in crt.S) and either returns 0 in a0 (pass) or a failing case number, or
 * ends with PASS / FAIL, which work from any point (any stack depth, any mode that can write
 * tohost). Other harts call test_secondary (weak default: park in wfi).
 *
 * Registers: gp holds the current case number (TESTNUM); t6 is the macros' scratch register,
 * so CHECK(t6, ...) is not allowed. Everything is assembled with .option norvc (only tests
 * that want compressed code say .option rvc) and .option norelax.
 *
 * Exit codes (the test's status; the HTIF code is (code << 1) | 1 in tohost, and both socsim
 * and QEMU return the code's low 8 bits as the exit status, so every code fits in 8 bits):
 *   0          pass
 *   1..191     failing case number (gp at the failing CHECK, or test_main's return value)
 *   0xC0 + c   unexpected exception, mcause = c (0..31): 192..223
 *   0xE0 + c   unexpected interrupt, mcause = interrupt bit | c (0..15): 224..239
 *   0xFF       test_main returned a value above 191
 * On failure crt.S also prints one line through the HTIF console, e.g.
 *   isa: FAIL case 17 (code 0x11)
 *   isa: FAIL unexpected trap (code 0xc2) mcause=0x2 mepc=0x80000124 mtval=0x0 case=17
 */
#ifndef ISA_H
#define ISA_H

#ifndef XLEN
#error "build with -DXLEN=32 or -DXLEN=64"
#endif

#if XLEN == 64
#define REGBYTES 8
#define LREG ld
#define SREG sd
#define WORD_DIRECTIVE .dword
#elif XLEN == 32
#define REGBYTES 4
#define LREG lw
#define SREG sw
#define WORD_DIRECTIVE .word
#else
#error "XLEN must be 32 or 64"
#endif

/* A 32-bit pattern as lw / fmv.x.w / W instructions leave it in a register: sign-extended
 * to XLEN (usable in CHECK's immediate). */
#define SEXT32(v) ((((v) & 0xffffffff) ^ 0x80000000) - 0x80000000)

#define CLINT_BASE 0x2000000
#define CLINT_MSIP (CLINT_BASE + 0x0)
#define CLINT_MTIMECMP (CLINT_BASE + 0x4000)
#define CLINT_MTIME (CLINT_BASE + 0xbff8)

#define ISA_MAX_HARTS 8
#define ISA_STACK_SIZE 8192

/* Exit-code bases (see above). */
#define ISA_MAX_CASE 191
#define ISA_CODE_EXCEPTION 0xC0
#define ISA_CODE_INTERRUPT 0xE0
#define ISA_CODE_BAD_RETURN 0xFF

/* mstatus bits the framework and tests commonly need. */
#define MSTATUS_MIE (1 << 3)
#define MSTATUS_MPIE (1 << 7)
#define MSTATUS_SPP (1 << 8)
#define MSTATUS_MPP (3 << 11)
#define MSTATUS_FS (3 << 13)
#define MSTATUS_FS_INITIAL (1 << 13)

#ifdef __ASSEMBLER__

    .option norvc
    .option norelax

/* gp = n, the number reported if a check fails from here on. 1 <= n <= 191. */
.macro isa_testnum n
    .if (\n) < 1 || (\n) > ISA_MAX_CASE
    .error "TESTNUM: case numbers are 1..191 (the exit status is 8 bits; see isa.h)"
    .endif
    li gp, \n
.endm
#define TESTNUM(n) isa_testnum n

/* Fail with the case number in gp if reg != the immediate (li-able: 32-bit on RV32). */
.macro isa_check reg, val
    li t6, \val
    beq \reg, t6, .Lisa_ok\@
    j isa_fail_gp
.Lisa_ok\@:
.endm
#define CHECK(reg, val) isa_check reg, val

/* Fail with the case number in gp if reg1 != reg2. */
.macro isa_check_reg r1, r2
    beq \r1, \r2, .Lisa_okr\@
    j isa_fail_gp
.Lisa_okr\@:
.endm
#define CHECK_REG(r1, r2) isa_check_reg r1, r2

/* Fail with the case number in gp if reg is zero. */
.macro isa_check_nz reg
    bnez \reg, .Lisa_oknz\@
    j isa_fail_gp
.Lisa_oknz\@:
.endm
#define CHECK_NZ(reg) isa_check_nz reg

/* The end of a test: report pass / report gp as the failing case. Both never return. */
#define PASS j isa_pass
#define FAIL j isa_fail_gp
/* Fail with an explicit code (1..255) in a register or an immediate. */
#define FAIL_CODE(n) li a0, n; j isa_fail

/* Case helpers in the style of riscv-tests: operands in a1 (and a2), result in a0 (or in the
 * register named), compared with CHECK. Operand and result values are li immediates. */
#define TEST_R(n, inst, result, v1) \
    TESTNUM(n); li a1, v1; inst a0, a1; CHECK(a0, result)
#define TEST_RR(n, inst, result, v1, v2) \
    TESTNUM(n); li a1, v1; li a2, v2; inst a0, a1, a2; CHECK(a0, result)
#define TEST_RI(n, inst, result, v1, imm) \
    TESTNUM(n); li a1, v1; inst a0, a1, imm; CHECK(a0, result)
/* The same with rd == rs1, rd == rs2, rs1 == rs2 == rd, and rd == x0 (which must stay 0). */
#define TEST_RR_SRC1_EQ_DEST(n, inst, result, v1, v2) \
    TESTNUM(n); li a1, v1; li a2, v2; inst a1, a1, a2; CHECK(a1, result)
#define TEST_RR_SRC2_EQ_DEST(n, inst, result, v1, v2) \
    TESTNUM(n); li a1, v1; li a2, v2; inst a2, a1, a2; CHECK(a2, result)
#define TEST_RR_SRC12_EQ_DEST(n, inst, result, v1) \
    TESTNUM(n); li a1, v1; inst a1, a1, a1; CHECK(a1, result)
#define TEST_RR_ZERODEST(n, inst, v1, v2) \
    TESTNUM(n); li a1, v1; li a2, v2; inst x0, a1, a2; CHECK(x0, 0)
#define TEST_RI_SRC1_EQ_DEST(n, inst, result, v1, imm) \
    TESTNUM(n); li a1, v1; inst a1, a1, imm; CHECK(a1, result)

/* Sections. Code in TEXT_SECTION, test data (writable) in DATA_SECTION, read-only data in
 * RODATA_SECTION; all are in RAM, so any of them can be written. */
#define TEXT_SECTION .section .text, "ax", @progbits
#define DATA_SECTION .section .data, "aw", @progbits
#define RODATA_SECTION .section .rodata, "a", @progbits
#define BSS_SECTION .section .bss, "aw", @nobits

/* Start of the test body: test_main in .text, global. */
#define TEST_MAIN \
    TEXT_SECTION; \
    .globl test_main; \
    .type test_main, @function; \
    .balign 4; \
test_main:

/* test_secondary (other harts, a0 = mhartid, sp = the hart's stack), overriding crt's weak
 * default. */
#define TEST_SECONDARY \
    TEXT_SECTION; \
    .globl test_secondary; \
    .type test_secondary, @function; \
    .balign 4; \
test_secondary:

#endif /* __ASSEMBLER__ */
#endif /* ISA_H */
