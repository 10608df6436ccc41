/* Zbb ctzw (RV64) on values whose low word is zero but whose high word is not: ctzw counts
 * trailing zeros in the least-significant 32 bits only, so the result is 32 whatever bits
 * 63:32 hold (QEMU 7.2 counts over all 64 bits here: see tests.list). */
#include "isa.h"

TEST_MAIN
    TEST_R(1, ctzw, 32, 0x8000000000000000)
    TEST_R(2, ctzw, 32, 0xe98d430200000000)
    TEST_R(3, ctzw, 32, 0x0000000100000000)
    TEST_R(4, ctzw, 32, 0xffffffff00000000)
    TEST_R(5, ctzw, 32, 0)
    TEST_R(6, ctzw, 0, 0x8000000000000001)
    TEST_R(7, ctzw, 31, 0x0000000180000000)
    li a0, 0
    ret
