/* RV32M: products (low and all three high-half forms), division and remainder, including the
 * ISA manual's fixed results for division by zero and signed overflow (no traps). */
#include "insn.h"
#include "rt.h"

int main(void)
{
    CHECK_EQ(RR("mul", 7, 0xfffffffd), 0xffffffeb, "mul 7 * -3 = -21");
    CHECK_EQ(RR("mul", 0x80000000, 2), 0, "mul keeps the low 32 bits (2^31*2)");
    /* 0x12345678 * 0x9abcdef0 = 0x0b00ea4e_242d2080 */
    CHECK_EQ(RR("mul", 0x12345678, 0x9abcdef0), 0x242d2080, "mul 0x12345678*0x9abcdef0 low");
    CHECK_EQ(RR("mulhu", 0x12345678, 0x9abcdef0), 0x0b00ea4e, "mulhu 0x12345678*0x9abcdef0 high");
    /* Signed rs2 = 0x9abcdef0 - 2^32, so the signed high half is the unsigned one minus rs1:
     * 0x0b00ea4e - 0x12345678 = 0xf8cc93d6 (mod 2^32). */
    CHECK_EQ(RR("mulh", 0x12345678, 0x9abcdef0), 0xf8cc93d6, "mulh positive * negative");
    CHECK_EQ(RR("mulhsu", 0x12345678, 0x9abcdef0), 0x0b00ea4e,
             "mulhsu positive rs1 equals mulhu");
    CHECK_EQ(RR("mulh", 0xffffffff, 0xffffffff), 0, "mulh -1 * -1 = 1 -> high 0");
    CHECK_EQ(RR("mulh", 0x80000000, 0x80000000), 0x40000000, "mulh INT_MIN^2 = 2^62");
    CHECK_EQ(RR("mulh", 0x80000000, 1), 0xffffffff, "mulh INT_MIN * 1 high is -1");
    CHECK_EQ(RR("mulhu", 0xffffffff, 0xffffffff), 0xfffffffe, "mulhu (2^32-1)^2 high");
    CHECK_EQ(RR("mulhsu", 0xffffffff, 0xffffffff), 0xffffffff,
             "mulhsu -1 * (2^32-1) = -(2^32-1) -> high -1");
    CHECK_EQ(RR("mulhsu", 2, 0x80000000), 1, "mulhsu 2 * 2^31 (unsigned rs2) = 2^32");
    CHECK_EQ(RR("mulhsu", 0x80000000, 0xffffffff), 0x80000000,
             "mulhsu INT_MIN * (2^32-1) high");

    CHECK_EQ(RR("div", 0xfffffff9, 2), 0xfffffffd, "div -7/2 = -3 (rounds toward zero)");
    CHECK_EQ(RR("rem", 0xfffffff9, 2), 0xffffffff, "rem -7%2 = -1 (sign of dividend)");
    CHECK_EQ(RR("div", 7, 0xfffffffe), 0xfffffffd, "div 7/-2 = -3");
    CHECK_EQ(RR("rem", 7, 0xfffffffe), 1, "rem 7%-2 = 1");
    CHECK_EQ(RR("div", 0xfffffff9, 0xfffffffe), 3, "div -7/-2 = 3");
    CHECK_EQ(RR("rem", 0xfffffff9, 0xfffffffe), 0xffffffff, "rem -7%-2 = -1");
    CHECK_EQ(RR("divu", 0xffffffff, 2), 0x7fffffff, "divu 0xffffffff/2");
    CHECK_EQ(RR("remu", 0xffffffff, 2), 1, "remu 0xffffffff%2");
    CHECK_EQ(RR("divu", 0xfffffff9, 0xfffffffe), 0, "divu treats operands as unsigned");
    CHECK_EQ(RR("remu", 0xfffffff9, 0xfffffffe), 0xfffffff9, "remu smaller dividend");

    CHECK_EQ(RR("div", 1234, 0), 0xffffffff, "div by zero returns -1");
    CHECK_EQ(RR("div", 0x80000000, 0), 0xffffffff, "div INT_MIN by zero returns -1");
    CHECK_EQ(RR("divu", 1234, 0), 0xffffffff, "divu by zero returns 2^32-1");
    CHECK_EQ(RR("rem", 0xfffffb2e, 0), 0xfffffb2e, "rem by zero returns the dividend");
    CHECK_EQ(RR("remu", 1234, 0), 1234, "remu by zero returns the dividend");
    CHECK_EQ(RR("div", 0x80000000, 0xffffffff), 0x80000000, "div overflow INT_MIN/-1 = INT_MIN");
    CHECK_EQ(RR("rem", 0x80000000, 0xffffffff), 0, "rem overflow INT_MIN%-1 = 0");
    CHECK_EQ(RR("divu", 0x80000000, 0xffffffff), 0, "divu 0x80000000/0xffffffff = 0");
    return rt_done();
}
