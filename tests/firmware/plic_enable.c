/* PLIC: writing an enable bit takes effect on mip.MEIP at once, in both directions, with no
 * other PLIC register written in between. (QEMU 7.2 only re-evaluates on other writes.) */
#include "rt.h"

int main(void)
{
    csr_write(mie, 0);
    mmio_write32(RT_PLIC_PRIORITY(RT_UART_IRQ), 1);
    mmio_write32(RT_PLIC_THRESHOLD_CTX0, 0);
    mmio_write32(RT_PLIC_ENABLE_CTX0, 1u << RT_UART_IRQ);
    mmio_write8(RT_UART_BASE + UART_IER, UART_IER_THRI); /* THR empty: source 10 pends */
    CHECK((mmio_read32(RT_PLIC_PENDING) >> RT_UART_IRQ) & 1, "UART source 10 is pending");
    CHECK(csr_read(mip) & MIP_MEIP, "enabled and above threshold: mip.MEIP = 1");
    mmio_write32(RT_PLIC_ENABLE_CTX0, 0);
    CHECK(!(csr_read(mip) & MIP_MEIP), "clearing the enable bit drops mip.MEIP at once");
    mmio_write32(RT_PLIC_ENABLE_CTX0, 1u << RT_UART_IRQ);
    CHECK(csr_read(mip) & MIP_MEIP, "setting the enable bit raises mip.MEIP at once");
    mmio_write8(RT_UART_BASE + UART_IER, 0);
    mmio_write32(RT_PLIC_ENABLE_CTX0, 0);
    return rt_done();
}
