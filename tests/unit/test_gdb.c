/* The GDB remote protocol server (gdb/), driven over real sockets by a small client against a
 * fake target that records what it is asked: framing, checksums, acks and retransmission,
 * no-ack mode, escaping and run-length encoding, every command, thread selection, qXfer
 * chunking, monitor output, malformed and oversized packets, Ctrl-C, disconnects and
 * reconnects, Unix sockets. Ends with a short fuzzing run (tests/fuzz/gdb_fuzz.h). */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "gdb/gdb.h"
#include "gdb/rsp.h"
#include "tests/fuzz/gdb_fuzz.h"
#include "tests/unit/unit.h"

/* ---- the fake target ---- */

#define FT_MAX 300
#define FT_BASE 0x1000u
#define FT_MEM 4096u
#define FT_REGS 6

struct bp_call {
    bool insert;
    enum gdb_bp_type type;
    uint64_t addr, kind;
};

struct fake {
    unsigned nthreads;
    uint8_t regs[FT_MAX + 1][FT_REGS][8];
    uint8_t mem[FT_MEM];
    unsigned mem_thread, reg_thread; /* the thread of the last access */
    unsigned mem_reads, mem_writes;
    struct bp_call bp[32];
    unsigned nbp;
    int bp_rc;
    char monitor_cmd[0x4000];
    bool no_map;
};

/* Registers: 0, 1, 4, 5 are 4 bytes, 3 is 8 bytes, 2 does not exist, 5 cannot be written. */
static int ft_size(unsigned regnum)
{
    return regnum == 2 ? -1 : regnum == 3 ? 8 : 4;
}

static unsigned ft_thread_count(void *t)
{
    return ((struct fake *)t)->nthreads;
}

static void ft_thread_info(void *t, unsigned thread, char *buf, size_t size)
{
    snprintf(buf, size, "hart %u <M> & \"up\"", thread - 1);
}

static const char ft_target_xml[] =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n<target>\n"
    "<architecture>riscv:rv32</architecture>\n<xi:include href=\"extra.xml\"/>\n</target>\n";
/* Characters that must be escaped in a binary reply: # $ } and *. */
static const char ft_extra_xml[] = "<feature name=\"x\"><!-- #$}*** --></feature>\n";
static const char ft_map_xml[] =
    "<memory-map><memory type=\"ram\" start=\"0x1000\" length=\"0x1000\"/></memory-map>";

static const char *ft_xml(void *t, const char *annex)
{
    if (!strcmp(annex, "target.xml"))
        return ft_target_xml;
    if (!strcmp(annex, "extra.xml"))
        return ft_extra_xml;
    return NULL;
}

#define FT_FAR_REG 100

static unsigned ft_reg_count(void *t)
{
    return FT_REGS;
}

static int ft_read_reg(void *t, unsigned thread, unsigned regnum, uint8_t *buf, size_t size)
{
    struct fake *f = t;
    CU_ASSERT(thread >= 1 && thread <= f->nthreads);
    if (regnum == FT_FAR_REG) { /* outside the g packet, reachable with p */
        memcpy(buf, "\x11\x22\x33\x44", 4);
        return 4;
    }
    if (regnum >= FT_REGS)
        return -1;
    f->reg_thread = thread;
    int n = ft_size(regnum);
    if (n > 0)
        memcpy(buf, f->regs[thread][regnum], (size_t)n);
    return n;
}

static int ft_write_reg(void *t, unsigned thread, unsigned regnum, const uint8_t *buf,
                        size_t len)
{
    struct fake *f = t;
    CU_ASSERT(thread >= 1 && thread <= f->nthreads);
    if (regnum >= FT_REGS)
        return -1;
    CU_ASSERT_EQUAL((int)len, ft_size(regnum));
    f->reg_thread = thread;
    if (regnum == 5)
        return -1;
    memcpy(f->regs[thread][regnum], buf, len);
    return 0;
}

static size_t ft_access(struct fake *f, uint64_t addr, uint8_t *rd, const uint8_t *wr,
                        size_t len)
{
    size_t k = 0;
    for (; k < len && addr + k >= FT_BASE && addr + k < FT_BASE + FT_MEM; k++) {
        if (rd)
            rd[k] = f->mem[addr + k - FT_BASE];
        else
            f->mem[addr + k - FT_BASE] = wr[k];
    }
    return k;
}

static size_t ft_read_mem(void *t, unsigned thread, uint64_t addr, uint8_t *buf, size_t len)
{
    struct fake *f = t;
    f->mem_thread = thread;
    f->mem_reads++;
    return ft_access(f, addr, buf, NULL, len);
}

static size_t ft_write_mem(void *t, unsigned thread, uint64_t addr, const uint8_t *buf,
                           size_t len)
{
    struct fake *f = t;
    f->mem_thread = thread;
    f->mem_writes++;
    return ft_access(f, addr, NULL, buf, len);
}

static const char *ft_map(void *t)
{
    return ((struct fake *)t)->no_map ? NULL : ft_map_xml;
}

static int ft_bp(struct fake *f, bool insert, enum gdb_bp_type type, uint64_t addr,
                 uint64_t kind)
{
    if (f->nbp < 32)
        f->bp[f->nbp++] = (struct bp_call){insert, type, addr, kind};
    return f->bp_rc;
}

static int ft_insert(void *t, enum gdb_bp_type type, uint64_t addr, uint64_t kind)
{
    return ft_bp(t, true, type, addr, kind);
}

static int ft_remove(void *t, enum gdb_bp_type type, uint64_t addr, uint64_t kind)
{
    return ft_bp(t, false, type, addr, kind);
}

static int ft_monitor(void *t, const char *cmd, void (*out)(void *ctx, const char *text),
                      void *ctx)
{
    struct fake *f = t;
    snprintf(f->monitor_cmd, sizeof(f->monitor_cmd), "%s", cmd);
    if (!strncmp(cmd, "echo ", 5)) {
        out(ctx, cmd + 5);
        out(ctx, "\n");
        return 0;
    }
    if (!strcmp(cmd, "big")) {
        char text[3001];
        for (int i = 0; i < 3000; i++)
            text[i] = (char)('a' + i % 26);
        text[3000] = 0;
        out(ctx, text);
        return 0;
    }
    if (!strcmp(cmd, "fail")) {
        out(ctx, "no such command\n");
        return -1;
    }
    return 0;
}

static const struct gdb_target_ops ft_ops = {
    .thread_count = ft_thread_count,
    .thread_info = ft_thread_info,
    .target_xml = ft_xml,
    .reg_count = ft_reg_count,
    .read_reg = ft_read_reg,
    .write_reg = ft_write_reg,
    .read_mem = ft_read_mem,
    .write_mem = ft_write_mem,
    .memory_map_xml = ft_map,
    .insert_bp = ft_insert,
    .remove_bp = ft_remove,
    .monitor = ft_monitor,
};

static const struct gdb_target_ops no_ops = {0};

static struct fake *fake_new(unsigned nthreads)
{
    struct fake *f = calloc(1, sizeof(*f));
    f->nthreads = nthreads;
    for (unsigned t = 0; t <= FT_MAX; t++)
        for (unsigned r = 0; r < FT_REGS; r++)
            for (unsigned b = 0; b < 8; b++)
                f->regs[t][r][b] = (uint8_t)((t * 16 + r) ^ (b * 0x21));
    for (unsigned i = 0; i < FT_MEM; i++)
        f->mem[i] = (uint8_t)(i * 13 + 7);
    return f;
}

/* ---- the client ---- */

struct t {
    struct fake *f;
    struct gdb_server *s;
    int fd;
    bool no_ack;
    enum gdb_event ev[64];
    unsigned nev;
    struct gdb_resume res;
    uint8_t *in; /* received; in[inpos..inlen) not yet parsed */
    size_t inpos, inlen;
    char *raw; /* the last frame as received */
    size_t rawlen;
    char *reply; /* the last reply, run-length decoded */
    size_t replylen;
    unsigned acks, nacks, frames;
    bool eof;
};

#define BUFSZ (1 << 20)

static void pump(struct t *t)
{
    struct gdb_resume r;
    enum gdb_event ev = gdb_server_poll(t->s, false, &r);
    if (ev == GDB_EV_NONE)
        return;
    if (t->nev < 64)
        t->ev[t->nev++] = ev;
    if (ev == GDB_EV_RESUME)
        t->res = r;
}

static int connect_to(const char *addr)
{
    int fd;
    if (!strncmp(addr, "unix:", 5)) {
        struct sockaddr_un sa = {.sun_family = AF_UNIX};
        snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", addr + 5);
        fd = socket(AF_UNIX, SOCK_STREAM, 0);
        if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
            close(fd);
            return -1;
        }
    } else {
        const char *colon = strrchr(addr, ':');
        struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(atoi(colon + 1))};
        inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
        fd = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
            close(fd);
            return -1;
        }
    }
    fcntl(fd, F_SETFL, O_NONBLOCK);
    return fd;
}

/* Connect a new client; the server accepts it on its next poll. */
static void reconnect(struct t *t)
{
    t->fd = connect_to(gdb_server_address(t->s));
    CU_ASSERT(t->fd >= 0);
    t->inpos = t->inlen = 0;
    t->no_ack = false;
    t->eof = false;
    for (int i = 0; i < 5000 && !gdb_server_connected(t->s); i++) {
        pump(t);
        if (!gdb_server_connected(t->s))
            usleep(1000);
    }
    CU_ASSERT(gdb_server_connected(t->s));
}

static struct t *start_at(const struct gdb_target_ops *ops, struct fake *f, const char *addr)
{
    struct t *t = calloc(1, sizeof(*t));
    t->f = f;
    t->in = malloc(BUFSZ);
    t->raw = malloc(BUFSZ);
    t->reply = malloc(BUFSZ);
    char err[256] = "";
    t->s = gdb_server_new(ops, f, addr, err, sizeof(err));
    if (!t->s)
        fprintf(stderr, "gdb_server_new(%s): %s\n", addr, err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t->s);
    reconnect(t);
    /* A client that connects during a wait = false poll stops the target. */
    CU_ASSERT_EQUAL(t->nev, 1);
    CU_ASSERT_EQUAL(t->ev[0], GDB_EV_INTERRUPT);
    t->nev = 0;
    return t;
}

static struct t *start(unsigned nthreads)
{
    return start_at(&ft_ops, fake_new(nthreads), "127.0.0.1:0");
}

static void finish(struct t *t)
{
    if (t->fd >= 0)
        close(t->fd);
    gdb_server_free(t->s);
    free(t->f);
    free(t->in);
    free(t->raw);
    free(t->reply);
    free(t);
}

static void send_bytes(struct t *t, const void *p, size_t n)
{
    const char *c = p;
    for (int stalls = 0; n && stalls < 100000;) {
        ssize_t k = send(t->fd, c, n, MSG_NOSIGNAL);
        if (k > 0) {
            c += k;
            n -= (size_t)k;
        } else {
            CU_ASSERT_FATAL(k < 0 && errno == EAGAIN);
            pump(t);
            stalls++;
        }
    }
    CU_ASSERT_EQUAL(n, 0);
}

static void send_str(struct t *t, const char *s)
{
    send_bytes(t, s, strlen(s));
}

/* One write per packet, as GDB does: three small writes would meet Nagle's algorithm and
 * delayed acks (40 ms per packet). */
static void send_packet_n(struct t *t, const char *payload, size_t n)
{
    uint8_t sum = 0;
    char *frame = malloc(n + 5); /* $ payload # 2 digits, NUL */
    frame[0] = '$';
    memcpy(frame + 1, payload, n);
    for (size_t i = 0; i < n; i++)
        sum += (uint8_t)payload[i];
    snprintf(frame + 1 + n, 4, "#%02x", sum);
    send_bytes(t, frame, n + 4);
    free(frame);
}

static void send_packet(struct t *t, const char *payload)
{
    send_packet_n(t, payload, strlen(payload));
}

static void receive(struct t *t)
{
    if (t->inpos) {
        memmove(t->in, t->in + t->inpos, t->inlen - t->inpos);
        t->inlen -= t->inpos;
        t->inpos = 0;
    }
    while (t->inlen < BUFSZ) {
        ssize_t n = recv(t->fd, t->in + t->inlen, BUFSZ - t->inlen, 0);
        if (n == 0)
            t->eof = true;
        if (n <= 0)
            return;
        t->inlen += (size_t)n;
    }
}

/* Take acks and at most one complete frame from the received bytes. */
static bool parse_frame(struct t *t)
{
    while (t->inpos < t->inlen && (t->in[t->inpos] == '+' || t->in[t->inpos] == '-')) {
        if (t->in[t->inpos++] == '+')
            t->acks++;
        else
            t->nacks++;
    }
    if (t->inpos == t->inlen)
        return false;
    uint8_t *start = t->in + t->inpos;
    size_t avail = t->inlen - t->inpos;
    CU_ASSERT_EQUAL_FATAL(start[0], '$');
    uint8_t *hash = memchr(start, '#', avail);
    if (!hash || (size_t)(hash - start) + 3 > avail)
        return false;
    size_t end = (size_t)(hash - start) + 3;
    memcpy(t->raw, start, end);
    t->rawlen = end;
    t->raw[end] = 0;
    uint8_t sum = 0;
    for (uint8_t *p = start + 1; p < hash; p++)
        sum += *p;
    char want[3];
    snprintf(want, sizeof(want), "%02x", sum);
    CU_ASSERT(hash[1] == want[0] && hash[2] == want[1]);
    /* Run-length decoding: X*N repeats X N-29 more times. */
    t->replylen = 0;
    for (uint8_t *p = start + 1; p < hash; p++) {
        if (*p == '*' && t->replylen && p + 1 < hash) {
            int n = p[1] - 29;
            CU_ASSERT(n >= 3 && p[1] != '#' && p[1] != '$' && p[1] <= 126);
            for (int k = 0; k < n; k++, t->replylen++)
                t->reply[t->replylen] = t->reply[t->replylen - 1];
            p++;
        } else {
            t->reply[t->replylen++] = (char)*p;
        }
    }
    t->reply[t->replylen] = 0;
    t->inpos += end;
    t->frames++;
    return true;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The next reply, or NULL after `seconds` without one. */
static const char *wait_reply(struct t *t, double seconds)
{
    double end = now_s() + seconds;
    for (;;) {
        if (parse_frame(t))
            return t->reply;
        if (now_s() > end)
            return NULL;
        pump(t);
        size_t before = t->inlen - t->inpos;
        receive(t);
        if (t->inlen - t->inpos == before)
            usleep(200);
    }
}

static const char *get_reply(struct t *t)
{
    const char *r = wait_reply(t, 5);
    CU_ASSERT_PTR_NOT_NULL(r);
    return r ? r : "<no reply>";
}

static bool no_reply(struct t *t, double seconds)
{
    return wait_reply(t, seconds) == NULL;
}

/* Send a packet, check it is acknowledged (unless no-ack), return the reply. */
static const char *xchg(struct t *t, const char *payload)
{
    unsigned acks = t->acks;
    send_packet(t, payload);
    const char *r = get_reply(t);
    if (!t->no_ack)
        CU_ASSERT_EQUAL(t->acks, acks + 1);
    return r;
}

#define XCHG(t, pkt, want) CU_ASSERT_STRING_EQUAL(xchg(t, pkt), want)

static void hex_of(char *out, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sprintf(out + 2 * i, "%02x", p[i]);
    out[2 * n] = 0;
}

static void hex_str(char *out, const char *s)
{
    hex_of(out, (const uint8_t *)s, strlen(s));
}

static void unhex(char *out, const char *hex)
{
    size_t n = strlen(hex) / 2;
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        sscanf(hex + 2 * i, "%2x", &v);
        out[i] = (char)v;
    }
    out[n] = 0;
}

/* Binary (escaped) reply data to bytes. */
static size_t unescape(char *out, const char *p, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        out[o++] = p[i] == 0x7d && i + 1 < n ? (char)(p[++i] ^ 0x20) : p[i];
    out[o] = 0;
    return o;
}

static enum gdb_event last_event(struct t *t)
{
    return t->nev ? t->ev[t->nev - 1] : GDB_EV_NONE;
}

/* Poll until the server reports `ev` (true) or 5 seconds pass. */
static bool wait_event(struct t *t, enum gdb_event ev)
{
    double end = now_s() + 5;
    while (last_event(t) != ev && now_s() < end) {
        pump(t);
        receive(t);
        if (last_event(t) != ev)
            usleep(200);
    }
    return last_event(t) == ev;
}

/* Resume with `pkt`, check the event and the actions, stop with `st`, return the stop reply. */
static const char *resume_stop(struct t *t, const char *pkt, const enum gdb_action *want,
                               const struct gdb_stop *st)
{
    t->nev = 0;
    unsigned acks = t->acks;
    send_packet(t, pkt);
    wait_event(t, GDB_EV_RESUME);
    parse_frame(t);
    CU_ASSERT_EQUAL(t->acks, acks + 1);
    CU_ASSERT_EQUAL(t->nev, 1);
    CU_ASSERT_EQUAL(last_event(t), GDB_EV_RESUME);
    /* Nothing is answered before the target stops. */
    CU_ASSERT(no_reply(t, 0.02));
    if (want) {
        CU_ASSERT_EQUAL(t->res.nthreads, t->f->nthreads);
        for (unsigned k = 1; k <= t->f->nthreads; k++)
            CU_ASSERT_EQUAL(t->res.action[k], want[k]);
    }
    struct gdb_stop def = {.kind = GDB_STOP_SIGNAL, .signal = 5, .thread = 1};
    gdb_server_stopped(t->s, st ? st : &def);
    t->nev = 0;
    return get_reply(t);
}

#define C GDB_ACT_CONTINUE
#define S GDB_ACT_STEP
#define H GDB_ACT_STOP

/* ---- framing ---- */

static void test_packet_is_acked_and_answered_with_valid_checksum(void)
{
    struct t *t = start(1);
    XCHG(t, "?", "T05thread:1;");
    CU_ASSERT_STRING_EQUAL(t->raw, "$T05thread:1;#d7");
    finish(t);
}

static void test_bad_checksum_is_nacked_and_not_run(void)
{
    struct t *t = start(1);
    send_str(t, "$m1000,4#00");
    CU_ASSERT(no_reply(t, 0.05));
    CU_ASSERT_EQUAL(t->nacks, 1);
    CU_ASSERT_EQUAL(t->acks, 0);
    CU_ASSERT_EQUAL(t->f->mem_reads, 0);
    send_str(t, "$?#zz"); /* not even hex */
    CU_ASSERT(no_reply(t, 0.05));
    CU_ASSERT_EQUAL(t->nacks, 2);
    /* The retransmission is then served. */
    XCHG(t, "m1000,2", "0714");
    CU_ASSERT_EQUAL(t->f->mem_reads, 1);
    finish(t);
}

static void test_nack_retransmits_the_last_reply(void)
{
    struct t *t = start(1);
    send_str(t, "-"); /* nothing sent yet: nothing to repeat */
    CU_ASSERT(no_reply(t, 0.03));
    XCHG(t, "qC", "QC1");
    char first[64];
    snprintf(first, sizeof(first), "%s", t->raw);
    send_str(t, "-");
    CU_ASSERT_STRING_EQUAL(get_reply(t), "QC1");
    CU_ASSERT_STRING_EQUAL(t->raw, first);
    send_str(t, "+");
    CU_ASSERT(no_reply(t, 0.03));
    finish(t);
}

static void test_no_ack_mode(void)
{
    struct t *t = start(1);
    XCHG(t, "QStartNoAckMode", "OK"); /* acked itself, then no more */
    t->no_ack = true;
    send_str(t, "+"); /* GDB acks the OK */
    unsigned acks = t->acks;
    XCHG(t, "?", "T05thread:1;");
    CU_ASSERT_EQUAL(t->acks, acks);
    send_str(t, "-");
    CU_ASSERT(no_reply(t, 0.03));
    /* A damaged packet cannot be retransmitted now: it fails instead of running. */
    send_str(t, "$m1000,4#00");
    CU_ASSERT_STRING_EQUAL(get_reply(t), "E01");
    CU_ASSERT_EQUAL(t->nacks, 0);
    CU_ASSERT_EQUAL(t->f->mem_reads, 0);
    XCHG(t, "m1000,1", "07");
    finish(t);
}

static void test_bytes_between_packets_are_ignored(void)
{
    struct t *t = start(1);
    send_str(t, "hello\r\n\x01\xff");
    XCHG(t, "qC", "QC1");
    CU_ASSERT_EQUAL(t->nacks, 0);
    CU_ASSERT(no_reply(t, 0.03));
    finish(t);
}

static void test_dollar_inside_a_packet_starts_a_new_one(void)
{
    struct t *t = start(1);
    send_str(t, "$m10");
    XCHG(t, "qC", "QC1");
    CU_ASSERT(no_reply(t, 0.03));
    CU_ASSERT_EQUAL(t->f->mem_reads, 0);
    finish(t);
}

static void test_packet_split_across_writes(void)
{
    struct t *t = start(1);
    const char *p = "$qC#b4";
    for (; *p; p++) {
        send_bytes(t, p, 1);
        pump(t);
        usleep(200);
    }
    CU_ASSERT_STRING_EQUAL(get_reply(t), "QC1");
    finish(t);
}

static void test_pipelined_packets_answered_in_order(void)
{
    struct t *t = start(1);
    send_str(t, "$?#3f$qC#b4$qAttached#8f");
    CU_ASSERT_STRING_EQUAL(get_reply(t), "T05thread:1;");
    CU_ASSERT_STRING_EQUAL(get_reply(t), "QC1");
    CU_ASSERT_STRING_EQUAL(get_reply(t), "1");
    CU_ASSERT_EQUAL(t->acks, 3);
    finish(t);
}

static void test_empty_packet_gets_empty_reply(void)
{
    struct t *t = start(1);
    send_str(t, "$#00");
    CU_ASSERT_STRING_EQUAL(get_reply(t), "");
    finish(t);
}

static void test_replies_are_run_length_encoded(void)
{
    struct t *t = start(1);
    memset(t->f->mem, 0, 64);
    char want[129];
    memset(want, '0', 128);
    want[128] = 0;
    XCHG(t, "m1000,40", want);
    CU_ASSERT_PTR_NOT_NULL(strchr(t->raw, '*'));
    CU_ASSERT(t->rawlen < 20);
    finish(t);
}

/* Every run length, directly on the encoder: the count never gives '#' or '$' or passes '~',
 * and decoding gives the payload back. */
static void test_rle_encoder_all_run_lengths(void)
{
    for (size_t run = 1; run <= 300; run++) {
        char payload[310];
        payload[0] = 'x';
        memset(payload + 1, 'a', run);
        payload[run + 1] = 'y';
        struct rsp_buf b = {0};
        rsp_frame(&b, payload, run + 2);
        CU_ASSERT_EQUAL(b.data[0], '$');
        char *hash = strchr(b.data + 1, '#');
        CU_ASSERT_PTR_NOT_NULL_FATAL(hash);
        CU_ASSERT_EQUAL((size_t)(hash - b.data) + 3, b.len);
        char out[400];
        size_t o = 0;
        uint8_t sum = 0;
        for (char *p = b.data + 1; p < hash; p++) {
            sum += (uint8_t)*p;
            CU_ASSERT(*p != '$');
            if (*p == '*') {
                int n = p[1] - 29;
                CU_ASSERT(n >= 3 && n <= 97 && p[1] != '#' && p[1] != '$');
                for (int k = 0; k < n; k++, o++)
                    out[o] = out[o - 1];
                sum += (uint8_t)*++p;
            } else {
                out[o++] = *p;
            }
        }
        CU_ASSERT_EQUAL(o, run + 2);
        CU_ASSERT(!memcmp(out, payload, run + 2));
        char cs[3];
        snprintf(cs, sizeof(cs), "%02x", sum);
        CU_ASSERT(!memcmp(hash + 1, cs, 2));
        rsp_buf_free(&b);
    }
}

static void test_hex_numbers_and_escaping_helpers(void)
{
    uint64_t v;
    struct rsp_cur c = {"ffffffffffffffff", NULL};
    c.end = c.p + 16;
    CU_ASSERT(rsp_hex_u64(&c, &v) && v == UINT64_MAX);
    const char *big = "10000000000000000";
    c = (struct rsp_cur){big, big + strlen(big)};
    CU_ASSERT_FALSE(rsp_hex_u64(&c, &v));
    const char *zeros = "000000000000000000001f";
    c = (struct rsp_cur){zeros, zeros + strlen(zeros)};
    CU_ASSERT(rsp_hex_u64(&c, &v) && v == 0x1f);
    c = (struct rsp_cur){"", NULL};
    c.end = c.p;
    CU_ASSERT_FALSE(rsp_hex_u64(&c, &v));
    /* Every byte value survives escaping, and only # $ } * are escaped. */
    uint8_t all[256], back[256];
    for (int i = 0; i < 256; i++)
        all[i] = (uint8_t)i;
    struct rsp_buf b = {0};
    rsp_buf_binary(&b, all, 256);
    CU_ASSERT_EQUAL(b.len, 260);
    CU_ASSERT_EQUAL(rsp_unescape(b.data, b.len, back, sizeof(back)), 256);
    CU_ASSERT(!memcmp(all, back, 256));
    CU_ASSERT_EQUAL(rsp_unescape("}", 1, back, sizeof(back)), -1);
    CU_ASSERT_EQUAL(rsp_unescape("abc", 3, back, 2), -1);
    rsp_buf_free(&b);
}

static void test_oversized_packet_is_dropped_with_error(void)
{
    struct t *t = start(1);
    size_t n = RSP_PACKET_SIZE + 1;
    char *big = malloc(n + 1);
    big[0] = 'm';
    memset(big + 1, 'A', n - 1);
    big[n] = 0;
    XCHG(t, big, "E02");
    CU_ASSERT_EQUAL(t->f->mem_reads, 0);
    /* A much larger one, and the server still works afterwards. */
    char *huge = malloc(200001);
    memset(huge, '0', 200000);
    huge[200000] = 0;
    XCHG(t, huge, "E02");
    XCHG(t, "qC", "QC1");
    free(big);
    free(huge);
    finish(t);
}

static void test_packet_of_exactly_packet_size_is_accepted(void)
{
    struct t *t = start(1);
    /* qRcmd, + hex text: 6 + 2 * 8189 = 0x4000 characters. */
    size_t text = (RSP_PACKET_SIZE - 6) / 2;
    char *pkt = malloc(RSP_PACKET_SIZE + 1);
    strcpy(pkt, "qRcmd,");
    for (size_t i = 0; i < text; i++)
        memcpy(pkt + 6 + 2 * i, "61", 2);
    pkt[6 + 2 * text] = 0;
    CU_ASSERT_EQUAL(strlen(pkt), RSP_PACKET_SIZE);
    XCHG(t, pkt, "OK");
    CU_ASSERT_EQUAL(strlen(t->f->monitor_cmd), text);
    free(pkt);
    finish(t);
}

/* ---- commands ---- */

static void test_qsupported_lists_features(void)
{
    struct t *t = start(1);
    const char *r = xchg(t, "qSupported:multiprocess+;swbreak+;hwbreak+;vContSupported+");
    const char *want[] = {"PacketSize=4000", "qXfer:features:read+", "qXfer:memory-map:read+",
                          "qXfer:threads:read+", "QStartNoAckMode+", "swbreak+", "hwbreak+",
                          "vContSupported+"};
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        CU_ASSERT_PTR_NOT_NULL(strstr(r, want[i]));
    CU_ASSERT_PTR_NULL(strstr(r, "multiprocess"));
    finish(t);
    /* No memory map from the target: not offered, and not served. */
    struct fake *f = fake_new(1);
    f->no_map = true;
    t = start_at(&ft_ops, f, "127.0.0.1:0");
    CU_ASSERT_PTR_NULL(strstr(xchg(t, "qSupported"), "memory-map"));
    XCHG(t, "qXfer:memory-map:read::0,100", "");
    finish(t);
}

static void test_question_mark_reports_last_stop(void)
{
    struct t *t = start(3);
    XCHG(t, "?", "T05thread:1;");
    struct gdb_stop st = {.kind = GDB_STOP_SIGNAL, .signal = 2, .thread = 3};
    gdb_server_stopped(t->s, &st); /* no resume outstanding: recorded, not sent */
    CU_ASSERT(no_reply(t, 0.03));
    XCHG(t, "?", "T02thread:3;");
    finish(t);
}

static void expected_regs(struct fake *f, unsigned thread, char *out)
{
    out[0] = 0;
    for (unsigned r = 0; r < FT_REGS; r++)
        if (ft_size(r) > 0)
            hex_of(out + strlen(out), f->regs[thread][r], (size_t)ft_size(r));
}

static void test_g_concatenates_registers_and_skips_absent_ones(void)
{
    struct t *t = start(2);
    char want[128];
    expected_regs(t->f, 1, want);
    CU_ASSERT_EQUAL(strlen(want), 2 * (4 + 4 + 8 + 4 + 4));
    XCHG(t, "g", want);
    CU_ASSERT_EQUAL(t->f->reg_thread, 1);
    finish(t);
}

static void test_G_writes_registers(void)
{
    struct t *t = start(2);
    /* Register 5 refuses writes: the others are written and the reply is an error. */
    char data[128];
    memset(data, 0, sizeof(data));
    for (int i = 0; i < 48; i++)
        data[i] = "0123456789abcdef"[i % 16];
    XCHG(t, "Hg2", "OK");
    char pkt[160];
    snprintf(pkt, sizeof(pkt), "G%s", data);
    XCHG(t, pkt, "E04");
    CU_ASSERT(!memcmp(t->f->regs[2][0], "\x01\x23\x45\x67", 4));
    CU_ASSERT(!memcmp(t->f->regs[2][3], "\x01\x23\x45\x67\x89\xab\xcd\xef", 8));
    CU_ASSERT_EQUAL(t->f->reg_thread, 2);
    XCHG(t, "G00", "E01");          /* wrong length */
    XCHG(t, "G0", "E01");           /* odd */
    pkt[3] = 'z';
    XCHG(t, pkt, "E01");            /* bad hex */
    finish(t);
}

static void test_p_and_P_single_registers(void)
{
    struct t *t = start(1);
    char want[32];
    hex_of(want, t->f->regs[1][3], 8);
    XCHG(t, "p3", want);
    XCHG(t, "p2", "E04");           /* absent */
    XCHG(t, "p6", "E04");           /* beyond reg_count, and the target has no register 6 */
    XCHG(t, "p64", "11223344");     /* beyond reg_count: p reaches every regnum */
    XCHG(t, "pffffffffff", "E04");
    XCHG(t, "P1=aabbccdd", "OK");
    CU_ASSERT(!memcmp(t->f->regs[1][1], "\xaa\xbb\xcc\xdd", 4));
    XCHG(t, "p1", "aabbccdd");
    XCHG(t, "P1=aabb", "E01");      /* wrong size */
    XCHG(t, "P5=00000000", "E04");  /* refused */
    XCHG(t, "P2=00000000", "E04");  /* absent */
    finish(t);
}

/* GDB's `load` into a "flash" region of the memory map: erase (bytes read 0xff), write
 * (binary, escaped like X), done. */
static void test_flash_packets_erase_and_write(void)
{
    struct t *t = start(1);
    XCHG(t, "vFlashErase:1000,10", "OK");
    for (unsigned i = 0; i < 16; i++)
        CU_ASSERT_EQUAL(t->f->mem[i], 0xff);
    CU_ASSERT_EQUAL(t->f->mem[16], (uint8_t)(16 * 13 + 7)); /* beyond the erased block: untouched */
    XCHG(t, "vFlashWrite:1002:ab}]", "OK"); /* }] is an escaped '}' (0x7d) */
    CU_ASSERT_EQUAL(t->f->mem[2], 'a');
    CU_ASSERT_EQUAL(t->f->mem[3], 'b');
    CU_ASSERT_EQUAL(t->f->mem[4], 0x7d);
    CU_ASSERT_EQUAL(t->f->mem[5], 0xff);
    XCHG(t, "vFlashDone", "OK");
    XCHG(t, "vFlashErase:0,4", "E0e");  /* outside memory */
    XCHG(t, "vFlashWrite:1000", "E01"); /* no data separator */
    finish(t);
}

static void test_m_reads_memory_partially_or_fails(void)
{
    struct t *t = start(1);
    char want[64];
    hex_of(want, t->f->mem, 4);
    XCHG(t, "m1000,4", want);
    /* Crossing the end: the bytes that exist. */
    hex_of(want, t->f->mem + FT_MEM - 2, 2);
    XCHG(t, "m1ffe,10", want);
    XCHG(t, "m0,4", "E0e");
    XCHG(t, "m1000,0", "");
    /* A huge length is capped at half a packet. */
    const char *r = xchg(t, "m1000,ffffffff");
    CU_ASSERT_EQUAL(strlen(r), RSP_PACKET_SIZE / 2 > FT_MEM ? 2 * FT_MEM : RSP_PACKET_SIZE);
    XCHG(t, "mffffffffffffffff,1", "E0e"); /* ends exactly at 2^64: valid, unmapped */
    finish(t);
}

static void test_M_and_X_write_memory(void)
{
    struct t *t = start(1);
    XCHG(t, "M1000,4:deadbeef", "OK");
    CU_ASSERT(!memcmp(t->f->mem, "\xde\xad\xbe\xef", 4));
    XCHG(t, "M1ffe,4:01020304", "E0e"); /* half outside */
    XCHG(t, "M0,1:00", "E0e");
    /* X: # $ } * escaped, and 0x03 and NUL raw. */
    const char xdata[] = "X1010,7:\x7d\x03\x7d\x04\x7d\x5d\x7d\x0a\x03\x00z";
    unsigned acks = t->acks;
    send_packet_n(t, xdata, sizeof(xdata) - 1);
    CU_ASSERT_STRING_EQUAL(get_reply(t), "OK");
    CU_ASSERT_EQUAL(t->acks, acks + 1);
    CU_ASSERT(!memcmp(t->f->mem + 0x10, "#$}*\x03\x00z", 7));
    unsigned writes = t->f->mem_writes;
    XCHG(t, "X1000,0:", "OK"); /* GDB's probe for X */
    CU_ASSERT_EQUAL(t->f->mem_writes, writes);
    finish(t);
}

static void test_thread_selection_for_registers_and_memory(void)
{
    struct t *t = start(3);
    char want[128];
    XCHG(t, "Hg3", "OK");
    expected_regs(t->f, 3, want);
    XCHG(t, "g", want);
    xchg(t, "m1000,1");
    CU_ASSERT_EQUAL(t->f->mem_thread, 3);
    XCHG(t, "qC", "QC3");
    XCHG(t, "Hg4", "E03");
    XCHG(t, "Hgp1.2", "OK");
    XCHG(t, "qC", "QC2");
    XCHG(t, "Hg0", "OK"); /* any: the thread of the last stop */
    XCHG(t, "qC", "QC1");
    XCHG(t, "Hg-1", "OK");
    XCHG(t, "qC", "QC1");
    /* A stop makes its thread the current one (GDB assumes so and sends no Hg). */
    XCHG(t, "Hg3", "OK");
    struct gdb_stop st = {.kind = GDB_STOP_SIGNAL, .signal = 5, .thread = 2};
    CU_ASSERT_STRING_EQUAL(resume_stop(t, "c", NULL, &st), "T05thread:2;");
    expected_regs(t->f, 2, want);
    XCHG(t, "g", want);
    XCHG(t, "qC", "QC2");
    finish(t);
}

static void test_thread_alive(void)
{
    struct t *t = start(3);
    XCHG(t, "T1", "OK");
    XCHG(t, "T3", "OK");
    XCHG(t, "T4", "E03");
    XCHG(t, "T0", "E03");
    XCHG(t, "T-1", "E03");
    XCHG(t, "Tzz", "E01");
    finish(t);
}

static void test_thread_list_in_chunks(void)
{
    struct t *t = start(300);
    unsigned next = 1;
    const char *r = xchg(t, "qfThreadInfo");
    int replies = 0;
    while (r[0] == 'm' && replies < 10) {
        char *p = (char *)r + 1;
        while (*p) {
            unsigned v = (unsigned)strtoul(p, &p, 16);
            CU_ASSERT_EQUAL(v, next);
            next++;
            if (*p == ',')
                p++;
        }
        replies++;
        r = xchg(t, "qsThreadInfo");
    }
    CU_ASSERT_STRING_EQUAL(r, "l");
    CU_ASSERT_EQUAL(next, 301);
    CU_ASSERT_EQUAL(replies, 3);
    XCHG(t, "qsThreadInfo", "l");
    finish(t);
}

static void test_thread_extra_info_is_hex(void)
{
    struct t *t = start(3);
    char text[256];
    unhex(text, xchg(t, "qThreadExtraInfo,2"));
    CU_ASSERT_STRING_EQUAL(text, "hart 1 <M> & \"up\"");
    XCHG(t, "qThreadExtraInfo,4", "E03");
    XCHG(t, "qThreadExtraInfo,zz", "E01");
    finish(t);
}

/* Read a qXfer object in chunks of `len`; returns the document, checks m... then l. */
static char *xfer(struct t *t, const char *prefix, size_t len)
{
    static char doc[65536];
    size_t got = 0;
    for (int i = 0; i < 1000; i++) {
        char pkt[256];
        snprintf(pkt, sizeof(pkt), "%s%zx,%zx", prefix, got, len);
        const char *r = xchg(t, pkt);
        CU_ASSERT(r[0] == 'm' || r[0] == 'l');
        size_t n = unescape(doc + got, r + 1, t->replylen - 1);
        CU_ASSERT(n <= len);
        got += n;
        if (r[0] != 'm')
            break;
        CU_ASSERT_EQUAL(n, len); /* only the last chunk is short */
    }
    doc[got] = 0;
    return doc;
}

static void test_qxfer_features_in_chunks(void)
{
    struct t *t = start(1);
    CU_ASSERT_STRING_EQUAL(xfer(t, "qXfer:features:read:target.xml:", 7), ft_target_xml);
    CU_ASSERT_STRING_EQUAL(xfer(t, "qXfer:features:read:target.xml:", 0x1000), ft_target_xml);
    CU_ASSERT_STRING_EQUAL(xfer(t, "qXfer:features:read:extra.xml:", 5), ft_extra_xml);
    /* The reply escapes # $ } * on the wire. */
    xchg(t, "qXfer:features:read:extra.xml:0,1000");
    CU_ASSERT_PTR_NULL(strpbrk(t->raw + 1, "$"));
    CU_ASSERT_PTR_NOT_NULL(strstr(t->raw, "}\x03}\x04}]}\x0a"));
    char pkt[128];
    snprintf(pkt, sizeof(pkt), "qXfer:features:read:target.xml:%zx,10", strlen(ft_target_xml));
    XCHG(t, pkt, "l");
    snprintf(pkt, sizeof(pkt), "qXfer:features:read:target.xml:%zx,10",
             strlen(ft_target_xml) + 1);
    XCHG(t, pkt, "E01");
    XCHG(t, "qXfer:features:read:nosuch.xml:0,100", "E00");
    XCHG(t, "qXfer:features:read:target.xml:0,0", "E01");
    XCHG(t, "qXfer:features:write:target.xml:0:abc", "");
    XCHG(t, "qXfer:auxv:read::0,100", "");
    finish(t);
}

static void test_qxfer_memory_map(void)
{
    struct t *t = start(1);
    CU_ASSERT_STRING_EQUAL(xfer(t, "qXfer:memory-map:read::", 16), ft_map_xml);
    XCHG(t, "qXfer:memory-map:read:x:0,100", "E00");
    finish(t);
}

static void test_qxfer_threads(void)
{
    struct t *t = start(3);
    const char *doc = xfer(t, "qXfer:threads:read::", 10);
    CU_ASSERT_PTR_NOT_NULL(strstr(doc, "<threads>"));
    CU_ASSERT_PTR_NOT_NULL(
        strstr(doc, "<thread id=\"1\">hart 0 &lt;M&gt; &amp; &quot;up&quot;</thread>"));
    CU_ASSERT_PTR_NOT_NULL(strstr(doc, "<thread id=\"3\">"));
    CU_ASSERT_PTR_NULL(strstr(doc, "<thread id=\"4\">"));
    XCHG(t, "qXfer:threads:read:x:0,100", "E00");
    finish(t);
}

static void test_continue_and_step_follow_hc(void)
{
    struct t *t = start(3);
    /* No Hc (or Hc -1, 0): everything continues; s steps the current thread. */
    CU_ASSERT_STRING_EQUAL(resume_stop(t, "c", (enum gdb_action[]){0, C, C, C}, NULL),
                           "T05thread:1;");
    CU_ASSERT_STRING_EQUAL(resume_stop(t, "s", (enum gdb_action[]){0, S, C, C}, NULL),
                           "T05thread:1;");
    XCHG(t, "Hc2", "OK");
    resume_stop(t, "c", (enum gdb_action[]){0, H, C, H}, NULL);
    resume_stop(t, "s", (enum gdb_action[]){0, H, S, H}, NULL);
    resume_stop(t, "C05", (enum gdb_action[]){0, H, C, H}, NULL); /* signal ignored */
    resume_stop(t, "S0b", (enum gdb_action[]){0, H, S, H}, NULL);
    XCHG(t, "Hc-1", "OK");
    XCHG(t, "Hg3", "OK");
    resume_stop(t, "s", (enum gdb_action[]){0, C, C, S}, NULL);
    XCHG(t, "Hc0", "OK");
    resume_stop(t, "c", (enum gdb_action[]){0, C, C, C}, NULL);
    XCHG(t, "Hc4", "E03");
    finish(t);
}

static void test_resume_at_address_is_refused(void)
{
    struct t *t = start(1);
    XCHG(t, "c80000000", "E01");
    XCHG(t, "s80000000", "E01");
    XCHG(t, "C05;80000000", "E01");
    XCHG(t, "S05;80000000", "E01");
    XCHG(t, "C", "E01");
    XCHG(t, "C100", "E01");
    XCHG(t, "Szz", "E01");
    CU_ASSERT_EQUAL(t->nev, 0);
    finish(t);
}

static void test_vcont_actions_per_thread(void)
{
    struct t *t = start(3);
    XCHG(t, "vCont?", "vCont;c;C;s;S;t");
    resume_stop(t, "vCont;s:2;c", (enum gdb_action[]){0, C, S, C}, NULL);
    resume_stop(t, "vCont;c:1", (enum gdb_action[]){0, C, H, H}, NULL);
    /* The leftmost action that matches a thread wins. */
    resume_stop(t, "vCont;s:1;c:1", (enum gdb_action[]){0, S, H, H}, NULL);
    resume_stop(t, "vCont;c;s:1", (enum gdb_action[]){0, C, C, C}, NULL);
    resume_stop(t, "vCont;t:1;c", (enum gdb_action[]){0, H, C, C}, NULL);
    resume_stop(t, "vCont;C05:2;S0a:3", (enum gdb_action[]){0, H, C, S}, NULL);
    resume_stop(t, "vCont;c:p1.3", (enum gdb_action[]){0, H, H, C}, NULL);
    resume_stop(t, "vCont;c:-1", (enum gdb_action[]){0, C, C, C}, NULL);
    resume_stop(t, "vCont;s:p1.-1", (enum gdb_action[]){0, S, S, S}, NULL);
    resume_stop(t, "vCont;s:0", (enum gdb_action[]){0, S, H, H}, NULL); /* any: current */
    XCHG(t, "vCont;c:4", "E03");
    XCHG(t, "vCont", "E01");
    XCHG(t, "vCont;", "E01");
    XCHG(t, "vCont;t", "E01"); /* would never stop */
    XCHG(t, "vCont;r1000,1008", "E01");
    XCHG(t, "vCont;x", "E01");
    XCHG(t, "vCont;c:", "E01");
    XCHG(t, "vCont;c;", "E01");
    CU_ASSERT_EQUAL(t->nev, 0);
    finish(t);
}

static void test_stop_reply_forms(void)
{
    struct t *t = start(3);
    CU_ASSERT_PTR_NOT_NULL(strstr(xchg(t, "qSupported:swbreak+;hwbreak+"), "swbreak+"));
    struct gdb_stop st = {.kind = GDB_STOP_SWBREAK, .thread = 2};
    CU_ASSERT_STRING_EQUAL(resume_stop(t, "c", NULL, &st), "T05thread:2;swbreak:;");
    XCHG(t, "?", "T05thread:2;swbreak:;");
    st = (struct gdb_stop){.kind = GDB_STOP_HWBREAK, .signal = 5, .thread = 1};
    CU_ASSERT_STRING_EQUAL(resume_stop(t, "c", NULL, &st), "T05thread:1;hwbreak:;");
    st = (struct gdb_stop){.kind = GDB_STOP_WATCH, .signal = 5, .thread = 3,
                           .watch_type = GDB_WP_WRITE, .watch_addr = 0x80001234};
    CU_ASSERT_STRING_EQUAL(resume_stop(t, "c", NULL, &st), "T05thread:3;watch:80001234;");
    st.watch_type = GDB_WP_READ;
    CU_ASSERT_STRING_EQUAL(resume_stop(t, "c", NULL, &st), "T05thread:3;rwatch:80001234;");
    st.watch_type = GDB_WP_ACCESS;
    CU_ASSERT_STRING_EQUAL(resume_stop(t, "c", NULL, &st), "T05thread:3;awatch:80001234;");
    st = (struct gdb_stop){.kind = GDB_STOP_SIGNAL, .signal = 11, .thread = 2};
    CU_ASSERT_STRING_EQUAL(resume_stop(t, "c", NULL, &st), "T0bthread:2;");
    st = (struct gdb_stop){.kind = GDB_STOP_SIGNAL, .signal = 0, .thread = 99};
    CU_ASSERT_STRING_EQUAL(resume_stop(t, "c", NULL, &st), "T05thread:1;");
    st = (struct gdb_stop){.kind = GDB_STOP_EXITED, .exit_code = 0x12a};
    CU_ASSERT_STRING_EQUAL(resume_stop(t, "c", NULL, &st), "W2a");
    XCHG(t, "?", "W2a");
    /* The program is gone: no threads to list. */
    XCHG(t, "qfThreadInfo", "l");
    XCHG(t, "T1", "E03");
    CU_ASSERT_PTR_NULL(strstr(xfer(t, "qXfer:threads:read::", 100), "<thread "));
    finish(t);
    /* A client that did not ask for swbreak/hwbreak does not get them. */
    t = start(3);
    st = (struct gdb_stop){.kind = GDB_STOP_SWBREAK, .signal = 5, .thread = 2};
    CU_ASSERT_STRING_EQUAL(resume_stop(t, "c", NULL, &st), "T05thread:2;");
    st.kind = GDB_STOP_HWBREAK;
    CU_ASSERT_STRING_EQUAL(resume_stop(t, "c", NULL, &st), "T05thread:2;");
    finish(t);
}

static void test_ctrl_c_while_running_interrupts(void)
{
    struct t *t = start(2);
    send_str(t, "\x03"); /* halted: nothing to interrupt */
    CU_ASSERT(no_reply(t, 0.03));
    CU_ASSERT_EQUAL(t->nev, 0);
    send_packet(t, "vCont;c");
    CU_ASSERT(wait_event(t, GDB_EV_RESUME));
    t->nev = 0;
    /* A 0x03 inside a packet is data, not an interrupt (X may carry it raw). */
    send_packet_n(t, "X1000,1:\x03", 9);
    CU_ASSERT(no_reply(t, 0.03));
    CU_ASSERT_EQUAL(t->nev, 0);
    send_str(t, "\x03");
    CU_ASSERT(wait_event(t, GDB_EV_INTERRUPT));
    CU_ASSERT_EQUAL(t->nev, 1);
    struct gdb_stop st = {.kind = GDB_STOP_SIGNAL, .signal = 2, .thread = 2};
    gdb_server_stopped(t->s, &st);
    CU_ASSERT_STRING_EQUAL(get_reply(t), "T02thread:2;");
    /* The X packet sent while running was not run. */
    CU_ASSERT_EQUAL(t->f->mem_writes, 0);
    CU_ASSERT(no_reply(t, 0.03));
    finish(t);
}

static void test_packets_while_running_are_dropped(void)
{
    struct t *t = start(1);
    send_packet(t, "c");
    CU_ASSERT(wait_event(t, GDB_EV_RESUME));
    send_packet(t, "m1000,4");
    CU_ASSERT(no_reply(t, 0.05));
    CU_ASSERT_EQUAL(t->f->mem_reads, 0);
    struct gdb_stop st = {.kind = GDB_STOP_SIGNAL, .signal = 5, .thread = 1};
    gdb_server_stopped(t->s, &st);
    CU_ASSERT_STRING_EQUAL(get_reply(t), "T05thread:1;");
    CU_ASSERT(no_reply(t, 0.03));
    gdb_server_stopped(t->s, &st); /* nothing outstanding: nothing sent */
    CU_ASSERT(no_reply(t, 0.03));
    finish(t);
}

static void test_breakpoints_pass_through(void)
{
    struct t *t = start(1);
    XCHG(t, "Z0,80000000,4", "OK");
    XCHG(t, "Z1,80000010,2", "OK");
    XCHG(t, "Z2,1000,8", "OK");
    XCHG(t, "Z3,1008,4", "OK");
    XCHG(t, "Z4,1010,1", "OK");
    XCHG(t, "z0,80000000,4", "OK");
    XCHG(t, "z4,1010,1", "OK");
    XCHG(t, "Z0,80000020,4;X3,0a0b0c", "OK"); /* a condition GDB keeps to itself */
    CU_ASSERT_EQUAL_FATAL(t->f->nbp, 8);
    struct bp_call want[] = {
        {true, GDB_BP_SW, 0x80000000, 4},  {true, GDB_BP_HW, 0x80000010, 2},
        {true, GDB_WP_WRITE, 0x1000, 8},   {true, GDB_WP_READ, 0x1008, 4},
        {true, GDB_WP_ACCESS, 0x1010, 1},  {false, GDB_BP_SW, 0x80000000, 4},
        {false, GDB_WP_ACCESS, 0x1010, 1}, {true, GDB_BP_SW, 0x80000020, 4},
    };
    for (int i = 0; i < 8; i++) {
        CU_ASSERT_EQUAL(t->f->bp[i].insert, want[i].insert);
        CU_ASSERT_EQUAL(t->f->bp[i].type, want[i].type);
        CU_ASSERT_EQUAL(t->f->bp[i].addr, want[i].addr);
        CU_ASSERT_EQUAL(t->f->bp[i].kind, want[i].kind);
    }
    t->f->bp_rc = -1;
    XCHG(t, "Z1,0,2", "E05");
    t->f->bp_rc = 1;
    XCHG(t, "Z1,0,2", "");
    XCHG(t, "Z5,0,2", "");
    XCHG(t, "Z0,1000", "E01");
    XCHG(t, "z0,zz,4", "E01");
    XCHG(t, "Z0,1000,4x", "E01");
    finish(t);
}

static void test_monitor_output_as_O_packets(void)
{
    struct t *t = start(1);
    char pkt[160], hex[128], text[4000];
    hex_str(hex, "echo hi there");
    snprintf(pkt, sizeof(pkt), "qRcmd,%s", hex);
    const char *r = xchg(t, pkt);
    CU_ASSERT_EQUAL(r[0], 'O');
    unhex(text, r + 1);
    CU_ASSERT_STRING_EQUAL(text, "hi there");
    r = get_reply(t);
    unhex(text, r + 1);
    CU_ASSERT_STRING_EQUAL(text, "\n");
    CU_ASSERT_STRING_EQUAL(get_reply(t), "OK");
    CU_ASSERT_STRING_EQUAL(t->f->monitor_cmd, "echo hi there");
    /* Long output in several packets. */
    hex_str(hex, "big");
    snprintf(pkt, sizeof(pkt), "qRcmd,%s", hex);
    r = xchg(t, pkt);
    size_t got = 0;
    int packets = 0;
    while (r[0] == 'O' && strcmp(r, "OK") && packets < 10) {
        unhex(text + got, r + 1);
        got += strlen(r + 1) / 2;
        packets++;
        r = get_reply(t);
    }
    CU_ASSERT_STRING_EQUAL(r, "OK");
    CU_ASSERT_EQUAL(got, 3000);
    CU_ASSERT_EQUAL(packets, 3);
    CU_ASSERT(text[0] == 'a' && text[2999] == 'a' + 2999 % 26);
    /* Failure: the output, then an error. */
    hex_str(hex, "fail");
    snprintf(pkt, sizeof(pkt), "qRcmd,%s", hex);
    CU_ASSERT_EQUAL(xchg(t, pkt)[0], 'O');
    CU_ASSERT_STRING_EQUAL(get_reply(t), "E05");
    XCHG(t, "qRcmd,", "OK"); /* "monitor" alone */
    XCHG(t, "qRcmd,6", "E01");
    XCHG(t, "qRcmd,zz", "E01");
    XCHG(t, "qRcmd,6100", "E01"); /* a NUL in the command */
    finish(t);
}

static void test_simple_queries(void)
{
    struct t *t = start(1);
    XCHG(t, "qAttached", "1");
    XCHG(t, "qAttached:1", "1");
    XCHG(t, "qSymbol::", "OK");
    XCHG(t, "qOffsets", "");
    XCHG(t, "qTStatus", "");
    XCHG(t, "vMustReplyEmpty", "");
    XCHG(t, "!", "OK");
    finish(t);
}

static void test_unknown_packets_get_empty_reply(void)
{
    struct t *t = start(1);
    const char *unknown[] = {"J", "i", "qFoo", "vFoo", "QFoo", "Hx1", "gx", "qC1", "vCont?x",
                             "qSupportedX", "QStartNoAckModeX", "vKillX", "qfThreadInfoC",
                             "vRunKill", "qXfer", "qXfer:features"};
    for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++)
        XCHG(t, unknown[i], "");
    CU_ASSERT_EQUAL(t->nev, 0);
    finish(t);
}

static void test_malformed_packets_get_errors(void)
{
    struct t *t = start(2);
    const char *bad[] = {
        "m", "m1000", "m1000,", "m,4", "mzz,4", "m1000,4x", "m10000000000000000,1",
        "mffffffffffffffff,2", "M1000,4:0102", "M1000,2:01020", "M1000,2:zz00", "M1000,2",
        "X1000,2:a", "X1000,1:}", "p", "pz", "P1", "P1=", "P1=0102030g", "Hg", "Hgz", "Hg1x",
        "Hc", "T", "Tz", "Z0", "Z0,1000,", "C", "Cz", "S", "qThreadExtraInfo",
        "qThreadExtraInfo,", "qXfer:features:read:target.xml:0",
        "qXfer:features:read:target.xml:", "qXfer:features:read:target.xml:z,1",
        "qXfer:threads:read::0,1x", "Dx", "D;", "D;zz", "vRun;",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        const char *r = xchg(t, bad[i]);
        if (strcmp(r, "E01"))
            fprintf(stderr, "\n  %s -> '%s'\n", bad[i], r);
        CU_ASSERT_STRING_EQUAL(r, "E01");
    }
    CU_ASSERT_EQUAL(t->nev, 0);
    CU_ASSERT_EQUAL(t->f->mem_reads + t->f->mem_writes + t->f->nbp, 0);
    CU_ASSERT(gdb_server_connected(t->s));
    finish(t);
}

static void test_target_without_ops(void)
{
    struct t *t = start_at(&no_ops, fake_new(1), "127.0.0.1:0");
    const char *r = xchg(t, "qSupported");
    CU_ASSERT_PTR_NULL(strstr(r, "features"));
    CU_ASSERT_PTR_NULL(strstr(r, "memory-map"));
    XCHG(t, "g", "E04");
    XCHG(t, "G", "E04");
    XCHG(t, "p1", "");
    XCHG(t, "P1=00", "");
    XCHG(t, "m1000,4", "E0e");
    XCHG(t, "M1000,1:00", "E0e");
    XCHG(t, "X1000,0:", "OK");
    XCHG(t, "Z0,1000,4", "");
    XCHG(t, "qRcmd,6869", "");
    XCHG(t, "qThreadExtraInfo,1", "");
    XCHG(t, "qXfer:features:read:target.xml:0,100", "");
    XCHG(t, "qfThreadInfo", "m1");
    XCHG(t, "T1", "OK");
    XCHG(t, "T2", "E03");
    CU_ASSERT_PTR_NOT_NULL(strstr(xfer(t, "qXfer:threads:read::", 100), "<thread id=\"1\">"));
    finish(t);
}

/* ---- connections ---- */

static void wait_eof(struct t *t)
{
    double end = now_s() + 5;
    while (!t->eof && now_s() < end) {
        pump(t);
        receive(t);
        usleep(200);
    }
    CU_ASSERT(t->eof);
}

static void test_detach_closes_and_a_new_client_connects(void)
{
    struct t *t = start(1);
    XCHG(t, "QStartNoAckMode", "OK");
    t->no_ack = true;
    send_packet(t, "D");
    CU_ASSERT_STRING_EQUAL(get_reply(t), "OK");
    CU_ASSERT_EQUAL(last_event(t), GDB_EV_DETACH);
    CU_ASSERT_FALSE(gdb_server_connected(t->s));
    wait_eof(t);
    close(t->fd);
    /* The next client starts afresh: acks are back on. */
    t->nev = 0;
    reconnect(t);
    CU_ASSERT_EQUAL(last_event(t), GDB_EV_INTERRUPT);
    XCHG(t, "?", "T05thread:1;");
    CU_ASSERT(t->acks > 0);
    t->nev = 0;
    send_packet(t, "D;1");
    CU_ASSERT_STRING_EQUAL(get_reply(t), "OK");
    CU_ASSERT_EQUAL(last_event(t), GDB_EV_DETACH);
    wait_eof(t);
    finish(t);
}

static void test_kill_closes_without_reply(void)
{
    struct t *t = start(1);
    send_packet(t, "k");
    wait_eof(t);
    CU_ASSERT_EQUAL(t->nev, 1);
    CU_ASSERT_EQUAL(last_event(t), GDB_EV_KILL);
    CU_ASSERT_EQUAL(t->frames, 0);
    CU_ASSERT_FALSE(gdb_server_connected(t->s));
    finish(t);
}

static void test_extended_mode_restart_and_kill(void)
{
    struct t *t = start(2);
    /* Outside extended mode R does not exist (and has no reply), vRun is refused. */
    send_packet(t, "R00");
    CU_ASSERT(no_reply(t, 0.05));
    CU_ASSERT_EQUAL(t->nev, 0);
    XCHG(t, "vRun;", "E01");
    XCHG(t, "!", "OK");
    /* R: no reply, and the stop after the reset is only recorded (GDB asks with '?'). */
    send_packet(t, "R00");
    CU_ASSERT(no_reply(t, 0.05));
    CU_ASSERT_EQUAL(last_event(t), GDB_EV_RESTART);
    struct gdb_stop st = {.kind = GDB_STOP_SIGNAL, .signal = 5, .thread = 2};
    gdb_server_stopped(t->s, &st);
    CU_ASSERT(no_reply(t, 0.05));
    XCHG(t, "?", "T05thread:2;");
    /* vRun: the stop reply answers it once the engine has reset the target. */
    t->nev = 0;
    send_packet(t, "vRun;2f746d702f66772e656c66;6172673");
    CU_ASSERT(no_reply(t, 0.05));
    CU_ASSERT_EQUAL(last_event(t), GDB_EV_RESTART);
    st.thread = 1;
    gdb_server_stopped(t->s, &st);
    CU_ASSERT_STRING_EQUAL(get_reply(t), "T05thread:1;");
    /* The server persists in extended mode: vKill resets and holds the target, and there is
     * no process until the next vRun (GDB's `run` on a live program: vKill, then vRun). */
    t->nev = 0;
    XCHG(t, "vKill;a410", "OK");
    CU_ASSERT_EQUAL(last_event(t), GDB_EV_RESTART);
    gdb_server_stopped(t->s, &st);
    CU_ASSERT(no_reply(t, 0.03));
    XCHG(t, "?", "X09");
    XCHG(t, "qfThreadInfo", "l");
    XCHG(t, "T1", "E03");
    t->nev = 0;
    send_packet(t, "vRun;");
    CU_ASSERT(wait_event(t, GDB_EV_RESTART));
    gdb_server_stopped(t->s, &st);
    CU_ASSERT_STRING_EQUAL(get_reply(t), "T05thread:1;");
    XCHG(t, "qfThreadInfo", "m1,2");
    /* k likewise, without a reply, and the connection stays. */
    t->nev = 0;
    send_packet(t, "k");
    CU_ASSERT(no_reply(t, 0.05));
    CU_ASSERT_EQUAL(last_event(t), GDB_EV_RESTART);
    CU_ASSERT(gdb_server_connected(t->s));
    XCHG(t, "?", "X09");
    send_packet(t, "R00");
    CU_ASSERT(no_reply(t, 0.05));
    XCHG(t, "?", "T05thread:1;");
    finish(t);
    /* Outside extended mode a kill ends the simulation. */
    t = start(1);
    XCHG(t, "vKill;1", "OK");
    CU_ASSERT_EQUAL(last_event(t), GDB_EV_KILL);
    finish(t);
}

static void test_disconnect_and_reconnect(void)
{
    struct t *t = start(2);
    XCHG(t, "!", "OK");
    XCHG(t, "Hg2", "OK");
    close(t->fd);
    t->fd = -1;
    CU_ASSERT(wait_event(t, GDB_EV_DISCONNECT));
    CU_ASSERT_FALSE(gdb_server_connected(t->s));
    CU_ASSERT_EQUAL(gdb_server_poll(t->s, false, NULL), GDB_EV_NONE);
    /* Per-connection state is gone: Hg, extended mode. */
    t->nev = 0;
    reconnect(t);
    XCHG(t, "qC", "QC1");
    XCHG(t, "vRun;", "E01");
    /* Disconnect while the target runs. */
    send_packet(t, "c");
    CU_ASSERT(wait_event(t, GDB_EV_RESUME));
    close(t->fd);
    t->fd = -1;
    t->nev = 0;
    CU_ASSERT(wait_event(t, GDB_EV_DISCONNECT));
    struct gdb_stop st = {.kind = GDB_STOP_SIGNAL, .signal = 5, .thread = 1};
    gdb_server_stopped(t->s, &st); /* nobody to tell */
    t->nev = 0;
    reconnect(t);
    XCHG(t, "?", "T05thread:1;");
    finish(t);
}

static void test_lost_connection_never_raises_sigpipe(void)
{
    struct t *t = start(1);
    send_packet(t, "c");
    CU_ASSERT(wait_event(t, GDB_EV_RESUME));
    /* Reset the connection, then make the server write to it. SIGPIPE is at its default
     * (terminate), so a send without MSG_NOSIGNAL would end this program. */
    struct linger lg = {1, 0};
    setsockopt(t->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
    close(t->fd);
    t->fd = -1;
    usleep(10000);
    struct gdb_stop st = {.kind = GDB_STOP_SIGNAL, .signal = 5, .thread = 1};
    gdb_server_stopped(t->s, &st);
    t->nev = 0;
    CU_ASSERT(wait_event(t, GDB_EV_DISCONNECT));
    finish(t);
}

static void test_client_that_never_reads_cannot_grow_the_server(void)
{
    struct t *t = start(1);
    /* 3000 requests of 2 KiB each (6 MB of replies), none read yet: the server stops taking
     * packets once its queue is full, and each poll still returns at once. */
    double t0 = now_s();
    for (int i = 0; i < 3000; i++)
        send_packet(t, "m1000,800");
    for (int i = 0; i < 100; i++)
        pump(t);
    CU_ASSERT(now_s() - t0 < 10);
    CU_ASSERT(t->s->out.len - t->s->out_pos < 2 * 256 * 1024);
    /* Reading now, every reply arrives, in order. */
    char want[4200];
    hex_of(want, t->f->mem, 0x800);
    int ok = 0;
    for (int i = 0; i < 3000; i++) {
        const char *r = wait_reply(t, 5);
        if (!r)
            break;
        ok += !strcmp(r, want);
    }
    CU_ASSERT_EQUAL(ok, 3000);
    finish(t);
}

/* wait = true blocks in poll(2); a signal (the engine's Ctrl-C handler) gets it back. */
static void on_alarm(int sig)
{
}

static void arm_alarm(long usec, struct sigaction *old)
{
    struct sigaction sa = {.sa_handler = on_alarm}; /* no SA_RESTART */
    sigaction(SIGALRM, &sa, old);
    struct itimerval it = {.it_value = {usec / 1000000, usec % 1000000}};
    setitimer(ITIMER_REAL, &it, NULL);
}

static void disarm_alarm(const struct sigaction *old)
{
    struct itimerval it = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &it, NULL);
    sigaction(SIGALRM, old, NULL);
}

static void test_wait_returns_none_when_a_signal_arrives(void)
{
    struct t *t = start(1);
    struct sigaction old;
    struct gdb_resume r;
    arm_alarm(50000, &old);
    double t0 = now_s();
    CU_ASSERT_EQUAL(gdb_server_poll(t->s, true, &r), GDB_EV_NONE);
    CU_ASSERT(now_s() - t0 < 2);
    disarm_alarm(&old);
    /* Also while waiting for a client. */
    close(t->fd);
    t->fd = -1;
    CU_ASSERT_EQUAL(gdb_server_poll(t->s, true, &r), GDB_EV_DISCONNECT);
    arm_alarm(50000, &old);
    CU_ASSERT_EQUAL(gdb_server_poll(t->s, true, &r), GDB_EV_NONE);
    disarm_alarm(&old);
    finish(t);
}

struct late_client {
    const char *addr;
    int fd;
};

static void *late_client(void *arg)
{
    struct late_client *lc = arg;
    usleep(50000);
    lc->fd = connect_to(lc->addr);
    usleep(50000);
    const char *pkts = "$qC#b4$vCont;s:1#23";
    send(lc->fd, pkts, strlen(pkts), MSG_NOSIGNAL);
    return NULL;
}

static void test_wait_accepts_a_client_and_serves_until_an_event(void)
{
    struct fake *f = fake_new(1);
    char err[256];
    struct gdb_server *s = gdb_server_new(&ft_ops, f, "127.0.0.1:0", err, sizeof(err));
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    struct late_client lc = {gdb_server_address(s), -1};
    pthread_t th;
    pthread_create(&th, NULL, late_client, &lc);
    struct sigaction old;
    arm_alarm(5000000, &old); /* a safety net: a hang fails instead of blocking the suite */
    struct gdb_resume r;
    enum gdb_event ev = gdb_server_poll(s, true, &r);
    disarm_alarm(&old);
    pthread_join(th, NULL);
    CU_ASSERT_EQUAL(ev, GDB_EV_RESUME); /* no INTERRUPT for a client accepted while waiting */
    CU_ASSERT_EQUAL(r.action[1], GDB_ACT_STEP);
    char buf[256] = "";
    usleep(20000);
    ssize_t n = recv(lc.fd, buf, sizeof(buf) - 1, MSG_DONTWAIT);
    CU_ASSERT(n > 0);
    CU_ASSERT_STRING_EQUAL(buf, "+$QC1#c5+");
    close(lc.fd);
    gdb_server_free(s);
    free(f);
}

static void test_unix_socket(void)
{
    char path[100], addr[120], err[256];
    snprintf(path, sizeof(path), "/tmp/socsim-test-gdb-%d.sock", (int)getpid());
    snprintf(addr, sizeof(addr), "unix:%s", path);
    unlink(path);
    struct t *t = start_at(&ft_ops, fake_new(1), addr);
    CU_ASSERT_STRING_EQUAL(gdb_server_address(t->s), addr);
    XCHG(t, "qC", "QC1");
    /* A second server on a live socket is refused and leaves it alone. */
    struct fake *f = fake_new(1);
    CU_ASSERT_PTR_NULL(gdb_server_new(&ft_ops, f, addr, err, sizeof(err)));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "already listening"));
    XCHG(t, "qC", "QC1");
    close(t->fd);
    t->fd = -1;
    finish(t);
    struct stat st;
    CU_ASSERT(stat(path, &st) < 0); /* removed by gdb_server_free */

    /* A stale socket (its server died without removing it) is replaced. */
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", path);
    CU_ASSERT(bind(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0);
    close(fd);
    CU_ASSERT(stat(path, &st) == 0 && S_ISSOCK(st.st_mode));
    t = start_at(&ft_ops, fake_new(1), addr);
    XCHG(t, "?", "T05thread:1;");
    finish(t);

    /* Anything that is not a socket is never removed. */
    FILE *file = fopen(path, "w");
    fputs("precious", file);
    fclose(file);
    CU_ASSERT_PTR_NULL(gdb_server_new(&ft_ops, f, addr, err, sizeof(err)));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "not a socket"));
    CU_ASSERT(stat(path, &st) == 0 && S_ISREG(st.st_mode));
    unlink(path);
    char longpath[300] = "unix:/tmp/";
    memset(longpath + 10, 'x', 200);
    longpath[210] = 0;
    CU_ASSERT_PTR_NULL(gdb_server_new(&ft_ops, f, longpath, err, sizeof(err)));
    CU_ASSERT_PTR_NULL(gdb_server_new(&ft_ops, f, "unix:", err, sizeof(err)));
    free(f);
}

static void test_address_forms_and_errors(void)
{
    struct fake *f = fake_new(1);
    char err[256];
    struct gdb_server *s = gdb_server_new(&ft_ops, f, "0", err, sizeof(err));
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    const char *a = gdb_server_address(s);
    CU_ASSERT(!strncmp(a, "127.0.0.1:", 10) && atoi(a + 10) > 0);
    CU_ASSERT_FALSE(gdb_server_connected(s));
    /* The port is taken now. */
    char taken[64];
    snprintf(taken, sizeof(taken), "%s", a + 10);
    err[0] = 0;
    CU_ASSERT_PTR_NULL(gdb_server_new(&ft_ops, f, taken, err, sizeof(err)));
    CU_ASSERT(err[0] != 0);
    gdb_server_free(s);
    /* The same port again right away (SO_REUSEADDR). */
    s = gdb_server_new(&ft_ops, f, taken, err, sizeof(err));
    CU_ASSERT_PTR_NOT_NULL(s);
    gdb_server_free(s);
    s = gdb_server_new(&ft_ops, f, "localhost:0", err, sizeof(err));
    CU_ASSERT_PTR_NOT_NULL(s);
    gdb_server_free(s);
    s = gdb_server_new(&ft_ops, f, ":0", err, sizeof(err));
    CU_ASSERT_PTR_NOT_NULL(s);
    if (s)
        CU_ASSERT(!strncmp(gdb_server_address(s), "127.0.0.1:", 10));
    gdb_server_free(s);
    s = gdb_server_new(&ft_ops, f, "[::1]:0", err, sizeof(err));
    if (s) /* only where IPv6 is configured */
        CU_ASSERT(!strncmp(gdb_server_address(s), "[::1]:", 6));
    gdb_server_free(s);
    const char *bad[] = {"", "abc", "70000", "127.0.0.1:", "127.0.0.1:x", "1:2:3",
                         "-1", "host.invalid:1234", "999.1.1.1:80"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        err[0] = 0;
        s = gdb_server_new(&ft_ops, f, bad[i], err, sizeof(err));
        CU_ASSERT_PTR_NULL(s);
        CU_ASSERT(err[0] != 0);
        gdb_server_free(s);
    }
    gdb_server_free(NULL);
    free(f);
}

/* ---- fuzzing ---- */

static void test_fuzz_short_run_finds_nothing(void)
{
    const char *env = getenv("GDB_FUZZ_SECONDS");
    double seconds = env ? atof(env) : 2;
    unsigned long n = gdb_fuzz_run((uint64_t)time(NULL), seconds, (unsigned long)-1);
    printf("(%lu fuzzed inputs) ", n);
    CU_ASSERT(n > 100);
}

UNIT_MAIN("gdb",
          T(test_packet_is_acked_and_answered_with_valid_checksum),
          T(test_bad_checksum_is_nacked_and_not_run),
          T(test_nack_retransmits_the_last_reply),
          T(test_no_ack_mode),
          T(test_bytes_between_packets_are_ignored),
          T(test_dollar_inside_a_packet_starts_a_new_one),
          T(test_packet_split_across_writes),
          T(test_pipelined_packets_answered_in_order),
          T(test_empty_packet_gets_empty_reply),
          T(test_replies_are_run_length_encoded),
          T(test_rle_encoder_all_run_lengths),
          T(test_hex_numbers_and_escaping_helpers),
          T(test_oversized_packet_is_dropped_with_error),
          T(test_packet_of_exactly_packet_size_is_accepted),
          T(test_qsupported_lists_features),
          T(test_question_mark_reports_last_stop),
          T(test_g_concatenates_registers_and_skips_absent_ones),
          T(test_G_writes_registers),
          T(test_p_and_P_single_registers),
          T(test_m_reads_memory_partially_or_fails),
          T(test_flash_packets_erase_and_write),
          T(test_M_and_X_write_memory),
          T(test_thread_selection_for_registers_and_memory),
          T(test_thread_alive),
          T(test_thread_list_in_chunks),
          T(test_thread_extra_info_is_hex),
          T(test_qxfer_features_in_chunks),
          T(test_qxfer_memory_map),
          T(test_qxfer_threads),
          T(test_continue_and_step_follow_hc),
          T(test_resume_at_address_is_refused),
          T(test_vcont_actions_per_thread),
          T(test_stop_reply_forms),
          T(test_ctrl_c_while_running_interrupts),
          T(test_packets_while_running_are_dropped),
          T(test_breakpoints_pass_through),
          T(test_monitor_output_as_O_packets),
          T(test_simple_queries),
          T(test_unknown_packets_get_empty_reply),
          T(test_malformed_packets_get_errors),
          T(test_target_without_ops),
          T(test_detach_closes_and_a_new_client_connects),
          T(test_kill_closes_without_reply),
          T(test_extended_mode_restart_and_kill),
          T(test_disconnect_and_reconnect),
          T(test_lost_connection_never_raises_sigpipe),
          T(test_client_that_never_reads_cannot_grow_the_server),
          T(test_wait_returns_none_when_a_signal_arrives),
          T(test_wait_accepts_a_client_and_serves_until_an_event),
          T(test_unix_socket),
          T(test_address_forms_and_errors),
          T(test_fuzz_short_run_finds_nothing))
