/* SiFive PLIC (`plic`): routes level-triggered interrupt sources to hart contexts by priority,
 * with per-context enables, thresholds and the claim/complete handshake.
 *
 * Each source has a gateway: when its line is high and the gateway is free, the gateway
 * forwards one request (the pending bit) and then stays busy until the handler's completion
 * frees it, so a level that is still high after completion pends again. A claim clears the
 * pending bit; the gateway stays busy. Priority 0 means "never": such a source is neither
 * claimable nor signalled. Claims ignore the threshold (spec: "the claim operation is not
 * affected by the setting of the priority threshold register").
 *
 * Accesses: 32 bits only. Reserved offsets and read-only registers (pending bits) read 0 /
 * ignore writes with a guest-error line, as the SiFive manuals describe them as WARL/WIRI. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "models/periph/periph.h"

#define PLIC_PRIORITY 0x000000
#define PLIC_PENDING 0x001000
#define PLIC_ENABLE 0x002000
#define PLIC_ENABLE_STRIDE 0x80
#define PLIC_CONTEXT 0x200000
#define PLIC_CONTEXT_STRIDE 0x1000
#define PLIC_MAX_SOURCES 1023
#define PLIC_MAX_CONTEXTS 15872 /* (0x4000000 - 0x200000) / 0x1000 */
#define PLIC_WORDS 32           /* 32-bit words of a 1024-source bit vector */

struct plic_ctx {
    uint32_t enable[PLIC_WORDS];
    uint32_t threshold;
    struct irq_line line;
};

struct plic {
    struct device dev;
    unsigned nsources, nctx;
    uint32_t prio_mask;
    uint32_t priority[PLIC_MAX_SOURCES + 1];
    uint32_t pending[PLIC_WORDS];
    uint32_t busy[PLIC_WORDS];  /* gateway forwarded a request, awaits completion */
    uint32_t level[PLIC_WORDS]; /* input line levels */
    struct plic_ctx *ctx;
};

static const struct param_decl plic_params[] = {
    {"size", PARAM_SIZE, "0x4000000", "bytes of address space"},
    {"sources", PARAM_INT, "96", "interrupt sources 1..N (inputs named \"1\"..\"N\"), N <= 1023"},
    {"contexts", PARAM_INT, "2", "hart contexts (outputs ctx0..ctxN-1)"},
    {"priority_bits", PARAM_INT, "3", "implemented priority bits (3: priorities 0..7)"},
    {NULL, 0, NULL, NULL},
};

static bool bit_get(const uint32_t *v, unsigned i) { return (v[i / 32] >> (i % 32)) & 1; }
static void bit_set(uint32_t *v, unsigned i) { v[i / 32] |= 1u << (i % 32); }
static void bit_clr(uint32_t *v, unsigned i) { v[i / 32] &= ~(1u << (i % 32)); }

/* Highest-priority pending source enabled for ctx with priority above `floor`; ties go to the
 * lowest id. 0 if none. */
static unsigned plic_best(const struct plic *p, const struct plic_ctx *ctx, uint32_t floor)
{
    unsigned best = 0;
    uint32_t best_prio = floor;
    for (unsigned w = 0; w < PLIC_WORDS; w++) {
        uint32_t cand = p->pending[w] & ctx->enable[w];
        while (cand) {
            unsigned src = w * 32 + (unsigned)__builtin_ctz(cand);
            cand &= cand - 1;
            if (p->priority[src] > best_prio) {
                best = src;
                best_prio = p->priority[src];
            }
        }
    }
    return best;
}

/* Let every free gateway whose line is high forward a request. */
static void plic_gateways(struct plic *p)
{
    for (unsigned w = 0; w < PLIC_WORDS; w++) {
        uint32_t fire = p->level[w] & ~p->busy[w];
        p->pending[w] |= fire;
        p->busy[w] |= fire;
    }
}

static void plic_update_irq(struct plic *p)
{
    plic_gateways(p);
    for (unsigned c = 0; c < p->nctx; c++)
        irq_set(&p->ctx[c].line, plic_best(p, &p->ctx[c], p->ctx[c].threshold) != 0);
}

static void plic_input(void *opaque, unsigned src, bool level)
{
    struct plic *p = opaque;
    if (level)
        bit_set(p->level, src);
    else
        bit_clr(p->level, src); /* a request already forwarded stays pending until claimed */
    plic_update_irq(p);
}

static void plic_reset(struct device *dev)
{
    struct plic *p = (struct plic *)dev;
    for (unsigned i = 0; i <= PLIC_MAX_SOURCES; i++)
        p->priority[i] = 0;
    for (unsigned w = 0; w < PLIC_WORDS; w++)
        p->pending[w] = p->busy[w] = 0; /* line levels are inputs: they survive a reset */
    for (unsigned c = 0; c < p->nctx; c++) {
        for (unsigned w = 0; w < PLIC_WORDS; w++)
            p->ctx[c].enable[w] = 0;
        p->ctx[c].threshold = 0;
    }
    plic_update_irq(p);
}

static struct device *plic_create(const struct dev_config *cfg, struct sim_env *env, char *err,
                                  size_t errlen)
{
    uint64_t size = cfg_u64(cfg, "size");
    uint64_t nsources = cfg_u64(cfg, "sources");
    uint64_t nctx = cfg_u64(cfg, "contexts");
    uint64_t pbits = cfg_u64(cfg, "priority_bits");
    if (nsources < 1 || nsources > PLIC_MAX_SOURCES) {
        snprintf(err, errlen, "sources %" PRIu64 " out of range (1..%d)", nsources,
                 PLIC_MAX_SOURCES);
        return NULL;
    }
    if (nctx < 1 || nctx > PLIC_MAX_CONTEXTS) {
        snprintf(err, errlen, "contexts %" PRIu64 " out of range (1..%d)", nctx,
                 PLIC_MAX_CONTEXTS);
        return NULL;
    }
    if (pbits < 1 || pbits > 32) {
        snprintf(err, errlen, "priority_bits %" PRIu64 " out of range (1..32)", pbits);
        return NULL;
    }
    uint64_t need = PLIC_CONTEXT + PLIC_CONTEXT_STRIDE * nctx;
    if (size < need) {
        snprintf(err, errlen, "size 0x%" PRIx64 " too small for %" PRIu64
                 " contexts (at least 0x%" PRIx64 ")", size, nctx, need);
        return NULL;
    }
    struct plic *p = calloc(1, sizeof(*p));
    struct plic_ctx *ctx = calloc(nctx, sizeof(*ctx));
    if (!p || !ctx) {
        free(p);
        free(ctx);
        snprintf(err, errlen, "out of host memory");
        return NULL;
    }
    dev_init(&p->dev, &dev_plic, cfg, env);
    p->nsources = (unsigned)nsources;
    p->nctx = (unsigned)nctx;
    p->prio_mask = pbits == 32 ? UINT32_MAX : (1u << pbits) - 1;
    p->ctx = ctx;
    for (unsigned s = 1; s <= p->nsources; s++) {
        char name[24];
        snprintf(name, sizeof(name), "%u", s);
        dev_add_input(&p->dev, name, plic_input, p, s);
    }
    for (unsigned c = 0; c < p->nctx; c++) {
        char name[24];
        snprintf(name, sizeof(name), "ctx%u", c);
        dev_add_output(&p->dev, name, &ctx[c].line);
    }
    plic_reset(&p->dev);
    return &p->dev;
}

static void plic_destroy(struct device *dev)
{
    struct plic *p = (struct plic *)dev;
    dev_fini(dev);
    free(p->ctx);
    free(p);
}

/* Mask of the bits of bit-vector word w that name existing sources (source 0 never does). */
static uint32_t plic_word_mask(const struct plic *p, unsigned w)
{
    uint32_t m = 0;
    for (unsigned b = 0; b < 32; b++) {
        unsigned src = w * 32 + b;
        if (src >= 1 && src <= p->nsources)
            m |= 1u << b;
    }
    return m;
}

static unsigned plic_claim(struct plic *p, struct plic_ctx *ctx)
{
    unsigned src = plic_best(p, ctx, 0);
    if (src) {
        bit_clr(p->pending, src);
        plic_update_irq(p);
    }
    return src;
}

static void plic_complete(struct plic *p, unsigned c, uint32_t id)
{
    if (id < 1 || id > p->nsources || !bit_get(p->ctx[c].enable, id)) {
        /* The spec says such a completion is silently ignored; we log it because it almost
         * always means a driver bug. */
        env_guest_error(p->dev.env, p->dev.name, "completion of source %" PRIu32
                        " not enabled for context %u ignored", id, c);
        return;
    }
    bit_clr(p->busy, id);
    plic_update_irq(p); /* a line still high pends again */
}

static bool plic_read(struct device *dev, uint64_t off, unsigned size, uint64_t *val)
{
    struct plic *p = (struct plic *)dev;
    *val = 0;
    if (off < PLIC_PENDING) {
        uint64_t src = off / 4;
        if (src >= 1 && src <= p->nsources) {
            *val = p->priority[src];
            return true;
        }
    } else if (off < PLIC_PENDING + 4 * PLIC_WORDS) {
        *val = p->pending[(off - PLIC_PENDING) / 4];
        return true;
    } else if (off >= PLIC_ENABLE && off < PLIC_CONTEXT) {
        uint64_t c = (off - PLIC_ENABLE) / PLIC_ENABLE_STRIDE;
        uint64_t w = (off - PLIC_ENABLE) % PLIC_ENABLE_STRIDE / 4;
        if (c < p->nctx && w < PLIC_WORDS) {
            *val = p->ctx[c].enable[w];
            return true;
        }
    } else if (off >= PLIC_CONTEXT) {
        uint64_t c = (off - PLIC_CONTEXT) / PLIC_CONTEXT_STRIDE;
        uint64_t reg = (off - PLIC_CONTEXT) % PLIC_CONTEXT_STRIDE;
        if (c < p->nctx && reg == 0) {
            *val = p->ctx[c].threshold;
            return true;
        }
        if (c < p->nctx && reg == 4) {
            *val = plic_claim(p, &p->ctx[c]);
            return true;
        }
    }
    env_guest_error(dev->env, dev->name, "read of reserved offset 0x%" PRIx64, off);
    return true;
}

static bool plic_write(struct device *dev, uint64_t off, unsigned size, uint64_t val64)
{
    struct plic *p = (struct plic *)dev;
    uint32_t val = (uint32_t)val64;
    if (off < PLIC_PENDING) {
        uint64_t src = off / 4;
        if (src >= 1 && src <= p->nsources) {
            p->priority[src] = val & p->prio_mask; /* WARL: unimplemented bits read 0 */
            plic_update_irq(p);
            return true;
        }
    } else if (off < PLIC_PENDING + 4 * PLIC_WORDS) {
        env_guest_error(dev->env, dev->name, "write of 0x%" PRIx32 " to read-only pending bits "
                        "at offset 0x%" PRIx64 " ignored", val, off);
        return true;
    } else if (off >= PLIC_ENABLE && off < PLIC_CONTEXT) {
        uint64_t c = (off - PLIC_ENABLE) / PLIC_ENABLE_STRIDE;
        uint64_t w = (off - PLIC_ENABLE) % PLIC_ENABLE_STRIDE / 4;
        if (c < p->nctx && w < PLIC_WORDS) {
            p->ctx[c].enable[w] = val & plic_word_mask(p, (unsigned)w);
            plic_update_irq(p);
            return true;
        }
    } else if (off >= PLIC_CONTEXT) {
        uint64_t c = (off - PLIC_CONTEXT) / PLIC_CONTEXT_STRIDE;
        uint64_t reg = (off - PLIC_CONTEXT) % PLIC_CONTEXT_STRIDE;
        if (c < p->nctx && reg == 0) {
            p->ctx[c].threshold = val & p->prio_mask;
            plic_update_irq(p);
            return true;
        }
        if (c < p->nctx && reg == 4) {
            plic_complete(p, (unsigned)c, val);
            return true;
        }
    }
    env_guest_error(dev->env, dev->name, "write of 0x%" PRIx32 " to reserved offset 0x%" PRIx64
                    " ignored", val, off);
    return true;
}

const struct dev_type dev_plic = {
    .name = "plic",
    .help = "SiFive platform-level interrupt controller (level-triggered sources)",
    .params = plic_params,
    .mapped = true,
    .access_sizes = DEV_SZ4,
    .create = plic_create,
    .destroy = plic_destroy,
    .reset = plic_reset,
    .read = plic_read,
    .write = plic_write,
};
