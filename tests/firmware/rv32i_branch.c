/* RV32I control transfer: every branch condition on signed/unsigned edge values, backward
 * branches, and JAL/JALR link values and target arithmetic. */
#include "insn.h"
#include "rt.h"

static void test_branches(void)
{
    CHECK_EQ(BRANCH_TAKEN("beq", 5, 5), 1, "beq equal taken");
    CHECK_EQ(BRANCH_TAKEN("beq", 5, 6), 0, "beq different not taken");
    CHECK_EQ(BRANCH_TAKEN("beq", 0x80000000, 0), 0, "beq compares all 32 bits");
    CHECK_EQ(BRANCH_TAKEN("bne", 5, 6), 1, "bne different taken");
    CHECK_EQ(BRANCH_TAKEN("bne", 0xffffffff, 0xffffffff), 0, "bne equal not taken");

    CHECK_EQ(BRANCH_TAKEN("blt", 0xffffffff, 0), 1, "blt -1 < 0 taken");
    CHECK_EQ(BRANCH_TAKEN("blt", 0, 0xffffffff), 0, "blt 0 < -1 not taken");
    CHECK_EQ(BRANCH_TAKEN("blt", 0x80000000, 0x7fffffff), 1, "blt INT_MIN < INT_MAX taken");
    CHECK_EQ(BRANCH_TAKEN("blt", 3, 3), 0, "blt equal not taken");
    CHECK_EQ(BRANCH_TAKEN("bge", 3, 3), 1, "bge equal taken");
    CHECK_EQ(BRANCH_TAKEN("bge", 0xffffffff, 0), 0, "bge -1 >= 0 not taken");
    CHECK_EQ(BRANCH_TAKEN("bge", 0x7fffffff, 0x80000000), 1, "bge INT_MAX >= INT_MIN taken");

    CHECK_EQ(BRANCH_TAKEN("bltu", 0, 0xffffffff), 1, "bltu 0 < 0xffffffff taken");
    CHECK_EQ(BRANCH_TAKEN("bltu", 0xffffffff, 0), 0, "bltu 0xffffffff < 0 not taken");
    CHECK_EQ(BRANCH_TAKEN("bltu", 0x7fffffff, 0x80000000), 1, "bltu 0x7fffffff < 0x80000000");
    CHECK_EQ(BRANCH_TAKEN("bltu", 9, 9), 0, "bltu equal not taken");
    CHECK_EQ(BRANCH_TAKEN("bgeu", 0xffffffff, 0), 1, "bgeu 0xffffffff >= 0 taken");
    CHECK_EQ(BRANCH_TAKEN("bgeu", 9, 9), 1, "bgeu equal taken");
    CHECK_EQ(BRANCH_TAKEN("bgeu", 0, 1), 0, "bgeu 0 >= 1 not taken");
    CHECK_EQ(BRANCH_TAKEN("bgeu", 0x80000000, 0x7fffffff), 1, "bgeu 0x80000000 >= 0x7fffffff");

    uint32_t n;
    __asm__ volatile(NORVC_BEGIN "li %0, 0\n\tli t0, 10\n"
                     "1:\taddi %0, %0, 3\n\taddi t0, t0, -1\n\tbnez t0, 1b" NORVC_END
                     : "=&r"(n) :: "t0");
    CHECK_EQ(n, 30, "backward bnez loop runs 10 times");
}

static void test_jal(void)
{
    uint32_t link, after, skipped;
    __asm__ volatile(NORVC_BEGIN "li %2, 0\n\tjal %0, 2f\n"
                     "1:\tli %2, 1\n"
                     "2:\tlui %1, %%hi(1b)\n\taddi %1, %1, %%lo(1b)" NORVC_END
                     : "=&r"(link), "=&r"(after), "=&r"(skipped));
    CHECK_EQ(link, after, "jal links pc+4");
    CHECK_EQ(skipped, 0, "jal skips the instruction after it");

    /* Backward jal and jal with rd=x0 (plain jump). */
    __asm__ volatile(NORVC_BEGIN "li %0, 0\n\tj 2f\n"
                     "1:\taddi %0, %0, 1\n\tj 3f\n"
                     "2:\taddi %0, %0, 10\n\tjal x0, 1b\n"
                     "3:" NORVC_END
                     : "=&r"(skipped));
    CHECK_EQ(skipped, 11, "jal forward then backward with rd=x0");
}

static void test_jalr(void)
{
    uint32_t link, expect, marker;
    __asm__ volatile(NORVC_BEGIN "li %2, 0\n\t"
                     "lui t0, %%hi(2f)\n\taddi t0, t0, %%lo(2f)\n\t"
                     "jalr %0, 0(t0)\n"
                     "1:\tli %2, 1\n"
                     "2:\tlui %1, %%hi(1b)\n\taddi %1, %1, %%lo(1b)" NORVC_END
                     : "=&r"(link), "=&r"(expect), "=&r"(marker) :: "t0");
    CHECK_EQ(link, expect, "jalr links pc+4");
    CHECK_EQ(marker, 0, "jalr jumps to rs1+0");

    /* Offset arithmetic: target = rs1 + imm, with a negative immediate. */
    __asm__ volatile(NORVC_BEGIN "li %1, 0\n\t"
                     "lui t0, %%hi(2f+100)\n\taddi t0, t0, %%lo(2f+100)\n\t"
                     "jalr %0, -100(t0)\n\tli %1, 1\n"
                     "2:" NORVC_END
                     : "=&r"(link), "=&r"(marker) :: "t0");
    CHECK_EQ(marker, 0, "jalr adds a negative immediate");

    /* Bit 0 of the computed target is cleared. */
    __asm__ volatile(NORVC_BEGIN "li %1, 0\n\t"
                     "lui t0, %%hi(2f)\n\taddi t0, t0, %%lo(2f)\n\t"
                     "jalr %0, 1(t0)\n\tli %1, 1\n"
                     "2:" NORVC_END
                     : "=&r"(link), "=&r"(marker) :: "t0");
    CHECK_EQ(marker, 0, "jalr clears bit 0 of the target (rs1+1 lands on rs1)");

    /* rd == rs1: the target uses the old rs1, then rd gets the link. */
    __asm__ volatile(NORVC_BEGIN "li %2, 0\n\t"
                     "lui %0, %%hi(2f)\n\taddi %0, %0, %%lo(2f)\n\t"
                     "jalr %0, 0(%0)\n"
                     "1:\tli %2, 1\n"
                     "2:\tlui %1, %%hi(1b)\n\taddi %1, %1, %%lo(1b)" NORVC_END
                     : "=&r"(link), "=&r"(expect), "=&r"(marker));
    CHECK(marker == 0 && link == expect, "jalr with rd == rs1 jumps to old rs1 and links pc+4");

    /* A 2-byte aligned (not 4-byte aligned) target is legal with the C extension. */
    __asm__ volatile(".option push\n\t.option rvc\n\t.balign 4\n\t"
                     "li %0, 0\n\t"
                     "lui t0, %%hi(2f)\n\taddi t0, t0, %%lo(2f)\n\t"
                     "j 3f\n\t"
                     ".balign 4\n\tc.nop\n"
                     "2:\tc.addi %0, 1\n\tc.jr ra\n"
                     "3:\tmv t1, ra\n\tjalr ra, 0(t0)\n\tmv ra, t1\n\t"
                     ".option pop"
                     : "=&r"(marker) :: "t0", "t1", "ra");
    CHECK_EQ(marker, 1, "jalr to a 2-byte aligned address runs the code there (no misaligned trap)");
}

int main(void)
{
    test_branches();
    test_jal();
    test_jalr();
    rt_note("instruction-address-misaligned cannot occur: with C, every even address is legal");
    return rt_done();
}
