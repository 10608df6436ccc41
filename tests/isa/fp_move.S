/* F/D data movement and sign injection: flw/fsw/fld/fsd (bits unchanged, signaling NaNs
 * included; flw NaN-boxes), fmv.w.x (boxes, ignores rs1[63:32] on RV64), fmv.x.w (low 32 bits,
 * sign-extended on RV64, no boxing check), fmv.x.d/fmv.d.x (RV64), fsgnj/fsgnjn/fsgnjx.s/.d
 * (no canonicalisation, no flags), and NaN-boxing: a single-precision operand whose upper 32
 * bits are not all ones is read as the canonical NaN by every non-transfer instruction. */
#include "isa.h"
#include "fp.h"

/* fsgnj-family case: rd = inst(a, b), checked with fchk, fflags must stay 0. */
#define SGNJ_S(n, inst, a, b, r) \
    TESTNUM(n); FLI_S(fa0, a); FLI_S(fa1, b); FCLEAR; inst fa2, fa0, fa1; FCHECK_S(fa2, r); FFLAGS(0)
#define SGNJ_D(n, inst, a, b, rhi, rlo) \
    TESTNUM(n); FLI_D(fa0, a); FLI_D(fa1, b); FCLEAR; inst fa2, fa0, fa1; FCHECK_D(fa2, rhi, rlo); \
    FFLAGS(0)

TEST_MAIN
    /* flw boxes; fsw stores the low 32 bits only */
    TESTNUM(1)
    la a1, mbuf
    li a2, 0x7f800001               /* a signaling NaN: loads and stores leave it alone */
    sw a2, 0(a1)
    li a2, -1
    sw a2, 4(a1)
    flw fa0, 0(a1)
    FCLEAR
    fsd fa0, 8(a1)
    lw a3, 8(a1)
    CHECK(a3, 0x7f800001)
    lw a3, 12(a1)
    CHECK(a3, -1)
    TESTNUM(2)
    li a2, 0x11111111
    sw a2, 20(a1)
    sw a2, 28(a1)
    fsw fa0, 24(a1)
    lw a3, 24(a1)
    CHECK(a3, 0x7f800001)
    lw a3, 20(a1)
    CHECK(a3, 0x11111111)
    lw a3, 28(a1)
    CHECK(a3, 0x11111111)
    FFLAGS(0)

    /* fld / fsd: 64 bits unchanged (signaling NaN, negative zero, subnormal) */
    TESTNUM(3)
    FLI_D(fa1, 0x7ff0000000000001)
    fsd fa1, 0(a1)
    lw a3, 0(a1)
    CHECK(a3, 1)
    lw a3, 4(a1)
    CHECK(a3, 0x7ff00000)
    TESTNUM(4)
    FLI_D(fa1, 0x8000000000000000)
    FCHECK_D(fa1, 0x80000000, 0)
    FLI_D(fa1, 0x000fffffffffffff)
    FCHECK_D(fa1, 0x000fffff, 0xffffffff)
    FFLAGS(0)
    /* fld / fsd with offsets */
    TESTNUM(5)
    la a1, mbuf + 64
    li a2, 0x89abcdef
    sw a2, -16(a1)
    li a2, 0x01234567
    sw a2, -12(a1)
    fld fa2, -16(a1)
    fsd fa2, 8(a1)
    lw a3, 8(a1)
    CHECK(a3, SEXT32(0x89abcdef))
    lw a3, 12(a1)
    CHECK(a3, 0x01234567)
    flw fa3, -12(a1)
    FCHECK_S(fa3, 0x01234567)

    /* fmv.w.x: boxes the low 32 bits of rs1; fmv.x.w: the low 32 bits, sign-extended */
    TESTNUM(6)
#if XLEN == 64
    li a1, 0x12345678c0490fdb       /* bits 63:32 are ignored */
#else
    li a1, 0xc0490fdb
#endif
    fmv.w.x fa0, a1
    FCHECK_S(fa0, 0xc0490fdb)
    fmv.x.w a2, fa0
    CHECK(a2, SEXT32(0xc0490fdb))
    TESTNUM(7)
    li a1, 0x7fc00001
    fmv.w.x fa0, a1
    fmv.x.w a2, fa0
    CHECK(a2, 0x7fc00001)           /* a NaN payload survives a transfer */
    li a1, 0x7f800001
    fmv.w.x fa0, a1
    fmv.x.w a2, fa0
    CHECK(a2, 0x7f800001)
    FFLAGS(0)
    TESTNUM(8)                      /* fmv.x.w does not check NaN-boxing: low 32 bits */
    FLI_D(fa0, 0x123456789abcdef0)
    fmv.x.w a2, fa0
    CHECK(a2, SEXT32(0x9abcdef0))
    FLI_D(fa0, 0x3ff0000000000000)
    fmv.x.w a2, fa0
    CHECK(a2, 0)

#if XLEN == 64
    /* fmv.x.d / fmv.d.x (RV64): 64 bits unchanged */
    TESTNUM(9)
    li a1, 0xfff0000000000001
    fmv.d.x fa0, a1
    FCHECK_D(fa0, 0xfff00000, 0x00000001)
    fmv.x.d a2, fa0
    CHECK_REG(a1, a2)
    FLI_S(fa1, 0x3f800000)          /* a boxed single seen as 64 bits */
    fmv.x.d a2, fa1
    CHECK(a2, 0xffffffff3f800000)
    FFLAGS(0)
#endif

    /* fsgnj / fsgnjn / fsgnjx.s: magnitude of rs1, sign from rs2 / its inverse / the xor */
    SGNJ_S(10, fsgnj.s, 0x3f800000, 0x80000000, 0xbf800000)
    SGNJ_S(11, fsgnj.s, 0xbf800000, 0x00000000, 0x3f800000)
    SGNJ_S(12, fsgnj.s, 0xbf800000, 0xff800000, 0xbf800000)
    SGNJ_S(13, fsgnjn.s, 0x3f800000, 0x80000000, 0x3f800000)
    SGNJ_S(14, fsgnjn.s, 0x3f800000, 0x00000000, 0xbf800000)
    SGNJ_S(15, fsgnjn.s, 0xbf800000, 0xbf800000, 0x3f800000)
    SGNJ_S(16, fsgnjx.s, 0x3f800000, 0x80000000, 0xbf800000)
    SGNJ_S(17, fsgnjx.s, 0xbf800000, 0x80000000, 0x3f800000)
    SGNJ_S(18, fsgnjx.s, 0xbf800000, 0x00000000, 0xbf800000)
    /* NaNs pass through unchanged (payload, signaling bit) and raise nothing */
    SGNJ_S(19, fsgnj.s, 0x7f800001, 0x80000000, 0xff800001)
    SGNJ_S(20, fsgnjn.s, 0xffc12345, 0x80000000, 0x7fc12345)
    SGNJ_S(21, fsgnjx.s, 0x7fa00000, 0xffc00000, 0xffa00000)
    SGNJ_S(22, fsgnj.s, 0x00000001, 0xff800001, 0x80000001)
    /* the pseudo-instructions fmv.s / fneg.s / fabs.s */
    TESTNUM(23); FLI_S(fa0, 0xc0000000); fmv.s fa1, fa0; FCHECK_S(fa1, 0xc0000000)
    fneg.s fa1, fa0; FCHECK_S(fa1, 0x40000000); fabs.s fa1, fa0; FCHECK_S(fa1, 0x40000000)
    fabs.s fa1, fa1; FCHECK_S(fa1, 0x40000000)

    /* the same for .d */
    SGNJ_D(24, fsgnj.d, 0x3ff0000000000000, 0x8000000000000000, 0xbff00000, 0)
    SGNJ_D(25, fsgnj.d, 0xbff0000000000000, 0x7fffffffffffffff, 0x3ff00000, 0)
    SGNJ_D(26, fsgnjn.d, 0x3ff0000000000000, 0x8000000000000000, 0x3ff00000, 0)
    SGNJ_D(27, fsgnjn.d, 0x3ff0000000000000, 0x0000000000000000, 0xbff00000, 0)
    SGNJ_D(28, fsgnjx.d, 0xbff0000000000000, 0x8000000000000000, 0x3ff00000, 0)
    SGNJ_D(29, fsgnjx.d, 0xbff0000000000000, 0x0000000000000001, 0xbff00000, 0)
    SGNJ_D(30, fsgnj.d, 0x7ff0000000000001, 0x8000000000000000, 0xfff00000, 1)
    SGNJ_D(31, fsgnjn.d, 0xfff8000000012345, 0x8000000000000000, 0x7ff80000, 0x12345)
    SGNJ_D(32, fsgnjx.d, 0x0000000000000001, 0xfff8000000000000, 0x80000000, 1)
    TESTNUM(33); FLI_D(fa0, 0xc000000000000000); fmv.d fa1, fa0; FCHECK_D(fa1, 0xc0000000, 0)
    fneg.d fa1, fa0; FCHECK_D(fa1, 0x40000000, 0); fabs.d fa1, fa0; FCHECK_D(fa1, 0x40000000, 0)

    /* NaN-boxing: fa0 = 0x00000000_3f800000 (1.0f, not boxed) is the canonical NaN as a single */
    TESTNUM(34)
    FLI_D(fa0, 0x000000003f800000)
    FLI_S(fa1, 0x3f800000)
    FCLEAR
    fadd.s fa2, fa0, fa1, rne       /* canonical NaN in, canonical NaN out, quiet: no NV */
    FCHECK_S(fa2, 0x7fc00000)
    FFLAGS(0)
    TESTNUM(35)
    fclass.s a0, fa0
    CHECK(a0, 0x200)                /* quiet NaN */
    fclass.s a0, fa1
    CHECK(a0, 0x40)                 /* the boxed 1.0f: positive normal */
    TESTNUM(36)
    fsgnj.s fa2, fa0, fa1           /* sign injection sees the canonical NaN as well */
    FCHECK_S(fa2, 0x7fc00000)
    fsgnjn.s fa2, fa0, fa1
    FCHECK_S(fa2, 0xffc00000)
    fsgnjn.s fa2, fa1, fa0          /* rs2 is the canonical NaN: sign 0, inverted */
    FCHECK_S(fa2, 0xbf800000)
    fsgnjx.s fa2, fa0, fa0
    FCHECK_S(fa2, 0x7fc00000)
    FFLAGS(0)
    TESTNUM(37)
    feq.s a0, fa0, fa0
    CHECK(a0, 0)
    feq.s a0, fa1, fa1
    CHECK(a0, 1)
    FFLAGS(0)                       /* quiet comparison of a quiet NaN */
    flt.s a0, fa0, fa1
    CHECK(a0, 0)
    FFLAGS(F_NV)                    /* signaling comparison */
    FCLEAR
    TESTNUM(38)
    fmin.s fa2, fa0, fa1            /* one NaN operand: the other one */
    FCHECK_S(fa2, 0x3f800000)
    fmax.s fa2, fa1, fa0
    FCHECK_S(fa2, 0x3f800000)
    FFLAGS(0)
    TESTNUM(39)
    fcvt.d.s fa2, fa0
    FCHECK_D(fa2, 0x7ff80000, 0)
    fcvt.w.s a0, fa0, rtz
    CHECK(a0, 0x7fffffff)
    FFLAGS(F_NV)
    FCLEAR
    TESTNUM(40)                     /* a transfer out still sees the raw low 32 bits */
    la a1, mbuf
    fsw fa0, 0(a1)
    lw a2, 0(a1)
    CHECK(a2, 0x3f800000)
    TESTNUM(41)                     /* upper half all ones but one bit: still not boxed */
    FLI_D(fa0, 0xfffffffe3f800000)
    fmul.s fa2, fa0, fa1, rne
    FCHECK_S(fa2, 0x7fc00000)
    fsqrt.s fa2, fa0, rne
    FCHECK_S(fa2, 0x7fc00000)
    fmadd.s fa2, fa1, fa1, fa0, rne
    FCHECK_S(fa2, 0x7fc00000)
    FFLAGS(0)
    TESTNUM(42)                     /* the same value properly boxed is 1.0f */
    FLI_D(fa0, 0xffffffff3f800000)
    fadd.s fa2, fa0, fa1, rne
    FCHECK_S(fa2, 0x40000000)
    FFLAGS(0)
    TESTNUM(43)                     /* a boxed single read as a double is a NaN (quiet) */
    fclass.d a0, fa1
    CHECK(a0, 0x200)
    fadd.d fa2, fa1, fa1, rne
    FCHECK_D(fa2, 0x7ff80000, 0)
    FFLAGS(0)
    TESTNUM(44)                     /* every single-precision result is boxed */
    FLI_D(fa2, 0)
    fadd.s fa2, fa1, fa1, rne
    FCHECK_S(fa2, 0x40000000)
    FLI_D(fa2, 0)
    fcvt.s.w fa2, zero, rne
    FCHECK_S(fa2, 0)
    FLI_D(fa2, 0)
    fcvt.s.d fa2, fa2, rne
    FCHECK_S(fa2, 0)
    FLI_D(fa2, 0)
    fsgnj.s fa2, fa1, fa1
    FCHECK_S(fa2, 0x3f800000)
    FLI_D(fa2, 0)
    fmin.s fa2, fa1, fa1
    FCHECK_S(fa2, 0x3f800000)

    csrwi fcsr, 0
    li a0, 0
    ret

FP_DATA
    .balign 16
mbuf:
    .skip 128
