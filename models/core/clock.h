/* The one simulated clock and its event queue. Time is an integer count of picoseconds.
 * The engine (sim/) owns and advances it; devices below sim/ schedule events on it, which is
 * why it lives here rather than in sim/. */
#ifndef SOCSIM_CLOCK_H
#define SOCSIM_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#define PS_PER_SEC 1000000000000ULL
#define TIME_NEVER UINT64_MAX

struct clock;
typedef void event_fn(void *opaque);

struct event {
    uint64_t when;
    uint64_t seq; /* tie-break: events at the same time fire in scheduling order */
    event_fn *fn;
    void *opaque;
    int slot; /* index in the heap, -1 when not scheduled */
};

struct clock {
    uint64_t now;
    uint64_t seq;
    struct event **heap;
    int count, cap;
    /* Told when an event is scheduled before the current run deadline, so a running CPU can
     * stop at its next instruction boundary and let the event fire on time. */
    void (*on_earlier)(void *opaque, uint64_t when);
    void *on_earlier_opaque;
    uint64_t deadline;
};

void clock_init(struct clock *c);
void clock_free(struct clock *c);
void event_init(struct event *ev, event_fn *fn, void *opaque);
/* Schedule (or move) ev to absolute time `when`; a time in the past fires at the next check. */
void event_schedule(struct clock *c, struct event *ev, uint64_t when);
void event_cancel(struct clock *c, struct event *ev);
static inline bool event_pending(const struct event *ev) { return ev->slot >= 0; }
/* Time of the earliest event, TIME_NEVER if none. */
static inline uint64_t clock_next(const struct clock *c)
{
    return c->count ? c->heap[0]->when : TIME_NEVER;
}
/* Fire every event due at or before c->now, in (time, seq) order. */
void clock_run_due(struct clock *c);

/* Frequency helpers: period of one cycle in ps (rounded to nearest). */
static inline uint64_t hz_to_period_ps(uint64_t hz)
{
    return hz ? (PS_PER_SEC + hz / 2) / hz : 0;
}

#endif
