/* PMP lock bit (privileged spec 1.12, section 3.7.1.2): a locked entry's permissions apply to
 * M-mode too (store and fetch access faults in M-mode); writes to a locked entry's pmpcfg and
 * pmpaddr are ignored, even with A = OFF; a locked TOR entry also freezes the pmpaddr below
 * it (but not that entry's own pmpcfg); an unlocked lower-numbered entry still decides for
 * the bytes it matches. */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    la      s0, larea
    li      a0, 0x00008067           /* ret at L + 0x100 */
    sw      a0, 0x100(s0)
    fence.i

    /* entry 0: L NAPOT [L, +256) R */
    NAPOT   a0, s0, 256
    PMP_ADDR 0, a0
    PMP_CFG 0, PMP_L | PMP_NAPOT | PMP_R
    /* entry 1: L NAPOT [L + 0x100, +32) R (no X) */
    addi    a1, s0, 0x100
    NAPOT   a0, a1, 32
    PMP_ADDR 1, a0
    PMP_CFG 1, PMP_L | PMP_NAPOT | PMP_R
    /* entries 2, 3: L TOR [L + 0x200, L + 0x300) R W */
    addi    a0, s0, 0x200
    srli    a0, a0, 2
    PMP_ADDR 2, a0
    addi    a0, s0, 0x300
    srli    a0, a0, 2
    PMP_ADDR 3, a0
    PMP_CFG 3, PMP_L | PMP_TOR | PMP_R | PMP_W
    /* entry 4: locked while OFF */
    li      a0, 0x1234
    PMP_ADDR 4, a0
    PMP_CFG 4, PMP_L
    /* entries 5, 6: unlocked NAPOT [L + 0x400, +256) R W before locked [L + 0x400, +1 KiB) */
    addi    a1, s0, 0x400
    NAPOT   a0, a1, 256
    PMP_ADDR 5, a0
    PMP_CFG 5, PMP_NAPOT | PMP_R | PMP_W
    NAPOT   a0, a1, 0x400
    PMP_ADDR 6, a0
    PMP_CFG 6, PMP_L | PMP_NAPOT

    /* 1: locked R-only: M loads, M stores fault (7, mtval), so does S */
    TESTNUM(1)
    TRY     PRV_M, lw a0, 0(s0)
    EXPECT_OK PRV_M
    TRY     PRV_M, sw a0, 0(s0)
    EXPECT_M CAUSE_STORE_ACCESS
    EXPECT_MTVAL s0
    addi    s1, s0, 0xfc
    TRY     PRV_M, sb a0, 3(s1)
    EXPECT_M CAUSE_STORE_ACCESS
    TRY     PRV_S, sw a0, 0(s0)
    EXPECT_M CAUSE_STORE_ACCESS
    /* 2: locked without X: an M-mode fetch faults (1, mepc = mtval = the target) */
    TESTNUM(2)
    addi    s1, s0, 0x100
    TRY     PRV_M, jalr s1
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_FETCH_ACCESS
    EXPECT_TR_REG TR_MEPC, s1
    EXPECT_MTVAL s1
    /* 3: writes to a locked pmpcfg and pmpaddr are ignored */
    TESTNUM(3)
    csrr    s3, pmpaddr0
    li      a0, 0xffff
    csrc    pmpcfg0, a0              /* clear pmp0cfg and pmp1cfg, nothing else */
    li      a0, -1
    csrw    pmpaddr0, a0
    csrr    a0, pmpcfg0
    andi    a0, a0, 0xff
    EXPECT  a0, PMP_L | PMP_NAPOT | PMP_R
    csrr    a0, pmpaddr0
    EXPECT_REG a0, s3
    csrr    a0, pmpcfg0
    srli    a0, a0, 8
    andi    a0, a0, 0xff
    EXPECT  a0, PMP_L | PMP_NAPOT | PMP_R
    TRY     PRV_M, sw a0, 0(s0)      /* still enforced */
    EXPECT_M CAUSE_STORE_ACCESS
    /* 4: locked TOR: its pmpaddr and the one below are frozen; entry 2's pmpcfg is not */
    TESTNUM(4)
    csrr    s3, pmpaddr2
    csrr    s4, pmpaddr3
    li      a0, 0x100
    csrw    pmpaddr2, a0
    csrw    pmpaddr3, a0
    csrr    a0, pmpaddr2
    EXPECT_REG a0, s3
    csrr    a0, pmpaddr3
    EXPECT_REG a0, s4
    PMP_CFG 2, PMP_NA4 | PMP_R
    csrr    a0, pmpcfg0
    srli    a0, a0, 16
    andi    a0, a0, 0xff
    EXPECT  a0, PMP_NA4 | PMP_R
    PMP_CFG 2, PMP_OFF
    csrr    a0, pmpcfg0
    srli    a0, a0, 24
    andi    a0, a0, 0xff
    EXPECT  a0, PMP_L | PMP_TOR | PMP_R | PMP_W
    /* 5: the locked TOR range is R W for M and S */
    TESTNUM(5)
    addi    s1, s0, 0x200
    TRY     PRV_M, sw a0, 0xfc(s1)
    EXPECT_OK PRV_M
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_OK PRV_S
    /* 6: locked while OFF: pmp4cfg and pmpaddr4 are frozen too */
    TESTNUM(6)
    li      a0, 0x5678
    csrw    pmpaddr4, a0
    csrr    a0, pmpaddr4
    EXPECT  a0, 0x1234
    PMP_CFG 4, PMP_NAPOT | PMP_R
#if XLEN == 64
    csrr    a0, pmpcfg0
    srli    a0, a0, 32
#else
    csrr    a0, pmpcfg1
#endif
    andi    a0, a0, 0xff
    EXPECT  a0, PMP_L
    /* 7: unlocked entry 5 (R W) decides before locked entry 6 (nothing) where both match */
    TESTNUM(7)
    addi    s1, s0, 0x400
    TRY     PRV_M, sw a0, 0(s1)
    EXPECT_OK PRV_M
    TRY     PRV_S, sw a0, 0xfc(s1)
    EXPECT_OK PRV_S
    TRY     PRV_M, sw a0, 0x100(s1)
    EXPECT_M CAUSE_STORE_ACCESS
    TRY     PRV_M, lw a0, 0x100(s1)
    EXPECT_M CAUSE_LOAD_ACCESS

    PRIV_PASS

    .data
    .balign 4096
larea:
    .space  4096
    PRIV_CODE
