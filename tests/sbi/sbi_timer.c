/* SBI TIME extension (SBI spec v1.0, chapter 6) and the supervisor timer interrupt.
 *
 * sbi_set_timer(t) programs the next event for time t (in timebase ticks, the time CSR's
 * unit) and "must clear the pending timer interrupt bit as well"; to clear it without a new
 * event one sets the timer to infinity (all ones) or far ahead. The event appears to S-mode as
 * sip.STIP, taken as scause = interrupt | 5 when sie.STIE and sstatus.SIE are set (privileged
 * spec 4.1.3). Checked here:
 *   - the interrupt arrives, with scause = interrupt | 5, once rdtime has reached the deadline,
 *     and STIP was never seen pending while rdtime was still below it (read sip, then time:
 *     STIP set with a later time < deadline would be an early interrupt);
 *   - the same woken from wfi;
 *   - with sstatus.SIE clear STIP stays pending without a trap; setting the timer far ahead
 *     clears it, and so does setting it to infinity; with sie.STIE clear and SIE set a pending
 *     STIP is not taken until STIE is set.
 * With OpenSBI on a hart without Sstc (socsim) this runs through the CLINT's mtimecmp, M-mode
 * MTIP, OpenSBI setting mip.STIP and mideleg delegating STI to S.
 */
#include "sbi.h"

TEST_NAME("sbi_timer");

static volatile unsigned long irq_count, irq_cause, irq_sepc;
static volatile uint64_t irq_time;

static int timer_hook(struct trap_frame *f)
{
    if (f->scause != (CAUSE_INTR | IRQ_S_TIMER))
        return 0;
    irq_time = rdtime();
    irq_cause = f->scause;
    irq_sepc = f->sepc;
    irq_count++;
    sbi_set_timer(~0ULL); /* clears STIP, no further event */
    return 1;
}

static uint64_t hz;

/* Spin (SIE as it is) until an interrupt is counted or LIMIT ticks pass; report whether STIP
 * was ever pending while time was still below DEADLINE. */
static int wait_irq(unsigned long before, uint64_t deadline, uint64_t limit, int *early)
{
    uint64_t end = rdtime() + limit;
    *early = 0;
    while (irq_count == before) {
        unsigned long sip = csr_read(sip);
        uint64_t t = rdtime();
        if ((sip & SIP_STIP) && t < deadline)
            *early = 1;
        if (t > end)
            return 0;
    }
    return 1;
}

void test_main(unsigned long hartid, const void *dtb)
{
    int len, early;
    const void *tb = fdt_prop(dtb, "/cpus", "timebase-frequency", &len);
    check(tb && len == 4, "/cpus/timebase-frequency is in the tree");
    hz = tb ? fdt32(tb) : 10000000;
    note("timebase %lu Hz", (unsigned long)hz);
    set_trap_hook(timer_hook);

    uint64_t t0 = rdtime();
    uint64_t t1 = rdtime();
    check(t1 >= t0, "rdtime does not go backwards (%lu, %lu)", (unsigned long)t0,
          (unsigned long)t1);

    /* Nothing pending at entry (no timer was set) */
    check((csr_read(sip) & SIP_STIP) == 0, "sip.STIP is clear before any sbi_set_timer");

    /* 1. interrupt after the deadline, not before: 1 ms ahead */
    csr_set(sie, SIE_STIE);
    csr_set(sstatus, SSTATUS_SIE);
    uint64_t deadline = rdtime() + hz / 1000;
    unsigned long before = irq_count;
    struct sbiret r = sbi_set_timer(deadline);
    check_eq(r.error, SBI_SUCCESS, "sbi_set_timer(now + 1 ms) succeeds");
    int got = wait_irq(before, deadline, hz, &early);
    check(got, "the supervisor timer interrupt arrives (within 1 s of timebase)");
    check_eq(irq_count - before, 1, "exactly one timer interrupt");
    check_eq(irq_cause, CAUSE_INTR | IRQ_S_TIMER, "scause = interrupt | 5 (S-mode timer)");
    check(irq_time >= deadline, "it came when rdtime had reached the deadline (%lu >= %lu)",
          (unsigned long)irq_time, (unsigned long)deadline);
    check(!early, "sip.STIP was never pending while rdtime was below the deadline");
    check((csr_read(sip) & SIP_STIP) == 0, "sbi_set_timer(infinity) in the handler cleared STIP");

    /* 2. woken from wfi: 2 ms ahead */
    deadline = rdtime() + hz / 500;
    before = irq_count;
    sbi_set_timer(deadline);
    uint64_t limit = rdtime() + hz;
    while (irq_count == before && rdtime() < limit)
        __asm__ volatile("wfi");
    check_eq(irq_count - before, 1, "wfi: one timer interrupt ends the wait");
    check(irq_time >= deadline, "wfi: the interrupt came at the deadline (%lu >= %lu)",
          (unsigned long)irq_time, (unsigned long)deadline);

    /* 3. pending without a trap (SIE clear); cleared by a far-ahead timer and by infinity */
    csr_clear(sstatus, SSTATUS_SIE);
    before = irq_count;
    sbi_set_timer(rdtime()); /* due now */
    limit = rdtime() + hz / 10;
    while (!(csr_read(sip) & SIP_STIP) && rdtime() < limit)
        ;
    check(csr_read(sip) & SIP_STIP, "with sstatus.SIE clear, a due timer leaves sip.STIP pending");
    check_eq(irq_count - before, 0, "... and no trap is taken");
    r = sbi_set_timer(rdtime() + 100 * hz);
    check_eq(r.error, SBI_SUCCESS, "sbi_set_timer(now + 100 s) succeeds");
    check((csr_read(sip) & SIP_STIP) == 0, "setting the timer 100 s ahead cleared sip.STIP");

    sbi_set_timer(0); /* long past */
    limit = rdtime() + hz / 10;
    while (!(csr_read(sip) & SIP_STIP) && rdtime() < limit)
        ;
    check(csr_read(sip) & SIP_STIP, "sbi_set_timer(0), a time long past: STIP pending at once");
    sbi_set_timer(~0ULL);
    check((csr_read(sip) & SIP_STIP) == 0, "sbi_set_timer(all ones) cleared sip.STIP");
    csr_set(sstatus, SSTATUS_SIE);
    for (volatile int i = 0; i < 1000; i++)
        ;
    check_eq(irq_count - before, 0, "no interrupt once the pending bit was cleared");

    /* 4. masked by sie.STIE, taken once STIE is set */
    csr_clear(sie, SIE_STIE);
    sbi_set_timer(rdtime());
    limit = rdtime() + hz / 10;
    while (!(csr_read(sip) & SIP_STIP) && rdtime() < limit)
        ;
    check(csr_read(sip) & SIP_STIP, "with sie.STIE clear and sstatus.SIE set, STIP pends");
    check_eq(irq_count - before, 0, "... and is not taken");
    csr_set(sie, SIE_STIE);
    for (volatile int i = 0; i < 100 && irq_count == before; i++)
        ;
    check_eq(irq_count - before, 1, "setting sie.STIE takes the pending timer interrupt");

    csr_clear(sstatus, SSTATUS_SIE);
    csr_clear(sie, SIE_STIE);
    test_done();
}
