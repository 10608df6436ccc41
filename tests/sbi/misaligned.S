/* Misaligned access stubs for misaligned.c: a0 = address, a1 = value to store; loads return
 * the loaded value (FP loads: the f register's 64 bits, so NaN-boxing shows). Each stub is one
 * specific encoding, so the test knows exactly which instruction OpenSBI had to decode. */
    .text
    .option norelax

    .macro stub name
    .globl \name
    .type \name, @function
\name:
    .endm

    .option norvc
stub ml_lh
    lh a0, 0(a0)
    ret
stub ml_lhu
    lhu a0, 0(a0)
    ret
stub ml_lw
    lw a0, 0(a0)
    ret
stub ml_lwu
    lwu a0, 0(a0)
    ret
stub ml_ld
    ld a0, 0(a0)
    ret
stub ml_sh
    sh a1, 0(a0)
    ret
stub ml_sw
    sw a1, 0(a0)
    ret
stub ml_sd
    sd a1, 0(a0)
    ret
stub ml_flw
    flw fa0, 0(a0)
    fmv.x.d a0, fa0
    ret
stub ml_fld
    fld fa0, 0(a0)
    fmv.x.d a0, fa0
    ret
stub ml_fsw
    fmv.w.x fa0, a1
    fsw fa0, 0(a0)
    ret
stub ml_fsd
    fmv.d.x fa0, a1
    fsd fa0, 0(a0)
    ret

/* Compressed forms (16-bit encodings; registers x8..x15 / f8..f15, or sp-relative). */
    .option rvc
stub ml_c_lw
    c.lw a0, 0(a0)
    ret
stub ml_c_ld
    c.ld a0, 0(a0)
    ret
stub ml_c_sw
    c.sw a1, 0(a0)
    ret
stub ml_c_sd
    c.sd a1, 0(a0)
    ret
stub ml_c_fld
    c.fld fa0, 0(a0)
    fmv.x.d a0, fa0
    ret
stub ml_c_fsd
    fmv.d.x fa0, a1
    c.fsd fa0, 0(a0)
    ret
/* sp-relative, with sp = the address - OFFSET for one instruction (t0 keeps the real sp;
 * should the instruction trap to S-mode, misaligned.c's hook puts it back). The offsets are
 * not 0: OpenSBI 1.1 wrongly requires bits 11:7 of c.swsp/c.sdsp to be nonzero (a check that
 * belongs to c.lwsp/c.ldsp, where those bits are rd) and sends c.swsp/c.sdsp with small
 * offsets to S-mode as address-misaligned (fixed upstream in OpenSBI commit ec0559eb).
 * ml_c_sdsp0 keeps offset 0 to show that. */
    .globl ml_sp_stubs_start, ml_sp_stubs_end
ml_sp_stubs_start:
stub ml_c_lwsp
    mv t0, sp
    addi sp, a0, -4
    c.lwsp a0, 4(sp)
    mv sp, t0
    ret
stub ml_c_ldsp
    mv t0, sp
    addi sp, a0, -8
    c.ldsp a0, 8(sp)
    mv sp, t0
    ret
stub ml_c_swsp
    mv t0, sp
    addi sp, a0, -4
    c.swsp a1, 4(sp)
    mv sp, t0
    ret
stub ml_c_sdsp
    mv t0, sp
    addi sp, a0, -8
    c.sdsp a1, 8(sp)
    mv sp, t0
    ret
stub ml_c_sdsp0
    mv t0, sp
    mv sp, a0
    c.sdsp a1, 0(sp)
    mv sp, t0
    ret
stub ml_c_fldsp
    mv t0, sp
    addi sp, a0, -8
    c.fldsp fa0, 8(sp)
    mv sp, t0
    fmv.x.d a0, fa0
    ret
stub ml_c_fsdsp
    fmv.d.x fa0, a1
    mv t0, sp
    addi sp, a0, -8
    c.fsdsp fa0, 8(sp)
    mv sp, t0
    ret
ml_sp_stubs_end:
