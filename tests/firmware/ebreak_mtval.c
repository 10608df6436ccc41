/* EBREAK and C.EBREAK write their own address into mtval (socsim's choice; the privileged spec
 * also allows 0, which is what QEMU 7.2 writes). */
#include "rt.h"

int main(void)
{
    rt_set_trap_hook(rt_record_and_skip);
    uint32_t at = RUN_AT("ebreak");
    CHECK_EQ(rt_last_trap.mcause, CAUSE_BREAKPOINT, "ebreak: mcause 3");
    CHECK_EQ(rt_last_trap.mtval, at, "ebreak: mtval = address of the ebreak");
    at = RUN_AT(".option rvc\n\tc.ebreak");
    CHECK_EQ(rt_last_trap.count, 2, "c.ebreak traps");
    CHECK_EQ(rt_last_trap.mtval, at, "c.ebreak: mtval = address of the c.ebreak");
    return rt_done();
}
