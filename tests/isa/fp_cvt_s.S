/* fcvt between s and integers: w, wu, l, lu (RV64) in both directions; rounding, NX,
 * saturation with NV (NaN to the largest value, no NX), negative values to unsigned, the
 * 32-bit results sign-extended on RV64 (wu too), the W sources ignoring bits 63:32. Generated
 * by tests/isa/gen/gen_fp.py (expected values from IEEE 754 and the RISC-V F/D rules in
 * gen/rvfp.py); do not edit, regenerate. A failing case number is the N in TESTNUM(N). */
#include "isa.h"
#include "fp.h"

TEST_MAIN

    /* fcvt.w.s */
    TESTNUM(1); FLI_S(fa0, 0x0); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(0)
    TESTNUM(2); FLI_S(fa0, 0x80000000); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(0)
    TESTNUM(3); FLI_S(fa0, 0x3f800000); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 1); FFLAGS(0)
#if XLEN == 32
    TESTNUM(4); FLI_S(fa0, 0xbf800000); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0xffffffff); FFLAGS(0)
#else
    TESTNUM(4); FLI_S(fa0, 0xbf800000); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(0)
#endif
    TESTNUM(5); FLI_S(fa0, 0x3fc00000); FCLEAR; fcvt.w.s a0, fa0, rtz; CHECK(a0, 1); FFLAGS(F_NX)
#if XLEN == 32
    TESTNUM(6); FLI_S(fa0, 0xbfc00000); FCLEAR; fcvt.w.s a0, fa0, rtz; CHECK(a0, 0xffffffff); FFLAGS(F_NX)
#else
    TESTNUM(6); FLI_S(fa0, 0xbfc00000); FCLEAR; fcvt.w.s a0, fa0, rtz; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NX)
#endif
    TESTNUM(7); FLI_S(fa0, 0x40200000); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 2); FFLAGS(F_NX)
    TESTNUM(8); FLI_S(fa0, 0x3dcccccd); FCLEAR; fcvt.w.s a0, fa0, rtz; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(9); FLI_S(fa0, 0x3f000000); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(10); FLI_S(fa0, 0x1); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(11); FLI_S(fa0, 0x80000001); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(12); FLI_S(fa0, 0x7f800000); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0x7fffffff); FFLAGS(F_NV)
#if XLEN == 32
    TESTNUM(13); FLI_S(fa0, 0xff800000); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0x80000000); FFLAGS(F_NV)
#else
    TESTNUM(13); FLI_S(fa0, 0xff800000); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0xffffffff80000000); FFLAGS(F_NV)
#endif
    TESTNUM(14); FLI_S(fa0, 0x7fc00000); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0x7fffffff); FFLAGS(F_NV)
    TESTNUM(15); FLI_S(fa0, 0xffc00000); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0x7fffffff); FFLAGS(F_NV)
    TESTNUM(16); FLI_S(fa0, 0x7f800001); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0x7fffffff); FFLAGS(F_NV)
    TESTNUM(17); FLI_S(fa0, 0x7f7fffff); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0x7fffffff); FFLAGS(F_NV)
#if XLEN == 32
    TESTNUM(18); FLI_S(fa0, 0xff7fffff); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0x80000000); FFLAGS(F_NV)
#else
    TESTNUM(18); FLI_S(fa0, 0xff7fffff); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0xffffffff80000000); FFLAGS(F_NV)
#endif
    TESTNUM(19); FLI_S(fa0, 0x42c80000); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0x64); FFLAGS(0)
#if XLEN == 32
    TESTNUM(20); FLI_S(fa0, 0xc0e00000); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0xfffffff9); FFLAGS(0)
#else
    TESTNUM(20); FLI_S(fa0, 0xc0e00000); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0xfffffffffffffff9); FFLAGS(0)
#endif
    TESTNUM(21); FLI_S(fa0, 0x4f000000); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0x7fffffff); FFLAGS(F_NV)
#if XLEN == 32
    TESTNUM(22); FLI_S(fa0, 0xcf000000); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0x80000000); FFLAGS(0)
#else
    TESTNUM(22); FLI_S(fa0, 0xcf000000); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0xffffffff80000000); FFLAGS(0)
#endif
#if XLEN == 32
    TESTNUM(23); FLI_S(fa0, 0xcf000001); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0x80000000); FFLAGS(F_NV)
#else
    TESTNUM(23); FLI_S(fa0, 0xcf000001); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0xffffffff80000000); FFLAGS(F_NV)
#endif
    TESTNUM(24); FLI_S(fa0, 0x4effffff); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0x7fffff80); FFLAGS(0)
#if XLEN == 32
    TESTNUM(25); FLI_S(fa0, 0xbf666666); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0xffffffff); FFLAGS(F_NX)
#else
    TESTNUM(25); FLI_S(fa0, 0xbf666666); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NX)
#endif
    TESTNUM(26); FLI_S(fa0, 0x501502f9); FCLEAR; fcvt.w.s a0, fa0, rne; CHECK(a0, 0x7fffffff); FFLAGS(F_NV)
    TESTNUM(27); FLI_S(fa0, 0xbf000000); FCLEAR; fcvt.w.s a0, fa0, rup; CHECK(a0, 0); FFLAGS(F_NX)

    /* fcvt.wu.s */
    TESTNUM(28); FLI_S(fa0, 0x0); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(0)
    TESTNUM(29); FLI_S(fa0, 0x80000000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(0)
    TESTNUM(30); FLI_S(fa0, 0x3f800000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 1); FFLAGS(0)
    TESTNUM(31); FLI_S(fa0, 0xbf800000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
    TESTNUM(32); FLI_S(fa0, 0x3fc00000); FCLEAR; fcvt.wu.s a0, fa0, rtz; CHECK(a0, 1); FFLAGS(F_NX)
    TESTNUM(33); FLI_S(fa0, 0xbfc00000); FCLEAR; fcvt.wu.s a0, fa0, rtz; CHECK(a0, 0); FFLAGS(F_NV)
    TESTNUM(34); FLI_S(fa0, 0x40200000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 2); FFLAGS(F_NX)
    TESTNUM(35); FLI_S(fa0, 0x3dcccccd); FCLEAR; fcvt.wu.s a0, fa0, rtz; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(36); FLI_S(fa0, 0x3f000000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(37); FLI_S(fa0, 0x1); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(38); FLI_S(fa0, 0x80000001); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
#if XLEN == 32
    TESTNUM(39); FLI_S(fa0, 0x7f800000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0xffffffff); FFLAGS(F_NV)
#else
    TESTNUM(39); FLI_S(fa0, 0x7f800000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
    TESTNUM(40); FLI_S(fa0, 0xff800000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#if XLEN == 32
    TESTNUM(41); FLI_S(fa0, 0x7fc00000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0xffffffff); FFLAGS(F_NV)
#else
    TESTNUM(41); FLI_S(fa0, 0x7fc00000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 32
    TESTNUM(42); FLI_S(fa0, 0xffc00000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0xffffffff); FFLAGS(F_NV)
#else
    TESTNUM(42); FLI_S(fa0, 0xffc00000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 32
    TESTNUM(43); FLI_S(fa0, 0x7f800001); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0xffffffff); FFLAGS(F_NV)
#else
    TESTNUM(43); FLI_S(fa0, 0x7f800001); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 32
    TESTNUM(44); FLI_S(fa0, 0x7f7fffff); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0xffffffff); FFLAGS(F_NV)
#else
    TESTNUM(44); FLI_S(fa0, 0x7f7fffff); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
    TESTNUM(45); FLI_S(fa0, 0xff7fffff); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
    TESTNUM(46); FLI_S(fa0, 0x42c80000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0x64); FFLAGS(0)
    TESTNUM(47); FLI_S(fa0, 0xc0e00000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#if XLEN == 32
    TESTNUM(48); FLI_S(fa0, 0x4f800000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0xffffffff); FFLAGS(F_NV)
#else
    TESTNUM(48); FLI_S(fa0, 0x4f800000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 32
    TESTNUM(49); FLI_S(fa0, 0x4f7fffff); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0xffffff00); FFLAGS(0)
#else
    TESTNUM(49); FLI_S(fa0, 0x4f7fffff); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0xffffffffffffff00); FFLAGS(0)
#endif
#if XLEN == 32
    TESTNUM(50); FLI_S(fa0, 0x4f32d05e); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0xb2d05e00); FFLAGS(0)
#else
    TESTNUM(50); FLI_S(fa0, 0x4f32d05e); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0xffffffffb2d05e00); FFLAGS(0)
#endif
    TESTNUM(51); FLI_S(fa0, 0xbecccccd); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(52); FLI_S(fa0, 0xbf000000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(53); FLI_S(fa0, 0xbf19999a); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
    TESTNUM(54); FLI_S(fa0, 0xbf800000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#if XLEN == 32
    TESTNUM(55); FLI_S(fa0, 0x4f000000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0x80000000); FFLAGS(0)
#else
    TESTNUM(55); FLI_S(fa0, 0x4f000000); FCLEAR; fcvt.wu.s a0, fa0, rne; CHECK(a0, 0xffffffff80000000); FFLAGS(0)
#endif
    TESTNUM(56); FLI_S(fa0, 0xbf000000); FCLEAR; fcvt.wu.s a0, fa0, rup; CHECK(a0, 0); FFLAGS(F_NX)

    /* fcvt.l.s */
#if XLEN == 64
    TESTNUM(57); FLI_S(fa0, 0x0); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(58); FLI_S(fa0, 0x80000000); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(59); FLI_S(fa0, 0x3f800000); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 1); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(60); FLI_S(fa0, 0xbf800000); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(61); FLI_S(fa0, 0x3fc00000); FCLEAR; fcvt.l.s a0, fa0, rtz; CHECK(a0, 1); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(62); FLI_S(fa0, 0xbfc00000); FCLEAR; fcvt.l.s a0, fa0, rtz; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(63); FLI_S(fa0, 0x40200000); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 2); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(64); FLI_S(fa0, 0x3dcccccd); FCLEAR; fcvt.l.s a0, fa0, rtz; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(65); FLI_S(fa0, 0x3f000000); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(66); FLI_S(fa0, 0x1); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(67); FLI_S(fa0, 0x80000001); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(68); FLI_S(fa0, 0x7f800000); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0x7fffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(69); FLI_S(fa0, 0xff800000); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0x8000000000000000); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(70); FLI_S(fa0, 0x7fc00000); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0x7fffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(71); FLI_S(fa0, 0xffc00000); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0x7fffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(72); FLI_S(fa0, 0x7f800001); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0x7fffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(73); FLI_S(fa0, 0x7f7fffff); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0x7fffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(74); FLI_S(fa0, 0xff7fffff); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0x8000000000000000); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(75); FLI_S(fa0, 0x42c80000); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0x64); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(76); FLI_S(fa0, 0xc0e00000); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0xfffffffffffffff9); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(77); FLI_S(fa0, 0x5f000000); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0x7fffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(78); FLI_S(fa0, 0xdf000000); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0x8000000000000000); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(79); FLI_S(fa0, 0x5effffff); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0x7fffff8000000000); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(80); FLI_S(fa0, 0xdf000001); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0x8000000000000000); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(81); FLI_S(fa0, 0x5d5e0b6b); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0xde0b6b000000000); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(82); FLI_S(fa0, 0xdd5e0b6b); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0xf21f495000000000); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(83); FLI_S(fa0, 0xbf666666); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(84); FLI_S(fa0, 0x53800000); FCLEAR; fcvt.l.s a0, fa0, rne; CHECK(a0, 0x10000000000); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(85); FLI_S(fa0, 0xbf000000); FCLEAR; fcvt.l.s a0, fa0, rup; CHECK(a0, 0); FFLAGS(F_NX)
#endif

    /* fcvt.lu.s */
#if XLEN == 64
    TESTNUM(86); FLI_S(fa0, 0x0); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(87); FLI_S(fa0, 0x80000000); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(88); FLI_S(fa0, 0x3f800000); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 1); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(89); FLI_S(fa0, 0xbf800000); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(90); FLI_S(fa0, 0x3fc00000); FCLEAR; fcvt.lu.s a0, fa0, rtz; CHECK(a0, 1); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(91); FLI_S(fa0, 0xbfc00000); FCLEAR; fcvt.lu.s a0, fa0, rtz; CHECK(a0, 0); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(92); FLI_S(fa0, 0x40200000); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 2); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(93); FLI_S(fa0, 0x3dcccccd); FCLEAR; fcvt.lu.s a0, fa0, rtz; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(94); FLI_S(fa0, 0x3f000000); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(95); FLI_S(fa0, 0x1); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(96); FLI_S(fa0, 0x80000001); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(97); FLI_S(fa0, 0x7f800000); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(98); FLI_S(fa0, 0xff800000); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(99); FLI_S(fa0, 0x7fc00000); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(100); FLI_S(fa0, 0xffc00000); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(101); FLI_S(fa0, 0x7f800001); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(102); FLI_S(fa0, 0x7f7fffff); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(103); FLI_S(fa0, 0xff7fffff); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(104); FLI_S(fa0, 0x42c80000); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0x64); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(105); FLI_S(fa0, 0xc0e00000); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(106); FLI_S(fa0, 0x5f800000); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(107); FLI_S(fa0, 0x5f7fffff); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0xffffff0000000000); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(108); FLI_S(fa0, 0x5f000000); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0x8000000000000000); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(109); FLI_S(fa0, 0xbecccccd); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(110); FLI_S(fa0, 0xbf19999a); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(111); FLI_S(fa0, 0xbf800000); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(112); FLI_S(fa0, 0x5f79ccd9); FCLEAR; fcvt.lu.s a0, fa0, rne; CHECK(a0, 0xf9ccd90000000000); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(113); FLI_S(fa0, 0xbf000000); FCLEAR; fcvt.lu.s a0, fa0, rup; CHECK(a0, 0); FFLAGS(F_NX)
#endif

    /* fcvt.s.w */
    TESTNUM(114); li a1, 0; FCLEAR; fcvt.s.w fa2, a1, rne; FCHECK_S(fa2, 0x0); FFLAGS(0)
    TESTNUM(115); li a1, 1; FCLEAR; fcvt.s.w fa2, a1, rne; FCHECK_S(fa2, 0x3f800000); FFLAGS(0)
#if XLEN == 32
    TESTNUM(116); li a1, 0xffffffff; FCLEAR; fcvt.s.w fa2, a1, rne; FCHECK_S(fa2, 0xbf800000); FFLAGS(0)
#else
    TESTNUM(116); li a1, 0xffffffffffffffff; FCLEAR; fcvt.s.w fa2, a1, rne; FCHECK_S(fa2, 0xbf800000); FFLAGS(0)
#endif
    TESTNUM(117); li a1, 0x7fffffff; FCLEAR; fcvt.s.w fa2, a1, rne; FCHECK_S(fa2, 0x4f000000); FFLAGS(F_NX)
#if XLEN == 32
    TESTNUM(118); li a1, 0x80000000; FCLEAR; fcvt.s.w fa2, a1, rne; FCHECK_S(fa2, 0xcf000000); FFLAGS(0)
#else
    TESTNUM(118); li a1, 0x180000000; FCLEAR; fcvt.s.w fa2, a1, rne; FCHECK_S(fa2, 0xcf000000); FFLAGS(0)
#endif
    TESTNUM(119); li a1, 0x1000001; FCLEAR; fcvt.s.w fa2, a1, rne; FCHECK_S(fa2, 0x4b800000); FFLAGS(F_NX)
    TESTNUM(120); li a1, 0xfeffffff; FCLEAR; fcvt.s.w fa2, a1, rne; FCHECK_S(fa2, 0xcb800000); FFLAGS(F_NX)
#if XLEN == 32
    TESTNUM(121); li a1, 0x75bcd15; FCLEAR; fcvt.s.w fa2, a1, rne; FCHECK_S(fa2, 0x4ceb79a3); FFLAGS(F_NX)
#else
    TESTNUM(121); li a1, 0x12345678075bcd15; FCLEAR; fcvt.s.w fa2, a1, rne; FCHECK_S(fa2, 0x4ceb79a3); FFLAGS(F_NX)
#endif
#if XLEN == 32
    TESTNUM(122); li a1, 0xf8a432eb; FCLEAR; fcvt.s.w fa2, a1, rne; FCHECK_S(fa2, 0xcceb79a3); FFLAGS(F_NX)
#else
    TESTNUM(122); li a1, 0xdeadbeeff8a432eb; FCLEAR; fcvt.s.w fa2, a1, rne; FCHECK_S(fa2, 0xcceb79a3); FFLAGS(F_NX)
#endif

    /* fcvt.s.wu */
    TESTNUM(123); li a1, 0; FCLEAR; fcvt.s.wu fa2, a1, rne; FCHECK_S(fa2, 0x0); FFLAGS(0)
#if XLEN == 32
    TESTNUM(124); li a1, 1; FCLEAR; fcvt.s.wu fa2, a1, rne; FCHECK_S(fa2, 0x3f800000); FFLAGS(0)
#else
    TESTNUM(124); li a1, 0xffffffff00000001; FCLEAR; fcvt.s.wu fa2, a1, rne; FCHECK_S(fa2, 0x3f800000); FFLAGS(0)
#endif
#if XLEN == 32
    TESTNUM(125); li a1, 0xffffffff; FCLEAR; fcvt.s.wu fa2, a1, rne; FCHECK_S(fa2, 0x4f800000); FFLAGS(F_NX)
#else
    TESTNUM(125); li a1, 0xffffffffffffffff; FCLEAR; fcvt.s.wu fa2, a1, rne; FCHECK_S(fa2, 0x4f800000); FFLAGS(F_NX)
#endif
    TESTNUM(126); li a1, 0x80000000; FCLEAR; fcvt.s.wu fa2, a1, rne; FCHECK_S(fa2, 0x4f000000); FFLAGS(0)
    TESTNUM(127); li a1, 0x1000001; FCLEAR; fcvt.s.wu fa2, a1, rne; FCHECK_S(fa2, 0x4b800000); FFLAGS(F_NX)
#if XLEN == 32
    TESTNUM(128); li a1, 0x80000001; FCLEAR; fcvt.s.wu fa2, a1, rne; FCHECK_S(fa2, 0x4f000000); FFLAGS(F_NX)
#else
    TESTNUM(128); li a1, 0x180000001; FCLEAR; fcvt.s.wu fa2, a1, rne; FCHECK_S(fa2, 0x4f000000); FFLAGS(F_NX)
#endif

    /* fcvt.s.l */
#if XLEN == 64
    TESTNUM(129); li a1, 0; FCLEAR; fcvt.s.l fa2, a1, rne; FCHECK_S(fa2, 0x0); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(130); li a1, 0xffffffffffffffff; FCLEAR; fcvt.s.l fa2, a1, rne; FCHECK_S(fa2, 0xbf800000); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(131); li a1, 0x4000000000000000; FCLEAR; fcvt.s.l fa2, a1, rne; FCHECK_S(fa2, 0x5e800000); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(132); li a1, 0x8000000000000000; FCLEAR; fcvt.s.l fa2, a1, rne; FCHECK_S(fa2, 0xdf000000); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(133); li a1, 0x7fffffffffffffff; FCLEAR; fcvt.s.l fa2, a1, rne; FCHECK_S(fa2, 0x5f000000); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(134); li a1, 0x20000000000001; FCLEAR; fcvt.s.l fa2, a1, rne; FCHECK_S(fa2, 0x5a000000); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(135); li a1, 0xffdfffffffffffff; FCLEAR; fcvt.s.l fa2, a1, rne; FCHECK_S(fa2, 0xda000000); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(136); li a1, 0x123456789abcdef; FCLEAR; fcvt.s.l fa2, a1, rne; FCHECK_S(fa2, 0x5b91a2b4); FFLAGS(F_NX)
#endif

    /* fcvt.s.lu */
#if XLEN == 64
    TESTNUM(137); li a1, 0; FCLEAR; fcvt.s.lu fa2, a1, rne; FCHECK_S(fa2, 0x0); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(138); li a1, 0xffffffffffffffff; FCLEAR; fcvt.s.lu fa2, a1, rne; FCHECK_S(fa2, 0x5f800000); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(139); li a1, 0x8000000000000000; FCLEAR; fcvt.s.lu fa2, a1, rne; FCHECK_S(fa2, 0x5f000000); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(140); li a1, 0x20000000000001; FCLEAR; fcvt.s.lu fa2, a1, rne; FCHECK_S(fa2, 0x5a000000); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(141); li a1, 0x8000000000000001; FCLEAR; fcvt.s.lu fa2, a1, rne; FCHECK_S(fa2, 0x5f000000); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(142); li a1, 0x123456789abcdef; FCLEAR; fcvt.s.lu fa2, a1, rne; FCHECK_S(fa2, 0x5b91a2b4); FFLAGS(F_NX)
#endif

    csrwi fcsr, 0
    li a0, 0
    ret

FP_DATA
