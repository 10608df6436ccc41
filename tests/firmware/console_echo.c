/* Console input, byte by byte: echoes each byte it reads from the UART as [c] until it reads
 * 'q'. Run from a file it checks the UART receive path; run on a terminal (tests/cli/run.sh
 * does, through a pty) it checks that keys arrive as they are typed, without a newline. */
#include "rt.h"

int main(void)
{
    unsigned n = 0;
    uint64_t start = rt_mtime();
    for (;;) {
        int c = rt_console_getc();
        if (c < 0) {
            if (rt_mtime() - start > 20ull * RT_MTIME_HZ) /* 20 s of simulated time */
                break;
            continue;
        }
        rt_console_putc('[');
        rt_console_putc((char)c);
        rt_console_putc(']');
        n++;
        if (c == 'q')
            break;
    }
    rt_puts("\n");
    CHECK(n > 0, "console bytes arrived and were echoed");
    return rt_done();
}
