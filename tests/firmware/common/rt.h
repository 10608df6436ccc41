/* Tiny bare-metal runtime for socsim's guest test firmware (QEMU virt RV32 memory map):
 * MMIO and CSR helpers, UART console, exit through sifive_test, trap hook, check macros. */
#ifndef RT_H
#define RT_H

#include <stdint.h>

/* ---- memory map (QEMU virt, RV32) ---- */
#define RT_TEST_BASE 0x00100000u   /* sifive_test finisher */
#define RT_CLINT_BASE 0x02000000u
#define RT_CLINT_MSIP (RT_CLINT_BASE + 0x0000u)
#define RT_CLINT_MTIMECMP (RT_CLINT_BASE + 0x4000u)
#define RT_CLINT_MTIME (RT_CLINT_BASE + 0xbff8u)
#define RT_PLIC_BASE 0x0c000000u
#define RT_PLIC_PRIORITY(src) (RT_PLIC_BASE + 4u * (src))
#define RT_PLIC_PENDING (RT_PLIC_BASE + 0x1000u)
#define RT_PLIC_ENABLE_CTX0 (RT_PLIC_BASE + 0x2000u)
#define RT_PLIC_THRESHOLD_CTX0 (RT_PLIC_BASE + 0x200000u)
#define RT_PLIC_CLAIM_CTX0 (RT_PLIC_BASE + 0x200004u)
#define RT_UART_BASE 0x10000000u
#define RT_UART_IRQ 10u
#define RT_RAM_BASE 0x80000000u
#define RT_MTIME_HZ 10000000u      /* CLINT timebase: 10 MHz */

/* Addresses with nothing behind them on virt (0x0..0xfff is a hole below the mask ROM). */
#define RT_UNMAPPED_DATA 0x00000000u
#define RT_UNMAPPED_CODE 0x00000800u

/* 16550 registers (reg-shift 0) */
#define UART_RBR_THR 0
#define UART_IER 1
#define UART_IIR_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_LSR_DR 0x01u
#define UART_LSR_THRE 0x20u
#define UART_IER_RDI 0x01u
#define UART_IER_THRI 0x02u
#define UART_MCR_OUT2 0x08u

/* ---- CSR bits ---- */
#define MSTATUS_MIE (1u << 3)
#define MSTATUS_MPIE (1u << 7)
#define MSTATUS_MPP_SHIFT 11
#define MSTATUS_MPP (3u << MSTATUS_MPP_SHIFT)
#define MIP_MSIP (1u << 3)
#define MIP_MTIP (1u << 7)
#define MIP_MEIP (1u << 11)
#define MIE_MSIE MIP_MSIP
#define MIE_MTIE MIP_MTIP
#define MIE_MEIE MIP_MEIP

#define CAUSE_INTERRUPT 0x80000000u
#define CAUSE_MISALIGNED_FETCH 0
#define CAUSE_FETCH_ACCESS 1
#define CAUSE_ILLEGAL_INSTRUCTION 2
#define CAUSE_BREAKPOINT 3
#define CAUSE_MISALIGNED_LOAD 4
#define CAUSE_LOAD_ACCESS 5
#define CAUSE_MISALIGNED_STORE 6
#define CAUSE_STORE_ACCESS 7
#define CAUSE_USER_ECALL 8
#define CAUSE_MACHINE_ECALL 11
#define IRQ_M_SOFT 3
#define IRQ_M_TIMER 7
#define IRQ_M_EXT 11

#define RT_STR_(x) #x
#define RT_STR(x) RT_STR_(x)

#define csr_read(csr) \
    ({ uint32_t v_; __asm__ volatile("csrr %0, " RT_STR(csr) : "=r"(v_) :: "memory"); v_; })
#define csr_write(csr, val) \
    __asm__ volatile("csrw " RT_STR(csr) ", %0" :: "rK"((uint32_t)(val)) : "memory")
#define csr_set(csr, bits) \
    __asm__ volatile("csrs " RT_STR(csr) ", %0" :: "rK"((uint32_t)(bits)) : "memory")
#define csr_clear(csr, bits) \
    __asm__ volatile("csrc " RT_STR(csr) ", %0" :: "rK"((uint32_t)(bits)) : "memory")
#define csr_swap(csr, val) \
    ({ uint32_t v_; __asm__ volatile("csrrw %0, " RT_STR(csr) ", %1" \
                                     : "=r"(v_) : "rK"((uint32_t)(val)) : "memory"); v_; })

static inline uint32_t mmio_read32(uint32_t addr) { return *(volatile uint32_t *)addr; }
static inline void mmio_write32(uint32_t addr, uint32_t v) { *(volatile uint32_t *)addr = v; }
static inline uint8_t mmio_read8(uint32_t addr) { return *(volatile uint8_t *)addr; }
static inline void mmio_write8(uint32_t addr, uint8_t v) { *(volatile uint8_t *)addr = v; }

/* ---- console and exit; weak so a test (e.g. HTIF) can replace them ---- */
void rt_console_putc(char c);
int rt_console_getc(void);          /* -1 when no byte is waiting */
__attribute__((noreturn)) void rt_exit(int code);
void rt_puts(const char *s);        /* no newline added */

/* ---- traps ---- */
struct rt_trap_frame {
    uint32_t x[32];   /* x[2] is the sp at trap time; x[0] is always 0 */
    uint32_t mepc;    /* written back to mepc before mret */
    uint32_t mcause;
    uint32_t mtval;
    uint32_t mstatus; /* value at trap entry, for inspection only */
};
_Static_assert(sizeof(struct rt_trap_frame) == 36 * 4, "crt0.S hard-codes this layout");

/* Return nonzero when the trap was handled (resume at f->mepc); zero lets the runtime report an
 * unexpected trap and exit with RT_EXIT_UNEXPECTED_TRAP. */
typedef int (*rt_trap_hook)(struct rt_trap_frame *f);
rt_trap_hook rt_set_trap_hook(rt_trap_hook hook);
void rt_trap_entry(void);           /* the default direct-mode vector, from crt0.S */

/* Run fn in U-mode (needs rt_pmp_allow_all first). Returns when fn returns. */
void rt_run_user(void (*fn)(void));
void rt_pmp_allow_all(void);

/* A ready-made hook for exception tests: records the trap in rt_last_trap and resumes after the
 * faulting instruction. Interrupts are left unhandled (unexpected). */
struct rt_trap_info {
    uint32_t count, mcause, mepc, mtval, mstatus, insn_len;
};
extern volatile struct rt_trap_info rt_last_trap;
int rt_record_and_skip(struct rt_trap_frame *f);

/* Executes setup, then the instruction(s) in insn (32-bit encodings forced), and yields the
 * address of insn's first instruction so a test can compare it with mepc/mtval. */
#define RUN_SETUP_AT(setup, insn, ...) \
    ({ uint32_t at_; \
       __asm__ volatile(".option push\n\t.option norvc\n\t" setup "\n\t" \
                        "lui %0, %%hi(1f)\n\taddi %0, %0, %%lo(1f)\n1:\t" insn \
                        "\n\t.option pop" : "=&r"(at_) :: "memory", ##__VA_ARGS__); at_; })
#define RUN_AT(insn, ...) RUN_SETUP_AT("", insn, ##__VA_ARGS__)

/* Executes insn (32-bit encoding forced) with %1 = addr; yields insn's address. t1 is free for
 * insn to use as a destination. */
#define RUN_AT_ADDR(insn, addr) \
    ({ uint32_t a_ = (addr), at_; \
       __asm__ volatile(".option push\n\t.option norvc\n\t" \
                        "lui %0, %%hi(1f)\n\taddi %0, %0, %%lo(1f)\n1:\t" insn "\n\t.option pop" \
                        : "=&r"(at_) : "r"(a_) : "t1", "memory"); at_; })

/* With rt_record_and_skip installed: CHECK that exactly one trap followed count n, with these
 * mcause, mepc and mtval. */
void rt_expect_trap(uint32_t n, uint32_t cause, uint32_t epc, uint32_t tval, const char *what);

/* A 64-bit counter read through its two 32-bit halves, retried if the high half moved. */
#define READ64(hi_csr, lo_csr) \
    ({ uint32_t h_, l_; \
       do { h_ = csr_read(hi_csr); l_ = csr_read(lo_csr); } while (h_ != csr_read(hi_csr)); \
       ((uint64_t)h_ << 32) | l_; })

/* Length in bytes of the instruction at addr (2 or 4). */
static inline uint32_t rt_insn_len(uint32_t addr)
{
    return ((*(volatile uint16_t *)addr) & 3u) == 3u ? 4u : 2u;
}

/* ---- secondary harts ---- */
/* crt0 parks every hart but 0 in WFI; this starts `hartid` running fn(hartid) on a stack that
 * ends at stack_top. One secondary at a time: the mailbox is consumed when it starts. */
struct rt_secondary_mailbox {
    void (*volatile fn)(unsigned hartid);
    volatile uint32_t sp;
};
extern struct rt_secondary_mailbox rt_secondary;
void rt_start_secondary(unsigned hartid, void (*fn)(unsigned hartid), void *stack_top);

/* ---- CLINT ---- */
uint64_t rt_mtime(void);
void rt_set_mtimecmp(uint64_t when);

/* ---- self-checking ---- */
#define RT_EXIT_CHECK_FAILED 1
#define RT_EXIT_UNEXPECTED_TRAP 2

extern unsigned rt_checks_passed;
void rt_check(int ok, const char *what, const char *file, int line);
void rt_check_eq(uint32_t got, uint32_t want, const char *what, const char *file, int line);
void rt_note(const char *what);     /* prints "note: ..." */
int rt_done(void);                  /* prints the summary; returns 0 for main */

#define CHECK(cond, what) rt_check(!!(cond), (what), __FILE__, __LINE__)
#define CHECK_EQ(got, want, what) \
    rt_check_eq((uint32_t)(got), (uint32_t)(want), (what), __FILE__, __LINE__)

#endif
