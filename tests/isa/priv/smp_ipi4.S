/* smp_ipi with 4 harts */
#define NHARTS 4
#include "smp_ipi.S"
