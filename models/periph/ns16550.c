/* NS16550A UART (`ns16550`): the console UART of QEMU-virt-style platforms.
 *
 * Transmit is instantaneous: a THR write goes straight to the console and THRE/TEMT never
 * drop, so the transmitter-empty interrupt re-arms at once (see ns16550_write_thr).
 * Receive has the 16-byte FIFO (1 byte deep in non-FIFO mode). Console input is polled by
 * an event every NS16550_POLL_PS of simulated time, one byte per poll, which stands for one
 * character time (about 100 kbaud); polling stops for good at ENV_EOF. No console byte is
 * taken while the FIFO is full, so console input never overruns: OE only appears in loopback,
 * where the guest can outrun its own receiver. The divisor latches are kept for the guest to
 * read back but do not change the pacing, which keeps runs independent of the baud rate.
 *
 * Accesses: 1, 2 or 4 bytes at each register's offset (register i at i << reg_shift); wider
 * accesses reach the byte register, upper bits read 0 and are ignored on write. Offsets
 * between registers (reg_shift > 0) and past SCR read 0 and ignore writes, with a guest-error
 * line: the chip decodes only its register addresses and never faults. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "models/periph/periph.h"

#define NS16550_POLL_PS 100000000ULL /* 100 us */
#define NS16550_IDLE_DOUBLINGS 7        /* idle polls back off to 12.8 ms */
#define NS16550_FIFO 16

enum {
    REG_RBR = 0, /* THR on write, DLL with DLAB */
    REG_IER = 1, /* DLM with DLAB */
    REG_IIR = 2, /* FCR on write */
    REG_LCR = 3,
    REG_MCR = 4,
    REG_LSR = 5,
    REG_MSR = 6,
    REG_SCR = 7,
};

#define IER_RDI 0x01  /* received data available */
#define IER_THRI 0x02 /* transmitter holding register empty */
#define IER_RLSI 0x04 /* receiver line status */
#define IER_MSI 0x08  /* modem status */

#define IIR_NONE 0x01
#define IIR_MSI 0x00
#define IIR_THRI 0x02
#define IIR_RDI 0x04
#define IIR_RLSI 0x06
#define IIR_CTI 0x0c
#define IIR_FIFO 0xc0

#define FCR_ENABLE 0x01
#define FCR_CLEAR_RX 0x02
#define FCR_CLEAR_TX 0x04

#define LCR_DLAB 0x80

#define MCR_DTR 0x01
#define MCR_RTS 0x02
#define MCR_OUT1 0x04
#define MCR_OUT2 0x08
#define MCR_LOOP 0x10

#define LSR_DR 0x01
#define LSR_OE 0x02
#define LSR_THRE 0x20
#define LSR_TEMT 0x40

#define MSR_DCTS 0x01
#define MSR_DDSR 0x02
#define MSR_TERI 0x04
#define MSR_DDCD 0x08
#define MSR_CTS 0x10
#define MSR_DSR 0x20
#define MSR_RI 0x40
#define MSR_DCD 0x80
/* Outside loopback the modem inputs look like an attached terminal: CTS, DSR and DCD active. */
#define MSR_LINES_IDLE (MSR_CTS | MSR_DSR | MSR_DCD)

struct ns16550 {
    struct device dev;
    unsigned reg_shift;
    uint64_t clock_hz; /* input clock, for the device tree and divisor arithmetic */

    uint8_t ier, lcr, mcr, lsr, msr, scr, dll, dlm;
    uint8_t fcr; /* the programmed FIFO control bits (write-only register) */
    bool thr_pending;     /* THRE interrupt raised and not yet acknowledged */
    bool timeout_pending; /* character timeout reached, cleared by an RBR read */

    uint8_t rx[NS16550_FIFO];
    unsigned rx_head, rx_count;

    bool input_eof;
    struct event poll_ev;    /* console input poll */
    unsigned idle_polls;     /* polls in a row that found no input, up to the back-off cap */
    struct event timeout_ev; /* character-timeout deadline */
    struct irq_line irq;
};

static const struct param_decl ns16550_params[] = {
    {"size", PARAM_SIZE, "0x100", "bytes of address space"},
    {"reg_shift", PARAM_INT, "0", "register i is at offset i << reg_shift (0..4)"},
    {"clock", PARAM_FREQ, "3686400", "input clock (divisor arithmetic, device tree)"},
    {NULL, 0, NULL, NULL},
};

static bool ns16550_fifo_mode(const struct ns16550 *u) { return u->fcr & FCR_ENABLE; }

static unsigned ns16550_rx_depth(const struct ns16550 *u)
{
    return ns16550_fifo_mode(u) ? NS16550_FIFO : 1;
}

static unsigned ns16550_trigger(const struct ns16550 *u)
{
    static const unsigned levels[4] = {1, 4, 8, 14};
    return levels[u->fcr >> 6];
}

/* Identification of the highest-priority pending interrupt, as IIR bits 3:0. */
static uint8_t ns16550_iir_id(const struct ns16550 *u)
{
    if ((u->ier & IER_RLSI) && (u->lsr & LSR_OE))
        return IIR_RLSI;
    if ((u->ier & IER_RDI) && u->timeout_pending)
        return IIR_CTI;
    if ((u->ier & IER_RDI) && u->rx_count &&
        (!ns16550_fifo_mode(u) || u->rx_count >= ns16550_trigger(u)))
        return IIR_RDI;
    if ((u->ier & IER_THRI) && u->thr_pending)
        return IIR_THRI;
    if ((u->ier & IER_MSI) && (u->msr & (MSR_DCTS | MSR_DDSR | MSR_TERI | MSR_DDCD)))
        return IIR_MSI;
    return IIR_NONE;
}

static void ns16550_update_irq(struct ns16550 *u)
{
    if (u->rx_count)
        u->lsr |= LSR_DR;
    else
        u->lsr &= (uint8_t)~LSR_DR;
    irq_set(&u->irq, ns16550_iir_id(u) != IIR_NONE);
}

/* FIFO activity restarts the character-timeout timer. In FIFO mode with data below the
 * trigger level, the timeout fires after one character time (one poll period) of silence;
 * the datasheet says four, we keep it to one so a short line is seen without delay. */
static void ns16550_rx_activity(struct ns16550 *u)
{
    struct clock *clk = u->dev.env->clock;
    if (ns16550_fifo_mode(u) && u->rx_count && u->rx_count < ns16550_trigger(u))
        event_schedule(clk, &u->timeout_ev, clk->now + NS16550_POLL_PS);
    else
        event_cancel(clk, &u->timeout_ev);
}

static void ns16550_timeout_event(void *opaque)
{
    struct ns16550 *u = opaque;
    u->timeout_pending = true;
    ns16550_update_irq(u);
}

/* A received byte arrives. With no room it is an overrun (OE): in non-FIFO mode the new byte
 * replaces the unread one, in FIFO mode it is lost (it stays in the shift register). */
static void ns16550_rx_push(struct ns16550 *u, uint8_t byte)
{
    if (u->rx_count >= ns16550_rx_depth(u)) {
        u->lsr |= LSR_OE;
        if (!ns16550_fifo_mode(u))
            u->rx[u->rx_head] = byte;
        return;
    }
    u->rx[(u->rx_head + u->rx_count) % NS16550_FIFO] = byte;
    u->rx_count++;
    ns16550_rx_activity(u);
}

static void ns16550_rx_clear(struct ns16550 *u)
{
    u->rx_head = u->rx_count = 0;
    u->timeout_pending = false;
    event_cancel(u->dev.env->clock, &u->timeout_ev);
}

static void ns16550_poll_event(void *opaque)
{
    struct ns16550 *u = opaque;
    struct sim_env *env = u->dev.env;
    /* Reschedule first: a byte taken now re-arms the timeout for the same future instant,
     * and events at one instant fire in scheduling order, so the next poll gets its chance
     * to deliver a byte before the timeout is judged. */
    event_schedule(env->clock, &u->poll_ev, env->clock->now + NS16550_POLL_PS);
    /* In loopback the receiver is disconnected from the line; input waits. */
    if ((u->mcr & MCR_LOOP) || u->rx_count >= ns16550_rx_depth(u))
        return;
    int c = env->console_read(env->owner);
    if (c == ENV_EOF) {
        u->input_eof = true;
        event_cancel(env->clock, &u->poll_ev);
        return;
    }
    if (c < 0) {
        /* An idle line (an open terminal or pipe with nothing to say) is polled less and less
         * often, up to NS16550_POLL_IDLE_PS, so it costs the hart nothing; the first byte
         * brings the pace back. File input is never idle, so its timing does not change. */
        if (u->idle_polls < NS16550_IDLE_DOUBLINGS)
            u->idle_polls++;
        event_schedule(env->clock, &u->poll_ev,
                       env->clock->now + (NS16550_POLL_PS << u->idle_polls));
        return;
    }
    u->idle_polls = 0;
    ns16550_rx_push(u, (uint8_t)c);
    ns16550_update_irq(u);
}

static void ns16550_start_poll(struct ns16550 *u)
{
    struct sim_env *env = u->dev.env;
    u->idle_polls = 0;
    if (env->console_read && !u->input_eof)
        event_schedule(env->clock, &u->poll_ev, env->clock->now + NS16550_POLL_PS);
}

/* Modem inputs as the chip sees them: in loopback they are wired to the modem outputs. */
static uint8_t ns16550_modem_lines(const struct ns16550 *u)
{
    if (!(u->mcr & MCR_LOOP))
        return MSR_LINES_IDLE;
    uint8_t m = 0;
    if (u->mcr & MCR_RTS)
        m |= MSR_CTS;
    if (u->mcr & MCR_DTR)
        m |= MSR_DSR;
    if (u->mcr & MCR_OUT1)
        m |= MSR_RI;
    if (u->mcr & MCR_OUT2)
        m |= MSR_DCD;
    return m;
}

/* Latch the new modem input levels, recording deltas (RI only on its trailing edge). */
static void ns16550_modem_update(struct ns16550 *u)
{
    uint8_t old = u->msr & 0xf0, now = ns16550_modem_lines(u);
    uint8_t delta = u->msr & 0x0f;
    if ((old ^ now) & MSR_CTS)
        delta |= MSR_DCTS;
    if ((old ^ now) & MSR_DSR)
        delta |= MSR_DDSR;
    if ((old & MSR_RI) && !(now & MSR_RI))
        delta |= MSR_TERI;
    if ((old ^ now) & MSR_DCD)
        delta |= MSR_DDCD;
    u->msr = now | delta;
}

static void ns16550_reset(struct device *dev)
{
    struct ns16550 *u = (struct ns16550 *)dev;
    u->ier = 0;
    u->lcr = 0;
    u->mcr = 0;
    u->fcr = 0;
    u->lsr = LSR_THRE | LSR_TEMT;
    u->msr = MSR_LINES_IDLE; /* no deltas at power-on */
    u->scr = 0;
    u->dll = u->dlm = 0; /* undefined on the chip; 0 keeps runs reproducible */
    u->thr_pending = false;
    ns16550_rx_clear(u);
    ns16550_start_poll(u);
    ns16550_update_irq(u);
}

static struct device *ns16550_create(const struct dev_config *cfg, struct sim_env *env,
                                     char *err, size_t errlen)
{
    uint64_t size = cfg_u64(cfg, "size");
    uint64_t shift = cfg_u64(cfg, "reg_shift");
    if (shift > 4) {
        snprintf(err, errlen, "ns16550: reg_shift %" PRIu64 " out of range (0..4)", shift);
        return NULL;
    }
    if (size < (8u << shift)) {
        snprintf(err, errlen, "ns16550: size 0x%" PRIx64 " too small for 8 registers at stride %u"
                 " (at least 0x%x)", size, 1u << shift, 8u << shift);
        return NULL;
    }
    struct ns16550 *u = calloc(1, sizeof(*u));
    if (!u) {
        snprintf(err, errlen, "ns16550: out of host memory");
        return NULL;
    }
    dev_init(&u->dev, &dev_ns16550, cfg, env);
    u->reg_shift = (unsigned)shift;
    u->clock_hz = cfg_u64(cfg, "clock");
    event_init(&u->poll_ev, ns16550_poll_event, u);
    event_init(&u->timeout_ev, ns16550_timeout_event, u);
    dev_add_output(&u->dev, "irq", &u->irq);
    ns16550_reset(&u->dev);
    return &u->dev;
}

static void ns16550_destroy(struct device *dev)
{
    struct ns16550 *u = (struct ns16550 *)dev;
    event_cancel(dev->env->clock, &u->poll_ev);
    event_cancel(dev->env->clock, &u->timeout_ev);
    dev_fini(dev);
    free(u);
}

/* Register index for an offset, or -1 for an offset that decodes no register. */
static int ns16550_reg(const struct ns16550 *u, uint64_t off)
{
    if (off & ((1u << u->reg_shift) - 1))
        return -1;
    uint64_t r = off >> u->reg_shift;
    return r < 8 ? (int)r : -1;
}

static uint8_t ns16550_read_rbr(struct ns16550 *u)
{
    if (!u->rx_count)
        return 0; /* reading an empty receiver gives stale data on the chip; 0 is our stale */
    uint8_t b = u->rx[u->rx_head];
    u->rx_head = (u->rx_head + 1) % NS16550_FIFO;
    u->rx_count--;
    u->timeout_pending = false;
    ns16550_rx_activity(u);
    return b;
}

static bool ns16550_read(struct device *dev, uint64_t off, unsigned size, uint64_t *val)
{
    struct ns16550 *u = (struct ns16550 *)dev;
    int reg = ns16550_reg(u, off);
    uint8_t v = 0;
    switch (reg) {
    case REG_RBR:
        v = (u->lcr & LCR_DLAB) ? u->dll : ns16550_read_rbr(u);
        break;
    case REG_IER:
        v = (u->lcr & LCR_DLAB) ? u->dlm : u->ier;
        break;
    case REG_IIR: {
        uint8_t id = ns16550_iir_id(u);
        v = id | (ns16550_fifo_mode(u) ? IIR_FIFO : 0);
        /* Reading IIR acknowledges a THRE interrupt, but only when it is the one reported. */
        if (id == IIR_THRI)
            u->thr_pending = false;
        break;
    }
    case REG_LCR:
        v = u->lcr;
        break;
    case REG_MCR:
        v = u->mcr;
        break;
    case REG_LSR:
        v = u->lsr;
        u->lsr &= (uint8_t)~LSR_OE; /* error bits clear on read */
        break;
    case REG_MSR:
        v = u->msr;
        u->msr &= 0xf0; /* deltas clear on read */
        break;
    case REG_SCR:
        v = u->scr;
        break;
    default:
        env_guest_error(dev->env, dev->name, "read of unmapped offset 0x%" PRIx64, off);
        break;
    }
    *val = v;
    ns16550_update_irq(u);
    return true;
}

/* THR write. The byte leaves at once (or loops back to the receiver), so the holding register
 * is empty again immediately: the write acknowledges the THRE interrupt and the transmitter
 * becoming empty raises it again, as the datasheet orders those events. The IRQ line, updated
 * once afterwards, therefore stays high while IER.THRI is set; a driver stops it by clearing
 * IER.THRI when it has nothing more to send. */
static void ns16550_write_thr(struct ns16550 *u, uint8_t byte)
{
    struct sim_env *env = u->dev.env;
    u->thr_pending = false;
    if (u->mcr & MCR_LOOP)
        ns16550_rx_push(u, byte);
    else if (env->console_write)
        env->console_write(env->owner, &byte, 1);
    u->thr_pending = true;
}

static void ns16550_write_fcr(struct ns16550 *u, uint8_t val)
{
    /* Toggling FIFO mode empties the FIFOs; the other bits only take when bit 0 is set. */
    if ((val ^ u->fcr) & FCR_ENABLE)
        ns16550_rx_clear(u);
    if (!(val & FCR_ENABLE)) {
        u->fcr = 0;
        return;
    }
    if (val & FCR_CLEAR_RX)
        ns16550_rx_clear(u);
    /* TX FIFO clear: transmission is instantaneous, nothing is ever queued. */
    u->fcr = val & 0xc9; /* trigger level, DMA mode, enable; the clear bits self-clear */
    ns16550_rx_activity(u);
}

static bool ns16550_write(struct device *dev, uint64_t off, unsigned size, uint64_t val64)
{
    struct ns16550 *u = (struct ns16550 *)dev;
    int reg = ns16550_reg(u, off);
    uint8_t val = (uint8_t)val64;
    switch (reg) {
    case REG_RBR:
        if (u->lcr & LCR_DLAB)
            u->dll = val;
        else
            ns16550_write_thr(u, val);
        break;
    case REG_IER:
        if (u->lcr & LCR_DLAB) {
            u->dlm = val;
        } else {
            uint8_t old = u->ier;
            u->ier = val & 0x0f;
            /* Enabling the THRE interrupt while the holding register is empty raises it at
             * once: that is how drivers kick off interrupt-driven transmission. */
            if (!(old & IER_THRI) && (u->ier & IER_THRI) && (u->lsr & LSR_THRE))
                u->thr_pending = true;
        }
        break;
    case REG_IIR:
        ns16550_write_fcr(u, val);
        break;
    case REG_LCR:
        u->lcr = val;
        break;
    case REG_MCR:
        u->mcr = val & 0x1f;
        ns16550_modem_update(u);
        break;
    case REG_LSR:
    case REG_MSR:
        env_guest_error(dev->env, dev->name, "write of 0x%02x to read-only %s ignored", val,
                        reg == REG_LSR ? "LSR" : "MSR");
        break;
    case REG_SCR:
        u->scr = val;
        break;
    default:
        env_guest_error(dev->env, dev->name, "write of 0x%" PRIx64 " to unmapped offset 0x%"
                        PRIx64 " ignored", val64, off);
        break;
    }
    ns16550_update_irq(u);
    return true;
}

const struct dev_type dev_ns16550 = {
    .name = "ns16550",
    .help = "16550A UART on the console, with 16-byte receive FIFO",
    .params = ns16550_params,
    .mapped = true,
    .access_sizes = DEV_SZ1 | DEV_SZ2 | DEV_SZ4,
    .create = ns16550_create,
    .destroy = ns16550_destroy,
    .reset = ns16550_reset,
    .read = ns16550_read,
    .write = ns16550_write,
};
