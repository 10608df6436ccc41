/* The bus: mapping and overlap, lookup, RAM/ROM/device accesses and the statuses the CPU turns
 * into faults, access-size enforcement, the HTIF-style overlay split, the code map and its
 * write hook, and debugger peek/poke across regions. */
#include "models/bus/bus.h"
#include "tests/unit/devtest.h"

/* A device that records its last access and accepts 4-byte accesses only. */
struct probe {
    struct device dev;
    uint64_t last_off, last_val;
    unsigned last_size, reads, writes, syncs;
};

static bool probe_read(struct device *d, uint64_t off, unsigned size, uint64_t *val)
{
    struct probe *p = (struct probe *)d;
    p->reads++;
    p->last_off = off;
    p->last_size = size;
    *val = 0xa5a5a5a5u + off;
    return off != 0x8; /* offset 8 refuses: the bus must report a device error */
}

static bool probe_write(struct device *d, uint64_t off, unsigned size, uint64_t val)
{
    struct probe *p = (struct probe *)d;
    p->writes++;
    p->last_off = off;
    p->last_size = size;
    p->last_val = val;
    return true;
}

static void probe_sync(struct device *d)
{
    ((struct probe *)d)->syncs++;
}

static const struct dev_type probe_type = {
    .name = "probe", .mapped = true, .access_sizes = DEV_SZ4,
    .read = probe_read, .write = probe_write, .sync = probe_sync,
};

struct fixture {
    struct devtest t;
    struct bus bus;
    struct device *ram, *rom;
    struct probe probe;
    unsigned code_hits;
    uint64_t code_addr;
};

static void on_code(void *opaque, uint64_t addr, uint64_t len)
{
    struct fixture *f = opaque;
    f->code_hits++;
    f->code_addr = addr;
}

static void setup(struct fixture *f)
{
    char err[256];
    memset(f, 0, sizeof(*f));
    devtest_init(&f->t, 10000000);
    bus_init(&f->bus);
    f->bus.code_written = on_code;
    f->bus.code_opaque = f;
    f->ram = devtest_create(&f->t, &dev_ram, DT("size=64KiB"));
    f->rom = devtest_create(&f->t, &dev_rom, DT("size=4KiB"));
    struct dev_config cfg = {.name = "probe"};
    dev_init(&f->probe.dev, &probe_type, &cfg, &f->t.env);
    CU_ASSERT_FATAL(!bus_map(&f->bus, f->ram, 0x80000000, 0x10000, err, sizeof(err)));
    CU_ASSERT_FATAL(!bus_map(&f->bus, f->rom, 0x1000, 0x1000, err, sizeof(err)));
    CU_ASSERT_FATAL(!bus_map(&f->bus, &f->probe.dev, 0x10000000, 0x100, err, sizeof(err)));
}

static void teardown(struct fixture *f)
{
    bus_free(&f->bus);
    devtest_destroy(f->ram);
    devtest_destroy(f->rom);
    dev_fini(&f->probe.dev);
    devtest_fini(&f->t);
}

static void test_overlapping_regions_are_refused_naming_both_devices(void)
{
    struct fixture f;
    setup(&f);
    char err[256];
    struct device *extra = devtest_create(&f.t, &dev_ram, DT("size=4KiB"));
    CU_ASSERT_EQUAL(bus_map(&f.bus, extra, 0x8000f000, 0x2000, err, sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "overlaps ram at 0x80000000-0x8000ffff"));
    CU_ASSERT_EQUAL(bus_map(&f.bus, extra, 0xfffffffffffff000ull, 0x2000, err, sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "wraps around"));
    CU_ASSERT_EQUAL(bus_map(&f.bus, extra, 0x80010000, 0x1000, err, sizeof(err)), 0); /* adjacent */
    bus_free(&f.bus);
    devtest_destroy(extra);
    bus_init(&f.bus);
    teardown(&f);
}

static void test_lookup_finds_the_region_holding_an_address_and_nothing_between(void)
{
    struct fixture f;
    setup(&f);
    CU_ASSERT_PTR_EQUAL(bus_find(&f.bus, 0x80000000)->dev, f.ram);
    CU_ASSERT_PTR_EQUAL(bus_find(&f.bus, 0x8000ffff)->dev, f.ram);
    CU_ASSERT_PTR_NULL(bus_find(&f.bus, 0x80010000));
    CU_ASSERT_PTR_EQUAL(bus_find(&f.bus, 0x1fff)->dev, f.rom);
    CU_ASSERT_PTR_NULL(bus_find(&f.bus, 0xfff));
    CU_ASSERT_PTR_EQUAL(bus_find(&f.bus, 0x100000ff)->dev, &f.probe.dev);
    teardown(&f);
}

static void test_ram_and_rom_accesses_and_their_statuses(void)
{
    struct fixture f;
    setup(&f);
    uint64_t v = 0;
    CU_ASSERT_EQUAL(bus_write(&f.bus, 0x80000010, 4, 0x11223344), BUS_OK);
    CU_ASSERT_EQUAL(bus_read(&f.bus, 0x80000010, 2, &v), BUS_OK);
    CU_ASSERT_EQUAL(v, 0x3344); /* little-endian */
    CU_ASSERT_EQUAL(bus_write(&f.bus, 0x1000, 4, 1), BUS_READONLY);
    CU_ASSERT_EQUAL(bus_read(&f.bus, 0x1000, 4, &v), BUS_OK);
    CU_ASSERT_EQUAL(bus_read(&f.bus, 0x40000000, 4, &v), BUS_UNMAPPED);
    CU_ASSERT_EQUAL(bus_write(&f.bus, 0x40000000, 1, 0), BUS_UNMAPPED);
    /* the loader's path may write ROM */
    uint32_t w = 0xcafef00d;
    CU_ASSERT_EQUAL(bus_poke(&f.bus, 0x1004, &w, 4), 4);
    CU_ASSERT_EQUAL(bus_read(&f.bus, 0x1004, 4, &v), BUS_OK);
    CU_ASSERT_EQUAL(v, 0xcafef00d);
    teardown(&f);
}

static void test_device_accesses_get_region_offsets_and_declared_sizes_only(void)
{
    struct fixture f;
    setup(&f);
    uint64_t v;
    CU_ASSERT_EQUAL(bus_write(&f.bus, 0x10000004, 4, 0xdeadbeef), BUS_OK);
    CU_ASSERT_EQUAL(f.probe.last_off, 4); /* relative to the region, not the address */
    CU_ASSERT_EQUAL(f.probe.last_val, 0xdeadbeef);
    CU_ASSERT_EQUAL(f.probe.syncs, 1);    /* brought up to date before the access */
    CU_ASSERT_EQUAL(bus_read(&f.bus, 0x10000004, 4, &v), BUS_OK);
    CU_ASSERT_EQUAL(v, 0xa5a5a5a5u + 4);
    unsigned before = f.probe.reads + f.probe.writes;
    CU_ASSERT_EQUAL(bus_read(&f.bus, 0x10000004, 1, &v), BUS_BAD_SIZE);
    CU_ASSERT_EQUAL(bus_write(&f.bus, 0x10000004, 8, 0), BUS_BAD_SIZE);
    CU_ASSERT_EQUAL(bus_read(&f.bus, 0x10000006, 4, &v), BUS_BAD_SIZE); /* misaligned */
    CU_ASSERT_EQUAL(f.probe.reads + f.probe.writes, before); /* never reached the device */
    CU_ASSERT_EQUAL(bus_read(&f.bus, 0x10000008, 4, &v), BUS_DEV_ERROR);
    CU_ASSERT_EQUAL(bus_write(&f.bus, 0x10000000, 4, 0x1ffffffffull), BUS_OK);
    CU_ASSERT_EQUAL(f.probe.last_val, 0xffffffffu); /* value cut to the access size */
    teardown(&f);
}

static void test_overlay_splits_ram_around_a_device(void)
{
    struct fixture f;
    setup(&f);
    char err[256];
    struct probe hole;
    struct dev_config cfg = {.name = "hole"};
    dev_init(&hole.dev, &probe_type, &cfg, &f.t.env);
    CU_ASSERT_EQUAL(bus_write(&f.bus, 0x80001010, 4, 0x12345678), BUS_OK);
    CU_ASSERT_EQUAL(bus_map_overlay(&f.bus, &hole.dev, 0x80001000, 16, err, sizeof(err)), 0);
    uint64_t v;
    CU_ASSERT_PTR_EQUAL(bus_find(&f.bus, 0x80000fff)->dev, f.ram);
    CU_ASSERT_PTR_EQUAL(bus_find(&f.bus, 0x80001000)->dev, &hole.dev);
    CU_ASSERT_PTR_EQUAL(bus_find(&f.bus, 0x80001010)->dev, f.ram);
    CU_ASSERT_EQUAL(bus_read(&f.bus, 0x80001010, 4, &v), BUS_OK);
    CU_ASSERT_EQUAL(v, 0x12345678); /* the upper piece still sees the same memory */
    CU_ASSERT_EQUAL(bus_write(&f.bus, 0x80001004, 4, 7), BUS_OK);
    CU_ASSERT_EQUAL(hole.last_off, 4);
    teardown(&f);
    dev_fini(&hole.dev);
}

static void test_writes_to_marked_code_call_the_hook_once_marked(void)
{
    struct fixture f;
    setup(&f);
    CU_ASSERT_EQUAL(bus_write(&f.bus, 0x80000100, 4, 1), BUS_OK);
    CU_ASSERT_EQUAL(f.code_hits, 0);
    bus_mark_code(&f.bus, 0x80000100, 8);
    CU_ASSERT_EQUAL(bus_write(&f.bus, 0x80000104, 4, 1), BUS_OK);
    CU_ASSERT_EQUAL(f.code_hits, 1);
    CU_ASSERT_EQUAL(f.code_addr, 0x80000104);
    uint8_t b = 0;
    bus_poke(&f.bus, 0x80000100, &b, 1); /* the loader/debugger path too */
    CU_ASSERT_EQUAL(f.code_hits, 2);
    CU_ASSERT_EQUAL(bus_write(&f.bus, 0x80000200, 4, 1), BUS_OK); /* another granule */
    CU_ASSERT_EQUAL(f.code_hits, 2);
    bus_clear_code(&f.bus);
    CU_ASSERT_EQUAL(bus_write(&f.bus, 0x80000104, 4, 1), BUS_OK);
    CU_ASSERT_EQUAL(f.code_hits, 2);
    teardown(&f);
}

static void test_peek_and_poke_cross_regions_and_stop_at_a_gap(void)
{
    struct fixture f;
    setup(&f);
    uint8_t buf[32];
    memset(buf, 0x5a, sizeof(buf));
    CU_ASSERT_EQUAL(bus_poke(&f.bus, 0x8000fff0, buf, 32), 16); /* RAM ends after 16 */
    CU_ASSERT_EQUAL(bus_peek(&f.bus, 0x8000fff0, buf, 32), 16);
    CU_ASSERT_EQUAL(bus_peek(&f.bus, 0x10000000, buf, 4), 0); /* devices: no side effects */
    CU_ASSERT_EQUAL(f.probe.reads, 0);
    teardown(&f);
}

UNIT_MAIN("bus", T(test_overlapping_regions_are_refused_naming_both_devices),
          T(test_lookup_finds_the_region_holding_an_address_and_nothing_between),
          T(test_ram_and_rom_accesses_and_their_statuses),
          T(test_device_accesses_get_region_offsets_and_declared_sizes_only),
          T(test_overlay_splits_ram_around_a_device),
          T(test_writes_to_marked_code_call_the_hook_once_marked),
          T(test_peek_and_poke_cross_regions_and_stop_at_a_gap))
