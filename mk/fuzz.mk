# Fuzzing the GDB server's packet handling (tests/fuzz/): `make fuzz-gdb [FUZZ_SECONDS=60]`.
# With clang's libFuzzer: a coverage-guided binary, its corpus in $(BUILD)/fuzz/corpus-gdb
# (seeded from the packets in tests/fuzz/gdb_fuzz.h), crashes saved in $(BUILD)/fuzz/.
# Without: the standalone driver (random and mutated packets) under ASan and UBSan.
# `make test` runs the standalone driver for a few seconds as a unit test
# (tests/unit/test_gdb.c, test_fuzz_short_run_finds_nothing).
FUZZ_SECONDS ?= 60
FUZZ_CLANG ?= clang
FUZZ_DIR := $(BUILD)/fuzz
FUZZ_GDB_SRCS := tests/fuzz/fuzz_gdb_packet.c $(wildcard gdb/*.c)
FUZZ_GDB_DEPS := $(FUZZ_GDB_SRCS) tests/fuzz/gdb_fuzz.h $(wildcard gdb/*.h)
FUZZ_CFLAGS := -std=c11 -D_GNU_SOURCE -I. -g -O1 -fno-omit-frame-pointer $(WARN) \
    -fno-sanitize-recover=all

$(FUZZ_DIR)/fuzz_gdb_packet: $(FUZZ_GDB_DEPS)
	@mkdir -p $(@D)
	$(FUZZ_CLANG) $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined $(FUZZ_GDB_SRCS) -o $@

$(FUZZ_DIR)/fuzz_gdb_packet_standalone: $(FUZZ_GDB_DEPS)
	@mkdir -p $(@D)
	$(CC) $(FUZZ_CFLAGS) -DGDB_FUZZ_STANDALONE -fsanitize=address,undefined \
	    $(FUZZ_GDB_SRCS) -o $@

# Probe for libFuzzer when the target runs, not when the Makefile is read.
fuzz-gdb:
	@mkdir -p $(FUZZ_DIR)
	@if echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }' | \
	    $(FUZZ_CLANG) -x c -fsanitize=fuzzer - -o $(FUZZ_DIR)/probe 2>/dev/null; then \
	    rm -f $(FUZZ_DIR)/probe; \
	    $(MAKE) --no-print-directory $(FUZZ_DIR)/fuzz_gdb_packet && \
	    mkdir -p $(FUZZ_DIR)/corpus-gdb && \
	    GDB_FUZZ_SEED_DIR=$(FUZZ_DIR)/corpus-gdb $(FUZZ_DIR)/fuzz_gdb_packet \
	        -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=$(FUZZ_DIR)/ \
	        $(FUZZ_DIR)/corpus-gdb; \
	else \
	    echo "fuzz-gdb: no clang with libFuzzer; running the standalone driver"; \
	    $(MAKE) --no-print-directory $(FUZZ_DIR)/fuzz_gdb_packet_standalone && \
	    $(FUZZ_DIR)/fuzz_gdb_packet_standalone $(FUZZ_SECONDS); \
	fi

.PHONY: fuzz-gdb
