/* With a semihosting root, names that leave it are refused: "..", absolute paths. */
#include "rt.h"
#include "semihost.h"

int main(void)
{
    CHECK_EQ(sh_open("../semihost_escape.txt", SH_MODE_W), (uint32_t)-1,
             "SYS_OPEN \"../semihost_escape.txt\" is refused (-1)");
    CHECK_EQ(sh_open("sub/../../semihost_escape.txt", SH_MODE_W), (uint32_t)-1,
             "SYS_OPEN \"sub/../../semihost_escape.txt\" is refused (-1)");
    CHECK_EQ(sh_open("/etc/passwd", SH_MODE_R), (uint32_t)-1,
             "SYS_OPEN of an absolute path is refused (-1)");
    long fd = sh_open("inside.txt", SH_MODE_W);
    CHECK(fd > 0, "SYS_OPEN of a plain name inside the root works");
    CHECK_EQ(sh_close(fd), 0, "SYS_CLOSE");
    CHECK_EQ(sh_remove("inside.txt"), 0, "SYS_REMOVE inside the root works");
    return rt_done();
}
