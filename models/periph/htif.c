/* Spike's host-target interface (`htif`): the firmware's `tohost`/`fromhost` words, found by
 * symbol after the ELF is loaded and overlaid on RAM, carry commands to the host and replies
 * back. Supported, with Spike's encoding (device 63:56, command 55:48, payload 47:0):
 *   device 0, command 0, payload bit 0 set: exit with status tohost >> 1 (riscv-tests);
 *   device 1, command 1: console putchar, acknowledged with 0x100|char;
 *   device 1, command 0: console getchar, answered with 0x100|char once input arrives.
 * Like Spike, the host clears tohost to 0 when it takes a command, and queues its replies,
 * writing the next one into fromhost only after the firmware has zeroed it. Proxied system
 * calls (device 0, even payload: a pointer to a request in guest memory) need guest memory
 * access that a device does not have: they are logged and ignored.
 *
 * When a command is taken: RV32 firmware stores the 64-bit tohost as two 32-bit words (lo
 * then hi in riscv-tests and GCC output), RV64 with one store. The command is taken as soon
 * as all 8 bytes of tohost have been written since the last one, whatever the order and
 * width of the stores; a partial write (a lone 32-bit store) is taken HTIF_SETTLE_PS later,
 * long after any second half would have arrived. Spike itself polls tohost every few
 * thousand instructions, so nothing can rely on a faster reaction. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "models/core/symtab.h"
#include "models/periph/periph.h"

#define HTIF_SETTLE_PS 10000000ULL  /* 10 us: lone half-word writes */
#define HTIF_POLL_PS 100000000ULL   /* 100 us: console input for a pending getchar */
#define HTIF_QUEUE 16               /* replies waiting for fromhost to be free */
#define HTIF_PAYLOAD_MASK ((1ULL << 48) - 1)

#define HTIF_DEV_SYSCALL 0
#define HTIF_DEV_CONSOLE 1
#define HTIF_CONSOLE_GETC 0
#define HTIF_CONSOLE_PUTC 1

struct htif {
    struct device dev;
    /* Layout inside the mapped region, set by place(). */
    unsigned tohost_off, fromhost_off;
    bool have_fromhost;

    uint64_t tohost, fromhost;
    uint8_t written; /* bytes of tohost written since the last command was taken */
    struct event settle_ev;

    uint64_t queue[HTIF_QUEUE];
    unsigned qhead, qcount;
    unsigned pending_reads; /* getchar requests not answered yet */
    bool input_eof;
    struct event poll_ev;
};

static const struct param_decl htif_params[] = {
    {NULL, 0, NULL, NULL},
};

/* Move the next queued reply into fromhost if the firmware has consumed the previous one. */
static void htif_deliver(struct htif *h)
{
    if (h->have_fromhost && h->fromhost == 0 && h->qcount) {
        h->fromhost = h->queue[h->qhead];
        h->qhead = (h->qhead + 1) % HTIF_QUEUE;
        h->qcount--;
    }
}

/* Queue a reply carrying the command's device and command fields, as Spike does. Without a
 * fromhost word nobody can read it. A full queue can only hold putchar acknowledgements from
 * firmware that never reads fromhost (getchar waits for room), so dropping is harmless. */
static void htif_respond(struct htif *h, uint64_t cmd, uint64_t payload)
{
    if (!h->have_fromhost || h->qcount == HTIF_QUEUE)
        return;
    h->queue[(h->qhead + h->qcount) % HTIF_QUEUE] =
        (cmd & ~HTIF_PAYLOAD_MASK) | (payload & HTIF_PAYLOAD_MASK);
    h->qcount++;
    htif_deliver(h);
}

/* Answer pending getchar requests from console input while there is input and room. */
static void htif_serve_reads(struct htif *h)
{
    struct sim_env *env = h->dev.env;
    while (h->pending_reads && !h->input_eof && h->qcount < HTIF_QUEUE) {
        int c = env->console_read ? env->console_read(env->owner) : ENV_EOF;
        if (c == ENV_EOF)
            h->input_eof = true;
        if (c < 0)
            break;
        htif_respond(h, (uint64_t)HTIF_DEV_CONSOLE << 56, 0x100 | (unsigned)(c & 0xff));
        h->pending_reads--;
    }
    if (h->pending_reads && !h->input_eof)
        event_schedule(env->clock, &h->poll_ev, env->clock->now + HTIF_POLL_PS);
    else
        event_cancel(env->clock, &h->poll_ev);
}

static void htif_poll_event(void *opaque)
{
    htif_serve_reads(opaque);
}

static void htif_console(struct htif *h, uint64_t cmd)
{
    struct sim_env *env = h->dev.env;
    unsigned op = (unsigned)(cmd >> 48) & 0xff;
    if (op == HTIF_CONSOLE_PUTC) {
        uint8_t ch = (uint8_t)cmd;
        if (env->console_write)
            env->console_write(env->owner, &ch, 1);
        htif_respond(h, cmd, 0x100 | ch);
    } else if (op == HTIF_CONSOLE_GETC) {
        /* Input is consumed only for a reply someone can read. */
        if (!h->have_fromhost) {
            env_guest_error(env, h->dev.name, "console getchar needs a fromhost word next to "
                            "tohost; request ignored");
            return;
        }
        h->pending_reads++;
        htif_serve_reads(h);
    } else {
        env_guest_error(env, h->dev.name, "unsupported console command %u (tohost 0x%016"
                        PRIx64 ") ignored", op, cmd);
    }
}

/* Take the command in tohost, as the host does: clear tohost, then act on the command. */
static void htif_take(struct htif *h)
{
    struct sim_env *env = h->dev.env;
    uint64_t cmd = h->tohost;
    event_cancel(env->clock, &h->settle_ev);
    h->written = 0;
    if (cmd == 0)
        return;
    h->tohost = 0;
    unsigned device = (unsigned)(cmd >> 56), op = (unsigned)(cmd >> 48) & 0xff;
    if (device == HTIF_DEV_SYSCALL && op == 0 && (cmd & 1)) {
        if (env->exit_request)
            env->exit_request(env->owner, env_exit_code(cmd >> 1));
    } else if (device == HTIF_DEV_SYSCALL && op == 0) {
        env_guest_error(env, h->dev.name, "proxied system call (request at 0x%" PRIx64
                        ") is not supported; ignored", cmd);
    } else if (device == HTIF_DEV_CONSOLE) {
        htif_console(h, cmd);
    } else {
        env_guest_error(env, h->dev.name, "unsupported device %u command %u (tohost 0x%016"
                        PRIx64 ") ignored", device, op, cmd);
    }
}

static void htif_settle_event(void *opaque)
{
    htif_take(opaque);
}

static void htif_reset(struct device *dev)
{
    struct htif *h = (struct htif *)dev;
    h->tohost = h->fromhost = 0;
    h->written = 0;
    h->qhead = h->qcount = 0;
    h->pending_reads = 0;
    event_cancel(dev->env->clock, &h->settle_ev);
    event_cancel(dev->env->clock, &h->poll_ev);
}

static struct device *htif_create(const struct dev_config *cfg, struct sim_env *env, char *err,
                                  size_t errlen)
{
    struct htif *h = calloc(1, sizeof(*h));
    if (!h) {
        snprintf(err, errlen, "htif: out of host memory");
        return NULL;
    }
    dev_init(&h->dev, &dev_htif, cfg, env);
    event_init(&h->settle_ev, htif_settle_event, h);
    event_init(&h->poll_ev, htif_poll_event, h);
    htif_reset(&h->dev);
    return &h->dev;
}

static void htif_destroy(struct device *dev)
{
    struct htif *h = (struct htif *)dev;
    event_cancel(dev->env->clock, &h->settle_ev);
    event_cancel(dev->env->clock, &h->poll_ev);
    dev_fini(dev);
    free(h);
}

/* Map tohost, plus fromhost when it sits right next to it (the layout of riscv-pk and
 * OpenSBI). The region is one range, so a fromhost elsewhere (riscv-tests put it 64 bytes
 * further) stays plain RAM: that only loses replies, which riscv-tests never read. */
static bool htif_place(struct device *dev, const struct symtab *syms, uint64_t *base,
                       uint64_t *size)
{
    struct htif *h = (struct htif *)dev;
    uint64_t to, from;
    if (!symtab_lookup(syms, "tohost", &to))
        return false;
    if (to % 8) {
        env_guest_error(dev->env, dev->name, "tohost at 0x%" PRIx64 " is not 8-byte aligned; "
                        "HTIF disabled", to);
        return false;
    }
    bool have_from = symtab_lookup(syms, "fromhost", &from);
    h->have_fromhost = true;
    if (have_from && from == to + 8) {
        *base = to;
        h->tohost_off = 0;
        h->fromhost_off = 8;
    } else if (have_from && to >= 8 && from == to - 8) {
        *base = from;
        h->fromhost_off = 0;
        h->tohost_off = 8;
    } else {
        if (have_from)
            env_guest_error(dev->env, dev->name, "fromhost at 0x%" PRIx64 " is not next to "
                            "tohost at 0x%" PRIx64 "; host replies are disabled", from, to);
        h->have_fromhost = false;
        h->tohost_off = 0;
        *base = to;
        *size = 8;
        return true;
    }
    *size = 16;
    return true;
}

/* Which word an access hits; *sub is the byte offset inside it. */
static uint64_t *htif_word(struct htif *h, uint64_t off, unsigned *sub)
{
    if (off >= h->tohost_off && off < h->tohost_off + 8u) {
        *sub = (unsigned)(off - h->tohost_off);
        return &h->tohost;
    }
    if (h->have_fromhost && off >= h->fromhost_off && off < h->fromhost_off + 8u) {
        *sub = (unsigned)(off - h->fromhost_off);
        return &h->fromhost;
    }
    return NULL;
}

static uint64_t htif_size_mask(unsigned size)
{
    return size >= 8 ? UINT64_MAX : (1ULL << (8 * size)) - 1;
}

static bool htif_read(struct device *dev, uint64_t off, unsigned size, uint64_t *val)
{
    struct htif *h = (struct htif *)dev;
    unsigned sub;
    uint64_t *w = htif_word(h, off, &sub);
    if (!w) {
        env_guest_error(dev->env, dev->name, "read outside tohost/fromhost at offset 0x%" PRIx64,
                        off);
        *val = 0;
        return true;
    }
    *val = (*w >> (8 * sub)) & htif_size_mask(size);
    return true;
}

static bool htif_write(struct device *dev, uint64_t off, unsigned size, uint64_t val)
{
    struct htif *h = (struct htif *)dev;
    unsigned sub;
    uint64_t *w = htif_word(h, off, &sub);
    if (!w) {
        env_guest_error(dev->env, dev->name, "write of 0x%" PRIx64 " outside tohost/fromhost "
                        "at offset 0x%" PRIx64 " ignored", val, off);
        return true;
    }
    uint64_t mask = htif_size_mask(size) << (8 * sub);
    *w = (*w & ~mask) | ((val << (8 * sub)) & mask);
    if (w == &h->fromhost) {
        htif_deliver(h); /* zeroing fromhost makes room for the next reply */
        if (h->pending_reads)
            htif_serve_reads(h);
        return true;
    }
    h->written |= (uint8_t)(((1u << size) - 1) << sub);
    if (h->written == 0xff)
        htif_take(h);
    else
        event_schedule(dev->env->clock, &h->settle_ev, dev->env->clock->now + HTIF_SETTLE_PS);
    return true;
}

const struct dev_type dev_htif = {
    .name = "htif",
    .help = "Spike host-target interface at the firmware's tohost/fromhost symbols",
    .params = htif_params,
    .mapped = false,
    .access_sizes = DEV_SZ1 | DEV_SZ2 | DEV_SZ4 | DEV_SZ8,
    .create = htif_create,
    .destroy = htif_destroy,
    .reset = htif_reset,
    .read = htif_read,
    .write = htif_write,
    .place = htif_place,
};
