/* The execute loop, written once for any XLEN and variant: included by rv_exec32.c with XLEN,
 * RV_EXEC_FN and RV_STATS (0: the plain loop; 1: also counts block executions for the
 * instruction mix) defined. Blocks of predecoded instructions run with threaded dispatch (computed
 * goto); everything per-instruction is in the handlers, everything per-block in next_block.
 * Counters are charged for a whole block on entry and refunded when a block is left early, so
 * the plain loop does no counting per instruction. */

#if XLEN == 32
typedef uint32_t ux;
typedef int32_t sx;
#define XREGS(h) ((h)->x.w)
#endif

enum rv_stop RV_EXEC_FN(struct rv_hart *h, struct rv_block *step)
{
    static const void *const labels[RV_OP_COUNT] = {
#define RV_INSN(name, match, mask, fmt, ext, cls) [RV_OP_##name] = &&op_##name,
#define RV_CINSN(name, match, mask, fmt, ext, as)
#include "rv_insn.def"
#undef RV_INSN
#undef RV_CINSN
        [RV_OP_ILLEGAL] = &&op_illegal,
        [RV_OP_FETCH_FAULT] = &&op_fetch_fault,
        [RV_OP_BLOCK_END] = &&op_block_end,
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
 * through the slow path, which may also end the block if a device asked for attention. */
#define LOAD(T, SZ)                                                              \
    do {                                                                         \
        ux a_ = RS1 + IMM;                                                       \
        uint64_t off_ = (uint64_t)a_ - h->lw.base;                               \
        if (likely(!(a_ & (SZ - 1)) && off_ < h->lw.size)) {                     \
            T t_;                                                                \
            memcpy(&t_, h->lw.host + off_, SZ);                                  \
            RD = (ux)t_;                                                         \
        } else {                                                                 \
            uint64_t v_;                                                         \
            if (!rv_load_slow(h, i, a_, SZ, &v_))                                \
                goto trap;                                                       \
            RD = (ux)(T)v_;                                                      \
            if (unlikely(h->kick | h->irq_pending))                              \
                goto end_after;                                                  \
        }                                                                        \
        NEXT();                                                                  \
    } while (0)
#define STORE(T, SZ)                                                             \
    do {                                                                         \
        ux a_ = RS1 + IMM;                                                       \
        uint64_t off_ = (uint64_t)a_ - h->sw.base;                               \
        T v_ = (T)RS2;                                                           \
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
    b = h->jcache[(h->pc >> 1) & ((1u << RV_JC_BITS) - 1)];
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
op_ecall: RAISE(h->priv == PRV_U ? CAUSE_USER_ECALL : CAUSE_MACHINE_ECALL, 0);
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
op_wfi:
    if (h->priv == PRV_U && (h->mstatus & MSTATUS_TW))
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
    if (!rv_amo(h, i))
        goto trap;
    if (unlikely(h->kick | h->irq_pending))
        goto end_after;
    NEXT();
op_illegal: RAISE(CAUSE_ILLEGAL_INSN, i->bits);
op_fetch_fault:
    rv_fetch_fault_log(h, i->pc + (uint64_t)(int64_t)i->imm);
    RAISE(CAUSE_FETCH_ACCESS, (ux)(i->pc + (uint64_t)(int64_t)i->imm));
op_block_end:
    h->pc = i->pc;
    CHAIN(1);

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
#undef LOAD
#undef STORE
}

#undef XREGS
