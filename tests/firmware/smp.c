/* Two harts: hart 0 starts hart 1 through the CLINT's msip, both add to a shared counter with
 * amoadd.w, and a lock built from lr.w/sc.w protects a non-atomic counter. Checks that both
 * harts run, that mhartid tells them apart, that the atomics lose no update, and that the
 * harts really interleave (each sees the other's progress while it is still working). */
#include "rt.h"

#define N 20000

static volatile uint32_t shared_amo, shared_locked, lock, done1, seen_by_1;
static volatile uint32_t hartid_of_1 = 0xffffffffu;
static uint8_t stack1[4096] __attribute__((aligned(16)));

static void acquire(void)
{
    uint32_t tmp;
    __asm__ volatile("1: lr.w %0, (%1)\n\t"
                     "bnez %0, 1b\n\t"
                     "li %0, 1\n\t"
                     "sc.w %0, %0, (%1)\n\t"
                     "bnez %0, 1b"
                     : "=&r"(tmp) : "r"(&lock) : "memory");
}

static void release(void)
{
    __asm__ volatile("amoswap.w zero, zero, (%0)" :: "r"(&lock) : "memory");
}

static void work(void)
{
    for (unsigned i = 0; i < N; i++) {
        __atomic_fetch_add(&shared_amo, 1, __ATOMIC_RELAXED);
        acquire();
        /* A read-modify-write stretched over some instructions, so that switches between
         * the harts often fall inside it: a broken lock loses updates here. */
        uint32_t v = shared_locked;
        for (volatile int d = 0; d < 4; d++)
            ;
        shared_locked = v + 1;
        release();
    }
}

static void hart1_main(unsigned hartid)
{
    hartid_of_1 = csr_read(mhartid);
    (void)hartid;
    work();
    seen_by_1 = shared_amo;
    done1 = 1;
    for (;;)
        __asm__ volatile("wfi");
}

int main(void)
{
    CHECK_EQ(csr_read(mhartid), 0, "main runs on hart 0");
    rt_start_secondary(1, hart1_main, stack1 + sizeof(stack1));
    work();
    uint32_t seen_by_0 = shared_amo;
    uint64_t start = rt_mtime();
    while (!done1)
        if (rt_mtime() - start > RT_MTIME_HZ) /* 1 s of simulated time */
            break;
    CHECK(done1, "hart 1 started and finished");
    CHECK_EQ(hartid_of_1, 1, "hart 1 reads mhartid = 1");
    CHECK_EQ(shared_amo, 2 * N, "amoadd.w from two harts loses no update");
    CHECK_EQ(shared_locked, 2 * N, "an lr.w/sc.w lock keeps a plain counter exact");
    CHECK(seen_by_0 < 2 * N || seen_by_1 < 2 * N,
          "the harts interleave: one finished while the other was still adding");
    return rt_done();
}
