/* Sv48 (RV64; socsim needs --set cpus.hart0.mmu=sv48): see vm_basic.inc */
#define SV 48
#include "vm_basic.inc"
