/* CSR fields and their WARL masks, read and written from M-mode (privileged spec 1.12,
 * sections 3.1 and 4.1): misa, mhartid, mstatus fields (MPP, FS/SD, SUM, MXR, MPRV, TVM, TW,
 * TSR, ...), sstatus as a view of mstatus, mie/mip and sie/sip as views masked by mideleg,
 * medeleg/mideleg writable bits, mtvec/stvec modes, mepc/sepc, mscratch/sscratch, satp
 * (an unsupported MODE leaves the whole register unchanged), menvcfg/senvcfg. */
#include "priv.h"

/* the fields of mstatus that sstatus does not show, and those it does */
#define M_ONLY (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_TVM | \
                MSTATUS_TW | MSTATUS_TSR)
#define S_FIELDS (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_FS | MSTATUS_SUM | \
                  MSTATUS_MXR)

    .text
    .globl test_main
test_main:
    PRIV_INIT

    /* 1: misa: MXL = 1 (RV32) or 2 (RV64); I, M, A, F, D, C, S, U present */
    TESTNUM(1)
    CLEAR_TRAPS
    csrr    s0, misa
    srli    a0, s0, XLEN - 2
    EXPECT  a0, (XLEN / 32)
    EXPECT_MASKED s0, 0x14112d, 0x14112d
    /* 2: reserved letters (B G J K L O R T W Y Z) and E read 0; bits MXLEN-3..26 are 0 */
    TESTNUM(2)
    EXPECT_MASKED s0, 0x34a4e52, 0
    li      a0, -1
    slli    a0, a0, 28
    srli    a0, a0, 2                /* bits MXLEN-3 .. 26 */
    and     a0, a0, s0
    EXPECT  a0, 0
    /* 3: mhartid is 0 on the first hart; the id registers read without a trap */
    TESTNUM(3)
    csrr    a0, mhartid
    EXPECT  a0, 0
    csrr    a0, mvendorid
    csrr    a0, marchid
    csrr    a0, mimpid
    EXPECT_TR TR_MCOUNT, 0

    /* 4: MPP holds M, S and U */
    TESTNUM(4)
    li      s1, MSTATUS_MPP
    csrc    mstatus, s1
    csrr    a0, mstatus
    EXPECT_MASKED a0, MSTATUS_MPP, 0
    li      a1, MSTATUS_MPP_S
    csrs    mstatus, a1
    csrr    a0, mstatus
    EXPECT_MASKED a0, MSTATUS_MPP, MSTATUS_MPP_S
    csrs    mstatus, s1
    csrr    a0, mstatus
    EXPECT_MASKED a0, MSTATUS_MPP, MSTATUS_MPP

    /* 5: FS = Dirty sets SD; FS = Off (VS = Off, XS = 0) clears it */
    TESTNUM(5)
    li      a1, MSTATUS_FS | MSTATUS_VS
    csrc    mstatus, a1
    csrr    a0, mstatus
    EXPECT_MASKED a0, MSTATUS_FS | MSTATUS_XS | MSTATUS_SD, 0
    li      a1, MSTATUS_FS
    csrs    mstatus, a1
    csrr    a0, mstatus
    EXPECT_MASKED a0, MSTATUS_FS | MSTATUS_SD, MSTATUS_FS | MSTATUS_SD
    li      a1, MSTATUS_FS
    csrc    mstatus, a1
    csrr    a0, mstatus
    EXPECT_MASKED a0, MSTATUS_SD, 0

    /* 6: SIE, SPIE, SPP, MPIE, MPRV, SUM, MXR, TVM, TW, TSR are writable one by one */
    TESTNUM(6)
    .irp bit, MSTATUS_SIE, MSTATUS_SPIE, MSTATUS_SPP, MSTATUS_MPIE, MSTATUS_MPRV, \
              MSTATUS_SUM, MSTATUS_MXR, MSTATUS_TVM, MSTATUS_TW, MSTATUS_TSR
    li      a1, \bit
    csrs    mstatus, a1
    csrr    a0, mstatus
    EXPECT_MASKED a0, \bit, \bit
    csrc    mstatus, a1
    csrr    a0, mstatus
    EXPECT_MASKED a0, \bit, 0
    .endr
    /* 7: MIE is writable (no interrupt is enabled in mie) */
    TESTNUM(7)
    csrw    mie, zero
    csrsi   mstatus, MSTATUS_MIE
    csrr    a0, mstatus
    EXPECT_MASKED a0, MSTATUS_MIE, MSTATUS_MIE
    csrci   mstatus, MSTATUS_MIE
    csrr    a0, mstatus
    EXPECT_MASKED a0, MSTATUS_MIE, 0
#if XLEN == 64
    /* 8: RV64: SXL = UXL = 2 (64-bit S and U modes) */
    TESTNUM(8)
    csrr    a0, mstatus
    srli    a0, a0, 32
    andi    a0, a0, 0xf
    EXPECT  a0, 0xa
#endif

    /* 9: sstatus hides the M-only fields of mstatus */
    TESTNUM(9)
    li      a1, MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR
    csrs    mstatus, a1
    csrsi   mstatus, MSTATUS_MIE
    csrr    a0, sstatus
    csrci   mstatus, MSTATUS_MIE
    li      a1, MSTATUS_MPIE | MSTATUS_MPRV | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR
    csrc    mstatus, a1
    EXPECT_MASKED a0, M_ONLY, 0
    /* 10: writing all ones to sstatus sets the S fields in mstatus and no M-only field */
    TESTNUM(10)
    li      a1, MSTATUS_MPP
    csrc    mstatus, a1              /* MPP = U, so a change would show */
    li      a1, -1
#if XLEN == 64
    li      a3, 1 << 32
    xor     a1, a1, a3               /* all ones but UXL = 2 (csr_strict writes UXL = 3) */
#endif
    csrw    sstatus, a1
    csrr    a0, mstatus
    EXPECT_MASKED a0, M_ONLY, 0
    li      a2, S_FIELDS | MSTATUS_SD
    and     a3, a0, a2
    EXPECT_REG a3, a2
    /* 11: ... and sstatus reads them back */
    TESTNUM(11)
    csrr    a0, sstatus
    and     a3, a0, a2
    EXPECT_REG a3, a2
#if XLEN == 64
    srli    a0, a0, 32
    andi    a0, a0, 3
    EXPECT  a0, 2                    /* sstatus.UXL */
#endif
    /* 12: clearing sstatus clears them in mstatus */
    TESTNUM(12)
    li      a1, S_FIELDS | MSTATUS_VS
    csrc    sstatus, a1
    csrr    a0, mstatus
    EXPECT_MASKED a0, S_FIELDS | MSTATUS_SD, 0
    li      a1, MSTATUS_MPP
    csrs    mstatus, a1

    /* mtime < mtimecmp from here on, so MTIP is clear */
    li      a0, P_MTIMECMP(0)
    li      a1, -1
    sw      a1, 0(a0)
    sw      a1, 4(a0)

    /* 13: mie: the six standard enables are writable */
    TESTNUM(13)
    li      a1, -1
    csrw    mie, a1
    csrr    a0, mie
    csrw    mie, zero
    EXPECT_MASKED a0, 0xaaa, 0xaaa
    csrr    a0, mie
    EXPECT  a0, 0
    /* 14: mip: SSIP, STIP, SEIP are writable from M-mode; MSIP, MTIP, MEIP are not */
    TESTNUM(14)
    li      a1, -1
    csrw    mip, a1
    csrr    a0, mip
    EXPECT_MASKED a0, 0xaaa, 0x222
    csrw    mip, zero
    csrr    a0, mip
    EXPECT_MASKED a0, 0xaaa, 0

    /* 15: with mideleg = 0, sie and sip read 0 and writes to sie do not reach mie */
    TESTNUM(15)
    csrw    mideleg, zero
    li      a1, -1
    csrw    sie, a1
    csrr    a0, sie
    EXPECT  a0, 0
    csrr    a0, mie
    EXPECT  a0, 0
    li      a1, MIP_SSIP | MIP_STIP | MIP_SEIP
    csrs    mip, a1
    csrr    a0, sip
    EXPECT  a0, 0
    csrc    mip, a1
    /* 16: mideleg = SSI|STI|SEI: sie shows and sets exactly those bits of mie */
    TESTNUM(16)
    li      a1, MIP_SSIP | MIP_STIP | MIP_SEIP
    csrw    mideleg, a1
    li      a1, -1
    csrw    sie, a1
    csrr    a0, sie
    EXPECT_MASKED a0, 0xaaa, 0x222
    csrr    a0, mie
    EXPECT_MASKED a0, 0xaaa, 0x222
    /* 17: with only SSI delegated, sie shows only SSIE */
    TESTNUM(17)
    li      a1, MIP_SSIP
    csrw    mideleg, a1
    csrr    a0, sie
    EXPECT_MASKED a0, 0xaaa, 0x2
    csrw    mie, zero
    /* 18: sip: a pending delegated SSIP shows; writing sip changes SSIP only */
    TESTNUM(18)
    li      a1, MIP_SSIP | MIP_STIP | MIP_SEIP
    csrw    mideleg, a1
    csrs    mip, MIP_SSIP
    csrr    a0, sip
    EXPECT_MASKED a0, 0xaaa, MIP_SSIP
    csrw    sip, zero
    csrr    a0, mip
    EXPECT_MASKED a0, 0xaaa, 0
    li      a1, -1
    csrw    sip, a1
    csrr    a0, mip
    EXPECT_MASKED a0, 0xaaa, MIP_SSIP
    /* 19: STIP and SEIP set in mip show in sip but cannot be cleared through it */
    TESTNUM(19)
    li      a1, MIP_STIP | MIP_SEIP
    csrs    mip, a1
    csrw    sip, zero
    csrr    a0, sip
    EXPECT_MASKED a0, 0xaaa, MIP_STIP | MIP_SEIP
    csrw    mip, zero
    csrw    mideleg, zero

    /* 20: medeleg: the exceptions S/U-mode can raise are delegable; nothing is stuck at 1 */
    TESTNUM(20)
    li      a1, -1
    csrw    medeleg, a1
    csrr    a0, medeleg
    csrw    medeleg, zero
    EXPECT_MASKED a0, 0xb3ff, 0xb3ff
    csrr    a0, medeleg
    EXPECT  a0, 0
    /* 21: mideleg: SSI, STI, SEI are delegable; the M-level bits are not stuck at 1 */
    TESTNUM(21)
    li      a1, -1
    csrw    mideleg, a1
    csrr    a0, mideleg
    csrw    mideleg, zero
    EXPECT_MASKED a0, 0x222, 0x222
    csrr    a0, mideleg
    EXPECT_MASKED a0, 0xaaa, 0

    /* 22: mtvec and stvec hold direct and vectored bases; reserved modes are not kept */
    TESTNUM(22)
    csrr    s2, mtvec
    la      s3, vec_base
    csrw    mtvec, s3
    csrr    a0, mtvec
    EXPECT_REG a0, s3
    ori     a1, s3, 1
    csrw    mtvec, a1
    csrr    a0, mtvec
    EXPECT_REG a0, a1
    ori     a1, s3, 2
    csrw    mtvec, a1
    csrr    a0, mtvec
    andi    a0, a0, 3
    sltiu   a0, a0, 2
    EXPECT  a0, 1
    ori     a1, s3, 3
    csrw    mtvec, a1
    csrr    a0, mtvec
    andi    a0, a0, 3
    sltiu   a0, a0, 2
    EXPECT  a0, 1
    csrw    mtvec, s2
    TESTNUM(23)
    csrr    s2, stvec
    csrw    stvec, s3
    csrr    a0, stvec
    EXPECT_REG a0, s3
    ori     a1, s3, 1
    csrw    stvec, a1
    csrr    a0, stvec
    EXPECT_REG a0, a1
    ori     a1, s3, 2
    csrw    stvec, a1
    csrr    a0, stvec
    andi    a0, a0, 3
    sltiu   a0, a0, 2
    EXPECT  a0, 1
    csrw    stvec, s2

    /* 24: mepc and sepc hold 2-byte aligned addresses (C is implemented) */
    TESTNUM(24)
    li      a1, 0x80001236
    csrw    mepc, a1
    csrr    a0, mepc
    EXPECT_REG a0, a1
    csrw    sepc, a1
    csrr    a0, sepc
    EXPECT_REG a0, a1
    /* 25: mscratch and sscratch are plain read/write registers */
    TESTNUM(25)
    csrr    s2, mscratch
    li      a1, -1
    csrw    mscratch, a1
    csrr    a0, mscratch
    csrw    mscratch, s2
    EXPECT  a0, -1
    csrr    s2, sscratch
    li      a1, 0x5a5a5a5a
    csrw    sscratch, a1
    csrr    a0, sscratch
    csrw    sscratch, s2
    EXPECT  a0, 0x5a5a5a5a

    /* 26: satp holds the paging mode, ASID 0 and a root page number */
    TESTNUM(26)
    la      a0, vec_base
    srli    a0, a0, 12
#if XLEN == 64
    li      a1, 8 << 60              /* Sv39 */
#else
    li      a1, 1 << 31              /* Sv32 */
#endif
    or      s4, a0, a1
    csrw    satp, s4
    csrr    a0, satp
    EXPECT_REG a0, s4
#if XLEN == 64
    /* 27: a reserved MODE (1) is not supported: the whole write is ignored */
    TESTNUM(27)
    li      a1, (1 << 60) | 0x123
    csrw    satp, a1
    csrr    a0, satp
    EXPECT_REG a0, s4
    li      a1, (15 << 60) | 0x456
    csrw    satp, a1
    csrr    a0, satp
    EXPECT_REG a0, s4
#endif
    /* 28: back to Bare */
    TESTNUM(28)
    csrw    satp, zero
    csrr    a0, satp
    EXPECT  a0, 0

    /* 29: menvcfg, senvcfg (and menvcfgh on RV32) exist */
    TESTNUM(29)
    CLEAR_TRAPS
    csrr    a0, CSR_MENVCFG
    csrr    a0, CSR_SENVCFG
#if XLEN == 32
    csrr    a0, CSR_MENVCFGH
#endif
    EXPECT_TR TR_MCOUNT, 0

    PRIV_PASS

    .balign 256
vec_base:
    nop

    PRIV_CODE
