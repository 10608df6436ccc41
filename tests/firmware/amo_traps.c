/* Exceptions from atomics, where QEMU 7.2 departs from the spec: an AMO that faults reports
 * the store/AMO causes (7 access fault, 6 misaligned) although it also reads, and a misaligned
 * SC.W traps even without a reservation, because LR/SC/AMOs require natural alignment.
 * (Misaligned LR.W, which QEMU gets right, is checked in traps.) */
#include "rt.h"

static volatile uint32_t words[4] __attribute__((aligned(16))) = {0x11111111, 0x22222222};

int main(void)
{
    rt_set_trap_hook(rt_record_and_skip);
    uint32_t base = (uint32_t)words;

    uint32_t n = rt_last_trap.count;
    uint32_t at = RUN_AT_ADDR("amoadd.w t1, %1, (%1)", RT_UNMAPPED_DATA + 16);
    rt_expect_trap(n, CAUSE_STORE_ACCESS, at, RT_UNMAPPED_DATA + 16,
           "amoadd.w on unmapped 0x10: mcause 7 (store/AMO access fault), mtval = 0x10");
    n = rt_last_trap.count;
    at = RUN_AT_ADDR("amoswap.w t1, %1, (%1)", RT_UNMAPPED_DATA + 20);
    rt_expect_trap(n, CAUSE_STORE_ACCESS, at, RT_UNMAPPED_DATA + 20,
           "amoswap.w on unmapped 0x14: mcause 7, mtval = 0x14");

    n = rt_last_trap.count;
    at = RUN_AT_ADDR("amoadd.w t1, %1, (%1)", base + 2);
    rt_expect_trap(n, CAUSE_MISALIGNED_STORE, at, base + 2, "amoadd.w at +2: mcause 6, mtval = address");
    n = rt_last_trap.count;
    at = RUN_AT_ADDR("amoswap.w t1, %1, (%1)", base + 3);
    rt_expect_trap(n, CAUSE_MISALIGNED_STORE, at, base + 3, "amoswap.w at +3: mcause 6, mtval = address");
    n = rt_last_trap.count;
    at = RUN_AT_ADDR("amomaxu.w t1, %1, (%1)", base + 6);
    rt_expect_trap(n, CAUSE_MISALIGNED_STORE, at, base + 6, "amomaxu.w at +6: mcause 6, mtval = address");
    n = rt_last_trap.count;
    at = RUN_AT_ADDR("sc.w t1, %1, (%1)", base + 1);
    rt_expect_trap(n, CAUSE_MISALIGNED_STORE, at, base + 1, "sc.w at +1: mcause 6, mtval = address");
    CHECK(words[0] == 0x11111111 && words[1] == 0x22222222,
          "memory is unchanged after the faulting atomics");
    return rt_done();
}
