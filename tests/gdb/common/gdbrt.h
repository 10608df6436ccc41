/* Runtime of the GDB test firmware (RV32 and RV64): a 16550 console behind picolibc's stdio
 * and exit through sifive_test, on the virt32/virt64 memory map. */
#ifndef GDBRT_H
#define GDBRT_H

#include <stdint.h>

#define GDBRT_TEST_BASE 0x00100000u
#define GDBRT_CLINT_MSIP 0x02000000u
#define GDBRT_UART_BASE 0x10000000u
#define GDBRT_UART_LSR 5
#define GDBRT_UART_LSR_THRE 0x20u

void gdbrt_putc(char c);
__attribute__((noreturn)) void gdbrt_exit(int code);
/* Called by start.S on every hart but 0, once hart 0 has cleared .bss (weak default: WFI). */
void secondary_main(unsigned long hartid);

#endif
