/* RISC-V semihosting: the Arm semihosting operations (Semihosting for AArch32 and AArch64,
 * release 2.0) with RISC-V's register and field-size rules (RV32 as the 32-bit API, RV64 as
 * the 64-bit one). Guest memory is reached only through the bus, so a bad pointer is an EFAULT
 * answer, never a host crash.
 *
 * Decisions worth knowing:
 * - Time is simulated time: SYS_CLOCK counts centiseconds and SYS_TIME seconds since the
 *   simulation started (the guest sees 1970-01-01 00:00:00 at power-on), SYS_ELAPSED counts
 *   timebase (mtime) ticks. The host clock never leaks in, so runs stay deterministic.
 * - ":tt" opened for reading is the console input, for writing stdout, for appending stderr;
 *   the engine has one console, so stdout and stderr both go to env->console_write.
 *   ":semihosting-features" reports SH_EXT_EXIT_EXTENDED and SH_EXT_STDOUT_STDERR.
 * - Host files only exist under cfg->root. Guest paths must be relative, without ".."; they
 *   are resolved one component at a time with openat(O_NOFOLLOW) from a descriptor of the
 *   root, so no symlink is ever followed (not even one that stays inside) and nothing can be
 *   swapped under us between a check and the use. Only regular files can be opened.
 * - SYS_READ/SYS_WRITE answer "bytes not transferred" as the spec says, so on any error
 *   (bad handle, bad buffer) they return the full length with SYS_ERRNO set, not -1.
 * - SYS_SYSTEM is refused and SYS_TMPNAM not supported: both return -1.
 * - Console input blocks the whole simulation, as a debug probe would: the call polls
 *   env->console_read every millisecond of host time until a byte or end of input arrives.
 * - SYS_ERRNO reports host errno values (Linux numbers, which the usual embedded C libraries
 *   share for the common codes); refused paths and symlinks give EACCES. */
#include "semihost.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h> /* renameat */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "models/bus/bus.h"
#include "models/core/env.h"

enum {
    SYS_OPEN = 0x01,
    SYS_CLOSE = 0x02,
    SYS_WRITEC = 0x03,
    SYS_WRITE0 = 0x04,
    SYS_WRITE = 0x05,
    SYS_READ = 0x06,
    SYS_READC = 0x07,
    SYS_ISERROR = 0x08,
    SYS_ISTTY = 0x09,
    SYS_SEEK = 0x0a,
    SYS_FLEN = 0x0c,
    SYS_TMPNAM = 0x0d,
    SYS_REMOVE = 0x0e,
    SYS_RENAME = 0x0f,
    SYS_CLOCK = 0x10,
    SYS_TIME = 0x11,
    SYS_SYSTEM = 0x12,
    SYS_ERRNO = 0x13,
    SYS_GET_CMDLINE = 0x15,
    SYS_HEAPINFO = 0x16,
    SYS_EXIT = 0x18,
    SYS_EXIT_EXTENDED = 0x20,
    SYS_ELAPSED = 0x30,
    SYS_TICKFREQ = 0x31,
};

#define ADP_STOPPED_APPLICATION_EXIT 0x20026u
#define MAX_HANDLES 256
#define CHUNK 65536

/* Feature bytes: "SHFB" magic, then byte 0 with EXIT_EXTENDED (bit 0), STDOUT_STDERR (bit 1). */
static const uint8_t features[] = {'S', 'H', 'F', 'B', 0x03};

enum file_kind { F_FREE, F_TT_IN, F_TT_OUT, F_TT_ERR, F_FEATURES, F_HOST };

struct sh_file {
    enum file_kind kind;
    int fd;       /* F_HOST */
    uint64_t pos; /* F_FEATURES */
};

struct semihost {
    struct bus *bus;
    struct sim_env *env;
    int rootfd; /* -1: no host file access */
    char *cmdline;
    uint64_t heapinfo[4];
    int err; /* SYS_ERRNO */
    unsigned xlen;
    struct sh_file files[MAX_HANDLES]; /* handle h is files[h - 1] */
};

struct semihost *semihost_new(struct bus *bus, struct sim_env *env,
                              const struct semihost_config *cfg)
{
    struct semihost *sh = calloc(1, sizeof(*sh));
    if (!sh)
        return NULL;
    sh->bus = bus;
    sh->env = env;
    sh->rootfd = -1;
    if (cfg && cfg->root) {
        sh->rootfd = open(cfg->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (sh->rootfd < 0) {
            int e = errno;
            free(sh);
            errno = e;
            return NULL;
        }
    }
    sh->cmdline = strdup(cfg && cfg->cmdline ? cfg->cmdline : "");
    if (!sh->cmdline) {
        semihost_free(sh);
        errno = ENOMEM;
        return NULL;
    }
    if (cfg) {
        sh->heapinfo[0] = cfg->heap_base;
        sh->heapinfo[1] = cfg->heap_limit;
        sh->heapinfo[2] = cfg->stack_base;
        sh->heapinfo[3] = cfg->stack_limit;
    }
    return sh;
}

void semihost_free(struct semihost *sh)
{
    if (!sh)
        return;
    for (unsigned i = 0; i < MAX_HANDLES; i++)
        if (sh->files[i].kind == F_HOST)
            close(sh->files[i].fd);
    if (sh->rootfd >= 0)
        close(sh->rootfd);
    free(sh->cmdline);
    free(sh);
}

/* ---- Guest memory ---- */

static uint64_t xmask(const struct semihost *sh, uint64_t v)
{
    return sh->xlen == 32 ? v & 0xffffffffu : v;
}

static int64_t xsigned(const struct semihost *sh, uint64_t v)
{
    return sh->xlen == 32 ? (int64_t)(int32_t)(uint32_t)v : (int64_t)v;
}

/* Field i of the parameter block at arg. */
static bool get_field(struct semihost *sh, uint64_t arg, unsigned i, uint64_t *v)
{
    unsigned w = sh->xlen / 8;
    return bus_read(sh->bus, xmask(sh, arg + (uint64_t)i * w), w, v) == BUS_OK;
}

static bool set_field(struct semihost *sh, uint64_t arg, unsigned i, uint64_t v)
{
    unsigned w = sh->xlen / 8;
    return bus_write(sh->bus, xmask(sh, arg + (uint64_t)i * w), w, xmask(sh, v)) == BUS_OK;
}

/* [addr, addr+len) is RAM or ROM all along (and writable RAM when `write`). */
static bool mem_ok(struct semihost *sh, uint64_t addr, uint64_t len, bool write)
{
    if (len && addr + (len - 1) < addr)
        return false;
    if (sh->xlen == 32 && len && addr + (len - 1) > 0xffffffffu)
        return false;
    while (len) {
        const struct bus_region *r = bus_find(sh->bus, addr);
        if (!r || !r->host || (write && !r->writable))
            return false;
        uint64_t n = r->size - (addr - r->base);
        if (n >= len)
            break;
        addr += n;
        len -= n;
    }
    return true;
}

/* A guest path of len bytes (stopping at a NUL, if one comes first). Returns a malloc'd string
 * or NULL with sh->err set. */
static char *get_string(struct semihost *sh, uint64_t addr, uint64_t len)
{
    if (len >= PATH_MAX) {
        sh->err = ENAMETOOLONG;
        return NULL;
    }
    if (!mem_ok(sh, addr, len, false)) {
        sh->err = EFAULT;
        return NULL;
    }
    char *s = malloc(len + 1);
    if (!s) {
        sh->err = ENOMEM;
        return NULL;
    }
    bus_peek(sh->bus, addr, s, len);
    s[len] = 0;
    return s;
}

static void console_out(struct semihost *sh, const uint8_t *buf, size_t n)
{
    if (n && sh->env && sh->env->console_write)
        sh->env->console_write(sh->env->owner, buf, n);
}

/* Next console input byte, waiting for it; -1 at end of input. */
static int console_in(struct semihost *sh, bool wait)
{
    if (!sh->env || !sh->env->console_read)
        return -1;
    for (;;) {
        int c = sh->env->console_read(sh->env->owner);
        if (c >= 0)
            return c & 0xff;
        if (c != ENV_NO_INPUT || !wait)
            return c == ENV_NO_INPUT ? ENV_NO_INPUT : -1;
        /* The whole simulation waits here, so a stop request (Ctrl-C) must end the wait. */
        if (sh->env->stop_requested && sh->env->stop_requested(sh->env->owner))
            return -1;
        struct timespec ms = {0, 1000000};
        nanosleep(&ms, NULL);
    }
}

/* ---- Handles ---- */

static struct sh_file *get_file(struct semihost *sh, uint64_t h)
{
    if (h == 0 || h > MAX_HANDLES || sh->files[h - 1].kind == F_FREE) {
        sh->err = EBADF;
        return NULL;
    }
    return &sh->files[h - 1];
}

static int64_t new_handle(struct semihost *sh, enum file_kind kind, int fd)
{
    for (unsigned i = 0; i < MAX_HANDLES; i++) {
        if (sh->files[i].kind == F_FREE) {
            sh->files[i] = (struct sh_file){kind, fd, 0};
            return i + 1;
        }
    }
    if (fd >= 0)
        close(fd);
    sh->err = EMFILE;
    return -1;
}

/* ---- Paths under the root ---- */

/* Walk the directories of a relative guest path from the root, never following a symlink.
 * Returns a descriptor of the parent directory (to close) and points *last at the final
 * component inside path, or -1 with sh->err set. */
static int walk_parent(struct semihost *sh, char *path, const char **last)
{
    if (sh->rootfd < 0) {
        sh->err = EACCES;
        return -1;
    }
    if (!path[0]) {
        sh->err = ENOENT;
        return -1;
    }
    /* Absolute paths and ".." anywhere are refused before anything is looked at. */
    if (path[0] == '/') {
        sh->err = EACCES;
        return -1;
    }
    for (const char *c = path; (c = strstr(c, "..")); c += 2) {
        if ((c == path || c[-1] == '/') && (c[2] == 0 || c[2] == '/')) {
            sh->err = EACCES;
            return -1;
        }
    }
    int dfd = dup(sh->rootfd);
    if (dfd < 0) {
        sh->err = errno;
        return -1;
    }
    char *p = path;
    for (;;) {
        char *slash = strchr(p, '/');
        if (slash)
            *slash = 0;
        if (!slash) {
            if (!p[0] || !strcmp(p, ".")) {
                close(dfd);
                sh->err = EISDIR;
                return -1;
            }
            *last = p;
            return dfd;
        }
        if (p[0] && strcmp(p, ".")) {
            int nfd = openat(dfd, p, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (nfd < 0) {
                int e = errno;
                struct stat st;
                if (!fstatat(dfd, p, &st, AT_SYMLINK_NOFOLLOW) && S_ISLNK(st.st_mode))
                    e = EACCES; /* a symlink: never followed */
                close(dfd);
                sh->err = e;
                return -1;
            }
            close(dfd);
            dfd = nfd;
        }
        p = slash + 1;
    }
}

static const int open_flags[12] = {
    O_RDONLY, O_RDONLY,                                     /* r, rb */
    O_RDWR, O_RDWR,                                         /* r+, r+b */
    O_WRONLY | O_CREAT | O_TRUNC, O_WRONLY | O_CREAT | O_TRUNC, /* w, wb */
    O_RDWR | O_CREAT | O_TRUNC, O_RDWR | O_CREAT | O_TRUNC,     /* w+, w+b */
    O_WRONLY | O_CREAT | O_APPEND, O_WRONLY | O_CREAT | O_APPEND, /* a, ab */
    O_RDWR | O_CREAT | O_APPEND, O_RDWR | O_CREAT | O_APPEND,   /* a+, a+b */
};

static int64_t host_open(struct semihost *sh, char *path, unsigned mode)
{
    const char *last;
    int dfd = walk_parent(sh, path, &last);
    if (dfd < 0)
        return -1;
    /* O_NONBLOCK: opening a FIFO must not hang the simulation; it is refused below anyway. */
    int fd = openat(dfd, last, open_flags[mode] | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
    int e = errno;
    if (fd < 0) {
        struct stat st;
        if (e == ELOOP || (!fstatat(dfd, last, &st, AT_SYMLINK_NOFOLLOW) && S_ISLNK(st.st_mode)))
            e = EACCES;
        close(dfd);
        sh->err = e;
        return -1;
    }
    close(dfd);
    struct stat st;
    e = fstat(fd, &st) < 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : !S_ISREG(st.st_mode) ? EACCES : 0;
    if (e) {
        sh->err = e;
        close(fd);
        return -1;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return new_handle(sh, F_HOST, fd);
}

/* ---- Operations ---- */

static int64_t op_open(struct semihost *sh, uint64_t arg)
{
    uint64_t name, mode, len;
    if (!get_field(sh, arg, 0, &name) || !get_field(sh, arg, 1, &mode) ||
        !get_field(sh, arg, 2, &len)) {
        sh->err = EFAULT;
        return -1;
    }
    if (mode >= 12) {
        sh->err = EINVAL;
        return -1;
    }
    char *path = get_string(sh, name, len);
    if (!path)
        return -1;
    int64_t h;
    if (!strcmp(path, ":tt")) {
        h = new_handle(sh, mode < 4 ? F_TT_IN : mode < 8 ? F_TT_OUT : F_TT_ERR, -1);
    } else if (!strcmp(path, ":semihosting-features")) {
        if (mode > 1) {
            sh->err = EACCES;
            h = -1;
        } else {
            h = new_handle(sh, F_FEATURES, -1);
        }
    } else {
        h = host_open(sh, path, (unsigned)mode);
    }
    free(path);
    return h;
}

static int64_t op_close(struct semihost *sh, uint64_t arg)
{
    uint64_t h;
    if (!get_field(sh, arg, 0, &h)) {
        sh->err = EFAULT;
        return -1;
    }
    struct sh_file *f = get_file(sh, h);
    if (!f)
        return -1;
    int rc = 0;
    if (f->kind == F_HOST && close(f->fd) < 0) {
        sh->err = errno;
        rc = -1;
    }
    *f = (struct sh_file){F_FREE, -1, 0};
    return rc;
}

/* The {handle, buffer, length} block of SYS_READ and SYS_WRITE, checked: the handle must be
 * open in the right direction and the buffer guest memory. Returns the file, or NULL with
 * *fail set to what the call returns (the whole length not transferred, or -1 for an
 * unreadable block). */
static struct sh_file *rw_args(struct semihost *sh, uint64_t arg, bool reading, uint64_t *buf,
                               uint64_t *len, uint64_t *fail)
{
    uint64_t h;
    if (!get_field(sh, arg, 0, &h) || !get_field(sh, arg, 1, buf) ||
        !get_field(sh, arg, 2, len)) {
        sh->err = EFAULT;
        *fail = (uint64_t)-1;
        return NULL;
    }
    *fail = *len;
    struct sh_file *f = get_file(sh, h);
    if (!f)
        return NULL;
    bool wrong_way = reading ? (f->kind == F_TT_OUT || f->kind == F_TT_ERR)
                             : (f->kind == F_TT_IN || f->kind == F_FEATURES);
    if (wrong_way) {
        sh->err = EBADF;
        return NULL;
    }
    if (!mem_ok(sh, *buf, *len, reading)) {
        sh->err = EFAULT;
        return NULL;
    }
    return f;
}

/* Returns the number of bytes NOT written. */
static uint64_t op_write(struct semihost *sh, uint64_t arg)
{
    uint64_t buf, len, fail;
    struct sh_file *f = rw_args(sh, arg, false, &buf, &len, &fail);
    if (!f)
        return fail;
    uint8_t *tmp = malloc(len < CHUNK ? (len ? len : 1) : CHUNK);
    if (!tmp) {
        sh->err = ENOMEM;
        return len;
    }
    uint64_t done = 0;
    while (done < len) {
        size_t n = len - done < CHUNK ? (size_t)(len - done) : CHUNK;
        bus_peek(sh->bus, buf + done, tmp, n);
        if (f->kind != F_HOST) {
            console_out(sh, tmp, n);
            done += n;
            continue;
        }
        size_t off = 0;
        while (off < n) {
            ssize_t w = write(f->fd, tmp + off, n - off);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0) {
                sh->err = w < 0 ? errno : ENOSPC;
                free(tmp);
                return len - done - off;
            }
            off += (size_t)w;
        }
        done += n;
    }
    free(tmp);
    return 0;
}

/* Console input for SYS_READ: wait for the first byte, then take what is already there, up to
 * the end of the line, like a terminal read. */
static uint64_t tt_read(struct semihost *sh, uint8_t *tmp, uint64_t buf, uint64_t len)
{
    uint64_t done = 0;
    size_t fill = 0;
    while (done + fill < len) {
        int c = console_in(sh, done + fill == 0);
        if (c < 0)
            break;
        tmp[fill++] = (uint8_t)c;
        if (fill == CHUNK) {
            bus_poke(sh->bus, buf + done, tmp, fill);
            done += fill;
            fill = 0;
        }
        if (c == '\n')
            break;
    }
    bus_poke(sh->bus, buf + done, tmp, fill);
    return done + fill;
}

/* Returns the number of bytes NOT read. */
static uint64_t op_read(struct semihost *sh, uint64_t arg)
{
    uint64_t buf, len, fail;
    struct sh_file *f = rw_args(sh, arg, true, &buf, &len, &fail);
    if (!f)
        return fail;
    if (len == 0)
        return 0;
    if (f->kind == F_FEATURES) {
        uint64_t avail = f->pos < sizeof(features) ? sizeof(features) - f->pos : 0;
        uint64_t n = len < avail ? len : avail;
        bus_poke(sh->bus, buf, features + f->pos, (size_t)n);
        f->pos += n;
        return len - n;
    }
    uint8_t *tmp = malloc(len < CHUNK ? len : CHUNK);
    if (!tmp) {
        sh->err = ENOMEM;
        return len;
    }
    uint64_t done = 0;
    if (f->kind == F_TT_IN) {
        done = tt_read(sh, tmp, buf, len);
    } else {
        while (done < len) {
            size_t want = len - done < CHUNK ? (size_t)(len - done) : CHUNK;
            ssize_t r = read(f->fd, tmp, want);
            if (r < 0 && errno == EINTR)
                continue;
            if (r < 0) {
                sh->err = errno;
                break;
            }
            if (r == 0)
                break;
            bus_poke(sh->bus, buf + done, tmp, (size_t)r);
            done += (uint64_t)r;
        }
    }
    free(tmp);
    return len - done;
}

static int64_t op_seek(struct semihost *sh, uint64_t arg)
{
    uint64_t h, pos;
    if (!get_field(sh, arg, 0, &h) || !get_field(sh, arg, 1, &pos)) {
        sh->err = EFAULT;
        return -1;
    }
    struct sh_file *f = get_file(sh, h);
    if (!f)
        return -1;
    switch (f->kind) {
    case F_FEATURES:
        if (pos > sizeof(features)) {
            sh->err = EINVAL;
            return -1;
        }
        f->pos = pos;
        return 0;
    case F_HOST:
        if (pos > INT64_MAX || lseek(f->fd, (off_t)pos, SEEK_SET) < 0) {
            sh->err = pos > INT64_MAX ? EINVAL : errno;
            return -1;
        }
        return 0;
    default:
        sh->err = ESPIPE;
        return -1;
    }
}

static int64_t op_flen(struct semihost *sh, uint64_t arg)
{
    uint64_t h;
    if (!get_field(sh, arg, 0, &h)) {
        sh->err = EFAULT;
        return -1;
    }
    struct sh_file *f = get_file(sh, h);
    if (!f)
        return -1;
    if (f->kind == F_FEATURES)
        return sizeof(features);
    if (f->kind != F_HOST) {
        sh->err = EINVAL;
        return -1;
    }
    struct stat st;
    if (fstat(f->fd, &st) < 0) {
        sh->err = errno;
        return -1;
    }
    if (sh->xlen == 32 && st.st_size > INT32_MAX) {
        sh->err = EOVERFLOW;
        return -1;
    }
    return st.st_size;
}

static int64_t op_istty(struct semihost *sh, uint64_t arg)
{
    uint64_t h;
    if (!get_field(sh, arg, 0, &h)) {
        sh->err = EFAULT;
        return -1;
    }
    struct sh_file *f = get_file(sh, h);
    if (!f)
        return -1;
    return f->kind == F_TT_IN || f->kind == F_TT_OUT || f->kind == F_TT_ERR;
}

static int64_t op_remove(struct semihost *sh, uint64_t arg)
{
    uint64_t name, len;
    if (!get_field(sh, arg, 0, &name) || !get_field(sh, arg, 1, &len)) {
        sh->err = EFAULT;
        return -1;
    }
    char *path = get_string(sh, name, len);
    if (!path)
        return -1;
    const char *last;
    int dfd = walk_parent(sh, path, &last);
    int rc = 0;
    if (dfd < 0) {
        rc = -1;
    } else {
        if (unlinkat(dfd, last, 0) < 0) {
            sh->err = errno;
            rc = -1;
        }
        close(dfd);
    }
    free(path);
    return rc;
}

static int64_t op_rename(struct semihost *sh, uint64_t arg)
{
    uint64_t from, from_len, to, to_len;
    if (!get_field(sh, arg, 0, &from) || !get_field(sh, arg, 1, &from_len) ||
        !get_field(sh, arg, 2, &to) || !get_field(sh, arg, 3, &to_len)) {
        sh->err = EFAULT;
        return -1;
    }
    char *a = get_string(sh, from, from_len);
    char *b = a ? get_string(sh, to, to_len) : NULL;
    int rc = -1;
    if (a && b) {
        const char *la, *lb;
        int da = walk_parent(sh, a, &la);
        int db = da >= 0 ? walk_parent(sh, b, &lb) : -1;
        if (da >= 0 && db >= 0) {
            rc = renameat(da, la, db, lb);
            if (rc < 0)
                sh->err = errno;
        }
        if (da >= 0)
            close(da);
        if (db >= 0)
            close(db);
    }
    free(a);
    free(b);
    return rc;
}

static int64_t op_get_cmdline(struct semihost *sh, uint64_t arg)
{
    uint64_t buf, len;
    if (!get_field(sh, arg, 0, &buf) || !get_field(sh, arg, 1, &len)) {
        sh->err = EFAULT;
        return -1;
    }
    size_t n = strlen(sh->cmdline);
    if (n + 1 > len) {
        sh->err = E2BIG;
        return -1;
    }
    if (!mem_ok(sh, buf, n + 1, true) || !set_field(sh, arg, 1, n)) {
        sh->err = EFAULT;
        return -1;
    }
    bus_poke(sh->bus, buf, sh->cmdline, n + 1);
    return 0;
}

static int64_t op_heapinfo(struct semihost *sh, uint64_t arg)
{
    uint64_t block;
    if (!get_field(sh, arg, 0, &block)) {
        sh->err = EFAULT;
        return -1;
    }
    for (unsigned i = 0; i < 4; i++) {
        if (!set_field(sh, block, i, sh->heapinfo[i])) {
            sh->err = EFAULT;
            return -1;
        }
    }
    return 0;
}

/* Ticks of SYS_ELAPSED/SYS_TICKFREQ: the platform timebase (mtime), or microseconds when the
 * platform has none. */
static uint64_t tick_hz(const struct semihost *sh)
{
    return sh->env && sh->env->timebase_hz ? sh->env->timebase_hz : 1000000;
}

static uint64_t now_ps(const struct semihost *sh)
{
    return sh->env && sh->env->clock ? sh->env->clock->now : 0;
}

static int64_t op_elapsed(struct semihost *sh, uint64_t arg)
{
    uint64_t period = hz_to_period_ps(tick_hz(sh));
    uint64_t ticks = now_ps(sh) / (period ? period : 1);
    bool ok = sh->xlen == 32 ? set_field(sh, arg, 0, ticks) && set_field(sh, arg, 1, ticks >> 32)
                             : set_field(sh, arg, 0, ticks);
    if (!ok) {
        sh->err = EFAULT;
        return -1;
    }
    return 0;
}

static void do_exit(struct semihost *sh, int code)
{
    if (sh->env && sh->env->exit_request)
        sh->env->exit_request(sh->env->owner, code);
}

/* SYS_EXIT_EXTENDED, and SYS_EXIT on RV64: a {reason, subcode} block. */
static int64_t op_exit_block(struct semihost *sh, uint64_t arg, const char *name)
{
    uint64_t reason, subcode;
    if (!get_field(sh, arg, 0, &reason) || !get_field(sh, arg, 1, &subcode)) {
        /* The guest wants to stop; returning would most likely spin. Stop it, as a failure. */
        env_guest_error(sh->env, "semihosting",
                        "%s parameter block at 0x%llx is not readable memory; exiting with "
                        "status 1",
                        name, (unsigned long long)arg);
        do_exit(sh, 1);
        return -1;
    }
    do_exit(sh, reason == ADP_STOPPED_APPLICATION_EXIT
                    ? env_exit_code((uint64_t)xsigned(sh, subcode)) : 1);
    return 0;
}

uint64_t semihost_call(struct semihost *sh, unsigned xlen, uint64_t op, uint64_t arg)
{
    sh->xlen = xlen == 32 ? 32 : 64;
    arg = xmask(sh, arg);
    int64_t ret = 0;
    /* The operation number is the low 32 bits of a0 on every XLEN (the spec's W0). */
    switch ((uint32_t)op) {
    case SYS_OPEN: ret = op_open(sh, arg); break;
    case SYS_CLOSE: ret = op_close(sh, arg); break;
    case SYS_WRITEC: {
        uint8_t c;
        if (bus_peek(sh->bus, arg, &c, 1) == 1)
            console_out(sh, &c, 1);
        else
            sh->err = EFAULT;
        break;
    }
    case SYS_WRITE0: {
        uint8_t buf[256];
        for (uint64_t a = arg;;) {
            size_t n = 0;
            while (n < sizeof(buf) && bus_peek(sh->bus, a + n, &buf[n], 1) == 1 && buf[n])
                n++;
            console_out(sh, buf, n);
            if (n < sizeof(buf)) {
                if (bus_peek(sh->bus, a + n, &buf[0], 1) != 1)
                    sh->err = EFAULT;
                break;
            }
            a += n;
        }
        break;
    }
    case SYS_WRITE: return xmask(sh, op_write(sh, arg));
    case SYS_READ: return xmask(sh, op_read(sh, arg));
    case SYS_READC: ret = console_in(sh, true); break;
    case SYS_ISERROR: {
        uint64_t status;
        if (!get_field(sh, arg, 0, &status)) {
            sh->err = EFAULT;
            ret = -1;
        } else {
            ret = xsigned(sh, status) < 0;
        }
        break;
    }
    case SYS_ISTTY: ret = op_istty(sh, arg); break;
    case SYS_SEEK: ret = op_seek(sh, arg); break;
    case SYS_FLEN: ret = op_flen(sh, arg); break;
    case SYS_TMPNAM:
        sh->err = ENOSYS;
        ret = -1;
        break;
    case SYS_REMOVE: ret = op_remove(sh, arg); break;
    case SYS_RENAME: ret = op_rename(sh, arg); break;
    case SYS_CLOCK: ret = (int64_t)(now_ps(sh) / 10000000000ULL); break;
    case SYS_TIME: ret = (int64_t)(now_ps(sh) / PS_PER_SEC); break;
    case SYS_SYSTEM:
        env_guest_error(sh->env, "semihosting", "SYS_SYSTEM refused (host commands are never run)");
        sh->err = EACCES;
        ret = -1;
        break;
    case SYS_ERRNO: ret = sh->err; break;
    case SYS_GET_CMDLINE: ret = op_get_cmdline(sh, arg); break;
    case SYS_HEAPINFO: ret = op_heapinfo(sh, arg); break;
    case SYS_EXIT:
        if (sh->xlen == 32)
            do_exit(sh, arg == ADP_STOPPED_APPLICATION_EXIT ? 0 : 1);
        else
            ret = op_exit_block(sh, arg, "SYS_EXIT");
        break;
    case SYS_EXIT_EXTENDED: ret = op_exit_block(sh, arg, "SYS_EXIT_EXTENDED"); break;
    case SYS_ELAPSED: ret = op_elapsed(sh, arg); break;
    case SYS_TICKFREQ: {
        uint64_t hz = tick_hz(sh);
        ret = sh->xlen == 32 && hz > INT32_MAX ? -1 : (int64_t)hz;
        break;
    }
    default:
        env_guest_error(sh->env, "semihosting", "unknown operation 0x%llx (parameter 0x%llx)",
                        (unsigned long long)op, (unsigned long long)arg);
        sh->err = ENOSYS;
        ret = -1;
        break;
    }
    return xmask(sh, (uint64_t)ret);
}
