/* What the engine provides to models: the clock, the console, guest-error logging, and the
 * requests a device may make of the simulation (exit, reset). Models see the engine only
 * through this table, so they never include sim/ and unit tests can supply their own. */
#ifndef SOCSIM_ENV_H
#define SOCSIM_ENV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clock.h"

#define ENV_NO_INPUT (-1) /* console_read: nothing available yet, ask again later */
#define ENV_EOF (-2)      /* console_read: input has ended, stop asking */

struct sim_env {
    struct clock *clock;
    uint64_t timebase_hz; /* frequency of mtime and the time CSR (platform `timebase:`) */
    uint64_t mtime_offset; /* set by the CLINT when the guest writes mtime; time CSR adds it */
    void *owner;
    void (*console_write)(void *owner, const uint8_t *buf, size_t n);
    int (*console_read)(void *owner);
    void (*exit_request)(void *owner, int code);
    void (*reset_request)(void *owner);
    void (*guest_error)(void *owner, const char *msg);
    /* Optional: true once the user asked the run to stop (Ctrl-C). A model that blocks on the
     * host, like a semihosting console read, gives up when it turns true. */
    bool (*stop_requested)(void *owner);
};

/* printf-style guest-error line, "WHO: message"; goes through env->guest_error. */
void env_guest_error(struct sim_env *env, const char *who, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static inline uint64_t env_now(const struct sim_env *env) { return env->clock->now; }

/* A firmware's exit value (any width, two's complement) as an exit_request code: values that
 * fit an int pass unchanged; wider ones stay nonzero, so a failure code like 1 << 32 cannot
 * turn into success when it is narrowed. */
static inline int env_exit_code(uint64_t v)
{
    int64_t s = (int64_t)v;
    if (s >= INT32_MIN && s <= INT32_MAX)
        return (int)s;
    int c = (int)(v & 0x7fffffff);
    return c ? c : 1;
}

/* Timebase ticks elapsed in simulated time (mtime before any guest write to it). */
static inline uint64_t env_mtime(const struct sim_env *env)
{
    uint64_t period = hz_to_period_ps(env->timebase_hz);
    return period ? env->clock->now / period : 0;
}

#endif
