/* RAM and ROM devices: size checks, fill, host buffer exposure and the fallback read/write ops. */
#include "tests/unit/devtest.h"

static void expect_create_error(const struct dev_type *type, const char *const *ovr,
                                const char *needle)
{
    struct devtest t;
    char err[256];
    devtest_init(&t, 0);
    struct device *dev = devtest_try_create(&t, type, ovr, err, sizeof(err));
    CU_ASSERT_PTR_NULL(dev);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, needle));
    if (!strstr(err, needle))
        fprintf(stderr, "unexpected error text: %s\n", err);
    devtest_fini(&t);
}

static void test_size_zero_is_rejected(void)
{
    expect_create_error(&dev_ram, DT("size=0"), "size must not be 0");
    expect_create_error(&dev_rom, DT("size=0"), "size must not be 0");
}

static void test_size_not_multiple_of_8_is_rejected(void)
{
    expect_create_error(&dev_ram, DT("size=12"), "0xc is not a multiple of 8");
    expect_create_error(&dev_rom, DT("size=0x1001"), "not a multiple of 8");
}

static void test_size_is_required(void)
{
    expect_create_error(&dev_ram, NULL, "size");
    expect_create_error(&dev_rom, NULL, "size");
}

static void test_fill_must_be_a_byte(void)
{
    expect_create_error(&dev_ram, DT("size=64", "fill=0x100"), "not a byte value");
}

static void test_ram_is_zeroed_writable_host_memory(void)
{
    struct devtest t;
    devtest_init(&t, 0);
    struct device *dev = devtest_create(&t, &dev_ram, DT("size=64KiB"));
    CU_ASSERT_TRUE(dev_ram.mapped);
    bool writable = false;
    uint8_t *mem = dev->type->memory(dev, &writable);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mem);
    CU_ASSERT_TRUE(writable);
    CU_ASSERT_EQUAL(mem[0], 0);
    CU_ASSERT_EQUAL(mem[65535], 0);
    mem[65535] = 0xa5; /* the whole size is backed */
    devtest_destroy(dev);
    devtest_fini(&t);
}

static void test_ram_fill_sets_every_byte(void)
{
    struct devtest t;
    devtest_init(&t, 0);
    struct device *dev = devtest_create(&t, &dev_ram, DT("size=256", "fill=0xe5"));
    bool writable;
    uint8_t *mem = dev->type->memory(dev, &writable);
    for (int i = 0; i < 256; i++)
        CU_ASSERT_EQUAL(mem[i], 0xe5);
    devtest_destroy(dev);
    devtest_fini(&t);
}

static void test_rom_memory_is_not_writable(void)
{
    struct devtest t;
    devtest_init(&t, 0);
    struct device *dev = devtest_create(&t, &dev_rom, DT("size=4096"));
    bool writable = true;
    CU_ASSERT_PTR_NOT_NULL(dev->type->memory(dev, &writable));
    CU_ASSERT_FALSE(writable);
    devtest_destroy(dev);
    devtest_fini(&t);
}

static void test_ram_ops_access_buffer_little_endian(void)
{
    struct devtest t;
    devtest_init(&t, 0);
    struct device *dev = devtest_create(&t, &dev_ram, DT("size=64"));
    bool writable;
    uint8_t *mem = dev->type->memory(dev, &writable);
    devtest_wr(dev, 8, 8, 0x0807060504030201ULL);
    CU_ASSERT_EQUAL(mem[8], 0x01);
    CU_ASSERT_EQUAL(mem[15], 0x08);
    CU_ASSERT_EQUAL(devtest_rd(dev, 12, 4), 0x08070605);
    CU_ASSERT_EQUAL(devtest_rd(dev, 9, 1), 0x02);
    CU_ASSERT_EQUAL(devtest_rd(dev, 10, 2), 0x0403);
    mem[56] = 0x7f;
    CU_ASSERT_EQUAL(devtest_rd(dev, 56, 8), 0x7f);
    devtest_destroy(dev);
    devtest_fini(&t);
}

static void test_rom_write_op_is_a_bus_error(void)
{
    struct devtest t;
    devtest_init(&t, 0);
    struct device *dev = devtest_create(&t, &dev_rom, DT("size=64"));
    bool writable;
    uint8_t *mem = dev->type->memory(dev, &writable);
    mem[0] = 0x13; /* the loader fills ROM through the host pointer */
    CU_ASSERT_FALSE(dev->type->write(dev, 0, 4, 0xffffffff));
    CU_ASSERT_EQUAL(t.guest_errors, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(t.last_error, "write to ROM at offset 0x0"));
    CU_ASSERT_EQUAL(devtest_rd(dev, 0, 4), 0x13);
    devtest_destroy(dev);
    devtest_fini(&t);
}

static void test_access_past_end_is_a_bus_error(void)
{
    struct devtest t;
    devtest_init(&t, 0);
    struct device *dev = devtest_create(&t, &dev_ram, DT("size=64"));
    uint64_t v;
    CU_ASSERT_FALSE(dev->type->read(dev, 64, 1, &v));
    CU_ASSERT_FALSE(dev->type->write(dev, 60, 8, 0));
    CU_ASSERT_EQUAL(t.guest_errors, 2);
    devtest_destroy(dev);
    devtest_fini(&t);
}

static void test_reset_keeps_contents(void)
{
    struct devtest t;
    devtest_init(&t, 0);
    struct device *dev = devtest_create(&t, &dev_ram, DT("size=64"));
    devtest_wr(dev, 0, 4, 0xcafef00d);
    dev->type->reset(dev);
    CU_ASSERT_EQUAL(devtest_rd(dev, 0, 4), 0xcafef00d);
    devtest_destroy(dev);
    devtest_fini(&t);
}

UNIT_MAIN("mem",
          T(test_size_zero_is_rejected),
          T(test_size_not_multiple_of_8_is_rejected),
          T(test_size_is_required),
          T(test_fill_must_be_a_byte),
          T(test_ram_is_zeroed_writable_host_memory),
          T(test_ram_fill_sets_every_byte),
          T(test_rom_memory_is_not_writable),
          T(test_ram_ops_access_buffer_little_endian),
          T(test_rom_write_op_is_a_bus_error),
          T(test_access_past_end_is_a_bus_error),
          T(test_reset_keeps_contents))
