/* Decoder and disassembler, both driven by rv_insn.def. Decoding runs once per instruction
 * when a block is built, so it favours clarity over speed. */
#include <stdio.h>
#include <string.h>

#include "rv_insn.h"

#define EXT_I RV_EXT_I
#define EXT_M RV_EXT_M
#define EXT_A RV_EXT_A
#define EXT_C RV_EXT_C
#define EXT_ZICSR RV_EXT_ZICSR
#define EXT_ZIFENCEI RV_EXT_ZIFENCEI
#define EXT_F RV_EXT_F
#define EXT_D RV_EXT_D
#define EXT_S RV_EXT_S
#define EXT_ZBA RV_EXT_ZBA
#define EXT_ZBB RV_EXT_ZBB
#define EXT_ZBS RV_EXT_ZBS
#define EXT_I64 (RV_EXT_I | RV_EXT_ONLY64)
#define EXT_M64 (RV_EXT_M | RV_EXT_ONLY64)
#define EXT_A64 (RV_EXT_A | RV_EXT_ONLY64)
#define EXT_F64 (RV_EXT_F | RV_EXT_ONLY64)
#define EXT_D64 (RV_EXT_D | RV_EXT_ONLY64)
#define EXT_C32 (RV_EXT_C | RV_EXT_ONLY32)
#define EXT_C64 (RV_EXT_C | RV_EXT_ONLY64)
#define EXT_CD (RV_EXT_C | RV_EXT_D)
#define EXT_CF32 (RV_EXT_C | RV_EXT_F | RV_EXT_ONLY32)
#define EXT_ZBA64 (RV_EXT_ZBA | RV_EXT_ONLY64)
#define EXT_ZBB32 (RV_EXT_ZBB | RV_EXT_ONLY32)
#define EXT_ZBB64 (RV_EXT_ZBB | RV_EXT_ONLY64)

static const char *const names[RV_ID_COUNT] = {
#define RV_INSN(name, match, mask, fmt, ext, cls) #name,
#define RV_CINSN(name, match, mask, fmt, ext, as) #name,
#include "rv_insn.def"
#undef RV_INSN
#undef RV_CINSN
};

static const enum rv_class op_class[RV_OP_COUNT] = {
#define RV_INSN(name, match, mask, fmt, ext, cls) [RV_OP_##name] = RV_CLASS_##cls,
#define RV_CINSN(name, match, mask, fmt, ext, as)
#include "rv_insn.def"
#undef RV_INSN
#undef RV_CINSN
    [RV_OP_ILLEGAL] = RV_CLASS_SYSTEM,
    [RV_OP_FETCH_FAULT] = RV_CLASS_SYSTEM,
    [RV_OP_BLOCK_END] = RV_CLASS_SYSTEM,
    [RV_OP_DEBUG_BREAK] = RV_CLASS_SYSTEM,
};

static const enum rv_fmt op_fmt[RV_OP_COUNT] = {
#define RV_INSN(name, match, mask, fmt, ext, cls) [RV_OP_##name] = RV_FMT_##fmt,
#define RV_CINSN(name, match, mask, fmt, ext, as)
#include "rv_insn.def"
#undef RV_INSN
#undef RV_CINSN
};

/* Class of each 32-bit operation as a constant, so 16-bit entries can inherit it. */
enum {
#define RV_INSN(name, m, k, fmt, ext, cls) RV_OPCLASS_##name = RV_CLASS_##cls,
#define RV_CINSN(name, m, k, fmt, ext, as)
#include "rv_insn.def"
#undef RV_INSN
#undef RV_CINSN
};

const struct rv_insn_desc rv_insn_table[RV_ID_COUNT] = {
#define RV_INSN(name, m, k, fmt, ext, cls) \
    [RV_ID_##name] = {m, k, RV_FMT_##fmt, EXT_##ext, RV_CLASS_##cls, RV_OP_##name, 4},
#define RV_CINSN(name, m, k, fmt, ext, as) \
    [RV_ID_##name] = {m, k, RV_FMT_##fmt, EXT_##ext, (enum rv_class)RV_OPCLASS_##as, RV_OP_##as, 2},
#include "rv_insn.def"
#undef RV_INSN
#undef RV_CINSN
};

/* Assembly names: "c_addi" -> "c.addi", "fence_i" -> "fence.i", "lr_w" -> "lr.w". */
static char asm_names[RV_ID_COUNT][16];

const char *rv_insn_name(unsigned id)
{
    if (id >= RV_ID_COUNT)
        return "illegal";
    if (!asm_names[id][0]) {
        char tmp[16];
        snprintf(tmp, sizeof(tmp), "%s", names[id]);
        size_t n = strlen(tmp);
        if (n > 3 && !strcmp(tmp + n - 3, "_64"))
            tmp[n - 3] = 0; /* rev8_64: the RV64 encoding of rev8 */
        for (char *p = tmp; *p; p++)
            if (*p == '_')
                *p = '.';
        memcpy(asm_names[id], tmp, sizeof(tmp));
    }
    return asm_names[id];
}

static unsigned popcount32(uint32_t v)
{
    return (unsigned)__builtin_popcount(v);
}

bool rv_insn_available(unsigned id, unsigned exts, unsigned xlen)
{
    unsigned need = rv_insn_table[id].ext;
    if ((need & RV_EXT_ONLY32) && xlen != 32)
        return false;
    if ((need & RV_EXT_ONLY64) && xlen != 64)
        return false;
    need &= ~(unsigned)RV_EXT_QUALIFIERS;
    return (exts & need) == need;
}

/* Most specific table entry matching bits, or -1. */
static int lookup(uint32_t bits, unsigned len, unsigned exts, unsigned xlen)
{
    int best = -1;
    for (int id = 0; id < RV_ID_COUNT; id++) {
        const struct rv_insn_desc *d = &rv_insn_table[id];
        if (d->len != len || (bits & d->mask) != d->match || !rv_insn_available(id, exts, xlen))
            continue;
        if (best < 0 || popcount32(d->mask) > popcount32(rv_insn_table[best].mask))
            best = id;
    }
    return best;
}

static int32_t sext(uint32_t v, unsigned bits)
{
    uint32_t m = 1u << (bits - 1);
    return (int32_t)((v ^ m) - m);
}

#define BIT(v, n) (((v) >> (n)) & 1u)
#define FIELD(v, hi, lo) (((v) >> (lo)) & ((1u << ((hi) - (lo) + 1)) - 1))

static void illegal(uint32_t bits, struct rv_insn *out)
{
    out->op = RV_OP_ILLEGAL;
    out->id = RV_ID_ILLEGAL;
    out->rd = 32;
    out->rs1 = out->rs2 = 0;
    out->imm = 0;
    out->bits = bits;
}

static bool decode32(uint32_t b, int id, unsigned xlen, struct rv_insn *o)
{
    unsigned rd = FIELD(b, 11, 7), rs1 = FIELD(b, 19, 15), rs2 = FIELD(b, 24, 20);
    int32_t imm = 0;
    switch (rv_insn_table[id].fmt) {
    case RV_FMT_I:
    case RV_FMT_L: imm = (int32_t)b >> 20; break;
    case RV_FMT_S: imm = (int32_t)(((int32_t)b >> 25) * 32) | (int32_t)FIELD(b, 11, 7); break;
    case RV_FMT_B:
        imm = sext(BIT(b, 31) << 12 | BIT(b, 7) << 11 | FIELD(b, 30, 25) << 5 |
                       FIELD(b, 11, 8) << 1, 13);
        break;
    case RV_FMT_U: imm = (int32_t)(b & 0xfffff000u); break;
    case RV_FMT_J:
        imm = sext(BIT(b, 31) << 20 | FIELD(b, 19, 12) << 12 | BIT(b, 20) << 11 |
                       FIELD(b, 30, 21) << 1, 21);
        break;
    case RV_FMT_SH:
        imm = (int32_t)FIELD(b, 25, 20);
        if (xlen == 32 && BIT(b, 25))
            return false; /* shamt[5] is reserved on RV32 */
        break;
    case RV_FMT_FL: imm = (int32_t)b >> 20; break;
    case RV_FMT_FS: imm = (int32_t)(((int32_t)b >> 25) * 32) | (int32_t)FIELD(b, 11, 7); break;
    case RV_FMT_CSR:
    case RV_FMT_CSRI: imm = (int32_t)FIELD(b, 31, 20); break;
    default: break;
    }
    o->rd = (uint8_t)rd;
    o->rs1 = (uint8_t)rs1;
    o->rs2 = (uint8_t)rs2;
    o->imm = imm;
    return true;
}

/* Expand a 16-bit encoding into the operands of the 32-bit instruction it stands for.
 * Returns false for reserved encodings. */
static bool decode16(uint32_t b, int id, unsigned xlen, struct rv_insn *o)
{
    unsigned r_hi = FIELD(b, 11, 7), r_lo = FIELD(b, 6, 2);
    unsigned shamt = BIT(b, 12) << 5 | FIELD(b, 6, 2);
    unsigned cld_uimm = FIELD(b, 12, 10) << 3 | FIELD(b, 6, 5) << 6; /* c.ld, c.sd, c.fld, c.fsd */
    unsigned rp_hi = 8 + FIELD(b, 9, 7), rp_lo = 8 + FIELD(b, 4, 2);
    int32_t ci_imm = sext(BIT(b, 12) << 5 | FIELD(b, 6, 2), 6);
    unsigned cl_uimm = FIELD(b, 12, 10) << 3 | BIT(b, 6) << 2 | BIT(b, 5) << 6;
    o->rd = o->rs1 = o->rs2 = 0;
    o->imm = 0;
    switch (id) {
    case RV_ID_c_addi4spn:
        o->rd = (uint8_t)rp_lo;
        o->rs1 = 2;
        o->imm = (int32_t)(FIELD(b, 12, 11) << 4 | FIELD(b, 10, 7) << 6 | BIT(b, 6) << 2 |
                           BIT(b, 5) << 3);
        return o->imm != 0;
    case RV_ID_c_ld:
    case RV_ID_c_fld:
        o->rd = (uint8_t)rp_lo;
        o->rs1 = (uint8_t)rp_hi;
        o->imm = (int32_t)cld_uimm;
        return true;
    case RV_ID_c_sd:
    case RV_ID_c_fsd:
        o->rs2 = (uint8_t)rp_lo;
        o->rs1 = (uint8_t)rp_hi;
        o->imm = (int32_t)cld_uimm;
        return true;
    case RV_ID_c_ldsp:
    case RV_ID_c_fldsp:
        o->rd = (uint8_t)r_hi;
        o->rs1 = 2;
        o->imm = (int32_t)(BIT(b, 12) << 5 | FIELD(b, 6, 5) << 3 | FIELD(b, 4, 2) << 6);
        return id == RV_ID_c_fldsp || r_hi != 0;
    case RV_ID_c_sdsp:
    case RV_ID_c_fsdsp:
        o->rs1 = 2;
        o->rs2 = (uint8_t)r_lo;
        o->imm = (int32_t)(FIELD(b, 12, 10) << 3 | FIELD(b, 9, 7) << 6);
        return true;
    case RV_ID_c_addiw:
        o->rd = o->rs1 = (uint8_t)r_hi;
        o->imm = ci_imm;
        return r_hi != 0;
    case RV_ID_c_subw:
    case RV_ID_c_addw:
        o->rd = o->rs1 = (uint8_t)rp_hi;
        o->rs2 = (uint8_t)rp_lo;
        return true;
    case RV_ID_c_lw:
    case RV_ID_c_flw:
        o->rd = (uint8_t)rp_lo;
        o->rs1 = (uint8_t)rp_hi;
        o->imm = (int32_t)cl_uimm;
        return true;
    case RV_ID_c_sw:
    case RV_ID_c_fsw:
        o->rs2 = (uint8_t)rp_lo;
        o->rs1 = (uint8_t)rp_hi;
        o->imm = (int32_t)cl_uimm;
        return true;
    case RV_ID_c_nop:
    case RV_ID_c_addi:
        o->rd = o->rs1 = (uint8_t)r_hi;
        o->imm = ci_imm;
        return true;
    case RV_ID_c_jal:
    case RV_ID_c_j:
        o->rd = id == RV_ID_c_jal ? 1 : 0;
        o->imm = sext(BIT(b, 12) << 11 | BIT(b, 11) << 4 | FIELD(b, 10, 9) << 8 |
                          BIT(b, 8) << 10 | BIT(b, 7) << 6 | BIT(b, 6) << 7 |
                          FIELD(b, 5, 3) << 1 | BIT(b, 2) << 5, 12);
        return true;
    case RV_ID_c_li:
        o->rd = (uint8_t)r_hi;
        o->rs1 = 0;
        o->imm = ci_imm;
        return true;
    case RV_ID_c_addi16sp:
        o->rd = o->rs1 = 2;
        o->imm = sext(BIT(b, 12) << 9 | BIT(b, 6) << 4 | BIT(b, 5) << 6 | FIELD(b, 4, 3) << 7 |
                          BIT(b, 2) << 5, 10);
        return o->imm != 0;
    case RV_ID_c_lui:
        o->rd = (uint8_t)r_hi;
        o->imm = (int32_t)((uint32_t)ci_imm << 12);
        return o->imm != 0;
    case RV_ID_c_srli:
    case RV_ID_c_srai:
        o->rd = o->rs1 = (uint8_t)rp_hi;
        o->imm = (int32_t)shamt;
        return xlen == 64 || !BIT(b, 12); /* shamt[5] = 1 is reserved on RV32 */
    case RV_ID_c_andi:
        o->rd = o->rs1 = (uint8_t)rp_hi;
        o->imm = ci_imm;
        return true;
    case RV_ID_c_sub:
    case RV_ID_c_xor:
    case RV_ID_c_or:
    case RV_ID_c_and:
        o->rd = o->rs1 = (uint8_t)rp_hi;
        o->rs2 = (uint8_t)rp_lo;
        return true;
    case RV_ID_c_beqz:
    case RV_ID_c_bnez:
        o->rs1 = (uint8_t)rp_hi;
        o->rs2 = 0;
        o->imm = sext(BIT(b, 12) << 8 | FIELD(b, 11, 10) << 3 | FIELD(b, 6, 5) << 6 |
                          FIELD(b, 4, 3) << 1 | BIT(b, 2) << 5, 9);
        return true;
    case RV_ID_c_slli:
        o->rd = o->rs1 = (uint8_t)r_hi;
        o->imm = (int32_t)shamt;
        return xlen == 64 || !BIT(b, 12);
    case RV_ID_c_lwsp:
    case RV_ID_c_flwsp:
        o->rd = (uint8_t)r_hi;
        o->rs1 = 2;
        o->imm = (int32_t)(BIT(b, 12) << 5 | FIELD(b, 6, 4) << 2 | FIELD(b, 3, 2) << 6);
        return id == RV_ID_c_flwsp || r_hi != 0;
    case RV_ID_c_jr:
    case RV_ID_c_jalr:
        o->rd = id == RV_ID_c_jalr ? 1 : 0;
        o->rs1 = (uint8_t)r_hi;
        return r_hi != 0;
    case RV_ID_c_mv:
        o->rd = (uint8_t)r_hi;
        o->rs1 = 0;
        o->rs2 = (uint8_t)r_lo;
        return true;
    case RV_ID_c_add:
        o->rd = o->rs1 = (uint8_t)r_hi;
        o->rs2 = (uint8_t)r_lo;
        return true;
    case RV_ID_c_ebreak:
        return true;
    case RV_ID_c_swsp:
    case RV_ID_c_fswsp:
        o->rs1 = 2;
        o->rs2 = (uint8_t)r_lo;
        o->imm = (int32_t)(FIELD(b, 12, 9) << 2 | FIELD(b, 8, 7) << 6);
        return true;
    }
    return false;
}

void rv_decode(uint32_t bits, unsigned exts, unsigned xlen, struct rv_insn *out)
{
    unsigned len = rv_insn_length(bits);
    if (len == 2)
        bits &= 0xffff;
    out->bits = bits;
    out->len = (uint8_t)len;
    int id = lookup(bits, len, exts, xlen);
    if (id < 0 || !(len == 4 ? decode32(bits, id, xlen, out) : decode16(bits, id, xlen, out))) {
        illegal(bits, out);
        return;
    }
    out->op = (uint16_t)rv_insn_table[id].op;
    out->id = (uint16_t)id;
    /* CSR instructions need the architectural rd to know whether to read; floating-point ones
     * name f registers (f0 is a real register) or write x registers through rv_set_x. */
    enum rv_fmt f = op_fmt[out->op];
    bool fp = f >= RV_FMT_FR && f <= RV_FMT_FS;
    if (out->rd == 0 && f != RV_FMT_CSR && f != RV_FMT_CSRI && !fp)
        out->rd = 32;
}

bool rv_ends_block(const struct rv_insn *in)
{
    if (in->op >= RV_OP_ILLEGAL)
        return true;
    switch (op_class[in->op]) {
    case RV_CLASS_BRANCH:
    case RV_CLASS_JUMP:
    case RV_CLASS_SYSTEM:
    case RV_CLASS_CSR:
        return true;
    default:
        return in->op == RV_OP_fence_i;
    }
}

const char *const rv_reg_names[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0",
    "a1",   "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5",
    "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

const char *const rv_freg_names[32] = {
    "ft0", "ft1", "ft2",  "ft3",  "ft4", "ft5", "ft6",  "ft7",  "fs0",  "fs1",  "fa0",
    "fa1", "fa2", "fa3",  "fa4",  "fa5", "fa6", "fa7",  "fs2",  "fs3",  "fs4",  "fs5",
    "fs6", "fs7", "fs8",  "fs9",  "fs10", "fs11", "ft8", "ft9",  "ft10", "ft11",
};

const char *const rv_class_names[RV_CLASS_COUNT] = {
#define X(c) #c,
    RV_CLASSES(X)
#undef X
};

struct csr_name {
    unsigned num;
    const char *name;
};

static const struct csr_name csr_names[] = {
    {0x300, "mstatus"}, {0x301, "misa"},     {0x304, "mie"},       {0x305, "mtvec"},
    {0x306, "mcounteren"}, {0x30a, "menvcfg"}, {0x310, "mstatush"}, {0x31a, "menvcfgh"},
    {0x320, "mcountinhibit"}, {0x340, "mscratch"}, {0x341, "mepc"}, {0x342, "mcause"},
    {0x343, "mtval"}, {0x344, "mip"},        {0xb00, "mcycle"},    {0xb02, "minstret"},
    {0xb80, "mcycleh"}, {0xb82, "minstreth"}, {0xc00, "cycle"},    {0xc01, "time"},
    {0xc02, "instret"}, {0xc80, "cycleh"},   {0xc81, "timeh"},     {0xc82, "instreth"},
    {0xf11, "mvendorid"}, {0xf12, "marchid"}, {0xf13, "mimpid"},   {0xf14, "mhartid"},
    {0xf15, "mconfigptr"},
};

const char *rv_csr_name(unsigned csr)
{
    for (size_t i = 0; i < sizeof(csr_names) / sizeof(csr_names[0]); i++)
        if (csr_names[i].num == csr)
            return csr_names[i].name;
    return NULL;
}

const char *rv_disasm(const struct rv_insn *in, char *buf, size_t len)
{
    if (in->op == RV_OP_ILLEGAL || in->id >= RV_ID_COUNT) {
        snprintf(buf, len, "illegal 0x%0*x", in->len == 2 ? 4 : 8, in->bits);
        return buf;
    }
    const char *n = rv_insn_name(in->id);
    const char *rd = rv_reg_names[in->rd & 31], *rs1 = rv_reg_names[in->rs1],
               *rs2 = rv_reg_names[in->rs2];
    /* Print the operands of what the instruction executes as (compressed ones expanded). */
    enum rv_fmt fmt = rv_insn_table[in->id].fmt;
    if (in->len == 2) {
        for (int id = 0; id < RV_ID_COUNT; id++)
            if (rv_insn_table[id].len == 4 && rv_insn_table[id].op == in->op)
                fmt = rv_insn_table[id].fmt;
    }
    switch (fmt) {
    case RV_FMT_R:
    case RV_FMT_AMO: snprintf(buf, len, "%s %s,%s,%s", n, rd, rs1, rs2); break;
    case RV_FMT_LR: snprintf(buf, len, "%s %s,(%s)", n, rd, rs1); break;
    case RV_FMT_I:
        if (in->op == RV_OP_jalr)
            snprintf(buf, len, "%s %s,%d(%s)", n, rd, in->imm, rs1);
        else
            snprintf(buf, len, "%s %s,%s,%d", n, rd, rs1, in->imm);
        break;
    case RV_FMT_SH: snprintf(buf, len, "%s %s,%s,0x%x", n, rd, rs1, (unsigned)in->imm); break;
    case RV_FMT_L: snprintf(buf, len, "%s %s,%d(%s)", n, rd, in->imm, rs1); break;
    case RV_FMT_S: snprintf(buf, len, "%s %s,%d(%s)", n, rs2, in->imm, rs1); break;
    case RV_FMT_B:
        snprintf(buf, len, "%s %s,%s,0x%llx", n, rs1, rs2,
                 (unsigned long long)(in->pc + (uint64_t)(int64_t)in->imm));
        break;
    case RV_FMT_U:
        snprintf(buf, len, "%s %s,0x%x", n, rd, ((uint32_t)in->imm) >> 12);
        break;
    case RV_FMT_J:
        snprintf(buf, len, "%s %s,0x%llx", n, rd,
                 (unsigned long long)(in->pc + (uint64_t)(int64_t)in->imm));
        break;
    case RV_FMT_CSR:
    case RV_FMT_CSRI: {
        const char *cn = rv_csr_name((unsigned)in->imm);
        char csr[16];
        if (!cn) {
            snprintf(csr, sizeof(csr), "0x%x", (unsigned)in->imm);
            cn = csr;
        }
        if (fmt == RV_FMT_CSR)
            snprintf(buf, len, "%s %s,%s,%s", n, rv_reg_names[in->rd & 31], cn, rs1);
        else
            snprintf(buf, len, "%s %s,%s,%u", n, rv_reg_names[in->rd & 31], cn, in->rs1);
        break;
    }
    case RV_FMT_R2: snprintf(buf, len, "%s %s,%s", n, rd, rs1); break;
    case RV_FMT_SFENCE: snprintf(buf, len, "%s %s,%s", n, rs1, rs2); break;
    case RV_FMT_FR:
        snprintf(buf, len, "%s %s,%s,%s", n, rv_freg_names[in->rd & 31], rv_freg_names[in->rs1],
                 rv_freg_names[in->rs2]);
        break;
    case RV_FMT_FR1:
        snprintf(buf, len, "%s %s,%s", n, rv_freg_names[in->rd & 31], rv_freg_names[in->rs1]);
        break;
    case RV_FMT_FR4:
        snprintf(buf, len, "%s %s,%s,%s,%s", n, rv_freg_names[in->rd & 31],
                 rv_freg_names[in->rs1], rv_freg_names[in->rs2], rv_freg_names[in->bits >> 27]);
        break;
    case RV_FMT_FCMP:
        snprintf(buf, len, "%s %s,%s,%s", n, rd, rv_freg_names[in->rs1], rv_freg_names[in->rs2]);
        break;
    case RV_FMT_FTOX: snprintf(buf, len, "%s %s,%s", n, rd, rv_freg_names[in->rs1]); break;
    case RV_FMT_XTOF: snprintf(buf, len, "%s %s,%s", n, rv_freg_names[in->rd & 31], rs1); break;
    case RV_FMT_FL:
        snprintf(buf, len, "%s %s,%d(%s)", n, rv_freg_names[in->rd & 31], in->imm, rs1);
        break;
    case RV_FMT_FS:
        snprintf(buf, len, "%s %s,%d(%s)", n, rv_freg_names[in->rs2], in->imm, rs1);
        break;
    default: snprintf(buf, len, "%s", n); break;
    }
    return buf;
}
