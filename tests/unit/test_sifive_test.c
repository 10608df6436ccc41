/* sifive_test finisher: pass, fail-with-code and reset commands, and what it ignores. */
#include "tests/unit/devtest.h"

static struct device *make(struct devtest *t)
{
    devtest_init(t, 0);
    return devtest_create(t, &dev_sifive_test, NULL);
}

static void done(struct devtest *t, struct device *dev)
{
    devtest_destroy(dev);
    devtest_fini(t);
}

static void test_pass_code_exits_with_0(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_wr(dev, 0, 4, 0x5555);
    CU_ASSERT_EQUAL(t.exits, 1);
    CU_ASSERT_EQUAL(t.exit_code, 0);
    CU_ASSERT_EQUAL(t.guest_errors, 0);
    done(&t, dev);
}

static void test_pass_code_ignores_high_bits(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_wr(dev, 0, 4, 0x00075555);
    CU_ASSERT_EQUAL(t.exits, 1);
    CU_ASSERT_EQUAL(t.exit_code, 0);
    done(&t, dev);
}

static void test_fail_code_exits_with_high_half(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_wr(dev, 0, 4, (3u << 16) | 0x3333);
    CU_ASSERT_EQUAL(t.exits, 1);
    CU_ASSERT_EQUAL(t.exit_code, 3);
    devtest_wr(dev, 0, 4, 0xffff3333);
    CU_ASSERT_EQUAL(t.exit_code, 0xffff);
    done(&t, dev);
}

/* OpenSBI's syscon-poweroff/reboot driver stores the value as a halfword. */
static void test_halfword_pass_and_reset_commands_work(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_wr(dev, 0, 2, 0x7777);
    CU_ASSERT_EQUAL(t.resets, 1);
    devtest_wr(dev, 0, 2, 0x5555);
    CU_ASSERT_EQUAL(t.exits, 1);
    CU_ASSERT_EQUAL(t.exit_code, 0);
    done(&t, dev);
}

static void test_reset_code_requests_reset(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_wr(dev, 0, 4, 0x7777);
    CU_ASSERT_EQUAL(t.resets, 1);
    CU_ASSERT_EQUAL(t.exits, 0);
    done(&t, dev);
}

static void test_unknown_code_is_logged_and_ignored(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_wr(dev, 0, 4, 0x1234);
    CU_ASSERT_EQUAL(t.exits, 0);
    CU_ASSERT_EQUAL(t.resets, 0);
    CU_ASSERT_EQUAL(t.guest_errors, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(t.last_error, "unknown command 0x1234"));
    done(&t, dev);
}

static void test_other_offsets_are_ignored(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    devtest_wr(dev, 4, 4, 0x5555);
    CU_ASSERT_EQUAL(t.exits, 0);
    CU_ASSERT_EQUAL(t.guest_errors, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(t.last_error, "reserved offset 0x4"));
    done(&t, dev);
}

static void test_reads_return_zero(void)
{
    struct devtest t;
    struct device *dev = make(&t);
    CU_ASSERT_EQUAL(devtest_rd(dev, 0, 4), 0);
    CU_ASSERT_EQUAL(devtest_rd(dev, 0xffc, 4), 0);
    done(&t, dev);
}

static void test_16_and_32bit_accesses_declared(void)
{
    CU_ASSERT_EQUAL(dev_sifive_test.access_sizes, DEV_SZ2 | DEV_SZ4);
    CU_ASSERT_TRUE(dev_sifive_test.mapped);
}

static void test_tiny_size_is_rejected(void)
{
    struct devtest t;
    char err[256];
    devtest_init(&t, 0);
    CU_ASSERT_PTR_NULL(devtest_try_create(&t, &dev_sifive_test, DT("size=2"), err, sizeof(err)));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "too small"));
    devtest_fini(&t);
}

UNIT_MAIN("sifive_test",
          T(test_pass_code_exits_with_0),
          T(test_pass_code_ignores_high_bits),
          T(test_fail_code_exits_with_high_half),
          T(test_reset_code_requests_reset),
          T(test_unknown_code_is_logged_and_ignored),
          T(test_other_offsets_are_ignored),
          T(test_reads_return_zero),
          T(test_16_and_32bit_accesses_declared),
          T(test_halfword_pass_and_reset_commands_work),
          T(test_tiny_size_is_rejected))
