/* On a hart without F, D, Zba, Zbb and Zbs (the list runs this test with the isa reduced to
 * rv32imac / rv64imac), their instructions and the FP CSRs raise illegal-instruction. crt.S's
 * FS and fcsr set-up is skipped on such a hart. */
#include "isa.h"

/* The instruction must trap exactly once with mcause 2. */
#define ILL(n, insn...) \
    TESTNUM(n); li s3, 0; insn; CHECK(s3, 1); CHECK(s5, 2)

TEST_MAIN
    csrr s2, mtvec
    la t0, trap_handler
    csrw mtvec, t0
    la a1, buf
    ILL(1, flw fa0, 0(a1))
    ILL(2, fld fa0, 0(a1))
    ILL(3, fsw fa0, 0(a1))
    ILL(4, fsd fa0, 0(a1))
    ILL(5, fadd.s fa0, fa1, fa2, rne)
    ILL(6, fadd.d fa0, fa1, fa2, rne)
    ILL(7, fmv.x.w a0, fa0)
    ILL(8, fmv.w.x fa0, a0)
    ILL(9, fcvt.d.w fa0, a0)
    ILL(10, fmadd.s fa0, fa1, fa2, fa3, rne)
    ILL(11, csrr a0, fflags)
    ILL(12, csrw frm, zero)
    ILL(13, csrr a0, fcsr)
    ILL(14, sh1add a0, a1, a2)
    ILL(15, andn a0, a1, a2)
    ILL(16, clz a0, a1)
    ILL(17, cpop a0, a1)
    ILL(18, rev8 a0, a1)
    ILL(19, orc.b a0, a1)
    ILL(20, bset a0, a1, a2)
    ILL(21, bexti a0, a1, 3)
    ILL(22, min a0, a1, a2)
    ILL(23, rori a0, a1, 3)
#if XLEN == 64
    ILL(24, add.uw a0, a1, a2)
    ILL(25, rolw a0, a1, a2)
    ILL(26, fcvt.l.d a0, fa0, rtz)
#endif
    .option push
    .option rvc
    ILL(27, c.fld fa0, 0(a1))
    ILL(28, c.fsdsp fa0, 0(sp))
#if XLEN == 32
    ILL(29, c.flw fa0, 0(a1))
    ILL(30, c.fswsp fa0, 0(sp))
#endif
    .option pop
    TESTNUM(31)                     /* the base ISA still works */
    li a1, 6
    li a2, 7
    mul a0, a1, a2
    CHECK(a0, 42)
    csrw mtvec, s2
    li a0, 0
    ret

/* Count the trap in s3, mcause in s5; skip the 2- or 4-byte instruction. */
    .balign 4
trap_handler:
    addi s3, s3, 1
    csrr s5, mcause
    csrr t0, mepc
    lhu t1, 0(t0)
    andi t1, t1, 3
    li t2, 3
    addi t0, t0, 2
    bne t1, t2, 1f
    addi t0, t0, 2
1:  csrw mepc, t0
    mret

DATA_SECTION
    .balign 8
buf: .dword 0
