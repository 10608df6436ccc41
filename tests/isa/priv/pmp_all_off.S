/* With PMP implemented (16 entries) and every entry OFF, no entry matches and all S- and
 * U-mode accesses fail, instruction fetches included (privileged spec 1.12, section 3.7.1.3
 * and its commentary); M-mode is unaffected. QEMU 7.2 treats "no active entry" as "no PMP"
 * and allows S/U everything, so the list skips this test there. */
#include "priv.h"

    .text
    .globl test_main
test_main:
    PRIV_INIT
    csrw    pmpcfg0, zero
    csrw    pmpcfg2, zero
#if XLEN == 32
    csrw    pmpcfg1, zero
    csrw    pmpcfg3, zero
#endif
    sfence.vma

    /* 1: S and U fail their first fetch: cause 1, mepc = mtval = the instruction */
    TESTNUM(1)
    TRY     PRV_S, nop
    EXPECT_M CAUSE_FETCH_ACCESS
    EXPECT_TR_TRYPC TR_MTVAL
    TRY     PRV_U, nop
    EXPECT_M CAUSE_FETCH_ACCESS
    EXPECT_TR_TRYPC TR_MTVAL
    /* 2: M-mode loads, stores and fetches work */
    TESTNUM(2)
    la      s1, word
    TRY     PRV_M, sw a0, 0(s1)
    EXPECT_OK PRV_M
    /* 3: M-mode with MPRV = 1, MPP = S: the data access fails */
    TESTNUM(3)
    MPRV_TRY PRV_S, lw a0, 0(s1)
    EXPECT_M CAUSE_LOAD_ACCESS
    EXPECT_MTVAL s1

    call    priv_pmp_open
    PRIV_PASS

    .data
    .balign 8
word:
    .dword  0
    PRIV_CODE
