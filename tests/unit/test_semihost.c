/* Semihosting: every operation through semihost_call() with parameter blocks in a RAM region
 * of a real bus, a test environment that records console output, exits and guest errors and
 * plays scripted console input; host files in a temporary root, escapes refused. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "models/bus/bus.h"
#include "models/core/device.h"
#include "sim/semihost.h"
#include "tests/unit/unit.h"

enum {
    OPEN = 0x01, CLOSE = 0x02, WRITEC = 0x03, WRITE0 = 0x04, WRITE = 0x05, READ = 0x06,
    READC = 0x07, ISERROR = 0x08, ISTTY = 0x09, SEEK = 0x0a, FLEN = 0x0c, TMPNAM = 0x0d,
    REMOVE = 0x0e, RENAME = 0x0f, CLOCK = 0x10, TIME = 0x11, SYSTEM = 0x12, ERRNO = 0x13,
    GET_CMDLINE = 0x15, HEAPINFO = 0x16, EXIT = 0x18, EXIT_EXTENDED = 0x20, ELAPSED = 0x30,
    TICKFREQ = 0x31,
};
#define APP_EXIT 0x20026u

/* ---- Memory: RAM at 0x80000000, ROM at 0x1000, a register-only device at 0x10000000 ---- */

struct test_mem {
    struct device dev;
    uint8_t *buf;
    bool writable;
};

static uint8_t *mem_memory(struct device *dev, bool *writable)
{
    struct test_mem *m = (struct test_mem *)dev;
    *writable = m->writable;
    return m->buf;
}

static bool regs_read(struct device *dev, uint64_t off, unsigned size, uint64_t *val)
{
    return false; /* every access is a bus error */
}

static bool regs_write(struct device *dev, uint64_t off, unsigned size, uint64_t val)
{
    return false;
}

static const struct dev_type mem_type = {
    .name = "test-mem", .mapped = true, .access_sizes = 15, .memory = mem_memory,
};
static const struct dev_type regs_type = {
    .name = "test-regs", .mapped = true, .access_sizes = 15, .read = regs_read,
    .write = regs_write,
};

#define RAM 0x80000000ULL
#define RAM_SIZE 0x10000ULL
#define ROM 0x1000ULL
#define REGS 0x10000000ULL
#define UNMAPPED 0x40000000ULL
#define BLK (RAM + 0x100)  /* parameter block */
#define STR (RAM + 0x200)  /* path strings */
#define STR2 (RAM + 0x300)
#define BUF (RAM + 0x1000) /* data buffers */

/* ---- Test environment ---- */

struct test_env {
    struct sim_env env;
    struct clock clock;
    char out[8192];
    size_t nout;
    int script[64];
    int nscript, pos;
    int exit_code, nexits;
    char gerr[512];
    int ngerr;
};

static void te_write(void *owner, const uint8_t *buf, size_t n)
{
    struct test_env *te = owner;
    CU_ASSERT_FATAL(te->nout + n < sizeof(te->out));
    memcpy(te->out + te->nout, buf, n);
    te->nout += n;
    te->out[te->nout] = 0;
}

static int te_read(void *owner)
{
    struct test_env *te = owner;
    return te->pos < te->nscript ? te->script[te->pos++] : ENV_EOF;
}

static void te_exit(void *owner, int code)
{
    struct test_env *te = owner;
    te->exit_code = code;
    te->nexits++;
}

static void te_gerr(void *owner, const char *msg)
{
    struct test_env *te = owner;
    snprintf(te->gerr, sizeof(te->gerr), "%s", msg);
    te->ngerr++;
}

static struct bus bus;
static struct test_mem ram, rom, regs;
static struct test_env te;
static struct semihost *sh;
static char root[96], outside[64]; /* outside/root is the semihosting root */

static void map(struct test_mem *m, const struct dev_type *t, uint64_t base, uint64_t size,
                bool w)
{
    m->dev.type = t;
    m->dev.name = (char *)t->name;
    m->buf = t->memory ? calloc(1, size) : NULL;
    m->writable = w;
    char err[128];
    CU_ASSERT_EQUAL_FATAL(bus_map(&bus, &m->dev, base, size, err, sizeof(err)), 0);
}

static void start(const char *rootdir, const char *cmdline)
{
    bus_init(&bus);
    map(&ram, &mem_type, RAM, RAM_SIZE, true);
    map(&rom, &mem_type, ROM, 0x1000, false);
    map(&regs, &regs_type, REGS, 0x1000, false);
    memset(&te, 0, sizeof(te));
    clock_init(&te.clock);
    te.env.clock = &te.clock;
    te.env.owner = &te;
    te.env.console_write = te_write;
    te.env.console_read = te_read;
    te.env.exit_request = te_exit;
    te.env.guest_error = te_gerr;
    te.exit_code = -12345;
    struct semihost_config cfg = {rootdir, cmdline, 0x80100000, 0x80200000, 0x80400000,
                                  0x80300000};
    sh = semihost_new(&bus, &te.env, &cfg);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sh);
}

static void stop(void)
{
    semihost_free(sh);
    sh = NULL;
    bus_free(&bus);
    free(ram.buf);
    free(rom.buf);
}

/* ---- Guest-side helpers ---- */

static unsigned xl = 64; /* XLEN of the calls below */

static int64_t call(uint64_t op, uint64_t arg)
{
    uint64_t r = semihost_call(sh, xl, op, arg);
    if (xl == 32) {
        CU_ASSERT_EQUAL(r >> 32, 0); /* RV32 results fit a 32-bit register */
        return (int32_t)(uint32_t)r;
    }
    return (int64_t)r;
}

/* Parameter block at BLK: XLEN-sized words; blk(a, b, c) fills and returns BLK. */
static uint64_t blk_words(const uint64_t *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        CU_ASSERT_EQUAL(bus_write(&bus, BLK + i * (xl / 8), xl / 8, w[i]), BUS_OK);
    return BLK;
}
#define blk(...)                                                                             \
    blk_words((const uint64_t[]){__VA_ARGS__}, sizeof((uint64_t[]){__VA_ARGS__}) / 8)

static uint64_t word(uint64_t addr, int i)
{
    uint64_t v = 0;
    CU_ASSERT_EQUAL(bus_read(&bus, addr + (uint64_t)i * (xl / 8), xl / 8, &v), BUS_OK);
    return v;
}

static uint64_t str_at(uint64_t addr, const char *s)
{
    CU_ASSERT_EQUAL(bus_poke(&bus, addr, s, strlen(s) + 1), strlen(s) + 1);
    return addr;
}

static int64_t sopen(const char *path, unsigned mode)
{
    return call(OPEN, blk(str_at(STR, path), (uint64_t)mode, (uint64_t)strlen(path)));
}

static int64_t swrite(int64_t h, const char *data)
{
    size_t n = strlen(data);
    bus_poke(&bus, BUF, data, n);
    return call(WRITE, blk((uint64_t)h, BUF, (uint64_t)n));
}

/* Read up to n bytes into BUF; returns the bytes not read, *out gets what was read. */
static int64_t sread(int64_t h, size_t n, char *out)
{
    memset(ram.buf + (BUF - RAM), 0, n + 1);
    int64_t r = call(READ, blk((uint64_t)h, BUF, (uint64_t)n));
    bus_peek(&bus, BUF, out, n);
    out[n] = 0;
    return r;
}

static int64_t sclose(int64_t h) { return call(CLOSE, blk((uint64_t)h)); }
static int64_t serrno(void) { return call(ERRNO, 0); }

/* ---- Console ---- */

static void test_tt_output_writec_write0(void)
{
    start(NULL, NULL);
    for (xl = 32; xl <= 64; xl += 32) {
        te.nout = 0;
        int64_t out = sopen(":tt", 4), err = sopen(":tt", 8);
        CU_ASSERT(out >= 1 && err >= 1 && out != err);
        CU_ASSERT_EQUAL(swrite(out, "hello "), 0);
        CU_ASSERT_EQUAL(swrite(err, "world"), 0);
        uint8_t c = '!';
        bus_poke(&bus, STR, &c, 1);
        call(WRITEC, STR);
        call(WRITE0, str_at(STR, "\nline\n"));
        CU_ASSERT_STRING_EQUAL(te.out, "hello world!\nline\n");
        CU_ASSERT_EQUAL(call(ISTTY, blk(out)), 1);
        CU_ASSERT_EQUAL(call(FLEN, blk(out)), -1);
        CU_ASSERT_EQUAL(call(SEEK, blk(out, 0)), -1);
        CU_ASSERT_EQUAL(serrno(), ESPIPE);
        /* Output handles cannot be read. */
        char got[8];
        CU_ASSERT_EQUAL(sread(out, 4, got), 4);
        CU_ASSERT_EQUAL(serrno(), EBADF);
        CU_ASSERT_EQUAL(sclose(out), 0);
        CU_ASSERT_EQUAL(sclose(err), 0);
    }
    /* WRITE0 longer than any internal chunk. */
    te.nout = 0;
    char longs[1000];
    memset(longs, 'x', sizeof(longs) - 1);
    longs[sizeof(longs) - 1] = 0;
    call(WRITE0, str_at(BUF, longs));
    CU_ASSERT_STRING_EQUAL(te.out, longs);
    stop();
}

static void script(const int *v, int n)
{
    memcpy(te.script, v, (size_t)n * sizeof(int));
    te.nscript = n;
    te.pos = 0;
}

static void test_tt_input_read_and_readc(void)
{
    start(NULL, NULL);
    xl = 64;
    int64_t in = sopen(":tt", 0);
    CU_ASSERT(in >= 1);
    /* A terminal-style read: waits for the first byte, returns at the end of a line. */
    int s1[] = {ENV_NO_INPUT, ENV_NO_INPUT, 'a', 'b', '\n', 'c', 'd', ENV_EOF};
    script(s1, 8);
    char got[32];
    CU_ASSERT_EQUAL(sread(in, 10, got), 7);
    CU_ASSERT_STRING_EQUAL(got, "ab\n");
    CU_ASSERT_EQUAL(sread(in, 10, got), 8);
    CU_ASSERT_STRING_EQUAL(got, "cd");
    CU_ASSERT_EQUAL(te.pos, 8); /* EOF seen */
    CU_ASSERT_EQUAL(sread(in, 10, got), 10); /* nothing read: end of input */
    /* Stops when the buffer is full, even mid-line. */
    int s2[] = {'1', '2', '3', '4', '5'};
    script(s2, 5);
    CU_ASSERT_EQUAL(sread(in, 3, got), 0);
    CU_ASSERT_STRING_EQUAL(got, "123");
    /* Input pauses after some bytes: return what is there. */
    int s3[] = {'x', ENV_NO_INPUT, 'y'};
    script(s3, 3);
    CU_ASSERT_EQUAL(sread(in, 5, got), 4);
    CU_ASSERT_STRING_EQUAL(got, "x");

    int s4[] = {ENV_NO_INPUT, ENV_NO_INPUT, ENV_NO_INPUT, 'z', ENV_EOF};
    script(s4, 5);
    CU_ASSERT_EQUAL(call(READC, 0), 'z');
    CU_ASSERT_EQUAL(call(READC, 0), -1);
    xl = 32;
    CU_ASSERT_EQUAL(semihost_call(sh, 32, READC, 0), 0xffffffffu);
    /* Input handles cannot be written. */
    CU_ASSERT_EQUAL(swrite(in, "no"), 2);
    CU_ASSERT_EQUAL(serrno(), EBADF);
    CU_ASSERT_EQUAL(te.nout, 0);
    stop();
}

/* ---- Handles and the features file ---- */

static void test_handles_are_small_and_reused(void)
{
    start(NULL, NULL);
    xl = 64;
    int64_t a = sopen(":tt", 0), b = sopen(":tt", 4), c = sopen(":tt", 8);
    CU_ASSERT_EQUAL(a, 1);
    CU_ASSERT_EQUAL(b, 2);
    CU_ASSERT_EQUAL(c, 3);
    CU_ASSERT_EQUAL(sclose(b), 0);
    CU_ASSERT_EQUAL(sopen(":tt", 5), 2);
    CU_ASSERT_EQUAL(sclose(c), 0);
    CU_ASSERT_EQUAL(sclose(c), -1);
    CU_ASSERT_EQUAL(serrno(), EBADF);
    CU_ASSERT_EQUAL(sclose(0), -1);
    CU_ASSERT_EQUAL(sclose(1000000), -1);
    CU_ASSERT_EQUAL(call(ISTTY, blk(77)), -1);
    CU_ASSERT_EQUAL(call(FLEN, blk(77)), -1);
    CU_ASSERT_EQUAL(swrite(77, "abc"), 3);
    CU_ASSERT_EQUAL(serrno(), EBADF);
    CU_ASSERT_EQUAL(sopen(":tt", 12), -1);
    CU_ASSERT_EQUAL(serrno(), EINVAL);
    /* The table is bounded: the guest cannot exhaust host resources. */
    int64_t h;
    int n = 0;
    while ((h = sopen(":tt", 4)) > 0 && n < 10000)
        n++;
    CU_ASSERT_EQUAL(h, -1);
    CU_ASSERT(n > 100 && n < 10000);
    CU_ASSERT_EQUAL(serrno(), EMFILE);
    stop();
}

static void test_semihosting_features_file(void)
{
    start(NULL, NULL);
    for (xl = 32; xl <= 64; xl += 32) {
        int64_t h = sopen(":semihosting-features", 0);
        CU_ASSERT(h >= 1);
        CU_ASSERT_EQUAL(call(FLEN, blk(h)), 5);
        CU_ASSERT_EQUAL(call(ISTTY, blk(h)), 0);
        char got[16];
        CU_ASSERT_EQUAL(sread(h, 4, got), 0);
        CU_ASSERT_STRING_EQUAL(got, "SHFB");
        CU_ASSERT_EQUAL(sread(h, 4, got), 3);
        CU_ASSERT_EQUAL(got[0], 3); /* EXIT_EXTENDED | STDOUT_STDERR */
        CU_ASSERT_EQUAL(sread(h, 4, got), 4);
        CU_ASSERT_EQUAL(call(SEEK, blk(h, 4)), 0);
        CU_ASSERT_EQUAL(sread(h, 1, got), 0);
        CU_ASSERT_EQUAL(got[0], 3);
        CU_ASSERT_EQUAL(call(SEEK, blk(h, 6)), -1);
        CU_ASSERT_EQUAL(swrite(h, "x"), 1);
        CU_ASSERT_EQUAL(sclose(h), 0);
        CU_ASSERT_EQUAL(sopen(":semihosting-features", 1) > 0, 1);
        CU_ASSERT_EQUAL(sopen(":semihosting-features", 4), -1);
        CU_ASSERT_EQUAL(serrno(), EACCES);
    }
    stop();
}

/* ---- Host files ---- */

static void make_dirs(void)
{
    if (root[0])
        return;
    strcpy(outside, "/tmp/socsim-semi-XXXXXX");
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(outside));
    snprintf(root, sizeof(root), "%s/root", outside);
    CU_ASSERT_EQUAL_FATAL(mkdir(root, 0755), 0);
}

static char *host_path(char *buf, const char *dir, const char *name)
{
    snprintf(buf, 256, "%s/%s", dir, name);
    return buf;
}

static void write_host(const char *dir, const char *name, const char *data)
{
    char p[256];
    FILE *f = fopen(host_path(p, dir, name), "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(data, f);
    fclose(f);
}

static const char *read_host(const char *dir, const char *name)
{
    static char data[256];
    char p[256];
    data[0] = 0;
    FILE *f = fopen(host_path(p, dir, name), "r");
    if (!f)
        return "(missing)";
    size_t n = fread(data, 1, sizeof(data) - 1, f);
    data[n] = 0;
    fclose(f);
    return data;
}

static void test_no_root_refuses_host_files(void)
{
    make_dirs();
    write_host(root, "file.txt", "x");
    start(NULL, NULL);
    xl = 64;
    CU_ASSERT_EQUAL(sopen("file.txt", 0), -1);
    CU_ASSERT_EQUAL(serrno(), EACCES);
    CU_ASSERT_EQUAL(sopen("new.txt", 4), -1);
    CU_ASSERT_EQUAL(serrno(), EACCES);
    CU_ASSERT_EQUAL(call(REMOVE, blk(str_at(STR, "file.txt"), 8)), -1);
    CU_ASSERT_EQUAL(serrno(), EACCES);
    CU_ASSERT_EQUAL(call(RENAME, blk(str_at(STR, "file.txt"), 8, str_at(STR2, "b"), 1)), -1);
    CU_ASSERT_EQUAL(serrno(), EACCES);
    stop();
    /* A root that is not a directory: semihost_new fails with errno set. */
    bus_init(&bus);
    char p[256];
    struct semihost_config cfg = {host_path(p, root, "file.txt"), NULL, 0, 0, 0, 0};
    errno = 0;
    CU_ASSERT_PTR_NULL(semihost_new(&bus, &te.env, &cfg));
    CU_ASSERT_EQUAL(errno, ENOTDIR);
    bus_free(&bus);
}

static void test_host_file_ops_in_root(void)
{
    make_dirs();
    start(root, NULL);
    for (xl = 32; xl <= 64; xl += 32) {
        char got[64];
        int64_t h = sopen("out.txt", 4); /* w */
        CU_ASSERT_FATAL(h >= 1);
        CU_ASSERT_EQUAL(swrite(h, "data123"), 0);
        CU_ASSERT_EQUAL(call(ISTTY, blk(h)), 0);
        CU_ASSERT_EQUAL(sread(h, 4, got), 4); /* write-only */
        CU_ASSERT_EQUAL(sclose(h), 0);
        CU_ASSERT_STRING_EQUAL(read_host(root, "out.txt"), "data123");

        h = sopen("out.txt", 1); /* rb */
        CU_ASSERT_EQUAL(call(FLEN, blk(h)), 7);
        CU_ASSERT_EQUAL(sread(h, 4, got), 0);
        CU_ASSERT_STRING_EQUAL(got, "data");
        CU_ASSERT_EQUAL(call(SEEK, blk(h, 5)), 0);
        CU_ASSERT_EQUAL(sread(h, 10, got), 8);
        CU_ASSERT_STRING_EQUAL(got, "23");
        CU_ASSERT_EQUAL(sread(h, 10, got), 10); /* EOF */
        CU_ASSERT_EQUAL(swrite(h, "zz"), 2);     /* read-only */
        CU_ASSERT_EQUAL(sclose(h), 0);

        h = sopen("out.txt", 8); /* a */
        CU_ASSERT_EQUAL(swrite(h, "+app"), 0);
        sclose(h);
        CU_ASSERT_STRING_EQUAL(read_host(root, "out.txt"), "data123+app");
        h = sopen("out.txt", 2); /* r+ */
        CU_ASSERT_EQUAL(swrite(h, "DA"), 0);
        CU_ASSERT_EQUAL(call(SEEK, blk(h, 0)), 0);
        CU_ASSERT_EQUAL(sread(h, 4, got), 0);
        CU_ASSERT_STRING_EQUAL(got, "DAta");
        sclose(h);
        h = sopen("out.txt", 7); /* w+b truncates */
        CU_ASSERT_EQUAL(call(FLEN, blk(h)), 0);
        sclose(h);
        CU_ASSERT_STRING_EQUAL(read_host(root, "out.txt"), "");

        CU_ASSERT_EQUAL(sopen("missing.txt", 0), -1);
        CU_ASSERT_EQUAL(serrno(), ENOENT);

        /* Subdirectories, "." and repeated slashes are fine. */
        char p[256];
        mkdir(host_path(p, root, "sub"), 0755);
        h = sopen("sub/f.bin", 5);
        CU_ASSERT(h >= 1);
        swrite(h, "in sub");
        sclose(h);
        h = sopen("./sub//f.bin", 0);
        CU_ASSERT_EQUAL(sread(h, 6, got), 0);
        CU_ASSERT_STRING_EQUAL(got, "in sub");
        sclose(h);
        CU_ASSERT_EQUAL(sopen("sub", 0), -1);
        CU_ASSERT_EQUAL(serrno(), EISDIR);
        CU_ASSERT_EQUAL(sopen("sub/", 0), -1);
        CU_ASSERT_EQUAL(sopen("", 0), -1);
        CU_ASSERT_EQUAL(serrno(), ENOENT);

        /* Name length field is honoured even without a NUL right after. */
        str_at(STR, "sub/f.binXYZ");
        h = call(OPEN, blk(STR, 0, 9));
        CU_ASSERT(h >= 1);
        sclose(h);

        CU_ASSERT_EQUAL(call(RENAME, blk(str_at(STR, "sub/f.bin"), 9, str_at(STR2, "g.bin"),
                                         5)), 0);
        CU_ASSERT_STRING_EQUAL(read_host(root, "g.bin"), "in sub");
        CU_ASSERT_EQUAL(call(REMOVE, blk(str_at(STR, "g.bin"), 5)), 0);
        CU_ASSERT_STRING_EQUAL(read_host(root, "g.bin"), "(missing)");
        CU_ASSERT_NOT_EQUAL(call(REMOVE, blk(str_at(STR, "g.bin"), 5)), 0);
        CU_ASSERT_EQUAL(serrno(), ENOENT);
        CU_ASSERT_NOT_EQUAL(call(REMOVE, blk(str_at(STR, "sub"), 3)), 0);
        rmdir(host_path(p, root, "sub"));
        unlink(host_path(p, root, "out.txt"));
    }
    stop();
}

static void test_root_escapes_are_refused(void)
{
    make_dirs();
    char p[256], q[256];
    write_host(outside, "secret.txt", "secret");
    unlink(host_path(p, root, "passwd"));
    unlink(host_path(p, root, "link"));
    unlink(host_path(p, root, "up"));
    /* Every escape target is a decoy this test made: the suite runs as root in CI, and a
     * regression must never be able to reach a real system file. */
    CU_ASSERT_EQUAL(symlink(host_path(q, outside, "secret.txt"), host_path(p, root, "passwd")), 0);
    CU_ASSERT_EQUAL(symlink(host_path(q, outside, "secret.txt"), host_path(p, root, "link")), 0);
    CU_ASSERT_EQUAL(symlink("..", host_path(p, root, "up")), 0);
    write_host(root, "inside.txt", "ok");
    start(root, NULL);
    xl = 64;
    char abs_secret[256];
    host_path(abs_secret, outside, "secret.txt");
    const struct {
        const char *path;
        bool writes;
    } bad[] = {
        {"/nonexistent-socsim-test/secret.txt", true}, {"passwd", true}, {abs_secret, true},
        {"../secret.txt", true},
        {"link", true}, {"up/secret.txt", true}, {"up/root/inside.txt", true},
        {"sub/../../secret.txt", true}, {"..", true}, {"./../secret.txt", true},
        {"inside.txt/../../secret.txt", true},
    };
    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        for (unsigned mode = 0; mode < (bad[i].writes ? 12u : 4u); mode++) {
            int64_t h = sopen(bad[i].path, mode);
            if (h != -1)
                printf("\n  not refused: %s mode %u\n", bad[i].path, mode);
            CU_ASSERT_EQUAL(h, -1);
            CU_ASSERT_EQUAL(serrno(), EACCES);
        }
    }
    /* Nothing outside was touched (mode 4 would have truncated it). */
    CU_ASSERT_STRING_EQUAL(read_host(outside, "secret.txt"), "secret");
    CU_ASSERT_EQUAL(call(REMOVE, blk(str_at(STR, "../secret.txt"), 13)), -1);
    CU_ASSERT_EQUAL(call(REMOVE, blk(str_at(STR, "up/secret.txt"), 13)), -1);
    CU_ASSERT_EQUAL(call(RENAME, blk(str_at(STR, "inside.txt"), 10,
                                     str_at(STR2, "../moved.txt"), 12)), -1);
    CU_ASSERT_EQUAL(call(RENAME, blk(str_at(STR, "up/secret.txt"), 13,
                                     str_at(STR2, "stolen.txt"), 10)), -1);
    CU_ASSERT_EQUAL(serrno(), EACCES);
    CU_ASSERT_STRING_EQUAL(read_host(outside, "secret.txt"), "secret");
    CU_ASSERT_STRING_EQUAL(read_host(outside, "moved.txt"), "(missing)");
    CU_ASSERT_STRING_EQUAL(read_host(root, "inside.txt"), "ok");
    /* Removing a symlink removes the link itself, never its target. */
    CU_ASSERT_EQUAL(call(REMOVE, blk(str_at(STR, "link"), 4)), 0);
    CU_ASSERT_STRING_EQUAL(read_host(outside, "secret.txt"), "secret");
    /* A FIFO inside the root is refused without blocking. */
    CU_ASSERT_EQUAL(mkfifo(host_path(p, root, "fifo"), 0644), 0);
    CU_ASSERT_EQUAL(sopen("fifo", 0), -1);
    CU_ASSERT_EQUAL(serrno(), EACCES);
    unlink(p);
    stop();
}

/* ---- Bad pointers ---- */

static void test_bad_pointers_give_efault(void)
{
    make_dirs();
    write_host(root, "inside.txt", "ok");
    start(root, NULL);
    for (xl = 32; xl <= 64; xl += 32) {
        uint64_t bad_blocks[] = {UNMAPPED, REGS, RAM + RAM_SIZE - 2, 0};
        for (unsigned i = 0; i < 4; i++) {
            uint64_t b = bad_blocks[i];
            CU_ASSERT_EQUAL(call(OPEN, b), -1);
            CU_ASSERT_EQUAL(serrno(), EFAULT);
            CU_ASSERT_EQUAL(call(CLOSE, b), -1);
            CU_ASSERT_EQUAL(call(WRITE, b), -1);
            CU_ASSERT_EQUAL(call(READ, b), -1);
            CU_ASSERT_EQUAL(call(ISERROR, b), -1);
            CU_ASSERT_EQUAL(call(ISTTY, b), -1);
            CU_ASSERT_EQUAL(call(SEEK, b), -1);
            CU_ASSERT_EQUAL(call(FLEN, b), -1);
            CU_ASSERT_EQUAL(call(REMOVE, b), -1);
            CU_ASSERT_EQUAL(call(RENAME, b), -1);
            CU_ASSERT_EQUAL(call(GET_CMDLINE, b), -1);
            CU_ASSERT_EQUAL(call(HEAPINFO, b), -1);
            CU_ASSERT_EQUAL(call(ELAPSED, b), -1);
            CU_ASSERT_EQUAL(serrno(), EFAULT);
        }
        te.nout = 0;
        call(WRITEC, UNMAPPED);
        call(WRITE0, UNMAPPED);
        CU_ASSERT_EQUAL(te.nout, 0);
        /* A string that runs off the end of RAM without a NUL: printed up to there. */
        memset(ram.buf + RAM_SIZE - 3, 'e', 3);
        call(WRITE0, RAM + RAM_SIZE - 3);
        CU_ASSERT_STRING_EQUAL(te.out, "eee");
        CU_ASSERT_EQUAL(serrno(), EFAULT);
        memset(ram.buf + RAM_SIZE - 3, 0, 3);

        /* Path pointers. */
        CU_ASSERT_EQUAL(call(OPEN, blk(UNMAPPED, 0, 4)), -1);
        CU_ASSERT_EQUAL(serrno(), EFAULT);
        CU_ASSERT_EQUAL(call(OPEN, blk(RAM + RAM_SIZE - 2, 0, 10)), -1);
        CU_ASSERT_EQUAL(serrno(), EFAULT);
        CU_ASSERT_EQUAL(call(REMOVE, blk(UNMAPPED, 4)), -1);
        CU_ASSERT_EQUAL(call(OPEN, blk(STR, 0, 100000)), -1);
        CU_ASSERT_EQUAL(serrno(), ENAMETOOLONG);

        /* Buffers: READ/WRITE answer "nothing transferred" and set EFAULT. */
        int64_t out = sopen(":tt", 4), f = sopen("inside.txt", 0);
        CU_ASSERT_EQUAL(call(WRITE, blk(out, UNMAPPED, 5)), 5);
        CU_ASSERT_EQUAL(serrno(), EFAULT);
        CU_ASSERT_EQUAL(call(WRITE, blk(out, RAM + RAM_SIZE - 2, 5)), 5);
        CU_ASSERT_EQUAL(call(WRITE, blk(out, REGS, 4)), 4);
        CU_ASSERT_EQUAL(call(READ, blk(f, ROM, 2)), 2); /* ROM is not guest-writable */
        CU_ASSERT_EQUAL(serrno(), EFAULT);
        CU_ASSERT_EQUAL(call(READ, blk(f, UNMAPPED, 2)), 2);
        uint64_t huge = xl == 32 ? 0xfffffff0u : 0x8000000000000000ULL;
        CU_ASSERT_EQUAL((uint64_t)call(WRITE, blk(out, BUF, huge)) & (xl == 32 ? 0xffffffffu : ~0ULL), huge);
        CU_ASSERT_EQUAL(serrno(), EFAULT);
        CU_ASSERT_EQUAL(te.nout, 3); /* only the "eee" above */
        sclose(out);
        sclose(f);

        /* HEAPINFO: the block pointer itself points nowhere. */
        bus_write(&bus, BLK, xl / 8, UNMAPPED);
        CU_ASSERT_EQUAL(call(HEAPINFO, BLK), -1);
        bus_write(&bus, BLK, xl / 8, ROM);
        CU_ASSERT_EQUAL(call(HEAPINFO, BLK), -1);
        /* GET_CMDLINE into ROM. */
        CU_ASSERT_EQUAL(call(GET_CMDLINE, blk(ROM, 64)), -1);
        CU_ASSERT_EQUAL(serrno(), EFAULT);
    }
    stop();
}

/* ---- Exit ---- */

static void test_exit_rv32_reason_in_register(void)
{
    start(NULL, NULL);
    xl = 32;
    call(EXIT, APP_EXIT);
    CU_ASSERT_EQUAL(te.nexits, 1);
    CU_ASSERT_EQUAL(te.exit_code, 0);
    call(EXIT, 0x20023); /* RunTimeErrorUnknown */
    CU_ASSERT_EQUAL(te.exit_code, 1);
    call(EXIT, 0);
    CU_ASSERT_EQUAL(te.exit_code, 1);
    CU_ASSERT_EQUAL(te.nexits, 3);
    stop();
}

static void test_exit_rv64_block(void)
{
    start(NULL, NULL);
    xl = 64;
    call(EXIT, blk((uint64_t)APP_EXIT, (uint64_t)3));
    CU_ASSERT_EQUAL(te.exit_code, 3);
    call(EXIT, blk((uint64_t)APP_EXIT, (uint64_t)0));
    CU_ASSERT_EQUAL(te.exit_code, 0);
    call(EXIT, blk((uint64_t)0x20024, (uint64_t)5)); /* InternalError: failure */
    CU_ASSERT_EQUAL(te.exit_code, 1);
    call(EXIT, blk((uint64_t)APP_EXIT, (uint64_t)-1));
    CU_ASSERT_EQUAL(te.exit_code, -1);
    CU_ASSERT_EQUAL(te.ngerr, 0);
    /* Unreadable block: still stops, as a failure, with a guest error. */
    call(EXIT, UNMAPPED);
    CU_ASSERT_EQUAL(te.exit_code, 1);
    CU_ASSERT_EQUAL(te.nexits, 5);
    CU_ASSERT_PTR_NOT_NULL(strstr(te.gerr, "semihosting: SYS_EXIT parameter block at 0x40000000"));
    stop();
}

static void test_exit_extended_both_xlens(void)
{
    start(NULL, NULL);
    xl = 32;
    call(EXIT_EXTENDED, blk((uint64_t)APP_EXIT, (uint64_t)42));
    CU_ASSERT_EQUAL(te.exit_code, 42);
    call(EXIT_EXTENDED, blk((uint64_t)APP_EXIT, (uint64_t)0xffffffffu));
    CU_ASSERT_EQUAL(te.exit_code, -1);
    call(EXIT_EXTENDED, blk((uint64_t)0x20020, (uint64_t)0));
    CU_ASSERT_EQUAL(te.exit_code, 1);
    xl = 64;
    call(EXIT_EXTENDED, blk((uint64_t)APP_EXIT, (uint64_t)7));
    CU_ASSERT_EQUAL(te.exit_code, 7);
    call(EXIT_EXTENDED, REGS);
    CU_ASSERT_EQUAL(te.exit_code, 1);
    CU_ASSERT_EQUAL(te.nexits, 5);
    stop();
}

/* ---- Time ---- */

static void test_time_is_simulated(void)
{
    start(NULL, NULL);
    te.clock.now = 2500000000000ULL; /* 2.5 s */
    for (xl = 32; xl <= 64; xl += 32) {
        te.env.timebase_hz = 0;
        CU_ASSERT_EQUAL(call(CLOCK, 0), 250);
        CU_ASSERT_EQUAL(call(TIME, 0), 2);
        CU_ASSERT_EQUAL(call(TICKFREQ, 0), 1000000);
        CU_ASSERT_EQUAL(call(ELAPSED, BLK), 0);
        CU_ASSERT_EQUAL(word(BLK, 0), 2500000);
        te.env.timebase_hz = 10000000;
        CU_ASSERT_EQUAL(call(TICKFREQ, 0), 10000000);
        CU_ASSERT_EQUAL(call(ELAPSED, BLK), 0);
        CU_ASSERT_EQUAL(word(BLK, 0), 25000000);
    }
    /* 64-bit tick count: two words on RV32 (low first), one on RV64. */
    te.clock.now = 500 * PS_PER_SEC; /* 5e9 ticks at 10 MHz */
    xl = 32;
    blk((uint64_t)0, (uint64_t)0);
    CU_ASSERT_EQUAL(call(ELAPSED, BLK), 0);
    CU_ASSERT_EQUAL(word(BLK, 0), 5000000000ULL & 0xffffffffu);
    CU_ASSERT_EQUAL(word(BLK, 1), 1);
    xl = 64;
    blk((uint64_t)0, (uint64_t)0x1234);
    CU_ASSERT_EQUAL(call(ELAPSED, BLK), 0);
    CU_ASSERT_EQUAL(word(BLK, 0), 5000000000ULL);
    CU_ASSERT_EQUAL(word(BLK, 1), 0x1234); /* untouched */
    CU_ASSERT_EQUAL(call(TIME, 0), 500);
    CU_ASSERT_EQUAL(call(CLOCK, 0), 50000);
    stop();
}

/* ---- The rest ---- */

static void test_cmdline_and_heapinfo(void)
{
    start(NULL, "fw.elf --verbose");
    for (xl = 32; xl <= 64; xl += 32) {
        memset(ram.buf + (BUF - RAM), 'x', 64);
        CU_ASSERT_EQUAL(call(GET_CMDLINE, blk(BUF, 64)), 0);
        CU_ASSERT_STRING_EQUAL((char *)ram.buf + (BUF - RAM), "fw.elf --verbose");
        CU_ASSERT_EQUAL(word(BLK, 0), BUF);
        CU_ASSERT_EQUAL(word(BLK, 1), 16);
        CU_ASSERT_EQUAL(call(GET_CMDLINE, blk(BUF, 17)), 0);
        CU_ASSERT_EQUAL(call(GET_CMDLINE, blk(BUF, 16)), -1); /* no room for the NUL */
        CU_ASSERT_EQUAL(word(BLK, 1), 16);                        /* untouched */

        /* HEAPINFO: the parameter is the address of a pointer to the 4-word block. */
        bus_write(&bus, BLK, xl / 8, BUF);
        CU_ASSERT_EQUAL(call(HEAPINFO, BLK), 0);
        CU_ASSERT_EQUAL(word(BUF, 0), 0x80100000);
        CU_ASSERT_EQUAL(word(BUF, 1), 0x80200000);
        CU_ASSERT_EQUAL(word(BUF, 2), 0x80400000);
        CU_ASSERT_EQUAL(word(BUF, 3), 0x80300000);
        CU_ASSERT_EQUAL(word(BLK, 0), BUF);
    }
    stop();
    start(NULL, NULL);
    xl = 64;
    CU_ASSERT_EQUAL(call(GET_CMDLINE, blk(BUF, 1)), 0);
    CU_ASSERT_EQUAL(ram.buf[BUF - RAM], 0);
    CU_ASSERT_EQUAL(word(BLK, 1), 0);
    CU_ASSERT_EQUAL(call(GET_CMDLINE, blk(BUF, 0)), -1);
    stop();
}

static void test_iserror_errno_and_refusals(void)
{
    start(NULL, NULL);
    xl = 32;
    CU_ASSERT_EQUAL(call(ISERROR, blk((uint64_t)0xffffffffu)), 1);
    CU_ASSERT_EQUAL(call(ISERROR, blk((uint64_t)0)), 0);
    CU_ASSERT_EQUAL(call(ISERROR, blk((uint64_t)5)), 0);
    xl = 64;
    CU_ASSERT_EQUAL(call(ISERROR, blk((uint64_t)-2)), 1);
    CU_ASSERT_EQUAL(call(ISERROR, blk((uint64_t)0xffffffffu)), 0);

    CU_ASSERT_EQUAL(call(TMPNAM, blk(BUF, 1, 64)), -1);
    CU_ASSERT_EQUAL(serrno(), ENOSYS);
    CU_ASSERT_EQUAL(call(SYSTEM, blk(str_at(STR, "touch /tmp/pwned"), 16)), -1);
    CU_ASSERT_EQUAL(serrno(), EACCES);
    CU_ASSERT_PTR_NOT_NULL(strstr(te.gerr, "SYS_SYSTEM refused"));
    CU_ASSERT_EQUAL(access("/tmp/pwned", F_OK), -1);

    te.ngerr = 0;
    CU_ASSERT_EQUAL(call(0x99, 0x1234), -1);
    CU_ASSERT_EQUAL(te.ngerr, 1);
    CU_ASSERT_STRING_EQUAL(te.gerr, "semihosting: unknown operation 0x99 (parameter 0x1234)");
    CU_ASSERT_EQUAL(call(0x19, 0), -1); /* SYNCCACHE: reserved */
    CU_ASSERT_EQUAL(serrno(), ENOSYS);
    /* The operation number is the low 32 bits of a0. */
    CU_ASSERT_EQUAL(call(0xabcd000000000000ULL | TIME, 0), 0);
    CU_ASSERT_EQUAL(te.ngerr, 2);
    /* RV32 results are 32-bit: -1 is 0xffffffff. */
    CU_ASSERT_EQUAL(semihost_call(sh, 32, TMPNAM, 0), 0xffffffffu);
    CU_ASSERT_EQUAL(semihost_call(sh, 64, TMPNAM, 0), UINT64_MAX);
    stop();
}

static void test_zz_cleanup(void)
{
    if (!outside[0])
        return;
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", outside);
    CU_ASSERT_EQUAL(system(cmd), 0);
}

UNIT_MAIN("semihost", T(test_tt_output_writec_write0), T(test_tt_input_read_and_readc),
          T(test_handles_are_small_and_reused), T(test_semihosting_features_file),
          T(test_no_root_refuses_host_files), T(test_host_file_ops_in_root),
          T(test_root_escapes_are_refused), T(test_bad_pointers_give_efault),
          T(test_exit_rv32_reason_in_register), T(test_exit_rv64_block),
          T(test_exit_extended_both_xlens), T(test_time_is_simulated),
          T(test_cmdline_and_heapinfo), T(test_iserror_errno_and_refusals), T(test_zz_cleanup))
