/* CSR access rules (privileged spec 1.12, section 2.1 and the CSR tables): the privilege level
 * in address bits 9:8 and read-only in bits 11:10; unimplemented CSRs (custom 0x7c0, the
 * hypervisor's hstatus 0x600 and vsstatus 0x200: no H extension) raise illegal-instruction;
 * writes to read-only CSRs (cycle, mvendorid, mhartid, mconfigptr) trap even in M-mode
 * while reads with rs1 = x0 do not; S-mode cannot reach M CSRs, U-mode cannot reach S or M
 * CSRs; the RV32-only CSRs (cycleh, mstatush, menvcfgh) and the odd pmpcfg registers do not
 * exist on RV64. QEMU runs this with the hypervisor extension off (-cpu ...,h=false). */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    li      a0, 0x7
    csrw    mcounteren, a0
    csrw    scounteren, a0

    /* 1: unimplemented CSRs raise illegal instruction in M-mode */
    TESTNUM(1)
    .irp c, 0x7c0, 0x600, 0x200, 0x5c0, 0xfc0
    TRY     PRV_M, csrr a0, \c
    EXPECT_M CAUSE_ILLEGAL
    .endr

    /* 2: writing read-only CSRs raises illegal instruction, also in M-mode */
    TESTNUM(2)
    .irp c, cycle, instret, mvendorid, marchid, mimpid, mhartid
    TRY     PRV_M, csrw \c, a0
    EXPECT_M CAUSE_ILLEGAL
    .endr
    TRY     PRV_M, csrrwi a0, cycle, 0
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_M, csrrsi a0, mhartid, 1
    EXPECT_M CAUSE_ILLEGAL
    /* 2b: mconfigptr (0xf15, new in 1.12) exists and is read-only */
    TRY     PRV_M, csrr a0, 0xf15
    EXPECT_OK PRV_M
    TRY     PRV_M, csrw 0xf15, a0
    EXPECT_M CAUSE_ILLEGAL
    /* 3: ... and reading them (csrrs/csrrsi/csrrc with x0 or 0) does not */
    TESTNUM(3)
    TRY     PRV_M, csrrs a0, cycle, x0
    EXPECT_OK PRV_M
    TRY     PRV_M, csrrsi a0, mvendorid, 0
    EXPECT_OK PRV_M
    TRY     PRV_M, csrrc a0, mhartid, x0
    EXPECT_OK PRV_M

    /* 4: S-mode: every M-level CSR is out of reach, read or write */
    TESTNUM(4)
    .irp c, mstatus, misa, medeleg, mideleg, mie, mtvec, mcounteren, mscratch, mepc, \
            mcause, mtval, mip, pmpcfg0, pmpaddr0, mcycle, minstret, mhartid, mvendorid, 0x30a
    TRY     PRV_S, csrr a0, \c
    EXPECT_M CAUSE_ILLEGAL
    .endr
    TESTNUM(5)
    .irp c, mstatus, mscratch, mepc, mtvec, mie, mip
    TRY     PRV_S, csrw \c, zero
    EXPECT_M CAUSE_ILLEGAL
    .endr
    /* 6: S-mode reaches the S-level and user CSRs */
    TESTNUM(6)
    .irp c, sstatus, sie, stvec, scounteren, sscratch, sepc, scause, stval, sip, satp, \
            0x10a, fcsr, cycle, instret
    TRY     PRV_S, csrr a0, \c
    EXPECT_OK PRV_S
    .endr
    TRY     PRV_S, csrw sscratch, a0
    EXPECT_OK PRV_S
    /* 7: S-mode: hypervisor CSRs do not exist */
    TESTNUM(7)
    TRY     PRV_S, csrr a0, 0x600
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_S, csrr a0, 0x200
    EXPECT_M CAUSE_ILLEGAL

    /* 8: U-mode: S-level and M-level CSRs are out of reach */
    TESTNUM(8)
    .irp c, sstatus, sie, stvec, sscratch, sepc, scause, stval, sip, satp, 0x10a, \
            mstatus, mscratch, mhartid
    TRY     PRV_U, csrr a0, \c
    EXPECT_M CAUSE_ILLEGAL
    .endr
    TRY     PRV_U, csrw sscratch, a0
    EXPECT_M CAUSE_ILLEGAL
    /* 9: U-mode reaches the user CSRs */
    TESTNUM(9)
    .irp c, fcsr, frm, fflags, cycle, instret
    TRY     PRV_U, csrr a0, \c
    EXPECT_OK PRV_U
    .endr
    TRY     PRV_U, csrw fflags, zero
    EXPECT_OK PRV_U

#if XLEN == 32
    /* 10: RV32: the high halves exist */
    TESTNUM(10)
    .irp c, cycleh, instreth, mcycleh, minstreth, 0x310, 0x31a
    TRY     PRV_M, csrr a0, \c
    EXPECT_OK PRV_M
    .endr
    TRY     PRV_M, csrr a0, pmpcfg1
    EXPECT_OK PRV_M
#else
    /* 10: RV64: the RV32-only high halves do not exist */
    TESTNUM(10)
    .irp c, 0xc80, 0xc82, 0xb80, 0xb82, 0x310, 0x31a
    TRY     PRV_M, csrr a0, \c
    EXPECT_M CAUSE_ILLEGAL
    .endr
    /* 11: RV64: pmpcfg1 and pmpcfg3 are illegal */
    TESTNUM(11)
    TRY     PRV_M, csrr a0, 0x3a1
    EXPECT_M CAUSE_ILLEGAL
    TRY     PRV_M, csrr a0, 0x3a3
    EXPECT_M CAUSE_ILLEGAL
#endif

    PRIV_PASS
    PRIV_CODE
