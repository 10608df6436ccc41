/* Sv39 from S-mode under OpenSBI (privileged spec 1.12, 4.3-4.4 and 4.1.11).
 *
 * Page tables: the payload's 2 MiB (0x80200000) identity-mapped by one megapage (so the code,
 * stacks and trap handler keep running), and a window at VA 0x40000000 of 4 KiB pages:
 *   +0x0000  page A, RW            +0x5000  page A, RW, not X (fetch faults)
 *   +0x1000  invalid (V = 0)       +0x6000  W without R (reserved: any access faults)
 *   +0x2000  page B, R only        +0x7000  page A, RW, A = D = 0
 *   +0x3000  page A, RW, U         +0x8000  the code page, X and U
 *   +0x4000  the code page, X only (a `ret` at its start)
 * plus VA 0x40200000, a megapage whose PPN is not 2 MiB aligned (misaligned superpage), and
 * VA 0xffffffc000000000 (root entry 256, a canonical high address) sharing the window's table.
 * OpenSBI delegates the page faults (medeleg bits 12, 13, 15), so they arrive in S-mode
 * directly with scause 12/13/15, stval = the faulting virtual address and sepc = the
 * instruction (for a fetch: the target). Checked:
 *   - satp = Sv39 | root PPN reads back; translation: a store through VA lands in page A's
 *     physical address and the reverse; the high canonical alias reads the same page;
 *   - load page fault for an invalid PTE, for a non-canonical VA (bits 63:39 != bit 38), for a
 *     misaligned superpage and for W without R; store page fault for a read-only page;
 *   - U pages: S-mode loads fault unless sstatus.SUM, S-mode fetches fault even with SUM;
 *   - X-only page: fetch works, loads fault unless sstatus.MXR; fetch from a non-X page faults;
 *   - A/D clear: either the access works and the hart sets A (and D on a store), or it
 *     page-faults (the spec allows both; socsim `pte_ad: hardware` and QEMU set them);
 *   - sfence.vma: an invalid PTE made valid, and a PTE pointed at page B, take effect after
 *     sfence.vma (whole, and by address);
 *   - a misaligned ld through the window (OpenSBI emulates it with MPRV, which translates as
 *     S-mode) reads page A's bytes; one running into the invalid page takes a load page fault
 *     with stval inside the access.
 * Before leaving, satp goes back to Bare.
 */
#include "sbi.h"

TEST_NAME("paging");

#define PTE_V (1UL << 0)
#define PTE_R (1UL << 1)
#define PTE_W (1UL << 2)
#define PTE_X (1UL << 3)
#define PTE_U (1UL << 4)
#define PTE_G (1UL << 5)
#define PTE_A (1UL << 6)
#define PTE_D (1UL << 7)
#define SATP_SV39 (8UL << 60)

#define WIN 0x40000000UL
#define HIGH_ALIAS 0xffffffc000000000UL /* VPN[2] = 256: the same window */
#define NONCANON 0x0000004000000000UL   /* bit 38 set, bits 63:39 clear */
#define MISALIGNED_MEGA 0x40200000UL

static uint64_t root[512] __attribute__((aligned(4096)));
static uint64_t l1_payload[512] __attribute__((aligned(4096)));
static uint64_t l1_win[512] __attribute__((aligned(4096)));
static uint64_t l0_win[512] __attribute__((aligned(4096)));
static volatile uint64_t page_a[512] __attribute__((aligned(4096)));
static volatile uint64_t page_b[512] __attribute__((aligned(4096)));

/* The code page: a `ret`, then a page's worth of nothing. */
extern char code_page[];
__asm__(".text\n.option push\n.option norvc\n.balign 4096\n"
        ".globl code_page\ncode_page:\n    ret\n.balign 4096\n.option pop\n");

static uint64_t table(void *t)
{
    return (((unsigned long)t >> 12) << 10) | PTE_V;
}
static uint64_t leaf(unsigned long pa, uint64_t flags)
{
    return ((pa >> 12) << 10) | flags | PTE_V;
}

static struct trap_record *t;

static void expect_fault(unsigned long n, unsigned long cause, unsigned long va, const char *what)
{
    check(t->count == n + 1 && t->scause == cause && t->stval == va,
          "%s: scause %lu, stval %#lx (got %lu trap(s), scause %lu, stval %#lx)", what, cause,
          va, t->count - n, t->scause, t->stval);
}

static void expect_none(unsigned long n, const char *what)
{
    check(t->count == n, "%s (got %lu trap(s), last scause %lu stval %#lx)", what, t->count - n,
          t->scause, t->stval);
}

static inline void sfence_all(void)
{
    __asm__ volatile("sfence.vma" ::: "memory");
}
static inline void sfence_va(unsigned long va)
{
    __asm__ volatile("sfence.vma %0, zero" :: "r"(va) : "memory");
}

void test_main(unsigned long hartid, const void *dtb)
{
    t = &last_trap[hartid < MAX_HARTS ? hartid : 0];
    set_trap_hook(trap_record_and_return);
    unsigned long n, v;
    const uint64_t rwad = PTE_R | PTE_W | PTE_A | PTE_D;

    /* identity megapage for the payload: VA 0x80200000 = VPN[2] 2, VPN[1] 1 */
    root[2] = table(l1_payload);
    l1_payload[1] = leaf(0x80200000UL, PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | PTE_G);
    /* the window: VPN[2] 1 (and 256 for the high alias) */
    root[1] = table(l1_win);
    root[256] = table(l1_win);
    l1_win[0] = table(l0_win);
    l1_win[1] = leaf(0x80201000UL, PTE_R | PTE_A); /* PPN[0] != 0: misaligned megapage */
    l0_win[0] = leaf((unsigned long)page_a, rwad);
    l0_win[1] = 0;
    l0_win[2] = leaf((unsigned long)page_b, PTE_R | PTE_A);
    l0_win[3] = leaf((unsigned long)page_a, rwad | PTE_U);
    l0_win[4] = leaf((unsigned long)code_page, PTE_X | PTE_A);
    l0_win[5] = leaf((unsigned long)page_a, rwad);
    l0_win[6] = leaf((unsigned long)page_a, PTE_W | PTE_A | PTE_D);
    l0_win[7] = leaf((unsigned long)page_a, PTE_R | PTE_W);
    l0_win[8] = leaf((unsigned long)code_page, PTE_X | PTE_U | PTE_A);

    page_a[0] = 0x1111111111111111UL;
    page_a[1] = 0xa1a2a3a4a5a6a7a8UL;
    page_b[0] = 0x2222222222222222UL;

    check_eq(csr_read(satp), 0, "satp is Bare (0) when fw_jump enters the payload");
    unsigned long satp = SATP_SV39 | ((unsigned long)root >> 12);
    __asm__ volatile("sfence.vma" ::: "memory");
    csr_write(satp, satp);
    sfence_all();
    check_eq(csr_read(satp), satp, "satp = Sv39 | root PPN reads back (paging on)");

    /* translation */
    n = t->count;
    v = probe_ld(WIN + 8);
    check(t->count == n && v == 0xa1a2a3a4a5a6a7a8UL,
          "ld through VA 0x40000008 reads page A at PA %#lx (%#lx)", (unsigned long)&page_a[1], v);
    probe_sd(WIN + 16, 0x0123456789abcdefUL);
    check(t->count == n && page_a[2] == 0x0123456789abcdefUL,
          "sd through VA 0x40000010 lands in page A's physical memory");
    page_a[3] = 0x3333;
    v = probe_ld(WIN + 24);
    check(t->count == n && v == 0x3333, "a store to page A's identity address is seen through VA");
    v = probe_ld(HIGH_ALIAS + 8);
    check(t->count == n && v == 0xa1a2a3a4a5a6a7a8UL,
          "VA 0xffffffc000000008 (root entry 256, canonical) reads page A too");

    /* page faults (delegated by OpenSBI: they come straight to S-mode) */
    n = t->count;
    probe_ld(WIN + 0x1000);
    expect_fault(n, CAUSE_LOAD_PAGE_FAULT, WIN + 0x1000, "ld from an invalid PTE: load page fault");
    check_eq(t->sepc, (unsigned long)probe_ld, "... sepc = the faulting ld");
    n = t->count;
    probe_sd(WIN + 0x1008, 1);
    expect_fault(n, CAUSE_STORE_PAGE_FAULT, WIN + 0x1008, "sd to an invalid PTE: store page fault");
    n = t->count;
    probe_sd(WIN + 0x2000, 1);
    expect_fault(n, CAUSE_STORE_PAGE_FAULT, WIN + 0x2000, "sd to a read-only page: store page fault");
    check_eq(page_b[0], 0x2222222222222222UL, "... page B unchanged");
    n = t->count;
    v = probe_ld(WIN + 0x2000);
    check(t->count == n && v == 0x2222222222222222UL, "ld from the read-only page works");
    n = t->count;
    probe_ld(NONCANON);
    expect_fault(n, CAUSE_LOAD_PAGE_FAULT, NONCANON,
                 "ld from a non-canonical VA (bit 38 set, 63:39 clear): load page fault");
    n = t->count;
    probe_ld(MISALIGNED_MEGA);
    expect_fault(n, CAUSE_LOAD_PAGE_FAULT, MISALIGNED_MEGA,
                 "ld through a megapage whose PPN[0] is not 0: load page fault");
    n = t->count;
    probe_ld(WIN + 0x6000);
    expect_fault(n, CAUSE_LOAD_PAGE_FAULT, WIN + 0x6000, "ld from a W-without-R PTE: load page fault");

    /* U pages from S-mode: SUM */
    n = t->count;
    probe_ld(WIN + 0x3000);
    expect_fault(n, CAUSE_LOAD_PAGE_FAULT, WIN + 0x3000, "ld from a U page with SUM = 0: page fault");
    csr_set(sstatus, SSTATUS_SUM);
    n = t->count;
    v = probe_ld(WIN + 0x3008);
    check(t->count == n && v == 0xa1a2a3a4a5a6a7a8UL, "with sstatus.SUM = 1 the U page is readable");
    n = t->count;
    probe_jump(WIN + 0x8000);
    expect_fault(n, CAUSE_FETCH_PAGE_FAULT, WIN + 0x8000,
                 "fetch from a U+X page in S-mode, even with SUM: instruction page fault");
    check_eq(t->sepc, WIN + 0x8000, "... sepc = the fetch address");
    csr_clear(sstatus, SSTATUS_SUM);

    /* execute-only page: MXR */
    n = t->count;
    probe_jump(WIN + 0x4000);
    expect_none(n, "a call to the `ret` on the X-only page at VA 0x40004000 executes it");
    n = t->count;
    probe_lw(WIN + 0x4000);
    expect_fault(n, CAUSE_LOAD_PAGE_FAULT, WIN + 0x4000, "lw from the X-only page, MXR = 0: page fault");
    csr_set(sstatus, SSTATUS_MXR);
    n = t->count;
    v = probe_lw(WIN + 0x4000);
    check(t->count == n && v == 0x00008067, "with sstatus.MXR = 1 it reads the `ret` (0x00008067): %#lx",
          v);
    csr_clear(sstatus, SSTATUS_MXR);
    n = t->count;
    probe_jump(WIN + 0x5000);
    expect_fault(n, CAUSE_FETCH_PAGE_FAULT, WIN + 0x5000, "fetch from a page without X: instruction page fault");

    /* A and D */
    n = t->count;
    v = probe_ld(WIN + 0x7008);
    if (t->count == n)
        check(v == 0xa1a2a3a4a5a6a7a8UL && (l0_win[7] & PTE_A) && !(l0_win[7] & PTE_D),
              "ld through a PTE with A = 0 works and the hart set A (not D): PTE %#lx",
              (unsigned long)l0_win[7]);
    else
        expect_fault(n, CAUSE_LOAD_PAGE_FAULT, WIN + 0x7008, "ld through a PTE with A = 0 faults");
    l0_win[7] |= PTE_A;
    sfence_va(WIN + 0x7000);
    n = t->count;
    probe_sd(WIN + 0x7010, 0x77);
    if (t->count == n)
        check((l0_win[7] & PTE_D) && page_a[2] == 0x77,
              "sd through a PTE with D = 0 works and the hart set D: PTE %#lx",
              (unsigned long)l0_win[7]);
    else
        expect_fault(n, CAUSE_STORE_PAGE_FAULT, WIN + 0x7010, "sd through a PTE with D = 0 faults");

    /* sfence.vma */
    l0_win[1] = leaf((unsigned long)page_b, rwad);
    sfence_va(WIN + 0x1000);
    n = t->count;
    v = probe_ld(WIN + 0x1000);
    check(t->count == n && v == 0x2222222222222222UL,
          "an invalid PTE made valid, then sfence.vma VA: the access works");
    l0_win[0] = leaf((unsigned long)page_b, rwad);
    sfence_all();
    v = probe_ld(WIN);
    check(t->count == n && v == 0x2222222222222222UL,
          "PTE of VA 0x40000000 pointed at page B, then sfence.vma: VA reads page B");
    l0_win[0] = leaf((unsigned long)page_a, rwad);
    sfence_va(WIN);
    v = probe_ld(WIN);
    check(t->count == n && v == 0x1111111111111111UL, "... and back to page A after sfence.vma VA");

    /* misaligned through the MMU: OpenSBI's emulation uses MPRV */
    l0_win[1] = 0;
    sfence_all();
    page_a[2] = 0x1111111111111111UL;
    n = t->count;
    v = probe_ld(WIN + 9);
    check(t->count == n && v == 0x11a1a2a3a4a5a6a7UL,
          "misaligned ld at VA 0x40000009 reads page A's bytes 9..16 (%#lx)", v);
    n = t->count;
    probe_ld(WIN + 0xffd);
    check(t->count == n + 1 && t->scause == CAUSE_LOAD_PAGE_FAULT && t->stval >= WIN + 0xffd &&
          t->stval < WIN + 0xffd + 8,
          "misaligned ld at VA 0x40000ffd running into the invalid page: load page fault, stval "
          "inside the access (scause %lu, stval %#lx)", t->scause, t->stval);

    csr_write(satp, 0);
    sfence_all();
    check_eq(csr_read(satp), 0, "satp back to Bare");
    test_done();
}
