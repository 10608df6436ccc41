/* Where S-mode's exceptions go under OpenSBI: straight to S-mode through medeleg, or to
 * OpenSBI in M-mode, which redirects them (sbi_trap_redirect) with the same cause and tval.
 *
 * OpenSBI 1.1 delegates misaligned fetch, breakpoint, ecall from U and the three page faults
 * (medeleg 0xb109, printed in its banner). Everything else reaches M-mode; OpenSBI emulates
 * what it can (misaligned loads/stores, some CSRs) and redirects the rest. Its PMP setup
 * (banner: "Domain0 Region..") denies S-mode its own image (0x80000000, 512 KiB here) and the
 * CLINT (M-mode only), and grants everything else. Checked, with the privileged spec's cause
 * codes and tval rules (3.1.15-3.1.16, 4.1.8-4.1.9):
 *   - load / store / fetch at 0x80000000 (OpenSBI's image): access faults 5 / 7 / 1, stval =
 *     the address (for the fetch sepc = stval = 0x80000000);
 *   - load from the CLINT's mtime (0x200bff8): load access fault 5;
 *   - ebreak: breakpoint 3, sepc = the ebreak, stval = its address or 0 (both allowed);
 *   - csrr mscratch from S-mode: illegal instruction 2, stval = the instruction's bits or 0;
 *   - loads and stores to the rest of RAM work (the payload lives there).
 */
#include "sbi.h"

TEST_NAME("traps");

#define OPENSBI_BASE 0x80000000UL
#define CLINT_MTIME 0x200bff8UL

unsigned long do_ebreak(void);
unsigned long do_csrr_mscratch(void);
extern char ebreak_at[], csrr_at[];
__asm__(".text\n.option push\n.option norvc\n"
        ".globl do_ebreak\ndo_ebreak:\n"
        ".globl ebreak_at\nebreak_at:\n    ebreak\n    ret\n"
        ".globl do_csrr_mscratch\ndo_csrr_mscratch:\n"
        ".globl csrr_at\ncsrr_at:\n    csrr a0, mscratch\n    ret\n"
        ".option pop\n");

#define CSRR_A0_MSCRATCH 0x34002573UL /* csrr a0, mscratch = csrrs x10, 0x340, x0 */

static struct trap_record *t;

static void expect(unsigned long n, unsigned long cause, unsigned long tval, const char *what)
{
    check(t->count == n + 1 && t->scause == cause && t->stval == tval,
          "%s: scause %lu, stval %#lx (got %lu trap(s), scause %lu, stval %#lx)", what, cause,
          tval, t->count - n, t->scause, t->stval);
}

static volatile unsigned long ram_word;

void test_main(unsigned long hartid, const void *dtb)
{
    t = &last_trap[hartid < MAX_HARTS ? hartid : 0];
    set_trap_hook(trap_record_and_return);
    unsigned long n;

    n = t->count;
    probe_ld(OPENSBI_BASE);
    expect(n, CAUSE_LOAD_ACCESS, OPENSBI_BASE, "ld from OpenSBI's image (PMP): load access fault");
    n = t->count;
    probe_sd(OPENSBI_BASE + 0x100, 0x1234);
    expect(n, CAUSE_STORE_ACCESS, OPENSBI_BASE + 0x100,
           "sd to OpenSBI's image (PMP): store access fault");
    n = t->count;
    probe_lb(OPENSBI_BASE + 0x7ffff);
    expect(n, CAUSE_LOAD_ACCESS, OPENSBI_BASE + 0x7ffff,
           "lb from the last byte of OpenSBI's region: load access fault");
    n = t->count;
    probe_jump(OPENSBI_BASE);
    expect(n, CAUSE_FETCH_ACCESS, OPENSBI_BASE,
           "jump into OpenSBI's image: instruction access fault");
    check_eq(t->sepc, OPENSBI_BASE, "... sepc = the target of the jump");
    n = t->count;
    probe_ld(CLINT_MTIME);
    expect(n, CAUSE_LOAD_ACCESS, CLINT_MTIME,
           "ld of the CLINT's mtime (M-mode only): load access fault");

    n = t->count;
    ram_word = 0;
    probe_sd((unsigned long)&ram_word, 0x5a5a);
    unsigned long v = probe_ld((unsigned long)&ram_word);
    check(t->count == n && v == 0x5a5a, "RAM outside OpenSBI's region is readable and writable");
    n = t->count;
    v = probe_lb(OPENSBI_BASE + 0x80000); /* first byte after the region: RAM, unused */
    check(t->count == n, "the byte after OpenSBI's 512 KiB is accessible");

    n = t->count;
    do_ebreak();
    check(t->count == n + 1 && t->scause == CAUSE_BREAKPOINT,
          "ebreak: breakpoint (scause 3) (scause %lu)", t->scause);
    check_eq(t->sepc, (unsigned long)ebreak_at, "... sepc = the ebreak");
    check(t->stval == 0 || t->stval == (unsigned long)ebreak_at,
          "... stval = its address or 0 (%#lx)", t->stval);

    n = t->count;
    do_csrr_mscratch();
    check(t->count == n + 1 && t->scause == CAUSE_ILLEGAL,
          "csrr mscratch in S-mode: illegal instruction (scause 2), redirected by OpenSBI "
          "(scause %lu)", t->scause);
    check_eq(t->sepc, (unsigned long)csrr_at, "... sepc = the csrr");
    check(t->stval == 0 || t->stval == CSRR_A0_MSCRATCH,
          "... stval = the instruction (0x%lx) or 0 (%#lx)", CSRR_A0_MSCRATCH, t->stval);
    test_done();
}
