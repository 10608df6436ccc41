/* Synchronous exceptions taken into M-mode (privileged spec 1.12, sections 3.1.15-3.1.17 and
 * 3.3): ecall from U/S/M (causes 8/9/11, mepc = the ecall, mtval = 0); illegal instruction
 * (mtval = the instruction bits, zero-extended; a 16-bit reserved encoding gives 16 bits);
 * ebreak and c.ebreak (cause 3, mepc = the instruction, mtval = pc or 0); load, store and
 * fetch access faults on an address nothing answers (causes 5/7/1, mtval = the address); the
 * mstatus privilege stack on trap entry (MPP = previous mode, MPIE = old MIE, MIE = 0). */
#include "priv.h"

#define UNMAPPED_LOAD 0x100

    .text
    .globl test_main
test_main:
    PRIV_INIT

    /* 1-3: ecall from M, S, U */
    TESTNUM(1)
    TRY     PRV_M, ecall
    EXPECT_M CAUSE_ECALL_M
    EXPECT_MTVAL_I 0
    TESTNUM(2)
    TRY     PRV_S, ecall
    EXPECT_M CAUSE_ECALL_S
    EXPECT_MTVAL_I 0
    TESTNUM(3)
    TRY     PRV_U, ecall
    EXPECT_M CAUSE_ECALL_U
    EXPECT_MTVAL_I 0

    /* 4: trap entry from U with MIE = 1: MPP = U, MPIE = 1, MIE = 0 */
    TESTNUM(4)
    csrsi   mstatus, MSTATUS_MIE     /* TRY enters U with MIE = 1 (mie = 0: no interrupt) */
    TRY     PRV_U, ecall
    EXPECT_M CAUSE_ECALL_U
    la      t5, trap_area
    LREG    a0, TR(TR_MSTATUS)(t5)
    EXPECT_MASKED a0, MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE, MSTATUS_MPIE
    /* 5: trap entry from S with MIE = 0: MPP = S, MPIE = 0 */
    TESTNUM(5)
    csrci   mstatus, MSTATUS_MIE
    TRY     PRV_S, ecall
    la      t5, trap_area
    LREG    a0, TR(TR_MSTATUS)(t5)
    EXPECT_MASKED a0, MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE, MSTATUS_MPP_S
    /* 6: trap entry from M with MIE = 1: MPP = M, MPIE = 1, MIE = 0 */
    TESTNUM(6)
    csrsi   mstatus, MSTATUS_MIE
    TRY     PRV_M, ecall
    la      t5, trap_area
    LREG    a0, TR(TR_MSTATUS)(t5)
    EXPECT_MASKED a0, MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE, MSTATUS_MPP | MSTATUS_MPIE
    csrci   mstatus, MSTATUS_MIE

    /* 7: illegal instruction, 32-bit (unimplemented CSR): mtval = the instruction */
    TESTNUM(7)
    TRY     PRV_M, csrr a0, 0x7c0
    EXPECT_M CAUSE_ILLEGAL
    EXPECT_MTVAL_I 0x7c002573
    /* 8: custom-0 opcode with bit 31 set: mtval is zero-extended */
    TESTNUM(8)
    TRY     PRV_M, .word 0xfedcb00b
    EXPECT_M CAUSE_ILLEGAL
    li      a1, 0xfedcb00b
#if XLEN == 64
    slli    a1, a1, 32
    srli    a1, a1, 32
#endif
    EXPECT_MTVAL a1
    /* 9: the same from S and U */
    TESTNUM(9)
    TRY     PRV_S, .word 0xfedcb00b
    EXPECT_M CAUSE_ILLEGAL
    EXPECT_MTVAL a1
    TRY     PRV_U, .word 0xfedcb00b
    EXPECT_M CAUSE_ILLEGAL
    EXPECT_MTVAL a1
    /* 10: 16-bit reserved encoding (c.lui ra, 0): mtval = the 16 bits */
    TESTNUM(10)
    TRY     PRV_M, .half 0x6081
    EXPECT_M CAUSE_ILLEGAL
    EXPECT_MTVAL_I 0x6081
    /* 11: the all-zero parcel is illegal */
    TESTNUM(11)
    TRY     PRV_U, .half 0x0000
    EXPECT_M CAUSE_ILLEGAL
    EXPECT_MTVAL_I 0

    /* 12: ebreak: cause 3, mepc = the ebreak, mtval = its address or 0 */
    TESTNUM(12)
    TRY     PRV_M, ebreak
    EXPECT_M CAUSE_BREAKPOINT
    jal     check_tval_pc_or_0
    TRY     PRV_U, ebreak
    EXPECT_M CAUSE_BREAKPOINT
    jal     check_tval_pc_or_0
    /* 13: c.ebreak */
    TESTNUM(13)
    .option push
    .option rvc
    TRY     PRV_S, c.ebreak
    .option pop
    EXPECT_M CAUSE_BREAKPOINT
    jal     check_tval_pc_or_0

    /* 14: load access fault: cause 5, mtval = the address */
    TESTNUM(14)
    li      s0, UNMAPPED_LOAD
    TRY     PRV_M, lw a0, 0(s0)
    EXPECT_M CAUSE_LOAD_ACCESS
    EXPECT_MTVAL s0
    TRY     PRV_U, lbu a0, 3(s0)
    EXPECT_M CAUSE_LOAD_ACCESS
    addi    a1, s0, 3
    EXPECT_MTVAL a1
    /* 15: store access fault: cause 7 */
    TESTNUM(15)
    TRY     PRV_M, sw a0, 4(s0)
    EXPECT_M CAUSE_STORE_ACCESS
    addi    a1, s0, 4
    EXPECT_MTVAL a1
    TRY     PRV_S, sh a0, 6(s0)
    EXPECT_M CAUSE_STORE_ACCESS
    addi    a1, s0, 6
    EXPECT_MTVAL a1
    /* 16: fetch access fault: cause 1, mepc = mtval = the target */
    TESTNUM(16)
    li      s1, P_UNMAPPED_CODE
    TRY     PRV_M, jalr s1
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_FETCH_ACCESS
    EXPECT_TR_REG TR_MEPC, s1
    EXPECT_MTVAL s1
    TRY     PRV_U, jalr s1
    EXPECT_TR TR_MCAUSE, CAUSE_FETCH_ACCESS
    EXPECT_TR_REG TR_MEPC, s1
    EXPECT_MTVAL s1

    PRIV_PASS

/* mtval is the TRY instruction's address or 0 */
check_tval_pc_or_0:
    la      t5, trap_area
    LREG    t4, TR(TR_MTVAL)(t5)
    beqz    t4, 1f
    LREG    t3, TR(TR_TRYPC)(t5)
    beq     t3, t4, 1f
    j       priv_fail
1:  ret

    PRIV_CODE
