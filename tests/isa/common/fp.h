/* Helpers for the F/D tests (tests/isa/fp_*.S), on top of isa.h. Every FP register value is
 * loaded from memory (flw / fld) and every result is checked through memory (fsd and two lw),
 * so a single-precision result is also checked to be NaN-boxed (upper 32 bits all ones).
 * Scratch registers: t0, t1 (and t6 through CHECK). */
#ifndef FP_H
#define FP_H

#ifdef __ASSEMBLER__

/* freg = the single-precision pattern bits (flw from a constant: NaN-boxed). */
.macro isa_fli_s freg, bits
    .pushsection .rodata.fpconst, "a", @progbits
    .balign 4
.Lfli\@:
    .word \bits
    .popsection
    la t0, .Lfli\@
    flw \freg, 0(t0)
.endm
#define FLI_S(freg, bits) isa_fli_s freg, bits

/* freg = the double-precision pattern bits (64-bit constant). */
.macro isa_fli_d freg, bits
    .pushsection .rodata.fpconst, "a", @progbits
    .balign 8
.Lfli\@:
    .dword \bits
    .popsection
    la t0, .Lfli\@
    fld \freg, 0(t0)
.endm
#define FLI_D(freg, bits) isa_fli_d freg, bits

/* freg holds the single-precision pattern bits, NaN-boxed. */
.macro isa_fcheck_s freg, bits
    la t0, fp_scratch
    fsd \freg, 0(t0)
    lw t1, 0(t0)
    CHECK(t1, SEXT32(\bits))
    lw t1, 4(t0)
    CHECK(t1, -1)
.endm
#define FCHECK_S(freg, bits) isa_fcheck_s freg, bits

/* freg holds the 64-bit pattern hi:lo. */
.macro isa_fcheck_d freg, hi, lo
    la t0, fp_scratch
    fsd \freg, 0(t0)
    lw t1, 0(t0)
    CHECK(t1, SEXT32(\lo))
    lw t1, 4(t0)
    CHECK(t1, SEXT32(\hi))
.endm
#define FCHECK_D(freg, hi, lo) isa_fcheck_d freg, hi, lo

/* fflags == v (NV 16, DZ 8, OF 4, UF 2, NX 1). */
#define FFLAGS(v) frflags t1; CHECK(t1, v)
#define FCLEAR csrwi fflags, 0

#define F_NX 1
#define F_UF 2
#define F_OF 4
#define F_DZ 8
#define F_NV 16

/* The scratch doubleword the checks store through; a test that uses fp.h says FP_DATA once. */
#define FP_DATA \
    DATA_SECTION; \
    .balign 8; \
fp_scratch: \
    .dword 0

#endif /* __ASSEMBLER__ */
#endif /* FP_H */
