/* smp_atomic with 4 harts */
#define NHARTS 4
#include "smp_atomic.S"
