/* HTIF (Spike's host-target interface) for the htif_* tests: console output is device 1,
 * command 1 (putchar); exit is device 0, command 0 with payload (code << 1) | 1. The host
 * acknowledges a console command by clearing tohost and writing a response to fromhost, which
 * the target clears. On RV32 the 64-bit tohost is written low word first: the host acts when
 * the high word arrives (QEMU's rule). */
#include <stdint.h>

#include "rt.h"

volatile uint64_t tohost __attribute__((section(".tohost"), aligned(8)));
volatile uint64_t fromhost __attribute__((section(".tohost"), aligned(8)));

#define HTIF_CMD(dev, cmd, payload) \
    (((uint64_t)(dev) << 56) | ((uint64_t)(cmd) << 48) | (uint64_t)(payload))

static void htif_write_tohost(uint64_t v)
{
    volatile uint32_t *w = (volatile uint32_t *)&tohost;
    w[0] = (uint32_t)v;
    w[1] = (uint32_t)(v >> 32);
}

static uint64_t htif_read(volatile uint64_t *p)
{
    volatile uint32_t *w = (volatile uint32_t *)p;
    uint32_t hi, lo;
    do {
        hi = w[1];
        lo = w[0];
    } while (hi != w[1]);
    return ((uint64_t)hi << 32) | lo;
}

static void htif_clear(volatile uint64_t *p)
{
    volatile uint32_t *w = (volatile uint32_t *)p;
    w[0] = 0;
    w[1] = 0;
}

/* Observations of the last console command, for the test's checks. */
static volatile uint64_t htif_last_fromhost, htif_tohost_after;
static volatile uint32_t htif_chars;

void rt_console_putc(char c)
{
    while (htif_read(&tohost) != 0)
        ;
    htif_write_tohost(HTIF_CMD(1, 1, (uint8_t)c));
    uint64_t fh;
    while ((fh = htif_read(&fromhost)) == 0)
        ;
    htif_tohost_after = htif_read(&tohost);
    htif_last_fromhost = fh;
    htif_clear(&fromhost);
    htif_chars++;
}

int rt_console_getc(void)
{
    return -1;
}

__attribute__((noreturn)) void rt_exit(int code)
{
    while (htif_read(&tohost) != 0)
        ;
    htif_write_tohost(((uint64_t)(uint32_t)code << 1) | 1);
    for (;;)
        ;
}
