/* Device test bench: a private clock and sim_env whose console, exit, reset and guest-error
 * callbacks record what happened, a builder that creates a device from its declared parameter
 * defaults plus "name=value" overrides, and IRQ recorders. Tests drive registers, step
 * simulated time with devtest_advance() and assert, the way QEMU's qtest timer tests do. */
#ifndef SOCSIM_DEVTEST_H
#define SOCSIM_DEVTEST_H

#include <stdio.h>
#include <string.h>

#include "models/core/clock.h"
#include "models/core/device.h"
#include "models/core/env.h"
#include "models/periph/periph.h"
#include "tests/unit/unit.h"

#define DEVTEST_PINS 64

struct devtest_pin {
    bool level;
    unsigned rises, falls;
    uint64_t changed_at; /* simulated time of the last level change */
};

struct devtest {
    struct clock clock;
    struct sim_env env;

    char out[8192]; /* console output, NUL-terminated */
    size_t nout;

    const char *input; /* scripted console input, handed out one byte per read */
    size_t input_len, input_pos;
    bool input_eof;    /* after the script: ENV_EOF (true) or ENV_NO_INPUT (false) */
    unsigned reads;    /* console_read calls */

    unsigned exits, resets;
    int exit_code;

    unsigned guest_errors;
    char last_error[512];

    struct devtest_pin pin[DEVTEST_PINS];
};

static void devtest_console_write(void *owner, const uint8_t *buf, size_t n)
{
    struct devtest *t = owner;
    for (size_t i = 0; i < n && t->nout + 1 < sizeof(t->out); i++)
        t->out[t->nout++] = (char)buf[i];
    t->out[t->nout] = '\0';
}

static int devtest_console_read(void *owner)
{
    struct devtest *t = owner;
    t->reads++;
    if (t->input && t->input_pos < t->input_len)
        return (unsigned char)t->input[t->input_pos++];
    return t->input_eof ? ENV_EOF : ENV_NO_INPUT;
}

static void devtest_exit(void *owner, int code)
{
    struct devtest *t = owner;
    t->exits++;
    t->exit_code = code;
}

static void devtest_reset_req(void *owner)
{
    ((struct devtest *)owner)->resets++;
}

static void devtest_guest_error(void *owner, const char *msg)
{
    struct devtest *t = owner;
    t->guest_errors++;
    snprintf(t->last_error, sizeof(t->last_error), "%s", msg);
}

static inline void devtest_init(struct devtest *t, uint64_t timebase_hz)
{
    memset(t, 0, sizeof(*t));
    clock_init(&t->clock);
    t->env.clock = &t->clock;
    t->env.timebase_hz = timebase_hz;
    t->env.owner = t;
    t->env.console_write = devtest_console_write;
    t->env.console_read = devtest_console_read;
    t->env.exit_request = devtest_exit;
    t->env.reset_request = devtest_reset_req;
    t->env.guest_error = devtest_guest_error;
}

static inline void devtest_fini(struct devtest *t)
{
    clock_free(&t->clock);
}

/* Scripted console input; eof: whether ENV_EOF follows the last byte. */
static inline void devtest_set_input(struct devtest *t, const char *s, bool eof)
{
    t->input = s;
    t->input_len = strlen(s);
    t->input_pos = 0;
    t->input_eof = eof;
}

/* Create a device of `type` from its parameter defaults, with overrides "name=value" from a
 * NULL-terminated list (ovr may be NULL). NULL with the message in err on any failure. */
static inline struct device *devtest_try_create(struct devtest *t, const struct dev_type *type,
                                                const char *const *ovr, char *err, size_t errlen)
{
    union param_value values[32];
    size_t n = 0;
    while (type->params[n].name)
        n++;
    CU_ASSERT_FATAL(n < sizeof(values) / sizeof(values[0]));
    for (size_t i = 0; i < n; i++) {
        const struct param_decl *d = &type->params[i];
        const char *text = d->def;
        for (const char *const *o = ovr; o && *o; o++) {
            size_t len = strlen(d->name);
            if (!strncmp(*o, d->name, len) && (*o)[len] == '=')
                text = *o + len + 1;
        }
        if (!text) {
            snprintf(err, errlen, "missing required parameter '%s'", d->name);
            return NULL;
        }
        if (param_parse(d->type, text, &values[i], err, errlen))
            return NULL;
    }
    struct dev_config cfg = {.name = type->name, .decls = type->params, .values = values};
    err[0] = '\0';
    return type->create(&cfg, &t->env, err, errlen);
}

/* Overrides as a compound literal: devtest_create(&t, &dev_clint, DT("harts=2")). */
#define DT(...) ((const char *const[]){__VA_ARGS__, NULL})

static inline struct device *devtest_create(struct devtest *t, const struct dev_type *type,
                                            const char *const *ovr)
{
    char err[256];
    struct device *dev = devtest_try_create(t, type, ovr, err, sizeof(err));
    if (!dev)
        fprintf(stderr, "devtest: creating %s failed: %s\n", type->name, err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dev);
    return dev;
}

static inline void devtest_destroy(struct device *dev)
{
    dev->type->destroy(dev);
}

static void devtest_pin_changed(void *opaque, unsigned n, bool level)
{
    struct devtest *t = opaque;
    struct devtest_pin *p = &t->pin[n];
    p->level = level;
    if (level)
        p->rises++;
    else
        p->falls++;
    p->changed_at = t->clock.now;
}

/* Record the output pin `name` of dev in t->pin[slot]. */
static inline void devtest_connect(struct devtest *t, struct device *dev, const char *name,
                                   unsigned slot)
{
    struct dev_pin *p = dev_find_pin(dev, name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_FATAL(p->output && slot < DEVTEST_PINS);
    memset(&t->pin[slot], 0, sizeof(t->pin[slot]));
    irq_connect(p->line, devtest_pin_changed, t, slot);
}

/* Drive the input pin `name` of dev. */
static inline void devtest_drive(struct device *dev, const char *name, bool level)
{
    struct dev_pin *p = dev_find_pin(dev, name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_FATAL(!p->output);
    p->handler(p->opaque, p->n, level);
}

/* Advance simulated time by ps, firing each event at its own time, as the engine does. */
static inline void devtest_advance(struct devtest *t, uint64_t ps)
{
    uint64_t end = t->clock.now + ps;
    while (clock_next(&t->clock) <= end) {
        if (clock_next(&t->clock) > t->clock.now)
            t->clock.now = clock_next(&t->clock);
        clock_run_due(&t->clock);
    }
    t->clock.now = end;
}

/* Register accesses that must be accepted by the device. */
static inline uint64_t devtest_rd(struct device *dev, uint64_t off, unsigned size)
{
    uint64_t v = 0xdeadbeefdeadbeefULL;
    CU_ASSERT_TRUE(dev->type->read(dev, off, size, &v));
    return v;
}

static inline void devtest_wr(struct device *dev, uint64_t off, unsigned size, uint64_t val)
{
    CU_ASSERT_TRUE(dev->type->write(dev, off, size, val));
}

#endif
