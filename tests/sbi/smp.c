/* Several harts under OpenSBI: HSM (SBI spec v1.0 chapter 9), IPI (chapter 7), AMOs.
 *
 * fw_jump brings only the boot hart (a0; OpenSBI's lottery picks it, so not necessarily 0)
 * to the payload; the others wait in OpenSBI, STOPPED, until hart_start. The harts are those
 * of the device tree's /cpus (the run says how many it expects with "harts=N" in bootargs).
 * Checked:
 *   - hart_get_status: every other hart STOPPED (1) before hart_start, STARTED (0) after,
 *     STOPPED again after it called hart_stop;
 *   - hart_start of an id that is no hart: SBI_ERR_INVALID_PARAM (-3); of a hart already
 *     started (the boot hart, a running secondary): SBI_ERR_ALREADY_AVAILABLE (-6);
 *   - each started hart enters start_addr in S-mode with a0 = its hartid and a1 = the opaque
 *     value given to hart_start, satp = 0 and sstatus.SIE = 0 (spec 9.1, HART start);
 *   - each secondary in turn sends sbi_send_ipi(1, boot hartid) (hart_mask_base = the boot
 *     hart) and the boot hart takes a supervisor software interrupt, scause = interrupt | 1;
 *   - the boot hart sends one IPI with a mask of all secondaries (base 0): each takes one SSI;
 *     then one with hart_mask_base = -1 ("all available harts"): every hart, sender included;
 *   - all harts do 2000 amoadd.d of (hartid + 1) and 2000 amoadd.w of 1 on shared counters:
 *     the totals are exact;
 *   - a stopped hart can be started again (new opaque value seen).
 */
#include "sbi.h"

TEST_NAME("smp");

#define ITERS 2000
#define OPAQUE1(h) (0x5eed000000000000UL | (h))
#define OPAQUE2(h) (0xa9a1000000000000UL | (h))

static uint64_t hz = 10000000;
static unsigned long boot;

static volatile struct arrival {
    unsigned long a0, a1, satp, sstatus;
} arrivals[2 * MAX_HARTS];
static volatile unsigned long n_arrivals;
static volatile unsigned long phase;
static volatile long ipi_turn = -1;
static volatile long ipi_error[MAX_HARTS];
static volatile unsigned long ipi_sent[MAX_HARTS];
static volatile unsigned long ssi_count[MAX_HARTS];
static volatile unsigned long ssi_cause[MAX_HARTS];
static volatile unsigned long ssi_from_turn; /* ipi_turn as the boot hart's handler saw it */
static volatile uint64_t counter64;
static volatile uint32_t counter32;
static volatile unsigned long done_count;

static int ssi_hook(struct trap_frame *f)
{
    if (f->scause != (CAUSE_INTR | IRQ_S_SOFT))
        return 0;
    unsigned long h = this_hart();
    csr_clear(sip, SIP_SSIP);
    ssi_cause[h] = f->scause;
    if (h == boot)
        ssi_from_turn = (unsigned long)ipi_turn;
    ssi_count[h]++;
    return 1;
}

/* Spin until *p >= want or a timeout (seconds of timebase); true if reached. */
static int wait_for(volatile unsigned long *p, unsigned long want, unsigned seconds)
{
    uint64_t end = rdtime() + seconds * hz;
    while (*p < want)
        if (rdtime() > end)
            return 0;
    return 1;
}

static void amo_work(unsigned long h)
{
    for (int i = 0; i < ITERS; i++) {
        __asm__ volatile("amoadd.d zero, %1, (%0)" :: "r"(&counter64), "r"(h + 1) : "memory");
        __asm__ volatile("amoadd.w zero, %1, (%0)" :: "r"(&counter32), "r"(1) : "memory");
    }
}

void test_secondary(unsigned long hartid, unsigned long opaque)
{
    unsigned long satp = csr_read(satp), sstatus = csr_read(sstatus);
    unsigned long k = __atomic_fetch_add(&n_arrivals, 1, __ATOMIC_ACQ_REL);
    if (k < 2 * MAX_HARTS) {
        arrivals[k].a1 = opaque;
        arrivals[k].satp = satp;
        arrivals[k].sstatus = sstatus;
        __atomic_store_n(&arrivals[k].a0, hartid + 1, __ATOMIC_RELEASE); /* +1: 0 = empty */
    }
    if (opaque == OPAQUE2(hartid))
        sbi_hart_stop(); /* the restart: report and go */
    set_trap_hook(ssi_hook);
    csr_set(sie, SIE_SSIE);
    csr_set(sstatus, SSTATUS_SIE);

    /* phase 1: an IPI to the boot hart when it is our turn */
    while ((unsigned long)ipi_turn != hartid)
        ;
    struct sbiret r = sbi_send_ipi(1, boot);
    ipi_error[hartid] = r.error;
    __atomic_store_n(&ipi_sent[hartid], 1, __ATOMIC_RELEASE);

    /* phases 2 and 3: IPIs from the boot hart (one, then the broadcast) */
    while (ssi_count[hartid] < 2)
        __asm__ volatile("wfi");

    /* phase 4: the shared counters */
    while (phase < 4)
        ;
    amo_work(hartid);
    __atomic_fetch_add(&done_count, 1, __ATOMIC_ACQ_REL);

    /* phase 5: stop */
    while (phase < 5)
        ;
    struct sbiret s = sbi_hart_stop();
    print("FAIL: hart_stop on hart %lu returned (error %ld)\n", hartid, s.error);
    for (;;)
        __asm__ volatile("wfi");
}

static int find_arrival(unsigned long h, unsigned long opaque)
{
    for (unsigned long k = 0; k < n_arrivals && k < 2 * MAX_HARTS; k++)
        if (arrivals[k].a0 == h + 1 && arrivals[k].a1 == opaque)
            return (int)k;
    return -1;
}

static int wait_status(unsigned long h, long want, unsigned seconds)
{
    uint64_t end = rdtime() + seconds * hz;
    for (;;) {
        struct sbiret r = sbi_hart_status(h);
        if (r.error == 0 && r.value == want)
            return 1;
        if (rdtime() > end)
            return 0;
    }
}

void test_main(unsigned long hartid, const void *dtb)
{
    int len;
    const void *tb = fdt_prop(dtb, "/cpus", "timebase-frequency", &len);
    if (tb && len == 4)
        hz = fdt32(tb);
    boot = hartid;
    set_trap_hook(ssi_hook);

    unsigned long ids[MAX_HARTS + 1];
    int n = fdt_harts(dtb, ids, MAX_HARTS + 1);
    unsigned long want_n = bootarg(dtb, "harts", 0);
    if (want_n)
        check_eq(n, want_n, "the device tree lists the %lu harts the run asked for", want_n);
    check(n >= 2 && n <= MAX_HARTS, "between 2 and %d harts to work with (%d)", MAX_HARTS, n);
    if (n < 2 || n > MAX_HARTS)
        test_done();
    for (int i = 0; i < n; i++)
        check(ids[i] < MAX_HARTS && ids[i] < 64, "hart id %lu is below %d", ids[i], MAX_HARTS);
    note("boot hart %lu, %d harts", boot, n);

    unsigned long others = 0, sum = 0;
    for (int i = 0; i < n; i++) {
        sum += ids[i] + 1;
        if (ids[i] == boot)
            continue;
        others |= 1UL << ids[i];
        struct sbiret r = sbi_hart_status(ids[i]);
        check(r.error == 0 && r.value == SBI_HSM_STOPPED,
              "hart_get_status(%lu) before hart_start: STOPPED (error %ld, value %ld)", ids[i],
              r.error, r.value);
    }

    struct sbiret r = sbi_hart_start(4000, (unsigned long)secondary_entry, 0);
    check_eq(r.error, (unsigned long)SBI_ERR_INVALID_PARAM,
             "hart_start(4000, no such hart): SBI_ERR_INVALID_PARAM");
    r = sbi_hart_start(boot, (unsigned long)secondary_entry, 0);
    check_eq(r.error, (unsigned long)SBI_ERR_ALREADY_AVAILABLE,
             "hart_start(the boot hart, running): SBI_ERR_ALREADY_AVAILABLE");

    for (int i = 0; i < n; i++) {
        if (ids[i] == boot)
            continue;
        r = sbi_hart_start(ids[i], (unsigned long)secondary_entry, OPAQUE1(ids[i]));
        check_eq(r.error, SBI_SUCCESS, "hart_start(%lu, secondary_entry, %#lx) succeeds", ids[i],
                 OPAQUE1(ids[i]));
    }
    check(wait_for(&n_arrivals, n - 1, 5), "all %d secondaries reached secondary_entry (%lu)",
          n - 1, n_arrivals);
    for (int i = 0; i < n; i++) {
        unsigned long h = ids[i];
        if (h == boot)
            continue;
        int k = find_arrival(h, OPAQUE1(h));
        check(k >= 0, "hart %lu entered with a0 = %lu and a1 = its opaque value %#lx", h, h,
              OPAQUE1(h));
        if (k >= 0)
            check(arrivals[k].satp == 0 && !(arrivals[k].sstatus & SSTATUS_SIE),
                  "... in S-mode with satp = 0 and sstatus.SIE = 0 (satp %#lx, sstatus %#lx)",
                  arrivals[k].satp, arrivals[k].sstatus);
        check(wait_status(h, SBI_HSM_STARTED, 2), "hart_get_status(%lu): STARTED", h);
    }
    for (int i = 0; i < n; i++)
        if (ids[i] != boot) {
            r = sbi_hart_start(ids[i], (unsigned long)secondary_entry, 0);
            check_eq(r.error, (unsigned long)SBI_ERR_ALREADY_AVAILABLE,
                     "hart_start(%lu) while it runs: SBI_ERR_ALREADY_AVAILABLE", ids[i]);
            break;
        }

    /* phase 1: each secondary in turn interrupts the boot hart */
    csr_set(sie, SIE_SSIE);
    csr_set(sstatus, SSTATUS_SIE);
    phase = 1;
    for (int i = 0; i < n; i++) {
        unsigned long h = ids[i];
        if (h == boot)
            continue;
        unsigned long before = ssi_count[boot];
        ssi_cause[boot] = 0;
        ipi_turn = (long)h;
        int got = wait_for(&ssi_count[boot], before + 1, 2);
        check(got && ssi_count[boot] == before + 1 && ssi_cause[boot] == (CAUSE_INTR | IRQ_S_SOFT) &&
                  ssi_from_turn == h,
              "sbi_send_ipi(1, %lu) from hart %lu: the boot hart takes one supervisor software "
              "interrupt, scause = interrupt | 1", boot, h);
        wait_for(&ipi_sent[h], 1, 2);
        check_eq(ipi_error[h], SBI_SUCCESS, "... and sbi_send_ipi returned 0 on hart %lu", h);
    }
    ipi_turn = -1;

    /* phase 2: one IPI to every secondary (mask, base 0) */
    phase = 2;
    unsigned long boot_before = ssi_count[boot];
    r = sbi_send_ipi(others, 0);
    check_eq(r.error, SBI_SUCCESS, "sbi_send_ipi(mask %#lx, base 0) succeeds", others);
    for (int i = 0; i < n; i++)
        if (ids[i] != boot)
            check(wait_for(&ssi_count[ids[i]], 1, 2) && ssi_cause[ids[i]] == (CAUSE_INTR | IRQ_S_SOFT),
                  "hart %lu took the supervisor software interrupt (scause = interrupt | 1)",
                  ids[i]);
    check_eq(ssi_count[boot], boot_before, "... and the boot hart, not in the mask, did not");

    /* phase 3: hart_mask_base = -1: all harts, the sender too */
    phase = 3;
    r = sbi_send_ipi(0, -1UL);
    check_eq(r.error, SBI_SUCCESS, "sbi_send_ipi(0, -1) (every hart) succeeds");
    int all = wait_for(&ssi_count[boot], boot_before + 1, 2);
    for (int i = 0; i < n; i++)
        if (ids[i] != boot)
            all &= wait_for(&ssi_count[ids[i]], 2, 2);
    check(all, "hart_mask_base = -1 reached every hart, the sending boot hart included");

    /* phase 4: counters */
    phase = 4;
    amo_work(boot);
    check(wait_for(&done_count, n - 1, 10), "all secondaries finished their AMOs");
    check_eq(counter64, (uint64_t)ITERS * sum,
             "amoadd.d of (hartid + 1), %d times on each of %d harts: exact total", ITERS, n);
    check_eq(counter32, (uint32_t)(ITERS * n), "amoadd.w of 1, %d times on each hart: exact total",
             ITERS);

    /* phase 5: stop, then restart one */
    phase = 5;
    unsigned long first = boot;
    for (int i = 0; i < n; i++) {
        if (ids[i] == boot)
            continue;
        if (first == boot)
            first = ids[i];
        check(wait_status(ids[i], SBI_HSM_STOPPED, 2),
              "hart %lu called hart_stop: hart_get_status says STOPPED", ids[i]);
    }
    r = sbi_hart_start(first, (unsigned long)secondary_entry, OPAQUE2(first));
    check_eq(r.error, SBI_SUCCESS, "hart_start(%lu) again after it stopped succeeds", first);
    uint64_t end = rdtime() + 2 * hz;
    while (find_arrival(first, OPAQUE2(first)) < 0 && rdtime() < end)
        ;
    check(find_arrival(first, OPAQUE2(first)) >= 0,
          "hart %lu entered again with the new opaque value %#lx", first, OPAQUE2(first));
    check(wait_status(first, SBI_HSM_STOPPED, 2), "... and stopped again");

    csr_clear(sstatus, SSTATUS_SIE);
    test_done();
}
