/* Sv32 (RV32): see vm_basic.inc */
#define SV 32
#include "vm_basic.inc"
