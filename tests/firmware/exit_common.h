/* Shared body of the exit_* tests: report one check, then leave with EXIT_CODE through
 * main's return value, crt0's exit() and the sifive_test finisher. */
#include <stdio.h>

#include "rt.h"

int main(void)
{
    CHECK(1, "firmware reached main and can print");
    printf("checked: leaving with exit code %d via sifive_test 0x%x\n", EXIT_CODE,
           EXIT_CODE == 0 ? 0x5555 : (EXIT_CODE << 16) | 0x3333);
    return EXIT_CODE;
}
