/* Several harts (NHARTS, default 2; smp_ipi4.S includes this with 4): each hart reads its own
 * mhartid (0..NHARTS-1, all different); hart 0 sends an IPI to each other hart through its
 * CLINT msip word; the target takes a machine software interrupt (mcause = interrupt | 3),
 * clears its msip, acknowledges in memory and IPIs hart 0 back, which takes its own MSI;
 * harts that were not targeted see nothing (privileged spec 1.12, section 3.1.9: MSIP is
 * written through memory-mapped control registers by remote harts). */
#include "priv.h"

#ifndef NHARTS
#define NHARTS 2
#endif
#define WAIT 2000000

    .text
    .globl test_main
test_main:
    PRIV_INIT
    la      s0, checkin
    la      s1, ack
    la      s2, cause

    /* 1: every hart checks in with its own mhartid */
    TESTNUM(1)
    csrr    a0, mhartid
    EXPECT  a0, 0
    li      s3, 1
1:  slli    a1, s3, REGLOG
    add     a1, a1, s0
    li      a2, WAIT
2:  LREG    a0, 0(a1)
    bnez    a0, 3f
    addi    a2, a2, -1
    bnez    a2, 2b
    j       priv_fail
3:  addi    a3, s3, 0x100            /* each slot holds its index + 0x100 */
    EXPECT_REG a0, a3
    addi    s3, s3, 1
    li      a0, NHARTS
    bltu    s3, a0, 1b

    /* 2..: hart 0 IPIs hart i; i acknowledges with an MSI back */
    li      a0, MIP_MSIP
    csrw    mie, a0
    li      s3, 1
4:  addi    gp, s3, 1                /* case i + 1 */
    CLEAR_TRAPS
    li      a0, MIP_MSIP
    csrw    mie, a0
    csrsi   mstatus, MSTATUS_MIE
    li      a1, P_MSIP(0)
    slli    a2, s3, 2
    add     a1, a1, a2
    li      a0, 1
    sw      a0, 0(a1)                /* msip[i] = 1 */
    slli    a1, s3, REGLOG
    add     a1, a1, s1               /* &ack[i] */
    li      a2, WAIT
5:  LREG    a0, 0(a1)
    bnez    a0, 6f
    addi    a2, a2, -1
    bnez    a2, 5b
    j       priv_fail
6:  WAIT_MCOUNT 1                    /* hart i's IPI back */
    csrci   mstatus, MSTATUS_MIE
    EXPECT_TR TR_MCAUSE, INTR | IRQ_MSI
    li      a1, P_MSIP(0)
    sw      zero, 0(a1)
    /* the target took an MSI */
    slli    a1, s3, REGLOG
    add     a1, a1, s2
    LREG    a0, 0(a1)
    EXPECT  a0, INTR | IRQ_MSI
    /* the harts after it have not been interrupted yet */
    addi    a3, s3, 1
7:  li      a0, NHARTS
    bgeu    a3, a0, 8f
    slli    a1, a3, REGLOG
    add     a1, a1, s1
    LREG    a0, 0(a1)
    EXPECT  a0, 0
    addi    a3, a3, 1
    j       7b
8:  addi    s3, s3, 1
    li      a0, NHARTS
    bltu    s3, a0, 4b

    csrw    mie, zero
    PRIV_PASS

/* Other harts: a0 = mhartid. Check in, then wait for MSIs in wfi. */
    .globl test_secondary
test_secondary:
    csrr    t0, mhartid
    bne     t0, a0, 9f               /* a0 from crt.S must be mhartid */
    li      t1, NHARTS
    bgeu    t0, t1, 9f
    la      t1, sec_trap
    csrw    mtvec, t1
    li      t1, MIP_MSIP
    csrw    mie, t1
    csrsi   mstatus, MSTATUS_MIE
    la      t1, checkin
    slli    t2, t0, REGLOG
    add     t1, t1, t2
    addi    t2, t0, 0x100
    SREG    t2, 0(t1)
1:  wfi
    j       1b
9:  j       9b                       /* never checks in: hart 0 fails */

/* Secondary MSI handler: record mcause, clear own msip, ack, IPI hart 0 */
    .balign 4
sec_trap:
    csrr    t0, mhartid
    csrr    t1, mcause
    la      t2, cause
    slli    t3, t0, REGLOG
    add     t2, t2, t3
    SREG    t1, 0(t2)
    li      t2, P_MSIP(0)
    slli    t3, t0, 2
    add     t2, t2, t3
    sw      zero, 0(t2)
1:  lw      t1, 0(t2)                /* until our MSIP is really clear */
    bnez    t1, 1b
    la      t2, ack
    slli    t3, t0, REGLOG
    add     t2, t2, t3
    li      t1, 1
    SREG    t1, 0(t2)
    li      t2, P_MSIP(0)
    sw      t1, 0(t2)                /* msip[0] = 1 */
    mret

    .data
    .balign 64
checkin:
    .space  8 * REGBYTES
ack:
    .space  8 * REGBYTES
cause:
    .space  8 * REGBYTES
    PRIV_CODE
