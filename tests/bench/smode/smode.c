/* Linked into bench-smode.elf: before main runs, switch to S-mode with Sv32 paging on, so
 * `make bench` also measures the cost of translation. The page table maps RAM and the
 * devices the benchmark touches (UART, sifive_test) one to one with 4 MiB megapages; PMP
 * entry 0 lets S-mode reach everything. Traps still go to the runtime's M-mode handler
 * (nothing is delegated), so the benchmark's exit path works unchanged. */
#include <stdint.h>

#include "rt.h"

#define PTE_V 0x01u
#define PTE_R 0x02u
#define PTE_W 0x04u
#define PTE_X 0x08u
#define PTE_A 0x40u
#define PTE_D 0x80u

static uint32_t root[1024] __attribute__((aligned(4096)));

/* A megapage PTE mapping the 4 MiB at va one to one. */
static void map_mega(uint32_t va, uint32_t flags)
{
    root[va >> 22] = ((va >> 12) << 10) | flags | PTE_V | PTE_A | PTE_D;
}

__attribute__((constructor)) static void enter_smode(void)
{
    for (uint32_t va = 0x80000000u; va < 0x88000000u; va += 1u << 22) /* 128 MiB of RAM */
        map_mega(va, PTE_R | PTE_W | PTE_X);
    map_mega(0x00000000u, PTE_R | PTE_W); /* sifive_test at 0x100000, CLINT below 4 MiB */
    map_mega(0x10000000u, PTE_R | PTE_W); /* UART */
    rt_pmp_allow_all();
    csr_write(mcounteren, 7); /* the benchmark reads instret */
    csr_write(satp, (1u << 31) | ((uint32_t)(uintptr_t)root >> 12));
    /* mret to the instruction after it, in S-mode (MPP = 1). */
    __asm__ volatile("li t0, 0x1800\n"
                     "csrc mstatus, t0\n"
                     "li t0, 0x0800\n"
                     "csrs mstatus, t0\n"
                     "la t0, 1f\n"
                     "csrw mepc, t0\n"
                     "mret\n"
                     "1:\n" ::: "t0", "memory");
}
