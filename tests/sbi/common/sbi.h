/* S-mode payloads under OpenSBI: SBI calls, console, checks, traps, device tree.
 *
 * A payload is entered by fw_jump in S-mode at 0x80200000 with a0 = hartid, a1 = the device
 * tree (start.S), clears .bss and calls
 *     void test_main(unsigned long hartid, const void *dtb);
 * on its own 16 KiB stack. Harts started with sbi_hart_start(h, (unsigned long)secondary_entry,
 * opaque) enter
 *     void test_secondary(unsigned long hartid, unsigned long opaque);
 * on their own stacks (weak default: fail). Every trap lands in trap_dispatch (rt.c), which
 * calls the hook set with set_trap_hook; a trap the hook does not take (returns 0), or any trap
 * with no hook, ends the test with an "unexpected trap" failure.
 *
 * Checks print one line each: "checked: WHAT" when they hold, "FAIL: WHAT: got X, want Y"
 * when not. test_done() prints "sbi-test NAME: all N checks passed" and powers off with SBI
 * SRST (shutdown, no reason): OpenSBI writes 0x5555 to the sifive_test finisher, status 0.
 * On failure it prints "sbi-test NAME: M of N checks FAILED" and writes (1 << 16) | 0x3333
 * to the finisher itself (S-mode may: OpenSBI's root domain gives S-mode everything but its
 * own image and the CLINT), because OpenSBI 1.1's sifive_test driver ignores the SRST reason
 * and would end a "system failure" shutdown with status 0 too; should that write not end the
 * run, SRST shutdown with reason "system failure" follows. tests/sbi/run.sh wants status 0,
 * the "all N checks passed" line and no FAIL line.
 */
#ifndef SBI_TEST_H
#define SBI_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "sbi_asm.h"

/* ---- SBI (specification v1.0, chapters 3-10); a3..a5 are passed as 0 ---- */
#define SBI_EXT_LEGACY_PUTCHAR 0x01
#define SBI_EXT_BASE 0x10
#define SBI_EXT_TIME 0x54494D45 /* "TIME" */
#define SBI_EXT_IPI 0x735049    /* "sPI" */
#define SBI_EXT_RFENCE 0x52464E43 /* "RFNC" */
#define SBI_EXT_HSM 0x48534D    /* "HSM" */
#define SBI_EXT_SRST 0x53525354 /* "SRST" */
#define SBI_EXT_PMU 0x504D55    /* "PMU" */
#define SBI_EXT_DBCN 0x4442434E /* "DBCN" (SBI 2.0; not in OpenSBI 1.1) */

#define SBI_BASE_GET_SPEC_VERSION 0
#define SBI_BASE_GET_IMPL_ID 1
#define SBI_BASE_GET_IMPL_VERSION 2
#define SBI_BASE_PROBE_EXT 3
#define SBI_BASE_GET_MVENDORID 4
#define SBI_BASE_GET_MARCHID 5
#define SBI_BASE_GET_MIMPID 6

#define SBI_HSM_HART_START 0
#define SBI_HSM_HART_STOP 1
#define SBI_HSM_HART_GET_STATUS 2
#define SBI_HSM_STARTED 0
#define SBI_HSM_STOPPED 1
#define SBI_HSM_START_PENDING 2
#define SBI_HSM_STOP_PENDING 3

#define SBI_SRST_SHUTDOWN 0
#define SBI_SRST_COLD_REBOOT 1
#define SBI_SRST_WARM_REBOOT 2
#define SBI_SRST_REASON_NONE 0
#define SBI_SRST_REASON_SYSFAIL 1

#define SBI_SUCCESS 0
#define SBI_ERR_FAILED (-1)
#define SBI_ERR_NOT_SUPPORTED (-2)
#define SBI_ERR_INVALID_PARAM (-3)
#define SBI_ERR_DENIED (-4)
#define SBI_ERR_INVALID_ADDRESS (-5)
#define SBI_ERR_ALREADY_AVAILABLE (-6)

#define SBI_IMPL_OPENSBI 1

struct sbiret {
    long error;
    long value;
};

static inline struct sbiret sbi_call(unsigned long ext, unsigned long fid, unsigned long a0,
                                     unsigned long a1, unsigned long a2)
{
    register unsigned long r_a0 __asm__("a0") = a0;
    register unsigned long r_a1 __asm__("a1") = a1;
    register unsigned long r_a2 __asm__("a2") = a2;
    register unsigned long r_a3 __asm__("a3") = 0;
    register unsigned long r_a4 __asm__("a4") = 0;
    register unsigned long r_a5 __asm__("a5") = 0;
    register unsigned long r_a6 __asm__("a6") = fid;
    register unsigned long r_a7 __asm__("a7") = ext;
    __asm__ volatile("ecall"
                     : "+r"(r_a0), "+r"(r_a1)
                     : "r"(r_a2), "r"(r_a3), "r"(r_a4), "r"(r_a5), "r"(r_a6), "r"(r_a7)
                     : "memory");
    return (struct sbiret){(long)r_a0, (long)r_a1};
}

static inline struct sbiret sbi_set_timer(uint64_t when)
{
    return sbi_call(SBI_EXT_TIME, 0, when, 0, 0);
}
static inline struct sbiret sbi_send_ipi(unsigned long mask, unsigned long base)
{
    return sbi_call(SBI_EXT_IPI, 0, mask, base, 0);
}
static inline struct sbiret sbi_hart_start(unsigned long hartid, unsigned long addr,
                                           unsigned long opaque)
{
    return sbi_call(SBI_EXT_HSM, SBI_HSM_HART_START, hartid, addr, opaque);
}
static inline struct sbiret sbi_hart_stop(void)
{
    return sbi_call(SBI_EXT_HSM, SBI_HSM_HART_STOP, 0, 0, 0);
}
static inline struct sbiret sbi_hart_status(unsigned long hartid)
{
    return sbi_call(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, hartid, 0, 0);
}
static inline struct sbiret sbi_system_reset(unsigned long type, unsigned long reason)
{
    return sbi_call(SBI_EXT_SRST, 0, type, reason, 0);
}

/* ---- CSRs and S-mode bits ---- */
#define STR_(x) #x
#define STR(x) STR_(x)
#define csr_read(csr) \
    ({ unsigned long v_; __asm__ volatile("csrr %0, " STR(csr) : "=r"(v_) :: "memory"); v_; })
#define csr_write(csr, val) \
    __asm__ volatile("csrw " STR(csr) ", %0" :: "rK"((unsigned long)(val)) : "memory")
#define csr_set(csr, bits) \
    __asm__ volatile("csrs " STR(csr) ", %0" :: "rK"((unsigned long)(bits)) : "memory")
#define csr_clear(csr, bits) \
    __asm__ volatile("csrc " STR(csr) ", %0" :: "rK"((unsigned long)(bits)) : "memory")

#define SSTATUS_SIE (1UL << 1)
#define SSTATUS_SPIE (1UL << 5)
#define SSTATUS_SPP (1UL << 8)
#define SSTATUS_FS (3UL << 13)
#define SSTATUS_SUM (1UL << 18)
#define SSTATUS_MXR (1UL << 19)
#define SIP_SSIP (1UL << 1)
#define SIP_STIP (1UL << 5)
#define SIP_SEIP (1UL << 9)
#define SIE_SSIE SIP_SSIP
#define SIE_STIE SIP_STIP

#define CAUSE_INTR (1UL << 63)
#define IRQ_S_SOFT 1
#define IRQ_S_TIMER 5
#define CAUSE_MISALIGNED_FETCH 0
#define CAUSE_FETCH_ACCESS 1
#define CAUSE_ILLEGAL 2
#define CAUSE_BREAKPOINT 3
#define CAUSE_MISALIGNED_LOAD 4
#define CAUSE_LOAD_ACCESS 5
#define CAUSE_MISALIGNED_STORE 6
#define CAUSE_STORE_ACCESS 7
#define CAUSE_USER_ECALL 8
#define CAUSE_FETCH_PAGE_FAULT 12
#define CAUSE_LOAD_PAGE_FAULT 13
#define CAUSE_STORE_PAGE_FAULT 15

static inline uint64_t rdtime(void)
{
    uint64_t t;
    __asm__ volatile("rdtime %0" : "=r"(t) :: "memory");
    return t;
}

/* ---- traps ---- */
struct trap_frame {
    unsigned long regs[32]; /* x0..x31 as they were at the trap (regs[0] unused) */
    unsigned long sepc, scause, stval, sstatus;
};
/* Return nonzero when the trap was expected (the hook may change regs and sepc). */
typedef int (*trap_hook_t)(struct trap_frame *f);
void set_trap_hook(trap_hook_t hook);
void trap_dispatch(struct trap_frame *f);

/* A hook for expected synchronous exceptions: records scause/sepc/stval in last_trap (per
 * hart) and resumes at the return address in ra (use with EXPECT_TRAP). */
struct trap_record {
    volatile unsigned long count, scause, sepc, stval;
};
extern struct trap_record last_trap[MAX_HARTS];
int trap_record_and_return(struct trap_frame *f);
unsigned long this_hart(void); /* the hartid start.S keeps in tp */

/* Accesses that may trap (start.S): with trap_record_and_return as the hook, a trapping probe
 * returns to its caller and last_trap[hart].count goes up. */
unsigned long probe_lb(unsigned long addr);
unsigned long probe_lbu(unsigned long addr);
unsigned long probe_lh(unsigned long addr);
unsigned long probe_lhu(unsigned long addr);
unsigned long probe_lw(unsigned long addr);
unsigned long probe_lwu(unsigned long addr);
unsigned long probe_ld(unsigned long addr);
void probe_sb(unsigned long addr, unsigned long val);
void probe_sh(unsigned long addr, unsigned long val);
void probe_sw(unsigned long addr, unsigned long val);
void probe_sd(unsigned long addr, unsigned long val);
unsigned long probe_jump(unsigned long addr);

/* ---- console (SBI legacy putchar, lines kept whole across harts) ---- */
void print(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vprint(const char *fmt, va_list ap);

/* ---- checks ---- */
extern const char test_name[]; /* defined by each test: TEST_NAME("sbi_base") */
#define TEST_NAME(s) const char test_name[] = s
void check(int ok, const char *what, ...) __attribute__((format(printf, 2, 3)));
/* check_eq: on failure prints got/want in hex and decimal. */
void check_eq(unsigned long got, unsigned long want, const char *what, ...)
    __attribute__((format(printf, 3, 4)));
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2))); /* "info: ..." */
unsigned long failures(void);
void test_done(void) __attribute__((noreturn));
void test_fail_now(const char *why) __attribute__((noreturn));

/* ---- entry points ---- */
void test_main(unsigned long hartid, const void *dtb);
void test_secondary(unsigned long hartid, unsigned long opaque);
void secondary_entry(void); /* start address for sbi_hart_start */

/* ---- device tree (read-only walk of the blob OpenSBI hands on) ---- */
int fdt_valid(const void *fdt);
/* The property of the node at PATH ("/chosen", "/cpus"), or NULL; *len = its size. */
const void *fdt_prop(const void *fdt, const char *path, const char *name, int *len);
/* Hart ids of the /cpus/cpu@* nodes whose device_type is "cpu" (and status, if any, "okay"). */
int fdt_harts(const void *fdt, unsigned long *ids, int max);
uint32_t fdt32(const void *p);
/* Value of "KEY=NUMBER" in /chosen/bootargs (decimal or 0x hex), or DEF when absent. */
unsigned long bootarg(const void *fdt, const char *key, unsigned long def);

/* ---- small helpers ---- */
static inline void spin_lock(volatile int *l)
{
    while (__atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE))
        while (*l)
            ;
}
static inline void spin_unlock(volatile int *l)
{
    __atomic_store_n(l, 0, __ATOMIC_RELEASE);
}
void *memset(void *d, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);
int strcmp(const char *a, const char *b);
unsigned long strlen(const char *s);

#endif
