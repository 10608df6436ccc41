/* fcvt between d and integers: w, wu, l, lu (RV64) in both directions; rounding, NX,
 * saturation with NV (NaN to the largest value, no NX), negative values to unsigned, the
 * 32-bit results sign-extended on RV64 (wu too), the W sources ignoring bits 63:32. Generated
 * by tests/isa/gen/gen_fp.py (expected values from IEEE 754 and the RISC-V F/D rules in
 * gen/rvfp.py); do not edit, regenerate. A failing case number is the N in TESTNUM(N). */
#include "isa.h"
#include "fp.h"

TEST_MAIN

    /* fcvt.w.d */
    TESTNUM(1); FLI_D(fa0, 0x0); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(0)
    TESTNUM(2); FLI_D(fa0, 0x8000000000000000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(0)
    TESTNUM(3); FLI_D(fa0, 0x3ff0000000000000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 1); FFLAGS(0)
#if XLEN == 32
    TESTNUM(4); FLI_D(fa0, 0xbff0000000000000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0xffffffff); FFLAGS(0)
#else
    TESTNUM(4); FLI_D(fa0, 0xbff0000000000000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(0)
#endif
    TESTNUM(5); FLI_D(fa0, 0x3ff8000000000000); FCLEAR; fcvt.w.d a0, fa0, rtz; CHECK(a0, 1); FFLAGS(F_NX)
#if XLEN == 32
    TESTNUM(6); FLI_D(fa0, 0xbff8000000000000); FCLEAR; fcvt.w.d a0, fa0, rtz; CHECK(a0, 0xffffffff); FFLAGS(F_NX)
#else
    TESTNUM(6); FLI_D(fa0, 0xbff8000000000000); FCLEAR; fcvt.w.d a0, fa0, rtz; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NX)
#endif
    TESTNUM(7); FLI_D(fa0, 0x4004000000000000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 2); FFLAGS(F_NX)
    TESTNUM(8); FLI_D(fa0, 0x3fb999999999999a); FCLEAR; fcvt.w.d a0, fa0, rtz; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(9); FLI_D(fa0, 0x3fe0000000000000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(10); FLI_D(fa0, 0x1); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(11); FLI_D(fa0, 0x8000000000000001); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(12); FLI_D(fa0, 0x7ff0000000000000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0x7fffffff); FFLAGS(F_NV)
#if XLEN == 32
    TESTNUM(13); FLI_D(fa0, 0xfff0000000000000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0x80000000); FFLAGS(F_NV)
#else
    TESTNUM(13); FLI_D(fa0, 0xfff0000000000000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0xffffffff80000000); FFLAGS(F_NV)
#endif
    TESTNUM(14); FLI_D(fa0, 0x7ff8000000000000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0x7fffffff); FFLAGS(F_NV)
    TESTNUM(15); FLI_D(fa0, 0xfff8000000000000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0x7fffffff); FFLAGS(F_NV)
    TESTNUM(16); FLI_D(fa0, 0x7ff0000000000001); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0x7fffffff); FFLAGS(F_NV)
    TESTNUM(17); FLI_D(fa0, 0x7fefffffffffffff); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0x7fffffff); FFLAGS(F_NV)
#if XLEN == 32
    TESTNUM(18); FLI_D(fa0, 0xffefffffffffffff); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0x80000000); FFLAGS(F_NV)
#else
    TESTNUM(18); FLI_D(fa0, 0xffefffffffffffff); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0xffffffff80000000); FFLAGS(F_NV)
#endif
    TESTNUM(19); FLI_D(fa0, 0x4059000000000000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0x64); FFLAGS(0)
#if XLEN == 32
    TESTNUM(20); FLI_D(fa0, 0xc01c000000000000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0xfffffff9); FFLAGS(0)
#else
    TESTNUM(20); FLI_D(fa0, 0xc01c000000000000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0xfffffffffffffff9); FFLAGS(0)
#endif
    TESTNUM(21); FLI_D(fa0, 0x41e0000000000000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0x7fffffff); FFLAGS(F_NV)
#if XLEN == 32
    TESTNUM(22); FLI_D(fa0, 0xc1e0000000000000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0x80000000); FFLAGS(0)
#else
    TESTNUM(22); FLI_D(fa0, 0xc1e0000000000000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0xffffffff80000000); FFLAGS(0)
#endif
#if XLEN == 32
    TESTNUM(23); FLI_D(fa0, 0xc1e0000000200000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0x80000000); FFLAGS(F_NV)
#else
    TESTNUM(23); FLI_D(fa0, 0xc1e0000000200000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0xffffffff80000000); FFLAGS(F_NV)
#endif
    TESTNUM(24); FLI_D(fa0, 0x41dfffffffc00000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0x7fffffff); FFLAGS(0)
#if XLEN == 32
    TESTNUM(25); FLI_D(fa0, 0xbfeccccccccccccd); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0xffffffff); FFLAGS(F_NX)
#else
    TESTNUM(25); FLI_D(fa0, 0xbfeccccccccccccd); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NX)
#endif
    TESTNUM(26); FLI_D(fa0, 0x41dfffffffe00000); FCLEAR; fcvt.w.d a0, fa0, rne; CHECK(a0, 0x7fffffff); FFLAGS(F_NV)
    TESTNUM(27); FLI_D(fa0, 0xbfe0000000000000); FCLEAR; fcvt.w.d a0, fa0, rup; CHECK(a0, 0); FFLAGS(F_NX)

    /* fcvt.wu.d */
    TESTNUM(28); FLI_D(fa0, 0x0); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(0)
    TESTNUM(29); FLI_D(fa0, 0x8000000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(0)
    TESTNUM(30); FLI_D(fa0, 0x3ff0000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 1); FFLAGS(0)
    TESTNUM(31); FLI_D(fa0, 0xbff0000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
    TESTNUM(32); FLI_D(fa0, 0x3ff8000000000000); FCLEAR; fcvt.wu.d a0, fa0, rtz; CHECK(a0, 1); FFLAGS(F_NX)
    TESTNUM(33); FLI_D(fa0, 0xbff8000000000000); FCLEAR; fcvt.wu.d a0, fa0, rtz; CHECK(a0, 0); FFLAGS(F_NV)
    TESTNUM(34); FLI_D(fa0, 0x4004000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 2); FFLAGS(F_NX)
    TESTNUM(35); FLI_D(fa0, 0x3fb999999999999a); FCLEAR; fcvt.wu.d a0, fa0, rtz; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(36); FLI_D(fa0, 0x3fe0000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(37); FLI_D(fa0, 0x1); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(38); FLI_D(fa0, 0x8000000000000001); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
#if XLEN == 32
    TESTNUM(39); FLI_D(fa0, 0x7ff0000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0xffffffff); FFLAGS(F_NV)
#else
    TESTNUM(39); FLI_D(fa0, 0x7ff0000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
    TESTNUM(40); FLI_D(fa0, 0xfff0000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#if XLEN == 32
    TESTNUM(41); FLI_D(fa0, 0x7ff8000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0xffffffff); FFLAGS(F_NV)
#else
    TESTNUM(41); FLI_D(fa0, 0x7ff8000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 32
    TESTNUM(42); FLI_D(fa0, 0xfff8000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0xffffffff); FFLAGS(F_NV)
#else
    TESTNUM(42); FLI_D(fa0, 0xfff8000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 32
    TESTNUM(43); FLI_D(fa0, 0x7ff0000000000001); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0xffffffff); FFLAGS(F_NV)
#else
    TESTNUM(43); FLI_D(fa0, 0x7ff0000000000001); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 32
    TESTNUM(44); FLI_D(fa0, 0x7fefffffffffffff); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0xffffffff); FFLAGS(F_NV)
#else
    TESTNUM(44); FLI_D(fa0, 0x7fefffffffffffff); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
    TESTNUM(45); FLI_D(fa0, 0xffefffffffffffff); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
    TESTNUM(46); FLI_D(fa0, 0x4059000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0x64); FFLAGS(0)
    TESTNUM(47); FLI_D(fa0, 0xc01c000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#if XLEN == 32
    TESTNUM(48); FLI_D(fa0, 0x41f0000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0xffffffff); FFLAGS(F_NV)
#else
    TESTNUM(48); FLI_D(fa0, 0x41f0000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 32
    TESTNUM(49); FLI_D(fa0, 0x41efffffffe00000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0xffffffff); FFLAGS(0)
#else
    TESTNUM(49); FLI_D(fa0, 0x41efffffffe00000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(0)
#endif
#if XLEN == 32
    TESTNUM(50); FLI_D(fa0, 0x41e65a0bc0000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0xb2d05e00); FFLAGS(0)
#else
    TESTNUM(50); FLI_D(fa0, 0x41e65a0bc0000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0xffffffffb2d05e00); FFLAGS(0)
#endif
    TESTNUM(51); FLI_D(fa0, 0xbfd999999999999a); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(52); FLI_D(fa0, 0xbfe0000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
    TESTNUM(53); FLI_D(fa0, 0xbfe3333333333333); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
    TESTNUM(54); FLI_D(fa0, 0xbff0000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#if XLEN == 32
    TESTNUM(55); FLI_D(fa0, 0x41e0000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0x80000000); FFLAGS(0)
#else
    TESTNUM(55); FLI_D(fa0, 0x41e0000000000000); FCLEAR; fcvt.wu.d a0, fa0, rne; CHECK(a0, 0xffffffff80000000); FFLAGS(0)
#endif
    TESTNUM(56); FLI_D(fa0, 0xbfe0000000000000); FCLEAR; fcvt.wu.d a0, fa0, rup; CHECK(a0, 0); FFLAGS(F_NX)

    /* fcvt.l.d */
#if XLEN == 64
    TESTNUM(57); FLI_D(fa0, 0x0); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(58); FLI_D(fa0, 0x8000000000000000); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(59); FLI_D(fa0, 0x3ff0000000000000); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 1); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(60); FLI_D(fa0, 0xbff0000000000000); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(61); FLI_D(fa0, 0x3ff8000000000000); FCLEAR; fcvt.l.d a0, fa0, rtz; CHECK(a0, 1); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(62); FLI_D(fa0, 0xbff8000000000000); FCLEAR; fcvt.l.d a0, fa0, rtz; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(63); FLI_D(fa0, 0x4004000000000000); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 2); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(64); FLI_D(fa0, 0x3fb999999999999a); FCLEAR; fcvt.l.d a0, fa0, rtz; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(65); FLI_D(fa0, 0x3fe0000000000000); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(66); FLI_D(fa0, 0x1); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(67); FLI_D(fa0, 0x8000000000000001); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(68); FLI_D(fa0, 0x7ff0000000000000); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0x7fffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(69); FLI_D(fa0, 0xfff0000000000000); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0x8000000000000000); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(70); FLI_D(fa0, 0x7ff8000000000000); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0x7fffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(71); FLI_D(fa0, 0xfff8000000000000); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0x7fffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(72); FLI_D(fa0, 0x7ff0000000000001); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0x7fffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(73); FLI_D(fa0, 0x7fefffffffffffff); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0x7fffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(74); FLI_D(fa0, 0xffefffffffffffff); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0x8000000000000000); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(75); FLI_D(fa0, 0x4059000000000000); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0x64); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(76); FLI_D(fa0, 0xc01c000000000000); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0xfffffffffffffff9); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(77); FLI_D(fa0, 0x43e0000000000000); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0x7fffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(78); FLI_D(fa0, 0xc3e0000000000000); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0x8000000000000000); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(79); FLI_D(fa0, 0x43dfffffffffffff); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0x7ffffffffffffc00); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(80); FLI_D(fa0, 0xc3e0000000000001); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0x8000000000000000); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(81); FLI_D(fa0, 0x43abc16d674ec800); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0xde0b6b3a7640000); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(82); FLI_D(fa0, 0xc3abc16d674ec800); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0xf21f494c589c0000); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(83); FLI_D(fa0, 0xbfeccccccccccccd); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(84); FLI_D(fa0, 0x4270000000000800); FCLEAR; fcvt.l.d a0, fa0, rne; CHECK(a0, 0x10000000000); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(85); FLI_D(fa0, 0xbfe0000000000000); FCLEAR; fcvt.l.d a0, fa0, rup; CHECK(a0, 0); FFLAGS(F_NX)
#endif

    /* fcvt.lu.d */
#if XLEN == 64
    TESTNUM(86); FLI_D(fa0, 0x0); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(87); FLI_D(fa0, 0x8000000000000000); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(88); FLI_D(fa0, 0x3ff0000000000000); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 1); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(89); FLI_D(fa0, 0xbff0000000000000); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(90); FLI_D(fa0, 0x3ff8000000000000); FCLEAR; fcvt.lu.d a0, fa0, rtz; CHECK(a0, 1); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(91); FLI_D(fa0, 0xbff8000000000000); FCLEAR; fcvt.lu.d a0, fa0, rtz; CHECK(a0, 0); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(92); FLI_D(fa0, 0x4004000000000000); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 2); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(93); FLI_D(fa0, 0x3fb999999999999a); FCLEAR; fcvt.lu.d a0, fa0, rtz; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(94); FLI_D(fa0, 0x3fe0000000000000); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(95); FLI_D(fa0, 0x1); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(96); FLI_D(fa0, 0x8000000000000001); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(97); FLI_D(fa0, 0x7ff0000000000000); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(98); FLI_D(fa0, 0xfff0000000000000); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(99); FLI_D(fa0, 0x7ff8000000000000); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(100); FLI_D(fa0, 0xfff8000000000000); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(101); FLI_D(fa0, 0x7ff0000000000001); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(102); FLI_D(fa0, 0x7fefffffffffffff); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(103); FLI_D(fa0, 0xffefffffffffffff); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(104); FLI_D(fa0, 0x4059000000000000); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0x64); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(105); FLI_D(fa0, 0xc01c000000000000); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(106); FLI_D(fa0, 0x43f0000000000000); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0xffffffffffffffff); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(107); FLI_D(fa0, 0x43efffffffffffff); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0xfffffffffffff800); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(108); FLI_D(fa0, 0x43e0000000000000); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0x8000000000000000); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(109); FLI_D(fa0, 0xbfd999999999999a); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(110); FLI_D(fa0, 0xbfe3333333333333); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(111); FLI_D(fa0, 0xbff0000000000000); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0); FFLAGS(F_NV)
#endif
#if XLEN == 64
    TESTNUM(112); FLI_D(fa0, 0x43ef399b1438a100); FCLEAR; fcvt.lu.d a0, fa0, rne; CHECK(a0, 0xf9ccd8a1c5080000); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(113); FLI_D(fa0, 0xbfe0000000000000); FCLEAR; fcvt.lu.d a0, fa0, rup; CHECK(a0, 0); FFLAGS(F_NX)
#endif

    /* fcvt.d.w */
    TESTNUM(114); li a1, 0; FCLEAR; fcvt.d.w fa2, a1; FCHECK_D(fa2, 0x0, 0x0); FFLAGS(0)
    TESTNUM(115); li a1, 1; FCLEAR; fcvt.d.w fa2, a1; FCHECK_D(fa2, 0x3ff00000, 0x0); FFLAGS(0)
#if XLEN == 32
    TESTNUM(116); li a1, 0xffffffff; FCLEAR; fcvt.d.w fa2, a1; FCHECK_D(fa2, 0xbff00000, 0x0); FFLAGS(0)
#else
    TESTNUM(116); li a1, 0xffffffffffffffff; FCLEAR; fcvt.d.w fa2, a1; FCHECK_D(fa2, 0xbff00000, 0x0); FFLAGS(0)
#endif
    TESTNUM(117); li a1, 0x7fffffff; FCLEAR; fcvt.d.w fa2, a1; FCHECK_D(fa2, 0x41dfffff, 0xffc00000); FFLAGS(0)
#if XLEN == 32
    TESTNUM(118); li a1, 0x80000000; FCLEAR; fcvt.d.w fa2, a1; FCHECK_D(fa2, 0xc1e00000, 0x0); FFLAGS(0)
#else
    TESTNUM(118); li a1, 0x180000000; FCLEAR; fcvt.d.w fa2, a1; FCHECK_D(fa2, 0xc1e00000, 0x0); FFLAGS(0)
#endif
    TESTNUM(119); li a1, 0x1000001; FCLEAR; fcvt.d.w fa2, a1; FCHECK_D(fa2, 0x41700000, 0x10000000); FFLAGS(0)
    TESTNUM(120); li a1, 0xfeffffff; FCLEAR; fcvt.d.w fa2, a1; FCHECK_D(fa2, 0xc1700000, 0x10000000); FFLAGS(0)
#if XLEN == 32
    TESTNUM(121); li a1, 0x75bcd15; FCLEAR; fcvt.d.w fa2, a1; FCHECK_D(fa2, 0x419d6f34, 0x54000000); FFLAGS(0)
#else
    TESTNUM(121); li a1, 0x12345678075bcd15; FCLEAR; fcvt.d.w fa2, a1; FCHECK_D(fa2, 0x419d6f34, 0x54000000); FFLAGS(0)
#endif
#if XLEN == 32
    TESTNUM(122); li a1, 0xf8a432eb; FCLEAR; fcvt.d.w fa2, a1; FCHECK_D(fa2, 0xc19d6f34, 0x54000000); FFLAGS(0)
#else
    TESTNUM(122); li a1, 0xdeadbeeff8a432eb; FCLEAR; fcvt.d.w fa2, a1; FCHECK_D(fa2, 0xc19d6f34, 0x54000000); FFLAGS(0)
#endif

    /* fcvt.d.wu */
    TESTNUM(123); li a1, 0; FCLEAR; fcvt.d.wu fa2, a1; FCHECK_D(fa2, 0x0, 0x0); FFLAGS(0)
#if XLEN == 32
    TESTNUM(124); li a1, 1; FCLEAR; fcvt.d.wu fa2, a1; FCHECK_D(fa2, 0x3ff00000, 0x0); FFLAGS(0)
#else
    TESTNUM(124); li a1, 0xffffffff00000001; FCLEAR; fcvt.d.wu fa2, a1; FCHECK_D(fa2, 0x3ff00000, 0x0); FFLAGS(0)
#endif
#if XLEN == 32
    TESTNUM(125); li a1, 0xffffffff; FCLEAR; fcvt.d.wu fa2, a1; FCHECK_D(fa2, 0x41efffff, 0xffe00000); FFLAGS(0)
#else
    TESTNUM(125); li a1, 0xffffffffffffffff; FCLEAR; fcvt.d.wu fa2, a1; FCHECK_D(fa2, 0x41efffff, 0xffe00000); FFLAGS(0)
#endif
    TESTNUM(126); li a1, 0x80000000; FCLEAR; fcvt.d.wu fa2, a1; FCHECK_D(fa2, 0x41e00000, 0x0); FFLAGS(0)
    TESTNUM(127); li a1, 0x1000001; FCLEAR; fcvt.d.wu fa2, a1; FCHECK_D(fa2, 0x41700000, 0x10000000); FFLAGS(0)
#if XLEN == 32
    TESTNUM(128); li a1, 0x80000001; FCLEAR; fcvt.d.wu fa2, a1; FCHECK_D(fa2, 0x41e00000, 0x200000); FFLAGS(0)
#else
    TESTNUM(128); li a1, 0x180000001; FCLEAR; fcvt.d.wu fa2, a1; FCHECK_D(fa2, 0x41e00000, 0x200000); FFLAGS(0)
#endif

    /* fcvt.d.l */
#if XLEN == 64
    TESTNUM(129); li a1, 0; FCLEAR; fcvt.d.l fa2, a1, rne; FCHECK_D(fa2, 0x0, 0x0); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(130); li a1, 0xffffffffffffffff; FCLEAR; fcvt.d.l fa2, a1, rne; FCHECK_D(fa2, 0xbff00000, 0x0); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(131); li a1, 0x4000000000000000; FCLEAR; fcvt.d.l fa2, a1, rne; FCHECK_D(fa2, 0x43d00000, 0x0); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(132); li a1, 0x8000000000000000; FCLEAR; fcvt.d.l fa2, a1, rne; FCHECK_D(fa2, 0xc3e00000, 0x0); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(133); li a1, 0x7fffffffffffffff; FCLEAR; fcvt.d.l fa2, a1, rne; FCHECK_D(fa2, 0x43e00000, 0x0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(134); li a1, 0x20000000000001; FCLEAR; fcvt.d.l fa2, a1, rne; FCHECK_D(fa2, 0x43400000, 0x0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(135); li a1, 0xffdfffffffffffff; FCLEAR; fcvt.d.l fa2, a1, rne; FCHECK_D(fa2, 0xc3400000, 0x0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(136); li a1, 0x123456789abcdef; FCLEAR; fcvt.d.l fa2, a1, rne; FCHECK_D(fa2, 0x43723456, 0x789abcdf); FFLAGS(F_NX)
#endif

    /* fcvt.d.lu */
#if XLEN == 64
    TESTNUM(137); li a1, 0; FCLEAR; fcvt.d.lu fa2, a1, rne; FCHECK_D(fa2, 0x0, 0x0); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(138); li a1, 0xffffffffffffffff; FCLEAR; fcvt.d.lu fa2, a1, rne; FCHECK_D(fa2, 0x43f00000, 0x0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(139); li a1, 0x8000000000000000; FCLEAR; fcvt.d.lu fa2, a1, rne; FCHECK_D(fa2, 0x43e00000, 0x0); FFLAGS(0)
#endif
#if XLEN == 64
    TESTNUM(140); li a1, 0x20000000000001; FCLEAR; fcvt.d.lu fa2, a1, rne; FCHECK_D(fa2, 0x43400000, 0x0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(141); li a1, 0x8000000000000001; FCLEAR; fcvt.d.lu fa2, a1, rne; FCHECK_D(fa2, 0x43e00000, 0x0); FFLAGS(F_NX)
#endif
#if XLEN == 64
    TESTNUM(142); li a1, 0x123456789abcdef; FCLEAR; fcvt.d.lu fa2, a1, rne; FCHECK_D(fa2, 0x43723456, 0x789abcdf); FFLAGS(F_NX)
#endif

    csrwi fcsr, 0
    li a0, 0
    ret

FP_DATA
