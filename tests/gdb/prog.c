/* The main GDB test program: nested calls with arguments and locals, globals, a struct, a
 * table in memory, an FP register and a CSR the program sets, and a loop that a variable
 * controls. The exit status is `counter`, the loop's sum 0 + 1 + ... + (limit - 1): 10 as
 * built, 3 after `set var limit = 3`. Every value tests/gdb/run.sh expects is written here.
 * LINE:name comments mark the lines the scripts break at (run.sh finds them by name). */
#include "gdbrt.h"

#include <stdio.h>

struct point {
    int x;
    int y;
    const char *name;
};

struct point origin = { 3, -4, "origin" };
volatile int limit = 5;             /* the loop runs limit times */
int counter;                        /* 0 + 1 + ... + (limit - 1) */
int threshold = 42;                 /* only read, once, by main: rwatch */
int result;                         /* outer(7) = 64: written once, read once: awatch */
const uint32_t table[4] = { 0xdeadbeef, 0x01234567, 0x89abcdef, 0xcafef00d };
double fp_value = 2.5;              /* load_fp puts it in fs1 */

void load_fp(const double *p);      /* fp.S: fs1 = *p */

/* leaf(22, 10): sum = 32, returns 64 */
static int leaf(int a, int b)
{
    int sum = a + b;                /* LINE:leaf_sum */
    return sum * 2;                 /* LINE:leaf_ret */
}

/* middle(21): m = 22 */
static int middle(int v)
{
    int m = v + 1;
    return leaf(m, 10);             /* LINE:middle_call */
}

/* outer(7): o = 21 */
static int outer(int n)
{
    int o = n * 3;                  /* LINE:outer_first */
    return middle(o);               /* LINE:outer_call */
}

/* Only reached when the debugger sets the pc here: exits with 77. */
void alt_exit(void)
{
    printf("alt_exit reached\n");   /* LINE:alt_exit */
    gdbrt_exit(77);
}

int main(void)
{
    int local_a = 7;                /* LINE:main_first */
    int local_b = 11;
    result = outer(local_a);        /* LINE:main_outer */
    load_fp(&fp_value);             /* LINE:main_fp */
    __asm__ volatile("csrw mscratch, %0" ::"r"(0x5a5a1234ul));
    for (int i = 0; i < limit; i++) /* LINE:loop */
        counter += i;               /* LINE:loop_body */
    if (result > threshold)         /* LINE:threshold_read */
        local_b += 1;
    printf("result %d counter %d local_b %d table[1] 0x%08lx %s (%d, %d)\n", result, counter,
           local_b, (unsigned long)table[1], origin.name, origin.x, origin.y);
    return counter;                 /* LINE:main_ret */
}
