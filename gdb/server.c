/* The GDB server's connection: a listening TCP or Unix socket, one client at a time, and the
 * loop that reads bytes into the framer and writes queued replies. The socket is non-blocking
 * throughout; gdb_server_poll(wait = true) blocks in poll(2), never in read or write, so a
 * signal (the engine's Ctrl-C handler) always gets the engine back. */
#include "gdb/rsp.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

/* Stop taking packets while this much output waits for a client that does not read, so a
 * client that only writes cannot make the server buffer without bound. */
#define OUT_HIGH (256 * 1024)
/* wait = false handles at most this many reads per call, so a client that streams cannot keep
 * the engine out of its run loop. */
#define MAX_READS_NOWAIT 16
/* How long D and k wait for their reply to drain before the connection is closed. */
#define CLOSE_DRAIN_MS 1000

static void set_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* ---- listening ---- */

static int listen_unix(struct gdb_server *s, const char *path, char *err, size_t errlen)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (!*path || strlen(path) >= sizeof(sa.sun_path)) {
        set_err(err, errlen, "unix socket path '%s' is %s", path, *path ? "too long" : "empty");
        return -1;
    }
    strcpy(sa.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        set_err(err, errlen, "socket: %s", strerror(errno));
        return -1;
    }
    struct stat st;
    if (lstat(path, &st) == 0) {
        /* A socket file left by a server that died is removed; a live server's socket (one
         * that accepts a connection) and anything that is not a socket are left alone. */
        if (!S_ISSOCK(st.st_mode)) {
            set_err(err, errlen, "%s exists and is not a socket", path);
            close(fd);
            return -1;
        }
        int probe = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        bool live = probe >= 0 && (connect(probe, (struct sockaddr *)&sa, sizeof(sa)) == 0 ||
                                   errno == EAGAIN);
        if (probe >= 0)
            close(probe);
        if (live) {
            set_err(err, errlen, "%s: a server is already listening there", path);
            close(fd);
            return -1;
        }
        unlink(path);
    }
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(fd, 1) < 0) {
        set_err(err, errlen, "%s: %s", path, strerror(errno));
        close(fd);
        return -1;
    }
    s->unix_path = strdup(path);
    if (!s->unix_path)
        abort();
    /* Remember which file we made, so freeing the server never removes someone else's. */
    if (stat(path, &st) == 0) {
        s->unix_dev = st.st_dev;
        s->unix_ino = st.st_ino;
    }
    snprintf(s->address, sizeof(s->address), "unix:%s", path);
    return fd;
}

static bool valid_port(const char *p)
{
    if (!*p || strlen(p) > 5)
        return false;
    for (const char *q = p; *q; q++)
        if (*q < '0' || *q > '9')
            return false;
    return atoi(p) <= 65535;
}

static void format_address(struct gdb_server *s, int fd)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    char host[INET6_ADDRSTRLEN] = "?";
    unsigned port = 0;
    if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0) {
        if (ss.ss_family == AF_INET) {
            struct sockaddr_in *in = (struct sockaddr_in *)&ss;
            inet_ntop(AF_INET, &in->sin_addr, host, sizeof(host));
            port = ntohs(in->sin_port);
        } else if (ss.ss_family == AF_INET6) {
            struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
            inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof(host));
            port = ntohs(in6->sin6_port);
        }
    }
    snprintf(s->address, sizeof(s->address), ss.ss_family == AF_INET6 ? "[%s]:%u" : "%s:%u",
             host, port);
}

static int listen_tcp(struct gdb_server *s, const char *addr, char *err, size_t errlen)
{
    char host[256];
    const char *port;
    const char *colon = strrchr(addr, ':');
    if (!colon) {
        strcpy(host, "127.0.0.1");
        port = addr;
    } else {
        size_t n = (size_t)(colon - addr);
        if (n >= sizeof(host)) {
            set_err(err, errlen, "bad address '%s'", addr);
            return -1;
        }
        memcpy(host, addr, n);
        host[n] = 0;
        port = colon + 1;
        /* "[::1]:1234" for IPv6; an empty host means the default. */
        if (n >= 2 && host[0] == '[' && host[n - 1] == ']') {
            memmove(host, host + 1, n - 2);
            host[n - 2] = 0;
        }
        if (!host[0])
            strcpy(host, "127.0.0.1");
    }
    if (!valid_port(port)) {
        set_err(err, errlen, "bad address '%s': expected PORT, HOST:PORT or unix:PATH", addr);
        return -1;
    }
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
                             .ai_flags = AI_PASSIVE | AI_NUMERICSERV};
    struct addrinfo *res;
    int rc = getaddrinfo(host, port, &hints, &res);
    if (rc) {
        set_err(err, errlen, "%s: %s", host, gai_strerror(rc));
        return -1;
    }
    int fd = -1, saved = 0;
    for (struct addrinfo *a = res; a && fd < 0; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) {
            saved = errno;
            continue;
        }
        /* Restarting socsim on the same port must not fail while the last connection sits in
         * TIME_WAIT. */
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        if (bind(fd, a->ai_addr, a->ai_addrlen) < 0 || listen(fd, 1) < 0) {
            saved = errno;
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(res);
    if (fd < 0) {
        set_err(err, errlen, "%s: %s", addr, strerror(saved));
        return -1;
    }
    format_address(s, fd);
    return fd;
}

struct gdb_server *gdb_server_new(const struct gdb_target_ops *ops, void *target,
                                  const char *addr, char *err, size_t errlen)
{
    if (!ops || !addr) {
        set_err(err, errlen, "no target or no address");
        return NULL;
    }
    struct gdb_server *s = calloc(1, sizeof(*s));
    if (!s)
        abort();
    s->ops = ops;
    s->target = target;
    s->client_fd = -1;
    s->last_stop = (struct gdb_stop){.kind = GDB_STOP_SIGNAL, .signal = 5, .thread = 1};
    rsp_framer_reset(&s->in);
    if (!strncmp(addr, "unix:", 5))
        s->listen_fd = listen_unix(s, addr + 5, err, errlen);
    else
        s->listen_fd = listen_tcp(s, addr, err, errlen);
    if (s->listen_fd < 0) {
        free(s->unix_path);
        free(s);
        return NULL;
    }
    return s;
}

/* ---- the connection ---- */

static void reset_connection(struct gdb_server *s)
{
    s->no_ack = false;
    s->extended = false;
    s->killed = false;
    s->client_swbreak = false;
    s->client_hwbreak = false;
    s->lost = false;
    s->close_after_flush = false;
    s->resumed = false;
    s->g_thread = 0;
    s->c_thread = 0;
    s->qs_next = 0;
    s->threads_xml.len = 0;
    rsp_framer_reset(&s->in);
    s->rx_pos = s->rx_len = 0;
    s->out.len = 0;
    s->out_pos = 0;
    s->last.len = 0;
}

static bool try_accept(struct gdb_server *s)
{
    int fd = accept4(s->listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0)
        return false;
    /* Small packets, one at a time, each waiting for an answer: Nagle would add a delay to
     * every round trip. (Fails harmlessly on a Unix socket.) */
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    s->client_fd = fd;
    reset_connection(s);
    return true;
}

static void close_client(struct gdb_server *s)
{
    if (s->client_fd >= 0)
        close(s->client_fd);
    s->client_fd = -1;
    reset_connection(s);
}

/* Write what the socket takes now; a failure marks the connection lost. */
static void flush_out(struct gdb_server *s)
{
    while (s->client_fd >= 0 && !s->lost && s->out_pos < s->out.len) {
        ssize_t n = send(s->client_fd, s->out.data + s->out_pos, s->out.len - s->out_pos,
                         MSG_NOSIGNAL);
        if (n > 0)
            s->out_pos += (size_t)n;
        else if (n < 0 && errno == EINTR)
            continue;
        else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        else
            s->lost = true;
    }
    if (s->out_pos == s->out.len) {
        s->out.len = 0;
        s->out_pos = 0;
    }
}

/* Before closing after D or k: give the reply a bounded time to go out. */
static void drain_out(struct gdb_server *s)
{
    for (int waited = 0; waited < CLOSE_DRAIN_MS; waited += 10) {
        flush_out(s);
        if (s->lost || s->out.len == 0)
            return;
        struct pollfd p = {.fd = s->client_fd, .events = POLLOUT};
        poll(&p, 1, 10);
    }
}

static size_t pending_out(const struct gdb_server *s)
{
    return s->out.len - s->out_pos;
}

void rsp_send_raw(struct gdb_server *s, const char *bytes, size_t len)
{
    if (s->client_fd < 0)
        return;
    /* Drop what has been written before the queue grows. */
    if (s->out_pos && s->out_pos >= s->out.len / 2) {
        memmove(s->out.data, s->out.data + s->out_pos, s->out.len - s->out_pos);
        s->out.len -= s->out_pos;
        s->out_pos = 0;
    }
    rsp_buf_put(&s->out, bytes, len);
}

void rsp_send(struct gdb_server *s, const char *payload, size_t len)
{
    s->last.len = 0;
    rsp_frame(&s->last, payload, len);
    rsp_send_raw(s, s->last.data, s->last.len);
}

void rsp_send_str(struct gdb_server *s, const char *payload)
{
    rsp_send(s, payload, strlen(payload));
}

void rsp_send_reply(struct gdb_server *s)
{
    rsp_send(s, s->reply.data ? s->reply.data : "", s->reply.len);
}

/* Feed received bytes to the framer and run complete packets, until one needs the engine. */
static enum gdb_event process_input(struct gdb_server *s, struct gdb_resume *resume)
{
    while (s->rx_pos < s->rx_len && pending_out(s) < OUT_HIGH && !s->close_after_flush) {
        switch (rsp_framer_feed(&s->in, s->rx[s->rx_pos++])) {
        case RSP_IN_NONE:
        case RSP_IN_ACK:
            break;
        case RSP_IN_NACK:
            /* While the target runs the last packet was answered long ago; a '-' then is
             * noise. */
            if (!s->no_ack && !s->resumed && s->last.len)
                rsp_send_raw(s, s->last.data, s->last.len);
            break;
        case RSP_IN_INTERRUPT:
            if (s->resumed)
                return GDB_EV_INTERRUPT;
            break;
        case RSP_IN_BAD_CHECKSUM:
            /* With acks the client retransmits on '-'. Without, it would wait for an answer
             * that never comes: tell it the packet failed rather than run a damaged one. */
            if (!s->no_ack)
                rsp_send_raw(s, "-", 1);
            else if (!s->resumed)
                rsp_send_str(s, RSP_E_INVAL);
            break;
        case RSP_IN_TOO_LONG:
            /* Received intact, so acknowledged; retransmitting would not make it fit. */
            if (!s->no_ack)
                rsp_send_raw(s, "+", 1);
            if (!s->resumed)
                rsp_send_str(s, RSP_E_TOOLONG);
            break;
        case RSP_IN_PACKET: {
            if (!s->no_ack)
                rsp_send_raw(s, "+", 1);
            /* All-stop: while the target runs a client sends nothing but 0x03 (gdbserver
             * discards anything else too); the stop reply will answer the resume. */
            if (s->resumed)
                break;
            enum gdb_event ev = rsp_handle_packet(s, s->in.data, s->in.len, resume);
            if (ev != GDB_EV_NONE)
                return ev;
            break;
        }
        }
    }
    return GDB_EV_NONE;
}

/* Write what can be written, run what has been received. Returns the event of a packet, or
 * GDB_EV_DISCONNECT once the connection is gone (after D and k: their own event). */
static enum gdb_event serve(struct gdb_server *s, struct gdb_resume *resume)
{
    flush_out(s);
    enum gdb_event ev = s->lost ? GDB_EV_NONE : process_input(s, resume);
    if (s->close_after_flush) {
        /* D and k end the connection; the next poll accepts a new client. */
        drain_out(s);
        close_client(s);
        return ev;
    }
    flush_out(s);
    /* An event from before a write failed goes first; the loss is reported next time. */
    if (ev == GDB_EV_NONE && s->lost) {
        close_client(s);
        return GDB_EV_DISCONNECT;
    }
    return ev;
}

enum gdb_event gdb_server_poll(struct gdb_server *s, bool wait, struct gdb_resume *resume)
{
    struct gdb_resume unused;
    if (!resume)
        resume = &unused;
    int reads = 0;
    for (;;) {
        if (s->client_fd < 0) {
            if (try_accept(s)) {
                /* A client arriving while the target runs (wait = false) finds it halted,
                 * as with gdbserver and QEMU: the engine stops it as for a Ctrl-C and reports
                 * the stop, which is recorded for '?' (no reply is outstanding). */
                if (!wait)
                    return GDB_EV_INTERRUPT;
                continue;
            }
            if (!wait)
                return GDB_EV_NONE;
            struct pollfd p = {.fd = s->listen_fd, .events = POLLIN};
            if (poll(&p, 1, -1) < 0 && errno == EINTR)
                return GDB_EV_NONE;
            continue;
        }

        enum gdb_event ev = serve(s, resume);
        if (ev != GDB_EV_NONE || s->client_fd < 0)
            return ev;
        if (!wait && reads == MAX_READS_NOWAIT)
            return GDB_EV_NONE;

        /* Read more only when everything read has been used and the output is moving. */
        bool backlog = pending_out(s) >= OUT_HIGH;
        if (!backlog && s->rx_pos == s->rx_len) {
            s->rx_pos = s->rx_len = 0;
            ssize_t n = recv(s->client_fd, s->rx, sizeof(s->rx), 0);
            if (n > 0) {
                s->rx_len = (size_t)n;
                reads++;
                continue;
            }
            if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
                close_client(s);
                return GDB_EV_DISCONNECT;
            }
            if (errno == EINTR && wait)
                continue;
        }
        if (!wait)
            return GDB_EV_NONE;
        short events = backlog ? POLLOUT : (short)(POLLIN | (pending_out(s) ? POLLOUT : 0));
        struct pollfd p = {.fd = s->client_fd, .events = events};
        if (poll(&p, 1, -1) < 0 && errno == EINTR)
            return GDB_EV_NONE;
    }
}

void gdb_server_stopped(struct gdb_server *s, const struct gdb_stop *stop)
{
    s->last_stop = *stop;
    /* GDB takes the thread of a stop reply as the stub's current thread from then on (it
     * sends no Hg for it), so g/m follow the stop until the next Hg. */
    s->g_thread = 0;
    if (s->client_fd >= 0 && s->resumed) {
        s->resumed = false;
        rsp_stop_reply(s);
        rsp_send_reply(s);
        flush_out(s);
    }
}

const char *gdb_server_address(const struct gdb_server *s)
{
    return s->address;
}

bool gdb_server_connected(const struct gdb_server *s)
{
    return s->client_fd >= 0;
}

void gdb_server_free(struct gdb_server *s)
{
    if (!s)
        return;
    if (s->client_fd >= 0) {
        flush_out(s);
        close(s->client_fd);
    }
    if (s->listen_fd >= 0)
        close(s->listen_fd);
    if (s->unix_path) {
        struct stat st;
        if (stat(s->unix_path, &st) == 0 && st.st_dev == s->unix_dev && st.st_ino == s->unix_ino)
            unlink(s->unix_path);
        free(s->unix_path);
    }
    rsp_buf_free(&s->out);
    rsp_buf_free(&s->last);
    rsp_buf_free(&s->reply);
    rsp_buf_free(&s->threads_xml);
    free(s);
}
