/* Memory ordering and instruction-fetch fences, and HINTs: fence (every pred/succ form),
 * fence.tso, pause; fence.i makes stores to code visible to instruction fetch (self-modifying
 * code, in a routine that already ran, and across a compressed/uncompressed change); HINT
 * encodings (integer ops with rd = x0, c.nop/c.li/c.slli forms with rd = x0) execute as no-ops. */
#include "isa.h"

/* Copy the code between templates from..to into codebuf (word by word), then fence.i. */
#define PATCH(from, to) la a0, from; la a1, to; call patch_code

TEST_MAIN
    mv s10, ra

    /* fences execute and change nothing */
    TESTNUM(1)
    li a1, 7
    fence
    fence rw, rw
    fence r, r
    fence w, w
    fence iorw, iorw
    fence io, rw
    fence.tso
    .word 0x0100000f                /* pause (Zihintpause): fence w, 0 */
    fence.i
    CHECK(a1, 7)

    /* self-modifying code: run codebuf, rewrite it, fence.i, run it again */
    TESTNUM(2)
    PATCH(tmpl_ret1, tmpl_ret1_end)
    la s1, codebuf
    jalr s1
    CHECK(a0, 1)
    TESTNUM(3)
    PATCH(tmpl_ret2, tmpl_ret2_end)
    jalr s1
    CHECK(a0, 2)
    TESTNUM(4)                      /* the same code many times, then patched */
    li s2, 100
1:  jalr s1
    addi s2, s2, -1
    bnez s2, 1b
    CHECK(a0, 2)
    PATCH(tmpl_ret3, tmpl_ret3_end)
    jalr s1
    CHECK(a0, 3)
    TESTNUM(5)                      /* patch a single instruction in the middle of a block */
    PATCH(tmpl_sum, tmpl_sum_end)
    jalr s1
    CHECK(a0, 6)
    la a0, codebuf + 4
    la a1, tmpl_addi10
    lw a1, 0(a1)
    sw a1, 0(a0)                    /* second instruction: addi a0, a0, 2 -> addi a0, a0, 10 */
    fence.i
    jalr s1
    CHECK(a0, 14)
    TESTNUM(6)                      /* 32-bit code replaced by compressed code */
    PATCH(tmpl_c, tmpl_c_end)
    jalr s1
    CHECK(a0, 9)

    TESTNUM(7)                      /* code that rewrites a later instruction of its own block */
    PATCH(tmpl_self, tmpl_self_end)
    la a2, tmpl_li5
    lw a2, 0(a2)
    jalr s1
    CHECK(a0, 5)
    jalr s1                         /* and runs the rewritten code again */
    CHECK(a0, 5)

    /* the code patched by every kind of store: sb, sh, amoswap.w, sc.w, fsw, fsd, c.sw; each
       replaces "li a0, 1" (already run) with "li a0, N" */
    TESTNUM(8)
    PATCH(tmpl_ret1, tmpl_ret1_end)
    jalr s1
    la a2, tmpl_li5                 /* li a0, 5: 4 bytes, stored one byte at a time */
    lbu t0, 0(a2)
    sb t0, 0(s1)
    lbu t0, 1(a2)
    sb t0, 1(s1)
    lbu t0, 2(a2)
    sb t0, 2(s1)
    lbu t0, 3(a2)
    sb t0, 3(s1)
    fence.i
    jalr s1
    CHECK(a0, 5)
    TESTNUM(9)                     /* sh, two halves */
    la a2, tmpl_li6
    lhu t0, 0(a2)
    sh t0, 0(s1)
    lhu t0, 2(a2)
    sh t0, 2(s1)
    fence.i
    jalr s1
    CHECK(a0, 6)
    TESTNUM(10)                     /* amoswap.w */
    la a2, tmpl_li7
    lw t0, 0(a2)
    amoswap.w zero, t0, (s1)
    fence.i
    jalr s1
    CHECK(a0, 7)
    TESTNUM(11)                     /* lr.w / sc.w */
    la a2, tmpl_li8
    lw t0, 0(a2)
1:  lr.w t1, (s1)
    sc.w t1, t0, (s1)
    bnez t1, 1b
    fence.i
    jalr s1
    CHECK(a0, 8)
    TESTNUM(12)                     /* fsw */
    la a2, tmpl_li9
    flw ft0, 0(a2)
    fsw ft0, 0(s1)
    fence.i
    jalr s1
    CHECK(a0, 9)
    TESTNUM(13)                     /* fsd: both instructions at once */
    la a2, tmpl_li10
    fld ft0, 0(a2)
    fsd ft0, 0(s1)
    fence.i
    jalr s1
    CHECK(a0, 10)
    TESTNUM(14)                     /* c.sw */
    la a2, tmpl_li11
    lw a3, 0(a2)
    mv a4, s1
    .option push
    .option rvc
    c.sw a3, 0(a4)
    c.nop                           /* keeps the following code 4-byte aligned */
    .option pop
    fence.i
    jalr s1
    CHECK(a0, 11)
#if XLEN == 64
    TESTNUM(15)                     /* sd */
    PATCH(tmpl_ret1, tmpl_ret1_end)
    jalr s1
    la a2, tmpl_li10
    ld t0, 0(a2)
    sd t0, 0(s1)
    fence.i
    jalr s1
    CHECK(a0, 10)
#endif

    /* HINTs: no architectural effect */
    TESTNUM(16)
    li a1, 5
    addi x0, x0, 1
    addi x0, a1, 7
    add x0, a1, a1
    slli x0, a1, 3
    slti x0, a1, 1
    lui x0, 0x12345
    auipc x0, 1
    .option push
    .option rvc
    c.nop 5                         /* c.nop with a nonzero immediate */
    c.li zero, 3
    c.add zero, a1
    c.mv zero, a1
    .option pop
    CHECK(x0, 0)
    CHECK(a1, 5)

    mv ra, s10
    li a0, 0
    ret

/* Copy [a0, a1) to codebuf, then fence.i. */
patch_code:
    la t0, codebuf
1:  lw t1, 0(a0)
    sw t1, 0(t0)
    addi a0, a0, 4
    addi t0, t0, 4
    bltu a0, a1, 1b
    fence.i
    ret

/* Templates (never run in place), copied with word loads. */
    .balign 4
tmpl_ret1:
    li a0, 1
    ret
tmpl_ret1_end:
tmpl_ret2:
    li a0, 2
    ret
tmpl_ret2_end:
tmpl_ret3:
    li a0, 3
    ret
tmpl_ret3_end:
tmpl_sum:
    li a0, 1
    addi a0, a0, 2
    addi a0, a0, 3
    ret
tmpl_sum_end:
tmpl_addi10:
    addi a0, a0, 10
tmpl_self:
    auipc t0, 0
    sw a2, 16(t0)                   /* replaces "li a0, 1" below with a2 */
    fence.i
    nop
    li a0, 1
    ret
tmpl_self_end:
tmpl_li5:
    li a0, 5
tmpl_li6:
    li a0, 6
tmpl_li7:
    li a0, 7
tmpl_li8:
    li a0, 8
tmpl_li9:
    li a0, 9
    .balign 8
tmpl_li10:                          /* 8 bytes: li a0, 10; ret */
    li a0, 10
    ret
tmpl_li11:
    li a0, 11
tmpl_c:
    .option push
    .option rvc
    c.li a0, 4
    c.addi a0, 5
    c.jr ra
    c.nop
    .option pop
tmpl_c_end:

DATA_SECTION
    .balign 16
codebuf:
    .skip 64
