/* RISC-V semihosting calls for the semihost_* tests: the Arm semihosting operations, entered
 * through the uncompressed, 4-byte-aligned sequence slli x0,x0,0x1f; ebreak; srai x0,x0,7 with
 * a0 = operation, a1 = parameter (usually a pointer to a block of words); result in a0. */
#include <stdint.h>
#include <string.h>

#define SYS_OPEN 0x01
#define SYS_CLOSE 0x02
#define SYS_WRITEC 0x03
#define SYS_WRITE0 0x04
#define SYS_WRITE 0x05
#define SYS_READ 0x06
#define SYS_READC 0x07
#define SYS_ISTTY 0x09
#define SYS_SEEK 0x0a
#define SYS_FLEN 0x0c
#define SYS_REMOVE 0x0e
#define SYS_CLOCK 0x10
#define SYS_TIME 0x11
#define SYS_ERRNO 0x13
#define SYS_GET_CMDLINE 0x15
#define SYS_HEAPINFO 0x16
#define SYS_EXIT 0x18
#define SYS_EXIT_EXTENDED 0x20

#define ADP_STOPPED_APPLICATION_EXIT 0x20026
#define ADP_STOPPED_RUN_TIME_ERROR 0x20023

/* fopen-style modes of SYS_OPEN */
#define SH_MODE_R 0
#define SH_MODE_RB 1
#define SH_MODE_W 4
#define SH_MODE_WPLUS_B 7

long semihost_call(long op, const void *arg);

__asm__(".pushsection .text.semihost_call, \"ax\", @progbits\n"
        ".balign 4\n"
        ".globl semihost_call\n"
        "semihost_call:\n"
        ".option push\n"
        ".option norvc\n"
        "slli x0, x0, 0x1f\n"
        "ebreak\n"
        "srai x0, x0, 7\n"
        ".option pop\n"
        "ret\n"
        ".popsection");

static inline long sh_open(const char *name, long mode)
{
    const uintptr_t a[3] = {(uintptr_t)name, (uintptr_t)mode, (uintptr_t)strlen(name)};
    return semihost_call(SYS_OPEN, a);
}

static inline long sh_close(long fd)
{
    const uintptr_t a[1] = {(uintptr_t)fd};
    return semihost_call(SYS_CLOSE, a);
}

/* Returns the number of bytes NOT written (0 on success). */
static inline long sh_write(long fd, const void *buf, size_t len)
{
    const uintptr_t a[3] = {(uintptr_t)fd, (uintptr_t)buf, len};
    return semihost_call(SYS_WRITE, a);
}

/* Returns the number of bytes NOT read (len at end of file). */
static inline long sh_read(long fd, void *buf, size_t len)
{
    const uintptr_t a[3] = {(uintptr_t)fd, (uintptr_t)buf, len};
    return semihost_call(SYS_READ, a);
}

static inline long sh_seek(long fd, long pos)
{
    const uintptr_t a[2] = {(uintptr_t)fd, (uintptr_t)pos};
    return semihost_call(SYS_SEEK, a);
}

static inline long sh_flen(long fd)
{
    const uintptr_t a[1] = {(uintptr_t)fd};
    return semihost_call(SYS_FLEN, a);
}

static inline long sh_istty(long fd)
{
    const uintptr_t a[1] = {(uintptr_t)fd};
    return semihost_call(SYS_ISTTY, a);
}

static inline long sh_remove(const char *name)
{
    const uintptr_t a[2] = {(uintptr_t)name, (uintptr_t)strlen(name)};
    return semihost_call(SYS_REMOVE, a);
}

static inline long sh_errno(void)
{
    return semihost_call(SYS_ERRNO, 0);
}

static inline void sh_write0(const char *s)
{
    semihost_call(SYS_WRITE0, s);
}

/* The semihost tests print through SYS_WRITEC instead of the UART, so every line of their
 * output also exercises semihosting. */
void rt_console_putc(char c)
{
    semihost_call(SYS_WRITEC, &c);
}
