/* Zicntr: the 64-bit counters carry from the low into the high half (mcycle/minstret are
 * written just below the wrap). Kept apart because QEMU 7.2 keeps the halves separately. */
#include "rt.h"

static void spin(unsigned n)
{
    for (volatile unsigned i = 0; i < n; i++)
        ;
}

static void test_carry(void)
{
    /* Put the low halves just below the wrap and check the high halves pick up the carry. */
    csr_write(minstret, 0xfffffff0u);
    csr_write(minstreth, 7);
    spin(10);
    uint64_t v = READ64(minstreth, minstret);
    CHECK_EQ((uint32_t)(v >> 32), 8, "minstret carries into minstreth (7 -> 8)");
    CHECK((uint32_t)v < 0x1000, "minstret wrapped to a small value");
    CHECK_EQ((uint32_t)(READ64(instreth, instret) >> 32), 8, "instreth shows the carry too");

    csr_write(mcycle, 0xffffff00u);
    csr_write(mcycleh, 0x41);
    spin(1000);
    v = READ64(mcycleh, mcycle);
    CHECK_EQ((uint32_t)(v >> 32), 0x42, "mcycle carries into mcycleh (0x41 -> 0x42)");
    CHECK_EQ((uint32_t)(READ64(cycleh, cycle) >> 32), 0x42, "cycleh shows the carry too");
}

int main(void)
{
    test_carry();
    return rt_done();
}
