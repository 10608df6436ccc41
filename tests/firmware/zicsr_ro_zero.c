/* Zicsr corner case kept apart so QEMU (which does not trap here) can still validate the rest:
 * csrrs/csrrc with rs1 != x0 attempt a write even when the register holds zero, so on a
 * read-only CSR they raise illegal-instruction. */
#include "rt.h"

int main(void)
{
    rt_set_trap_hook(rt_record_and_skip);
    /* csrrs t1, mhartid, t0 = 0xf14 << 20 | 5 << 15 | 2 << 12 | 6 << 7 | 0x73 */
    uint32_t at = RUN_SETUP_AT("li t0, 0", "csrrs t1, mhartid, t0", "t0", "t1");
    CHECK_EQ(rt_last_trap.count, 1, "csrrs rs1=t0 holding 0 on read-only mhartid traps");
    CHECK_EQ(rt_last_trap.mcause, CAUSE_ILLEGAL_INSTRUCTION, "... as illegal instruction");
    CHECK_EQ(rt_last_trap.mepc, at, "... with mepc at the csrrs");
    CHECK_EQ(rt_last_trap.mtval, 0xf142a373, "... and mtval = its encoding");
    /* csrrc t1, mhartid, t0 = 0xf14 << 20 | 5 << 15 | 3 << 12 | 6 << 7 | 0x73 */
    RUN_SETUP_AT("li t0, 0", "csrrc t1, mhartid, t0", "t0", "t1");
    CHECK_EQ(rt_last_trap.count, 2, "csrrc rs1=t0 holding 0 on read-only mhartid traps");
    CHECK_EQ(rt_last_trap.mtval, 0xf142b373, "... with mtval = its encoding");
    return rt_done();
}
