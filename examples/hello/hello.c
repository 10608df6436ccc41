/* Smallest useful socsim firmware: text and a formatted number through picolibc's printf to
 * the 16550 UART, then exit status 0 through the sifive_test device. */
#include <stdio.h>

static unsigned fib(unsigned n)
{
    unsigned a = 0, b = 1;
    while (n--) {
        unsigned t = a + b;
        a = b;
        b = t;
    }
    return a;
}

int main(void)
{
    printf("Hello from socsim!\n");
    printf("printf works: fib(30) = %u, 0x%08x, %-5d|\n", fib(30), 0xc0ffeeu, -42);
    return 0;
}
