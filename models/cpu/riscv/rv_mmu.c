/* Address translation (Sv32, Sv39, Sv48) with a software TLB, and physical memory protection.
 *
 * The execute loops never see any of this: they go through the data windows (struct
 * rv_memwin), stretches of virtual addresses that map linearly onto host memory and passed
 * every check. The slow paths in rv_hart.c call rv_translate, which answers from the TLB or
 * walks the page table, checks PMP, and says how large a window the result may open. */
#include <string.h>

#include "rv_private.h"

#define PTE_V 0x01u
#define PTE_R 0x02u
#define PTE_W 0x04u
#define PTE_X 0x08u
#define PTE_U 0x10u
#define PTE_G 0x20u
#define PTE_A 0x40u
#define PTE_D 0x80u

#define PAGE 4096ULL

void rv_tlb_flush(struct rv_hart *h)
{
    for (unsigned i = 0; i < (1u << RV_TLB_BITS); i++)
        h->tlb[i].vpage = 1;
    rv_windows_drop(h);
    /* Decoded blocks carry translations too (their pc is virtual). */
    h->flush_pending = true;
    h->kick = true;
}

/* ---- PMP ---- */

/* The byte range [lo, hi) entry i matches, or false when it is OFF (or empty). */
static bool pmp_range(const struct rv_hart *h, unsigned i, uint64_t *lo, uint64_t *hi)
{
    unsigned a = (h->pmpcfg[i] >> 3) & 3;
    uint64_t addr = h->pmpaddr[i];
    switch (a) {
    case 1: /* TOR */
        *lo = i ? h->pmpaddr[i - 1] << 2 : 0;
        *hi = addr << 2;
        if (h->pmp_g) { /* the grain applies to the bounds */
            uint64_t m = ~((4ULL << h->pmp_g) - 1);
            *lo &= m;
            *hi &= m;
        }
        return *lo < *hi;
    case 2: /* NA4 */
        *lo = addr << 2;
        *hi = *lo + 4;
        return true;
    case 3: { /* NAPOT: trailing ones give the size */
        uint64_t ones = (uint64_t)__builtin_ctzll(~addr);
        if (ones < h->pmp_g)
            ones = h->pmp_g;
        if (ones >= 54) {
            *lo = 0;
            *hi = ~0ULL;
            return true;
        }
        uint64_t size = 8ULL << ones;
        *lo = (addr << 2) & ~(size - 1);
        *hi = *lo + size;
        return true;
    }
    }
    return false;
}

/* The entry that decides an access to [lo, hi): its index, -1 if none matches any byte, -2 if
 * the lowest-numbered matching entry covers only part of it (the access fails). */
static int pmp_match(const struct rv_hart *h, uint64_t lo, uint64_t hi)
{
    for (unsigned i = 0; i < h->pmp_n; i++) {
        uint64_t s, e;
        if (!pmp_range(h, i, &s, &e))
            continue;
        if (hi <= s || lo >= e)
            continue;
        return (lo >= s && hi <= e) ? (int)i : -2;
    }
    return -1;
}

bool rv_pmp_check(const struct rv_hart *h, uint64_t pa, uint64_t size, enum rv_access acc,
                  unsigned priv)
{
    if (priv == PRV_M && !h->pmp_locked)
        return true;
    if (!h->pmp_on)
        return priv == PRV_M || h->pmp_n == 0;
    int i = pmp_match(h, pa, pa + size);
    if (i == -2)
        return false;
    if (i == -1) /* no match: M-mode succeeds, S/U fail when entries are implemented */
        return priv == PRV_M;
    uint8_t c = h->pmpcfg[i];
    if (priv == PRV_M && !(c & 0x80))
        return true;
    static const uint8_t need[] = {[ACC_FETCH] = 4, [ACC_LOAD] = 1, [ACC_STORE] = 2};
    return (c & need[acc]) != 0;
}

void rv_pmp_changed(struct rv_hart *h)
{
    h->pmp_on = h->pmp_locked = false;
    for (unsigned i = 0; i < h->pmp_n; i++) {
        if ((h->pmpcfg[i] >> 3) & 3)
            h->pmp_on = true;
        if (h->pmpcfg[i] & 0x80)
            h->pmp_locked = true;
    }
    rv_tlb_flush(h);
}

uint64_t rv_pmpaddr_read(const struct rv_hart *h, unsigned i)
{
    if (i >= h->pmp_n)
        return 0;
    uint64_t v = h->pmpaddr[i];
    if (h->pmp_g >= 1) {
        unsigned a = (h->pmpcfg[i] >> 3) & 3;
        if (a == 3) /* NAPOT: bits G-2:0 read as ones */
            v |= (1ULL << (h->pmp_g - 1)) - 1;
        else        /* OFF, TOR: bits G-1:0 read as zeros */
            v &= ~((1ULL << h->pmp_g) - 1);
    }
    return v;
}

/* ---- page tables ---- */

struct vm_format {
    unsigned levels, vpn_bits, pte_size;
    unsigned va_bits;
};

static const struct vm_format *vm_format(unsigned mode)
{
    static const struct vm_format sv32 = {2, 10, 4, 32}, sv39 = {3, 9, 8, 39},
                                  sv48 = {4, 9, 8, 48};
    return mode == 1 ? &sv32 : mode == 8 ? &sv39 : mode == 9 ? &sv48 : NULL;
}

static unsigned satp_mode(const struct rv_hart *h)
{
    return h->xlen == 32 ? (unsigned)(h->satp >> 31) : (unsigned)(h->satp >> 60);
}

static uint64_t satp_ppn(const struct rv_hart *h)
{
    return h->xlen == 32 ? h->satp & 0x3fffffULL : h->satp & 0xfffffffffffULL;
}

static unsigned page_fault(enum rv_access acc)
{
    return acc == ACC_FETCH ? CAUSE_FETCH_PAGE_FAULT
         : acc == ACC_LOAD ? CAUSE_LOAD_PAGE_FAULT : CAUSE_STORE_PAGE_FAULT;
}

static unsigned access_fault(enum rv_access acc)
{
    return acc == ACC_FETCH ? CAUSE_FETCH_ACCESS
         : acc == ACC_LOAD ? CAUSE_LOAD_ACCESS : CAUSE_STORE_ACCESS;
}

/* Page-table memory is read and written as physical RAM; PMP checks apply (as S-mode
 * accesses). Returns false if the PTE cannot be accessed. */
static bool pte_read(struct rv_hart *h, uint64_t pa, unsigned size, uint64_t *pte)
{
    if (!rv_pmp_check(h, pa, size, ACC_LOAD, PRV_S))
        return false;
    const struct bus_region *r = bus_find(h->bus, pa);
    if (!r || !r->host || pa + size > r->base + r->size)
        return false;
    uint64_t v = 0;
    memcpy(&v, r->host + (pa - r->base), size);
    *pte = v;
    return true;
}

static bool pte_write(struct rv_hart *h, uint64_t pa, unsigned size, uint64_t pte)
{
    if (!rv_pmp_check(h, pa, size, ACC_STORE, PRV_S))
        return false;
    /* Through the bus, so a page table in a code page still invalidates decoded blocks. */
    return bus_write(h->bus, pa, size, pte) == BUS_OK;
}

/* Page permission check of a leaf PTE for an access in privilege priv. */
static bool pte_allows(const struct rv_hart *h, uint8_t pte, enum rv_access acc, unsigned priv)
{
    if (pte & PTE_U) {
        if (priv == PRV_S && (acc == ACC_FETCH || !(h->mstatus & MSTATUS_SUM)))
            return false;
    } else if (priv == PRV_U) {
        return false;
    }
    switch (acc) {
    case ACC_FETCH: return pte & PTE_X;
    case ACC_LOAD: return (pte & PTE_R) || ((h->mstatus & MSTATUS_MXR) && (pte & PTE_X));
    case ACC_STORE: return pte & PTE_W;
    }
    return false;
}

/* Walk the page table for va. Fills e (one 4 KiB page's worth) or returns the cause. */
static unsigned walk(struct rv_hart *h, uint64_t va, enum rv_access acc, unsigned priv,
                     struct rv_tlbe *e, bool debug)
{
    const struct vm_format *f = vm_format(satp_mode(h));
    /* Virtual addresses must be sign-extended from the top bit the mode translates. */
    if (f->va_bits < 64 && h->xlen == 64) {
        int64_t sx = (int64_t)(va << (64 - f->va_bits)) >> (64 - f->va_bits);
        if ((uint64_t)sx != va)
            return page_fault(acc);
    }
    uint64_t a = satp_ppn(h) * PAGE;
    for (int level = (int)f->levels - 1; level >= 0; level--) {
        unsigned shift = 12 + (unsigned)level * f->vpn_bits;
        uint64_t vpn = (va >> shift) & ((1ULL << f->vpn_bits) - 1);
        uint64_t pte_addr = a + vpn * f->pte_size, pte;
        if (!pte_read(h, pte_addr, f->pte_size, &pte))
            return access_fault(acc);
        if (!(pte & PTE_V) || (!(pte & PTE_R) && (pte & PTE_W)))
            return page_fault(acc);
        /* Bits 63:54 are reserved (Svpbmt/Svnapot are not implemented). */
        if (f->pte_size == 8 && (pte >> 54))
            return page_fault(acc);
        uint64_t ppn = f->pte_size == 8 ? (pte >> 10) & 0xfffffffffffULL : (pte >> 10) & 0x3fffffULL;
        if (!(pte & (PTE_R | PTE_X))) { /* pointer to the next level */
            if (level == 0 || (pte & (PTE_A | PTE_D | PTE_U)))
                return page_fault(acc);
            a = ppn * PAGE;
            continue;
        }
        /* Leaf: a superpage must be aligned. */
        uint64_t low_ppn = (1ULL << ((unsigned)level * f->vpn_bits)) - 1;
        if (ppn & low_ppn)
            return page_fault(acc);
        if (debug) { /* a debugger sees any valid mapping and changes nothing */
            e->ppage = (ppn * PAGE & ~((1ULL << shift) - 1)) | (va & ((1ULL << shift) - 1) & ~(PAGE - 1));
            return 0;
        }
        /* Permission first: A/D are only set for an access that is allowed. */
        if (!pte_allows(h, (uint8_t)pte, acc, priv))
            return page_fault(acc);
        bool need_d = acc == ACC_STORE && !(pte & PTE_D);
        if (!(pte & PTE_A) || need_d) {
            if (!h->pte_ad_hw)
                return page_fault(acc);
            uint64_t np = pte | PTE_A | (acc == ACC_STORE ? PTE_D : 0);
            if (!pte_write(h, pte_addr, f->pte_size, np))
                return access_fault(acc);
            pte = np;
        }
        uint64_t span = 1ULL << shift;
        e->vpage = va & ~(PAGE - 1);
        e->ppage = (ppn * PAGE & ~(span - 1)) | (va & (span - 1) & ~(PAGE - 1));
        e->pte_addr = pte_addr;
        e->span = span;
        e->pte = (uint8_t)pte;
        return 0;
    }
    return page_fault(acc);
}

unsigned rv_translate(struct rv_hart *h, uint64_t va, unsigned size, enum rv_access acc,
                      unsigned priv, uint64_t *pa, uint64_t *span_lo, uint64_t *span)
{
    uint64_t lo = 0, len = 0;
    if (priv == PRV_M || satp_mode(h) == 0) {
        if (h->xlen == 32)
            va &= 0xffffffffULL;
        *pa = va;
        if (!rv_pmp_check(h, va, size, acc, priv))
            return access_fault(acc);
        if (span) {
            /* Without PMP in the way the whole address space maps linearly; with it, the
             * 4 KiB page if PMP treats it all alike. */
            if ((priv == PRV_M && !h->pmp_locked) || !h->pmp_on) {
                lo = 0;
                len = 0; /* 0 with lo 0: unlimited */
                *span_lo = 0;
                *span = ~0ULL;
                return 0;
            }
            lo = va & ~(PAGE - 1);
            len = rv_pmp_check(h, lo, PAGE, acc, priv) ? PAGE : 0;
            *span_lo = lo;
            *span = len;
        }
        return 0;
    }
    struct rv_tlbe *e = &h->tlb[(va >> 12) & ((1u << RV_TLB_BITS) - 1)];
    uint64_t vpage = va & ~(PAGE - 1);
    if (e->vpage != vpage || (acc == ACC_STORE && !(e->pte & PTE_D))) {
        struct rv_tlbe ne;
        unsigned cause = walk(h, va, acc, priv, &ne, false);
        if (cause)
            return cause;
        *e = ne;
    }
    if (!pte_allows(h, e->pte, acc, priv))
        return page_fault(acc);
    *pa = e->ppage | (va & (PAGE - 1));
    if (!rv_pmp_check(h, *pa, size, acc, priv))
        return access_fault(acc);
    if (span) {
        /* The whole (super)page if PMP allows all of it alike, else this 4 KiB page. */
        uint64_t big = e->span, vbase = va & ~(big - 1), pbase = *pa - (va - vbase);
        if (rv_pmp_check(h, pbase, big, acc, priv)) {
            *span_lo = vbase;
            *span = big;
        } else if (rv_pmp_check(h, e->ppage, PAGE, acc, priv)) {
            *span_lo = vpage;
            *span = PAGE;
        } else {
            *span_lo = vpage;
            *span = 0;
        }
    }
    return 0;
}

bool rv_debug_translate(struct rv_hart *h, uint64_t va, uint64_t *pa)
{
    unsigned priv = rv_data_priv(h);
    if (priv == PRV_M || satp_mode(h) == 0) {
        *pa = h->xlen == 32 ? va & 0xffffffffULL : va;
        return true;
    }
    struct rv_tlbe e;
    if (walk(h, va, ACC_LOAD, priv, &e, true))
        return false;
    *pa = e.ppage | (va & (PAGE - 1));
    return true;
}
