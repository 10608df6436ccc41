/* HTIF console and exit: every character of this output went through tohost/fromhost, and the
 * exit status 0 goes through tohost = 1. */
#include "htif_common.h"

int main(void)
{
    CHECK(((uintptr_t)&tohost & 7) == 0 && ((uintptr_t)&fromhost & 7) == 0,
          "tohost and fromhost are 8-byte aligned");
    uint32_t before = htif_chars;
    rt_puts("htif: hello\n");
    CHECK_EQ(htif_chars - before, 12, "12 characters written through HTIF device 1 command 1");
    /* Response to putchar 'x': dev 1, cmd 1, data 0x100 | 'x' (Spike's console device). */
    rt_console_putc('x');
    uint64_t fh = htif_last_fromhost;
    rt_console_putc('\n');
    CHECK_EQ((uint32_t)(fh >> 32), 0x01010000, "fromhost echoes device 1, command 1");
    CHECK_EQ((uint32_t)fh, 0x100 | 'x', "fromhost data is 0x100 | the character");
    CHECK_EQ((uint32_t)htif_tohost_after, 0, "host cleared tohost after the command");
    CHECK_EQ(htif_read(&fromhost), 0, "fromhost stays clear after the target cleared it");
    return rt_done();
}
