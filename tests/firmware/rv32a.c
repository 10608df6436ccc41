/* RV32A: LR/SC success and the cases where SC must fail, and every AMO*.W (old value returned
 * in rd, memory updated), including signed versus unsigned min/max and the aq/rl forms. */
#include "rt.h"

static volatile uint32_t word __attribute__((aligned(8)));
static volatile uint32_t far_words[1100] __attribute__((aligned(4096))); /* [0] and [1024]: 4 KiB apart */

#define AMO(op, addr, val) \
    ({ uint32_t old_; __asm__ volatile(op " %0, %2, (%1)" \
                                       : "=r"(old_) : "r"(addr), "r"((uint32_t)(val)) : "memory"); \
       old_; })

static void test_lr_sc(void)
{
    uint32_t loaded, sc;

    word = 0x11111111;
    __asm__ volatile("lr.w %0, (%2)\n\tsc.w %1, %3, (%2)"
                     : "=&r"(loaded), "=&r"(sc) : "r"(&word), "r"(0x22222222u) : "memory");
    CHECK_EQ(loaded, 0x11111111, "lr.w returns the memory value");
    CHECK_EQ(sc, 0, "sc.w after lr.w to the same address succeeds (rd = 0)");
    CHECK_EQ(word, 0x22222222, "successful sc.w writes memory");

    __asm__ volatile("sc.w %0, %2, (%1)" : "=&r"(sc) : "r"(&word), "r"(0x33333333u) : "memory");
    CHECK(sc != 0, "sc.w with its reservation already used by an sc fails (rd != 0)");
    CHECK_EQ(word, 0x22222222, "failed sc.w leaves memory unchanged");

    __asm__ volatile("lr.w %0, (%2)\n\tsc.w %1, %3, (%2)\n\tsc.w %1, %4, (%2)"
                     : "=&r"(loaded), "=&r"(sc)
                     : "r"(&word), "r"(0x44444444u), "r"(0x55555555u) : "memory");
    CHECK(sc != 0, "second sc.w after one lr.w fails");
    CHECK_EQ(word, 0x44444444, "only the first sc.w stored");

    far_words[0] = 1;
    far_words[1024] = 2;
    __asm__ volatile("lr.w %0, (%2)\n\tsc.w %1, %4, (%3)"
                     : "=&r"(loaded), "=&r"(sc)
                     : "r"(&far_words[0]), "r"(&far_words[1024]), "r"(0x66666666u) : "memory");
    CHECK(sc != 0, "sc.w to an address 4 KiB away from the lr.w address fails");
    CHECK_EQ(far_words[1024], 2, "that failed sc.w did not store");

    /* A retry loop in the usual shape: atomic increment with lr/sc. */
    word = 41;
    __asm__ volatile("1: lr.w.aq t0, (%0)\n\taddi t0, t0, 1\n\tsc.w.rl t1, t0, (%0)\n\t"
                     "bnez t1, 1b" :: "r"(&word) : "t0", "t1", "memory");
    CHECK_EQ(word, 42, "lr.w.aq/sc.w.rl increment loop");
}

static void test_amo(void)
{
    volatile uint32_t *w = &word;

    word = 0x12345678;
    CHECK_EQ(AMO("amoswap.w", w, 0xcafebabe), 0x12345678, "amoswap.w returns the old value");
    CHECK_EQ(word, 0xcafebabe, "amoswap.w stores rs2");

    word = 0xffffffff;
    CHECK_EQ(AMO("amoadd.w", w, 2), 0xffffffff, "amoadd.w returns the old value");
    CHECK_EQ(word, 1, "amoadd.w wraps 0xffffffff + 2 = 1");

    word = 0xf0f0f0f0;
    CHECK_EQ(AMO("amoand.w", w, 0xff00ff00), 0xf0f0f0f0, "amoand.w returns the old value");
    CHECK_EQ(word, 0xf000f000, "amoand.w");
    word = 0xf0f0f0f0;
    CHECK_EQ(AMO("amoor.w", w, 0xff00ff00), 0xf0f0f0f0, "amoor.w returns the old value");
    CHECK_EQ(word, 0xfff0fff0, "amoor.w");
    word = 0xf0f0f0f0;
    CHECK_EQ(AMO("amoxor.w", w, 0xff00ff00), 0xf0f0f0f0, "amoxor.w returns the old value");
    CHECK_EQ(word, 0x0ff00ff0, "amoxor.w");

    word = 0x80000000;
    CHECK_EQ(AMO("amomax.w", w, 1), 0x80000000, "amomax.w returns the old value");
    CHECK_EQ(word, 1, "amomax.w is signed: max(INT_MIN, 1) = 1");
    word = 0x80000000;
    CHECK_EQ(AMO("amomaxu.w", w, 1), 0x80000000, "amomaxu.w returns the old value");
    CHECK_EQ(word, 0x80000000, "amomaxu.w is unsigned: max(0x80000000, 1) = 0x80000000");
    word = 0x80000000;
    CHECK_EQ(AMO("amomin.w", w, 1), 0x80000000, "amomin.w returns the old value");
    CHECK_EQ(word, 0x80000000, "amomin.w is signed: min(INT_MIN, 1) = INT_MIN");
    word = 0x80000000;
    CHECK_EQ(AMO("amominu.w", w, 1), 0x80000000, "amominu.w returns the old value");
    CHECK_EQ(word, 1, "amominu.w is unsigned: min(0x80000000, 1) = 1");
    word = 0xfffffffe;
    AMO("amomax.w", w, 0xfffffffd);
    CHECK_EQ(word, 0xfffffffe, "amomax.w max(-2, -3) = -2");
    word = 0xfffffffe;
    AMO("amomin.w", w, 0xfffffffd);
    CHECK_EQ(word, 0xfffffffd, "amomin.w min(-2, -3) = -3");

    word = 5;
    CHECK_EQ(AMO("amoadd.w.aqrl", w, 10), 5, "amoadd.w.aqrl returns old");
    CHECK_EQ(word, 15, "amoadd.w.aqrl stores the sum");
    CHECK_EQ(AMO("amoswap.w.aq", w, 7), 15, "amoswap.w.aq returns old");
    CHECK_EQ(AMO("amoor.w.rl", w, 8), 7, "amoor.w.rl returns old");
    CHECK_EQ(word, 15, "amoor.w.rl stores 7|8");

    /* rd = x0 still performs the memory update. */
    word = 100;
    __asm__ volatile("amoadd.w x0, %1, (%0)" :: "r"(w), "r"(23u) : "memory");
    CHECK_EQ(word, 123, "amoadd.w with rd=x0 still updates memory");
}

int main(void)
{
    test_lr_sc();
    test_amo();
    return rt_done();
}
