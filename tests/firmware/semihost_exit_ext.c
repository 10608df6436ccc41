/* SYS_EXIT_EXTENDED takes a pointer to {reason, subcode}: ApplicationExit with subcode 42
 * ends the run with status 42. */
#include "rt.h"
#include "semihost.h"

int main(void)
{
    CHECK(1, "calling SYS_EXIT_EXTENDED with ApplicationExit, subcode 42");
    static const uintptr_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, 42};
    semihost_call(SYS_EXIT_EXTENDED, block);
    rt_puts("FAIL: SYS_EXIT_EXTENDED returned\n");
    return 99;
}
