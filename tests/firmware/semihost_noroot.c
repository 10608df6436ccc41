/* Without a semihosting root directory socsim refuses host file access: SYS_OPEN of a file
 * fails with -1, while the ":tt" console still opens. */
#include "rt.h"
#include "semihost.h"

int main(void)
{
    CHECK_EQ(sh_open("semihost_test.txt", SH_MODE_W), (uint32_t)-1,
             "SYS_OPEN of a host file without --semihosting-root returns -1");
    CHECK_EQ(sh_open("semihost_test.txt", SH_MODE_R), (uint32_t)-1,
             "... for reading too");
    CHECK(sh_open(":tt", SH_MODE_W) > 0, "SYS_OPEN \":tt\" still works");
    return rt_done();
}
