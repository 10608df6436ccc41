/* RV32I loads and stores of every width: sign/zero extension, offsets of both signs, and
 * stores that must touch only their own bytes. Memory is little-endian. */
#include "insn.h"
#include "rt.h"

static volatile uint32_t buf[4] __attribute__((aligned(16)));

#define LOAD(op, base, off) \
    ({ uint32_t r_; __asm__ volatile(NORVC_BEGIN op " %0, " #off "(%1)" NORVC_END \
                                     : "=r"(r_) : "r"(base) : "memory"); r_; })
#define STORE(op, val, base, off) \
    __asm__ volatile(NORVC_BEGIN op " %0, " #off "(%1)" NORVC_END \
                     :: "r"((uint32_t)(val)), "r"(base) : "memory")

int main(void)
{
    volatile uint8_t *p = (volatile uint8_t *)buf;
    uint32_t pu = (uint32_t)p; /* for offsets outside the array, as plain addresses */

    /* Bytes at p[0..3] = 7f ff 01 80, p[4..7] = 78 56 34 12. */
    buf[0] = 0x8001ff7f;
    buf[1] = 0x12345678;
    buf[2] = 0;
    buf[3] = 0;

    CHECK_EQ(LOAD("lb", p, 0), 0x0000007f, "lb 0x7f is positive");
    CHECK_EQ(LOAD("lb", p, 1), 0xffffffff, "lb 0xff sign-extends to -1");
    CHECK_EQ(LOAD("lb", p, 3), 0xffffff80, "lb 0x80 sign-extends");
    CHECK_EQ(LOAD("lbu", p, 1), 0x000000ff, "lbu 0xff zero-extends");
    CHECK_EQ(LOAD("lbu", p, 3), 0x00000080, "lbu 0x80 zero-extends");
    CHECK_EQ(LOAD("lh", p, 0), 0xffffff7f, "lh 0xff7f sign-extends");
    CHECK_EQ(LOAD("lh", p, 2), 0xffff8001, "lh 0x8001 sign-extends");
    CHECK_EQ(LOAD("lh", p, 4), 0x00005678, "lh 0x5678 is positive");
    CHECK_EQ(LOAD("lhu", p, 0), 0x0000ff7f, "lhu 0xff7f zero-extends");
    CHECK_EQ(LOAD("lhu", p, 2), 0x00008001, "lhu 0x8001 zero-extends");
    CHECK_EQ(LOAD("lw", p, 0), 0x8001ff7f, "lw reads little-endian");
    CHECK_EQ(LOAD("lw", p, 4), 0x12345678, "lw with offset 4");
    CHECK_EQ(LOAD("lw", p + 8, -8), 0x8001ff7f, "lw with negative offset -8");
    CHECK_EQ(LOAD("lbu", p + 8, -1), 0x12, "lbu with negative offset -1");
    CHECK_EQ(LOAD("lw", pu + 2048, -2048), 0x8001ff7f, "lw with offset -2048");

    STORE("sb", 0xab, p, 1);
    CHECK_EQ(buf[0], 0x8001ab7f, "sb writes one byte only");
    STORE("sb", 0xdeadbeef, p, 3);
    CHECK_EQ(buf[0], 0xef01ab7f, "sb stores the low byte of rs2");
    STORE("sh", 0x1234, p, 2);
    CHECK_EQ(buf[0], 0x1234ab7f, "sh writes the upper halfword only");
    STORE("sh", 0xcafef00d, p, 4);
    CHECK_EQ(buf[1], 0x1234f00d, "sh stores the low halfword of rs2");
    STORE("sw", 0xa5a5a5a5, p, 8);
    CHECK_EQ(buf[2], 0xa5a5a5a5, "sw");
    CHECK_EQ(buf[3], 0, "sw does not spill into the next word");
    STORE("sw", 0x11223344, p + 16, -4);
    CHECK_EQ(buf[3], 0x11223344, "sw with negative offset");
    STORE("sb", 0x99, pu + 2048, -2040);
    CHECK_EQ(buf[2], 0xa5a5a599, "sb with offset -2040");

    /* A store followed at once by a narrower load of the same bytes. */
    STORE("sw", 0x80ff7f01, p, 12);
    CHECK_EQ(LOAD("lb", p, 14), 0xffffffff, "lb right after sw sees the stored byte");
    CHECK_EQ(LOAD("lhu", p, 12), 0x7f01, "lhu right after sw sees the stored halfword");
    return rt_done();
}
