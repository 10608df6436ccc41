/* Vector table for the timer test's vectored-mode checks: slot N records N in vec_last_slot and
 * continues in the runtime's common trap entry. 4-byte jumps (norvc) keep the slots 4 apart. */
    .section .text.vectors, "ax", @progbits
    .option push
    .option norvc
    .balign 256
    .globl vec_table
vec_table:
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    j       vec_slot_\n
    .endr

    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
vec_slot_\n:
    addi    sp, sp, -16
    sw      t0, 0(sp)
    sw      t1, 4(sp)
    li      t0, \n
    lui     t1, %hi(vec_last_slot)
    sw      t0, %lo(vec_last_slot)(t1)
    lw      t0, 0(sp)
    lw      t1, 4(sp)
    addi    sp, sp, 16
    j       rt_trap_entry
    .endr
    .option pop

    .bss
    .balign 4
    .globl vec_last_slot
vec_last_slot:
    .word   0
