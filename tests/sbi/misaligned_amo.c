/* Misaligned AMO and LR from S-mode: not emulated by OpenSBI 1.1 (its misaligned handler
 * decodes only loads and stores), so they reach S-mode as exceptions it redirects.
 *
 * The A spec (8.4) lets an implementation raise address-misaligned, or an access fault when
 * the access could not be emulated, for a misaligned AMO/LR: scause = 6 or 7 for amoadd.w (a
 * store/AMO), 4 or 5 for lr.w; stval = the address (privileged 4.1.9), sepc = the instruction,
 * memory unchanged. On socsim (both `misaligned` choices) the hart raises 6 / 4 to M-mode and
 * OpenSBI redirects them to S-mode with the same cause and stval.
 */
#include "sbi.h"

TEST_NAME("misaligned_amo");

unsigned long amo_misaligned(unsigned long addr, unsigned long val);
unsigned long lr_misaligned(unsigned long addr);
__asm__(".text\n"
        ".option push\n.option norvc\n"
        ".globl amo_misaligned\namo_misaligned:\n"
        "    amoadd.w a0, a1, (a0)\n    ret\n"
        ".globl lr_misaligned\nlr_misaligned:\n"
        "    lr.w a0, (a0)\n    ret\n"
        ".option pop\n");

static volatile uint32_t words[4] __attribute__((aligned(16))) = {
    0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c};

void test_main(unsigned long hartid, const void *dtb)
{
    struct trap_record *t = &last_trap[hartid < MAX_HARTS ? hartid : 0];
    set_trap_hook(trap_record_and_return);
    unsigned long addr = (unsigned long)words + 2;

    unsigned long n = t->count;
    amo_misaligned(addr, 1);
    check_eq(t->count - n, 1, "misaligned amoadd.w traps to S-mode (OpenSBI does not emulate AMOs)");
    check(t->scause == CAUSE_MISALIGNED_STORE || t->scause == CAUSE_STORE_ACCESS,
          "... scause %lu: store/AMO address-misaligned (6) or access fault (7)", t->scause);
    check_eq(t->stval, addr, "... stval = the address");
    check_eq(t->sepc, (unsigned long)amo_misaligned, "... sepc = the amoadd.w");
    check(words[0] == 0x03020100 && words[1] == 0x07060504, "... memory unchanged");

    n = t->count;
    lr_misaligned(addr);
    check_eq(t->count - n, 1, "misaligned lr.w traps to S-mode");
    check(t->scause == CAUSE_MISALIGNED_LOAD || t->scause == CAUSE_LOAD_ACCESS,
          "... scause %lu: load address-misaligned (4) or access fault (5)", t->scause);
    check_eq(t->stval, addr, "... stval = the address");
    check_eq(t->sepc, (unsigned long)lr_misaligned, "... sepc = the lr.w");
    test_done();
}
