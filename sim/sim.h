/* The engine: one struct sim holds a whole simulated SoC (no globals, so two can live in one
 * process). It owns the clock and event queue, the bus, the harts and devices, and runs them. */
#ifndef SOCSIM_SIM_H
#define SOCSIM_SIM_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "models/bus/bus.h"
#include "models/core/clock.h"
#include "models/core/device.h"
#include "models/core/env.h"
#include "models/core/symtab.h"
#include "models/cpu/riscv/rv.h"

struct rv_hart;
struct semihost;

/* Most harts a platform may have (the `harts:` key and the cpus: entries together); QEMU's virt
 * machine stops at the same number. */
#define SIM_MAX_HARTS 512

/* One `--set path=value` override, applied to the platform tree before it is interpreted. */
struct set_override {
    const char *path; /* e.g. devices.uart0.base */
    const char *value;
};

/* Where a platform item came from, for check output and late error messages. */
struct srcpos {
    const char *file; /* owned by struct sim (sim->files) */
    unsigned line, col;
};

struct sim_wire {
    char *from; /* "dev.pin" */
    char *to;
    struct srcpos pos;
};

struct sim_dev {
    struct device *dev;
    bool mapped;
    uint64_t base, size;
    struct srcpos pos;
    union param_value *params; /* one per dev->type->params entry, as built (strings copied):
                                * what the device tree generator reads (clock, sources, ...) */
};

/* A declared parameter of a built device, or NULL when its type has no such parameter. */
const union param_value *sim_dev_param(const struct sim_dev *sd, const char *name);

/* What an image is for: it decides where a raw image goes and whose entry point is used. */
enum sim_image_kind {
    SIM_IMAGE_LOAD,   /* --load FILE@ADDR */
    SIM_IMAGE_KERNEL, /* FIRMWARE, --kernel: the next stage, or the only one */
    SIM_IMAGE_BIOS,   /* --bios: M-mode firmware at the RAM base */
};

struct sim_firmware {
    char *path;
    bool raw;      /* a raw binary, loaded at addr; otherwise an ELF file */
    uint64_t addr; /* raw: where it goes (and its entry point); ELF: its entry point */
    uint64_t lo, hi; /* addresses it occupies: [lo, hi) */
    enum sim_image_kind kind;
};

struct sim_options {
    uint64_t max_insns;       /* 0: no limit */
    double timeout;           /* host seconds, 0: none */
    const char *semihosting_root;
    const char *cmdline;      /* semihosting SYS_GET_CMDLINE */
    const char *bootargs;     /* --append: /chosen bootargs of the device tree; NULL: none */
    const char *dtb_path;     /* --dtb: this blob instead of the generated device tree */
    bool quiet;
    bool stats;               /* --insn-mix: count the mix (a separate execute loop) */
    volatile sig_atomic_t *stop_flag; /* set asynchronously (the CLI's SIGINT handler): stop the run */
    /* A debugger front end (sim/gdbstub.c): asked once per quantum; true pauses the run
     * (sim_run returns SIM_PAUSED). NULL: none, and nothing is called. */
    bool (*debug_poll)(void *opaque);
    void *debug_opaque;
};

enum sim_status {
    SIM_RUNNING,
    SIM_EXITED,    /* firmware asked to exit: exit_code holds its status */
    SIM_LIMIT,     /* --max-insns or --timeout */
    SIM_DEADLOCK,  /* every hart waits for an interrupt that nothing can raise */
    SIM_INTERRUPTED, /* opt.stop_flag was raised */
    SIM_DEBUG,     /* a hart hit a debugger breakpoint or watchpoint: debug_hart, debug_hit */
    SIM_PAUSED,    /* opt.debug_poll asked to stop; sim_run can be called again to go on */
};

struct sim {
    struct clock clock;
    struct sim_env env;
    struct bus bus;
    struct sim_options opt;

    char *name, *description; /* from the platform file */
    char **files;             /* every platform file read (for srcpos) */
    unsigned nfiles;

    struct rv_hart **harts;
    struct srcpos *hart_pos;
    unsigned nharts;
    struct sim_dev *devs;
    unsigned ndevs;
    struct sim_wire *wires;
    unsigned nwires;

    struct symtab syms;
    struct semihost *semihost;
    struct sim_firmware *firmware; /* reloaded on a guest-requested reset */
    unsigned nfirmware;
    uint64_t entry, image_end;
    bool have_entry;
    enum sim_image_kind entry_kind; /* the image the entry point came from */
    void *dtb;             /* the device tree blob handed to the harts in a1 (NULL: none) */
    size_t dtb_size;
    uint64_t dtb_addr;     /* where it goes in RAM; 0 when it was not placed */
    struct rv_hart *running; /* the hart inside rv_hart_run, kicked by earlier events */

    unsigned debug_hart;         /* SIM_DEBUG: which hart */
    bool debugger_access;        /* a debugger's bus access is under way: no guest errors */
    struct rv_debug_hit debug_hit;
    enum sim_status status;
    int exit_code;
    const char *limit_reason; /* "--max-insns" or "--timeout" */
    bool reset_pending;
    double host_start, host_end;
    FILE *out; /* console */
    bool out_dirty; /* console output not yet flushed */
    bool stdin_eof;
};

struct sim *sim_new(void);
void sim_free(struct sim *sim);

/* Platform loading (sim/platform.c). PATH is a file, or a name looked up in the platform
 * directories. Errors are printed to stderr as FILE:LINE:COL: error: ...; returns 0 or -1. */
int sim_load_platform(struct sim *sim, const char *path, const struct set_override *sets,
                      unsigned nsets);
/* Resolve a platform name ("virt32") to a path; returns a malloc'd string or NULL. */
char *platform_resolve(const char *name);
/* `socsim check`: the memory map, CPUs and IRQ wiring. */
void platform_print(const struct sim *sim, FILE *out);
/* `socsim devices`: every device type with its parameters. */
void platform_print_types(FILE *out);

/* Registration used by the loader. */
void sim_add_hart(struct sim *sim, struct rv_hart *h, struct srcpos pos);
void sim_add_device(struct sim *sim, struct device *dev, bool mapped, uint64_t base,
                    uint64_t size, struct srcpos pos, const struct dev_config *cfg);
void sim_add_wire(struct sim *sim, const char *from, const char *to, struct srcpos pos);
struct device *sim_find_device(struct sim *sim, const char *name); /* devices and harts */
const char *sim_intern_file(struct sim *sim, const char *path);

/* Firmware (sim/elf.c, sim/engine.c), loaded in this order; docs/boot.md. Errors are printed.
 * --bios: an ELF at its addresses, or a raw image at the RAM base. */
int sim_load_bios(struct sim *sim, const char *path);
/* FIRMWARE / --kernel: an ELF at its addresses, or a raw image where QEMU puts one: after a
 * bios, at the next 2 MiB (RV64) or 4 MiB (RV32) boundary past its end; else at the RAM base. */
int sim_load_kernel(struct sim *sim, const char *path);
/* --load FILE@ADDR. */
int sim_load_raw(struct sim *sim, const char *path, uint64_t addr);
/* The RAM that raw images and the device tree go to: the first `ram` device of the platform
 * (NULL if it has none). */
const struct sim_dev *sim_boot_ram(const struct sim *sim);
/* Build the device tree (opt.dtb_path's blob, or one generated from the platform, with
 * opt.bootargs) into sim->dtb and choose its address as QEMU does; does not write memory.
 * Returns 0, or -1 after printing the error. */
int sim_build_dtb(struct sim *sim);
/* Place late-mapped devices (HTIF), set up semihosting, write the device tree, reset every
 * hart to the entry point with a0 = mhartid and a1 = the device tree's address. */
int sim_prepare(struct sim *sim);
/* Run to completion (exit, limit, deadlock), or until a debugger stop (SIM_DEBUG, SIM_PAUSED),
 * after which sim_run may be called again to continue. */
enum sim_status sim_run(struct sim *sim);
/* Reset the whole SoC as a guest reset does: reload the images and the device tree. */
int sim_reset(struct sim *sim);

void sim_print_stats(struct sim *sim, FILE *out);
/* pc of the first hart (for messages). */
uint64_t sim_pc(const struct sim *sim);

#endif
