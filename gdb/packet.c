/* The packet layer of the GDB remote protocol: $data#checksum framing in both directions,
 * run-length encoding of replies, hex and binary (0x7d-escaped) data, and the small parsers the
 * commands use. Pure functions on buffers: no sockets here. */
#include "gdb/rsp.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- growable byte buffer ---- */

void rsp_buf_free(struct rsp_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof(*b));
}

void rsp_buf_reserve(struct rsp_buf *b, size_t extra)
{
    if (b->cap - b->len > extra)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len <= extra)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p)
        abort();
    b->data = p;
    b->cap = cap;
}

/* Room is always kept for a NUL after the data, so payloads can be logged or compared. */
void rsp_buf_put(struct rsp_buf *b, const void *p, size_t n)
{
    rsp_buf_reserve(b, n);
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
}

void rsp_buf_putc(struct rsp_buf *b, char c)
{
    rsp_buf_put(b, &c, 1);
}

void rsp_buf_puts(struct rsp_buf *b, const char *s)
{
    rsp_buf_put(b, s, strlen(s));
}

void rsp_buf_printf(struct rsp_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    rsp_buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static const char hexdigits[] = "0123456789abcdef";

void rsp_buf_hex(struct rsp_buf *b, const uint8_t *p, size_t n)
{
    rsp_buf_reserve(b, 2 * n);
    for (size_t i = 0; i < n; i++) {
        b->data[b->len++] = hexdigits[p[i] >> 4];
        b->data[b->len++] = hexdigits[p[i] & 15];
    }
    b->data[b->len] = 0;
}

static bool needs_escape(uint8_t c)
{
    return c == '#' || c == '$' || c == '}' || c == '*';
}

void rsp_buf_binary(struct rsp_buf *b, const uint8_t *p, size_t n)
{
    rsp_buf_reserve(b, 2 * n);
    for (size_t i = 0; i < n; i++) {
        if (needs_escape(p[i])) {
            b->data[b->len++] = 0x7d;
            b->data[b->len++] = (char)(p[i] ^ 0x20);
        } else {
            b->data[b->len++] = (char)p[i];
        }
    }
    b->data[b->len] = 0;
}

void rsp_buf_xml_text(struct rsp_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': rsp_buf_puts(b, "&amp;"); break;
        case '<': rsp_buf_puts(b, "&lt;"); break;
        case '>': rsp_buf_puts(b, "&gt;"); break;
        case '"': rsp_buf_puts(b, "&quot;"); break;
        case '\'': rsp_buf_puts(b, "&apos;"); break;
        default: rsp_buf_putc(b, *s); break;
        }
    }
}

/* ---- framing replies ---- */

/* Run-length encoding (GDB manual, "Overview"): a character, '*', then the number of extra
 * repeats plus 29 as one printable character. Worth it from 4 identical characters on (zeroed
 * registers and memory); counts 6 and 7 would give '#' and '$', so those runs use 5, and the
 * count character may not pass '~' (126), so at most 97 extra repeats per run. */
#define RLE_MIN_RUN 4
#define RLE_MAX_EXTRA (126 - 29)

void rsp_frame(struct rsp_buf *out, const char *payload, size_t len)
{
    rsp_buf_reserve(out, len + 4);
    size_t start = out->len;
    rsp_buf_putc(out, '$');
    size_t i = 0;
    while (i < len) {
        char c = payload[i];
        size_t run = 1;
        while (i + run < len && payload[i + run] == c && run < RLE_MAX_EXTRA + 1)
            run++;
        if (run >= RLE_MIN_RUN) {
            size_t extra = run - 1;
            if (extra + 29 == '#' || extra + 29 == '$')
                extra = 5;
            char enc[3] = {c, '*', (char)(extra + 29)};
            rsp_buf_put(out, enc, 3);
            i += extra + 1;
        } else {
            rsp_buf_putc(out, c);
            i++;
        }
    }
    uint8_t sum = 0;
    for (size_t k = start + 1; k < out->len; k++)
        sum += (uint8_t)out->data[k];
    char tail[3] = {'#', hexdigits[sum >> 4], hexdigits[sum & 15]};
    rsp_buf_put(out, tail, 3);
}

/* ---- receiving packets ---- */

enum { F_IDLE, F_DATA, F_SUM1, F_SUM2 };

int rsp_hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void rsp_framer_reset(struct rsp_framer *f)
{
    f->state = F_IDLE;
    f->len = 0;
    f->data[0] = 0;
}

static void start_packet(struct rsp_framer *f)
{
    f->state = F_DATA;
    f->sum = 0;
    f->sent_sum = 0;
    f->bad_digit = false;
    f->overflow = false;
    f->len = 0;
}

enum rsp_input rsp_framer_feed(struct rsp_framer *f, uint8_t c)
{
    switch (f->state) {
    case F_IDLE:
        /* Outside a packet only acks, a new packet and Ctrl-C mean anything; line noise and
         * stray characters are dropped, as the manual allows. */
        if (c == '$')
            start_packet(f);
        else if (c == '+')
            return RSP_IN_ACK;
        else if (c == '-')
            return RSP_IN_NACK;
        else if (c == 0x03)
            return RSP_IN_INTERRUPT;
        return RSP_IN_NONE;
    case F_DATA:
        if (c == '$') {
            /* '$' is always escaped inside a packet, so this starts a new one: the previous
             * was cut short. Resynchronise on it rather than swallow the new packet. */
            start_packet(f);
        } else if (c == '#') {
            f->state = F_SUM1;
        } else {
            f->sum += c;
            if (f->len < RSP_PACKET_SIZE)
                f->data[f->len++] = (char)c;
            else
                f->overflow = true;
        }
        return RSP_IN_NONE;
    case F_SUM1:
    case F_SUM2: {
        if (c == '$') {
            start_packet(f);
            return RSP_IN_NONE;
        }
        int v = rsp_hexval(c);
        if (v < 0)
            f->bad_digit = true;
        f->sent_sum = (uint8_t)(f->sent_sum << 4 | (v & 15));
        if (f->state == F_SUM1) {
            f->state = F_SUM2;
            return RSP_IN_NONE;
        }
        f->state = F_IDLE;
        f->data[f->len] = 0;
        if (f->bad_digit || f->sent_sum != f->sum)
            return RSP_IN_BAD_CHECKSUM;
        return f->overflow ? RSP_IN_TOO_LONG : RSP_IN_PACKET;
    }
    }
    f->state = F_IDLE;
    return RSP_IN_NONE;
}

/* ---- parsing fields ---- */

bool rsp_at_end(const struct rsp_cur *c)
{
    return c->p >= c->end;
}

bool rsp_eat(struct rsp_cur *c, char ch)
{
    if (c->p < c->end && *c->p == ch) {
        c->p++;
        return true;
    }
    return false;
}

bool rsp_eat_str(struct rsp_cur *c, const char *s)
{
    size_t n = strlen(s);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, s, n) != 0)
        return false;
    c->p += n;
    return true;
}

bool rsp_hex_u64(struct rsp_cur *c, uint64_t *v)
{
    uint64_t x = 0;
    const char *start = c->p;
    while (c->p < c->end) {
        int d = rsp_hexval((unsigned char)*c->p);
        if (d < 0)
            break;
        if (x > (UINT64_MAX >> 4))
            return false;
        x = x << 4 | (uint64_t)d;
        c->p++;
    }
    if (c->p == start)
        return false;
    *v = x;
    return true;
}

static bool thread_number(struct rsp_cur *c, int64_t *v)
{
    if (rsp_eat_str(c, "-1")) {
        *v = -1;
        return true;
    }
    uint64_t x;
    if (!rsp_hex_u64(c, &x) || x > INT64_MAX)
        return false;
    *v = (int64_t)x;
    return true;
}

bool rsp_thread_id(struct rsp_cur *c, int64_t *tid)
{
    if (rsp_eat(c, 'p')) {
        int64_t pid;
        if (!thread_number(c, &pid))
            return false;
        if (!rsp_eat(c, '.')) {
            *tid = -1; /* "pPID": every thread of the process */
            return true;
        }
    }
    return thread_number(c, tid);
}

ssize_t rsp_hex_decode(const char *p, size_t n, uint8_t *out, size_t cap)
{
    if (n % 2 || n / 2 > cap)
        return -1;
    for (size_t i = 0; i < n / 2; i++) {
        int hi = rsp_hexval((unsigned char)p[2 * i]);
        int lo = rsp_hexval((unsigned char)p[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return -1;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return (ssize_t)(n / 2);
}

ssize_t rsp_unescape(const char *p, size_t n, uint8_t *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (o == cap)
            return -1;
        uint8_t c = (uint8_t)p[i];
        if (c == 0x7d) {
            if (++i == n)
                return -1;
            c = (uint8_t)p[i] ^ 0x20;
        }
        out[o++] = c;
    }
    return (ssize_t)o;
}
