/* SiFive CLINT (`clint`): per-hart software interrupt bits (msip), timer compare registers
 * (mtimecmp) and the shared mtime counter, which runs at the platform timebase.
 *
 * mtime is not stored: it is the simulated timebase count plus an offset that a guest write to
 * mtime sets, so it needs no periodic event. The offset lives in sim_env so that the harts'
 * time CSR reads the same value as mtime. MTIP changes only when mtime crosses mtimecmp, so
 * each hart keeps one event scheduled for the exact picosecond of its next crossing.
 *
 * Accesses: 32 and 64 bits, naturally aligned; a 32-bit access to either half of a 64-bit
 * register works, a 64-bit access to the msip array covers two harts. Reserved offsets read 0
 * and ignore writes (with a guest-error line): the SiFive manuals leave them unspecified. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "models/periph/periph.h"

#define CLINT_MSIP 0x0000
#define CLINT_MTIMECMP 0x4000
#define CLINT_MTIME 0xbff8
#define CLINT_MAX_HARTS 4095 /* mtimecmp array must end before mtime */

struct clint;

struct clint_hart {
    struct clint *clint;
    unsigned id;
    bool msip;
    uint64_t mtimecmp;
    struct irq_line msip_line, mtip_line;
    struct event ev; /* fires when mtime next crosses mtimecmp */
};

struct clint {
    struct device dev;
    unsigned nharts;
    struct clint_hart *harts;
};

static const struct param_decl clint_params[] = {
    {"size", PARAM_SIZE, "0x10000", "bytes of address space (at least 0xc000)"},
    {"harts", PARAM_INT, "1", "number of harts served (msip<h>/mtip<h> outputs)"},
    {NULL, 0, NULL, NULL},
};

static uint64_t clint_mtime(const struct clint *c)
{
    return env_mtime(c->dev.env) + c->dev.env->mtime_offset;
}

/* Simulated time (ps) at which the raw timebase count reaches raw_now + delta, or TIME_NEVER
 * if that is beyond what the clock can express. Count V starts at V * period. */
static uint64_t clint_time_of(const struct clint *c, uint64_t delta)
{
    uint64_t period = hz_to_period_ps(c->dev.env->timebase_hz);
    if (!period)
        return TIME_NEVER; /* no timebase: mtime never moves */
    uint64_t raw = env_mtime(c->dev.env);
    if (delta > UINT64_MAX - raw)
        return TIME_NEVER;
    uint64_t v = raw + delta;
    if (v > (TIME_NEVER - 1) / period)
        return TIME_NEVER;
    return v * period;
}

/* Recompute one hart's outputs and move its crossing event: the next change of
 * (mtime >= mtimecmp) is either mtime reaching mtimecmp, or mtime wrapping to 0. */
static void clint_update_hart(struct clint_hart *h)
{
    struct clint *c = h->clint;
    uint64_t mtime = clint_mtime(c);
    bool mtip = mtime >= h->mtimecmp;
    irq_set(&h->msip_line, h->msip);
    irq_set(&h->mtip_line, mtip);

    uint64_t delta = mtip ? (uint64_t)0 - mtime : h->mtimecmp - mtime;
    uint64_t when = (mtip && mtime == 0) ? TIME_NEVER : clint_time_of(c, delta);
    if (when == TIME_NEVER)
        event_cancel(c->dev.env->clock, &h->ev);
    else
        event_schedule(c->dev.env->clock, &h->ev, when);
}

static void clint_update_irq(struct clint *c)
{
    for (unsigned i = 0; i < c->nharts; i++)
        clint_update_hart(&c->harts[i]);
}

static void clint_hart_event(void *opaque)
{
    clint_update_hart(opaque);
}

static void clint_reset(struct device *dev)
{
    struct clint *c = (struct clint *)dev;
    c->dev.env->mtime_offset = 0;
    for (unsigned i = 0; i < c->nharts; i++) {
        c->harts[i].msip = false;
        c->harts[i].mtimecmp = UINT64_MAX; /* no timer interrupt until firmware sets one */
    }
    clint_update_irq(c);
}

static struct device *clint_create(const struct dev_config *cfg, struct sim_env *env, char *err,
                                   size_t errlen)
{
    uint64_t size = cfg_u64(cfg, "size");
    uint64_t nharts = cfg_u64(cfg, "harts");
    if (nharts < 1 || nharts > CLINT_MAX_HARTS) {
        snprintf(err, errlen, "harts %" PRIu64 " out of range (1..%d)", nharts,
                 CLINT_MAX_HARTS);
        return NULL;
    }
    if (size < CLINT_MTIME + 8) {
        snprintf(err, errlen, "size 0x%" PRIx64 " does not reach mtime at 0x%x "
                 "(at least 0x%x)", size, CLINT_MTIME, CLINT_MTIME + 8);
        return NULL;
    }
    struct clint *c = calloc(1, sizeof(*c));
    struct clint_hart *harts = calloc(nharts, sizeof(*harts));
    if (!c || !harts) {
        free(c);
        free(harts);
        snprintf(err, errlen, "out of host memory");
        return NULL;
    }
    dev_init(&c->dev, &dev_clint, cfg, env);
    c->nharts = (unsigned)nharts;
    c->harts = harts;
    for (unsigned i = 0; i < c->nharts; i++) {
        struct clint_hart *h = &harts[i];
        char name[24];
        h->clint = c;
        h->id = i;
        event_init(&h->ev, clint_hart_event, h);
        snprintf(name, sizeof(name), "msip%u", i);
        dev_add_output(&c->dev, name, &h->msip_line);
        snprintf(name, sizeof(name), "mtip%u", i);
        dev_add_output(&c->dev, name, &h->mtip_line);
    }
    clint_reset(&c->dev);
    return &c->dev;
}

static void clint_destroy(struct device *dev)
{
    struct clint *c = (struct clint *)dev;
    for (unsigned i = 0; i < c->nharts; i++)
        event_cancel(dev->env->clock, &c->harts[i].ev);
    dev_fini(dev);
    free(c->harts);
    free(c);
}

/* Part of a 64-bit register seen by an access at byte offset `sub` (0 or 4) of `size`. */
static uint64_t clint_get64(uint64_t reg, unsigned sub, unsigned size)
{
    uint64_t v = reg >> (8 * sub);
    return size == 8 ? v : (v & 0xffffffffu);
}

static uint64_t clint_put64(uint64_t reg, unsigned sub, unsigned size, uint64_t val)
{
    uint64_t mask = size == 8 ? UINT64_MAX : (uint64_t)0xffffffffu << (8 * sub);
    return (reg & ~mask) | ((val << (8 * sub)) & mask);
}

/* One 32-bit msip word; off is 4-aligned inside the msip array. */
static uint32_t clint_read_msip(struct clint *c, uint64_t off)
{
    uint64_t h = off / 4;
    if (h >= c->nharts) {
        env_guest_error(c->dev.env, c->dev.name, "read of msip at offset 0x%" PRIx64
                        " for absent hart %" PRIu64, off, h);
        return 0;
    }
    return c->harts[h].msip;
}

static void clint_write_msip(struct clint *c, uint64_t off, uint32_t val)
{
    uint64_t h = off / 4;
    if (h >= c->nharts) {
        env_guest_error(c->dev.env, c->dev.name, "write of 0x%" PRIx32 " to msip at offset 0x%"
                        PRIx64 " for absent hart %" PRIu64 " ignored", val, off, h);
        return;
    }
    c->harts[h].msip = val & 1; /* bits 31:1 are hardwired to 0 */
}

static bool clint_read(struct device *dev, uint64_t off, unsigned size, uint64_t *val)
{
    struct clint *c = (struct clint *)dev;
    if (off < CLINT_MTIMECMP) {
        uint64_t v = clint_read_msip(c, off);
        if (size == 8)
            v |= (uint64_t)clint_read_msip(c, off + 4) << 32;
        *val = v;
        return true;
    }
    if (off < CLINT_MTIME) {
        uint64_t h = (off - CLINT_MTIMECMP) / 8;
        if (h < c->nharts) {
            *val = clint_get64(c->harts[h].mtimecmp, (unsigned)(off & 7), size);
            return true;
        }
    } else if (off < CLINT_MTIME + 8) {
        *val = clint_get64(clint_mtime(c), (unsigned)(off & 7), size);
        return true;
    }
    env_guest_error(dev->env, dev->name, "read of reserved offset 0x%" PRIx64, off);
    *val = 0;
    return true;
}

static bool clint_write(struct device *dev, uint64_t off, unsigned size, uint64_t val)
{
    struct clint *c = (struct clint *)dev;
    if (off < CLINT_MTIMECMP) {
        clint_write_msip(c, off, (uint32_t)val);
        if (size == 8)
            clint_write_msip(c, off + 4, (uint32_t)(val >> 32));
        clint_update_irq(c);
        return true;
    }
    if (off < CLINT_MTIME) {
        uint64_t h = (off - CLINT_MTIMECMP) / 8;
        if (h < c->nharts) {
            struct clint_hart *hart = &c->harts[h];
            hart->mtimecmp = clint_put64(hart->mtimecmp, (unsigned)(off & 7), size, val);
            clint_update_hart(hart);
            return true;
        }
    } else if (off < CLINT_MTIME + 8) {
        uint64_t mtime = clint_put64(clint_mtime(c), (unsigned)(off & 7), size, val);
        c->dev.env->mtime_offset = mtime - env_mtime(dev->env);
        clint_update_irq(c);
        return true;
    }
    env_guest_error(dev->env, dev->name, "write of 0x%" PRIx64 " to reserved offset 0x%" PRIx64
                    " ignored", val, off);
    return true;
}

const struct dev_type dev_clint = {
    .name = "clint",
    .help = "SiFive core-local interruptor: msip, mtimecmp and mtime at the platform timebase",
    .params = clint_params,
    .mapped = true,
    .access_sizes = DEV_SZ4 | DEV_SZ8,
    .create = clint_create,
    .destroy = clint_destroy,
    .reset = clint_reset,
    .read = clint_read,
    .write = clint_write,
};
