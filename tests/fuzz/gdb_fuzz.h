/* Fuzzing the GDB server (gdb/): a fake target, a client on a Unix socket, and one function
 * that plays one input against a live server as a client would, checking that everything the
 * server sends is well framed and that it never hangs. Shared by tests/fuzz/fuzz_gdb_packet.c
 * (libFuzzer, or the standalone driver when clang's libFuzzer is missing) and by
 * tests/unit/test_gdb.c, which runs the standalone driver for a few seconds in `make test`.
 *
 * An input is segments separated by '\n'. A segment is sent framed as $SEGMENT#checksum with the
 * right checksum, unless it starts with 0x01 (the rest is sent raw: framing-level fuzzing) or
 * 0x02 (framed with a wrong checksum). So most inputs reach the command parsers instead of
 * dying at the checksum. */
#ifndef SOCSIM_TESTS_GDB_FUZZ_H
#define SOCSIM_TESTS_GDB_FUZZ_H

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "gdb/gdb.h"

#define GF_THREADS 4
#define GF_MEM_BASE 0x1000u
#define GF_MEM_SIZE 4096u
#define GF_REGS 6

/* A small target: 4 threads, registers of 4 and 8 bytes with one regnum absent, 4 KiB of
 * memory, XML with characters that need escaping, a monitor. */
struct gf_target {
    uint8_t regs[GF_THREADS][GF_REGS][8];
    uint8_t mem[GF_MEM_SIZE];
    unsigned bps;
};

static inline unsigned gf_thread_count(void *t)
{
    return GF_THREADS;
}

static inline void gf_thread_info(void *t, unsigned thread, char *buf, size_t size)
{
    snprintf(buf, size, "hart %u <&\"'>", thread - 1);
}

static inline const char *gf_target_xml(void *t, const char *annex)
{
    if (!strcmp(annex, "target.xml"))
        return "<?xml version=\"1.0\"?><target><xi:include href=\"extra.xml\"/></target>";
    if (!strcmp(annex, "extra.xml"))
        return "<feature name=\"x\"><!-- #$}* --><reg name=\"r0\" bitsize=\"32\"/></feature>";
    return NULL;
}

static inline unsigned gf_reg_count(void *t)
{
    return GF_REGS;
}

static inline int gf_reg_size(unsigned regnum)
{
    return regnum == 2 ? -1 : regnum == 3 ? 8 : 4;
}

static inline int gf_read_reg(void *t, unsigned thread, unsigned regnum, uint8_t *buf,
                              size_t bufsize)
{
    struct gf_target *f = t;
    if (thread < 1 || thread > GF_THREADS) {
        fprintf(stderr, "gdb fuzz: read_reg(%u, %u) out of range\n", thread, regnum);
        abort();
    }
    if (regnum >= GF_REGS) /* p/P reach any regnum; this target has no such register */
        return -1;
    int n = gf_reg_size(regnum);
    if (n > 0)
        memcpy(buf, f->regs[thread - 1][regnum], (size_t)n);
    return n;
}

static inline int gf_write_reg(void *t, unsigned thread, unsigned regnum, const uint8_t *buf,
                               size_t len)
{
    struct gf_target *f = t;
    if (regnum >= GF_REGS)
        return -1;
    if (thread < 1 || thread > GF_THREADS || (int)len != gf_reg_size(regnum)) {
        fprintf(stderr, "gdb fuzz: write_reg(%u, %u, len %zu) invalid\n", thread, regnum, len);
        abort();
    }
    memcpy(f->regs[thread - 1][regnum], buf, len);
    return regnum == 5 ? -1 : 0;
}

static inline size_t gf_mem(struct gf_target *f, unsigned thread, uint64_t addr, uint8_t *rd,
                            const uint8_t *wr, size_t len)
{
    if (thread < 1 || thread > GF_THREADS || len > 0x4000) {
        fprintf(stderr, "gdb fuzz: memory access thread %u len %zu\n", thread, len);
        abort();
    }
    size_t k = 0;
    for (; k < len; k++) {
        uint64_t a = addr + k;
        if (a < addr || a < GF_MEM_BASE || a >= GF_MEM_BASE + GF_MEM_SIZE)
            break;
        if (rd)
            rd[k] = f->mem[a - GF_MEM_BASE];
        else
            f->mem[a - GF_MEM_BASE] = wr[k];
    }
    return k;
}

static inline size_t gf_read_mem(void *t, unsigned thread, uint64_t addr, uint8_t *buf,
                                 size_t len)
{
    return gf_mem(t, thread, addr, buf, NULL, len);
}

static inline size_t gf_write_mem(void *t, unsigned thread, uint64_t addr,
                                  const uint8_t *buf, size_t len)
{
    return gf_mem(t, thread, addr, NULL, buf, len);
}

static inline const char *gf_memory_map(void *t)
{
    return "<memory-map><memory type=\"ram\" start=\"0x1000\" length=\"0x1000\"/></memory-map>";
}

/* Results vary with the address so every reply path is reached: done, refused, unsupported. */
static inline int gf_bp(void *t, enum gdb_bp_type type, uint64_t addr, uint64_t kind)
{
    struct gf_target *f = t;
    if ((unsigned)type > GDB_WP_ACCESS)
        abort();
    f->bps++;
    return addr % 3 == 0 ? 0 : addr % 3 == 1 ? -1 : 1;
}

static inline int gf_monitor(void *t, const char *cmd,
                             void (*out)(void *ctx, const char *text), void *ctx)
{
    out(ctx, cmd);
    out(ctx, "\n");
    if (!strcmp(cmd, "big")) {
        char line[3000];
        memset(line, '*', sizeof(line) - 1);
        line[sizeof(line) - 1] = 0;
        out(ctx, line);
    }
    return cmd[0] == 'f' ? -1 : 0;
}

static const struct gdb_target_ops gf_ops = {
    .thread_count = gf_thread_count,
    .thread_info = gf_thread_info,
    .target_xml = gf_target_xml,
    .reg_count = gf_reg_count,
    .read_reg = gf_read_reg,
    .write_reg = gf_write_reg,
    .read_mem = gf_read_mem,
    .write_mem = gf_write_mem,
    .memory_map_xml = gf_memory_map,
    .insert_bp = gf_bp,
    .remove_bp = gf_bp,
    .monitor = gf_monitor,
};

/* ---- the client side ---- */

struct gdb_fuzz {
    struct gf_target target;
    struct gdb_server *s;
    char path[108];
    int fd;
    unsigned stops;
    /* Checking the server's output stream. */
    int state;
    uint8_t sum, sent;
    unsigned long packets;
};

static inline void gf_fail(const char *what)
{
    fprintf(stderr, "gdb fuzz: %s\n", what);
    abort();
}

/* Everything the server sends: acks, or $data#xx with a correct checksum, with no '$' or '#'
 * inside and '*' always followed by a valid run-length count. */
static inline void gf_check_output(struct gdb_fuzz *z, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        switch (z->state) {
        case 0:
            if (c == '$') {
                z->state = 1;
                z->sum = 0;
            } else if (c != '+' && c != '-') {
                gf_fail("byte outside a packet");
            }
            break;
        case 1:
        case 2: /* 2: just after '*' */
            if (c == '#') {
                if (z->state == 2)
                    gf_fail("packet ends inside run-length encoding");
                z->state = 3;
                break;
            }
            if (c == '$')
                gf_fail("'$' inside a packet");
            if (z->state == 2 && (c < 32 || c > 126))
                gf_fail("bad run-length count");
            z->sum += c;
            z->state = c == '*' && z->state == 1 ? 2 : 1;
            break;
        case 3:
        case 4: {
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (v < 0)
                gf_fail("checksum is not lowercase hex");
            z->sent = (uint8_t)(z->sent << 4 | v);
            if (z->state == 4) {
                if (z->sent != z->sum)
                    gf_fail("wrong checksum");
                z->packets++;
                z->state = 0;
            } else {
                z->state = 4;
            }
            break;
        }
        }
    }
}

static inline void gf_drain(struct gdb_fuzz *z)
{
    uint8_t buf[65536];
    for (;;) {
        ssize_t n = z->fd >= 0 ? recv(z->fd, buf, sizeof(buf), MSG_DONTWAIT) : -1;
        if (n <= 0)
            return;
        gf_check_output(z, buf, (size_t)n);
    }
}

static inline void gf_connect(struct gdb_fuzz *z)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    strcpy(sa.sun_path, z->path);
    z->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (z->fd < 0 || connect(z->fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
        gf_fail("cannot connect");
    fcntl(z->fd, F_SETFL, O_NONBLOCK);
    z->state = 0;
}

/* Play the engine: answer every event as socsim's would. Returns the number of events. */
static inline unsigned gf_pump(struct gdb_fuzz *z)
{
    unsigned events = 0;
    for (int i = 0; i < 8; i++) {
        struct gdb_resume r;
        memset(&r, 0xa5, sizeof(r));
        enum gdb_event ev = gdb_server_poll(z->s, false, &r);
        gf_drain(z);
        if (ev == GDB_EV_NONE)
            break;
        events++;
        struct gdb_stop st = {.kind = GDB_STOP_SIGNAL, .signal = 5, .thread = 1};
        switch (ev) {
        case GDB_EV_RESUME: {
            bool runs = false;
            if (r.nthreads != GF_THREADS)
                gf_fail("resume: wrong thread count");
            for (unsigned t = 1; t <= r.nthreads; t++) {
                if (r.action[t] > GDB_ACT_STEP)
                    gf_fail("resume: bad action");
                runs |= r.action[t] != GDB_ACT_STOP;
                if (r.action[t] != GDB_ACT_STOP)
                    st.thread = t;
            }
            if (!runs)
                gf_fail("resume that runs nothing");
            /* Vary the stop so every stop reply form is produced. */
            unsigned k = z->stops++ % 7;
            st.kind = k < 5 ? (enum gdb_stop_kind)k : GDB_STOP_SIGNAL;
            st.watch_type = (enum gdb_bp_type)(2 + k % 3);
            st.watch_addr = 0x1000 + k;
            st.exit_code = (int)k;
            st.signal = (int)k * 3;
            gdb_server_stopped(z->s, &st);
            break;
        }
        case GDB_EV_INTERRUPT:
        case GDB_EV_RESTART:
            st.signal = 2;
            gdb_server_stopped(z->s, &st);
            break;
        default: /* detach, kill, disconnect: the connection is gone */
            break;
        }
        if (!gdb_server_connected(z->s)) {
            if (z->fd >= 0)
                close(z->fd);
            z->fd = -1;
            return events;
        }
    }
    return events;
}

static inline void gf_send(struct gdb_fuzz *z, const uint8_t *p, size_t n)
{
    int stalls = 0;
    while (n && z->fd >= 0) {
        ssize_t k = send(z->fd, p, n, MSG_NOSIGNAL);
        if (k > 0) {
            p += k;
            n -= (size_t)k;
            stalls = 0;
        } else if (k < 0 && errno == EAGAIN) {
            if (!gf_pump(z) && ++stalls > 10000)
                gf_fail("server stopped reading");
        } else {
            return; /* the server closed the connection (D, k) */
        }
    }
    gf_pump(z);
}

static inline struct gdb_fuzz *gdb_fuzz_new(void)
{
    struct gdb_fuzz *z = calloc(1, sizeof(*z));
    char addr[128], err[256];
    snprintf(z->path, sizeof(z->path), "/tmp/socsim-gdb-fuzz-%d-%p", (int)getpid(), (void *)z);
    snprintf(addr, sizeof(addr), "unix:%s", z->path);
    for (unsigned i = 0; i < GF_MEM_SIZE; i++)
        z->target.mem[i] = (uint8_t)(i * 7);
    z->s = gdb_server_new(&gf_ops, &z->target, addr, err, sizeof(err));
    if (!z->s) {
        fprintf(stderr, "gdb fuzz: %s\n", err);
        abort();
    }
    z->fd = -1;
    return z;
}

static inline void gdb_fuzz_free(struct gdb_fuzz *z)
{
    if (z->fd >= 0)
        close(z->fd);
    gdb_server_free(z->s);
    free(z);
}

static inline void gdb_fuzz_one(struct gdb_fuzz *z, const uint8_t *data, size_t len)
{
    gf_connect(z);
    gf_pump(z); /* accept: the engine halts the target */
    static const char hex[] = "0123456789abcdef";
    size_t i = 0;
    while (i <= len && z->fd >= 0) {
        size_t j = i;
        while (j < len && data[j] != '\n')
            j++;
        const uint8_t *seg = data + i;
        size_t n = j - i;
        if (n && seg[0] == 0x01) {
            gf_send(z, seg + 1, n - 1);
        } else {
            bool bad = n && seg[0] == 0x02;
            if (bad) {
                seg++;
                n--;
            }
            uint8_t sum = 0;
            for (size_t k = 0; k < n; k++)
                sum += seg[k];
            if (bad)
                sum ^= 0x5a;
            uint8_t tail[3] = {'#', (uint8_t)hex[sum >> 4], (uint8_t)hex[sum & 15]};
            gf_send(z, (const uint8_t *)"$", 1);
            gf_send(z, seg, n);
            gf_send(z, tail, 3);
        }
        i = j + 1;
    }
    /* Hang up; the server must notice within a bounded number of polls. */
    if (z->fd >= 0) {
        gf_drain(z);
        close(z->fd);
        z->fd = -1;
    }
    for (int k = 0; gdb_server_connected(z->s); k++) {
        if (k > 100000)
            gf_fail("the server does not notice the client is gone");
        gf_pump(z);
    }
}

/* ---- the standalone driver: random and mutated packets ---- */

static const char *const gf_seeds[] = {
    ("qSupported:multiprocess+;swbreak+;hwbreak+;qRelocInsn+;fork-events+;vfork-events+;"
     "exec-events+;vContSupported+;QThreadEvents+;no-resumed+"),
    "vMustReplyEmpty", "QStartNoAckMode", "Hg0", "Hg2", "Hc-1", "Hc3", "Hgp1.2",
    "qXfer:features:read:target.xml:0,1000", "qXfer:features:read:extra.xml:10,7",
    "qXfer:threads:read::0,20", "qXfer:threads:read::20,1000", "qXfer:memory-map:read::0,1000",
    "qXfer:auxv:read::0,100", "qTStatus", "?", "qfThreadInfo", "qsThreadInfo", "qC",
    "qAttached", "qAttached:1", "qOffsets", "qSymbol::", "qThreadExtraInfo,2", "g",
    "G0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c", "p3", "p2",
    "P3=0102030405060708", "P5=01020304", "m1000,40", "m1ff8,10", "mffffffffffffffff,2",
    "M1000,4:01020304", "X1000,4:ab}]c", "X1000,0:", "Z0,1000,4", "z0,1000,4", "Z1,1001,2",
    "Z2,1002,8", "Z3,1003,1;X2,ab", "Z4,1004,4", "vCont?", "vCont;s:1;c", "vCont;c",
    "vCont;C05:2;t", "vCont;s:p1.3", "c", "s", "C05", "S02", "T1", "T9", "qRcmd,68656c6c6f",
    "qRcmd,626967", "qRcmd,6661696c", "D", "D;1", "k", "!", "R00", "vRun;", "vKill;1",
    "vFile:open:2f6574632f706173737764,0,0", "\x01\x03", "\x01+", "\x01-", "\x02?",
};

static inline uint64_t gf_rand(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

static inline size_t gf_mutate(uint64_t *rng, uint8_t *buf, size_t len, size_t cap)
{
    static const char *const tokens[] = {",", ":", ";", "#", "$", "}", "*", "-1", "0", "p",
                                         ".", "ffffffffffffffff", "10000000000000000", "=",
                                         "\x03", "", "\x7d", "\x7d\x03", "-", "+"};
    unsigned rounds = 1 + gf_rand(rng) % 4;
    for (unsigned r = 0; r < rounds; r++) {
        size_t pos = len ? gf_rand(rng) % (len + 1) : 0;
        switch (gf_rand(rng) % 6) {
        case 0: /* flip a byte */
            if (len)
                buf[pos % len] ^= (uint8_t)(1u << (gf_rand(rng) % 8));
            break;
        case 1: /* random byte */
            if (len)
                buf[pos % len] = (uint8_t)gf_rand(rng);
            break;
        case 2: { /* insert a token */
            const char *t = tokens[gf_rand(rng) % (sizeof(tokens) / sizeof(tokens[0]))];
            size_t tl = strlen(t);
            if (len + tl <= cap) {
                memmove(buf + pos + tl, buf + pos, len - pos);
                memcpy(buf + pos, t, tl);
                len += tl;
            }
            break;
        }
        case 3: /* delete a range */
            if (len) {
                size_t n = 1 + gf_rand(rng) % 8;
                pos %= len;
                if (n > len - pos)
                    n = len - pos;
                memmove(buf + pos, buf + pos + n, len - pos - n);
                len -= n;
            }
            break;
        case 4: /* truncate */
            len = pos;
            break;
        case 5: { /* repeat a hex digit: long numbers, long runs */
            size_t n = 1 + gf_rand(rng) % 40;
            if (len + n <= cap) {
                memmove(buf + pos + n, buf + pos, len - pos);
                memset(buf + pos, "0f9a"[gf_rand(rng) % 4], n);
                len += n;
            }
            break;
        }
        }
    }
    return len;
}

/* Returns the number of inputs run. */
static inline unsigned long gdb_fuzz_run(uint64_t seed, double seconds,
                                         unsigned long max_iters)
{
    struct gdb_fuzz *z = gdb_fuzz_new();
    enum { CAP = 40000 };
    uint8_t *in = malloc(CAP);
    uint64_t rng = seed ? seed : 0x9e3779b97f4a7c15ull;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    const size_t nseeds = sizeof(gf_seeds) / sizeof(gf_seeds[0]);
    unsigned long it = 0;
    for (; it < max_iters; it++) {
        if (it % 64 == 0) {
            clock_gettime(CLOCK_MONOTONIC, &t1);
            if ((double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9 >
                seconds)
                break;
        }
        size_t len = 0;
        unsigned nseg = 1 + gf_rand(&rng) % 6;
        for (unsigned k = 0; k < nseg; k++) {
            if (len)
                in[len++] = '\n';
            uint8_t seg[2048];
            size_t n;
            if (gf_rand(&rng) % 50 == 0) {
                /* Pure noise, sometimes longer than any packet may be. */
                n = gf_rand(&rng) % 2 ? sizeof(seg) : gf_rand(&rng) % 64;
                for (size_t b = 0; b < n; b++)
                    seg[b] = (uint8_t)gf_rand(&rng);
            } else {
                const char *s = gf_seeds[gf_rand(&rng) % nseeds];
                n = strlen(s);
                memcpy(seg, s, n);
                if (gf_rand(&rng) % 4)
                    n = gf_mutate(&rng, seg, n, sizeof(seg) - 1);
            }
            if (len + n + 1 >= CAP)
                break;
            memcpy(in + len, seg, n);
            len += n;
        }
        if (gf_rand(&rng) % 100 == 0 && len + 20000 < CAP) {
            /* An oversized packet: more than PacketSize. */
            in[len++] = '\n';
            memset(in + len, 'A', 20000);
            len += 20000;
        }
        gdb_fuzz_one(z, in, len);
    }
    free(in);
    gdb_fuzz_free(z);
    return it;
}

/* The seeds as files, one packet each, for libFuzzer's corpus. */
static inline void gdb_fuzz_write_seeds(const char *dir)
{
    mkdir(dir, 0755);
    for (size_t i = 0; i < sizeof(gf_seeds) / sizeof(gf_seeds[0]); i++) {
        char path[4096];
        snprintf(path, sizeof(path), "%s/seed-%02zu", dir, i);
        FILE *f = fopen(path, "wb");
        if (!f)
            continue;
        fwrite(gf_seeds[i], 1, strlen(gf_seeds[i]), f);
        fclose(f);
    }
}

#endif
