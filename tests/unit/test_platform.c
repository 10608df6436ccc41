/* Platform loader: YAML tree and positions, include merging, --set overrides, value parsing
 * through param_parse, building a machine from inline YAML, and the error messages. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "models/cpu/riscv/rv.h"
#include "sim/platform_tree.h"
#include "sim/sim.h"
#include "unit.h"

static char err[2048];

static struct pnode *parse(const char *text)
{
    err[0] = 0;
    return ptree_parse("t.yaml", text, strlen(text), err, sizeof(err));
}

/* ---- tree -------------------------------------------------------------------------------- */

static void test_tree_keeps_one_based_positions(void)
{
    struct pnode *r = parse("# comment\n"
                            "name: x\n"
                            "devices:\n"
                            "  uart0: { type: ns16550, base: 0x10 }\n"
                            "list: [a, 'b']\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(r->kind, PN_MAP);
    CU_ASSERT_EQUAL(pmap_len(r), 3);
    CU_ASSERT_STRING_EQUAL(pmap_key(r, 0)->text, "name");
    CU_ASSERT_EQUAL(pmap_key(r, 0)->line, 2);
    CU_ASSERT_EQUAL(pmap_key(r, 0)->col, 1);
    const struct pnode *uart = pmap_get(pmap_get(r, "devices"), "uart0");
    CU_ASSERT_PTR_NOT_NULL_FATAL(uart);
    const struct pnode *base = pmap_get(uart, "base");
    CU_ASSERT_STRING_EQUAL(base->text, "0x10");
    CU_ASSERT_EQUAL(base->line, 4);
    CU_ASSERT_EQUAL(base->col, 33);
    const struct pnode *list = pmap_get(r, "list");
    CU_ASSERT_EQUAL(list->kind, PN_SEQ);
    CU_ASSERT_EQUAL(list->n, 2);
    CU_ASSERT_TRUE(list->kids[0]->plain);
    CU_ASSERT_FALSE(list->kids[1]->plain);
    CU_ASSERT_STRING_EQUAL(list->kids[1]->text, "b");
    CU_ASSERT_STRING_EQUAL(r->file, "t.yaml");
    ptree_free(r);
}

static void test_tree_syntax_error_names_position_and_context(void)
{
    CU_ASSERT_PTR_NULL(parse("a: 1\nb: [1, 2\n"));
    CU_ASSERT_STRING_EQUAL(err, "t.yaml:3:1: error: invalid YAML: did not find expected ',' or "
                                "']' (while parsing a flow sequence at line 2, column 4)");
    CU_ASSERT_PTR_NULL(parse("a:\n\tb: 1\n"));
    CU_ASSERT_EQUAL(strncmp(err, "t.yaml:2:1: error: invalid YAML: found character that cannot "
                                 "start any token",
                            70),
                    0);
}

static void test_tree_rejects_duplicate_keys_empty_files_and_second_documents(void)
{
    CU_ASSERT_PTR_NULL(parse("a: 1\nb: 2\na: 3\n"));
    CU_ASSERT_STRING_EQUAL(err, "t.yaml:3:1: error: duplicate key 'a' (first at line 1, column 1)");
    CU_ASSERT_PTR_NULL(parse("# only a comment\n"));
    CU_ASSERT_STRING_EQUAL(err, "t.yaml:1:1: error: the file is empty: expected a map of platform "
                                "keys (name, timebase, cpus, devices, ...)");
    CU_ASSERT_PTR_NULL(parse("a: 1\n---\nb: 2\n"));
    CU_ASSERT_STRING_EQUAL(err, "t.yaml:2:1: error: a second YAML document starts here; a "
                                "platform file holds one");
    CU_ASSERT_PTR_NULL(parse("{[1]: 2}\n"));
    CU_ASSERT_STRING_EQUAL(err, "t.yaml:1:2: error: expected a plain key, got a list");
}

static void test_tree_expands_aliases_and_limits_nesting(void)
{
    struct pnode *r = parse("a: &x { k: v }\nb: *x\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    const struct pnode *b = pmap_get(r, "b");
    CU_ASSERT_EQUAL(b->kind, PN_MAP);
    CU_ASSERT_STRING_EQUAL(pmap_get(b, "k")->text, "v");
    CU_ASSERT_PTR_NOT_EQUAL(b, pmap_get(r, "a"));
    ptree_free(r);
    CU_ASSERT_PTR_NULL(parse("a: *nowhere\n"));
    CU_ASSERT_STRING_EQUAL(err, "t.yaml:1:4: error: alias '*nowhere' refers to no anchor defined "
                                "before it");
    char deep[400];
    memset(deep, '[', 200);
    memset(deep + 200, ']', 200);
    deep[399] = 0; /* unbalanced on purpose: the depth limit must trip first */
    CU_ASSERT_PTR_NULL(parse(deep));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "nested more than"));
}

static void test_merge_recurses_into_maps_and_replaces_the_rest(void)
{
    struct pnode *base = parse("a: 1\nm: { x: 1, y: 2 }\nl: [1, 2]\ns: { k: v }\n");
    struct pnode *over = parse("m: { y: 3, z: 4 }\nl: [9]\ns: plain\nn: new\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(base);
    CU_ASSERT_PTR_NOT_NULL_FATAL(over);
    struct pnode *m = ptree_merge(base, over);
    CU_ASSERT_EQUAL(pmap_len(m), 5);
    CU_ASSERT_STRING_EQUAL(pmap_key(m, 4)->text, "n"); /* new keys come after the old ones */
    const struct pnode *mm = pmap_get(m, "m");
    CU_ASSERT_STRING_EQUAL(pmap_get(mm, "x")->text, "1");
    CU_ASSERT_STRING_EQUAL(pmap_get(mm, "y")->text, "3");
    CU_ASSERT_STRING_EQUAL(pmap_get(mm, "z")->text, "4");
    CU_ASSERT_EQUAL(pmap_get(m, "l")->n, 1);
    CU_ASSERT_STRING_EQUAL(pmap_get(m, "s")->text, "plain");
    ptree_free(m);
}

/* ---- includes ---------------------------------------------------------------------------- */

static char tmpdir[64];

static void write_file(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(text, f);
    fclose(f);
}

static void make_tmpdir(void)
{
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/socsim-test-platform.XXXXXX");
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(tmpdir));
}

static void remove_tmpdir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    CU_ASSERT_EQUAL(system(cmd), 0);
}

static void test_include_merges_first_and_the_including_file_wins(void)
{
    make_tmpdir();
    write_file("base.yaml", "name: base\ntimebase: 10MHz\ncpus:\n  hart0: { isa: rv32imac }\n"
                            "devices:\n  ram: { type: ram, base: 0x80000000, size: 1MiB }\n");
    char sub[128];
    snprintf(sub, sizeof(sub), "%s/sub", tmpdir);
    CU_ASSERT_EQUAL(mkdir(sub, 0755), 0);
    write_file("sub/mid.yaml", "include: ../base.yaml\nname: mid\n");
    write_file("top.yaml", "include: [sub/mid.yaml]\ndevices:\n  ram:\n    size: 2MiB\n");
    struct sim *sim = sim_new();
    char path[128];
    snprintf(path, sizeof(path), "%s/top.yaml", tmpdir);
    struct pnode *r = ptree_load(sim, path, NULL, err, sizeof(err));
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_PTR_NULL(pmap_get(r, "include"));
    CU_ASSERT_STRING_EQUAL(pmap_get(r, "name")->text, "mid");
    CU_ASSERT_STRING_EQUAL(r->file, path); /* the merged root is the top file's */
    const struct pnode *ram = pmap_get(pmap_get(r, "devices"), "ram");
    const struct pnode *size = pmap_get(ram, "size");
    CU_ASSERT_STRING_EQUAL(size->text, "2MiB");
    CU_ASSERT_STRING_EQUAL(size->file, path);
    CU_ASSERT_EQUAL(size->line, 4);
    CU_ASSERT_PTR_NOT_NULL(strstr(pmap_get(ram, "base")->file, "sub/../base.yaml"));
    ptree_free(r);
    sim_free(sim);
    remove_tmpdir();
}

static void test_include_reports_missing_files_and_cycles(void)
{
    make_tmpdir();
    write_file("a.yaml", "include: b.yaml\n");
    write_file("b.yaml", "x: 1\ninclude: [a.yaml]\n");
    write_file("c.yaml", "include: nope.yaml\n");
    struct sim *sim = sim_new();
    char path[128], want[512];
    snprintf(path, sizeof(path), "%s/a.yaml", tmpdir);
    CU_ASSERT_PTR_NULL(ptree_load(sim, path, NULL, err, sizeof(err)));
    snprintf(want, sizeof(want), "%s/b.yaml:2:11: error: include cycle: %s/a.yaml -> %s/b.yaml -> "
             "%s/a.yaml", tmpdir, tmpdir, tmpdir, tmpdir);
    CU_ASSERT_STRING_EQUAL(err, want);
    snprintf(path, sizeof(path), "%s/c.yaml", tmpdir);
    CU_ASSERT_PTR_NULL(ptree_load(sim, path, NULL, err, sizeof(err)));
    snprintf(want, sizeof(want), "%s/c.yaml:1:10: error: cannot open include file "
             "'%s/nope.yaml': No such file or directory", tmpdir, tmpdir);
    CU_ASSERT_STRING_EQUAL(err, want);
    CU_ASSERT_PTR_NULL(ptree_load(sim, "/nonexistent/x.yaml", NULL, err, sizeof(err)));
    CU_ASSERT_STRING_EQUAL(err, "/nonexistent/x.yaml: error: cannot open platform file: No such "
                                "file or directory");
    sim_free(sim);
    remove_tmpdir();
}

/* ---- --set ------------------------------------------------------------------------------- */

static void test_set_replaces_adds_and_rejects(void)
{
    struct sim *sim = sim_new();
    struct pnode *r = parse("timebase: 10MHz\ndevices:\n  uart0: { base: 0x10 }\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    struct set_override s1 = {"devices.uart0.base", "0x20"};
    CU_ASSERT_EQUAL(ptree_apply_set(sim, r, &s1, err, sizeof(err)), 0);
    const struct pnode *base = pmap_get(pmap_get(pmap_get(r, "devices"), "uart0"), "base");
    CU_ASSERT_STRING_EQUAL(base->text, "0x20");
    CU_ASSERT_STRING_EQUAL(base->file, "--set devices.uart0.base=0x20");
    CU_ASSERT_EQUAL(base->line, 0);
    struct set_override s2 = {"devices.uart0.size", "4K"};
    CU_ASSERT_EQUAL(ptree_apply_set(sim, r, &s2, err, sizeof(err)), 0);
    CU_ASSERT_STRING_EQUAL(pmap_get(pmap_get(pmap_get(r, "devices"), "uart0"), "size")->text,
                           "4K");
    struct set_override s3 = {"devices.uart9.base", "1"};
    CU_ASSERT_EQUAL(ptree_apply_set(sim, r, &s3, err, sizeof(err)), -1);
    CU_ASSERT_STRING_EQUAL(err, "--set devices.uart9.base=1: error: 'devices.uart9' does not "
                                "exist in the platform (only the last key of a --set path may "
                                "be new)");
    struct set_override s4 = {"devices", "x"};
    CU_ASSERT_EQUAL(ptree_apply_set(sim, r, &s4, err, sizeof(err)), -1);
    CU_ASSERT_STRING_EQUAL(err, "--set devices=x: error: 'devices' is a map; --set only replaces "
                                "single values");
    struct set_override s5 = {"timebase.x", "1"};
    CU_ASSERT_EQUAL(ptree_apply_set(sim, r, &s5, err, sizeof(err)), -1);
    CU_ASSERT_STRING_EQUAL(err, "--set timebase.x=1: error: 'timebase' is a single value, not a "
                                "map of keys");
    struct set_override s6 = {".", "1"};
    CU_ASSERT_EQUAL(ptree_apply_set(sim, r, &s6, err, sizeof(err)), -1);
    ptree_free(r);
    sim_free(sim);
}

/* ---- values ------------------------------------------------------------------------------ */

static uint64_t val(enum param_type t, const char *text)
{
    union param_value v = {0};
    char msg[256];
    CU_ASSERT_EQUAL(param_parse(t, text, &v, msg, sizeof(msg)), 0);
    return v.u;
}

static bool bad(enum param_type t, const char *text, const char *needle)
{
    union param_value v;
    char msg[256] = "";
    return param_parse(t, text, &v, msg, sizeof(msg)) < 0 && strstr(msg, needle);
}

static void test_values_sizes_frequencies_and_overflow(void)
{
    CU_ASSERT_EQUAL(val(PARAM_SIZE, "4K"), 4096);
    CU_ASSERT_EQUAL(val(PARAM_SIZE, "64KiB"), 65536);
    CU_ASSERT_EQUAL(val(PARAM_SIZE, "128MiB"), 128u << 20);
    CU_ASSERT_EQUAL(val(PARAM_SIZE, "1G"), 1u << 30);
    CU_ASSERT_EQUAL(val(PARAM_SIZE, "1_024"), 1024);
    CU_ASSERT_EQUAL(val(PARAM_SIZE, "0x1000"), 4096);
    CU_ASSERT_EQUAL(val(PARAM_INT, "0b1010"), 10);
    CU_ASSERT_EQUAL(val(PARAM_INT, "0xffff_ffff_ffff_ffff"), UINT64_MAX);
    CU_ASSERT_EQUAL(val(PARAM_FREQ, "10MHz"), 10000000);
    CU_ASSERT_EQUAL(val(PARAM_FREQ, "32768Hz"), 32768);
    CU_ASSERT_EQUAL(val(PARAM_FREQ, "250kHz"), 250000);
    CU_ASSERT_EQUAL(val(PARAM_FREQ, "1GHz"), 1000000000);
    CU_ASSERT_TRUE(bad(PARAM_INT, "0x1_0000_0000_0000_0000", "too large"));
    CU_ASSERT_TRUE(bad(PARAM_SIZE, "17179869184GiB", "too large"));
    CU_ASSERT_TRUE(bad(PARAM_SIZE, "12 parsecs", "unknown suffix 'parsecs'"));
    CU_ASSERT_TRUE(bad(PARAM_FREQ, "fast", "expected a frequency"));
    CU_ASSERT_TRUE(bad(PARAM_INT, "4K", "unknown suffix"));
    CU_ASSERT_TRUE(bad(PARAM_BOOL, "maybe", "expected a boolean"));
}

/* ---- building ---------------------------------------------------------------------------- */

static const char virt[] = "name: mini\n"
                           "description: a small machine\n"
                           "timebase: 10MHz\n"
                           "cpus:\n"
                           "  hart0: { isa: rv32imac, freq: 50MHz }\n"
                           "devices:\n"
                           "  ram: { type: ram, base: 0x80000000, size: 16MiB }\n"
                           "  clint:\n"
                           "    type: clint\n"
                           "    base: 0x2000000\n"
                           "    irqs: { msip0: hart0.msi, mtip0: hart0.mti }\n"
                           "  plic:\n"
                           "    type: plic\n"
                           "    base: 0xc000000\n"
                           "    irqs: { ctx0: hart0.mei }\n"
                           "  uart0:\n"
                           "    type: ns16550\n"
                           "    base: 0x10000000\n"
                           "    irqs: { irq: plic.10 }\n";

static const struct sim_dev *find_dev(const struct sim *sim, const char *name)
{
    for (unsigned i = 0; i < sim->ndevs; i++)
        if (!strcmp(sim->devs[i].dev->name, name))
            return &sim->devs[i];
    return NULL;
}

static void test_build_creates_harts_devices_regions_and_wires(void)
{
    struct sim *sim = sim_new();
    int r = platform_load(sim, "mini.yaml", virt, NULL, 0, err, sizeof(err));
    if (r)
        fprintf(stderr, "%s\n", err);
    CU_ASSERT_EQUAL_FATAL(r, 0);
    CU_ASSERT_STRING_EQUAL(sim->name, "mini");
    CU_ASSERT_STRING_EQUAL(sim->description, "a small machine");
    CU_ASSERT_EQUAL(sim->env.timebase_hz, 10000000);
    CU_ASSERT_EQUAL_FATAL(sim->nharts, 1);
    CU_ASSERT_EQUAL(rv_hart_xlen(sim->harts[0]), 32);
    CU_ASSERT_EQUAL(rv_hart_period_ps(sim->harts[0]), 20000);
    CU_ASSERT_EQUAL(sim->hart_pos[0].line, 5);
    CU_ASSERT_EQUAL(sim->ndevs, 4);
    const struct sim_dev *ram = find_dev(sim, "ram"), *uart = find_dev(sim, "uart0");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ram);
    CU_ASSERT_PTR_NOT_NULL_FATAL(uart);
    CU_ASSERT_TRUE(ram->mapped);
    CU_ASSERT_EQUAL(ram->base, 0x80000000u);
    CU_ASSERT_EQUAL(ram->size, 16u << 20);
    CU_ASSERT_EQUAL(uart->size, 0x100); /* the type's default */
    CU_ASSERT_EQUAL(uart->pos.line, 16);
    CU_ASSERT_EQUAL(uart->pos.col, 3);
    CU_ASSERT_PTR_NOT_NULL(bus_find(&sim->bus, 0x80000000u + (16u << 20) - 1));
    CU_ASSERT_PTR_NULL(bus_find(&sim->bus, 0x80000000u + (16u << 20)));
    CU_ASSERT_EQUAL_FATAL(sim->nwires, 4);
    CU_ASSERT_STRING_EQUAL(sim->wires[3].from, "uart0.irq");
    CU_ASSERT_STRING_EQUAL(sim->wires[3].to, "plic.10");
    sim_free(sim);
}

static void test_build_applies_set_overrides(void)
{
    struct sim *sim = sim_new();
    struct set_override sets[] = {{"devices.ram.size", "64MiB"}, {"timebase", "1MHz"},
                                  {"devices.uart0.irqs.irq", "plic.11"}};
    CU_ASSERT_EQUAL_FATAL(platform_load(sim, "mini.yaml", virt, sets, 3, err, sizeof(err)), 0);
    CU_ASSERT_EQUAL(find_dev(sim, "ram")->size, 64u << 20);
    CU_ASSERT_EQUAL(sim->env.timebase_hz, 1000000);
    CU_ASSERT_STRING_EQUAL(sim->wires[3].to, "plic.11");
    sim_free(sim);
}

static void test_two_platforms_live_in_one_process(void)
{
    struct sim *a = sim_new(), *b = sim_new();
    CU_ASSERT_EQUAL(platform_load(a, "a.yaml", virt, NULL, 0, err, sizeof(err)), 0);
    CU_ASSERT_EQUAL(platform_load(b, "b.yaml", virt, NULL, 0, err, sizeof(err)), 0);
    CU_ASSERT_PTR_NOT_EQUAL(find_dev(a, "ram")->dev, find_dev(b, "ram")->dev);
    sim_free(a);
    sim_free(b);
}

/* Load inline YAML that must fail; compare the message. */
static void expect_error(const char *text, const char *want)
{
    struct sim *sim = sim_new();
    CU_ASSERT_EQUAL(platform_load(sim, "t.yaml", text, NULL, 0, err, sizeof(err)), -1);
    CU_ASSERT_STRING_EQUAL(err, want);
    if (strcmp(err, want))
        fprintf(stderr, "\n  want: %s\n  got:  %s\n", want, err);
    sim_free(sim);
}

#define HART "timebase: 10MHz\ncpus:\n  hart0: { isa: rv32imac }\n"

static void test_build_errors_point_at_the_right_place(void)
{
    expect_error(HART "devices:\n  ram: { type: ram, base: 0x80000000, size: hello }\n",
                 "t.yaml:5:45: error: 'size' of device 'ram': expected a size (e.g. 4096, "
                 "0x1000, 64KiB, 128MiB), got 'hello'");
    expect_error(HART "devices:\n"
                      "  ram: { type: ram, base: 0x80000000, size: 0x1_0000_0000_0000_0000 }\n",
                 "t.yaml:5:45: error: 'size' of device 'ram': '0x1_0000_0000_0000_0000' is too "
                 "large (values are at most 64 bits)");
    expect_error(HART "devices:\n  ram: { type: ram, base: [1], size: 4K }\n",
                 "t.yaml:5:27: error: 'base' of device 'ram': expected an integer, got a list");
    expect_error(HART "devices:\n  ram: { type: ram, base: 0 }\n",
                 "t.yaml:5:3: error: device 'ram' (ram) is missing required parameter 'size' "
                 "(a size)");
    expect_error(HART "devices:\n  u: { type: ns16550 }\n",
                 "t.yaml:5:3: error: device 'u' (ns16550) is memory-mapped and needs "
                 "'base: ADDRESS'");
    expect_error(HART "extra: 1\n", "t.yaml:4:1: error: unknown top-level key 'extra' (expected "
                                    "one of: name, description, include, timebase, harts, "
                                    "cpus, devices)");
    expect_error("cpus:\n  h: { isa: rv32imac }\n",
                 "t.yaml:1:1: error: missing 'timebase' (the mtime frequency, e.g. timebase: "
                 "10MHz)");
    expect_error("timebase: 0Hz\ncpus:\n  h: { isa: rv32imac }\n",
                 "t.yaml:1:11: error: 'timebase' must be above 0 Hz");
    expect_error("timebase: 1MHz\n", "t.yaml:1:1: error: missing 'cpus': a platform needs at "
                                     "least one hart");
    expect_error("timebase: 1MHz\ncpus:\n", "t.yaml:2:6: error: 'cpus' is empty: a platform "
                                            "needs at least one hart");
    expect_error(HART "devices:\n  hart0: { type: htif }\n",
                 "t.yaml:5:3: error: duplicate name 'hart0': already used by the hart at "
                 "t.yaml:3:3");
    expect_error(HART "devices:\n  a: { type: ram, base: 0x1000, size: 8K }\n"
                 "  b: { type: ram, base: 0x2000, size: 4K }\n",
                 "t.yaml:6:3: error: b at 0x2000-0x2fff overlaps a at 0x1000-0x2fff (a is "
                 "defined at t.yaml:5:3)");
    expect_error(HART "devices:\n  a: { type: ram, base: 0xfffffffffffff000, size: 8K }\n",
                 "t.yaml:5:3: error: device 'a' (ram): region 0xfffffffffffff000+0x2000 is "
                 "empty or wraps around");
    expect_error(HART "devices:\n  u: { type: ns16550, base: 0x1000, irqs: { irq: hart0.mtx } }\n",
                 "t.yaml:5:50: error: IRQ u.irq -> hart0.mtx: hart0 (hart) has no input 'mtx' "
                 "(inputs: msi, mti, mei, sei)");
}

/* ---- several harts: `harts:` and templates ----------------------------------------------- */

static const char smp[] = "name: smp\n"
                          "timebase: 10MHz\n"
                          "harts: 2\n"
                          "cpus:\n"
                          "  hart$i: { isa: rv32imac, freq: 50MHz }\n"
                          "devices:\n"
                          "  ram: { type: ram, base: 0x80000000, size: 16MiB }\n"
                          "  clint:\n"
                          "    type: clint\n"
                          "    base: 0x2000000\n"
                          "    harts: $harts\n"
                          "    irqs: { msip$i: hart$i.msi, mtip$i: hart$i.mti }\n"
                          "  plic:\n"
                          "    type: plic\n"
                          "    base: 0xc000000\n"
                          "    contexts: $(2 * harts)\n"
                          "    irqs: { ctx$(2*i): hart$i.mei, ctx$(2*i+1): hart$i.sei }\n";

static bool has_wire(const struct sim *sim, const char *from, const char *to)
{
    for (unsigned i = 0; i < sim->nwires; i++)
        if (!strcmp(sim->wires[i].from, from) && !strcmp(sim->wires[i].to, to))
            return true;
    return false;
}

static void test_harts_template_makes_numbered_wired_harts(void)
{
    struct sim *sim = sim_new();
    struct set_override four = {"harts", "4"};
    int r = platform_load(sim, "smp.yaml", smp, &four, 1, err, sizeof(err));
    if (r)
        fprintf(stderr, "%s\n", err);
    CU_ASSERT_EQUAL_FATAL(r, 0);
    CU_ASSERT_EQUAL_FATAL(sim->nharts, 4);
    for (unsigned i = 0; i < 4; i++) {
        char name[16], from[32], to[32];
        snprintf(name, sizeof(name), "hart%u", i);
        CU_ASSERT_STRING_EQUAL(rv_hart_device(sim->harts[i])->name, name);
        CU_ASSERT_EQUAL(rv_hart_id(sim->harts[i]), i);
        CU_ASSERT_EQUAL(rv_hart_period_ps(sim->harts[i]), 20000);
        CU_ASSERT_EQUAL(sim->hart_pos[i].line, 5); /* every copy points at the template */
        snprintf(from, sizeof(from), "clint.msip%u", i);
        snprintf(to, sizeof(to), "hart%u.msi", i);
        CU_ASSERT_TRUE(has_wire(sim, from, to));
        snprintf(from, sizeof(from), "clint.mtip%u", i);
        snprintf(to, sizeof(to), "hart%u.mti", i);
        CU_ASSERT_TRUE(has_wire(sim, from, to));
        snprintf(from, sizeof(from), "plic.ctx%u", 2 * i);
        snprintf(to, sizeof(to), "hart%u.mei", i);
        CU_ASSERT_TRUE(has_wire(sim, from, to));
        snprintf(from, sizeof(from), "plic.ctx%u", 2 * i + 1);
        snprintf(to, sizeof(to), "hart%u.sei", i);
        CU_ASSERT_TRUE(has_wire(sim, from, to));
    }
    CU_ASSERT_EQUAL(sim->nwires, 16);
    CU_ASSERT_EQUAL(sim_dev_param(find_dev(sim, "clint"), "harts")->u, 4);
    CU_ASSERT_EQUAL(sim_dev_param(find_dev(sim, "plic"), "contexts")->u, 8);
    CU_ASSERT_PTR_NULL(sim_dev_param(find_dev(sim, "plic"), "nonsense"));
    sim_free(sim);
}

static void test_harts_set_reaches_copies_and_written_out_entries_merge(void)
{
    /* --set on a copy applies after expansion; on the template, before it. */
    struct sim *sim = sim_new();
    struct set_override sets[] = {{"cpus.hart2.freq", "25MHz"},
                                  {"harts", "3"},
                                  {"cpus.hart$i.isa", "rv32imc"},
                                  {"cpus.hart1.hartid", "$(harts * 2)"}};
    CU_ASSERT_EQUAL_FATAL(platform_load(sim, "smp.yaml", smp, sets, 4, err, sizeof(err)), 0);
    CU_ASSERT_EQUAL(rv_hart_id(sim->harts[1]), 6);
    CU_ASSERT_EQUAL_FATAL(sim->nharts, 3);
    CU_ASSERT_EQUAL(rv_hart_period_ps(sim->harts[1]), 20000);
    CU_ASSERT_EQUAL(rv_hart_period_ps(sim->harts[2]), 40000);
    CU_ASSERT_STRING_EQUAL(rv_hart_isa(sim->harts[0]), "rv32imc");
    sim_free(sim);

    /* An entry written out under a copy's name changes that copy; the others stay. An extra
     * hart after the template gets the next mhartid. */
    char text[2048];
    snprintf(text, sizeof(text), "%s  hart1: { freq: 10MHz }\n  extra: { isa: rv32i }\n", smp);
    char *cpus_end = strstr(text, "devices:\n");
    /* move the two written-out harts under cpus: */
    char devices[1024];
    snprintf(devices, sizeof(devices), "%s", cpus_end);
    char *extra = strstr(devices, "  hart1: {");
    *extra = 0;
    snprintf(cpus_end, sizeof(text) - (size_t)(cpus_end - text),
             "  hart1: { freq: 10MHz }\n  extra: { isa: rv32i }\n%s", devices);
    sim = sim_new();
    int r = platform_load(sim, "smp.yaml", text, NULL, 0, err, sizeof(err));
    if (r)
        fprintf(stderr, "%s\n", err);
    CU_ASSERT_EQUAL_FATAL(r, 0);
    CU_ASSERT_EQUAL_FATAL(sim->nharts, 3);
    CU_ASSERT_EQUAL(rv_hart_period_ps(sim->harts[0]), 20000);
    CU_ASSERT_EQUAL(rv_hart_period_ps(sim->harts[1]), 100000);
    CU_ASSERT_STRING_EQUAL(rv_hart_isa(sim->harts[1]), "rv32imac"); /* from the template */
    CU_ASSERT_STRING_EQUAL(rv_hart_device(sim->harts[2])->name, "extra");
    CU_ASSERT_EQUAL(rv_hart_id(sim->harts[2]), 2);
    sim_free(sim);
}

/* Load smp with one --set, expecting an error. */
static void expect_set_error(const char *path, const char *value, const char *want)
{
    struct sim *sim = sim_new();
    struct set_override s = {path, value};
    CU_ASSERT_EQUAL(platform_load(sim, "t.yaml", smp, &s, 1, err, sizeof(err)), -1);
    CU_ASSERT_STRING_EQUAL(err, want);
    if (strcmp(err, want))
        fprintf(stderr, "\n  want: %s\n  got:  %s\n", want, err);
    sim_free(sim);
}

static void test_harts_errors_name_the_template_and_the_copy(void)
{
    expect_set_error("harts", "0", "--set harts=0: error: 'harts' must be at least 1");
    expect_set_error("harts", "513", "--set harts=513: error: 'harts' is 513; socsim builds at "
                                     "most 512 harts");
    expect_set_error("harts", "two", "--set harts=two: error: 'harts': expected an integer, "
                                     "got 'two'");
    expect_set_error("devices.clint.harts", "1",
                     "t.yaml:12:13: error: IRQ clint.msip1 -> hart1.msi: clint (clint) has no "
                     "interrupt output 'msip1' (outputs: msip0, mtip0) (template 'msip$i' "
                     "with i=1)");
    expect_set_error("devices.plic.contexts", "$(harts + j)",
                     "--set devices.plic.contexts=$(harts + j): error: '$(harts + j)': unknown "
                     "name 'j' (an expression may use i, harts, integers, + - * / % and "
                     "parentheses)");
    expect_set_error("devices.plic.contexts", "$(2*i)",
                     "--set devices.plic.contexts=$(2*i): error: '$(2*i)': 'i' is only defined "
                     "in a hart template (a cpus: name such as hart$i) and in a templated "
                     "irqs: line (such as msip$i)");
    expect_set_error("devices.plic.contexts", "$(harts - 3)",
                     "--set devices.plic.contexts=$(harts - 3): error: '$(harts - 3)': the "
                     "result is negative");
    expect_set_error("devices.plic.contexts", "$((harts)",
                     "--set devices.plic.contexts=$((harts): error: '$((harts)': '$(' without a "
                     "closing ')'");
    expect_set_error("devices.plic.contexts", "$(harts / 0)",
                     "--set devices.plic.contexts=$(harts / 0): error: '$(harts / 0)': division "
                     "by zero");
    expect_set_error("devices.plic.contexts", "4$",
                     "--set devices.plic.contexts=4$: error: '4$': '$' must be followed by a "
                     "name or a (expression)");
    expect_set_error("cpus.hart5.freq", "1MHz",
                     "--set cpus.hart5.freq=1MHz: error: 'cpus.hart5' does not exist in the "
                     "platform (only the last key of a --set path may be new)");
    expect_error("timebase: 1MHz\nharts: 2\ncpus:\n  core$harts: {}\n",
                 "t.yaml:4:3: error: template 'core$harts' does not use i: every copy would "
                 "be named 'core2'");
    expect_error("timebase: 1MHz\ncpus:\n  h: {}\ndevices:\n  ram$i: { type: ram }\n",
                 "t.yaml:5:3: error: 'ram$i': a device cannot be a template ($i, $harts and "
                 "$(...) may stand in a hart name under cpus:, an output under irqs: and in "
                 "values)");
    expect_error("timebase: 1MHz\ncpus:\n  h: { f$i: 1 }\n",
                 "t.yaml:3:8: error: 'f$i': $i, $harts and $(...) may stand in a hart name "
                 "under cpus:, an output under irqs: and in values");
    expect_error("timebase: 1MHz\ncpus:\n  a: {}\n  b: { hartid: 0 }\n",
                 "t.yaml:4:3: error: hart 'b' has mhartid 0, as hart 'a' (at t.yaml:3:3) does");
}

static void test_templates_expand_once_and_leave_plain_trees_alone(void)
{
    struct pnode *r = parse("harts: 3\ncpus:\n  c$i: { hartid: $(i * 10 + (harts - 1) % 2) }\n"
                            "devices:\n  d: { x: $(0x10 + harts)0, irqs: { o$i: c$i.p } }\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL_FATAL(ptree_expand(r, err, sizeof(err)), 0);
    const struct pnode *cpus = pmap_get(r, "cpus");
    CU_ASSERT_EQUAL_FATAL(pmap_len(cpus), 3);
    CU_ASSERT_STRING_EQUAL(pmap_key(cpus, 2)->text, "c2");
    CU_ASSERT_STRING_EQUAL(pmap_get(pmap_val(cpus, 2), "hartid")->text, "20");
    CU_ASSERT_STRING_EQUAL(pmap_get(pmap_val(cpus, 1), "hartid")->text, "10");
    CU_ASSERT_STRING_EQUAL(pmap_key(cpus, 1)->origin, "template 'c$i' with i=1");
    const struct pnode *d = pmap_get(pmap_get(r, "devices"), "d");
    CU_ASSERT_STRING_EQUAL(pmap_get(d, "x")->text, "190");
    CU_ASSERT_STRING_EQUAL(pmap_get(pmap_get(d, "irqs"), "o2")->text, "c2.p");
    /* a second expansion finds nothing to do */
    CU_ASSERT_EQUAL(ptree_expand(r, err, sizeof(err)), 0);
    CU_ASSERT_EQUAL(pmap_len(pmap_get(r, "cpus")), 3);
    ptree_free(r);
}

static void test_resolve_finds_names_on_the_platform_path(void)
{
    make_tmpdir();
    write_file("myboard.yaml", HART);
    setenv("SOCSIM_PLATFORM_PATH", tmpdir, 1);
    char want[128];
    snprintf(want, sizeof(want), "%s/myboard.yaml", tmpdir);
    char *p = platform_resolve("myboard");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_STRING_EQUAL(p, want);
    free(p);
    p = platform_resolve("myboard.yaml");
    CU_ASSERT_STRING_EQUAL(p, want);
    free(p);
    p = platform_resolve(want);
    CU_ASSERT_STRING_EQUAL(p, want);
    free(p);
    CU_ASSERT_PTR_NULL(platform_resolve("no-such-board"));
    CU_ASSERT_PTR_NULL(platform_resolve("/no/such/board.yaml"));
    unsetenv("SOCSIM_PLATFORM_PATH");
    remove_tmpdir();
}

UNIT_MAIN("platform",
          T(test_tree_keeps_one_based_positions),
          T(test_tree_syntax_error_names_position_and_context),
          T(test_tree_rejects_duplicate_keys_empty_files_and_second_documents),
          T(test_tree_expands_aliases_and_limits_nesting),
          T(test_merge_recurses_into_maps_and_replaces_the_rest),
          T(test_include_merges_first_and_the_including_file_wins),
          T(test_include_reports_missing_files_and_cycles),
          T(test_set_replaces_adds_and_rejects),
          T(test_values_sizes_frequencies_and_overflow),
          T(test_build_creates_harts_devices_regions_and_wires),
          T(test_build_applies_set_overrides),
          T(test_two_platforms_live_in_one_process),
          T(test_build_errors_point_at_the_right_place),
          T(test_harts_template_makes_numbered_wired_harts),
          T(test_harts_set_reaches_copies_and_written_out_entries_merge),
          T(test_harts_errors_name_the_template_and_the_copy),
          T(test_templates_expand_once_and_leave_plain_trees_alone),
          T(test_resolve_finds_names_on_the_platform_path))
