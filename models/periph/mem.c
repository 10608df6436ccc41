/* RAM and ROM: plain host buffers that the bus maps directly (the `memory` op), so CPUs reach
 * them through a host pointer. The read/write ops exist only so that a path that does go
 * through the device (a debugger, a future checker) sees the same bytes instead of crashing. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/periph/periph.h"

struct mem {
    struct device dev;
    uint8_t *buf;
    uint64_t size;
    bool writable;
};

static const struct param_decl ram_params[] = {
    {"size", PARAM_SIZE, NULL, "bytes of RAM (a multiple of 8)"},
    {"fill", PARAM_INT, "0", "byte value the RAM holds at power-on"},
    {NULL, 0, NULL, NULL},
};

static const struct param_decl rom_params[] = {
    {"size", PARAM_SIZE, NULL, "bytes of ROM (a multiple of 8); loaded from the firmware image"},
    {NULL, 0, NULL, NULL},
};

static struct device *mem_create(const struct dev_type *type, const struct dev_config *cfg,
                                 struct sim_env *env, bool writable, unsigned fill, char *err,
                                 size_t errlen)
{
    uint64_t size = cfg_u64(cfg, "size");
    /* Multiples of 8 keep every naturally aligned access of up to 8 bytes inside the buffer. */
    if (size == 0) {
        snprintf(err, errlen, "size must not be 0");
        return NULL;
    }
    if (size % 8) {
        snprintf(err, errlen, "size 0x%" PRIx64 " is not a multiple of 8", size);
        return NULL;
    }
    if (size > SIZE_MAX) {
        snprintf(err, errlen, "size 0x%" PRIx64 " does not fit in host memory", size);
        return NULL;
    }
    struct mem *m = calloc(1, sizeof(*m));
    if (!m) {
        snprintf(err, errlen, "out of host memory");
        return NULL;
    }
    /* calloc rather than malloc+memset: a large zeroed RAM costs nothing until touched. */
    m->buf = calloc(1, (size_t)size);
    if (!m->buf) {
        snprintf(err, errlen, "cannot allocate 0x%" PRIx64 " bytes of host memory", size);
        free(m);
        return NULL;
    }
    if (fill)
        memset(m->buf, (int)fill, (size_t)size);
    m->size = size;
    m->writable = writable;
    dev_init(&m->dev, type, cfg, env);
    return &m->dev;
}

static struct device *ram_create(const struct dev_config *cfg, struct sim_env *env, char *err,
                                 size_t errlen)
{
    uint64_t fill = cfg_u64(cfg, "fill");
    if (fill > 0xff) {
        snprintf(err, errlen, "ram: fill 0x%" PRIx64 " is not a byte value (0..0xff)", fill);
        return NULL;
    }
    return mem_create(&dev_ram, cfg, env, true, (unsigned)fill, err, errlen);
}

static struct device *rom_create(const struct dev_config *cfg, struct sim_env *env, char *err,
                                 size_t errlen)
{
    return mem_create(&dev_rom, cfg, env, false, 0, err, errlen);
}

static void mem_destroy(struct device *dev)
{
    struct mem *m = (struct mem *)dev;
    dev_fini(dev);
    free(m->buf);
    free(m);
}

/* Contents survive a reset, as real RAM does across a warm reset; the loader rewrites the
 * firmware image itself when it wants a fresh one. */
static void mem_reset(struct device *dev)
{
}

static bool mem_in_range(const struct mem *m, uint64_t off, unsigned size)
{
    return off < m->size && size <= m->size - off;
}

static bool mem_read(struct device *dev, uint64_t off, unsigned size, uint64_t *val)
{
    struct mem *m = (struct mem *)dev;
    if (!mem_in_range(m, off, size)) {
        env_guest_error(dev->env, dev->name, "read of %u bytes at offset 0x%" PRIx64
                        " is outside the memory", size, off);
        return false;
    }
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++) /* little-endian, whatever the host is */
        v |= (uint64_t)m->buf[off + i] << (8 * i);
    *val = v;
    return true;
}

static bool mem_write(struct device *dev, uint64_t off, unsigned size, uint64_t val)
{
    struct mem *m = (struct mem *)dev;
    if (!m->writable) {
        env_guest_error(dev->env, dev->name, "write to ROM at offset 0x%" PRIx64
                        " (value 0x%" PRIx64 ")", off, val);
        return false;
    }
    if (!mem_in_range(m, off, size)) {
        env_guest_error(dev->env, dev->name, "write of %u bytes at offset 0x%" PRIx64
                        " is outside the memory", size, off);
        return false;
    }
    for (unsigned i = 0; i < size; i++)
        m->buf[off + i] = (uint8_t)(val >> (8 * i));
    return true;
}

static uint8_t *mem_memory(struct device *dev, bool *writable)
{
    struct mem *m = (struct mem *)dev;
    *writable = m->writable;
    return m->buf;
}

const struct dev_type dev_ram = {
    .name = "ram",
    .help = "read/write memory backed by a host buffer",
    .params = ram_params,
    .mapped = true,
    .access_sizes = DEV_SZ1 | DEV_SZ2 | DEV_SZ4 | DEV_SZ8,
    .create = ram_create,
    .destroy = mem_destroy,
    .reset = mem_reset,
    .read = mem_read,
    .write = mem_write,
    .memory = mem_memory,
};

const struct dev_type dev_rom = {
    .name = "rom",
    .help = "read-only memory; the loader fills it from the firmware image, guest writes fault",
    .params = rom_params,
    .mapped = true,
    .access_sizes = DEV_SZ1 | DEV_SZ2 | DEV_SZ4 | DEV_SZ8,
    .create = rom_create,
    .destroy = mem_destroy,
    .reset = mem_reset,
    .read = mem_read,
    .write = mem_write,
    .memory = mem_memory,
};
