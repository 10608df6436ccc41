/* Superpages with Sv48, including the 512 GiB level-3 leaf (socsim: --set cpus.hart0.mmu=sv48). */
#define SV 48
#include "superpages.S"
