/* Runtime for the guest test firmware: 16550 console wired into picolibc's stdio, exit via
 * the sifive_test finisher, C-level trap dispatch, U-mode entry, CLINT helpers, checks. */
#include "rt.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

/* ---------------- console ---------------- */

__attribute__((weak)) void rt_console_putc(char c)
{
    while (!(mmio_read8(RT_UART_BASE + UART_LSR) & UART_LSR_THRE))
        ;
    mmio_write8(RT_UART_BASE + UART_RBR_THR, (uint8_t)c);
}

__attribute__((weak)) int rt_console_getc(void)
{
    if (!(mmio_read8(RT_UART_BASE + UART_LSR) & UART_LSR_DR))
        return -1;
    return mmio_read8(RT_UART_BASE + UART_RBR_THR);
}

void rt_puts(const char *s)
{
    while (*s)
        rt_console_putc(*s++);
}

static int stdio_put(char c, FILE *f)
{
    (void)f;
    rt_console_putc(c);
    return (unsigned char)c;
}

static int stdio_get(FILE *f)
{
    (void)f;
    int c;
    while ((c = rt_console_getc()) < 0)
        ;
    return c;
}

static FILE rt_stdio = FDEV_SETUP_STREAM(stdio_put, stdio_get, NULL, _FDEV_SETUP_RW);
FILE *const stdin = &rt_stdio;
FILE *const stdout = &rt_stdio;
FILE *const stderr = &rt_stdio;

/* ---------------- exit ---------------- */

__attribute__((weak, noreturn)) void rt_exit(int code)
{
    /* sifive_test: 0x5555 = pass, (code << 16) | 0x3333 = fail with code. */
    uint32_t v = code == 0 ? 0x5555u : (((uint32_t)code & 0xffffu) << 16) | 0x3333u;
    mmio_write32(RT_TEST_BASE, v);
    for (;;)
        __asm__ volatile("wfi");
}

/* picolibc's exit() ends here. */
void _exit(int code)
{
    rt_exit(code);
}

/* ---------------- traps ---------------- */

#define RT_ECALL_LEAVE_USER 0x5e5e0001u /* a7 value the U-mode trampoline uses to come back */

static rt_trap_hook trap_hook;
static jmp_buf user_return;
static int user_active;

rt_trap_hook rt_set_trap_hook(rt_trap_hook hook)
{
    rt_trap_hook old = trap_hook;
    trap_hook = hook;
    return old;
}

void rt_trap_dispatch(struct rt_trap_frame *f);
void rt_trap_dispatch(struct rt_trap_frame *f)
{
    if (f->mcause == CAUSE_USER_ECALL && f->x[17] == RT_ECALL_LEAVE_USER && user_active) {
        user_active = 0;
        longjmp(user_return, 1); /* we are in M-mode already; just drop the trap frame */
    }
    if (trap_hook && trap_hook(f))
        return;
    printf("FAIL: unexpected trap mcause=0x%08lx mepc=0x%08lx mtval=0x%08lx\n",
           (unsigned long)f->mcause, (unsigned long)f->mepc, (unsigned long)f->mtval);
    rt_exit(RT_EXIT_UNEXPECTED_TRAP);
}

volatile struct rt_trap_info rt_last_trap;

int rt_record_and_skip(struct rt_trap_frame *f)
{
    if (f->mcause & CAUSE_INTERRUPT)
        return 0;
    rt_last_trap.count++;
    rt_last_trap.mcause = f->mcause;
    rt_last_trap.mepc = f->mepc;
    rt_last_trap.mtval = f->mtval;
    rt_last_trap.mstatus = f->mstatus;
    rt_last_trap.insn_len = rt_insn_len(f->mepc);
    f->mepc += rt_last_trap.insn_len;
    return 1;
}

void rt_enter_user(void (*fn)(void)); /* crt0.S */

void rt_run_user(void (*fn)(void))
{
    uint32_t saved = csr_read(mstatus);
    if (setjmp(user_return) == 0) {
        user_active = 1;
        rt_enter_user(fn);
    }
    /* Back in M-mode via the trap: restore the interrupt enable the trap cleared. */
    csr_clear(mstatus, MSTATUS_MIE);
    csr_set(mstatus, saved & MSTATUS_MIE);
}

void rt_pmp_allow_all(void)
{
    /* Entry 0: NAPOT over the whole address space, RWX. Without a matching entry U-mode may
     * not touch memory when PMP is implemented. */
    csr_write(pmpaddr0, 0xffffffffu);
    csr_write(pmpcfg0, 0x1fu);
}

/* ---------------- CLINT ---------------- */

uint64_t rt_mtime(void)
{
    uint32_t hi, lo;
    do {
        hi = mmio_read32(RT_CLINT_MTIME + 4);
        lo = mmio_read32(RT_CLINT_MTIME);
    } while (hi != mmio_read32(RT_CLINT_MTIME + 4));
    return ((uint64_t)hi << 32) | lo;
}

void rt_set_mtimecmp(uint64_t when)
{
    /* Never let the 64-bit compare value be in the past half-way through the update. */
    mmio_write32(RT_CLINT_MTIMECMP, 0xffffffffu);
    mmio_write32(RT_CLINT_MTIMECMP + 4, (uint32_t)(when >> 32));
    mmio_write32(RT_CLINT_MTIMECMP, (uint32_t)when);
}

/* ---------------- checks ---------------- */

unsigned rt_checks_passed;

static __attribute__((noreturn)) void check_failed(void)
{
    printf("FAIL: %u checks passed before this failure\n", rt_checks_passed);
    rt_exit(RT_EXIT_CHECK_FAILED);
}

void rt_check(int ok, const char *what, const char *file, int line)
{
    if (!ok) {
        printf("FAIL %s:%d: %s\n", file, line, what);
        check_failed();
    }
    rt_checks_passed++;
    printf("checked: %s\n", what);
}

void rt_check_eq(uint32_t got, uint32_t want, const char *what, const char *file, int line)
{
    if (got != want) {
        printf("FAIL %s:%d: %s (got 0x%08lx, expected 0x%08lx)\n", file, line, what,
               (unsigned long)got, (unsigned long)want);
        check_failed();
    }
    rt_checks_passed++;
    printf("checked: %s\n", what);
}

void rt_note(const char *what)
{
    printf("note: %s\n", what);
}

int rt_done(void)
{
    printf("all %u checks passed\n", rt_checks_passed);
    return 0;
}

struct rt_secondary_mailbox rt_secondary;

void rt_start_secondary(unsigned hartid, void (*fn)(unsigned hartid), void *stack_top)
{
    rt_secondary.sp = (uint32_t)stack_top;
    __asm__ volatile("fence rw, rw" ::: "memory");
    rt_secondary.fn = fn;
    __asm__ volatile("fence rw, rw" ::: "memory");
    mmio_write32(RT_CLINT_MSIP + 4u * hartid, 1); /* wake it */
}

void rt_expect_trap(uint32_t n, uint32_t cause, uint32_t epc, uint32_t tval, const char *what)
{
    CHECK(rt_last_trap.count == n + 1 && rt_last_trap.mcause == cause &&
              rt_last_trap.mepc == epc && rt_last_trap.mtval == tval,
          what);
}
