/* socsim benchmark firmware: runs a handful of compute kernels (checksums, hashing, sorting,
 * matrix multiply, string handling), each verifying its own result, and prints per-kernel
 * results with retired-instruction counts. Exits 0 only if every kernel verified.
 * Build with SCALE=n (make ... SCALE=n) to multiply the work. */
#include <stdio.h>

#include "bench.h"
#include "rt.h"

static const struct bench_kernel kernels[] = {
    {"crc32", bench_crc32},   {"adler32+fnv1a", bench_hash}, {"sort", bench_sort},
    {"matmul", bench_matmul}, {"strings", bench_strings},
};

static int failures;

void bench_fail(const char *kernel, const char *what)
{
    printf("FAIL %s: %s\n", kernel, what);
    failures++;
}

/* The unprivileged view, so the same code runs in M-mode and in S-mode. */
static uint64_t instret64(void)
{
    uint32_t hi, lo;
    do {
        hi = csr_read(instreth);
        lo = csr_read(instret);
    } while (hi != csr_read(instreth));
    return ((uint64_t)hi << 32) | lo;
}

int main(void)
{
    printf("socsim bench, SCALE=%d\n", SCALE);
    uint64_t total = 0;
    for (unsigned i = 0; i < sizeof kernels / sizeof kernels[0]; i++) {
        uint32_t result = 0;
        uint64_t start = instret64();
        int bad = kernels[i].run(SCALE, &result);
        uint64_t used = instret64() - start;
        total += used;
        printf("%-14s result 0x%08lx  %s  instret %lu\n", kernels[i].name, (unsigned long)result,
               bad ? "WRONG" : "ok", (unsigned long)used);
        if (bad)
            failures++;
    }
    printf("total instret %lu\n", (unsigned long)total);
    if (failures) {
        printf("bench: %d failure(s)\n", failures);
        return 1;
    }
    printf("bench: all kernels verified\n");
    return 0;
}
