/* Checks the results of the RV32C routines in rvc.S against values computed by hand from
 * the ISA manual's expansions of each compressed instruction. */
#include "rt.h"

void rvc_arith(uint32_t *out);
uint32_t rvc_mem(uint32_t *buf);
void rvc_stack(uint32_t *out);
void rvc_jumps(uint32_t *out);
uint32_t rvc_ebreak(void);

static volatile uint32_t ebreak_epc, ebreak_len;

static int ebreak_hook(struct rt_trap_frame *f)
{
    if (f->mcause != CAUSE_BREAKPOINT)
        return 0;
    ebreak_epc = f->mepc;
    ebreak_len = rt_insn_len(f->mepc);
    f->mepc += ebreak_len;
    return 1;
}

int main(void)
{
    uint32_t out[32] = {0};

    rvc_arith(out);
    CHECK_EQ(out[0], 0xffffffe0, "c.li -32 sign-extends");
    CHECK_EQ(out[1], 31, "c.li 31");
    CHECK_EQ(out[2], 0xffffffe5, "c.addi -32");
    CHECK_EQ(out[3], 36, "c.addi 31");
    CHECK_EQ(out[4], 0xfffff000, "c.lui 0xfffff sign-extends from bit 17");
    CHECK_EQ(out[5], 0x0001f000, "c.lui 31");
    CHECK_EQ(out[6], 0x80000000, "c.slli 31");
    CHECK_EQ(out[7], 0xf, "c.srli is logical");
    CHECK_EQ(out[8], 0xfffffffc, "c.srai is arithmetic");
    CHECK_EQ(out[9], 0xfffffff0, "c.andi -16 sign-extends its immediate");
    CHECK_EQ(out[10], 10, "c.andi 10");
    CHECK_EQ(out[11], 2, "c.sub");
    CHECK_EQ(out[12], 6, "c.xor");
    CHECK_EQ(out[13], 14, "c.or");
    CHECK_EQ(out[14], 8, "c.and");
    CHECK_EQ(out[15], 7, "c.mv into a register outside x8-x15");
    CHECK_EQ(out[16], 15, "c.add");
    CHECK_EQ(out[17], 30, "c.add rd == rs2 outside x8-x15");
    CHECK_EQ(out[18], 48, "c.slli on a register outside x8-x15 (after c.nop)");
    CHECK_EQ(out[19], 6, "c.sub of a negative value");

    uint32_t buf[32] = {0};
    buf[1] = 0x22222222;
    buf[31] = 0x11111111;
    CHECK_EQ(rvc_mem(buf), 0x33333333, "c.lw at offsets 4 and 124");
    CHECK_EQ(buf[0], 0x33333333, "c.sw at offset 0");
    CHECK_EQ(buf[31], 0xfffffff9, "c.sw at offset 124");

    for (int i = 0; i < 8; i++)
        out[i] = 0xdeadbeef;
    rvc_stack(out);
    CHECK_EQ(out[0], 512, "c.addi16sp -512");
    CHECK_EQ(out[1], 0xfffffffd, "c.swsp/c.lwsp at offset 252");
    CHECK_EQ(out[2], 9, "c.swsp/c.lwsp at offset 0");
    CHECK_EQ(out[3], 0xfffffffd, "c.swsp wrote sp+252 (checked with 32-bit lw)");
    CHECK_EQ(out[4], 1020, "c.addi4spn 1020");
    CHECK_EQ(out[5], 4, "c.addi4spn 4");
    CHECK_EQ(out[6], 0, "c.addi16sp 496 and 16 restore sp");

    for (int i = 0; i < 8; i++)
        out[i] = 0xdeadbeef;
    rvc_jumps(out);
    CHECK_EQ(out[0], 6, "c.j forward and backward");
    CHECK_EQ(out[1], out[2], "c.jal links pc+2");
    CHECK_EQ(out[3], out[4], "c.jalr links pc+2");
    CHECK_EQ(out[5], 10, "c.beqz/c.bnez taken and not taken");
    CHECK_EQ(out[6], 15, "c.bnez backward loop");
    CHECK(1, "c.jr returns (every routine above ended with c.jr ra)");

    rt_set_trap_hook(ebreak_hook);
    uint32_t at = rvc_ebreak();
    rt_set_trap_hook(0);
    CHECK_EQ(ebreak_epc, at, "c.ebreak traps with mepc = its address");
    CHECK_EQ(ebreak_len, 2, "c.ebreak is a 16-bit instruction");
    /* mtval for EBREAK (pc or 0, both allowed by the spec) is checked in ebreak_mtval. */
    return rt_done();
}
