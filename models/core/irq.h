/* Interrupt wires: a device drives an output line; whatever the platform wired it to is told
 * of level changes. One output feeds one input (fan-out is a later need). */
#ifndef SOCSIM_IRQ_H
#define SOCSIM_IRQ_H

#include <stdbool.h>

typedef void irq_handler_fn(void *opaque, unsigned n, bool level);

struct irq_line {
    irq_handler_fn *handler; /* NULL while unconnected: levels are still tracked */
    void *opaque;
    unsigned n;
    bool level;
};

/* Drive a line; only a change of level reaches the receiver. */
static inline void irq_set(struct irq_line *l, bool level)
{
    if (l->level == level)
        return;
    l->level = level;
    if (l->handler)
        l->handler(l->opaque, l->n, level);
}

static inline void irq_connect(struct irq_line *l, irq_handler_fn *fn, void *opaque, unsigned n)
{
    l->handler = fn;
    l->opaque = opaque;
    l->n = n;
    if (l->level)
        fn(opaque, n, true);
}

#endif
