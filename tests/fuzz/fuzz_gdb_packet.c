/* Fuzz target for the GDB server (gdb/): see gdb_fuzz.h for the input format and the checks.
 *
 * Built by `make fuzz-gdb` (mk/fuzz.mk) in one of two ways:
 *   - clang -fsanitize=fuzzer,address,undefined: a libFuzzer binary. Its corpus starts from the
 *     seeds in gdb_fuzz.h, written when GDB_FUZZ_SEED_DIR names a directory.
 *   - -DGDB_FUZZ_STANDALONE with any compiler and ASan/UBSan: a driver that feeds random and
 *     mutated packets, `fuzz_gdb_packet [SECONDS [SEED]]`. */
#include "tests/fuzz/gdb_fuzz.h"

#ifdef GDB_FUZZ_STANDALONE

int main(int argc, char **argv)
{
    double seconds = argc > 1 ? atof(argv[1]) : 10;
    uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 0) : (uint64_t)time(NULL);
    printf("gdb fuzz: standalone driver, seed %llu, %.0f s\n", (unsigned long long)seed, seconds);
    fflush(stdout);
    unsigned long n = gdb_fuzz_run(seed, seconds, (unsigned long)-1);
    printf("gdb fuzz: %lu inputs, no failure\n", n);
    return 0;
}

#else

/* One server for the whole run: starting one per input would mostly fuzz bind(2). Each input
 * gets a fresh connection, so per-connection state starts clean. */
static struct gdb_fuzz *fuzz;

/* libFuzzer ends with exit(): free the server so its socket file leaves /tmp. */
static void fuzz_end(void)
{
    gdb_fuzz_free(fuzz);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *dir = getenv("GDB_FUZZ_SEED_DIR");
    if (dir)
        gdb_fuzz_write_seeds(dir);
    fuzz = gdb_fuzz_new();
    atexit(fuzz_end);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gdb_fuzz_one(fuzz, data, size);
    return 0;
}

#endif
