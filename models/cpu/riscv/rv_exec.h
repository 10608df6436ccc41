/* The execute loop, written once for any XLEN and variant: included by rv_exec32.c and
 * rv_exec64.c with XLEN, RV_EXEC_FN and RV_STATS (0: the plain loop; 1: also counts block executions for the
 * instruction mix) defined. Blocks of predecoded instructions run with threaded dispatch (computed
 * goto); everything per-instruction is in the handlers, everything per-block in next_block.
 * Counters are charged for a whole block on entry and refunded when a block is left early, so
 * the plain loop does no counting per instruction. */

#if XLEN == 32
typedef uint32_t ux;
typedef int32_t sx;
#define XREGS(h) ((h)->x.w)
#else
typedef uint64_t ux;
typedef int64_t sx;
#define XREGS(h) ((h)->x.d)
#endif
/* Sign-extend a 32-bit result to XLEN (the W instructions). */
#define SEXT32(v) ((ux)(sx)(int32_t)(uint32_t)(v))

/* Instructions of class FP share one handler (rv_fp_exec); every other entry has its own. */
#define RV_LABEL_FP(name) &&op_fp
#define RV_LABEL_ALU(name) &&op_##name
#define RV_LABEL_MUL(name) &&op_##name
#define RV_LABEL_DIV(name) &&op_##name
#define RV_LABEL_LOAD(name) &&op_##name
#define RV_LABEL_STORE(name) &&op_##name
#define RV_LABEL_BRANCH(name) &&op_##name
#define RV_LABEL_JUMP(name) &&op_##name
#define RV_LABEL_AMO(name) &&op_##name
#define RV_LABEL_CSR(name) &&op_##name
#define RV_LABEL_FENCE(name) &&op_##name
#define RV_LABEL_SYSTEM(name) &&op_##name

enum rv_stop RV_EXEC_FN(struct rv_hart *h, struct rv_block *step)
{
    static const void *const labels[RV_OP_COUNT] = {
#define RV_INSN(name, match, mask, fmt, ext, cls) [RV_OP_##name] = RV_LABEL_##cls(name),
#define RV_CINSN(name, match, mask, fmt, ext, as)
#include "rv_insn.def"
#undef RV_INSN
#undef RV_CINSN
        [RV_OP_ILLEGAL] = &&op_illegal,
        [RV_OP_FETCH_FAULT] = &&op_fetch_fault,
        [RV_OP_BLOCK_END] = &&op_block_end,
        [RV_OP_DEBUG_BREAK] = &&op_debug_break,
    };
    ux *const X = XREGS(h);
    const ux ialign_trap = (h->exts & RV_EXT_C) ? 0 : 2; /* target bits that fault without C */
    struct rv_block *b, **slot;
    const struct rv_insn *i;

#define DISPATCH() goto *labels[i->op]
#define NEXT()        \
    do {              \
        i++;          \
        DISPATCH();   \
    } while (0)
#define RS1 X[i->rs1]
#define RS2 X[i->rs2]
#define RD X[i->rd]
#define IMM ((ux)(sx)i->imm)
#define NEXT_PC ((ux)(i->pc + i->len))
#define RAISE(cause, tval)            \
    do {                              \
        h->trap_cause = (cause);      \
        h->trap_tval = (tval);        \
        goto trap;                    \
    } while (0)
/* Direct control transfers always go to the same place, so the block remembers its
 * successors (0: taken, 1: fall-through) and skips the lookup next time. */
#define CHAIN(k)                                             \
    do {                                                     \
        slot = &b->chain[k];                                 \
        goto chained;                                        \
    } while (0)
#define BRANCH(cond)                                         \
    do {                                                     \
        if (cond) {                                          \
            ux t_ = (ux)(i->pc + IMM);                       \
            if (unlikely(t_ & ialign_trap))                  \
                RAISE(CAUSE_MISALIGNED_FETCH, t_);           \
            h->pc = t_;                                      \
            CHAIN(0);                                        \
        }                                                    \
        h->pc = NEXT_PC;                                     \
        CHAIN(1);                                            \
    } while (0)
/* RAM/ROM loads through the cached window; anything else (MMIO, other regions, misaligned)
 * through the slow path, which may also end the block if a device asked for attention.
 * DELIVER puts the loaded T t_ where the instruction wants it. */
#define MEM_LOAD(T, SZ, DELIVER)                                                 \
    do {                                                                         \
        ux a_ = RS1 + IMM;                                                       \
        uint64_t off_ = (uint64_t)a_ - h->lw.base;                               \
        T t_;                                                                    \
        if (likely(!(a_ & (SZ - 1)) && off_ < h->lw.size)) {                     \
            memcpy(&t_, h->lw.host + off_, SZ);                                  \
            DELIVER;                                                             \
        } else {                                                                 \
            uint64_t v_;                                                         \
            if (!rv_load_slow(h, i, a_, SZ, &v_))                                \
                goto trap;                                                       \
            t_ = (T)v_;                                                          \
            DELIVER;                                                             \
            if (unlikely(h->kick | h->irq_pending))                              \
                goto end_after;                                                  \
        }                                                                        \
        NEXT();                                                                  \
    } while (0)
/* Stores of VALUE (a T): the window unless the granule holds decoded code, else the slow
 * path (MMIO, faults, code writes, misalignment, a held LR reservation). */
#define MEM_STORE(T, SZ, VALUE)                                                  \
    do {                                                                         \
        ux a_ = RS1 + IMM;                                                       \
        uint64_t off_ = (uint64_t)a_ - h->sw.base;                               \
        T v_ = (VALUE);                                                          \
        if (likely(!(a_ & (SZ - 1)) && off_ < h->sw.size &&                      \
                   !h->sw.codemap[off_ >> BUS_CODE_SHIFT])) {                    \
            memcpy(h->sw.host + off_, &v_, SZ);                                  \
        } else {                                                                 \
            if (!rv_store_slow(h, i, a_, SZ, (uint64_t)v_))                      \
                goto trap;                                                       \
            if (unlikely(h->kick | h->irq_pending))                              \
                goto end_after;                                                  \
        }                                                                        \
        NEXT();                                                                  \
    } while (0)
#define LOAD(T, SZ) MEM_LOAD(T, SZ, RD = (ux)t_)
#define STORE(T, SZ) MEM_STORE(T, SZ, (T)RS2)
/* F/D loads and stores need mstatus.FS on; loads dirty it and NaN-box singles. */
#define FP_ON()                                                                  \
    do {                                                                         \
        if (unlikely(!(h->mstatus & MSTATUS_FS)))                                \
            RAISE(CAUSE_ILLEGAL_INSN, i->bits);                                  \
    } while (0)
#define FLOAD(T, SZ)                                                             \
    do {                                                                         \
        FP_ON();                                                                 \
        MEM_LOAD(T, SZ, h->f[i->rd] = SZ == 4 ? (uint64_t)t_ | 0xffffffff00000000ULL \
                                              : (uint64_t)t_;                    \
                 h->mstatus |= MSTATUS_FS);                                      \
    } while (0)
#define FSTORE(T, SZ)                                                            \
    do {                                                                         \
        FP_ON();                                                                 \
        MEM_STORE(T, SZ, (T)h->f[i->rs2]);                                       \
    } while (0)

    if (step) {
        b = step;
        goto enter;
    }
    goto next_block;

chained:
    if (unlikely(h->irq_pending | h->kick))
        goto out;
    if (likely(*slot != NULL)) {
        b = *slot;
    } else {
        uint64_t gen = h->flush_gen;
        struct rv_block *nb = rv_block_lookup(h, h->pc);
        if (gen == h->flush_gen) /* the lookup may have emptied the arena b lives in */
            *slot = nb;
        b = nb;
    }
    goto check_limit;

next_block:
    if (unlikely(h->irq_pending | h->kick))
        goto out;
    b = h->jc[(h->pc >> 1) & ((1u << RV_JC_BITS) - 1)];
    if (unlikely(!b || b->pc != h->pc))
        b = rv_block_lookup(h, h->pc);
check_limit:
    if (unlikely(h->cycle_limit - h->cycle < b->n))
        goto out; /* the engine steps the last few instructions up to the limit */
enter:
    h->cycle += b->n;
    h->instret += b->n;
#if RV_STATS
    b->execs++; /* folded into per-class counts from the block's instructions later */
#endif
    i = b->insns;
    DISPATCH();

op_lui: RD = IMM; NEXT();
op_auipc: RD = (ux)(i->pc + IMM); NEXT();
op_jal: {
    ux link = NEXT_PC, t = (ux)(i->pc + IMM);
    if (unlikely(t & ialign_trap))
        RAISE(CAUSE_MISALIGNED_FETCH, t);
    RD = link;
    h->pc = t;
    CHAIN(0);
}
op_jalr: {
    ux link = NEXT_PC, t = (RS1 + IMM) & ~(ux)1;
    if (unlikely(t & ialign_trap))
        RAISE(CAUSE_MISALIGNED_FETCH, t);
    RD = link;
    h->pc = t;
    goto next_block;
}
op_beq: BRANCH(RS1 == RS2);
op_bne: BRANCH(RS1 != RS2);
op_blt: BRANCH((sx)RS1 < (sx)RS2);
op_bge: BRANCH((sx)RS1 >= (sx)RS2);
op_bltu: BRANCH(RS1 < RS2);
op_bgeu: BRANCH(RS1 >= RS2);
op_lb: LOAD(int8_t, 1);
op_lh: LOAD(int16_t, 2);
op_lw: LOAD(int32_t, 4);
op_lbu: LOAD(uint8_t, 1);
op_lhu: LOAD(uint16_t, 2);
op_sb: STORE(uint8_t, 1);
op_sh: STORE(uint16_t, 2);
op_sw: STORE(uint32_t, 4);
#if XLEN == 64
op_ld: LOAD(int64_t, 8);
op_lwu: LOAD(uint32_t, 4);
op_sd: STORE(uint64_t, 8);
op_addiw: RD = SEXT32(RS1 + IMM); NEXT();
op_slliw: RD = SEXT32((uint32_t)RS1 << i->imm); NEXT();
op_srliw: RD = SEXT32((uint32_t)RS1 >> i->imm); NEXT();
op_sraiw: RD = SEXT32((int32_t)RS1 >> i->imm); NEXT();
op_addw: RD = SEXT32(RS1 + RS2); NEXT();
op_subw: RD = SEXT32(RS1 - RS2); NEXT();
op_sllw: RD = SEXT32((uint32_t)RS1 << (RS2 & 31)); NEXT();
op_srlw: RD = SEXT32((uint32_t)RS1 >> (RS2 & 31)); NEXT();
op_sraw: RD = SEXT32((int32_t)RS1 >> (RS2 & 31)); NEXT();
op_mulw: RD = SEXT32((uint32_t)RS1 * (uint32_t)RS2); NEXT();
op_divw: {
    int32_t a = (int32_t)RS1, d = (int32_t)RS2;
    RD = d == 0 ? (ux)-1 : (a == INT32_MIN && d == -1) ? SEXT32(a) : SEXT32(a / d);
    NEXT();
}
op_divuw: {
    uint32_t a = (uint32_t)RS1, d = (uint32_t)RS2;
    RD = d == 0 ? (ux)-1 : SEXT32(a / d);
    NEXT();
}
op_remw: {
    int32_t a = (int32_t)RS1, d = (int32_t)RS2;
    RD = d == 0 ? SEXT32(a) : (a == INT32_MIN && d == -1) ? 0 : SEXT32(a % d);
    NEXT();
}
op_remuw: {
    uint32_t a = (uint32_t)RS1, d = (uint32_t)RS2;
    RD = d == 0 ? SEXT32(a) : SEXT32(a % d);
    NEXT();
}
op_add_uw: RD = RS2 + (uint32_t)RS1; NEXT();
op_sh1add_uw: RD = RS2 + ((ux)(uint32_t)RS1 << 1); NEXT();
op_sh2add_uw: RD = RS2 + ((ux)(uint32_t)RS1 << 2); NEXT();
op_sh3add_uw: RD = RS2 + ((ux)(uint32_t)RS1 << 3); NEXT();
op_slli_uw: RD = (ux)(uint32_t)RS1 << i->imm; NEXT();
op_rev8_64: RD = __builtin_bswap64(RS1); NEXT();
op_zext_h_64: RD = (uint16_t)RS1; NEXT();
op_clzw: RD = (uint32_t)RS1 ? (ux)__builtin_clz((uint32_t)RS1) : 32; NEXT();
op_ctzw: RD = (uint32_t)RS1 ? (ux)__builtin_ctz((uint32_t)RS1) : 32; NEXT();
op_cpopw: RD = (ux)__builtin_popcount((uint32_t)RS1); NEXT();
op_rolw: {
    uint32_t v = (uint32_t)RS1, sh = RS2 & 31;
    RD = SEXT32(sh ? (v << sh) | (v >> (32 - sh)) : v);
    NEXT();
}
op_rorw: {
    uint32_t v = (uint32_t)RS1, sh = RS2 & 31;
    RD = SEXT32(sh ? (v >> sh) | (v << (32 - sh)) : v);
    NEXT();
}
op_roriw: {
    uint32_t v = (uint32_t)RS1, sh = (uint32_t)i->imm & 31;
    RD = SEXT32(sh ? (v >> sh) | (v << (32 - sh)) : v);
    NEXT();
}
op_rev8: op_zext_h: goto op_illegal; /* RV32 encodings: never decoded on RV64 */
#else
op_rev8: RD = __builtin_bswap32(RS1); NEXT();
op_zext_h: RD = (uint16_t)RS1; NEXT();
/* RV64-only entries are never decoded on RV32. */
op_ld: op_lwu: op_sd: op_addiw: op_slliw: op_srliw: op_sraiw: op_addw: op_subw: op_sllw:
op_srlw: op_sraw: op_mulw: op_divw: op_divuw: op_remw: op_remuw: op_add_uw: op_sh1add_uw:
op_sh2add_uw: op_sh3add_uw: op_slli_uw: op_rev8_64: op_zext_h_64: op_clzw: op_ctzw: op_cpopw:
op_rolw: op_rorw: op_roriw:
    goto op_illegal;
#endif
/* Zba, Zbb, Zbs */
op_sh1add: RD = RS2 + (RS1 << 1); NEXT();
op_sh2add: RD = RS2 + (RS1 << 2); NEXT();
op_sh3add: RD = RS2 + (RS1 << 3); NEXT();
op_andn: RD = RS1 & ~RS2; NEXT();
op_orn: RD = RS1 | ~RS2; NEXT();
op_xnor: RD = ~(RS1 ^ RS2); NEXT();
#if XLEN == 32
op_clz: RD = RS1 ? (ux)__builtin_clz(RS1) : 32; NEXT();
op_ctz: RD = RS1 ? (ux)__builtin_ctz(RS1) : 32; NEXT();
op_cpop: RD = (ux)__builtin_popcount(RS1); NEXT();
#else
op_clz: RD = RS1 ? (ux)__builtin_clzll(RS1) : 64; NEXT();
op_ctz: RD = RS1 ? (ux)__builtin_ctzll(RS1) : 64; NEXT();
op_cpop: RD = (ux)__builtin_popcountll(RS1); NEXT();
#endif
op_sext_b: RD = (ux)(sx)(int8_t)RS1; NEXT();
op_sext_h: RD = (ux)(sx)(int16_t)RS1; NEXT();
op_max: RD = (sx)RS1 > (sx)RS2 ? RS1 : RS2; NEXT();
op_maxu: RD = RS1 > RS2 ? RS1 : RS2; NEXT();
op_min: RD = (sx)RS1 < (sx)RS2 ? RS1 : RS2; NEXT();
op_minu: RD = RS1 < RS2 ? RS1 : RS2; NEXT();
op_orc_b: {
    ux v = RS1, r = 0;
    for (unsigned k = 0; k < XLEN; k += 8)
        if ((v >> k) & 0xff)
            r |= (ux)0xff << k;
    RD = r;
    NEXT();
}
op_rol: {
    unsigned sh = RS2 & (XLEN - 1);
    RD = sh ? (RS1 << sh) | (RS1 >> (XLEN - sh)) : RS1;
    NEXT();
}
op_ror: {
    unsigned sh = RS2 & (XLEN - 1);
    RD = sh ? (RS1 >> sh) | (RS1 << (XLEN - sh)) : RS1;
    NEXT();
}
op_rori: {
    unsigned sh = (unsigned)i->imm & (XLEN - 1);
    RD = sh ? (RS1 >> sh) | (RS1 << (XLEN - sh)) : RS1;
    NEXT();
}
op_bclr: RD = RS1 & ~((ux)1 << (RS2 & (XLEN - 1))); NEXT();
op_bclri: RD = RS1 & ~((ux)1 << (i->imm & (XLEN - 1))); NEXT();
op_bext: RD = (RS1 >> (RS2 & (XLEN - 1))) & 1; NEXT();
op_bexti: RD = (RS1 >> (i->imm & (XLEN - 1))) & 1; NEXT();
op_binv: RD = RS1 ^ ((ux)1 << (RS2 & (XLEN - 1))); NEXT();
op_binvi: RD = RS1 ^ ((ux)1 << (i->imm & (XLEN - 1))); NEXT();
op_bset: RD = RS1 | ((ux)1 << (RS2 & (XLEN - 1))); NEXT();
op_bseti: RD = RS1 | ((ux)1 << (i->imm & (XLEN - 1))); NEXT();
/* F/D loads and stores: the same windows as integer ones; singles are NaN-boxed. */
op_flw: FLOAD(uint32_t, 4);
op_fld: FLOAD(uint64_t, 8);
op_fsw: FSTORE(uint32_t, 4);
op_fsd: FSTORE(uint64_t, 8);
op_fp:
    if (!rv_fp_exec(h, i))
        RAISE(CAUSE_ILLEGAL_INSN, i->bits);
    NEXT();
op_addi: RD = RS1 + IMM; NEXT();
op_slti: RD = (sx)RS1 < (sx)IMM; NEXT();
op_sltiu: RD = RS1 < IMM; NEXT();
op_xori: RD = RS1 ^ IMM; NEXT();
op_ori: RD = RS1 | IMM; NEXT();
op_andi: RD = RS1 & IMM; NEXT();
op_slli: RD = RS1 << i->imm; NEXT();
op_srli: RD = RS1 >> i->imm; NEXT();
op_srai: RD = (ux)((sx)RS1 >> i->imm); NEXT();
op_add: RD = RS1 + RS2; NEXT();
op_sub: RD = RS1 - RS2; NEXT();
op_sll: RD = RS1 << (RS2 & (XLEN - 1)); NEXT();
op_slt: RD = (sx)RS1 < (sx)RS2; NEXT();
op_sltu: RD = RS1 < RS2; NEXT();
op_xor: RD = RS1 ^ RS2; NEXT();
op_srl: RD = RS1 >> (RS2 & (XLEN - 1)); NEXT();
op_sra: RD = (ux)((sx)RS1 >> (RS2 & (XLEN - 1))); NEXT();
op_or: RD = RS1 | RS2; NEXT();
op_and: RD = RS1 & RS2; NEXT();
op_fence: NEXT();
op_ecall: RAISE(CAUSE_USER_ECALL + h->priv, 0);
op_ebreak:
    if (h->semihosting && rv_ebreak_semihost(h, i)) {
        h->pc = NEXT_PC; /* continue at the srai that closes the sequence */
        goto next_block;
    }
    RAISE(CAUSE_BREAKPOINT, (ux)i->pc);
op_mret:
    h->pc = i->pc;
    if (!rv_mret(h))
        RAISE(CAUSE_ILLEGAL_INSN, i->bits);
    goto next_block;
op_sret:
    h->pc = i->pc;
    if (!rv_sret(h))
        RAISE(CAUSE_ILLEGAL_INSN, i->bits);
    goto next_block;
op_sfence_vma:
    if (h->priv == PRV_U || (h->priv == PRV_S && (h->mstatus & MSTATUS_TVM)))
        RAISE(CAUSE_ILLEGAL_INSN, i->bits);
    rv_tlb_flush(h); /* every address space: more than asked is allowed */
    h->pc = NEXT_PC;
    goto next_block;
op_wfi:
    /* TW traps WFI below M; in U-mode with S-mode present it always traps. */
    if ((h->priv < PRV_M && (h->mstatus & MSTATUS_TW)) || (h->priv == PRV_U && h->has_s))
        RAISE(CAUSE_ILLEGAL_INSN, i->bits);
    h->pc = NEXT_PC;
    if (rv_wfi_sleeps(h))
        goto out;
    goto next_block;
op_fence_i:
    h->pc = NEXT_PC;
    h->flush_pending = true;
    h->kick = true;
    goto next_block;
op_csrrw:
op_csrrs:
op_csrrc:
op_csrrwi:
op_csrrsi:
op_csrrci:
    h->pc = i->pc;
    if (!rv_csr_insn(h, i))
        RAISE(CAUSE_ILLEGAL_INSN, i->bits);
    h->pc = NEXT_PC;
    goto next_block;
op_mul: RD = RS1 * RS2; NEXT();
#if XLEN == 32
op_mulh: RD = (ux)(((int64_t)(sx)RS1 * (int64_t)(sx)RS2) >> 32); NEXT();
op_mulhsu: RD = (ux)(((int64_t)(sx)RS1 * (int64_t)(uint64_t)RS2) >> 32); NEXT();
op_mulhu: RD = (ux)(((uint64_t)RS1 * (uint64_t)RS2) >> 32); NEXT();
#else
op_mulh: RD = (ux)(((__int128)(sx)RS1 * (__int128)(sx)RS2) >> 64); NEXT();
op_mulhsu: RD = (ux)(((__int128)(sx)RS1 * (__int128)(unsigned __int128)RS2) >> 64); NEXT();
op_mulhu: RD = (ux)(((unsigned __int128)RS1 * (unsigned __int128)RS2) >> 64); NEXT();
#endif
op_div: {
    sx a = (sx)RS1, d = (sx)RS2;
    RD = d == 0 ? (ux)-1 : (a == (sx)((ux)1 << (XLEN - 1)) && d == -1) ? (ux)a : (ux)(a / d);
    NEXT();
}
op_divu: RD = RS2 == 0 ? (ux)-1 : RS1 / RS2; NEXT();
op_rem: {
    sx a = (sx)RS1, d = (sx)RS2;
    RD = d == 0 ? (ux)a : (a == (sx)((ux)1 << (XLEN - 1)) && d == -1) ? 0 : (ux)(a % d);
    NEXT();
}
op_remu: RD = RS2 == 0 ? RS1 : RS1 % RS2; NEXT();
op_lr_w:
op_sc_w:
op_amoswap_w:
op_amoadd_w:
op_amoxor_w:
op_amoand_w:
op_amoor_w:
op_amomin_w:
op_amomax_w:
op_amominu_w:
op_amomaxu_w:
op_lr_d:
op_sc_d:
op_amoswap_d:
op_amoadd_d:
op_amoxor_d:
op_amoand_d:
op_amoor_d:
op_amomin_d:
op_amomax_d:
op_amominu_d:
op_amomaxu_d:
    if (!rv_amo(h, i))
        goto trap;
    if (unlikely(h->kick | h->irq_pending))
        goto end_after;
    NEXT();
op_illegal: RAISE(CAUSE_ILLEGAL_INSN, i->bits);
op_fetch_fault:
    if (i->bits == CAUSE_FETCH_ACCESS)
        rv_fetch_fault_log(h, i->pc + (uint64_t)(int64_t)i->imm);
    RAISE(i->bits, (ux)(i->pc + (uint64_t)(int64_t)i->imm));
op_block_end:
    h->pc = i->pc;
    CHAIN(1);
op_debug_break:
    /* Only in blocks built while breakpoints are set: stop before this pc, nothing retired. */
    h->cycle -= i->rem;
    h->instret -= i->rem;
#if RV_STATS
    rv_stats_unretired(h, i, i->rem);
#endif
    h->pc = i->pc;
    h->hit.kind = RV_HIT_BREAKPOINT;
    h->hit.addr = i->pc;
    h->kick = true;
    goto out;

trap:
    /* The faulting instruction and those after it in the block did not retire; the fault
     * itself takes a cycle, so even a loop of faults lets time (and --timeout) move on. */
    h->cycle -= i->rem - 1u;
    h->instret -= i->rem;
#if RV_STATS
    rv_stats_unretired(h, i, i->rem);
#endif
    h->pc = i->pc;
    rv_take_trap(h, h->trap_cause, h->trap_tval, false);
    goto next_block;

end_after:
    /* Leave right after this instruction: a device wants attention. */
    h->cycle -= i->rem - 1u;
    h->instret -= i->rem - 1u;
#if RV_STATS
    rv_stats_unretired(h, i + 1, i->rem - 1u);
#endif
    h->pc = NEXT_PC;
    goto next_block;

out:
    if (h->wfi)
        return RV_WFI;
    return h->kick || h->irq_pending ? RV_BREAK : RV_LIMIT;

#undef DISPATCH
#undef NEXT
#undef RS1
#undef RS2
#undef RD
#undef IMM
#undef NEXT_PC
#undef RAISE
#undef CHAIN
#undef BRANCH
#undef MEM_LOAD
#undef MEM_STORE
#undef LOAD
#undef STORE
#undef FP_ON
#undef FLOAD
#undef FSTORE
}

#undef XREGS
#undef SEXT32
