/* Zicntr (+ the M-mode counters behind it): cycle/instret/time advance, 64-bit reads through
 * the ...h halves are consistent and carry, time matches the CLINT's mtime, and instret
 * counts a straight-line sequence exactly. Carry into the high halves is in zicntr_carry. */
#include "rt.h"

static void spin(unsigned n)
{
    for (volatile unsigned i = 0; i < n; i++)
        ;
}

static void test_advance(void)
{
    uint64_t c0 = READ64(cycleh, cycle), i0 = READ64(instreth, instret), t0 = READ64(timeh, time);
    spin(20000);
    uint64_t c1 = READ64(cycleh, cycle), i1 = READ64(instreth, instret), t1 = READ64(timeh, time);
    CHECK(c1 > c0, "cycle advances over a busy loop");
    CHECK(i1 > i0, "instret advances over a busy loop");
    CHECK(i1 - i0 >= 20000 * 3, "instret counts at least 3 instructions per loop iteration");
    CHECK(t1 > t0, "time advances over a busy loop");

    uint64_t m0 = READ64(mcycleh, mcycle), m1 = READ64(cycleh, cycle);
    CHECK(m1 >= m0, "cycle reads the same counter as mcycle (not behind it)");
    m0 = READ64(minstreth, minstret);
    m1 = READ64(instreth, instret);
    CHECK(m1 > m0, "instret reads the same counter as minstret");
}

static void test_time_vs_mtime(void)
{
    uint64_t a = READ64(timeh, time);
    uint64_t m = rt_mtime();
    uint64_t b = READ64(timeh, time);
    CHECK(a <= m && m <= b, "time CSR agrees with CLINT mtime (read before <= mtime <= read after)");
}

static void test_time_follows_mtime_writes(void)
{
    /* Move mtime forward (low word to 0 first so no carry can sneak in between the halves). */
    const uint64_t set = 0x00000005fffffff0ull;
    mmio_write32(RT_CLINT_MTIME, 0);
    mmio_write32(RT_CLINT_MTIME + 4, (uint32_t)(set >> 32));
    mmio_write32(RT_CLINT_MTIME, (uint32_t)set);
    uint64_t t = READ64(timeh, time), m = rt_mtime();
    CHECK(t >= set && t < set + 1000, "time CSR follows a guest write to CLINT mtime");
    CHECK(t <= m, "time read before mtime is not ahead of it after the write");
}

static void test_exact_instret(void)
{
    uint32_t a, b;
    /* Between the two reads retire: the first csrr itself (1) + 10 nops = 11. The second csrr
     * reads the count before it retires, so b - a = 11. */
    __asm__ volatile(".option push\n\t.option norvc\n\t"
                     "csrr %0, instret\n\t"
                     "nop\n\tnop\n\tnop\n\tnop\n\tnop\n\tnop\n\tnop\n\tnop\n\tnop\n\tnop\n\t"
                     "csrr %1, instret\n\t"
                     ".option pop"
                     : "=&r"(a), "=&r"(b));
    CHECK_EQ(b - a, 11, "instret: csrr + 10 nops + csrr differ by exactly 11");

    /* Mixed 16/32-bit: csrr (1) + 4 c.nop + addi + c.addi + lui + 2 x add = 10. */
    __asm__ volatile(".option push\n\t.option rvc\n\t"
                     "csrr %0, minstret\n\t"
                     "c.nop\n\tc.nop\n\tc.nop\n\tc.nop\n\t"
                     "addi t0, x0, 1\n\tc.addi t0, 2\n\tlui t1, 1\n\t"
                     "add t1, t1, t0\n\tadd t1, t1, t0\n\t"
                     "csrr %1, minstret\n\t"
                     ".option pop"
                     : "=&r"(a), "=&r"(b) :: "t0", "t1");
    CHECK_EQ(b - a, 10, "minstret: 16- and 32-bit instructions each count once (10)");

    /* A taken branch and a jump are one instruction each: csrr, li, beqz(taken), j = 4;
     * the two skipped instructions do not count. */
    __asm__ volatile(".option push\n\t.option norvc\n\t"
                     "csrr %0, instret\n\t"
                     "li t0, 0\n\t"
                     "beqz t0, 1f\n\t"
                     "nop\n"
                     "1:\tj 2f\n\t"
                     "nop\n"
                     "2:\tcsrr %1, instret\n\t"
                     ".option pop"
                     : "=&r"(a), "=&r"(b) :: "t0");
    CHECK_EQ(b - a, 4, "instret: skipped instructions are not counted (4)");
}

int main(void)
{
    test_advance();
    test_time_vs_mtime();
    test_time_follows_mtime_writes();
    test_exact_instret();
    return rt_done();
}
