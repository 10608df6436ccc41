/* RISC-V semihosting (the Arm semihosting operations reached through the
 * slli x0,x0,0x1f / ebreak / srai x0,x0,7 sequence). Host file access is off unless a root
 * directory is given, and then confined to it. */
#ifndef SOCSIM_SEMIHOST_H
#define SOCSIM_SEMIHOST_H

#include <stdint.h>

struct bus;
struct sim_env;
struct semihost;

struct semihost_config {
    const char *root;    /* NULL: no host file access (":tt" console only) */
    const char *cmdline; /* SYS_GET_CMDLINE */
    /* SYS_HEAPINFO answers */
    uint64_t heap_base, heap_limit, stack_base, stack_limit;
};

struct semihost *semihost_new(struct bus *bus, struct sim_env *env,
                              const struct semihost_config *cfg);
void semihost_free(struct semihost *sh);
/* One call: op from a0, parameter from a1; returns the value for a0. Exit operations call
 * env->exit_request. xlen (32/64) sets the field width of parameter blocks. */
uint64_t semihost_call(struct semihost *sh, unsigned xlen, uint64_t op, uint64_t arg);

#endif
