/* The second image, for gdb's `load`: linked at the same addresses as prog and spin, it
 * prints one line and exits with 42. */
#include "gdbrt.h"

#include <stdio.h>

int main(void)
{
    printf("second image running\n");
    return 42;
}
