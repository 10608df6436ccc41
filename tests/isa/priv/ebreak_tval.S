/* ebreak and c.ebreak write their own address to mtval / stval (privileged spec 1.12,
 * section 3.1.16: if mtval is written with a nonzero value on a breakpoint, it holds the
 * faulting virtual address; socsim chooses to write it, QEMU 7.2 writes 0, both allowed). */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT

    /* 1: M, S, U: mtval = mepc = the ebreak */
    TESTNUM(1)
    TRY     PRV_M, ebreak
    EXPECT_M CAUSE_BREAKPOINT
    EXPECT_TR_TRYPC TR_MTVAL
    TRY     PRV_S, ebreak
    EXPECT_M CAUSE_BREAKPOINT
    EXPECT_TR_TRYPC TR_MTVAL
    TRY     PRV_U, ebreak
    EXPECT_M CAUSE_BREAKPOINT
    EXPECT_TR_TRYPC TR_MTVAL
    /* 2: c.ebreak */
    TESTNUM(2)
    .option push
    .option rvc
    TRY     PRV_U, c.ebreak
    .option pop
    EXPECT_M CAUSE_BREAKPOINT
    EXPECT_TR_TRYPC TR_MTVAL
    /* 3: delegated to S: stval = sepc = the ebreak */
    TESTNUM(3)
    li      a0, 1 << CAUSE_BREAKPOINT
    csrw    medeleg, a0
    TRY     PRV_U, ebreak
    EXPECT_S CAUSE_BREAKPOINT
    EXPECT_TR_TRYPC TR_STVAL
    csrw    medeleg, zero

    PRIV_PASS
    PRIV_CODE
