/* Runtime of the S-mode payloads: console, checks, trap dispatch, device tree (see sbi.h). */
#include "sbi.h"

struct trap_record last_trap[MAX_HARTS];
static trap_hook_t trap_hooks[MAX_HARTS];
static volatile unsigned long n_checks, n_failed;
static volatile int print_lock;

unsigned long this_hart(void)
{
    unsigned long tp;
    __asm__ volatile("mv %0, tp" : "=r"(tp));
    return tp;
}

/* ---- strings ---- */

void *memset(void *d, int c, unsigned long n)
{
    unsigned char *p = d;
    while (n--)
        *p++ = (unsigned char)c;
    return d;
}

void *memcpy(void *d, const void *s, unsigned long n)
{
    unsigned char *p = d;
    const unsigned char *q = s;
    while (n--)
        *p++ = *q++;
    return d;
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

unsigned long strlen(const char *s)
{
    unsigned long n = 0;
    while (s[n])
        n++;
    return n;
}

/* ---- console ---- */

struct buf {
    char s[256];
    unsigned n;
};

static void put(struct buf *b, char c)
{
    if (b->n < sizeof(b->s) - 1)
        b->s[b->n++] = c;
}

static void put_num(struct buf *b, unsigned long v, unsigned base, int width, char pad, int neg)
{
    char tmp[24];
    int n = 0;
    do {
        unsigned d = v % base;
        tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        v /= base;
    } while (v);
    if (neg)
        tmp[n++] = '-';
    while (width-- > n)
        put(b, pad);
    while (n)
        put(b, tmp[--n]);
}

/* %s %c %d %u %x %p with optional '#', '0', width and 'l' (ignored: everything is long). */
static void format(struct buf *b, const char *fmt, va_list ap)
{
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            put(b, *fmt);
            continue;
        }
        fmt++;
        int alt = 0, width = 0, is_long = 0;
        char pad = ' ';
        if (*fmt == '#')
            alt = 1, fmt++;
        if (*fmt == '0')
            pad = '0', fmt++;
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        while (*fmt == 'l')
            is_long = 1, fmt++;
        switch (*fmt) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            while (*s)
                put(b, *s++);
            break;
        }
        case 'c':
            put(b, (char)va_arg(ap, int));
            break;
        case 'd': {
            long v = is_long ? va_arg(ap, long) : va_arg(ap, int);
            put_num(b, v < 0 ? -(unsigned long)v : (unsigned long)v, 10, width, pad, v < 0);
            break;
        }
        case 'u':
            put_num(b, is_long ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 10, width,
                    pad, 0);
            break;
        case 'p':
            alt = 1;
            is_long = 1;
            /* fall through */
        case 'x':
            if (alt)
                put(b, '0'), put(b, 'x');
            put_num(b, is_long ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 16, width,
                    pad, 0);
            break;
        case '%':
            put(b, '%');
            break;
        default:
            put(b, '?');
            break;
        }
    }
}

/* One whole line at a time: the lock keeps lines of different harts apart, and interrupts
 * are off while it is held so a handler that prints cannot deadlock against its own hart. */
static void emit(struct buf *b)
{
    unsigned long s = csr_read(sstatus);
    csr_clear(sstatus, SSTATUS_SIE);
    spin_lock(&print_lock);
    for (unsigned i = 0; i < b->n; i++)
        sbi_call(SBI_EXT_LEGACY_PUTCHAR, 0, (unsigned char)b->s[i], 0, 0);
    spin_unlock(&print_lock);
    if (s & SSTATUS_SIE)
        csr_set(sstatus, SSTATUS_SIE);
}

void vprint(const char *fmt, va_list ap)
{
    struct buf b;
    b.n = 0;
    format(&b, fmt, ap);
    emit(&b);
}

void print(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprint(fmt, ap);
    va_end(ap);
}

/* ---- checks ---- */

static void report(int ok, const char *detail, const char *what, va_list ap)
{
    struct buf b;
    b.n = 0;
    const char *head = ok ? "checked: " : "FAIL: ";
    while (*head)
        put(&b, *head++);
    format(&b, what, ap);
    if (!ok && detail)
        while (*detail)
            put(&b, *detail++);
    put(&b, '\n');
    __atomic_fetch_add(&n_checks, 1, __ATOMIC_RELAXED);
    if (!ok)
        __atomic_fetch_add(&n_failed, 1, __ATOMIC_RELAXED);
    emit(&b);
}

void check(int ok, const char *what, ...)
{
    va_list ap;
    va_start(ap, what);
    report(ok, NULL, what, ap);
    va_end(ap);
}

void check_eq(unsigned long got, unsigned long want, const char *what, ...)
{
    struct buf d;
    d.n = 0;
    /* ": got 0x.. (n), want 0x.. (n)" */
    const char *g = ": got 0x", *w = ", want 0x";
    while (*g)
        put(&d, *g++);
    put_num(&d, got, 16, 0, ' ', 0);
    put(&d, ' '), put(&d, '(');
    put_num(&d, (long)got < 0 ? -got : got, 10, 0, ' ', (long)got < 0);
    put(&d, ')');
    while (*w)
        put(&d, *w++);
    put_num(&d, want, 16, 0, ' ', 0);
    put(&d, ' '), put(&d, '(');
    put_num(&d, (long)want < 0 ? -want : want, 10, 0, ' ', (long)want < 0);
    put(&d, ')');
    d.s[d.n] = 0;
    va_list ap;
    va_start(ap, what);
    report(got == want, d.s, what, ap);
    va_end(ap);
}

void note(const char *fmt, ...)
{
    struct buf b;
    b.n = 0;
    const char *head = "info: ";
    while (*head)
        put(&b, *head++);
    va_list ap;
    va_start(ap, fmt);
    format(&b, fmt, ap);
    va_end(ap);
    put(&b, '\n');
    emit(&b);
}

unsigned long failures(void)
{
    return n_failed;
}

/* Failure: the finisher's FAIL code (status 1), from physical addresses. */
static void __attribute__((noreturn)) fail_exit(void)
{
    csr_clear(sstatus, SSTATUS_SIE);
    csr_write(satp, 0);
    __asm__ volatile("sfence.vma" ::: "memory");
    *(volatile uint32_t *)0x100000 = (1u << 16) | 0x3333;
    /* Not a sifive_test platform after all: SRST, "system failure". */
    sbi_system_reset(SBI_SRST_SHUTDOWN, SBI_SRST_REASON_SYSFAIL);
    for (;;)
        __asm__ volatile("wfi");
}

void test_done(void)
{
    if (n_failed == 0) {
        print("sbi-test %s: all %lu checks passed\n", test_name, n_checks);
        struct sbiret r = sbi_system_reset(SBI_SRST_SHUTDOWN, SBI_SRST_REASON_NONE);
        print("FAIL: SRST shutdown returned (error %ld)\n", r.error);
    } else {
        print("sbi-test %s: %lu of %lu checks FAILED\n", test_name, n_failed, n_checks);
    }
    fail_exit();
}

void test_fail_now(const char *why)
{
    __atomic_fetch_add(&n_failed, 1, __ATOMIC_RELAXED);
    print("FAIL: %s\n", why);
    print("sbi-test %s: stopped after %lu checks (%lu FAILED)\n", test_name, n_checks,
          n_failed);
    fail_exit();
}

void __attribute__((weak)) test_secondary(unsigned long hartid, unsigned long opaque)
{
    print("FAIL: hart %lu started (opaque %#lx), but this test has no test_secondary\n",
          hartid, opaque);
    test_fail_now("unexpected secondary hart");
}

/* ---- traps ---- */

void set_trap_hook(trap_hook_t hook)
{
    trap_hooks[this_hart()] = hook;
}

int trap_record_and_return(struct trap_frame *f)
{
    if (f->scause & CAUSE_INTR)
        return 0;
    struct trap_record *r = &last_trap[this_hart()];
    r->scause = f->scause;
    r->sepc = f->sepc;
    r->stval = f->stval;
    r->count++;
    f->sepc = f->regs[1]; /* back to the probe's caller */
    return 1;
}

void trap_dispatch(struct trap_frame *f)
{
    trap_hook_t hook = trap_hooks[this_hart()];
    if (hook && hook(f))
        return;
    print("FAIL: unexpected trap on hart %lu: scause=%#lx sepc=%#lx stval=%#lx sstatus=%#lx\n",
          this_hart(), f->scause, f->sepc, f->stval, f->sstatus);
    test_fail_now("unexpected trap");
}

/* ---- device tree ---- */

#define FDT_MAGIC 0xd00dfeed
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9

uint32_t fdt32(const void *p)
{
    const uint8_t *b = p;
    return ((uint32_t)b[0] << 24) | ((uint32_t)b[1] << 16) | ((uint32_t)b[2] << 8) | b[3];
}

int fdt_valid(const void *fdt)
{
    return fdt && ((unsigned long)fdt & 3) == 0 && fdt32(fdt) == FDT_MAGIC &&
           fdt32((const char *)fdt + 20) >= 16; /* version */
}

/* Walk the structure block; call fn for every property with the node's path and depth.
 * Returning nonzero from fn stops the walk. */
typedef int (*fdt_fn)(void *ctx, const char *path, int depth, const char *name,
                      const void *val, int len, int end_of_node);

static void fdt_walk(const void *fdt, fdt_fn fn, void *ctx)
{
    const char *base = fdt;
    const char *p = base + fdt32(base + 8);
    const char *strings = base + fdt32(base + 12);
    char path[256];
    int plen = 0, depth = 0;
    int starts[16];
    path[0] = 0;
    for (;;) {
        uint32_t tok = fdt32(p);
        p += 4;
        if (tok == FDT_BEGIN_NODE) {
            const char *name = p;
            unsigned long n = strlen(name);
            p += (n + 4) & ~3UL;
            if (depth < 16)
                starts[depth] = plen;
            depth++;
            if (depth > 1 && plen + n + 2 < sizeof(path)) {
                path[plen++] = '/';
                memcpy(path + plen, name, n);
                plen += (int)n;
                path[plen] = 0;
            }
        } else if (tok == FDT_END_NODE) {
            if (fn(ctx, depth == 1 ? "/" : path, depth, NULL, NULL, 0, 1))
                return;
            depth--;
            if (depth >= 0 && depth < 16)
                plen = starts[depth];
            path[plen] = 0;
        } else if (tok == FDT_PROP) {
            int len = (int)fdt32(p);
            const char *name = strings + fdt32(p + 4);
            p += 8;
            if (fn(ctx, depth == 1 ? "/" : path, depth, name, p, len, 0))
                return;
            p += (len + 3) & ~3;
        } else if (tok == FDT_NOP) {
            continue;
        } else {
            return; /* FDT_END or garbage */
        }
    }
}

struct find_ctx {
    const char *path, *name;
    const void *val;
    int len;
};

static int find_fn(void *vctx, const char *path, int depth, const char *name, const void *val,
                   int len, int end)
{
    struct find_ctx *c = vctx;
    if (end || strcmp(path, c->path) || strcmp(name, c->name))
        return 0;
    c->val = val;
    c->len = len;
    return 1;
}

const void *fdt_prop(const void *fdt, const char *path, const char *name, int *len)
{
    if (!fdt_valid(fdt))
        return NULL;
    struct find_ctx c = {path, name, NULL, 0};
    fdt_walk(fdt, find_fn, &c);
    if (len)
        *len = c.len;
    return c.val;
}

struct harts_ctx {
    unsigned long *ids;
    int max, n;
    int is_cpu, okay, has_reg;
    unsigned long reg;
};

static int harts_fn(void *vctx, const char *path, int depth, const char *name, const void *val,
                    int len, int end)
{
    struct harts_ctx *c = vctx;
    /* nodes /cpus/cpu@N are at depth 3 (the root is depth 1) */
    if (depth != 3 || path[0] != '/' || path[1] != 'c' || path[2] != 'p' || path[3] != 'u' ||
        path[4] != 's' || path[5] != '/' || path[6] != 'c' || path[7] != 'p' ||
        path[8] != 'u' || path[9] != '@')
        return 0;
    if (end) {
        if (c->is_cpu && c->okay && c->has_reg && c->n < c->max)
            c->ids[c->n++] = c->reg;
        c->is_cpu = 0, c->okay = 1, c->has_reg = 0;
        return 0;
    }
    if (!strcmp(name, "device_type"))
        c->is_cpu = !strcmp(val, "cpu");
    else if (!strcmp(name, "status"))
        c->okay = !strcmp(val, "okay") || !strcmp(val, "ok");
    else if (!strcmp(name, "reg") && len >= 4)
        c->has_reg = 1, c->reg = fdt32(val);
    return 0;
}

int fdt_harts(const void *fdt, unsigned long *ids, int max)
{
    if (!fdt_valid(fdt))
        return 0;
    struct harts_ctx c = {ids, max, 0, 0, 1, 0, 0};
    fdt_walk(fdt, harts_fn, &c);
    return c.n;
}

unsigned long bootarg(const void *fdt, const char *key, unsigned long def)
{
    int len;
    const char *args = fdt_prop(fdt, "/chosen", "bootargs", &len);
    if (!args)
        return def;
    unsigned long klen = strlen(key);
    for (const char *p = args; *p;) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        if ((unsigned long)(p - w) > klen && w[klen] == '=') {
            int same = 1;
            for (unsigned long i = 0; i < klen; i++)
                same &= w[i] == key[i];
            if (!same)
                continue;
            const char *v = w + klen + 1;
            unsigned long x = 0, base = 10;
            if (v[0] == '0' && (v[1] == 'x' || v[1] == 'X'))
                base = 16, v += 2;
            for (; v < p; v++) {
                unsigned d = *v >= 'a' ? *v - 'a' + 10 : *v >= 'A' ? *v - 'A' + 10 : *v - '0';
                x = x * base + d;
            }
            return x;
        }
    }
    return def;
}
