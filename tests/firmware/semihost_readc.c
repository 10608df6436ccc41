/* SYS_READC reads the host's stdin one character at a time (stdin: semihost_readc.in). */
#include "rt.h"
#include "semihost.h"

int main(void)
{
    long a = semihost_call(SYS_READC, 0);
    long b = semihost_call(SYS_READC, 0);
    CHECK_EQ(a, 'Q', "SYS_READC returns the first stdin byte 'Q'");
    CHECK_EQ(b, 'z', "SYS_READC returns the second stdin byte 'z'");
    return rt_done();
}
