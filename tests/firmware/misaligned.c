/* Misaligned loads and stores trap on this platform (socsim's default; QEMU emulates them
 * instead): cause 4 for loads, 6 for stores, mtval = the effective address, nothing stored.
 * Byte accesses and naturally aligned halfwords never trap. */
#include "rt.h"

static volatile uint32_t words[4] __attribute__((aligned(16))) = {
    0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c};

int main(void)
{
    rt_set_trap_hook(rt_record_and_skip);
    uint32_t b = (uint32_t)words;
    uint32_t n, at;

    n = rt_last_trap.count;
    at = RUN_AT_ADDR("lw t1, 1(%1)", b);
    rt_expect_trap(n, CAUSE_MISALIGNED_LOAD, at, b + 1, "lw at +1: mcause 4, mtval = address");
    n = rt_last_trap.count;
    at = RUN_AT_ADDR("lw t1, 2(%1)", b);
    rt_expect_trap(n, CAUSE_MISALIGNED_LOAD, at, b + 2, "lw at +2: mcause 4, mtval = address");
    n = rt_last_trap.count;
    at = RUN_AT_ADDR("lw t1, 7(%1)", b);
    rt_expect_trap(n, CAUSE_MISALIGNED_LOAD, at, b + 7, "lw at +7 (crossing a word): mtval = address");
    n = rt_last_trap.count;
    at = RUN_AT_ADDR("lh t1, 1(%1)", b);
    rt_expect_trap(n, CAUSE_MISALIGNED_LOAD, at, b + 1, "lh at +1: mcause 4");
    n = rt_last_trap.count;
    at = RUN_AT_ADDR("lhu t1, 3(%1)", b);
    rt_expect_trap(n, CAUSE_MISALIGNED_LOAD, at, b + 3, "lhu at +3 (crossing a word): mcause 4");
    n = rt_last_trap.count;
    at = RUN_AT_ADDR("sw %1, 2(%1)", b);
    rt_expect_trap(n, CAUSE_MISALIGNED_STORE, at, b + 2, "sw at +2: mcause 6, mtval = address");
    n = rt_last_trap.count;
    at = RUN_AT_ADDR("sh %1, 5(%1)", b);
    rt_expect_trap(n, CAUSE_MISALIGNED_STORE, at, b + 5, "sh at +5: mcause 6");
    n = rt_last_trap.count;
    at = RUN_AT_ADDR("sw %1, -1(%1)", b + 8);
    rt_expect_trap(n, CAUSE_MISALIGNED_STORE, at, b + 7, "sw with offset -1: mtval = base + offset");
    CHECK(words[0] == 0x03020100 && words[1] == 0x07060504 && words[2] == 0x0b0a0908,
          "trapped stores wrote nothing");

    n = rt_last_trap.count;
    uint32_t v;
    __asm__ volatile("lbu %0, 3(%1)" : "=r"(v) : "r"(b) : "memory");
    CHECK(rt_last_trap.count == n && v == 3, "lbu at an odd address does not trap");
    __asm__ volatile("lhu %0, 2(%1)" : "=r"(v) : "r"(b) : "memory");
    CHECK(rt_last_trap.count == n && v == 0x0302, "lhu at +2 (aligned halfword) does not trap");
    __asm__ volatile("sb %0, 5(%1)" :: "r"(0xaau), "r"(b) : "memory");
    CHECK(rt_last_trap.count == n && words[1] == 0x0706aa04, "sb at an odd address does not trap");

    /* Compressed forms go through the same check. */
    n = rt_last_trap.count;
    __asm__ volatile(".option push\n\t.option rvc\n\t"
                     "addi a1, %1, 2\n\t"
                     "lui %0, %%hi(1f)\n\taddi %0, %0, %%lo(1f)\n1:\t"
                     "c.lw a2, 0(a1)\n\t.option pop"
                     : "=&r"(at) : "r"(b) : "a1", "a2", "memory");
    rt_expect_trap(n, CAUSE_MISALIGNED_LOAD, at, b + 2, "c.lw at +2: mcause 4, mtval = address");
    CHECK_EQ(rt_last_trap.insn_len, 2, "... and the trapping c.lw is 2 bytes long");
    return rt_done();
}
