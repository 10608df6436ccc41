/* Without C (IALIGN = 32), a jump or taken branch to an address that is not 4-byte aligned
 * raises instruction-address-misaligned (cause 0) with mepc = the jump / branch and mtval =
 * the target (privileged spec 1.12, section 3.1.15 and the exception-priority table: raised
 * by the control-flow instruction, not by the fetch); a branch that is not taken does not;
 * misa.C reads 0. Run with C absent: socsim --set cpus.hart0.isa=..., QEMU -cpu ...,c=false.
 * fetch_misaligned_strict (this file with FETCH_STRICT) also checks mtval = the target for jal
 * and branches, and that mepc[1:0] read 0, where QEMU 7.2 differs: it writes the jal's /
 * branch's own address to mtval and keeps mepc[1]. */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT

    /* 1: misa.C = 0 */
    TESTNUM(1)
    csrr    a0, misa
    andi    a0, a0, 1 << 2
    EXPECT  a0, 0
    /* 2: jalr to a 2-mod-4 target: cause 0, mepc = the jalr, mtval = the target */
    TESTNUM(2)
    la      s1, target
    addi    s1, s1, 2
    TRY     PRV_M, jalr s1
    EXPECT_M CAUSE_MISALIGNED_FETCH
    EXPECT_MTVAL s1
    TRY     PRV_U, jalr s1
    EXPECT_M CAUSE_MISALIGNED_FETCH
    EXPECT_MTVAL s1
    /* 3: jal and a taken branch to .+6 (mtval = the target: with FETCH_STRICT only) */
    TESTNUM(3)
    TRY     PRV_S, jal zero, . + 6
    EXPECT_M CAUSE_MISALIGNED_FETCH
#ifdef FETCH_STRICT
    la      t5, trap_area
    LREG    a0, TR(TR_TRYPC)(t5)
    addi    a0, a0, 6
    EXPECT_MTVAL a0
#endif
    TRY     PRV_M, beq zero, zero, . + 6
    EXPECT_M CAUSE_MISALIGNED_FETCH
#ifdef FETCH_STRICT
    la      t5, trap_area
    LREG    a0, TR(TR_TRYPC)(t5)
    addi    a0, a0, 6
    EXPECT_MTVAL a0
#endif
    /* 4: a branch not taken to a misaligned target does nothing */
    TESTNUM(4)
    TRY     PRV_M, bne zero, zero, . + 6
    EXPECT_OK PRV_M
    /* 5: delegated: scause 0, stval = the target */
    TESTNUM(5)
    li      a0, 1 << CAUSE_MISALIGNED_FETCH
    csrw    medeleg, a0
    TRY     PRV_U, jalr s1
    EXPECT_S CAUSE_MISALIGNED_FETCH
    EXPECT_STVAL s1
    csrw    medeleg, zero
#ifdef FETCH_STRICT
    /* 6: mepc[1:0] read 0 with IALIGN = 32 */
    TESTNUM(6)
    li      a1, 0x80001236
    csrw    mepc, a1
    csrr    a0, mepc
    EXPECT  a0, 0x80001234
#endif

    PRIV_PASS

    .balign 8
target:
    nop
    nop
    PRIV_CODE
