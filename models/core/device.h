/* The device model interface. A device type is one const ops table; the platform loader creates
 * instances from YAML parameters that the type declares; the bus calls read/write with offsets
 * relative to the device's region (a device never knows its base address). */
#ifndef SOCSIM_DEVICE_H
#define SOCSIM_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "env.h"
#include "irq.h"

struct symtab;

enum param_type {
    PARAM_INT,    /* 42, 0x2a, 0b101010 */
    PARAM_SIZE,   /* like INT, plus suffixes K/KiB/M/MiB/G/GiB (powers of two) */
    PARAM_FREQ,   /* Hz, kHz, MHz, GHz; a bare number is Hz */
    PARAM_BOOL,   /* true/false, yes/no, on/off */
    PARAM_STRING,
};

struct param_decl {
    const char *name;
    enum param_type type;
    const char *def; /* default, written as it would be in YAML; NULL: required */
    const char *help;
};

union param_value {
    uint64_t u;
    bool b;
    const char *s;
};

/* Parameters handed to create(): values[i] belongs to type->params[i]. */
struct dev_config {
    const char *name; /* instance name from the platform file */
    const struct param_decl *decls;
    const union param_value *values;
};

/* Look up a declared parameter's value by name; asking for an undeclared one is a model bug. */
uint64_t cfg_u64(const struct dev_config *cfg, const char *param);
bool cfg_bool(const struct dev_config *cfg, const char *param);
const char *cfg_str(const struct dev_config *cfg, const char *param);

/* Parse text as a value of the given type. Returns 0, or -1 with a message in err. */
int param_parse(enum param_type type, const char *text, union param_value *out, char *err,
                size_t errlen);
const char *param_type_name(enum param_type type);

/* Interrupt pins a device instance exposes, by name, for the platform's IRQ wiring. */
struct dev_pin {
    char name[24];
    bool output;
    struct irq_line *line;    /* output: the device drives this line */
    irq_handler_fn *handler;  /* input: called on level changes */
    void *opaque;
    unsigned n;
};

struct device {
    const struct dev_type *type;
    char *name;
    struct sim_env *env;
    struct dev_pin *pins;
    unsigned npins, pincap;
};

#define DEV_SZ1 1u
#define DEV_SZ2 2u
#define DEV_SZ4 4u
#define DEV_SZ8 8u

struct dev_type {
    const char *name; /* the YAML `type:` string */
    const char *help;
    const struct param_decl *params; /* terminated by an entry with name == NULL */
    bool mapped;                     /* occupies [base, base+size) on the bus: needs `base:` and a `size` parameter */
    unsigned access_sizes;           /* OR of DEV_SZ*: the bus faults any other size */
    /* Build an instance. On failure return NULL with a message in err (the loader adds the
     * file position). The returned struct device must be initialised with dev_init(). */
    struct device *(*create)(const struct dev_config *cfg, struct sim_env *env, char *err,
                             size_t errlen);
    void (*destroy)(struct device *dev);
    void (*reset)(struct device *dev);
    /* Register access at an offset inside the region, naturally aligned, size allowed by
     * access_sizes. Return false for an access the hardware would fault (bus error); the
     * device logs why with env_guest_error(). */
    bool (*read)(struct device *dev, uint64_t off, unsigned size, uint64_t *val);
    bool (*write)(struct device *dev, uint64_t off, unsigned size, uint64_t val);
    /* Optional: bring the device up to env->clock->now before an access (RTL blocks). */
    void (*sync)(struct device *dev);
    /* Optional, RAM-like devices: the host memory that backs the whole region. */
    uint8_t *(*memory)(struct device *dev, bool *writable);
    /* Optional, devices placed by firmware symbols (HTIF): after the ELF is loaded, return
     * true with the region to map, false to stay unmapped. */
    bool (*place)(struct device *dev, const struct symtab *syms, uint64_t *base, uint64_t *size);
};

void dev_init(struct device *dev, const struct dev_type *type, const struct dev_config *cfg,
              struct sim_env *env);
void dev_fini(struct device *dev); /* frees name and pins; the type's destroy calls it */
void dev_add_output(struct device *dev, const char *name, struct irq_line *line);
void dev_add_input(struct device *dev, const char *name, irq_handler_fn *fn, void *opaque,
                   unsigned n);
struct dev_pin *dev_find_pin(struct device *dev, const char *name);

/* Registry of the built-in device types (models/periph/registry.c). */
extern const struct dev_type *const dev_types[];
const struct dev_type *dev_type_find(const char *name);

#endif
