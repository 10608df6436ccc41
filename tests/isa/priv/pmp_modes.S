/* PMP matching and permissions for S/U accesses (privileged spec 1.12, section 3.7.1):
 * TOR (including entry 0's lower bound of 0, and an empty TOR range), NA4, NAPOT, OFF;
 * R/W/X denied -> load/store/fetch access fault (5/7/1) with mtval = the address, in S and U,
 * and delegated to S; M-mode ignores unlocked entries (unless MPRV makes the access S/U);
 * the lowest-numbered matching entry decides; an entry matching only part of an access
 * fails it; an S/U access that no entry matches fails (while some entry is active; with every
 * entry OFF see pmp_all_off). */
#include "priv.h"

#define A(off) (off)                 /* offsets in the 4 KiB area, base in s0 */

    .text
    .globl test_main
test_main:
    PRIV_INIT
    la      s0, area
    li      a0, 0x00008067           /* ret, at A + 0x800 (the X-only region) */
    li      t0, 0x800
    add     t0, t0, s0
    sw      a0, 0(t0)
    fence.i

    /* entries 0, 1: TOR [A, A + 0x100) R */
    srli    a0, s0, 2
    PMP_ADDR 0, a0
    addi    a0, s0, 0x100
    srli    a0, a0, 2
    PMP_ADDR 1, a0
    PMP_CFG 1, PMP_TOR | PMP_R
    /* entry 2: NA4 at A + 0x200, no permission */
    addi    a0, s0, 0x200
    srli    a0, a0, 2
    PMP_ADDR 2, a0
    PMP_CFG 2, PMP_NA4
    /* entry 3: NA4 at A + 0x300, R W */
    addi    a0, s0, 0x300
    srli    a0, a0, 2
    PMP_ADDR 3, a0
    PMP_CFG 3, PMP_NA4 | PMP_R | PMP_W
    /* entry 4: NAPOT [A + 0x400, +1 KiB) R W */
    addi    a1, s0, 0x400
    NAPOT   a0, a1, 0x400
    PMP_ADDR 4, a0
    PMP_CFG 4, PMP_NAPOT | PMP_R | PMP_W
    /* entry 5: NAPOT [A + 0x800, +32) X */
    li      t1, 0x800
    add     a1, s0, t1
    NAPOT   a0, a1, 32
    PMP_ADDR 5, a0
    PMP_CFG 5, PMP_NAPOT | PMP_X
    /* entries 6, 7: NAPOT [A + 0xc00, +256) R before NAPOT [A + 0xc00, +1 KiB) R W */
    li      t1, 0xc00
    add     a1, s0, t1
    NAPOT   a0, a1, 256
    PMP_ADDR 6, a0
    PMP_CFG 6, PMP_NAPOT | PMP_R
    NAPOT   a0, a1, 0x400
    PMP_ADDR 7, a0
    PMP_CFG 7, PMP_NAPOT | PMP_R | PMP_W
    /* entry 8: OFF, its address over A + 0x900 (no permission if it were on) */
    addi    a1, s0, 0x700
    addi    a1, a1, 0x200
    NAPOT   a0, a1, 256
    PMP_ADDR 8, a0
    PMP_CFG 8, PMP_OFF
    /* entries 9, 10: NAPOT [A + 0xa00, +256) R W before the same range R */
    addi    a1, s0, 0x700
    addi    a1, a1, 0x300
    NAPOT   a0, a1, 256
    PMP_ADDR 9, a0
    PMP_CFG 9, PMP_NAPOT | PMP_R | PMP_W
    PMP_ADDR 10, a0
    PMP_CFG 10, PMP_NAPOT | PMP_R
    /* entries 11, 12: TOR with pmpaddr11 > pmpaddr12 over A + 0xb00: matches nothing */
    li      t1, 0xb80
    add     a0, s0, t1
    srli    a0, a0, 2
    PMP_ADDR 11, a0
    li      t1, 0xb00
    add     a0, s0, t1
    srli    a0, a0, 2
    PMP_ADDR 12, a0
    PMP_CFG 12, PMP_TOR

    /* 1: TOR R-only: S loads, S stores fault (7, mtval), up to the top; above works */
    TESTNUM(1)
    TRY     PRV_S, lw a0, 0(s0)
    EXPECT_OK PRV_S
    TRY     PRV_S, sw a0, 0(s0)
    EXPECT_M CAUSE_STORE_ACCESS
    EXPECT_MTVAL s0
    addi    s1, s0, 0xfc
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_M CAUSE_STORE_ACCESS
    EXPECT_MTVAL s1
    TRY     PRV_S, sw a0, 0x100(s0)
    EXPECT_OK PRV_S
    TRY     PRV_S, sw a0, -4(s0)
    EXPECT_OK PRV_S
    /* 2: the same from U */
    TESTNUM(2)
    TRY     PRV_U, lbu a0, 0x10(s0)
    EXPECT_OK PRV_U
    TRY     PRV_U, sb a0, 0x10(s0)
    EXPECT_M CAUSE_STORE_ACCESS
    addi    a1, s0, 0x10
    EXPECT_MTVAL a1
    /* 3: M-mode ignores the unlocked entry */
    TESTNUM(3)
    TRY     PRV_M, sw a0, 0(s0)
    EXPECT_OK PRV_M
    /* 4: NA4 without permission covers exactly 4 bytes */
    TESTNUM(4)
    addi    s1, s0, 0x200
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_ACCESS
    EXPECT_MTVAL s1
    TRY     PRV_U, lbu a0, 3(s1)
    EXPECT_M CAUSE_LOAD_ACCESS
    TRY     PRV_S, lw a0, 4(s1)
    EXPECT_OK PRV_S
    TRY     PRV_S, lw a0, -4(s1)
    EXPECT_OK PRV_S
    /* 5: NAPOT R W without X: data works to its last byte, fetch faults (1) */
    TESTNUM(5)
    addi    s1, s0, 0x400
    TRY     PRV_S, sw a0, 0x3fc(s1)
    EXPECT_OK PRV_S
    TRY     PRV_U, lw a0, 0(s1)
    EXPECT_OK PRV_U
    TRY     PRV_S, jalr s1
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_FETCH_ACCESS
    EXPECT_TR_REG TR_MEPC, s1
    EXPECT_MTVAL s1
    /* 6: X-only: S and U execute there (a ret), loads and stores fault */
    TESTNUM(6)
    addi    s1, s0, 0x700
    addi    s1, s1, 0x100
    TRY     PRV_S, jalr s1
    EXPECT_OK PRV_S
    TRY     PRV_U, jalr s1
    EXPECT_OK PRV_U
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_ACCESS
    TRY     PRV_U, sw a0, 4(s1)
    EXPECT_M CAUSE_STORE_ACCESS
    /* 7: an 8-byte access that NA4 R W (entry 3) matches only in part fails */
    TESTNUM(7)
    addi    s1, s0, 0x300
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_OK PRV_S
    TRY     PRV_S, fld fa0, 0(s1)
    EXPECT_M CAUSE_LOAD_ACCESS
    TRY     PRV_U, fsd fa0, 0(s1)
    EXPECT_M CAUSE_STORE_ACCESS
#if XLEN == 64
    TRY     PRV_S, ld a0, 0(s1)
    EXPECT_M CAUSE_LOAD_ACCESS
#endif
    /* 8: priority: entry 6 (R) wins over entry 7 (R W) where both match */
    TESTNUM(8)
    li      t0, 0xc00
    add     s1, s0, t0
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_M CAUSE_STORE_ACCESS
    TRY     PRV_S, lw a0, 0(s1)
    EXPECT_OK PRV_S
    TRY     PRV_S, sw a0, 0x100(s1)
    EXPECT_OK PRV_S
    /* 9: priority: entry 9 (R W) wins over entry 10 (R) */
    TESTNUM(9)
    li      t0, 0xa00
    add     s1, s0, t0
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_OK PRV_S
    /* 10: an OFF entry matches nothing */
    TESTNUM(10)
    li      t0, 0x900
    add     s1, s0, t0
    TRY     PRV_U, sw a0, 0(s1)
    EXPECT_OK PRV_U
    /* 11: an empty TOR range (pmpaddr11 > pmpaddr12) matches nothing */
    TESTNUM(11)
    li      t0, 0xb40
    add     s1, s0, t0
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_OK PRV_S

    /* 12: delegated access faults: scause 5 / 7, stval */
    TESTNUM(12)
    li      a0, (1 << CAUSE_LOAD_ACCESS) | (1 << CAUSE_STORE_ACCESS) | (1 << CAUSE_FETCH_ACCESS)
    csrw    medeleg, a0
    addi    s1, s0, 0x200
    TRY     PRV_U, lw a0, 0(s1)
    EXPECT_S CAUSE_LOAD_ACCESS
    EXPECT_STVAL s1
    TRY     PRV_S, sh a0, 0x40(s0)
    EXPECT_S CAUSE_STORE_ACCESS
    addi    a1, s0, 0x40
    EXPECT_STVAL a1
    addi    s1, s0, 0x400
    TRY     PRV_U, jalr s1
    EXPECT_TR TR_SCAUSE, CAUSE_FETCH_ACCESS
    EXPECT_STVAL s1
    csrw    medeleg, zero

    /* 13: M-mode with MPRV = 1: MPP = S obeys the entry, MPP = M does not */
    TESTNUM(13)
    MPRV_TRY PRV_S, sw a0, 0(s0)
    EXPECT_M CAUSE_STORE_ACCESS
    EXPECT_MTVAL s0
    MPRV_TRY PRV_U, lw a0, 0x200(s0)
    EXPECT_M CAUSE_LOAD_ACCESS
    MPRV_TRY PRV_M, sw a0, 0(s0)
    EXPECT_TR TR_MCOUNT, 1
    EXPECT_TR TR_MCAUSE, CAUSE_ECALL_M

    /* 14: entry 0 as TOR starts at address 0: TOR [0, A + 0x20) R X covers the code too:
     * S runs, but cannot store below A + 0x20 */
    TESTNUM(14)
    PMP_CFG 0, PMP_TOR | PMP_R | PMP_X
    addi    s1, s0, 0x1c
    TRY     PRV_S, sw a0, 0(s1)
    EXPECT_M CAUSE_STORE_ACCESS
    EXPECT_MTVAL s1
    TRY     PRV_S, sw a0, 4(s1)      /* A + 0x20: entry 1's TOR range starts at A: R only */
    EXPECT_M CAUSE_STORE_ACCESS
    TRY     PRV_S, sw a0, 0x104(s1)  /* A + 0x120: no entry but 15 */
    EXPECT_OK PRV_S
    PMP_CFG 0, PMP_OFF

    /* 15: no entry matches: S and U fail, even their instruction fetch */
    TESTNUM(15)
    PMP_CFG 15, PMP_OFF
    TRY     PRV_S, nop
    EXPECT_M CAUSE_FETCH_ACCESS
    EXPECT_TR_TRYPC TR_MTVAL
    TRY     PRV_U, nop
    EXPECT_M CAUSE_FETCH_ACCESS
    /* 16: ... while M-mode is unaffected */
    TESTNUM(16)
    TRY     PRV_M, lw a0, 0x200(s0)
    EXPECT_OK PRV_M
    call    priv_pmp_open

    PRIV_PASS

    .data
    .balign 4096
area:
    .space  4096
    PRIV_CODE
