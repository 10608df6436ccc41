/* vm_edges with Sv48 (socsim: --set cpus.hart0.mmu=sv48) */
#define SV 48
#include "vm_edges.S"
