/* U-mode: entered with mret (MPP=0), ecall from U is cause 8, M-mode CSRs and mret are illegal
 * in U-mode (mtval = the instruction), mcounteren gates the user counters, and traps from U
 * record MPP = 0. */
#include "rt.h"

static volatile uint32_t u_marker;
static volatile uint32_t u_addr[8];

/* Each U-mode routine records the addresses of the instructions under test in u_addr[]. */
static void u_plain(void)
{
    u_marker = 0x600d;
}

static void u_ecall(void)
{
    u_addr[0] = RUN_SETUP_AT("li a7, 0", "ecall", "a7");
}

static void u_privileged(void)
{
    u_addr[0] = RUN_AT("csrr a0, mstatus", "a0");
    u_addr[1] = RUN_AT("mret");
    u_addr[2] = RUN_AT("csrw mscratch, a0", "a0");
    u_addr[3] = RUN_AT("csrr a0, mhartid", "a0");
}

static void u_counters(void)
{
    u_addr[0] = RUN_AT("csrr a0, cycle", "a0");
    u_addr[1] = RUN_AT("csrr a0, time", "a0");
    u_addr[2] = RUN_AT("csrr a0, instret", "a0");
}

static volatile uint32_t traps, causes[8], epcs[8], tvals[8], mpps[8];

static int user_hook(struct rt_trap_frame *f)
{
    if (f->mcause & CAUSE_INTERRUPT)
        return 0;
    if (traps < 8) {
        causes[traps] = f->mcause;
        epcs[traps] = f->mepc;
        tvals[traps] = f->mtval;
        mpps[traps] = (f->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT;
    }
    traps++;
    f->mepc += rt_insn_len(f->mepc);
    return 1;
}

static void reset_log(void)
{
    traps = 0;
    for (int i = 0; i < 8; i++)
        causes[i] = epcs[i] = tvals[i] = mpps[i] = u_addr[i] = 0xffffffff;
}

static void check_illegal_log(int i, uint32_t bits, const char *what)
{
    CHECK(causes[i] == CAUSE_ILLEGAL_INSTRUCTION && epcs[i] == u_addr[i] && tvals[i] == bits &&
              mpps[i] == 0,
          what);
}

int main(void)
{
    rt_pmp_allow_all();
    rt_set_trap_hook(user_hook);

    reset_log();
    rt_run_user(u_plain);
    CHECK_EQ(u_marker, 0x600d, "U-mode code runs after mret with MPP=0 and returns");
    CHECK_EQ(traps, 0, "plain U-mode code takes no traps");
    csr_write(mscratch, 1);
    CHECK_EQ(traps, 0, "back in M-mode afterwards (M-mode CSR access does not trap)");

    reset_log();
    rt_run_user(u_ecall);
    CHECK_EQ(traps, 1, "ecall from U traps once");
    CHECK_EQ(causes[0], CAUSE_USER_ECALL, "ecall from U: mcause 8");
    CHECK_EQ(epcs[0], u_addr[0], "ecall from U: mepc = the ecall");
    CHECK_EQ(tvals[0], 0, "ecall from U: mtval = 0");
    CHECK_EQ(mpps[0], 0, "trap from U: mstatus.MPP = 0");

    reset_log();
    rt_run_user(u_privileged);
    CHECK_EQ(traps, 4, "four privileged operations in U-mode trap");
    /* csrrs a0, mstatus, x0 = 0x300 << 20 | 2 << 12 | 10 << 7 | 0x73 */
    check_illegal_log(0, 0x30002573, "U-mode csrr mstatus: illegal, mtval = 0x30002573");
    check_illegal_log(1, 0x30200073, "U-mode mret: illegal, mtval = 0x30200073");
    /* csrrw x0, mscratch, a0 = 0x340 << 20 | 10 << 15 | 1 << 12 | 0x73 */
    check_illegal_log(2, 0x34051073, "U-mode csrw mscratch: illegal, mtval = 0x34051073");
    /* csrrs a0, mhartid, x0 = 0xf14 << 20 | 2 << 12 | 10 << 7 | 0x73 */
    check_illegal_log(3, 0xf1402573, "U-mode csrr mhartid: illegal, mtval = 0xf1402573");

    csr_write(mcounteren, 0);
    reset_log();
    rt_run_user(u_counters);
    CHECK_EQ(traps, 3, "with mcounteren = 0, U-mode cycle/time/instret reads trap");
    /* csrrs a0, cycle|time|instret, x0 = 0xc00|0xc01|0xc02 << 20 | 2 << 12 | 10 << 7 | 0x73 */
    check_illegal_log(0, 0xc0002573, "U-mode rdcycle with mcounteren.CY = 0: illegal");
    check_illegal_log(1, 0xc0102573, "U-mode rdtime with mcounteren.TM = 0: illegal");
    check_illegal_log(2, 0xc0202573, "U-mode rdinstret with mcounteren.IR = 0: illegal");

    csr_write(mcounteren, 7);
    if (csr_read(misa) & (1u << ('S' - 'A')))
        csr_write(scounteren, 7); /* with S-mode present, U-mode also needs scounteren */
    reset_log();
    rt_run_user(u_counters);
    CHECK_EQ(traps, 0, "with mcounteren = 7, U-mode cycle/time/instret reads are allowed");
    return rt_done();
}
