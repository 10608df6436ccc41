/* Guest-requested reset through sifive_test (0x7777): the hart restarts at the entry point with
 * CSRs at their reset values and the firmware image reloaded, while RAM outside the image keeps
 * its contents, as on QEMU's virt machine. The boot count lives at the top of RAM, far from
 * the image, stack and heap. (mcycle and minstret restarting from 0 is socsim's choice, not
 * the spec's, and is checked in tests/unit/test_cpu.c instead.) */
#include "rt.h"

#define BOOTS (*(volatile uint32_t *)(RT_RAM_BASE + 0x07fff000u))
#define MAGIC (*(volatile uint32_t *)(RT_RAM_BASE + 0x07fff004u))
#define TOKEN 0x5eb007edu

static uint32_t initialised_data = 1234; /* reloaded from the ELF at reset */

int main(void)
{
    if (MAGIC != TOKEN) {
        MAGIC = TOKEN;
        BOOTS = 1;
        initialised_data = 99;
        csr_set(mstatus, MSTATUS_MIE); /* mie is 0: no interrupt can be taken */
        rt_puts("checked: first boot, requesting a reset\n");
        mmio_write32(RT_TEST_BASE, 0x7777);
        for (;;)
            ;
    }
    BOOTS = BOOTS + 1;
    CHECK_EQ(BOOTS, 2, "second boot after the 0x7777 reset request (count kept in RAM)");
    CHECK_EQ(initialised_data, 1234, "initialised data was reloaded from the image at reset");
    /* The privileged spec fixes few reset values; mstatus.MIE = 0 is one of them. */
    CHECK_EQ(csr_read(mstatus) & MSTATUS_MIE, 0, "mstatus.MIE is 0 again after reset");
    return rt_done();
}
