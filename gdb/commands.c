/* The commands of the GDB remote protocol (GDB manual, appendix "Remote Protocol"), one function
 * per packet. Each answers through rsp_send* and returns the event the engine must act on;
 * everything about the target goes through struct gdb_target_ops. docs/gdb-protocol.md lists
 * what is supported and the choices made where the protocol leaves them to the stub. */
#include "gdb/rsp.h"

#include <string.h>

static struct rsp_cur cursor(const char *p, size_t len)
{
    return (struct rsp_cur){p, p + len};
}

static void reply_reset(struct gdb_server *s)
{
    s->reply.len = 0;
    if (s->reply.data)
        s->reply.data[0] = 0;
}

/* ---- threads ---- */

unsigned rsp_thread_count(const struct gdb_server *s)
{
    unsigned n = s->ops->thread_count ? s->ops->thread_count(s->target) : 1;
    if (n < 1)
        n = 1;
    return n > GDB_MAX_THREADS ? GDB_MAX_THREADS : n;
}

static bool thread_exists(const struct gdb_server *s, int64_t tid)
{
    return tid >= 1 && tid <= (int64_t)rsp_thread_count(s);
}

/* Threads that exist for listing: none once the program has exited (W) or been killed in
 * extended mode, so the client sees no process and starts a new one with vRun instead of
 * killing it first. */
static unsigned live_threads(const struct gdb_server *s)
{
    return s->last_stop.kind == GDB_STOP_EXITED || s->killed ? 0 : rsp_thread_count(s);
}

static unsigned stop_thread(const struct gdb_server *s)
{
    return thread_exists(s, s->last_stop.thread) ? s->last_stop.thread : 1;
}

/* The thread g/G/p/P/m/M/X work on: the last Hg, else the thread of the last stop (0 and -1,
 * "any" and "all", also mean that: one thread has to answer). */
static unsigned general_thread(const struct gdb_server *s)
{
    return thread_exists(s, s->g_thread) ? s->g_thread : stop_thread(s);
}

/* ---- stop replies ---- */

void rsp_stop_reply(struct gdb_server *s)
{
    const struct gdb_stop *st = &s->last_stop;
    reply_reset(s);
    if (s->killed) {
        rsp_buf_puts(&s->reply, "X09"); /* terminated by SIGKILL: no process */
        return;
    }
    if (st->kind == GDB_STOP_EXITED) {
        rsp_buf_printf(&s->reply, "W%02x", (unsigned)st->exit_code & 0xff);
        return;
    }
    /* Breakpoints and watchpoints are SIGTRAP whatever the engine put in signal; a signal
     * left at 0 (a zero-initialised struct) would read as "no signal" to GDB, so it is
     * SIGTRAP too. */
    int sig = st->signal;
    if (st->kind != GDB_STOP_SIGNAL || sig <= 0 || sig > 255)
        sig = 5;
    rsp_buf_printf(&s->reply, "T%02xthread:%x;", (unsigned)sig, stop_thread(s));
    switch (st->kind) {
    case GDB_STOP_SWBREAK:
        /* Only for a client that asked for it in qSupported (the manual: older GDBs do not
         * understand it); GDB otherwise finds the breakpoint from the pc itself. */
        if (s->client_swbreak)
            rsp_buf_puts(&s->reply, "swbreak:;");
        break;
    case GDB_STOP_HWBREAK:
        if (s->client_hwbreak)
            rsp_buf_puts(&s->reply, "hwbreak:;");
        break;
    case GDB_STOP_WATCH: {
        const char *name = st->watch_type == GDB_WP_READ     ? "rwatch"
                           : st->watch_type == GDB_WP_ACCESS ? "awatch"
                                                             : "watch";
        rsp_buf_printf(&s->reply, "%s:%llx;", name, (unsigned long long)st->watch_addr);
        break;
    }
    default:
        break;
    }
}

/* ---- registers ---- */

static int read_reg(struct gdb_server *s, unsigned thread, unsigned regnum, uint8_t *buf)
{
    if (!s->ops->read_reg)
        return -1;
    int n = s->ops->read_reg(s->target, thread, regnum, buf, RSP_REG_MAX);
    return n > RSP_REG_MAX ? -1 : n;
}

static unsigned reg_count(struct gdb_server *s)
{
    return s->ops->reg_count ? s->ops->reg_count(s->target) : 0;
}

/* g: registers 0..n-1 back to back. A register read_reg says does not exist takes no room:
 * GDB lays the g packet out from the target description, where a regnum with no <reg> is a
 * zero-size placeholder that is not in the packet. */
static void cmd_read_regs(struct gdb_server *s)
{
    unsigned thread = general_thread(s), n = reg_count(s);
    uint8_t buf[RSP_REG_MAX];
    reply_reset(s);
    for (unsigned r = 0; r < n; r++) {
        int k = read_reg(s, thread, r, buf);
        if (k > 0)
            rsp_buf_hex(&s->reply, buf, (size_t)k);
    }
    if (!s->reply.len) {
        rsp_send_str(s, RSP_E_REG); /* an empty reply would mean "no g packet" */
        return;
    }
    rsp_send_reply(s);
}

/* G: the same layout as g; the sizes come from read_reg. */
static void cmd_write_regs(struct gdb_server *s, struct rsp_cur c)
{
    size_t hexlen = (size_t)(c.end - c.p);
    if (hexlen % 2) {
        rsp_send_str(s, RSP_E_INVAL);
        return;
    }
    for (const char *q = c.p; q < c.end; q++) {
        if (rsp_hexval((unsigned char)*q) < 0) {
            rsp_send_str(s, RSP_E_INVAL);
            return;
        }
    }
    if (!s->ops->write_reg) {
        rsp_send_str(s, RSP_E_REG);
        return;
    }
    unsigned thread = general_thread(s), n = reg_count(s);
    uint8_t buf[RSP_REG_MAX];
    size_t total = 0;
    for (unsigned r = 0; r < n; r++) {
        int k = read_reg(s, thread, r, buf);
        if (k > 0)
            total += (size_t)k;
    }
    if (hexlen != 2 * total) {
        rsp_send_str(s, RSP_E_INVAL);
        return;
    }
    bool ok = true;
    const char *p = c.p;
    for (unsigned r = 0; r < n; r++) {
        int k = read_reg(s, thread, r, buf);
        if (k <= 0)
            continue;
        rsp_hex_decode(p, 2 * (size_t)k, buf, sizeof(buf));
        p += 2 * k;
        if (s->ops->write_reg(s->target, thread, r, buf, (size_t)k) != 0)
            ok = false;
    }
    rsp_send_str(s, ok ? "OK" : RSP_E_REG);
}

static void cmd_read_reg(struct gdb_server *s, struct rsp_cur c)
{
    uint64_t r;
    if (!rsp_hex_u64(&c, &r) || !rsp_at_end(&c)) {
        rsp_send_str(s, RSP_E_INVAL);
        return;
    }
    if (!s->ops->read_reg) {
        rsp_send_str(s, "");
        return;
    }
    uint8_t buf[RSP_REG_MAX];
    int k = r <= UINT32_MAX ? read_reg(s, general_thread(s), (unsigned)r, buf) : -1;
    if (k <= 0) {
        rsp_send_str(s, RSP_E_REG);
        return;
    }
    reply_reset(s);
    rsp_buf_hex(&s->reply, buf, (size_t)k);
    rsp_send_reply(s);
}

static void cmd_write_reg(struct gdb_server *s, struct rsp_cur c)
{
    uint64_t r;
    if (!rsp_hex_u64(&c, &r) || !rsp_eat(&c, '=')) {
        rsp_send_str(s, RSP_E_INVAL);
        return;
    }
    if (!s->ops->write_reg || !s->ops->read_reg) {
        rsp_send_str(s, "");
        return;
    }
    uint8_t buf[RSP_REG_MAX];
    unsigned thread = general_thread(s);
    int k = r <= UINT32_MAX ? read_reg(s, thread, (unsigned)r, buf) : -1;
    if (k <= 0) {
        rsp_send_str(s, RSP_E_REG);
        return;
    }
    if (rsp_hex_decode(c.p, (size_t)(c.end - c.p), buf, sizeof(buf)) != k) {
        rsp_send_str(s, RSP_E_INVAL);
        return;
    }
    int rc = s->ops->write_reg(s->target, thread, (unsigned)r, buf, (size_t)k);
    rsp_send_str(s, rc == 0 ? "OK" : RSP_E_REG);
}

/* ---- memory ---- */

/* "ADDR,LENGTH" with the range inside the 64-bit address space (it may end exactly at 2^64). */
static bool addr_len(struct rsp_cur *c, uint64_t *addr, uint64_t *len)
{
    if (!rsp_hex_u64(c, addr) || !rsp_eat(c, ',') || !rsp_hex_u64(c, len))
        return false;
    return *len == 0 || *len - 1 <= UINT64_MAX - *addr;
}

static void cmd_read_mem(struct gdb_server *s, struct rsp_cur c)
{
    uint64_t addr, len;
    if (!addr_len(&c, &addr, &len) || !rsp_at_end(&c)) {
        rsp_send_str(s, RSP_E_INVAL);
        return;
    }
    if (!s->ops->read_mem) {
        rsp_send_str(s, RSP_E_MEM);
        return;
    }
    /* The manual lets the reply hold fewer bytes than asked; GDB asks again for the rest.
     * Capping at half a packet keeps replies within the size GDB reads. */
    if (len > RSP_PACKET_SIZE / 2)
        len = RSP_PACKET_SIZE / 2;
    size_t n = len ? s->ops->read_mem(s->target, general_thread(s), addr, s->scratch, len) : 0;
    if (n > len)
        n = len;
    if (len && !n) {
        rsp_send_str(s, RSP_E_MEM);
        return;
    }
    reply_reset(s);
    rsp_buf_hex(&s->reply, s->scratch, n);
    rsp_send_reply(s);
}

/* M (hex data) and X (binary data). X with length 0 is how GDB probes for X support. */
static void cmd_write_mem(struct gdb_server *s, struct rsp_cur c, bool binary)
{
    uint64_t addr, len;
    if (!addr_len(&c, &addr, &len) || !rsp_eat(&c, ':')) {
        rsp_send_str(s, RSP_E_INVAL);
        return;
    }
    size_t n = (size_t)(c.end - c.p);
    ssize_t got = binary ? rsp_unescape(c.p, n, s->scratch, sizeof(s->scratch))
                         : rsp_hex_decode(c.p, n, s->scratch, sizeof(s->scratch));
    if (got < 0 || (uint64_t)got != len) {
        rsp_send_str(s, RSP_E_INVAL);
        return;
    }
    if (!len) {
        rsp_send_str(s, "OK");
        return;
    }
    if (!s->ops->write_mem) {
        rsp_send_str(s, RSP_E_MEM);
        return;
    }
    size_t done = s->ops->write_mem(s->target, general_thread(s), addr, s->scratch, len);
    rsp_send_str(s, done >= len ? "OK" : RSP_E_MEM);
}

/* ---- resuming ---- */

static void resume_all(struct gdb_server *s, struct gdb_resume *r, enum gdb_action a)
{
    r->nthreads = rsp_thread_count(s);
    for (unsigned t = 0; t <= GDB_MAX_THREADS; t++)
        r->action[t] = t && t <= r->nthreads ? a : GDB_ACT_STOP;
}

/* c, C, s, S. The signal of C/S is ignored (a simulated hart has no signals to deliver).
 * Resuming at an address is refused: the library does not know which register is the pc,
 * and GDB itself sets the pc with P/G before resuming. Hc picks the thread: a specific thread
 * runs (or steps) alone; with Hc -1 or 0 every thread continues, and s steps the current
 * thread while the others continue, as gdbserver does. */
static enum gdb_event cmd_resume(struct gdb_server *s, char op, struct rsp_cur c,
                                 struct gdb_resume *resume)
{
    if (op == 'C' || op == 'S') {
        uint64_t sig;
        if (!rsp_hex_u64(&c, &sig) || sig > 255) {
            rsp_send_str(s, RSP_E_INVAL);
            return GDB_EV_NONE;
        }
    }
    if (!rsp_at_end(&c)) {
        rsp_send_str(s, RSP_E_INVAL);
        return GDB_EV_NONE;
    }
    bool step = op == 's' || op == 'S';
    if (s->c_thread > 0) {
        if (!thread_exists(s, s->c_thread)) {
            rsp_send_str(s, RSP_E_THREAD);
            return GDB_EV_NONE;
        }
        resume_all(s, resume, GDB_ACT_STOP);
        resume->action[s->c_thread] = step ? GDB_ACT_STEP : GDB_ACT_CONTINUE;
    } else {
        resume_all(s, resume, GDB_ACT_CONTINUE);
        if (step)
            resume->action[general_thread(s)] = GDB_ACT_STEP;
    }
    s->resumed = true;
    return GDB_EV_RESUME;
}

/* vCont;ACTION[:THREAD]...: for each thread the leftmost action naming it (or naming no thread)
 * applies, and threads no action matches stay stopped (the manual's rule). 't' keeps a thread
 * stopped. A vCont that would run nothing is refused: in all-stop it could never stop. */
static enum gdb_event cmd_vcont(struct gdb_server *s, struct rsp_cur c, struct gdb_resume *resume)
{
    unsigned n = rsp_thread_count(s);
    bool set[GDB_MAX_THREADS + 1] = {false};
    bool any = false, runs = false;
    resume_all(s, resume, GDB_ACT_STOP);
    while (rsp_eat(&c, ';')) {
        enum gdb_action a;
        uint64_t sig;
        if (rsp_eat(&c, 'c'))
            a = GDB_ACT_CONTINUE;
        else if (rsp_eat(&c, 's'))
            a = GDB_ACT_STEP;
        else if (rsp_eat(&c, 't'))
            a = GDB_ACT_STOP;
        else if (rsp_eat(&c, 'C') && rsp_hex_u64(&c, &sig) && sig <= 255)
            a = GDB_ACT_CONTINUE;
        else if (rsp_eat(&c, 'S') && rsp_hex_u64(&c, &sig) && sig <= 255)
            a = GDB_ACT_STEP;
        else
            goto bad; /* includes 'r' (range stepping), which vCont? does not offer */
        int64_t tid = -1;
        if (rsp_eat(&c, ':')) {
            if (!rsp_thread_id(&c, &tid))
                goto bad;
            if (tid == 0)
                tid = general_thread(s);
            if (tid != -1 && !thread_exists(s, tid)) {
                rsp_send_str(s, RSP_E_THREAD);
                return GDB_EV_NONE;
            }
        }
        any = true;
        for (unsigned t = 1; t <= n; t++) {
            if (set[t] || (tid != -1 && tid != t))
                continue;
            set[t] = true;
            resume->action[t] = a;
            runs |= a != GDB_ACT_STOP;
        }
    }
    if (!rsp_at_end(&c) || !any || !runs)
        goto bad;
    s->resumed = true;
    return GDB_EV_RESUME;
bad:
    rsp_send_str(s, RSP_E_INVAL);
    return GDB_EV_NONE;
}

/* ---- breakpoints ---- */

static void cmd_breakpoint(struct gdb_server *s, bool insert, struct rsp_cur c)
{
    uint64_t type, addr, kind;
    if (!rsp_hex_u64(&c, &type) || !rsp_eat(&c, ',') || !rsp_hex_u64(&c, &addr) ||
        !rsp_eat(&c, ',') || !rsp_hex_u64(&c, &kind)) {
        rsp_send_str(s, RSP_E_INVAL);
        return;
    }
    /* ";X..." conditions and ";cmds:..." follow only if the stub offers ConditionalBreakpoints
     * or BreakpointCommands, which it does not; GDB then evaluates them itself. */
    if (!rsp_at_end(&c) && !rsp_eat(&c, ';')) {
        rsp_send_str(s, RSP_E_INVAL);
        return;
    }
    int (*op)(void *, enum gdb_bp_type, uint64_t, uint64_t) =
        insert ? s->ops->insert_bp : s->ops->remove_bp;
    if (type > GDB_WP_ACCESS || !op) {
        rsp_send_str(s, "");
        return;
    }
    int rc = op(s->target, (enum gdb_bp_type)type, addr, kind);
    rsp_send_str(s, rc == 0 ? "OK" : rc == 1 ? "" : RSP_E_TARGET);
}

/* ---- queries ---- */

static void cmd_supported(struct gdb_server *s, struct rsp_cur c)
{
    /* The client's features: only the stop-reply ones change what we send. */
    if (rsp_eat(&c, ':')) {
        while (!rsp_at_end(&c)) {
            const char *f = c.p;
            while (c.p < c.end && *c.p != ';')
                c.p++;
            size_t len = (size_t)(c.p - f);
            if (len == 8 && !memcmp(f, "swbreak+", 8))
                s->client_swbreak = true;
            else if (len == 8 && !memcmp(f, "hwbreak+", 8))
                s->client_hwbreak = true;
            rsp_eat(&c, ';');
        }
    }
    reply_reset(s);
    rsp_buf_printf(&s->reply, "PacketSize=%x;QStartNoAckMode+;vContSupported+", RSP_PACKET_SIZE);
    rsp_buf_puts(&s->reply, ";swbreak+;hwbreak+;qXfer:threads:read+");
    if (s->ops->target_xml)
        rsp_buf_puts(&s->reply, ";qXfer:features:read+");
    if (s->ops->memory_map_xml && s->ops->memory_map_xml(s->target))
        rsp_buf_puts(&s->reply, ";qXfer:memory-map:read+");
    rsp_send_reply(s);
}

/* qfThreadInfo / qsThreadInfo: "m1,2,..." in chunks, then "l". */
static void cmd_thread_info(struct gdb_server *s, bool first)
{
    unsigned n = live_threads(s);
    if (first)
        s->qs_next = 1;
    if (!s->qs_next || s->qs_next > n) {
        s->qs_next = 0;
        rsp_send_str(s, "l");
        return;
    }
    reply_reset(s);
    rsp_buf_putc(&s->reply, 'm');
    for (unsigned k = 0; k < RSP_THREADS_PER_REPLY && s->qs_next <= n; k++, s->qs_next++)
        rsp_buf_printf(&s->reply, k ? ",%x" : "%x", s->qs_next);
    rsp_send_reply(s);
}

static void thread_text(struct gdb_server *s, unsigned thread, char *buf, size_t size)
{
    memset(buf, 0, size);
    if (s->ops->thread_info)
        s->ops->thread_info(s->target, thread, buf, size);
    buf[size - 1] = 0;
}

static void cmd_thread_extra_info(struct gdb_server *s, struct rsp_cur c)
{
    int64_t tid;
    if (!rsp_eat(&c, ',') || !rsp_thread_id(&c, &tid) || !rsp_at_end(&c)) {
        rsp_send_str(s, RSP_E_INVAL);
        return;
    }
    if (!thread_exists(s, tid)) {
        rsp_send_str(s, RSP_E_THREAD);
        return;
    }
    if (!s->ops->thread_info) {
        rsp_send_str(s, "");
        return;
    }
    char text[256];
    thread_text(s, (unsigned)tid, text, sizeof(text));
    reply_reset(s);
    rsp_buf_hex(&s->reply, (const uint8_t *)text, strlen(text));
    rsp_send_reply(s);
}

static void build_threads_xml(struct gdb_server *s)
{
    struct rsp_buf *b = &s->threads_xml;
    b->len = 0;
    rsp_buf_puts(b, "<?xml version=\"1.0\"?>\n<threads>\n");
    unsigned n = live_threads(s);
    for (unsigned t = 1; t <= n; t++) {
        char text[256];
        thread_text(s, t, text, sizeof(text));
        rsp_buf_printf(b, "<thread id=\"%x\">", t);
        rsp_buf_xml_text(b, text);
        rsp_buf_puts(b, "</thread>\n");
    }
    rsp_buf_puts(b, "</threads>\n");
}

/* qXfer:OBJECT:read:ANNEX:OFFSET,LENGTH -> "m" + data (more follows) or "l" + data (the end),
 * data binary-escaped. */
static void cmd_xfer(struct gdb_server *s, struct rsp_cur c)
{
    const char *obj = c.p;
    while (c.p < c.end && *c.p != ':')
        c.p++;
    size_t objlen = (size_t)(c.p - obj);
    if (!rsp_eat(&c, ':') || !rsp_eat_str(&c, "read:")) {
        rsp_send_str(s, ""); /* writes, and anything else, are not supported */
        return;
    }
    char annex[256];
    size_t alen = 0;
    while (c.p < c.end && *c.p != ':') {
        if (alen == sizeof(annex) - 1 || !*c.p) {
            rsp_send_str(s, RSP_E_BADXFER);
            return;
        }
        annex[alen++] = *c.p++;
    }
    annex[alen] = 0;
    uint64_t offset, length;
    if (!rsp_eat(&c, ':') || !rsp_hex_u64(&c, &offset) || !rsp_eat(&c, ',') ||
        !rsp_hex_u64(&c, &length) || !rsp_at_end(&c)) {
        rsp_send_str(s, RSP_E_INVAL);
        return;
    }

    const char *doc = NULL;
    size_t doclen = 0;
    if (objlen == 8 && !memcmp(obj, "features", 8) && s->ops->target_xml) {
        doc = s->ops->target_xml(s->target, annex);
        if (!doc) {
            rsp_send_str(s, RSP_E_BADXFER);
            return;
        }
    } else if (objlen == 10 && !memcmp(obj, "memory-map", 10) && s->ops->memory_map_xml &&
               s->ops->memory_map_xml(s->target)) {
        if (alen) {
            rsp_send_str(s, RSP_E_BADXFER);
            return;
        }
        doc = s->ops->memory_map_xml(s->target);
    } else if (objlen == 7 && !memcmp(obj, "threads", 7)) {
        if (alen) {
            rsp_send_str(s, RSP_E_BADXFER);
            return;
        }
        /* Built once per read from offset 0, so the chunks of one read agree. */
        if (offset == 0 || !s->threads_xml.len)
            build_threads_xml(s);
        doc = s->threads_xml.data;
        doclen = s->threads_xml.len;
    } else {
        rsp_send_str(s, "");
        return;
    }
    if (!doclen)
        doclen = strlen(doc);
    if (offset > doclen || !length) {
        rsp_send_str(s, RSP_E_INVAL);
        return;
    }
    size_t chunk = doclen - (size_t)offset;
    if (chunk > length)
        chunk = (size_t)length;
    reply_reset(s);
    rsp_buf_putc(&s->reply, offset + chunk < doclen ? 'm' : 'l');
    rsp_buf_binary(&s->reply, (const uint8_t *)doc + offset, chunk);
    rsp_send_reply(s);
}

/* qRcmd,HEX: "monitor" commands. Output goes out as O packets as the target produces it (hex
 * text, in pieces that keep packets small), then OK or an error. */
static void monitor_out(void *ctx, const char *text)
{
    struct gdb_server *s = ctx;
    size_t n = strlen(text);
    while (n) {
        size_t k = n < RSP_OUTPUT_CHUNK ? n : RSP_OUTPUT_CHUNK;
        reply_reset(s);
        rsp_buf_putc(&s->reply, 'O');
        rsp_buf_hex(&s->reply, (const uint8_t *)text, k);
        rsp_send_reply(s);
        text += k;
        n -= k;
    }
}

static void cmd_monitor(struct gdb_server *s, struct rsp_cur c)
{
    ssize_t n = rsp_hex_decode(c.p, (size_t)(c.end - c.p), s->scratch, sizeof(s->scratch) - 1);
    if (n < 0 || memchr(s->scratch, 0, (size_t)n)) {
        rsp_send_str(s, RSP_E_INVAL);
        return;
    }
    if (!s->ops->monitor) {
        rsp_send_str(s, "");
        return;
    }
    s->scratch[n] = 0;
    int rc = s->ops->monitor(s->target, (const char *)s->scratch, monitor_out, s);
    rsp_send_str(s, rc == 0 ? "OK" : RSP_E_TARGET);
}

/* The packet is exactly `name`. */
static bool is(struct rsp_cur c, const char *name)
{
    return rsp_eat_str(&c, name) && rsp_at_end(&c);
}

/* The packet is `name` alone or followed by `sep`...; *c moves past `name` only if so. */
static bool named(struct rsp_cur *c, const char *name, char sep)
{
    struct rsp_cur t = *c;
    if (!rsp_eat_str(&t, name) || !(rsp_at_end(&t) || *t.p == sep))
        return false;
    *c = t;
    return true;
}

static void cmd_query(struct gdb_server *s, struct rsp_cur c)
{
    if (named(&c, "Supported", ':')) {
        cmd_supported(s, c);
    } else if (is(c, "fThreadInfo") || is(c, "sThreadInfo")) {
        cmd_thread_info(s, *c.p == 'f');
    } else if (is(c, "C")) {
        reply_reset(s);
        rsp_buf_printf(&s->reply, "QC%x", general_thread(s));
        rsp_send_reply(s);
    } else if (named(&c, "ThreadExtraInfo", ',')) {
        cmd_thread_extra_info(s, c);
    } else if (rsp_eat_str(&c, "Xfer:")) {
        cmd_xfer(s, c);
    } else if (rsp_eat_str(&c, "Rcmd,")) {
        cmd_monitor(s, c);
    } else if (named(&c, "Attached", ':')) {
        /* 1: "attached to an existing process", so quitting GDB detaches and the simulation
         * carries on rather than being killed. */
        rsp_send_str(s, "1");
    } else if (rsp_eat_str(&c, "Symbol:")) {
        rsp_send_str(s, "OK"); /* no symbols wanted */
    } else {
        /* qOffsets, qTStatus and everything else: not supported (memory is not relocated; no
         * tracepoints). */
        rsp_send_str(s, "");
    }
}

/* ---- the dispatcher ---- */

/* k and vKill. Extended mode makes the server persistent (the manual): GDB's `run` on a live
 * program kills it and then sends vRun, and `kill` leaves GDB connected to a server with no
 * process. So there the simulation goes on: the engine resets the target and holds it
 * (GDB_EV_RESTART; the stop it reports is only recorded), and until R or vRun the process is
 * gone: '?' answers X09 and no thread is listed. Otherwise kill ends the simulation. */
static enum gdb_event kill_event(struct gdb_server *s)
{
    if (!s->extended)
        return GDB_EV_KILL;
    s->killed = true;
    return GDB_EV_RESTART;
}

static enum gdb_event cmd_v(struct gdb_server *s, struct rsp_cur c, struct gdb_resume *resume)
{
    if (is(c, "Cont?")) {
        rsp_send_str(s, "vCont;c;C;s;S;t");
        return GDB_EV_NONE;
    }
    if (named(&c, "Cont", ';'))
        return cmd_vcont(s, c, resume);
    if (named(&c, "Run", ';')) {
        /* The program and arguments are ignored: the engine restarts what it loaded. The stop
         * reply follows when the engine reports the target halted after its reset. */
        if (!s->extended) {
            rsp_send_str(s, RSP_E_INVAL);
            return GDB_EV_NONE;
        }
        s->killed = false;
        s->resumed = true;
        return GDB_EV_RESTART;
    }
    /* Flash (the memory map's "flash" regions): GDB's `load` erases whole blocks, writes, and
     * says when it is done. Erased bytes read 0xff, as on real flash; the writes go through
     * write_mem like any other. */
    if (named(&c, "FlashErase", ':')) {
        uint64_t addr, len;
        if (!rsp_eat(&c, ':') || !addr_len(&c, &addr, &len) || !rsp_at_end(&c) ||
            addr + len < addr) {
            rsp_send_str(s, RSP_E_INVAL);
            return GDB_EV_NONE;
        }
        memset(s->scratch, 0xff, sizeof(s->scratch));
        for (uint64_t done = 0; done < len;) {
            size_t n = len - done < sizeof(s->scratch) ? (size_t)(len - done) : sizeof(s->scratch);
            if (!s->ops->write_mem ||
                s->ops->write_mem(s->target, general_thread(s), addr + done, s->scratch, n) < n) {
                rsp_send_str(s, RSP_E_MEM);
                return GDB_EV_NONE;
            }
            done += n;
        }
        rsp_send_str(s, "OK");
        return GDB_EV_NONE;
    }
    if (named(&c, "FlashWrite", ':')) {
        uint64_t addr;
        if (!rsp_eat(&c, ':') || !rsp_hex_u64(&c, &addr) || !rsp_eat(&c, ':')) {
            rsp_send_str(s, RSP_E_INVAL);
            return GDB_EV_NONE;
        }
        ssize_t got = rsp_unescape(c.p, (size_t)(c.end - c.p), s->scratch, sizeof(s->scratch));
        if (got < 0) {
            rsp_send_str(s, RSP_E_INVAL);
            return GDB_EV_NONE;
        }
        size_t n = (size_t)got;
        bool ok = !n || (s->ops->write_mem &&
                         s->ops->write_mem(s->target, general_thread(s), addr, s->scratch, n) >= n);
        rsp_send_str(s, ok ? "OK" : RSP_E_MEM);
        return GDB_EV_NONE;
    }
    if (is(c, "FlashDone")) {
        rsp_send_str(s, "OK");
        return GDB_EV_NONE;
    }
    if (named(&c, "Kill", ';')) {
        rsp_send_str(s, "OK");
        return kill_event(s);
    }
    /* vMustReplyEmpty and every other v packet. */
    rsp_send_str(s, "");
    return GDB_EV_NONE;
}

enum gdb_event rsp_handle_packet(struct gdb_server *s, const char *pkt, size_t len,
                                 struct gdb_resume *resume)
{
    if (!len) {
        rsp_send_str(s, "");
        return GDB_EV_NONE;
    }
    struct rsp_cur c = cursor(pkt + 1, len - 1);
    switch (pkt[0]) {
    case '?':
        rsp_stop_reply(s);
        rsp_send_reply(s);
        return GDB_EV_NONE;
    case '!':
        s->extended = true;
        rsp_send_str(s, "OK");
        return GDB_EV_NONE;
    case 'c':
    case 'C':
    case 's':
    case 'S':
        return cmd_resume(s, pkt[0], c, resume);
    case 'D': {
        uint64_t pid;
        /* D;PID comes only with multiprocess, which is not offered; there is one process, so
         * any pid means it. */
        if (!rsp_at_end(&c) && !(rsp_eat(&c, ';') && rsp_hex_u64(&c, &pid) && rsp_at_end(&c))) {
            rsp_send_str(s, RSP_E_INVAL);
            return GDB_EV_NONE;
        }
        rsp_send_str(s, "OK");
        s->close_after_flush = true;
        return GDB_EV_DETACH;
    }
    case 'g':
        if (!rsp_at_end(&c))
            break;
        cmd_read_regs(s);
        return GDB_EV_NONE;
    case 'G':
        cmd_write_regs(s, c);
        return GDB_EV_NONE;
    case 'H': {
        char op = rsp_at_end(&c) ? 0 : *c.p++;
        int64_t tid;
        if (op != 'g' && op != 'c')
            break;
        if (!rsp_thread_id(&c, &tid) || !rsp_at_end(&c)) {
            rsp_send_str(s, RSP_E_INVAL);
            return GDB_EV_NONE;
        }
        if (tid > 0 && !thread_exists(s, tid)) {
            rsp_send_str(s, RSP_E_THREAD);
            return GDB_EV_NONE;
        }
        if (op == 'g')
            s->g_thread = tid > 0 ? (unsigned)tid : 0;
        else
            s->c_thread = tid;
        rsp_send_str(s, "OK");
        return GDB_EV_NONE;
    }
    case 'k':
        /* No reply. Outside extended mode the connection is closed, which the manual lets
         * the stub do (GDB then takes the kill as done); in extended mode GDB stays and
         * probes the target as after a new connection. */
        if (s->extended)
            return kill_event(s);
        s->close_after_flush = true;
        return GDB_EV_KILL;
    case 'm':
        cmd_read_mem(s, c);
        return GDB_EV_NONE;
    case 'M':
        cmd_write_mem(s, c, false);
        return GDB_EV_NONE;
    case 'X':
        cmd_write_mem(s, c, true);
        return GDB_EV_NONE;
    case 'p':
        cmd_read_reg(s, c);
        return GDB_EV_NONE;
    case 'P':
        cmd_write_reg(s, c);
        return GDB_EV_NONE;
    case 'q':
        cmd_query(s, c);
        return GDB_EV_NONE;
    case 'Q':
        if (rsp_eat_str(&c, "StartNoAckMode") && rsp_at_end(&c)) {
            /* The '+' for this packet is already out; the OK is the last packet GDB acks. */
            rsp_send_str(s, "OK");
            s->no_ack = true;
            return GDB_EV_NONE;
        }
        break;
    case 'R':
        /* R has no reply; GDB goes on with qC and '?' as after a new connection, so the stop
         * the engine reports after the reset is only recorded. Outside extended mode R does
         * not exist and is ignored. */
        if (!s->extended)
            return GDB_EV_NONE;
        s->killed = false;
        return GDB_EV_RESTART;
    case 'T': {
        int64_t tid;
        if (!rsp_thread_id(&c, &tid) || !rsp_at_end(&c)) {
            rsp_send_str(s, RSP_E_INVAL);
            return GDB_EV_NONE;
        }
        bool alive = tid >= 1 && tid <= (int64_t)live_threads(s);
        rsp_send_str(s, alive ? "OK" : RSP_E_THREAD);
        return GDB_EV_NONE;
    }
    case 'v':
        return cmd_v(s, c, resume);
    case 'z':
    case 'Z':
        cmd_breakpoint(s, pkt[0] == 'Z', c);
        return GDB_EV_NONE;
    default:
        break;
    }
    rsp_send_str(s, "");
    return GDB_EV_NONE;
}
