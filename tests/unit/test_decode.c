/* The instruction table and decoder: no two encodings overlap unless one is a declared special
 * case of the other, and hand-encoded instructions (from the ISA manual's formats) decode to
 * the right operation and operands. */
#include <string.h>

#include "models/cpu/riscv/rv_insn.h"
#include "unit.h"

#define ALL_EXTS (RV_EXT_I | RV_EXT_M | RV_EXT_A | RV_EXT_C | RV_EXT_ZICSR | RV_EXT_ZIFENCEI | \
                  RV_EXT_F | RV_EXT_D | RV_EXT_ZBA | RV_EXT_ZBB | RV_EXT_ZBS | RV_EXT_S)

static void test_no_two_encodings_overlap_except_special_cases(void)
{
    unsigned pairs = 0;
    for (int a = 0; a < RV_ID_COUNT; a++) {
        for (int b = a + 1; b < RV_ID_COUNT; b++) {
            const struct rv_insn_desc *x = &rv_insn_table[a], *y = &rv_insn_table[b];
            if (x->len != y->len)
                continue;
            if ((x->match ^ y->match) & x->mask & y->mask)
                continue; /* some bit both fix differs: disjoint */
            if ((x->ext | y->ext) & RV_EXT_ONLY32 && (x->ext | y->ext) & RV_EXT_ONLY64)
                continue; /* one exists on RV32 only, the other on RV64 only */
            /* Both can match one word: allowed only if one fixes strictly more bits, so the
             * decoder's most-specific rule picks it. */
            bool x_special = (x->mask & y->mask) == y->mask && x->mask != y->mask;
            bool y_special = (x->mask & y->mask) == x->mask && x->mask != y->mask;
            if (!x_special && !y_special)
                fprintf(stderr, "\n  overlap: %s and %s", rv_insn_name((unsigned)a),
                        rv_insn_name((unsigned)b));
            CU_ASSERT(x_special || y_special);
            pairs += x_special || y_special;
        }
    }
    /* c.nop<c.addi, c.addi16sp<c.lui, c.jr<c.mv, c.ebreak<c.jalr<c.add (and c.ebreak<c.add) */
    CU_ASSERT_EQUAL(pairs, 6);
}

static void test_every_match_lies_inside_its_mask_and_length_bits(void)
{
    for (int id = 0; id < RV_ID_COUNT; id++) {
        const struct rv_insn_desc *d = &rv_insn_table[id];
        CU_ASSERT_EQUAL(d->match & ~d->mask, 0);
        if (d->len == 4) {
            CU_ASSERT_EQUAL(d->match & 3, 3);
        } else {
            CU_ASSERT((d->match & 3) != 3 && d->mask <= 0xffff);
        }
    }
}

static struct rv_insn dec(uint32_t bits)
{
    struct rv_insn in;
    memset(&in, 0, sizeof(in));
    rv_decode(bits, ALL_EXTS, 32, &in);
    return in;
}

static void test_base_formats_decode_operands_and_immediates(void)
{
    struct rv_insn in = dec(0x00150513); /* addi a0,a0,1 */
    CU_ASSERT_EQUAL(in.op, RV_OP_addi);
    CU_ASSERT_EQUAL(in.rd, 10);
    CU_ASSERT_EQUAL(in.rs1, 10);
    CU_ASSERT_EQUAL(in.imm, 1);
    CU_ASSERT_EQUAL(in.len, 4);
    in = dec(0xfeb12c23); /* sw a1,-8(sp): S-type split immediate */
    CU_ASSERT_EQUAL(in.op, RV_OP_sw);
    CU_ASSERT_EQUAL(in.rs1, 2);
    CU_ASSERT_EQUAL(in.rs2, 11);
    CU_ASSERT_EQUAL(in.imm, -8);
    in = dec(0xfe000ee3); /* beq zero,zero,-4: B-type, sign bit set */
    CU_ASSERT_EQUAL(in.op, RV_OP_beq);
    CU_ASSERT_EQUAL(in.imm, -4);
    in = dec(0x001000ef); /* jal ra,+2048: J-type imm[11] comes from bit 20 */
    CU_ASSERT_EQUAL(in.op, RV_OP_jal);
    CU_ASSERT_EQUAL(in.rd, 1);
    CU_ASSERT_EQUAL(in.imm, 2048);
    in = dec(0x12345537); /* lui a0,0x12345 */
    CU_ASSERT_EQUAL(in.op, RV_OP_lui);
    CU_ASSERT_EQUAL((uint32_t)in.imm, 0x12345000u);
    in = dec(0x30002573); /* csrrs a0,mstatus,zero */
    CU_ASSERT_EQUAL(in.op, RV_OP_csrrs);
    CU_ASSERT_EQUAL(in.imm, 0x300);
    CU_ASSERT_EQUAL(in.rs1, 0);
    CU_ASSERT_EQUAL(in.rd, 10);
}

static void test_writes_to_x0_are_redirected_to_the_scratch_slot(void)
{
    struct rv_insn in = dec(0x00100013); /* addi zero,zero,1 */
    CU_ASSERT_EQUAL(in.rd, 32);
    in = dec(0x30002073); /* csrrs zero,mstatus,zero keeps rd=0: it decides whether to read */
    CU_ASSERT_EQUAL(in.rd, 0);
}

static void test_compressed_forms_expand_to_their_base_operation(void)
{
    struct rv_insn in = dec(0x0505); /* c.addi a0,1 */
    CU_ASSERT_EQUAL(in.op, RV_OP_addi);
    CU_ASSERT_EQUAL(in.id, RV_ID_c_addi);
    CU_ASSERT_EQUAL(in.rd, 10);
    CU_ASSERT_EQUAL(in.rs1, 10);
    CU_ASSERT_EQUAL(in.imm, 1);
    CU_ASSERT_EQUAL(in.len, 2);
    in = dec(0x557d); /* c.li a0,-1 */
    CU_ASSERT_EQUAL(in.op, RV_OP_addi);
    CU_ASSERT_EQUAL(in.rs1, 0);
    CU_ASSERT_EQUAL(in.imm, -1);
    in = dec(0x4532); /* c.lwsp a0,12(sp) */
    CU_ASSERT_EQUAL(in.op, RV_OP_lw);
    CU_ASSERT_EQUAL(in.rs1, 2);
    CU_ASSERT_EQUAL(in.imm, 12);
    in = dec(0xc22e); /* c.swsp a1,4(sp) */
    CU_ASSERT_EQUAL(in.op, RV_OP_sw);
    CU_ASSERT_EQUAL(in.rs2, 11);
    CU_ASSERT_EQUAL(in.imm, 4);
    in = dec(0x7139); /* c.addi16sp sp,-64 (special case of c.lui's encoding) */
    CU_ASSERT_EQUAL(in.id, RV_ID_c_addi16sp);
    CU_ASSERT_EQUAL(in.rd, 2);
    CU_ASSERT_EQUAL(in.imm, -64);
    in = dec(0x0808); /* c.addi4spn a0,sp,16 */
    CU_ASSERT_EQUAL(in.op, RV_OP_addi);
    CU_ASSERT_EQUAL(in.rd, 10);
    CU_ASSERT_EQUAL(in.rs1, 2);
    CU_ASSERT_EQUAL(in.imm, 16);
    in = dec(0xc501); /* c.beqz a0,+8 */
    CU_ASSERT_EQUAL(in.op, RV_OP_beq);
    CU_ASSERT_EQUAL(in.rs1, 10);
    CU_ASSERT_EQUAL(in.rs2, 0);
    CU_ASSERT_EQUAL(in.imm, 8);
    in = dec(0x9002); /* c.ebreak wins over c.jalr and c.add */
    CU_ASSERT_EQUAL(in.op, RV_OP_ebreak);
    in = dec(0x8082); /* c.jr ra (ret) */
    CU_ASSERT_EQUAL(in.op, RV_OP_jalr);
    CU_ASSERT_EQUAL(in.rs1, 1);
    CU_ASSERT_EQUAL(in.rd, 32);
}

static void test_reserved_and_unknown_encodings_are_illegal(void)
{
    CU_ASSERT_EQUAL(dec(0x0000).op, RV_OP_ILLEGAL);     /* c.addi4spn with zero immediate */
    CU_ASSERT_EQUAL(dec(0xffffffff).op, RV_OP_ILLEGAL);
    CU_ASSERT_EQUAL(dec(0x9101).op, RV_OP_ILLEGAL);     /* c.srli with shamt[5]=1 on RV32 */
    CU_ASSERT_EQUAL(dec(0x1015a52f).op, RV_OP_ILLEGAL); /* lr.w with rs2 != 0 */
    CU_ASSERT_EQUAL(dec(0x6101).op, RV_OP_ILLEGAL);     /* c.addi16sp with zero immediate */
    CU_ASSERT_EQUAL(dec(0x4002).op, RV_OP_ILLEGAL);     /* c.lwsp with rd = x0 */
    CU_ASSERT_EQUAL(dec(0x8002).op, RV_OP_ILLEGAL);     /* c.jr with rs1 = x0 */
    CU_ASSERT_EQUAL(dec(0x0200d013).op, RV_OP_ILLEGAL); /* srli with shamt[5]=1 on RV32 */
    CU_ASSERT_EQUAL(dec(0x00000073 | (1u << 7)).op, RV_OP_ILLEGAL); /* ecall with rd != 0 */
}

static void test_missing_extensions_make_their_instructions_illegal(void)
{
    struct rv_insn in;
    rv_decode(0x02b50533, RV_EXT_I | RV_EXT_ZICSR, 32, &in); /* mul a0,a0,a1 without M */
    CU_ASSERT_EQUAL(in.op, RV_OP_ILLEGAL);
    rv_decode(0x0505, RV_EXT_I | RV_EXT_ZICSR, 32, &in); /* c.addi without C */
    CU_ASSERT_EQUAL(in.op, RV_OP_ILLEGAL);
    rv_decode(0x02b50533, RV_EXT_I | RV_EXT_M, 32, &in);
    CU_ASSERT_EQUAL(in.op, RV_OP_mul);
}

static struct rv_insn dec64(uint32_t bits)
{
    struct rv_insn in;
    memset(&in, 0, sizeof(in));
    rv_decode(bits, ALL_EXTS, 64, &in);
    return in;
}

/* Encodings that differ between RV32 and RV64 (hand-assembled from the ISA manual's formats). */
static void test_xlen_specific_encodings(void)
{
    struct rv_insn in = dec64(0x0085b503); /* ld a0,8(a1) */
    CU_ASSERT_EQUAL(in.op, RV_OP_ld);
    CU_ASSERT_EQUAL(in.rd, 10);
    CU_ASSERT_EQUAL(in.rs1, 11);
    CU_ASSERT_EQUAL(in.imm, 8);
    CU_ASSERT_EQUAL(dec(0x0085b503).op, RV_OP_ILLEGAL); /* no ld on RV32 */
    in = dec64(0xfff5051b); /* addiw a0,a0,-1 */
    CU_ASSERT_EQUAL(in.op, RV_OP_addiw);
    CU_ASSERT_EQUAL(in.imm, -1);
    in = dec64(0x03f51513); /* slli a0,a0,63: shamt[5] is legal on RV64 */
    CU_ASSERT_EQUAL(in.op, RV_OP_slli);
    CU_ASSERT_EQUAL(in.imm, 63);
    CU_ASSERT_EQUAL(dec(0x03f51513).op, RV_OP_ILLEGAL);
    /* 0x6588: c.ld a0,8(a1) on RV64, c.flw fa0,8(a1) on RV32 */
    in = dec64(0x6588);
    CU_ASSERT_EQUAL(in.id, RV_ID_c_ld);
    CU_ASSERT_EQUAL(in.op, RV_OP_ld);
    CU_ASSERT_EQUAL(in.rd, 10);
    CU_ASSERT_EQUAL(in.rs1, 11);
    CU_ASSERT_EQUAL(in.imm, 8);
    in = dec(0x6588);
    CU_ASSERT_EQUAL(in.id, RV_ID_c_flw);
    CU_ASSERT_EQUAL(in.op, RV_OP_flw);
    /* 0x2505: c.jal on RV32, c.addiw a0,1 on RV64 */
    CU_ASSERT_EQUAL(dec(0x2505).op, RV_OP_jal);
    in = dec64(0x2505);
    CU_ASSERT_EQUAL(in.op, RV_OP_addiw);
    CU_ASSERT_EQUAL(in.rd, 10);
    CU_ASSERT_EQUAL(in.imm, 1);
    /* rev8 a0,a0 has one encoding per XLEN */
    CU_ASSERT_EQUAL(dec(0x69855513).op, RV_OP_rev8);
    CU_ASSERT_EQUAL(dec64(0x69855513).op, RV_OP_ILLEGAL);
    CU_ASSERT_EQUAL(dec64(0x6b855513).op, RV_OP_rev8_64);
    CU_ASSERT_EQUAL(dec(0x6b855513).op, RV_OP_ILLEGAL);
    /* fadd.s ft0,ft1,ft2: f0 is a real register, not the x0 scratch slot */
    in = dec(0x00208053);
    CU_ASSERT_EQUAL(in.op, RV_OP_fadd_s);
    CU_ASSERT_EQUAL(in.rd, 0);
    /* sret and sfence.vma need S-mode */
    CU_ASSERT_EQUAL(dec(0x10200073).op, RV_OP_sret);
    struct rv_insn m;
    rv_decode(0x10200073, RV_EXT_I | RV_EXT_ZICSR, 32, &m);
    CU_ASSERT_EQUAL(m.op, RV_OP_ILLEGAL);
}

static void test_disassembly_names_and_operands(void)
{
    char buf[64];
    struct rv_insn in = dec(0x00150513);
    CU_ASSERT_STRING_EQUAL(rv_disasm(&in, buf, sizeof(buf)), "addi a0,a0,1");
    in = dec(0xfeb12c23);
    CU_ASSERT_STRING_EQUAL(rv_disasm(&in, buf, sizeof(buf)), "sw a1,-8(sp)");
    in = dec(0x30002573);
    CU_ASSERT_STRING_EQUAL(rv_disasm(&in, buf, sizeof(buf)), "csrrs a0,mstatus,zero");
    in = dec(0x0505);
    CU_ASSERT_STRING_EQUAL(rv_disasm(&in, buf, sizeof(buf)), "c.addi a0,a0,1");
    in = dec(0x1005a52f);
    CU_ASSERT_STRING_EQUAL(rv_disasm(&in, buf, sizeof(buf)), "lr.w a0,(a1)");
    in = dec(0xffffffff);
    CU_ASSERT_STRING_EQUAL(rv_disasm(&in, buf, sizeof(buf)), "illegal 0xffffffff");
}

UNIT_MAIN("decode", T(test_no_two_encodings_overlap_except_special_cases),
          T(test_every_match_lies_inside_its_mask_and_length_bits),
          T(test_base_formats_decode_operands_and_immediates),
          T(test_writes_to_x0_are_redirected_to_the_scratch_slot),
          T(test_compressed_forms_expand_to_their_base_operation),
          T(test_reserved_and_unknown_encodings_are_illegal),
          T(test_missing_extensions_make_their_instructions_illegal),
          T(test_xlen_specific_encodings),
          T(test_disassembly_names_and_operands))
