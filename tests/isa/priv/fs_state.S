/* mstatus.FS (privileged spec 1.12, section 3.1.6.6): with FS = Off every instruction that
 * reads or writes FP state (FP CSRs, FP loads/stores/moves/arithmetic) raises illegal
 * instruction in every mode; an instruction that may change FP state moves Initial or Clean
 * to Dirty, which sets SD; turning FS off does not destroy the f registers. */
#include "priv.h"

.macro FS_SET val
    li      t0, MSTATUS_FS
    csrc    mstatus, t0
    li      t0, (\val) << 13
    csrs    mstatus, t0
.endm

    .text
    .globl test_main
test_main:
    PRIV_INIT
    la      s0, fdata

    /* 1: FS = Off: FP CSR accesses and FP instructions are illegal in M */
    TESTNUM(1)
    FS_SET  0
    TRY     PRV_M, csrr a0, fcsr
    EXPECT_M CAUSE_ILLEGAL
    EXPECT_MTVAL_I 0x00302573
    TRY     PRV_M, csrw frm, zero
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_M, csrr a0, fflags
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_M, flw fa0, 0(s0)
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_M, fsd fa0, 0(s0)
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_M, fmv.w.x fa0, zero
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_M, fadd.d fa0, fa1, fa2
    EXPECT_M CAUSE_ILLEGAL
    /* 2: ... and in S and U */
    TESTNUM(2)
    TRY     PRV_S, fmv.x.w a0, fa0
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_U, csrr a0, fcsr
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_U, fld fa0, 0(s0)
    EXPECT_M CAUSE_ILLEGAL
    /* 3: FS = Initial: accessible; writing fcsr makes FS Dirty and sets SD */
    TESTNUM(3)
    FS_SET  1
    TRY     PRV_M, csrr a0, fcsr
    EXPECT_OK PRV_M
    csrwi   fcsr, 0
    csrr    a0, mstatus
    EXPECT_MASKED a0, MSTATUS_FS | MSTATUS_SD, MSTATUS_FS | MSTATUS_SD
    /* 4: Clean -> Dirty through an FP load in U */
    TESTNUM(4)
    FS_SET  2
    TRY     PRV_U, flw fa0, 0(s0)
    EXPECT_OK PRV_U
    csrr    a0, mstatus
    EXPECT_MASKED a0, MSTATUS_FS | MSTATUS_SD, MSTATUS_FS | MSTATUS_SD
    /* 5: Initial -> Dirty through fmv.w.x in S; sstatus shows FS and SD */
    TESTNUM(5)
    FS_SET  1
    TRY     PRV_S, fmv.w.x fa1, zero
    EXPECT_OK PRV_S
    csrr    a0, sstatus
    EXPECT_MASKED a0, MSTATUS_FS | MSTATUS_SD, MSTATUS_FS | MSTATUS_SD
    /* 6: FS = Off keeps the register contents */
    TESTNUM(6)
    FS_SET  3
    li      a0, 0x3f800000           /* 1.0f */
    fmv.w.x fa3, a0
    FS_SET  0
    FS_SET  1
    fmv.x.w a1, fa3
    EXPECT  a1, 0x3f800000
    /* 7: FS = Off, illegal FP instruction delegated to S: stval = the bits */
    TESTNUM(7)
    FS_SET  0
    li      a0, 1 << CAUSE_ILLEGAL
    csrw    medeleg, a0
    TRY     PRV_U, csrr a0, frm
    EXPECT_S CAUSE_ILLEGAL
    EXPECT_STVAL_I 0x00202573
    csrw    medeleg, zero
    FS_SET  1

    PRIV_PASS

    .data
    .balign 8
fdata:
    .dword  0x3ff0000000000000
    PRIV_CODE
