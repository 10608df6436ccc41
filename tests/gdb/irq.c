/* A machine software interrupt, for `monitor step-irq`: main makes MSIP pending and enabled
 * in mie while mstatus.MIE is still clear, calls irq_ready (where the debugger enables
 * mstatus.MIE and single-steps), then enables interrupts itself. The handler counts the
 * interrupt and clears MSIP; the exit status is 40 + the count: 41. */
#include "gdbrt.h"

#include <stdio.h>

#define MSTATUS_MIE 0x8ul
#define MIE_MSIE 0x8ul

volatile int irq_count;

__attribute__((interrupt("machine"), aligned(4))) void irq_handler(void)
{
    *(volatile uint32_t *)(uintptr_t)GDBRT_CLINT_MSIP = 0; /* LINE:irq_handler */
    irq_count++;
}

/* MSIP is pending and enabled here; only mstatus.MIE keeps it from being taken. */
__attribute__((noinline)) void irq_ready(void)
{
    __asm__ volatile("nop\n\tnop\n\tnop\n\tnop");
}

int main(void)
{
    __asm__ volatile("csrw mtvec, %0" ::"r"(irq_handler));
    __asm__ volatile("csrs mie, %0" ::"r"(MIE_MSIE));
    *(volatile uint32_t *)(uintptr_t)GDBRT_CLINT_MSIP = 1;
    irq_ready();
    __asm__ volatile("csrs mstatus, %0" ::"r"(MSTATUS_MIE));
    while (irq_count == 0)
        ;
    __asm__ volatile("csrc mstatus, %0" ::"r"(MSTATUS_MIE));
    printf("irq_count %d\n", irq_count);
    return 40 + irq_count;
}
