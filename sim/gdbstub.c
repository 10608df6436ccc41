/* The GDB front end (docs/gdb.md): implements gdb/'s target operations on a struct sim and
 * drives the run loop for the debugger. Threads are harts (thread n = hart n-1); all-stop:
 * a stop halts every hart, and simulated time stands still while halted. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gdb/gdb.h"
#include "models/cpu/riscv/rv.h"
#include "models/cpu/riscv/rv_insn.h" /* register and CSR names */
#include "sim/gdbstub.h"

struct bp {
    enum gdb_bp_type type;
    uint64_t addr, len;
};

struct gdbstub {
    struct sim *sim;
    struct gdb_server *srv;
    const struct gdbstub_options *opt;
    bool step_irq;       /* monitor step-irq: a single step may enter a pending handler */
    bool was_connected;
    bool interrupted;    /* Ctrl-C arrived while running */
    bool killed;
    uint64_t last_poll;  /* simulated time of the last look at the socket while running */
    struct bp *bps;
    unsigned nbps, capbps;
    uint64_t *bp_addrs;  /* what the harts see */
    struct rv_watch *wps;
    struct rv_debug_set set;
    char *target_xml;
    char *memmap_xml;
    unsigned nregs_xml;
};

/* ---- text buffers ---- */

struct buf {
    char *s;
    size_t len, cap;
};

static void bprintf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void bprintf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0)
            return;
        if (b->s && b->len + (size_t)n < b->cap) {
            b->len += (size_t)n;
            return;
        }
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap < b->len + (size_t)n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p)
            abort();
        b->s = p;
        b->cap = cap;
    }
}

/* ---- target description ---- */

static struct rv_hart *hart_of(struct gdbstub *g, unsigned thread)
{
    struct sim *sim = g->sim;
    return thread >= 1 && thread <= sim->nharts ? sim->harts[thread - 1] : sim->harts[0];
}

static void build_target_xml(struct gdbstub *g)
{
    struct rv_hart *h = g->sim->harts[0];
    unsigned xlen = rv_hart_xlen(h);
    bool has_d;
    bool has_f = rv_hart_has_fp(h, &has_d);
    struct buf b = {0};
    bprintf(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
                "<target version=\"1.0\">\n<architecture>riscv:rv%u</architecture>\n", xlen);
    bprintf(&b, "<feature name=\"org.gnu.gdb.riscv.cpu\">\n");
    for (unsigned i = 0; i < 32; i++)
        bprintf(&b, "  <reg name=\"%s\" bitsize=\"%u\" type=\"%s\" regnum=\"%u\"/>\n",
                rv_reg_names[i], xlen, i == 1 ? "code_ptr" : i == 2 || i == 8 ? "data_ptr" : "int",
                i);
    bprintf(&b, "  <reg name=\"pc\" bitsize=\"%u\" type=\"code_ptr\" regnum=\"%u\"/>\n</feature>\n",
            xlen, RV_GDB_PC);
    if (has_f) {
        bprintf(&b, "<feature name=\"org.gnu.gdb.riscv.fpu\">\n");
        if (has_d)
            bprintf(&b, "  <union id=\"riscv_double\"><field name=\"float\" type=\"ieee_single\"/>"
                        "<field name=\"double\" type=\"ieee_double\"/></union>\n");
        for (unsigned i = 0; i < 32; i++)
            bprintf(&b, "  <reg name=\"%s\" bitsize=\"%u\" type=\"%s\" regnum=\"%u\"/>\n",
                    rv_freg_names[i], has_d ? 64 : 32, has_d ? "riscv_double" : "ieee_single",
                    RV_GDB_F0 + i);
        static const char *const fcsrs[] = {"fflags", "frm", "fcsr"};
        for (unsigned i = 0; i < 3; i++)
            bprintf(&b, "  <reg name=\"%s\" bitsize=\"32\" type=\"int\" regnum=\"%u\"/>\n",
                    fcsrs[i], RV_GDB_CSR0 + 1 + i);
        bprintf(&b, "</feature>\n");
    }
    /* Exactly the CSRs this hart implements (the FP ones are in the fpu feature). */
    bprintf(&b, "<feature name=\"org.gnu.gdb.riscv.csr\">\n");
    for (unsigned csr = 4; csr < 4096; csr++) {
        if (!rv_hart_has_csr(h, csr))
            continue;
        const char *name = rv_csr_name(csr);
        char tmp[32];
        if (!name) {
            snprintf(tmp, sizeof(tmp), "csr%u", csr);
            name = tmp;
        }
        bprintf(&b, "  <reg name=\"%s\" bitsize=\"%u\" type=\"int\" regnum=\"%u\" group=\"csr\"/>\n",
                name, xlen, RV_GDB_CSR0 + csr);
    }
    bprintf(&b, "</feature>\n<feature name=\"org.gnu.gdb.riscv.virtual\">\n"
                "  <reg name=\"priv\" bitsize=\"%u\" type=\"int\" regnum=\"%u\"/>\n</feature>\n"
                "</target>\n",
            xlen, RV_GDB_PRIV);
    g->target_xml = b.s;
}

/* RAM, and device regions as plain memory (so x/ reaches device registers); ROM as flash, so
 * GDB's `load` writes it (through the flash packets) and uses hardware breakpoints there. */
static void build_memmap_xml(struct gdbstub *g)
{
    const struct bus *bus = &g->sim->bus;
    struct buf b = {0};
    bprintf(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE memory-map PUBLIC \"+//IDN gnu.org//DTD "
                "GDB Memory Map V1.0//EN\" \"http://sourceware.org/gdb/gdb-memory-map.dtd\">\n"
                "<memory-map>\n");
    for (unsigned i = 0; i < bus->n; i++) {
        const struct bus_region *r = &bus->r[i];
        if (r->host && !r->writable)
            bprintf(&b, "  <memory type=\"flash\" start=\"0x%" PRIx64 "\" length=\"0x%" PRIx64
                        "\">\n    <property name=\"blocksize\">0x1000</property>\n  </memory>\n",
                    r->base, r->size);
        else
            bprintf(&b, "  <memory type=\"ram\" start=\"0x%" PRIx64 "\" length=\"0x%" PRIx64 "\"/>\n",
                    r->base, r->size);
    }
    bprintf(&b, "</memory-map>\n");
    g->memmap_xml = b.s;
}

/* ---- target operations ---- */

static unsigned op_thread_count(void *t)
{
    return ((struct gdbstub *)t)->sim->nharts;
}

static const char *const priv_names[] = {"U-mode", "S-mode", "?", "M-mode"};

static void op_thread_info(void *t, unsigned thread, char *buf, size_t size)
{
    struct gdbstub *g = t;
    struct rv_hart *h = hart_of(g, thread);
    snprintf(buf, size, "hart %" PRIu64 ", %s, %s", rv_hart_id(h), priv_names[rv_hart_priv(h) & 3],
             rv_hart_waiting(h) ? "wfi" : "running");
}

static const char *op_target_xml(void *t, const char *annex)
{
    struct gdbstub *g = t;
    return !strcmp(annex, "target.xml") ? g->target_xml : NULL;
}

static unsigned op_reg_count(void *t)
{
    (void)t;
    /* g/G carry x0-x31 and pc, as QEMU's do; the FP registers and CSRs go through p/P, so a
     * stop does not cost a read of every CSR. */
    return RV_GDB_PC + 1;
}

static unsigned reg_size(struct gdbstub *g, struct rv_hart *h, unsigned regnum)
{
    bool has_d;
    if (regnum >= RV_GDB_F0 && regnum < RV_GDB_F0 + 32)
        return rv_hart_has_fp(h, &has_d) ? (has_d ? 8 : 4) : 0;
    if (regnum >= RV_GDB_CSR0 + 1 && regnum <= RV_GDB_CSR0 + 3)
        return 4;
    (void)g;
    return rv_hart_xlen(h) / 8;
}

static int op_read_reg(void *t, unsigned thread, unsigned regnum, uint8_t *buf, size_t bufsize)
{
    struct gdbstub *g = t;
    struct rv_hart *h = hart_of(g, thread);
    uint64_t v;
    if (!rv_hart_debug_read(h, regnum, &v))
        return -1;
    unsigned n = reg_size(g, h, regnum);
    if (n == 0 || n > bufsize)
        return -1;
    for (unsigned k = 0; k < n; k++)
        buf[k] = (uint8_t)(v >> (8 * k));
    return (int)n;
}

static int op_write_reg(void *t, unsigned thread, unsigned regnum, const uint8_t *buf, size_t len)
{
    struct gdbstub *g = t;
    struct rv_hart *h = hart_of(g, thread);
    uint64_t v = 0;
    for (size_t k = 0; k < len && k < 8; k++)
        v |= (uint64_t)buf[k] << (8 * k);
    return rv_hart_debug_write(h, regnum, v) ? 0 : -1;
}

/* Memory through the thread's translation; RAM/ROM without side effects, device registers
 * with a real access (docs/gdb.md says what that means for reads). */
static size_t mem_access(struct gdbstub *g, unsigned thread, uint64_t addr, uint8_t *rbuf,
                         const uint8_t *wbuf, size_t len)
{
    struct rv_hart *h = hart_of(g, thread);
    struct bus *bus = &g->sim->bus;
    size_t done = 0;
    while (done < len) {
        uint64_t va = addr + done, pa;
        if (!rv_hart_debug_translate(h, va, &pa))
            break;
        size_t chunk = 4096 - (va & 4095);
        if (chunk > len - done)
            chunk = len - done;
        const struct bus_region *r = bus_find(bus, pa);
        if (!r)
            break;
        if (r->host) {
            if (pa + chunk > r->base + r->size)
                chunk = r->base + r->size - pa;
            size_t n = rbuf ? bus_peek(bus, pa, rbuf + done, chunk)
                            : bus_poke(bus, pa, wbuf + done, chunk);
            done += n;
            if (n < chunk)
                break;
            continue;
        }
        /* A device: one access of the natural size when aligned, else bytes. */
        unsigned size = 1;
        for (unsigned s = 8; s > 1; s /= 2)
            if (chunk >= s && !(pa & (s - 1))) {
                size = s;
                break;
            }
        uint64_t v = 0;
        enum bus_status st;
        if (rbuf) {
            st = bus_read(bus, pa, size, &v);
            if (st && size > 1) {
                size = 1;
                st = bus_read(bus, pa, 1, &v);
            }
            if (st)
                break;
            for (unsigned k = 0; k < size; k++)
                rbuf[done + k] = (uint8_t)(v >> (8 * k));
        } else {
            for (unsigned k = 0; k < size; k++)
                v |= (uint64_t)wbuf[done + k] << (8 * k);
            st = bus_write(bus, pa, size, v);
            if (st && size > 1) {
                size = 1;
                st = bus_write(bus, pa, 1, wbuf[done]);
            }
            if (st)
                break;
        }
        done += size;
    }
    return done;
}

static size_t op_read_mem(void *t, unsigned thread, uint64_t addr, uint8_t *buf, size_t len)
{
    struct gdbstub *g = t;
    g->sim->debugger_access = true;
    size_t n = mem_access(g, thread, addr, buf, NULL, len);
    g->sim->debugger_access = false;
    return n;
}

static size_t op_write_mem(void *t, unsigned thread, uint64_t addr, const uint8_t *buf,
                           size_t len)
{
    struct gdbstub *g = t;
    g->sim->debugger_access = true;
    size_t n = mem_access(g, thread, addr, NULL, buf, len);
    g->sim->debugger_access = false;
    return n;
}

static const char *op_memory_map_xml(void *t)
{
    return ((struct gdbstub *)t)->memmap_xml;
}

/* The harts get the breakpoint addresses and watch ranges again after every change. */
static void publish(struct gdbstub *g)
{
    unsigned nb = 0, nw = 0;
    for (unsigned i = 0; i < g->nbps; i++) {
        const struct bp *p = &g->bps[i];
        if (p->type == GDB_BP_SW || p->type == GDB_BP_HW) {
            g->bp_addrs[nb++] = p->addr;
        } else {
            unsigned type = p->type == GDB_WP_WRITE ? RV_WATCH_WRITE
                          : p->type == GDB_WP_READ ? RV_WATCH_READ
                          : RV_WATCH_READ | RV_WATCH_WRITE;
            g->wps[nw++] = (struct rv_watch){p->addr, p->len ? p->len : 1, type};
        }
    }
    g->set = (struct rv_debug_set){g->bp_addrs, nb, g->wps, nw};
    for (unsigned i = 0; i < g->sim->nharts; i++)
        rv_hart_set_debug(g->sim->harts[i], &g->set);
}

static int op_insert_bp(void *t, enum gdb_bp_type type, uint64_t addr, uint64_t kind)
{
    struct gdbstub *g = t;
    if (type > GDB_WP_ACCESS)
        return 1;
    if (g->nbps == g->capbps) {
        unsigned cap = g->capbps ? g->capbps * 2 : 16;
        struct bp *nb = realloc(g->bps, cap * sizeof(*nb));
        uint64_t *na = realloc(g->bp_addrs, cap * sizeof(*na));
        struct rv_watch *nw = realloc(g->wps, cap * sizeof(*nw));
        if (!nb || !na || !nw)
            abort();
        g->bps = nb;
        g->bp_addrs = na;
        g->wps = nw;
        g->capbps = cap;
    }
    g->bps[g->nbps++] = (struct bp){type, addr, kind};
    publish(g);
    return 0;
}

static int op_remove_bp(void *t, enum gdb_bp_type type, uint64_t addr, uint64_t kind)
{
    struct gdbstub *g = t;
    for (unsigned i = 0; i < g->nbps; i++) {
        struct bp *p = &g->bps[i];
        if (p->type == type && p->addr == addr && (type <= GDB_BP_HW || p->len == kind)) {
            g->bps[i] = g->bps[--g->nbps];
            publish(g);
            return 0;
        }
    }
    return -1;
}

/* ---- monitor commands ---- */

struct out {
    void (*fn)(void *ctx, const char *text);
    void *ctx;
};

static void oprintf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void oprintf(struct out *o, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    o->fn(o->ctx, line);
}

static const char monitor_help[] =
    "socsim monitor commands:\n"
    "  help                  this list\n"
    "  reset [halt]          reset the SoC (reload images and device tree); the harts wait\n"
    "                        at the reset vector until you continue (GDB only issues\n"
    "                        monitor commands while the target is halted, so both\n"
    "                        spellings halt; run 'flushregs' to refresh GDB's view)\n"
    "  info devices          every device: name, type, base, size\n"
    "  info mem              the memory map: RAM, ROM, devices\n"
    "  regs DEVICE           the device's registers: every offset of its first 256 bytes\n"
    "                        that answers a read of the device's narrowest access size\n"
    "                        (reading has the device's side effects, e.g. the UART's\n"
    "                        receive register gives up a byte)\n"
    "  stats                 instructions, cycles and simulated time so far\n"
    "  step-irq [on|off]     whether a single step enters a pending interrupt handler\n"
    "                        (default off, like QEMU)\n";

static const struct sim_dev *find_dev(struct sim *sim, const char *name)
{
    for (unsigned i = 0; i < sim->ndevs; i++)
        if (!strcmp(sim->devs[i].dev->name, name))
            return &sim->devs[i];
    return NULL;
}

static int op_monitor(void *t, const char *cmd, void (*outfn)(void *ctx, const char *text),
                      void *ctx)
{
    struct gdbstub *g = t;
    struct sim *sim = g->sim;
    struct out o = {outfn, ctx};
    char word[4][64] = {{0}};
    int n = sscanf(cmd, "%63s %63s %63s %63s", word[0], word[1], word[2], word[3]);
    if (n <= 0 || !strcmp(word[0], "help")) {
        o.fn(o.ctx, monitor_help); /* longer than oprintf's line buffer */
        return 0;
    }
    if (!strcmp(word[0], "reset") && (n == 1 || (n == 2 && !strcmp(word[1], "halt")))) {
        if (sim_reset(sim)) {
            oprintf(&o, "reset failed\n");
            return -1;
        }
        oprintf(&o, "reset: every hart at 0x%" PRIx64 "%s\n", sim_pc(sim),
                n == 2 ? ", halted" : "");
        return 0;
    }
    if (!strcmp(word[0], "info") && n == 2 && !strcmp(word[1], "devices")) {
        oprintf(&o, "%-12s %-12s %-18s %s\n", "name", "type", "base", "size");
        for (unsigned i = 0; i < sim->ndevs; i++) {
            const struct sim_dev *d = &sim->devs[i];
            if (d->mapped)
                oprintf(&o, "%-12s %-12s 0x%016" PRIx64 " 0x%" PRIx64 "\n", d->dev->name,
                        d->dev->type->name, d->base, d->size);
            else
                oprintf(&o, "%-12s %-12s %-18s -\n", d->dev->name, d->dev->type->name,
                        "(not mapped)");
        }
        return 0;
    }
    if (!strcmp(word[0], "info") && n == 2 && !strcmp(word[1], "mem")) {
        for (unsigned i = 0; i < sim->bus.n; i++) {
            const struct bus_region *r = &sim->bus.r[i];
            oprintf(&o, "0x%016" PRIx64 "-0x%016" PRIx64 " %s %s\n", r->base,
                    r->base + r->size - 1, !r->host ? "device" : r->writable ? "ram   " : "rom   ",
                    r->dev ? r->dev->name : "");
        }
        return 0;
    }
    if (!strcmp(word[0], "regs") && n == 2) {
        const struct sim_dev *d = find_dev(sim, word[1]);
        if (!d || !d->mapped) {
            oprintf(&o, "no mapped device '%s' (monitor info devices lists them)\n", word[1]);
            return -1;
        }
        uint64_t len = d->size < 0x100 ? d->size : 0x100;
        unsigned size = 8;
        for (unsigned s = 1; s <= 8; s *= 2)
            if (d->dev->type->access_sizes & s) {
                size = s;
                break;
            }
        sim->debugger_access = true;
        for (uint64_t off = 0; off < len; off += size) {
            uint64_t v;
            if (bus_read(&sim->bus, d->base + off, size, &v) == BUS_OK)
                oprintf(&o, "  +0x%03" PRIx64 ": 0x%0*" PRIx64 "\n", off, (int)size * 2, v);
        }
        sim->debugger_access = false;
        return 0;
    }
    if (!strcmp(word[0], "stats") && n == 1) {
        uint64_t insns = 0, cycles = 0;
        for (unsigned i = 0; i < sim->nharts; i++) {
            insns += rv_hart_instret(sim->harts[i]);
            cycles += rv_hart_cycles(sim->harts[i]);
        }
        oprintf(&o, "instructions: %" PRIu64 "\ncycles: %" PRIu64 "\nsimulated time: %.9f s\n",
                insns, cycles, (double)sim->clock.now / (double)PS_PER_SEC);
        return 0;
    }
    if (!strcmp(word[0], "step-irq") && n <= 2) {
        if (n == 2 && strcmp(word[1], "on") && strcmp(word[1], "off")) {
            oprintf(&o, "step-irq takes 'on' or 'off'\n");
            return -1;
        }
        if (n == 2)
            g->step_irq = !strcmp(word[1], "on");
        oprintf(&o, "step-irq is %s\n", g->step_irq ? "on" : "off");
        return 0;
    }
    oprintf(&o, "unknown monitor command '%s' (monitor help lists them)\n", cmd);
    return -1;
}

static const struct gdb_target_ops ops = {
    .thread_count = op_thread_count,
    .thread_info = op_thread_info,
    .target_xml = op_target_xml,
    .reg_count = op_reg_count,
    .read_reg = op_read_reg,
    .write_reg = op_write_reg,
    .read_mem = op_read_mem,
    .write_mem = op_write_mem,
    .memory_map_xml = op_memory_map_xml,
    .insert_bp = op_insert_bp,
    .remove_bp = op_remove_bp,
    .monitor = op_monitor,
};

/* ---- run control ---- */

/* Called by the engine once per quantum while the target runs. */
static bool poll_while_running(void *opaque)
{
    struct gdbstub *g = opaque;
    /* Once per millisecond of simulated time at most (several harts run 10 us quanta): a
     * system call per quantum would show in the run speed. */
    if (g->sim->clock.now - g->last_poll < PS_PER_SEC / 1000)
        return false;
    g->last_poll = g->sim->clock.now;
    struct gdb_resume res;
    enum gdb_event ev = gdb_server_poll(g->srv, false, &res);
    bool connected = gdb_server_connected(g->srv);
    bool new_client = connected && !g->was_connected;
    g->was_connected = connected;
    switch (ev) {
    case GDB_EV_INTERRUPT:
        g->interrupted = true;
        return true;
    case GDB_EV_KILL:
        g->killed = true;
        return true;
    default:
        break;
    }
    return new_client; /* a client that connects to a running target finds it halted */
}

static bool bp_kind_at(const struct gdbstub *g, uint64_t pc, enum gdb_bp_type *type)
{
    for (unsigned i = 0; i < g->nbps; i++)
        if ((g->bps[i].type == GDB_BP_SW || g->bps[i].type == GDB_BP_HW) && g->bps[i].addr == pc) {
            *type = g->bps[i].type;
            return true;
        }
    return false;
}

static struct gdb_stop stop_for_hit(const struct gdbstub *g, unsigned hart,
                                    const struct rv_debug_hit *hit)
{
    struct gdb_stop s = {.kind = GDB_STOP_SIGNAL, .signal = 5, .thread = hart + 1};
    if (hit->kind == RV_HIT_BREAKPOINT) {
        enum gdb_bp_type t = GDB_BP_SW;
        bp_kind_at(g, hit->addr, &t);
        s.kind = t == GDB_BP_HW ? GDB_STOP_HWBREAK : GDB_STOP_SWBREAK;
    } else if (hit->kind == RV_HIT_WATCH) {
        s.kind = GDB_STOP_WATCH;
        s.watch_addr = hit->addr;
        /* Report the kind of watchpoint GDB set on that address. */
        s.watch_type = hit->type == RV_WATCH_WRITE ? GDB_WP_WRITE : GDB_WP_READ;
        for (unsigned i = 0; i < g->nbps; i++)
            if (g->bps[i].type >= GDB_WP_WRITE && g->bps[i].addr == hit->addr) {
                s.watch_type = g->bps[i].type;
                break;
            }
    }
    return s;
}

/* Resume as GDB asked and return how the target stopped; *end is set when the run is over. */
static struct gdb_stop resume(struct gdbstub *g, const struct gdb_resume *res, bool *end,
                              enum sim_status *status)
{
    struct sim *sim = g->sim;
    struct gdb_stop stop = {.kind = GDB_STOP_SIGNAL, .signal = 5, .thread = 1};
    /* A step (all-stop: the other harts stay where they are for its one instruction). */
    for (unsigned t = 1; t <= sim->nharts && t <= res->nthreads; t++) {
        if (res->action[t] != GDB_ACT_STEP)
            continue;
        struct rv_hart *h = sim->harts[t - 1];
        enum rv_stop why = rv_hart_debug_step(h, g->step_irq);
        stop.thread = t;
        if (why == RV_DEBUG) {
            struct rv_debug_hit hit = rv_hart_debug_hit(h);
            stop = stop_for_hit(g, t - 1, &hit);
        }
        return stop;
    }
    /* Continue: harts sitting on a breakpoint first step over it. */
    for (unsigned i = 0; i < sim->nharts; i++) {
        struct rv_hart *h = sim->harts[i];
        enum gdb_bp_type t;
        if (!rv_hart_waiting(h) && bp_kind_at(g, rv_hart_pc(h), &t) &&
            rv_hart_debug_step(h, true) == RV_DEBUG) {
            struct rv_debug_hit hit = rv_hart_debug_hit(h);
            return stop_for_hit(g, i, &hit);
        }
    }
    g->interrupted = false;
    g->was_connected = gdb_server_connected(g->srv);
    enum sim_status st = sim_run(sim);
    switch (st) {
    case SIM_DEBUG:
        return stop_for_hit(g, sim->debug_hart, &sim->debug_hit);
    case SIM_PAUSED:
        if (g->killed) {
            *end = true;
            *status = SIM_EXITED;
            sim->exit_code = 0;
            return stop;
        }
        stop.signal = g->interrupted ? 2 : 5;
        return stop;
    case SIM_EXITED:
        /* The run is over unless the client restarts it (extended-remote `run`). */
        stop.kind = GDB_STOP_EXITED;
        stop.exit_code = sim->exit_code & 0xff;
        *status = st;
        return stop;
    case SIM_DEADLOCK:
        /* Nothing can wake the harts: show the user where they wait. */
        return stop;
    default: /* limit, or Ctrl-C to socsim itself */
        *end = true;
        *status = st;
        stop.signal = 9; /* SIGKILL: the target is gone */
        return stop;
    }
}

int gdbstub_run(struct sim *sim, const struct gdbstub_options *o, enum sim_status *status)
{
    struct gdbstub g = {.sim = sim, .opt = o};
    char err[256];
    build_target_xml(&g);
    build_memmap_xml(&g);
    g.srv = gdb_server_new(&ops, &g, o->addr, err, sizeof(err));
    if (!g.srv) {
        fprintf(stderr, "socsim: --gdb %s: %s\n", o->addr, err);
        free(g.target_xml);
        free(g.memmap_xml);
        return -1;
    }
    if (!sim->opt.quiet)
        fprintf(stderr, "socsim: gdb server on %s%s\n", gdb_server_address(g.srv),
                o->halt_at_start ? " (halted until gdb continues)" : "");
    sim->opt.debug_poll = poll_while_running;
    sim->opt.debug_opaque = &g;
    bool halted = o->halt_at_start, end = false;
    bool exited = false; /* the firmware ended; a client may still restart it */
    *status = SIM_RUNNING;
    while (!end) {
        if (sim->opt.stop_flag && *sim->opt.stop_flag) {
            *status = SIM_INTERRUPTED;
            break;
        }
        if (!halted) {
            struct gdb_resume all = {.nthreads = sim->nharts};
            for (unsigned t = 1; t <= sim->nharts; t++)
                all.action[t] = GDB_ACT_CONTINUE;
            struct gdb_stop stop = resume(&g, &all, &end, status);
            if (!end || stop.kind == GDB_STOP_EXITED)
                gdb_server_stopped(g.srv, &stop);
            exited = stop.kind == GDB_STOP_EXITED;
            if (exited && !gdb_server_connected(g.srv))
                end = true; /* nobody to restart it */
            halted = true;
            continue;
        }
        struct gdb_resume res;
        enum gdb_event ev = gdb_server_poll(g.srv, true, &res);
        switch (ev) {
        case GDB_EV_RESUME: {
            if (exited) /* nothing to resume: the program is gone */
                break;
            struct gdb_stop stop = resume(&g, &res, &end, status);
            gdb_server_stopped(g.srv, &stop);
            exited = stop.kind == GDB_STOP_EXITED;
            break;
        }
        case GDB_EV_DETACH:
        case GDB_EV_DISCONNECT:
            if (exited)
                end = true; /* `target remote` hangs up after the exit: socsim ends too */
            halted = o->halt_on_detach;
            break;
        case GDB_EV_KILL:
            if (!exited) {
                *status = SIM_EXITED;
                sim->exit_code = 0;
            }
            end = true;
            break;
        case GDB_EV_RESTART: {
            exited = false;
            *status = SIM_RUNNING;
            if (sim_reset(sim)) {
                end = true;
                *status = SIM_EXITED;
                sim->exit_code = 2;
                break;
            }
            struct gdb_stop stop = {.kind = GDB_STOP_SIGNAL, .signal = 5, .thread = 1};
            gdb_server_stopped(g.srv, &stop);
            break;
        }
        default:
            break;
        }
    }
    sim->opt.debug_poll = NULL;
    for (unsigned i = 0; i < sim->nharts; i++)
        rv_hart_set_debug(sim->harts[i], NULL);
    gdb_server_free(g.srv);
    free(g.target_xml);
    free(g.memmap_xml);
    free(g.bps);
    free(g.bp_addrs);
    free(g.wps);
    return 0;
}
