/* CLINT: reset values, mtime counting at the timebase, 32/64-bit accesses, MSIP, and MTIP
 * timing to the exact picosecond of the tick at which mtime reaches mtimecmp. */
#include "tests/unit/devtest.h"

#define TB_HZ 10000000ULL  /* 10 MHz timebase */
#define TICK 100000ULL     /* its period in ps */
#define MSIP(h) (4u * (h))
#define MTIMECMP(h) (0x4000u + 8u * (h))
#define MTIME 0xbff8u

enum { MSIP0, MTIP0, MSIP1, MTIP1 };

static struct device *make(struct devtest *t, const char *const *ovr)
{
    devtest_init(t, TB_HZ);
    struct device *dev = devtest_create(t, &dev_clint, ovr);
    devtest_connect(t, dev, "msip0", MSIP0);
    devtest_connect(t, dev, "mtip0", MTIP0);
    return dev;
}

static void done(struct devtest *t, struct device *dev)
{
    devtest_destroy(dev);
    CU_ASSERT_EQUAL(t->clock.count, 0); /* destroy leaves no event behind */
    devtest_fini(t);
}

static void test_reset_values(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    CU_ASSERT_EQUAL(devtest_rd(dev, MSIP(0), 4), 0);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIMECMP(0), 8), UINT64_MAX);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIMECMP(0), 4), 0xffffffff);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIMECMP(0) + 4, 4), 0xffffffff);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIME, 8), 0);
    CU_ASSERT_FALSE(t.pin[MSIP0].level);
    CU_ASSERT_FALSE(t.pin[MTIP0].level);
    CU_ASSERT_EQUAL(t.clock.count, 0); /* mtimecmp = max: nothing to wait for */
    done(&t, dev);
}

static void test_mtime_counts_at_the_timebase(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_advance(&t, TICK - 1);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIME, 8), 0);
    devtest_advance(&t, 1);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIME, 8), 1);
    devtest_advance(&t, 1000000); /* 1 us = 10 ticks */
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIME, 8), 11);
    done(&t, dev);
}

static void test_mtime_halves_read_as_32bit(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_wr(dev, MTIME, 8, 0x123456789abcdef0ULL);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIME, 4), 0x9abcdef0);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIME + 4, 4), 0x12345678);
    done(&t, dev);
}

static void test_mtime_write_keeps_counting_from_new_value(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_advance(&t, 5 * TICK + TICK / 2);
    devtest_wr(dev, MTIME, 8, 1000);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIME, 8), 1000);
    /* The counter phase is the timebase's: the next tick is half a period away. */
    devtest_advance(&t, TICK / 2);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIME, 8), 1001);
    devtest_advance(&t, 9 * TICK);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIME, 8), 1010);
    done(&t, dev);
}

static void test_mtime_high_half_write_leaves_low_half(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_advance(&t, 7 * TICK);
    devtest_wr(dev, MTIME + 4, 4, 0x5);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIME, 8), 0x500000007ULL);
    devtest_wr(dev, MTIME, 4, 0x10);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIME, 8), 0x500000010ULL);
    done(&t, dev);
}

static void test_mtimecmp_64bit_and_32bit_halves(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_wr(dev, MTIMECMP(0), 8, 0x1122334455667788ULL);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIMECMP(0), 4), 0x55667788);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIMECMP(0) + 4, 4), 0x11223344);
    devtest_wr(dev, MTIMECMP(0) + 4, 4, 0xaabbccdd);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIMECMP(0), 8), 0xaabbccdd55667788ULL);
    devtest_wr(dev, MTIMECMP(0), 4, 0x01020304);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIMECMP(0), 8), 0xaabbccdd01020304ULL);
    done(&t, dev);
}

static void test_mtip_rises_exactly_when_mtime_reaches_mtimecmp(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_advance(&t, 3 * TICK + 123);
    devtest_wr(dev, MTIMECMP(0), 8, 50);
    CU_ASSERT_FALSE(t.pin[MTIP0].level);
    CU_ASSERT_EQUAL(clock_next(&t.clock), 50 * TICK); /* tick 50 begins at 50 * period */
    devtest_advance(&t, 50 * TICK - 1 - t.clock.now);
    CU_ASSERT_FALSE(t.pin[MTIP0].level);
    devtest_advance(&t, 1);
    CU_ASSERT_TRUE(t.pin[MTIP0].level);
    CU_ASSERT_EQUAL(t.pin[MTIP0].rises, 1);
    CU_ASSERT_EQUAL(t.pin[MTIP0].changed_at, 50 * TICK);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIME, 8), 50);
    devtest_advance(&t, 100 * TICK);
    CU_ASSERT_EQUAL(t.pin[MTIP0].rises, 1); /* stays high, no chatter */
    done(&t, dev);
}

static void test_mtip_timing_follows_written_mtime(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_wr(dev, MTIMECMP(0), 8, 2000);
    devtest_advance(&t, 10 * TICK);
    devtest_wr(dev, MTIME, 8, 1990); /* 10 ticks from the compare value */
    CU_ASSERT_EQUAL(clock_next(&t.clock), 20 * TICK);
    devtest_advance(&t, 10 * TICK);
    CU_ASSERT_TRUE(t.pin[MTIP0].level);
    CU_ASSERT_EQUAL(t.pin[MTIP0].changed_at, 20 * TICK);
    done(&t, dev);
}

static void test_mtip_immediate_when_mtimecmp_already_passed(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_advance(&t, 30 * TICK);
    devtest_wr(dev, MTIMECMP(0), 8, 30);
    CU_ASSERT_TRUE(t.pin[MTIP0].level);
    CU_ASSERT_EQUAL(t.pin[MTIP0].changed_at, 30 * TICK);
    done(&t, dev);
}

static void test_mtip_falls_when_mtimecmp_moves_ahead(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_wr(dev, MTIMECMP(0), 8, 0);
    CU_ASSERT_TRUE(t.pin[MTIP0].level);
    devtest_advance(&t, 5 * TICK);
    devtest_wr(dev, MTIMECMP(0), 8, 8);
    CU_ASSERT_FALSE(t.pin[MTIP0].level);
    devtest_advance(&t, 3 * TICK);
    CU_ASSERT_TRUE(t.pin[MTIP0].level);
    CU_ASSERT_EQUAL(t.pin[MTIP0].changed_at, 8 * TICK);
    done(&t, dev);
}

static void test_mtimecmp_32bit_update_sequence_avoids_spurious_mtip(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_advance(&t, 10 * TICK);
    /* The privileged spec's RV32 sequence: lo = -1, hi = new hi, lo = new lo. */
    devtest_wr(dev, MTIMECMP(0), 4, 0xffffffff);
    devtest_wr(dev, MTIMECMP(0) + 4, 4, 0);
    devtest_wr(dev, MTIMECMP(0), 4, 25);
    CU_ASSERT_EQUAL(t.pin[MTIP0].rises, 0);
    devtest_advance(&t, 15 * TICK);
    CU_ASSERT_EQUAL(t.pin[MTIP0].rises, 1);
    CU_ASSERT_EQUAL(t.pin[MTIP0].changed_at, 25 * TICK);
    done(&t, dev);
}

static void test_mtip_drops_when_mtime_wraps(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_wr(dev, MTIMECMP(0), 8, UINT64_MAX - 2);
    devtest_wr(dev, MTIME, 8, UINT64_MAX - 5);
    devtest_advance(&t, 3 * TICK);
    CU_ASSERT_TRUE(t.pin[MTIP0].level);
    devtest_advance(&t, 2 * TICK);
    CU_ASSERT_TRUE(t.pin[MTIP0].level); /* mtime = max */
    devtest_advance(&t, TICK);
    CU_ASSERT_FALSE(t.pin[MTIP0].level); /* wrapped to 0 */
    CU_ASSERT_EQUAL(t.pin[MTIP0].changed_at, 6 * TICK);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIME, 8), 0);
    done(&t, dev);
}

static void test_msip_keeps_only_bit0(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_wr(dev, MSIP(0), 4, 0xffffffff);
    CU_ASSERT_EQUAL(devtest_rd(dev, MSIP(0), 4), 1);
    CU_ASSERT_TRUE(t.pin[MSIP0].level);
    devtest_wr(dev, MSIP(0), 4, 0xfffffffe);
    CU_ASSERT_EQUAL(devtest_rd(dev, MSIP(0), 4), 0);
    CU_ASSERT_FALSE(t.pin[MSIP0].level);
    CU_ASSERT_EQUAL(t.guest_errors, 0);
    done(&t, dev);
}

static void test_two_harts_have_separate_msip_and_mtimecmp(void)
{
    struct devtest t;
    struct device *dev = make(&t, DT("harts=2"));
    devtest_connect(&t, dev, "msip1", MSIP1);
    devtest_connect(&t, dev, "mtip1", MTIP1);
    devtest_wr(dev, MSIP(1), 4, 1);
    CU_ASSERT_FALSE(t.pin[MSIP0].level);
    CU_ASSERT_TRUE(t.pin[MSIP1].level);
    /* A 64-bit access at msip0 spans both harts' words. */
    CU_ASSERT_EQUAL(devtest_rd(dev, MSIP(0), 8), 1ULL << 32);
    devtest_wr(dev, MSIP(0), 8, 1);
    CU_ASSERT_TRUE(t.pin[MSIP0].level);
    CU_ASSERT_FALSE(t.pin[MSIP1].level);

    devtest_wr(dev, MTIMECMP(1), 8, 4);
    devtest_wr(dev, MTIMECMP(0), 8, 9);
    devtest_advance(&t, 4 * TICK);
    CU_ASSERT_FALSE(t.pin[MTIP0].level);
    CU_ASSERT_TRUE(t.pin[MTIP1].level);
    devtest_advance(&t, 5 * TICK);
    CU_ASSERT_TRUE(t.pin[MTIP0].level);
    CU_ASSERT_EQUAL(t.pin[MTIP0].changed_at, 9 * TICK);
    CU_ASSERT_EQUAL(t.pin[MTIP1].changed_at, 4 * TICK);
    done(&t, dev);
}

static void test_reserved_offsets_read_zero_and_ignore_writes(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    CU_ASSERT_EQUAL(devtest_rd(dev, MSIP(1), 4), 0); /* no hart 1 */
    CU_ASSERT_EQUAL(t.guest_errors, 1);
    devtest_wr(dev, MSIP(1), 4, 1);
    CU_ASSERT_EQUAL(t.guest_errors, 2);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIMECMP(1), 8), 0);
    CU_ASSERT_EQUAL(devtest_rd(dev, 0xc000, 4), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(t.last_error, "reserved offset 0xc000"));
    devtest_wr(dev, 0xc000, 4, 1);
    CU_ASSERT_EQUAL(t.guest_errors, 5);
    CU_ASSERT_FALSE(t.pin[MSIP0].level);
    done(&t, dev);
}

static void test_reset_restores_values_and_cancels_timer(void)
{
    struct devtest t;
    struct device *dev = make(&t, NULL);
    devtest_wr(dev, MSIP(0), 4, 1);
    devtest_wr(dev, MTIMECMP(0), 8, 10);
    devtest_wr(dev, MTIME, 8, 5);
    dev->type->reset(dev);
    CU_ASSERT_FALSE(t.pin[MSIP0].level);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIMECMP(0), 8), UINT64_MAX);
    CU_ASSERT_EQUAL(devtest_rd(dev, MTIME, 8), 0);
    devtest_advance(&t, 100 * TICK);
    CU_ASSERT_EQUAL(t.pin[MTIP0].rises, 0);
    done(&t, dev);
}

static void test_bad_parameters_are_rejected(void)
{
    struct devtest t;
    char err[256];
    devtest_init(&t, TB_HZ);
    CU_ASSERT_PTR_NULL(devtest_try_create(&t, &dev_clint, DT("harts=0"), err, sizeof(err)));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "harts 0 out of range"));
    CU_ASSERT_PTR_NULL(devtest_try_create(&t, &dev_clint, DT("harts=4096"), err, sizeof(err)));
    CU_ASSERT_PTR_NULL(devtest_try_create(&t, &dev_clint, DT("size=0x8000"), err, sizeof(err)));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "does not reach mtime"));
    devtest_fini(&t);
}

static void test_access_sizes_are_32_and_64_bits(void)
{
    CU_ASSERT_EQUAL(dev_clint.access_sizes, DEV_SZ4 | DEV_SZ8);
}

UNIT_MAIN("clint",
          T(test_reset_values),
          T(test_mtime_counts_at_the_timebase),
          T(test_mtime_halves_read_as_32bit),
          T(test_mtime_write_keeps_counting_from_new_value),
          T(test_mtime_high_half_write_leaves_low_half),
          T(test_mtimecmp_64bit_and_32bit_halves),
          T(test_mtip_rises_exactly_when_mtime_reaches_mtimecmp),
          T(test_mtip_timing_follows_written_mtime),
          T(test_mtip_immediate_when_mtimecmp_already_passed),
          T(test_mtip_falls_when_mtimecmp_moves_ahead),
          T(test_mtimecmp_32bit_update_sequence_avoids_spurious_mtip),
          T(test_mtip_drops_when_mtime_wraps),
          T(test_msip_keeps_only_bit0),
          T(test_two_harts_have_separate_msip_and_mtimecmp),
          T(test_reserved_offsets_read_zero_and_ignore_writes),
          T(test_reset_restores_values_and_cancels_timer),
          T(test_bad_parameters_are_rejected),
          T(test_access_sizes_are_32_and_64_bits))
