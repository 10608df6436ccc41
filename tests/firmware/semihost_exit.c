/* SYS_EXIT on RV32 takes the reason code itself in a1 (not a pointer):
 * ADP_Stopped_ApplicationExit (0x20026) ends the run with status 0. */
#include "rt.h"
#include "semihost.h"

int main(void)
{
    CHECK(1, "calling SYS_EXIT with ADP_Stopped_ApplicationExit");
    semihost_call(SYS_EXIT, (const void *)ADP_STOPPED_APPLICATION_EXIT);
    rt_puts("FAIL: SYS_EXIT returned\n");
    return 99;
}
