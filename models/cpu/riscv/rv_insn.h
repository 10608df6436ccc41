/* Instruction identities, decoded form and decoder/disassembler API, all generated from
 * rv_insn.def. */
#ifndef SOCSIM_RV_INSN_H
#define SOCSIM_RV_INSN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Operand formats (how fields are extracted and printed). */
enum rv_fmt {
    RV_FMT_R, RV_FMT_I, RV_FMT_L, RV_FMT_S, RV_FMT_B, RV_FMT_U, RV_FMT_J, RV_FMT_SH,
    RV_FMT_CSR, RV_FMT_CSRI, RV_FMT_AMO, RV_FMT_LR, RV_FMT_N,
    RV_FMT_R2,   /* rd, rs1 (Zbb unary ops: clz, sext.b, ...) */
    RV_FMT_SFENCE, /* rs1, rs2 */
    /* Floating point (rd/rs1/rs2 keep their architectural numbers, x0 included; the
     * instruction bits carry rm and rs3) */
    RV_FMT_FR,   /* fd, fs1, fs2 */
    RV_FMT_FR1,  /* fd, fs1 */
    RV_FMT_FR4,  /* fd, fs1, fs2, fs3 */
    RV_FMT_FCMP, /* xd, fs1, fs2 */
    RV_FMT_FTOX, /* xd, fs1 */
    RV_FMT_XTOF, /* fd, xs1 */
    RV_FMT_FL,   /* fd, imm(xs1) */
    RV_FMT_FS,   /* fs2, imm(xs1) */
    RV_FMT_CR, RV_FMT_CI, RV_FMT_CSS, RV_FMT_CIW, RV_FMT_CL, RV_FMT_CS, RV_FMT_CA,
    RV_FMT_CB, RV_FMT_CJ,
};

/* ISA extensions an entry belongs to (misa letters and Z* extensions). */
enum rv_ext {
    RV_EXT_I = 1u << 0,
    RV_EXT_M = 1u << 1,
    RV_EXT_A = 1u << 2,
    RV_EXT_C = 1u << 3,
    RV_EXT_ZICSR = 1u << 4,
    RV_EXT_ZIFENCEI = 1u << 5,
    RV_EXT_F = 1u << 6,
    RV_EXT_D = 1u << 7,
    RV_EXT_ZBA = 1u << 8,
    RV_EXT_ZBB = 1u << 9,
    RV_EXT_ZBS = 1u << 10,
    RV_EXT_S = 1u << 11, /* supervisor mode: sret, sfence.vma */
    /* Qualifiers in table entries only: the encoding exists for one XLEN. */
    RV_EXT_ONLY32 = 1u << 30,
    RV_EXT_ONLY64 = 1u << 31,
};
#define RV_EXT_QUALIFIERS (RV_EXT_ONLY32 | RV_EXT_ONLY64)

/* Statistics classes. */
#define RV_CLASSES(X) X(ALU) X(MUL) X(DIV) X(LOAD) X(STORE) X(BRANCH) X(JUMP) X(AMO) \
                      X(CSR) X(FENCE) X(SYSTEM) X(FP)
enum rv_class {
#define X(c) RV_CLASS_##c,
    RV_CLASSES(X)
#undef X
    RV_CLASS_COUNT
};

/* Execution operations: one per 32-bit entry, plus internal ones. */
enum rv_op {
#define RV_INSN(name, match, mask, fmt, ext, cls) RV_OP_##name,
#define RV_CINSN(name, match, mask, fmt, ext, as)
#include "rv_insn.def"
#undef RV_INSN
#undef RV_CINSN
    RV_OP_ILLEGAL,     /* raise illegal-instruction with the instruction bits */
    RV_OP_FETCH_FAULT, /* raise instruction-access-fault (fetch left memory) */
    RV_OP_BLOCK_END,   /* fall through to the next block */
    RV_OP_DEBUG_BREAK, /* a debugger breakpoint: stop before the instruction at this pc */
    RV_OP_COUNT
};

/* Table entries: every 32- and 16-bit encoding (used for names, disassembly, statistics). */
enum rv_id {
#define RV_INSN(name, match, mask, fmt, ext, cls) RV_ID_##name,
#define RV_CINSN(name, match, mask, fmt, ext, as) RV_ID_##name,
#include "rv_insn.def"
#undef RV_INSN
#undef RV_CINSN
    RV_ID_COUNT,
    RV_ID_ILLEGAL = RV_ID_COUNT,
};

struct rv_insn_desc {
    uint32_t match, mask;
    enum rv_fmt fmt;
    unsigned ext;
    enum rv_class cls; /* of what it executes as */
    enum rv_op op;     /* what it executes as */
    uint8_t len;   /* 2 or 4 */
};

extern const struct rv_insn_desc rv_insn_table[RV_ID_COUNT];

/* The decoded, ready-to-execute form of one instruction, as cached in blocks. */
struct rv_insn {
    uint64_t pc;
    int32_t imm;   /* sign-extended immediate; CSR number for CSR ops */
    uint32_t bits; /* the raw instruction (16 or 32 bits) */
    uint16_t op;   /* enum rv_op */
    uint16_t id;   /* enum rv_id */
    uint16_t rem;  /* instructions from this one to the end of its block, this one included */
    uint8_t rd;    /* 32 when the architectural rd is x0: writes go to a scratch slot */
    uint8_t rs1, rs2;
    uint8_t len;
};

/* True if table entry id exists on a hart with these extensions and XLEN. */
bool rv_insn_available(unsigned id, unsigned exts, unsigned xlen);
/* Decode bits (a 16-bit encoding in the low half when (bits & 3) != 3) for a hart with the
 * given extensions. Unknown or reserved encodings decode to RV_OP_ILLEGAL. */
void rv_decode(uint32_t bits, unsigned exts, unsigned xlen, struct rv_insn *out);
static inline unsigned rv_insn_length(uint32_t bits) { return (bits & 3) == 3 ? 4 : 2; }
/* True for instructions that end a basic block (control transfer, system, CSR, fence.i). */
bool rv_ends_block(const struct rv_insn *in);

/* One-line disassembly, like objdump without aliases ("addi a0,a0,1"). Returns buf. */
const char *rv_disasm(const struct rv_insn *in, char *buf, size_t len);
/* Assembly name of a table entry: "addi", "c.addi", "fence.i", "lr.w". */
const char *rv_insn_name(unsigned id);
extern const char *const rv_reg_names[32];
extern const char *const rv_freg_names[32];
extern const char *const rv_class_names[RV_CLASS_COUNT];
const char *rv_csr_name(unsigned csr);

#endif
