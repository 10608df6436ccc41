/* Synchronous exceptions taken in M-mode, with mcause/mepc/mtval checked for each: illegal
 * instruction (32- and 16-bit), breakpoint, load/store/AMO/fetch access faults, ecall from M,
 * and the mstatus MIE/MPIE/MPP transitions across a trap and mret.
 * Misaligned accesses, AMO faults, EBREAK's mtval and U-mode causes have their own tests. */
#include "rt.h"

static void expect_trap(uint32_t count_before, uint32_t cause, uint32_t epc, uint32_t tval,
                        uint32_t len, const char *what)
{
    CHECK(rt_last_trap.count == count_before + 1 && rt_last_trap.mcause == cause &&
              rt_last_trap.mepc == epc && rt_last_trap.mtval == tval &&
              rt_last_trap.insn_len == len,
          what);
}

static void test_illegal(void)
{
    uint32_t n = rt_last_trap.count;
    /* 0x8badf00b has opcode 0001011 (custom-0): nothing is implemented there. */
    uint32_t at = RUN_AT(".word 0x8badf00b");
    expect_trap(n, CAUSE_ILLEGAL_INSTRUCTION, at, 0x8badf00b, 4,
                "illegal 32-bit instruction: mcause 2, mepc, mtval = 0x8badf00b");

    n = rt_last_trap.count;
    at = RUN_AT(".half 0x0000\n\t.half 0x0001");
    expect_trap(n, CAUSE_ILLEGAL_INSTRUCTION, at, 0, 2,
                "all-zero 16-bit instruction 0x0000 is illegal, mtval = 0, resumes at +2");

    /* 0x0004 is c.addi4spn x9, sp, 0: nzuimm = 0 is reserved. mtval holds only these 16 bits,
     * not the c.nop (0x0001) after them. */
    n = rt_last_trap.count;
    at = RUN_AT(".half 0x0004\n\t.half 0x0001");
    expect_trap(n, CAUSE_ILLEGAL_INSTRUCTION, at, 0x0004, 2,
                "reserved 16-bit c.addi4spn nzuimm=0 (0x0004): mtval = 0x00000004 only");
}

static void test_breakpoint(void)
{
    uint32_t n = rt_last_trap.count;
    uint32_t at = RUN_AT("ebreak");
    CHECK(rt_last_trap.count == n + 1 && rt_last_trap.mcause == CAUSE_BREAKPOINT &&
              rt_last_trap.mepc == at && rt_last_trap.insn_len == 4,
          "ebreak: mcause 3, mepc = the ebreak");
    n = rt_last_trap.count;
    at = RUN_AT(".option rvc\n\tc.ebreak");
    CHECK(rt_last_trap.count == n + 1 && rt_last_trap.mcause == CAUSE_BREAKPOINT &&
              rt_last_trap.mepc == at && rt_last_trap.insn_len == 2,
          "c.ebreak: mcause 3, mepc = the c.ebreak, 16 bits long");
}

static void test_access_faults(void)
{
    uint32_t n = rt_last_trap.count;
    uint32_t at = RUN_SETUP_AT("li t0, 0", "lw t1, 8(t0)", "t0", "t1");
    expect_trap(n, CAUSE_LOAD_ACCESS, at, RT_UNMAPPED_DATA + 8, 4,
                "lw from unmapped 0x8: mcause 5, mtval = 0x8");
    n = rt_last_trap.count;
    at = RUN_SETUP_AT("li t0, 0", "lbu t1, 3(t0)", "t0", "t1");
    expect_trap(n, CAUSE_LOAD_ACCESS, at, RT_UNMAPPED_DATA + 3, 4,
                "lbu from unmapped 0x3: mcause 5, mtval = 0x3");
    n = rt_last_trap.count;
    at = RUN_SETUP_AT("li t0, 0", "sw t0, 4(t0)", "t0");
    expect_trap(n, CAUSE_STORE_ACCESS, at, RT_UNMAPPED_DATA + 4, 4,
                "sw to unmapped 0x4: mcause 7, mtval = 0x4");
    n = rt_last_trap.count;
    at = RUN_SETUP_AT("li t0, 0", "sh t0, 6(t0)", "t0");
    expect_trap(n, CAUSE_STORE_ACCESS, at, RT_UNMAPPED_DATA + 6, 4,
                "sh to unmapped 0x6: mcause 7, mtval = 0x6");
    n = rt_last_trap.count;
    at = RUN_SETUP_AT("li t0, 16", "lr.w t1, (t0)", "t0", "t1");
    expect_trap(n, CAUSE_LOAD_ACCESS, at, RT_UNMAPPED_DATA + 16, 4,
                "lr.w from unmapped 0x10: mcause 5 (load access fault)");
    static volatile uint32_t word __attribute__((aligned(4)));
    uint32_t addr = (uint32_t)&word + 2;
    n = rt_last_trap.count;
    __asm__ volatile(".option push\n\t.option norvc\n\t"
                     "lui %0, %%hi(1f)\n\taddi %0, %0, %%lo(1f)\n1:\tlr.w t1, (%1)\n\t"
                     ".option pop" : "=&r"(at) : "r"(addr) : "t1", "memory");
    expect_trap(n, CAUSE_MISALIGNED_LOAD, at, addr, 4,
                "misaligned lr.w: mcause 4 (load address misaligned), mtval = address");
    /* AMO faults are in amo_traps. */
}

static volatile uint32_t fetch_cause, fetch_epc, fetch_tval;

static int fetch_hook(struct rt_trap_frame *f)
{
    if (f->mcause != CAUSE_FETCH_ACCESS)
        return 0;
    fetch_cause = f->mcause;
    fetch_epc = f->mepc;
    fetch_tval = f->mtval;
    f->mepc = f->x[1]; /* return to the caller through ra */
    return 1;
}

static void test_fetch_fault(void)
{
    rt_set_trap_hook(fetch_hook);
    __asm__ volatile("li t0, %0\n\tjalr ra, 0(t0)" :: "i"(RT_UNMAPPED_CODE) : "t0", "ra", "memory");
    rt_set_trap_hook(rt_record_and_skip);
    CHECK_EQ(fetch_cause, CAUSE_FETCH_ACCESS, "jump to unmapped 0x800: mcause 1 (fetch access fault)");
    CHECK_EQ(fetch_epc, RT_UNMAPPED_CODE, "fetch fault: mepc = the unmapped target");
    CHECK_EQ(fetch_tval, RT_UNMAPPED_CODE, "fetch fault: mtval = the unmapped target");
}

static void test_ecall_and_mstatus(void)
{
    csr_write(mie, 0); /* MIE=1 below must not let anything in */

    csr_set(mstatus, MSTATUS_MIE);
    uint32_t n = rt_last_trap.count;
    uint32_t at = RUN_AT("ecall");
    expect_trap(n, CAUSE_MACHINE_ECALL, at, 0, 4, "ecall from M: mcause 11, mepc, mtval = 0");
    uint32_t in_trap = rt_last_trap.mstatus, after = csr_read(mstatus);
    CHECK(!(in_trap & MSTATUS_MIE), "trap clears mstatus.MIE");
    CHECK(in_trap & MSTATUS_MPIE, "trap copies MIE=1 into MPIE");
    CHECK_EQ((in_trap & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT, 3, "trap from M sets MPP = 3");
    CHECK(after & MSTATUS_MIE, "mret restores MIE from MPIE (1)");
    CHECK(after & MSTATUS_MPIE, "mret sets MPIE = 1");
    CHECK_EQ((after & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT, 0,
             "mret sets MPP to the least-privileged mode (U = 0)");

    csr_clear(mstatus, MSTATUS_MIE);
    RUN_AT("ecall");
    in_trap = rt_last_trap.mstatus;
    after = csr_read(mstatus);
    CHECK(!(in_trap & MSTATUS_MIE) && !(in_trap & MSTATUS_MPIE), "trap with MIE=0 leaves MPIE = 0");
    CHECK_EQ((in_trap & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT, 3, "MPP = 3 again for the next M trap");
    CHECK(!(after & MSTATUS_MIE) && (after & MSTATUS_MPIE), "mret: MIE = old MPIE (0), MPIE = 1");

    n = rt_last_trap.count;
    at = RUN_AT(".option rvc\n\tc.li a0, 1\n\tecall", "a0");
    expect_trap(n, CAUSE_MACHINE_ECALL, at + 2, 0, 4,
                "ecall after a 16-bit instruction: mepc = its (2-byte aligned) address");
}

int main(void)
{
    rt_set_trap_hook(rt_record_and_skip);
    test_illegal();
    test_breakpoint();
    test_access_faults();
    test_fetch_fault();
    test_ecall_and_mstatus();
    rt_note("instruction-address-misaligned (cause 0) cannot occur: with C every even address is "
            "a legal target and bit 0 of jump targets is cleared");
    return rt_done();
}
