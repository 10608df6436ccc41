/* GDB remote serial protocol server. A library with no knowledge of socsim's models: it frames
 * packets, answers the protocol and calls a target-ops table that the engine implements.
 *
 * Threads are numbered 1..thread_count (GDB thread ids; the engine maps them to harts).
 * All-stop: when the target stops, every thread stops.
 *
 * The engine owns the loop. While the target is halted it calls gdb_server_poll(wait = true),
 * which serves packets until the client resumes, detaches, kills or restarts the target (or a
 * client connects, when none is). While the target runs it calls gdb_server_poll(wait = false)
 * now and then to notice Ctrl-C (0x03) or a lost connection, and it calls gdb_server_stopped()
 * when the target stops (breakpoint, step done, interrupt, exit). */
#ifndef SOCSIM_GDB_H
#define SOCSIM_GDB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Breakpoint and watchpoint types, numbered as in Z/z packets. */
enum gdb_bp_type {
    GDB_BP_SW = 0,
    GDB_BP_HW = 1,
    GDB_WP_WRITE = 2,
    GDB_WP_READ = 3,
    GDB_WP_ACCESS = 4,
};

/* What one thread should do when the target resumes. */
enum gdb_action {
    GDB_ACT_STOP,     /* stays halted (all-stop: only with another thread stepping) */
    GDB_ACT_CONTINUE,
    GDB_ACT_STEP,     /* one instruction */
};

struct gdb_target_ops {
    unsigned (*thread_count)(void *t);
    /* Text for qThreadExtraInfo (e.g. "hart 0, M-mode, running"); writes at most size bytes. */
    void (*thread_info)(void *t, unsigned thread, char *buf, size_t size);

    /* Target description: the XML file named `annex` ("target.xml" and any file it includes),
     * or NULL if there is no such file. The library serves it through qXfer:features:read. */
    const char *(*target_xml)(void *t, const char *annex);
    /* Number of registers in a g/G packet (0 .. n-1, in XML regnum order); p/P reach every
     * regnum, also beyond these. */
    unsigned (*reg_count)(void *t);
    /* Register `regnum` of a thread, little-endian target byte order, as many bytes as its
     * size in the XML. Returns the size, or -1 if the register does not exist. */
    int (*read_reg)(void *t, unsigned thread, unsigned regnum, uint8_t *buf, size_t bufsize);
    /* Returns 0, or -1 if the register does not exist or cannot be written. */
    int (*write_reg)(void *t, unsigned thread, unsigned regnum, const uint8_t *buf, size_t len);

    /* Memory as the debugger sees it through `thread` (the engine decides about translation
     * and device side effects). Return the number of bytes done from the start (short: error
     * at addr + returned). */
    size_t (*read_mem)(void *t, unsigned thread, uint64_t addr, uint8_t *buf, size_t len);
    size_t (*write_mem)(void *t, unsigned thread, uint64_t addr, const uint8_t *buf, size_t len);
    /* The memory map XML for qXfer:memory-map:read, or NULL. */
    const char *(*memory_map_xml)(void *t);

    /* Z/z packets: 0 done, -1 error (E reply), 1 not supported (empty reply). `kind` is the
     * breakpoint length for Z0/Z1 and the watched length for Z2-Z4. */
    int (*insert_bp)(void *t, enum gdb_bp_type type, uint64_t addr, uint64_t kind);
    int (*remove_bp)(void *t, enum gdb_bp_type type, uint64_t addr, uint64_t kind);

    /* qRcmd ("monitor ..."): run a command; write output with out(ctx, text) (sent to the
     * client as O packets). Return 0 on success, -1 on failure (E reply after the output). */
    int (*monitor)(void *t, const char *cmd, void (*out)(void *ctx, const char *text), void *ctx);
};

/* Why the target stopped, for the stop reply. */
enum gdb_stop_kind {
    GDB_STOP_SIGNAL,   /* T<sig>: a step ended, Ctrl-C (sig 2), a fault... */
    GDB_STOP_SWBREAK,  /* T05 ... swbreak: */
    GDB_STOP_HWBREAK,  /* T05 ... hwbreak: */
    GDB_STOP_WATCH,    /* T05 ... watch:/rwatch:/awatch:ADDR */
    GDB_STOP_EXITED,   /* W<code>: the program ended (firmware exit) */
};

struct gdb_stop {
    enum gdb_stop_kind kind;
    int signal;            /* GDB signal number: 5 SIGTRAP, 2 SIGINT, ... */
    unsigned thread;       /* the thread that stopped (1-based) */
    enum gdb_bp_type watch_type; /* for GDB_STOP_WATCH: GDB_WP_WRITE/READ/ACCESS */
    uint64_t watch_addr;
    int exit_code;         /* for GDB_STOP_EXITED */
};

/* What gdb_server_poll returns. */
enum gdb_event {
    GDB_EV_NONE,       /* nothing for the engine (wait = false: no input; or keep polling) */
    GDB_EV_RESUME,     /* resume with the per-thread actions in *resume */
    GDB_EV_INTERRUPT,  /* Ctrl-C while running: stop and call gdb_server_stopped */
    GDB_EV_DETACH,     /* D: the client left; the target keeps running (or stays halted if
                          the engine's option says so); the server listens for a new client */
    GDB_EV_KILL,       /* k (not in extended mode): end the simulation */
    GDB_EV_RESTART,    /* R or vRun (extended-remote): reset the target and halt; also k and
                          vKill in extended mode, where the server outlives the program: the
                          target is reset and held, and `?` says no process until R/vRun */
    GDB_EV_DISCONNECT, /* the connection dropped; treated like a detach by the engine */
};

#define GDB_MAX_THREADS 512

struct gdb_resume {
    enum gdb_action action[GDB_MAX_THREADS + 1]; /* [thread], 1-based; [0] unused */
    unsigned nthreads;
};

struct gdb_server;

/* Listen on ADDR: "PORT", "HOST:PORT" (HOST defaults to 127.0.0.1) or "unix:PATH". Returns
 * NULL and a message in err on failure. */
struct gdb_server *gdb_server_new(const struct gdb_target_ops *ops, void *target,
                                  const char *addr, char *err, size_t errlen);
void gdb_server_free(struct gdb_server *s);
/* The address actually listened on ("127.0.0.1:1234", "unix:/tmp/s"), for messages. */
const char *gdb_server_address(const struct gdb_server *s);
bool gdb_server_connected(const struct gdb_server *s);

/* Serve the client. wait = true: block (accepting a client first if none is connected) until
 * an event for the engine; wait = false: handle what has arrived and return at once. */
enum gdb_event gdb_server_poll(struct gdb_server *s, bool wait, struct gdb_resume *resume);
/* The target stopped: send the stop reply (if a resume or Ctrl-C is outstanding). */
void gdb_server_stopped(struct gdb_server *s, const struct gdb_stop *stop);

#endif
