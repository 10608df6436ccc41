/* WFI: with mstatus.MIE = 0 but mie.MTIE = 1, WFI waits for the timer and returns without a
 * trap; with MIE = 1 the interrupt is taken right after the WFI; with an interrupt already
 * pending WFI returns at once. */
#include "rt.h"

static volatile uint32_t traps, trap_cause, trap_epc;

static int hook(struct rt_trap_frame *f)
{
    traps++;
    trap_cause = f->mcause;
    trap_epc = f->mepc;
    if (f->mcause != (CAUSE_INTERRUPT | IRQ_M_TIMER))
        return 0;
    rt_set_mtimecmp(UINT64_MAX);
    return 1;
}

int main(void)
{
    rt_set_trap_hook(hook);
    csr_clear(mstatus, MSTATUS_MIE);
    csr_write(mie, MIE_MTIE);

    uint64_t start = rt_mtime();
    uint64_t target = start + 10000; /* 1 ms at 10 MHz */
    rt_set_mtimecmp(target);
    __asm__ volatile("wfi" ::: "memory");
    uint64_t woke = rt_mtime();
    CHECK_EQ(traps, 0, "WFI with MIE=0, MTIE=1 returns without taking a trap");
    CHECK(csr_read(mip) & MIP_MTIP, "after WFI the timer interrupt is pending");
    CHECK(woke >= target, "mtime advanced to mtimecmp (1 ms) while in WFI");

    /* Already pending: WFI must not sleep until some later event. */
    start = rt_mtime();
    __asm__ volatile("wfi" ::: "memory");
    CHECK(rt_mtime() - start < 10000, "WFI with an interrupt already pending returns at once");
    CHECK_EQ(traps, 0, "... still without a trap");

    /* With MIE=1 the interrupt is taken after the WFI retires: mepc = the next instruction. */
    rt_set_mtimecmp(rt_mtime() + 10000);
    uint32_t after_wfi;
    __asm__ volatile(".option push\n\t.option norvc\n\t"
                     "lui %0, %%hi(1f)\n\taddi %0, %0, %%lo(1f)\n\t"
                     "csrsi mstatus, 8\n\t"
                     "wfi\n"
                     "1:\tcsrci mstatus, 8\n\t"
                     ".option pop"
                     : "=&r"(after_wfi) :: "memory");
    CHECK_EQ(traps, 1, "WFI with MIE=1: the timer interrupt is taken");
    CHECK_EQ(trap_cause, 0x80000007, "... as a machine timer interrupt");
    CHECK_EQ(trap_epc, after_wfi, "... with mepc = the instruction after WFI");
    csr_write(mie, 0);
    return rt_done();
}
