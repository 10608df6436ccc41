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

struct rv_hart;
struct semihost;

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
};

struct sim_firmware {
    char *path;
    bool raw;      /* --load FILE@ADDR */
    uint64_t addr;
};

struct sim_options {
    uint64_t max_insns;       /* 0: no limit */
    double timeout;           /* host seconds, 0: none */
    const char *semihosting_root;
    const char *cmdline;      /* semihosting SYS_GET_CMDLINE */
    bool quiet;
    bool stats;               /* --insn-mix: count the mix (a separate execute loop) */
    volatile sig_atomic_t *stop_flag; /* set asynchronously (the CLI's SIGINT handler): stop the run */
};

enum sim_status {
    SIM_RUNNING,
    SIM_EXITED,    /* firmware asked to exit: exit_code holds its status */
    SIM_LIMIT,     /* --max-insns or --timeout */
    SIM_DEADLOCK,  /* every hart waits for an interrupt that nothing can raise */
    SIM_INTERRUPTED, /* opt.stop_flag was raised */
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
    struct rv_hart *running; /* the hart inside rv_hart_run, kicked by earlier events */

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
                    uint64_t size, struct srcpos pos);
void sim_add_wire(struct sim *sim, const char *from, const char *to, struct srcpos pos);
struct device *sim_find_device(struct sim *sim, const char *name); /* devices and harts */
const char *sim_intern_file(struct sim *sim, const char *path);

/* Firmware (sim/elf.c, sim/engine.c). */
int sim_load_elf(struct sim *sim, const char *path);
int sim_load_raw(struct sim *sim, const char *path, uint64_t addr);
/* Place late-mapped devices (HTIF), set up semihosting, reset everything to the entry point. */
int sim_prepare(struct sim *sim);
/* Run to completion (exit, limit, deadlock). */
enum sim_status sim_run(struct sim *sim);

void sim_print_stats(struct sim *sim, FILE *out);
/* pc of the first hart (for messages). */
uint64_t sim_pc(const struct sim *sim);

#endif
