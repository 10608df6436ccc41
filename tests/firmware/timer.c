/* CLINT interrupts: machine timer (mtimecmp vs mtime, 10 MHz) in direct and vectored mtvec
 * modes, MIP.MTIP following mtimecmp, the RV32 mtimecmp update order that avoids a spurious
 * interrupt, the machine software interrupt through msip, and MSI-before-MTI priority. */
#include "rt.h"

extern char vec_table[];
extern volatile uint32_t vec_last_slot;

static volatile uint32_t n_irq, n_exc, log_cause[4], log_slot[4], log_mip_in[4], log_mip_out[4];
static volatile uint64_t log_mtime[4];

static int hook(struct rt_trap_frame *f)
{
    if (!(f->mcause & CAUSE_INTERRUPT)) {
        n_exc++;
        log_slot[3] = vec_last_slot;
        f->mepc += rt_insn_len(f->mepc);
        return 1;
    }
    uint32_t i = n_irq < 4 ? n_irq : 3;
    log_cause[i] = f->mcause;
    log_slot[i] = vec_last_slot;
    log_mip_in[i] = csr_read(mip);
    log_mtime[i] = rt_mtime();
    if (f->mtval != 0)
        log_cause[i] |= 0x40000000; /* mtval must be 0 for interrupts; make a mismatch visible */
    if (f->mcause == (CAUSE_INTERRUPT | IRQ_M_TIMER))
        rt_set_mtimecmp(UINT64_MAX);
    else if (f->mcause == (CAUSE_INTERRUPT | IRQ_M_SOFT))
        mmio_write32(RT_CLINT_MSIP, 0);
    else
        return 0;
    log_mip_out[i] = csr_read(mip);
    n_irq++;
    return 1;
}

/* Spin until n interrupts were taken or one simulated second passed. */
static int wait_irqs(uint32_t n)
{
    uint64_t give_up = rt_mtime() + RT_MTIME_HZ;
    while (n_irq < n)
        if (rt_mtime() > give_up)
            return 0;
    return 1;
}

static void reset_log(void)
{
    n_irq = 0;
    vec_last_slot = 0xff;
}

static void test_timer_direct(void)
{
    csr_write(mtvec, (uint32_t)rt_trap_entry);
    CHECK_EQ(csr_read(mtvec) & 3, 0, "mtvec mode 0 (direct)");
    reset_log();
    uint64_t target = rt_mtime() + 1000; /* 100 us */
    rt_set_mtimecmp(target);
    csr_write(mie, MIE_MTIE);
    csr_set(mstatus, MSTATUS_MIE);
    CHECK(wait_irqs(1), "timer interrupt arrives (direct mode)");
    csr_clear(mstatus, MSTATUS_MIE);
    CHECK_EQ(log_cause[0], 0x80000007, "timer: mcause = 0x80000007, mtval = 0");
    CHECK(log_mtime[0] >= target, "timer interrupt not before mtime reaches mtimecmp");
    CHECK(log_mip_in[0] & MIP_MTIP, "mip.MTIP is set in the handler");
    CHECK(!(log_mip_out[0] & MIP_MTIP), "mip.MTIP clears once mtimecmp is in the future");
    CHECK_EQ(vec_last_slot, 0xff, "direct mode does not use the vector table");
}

static void test_vectored(void)
{
    csr_write(mtvec, (uint32_t)vec_table | 1);
    CHECK_EQ(csr_read(mtvec), (uint32_t)vec_table | 1, "mtvec accepts vectored mode (1)");
    reset_log();
    rt_set_mtimecmp(rt_mtime() + 1000);
    csr_write(mie, MIE_MTIE);
    csr_set(mstatus, MSTATUS_MIE);
    CHECK(wait_irqs(1), "timer interrupt arrives (vectored mode)");
    csr_clear(mstatus, MSTATUS_MIE);
    CHECK_EQ(log_cause[0], 0x80000007, "vectored timer: mcause = 0x80000007");
    CHECK_EQ(log_slot[0], 7, "vectored timer interrupt enters at base + 4*7");

    reset_log();
    uint32_t before = n_exc;
    __asm__ volatile("ecall" ::: "memory");
    CHECK(n_exc == before + 1 && log_slot[3] == 0, "vectored mode: exceptions enter at base");

    reset_log();
    csr_write(mie, MIE_MSIE);
    mmio_write32(RT_CLINT_MSIP, 1);
    CHECK_EQ(mmio_read32(RT_CLINT_MSIP), 1, "msip reads back 1");
    CHECK(csr_read(mip) & MIP_MSIP, "msip = 1 sets mip.MSIP");
    CHECK_EQ(n_irq, 0, "nothing taken while mstatus.MIE = 0");
    csr_set(mstatus, MSTATUS_MIE);
    CHECK(wait_irqs(1), "software interrupt taken once MIE = 1");
    csr_clear(mstatus, MSTATUS_MIE);
    CHECK_EQ(log_cause[0], 0x80000003, "software interrupt: mcause = 0x80000003");
    CHECK_EQ(log_slot[0], 3, "vectored software interrupt enters at base + 4*3");
    CHECK(!(log_mip_out[0] & MIP_MSIP), "writing msip = 0 clears mip.MSIP");
    CHECK_EQ(mmio_read32(RT_CLINT_MSIP), 0, "msip reads back 0");

    /* Both pending at once: MSI has priority over MTI. */
    reset_log();
    csr_write(mie, MIE_MSIE | MIE_MTIE);
    mmio_write32(RT_CLINT_MSIP, 1);
    rt_set_mtimecmp(0);
    CHECK((csr_read(mip) & (MIP_MSIP | MIP_MTIP)) == (MIP_MSIP | MIP_MTIP),
          "MSIP and MTIP both pending");
    csr_set(mstatus, MSTATUS_MIE);
    CHECK(wait_irqs(2), "both interrupts taken");
    csr_clear(mstatus, MSTATUS_MIE);
    CHECK(log_cause[0] == 0x80000003 && log_cause[1] == 0x80000007,
          "machine software interrupt is taken before machine timer");
    csr_write(mie, 0);
    csr_write(mtvec, (uint32_t)rt_trap_entry);
}

static void test_mtimecmp_order(void)
{
    uint32_t seen[3];
    csr_write(mie, 0);
    uint32_t later = (uint32_t)rt_mtime() + 10000000u; /* 1 s ahead; mtime is far below 2^32 */

    /* From mtimecmp = {hi 1, lo 0} (future), the naive high-word-first update passes through
     * {0, 0}, which is in the past. */
    rt_set_mtimecmp(1ull << 32);
    CHECK(!(csr_read(mip) & MIP_MTIP), "mtimecmp = 2^32 is in the future: MTIP = 0");
    mmio_write32(RT_CLINT_MTIMECMP + 4, 0);
    seen[0] = csr_read(mip) & MIP_MTIP;
    mmio_write32(RT_CLINT_MTIMECMP, later);
    seen[1] = csr_read(mip) & MIP_MTIP;
    CHECK(seen[0] && !seen[1], "high-word-first update makes MTIP pulse (spurious interrupt)");

    /* The safe order: low word to all ones, high word, then low word. */
    rt_set_mtimecmp(1ull << 32);
    mmio_write32(RT_CLINT_MTIMECMP, 0xffffffffu);
    seen[0] = csr_read(mip) & MIP_MTIP;
    mmio_write32(RT_CLINT_MTIMECMP + 4, 0);
    seen[1] = csr_read(mip) & MIP_MTIP;
    mmio_write32(RT_CLINT_MTIMECMP, later);
    seen[2] = csr_read(mip) & MIP_MTIP;
    CHECK(!seen[0] && !seen[1] && !seen[2], "lo=~0, hi, lo update never makes MTIP pending");
    CHECK(mmio_read32(RT_CLINT_MTIMECMP) == later && mmio_read32(RT_CLINT_MTIMECMP + 4) == 0,
          "mtimecmp reads back both halves");

    /* With the interrupt enabled the safe update takes no interrupt. */
    reset_log();
    rt_set_mtimecmp(1ull << 32);
    csr_write(mie, MIE_MTIE);
    csr_set(mstatus, MSTATUS_MIE);
    rt_set_mtimecmp(rt_mtime() + 100000); /* 10 ms */
    uint32_t right_after = n_irq;
    CHECK(wait_irqs(1), "the timer still fires at the new compare value");
    csr_clear(mstatus, MSTATUS_MIE);
    CHECK_EQ(right_after, 0, "no spurious interrupt during the safe 64-bit update");

    rt_set_mtimecmp(0);
    csr_clear(mip, MIP_MTIP);
    CHECK(csr_read(mip) & MIP_MTIP, "mip.MTIP is read-only (csrc does not clear it)");
    rt_set_mtimecmp(UINT64_MAX);
    csr_write(mie, 0);
}

int main(void)
{
    rt_set_trap_hook(hook);
    test_timer_direct();
    test_vectored();
    test_mtimecmp_order();
    return rt_done();
}
