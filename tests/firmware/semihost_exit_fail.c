/* SYS_EXIT with any reason other than ADP_Stopped_ApplicationExit is a failure: status 1. */
#include "rt.h"
#include "semihost.h"

int main(void)
{
    CHECK(1, "calling SYS_EXIT with ADP_Stopped_RunTimeErrorUnknown");
    semihost_call(SYS_EXIT, (const void *)ADP_STOPPED_RUN_TIME_ERROR);
    rt_puts("FAIL: SYS_EXIT returned\n");
    return 99;
}
