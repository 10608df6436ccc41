/* The engine: builds the simulation from its parts and runs it. Harts run in quanta up to the
 * next event; events fire between quanta; when every hart waits for an interrupt, time jumps
 * straight to the next event. Nothing here depends on host time except --timeout. */
#include "sim.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dtb.h"
#include "elf.h"
#include "models/cpu/riscv/rv.h"
#include "semihost.h"

/* Upper bound on a quantum, so --timeout is checked and harts interleave often enough: with
 * one hart 1 ms of simulated time; with several, 10 µs (1000 instructions at 100 MHz), so a
 * hart spinning on another's progress does not wait long. */
#define QUANTUM_PS (1000ULL * 1000 * 1000)
#define QUANTUM_SMP_PS (10ULL * 1000 * 1000)

static double host_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- services handed to the models (struct sim_env) ---- */

static void console_write(void *owner, const uint8_t *buf, size_t n)
{
    struct sim *sim = owner;
    fwrite(buf, 1, n, sim->out);
    sim->out_dirty = true;
}

static int console_read(void *owner)
{
    struct sim *sim = owner;
    if (sim->stdin_eof)
        return ENV_EOF;
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    if (poll(&p, 1, 0) <= 0)
        return ENV_NO_INPUT;
    unsigned char c;
    ssize_t n = read(STDIN_FILENO, &c, 1);
    if (n == 1)
        return c;
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return ENV_NO_INPUT;
    sim->stdin_eof = true;
    return ENV_EOF;
}

static bool stop_requested(void *owner)
{
    struct sim *sim = owner;
    return sim->opt.stop_flag && *sim->opt.stop_flag;
}

static void kick_all(struct sim *sim)
{
    for (unsigned i = 0; i < sim->nharts; i++)
        rv_hart_kick(sim->harts[i]);
}

static void exit_request(void *owner, int code)
{
    struct sim *sim = owner;
    if (sim->status != SIM_RUNNING)
        return;
    sim->status = SIM_EXITED;
    sim->exit_code = code;
    kick_all(sim);
}

static void reset_request(void *owner)
{
    struct sim *sim = owner;
    sim->reset_pending = true;
    kick_all(sim);
}

static void guest_error(void *owner, const char *msg)
{
    struct sim *sim = owner;
    if (sim->debugger_access)
        return; /* the debugger's own probing is not the guest's doing */
    fflush(sim->out);
    fprintf(stderr, "socsim: guest error: %s\n", msg);
}

static void event_earlier(void *opaque, uint64_t when)
{
    struct sim *sim = opaque;
    sim->clock.deadline = when;
    if (sim->running)
        rv_hart_kick(sim->running);
}

static void code_written(void *opaque, uint64_t addr, uint64_t len)
{
    struct sim *sim = opaque;
    for (unsigned i = 0; i < sim->nharts; i++)
        rv_hart_flush_blocks(sim->harts[i]);
    bus_clear_code(&sim->bus);
}

struct sim *sim_new(void)
{
    struct sim *sim = calloc(1, sizeof(*sim));
    if (!sim)
        abort();
    clock_init(&sim->clock);
    sim->clock.on_earlier = event_earlier;
    sim->clock.on_earlier_opaque = sim;
    bus_init(&sim->bus);
    sim->bus.code_written = code_written;
    sim->bus.code_opaque = sim;
    sim->out = stdout;
    sim->env = (struct sim_env){
        .clock = &sim->clock,
        .timebase_hz = 10000000,
        .owner = sim,
        .console_write = console_write,
        .console_read = console_read,
        .exit_request = exit_request,
        .reset_request = reset_request,
        .guest_error = guest_error,
        .stop_requested = stop_requested,
    };
    symtab_init(&sim->syms);
    return sim;
}

void sim_free(struct sim *sim)
{
    if (!sim)
        return;
    for (unsigned i = 0; i < sim->nharts; i++)
        rv_hart_destroy(sim->harts[i]);
    for (unsigned i = 0; i < sim->ndevs; i++) {
        struct device *d = sim->devs[i].dev;
        const struct param_decl *decls = d->type->params;
        for (unsigned p = 0; sim->devs[i].params && decls[p].name; p++)
            if (decls[p].type == PARAM_STRING)
                free((char *)sim->devs[i].params[p].s);
        free(sim->devs[i].params);
        if (d->type->destroy)
            d->type->destroy(d);
    }
    for (unsigned i = 0; i < sim->nwires; i++) {
        free(sim->wires[i].from);
        free(sim->wires[i].to);
    }
    for (unsigned i = 0; i < sim->nfiles; i++)
        free(sim->files[i]);
    for (unsigned i = 0; i < sim->nfirmware; i++)
        free(sim->firmware[i].path);
    semihost_free(sim->semihost);
    bus_free(&sim->bus);
    clock_free(&sim->clock);
    symtab_free(&sim->syms);
    free(sim->harts);
    free(sim->hart_pos);
    free(sim->devs);
    free(sim->wires);
    free(sim->files);
    free(sim->firmware);
    free(sim->name);
    free(sim->description);
    free(sim->dtb);
    free(sim);
}

static void *grow(void *p, unsigned n, size_t elem)
{
    /* Arrays grow by doubling whenever n reaches a power of two. */
    if (n & (n - 1))
        return p;
    void *q = realloc(p, (n ? n * 2 : 4) * elem);
    if (!q)
        abort();
    return q;
}

void sim_add_hart(struct sim *sim, struct rv_hart *h, struct srcpos pos)
{
    sim->harts = grow(sim->harts, sim->nharts, sizeof(*sim->harts));
    sim->hart_pos = grow(sim->hart_pos, sim->nharts, sizeof(*sim->hart_pos));
    sim->harts[sim->nharts] = h;
    sim->hart_pos[sim->nharts++] = pos;
}

void sim_add_device(struct sim *sim, struct device *dev, bool mapped, uint64_t base,
                    uint64_t size, struct srcpos pos, const struct dev_config *cfg)
{
    union param_value *params = NULL;
    if (cfg) {
        /* The loader's strings die with its tree: keep copies. */
        unsigned n = 0;
        while (cfg->decls[n].name)
            n++;
        params = calloc(n + 1, sizeof(*params));
        if (!params)
            abort();
        for (unsigned i = 0; i < n; i++) {
            params[i] = cfg->values[i];
            if (cfg->decls[i].type == PARAM_STRING && !(params[i].s = strdup(params[i].s)))
                abort();
        }
    }
    sim->devs = grow(sim->devs, sim->ndevs, sizeof(*sim->devs));
    sim->devs[sim->ndevs++] = (struct sim_dev){dev, mapped, base, size, pos, params};
}

const union param_value *sim_dev_param(const struct sim_dev *sd, const char *name)
{
    const struct param_decl *d = sd->dev->type->params;
    for (unsigned i = 0; sd->params && d[i].name; i++)
        if (!strcmp(d[i].name, name))
            return &sd->params[i];
    return NULL;
}

void sim_add_wire(struct sim *sim, const char *from, const char *to, struct srcpos pos)
{
    sim->wires = grow(sim->wires, sim->nwires, sizeof(*sim->wires));
    sim->wires[sim->nwires++] = (struct sim_wire){strdup(from), strdup(to), pos};
}

struct device *sim_find_device(struct sim *sim, const char *name)
{
    for (unsigned i = 0; i < sim->nharts; i++)
        if (!strcmp(rv_hart_device(sim->harts[i])->name, name))
            return rv_hart_device(sim->harts[i]);
    for (unsigned i = 0; i < sim->ndevs; i++)
        if (!strcmp(sim->devs[i].dev->name, name))
            return sim->devs[i].dev;
    return NULL;
}

const char *sim_intern_file(struct sim *sim, const char *path)
{
    for (unsigned i = 0; i < sim->nfiles; i++)
        if (!strcmp(sim->files[i], path))
            return sim->files[i];
    sim->files = grow(sim->files, sim->nfiles, sizeof(*sim->files));
    sim->files[sim->nfiles] = strdup(path);
    return sim->files[sim->nfiles++];
}

/* ---- firmware ---- */

const struct sim_dev *sim_boot_ram(const struct sim *sim)
{
    for (unsigned i = 0; i < sim->ndevs; i++)
        if (sim->devs[i].mapped && !strcmp(sim->devs[i].dev->type->name, "ram"))
            return &sim->devs[i];
    return NULL;
}

static int load_one(struct sim *sim, struct sim_firmware *fw, bool first_time)
{
    char err[512];
    if (fw->raw) {
        uint64_t size;
        if (raw_load(&sim->bus, fw->path, fw->addr, &size, err, sizeof(err))) {
            fprintf(stderr, "socsim: error: %s\n", err);
            return -1;
        }
        if (first_time) {
            fw->lo = fw->addr;
            fw->hi = fw->addr + size;
        }
    } else {
        struct elf_info info = {.want_xlen = sim->nharts ? rv_hart_xlen(sim->harts[0]) : 0};
        if (elf_load(&sim->bus, fw->path, first_time ? &sim->syms : NULL, &info, err,
                     sizeof(err))) {
            fprintf(stderr, "socsim: error: %s\n", err);
            return -1;
        }
        if (first_time) {
            fw->lo = info.lo;
            fw->hi = info.hi;
            fw->addr = info.entry;
        }
    }
    if (first_time) {
        /* The heap SYS_HEAPINFO reports starts after every image. */
        if (fw->hi > sim->image_end)
            sim->image_end = fw->hi;
        /* Entry: the bios's, else the kernel's, else the first --load image's. */
        if (!sim->have_entry || fw->kind > sim->entry_kind) {
            sim->entry = fw->addr;
            sim->entry_kind = fw->kind;
            sim->have_entry = true;
        }
    }
    return 0;
}

static int add_image(struct sim *sim, const char *path, enum sim_image_kind kind, bool raw,
                     uint64_t addr)
{
    sim->firmware = grow(sim->firmware, sim->nfirmware, sizeof(*sim->firmware));
    struct sim_firmware *fw = &sim->firmware[sim->nfirmware++];
    *fw = (struct sim_firmware){.path = strdup(path), .raw = raw, .addr = addr, .kind = kind};
    return load_one(sim, fw, true);
}

/* ELF or raw binary, by the file's first bytes (as QEMU tells them apart). */
static int image_kind(const char *path, bool *raw)
{
    char err[512];
    bool is_elf;
    if (file_is_elf(path, &is_elf, err, sizeof(err))) {
        fprintf(stderr, "socsim: error: %s\n", err);
        return -1;
    }
    *raw = !is_elf;
    return 0;
}

static int raw_base(struct sim *sim, const char *path, const char *what, uint64_t *base)
{
    const struct sim_dev *ram = sim_boot_ram(sim);
    if (!ram) {
        fprintf(stderr, "socsim: error: %s: a raw %s image goes to the RAM base, but platform "
                "'%s' has no ram device (give an ELF file, or use --load FILE@ADDR)\n",
                path, what, sim->name ? sim->name : "?");
        return -1;
    }
    *base = ram->base;
    return 0;
}

int sim_load_bios(struct sim *sim, const char *path)
{
    bool raw;
    uint64_t base = 0;
    if (image_kind(path, &raw) || (raw && raw_base(sim, path, "bios", &base)))
        return -1;
    return add_image(sim, path, SIM_IMAGE_BIOS, raw, base);
}

int sim_load_kernel(struct sim *sim, const char *path)
{
    bool raw;
    uint64_t addr = 0;
    if (image_kind(path, &raw))
        return -1;
    if (raw) {
        if (raw_base(sim, path, "kernel", &addr))
            return -1;
        /* QEMU (hw/riscv/boot.c, riscv_calc_kernel_start_addr): after the firmware, aligned
         * up to 4 MiB on RV32 and 2 MiB on RV64, the superpage sizes. */
        for (unsigned i = 0; i < sim->nfirmware; i++) {
            if (sim->firmware[i].kind != SIM_IMAGE_BIOS)
                continue;
            bool rv32 = sim->nharts && rv_hart_xlen(sim->harts[0]) == 32;
            uint64_t align = rv32 ? 4u << 20 : 2u << 20;
            addr = (sim->firmware[i].hi + align - 1) & ~(align - 1);
        }
    }
    if (add_image(sim, path, SIM_IMAGE_KERNEL, raw, addr))
        return -1;
    /* QEMU refuses overlapping images too: the kernel would silently replace the bios. */
    const struct sim_firmware *k = &sim->firmware[sim->nfirmware - 1];
    for (unsigned i = 0; i + 1 < sim->nfirmware; i++) {
        const struct sim_firmware *b = &sim->firmware[i];
        if (b->kind != SIM_IMAGE_BIOS || b->lo >= k->hi || k->lo >= b->hi)
            continue;
        fprintf(stderr, "socsim: error: %s (0x%llx-0x%llx) overlaps the bios %s "
                "(0x%llx-0x%llx)\n", k->path, (unsigned long long)k->lo,
                (unsigned long long)(k->hi - 1), b->path, (unsigned long long)b->lo,
                (unsigned long long)(b->hi - 1));
        return -1;
    }
    return 0;
}

int sim_load_raw(struct sim *sim, const char *path, uint64_t addr)
{
    return add_image(sim, path, SIM_IMAGE_LOAD, true, addr);
}

/* ---- device tree ---- */

int sim_build_dtb(struct sim *sim)
{
    char err[512];
    free(sim->dtb);
    sim->dtb = NULL;
    sim->dtb_size = 0;
    sim->dtb_addr = 0;
    int r = sim->opt.dtb_path
                ? dtb_read_file(sim->opt.dtb_path, sim->opt.bootargs, &sim->dtb, &sim->dtb_size,
                                err, sizeof(err))
                : dtb_generate(sim, sim->opt.bootargs, &sim->dtb, &sim->dtb_size, err,
                               sizeof(err));
    if (r) {
        fprintf(stderr, "socsim: error: %s\n", err);
        return -1;
    }
    const struct sim_dev *ram = sim_boot_ram(sim);
    if (ram)
        sim->dtb_addr = dtb_place(ram->base, ram->size, sim->dtb_size);
    if (!sim->dtb_addr && sim->opt.dtb_path) {
        fprintf(stderr, "socsim: error: --dtb %s: no room for %zu bytes in %s\n",
                sim->opt.dtb_path, sim->dtb_size,
                ram ? "the RAM" : "a platform without a ram device");
        return -1;
    }
    return 0;
}

/* Put the device tree into RAM unless an image is there. QEMU refuses to start when ROM blobs
 * overlap; a generated tree merely stays out (a1 = 0), so bare-metal firmware on a small RAM
 * needs nothing new, but a tree the user gave with --dtb must go in. */
static int write_dtb(struct sim *sim, bool first_time)
{
    if (!sim->dtb_addr)
        return 0;
    uint64_t lo = sim->dtb_addr, hi = sim->dtb_addr + sim->dtb_size;
    for (unsigned i = 0; first_time && i < sim->nfirmware; i++) {
        const struct sim_firmware *fw = &sim->firmware[i];
        if (fw->lo >= hi || lo >= fw->hi)
            continue;
        if (!sim->opt.dtb_path) {
            sim->dtb_addr = 0;
            return 0;
        }
        fprintf(stderr, "socsim: error: --dtb %s at 0x%llx-0x%llx would overwrite %s "
                "(0x%llx-0x%llx)\n", sim->opt.dtb_path, (unsigned long long)lo,
                (unsigned long long)(hi - 1), fw->path, (unsigned long long)fw->lo,
                (unsigned long long)(fw->hi - 1));
        return -1;
    }
    if (bus_poke(&sim->bus, lo, sim->dtb, sim->dtb_size) != sim->dtb_size) {
        fprintf(stderr, "socsim: error: the device tree at 0x%llx does not fit in memory\n",
                (unsigned long long)lo);
        return -1;
    }
    return 0;
}

static uint64_t semihost_cb(void *opaque, unsigned xlen, uint64_t op, uint64_t arg)
{
    struct sim *sim = opaque;
    uint64_t r = semihost_call(sim->semihost, xlen, op, arg);
    return r;
}

static void reset_all(struct sim *sim)
{
    for (unsigned i = 0; i < sim->ndevs; i++) {
        struct device *d = sim->devs[i].dev;
        if (d->type->reset)
            d->type->reset(d);
    }
    for (unsigned i = 0; i < sim->nharts; i++) {
        struct rv_hart *h = sim->harts[i];
        rv_hart_reset(h, sim->have_entry ? sim->entry : rv_hart_pc(h));
        /* What QEMU's reset vector hands every hart: a0 = mhartid, a1 = the device tree. */
        rv_hart_set_reg(h, 10, rv_hart_id(h));
        rv_hart_set_reg(h, 11, sim->dtb_addr);
    }
}

int sim_prepare(struct sim *sim)
{
    char err[512];
    for (unsigned i = 0; i < sim->ndevs; i++) {
        struct sim_dev *sd = &sim->devs[i];
        uint64_t base, size;
        if (sd->mapped || !sd->dev->type->place)
            continue;
        if (!sd->dev->type->place(sd->dev, &sim->syms, &base, &size))
            continue;
        if (bus_map_overlay(&sim->bus, sd->dev, base, size, err, sizeof(err))) {
            fprintf(stderr, "socsim: error: %s\n", err);
            return -1;
        }
        sd->mapped = true;
        sd->base = base;
        sd->size = size;
    }
    /* SYS_HEAPINFO: heap from the end of the image to 64 KiB below the end of its memory,
     * stack in those last 64 KiB. */
    struct semihost_config sc = {.root = sim->opt.semihosting_root, .cmdline = sim->opt.cmdline};
    const struct bus_region *r = sim->have_entry ? bus_find(&sim->bus, sim->entry) : NULL;
    if (r && r->host) {
        uint64_t end = r->base + r->size;
        uint64_t stack = r->size > (1u << 20) ? 65536 : r->size / 4;
        sc.stack_base = end;
        sc.stack_limit = end - stack;
        sc.heap_base = (sim->image_end + 15) & ~15ULL;
        if (sc.heap_base < r->base || sc.heap_base > sc.stack_limit)
            sc.heap_base = sc.stack_limit;
        sc.heap_limit = sc.stack_limit;
    }
    sim->semihost = semihost_new(&sim->bus, &sim->env, &sc);
    if (!sim->semihost) {
        fprintf(stderr, "socsim: error: --semihosting-root %s: %s\n", sc.root ? sc.root : "",
                strerror(errno));
        return -1;
    }
    for (unsigned i = 0; i < sim->nharts; i++) {
        rv_hart_set_semihost(sim->harts[i], semihost_cb, sim);
        if (sim->opt.stats)
            rv_hart_enable_stats(sim->harts[i]);
    }
    if (sim_build_dtb(sim) || write_dtb(sim, true))
        return -1;
    reset_all(sim);
    return 0;
}

/* A guest-requested reset reloads every image and the device tree, as QEMU does: firmware
 * such as OpenSBI edits the tree in place. */
static int do_reset(struct sim *sim)
{
    sim->reset_pending = false;
    for (unsigned i = 0; i < sim->nfirmware; i++)
        if (load_one(sim, &sim->firmware[i], false))
            return -1;
    if (write_dtb(sim, false))
        return -1;
    reset_all(sim);
    return 0;
}

/* ---- the run loop ---- */

static uint64_t hart_time(struct rv_hart *h)
{
    return rv_hart_cycles(h) * rv_hart_period_ps(h);
}

static uint64_t total_instret(const struct sim *sim)
{
    uint64_t n = 0;
    for (unsigned i = 0; i < sim->nharts; i++)
        n += rv_hart_instret(sim->harts[i]);
    return n;
}

int sim_reset(struct sim *sim)
{
    return do_reset(sim);
}

enum sim_status sim_run(struct sim *sim)
{
    if (!sim->host_start) /* a debugger resumes the same run many times */
        sim->host_start = host_seconds();
    sim->status = SIM_RUNNING;
    const uint64_t quantum = sim->nharts > 1 ? QUANTUM_SMP_PS : QUANTUM_PS;
    while (sim->status == SIM_RUNNING) {
        if (sim->reset_pending && do_reset(sim)) {
            sim->status = SIM_EXITED;
            sim->exit_code = 2;
            break;
        }
        uint64_t now = sim->clock.now;
        uint64_t next = clock_next(&sim->clock);
        uint64_t deadline = now + quantum < next ? now + quantum : next;
        bool all_waiting = true;
        uint64_t reached = deadline;
        for (unsigned i = 0; i < sim->nharts && sim->status == SIM_RUNNING; i++) {
            struct rv_hart *h = sim->harts[i];
            uint64_t period = rv_hart_period_ps(h);
            /* A hart that slept (or was just woken) catches up with the clock: idle time. */
            if (hart_time(h) < now)
                rv_hart_idle_until(h, (now + period - 1) / period);
            if (rv_hart_waiting(h))
                continue;
            all_waiting = false;
            uint64_t limit = (deadline + period - 1) / period;
            if (sim->opt.max_insns) {
                uint64_t done = total_instret(sim);
                if (done >= sim->opt.max_insns) {
                    sim->status = SIM_LIMIT;
                    sim->limit_reason = "--max-insns";
                    break;
                }
                uint64_t room = sim->opt.max_insns - done;
                if (limit > rv_hart_cycles(h) + room)
                    limit = rv_hart_cycles(h) + room;
            }
            sim->clock.deadline = deadline;
            sim->running = h;
            enum rv_stop why = rv_hart_run(h, limit);
            sim->running = NULL;
            if (why == RV_DEBUG) {
                sim->status = SIM_DEBUG;
                sim->debug_hart = i;
                sim->debug_hit = rv_hart_debug_hit(h);
            }
            if (sim->nharts > 1)
                rv_hart_clear_reservation(h); /* others run next: SC must not trust it */
            sim->clock.deadline = TIME_NEVER;
            if (!rv_hart_waiting(h) && hart_time(h) < reached)
                reached = hart_time(h);
        }
        if (sim->status != SIM_RUNNING)
            break;
        if (all_waiting) {
            fflush(sim->out);
            if (next == TIME_NEVER) {
                sim->status = SIM_DEADLOCK;
                break;
            }
            reached = next;
        }
        if (reached > sim->clock.now)
            sim->clock.now = reached;
        clock_run_due(&sim->clock);
        /* Console output reaches a pipe or file at least once a quantum, not only at exit. */
        if (sim->out_dirty) {
            fflush(sim->out);
            sim->out_dirty = false;
        }
        if (sim->opt.stop_flag && *sim->opt.stop_flag && sim->status == SIM_RUNNING)
            sim->status = SIM_INTERRUPTED;
        if (sim->opt.debug_poll && sim->status == SIM_RUNNING &&
            sim->opt.debug_poll(sim->opt.debug_opaque))
            sim->status = SIM_PAUSED;
        if (sim->opt.max_insns && total_instret(sim) >= sim->opt.max_insns &&
            sim->status == SIM_RUNNING) {
            sim->status = SIM_LIMIT;
            sim->limit_reason = "--max-insns";
        }
        if (sim->opt.timeout > 0 && host_seconds() - sim->host_start > sim->opt.timeout &&
            sim->status == SIM_RUNNING) {
            sim->status = SIM_LIMIT;
            sim->limit_reason = "--timeout";
        }
    }
    /* Simulated time ends where the furthest hart got to. */
    for (unsigned i = 0; i < sim->nharts; i++)
        if (hart_time(sim->harts[i]) > sim->clock.now)
            sim->clock.now = hart_time(sim->harts[i]);
    sim->host_end = host_seconds();
    fflush(sim->out);
    return sim->status;
}

uint64_t sim_pc(const struct sim *sim)
{
    return sim->nharts ? rv_hart_pc(sim->harts[0]) : 0;
}

void sim_print_stats(struct sim *sim, FILE *out)
{
    double secs = sim->host_end - sim->host_start;
    uint64_t insns = total_instret(sim), cycles = 0;
    for (unsigned i = 0; i < sim->nharts; i++)
        cycles += rv_hart_cycles(sim->harts[i]);
    fprintf(out, "instructions: %llu\n", (unsigned long long)insns);
    fprintf(out, "cycles: %llu\n", (unsigned long long)cycles);
    fprintf(out, "simulated time: %.9f s\n", (double)sim->clock.now / (double)PS_PER_SEC);
    fprintf(out, "host seconds: %.3f\n", secs);
    fprintf(out, "MIPS: %.1f\n", secs > 0 ? (double)insns / secs / 1e6 : 0.0);
    /* Instruction mix over all harts, by the instruction table's classes. */
    enum { MAXC = 32 };
    const char *names[MAXC];
    uint64_t sum[MAXC] = {0}, counts[MAXC];
    unsigned nc = 0;
    for (unsigned i = 0; i < sim->nharts; i++) {
        nc = rv_hart_mix(sim->harts[i], names, counts, MAXC);
        for (unsigned c = 0; c < nc && c < MAXC; c++)
            sum[c] += counts[c];
    }
    if (!insns || !sim->opt.stats)
        return;
    fprintf(out, "instruction mix:");
    for (unsigned c = 0; c < nc && c < MAXC; c++) {
        if (!sum[c])
            continue;
        char lower[16];
        size_t k = 0;
        for (; names[c][k] && k + 1 < sizeof(lower); k++)
            lower[k] = (char)(names[c][k] | 0x20);
        lower[k] = '\0';
        fprintf(out, " %s %llu (%.1f%%)", lower, (unsigned long long)sum[c],
                100.0 * (double)sum[c] / (double)insns);
    }
    fprintf(out, "\n");
}
