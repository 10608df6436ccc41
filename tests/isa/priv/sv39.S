/* Sv39 (RV64): see vm_basic.inc */
#define SV 39
#include "vm_basic.inc"
