/* Event queue: a binary min-heap on (when, seq), with each event remembering its slot so it
 * can be cancelled or moved in O(log n). */
#include "clock.h"

#include <stdlib.h>
#include <string.h>

void clock_init(struct clock *c)
{
    memset(c, 0, sizeof(*c));
    c->deadline = TIME_NEVER;
}

void clock_free(struct clock *c)
{
    free(c->heap);
    c->heap = NULL;
    c->count = c->cap = 0;
}

void event_init(struct event *ev, event_fn *fn, void *opaque)
{
    memset(ev, 0, sizeof(*ev));
    ev->fn = fn;
    ev->opaque = opaque;
    ev->slot = -1;
}

static bool before(const struct event *a, const struct event *b)
{
    return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

static void place(struct clock *c, int i, struct event *ev)
{
    c->heap[i] = ev;
    ev->slot = i;
}

static void sift_up(struct clock *c, int i)
{
    struct event *ev = c->heap[i];
    while (i > 0) {
        int p = (i - 1) / 2;
        if (!before(ev, c->heap[p]))
            break;
        place(c, i, c->heap[p]);
        i = p;
    }
    place(c, i, ev);
}

static void sift_down(struct clock *c, int i)
{
    struct event *ev = c->heap[i];
    for (;;) {
        int l = 2 * i + 1, m = i;
        const struct event *best = ev;
        if (l < c->count && before(c->heap[l], best))
            m = l, best = c->heap[l];
        if (l + 1 < c->count && before(c->heap[l + 1], best))
            m = l + 1;
        if (m == i)
            break;
        place(c, i, c->heap[m]);
        i = m;
    }
    place(c, i, ev);
}

static void heap_remove(struct clock *c, struct event *ev)
{
    int i = ev->slot;
    ev->slot = -1;
    c->count--;
    if (i == c->count)
        return;
    struct event *moved = c->heap[c->count];
    place(c, i, moved);
    sift_down(c, i);
    sift_up(c, moved->slot);
}

void event_cancel(struct clock *c, struct event *ev)
{
    if (ev->slot >= 0)
        heap_remove(c, ev);
}

void event_schedule(struct clock *c, struct event *ev, uint64_t when)
{
    if (ev->slot >= 0)
        heap_remove(c, ev);
    if (c->count == c->cap) {
        int cap = c->cap ? c->cap * 2 : 16;
        struct event **h = realloc(c->heap, (size_t)cap * sizeof(*h));
        if (!h)
            abort(); /* out of host memory: nothing sensible to do */
        c->heap = h;
        c->cap = cap;
    }
    ev->when = when;
    ev->seq = c->seq++;
    place(c, c->count++, ev);
    sift_up(c, ev->slot);
    if (when < c->deadline && c->on_earlier)
        c->on_earlier(c->on_earlier_opaque, when);
}

void clock_run_due(struct clock *c)
{
    while (c->count && c->heap[0]->when <= c->now) {
        struct event *ev = c->heap[0];
        heap_remove(c, ev);
        ev->fn(ev->opaque);
    }
}
