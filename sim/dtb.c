/* Device tree generation (libfdt's sequential-write API) and placement. The tree describes
 * what the platform really has, wired as the platform file wires it: interrupts-extended lists
 * of the CLINT and PLIC come from the IRQ wires, not from assumptions about hart numbering,
 * so a platform that wires contexts differently gets a tree that says so. Node names,
 * compatible strings and property layout follow QEMU 7.2's virt machine (hw/riscv/virt.c),
 * which is what OpenSBI, U-Boot and Linux are tested against. */
#include "dtb.h"

#include <errno.h>
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/cpu/riscv/rv.h"
#include "sim.h"

#define MAX_DTB_FILE (16u << 20)
/* Interrupt-controller cell meaning "this context/line goes nowhere": the SiFive FU540 tree
 * uses it for the S-mode PLIC context of its M-mode-only hart; OpenSBI and Linux skip it. */
#define IRQ_NONE 0xffffffffu

struct gen {
    const struct sim *sim;
    void *fdt;
    int err; /* first libfdt error; later calls are skipped */
    uint32_t *cpu_ph, *intc_ph; /* per hart */
    uint32_t *dev_ph;           /* per device (0: none) */
};

/* ---- property helpers: every call is a no-op once an error happened ---- */

static void chk(struct gen *g, int r)
{
    if (r < 0 && !g->err)
        g->err = r;
}

static void begin(struct gen *g, const char *name)
{
    if (!g->err)
        chk(g, fdt_begin_node(g->fdt, name));
}

static void end(struct gen *g)
{
    if (!g->err)
        chk(g, fdt_end_node(g->fdt));
}

static void prop_u32(struct gen *g, const char *name, uint32_t v)
{
    if (!g->err)
        chk(g, fdt_property_u32(g->fdt, name, v));
}

static void prop_str(struct gen *g, const char *name, const char *v)
{
    if (!g->err)
        chk(g, fdt_property_string(g->fdt, name, v));
}

static void prop_empty(struct gen *g, const char *name)
{
    if (!g->err)
        chk(g, fdt_property(g->fdt, name, NULL, 0));
}

/* A string list ("a\0b\0"), as compatible properties are. */
static void prop_strs(struct gen *g, const char *name, const char *const *list)
{
    char buf[256];
    size_t n = 0;
    for (unsigned i = 0; list[i]; i++) {
        size_t l = strlen(list[i]) + 1;
        if (n + l > sizeof(buf))
            break;
        memcpy(buf + n, list[i], l);
        n += l;
    }
    if (!g->err)
        chk(g, fdt_property(g->fdt, name, buf, (int)n));
}

static void prop_cells(struct gen *g, const char *name, const uint32_t *cells, unsigned n)
{
    fdt32_t *be = malloc((n ? n : 1) * sizeof(*be));
    if (!be)
        abort();
    for (unsigned i = 0; i < n; i++)
        be[i] = cpu_to_fdt32(cells[i]);
    if (!g->err)
        chk(g, fdt_property(g->fdt, name, be, (int)(n * sizeof(*be))));
    free(be);
}

/* reg = <base size> with #address-cells = #size-cells = 2. */
static void prop_reg(struct gen *g, uint64_t base, uint64_t size)
{
    uint32_t c[4] = {(uint32_t)(base >> 32), (uint32_t)base, (uint32_t)(size >> 32),
                     (uint32_t)size};
    prop_cells(g, "reg", c, 4);
}

/* ---- wiring ---- */

/* The wire driven by "dev.pin", or NULL. */
static const struct sim_wire *wire_from(const struct sim *sim, const char *dev, const char *pin)
{
    size_t dl = strlen(dev);
    for (unsigned i = 0; i < sim->nwires; i++) {
        const char *f = sim->wires[i].from;
        if (!strncmp(f, dev, dl) && f[dl] == '.' && !strcmp(f + dl + 1, pin))
            return &sim->wires[i];
    }
    return NULL;
}

/* Whether the wire end "name.pin" names `name`; *pin gets the pin. */
static bool end_is(const char *end_name, const char *name, const char **pin)
{
    const char *dot = strchr(end_name, '.');
    size_t n = dot ? (size_t)(dot - end_name) : 0;
    if (!dot || strlen(name) != n || strncmp(name, end_name, n))
        return false;
    *pin = dot + 1;
    return true;
}

/* The index of the hart a wire end names, or -1. */
static int hart_of(const struct sim *sim, const char *end_name, const char **pin)
{
    for (unsigned i = 0; i < sim->nharts; i++)
        if (end_is(end_name, rv_hart_device(sim->harts[i])->name, pin))
            return (int)i;
    return -1;
}

/* The index of the device a wire end names, or -1. */
static int dev_of(const struct sim *sim, const char *end_name, const char **pin)
{
    for (unsigned i = 0; i < sim->ndevs; i++)
        if (end_is(end_name, sim->devs[i].dev->name, pin))
            return (int)i;
    return -1;
}

/* mip bit of a hart input pin (the riscv,cpu-intc interrupt number). */
static uint32_t hart_irq(const char *pin)
{
    static const struct {
        const char *pin;
        uint32_t irq;
    } t[] = {{"ssi", 1}, {"msi", 3}, {"sti", 5}, {"mti", 7}, {"sei", 9}, {"mei", 11}};
    for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++)
        if (!strcmp(t[i].pin, pin))
            return t[i].irq;
    return IRQ_NONE;
}

/* One <intc irq> pair of an interrupts-extended list for output `pin` of device `dev`. An
 * unwired output still takes its slot (the position is the context or hart number) and names
 * the hart of the slot before it, as the FU540 tree does. */
static void ext_pair(struct gen *g, const char *dev, const char *pin, uint32_t *cells,
                     unsigned *n, int *last_hart)
{
    const struct sim_wire *w = wire_from(g->sim, dev, pin);
    const char *tpin;
    int h = w ? hart_of(g->sim, w->to, &tpin) : -1;
    if (h >= 0 && hart_irq(tpin) != IRQ_NONE) {
        cells[(*n)++] = g->intc_ph[h];
        cells[(*n)++] = hart_irq(tpin);
        *last_hart = h;
    } else {
        cells[(*n)++] = g->intc_ph[*last_hart >= 0 ? *last_hart : 0];
        cells[(*n)++] = IRQ_NONE;
    }
}

/* interrupts (+ interrupt-parent) of a device whose output goes to a PLIC input, or
 * interrupts-extended when it goes straight to a hart. */
static void dev_interrupts(struct gen *g, const struct sim_dev *sd)
{
    const struct device *d = sd->dev;
    for (unsigned p = 0; p < d->npins; p++) {
        if (!d->pins[p].output)
            continue;
        const struct sim_wire *w = wire_from(g->sim, d->name, d->pins[p].name);
        if (!w)
            continue;
        const char *tpin;
        int t = dev_of(g->sim, w->to, &tpin);
        int h = t < 0 ? hart_of(g->sim, w->to, &tpin) : -1;
        if (t >= 0 && !strcmp(g->sim->devs[t].dev->type->name, "plic") && g->dev_ph[t]) {
            prop_u32(g, "interrupt-parent", g->dev_ph[t]);
            prop_u32(g, "interrupts", (uint32_t)strtoul(tpin, NULL, 10));
        } else if (h >= 0 && hart_irq(tpin) != IRQ_NONE) {
            uint32_t c[2] = {g->intc_ph[h], hart_irq(tpin)};
            prop_cells(g, "interrupts-extended", c, 2);
        }
        return; /* one interrupt line per node: what the device types here have */
    }
}

static uint64_t param_u64(const struct sim_dev *sd, const char *name, uint64_t def)
{
    const union param_value *v = sim_dev_param(sd, name);
    return v ? v->u : def;
}

static bool is_type(const struct sim_dev *sd, const char *type)
{
    return !strcmp(sd->dev->type->name, type);
}

/* ---- nodes ---- */

static void gen_cpus(struct gen *g)
{
    const struct sim *sim = g->sim;
    char name[40];
    begin(g, "cpus");
    bool wide = false; /* a hart id beyond 32 bits needs two address cells */
    for (unsigned i = 0; i < sim->nharts; i++)
        wide |= rv_hart_id(sim->harts[i]) > UINT32_MAX;
    prop_u32(g, "#address-cells", wide ? 2 : 1);
    prop_u32(g, "#size-cells", 0);
    if (sim->env.timebase_hz <= UINT32_MAX)
        prop_u32(g, "timebase-frequency", (uint32_t)sim->env.timebase_hz);
    else if (!g->err)
        chk(g, fdt_property_u64(g->fdt, "timebase-frequency", sim->env.timebase_hz));
    for (unsigned i = 0; i < sim->nharts; i++) {
        const struct rv_hart *h = sim->harts[i];
        uint64_t id = rv_hart_id(h);
        snprintf(name, sizeof(name), "cpu@%llx", (unsigned long long)id);
        begin(g, name);
        prop_str(g, "device_type", "cpu");
        if (wide) {
            uint32_t c[2] = {(uint32_t)(id >> 32), (uint32_t)id};
            prop_cells(g, "reg", c, 2);
        } else {
            prop_u32(g, "reg", (uint32_t)id);
        }
        prop_str(g, "status", "okay");
        prop_str(g, "compatible", "riscv");
        prop_str(g, "riscv,isa", rv_hart_isa(h));
        if (rv_hart_mmu_type(h))
            prop_str(g, "mmu-type", rv_hart_mmu_type(h));
        prop_u32(g, "phandle", g->cpu_ph[i]);
        begin(g, "interrupt-controller");
        /* QEMU leaves #address-cells out and dtc warns about it; Linux's own trees have it. */
        prop_u32(g, "#address-cells", 0);
        prop_u32(g, "#interrupt-cells", 1);
        prop_empty(g, "interrupt-controller");
        prop_str(g, "compatible", "riscv,cpu-intc");
        prop_u32(g, "phandle", g->intc_ph[i]);
        end(g);
        end(g);
    }
    /* One cluster of single-thread cores, as QEMU describes a socket. */
    begin(g, "cpu-map");
    begin(g, "cluster0");
    for (unsigned i = 0; i < sim->nharts; i++) {
        snprintf(name, sizeof(name), "core%u", i);
        begin(g, name);
        prop_u32(g, "cpu", g->cpu_ph[i]);
        end(g);
    }
    end(g);
    end(g);
    end(g);
}

static void gen_clint(struct gen *g, const struct sim_dev *sd)
{
    char name[40];
    snprintf(name, sizeof(name), "clint@%llx", (unsigned long long)sd->base);
    begin(g, name);
    static const char *const compat[] = {"sifive,clint0", "riscv,clint0", NULL};
    prop_strs(g, "compatible", compat);
    prop_reg(g, sd->base, sd->size);
    unsigned nh = (unsigned)param_u64(sd, "harts", 1), n = 0;
    uint32_t *cells = malloc(4 * nh * sizeof(*cells));
    if (!cells)
        abort();
    int last = -1;
    for (unsigned k = 0; k < nh; k++) {
        char pin[24];
        snprintf(pin, sizeof(pin), "msip%u", k);
        ext_pair(g, sd->dev->name, pin, cells, &n, &last);
        snprintf(pin, sizeof(pin), "mtip%u", k);
        ext_pair(g, sd->dev->name, pin, cells, &n, &last);
    }
    prop_cells(g, "interrupts-extended", cells, n);
    free(cells);
    end(g);
}

static void gen_plic(struct gen *g, const struct sim_dev *sd, uint32_t phandle)
{
    char name[40];
    snprintf(name, sizeof(name), "plic@%llx", (unsigned long long)sd->base);
    begin(g, name);
    prop_u32(g, "phandle", phandle);
    prop_u32(g, "riscv,ndev", (uint32_t)param_u64(sd, "sources", 0));
    prop_reg(g, sd->base, sd->size);
    unsigned nc = (unsigned)param_u64(sd, "contexts", 0), n = 0;
    uint32_t *cells = malloc((2 * nc + 1) * sizeof(*cells));
    if (!cells)
        abort();
    int last = -1;
    for (unsigned c = 0; c < nc; c++) {
        char pin[24];
        snprintf(pin, sizeof(pin), "ctx%u", c);
        ext_pair(g, sd->dev->name, pin, cells, &n, &last);
    }
    prop_cells(g, "interrupts-extended", cells, n);
    free(cells);
    prop_empty(g, "interrupt-controller");
    static const char *const compat[] = {"sifive,plic-1.0.0", "riscv,plic0", NULL};
    prop_strs(g, "compatible", compat);
    prop_u32(g, "#address-cells", 0);
    prop_u32(g, "#interrupt-cells", 1);
    end(g);
}

static void gen_uart(struct gen *g, const struct sim_dev *sd)
{
    char name[40];
    snprintf(name, sizeof(name), "serial@%llx", (unsigned long long)sd->base);
    begin(g, name);
    dev_interrupts(g, sd);
    prop_u32(g, "clock-frequency", (uint32_t)param_u64(sd, "clock", 3686400));
    prop_reg(g, sd->base, sd->size);
    if (param_u64(sd, "reg_shift", 0))
        prop_u32(g, "reg-shift", (uint32_t)param_u64(sd, "reg_shift", 0));
    prop_str(g, "compatible", "ns16550a");
    end(g);
}

static void gen_test(struct gen *g, const struct sim_dev *sd, uint32_t phandle)
{
    char name[40];
    snprintf(name, sizeof(name), "test@%llx", (unsigned long long)sd->base);
    begin(g, name);
    prop_u32(g, "phandle", phandle);
    prop_reg(g, sd->base, sd->size);
    static const char *const compat[] = {"sifive,test1", "sifive,test0", "syscon", NULL};
    prop_strs(g, "compatible", compat);
    end(g);
}

/* Poweroff and reboot through the finisher's register, as QEMU's virt tree says them. */
static void gen_syscon(struct gen *g, const char *node, const char *compat, uint32_t value,
                       uint32_t regmap)
{
    begin(g, node);
    prop_u32(g, "value", value);
    prop_u32(g, "offset", 0);
    prop_u32(g, "regmap", regmap);
    prop_str(g, "compatible", compat);
    end(g);
}

static int cmp_dev_base(const void *a, const void *b)
{
    const struct sim_dev *x = *(const struct sim_dev *const *)a;
    const struct sim_dev *y = *(const struct sim_dev *const *)b;
    return x->base < y->base ? -1 : x->base > y->base;
}

static void gen_tree(struct gen *g, const char *bootargs)
{
    const struct sim *sim = g->sim;
    char name[64], compat[128];
    const struct sim_dev **soc = malloc((sim->ndevs + 1) * sizeof(*soc));
    if (!soc)
        abort();
    unsigned nsoc = 0;
    const struct sim_dev *console = NULL, *test = NULL;
    uint32_t test_ph = 0;
    for (unsigned i = 0; i < sim->ndevs; i++) {
        const struct sim_dev *sd = &sim->devs[i];
        if (!sd->mapped)
            continue;
        if (is_type(sd, "clint") || is_type(sd, "plic") || is_type(sd, "ns16550") ||
            is_type(sd, "sifive_test"))
            soc[nsoc++] = sd;
        if (is_type(sd, "ns16550") && !console)
            console = sd;
        if (is_type(sd, "sifive_test") && !test) {
            test = sd;
            test_ph = g->dev_ph[i];
        }
    }
    qsort(soc, nsoc, sizeof(*soc), cmp_dev_base);

    chk(g, fdt_finish_reservemap(g->fdt));
    begin(g, "");
    prop_u32(g, "#address-cells", 2);
    prop_u32(g, "#size-cells", 2);
    snprintf(compat, sizeof(compat), "socsim,%s", sim->name ? sim->name : "platform");
    prop_str(g, "compatible", compat);
    prop_str(g, "model", compat);

    begin(g, "chosen");
    if (bootargs)
        prop_str(g, "bootargs", bootargs);
    if (console) {
        snprintf(name, sizeof(name), "/soc/serial@%llx", (unsigned long long)console->base);
        prop_str(g, "stdout-path", name);
    }
    end(g);

    gen_cpus(g);

    for (unsigned i = 0; i < sim->ndevs; i++) {
        const struct sim_dev *sd = &sim->devs[i];
        if (!sd->mapped || !is_type(sd, "ram"))
            continue;
        snprintf(name, sizeof(name), "memory@%llx", (unsigned long long)sd->base);
        begin(g, name);
        prop_str(g, "device_type", "memory");
        prop_reg(g, sd->base, sd->size);
        end(g);
    }

    begin(g, "soc");
    prop_u32(g, "#address-cells", 2);
    prop_u32(g, "#size-cells", 2);
    prop_str(g, "compatible", "simple-bus");
    prop_empty(g, "ranges");
    for (unsigned k = 0; k < nsoc; k++) {
        const struct sim_dev *sd = soc[k];
        uint32_t ph = g->dev_ph[sd - sim->devs];
        if (is_type(sd, "clint"))
            gen_clint(g, sd);
        else if (is_type(sd, "plic"))
            gen_plic(g, sd, ph);
        else if (is_type(sd, "ns16550"))
            gen_uart(g, sd);
        else
            gen_test(g, sd, ph);
    }
    end(g);

    if (test) {
        gen_syscon(g, "poweroff", "syscon-poweroff", 0x5555, test_ph);
        gen_syscon(g, "reboot", "syscon-reboot", 0x7777, test_ph);
    }
    end(g);
    if (!g->err)
        chk(g, fdt_finish(g->fdt));
    free(soc);
}

int dtb_generate(const struct sim *sim, const char *bootargs, void **blob, size_t *size,
                 char *err, size_t errlen)
{
    struct gen g = {.sim = sim};
    g.cpu_ph = calloc(sim->nharts + 1, sizeof(*g.cpu_ph));
    g.intc_ph = calloc(sim->nharts + 1, sizeof(*g.intc_ph));
    g.dev_ph = calloc(sim->ndevs + 1, sizeof(*g.dev_ph));
    if (!g.cpu_ph || !g.intc_ph || !g.dev_ph)
        abort();
    /* Phandles in a fixed order, so the same platform always gives the same bytes. */
    uint32_t ph = 1;
    for (unsigned i = 0; i < sim->nharts; i++) {
        g.cpu_ph[i] = ph++;
        g.intc_ph[i] = ph++;
    }
    for (unsigned i = 0; i < sim->ndevs; i++)
        if (sim->devs[i].mapped && (is_type(&sim->devs[i], "plic") ||
                                    is_type(&sim->devs[i], "sifive_test")))
            g.dev_ph[i] = ph++;

    int r = -1;
    size_t cap = 16384 + 1024 * (size_t)sim->nharts + (bootargs ? strlen(bootargs) : 0);
    for (;;) {
        g.fdt = malloc(cap);
        if (!g.fdt)
            abort();
        g.err = fdt_create(g.fdt, (int)cap);
        if (g.err > 0)
            g.err = 0;
        gen_tree(&g, bootargs);
        if (g.err != -FDT_ERR_NOSPACE)
            break;
        free(g.fdt);
        cap *= 2;
    }
    if (g.err) {
        snprintf(err, errlen, "cannot build the device tree: %s", fdt_strerror(g.err));
        free(g.fdt);
    } else {
        *size = fdt_totalsize(g.fdt);
        *blob = g.fdt;
        r = 0;
    }
    free(g.cpu_ph);
    free(g.intc_ph);
    free(g.dev_ph);
    return r;
}

int dtb_read_file(const char *path, const char *bootargs, void **blob, size_t *size, char *err,
                  size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "--dtb %s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        abort();
    for (;;) {
        if (n == cap) {
            if (cap >= MAX_DTB_FILE)
                break;
            cap *= 2;
            char *b = realloc(buf, cap);
            if (!b)
                abort();
            buf = b;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        if (!got)
            break;
        n += got;
    }
    bool bad_read = ferror(f);
    fclose(f);
    int e = 0;
    if (bad_read) {
        snprintf(err, errlen, "--dtb %s: read error", path);
        goto bad;
    }
    if (n < sizeof(struct fdt_header) || (e = fdt_check_header(buf)) != 0 ||
        fdt_totalsize(buf) > n) {
        snprintf(err, errlen, "--dtb %s: not a device tree blob (%s)", path,
                 n < sizeof(struct fdt_header) ? "shorter than a header"
                 : fdt_totalsize(buf) > n && fdt_magic(buf) == FDT_MAGIC ? "truncated"
                                                                         : fdt_strerror(e));
        goto bad;
    }
    size_t total = fdt_totalsize(buf);
    if (bootargs) {
        size_t room = total + strlen(bootargs) + 256;
        char *out = malloc(room);
        if (!out)
            abort();
        int off;
        if ((e = fdt_open_into(buf, out, (int)room)) < 0 ||
            ((off = fdt_path_offset(out, "/chosen")) < 0 &&
             (off = e = fdt_add_subnode(out, 0, "chosen")) < 0) ||
            (e = fdt_setprop_string(out, off, "bootargs", bootargs)) < 0 ||
            (e = fdt_pack(out)) < 0) {
            snprintf(err, errlen, "--dtb %s: cannot set /chosen/bootargs: %s", path,
                     fdt_strerror(e));
            free(out);
            goto bad;
        }
        free(buf);
        buf = out;
        total = fdt_totalsize(buf);
    }
    *blob = buf;
    *size = total;
    return 0;
bad:
    free(buf);
    return -1;
}

uint64_t dtb_place(uint64_t ram_base, uint64_t ram_size, size_t size)
{
    const uint64_t limit = 3072ull << 20, align = 2ull << 20;
    uint64_t end = ram_base + ram_size;
    uint64_t top = ram_base < limit && end > limit ? limit : end;
    if (size > top - ram_base)
        return 0;
    uint64_t addr = (top - size) & ~(align - 1);
    return addr < ram_base ? 0 : addr;
}
