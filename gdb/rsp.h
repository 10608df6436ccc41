/* Private to gdb/: what the packet layer (packet.c), the connection (server.c) and the commands
 * (commands.c) share. Nothing outside gdb/ includes this; the engine sees only gdb.h. */
#ifndef SOCSIM_GDB_RSP_H
#define SOCSIM_GDB_RSP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "gdb/gdb.h"

/* The most packet data (between '$' and '#') we accept: advertised as PacketSize in qSupported,
 * so GDB never sends more. Larger packets are dropped whole and answered E02. 16 KiB lets an
 * M packet carry 8 KiB and an X packet up to 16 KiB of memory per round trip. */
#define RSP_PACKET_SIZE 0x4000
/* Largest register read_reg may return (bytes): room for RISC-V vector registers up to
 * VLEN = 8192. */
#define RSP_REG_MAX 1024
/* Text of one O packet in qRcmd output (2 hex digits per byte on the wire). */
#define RSP_OUTPUT_CHUNK 1024
/* Thread ids per qfThreadInfo/qsThreadInfo reply. */
#define RSP_THREADS_PER_REPLY 128

/* Error replies. The protocol leaves the numbers to the stub and GDB ignores them; they are
 * listed in docs/gdb-protocol.md. GDB before 15 accepts E.text only for some packets, so the
 * numeric form is used everywhere. */
#define RSP_E_BADXFER "E00"  /* qXfer: unknown annex (the number the protocol specifies) */
#define RSP_E_INVAL "E01"    /* malformed packet, bad hex, missing field, out of range */
#define RSP_E_TOOLONG "E02"  /* longer than PacketSize */
#define RSP_E_THREAD "E03"   /* no such thread */
#define RSP_E_REG "E04"      /* register does not exist or cannot be written */
#define RSP_E_TARGET "E05"   /* the target refused: breakpoint, monitor command */
#define RSP_E_MEM "E0e"      /* memory access failed (EFAULT) */

/* ---- growable byte buffer (packet.c) ---- */

struct rsp_buf {
    char *data;
    size_t len, cap;
};

void rsp_buf_free(struct rsp_buf *b);
void rsp_buf_reserve(struct rsp_buf *b, size_t extra);
void rsp_buf_put(struct rsp_buf *b, const void *p, size_t n);
void rsp_buf_putc(struct rsp_buf *b, char c);
void rsp_buf_puts(struct rsp_buf *b, const char *s);
void rsp_buf_printf(struct rsp_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Two lowercase hex digits per byte. */
void rsp_buf_hex(struct rsp_buf *b, const uint8_t *p, size_t n);
/* Binary data with '#', '$', '}' and '*' escaped as 0x7d, byte ^ 0x20 (the stub must escape
 * '*' too, or GDB would read it as run-length encoding). */
void rsp_buf_binary(struct rsp_buf *b, const uint8_t *p, size_t n);
/* XML character data or attribute value with &, <, >, " and ' as entities. */
void rsp_buf_xml_text(struct rsp_buf *b, const char *s);

/* Frame a reply: '$', the payload run-length encoded, '#', two hex digits of checksum. */
void rsp_frame(struct rsp_buf *out, const char *payload, size_t len);

/* ---- receiving packets (packet.c) ---- */

enum rsp_input {
    RSP_IN_NONE,        /* byte consumed, nothing complete yet */
    RSP_IN_PACKET,      /* a packet with a good checksum is in data[0..len) */
    RSP_IN_BAD_CHECKSUM,
    RSP_IN_TOO_LONG,    /* a complete packet (checksum good) with more than RSP_PACKET_SIZE */
    RSP_IN_ACK,         /* '+' between packets */
    RSP_IN_NACK,        /* '-' between packets */
    RSP_IN_INTERRUPT,   /* 0x03 between packets */
};

struct rsp_framer {
    int state;
    uint8_t sum;       /* running checksum of the packet data */
    uint8_t sent_sum;  /* the checksum digits received so far */
    bool bad_digit;    /* a checksum character was not a hex digit */
    bool overflow;
    size_t len;
    char data[RSP_PACKET_SIZE + 1]; /* NUL-terminated for convenience; may hold NULs */
};

void rsp_framer_reset(struct rsp_framer *f);
/* One received byte. Clients never send run-length encoding (the protocol only allows it in
 * responses), so '*' is data here, as it may be in an X packet. */
enum rsp_input rsp_framer_feed(struct rsp_framer *f, uint8_t c);

/* ---- parsing packet fields (packet.c) ---- */

/* A cursor over packet data: nothing relies on NUL termination, so a NUL in a packet is just
 * a character that no field accepts. */
struct rsp_cur {
    const char *p, *end;
};

int rsp_hexval(int c);
bool rsp_at_end(const struct rsp_cur *c);
bool rsp_eat(struct rsp_cur *c, char ch);
bool rsp_eat_str(struct rsp_cur *c, const char *s);
/* At least one hex digit; false on overflow of 64 bits. */
bool rsp_hex_u64(struct rsp_cur *c, uint64_t *v);
/* A thread-id: hex N, -1 (all threads) or 0 (any); "pPID.TID" is accepted and the pid ignored,
 * since there is one process. -1 is returned as *tid = -1. */
bool rsp_thread_id(struct rsp_cur *c, int64_t *tid);
/* Hex pairs to bytes: returns the byte count, or -1 if n is odd or a digit is not hex. */
ssize_t rsp_hex_decode(const char *p, size_t n, uint8_t *out, size_t cap);
/* Undo binary escaping; -1 if the data ends inside an escape or does not fit in cap. */
ssize_t rsp_unescape(const char *p, size_t n, uint8_t *out, size_t cap);

/* ---- the server (server.c) and its commands (commands.c) ---- */

struct gdb_server {
    const struct gdb_target_ops *ops;
    void *target;

    int listen_fd;
    int client_fd;          /* -1: no client */
    char address[128];      /* for gdb_server_address */
    char *unix_path;        /* the socket file we created, removed by gdb_server_free */
    dev_t unix_dev;
    ino_t unix_ino;

    /* Per connection; reset when a client is accepted. */
    bool no_ack;            /* QStartNoAckMode done */
    bool extended;          /* '!' seen: R and vRun allowed */
    bool killed;            /* extended mode, after k/vKill: no process until R/vRun */
    bool client_swbreak;    /* the client asked for swbreak:/hwbreak: in stop replies */
    bool client_hwbreak;
    bool lost;              /* a write failed: report GDB_EV_DISCONNECT at the next poll */
    bool close_after_flush; /* D or k: drop the connection once the reply is out */
    /* A c/s/vCont/vRun is outstanding: the next gdb_server_stopped sends a stop reply. While it
     * is, only 0x03 is acted on. */
    bool resumed;
    unsigned g_thread;      /* Hg: 0 = follow the last stop */
    int64_t c_thread;       /* Hc: -1 all, 0 any (also the default), N */
    unsigned qs_next;       /* next thread for qsThreadInfo; 0 = done */
    struct rsp_buf threads_xml; /* qXfer:threads:read document, built at offset 0 */

    struct gdb_stop last_stop;

    struct rsp_framer in;
    uint8_t rx[4096];       /* received, not yet fed to the framer */
    size_t rx_pos, rx_len;
    struct rsp_buf out;     /* framed bytes queued for the client */
    size_t out_pos;         /* how much of out has been written */
    struct rsp_buf last;    /* the last packet sent, for a '-' */
    struct rsp_buf reply;   /* payload under construction */
    uint8_t scratch[RSP_PACKET_SIZE]; /* memory for m/M/X, command text for qRcmd */
};

/* Queue a reply packet (framed; kept for retransmission) or an ack byte. */
void rsp_send(struct gdb_server *s, const char *payload, size_t len);
void rsp_send_str(struct gdb_server *s, const char *payload);
void rsp_send_reply(struct gdb_server *s); /* sends s->reply */
void rsp_send_raw(struct gdb_server *s, const char *bytes, size_t len);

unsigned rsp_thread_count(const struct gdb_server *s);
/* The stop reply for s->last_stop into s->reply. */
void rsp_stop_reply(struct gdb_server *s);
/* Run one packet; returns the event for the engine (GDB_EV_NONE for most). */
enum gdb_event rsp_handle_packet(struct gdb_server *s, const char *pkt, size_t len,
                                 struct gdb_resume *resume);

#endif
