/* Host files through semihosting, inside the root directory socsim is given: SYS_OPEN, WRITE,
 * FLEN, SEEK, READ (including short reads at end of file), ISTTY, CLOSE, REMOVE, and ERRNO
 * after a failed open. */
#include "rt.h"
#include "semihost.h"

#define NAME "semihost_test.txt"
static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

int main(void)
{
    char buf[32];

    long fd = sh_open(NAME, SH_MODE_WPLUS_B);
    CHECK(fd > 0, "SYS_OPEN " NAME " \"w+b\" returns a handle");
    CHECK_EQ(sh_istty(fd), 0, "SYS_ISTTY on a file returns 0");
    CHECK_EQ(sh_write(fd, alphabet, 26), 0, "SYS_WRITE of 26 bytes returns 0 (none left)");
    CHECK_EQ(sh_flen(fd), 26, "SYS_FLEN = 26");
    CHECK_EQ(sh_seek(fd, 10), 0, "SYS_SEEK to 10 returns 0");
    memset(buf, 0, sizeof buf);
    CHECK_EQ(sh_read(fd, buf, 5), 0, "SYS_READ of 5 bytes returns 0 (none left)");
    CHECK(memcmp(buf, "KLMNO", 5) == 0, "read back bytes 10..14 = KLMNO");
    CHECK_EQ(sh_seek(fd, 24), 0, "SYS_SEEK to 24");
    memset(buf, 0, sizeof buf);
    CHECK_EQ(sh_read(fd, buf, 5), 3, "SYS_READ of 5 at offset 24 returns 3 (bytes not read)");
    CHECK(memcmp(buf, "YZ", 2) == 0, "the short read got YZ");
    CHECK_EQ(sh_close(fd), 0, "SYS_CLOSE returns 0");
    CHECK_EQ(sh_close(fd), (uint32_t)-1, "SYS_CLOSE of the closed handle returns -1");

    fd = sh_open(NAME, SH_MODE_RB);
    CHECK(fd > 0, "SYS_OPEN the file again \"rb\"");
    memset(buf, 0, sizeof buf);
    CHECK_EQ(sh_read(fd, buf, 26), 0, "SYS_READ the whole file");
    CHECK(memcmp(buf, alphabet, 26) == 0, "file content survived close and reopen");
    CHECK_EQ(sh_read(fd, buf, 5), 5, "SYS_READ at end of file returns the full length (5)");
    CHECK_EQ(sh_close(fd), 0, "SYS_CLOSE");

    CHECK_EQ(sh_remove(NAME), 0, "SYS_REMOVE returns 0");
    CHECK_EQ(sh_open(NAME, SH_MODE_RB), (uint32_t)-1, "SYS_OPEN of the removed file returns -1");
    CHECK_EQ(sh_errno(), 2, "SYS_ERRNO after that is ENOENT (2)");
    CHECK(sh_remove(NAME) != 0, "SYS_REMOVE of a missing file fails");
    return rt_done();
}
