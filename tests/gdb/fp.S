/* void load_fp(const double *p): fs1 = *p. The RV32 build is rv32imac (as the other test
 * firmware), but virt32's harts have D, so the instruction is enabled here alone. */
    .text
    .globl  load_fp
    .balign 4
load_fp:
    .option push
    .option arch, +d
    fld     fs1, 0(a0)
    .option pop
    ret
