/* Zicsr on the FP CSRs: fcsr = frm[7:5] | fflags[4:0] (bits 31:8 read 0, writes ignored),
 * frm and fflags as views of it, the fsflags/fsrm/frcsr/fscsr pseudo-instructions (old value
 * returned), csrrs/csrrc/immediate forms; fflags accrue (an operation only ever sets bits);
 * operations that raise nothing leave them; an invalid frm (5..7) makes dynamic-rounding
 * instructions illegal and a reserved static rm (5, 6) is illegal; mstatus.FS becomes Dirty
 * (and SD is set) after an FP instruction, and FS = Off makes FP instructions and the FP CSRs
 * illegal. */
#include "isa.h"
#include "fp.h"

/* The next instruction must raise illegal-instruction: the handler counts the trap in s3 and
 * skips it. */
#define EXPECT_ILLEGAL(insn...) \
    li s3, 0; insn; CHECK(s3, 1); CHECK(s5, 2)
#define EXPECT_OK(insn...) \
    li s3, 0; insn; CHECK(s3, 0)

TEST_MAIN
    mv s10, ra
    csrr s2, mtvec
    la t0, trap_handler
    csrw mtvec, t0

    /* fcsr layout */
    TESTNUM(1)
    frcsr a0
    CHECK(a0, 0)                    /* crt.S cleared it */
    li a1, 0xff
    fscsr a1
    frcsr a0
    CHECK(a0, 0xff)
    frrm a0
    CHECK(a0, 7)
    frflags a0
    CHECK(a0, 0x1f)
    TESTNUM(2)
    li a1, -1
    fscsr a0, a1                    /* returns the old fcsr */
    CHECK(a0, 0xff)
    frcsr a0
    CHECK(a0, 0xff)                 /* bits 31:8 stay zero */
    TESTNUM(3)
    li a1, 0x1234
    csrw fcsr, a1
    csrr a0, fcsr
    CHECK(a0, 0x34)
    csrr a0, frm
    CHECK(a0, 1)
    csrr a0, fflags
    CHECK(a0, 0x14)

    /* frm: 3 bits; writing it leaves fflags */
    TESTNUM(4)
    li a1, 0xfa
    fsrm a0, a1                     /* old frm */
    CHECK(a0, 1)
    frrm a0
    CHECK(a0, 2)
    frflags a0
    CHECK(a0, 0x14)
    frcsr a0
    CHECK(a0, 0x54)
    fsrmi a0, 4
    CHECK(a0, 2)
    frcsr a0
    CHECK(a0, 0x94)

    /* fflags: 5 bits; writing it leaves frm */
    TESTNUM(5)
    li a1, 0xe3
    fsflags a0, a1
    CHECK(a0, 0x14)
    frflags a0
    CHECK(a0, 0x03)
    frcsr a0
    CHECK(a0, 0x83)
    fsflagsi a0, 0x1c
    CHECK(a0, 0x03)
    frcsr a0
    CHECK(a0, 0x9c)

    /* csrrs / csrrc / csrrsi / csrrci on the three views */
    TESTNUM(6)
    csrwi fcsr, 0
    csrsi fflags, 0x5
    csrr a0, fcsr
    CHECK(a0, 0x05)
    li a1, 0x3
    csrrs a0, frm, a1
    CHECK(a0, 0)
    csrr a0, fcsr
    CHECK(a0, 0x65)
    csrrci a0, fflags, 0x4
    CHECK(a0, 0x05)
    csrrc a0, fcsr, a1
    CHECK(a0, 0x61)
    csrr a0, fcsr
    CHECK(a0, 0x60)
    csrrs a0, frm, zero             /* a pure read */
    CHECK(a0, 3)
    csrwi fcsr, 0

    /* accrual: each operation ORs its flags in */
    TESTNUM(7)
    FLI_S(fa0, 0x3f800000)          /* 1 */
    FLI_S(fa1, 0x00000000)          /* 0 */
    FLI_S(fa2, 0x7f7fffff)          /* max */
    FLI_S(fa3, 0x00000001)          /* min subnormal */
    FLI_S(fa4, 0x3f000000)          /* 0.5 */
    FLI_S(fa5, 0x40400000)          /* 3 */
    FLI_S(fa6, 0xbf800000)          /* -1 */
    FCLEAR
    fdiv.s ft0, fa0, fa1, rne       /* DZ */
    FFLAGS(F_DZ)
    fdiv.s ft0, fa0, fa5, rne       /* NX */
    FFLAGS(F_DZ|F_NX)
    fsqrt.s ft0, fa6, rne           /* NV */
    FFLAGS(F_NV|F_DZ|F_NX)
    FCLEAR
    fmul.s ft0, fa2, fa5, rne       /* OF|NX */
    FFLAGS(F_OF|F_NX)
    fmul.s ft0, fa3, fa4, rne       /* UF|NX */
    FFLAGS(F_OF|F_UF|F_NX)
    fadd.s ft0, fa0, fa0, rne       /* exact: nothing new, nothing cleared */
    FFLAGS(F_OF|F_UF|F_NX)
    TESTNUM(8)
    FCLEAR
    fmul.d ft0, fa0, fa0, rne       /* boxed singles as doubles are quiet NaNs: no flag */
    FFLAGS(0)
    FLI_D(fa0, 0x3ff0000000000000)
    FLI_D(fa1, 0x0000000000000000)
    fdiv.d ft0, fa0, fa1, rne
    FLI_D(fa2, 0x7ff0000000000001)
    feq.d a0, fa2, fa0              /* signaling NaN in a quiet comparison: NV */
    FFLAGS(F_NV|F_DZ)
    FCLEAR

    /* rd = x0: the integer result is dropped, the flags are not */
    TESTNUM(9)
    FCLEAR
    FLI_S(fa0, 0x7fc00000)
    fcvt.w.s zero, fa0, rtz
    FFLAGS(F_NV)
    FCLEAR
    FLI_S(fa1, 0x7f800001)
    feq.s zero, fa1, fa1
    FFLAGS(F_NV)
    FCLEAR
    flt.s zero, fa0, fa0
    FFLAGS(F_NV)
    CHECK(zero, 0)
    FCLEAR

    /* operations that never raise flags leave them alone */
    TESTNUM(10)
    li a1, 0x1f
    fsflags a1
    FLI_S(fa0, 0x7f800001)          /* signaling NaN */
    fsgnj.s ft0, fa0, fa0
    fsgnjn.s ft0, fa0, fa0
    fmv.x.w a0, fa0
    fmv.w.x ft0, a0
    fclass.s a0, fa0
    la a1, fp_scratch
    fsw fa0, 0(a1)
    flw ft0, 0(a1)
    FFLAGS(0x1f)
    FCLEAR
    fsgnj.s ft0, fa0, fa0
    fclass.s a0, fa0
    fsw fa0, 0(a1)
    FFLAGS(0)

    /* dynamic rounding with an invalid frm is illegal; a valid frm is not */
    TESTNUM(11)
    FLI_S(fa0, 0x3f800000)
    FLI_S(fa1, 0x40400000)
    fsrmi 5
    EXPECT_ILLEGAL(fdiv.s ft0, fa0, fa1, dyn)
    fsrmi 6
    EXPECT_ILLEGAL(fadd.s ft0, fa0, fa1, dyn)
    fsrmi 7
    EXPECT_ILLEGAL(fmul.d ft0, fa0, fa1, dyn)
    EXPECT_ILLEGAL(fcvt.w.s a0, fa0, dyn)
    EXPECT_ILLEGAL(fmadd.s ft0, fa0, fa1, fa1, dyn)
    TESTNUM(12)                     /* ... instructions without rounding do not care */
    FLI_S(fa2, 0xbf800000)
    EXPECT_OK(fsgnj.s ft0, fa0, fa2)
    FCHECK_S(ft0, 0xbf800000)
    EXPECT_OK(fmin.s ft0, fa0, fa1)
    FCHECK_S(ft0, 0x3f800000)
    EXPECT_OK(feq.s a0, fa0, fa0)
    CHECK(a0, 1)
    EXPECT_OK(fclass.s a0, fa1)
    CHECK(a0, 0x40)
    EXPECT_OK(fmv.x.w a0, fa0)
    CHECK(a0, 0x3f800000)
    TESTNUM(13)                     /* ... and the static modes still work */
    EXPECT_OK(fdiv.s ft0, fa0, fa1, rup)
    FCHECK_S(ft0, 0x3eaaaaab)
    EXPECT_OK(fdiv.s ft0, fa0, fa1, rdn)
    FCHECK_S(ft0, 0x3eaaaaaa)
    TESTNUM(14)
    fsrmi 3                         /* RUP */
    EXPECT_OK(fdiv.s ft0, fa0, fa1, dyn)
    FCHECK_S(ft0, 0x3eaaaaab)
    fsrmi 0
    EXPECT_OK(fdiv.s ft0, fa0, fa1, dyn)
    FCHECK_S(ft0, 0x3eaaaaab)       /* RNE: 0x3eaaaaaa.aa.. rounds up */
    fsrmi 2
    EXPECT_OK(fdiv.s ft0, fa0, fa1, dyn)
    FCHECK_S(ft0, 0x3eaaaaaa)
    TESTNUM(15)                     /* the reserved static modes 5 and 6 */
    fsrmi 0
    EXPECT_ILLEGAL(.insn r 0x53, 5, 0x0c, ft0, fa0, fa1)   /* fdiv.s, rm = 5 */
    EXPECT_ILLEGAL(.insn r 0x53, 6, 0x00, ft0, fa0, fa1)   /* fadd.s, rm = 6 */
    EXPECT_OK(.insn r 0x53, 4, 0x0c, ft0, fa0, fa1)        /* fdiv.s, rm = 4 (RMM) */
    FCHECK_S(ft0, 0x3eaaaaab)
    csrwi fcsr, 0

    /* mstatus.FS: Dirty after an FP instruction; SD reflects it */
    TESTNUM(16)
    li t0, MSTATUS_FS
    csrc mstatus, t0
    li t0, MSTATUS_FS_INITIAL
    csrs mstatus, t0                /* FS = Initial */
    FLI_S(fa0, 0x3f800000)          /* a load writes an FP register */
    csrr a0, mstatus
    srli a1, a0, 13
    andi a1, a1, 3
    CHECK(a1, 3)
    bltz a0, 1f                     /* SD is the top bit */
    FAIL
1:
    TESTNUM(17)                     /* FS = Off: FP instructions and FP CSRs are illegal */
    li t0, MSTATUS_FS
    csrc mstatus, t0
    EXPECT_ILLEGAL(fadd.s ft0, fa0, fa0, rne)
    EXPECT_ILLEGAL(fmv.x.w a0, fa0)
    EXPECT_ILLEGAL(csrr a0, fflags)
    EXPECT_ILLEGAL(csrw frm, zero)
    EXPECT_ILLEGAL(csrr a0, fcsr)
    la a1, fp_scratch
    EXPECT_ILLEGAL(flw ft0, 0(a1))
    EXPECT_ILLEGAL(fsd ft0, 0(a1))
    csrr a0, mstatus
    srli a1, a0, 13
    andi a1, a1, 3
    CHECK(a1, 0)
    li t0, MSTATUS_FS_INITIAL
    csrs mstatus, t0

    csrw mtvec, s2
    csrwi fcsr, 0
    mv ra, s10
    li a0, 0
    ret

/* Count the trap (s3), record mcause (s5), skip the 4-byte instruction. */
    .balign 4
trap_handler:
    addi s3, s3, 1
    csrr s5, mcause
    csrr t0, mepc
    addi t0, t0, 4
    csrw mepc, t0
    mret

FP_DATA
