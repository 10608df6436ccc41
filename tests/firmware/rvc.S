/* Every RV32C instruction (no F/D forms), written with explicit c.* mnemonics so the
 * assembler must emit the 16-bit encodings; scripts/check-rvc.sh confirms it from the disassembly.
 * Each routine leaves its results in an array for rvc.c to compare with hand-computed values.
 * 32-bit sw/lw/la used only for bookkeeping may or may not be compressed; it does not matter. */
    .option rvc
    .text

/* void rvc_arith(uint32_t *out) */
    .globl rvc_arith
    .balign 2
rvc_arith:
    c.li        a1, -32
    sw          a1, 0(a0)           /* [0] c.li min = 0xffffffe0 */
    c.li        a1, 31
    sw          a1, 4(a0)           /* [1] c.li max = 31 */
    c.li        a1, 5
    c.addi      a1, -32
    sw          a1, 8(a0)           /* [2] 5 + -32 = -27 */
    c.li        a1, 5
    c.addi      a1, 31
    sw          a1, 12(a0)          /* [3] 5 + 31 = 36 */
    c.lui       a1, 0xfffff
    sw          a1, 16(a0)          /* [4] 0xfffff000 */
    c.lui       a1, 31
    sw          a1, 20(a0)          /* [5] 0x0001f000 */
    c.li        a2, 1
    c.slli      a2, 31
    sw          a2, 24(a0)          /* [6] 0x80000000 */
    c.li        a1, -1
    c.srli      a1, 28
    sw          a1, 28(a0)          /* [7] 0xffffffff >> 28 = 0xf */
    c.li        a1, -16
    c.srai      a1, 2
    sw          a1, 32(a0)          /* [8] -16 >> 2 = -4 */
    c.li        a1, -1
    c.andi      a1, -16
    sw          a1, 36(a0)          /* [9] 0xfffffff0 */
    c.li        a1, 31
    c.andi      a1, 10
    sw          a1, 40(a0)          /* [10] 10 */
    c.li        a2, 10
    c.li        a1, 12
    c.sub       a1, a2
    sw          a1, 44(a0)          /* [11] 12 - 10 = 2 */
    c.li        a1, 12
    c.xor       a1, a2
    sw          a1, 48(a0)          /* [12] 12 ^ 10 = 6 */
    c.li        a1, 12
    c.or        a1, a2
    sw          a1, 52(a0)          /* [13] 12 | 10 = 14 */
    c.li        a1, 12
    c.and       a1, a2
    sw          a1, 56(a0)          /* [14] 12 & 10 = 8 */
    c.li        a1, 7
    c.mv        t3, a1
    sw          t3, 60(a0)          /* [15] 7 (c.mv to a non-x8..x15 register) */
    c.li        a1, 20
    c.li        a2, -5
    c.add       a1, a2
    sw          a1, 64(a0)          /* [16] 20 + -5 = 15 */
    c.mv        t4, a1
    c.add       t4, t4
    sw          t4, 68(a0)          /* [17] 15 + 15 = 30 */
    c.nop
    c.li        t5, 3
    c.slli      t5, 4
    sw          t5, 72(a0)          /* [18] 3 << 4 = 48 */
    c.li        a1, 1
    c.sub       a1, a2
    sw          a1, 76(a0)          /* [19] 1 - -5 = 6 */
    c.jr        ra

/* uint32_t rvc_mem(uint32_t *buf): buf[1] and buf[31] are set by the caller. */
    .globl rvc_mem
    .balign 2
rvc_mem:
    c.lw        a1, 124(a0)         /* largest c.lw offset */
    c.lw        a2, 4(a0)
    c.add       a1, a2
    c.sw        a1, 0(a0)           /* buf[0] = buf[31] + buf[1] */
    c.li        a2, -7
    c.sw        a2, 124(a0)         /* buf[31] = -7 */
    c.mv        a0, a1
    c.jr        ra

/* void rvc_stack(uint32_t *out): stack-pointer-based forms. */
    .globl rvc_stack
    .balign 2
rvc_stack:
    c.mv        t0, sp
    c.addi16sp  sp, -512            /* most negative c.addi16sp */
    sub         t1, t0, sp
    sw          t1, 0(a0)           /* [0] 512 */
    c.li        a1, -3
    c.swsp      a1, 252(sp)         /* largest c.swsp offset */
    c.li        a2, 9
    c.swsp      a2, 0(sp)
    c.lwsp      a3, 252(sp)
    sw          a3, 4(a0)           /* [1] -3 */
    c.lwsp      a4, 0(sp)
    sw          a4, 8(a0)           /* [2] 9 */
    .option push
    .option norvc
    lw          t2, 252(sp)         /* cross-check c.swsp's address with a 32-bit lw */
    .option pop
    sw          t2, 12(a0)          /* [3] -3 */
    c.addi4spn  a5, sp, 1020        /* largest c.addi4spn immediate */
    sub         t1, a5, sp
    sw          t1, 16(a0)          /* [4] 1020 */
    c.addi4spn  a5, sp, 4
    sub         t1, a5, sp
    sw          t1, 20(a0)          /* [5] 4 */
    c.addi16sp  sp, 496             /* largest c.addi16sp */
    c.addi16sp  sp, 16
    sub         t1, t0, sp
    sw          t1, 24(a0)          /* [6] 0: sp restored */
    c.jr        ra

/* void rvc_jumps(uint32_t *out): c.j, c.jal, c.jr, c.jalr, c.beqz, c.bnez. */
    .globl rvc_jumps
    .balign 2
rvc_jumps:
    c.mv        t6, ra
    c.li        a1, 0
    c.j         1f
    c.addi      a1, 1               /* skipped */
1:  c.j         3f
2:  c.addi      a1, 4               /* reached by the backward c.j */
    c.j         4f
3:  c.addi      a1, 2
    c.j         2b
4:  sw          a1, 0(a0)           /* [0] 2 + 4 = 6 */

    c.jal       5f                  /* links the address of 6: */
6:  c.j         7f
5:  sw          ra, 4(a0)           /* [1] link of c.jal */
    lui         t1, %hi(6b)
    addi        t1, t1, %lo(6b)
    sw          t1, 8(a0)           /* [2] address of the instruction after c.jal */
    c.jr        ra
7:
    lui         a2, %hi(8f)
    addi        a2, a2, %lo(8f)
    c.jalr      a2
9:  c.j         10f
8:  sw          ra, 12(a0)          /* [3] link of c.jalr */
    lui         t1, %hi(9b)
    addi        t1, t1, %lo(9b)
    sw          t1, 16(a0)          /* [4] address of the instruction after c.jalr */
    c.jr        ra
10:
    c.li        a1, 0
    c.li        a3, 0
    c.beqz      a3, 11f             /* taken */
    c.addi      a1, 1
11: c.bnez      a3, 12f             /* not taken */
    c.addi      a1, 2
12: c.li        a3, -1
    c.bnez      a3, 13f             /* taken */
    c.addi      a1, 4
13: c.beqz      a3, 14f             /* not taken */
    c.addi      a1, 8
14: sw          a1, 20(a0)          /* [5] 2 + 8 = 10 */
    c.li        a1, 0
    c.li        a3, 5
15: c.addi      a1, 3
    c.addi      a3, -1
    c.bnez      a3, 15b             /* backward branch, 5 iterations */
    sw          a1, 24(a0)          /* [6] 15 */
    c.mv        ra, t6
    c.jr        ra

/* uint32_t rvc_ebreak(void): returns the address of its c.ebreak (the trap hook skips it). */
    .globl rvc_ebreak
    .balign 2
rvc_ebreak:
    lui         a0, %hi(1f)
    addi        a0, a0, %lo(1f)
1:  c.ebreak
    c.jr        ra
