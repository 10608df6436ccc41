/* Runtime of the GDB test firmware: picolibc's stdio on the 16550 UART, exit via sifive_test. */
#include "gdbrt.h"

#include <stdio.h>

void gdbrt_putc(char c)
{
    volatile uint8_t *uart = (volatile uint8_t *)(uintptr_t)GDBRT_UART_BASE;
    while (!(uart[GDBRT_UART_LSR] & GDBRT_UART_LSR_THRE))
        ;
    uart[0] = (uint8_t)c;
}

static int stdio_put(char c, FILE *f)
{
    (void)f;
    gdbrt_putc(c);
    return (unsigned char)c;
}

static FILE gdbrt_stdio = FDEV_SETUP_STREAM(stdio_put, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdin = &gdbrt_stdio;
FILE *const stdout = &gdbrt_stdio;
FILE *const stderr = &gdbrt_stdio;

void gdbrt_exit(int code)
{
    /* sifive_test: 0x5555 = pass, (code << 16) | 0x3333 = fail with code. */
    uint32_t v = code == 0 ? 0x5555u : (((uint32_t)code & 0xffffu) << 16) | 0x3333u;
    *(volatile uint32_t *)(uintptr_t)GDBRT_TEST_BASE = v;
    for (;;)
        __asm__ volatile("wfi");
}

/* picolibc's exit() ends here. */
void _exit(int code)
{
    gdbrt_exit(code);
}
