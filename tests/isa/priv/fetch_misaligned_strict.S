/* fetch_misaligned plus the checks QEMU 7.2 fails: mtval = the target for a misaligned jal or
 * taken branch (QEMU: the instruction's own address), mepc[1:0] = 0 with IALIGN = 32 (QEMU
 * keeps mepc[1]). */
#define FETCH_STRICT
#include "fetch_misaligned.S"
