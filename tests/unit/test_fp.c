/* F and D arithmetic (rv_fp.c): instructions are encoded here from the ISA manual's OP-FP and
 * R4 layouts, decoded with rv_decode and executed with rv_fp_exec on a bare hart. Expected
 * results are derived by hand from IEEE 754-2008 and the RISC-V F/D chapters; each
 * non-obvious value says how. Notation: 0x1.8p+1 is 1.5 * 2^1; "ulp" is the spacing of the
 * format at the result; single precision has 24 significant bits (2^-126 smallest normal,
 * 2^-149 smallest subnormal), double 53 (2^-1022, 2^-1074). */
#include <string.h>

#include "models/cpu/riscv/rv_private.h"
#include "unit.h"

#define BOX 0xffffffff00000000ull
#define FS_INITIAL (1ull << 13)
#define FS_CLEAN (2ull << 13)
#define FS_DIRTY (3ull << 13)
#define EXTS_F (RV_EXT_I | RV_EXT_M | RV_EXT_A | RV_EXT_C | RV_EXT_ZICSR | RV_EXT_F)
#define EXTS_FD (EXTS_F | RV_EXT_D)

enum { RNE, RTZ, RDN, RUP, RMM, DYN = 7 };
enum { NX = 1, UF = 2, OF = 4, DZ = 8, NV = 16 };
enum { S = 0, D = 1 }; /* fmt field */

/* Singles */
#define S_ONE 0x3f800000u
#define S_TWO 0x40000000u
#define S_THREE 0x40400000u
#define S_HALF 0x3f000000u
#define S_MONE 0xbf800000u
#define S_PZERO 0x00000000u
#define S_NZERO 0x80000000u
#define S_PINF 0x7f800000u
#define S_NINF 0xff800000u
#define S_MAX 0x7f7fffffu     /* (2 - 2^-23) * 2^127 */
#define S_MIN_NORMAL 0x00800000u
#define S_QNAN 0x7fc00000u    /* the canonical NaN */
#define S_SNAN 0x7f800001u    /* quiet bit (22) clear */
#define S_QNAN_PAYLOAD 0x7fc12345u
/* Doubles */
#define D_ONE 0x3ff0000000000000ull
#define D_TWO 0x4000000000000000ull
#define D_THREE 0x4008000000000000ull
#define D_HALF 0x3fe0000000000000ull
#define D_MONE 0xbff0000000000000ull
#define D_PZERO 0x0000000000000000ull
#define D_NZERO 0x8000000000000000ull
#define D_PINF 0x7ff0000000000000ull
#define D_NINF 0xfff0000000000000ull
#define D_MAX 0x7fefffffffffffffull
#define D_MIN_NORMAL 0x0010000000000000ull
#define D_QNAN 0x7ff8000000000000ull
#define D_SNAN 0x7ff0000000000001ull
#define D_QNAN_PAYLOAD 0x7ff8000000abcdefull

/* funct5 of OP-FP (opcode 0x53) and the R4 opcodes, from the ISA manual's opcode map. */
enum {
    F5_ADD = 0x00, F5_SUB = 0x01, F5_MUL = 0x02, F5_DIV = 0x03, F5_SGNJ = 0x04, F5_MINMAX = 0x05,
    F5_CVT_FF = 0x08, F5_SQRT = 0x0b, F5_CMP = 0x14, F5_CVT_XF = 0x18, F5_CVT_FX = 0x1a,
    F5_MV_XF = 0x1c, F5_MV_FX = 0x1e,
};
enum { OPC_FMADD = 0x43, OPC_FMSUB = 0x47, OPC_FNMSUB = 0x4b, OPC_FNMADD = 0x4f };

/* Constant expressions, so tables can hold them. */
#define OP_FP(f5, fmt, rs2, rs1, rm, rd)                                                        \
    ((uint32_t)(f5) << 27 | (uint32_t)(fmt) << 25 | (uint32_t)(rs2) << 20 |                     \
     (uint32_t)(rs1) << 15 | (uint32_t)(rm) << 12 | (uint32_t)(rd) << 7 | 0x53u)
#define OP_R4(opc, rs3, fmt, rs2, rs1, rm, rd)                                                  \
    ((uint32_t)(rs3) << 27 | (uint32_t)(fmt) << 25 | (uint32_t)(rs2) << 20 |                    \
     (uint32_t)(rs1) << 15 | (uint32_t)(rm) << 12 | (uint32_t)(rd) << 7 | (uint32_t)(opc))

/* Every test runs with sources in f1, f2, f3 (or x1) and the destination f4 (or x4). */
#define FR(f5, fmt, rm) OP_FP(f5, fmt, 2, 1, rm, 4)
#define FR1(f5, fmt, rs2, rm) OP_FP(f5, fmt, rs2, 1, rm, 4)
#define R4(opc, fmt, rm) OP_R4(opc, 3, fmt, 2, 1, rm, 4)

static struct rv_hart *hart(unsigned xlen, unsigned exts)
{
    struct rv_hart *h = calloc(1, sizeof(*h));
    CU_ASSERT_FATAL(h != NULL);
    h->xlen = xlen;
    h->exts = exts;
    h->mstatus = FS_INITIAL;
    return h;
}

/* Decode bits for h; the decoder must pick op. Then execute. */
static bool exec(struct rv_hart *h, uint32_t bits, unsigned op)
{
    struct rv_insn in;
    memset(&in, 0, sizeof(in));
    rv_decode(bits, h->exts, h->xlen, &in);
    if (in.op != op)
        fprintf(stderr, "\n  %08x decodes to %s", bits, rv_insn_name(in.id));
    CU_ASSERT_EQUAL_FATAL(in.op, op);
    return rv_fp_exec(h, &in);
}

/* One floating-point-result case: f4 = op(f1, f2, f3) with rounding mode rm. */
struct fcase {
    unsigned rm;
    uint64_t a, b, c;
    uint64_t want;
    unsigned flags;
};

/* Report a mismatching case by number (CUnit only says which assertion failed). */
static void check(const char *what, size_t i, bool ok, uint64_t got, unsigned flags,
                  uint64_t want, unsigned want_flags)
{
    if (!ok || got != want || flags != want_flags)
        fprintf(stderr, "\n  %s case %zu: got %016llx flags %02x, want %016llx flags %02x", what,
                i, (unsigned long long)got, flags, (unsigned long long)want, want_flags);
    CU_ASSERT(ok);
    CU_ASSERT_EQUAL(got, want);
    CU_ASSERT_EQUAL(flags, want_flags);
}

/* Run cases of an instruction whose rm field is filled in per case; singles are NaN-boxed
 * going in and must come out boxed. */
static void run_f(const char *what, uint32_t bits, unsigned op, bool single,
                  const struct fcase *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct rv_hart *h = hart(64, EXTS_FD);
        uint64_t box = single ? BOX : 0;
        h->f[1] = box | c[i].a;
        h->f[2] = box | c[i].b;
        h->f[3] = box | c[i].c;
        h->frm = RNE;
        bool ok = exec(h, bits | c[i].rm << 12, op);
        check(what, i, ok, h->f[4], h->fflags, box | c[i].want, c[i].flags);
        free(h);
    }
}
#define RUN_F(bits, op, single, cases) \
    run_f(#op, bits, op, single, cases, sizeof(cases) / sizeof(cases[0]))

/* One integer-result case: x4 = op(f1, f2) with rounding mode rm (RV64 unless xlen says). */
struct xcase {
    unsigned rm;
    uint64_t a, b;
    uint64_t want;
    unsigned flags;
};

static void run_x(const char *what, unsigned xlen, uint32_t bits, unsigned op, bool single,
                  const struct xcase *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct rv_hart *h = hart(xlen, EXTS_FD);
        uint64_t box = single ? BOX : 0;
        h->f[1] = box | c[i].a;
        h->f[2] = box | c[i].b;
        rv_set_x(h, 4, 0x5555555555555555ull);
        bool ok = exec(h, bits | c[i].rm << 12, op);
        check(what, i, ok, rv_get_x(h, 4), h->fflags, c[i].want, c[i].flags);
        free(h);
    }
}
#define RUN_X(xlen, bits, op, single, cases) \
    run_x(#op, xlen, bits, op, single, cases, sizeof(cases) / sizeof(cases[0]))

/* Integer-to-float cases: f4 = op(x1); a is the integer register's value. */
static void run_i(const char *what, unsigned xlen, uint32_t bits, unsigned op, bool single,
                  const struct fcase *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct rv_hart *h = hart(xlen, EXTS_FD);
        uint64_t box = single ? BOX : 0;
        rv_set_x(h, 1, c[i].a);
        bool ok = exec(h, bits | c[i].rm << 12, op);
        check(what, i, ok, h->f[4], h->fflags, box | c[i].want, c[i].flags);
        free(h);
    }
}
#define RUN_I(xlen, bits, op, single, cases) \
    run_i(#op, xlen, bits, op, single, cases, sizeof(cases) / sizeof(cases[0]))

/* ---- the table and the decoder ---- */

static void test_every_fd_instruction_decodes_from_its_manual_encoding(void)
{
    static const struct {
        uint32_t bits;
        unsigned op;
    } t[] = {
        {0x00002007, RV_OP_flw}, {0x00003007, RV_OP_fld}, {0x00002027, RV_OP_fsw},
        {0x00003027, RV_OP_fsd},
        {R4(OPC_FMADD, S, RNE), RV_OP_fmadd_s}, {R4(OPC_FMSUB, S, RNE), RV_OP_fmsub_s},
        {R4(OPC_FNMSUB, S, RNE), RV_OP_fnmsub_s}, {R4(OPC_FNMADD, S, RNE), RV_OP_fnmadd_s},
        {R4(OPC_FMADD, D, RNE), RV_OP_fmadd_d}, {R4(OPC_FMSUB, D, RNE), RV_OP_fmsub_d},
        {R4(OPC_FNMSUB, D, RNE), RV_OP_fnmsub_d}, {R4(OPC_FNMADD, D, RNE), RV_OP_fnmadd_d},
        {FR(F5_ADD, S, RNE), RV_OP_fadd_s}, {FR(F5_SUB, S, RNE), RV_OP_fsub_s},
        {FR(F5_MUL, S, RNE), RV_OP_fmul_s}, {FR(F5_DIV, S, RNE), RV_OP_fdiv_s},
        {FR1(F5_SQRT, S, 0, RNE), RV_OP_fsqrt_s},
        {FR(F5_ADD, D, RNE), RV_OP_fadd_d}, {FR(F5_SUB, D, RNE), RV_OP_fsub_d},
        {FR(F5_MUL, D, RNE), RV_OP_fmul_d}, {FR(F5_DIV, D, RNE), RV_OP_fdiv_d},
        {FR1(F5_SQRT, D, 0, RNE), RV_OP_fsqrt_d},
        {FR(F5_SGNJ, S, 0), RV_OP_fsgnj_s}, {FR(F5_SGNJ, S, 1), RV_OP_fsgnjn_s},
        {FR(F5_SGNJ, S, 2), RV_OP_fsgnjx_s}, {FR(F5_SGNJ, D, 0), RV_OP_fsgnj_d},
        {FR(F5_SGNJ, D, 1), RV_OP_fsgnjn_d}, {FR(F5_SGNJ, D, 2), RV_OP_fsgnjx_d},
        {FR(F5_MINMAX, S, 0), RV_OP_fmin_s}, {FR(F5_MINMAX, S, 1), RV_OP_fmax_s},
        {FR(F5_MINMAX, D, 0), RV_OP_fmin_d}, {FR(F5_MINMAX, D, 1), RV_OP_fmax_d},
        {FR1(F5_CVT_FF, S, 1, RNE), RV_OP_fcvt_s_d}, {FR1(F5_CVT_FF, D, 0, RNE), RV_OP_fcvt_d_s},
        {FR(F5_CMP, S, 2), RV_OP_feq_s}, {FR(F5_CMP, S, 1), RV_OP_flt_s},
        {FR(F5_CMP, S, 0), RV_OP_fle_s}, {FR(F5_CMP, D, 2), RV_OP_feq_d},
        {FR(F5_CMP, D, 1), RV_OP_flt_d}, {FR(F5_CMP, D, 0), RV_OP_fle_d},
        {FR1(F5_CVT_XF, S, 0, RNE), RV_OP_fcvt_w_s}, {FR1(F5_CVT_XF, S, 1, RNE), RV_OP_fcvt_wu_s},
        {FR1(F5_CVT_XF, S, 2, RNE), RV_OP_fcvt_l_s}, {FR1(F5_CVT_XF, S, 3, RNE), RV_OP_fcvt_lu_s},
        {FR1(F5_CVT_XF, D, 0, RNE), RV_OP_fcvt_w_d}, {FR1(F5_CVT_XF, D, 1, RNE), RV_OP_fcvt_wu_d},
        {FR1(F5_CVT_XF, D, 2, RNE), RV_OP_fcvt_l_d}, {FR1(F5_CVT_XF, D, 3, RNE), RV_OP_fcvt_lu_d},
        {FR1(F5_CVT_FX, S, 0, RNE), RV_OP_fcvt_s_w}, {FR1(F5_CVT_FX, S, 1, RNE), RV_OP_fcvt_s_wu},
        {FR1(F5_CVT_FX, S, 2, RNE), RV_OP_fcvt_s_l}, {FR1(F5_CVT_FX, S, 3, RNE), RV_OP_fcvt_s_lu},
        {FR1(F5_CVT_FX, D, 0, RNE), RV_OP_fcvt_d_w}, {FR1(F5_CVT_FX, D, 1, RNE), RV_OP_fcvt_d_wu},
        {FR1(F5_CVT_FX, D, 2, RNE), RV_OP_fcvt_d_l}, {FR1(F5_CVT_FX, D, 3, RNE), RV_OP_fcvt_d_lu},
        {FR1(F5_MV_XF, S, 0, 0), RV_OP_fmv_x_w}, {FR1(F5_MV_XF, S, 0, 1), RV_OP_fclass_s},
        {FR1(F5_MV_XF, D, 0, 0), RV_OP_fmv_x_d}, {FR1(F5_MV_XF, D, 0, 1), RV_OP_fclass_d},
        {FR1(F5_MV_FX, S, 0, 0), RV_OP_fmv_w_x}, {FR1(F5_MV_FX, D, 0, 0), RV_OP_fmv_d_x},
    };
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        struct rv_insn in;
        rv_decode(t[i].bits, EXTS_FD, 64, &in);
        if (in.op != t[i].op)
            fprintf(stderr, "\n  %08x: got %s", t[i].bits, rv_insn_name(in.id));
        CU_ASSERT_EQUAL(in.op, t[i].op);
        CU_ASSERT_EQUAL(rv_insn_table[in.id].cls,
                        (t[i].op == RV_OP_flw || t[i].op == RV_OP_fld)   ? RV_CLASS_LOAD
                        : (t[i].op == RV_OP_fsw || t[i].op == RV_OP_fsd) ? RV_CLASS_STORE
                                                                         : RV_CLASS_FP);
    }
}

static void test_decoder_rejects_reserved_fields_of_fp_encodings(void)
{
    static const uint32_t bad[] = {
        FR1(F5_SQRT, S, 1, RNE),   /* fsqrt with rs2 != 0 */
        FR(F5_SGNJ, S, 3),         /* fsgnj funct3 3 */
        FR(F5_MINMAX, D, 2),       /* fmin/fmax funct3 2 */
        FR(F5_CMP, S, 3),          /* compare funct3 3 */
        FR1(F5_MV_XF, S, 0, 2),    /* fmv.x.w/fclass funct3 2 */
        FR1(F5_MV_XF, S, 1, 0),    /* fmv.x.w with rs2 != 0 */
        FR1(F5_MV_FX, S, 0, 1),    /* fmv.w.x funct3 1 */
        FR1(F5_CVT_XF, S, 4, RNE), /* fcvt.?.s rs2 4 */
        FR1(F5_CVT_FF, S, 0, RNE), /* fcvt.s.s */
        FR(F5_ADD, 2, RNE),        /* fmt 2 (half): not implemented */
        FR(F5_ADD, 3, RNE),        /* fmt 3 (quad) */
        R4(OPC_FMADD, 3, RNE),
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct rv_insn in;
        rv_decode(bad[i], EXTS_FD, 64, &in);
        CU_ASSERT_EQUAL(in.op, RV_OP_ILLEGAL);
    }
    /* The rounding mode is part of the mask only where funct3 selects the operation. */
    for (unsigned id = 0; id < RV_ID_COUNT; id++) {
        const struct rv_insn_desc *d = &rv_insn_table[id];
        if (d->len != 4 || d->cls != RV_CLASS_FP)
            continue;
        uint32_t f5 = d->match >> 27;
        bool fixed = (d->match & 0x7f) == 0x53 &&
                     (f5 == F5_SGNJ || f5 == F5_MINMAX || f5 == F5_CMP || f5 == F5_MV_XF ||
                      f5 == F5_MV_FX);
        CU_ASSERT_EQUAL((d->mask & 0x7000) != 0, fixed);
    }
}

static void test_rv64_only_instructions_do_not_decode_on_rv32(void)
{
    static const uint32_t rv64[] = {
        FR1(F5_CVT_XF, S, 2, RNE), FR1(F5_CVT_XF, S, 3, RNE), FR1(F5_CVT_FX, S, 2, RNE),
        FR1(F5_CVT_FX, S, 3, RNE), FR1(F5_CVT_XF, D, 2, RNE), FR1(F5_CVT_XF, D, 3, RNE),
        FR1(F5_CVT_FX, D, 2, RNE), FR1(F5_CVT_FX, D, 3, RNE), FR1(F5_MV_XF, D, 0, 0),
        FR1(F5_MV_FX, D, 0, 0),
    };
    for (size_t i = 0; i < sizeof(rv64) / sizeof(rv64[0]); i++) {
        struct rv_insn in;
        rv_decode(rv64[i], EXTS_FD, 32, &in);
        CU_ASSERT_EQUAL(in.op, RV_OP_ILLEGAL);
        rv_decode(rv64[i], EXTS_FD, 64, &in);
        CU_ASSERT_NOT_EQUAL(in.op, RV_OP_ILLEGAL);
    }
}

/* ---- machine state: mstatus.FS, rounding modes, extensions ---- */

/* rv_fp_exec's own checks, with the decoded form built by hand (as if the decoder had let
 * something through). */
static bool exec_raw(struct rv_hart *h, unsigned op, uint32_t bits)
{
    struct rv_insn in;
    memset(&in, 0, sizeof(in));
    in.op = (uint16_t)op;
    in.bits = bits;
    return rv_fp_exec(h, &in);
}

static void test_fs_off_makes_fp_instructions_illegal_without_side_effects(void)
{
    struct rv_hart *h = hart(64, EXTS_FD);
    h->mstatus = 0;
    h->f[1] = BOX | S_ONE;
    h->f[2] = BOX | S_SNAN;
    h->f[4] = 1234;
    rv_set_x(h, 4, 77);
    CU_ASSERT_FALSE(exec(h, FR(F5_ADD, S, RNE), RV_OP_fadd_s));
    CU_ASSERT_FALSE(exec(h, FR(F5_CMP, S, 2), RV_OP_feq_s));
    CU_ASSERT_FALSE(exec(h, FR1(F5_MV_XF, S, 0, 0), RV_OP_fmv_x_w));
    CU_ASSERT_FALSE(exec(h, FR1(F5_MV_FX, D, 0, 0), RV_OP_fmv_d_x));
    CU_ASSERT_FALSE(exec(h, FR1(F5_CVT_FX, D, 0, RNE), RV_OP_fcvt_d_w));
    CU_ASSERT_FALSE(exec(h, R4(OPC_FMADD, D, RNE), RV_OP_fmadd_d));
    CU_ASSERT_EQUAL(h->f[4], 1234);
    CU_ASSERT_EQUAL(rv_get_x(h, 4), 77);
    CU_ASSERT_EQUAL(h->fflags, 0);
    CU_ASSERT_EQUAL(h->mstatus, 0);
    free(h);
}

static void test_fs_becomes_dirty_on_f_register_or_fflags_writes_only(void)
{
    struct rv_hart *h = hart(64, EXTS_FD);
    h->f[1] = BOX | S_ONE;
    h->f[2] = BOX | S_TWO;
    /* Integer results without exceptions leave FS alone. */
    CU_ASSERT(exec(h, FR(F5_CMP, S, 2), RV_OP_feq_s));
    CU_ASSERT(exec(h, FR1(F5_MV_XF, S, 0, 1), RV_OP_fclass_s));
    CU_ASSERT(exec(h, FR1(F5_MV_XF, S, 0, 0), RV_OP_fmv_x_w));
    CU_ASSERT(exec(h, FR1(F5_CVT_XF, S, 0, RNE), RV_OP_fcvt_w_s)); /* 1.0 -> 1, exact */
    CU_ASSERT_EQUAL(h->mstatus, FS_INITIAL);
    /* A compare that raises NV writes fflags. */
    h->f[2] = BOX | S_SNAN;
    CU_ASSERT(exec(h, FR(F5_CMP, S, 2), RV_OP_feq_s));
    CU_ASSERT_EQUAL(h->fflags, NV);
    CU_ASSERT_EQUAL(h->mstatus, FS_DIRTY);
    /* Any f-register write, even an exact one, from clean. */
    h->mstatus = FS_CLEAN;
    h->fflags = 0;
    CU_ASSERT(exec(h, FR(F5_SGNJ, S, 0), RV_OP_fsgnj_s));
    CU_ASSERT_EQUAL(h->mstatus, FS_DIRTY);
    h->mstatus = FS_CLEAN;
    CU_ASSERT(exec(h, FR1(F5_MV_FX, S, 0, 0), RV_OP_fmv_w_x));
    CU_ASSERT_EQUAL(h->mstatus, FS_DIRTY);
    /* Other mstatus bits are kept. */
    h->mstatus = FS_INITIAL | MSTATUS_MIE | MSTATUS_MPP;
    CU_ASSERT(exec(h, FR(F5_ADD, S, RNE), RV_OP_fadd_s));
    CU_ASSERT_EQUAL(h->mstatus, FS_DIRTY | MSTATUS_MIE | MSTATUS_MPP);
    /* Flags accrue: earlier bits stay set. */
    h->fflags = OF;
    h->f[1] = BOX | S_ONE;
    h->f[2] = BOX | S_THREE;
    CU_ASSERT(exec(h, FR(F5_DIV, S, RNE), RV_OP_fdiv_s));
    CU_ASSERT_EQUAL(h->fflags, OF | NX);
    free(h);
}

static void test_reserved_rounding_modes_and_bad_frm_are_illegal(void)
{
    struct rv_hart *h = hart(64, EXTS_FD);
    h->f[1] = BOX | S_ONE;
    h->f[2] = BOX | S_THREE;
    h->f[4] = 99;
    CU_ASSERT_FALSE(exec(h, FR(F5_DIV, S, 5), RV_OP_fdiv_s));
    CU_ASSERT_FALSE(exec(h, FR(F5_DIV, S, 6), RV_OP_fdiv_s));
    for (unsigned frm = 5; frm <= 7; frm++) {
        h->frm = (uint8_t)frm;
        CU_ASSERT_FALSE(exec(h, FR(F5_DIV, S, DYN), RV_OP_fdiv_s));
        CU_ASSERT_FALSE(exec(h, R4(OPC_FMADD, D, DYN), RV_OP_fmadd_d));
        CU_ASSERT_FALSE(exec(h, FR1(F5_CVT_XF, S, 0, DYN), RV_OP_fcvt_w_s));
        /* Exact conversions still have an rm field, checked like any other. */
        CU_ASSERT_FALSE(exec(h, FR1(F5_CVT_FF, D, 0, DYN), RV_OP_fcvt_d_s));
        CU_ASSERT_FALSE(exec(h, FR1(F5_CVT_FX, D, 0, DYN), RV_OP_fcvt_d_w));
        /* A static mode does not look at frm; instructions without an rm field never do. */
        CU_ASSERT(exec(h, FR(F5_DIV, S, RTZ), RV_OP_fdiv_s));
        CU_ASSERT(exec(h, FR(F5_SGNJ, S, 0), RV_OP_fsgnj_s));
        CU_ASSERT(exec(h, FR(F5_CMP, S, 1), RV_OP_flt_s));
    }
    CU_ASSERT_FALSE(exec(h, FR1(F5_CVT_FF, D, 0, 5), RV_OP_fcvt_d_s));
    CU_ASSERT_FALSE(exec(h, FR1(F5_CVT_FX, S, 0, 6), RV_OP_fcvt_s_w));
    free(h);
}

static void test_static_rounding_mode_overrides_frm_and_dyn_uses_it(void)
{
    /* 1/3 in single: 0x1.555555p-2 remainder 2/3 ulp (see the one-third test). */
    struct rv_hart *h = hart(64, EXTS_FD);
    h->f[1] = BOX | S_ONE;
    h->f[2] = BOX | S_THREE;
    h->frm = RUP;
    CU_ASSERT(exec(h, FR(F5_DIV, S, RTZ), RV_OP_fdiv_s));
    CU_ASSERT_EQUAL(h->f[4], BOX | 0x3eaaaaaa);
    CU_ASSERT(exec(h, FR(F5_DIV, S, DYN), RV_OP_fdiv_s));
    CU_ASSERT_EQUAL(h->f[4], BOX | 0x3eaaaaab);
    h->frm = RDN;
    CU_ASSERT(exec(h, FR(F5_DIV, S, DYN), RV_OP_fdiv_s));
    CU_ASSERT_EQUAL(h->f[4], BOX | 0x3eaaaaaa);
    h->frm = RMM;
    CU_ASSERT(exec(h, FR(F5_DIV, S, DYN), RV_OP_fdiv_s));
    CU_ASSERT_EQUAL(h->f[4], BOX | 0x3eaaaaab);
    free(h);
}

static void test_instructions_of_absent_extensions_or_other_xlen_are_illegal(void)
{
    struct rv_hart *h = hart(64, EXTS_F); /* F without D */
    h->f[1] = BOX | S_ONE;
    h->f[2] = BOX | S_ONE;
    CU_ASSERT_FALSE(exec_raw(h, RV_OP_fadd_d, FR(F5_ADD, D, RNE)));
    CU_ASSERT_FALSE(exec_raw(h, RV_OP_fcvt_s_d, FR1(F5_CVT_FF, S, 1, RNE)));
    CU_ASSERT_FALSE(exec_raw(h, RV_OP_fcvt_d_s, FR1(F5_CVT_FF, D, 0, RNE)));
    CU_ASSERT_FALSE(exec_raw(h, RV_OP_fmv_x_d, FR1(F5_MV_XF, D, 0, 0)));
    CU_ASSERT(exec_raw(h, RV_OP_fadd_s, FR(F5_ADD, S, RNE)));
    CU_ASSERT(exec_raw(h, RV_OP_fcvt_l_s, FR1(F5_CVT_XF, S, 2, RNE)));
    free(h);

    h = hart(64, EXTS_FD & ~(unsigned)(RV_EXT_F | RV_EXT_D));
    CU_ASSERT_FALSE(exec_raw(h, RV_OP_fadd_s, FR(F5_ADD, S, RNE)));
    CU_ASSERT_FALSE(exec_raw(h, RV_OP_fmv_w_x, FR1(F5_MV_FX, S, 0, 0)));
    free(h);

    h = hart(32, EXTS_FD);
    CU_ASSERT_FALSE(exec_raw(h, RV_OP_fcvt_l_s, FR1(F5_CVT_XF, S, 2, RNE)));
    CU_ASSERT_FALSE(exec_raw(h, RV_OP_fcvt_s_lu, FR1(F5_CVT_FX, S, 3, RNE)));
    CU_ASSERT_FALSE(exec_raw(h, RV_OP_fcvt_lu_d, FR1(F5_CVT_XF, D, 3, RNE)));
    CU_ASSERT_FALSE(exec_raw(h, RV_OP_fcvt_d_l, FR1(F5_CVT_FX, D, 2, RNE)));
    CU_ASSERT_FALSE(exec_raw(h, RV_OP_fmv_x_d, FR1(F5_MV_XF, D, 0, 0)));
    CU_ASSERT_FALSE(exec_raw(h, RV_OP_fmv_d_x, FR1(F5_MV_FX, D, 0, 0)));
    CU_ASSERT(exec_raw(h, RV_OP_fcvt_d_w, FR1(F5_CVT_FX, D, 0, RNE)));
    /* Loads and stores are the execute loop's, not rv_fp_exec's. */
    CU_ASSERT_FALSE(exec_raw(h, RV_OP_flw, 0x00002007));
    CU_ASSERT_FALSE(exec_raw(h, RV_OP_fsd, 0x00003027));
    CU_ASSERT_FALSE(exec_raw(h, RV_OP_add, 0x00000033));
    free(h);
}

/* ---- rounding ---- */

static void test_one_third_in_every_rounding_mode(void)
{
    /* 1/3 = 0x1.5555...p-2 (binary 1.010101...). Single keeps 23 fraction bits 0x2aaaaa and
     * drops 0.1010...b = 2/3 ulp: above half, so RNE and RMM round up to 0x2aaaab, as does RUP;
     * RTZ and RDN truncate. Double keeps 52 bits 0x5555555555555 (ending in 1) and drops
     * 0.0101...b = 1/3 ulp: below half, so only RUP rounds up. Negative: RDN and RUP swap. */
    static const struct fcase s[] = {
        {RNE, S_ONE, S_THREE, 0, 0x3eaaaaab, NX}, {RTZ, S_ONE, S_THREE, 0, 0x3eaaaaaa, NX},
        {RDN, S_ONE, S_THREE, 0, 0x3eaaaaaa, NX}, {RUP, S_ONE, S_THREE, 0, 0x3eaaaaab, NX},
        {RMM, S_ONE, S_THREE, 0, 0x3eaaaaab, NX}, {RNE, S_MONE, S_THREE, 0, 0xbeaaaaab, NX},
        {RTZ, S_MONE, S_THREE, 0, 0xbeaaaaaa, NX}, {RDN, S_MONE, S_THREE, 0, 0xbeaaaaab, NX},
        {RUP, S_MONE, S_THREE, 0, 0xbeaaaaaa, NX}, {RMM, S_MONE, S_THREE, 0, 0xbeaaaaab, NX},
        /* 2/3 = 0x1.5555...p-1: same fraction, exponent one higher */
        {RNE, S_TWO, S_THREE, 0, 0x3f2aaaab, NX},
        /* exact quotients raise nothing */
        {RNE, S_THREE, S_TWO, 0, 0x3fc00000, 0}, {RDN, S_ONE, S_TWO, 0, S_HALF, 0},
    };
    static const struct fcase d[] = {
        {RNE, D_ONE, D_THREE, 0, 0x3fd5555555555555ull, NX},
        {RTZ, D_ONE, D_THREE, 0, 0x3fd5555555555555ull, NX},
        {RDN, D_ONE, D_THREE, 0, 0x3fd5555555555555ull, NX},
        {RUP, D_ONE, D_THREE, 0, 0x3fd5555555555556ull, NX},
        {RMM, D_ONE, D_THREE, 0, 0x3fd5555555555555ull, NX},
        {RDN, D_MONE, D_THREE, 0, 0xbfd5555555555556ull, NX},
        {RUP, D_MONE, D_THREE, 0, 0xbfd5555555555555ull, NX},
        {RNE, D_TWO, D_THREE, 0, 0x3fe5555555555555ull, NX},
        {RNE, D_THREE, D_TWO, 0, 0x3ff8000000000000ull, 0},
    };
    RUN_F(FR(F5_DIV, S, 0), RV_OP_fdiv_s, true, s);
    RUN_F(FR(F5_DIV, D, 0), RV_OP_fdiv_d, false, d);
}

static void test_rmm_rounds_ties_away_from_zero_and_rne_to_even(void)
{
    /* 1 + 2^-24 (single) and 1 + 2^-53 (double) lie exactly halfway between 1 (even) and the
     * next value up: RNE keeps 1, RMM goes away from zero. 2^-24 = 0x33800000,
     * 2^-53 = 0x3ca0000000000000. */
    static const struct fcase add_s[] = {
        {RNE, S_ONE, 0x33800000, 0, 0x3f800000, NX}, {RMM, S_ONE, 0x33800000, 0, 0x3f800001, NX},
        {RTZ, S_ONE, 0x33800000, 0, 0x3f800000, NX}, {RDN, S_ONE, 0x33800000, 0, 0x3f800000, NX},
        {RUP, S_ONE, 0x33800000, 0, 0x3f800001, NX},
        {RNE, S_MONE, 0xb3800000, 0, 0xbf800000, NX}, {RMM, S_MONE, 0xb3800000, 0, 0xbf800001, NX},
        {RDN, S_MONE, 0xb3800000, 0, 0xbf800001, NX}, {RUP, S_MONE, 0xb3800000, 0, 0xbf800000, NX},
        /* (1 + 2^-23) + 2^-24 = 1 + 3 * 2^-24: halfway between odd 0x3f800001 and even
         * 0x3f800002, so RNE and RMM agree on the upper one. */
        {RNE, 0x3f800001, 0x33800000, 0, 0x3f800002, NX},
        {RMM, 0x3f800001, 0x33800000, 0, 0x3f800002, NX},
    };
    static const struct fcase add_d[] = {
        {RNE, D_ONE, 0x3ca0000000000000ull, 0, D_ONE, NX},
        {RMM, D_ONE, 0x3ca0000000000000ull, 0, 0x3ff0000000000001ull, NX},
        {RMM, D_MONE, 0xbca0000000000000ull, 0, 0xbff0000000000001ull, NX},
        {RTZ, D_MONE, 0xbca0000000000000ull, 0, D_MONE, NX},
        /* 1 + (2^-53 + 2^-105) is just above the tie: every mode to nearest rounds up. The
         * 2^-105 lies 52 bits below the rounding position and must not be lost. */
        {RNE, D_ONE, 0x3ca0000000000001ull, 0, 0x3ff0000000000001ull, NX},
        {RTZ, D_ONE, 0x3ca0000000000001ull, 0, D_ONE, NX},
    };
    /* 3 * (1 + 3 * 2^-23) = 3 + 9 * 2^-23 = 3 + 4.5 ulp (ulp is 2^-22 in [2, 4)): RNE takes
     * 3 + 4 ulp (0x40400004, even), RMM and RUP 3 + 5 ulp. 0x3f800003 = 1 + 3 * 2^-23. */
    static const struct fcase mul_s[] = {
        {RNE, S_THREE, 0x3f800003, 0, 0x40400004, NX},
        {RMM, S_THREE, 0x3f800003, 0, 0x40400005, NX},
        {RUP, S_THREE, 0x3f800003, 0, 0x40400005, NX},
        {RDN, S_THREE, 0x3f800003, 0, 0x40400004, NX},
        {RTZ, S_THREE, 0x3f800003, 0, 0x40400004, NX},
        {RMM, S_THREE, 0xbf800003, 0, 0xc0400005, NX},
        {RDN, S_THREE, 0xbf800003, 0, 0xc0400005, NX},
    };
    /* fmadd 1 * 1 + 2^-24: the same tie as the addition, rounded once. */
    static const struct fcase fma_s[] = {
        {RNE, S_ONE, S_ONE, 0x33800000, 0x3f800000, NX},
        {RMM, S_ONE, S_ONE, 0x33800000, 0x3f800001, NX},
    };
    RUN_F(FR(F5_ADD, S, 0), RV_OP_fadd_s, true, add_s);
    RUN_F(FR(F5_ADD, D, 0), RV_OP_fadd_d, false, add_d);
    RUN_F(FR(F5_MUL, S, 0), RV_OP_fmul_s, true, mul_s);
    RUN_F(R4(OPC_FMADD, S, 0), RV_OP_fmadd_s, true, fma_s);
}

static void test_double_sums_and_products_of_point_one(void)
{
    /* 0.1 = 0x1999999999999a * 2^-56 and 0.2 is exactly twice that, so 0.1 + 0.2 and 0.1 * 3
     * are both exactly 3 * 0x1999999999999a * 2^-56 = 0x4cccccccccccce * 2^-56, 55 bits.
     * Keeping 53 leaves the odd 0x13333333333333 and drops 0b10, exactly half an ulp: RNE, RMM
     * and RUP give ...334 (0.30000000000000004), RTZ and RDN ...333. 0.1 - 0.1 is +0. */
    static const struct fcase add[] = {
        {RNE, 0x3fb999999999999aull, 0x3fc999999999999aull, 0, 0x3fd3333333333334ull, NX},
        {RMM, 0x3fb999999999999aull, 0x3fc999999999999aull, 0, 0x3fd3333333333334ull, NX},
        {RUP, 0x3fb999999999999aull, 0x3fc999999999999aull, 0, 0x3fd3333333333334ull, NX},
        {RTZ, 0x3fb999999999999aull, 0x3fc999999999999aull, 0, 0x3fd3333333333333ull, NX},
        {RDN, 0x3fb999999999999aull, 0x3fc999999999999aull, 0, 0x3fd3333333333333ull, NX},
    };
    static const struct fcase sub[] = {
        {RNE, 0x3fb999999999999aull, 0x3fb999999999999aull, 0, D_PZERO, 0},
        {RNE, D_THREE, D_ONE, 0, D_TWO, 0},
        {RNE, D_ONE, D_THREE, 0, 0xc000000000000000ull, 0},
    };
    static const struct fcase mul[] = {
        {RNE, 0x3fb999999999999aull, D_THREE, 0, 0x3fd3333333333334ull, NX},
        {RTZ, 0x3fb999999999999aull, D_THREE, 0, 0x3fd3333333333333ull, NX},
        {RNE, D_THREE, D_HALF, 0, 0x3ff8000000000000ull, 0},
    };
    RUN_F(FR(F5_ADD, D, 0), RV_OP_fadd_d, false, add);
    RUN_F(FR(F5_SUB, D, 0), RV_OP_fsub_d, false, sub);
    RUN_F(FR(F5_MUL, D, 0), RV_OP_fmul_d, false, mul);
}

static void test_exact_zero_sums_are_positive_except_when_rounding_down(void)
{
    static const struct fcase add_s[] = {
        {RNE, S_PZERO, S_NZERO, 0, S_PZERO, 0}, {RTZ, S_PZERO, S_NZERO, 0, S_PZERO, 0},
        {RUP, S_PZERO, S_NZERO, 0, S_PZERO, 0}, {RMM, S_PZERO, S_NZERO, 0, S_PZERO, 0},
        {RDN, S_PZERO, S_NZERO, 0, S_NZERO, 0}, {RNE, S_NZERO, S_NZERO, 0, S_NZERO, 0},
        {RUP, S_NZERO, S_NZERO, 0, S_NZERO, 0}, {RDN, S_PZERO, S_PZERO, 0, S_PZERO, 0},
        {RNE, S_ONE, S_MONE, 0, S_PZERO, 0},    {RDN, S_ONE, S_MONE, 0, S_NZERO, 0},
        {RNE, S_NZERO, S_ONE, 0, S_ONE, 0},     {RNE, S_MONE, S_PZERO, 0, S_MONE, 0},
    };
    static const struct fcase sub_d[] = {
        {RNE, D_ONE, D_ONE, 0, D_PZERO, 0},     {RDN, D_ONE, D_ONE, 0, D_NZERO, 0},
        {RNE, D_NZERO, D_PZERO, 0, D_NZERO, 0}, {RNE, D_PZERO, D_PZERO, 0, D_PZERO, 0},
        {RDN, D_PZERO, D_PZERO, 0, D_NZERO, 0},
    };
    /* fma: (+0 * 1) + -0 = +0 + -0; -(0 * 1) - 0 = -0 + -0 = -0 in every mode; 1 * 1 - 1 is
     * an exact zero of opposite-signed terms. */
    static const struct fcase fmadd_s[] = {
        {RNE, S_PZERO, S_ONE, S_NZERO, S_PZERO, 0}, {RDN, S_PZERO, S_ONE, S_NZERO, S_NZERO, 0},
        {RNE, S_ONE, S_ONE, S_MONE, S_PZERO, 0},    {RDN, S_ONE, S_ONE, S_MONE, S_NZERO, 0},
        {RNE, S_NZERO, S_ONE, S_NZERO, S_NZERO, 0},
    };
    static const struct fcase fnmadd_s[] = {
        {RNE, S_PZERO, S_ONE, S_PZERO, S_NZERO, 0}, {RUP, S_PZERO, S_ONE, S_PZERO, S_NZERO, 0},
    };
    RUN_F(FR(F5_ADD, S, 0), RV_OP_fadd_s, true, add_s);
    RUN_F(FR(F5_SUB, D, 0), RV_OP_fsub_d, false, sub_d);
    RUN_F(R4(OPC_FMADD, S, 0), RV_OP_fmadd_s, true, fmadd_s);
    RUN_F(R4(OPC_FNMADD, S, 0), RV_OP_fnmadd_s, true, fnmadd_s);
}

/* ---- overflow and underflow ---- */

static void test_overflow_gives_infinity_or_the_largest_finite_per_mode(void)
{
    /* max * 2 = 2^129 - 2^105, far beyond the range: RNE and RMM give inf, RTZ max, RDN max
     * for positive and -inf for negative results, RUP the reverse. OF and NX together. */
    static const struct fcase s[] = {
        {RNE, S_MAX, S_TWO, 0, S_PINF, OF | NX}, {RTZ, S_MAX, S_TWO, 0, S_MAX, OF | NX},
        {RDN, S_MAX, S_TWO, 0, S_MAX, OF | NX},  {RUP, S_MAX, S_TWO, 0, S_PINF, OF | NX},
        {RMM, S_MAX, S_TWO, 0, S_PINF, OF | NX},
        {RNE, 0xff7fffff, S_TWO, 0, S_NINF, OF | NX},
        {RTZ, 0xff7fffff, S_TWO, 0, 0xff7fffff, OF | NX},
        {RDN, 0xff7fffff, S_TWO, 0, S_NINF, OF | NX},
        {RUP, 0xff7fffff, S_TWO, 0, 0xff7fffff, OF | NX},
        {RMM, 0xff7fffff, S_TWO, 0, S_NINF, OF | NX},
        /* infinity times a finite number is exact: no flags */
        {RNE, S_PINF, S_TWO, 0, S_PINF, 0},
    };
    static const struct fcase d[] = {
        {RNE, D_MAX, D_TWO, 0, D_PINF, OF | NX}, {RTZ, D_MAX, D_TWO, 0, D_MAX, OF | NX},
        {RDN, D_MAX, D_TWO, 0, D_MAX, OF | NX},  {RUP, D_MAX, D_TWO, 0, D_PINF, OF | NX},
        {RMM, D_MAX, D_TWO, 0, D_PINF, OF | NX},
        {RDN, 0xffefffffffffffffull, D_TWO, 0, D_NINF, OF | NX},
        {RUP, 0xffefffffffffffffull, D_TWO, 0, 0xffefffffffffffffull, OF | NX},
    };
    RUN_F(FR(F5_MUL, S, 0), RV_OP_fmul_s, true, s);
    RUN_F(FR(F5_MUL, D, 0), RV_OP_fmul_d, false, d);
}

static void test_overflow_is_decided_after_rounding(void)
{
    /* max + 2^103 (0x73000000) is exactly half an ulp (2^104) above max, whose fraction is odd:
     * RNE and RMM round up to 2^128, which overflows; RTZ and RDN round to max and only NX is
     * raised. max + 2^102 (0x72800000, a quarter ulp) stays at max in RNE and RMM. */
    static const struct fcase s[] = {
        {RNE, S_MAX, 0x73000000, 0, S_PINF, OF | NX}, {RMM, S_MAX, 0x73000000, 0, S_PINF, OF | NX},
        {RUP, S_MAX, 0x73000000, 0, S_PINF, OF | NX}, {RTZ, S_MAX, 0x73000000, 0, S_MAX, NX},
        {RDN, S_MAX, 0x73000000, 0, S_MAX, NX},       {RNE, S_MAX, 0x72800000, 0, S_MAX, NX},
        {RMM, S_MAX, 0x72800000, 0, S_MAX, NX},       {RUP, S_MAX, 0x72800000, 0, S_PINF, OF | NX},
    };
    RUN_F(FR(F5_ADD, S, 0), RV_OP_fadd_s, true, s);
}

static void test_underflow_tininess_is_detected_after_rounding(void)
{
    /* fmadd 2^-76 * -2^-76 + 2^-126 = 2^-126 - 2^-152. Rounded to 24 bits with an unbounded
     * exponent, the neighbours are 2^-126 - 2^-150 and 2^-126, and 2^-152 is less than half
     * of 2^-150: RNE, RMM and RUP give 2^-126, which is not tiny, so only NX (a tininess-
     * before-rounding machine would also raise UF). RTZ and RDN round below 2^-126: tiny and
     * inexact, UF, the largest subnormal 0x007fffff. 2^-76 = 0x19800000. */
    static const struct fcase s[] = {
        {RNE, 0x19800000, 0x99800000, S_MIN_NORMAL, S_MIN_NORMAL, NX},
        {RMM, 0x19800000, 0x99800000, S_MIN_NORMAL, S_MIN_NORMAL, NX},
        {RUP, 0x19800000, 0x99800000, S_MIN_NORMAL, S_MIN_NORMAL, NX},
        {RTZ, 0x19800000, 0x99800000, S_MIN_NORMAL, 0x007fffff, UF | NX},
        {RDN, 0x19800000, 0x99800000, S_MIN_NORMAL, 0x007fffff, UF | NX},
    };
    /* Double: 2^-600 * -2^-600 + 2^-1022 = 2^-1022 - 2^-1200, the same picture.
     * 2^-600 = 0x1a70000000000000. */
    static const struct fcase d[] = {
        {RNE, 0x1a70000000000000ull, 0x9a70000000000000ull, D_MIN_NORMAL, D_MIN_NORMAL, NX},
        {RUP, 0x1a70000000000000ull, 0x9a70000000000000ull, D_MIN_NORMAL, D_MIN_NORMAL, NX},
        {RTZ, 0x1a70000000000000ull, 0x9a70000000000000ull, D_MIN_NORMAL, 0x000fffffffffffffull,
         UF | NX},
        {RDN, 0x1a70000000000000ull, 0x9a70000000000000ull, D_MIN_NORMAL, 0x000fffffffffffffull,
         UF | NX},
    };
    /* 2^-126 * (1 - 2^-24) = (1 - 2^-24) * 2^-126 has 24 significant bits: exact at full
     * precision and below 2^-126, so tiny in every mode. In the subnormal range (spacing
     * 2^-149) it is halfway between 0x007fffff and 0x00800000: RNE (even), RMM and RUP give the
     * smallest normal, RTZ and RDN the largest subnormal, always with UF and NX. */
    static const struct fcase m[] = {
        {RNE, S_MIN_NORMAL, 0x3f7fffff, 0, S_MIN_NORMAL, UF | NX},
        {RMM, S_MIN_NORMAL, 0x3f7fffff, 0, S_MIN_NORMAL, UF | NX},
        {RUP, S_MIN_NORMAL, 0x3f7fffff, 0, S_MIN_NORMAL, UF | NX},
        {RTZ, S_MIN_NORMAL, 0x3f7fffff, 0, 0x007fffff, UF | NX},
        {RDN, S_MIN_NORMAL, 0x3f7fffff, 0, 0x007fffff, UF | NX},
    };
    RUN_F(R4(OPC_FMADD, S, 0), RV_OP_fmadd_s, true, s);
    RUN_F(R4(OPC_FMADD, D, 0), RV_OP_fmadd_d, false, d);
    RUN_F(FR(F5_MUL, S, 0), RV_OP_fmul_s, true, m);
}

static void test_exact_subnormal_results_raise_no_underflow(void)
{
    /* 2^-126 * 0.5 = 2^-127 = 0x00400000 exactly; subnormal sums and differences are always
     * exact (0x00800001 - 0x00800000 = 2^-149). */
    static const struct fcase mul[] = {
        {RNE, S_MIN_NORMAL, S_HALF, 0, 0x00400000, 0},
        {RNE, 0x00000003, S_TWO, 0, 0x00000006, 0},
        {RNE, 0x00400000, S_TWO, 0, S_MIN_NORMAL, 0},
    };
    static const struct fcase sub[] = {
        {RNE, 0x00800001, S_MIN_NORMAL, 0, 0x00000001, 0},
        {RDN, 0x00000001, 0x00000001, 0, S_NZERO, 0},
    };
    static const struct fcase muld[] = {
        {RNE, D_MIN_NORMAL, D_HALF, 0, 0x0008000000000000ull, 0},
    };
    RUN_F(FR(F5_MUL, S, 0), RV_OP_fmul_s, true, mul);
    RUN_F(FR(F5_SUB, S, 0), RV_OP_fsub_s, true, sub);
    RUN_F(FR(F5_MUL, D, 0), RV_OP_fmul_d, false, muld);
}

static void test_underflow_to_zero_and_to_the_smallest_subnormal(void)
{
    /* 2^-149 * 0.5 = 2^-150, exactly halfway between 0 (even) and 2^-149: RNE gives zero,
     * RMM and RUP 2^-149. 2^-149 * 0.25 is below half: RMM gives zero, RUP still 2^-149.
     * Signs follow the product. UF and NX each time. */
    static const struct fcase s[] = {
        {RNE, 0x00000001, S_HALF, 0, S_PZERO, UF | NX},
        {RMM, 0x00000001, S_HALF, 0, 0x00000001, UF | NX},
        {RUP, 0x00000001, S_HALF, 0, 0x00000001, UF | NX},
        {RDN, 0x00000001, S_HALF, 0, S_PZERO, UF | NX},
        {RTZ, 0x00000001, S_HALF, 0, S_PZERO, UF | NX},
        {RNE, 0x80000001, S_HALF, 0, S_NZERO, UF | NX},
        {RMM, 0x80000001, S_HALF, 0, 0x80000001, UF | NX},
        {RDN, 0x80000001, S_HALF, 0, 0x80000001, UF | NX},
        {RUP, 0x80000001, S_HALF, 0, S_NZERO, UF | NX},
        {RMM, 0x00000001, 0x3e800000, 0, S_PZERO, UF | NX},
        {RUP, 0x00000001, 0x3e800000, 0, 0x00000001, UF | NX},
        /* 2^-149 * 1.5 = 1.5 * 2^-149: halfway between 1 (odd) and 2 units: RNE rounds to 2 */
        {RNE, 0x00000001, 0x3fc00000, 0, 0x00000002, UF | NX},
        {RTZ, 0x00000001, 0x3fc00000, 0, 0x00000001, UF | NX},
    };
    static const struct fcase d[] = {
        {RNE, 0x0000000000000001ull, D_HALF, 0, D_PZERO, UF | NX},
        {RMM, 0x0000000000000001ull, D_HALF, 0, 0x0000000000000001ull, UF | NX},
        {RDN, 0x8000000000000001ull, D_HALF, 0, 0x8000000000000001ull, UF | NX},
    };
    RUN_F(FR(F5_MUL, S, 0), RV_OP_fmul_s, true, s);
    RUN_F(FR(F5_MUL, D, 0), RV_OP_fmul_d, false, d);
}

/* ---- division, square root, fused multiply-add ---- */

static void test_division_by_zero_and_invalid_divisions(void)
{
    static const struct fcase s[] = {
        {RNE, S_ONE, S_PZERO, 0, S_PINF, DZ},  {RNE, S_MONE, S_PZERO, 0, S_NINF, DZ},
        {RNE, S_ONE, S_NZERO, 0, S_NINF, DZ},  {RNE, S_PZERO, S_PZERO, 0, S_QNAN, NV},
        {RNE, S_PINF, S_NINF, 0, S_QNAN, NV},  {RNE, S_PINF, S_TWO, 0, S_PINF, 0},
        {RNE, S_ONE, S_NINF, 0, S_NZERO, 0},   {RNE, S_NZERO, S_TWO, 0, S_NZERO, 0},
        {RNE, S_PINF, S_PZERO, 0, S_PINF, 0}, /* inf / 0 is an exact infinity, no DZ */
    };
    static const struct fcase d[] = {
        {RNE, D_MONE, D_NZERO, 0, D_PINF, DZ}, {RNE, D_NZERO, D_PZERO, 0, D_QNAN, NV},
        {RNE, D_NINF, D_PINF, 0, D_QNAN, NV},
    };
    RUN_F(FR(F5_DIV, S, 0), RV_OP_fdiv_s, true, s);
    RUN_F(FR(F5_DIV, D, 0), RV_OP_fdiv_d, false, d);
}

static void test_square_root(void)
{
    /* sqrt(2) * 2^23 = 11863283.203..., 11863283 = 0xb504f3: RNE, RTZ, RDN and RMM give
     * 0x3fb504f3, RUP one more. sqrt(2) * 2^52 = 6369051672525772.5646...: RNE, RMM and RUP
     * round up to 0x16a09e667f3bcd, RTZ and RDN down. sqrt(-0) = -0 without flags. */
    static const struct fcase s[] = {
        {RNE, S_TWO, 0, 0, 0x3fb504f3, NX}, {RTZ, S_TWO, 0, 0, 0x3fb504f3, NX},
        {RDN, S_TWO, 0, 0, 0x3fb504f3, NX}, {RUP, S_TWO, 0, 0, 0x3fb504f4, NX},
        {RMM, S_TWO, 0, 0, 0x3fb504f3, NX},
        {RNE, 0x40800000, 0, 0, S_TWO, 0},      /* sqrt(4) */
        {RNE, 0x3e800000, 0, 0, S_HALF, 0},     /* sqrt(1/4) */
        {RNE, 0x00000002, 0, 0, 0x1a800000, 0}, /* sqrt(2^-148) = 2^-74, from a subnormal */
        {RNE, S_NZERO, 0, 0, S_NZERO, 0},       {RNE, S_PZERO, 0, 0, S_PZERO, 0},
        {RNE, S_PINF, 0, 0, S_PINF, 0},         {RNE, S_MONE, 0, 0, S_QNAN, NV},
        {RNE, S_NINF, 0, 0, S_QNAN, NV},        {RNE, 0x80000001, 0, 0, S_QNAN, NV},
        {RNE, S_SNAN, 0, 0, S_QNAN, NV},        {RNE, S_QNAN_PAYLOAD, 0, 0, S_QNAN, 0},
    };
    static const struct fcase d[] = {
        {RNE, D_TWO, 0, 0, 0x3ff6a09e667f3bcdull, NX},
        {RTZ, D_TWO, 0, 0, 0x3ff6a09e667f3bccull, NX},
        {RDN, D_TWO, 0, 0, 0x3ff6a09e667f3bccull, NX},
        {RUP, D_TWO, 0, 0, 0x3ff6a09e667f3bcdull, NX},
        {RMM, D_TWO, 0, 0, 0x3ff6a09e667f3bcdull, NX},
        {RNE, 0x4022000000000000ull, 0, 0, D_THREE, 0}, /* sqrt(9) */
        /* x = 0x1.ed473a1fb68f1p0 = M * 2^-52: isqrt(M * 2^74) = 0xb1adcf343ad24400 (found by
         * searching with Python's exact math.isqrt), so sqrt(x) = 0x1635b9e6875a48.8 plus a
         * nonzero remainder in units of its last bit: just above a tie, RNE rounds up. */
        {RNE, 0x3ffed473a1fb68f1ull, 0, 0, 0x3ff635b9e6875a49ull, NX},
        {RTZ, 0x3ffed473a1fb68f1ull, 0, 0, 0x3ff635b9e6875a48ull, NX},
        {RNE, 0x0000000000000001ull, 0, 0, 0x1e60000000000000ull, 0}, /* sqrt(2^-1074) = 2^-537 */
        {RNE, D_NZERO, 0, 0, D_NZERO, 0},
        {RNE, D_MONE, 0, 0, D_QNAN, NV},
    };
    RUN_F(FR1(F5_SQRT, S, 0, 0), RV_OP_fsqrt_s, true, s);
    RUN_F(FR1(F5_SQRT, D, 0, 0), RV_OP_fsqrt_d, false, d);
}

static void test_fused_multiply_add_variants_round_once(void)
{
    /* 2 * 3 + 1: fmadd 7, fmsub 5, fnmsub -(2 * 3) + 1 = -5, fnmadd -(2 * 3) - 1 = -7. */
    static const struct fcase madd[] = {
        {RNE, S_TWO, S_THREE, S_ONE, 0x40e00000, 0},
        /* (1 + 2^-12)^2 - 1 = 2^-11 + 2^-24 exactly (0x3a000400); the separately rounded
         * product 1 + 2^-11 + 2^-24 would have lost 2^-24. Here with c = -1. */
        {RNE, 0x3f800800, 0x3f800800, S_MONE, 0x3a000400, 0},
    };
    static const struct fcase msub[] = {
        {RNE, S_TWO, S_THREE, S_ONE, 0x40a00000, 0},
        {RNE, 0x3f800800, 0x3f800800, S_ONE, 0x3a000400, 0},
    };
    static const struct fcase nmsub[] = {{RNE, S_TWO, S_THREE, S_ONE, 0xc0a00000, 0}};
    static const struct fcase nmadd[] = {{RNE, S_TWO, S_THREE, S_ONE, 0xc0e00000, 0}};
    /* Double: 0.1 * 3 + 0 rounds like fmul (0.30000000000000004); 0.1 * 10 - 1 is exactly
     * 0x1999999999999a * 10 * 2^-56 - 1 = (2^56 + 4) * 2^-56 - 1 = 2^-54 (the product
     * 1 + 2^-54 is not a double, but fused it is never rounded). */
    static const struct fcase maddd[] = {
        {RNE, 0x3fb999999999999aull, D_THREE, D_PZERO, 0x3fd3333333333334ull, NX},
        {RNE, 0x3fb999999999999aull, 0x4024000000000000ull, D_MONE, 0x3c90000000000000ull, 0},
        {RNE, D_TWO, D_THREE, D_ONE, 0x401c000000000000ull, 0},
    };
    static const struct fcase nmaddd[] = {
        {RNE, D_TWO, D_THREE, D_ONE, 0xc01c000000000000ull, 0},
        {RDN, D_ONE, D_ONE, D_MONE, D_NZERO, 0}, /* -(1) - (-1) = exact zero, rounding down */
        {RNE, D_ONE, D_ONE, D_MONE, D_PZERO, 0},
    };
    static const struct fcase nmsubd[] = {{RNE, D_TWO, D_THREE, D_ONE, 0xc014000000000000ull, 0}};
    static const struct fcase msubd[] = {{RNE, D_TWO, D_THREE, D_ONE, 0x4014000000000000ull, 0}};
    RUN_F(R4(OPC_FMADD, S, 0), RV_OP_fmadd_s, true, madd);
    RUN_F(R4(OPC_FMSUB, S, 0), RV_OP_fmsub_s, true, msub);
    RUN_F(R4(OPC_FNMSUB, S, 0), RV_OP_fnmsub_s, true, nmsub);
    RUN_F(R4(OPC_FNMADD, S, 0), RV_OP_fnmadd_s, true, nmadd);
    RUN_F(R4(OPC_FMADD, D, 0), RV_OP_fmadd_d, false, maddd);
    RUN_F(R4(OPC_FMSUB, D, 0), RV_OP_fmsub_d, false, msubd);
    RUN_F(R4(OPC_FNMSUB, D, 0), RV_OP_fnmsub_d, false, nmsubd);
    RUN_F(R4(OPC_FNMADD, D, 0), RV_OP_fnmadd_d, false, nmaddd);
}

static void test_fused_multiply_add_invalid_cases(void)
{
    static const struct fcase s[] = {
        /* inf * 0 is invalid even with a quiet NaN addend (the F chapter requires NV) */
        {RNE, S_PINF, S_PZERO, S_QNAN, S_QNAN, NV},
        {RNE, S_PZERO, S_NINF, S_ONE, S_QNAN, NV},
        {RNE, S_PINF, S_ONE, S_NINF, S_QNAN, NV}, /* inf - inf */
        {RNE, S_PINF, S_ONE, S_PINF, S_PINF, 0},
        {RNE, S_ONE, S_ONE, S_NINF, S_NINF, 0},
        {RNE, S_ONE, S_ONE, S_SNAN, S_QNAN, NV},
        {RNE, S_QNAN_PAYLOAD, S_ONE, S_ONE, S_QNAN, 0},
        {RNE, S_ONE, S_SNAN, S_ONE, S_QNAN, NV},
        {RNE, S_MAX, S_MAX, S_NINF, S_NINF, 0}, /* a huge finite product does not overflow */
        {RNE, S_MAX, S_TWO, S_MAX, S_PINF, OF | NX},
    };
    static const struct fcase d[] = {
        {RNE, D_NINF, D_PZERO, D_QNAN_PAYLOAD, D_QNAN, NV},
        {RNE, D_NINF, D_ONE, D_NINF, D_NINF, 0},
        {RNE, D_NINF, D_MONE, D_NINF, D_QNAN, NV},
    };
    /* fmsub negates c: inf * 1 - inf is invalid, fnmadd negates both terms */
    static const struct fcase msub[] = {{RNE, S_PINF, S_ONE, S_PINF, S_QNAN, NV}};
    static const struct fcase nmadd[] = {{RNE, S_PINF, S_ONE, S_PINF, S_NINF, 0}};
    RUN_F(R4(OPC_FMADD, S, 0), RV_OP_fmadd_s, true, s);
    RUN_F(R4(OPC_FMADD, D, 0), RV_OP_fmadd_d, false, d);
    RUN_F(R4(OPC_FMSUB, S, 0), RV_OP_fmsub_s, true, msub);
    RUN_F(R4(OPC_FNMADD, S, 0), RV_OP_fnmadd_s, true, nmadd);
}

/* ---- NaNs ---- */

static void test_nan_results_are_canonical_and_signaling_inputs_raise_nv(void)
{
    static const struct fcase add_s[] = {
        {RNE, S_QNAN_PAYLOAD, S_ONE, 0, S_QNAN, 0},   {RNE, S_ONE, 0xffc00001, 0, S_QNAN, 0},
        {RNE, S_SNAN, S_ONE, 0, S_QNAN, NV},          {RNE, S_ONE, 0xff800123, 0, S_QNAN, NV},
        {RNE, S_PINF, S_NINF, 0, S_QNAN, NV},         {RNE, S_PINF, S_PINF, 0, S_PINF, 0},
        {RNE, S_QNAN_PAYLOAD, S_SNAN, 0, S_QNAN, NV},
    };
    static const struct fcase mul_s[] = {
        {RNE, S_PINF, S_PZERO, 0, S_QNAN, NV}, {RNE, S_NZERO, S_NINF, 0, S_QNAN, NV},
        {RNE, S_QNAN_PAYLOAD, S_PZERO, 0, S_QNAN, 0},
    };
    static const struct fcase add_d[] = {
        {RNE, D_QNAN_PAYLOAD, D_ONE, 0, D_QNAN, 0}, {RNE, D_ONE, D_SNAN, 0, D_QNAN, NV},
        {RNE, D_NINF, D_PINF, 0, D_QNAN, NV},
    };
    static const struct fcase sub_d[] = {{RNE, D_PINF, D_PINF, 0, D_QNAN, NV}};
    RUN_F(FR(F5_ADD, S, 0), RV_OP_fadd_s, true, add_s);
    RUN_F(FR(F5_MUL, S, 0), RV_OP_fmul_s, true, mul_s);
    RUN_F(FR(F5_ADD, D, 0), RV_OP_fadd_d, false, add_d);
    RUN_F(FR(F5_SUB, D, 0), RV_OP_fsub_d, false, sub_d);
}

static void test_improperly_boxed_singles_read_as_the_canonical_nan(void)
{
    struct rv_hart *h = hart(64, EXTS_FD);
    h->f[1] = 0x000000003f800000ull; /* 1.0 with the upper half not all ones */
    h->f[2] = BOX | S_ONE;
    CU_ASSERT(exec(h, FR(F5_ADD, S, RNE), RV_OP_fadd_s));
    CU_ASSERT_EQUAL(h->f[4], BOX | S_QNAN);
    CU_ASSERT_EQUAL(h->fflags, 0); /* the canonical NaN is quiet */
    h->f[1] = 0xfffffffe3f800000ull;
    CU_ASSERT(exec(h, FR(F5_MUL, S, RNE), RV_OP_fmul_s));
    CU_ASSERT_EQUAL(h->f[4], BOX | S_QNAN);
    /* fclass and fsgnj see the canonical NaN too; fmin returns the other operand. */
    CU_ASSERT(exec(h, FR1(F5_MV_XF, S, 0, 1), RV_OP_fclass_s));
    CU_ASSERT_EQUAL(rv_get_x(h, 4), 1u << 9);
    h->f[2] = BOX | S_MONE;
    CU_ASSERT(exec(h, FR(F5_SGNJ, S, 0), RV_OP_fsgnj_s));
    CU_ASSERT_EQUAL(h->f[4], BOX | 0xffc00000);
    CU_ASSERT(exec(h, FR(F5_MINMAX, S, 0), RV_OP_fmin_s));
    CU_ASSERT_EQUAL(h->f[4], BOX | S_MONE);
    /* A double in a register read as a single (e.g. after fld) is a NaN. */
    h->f[1] = D_ONE;
    CU_ASSERT(exec(h, FR1(F5_CVT_XF, S, 0, RNE), RV_OP_fcvt_w_s));
    CU_ASSERT_EQUAL(rv_get_x(h, 4), 0x7fffffff); /* NaN converts to the largest integer */
    CU_ASSERT_EQUAL(h->fflags, NV);
    h->fflags = 0;
    CU_ASSERT(exec(h, FR1(F5_CVT_FF, D, 0, RNE), RV_OP_fcvt_d_s));
    CU_ASSERT_EQUAL(h->f[4], D_QNAN);
    CU_ASSERT_EQUAL(h->fflags, 0);
    /* fmv.x.w moves the low 32 bits whatever the upper ones are (a transfer, not an
     * operation). */
    h->f[1] = 0x123456783f800000ull;
    CU_ASSERT(exec(h, FR1(F5_MV_XF, S, 0, 0), RV_OP_fmv_x_w));
    CU_ASSERT_EQUAL(rv_get_x(h, 4), 0x3f800000);
    free(h);
}

static void test_without_d_flen_is_32_and_the_upper_half_is_ignored(void)
{
    struct rv_hart *h = hart(32, EXTS_F);
    h->f[1] = 0x3f800000; /* no box: FLEN is 32, there is no upper half */
    h->f[2] = 0x3f800000;
    CU_ASSERT(exec(h, FR(F5_ADD, S, RNE), RV_OP_fadd_s));
    CU_ASSERT_EQUAL((uint32_t)h->f[4], S_TWO);
    CU_ASSERT_EQUAL(h->fflags, 0);
    free(h);
}

static void test_sign_injection_keeps_nan_payloads(void)
{
    static const struct fcase j[] = {
        {0, S_ONE, S_MONE, 0, S_MONE, 0}, {0, S_MONE, S_TWO, 0, S_ONE, 0},
        {0, S_SNAN, S_MONE, 0, 0xff800001, 0}, {0, S_QNAN_PAYLOAD, S_NZERO, 0, 0xffc12345, 0},
    };
    static const struct fcase jn[] = {
        {1, S_ONE, S_MONE, 0, S_ONE, 0}, {1, S_ONE, S_ONE, 0, S_MONE, 0}, /* fneg */
        {1, S_SNAN, S_SNAN, 0, 0xff800001, 0},
    };
    static const struct fcase jx[] = {
        {2, S_MONE, S_MONE, 0, S_ONE, 0}, /* fabs */
        {2, S_MONE, S_ONE, 0, S_MONE, 0}, {2, S_ONE, S_MONE, 0, S_MONE, 0},
        {2, 0xffc12345, S_NINF, 0, S_QNAN_PAYLOAD, 0},
    };
    static const struct fcase jd[] = {{0, D_SNAN, D_MONE, 0, 0xfff0000000000001ull, 0}};
    static const struct fcase jnd[] = {{1, D_TWO, D_TWO, 0, 0xc000000000000000ull, 0}};
    static const struct fcase jxd[] = {{2, D_MONE, D_NINF, 0, D_ONE, 0}};
    RUN_F(FR(F5_SGNJ, S, 0), RV_OP_fsgnj_s, true, j);
    RUN_F(FR(F5_SGNJ, S, 0), RV_OP_fsgnjn_s, true, jn);
    RUN_F(FR(F5_SGNJ, S, 0), RV_OP_fsgnjx_s, true, jx);
    RUN_F(FR(F5_SGNJ, D, 0), RV_OP_fsgnj_d, false, jd);
    RUN_F(FR(F5_SGNJ, D, 0), RV_OP_fsgnjn_d, false, jnd);
    RUN_F(FR(F5_SGNJ, D, 0), RV_OP_fsgnjx_d, false, jxd);
}

static void test_min_max_order_zeros_and_ignore_one_nan(void)
{
    /* The rm field is the operation: 0 min, 1 max (filled in through the case's rm). */
    static const struct fcase min_s[] = {
        {0, S_ONE, S_TWO, 0, S_ONE, 0},         {0, S_MONE, S_ONE, 0, S_MONE, 0},
        {0, S_NZERO, S_PZERO, 0, S_NZERO, 0},   {0, S_PZERO, S_NZERO, 0, S_NZERO, 0},
        {0, S_QNAN, S_ONE, 0, S_ONE, 0},        {0, S_ONE, S_QNAN_PAYLOAD, 0, S_ONE, 0},
        {0, S_SNAN, S_ONE, 0, S_ONE, NV},       {0, S_QNAN_PAYLOAD, S_QNAN_PAYLOAD, 0, S_QNAN, 0},
        {0, S_SNAN, S_QNAN, 0, S_QNAN, NV},     {0, S_NINF, S_MAX, 0, S_NINF, 0},
        {0, 0xc0000000, S_MONE, 0, 0xc0000000, 0},
    };
    static const struct fcase max_s[] = {
        {1, S_ONE, S_TWO, 0, S_TWO, 0},         {1, S_NZERO, S_PZERO, 0, S_PZERO, 0},
        {1, S_PZERO, S_NZERO, 0, S_PZERO, 0},   {1, S_ONE, S_SNAN, 0, S_ONE, NV},
        {1, S_QNAN, S_QNAN, 0, S_QNAN, 0},      {1, 0xc0000000, S_MONE, 0, S_MONE, 0},
        {1, S_PINF, S_MAX, 0, S_PINF, 0},
    };
    static const struct fcase min_d[] = {
        {0, D_SNAN, D_TWO, 0, D_TWO, NV}, {0, D_PZERO, D_NZERO, 0, D_NZERO, 0},
        {0, D_QNAN_PAYLOAD, D_SNAN, 0, D_QNAN, NV},
    };
    static const struct fcase max_d[] = {
        {1, D_MONE, D_NZERO, 0, D_NZERO, 0}, {1, D_QNAN_PAYLOAD, D_MONE, 0, D_MONE, 0},
    };
    RUN_F(FR(F5_MINMAX, S, 0), RV_OP_fmin_s, true, min_s);
    RUN_F(FR(F5_MINMAX, S, 0), RV_OP_fmax_s, true, max_s);
    RUN_F(FR(F5_MINMAX, D, 0), RV_OP_fmin_d, false, min_d);
    RUN_F(FR(F5_MINMAX, D, 0), RV_OP_fmax_d, false, max_d);
}

/* ---- compares and classification ---- */

static void test_feq_is_quiet_and_flt_fle_signal_on_any_nan(void)
{
    /* the rm field selects: 2 feq, 1 flt, 0 fle */
    static const struct xcase eq[] = {
        {2, S_ONE, S_ONE, 1, 0},   {2, S_ONE, S_TWO, 0, 0},       {2, S_NZERO, S_PZERO, 1, 0},
        {2, S_QNAN, S_QNAN, 0, 0}, {2, S_QNAN, S_ONE, 0, 0},      {2, S_SNAN, S_ONE, 0, NV},
        {2, S_ONE, S_SNAN, 0, NV}, {2, S_PINF, S_PINF, 1, 0},
    };
    static const struct xcase lt[] = {
        {1, S_ONE, S_TWO, 1, 0},   {1, S_TWO, S_ONE, 0, 0},       {1, S_ONE, S_ONE, 0, 0},
        {1, S_MONE, S_ONE, 1, 0},  {1, 0xc0000000, S_MONE, 1, 0}, {1, S_MONE, 0xc0000000, 0, 0},
        {1, S_NZERO, S_PZERO, 0, 0}, {1, S_NINF, S_MAX, 1, 0},    {1, S_QNAN, S_ONE, 0, NV},
        {1, S_ONE, S_QNAN, 0, NV},
    };
    static const struct xcase le[] = {
        {0, S_ONE, S_ONE, 1, 0},   {0, S_TWO, S_ONE, 0, 0},       {0, S_PZERO, S_NZERO, 1, 0},
        {0, S_MONE, S_ONE, 1, 0},  {0, S_QNAN, S_QNAN, 0, NV},    {0, S_SNAN, S_ONE, 0, NV},
    };
    static const struct xcase eqd[] = {
        {2, D_ONE, D_ONE, 1, 0}, {2, D_PZERO, D_NZERO, 1, 0}, {2, D_QNAN, D_ONE, 0, 0},
        {2, D_SNAN, D_SNAN, 0, NV},
    };
    static const struct xcase ltd[] = {
        {1, D_MONE, D_ONE, 1, 0}, {1, D_ONE, D_ONE, 0, 0}, {1, D_QNAN, D_ONE, 0, NV},
        {1, 0x8000000000000001ull, D_NZERO, 1, 0}, /* a negative subnormal is below -0 */
    };
    static const struct xcase led[] = {{0, D_ONE, D_ONE, 1, 0}, {0, D_ONE, D_QNAN, 0, NV}};
    RUN_X(64, FR(F5_CMP, S, 0), RV_OP_feq_s, true, eq);
    RUN_X(64, FR(F5_CMP, S, 0), RV_OP_flt_s, true, lt);
    RUN_X(64, FR(F5_CMP, S, 0), RV_OP_fle_s, true, le);
    RUN_X(32, FR(F5_CMP, D, 0), RV_OP_feq_d, false, eqd);
    RUN_X(32, FR(F5_CMP, D, 0), RV_OP_flt_d, false, ltd);
    RUN_X(64, FR(F5_CMP, D, 0), RV_OP_fle_d, false, led);
}

static void test_fclass_sets_exactly_one_of_ten_bits(void)
{
    static const struct xcase s[] = {
        {1, S_NINF, 0, 1u << 0, 0},     {1, S_MONE, 0, 1u << 1, 0},
        {1, 0x807fffff, 0, 1u << 2, 0}, {1, S_NZERO, 0, 1u << 3, 0},
        {1, S_PZERO, 0, 1u << 4, 0},    {1, 0x00000001, 0, 1u << 5, 0},
        {1, S_MIN_NORMAL, 0, 1u << 6, 0}, {1, S_PINF, 0, 1u << 7, 0},
        {1, S_SNAN, 0, 1u << 8, 0},     {1, 0xffbfffff, 0, 1u << 8, 0},
        {1, S_QNAN, 0, 1u << 9, 0},     {1, 0xffc00001, 0, 1u << 9, 0},
    };
    static const struct xcase d[] = {
        {1, D_NINF, 0, 1u << 0, 0},     {1, D_MONE, 0, 1u << 1, 0},
        {1, 0x800fffffffffffffull, 0, 1u << 2, 0}, {1, D_NZERO, 0, 1u << 3, 0},
        {1, D_PZERO, 0, 1u << 4, 0},    {1, 0x0000000000000001ull, 0, 1u << 5, 0},
        {1, D_MAX, 0, 1u << 6, 0},      {1, D_PINF, 0, 1u << 7, 0},
        {1, D_SNAN, 0, 1u << 8, 0},     {1, D_QNAN_PAYLOAD, 0, 1u << 9, 0},
        /* a single's bits in a double register are just a small double */
        {1, BOX | S_ONE, 0, 1u << 9, 0},
    };
    RUN_X(64, FR1(F5_MV_XF, S, 0, 0), RV_OP_fclass_s, true, s);
    RUN_X(32, FR1(F5_MV_XF, D, 0, 0), RV_OP_fclass_d, false, d);
}

/* ---- conversions ---- */

static void test_float_to_integer_rounds_per_mode(void)
{
    /* 2.5 lies halfway between 2 and 3: RNE 2 (even), RMM 3 (away), RUP 3, RDN and RTZ 2.
     * -2.5: RNE -2, RMM -3, RDN -3, RUP and RTZ -2. 0.5: RNE 0, RMM 1. All inexact. */
    static const struct xcase w_s[] = {
        {RNE, 0x40200000, 0, 2, NX}, {RTZ, 0x40200000, 0, 2, NX}, {RDN, 0x40200000, 0, 2, NX},
        {RUP, 0x40200000, 0, 3, NX}, {RMM, 0x40200000, 0, 3, NX},
        {RNE, 0xc0200000, 0, (uint64_t)-2, NX}, {RTZ, 0xc0200000, 0, (uint64_t)-2, NX},
        {RDN, 0xc0200000, 0, (uint64_t)-3, NX}, {RUP, 0xc0200000, 0, (uint64_t)-2, NX},
        {RMM, 0xc0200000, 0, (uint64_t)-3, NX},
        {RNE, 0x3fc00000, 0, 2, NX}, /* 1.5: halfway, 2 is even */
        {RNE, S_HALF, 0, 0, NX}, {RMM, S_HALF, 0, 1, NX}, {RUP, S_HALF, 0, 1, NX},
        {RNE, 0xbf000000, 0, 0, NX}, {RDN, 0xbf000000, 0, (uint64_t)-1, NX},
        {RUP, 0x00000001, 0, 1, NX}, /* the smallest subnormal rounds up to 1 */
        {RDN, 0x80000001, 0, (uint64_t)-1, NX},
        {RNE, S_NZERO, 0, 0, 0}, {RNE, 0x4effffff, 0, 0x7fffff80, 0}, /* 2^31 - 2^7 */
        {RNE, 0xcf000000, 0, 0xffffffff80000000ull, 0}, /* -2^31, exact, sign-extended */
    };
    /* double: 2^31 - 0.5 (0x41dfffffffe00000) is halfway between 2^31 - 1 and 2^31 (even):
     * RNE, RMM and RUP round to 2^31, out of range: NV, not NX, and the largest int32. RTZ and
     * RDN give 2^31 - 1 with NX. */
    static const struct xcase w_d[] = {
        {RNE, 0x41dfffffffe00000ull, 0, 0x7fffffff, NV},
        {RMM, 0x41dfffffffe00000ull, 0, 0x7fffffff, NV},
        {RUP, 0x41dfffffffe00000ull, 0, 0x7fffffff, NV},
        {RTZ, 0x41dfffffffe00000ull, 0, 0x7fffffff, NX},
        {RDN, 0x41dfffffffe00000ull, 0, 0x7fffffff, NX},
        {RNE, 0xc004000000000000ull, 0, (uint64_t)-2, NX}, /* -2.5 */
        {RMM, 0xc004000000000000ull, 0, (uint64_t)-3, NX},
        /* -(2^31 + 0.5): RTZ and RUP give -2^31, RNE -2^31 (even), RDN and RMM overflow */
        {RTZ, 0xc1e0000000100000ull, 0, 0xffffffff80000000ull, NX},
        {RNE, 0xc1e0000000100000ull, 0, 0xffffffff80000000ull, NX},
        {RDN, 0xc1e0000000100000ull, 0, 0xffffffff80000000ull, NV},
        {RMM, 0xc1e0000000100000ull, 0, 0xffffffff80000000ull, NV},
    };
    /* 64-bit: 2^52 + 0.5 is not a double; 0x4330000000000001 = 2^52 + 1 is exact. 2^51 + 0.5
     * = 0x4320000000000001 halfway: RNE 2^51 (even), RMM 2^51 + 1. */
    static const struct xcase l_d[] = {
        {RNE, 0x4330000000000001ull, 0, 0x0010000000000001ull, 0},
        {RNE, 0x4320000000000001ull, 0, 0x0008000000000000ull, NX},
        {RMM, 0x4320000000000001ull, 0, 0x0008000000000001ull, NX},
        {RDN, 0xc320000000000001ull, 0, 0xfff7ffffffffffffull, NX},
    };
    RUN_X(64, FR1(F5_CVT_XF, S, 0, 0), RV_OP_fcvt_w_s, true, w_s);
    RUN_X(64, FR1(F5_CVT_XF, D, 0, 0), RV_OP_fcvt_w_d, false, w_d);
    RUN_X(64, FR1(F5_CVT_XF, D, 2, 0), RV_OP_fcvt_l_d, false, l_d);
}

static void test_float_to_integer_saturates_with_nv(void)
{
    /* The F chapter's table: out of range, infinities and NaN give the nearest bound, NaN the
     * largest positive value; only NV is raised. 0x4f000000 = 2^31, 0xcf000001 = -(2^31 + 2^8),
     * 0x4f800000 = 2^32, 0x5f000000 = 2^63, 0xdf000000 = -2^63, 0x5f800000 = 2^64. Results of
     * the W forms are sign-extended to 64 bits, unsigned ones included. */
    static const struct xcase w[] = {
        {RNE, 0x4f000000, 0, 0x7fffffff, NV},
        {RNE, 0xcf000001, 0, 0xffffffff80000000ull, NV},
        {RNE, S_PINF, 0, 0x7fffffff, NV},
        {RNE, S_NINF, 0, 0xffffffff80000000ull, NV},
        {RNE, S_QNAN, 0, 0x7fffffff, NV},
        {RNE, 0xffc00000, 0, 0x7fffffff, NV},
        {RNE, S_SNAN, 0, 0x7fffffff, NV},
        {RNE, S_MAX, 0, 0x7fffffff, NV},
    };
    static const struct xcase wu[] = {
        {RNE, 0x4f800000, 0, 0xffffffffffffffffull, NV},
        {RNE, S_MONE, 0, 0, NV},
        {RNE, S_NINF, 0, 0, NV},
        {RNE, S_PINF, 0, 0xffffffffffffffffull, NV},
        {RNE, S_QNAN, 0, 0xffffffffffffffffull, NV},
        {RNE, 0xffc00000, 0, 0xffffffffffffffffull, NV},
        /* 3e9 = 11718750 * 2^8 = 0x4f32d05e converts exactly to 0xb2d05e00, sign-extended */
        {RNE, 0x4f32d05e, 0, 0xffffffffb2d05e00ull, 0},
        /* -0.5: RTZ and RNE give 0 (in range, inexact), RDN -1 (out of range) */
        {RTZ, 0xbf000000, 0, 0, NX},
        {RNE, 0xbf000000, 0, 0, NX},
        {RDN, 0xbf000000, 0, 0, NV},
        {RNE, S_NZERO, 0, 0, 0},
    };
    static const struct xcase l[] = {
        {RNE, 0x5f000000, 0, 0x7fffffffffffffffull, NV},
        {RNE, 0xdf000000, 0, 0x8000000000000000ull, 0},
        {RNE, 0xdf000001, 0, 0x8000000000000000ull, NV},
        {RNE, S_QNAN, 0, 0x7fffffffffffffffull, NV},
        {RNE, S_NINF, 0, 0x8000000000000000ull, NV},
        {RNE, 0x4f000000, 0, 0x80000000, 0},
    };
    static const struct xcase lu[] = {
        {RNE, 0x5f800000, 0, 0xffffffffffffffffull, NV},
        {RNE, 0x5f000000, 0, 0x8000000000000000ull, 0},
        {RNE, S_MONE, 0, 0, NV},
        {RNE, S_SNAN, 0, 0xffffffffffffffffull, NV},
        {RUP, 0x5f7fffff, 0, 0xffffff0000000000ull, 0},  /* 2^64 - 2^40, exact */
    };
    /* doubles: 2^63 = 0x43e0000000000000, 2^64 = 0x43f0000000000000, 2^64 - 2^11 =
     * 0x43efffffffffffff. */
    static const struct xcase ld[] = {
        {RNE, 0x43e0000000000000ull, 0, 0x7fffffffffffffffull, NV},
        {RNE, 0xc3e0000000000000ull, 0, 0x8000000000000000ull, 0},
        {RNE, D_PINF, 0, 0x7fffffffffffffffull, NV},
        {RNE, D_QNAN_PAYLOAD, 0, 0x7fffffffffffffffull, NV},
        {RNE, 0xbfe0000000000000ull, 0, 0, NX}, /* -0.5 -> 0 (RNE, even) */
    };
    static const struct xcase lud[] = {
        {RNE, 0x43f0000000000000ull, 0, 0xffffffffffffffffull, NV},
        {RNE, 0x43efffffffffffffull, 0, 0xfffffffffffff800ull, 0},
        {RNE, D_NINF, 0, 0, NV},
        {RMM, 0xbfe0000000000000ull, 0, 0, NV}, /* -0.5 -> -1 */
        {RNE, D_SNAN, 0, 0xffffffffffffffffull, NV},
    };
    static const struct xcase wd[] = {
        {RNE, 0x41e0000000000000ull, 0, 0x7fffffff, NV}, /* 2^31 */
        {RNE, 0xc1e0000000000000ull, 0, 0xffffffff80000000ull, 0},
        {RNE, D_QNAN, 0, 0x7fffffff, NV},
    };
    static const struct xcase wud[] = {
        {RNE, 0x41efffffffe00000ull, 0, 0xffffffffffffffffull, 0}, /* 2^32 - 1, exact */
        {RNE, 0x41f0000000000000ull, 0, 0xffffffffffffffffull, NV}, /* 2^32 */
        {RNE, D_MONE, 0, 0, NV},
    };
    RUN_X(64, FR1(F5_CVT_XF, S, 0, 0), RV_OP_fcvt_w_s, true, w);
    RUN_X(64, FR1(F5_CVT_XF, S, 1, 0), RV_OP_fcvt_wu_s, true, wu);
    RUN_X(64, FR1(F5_CVT_XF, S, 2, 0), RV_OP_fcvt_l_s, true, l);
    RUN_X(64, FR1(F5_CVT_XF, S, 3, 0), RV_OP_fcvt_lu_s, true, lu);
    RUN_X(64, FR1(F5_CVT_XF, D, 2, 0), RV_OP_fcvt_l_d, false, ld);
    RUN_X(64, FR1(F5_CVT_XF, D, 3, 0), RV_OP_fcvt_lu_d, false, lud);
    RUN_X(64, FR1(F5_CVT_XF, D, 0, 0), RV_OP_fcvt_w_d, false, wd);
    RUN_X(64, FR1(F5_CVT_XF, D, 1, 0), RV_OP_fcvt_wu_d, false, wud);
}

static void test_float_to_integer_on_rv32_writes_32_bits(void)
{
    static const struct xcase w[] = {
        {RNE, S_MONE, 0, 0xffffffff, 0}, {RNE, S_QNAN, 0, 0x7fffffff, NV},
        {RNE, S_NINF, 0, 0x80000000, NV},
    };
    static const struct xcase wu[] = {
        {RNE, 0x4f32d05e, 0, 0xb2d05e00, 0}, {RNE, S_PINF, 0, 0xffffffff, NV},
    };
    /* 2^32 - 1.5 = 0x41efffffffd00000 */
    static const struct xcase wud[] = {{RTZ, 0x41efffffffd00000ull, 0, 0xfffffffe, NX}};
    RUN_X(32, FR1(F5_CVT_XF, S, 0, 0), RV_OP_fcvt_w_s, true, w);
    RUN_X(32, FR1(F5_CVT_XF, S, 1, 0), RV_OP_fcvt_wu_s, true, wu);
    RUN_X(32, FR1(F5_CVT_XF, D, 1, 0), RV_OP_fcvt_wu_d, false, wud);
}

static void test_integer_to_float_rounds_per_mode(void)
{
    /* 2^24 + 1 = 16777217 needs 25 bits: halfway between 2^24 (0x4b800000, even) and
     * 2^24 + 2 (0x4b800001). RNE, RTZ and RDN 2^24; RMM and RUP 2^24 + 2. Negative mirrors. */
    static const struct fcase w[] = {
        {RNE, 16777217, 0, 0, 0x4b800000, NX}, {RMM, 16777217, 0, 0, 0x4b800001, NX},
        {RUP, 16777217, 0, 0, 0x4b800001, NX}, {RDN, 16777217, 0, 0, 0x4b800000, NX},
        {RTZ, 16777217, 0, 0, 0x4b800000, NX},
        {RNE, (uint64_t)-16777217, 0, 0, 0xcb800000, NX},
        {RMM, (uint64_t)-16777217, 0, 0, 0xcb800001, NX},
        {RDN, (uint64_t)-16777217, 0, 0, 0xcb800001, NX},
        {RUP, (uint64_t)-16777217, 0, 0, 0xcb800000, NX},
        {RNE, 0, 0, 0, S_PZERO, 0}, {RDN, 0, 0, 0, S_PZERO, 0},
        {RNE, 0xffffffff80000000ull, 0, 0, 0xcf000000, 0}, /* -2^31 */
        /* only the low 32 bits count on RV64: 0x12345678ffffffff is -1 */
        {RNE, 0x12345678ffffffffull, 0, 0, S_MONE, 0},
        {RNE, 0x7fffffff, 0, 0, 0x4f000000, NX}, /* 2^31 - 1 rounds to 2^31 */
        {RTZ, 0x7fffffff, 0, 0, 0x4effffff, NX},
    };
    /* 2^32 - 1: RNE 2^32 (0x4f800000), RTZ 2^32 - 2^8 (0x4f7fffff). */
    static const struct fcase wu[] = {
        {RNE, 0xffffffff, 0, 0, 0x4f800000, NX}, {RTZ, 0xffffffff, 0, 0, 0x4f7fffff, NX},
        {RNE, 0xabcdef01ffffffffull, 0, 0, 0x4f800000, NX}, {RNE, 1, 0, 0, S_ONE, 0},
    };
    /* 2^63 + 2^39 is halfway between 2^63 (0x5f000000) and 2^63 + 2^40 (0x5f000001). */
    static const struct fcase lu[] = {
        {RNE, 0x8000008000000000ull, 0, 0, 0x5f000000, NX},
        {RMM, 0x8000008000000000ull, 0, 0, 0x5f000001, NX},
        {RNE, 0xffffffffffffffffull, 0, 0, 0x5f800000, NX},
        {RTZ, 0xffffffffffffffffull, 0, 0, 0x5f7fffff, NX},
    };
    static const struct fcase l[] = {
        {RNE, (uint64_t)-1, 0, 0, S_MONE, 0},
        {RNE, 0x8000000000000000ull, 0, 0, 0xdf000000, 0}, /* -2^63 */
        {RDN, 0x8000000000000001ull, 0, 0, 0xdf000000, NX},
        {RUP, 0x8000000000000001ull, 0, 0, 0xdeffffff, NX},
    };
    /* doubles: 2^63 - 1 -> RNE 2^63 (0x43e0000000000000), RTZ 2^63 - 2^10; 2^64 - 1 likewise */
    static const struct fcase dl[] = {
        {RNE, 0x7fffffffffffffffull, 0, 0, 0x43e0000000000000ull, NX},
        {RTZ, 0x7fffffffffffffffull, 0, 0, 0x43dfffffffffffffull, NX},
        {RNE, (uint64_t)-3, 0, 0, 0xc008000000000000ull, 0},
        /* 2^53 + 1: halfway between 2^53 and 2^53 + 2 */
        {RNE, 0x0020000000000001ull, 0, 0, 0x4340000000000000ull, NX},
        {RMM, 0x0020000000000001ull, 0, 0, 0x4340000000000001ull, NX},
    };
    static const struct fcase dlu[] = {
        {RNE, 0xffffffffffffffffull, 0, 0, 0x43f0000000000000ull, NX},
        {RTZ, 0xffffffffffffffffull, 0, 0, 0x43efffffffffffffull, NX},
    };
    static const struct fcase dw[] = {
        {RNE, (uint64_t)-1, 0, 0, D_MONE, 0}, {RNE, 0x80000000, 0, 0, 0xc1e0000000000000ull, 0},
    };
    static const struct fcase dwu[] = {{RNE, 0xffffffff, 0, 0, 0x41efffffffe00000ull, 0}};
    /* RV32: the whole register is the 32-bit integer */
    static const struct fcase w32[] = {
        {RNE, 0xffffffff, 0, 0, S_MONE, 0}, {RMM, 16777217, 0, 0, 0x4b800001, NX},
    };
    RUN_I(64, FR1(F5_CVT_FX, S, 0, 0), RV_OP_fcvt_s_w, true, w);
    RUN_I(64, FR1(F5_CVT_FX, S, 1, 0), RV_OP_fcvt_s_wu, true, wu);
    RUN_I(64, FR1(F5_CVT_FX, S, 2, 0), RV_OP_fcvt_s_l, true, l);
    RUN_I(64, FR1(F5_CVT_FX, S, 3, 0), RV_OP_fcvt_s_lu, true, lu);
    RUN_I(64, FR1(F5_CVT_FX, D, 2, 0), RV_OP_fcvt_d_l, false, dl);
    RUN_I(64, FR1(F5_CVT_FX, D, 3, 0), RV_OP_fcvt_d_lu, false, dlu);
    RUN_I(32, FR1(F5_CVT_FX, D, 0, 0), RV_OP_fcvt_d_w, false, dw);
    RUN_I(32, FR1(F5_CVT_FX, D, 1, 0), RV_OP_fcvt_d_wu, false, dwu);
    RUN_I(32, FR1(F5_CVT_FX, S, 0, 0), RV_OP_fcvt_s_w, true, w32);
}

static void test_conversions_between_single_and_double(void)
{
    /* fcvt.s.d of 1/3 (0x3fd5555555555555): the 52-bit fraction 0x5555555555555 has bit i set
     * for even i; 23 bits kept (0x2aaaaa), bit 28 (half) and more below it set: above half.
     * Huge doubles overflow like arithmetic, tiny ones underflow (2^-150 is the tie between 0
     * and the smallest subnormal). NaNs become the canonical NaN, NV only for signaling. */
    static const struct fcase sd[] = {
        {RNE, 0x3fd5555555555555ull, 0, 0, 0x3eaaaaab, NX},
        {RTZ, 0x3fd5555555555555ull, 0, 0, 0x3eaaaaaa, NX},
        {RDN, 0x3fd5555555555555ull, 0, 0, 0x3eaaaaaa, NX},
        {RUP, 0x3fd5555555555555ull, 0, 0, 0x3eaaaaab, NX},
        {RMM, 0x3fd5555555555555ull, 0, 0, 0x3eaaaaab, NX},
        {RNE, 0x4c70000000000000ull, 0, 0, S_PINF, OF | NX}, /* 2^200 */
        {RTZ, 0x4c70000000000000ull, 0, 0, S_MAX, OF | NX},
        {RNE, 0x3690000000000000ull, 0, 0, S_PZERO, UF | NX}, /* 2^-150 */
        {RMM, 0x3690000000000000ull, 0, 0, 0x00000001, UF | NX},
        {RNE, 0x36a0000000000000ull, 0, 0, 0x00000001, 0}, /* 2^-149, exact */
        /* 1 + 2^-24: a tie in single precision */
        {RNE, 0x3ff0000010000000ull, 0, 0, S_ONE, NX},
        {RMM, 0x3ff0000010000000ull, 0, 0, 0x3f800001, NX},
        {RNE, D_NINF, 0, 0, S_NINF, 0}, {RNE, D_NZERO, 0, 0, S_NZERO, 0},
        {RNE, D_SNAN, 0, 0, S_QNAN, NV}, {RNE, D_QNAN_PAYLOAD, 0, 0, S_QNAN, 0},
        {RNE, 0xfff8000000000001ull, 0, 0, S_QNAN, 0},
    };
    /* fcvt.d.s is exact: 0x3eaaaaab has fraction 0x2aaaab, which moves up 29 bits to
     * 0x5555560000000. The smallest single subnormal 2^-149 is the normal double
     * 0x36a0000000000000. */
    static const struct fcase ds[] = {
        {RNE, 0x3eaaaaab, 0, 0, 0x3fd5555560000000ull, 0},
        {RNE, 0x00000001, 0, 0, 0x36a0000000000000ull, 0},
        {RNE, 0x807fffff, 0, 0, 0xb80fffffc0000000ull, 0},
        {RNE, S_MAX, 0, 0, 0x47efffffe0000000ull, 0},
        {RNE, S_NINF, 0, 0, D_NINF, 0}, {RNE, S_NZERO, 0, 0, D_NZERO, 0},
        {RNE, S_SNAN, 0, 0, D_QNAN, NV}, {RNE, S_QNAN_PAYLOAD, 0, 0, D_QNAN, 0},
    };
    /* the source of fcvt.s.d is a double (no unboxing); its result is boxed */
    for (size_t i = 0; i < sizeof(sd) / sizeof(sd[0]); i++) {
        struct rv_hart *h = hart(64, EXTS_FD);
        h->f[1] = sd[i].a;
        bool ok = exec(h, FR1(F5_CVT_FF, S, 1, sd[i].rm), RV_OP_fcvt_s_d);
        check("fcvt.s.d", i, ok, h->f[4], h->fflags, BOX | sd[i].want, sd[i].flags);
        free(h);
    }
    for (size_t i = 0; i < sizeof(ds) / sizeof(ds[0]); i++) {
        struct rv_hart *h = hart(64, EXTS_FD);
        h->f[1] = BOX | ds[i].a;
        bool ok = exec(h, FR1(F5_CVT_FF, D, 0, ds[i].rm), RV_OP_fcvt_d_s);
        check("fcvt.d.s", i, ok, h->f[4], h->fflags, ds[i].want, ds[i].flags);
        free(h);
    }
}

/* ---- moves ---- */

static void test_moves_transfer_bits_and_fmv_x_w_sign_extends(void)
{
    struct rv_hart *h = hart(64, EXTS_FD);
    h->f[1] = BOX | 0x80000001u;
    CU_ASSERT(exec(h, FR1(F5_MV_XF, S, 0, 0), RV_OP_fmv_x_w));
    CU_ASSERT_EQUAL(rv_get_x(h, 4), 0xffffffff80000001ull);
    h->f[1] = BOX | S_SNAN; /* no canonicalization, no flags */
    CU_ASSERT(exec(h, FR1(F5_MV_XF, S, 0, 0), RV_OP_fmv_x_w));
    CU_ASSERT_EQUAL(rv_get_x(h, 4), S_SNAN);
    rv_set_x(h, 1, 0xdeadbeef7f800001ull);
    CU_ASSERT(exec(h, FR1(F5_MV_FX, S, 0, 0), RV_OP_fmv_w_x));
    CU_ASSERT_EQUAL(h->f[4], BOX | S_SNAN);
    rv_set_x(h, 1, D_SNAN);
    CU_ASSERT(exec(h, FR1(F5_MV_FX, D, 0, 0), RV_OP_fmv_d_x));
    CU_ASSERT_EQUAL(h->f[4], D_SNAN);
    h->f[1] = 0x0123456789abcdefull;
    CU_ASSERT(exec(h, FR1(F5_MV_XF, D, 0, 0), RV_OP_fmv_x_d));
    CU_ASSERT_EQUAL(rv_get_x(h, 4), 0x0123456789abcdefull);
    CU_ASSERT_EQUAL(h->fflags, 0);
    free(h);

    h = hart(32, EXTS_FD);
    h->f[1] = BOX | 0x80000001u;
    CU_ASSERT(exec(h, FR1(F5_MV_XF, S, 0, 0), RV_OP_fmv_x_w));
    CU_ASSERT_EQUAL(rv_get_x(h, 4), 0x80000001u);
    rv_set_x(h, 1, 0xc0000000);
    CU_ASSERT(exec(h, FR1(F5_MV_FX, S, 0, 0), RV_OP_fmv_w_x));
    CU_ASSERT_EQUAL(h->f[4], BOX | 0xc0000000u);
    free(h);
}

static void test_integer_results_to_x0_are_dropped(void)
{
    struct rv_hart *h = hart(64, EXTS_FD);
    h->f[1] = BOX | S_ONE;
    h->f[2] = BOX | S_ONE;
    CU_ASSERT(exec(h, OP_FP(F5_CMP, S, 2, 1, 2, 0), RV_OP_feq_s));
    CU_ASSERT(exec(h, OP_FP(F5_MV_XF, S, 0, 1, 0, 0), RV_OP_fmv_x_w));
    CU_ASSERT_EQUAL(rv_get_x(h, 0), 0);
    /* but an exception still accrues */
    h->f[1] = BOX | S_QNAN;
    CU_ASSERT(exec(h, OP_FP(F5_CMP, S, 2, 1, 1, 0), RV_OP_flt_s));
    CU_ASSERT_EQUAL(h->fflags, NV);
    CU_ASSERT_EQUAL(rv_get_x(h, 0), 0);
    /* f0 is an ordinary register */
    h->f[1] = BOX | S_ONE;
    CU_ASSERT(exec(h, OP_FP(F5_ADD, S, 2, 1, RNE, 0), RV_OP_fadd_s));
    CU_ASSERT_EQUAL(h->f[0], BOX | S_TWO);
    free(h);
}

static void test_r4_uses_all_three_sources_and_any_destination(void)
{
    /* fmadd.d f7, f5, f6, f31: 2 * 3 + 0.5 = 6.5 (0x401a000000000000) */
    struct rv_hart *h = hart(64, EXTS_FD);
    h->f[5] = D_TWO;
    h->f[6] = D_THREE;
    h->f[31] = D_HALF;
    CU_ASSERT(exec(h, OP_R4(OPC_FMADD, 31, D, 6, 5, RNE, 7), RV_OP_fmadd_d));
    CU_ASSERT_EQUAL(h->f[7], 0x401a000000000000ull);
    /* in place: fadd.s f9, f9, f9 */
    h->f[9] = BOX | S_THREE;
    CU_ASSERT(exec(h, OP_FP(F5_ADD, S, 9, 9, RNE, 9), RV_OP_fadd_s));
    CU_ASSERT_EQUAL(h->f[9], BOX | 0x40c00000u);
    free(h);
}

UNIT_MAIN("fp",
          T(test_every_fd_instruction_decodes_from_its_manual_encoding),
          T(test_decoder_rejects_reserved_fields_of_fp_encodings),
          T(test_rv64_only_instructions_do_not_decode_on_rv32),
          T(test_fs_off_makes_fp_instructions_illegal_without_side_effects),
          T(test_fs_becomes_dirty_on_f_register_or_fflags_writes_only),
          T(test_reserved_rounding_modes_and_bad_frm_are_illegal),
          T(test_static_rounding_mode_overrides_frm_and_dyn_uses_it),
          T(test_instructions_of_absent_extensions_or_other_xlen_are_illegal),
          T(test_one_third_in_every_rounding_mode),
          T(test_rmm_rounds_ties_away_from_zero_and_rne_to_even),
          T(test_double_sums_and_products_of_point_one),
          T(test_exact_zero_sums_are_positive_except_when_rounding_down),
          T(test_overflow_gives_infinity_or_the_largest_finite_per_mode),
          T(test_overflow_is_decided_after_rounding),
          T(test_underflow_tininess_is_detected_after_rounding),
          T(test_exact_subnormal_results_raise_no_underflow),
          T(test_underflow_to_zero_and_to_the_smallest_subnormal),
          T(test_division_by_zero_and_invalid_divisions),
          T(test_square_root),
          T(test_fused_multiply_add_variants_round_once),
          T(test_fused_multiply_add_invalid_cases),
          T(test_nan_results_are_canonical_and_signaling_inputs_raise_nv),
          T(test_improperly_boxed_singles_read_as_the_canonical_nan),
          T(test_without_d_flen_is_32_and_the_upper_half_is_ignored),
          T(test_sign_injection_keeps_nan_payloads),
          T(test_min_max_order_zeros_and_ignore_one_nan),
          T(test_feq_is_quiet_and_flt_fle_signal_on_any_nan),
          T(test_fclass_sets_exactly_one_of_ten_bits),
          T(test_float_to_integer_rounds_per_mode),
          T(test_float_to_integer_saturates_with_nv),
          T(test_float_to_integer_on_rv32_writes_32_bits),
          T(test_integer_to_float_rounds_per_mode),
          T(test_conversions_between_single_and_double),
          T(test_moves_transfer_bits_and_fmv_x_w_sign_extends),
          T(test_integer_results_to_x0_are_dropped),
          T(test_r4_uses_all_three_sources_and_any_destination))
