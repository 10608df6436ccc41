/* Semihosting console and host queries: SYS_WRITEC (every line of this output), SYS_WRITE0,
 * SYS_OPEN ":tt" + SYS_WRITE, SYS_CLOCK, SYS_TIME, SYS_ERRNO, SYS_GET_CMDLINE, SYS_HEAPINFO. */
#include <stdio.h>

#include "rt.h"
#include "semihost.h"

int main(void)
{
    CHECK(1, "SYS_WRITEC prints this line one character at a time");
    sh_write0("semihost: write0 works\n");
    CHECK(1, "SYS_WRITE0 returned");

    long tt = sh_open(":tt", SH_MODE_W);
    CHECK(tt > 0, "SYS_OPEN \":tt\" mode 4 (\"w\") returns a nonzero handle");
    static const char msg[] = "semihost: tt write works\n";
    CHECK_EQ(sh_write(tt, msg, sizeof msg - 1), 0, "SYS_WRITE to :tt returns 0 (all written)");

    long c0 = semihost_call(SYS_CLOCK, 0);
    for (volatile int i = 0; i < 100000; i++)
        ;
    long c1 = semihost_call(SYS_CLOCK, 0);
    CHECK(c0 >= 0 && c1 >= c0, "SYS_CLOCK returns centiseconds >= 0 that do not go backwards");
    long t0 = semihost_call(SYS_TIME, 0), t1 = semihost_call(SYS_TIME, 0);
    printf("note: SYS_TIME = %ld\n", t0);
    CHECK(t0 != -1 && t1 >= t0, "SYS_TIME returns seconds that do not go backwards");
    CHECK(sh_errno() >= 0, "SYS_ERRNO returns a value");

    char cmdline[128];
    uintptr_t cl[2] = {(uintptr_t)cmdline, sizeof cmdline};
    memset(cmdline, 0x55, sizeof cmdline);
    long r = semihost_call(SYS_GET_CMDLINE, cl);
    CHECK_EQ(r, 0, "SYS_GET_CMDLINE returns 0");
    CHECK(cl[1] < sizeof cmdline && cmdline[cl[1]] == 0 && strlen(cmdline) == cl[1],
          "SYS_GET_CMDLINE updates the length to that of the NUL-terminated line");
    printf("note: command line \"%s\"\n", cmdline);

    uintptr_t block[4] = {0xdeadbeef, 0xdeadbeef, 0xdeadbeef, 0xdeadbeef};
    uintptr_t *pblock = block;
    semihost_call(SYS_HEAPINFO, &pblock);
    printf("note: heap 0x%lx..0x%lx stack 0x%lx..0x%lx\n", (unsigned long)block[0],
           (unsigned long)block[1], (unsigned long)block[3], (unsigned long)block[2]);
    CHECK(block[0] != 0xdeadbeef && block[1] != 0xdeadbeef && block[2] != 0xdeadbeef &&
              block[3] != 0xdeadbeef,
          "SYS_HEAPINFO fills the four-word block");
    CHECK(block[0] <= block[1] && block[3] <= block[2],
          "SYS_HEAPINFO: heap base <= heap limit, stack limit <= stack base");
    return rt_done();
}
