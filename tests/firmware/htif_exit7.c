/* HTIF exit with a nonzero code: tohost = (7 << 1) | 1 = 15 must make the run end with 7. */
#include "htif_common.h"

int main(void)
{
    CHECK(1, "leaving with exit code 7 through HTIF tohost = 15");
    return 7;
}
