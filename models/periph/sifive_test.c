/* SiFive test finisher (`sifive_test`): firmware ends the run or resets the SoC by writing one
 * 32-bit word, as on QEMU's virt machine. Low 16 bits select the action; for FAIL the high 16
 * bits carry the exit code. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "models/periph/periph.h"

#define SIFIVE_TEST_FAIL 0x3333u
#define SIFIVE_TEST_PASS 0x5555u
#define SIFIVE_TEST_RESET 0x7777u

struct sifive_test {
    struct device dev; /* no state of its own */
};

static const struct param_decl sifive_test_params[] = {
    {"size", PARAM_SIZE, "0x1000", "bytes of address space the finisher occupies"},
    {NULL, 0, NULL, NULL},
};

static struct device *sifive_test_create(const struct dev_config *cfg, struct sim_env *env,
                                         char *err, size_t errlen)
{
    uint64_t size = cfg_u64(cfg, "size");
    if (size < 4) {
        snprintf(err, errlen, "sifive_test: size 0x%" PRIx64 " is too small (at least 4 bytes)",
                 size);
        return NULL;
    }
    struct sifive_test *t = calloc(1, sizeof(*t));
    if (!t) {
        snprintf(err, errlen, "sifive_test: out of host memory");
        return NULL;
    }
    dev_init(&t->dev, &dev_sifive_test, cfg, env);
    return &t->dev;
}

static void sifive_test_destroy(struct device *dev)
{
    dev_fini(dev);
    free(dev);
}

/* Stateless: nothing to reset. */
static void sifive_test_reset(struct device *dev)
{
}

static bool sifive_test_read(struct device *dev, uint64_t off, unsigned size, uint64_t *val)
{
    *val = 0;
    return true;
}

/* Only offset 0 does anything; other offsets and unknown codes are logged and ignored rather
 * than faulted, like the original block, which simply decodes nothing else. */
static bool sifive_test_write(struct device *dev, uint64_t off, unsigned size, uint64_t val)
{
    struct sim_env *env = dev->env;
    if (off != 0) {
        env_guest_error(env, dev->name, "write to reserved offset 0x%" PRIx64
                        " (value 0x%" PRIx64 ") ignored", off, val);
        return true;
    }
    uint32_t code = (uint32_t)val & 0xffff;
    switch (code) {
    case SIFIVE_TEST_PASS:
        if (env->exit_request)
            env->exit_request(env->owner, 0);
        break;
    case SIFIVE_TEST_FAIL:
        if (env->exit_request)
            env->exit_request(env->owner, (int)((uint32_t)val >> 16));
        break;
    case SIFIVE_TEST_RESET:
        if (env->reset_request)
            env->reset_request(env->owner);
        break;
    default:
        env_guest_error(env, dev->name, "unknown command 0x%" PRIx32 " at offset 0x0 ignored",
                        (uint32_t)val);
        break;
    }
    return true;
}

const struct dev_type dev_sifive_test = {
    .name = "sifive_test",
    .help = "test finisher: write 0x5555 (pass), 0x3333|code<<16 (fail) or 0x7777 (reset) at +0",
    .params = sifive_test_params,
    .mapped = true,
    .access_sizes = DEV_SZ2 | DEV_SZ4, /* like QEMU's: OpenSBI writes 0x5555 as a halfword */
    .create = sifive_test_create,
    .destroy = sifive_test_destroy,
    .reset = sifive_test_reset,
    .read = sifive_test_read,
    .write = sifive_test_write,
};
