/* System bus: a sorted array of non-overlapping regions; lookups are a binary search (the CPUs
 * cache the last RAM region they used, so this is off the fast path). */
#include "bus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/core/device.h"

void bus_init(struct bus *b)
{
    memset(b, 0, sizeof(*b));
}

void bus_free(struct bus *b)
{
    /* Split pieces of one memory region share its code map: free each allocation once. */
    for (unsigned i = 0; i < b->n; i++) {
        bool seen = false;
        for (unsigned j = 0; j < i; j++)
            seen |= b->r[j].codemap_alloc == b->r[i].codemap_alloc;
        if (!seen)
            free(b->r[i].codemap_alloc);
    }
    free(b->r);
    memset(b, 0, sizeof(*b));
}

static const char *region_name(const struct bus_region *r)
{
    return r->dev && r->dev->name ? r->dev->name : "?";
}

static struct bus_region *insert_at(struct bus *b, unsigned i)
{
    if (b->n == b->cap) {
        unsigned cap = b->cap ? b->cap * 2 : 16;
        struct bus_region *r = realloc(b->r, cap * sizeof(*r));
        if (!r)
            abort();
        b->r = r;
        b->cap = cap;
    }
    memmove(&b->r[i + 1], &b->r[i], (b->n - i) * sizeof(*b->r));
    b->n++;
    memset(&b->r[i], 0, sizeof(b->r[i]));
    return &b->r[i];
}

static unsigned lower_bound(const struct bus *b, uint64_t base)
{
    unsigned lo = 0, hi = b->n;
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        if (b->r[mid].base < base)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int bus_map(struct bus *b, struct device *dev, uint64_t base, uint64_t size, char *err,
            size_t errlen)
{
    if (size == 0 || base + size - 1 < base) {
        snprintf(err, errlen, "region 0x%llx+0x%llx is empty or wraps around",
                 (unsigned long long)base, (unsigned long long)size);
        return -1;
    }
    uint64_t last = base + size - 1;
    for (unsigned i = 0; i < b->n; i++) {
        const struct bus_region *r = &b->r[i];
        if (base <= r->base + r->size - 1 && r->base <= last) {
            snprintf(err, errlen,
                     "%s at 0x%llx-0x%llx overlaps %s at 0x%llx-0x%llx", dev->name,
                     (unsigned long long)base, (unsigned long long)last, region_name(r),
                     (unsigned long long)r->base, (unsigned long long)(r->base + r->size - 1));
            return -1;
        }
    }
    struct bus_region *r = insert_at(b, lower_bound(b, base));
    r->base = base;
    r->size = size;
    r->dev = dev;
    if (dev->type->memory) {
        r->host = dev->type->memory(dev, &r->writable);
        r->codemap = r->codemap_alloc = calloc((size >> BUS_CODE_SHIFT) + 1, 1);
        if (!r->codemap)
            abort();
    }
    return 0;
}

int bus_map_overlay(struct bus *b, struct device *dev, uint64_t base, uint64_t size, char *err,
                    size_t errlen)
{
    const struct bus_region *f = bus_find(b, base);
    if (!f)
        return bus_map(b, dev, base, size, err, errlen);
    if (!f->host || base + size > f->base + f->size) {
        snprintf(err, errlen, "%s at 0x%llx cannot overlay %s", dev->name,
                 (unsigned long long)base, region_name(f));
        return -1;
    }
    /* Split the memory region into [lo][overlay][hi]; the pieces keep pointing into the same
     * backing store and share its code map. */
    unsigned i = (unsigned)(f - b->r);
    struct bus_region mem = b->r[i];
    uint64_t lo_size = base - mem.base, hi_off = lo_size + size;
    memmove(&b->r[i], &b->r[i + 1], (b->n - i - 1) * sizeof(*b->r));
    b->n--;
    if (lo_size) {
        struct bus_region *lo = insert_at(b, lower_bound(b, mem.base));
        *lo = mem;
        lo->size = lo_size;
    }
    if (hi_off < mem.size) {
        struct bus_region *hi = insert_at(b, lower_bound(b, mem.base + hi_off));
        *hi = mem;
        hi->base = mem.base + hi_off;
        hi->size = mem.size - hi_off;
        hi->host = mem.host + hi_off;
        hi->codemap = mem.codemap + (hi_off >> BUS_CODE_SHIFT);
    }
    if (!lo_size && !(hi_off < mem.size))
        free(mem.codemap_alloc);
    struct bus_region *o = insert_at(b, lower_bound(b, base));
    o->base = base;
    o->size = size;
    o->dev = dev;
    return 0;
}

const struct bus_region *bus_find(const struct bus *b, uint64_t addr)
{
    unsigned lo = 0, hi = b->n;
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        const struct bus_region *r = &b->r[mid];
        if (addr < r->base)
            hi = mid;
        else if (addr - r->base >= r->size)
            lo = mid + 1;
        else
            return r;
    }
    return NULL;
}

const char *bus_status_str(enum bus_status st)
{
    switch (st) {
    case BUS_OK: return "ok";
    case BUS_UNMAPPED: return "unmapped address";
    case BUS_BAD_SIZE: return "access size not supported by the device";
    case BUS_READONLY: return "write to read-only memory";
    case BUS_DEV_ERROR: return "device error";
    }
    return "?";
}

static void code_check(struct bus *b, const struct bus_region *r, uint64_t off, uint64_t len)
{
    uint64_t first = off >> BUS_CODE_SHIFT, last = (off + len - 1) >> BUS_CODE_SHIFT;
    for (uint64_t g = first; g <= last; g++) {
        if (r->codemap[g]) {
            if (b->code_written)
                b->code_written(b->code_opaque, r->base + off, len);
            return;
        }
    }
}

static enum bus_status dev_access(const struct bus_region *r, uint64_t addr, unsigned size)
{
    if ((addr & (size - 1)) || !(r->dev->type->access_sizes & size) ||
        addr - r->base > r->size - size)
        return BUS_BAD_SIZE;
    if (r->dev->type->sync)
        r->dev->type->sync(r->dev);
    return BUS_OK;
}

enum bus_status bus_read(struct bus *b, uint64_t addr, unsigned size, uint64_t *val)
{
    const struct bus_region *r = bus_find(b, addr);
    if (!r)
        return BUS_UNMAPPED;
    uint64_t off = addr - r->base;
    if (r->host) {
        if (off > r->size - size)
            return BUS_UNMAPPED;
        uint64_t v = 0;
        memcpy(&v, r->host + off, size);
        *val = v;
        return BUS_OK;
    }
    enum bus_status st = dev_access(r, addr, size);
    if (st)
        return st;
    uint64_t v = 0;
    if (!r->dev->type->read || !r->dev->type->read(r->dev, off, size, &v))
        return BUS_DEV_ERROR;
    *val = size == 8 ? v : v & ((1ULL << (size * 8)) - 1);
    return BUS_OK;
}

enum bus_status bus_write(struct bus *b, uint64_t addr, unsigned size, uint64_t val)
{
    const struct bus_region *r = bus_find(b, addr);
    if (!r)
        return BUS_UNMAPPED;
    uint64_t off = addr - r->base;
    if (r->host) {
        if (off > r->size - size)
            return BUS_UNMAPPED;
        if (!r->writable)
            return BUS_READONLY;
        memcpy(r->host + off, &val, size);
        code_check(b, r, off, size);
        return BUS_OK;
    }
    enum bus_status st = dev_access(r, addr, size);
    if (st)
        return st;
    if (size < 8)
        val &= (1ULL << (size * 8)) - 1;
    if (!r->dev->type->write || !r->dev->type->write(r->dev, off, size, val))
        return BUS_DEV_ERROR;
    return BUS_OK;
}

static size_t copy_mem(struct bus *b, uint64_t addr, void *buf, size_t len, bool write)
{
    size_t done = 0;
    while (done < len) {
        const struct bus_region *r = bus_find(b, addr + done);
        if (!r || !r->host)
            break;
        uint64_t off = addr + done - r->base;
        uint64_t n = r->size - off;
        if (n > len - done)
            n = len - done;
        if (write) {
            memcpy(r->host + off, (const uint8_t *)buf + done, n);
            code_check(b, r, off, n);
        } else {
            memcpy((uint8_t *)buf + done, r->host + off, n);
        }
        done += n;
    }
    return done;
}

size_t bus_peek(struct bus *b, uint64_t addr, void *buf, size_t len)
{
    return copy_mem(b, addr, buf, len, false);
}

size_t bus_poke(struct bus *b, uint64_t addr, const void *buf, size_t len)
{
    return copy_mem(b, addr, (void *)buf, len, true);
}

void bus_mark_code(struct bus *b, uint64_t addr, uint64_t len)
{
    while (len) {
        const struct bus_region *r = bus_find(b, addr);
        if (!r || !r->codemap)
            return;
        uint64_t off = addr - r->base, n = r->size - off;
        if (n > len)
            n = len;
        for (uint64_t g = off >> BUS_CODE_SHIFT; g <= (off + n - 1) >> BUS_CODE_SHIFT; g++)
            r->codemap[g] = 1;
        addr += n;
        len -= n;
    }
}

void bus_clear_code(struct bus *b)
{
    for (unsigned i = 0; i < b->n; i++) {
        struct bus_region *r = &b->r[i];
        if (r->codemap)
            memset(r->codemap, 0, (r->size >> BUS_CODE_SHIFT) + 1);
    }
}
