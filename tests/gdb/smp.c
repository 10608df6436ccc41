/* Two harts (virt32/virt64 with --set harts=2): hart 1 calls hart1_tick in a loop; hart 0
 * waits until it has ticked 1000 times and exits with 33. */
#include "gdbrt.h"

#include <stdio.h>

volatile unsigned long ticks1;      /* hart1_tick calls */
volatile long hart1_id = -1;        /* mhartid as hart 1 received it */

static void hart1_tick(void)
{
    ticks1++;                       /* LINE:hart1_tick */
}

void secondary_main(unsigned long hartid)
{
    hart1_id = (long)hartid;
    for (;;)
        hart1_tick();
}

int main(void)
{
    while (ticks1 < 1000)           /* LINE:main_wait */
        ;
    printf("hart 1 (mhartid %ld) ticked\n", hart1_id);
    return 33;
}
