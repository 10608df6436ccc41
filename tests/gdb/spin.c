/* An endless loop for Ctrl-C and for detach/reconnect: spins until the debugger sets
 * stop_spinning, then exits with 21. */
#include "gdbrt.h"

#include <stdio.h>

volatile unsigned long spins;       /* spin_once calls so far */
volatile int stop_spinning;         /* the debugger sets it to end the loop */

static void spin_once(void)
{
    spins++;                        /* LINE:spin_once */
}

int main(void)
{
    printf("spinning\n");
    while (!stop_spinning)          /* LINE:spin_loop */
        spin_once();
    printf("stopped spinning\n");
    return 21;
}
