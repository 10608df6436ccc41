/* Device tree generation: the blob is read back with libfdt and every node and value is
 * checked against the platform it came from; placement follows QEMU's rule; --dtb files are
 * checked and get /chosen/bootargs. */
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "models/cpu/riscv/rv.h"
#include "sim/dtb.h"
#include "sim/platform_tree.h"
#include "sim/sim.h"
#include "unit.h"

static char err[2048];

/* Two RV64 harts from a template, wired as QEMU's virt machine is. */
static const char virt2[] = "name: two\n"
                            "timebase: 12345678Hz\n"
                            "harts: 2\n"
                            "cpus:\n"
                            "  hart$i: { isa: rv64imac, mmu: sv39 }\n"
                            "devices:\n"
                            "  test: { type: sifive_test, base: 0x100000 }\n"
                            "  clint:\n"
                            "    type: clint\n"
                            "    base: 0x2000000\n"
                            "    harts: $harts\n"
                            "    irqs: { msip$i: hart$i.msi, mtip$i: hart$i.mti }\n"
                            "  plic:\n"
                            "    type: plic\n"
                            "    base: 0xc000000\n"
                            "    size: 0x600000\n"
                            "    sources: 53\n"
                            "    contexts: $(2 * harts)\n"
                            "    irqs: { ctx$(2*i): hart$i.mei, ctx$(2*i+1): hart$i.sei }\n"
                            "  uart0:\n"
                            "    type: ns16550\n"
                            "    base: 0x10000000\n"
                            "    clock: 1843200\n"
                            "    irqs: { irq: plic.7 }\n"
                            "  ram: { type: ram, base: 0x80000000, size: 64MiB }\n"
                            "  htif: { type: htif }\n";

static struct sim *load(const char *text)
{
    struct sim *sim = sim_new();
    int r = platform_load(sim, "t.yaml", text, NULL, 0, err, sizeof(err));
    if (r)
        fprintf(stderr, "%s\n", err);
    CU_ASSERT_EQUAL(r, 0);
    return sim;
}

static void *generate(struct sim *sim, const char *bootargs, size_t *size)
{
    void *blob = NULL;
    CU_ASSERT_EQUAL(dtb_generate(sim, bootargs, &blob, size, err, sizeof(err)), 0);
    CU_ASSERT_PTR_NOT_NULL(blob);
    if (blob) {
        CU_ASSERT_EQUAL(fdt_check_header(blob), 0);
        CU_ASSERT_EQUAL(fdt_totalsize(blob), *size);
    }
    return blob;
}

static int node(const void *fdt, const char *path)
{
    int off = fdt_path_offset(fdt, path);
    if (off < 0)
        fprintf(stderr, "\n  no node %s: %s\n", path, fdt_strerror(off));
    return off;
}

static const char *str(const void *fdt, const char *path, const char *prop)
{
    int off = node(fdt, path);
    const char *v = off < 0 ? NULL : fdt_getprop(fdt, off, prop, NULL);
    return v ? v : "(none)";
}

/* Cell i of a property, or 0xdeadbeef when it is missing or too short. */
static uint32_t cell(const void *fdt, const char *path, const char *prop, int i)
{
    int off = node(fdt, path), len = 0;
    const fdt32_t *v = off < 0 ? NULL : fdt_getprop(fdt, off, prop, &len);
    if (!v || len < 4 * (i + 1))
        return 0xdeadbeef;
    return fdt32_to_cpu(v[i]);
}

static int cells(const void *fdt, const char *path, const char *prop)
{
    int off = node(fdt, path), len = -4;
    if (off >= 0 && !fdt_getprop(fdt, off, prop, &len))
        len = -4;
    return len / 4;
}

static bool has_prop(const void *fdt, const char *path, const char *prop)
{
    int off = node(fdt, path);
    return off >= 0 && fdt_getprop(fdt, off, prop, NULL) != NULL;
}

/* A string list property equals the NUL-separated `want` of length n. */
static bool strlist(const void *fdt, const char *path, const char *prop, const char *want,
                    int n)
{
    int off = node(fdt, path), len = 0;
    const char *v = off < 0 ? NULL : fdt_getprop(fdt, off, prop, &len);
    return v && len == n && !memcmp(v, want, (size_t)n);
}

static uint64_t reg64(const void *fdt, const char *path, int i)
{
    return (uint64_t)cell(fdt, path, "reg", 2 * i) << 32 | cell(fdt, path, "reg", 2 * i + 1);
}

static void test_root_chosen_cpus_and_memory_match_the_platform(void)
{
    struct sim *sim = load(virt2);
    size_t size;
    void *fdt = generate(sim, "console=ttyS0 root=/dev/vda", &size);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fdt);
    CU_ASSERT_EQUAL(cell(fdt, "/", "#address-cells", 0), 2);
    CU_ASSERT_EQUAL(cell(fdt, "/", "#size-cells", 0), 2);
    CU_ASSERT_STRING_EQUAL(str(fdt, "/", "compatible"), "socsim,two");
    CU_ASSERT_STRING_EQUAL(str(fdt, "/", "model"), "socsim,two");
    CU_ASSERT_STRING_EQUAL(str(fdt, "/chosen", "bootargs"), "console=ttyS0 root=/dev/vda");
    CU_ASSERT_STRING_EQUAL(str(fdt, "/chosen", "stdout-path"), "/soc/serial@10000000");

    CU_ASSERT_EQUAL(cell(fdt, "/cpus", "timebase-frequency", 0), 12345678);
    CU_ASSERT_EQUAL(cell(fdt, "/cpus", "#address-cells", 0), 1);
    CU_ASSERT_EQUAL(cell(fdt, "/cpus", "#size-cells", 0), 0);
    for (unsigned i = 0; i < 2; i++) {
        char cpu[64], intc[96], core[64];
        snprintf(cpu, sizeof(cpu), "/cpus/cpu@%u", i);
        snprintf(intc, sizeof(intc), "%s/interrupt-controller", cpu);
        snprintf(core, sizeof(core), "/cpus/cpu-map/cluster0/core%u", i);
        CU_ASSERT_STRING_EQUAL(str(fdt, cpu, "device_type"), "cpu");
        CU_ASSERT_EQUAL(cell(fdt, cpu, "reg", 0), rv_hart_id(sim->harts[i]));
        CU_ASSERT_STRING_EQUAL(str(fdt, cpu, "status"), "okay");
        CU_ASSERT_STRING_EQUAL(str(fdt, cpu, "compatible"), "riscv");
        CU_ASSERT_STRING_EQUAL(str(fdt, cpu, "riscv,isa"), rv_hart_isa(sim->harts[i]));
        CU_ASSERT_STRING_EQUAL(str(fdt, cpu, "mmu-type"), "riscv,sv39");
        CU_ASSERT_STRING_EQUAL(str(fdt, intc, "compatible"), "riscv,cpu-intc");
        CU_ASSERT_EQUAL(cell(fdt, intc, "#interrupt-cells", 0), 1);
        CU_ASSERT_TRUE(has_prop(fdt, intc, "interrupt-controller"));
        CU_ASSERT_EQUAL(fdt_get_phandle(fdt, node(fdt, intc)), 2 * i + 2);
        CU_ASSERT_EQUAL(cell(fdt, core, "cpu", 0), fdt_get_phandle(fdt, node(fdt, cpu)));
    }
    CU_ASSERT_TRUE(fdt_path_offset(fdt, "/cpus/cpu@2") < 0);

    CU_ASSERT_STRING_EQUAL(str(fdt, "/memory@80000000", "device_type"), "memory");
    CU_ASSERT_EQUAL(reg64(fdt, "/memory@80000000", 0), 0x80000000u);
    CU_ASSERT_EQUAL(reg64(fdt, "/memory@80000000", 1), 64u << 20);
    free(fdt);
    sim_free(sim);
}

static void test_soc_devices_and_their_interrupt_wiring(void)
{
    struct sim *sim = load(virt2);
    size_t size;
    void *fdt = generate(sim, NULL, &size);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fdt);
    CU_ASSERT_FALSE(has_prop(fdt, "/chosen", "bootargs"));
    CU_ASSERT_STRING_EQUAL(str(fdt, "/soc", "compatible"), "simple-bus");
    CU_ASSERT_TRUE(has_prop(fdt, "/soc", "ranges"));
    uint32_t intc0 = fdt_get_phandle(fdt, node(fdt, "/cpus/cpu@0/interrupt-controller"));
    uint32_t intc1 = fdt_get_phandle(fdt, node(fdt, "/cpus/cpu@1/interrupt-controller"));

    const char *clint = "/soc/clint@2000000";
    CU_ASSERT_TRUE(strlist(fdt, clint, "compatible", "sifive,clint0\0riscv,clint0", 27));
    CU_ASSERT_EQUAL(reg64(fdt, clint, 0), 0x2000000);
    CU_ASSERT_EQUAL(reg64(fdt, clint, 1), 0x10000);
    uint32_t want_clint[] = {intc0, 3, intc0, 7, intc1, 3, intc1, 7};
    CU_ASSERT_EQUAL(cells(fdt, clint, "interrupts-extended"), 8);
    for (int i = 0; i < 8; i++)
        CU_ASSERT_EQUAL(cell(fdt, clint, "interrupts-extended", i), want_clint[i]);

    const char *plic = "/soc/plic@c000000";
    CU_ASSERT_TRUE(strlist(fdt, plic, "compatible", "sifive,plic-1.0.0\0riscv,plic0", 30));
    CU_ASSERT_EQUAL(reg64(fdt, plic, 1), 0x600000);
    CU_ASSERT_EQUAL(cell(fdt, plic, "riscv,ndev", 0), 53);
    CU_ASSERT_EQUAL(cell(fdt, plic, "#interrupt-cells", 0), 1);
    CU_ASSERT_EQUAL(cell(fdt, plic, "#address-cells", 0), 0);
    CU_ASSERT_TRUE(has_prop(fdt, plic, "interrupt-controller"));
    uint32_t want_plic[] = {intc0, 11, intc0, 9, intc1, 11, intc1, 9};
    CU_ASSERT_EQUAL(cells(fdt, plic, "interrupts-extended"), 8);
    for (int i = 0; i < 8; i++)
        CU_ASSERT_EQUAL(cell(fdt, plic, "interrupts-extended", i), want_plic[i]);
    uint32_t plic_ph = fdt_get_phandle(fdt, node(fdt, plic));
    CU_ASSERT_NOT_EQUAL(plic_ph, 0);

    const char *uart = "/soc/serial@10000000";
    CU_ASSERT_STRING_EQUAL(str(fdt, uart, "compatible"), "ns16550a");
    CU_ASSERT_EQUAL(cell(fdt, uart, "clock-frequency", 0), 1843200);
    CU_ASSERT_EQUAL(cell(fdt, uart, "interrupts", 0), 7);
    CU_ASSERT_EQUAL(cell(fdt, uart, "interrupt-parent", 0), plic_ph);
    CU_ASSERT_EQUAL(reg64(fdt, uart, 1), 0x100);
    CU_ASSERT_FALSE(has_prop(fdt, uart, "reg-shift"));

    const char *test = "/soc/test@100000";
    CU_ASSERT_TRUE(strlist(fdt, test, "compatible", "sifive,test1\0sifive,test0\0syscon", 33));
    uint32_t test_ph = fdt_get_phandle(fdt, node(fdt, test));
    CU_ASSERT_NOT_EQUAL(test_ph, 0);
    CU_ASSERT_STRING_EQUAL(str(fdt, "/poweroff", "compatible"), "syscon-poweroff");
    CU_ASSERT_EQUAL(cell(fdt, "/poweroff", "value", 0), 0x5555);
    CU_ASSERT_EQUAL(cell(fdt, "/poweroff", "offset", 0), 0);
    CU_ASSERT_EQUAL(cell(fdt, "/poweroff", "regmap", 0), test_ph);
    CU_ASSERT_STRING_EQUAL(str(fdt, "/reboot", "compatible"), "syscon-reboot");
    CU_ASSERT_EQUAL(cell(fdt, "/reboot", "value", 0), 0x7777);
    CU_ASSERT_EQUAL(cell(fdt, "/reboot", "regmap", 0), test_ph);

    /* Nothing the platform does not have: four soc nodes (no htif, pci, virtio, flash, rtc). */
    int n = 0, off;
    fdt_for_each_subnode(off, fdt, node(fdt, "/soc"))
        n++;
    CU_ASSERT_EQUAL(n, 4);
    free(fdt);
    sim_free(sim);
}

static void test_m_mode_hart_and_unwired_context(void)
{
    /* An M-only hart has no mmu-type; its S context goes nowhere (0xffffffff, as the FU540
     * tree says it). A UART wired straight to a hart uses interrupts-extended. */
    struct sim *sim = load("timebase: 1MHz\n"
                           "cpus:\n"
                           "  mon: { isa: rv32imac, priv: m, hartid: 5 }\n"
                           "devices:\n"
                           "  plic: { type: plic, base: 0xc000000, irqs: { ctx0: mon.mei } }\n"
                           "  u: { type: ns16550, base: 0x1000, reg_shift: 2, size: 0x20,\n"
                           "       irqs: { irq: mon.msi } }\n");
    size_t size;
    void *fdt = generate(sim, NULL, &size);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fdt);
    CU_ASSERT_EQUAL(cell(fdt, "/cpus/cpu@5", "reg", 0), 5);
    CU_ASSERT_FALSE(has_prop(fdt, "/cpus/cpu@5", "mmu-type"));
    uint32_t intc = fdt_get_phandle(fdt, node(fdt, "/cpus/cpu@5/interrupt-controller"));
    CU_ASSERT_EQUAL(cells(fdt, "/soc/plic@c000000", "interrupts-extended"), 4);
    CU_ASSERT_EQUAL(cell(fdt, "/soc/plic@c000000", "interrupts-extended", 0), intc);
    CU_ASSERT_EQUAL(cell(fdt, "/soc/plic@c000000", "interrupts-extended", 1), 11);
    CU_ASSERT_EQUAL(cell(fdt, "/soc/plic@c000000", "interrupts-extended", 2), intc);
    CU_ASSERT_EQUAL(cell(fdt, "/soc/plic@c000000", "interrupts-extended", 3), 0xffffffffu);
    CU_ASSERT_EQUAL(cell(fdt, "/soc/serial@1000", "reg-shift", 0), 2);
    CU_ASSERT_EQUAL(cell(fdt, "/soc/serial@1000", "interrupts-extended", 0), intc);
    CU_ASSERT_EQUAL(cell(fdt, "/soc/serial@1000", "interrupts-extended", 1), 3);
    CU_ASSERT_FALSE(has_prop(fdt, "/soc/serial@1000", "interrupt-parent"));
    /* no RAM: no memory node; no finisher: no poweroff/reboot */
    CU_ASSERT_TRUE(fdt_path_offset(fdt, "/memory@80000000") < 0);
    CU_ASSERT_TRUE(fdt_path_offset(fdt, "/poweroff") < 0);
    free(fdt);
    sim_free(sim);
}

static void test_same_platform_same_bytes_and_many_harts_fit(void)
{
    struct sim *a = load(virt2), *b = load(virt2);
    size_t na, nb;
    void *x = generate(a, "x", &na), *y = generate(b, "x", &nb);
    CU_ASSERT_EQUAL_FATAL(na, nb);
    CU_ASSERT_EQUAL(memcmp(x, y, na), 0);
    free(x);
    free(y);
    sim_free(a);
    sim_free(b);
    /* The most harts a platform may have: the generator's buffer grows as needed. */
    struct sim *big = sim_new();
    struct set_override s = {"harts", "512"};
    CU_ASSERT_EQUAL_FATAL(platform_load(big, "t.yaml", virt2, &s, 1, err, sizeof(err)), 0);
    size_t n;
    void *fdt = generate(big, NULL, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fdt);
    CU_ASSERT_TRUE(fdt_path_offset(fdt, "/cpus/cpu@1ff") >= 0);
    CU_ASSERT_EQUAL(cells(fdt, "/soc/plic@c000000", "interrupts-extended"), 2 * 1024);
    free(fdt);
    sim_free(big);
}

static void test_placement_follows_qemu(void)
{
    /* checked against qemu-system-riscv64 -M virt -m 128M/256M/1G/4G -bios none */
    CU_ASSERT_EQUAL(dtb_place(0x80000000, 128u << 20, 0x1000), 0x87e00000);
    CU_ASSERT_EQUAL(dtb_place(0x80000000, 256u << 20, 0x100000), 0x8fe00000);
    CU_ASSERT_EQUAL(dtb_place(0x80000000, 1ull << 30, 0x1000), 0xbfe00000);
    CU_ASSERT_EQUAL(dtb_place(0x80000000, 4ull << 30, 0x1000), 0xbfe00000);  /* below 3 GiB */
    CU_ASSERT_EQUAL(dtb_place(0x100000000, 1ull << 30, 0x1000), 0x13fe00000); /* RAM above it */
    CU_ASSERT_EQUAL(dtb_place(0x80000000, 2u << 20, 0x1000), 0x80000000);
    CU_ASSERT_EQUAL(dtb_place(0x80100000, 1u << 20, 0x1000), 0);    /* would be below the RAM */
    CU_ASSERT_EQUAL(dtb_place(0x80000000, 0x1000, 0x2000), 0);      /* larger than the RAM */
}

static char tmp[64];

static void write_blob(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(fwrite(data, 1, n, f), n);
    fclose(f);
}

static void test_read_file_checks_and_sets_bootargs(void)
{
    snprintf(tmp, sizeof(tmp), "/tmp/socsim-test-dtb.XXXXXX");
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(tmp));
    char path[128], junk[128];
    snprintf(path, sizeof(path), "%s/t.dtb", tmp);
    snprintf(junk, sizeof(junk), "%s/junk.dtb", tmp);
    struct sim *sim = load(virt2);
    size_t n;
    void *fdt = generate(sim, "old", &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fdt);
    write_blob(path, fdt, n);

    void *got = NULL;
    size_t gn = 0;
    CU_ASSERT_EQUAL_FATAL(dtb_read_file(path, NULL, &got, &gn, err, sizeof(err)), 0);
    CU_ASSERT_EQUAL(gn, n);
    CU_ASSERT_EQUAL(memcmp(got, fdt, n), 0); /* untouched without bootargs */
    free(got);
    CU_ASSERT_EQUAL_FATAL(dtb_read_file(path, "a much longer command line", &got, &gn, err,
                                        sizeof(err)), 0);
    CU_ASSERT_EQUAL(fdt_check_header(got), 0);
    CU_ASSERT_EQUAL(fdt_totalsize(got), gn);
    CU_ASSERT_STRING_EQUAL(str(got, "/chosen", "bootargs"), "a much longer command line");
    CU_ASSERT_STRING_EQUAL(str(got, "/cpus/cpu@1", "riscv,isa"), "rv64imac");
    free(got);

    /* A tree without /chosen gets one. */
    char small[256];
    CU_ASSERT_EQUAL(fdt_create_empty_tree(small, sizeof(small)), 0);
    CU_ASSERT_EQUAL(fdt_pack(small), 0);
    write_blob(path, small, fdt_totalsize(small));
    CU_ASSERT_EQUAL_FATAL(dtb_read_file(path, "x=1", &got, &gn, err, sizeof(err)), 0);
    CU_ASSERT_STRING_EQUAL(str(got, "/chosen", "bootargs"), "x=1");
    free(got);

    write_blob(junk, "not a tree at all, but long enough for a header", 48);
    CU_ASSERT_EQUAL(dtb_read_file(junk, NULL, &got, &gn, err, sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "junk.dtb: not a device tree blob (FDT_ERR_BADMAGIC)"));
    write_blob(junk, fdt, n / 2);
    CU_ASSERT_EQUAL(dtb_read_file(junk, NULL, &got, &gn, err, sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "junk.dtb: not a device tree blob (truncated)"));
    CU_ASSERT_EQUAL(dtb_read_file("/nonexistent/x.dtb", NULL, &got, &gn, err, sizeof(err)), -1);
    CU_ASSERT_STRING_EQUAL(err, "--dtb /nonexistent/x.dtb: cannot open: No such file or "
                                "directory");
    free(fdt);
    sim_free(sim);
    unlink(path);
    unlink(junk);
    rmdir(tmp);
}

UNIT_MAIN("dtb",
          T(test_root_chosen_cpus_and_memory_match_the_platform),
          T(test_soc_devices_and_their_interrupt_wiring),
          T(test_m_mode_hart_and_unwired_context),
          T(test_same_platform_same_bytes_and_many_harts_fit),
          T(test_placement_follows_qemu),
          T(test_read_file_checks_and_sets_bootargs))
