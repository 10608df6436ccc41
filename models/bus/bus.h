/* The system bus: non-overlapping regions filled from the platform file. RAM and ROM regions
 * carry a host pointer (CPUs access them directly); device regions go through the device's
 * ops table with offsets relative to the region base. */
#ifndef SOCSIM_BUS_H
#define SOCSIM_BUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct device;

/* Granule of the code map: a store into a granule that holds decoded code invalidates it. */
#define BUS_CODE_SHIFT 6

struct bus_region {
    uint64_t base, size;
    struct device *dev;
    uint8_t *host;     /* RAM/ROM backing store at base (already offset for split regions) */
    bool writable;     /* RAM: true, ROM: false */
    uint8_t *codemap;  /* RAM/ROM: one byte per code granule, nonzero when a CPU decoded it */
    uint8_t *codemap_alloc; /* the allocation codemap points into (shared by split pieces) */
};

enum bus_status {
    BUS_OK = 0,
    BUS_UNMAPPED,  /* nothing at that address */
    BUS_BAD_SIZE,  /* size or alignment the device does not accept */
    BUS_READONLY,  /* write to ROM */
    BUS_DEV_ERROR, /* the device refused the access */
};

struct bus {
    struct bus_region *r; /* sorted by base */
    unsigned n, cap;
    /* Told when anything writes RAM/ROM bytes that a CPU has decoded as code. */
    void (*code_written)(void *opaque, uint64_t addr, uint64_t len);
    void *code_opaque;
};

void bus_init(struct bus *b);
void bus_free(struct bus *b);
/* Map dev at [base, base+size). RAM-like devices (type->memory) become host-pointer regions.
 * Fails with a message naming the device already there when regions overlap. */
int bus_map(struct bus *b, struct device *dev, uint64_t base, uint64_t size, char *err,
            size_t errlen);
/* Map dev over part of an existing RAM/ROM region, splitting it (HTIF's tohost words). */
int bus_map_overlay(struct bus *b, struct device *dev, uint64_t base, uint64_t size, char *err,
                    size_t errlen);
const struct bus_region *bus_find(const struct bus *b, uint64_t addr);

/* Guest-style accesses (natural alignment, size 1/2/4/8): what a CPU or DMA master does. */
enum bus_status bus_read(struct bus *b, uint64_t addr, unsigned size, uint64_t *val);
enum bus_status bus_write(struct bus *b, uint64_t addr, unsigned size, uint64_t val);
const char *bus_status_str(enum bus_status st);

/* Debugger/loader accesses of any length: RAM and ROM only (ROM is writable this way), no
 * device side effects. Return the number of bytes done before the first byte that is not
 * memory. */
size_t bus_peek(struct bus *b, uint64_t addr, void *buf, size_t len);
size_t bus_poke(struct bus *b, uint64_t addr, const void *buf, size_t len);

/* Mark [addr, addr+len) as decoded code (a CPU built a block there). */
void bus_mark_code(struct bus *b, uint64_t addr, uint64_t len);
/* Clear all code marks (the CPUs dropped their decoded blocks). */
void bus_clear_code(struct bus *b);

#endif
