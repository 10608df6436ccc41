/* Zicsr: all six CSR instructions, the rd=x0 / rs1=x0 / uimm=0 rules about which accesses
 * read or write, writes to read-only CSRs, and the machine information CSRs. */
#include <stdio.h>

#include "rt.h"

/* Expect an illegal-instruction trap from insn; returns its address. */
#define EXPECT_ILLEGAL(insn, bits, what, ...) \
    EXPECT_ILLEGAL_AFTER("", insn, bits, what, ##__VA_ARGS__)
#define EXPECT_ILLEGAL_AFTER(setup, insn, bits, what, ...) \
    do { \
        uint32_t before_ = rt_last_trap.count; \
        uint32_t at_ = RUN_SETUP_AT(setup, insn, ##__VA_ARGS__); \
        CHECK(rt_last_trap.count == before_ + 1 && \
              rt_last_trap.mcause == CAUSE_ILLEGAL_INSTRUCTION && rt_last_trap.mepc == at_ && \
              rt_last_trap.mtval == (bits), what); \
    } while (0)

#define EXPECT_NO_TRAP(insn, what, ...) \
    do { \
        uint32_t before_ = rt_last_trap.count; \
        RUN_AT(insn, ##__VA_ARGS__); \
        CHECK(rt_last_trap.count == before_, what); \
    } while (0)

static void test_read_write_forms(void)
{
    uint32_t old, v;

    csr_write(mscratch, 0xdeadbeef);
    CHECK_EQ(csr_read(mscratch), 0xdeadbeef, "mscratch round-trips 0xdeadbeef");
    csr_write(mscratch, 0);
    CHECK_EQ(csr_read(mscratch), 0, "mscratch round-trips 0");

    csr_write(mscratch, 0xdeadbeef);
    __asm__ volatile("csrrw %0, mscratch, %1" : "=r"(old) : "r"(0x12345678u));
    CHECK_EQ(old, 0xdeadbeef, "csrrw returns the old value");
    CHECK_EQ(csr_read(mscratch), 0x12345678, "csrrw writes rs1");
    __asm__ volatile("csrrs %0, mscratch, %1" : "=r"(old) : "r"(0x0000ff00u));
    CHECK_EQ(old, 0x12345678, "csrrs returns the old value");
    CHECK_EQ(csr_read(mscratch), 0x1234ff78, "csrrs sets the bits of rs1");
    __asm__ volatile("csrrc %0, mscratch, %1" : "=r"(old) : "r"(0x000000f0u));
    CHECK_EQ(old, 0x1234ff78, "csrrc returns the old value");
    CHECK_EQ(csr_read(mscratch), 0x1234ff08, "csrrc clears the bits of rs1");
    __asm__ volatile("csrrwi %0, mscratch, 0x15" : "=r"(old));
    CHECK_EQ(old, 0x1234ff08, "csrrwi returns the old value");
    CHECK_EQ(csr_read(mscratch), 0x15, "csrrwi writes the zero-extended 5-bit immediate");
    __asm__ volatile("csrrsi %0, mscratch, 0x0a" : "=r"(old));
    CHECK_EQ(old, 0x15, "csrrsi returns the old value");
    CHECK_EQ(csr_read(mscratch), 0x1f, "csrrsi sets immediate bits");
    __asm__ volatile("csrrci %0, mscratch, 0x03" : "=r"(old));
    CHECK_EQ(old, 0x1f, "csrrci returns the old value");
    CHECK_EQ(csr_read(mscratch), 0x1c, "csrrci clears immediate bits");
    csr_write(mscratch, 0x80000000);
    __asm__ volatile("csrrsi %0, mscratch, 31" : "=r"(old));
    CHECK_EQ(csr_read(mscratch), 0x8000001f, "csrrsi 31 does not sign-extend");

    csr_write(mscratch, 0x11112222);
    __asm__ volatile("csrrw x0, mscratch, %0" :: "r"(0x33334444u));
    CHECK_EQ(csr_read(mscratch), 0x33334444, "csrrw with rd=x0 still writes");
    __asm__ volatile("csrrs %0, mscratch, x0" : "=r"(v));
    CHECK_EQ(v, 0x33334444, "csrrs with rs1=x0 reads");
    CHECK_EQ(csr_read(mscratch), 0x33334444, "csrrs with rs1=x0 does not write");
    __asm__ volatile("csrrci %0, mscratch, 0" : "=r"(v));
    CHECK_EQ(csr_read(mscratch), 0x33334444, "csrrci with uimm=0 does not write");

    v = 0x55556666;
    __asm__ volatile("csrrw %0, mscratch, %0" : "+r"(v));
    CHECK_EQ(v, 0x33334444, "csrrw with rd == rs1 returns the old value");
    CHECK_EQ(csr_read(mscratch), 0x55556666, "csrrw with rd == rs1 writes the old rs1");
}

static void test_read_only(void)
{
    /* csrrs/csrrc with rs1=x0 and csrrsi/csrrci with uimm=0 do not write, so they are legal on
     * read-only CSRs; csrrw/csrrwi always write and trap. */
    EXPECT_NO_TRAP("csrrs t0, mhartid, x0", "csrrs rs1=x0 on read-only mhartid: no trap", "t0");
    EXPECT_NO_TRAP("csrrc t0, mhartid, x0", "csrrc rs1=x0 on read-only mhartid: no trap", "t0");
    EXPECT_NO_TRAP("csrrsi t0, mhartid, 0", "csrrsi uimm=0 on read-only mhartid: no trap", "t0");
    EXPECT_NO_TRAP("csrrci t0, mhartid, 0", "csrrci uimm=0 on read-only mhartid: no trap", "t0");
    EXPECT_NO_TRAP("csrrs t0, cycle, x0", "rdcycle in M-mode: no trap", "t0");
    /* csrrw x0, mhartid, t0 = 0xf14 << 20 | 5 << 15 | 1 << 12 | 0x73 */
    EXPECT_ILLEGAL_AFTER("li t0, 0", "csrrw x0, mhartid, t0", 0xf1429073,
                         "csrrw to read-only mhartid is illegal", "t0");
    /* csrrwi x0, mhartid, 0 = 0xf14 << 20 | 5 << 12 | 0x73 */
    EXPECT_ILLEGAL("csrrwi x0, mhartid, 0", 0xf1405073, "csrrwi to read-only mhartid is illegal");
    /* csrrs t1, mhartid, t0 = 0xf14 << 20 | 5 << 15 | 2 << 12 | 6 << 7 | 0x73. Whether it
     * writes depends on the register number, not on the value in the register. */
    EXPECT_ILLEGAL_AFTER("li t0, 1", "csrrs t1, mhartid, t0", 0xf142a373,
                         "csrrs rs1=t0 (=1) on read-only mhartid is illegal", "t0", "t1");
    /* The same with t0 = 0 is in zicsr_ro_zero (QEMU 7.2 gets that case wrong). */
    /* csrrw x0, cycle, t0 = 0xc00 << 20 | 5 << 15 | 1 << 12 | 0x73 */
    EXPECT_ILLEGAL_AFTER("li t0, 0", "csrrw x0, cycle, t0", 0xc0029073,
                         "writing the read-only cycle CSR is illegal", "t0");
    /* csrrs t0, 0x7c0, x0 = 0x7c0 << 20 | 2 << 12 | 5 << 7 | 0x73: no such CSR here */
    EXPECT_ILLEGAL("csrrs t0, 0x7c0, x0", 0x7c0022f3, "reading a CSR that does not exist is illegal",
                   "t0");
}

static void test_machine_info(void)
{
    uint32_t misa = csr_read(misa);
    char letters[27];
    int n = 0;
    for (int i = 0; i < 26; i++)
        if (misa & (1u << i))
            letters[n++] = (char)('A' + i);
    letters[n] = 0;
    printf("note: misa = 0x%08lx (MXL=%lu, extensions %s)\n", (unsigned long)misa,
           (unsigned long)(misa >> 30), letters);
    CHECK_EQ(misa >> 30, 1, "misa.MXL = 1 (32-bit)");
    CHECK(misa & (1u << ('I' - 'A')), "misa reports I");
    CHECK(misa & (1u << ('M' - 'A')), "misa reports M");
    CHECK(misa & (1u << ('A' - 'A')), "misa reports A");
    CHECK(misa & (1u << ('C' - 'A')), "misa reports C");
    CHECK(misa & (1u << ('U' - 'A')), "misa reports U");
    CHECK(!(misa & (1u << ('E' - 'A'))), "misa does not report E");
    CHECK_EQ(csr_read(mhartid), 0, "mhartid = 0");
    printf("note: mvendorid=0x%lx marchid=0x%lx mimpid=0x%lx\n",
           (unsigned long)csr_read(mvendorid), (unsigned long)csr_read(marchid),
           (unsigned long)csr_read(mimpid));
    CHECK(1, "mvendorid, marchid and mimpid are readable");

    uint32_t tvec = csr_read(mtvec);
    csr_write(mtvec, (uint32_t)rt_trap_entry);
    CHECK_EQ(csr_read(mtvec), (uint32_t)rt_trap_entry, "mtvec holds a direct-mode base");
    csr_write(mtvec, tvec);

    csr_set(mstatus, MSTATUS_MPIE);
    CHECK(csr_read(mstatus) & MSTATUS_MPIE, "csrs sets mstatus.MPIE");
    csr_clear(mstatus, MSTATUS_MPIE);
    CHECK(!(csr_read(mstatus) & MSTATUS_MPIE), "csrc clears mstatus.MPIE");
}

int main(void)
{
    rt_set_trap_hook(rt_record_and_skip);
    test_read_write_forms();
    test_read_only();
    test_machine_info();
    return rt_done();
}
