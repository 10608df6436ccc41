/* Shared declarations for the socsim benchmark firmware: each kernel does a fixed amount of
 * integer work, checks its own result, and returns a value to print. */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>

#ifndef SCALE
#define SCALE 1
#endif

/* A kernel returns 0 when its self-check passed and stores its headline result in *result. */
struct bench_kernel {
    const char *name;
    int (*run)(unsigned scale, uint32_t *result);
};

int bench_crc32(unsigned scale, uint32_t *result);
int bench_hash(unsigned scale, uint32_t *result);
int bench_sort(unsigned scale, uint32_t *result);
int bench_matmul(unsigned scale, uint32_t *result);
int bench_strings(unsigned scale, uint32_t *result);

/* xorshift32: deterministic pseudo-random data, same on every run and every host. */
static inline uint32_t bench_rand(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

void bench_fail(const char *kernel, const char *what);

#endif
