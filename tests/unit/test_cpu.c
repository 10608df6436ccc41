/* Hart semantics: instructions are encoded here from the ISA manual's format layouts (not with
 * our decoder), placed in RAM and executed on a real hart; registers, CSRs and traps are then
 * checked against the values the specification defines. */
#include "models/bus/bus.h"
#include "models/cpu/riscv/rv.h"
#include "tests/unit/devtest.h"

#define RAM_BASE 0x80000000u
#define MTVEC 0x80001000u

/* Base formats (unprivileged spec, chapter 2). */
static uint32_t enc_r(unsigned f7, unsigned rs2, unsigned rs1, unsigned f3, unsigned rd,
                      unsigned op)
{
    return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
static uint32_t enc_i(int imm, unsigned rs1, unsigned f3, unsigned rd, unsigned op)
{
    return ((uint32_t)imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
static uint32_t enc_s(int imm, unsigned rs2, unsigned rs1, unsigned f3, unsigned op)
{
    uint32_t u = (uint32_t)imm;
    return ((u >> 5) & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (u & 0x1f) << 7 | op;
}
static uint32_t enc_b(int imm, unsigned rs2, unsigned rs1, unsigned f3)
{
    uint32_t u = (uint32_t)imm;
    return ((u >> 12) & 1) << 31 | ((u >> 5) & 0x3f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 |
           ((u >> 1) & 0xf) << 8 | ((u >> 11) & 1) << 7 | 0x63;
}
#define ADDI(rd, rs1, imm) enc_i(imm, rs1, 0, rd, 0x13)
#define LW(rd, rs1, imm) enc_i(imm, rs1, 2, rd, 0x03)
#define SW(rs2, rs1, imm) enc_s(imm, rs2, rs1, 2, 0x23)
#define CSRRW(rd, csr, rs1) enc_i(csr, rs1, 1, rd, 0x73)
#define CSRRS(rd, csr, rs1) enc_i(csr, rs1, 2, rd, 0x73)
#define ECALL 0x00000073u
#define EBREAK 0x00100073u
#define MRET 0x30200073u
#define WFI 0x10500073u

struct cpu {
    struct devtest t;
    struct bus bus;
    struct device *ram;
    struct rv_hart *h;
};

static struct rv_hart *make_hart(struct cpu *c, const char *const *ovr)
{
    union param_value v[16];
    char err[256];
    for (unsigned i = 0; rv_hart_params[i].name; i++) {
        const char *text = rv_hart_params[i].def;
        for (const char *const *o = ovr; o && *o; o++) {
            size_t len = strlen(rv_hart_params[i].name);
            if (!strncmp(*o, rv_hart_params[i].name, len) && (*o)[len] == '=')
                text = *o + len + 1;
        }
        CU_ASSERT_FATAL(param_parse(rv_hart_params[i].type, text, &v[i], err, sizeof(err)) == 0);
    }
    struct dev_config cfg = {.name = "hart0", .decls = rv_hart_params, .values = v};
    struct rv_hart *h = rv_hart_create(&cfg, &c->t.env, &c->bus, 0, err, sizeof(err));
    CU_ASSERT_PTR_NOT_NULL_FATAL(h);
    return h;
}

static void setup(struct cpu *c, const char *const *ovr)
{
    char err[256];
    devtest_init(&c->t, 10000000);
    bus_init(&c->bus);
    c->ram = devtest_create(&c->t, &dev_ram, DT("size=64KiB"));
    CU_ASSERT_FATAL(bus_map(&c->bus, c->ram, RAM_BASE, 64 * 1024, err, sizeof(err)) == 0);
    c->h = make_hart(c, ovr);
    rv_hart_reset(c->h, RAM_BASE);
}

static void teardown(struct cpu *c)
{
    rv_hart_destroy(c->h);
    bus_free(&c->bus);
    devtest_destroy(c->ram);
    devtest_fini(&c->t);
}

static void put(struct cpu *c, uint32_t addr, const uint32_t *words, unsigned n)
{
    CU_ASSERT_EQUAL_FATAL(bus_poke(&c->bus, addr, words, n * 4), n * 4);
}

/* Execute one instruction at RAM_BASE with the given inputs; returns rd's value. */
static uint32_t exec1(struct cpu *c, uint32_t insn, uint32_t a, uint32_t b)
{
    put(c, RAM_BASE, &insn, 1);
    rv_hart_flush_blocks(c->h);
    rv_hart_reset(c->h, RAM_BASE);
    rv_hart_set_reg(c->h, 11, a);
    rv_hart_set_reg(c->h, 12, b);
    rv_hart_step(c->h);
    return (uint32_t)rv_hart_reg(c->h, 10);
}

#define OP_RR(f7, f3) enc_r(f7, 12, 11, f3, 10, 0x33) /* op a0, a1, a2 */

static void test_division_corner_cases_follow_the_spec_table(void)
{
    struct cpu c;
    setup(&c, NULL);
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(1, 4), 7, 0), 0xffffffffu);          /* div by 0 = -1 */
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(1, 5), 7, 0), 0xffffffffu);          /* divu by 0 = 2^32-1 */
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(1, 6), 7, 0), 7u);                   /* rem by 0 = dividend */
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(1, 7), 7, 0), 7u);                   /* remu by 0 */
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(1, 4), 0x80000000u, -1), 0x80000000u); /* overflow */
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(1, 6), 0x80000000u, -1), 0u);
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(1, 4), (uint32_t)-7, 2), (uint32_t)-3); /* rounds to zero */
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(1, 6), (uint32_t)-7, 2), (uint32_t)-1); /* sign of dividend */
    teardown(&c);
}

static void test_high_multiplies_treat_signs_per_variant(void)
{
    struct cpu c;
    setup(&c, NULL);
    /* -2 * 3 = -6: high word all ones when signed, 2 when both unsigned */
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(1, 1), (uint32_t)-2, 3), 0xffffffffu);   /* mulh */
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(1, 3), (uint32_t)-2, 3), 2u);            /* mulhu */
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(1, 2), (uint32_t)-1, 0xffffffffu), 0xffffffffu); /* mulhsu */
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(1, 2), 2, 0x80000000u), 1u);
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(1, 0), 0x10000, 0x10001), 0x10000u);     /* mul low word */
    teardown(&c);
}

static void test_shifts_use_the_low_five_bits_and_sra_keeps_the_sign(void)
{
    struct cpu c;
    setup(&c, NULL);
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(0, 1), 1, 33), 2u);                       /* sll by 33 */
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(0x20, 5), 0x80000000u, 4), 0xf8000000u); /* sra */
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(0, 5), 0x80000000u, 4), 0x08000000u);    /* srl */
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(0, 2), (uint32_t)-1, 1), 1u);            /* slt signed */
    CU_ASSERT_EQUAL(exec1(&c, OP_RR(0, 3), (uint32_t)-1, 1), 0u);            /* sltu */
    teardown(&c);
}

static void test_x0_stays_zero(void)
{
    struct cpu c;
    setup(&c, NULL);
    exec1(&c, ADDI(0, 0, 5), 0, 0);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 0), 0);
    teardown(&c);
}

/* Run a little program from RAM_BASE with a trap handler at MTVEC that stops the test. */
static void run_prog(struct cpu *c, const uint32_t *prog, unsigned n, unsigned steps)
{
    put(c, RAM_BASE, prog, n);
    rv_hart_flush_blocks(c->h);
    rv_hart_reset(c->h, RAM_BASE);
    for (unsigned i = 0; i < steps; i++)
        rv_hart_step(c->h);
}

static void test_illegal_instruction_sets_mcause_mepc_and_mtval_to_the_bits(void)
{
    struct cpu c;
    setup(&c, NULL);
    uint32_t prog[] = {
        enc_i(0, 0, 0, 5, 0x37) | (MTVEC & 0xfffff000u), /* lui t0, MTVEC>>12 */
        CSRRW(0, 0x305, 5),                              /* csrw mtvec, t0 */
        0xffffffffu,                                     /* illegal */
    };
    run_prog(&c, prog, 3, 3);
    CU_ASSERT_EQUAL(rv_hart_pc(c.h), MTVEC);
    uint32_t check[] = {CSRRS(10, 0x342, 0), CSRRS(11, 0x341, 0), CSRRS(12, 0x343, 0)};
    put(&c, MTVEC, check, 3);
    rv_hart_flush_blocks(c.h);
    for (int i = 0; i < 3; i++)
        rv_hart_step(c.h);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 10), 2);                /* mcause: illegal instruction */
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 11), RAM_BASE + 8);     /* mepc: the faulting pc */
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 12), 0xffffffffu);      /* mtval: the instruction bits */
    teardown(&c);
}

/* Run prog, let it trap into a handler that copies mcause/mepc/mtval to a0/a1/a2 and stops. */
static void trap_case(struct cpu *c, const uint32_t *prog, unsigned n, unsigned steps)
{
    uint32_t head[] = {
        enc_i(0, 0, 0, 5, 0x37) | (MTVEC & 0xfffff000u),
        CSRRW(0, 0x305, 5),
    };
    uint32_t all[32];
    memcpy(all, head, sizeof(head));
    memcpy(all + 2, prog, n * 4);
    uint32_t handler[] = {CSRRS(10, 0x342, 0), CSRRS(11, 0x341, 0), CSRRS(12, 0x343, 0), WFI};
    put(c, MTVEC, handler, 4);
    run_prog(c, all, n + 2, steps + 2);
    for (int i = 0; i < 4 && rv_hart_pc(c->h) >= MTVEC && rv_hart_pc(c->h) < MTVEC + 12; i++)
        rv_hart_step(c->h);
}

/* Without PMP entries U-mode may access everything; with entries but none set up, the spec
 * makes every U-mode access fail, which these tests are not about. */
static const char *const no_pmp[] = {"pmp_entries=0", NULL};

static void test_ecall_from_m_and_u_mode_give_causes_11_and_8(void)
{
    struct cpu c;
    setup(&c, no_pmp);
    uint32_t m[] = {ECALL};
    trap_case(&c, m, 1, 1);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 10), 11);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 11), RAM_BASE + 8);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 12), 0);
    /* To U-mode: mepc = the ecall after mret, mstatus.MPP = 0 (reset value), then mret. */
    uint32_t u[] = {
        enc_i(0, 0, 0, 6, 0x17),  /* auipc t1, 0 */
        ADDI(6, 6, 16),           /* t1 += 16: the ecall */
        CSRRW(0, 0x341, 6),       /* csrw mepc, t1 */
        MRET,
        ECALL,
    };
    trap_case(&c, u, 5, 5);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 10), 8);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 11), RAM_BASE + 8 + 16);
    teardown(&c);
}

static void test_misaligned_load_traps_with_the_address_or_is_emulated(void)
{
    struct cpu c;
    setup(&c, NULL);
    uint32_t p[] = {enc_i(0, 0, 0, 7, 0x37) | RAM_BASE, LW(8, 7, 0x102)}; /* lw s0, 0x102(t2) */
    trap_case(&c, p, 2, 2);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 10), 4);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 12), RAM_BASE + 0x102);
    teardown(&c);

    setup(&c, DT("misaligned=emulate"));
    uint32_t data[] = {0x44332211u, 0x88776655u};
    put(&c, RAM_BASE + 0x100, data, 2);
    trap_case(&c, p, 2, 2);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 8), 0x66554433u); /* bytes 0x102..0x105, little-endian */
    teardown(&c);
}

static void test_unmapped_access_is_an_access_fault_and_a_guest_error(void)
{
    struct cpu c;
    setup(&c, NULL);
    uint32_t p[] = {enc_i(0, 0, 0, 7, 0x37) | 0x40000000u, SW(0, 7, 4)};
    trap_case(&c, p, 2, 2);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 10), 7);              /* store access fault */
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 12), 0x40000004u);
    CU_ASSERT_EQUAL(c.t.guest_errors, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(c.t.last_error, "0x40000004"));
    teardown(&c);
}

static void test_ebreak_traps_with_its_own_pc_in_mtval(void)
{
    struct cpu c;
    setup(&c, NULL);
    uint32_t p[] = {EBREAK};
    trap_case(&c, p, 1, 1);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 10), 3);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 12), RAM_BASE + 8);
    teardown(&c);
}

static uint64_t semihost_seen_op, semihost_seen_arg;
static uint64_t fake_host(void *opaque, unsigned xlen, uint64_t op, uint64_t arg)
{
    semihost_seen_op = op;
    semihost_seen_arg = arg;
    return 1234;
}

static void test_semihosting_sequence_calls_the_host_and_returns_in_a0(void)
{
    struct cpu c;
    setup(&c, NULL);
    rv_hart_set_semihost(c.h, fake_host, NULL);
    uint32_t p[] = {ADDI(10, 0, 3), ADDI(11, 0, 77), 0x01f01013u, EBREAK, 0x40705013u};
    run_prog(&c, p, 5, 5);
    CU_ASSERT_EQUAL(semihost_seen_op, 3);
    CU_ASSERT_EQUAL(semihost_seen_arg, 77);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 10), 1234);
    CU_ASSERT_EQUAL(rv_hart_pc(c.h), RAM_BASE + 20);
    teardown(&c);
}

static void test_timer_interrupt_is_taken_vectored_with_the_interrupt_bit(void)
{
    struct cpu c;
    setup(&c, NULL);
    uint32_t p[] = {
        enc_i(0, 0, 0, 5, 0x37) | (MTVEC & 0xfffff000u),
        ADDI(5, 5, 1),                 /* vectored mode */
        CSRRW(0, 0x305, 5),
        ADDI(6, 0, 0x80),              /* MTIE */
        CSRRW(0, 0x304, 6),
        ADDI(6, 0, 8),                 /* mstatus.MIE */
        CSRRW(0, 0x300, 6),
        ADDI(0, 0, 0),
    };
    run_prog(&c, p, 8, 7);
    CU_ASSERT_EQUAL(rv_hart_pc(c.h), RAM_BASE + 28);
    devtest_drive(rv_hart_device(c.h), "mti", true);
    rv_hart_step(c.h); /* takes the interrupt before executing anything */
    CU_ASSERT_EQUAL(rv_hart_pc(c.h), MTVEC + 4 * 7);
    uint32_t h[] = {CSRRS(10, 0x342, 0), CSRRS(11, 0x341, 0), CSRRS(12, 0x300, 0)};
    put(&c, MTVEC + 28, h, 3);
    rv_hart_flush_blocks(c.h);
    for (int i = 0; i < 3; i++)
        rv_hart_step(c.h);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 10), 0x80000007u);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 11), RAM_BASE + 28);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 12) & 0x1888, 0x1880); /* MPP=M, MPIE=1, MIE=0 */
    teardown(&c);
}

static void test_wfi_with_interrupts_globally_off_resumes_without_a_trap(void)
{
    struct cpu c;
    setup(&c, NULL);
    uint32_t p[] = {ADDI(6, 0, 0x80), CSRRW(0, 0x304, 6), WFI, ADDI(10, 0, 42)};
    run_prog(&c, p, 4, 3);
    CU_ASSERT_TRUE(rv_hart_waiting(c.h));
    devtest_drive(rv_hart_device(c.h), "mti", true);
    CU_ASSERT_FALSE(rv_hart_waiting(c.h));
    rv_hart_step(c.h);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 10), 42);
    teardown(&c);
}

static void test_run_stops_exactly_at_the_cycle_limit_inside_a_block(void)
{
    struct cpu c;
    setup(&c, NULL);
    uint32_t p[40];
    for (int i = 0; i < 39; i++)
        p[i] = ADDI(10, 10, 1);
    p[39] = enc_b(-39 * 4, 0, 0, 0); /* beq zero,zero,start */
    put(&c, RAM_BASE, p, 40);
    rv_hart_reset(c.h, RAM_BASE);
    CU_ASSERT_EQUAL(rv_hart_run(c.h, 25), RV_LIMIT);
    CU_ASSERT_EQUAL(rv_hart_cycles(c.h), 25);
    CU_ASSERT_EQUAL(rv_hart_instret(c.h), 25);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 10), 25);
    CU_ASSERT_EQUAL(rv_hart_run(c.h, 1000), RV_LIMIT);
    CU_ASSERT_EQUAL(rv_hart_instret(c.h), 1000);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 10), 1000 - 1000 / 40); /* every 40th is the branch */
    teardown(&c);
}

static void test_storing_over_executed_code_runs_the_new_code(void)
{
    struct cpu c;
    setup(&c, NULL);
    uint32_t target = RAM_BASE + 0x200;
    uint32_t p[] = {
        enc_i(0, 0, 0, 7, 0x37) | RAM_BASE,
        ADDI(7, 7, 0x200),            /* t2 = target */
        enc_i(0, 7, 0, 1, 0x67),      /* jalr ra, 0(t2): runs target's addi a0,a0,1 */
        SW(9, 7, 0),                  /* overwrite target with s1 = addi a0,a0,100 */
        enc_i(0, 7, 0, 1, 0x67),      /* run it again */
        WFI,
    };
    uint32_t t[] = {ADDI(10, 10, 1), enc_i(0, 1, 0, 0, 0x67)}; /* ...; ret */
    put(&c, target, t, 2);
    put(&c, RAM_BASE, p, 6);
    rv_hart_reset(c.h, RAM_BASE);
    rv_hart_set_reg(c.h, 9, ADDI(10, 10, 100));
    rv_hart_run(c.h, 100);
    CU_ASSERT_TRUE(rv_hart_waiting(c.h));
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 10), 101);
    teardown(&c);
}

static void test_overwriting_a_chained_successor_block_runs_the_new_code(void)
{
    struct cpu c;
    setup(&c, NULL);
    uint32_t p[20] = {
        enc_i(0, 0, 0, 7, 0x37) | RAM_BASE, /* 0: lui t2, RAM_BASE */
        ADDI(28, 0, 2),                     /* 1: t3 = 2 passes */
        0x038000efu,                        /* 2: jal ra, +56 (word 16): a chained transfer */
        SW(9, 7, 64),                       /* 3: overwrite word 16 with s1 */
        ADDI(28, 28, -1),                   /* 4 */
        enc_b(-12, 0, 28, 1),               /* 5: bne t3, zero, word 2 */
        WFI,                                /* 6 */
    };
    p[16] = ADDI(10, 10, 1);            /* first pass: a0 += 1 */
    p[17] = enc_i(0, 1, 0, 0, 0x67);    /* ret */
    put(&c, RAM_BASE, p, 20);
    rv_hart_reset(c.h, RAM_BASE);
    rv_hart_set_reg(c.h, 9, ADDI(10, 10, 100));
    rv_hart_run(c.h, 200);
    CU_ASSERT_TRUE(rv_hart_waiting(c.h));
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 10), 101); /* 1 from the old code, 100 from the new */
    teardown(&c);
}

static void test_csr_rules_read_only_writes_and_u_mode_access_are_illegal(void)
{
    struct cpu c;
    setup(&c, no_pmp);
    uint32_t p[] = {CSRRW(0, 0xf14, 0)}; /* csrw mhartid, zero */
    trap_case(&c, p, 1, 1);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 10), 2);
    uint32_t q[] = {CSRRS(13, 0xf14, 0), CSRRS(14, 0x301, 0)}; /* reads are fine */
    run_prog(&c, q, 2, 2);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 13), 0);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 14), 0x40141105u); /* MXL=1, A C I M S U */
    uint32_t u[] = {
        enc_i(0, 0, 0, 6, 0x17), ADDI(6, 6, 16), CSRRW(0, 0x341, 6), MRET,
        CSRRS(13, 0x300, 0),      /* U-mode reads mstatus */
    };
    trap_case(&c, u, 5, 5);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 10), 2);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 11), RAM_BASE + 8 + 16); /* the csrr, not the mret */
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 12), CSRRS(13, 0x300, 0));
    teardown(&c);
}

static void test_instret_counts_the_instructions_between_two_reads(void)
{
    struct cpu c;
    setup(&c, NULL);
    uint32_t p[] = {CSRRS(10, 0xb02, 0), ADDI(5, 5, 1), ADDI(5, 5, 1), ADDI(5, 5, 1),
                    CSRRS(11, 0xb02, 0)};
    run_prog(&c, p, 5, 5);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 11) - rv_hart_reg(c.h, 10), 4); /* 3 addi + 1st csrr */
    teardown(&c);
}

static uint64_t mix_of(struct rv_hart *h, const char *cls)
{
    const char *names[32];
    uint64_t counts[32];
    unsigned n = rv_hart_mix(h, names, counts, 32);
    for (unsigned i = 0; i < n && i < 32; i++)
        if (!strcmp(names[i], cls))
            return counts[i];
    CU_FAIL("no such class");
    return 0;
}

static void test_instruction_mix_counts_retired_instructions_by_class(void)
{
    struct cpu c;
    setup(&c, NULL);
    rv_hart_enable_stats(c.h);
    uint32_t p[40];
    for (int i = 0; i < 39; i++)
        p[i] = ADDI(10, 10, 1);
    p[39] = enc_b(-39 * 4, 0, 0, 0);
    put(&c, RAM_BASE, p, 40);
    rv_hart_reset(c.h, RAM_BASE);
    rv_hart_run(c.h, 1000); /* 25 times round the loop, the last block cut by single steps */
    CU_ASSERT_EQUAL(mix_of(c.h, "ALU"), 975);
    CU_ASSERT_EQUAL(mix_of(c.h, "BRANCH"), 25);
    teardown(&c);

    /* A load that faults in the middle of a block retires neither itself nor what follows. */
    setup(&c, NULL);
    rv_hart_enable_stats(c.h);
    uint32_t q[] = {ADDI(5, 0, 1), ADDI(5, 0, 2), LW(6, 0, 0x10), ADDI(5, 0, 3), ADDI(5, 0, 4)};
    put(&c, RAM_BASE, q, 5);
    rv_hart_reset(c.h, RAM_BASE);
    rv_hart_run(c.h, 3); /* two addi, then the faulting lw, which takes its cycle */
    CU_ASSERT_EQUAL(mix_of(c.h, "ALU"), 2);
    CU_ASSERT_EQUAL(mix_of(c.h, "LOAD"), 0);
    CU_ASSERT_EQUAL(rv_hart_instret(c.h), 2);
    teardown(&c);
}

static void test_mcycle_and_minstret_restart_from_zero_at_reset(void)
{
    struct cpu c;
    setup(&c, NULL);
    uint32_t p[] = {ADDI(5, 5, 1), ADDI(5, 5, 1), ADDI(5, 5, 1), CSRRS(10, 0xb00, 0),
                    CSRRS(11, 0xb02, 0)};
    run_prog(&c, p, 5, 5);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 10), 3); /* three addi before the read */
    run_prog(&c, p, 5, 5);                    /* run_prog resets the hart first */
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 10), 3);
    CU_ASSERT_EQUAL(rv_hart_reg(c.h, 11), 4);
    CU_ASSERT(rv_hart_cycles(c.h) >= 10);     /* the hart's own time base carried on */
    teardown(&c);
}

UNIT_MAIN("cpu", T(test_mcycle_and_minstret_restart_from_zero_at_reset),
          T(test_instruction_mix_counts_retired_instructions_by_class), T(test_division_corner_cases_follow_the_spec_table),
          T(test_high_multiplies_treat_signs_per_variant),
          T(test_shifts_use_the_low_five_bits_and_sra_keeps_the_sign), T(test_x0_stays_zero),
          T(test_illegal_instruction_sets_mcause_mepc_and_mtval_to_the_bits),
          T(test_ecall_from_m_and_u_mode_give_causes_11_and_8),
          T(test_misaligned_load_traps_with_the_address_or_is_emulated),
          T(test_unmapped_access_is_an_access_fault_and_a_guest_error),
          T(test_ebreak_traps_with_its_own_pc_in_mtval),
          T(test_semihosting_sequence_calls_the_host_and_returns_in_a0),
          T(test_timer_interrupt_is_taken_vectored_with_the_interrupt_bit),
          T(test_wfi_with_interrupts_globally_off_resumes_without_a_trap),
          T(test_run_stops_exactly_at_the_cycle_limit_inside_a_block),
          T(test_storing_over_executed_code_runs_the_new_code),
          T(test_overwriting_a_chained_successor_block_runs_the_new_code),
          T(test_csr_rules_read_only_writes_and_u_mode_access_are_illegal),
          T(test_instret_counts_the_instructions_between_two_reads))
