/* RV32I register-register and register-immediate arithmetic, logic, compares, shifts, LUI and
 * AUIPC. Expected values are worked out by hand from the ISA manual's definitions. */
#include "insn.h"
#include "rt.h"

static void test_add_sub(void)
{
    CHECK_EQ(RR("add", 2, 3), 5, "add 2+3 = 5");
    CHECK_EQ(RR("add", 0x7fffffff, 1), 0x80000000, "add wraps 0x7fffffff+1 to 0x80000000");
    CHECK_EQ(RR("add", 0xffffffff, 1), 0, "add wraps 0xffffffff+1 to 0");
    CHECK_EQ(RR("sub", 0, 1), 0xffffffff, "sub 0-1 = 0xffffffff");
    CHECK_EQ(RR("sub", 0x80000000, 1), 0x7fffffff, "sub 0x80000000-1 = 0x7fffffff");
    CHECK_EQ(RR("sub", 10, 10), 0, "sub x-x = 0");
}

static void test_logic(void)
{
    CHECK_EQ(RR("and", 0xf0f0f0f0, 0xff00ff00), 0xf000f000, "and");
    CHECK_EQ(RR("or", 0xf0f0f0f0, 0xff00ff00), 0xfff0fff0, "or");
    CHECK_EQ(RR("xor", 0xf0f0f0f0, 0xff00ff00), 0x0ff00ff0, "xor");
    CHECK_EQ(RI("andi", 0x12345678, 0x0ff), 0x78, "andi 0xff keeps the low byte");
    CHECK_EQ(RI("andi", 0x12345678, -16), 0x12345670, "andi -16 sign-extends its immediate");
    CHECK_EQ(RI("ori", 0x12340000, 0x678), 0x12340678, "ori");
    CHECK_EQ(RI("ori", 0, -2048), 0xfffff800, "ori -2048 sign-extends its immediate");
    CHECK_EQ(RI("xori", 0x12345678, -1), 0xedcba987, "xori -1 is bitwise not");
    CHECK_EQ(RI("xori", 0x0000ff00, 0x7ff), 0x0000f8ff, "xori 0x7ff");
}

static void test_compare(void)
{
    CHECK_EQ(RR("slt", 0xffffffff, 1), 1, "slt -1 < 1");
    CHECK_EQ(RR("slt", 1, 0xffffffff), 0, "slt 1 < -1 is false");
    CHECK_EQ(RR("slt", 0x80000000, 0x7fffffff), 1, "slt INT_MIN < INT_MAX");
    CHECK_EQ(RR("slt", 5, 5), 0, "slt equal is false");
    CHECK_EQ(RR("sltu", 0xffffffff, 1), 0, "sltu 0xffffffff < 1 is false");
    CHECK_EQ(RR("sltu", 1, 0xffffffff), 1, "sltu 1 < 0xffffffff");
    CHECK_EQ(RR("sltu", 0x7fffffff, 0x80000000), 1, "sltu 0x7fffffff < 0x80000000");
    CHECK_EQ(RR("sltu", 7, 7), 0, "sltu equal is false");
    CHECK_EQ(RI("slti", 0xfffffffb, -4), 1, "slti -5 < -4");
    CHECK_EQ(RI("slti", 0, -1), 0, "slti 0 < -1 is false");
    CHECK_EQ(RI("slti", 0x7ff, 0x7ff), 0, "slti equal is false");
    CHECK_EQ(RI("sltiu", 0xfffffffe, -1), 1,
             "sltiu compares against the sign-extended immediate as unsigned (0xffffffff)");
    CHECK_EQ(RI("sltiu", 0, 1), 1, "sltiu x,1 is seqz: 0 -> 1");
    CHECK_EQ(RI("sltiu", 5, 1), 0, "sltiu x,1 is seqz: 5 -> 0");
    CHECK_EQ(RR("sltu", 0, 9), 1, "sltu x0-style snez: 0 < 9");
}

static void test_shifts(void)
{
    CHECK_EQ(RR("sll", 1, 31), 0x80000000, "sll 1<<31");
    CHECK_EQ(RR("sll", 1, 33), 2, "sll uses only rs2[4:0] (33 -> 1)");
    CHECK_EQ(RR("sll", 0x12345678, 0), 0x12345678, "sll by 0");
    CHECK_EQ(RR("srl", 0x80000000, 31), 1, "srl 0x80000000>>31 = 1");
    CHECK_EQ(RR("srl", 0x80000000, 0x24), 0x08000000, "srl uses only rs2[4:0] (0x24 -> 4)");
    CHECK_EQ(RR("sra", 0x80000000, 31), 0xffffffff, "sra 0x80000000>>31 = -1");
    CHECK_EQ(RR("sra", 0x80000000, 4), 0xf8000000, "sra copies the sign bit");
    CHECK_EQ(RR("sra", 0x40000000, 4), 0x04000000, "sra of a positive value");
    CHECK_EQ(RR("sra", 0x80000000, 0xffffffe1), 0xc0000000, "sra uses only rs2[4:0] (-31 -> 1)");
    CHECK_EQ(RI("slli", 3, 30), 0xc0000000, "slli 3<<30");
    CHECK_EQ(RI("srli", 0xf0000000, 28), 0xf, "srli 0xf0000000>>28");
    CHECK_EQ(RI("srai", 0xf0000000, 28), 0xffffffff, "srai 0xf0000000>>28 = -1");
    CHECK_EQ(RI("srai", 0x70000000, 28), 7, "srai 0x70000000>>28 = 7");
    CHECK_EQ(RI("srai", 0x80000001, 0), 0x80000001, "srai by 0");
}

static void test_addi(void)
{
    CHECK_EQ(RI("addi", 0, -2048), 0xfffff800, "addi minimum immediate -2048");
    CHECK_EQ(RI("addi", 0, 2047), 0x7ff, "addi maximum immediate 2047");
    CHECK_EQ(RI("addi", 0x7fffffff, 1), 0x80000000, "addi wraps");
    CHECK_EQ(RI("addi", 1, -1), 0, "addi 1 + -1 = 0");
}

static void test_lui_auipc_x0(void)
{
    uint32_t v, here, expect;
    __asm__ volatile(NORVC_BEGIN "lui %0, 0xfffff" NORVC_END : "=r"(v));
    CHECK_EQ(v, 0xfffff000, "lui 0xfffff -> 0xfffff000");
    __asm__ volatile(NORVC_BEGIN "lui %0, 0x12345" NORVC_END : "=r"(v));
    CHECK_EQ(v, 0x12345000, "lui 0x12345 -> 0x12345000");
    __asm__ volatile(NORVC_BEGIN "lui %0, 0x80000\n\taddi %0, %0, -1" NORVC_END : "=r"(v));
    CHECK_EQ(v, 0x7fffffff, "lui+addi build 0x7fffffff");

    /* The label's absolute address comes from lui/addi relocations, independently of AUIPC. */
    __asm__ volatile(NORVC_BEGIN "1: auipc %0, 0\n\t"
                     "lui %1, %%hi(1b)\n\taddi %1, %1, %%lo(1b)" NORVC_END
                     : "=r"(here), "=r"(expect));
    CHECK_EQ(here, expect, "auipc 0 returns its own address");
    __asm__ volatile(NORVC_BEGIN "1: auipc %0, 0x12\n\t"
                     "lui %1, %%hi(1b)\n\taddi %1, %1, %%lo(1b)" NORVC_END
                     : "=r"(here), "=r"(expect));
    CHECK_EQ(here - expect, 0x12000, "auipc 0x12 adds 0x12000 to pc");
    __asm__ volatile(NORVC_BEGIN "1: auipc %0, 0xfffff\n\t"
                     "lui %1, %%hi(1b)\n\taddi %1, %1, %%lo(1b)" NORVC_END
                     : "=r"(here), "=r"(expect));
    CHECK_EQ(here - expect, 0xfffff000, "auipc 0xfffff subtracts 0x1000 from pc");

    __asm__ volatile(NORVC_BEGIN "li t0, 123\n\taddi x0, t0, 5\n\tadd x0, t0, t0\n\t"
                     "lui x0, 0x1\n\tmv %0, x0" NORVC_END : "=r"(v) :: "t0");
    CHECK_EQ(v, 0, "writes to x0 are discarded");
}

int main(void)
{
    test_add_sub();
    test_logic();
    test_compare();
    test_shifts();
    test_addi();
    test_lui_auipc_x0();
    return rt_done();
}
